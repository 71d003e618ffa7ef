"""Rival clubs competing for members (multilateral.models.rival_clubs)."""

import itertools
import math
import time
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import RivalClubs

F = Fraction


def brute_payoff(model, profile, i):
    """State i's payoff computed from the definition, without the model's tables."""
    total = F(0)
    for k in (0, 1):
        if profile[i] >> k & 1:
            m = sum(1 for s in profile if s >> k & 1)
            total += (model.club_values[i, k] - model.facility_cost[k] / m
                      - model.congestion[k] * (m - 1))
    if profile[i] == 3:
        total -= model.hedging_cost
    return total


def brute_equilibria(model):
    choices = 3 if model.exclusive else 4
    out = []
    for p in itertools.product(range(choices), repeat=model.n):
        if all(brute_payoff(model, p, i) >= brute_payoff(model, (*p[:i], c, *p[i + 1:]), i)
               for i in range(model.n) for c in range(choices)):
            out.append(p)
    return tuple(out)


small_fracs = st.fractions(min_value=0, max_value=5, max_denominator=4)


@st.composite
def small_clubs(draw, max_n=4):
    n = draw(st.integers(2, max_n))
    vals = [[draw(small_fracs), draw(small_fracs)] for _ in range(n)]
    return RivalClubs(vals, facility_cost=[draw(small_fracs), draw(small_fracs)],
                      congestion=[draw(small_fracs), draw(small_fracs)],
                      hedging_cost=draw(small_fracs), exclusive=draw(st.booleans()))


# -- the published comparative static: Buchanan's optimal membership -----------------------
def test_buchanan_optimal_size_rises_with_cost_and_falls_with_congestion():
    base = RivalClubs([[1, 1]] * 20, facility_cost=16, congestion=1)
    assert base.optimal_size() == 4 == math.isqrt(16)          # sqrt(C / c)
    assert base.with_(facility_cost=36).optimal_size() == 6     # costlier good: bigger club
    assert base.with_(congestion=4).optimal_size() == 2         # more crowding: smaller club
    assert base.with_(congestion=0).optimal_size() == 20        # a pure club good: everyone
    sizes = [base.with_(facility_cost=c).optimal_size() for c in range(1, 60, 5)]
    assert sizes == sorted(sizes)
    sizes = [base.with_(congestion=F(1, g)).optimal_size() for g in range(1, 12)]
    assert sizes == sorted(sizes)


@settings(max_examples=60, deadline=None)
@given(st.fractions(min_value=0, max_value=200, max_denominator=20),
       st.fractions(min_value=F(1, 8), max_value=4, max_denominator=8))
def test_optimal_size_is_the_smallest_m_with_m_times_m_plus_one_at_least_cost_over_crowding(
        cost, crowd):
    # derived: C/m + c(m-1) <= C/(m+1) + cm  iff  m(m+1) >= C/c (convex, so the first such m)
    n = 30
    model = RivalClubs([[1, 1]] * n, facility_cost=cost, congestion=crowd)
    ratio = cost / crowd
    expected = next((m for m in range(1, n + 1) if m * (m + 1) >= ratio), n)
    assert model.optimal_size() == expected
    assert expected in (max(1, math.isqrt(int(ratio))), math.isqrt(int(ratio)) + 1) or expected == n


def test_optimal_size_and_potential_do_not_depend_on_the_values_scale():
    # the per-member cost was recovered as v - (v - f): with float values 1e17 the cost
    # cancelled to 0 and the optimal size came out 1 (and 3 instead of 4 at values 1e9)
    for v in (1.0, 1e9, 1e17):
        model = RivalClubs([[v, v]] * 10, facility_cost=16.1, congestion=1.0)
        assert model.optimal_size() == 4
    # Phi = values joined - sum of f(1..m): f(1) = 6, f(2) = 3 + 1
    big = RivalClubs([[1e9, 1e9]] * 3, facility_cost=6.0, congestion=1.0)
    assert big.potential((1, 1, 0)) == 2e9 - 6.0 - 4.0


