"""Oye's conditional cooperation: exact thresholds and his claims as properties."""

import math
from fractions import Fraction

import pytest
import sympy
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import errors
from multilateral.models import ConditionalCooperation, linked_critical_discount
from multilateral.results import CriticalDiscount

sizes = st.integers(2, 200)
multipliers = st.fractions(min_value=Fraction(11, 10), max_value=10)
returns = st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100))
probs = st.fractions(min_value=Fraction(1, 100), max_value=1)


@given(sizes, multipliers)
def test_grim_threshold_is_friedmans(n, r):
    model = ConditionalCooperation(n=n, r=r)
    t, rew, p = model.trp()
    expected = Fraction(0) if t <= rew else (t - rew) / (t - p)
    assert model.critical_discount().value == expected


@given(st.integers(2, 6), st.integers(2, 5))
def test_two_member_case_matches_the_repeated_game_solver(n_unused, r_num):
    # n = 2, r in (1, 2): the stage game is a Prisoners' Dilemma; the automaton solver agrees
    r = Fraction(r_num, r_num + 1) + 1
    model = ConditionalCooperation(n=2, r=r)
    stage = model.game.to_normal_form()
    grim = [A.grim_trigger()] * 2
    assert ml.solvers.critical_discount(stage, grim).exact == model.critical_discount().value


@given(sizes, multipliers)
def test_fixed_multiplier_larger_groups_need_more_patience(n, r):
    # Olson's normalization: the return r/n falls with n, so the threshold rises
    small, large = ConditionalCooperation(n=n, r=r), ConditionalCooperation(n=n + 1, r=r)
    assert large.critical_discount().value >= small.critical_discount().value


@given(sizes, returns)
def test_fixed_mpcr_larger_groups_need_less_patience(n, m):
    # a non-rival good: each unit returns m to everyone, so more members raise the reward
    small, large = ConditionalCooperation(n=n, mpcr=m), ConditionalCooperation(n=n + 1, mpcr=m)
    if small.critical_discount().value == math.inf:
        return
    assert large.critical_discount().value <= small.critical_discount().value


@given(sizes, multipliers, probs, probs)
def test_transparency_lowers_the_threshold(n, r, q1, q2):
    lo, hi = sorted((q1, q2))
    dim = ConditionalCooperation(n=n, r=r, detection=lo).critical_discount().value
    clear = ConditionalCooperation(n=n, r=r, detection=hi).critical_discount().value
    assert clear <= dim


@given(st.integers(3, 100), returns, st.integers(0, 3))
def test_falling_transparency_can_reverse_the_nonrival_advantage(n, m, gamma):
    # with q(n) = n^-gamma the threshold rises with n exactly when q (R - P) falls with n
    def q(k):
        return Fraction(1, k**gamma)

    a = ConditionalCooperation(n=n, mpcr=m, detection=q).critical_discount().value
    b = ConditionalCooperation(n=n + 1, mpcr=m, detection=q).critical_discount().value
    if a == math.inf or b == math.inf:
        return
    weight_n, weight_next = q(n) * (m * n - 1), q(n + 1) * (m * (n + 1) - 1)
    assert (b > a) == (weight_next < weight_n)
    assert (b < a) == (weight_next > weight_n)


@given(st.integers(3, 100), multipliers)
def test_targeted_sanctions_cost_punishers_less_in_large_groups(n, r):
    untargeted = ConditionalCooperation(n=n, r=r)
    targeted = ConditionalCooperation(n=n, r=r, sanction="targeted")
    if untargeted.trp()[1] <= 0:
        return
    m = untargeted.return_per_unit()
    # targeted is cheaper exactly when m (n - 1) > 1, and the ratio n - 1/m grows with n
    assert (targeted.punishment_cost() < untargeted.punishment_cost()) == (m * (n - 1) > 1)
    assert untargeted.punishment_cost() / targeted.punishment_cost() == n - 1 / m
    # targeted sanctions must also be credible for the n - 1 punishers
    assert targeted.critical_discount().value >= untargeted.critical_discount().value
    blind = ConditionalCooperation(n=n, r=r, sanction="targeted", attribution=False)
    assert blind.effective_sanction == "untargeted"


@given(st.integers(2, 60), st.one_of(
    st.builds(lambda r: {"r": r}, multipliers), st.builds(lambda m: {"mpcr": m}, returns)))
def test_targeted_threshold_is_the_chain_of_credibility_down_to_a_pair(n, ret):
    targeted = ConditionalCooperation(n=n, sanction="targeted", **ret)
    chain = max(ConditionalCooperation(n=k, **ret).critical_discount().value
                for k in range(2, n + 1))
    assert targeted.critical_discount().value == chain
    curve = targeted.critical_discount_curve(range(2, n + 1))
    assert curve.tolist() == [float(targeted.critical_discount(k).value) for k in range(2, n + 1)]


