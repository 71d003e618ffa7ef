"""Self-enforcing agreements: closed forms, stable sizes with the tie rule, Barrett's paradox,
transfers, and the coalition game."""

import math
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

import multilateral as ml
from multilateral import errors
from multilateral.claims import BARRETT_PARADOX, SMALL_STABLE_AGREEMENTS
from multilateral.models import SelfEnforcingAgreement

F = Fraction
SEA = SelfEnforcingAgreement
ratios = st.builds(Fraction, st.integers(1, 500), st.integers(1, 50))
ties = st.sampled_from(["join", "stay_out"])


# -- the linear (Carraro-Siniscalco) model ---------------------------------------------------------
@given(st.integers(2, 60), ratios, ratios, st.data())
def test_linear_closed_forms(n, b, c, data):
    m = SEA(n=n, benefit=b, cost=c)
    k = data.draw(st.integers(0, n))
    unit = b * b / c
    if k >= 1:
        assert m.signatory_payoff(k) == unit * (F(k * k, 2) + n - k)
        assert m.stability(k).gain_from_leaving == unit * (k - 1) * (k - 3) / 2
    if k <= n - 1:
        assert m.non_signatory_payoff(k) == unit * (k * k + n - k - F(1, 2))
        assert m.stability(k).gain_from_joining == -unit * k * (k - 2) / 2
    assert m.abatement(k) == (k * b / c, b / c)


@given(st.integers(2, 30), ratios, ratios, st.data())
def test_linear_abatements_are_best_responses(n, b, c, data):
    """Signatories maximize their joint payoff and non-signatories their own: no small change
    of a group's common abatement raises its payoff."""
    m = SEA(n=n, benefit=b, cost=c)
    k = data.draw(st.integers(1, n - 1))
    q_s, q_n = m.abatement(k)

    def payoffs(qs, qn):
        total = k * qs + (n - k) * qn
        return b * total - c * qs * qs / 2, b * total - c * qn * qn / 2

    for d in (F(1, 1000), F(-1, 1000)):
        assert k * payoffs(q_s + d, q_n)[0] < k * payoffs(q_s, q_n)[0]
        # one non-signatory deviating alone
        total = k * q_s + (n - k) * q_n + d
        assert b * total - c * (q_n + d) ** 2 / 2 < payoffs(q_s, q_n)[1]


@pytest.mark.parametrize("n", [3, 4, 10, 193, 1000])
def test_two_or_three(n):
    """Carraro and Siniscalco (1993); Barrett (1994): 3 when the indifferent join, 2 when they
    stay out -- for every number of countries."""
    assert SEA(n=n, benefit=2, cost=7).stable_sizes() == (3,)
    assert SEA(n=n, benefit=2, cost=7, tie="stay_out").stable_sizes() == (0, 2)
    s3 = SEA(n=n, benefit=2, cost=7).stability(3)
    assert s3.gain_from_leaving == 0 and s3.stable  # a member of 3 is exactly indifferent
    s2 = SEA(n=n, benefit=2, cost=7).stability(2)
    assert s2.gain_from_joining == 0 and not s2.externally_stable  # an outsider joins


def test_two_countries():
    assert SEA(n=2, benefit=1, cost=1).stable_sizes() == (2,)
    assert SEA(n=2, benefit=1, cost=1, tie="stay_out").stable_sizes() == (0, 2)


def test_small_stable_agreements_claim():
    assert SMALL_STABLE_AGREEMENTS.verify(max_examples=60).holds
    assert "small_stable_agreements" in ml.claims.catalogue()


def test_float_parameters_detect_ties_with_tol():
    m = SEA(n=50, benefit=0.1, cost=0.3)
    assert m.stable_sizes() == (3,)
    assert SEA(n=50, benefit=0.1, cost=0.3, tie="stay_out").stable_sizes() == (0, 2)


