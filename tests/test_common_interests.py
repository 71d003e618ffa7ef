"""CommonInterests: Oye's third channel (common interests discovered at a cost rising with n)."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import find, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import CommonInterests, ConditionalCooperation

TOLLISON_WILLETT = [(3, -1), (-1, 3)]  # high benefits to A on one issue, to B on the other


class TestCommonInterestsContract(ModelContract):
    no_game = ("a negotiation decided by consensus over types drawn at random; the agreed "
               "group's enforcement game is cooperation(...).game")

    def make(self):
        return CommonInterests(n=4, interests=TOLLISON_WILLETT, contact_cost=Fraction(1, 5))

    def make_other(self):
        return CommonInterests(n=6, interests=[(1, 2), (2, -1), (-3, 1)],
                               prevalence=[Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)],
                               channels="regime", coverage_returns=1)

    changes = {"n": 7, "contact_cost": Fraction(1, 3), "channels": "regime"}
    bad = [
        (lambda: CommonInterests(n=1, interests=[(1,)]), errors.InvalidArgumentError, "n"),
        (lambda: CommonInterests(n=3, interests=[(1,)], contact_cost=-1),
         errors.InvalidArgumentError, "contact_cost"),
        (lambda: CommonInterests(n=3, interests=[(1,), (2,)], prevalence=[Fraction(3, 2), 0]),
         errors.InvalidProbabilityError, "prevalence"),
        (lambda: CommonInterests(n=3, interests=[(1,), (2,)], prevalence=[0.5, 0.6]),
         errors.InvalidProbabilityError, "sum to 1"),
        (lambda: CommonInterests(n=3, interests=[(1,), (2,)], prevalence=[1]),
         errors.InvalidArgumentError, "one probability per type"),
        (lambda: CommonInterests(n=3, interests=[(1, 2), (2,)]),
         errors.InvalidArgumentError, "one value per issue"),
        (lambda: CommonInterests(n=3, interests=[]), errors.InvalidArgumentError,
         "at least one type"),
        (lambda: CommonInterests(n=3, interests=5), errors.InvalidTypeError, "interests"),
        (lambda: CommonInterests(n=3, interests=[(1,)], channels="bilateral"),
         errors.InvalidArgumentError, "channels"),
        (lambda: CommonInterests(n=3, interests=[(1,)], coverage_returns=-1),
         errors.InvalidArgumentError, "coverage_returns"),
        (lambda: CommonInterests(n=3, interests=[(1,)]).agreement_probability(issue=1),
         errors.InvalidArgumentError, "issue"),
        (lambda: CommonInterests(n=3, interests=[(1,)]).net_gain(4),
         errors.InvalidArgumentError, "larger"),
        (lambda: CommonInterests(n=3, interests=[(1,), (-1,)]).agrees([0, 2]),
         errors.InvalidArgumentError, "type index"),
        (lambda: CommonInterests(n=3, interests=[(1,), (-1,)]).cooperation([0, 1], r=2),
         errors.InvalidArgumentError, "no agreement"),
    ]
    bad_changes = [({"contact_cost": -2}, errors.InvalidArgumentError, "contact_cost"),
                   ({"n": 1}, errors.InvalidArgumentError, "n")]
    exact_kwargs = {"n": 4, "interests": TOLLISON_WILLETT, "contact_cost": Fraction(1, 5),
                    "coverage_returns": 1}
    float_kwargs = {"n": 4, "interests": [(3.0, -1.0), (-1.0, 3.0)], "contact_cost": 0.2,
                    "coverage_returns": 1}
    outputs = [lambda m: m.agreement_probability(), lambda m: m.net_gain(linked=False),
               lambda m: m.largest_group(), lambda m: m.linkage_gain(),
               lambda m: m.coverage(2)]


# -- published results ---------------------------------------------------------------------
def test_tollison_willett_linkage_secures_agreement_neither_issue_has():
    """Tollison and Willett (1979, IO 33(4), 425-449): linking two negotiations so that high
    benefits go to A in one area and to B in the other secures agreement in both. A realized pair of
    the two types has no zone on either issue and one on the package; ex ante, each issue is
    agreed with probability (1/2)**n, the package with probability 1 at every size."""
    model = CommonInterests(n=2, interests=TOLLISON_WILLETT)
    assert not model.agrees([0, 1], issue=0) and not model.agrees([0, 1], issue=1)
    assert model.agrees([0, 1])
    for n in range(2, 12):
        big = model.with_(n=n)
        assert big.agreement_probability(issue=0) == Fraction(1, 2**n)
        assert big.agreement_probability() == 1
        assert big.linkage_gain() > 0


def test_sebenius_adding_an_issue_can_destroy_a_zone():
    """Sebenius (1983): adding an issue can destroy a zone of possible agreement. Everyone gains
    on the first issue; half lose badly on the second, so the package loses what issue 0 had."""
    model = CommonInterests(n=5, interests=[(1, -2), (1, 5)])
    assert model.agreement_probability(issue=0) == 1
    assert model.agreement_probability() == Fraction(1, 32)
    assert model.linkage_gain() < 0
    assert model.agrees([1, 1]) and not model.agrees([0, 1])
    assert model.agrees([0, 1], issue=0)


def test_sebenius_adding_a_party_can_destroy_a_zone():
    """Sebenius (1983): adding parties can reduce or destroy a zone of agreement; Oye (1985,
    section IV; page not confirmed): with more players the recognition of common interests
    is harder."""
    model = CommonInterests(n=3, interests=[(2,), (-1,)])
    assert model.agrees([0, 0]) and not model.agrees([0, 0, 1])
    probs = [model.with_(n=n).agreement_probability() for n in range(2, 9)]
    assert probs == [Fraction(1, 2**n) for n in range(2, 9)]


def test_oye_transaction_and_information_costs_rise_with_n():
    """Oye (1985, section IV): as the number of players increases, transactions and information
    costs rise. Pairwise: n (n - 1) / 2 channels, a member's share c (n - 1) / 2 per issue;
    a regime (Keohane 1984, ch. 6) holds a member's share at c."""
    model = CommonInterests(n=30, interests=[(1, 1)], contact_cost=Fraction(1, 10))
    assert [model.channel_count(n) for n in (2, 3, 4, 10, 30)] == [1, 3, 6, 45, 435]
    costs = [model.transaction_cost(n) for n in range(2, 31)]
    assert costs == [Fraction(n - 1, 10) for n in range(2, 31)]  # 2 issues x (n - 1) / 20
    regime = model.with_(channels="regime")
    assert {regime.transaction_cost(n) for n in range(2, 31)} == {Fraction(1, 5)}
    assert regime.channel_count() == 30


