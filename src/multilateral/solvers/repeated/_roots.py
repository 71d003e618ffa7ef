"""Exact rational functions of ``delta`` and the set where finitely many of them are <= 0.

The Nash threshold (:mod:`._nash`) needs, for each deviation policy, the sign of a rational
function of the discount factor on ``[0, 1)``. This module gives the tools, in Python ints and
Fractions (no sympy on the common path):

* :func:`series_fraction` -- a discounted value ``start (I - delta P)^-1 u`` as ``N / C``
  with integer polynomials, from the power series ``start P^t u`` by the Berlekamp-Massey
  algorithm (the series satisfies a linear recurrence of order at most the number of states,
  so ``2 * states`` terms determine it);
* :func:`feasible_set` -- the exact set of ``delta`` in ``[0, 1)`` where every polynomial of a
  list is <= 0: roots in ``(0, 1)`` are located by Descartes' rule of signs (polynomials with
  none are decided by one exact evaluation) and, for the rest, isolated jointly by sympy's
  real-root isolation over the integers; the sign at each root and in each gap between roots
  is then evaluated exactly. An irrational threshold is returned as a sympy algebraic number.

Polynomials are lists of coefficients, lowest degree first.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ._modular import integer_recurrence

__all__ = ["RootSet", "berlekamp_massey", "feasible_set", "poly_mul", "poly_sub",
           "series_fraction"]

Poly = list[int]


def _lcm_denominators(values: Sequence[Fraction]) -> int:
    out = 1
    for v in values:
        out = math.lcm(out, v.denominator)
    return out


def _scaled(values: Sequence[Fraction], den: int) -> list[int]:
    """``values`` times ``den`` (a common denominator), in Python ints."""
    return [v.numerator * (den // v.denominator) for v in values]


def series_fraction(start: Sequence[Fraction], trans: Sequence[Sequence[Fraction]],
                    reward: Sequence[Fraction]) -> tuple[Poly, Poly]:
    """``(N, C)``: ``sum_t delta^t start P^t u == N(delta) / C(delta)``, integer coefficients.

    ``C(0) > 0`` and ``C`` has no root in ``[0, 1)`` (its roots are reciprocals of eigenvalues
    of a stochastic matrix), so ``C > 0`` there.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> series_fraction([F(1)], [[F(1)]], [F(3)])   # 3 / (1 - delta)
    ([3], [1, -1])
    """
    path = _path_fraction(start, trans, reward)
    if path is not None:
        return path
    size = len(start)
    q = _lcm_denominators([v for row in trans for v in row])
    mat = [_scaled(row, q) for row in trans]
    sden = _lcm_denominators(start)
    uden = _lcm_denominators(reward)
    vec = _scaled(start, sden)
    u = _scaled(reward, uden)
    seq = []
    for _ in range(2 * size):
        seq.append(Fraction(sum(a * b for a, b in zip(vec, u, strict=True))))
        nxt = [0] * size
        for x, w in enumerate(vec):
            if w:
                for y, m in enumerate(mat[x]):
                    if m:
                        nxt[y] += w * m
        vec = nxt
    # seq[t] = q^t * sden * uden * (start P^t u): Berlekamp-Massey on it (modulo primes, in
    # Fractions should that not verify), then delta -> delta/q
    found = integer_recurrence([int(v) for v in seq], q)
    conn, order = ([Fraction(c) for c in found[0]], found[1]) if found is not None else (
        berlekamp_massey(seq))
    num = [sum((conn[j] * seq[k - j] for j in range(min(k, len(conn) - 1) + 1)), Fraction(0))
           for k in range(order)]
    scale = sden * uden
    num_s = [v * q ** (order - k) / scale for k, v in enumerate(num)]
    conn_s = [v * q ** (order - k) for k, v in enumerate(conn)]
    den = _lcm_denominators(num_s + conn_s)
    return _trim([int(v * den) for v in num_s]), _trim([int(v * den) for v in conn_s])


def _path_fraction(start: Sequence[Fraction], trans: Sequence[Sequence[Fraction]],
                   reward: Sequence[Fraction]) -> tuple[Poly, Poly] | None:
    """:func:`series_fraction` of a deterministic chain from one state, or None.

    The path is a tail of ``m`` states and a cycle of ``L``: the series is
    ``A(delta) + delta^m B(delta) / (1 - delta^L)``, so ``N = A (1 - delta^L) + delta^m B``
    and ``C = 1 - delta^L``, read off the path with no linear algebra (the exact Nash
    threshold evaluates thousands of policies this way).
    """
    first = [x for x, v in enumerate(start) if v]
    if len(first) != 1 or start[first[0]] != 1:
        return None
    succ = []
    for row in trans:
        nz = [y for y, v in enumerate(row) if v]
        if len(nz) != 1 or row[nz[0]] != 1:
            return None
        succ.append(nz[0])
    seen: dict[int, int] = {}
    path: list[int] = []
    x = first[0]
    while x not in seen:
        seen[x] = len(path)
        path.append(x)
        x = succ[x]
    tail, cycle = seen[x], len(path) - seen[x]
    values = [Fraction(reward[y]) for y in path]
    den = _lcm_denominators(values)
    ints = _scaled(values, den)
    num = [0] * (tail + cycle)
    for k in range(tail):  # A (1 - delta^L)
        num[k] += ints[k]
        num[k + cycle] -= ints[k]
    for j in range(cycle):  # delta^m B
        num[tail + j] += ints[tail + j]
    conn = [den] + [0] * (cycle - 1) + [-den]
    g = math.gcd(*num, *conn)
    return _trim([c // g for c in num]), [c // g for c in conn]


def berlekamp_massey(seq: Sequence[Fraction]) -> tuple[list[Fraction], int]:
    """The shortest recurrence ``sum_j C_j s_(n-j) = 0`` (``C_0 = 1``) and its order."""
    conn, prev = [Fraction(1)], [Fraction(1)]
    order, gap, last = 0, 1, Fraction(1)
    for n, s in enumerate(seq):
        d = s + sum((conn[j] * seq[n - j] for j in range(1, min(order, len(conn) - 1) + 1)),
                    Fraction(0))
        if d == 0:
            gap += 1
            continue
        coef = d / last
        old = conn[:]
        conn = conn + [Fraction(0)] * max(0, len(prev) + gap - len(conn))
        for j, b in enumerate(prev):
            conn[j + gap] -= coef * b
        if 2 * order <= n:
            order, prev, last, gap = n + 1 - order, old, d, 1
        else:
            gap += 1
    conn = conn[:order + 1] + [Fraction(0)] * max(0, order + 1 - len(conn))
    return conn, order


def _trim(p: Poly) -> Poly:
    while p and p[-1] == 0:
        p = p[:-1]
    return p


def poly_mul(a: Poly, b: Poly) -> Poly:
    """The product of two polynomials."""
    if not a or not b:
        return []
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def poly_sub(a: Poly, b: Poly) -> Poly:
    """``a - b``, trimmed."""
    n = max(len(a), len(b))
    return _trim([(a[k] if k < len(a) else 0) - (b[k] if k < len(b) else 0) for k in range(n)])


def _sign_at(p: Poly, x: Fraction) -> int:
    """The sign of ``p(x)``, exactly."""
    a, b = x.numerator, x.denominator
    total, scale = p[-1], 1  # b^n p(a / b) by Horner: sum_k c_k a^k b^(n - k)
    for c in reversed(p[:-1]):
        scale *= b
        total = total * a + c * scale
    return (total > 0) - (total < 0)


def _reduce(p: Poly) -> Poly:
    """``p`` without factors ``delta``, ``1 - delta`` and its content: same sign on (0, 1)."""
    k = 0
    while p[k] == 0:
        k += 1
    p = p[k:]
    while sum(p) == 0 and len(p) > 1:  # p(1) = 0: p = (1 - delta) q
        q, carry = [0] * (len(p) - 1), 0
        for j in range(len(p) - 1, 0, -1):  # synthetic division by (delta - 1)
            carry = p[j] + carry
            q[j - 1] = carry
        p = [-c for c in q]
    g = 0
    for c in p:
        g = math.gcd(g, c)
    return [c // g for c in p]


def _roots_in_unit_bound(p: Poly) -> int:
    """Descartes' bound on the roots of ``p`` in (0, 1) (0: none; 1: exactly one)."""
    n = len(p) - 1
    # (1 + y)^n p(1 / (1 + y)) = r(y + 1) with r(y) = y^n p(1 / y): its coefficients' sign
    # changes bound the roots of p in (0, 1)
    q = [p[n - j] for j in range(n + 1)]  # r, lowest degree first
    for i in range(n):  # q(y + 1) by repeated synthetic steps
        for j in range(n - 1, i - 1, -1):
            q[j] += q[j + 1]
    signs = [c > 0 for c in q if c]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