# -- the binary model ------------------------------------------------------------------------------
@given(st.integers(2, 80), st.integers(1, 40), st.integers(1, 400), ties, st.booleans())
def test_binary_stable_sizes(n, b, c, tie, abate):
    """The smallest coalition for which abating pays, k0 = ceil(c/b) (or floor(c/b) + 1 when an
    indifferent coalition does not abate), is the agreement."""
    if not b < c <= n * b:
        return
    m = SEA(n=n, benefit=b, cost=c, specification="binary", tie=tie, abate_when_indifferent=abate)
    k0 = -(-c // b) if abate else c // b + 1
    if k0 > n:  # only when c = n b and indifferent coalitions do not abate
        return
    if tie == "join":
        assert m.stable_sizes() == (k0,)
    else:
        assert m.stable_sizes() == ((0, k0) if k0 * b > c else (0,))


def test_binary_examples():
    assert SEA(n=193, benefit=2, cost=25, specification="binary").stable_sizes() == (13,)
    m = SEA(n=193, benefit=1, cost=4, specification="binary")
    assert m.abatement(3) == (0, 0) and m.abatement(4) == (1, 0)
    assert SEA(n=193, benefit=1, cost=4, specification="binary",
               abate_when_indifferent=False).stable_sizes() == (5,)


# -- Barrett's model -------------------------------------------------------------------------------
@pytest.mark.parametrize(("gamma", "k"), [
    (F(1000), 2), (F(100), 2), (F(10), 3), (F(1), 3), (F(1, 2), 4), (F(1, 10), 11),
    (F(1, 100), 51), (F(1, 1000), 92),
])
def test_barrett_stable_sizes_at_100_countries(gamma, k):
    m = SEA(n=100, benefit=1, cost=gamma, specification="barrett")
    assert m.stable_sizes() == (k,)
    assert SEA(n=100, benefit=1, cost=gamma, specification="barrett",
               tie="stay_out").stable_sizes() == (k,)


def test_barrett_gains_at_100_countries():
    gain = {g: float(SEA(n=100, benefit=1, cost=g, specification="barrett").full_cooperation_gain())
            for g in (F(100), F(1, 2), F(1, 10), F(1, 100))}
    assert gain[F(100)] == pytest.approx(24.5025, abs=1e-4)
    assert gain[F(1, 2)] == pytest.approx(0.1222, abs=1e-4)
    assert gain[F(1, 10)] == pytest.approx(0.0082, abs=1e-4)
    assert gain[F(1, 100)] == pytest.approx(0.0001, abs=1e-4)


@given(st.integers(2, 40), ratios, st.data())
def test_barrett_stackelberg_abatement_is_optimal(n, gamma, data):
    """The closed form matches a numerical optimization of the leaders' joint payoff along
    the followers' reaction function."""
    k = data.draw(st.integers(1, n))
    m = SEA(n=n, benefit=1, cost=gamma, specification="barrett")
    g = float(gamma)
    d = g * n + n - k

    def neg_joint(qs):
        qn = max(0.0, (1 - k * qs) / d) if k < n else 0.0
        total = k * qs + (n - k) * qn
        return -k * ((total - total * total / 2) / n - g * qs * qs / 2)

    best = minimize_scalar(neg_joint, bounds=(0, 1), method="bounded",
                           options={"xatol": 1e-12})
    q_s, q_n = m.abatement(k)
    assert float(q_s) == pytest.approx(best.x, abs=1e-6)
    if k < n:
        assert float(q_n) == pytest.approx((1 - k * best.x) / d, abs=1e-6)


@given(st.integers(2, 40), ratios, st.data())
def test_barrett_nash_abatement_is_a_fixed_point(n, gamma, data):
    k = data.draw(st.integers(0, n))
    q_s, q_n = SEA(n=n, benefit=1, cost=gamma, specification="barrett", timing="nash").abatement(k)
    total = k * q_s + (n - k) * q_n
    assert q_n == (1 - total) / (gamma * n)  # a non-signatory's first-order condition
    assert q_s == k * (1 - total) / (gamma * n)  # the signatories' joint one


def test_barrett_full_and_no_cooperation():
    n, gamma = 7, F(3, 2)
    m = SEA(n=n, benefit=1, cost=gamma, specification="barrett", a=5)
    assert m.abatement(n)[0] == F(5) / (n + gamma)
    assert m.abatement(0)[1] == F(5) / (n * (1 + gamma))
    assert m.closed_gap(0) == 0 and m.closed_gap(n) == 1


def test_barrett_nash_agreements_are_pairs_at_most():
    for n in (3, 10, 100):
        for gamma in (F(1, 1000), F(1, 10), F(1), F(10), F(1000)):
            m = SEA(n=n, benefit=1, cost=gamma, specification="barrett", timing="nash")
            assert m.largest_stable_size() <= 2


def test_barrett_paradox_claim():
    verdict = BARRETT_PARADOX.verify(max_examples=60)
    assert verdict.holds, verdict


def test_stability_does_not_depend_on_scale():
    a = SEA(n=40, benefit=1, cost=F(1, 7), specification="barrett")
    b = SEA(n=40, benefit=9, cost=F(9, 7), specification="barrett", a=F(13, 3))
    assert a.stable_sizes() == b.stable_sizes()


# -- properties over every model ------------------------------------------------------------------
models = st.one_of(
    st.builds(SEA, n=st.integers(2, 40), benefit=ratios, cost=ratios, tie=ties),
    st.builds(SEA, n=st.integers(2, 40), benefit=st.integers(1, 20), cost=st.integers(1, 400),
              tie=ties, specification=st.just("binary")),
    st.builds(SEA, n=st.integers(2, 40), benefit=ratios, cost=ratios, tie=ties,
              specification=st.just("barrett"), timing=st.sampled_from(["stackelberg", "nash"])),
)


@given(models)
def test_largest_stable_size_is_largest_internally_stable(m):
    """A stable size always exists: the largest internally stable one."""
    internal = [k for k in range(m.n + 1) if m.is_internally_stable(k)]
    assert m.largest_stable_size() == max(internal)


@given(models, st.data())
def test_pis_is_internal_stability_for_identical_countries(m, data):
    k = data.draw(st.integers(0, m.n))
    assert m.is_potentially_internally_stable(k) == m.is_internally_stable(k)


@given(models, st.data())
def test_size_and_coalition_views_agree(m, data):
    k = data.draw(st.integers(0, m.n))
    members = data.draw(st.permutations(range(m.n)))[:k]
    assert m.is_internally_stable(members) == m.is_internally_stable(k)
    assert m.is_externally_stable(members) == m.is_externally_stable(k)
    assert m.surplus(members) == m.surplus(k)


# -- heterogeneous countries and transfers ---------------------------------------------------------
def test_heterogeneous_payoffs_by_hand():
    m = SEA(n=5, benefit=[4, 4, 1, 1, 1], cost=1)
    # S = {0, 1, 2}: members abate B_S / c = 9, outsiders b / c = 1; Q = 29
    assert m.payoffs([0, 1, 2]) == (116 - F(81, 2), 116 - F(81, 2), 29 - F(81, 2),
                                    29 - F(1, 2), 29 - F(1, 2))
    assert not m.is_internally_stable([0, 1, 2])  # the small member gains 30 by leaving
    assert m.surplus([0, 1, 2]) == 9 and m.is_potentially_internally_stable([0, 1, 2])
    after = m.transfer_payoffs([0, 1, 2])
    for i in (0, 1, 2):  # with transfers no member gains by leaving
        assert after[i] >= m.payoffs([j for j in (0, 1, 2) if j != i])[i]
    assert sum(after) == sum(m.payoffs([0, 1, 2]))  # transfers are budget-balanced


def test_transfers_admit_larger_coalitions():
    m = SEA(n=6, benefit=[1, 1, 10, 1, 1, 1], cost=1)
    pis = m.potentially_internally_stable_coalitions()
    assert (0, 1, 2, 3, 4, 5) in pis
    assert max(len(s) for s in m.stable_coalitions()) <= 3


def test_heterogeneous_binary():
    m = SEA(n=4, benefit=[3, 3, 1, 1], cost=[5, 5, 5, 2], specification="binary")
    q = m.payoffs([0, 1])  # B_S = 6 >= 5: both abate; outsiders do not (1 < 5, 1 < 2)
    assert q == (6 - 5, 6 - 5, 2, 2)
    assert m.payoffs([0, 1, 3]) == (3 * 3 - 5, 3 * 3 - 5, 3, 3 - 2)


@given(st.integers(2, 5).flatmap(lambda n: st.tuples(
    st.lists(ratios, min_size=n, max_size=n), st.lists(ratios, min_size=n, max_size=n))))
def test_gamma_core_is_nonempty(bc):
    """Chander and Tulkens (1997): with linear benefits and convex costs, the game in which
    outsiders act alone has a nonempty core."""
    b, c = bc
    game = SEA(n=len(b), benefit=b, cost=c).coalition_game()
    assert not ml.solvers.core(game).is_empty


def test_coalition_game_matches_payoffs():
    m = SEA(n=4, benefit=[2, 1, 1, 3], cost=[1, 2, 1, 1])
    game = m.coalition_game()
    assert game.value([0, 3]) == m.payoffs([0, 3])[0] + m.payoffs([0, 3])[3]
    assert game.value([0, 1, 2, 3]) == sum(m.payoffs(range(4)))


# -- errors ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"n": 1, "benefit": 1, "cost": 1}, errors.InvalidArgumentError, "n must"),
    ({"n": 3, "benefit": 0, "cost": 1}, errors.InvalidArgumentError, "> 0"),
    ({"n": 3, "benefit": 1, "cost": math.inf}, errors.InvalidArgumentError, "finite"),
    ({"n": 3, "benefit": [1, 2], "cost": 1}, errors.InvalidArgumentError, "one value per"),
    ({"n": 3, "benefit": 1, "cost": 1, "tie": "maybe"}, errors.InvalidArgumentError, "tie"),
    ({"n": 3, "benefit": 1, "cost": 1, "specification": "cubic"}, errors.InvalidArgumentError,
     "specification"),
    ({"n": 3, "benefit": 1, "cost": 1, "timing": "later"}, errors.InvalidArgumentError,
     "timing"),
    ({"n": 3, "benefit": [1, 2, 3], "cost": 1, "specification": "barrett"},
     errors.InvalidArgumentError, "identical"),
    ({"n": 3, "benefit": "1", "cost": 1}, errors.InvalidArgumentError, "benefit"),
])
def test_bad_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        SEA(**kwargs)