def test_largest_group_closed_form_for_identical_members():
    """Identical members gaining v: negotiating pays while v - c (m - 1) / 2 > 0, i.e. for
    m < 2 v / c + 1 (the quadratic count of channels alone sets a magic number)."""
    for v, c in [(1, Fraction(1, 2)), (3, Fraction(1, 7)), (Fraction(5, 2), 1), (1, 3)]:
        model = CommonInterests(n=100, interests=[(v,)], contact_cost=c)
        bound = 2 * Fraction(v) / c + 1
        expect = max((m for m in range(2, 101) if m < bound), default=None)
        got = model.largest_group()
        if expect is None:
            assert not got.attainable and repr(got) == "Threshold(n: none)"
        else:
            assert got.exact == expect and not got.holds_above


def test_formulas_agree_with_enumeration_of_every_profile():
    """The closed forms equal the exact expectation over all type profiles of a group."""
    model = CommonInterests(n=4, interests=[(2, -1), (-1, 1), (1, 1)],
                            prevalence=[Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)])
    for m in (2, 3, 4):
        for linked in (True, False):
            expected_gain = agree = Fraction(0)
            for profile in itertools.product(range(3), repeat=m):
                weight = Fraction(1)
                for t in profile:
                    weight *= model.prevalence[t]
                targets = [None] if linked else [0, 1]
                for issue in targets:
                    if model.agrees(profile, issue=issue):
                        row = model.interests[profile[0]]
                        expected_gain += weight * (sum(row) if issue is None else row[issue])
                if linked and model.agrees(profile):
                    agree += weight
            assert model.expected_gain(m, linked=linked) == expected_gain
            if linked:
                assert model.agreement_probability(m) == agree