def test_targeted_largest_group_scales_to_large_n():
    # no recursion: each size reuses the smaller sizes' thresholds (once raised RecursionError)
    model = ConditionalCooperation(n=2, r=Fraction(4, 3), sanction="targeted")
    assert model.largest_group(Fraction(18, 25), n_max=10_000) == 9


@given(st.integers(2, 50), multipliers, st.lists(returns, min_size=2, max_size=2))
def test_least_interested_member_binds(n, r, pair):
    benefits = [1] * n
    benefits[0] = pair[0] + Fraction(1, 2)
    model = ConditionalCooperation(n=n, r=r, benefits=benefits)
    m = Fraction(r) / n
    dominant = sum(b * m > 1 for b in benefits)
    if dominant == 0:
        alone = [ConditionalCooperation(n=n, r=r * b)._member_threshold(n, 1)
                 for b in (1, benefits[0])]
        assert model.critical_discount().value == max(alone)
        return
    # a member with b m > 1 contributes whatever the others do, also while they punish, so
    # each other member keeps b m per such contribution: his gain from defecting is 1 - b m,
    # his loss R - P = b m (n - dominant) - 1 a round
    got, expect = model.critical_discount(), Fraction(0)
    for b in benefits:
        if b * m > 1:
            continue
        gain, loss = 1 - b * m, b * m * (n - dominant) - 1
        if loss <= 0 < gain:
            assert not got.attainable
            return
        expect = max(expect, gain / (gain + loss) if gain > 0 else 0)
    assert got.value == expect


@given(multipliers, st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100)))
def test_largest_group_closed_form(r, delta):
    model = ConditionalCooperation(n=2, r=r)
    largest = model.largest_group(delta, n_max=500)
    if delta * r >= 1:
        assert largest == 500
        return
    bound = math.floor(r * (1 - delta) / (1 - delta * r))
    expect = min(bound, 500) if bound >= 2 else None
    assert largest == expect


@given(sizes, multipliers, st.integers(1, 6))
def test_decomposition_lengthens_the_shadow_of_the_future(n, r, parts):
    model = ConditionalCooperation(n=n, r=r)
    base = model.critical_discount().value
    assert model.decomposed_threshold(parts).value <= base
    assert model.decomposed_threshold(parts + 1).value <= model.decomposed_threshold(parts).value


@given(st.integers(2, 50), multipliers, st.integers(1, 5))
def test_k_round_punishment_needs_more_patience_than_grim(n, r, k):
    grim = ConditionalCooperation(n=n, r=r).critical_discount().value
    short = ConditionalCooperation(n=n, r=r, punishment_rounds=k).critical_discount().delta
    assert short >= grim - 1e-12
    if short != math.inf:
        t, rew, p = ConditionalCooperation(n=n, r=r).trp()
        assert float(rew - p) * sum(short**j for j in range(1, k + 1)) == pytest.approx(
            float(t - rew), abs=1e-9) or short == 0


triples = st.tuples(st.integers(0, 20), st.integers(1, 20), st.integers(1, 20)).map(
    lambda x: (x[0] + x[1] + x[2], x[0] + x[1], x[0]))  # T >= R > P


@given(triples, triples)
def test_linkage_threshold_lies_between_the_issues(a, b):
    res = linked_critical_discount(a, b)
    lo, hi = sorted(cd.exact for cd in res.separate)
    assert lo <= res.linked.exact <= hi
    if lo < hi:
        assert res.helps(res.linked.exact)


def test_collapse_probability_rises_with_n():
    m = ConditionalCooperation(n=7, r=3)
    assert m.collapse_probability(Fraction(1, 100)) == 1 - Fraction(99, 100) ** 7
    assert m.collapse_probability(Fraction(1, 100), n=193) > m.collapse_probability(
        Fraction(1, 100))


def test_formula_matches_numbers():
    n, q, r = sympy.symbols("n q r", positive=True)
    expr = ConditionalCooperation(n=5, r=2).formula()
    for size, mult, det in [(5, 2, 1), (12, 3, Fraction(1, 2))]:
        value = ConditionalCooperation(n=size, r=mult, detection=det).critical_discount().value
        assert expr.subs({n: size, r: mult, q: sympy.Rational(det)}) == sympy.Rational(value)


@given(st.integers(2, 60), st.one_of(
    st.builds(lambda r: {"r": r}, multipliers), st.builds(lambda m: {"mpcr": m}, returns)))
