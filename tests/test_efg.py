"""Gambit .efg files (multilateral.io.efg) and pygambit conversion (multilateral.io.gambit)."""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

import multilateral as ml
from multilateral.errors import (
    InvalidArgumentError,
    InvalidTypeError,
    MalformedFileError,
    MissingDependencyError,
)
from multilateral.games.extensive import DECISION, Chance, Decision, ExtensiveFormGame, Outcome
from multilateral.io import format_efg, parse_efg, read_efg, write_efg

F = Fraction
PEERS = json.loads((Path(__file__).parent / "data" / "peers" / "extensive.json").read_text())

ENTRY = '''EFG 2 R "Entry" { "Entrant" "Incumbent" }
""

p "" 1 1 "" { "out" "in" } 0
t "" 1 "stay out" { 1, 5 }
p "" 2 1 "" { "fight" "accommodate" } 0
t "" 2 "" { 0, 0 }
t "" 3 "" { 2, 2 }
'''


def labelled() -> ExtensiveFormGame:
    """Labels with quotes, backslashes, commas, braces and non-ASCII; chance; an infoset."""
    def receiver(kind: str) -> Decision:
        return Decision("Receiver \"R\"", {"trust {x}": Outcome([2, F(1, 3)], f"{kind}, trusted"),
                                          "doubt\\": Outcome([0, -1])}, infoset="saw ☂")

    return ExtensiveFormGame(Chance({
        "ok \\": (F(1, 3), Decision("Sender", {"send": receiver("good"), "stop": Outcome(
            [F(-7, 2), 0], "stopped")}, label="type \"good\"")),
        "bad": (F(2, 3), Decision("Sender", {"send": receiver("bad"), "stop": Outcome(
            [1, 1])}))}, label="nature\\"), title='Signal "game" \\ ☂')


def test_read_the_documented_example():
    game = parse_efg(ENTRY)
    assert game.title == "Entry" and game.players == ("Entrant", "Incumbent")
    assert game.actions == (("out", "in"), ("fight", "accommodate"))
    assert game.payoffs.tolist() == [[1, 5], [0, 0], [2, 2]]
    assert game.outcome_labels == ("stay out", "", "")
    assert ml.solvers.backward_induction(game).actions == ("in", "accommodate")


def test_round_trip_keeps_every_label_and_number_exact():
    game = labelled()
    text = format_efg(game)
    again = parse_efg(text)
    assert again == game
    assert again.node_labels == game.node_labels and again.title == game.title
    assert format_efg(again) == text


@settings(max_examples=60, deadline=None)
@given(ml.strategies.extensive_form_games(n=3, max_nodes=20, perfect_information=False))
def test_write_read_is_the_identity(game):
    assert parse_efg(format_efg(game)) == game


@settings(max_examples=30, deadline=None)
@given(ml.strategies.extensive_form_games(exact=False, max_nodes=12))
def test_float_games_read_back_with_the_same_floats(game):
    again = parse_efg(format_efg(game))
    assert np.array_equal(again.float_payoffs, game.float_payoffs)
    assert again.payoffs.dtype.kind in "iO"  # payoffs read back as exact fractions


def test_gambit_shorthand_interior_outcomes_and_decimals():
    text = '''EFG 2 D "Shorthand" { "A" "B" }
    c "root" 1 "nature" { "h" 0.25 "t" 0.75 } 1 "entry fee" { -1 -1 }
    p "" 1 1 "guess" { "H" "T" } 0
    t "" 2 "win" { 1.5 0 }
    t "" 3 "lose" { 0, 1/2 }
    p "" 1 1 0
    t "" 3
    t "" 2
    '''
    game = parse_efg(text)
    assert game.chance_probability[1:3].tolist() == [F(1, 4), F(3, 4)]
    # the root's outcome is added to every terminal node below it
    assert game.payoffs.tolist() == [[F(1, 2), -1], [-1, F(-1, 2)], [-1, F(-1, 2)],
                                     [F(1, 2), -1]]
    assert game.outcome_labels == ("win", "lose", "lose", "win")
    assert game.infosets[0].nodes == (1, 2) and game.infosets[0].label == "guess"


