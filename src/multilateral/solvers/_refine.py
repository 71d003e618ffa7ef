"""Exact evaluation at rationals and refinement of isolated roots in (0, 1).

Polynomials are ``P(x) = sum_k A_k x^k (1 - x)^(m - k)`` with integer ``A`` (the homogeneous
form of :mod:`._bernstein`). Signs are exact (binary splitting in Python ints); floats only
choose where to evaluate next:

* :func:`refine` narrows an isolating interval until its float is correctly rounded: a float
  guess from the interval's own Bernstein coefficients, Newton steps with the exact value of
  ``P``, and exact signs at the midpoints to the neighbouring floats (about four exact
  evaluations per root); exact regula falsi (:func:`narrow`) where floats fail;
* :func:`rational_root` recognises a rational root: ``p`` divides the first and ``q - p`` the
  last nonzero coefficient, so the candidates are few.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from .._namespace import public_dir

__all__ = ["narrow", "rational_root", "refine", "scaled_value", "sign_at"]
__dir__ = public_dir(__all__)

#: Half the machine epsilon (the unit roundoff of float64).
_U = math.ulp(1.0) / 2


def sign_at(a: Sequence[int], x: Fraction) -> int:
    """The sign of ``sum_k A_k x^k (1 - x)^(m - k)`` at a rational ``x``, exactly.

    With ``x = p / q``: the sign of ``sum_k A_k p^k (q - p)^(m - k)``, by binary splitting
    (balanced products of big integers, O(M(N) log m) for N-bit results).
    """
    v = scaled_value(a, x)
    return (v > 0) - (v < 0)


def scaled_value(a: Sequence[int], x: Fraction) -> int:
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


def _ratio(num: int, den: int, shift: int) -> float:
    """``num / den * 2**shift`` as a float, from the leading bits (inf or 0 out of range)."""
    sn, sd = max(0, num.bit_length() - 64), max(0, den.bit_length() - 64)
    try:
        return math.ldexp(float(num >> sn) / float(den >> sd), sn - sd + shift)
    except OverflowError:
        return math.inf


def _local_root(c: np.ndarray) -> float:
    """The root in (0, 1) of the float Bernstein polynomial ``c`` (``c_0``, ``c_m`` of
    opposite signs), by Brent's method; nan if it fails."""
    from scipy.optimize import brentq

    from ..games import binomial_weights

    m = len(c) - 1
    try:
        return float(brentq(lambda t: float(binomial_weights(m, t) @ c), 0.0, 1.0,
                            xtol=math.ulp(0.0), rtol=16 * _U))
    except (ValueError, ArithmeticError, RuntimeError):
        return math.nan


def _bisect(a: Sequence[int], lo: Fraction, hi: Fraction, s_lo: int, x: Fraction
            ) -> tuple[Fraction, Fraction, Fraction | None]:
    """Narrow ``(lo, hi)`` at ``x``: the new bracket, or the root if ``x`` is one."""
    s = sign_at(a, x)
    if s == 0:
        return x, x, x
    return (x, hi, None) if s == s_lo else (lo, x, None)


def refine(a: Sequence[int], lo: Fraction, hi: Fraction, local: np.ndarray,
           s_lo: int | None = None) -> tuple[float, Fraction | None, Fraction, Fraction]:
    """Narrow an isolating interval until both ends round to the same float.

    ``local`` are the Bernstein coefficients on ``(lo, hi)`` in floats (any positive multiple;
    :func:`isolate` gives them): on its own interval the polynomial is well scaled, so their
    float root is a good guess even where ``P``'s global float form is lost to cancellation.
    From it, Newton steps with the exact value of ``P`` and the float slope of the local form
    (scaled by one exact evaluation at ``lo``) land within a unit in the last place; exact
    signs at the two midpoints to the neighbouring floats then prove the rounding (about four
    exact evaluations per root). Exact regula falsi (:func:`narrow`) finishes where that
    fails. Returns the float, the root itself when an evaluation point hit it (a rational
    root), and the final bracket. ``s_lo``: the sign of ``P(lo)`` when known.
    """
    from ..games import binomial_weights

    m = len(a) - 1
    v_lo = scaled_value(a, lo)
    if v_lo == 0:
        return float(lo), lo, lo, lo
    s_lo = 1 if v_lo > 0 else -1
    c = np.asarray(local, dtype=np.float64)
    start, width = lo, hi - lo  # the local form's interval
    e_lo = lo.denominator.bit_length() - 1
    t = _local_root(c)
    x = start + Fraction(t) * width if math.isfinite(t) else (lo + hi) / 2
    x = Fraction(float(x))
    mc = len(c) - 1  # the local form's degree (``a`` may have had roots at infinity removed)
    slopes = mc * np.diff(c)
    for _ in range(3):
        if not lo < x < hi or mc < 1:
            break
        v = scaled_value(a, x)
        if v == 0:
            return float(x), x, x, x
        lo, hi = (x, hi) if (v > 0) == (s_lo > 0) else (lo, x)
        # P(x) / P'(x) = [P(x) / P(lo)] * c_0 * width / (d/dt of the local form)
        d = float(binomial_weights(mc - 1, float((x - start) / width)) @ slopes)
        ratio = _ratio(v, v_lo, m * (e_lo - (x.denominator.bit_length() - 1)))
        if not d or not math.isfinite(ratio):
            break
        near = float(x) - ratio * float(c[0]) * float(width) / d
        if not (math.isfinite(near) and lo <= Fraction(near) <= hi):
            break
        below = (Fraction(near) + Fraction(math.nextafter(near, -math.inf))) / 2
        above = (Fraction(near) + Fraction(math.nextafter(near, math.inf))) / 2
        for y in (below, above):
            if lo < y < hi:
                lo, hi, hit = _bisect(a, lo, hi, s_lo, y)
                if hit is not None:
                    return float(hit), hit, hit, hit
        if lo >= below and hi <= above:  # strictly between the midpoints: rounds to near
            return near, None, lo, hi
        x = Fraction(near)
    # where floats fail (a poor guess, a slope lost to cancellation): exact Newton steps
    # (the width from the lower end: a root far below the bracket's top, 1e-300 in (0, 2**-20),
    # is reached by regula falsi, not by a thousand bisections at the floats' boundaries)
    lo, hi = narrow(a, lo, hi, Fraction(math.ulp(float(lo))) / 4, s_lo)
    while float(lo) != float(hi):  # one rounding boundary at most is left inside
        f = float(lo)
        y = (Fraction(f) + Fraction(math.nextafter(f, math.inf))) / 2
        lo, hi, hit = _bisect(a, lo, hi, s_lo, y if lo < y < hi else (lo + hi) / 2)
        if hit is not None:
            return float(hit), hit, hit, hit
    return float(lo), None, lo, hi  # (a root exactly halfway between floats is a hit)


