"""Symmetric equilibria of anonymous games: closed forms, cross-checks, exact vs float."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers


@given(st.integers(2, 12), st.integers(1, 19))
def test_volunteers_dilemma_closed_form(n, c20):
    # Diekmann (1985): each volunteers with q = 1 - (c/b)^(1/(n-1)); P(nobody) = (c/b)^(n/(n-1))
    cost = Fraction(c20, 20)
    game = ml.AnonymousGame.threshold(n, 1, benefit=1, cost=cost)
    (eq,) = solvers.symmetric_equilibria(game)
    q = 1 - float(cost) ** (1 / (n - 1))
    assert eq.probability == pytest.approx(q, abs=1e-12)
    assert eq.stable
    closed = 1 - sympy.Rational(cost) ** sympy.Rational(1, n - 1)
    assert abs(sympy.N(eq.exact - closed, 60)) < sympy.Rational(1, 10**50)  # exact root
    assert (1 - eq.probability) ** n == pytest.approx(float(cost) ** (n / (n - 1)))


@given(mst.stag_hunts())
def test_two_player_stag_hunt_matches_nash_equilibria(game):
    t, r, p, s = game.trps(0)
    anon = ml.AnonymousGame([s, r], [p, t])  # cooperator/defector payoff vs 0 or 1 cooperator
    sym = solvers.symmetric_equilibria(anon)
    nash = solvers.nash_equilibria(game)
    assert [e.exact for e in sym] == [e.exact[0][0] for e in reversed(nash)]
    assert [e.stable for e in sym] == [True, False, True]


@given(mst.public_goods_games())
def test_public_goods_dilemma_only_all_defect(game):
    (eq,) = solvers.symmetric_equilibria(game)
    assert eq.probability == 0 and eq.stable


@given(mst.anonymous_games(n=st.integers(2, 5)))
def test_every_symmetric_equilibrium_is_a_nash_equilibrium(game):
    try:
        eqs = solvers.symmetric_equilibria(game)
    except errors.DegenerateGameError:
        assert np.all(game.gains == 0)
        return
    nf = game.to_normal_form()
    for eq in eqs:
        x = eq.probability
        for i in range(game.n):
            values = nf.action_values([[x, 1 - x]] * game.n, i)
            assert values.max() - (x * values[0] + (1 - x) * values[1]) <= 1e-9
        assert eq.payoff == pytest.approx(nf.expected_payoffs([[x, 1 - x]] * game.n)[0])


@given(mst.anonymous_games(n=st.integers(2, 9)))
def test_exact_and_float_paths_agree(game):
    if np.all(game.gains == 0):
        with pytest.raises(errors.DegenerateGameError):
            solvers.symmetric_equilibria(game)
        return
    exact = solvers.symmetric_equilibria(game, exact=True)
    assert all(eq.exact is not None for eq in exact)
    simple = [e for e in exact]  # float path may miss tangent roots only
    approx = solvers.symmetric_equilibria(game, exact=False)
    for e in approx:
        assert any(abs(e.probability - f.probability) < 1e-7 and e.stable == f.stable
                   for f in simple)
    # interior roots are at most the sign changes of the gains (Bernstein variation diminishing)
    gains = [g for g in game.gains if g != 0]
    changes = sum(1 for a, b in itertools.pairwise(gains) if a * b < 0)
    assert sum(1 for e in exact if not e.is_pure) <= changes


@given(mst.anonymous_games(n=st.integers(2, 9)))
def test_stable_and_unstable_alternate(game):
    # with simple roots the replicator flow alternates between attractors and repellers
    try:
        eqs = solvers.symmetric_equilibria(game)
    except errors.DegenerateGameError:
        return
    pts = [e for e in eqs]
    for a, b in itertools.pairwise(pts):
        if a.stable:
            assert not b.stable or a.probability == b.probability


def test_large_threshold_game_roots_are_zeros_of_the_gain():
    game = ml.AnonymousGame.threshold(10_000, 5_000, benefit=300, cost=1)
    eqs = solvers.symmetric_equilibria(game)
    interior = [e for e in eqs if not e.is_pure]
    assert len(interior) == 2
    for e in interior:
        assert abs(float(game.gain_function(e.probability))) < 1e-9
    assert [e.stable for e in eqs] == [True, False, True]


def test_errors():
    with pytest.raises(errors.InvalidTypeError, match="AnonymousGame"):
        solvers.symmetric_equilibria(ml.TwoByTwo.symmetric(1, 2, 3, 4))
    with pytest.raises(errors.InvalidTypeError, match="exact=True"):
        solvers.symmetric_equilibria(ml.AnonymousGame([0.5, 1.0], [1.0, 0.0]), exact=True)
    with pytest.raises(errors.DegenerateGameError, match="identically zero"):
        solvers.symmetric_equilibria(ml.AnonymousGame([1, 2, 3], [1, 2, 3]))


# -- integer payoffs near the int64 limit (issue 12: silent overflow) ---------------------------
def test_payoffs_near_2_to_62_do_not_overflow():
    # gains [2**63, -2**62, 0]: g(x) = 2**64 (x - 1/2)(x - 1), so p = 1/2 (stable) and p = 1.
    # In int64, 2**62 - (-2**62) wraps to -2**63 and the old answer was "p = 0 stable".
    c = np.array([2**62, -(2**61), 0], dtype=np.int64)
    d = np.array([-(2**62), 2**61, 0], dtype=np.int64)
    game = ml.AnonymousGame(c, d)
    assert game.gains.tolist() == [2**63, -(2**62), 0]
    eqs = solvers.symmetric_equilibria(game)
    assert [eq.exact for eq in eqs] == [Fraction(1, 2), Fraction(1)]
    assert [eq.stable for eq in eqs] == [True, False]
    assert game.welfare(0) == -3 * 2**62  # exact, not -2**63 with a numpy warning
    assert game.welfare().tolist() == [-3 * 2**62, 2**63, -(2**62), 0]


def test_small_int_payoffs_stay_int64():
    game = ml.AnonymousGame.prisoners_dilemma(5, benefit=4, cost=1)
    assert ml.AnonymousGame([1, 2, 3], [0, 1, 2]).cooperator.dtype == np.int64
    assert game.is_exact


@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=4, max_size=4),
       st.lists(st.integers(-(2**63), 2**63 - 1), min_size=4, max_size=4))
def test_huge_int_payoffs_match_fraction_arithmetic(c, d):
    game = ml.AnonymousGame(np.array(c, dtype=np.int64), np.array(d, dtype=np.int64))
    ref = ml.AnonymousGame([Fraction(v) for v in c], [Fraction(v) for v in d])
    assert game.gains.tolist() == [Fraction(a) - b for a, b in zip(c, d, strict=True)]
    n = len(c)
    expected = [(m * c[m - 1] if m else 0) + ((n - m) * d[m] if m < n else 0)
                for m in range(n + 1)]
    assert game.welfare().tolist() == expected == ref.welfare().tolist()
    assert game == ref


# -- large exact games (issue 12: O(n), no Fraction per member) ---------------------------------
_PARAM = st.one_of(st.integers(-5, 5), st.fractions(-5, 5, max_denominator=7),
                   st.floats(-5, 5, allow_nan=False).map(lambda x: round(x, 3)))


def _same(game, ref):
    for a, b in ((game.cooperator, ref.cooperator), (game.defector, ref.defector),
                 (game.gains, ref.gains), (game.welfare(), ref.welfare())):
        assert a.dtype == b.dtype
        assert [(type(x), x) for x in a.tolist()] == [(type(y), y) for y in b.tolist()]
    assert game == ref and hash(game) == hash(ref) and game.is_exact == ref.is_exact
    x = np.linspace(0, 1, 5)
    np.testing.assert_array_equal(game.gain_function(x), ref.gain_function(x))
    np.testing.assert_array_equal(game.average_payoff(x), ref.average_payoff(x))


@given(st.integers(2, 9), _PARAM, _PARAM, st.integers(1, 9))
def test_vectorized_constructors_equal_element_by_element(n, p, q, m):
    # the fast constructors give exactly what one Python number per member gave (same dtype,
    # same types, same values), exact or float
    from multilateral.games._payoff_arithmetic import divide, exact_parameter

    a, c = exact_parameter(p, "r"), exact_parameter(q, "cost")
    share = divide(a, n)
    ref = ml.AnonymousGame.from_functions(n, lambda k: share * c * (k + 1) - c,
                                          lambda k: share * c * k)
    _same(ml.AnonymousGame.public_goods(n, p, cost=q), ref)
    ref = ml.AnonymousGame.from_functions(n, lambda k: divide(a * k, n - 1) - c,
                                          lambda k: divide(a * k, n - 1))
    _same(ml.AnonymousGame.prisoners_dilemma(n, benefit=p, cost=q), ref)
    m = min(m, n)
    ref = ml.AnonymousGame.from_functions(n, lambda k: a * (k + 1 >= m) - c,
                                          lambda k: a * (k >= m))
    _same(ml.AnonymousGame.threshold(n, m, benefit=p, cost=q), ref)


def test_public_goods_at_a_million_members_is_exact():
    n = 10**6
    game = ml.AnonymousGame.public_goods(n=n, r=3)
    assert game.is_exact and game.n == n
    assert game.gain(0) == Fraction(3, n) - 1
    assert game.welfare(n // 2) == Fraction(3 * (n // 2) * (n // 2), n) * 2 - n // 2
    assert game.welfare(n) == 2 * n
    small = ml.AnonymousGame.public_goods(n=10**4, r=3)
    assert small.cooperator[-1] == 2 and small.defector[1] == Fraction(3, 10**4)
    (eq,) = solvers.symmetric_equilibria(small)
    assert eq.probability == 0 and eq.stable


def test_float_payoffs_that_would_overflow_are_refused():
    with pytest.raises(errors.InvalidPayoffsError, match="Rescale the payoffs"):
        ml.AnonymousGame([1e308, -1e308], [-1e308, 1e308])
    with pytest.raises(errors.InvalidPayoffsError, match="gains and welfare finite"):
        ml.AnonymousGame.threshold(3, 2, benefit=1e308, cost=1.0)
    exact = ml.AnonymousGame([10**308, -(10**308)], [-(10**308), 10**308])  # exact: no limit
    assert exact.gains.tolist() == [2 * 10**308, -2 * 10**308]


# -- exact root isolation in the Bernstein basis (issue 13) ---------------------------------------
def _old_path(game):
    """The pre-issue-13 exact path (power basis, sympy's factor-then-isolate), as a reference:
    ``[(exact root, sign of g left of it, sign right of it)]`` for the roots in (0, 1)."""
    m = game.n - 1
    gains = [Fraction(v) for v in game.gains.tolist()]
    coeffs = [sum((gains[k] * math.comb(m, k) * math.comb(m - k, j - k) * (-1) ** (j - k)
                   for k in range(j + 1)), Fraction(0)) for j in range(m + 1)]
    x = sympy.Symbol("x")
    poly = sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in reversed(coeffs)],
                      x, domain=sympy.QQ)
    roots = sorted({r for r in poly.real_roots() if r.is_positive and (1 - r).is_positive},
                   key=lambda r: sympy.N(r, 50))
    points = [sympy.Integer(0), *roots, sympy.Integer(1)]
    signs = [int(sympy.sign(poly.eval(sympy.nsimplify(sympy.N((lo + hi) / 2, 60)))))
             for lo, hi in itertools.pairwise(points)]
    return roots, signs


def _same_number(ours, theirs):
    if isinstance(ours, Fraction):
        return theirs.is_Rational and ours == Fraction(int(theirs.p), int(theirs.q))
    return not theirs.is_Rational and abs(sympy.N(sympy.sympify(ours) - theirs, 60)) < 1e-50


gains_lists = st.integers(2, 9).flatmap(
    lambda n: st.lists(st.integers(-6, 6), min_size=n, max_size=n)).filter(any)


@settings(max_examples=20, deadline=None)
@given(gains_lists)
def test_bernstein_isolation_equals_the_old_sympy_path(gains):
    # the same roots (rational ones as Fractions), the same stability, on every small game
    game = ml.AnonymousGame(gains, [0] * len(gains))
    eqs = solvers.symmetric_equilibria(game, exact=True)
    interior = [e for e in eqs if 0 < e.probability < 1]
    roots, signs = _old_path(game)
    assert len(interior) == len(roots)
    for i, (e, r) in enumerate(zip(interior, roots, strict=True)):
        assert _same_number(e.exact, r)
        assert e.probability == float(sympy.N(r, 30))  # correctly rounded
        assert e.stable == (signs[i] > 0 and signs[i + 1] < 0)


def _bernstein(poly_coeffs, m):
    """Integer gains whose Bernstein polynomial of degree m is the given power-basis one."""
    c = [Fraction(v) for v in poly_coeffs] + [Fraction(0)] * (m + 1 - len(poly_coeffs))
    b = [sum((math.comb(k, j) * c[j] / math.comb(m, j) for j in range(k + 1)), Fraction(0))
         for k in range(m + 1)]
    den = math.lcm(*(v.denominator for v in b))
    return [int(v * den) for v in b]


def test_rational_roots_come_out_as_fractions():
    # (3x - 1)(5x - 3)(x^2 + 1), degree-elevated to 11: roots 1/3 and 3/5 exactly
    x = sympy.Symbol("x")
    power = sympy.Poly(sympy.expand((3 * x - 1) * (5 * x - 3) * (x**2 + 1)), x).all_coeffs()
    gains = _bernstein([int(v) for v in reversed(power)], 11)
    eqs = solvers.symmetric_equilibria(ml.AnonymousGame(gains, [0] * 12))
    assert [e.exact for e in eqs if not e.is_pure] == [Fraction(1, 3), Fraction(3, 5)]


def test_a_double_root_is_found_exactly():
    # (5x - 2)^2 (x + 1): tangent at 2/5 (the square-free part is taken), no sign change
    x = sympy.Symbol("x")
    power = sympy.Poly(sympy.expand((5 * x - 2) ** 2 * (x + 1)), x).all_coeffs()
    gains = _bernstein([int(v) for v in reversed(power)], 7)
    eqs = solvers.symmetric_equilibria(ml.AnonymousGame(gains, [0] * 8))
    (mid,) = [e for e in eqs if not e.is_pure]
    assert mid.exact == Fraction(2, 5) and not mid.stable


@pytest.mark.parametrize("n", [193, 1000])
def test_volunteers_dilemma_closed_form_at_un_size(n):
    # Diekmann (1985): q = 1 - (c/b)^(1/(n-1)), exact by default up to 1,000 players
    game = ml.AnonymousGame.threshold(n, 1, benefit=1, cost=Fraction(1, 2))
    (eq,) = solvers.symmetric_equilibria(game)
    assert eq.exact is not None and eq.stable
    assert eq.probability == pytest.approx(-math.expm1(-math.log(2) / (n - 1)), rel=1e-14)
    if n == 193:  # sympy evaluates the root object to any precision
        closed = 1 - sympy.Rational(1, 2) ** sympy.Rational(1, n - 1)
        assert abs(sympy.N(eq.exact - closed, 40)) < 1e-35


def test_threshold_game_of_193_members_exact():
    game = ml.AnonymousGame.threshold(193, 97, benefit=300, cost=1)
    eqs = solvers.symmetric_equilibria(game)
    assert [e.stable for e in eqs] == [True, False, True]
    assert eqs[0].exact == 0
    for e in eqs[1:]:
        assert isinstance(e.exact, sympy.Expr) and not e.exact.is_Rational
        assert abs(float(game.gain_function(e.probability))) < 1e-9
    floats = solvers.symmetric_equilibria(game, exact=False)
    assert [e.probability for e in floats] == pytest.approx([e.probability for e in eqs],
                                                            rel=1e-12)


def test_exact_is_refused_where_it_would_take_minutes():
    game = ml.AnonymousGame.threshold(20_000, 2)
    with pytest.raises(errors.InvalidArgumentError, match="exact=False"):
        solvers.symmetric_equilibria(game, exact=True)
    assert solvers.symmetric_equilibria(game)[0].exact is None  # floats by default


# -- the float path at a million (issue 12) ------------------------------------------------------
def test_threshold_game_at_a_million_members():
    n = 10**6
    game = ml.AnonymousGame.threshold(n, n // 2, benefit=10**4, cost=1)
    eqs = solvers.symmetric_equilibria(game)
    assert [e.stable for e in eqs] == [True, False, True]
    for e in eqs[1:]:
        assert abs(float(game.gain_function(e.probability))) < 1e-9
    vd = ml.AnonymousGame.threshold(n, 1, benefit=1.0, cost=0.5)
    (eq,) = solvers.symmetric_equilibria(vd)
    assert eq.probability == pytest.approx(-math.expm1(-math.log(2) / (n - 1)), rel=1e-9)


def test_large_n_evaluators_equal_the_binomial_sum():
    # binomial tails over the steps of the gains, and the window of the binomial weights, are
    # the full Bernstein sum to rounding
    from multilateral.solvers.anonymous import _FAST_FROM, _evaluator

    n = _FAST_FROM + 2000
    game = ml.AnonymousGame.threshold(n, n // 3, benefit=300, cost=1)
    assert len(solvers.symmetric_equilibria(game)) == 3
    x = np.linspace(0, 1, 101)
    ref = ml.games.binomial_weights(n - 1, x) @ game.float_gains
    steps, cheap = _evaluator(game, game.float_gains)
    assert cheap
    np.testing.assert_allclose(steps(x), ref, rtol=1e-10, atol=1e-12)
    big = ml.AnonymousGame.public_goods(50_000, r=3)  # the window: 2 * 12 sd of 50,000
    ref = ml.games.binomial_weights(big.n - 1, x) @ big.float_gains
    np.testing.assert_allclose(big.gain_function(x), ref, rtol=1e-12, atol=1e-12)


def test_huge_float_parameters_are_refused_without_a_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for build in (lambda: ml.AnonymousGame.public_goods(3, r=1e308, cost=1e10),
                      lambda: ml.AnonymousGame.public_goods(3, mpcr=1e308),
                      lambda: ml.AnonymousGame.prisoners_dilemma(3, benefit=1.7e308, cost=1.0),
                      lambda: ml.AnonymousGame.public_goods(3, r=2.0, cost=10**400)):
            with pytest.raises(errors.InvalidPayoffsError, match="gains and welfare finite"):
                build()
