"""Olson, Chamberlin and BBV: voluntary provision, group size, crowding, k-groups, side payments."""

import itertools
import math
import time
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.claims import CHAMBERLIN_CROWDING, OLSON_EXPLOITATION, OLSON_GROUP_SIZE
from multilateral.models import (
    PublicGoodProvision,
    k_group,
    linear_k_group,
    side_payments,
)
from multilateral.models.collective_action._equilibrium import cd_exact_scan

F = Fraction
weights = st.integers(2, 20).flatmap(lambda d: st.integers(1, d - 1).map(lambda k: F(k, d)))
thetas = st.integers(1, 12).flatmap(lambda d: st.integers(0, d).map(lambda k: F(k, d)))


def closed_form(n, w, a):
    return n * (1 - a) * w / (1 + a * (n - 1))


# -- the identical-member closed form -------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 2, 3, 7, 50, 10_000])
@pytest.mark.parametrize("a", [F(1, 10), F(1, 2), F(3, 4), F(19, 20)])
def test_identical_closed_form_is_exact(n, a):
    eq = PublicGoodProvision.identical(n, income=F(7, 3), a=a).equilibrium()
    assert eq.total == closed_form(n, F(7, 3), a)
    assert isinstance(eq.total, Fraction)
    assert all(c == eq.total / n for c in eq.contributions) and eq.n_contributors == n


@given(st.integers(1, 40), weights, thetas, st.integers(1, 50))
def test_crowding_leaves_the_equilibrium_and_optimum_unchanged(n, a, theta, w):
    # n**(-theta (1 - a)) is a constant factor of utility at a given n (derivation in Notes)
    crowded = PublicGoodProvision.identical(n, w, a, theta)
    pure = PublicGoodProvision.identical(n, w, a, 0)
    assert crowded.equilibrium().total == pure.equilibrium().total == closed_form(n, w, a)
    assert crowded.optimum() == pure.optimum() == n * (1 - a) * w
    g = crowded.per_member_provision()
    assert math.isclose(float(g), float(closed_form(n, w, a)) / n ** float(theta), rel_tol=1e-12)


def test_per_member_provision_is_exact_when_n_to_the_theta_is_rational():
    m = PublicGoodProvision.identical(9, 1, F(1, 2), F(1, 2))
    assert m.per_member_provision() == closed_form(9, 1, F(1, 2)) / 3
    assert isinstance(PublicGoodProvision.identical(2, 1, F(1, 2), F(1, 2))
                      .per_member_provision(), float)


@given(st.integers(2, 60), weights)
def test_identical_shortfall(n, a):
    m = PublicGoodProvision.identical(n, 1, a)
    assert m.shortfall() == 1 / (1 + a * (n - 1)) < 1


# -- BBV: uniqueness, Nash, neutrality -------------------------------------------------------------
def _cd_utility(model, i, c_i, contributions):
    c = np.array(contributions, dtype=float)
    c[i] = c_i
    return model.payoff(i, c)


def _best_deviation(model, i, contributions):
    """The best unilateral payoff of member i (a grid plus a bounded scalar search)."""
    w = float(model.incomes[i])
    grid = np.linspace(0, w, 201)
    best = max(_cd_utility(model, i, c, contributions) for c in grid)
    res = minimize_scalar(lambda c: -_cd_utility(model, i, c, contributions), bounds=(0, w),
                          method="bounded", options={"xatol": 1e-12})
    return max(best, -res.fun)


aggregations = st.sampled_from(["sum", "weakest_link", "best_shot"])


@given(mst.public_good_provisions(n=st.integers(1, 6), aggregation=aggregations))
def test_no_member_gains_by_deviating(model):
    eq = model.equilibrium()
    for i in range(model.n):
        here = _cd_utility(model, i, float(eq.contributions[i]), eq.contributions)
        assert _best_deviation(model, i, eq.contributions) <= here + 1e-9 * max(1, abs(here))