def test_renegotiation_proof_credibility_reverses_the_inversion(n, ret):
    # collective reversion is subgame perfect but renegotiable: under renegotiation-proofness it
    # sustains nothing, and targeted sanctions (penance) carry cooperation at the threshold
    # collective reversion needed when it was credible by assumption
    assumed = ConditionalCooperation(n=n, **ret)
    credible = assumed.with_(credibility="renegotiation_proof")
    t, rew, p = assumed.trp()
    if t <= rew:
        assert credible.critical_discount().exact == 0
        return
    assert not credible.critical_discount().attainable
    targeted = credible.with_(sanction="targeted")
    assert targeted.critical_discount() == assumed.critical_discount()
    assert targeted.critical_discount() == ml.models.Sanctions(n=n, **ret).critical_discount()
    assert targeted.critical_discount().value <= assumed.with_(
        sanction="targeted").critical_discount().value
    blind = targeted.with_(attribution=False)
    assert not blind.critical_discount().attainable or rew <= p


def test_renegotiation_proof_scans_and_detection():
    model = ConditionalCooperation(n=2, mpcr=Fraction(1, 2), sanction="targeted",
                                   credibility="renegotiation_proof", detection=Fraction(1, 2))
    # Sanctions with detection 1/2: max((T - R)/q, P - S)/(R - S) at n = 10: (1/2)/(1/2)/(9/2)
    assert model.critical_discount(10).exact == Fraction(2, 9)
    assert model.largest_group(Fraction(2, 9), n_max=30) == 30
    assert model.critical_discount_curve([2, 3, 4]).tolist() == [math.inf, math.inf, 2 / 3]
    assert not ConditionalCooperation(n=5, r=3).with_(
        credibility="renegotiation_proof").sustains(Fraction(99, 100))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 1, "r": 2}, "n must"),
        ({"n": 5}, "exactly one"),
        ({"n": 5, "r": 2, "mpcr": 0.5}, "exactly one"),
        ({"n": 5, "r": -1}, "r must be >"),
        ({"n": 5, "r": 2, "detection": 0}, "detection"),
        ({"n": 5, "r": 2, "detection": 1.5}, "detection"),
        ({"n": 5, "r": 2, "sanction": "smart"}, "sanction"),
        ({"n": 3, "r": 2, "benefits": [1, 1]}, "one value per member"),
        ({"n": 3, "r": 2, "punishment_rounds": 0}, "punishment_rounds"),
        ({"n": 3, "r": 2, "credibility": "assumed"}, "credibility"),
        ({"n": 2, "r": 2, "benefits": [1, 2], "credibility": "renegotiation_proof"},
         "identical members"),
    ],
)
def test_bad_input(kwargs, message):
    with pytest.raises(errors.InvalidArgumentError, match=message):
        ConditionalCooperation(**kwargs)


def test_bad_linkage_and_delta():
    with pytest.raises(errors.InvalidArgumentError, match="T >= R > P"):
        linked_critical_discount((1, 2, 3), (5, 3, 0))
    with pytest.raises(errors.InvalidArgumentError, match="delta"):
        ConditionalCooperation(n=3, r=2).sustains(1)


# -- the model contract, the stage game, the result ------------------------------------------
class TestConditionalCooperationContract(ModelContract):
    def make(self):
        return ConditionalCooperation(n=5, r=3)

    def make_other(self):
        return ConditionalCooperation(n=5, r=3, detection=Fraction(1, 2))

    changes = {"n": 7, "sanction": "targeted", "credibility": "renegotiation_proof"}
    bad = [
        (lambda: ConditionalCooperation(n=1, r=2), errors.InvalidArgumentError, "n must"),
        (lambda: ConditionalCooperation(n=3, r=2, detection=2), errors.InvalidArgumentError,
         "detection"),
    ]
    bad_changes = [({"n": 0}, errors.InvalidArgumentError, "n must"),
                   ({"mpcr": Fraction(1, 2)}, errors.InvalidArgumentError, "exactly one")]
    exact_kwargs = {"n": 5, "r": 3, "detection": Fraction(1, 2)}
    float_kwargs = {"n": 5, "r": 3.0, "detection": 0.5}
    exact_from_floats = {
        "formula": "a symbolic expression in n, r and q: the parameters' values never enter",
    }
    outputs = [lambda m: m.critical_discount(), lambda m: m.critical_discount(9),
               lambda m: m.decomposed_threshold(2), lambda m: m.punishment_cost(),
               lambda m: m.with_(punishment_rounds=3).critical_discount(),
               lambda m: m.with_(sanction="targeted",
                                 credibility="renegotiation_proof").critical_discount()]