def test_float_inputs_give_floats_with_the_same_values():
    exact = CommonInterests(n=6, interests=[(3, -1), (-1, 3), (1, 1)],
                            contact_cost=Fraction(1, 4))
    approx = exact.with_(contact_cost=0.25)
    assert isinstance(approx.net_gain(), float) and isinstance(approx.gain_probability(), float)
    assert approx.net_gain(linked=False) == pytest.approx(float(exact.net_gain(linked=False)))
    assert approx.largest_group().exact is None
    assert approx.largest_group().value == exact.largest_group().value


# -- the claim, and its qualification ---------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(ml.strategies.common_interest_pairs())
def test_larger_groups_agree_less_often_and_gain_less(pair):
    model, smaller = pair
    for issue in [None, *range(model.issues)]:
        assert model.agreement_probability(issue=issue) <= model.agreement_probability(
            smaller, issue=issue)
    for linked in (True, False):
        assert model.net_gain(linked=linked) <= model.net_gain(smaller, linked=linked)
        if model.contact_cost > 0:
            assert model.net_gain(linked=linked) < model.net_gain(smaller, linked=linked)
    # with coverage_returns = 0, a group of m of n is a membership of m
    assert model.net_gain(smaller) == model.with_(n=smaller).net_gain()


def test_coverage_returns_can_reverse_the_size_effect():
    """The qualification: when an agreement is worth more the more members it covers, a larger
    group can expect more net of transaction costs (the claim's domain excludes this)."""
    model = CommonInterests(n=10, interests=[(1,)], contact_cost=Fraction(1, 100),
                            coverage_returns=1)
    assert model.net_gain(10) > model.net_gain(2)
    assert model.best_group() == 10
    assert model.with_(coverage_returns=0).best_group() == 2
    # with heterogeneity the best club is interior: decomposition pays
    mixed = CommonInterests(n=20, interests=[(4,), (-1,)], prevalence=[Fraction(9, 10),
                            Fraction(1, 10)], contact_cost=Fraction(1, 20), coverage_returns=1)
    assert 2 < mixed.best_group() < 20


def test_regime_removes_the_transaction_cost_channel_not_heterogeneity():
    model = CommonInterests(n=8, interests=[(2,), (-1,)], contact_cost=Fraction(1, 2),
                            channels="regime")
    gains = [model.net_gain(m) for m in range(2, 9)]
    assert gains == sorted(gains, reverse=True)  # heterogeneity still bites
    same = CommonInterests(n=8, interests=[(2,)], contact_cost=Fraction(1, 2), channels="regime")
    assert len({same.net_gain(m) for m in range(2, 9)}) == 1  # no heterogeneity: size is free


# -- the enforcement problem of the agreed group ----------------------------------------------
def test_cooperation_hands_the_agreed_group_to_conditional_cooperation():
    model = CommonInterests(n=3, interests=[(3, -1), (-1, 3), (1, 1)])
    agreed = model.cooperation([0, 1, 2], r=1)
    assert agreed == ConditionalCooperation(n=3, r=1, benefits=(2, 2, 2))
    # on issue 0 alone, a (2, 2) pair has interest 1 each; linked, 2 each: linkage raises the
    # interest and lowers the discount factor it needs (1/3 -> 0: contributing is dominant)
    alone = model.cooperation([2, 2], r=Fraction(3, 2), issue=0)
    assert alone.critical_discount() == ConditionalCooperation(
        n=2, r=Fraction(3, 2)).critical_discount()
    assert alone.critical_discount().value == Fraction(1, 3)  # (T - R)/(T - P), T = 3/4, R = 1/2
    linked = model.cooperation([2, 2], r=Fraction(3, 2))
    assert linked.critical_discount().value < alone.critical_discount().value


