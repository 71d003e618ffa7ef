"""Repeated games: exact values, one-shot deviation checks, critical discount factors."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers
#: How far a float threshold may lie from the exact one (as in tests/test_thresholds_float.py).
THRESHOLD_MATCH = 1e-7


def donation(b, c):
    return ml.TwoByTwo.symmetric(T=b, R=b - c, P=0, S=-c)


class TestValues:
    def test_tft_against_alld(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        v = solvers.profile_values(ml.RepeatedGame(pd, Fraction(9, 10)),
                                   [A.tit_for_tat(), A.always_defect()])
        # sucker's payoff once, then mutual defection: (1 - d) S + d P and (1 - d) T + d P
        assert v.exact == (Fraction(9, 10), Fraction(7, 5))

    @given(mst.prisoners_dilemmas(), st.fractions(0, 1).filter(lambda d: d < 1))
    def test_wsls_pair_cooperates_forever(self, pd, delta):
        v = solvers.profile_values(ml.RepeatedGame(pd, delta), [A.win_stay_lose_shift()] * 2)
        _t, r, _p, _s = pd.trps(0)
        assert v.exact == (r, r)

    def test_noise_mixes_states(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        v = solvers.profile_values(ml.RepeatedGame(pd, 0.9, noise=0.05), [A.grim_trigger()] * 2)
        assert 1 < v.values[0] < 3 and np.isclose(v.values[0], v.values[1])
        assert v.exact is None

    def test_alternator_against_tft_exact(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        d = Fraction(1, 2)
        v = solvers.profile_values(ml.RepeatedGame(pd, d), [A.alternator(), A.tit_for_tat()])
        # alternator: C,D,C,D...; TFT: C,C,D,C,D...: rounds give (R), then (T, S) alternately
        row = (1 - d) * (3 + d * 5 / (1 - d**2) + d**2 * 0 / (1 - d**2))
        assert v.exact[0] == row


class TestSubgamePerfection:
    @given(mst.prisoners_dilemmas())
    def test_grim_trigger_threshold(self, pd):
        t, r, p, _s = pd.trps(0)
        cd = solvers.critical_discount(pd, [A.grim_trigger()] * 2)
        assert cd.exact == Fraction(t - r, t - p)
        assert cd.feasible[-1][1] == 1.0
        assert cd.binding == (("C", "C"), 0, 1) or cd.binding == (("C", "C"), 1, 1)

    @given(st.integers(2, 30), st.integers(1, 29))
    def test_donation_game_threshold_is_cost_over_benefit(self, b, c):
        if c >= b:
            b, c = c + 1, b
        cd = solvers.critical_discount(donation(b, c), [A.grim_trigger()] * 2)
        assert cd.exact == Fraction(c, b)

    def test_symbolic_grim_threshold(self):
        pd = ml.TwoByTwo.symmetric(T=7, R=4, P=2, S=0)
        expr = solvers.critical_discount(pd, [A.grim_trigger()] * 2, symbolic=True).expression
        t, r, p = sympy.symbols("T R P")
        assert sympy.simplify(expr - (t - r) / (t - p)) == 0

    @given(mst.prisoners_dilemmas(), st.integers(1, 3))
    @settings(max_examples=20)
    def test_k_period_punishment(self, pd, k):
        # cooperation holds iff (T - R) <= (d + ... + d^k)(R - P), the gain against k rounds lost
        t, r, p, _s = pd.trps(0)
        target = Fraction(t - r, r - p)
        punish = [A.k_period_punishment(k)] * 2
        if k <= target:  # even patient players lose less than the deviation gains
            never = solvers.critical_discount(pd, punish)
            assert not never.attainable and never.feasible == () and float(never) == math.inf
            return
        cd = solvers.critical_discount(pd, punish)
        assert sum(cd.delta**j for j in range(1, k + 1)) == pytest.approx(float(target))
        assert cd.feasible == ((pytest.approx(cd.delta), 1.0),)

    def test_tit_for_tat_only_at_an_isolated_point(self):
        # Kalai, Samet and Stanford (1988): TFT is subgame perfect iff
        # d = (T - R)/(R - S) = (P - S)/(T - P); with T, R, P, S = 4, 3, 1, 0 both are 1/3
        pd = ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, [A.tit_for_tat()] * 2)
        assert cd.exact == Fraction(1, 3)
        assert cd.feasible == ((pytest.approx(1 / 3), pytest.approx(1 / 3)),)
        never = solvers.critical_discount(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
                                          [A.tit_for_tat()] * 2)
        assert not never.attainable and repr(never) == "CriticalDiscount(never)"

    @given(mst.prisoners_dilemmas())
    @settings(max_examples=25)
    def test_check_agrees_with_threshold(self, pd):
        cd = solvers.critical_discount(pd, [A.grim_trigger()] * 2)
        for d in (cd.delta * 0.9, min(0.999, cd.delta * 1.05 + 0.01)):
            check = solvers.is_subgame_perfect(ml.RepeatedGame(pd, d), [A.grim_trigger()] * 2)
            assert check.holds == (d >= cd.delta)

    def test_always_defect_is_subgame_perfect_at_every_delta(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, [A.always_defect()] * 2)
        assert cd.exact == 0 and cd.feasible == ((0.0, 1.0),)


@st.composite
def integer_pds(draw):
    """A symmetric Prisoners' Dilemma with integer payoffs ``T > R > P > S``."""
    s, p, r, t = sorted(draw(st.sets(st.integers(-10, 20), min_size=4, max_size=4)))
    return ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s)


