"""Every game class keeps the game contract (tests/contract.py: GameContract)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from contract import GameContract

import multilateral as ml
from multilateral import errors
from multilateral.games import (
    AnonymousGame,
    CompositeVotingGame,
    NormalFormGame,
    RepeatedGame,
    TUGame,
    TwoByTwo,
    WeightedVotingGame,
)

PD = TwoByTwo.symmetric(T=5, R=3, P=1, S=0)


class TestNormalFormGame(GameContract):
    def make(self):
        return NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)

    def make_other(self):
        return NormalFormGame(np.zeros((2, 3, 2)))

    changes = {"payoffs": np.arange(8).reshape(2, 2, 2), "players": ("US", "China")}
    bad = [
        (lambda: NormalFormGame(), errors.InvalidPayoffsError, "needs payoffs"),
        (lambda: NormalFormGame([[1, 2], [3]]), errors.InvalidPayoffsError, "ragged"),
        (lambda: NormalFormGame([[1.0, float("nan")], [0, 1]], [[1, 2], [3, 4]]),
         errors.InvalidPayoffsError, "finite"),
        (lambda: NormalFormGame(np.zeros((2, 2, 2)), players=["A", "A"]),
         errors.InvalidGameError, "distinct"),
    ]
    bad_changes = [({"players": ["A"]}, errors.InvalidGameError, "expected 2 labels")]


class TestTwoByTwo(GameContract):
    def make(self):
        return TwoByTwo.symmetric(T=5, R=3, P=1, S=0)

    def make_other(self):
        return TwoByTwo.symmetric(T=4, R=3, P=2, S=1, players=["US", "EU"])

    changes = {"row": [[4, 0], [5, 1]], "players": ("A", "B")}
    stored_differently = frozenset({"row"})  # the row player's payoffs: payoff_array(0)
    bad = [
        (lambda: TwoByTwo(np.zeros((3, 3)), np.zeros((3, 3))), errors.InvalidGameError,
         "2x2"),
        (lambda: TwoByTwo([[1, 2], [3, "x"]], np.zeros((2, 2))), errors.InvalidPayoffsError,
         "numbers|numeric"),
    ]
    bad_changes = [({"col": np.zeros((3, 3))}, errors.InvalidPayoffsError, "same shape")]


class TestAnonymousGame(GameContract):
    def make(self):
        return AnonymousGame.public_goods(n=4, r=2)

    def make_other(self):
        return AnonymousGame.threshold(3, 2, benefit=4, cost=1)

    changes = {"cooperator": [Fraction(-1), 0, 1, 2]}
    bad = [
        (lambda: AnonymousGame([1], [2]), errors.InvalidGameError, "n >= 2"),
        (lambda: AnonymousGame([1, 2], [1, 2, 3]), errors.InvalidPayoffsError, "same length"),
        (lambda: AnonymousGame.public_goods(n=3), errors.InvalidArgumentError, "exactly one"),
        (lambda: AnonymousGame.threshold(3, 4), errors.InvalidArgumentError, "threshold"),
        (lambda: AnonymousGame([1, 2], [1, 2], name=3), errors.InvalidTypeError, "name"),
    ]
    bad_changes = [({"defector": [0, 1]}, errors.InvalidPayoffsError, "same length")]


class TestRepeatedGame(GameContract):
    def make(self):
        return RepeatedGame(PD, Fraction(9, 10))

    def make_other(self):
        return RepeatedGame(PD, 0.9, noise=0.05)

    changes = {"delta": Fraction(1, 2), "noise": Fraction(1, 100), "monitoring_error": 0.02}
    bad = [
        (lambda: RepeatedGame(PD, 1), errors.InvalidArgumentError, "delta"),
        (lambda: RepeatedGame(PD, 0.5, noise=1.2), errors.InvalidProbabilityError, "noise"),
        (lambda: RepeatedGame(PD, 0.5, monitoring_error=-0.1), errors.InvalidProbabilityError,
         "monitoring_error"),
        (lambda: RepeatedGame(np.eye(2), 0.5), errors.InvalidTypeError, "NormalFormGame"),
        (lambda: RepeatedGame(NormalFormGame(np.zeros((1, 2, 2))), 0.5, noise=0.1),
         errors.InvalidArgumentError, "at least two actions"),
    ]
    bad_changes = [({"delta": 1.5}, errors.InvalidArgumentError, "delta")]

    def test_assignment_is_refused(self):
        rg = self.make()
        try:
            rg.delta = 7
        except AttributeError as err:
            assert "with_(delta=...)" in str(err)
        else:  # pragma: no cover - the point of the test
            raise AssertionError("RepeatedGame accepted rg.delta = 7")
        assert rg.delta == Fraction(9, 10)

    def test_equal_by_value_across_arithmetic(self):
        assert RepeatedGame(PD, 0.5) == RepeatedGame(PD, Fraction(1, 2))
        assert hash(RepeatedGame(PD, 0.5)) == hash(RepeatedGame(PD, Fraction(1, 2)))

    def test_with_delta_alias(self):
        assert self.make().with_delta(0.5) == self.make().with_(delta=0.5)


class TestWeightedVotingGame(GameContract):
    def make(self):
        return WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)

    def make_other(self):
        return WeightedVotingGame([49, 48, 3], quota=51, members=["A", "B", "C"])

    changes = {"quota": 45}
    bad = [
        (lambda: WeightedVotingGame([1, 2], quota=4), errors.InvalidGameError, "quota"),
        (lambda: WeightedVotingGame([1.5, 2], quota=2), errors.InvalidGameError,
         "integers or Fractions"),
        (lambda: WeightedVotingGame([-1, 2], quota=1), errors.InvalidGameError, ">= 0"),
        (lambda: WeightedVotingGame("abc", quota=1), errors.InvalidTypeError, "sequence"),
        (lambda: WeightedVotingGame.unanimity([0], n=0), errors.InvalidTypeError, "n"),
    ]
    bad_changes = [({"quota": 0}, errors.InvalidGameError, "quota")]


class TestCompositeVotingGame(GameContract):
    def make(self):
        nine = WeightedVotingGame([1] * 15, 9)
        p5 = WeightedVotingGame.unanimity(range(5), n=15)
        return ml.games.intersection(nine, p5)

    def make_other(self):
        members = ["A", "B", "C"]
        return ml.games.union(WeightedVotingGame([1, 1, 1], 3, members=members),
                              WeightedVotingGame([2, 1, 1], 2, members=members))

    changes = {"rule": "any"}
    bad = [
        (lambda: CompositeVotingGame([]), errors.InvalidGameError, "at least one"),
        (lambda: CompositeVotingGame([WeightedVotingGame([1], 1)], rule="most"),
         errors.InvalidArgumentError, "rule"),
        (lambda: CompositeVotingGame([WeightedVotingGame([1], 1), PD]), errors.InvalidTypeError,
         "simple games"),
        (lambda: CompositeVotingGame([WeightedVotingGame([1], 1), WeightedVotingGame([1, 1], 1)]),
         errors.InvalidGameError, "inconsistent member lists"),
    ]
    bad_changes = [({"rule": "some"}, errors.InvalidArgumentError, "rule")]


class TestTUGame(GameContract):
    def make(self):
        return TUGame([0, 0, 0, 1, 0, 1, 0, 1])

    def make_other(self):
        return TUGame.bankruptcy(200, [100, 200, 300])

    changes = {"values": [0, 1, 1, 3, 1, 3, 3, 6], "players": ("US", "EU", "CN")}
    bad = [
        (lambda: TUGame([0, 1, 2]), errors.InvalidGameError, "2\\*\\*n"),
        (lambda: TUGame([1, 1]), errors.InvalidPayoffsError, "empty coalition"),
        (lambda: TUGame(TUGame([0, 1])), errors.InvalidTypeError, "already a TUGame"),
        (lambda: TUGame.from_function(lambda s: 1, 0), errors.InvalidGameError, "n "),
    ]
    bad_changes = [({"players": ("A",)}, errors.InvalidGameError, "expected 3 labels")]