def test_files_and_byte_order_marks(tmp_path):
    path = tmp_path / "entry.efg"
    write_efg(parse_efg(ENTRY), path)
    assert read_efg(path) == parse_efg(ENTRY)
    (tmp_path / "bom.efg").write_bytes(b"\xef\xbb\xbf" + ENTRY.encode())
    assert read_efg(tmp_path / "bom.efg") == parse_efg(ENTRY)
    (tmp_path / "latin.efg").write_bytes(ENTRY.replace("Entry", "Entr\xe9e").encode("latin-1"))
    with pytest.raises(MalformedFileError, match=r"latin.efg: line 1: not UTF-8"):
        read_efg(tmp_path / "latin.efg")
    (tmp_path / "bad.efg").write_text(ENTRY.replace('t "" 2 "" { 0, 0 }', 't "" 2 "" { 0 }'))
    with pytest.raises(MalformedFileError, match=r"bad.efg: line 7: outcome 2 has 1 payoff"):
        read_efg(tmp_path / "bad.efg")


MALFORMED = [
    ("", r"line 1: expected 'EFG', found the end of the file"),
    ('NFG 1 R "x" { "A" }', r"line 1: not a Gambit .efg file: expected 'EFG', found 'NFG'"),
    ('EFG 1 R "x" { "A" }', r"line 1: unsupported .efg version '1'"),
    ('EFG 2 R "x" { }', r"line 1: the list of players is empty"),
    (ENTRY.replace('p "" 2 1', 'q "" 2 1'), r"line 6: expected a node \('p', 'c' or 't'\), "
     "found 'q'"),
    (ENTRY.replace('p "" 2 1', 'p "" 3 1'), r"line 6: player number 3 out of range"),
    (ENTRY.replace('p "" 2 1 "" { "fight" "accommodate" } 0', 'p "" 2 1 0'),
     r"line 6: information set 1 of player 2 is used before its name and actions"),
    (ENTRY.replace('t "" 2 "" { 0, 0 }', 't "" 2'), r"line 7: outcome 2 is used before its "
     "payoffs"),
    (ENTRY.replace("{ 2, 2 }", "{ 2, x }"), r"line 8: expected a payoff \(a number\), found 'x'"),
    (ENTRY.replace("{ 2, 2 }", "{ 2, 2 "), r"line 8: unbalanced braces: this '{' is never closed"),
    (ENTRY + 't "" 4 "" { 0, 0 }\n', r"line 9: unexpected 't' after the last node"),
    ('EFG 2 R "x" { "A }\n', r"line 1: unterminated string"),
    (ENTRY.replace('"accommodate" } 0', '"accommodate" 0'),
     r"line 6: expected an? .*found '0'|line 6: expected a quoted string or '}'"),
    ('EFG 2 R "x" { "A" }\nc "" 1 "" { "h" 1/2 "t" 1/3 } 0\nt "" 0\nt "" 0',
     r"line 2: the probabilities of chance's moves at node 0 sum to 5/6, not 1"),
    ('EFG 2 R "x" { "A" }\nc "" 1 "" { "h" 3/2 "t" -1/2 } 0\nt "" 0\nt "" 0',
     r"line 3: chance's move to node 1 has probability 3/2"),
    ('EFG 2 R "x" { "A" }\np "" 1 1 "" { "a" "b" } 0\np "" 1 2 "" { "c" } 0\nt "" 0\n'
     'p "" 1 2 "" { "d" } 0\nt "" 0', r"line 5: information set 2 of player 1 has the actions "
     r"\['c'\] \(line 3\) and here \['d'\]"),
    # what a later line gives again must not change (Gambit refuses these files too; this
    # reader used to keep the first definition silently, or drop the null outcome's payoffs)
    (ENTRY.replace('t "" 3 "" { 2, 2 }', 't "" 2 "" { 2, 2 }'),
     r"line 8: outcome 2 is '' \{ 0, 0 \} \(line 7\) and here '' \{ 2, 2 \}"),
    (ENTRY.replace('t "" 3 "" { 2, 2 }', 't "" 2 "x" { 0, 0 }'),
     r"line 8: outcome 2 is '' .* and here 'x'"),
    (ENTRY.replace('"in" } 0', '"in" } 0 "" { 1, 1 }'), r"line 4: outcome 0 is the null outcome"),
    ('EFG 2 R "x" { "A" }\nc "" 1 "" { "h" 1/2 "t" 1/2 } 0\np "" 1 1 "one" { "a" } 0\n'
     't "" 0\np "" 1 1 "two" { "a" } 0\nt "" 0',
     r"line 5: information set 1 of player 1 has the name 'one' \(line 3\) and here 'two'"),
    ('EFG 2 R "x" { "A" }\nc "" 1 "" { "h" 1/2 "t" 1/2 } 0\nc "" 1 "" { "h" 1/3 "t" 2/3 } 0\n'
     't "" 0\nt "" 0\nt "" 0', r"line 3: chance information set 1 has the actions and "
     r"probabilities \{ 'h' 1/2 't' 1/2 \} \(line 2\) and here \{ 'h' 1/3 't' 2/3 \}"),
]