@given(st.integers(2, 30), multipliers)
def test_stage_game_has_only_all_defect_while_r_is_below_n(n, r):
    model = ConditionalCooperation(n=n, r=r)
    equilibria = ml.solvers.symmetric_equilibria(model.game)
    if r < n:
        assert [eq.probability for eq in equilibria] == [0.0]
        assert equilibria[0].exact == 0 and equilibria[0].stable
    assert model.game == ml.AnonymousGame.public_goods(n, r=r)


def test_game_needs_identical_members():
    with pytest.raises(errors.InvalidArgumentError, match="anonymous"):
        _ = ConditionalCooperation(n=2, r=3, benefits=[1, 2]).game


def test_critical_discount_is_a_result():
    cd = ConditionalCooperation(n=10, r=3).critical_discount()
    assert isinstance(cd, CriticalDiscount) and cd.exact == Fraction(7, 27)
    assert cd.feasible == ((7 / 27, 1.0),) and repr(cd) == "CriticalDiscount(7/27)"
    never = ConditionalCooperation(n=3, mpcr=Fraction(1, 4)).critical_discount()
    assert never == CriticalDiscount.never() and not never.attainable
    assert not ConditionalCooperation(n=3, mpcr=Fraction(1, 4)).sustains(Fraction(99, 100))
    assert ConditionalCooperation(n=3, mpcr=0.25).decomposed_threshold(3) == never


@given(st.integers(2, 12), multipliers, st.integers(2, 4))
def test_k_round_threshold_is_exact_and_agrees_with_bisection(n, r, k):
    model = ConditionalCooperation(n=n, r=r, punishment_rounds=k)
    cd = model.critical_discount()
    if not cd.attainable or cd.delta == 0:
        return
    assert cd.exact is not None
    assert float(cd.exact) == pytest.approx(cd.delta, abs=1e-15)
    gain, loss = model._gain_loss(n, 1)
    # exactly a root: the minimal polynomial of the threshold divides loss (d + ... + d^k) - gain
    d = sympy.Symbol("d")
    gain, loss = (sympy.Rational(v.numerator, v.denominator) for v in (gain, loss))
    binding = sympy.Poly(loss * sum(d**j for j in range(1, k + 1)) - gain, d)
    assert binding.rem(sympy.minimal_polynomial(sympy.sympify(cd.exact), d, polys=True)).is_zero


def _n_member_stage(values, r):
    """The n-member linear public good built by hand: action 0 contributes one unit, the pot
    is multiplied by ``r`` and shared equally, member i values his share ``values[i]``."""
    import itertools

    import numpy as np

    n = len(values)
    pay = np.zeros((2,) * n + (n,), dtype=object)
    for prof in itertools.product((0, 1), repeat=n):
        gives = [1 - a for a in prof]
        pot = Fraction(r) * sum(gives) / n
        for i in range(n):
            pay[(*prof, i)] = values[i] * pot - gives[i]
    return ml.NormalFormGame(pay)


def _n_member_automaton(n, *, always):
    """Grim trigger on the others' joint action (2**(n-1) observations), or always contribute."""
    import itertools

    seen = list(itertools.product((0, 1), repeat=n - 1))
    if always:
        return A.Automaton([0], [[[0] * len(seen)] * 2], states=("C",), name="ALLC")
    clean = [[0 if own == 0 and not any(o) else 1 for o in seen] for own in (0, 1)]
    return A.Automaton([0, 1], [clean, [[1] * len(seen)] * 2], states=("C", "D"), name="grim")


@pytest.mark.parametrize(("benefits", "r"), [
    ((3, 1), Fraction(3, 2)), ((2, 1, 1), 2), ((3, 1, 1), Fraction(3, 2)),
    ((Fraction(3, 2), 1, 1, Fraction(1, 2)), 2), ((Fraction(3, 2), Fraction(3, 2), 1, 1), 2)])
def test_members_who_contribute_anyway_keep_giving_during_the_punishment(benefits, r):
    """A member for whom contributing is dominant does not join a collective reversion (it is
    not a stage best reply for him), so the defector keeps his contributions while punished:
    the threshold is the generic solver's for grim among the others and ALLC for him (before
    the fix the model reported 1/3 for benefits (3, 1), where no delta works)."""
    n = len(benefits)
    model = ConditionalCooperation(n=n, r=r, benefits=benefits)
    m = Fraction(r) / n
    profile = [_n_member_automaton(n, always=b * m > 1) for b in benefits]
    expect = ml.solvers.critical_discount(_n_member_stage(benefits, r), profile)
    got = model.critical_discount()
    assert (got.attainable, got.exact) == (expect.attainable, expect.exact)