@given(mst.public_good_provisions(n=st.integers(1, 30), exact=False))
def test_kkt_conditions_cobb_douglas(model):
    eq = model.equilibrium()
    w, a, c, g = model.incomes, model.a, eq.contributions, eq.total
    marginal = -a / (w - c) + (1 - a) / g  # d log u_i / d c_i
    scale = (1 - a) / g
    assert np.all(c >= 0) and np.all(c < w)
    assert np.all(np.abs(marginal[c > 0]) <= 1e-9 * scale[c > 0])
    assert np.all(marginal[c == 0] <= 1e-9 * scale[c == 0])
    assert math.isclose(c.sum(), g, rel_tol=1e-12)


@given(mst.public_good_provisions(n=st.integers(1, 30), utility="quasi_linear"))
def test_kkt_conditions_quasi_linear(model):
    eq = model.equilibrium()
    w, b, c, g = model.incomes, model.benefit, eq.contributions, eq.total
    assert sum(c) == g > 0
    for wi, bi, ci in zip(w, b, c, strict=True):
        assert 0 <= ci <= wi
        if 0 < ci < wi:
            assert bi == g          # interior: marginal value b/G equals the cost 1
        elif ci == 0 < wi:
            assert bi <= g
        elif ci == wi > 0:
            assert bi >= g


@given(mst.public_good_provisions(n=st.integers(1, 25)))
def test_exact_and_float_agree_and_the_exact_scan_agrees(model):
    eq = model.equilibrium()
    feq = PublicGoodProvision(model.incomes.astype(float), a=model.a.astype(float)).equilibrium()
    assert math.isclose(float(eq.total), feq.total, rel_tol=1e-12)
    assert eq.total == cd_exact_scan(model.incomes, model.a)
    exact_c = eq.contributions.astype(float)
    assert np.allclose(exact_c, feq.contributions, rtol=1e-12, atol=1e-12 * feq.total)
    differ = eq.contributors != feq.contributors  # only members at the margin, c = 0 exactly
    assert np.all(exact_c[differ] == 0) and np.all(feq.contributions[differ] <= 1e-9 * feq.total)


def test_exact_path_recovers_when_floats_pick_the_wrong_contributors():
    # in floats 10**17 + 1 == 10**17, so the second member seems to sit exactly at the margin
    eq = PublicGoodProvision([2 * 10**17, 10**17 + 1], a=F(1, 2)).equilibrium()
    assert eq.total == F(3 * 10**17 + 1, 3)
    assert eq.contributions.tolist() == [F(3 * 10**17 - 1, 3), F(2, 3)]


@given(mst.public_good_provisions(n=st.integers(2, 12)), st.data())
def test_bbv_neutrality(model, data):
    # Warr / BBV: redistributing income among contributors, by less than the loser's
    # contribution, changes nobody's consumption of the good
    eq = model.equilibrium()
    givers = np.flatnonzero(eq.contributors).tolist()
    assume(len(givers) >= 2)
    i, j = data.draw(st.permutations(givers).map(lambda p: p[:2]))
    delta = eq.contributions[i] * data.draw(st.fractions(0, 1).filter(lambda t: t < 1))
    w = list(model.incomes)
    w[i] -= delta
    w[j] += delta
    after = PublicGoodProvision(w, a=model.a, theta=model.theta).equilibrium()
    assert after.total == eq.total
    assert after.contributions[i] == eq.contributions[i] - delta
    assert after.contributions[j] == eq.contributions[j] + delta


@given(mst.public_good_provisions(n=st.integers(2, 12), aggregation=aggregations))
def test_underprovision(model):
    s = model.shortfall()
    if model.aggregation == "weakest_link":
        # Hirshleifer: the weakest link under-provides only through heterogeneity
        st_alone = model.standalone()
        assert s <= 1 and (s == 1) == all(v == st_alone[0] for v in st_alone)
    else:
        assert 0 < s < 1


