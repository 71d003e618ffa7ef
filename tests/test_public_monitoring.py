"""Oye's transparency channel: Green-Porter trigger strategies and the APS bound under a noisy
public signal whose informativeness falls with the number of members."""

import math
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import errors
from multilateral._numeric import solve_exact
from multilateral.models import ConditionalCooperation, PublicMonitoring

F = Fraction
small_probs = st.fractions(min_value=0, max_value=F(1, 4), max_denominator=40)
unit = st.fractions(min_value=F(1, 20), max_value=F(19, 20), max_denominator=40)
rounds = st.sampled_from([None, 1, 2, 3])


def _delta_value(cd):
    return cd.value if cd.attainable else math.inf


# -- published results -----------------------------------------------------------------------
def test_mailath_samuelson_prisoners_dilemma():
    # Mailath and Samuelson (2006, section 7.2): the PD with payoffs 2, 3, -1, 0 and a public
    # signal that is good with probability p (both exert effort) or q (one shirks): grim
    # trigger needs delta >= 1 / (3p - 2q); the best strongly symmetric payoff is
    # 2 - (1 - p) / (p - q). Two members with mpcr 3/4 play that PD scaled by 1/4.
    model = PublicMonitoring(n=2, mpcr=F(3, 4), monitoring_error=F(1, 10), detection=F(1, 2))
    t, r, p_pay = model.trp()
    sucker = model.return_per_unit() - 1  # a lone contributor's payoff
    assert (4 * t, 4 * r, 4 * p_pay, 4 * sucker) == (3, 2, 0, -1)  # T, R, P, S
    bad_p, bad_q = model.signal_probabilities()
    p, q = 1 - bad_p, 1 - bad_q  # their p, q are probabilities of the GOOD signal
    assert (p, q) == (F(81, 100), F(9, 20))
    assert model.critical_discount().value == 1 / (3 * p - 2 * q) == F(100, 153)
    assert 4 * model.best_payoff() == 2 - (1 - p) / (p - q) == F(53, 36)


@given(st.fractions(min_value=0, max_value=F(1, 2), max_denominator=30),
       st.fractions(min_value=F(1, 30), max_value=1, max_denominator=30),
       st.sampled_from(["aggregate", "audit"]))
def test_mailath_samuelson_formulas_over_signals(eps, extra, signal):
    det = min(F(1), eps + extra)
    model = PublicMonitoring(n=2, mpcr=F(3, 4), monitoring_error=eps, detection=det,
                             signal=signal)
    bad_p, bad_q = model.signal_probabilities()
    p, q = 1 - bad_p, 1 - bad_q
    cd = model.critical_discount()
    if 3 * p - 2 * q > 1:
        assert cd.value == 1 / (3 * p - 2 * q)
        assert 4 * model.best_payoff() == 2 - (1 - p) / (p - q)
    else:  # 2 - (1 - p)/(p - q) <= 0: no cooperation at any delta
        assert not cd.attainable and model.best_payoff() == 0


# -- the perfect-monitoring limit and the generic solver --------------------------------------
@settings(max_examples=30)  # exact roots for T = 2, 3 cost sympy time
@given(st.integers(2, 40), unit, rounds)
def test_perfect_monitoring_is_conditional_cooperation(n, m, k):
    ours = PublicMonitoring(n=n, mpcr=m, punishment_rounds=k).critical_discount()
    theirs = ConditionalCooperation(n=n, mpcr=m, punishment_rounds=k).critical_discount()
    assert _delta_value(ours) == _delta_value(theirs)


@settings(max_examples=8)  # the automaton solver takes about 80 ms a call
@given(st.fractions(min_value=F(11, 20), max_value=F(19, 20), max_denominator=20))
def test_two_members_match_the_repeated_game_solver(m):
    model = PublicMonitoring(n=2, mpcr=m)
    grim = [A.grim_trigger()] * 2
    solved = ml.solvers.critical_discount(model.game.to_normal_form(), grim)
    assert solved.exact == model.critical_discount().value


