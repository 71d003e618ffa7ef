"""Arms races and negotiations (after Baliga and Sjöström 2004): the multiplier effect without
talk and the cheap-talk equilibrium, each checked against an independent computation."""

from fractions import Fraction as F

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import ArmsRace


def expected_payoffs(model, cost, arming):
    """(arm, refrain) expected payoffs of a state with ``cost`` whose rival arms with
    probability ``arming``, read off the complete-information game's payoff table."""
    g = model.game_at(cost)
    row = g.payoffs[:, :, 0]                 # [my action, rival action], (refrain, arm)
    refrain = (1 - arming) * row[0][0] + arming * row[0][1]
    arm = (1 - arming) * row[1][0] + arming * row[1][1]
    return arm, refrain


def grid(model, size):
    """``size`` equally likely types at the midpoints of equal bins of the cost support."""
    a, b = model.cost_low, model.cost_high
    return [a + (b - a) * F(2 * k + 1, 2 * size) for k in range(size)]


def grid_equilibria(model, size):
    """The least and the greatest equilibrium of the game on a type grid, by iterating best
    replies of both states (asymmetric profiles allowed) from nobody arming and from everybody
    arming: the extreme equilibria of a supermodular game (Milgrom and Roberts 1990). Returns
    the arming shares (state 1, state 2) of each."""
    types = grid(model, size)
    out = []
    for start in (False, True):
        profile = [[start] * size, [start] * size]
        for _ in range(2 * size + 2):
            new = []
            for me in (0, 1):
                p = F(sum(profile[1 - me]), size)
                new.append([bool(arm >= refrain) if start else bool(arm > refrain)
                            for arm, refrain in (expected_payoffs(model, c, p) for c in types)])
            if new == profile:
                break
            profile = new
        out.append(tuple(F(sum(s), size) for s in profile))
    return out


def test_worked_example():
    m = ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
    assert m.dominant_probability() == F(1, 5)
    assert m.equilibria() == (4,)
    assert m.multiplier_effect()
    assert m.arms_race_probabilities() == (1,)
    talk = m.cheap_talk()
    assert talk.is_equilibrium and talk.arms_race_probability == F(9, 25)
    assert talk.peace_probability == F(4, 5) and talk.dominant_gain == 0
    risk = m.arms_race_risk()
    assert (risk.unmediated, risk.mediated, risk.credible) == (1, F(9, 25), True)


def test_three_equilibria_without_dominant_types():
    m = ArmsRace(superiority=1, vulnerability=4, cost_low=2, cost_high=3)
    assert m.equilibria() == (2, F(5, 2), 3)
    assert m.arms_race_probabilities() == (0, F(1, 4), 1)
    assert not m.multiplier_effect()


def test_interior_equilibrium_with_peaceful_types():
    # types above vulnerability refrain even against a rival sure to arm
    m = ArmsRace(superiority=1, vulnerability=3, cost_low=0, cost_high=5)
    (c,) = m.equilibria()
    assert c == F(5, 3) and 0 < m.arming_probability(c) < 1
    arm, refrain = expected_payoffs(m, c, m.arming_probability(c))
    assert arm == refrain                                  # the cutoff type is indifferent


def test_superiority_breaks_the_library_construction():
    talk = ArmsRace(superiority=1, vulnerability=4, cost_low=0, cost_high=4).cheap_talk()
    assert not talk.is_equilibrium and talk.dominant_gain == F(3, 4)
    assert "announcing peace" in talk.reason
    assert not ArmsRace(superiority=0, vulnerability=3, cost_low=-1,
                        cost_high=4).cheap_talk().is_equilibrium


def test_float_inputs():
    m = ArmsRace(superiority=0.0, vulnerability=4.0, cost_low=-1.0, cost_high=4.0)
    assert m.cheap_talk().arms_race_probability == pytest.approx(0.36)
    assert isinstance(m.dominant_probability(), float)


# -- the published comparative statics, over classes of parameters ---------------------------
small = st.integers(1, 30).map(lambda k: F(k, 10))


@settings(max_examples=40, deadline=None)
@given(mu=st.integers(0, 20).map(lambda k: F(k, 10)), spread=small,
       high=st.integers(1, 10), low=st.integers(1, 20))
def test_multiplier_effect_unique_arms_race(mu, spread, high, low):
    # (1) with dominant types and no type that refrains against a sure armer, the unique
    # equilibrium is an arms race with probability one, however few the dominant types
    b = mu + spread * F(high, 10)
    m = ArmsRace(superiority=mu, vulnerability=mu + spread, cost_low=mu - (b - mu) * F(low, 40),
                 cost_high=b)
    assert m.multiplier_effect() and m.dominant_probability() <= F(1, 3)
    assert m.equilibria() == (b,) and m.arms_race_probabilities() == (1,)