def test_bad_questions():
    m = SEA(n=5, benefit=1, cost=2)
    with pytest.raises(errors.InvalidArgumentError, match=r"0\.\.5"):
        m.stability(6)
    with pytest.raises(errors.InvalidArgumentError, match=r"1\.\.5"):
        m.signatory_payoff(0)
    with pytest.raises(errors.InvalidTypeError, match="integer"):
        m.stability(2.5)
    with pytest.raises(errors.InvalidArgumentError, match="indices"):
        m.is_stable([0, 7])
    het = SEA(n=3, benefit=[1, 2, 3], cost=1)
    with pytest.raises(errors.InvalidArgumentError, match="heterogeneous"):
        het.stable_sizes()
    with pytest.raises(errors.InvalidArgumentError, match="positive non-cooperative"):
        SEA(n=5, benefit=1, cost=2, specification="binary").full_cooperation_gain()
    with pytest.raises(errors.InvalidArgumentError, match="16 countries"):
        SEA(n=17, benefit=[1] * 16 + [2], cost=1).stable_coalitions()


def test_repr_and_immutability():
    m = SEA(n=5, benefit=1, cost=2)
    assert repr(m.stability(3)) == "CoalitionStability(k=3: stable)"
    with pytest.raises(AttributeError):
        m.n = 6  # type: ignore[misc]
    assert m == SEA(n=5, benefit=1, cost=2) and m.benefit == 1
    assert np.isclose(float(m.gamma), 2)


