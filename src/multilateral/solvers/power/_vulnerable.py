"""The Johnston index of size-threshold games (the EU Council), counted in two halves.

In a size-threshold game (:mod:`._threshold`) a coalition ``S`` of size ``s`` and weight
``W`` wins when ``W >= t(s)``; member ``j`` is critical in it when ``S - {j}`` loses, i.e.
when ``w_j > tau = W - t(s - 1)`` (every member when no coalition of size ``s - 1`` wins).
So the critical members of ``S`` are its heaviest ones. With the members sorted by weight
and split into the heavier half ``H`` and the lighter half ``L``, a coalition is ``a + b``
(``a`` in ``H``, ``b`` in ``L``) and its critical members are the first ``c_a`` of ``a``
and the first ``c_b`` of ``b``; since every weight in ``H`` is at least every weight in
``L``, either all of ``a`` is critical and ``c_b >= 1``, or none of ``b`` is. Each case is
a window on ``tau`` set by one side alone (or, when all of ``a`` and none of ``b`` is
critical, by the lightest member of ``a`` and the heaviest of ``b``: the subsets of ``H``
are then grouped by their lightest member), hence a window on the weight of the other side,
counted by binary search. The counts are kept by member and number of critical members,
so the index is exact. About ``n**2 * 2**(n/2)`` steps.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._threshold import Half, SizeThreshold, count_pairs

__all__ = ["johnston_raw"]


class _Side:
    """All subsets of one half (positions heaviest first): weights, sizes, the weight of the
    c-th member (``kth[:, 0] = +inf``, ``-inf`` past the last) and ranks of members."""

    def __init__(self, weights: list[int], inf: int) -> None:
        m = len(weights)
        size = 1 << m
        masks = np.arange(size)
        bits = ((masks[:, None] >> np.arange(m)) & 1).astype(bool)
        self.m, self.bits = m, bits
        self.s = bits.sum(axis=1)
        self.w = bits.astype(np.int64) @ np.array(weights, dtype=np.int64) if m else (
            np.zeros(size, dtype=np.int64))
        rank = np.cumsum(bits, axis=1) - bits       # set bits below each position
        self.rank = np.where(bits, rank, m + 1)
        kth = np.full((size, m + 2), -inf, dtype=np.int64)
        kth[:, 0] = inf
        for p in range(m):
            has = bits[:, p]
            kth[masks[has], rank[has, p] + 1] = weights[p]
        self.kth = kth
        self.by_size = []
        for k in range(m + 1):
            pick = np.flatnonzero(self.s == k)
            order = np.argsort(self.w[pick], kind="stable")
            self.by_size.append((pick[order], self.w[pick][order]))


def _window_counts(ids: NDArray[np.int64], wsorted: NDArray[np.int64],
                   lo: NDArray[np.int64], hi: NDArray[np.int64]
                   ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For each query, how many sorted weights lie in ``[lo, hi]``, and for each sorted
    element, in how many of the query windows it lies."""
    left = np.searchsorted(wsorted, lo, side="left")
    right = np.searchsorted(wsorted, hi, side="right")
    right = np.maximum(right, left)
    count = right - left
    marks = (np.bincount(left, minlength=len(wsorted) + 1)
             - np.bincount(right, minlength=len(wsorted) + 1))
    per_elem = np.cumsum(marks)[:len(wsorted)]
    return count, per_elem