@settings(max_examples=15, deadline=None)
@given(mu=st.integers(0, 10).map(lambda k: F(k, 10)), spread=small,
       a=st.integers(-10, 10).map(lambda k: F(k, 10)), width=small)
def test_multiplier_effect_matches_grid_best_replies(mu, spread, a, width):
    # independent: the least and greatest equilibria of a 40-type grid, found by iterating
    # best replies read off the payoff table; all-arm at both iff the multiplier effect
    m = ArmsRace(superiority=mu, vulnerability=mu + spread, cost_low=a, cost_high=a + width)
    size = 40
    step = width / size
    # keep away from knife-edges the grid cannot resolve
    if abs(a - mu) < step or abs(m.cost_high - m.vulnerability) < step:
        return
    least, greatest = grid_equilibria(m, size)
    assert (least == (1, 1)) == m.multiplier_effect()
    if m.multiplier_effect():
        assert greatest == (1, 1)
    # the extreme grid equilibria are close to the extreme continuous ones
    lo, hi = m.equilibria()[0], m.equilibria()[-1]
    assert abs(least[0] - m.arming_probability(lo)) <= F(2, size) + F(1, size)
    assert abs(greatest[0] - m.arming_probability(hi)) <= F(2, size) + F(1, size)


@settings(max_examples=30, deadline=None)
@given(spread=small, high=st.integers(1, 10),
       lows=st.lists(st.integers(1, 40), min_size=2, max_size=4, unique=True))
def test_cheap_talk_arms_race_vanishes_with_the_dominant_types(spread, high, lows):
    # (2) the cheap-talk arms race goes to 0 with the dominant-type probability, while the
    # arms race without talk stays certain
    b = spread * F(high, 10)
    models = [ArmsRace(superiority=0, vulnerability=spread, cost_low=-b * F(k, 400),
                       cost_high=b) for k in sorted(lows, reverse=True)]
    eps = [m.dominant_probability() for m in models]
    talk = [m.cheap_talk() for m in models]
    assert all(t.is_equilibrium for t in talk)
    races = [t.arms_race_probability for t in talk]
    assert races == sorted(races, reverse=True) and len(set(races)) == len(races)
    assert all(r == 2 * e - e * e and r <= 2 * e for r, e in zip(races, eps, strict=True))
    assert all(m.arms_race_probabilities() == (1,) for m in models)
    assert eps[-1] <= F(1, 10) and races[-1] < F(1, 5)


@settings(max_examples=60, deadline=None)
@given(mu=st.integers(0, 20).map(lambda k: F(k, 10)), spread=small,
       a=st.integers(-20, 30).map(lambda k: F(k, 10)), width=small)
def test_every_reported_cutoff_is_an_equilibrium_by_the_payoff_table(mu, spread, a, width):
    # the cutoff type is indifferent (interior), or the boundary type weakly prefers its action,
    # given the rival's arming probability: read off game_at, not the best-reply formula
    m = ArmsRace(superiority=mu, vulnerability=mu + spread, cost_low=a, cost_high=a + width)
    eqs = m.equilibria()
    assert eqs and list(eqs) == sorted(set(eqs)) and len(eqs) <= 3
    for c in eqs:
        p = m.arming_probability(c)
        arm, refrain = expected_payoffs(m, c, p)
        if c == m.cost_low:
            assert p == 0 and refrain >= arm
        elif c == m.cost_high:
            assert p == 1 and arm >= refrain
        else:
            assert arm == refrain
            below, above = expected_payoffs(m, c - F(1, 1000), p), \
                expected_payoffs(m, c + F(1, 1000), p)
            assert below[0] > below[1] and above[0] < above[1]


# -- the cheap-talk equilibrium, checked by brute force on a type grid ------------------------
PLANS = [(x, y) for x in (False, True) for y in (False, True)]   # arm? after rival peace/arms


def brute_force_talk(model, size):
    """Each grid type's best deviation gain against a rival following the library's
    construction, over both announcements and all four plans (arm or not after each rival
    announcement); and the arms-race probability by counting type pairs."""
    types = grid(model, size)
    mu = model.superiority

    def says_arms(c):
        return c < mu

    def arms(c, mine, theirs):          # the prescribed action after (mine, theirs)
        return mine or theirs

    def payoff(c, announce, plan):
        total = 0
        table = model.game_at(c).payoffs[:, :, 0]
        for r in types:
            rival_says = says_arms(r)
            rival_arms = arms(r, rival_says, announce)
            i_arm = plan[1] if rival_says else plan[0]
            total += table[int(i_arm)][int(rival_arms)]
        return F(total) / size

    gains = []
    for c in types:
        own = says_arms(c)
        prescribed = payoff(c, own, (arms(c, own, False), arms(c, own, True)))
        best = max(payoff(c, say, plan) for say in (False, True) for plan in PLANS)
        gains.append((c, best - prescribed))
    races = sum(1 for x in types for y in types
                if arms(x, says_arms(x), says_arms(y)) and arms(y, says_arms(y), says_arms(x)))
    return gains, F(races, size * size)