# -- the participation game ---------------------------------------------------------------------
def _nash_sizes(m):
    profiles = ml.solvers.pure_nash_equilibria(m.game.to_normal_form())
    return {profile.count(0) for profile in profiles}  # action 0 ("C") is to sign


@given(st.one_of(
    st.builds(SEA, n=st.integers(2, 7), benefit=ratios, cost=ratios),
    st.builds(SEA, n=st.integers(2, 7), benefit=st.integers(1, 20), cost=st.integers(1, 100),
              specification=st.just("binary")),
    st.builds(SEA, n=st.integers(2, 7), benefit=ratios, cost=ratios,
              specification=st.just("barrett"), timing=st.sampled_from(["stackelberg", "nash"])),
))
def test_stable_sizes_are_nash_equilibria_of_the_participation_game(m):
    """A generic solver on .game: every stable size under either tie rule is a pure Nash
    equilibrium, and a Nash size is stable under one tie rule unless both moves are ties."""
    nash = _nash_sizes(m)
    join, stay_out = set(m.stable_sizes()), set(m.with_(tie="stay_out").stable_sizes())
    assert join | stay_out <= nash
    for k in nash - (join | stay_out):
        s = m.stability(k)
        assert s.gain_from_leaving == 0 and s.gain_from_joining == 0