@dataclass(frozen=True)
class RootSet:
    """The exact feasible set: closed pieces between points, with the least point exactly."""

    pieces: tuple[tuple[float, float], ...]
    low: Any  # Fraction or sympy algebraic number; None when empty
    low_float: float
    binding: int | None  # index of a constraint that binds at ``low`` (> 0)


def feasible_set(polys: Sequence[Poly]) -> RootSet:
    """The set of ``delta`` in ``[0, 1)`` where every polynomial is <= 0, exactly.

    Examples
    --------
    >>> s = feasible_set([[2, -3]])  # 2 - 3 delta <= 0 from 2/3 on
    >>> s.low, s.pieces, s.binding
    (Fraction(2, 3), ((0.6666666666666666, 1.0),), 0)
    """
    at_zero = all(p[0] <= 0 for p in polys if p)
    reduced: dict[tuple[int, ...], int] = {}
    for idx, p in enumerate(polys):
        if p:
            reduced.setdefault(tuple(_reduce(p)), idx)
    rooted: list[tuple[Poly, int]] = []
    inner_possible = True
    for key, idx in reduced.items():
        p = list(key)
        if len(p) > 1 and _roots_in_unit_bound(p) > 0:
            rooted.append((p, idx))
        elif p[0] > 0 if len(p) == 1 else _sign_at(p, Fraction(1, 2)) > 0:
            inner_possible = False  # positive on all of (0, 1)
    roots = _isolate([p for p, _ in rooted]) if inner_possible and rooted else []
    constraints = [p for p, _ in rooted]

    def ok_at(point: Fraction, zero: frozenset[int] = frozenset()) -> bool:
        return all(k in zero or _sign_at(p, point) <= 0 for k, p in enumerate(constraints))

    # points: 0, the roots in order; gaps between them and up to 1
    points: list[tuple[Fraction, Fraction, frozenset[int], Poly]] = [
        (Fraction(0), Fraction(0), frozenset(), [])]
    points += roots
    feasible: list[tuple[int, int]] = []  # (k, k) a point, (k, k + 1) the gap after it
    if at_zero:
        feasible.append((0, 0))
    if inner_possible:
        for k, (a, b, zero, _) in enumerate(points):
            if k > 0 and ok_at((a + b) / 2, zero):
                feasible.append((k, k))
            nxt = points[k + 1][0] if k + 1 < len(points) else Fraction(1)
            if ok_at((b + nxt) / 2):
                feasible.append((k, k + 1))
    if not feasible:
        return RootSet((), None, math.inf, None)
    merged: list[list[int]] = []
    for lo, hi in feasible:
        if merged and merged[-1][1] == lo:
            merged[-1][1] = hi
        else:
            merged.append([lo, hi])

    def as_float(k: int) -> float:
        if k >= len(points):
            return 1.0
        a, b, _, sqf = points[k]
        if a != b:
            a, b = _refined(a, b, sqf, abs(b) * Fraction(1, 2**60))
        return float((a + b) / 2)

    pieces = tuple((as_float(lo), as_float(hi)) for lo, hi in merged)
    first = merged[0][0]
    if first == 0:
        return RootSet(pieces, Fraction(0), 0.0, None)
    a, b, zero, sqf = points[first]
    below = (points[first - 1][1] + a) / 2  # in the gap before: infeasible
    k = next((j for j in sorted(zero) if _sign_at(constraints[j], below) > 0), min(zero))
    return RootSet(pieces, _exact_root(sqf, a, b), as_float(first), rooted[k][1])


