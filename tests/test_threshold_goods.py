"""Threshold goods: Diekmann's volunteer's dilemma and step-level public goods."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
import pytest
import sympy
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import InvalidArgumentError, InvalidTypeError, MultilateralError
from multilateral.models import StepLevelGood, VolunteersDilemma
from multilateral.models.threshold_goods import anonymous_pure_equilibria, max_pivot_probability


@st.composite
def benefit_cost(draw: st.DrawFn) -> tuple[Fraction, Fraction]:
    """U > K > 0 as exact Fractions, built directly."""
    u = Fraction(draw(st.integers(1, 1000)), draw(st.integers(1, 50)))
    k = u * Fraction(draw(st.integers(1, 999)), 1000)
    return u, k


# -- the volunteer's dilemma: Diekmann (1985) closed forms -------------------------------------
def test_two_players_abstain_with_probability_k_over_u() -> None:
    # Diekmann (1985): q = (K/U)^(1/(n-1)); for n = 2 this is K/U, and nobody volunteers
    # with probability (K/U)^2
    eq = VolunteersDilemma(2, benefit=10, cost=3).mixed_equilibrium()
    assert eq.abstain_exact == sympy.Rational(3, 10)
    assert eq.nobody_exact == sympy.Rational(9, 100)
    assert eq.abstain == pytest.approx(0.3, abs=1e-15)
    assert eq.volunteer == pytest.approx(0.7, abs=1e-15)


def test_published_closed_form_exactly() -> None:
    vd = VolunteersDilemma(3, benefit=1, cost=Fraction(1, 4))
    eq = vd.mixed_equilibrium()
    assert eq.abstain_exact == sympy.Rational(1, 2)  # (1/4)^(1/2)
    assert eq.nobody_exact == sympy.Rational(1, 8)  # (1/4)^(3/2)
    eq5 = vd.with_(n=5).mixed_equilibrium()
    assert eq5.abstain_exact == sympy.Rational(1, 4) ** sympy.Rational(1, 4)
    assert sympy.simplify(eq5.nobody_exact - sympy.Rational(1, 4) ** sympy.Rational(5, 4)) == 0
    assert eq5.payoff == pytest.approx(0.75)  # U - K, whatever n


@given(benefit_cost(), st.integers(2, 40))
def test_indifference_defines_the_equilibrium(uk: tuple[Fraction, Fraction], n: int) -> None:
    u, k = uk
    eq = VolunteersDilemma(n, benefit=u, cost=k).mixed_equilibrium()
    # q^(n-1) = K/U exactly, and nobody = q^n
    assert sympy.simplify(eq.abstain_exact ** (n - 1) - sympy.Rational(k / u)) == 0
    assert eq.nobody == pytest.approx(eq.abstain ** n, rel=1e-12)
    # volunteering (U - K) and abstaining (U (1 - q^(n-1))) pay the same
    assert float(u - k) == pytest.approx(float(u) * (1 - eq.abstain ** (n - 1)), rel=1e-12)


@given(benefit_cost(), st.integers(2, 300))
def test_nobody_volunteers_rises_with_group_size(uk: tuple[Fraction, Fraction], n: int) -> None:
    u, k = uk
    vd = VolunteersDilemma(n, benefit=u, cost=k)
    small, large = vd.nobody_volunteers(), vd.with_(n=n + 1).nobody_volunteers()
    assert small < large < float(k / u)  # rises towards K/U, never reaching it


def test_nobody_curve_is_increasing_and_tends_to_k_over_u() -> None:
    vd = VolunteersDilemma(2, benefit=1, cost=Fraction(1, 3))
    curve = vd.nobody_curve([2, 3, 5, 10, 100, 10_000])
    assert np.all(np.diff(curve) > 0)
    assert curve[-1] == pytest.approx(1 / 3, rel=1e-3)


@given(benefit_cost(), st.integers(2, 7))
def test_closed_form_equals_the_solvers_root(uk: tuple[Fraction, Fraction], n: int) -> None:
    u, k = uk
    vd = VolunteersDilemma(n, benefit=u, cost=k)
    eq = vd.mixed_equilibrium()
    (root,) = vd.symmetric_equilibria()  # all-D and all-C are not equilibria when U > K > 0
    assert root.stable
    assert root.probability == pytest.approx(eq.volunteer, abs=1e-12)
    assert root.payoff == pytest.approx(float(u - k), rel=1e-9)
    # exactly: 1 - q is a root of the gain polynomial sum_k C(n-1,k) x^k (1-x)^(n-1-k) gain_k
    x = sympy.Symbol("x")
    gains = [sympy.Rational(v) for v in vd.game.gains.tolist()]
    poly = sum(math.comb(n - 1, j) * x**j * (1 - x) ** (n - 1 - j) * gains[j] for j in range(n))
    assert sympy.expand(poly.subs(x, 1 - eq.abstain_exact)).equals(0)
    # the solver's exact root (a radical or a CRootOf) agrees to 40 digits
    assert abs(sympy.N(root.exact - (1 - eq.abstain_exact), 50)) < 1e-40


def test_solver_exact_quadratic_root() -> None:
    # the solver once showed a misidentified radical (nsimplify) for quadratic roots
    vd = VolunteersDilemma(3, benefit=500, cost=Fraction(1, 2))
    (root,) = vd.symmetric_equilibria()
    assert abs(sympy.N(root.exact - (1 - vd.mixed_equilibrium().abstain_exact), 50)) < 1e-40


@pytest.mark.parametrize("n", [100, 1000])
def test_closed_form_matches_float_solver_for_large_groups(n: int) -> None:
    vd = VolunteersDilemma(n, benefit=3, cost=2)
    (root,) = vd.symmetric_equilibria()
    assert root.probability == pytest.approx(vd.mixed_equilibrium().volunteer, rel=1e-9)


def test_solver_docstring_formula_nobody_volunteers() -> None:
    game = ml.AnonymousGame.threshold(3, 1, benefit=1, cost=Fraction(1, 2))
    (root,) = ml.solvers.symmetric_equilibria(game)
    nobody = (1 - root.probability) ** 3
    assert nobody == pytest.approx(float(VolunteersDilemma(3, 1, Fraction(1, 2))
                                         .nobody_volunteers()))


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_pure_equilibria_exactly_one_volunteer(n: int) -> None:
    vd = VolunteersDilemma(n, benefit=5, cost=2)
    pure = vd.pure_equilibria()
    assert len(pure) == n
    assert all(p.count(0) == 1 for p in pure)
    assert pure == ml.solvers.pure_nash_equilibria(vd.game.to_normal_form())


# -- step-level public goods -------------------------------------------------------------------
@st.composite
def step_level_goods(draw: st.DrawFn, max_n: int = 7) -> StepLevelGood:
    n = draw(st.integers(2, max_n))
    m = draw(st.integers(1, n))
    return StepLevelGood(n, m, benefit=draw(st.integers(1, 10)), cost=draw(st.integers(1, 10)),
                         refund=draw(st.booleans()))


@given(step_level_goods())
def test_pure_equilibria_match_brute_force(good: StepLevelGood) -> None:
    assert good.pure_profiles() == ml.solvers.pure_nash_equilibria(good.game.to_normal_form())


@given(ml.strategies.anonymous_games(n=st.integers(2, 6)))
def test_anonymous_pure_equilibria_match_brute_force(game: ml.AnonymousGame) -> None:
    grouped = anonymous_pure_equilibria(game)
    profiles = tuple(sorted(p for e in grouped for p in e.profiles(game.n)))
    assert profiles == ml.solvers.pure_nash_equilibria(game.to_normal_form())
    assert all(e.count == math.comb(game.n, e.cooperators) for e in grouped)


@given(st.integers(3, 12).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n))),
       st.integers(1, 20), st.integers(1, 19))
def test_exactly_m_contributors_and_nobody(nm: tuple[int, int], b: int, c: int) -> None:
    n, m = nm
    good = StepLevelGood(n, m, benefit=b, cost=c)
    counts = {e.cooperators: e.strict for e in good.pure_equilibria()}
    assert counts.get(0) is True  # M >= 2: one contributor alone is wasted
    assert (m in counts) == (b >= c)  # each of the M contributors is pivotal
    assert set(counts) <= {0, m}


def test_refund_adds_weak_equilibria_below_m_minus_one() -> None:
    good = StepLevelGood(6, 4, benefit=3, cost=1, refund=True)
    pure = {e.cooperators: e.strict for e in good.pure_equilibria()}
    assert pure == {0: False, 1: False, 2: False, 4: True}


def test_two_mixed_equilibria_below_the_critical_ratio() -> None:
    ratio = max_pivot_probability(5, 3)
    assert ratio == Fraction(3, 8)  # 6 (1/2)^2 (1/2)^2
    below = StepLevelGood(5, 3, benefit=1, cost=Fraction(1, 5)).equilibria()
    assert [e.stable for e in below.mixed] == [False, True]
    at = StepLevelGood(5, 3, benefit=1, cost=ratio).equilibria()
    assert [e.exact for e in at.mixed] == [Fraction(1, 2)]  # tangency
    above = StepLevelGood(5, 3, benefit=1, cost=Fraction(2, 5)).equilibria()
    assert above.mixed == ()
    assert "mixed" in repr(below)


@given(st.integers(3, 10).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n - 1))),
       st.integers(1, 99))
def test_mixed_equilibria_count_follows_the_critical_ratio(nm: tuple[int, int], pct: int
                                                          ) -> None:
    n, m = nm
    cost = Fraction(pct, 100)
    good = StepLevelGood(n, m, benefit=1, cost=cost)
    mixed = good.equilibria().mixed
    ratio = good.critical_cost_ratio()
    expected = 2 if cost < ratio else (1 if cost == ratio else 0)
    assert len(mixed) == expected
    for eq in mixed:  # each root makes a member exactly pivotal enough: b P_piv(x) = c
        assert float(good.pivot_probability(eq.probability)) == pytest.approx(float(cost),
                                                                              abs=1e-9)


@given(st.integers(2, 30).flatmap(lambda n: st.tuples(st.just(n), st.integers(1, n))))
def test_max_pivot_probability_is_the_maximum(nm: tuple[int, int]) -> None:
    n, m = nm
    good = StepLevelGood(n, m)
    grid = np.linspace(0, 1, 2001)
    peak = max_pivot_probability(n, m)
    assert float(good.pivot_probability(grid).max()) <= float(peak) + 1e-12
    assert float(good.pivot_probability((m - 1) / (n - 1))) == pytest.approx(float(peak))


def test_threshold_one_is_the_volunteers_dilemma() -> None:
    good = StepLevelGood(4, 1, benefit=3, cost=1)
    assert good.game == VolunteersDilemma(4, benefit=3, cost=1).game
    (mixed,) = good.equilibria().mixed
    assert mixed.probability == pytest.approx(
        VolunteersDilemma(4, 3, 1).mixed_equilibrium().volunteer, abs=1e-12)


# -- bad inputs ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"n": 3, "threshold": 4}, InvalidArgumentError),
        ({"n": 3, "threshold": 0}, InvalidArgumentError),
        ({"n": 1, "threshold": 1}, InvalidArgumentError),
        ({"n": 3.0, "threshold": 1}, InvalidTypeError),
        ({"n": 3, "threshold": 2, "cost": -1}, InvalidArgumentError),
        ({"n": 3, "threshold": 2, "benefit": 0}, InvalidArgumentError),
        ({"n": 3, "threshold": 2, "benefit": float("nan")}, InvalidArgumentError),
        ({"n": 3, "threshold": 2, "refund": "yes"}, InvalidTypeError),
    ],
)
def test_step_level_bad_inputs(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        StepLevelGood(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, MultilateralError)


@pytest.mark.parametrize(
    "kwargs",
    [{"n": 3, "benefit": 1, "cost": 1}, {"n": 3, "benefit": 1, "cost": 2},
     {"n": 3, "benefit": 1, "cost": 0}, {"n": 1}, {"n": 3, "benefit": "1"}],
)
def test_volunteers_dilemma_bad_inputs(kwargs: dict[str, object]) -> None:
    with pytest.raises(MultilateralError, match=r"\w"):
        VolunteersDilemma(**kwargs)  # type: ignore[arg-type]


def test_other_bad_inputs() -> None:
    with pytest.raises(InvalidArgumentError, match="threshold"):
        max_pivot_probability(3, 5)
    with pytest.raises(InvalidTypeError):
        anonymous_pure_equilibria("not a game")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="refund"):
        StepLevelGood(4, 2, refund=True).critical_cost_ratio()
    with pytest.raises(InvalidArgumentError, match="n <= 20"):
        StepLevelGood(30, 2).pure_profiles()


# -- .game: a generic solver reproduces the models' own equilibria -----------------------------
@given(benefit_cost(), st.integers(2, 6))
def test_solver_on_game_gives_the_volunteers_closed_form(uk: tuple[Fraction, Fraction],
                                                         n: int) -> None:
    vd = VolunteersDilemma(n, benefit=uk[0], cost=uk[1])
    assert isinstance(vd.game, ml.AnonymousGame)
    (root,) = ml.solvers.symmetric_equilibria(vd.game)
    assert root.probability == pytest.approx(vd.mixed_equilibrium().volunteer, abs=1e-12)
    assert ml.solvers.pure_nash_equilibria(vd.game.to_normal_form()) == vd.pure_equilibria()


@given(st.integers(3, 9).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n - 1))),
       st.integers(1, 60))
def test_solver_on_game_follows_the_critical_cost_ratio(nm: tuple[int, int], pct: int) -> None:
    n, m = nm
    good = StepLevelGood(n, m, benefit=1, cost=Fraction(pct, 100))
    roots = [e for e in ml.solvers.symmetric_equilibria(good.game) if not e.is_pure]
    assert roots == list(good.equilibria().mixed)
    ratio = good.critical_cost_ratio()
    assert len(roots) == (2 if good.cost < ratio else 1 if good.cost == ratio else 0)
    if good.cost == ratio:  # the tangency sits where a member is most likely pivotal
        assert [e.exact for e in roots] == [Fraction(m - 1, n - 1)]


def test_critical_cost_ratio_follows_the_input_arithmetic() -> None:
    assert StepLevelGood(5, 3, benefit=1, cost=Fraction(1, 5)).critical_cost_ratio() == \
        Fraction(3, 8)
    floats = StepLevelGood(5, 3, benefit=1.0, cost=0.2).critical_cost_ratio()
    assert isinstance(floats, float) and floats == 0.375


# -- the model contract ------------------------------------------------------------------------
class TestVolunteersDilemmaContract(ModelContract):
    def make(self) -> VolunteersDilemma:
        return VolunteersDilemma(n=3, benefit=1, cost=Fraction(1, 4))

    def make_other(self) -> VolunteersDilemma:
        return VolunteersDilemma(n=4, benefit=1, cost=Fraction(1, 4))

    changes: ClassVar[dict[str, Any]] = {"n": 5, "cost": Fraction(1, 3)}
    bad: ClassVar[list[Any]] = [
        (lambda: VolunteersDilemma(n=1), InvalidArgumentError, "n must"),
        (lambda: VolunteersDilemma(n=3, benefit=1, cost=1), InvalidArgumentError, "U > cost"),
        (lambda: VolunteersDilemma(n=3, cost=0), InvalidArgumentError, "cost"),
        (lambda: VolunteersDilemma(n=3.0), InvalidTypeError, "n must"),  # type: ignore[arg-type]
    ]
    bad_changes: ClassVar[list[Any]] = [({"cost": 2}, InvalidArgumentError, "benefit U")]
    exact_kwargs: ClassVar[dict[str, Any]] = {"n": 3, "benefit": 4, "cost": Fraction(1, 2)}
    float_kwargs: ClassVar[dict[str, Any]] = {"n": 3, "benefit": 4.0, "cost": 0.5}
    outputs: ClassVar[list[Any]] = [
        lambda m: m.mixed_equilibrium(), lambda m: m.nobody_volunteers(),
        lambda m: m.symmetric_equilibria(), lambda m: m.game,
    ]


class TestStepLevelGoodContract(ModelContract):
    def make(self) -> StepLevelGood:
        return StepLevelGood(n=5, threshold=3, benefit=1, cost=Fraction(1, 5))

    def make_other(self) -> StepLevelGood:
        return StepLevelGood(n=5, threshold=3, benefit=1, cost=Fraction(1, 5), refund=True)

    changes: ClassVar[dict[str, Any]] = {"n": 6, "threshold": 2}
    bad: ClassVar[list[Any]] = [
        (lambda: StepLevelGood(n=3, threshold=4), InvalidArgumentError, "threshold"),
        (lambda: StepLevelGood(n=3, threshold=2, cost=-1), InvalidArgumentError, "cost"),
        (lambda: StepLevelGood(n=3, threshold=2, refund="yes"),  # type: ignore[arg-type]
         InvalidTypeError, "refund"),
    ]
    bad_changes: ClassVar[list[Any]] = [({"threshold": 6}, InvalidArgumentError, "threshold")]
    exact_kwargs: ClassVar[dict[str, Any]] = {"n": 5, "threshold": 3, "benefit": 1,
                                              "cost": Fraction(1, 5)}
    float_kwargs: ClassVar[dict[str, Any]] = {"n": 5, "threshold": 3, "benefit": 1.0,
                                              "cost": 0.2}
    outputs: ClassVar[list[Any]] = [
        lambda m: m.critical_cost_ratio(), lambda m: m.symmetric_equilibria(),
        lambda m: m.equilibria(), lambda m: m.game,
    ]
