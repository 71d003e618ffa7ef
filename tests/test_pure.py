"""N-player pure equilibria, best responses and iterated dominance."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers


def brute_force_pure(game, tol=0.0):
    out = []
    u = game.payoffs
    for profile in itertools.product(*(range(m) for m in game.shape)):
        stable = True
        for i, m in enumerate(game.shape):
            for dev in range(m):
                alt = list(profile)
                alt[i] = dev
                if u[(*tuple(alt), i)] - u[(*profile, i)] > tol:  # gain from deviating
                    stable = False
        if stable:
            out.append(profile)
    return tuple(out)


@given(mst.normal_form_games(n=st.integers(1, 4), n_actions=st.integers(1, 3)))
def test_pure_equilibria_match_brute_force(game):
    assert solvers.pure_nash_equilibria(game) == brute_force_pure(game)


@given(mst.normal_form_games(n=st.integers(2, 3), n_actions=st.integers(1, 3),
                             exact=False))
def test_pure_equilibria_float_payoffs(game):
    # payoffs within tol (1e-9) of the best count as best responses
    assert solvers.pure_nash_equilibria(game) == brute_force_pure(game, tol=1e-9)


def test_n_player_public_goods_all_defect():
    g = ml.AnonymousGame.public_goods(8, r=3).to_normal_form()
    assert solvers.pure_nash_equilibria(g) == ((1,) * 8,)


def test_threshold_game_equilibria_are_all_defect_or_minimal_coalitions():
    n, m = 5, 3
    g = ml.AnonymousGame.threshold(n, m, benefit=4, cost=1).to_normal_form()
    eqs = solvers.pure_nash_equilibria(g)
    cooperators = sorted({sum(a == 0 for a in p) for p in eqs})
    assert cooperators == [0, m]  # nobody, or exactly the threshold (each is pivotal)
    assert len(eqs) == 1 + 10  # all-defect plus C(5, 3) pivotal coalitions


@given(mst.normal_form_games(n=st.integers(2, 3), n_actions=st.integers(1, 3)),
       st.data())
def test_best_responses_attain_the_maximum(game, data):
    profile = [data.draw(mst.probability_vectors(m)) for m in game.shape]
    i = data.draw(st.integers(0, game.n_players - 1))
    br = solvers.best_responses(game, profile, i)
    values = game.action_values(profile, i)
    assert br and all(np.isclose(values[a], values.max()) for a in br)
    assert all(values[a] < values.max() - 1e-9 for a in set(range(game.shape[i])) - set(br))


class TestIteratedElimination:
    def test_prisoners_dilemma(self):
        res = solvers.iterated_elimination(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0))
        assert res.surviving == ((1,), (1,))
        assert res.game.actions == (("D",), ("D",))
        assert set(res.eliminated) == {(0, 0), (1, 0)}

    def test_dominance_by_a_mixed_strategy_only(self):
        # the middle row is beaten by mixing top and bottom 50-50, by no pure row
        a = [[3, 0], [1, 1], [0, 3]]
        g = ml.NormalFormGame(a, [[1, 1], [1, 1], [1, 1]])
        assert solvers.iterated_elimination(g, by="pure").surviving == ((0, 1, 2), (0, 1))
        assert solvers.iterated_elimination(g, by="mixed").surviving == ((0, 2), (0, 1))

    @given(mst.normal_form_games(n=st.integers(2, 3), n_actions=st.integers(1, 3)),
           st.sampled_from(["pure", "mixed"]))
    def test_pure_equilibria_survive(self, game, by):
        res = solvers.iterated_elimination(game, by=by)
        for profile in solvers.pure_nash_equilibria(game):
            assert all(a in alive for a, alive in zip(profile, res.surviving, strict=True))
        assert len(solvers.pure_nash_equilibria(res.game)) == len(
            solvers.pure_nash_equilibria(game)
        )

    def test_bad_method(self):
        with pytest.raises(errors.InvalidArgumentError, match="'pure' or 'mixed'"):
            solvers.iterated_elimination(ml.TwoByTwo.symmetric(1, 2, 3, 4), by="weak")