@pytest.mark.parametrize("low", [F(-1), F(-1, 2), F(-1, 8)])
def test_cheap_talk_is_an_equilibrium_by_brute_force(low):
    m = ArmsRace(superiority=0, vulnerability=4, cost_low=low, cost_high=4)
    gains, race = brute_force_talk(m, 48)
    assert max(g for _, g in gains) == 0
    eps = F(sum(1 for c in grid(m, 48) if c < 0), 48)
    assert race == 1 - (1 - eps) ** 2
    assert abs(eps - m.dominant_probability()) <= F(1, 48)


def test_superiority_gives_dominant_types_a_profitable_lie_by_brute_force():
    m = ArmsRace(superiority=1, vulnerability=4, cost_low=0, cost_high=4)
    gains, _ = brute_force_talk(m, 32)
    eps = F(sum(1 for c in grid(m, 32) if c < 1), 32)
    assert all(g == (1 - eps) * 1 for c, g in gains if c < 1)      # the lie pays (1 - ε) μ
    assert all(g == 0 for c, g in gains if c >= 1)
    assert eps == m.dominant_probability()


def test_cheap_talk_arms_race_by_monte_carlo():
    m = ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
    rng = np.random.default_rng(16)
    costs = rng.uniform(-1, 4, size=(200_000, 2))
    race = np.mean((costs < 0).any(axis=1))
    exact = float(m.cheap_talk().arms_race_probability)
    assert abs(race - exact) < 4 * np.sqrt(exact * (1 - exact) / 200_000)


# -- the contract and bad inputs --------------------------------------------------------------
class TestArmsRaceContract(ModelContract):
    def make(self):
        return ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)

    def make_other(self):
        return ArmsRace(superiority=1, vulnerability=4, cost_low=-1, cost_high=4)

    changes = {"cost_low": -2}
    bad = [(lambda: ArmsRace(superiority=2, vulnerability=1, cost_low=0, cost_high=1),
            errors.InvalidGameError, "strategic")]
    bad_changes = [({"cost_high": -3}, errors.InvalidArgumentError, "cost_high"),
                   ({"superiority": -1}, errors.InvalidArgumentError, "superiority")]
    exact_kwargs = {"superiority": 0, "vulnerability": 4, "cost_low": F(-1, 2), "cost_high": 4}
    float_kwargs = {"superiority": 0.0, "vulnerability": 4.0, "cost_low": -0.5,
                    "cost_high": 4.0}
    no_game = ("the complete-information game depends on the cost, an argument: game_at(c) "
               "gives it (tested in test_game_at_is_a_stag_hunt_for_coordination_types)")
    outputs = [lambda m: m.equilibria(), lambda m: m.dominant_probability(),
               lambda m: m.cheap_talk().arms_race_probability, lambda m: m.game_at(2)]


def test_game_at_is_a_stag_hunt_for_coordination_types():
    m = ArmsRace(superiority=1, vulnerability=4, cost_low=0, cost_high=4)
    assert m.game_at(2).oye_type == "stag_hunt"
    eq = ml.solvers.pure_nash_equilibria(m.game_at(2))
    assert len(eq) == 2                                  # both refrain, both arm
    assert len(ml.solvers.pure_nash_equilibria(m.game_at(F(1, 2)))) == 1   # a dominant type


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(superiority=1, vulnerability=1, cost_low=0, cost_high=1), errors.InvalidGameError,
     "vulnerability"),
    (dict(superiority=0, vulnerability=1, cost_low=1, cost_high=1), errors.InvalidArgumentError,
     "cost_high must be > cost_low"),
    (dict(superiority=-1, vulnerability=1, cost_low=0, cost_high=1),
     errors.InvalidArgumentError, "superiority"),
    (dict(superiority=0, vulnerability=float("nan"), cost_low=0, cost_high=1),
     errors.InvalidArgumentError, "vulnerability"),
])
def test_bad_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        ArmsRace(**kwargs)


