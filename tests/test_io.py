"""Reading and writing Gambit .nfg files (multilateral.io)."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import (
    InvalidArgumentError,
    InvalidTypeError,
    MalformedFileError,
)
from multilateral.io import format_nfg, parse_nfg, read_nfg, write_nfg
from multilateral.strategies import normal_form_games

DATA = Path(__file__).parent / "data"


# -- the fixtures ----------------------------------------------------------------------------
def test_read_payoff_version():
    game = read_nfg(DATA / "prisoners_dilemma_payoff.nfg")
    assert game.players == ("Row", "Column")
    assert game.shape == (2, 2)
    assert game.actions == ml.NormalFormGame(np.zeros((2, 2, 2), dtype=int)).actions  # defaults
    assert game.payoffs.dtype == np.int64
    expected = ml.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=["Row", "Column"])
    assert game == expected
    assert ml.solvers.pure_nash_equilibria(game) == ((1, 1),)


def test_read_outcome_version():
    game = read_nfg(DATA / "battle_outcome.nfg")
    assert game.players == ("Alice", "Bob")
    assert game.actions == (("Opera", "Football"), ("Opera", "Football"))
    assert game.payoffs[0, 0].tolist() == [2, Fraction(1, 3)]  # outcome 1, a rational
    assert game.payoffs[1, 1].tolist() == [1, Fraction(5, 2)]  # outcome 2, a decimal
    assert game.payoffs[1, 0].tolist() == [0, 0]  # outcome 0: the null outcome
    assert game.payoffs[0, 1].tolist() == [0, 0]
    assert game.is_exact
    assert all(isinstance(v, Fraction) for v in game.payoffs.ravel())


def test_three_player_first_player_fastest():
    game = read_nfg(DATA / "three_player.nfg")
    assert game.shape == (2, 2, 3)
    assert game.players == ("P1", "P2", "P3")
    # the file's 2nd profile is (1, 0, 0) and its 3rd is (0, 1, 0)
    assert game.payoffs[1, 0, 0].tolist() == [100, 1100, 2100]
    assert game.payoffs[0, 1, 0].tolist() == [10, 1010, 2010]
    assert game.payoffs[0, 0, 1].tolist() == [1, 1001, 2001]
    for a, b, c, i in itertools.product(range(2), range(2), range(3), range(3)):
        assert game.payoffs[a, b, c, i] == 1000 * i + 100 * a + 10 * b + c


def test_three_player_file_matches_gambit_profile_order():
    # Gambit lists profiles with player 1's strategy changing fastest, then player 2's, ...
    # Build that list by hand from the same formula and compare with the file's numbers.
    numbers = []
    for c in range(3):
        for b in range(2):
            for a in range(2):
                numbers += [1000 * i + 100 * a + 10 * b + c for i in range(3)]
    text = (DATA / "three_player.nfg").read_text()
    body = text.split("fastest.\"", 1)[1].split()
    assert [int(x) for x in body] == numbers
    # and writing the game back produces exactly that order
    game = read_nfg(DATA / "three_player.nfg")
    written = format_nfg(game, version="payoff").split("}")[-1].split()
    assert [int(x) for x in written] == numbers


# -- writing: exact layout -------------------------------------------------------------------
def test_format_payoff_version_exact_text():
    game = ml.NormalFormGame(
        [[1, 2, 3], [4, 5, 6]], [[-1, Fraction(1, 2), 0], [0, 0, 7]], players=["R", "C"]
    )
    assert format_nfg(game, title="Small", version="payoff") == (
        'NFG 1 R "Small" { "R" "C" } { 2 3 }\n'
        "\n"
        "1 -1\n"
        "4 0\n"
        "2 1/2\n"
        "5 0\n"
        "3 0\n"
        "6 7\n"
    )


def test_format_outcome_version_exact_text():
    game = ml.NormalFormGame(
        [[3, 0], [5, 1]], [[3, 5], [0, 1]], players=["US", "USSR"], actions=[["C", "D"]] * 2
    )
    assert format_nfg(game, title="Arms race") == (
        'NFG 1 R "Arms race" { "US" "USSR" }\n'
        "\n"
        '{ { "C" "D" }\n'
        '{ "C" "D" }\n'
        "}\n"
        '""\n'
        "\n"
        "{\n"
        '{ "" 3, 3 }\n'
        '{ "" 5, 0 }\n'
        '{ "" 0, 5 }\n'
        '{ "" 1, 1 }\n'
        "}\n"
        "1 2 3 4\n"
    )


def test_floats_written_with_shortest_round_trip_digits():
    game = ml.NormalFormGame([[0.1, 1e-5], [2.0, -1e20]], [[0, 0], [0, 0]])
    text = format_nfg(game, version="payoff")
    assert "0.1 " in text and "0.00001 " in text and "-100000000000000000000 " in text
    back = parse_nfg(text)
    assert back.payoffs[0, 0, 0] == Fraction(1, 10)  # read exactly, as the decimal says
    np.testing.assert_array_equal(back.float_payoffs, game.float_payoffs)


def test_labels_are_quoted_and_escaped():
    game = ml.NormalFormGame(
        [[1, 2]], [[3, 4]], players=['say "hi"', "back\\"], actions=[["x"], ["a\\b", "{ }"]]
    )
    text = format_nfg(game, title='a "title"')
    assert '"a \\"title\\""' in text
    assert '"say \\"hi\\"" "back\\\\"' in text  # a final backslash is doubled
    assert '"a\\b" "{ }"' in text  # elsewhere it is written as is, as Gambit reads it
    assert parse_nfg(text) == game


# -- round trips -----------------------------------------------------------------------------
_labels = st.text(max_size=6)


@st.composite
def labelled_games(draw, exact: bool = True):
    game = draw(normal_form_games(exact=exact))
    players = draw(st.lists(_labels, min_size=game.n_players, max_size=game.n_players,
                            unique=True))
    actions = [draw(st.lists(_labels, min_size=m, max_size=m, unique=True)) for m in game.shape]
    return ml.NormalFormGame(game.payoffs, players=players, actions=actions)


@st.composite
def fraction_games(draw):
    game = draw(normal_form_games())
    denominators = draw(st.lists(st.integers(1, 12), min_size=game.payoffs.size,
                                 max_size=game.payoffs.size))
    values = [Fraction(int(v), d) for v, d in zip(game.payoffs.ravel(), denominators,
                                                  strict=True)]
    return game.with_payoffs(np.array(values, dtype=object).reshape(game.payoffs.shape))


@given(labelled_games())
def test_round_trip_outcome_version_keeps_labels(game):
    assert parse_nfg(format_nfg(game, title="t")) == game


@given(normal_form_games())
def test_round_trip_payoff_version(game):
    back = parse_nfg(format_nfg(game, version="payoff"))
    assert back == game  # the generated games have the default action labels
    assert back.payoffs.dtype == game.payoffs.dtype


@given(labelled_games())
def test_payoff_version_keeps_players_and_payoffs(game):
    back = parse_nfg(format_nfg(game, version="payoff"))
    assert back.players == game.players
    assert np.array_equal(back.payoffs, game.payoffs)


@given(fraction_games(), st.sampled_from(["outcome", "payoff"]))
def test_round_trip_fractions_exactly(game, version):
    back = parse_nfg(format_nfg(game, version=version))
    assert back == game
    assert back.payoffs.dtype == game.payoffs.dtype
    assert all(type(a) is type(b) for a, b in zip(back.payoffs.ravel(), game.payoffs.ravel(),
                                                  strict=True))


@given(labelled_games(exact=False), st.sampled_from(["outcome", "payoff"]))
def test_round_trip_floats_to_the_same_floats(game, version):
    back = parse_nfg(format_nfg(game, version=version))
    assert back.is_exact
    np.testing.assert_array_equal(back.float_payoffs, game.float_payoffs)


def test_write_and_read_file(tmp_path):
    game = ml.NormalFormGame(
        [[Fraction(1, 3), 0], [5, 1]], [[3, 5], [0, -1]],
        players=["US", "USSR"], actions=[["C", "D\r\nE"], ["C", "D"]],
    )
    path = tmp_path / "game.nfg"
    assert write_nfg(game, path, title="Arms race") is None
    assert read_nfg(path) == game
    assert read_nfg(str(path)) == game
    write_nfg(game.with_payoffs(game.payoffs), path, version="payoff")
    assert read_nfg(path).actions == ml.NormalFormGame(game.payoffs).actions


# -- reading: the format's freedoms ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [("7", 7), ("-3/4", Fraction(-3, 4)), ("0.1", Fraction(1, 10)), ("-2e3", -2000),
     ("1.5E-1", Fraction(3, 20)), (".80", Fraction(4, 5)), ("+2", 2), ("3.", 3), ("6/4", 1.5)],
)
def test_numbers_are_exact(text, value):
    game = parse_nfg(f'NFG 1 R "" {{ "A" "B" }} {{ 1 1 }} {text} 0')
    assert game.payoffs[0, 0, 0] == value
    assert game.is_exact


def test_whitespace_commas_title_and_comment_are_free_form():
    text = (
        'NFG\n1\tD "a title\nover two lines"\n{ "A"\n"B" }\n'
        '{ {"x" "y"} {"z"} }\n"comment"\n{ { "first" 1,2 } {"second" 3 , 4}\n{"" 5,\n6} }\n'
        "3\n0\n"
    )
    game = parse_nfg(text)
    assert game.actions == (("x", "y"), ("z",))
    assert game.payoffs[:, 0].tolist() == [[5, 6], [0, 0]]
    # payoff version without the optional comment
    assert parse_nfg('NFG 1 R "t" { "A" "B" } { 1 1 } 4 5').payoffs.tolist() == [[[4, 5]]]


def test_big_integers_stay_exact():
    big = 10**30 + 1
    game = parse_nfg(f'NFG 1 R "" {{ "A" "B" }} {{ 1 1 }} {big} -1')
    assert game.payoffs[0, 0, 0] == big


def test_repeated_labels_fall_back_to_the_defaults():
    game = parse_nfg(
        'NFG 1 R "" { "" "" } { { "" "" } { "C" "D" } } { { "" 1 2 } } 1 1 1 1'
    )
    defaults = ml.NormalFormGame(np.zeros((2, 2, 2), dtype=int))
    assert game.players == defaults.players
    assert game.actions == (defaults.actions[0], ("C", "D"))


def test_backslashes_read_like_gambit():
    game = parse_nfg(r'NFG 1 R "" { "a\b" "q\"q" } { 1 1 } 0 0')
    assert game.players == ("a\\b", 'q"q')


def test_one_player_game():
    game = parse_nfg('NFG 1 R "solo" { "Only" } { 3 } 1 2 3')
    assert game.n_players == 1
    assert game.payoffs[:, 0].tolist() == [1, 2, 3]


# -- malformed input -------------------------------------------------------------------------
_HEADER = 'NFG 1 R "t" { "A" "B" } { 2 2 }\n'
_OUTCOME_HEADER = 'NFG 1 R "t" { "A" "B" }\n{ { "C" "D" } { "C" "D" } }\n""\n'


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        pytest.param('\n\nEFG 2 R "x" { "A" }', 3, "expected 'NFG'", id="not-nfg"),
        pytest.param("", 1, "expected 'NFG'", id="empty"),
        pytest.param('NFG 2 R "t" { "A" "B" } { 2 2 }', 1, "version '2'", id="bad-version"),
        pytest.param('NFG 1 X "t" { "A" "B" } { 2 2 }', 1, "'R' or 'D'", id="bad-number-type"),
        pytest.param('NFG 1 R { "A" "B" } { 2 2 }', 1, "title", id="missing-title"),
        pytest.param('NFG 1 R "t"\n{ "A" "B }\n{ 2 2 }\n', 2, "unterminated string",
                     id="unterminated-string"),
        pytest.param(_HEADER + "1 2 3 4\n5 6 7 8\n}\n", 4, "unbalanced braces",
                     id="extra-closing-brace"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ 2 2\n\n', 2, "unbalanced braces",
                     id="unclosed-brace"),
        pytest.param(_OUTCOME_HEADER + "{ { \"\" 1 2 }\n{ \"\" 3 4\n", 5, "unbalanced braces",
                     id="unclosed-outcome"),
        pytest.param(_HEADER + "1 2 3 4\n5 six 7 8\n", 3, "expected a payoff (a number)",
                     id="non-numeric-payoff"),
        pytest.param(_HEADER + "1 2 3 4\n1/0 6 7 8\n", 3, "invalid number '1/0'",
                     id="zero-denominator"),
        pytest.param(_HEADER + "\n1 2 3\n", 3,
                     "expected 8 payoffs for a 2x2 game with 2 players, found 3",
                     id="too-few-payoffs"),
        pytest.param(_HEADER + "1 2 3 4\n5 6 7 8\n9\n", 4, "expected 8 payoffs", id="too-many"),
        pytest.param(_HEADER + '1 2 3 4\n5 6 7 "8"\n', 3, 'found "8"', id="quoted-payoff"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 }\n{ "" 3 }\n}\n1 2 0 0\n', 5,
                     "outcome 2 has 1 payoff(s), expected 2", id="outcome-payoff-count"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, x }\n}\n1 2 0 0\n', 4,
                     "expected a payoff", id="outcome-non-numeric"),
        pytest.param(_OUTCOME_HEADER + '{ { 1, 2 } }\n1 0 0 0\n', 4, "outcome's name",
                     id="outcome-without-name"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 } }\n1 0\n0 2\n', 6,
                     "outcome index 2 out of range: there are 1 outcomes", id="index-too-big"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 } }\n1 0\n-1 0\n', 6,
                     "outcome index -1 out of range", id="index-negative"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 } }\n1 0\n1.5 0\n', 6,
                     "expected an outcome index (an integer)", id="index-not-integer"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 } }\n1 0 1\n', 5,
                     "expected 4 outcome indices for a 2x2 game with 2 players, found 3",
                     id="too-few-indices"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ 2\n0 }\n', 3,
                     "player 'B' needs at least one strategy, got 0", id="zero-strategies"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ { "C" } { } }\n', 2,
                     "player 'B' needs at least one strategy", id="no-strategy-names"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ 2 2 2 }\n', 2,
                     "3 strategy count(s) for 2 players", id="too-many-counts"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ { "C" "D" } }\n', 2,
                     "1 strategy count(s) for 2 players", id="too-few-strategy-lists"),
        pytest.param('NFG 1 R "t" { "A" "B" }\n{ 2 two }\n', 2, "a number of strategies",
                     id="non-integer-count"),
        pytest.param('NFG 1 R "t"\n{ }\n{ }\n', 2, "at least one", id="no-players"),
        pytest.param(_HEADER + "1 2 3 4\n5 6 7 8\nthe end\n", 4, "unexpected 'the'",
                     id="trailing-garbage"),
        pytest.param(_OUTCOME_HEADER + '{ { "" 1, 2 } }\n1 0 0 0\n"note"\n', 6,
                     "after the outcome indices", id="trailing-string"),
        pytest.param(_HEADER + "1, 2 3 4 5 6 7 8\n", 2, "found ','", id="comma-in-payoffs"),
    ],
)
def test_malformed_input(text, line, fragment):
    with pytest.raises(MalformedFileError, match=r"^line \d+:") as info:
        parse_nfg(text)
    message = str(info.value)
    assert message.startswith(f"line {line}: "), message
    assert fragment in message, message
    assert isinstance(info.value, ValueError)


def test_read_nfg_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.nfg"
    path.write_text('NFG 1 R "oops" { "A" "B" } { 2 2 }\n\n1 2 3\n')
    with pytest.raises(MalformedFileError, match="line 3: expected 8 payoffs") as info:
        read_nfg(path)
    assert str(path) in str(info.value)


def test_read_nfg_rejects_non_utf8(tmp_path):
    path = tmp_path / "latin.nfg"
    path.write_bytes(b'NFG 1 R "t"\n{ "\xe9" "B" } { 1 1 } 0 0')
    with pytest.raises(MalformedFileError, match="line 2: not UTF-8"):
        read_nfg(path)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_nfg(tmp_path / "nowhere.nfg")


# -- argument types --------------------------------------------------------------------------
def test_format_rejects_non_games():
    with pytest.raises(InvalidTypeError, match="NormalFormGame"):
        format_nfg([[1, 2], [3, 4]])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        write_nfg("not a game", "x.nfg")  # type: ignore[arg-type]


def test_format_checks_title_and_version():
    game = ml.NormalFormGame([[1]], [[2]])
    with pytest.raises(InvalidTypeError, match="title"):
        format_nfg(game, title=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="version"):
        format_nfg(game, version="table")  # type: ignore[arg-type]


def test_parse_rejects_non_strings():
    with pytest.raises(InvalidTypeError):
        parse_nfg(b'NFG 1 R "t" { "A" } { 1 } 0')  # type: ignore[arg-type]


def test_lazy_import():
    assert ml.io.read_nfg is read_nfg


# -- byte-order marks, payoffs out of float range, the bulk reader ---------------------------
_PD = 'NFG 1 R "PD" { "Row" "Column" } { 2 2 } 3 3 5 0 0 5 1 1'


def test_a_byte_order_mark_is_skipped(tmp_path):
    path = tmp_path / "bom.nfg"
    path.write_bytes(b"\xef\xbb\xbf" + _PD.encode())
    assert read_nfg(path) == parse_nfg(_PD)
    assert parse_nfg("\ufeff" + _PD) == parse_nfg(_PD)


def test_invisible_characters_are_shown_escaped():
    with pytest.raises(MalformedFileError, match=r"found '\\u200bNFG'"):
        parse_nfg("\u200b" + _PD)
    with pytest.raises(MalformedFileError, match=r"found '\\ufeff3'"):
        parse_nfg(_PD.replace(" 5 0", " \ufeff3 0"))


@pytest.mark.parametrize("word", ["1e9999", "-1e400", "10" + "0" * 400, "1e308"])
def test_payoffs_beyond_float_range_are_refused_with_the_line(word):
    with pytest.raises(MalformedFileError, match=r"line 2: a payoff .* is too large: payoffs "
                       r"must be finite in float64 arithmetic"):
        parse_nfg(_PD.replace("} 3 3", "}\n" + word + " 3"))
    outcome = _OUTCOME_HEADER + f'{{ {{ "" 1, {word} }} }}\n1 0 0 0\n'
    with pytest.raises(MalformedFileError, match="is too large"):
        parse_nfg(outcome)


@pytest.mark.parametrize("word", ["inf", "-Infinity", "nan", "NaN"])
def test_non_finite_words_are_refused(word):
    with pytest.raises(MalformedFileError, match=r"line 1: expected a payoff \(a number\), "
                       r"found .* \(payoffs must be finite\)"):
        parse_nfg(_PD.replace("3 3 5", f"3 {word} 5"))


def _slow(text):
    from multilateral.io import nfg

    saved, nfg._FAST = nfg._FAST, False
    try:
        return parse_nfg(text)
    finally:
        nfg._FAST = saved


@given(labelled_games(), st.sampled_from(["outcome", "payoff"]))
def test_the_bulk_reader_agrees_with_the_token_reader(game, version):
    text = format_nfg(game, version=version)
    fast = parse_nfg(text)
    assert fast == _slow(text)
    assert fast.payoffs.dtype == _slow(text).payoffs.dtype


@given(fraction_games(), st.sampled_from(["outcome", "payoff"]), st.data())
def test_fuzzed_files_fail_alike_in_both_readers(game, version, data):
    """Mutate a valid file (delete, insert or replace a few characters): both readers agree,
    on the game or on the error, and nothing but a library error escapes."""
    text = format_nfg(game, version=version)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(text)))
        piece = data.draw(st.sampled_from(["", "{", "}", '"', ",", " ", "\n", "-", "1", "/",
                                           "e999", "x", "\\", "\ufeff", "0.5", "9" * 25]))
        cut = data.draw(st.integers(0, 2))
        text = text[:i] + piece + text[i + cut:]
    outcomes = []
    for reader in (parse_nfg, _slow):
        try:
            outcomes.append(reader(text))
        except ml.errors.MultilateralError as err:
            assert isinstance(err, ValueError)
            outcomes.append(str(err))
    assert outcomes[0] == outcomes[1]


def test_zero_outcome_indices_and_fractions_in_bulk():
    body = '{ { "a" 1/2, 3 } { "b" -0.25 4 } }\n1 0 2 1\n'
    game = parse_nfg(_OUTCOME_HEADER + body)
    assert game == _slow(_OUTCOME_HEADER + body)
    assert game.payoffs[1, 0].tolist() == [0, 0]
    assert game.payoffs[0, 1].tolist() == [Fraction(-1, 4), 4]


# -- as_number_array: exact values are not rebuilt (reading a 1000x1000 exact game) ----------
def _as_number_array_reference(values):
    """The contract of ``_validation.as_number_array`` on exact input, as it was written
    before its fast path: every value re-wrapped as a Fraction, int64 if all are small
    integers."""
    arr = np.array(values)
    fracs = [Fraction(v) for v in arr.ravel()]
    if all(f.denominator == 1 and abs(f.numerator) < 2**62 for f in fracs):
        return np.array([int(f) for f in fracs], dtype=np.int64).reshape(arr.shape)
    return np.array(fracs, dtype=object).reshape(arr.shape)


_EXACT = st.one_of(
    st.integers(-(2**64), 2**64),
    st.integers(-5, 5),
    st.fractions(max_denominator=9),
    st.integers(-5, 5).map(Fraction),  # integer-valued Fractions
    st.sampled_from([2**62 - 1, -(2**62 - 1), 2**62, -(2**62), Fraction(2**62), 2**63]),
)


@given(st.lists(_EXACT, min_size=1, max_size=12), st.sampled_from([None, (2, -1)]))
def test_as_number_array_keeps_its_contract_on_exact_values(values, shape):
    from multilateral._validation import as_number_array

    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    if shape is not None and len(values) % 2 == 0:
        arr = arr.reshape(shape)
    got, want = as_number_array(arr), _as_number_array_reference(arr)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tolist() == want.tolist()
    assert all(type(v) is (int if got.dtype == np.int64 else Fraction)
               for v in got.ravel().tolist())
    assert got is not arr and arr.ravel().tolist() == values  # the input is left alone


def test_a_comma_between_outcomes_is_refused_by_both_readers():
    """Commas separate payoffs inside an outcome only (the bulk reader once dropped them
    everywhere and accepted this file; found by the fuzzer)."""
    body = '{ { "a" 1, 2 }, { "b" 3, 4 } }\n1 2 1 2\n'
    with pytest.raises(MalformedFileError, match=r"line \d+: expected '\{' opening an outcome"):
        parse_nfg(_OUTCOME_HEADER + body)
    with pytest.raises(MalformedFileError, match=r"expected '\{' opening an outcome"):
        _slow(_OUTCOME_HEADER + body)
    with pytest.raises(MalformedFileError, match=r"expected the outcome's name"):
        parse_nfg(_OUTCOME_HEADER + '{ { , "a" 1, 2 } }\n1 1 1 1\n')


def test_an_outcome_index_beyond_int64_is_out_of_range_in_both_readers():
    body = '{ { "a" 1, 2 } }\n1 1 1 ' + "9" * 25 + "\n"
    for reader in (parse_nfg, _slow):
        with pytest.raises(MalformedFileError, match=r"outcome index 9+ out of range"):
            reader(_OUTCOME_HEADER + body)