def test_optimal_size_is_not_always_the_nearest_integer_to_the_root():
    # C/c = 6.1: sqrt = 2.47 rounds to 2, but 6.1/3 + 2 = 4.033 < 6.1/2 + 1 = 4.05
    model = RivalClubs([[1, 1]] * 10, facility_cost=F(61, 10), congestion=1)
    assert round(math.sqrt(6.1)) == 2 and model.optimal_size() == 3
    assert RivalClubs([[1, 1]] * 10, facility_cost=6, congestion=1).optimal_size() == 2  # tie 2/3


# -- the game ---------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(small_clubs(max_n=3))
def test_equilibria_match_a_brute_force_from_the_definition(model):
    assert model.equilibria() == brute_equilibria(model)
    assert model.equilibrium() in model.equilibria()
    for p in model.potential_maximizers():
        assert model.is_equilibrium(p)


@settings(max_examples=40, deadline=None)
@given(small_clubs(max_n=4), st.data())
def test_potential_is_exact(model, data):
    choices = 3 if model.exclusive else 4
    p = tuple(data.draw(st.integers(0, choices - 1)) for _ in range(model.n))
    i = data.draw(st.integers(0, model.n - 1))
    c = data.draw(st.integers(0, choices - 1))
    q = (*p[:i], c, *p[i + 1:])
    assert model.potential(q) - model.potential(p) == (model.payoffs(q)[i] - model.payoffs(p)[i])
    assert model.payoffs(p)[i] == brute_payoff(model, p, i)


def test_a_solver_on_the_game_reproduces_the_equilibria():
    model = RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2, hedging_cost=1)
    assert ml.solvers.pure_nash_equilibria(model.game) == model.equilibria() == ((3, 1, 2),)
    excl = model.with_(exclusive=True)
    assert excl.game.shape == (3, 3, 3)
    assert ml.solvers.pure_nash_equilibria(excl.game) == excl.equilibria()


def test_the_claim_can_fail_a_nearby_false_statement_gets_a_counterexample():
    # (ii) reversed -- "a dearer dual membership never LOWERS the number of dual members" -- is
    # false over the same class; and the claim's own predicate rejects a hand-made violation
    from multilateral.claims import Claim
    from multilateral.strategies import rival_clubs_models

    def never_lowers(instance):
        model, rise = instance
        dearer = model.with_(hedging_cost=model.hedging_cost + rise)
        return (min(p.count(3) for p in dearer.potential_maximizers())
                >= max(p.count(3) for p in model.potential_maximizers()))

    false = Claim("dearer hedging never lowers dual membership", "x", "y", never_lowers,
                  lambda: rival_clubs_models(max_n=3))
    result = false.verify(max_examples=200)
    assert not result.holds
    assert not never_lowers(result.counterexample)
    hedge = RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2, hedging_cost=1)  # (3, 1, 2)
    assert never_lowers((hedge, F(1)))             # cost 2: still (3, 1, 2)
    assert not never_lowers((hedge, F(3)))         # cost 4: (1, 1, 2), state 0 stops hedging


def test_hedging_then_sorting_as_exclusivity_rises():
    model = RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2)
    assert model.equilibrium() == (3, 3, 3)
    assert model.with_(hedging_cost=1).equilibrium() == (3, 1, 2)
    assert model.with_(hedging_cost=4).equilibrium() == (1, 1, 2)
    assert model.with_(exclusive=True).equilibria() == ((1, 1, 2),)
    duals = [max(p.count(3) for p in model.with_(hedging_cost=F(h, 2)).potential_maximizers())
             for h in range(12)]
    assert duals == sorted(duals, reverse=True)


