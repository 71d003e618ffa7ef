"""Exact roots in the Bernstein basis: float-certified isolation, exact refinement, GainRoot.

The float subdivision of :mod:`multilateral.solvers._bernstein` uses a sign only where the
float coefficient exceeds a rigorous bound on its rounding error, and redoes the rest in
integers; these tests check it against sympy's exact real roots and against the integer-only
path, force the integer fallback (a root on a subdivision point, roots 2**-40 apart), and check
that the answers of the path before it (frozen in tests/data/peers/anonymous.json) still come
out, with :class:`~multilateral.solvers._algebraic.GainRoot` (public sympy API only) for
irrational roots of high degree.
"""

import itertools
import json
import math
import pickle
import random
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.solvers import _bernstein as bz
from multilateral.solvers import _refine
from multilateral.solvers._algebraic import GainRoot

X = sympy.Symbol("x")
FROZEN = Path(__file__).parent / "data" / "peers" / "anonymous.json"


def bernstein_ints(poly, degree=None):
    """Integer Bernstein coefficients (degree ``degree``) of a sympy polynomial in X."""
    d = poly.degree() if degree is None else degree
    c = [Fraction(int(v.p), int(v.q)) for v in reversed(poly.all_coeffs())]
    c += [Fraction(0)] * (d + 1 - len(c))
    b = [sum((Fraction(math.comb(k, j)) * c[j] / math.comb(d, j) for j in range(k + 1)),
             Fraction(0)) for k in range(d + 1)]
    den = math.lcm(*(v.denominator for v in b))
    return [int(v * den) for v in b]


def roots_01(poly):
    return [r for r in poly.real_roots() if r.is_positive and (1 - r).is_positive]


def isolates(b, roots, float_from):
    """Every root is in exactly one isolating interval or equals one exact root, and the
    signs reported at the intervals' ends are those of the polynomial."""
    exact, intervals = bz.isolate(b, float_from=float_from)
    if len(exact) + len(intervals) != len(roots):
        return False
    a = bz.homogeneous(b)
    for lo, hi, s, local in intervals:
        if _refine.sign_at(a, lo) != s or _refine.sign_at(a, hi) != -s:
            return False
        if len(local) != len(b):
            return False
    for r in roots:
        inside = sum(1 for lo, hi, _, _ in intervals if lo < r < hi)
        inside += sum(1 for e in exact if sympy.Rational(e.numerator, e.denominator) == r)
        if inside != 1:
            return False
    return True


# planted factors: a root on a subdivision point, two roots 2**-10 apart, a rational root
PLANTED = [1, 2 * X - 1, (1024 * X - 300) * (1024 * X - 301), 3 * X - 1]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-6, 6), min_size=2, max_size=12).filter(any),
       st.sampled_from(PLANTED), st.integers(0, 3))
def test_float_certified_isolation_agrees_with_sympy(gains, factor, elevate):
    # the float path (forced at every degree), the integer path and sympy: the same roots
    m = len(gains) - 1
    poly = sympy.Poly(sum(v * math.comb(m, k) * X**k * (1 - X) ** (m - k)
                          for k, v in enumerate(gains)), X) * sympy.Poly(factor, X)
    if poly.is_zero or poly.degree() < 1:
        return
    poly = sympy.Poly(poly.sqf_part(), X)
    b = bernstein_ints(poly, poly.degree() + elevate)  # degree elevation: same polynomial
    if not b[0] or not b[-1]:
        return
    roots = roots_01(poly)
    assert isolates(b, roots, float_from=0)
    assert isolates(b, roots, float_from=10**9)


@pytest.mark.parametrize("gap_bits", [20, 40, 60])
def test_close_roots_fall_back_to_integers(gap_bits):
    # roots 1/3 and 1/3 + 2**-gap_bits at degree 40: floats cannot separate the second pair,
    # the integer fallback does; a root at 1/2 (a subdivision point) is found too
    rng = random.Random(gap_bits)
    noise = sympy.Poly([rng.randint(1, 5) for _ in range(36)], X)  # no roots in (0, 1)
    close = sympy.Poly((3 * X - 1) * (3 * 2**gap_bits * X - 2**gap_bits - 3), X)
    poly = sympy.Poly(noise * close * sympy.Poly((2 * X - 1) * (7 * X - 5), X), X)
    b = bernstein_ints(poly)
    assert isolates(b, roots_01(poly), float_from=0)
    game = ml.AnonymousGame(b, [0] * len(b))
    interior = [e for e in ml.solvers.symmetric_equilibria(game) if not e.is_pure]
    assert [e.exact for e in interior[:2]] == [Fraction(1, 3), Fraction(1, 3) + Fraction(
        1, 2**gap_bits)]
    assert Fraction(1, 2) in [e.exact for e in interior]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 12), st.integers(0, 2**30), st.integers(0, 8))
