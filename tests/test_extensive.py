"""ExtensiveFormGame: the tree description, the flat arrays, validation, the normal forms."""

from __future__ import annotations

import itertools
import pickle
from fractions import Fraction

import numpy as np
import pytest
from contract import GameContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import (
    InvalidGameError,
    InvalidProbabilityError,
    InvalidTypeError,
)
from multilateral.games.extensive import (
    CHANCE,
    DECISION,
    TERMINAL,
    Chance,
    Decision,
    ExtensiveFormGame,
    Outcome,
)

F = Fraction


def entry_game(fight: int = 0) -> ExtensiveFormGame:
    """Selten's (1978, Theory and Decision 9, 127-159) chain-store stage game: entrant (payoff
    first) and incumbent."""
    return ExtensiveFormGame(Decision("Entrant", {
        "out": Outcome([1, 5]),
        "in": Decision("Incumbent", {"fight": Outcome([fight, fight]),
                                     "accommodate": Outcome([2, 2])}),
    }), title="Chain store")


def signalling() -> ExtensiveFormGame:
    """Nature draws a type; the sender moves knowing it; the receiver sees only the signal."""
    def receiver(sig: str, good: int) -> Decision:
        return Decision("Receiver", {"trust": Outcome([2, good]),
                                     "doubt": Outcome([0, 1 - good])}, infoset=f"saw {sig}")

    def sender(kind: str, good: int) -> Decision:
        return Decision("Sender", {"high": receiver("high", good),
                                   "low": receiver("low", good)}, infoset=None, label=kind)

    return ExtensiveFormGame(Chance({"good": (F(1, 3), sender("good", 1)),
                                     "bad": (F(2, 3), sender("bad", 0))}, label="nature"))


class TestExtensiveFormGameContract(GameContract):
    def make(self):
        return entry_game()

    def make_other(self):
        return entry_game(fight=-1)

    changes = {"title": "Entry deterrence",
               "tree": Decision("Entrant", {"in": Outcome([2, 2]), "out": Outcome([1, 5])})}
    bad = [
        (lambda: ExtensiveFormGame("tree"), InvalidTypeError, "Decision, Chance or Outcome"),
        (lambda: ExtensiveFormGame(Decision("A", {"x": Decision("B", {"l": Outcome([0, 0])},
                                                                infoset="i"),
                                                  "y": Decision("A", {"l": Outcome([0, 0])},
                                                                infoset="i")})),
         InvalidGameError, "information set 'i' mixes players"),
        (lambda: ExtensiveFormGame(Chance({"x": (F(1, 3), Outcome([0])),
                                           "y": (F(1, 3), Outcome([1]))}), players=["A"]),
         InvalidProbabilityError, "sum to 2/3, not 1"),
    ]
    bad_changes = [
        ({"players": ("E",)}, InvalidGameError, "move in the tree but are not in players"),
        ({"title": 3}, InvalidTypeError, "title must be a str"),
    ]

    @staticmethod
    def solve(game):
        return ml.solvers.pure_nash_equilibria(game.normal_form())


def test_arrays_level_order():
    game = entry_game()
    assert game.n_children.tolist() == [2, 0, 2, 0, 0]
    assert game.parent.tolist() == [-1, 0, 0, 2, 2]
    assert game.depth.tolist() == [0, 1, 1, 2, 2]
    assert game.level_bounds.tolist() == [0, 1, 3, 5]
    assert game.kind.tolist() == [DECISION, TERMINAL, DECISION, TERMINAL, TERMINAL]
    assert game.child_offsets.tolist() == [1, 3, 3, 5, 5, 5]
    assert game.player.tolist() == [0, -1, 1, -1, -1]
    assert game.infoset.tolist() == [0, -1, 1, -1, -1]
    assert game.terminals.tolist() == [1, 3, 4]
    assert game.outcome.tolist() == [-1, 0, -1, 1, 2]
    assert game.payoffs.tolist() == [[1, 5], [0, 0], [2, 2]]
    assert game.action_labels == ("", "out", "in", "fight", "accommodate")
    assert game.path(4) == ("in", "accommodate")
    info = game.node(2)
    assert (info.kind, info.player, info.infoset, info.children) == ("decision", "Incumbent", 1,
                                                                     (3, 4))
    assert game.node(4).payoffs == (2, 2) and game.node(0).path == ()
    with pytest.raises(InvalidGameError, match="node 9 out of range"):
        game.node(9)
    assert list(game.children(2)) == [3, 4]
    assert game.is_perfect_information and game.is_exact
    for name in ("n_children", "parent", "depth", "kind", "payoffs", "chance_probability"):
        assert not getattr(game, name).flags.writeable