def test_hedging_threshold():
    model = RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2)
    t = model.hedging_threshold(0, (3, 1, 2))
    assert t.exact == F(3) and not t.holds_above    # min(5 - 1, 4 - 1)
    assert model.with_(hedging_cost=3).is_equilibrium((3, 1, 2))
    assert not model.with_(hedging_cost=F(301, 100)).is_equilibrium((3, 1, 2))
    never = RivalClubs([[0, 5], [1, 1]], facility_cost=4).hedging_threshold(0, (0, 0))
    assert not never.attainable
    labelled = model.with_(labels=("China", "Thailand", "US"))
    assert labelled.hedging_threshold("China", (3, 1, 2)) == t
    # exclusive clubs: "both" is not available, so there is no threshold (was min(4-1, 4-1) = 3)
    excl = model.with_(exclusive=True)
    assert not excl.hedging_threshold(0, (1, 1, 2)).attainable
    # strictly below the threshold, both is the unique best response
    assert model.with_(hedging_cost=F(299, 100)).best_responses((3, 1, 2))[0] == 3


def test_exact_in_exact_out_and_floats_agree():
    exact = RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2, hedging_cost=F(1, 3))
    flt = RivalClubs([[5.0, 4.0], [3.0, 1.0], [1.0, 3.0]], facility_cost=2.0,
                     hedging_cost=1 / 3)
    assert all(isinstance(x, F) for x in exact.payoffs((3, 1, 2)))
    assert all(isinstance(x, float) for x in flt.payoffs((3, 1, 2)))
    assert exact.equilibrium() == flt.equilibrium()
    assert exact.equilibria() == flt.equilibria()


def test_two_hundred_states_fast():
    rng = np.random.default_rng(1)
    vals = rng.uniform(0, 10, size=(200, 2))
    model = RivalClubs(vals, facility_cost=[50.0, 40.0], congestion=[0.05, 0.04],
                       hedging_cost=2.0)
    assert model.equilibrium() == (0,) * 200   # nobody founds a club whose cost it bears alone
    t0 = time.perf_counter()
    eq = model.equilibrium(start=[3] * 200)
    elapsed = time.perf_counter() - t0
    assert model.is_equilibrium(eq)
    assert elapsed < 5
    sorting = model.sorting(eq)
    assert sum(sorting.values()) == 200 and min(sorting.values()) > 0
    excl = model.with_(exclusive=True)
    assert excl.sorting(excl.equilibrium(start=[1] * 100 + [2] * 100))["both"] == 0
    # exact arithmetic at n = 200
    exact = RivalClubs(np.rint(vals * 4).astype(int).tolist(), facility_cost=[200, 160],
                       congestion=[F(1, 20), F(1, 25)], hedging_cost=8)
    eq = exact.equilibrium(start=[3] * 200)
    assert exact.is_equilibrium(eq) and all(isinstance(x, F) for x in exact.payoffs(eq))


def test_sorting_counts():
    model = RivalClubs([[3, 1], [2, 2]], facility_cost=2)
    assert model.sorting((1, 3)) == {"neither": 0, "A": 1, "B": 0, "both": 1}


@pytest.mark.parametrize("make, message", [
    (lambda: RivalClubs([[1, 1]]), "n >= 2"),
    (lambda: RivalClubs([1, 2, 3]), r"shape \(n, 2\)"),
    (lambda: RivalClubs([[1, 1], [1, 1]], facility_cost=-1), ">= 0"),
    (lambda: RivalClubs([[1, 1], [1, 1]], congestion=[0, -1]), "got facility_cost=.*-1"),
    (lambda: RivalClubs([[1, 1], [1, 1]], congestion=[1, 2, 3]), "club"),
    (lambda: RivalClubs([[1, 1], [1, 1]], hedging_cost=-1), "hedging_cost"),
    (lambda: RivalClubs([[1, 1], [1, 1]], labels=("a",)), "one string per state"),
    (lambda: RivalClubs([[1, 1], [1, 1]]).payoffs((0, 4)), r"choices are 0.*got \[0, 4\]"),
    (lambda: RivalClubs([[1, 1], [1, 1]], exclusive=True).payoffs((3, 0)), "exclusive"),
    (lambda: RivalClubs([[1, 1], [1, 1]]).optimal_size(2), "club is 0"),
    (lambda: RivalClubs([[1, 1]] * 9).equilibria(), "at most 8"),
    (lambda: RivalClubs([[1, 1]] * 7).game, "at most 6"),
    (lambda: RivalClubs([[1, 1], [1, 1]]).hedging_threshold(5, (0, 0)), "state index"),
])
def test_bad_inputs_say_what_is_wrong(make, message):
    with pytest.raises(errors.InvalidArgumentError, match=message):
        make()