@st.composite
def small_automata(draw):
    """A deterministic 2-action automaton with 1-3 states, random actions and transitions."""
    n = draw(st.integers(1, 3))
    actions = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    table = draw(st.lists(st.lists(st.lists(st.integers(0, n - 1), min_size=2, max_size=2),
                                   min_size=2, max_size=2), min_size=n, max_size=n))
    return A.Automaton(actions, table)


def as_float_pd(pd):
    t, r, p, s = pd.trps(0)
    return ml.TwoByTwo.symmetric(T=float(t), R=float(r), P=float(p), S=float(s))


class TestNash:
    @given(mst.prisoners_dilemmas())
    @settings(max_examples=15)
    def test_nash_threshold_never_above_spe(self, pd):
        grim = [A.grim_trigger()] * 2
        spe = solvers.critical_discount(pd, grim)
        nash = solvers.critical_discount(pd, grim, kind="nash", grid=201)
        assert nash.delta <= spe.delta + 1e-6

    def test_tft_nash_threshold(self):
        # against TFT the best deviation alternates D and C: needs d >= (T - R)/(R - S)
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, [A.tit_for_tat()] * 2, kind="nash", grid=101)
        assert cd.delta == pytest.approx(2 / 3, abs=1e-7)

    # Axelrod and Hamilton (1981), Science 211, p. 1393; Axelrod (1984), The Evolution of
    # Cooperation, p. 207, Proposition 2: TIT FOR TAT is collectively stable (a Nash
    # equilibrium against itself) iff w >= max((T - R)/(T - P), (T - R)/(R - S)).
    @pytest.mark.parametrize(("t", "r", "p", "s"), [
        (5, 3, 1, 0), (4, 3, 1, 0), (7, 4, 2, 0), (10, 9, 1, 0), (Fraction(7, 2), 3, 1, -2),
        (6, 5, 4, 0), (3, 2, 0, -1)])
    def test_tft_collective_stability_exact(self, t, r, p, s):
        pd = ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s)
        cd = solvers.critical_discount(pd, [A.tit_for_tat()] * 2, kind="nash")
        want = max(Fraction(t - r) / (t - p), Fraction(t - r) / (r - s))
        assert type(cd.exact) is Fraction and cd.exact == want
        assert cd.feasible == ((float(want), 1.0),)
        assert cd.binding is not None and cd.binding[0] == ("C", "C")

    @given(mst.prisoners_dilemmas())
    @settings(max_examples=30, deadline=None)
    def test_tft_collective_stability_property(self, pd):
        t, r, p, s = pd.trps(0)
        assume(2 * r > t + s)  # Axelrod's PD: mutual cooperation beats alternating
        cd = solvers.critical_discount(pd, [A.tit_for_tat()] * 2, kind="nash")
        assert cd.exact == max(Fraction(t - r, t - p), Fraction(t - r, r - s))
        assert cd.feasible[-1][1] == 1.0

    @given(mst.prisoners_dilemmas())
    @settings(max_examples=30, deadline=None)
    def test_grim_nash_threshold_equals_spe(self, pd):
        t, r, p, _s = pd.trps(0)
        grim = [A.grim_trigger()] * 2
        nash = solvers.critical_discount(pd, grim, kind="nash")
        assert nash.exact == Fraction(t - r, t - p) == solvers.critical_discount(pd, grim).exact
        assert nash.feasible == ((float(nash.exact), 1.0),)

    def test_doc_example_and_types(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        tft = [A.tit_for_tat()] * 2
        cd = solvers.critical_discount(pd, tft, kind="nash")
        assert repr(cd) == "CriticalDiscount(2/3)" and cd.binding == (("C", "C"), 0, 1)
        fl = solvers.critical_discount(as_float_pd(pd), tft, kind="nash")
        assert fl.exact is None and isinstance(fl.delta, float)
        assert fl.delta == pytest.approx(2 / 3, abs=1e-7)
        alld = solvers.critical_discount(pd, [A.always_defect()] * 2, kind="nash")
        assert alld.exact == 0 and alld.feasible == ((0.0, 1.0),)
        wsls = solvers.critical_discount(pd, [A.win_stay_lose_shift()] * 2, kind="nash")
        assert not wsls.attainable and wsls.exact is None  # 2R < T + P: AllD exploits WSLS

    def test_irrational_threshold(self):
        # 3-period punishment: cooperate iff d + d^2 + d^3 >= (T - R)/(R - P) = 1
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, [A.k_period_punishment(3)] * 2, kind="nash")
        x = sympy.Symbol("x")
        assert sympy.simplify(cd.exact ** 3 + cd.exact ** 2 + cd.exact - 1) == 0
        assert cd.delta == pytest.approx(float(sympy.nsolve(x**3 + x**2 + x - 1, x, 0.5)))

    def test_noise_and_monitoring_error_exact(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        grim = [A.grim_trigger()] * 2
        for noise, mu in ((Fraction(1, 20), 0), (0, Fraction(1, 10)), (Fraction(1, 50),
                                                                          Fraction(1, 50))):
            cd = solvers.critical_discount(pd, grim, kind="nash", noise=noise,
                                           monitoring_error=mu)
            fl = solvers.critical_discount(as_float_pd(pd), grim, kind="nash",
                                           noise=float(noise), monitoring_error=float(mu))
            assert cd.exact is not None and fl.exact is None
            assert cd.attainable == fl.attainable
            for (a, b), (c, d) in zip(cd.feasible, fl.feasible, strict=True):
                assert a == pytest.approx(c, abs=1e-7) and b == pytest.approx(d, abs=1e-7)

    def test_symbolic(self):
        t, r, p, s = sympy.symbols("T R P S")
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        tft = solvers.critical_discount(pd, [A.tit_for_tat()] * 2, kind="nash", symbolic=True)
        assert sympy.simplify(tft.expression - (t - r) / (r - s)) == 0
        grim = solvers.critical_discount(pd, [A.grim_trigger()] * 2, kind="nash", symbolic=True)
        assert sympy.simplify(grim.expression - (t - r) / (t - p)) == 0
        # ALLD: a Nash equilibrium from delta = 0 on
        alld = solvers.critical_discount(pd, [A.always_defect()] * 2, kind="nash",
                                         symbolic=True)
        assert alld.expression == 0
        # with noise the indifference has a high degree: no formula, the number stays exact
        noisy = solvers.critical_discount(pd, [A.grim_trigger()] * 2, kind="nash",
                                          symbolic=True, noise=Fraction(1, 20))
        assert noisy.expression is None and type(noisy.exact) is Fraction
        with pytest.raises(errors.InvalidArgumentError, match="needs an exact game"):
            solvers.critical_discount(as_float_pd(pd), [A.tit_for_tat()] * 2, kind="nash",
                                      symbolic=True)

    @pytest.mark.parametrize("profile", [
        [A.tit_for_tat()] * 2, [A.grim_trigger()] * 2, [A.k_period_punishment(3)] * 2,
        [A.contrite_tit_for_tat()] * 2, [A.tit_for_tat(), A.grim_trigger()]])
    def test_check_flips_at_the_threshold(self, profile):
        # both directions: the Nash check fails just below the exact threshold, holds above
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, profile, kind="nash")
        assert cd.exact > 0
        below, above = cd.delta * (1 - 1e-6), cd.delta * (1 + 1e-6)
        assert not solvers.is_nash_equilibrium(ml.RepeatedGame(pd, below), profile).holds
        assert solvers.is_nash_equilibrium(ml.RepeatedGame(pd, above), profile).holds

    @given(integer_pds(), st.lists(small_automata(), min_size=2, max_size=2),
           st.sampled_from([0, Fraction(1, 20)]), st.sampled_from([0, Fraction(1, 10)]))
    @settings(max_examples=25, deadline=None)
    def test_exact_float_and_check_agree(self, pd, profile, noise, mu):
        # the exact set, the float path and the Nash check at deltas clear of the boundaries;
        # the check (and the float path) allow a gain up to tol: where the exact set excludes
        # delta but the check holds, its gain must be positive and within tol
        cd = solvers.critical_discount(pd, profile, kind="nash", noise=noise,
                                       monitoring_error=mu)
        fl = solvers.critical_discount(as_float_pd(pd), profile, kind="nash",
                                       noise=float(noise), monitoring_error=float(mu))
        assert cd.exact is not None or not cd.attainable
        bounds = [x for piece in cd.feasible + fl.feasible for x in piece]
        for d in np.linspace(0.01, 0.99, 25):
            if any(abs(d - x) < 1e-4 for x in bounds):
                continue
            check = solvers.is_nash_equilibrium(
                ml.RepeatedGame(pd, float(d), noise=float(noise), monitoring_error=float(mu)),
                profile)
            exact_in = any(lo <= d <= hi for lo, hi in cd.feasible)
            float_in = any(lo <= d <= hi for lo, hi in fl.feasible)
            assert float_in == check.holds
            assert exact_in == check.holds or (check.holds and check.max_gain > 0)

    @given(integer_pds(), st.lists(small_automata(), min_size=2, max_size=2))
    @settings(max_examples=25, deadline=None)
    def test_nash_set_contains_spe_set(self, pd, profile):
        spe = solvers.critical_discount(pd, profile)
        nash = solvers.critical_discount(pd, profile, kind="nash")
        if spe.attainable:
            assert nash.attainable and nash.delta <= spe.delta + 1e-12
            for lo, hi in spe.feasible:
                mid = (lo + hi) / 2
                assert any(a - 1e-12 <= mid <= b + 1e-12 for a, b in nash.feasible)


    def test_three_players(self):
        # a linear public good (each unit contributed returns 2/3 to everyone, costs 1):
        # grim trigger among three, deviating gains 1/3 once and loses 1 per round after
        pay = np.zeros((2, 2, 2, 3), dtype=object)
        for idx in np.ndindex(2, 2, 2):
            k = idx.count(0)
            for i in range(3):
                pay[(*idx, i)] = Fraction(2 * k, 3) - (idx[i] == 0)
        game = ml.NormalFormGame(pay)
        grim = A.Automaton([0, 1], [[[0, 1, 1, 1], [1, 1, 1, 1]], [[1, 1, 1, 1]] * 2])
        cd = solvers.critical_discount(game, [grim] * 3, kind="nash")
        assert cd.exact == Fraction(1, 4) == solvers.critical_discount(game, [grim] * 3).exact
        floats = ml.NormalFormGame(np.asarray(pay, dtype=float))
        assert solvers.critical_discount(floats, [grim] * 3, kind="nash").delta == (
            pytest.approx(0.25, abs=1e-7))

    def test_many_policies_fall_back_to_the_grid(self, monkeypatch):
        # beyond the enumeration limit the candidates are the grid's optimal policies
        from multilateral.solvers.repeated import _nash

        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        profile = [A.k_period_punishment(3), A.contrite_tit_for_tat()]
        full = solvers.critical_discount(pd, profile, kind="nash")
        enumerate_all = _nash.policies
        monkeypatch.setattr(_nash, "policies", lambda dev: enumerate_all(dev, limit=1))
        assert solvers.critical_discount(pd, profile, kind="nash") == full