def test_information_sets_and_chance():
    game = signalling()
    assert game.players == ("Sender", "Receiver")
    assert game.kind[0] == CHANCE
    assert not game.is_perfect_information
    assert [(i.player, i.label, i.actions) for i in game.infosets] == [
        ("Sender", "", ("high", "low")), ("Sender", "", ("high", "low")),
        ("Receiver", "saw high", ("trust", "doubt")), ("Receiver", "saw low", ("trust", "doubt"))]
    assert game.infosets[2].nodes == (3, 5)
    assert game.infosets_of("Receiver") == (2, 3)
    assert game.chance_probability.tolist()[:3] == [1, F(1, 3), F(2, 3)]
    assert game.node_labels[:3] == ("nature", "good", "bad")


def test_tree_round_trip_and_pickle():
    for game in (entry_game(), signalling()):
        again = ExtensiveFormGame(game.tree, players=game.players, title=game.title)
        assert again == game and hash(again) == hash(game)
        assert pickle.loads(pickle.dumps(game)) == game
        assert game.with_() == game


def test_from_arrays_equals_the_tree():
    game = ExtensiveFormGame.from_arrays(
        [2, 0, 2, 0, 0], [0, -1, 1, -1, -1], [[1, 5], [0, 0], [2, 2]],
        players=["Entrant", "Incumbent"], action_labels=["", "out", "in", "fight", "accommodate"],
        title="Chain store")
    assert game == entry_game()


def test_infoset_ids_are_canonical():
    # the same game with its information sets numbered the other way round
    kw = {"players": ["A", "B"]}
    a = ExtensiveFormGame.from_arrays([2, 0, 2, 0, 0], [0, -1, 1, -1, -1],
                                      [[1, 5], [0, 0], [2, 2]], infoset=[0, -1, 1, -1, -1], **kw)
    b = ExtensiveFormGame.from_arrays([2, 0, 2, 0, 0], [0, -1, 1, -1, -1],
                                      [[1, 5], [0, 0], [2, 2]], infoset=[1, -1, 0, -1, -1], **kw)
    assert a == b


@pytest.mark.parametrize(("build", "error", "pattern"), [
    (lambda: ExtensiveFormGame(Decision("A", {"x": Decision("B", {"l": Outcome([0, 0])},
                                                            infoset="i"),
                                              "y": Decision("B", {"l": Outcome([0, 0]),
                                                                  "r": Outcome([1, 1])},
                                                            infoset="i")})),
     InvalidGameError, r"mixes numbers of actions \(1 and 2\)"),
    (lambda: ExtensiveFormGame(Decision("A", {"x": Decision("B", {"l": Outcome([0, 0])},
                                                            infoset="i"),
                                              "y": Decision("B", {"r": Outcome([0, 0])},
                                                            infoset="i")})),
     InvalidGameError, r"mixes action labels \['l'\] and \['r'\]"),
    (lambda: ExtensiveFormGame(Chance({"x": (0.3, Outcome([0])), "y": (0.6, Outcome([1]))}),
                               players=["A"]),
     InvalidProbabilityError, "sum to 0.8999"),
    (lambda: ExtensiveFormGame(Chance({"x": (-1, Outcome([0])), "y": (2, Outcome([1]))}),
                               players=["A"]),
     InvalidProbabilityError, r"must be numbers in \[0, 1\]"),
    (lambda: ExtensiveFormGame(Decision("A", {"x": Outcome([0, 1, 2])})),
     InvalidGameError, "3 payoffs"),
    (lambda: ExtensiveFormGame(Decision("A", {"x": Outcome([0])}), players=["B"]),
     InvalidGameError, r"players \['A'\] move in the tree but are not in players"),
    (lambda: Decision("A", {}), InvalidGameError, "at least one action"),
    (lambda: Decision("A", {"x": 3}), InvalidTypeError, "not a Decision, Chance or Outcome"),
    (lambda: Outcome([1, "a"]), InvalidTypeError, "real numbers"),
    (lambda: Chance({"x": Outcome([1])}), InvalidTypeError, r"\(probability, subtree\)"),
    (lambda: ExtensiveFormGame.from_arrays([1, 1, 1], [0, 0, 0], [[1]]), InvalidGameError,
     r"minus one \(2\), the root having no parent; got a sum of 3"),
    (lambda: ExtensiveFormGame.from_arrays([1, 0, 1], [0, -1, 0], [[1]]), InvalidGameError,
     "not in level order"),
    (lambda: ExtensiveFormGame.from_arrays([2, 0, 0], [3, -1, -1], [[1], [2]]), InvalidGameError,
     "player index 3"),
])
def test_bad_trees(build, error, pattern):
    with pytest.raises(error, match=pattern):
        build()