# -- Green and Porter: the value recursion and the incentive constraint -----------------------
def _values(model, delta):
    """Exact continuation values of the trigger profile (cooperative state, then the punishment
    states) and of a one-shot deviation, from the automaton's linear system."""
    t, r, p_pay = model.trp()
    n, eps, det = model.n, model.monitoring_error, model.detection
    if model.signal == "audit":  # the audited member is the defector with probability 1/n
        p, q = eps, (n - 1) * eps / n + det / n
    else:  # no shortfall recorded among the n - 1 contributions and the withheld unit
        p, q = 1 - (1 - eps) ** n, 1 - (1 - eps) ** (n - 1) * (1 - det)
    k = model.punishment_rounds
    if k is None:
        v = ((1 - delta) * r + delta * p * p_pay) / (1 - delta * (1 - p))
        dev = (1 - delta) * t + delta * ((1 - q) * v + q * p_pay)
        return v, dev
    # states: 0 cooperate, 1..k punish; punishment state j moves to j + 1, k back to 0
    size = k + 1
    matrix = [[F(0)] * size for _ in range(size)]
    rhs = []
    for s in range(size):
        matrix[s][s] += 1
        if s == 0:
            matrix[0][0] -= delta * (1 - p)
            matrix[0][1] -= delta * p
            rhs.append((1 - delta) * r)
        else:
            matrix[s][(s + 1) % size] -= delta
            rhs.append((1 - delta) * p_pay)
    vals = solve_exact(matrix, rhs)
    dev = (1 - delta) * t + delta * ((1 - q) * vals[0] + q * vals[1])
    return vals[0], dev


@given(st.integers(2, 12), unit, small_probs, st.sampled_from([None, 1, 2, 3]),
       st.fractions(min_value=F(1, 20), max_value=F(19, 20), max_denominator=40),
       st.sampled_from(["aggregate", "audit"]), st.sampled_from([F(1, 2), F(4, 5), F(1)]))
def test_trigger_payoff_and_threshold_solve_the_recursion(n, m, eps, k, delta, signal, det):
    model = PublicMonitoring(n=n, mpcr=m, monitoring_error=eps, detection=det,
                             signal=signal, punishment_rounds=k)
    value, deviation = _values(model, delta)
    assert model.trigger_payoff(delta) == value
    assert model.sustains(delta) == (value >= deviation)
    cd = model.critical_discount()
    if cd.attainable and isinstance(cd.value, Fraction) and cd.value > 0:
        at, dev_at = _values(model, cd.value)
        assert at == dev_at  # the constraint binds at the threshold


@given(st.integers(2, 12), unit, small_probs, rounds,
       st.fractions(min_value=F(1, 20), max_value=F(19, 20), max_denominator=40))
def test_aps_bound_dominates_the_trigger_strategies(n, m, eps, k, delta):
    model = PublicMonitoring(n=n, mpcr=m, monitoring_error=eps, punishment_rounds=k)
    if model.sustains(delta):
        assert model.trigger_payoff(delta) <= model.best_payoff(delta)
        # ... and the best strongly symmetric equilibrium needs no more patience than any T
        grim = model.with_(punishment_rounds=None).critical_discount()
        assert grim.value <= delta


def test_aps_bang_bang_payoff_is_self_generated():
    model = PublicMonitoring(n=5, mpcr=F(1, 2), monitoring_error=F(1, 20), detection=F(3, 4))
    t, r, p_pay = model.trp()
    p, q = model.signal_probabilities()
    delta = F(9, 10)
    best = model.best_payoff(delta)
    low = best - (1 - delta) * (t - r) / (delta * (q - p))  # the incentive binds
    assert p_pay <= low <= best  # both continuations are in [P, v*]
    assert (1 - delta) * r + delta * ((1 - p) * best + p * low) == best
    assert (1 - delta) * t + delta * ((1 - q) * best + q * low) == best


def test_efficiency_loss_of_punishment_on_the_path():
    model = PublicMonitoring(n=4, mpcr=F(1, 2), monitoring_error=F(1, 20),
                             punishment_rounds=3)
    p, _ = model.signal_probabilities()
    # as delta -> 1 the trigger strategies lose the share of time spent punishing, Tp/(1+Tp)
    assert model.efficiency_loss(0.999999) == pytest.approx(3 * p / (1 + 3 * p), rel=1e-4)
    assert model.with_(punishment_rounds=None).efficiency_loss(0.999999) > 0.99  # grim
    assert model.efficiency_loss() < model.efficiency_loss(F(9, 10))
    with pytest.raises(errors.InvalidArgumentError, match="no gains"):
        PublicMonitoring(n=2, mpcr=F(1, 2)).efficiency_loss()