class TestExactRoots:
    """The exact root machinery of the Nash threshold, on hand-made sign conditions."""

    def test_isolated_double_root(self):
        from multilateral.solvers.repeated._roots import feasible_set

        # (3 d - 1)^2 <= 0 only at d = 1/3
        found = feasible_set([[1, -6, 9]])
        assert found.low == Fraction(1, 3) and found.pieces == ((1 / 3, 1 / 3),)

    def test_shared_irrational_root(self):
        from multilateral.solvers.repeated._roots import feasible_set, poly_mul

        golden = [-1, 1, 1]  # d^2 + d - 1 <= 0 and -(d^2 + d - 1)(d + 2) <= 0: one point
        found = feasible_set([golden, [-c for c in poly_mul(golden, [2, 1])]])
        assert sympy.simplify(found.low - (sympy.sqrt(5) - 1) / 2) == 0
        assert found.pieces == ((pytest.approx(0.6180339887498949),) * 2,)

    def test_value_series(self):
        from multilateral.solvers.repeated._roots import series_fraction

        # start in state 0 of a chain that swaps states, paying 5 in state 0: 5 / (1 - d^2)
        one, zero = Fraction(1), Fraction(0)
        assert series_fraction([one, zero], [[zero, one], [one, zero]], [Fraction(5), zero]) == (
            [5], [1, 0, -1])