def test_restrict_is_the_polynomial_on_the_subinterval(m, seed, depth):
    rng = random.Random(seed)
    b = [rng.randint(-9, 9) for _ in range(m + 1)]
    num = rng.randrange(1 << depth)
    lo, hi = Fraction(num, 1 << depth), Fraction(num + rng.randint(1, 2), 1 << depth)
    hi = min(hi, Fraction(1))
    c = bz._restrict(b, lo, hi)

    def value(coeffs, x):
        n = len(coeffs) - 1
        return sum(v * math.comb(n, k) * x**k * (1 - x) ** (n - k) for k, v in enumerate(coeffs))

    ratios = set()
    for t in (Fraction(1, 3), Fraction(5, 7), Fraction(1, 2)):
        whole, part = value(b, lo + t * (hi - lo)), value(c, t)
        assert (whole == 0) == (part == 0)
        if whole:
            ratios.add(part / whole)
    assert len(ratios) <= 1 and all(r > 0 for r in ratios)


def _sympy_equilibria(gains):
    """Roots in (0, 1) and the sign of g between them, from sympy (power basis)."""
    m = len(gains) - 1
    poly = sympy.Poly(sum(v * math.comb(m, k) * X**k * (1 - X) ** (m - k)
                          for k, v in enumerate(gains)), X)
    roots = sorted(set(roots_01(poly)), key=lambda r: sympy.N(r, 50))
    points = [sympy.Integer(0), *roots, sympy.Integer(1)]
    # the midpoint as the exact decimal of its 60 digits (nsimplify may return a simpler
    # rational: a root itself when two roots are close to it, and a sign of 0)
    signs = [int(sympy.sign(poly.eval(sympy.Rational(str(sympy.N((lo + hi) / 2, 60))))))
             for lo, hi in itertools.pairwise(points)]
    return roots, signs


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 10).flatmap(
    lambda n: st.lists(st.integers(-6, 6), min_size=n, max_size=n)).filter(any))
def test_float_path_equilibria_equal_sympy_real_roots(gains):
    # symmetric_equilibria with the float-certified isolation forced at every degree: the
    # same roots as sympy (rational ones as Fractions, irrational ones to 50 digits), each
    # float correctly rounded, the same stability
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bz, "FLOAT_FROM", 0)
        eqs = ml.solvers.symmetric_equilibria(ml.AnonymousGame(gains, [0] * len(gains)),
                                              exact=True)
    interior = [e for e in eqs if 0 < e.probability < 1]
    roots, signs = _sympy_equilibria(gains)
    assert len(interior) == len(roots)
    for i, (e, r) in enumerate(zip(interior, roots, strict=True)):
        if isinstance(e.exact, Fraction):
            assert r.is_Rational and e.exact == Fraction(int(r.p), int(r.q))
        else:
            assert not r.is_Rational and abs(sympy.N(e.exact - r, 60)) < 1e-50
        assert e.probability == float(sympy.N(r, 30))
        assert e.stable == (signs[i] > 0 and signs[i + 1] < 0)


@settings(max_examples=8, deadline=None)
@given(st.integers(25, 150), st.integers(0, 2**30))
def test_exact_equilibria_agree_with_the_float_path(n, seed):
    # random gains past FLOAT_FROM: every root the float path finds is an exact one (same
    # stability), and the exact path finds at least as many
    rng = random.Random(seed)
    game = ml.AnonymousGame([rng.randint(-5, 5) for _ in range(n)], [0] * n)
    if not any(game.gains.tolist()):
        return
    exact = ml.solvers.symmetric_equilibria(game, exact=True)
    approx = ml.solvers.symmetric_equilibria(game, exact=False)
    assert len(approx) <= len(exact)
    for e in approx:
        assert any(abs(e.probability - f.probability) < 1e-9 and e.stable == f.stable
                   for f in exact)
    for e in exact:
        if not e.is_pure:
            assert abs(float(sympy.N(e.exact, 20)) - e.probability) <= math.ulp(e.probability)


