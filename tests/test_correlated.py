"""Correlated equilibria: Aumann's examples, the polytope, and properties over classes of games."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers
# Aumann (1974): payoffs (6, 6), (2, 7), (7, 2), (0, 0)
CHICKEN = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)


def loop_constraints(game):
    """The incentive constraints written out profile by profile (an independent reference)."""
    profiles = list(itertools.product(*(range(n) for n in game.shape)))
    rows = {}
    for i, n_i in enumerate(game.shape):
        for a, b in itertools.permutations(range(n_i), 2):
            row = []
            for s in profiles:
                if s[i] != a:
                    row.append(0)
                    continue
                dev = (*s[:i], b, *s[i + 1:])
                row.append(game.payoffs[s][i] - game.payoffs[dev][i])
            rows[(i, a, b)] = row
    return rows


def product(strategies):
    out = np.ones((), dtype=strategies[0].dtype)  # object dtype keeps Fractions exact
    for s in strategies:
        out = np.multiply.outer(out, s)
    return out


class TestAumann:
    def test_welfare_maximum_of_chicken_is_exact(self):
        ce = solvers.correlated_equilibrium(CHICKEN)
        half, quarter = Fraction(1, 2), Fraction(1, 4)
        assert ce.exact.tolist() == [[half, quarter], [quarter, 0]]
        assert ce.exact_payoffs == (Fraction(21, 4), Fraction(21, 4))
        assert ce.value == pytest.approx(10.5)
        assert ce.max_violation == 0
        assert not ce.is_product

    def test_mediator_beats_every_nash_equilibrium(self):
        best_nash = max(eq.payoffs.sum() for eq in solvers.nash_equilibria(CHICKEN))
        assert best_nash == pytest.approx(28 / 3)
        assert solvers.correlated_equilibrium(CHICKEN).value > best_nash

    def test_aumanns_thirds(self):
        third = Fraction(1, 3)
        dist = [[third, third], [third, 0]]
        assert solvers.is_correlated_equilibrium(CHICKEN, dist)
        gains = solvers.correlated_polytope(CHICKEN).gains(dist)
        assert gains.tolist() == [Fraction(1, 3)] * 4  # each obeys with a strict margin of 1/3

    def test_egalitarian_and_player_objectives(self):
        egal = solvers.correlated_equilibrium(CHICKEN, "egalitarian")
        assert egal.value == pytest.approx(5.25)  # symmetric optimum
        row_best = solvers.correlated_equilibrium(CHICKEN, 0)
        assert row_best.exact_payoffs[0] == 7  # the pure equilibrium (D, C) is a CE
        weighted = solvers.correlated_equilibrium(CHICKEN, [1, 0])
        assert weighted.value == pytest.approx(7)

    def test_minimize_probability_of_war(self):
        war = [[0, 0], [0, 1]]
        low = solvers.correlated_equilibrium(CHICKEN, war, maximize=False)
        high = solvers.correlated_equilibrium(CHICKEN, war)
        assert low.value == 0
        # a mediator can also make war likelier than the mixed Nash equilibrium's 1/9: told
        # "stand firm" half as often as the other is told "yield", each still obeys
        assert high.exact.tolist() == [[0, Fraction(2, 5)], [Fraction(2, 5), Fraction(1, 5)]]
        assert high.objective == "linear objective"
        assert low.objective == "minimize linear objective"


class TestPolytope:
    @given(mst.normal_form_games(n=st.integers(2, 3), n_actions=st.integers(1, 3)))
    def test_matches_profile_by_profile_definition(self, game):
        poly = solvers.correlated_polytope(game)
        reference = loop_constraints(game)
        assert len(poly.rows) == sum(n * (n - 1) for n in game.shape)
        for row, key in zip(poly.constraints.tolist(), poly.rows, strict=True):
            assert row == reference[key]

    def test_constraints_are_read_only(self):
        poly = solvers.correlated_polytope(CHICKEN)
        with pytest.raises(ValueError):
            poly.constraints[0, 0] = 5


class TestProperties:
    @given(mst.normal_form_games(n=2, n_actions=st.integers(2, 4), exact=False))
    def test_every_nash_equilibrium_is_correlated(self, game):
        try:
            equilibria = solvers.nash_equilibria(game)
        except errors.DegenerateGameError:
            return
        for eq in equilibria:
            assert solvers.is_correlated_equilibrium(game, product(eq.strategies), tol=1e-7)

    @given(mst.normal_form_games(n=2, n_actions=st.integers(2, 4)))
    def test_exact_nash_equilibria_are_correlated_and_no_better(self, game):
        # in floats a Nash equilibrium found within tol can beat the exact CE optimum by a
        # rounding error, so the welfare bound is checked in exact arithmetic
        try:
            equilibria = solvers.nash_equilibria(game)
        except errors.DegenerateGameError:
            return
        note(f"payoffs {game.payoffs.tolist()}")
        best = solvers.correlated_equilibrium(game)
        worst = solvers.correlated_equilibrium(game, maximize=False)
        for eq in equilibria:
            dist = product([np.array(s, dtype=object) for s in eq.exact])
            assert solvers.is_correlated_equilibrium(game, dist, tol=0)
            welfare = sum(p * u for p, u in zip(dist.ravel(), game.payoffs.sum(-1).ravel().tolist(),
                                                strict=True))
            if best.exact is not None:
                assert sum(worst.exact_payoffs) <= welfare <= sum(best.exact_payoffs)
            else:
                assert worst.value - 1e-6 <= welfare <= best.value + 1e-6

    @given(mst.normal_form_games(n=st.integers(2, 4), n_actions=st.integers(1, 3)))
    def test_pure_equilibria_of_n_player_games_are_correlated(self, game):
        best = solvers.correlated_equilibrium(game)
        worst = solvers.correlated_equilibrium(game, maximize=False)
        assert worst.value <= best.value
        for profile in solvers.pure_nash_equilibria(game):
            dist = np.zeros(game.shape, dtype=int)
            dist[profile] = 1
            assert solvers.is_correlated_equilibrium(game, dist, tol=0)
            welfare = sum(game.payoffs[profile].tolist())
            assert worst.exact is None or sum(worst.exact_payoffs) <= welfare
            assert best.exact is None or welfare <= sum(best.exact_payoffs)

    @given(mst.normal_form_games(n=st.integers(2, 3), n_actions=st.integers(1, 3)),
           st.sampled_from(["welfare", "egalitarian", 0, 1]), st.booleans())
    def test_answer_is_an_equilibrium_and_exact_when_payoffs_are(self, game, objective, up):
        if objective == "egalitarian" and not up:
            with pytest.raises(errors.InvalidArgumentError, match="only be maximized"):
                solvers.correlated_equilibrium(game, objective, maximize=up)
            return
        ce = solvers.correlated_equilibrium(game, objective, maximize=up)
        assert ce.distribution.shape == game.shape
        assert ce.distribution.sum() == pytest.approx(1)
        assert solvers.is_correlated_equilibrium(game, ce.distribution, tol=1e-9)
        if ce.exact is not None:
            assert sum(ce.exact.ravel()) == 1
            assert solvers.is_correlated_equilibrium(game, ce.exact, tol=0)
            assert [float(p) for p in ce.exact_payoffs] == pytest.approx(ce.payoffs.tolist())

    @given(mst.prisoners_dilemmas(), st.sampled_from(["welfare", "egalitarian", 0]))
    def test_mutual_defection_is_the_only_correlated_equilibrium_of_a_pd(self, pd, objective):
        # strictly dominated actions get probability zero in every correlated equilibrium
        for up in (True, False) if objective != "egalitarian" else (True,):
            ce = solvers.correlated_equilibrium(pd, objective, maximize=up)
            assert ce.exact.tolist() == [[0, 0], [0, 1]]

    @given(mst.stag_hunts())
    def test_welfare_optimum_of_a_stag_hunt_is_the_stag(self, game):
        ce = solvers.correlated_equilibrium(game)
        assert ce.exact.tolist() == [[1, 0], [0, 0]]
        assert ce.is_product

    @given(mst.normal_form_games(n=2, n_actions=st.integers(2, 3)))
    def test_marginals_are_distributions(self, game):
        ce = solvers.correlated_equilibrium(game)
        for m, n in zip(ce.marginals, game.shape, strict=True):
            assert m.shape == (n,)
            assert m.sum() == pytest.approx(1)


class TestBadInput:
    def test_not_a_game(self):
        with pytest.raises(errors.InvalidTypeError, match="NormalFormGame"):
            solvers.correlated_equilibrium([[1, 2], [3, 4]])

    @pytest.mark.parametrize("objective, match", [
        ("utilitarian", "objective must be"),
        (2, "player index"),
        ([1, 2, 3], "shape"),
        ([[1, 2, 3]], "shape"),
        ([np.nan, 1], "finite"),
    ])
    def test_bad_objective(self, objective, match):
        with pytest.raises(errors.InvalidArgumentError, match=match):
            solvers.correlated_equilibrium(CHICKEN, objective)

    @pytest.mark.parametrize("dist, match", [
        ([0.5, 0.5], "shape"),
        ([[0.5, 0.5], [0.5, -0.5]], ">= 0"),
        ([[0.5, 0.5], [0.5, 0.5]], "sum to 1"),
        ([[Fraction(1, 3), Fraction(1, 3)], [Fraction(1, 4), 0]], "sum to 1"),
    ])
    def test_bad_distribution(self, dist, match):
        with pytest.raises(errors.InvalidProbabilityError, match=match):
            solvers.is_correlated_equilibrium(CHICKEN, dist)

    def test_bad_tol(self):
        with pytest.raises(errors.InvalidTypeError, match="tol"):
            solvers.correlated_equilibrium(CHICKEN, tol=-1)


# -- payoffs of extreme magnitude, and what a failed LP says ---------------------------------
@pytest.mark.parametrize("objective", ["welfare", "egalitarian", 0])
@pytest.mark.parametrize("big", [1e300, 4e307])
def test_huge_payoffs_are_scaled_before_the_lp(big, objective):
    # these failed as "HiGHS Status 15: Unknown" or "unbounded": the LP saw 1e300 beside 1
    a = np.array([[big, 1.0], [0.0, 1e-300]])
    ce = ml.solvers.correlated_equilibrium(ml.NormalFormGame(a, a.T), objective)
    assert ce.distribution.ravel().tolist() == [1.0, 0.0, 0.0, 0.0]
    assert ce.payoffs.tolist() == [big, big]


def test_wide_dynamic_range_random_games_solve():
    rng = np.random.default_rng(1)
    for spread in (1e15, 1e20, 1e100):  # "HiGHS Status 0: Not Set" at 1e15 before
        a = rng.normal(size=(6, 6)) * np.logspace(0, np.log10(spread), 36).reshape(6, 6)
        game = ml.NormalFormGame(a, rng.normal(size=(6, 6)) * spread)
        for objective in ("welfare", "egalitarian"):
            ce = ml.solvers.correlated_equilibrium(game, objective)
            assert ml.solvers.is_correlated_equilibrium(game, ce.distribution)


@pytest.mark.parametrize(("status", "said"), [
    (1, "iteration limit"), (2, "infeasible, which cannot be"),
    (3, "unbounded, which cannot be"), (4, "numerical difficulties")])
def test_a_failed_lp_says_what_happened_and_what_to_try(monkeypatch, status, said):
    from types import SimpleNamespace

    from multilateral.solvers import correlated

    failed = SimpleNamespace(status=status, message="HiGHS Status 4: Solve error", x=None)
    monkeypatch.setattr(correlated, "linprog", lambda *args, **kwargs: failed)
    game = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
    with pytest.raises(errors.SolverError) as info:
        ml.solvers.correlated_equilibrium(game)
    message = str(info.value)
    assert said in message
    assert f"scipy status {status}: HiGHS Status 4: Solve error" in message
    assert "rescale them" in message and "exact (int or Fraction) payoffs" in message