def test_normal_form_and_reduced_normal_form():
    centipede = ExtensiveFormGame(Decision("A", {
        "stop": Outcome([1, 0]),
        "go": Decision("B", {"stop": Outcome([0, 2]),
                             "go": Decision("A", {"stop": Outcome([3, 1]),
                                                  "go": Outcome([2, 4])})})}))
    full, reduced = centipede.normal_form(), centipede.normal_form(reduced=True)
    assert full.shape == (4, 2) and reduced.shape == (3, 2)
    assert full.actions[0] == ("stop/stop", "stop/go", "go/stop", "go/go")
    assert reduced.actions[0] == ("stop/*", "go/stop", "go/go")
    assert reduced.payoffs[:, 0].tolist() == [[1, 0], [0, 2], [0, 2]]
    assert reduced.payoffs[2, 1].tolist() == [2, 4]
    # chance: expected payoffs stay exact
    nf = signalling().normal_form()
    assert nf.shape == (4, 4)
    assert nf.payoffs[0, 0].tolist() == [2, F(1, 3)]  # both types high, receiver trusts
    assert all(isinstance(v, (int, F)) for v in nf.payoffs.ravel().tolist())


def test_behaviour_profiles():
    game = signalling()
    uniform = [[0.5, 0.5]] * game.n_infosets
    reach = game.reach_probabilities(uniform)
    assert reach[game.terminals].sum() == pytest.approx(1.0)
    assert game.expected_payoffs(uniform).tolist() == pytest.approx([1.0, 0.5])
    with pytest.raises(InvalidGameError, match="one probability vector per information set"):
        game.expected_payoffs([[1, 0]])
    with pytest.raises(InvalidProbabilityError):
        game.expected_payoffs([[0.5, 0.6]] * 4)


def test_with_payoffs_and_floats():
    game = entry_game()
    other = game.with_payoffs(np.array([[1.5, 5], [0, 0], [2, 2]]))
    assert not other.is_exact and other.float_payoffs[0, 0] == 1.5
    assert other.actions == game.actions
    with pytest.raises(InvalidGameError, match=r"shape \(terminal nodes, players\)"):
        game.with_payoffs([[1, 2]])


def test_repr_names_the_size():
    assert repr(entry_game()) == ("ExtensiveFormGame(5 nodes, 2 information sets, "
                                  "players=('Entrant', 'Incumbent'))")


# -- the normal form against a walk down the tree, any information structure ------------------
def test_absent_minded_driver():
    # Piccione and Rubinstein (1997), Games and Economic Behavior 20, 3-24: the driver cannot
    # tell the first exit from the second. A pure strategy exits at both (payoff 0) or
    # continues at both (payoff 1); exit-then-continue is no pure strategy, so 4 is reachable
    # only by a behaviour strategy (continue with probability 2/3 is optimal: 4/3).
    driver = ExtensiveFormGame(Decision("driver", {
        "exit": Outcome([0]),
        "continue": Decision("driver", {"exit": Outcome([4]), "continue": Outcome([1])},
                             infoset="X")}, infoset="X"))
    assert driver.infosets[0].nodes == (0, 2)
    for nf in (driver.normal_form(), driver.normal_form(reduced=True)):
        assert nf.actions == (("exit", "continue"),)
        assert nf.payoffs.tolist() == [[0], [1]]
    assert driver.expected_payoffs([[1 / 3, 2 / 3]]).tolist() == pytest.approx([4 / 3])


