"""Tests for legitimacy as information (multilateral.models.legitimacy)."""

from fractions import Fraction

import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

from multilateral import errors
from multilateral.models import Endorsement
from multilateral.solvers.extensive import perfect_bayesian_equilibria

F = Fraction
unit = st.fractions(min_value=0, max_value=1, max_denominator=20)


def test_pivot_under_consensus_quota_and_vetoes():
    body = Endorsement([F(1, 10), F(1, 5), F(3, 5), F(4, 5)])
    assert body.pivot == F(4, 5)                      # consensus: the most conservative
    assert body.with_(quota=2).pivot == F(1, 5)       # 2 of 4: the second most lenient
    assert body.with_(quota=2, vetoes=[2]).pivot == F(3, 5)   # a veto player above
    assert body.with_(members=["A", "B", "C", "D"]).pivotal_members() == ("D",)


def test_closed_form_equilibrium():
    e = Endorsement([F(7, 10)], audience=F(3, 5), seeker=F(1, 10)).equilibrium()
    assert (e.posterior_endorsed, e.posterior_withheld) == (F(17, 20), F(7, 20))
    assert e.support_endorsed and not e.support_withheld and e.influential
    assert e.support_probability == F(3, 10) and e.exact
    # a lax club: the audience does not believe it
    lax = Endorsement([F(1, 10)], audience=F(3, 5)).equilibrium()
    assert not lax.influential and not lax.support_endorsed and lax.support_probability == 0
    # too conservative: the audience supports anyway, the endorsement decides nothing
    strict = Endorsement([F(9, 10)], audience=F(2, 5)).equilibrium()
    assert not strict.influential and strict.support_withheld


@pytest.mark.parametrize("k", [4, 5, 8])
def test_closed_form_matches_the_signalling_solver(k):
    """On the discretized game the threshold profile is a PBE, with the closed-form beliefs
    exactly when the pivot is a multiple of 1/k (the library's own check: Chapman 2009 is
    empirical and prints no such equilibrium)."""
    for j in range(1, k):
        c = F(j, k)
        body = Endorsement([c], audience=F(1, 2), grid=k)
        closed = body.equilibrium()
        pbe = perfect_bayesian_equilibria(body.signalling_game())
        merits = [F(2 * i - 1, 2 * k) for i in range(1, k + 1)]
        found = [q for q in pbe if all(
            q.sender[t][0] == (1 if merits[t] > c else 0) for t in range(k))
            and q.receiver[0][0] == 1 and q.receiver[1][1] == 1]
        assert found, (k, j)
        q = found[0]
        means = [sum(b * m for b, m in zip(q.beliefs[i], merits, strict=True)) for i in (0, 1)]
        assert means == [closed.posterior_endorsed, closed.posterior_withheld]


def _solver_belief_after_endorsement(c, k):
    """E[merit | endorsed] in the threshold PBE the solver finds on the k-merit game."""
    merits = [F(2 * i - 1, 2 * k) for i in range(1, k + 1)]
    game = Endorsement([c], grid=k).signalling_game()
    for q in perfect_bayesian_equilibria(game):
        if all(q.sender[t][0] == (1 if merits[t] > c else 0) for t in range(k)):
            return sum(b * m for b, m in zip(q.beliefs[0], merits, strict=True))
    raise AssertionError(f"no threshold PBE at pivot {c}")


def test_forum_premium_is_the_solvers_belief_ratio(k=4):
    """The legitimacy premium HeterogeneousForum.from_endorsements uses is the ratio of the
    beliefs after the two bodies' endorsements in the PBE the generic solver finds, minus 1
    (not only the closed form's)."""
    from multilateral.models import HeterogeneousForum

    beliefs = {j: _solver_belief_after_endorsement(F(j, k), k) for j in range(1, k)}
    for hi in range(1, k):
        for lo in range(1, hi + 1):
            universal = Endorsement([F(1, 2 * k), F(hi, k)])        # consensus: pivot hi/k
            club = Endorsement([F(lo, k)])
            forum = HeterogeneousForum.from_endorsements(5, F(9, 10), universal, club)
            assert forum.legitimacy == beliefs[hi] / beliefs[lo] - 1


