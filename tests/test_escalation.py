"""Fear spirals in a global game of preemptive attack (after Chassang and Padró i Miquel 2010)."""

from fractions import Fraction as F

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import PreemptiveWar

fracs = st.fractions(min_value=F(1, 10), max_value=3, max_denominator=20)


def armed(weapons, gain, deterrence, vulnerability, noise=F(1, 100)):
    """A weapons parametrization (the library's): weapons deter a first strike (its value
    falls by ``deterrence`` per unit) and make war worse by as much, while being caught at
    peace costs more, increasingly so (``deterrence * k + vulnerability * k**2``)."""
    return PreemptiveWar(first_strike=gain - deterrence * weapons,
                         war_payoff=-deterrence * weapons,
                         exposure=deterrence * weapons + vulnerability * weapons ** 2,
                         signal_noise=noise)


def test_worked_example():
    m = PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2, signal_noise=F(1, 10))
    assert m.complete_information_threshold() == 1
    assert m.risk_dominance_threshold() == 2
    assert m.threshold() == F(59, 30)
    assert m.fear_spiral() == (1, 2)
    assert m.war_probability(F(3, 2)) == 1       # peace is an equilibrium, yet war
    assert m.war_probability(3) == 0
    assert m.war_probability(m.threshold()) == F(3, 4)
    assert m.war_risk(F(3, 2)).mediated == 0 and m.war_risk(F(1, 2)).mediated == 1


@given(b=fracs, w=fracs, c=fracs, eps=fracs)
def test_threshold_makes_the_marginal_state_indifferent(b, w, c, eps):
    # the exact indifference at the threshold signal x when the rival uses it too:
    # peace gives x/2 + eps/6 - c/2, attack (b + w)/2
    w = -w / 4            # war below the first strike and above -exposure
    c = c + 1
    m = PreemptiveWar(first_strike=b, war_payoff=w, exposure=c, signal_noise=eps)
    x = m.threshold()
    assert x / 2 + eps / 6 - c / 2 == (b + w) / 2
    assert m.threshold() < m.risk_dominance_threshold()


def test_threshold_indifference_by_monte_carlo():
    m = PreemptiveWar(first_strike=1.0, war_payoff=-0.5, exposure=1.5, signal_noise=0.6)
    x = m.threshold()
    rng = np.random.default_rng(0)
    theta = x + rng.uniform(-0.6, 0.6, 400_000)          # posterior under a flat prior
    rival_peace = theta + rng.uniform(-0.6, 0.6, theta.size) >= x
    peace = np.where(rival_peace, theta, -1.5).mean()
    attack = np.where(rival_peace, 1.0, -0.5).mean()
    assert peace == pytest.approx(attack, abs=0.01)


def test_threshold_profile_is_an_equilibrium_and_not_the_only_one():
    # Monte Carlo best replies to a rival using the threshold: attack below it, peace above
    # (an equilibrium); against a rival who always attacks, attack is best at every signal
    # (no upper dominance region in this stage game: mutual attack is an equilibrium too)
    b, w, c, eps = 1.0, -0.5, 1.5, 0.6
    m = PreemptiveWar(first_strike=b, war_payoff=w, exposure=c, signal_noise=eps)
    k = m.threshold()
    rng = np.random.default_rng(1)
    for x in (k - eps, k - eps / 4, k + eps / 4, k + eps, k + 10):
        theta = x + rng.uniform(-eps, eps, 200_000)
        rival_peace = theta + rng.uniform(-eps, eps, theta.size) >= k
        gain = (np.where(rival_peace, theta, -c) - np.where(rival_peace, b, w)).mean()
        assert (gain > 0) == (x > k)
        assert -c - w < 0               # peace against an attacker is always worse


def test_risk_dominance_of_the_stage_game():
    m = PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2, signal_noise=1)
    theta = m.risk_dominance_threshold()
    # at θ* the Nash products of the two pure equilibria tie (Harsanyi-Selten)
    game = m.game_at(theta)
    (t, r, p, s) = game.trps(0)
    assert (r - t) ** 2 == (p - s) ** 2
    assert m.game_at(3).oye_type == "stag_hunt"
    eqs = ml.solvers.pure_nash_equilibria(m.game_at(F(3, 2)))
    assert len(eqs) == 2          # peace and war are both equilibria in the fear spiral


@given(gain=fracs, deterrence=fracs, vulnerability=fracs)
def test_chassang_padro_i_miquel_weapons_comparative_static(gain, deterrence, vulnerability):
    # CPM (2010, abstract): weapons unambiguously facilitate peace under complete
    # information; under strategic risk their effect is nonmonotonic
    turn = deterrence / (2 * vulnerability)
    low, mid, high = turn / 2, turn, 2 * turn
    ms = [armed(k, gain, deterrence, vulnerability) for k in (low, mid, high)]
    ci = [m.complete_information_threshold() for m in ms]
    sr = [m.threshold() for m in ms]
    assert ci[0] > ci[1] > ci[2]                          # deterrence, always
    assert sr[0] > sr[1] < sr[2]                          # first deters, then frightens