@st.composite
def any_information(draw):
    """Small level-order trees whose information sets join any nodes of one player with as
    many actions (ancestors too: absent-mindedness and imperfect recall), chance included."""
    n_children, k = [draw(st.integers(1, 3))], 0
    while k < len(n_children):
        for _ in range(n_children[k]):
            inner = len(n_children) < 14 and draw(st.booleans())
            n_children.append(draw(st.integers(1, 3)) if inner else 0)
        k += 1
    n_players = draw(st.integers(1, 3))
    player = [draw(st.integers(-1, n_players - 1)) if c else -1 for c in n_children]
    infoset = [-1] * len(n_children)
    groups: dict[tuple[int, int], list[int]] = {}
    for v, (c, p) in enumerate(zip(n_children, player, strict=True)):
        if c and p >= 0:
            ids = groups.setdefault((p, c), [])
            if ids and draw(st.booleans()):
                infoset[v] = draw(st.sampled_from(ids))
            else:
                infoset[v] = v
                ids.append(v)
    chance = [F(1)] * len(n_children)
    offsets = np.concatenate([[1], 1 + np.cumsum(n_children)]).tolist()
    for v, c in enumerate(n_children):
        if c and player[v] < 0:
            weights = [draw(st.integers(0, 3)) for _ in range(c)]
            weights[0] += 1
            for j in range(c):
                chance[offsets[v] + j] = F(weights[j], sum(weights))
    n_terminals = n_children.count(0)
    payoffs = [[draw(st.integers(-3, 3)) for _ in range(n_players)] for _ in range(n_terminals)]
    return ExtensiveFormGame.from_arrays(n_children, player, payoffs, infoset=infoset,
                                         chance_probability=chance)


def _walk(game: ExtensiveFormGame, choice: dict[int, int]) -> list[Fraction]:
    """Expected payoffs of a pure profile, walking down from the root (a reference)."""
    def value(v: int) -> list[Fraction]:
        kids = list(game.children(v))
        if not kids:
            return [F(x) for x in game.payoffs[int(game.outcome[v])].tolist()]
        if game.kind[v] == DECISION:
            return value(kids[choice[int(game.infoset[v])]])
        total = [F(0)] * game.n_players
        for c in kids:
            total = [t + F(game.chance_probability[c]) * x for t, x in zip(total, value(c),
                                                                             strict=True)]
        return total
    return value(0)


def _reachable(game: ExtensiveFormGame, i: int, choice: dict[int, int]) -> frozenset[int]:
    """The terminal nodes a pure strategy of player ``i`` does not exclude (a reference)."""
    out, stack = set(), [0]
    while stack:
        v = stack.pop()
        kids = list(game.children(v))
        if not kids:
            out.add(v)
        elif game.kind[v] == DECISION and game.player[v] == i:
            stack.append(kids[choice[int(game.infoset[v])]])
        else:
            stack.extend(kids)
    return frozenset(out)


@settings(max_examples=60, deadline=None)
@given(any_information())
def test_normal_forms_agree_with_a_walk_down_the_tree(game):
    full, reduced = game.normal_form(), game.normal_form(reduced=True)
    strategies = []
    for i in range(game.n_players):
        sets = game.infosets_of(i)
        strategies.append([dict(zip(sets, s, strict=True)) for s in itertools.product(
            *(range(int(game.n_actions[h])) for h in sets))])
        # the reduced form keeps one strategy per set of terminal nodes left reachable
        assert reduced.shape[i] == len({_reachable(game, i, s) for s in strategies[i]})
    for cell in itertools.product(*(range(len(s)) for s in strategies)):
        choice = {h: a for i, k in enumerate(cell) for h, a in strategies[i][k].items()}
        assert full.payoffs[cell].tolist() == _walk(game, choice)
    assert {tuple(r) for r in full.payoffs.reshape(-1, game.n_players).tolist()} == {
        tuple(r) for r in reduced.payoffs.reshape(-1, game.n_players).tolist()}