@pytest.mark.parametrize(("text", "pattern"), MALFORMED)
def test_malformed_files_name_the_line(text, pattern):
    with pytest.raises(MalformedFileError, match=pattern):
        parse_efg(text)


def test_repeated_definitions_and_labels_gambit_allows():
    # a chance information set and an outcome given again unchanged, or by number alone
    game = parse_efg('EFG 2 R "x" { "" "" }\nc "" 1 "" { "h" 1/2 "t" 1/2 } 0\n'
                     'c "" 1 "" { "h" 1/2 "t" 1/2 } 1 "o" { 1, 2 }\nt "" 0\nt "" 1 "o" { 1, 2 }'
                     '\nc "" 1 0\nt "" 1\np "" 2 1 "" { "" "" } 0\nt "" 0\nt "" 0')
    assert game.players == ("P1", "P2")  # Gambit allows two unnamed players
    assert game.actions == (("a0", "a1"),)  # and unnamed actions
    assert game.chance_probability[1:3].tolist() == [F(1, 2), F(1, 2)]
    assert game.payoffs.tolist() == [[1, 2], [2, 4], [1, 2], [0, 0], [0, 0]]


def test_every_truncation_is_an_error_with_a_line():
    text = format_efg(labelled())
    lines = text.splitlines()
    for k in range(1, len(lines)):
        cut = "\n".join(lines[:k])
        with pytest.raises(MalformedFileError, match=r"^line \d+: "):
            parse_efg(cut)
    for k in range(1, len(text) - 1, 7):  # inside tokens too
        with pytest.raises(MalformedFileError, match=r"^line \d+: "):
            parse_efg(text[:k])


def test_bad_arguments():
    with pytest.raises(InvalidTypeError, match="parse_efg expects the file's text"):
        parse_efg(b"EFG")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="expected an ExtensiveFormGame"):
        format_efg(ml.NormalFormGame([[1]], [[1]]))  # type: ignore[arg-type]


# -- pygambit: frozen answers (tests/data/peers/extensive.json), no pygambit needed ---------------
def _preorder(game: ExtensiveFormGame) -> list[int]:
    offsets, out, stack = game.child_offsets.tolist(), [], [0]
    while stack:
        v = stack.pop()
        out.append(v)
        stack.extend(range(offsets[v + 1] - 1, offsets[v] - 1, -1))
    return out


def _unnamed(game: ExtensiveFormGame) -> ExtensiveFormGame:
    """pygambit names unlabelled outcomes _1, _2, ... and renames repeated labels x to x_1,
    x_2, ...: undo both."""
    return game.relabel(outcome_labels=[re.sub(r"_\d+$", "", x) for x in game.outcome_labels])


@pytest.mark.parametrize("case", PEERS["games"], ids=[g["name"] for g in PEERS["games"]])
def test_agrees_with_pygambit(case):
    game = parse_efg(case["efg"])
    assert _unnamed(parse_efg(case["to_efg"])) == game  # pygambit read and wrote it back
    assert game.n_nodes == case["n_nodes"]
    assert [len(game.infosets_of(i)) for i in range(game.n_players)] == case["infosets"]
    reduced = game.normal_form(reduced=True)
    assert list(reduced.shape) == case["reduced_strategies"]
    if case["perfect_recall"]:
        ours = sorted([str(F(x)) for x in reduced.payoffs[cell].tolist()]
                      for cell in ml.solvers.pure_nash_equilibria(reduced))
        assert ours == case["enumpure_payoffs"]
    if "backward_induction" in case:
        spe = ml.solvers.backward_induction(game)
        frozen = case["backward_induction"]
        assert [str(F(x)) for x in spe.payoffs] == frozen["payoffs"]
        order = _preorder(game)
        best = spe.choice[game.infoset[order]]
        chosen = np.where(game.kind[order] == DECISION, best, -1)
        assert chosen.tolist() == frozen["chosen_child"]