class TestIntegerAndFloatPayoffs:
    """The checks run in floats: integer payoffs must give exactly the float payoffs' verdicts."""

    @given(integer_pds(), st.lists(small_automata(), min_size=2, max_size=2),
           st.integers(1, 99), st.sampled_from([0, Fraction(1, 20)]))
    @settings(max_examples=60, deadline=None)
    def test_same_verdicts(self, pd, profile, percent, noise):
        exact = ml.RepeatedGame(pd, Fraction(percent, 100), noise=noise)
        floats = ml.RepeatedGame(as_float_pd(pd), percent / 100, noise=float(noise))
        for check in (solvers.is_subgame_perfect, solvers.is_nash_equilibrium):
            a, b = check(exact, profile), check(floats, profile)
            event(f"{a.kind}: {a.holds}")
            assert (a.holds, a.max_gain, a.worst, a.checked_states) == (
                b.holds, b.max_gain, b.worst, b.checked_states)
        spe = solvers.is_subgame_perfect(exact, profile)
        if spe.holds and spe.max_gain == 0:  # no deviation gains anything: Nash a fortiori
            assert solvers.is_nash_equilibrium(exact, profile).holds

    @given(integer_pds(), st.lists(small_automata(), min_size=2, max_size=2),
           st.integers(1, 99))
    @settings(max_examples=40, deadline=None)
    def test_agrees_with_exact_feasible_set(self, pd, profile, percent):
        cd = solvers.critical_discount(pd, profile)
        assert cd.exact is not None or not cd.attainable  # integer payoffs: the exact path
        d = percent / 100
        bounds = [x for piece in cd.feasible for x in piece]
        assume(all(abs(d - x) > 1e-3 for x in bounds))  # clear of the tolerance at each root
        inside = any(lo <= d <= hi for lo, hi in cd.feasible)
        event(f"subgame perfect: {inside}")
        for stage in (pd, as_float_pd(pd)):
            assert solvers.is_subgame_perfect(ml.RepeatedGame(stage, d), profile).holds == inside

class TestAutomata:
    def test_library(self):
        for aut in (A.always_cooperate(), A.always_defect(), A.tit_for_tat(),
                    A.suspicious_tit_for_tat(), A.grim_trigger(), A.win_stay_lose_shift(),
                    A.generous_tit_for_tat(), A.tit_for_two_tats(), A.k_period_punishment(3),
                    A.contrite_tit_for_tat(), A.alternator(), A.random_player()):
            assert aut.n_actions == 2 and aut.n_signals == 2
            assert np.allclose(aut.transition_matrix.sum(axis=-1), 1)

    @pytest.mark.parametrize(
        ("call", "error", "message"),
        [
            (lambda: A.Automaton([0, 1], [[[0, 1]], [[0, 1], [0, 1]]]), errors.InvalidArgumentError,
             "expected 1"),
            (lambda: A.Automaton([0, 1], [[[0, 1], [0, 1]]]), errors.InvalidArgumentError,
             "one table per state"),
            (lambda: A.Automaton([0], [[[0, 3], [0, 0]]]), errors.InvalidArgumentError,
             "unknown state 3"),
            (lambda: A.Automaton([0], [[[0, "X"], [0, 0]]]), errors.InvalidArgumentError,
             "unknown state 'X'"),
            (lambda: A.Automaton([0], [[[0, None], [0, 0]]]), errors.InvalidArgumentError,
             "missing transition"),
            (lambda: A.Automaton([0, 1], [[[[0.5, 0.4], 0], [0, 0]]] * 2),
             errors.InvalidProbabilityError, "sum to 1"),
            (lambda: A.Automaton([0], [[[0, 0], []]]), errors.InvalidArgumentError, "missing"),
            (lambda: A.generous_tit_for_tat(1.5), errors.InvalidProbabilityError, r"\[0, 1\]"),
            (lambda: A.k_period_punishment(0), errors.InvalidArgumentError, ">= 1"),
            (lambda: A.tit_for_tat().with_initial(5), errors.InvalidArgumentError, "initial"),
        ],
    )
    def test_bad_automata(self, call, error, message):
        with pytest.raises(error, match=message):
            call()