def _pair_stage(values, r):
    """The two members' public-goods stage game, built by hand: action 0 contributes one unit,
    the units are multiplied by ``r`` and shared, member i values its share ``values[i]``."""
    a, b = (np.zeros((2, 2), dtype=object) for _ in range(2))
    for i, ci in enumerate((1, 0)):
        for j, cj in enumerate((1, 0)):
            pot = Fraction(r) * (ci + cj) / 2
            a[i, j], b[i, j] = values[0] * pot - ci, values[1] * pot - cj
    return ml.games.NormalFormGame(a, b)


@pytest.mark.parametrize(("group", "issue", "r"), [
    ([2, 2], 0, Fraction(3, 2)), ([2, 2], None, Fraction(3, 2)), ([0, 1], None, Fraction(3, 4)),
    ([0, 1], None, Fraction(6, 5)), ([0, 2], 0, 1)])
def test_cooperation_threshold_matches_the_generic_solver(group, issue, r):
    """Independent check by the generic solver on the hand-built stage game: grim trigger, or
    unconditional contribution where contributing is dominant for both (then grim's reversion
    is no equilibrium, and none is needed)."""
    model = CommonInterests(n=3, interests=[(3, -1), (-1, 3), (1, 1)])
    values = [model.interests[t][issue] if issue is not None else sum(model.interests[t])
              for t in group]
    dominant = all(v * Fraction(r) / 2 > 1 for v in values)
    play = ml.automata.always_cooperate() if dominant else ml.automata.grim_trigger()
    expect = ml.solvers.critical_discount(_pair_stage(values, r), [play, play], kind="spe")
    got = model.cooperation(group, r, issue=issue).critical_discount()
    assert (got.attainable, got.value) == (expect.attainable, expect.value)


def test_cooperation_threshold_when_one_member_would_contribute_anyway():
    model = CommonInterests(n=3, interests=[(3, -1), (-1, 3), (1, 1)])
    r = Fraction(3, 2)  # member of type 0: 3 r / 2 = 9/4 > 1, contributing is dominant
    grim = ml.automata.grim_trigger()
    expect = ml.solvers.critical_discount(_pair_stage([3, 1], r), [grim, grim], kind="spe")
    assert not expect.attainable
    assert not model.cooperation([0, 2], r, issue=0).critical_discount().attainable


def test_repr_is_short():
    model = CommonInterests(n=4, interests=[(1, 2)] * 5, contact_cost=Fraction(1, 3),
                            channels="regime", coverage_returns=1)
    text = repr(model)
    assert text.startswith("CommonInterests(n=4") and "..." in text and "regime" in text


@given(st.integers(2, 30))
def test_agreement_probability_is_a_power(n):
    model = CommonInterests(n=n, interests=[(1,), (1,), (-1,)])
    assert model.agreement_probability() == Fraction(2, 3) ** n


def test_oye_common_interests_claim_holds_over_its_class():
    claim = ml.claims.OYE_COMMON_INTERESTS
    assert claim.name == "oye_common_interests" and "section IV" in claim.source
    assert "not confirmed" in claim.source  # the page of Oye's sentence was not checked
    assert claim.verify(max_examples=200).holds


def test_oye_common_interests_claim_fails_outside_its_qualification():
    """Outside the domain (returns to coverage), the predicate has counterexamples: the claim's
    qualification is needed, not decoration."""
    claim = ml.claims.OYE_COMMON_INTERESTS
    covered = CommonInterests(n=2, interests=[(1,)], contact_cost=Fraction(1, 100),
                              coverage_returns=1)
    assert claim.holds((covered.with_(coverage_returns=0, n=10), 2))
    assert not claim.holds((covered.with_(n=10), 2))
    # a complementary package stays agreed however many join
    assert claim.holds((CommonInterests(n=50, interests=TOLLISON_WILLETT), 2))


