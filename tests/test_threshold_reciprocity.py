"""Tests of ThresholdReciprocity: Boyd and Richerson's (1988) TFT_a against ALLD in groups of n.

What is reproduced (see the docstring of multilateral.models.reciprocity.threshold_reciprocity):

* the payoffs, by playing the repeated n-person prisoner's dilemma round by round;
* the closed form of the invasion threshold of TFT_(n-1), ``K^(1/(n-1))``, against the root the
  library's anonymous-game solver isolates, and the replicator solver's trajectories on both
  sides of it (solvers cross-check);
* Axelrod and Hamilton (1981, p. 1393) for n = 2: TFT is stable against ALLD iff
  ``w >= (T - R) / (T - P)``, and the 2x2 invasion threshold;
* Joshi (1987, abstract, p. 69), the same model: only the strictest reciprocator can go to
  fixation, the lenient ones are invaded by defectors yet can coexist stably with them above a
  threshold, and the threshold rises with the group size;
* Boyd and Richerson (1988, abstract, p. 337): the basin of attraction of reciprocity shrinks as
  n grows, and at any fixed frequency of reciprocators the continuation probability needed
  tends to 1 (hypothesis properties over a class of exact parameter sets);
* Kurokawa and Ihara (2009, Fig. 1), qualitatively: stability harder with n at fixed b/c,
  easier at fixed b/(nc);
* independently of the payoff table: Monte Carlo of random groups played round by round.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import InvalidArgumentError, InvalidProbabilityError, InvalidTypeError

TR = ml.models.ThresholdReciprocity
W = Fraction(9, 10)


def _play(n: int, a: int, reciprocators: int, b: Fraction, c: Fraction, rounds: int = 4
          ) -> tuple[list[Fraction], list[Fraction]]:
    """Per-round payoffs to a reciprocator and to a defector in a group with
    ``reciprocators`` TFT_a members (the rest ALLD), played round by round."""
    coop = [True] * reciprocators + [False] * (n - reciprocators)
    is_tft = list(coop)
    tft_pay, alld_pay = [], []
    for _ in range(rounds):
        i = sum(coop)
        tft_pay.append(b * i / n - c * coop[0] if reciprocators else Fraction(0))
        alld_pay.append(b * i / n if reciprocators < n else Fraction(0))
        coop = [is_tft[k] and sum(coop) - coop[k] >= a for k in range(n)]
    return tft_pay, alld_pay


class TestPayoffs:
    @pytest.mark.parametrize(("n", "a"), [(2, 1), (3, 1), (3, 2), (5, 2), (5, 4), (4, 0)])
    def test_game_matches_round_by_round_play(self, n: int, a: int) -> None:
        b, c = Fraction(3), Fraction(2)
        m = TR(n, a, benefit=b, cost=c, delta=W)
        g = m.game
        for j in range(n):
            # a reciprocator with j reciprocating partners
            tft, _ = _play(n, a, j + 1, b, c)
            assert tft[2] == tft[1] == tft[3]   # from round 2 on the state is absorbing
            assert g.cooperator[j] == tft[0] + tft[1] * W / (1 - W)
            # a defector with j reciprocating partners
            _, alld = _play(n, a, j, b, c)
            assert alld[2] == alld[1]
            assert g.defector[j] == alld[0] + alld[1] * W / (1 - W)

    def test_fitness_is_the_binomial_average_and_the_games_gain(self) -> None:
        m = TR(6, 3, benefit=5, cost=3, delta=Fraction(19, 20))
        p = Fraction(2, 7)
        tft, alld = m.fitness(p)
        weights = [math.comb(5, j) * p**j * (1 - p) ** (5 - j) for j in range(6)]
        assert tft == sum(w * v for w, v in zip(weights, m.game.cooperator, strict=True))
        assert alld == sum(w * v for w, v in zip(weights, m.game.defector, strict=True))
        assert isinstance(m.gain(p), Fraction)
        assert float(m.gain(p)) == pytest.approx(float(m.game.gain_function(float(p))))

    def test_one_shot_always_costs_c_minus_b_over_n(self) -> None:
        for a in range(5):
            assert TR(5, a, benefit=3, cost=2, delta=0).gain(Fraction(1, 3)) == Fraction(-7, 5)


def _monte_carlo(n: int, a: int, b: float, c: float, w: float, p: float, groups: int,
                 seed: int, counts_itself: bool = False) -> tuple[float, float, float, float]:
    """Random groups (each member a reciprocator with probability p), a random number of
    rounds (another with probability w), played round by round; member 0's payoff by its type,
    with the standard errors of both means."""
    rng = np.random.default_rng(seed)
    types = rng.random((groups, n)) < p
    coop = types.copy()
    total = np.zeros((groups, n))
    alive = np.ones(groups, dtype=bool)
    while alive.any():
        i = coop.sum(axis=1, keepdims=True)
        total[alive] += (b * i / n - c * coop)[alive]
        seen = i if counts_itself else i - coop  # at least a of the *others* cooperated
        coop = types & (seen >= a)
        alive &= rng.random(groups) < w
    tft, alld = total[types[:, 0], 0], total[~types[:, 0], 0]
    return (tft.mean(), alld.mean(), tft.std() / math.sqrt(tft.size),
            alld.std() / math.sqrt(alld.size))


class TestMonteCarlo:
    @pytest.mark.parametrize(("n", "a", "p"), [(3, 2, 0.5), (5, 4, 0.7), (5, 2, 0.5),
                                               (4, 1, 0.3), (6, 0, 0.5)])
    def test_fitness_is_what_random_groups_earn(self, n: int, a: int, p: float) -> None:
        # independent of the payoff table: no absorbing-state argument, no L = 1/(1 - w), no
        # binomial sum; just groups drawn at random and played until the game stops
        tft, alld, se_tft, se_alld = _monte_carlo(n, a, 3.0, 2.0, 0.75, p, 20_000, seed=n + a)
        want = TR(n, a, benefit=3.0, cost=2.0, delta=0.75).fitness(p)
        assert abs(tft - want[0]) < 4 * se_tft
        assert abs(alld - want[1]) < 4 * se_alld

    def test_a_wrong_reading_is_detected(self) -> None:
        # the simulation can tell readings apart: a reciprocator that counted itself among
        # the cooperators would keep cooperating with fewer partners, and earn something else
        want = TR(4, 2, benefit=3.0, cost=2.0, delta=0.75).fitness(0.5)
        tft, alld, se_tft, se_alld = _monte_carlo(4, 2, 3.0, 2.0, 0.75, 0.5, 20_000, seed=3,
                                                  counts_itself=True)
        assert abs(tft - want[0]) > 10 * se_tft and abs(alld - want[1]) > 10 * se_alld


class TestClosedFormAgainstSolvers:
    @pytest.mark.parametrize("n", range(2, 9))
    def test_invasion_threshold_is_the_solvers_root(self, n: int) -> None:
        m = TR(n, n - 1, benefit=3, cost=2, delta=W)
        k = (2 - Fraction(3, n)) * (1 - W) / (W * 1)
        closed = m.basin().exact
        assert sympy.simplify(closed - sympy.Rational(k.numerator, k.denominator)
                              ** sympy.Rational(1, n - 1)) == 0
        interior = [e for e in ml.solvers.symmetric_equilibria(m.game) if 0 < e.probability < 1]
        assert len(interior) == 1 and not interior[0].stable
        assert sympy.simplify(sympy.sympify(interior[0].exact) - closed) == 0
        rest = ml.solvers.rest_points(m.game)
        assert [p.stability for p in rest] == ["stable", "unstable", "stable"]

    @pytest.mark.parametrize(("n", "w"), [(3, W), (6, W), (10, Fraction(99, 100))])
    def test_replicator_goes_to_the_side_the_closed_form_predicts(self, n: int, w: Fraction
                                                                  ) -> None:
        m = TR(n, n - 1, benefit=3, cost=2, delta=w)
        star = m.basin().boundary
        up = ml.solvers.replicator(m.game, min(star + 0.02, 1.0), 400).final[0]
        down = ml.solvers.replicator(m.game, star - 0.02, 400).final[0]
        assert up > 0.999 and down < 0.001

    def test_lenient_reciprocators_coexist_stably_with_defectors(self) -> None:
        # Joshi (1987, p. 69): a lenient TFT is invaded by D but, above a threshold, coexists
        # stably with it; the replicator solver settles on the stable mix.
        m = TR(3, 1, benefit=2, cost=1, delta=W)
        basin = m.basin()
        assert not m.is_ess()
        assert basin.attractor is not None and 0 < basin.attractor < 1
        stable = [e for e in m.rest_points() if e.stable and 0 < e.probability < 1]
        assert [e.probability for e in stable] == [basin.attractor]
        final = ml.solvers.replicator(m.game, basin.boundary + 0.05, 400).final[0]
        assert final == pytest.approx(basin.attractor, abs=1e-6)
        assert ml.solvers.replicator(m.game, basin.boundary - 0.02, 400).final[0] < 1e-3

    @pytest.mark.parametrize("n", [3, 5, 8])
    def test_finite_population_solvers_agree(self, n: int) -> None:
        # the finite-population fitness (hypergeometric groups, finite_game) changes sign
        # within a few 1/Z of the closed form's p*, and the fixation probability of one
        # reciprocator among defectors falls with the group size (fixation_probability)
        m = TR(n, n - 1, benefit=3, cost=2, delta=W)
        z = 400
        k = np.arange(1, z)
        fit = ml.solvers.finite_game(m.game, z, None).fitness(np.column_stack([k, z - k]))
        crossing = k[np.argmax(fit[:, 0] > fit[:, 1])] / z
        assert abs(crossing - m.basin().boundary) < 3 / z
        rho = [ml.solvers.fixation_probability(m.with_(n=s, threshold=s - 1).game, 0, 1, 60,
                                               beta=Fraction(1, 10)) for s in (n, n + 1)]
        assert rho[1] < rho[0] < Fraction(1, 60)

    def test_fixation_probability_by_hand(self) -> None:
        # the pairwise-comparison fixation probability of one TFT_(n-1) among ALLD, written out
        # (groups drawn without replacement from the other Z - 1, Karlin-Taylor sum), against
        # the library's solver on model.game
        def hypergeom(reciprocators: int) -> np.ndarray:    # partners among the other z - 1
            return np.array([math.comb(reciprocators, k)
                             * math.comb(z - 1 - reciprocators, n - 1 - k)
                             / math.comb(z - 1, n - 1) for k in range(n)])

        n, z, beta = 4, 40, 0.1
        m = TR(n, n - 1, benefit=3, cost=2, delta=W)
        vt = np.array([float(v) for v in m.game.cooperator])
        vd = np.array([float(v) for v in m.game.defector])
        total, log_ratio = 0.0, 0.0
        for x in range(1, z):
            f_tft = hypergeom(x - 1) @ vt
            f_alld = hypergeom(x) @ vd
            log_ratio -= beta * (f_tft - f_alld)
            total += math.exp(log_ratio)
        solver = ml.solvers.fixation_probability(m.game, 0, 1, z, beta=beta)
        assert float(solver) == pytest.approx(1 / (1 + total), rel=1e-9)

    def test_general_threshold_path_agrees_with_closed_form(self) -> None:
        # the solver path (used for a < n - 1) on a = n - 1 gives the closed form's boundary
        m = TR(5, 4, benefit=5, cost=3, delta=Fraction(19, 20))
        points = [e for e in m.rest_points() if 0 < e.probability < 1]
        assert points[0].probability == pytest.approx(m.basin().boundary, abs=1e-12)

    def test_float_model_gives_floats_and_agrees(self) -> None:
        exact = TR(7, 6, benefit=3, cost=2, delta=W).basin()
        approx = TR(7, 6, benefit=3.0, cost=2.0, delta=0.9).basin()
        assert approx.exact is None and isinstance(approx.boundary, float)
        assert approx.boundary == pytest.approx(exact.boundary, rel=1e-12)
        lenient = TR(3, 1, benefit=2.0, cost=1.0, delta=0.9).basin()
        assert lenient.boundary == pytest.approx(TR(3, 1, benefit=2, cost=1, delta=W)
                                                 .basin().boundary, rel=1e-9)


class TestPublishedResults:
    @pytest.mark.parametrize(("b", "c"), [(3, 2), (5, 3), (Fraction(7, 2), 2)])
    def test_axelrod_hamilton_for_pairs(self, b: int, c: int) -> None:
        # n = 2: T = B/2, R = B - C, P = 0, S = B/2 - C; TFT resists ALLD iff w >= (T-R)/(T-P)
        t, r, p, s = Fraction(b, 2), Fraction(b) - c, Fraction(0), Fraction(b, 2) - c
        m = TR(2, 1, benefit=b, cost=c, delta=W)
        assert m.critical_discount().exact == (t - r) / (t - p)
        # 2x2 invasion threshold of TFT against ALLD with continuation w
        a11, a12 = r / (1 - W), s + W * p / (1 - W)
        a21, a22 = t + W * p / (1 - W), p / (1 - W)
        assert m.basin().exact == (a22 - a12) / (a11 - a21 - a12 + a22)

    @pytest.mark.parametrize("n", [3, 4, 6, 9])
    def test_only_the_strictest_reciprocator_is_stable(self, n: int) -> None:
        # Joshi (1987, p. 69); Boyd and Richerson (1988): lenient TFT_a, a < n - 1, feed a
        # lone defector for ever; TFT_(n-1) resists it iff w >= (nC - B)/((n - 1) B)
        for a in range(n - 1):
            assert not TR(n, a, delta=Fraction(999, 1000)).is_ess()
            assert not TR(n, a).critical_discount().attainable
        m = TR(n, n - 1, benefit=3, cost=2)
        assert m.critical_discount().exact == Fraction(n * 2 - 3, (n - 1) * 3)

    def test_the_threshold_rises_with_n_towards_one(self) -> None:
        boundaries = [TR(n, n - 1, benefit=3, cost=2, delta=W).basin().boundary
                      for n in (2, 3, 5, 10, 20, 50, 100)]
        assert all(np.diff(boundaries) > 0)
        assert boundaries[-1] > 0.97
        # and a longer shadow of the future is needed to keep it open
        wide = [TR(n, n - 1, benefit=3, cost=2, delta=Fraction(999, 1000)).basin().boundary
                for n in (10, 100)]
        assert wide[0] < boundaries[3] and wide[1] < boundaries[-1]

    @settings(deadline=None)
    @given(n=st.integers(2, 25), b=st.integers(2, 12), t=st.integers(1, 23),
           w=st.integers(1, 99))
    def test_basin_shrinks_as_the_group_grows(self, n: int, b: int, t: int, w: int) -> None:
        # Boyd and Richerson (1988, p. 337), over a class: every B, C with B/n < C < B, every w
        c = Fraction(b, n) + (b - Fraction(b, n)) * Fraction(t, 24)
        m = TR(n, n - 1, benefit=b, cost=c, delta=Fraction(w, 100))
        bigger = m.with_(n=n + 1, threshold=n)
        small, large = m.basin(), bigger.basin()
        if small.basin == 0:
            assert large.basin == 0
        else:
            assert bool(sympy.sympify(large.basin_exact) < sympy.sympify(small.basin_exact))
        half = Fraction(1, 2)
        assert bigger.critical_discount(half).exact > m.critical_discount(half).exact

    def test_needed_continuation_tends_to_one(self) -> None:
        needed = [TR(n, n - 1, benefit=3, cost=2).critical_discount(Fraction(1, 2)).exact
                  for n in (2, 5, 10, 20)]
        assert needed == sorted(needed) and 1 - needed[-1] < Fraction(1, 10**5)


class TestEdgesAndQualifications:
    def test_at_the_critical_delta_reciprocators_are_not_stable(self) -> None:
        # n = 3, B = 3, C = 2: (nC - B)/((n - 1)B) = 1/2; at it g(1) = 0 and ALLD gains
        # at every p < 1, so the stability condition is strict
        at = TR(3, 2, benefit=3, cost=2, delta=Fraction(1, 2))
        assert at.critical_discount().exact == Fraction(1, 2) and at.gain(1) == 0
        assert not at.is_ess() and at.basin().basin == 0
        assert all(at.gain(Fraction(k, 10)) < 0 for k in range(10))
        above = at.with_(delta=Fraction(1, 2) + Fraction(1, 10**6))
        assert above.is_ess() and above.basin().basin > 0

    def test_huge_groups_in_floats(self) -> None:
        # log-space binomial weights: no overflow at n = 1100, and the float fitness agrees
        # with the exact one; a threshold that rounds to 1 is 1.0, not "never"
        exact = TR(1100, 1099, benefit=3, cost=2, delta=W)
        floats = TR(1100, 1099, benefit=3.0, cost=2.0, delta=0.9)
        want = exact.fitness(Fraction(1, 2))
        got = floats.fitness(0.5)
        assert got == pytest.approx((float(want[0]), float(want[1])), rel=1e-9)
        assert floats.critical_discount(0.5).attainable
        assert floats.critical_discount(0.5).delta == 1.0
        assert exact.critical_discount(Fraction(1, 2)).exact < 1
        assert TR(193, 192).critical_discount().exact == Fraction(193 * 2 - 3, 192 * 3)

    def test_fixed_per_member_return_is_a_different_story(self) -> None:
        # library finding: holding B/n (not B) fixed, stability gets easier with n and the
        # basin grows at small n (the nearby statement "shrinks at fixed B/n" is false), yet
        # it still closes as n grows
        def model(n: int) -> ml.models.ThresholdReciprocity:
            return TR(n, n - 1, benefit=Fraction(3, 5) * n, cost=1, delta=Fraction(1, 2))

        basins = [float(model(n).basin().basin) for n in (2, 3, 4)]
        assert basins[0] == 0 and basins[1] == pytest.approx(1 - 0.5**0.5)
        assert basins[2] > basins[1]
        needed = [model(n).critical_discount().exact for n in (2, 3, 10, 100)]
        assert needed == sorted(needed, reverse=True)
        assert model(10_000).basin().basin < 0.01 < model(100).basin().basin

    def test_kurokawa_ihara_contrast(self) -> None:
        # Kurokawa and Ihara (2009, Fig. 1), qualitatively (their model: finite population, a
        # fixed number of rounds): the stability of TFT_(n-1) against ALLD gets harder with n
        # at fixed b/c = 1.5 and easier at fixed b/(nc) = 0.51
        sizes = (2, 3, 5, 10, 50)
        fixed_ratio = [TR(n, n - 1, benefit=Fraction(3, 2), cost=1).critical_discount().exact
                       for n in sizes]
        fixed_share = [TR(n, n - 1, benefit=Fraction(51, 100) * n, cost=1)
                       .critical_discount().exact for n in sizes]
        assert fixed_ratio == sorted(fixed_ratio) and len(set(fixed_ratio)) == len(sizes)
        assert fixed_share == sorted(fixed_share, reverse=True)
        assert len(set(fixed_share)) == len(sizes)

    def test_the_claim_can_fail(self) -> None:
        # the claim's predicate is not vacuous: the nearby statements fail on its own class
        from multilateral.claims import Claim

        claim = ml.claims.BOYD_RICHERSON_GROUP_SIZE
        per_member = Claim(
            "basin shrinks at fixed B/n", "x", "nearby false statement",
            lambda m: m.with_(n=m.n + 1, threshold=m.n, benefit=m.benefit * (m.n + 1) / m.n)
            .basin().basin <= m.basin().basin,
            claim.domain)
        assert not per_member.holds(TR(3, 2, benefit=Fraction(9, 5), cost=1,
                                       delta=Fraction(1, 2)))
        assert claim.holds(TR(3, 2, benefit=Fraction(9, 5), cost=1, delta=Fraction(1, 2)))
        growing = Claim("basin grows", "x", "false", lambda m: m.with_(n=m.n + 1, threshold=m.n)
                        .basin().basin > m.basin().basin, claim.domain)
        assert not growing.holds(TR(3, 2)) and claim.holds(TR(3, 2))
        with pytest.raises(InvalidArgumentError, match="strictest"):
            claim.holds(TR(4, 2))


class TestBadParameters:
    @pytest.mark.parametrize(("kwargs", "error", "match"), [
        ({"n": 1, "threshold": 0}, InvalidArgumentError, "n \\(the group size\\)"),
        ({"n": 2.5, "threshold": 1}, InvalidTypeError, "n \\(the group size\\)"),
        ({"n": 4, "threshold": 4}, InvalidArgumentError, "from 0 to 3"),
        ({"n": 4, "threshold": -1}, InvalidArgumentError, "from 0 to 3"),
        ({"n": 4, "threshold": True}, InvalidArgumentError, "threshold"),
        ({"n": 4, "threshold": 3, "delta": 1}, InvalidProbabilityError, "delta"),
        ({"n": 4, "threshold": 3, "delta": Fraction(-1, 2)}, InvalidProbabilityError, "delta"),
        ({"n": 4, "threshold": 3, "benefit": 0}, InvalidArgumentError, "benefit"),
        ({"n": 4, "threshold": 3, "cost": -1}, InvalidArgumentError, "cost"),
    ])
    def test_errors(self, kwargs: dict[str, object], error: type[Exception], match: str
                    ) -> None:
        with pytest.raises(error, match=match):
            TR(**kwargs)  # type: ignore[arg-type]

    def test_frequency_outside_unit_interval(self) -> None:
        with pytest.raises(InvalidProbabilityError, match="frequency"):
            TR(3, 2).fitness(Fraction(3, 2))


class TestThresholdReciprocityContract(ModelContract):
    def make(self) -> ml.models.ThresholdReciprocity:
        return TR(5, 4, benefit=3, cost=2, delta=W)

    def make_other(self) -> ml.models.ThresholdReciprocity:
        return TR(5, 3, benefit=3, cost=2, delta=W)

    changes = {"n": 6, "threshold": 2, "delta": Fraction(1, 2)}
    bad = [(lambda: TR(1, 0), InvalidArgumentError, "group size"),
           (lambda: TR(3, 3), InvalidArgumentError, "threshold")]
    bad_changes = [({"delta": 2}, InvalidProbabilityError, "delta"),
                   ({"threshold": 7}, InvalidArgumentError, "threshold")]
    exact_kwargs = {"n": 4, "threshold": 3, "benefit": 3, "cost": Fraction(3, 2),
                    "delta": Fraction(9, 10)}
    float_kwargs = {"n": 4, "threshold": 3, "benefit": 3.0, "cost": 1.5, "delta": 0.9}
    outputs = [lambda m: m.fitness(Fraction(1, 3) if m.delta == Fraction(9, 10) else 1 / 3),
               lambda m: m.basin(), lambda m: m.with_(threshold=1).basin(),
               lambda m: m.critical_discount(), lambda m: m.game]