def test_claim_holds_and_can_fail():
    claim = ml.claims.CHEAP_TALK_DEFUSES_ARMS_RACE
    assert claim.verify(max_examples=30).holds
    ladder = tuple(ArmsRace(superiority=0, vulnerability=4, cost_low=low, cost_high=4)
                   for low in (-1, F(-1, 2), F(-1, 4)))
    assert claim.holds(ladder)
    # peaceful types above vulnerability: no multiplier effect, the claim's premise fails
    assert not claim.holds(tuple(m.with_(cost_high=5) for m in ladder))


# -- any continuous distribution of costs (floats) --------------------------------------------
@settings(max_examples=25, deadline=None)
@given(mu=st.integers(0, 20).map(lambda k: F(k, 10)), spread=small,
       a=st.integers(-20, 30).map(lambda k: F(k, 10)), width=small)
def test_general_distribution_matches_the_exact_uniform(mu, spread, a, width):
    from scipy import stats

    m = ArmsRace(superiority=mu, vulnerability=mu + spread, cost_low=a, cost_high=a + width)
    if m.superiority == m.cost_low and m.vulnerability == m.cost_high:
        return                                   # a continuum of equilibria
    got = ml.models.cutoff_equilibria(float(mu), float(mu + spread),
                                      stats.uniform(loc=float(a), scale=float(width)))
    assert got == pytest.approx([float(c) for c in m.equilibria()], abs=1e-9)


def test_general_distribution_where_the_chain_stops():
    from scipy import stats

    # dominant types and every type below vulnerability, but few low-cost types: an
    # equilibrium with almost no arming survives beside the arms race
    costs = stats.beta(5, 1, loc=-0.5, scale=4.5)
    low, high = ml.models.cutoff_equilibria(0, 4, costs)
    assert high == 4.0 and 0 < costs.cdf(low) < 1e-4
    assert 4 * costs.cdf(low) == pytest.approx(low)          # the cutoff type is indifferent
    # types above vulnerability (a normal): no certain arms race
    assert len(ml.models.cutoff_equilibria(0, 4, stats.norm(2, 1))) == 3
    with pytest.raises(errors.InvalidArgumentError, match="cost_distribution"):
        ml.models.cutoff_equilibria(0, 4, [0, 1])
    with pytest.raises(errors.InvalidGameError, match="must exceed superiority"):
        ml.models.cutoff_equilibria(4, 4, costs)


def test_cheap_talk_without_dominant_types_is_an_equilibrium():
    # review: with cost_low >= superiority > 0 there is no dominant type to tell the lie, so
    # everybody announcing peace and nobody arming is an equilibrium (it was reported as not
    # one, and arms_race_risk as not credible)
    for low in (1, 2):
        m = ArmsRace(superiority=1, vulnerability=4, cost_low=low, cost_high=4)
        assert m.dominant_probability() == 0
        talk = m.cheap_talk()
        assert talk.is_equilibrium and talk.reason == "" and talk.arms_race_probability == 0
        assert m.arms_race_risk().credible
    # by brute force on a grid: no type gains by any announcement and plan
    gains, race = brute_force_talk(ArmsRace(superiority=1, vulnerability=4, cost_low=1,
                                            cost_high=4), 24)
    assert max(g for _, g in gains) == 0 and race == 0


def test_general_distribution_continuum_and_atoms():
    from scipy import stats

    # review: where the best reply runs along the diagonal (μ = cost_low, d = cost_high)
    # every cutoff is an equilibrium; the ends are reported, as ArmsRace.equilibria does
    # (it returned all 2001 grid points)
    m = ArmsRace(superiority=1, vulnerability=3, cost_low=1, cost_high=3)
    assert m.equilibria() == (1, 3)
    assert ml.models.cutoff_equilibria(1, 3, stats.uniform(1, 2)) == (1.0, 3.0)
    # a stretch of the diagonal inside the support: a uniform piece between two flat ones
    # (a mixture with a density), F(c) = (c - 1) / 2 on [1.5, 2.5] with μ = 1, d = 3
    class Piecewise:
        def support(self):
            return (0.0, 4.0)

        def cdf(self, c):
            c = np.asarray(c, float)
            return np.clip(np.where(c < 1.5, c / 6,
                                    np.where(c <= 2.5, (c - 1) / 2,
                                             0.75 + (c - 2.5) / 6)), 0, 1)
    roots = ml.models.cutoff_equilibria(1, 3, Piecewise())
    assert roots == pytest.approx((1.5, 2.5))
    # a discrete distribution: its jumps across the diagonal are not roots; rejected
    with pytest.raises(errors.InvalidArgumentError, match="continuous"):
        ml.models.cutoff_equilibria(0, 4, stats.binom(4, 0.5))