# -- Oye's effect: numbers hurt where monitoring degrades faster than the stakes grow ----------
@settings(max_examples=25)  # eight exact (sympy) roots per example for T = 2, 3
@given(unit, st.fractions(min_value=F(1, 40), max_value=F(1, 4), max_denominator=40), rounds)
def test_aggregate_signal_bounds_the_group(m, eps, k):
    model = PublicMonitoring(n=2, mpcr=m, monitoring_error=eps, punishment_rounds=k)
    largest = model.largest_group()
    assert largest is None or largest < 10_000
    if largest is not None:
        assert not model.with_(n=largest + 1).critical_discount().attainable
        assert model.best_payoff(None, largest + 1) == 0 or k is not None
    peak = math.ceil(1 / m + (1 - eps) / eps)
    ladder = [_delta_value(model.critical_discount(s)) for s in range(peak, peak + 8)]
    assert ladder == sorted(ladder)


def test_largest_group_example_matches_the_scan():
    model = PublicMonitoring(n=2, mpcr=F(3, 4), monitoring_error=F(1, 10))
    sizes = [s for s in range(2, 200) if model.critical_discount(s).attainable]
    assert max(sizes) == model.largest_group() == 46
    assert model.largest_group(F(1, 5)) == max(
        s for s in range(2, 200) if model.sustains(F(1, 5), s))


@given(st.integers(3, 60), unit, small_probs,
       st.fractions(min_value=F(1, 10), max_value=F(3, 4), max_denominator=20))
def test_audit_signal_with_a_non_rival_good_numbers_help(n, m, eps, extra):
    # the library's finding: a defection moves the audited signal by 1/n of its range, but the
    # stakes grow like n, so with mpcr fixed the critical discount factor does not rise
    model = PublicMonitoring(n=n, mpcr=m, monitoring_error=eps, detection=eps + extra,
                             signal="audit")
    assert _delta_value(model.with_(n=n + 1).critical_discount()) <= _delta_value(
        model.critical_discount())


@given(st.integers(2, 60), st.fractions(min_value=F(11, 10), max_value=5, max_denominator=10),
       small_probs, st.sampled_from(["aggregate", "audit"]))
def test_fixed_multiplier_numbers_hurt_under_both_signals(n, r, eps, signal):
    model = PublicMonitoring(n=n, r=r, monitoring_error=eps, detection=F(4, 5), signal=signal)
    assert _delta_value(model.with_(n=n + 1).critical_discount()) >= _delta_value(
        model.critical_discount())


@pytest.mark.parametrize("k", [2, 3, 4])
def test_float_and_exact_agree(k):
    exact = PublicMonitoring(n=7, mpcr=F(1, 2), monitoring_error=F(1, 20), punishment_rounds=k)
    floats = PublicMonitoring(n=7, mpcr=0.5, monitoring_error=0.05, punishment_rounds=k)
    assert exact.critical_discount().delta == pytest.approx(floats.critical_discount().delta)
    assert float(exact.best_payoff()) == pytest.approx(floats.best_payoff())
    assert exact.largest_group() == floats.largest_group()


def _simulated_payoff(model, delta, paths=40_000, seed=7):
    """Monte Carlo of the trigger strategies that draws every member's record (not the model's
    p): the mean discounted payoff of a member, and its standard error."""
    rng = np.random.default_rng(seed)
    n, m = model.n, float(model.return_per_unit())
    eps = float(model.monitoring_error)  # all contribute: detection plays no part
    left = np.zeros(paths, dtype=np.int64)  # punishment rounds left; -1 forever
    total, weight = np.zeros(paths), 1 - delta
    for _ in range(int(np.log(1e-7) / np.log(delta)) + 1):
        cooperating = left == 0
        total += weight * np.where(cooperating, m * n - 1, 0.0)
        weight *= delta
        if model.signal == "aggregate":  # any contribution misrecorded as a shortfall
            bad = rng.binomial(n, eps, size=paths) > 0
        else:  # one audited member's record
            bad = rng.random(paths) < eps
        left = np.where(left > 0, left - 1, left)
        left = np.where(cooperating & bad, model.punishment_rounds or -1, left)
    return total.mean(), total.std() / np.sqrt(paths)