def test_influence_matches_the_solver_at_every_audience(k=4):
    """Independent check of 'influential iff 0 < c* < 1 and 2a - 1 <= c* <= 2a': the solver
    finds a PBE in which both messages are sent, the audience supports after an endorsement
    and opposes after none exactly when the closed form says so (ties included: c* = 2a,
    c* = 2a - 1, c* = 0 and 1, a = 0 and 1)."""
    for j in range(k + 1):
        for i in range(9):  # eighths: hits c* = 2a and c* = 2a - 1 exactly
            c, a = F(j, k), F(i, 8)
            body = Endorsement([c], audience=a, grid=k)
            found = any(
                q.receiver[0][0] == 1 and q.receiver[1][1] == 1
                and any(q.sender[t][0] == 1 for t in range(k))
                and any(q.sender[t][1] == 1 for t in range(k))
                for q in perfect_bayesian_equilibria(body.signalling_game()))
            assert found == body.equilibrium().influential, (c, a)


def test_posteriors_match_a_simulation():
    """Monte Carlo: E[merit | merit >= c*] and E[merit | merit < c*] for uniform merits."""
    import numpy as np

    merit = np.random.default_rng(16).random(400_000)
    for c in (0.1, 0.35, 0.5, 0.8):
        e = Endorsement([0.9, c], quota=1, vetoes=[1]).equilibrium()  # pivot c: veto above
        assert e.pivot == c
        assert abs(merit[merit >= c].mean() - e.posterior_endorsed) < 3e-3
        assert abs(merit[merit < c].mean() - e.posterior_withheld) < 3e-3


def test_added_credibility_matches_a_simulation():
    """Monte Carlo: the seeker asks iff merit >= s, the body endorses iff merit >= c*; the
    endorsement raises the belief of an audience that heard the request by max(c* - s, 0)/2."""
    import numpy as np

    merit = np.random.default_rng(17).random(400_000)
    for s, c in ((0.0, 0.6), (0.2, 0.7), (0.5, 0.55), (0.6, 0.3), (0.4, 0.4)):
        asked = merit >= s
        both = asked & (merit >= c)
        simulated = merit[both].mean() - merit[asked].mean()
        body = Endorsement([c], seeker=s)
        assert abs(simulated - body.added_credibility()) < 3e-3, (s, c)


@given(unit, unit, unit, unit)
def test_chapman_across_seekers(s1, s2, c1, c2):
    """Chapman's 'the farther the body's pivotal members from the state seeking it', across
    seekers: what the endorsement adds to the seeker's own word is nondecreasing in the
    pivot's distance from the seeker, whoever the seeker is."""
    b1, b2 = Endorsement([c1], seeker=s1), Endorsement([c2], seeker=s2)
    if b1.distance() <= b2.distance():
        assert b1.added_credibility() <= b2.added_credibility()
    assert b1.added_credibility() == max(b1.distance(), 0) / 2


def test_credibility_alone_does_not_see_the_seeker():
    """The nearby false statement: against the prior, the same body is as credible for a
    seeker at 0 as for one at its own pivot, though the distances differ."""
    near, far = Endorsement([F(1, 2)], seeker=F(1, 2)), Endorsement([F(1, 2)], seeker=0)
    assert near.distance() < far.distance() and near.credibility() == far.credibility()
    assert near.added_credibility() == 0 < far.added_credibility() == F(1, 4)


def test_pivot_is_the_voting_outcome():
    """Brute force: the lowest merit at which quota members and every veto player approve."""
    positions = [F(3, 10), F(1, 10), F(3, 10), F(7, 10), F(1, 2)]   # a tie at 3/10
    merits = [F(m, 20) for m in range(21)]
    for quota in range(1, 6):
        for vetoes in ([], [1], [0, 4], [3]):
            body = Endorsement(positions, quota=quota, vetoes=vetoes)
            first = min(t for t in merits if sum(p <= t for p in positions) >= quota
                        and all(positions[v] <= t for v in vetoes))
            assert body.pivot == first, (quota, vetoes)


def test_conservative_relative_to_the_audience_is_neither_necessary_nor_sufficient():
    """Nearby false statements fail: 'influential iff c* > a' (the library's finding)."""
    a = F(3, 5)
    lenient = Endorsement([F(1, 2)], audience=a)          # c* = 1/2 < a, >= 2a - 1 = 1/5
    assert lenient.pivot < a and lenient.equilibrium().influential
    strict = Endorsement([F(9, 10)], audience=F(2, 5))    # c* > 2a = 4/5
    assert strict.pivot > strict.audience and not strict.equilibrium().influential


