"""Competitive multilateralism: forum choice under heterogeneity, and caucus power."""

from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.claims import HETEROGENEITY_FAVORS_CLUBS
from multilateral.models import (
    ForumChoice,
    HeterogeneousForum,
    caucus_gain,
)

benefits = st.lists(st.integers(-5, 5).map(Fraction), min_size=1, max_size=8)


# -- known positions ---------------------------------------------------------------------------
def test_consensus_blocks_and_the_willing_form_a_club():
    fc = ForumChoice([3, 2, 1, -1], members=["A", "B", "C", "D"])
    assert not fc.universal_adopted()
    assert fc.club_members() == ("A", "B", "C")
    assert fc.club_coverage() == Fraction(3, 4)
    assert fc.payoffs("universal") == (0, 0, 0, 0)
    assert fc.payoffs("club") == (Fraction(9, 4), Fraction(3, 2), Fraction(3, 4), 0)
    out = fc.equilibrium()
    assert out.forum == "club" and out.members == ("A", "B", "C")
    assert repr(out) == "ForumOutcome(club of 3: coverage 3/4)"


def test_no_one_loses_universal_wins():
    fc = ForumChoice([3, 2, 1, 0], legitimacy=Fraction(1, 2))
    assert fc.universal_adopted()
    assert fc.payoffs("universal") == (Fraction(9, 2), 3, Fraction(3, 2), 0)
    assert fc.preferences() == {"S1": "universal", "S2": "universal", "S3": "universal",
                                "S4": "indifferent"}
    assert fc.equilibrium().forum == "universal"
    assert repr(fc.equilibrium()) == "ForumOutcome(universal: all 4 cooperate)"


def test_no_one_gains():
    out = ForumChoice([0, -1, -2]).equilibrium()
    assert out.forum == "none" and out.members == () and out.payoffs == (0, 0, 0)
    assert "status quo" in repr(out)


def test_weights_and_returns_to_coverage():
    # China, US, India gain; a fourth state with 40% of emissions loses
    fc = ForumChoice([4, 2, 1, -1], weights=[31, 13, 8, 40], coverage_returns=2)
    assert fc.weights == (Fraction(31, 92), Fraction(13, 92), Fraction(8, 92),
                          Fraction(40, 92))
    s = Fraction(52, 92)
    assert fc.payoffs("club") == (4 * s**2, 2 * s**2, s**2, 0)
    assert ForumChoice([1, 1], weights=[2, 2]).weights == (Fraction(1, 2), Fraction(1, 2))


@given(benefits, st.integers(0, 3).map(Fraction), st.integers(1, 3))
def test_equilibrium_is_what_everyone_weakly_prefers(bs, lam, gamma):
    fc = ForumChoice(bs, legitimacy=lam, coverage_returns=gamma)
    prefs = fc.preferences()
    out = fc.equilibrium()
    if fc.universal_adopted():
        assert out.forum == "universal"
        assert all(p in ("universal", "indifferent") for p in prefs.values())
    else:
        assert out.forum in ("club", "none")
        for member, b in zip(fc.members, fc.benefits, strict=True):
            assert prefs[member] == ("club" if b > 0 else "indifferent")


# -- ex ante: heterogeneity --------------------------------------------------------------------
def _by_enumeration(forum):
    """Expected payoffs of state 0 (b = 1) over every pattern of the others' positions,
    each other state gaining (+1) or losing (-1), computed with ForumChoice."""
    p, n = forum.gain_probability, forum.n
    universal = club = Fraction(0)
    for signs in product((1, -1), repeat=n - 1):
        gains = sum(s > 0 for s in signs)
        weight = p**gains * (1 - p) ** (n - 1 - gains)
        fc = ForumChoice([1, *signs], legitimacy=forum.legitimacy,
                         coverage_returns=forum.coverage_returns)
        universal += weight * fc.payoffs("universal")[0]
        club += weight * fc.payoffs("club")[0]
    return universal, club


@given(st.integers(2, 8), st.fractions(0, 1, max_denominator=12),
       st.integers(0, 3).map(Fraction), st.integers(1, 3))
def test_closed_forms_match_enumeration_of_positions(n, p, lam, gamma):
    forum = HeterogeneousForum(n=n, gain_probability=p, legitimacy=lam,
                               coverage_returns=gamma)
    assert (forum.universal_value(), forum.club_value()) == _by_enumeration(forum)
    probs = forum.outcome_probabilities()
    assert sum(probs.values()) == 1 and all(v >= 0 for v in probs.values())


