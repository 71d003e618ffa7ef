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
* from degree ``FLOAT_FROM`` the subdivision runs in floats first, with a rigorous bound on
  every coefficient's rounding error (a sign is used only where the coefficient exceeds its
  bound); only subintervals where a sign stays uncertain are redone in integers;
* :mod:`._refine` narrows each isolating interval to a correctly rounded float by exact sign
  evaluations and recognises rational roots.

Isolation terminates for square-free polynomials; :func:`is_squarefree` tests that modulo a
large prime (a certificate when it says yes). Polynomials are lists of Python ints. Two forms
are used: Bernstein coefficients ``b`` (``P = sum b_k C(m, k) x^k (1 - x)^(m - k)``) and
homogeneous coefficients ``A_k = b_k C(m, k)`` (``P = sum A_k x^k (1 - x)^(m - k)``); ``A`` read
as a power series in ``z`` is ``Q(z) = (1 + z)^m P(z / (1 + z))``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from .._namespace import public_dir

__all__ = [
    "bernstein_from_homogeneous",
    "deflate",
    "homogeneous",
    "is_squarefree",
    "isolate",
    "power_from_homogeneous",
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


def isolate(b: Sequence[int], *, float_from: int | None = None
            ) -> tuple[list[Fraction], list[tuple[Fraction, Fraction, int, np.ndarray]]]:
    """Roots in (0, 1) of a square-free Bernstein polynomial (integer coefficients).

    Returns the roots found exactly (dyadic rationals met as subdivision points) and disjoint
    open isolating intervals ``(lo, hi, s, local)`` with dyadic ends, each holding exactly one
    simple root, with ``s`` the sign of ``P(lo)`` (``P(lo)`` and ``P(hi)`` are nonzero of
    opposite signs) and ``local`` the Bernstein coefficients on ``(lo, hi)`` in floats (a
    positive multiple, largest near 1: the guess for :func:`refine`).

    From degree ``float_from`` (default ``FLOAT_FROM``) the subdivision runs in floats first,
    with a rigorous bound on the rounding error of every coefficient: a coefficient larger than
    its bound has the exact one's sign, so Descartes' count is exact where every sign is
    certain. Only a subinterval where some sign stays uncertain (a root on a subdivision point,
    roots closer than about ``1e-12``) gets its exact coefficients and is isolated in integers.
    """
    b = list(b)
    m = len(b) - 1
    if m < (FLOAT_FROM if float_from is None else float_from):
        exact, intervals = _isolate_exact(b, Fraction(0), Fraction(1))
    else:
        exact, intervals, unsure = _isolate_float(b)
        for lo, hi in _runs(unsure):  # neighbouring uncertain subintervals: one exact pass
            coeffs = _restrict(b, lo, hi)
            for end, value in ((lo, coeffs[0]), (hi, coeffs[-1])):
                if value == 0 and 0 < end < 1:  # a root on the run's end
                    exact.append(end)
            found, isolated = _isolate_exact(coeffs, lo, hi - lo)
            exact += found
            intervals += isolated
        exact = sorted(set(exact))
    intervals.sort(key=lambda item: item[0])
    return exact, intervals


def _runs(nodes: list[tuple[int, int]]) -> list[tuple[Fraction, Fraction]]:
    """The subintervals ``(num / 2**depth, (num + 1) / 2**depth)`` joined where they touch."""
    spans = sorted((Fraction(num, 1 << depth), Fraction(num + 1, 1 << depth))
                   for num, depth in nodes)
    out: list[tuple[Fraction, Fraction]] = []
    for lo, hi in spans:
        if out and out[-1][1] == lo:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


#: Degree from which :func:`isolate` subdivides in floats first.
FLOAT_FROM = 24
#: A subinterval whose float coefficients have an uncertain sign this many levels in a row
#: (or past _FLOAT_MAX_DEPTH) is isolated exactly.
_FLOAT_RETRIES = 3
_FLOAT_MAX_DEPTH = 60
#: The unit roundoff of float64 and a bound on the absolute error of one operation in the
#: subnormal range.
_U = math.ulp(1.0) / 2
_TINY = math.ldexp(1.0, -1070)
#: Covers the rounding of the bound's own computation (a few operations on positive floats).
_MARGIN = 1 + math.ldexp(1.0, -30)


def _isolate_exact(b: list[int], start: Fraction, span: Fraction
                   ) -> tuple[list[Fraction], list[tuple[Fraction, Fraction, int, np.ndarray]]]:
    """Exact subdivision of the interval ``(start, start + span)``, on which ``b`` are the
    Bernstein coefficients (times a positive number)."""
    exact: list[Fraction] = []
    intervals: list[tuple[Fraction, Fraction, int, np.ndarray]] = []
    stack: list[tuple[list[int], int, int]] = [(b, 0, 0)]  # (coefficients, numerator, depth)
    while stack:
        coeffs, num, depth = stack.pop()
        v = variations(coeffs)
        if v == 0:
            continue
        if v == 1 and coeffs[0] and coeffs[-1]:
            intervals.append((start + span * Fraction(num, 1 << depth),
                              start + span * Fraction(num + 1, 1 << depth),
                              1 if coeffs[0] > 0 else -1, _to_floats(coeffs)[0]))
            continue
        if depth >= _MAX_DEPTH:
            raise ArithmeticError("root isolation did not separate the roots")
        left, right = _split(coeffs)
        if right[0] == 0:  # the midpoint is a root
            exact.append(start + span * Fraction(2 * num + 1, 1 << (depth + 1)))
        stack.append((right, 2 * num + 1, depth + 1))
        stack.append((left, 2 * num, depth + 1))
    return exact, intervals


def _to_floats(b: Sequence[int]) -> tuple[np.ndarray, float]:
    """``b / 2**s`` in floats with the largest in [1/2, 1), and a bound on each one's error."""
    bits = max(abs(v).bit_length() for v in b)
    cut = max(0, bits - 60)  # shifted to at most 60 bits, then rounded once to 53
    row = np.array([math.ldexp(float(v >> cut), cut - bits) for v in b], dtype=np.float64)
    # error: the shift's floor (< 2**(cut - bits) <= 2**-60) and one rounding (<= u)
    return row, math.ldexp(1.0, -59) + _U


def _isolate_float(b: Sequence[int]) -> tuple[
        list[Fraction], list[tuple[Fraction, Fraction, int, np.ndarray]], list[tuple[int, int]]]:
    """Float subdivision with certified signs, all subintervals of one depth at once.

    Each row holds the Bernstein coefficients on ``(num / 2**depth, (num + 1) / 2**depth)``,
    scaled by a power of two so that the largest is in [1/2, 1), and ``err`` bounds the
    distance of every one from the exact coefficient (times the same positive scale).
    de Casteljau at 1/2 adds and halves: halving is exact (up to ``_TINY`` in the subnormal
    range), each addition errs by at most ``u`` times its result, every intermediate is
    at most ``M (1 + u)^m + m _TINY`` (``M`` the row's largest), and the inherited errors are
    averaged, not amplified: a split adds at most ``m (u M (1 + 2 m u) + 2 _TINY)`` to the
    bound. Returns the exact roots (none: a root on a subdivision point leaves its signs
    uncertain), the isolating intervals and the ``(num, depth)`` of the uncertain ones.
    """
    m = len(b) - 1
    row0, err0 = _to_floats(b)
    rows = row0[None, :]
    errs = np.array([err0])
    nums = [0]
    streak = np.zeros(1, dtype=np.int64)
    intervals: list[tuple[Fraction, Fraction, int, np.ndarray]] = []
    unsure: list[tuple[int, int]] = []
    grow = m * _U * (1 + 2 * (m + 1) * _U) * _MARGIN
    depth = 0
    while nums:
        sure = np.abs(rows) > errs[:, None]
        certain = sure.all(axis=1)
        signs = np.sign(rows)
        changes = (signs[:, 1:] != signs[:, :-1]).sum(axis=1)
        streak = np.where(certain, 0, streak + 1)
        split = []
        for i, num in enumerate(nums):
            if certain[i]:
                if changes[i] == 0:
                    continue
                if changes[i] == 1:
                    intervals.append((Fraction(num, 1 << depth), Fraction(num + 1, 1 << depth),
                                      int(signs[i, 0]), rows[i].copy()))
                    continue
            elif streak[i] > _FLOAT_RETRIES or depth >= _FLOAT_MAX_DEPTH:
                unsure.append((num, depth))
                continue
            split.append(i)
        if not split:
            break
        parent = rows[split]
        top = np.abs(parent).max(axis=1)
        err = errs[split] + grow * top + 2 * m * _TINY
        left, right = _split_float(parent)
        both = np.concatenate([left, right])
        # rescale each child by a power of two (exact) so that its largest is in [1/2, 1)
        _, expo = np.frexp(np.abs(both).max(axis=1))
        both = np.ldexp(both, -expo[:, None])
        errs = np.ldexp(np.concatenate([err, err]), -expo) * _MARGIN
        rows = both
        nums = [2 * nums[i] for i in split] + [2 * nums[i] + 1 for i in split]
        streak = np.concatenate([streak[split], streak[split]])
        depth += 1
    return [], intervals, unsure


def _split_float(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """de Casteljau at 1/2 in floats for every row: the coefficients on each half."""
    size = rows.shape[1]
    left = np.empty_like(rows)
    right = np.empty_like(rows)
    left[:, 0] = rows[:, 0]
    right[:, -1] = rows[:, -1]
    work = rows.copy()
    for j in range(1, size):
        work = (work[:, :-1] + work[:, 1:]) * 0.5
        left[:, j] = work[:, 0]
        right[:, size - 1 - j] = work[:, -1]
    return left, right


def _restrict(b: Sequence[int], lo: Fraction, hi: Fraction) -> list[int]:
    """Exact integer Bernstein coefficients (a positive multiple) on ``[lo, hi]`` inside
    ``[0, 1]``: de Casteljau at ``lo`` keeps ``[lo, 1]``, then at ``(hi - lo) / (1 - lo)`` of
    that keeps its left part (integer weights over a common denominator, no division)."""
    m = len(b) - 1
    q = math.lcm(lo.denominator, hi.denominator)
    num, top = lo.numerator * (q // lo.denominator), hi.numerator * (q // hi.denominator)
    coeffs = list(b)
    if num:
        row = np.array(coeffs, dtype=object)
        ends = [row[-1]]
        for _ in range(m):
            row = row[:-1] * (q - num) + row[1:] * num
            ends.append(row[-1])
        # ends[j] is the coefficient m - j on [lo, 1] times q**j
        coeffs = [ends[m - k] * q**k for k in range(m + 1)]  # all times q**m
    d, t = q - num, top - num  # [lo, hi] is [0, t / d] of [lo, 1]
    if t < d:
        row = np.array(coeffs, dtype=object)
        starts = [row[0]]
        for _ in range(m):
            row = row[:-1] * (d - t) + row[1:] * t
            starts.append(row[0])
        coeffs = [v * d ** (m - j) for j, v in enumerate(starts)]
    g = math.gcd(*coeffs)
    return [int(v) // g for v in coeffs] if g > 1 else [int(v) for v in coeffs]


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
