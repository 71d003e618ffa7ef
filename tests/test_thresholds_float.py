"""critical_discount on float payoffs against the exact path on the same values as Fractions.

A float is a dyadic rational, so ``Fraction(x)`` is the value it holds: the exact threshold
of those Fractions is the answer the float path must give (floats out). The float path
used to sample a grid of 2001 points, so a threshold above ``1 - 1/2001`` came back as
never and an isolated feasible point between samples was missed; the classes below put
thresholds above 0.99 and 0.9999 and isolated points on purpose.

The float path allows a gain up to ``tol`` times the largest payoff (the checks' rule), so
its threshold may lie below the exact one, but only where the check holds there (a gain
that small); it never lies above it by more than :data:`THRESHOLD_MATCH`.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import strategies as mst
from multilateral._validation import DEFAULT_TOL
from multilateral.solvers.repeated import thresholds

solvers = ml.solvers

#: How far a float threshold may lie from the float value of the exact one (in delta).
THRESHOLD_MATCH = 1e-7

KINDS = ("spe", "nash")


def as_floats(pd):
    t, r, p, s = (float(x) for x in pd.trps(0))
    return ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s)


def as_fractions(pd):
    t, r, p, s = (Fraction(float(x)) for x in pd.trps(0))
    return ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s)


def assert_matches(float_stage, exact_stage, profile, kind, noise=0.0):
    """The float threshold against float(exact threshold of the same binary values)."""
    fl = solvers.critical_discount(float_stage, profile, kind=kind, noise=noise)
    ex = solvers.critical_discount(exact_stage, profile, kind=kind, noise=Fraction(noise))
    assert fl.exact is None and isinstance(fl.delta, float)
    if ex.attainable:
        assert fl.attainable, f"float says never, exact {ex.exact}"
        assert fl.delta <= float(ex.delta) + THRESHOLD_MATCH
    if fl.attainable and (not ex.attainable or fl.delta < ex.delta - THRESHOLD_MATCH):
        # below the exact threshold: only where every gain is within tol times the largest
        # payoff (the checks' rule; twice that at the float boundary, for its rounding)
        check = (solvers.is_subgame_perfect if kind == "spe" else solvers.is_nash_equilibrium)
        game = ml.RepeatedGame(float_stage, fl.delta, noise=noise)
        scale = max(1.0, float(np.max(np.abs(float_stage.payoffs))))
        assert check(game, profile).max_gain <= 2 * DEFAULT_TOL * scale
        event("float below exact, within tol")
    return fl, ex


# -- classes with thresholds close to 1 -----------------------------------------------------------
@st.composite
def skewed_pds(draw):
    """Prisoners' Dilemmas with ``T - R`` large against ``R - P`` tiny, as floats."""
    gap = draw(st.sampled_from([1.0, 2.0**-10, 2.0**-30]))  # R - P
    lead = draw(st.integers(10, 10**7)) * draw(st.sampled_from([1.0, 2.0**-3]))  # T - R
    p = float(draw(st.integers(-5, 5)))
    r = p + gap
    s = p - draw(st.integers(1, 5))
    return ml.TwoByTwo.symmetric(T=r + lead, R=r, P=p, S=s)


@pytest.mark.parametrize("kind", KINDS)
@given(skewed_pds())
@settings(max_examples=30, deadline=None)
def test_grim_threshold_near_one(kind, pd):
    fl, ex = assert_matches(pd, as_fractions(pd), [A.grim_trigger()] * 2, kind)
    t, r, p, _ = (Fraction(float(x)) for x in pd.trps(0))
    assert ex.exact == (t - r) / (t - p)
    assert fl.delta == pytest.approx(float(ex.exact), abs=THRESHOLD_MATCH)
    event(f"threshold above 0.9999: {fl.delta > 0.9999}")


@pytest.mark.parametrize("kind", KINDS)
@given(st.integers(1, 4), st.integers(2, 10**6), st.sampled_from([1.0, 0.5, 2.0**-20]))
@settings(max_examples=20, deadline=None)
def test_k_period_punishment_near_one(kind, k, m, unit):
    # sum_(t=1..k) delta^t = (T - R)/(R - P) = k - 1/m: the threshold tends to 1 as m grows
    # (with unit 2**-20 every payoff difference is far under the payoffs: the float rule
    # allows gains up to tol times the largest payoff, assert_matches checks that case)
    r, p = 3.0, 3.0 - m * unit
    pd = ml.TwoByTwo.symmetric(T=r + (k * m - 1) * unit, R=r, P=p, S=p - 1.0)
    fl, ex = assert_matches(pd, as_fractions(pd), [A.k_period_punishment(k)] * 2, kind)
    assert ex.attainable and fl.attainable
    x = float(ex.delta)
    assert sum(x**t for t in range(1, k + 1)) == pytest.approx(k - 1 / m, rel=1e-9)
    event(f"threshold above 0.99: {x > 0.99}, above 0.9999: {x > 0.9999}")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lead", [10**2, 10**4, 10**6, 10**9])