def test_participation_game_by_hand():
    m = SEA(n=5, benefit=1, cost=4)
    game = m.game
    assert isinstance(game, ml.AnonymousGame) and game.is_exact
    assert game.cooperator.tolist() == [m.signatory_payoff(k + 1) for k in range(5)]
    assert game.defector.tolist() == [m.non_signatory_payoff(k) for k in range(5)]
    assert _nash_sizes(m) == {0, 2, 3}
    assert ml.solvers.symmetric_equilibria(game)  # a generic anonymous-game solver runs


def test_heterogeneous_participation_game():
    m = SEA(n=4, benefit=[2, 1, 1, 3], cost=[1, 2, 1, 1])
    game = m.game
    assert isinstance(game, ml.NormalFormGame) and game.n_players == 4
    profiles = set(ml.solvers.pure_nash_equilibria(game))
    for coalition in m.stable_coalitions():
        profile = tuple(0 if i in coalition else 1 for i in range(4))
        assert profile in profiles
    assert tuple(game.payoffs[0, 1, 1, 0]) == m.payoffs([0, 3])
    with pytest.raises(errors.InvalidArgumentError, match="16 countries"):
        _ = SEA(n=17, benefit=[1] * 16 + [2], cost=1).game


# -- the model contract ---------------------------------------------------------------------------
class TestSelfEnforcingAgreementContract(ModelContract):
    def make(self):
        return SEA(n=10, benefit=1, cost=4)

    def make_other(self):
        return SEA(n=10, benefit=1, cost=4, tie="stay_out")

    changes = {"n": 12, "specification": "barrett"}
    bad = [
        (lambda: SEA(n=1, benefit=1, cost=1), errors.InvalidArgumentError, "n must"),
        (lambda: SEA(n=3, benefit=0, cost=1), errors.InvalidArgumentError, "> 0"),
        (lambda: SEA(n=3, benefit=1, cost=1, specification="cubic"),
         errors.InvalidArgumentError, "specification"),
    ]
    bad_changes = [({"tie": "maybe"}, errors.InvalidArgumentError, "tie")]
    exact_kwargs = {"n": 10, "benefit": 100, "cost": 1, "specification": "barrett"}
    float_kwargs = {"n": 10, "benefit": 100.0, "cost": 1.0, "specification": "barrett"}
    outputs = [lambda m: m.stability(3), lambda m: m.total_payoff(3),
               lambda m: m.full_cooperation_gain(), lambda m: m.game,
               lambda m: m.abatement(2)]


class TestHeterogeneousAgreementContract(ModelContract):
    def make(self):
        return SEA(n=5, benefit=[4, 4, 1, 1, 1], cost=1)

    def make_other(self):
        return SEA(n=5, benefit=[4, 4, 1, 1, 2], cost=1)

    changes = {"cost": (1, 2, 1, 2, 1)}
    bad = [(lambda: SEA(n=3, benefit=[1, 2], cost=1), errors.InvalidArgumentError,
            "one value per")]
    exact_kwargs = {"n": 4, "benefit": [2, 1, 1, 3], "cost": [1, 2, 1, 1]}
    float_kwargs = {"n": 4, "benefit": [2.0, 1.0, 1.0, 3.0], "cost": 1.5}
    not_applicable = {
        "gamma": "defined by coalition size, for identical countries only",
        "stable_sizes": "defined by coalition size, for identical countries only",
        "largest_stable_size": "defined by coalition size, for identical countries only",
    }
    outputs = [lambda m: m.payoffs([0, 3]), lambda m: m.surplus([0, 1]),
               lambda m: m.coalition_game(), lambda m: m.game]