def test_hirshleifer_technologies_for_identical_members():
    def model(agg):
        return PublicGoodProvision.identical(5, 2, F(1, 3), aggregation=agg)
    assert model("weakest_link").shortfall() == 1
    assert model("best_shot").shortfall() == F(1, 5)
    eq = model("best_shot").equilibrium()
    assert eq.privileged and eq.total == F(4, 3) and eq.selection == "largest_provision"
    assert model("weakest_link").equilibrium().selection == "pareto_best"


def test_best_shot_provider_is_the_largest_standalone():
    m = PublicGoodProvision([10, 30, 20], a=[F(1, 2), F(9, 10), F(1, 4)], aggregation="best_shot")
    assert m.standalone().tolist() == [5, 3, 15]
    assert m.equilibrium().contributions.tolist() == [0, 0, 15]
    assert m.optimum() == 23


def test_quasi_linear_privileged_member_and_ties():
    m = PublicGoodProvision([10, 10, 10], benefit=[4, 2, 1])
    eq = m.equilibrium()
    assert eq.contributions.tolist() == [4, 0, 0] and eq.privileged and m.optimum() == 7
    tied = PublicGoodProvision([1, 3, 10], benefit=[2, 2, 1]).equilibrium()
    assert tied.total == 2 and tied.contributions.tolist() == [F(1, 2), F(3, 2), 0]
    assert tied.selection == "income_proportional_ties"
    poor = PublicGoodProvision([1, 1, 1], benefit=[10, 10, 10], theta=1).equilibrium()
    assert poor.total == 3 and poor.contributions.tolist() == [1, 1, 1]


# -- Olson's exploitation --------------------------------------------------------------------------
@given(mst.public_good_provisions(n=st.integers(1, 15), common_preferences=True))
def test_the_small_exploit_the_great(model):
    bs = model.burden_shares()
    assert bs.burden[bs.largest] >= bs.income[bs.largest]
    assert sum(bs.burden) == 1 and sum(bs.income) == 1


def test_exploitation_claim_and_its_limit():
    assert OLSON_EXPLOITATION.verify(max_examples=80).holds
    heterogeneous = mst.public_good_provisions(n=st.integers(2, 6))
    verdict = OLSON_EXPLOITATION.verify(heterogeneous, max_examples=200)
    assert not verdict.holds and not OLSON_EXPLOITATION.holds(verdict.counterexample)
    rich_and_indifferent = PublicGoodProvision([10, 5], a=[F(9, 10), F(1, 10)])
    assert rich_and_indifferent.burden_shares().exploitation < 0


def test_weakest_link_reverses_exploitation():
    bs = PublicGoodProvision([9, 1], a=F(1, 2), aggregation="weakest_link").burden_shares()
    assert bs.burden.tolist() == [F(1, 2), F(1, 2)] and bs.exploitation == F(1, 2) - F(9, 10)


# -- Olson vs Chamberlin on group size -------------------------------------------------------------
def test_olson_unqualified_claim_has_a_counterexample():
    verdict = OLSON_GROUP_SIZE.verify(max_examples=100)
    assert not verdict.holds
    model, larger = verdict.counterexample
    assert not OLSON_GROUP_SIZE.holds((model, larger))
    assert model.theta < model.crowding_threshold()  # the counterexample is not crowded enough


def test_chamberlin_qualified_claim_holds():
    assert CHAMBERLIN_CROWDING.verify(max_examples=150).holds


@given(mst.group_size_pairs(crowded=True))
def test_crowded_enough_goods_fall_per_member(pair):
    model, larger = pair
    assert model.theta >= model.crowding_threshold()
    assert model.per_member_falls(larger)
    g1, g2 = model.per_member_provision(), model.with_size(larger).per_member_provision()
    assert float(g2) <= float(g1)