@pytest.mark.parametrize("kwargs, delta", [
    ({"n": 2, "mpcr": F(3, 4), "monitoring_error": F(1, 10)}, 0.6),
    ({"n": 5, "mpcr": F(1, 2), "monitoring_error": F(1, 20), "detection": F(4, 5),
      "punishment_rounds": 3}, 0.8),
    ({"n": 8, "mpcr": F(1, 2), "monitoring_error": F(1, 10), "detection": F(3, 5),
      "signal": "audit", "punishment_rounds": 2}, 0.85),
])
def test_trigger_payoff_matches_a_simulation_of_the_records(kwargs, delta):
    model = PublicMonitoring(**kwargs)
    mean, error = _simulated_payoff(model, delta)
    assert abs(mean - float(model.trigger_payoff(F(delta)))) < 4 * error


def test_float_path_survives_large_groups_and_rare_errors():
    # q - p is computed directly and p by expm1/log1p: no cancellation of floats near one
    big = PublicMonitoring(n=10_000, mpcr=0.5, monitoring_error=0.01)
    assert big.best_payoff() == 0.0 and big.efficiency_loss() == 1.0  # was a ZeroDivisionError
    assert big.with_(mpcr=F(1, 2), monitoring_error=F(1, 100)).best_payoff() == 0
    rare = PublicMonitoring(n=5, mpcr=0.5, monitoring_error=1e-12)
    assert rare.signal_probabilities()[0] == pytest.approx(5e-12, rel=1e-9)
    exact = PublicMonitoring(n=600, mpcr=F(1, 2), monitoring_error=F(1, 100))
    floats = exact.with_(mpcr=0.5, monitoring_error=0.01)
    assert floats.critical_discount().delta == pytest.approx(exact.critical_discount().delta,
                                                             rel=1e-12)
    assert floats.best_payoff() == pytest.approx(float(exact.best_payoff()), rel=1e-12)
    free = PublicMonitoring(n=3, mpcr=1.5, monitoring_error=0.1).critical_discount()
    assert free.delta == 0 and math.copysign(1, free.delta) == 1  # not -0.0


def _scan(model, delta, n_max):
    return max((s for s in range(2, n_max + 1) if (
        model.sustains(delta, s) if delta is not None else
        model.critical_discount(s).attainable)), default=None)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["mpcr", "r"]), st.fractions(min_value=F(1, 20), max_value=6,
                                                    max_denominator=20),
       st.fractions(min_value=0, max_value=F(1, 4), max_denominator=40),
       st.fractions(min_value=F(1, 10), max_value=1, max_denominator=10),
       st.sampled_from(["aggregate", "audit"]), rounds,
       st.sampled_from([None, F(1, 5), F(1, 2), F(9, 10), F(99, 100)]))
def test_largest_group_matches_a_full_scan(kind, value, eps, share, signal, k, delta):
    if kind == "mpcr":
        value = min(value, F(6, 5))
    model = PublicMonitoring(n=2, **{kind: value}, monitoring_error=eps,
                             detection=eps + (1 - eps) * share, signal=signal,
                             punishment_rounds=k)
    assert model.largest_group(delta, n_max=120) == _scan(model, delta, 120)


def test_largest_group_is_exact_and_fast_with_rare_false_alarms():
    exact = PublicMonitoring(n=2, mpcr=F(1, 2), monitoring_error=F(1, 1000))
    assert exact.largest_group() == exact.with_(mpcr=0.5, monitoring_error=0.001
                                                ).largest_group() == 9112
    assert exact.critical_discount(9112).attainable
    assert not exact.critical_discount(9113).attainable