def test_answers_of_the_previous_path_stay_equal():
    # random gains (n = 60, 193, 500) and threshold games (193, 1,000): the same correctly
    # rounded floats and stability as before the float-certified isolation
    for case in json.loads(FROZEN.read_text())["cases"]:
        n = case["n"]
        if case["family"] == "random":
            rng = random.Random(0)
            game = ml.AnonymousGame([rng.randint(-5, 5) for _ in range(n)], [0] * n)
        else:
            game = ml.AnonymousGame.threshold(n, n // 2, benefit=300, cost=1)
        eqs = ml.solvers.symmetric_equilibria(game, exact=True)
        assert [[e.probability, e.stable] for e in eqs] == case["equilibria"]


def test_gain_root_is_an_exact_sympy_number():
    # degree 30 (> 24: not factored): evaluates to 50 digits as sympy's own CRootOf does,
    # pickles, prints without its coefficients, and uses no sympy internals
    rng = random.Random(3)
    n = 31
    game = ml.AnonymousGame([rng.randint(-5, 5) for _ in range(n)], [0] * n)
    eqs = [e for e in ml.solvers.symmetric_equilibria(game) if not e.is_pure]
    root = next(e.exact for e in eqs if isinstance(e.exact, GainRoot))
    assert root.is_real and root.is_positive and root.is_algebraic and root.is_number
    canonical = root.as_crootof()
    assert isinstance(canonical, sympy.CRootOf)
    assert abs(sympy.N(root - canonical, 60)) < 1e-50
    again = pickle.loads(pickle.dumps(root))
    assert again == root and abs(sympy.N(again - root, 40)) < 1e-35
    assert "GainRoot(degree" in str(root) and len(str(root)) < 120
    assert root.poly.degree() == len(root.coefficients) - 1
    lo, hi = root.interval
    assert lo < Fraction(str(sympy.N(root, 30))) < hi


def test_dyadic_root_of_a_large_game_is_exact():
    # gains antisymmetric about the middle: g(1 - x) = -g(x), so 1/2 is a root (a subdivision
    # point: float signs cannot certify it; the integer fallback finds it exactly)
    game = ml.AnonymousGame([k - 100 for k in range(201)], [0] * 201)
    eqs = ml.solvers.symmetric_equilibria(game)
    assert [e.exact for e in eqs] == [Fraction(0), Fraction(1, 2), Fraction(1)]
    assert [e.stable for e in eqs] == [True, False, True]


@pytest.mark.parametrize("exponent", [30, 300])
def test_gain_root_evaluates_to_relative_precision_far_below_one(exponent):
    # gains -1, K, ..., K (31 players): the mixed equilibrium is 1 - (K / (K + 1))**(1/30),
    # about 1 / (30 K). sympy's precision is relative: the bracket was narrowed to an
    # absolute 2**-(prec + 8), so N(root, 30) at K = 1e30 had 17 correct digits, not 30
    import mpmath

    k = 10**exponent
    game = ml.AnonymousGame([-1] + [k] * 30, [0] * 31)
    root = next(e.exact for e in ml.solvers.symmetric_equilibria(game) if not e.is_pure)
    assert isinstance(root, GainRoot)
    with mpmath.workdps(exponent + 80):
        true = 1 - (mpmath.mpf(k) / (k + 1)) ** (mpmath.mpf(1) / 30)
        for digits in (15, 30, 60):
            fresh = GainRoot(*root.args)
            value = mpmath.mpf(str(sympy.N(fresh, digits)))
            assert abs(value - true) < abs(true) * mpmath.mpf(10) ** (1 - digits)


def _times(a, f):
    return [sum(a[i] * f[k - i] for i in range(len(a)) if 0 <= k - i < len(f))
            for k in range(len(a) + len(f) - 1)]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 15), st.integers(2, 16), st.integers(1, 3)),
                min_size=1, max_size=3),
       st.lists(st.integers(1, 4), min_size=1, max_size=30), st.sampled_from([1, -1]))
def test_stability_at_tangencies_from_the_signs_of_g(roots, noise, sign):
    # planted roots p/q of multiplicity 1-3 (a tangency where even: g does not change sign)
    # times a factor with positive coefficients (no root in (0, 1)); the gain polynomial is
    # not square-free, so stability is read from exact signs of g beside each root: checked
    # against g evaluated in Fractions 1e-6 to each side (closer than any two planted roots)
    a, planted = [sign], set()
    for p, q, mult in roots:
        p %= q
        if p == 0:
            continue
        planted.add(Fraction(p, q))
        for _ in range(mult):
            a = _times(a, [-p, q - p])  # (q - p) x - p (1 - x) = q x - p
    a = _times(a, noise)
    b = bz.bernstein_from_homogeneous(a)
    m = len(b) - 1
    if m < 1:
        return
    eqs = ml.solvers.symmetric_equilibria(ml.AnonymousGame(b, [0] * len(b)), exact=True)
    interior = [e for e in eqs if not e.is_pure]
    assert [e.exact for e in interior] == sorted(planted)

    def g(x):
        return sum(v * math.comb(m, k) * x**k * (1 - x) ** (m - k) for k, v in enumerate(b))

    eps = Fraction(1, 10**6)
    for e in eqs:
        left = g(e.exact - eps) if e.exact > 0 else 1
        right = g(e.exact + eps) if e.exact < 1 else -1
        assert e.stable == (left > 0 and right < 0)