@given(st.integers(1, 30), weights, st.integers(1, 100), st.integers(1, 50))
def test_pure_public_goods_rise_per_member(n, a, w, step):
    model = PublicGoodProvision.identical(n, w, a, 0)
    assert not model.per_member_falls(n + step)
    assert model.with_size(n + step).per_member_provision() > model.per_member_provision()


@given(mst.group_size_pairs())
def test_chamberlins_threshold_is_sharp(pair):
    # below theta*(n) per-member provision peaks at (1 - theta)(1 - a) / (theta a) > n:
    # it rises from n to any size up to the peak
    model, _ = pair
    assume(model.theta < model.crowding_threshold())
    peak = model.peak_size()
    assert peak > model.n
    if peak >= model.n + 1:
        assert not model.per_member_falls(model.n + 1)


def test_crowding_threshold_values():
    m = PublicGoodProvision.identical(1, 1, F(1, 3))
    assert m.crowding_threshold() == F(2, 3)          # 1 - a: falls from the first member on
    assert PublicGoodProvision.identical(100, 1, F(1, 3)).crowding_threshold() == F(2, 102)
    assert PublicGoodProvision.identical(3, 1, F(1, 2), F(1, 4)).peak_size() == 3


def test_claims_are_registered():
    for claim in (OLSON_GROUP_SIZE, CHAMBERLIN_CROWDING, OLSON_EXPLOITATION):
        assert ml.claims.REGISTRY[claim.name] is claim
        assert claim.source and claim.statement


# -- k-groups and privileged groups ----------------------------------------------------------------
@given(st.integers(1, 500), st.fractions(min_value=F(1, 100), max_value=600))
def test_linear_k_group_formula(n, r):
    k = linear_k_group(n, r)
    expected = math.floor(n / r) + 1
    assert k == (expected if expected <= n else None)
    if k is not None:
        assert k * r / n > 1 and (k - 1) * r / n <= 1      # gain is strict
        group = k_group([r / n] * n, cost=1)
        assert group is not None and group.size == k and group.privileged == (k == 1)
        if n >= 2:
            # in the anonymous game a contributor among k nets r k / n - 1 > 0
            assert ml.AnonymousGame.public_goods(n, r=r).cooperator[k - 1] > 0
    else:
        assert k_group([r / n] * n, cost=1) is None


@pytest.mark.parametrize("n, r, k", [(10, 2, 6), (10, 5, 3), (12, 4, 4), (10, 10, 2),
                                     (10, 11, 1), (5, 1, None)])
def test_linear_k_group_boundaries(n, r, k):
    # when r divides n, k = n/r gives exactly zero gain: one more member is needed
    assert linear_k_group(n, r) == k


@given(st.lists(st.integers(0, 20), min_size=1, max_size=7), st.integers(1, 60))
def test_greedy_k_group_is_smallest(vals, cost):
    group = k_group(vals, cost)
    sizes = [len(s) for k in range(1, len(vals) + 1)
             for s in itertools.combinations(range(len(vals)), k)
             if sum(vals[i] for i in s) > cost]
    if group is None:
        assert not sizes
    else:
        assert group.size == min(sizes) and group.value == sum(vals[i] for i in group.members)


# -- side payments ---------------------------------------------------------------------------------
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=10),
       st.integers(-10, 200))
def test_side_payments_are_least_and_individually_rational(pairs, gain):
    benefits, costs = zip(*pairs, strict=True)
    sp = side_payments(benefits, costs, gain)
    for b, c, t in zip(benefits, costs, sp.transfers, strict=True):
        assert b - c + t >= 0                               # joining is rational
        assert t == 0 or b - c + t == 0                     # and no transfer is larger
    assert sp.total == sum(max(0, c - b) for b, c in pairs)
    assert sp.pays_for_itself == (gain > sp.total)


def test_side_payments_per_member_gain_and_floats():
    sp = side_payments([3, 1, 2], [2, 4, 3], payer_gain=[9, 2, 5])
    assert sp.reluctant.tolist() == [False, True, True] and sp.payer_gain == 7
    assert sp.net_gain == 3 and sp.pays_for_itself
    fl = side_payments([3.0, 1.0], [2.0, 4.5], 1.0)
    assert fl.total == 3.5 and not fl.pays_for_itself and "SidePayments" in repr(fl)