# -- bad parameters -----------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, error, pattern", [
    ({"n": 1, "mpcr": F(1, 2)}, errors.InvalidArgumentError, "n must"),
    ({"n": 3, "mpcr": F(1, 2), "monitoring_error": F(3, 2)}, errors.InvalidProbabilityError,
     "monitoring_error"),
    ({"n": 3, "mpcr": F(1, 2), "detection": -0.1}, errors.InvalidProbabilityError, "detection"),
    ({"n": 3, "mpcr": F(1, 2), "monitoring_error": F(1, 2), "detection": F(1, 2)},
     errors.InvalidArgumentError, "uninformative"),
    ({"n": 3, "mpcr": F(1, 2), "monitoring_error": F(3, 4), "detection": F(1, 2)},
     errors.InvalidArgumentError, "uninformative"),
    ({"n": 3}, errors.InvalidArgumentError, "exactly one"),
    ({"n": 3, "r": 2, "mpcr": F(1, 2)}, errors.InvalidArgumentError, "exactly one"),
    ({"n": 3, "mpcr": F(1, 2), "signal": "private"}, errors.InvalidArgumentError, "signal"),
    ({"n": 3, "mpcr": F(1, 2), "punishment_rounds": 0}, errors.InvalidArgumentError,
     "punishment_rounds"),
])
def test_bad_parameters(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        PublicMonitoring(**kwargs)


def test_weak_but_informative_signal_is_legitimate():
    # a very large group makes the signal weak, not uninformative: a result, not an error
    model = PublicMonitoring(n=5000, mpcr=F(1, 2), monitoring_error=F(1, 10))
    assert model.signal_probabilities()[1] > model.signal_probabilities()[0]
    assert not model.critical_discount().attainable
    with pytest.raises(errors.InvalidArgumentError, match="k must"):
        model.bad_signal_probability(5001)


class TestPublicMonitoringContract(ModelContract):
    def make(self):
        return PublicMonitoring(n=5, mpcr=F(1, 2), monitoring_error=F(1, 20))

    def make_other(self):
        return PublicMonitoring(n=5, mpcr=F(1, 2), monitoring_error=F(1, 10),
                                signal="audit", punishment_rounds=2)

    changes = {"n": 7, "monitoring_error": F(1, 50), "signal": "audit"}
    bad = [
        (lambda: PublicMonitoring(n=1, mpcr=F(1, 2)), errors.InvalidArgumentError, "n must"),
        (lambda: PublicMonitoring(n=3, mpcr=F(1, 2), monitoring_error=2),
         errors.InvalidProbabilityError, "monitoring_error"),
        (lambda: PublicMonitoring(n=3, mpcr=F(1, 2), monitoring_error=F(1, 2), detection=F(1, 3)),
         errors.InvalidArgumentError, "uninformative"),
    ]
    bad_changes = [({"n": 0}, errors.InvalidArgumentError, "n must"),
                   ({"detection": 0}, errors.InvalidArgumentError, "uninformative"),
                   ({"r": 3}, errors.InvalidArgumentError, "exactly one")]
    exact_kwargs = {"n": 6, "mpcr": F(1, 2), "monitoring_error": F(1, 20),
                    "detection": F(4, 5)}
    float_kwargs = {"n": 6, "mpcr": 0.5, "monitoring_error": 0.05, "detection": 0.8}
    outputs = [lambda m: m.critical_discount(), lambda m: m.best_payoff(),
               lambda m: m.efficiency_loss(), lambda m: m.trigger_payoff(F(1, 2)),
               lambda m: m.signal_probabilities(),
               lambda m: m.with_(punishment_rounds=3).critical_discount(),
               lambda m: m.with_(signal="audit").critical_discount()]


# -- the claim ---------------------------------------------------------------------------------
def test_oye_monitoring_claim_holds_and_its_qualification_bites():
    claim = ml.claims.OYE_MONITORING
    assert claim.verify(max_examples=30).holds
    # outside its class it fails: an audited signal (a defection's effect falls only like 1/n)
    audit = PublicMonitoring(n=60, mpcr=F(1, 2), monitoring_error=F(1, 20), detection=F(1, 2),
                             signal="audit")
    assert not claim.holds(audit)
    # ... and before the peak of the signal-weighted stakes, numbers still help
    assert not claim.holds(PublicMonitoring(n=5, mpcr=F(3, 4), monitoring_error=F(1, 10)))
