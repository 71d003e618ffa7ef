"""Breadth against depth (Downs, Rocke and Barsoom 1998) and tipping sets (Heal and Kunreuther
2011): closed forms against independent references, the published comparative statics, the
claims and their failing neighbours, bad parameters, and the model contract."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.claims import CONSTRUCTIVE_DEPTH, TIPPING_SET
from multilateral.claims.breadth_depth import smallest_by_brute_force
from multilateral.models import BreadthDepth, TippingSet

F = Fraction


# -- breadth and depth: an independent reference ---------------------------------------------------
def game_depths(model, k):
    """Inclusive and constructive depth at breadth k by playing the sequential game from the
    payoffs, not from the closed forms: depths move one step at a time on the grid of the
    payoffs' kinks (0, the ideals and every ceiling), a step passes when v(m) members strictly
    gain from it (and, upward, every member still prefers being in to staying out); the
    founders may stop anywhere they can reach; each entrant compares membership with 0."""
    t, n, b, f = list(model.ideals), model.n, F(model.breadth_value), model.founders

    def u(i, x, m):
        return min(x, t[i]) - max(0, x - t[i]) + b * F(m, n)

    def votes(m):
        return max(-(-F(model.majority) * m // 1), m // 2 + 1)

    grid = sorted({F(0), *t, *(2 * t[i] + b * F(m, n) for i in range(n) for m in range(1, n + 1))})

    def deepen(members, m):  # every depth reachable upward from no agreement
        path = [F(0)]
        for y in grid[1:]:
            if sum(u(i, y, m) > u(i, path[-1], m) for i in members) >= votes(m) and all(
                    u(i, y, m) >= 0 for i in members):
                path.append(y)
            else:
                break
        return path

    def lower(x, m):
        for y in reversed([g for g in grid if g < x]):
            if sum(u(i, y, m) > u(i, x, m) for i in range(m)) < votes(m):
                break
            x = y
        return x

    inclusive = deepen(range(k), k)[-1]
    reached = []
    for x in deepen(range(f), f):
        x = lower(x, f)
        for j in range(f, k):  # state j decides whether to join the (j + 1)-member agreement
            if u(j, x, j + 1) < 0:
                break
            x = lower(x, j + 1)
        else:
            reached.append(x)
    return inclusive, max(reached)


@settings(max_examples=100, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=7, majority=None))
def test_frontier_matches_the_sequential_game(model):
    fr = model.frontier()
    for k, inc, con in zip(fr.breadths, fr.inclusive, fr.constructive, strict=True):
        assert (inc, con) == game_depths(model, int(k))
    assert model.inclusive_depth() == fr.inclusive[-1]
    assert model.constructive_depth() == fr.constructive[-1]


def test_every_founder_accepts_the_founding_depth():
    """Regression: under a majority rule the founders' pivot may want more than the least
    committed founder accepts; founded by all of them, the agreement is the inclusive one
    (the constructive depth once ignored the founders' own participation: 1/2 here, where the
    third founder, ideal 0, would rather stay out)."""
    model = BreadthDepth(ideals=[F(2, 3), F(1, 2), 0], majority=F(1, 2), founders=3)
    assert model.constructive_depth() == model.inclusive_depth() == 0
    assert game_depths(model, 3) == (0, 0)


@settings(max_examples=60, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=10, majority=None))
def test_founders_alone_are_an_inclusive_table(model):
    f = model.founders
    assert model.constructive_depth(f) == model.inclusive_depth(f)


def test_shallower_construction_rests_on_the_frozen_acquis():
    """Where the constructive depth falls below the inclusive one (majority rule, b > 0), the
    model's own rule would deepen it: v(k) members want more and every member stays. The
    model's acquis is never revisited upward (documented); this pins down that assumption."""
    model = BreadthDepth(ideals=[F(3, 4)] * 3 + [F(1, 4)] * 2, breadth_value=F(1, 4),
                         majority=F(1, 2), founders=1)
    t, n, k, b = model.ideals, model.n, model.n, model.breadth_value
    x = model.constructive_depth()   # the fourth state joined 4 members at 2/4 + 1/5
    assert (x, model.inclusive_depth()) == (F(7, 10), F(3, 4))
    y = x + F(1, 100)
    u = [lambda z, i=i: min(z, t[i]) - max(0, z - t[i]) + b * F(k, n) for i in range(k)]
    assert sum(u[i](y) > u[i](x) for i in range(k)) >= model.votes(k)
    assert all(u[i](y) >= 0 for i in range(k))


def test_a_float_majority_is_read_as_its_decimal():
    """55% of 20 members is 11 votes, as with the Fraction 11/20 (the binary value of 0.55 is
    a hair above it and would need 12)."""
    assert BreadthDepth(ideals=[1] * 20, majority=0.55).votes(20) == 11
    assert BreadthDepth(ideals=[1] * 20, majority=F(11, 20)).votes(20) == 11


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


@settings(max_examples=60, deadline=None)
@given(ml.strategies.breadth_depth_models(max_n=10, majority=None))
def test_float_models_agree_with_exact_ones(model):
    """Floats in, floats out, equal to the exact depths over the class (majority rules too)."""
    flt = model.with_(ideals=[float(x) for x in model.ideals],
                      breadth_value=float(model.breadth_value), majority=float(model.majority))
    a, b = model.frontier(), flt.frontier()
    assert b.constructive.dtype == np.float64 and not flt.is_exact
    np.testing.assert_allclose(b.constructive, a.constructive.astype(float), atol=1e-12)
    np.testing.assert_allclose(b.inclusive, a.inclusive.astype(float), atol=1e-12)


