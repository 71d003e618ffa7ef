"""Exact real roots in (0, 1) of integer polynomials in the Bernstein basis.

The gain function of an anonymous game is ``g(x) = sum_k d_k C(m, k) x^k (1 - x)^(m - k)``:
its Bernstein coefficients are the gains ``d_k`` themselves. This module isolates its roots in
``(0, 1)`` exactly, in Python ints (no sympy on the common path):

* Descartes' rule of signs in the Bernstein basis: the number of sign changes of the
  coefficients bounds the number of roots in the open interval and has its parity; 0 or 1
  decides the interval;
* de Casteljau subdivision at 1/2 in integers (the triangle of pairwise sums, rescaled by
  powers of two) gives the coefficients on each half, so intervals are dyadic and every
  evaluation point is a dyadic rational;
* a root is refined to a correctly rounded float by exact sign evaluations, guided by a float
  root finder (two exact evaluations usually bracket it within a few units in the last place);
* rational roots ``p / q`` are recognised exactly: ``p`` divides the constant term and ``q - p``
  the leading term of the polynomial in ``z = x / (1 - x)``, so the candidates are few.

Isolation terminates for square-free polynomials; :func:`is_squarefree` tests that modulo a
large prime (a certificate when it says yes). Polynomials are lists of Python ints. Two forms
are used: Bernstein coefficients ``b`` (``P = sum b_k C(m, k) x^k (1 - x)^(m - k)``) and
homogeneous coefficients ``A_k = b_k C(m, k)`` (``P = sum A_k x^k (1 - x)^(m - k)``); ``A`` read
as a power series in ``z`` is ``Q(z) = (1 + z)^m P(z / (1 + z))``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np

from .._namespace import public_dir

__all__ = [
    "bernstein_from_homogeneous",
    "deflate",
    "homogeneous",
    "is_squarefree",
    "isolate",
    "narrow",
    "power_from_homogeneous",
    "rational_root",
    "refine",
    "sign_at",
    "variations",
]
__dir__ = public_dir(__all__)

#: Primes for the square-free test (below 2**31, so products fit int64).
_PRIMES = (2147483647, 2147483629, 2147483587)
#: Subdivision depth beyond which isolation gives up (roots closer than 2**-_MAX_DEPTH, or a
#: multiple root the square-free test missed).
_MAX_DEPTH = 4000


def variations(coeffs: Sequence[int]) -> int:
    """Sign changes in a sequence, zeros skipped."""
    count, last = 0, 0
    for v in coeffs:
        if v:
            if last and (v > 0) != (last > 0):
                count += 1
            last = v
    return count


def homogeneous(b: Sequence[int]) -> list[int]:
    """``A_k = b_k C(m, k)``."""
    m = len(b) - 1
    out, comb = [], 1
    for k, v in enumerate(b):
        out.append(v * comb)
        comb = comb * (m - k) // (k + 1)
    return out


def bernstein_from_homogeneous(a: Sequence[int]) -> list[int]:
    """Integer Bernstein coefficients proportional (by one positive factor) to ``A_k / C(m, k)``."""
    m = len(a) - 1
    combs, comb = [], 1
    for k in range(m + 1):
        combs.append(comb)
        comb = comb * (m - k) // (k + 1)
    lcm = math.lcm(*combs)
    out = [v * (lcm // c) for v, c in zip(a, combs, strict=True)]
    g = math.gcd(*out)
    return [v // g for v in out] if g > 1 else out


def _split(b: list[int]) -> tuple[list[int], list[int]]:
    """de Casteljau at 1/2: the coefficients on [0, 1/2] and [1/2, 1] (times ``2**m``)."""
    m = len(b) - 1
    row = np.array(b, dtype=object)
    left, right = [b[0]], [b[-1]]
    for _ in range(m):
        row = row[:-1] + row[1:]
        left.append(row[0])
        right.append(row[-1])
    right.reverse()
    left = [v << (m - j) for j, v in enumerate(left)]
    right = [v << j for j, v in enumerate(right)]
    g = math.gcd(*left, *right)
    if g > 1:
        left = [v // g for v in left]
        right = [v // g for v in right]
    return left, right


def isolate(b: list[int]) -> tuple[list[Fraction], list[tuple[Fraction, Fraction]]]:
    """Roots in (0, 1) of a square-free Bernstein polynomial (integer coefficients).

    Returns the roots found exactly (dyadic rationals met as subdivision points) and disjoint
    open isolating intervals ``(lo, hi)`` with dyadic ends, each holding exactly one simple
    root, with ``P(lo)`` and ``P(hi)`` nonzero of opposite signs.
    """
    exact: list[Fraction] = []
    intervals: list[tuple[Fraction, Fraction]] = []
    stack: list[tuple[list[int], int, int]] = [(b, 0, 0)]  # (coefficients, numerator, depth)
    while stack:
        coeffs, num, depth = stack.pop()
        v = variations(coeffs)
        if v == 0:
            continue
        if v == 1 and coeffs[0] and coeffs[-1]:
            intervals.append((Fraction(num, 1 << depth), Fraction(num + 1, 1 << depth)))
            continue
        if depth >= _MAX_DEPTH:
            raise ArithmeticError("root isolation did not separate the roots")
        left, right = _split(coeffs)
        if right[0] == 0:  # the midpoint is a root
            exact.append(Fraction(2 * num + 1, 1 << (depth + 1)))
        stack.append((right, 2 * num + 1, depth + 1))
        stack.append((left, 2 * num, depth + 1))
    exact.sort()
    intervals.sort()
    return exact, intervals


def sign_at(a: Sequence[int], x: Fraction) -> int:
    """The sign of ``sum_k A_k x^k (1 - x)^(m - k)`` at a rational ``x``, exactly.

    With ``x = p / q``: the sign of ``sum_k A_k p^k (q - p)^(m - k)``, by binary splitting
    (balanced products of big integers, O(M(N) log m) for N-bit results).
    """
    v = _scaled_value(a, x)
    return (v > 0) - (v < 0)


def _scaled_value(a: Sequence[int], x: Fraction) -> int:
    """``q^m P(p / q) = sum_k A_k p^k (q - p)^(m - k)``."""
    p, q = x.numerator, x.denominator
    return _evaluate(a, 0, len(a), p, q - p, False)[0]


def _evaluate(a: Sequence[int], i: int, j: int, p: int, w: int, powers: bool = True
              ) -> tuple[int, int, int]:
    """``(sum_{k=i}^{j-1} a_k p^(k-i) w^(j-1-k), p^(j-i), w^(j-i))`` (the powers only when
    asked for: the outermost call does not need them)."""
    if j - i <= 16:
        v, wp = a[j - 1], w
        for k in range(j - 2, i - 1, -1):
            v = v * p + a[k] * wp
            wp *= w
        return v, p ** (j - i), wp
    mid = (i + j) // 2
    left, pl, wl = _evaluate(a, i, mid, p, w)
    right, pr, wr = _evaluate(a, mid, j, p, w)
    if not powers:
        return left * wr + pl * right, 0, 0
    return left * wr + pl * right, pl * pr, wl * wr


def _newton(a: Sequence[int], x: Fraction) -> Fraction | None:
    """One exact Newton step for ``P`` from ``x`` (None where ``P'(x) = 0``)."""
    m = len(a) - 1
    if m < 1:
        return None
    deriv = [(j + 1) * a[j + 1] - (m - j) * a[j] for j in range(m)]
    s, ds = _scaled_value(a, x), _scaled_value(deriv, x)
    if ds == 0:
        return None
    # x - P(x) / P'(x) = p / q - (s / q^m) / (ds / q^(m-1)) = (p ds - s) / (q ds)
    return Fraction(x.numerator * ds - s, x.denominator * ds)


def _bisect(a: Sequence[int], lo: Fraction, hi: Fraction, s_lo: int, x: Fraction
            ) -> tuple[Fraction, Fraction, Fraction | None]:
    """Narrow ``(lo, hi)`` at ``x``: the new bracket, or the root if ``x`` is one."""
    s = sign_at(a, x)
    if s == 0:
        return x, x, x
    return (x, hi, None) if s == s_lo else (lo, x, None)


def refine(a: Sequence[int], lo: Fraction, hi: Fraction, guess: Callable[[float, float], float]
           ) -> tuple[float, Fraction | None, Fraction, Fraction]:
    """Narrow an isolating interval until both ends round to the same float.

    ``guess(lo, hi)`` is a float root finder for the bracket: exact evaluations at
    ``guess +- step`` (the step growing 16-fold while they miss) bracket the root quickly when
    the guess is good; exact bisection then finishes (and is all there is when it is not).
    Returns the float, the root itself when an evaluation point hit it (a rational root), and
    the final bracket.
    """
    s_lo = sign_at(a, lo)
    try:
        r = guess(float(lo), float(hi))
    except (ValueError, ArithmeticError, RuntimeError):
        r = math.nan
    if math.isfinite(r) and float(lo) < r < float(hi):
        # one exact Newton step from the float guess, then the two midpoints to the
        # neighbouring floats: when they bracket the root, its float is the Newton float
        better = _newton(a, Fraction(r))
        if better is not None and lo < better < hi:
            near = float(better)
            below = (Fraction(near) + Fraction(math.nextafter(near, -math.inf))) / 2
            above = (Fraction(near) + Fraction(math.nextafter(near, math.inf))) / 2
            for x in (below, above):
                if lo < x < hi:
                    lo, hi, hit = _bisect(a, lo, hi, s_lo, x)
                    if hit is not None:
                        return float(hit), hit, hit, hit
            if lo >= below and hi <= above:  # strictly between the midpoints: rounds to near
                return near, None, lo, hi
        step = math.ldexp(abs(r), -50) or math.ulp(0.0)
        while float(lo) != float(hi) and hi - lo > 2 * Fraction(step):
            for x in (Fraction(r - step), Fraction(r + step)):
                if lo < x < hi:
                    lo, hi, hit = _bisect(a, lo, hi, s_lo, x)
                    if hit is not None:
                        return float(hit), hit, hit, hit
            if Fraction(r) <= lo:  # the root is beyond the guess: look from the near end
                r = float(lo)
            elif Fraction(r) >= hi:
                r = float(hi)
            step *= 16
    while float(lo) != float(hi):
        lo, hi, hit = _bisect(a, lo, hi, s_lo, (lo + hi) / 2)
        if hit is not None:
            return float(hit), hit, hit, hit
    return float(lo), None, lo, hi  # (a root exactly halfway between floats is a hit)


def narrow(a: Sequence[int], lo: Fraction, hi: Fraction, width: Fraction
           ) -> tuple[Fraction, Fraction]:
    """Narrow an isolating interval (``P(lo)``, ``P(hi)`` nonzero of opposite signs) below
    ``width`` by exact Newton steps (doubling the bits each time), each checked by two exact
    sign evaluations around it; a round that does not halve the interval ends with a
    bisection, so progress is sure (a root met exactly gives the interval ``(root, root)``)."""
    s_lo = sign_at(a, lo)
    target = (1 / width).__ceil__().bit_length() + 2
    bits = min(target, max(8, (1 / (hi - lo)).__floor__().bit_length()))
    while hi - lo >= width:
        before = hi - lo
        step = _newton(a, (lo + hi) / 2)
        if step is not None and lo < step < hi:
            bits = min(target, 2 * bits)
            scale = 1 << bits
            x = Fraction(round(step * scale), scale)
            for y in (x - Fraction(1, scale), x + Fraction(1, scale)):
                if lo < y < hi:
                    lo, hi, hit = _bisect(a, lo, hi, s_lo, y)
                    if hit is not None:
                        return hit, hit
        if hi - lo > before / 2:
            lo, hi, hit = _bisect(a, lo, hi, s_lo, (lo + hi) / 2)
            if hit is not None:
                return hit, hit
    return lo, hi


#: Rational roots are looked for while their possible denominators are below 2**this (the
#: bracket is narrowed to 1 / (2 Q^2) first: about 2 * this bisections at worst).
_RATIONAL_BITS = 256


def rational_root(a: Sequence[int], lo: Fraction, hi: Fraction) -> Fraction | None:
    """The root in ``[lo, hi]`` (an isolating interval) if it is rational, else None.

    A root ``p / q`` in (0, 1) in lowest terms has ``p`` dividing the first nonzero ``A_k`` and
    ``q - p`` the last (``z = p / (q - p)`` is a root of ``Q(z) = sum A_k z^k``), so ``q <= Q =
    |first| + |last|``. Two fractions with denominators ``<= Q`` are ``1 / Q^2`` apart: once
    the bracket is narrower than ``1 / (2 Q^2)`` the only candidate is the best approximation
    of its midpoint with denominator ``<= Q``, and one exact evaluation decides. When ``Q`` is
    beyond ``2**_RATIONAL_BITS`` the root is not tested and reported as irrational (its
    algebraic form is exact either way).
    """
    first = abs(next(v for v in a if v))
    last = abs(next(v for v in reversed(a) if v))
    bound = first + last
    if bound.bit_length() > _RATIONAL_BITS:
        return None
    width = Fraction(1, 2 * bound * bound)
    if hi - lo >= width:
        s_lo = sign_at(a, lo)
        while hi - lo >= width:
            lo, hi, hit = _bisect(a, lo, hi, s_lo, (lo + hi) / 2)
            if hit is not None:
                return hit
    cand = ((lo + hi) / 2).limit_denominator(bound)
    if lo <= cand <= hi and sign_at(a, cand) == 0:
        return cand
    return None


def deflate(a: list[int]) -> tuple[list[int], int]:
    """``Q(z) = sum A_k z^k`` without its factors ``(1 + z)`` (roots of ``P`` at infinity:
    ``P`` has lower degree than ``m``): the quotient and how many were removed."""
    count = 0
    while len(a) > 1:
        # Q(-1) == 0  <=>  (1 + z) divides Q; synthetic division from the top
        if sum(v if k % 2 == 0 else -v for k, v in enumerate(a)):
            break
        # q_{k-1} = a_k - q_k from the top (q_m = 0)
        q = [0] * (len(a) - 1)
        nxt = 0
        for k in range(len(a) - 1, 0, -1):
            nxt = a[k] - nxt
            q[k - 1] = nxt
        a = q
        count += 1
    return a, count


def is_squarefree(a: Sequence[int]) -> bool:
    """Whether ``Q(z) = sum A_k z^k`` has no repeated factor (tested modulo large primes).

    ``gcd(Q, Q') == 1`` modulo a prime that keeps the degrees of ``Q`` and ``Q'`` proves ``Q``
    square-free over the rationals. False means "not proven" (a repeated factor, or unlucky
    primes): the caller then computes the square-free part exactly.
    """
    m = len(a) - 1
    if m <= 1:
        return True
    for p in _PRIMES:
        if a[-1] % p == 0 or m % p == 0:
            continue
        f = np.array([v % p for v in a], dtype=np.int64)
        df = (f[1:] * np.arange(1, m + 1, dtype=np.int64)) % p
        if _gcd_degree_mod(f, df, p) == 0:
            return True
    return False


def _trim(f: np.ndarray) -> np.ndarray:
    nz = np.flatnonzero(f)
    return f[: nz[-1] + 1] if nz.size else f[:0]


def _gcd_degree_mod(f: np.ndarray, g: np.ndarray, p: int) -> int:
    """Degree of gcd(f, g) over GF(p) (coefficients lowest first; -1 for the zero polynomial)."""
    f, g = _trim(f), _trim(g)
    while g.size:
        inv = pow(int(g[-1]), p - 2, p)
        f = f.copy()
        dg = g.size - 1
        while f.size and f.size - 1 >= dg:
            c = int(f[-1]) * inv % p
            shift = f.size - 1 - dg
            f[shift:] = (f[shift:] - c * g) % p
            f = _trim(f)
        f, g = g, f
    return f.size - 1


def power_from_homogeneous(a: Sequence[int]) -> list[int]:
    """Power-basis coefficients (lowest first) of ``sum_k A_k x^k (1 - x)^(m - k)``.

    ``x^m P(1/x) = sum_k A_k (x - 1)^(m - k)``: a Taylor shift by -1 of the reversed ``A``,
    done as ``m`` alternating cumulative sums (O(m^2) additions, no multiplications).
    """
    m = len(a) - 1
    # V(y - 1) = U(1 - y) with U(y) = V(-y): negate odd terms, shift by +1 (suffix sums),
    # negate odd terms again
    c = np.array([a[m - i] for i in range(m + 1)], dtype=object)  # V(y) = sum A_{m-i} y^i
    c[1::2] = -c[1::2]
    for i in range(m):
        c[i:] = np.cumsum(c[i:][::-1])[::-1]
    c[1::2] = -c[1::2]
    # c holds V(x - 1) lowest first = P's coefficients highest first
    return [int(v) for v in c[::-1]]