def johnston_raw(form: SizeThreshold) -> list[Fraction]:
    """``sum over vulnerable coalitions in which i is critical of 1 / (critical members)``."""
    w = form.weights
    n = len(w)
    order = sorted(range(n), key=lambda j: (-w[j], j))
    h = n // 2
    heavy, light = order[:h], order[h:]
    inf = sum(w) + 1
    a_side = _Side([w[j] for j in heavy], inf)
    b_side = _Side([w[j] for j in light], inf)
    t_win = np.array([form.limit(s) for s in range(n + 1)], dtype=np.int64)
    # t(s - 1) by s; None where no coalition of size s - 1 wins (then all are critical)
    t_prev = [None] + [form.thresholds[s - 1] for s in range(1, n + 1)]
    finite = np.array([t is not None and form.thresholds[s] is not None
                       for s, t in enumerate(t_prev)])
    tp = np.array([max(t, 0) if t is not None else 0 for t in t_prev], dtype=np.int64)
    table = np.zeros((n, n + 1), dtype=np.int64)   # [member, number of critical members]

    # every member critical: the coalition wins, its sub-coalitions of size s - 1 never do
    lo = np.array([t_win[s] if (t_prev[s] is None and form.thresholds[s] is not None
                                and s >= 1) else 1 for s in range(n + 1)], dtype=np.int64)
    hi = np.array([inf if (t_prev[s] is None and form.thresholds[s] is not None
                           and s >= 1) else 0 for s in range(n + 1)], dtype=np.int64)
    _, per_a, per_b = count_pairs(Half([w[j] for j in heavy]), Half([w[j] for j in light]),
                             lo, hi, members=True)
    assert per_a is not None and per_b is not None
    for k, j in enumerate(heavy):
        table[j, :per_a.shape[1]] += per_a[k]
    for k, j in enumerate(light):
        table[j, :per_b.shape[1]] += per_b[k]

    def add(members: list[int], side: _Side, rows: NDArray[np.int64], weight: NDArray[np.int64],
            top: int | None, crit: int) -> None:
        """Credit ``weight`` of each row (subset of ``side``) to its first ``top`` members
        (all when None), with ``crit`` critical members."""
        if not len(rows):
            return
        member_bits = side.bits[rows] if top is None else side.rank[rows] < top
        totals = weight @ member_bits
        for p, j in enumerate(members):
            table[j, crit] += int(totals[p])

    def windows_on(side: _Side, other: _Side, c: int, more: bool) -> Any:
        """The subsets of ``side`` whose first ``c`` members are critical and whose
        ``(c + 1)``-th is not (``more``: it has more than ``c`` members; else at least
        ``c``), paired with the subsets of ``other`` of each size ``k``: the window on
        ``tau`` is set by ``side`` alone, hence a window on the weight of ``other``.
        Yields ``(k, rows of side, counts by row, ids of other, counts by id)``."""
        rows = np.flatnonzero(side.s > c if more else side.s >= c)
        for k in range(other.m + 1):
            s = k + side.s[rows]
            keep = finite[s]
            rs, s = rows[keep], s[keep]
            if not len(rs):
                continue
            w_lo = np.maximum(t_win[s], tp[s] + side.kth[rs, c + 1])
            w_hi = tp[s] + side.kth[rs, c] - 1
            ids, ws = other.by_size[k]
            count, per_elem = _window_counts(ids, ws, w_lo - side.w[rs], w_hi - side.w[rs])
            yield k, rs, count, ids, per_elem

    # 1) all of a critical and c_b >= 1 of b: the window on tau is b's alone
    for cb in range(1, b_side.m + 1):
        for k, rb, count, ids, per_elem in windows_on(b_side, a_side, cb, more=False):
            add(light, b_side, rb, count, cb, k + cb)
            add(heavy, a_side, ids, per_elem, None, k + cb)

    # 2) none of b critical and 1 <= c_a < |a|: the window on tau is a's alone
    for ca in range(1, a_side.m):
        for _, ra, count, _, _ in windows_on(a_side, b_side, ca, more=True):
            add(heavy, a_side, ra, count, ca, ca)

    # 3) all of a critical (|a| >= 1), none of b: tau in [heaviest of b, lightest of a)
    last = np.where(a_side.s > 0, a_side.kth[np.arange(len(a_side.w)), a_side.s], 0)
    rows_all_b = np.arange(len(b_side.w))
    for k in range(1, a_side.m + 1):
        ids_k, _ = a_side.by_size[k]
        for lam in np.unique(last[ids_k]):
            group = ids_k[last[ids_k] == lam]
            group = group[np.argsort(a_side.w[group], kind="stable")]
            s = k + b_side.s
            keep = finite[s]
            rb, s = rows_all_b[keep], s[keep]
            if not len(rb):
                continue
            w_lo = np.maximum(t_win[s], tp[s] + b_side.kth[rb, 1])
            w_hi = tp[s] + int(lam) - 1
            _, per_elem = _window_counts(group, a_side.w[group], w_lo - b_side.w[rb],
                                         w_hi - b_side.w[rb])
            add(heavy, a_side, group, per_elem, None, k)

    return [sum((Fraction(int(c), k) for k, c in enumerate(row) if k and c),
                start=Fraction(0)) for row in table]
