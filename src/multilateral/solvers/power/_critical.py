"""Johnston, Deegan-Packel and Holler-Packel of weighted games by dynamic programming.

No coalition is enumerated, so any number of members works (the weight table has ``q``
entries). Members are sorted by weight, heaviest first (ties by position). In a winning
coalition ``S`` of weight ``W`` a member is critical exactly when its weight exceeds the
excess ``W - q``, so the critical members of ``S`` are its heaviest ones, down to the *last
critical member* ``l``: ``S = X + {l} + Y`` with ``X`` any subset of the members before ``l``
(all critical) and ``Y`` a subset of the members after ``l`` (none critical). ``S`` is
*minimal* winning when all its members are critical (``Y`` empty). For a table ``E_l(a)``
that counts the ways to complete ``X`` of weight ``a`` (only ``Y`` empty for minimal
coalitions; every ``Y`` whose heaviest member ``r`` satisfies ``w_r <= W - q < w_l`` for
Johnston: sums of suffix subset counts over a window that depends on ``r``, gathered for all
``r`` at once by two running sums), the coalitions in which member ``i`` is critical are
counted by a forward table over the members before ``i`` and a backward table over the
members after it::

    F_i(a) = sum over X before i of weight a of u**|X|
    R_{i-1}(a) = E_i(a) + R_i(a) + u * R_i(a + w_i)
    J_i(u) = sum_a F_i(a) * (E_i(a) + u * R_i(a + w_i))

``J_i(u)`` weighs a coalition with ``|X|`` other critical members by ``u**|X|``: at ``u = 1``
it counts (Holler-Packel), and its integral over ``[0, 1]`` weighs each coalition by ``1 /
(number of critical members)`` (Johnston; for minimal coalitions ``1 / |S|``,
Deegan-Packel). ``J_i`` is a polynomial of degree below ``n``: Gauss-Legendre quadrature
with ``ceil(n / 2)`` nodes integrates it exactly in float64 (all terms are positive: no
cancellation), and interpolation at the integer nodes ``0 .. n-1`` with exact rational
weights gives Fractions. ``O(n q)`` per node.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidArgumentError

__all__ = [
    "MAX_CRITICAL_TABLE",
    "MAX_FLOAT_MEMBERS",
    "NODE_CHUNK",
    "critical_counts",
    "critical_integrals",
    "exact_node_weights",
    "float_relative_bound",
    "quadrature_nodes",
]

NODE_CHUNK = 12_000_000  # float64 entries of the stored backward tables per pass (96 MB)
MIN_ROWS = 4            # fewer nodes a pass than this: keep R_i only every sqrt(n) members
#: Most members (of nonzero weight) of the float program: the forward tables count subsets
#: of the heavier members unscaled (up to ``2**(n - 1)``), the completion tables are scaled
#: by ``2**-min(n, 900)``; beyond ``2**1023`` float64 overflows (NaN values, measured at
#: 1,100 equal members). Both tables span ``2**n`` within themselves, so one scale each
#: cannot serve beyond this.
MAX_FLOAT_MEMBERS = 1000
#: Largest ``n * q`` (members times quota) the dynamic program tabulates: each member's
#: completion table is kept (Python integers), so memory grows with it.
MAX_CRITICAL_TABLE = 10_000_000


def completions(w: list[int], q: int, johnston: bool) -> list[NDArray[Any]]:
    """``E_l(a)`` for each member ``l`` (sorted heaviest first), exact Python integers."""
    n = len(w)
    out: list[NDArray[Any]] = [np.zeros(0, dtype=object)] * n
    g = np.zeros(q, dtype=object)   # subset counts of the members after l, by weight
    g[0] = 1
    gc = np.cumsum(g).astype(object)
    running_a = np.zeros(q, dtype=object)   # sum over r > l of Gc_r(q - 1 - w_r - a)
    running_k = np.zeros(q, dtype=object)   # sum over r > l of Gc_r(v)
    for lam in range(n - 1, -1, -1):
        wl = w[lam]
        e = np.zeros(q, dtype=object)
        e[max(q - wl, 0):] = 1
        if johnston:
            e += running_a
            if wl < q:   # minus K(q - w_l - 1 - a) for a <= q - w_l - 1
                e[:q - wl] -= running_k[q - wl - 1::-1]
                # add r = lam, then move the suffix one member up
                running_a[:q - wl] += gc[q - wl - 1::-1]
                g[wl:] += g[:q - wl].copy()
            running_k += gc
            gc = np.cumsum(g).astype(object)
        out[lam] = e
    return out


def completions_float(w: list[int], q: int, scale: float) -> list[NDArray[np.float64]]:
    """Johnston's ``E_l(a)`` in float64 without cancellation (all increments positive).

    ``E_l = E_{l+1} + [q - w_l <= a < q - w_{l+1}] + sum_{v = q - w_l - a}^{q - w_{l+1} - 1 - a}
    H_l(v)`` with ``H_l`` the sum of the subset counts of the members after each ``r > l``:
    windows of length ``w_l - w_{l+1}``, summed directly (``w_1 - w_n`` vector additions).
    Every count is multiplied by ``scale`` (to stay finite).
    """
    n = len(w)
    a = np.arange(q)
    out: list[NDArray[np.float64]] = [np.zeros(0)] * n
    g = np.zeros(q)   # subset counts of the members after l + 1 (times scale)
    g[0] = scale
    h = np.zeros(q)   # sum over r > l of the subset counts of the members after r
    e = np.where(a >= q - w[n - 1], scale, 0.0)
    out[n - 1] = e
    for lam in range(n - 2, -1, -1):
        h = h + g   # now the sum over r > lam (G of r = lam + 1 added)
        e = e + np.where((a >= q - w[lam]) & (a < q - w[lam + 1]), scale, 0.0)
        _add_windows(e, h, max(q - w[lam], 0), q - w[lam + 1] - 1)
        out[lam] = e
        wn = w[lam + 1]   # move the suffix: members after lam = after lam + 1, plus lam + 1
        if wn < q:
            g = g.copy()
            g[wn:] += g[:q - wn].copy()
    return out


def _add_windows(e: NDArray[np.float64], h: NDArray[np.float64], cs: int, ce: int) -> None:
    """``e[:c + 1] += h[c::-1]`` for every ``c`` in ``cs .. ce``, by positive additions only.

    ``e[a]`` gains ``h[cs - a] + ... + h[ce - a]`` for ``a <= cs`` (a window of length
    ``L = ce - cs + 1`` on ``h``, built from windows of length ``2**k`` by doubling:
    ``O(q log L)`` instead of ``O(q L)``) and ``h[0] + ... + h[ce - a]`` for ``cs < a <=
    ce`` (prefix sums). No differences of sums: no cancellation.
    """
    if ce < cs:
        return
    length = ce - cs + 1
    if length <= 8:
        for c in range(cs, ce + 1):
            e[:c + 1] += h[c::-1]
        return
    block = h[:ce + 1].copy()   # windows of length 2**k starting at v (valid v <= ce + 1 - 2**k)
    acc = np.zeros(cs + 1)
    offset, k = 0, 0
    while length >> k:
        span = 1 << k
        if length >> k & 1:
            acc += block[offset:offset + cs + 1]
            offset += span
        if length >> (k + 1):
            block = block[:len(block) - span] + block[span:]
        k += 1
    e[:cs + 1] += acc[::-1]   # e[a] gains the window starting at cs - a
    if ce > cs:
        e[cs + 1:ce + 1] += np.cumsum(h[:ce - cs])[::-1]   # e[a] += h[0 .. ce - a]


class _Passes:
    """``J_i(u_k)`` for all members and a batch of nodes, with the backward tables ``R_i``
    kept only every ``stride`` members and recomputed block by block (memory
    ``(n / stride + stride)`` tables instead of ``n``). Every table is held compactly on
    its window (:func:`windows`): ``T[:, a - lo]`` is the entry at weight ``a``."""

    def __init__(self, w: list[int], q: int, e: list[NDArray[Any]], u: NDArray[Any],
                 stride: int = 1, arena: NDArray[Any] | None = None) -> None:
        self.w, self.q, self.e, self.u = w, q, e, u
        self.uc = u[:, None]
        self.stride = stride
        self.lo, self.hi = windows(w, q)
        self.arena = arena   # float64 memory reused by every pass (no fresh pages)

    def _width(self, i: int) -> int:
        return max(0, self.hi[i] - self.lo[i] + 1)

    def _zeros(self, i: int) -> NDArray[Any]:
        """A table on window ``i``."""
        return np.zeros((len(self.u), self._width(i)), dtype=self.u.dtype)

    def _step(self, r: NDArray[Any], i: int, out: NDArray[Any] | None = None) -> NDArray[Any]:
        """``R_{i-1}`` on window ``i`` from ``R_i`` on window ``i + 1``:
        ``R_{i-1}(a) = E_i(a) + R_i(a) + u R_i(a + w_i)`` (into ``out`` when given)."""
        lo, hi, w = self.lo[i], self.hi[i], self.w[i]
        if out is None:
            out = self._zeros(i)
            out += self.e[i][lo:hi + 1]
        else:
            np.copyto(out, self.e[i][lo:hi + 1])
        _add_shifted(out, lo, r, self.lo[i + 1], 0, None)
        _add_shifted(out, lo, r, self.lo[i + 1], w, self.uc, self.tmp)
        return out

    def run(self) -> tuple[NDArray[Any], NDArray[Any]]:
        """``(J, own)``: ``J[i, k] = J_i(u_k)``; ``own[i, k]`` the part where ``i`` is the
        last critical member."""
        n, k = len(self.w), len(self.u)
        widest = max(b - a + 1 for a, b in zip(self.lo, self.hi, strict=True))
        self.tmp = np.empty((k, max(1, widest)), dtype=self.u.dtype)
        r = self._zeros(n)
        marks: dict[int, NDArray[Any]] = {n - 1: r}
        views = self._carve() if self.stride == 1 else None
        for i in range(n - 1, 0, -1):
            r = self._step(r, i, None if views is None else views[i])
            if (i - 1) % self.stride == 0 or self.stride == 1:
                marks[i - 1] = r
        f = self._zeros(0)
        f[:, 0] = 1   # window 0 is {0}: the empty set
        out = np.zeros((n, k), dtype=self.u.dtype)
        own = np.zeros((n, k), dtype=self.u.dtype)
        for lo in range(0, n, self.stride):
            hi = min(lo + self.stride, n)
            if self.stride == 1:
                block = marks
            else:
                top = hi if hi in marks else n - 1
                block = {top: marks[top]}
                for i in range(top, lo, -1):
                    block[i - 1] = self._step(block[i], i)
            for i in range(lo, hi):
                wi, a0, a1 = self.w[i], self.lo[i], self.hi[i] + 1
                ew = self.e[i][a0:a1]
                part = f @ ew if f.dtype != object else (f * ew).sum(axis=1)
                own[i] = part
                # R_i(a + w_i) for a on window i, a + w_i on window i + 1
                c0 = max(a0, self.lo[i + 1] - wi)
                c1 = min(a1, self.hi[i + 1] + 1 - wi)
                if c1 > c0:
                    head = f[:, c0 - a0:c1 - a0]
                    tail = block[i][:, c0 + wi - self.lo[i + 1]:c1 + wi - self.lo[i + 1]]
                    cross = (np.einsum("ka,ka->k", head, tail) if f.dtype != object
                             else (head * tail).sum(axis=1))
                    out[i] = part + self.u * cross
                else:
                    out[i] = part
                # f_{i+1}(a) = f_i(a) + u f_i(a - w_i) on window i + 1
                nxt = self._zeros(i + 1) if views is None else self._spare(f, i + 1)
                _add_shifted(nxt, self.lo[i + 1], f, a0, 0, None)
                _add_shifted(nxt, self.lo[i + 1], f, a0, -wi, self.uc, self.tmp)
                f = nxt
                if self.stride != 1:
                    block.pop(i, None)
        return out, own

    def _carve(self) -> list[NDArray[Any]] | None:
        """Views of the arena: ``R_{i-1}`` (window ``i``) at ``[i]``, then two forward
        tables; None without an arena (or for Python integers)."""
        if self.arena is None or self.u.dtype == object:
            return None
        k, n = len(self.u), len(self.w)
        widest = max(self._width(i) for i in range(n + 1))
        views: list[NDArray[Any]] = [np.empty((k, 0))]
        start = 0
        for i in range(1, n):
            size = k * self._width(i)
            views.append(self.arena[start:start + size].reshape(k, self._width(i)))
            start += size
        self._forward = [self.arena[start + j * k * widest:start + (j + 1) * k * widest]
                         for j in range(2)]
        return views

    def _spare(self, f: NDArray[Any], i: int) -> NDArray[Any]:
        """A zeroed forward table on window ``i`` in the arena, not the one ``f`` uses."""
        k = len(self.u)
        flat = self._forward[0]
        if np.shares_memory(f, flat):
            flat = self._forward[1]
        out = flat[:k * self._width(i)].reshape(k, self._width(i))
        out.fill(0)
        return out


def arena_size(w: list[int], q: int, k: int) -> int:
    """Entries of the arena :class:`_Passes` carves for ``k`` nodes."""
    lo, hi = windows(w, q)
    widths = [max(0, b - a + 1) for a, b in zip(lo, hi, strict=True)]
    return k * (sum(widths) + 2 * max(widths))


def _add_shifted(dst: NDArray[Any], dst_lo: int, src: NDArray[Any], src_lo: int,
                 shift: int, factor: NDArray[Any] | None,
                 scratch: NDArray[Any] | None = None) -> None:
    """``dst(a) += factor * src(a + shift)`` wherever both are on their windows (tables
    held compactly from ``dst_lo`` and ``src_lo``); ``scratch`` (at least as large) holds
    the product, so no temporary is allocated."""
    a0 = max(dst_lo, src_lo - shift)
    a1 = min(dst_lo + dst.shape[1], src_lo + src.shape[1] - shift)
    if a1 <= a0:
        return
    piece = src[:, a0 + shift - src_lo:a1 + shift - src_lo]
    target = dst[:, a0 - dst_lo:a1 - dst_lo]
    if factor is None:
        target += piece
    elif scratch is None:
        target += piece * factor
    else:
        tmp = scratch[:, :a1 - a0]
        np.multiply(piece, factor, out=tmp)
        target += tmp


def windows(w: list[int], q: int) -> tuple[list[int], list[int]]:
    """``(lo, hi)``: for each position ``i`` (0..n), the weights ``a`` of subsets ``X`` of
    the members before ``i`` that can be part of a winning coalition: ``C_i - d <= a <=
    C_i`` and ``a < q``, with ``C_i`` the weight of the members before ``i`` and ``d = W -
    q`` (the others, outside the coalition, weigh at most ``d``). The forward, backward and
    completion tables are zero outside them, so the passes touch ``min(q, d + 1)`` entries
    a member instead of ``q`` (at an 85% quota, about 5.7x fewer)."""
    d = sum(w) - q
    lo, hi, c = [], [], 0
    for x in [*w, 0]:
        lo.append(max(0, c - d))
        hi.append(min(c, q - 1))
        c += x
    return lo, hi


def critical_counts(w: list[int], q: int) -> tuple[list[int], int]:
    """Minimal winning coalitions containing each member, and their number (exact)."""
    e = completions(w, q, johnston=False)
    counts, own = _Passes(w, q, e, np.ones(1, dtype=object)).run()
    # each minimal coalition is counted once at its last (lightest) member
    return [int(c) for c in counts[:, 0]], int(own[:, 0].sum())


def critical_integrals(w: list[int], q: int, johnston: bool,
                       exact: bool) -> tuple[list[Any], Any]:
    """``(integral_0^1 J_i(u) du for each member, number of minimal winning coalitions)``,
    Fractions and int, or floats (at most :data:`MAX_FLOAT_MEMBERS` members)."""
    n = len(w)
    if not exact:
        if n > MAX_FLOAT_MEMBERS:
            raise InvalidArgumentError(
                f"the float critical-member program takes at most {MAX_FLOAT_MEMBERS:,} "
                f"members with nonzero weight, got {n:,}: its counts (up to 2**n) leave the "
                "float64 range. exact=True counts in Python integers (correct but slow: "
                "hours at this size)")
        return _float_integrals(w, q, johnston)
    e = completions(w, q, johnston)
    d = degree(w, q) + 1
    nodes = np.array(list(range(d)), dtype=object)
    rows = max(1, NODE_CHUNK // 8 // (n * q))   # Python integers: keep fewer of them
    values = np.concatenate([_Passes(w, q, e, nodes[lo:lo + rows]).run()[0]
                             for lo in range(0, d, rows)], axis=1)
    weights = exact_node_weights(d)
    count: int | None = None if johnston else critical_counts(w, q)[1]
    return [sum((Fraction(int(values[i, k])) * weights[k] for k in range(d)),
                start=Fraction(0)) for i in range(n)], count


def _float_integrals(w: list[int], q: int, johnston: bool) -> tuple[list[float], float]:
    n = len(w)
    scale = 2.0 ** -min(n, 900)   # counts up to 2**n stay finite in float64
    if johnston:
        ef = completions_float(w, q, scale)
    else:
        ef = []   # minimal coalitions: E_l(a) = [q - w_l <= a < q], no Python integers
        for wl in w:
            e = np.zeros(q)
            e[max(q - wl, 0):] = scale
            ef.append(e)
    x, g = np.polynomial.legendre.leggauss(quadrature_nodes(w, q)[0])
    u, g = np.append((x + 1.0) / 2.0, 1.0), np.append(g / 2.0, 0.0)   # u = 1: counts
    lo, hi = windows(w, q)
    cells = max(1, sum(max(0, b - a + 1) for a, b in zip(lo, hi, strict=True)))
    rows = min(len(u), NODE_CHUNK // cells)   # nodes per pass when every R_i is kept
    stride = 1
    if rows < MIN_ROWS:
        stride = max(1, math.isqrt(n))
        rows = max(1, NODE_CHUNK // max(1, (cells // stride + 2 * cells // n * stride)))
    arena = np.empty(arena_size(w, q, rows)) if stride == 1 else None
    acc = np.zeros(n)
    minimal = 0.0
    for first in range(0, len(u), rows):
        part, own = _Passes(w, q, ef, u[first:first + rows], stride, arena).run()
        acc += part @ g[first:first + rows]
        if first + rows >= len(u):
            minimal = float(own[:, -1].sum()) / scale
    return [float(v) / scale for v in acc], minimal


def float_relative_bound(n: int, q: int, quad: float = 0.0) -> float:
    """A bound on the relative error of each value of :func:`critical_integrals` in floats.

    Every quantity of the float program is a sum of products of nonnegative numbers (no
    subtraction anywhere), so each is within ``gamma_D`` of its exact value, ``D`` the
    depth of roundings along any path: the completion tables ``E`` (``n`` accumulations,
    suffix counts ``2 n`` deep, windows by doubling and prefix sums: at most ``3 n + q + 2
    log2 q + 8``), the backward and forward tables (``2 n`` each), a dot product over ``q``
    weights, and the sum over at most ``n`` quadrature nodes: ``D <= 8 n + 2 q + 2 log2 q +
    16``. The relative error ``quad`` of the rule as computed (numpy's nodes and weights,
    which are not exact: :func:`quadrature_nodes`, also when enough nodes make the rule
    exact in exact arithmetic) is added, and ``4 n**2`` ulps more as a margin. The scale
    ``2**-min(n, 900)`` is exact. Underflow at nodes near ``u = 0`` drops terms below the
    smallest normal float times ``2**900``: far below this bound for any index value above
    ``1e-250``.
    """
    depth = 8 * n + 2 * q + 2 * max(1, q).bit_length() + 16
    u = float(np.finfo(np.float64).eps) / 2
    return depth * u / (1 - depth * u) + 4 * n * n * u + quad


#: The float program uses fewer quadrature nodes than exactness needs when the relative
#: quadrature error (:func:`monomial_bound`) stays below this times ``max(1, d / 100)**2``
#: (below the rest of :func:`float_relative_bound`, ``4 n**2`` ulps and more).
QUADRATURE_TARGET = 2.0**-40


def quadrature_nodes(w: list[int], q: int) -> tuple[int, float]:
    """``(K, rho)``: Gauss-Legendre nodes for the float program and the relative bound of
    its quadrature error, stated also when ``K > degree / 2`` makes the rule exact in exact
    arithmetic (numpy's weights are not exact: tens of ulps in all)."""
    return _nodes_for(degree(w, q) + 1)


@functools.lru_cache(maxsize=64)
def _nodes_for(d: int) -> tuple[int, float]:
    exact = (d - 1) // 2 + 1
    target = QUADRATURE_TARGET * max(1.0, d / 100) ** 2
    lo, hi = 1, exact
    if monomial_bound(d, hi) > target:
        return exact, monomial_bound(d, exact)
    while lo < hi:
        mid = (lo + hi) // 2
        if monomial_bound(d, mid) <= target:
            hi = mid
        else:
            lo = mid + 1
    return (exact, monomial_bound(d, exact)) if hi >= exact else (hi, monomial_bound(d, hi))


@functools.lru_cache(maxsize=256)
def monomial_bound(d: int, k: int) -> float:
    """A bound on the relative error of ``k``-node Gauss-Legendre quadrature on ``[0, 1]``
    of a polynomial of degree below ``d`` with nonnegative coefficients (``J_i``).

    With ``J = sum_j a_j u**j`` (``a_j >= 0``) and ``e_j`` the rule's error on ``u**j``,
    ``|sum_j a_j e_j| <= max_j (j + 1) |e_j| * sum_j a_j / (j + 1)``: a relative bound.
    Each ``e_j`` is computed in floats; the rounding of ``u**j`` (``j + 2`` ulps) and of
    the sum over nodes (``k + 8``) is added.
    """
    x, g = np.polynomial.legendre.leggauss(k)
    u, g = (x + 1.0) / 2.0, g / 2.0
    j = np.arange(d)
    terms = g[:, None] * u[:, None] ** j
    rule = terms.sum(axis=0)
    err = np.abs(rule - 1.0 / (j + 1)) + (j + k + 12) * (np.finfo(np.float64).eps / 2) * rule
    return float(np.max(err * (j + 1)))


def degree(w: list[int], q: int) -> int:
    """A bound on the degree of ``J_i``: the most members whose weights sum below ``q``
    (the other critical members of a coalition weigh less than ``q`` together)."""
    total, k = 0, 0
    for x in sorted(w):
        total += x
        if total >= q:
            break
        k += 1
    return min(k, len(w) - 1)


def exact_node_weights(n: int) -> list[Fraction]:
    """``c_k`` with ``integral_0^1 p(u) du = sum_k c_k p(k)`` for polynomials of degree < n."""
    out = []
    for k in range(n):
        coef = [Fraction(1)]   # prod_{j != k} (u - j) / (k - j), lowest degree first
        for j in range(n):
            if j == k:
                continue
            d = Fraction(1, k - j)
            nxt = [Fraction(0)] * (len(coef) + 1)
            for t, c in enumerate(coef):
                nxt[t + 1] += c * d
                nxt[t] -= c * j * d
            coef = nxt
        out.append(sum((c / (t + 1) for t, c in enumerate(coef)), start=Fraction(0)))
    return out


def integer_cost(n: int, q: int) -> int:
    """Object operations of the exact path (``n`` nodes, ``n`` members, ``q`` weights)."""
    return n * n * q * max(1, math.ceil(n / 60))