def test_the_claim_predicate_can_fail():
    from multilateral.claims import INCLUSIVE_ENDORSEMENT_IS_CREDIBLE as claim

    body = Endorsement([F(1, 2), F(4, 5)], audience=F(3, 5))
    assert claim.holds((body, F(1, 10), F(9, 10)))
    assert not claim.holds((body, F(1, 10), F(1, 5)))     # a 'farther' pivot that is nearer
    assert not claim.holds((body.with_(quota=1), F(0), F(9, 10)))  # a quota, lenient entrant


@given(unit, unit, unit, unit)
def test_chapman_support_is_worth_more_the_farther_the_pivot(a, s, c1, c2):
    """Chapman (2009): a resolution raises approval more when the Council is more distant
    from the state; here E[merit | endorsed] rises with the pivot's distance from the seeker."""
    near, far = sorted([c1, c2])
    b_near = Endorsement([near], audience=a, seeker=s)
    b_far = Endorsement([far], audience=a, seeker=s)
    assert b_far.distance() >= b_near.distance()
    assert b_far.credibility() >= b_near.credibility()
    assert b_far.equilibrium().posterior_endorsed >= b_near.equilibrium().posterior_endorsed


@given(st.lists(unit, min_size=1, max_size=6), unit, unit)
def test_inclusion_under_consensus_never_lowers_credibility(club, extra, a):
    small = Endorsement(club, audience=a)
    big = Endorsement([*club, extra], audience=a)
    assert big.credibility() >= small.credibility()
    # premium_over is floored at 0, so '>= 0' would be vacuous: check it is the rise in belief
    before, after = small.equilibrium().posterior_endorsed, big.equilibrium().posterior_endorsed
    assert big.premium_over(small) == after / before - 1 >= 0
    assert small.premium_over(big) == 0           # the floor: never a negative premium


@given(st.lists(unit, min_size=2, max_size=7), unit)
def test_the_heterogeneity_that_makes_a_club_costs_it_legitimacy(positions, merit):
    """Heterogeneity both favours clubs and costs them legitimacy, derived over a class: with
    member i gaining from an agreement of merit m iff m >= c_i (b_i = m - c_i in ForumChoice),
    consensus is blocked, and the willing form a club, exactly when some member is more
    conservative than m; that member makes the universal (consensus) body's pivot exceed every
    club member's, so the universal endorsement is strictly more credible than the club's."""
    from multilateral.models import ForumChoice

    outcome = ForumChoice([merit - c for c in positions]).equilibrium()
    universal = Endorsement(positions)
    blocked = any(c > merit for c in positions)
    assert (outcome.forum == "universal") == (not blocked)
    if outcome.forum == "club":
        club = Endorsement([c for c in positions if c < merit])
        assert club.pivot < merit < universal.pivot
        assert universal.premium_over(club) == (universal.pivot - club.pivot) / (1 + club.pivot)
        assert universal.premium_over(club) > 0


def test_the_club_keeps_its_legitimacy_against_a_majority_body():
    """The qualification of the test above: it needs the universal body to decide by
    consensus; under a quota the blocking member is not pivotal and the club (here the body's
    own lenient majority) is exactly as credible."""
    from multilateral.models import ForumChoice

    positions, merit = [F(1, 10), F(1, 5), F(9, 10)], F(1, 2)
    assert ForumChoice([merit - c for c in positions]).equilibrium().forum == "club"
    club = Endorsement(positions[:2])
    assert Endorsement(positions).premium_over(club) > 0
    assert Endorsement(positions, quota=2).premium_over(club) == 0


def test_inclusion_under_a_fixed_quota_can_lower_credibility():
    """The qualification: with quota 2, adding a lenient member lowers the pivot."""
    body = Endorsement([F(1, 2), F(4, 5)], quota=2)
    assert body.with_(positions=[F(1, 2), F(4, 5), F(0)]).pivot == F(1, 2) < body.pivot
    # a veto bounds the fall: down to the veto player's 1/2, not to the newcomer's 0
    vetoed = Endorsement([F(1, 2), F(4, 5)], quota=2, vetoes=[0])
    bigger = vetoed.with_(positions=[F(1, 2), F(4, 5), F(0)])
    assert bigger.pivot == F(1, 2) < vetoed.pivot
    # a lenient newcomer lowers it even with a veto of its own (it counts towards the
    # quota); a newcomer with a veto at least as reluctant as the pivot never lowers it
    assert vetoed.with_(positions=[F(1, 2), F(4, 5), F(0)], vetoes=[0, 2]).pivot == F(1, 2)
    assert vetoed.with_(positions=[F(1, 2), F(4, 5), F(9, 10)], vetoes=[0, 2]).pivot == F(9, 10)