class TestBadInput:
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)

    @pytest.mark.parametrize("delta", [1, 1.0, -0.1, float("nan"), "0.5", True])
    def test_delta_out_of_range(self, delta):
        with pytest.raises(errors.InvalidArgumentError, match="delta"):
            ml.RepeatedGame(self.pd, delta)

    def test_noise_out_of_range(self):
        with pytest.raises(errors.InvalidArgumentError, match="noise"):
            ml.RepeatedGame(self.pd, 0.5, noise=1.2)

    def test_stage_must_be_a_game(self):
        with pytest.raises(errors.InvalidTypeError, match="NormalFormGame"):
            ml.RepeatedGame(np.eye(2), 0.5)

    def test_profile_must_fit(self):
        rg = ml.RepeatedGame(self.pd, 0.5)
        with pytest.raises(errors.InvalidArgumentError, match="one Automaton per player"):
            solvers.profile_values(rg, [A.tit_for_tat()])
        three = ml.NormalFormGame(np.zeros((3, 3)), np.zeros((3, 3)))
        with pytest.raises(errors.InvalidArgumentError, match="needs 3 and 3"):
            solvers.profile_values(ml.RepeatedGame(three, 0.5), [A.tit_for_tat()] * 2)
        with pytest.raises(errors.InvalidArgumentError, match="kind"):
            solvers.critical_discount(self.pd, [A.tit_for_tat()] * 2, kind="ppe")


def test_profile_values_follow_the_exactness_rule():
    # exact payoffs and an exact delta give Fractions; a float delta makes the answer float
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    profile = [A.tit_for_tat(), A.always_defect()]
    exact = solvers.profile_values(ml.RepeatedGame(pd, Fraction(9, 10)), profile)
    assert exact.exact == (Fraction(9, 10), Fraction(7, 5))
    floats = solvers.profile_values(ml.RepeatedGame(pd, 0.9), profile)
    assert floats.exact is None
    assert floats.values == pytest.approx([0.9, 1.4], abs=1e-12)


# -- the profile is checked first, by one validator (issue 12) -------------------------------
@pytest.mark.parametrize("name", ["critical_discount", "is_subgame_perfect",
                                  "is_nash_equilibrium", "profile_values"])
def test_a_single_automaton_is_not_a_profile(name):
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    game = pd if name == "critical_discount" else ml.RepeatedGame(pd, 0.9)
    solve = getattr(solvers, name)
    grim = A.grim_trigger()
    with pytest.raises(errors.InvalidTypeError, match=r"sequence of automata, one per player "
                       r"\(2\), got the single Automaton 'Grim Trigger'; .* \[automaton\] \* 2"):
        solve(game, grim)
    with pytest.raises(errors.InvalidTypeError, match="got str"):
        solve(game, "grim")
    with pytest.raises(errors.InvalidTypeError, match=r"profile\[0\] must be an Automaton"):
        solve(game, [None, grim])
    with pytest.raises(errors.InvalidArgumentError, match=r"one Automaton per player \(2\), "
                       "got 3"):
        solve(game, [grim] * 3)
    assert repr(solve(game, (grim, grim))) == repr(solve(game, [grim, grim]))  # any sequence


def test_profile_values_needs_a_repeated_game():
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    with pytest.raises(errors.InvalidTypeError, match=r"expected a RepeatedGame, got TwoByTwo; "
                       r"wrap a stage game as ml.RepeatedGame\(stage, delta\)"):
        solvers.profile_values(pd, [A.grim_trigger()] * 2)


# -- issue 13: factored chains, exact thresholds by integer polynomials, many players ---------
def punishment(k, n_actions=2, n_players=2):
    """k-period punishment for any stage game (the library's automaton)."""
    return A.k_period_punishment(k, n_actions=n_actions, n=n_players)


def three_action_game():
    """A symmetric 3x3 game: cooperating (0) pays 4 each, the best reply to it 6 (action 2),
    mutual punishment (2, 2) 1, and deviating from punishment only loses."""
    a = [[4, 1, 0], [5, 2, -1], [6, 3, 1]]
    return ml.NormalFormGame([[[a[x][y], a[y][x]] for y in range(3)] for x in range(3)])


def public_good(n, floats=False):
    """n players contribute (0) or not (1); each contribution returns 2 to everyone and costs
    n (payoffs scaled by n): all contribute n each, a free rider gains n - 2 once."""
    pay = np.zeros((2,) * n + (n,), dtype=float if floats else np.int64)
    for prof in np.ndindex(*(2,) * n):
        total = prof.count(0)
        for i in range(n):
            pay[(*prof, i)] = 2 * total - n * (prof[i] == 0)
    return ml.NormalFormGame(pay)


def random_automaton(rng, n_states, n_signals):
    actions = [int(a) for a in rng.integers(0, 2, n_states)]
    actions[:2] = [0, 1]
    return A.Automaton(actions, rng.integers(0, n_states, (n_states, 2, n_signals)).tolist())


def exact_gains(stage, profile, delta, noise=0):
    """Every one-shot deviation gain at the rational ``delta``, in Fractions, from the dense
    chain (the definition, independent of the polynomial path)."""
    from multilateral._numeric import solve_exact
    from multilateral.solvers.repeated._chain import build_chain
    from multilateral.solvers.repeated._sparse import history_reachable

    chain = build_chain(ml.RepeatedGame(stage, 0, noise=noise), profile)
    assert chain.exact
    u, trans = chain.step(chain.outcome)
    size = len(chain.labels)
    mat = [[int(r == c) - delta * trans[r, c] for c in range(size)] for r in range(size)]
    vals = np.array([solve_exact(mat, [(1 - delta) * x for x in u[:, i]])
                     for i in range(u.shape[1])], dtype=object).T
    states = np.flatnonzero(history_reachable(chain))
    out = []
    for i, m in enumerate(chain.shape):
        for a in range(m):
            ud, td = chain.step(chain.deviation_outcome(i, a))
            for s in states:
                if chain.intended[s, i] != a:
                    dev = (1 - delta) * ud[s, i] + delta * (td[s] @ vals[:, i])
                    out.append(dev - vals[s, i])
    return out