def test_simulated_normal_positions_match_closed_form():
    forum = HeterogeneousForum.from_normal(n=7, mean=1.0, spread=1.5, legitimacy=1)
    rng = np.random.default_rng(7)
    positions = rng.normal(1.0, 1.5, size=(100_000, 7))
    positions = positions[positions[:, 0] > 0]  # a state that gains
    others_gain = positions[:, 1:] > 0
    universal = np.where(others_gain.all(axis=1), 2.0, 0.0)  # (1 + lambda), per unit of b_0
    club = (1 + others_gain.sum(axis=1)) / 7
    assert universal.mean() == pytest.approx(forum.universal_value(), abs=0.01)
    assert club.mean() == pytest.approx(forum.club_value(), abs=0.005)


def test_critical_probability_and_spread():
    forum = HeterogeneousForum(n=21, gain_probability=Fraction(1, 2), legitimacy=1)
    p_star = forum.critical_probability()
    assert 0.5 < p_star < 1
    assert forum.with_(gain_probability=p_star - 1e-6).prefers_club()
    assert not forum.with_(gain_probability=p_star + 1e-6).prefers_club()
    spread = forum.critical_spread(mean=2.0).value
    at = HeterogeneousForum.from_normal(n=21, mean=2.0, spread=spread, legitimacy=1)
    assert at.gain_probability == pytest.approx(p_star)
    assert HeterogeneousForum.from_normal(n=21, mean=2.0, spread=1.1 * spread,
                                          legitimacy=1).prefers_club()
    assert not HeterogeneousForum.from_normal(n=21, mean=2.0, spread=0.9 * spread,
                                              legitimacy=1).prefers_club()
    # larger forums turn to clubs at less heterogeneity
    spreads = [forum.with_(n=n).critical_spread(1.0).value for n in (7, 21, 193)]
    assert spreads == sorted(spreads, reverse=True)


def test_critical_edge_cases():
    # no premium of universality: the club never does worse
    assert HeterogeneousForum(n=5, gain_probability=1).critical_probability() == 1.0
    assert HeterogeneousForum(n=5, gain_probability=1).preferred_forum() == "indifferent"
    assert HeterogeneousForum(n=5, gain_probability=1).critical_spread(1.0).value == 0.0
    # two states, large premium: p* = 1 / (1 + 2 lambda) <= 1/2, no spread suffices
    two = HeterogeneousForum(n=2, gain_probability=Fraction(1, 2), legitimacy=1)
    assert two.critical_probability() == pytest.approx(1 / 3)
    assert not two.critical_spread(1.0).attainable
    assert HeterogeneousForum.from_normal(n=3, mean=1, spread=0).gain_probability == 1.0
    assert HeterogeneousForum.from_normal(n=3, mean=-1, spread=0).gain_probability == 0.0


@given(mst.heterogeneous_forums())
def test_ratio_is_monotone(instance):
    forum, lower = instance
    at_p, at_q = forum, forum.with_(gain_probability=lower)
    # C / U never falls when p falls (cross-multiplied, exact)
    assert (at_q.club_value() * at_p.universal_value()
            >= at_p.club_value() * at_q.universal_value())
    assert HETEROGENEITY_FAVORS_CLUBS.holds(instance)


def test_claim_verifies_and_is_registered():
    assert HETEROGENEITY_FAVORS_CLUBS.verify(max_examples=60).holds
    assert "heterogeneity_favors_clubs" in ml.claims.catalogue()
    assert ml.claims.HETEROGENEITY_FAVORS_CLUBS is HETEROGENEITY_FAVORS_CLUBS


# -- caucus power ------------------------------------------------------------------------------
@st.composite
def bodies(draw, max_n=12):
    n = draw(st.integers(1, max_n))
    return n, draw(st.integers(1, n)), draw(st.integers(1, n))


@given(bodies())
def test_caucus_closed_forms_match_the_power_module(body):
    n, c, q = body
    gain = caucus_gain(n=n, caucus=c, quota=q)
    game = ml.WeightedVotingGame([1] * n, q)
    caucus = list(range(c))
    ss = ml.solvers.caucus_power(game, caucus, index="shapley_shubik", exact=True)
    assert (gain.together["shapley_shubik"], gain.apart["shapley_shubik"]) == (ss.together,
                                                                             ss.apart)
    bz = ml.solvers.caucus_power(game, caucus, index="banzhaf", exact=True)
    assert gain.together["banzhaf_normalized"] == bz.together
    assert gain.apart["banzhaf_normalized"] == bz.apart
    # absolute Banzhaf by enumeration of the blocked and unblocked games
    blocked = game.with_blocs({"caucus": caucus})
    assert gain.together["banzhaf"] == ml.solvers.banzhaf(blocked, exact=True)["caucus"]
    apart = ml.solvers.banzhaf(game, exact=True)
    assert gain.apart["banzhaf"] == sum(apart.values[i] for i in caucus)
    assert gain.apart["banzhaf_member"] == apart.values[0]