def test_exact_and_float():
    assert Endorsement([F(1, 2)]).credibility() == F(1, 4)
    assert isinstance(Endorsement([0.5], audience=0.5).credibility(), float)
    assert isinstance(Endorsement([0.5], audience=0.5).equilibrium().support_probability,
                      float)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"positions": []}, errors.InvalidArgumentError, "at least one"),
    ({"positions": [1.5]}, errors.InvalidArgumentError, "positions"),
    ({"positions": [0.5], "audience": -0.1}, errors.InvalidArgumentError, "audience"),
    ({"positions": [0.5], "seeker": 2}, errors.InvalidArgumentError, "seeker"),
    ({"positions": [0.5, 0.6], "quota": 3}, errors.InvalidArgumentError, "quota"),
    ({"positions": [0.5, 0.6], "vetoes": [2]}, errors.InvalidArgumentError, "vetoes"),
    ({"positions": [0.5, 0.6], "vetoes": [1, 1]}, errors.InvalidArgumentError, "distinct"),
    ({"positions": [0.5, 0.6], "members": ["A"]}, errors.InvalidArgumentError, "members"),
    ({"positions": "0.5"}, errors.InvalidTypeError, "positions"),
    ({"positions": [0.5], "grid": 20}, errors.InvalidArgumentError, "grid"),
])
def test_bad_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        Endorsement(**kwargs)


def test_premium_over_needs_an_endorsement():
    with pytest.raises(errors.InvalidTypeError, match="club"):
        Endorsement([0.5]).premium_over(0.2)  # type: ignore[arg-type]


class TestEndorsementContract(ModelContract):
    solve = staticmethod(perfect_bayesian_equilibria)

    def make(self):
        return Endorsement([F(1, 5), F(3, 5), F(7, 10)], audience=F(3, 5), grid=4)

    def make_other(self):
        return Endorsement([F(1, 10)], audience=F(3, 5), grid=4)

    changes = {"audience": F(1, 2), "quota": 2}
    bad = [(lambda: Endorsement([]), errors.InvalidArgumentError, "at least one"),
           (lambda: Endorsement([2]), errors.InvalidArgumentError, "positions")]
    bad_changes = [({"quota": 0}, errors.InvalidArgumentError, "quota")]
    exact_kwargs = {"positions": [F(1, 5), F(7, 10)], "audience": F(3, 5), "grid": 4}
    float_kwargs = {"positions": [0.2, 0.7], "audience": 0.6, "seeker": 0.1, "grid": 4}
    outputs = [lambda m: m.credibility(), lambda m: m.distance(), lambda m: m.pivot,
               lambda m: m.equilibrium().posterior_endorsed,
               lambda m: m.equilibrium().support_probability]


# -- the case: Security Council authorization against a coalition of the willing -------------
def test_authorization_data_are_sourced():
    from multilateral.cases import authorization

    rows = authorization.decisions()
    assert [d.date for d in rows] == sorted(d.date for d in rows)
    assert all(d.source and d.url.startswith("https://") for d in rows)
    gulf = authorization.decisions("gulf_1990")[0]
    assert (gulf.decision, gulf.date, gulf.in_favour, gulf.against, gulf.abstaining) == (
        "S/RES/678 (1990)", "1990-11-29", 12, 2, 1)
    assert authorization.decisions("iraq_2003")[-1].outcome == "acted_without_authorization"
    with pytest.raises(errors.InvalidArgumentError, match="episode"):
        authorization.decisions("kosovo_1999")


def test_council_against_coalition():
    """The Council's endorsement passes its most reluctant permanent member; the coalition's
    only its own members (illustrative positions, not data)."""
    from multilateral.cases import authorization

    lax, strict = F(1, 10), F(7, 10)
    unsc = authorization.council([lax, strict, strict, lax, lax] + [F(1, 5)] * 10,
                                 audience=F(3, 5))
    coalition = Endorsement([lax, lax, F(3, 20)], audience=F(3, 5))
    assert unsc.pivot == strict and unsc.equilibrium().influential
    assert not coalition.equilibrium().influential
    assert unsc.premium_over(coalition) > 0
    with pytest.raises(errors.InvalidArgumentError, match="15"):
        authorization.council([lax] * 14, audience=F(1, 2))