# -- construction, strategies, repr, bad inputs ----------------------------------------------------
def test_from_shares_and_with_size():
    m = PublicGoodProvision.from_shares([F(1, 2), F(1, 2)], 6, a=F(1, 2), theta=F(1, 2))
    assert m.is_identical and m.with_size(4) == PublicGoodProvision.identical(4, 3, F(1, 2),
                                                                               F(1, 2))
    assert PublicGoodProvision.from_shares([0.25, 0.75], 4.0, benefit=1).incomes.tolist() == [
        1.0, 3.0]


def test_repr_and_equality():
    m = PublicGoodProvision.identical(2, 1, F(1, 2))
    assert repr(m) == "PublicGoodProvision.identical(n=2, income=1, a=1/2, theta=0)"
    h = PublicGoodProvision(list(range(1, 10)), benefit=2, aggregation="best_shot")
    assert repr(h).startswith("PublicGoodProvision(incomes=[1, 2, 3, 4, 5, 6, ...], benefit=2")
    assert m == PublicGoodProvision([1.0, 1.0], a=0.5) and m != PublicGoodProvision([1, 2], a=0.5)
    assert hash(m) == hash(PublicGoodProvision.identical(2, 1, F(1, 2)))
    assert repr(h.equilibrium()).startswith("ProvisionEquilibrium(total=2, contributors=1/9")
    assert "BurdenShares" in repr(m.burden_shares())


@given(mst.public_good_provisions(identical=True, exact=False, utility="quasi_linear"))
def test_strategy_classes(model):
    assert model.is_identical and not model.is_exact and model.utility == "quasi_linear"
    assert 0 <= model.theta <= 1


def test_ten_thousand_members_are_fast():
    rng = np.random.default_rng(1)
    m = PublicGoodProvision(rng.uniform(1, 100, 10_000), a=rng.uniform(0.05, 0.95, 10_000))
    start = time.perf_counter()
    eq = m.equilibrium()
    assert time.perf_counter() - start < 0.5  # the benchmark's target is 100 ms
    assert eq.contributions.shape == (10_000,) and 0 < eq.n_contributors < 10_000


@pytest.mark.parametrize("kwargs, match", [
    ({"incomes": [1, -1], "a": F(1, 2)}, "incomes must be >= 0"),
    ({"incomes": [0, 0], "a": F(1, 2)}, "not all be zero"),
    ({"incomes": [1, 2], "a": F(1, 2), "theta": F(3, 2)}, "theta must be <= 1"),
    ({"incomes": [1, 2], "a": F(1, 2), "theta": -0.1}, "theta must be >= 0"),
    ({"incomes": [1, 2], "a": 1}, r"a .* must be in \(0, 1\)"),
    ({"incomes": [1, 2], "a": [F(1, 2)]}, "one value per member"),
    ({"incomes": [1, 2]}, "exactly one of a"),
    ({"incomes": [1, 2], "a": 0.5, "benefit": 1}, "exactly one of a"),
    ({"incomes": [1, 2], "benefit": [1, 0]}, "benefit .* must be > 0"),
    ({"incomes": [1, 2], "a": 0.5, "aggregation": "product"}, "aggregation must be"),
    ({"incomes": [1, float("nan")], "a": 0.5}, "finite"),
    ({"incomes": [], "a": 0.5}, "non-empty"),
])
def test_bad_inputs(kwargs, match):
    with pytest.raises(errors.InvalidArgumentError, match=match):
        PublicGoodProvision(**kwargs)