@pytest.mark.parametrize("kwargs, error, match", [
    ({"first_strike": 1, "war_payoff": 2, "exposure": 3, "signal_noise": 1},
     errors.InvalidGameError, "predatory"),
    ({"first_strike": 1, "war_payoff": -3, "exposure": 2, "signal_noise": 1},
     errors.InvalidGameError, "preemptive"),
    ({"first_strike": 1, "war_payoff": -1, "exposure": 2, "signal_noise": 0},
     errors.InvalidArgumentError, "signal_noise"),
    ({"first_strike": float("nan"), "war_payoff": -1, "exposure": 2, "signal_noise": 1},
     errors.InvalidArgumentError, "first_strike"),
])
def test_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        PreemptiveWar(**kwargs)


def test_floats_give_floats():
    m = PreemptiveWar(first_strike=1.0, war_payoff=-1.0, exposure=2.0, signal_noise=0.3)
    assert isinstance(m.threshold(), float)
    assert m.war_probability(1.9) == pytest.approx(1 - (1 - (1.9 - 1.9 + 0.3) / 0.6) ** 2)


class TestPreemptiveWarContract(ModelContract):
    def make(self):
        return PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2, signal_noise=1)

    def make_other(self):
        return PreemptiveWar(first_strike=2, war_payoff=-1, exposure=2, signal_noise=1)

    changes = {"exposure": 3}
    bad = [(lambda: PreemptiveWar(first_strike=1, war_payoff=2, exposure=3, signal_noise=1),
            errors.InvalidGameError, "predatory")]
    bad_changes = [({"signal_noise": -1}, errors.InvalidArgumentError, "signal_noise")]
    exact_kwargs = {"first_strike": 1, "war_payoff": -1, "exposure": 2,
                    "signal_noise": F(1, 2)}
    float_kwargs = {"first_strike": 1.0, "war_payoff": -1.0, "exposure": 2.0,
                    "signal_noise": 0.5}
    no_game = ("the stage game depends on the value of peace, an argument: game_at(θ) gives it "
               "(tested in test_risk_dominance_of_the_stage_game)")
    outputs = [lambda m: m.threshold(), lambda m: m.war_probability(F(3, 2)),
               lambda m: m.game_at(2)]


@given(gain=fracs, deterrence=fracs, vulnerability=fracs,
       multiples=st.lists(st.integers(1, 12), min_size=3, max_size=3, unique=True).map(sorted))
def test_weapons_nonmonotone_exactly_when_the_ladder_straddles_the_turn(
        gain, deterrence, vulnerability, multiples):
    # b + w + c = gain - deterrence k + vulnerability k**2, a parabola with its vertex at
    # k* = deterrence / (2 vulnerability): a step from k to k' lowers the limit threshold
    # iff (k + k') / 2 < k* (derived by hand, independent of the model's code)
    turn = deterrence / (2 * vulnerability)
    ks = [turn * m / 4 for m in multiples]
    sr = [armed(k, gain, deterrence, vulnerability).threshold() for k in ks]
    assert (sr[1] < sr[0]) == (ks[0] + ks[1] < 2 * turn)
    assert (sr[2] > sr[1]) == (ks[1] + ks[2] > 2 * turn)


def test_weapons_claim_fails_for_a_wrong_threshold():
    # the predicate can fail: a threshold that ignored the preemptive incentive (the
    # complete-information one) breaks the predatory-vs-preemptive equivalence
    from multilateral.claims import WEAPONS_UNDER_STRATEGIC_RISK

    _weapons = WEAPONS_UNDER_STRATEGIC_RISK.predicate
    class Wrong(PreemptiveWar):
        def threshold(self):
            return self.first_strike

    ladder = tuple(Wrong(first_strike=2 - k, war_payoff=-k, exposure=k + k * k,
                         signal_noise=F(1, 100)) for k in (F(1, 2), 1, 2))
    assert not _weapons(ladder)
    good = tuple(armed(k, 2, 1, 1) for k in (F(1, 4), F(1, 2), 2))
    assert _weapons(good)


def test_weapons_claim_verifies_and_is_registered():
    from multilateral.claims import WEAPONS_UNDER_STRATEGIC_RISK

    assert WEAPONS_UNDER_STRATEGIC_RISK.verify(max_examples=30).holds
    assert "weapons_under_strategic_risk" in ml.claims.catalogue()
    # a nearby false statement: that weapons also help monotonically under strategic risk
    ladder = (armed(1, 2, 1, 1), armed(2, 2, 1, 1), armed(4, 2, 1, 1))
    assert not ladder[0].threshold() > ladder[1].threshold() > ladder[2].threshold()