def test_thresholds_above_the_grid(kind, lead):
    # grim with (T - R)/(R - P) = lead: threshold 1 - 1/(lead + 1), from 0.99 to beyond the
    # grid's last sample 1 - 1/2001; 1-period punishment beside it (never here)
    pd = ml.TwoByTwo.symmetric(T=1.0 + lead, R=1.0, P=0.0, S=-1.0)
    for profile in ([A.grim_trigger()] * 2, [A.k_period_punishment(1)] * 2):
        fl, ex = assert_matches(pd, as_fractions(pd), profile, kind)
        if ex.attainable:
            assert fl.delta == pytest.approx(float(ex.delta), abs=THRESHOLD_MATCH)
    grim = solvers.critical_discount(pd, [A.grim_trigger()] * 2, kind=kind)
    assert grim.delta == pytest.approx(lead / (lead + 1), abs=THRESHOLD_MATCH)
    assert (grim.delta > 1 - 1 / 2001) == (lead > 2000)


# -- general classes: random small automata, with and without noise ------------------------------
@st.composite
def small_automata(draw):
    """A deterministic 2-action automaton with 1-3 states, random actions and transitions."""
    n = draw(st.integers(1, 3))
    actions = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    table = draw(st.lists(st.lists(st.lists(st.integers(0, n - 1), min_size=2, max_size=2),
                                   min_size=2, max_size=2), min_size=n, max_size=n))
    return A.Automaton(actions, table)


@pytest.mark.parametrize("kind", KINDS)
@given(mst.prisoners_dilemmas(), st.lists(small_automata(), min_size=2, max_size=2),
       st.sampled_from([0.0, 0.25, 0.0625]))
@settings(max_examples=30, deadline=None)
def test_random_automata(kind, pd, profile, noise):
    # noise 1/4 and 1/16 are dyadic: the float and the Fraction are the same number
    _, ex = assert_matches(as_floats(pd), pd, profile, kind, noise)
    event(f"exact: {'never' if not ex.attainable else 'attainable'}")


@pytest.mark.parametrize("kind", KINDS)
@given(st.sampled_from([(4, 3, 1, 0), (5, 4, 1, 0), (9, 8, 2, 1), (7, 5, 1, -1)]),
       st.sampled_from([0.0, 2.0**-8]))
@settings(max_examples=12, deadline=None)
def test_isolated_points(kind, trps, noise):
    # Tit for Tat: subgame perfect only where (T - R)/(R - S) = (P - S)/(T - P) (Kalai,
    # Samet and Stanford 1988): 1/3, 1/4, 1/7, 1/3 here, an isolated point (without noise)
    t, r, p, s = trps
    fl, ex = assert_matches(ml.TwoByTwo.symmetric(T=float(t), R=float(r), P=float(p),
                                                  S=float(s)),
                            ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s),
                            [A.tit_for_tat()] * 2, kind, noise)
    if ex.attainable:
        assert fl.delta == pytest.approx(float(ex.delta), abs=THRESHOLD_MATCH)


def test_isolated_point_regression():
    # failed before the fix: the float path said never (its nearest sample to 1/7 is 1.4e-4
    # away; the gains there are far above tol)
    pd = ml.TwoByTwo.symmetric(T=9.0, R=8.0, P=2.0, S=1.0)
    cd = solvers.critical_discount(pd, [A.tit_for_tat()] * 2)
    assert cd.attainable and cd.delta == pytest.approx(1 / 7, abs=THRESHOLD_MATCH)
    assert len(cd.feasible) == 1 and cd.feasible[0][1] - cd.feasible[0][0] < THRESHOLD_MATCH


# -- large noisy chains: the grid alone, with samples up to 1 - 1e-7 ----------------------------
@pytest.mark.parametrize("kind", KINDS)
@given(st.integers(10**2, 10**6), st.sampled_from([2.0**-40, 2.0**-50, 0.0]),
       st.sampled_from(["grim", "kpp2"]))