# The answers of the replaced path (sympy LUsolve and mpmath sign tests), recorded by running
# these cases on `git archive d2604ec src/multilateral` (PYTHONPATH on the exported tree):
# the exact threshold and the feasible set.
OLD_PATH = {
    "grim": ("1/2", ((0.5, 1.0),)),
    "tft 4310": ("1/3", ((1 / 3, 1 / 3),)),
    "wsls": ("None", ()),
    "kpp2": ("-1/2 + sqrt(5)/2", ((0.6180339887498949, 1.0),)),
    "kpp3 7420": ("CRootOf(2*x**3 + 2*x**2 + 2*x - 3, 0)", ((0.6914139797817368, 1.0),)),
    "ctft": ("2/3", ((2 / 3, 1.0),)),
    "grim noise": ("5200/9253", ((0.561979898411326, 1.0),)),
    "wsls noise": ("None", ()),
    "grim monitoring": ("2500/4753", ((0.5259835893120135, 1.0),)),
    "kpp 3-action k2": ("-1/2 + sqrt(33)/6", ((0.4574271077563381, 1.0),)),
    "kpp 3-action k3": ("CRootOf(3*x**3 + 3*x**2 + 3*x - 2, 0)", ((0.4183845911314425, 1.0),)),
    "kpp 3 players k2": ("-1/2 + sqrt(21)/6", ((0.2637626158259733, 1.0),)),
    "mixed kpp 3 players": ("None", ()),
    "kpp 4 players k1": ("1/2", ((0.5, 1.0),)),
}


def old_path_case(name):
    pd, pd2 = (ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
               ml.TwoByTwo.symmetric(T=7, R=4, P=2, S=0))
    return {
        "grim": (pd, [A.grim_trigger()] * 2, {}),
        "tft 4310": (ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=0), [A.tit_for_tat()] * 2, {}),
        "wsls": (pd, [A.win_stay_lose_shift()] * 2, {}),
        "kpp2": (pd, [A.k_period_punishment(2)] * 2, {}),
        "kpp3 7420": (pd2, [A.k_period_punishment(3)] * 2, {}),
        "ctft": (pd, [A.contrite_tit_for_tat()] * 2, {}),
        "grim noise": (pd, [A.grim_trigger()] * 2, {"noise": Fraction(1, 20)}),
        "wsls noise": (pd2, [A.win_stay_lose_shift()] * 2, {"noise": Fraction(1, 20)}),
        "grim monitoring": (pd, [A.grim_trigger()] * 2, {"monitoring_error": Fraction(1, 50)}),
        "kpp 3-action k2": (three_action_game(), [punishment(2, 3)] * 2, {}),
        "kpp 3-action k3": (three_action_game(), [punishment(3, 3)] * 2, {}),
        "kpp 3 players k2": (public_good(3), [punishment(2, 2, 3)] * 3, {}),
        "mixed kpp 3 players": (public_good(3), [punishment(1, 2, 3), punishment(2, 2, 3),
                                                 punishment(1, 2, 3)], {}),
        "kpp 4 players k1": (public_good(4), [punishment(1, 2, 4)] * 4, {}),
    }[name]