def test_repr():
    assert repr(SEA(n=10, benefit=1, cost=4)) == "SelfEnforcingAgreement(n=10, benefit=1, cost=4)"
    assert repr(SEA(n=10, benefit=1, cost=F(1, 10), specification="barrett", tie="stay_out")) == (
        "SelfEnforcingAgreement(n=10, benefit=1, cost=1/10, tie='stay_out', "
        "specification='barrett')")


# -- large n (issue 12): stable_sizes in O(n) numpy work, the same sizes as the per-size loop ---
@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("linear", "stackelberg"), ("binary", "stackelberg"),
                        ("barrett", "stackelberg"), ("barrett", "nash")]),
       st.one_of(st.fractions(Fraction(1, 9), 5, max_denominator=9),
                 st.floats(0.1, 5).map(lambda x: round(x, 2))),
       st.integers(1, 300), st.sampled_from(["join", "stay_out"]), st.booleans(),
       st.integers(64, 200), st.booleans())
def test_vectorized_stable_sizes_equal_the_loop(spec, b, ratio, tie, indifferent, n, exact):
    specification, timing = spec
    cost = b * ratio if exact else float(b) * ratio
    b = Fraction(b) if exact else float(b)
    m = SelfEnforcingAgreement(n=n, benefit=b, cost=cost, specification=specification,
                               timing=timing, tie=tie, abate_when_indifferent=indifferent)
    assert m.stable_sizes() == tuple(k for k in range(n + 1) if m.stability(k).stable)


def test_a_million_countries_exact():
    n = 10**6
    assert SelfEnforcingAgreement(n=n, benefit=1, cost=4).stable_sizes() == (3,)
    assert SelfEnforcingAgreement(n=n, benefit=1, cost=4, tie="stay_out").stable_sizes() == (0, 2)
    binary = SelfEnforcingAgreement(n=n, benefit=3, cost=12, specification="binary")
    assert binary.stable_sizes() == (4,)  # k0 = c / b = 4 exactly: the tie is decided exactly
    assert SelfEnforcingAgreement(n=n, benefit=1, cost=4, specification="barrett"
                                  ).stable_sizes() == (3,)


# -- float ties relative to the payoffs (issue 12: a silent wrong answer at a million) ----------
def test_barrett_floats_at_a_million_countries_agree_with_exact():
    # Barrett's payoffs are of order b a**2 / n (1.8e-7 here) and the gains from leaving or
    # joining of order 1e-15..1e-8: the old absolute tie tolerance (1e-9 * max(1, b, c) a**2)
    # called nearly every size a tie and answered (285, 1000000); the exact answer is (3,)
    n = 10**6
    floats = SelfEnforcingAgreement(n=n, benefit=1.0, cost=4.0, specification="barrett")
    assert floats.stable_sizes() == (3,)
    assert floats.stability(3).stable and not floats.stability(285).stable


dyadic = st.builds(lambda k, e: k / 2**e, st.integers(1, 64), st.integers(0, 4))


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 6).flatmap(lambda e: st.integers(max(2, 10 ** (e - 1)), 10**e)),
       dyadic, dyadic, ties,
       st.sampled_from([("barrett", "stackelberg"), ("barrett", "nash"),
                        ("linear", "stackelberg"), ("binary", "stackelberg")]))
def test_float_stable_sizes_equal_exact_up_to_a_million(n, b, c, tie, spec):
    # dyadic parameters are the same numbers as floats and as Fractions: the float model
    # (ties within tol of the payoffs' magnitude) must give the exact model's sizes
    specification, timing = spec
    exact = SelfEnforcingAgreement(n=n, benefit=Fraction(b), cost=Fraction(c), tie=tie,
                                   specification=specification, timing=timing)
    floats = exact.with_(benefit=float(b), cost=float(c))
    assert floats.stable_sizes() == exact.stable_sizes()