def test_more_bad_inputs():
    with pytest.raises(errors.InvalidArgumentError, match="sum to one"):
        PublicGoodProvision.from_shares([F(1, 2), F(1, 3)], a=F(1, 2))
    with pytest.raises(errors.InvalidArgumentError, match="sum to one"):
        PublicGoodProvision.from_shares([0.5, 0.6], a=0.5)
    with pytest.raises(errors.InvalidArgumentError, match="shares must be >= 0"):
        PublicGoodProvision.from_shares([F(3, 2), F(-1, 2)], a=F(1, 2))
    with pytest.raises(errors.InvalidTypeError):
        PublicGoodProvision("123", a=0.5)
    with pytest.raises(errors.InvalidArgumentError, match="identical members"):
        PublicGoodProvision([1, 2], a=0.5).with_size(3)
    with pytest.raises(errors.InvalidArgumentError, match="identical Cobb-Douglas"):
        PublicGoodProvision([1, 1], benefit=1).crowding_threshold()
    with pytest.raises(errors.InvalidArgumentError, match="burden shares are undefined"):
        PublicGoodProvision([1, 0], a=0.5, aggregation="weakest_link").burden_shares()
    with pytest.raises(errors.InvalidArgumentError, match="larger must be"):
        PublicGoodProvision.identical(3).per_member_falls(3)
    with pytest.raises(errors.InvalidArgumentError, match="valuations must be >= 0"):
        k_group([1, -1])
    with pytest.raises(errors.InvalidArgumentError, match="r must be > 0"):
        linear_k_group(5, 0)
    with pytest.raises(errors.InvalidArgumentError, match="one value per member"):
        side_payments([1, 2], [1], 3)
    with pytest.raises(errors.InvalidArgumentError, match="costs must be >= 0"):
        side_payments([1, 2], [1, -1], 3)
    with pytest.raises(errors.InvalidArgumentError, match="utility must be"):
        mst.public_good_provisions(utility="leontief")


# -- the model contract and the game -------------------------------------------------------------
class TestPublicGoodProvisionContract(ModelContract):
    def make(self):
        return PublicGoodProvision([4, 2, 1], a=F(1, 2))

    def make_other(self):
        return PublicGoodProvision([4, 2, 1], a=F(1, 2), theta=1)

    changes = {"theta": F(1, 2), "aggregation": "best_shot"}
    bad = [
        (lambda: PublicGoodProvision([1, -1], a=F(1, 2)), errors.InvalidArgumentError,
         "incomes must be >= 0"),
        (lambda: PublicGoodProvision([1, 2]), errors.InvalidArgumentError, "exactly one of a"),
    ]
    bad_changes = [({"theta": 2}, errors.InvalidArgumentError, "theta"),
                   ({"incomes": [1, 2, 3, 4]}, errors.InvalidArgumentError, "one value per")]
    exact_kwargs = {"incomes": [4, 2, 1], "a": F(1, 3), "theta": F(1, 2)}
    float_kwargs = {"incomes": [4.0, 2.0, 1.0], "a": 0.25, "theta": 0.5}
    inexact = {
        "per_member_provision": "G / n**theta with n**theta irrational (here 3**(1/2))",
        "discrete_game": "payoffs (w - c)**a * g**(1 - a) (or b log G): irrational",
    }
    not_applicable = {
        "crowding_threshold": "derived for identical members (these incomes differ)",
        "peak_size": "derived for identical members (these incomes differ)",
    }
    outputs = [lambda m: m.equilibrium().total, lambda m: m.equilibrium().contributions,
               lambda m: m.optimum(), lambda m: m.shortfall(),
               lambda m: m.burden_shares().exploitation]

    @staticmethod
    def solve(game):
        return ml.solvers.pure_nash_equilibria(game)


