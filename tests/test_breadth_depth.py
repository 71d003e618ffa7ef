"""Breadth against depth (Downs, Rocke and Barsoom 1998) and tipping sets (Heal and Kunreuther
2011): closed forms against independent references, the published comparative statics, the
claims and their failing neighbours, bad parameters, and the model contract."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings

import multilateral as ml
from multilateral import errors
from multilateral.claims import CONSTRUCTIVE_DEPTH, TIPPING_SET
from multilateral.claims.breadth_depth import smallest_by_brute_force
from multilateral.models import BreadthDepth, TippingSet

F = Fraction


# -- breadth and depth: an independent reference ---------------------------------------------------
def reference_depths(model, k):
    """Inclusive and constructive depth at breadth k by checking every candidate depth (the
    ideals and the ceilings) against the conditions stated in words, one state at a time."""
    t, n, b, f = list(model.ideals), model.n, model.breadth_value, model.founders

    def votes(m):
        return max(-(-F(model.majority) * m // 1), m // 2 + 1)

    def passes_from_nothing(x, members):   # at least v(m) members want to go as deep as x
        return sum(1 for i in members if t[i] >= x) >= votes(len(members))

    def survives(x, members):               # fewer than v(m) members want it lower
        return sum(1 for i in members if t[i] < x) < votes(len(members))

    def accepts(i, x, m):
        return x <= 2 * t[i] + b * F(m) / n if isinstance(b, F) else x <= 2 * t[i] + b * m / n

    candidates = set(t) | {2 * t[i] + b * F(m) / n for i in range(n) for m in range(1, n + 1)}
    everyone = range(k)
    inclusive = max(x for x in candidates | {0}
                    if passes_from_nothing(x, everyone) and all(accepts(i, x, k)
                                                                 for i in everyone))
    constructive = max(
        x for x in candidates | {0}
        if passes_from_nothing(x, range(f))
        and all(accepts(j, x, j + 1) for j in range(f, k))
        and all(survives(x, range(m)) for m in range(f, k + 1)))
    return inclusive, constructive


@settings(max_examples=150, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=8, majority=None))
def test_frontier_matches_the_reference(model):
    fr = model.frontier()
    for k, inc, con in zip(fr.breadths, fr.inclusive, fr.constructive, strict=True):
        assert (inc, con) == reference_depths(model, int(k))
    assert model.inclusive_depth() == fr.inclusive[-1]
    assert model.constructive_depth() == fr.constructive[-1]


@settings(max_examples=60, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=10))
def test_unanimity_closed_forms(model):
    t, f, b, n = model.ideals, model.founders, model.breadth_value, model.n
    for k in range(f, n + 1):
        assert model.inclusive_depth(k) == t[k - 1]   # the least ambitious program
        entrants = [2 * t[j - 1] + b * F(j, n) for j in range(f + 1, k + 1)]
        assert model.constructive_depth(k) == min([t[f - 1], *entrants])


def test_floats_agree_with_fractions():
    exact = BreadthDepth(ideals=[F(9, 10), F(7, 10), F(1, 2), F(3, 10), F(1, 10)],
                         breadth_value=F(1, 4), majority=F(2, 3))
    flt = exact.with_(ideals=[float(x) for x in exact.ideals], breadth_value=0.25)
    a, b = exact.frontier(), flt.frontier()
    assert b.constructive.dtype == np.float64
    np.testing.assert_allclose(b.constructive, a.constructive.astype(float))
    np.testing.assert_allclose(b.inclusive, a.inclusive.astype(float))


# -- published results -----------------------------------------------------------------------------
def test_downs_rocke_barsoom_p397_sequential_construction_is_deeper():
    """Downs, Rocke and Barsoom (1998), p. 397: sequential construction "increases the level of
    cooperation a multilateral is able to attain". Eleven states with ideals 1, 9/10, ..., 0
    under unanimity: the inclusive agreement of all is as deep as its least committed member
    wants (0); founded by the two most committed, the agreement reaches everyone at depth 2/5
    (the last entrant joins for its breadth value b = 2/5), and at every breadth it is deeper."""
    model = BreadthDepth(ideals=[F(i, 10) for i in range(11)], breadth_value=F(2, 5))
    assert model.inclusive_depth() == 0
    assert model.constructive_depth() == F(2, 5)
    fr = model.frontier()
    assert all(g > 0 for g in fr.gap[1:])
    assert fr.gap[0] == 0  # two founders alone: nothing to trade


def test_depth_gap_grows_with_heterogeneity():
    """The comparative static of the gap: spreading the same ranking apart (t -> h t) widens
    the full-breadth gap (weakly), and identical states have none."""
    base = [F(i, 10) for i in range(11)]
    gaps = [BreadthDepth(ideals=[h * t for t in base], breadth_value=F(1, 5)).depth_gap()
            for h in (F(0), F(1, 4), F(1, 2), F(3, 4), F(1))]
    assert gaps == sorted(gaps)
    assert gaps[0] == 0 and gaps[-1] > 0


def test_decision_rule_matters():
    """Unanimity at an inclusive table is the least ambitious program; a majority rule raises the
    inclusive depth (the pivot is more committed) and can then beat sequential construction
    when breadth has increasing returns (the claim's qualification)."""
    ideals = [1, F(1, 2), F(1, 2), F(1, 2), F(1, 2), F(1, 2), 0]
    unanimity = BreadthDepth(ideals=ideals, breadth_value=1, founders=1)
    majority = unanimity.with_(majority=F(1, 2))
    assert unanimity.inclusive_depth() == 0
    assert majority.inclusive_depth() == F(1, 2)
    assert majority.inclusive_depth() > unanimity.inclusive_depth()
    assert CONSTRUCTIVE_DEPTH.holds((unanimity, F(1)))


def test_a_nearby_false_claim_fails():
    """The same claim over majority rules with increasing returns to breadth has
    counterexamples: the qualification is needed."""
    domain = ml.strategies.breadth_depth_models(majority=None).map(lambda m: (m, F(1)))
    verdict = CONSTRUCTIVE_DEPTH.verify(domain, max_examples=400)
    assert not verdict.holds
    model, _ = verdict.counterexample
    assert model.majority < 1 and model.breadth_value > 0
    assert not CONSTRUCTIVE_DEPTH.holds(verdict.counterexample)


def test_claims_hold():
    assert CONSTRUCTIVE_DEPTH.verify(max_examples=60).holds
    assert TIPPING_SET.verify(max_examples=60).holds


# -- tipping ---------------------------------------------------------------------------------------
@settings(max_examples=120, deadline=None)
@given(ml.strategies.tipping_sets(max_n=7))
def test_minimal_tipping_set_against_brute_force(model):
    members = model.minimal_tipping_set()
    assert model.tips(members)
    assert len(members) == smallest_by_brute_force(model)
    # every coalition of that size that tips weighs no more than the chosen one
    best = max(model.weight(c) for c in itertools.combinations(range(model.n), len(members))
               if model.tips(c))
    assert model.weight(members) == best


@settings(max_examples=60, deadline=None)
@given(ml.strategies.tipping_sets(max_n=5))
def test_tipping_means_adoption_is_dominant_in_the_game(model):
    """Once the tipping set adopts, adopting is a best response for each outsider whatever the
    other outsiders do (checked on the normal-form game)."""
    game = model.game
    members = set(model.minimal_tipping_set())
    outsiders = [i for i in range(model.n) if i not in members]
    for i in outsiders:
        others = [j for j in outsiders if j != i]
        for choice in itertools.product((0, 1), repeat=len(others)):
            profile = [1 if j in members else 0 for j in range(model.n)]
            for j, a in zip(others, choice, strict=True):
                profile[j] = a
            stay, adopt = list(profile), list(profile)
            stay[i], adopt[i] = 0, 1
            assert game.payoffs[(*adopt, i)] >= game.payoffs[(*stay, i)]


def test_nash_equilibria_of_the_game():
    model = TippingSet(shares=[F(1, 2), F(3, 10), F(1, 5)], hurdles=[F(1, 10), F(2, 5), F(1, 2)])
    eqs = ml.solvers.pure_nash_equilibria(model.game)
    assert (0, 0, 0) in eqs and (1, 1, 1) in eqs  # increasing differences: two equilibria


def test_heal_kunreuther_abstract_a_small_group_tips():
    """Heal and Kunreuther (2011), abstract: "a small group of countries who by adopting climate
    control measures can make it in the interests of all others to do likewise". With the
    Global Carbon Budget shares of China (31%) and the US (13%) and the 2023 shares of India,
    the EU and the rest spread over 150 countries, hurdles of 2/5 for all but the two largest
    (which wait for half the world) make China and the US the tipping set; at hurdles of 1/2
    for everyone two countries do not suffice."""
    from multilateral.cases import climate

    named = climate.emission_shares()
    rest = 1 - sum(named.values())
    shares = list(named.values()) + [rest / 150] * 150
    labels = list(named) + [f"other {i}" for i in range(150)]
    hurdles = [F(1, 2), F(1, 2)] + [F(2, 5)] * (len(shares) - 2)
    model = TippingSet(shares, hurdles, labels=labels)
    assert model.minimal_tipping_set(labels=True) == ("China", "United States")
    assert model.weight(["China", "United States"]) == F(11, 25)
    assert model.with_(hurdles=F(1, 2)).minimal_tipping_size() > 2


def test_cascade_reaches_further_than_dominance():
    model = TippingSet(shares=[F(2, 5), F(3, 10), F(3, 10)], hurdles=[0, F(2, 5), F(7, 10)])
    assert model.cascade([0]) == ((0,), (1,), (2,))
    assert not model.tips([0])


def test_the_two_largest_do_not_always_tip():
    """A nearby false statement: 'the two largest countries always form a tipping set'."""
    model = TippingSet(shares=[F(2, 5), F(3, 10), F(3, 10)], hurdles=[0, F(4, 5), F(4, 5)])
    assert not model.tips([0, 1])


# -- bad parameters --------------------------------------------------------------------------------
@pytest.mark.parametrize("call, pattern", [
    (lambda: BreadthDepth(ideals=[1]), "n >= 2"),
    (lambda: BreadthDepth(ideals=[1, F(3, 2)]), r"\[0, 1\]"),
    (lambda: BreadthDepth(ideals=[1, -F(1, 2)]), r"\[0, 1\]"),
    (lambda: BreadthDepth(ideals=[1, 0], founders=3), "larger than the number of states"),
    (lambda: BreadthDepth(ideals=[1, 0], majority=F(1, 3)), "majority"),
    (lambda: BreadthDepth(ideals=[1, 0], breadth_value=-1), "breadth_value"),
    (lambda: BreadthDepth(ideals=[1, 0]).inclusive_depth(3), "no larger than n"),
    (lambda: TippingSet(shares=[F(1, 2), F(1, 3)], hurdles=0), "sum to one"),
    (lambda: TippingSet(shares=[1], hurdles=0), "n >= 2"),
    (lambda: TippingSet(shares=[F(1, 2), F(1, 2)], hurdles=[0, 2]), r"\[0, 1\]"),
    (lambda: TippingSet(shares=[F(3, 2), -F(1, 2)], hurdles=0), ">= 0"),
    (lambda: TippingSet(shares=[F(1, 2), F(1, 2)], hurdles=0).tips([0, 5]), "indices"),
])
def test_bad_parameters(call, pattern):
    with pytest.raises(errors.InvalidArgumentError, match=pattern):
        call()


def test_speed_every_breadth_at_n_200():
    import time

    rng = np.random.default_rng(1)
    model = BreadthDepth(ideals=rng.random(200), breadth_value=0.3, majority=0.5)
    start = time.perf_counter()
    model.frontier()
    TippingSet(shares=rng.dirichlet(np.ones(200)), hurdles=rng.random(200)).minimal_tipping_set()
    assert time.perf_counter() - start < 1


# -- the model contract ----------------------------------------------------------------------------
class TestBreadthDepthContract(ModelContract):
    def make(self):
        return BreadthDepth(ideals=[1, F(4, 5), F(1, 2), F(1, 5)])

    def make_other(self):
        return BreadthDepth(ideals=[1, F(4, 5), F(1, 2), F(1, 5)], breadth_value=1)

    changes = {"majority": F(1, 2), "founders": 3}
    bad = [(lambda: BreadthDepth(ideals=[F(1, 2)]), errors.InvalidArgumentError, "n >= 2"),
           (lambda: BreadthDepth(ideals=[1, 2]), errors.InvalidArgumentError, r"\[0, 1\]")]
    bad_changes = [({"founders": 9}, errors.InvalidArgumentError, "larger than")]
    exact_kwargs = {"ideals": [1, F(1, 2), F(1, 4)], "breadth_value": F(1, 3)}
    float_kwargs = {"ideals": [1.0, 0.5, 0.25], "breadth_value": 0.3}
    outputs = [lambda m: m.frontier(), lambda m: m.inclusive_depth(),
               lambda m: m.constructive_depth(), lambda m: m.depth_gap(2),
               lambda m: m.founders_choice()]
    no_game = ("the depth is set by a voting rule and entry decisions solved in closed form "
               "(pivots and ceilings), not a normal-form game")


class TestTippingSetContract(ModelContract):
    def make(self):
        return TippingSet(shares=[F(1, 2), F(1, 4), F(1, 4)], hurdles=F(1, 2))

    def make_other(self):
        return TippingSet(shares=[F(1, 2), F(1, 4), F(1, 4)], hurdles=F(1, 4))

    changes = {"hurdles": (0, F(1, 2), 1)}
    bad = [(lambda: TippingSet(shares=[F(1, 2), F(1, 4)], hurdles=0),
            errors.InvalidArgumentError, "sum to one")]
    exact_kwargs = {"shares": [F(1, 2), F(1, 4), F(1, 4)], "hurdles": F(1, 3)}
    float_kwargs = {"shares": [0.5, 0.25, 0.25], "hurdles": 0.3}
    outputs = [lambda m: m.weight(m.minimal_tipping_set()), lambda m: m.game]


@settings(max_examples=60, deadline=None)
@given(ml.strategies.tipping_sets(max_n=5))
def test_tipping_moves_the_inefficient_equilibrium_to_the_efficient_one(model):
    """Heal and Kunreuther (2010), p. 86: with several equilibria, one Pareto-dominant, the
    inefficient ones can be tipped to the efficient one. When every hurdle is positive and
    everyone adopting is an equilibrium, nobody adopting is one too, all adopting Pareto
    dominates it, and the smallest tipping set's adoption moves everybody else to adopt."""
    w, h = model.shares, model.hurdles
    if not (all(x > 0 for x in h) and all(h[i] <= 1 - w[i] for i in range(model.n))):
        return
    eqs = ml.solvers.pure_nash_equilibria(model.game)
    nobody, everybody = (0,) * model.n, (1,) * model.n
    assert nobody in eqs and everybody in eqs
    assert all(1 - w[i] - h[i] >= 0 for i in range(model.n))  # Pareto: 0 when nobody adopts
    waves = model.cascade(model.minimal_tipping_set())
    assert sorted(i for wave in waves for i in wave) == list(range(model.n))
    assert len(waves) <= 2


@settings(max_examples=60, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=8, majority=None))
def test_founders_choice_maximizes_the_pivotal_founder_payoff(model):
    """Against brute force: the pivotal founder's payoff min(x, t_p) - max(0, x - t_p) + b k / n
    at every breadth; the chosen breadth is a maximizer, the broadest of them."""
    t, n, b, f = model.ideals, model.n, model.breadth_value, model.founders
    p = t[model.votes(f) - 1]
    payoff = {k: min(x, p) - max(0, x - p) + b * F(k, n)
              for k, x in ((k, model.constructive_depth(k)) for k in range(f, n + 1))}
    best = max(payoff.values())
    k, depth = model.founders_choice()
    assert payoff[k] == best and k == max(j for j, v in payoff.items() if v == best)
    assert depth == model.constructive_depth(k)