def test_nearby_false_statements_fail_over_the_claims_class():
    """The claim's predicate is weak where it must be: each stronger statement nearby has a
    counterexample in the very class the claim is verified over."""
    pairs = ml.strategies.common_interest_pairs(max_n=12)
    quick = settings(max_examples=2000, database=None, deadline=None)
    # "the larger group agrees strictly less often": not when every type gains (p = 1)
    model, _ = find(pairs, lambda pr: pr[0].agreement_probability()
                          == pr[0].agreement_probability(pr[1]), settings=quick)
    assert model.gain_probability() in (0, 1)
    # "the larger group gains strictly less even when contacts are free": not when p = 1
    model, _ = find(pairs, lambda pr: pr[0].contact_cost == 0 and pr[0].net_gain()
                          == pr[0].net_gain(pr[1]), settings=quick)
    assert model.transaction_cost() == 0
    # "linking issues never lowers the net gain" (Sebenius: it can destroy a zone)
    # (a zone destroyed, or a complementary package costing a small group: see below)
    model, _ = find(pairs, lambda pr: pr[0].linkage_gain() < 0, settings=quick)
    assert model.expected_gain() < model.expected_gain(linked=False)


def test_complementary_linkage_can_cost_a_small_group_and_pays_in_a_large_one():
    """Complementary interests (each type gains on the package): two members of one type agree
    on their favoured issue alone and would rather not carry the loss on the other, so linkage
    costs a pair; the separate agreements vanish like (1/2)**(m - 1) as the group grows while
    the package stays agreed, so linkage's advantage grows with m (the claim's clause)."""
    model = CommonInterests(n=12, interests=[(3, Fraction(-11, 4)), (Fraction(-11, 4), 3)])
    gains = [model.linkage_gain(m) for m in range(2, 13)]
    # linked: E[u0 + u1] = 1/4 each; separate: 2 x (3/2) (1/2)**(m - 1)
    assert gains == [Fraction(1, 4) - 3 * Fraction(1, 2**(m - 1)) for m in range(2, 13)]
    assert gains[0] < 0 < gains[-1] and gains == sorted(gains)
    claim = ml.claims.OYE_COMMON_INTERESTS
    assert claim.holds((model, 2))


def test_largest_group_never_says_a_size_pays_when_it_does_not():
    """With returns to coverage the net gain can rise with size: pairs lose, groups of 4 and
    more gain. Threshold(n <= k) promises every size up to k pays, so here it must be none;
    best_group finds the whole membership."""
    model = CommonInterests(n=10, interests=[(1,)], contact_cost=Fraction(1, 10),
                            coverage_returns=2)
    gains = [model.net_gain(m) for m in range(2, 11)]
    # (m / 10)**2 - (m - 1) / 20
    assert gains == [Fraction(m * m, 100) - Fraction(m - 1, 20) for m in range(2, 11)]
    assert gains[0] < 0 and gains[-1] > 0
    assert not model.largest_group().attainable
    assert model.best_group() == 10


@settings(max_examples=40, deadline=None)
@given(ml.strategies.common_interest_pairs(max_n=10), st.integers(0, 3))
def test_largest_group_is_a_threshold_whatever_the_coverage_returns(pair, returns):
    model = pair[0].with_(coverage_returns=returns)
    found = model.largest_group()
    k = int(found.exact) if found.attainable else 1
    assert all(model.net_gain(m) > 0 for m in range(2, k + 1))
    assert k == model.n or not model.net_gain(k + 1) > 0
    if returns == 0:  # the net gain falls with size: nothing beyond k pays
        assert not any(model.net_gain(m) > 0 for m in range(k + 1, model.n + 1))
    gains = [model.net_gain(m) for m in range(2, model.n + 1)]  # brute force, smallest on ties
    assert model.best_group() == 2 + gains.index(max(gains))