@pytest.mark.parametrize("model", [
    PublicGoodProvision([10, 2, 1], a=F(1, 2)),                          # privileged
    PublicGoodProvision([4, 4, 4], a=F(1, 2)),                           # everyone gives 1
    PublicGoodProvision([6, 3, 3], a=F(1, 2), theta=1),                  # crowding: same play
    PublicGoodProvision([10, 10, 10], benefit=[4, 2, 1]),                # quasi-linear
    PublicGoodProvision([3, 1], benefit=[2, 5]),
    PublicGoodProvision.identical(3, 2, F(1, 2), aggregation="weakest_link"),
    PublicGoodProvision([10, 30, 20], a=[F(1, 2), F(9, 10), F(1, 4)], aggregation="best_shot"),
])
def test_a_generic_solver_on_the_game_finds_the_models_equilibrium(model):
    eq = model.equilibrium()
    assert all(Fraction(c).denominator == 1 for c in eq.contributions)  # on the unit grid
    game = model.game
    assert game.n_players == model.n
    assert game.shape == tuple(int(w) + 1 for w in model.incomes)
    profile = tuple(int(c) for c in eq.contributions)
    assert profile in ml.solvers.pure_nash_equilibria(game)
    # payoffs are the model's utilities
    for i in range(model.n):
        assert game.payoffs[(*profile, i)] == pytest.approx(model.payoff(i, eq.contributions))


def test_unique_equilibrium_is_the_only_pure_one_on_the_grid():
    model = PublicGoodProvision([10, 2, 1], a=F(1, 2))
    assert ml.solvers.pure_nash_equilibria(model.game) == ((5, 0, 0),)


def test_finer_grids_and_limits():
    model = PublicGoodProvision([1, 1], a=F(1, 2))     # G* = 2/3: each gives 1/3
    game = model.discrete_game(F(1, 3))
    assert game.actions[0] == ("0", "1/3", "2/3", "1")
    assert (1, 1) in ml.solvers.pure_nash_equilibria(game)
    with pytest.raises(errors.InvalidArgumentError, match="larger unit"):
        PublicGoodProvision([100] * 4, a=F(1, 2)).discrete_game(F(1, 10))
    with pytest.raises(errors.InvalidArgumentError, match="unit"):
        model.discrete_game(0)
    with pytest.raises(errors.InvalidArgumentError, match="member index"):
        model.payoff(2, [0, 0])
    ql = PublicGoodProvision([2, 2], benefit=1).game   # -inf where nobody gives, replaced
    assert np.isfinite(ql.float_payoffs).all()
    assert ql.payoffs[0, 0, 0] < ql.payoffs[1, 0, 0]


# -- large n (issue 12): identical members without per-member rational arithmetic ---------------
@pytest.mark.parametrize("income, a, benefit, theta, aggregation", [
    (1, None, None, 0, "sum"), (Fraction(3, 2), Fraction(1, 3), None, 1, "sum"),
    (2.5, 0.25, None, 0, "sum"), (1, None, 2, Fraction(1, 2), "sum"),
    (1, Fraction(1, 4), None, 0, "weakest_link"), (1, None, 0.7, 0, "best_shot"),
])
@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_identical_is_the_same_model_as_member_by_member(n, income, a, benefit, theta,
                                                         aggregation):
    fast = PublicGoodProvision.identical(n, income, a, theta, benefit=benefit,
                                         aggregation=aggregation)
    a = Fraction(1, 2) if a is None and benefit is None else a
    slow = PublicGoodProvision([income] * n, a=a, benefit=benefit, theta=theta,
                               aggregation=aggregation)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    ef, es = fast.equilibrium(), slow.equilibrium()
    assert (ef.total, type(ef.total), ef.selection) == (es.total, type(es.total), es.selection)
    assert [(type(x), x) for x in ef.contributions.tolist()] == [
        (type(x), x) for x in es.contributions.tolist()]
    assert ef.contributors.tolist() == es.contributors.tolist()


def test_a_million_identical_members_exact():
    n = 10**6
    eq = PublicGoodProvision.identical(n, income=1).equilibrium()  # a = 1/2: rho = 1
    assert eq.total == Fraction(n, n + 1)
    assert eq.contributions[0] == Fraction(1, n + 1) and eq.contributors.all()