def test_exclusive_must_be_bool():
    with pytest.raises(errors.InvalidTypeError, match="exclusive must be a bool"):
        RivalClubs([[1, 1], [1, 1]], exclusive="yes")


class TestRivalClubsContract(ModelContract):
    def make(self):
        return RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2)

    def make_other(self):
        return RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2, hedging_cost=1)

    changes = {"hedging_cost": 2, "exclusive": True}
    bad = [(lambda: RivalClubs([[1, 1]]), errors.InvalidArgumentError, "n >= 2"),
           (lambda: RivalClubs([[1, 1], [1, 1]], congestion=-1), errors.InvalidArgumentError,
            ">= 0")]
    bad_changes = [({"hedging_cost": -1}, errors.InvalidArgumentError, "hedging_cost")]
    exact_kwargs = {"club_values": [[5, 4], [3, 1], [1, 3]], "facility_cost": 2,
                    "hedging_cost": F(1, 2)}
    float_kwargs = {"club_values": [[5.0, 4.0], [3.0, 1.0], [1.0, 3.0]], "facility_cost": 2.0,
                    "hedging_cost": 0.5}
    outputs = [lambda m: m.payoffs((3, 1, 2)), lambda m: m.potential((3, 1, 2)),
               lambda m: m.hedging_threshold(0, (3, 1, 2))]


# -- the case: the rival Mekong fora --------------------------------------------------------
def test_mekong_fora_members_and_dates():
    from multilateral.cases import mekong
    assert set(mekong.members("lmc")) == {"China", "Cambodia", "Laos", "Myanmar", "Thailand",
                                          "Vietnam"}
    assert mekong.founded("lmc") == "2015-11-12"
    assert mekong.event("sanya_leaders_meeting").date == "2016-03-23"
    assert mekong.founded("musp") == "2020-09-11"
    assert mekong.founded("lmi") == "2009-07-23"
    assert mekong.dual_members() == ("Cambodia", "Laos", "Myanmar", "Thailand", "Vietnam")
    assert all(m.source and m.url for m in mekong.MEKONG_MEMBERS)
    assert all(e.source and e.url for e in mekong.MEKONG_EVENTS)
    # every row cites a primary source (no encyclopedia); Myanmar joined the LMI in 2012
    assert not [m for m in mekong.MEKONG_MEMBERS if "wikipedia" in (m.source + m.url).lower()]
    assert not [e for e in mekong.MEKONG_EVENTS if "wikipedia" in (e.source + e.url).lower()]
    assert [m.date for m in mekong.MEKONG_MEMBERS
            if (m.forum, m.member) == ("lmi", "Myanmar")] == ["2012-07-13"]
    with pytest.raises(errors.InvalidArgumentError, match="unknown forum"):
        mekong.members("asean")
    with pytest.raises(errors.InvalidArgumentError, match="no Mekong event named"):
        mekong.event("nope")


def test_mekong_hedging_is_an_equilibrium_until_exclusivity():
    from multilateral.cases import mekong
    game = mekong.rival_clubs([[10, 0], [0, 10]] + [[4, 3]] * 5, facility_cost=[6, 6])
    observed = mekong.profile()
    assert observed == (1, 2, 3, 3, 3, 3, 3)
    assert game.is_equilibrium(observed)
    # a riparian state hedges while the cost of dual membership is at most 2 (its MUSP surplus)
    assert game.hedging_threshold("Thailand", observed).exact == 2
    assert not game.with_(hedging_cost=3).is_equilibrium(observed)
    assert game.with_(exclusive=True).sorting(game.with_(exclusive=True).equilibrium())[
        "both"] == 0
