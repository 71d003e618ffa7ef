"""The collective-risk dilemma (Santos & Pacheco 2011) and the birth-death solvers."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import (
    DegenerateGameError,
    InvalidArgumentError,
    InvalidPayoffsError,
    InvalidProbabilityError,
    InvalidTypeError,
    MultilateralError,
)
from multilateral.models import CollectiveRiskDilemma
from multilateral.models.threshold_goods import max_pivot_probability
from multilateral.solvers import BirthDeathChain, moran_process, pairwise_comparison


@st.composite
def dilemmas(draw: st.DrawFn, max_n: int = 12, max_z: int = 60) -> CollectiveRiskDilemma:
    n = draw(st.integers(2, max_n))
    m = draw(st.integers(1, n))
    return CollectiveRiskDilemma(
        n, m,
        risk=Fraction(draw(st.integers(0, 20)), 20),
        cost=Fraction(draw(st.integers(0, 20)), 40),
        endowment=draw(st.integers(1, 5)),
        population=draw(st.integers(max(n, 3), max_z)),
        beta=draw(st.sampled_from([0.0, 0.5, 2.0, 5.0, 10.0])),
        mutation=draw(st.sampled_from([0.001, 0.01, 0.1])),
        others_only=draw(st.booleans()),
    )


# -- payoffs (Santos & Pacheco 2011, Eq. for Pi_D and Pi_C) -----------------------------------
def test_payoffs_of_the_paper() -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2))  # b = 1, c = 1/10
    # Pi_D(j) = b [theta(j - M) + (1 - r)(1 - theta(j - M))], Pi_C(j) = Pi_D(j) - c b
    assert [crd.payoff_defector(j) for j in range(6)] == [Fraction(1, 2)] * 3 + [1] * 3
    assert [crd.payoff_cooperator(j) for j in range(1, 7)] == (
        [Fraction(2, 5)] * 2 + [Fraction(9, 10)] * 4)
    game = crd.game
    assert game.is_exact
    assert game.gains.tolist() == [-Fraction(1, 10)] * 2 + [Fraction(2, 5)] + [
        -Fraction(1, 10)] * 3  # b (r [k = M - 1] - c)


@given(dilemmas())
def test_gradient_equals_direct_binomial_sum_and_closed_form(crd: CollectiveRiskDilemma) -> None:
    n, m = crd.n, crd.threshold
    b, c, r = (float(v) for v in (crd.endowment, crd.cost, crd.risk))
    for x in (0.0, 0.13, 0.5, 0.77, 1.0):
        direct = sum(math.comb(n - 1, k) * x**k * (1 - x) ** (n - 1 - k)
                     * float(crd.payoff_cooperator(k + 1) - crd.payoff_defector(k))
                     for k in range(n))
        closed = b * (r * math.comb(n - 1, m - 1) * x ** (m - 1) * (1 - x) ** (n - m) - c)
        assert float(crd.gain(x)) == pytest.approx(direct, abs=1e-12)
        assert float(crd.gain(x)) == pytest.approx(closed, abs=1e-12)
        assert float(crd.gradient(x)) == pytest.approx(x * (1 - x) * closed, abs=1e-12)
        assert float(crd.pivot_probability(x)) == pytest.approx(
            math.comb(n - 1, m - 1) * x ** (m - 1) * (1 - x) ** (n - m), abs=1e-12)


# -- infinite populations: interior roots and the critical risk --------------------------------
def test_critical_risk_of_the_standard_setting_exactly() -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2))
    # max Gamma = C(5, 2) (2/5)^2 (3/5)^3 = 216/625, r* = (1/10) / (216/625)
    assert crd.critical_risk().exact == Fraction(125, 432)
    at = crd.with_(risk=Fraction(125, 432)).interior_roots()
    assert [e.exact for e in at] == [Fraction(2, 5)]  # a double root at (M-1)/(N-1)
    assert crd.with_(risk=Fraction(28, 100)).interior_roots() == ()


@given(st.integers(3, 12).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n - 1))),
       st.integers(0, 100), st.integers(1, 30))
def test_two_interior_roots_exactly_above_the_critical_risk(
    nm: tuple[int, int], r_pct: int, c_pct: int
) -> None:
    n, m = nm
    crd = CollectiveRiskDilemma(n, m, risk=Fraction(r_pct, 100), cost=Fraction(c_pct, 100),
                                population=max(n, 20))
    roots = crd.interior_roots()
    threshold = crd.critical_risk()  # none when c / max Gamma > 1: no risk in [0, 1] suffices
    rstar = threshold.exact if threshold.attainable else math.inf
    assert threshold.attainable == (crd.cost / max_pivot_probability(n, m) <= 1)
    if crd.risk > rstar:
        x_l, x_r = roots
        assert (x_l.stable, x_r.stable) == (False, True)
        assert x_l.probability < (m - 1) / (n - 1) < x_r.probability
        for eq in roots:  # Gamma(x) = c / r
            assert float(crd.pivot_probability(eq.probability)) == pytest.approx(
                float(crd.cost / crd.risk), abs=1e-9)
    elif crd.risk == rstar:
        assert [e.exact for e in roots] == [Fraction(m - 1, n - 1)]
    else:
        assert roots == ()
        # defection takes over: all-D is the only stable rest point
        assert [e.probability for e in crd.infinite_equilibria() if e.stable] == [0.0]


def test_float_parameters_give_the_same_roots() -> None:
    exact = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2)).interior_roots()
    floats = CollectiveRiskDilemma(6, 3, risk=0.5, cost=0.1).interior_roots()
    assert [e.probability for e in floats] == pytest.approx([e.probability for e in exact],
                                                           abs=1e-9)
    threshold = CollectiveRiskDilemma(6, 3, risk=0.5, cost=0.1).critical_risk()
    assert threshold.exact is None and isinstance(threshold.value, float)


def test_headline_small_groups_sustain_cooperation_at_lower_risk() -> None:
    small = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 3))
    large = small.with_(n=12, threshold=6)
    assert small.critical_risk().exact < Fraction(1, 3) < large.critical_risk().exact
    assert [e.stable for e in small.interior_roots()] == [False, True]
    assert large.interior_roots() == ()


def test_claims_are_registered_and_hold() -> None:
    for claim in (ml.claims.SANTOS_PACHECO_SMALL_GROUPS,
                  ml.claims.SANTOS_PACHECO_SMALL_GROUPS_FINITE):
        assert ml.claims.REGISTRY[claim.name] is claim
        assert "Santos" in claim.source
    assert ml.claims.SANTOS_PACHECO_SMALL_GROUPS.verify(max_examples=150).holds
    assert ml.claims.SANTOS_PACHECO_SMALL_GROUPS_FINITE.verify(max_examples=60).holds


def test_finite_claim_fails_for_lax_thresholds() -> None:
    lax = ml.strategies.collective_risk_pairs(min_fraction=Fraction(0), finite=True)
    verdict = ml.claims.SANTOS_PACHECO_SMALL_GROUPS_FINITE.verify(lax, max_examples=200)
    assert not verdict.holds
    small, large = verdict.counterexample
    assert Fraction(small.threshold, small.n) < Fraction(1, 2)
    assert small.group_achievement() < large.group_achievement()


def test_claim_predicates_refuse_incomparable_pairs() -> None:
    claim = ml.claims.SANTOS_PACHECO_SMALL_GROUPS
    a = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2))
    with pytest.raises(InvalidArgumentError, match="threshold fraction"):
        claim.holds((a, a.with_(n=12, threshold=5)))
    with pytest.raises(InvalidTypeError):
        claim.holds(a)
    assert claim.holds((a, a.with_(n=12, threshold=6)))


# -- finite populations ------------------------------------------------------------------------
@given(dilemmas(max_n=6, max_z=25))
def test_finite_fitness_equals_direct_hypergeometric_sum(crd: CollectiveRiskDilemma) -> None:
    z, n = crd.population, crd.n
    f_c, f_d = crd.fitness()
    total = math.comb(z - 1, n - 1)
    for k in range(1, z):
        fc = sum(math.comb(k - 1, j) * math.comb(z - k, n - 1 - j)
                 * float(crd.payoff_cooperator(j + 1)) for j in range(n)) / total
        fd = sum(math.comb(k, j) * math.comb(z - k - 1, n - 1 - j)
                 * float(crd.payoff_defector(j)) for j in range(n)) / total
        assert f_c[k - 1] == pytest.approx(fc, abs=1e-12)
        assert f_d[k - 1] == pytest.approx(fd, abs=1e-12)


def test_finite_gain_tends_to_the_infinite_one() -> None:
    errors = []
    for z in (50, 500, 5000, 50_000):
        crd = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2), population=z)
        k = np.arange(1, z)
        errors.append(float(np.max(np.abs(crd.finite_gain() - crd.gain(k / z)))))
    assert all(later < earlier / 5 for earlier, later in itertools.pairwise(errors))
    assert errors[-1] < 1e-3


@given(dilemmas())
def test_stationary_distribution_is_a_distribution_in_detailed_balance(
    crd: CollectiveRiskDilemma,
) -> None:
    p = crd.stationary_distribution()
    chain = crd.chain()
    assert p.shape == (crd.population + 1,)
    assert np.all(p >= 0)
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    flow_up, flow_down = p[:-1] * chain.up[:-1], p[1:] * chain.down[1:]
    assert np.allclose(flow_up, flow_down, rtol=1e-9, atol=1e-300)
    assert np.allclose(p @ chain.transition_matrix(), p, atol=1e-13)
    assert 0 <= crd.group_achievement() <= 1
    assert 0 <= crd.average_cooperation() <= 1


@pytest.mark.parametrize("risk", [Fraction(0), Fraction(3, 10), Fraction(7, 10), Fraction(1)])
def test_stationary_distribution_matches_dense_eigenvector(risk: Fraction) -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=risk, population=30, beta=2.0, mutation=0.05)
    mat = crd.chain().transition_matrix()
    assert np.allclose(mat.sum(axis=1), 1.0)
    values, vectors = np.linalg.eig(mat.T)
    v = np.real(vectors[:, np.argmin(np.abs(values - 1))])
    v = v / v.sum()
    assert np.max(np.abs(v - crd.stationary_distribution())) < 1e-10


def test_gradient_of_selection_is_the_fermi_tanh_without_mutation() -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2), population=40, beta=5.0,
                                mutation=0.0)
    z = crd.population
    k = np.arange(1, z)
    expected = k * (z - k) / z**2 * np.tanh(crd.beta * crd.finite_gain() / 2)
    grad = crd.gradient_of_selection()
    assert grad[0] == grad[-1] == 0
    assert np.allclose(grad[1:-1], expected, atol=1e-15)
    with pytest.raises(DegenerateGameError, match="mutation > 0"):
        crd.stationary_distribution()


def test_strong_selection_and_large_populations_stay_finite() -> None:
    for kwargs in ({"beta": 500.0, "mutation": 1e-6}, {"population": 100_000}):
        p = CollectiveRiskDilemma(6, 3, risk=Fraction(9, 10), **kwargs).stationary_distribution()
        assert np.all(np.isfinite(p))
        assert p.sum() == pytest.approx(1.0)


# -- the generic birth-death solvers -----------------------------------------------------------
def _absorption_dense(chain: BirthDeathChain) -> float:
    """P(reach Z before 0 | start at 1) by solving the linear system on 1..Z-1.

    Solved with 50-digit mpmath: in doubles the system is ill-conditioned under strong
    selection (beta |d| ~ 10 loses 7 digits), which is why the library uses the product
    formula instead. The diagonal of ``I - P`` is built as ``T+ + T-`` from the off-diagonal
    rates, not as ``1 - P[x, x]``: the stored float ``P[x, x] = 1 - T+ - T-`` has already
    lost the small rates' low digits, which the ill-conditioned system amplifies (hypothesis
    found a case, beta = 4, where that alone moved the answer by 1e-9 relative).
    """
    import mpmath

    z = chain.population
    mat = chain.transition_matrix()
    with mpmath.workdps(50):
        a = mpmath.zeros(z - 1, z - 1)
        for x in range(1, z):
            up, down = mpmath.mpf(mat[x, x + 1]), mpmath.mpf(mat[x, x - 1])
            a[x - 1, x - 1] = up + down
            if x + 1 < z:
                a[x - 1, x] = -up
            if x > 1:
                a[x - 1, x - 2] = -down
        rhs = mpmath.zeros(z - 1, 1)
        rhs[z - 2] = mpmath.mpf(mat[z - 1, z])
        return float(mpmath.lu_solve(a, rhs)[0])


@given(st.lists(st.floats(-2, 2), min_size=4, max_size=30), st.floats(0, 5),
       st.booleans())
def test_fixation_probability_matches_linear_solve(d: list[float], beta: float,
                                                   others: bool) -> None:
    chain = pairwise_comparison(np.array(d), beta=beta, others_only=others)
    assert chain.fixation_probability("A") == pytest.approx(_absorption_dense(chain),
                                                            rel=1e-9, abs=1e-300)
    mirrored = pairwise_comparison(-np.array(d[::-1]), beta=beta, others_only=others)
    assert chain.fixation_probability("B") == pytest.approx(
        mirrored.fixation_probability("A"), rel=1e-9)


def test_neutral_fixation_is_one_over_z() -> None:
    assert pairwise_comparison(np.zeros(21), beta=3.0).fixation_probability() == pytest.approx(
        1 / 20)
    assert moran_process(np.ones(21), np.ones(21)).fixation_probability("B") == pytest.approx(
        1 / 20)


def test_moran_constant_fitness_formula() -> None:
    r, z = 1.5, 15
    chain = moran_process(np.full(z + 1, r), np.ones(z + 1))
    assert chain.fixation_probability() == pytest.approx((1 - 1 / r) / (1 - r ** -z))
    assert _absorption_dense(chain) == pytest.approx(chain.fixation_probability())
    p = moran_process(np.full(z + 1, r), np.ones(z + 1), mutation=0.01).stationary_distribution()
    assert p.sum() == pytest.approx(1.0) and p.argmax() == z


def test_birth_death_chain_validation() -> None:
    with pytest.raises(InvalidArgumentError, match="up\\[Z\\] == 0"):
        BirthDeathChain(np.array([0.1, 0.1]), np.array([0.0, 0.1]))
    with pytest.raises(InvalidArgumentError, match="same length"):
        BirthDeathChain(np.array([0.1, 0.0]), np.array([0.0, 0.1, 0.0]))
    with pytest.raises(InvalidArgumentError, match="<= 1"):
        BirthDeathChain(np.array([0.7, 0.7, 0.0]), np.array([0.0, 0.5, 0.1]))
    with pytest.raises(InvalidArgumentError, match="probabilities"):
        BirthDeathChain(np.array([-0.1, 0.0]), np.array([0.0, 0.1]))
    with pytest.raises(InvalidArgumentError, match="finite"):
        pairwise_comparison([0.0, float("nan"), 0.0], beta=1.0)
    with pytest.raises(InvalidArgumentError, match="beta"):
        pairwise_comparison(np.zeros(4), beta=-1.0)
    with pytest.raises(InvalidArgumentError, match="mutation"):
        pairwise_comparison(np.zeros(4), beta=1.0, mutation=1.5)
    with pytest.raises(InvalidArgumentError, match="mutant"):
        pairwise_comparison(np.zeros(4), beta=1.0).fixation_probability("C")
    with pytest.raises(InvalidPayoffsError, match="positive"):
        moran_process(np.zeros(4), np.ones(4))
    assert repr(pairwise_comparison(np.zeros(4), beta=1.0)) == "BirthDeathChain(Z=3)"


# -- bad inputs ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n": 6, "threshold": 7}, "threshold M must be between 1"),
        ({"n": 6, "threshold": 0}, "threshold"),
        ({"n": 1, "threshold": 1}, "group size"),
        ({"risk": Fraction(3, 2)}, "risk"),
        ({"risk": -0.1}, "risk"),
        ({"population": 4}, "at least the group size"),
        ({"cost": -0.1}, "cost"),
        ({"cost": 2}, "cost"),
        ({"endowment": 0}, "endowment"),
        ({"beta": -1}, "beta"),
        ({"mutation": 1.5}, "mutation"),
        ({"risk": float("inf")}, "risk"),
    ],
)
def test_bad_inputs_give_clear_errors(kwargs: dict[str, object], match: str) -> None:
    base: dict[str, object] = {"n": 6, "threshold": 3, "risk": Fraction(1, 2)}
    with pytest.raises(InvalidArgumentError, match=match):
        CollectiveRiskDilemma(**{**base, **kwargs})  # type: ignore[arg-type]


def test_bad_argument_types_and_ranges() -> None:
    with pytest.raises(InvalidTypeError):
        CollectiveRiskDilemma(6.0, 3, risk=0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        CollectiveRiskDilemma(6, 3, risk=0.5, others_only=1)  # type: ignore[arg-type]
    crd = CollectiveRiskDilemma(6, 3, risk=0.5)
    for bad in (lambda: crd.payoff_cooperator(0), lambda: crd.payoff_defector(6),
                lambda: crd.fitness(np.array([0])), lambda: crd.gain(1.5),
                lambda: crd.group_achievement(np.ones(3))):
        with pytest.raises(MultilateralError):
            bad()


# -- .game: a generic solver reproduces the model's rest points --------------------------------
@given(st.integers(3, 10).flatmap(lambda n: st.tuples(st.just(n), st.integers(1, n))),
       st.integers(0, 20), st.integers(1, 10))
def test_solver_on_game_gives_the_models_rest_points(nm: tuple[int, int], r: int, c: int
                                                      ) -> None:
    n, m = nm
    crd = CollectiveRiskDilemma(n, m, risk=Fraction(r, 20), cost=Fraction(c, 20))
    assert isinstance(crd.game, ml.AnonymousGame) and crd.game.is_exact
    solved = ml.solvers.symmetric_equilibria(crd.game)
    assert solved == crd.infinite_equilibria()
    interior = [e for e in solved if not e.is_pure]
    threshold = crd.critical_risk()
    if 1 < m < n:
        expected = (0 if not threshold.attainable or crd.risk < threshold.exact
                    else 1 if crd.risk == threshold.exact else 2)
        assert len(interior) == expected
    # the group game is the step-level good with benefit r b and cost c b, shifted by b (1 - r)
    if crd.risk > 0:
        good = ml.models.StepLevelGood(n, m, benefit=crd.risk * crd.endowment,
                                       cost=crd.cost * crd.endowment)
        assert crd.game.gains.tolist() == good.game.gains.tolist()


def test_critical_risk_above_one_is_no_threshold() -> None:
    crd = CollectiveRiskDilemma(40, 20, risk=Fraction(1, 2), cost=Fraction(1, 2))
    threshold = crd.critical_risk()  # c / max Gamma = (1/2) / 0.126... > 1
    assert not threshold.attainable and threshold.parameter == "risk"
    assert crd.interior_roots() == ()
    assert crd.with_(risk=1).interior_roots() == ()


# -- the model contract ------------------------------------------------------------------------
class TestCollectiveRiskDilemmaContract(ModelContract):
    def make(self) -> CollectiveRiskDilemma:
        return CollectiveRiskDilemma(n=6, threshold=3, risk=Fraction(1, 2))

    def make_other(self) -> CollectiveRiskDilemma:
        return CollectiveRiskDilemma(n=6, threshold=3, risk=Fraction(1, 2), mutation=0.05)

    changes: ClassVar[dict[str, Any]] = {"n": 8, "threshold": 4, "mutation": 0.1}
    bad: ClassVar[list[Any]] = [
        (lambda: CollectiveRiskDilemma(n=6, threshold=7, risk=0.5), InvalidArgumentError,
         "threshold M"),
        (lambda: CollectiveRiskDilemma(n=1, threshold=1, risk=0.5), InvalidArgumentError,
         "group size"),
        (lambda: CollectiveRiskDilemma(n=6, threshold=3, risk=1.5), InvalidArgumentError,
         "risk"),
        (lambda: CollectiveRiskDilemma(n=6, threshold=3, risk=0.5, mutation=2),
         InvalidProbabilityError, "mutation"),
        (lambda: CollectiveRiskDilemma(n=6, threshold=3, risk=0.5, population=4),
         InvalidArgumentError, "at least the group size"),
    ]
    bad_changes: ClassVar[list[Any]] = [({"population": 5}, InvalidArgumentError, "population"),
                                        ({"mutation": -0.1}, InvalidProbabilityError,
                                         "mutation")]
    exact_kwargs: ClassVar[dict[str, Any]] = {"n": 6, "threshold": 3, "risk": Fraction(1, 2),
                                              "cost": Fraction(1, 10), "endowment": 2}
    float_kwargs: ClassVar[dict[str, Any]] = {"n": 6, "threshold": 3, "risk": 0.5,
                                              "cost": 0.1, "endowment": 2.0}
    # the finite-population side is floats whatever the input (the class's Notes)
    inexact: ClassVar[dict[str, str]] = {
        "fitness": "hypergeometric averages from float log-factorial weights (large Z)",
        "finite_gain": "the difference of the float fitnesses",
        "chain": "Fermi transition probabilities: goes through exp(beta * ...)",
        "gradient_of_selection": "T+ - T- of the Fermi chain: goes through exp(beta * ...)",
        "stationary_distribution": "of the Fermi chain: goes through exp(beta * ...)",
        "group_achievement": "an average over the stationary distribution (exp(beta * ...))",
        "average_cooperation": "an average over the stationary distribution (exp(beta * ...))",
    }
    outputs: ClassVar[list[Any]] = [
        lambda m: m.critical_risk(), lambda m: m.infinite_equilibria(),
        lambda m: m.interior_roots(), lambda m: m.payoff_defector(2),
        lambda m: m.payoff_cooperator(3), lambda m: m.game,
    ]