class TestIssue13:
    @pytest.mark.parametrize("name", sorted(OLD_PATH))
    def test_same_answers_as_the_old_path(self, name):
        stage, profile, kw = old_path_case(name)
        cd = solvers.critical_discount(stage, profile, **kw)
        exact, feasible = OLD_PATH[name]
        assert str(cd.exact) == exact
        assert len(cd.feasible) == len(feasible)
        flat = [x for piece in feasible for x in piece]
        assert [x for piece in cd.feasible for x in piece] == pytest.approx(flat, abs=1e-15)

    @given(k=st.integers(1, 5), m=st.integers(2, 4), n=st.integers(2, 4), data=st.data())
    def test_general_punishment_follows_its_definition(self, k, m, n, data):
        """Cooperate with action 0; any departure (anyone off the path, the automaton itself
        included) starts k rounds of the last action; only everyone punishing moves them on."""
        auto = A.k_period_punishment(k, n_actions=m, n=n)
        step = auto.transition_matrix.argmax(axis=-1)  # deterministic
        state, phase = 0, 0  # phase: rounds of punishment left to play after this one
        for _ in range(12):
            own = data.draw(st.integers(0, m - 1))
            others = tuple(data.draw(st.integers(0, m - 1)) for _ in range(n - 1))
            signal = int(np.ravel_multi_index(others, (m,) * (n - 1))) if others else 0
            expected_action = 0 if phase == 0 else m - 1
            assert auto.actions[state] == expected_action
            on_path = own == expected_action and all(o == expected_action for o in others)
            phase = (phase - 1 if phase > 0 else 0) if on_path else k
            state = int(step[state, own, signal])
            assert state == (0 if phase == 0 else k - phase + 1)
        assert A.k_period_punishment(k) == A.k_period_punishment(k, n_actions=2, n=2)

    @pytest.mark.parametrize("k", range(1, 11))
    @pytest.mark.parametrize("actions", [2, 3])
    def test_k_period_punishment_closed_form(self, k, actions):
        # (1 - d) gain <= (d + ... + d^k)(1 - d) loss: sum_(t=1..k) d^t = gain / loss, with
        # gain T - R = 1 and loss R - P = 2 (PD 4, 3, 1, 0) or 6 - 4 = 2 and 4 - 1 = 3
        stage = ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=0) if actions == 2 else (
            three_action_game())
        target = Fraction(1, 2) if actions == 2 else Fraction(2, 3)
        cd = solvers.critical_discount(stage, [punishment(k, actions)] * 2)
        x = cd.exact if isinstance(cd.exact, Fraction) else sympy.N(cd.exact, 50)
        assert abs(sum(x**t for t in range(1, k + 1)) - target) < 1e-40
        assert cd.feasible == ((pytest.approx(cd.delta), 1.0),)
        assert cd.binding[1:] == (0, actions - 1)

    @pytest.mark.parametrize(("n", "k"), [(3, 1), (3, 4), (4, 2), (4, 5)])
    def test_n_player_punishment_closed_form(self, n, k):
        # free riding gains n - 2 once and loses n per round of punishment
        game = public_good(n)
        profile = [punishment(k, 2, n)] * n
        cd = solvers.critical_discount(game, profile)
        x = cd.exact if isinstance(cd.exact, Fraction) else sympy.N(cd.exact, 50)
        assert abs(sum(x**t for t in range(1, k + 1)) - Fraction(n - 2, n)) < 1e-40
        fl = solvers.critical_discount(public_good(n, floats=True), profile)
        assert fl.delta == pytest.approx(cd.delta, abs=1e-7)  # floats: gains up to tol pass
        for d, holds in ((cd.delta * (1 - 1e-6), False), (cd.delta * (1 + 1e-6), True)):
            assert solvers.is_subgame_perfect(ml.RepeatedGame(game, d), profile).holds == holds

    @given(integer_pds(), st.lists(small_automata(), min_size=2, max_size=2),
           st.sampled_from([0, Fraction(1, 20)]), st.integers(1, 49))
    @settings(max_examples=30, deadline=None)
    def test_exact_set_is_where_every_exact_gain_is_at_most_zero(self, pd, profile, noise, k):
        # the feasible set against the definition, in Fractions, at a rational delta
        delta = Fraction(k, 50)
        cd = solvers.critical_discount(pd, profile, noise=noise)
        bounds = [x for piece in cd.feasible for x in piece]
        assume(all(abs(float(delta) - x) > 1e-12 for x in bounds))
        inside = any(lo <= delta <= hi for lo, hi in cd.feasible)
        event(f"feasible: {inside}")
        assert inside == all(g <= 0 for g in exact_gains(pd, profile, delta, noise))

    @given(st.integers(0, 2**32 - 1), st.integers(1, 49))
    @settings(max_examples=12, deadline=None)
    def test_three_players_against_the_definition(self, seed, k):
        # random 2-state automata of three players on the public good
        rng = np.random.default_rng(seed)
        profile = [random_automaton(rng, 2, 4) for _ in range(3)]
        game = public_good(3)
        delta = Fraction(k, 50)
        gains = exact_gains(game, profile, delta)
        cd = solvers.critical_discount(game, profile)
        assume(all(abs(float(delta) - x) > 1e-12 for p in cd.feasible for x in p))
        assert any(lo <= delta <= hi for lo, hi in cd.feasible) == all(g <= 0 for g in gains)
        check = solvers.is_subgame_perfect(ml.RepeatedGame(game, float(delta)), profile)
        assert check.max_gain == pytest.approx(max(0, max(float(g) for g in gains)), abs=1e-9)

    def test_four_players_without_a_dense_table(self):
        # 10-state automata: 10,000 joint states, 9,493 reached; the dense table of moves
        # needed 16 x 10^8 floats (12.8 GB); the check now stays far below 1 GB
        import tracemalloc

        rng = np.random.default_rng(0)
        profile = [random_automaton(rng, 10, 8) for _ in range(4)]
        tracemalloc.start()
        check = solvers.is_subgame_perfect(ml.RepeatedGame(public_good(4), 0.9), profile)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert check.checked_states == 9493 and not check.holds
        assert peak < 300e6

    def test_profile_values_float_delta_with_integer_stage_games(self):
        # integer stage games, float delta: float values (the exact ones, rounded)
        for stage, profile in ((public_good(3), [punishment(2, 2, 3)] * 3),
                               (three_action_game(), [punishment(2, 3)] * 2)):
            for noise in (0, Fraction(1, 20)):
                floats = solvers.profile_values(ml.RepeatedGame(stage, 0.9, noise=noise),
                                                profile)
                exact = solvers.profile_values(
                    ml.RepeatedGame(stage, Fraction(9, 10), noise=noise), profile)
                assert floats.exact is None and exact.exact is not None
                assert floats.values == pytest.approx([float(v) for v in exact.exact],
                                                      abs=1e-12)

    @pytest.mark.parametrize("profile", [
        [A.generous_tit_for_tat(Fraction(1, 4))] * 2,
        [A.generous_tit_for_tat(Fraction(1, 4)), A.grim_trigger()],
        [A.random_player(Fraction(1, 2)), A.tit_for_tat()]])
    def test_mixed_automata_against_the_definition(self, profile):
        # mixed transitions (dyadic, so exact) take the Fraction path of the recurrence
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        cd = solvers.critical_discount(pd, profile, noise=Fraction(1, 50))
        for k in range(1, 20):
            delta = Fraction(k, 20)
            if any(abs(float(delta) - x) < 1e-12 for p in cd.feasible for x in p):
                continue
            inside = any(lo <= delta <= hi for lo, hi in cd.feasible)
            assert inside == all(g <= 0 for g in exact_gains(pd, profile, delta,
                                                             Fraction(1, 50)))

    def test_exact_root_of_a_large_polynomial(self):
        # noise makes every joint state reachable and the constraints of high degree with
        # huge coefficients: the threshold's isolating interval is far narrower than 1e-40
        # (it used to be matched against 40-digit values: "lost a root" with k = 4)
        profile = [punishment(4, 2, 3)] * 3
        cd = solvers.critical_discount(public_good(3), profile, noise=Fraction(1, 100))
        fl = solvers.critical_discount(public_good(3, floats=True), profile, noise=0.01)
        assert cd.exact is not None and cd.delta == pytest.approx(fl.delta, abs=1e-7)
        for d, holds in ((cd.delta * 0.999, False), (cd.delta * 1.001, True)):
            game = ml.RepeatedGame(public_good(3), d, noise=0.01)
            assert solvers.is_subgame_perfect(game, profile).holds == holds