def _isolate(polys: list[Poly]) -> list[tuple[Fraction, Fraction, frozenset[int], Poly]]:
    """Disjoint isolating intervals of all roots in (0, 1), with which polynomials vanish.

    Each polynomial's roots are isolated on its own (sympy, over the integers: no
    factorization, unlike the joint isolation); overlapping intervals of different
    polynomials are bisected apart, or merged when the two share the root (their gcd vanishes
    in the overlap).
    """
    from sympy.polys.domains import QQ, ZZ
    from sympy.polys.euclidtools import dup_gcd
    from sympy.polys.rootisolation import dup_isolate_real_roots
    from sympy.polys.sqfreetools import dup_sqf_part

    entries: list[_Root] = []
    for k, p in enumerate(polys):
        dup = [ZZ(c) for c in reversed(p)]
        sqf = [int(c) for c in reversed(dup_sqf_part(dup, ZZ))]
        for (a, b), _ in dup_isolate_real_roots(dup, ZZ, inf=QQ(0), sup=QQ(1)):
            fa = Fraction(int(a.numerator), int(a.denominator))
            fb = Fraction(int(b.numerator), int(b.denominator))
            if fb > 0 and fa < 1 and not (fa == fb and fa in (0, 1)):
                entries.append(_Root(fa, fb, {k}, sqf))
    entries.sort(key=lambda r: r.a)
    k = 0
    while k + 1 < len(entries):
        one, two = entries[k], entries[k + 1]
        if one.b < two.a:
            k += 1
            continue
        lo, hi = max(one.a, two.a), min(one.b, two.b)
        shared = [int(c) for c in reversed(dup_gcd([ZZ(c) for c in reversed(one.poly)],
                                                   [ZZ(c) for c in reversed(two.poly)], ZZ))]
        if len(shared) > 1 and (_sign_at(shared, lo) * _sign_at(shared, hi) <= 0):
            # the same root (a simple root of the square-free gcd, which changes sign there)
            merged = _Root(lo, hi, one.zero | two.zero, shared)
            merged.shrink_to_root()
            entries[k:k + 2] = [merged]
            continue
        one.halve()
        two.halve()
        entries.sort(key=lambda r: r.a)
        k = max(0, k - 1)
    return [(r.a, r.b, frozenset(r.zero), r.poly) for r in entries]