def test_caucus_in_the_general_assembly():
    # 193 members, simple majority: a caucus of 30 gains by voting together
    unga = caucus_gain(n=193, caucus=30)
    assert unga.quota == 97
    for index in ("shapley_shubik", "banzhaf_normalized", "banzhaf_member"):
        assert unga.gain(index) > 0 and unga.ratio(index) > 1
    game = ml.WeightedVotingGame([1] * 193, 97)
    ss = ml.solvers.caucus_power(game, range(30), exact=True)
    assert ss.together == unga.together["shapley_shubik"]
    # a caucus of one changes nothing
    solo = caucus_gain(n=193, caucus=1)
    assert all(solo.gain(i) == 0 for i in solo.together)
    assert "30 of 193" in repr(unga)


def test_caucusing_under_consensus_costs_power_shares():
    # unanimity: every member is a veto player; merging 7 of 21 into one bloc shrinks their share
    g = caucus_gain(n=21, caucus=7, quota=21)
    assert g.together["shapley_shubik"] == Fraction(1, 15)
    assert g.apart["shapley_shubik"] == Fraction(1, 3)
    assert g.gain("shapley_shubik") < 0
    assert caucus_gain(n=4, caucus=4).ratio("banzhaf_normalized") == 1
    assert caucus_gain(n=3, caucus=1, quota=3).ratio("banzhaf") == 1


def test_quota_of_one():
    # any member passes anything alone: a member is decisive only when all others vote no
    g = caucus_gain(n=3, caucus=1, quota=1)
    assert g.apart["banzhaf"] == Fraction(1, 4) and g.ratio("banzhaf") == 1


# -- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("call, error, match", [
    (lambda: ForumChoice([]), errors.InvalidArgumentError, "at least one"),
    (lambda: ForumChoice("abc"), errors.InvalidTypeError, "sequence"),
    (lambda: ForumChoice([1, "x"]), errors.InvalidArgumentError, "real number"),
    (lambda: ForumChoice([1, 2], weights=[1]), errors.InvalidArgumentError, "one entry"),
    (lambda: ForumChoice([1, 2], weights=[0, 0]), errors.InvalidArgumentError, "all be zero"),
    (lambda: ForumChoice([1, 2], weights=[1, -1]), errors.InvalidArgumentError, ">= 0"),
    (lambda: ForumChoice([1, 2], members=["A"]), errors.InvalidArgumentError, "2 strings"),
    (lambda: ForumChoice([1, 2], members=["A", "A"]), errors.InvalidArgumentError, "distinct"),
    (lambda: ForumChoice([1], legitimacy=-1), errors.InvalidArgumentError, "legitimacy"),
    (lambda: ForumChoice([1], coverage_returns=0), errors.InvalidArgumentError,
     "coverage_returns"),
    (lambda: ForumChoice([1]).payoffs("minilateral"), errors.InvalidArgumentError, "forum"),
    (lambda: HeterogeneousForum(n=1, gain_probability=1), errors.InvalidArgumentError, "n"),
    (lambda: HeterogeneousForum(n=3, gain_probability=1.5), errors.InvalidProbabilityError,
     "gain_probability"),
    (lambda: HeterogeneousForum.from_normal(3, 1, -1), errors.InvalidArgumentError, "spread"),
    (lambda: HeterogeneousForum(n=3, gain_probability=1).critical_spread(0),
     errors.InvalidArgumentError, "mean"),
    (lambda: caucus_gain(n=5, caucus=6), errors.InvalidArgumentError, "caucus"),
    (lambda: caucus_gain(n=5, caucus=0), errors.InvalidArgumentError, "caucus"),
    (lambda: caucus_gain(n=5, caucus=2, quota=6), errors.InvalidArgumentError, "quota"),
    (lambda: caucus_gain(n=5.0, caucus=2), errors.InvalidTypeError, "n must"),
    (lambda: caucus_gain(n=5, caucus=2).gain("penrose"), errors.InvalidArgumentError,
     "index"),
])
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_large_bodies_in_floating_point():
    # thousands of members: no overflow in the binomial sums
    big = HeterogeneousForum(n=5000, gain_probability=0.999, legitimacy=1)
    assert big.club_value() == pytest.approx(0.999, abs=1e-3)
    assert big.prefers_club() and 0.999 < big.critical_probability() < 1
    exact = HeterogeneousForum(n=21, gain_probability=Fraction(9, 10), coverage_returns=2)
    assert exact.with_(gain_probability=0.9).club_value() == pytest.approx(
        float(exact.club_value()))