# -- pygambit live (where it is installed) -----------------------------------------------------
def test_pygambit_round_trip():
    try:
        import pygambit  # noqa: F401
    except ImportError:  # CI: the frozen answers above stand in; the error is the clear one
        with pytest.raises(MissingDependencyError, match="pip install pygambit"):
            ml.io.to_pygambit(parse_efg(ENTRY))
        return
    with pytest.raises(InvalidArgumentError, match=r"pygambit refuses this game: .* printable "
                       "ASCII"):
        ml.io.to_pygambit(labelled())  # non-ASCII labels
    # (nor a label that ends with a backslash or a space)
    game = ExtensiveFormGame(Chance({
        "tough": (F(1, 3), Decision("D", {"a {x}": Outcome([1, 2], "o, 1"),
                                          "b": Outcome([0, 1], "o2")}, infoset='i "1"')),
        "weak": (F(2, 3), Decision("D", {"a {x}": Outcome([3, 2], "o3"),
                                         "b": Outcome([F(1, 2), 1], "o4")}, infoset='i "1"'))},
        label="nature"), players=["C", "D"], title='A "title" with \\ inside')
    assert ml.io.from_pygambit(ml.io.to_pygambit(game)) == game
    plain = parse_efg(ENTRY)
    assert ml.io.from_pygambit(ml.io.to_pygambit(plain)) == plain  # unlabelled outcomes too
    nf = plain.normal_form(reduced=True)
    assert ml.io.from_pygambit(ml.io.to_pygambit(nf)) == nf
    # pygambit's writer doubles backslashes and its reader keeps both: refused, not changed
    for label in ("a\\\\b", 'a\\"b'):
        with pytest.raises(InvalidArgumentError, match=r"pygambit 16\.7 would change the label"):
            ml.io.to_pygambit(plain.relabel(players=[label, "I"]))


def test_pygambit_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pygambit", None)
    with pytest.raises(MissingDependencyError, match="pip install pygambit"):
        ml.io.to_pygambit(parse_efg(ENTRY))
    with pytest.raises(MissingDependencyError, match="optional pygambit package"):
        ml.io.from_pygambit(object())


# -- files that pygambit wrote (tests/data/peers/extensive.json, "files") ------------------------
@pytest.mark.parametrize("case", PEERS["files"], ids=[f"file {k}" for k in
                                                        range(len(PEERS["files"]))])
def test_reads_pygambit_files_as_pygambit_does(case):
    # outcomes at inner nodes added along the path, shared outcomes, decimals, absent minds
    game = parse_efg(case["efg"])
    order = _preorder(game)
    assert len(order) == len(case["nodes"])
    owner: dict[tuple[int, int], int] = {}  # pygambit's (player, set) -> ours
    for v, row in zip(order, case["nodes"], strict=True):
        kind = int(game.kind[v])
        if row[0] == "t":
            assert kind == 0
            assert [F(x) for x in game.payoffs[int(game.outcome[v])].tolist()] == [
                F(x) for x in row[1]]
        elif row[0] == "c":
            assert kind == 2
            assert [F(game.chance_probability[c]) for c in game.children(v)] == [
                F(x) for x in row[1]]
        else:
            assert kind == DECISION and int(game.player[v]) == row[1]
            assert owner.setdefault((row[1], row[2]), int(game.infoset[v])) == game.infoset[v]
    assert len(owner) == game.n_infosets  # the same partition into information sets
    assert game.is_perfect_recall == case["perfect_recall"]
    reduced = game.normal_form(reduced=True)
    assert [len(s) for s in case["reduced_strategies"]] == list(reduced.shape)

    def ours(i: int, label: str) -> int:
        """pygambit's strategy label (an action number or * per set, in its order) as ours."""
        sets = sorted((j, h) for (p, j), h in owner.items() if p == i)
        pick = {h: label[j] for j, h in sets}
        name = "/".join("*" if pick[h] == "*" else game.actions[h][int(pick[h]) - 1]
                        for h in game.infosets_of(i)) or "(no move)"
        return reduced.actions[i].index(name)

    for i, labels in enumerate(case["reduced_strategies"]):
        assert sorted(ours(i, s) for s in labels) == list(range(reduced.shape[i]))
    for labels, payoffs in case.get("pure_payoffs", []):
        cell = tuple(ours(i, s) for i, s in enumerate(labels))
        assert [F(x) for x in reduced.payoffs[cell].tolist()] == [F(x) for x in payoffs]


# -- the fast path against the token reader ---------------------------------------------------
from hypothesis import strategies as st  # noqa: E402

from multilateral.io import _efg_fast  # noqa: E402
from multilateral.io import efg as _efg  # noqa: E402