class _Root:
    """A root of the square-free ``poly`` in ``[a, b]`` (a == b: exactly there)."""

    def __init__(self, a: Fraction, b: Fraction, zero: set[int], poly: Poly) -> None:
        self.a, self.b, self.zero, self.poly = a, b, set(zero), poly

    def halve(self) -> None:
        if self.a == self.b:
            return
        mid = (self.a + self.b) / 2
        at_mid = _sign_at(self.poly, mid)
        if at_mid == 0:
            self.a = self.b = mid
        elif at_mid == _sign_at(self.poly, self.a):
            self.a = mid
        else:
            self.b = mid

    def shrink_to_root(self) -> None:
        """Make sure the root lies in [a, b] with a sign change (or exactly at an end)."""
        for end in (self.a, self.b):
            if _sign_at(self.poly, end) == 0:
                self.a = self.b = end


def _refined(a: Fraction, b: Fraction, poly: Poly, width: Fraction) -> tuple[Fraction, Fraction]:
    """``[a, b]`` bisected (the square-free ``poly`` changes sign in it) below ``width``."""
    root = _Root(a, b, set(), poly)
    while root.b - root.a > width:
        root.halve()
    return root.a, root.b


def _exact_root(p: Poly, a: Fraction, b: Fraction) -> Any:
    """The root of the square-free ``p`` in ``[a, b]``: a Fraction when rational, else sympy's.

    A rational root's denominator divides the leading coefficient ``lead``, and two such
    fractions are at least ``1 / lead**2`` apart: once ``[a, b]`` is narrower than half that,
    the only candidate is the fraction with denominator <= ``lead`` nearest its middle.
    """
    if a == b:
        return a
    lead = abs(p[-1])
    a, b = _refined(a, b, p, Fraction(1, 4 * lead * lead))
    if a == b:
        return a
    guess = ((a + b) / 2).limit_denominator(lead)  # a rational root's denominator divides lead
    if a <= guess <= b and _sign_at(p, guess) == 0:
        return guess
    import sympy

    # the root's index among the real roots (Sturm count below a, exact: p(a) != 0 here),
    # not a comparison of 40-digit values, which fails once [a, b] is narrower than 1e-40
    poly = sympy.Poly(list(reversed(p)), sympy.Symbol("delta"))
    below = poly.count_roots(None, sympy.Rational(a.numerator, a.denominator))
    r = poly.real_roots()[int(below)]  # radicals for quadratics, as before
    return Fraction(int(r.p), int(r.q)) if r.is_Rational else r