# -- the model contract --------------------------------------------------------------------
class TestForumChoiceContract(ModelContract):
    no_game = "states with known positions pick a forum: a decision rule, not a game of strategy"

    def make(self):
        return ForumChoice([3, 2, 1, -1], members=["A", "B", "C", "D"])

    def make_other(self):
        return ForumChoice([3, 2, 1, 0])

    changes = {"legitimacy": 1, "benefits": (3, 2, 1, 1)}
    bad = [
        (lambda: ForumChoice([]), errors.InvalidArgumentError, "at least one"),
        (lambda: ForumChoice([1], legitimacy=-1), errors.InvalidArgumentError, "legitimacy"),
    ]
    bad_changes = [({"coverage_returns": 0}, errors.InvalidArgumentError, "coverage_returns")]
    exact_kwargs = {"benefits": [3, 2, 1, -1], "legitimacy": Fraction(1, 2)}
    float_kwargs = {"benefits": [3.0, 2.0, 1.0, -1.0], "legitimacy": 0.5}
    outputs = [lambda m: m.equilibrium(), lambda m: m.payoffs("universal"),
               lambda m: m.club_coverage()]


class TestHeterogeneousForumContract(ModelContract):
    no_game = "a state's choice of forum before positions are known: one actor's decision"

    def make(self):
        return HeterogeneousForum(n=3, gain_probability=Fraction(1, 2), legitimacy=1)

    def make_other(self):
        return HeterogeneousForum(n=21, gain_probability=Fraction(99, 100), legitimacy=1)

    changes = {"n": 5, "gain_probability": Fraction(9, 10)}
    bad = [
        (lambda: HeterogeneousForum(n=1, gain_probability=1), errors.InvalidArgumentError, "n"),
        (lambda: HeterogeneousForum(n=3, gain_probability=-0.5),
         errors.InvalidProbabilityError, "gain_probability"),
    ]
    bad_changes = [({"gain_probability": 2}, errors.InvalidProbabilityError,
                    "gain_probability")]
    exact_kwargs = {"n": 3, "gain_probability": Fraction(1, 2), "legitimacy": 1}
    float_kwargs = {"n": 3, "gain_probability": 0.5, "legitimacy": 1.0}
    # critical_probability and critical_spread (which needs an argument) are floats whatever
    # the input (irrational roots, found numerically: the class's Notes)
    inexact = {"critical_probability": "a root of a polynomial, irrational in general, "
                                       "found by bisection"}
    outputs = [lambda m: m.universal_value(), lambda m: m.club_value(),
               lambda m: m.outcome_probabilities()]


def test_forum_models_induce_no_game():
    assert not hasattr(ForumChoice, "game") and not hasattr(HeterogeneousForum, "game")


def test_critical_spread_is_a_threshold():
    forum = HeterogeneousForum(n=21, gain_probability=Fraction(1, 2), legitimacy=1)
    t = forum.critical_spread(mean=2.0)
    assert isinstance(t, ml.results.Threshold) and t.parameter == "spread" and t.holds_above
    assert t.exact is None and t.attainable


def test_legitimacy_premium_from_the_endorsement_game():
    """The premium of the universal forum as an equilibrium of the endorsement game
    (multilateral.models.legitimacy): a club of like-minded states earns none over itself,
    and an inclusive body's conservative pivot earns the universal forum its premium."""
    from multilateral.models import Endorsement

    un = Endorsement([Fraction(1, 10), Fraction(4, 5)])
    club = Endorsement([Fraction(1, 10), Fraction(1, 5)])
    f = HeterogeneousForum.from_endorsements(5, Fraction(9, 10), un, club)
    assert f.legitimacy == un.premium_over(club) == Fraction(1, 2)
    assert f == HeterogeneousForum(n=5, gain_probability=Fraction(9, 10),
                                   legitimacy=Fraction(1, 2))
    assert HeterogeneousForum.from_endorsements(5, Fraction(9, 10), club, un).legitimacy == 0
    assert not f.prefers_club()
    assert HeterogeneousForum.from_endorsements(5, Fraction(9, 10), club, club).prefers_club()