#: Gambit's own idioms the writer does not produce: an outcome at a decision and a chance
#: node (added to the payoffs below), an information set and outcomes given once and used
#: again by number, escaped quotes and backslashes, nodes run together on one line,
#: payoffs separated by whitespace or stray commas, a comment, float chance probabilities.
IDIOMS = r'''EFG 2 R "t\"itle" { "A" "B\\" } "a comment"
c "root" 1 "" { "h" 0.3333333333333333 "m" 0.3333333333333333
                "t" 0.3333333333333333 } 1 "bonus" { 1/2, -1 }
p "" 1 1 "x\"y" { "l" "r\"" } 0 t "" 2 "o\\" { 1 2 } t "" 3 "" { ,3,, 4 }
p "" 1 1 0
t "" 2
p "n" 2 1 "" { "u" } 4 "w" { 0.25 1e2 }
t "" 3
p "" 1 1 0 t "" 3 t "" 2
'''


def _both(text: str) -> tuple[object, object]:
    """The result (or the error's class and message) of the fast path and of the token
    reader alone."""
    out = []
    for fast in (True, False):
        try:
            out.append(_efg._parse(text, fast))
        except Exception as err:
            out.append((type(err), str(err)))
    return out[0], out[1]


def _fast_taken(text: str) -> bool:
    stream = _efg.Stream(text)
    title, players = _efg._header(stream)
    first = stream.peek()
    return first is not None and _efg_fast.fast_parse(text, first.pos, title, players) is not None


def test_fast_path_reads_gambit_idioms_as_the_token_reader() -> None:
    assert _fast_taken(IDIOMS)
    fast, slow = _both(IDIOMS)
    assert isinstance(fast, ExtensiveFormGame) and fast == slow
    assert fast.title == 't"itle' and fast.players == ("A", "B\\")
    assert fast.outcome_labels[:1] == ("o\\",) or "o\\" in fast.outcome_labels
    assert fast.chance_probability.dtype.kind == "f"


@settings(deadline=None)
@given(ml.strategies.extensive_form_games(3, max_nodes=25, exact=True,
                                          perfect_information=False) |
       ml.strategies.extensive_form_games(2, max_nodes=25, exact=False,
                                          perfect_information=False))
def test_fast_path_round_trips(game: ExtensiveFormGame) -> None:
    """read(write(g)) == g through the fast path (which takes every file the writer
    writes), and equals the token reader's game."""
    text = format_efg(game)
    assert _fast_taken(text)
    fast, slow = _both(text)
    assert fast == slow
    if game.is_exact:
        assert fast == game
    assert isinstance(fast, ExtensiveFormGame)
    assert fast.node_labels == slow.node_labels  # type: ignore[union-attr]
    assert fast.outcome_labels == slow.outcome_labels  # type: ignore[union-attr]
    assert fast.infoset_labels == slow.infoset_labels  # type: ignore[union-attr]
    assert fast.action_labels == slow.action_labels  # type: ignore[union-attr]
    assert np.array_equal(fast.payoffs, slow.payoffs)  # type: ignore[union-attr]


_PIECES = ['"', "{", "}", ",", " ", "\n", "0", "1", "-1", "1/0", "p", "t", "c", "\\", "x",
           "99", "1/2", '""', "inf"]


@settings(deadline=None, max_examples=150)
@given(st.sampled_from([ENTRY, IDIOMS]), st.data())
def test_fast_path_on_damaged_files_answers_as_the_token_reader(text: str,
                                                                data: st.DataObject) -> None:
    """A file with a few characters deleted, replaced or inserted: the fast path gives
    the token reader's game or exactly its error (it hands every file it does not take to
    the token reader, which raises)."""
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(st.sampled_from([*_PIECES, ""])) + text[at + cut:]
    fast, slow = _both(text)
    assert fast == slow


def test_float_chance_with_a_last_probability_of_zero_is_written_readably() -> None:
    """The writer makes a float chance node's decimals sum to exactly one by adjusting one of
    them; adjusting the last, as it used to, wrote ``-0.00000000000000006`` for a last
    probability of 0 (5/6 and 1/6 as floats sum to 1 + 2^-53 in decimals), a file neither
    reader accepts. It adjusts the largest now."""
    game = ExtensiveFormGame(Chance({
        "a": (0.8333333333333334, Outcome([1.0])), "b": (0.16666666666666666, Outcome([2.0])),
        "c": (0.0, Outcome([3.0]))}), players=["A"])
    text = format_efg(game)
    assert "-0." not in text
    back = parse_efg(text)
    assert back.chance_probability.tolist()[1:] == pytest.approx([5 / 6, 1 / 6, 0.0],
                                                                 abs=1e-15)