# -- review of issue 13 (repeated solvers): adversarial cases against the definition -----------
@pytest.mark.parametrize("rate", ["noise", "monitoring_error"])
def test_exact_threshold_with_error_rates_below_the_float_range(rate):
    # an error rate of 1e-400 is 0.0 as a float: the exact path took the sparsity pattern of
    # its constraints from float weights and dropped those moves (a threshold off by ~1e-400,
    # where the gain in Fractions is not 0); the exact gain at the threshold must be exactly 0
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    profile = [A.grim_trigger()] * 2
    eps = Fraction(1, 10**400)
    cd = solvers.critical_discount(pd, profile, **{rate: eps})
    assert isinstance(cd.exact, Fraction)
    from multilateral._numeric import solve_exact
    from multilateral.solvers.repeated._chain import build_chain

    chain = build_chain(ml.RepeatedGame(pd, 0, **{rate: eps}), profile)
    u, trans = chain.step(chain.outcome)
    d = cd.exact
    mat = [[int(r == c) - d * trans[r, c] for c in range(4)] for r in range(4)]
    vals = solve_exact(mat, [(1 - d) * x for x in u[:, 0]])
    ud, td = chain.step(chain.deviation_outcome(0, 1))
    # grim's joint states move together: (C, C) and (D, D) are the ones some history reaches
    gains = [(1 - d) * ud[s, 0] + d * (td[s] @ np.array(vals, dtype=object)) - vals[s]
             for s in (0, 3) if chain.intended[s, 0] != 1]
    assert chain.labels[0] == ("C", "C") and gains == [0]


@pytest.mark.parametrize("kind", ["spe", "nash"])
def test_float_threshold_above_the_last_grid_point(kind):
    # grim trigger with T = 10**6, R = 1, P = 0: (T - R)/(T - P) = 0.999999, above the last of
    # 2001 equally spaced points (0.9995). The float path used to report never (a wrong answer:
    # the grid stopped there because nearer 1 every gain, (1 - delta) times its size, fell
    # under tol); it now adds the binary values' exact feasible set, and without errors finds
    # the same threshold as the exact path
    exact = solvers.critical_discount(ml.TwoByTwo.symmetric(T=10**6, R=1, P=0, S=-1),
                                      [A.grim_trigger()] * 2, kind=kind)
    assert exact.exact == Fraction(999999, 10**6)
    fl = solvers.critical_discount(ml.TwoByTwo.symmetric(T=1e6, R=1.0, P=0.0, S=-1.0),
                                   [A.grim_trigger()] * 2, kind=kind)
    assert fl.attainable and fl.exact is None
    assert fl.delta == pytest.approx(0.999999, abs=THRESHOLD_MATCH)
    assert fl.feasible == ((pytest.approx(0.999999, abs=THRESHOLD_MATCH), 1.0),)
    wsls = solvers.critical_discount(ml.TwoByTwo.symmetric(T=7.0, R=4.0, P=2.0, S=0.0),
                                     [A.win_stay_lose_shift()] * 2, kind=kind, noise=0.05)
    assert not wsls.attainable  # never, exactly (OLD_PATH "wsls noise"): no spurious piece


def _reachable_by_definition(profile, shape):
    """Joint states some history reaches: breadth first from the initial support over every
    action profile anyone may play (deviations by one player or several, as in the
    documented notion), read off the automata directly (not the library's chain)."""
    n = len(profile)
    start = [tuple(s) for s in np.ndindex(*(a.n_states for a in profile))
             if all(profile[i].initial[s[i]] > 0 for i in range(n))]
    seen, frontier = set(start), list(start)
    while frontier:
        nxt = []
        for s in frontier:
            for prof in np.ndindex(*shape):
                choices = []
                for i, aut in enumerate(profile):
                    others = tuple(prof[j] for j in range(n) if j != i)
                    o = int(np.ravel_multi_index(others, tuple(shape[j] for j in range(n)
                                                               if j != i)))
                    choices.append(np.flatnonzero(aut.transition_matrix[s[i], prof[i], o]))
                for t in itertools.product(*choices):
                    t = tuple(int(x) for x in t)
                    if t not in seen:
                        seen.add(t)
                        nxt.append(t)
        frontier = nxt
    return seen


@given(st.lists(small_automata(), min_size=2, max_size=2), st.integers(0, 2**32 - 1),
       st.integers(0, 2), st.booleans())
@settings(max_examples=40, deadline=None)
def test_checked_states_are_the_history_reachable_ones(pair, seed, start, three):
    # subgame perfection checks every joint state some history reaches, off-path states
    # reached by deviations included; the count and the set match the definition above
    # (two players: small automata; three: random 3-state automata, 4 observations)
    rng = np.random.default_rng(seed)
    profile = [random_automaton(rng, 3, 4) for _ in range(3)] if three else pair
    profile = [a.with_initial(min(start, a.n_states - 1)) for a in profile]
    n = len(profile)
    stage = public_good(n) if n > 2 else ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    from multilateral.solvers.repeated._chain import build_chain
    from multilateral.solvers.repeated._sparse import history_reachable

    expected = _reachable_by_definition(profile, stage.shape)
    chain = build_chain(ml.RepeatedGame(stage, 0), profile, exact=False)
    found = history_reachable(chain)
    joint = list(np.ndindex(*(a.n_states for a in profile)))
    assert {joint[k] for k in np.flatnonzero(found)} == expected
    check = solvers.is_subgame_perfect(ml.RepeatedGame(stage, 0.5, noise=0.01), profile)
    assert check.checked_states == len(expected)