# -- published results -----------------------------------------------------------------------------
def test_downs_rocke_barsoom_p397_sequential_construction_is_deeper():
    """Downs, Rocke and Barsoom (1998), p. 397: sequential construction "increases the level of
    cooperation a multilateral is able to attain". Eleven states with ideals 1, 9/10, ..., 0
    under unanimity: the inclusive agreement of all is as deep as its least committed member
    wants (0); founded by the two most committed, the agreement reaches everyone at depth 2/5
    (the last entrant joins for its breadth value b = 2/5), and at every breadth it is deeper.
    The direction is the authors' (their abstract); the numbers are this model's, derived by
    hand from the closed forms (their own model and results could not be consulted)."""
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


def exhaustive_smallest(shares, hurdles, slack=0):
    """The size and the largest weight of a smallest tipping coalition, by enumerating every
    coalition (independent of the model's code)."""
    n = len(shares)
    for size in range(n + 1):
        weights = [sum((shares[i] for i in c), 0 * shares[0])
                   for c in itertools.combinations(range(n), size)
                   if all(sum((shares[i] for i in c), 0 * shares[0]) >= hurdles[j] - slack
                          for j in range(n) if j not in c)]
        if weights:
            return size, max(weights)
    raise AssertionError("the whole world always tips")


@st.composite
def tied_games(draw):
    """Up to 10 countries with few distinct shares and hurdles (ties everywhere), hurdles
    sometimes equal to a share or to 0 or 1."""
    n = draw(st.integers(2, 10))
    raw = draw(st.lists(st.sampled_from([1, 2, 3, 6]), min_size=n, max_size=n))
    shares = [F(r, sum(raw)) for r in raw]
    choices = [F(0), F(1), F(1, 2), F(1, 4), *shares[:3]]
    return shares, draw(st.lists(st.sampled_from(choices), min_size=n, max_size=n))


@settings(max_examples=60, deadline=None)
@given(tied_games())
def test_minimal_tipping_set_against_exhaustive_search_with_ties(game):
    shares, hurdles = game
    model = TippingSet(shares, hurdles)
    members = model.minimal_tipping_set()
    assert model.tips(members)
    assert (len(members), model.weight(members)) == exhaustive_smallest(shares, hurdles)


@settings(max_examples=60, deadline=None)
@given(tied_games())
def test_float_tipping_agrees_with_its_own_tips(game):
    """With floats, tips and minimal_tipping_set decide ties within rounding the same way
    (0.1 + 0.2 clears a hurdle of 0.3); once the two used sums in different orders."""
    shares, hurdles = game
    w = [float(x) for x in shares]
    model = TippingSet(w, [float(h) for h in hurdles])
    members = model.minimal_tipping_set()
    assert model.tips(members)
    size, _ = exhaustive_smallest(w, [float(h) for h in hurdles], slack=len(w) * 1e-12)
    assert len(members) == size


def test_tipping_set_of_a_large_world_in_linear_memory():
    """n = 20 000 countries (the old algorithm built n x n arrays: about 6.8 GB here)."""
    rng = np.random.default_rng(2)
    model = TippingSet(shares=rng.dirichlet(np.ones(20_000)), hurdles=rng.random(20_000) / 2)
    members = model.minimal_tipping_set()
    assert model.tips(members)
    assert all(not model.tips(members[:i] + members[i + 1:]) for i in range(0, len(members), 97))
    assert 0 < len(members) < model.n


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


@settings(max_examples=40, deadline=None)
@given(ml.strategies.tipping_sets(max_n=5))
def test_equilibria_at_the_extremes(model):
    """Nobody adopting is always a (weak) Nash equilibrium, hurdles of 0 included; everybody
    adopting is one iff every h_i <= 1 - w_i (checked on the normal-form game)."""
    eqs = ml.solvers.pure_nash_equilibria(model.game)
    w, h = model.shares, model.hurdles
    assert (0,) * model.n in eqs
    assert ((1,) * model.n in eqs) == all(h[i] <= 1 - w[i] for i in range(model.n))


def test_cascade_reaches_further_than_dominance():
    model = TippingSet(shares=[F(2, 5), F(3, 10), F(3, 10)], hurdles=[0, F(2, 5), F(7, 10)])
    assert model.cascade([0]) == ((0,), (1,), (2,))
    assert not model.tips([0])


def test_raising_a_hurdle_can_enlarge_the_tipping_set():
    """The nearby false claim, 'raising a hurdle never enlarges the minimal tipping set',
    fails (so the monotonicity in the claim is not vacuous), while the claim's own predicate
    holds on the same game and the same cuts."""
    model = TippingSet(shares=[F(1, 2), F(1, 4), F(1, 4)], hurdles=[F(1, 4)] * 3)
    assert model.minimal_tipping_size() == 1
    assert model.with_(hurdles=[F(3, 4)] * 3).minimal_tipping_size() == 2
    assert TIPPING_SET.holds((model, [F(1, 2)] * 3))
    assert TIPPING_SET.holds((model.with_(hurdles=[F(3, 4)] * 3), [F(2, 3)] * 3))


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

