"""ExtensiveFormGame: the tree description, the flat arrays, validation, the normal forms."""

from __future__ import annotations

import pickle
from fractions import Fraction

import numpy as np
import pytest
from contract import GameContract

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