@settings(max_examples=20, deadline=None)
def test_grid_near_one_without_the_exact_set(kind, lead, noise, name):
    # the exact set of the binary values is skipped beyond BINARY_STATES joint states with
    # errors; force that path here (noise of 2**-40: exact thresholds still near 1, up to
    # 1 - 1e-6; the grid samples to 1 - 1e-7, where float values are still good enough)
    profile = [A.grim_trigger() if name == "grim" else A.k_period_punishment(2)] * 2
    pd = ml.TwoByTwo.symmetric(T=1.0 + lead, R=1.0, P=0.0, S=-1.0)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(thresholds, "BINARY_STATES", 0)
        fl = solvers.critical_discount(pd, profile, kind=kind, noise=noise)
    ex = solvers.critical_discount(as_fractions(pd), profile, kind=kind, noise=Fraction(noise))
    assert fl.attainable == ex.attainable
    if ex.attainable:
        assert fl.delta == pytest.approx(float(ex.delta), abs=THRESHOLD_MATCH)
        event(f"threshold above 0.9999: {fl.delta > 0.9999}")


def test_the_noisy_grid_sees_no_spurious_piece_near_one(monkeypatch):
    # WSLS with noise 0.05 is never subgame perfect; its gains are (1 - delta) times a positive
    # gain per round: a fixed allowance near 1 would have let it pass there
    monkeypatch.setattr(thresholds, "BINARY_STATES", 0)
    pd = ml.TwoByTwo.symmetric(T=7.0, R=4.0, P=2.0, S=0.0)
    for kind in KINDS:
        cd = solvers.critical_discount(pd, [A.win_stay_lose_shift()] * 2, kind=kind,
                                       noise=0.05)
        assert not cd.attainable


#: Profiles the float grid called equilibria near 1 (pieces from 1 - 3e-9 and 1 - 2e-12)
#: when it sampled down to 1 - 1e-12; the exact sets of the same binary values are empty.
#: Found by a random search over 2-player automata with 1-4 states (review of issue 13).
NEAR_ONE_FALSE = [
    ((9.0, 1.0, -1.0, -2.0), ([0, 1, 1], [[[1, 2], [0, 1]], [[2, 1], [1, 1]], [[2, 1], [2, 2]]]),
     ([1], [[[0, 0], [0, 0]]])),
    ((3.0, 2.0, -2.0, -4.0), ([0, 1, 0], [[[1, 2], [2, 2]], [[1, 0], [0, 2]], [[2, 1], [0, 0]]]),
     ([0, 1], [[[1, 1], [0, 1]], [[0, 1], [0, 1]]])),
]


@pytest.mark.parametrize("case", range(len(NEAR_ONE_FALSE)))
def test_no_float_equilibrium_near_one_where_the_exact_set_is_empty(case, monkeypatch):
    # the float Nash gain near 1 is (1 - delta) times about 1 per round, and the float values
    # are off by about 1e-16 / (1 - delta): from 1 - 3e-9 the sign of the gain was noise
    trps, *automata = NEAR_ONE_FALSE[case]
    t, r, p, s = trps
    profile = [A.Automaton(acts, table) for acts, table in automata]
    exact = solvers.critical_discount(
        ml.TwoByTwo.symmetric(T=Fraction(t), R=Fraction(r), P=Fraction(p), S=Fraction(s)),
        profile, kind="nash", noise=Fraction(0.01))
    assert not exact.attainable
    monkeypatch.setattr(thresholds, "BINARY_STATES", 0)
    fl = solvers.critical_discount(ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s), profile,
                                   kind="nash", noise=0.01)
    assert not fl.attainable, fl.feasible


@pytest.mark.parametrize("kind", KINDS)
def test_the_tolerance_is_not_scale_free(kind):
    # documented in critical_discount's Notes: the float rule's scale is max(1, largest
    # payoff), so payoffs far below 1 lose their gains; a tol in their units restores 1/2
    grim = [A.grim_trigger()] * 2
    tiny = ml.TwoByTwo.symmetric(T=5e-9, R=3e-9, P=1e-9, S=0.0)
    assert solvers.critical_discount(tiny, grim, kind=kind).delta < 0.3
    assert solvers.critical_discount(tiny, grim, kind=kind, tol=1e-18).delta == pytest.approx(
        0.5, abs=THRESHOLD_MATCH)
    exact = ml.TwoByTwo.symmetric(T=Fraction(5e-9), R=Fraction(3e-9), P=Fraction(1e-9), S=0)
    found = solvers.critical_discount(exact, grim, kind=kind).exact  # the binary values'
    assert found == (exact.trps(0)[0] - exact.trps(0)[1]) / (exact.trps(0)[0] - exact.trps(0)[2])
    assert float(found) == pytest.approx(0.5, abs=THRESHOLD_MATCH)