def _recalls(game: ExtensiveFormGame) -> bool:
    """Perfect recall by definition: the mover's whole own history (information sets and
    actions, in order) is the same at every node of each information set (a reference)."""
    def history(v: int) -> tuple[tuple[int, int], ...]:
        i, out = int(game.player[v]), []
        while v > 0:
            u = int(game.parent[v])
            if game.kind[u] == DECISION and game.player[u] == i:
                out.append((int(game.infoset[u]), v - int(game.child_offsets[u])))
            v = u
        return tuple(reversed(out))
    return all(len({history(v) for v in info.nodes}) == 1 for info in game.infosets)


@settings(max_examples=60, deadline=None)
@given(any_information())
def test_perfect_recall_against_its_definition(game):
    assert game.is_perfect_recall == _recalls(game)


def test_perfect_recall_examples():
    assert entry_game().is_perfect_recall and signalling().is_perfect_recall
    forgetful = ExtensiveFormGame(Decision("A", {  # A forgets her own first move
        a: Decision("A", {"x": Outcome([1]), "y": Outcome([0])}, infoset="later")
        for a in ("l", "r")}))
    assert not forgetful.is_perfect_recall
    driver = ExtensiveFormGame(Decision("D", {  # absent-minded
        "exit": Outcome([0]), "go": Decision("D", {"exit": Outcome([4]), "go": Outcome([1])},
                                             infoset="X")}, infoset="X"))
    assert not driver.is_perfect_recall
    # B's nodes differ only in A's move: B recalls all of her own (none)
    matching = ExtensiveFormGame(Decision("A", {
        a: Decision("B", {"x": Outcome([1, 0]), "y": Outcome([0, 1])}, infoset="B")
        for a in ("l", "r")}))
    assert matching.is_perfect_recall


def _absent_minded_walk(game: ExtensiveFormGame) -> tuple[int, ...]:
    """The sets with a node that has an ancestor in the same set (a reference)."""
    bad = set()
    for v in range(1, game.n_nodes):
        u = int(game.parent[v])
        while game.infoset[v] >= 0:
            if game.infoset[u] == game.infoset[v]:
                bad.add(int(game.infoset[v]))
                break
            if u == 0:
                break
            u = int(game.parent[u])
    return tuple(sorted(bad))


@settings(max_examples=60, deadline=None)
@given(any_information())
def test_absent_minded_sets_against_an_ancestor_walk(game):
    assert game.absent_minded_sets == _absent_minded_walk(game)
    if game.absent_minded_sets:
        assert not game.is_perfect_recall


def test_absent_minded_sets_examples():
    driver = ExtensiveFormGame(Decision("D", {
        "exit": Outcome([0]), "go": Decision("D", {"exit": Outcome([4]), "go": Outcome([1])},
                                             infoset="X")}, infoset="X"))
    assert driver.absent_minded_sets == (0,)
    forgetful = ExtensiveFormGame(Decision("A", {  # imperfect recall, not absent-minded
        a: Decision("A", {"x": Outcome([1]), "y": Outcome([0])}, infoset="later")
        for a in ("l", "r")}))
    assert forgetful.absent_minded_sets == () and entry_game().absent_minded_sets == ()


def test_a_tree_of_chance_moves_alone():
    lottery = ExtensiveFormGame(Chance({"win": (F(1, 4), Outcome([4])),
                                        "lose": (F(3, 4), Outcome([0]))}), players=["A"])
    assert lottery.infosets == () and lottery.n_infosets == 0 and lottery.is_perfect_recall
    assert lottery.normal_form().payoffs.tolist() == [[1]]
    assert ml.solvers.backward_induction(lottery).payoffs == (1,)
    assert lottery.expected_payoffs([]).tolist() == [1.0]


def test_equal_games_hash_alike():
    # -0.0 == 0.0: the hash must not tell them apart
    a = ExtensiveFormGame.from_arrays([2, 0, 0], [0, -1, -1], [[0.0], [1.0]])
    b = ExtensiveFormGame.from_arrays([2, 0, 0], [0, -1, -1], [[-0.0], [1.0]])
    assert a == b and hash(a) == hash(b)