def narrow(a: Sequence[int], lo: Fraction, hi: Fraction, width: Fraction,
           s_lo: int | None = None) -> tuple[Fraction, Fraction]:
    """Narrow an isolating interval (``P(lo)``, ``P(hi)`` nonzero of opposite signs) below
    ``width`` by exact evaluations only: regula falsi with the Illinois modification (the
    value kept at an end twice in a row is halved), superlinear near a simple root, with a
    bisection whenever two steps together did not halve the interval. Each point is rounded
    to a few more bits than the interval's width needs, so evaluations stay cheap. A root met
    exactly gives the interval ``(root, root)``."""
    v_lo, v_hi = scaled_value(a, lo), scaled_value(a, hi)
    if v_lo == 0:
        return lo, lo
    if v_hi == 0:
        return hi, hi
    m = len(a) - 1
    # P(x) = v / q**m for x = p / q: kept as (v, log2 of q**m); halving adds one to the log
    f_lo = (v_lo, m * (lo.denominator.bit_length() - 1))
    f_hi = (v_hi, m * (hi.denominator.bit_length() - 1))
    kept, count, before = 0, 0, hi - lo
    while hi - lo >= width:
        if count % 2 == 0:
            halve = count and hi - lo > before / 2
            x = (lo + hi) / 2 if halve else _falsi(lo, hi, f_lo, f_hi)
            before = hi - lo
        else:
            x = _falsi(lo, hi, f_lo, f_hi)
        count += 1
        v = scaled_value(a, x)
        if v == 0:
            return x, x
        fx = (v, m * (x.denominator.bit_length() - 1))
        if (v > 0) == (v_lo > 0):
            lo, f_lo = x, fx
            f_hi = (f_hi[0], f_hi[1] + 1) if kept == 1 else f_hi  # hi kept twice: halve it
            kept = 1
        else:
            hi, f_hi = x, fx
            f_lo = (f_lo[0], f_lo[1] + 1) if kept == -1 else f_lo
            kept = -1
    return lo, hi


def _falsi(lo: Fraction, hi: Fraction, f_lo: tuple[int, int], f_hi: tuple[int, int]
           ) -> Fraction:
    """The secant point of ``(lo, f_lo)`` and ``(hi, f_hi)`` (values ``v / 2**e`` of opposite
    signs), rounded to a dyadic with 24 bits below the interval's width, strictly inside."""
    (v0, e0), (v1, e1) = f_lo, f_hi
    # t = f_lo / (f_lo - f_hi) in (0, 1), from the two values' leading bits
    b0, b1 = v0.bit_length() - e0, v1.bit_length() - e1
    top = max(b0, b1)
    lead0 = math.ldexp(float(abs(v0) >> max(0, v0.bit_length() - 64)),
                       max(0, v0.bit_length() - 64) - e0 - top)
    lead1 = math.ldexp(float(abs(v1) >> max(0, v1.bit_length() - 64)),
                       max(0, v1.bit_length() - 64) - e1 - top)
    t = lead0 / (lead0 + lead1)
    bits = (1 / (hi - lo)).__floor__().bit_length() + 24
    scale = 1 << bits
    k = ((lo + (hi - lo) * Fraction(t)) * scale).__floor__()
    x = Fraction(k, scale)
    if not lo < x < hi:
        x = (lo + hi) / 2
    return x


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
