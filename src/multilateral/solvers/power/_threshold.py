"""Composite games as *size-threshold* games, and their indices by meeting in the middle.

Many composite rules are weighted games whose quota depends on the number of members: a
double majority of ``k`` members and population ``Q`` wins when ``|S| >= k`` and
``w(S) >= Q``, i.e. when ``w(S) >= t(|S|)`` with ``t(s) = Q`` for ``s >= k`` and ``t(s) =
inf`` below; a union with "at least ``k'`` members" sets ``t(s) = 0`` from ``k'`` on. Any
intersection or union (nested too) of weighted games that share one weight vector (up to a
factor) and of games with equal weights (member counts) is of this form, with ``t``
non-increasing (:func:`size_threshold`).

In such a game ``i`` swings ``S`` (not containing ``i``, ``|S| = s``) exactly when
``t(s + 1) - w_i <= w(S) <= t(s) - 1``; a coalition is minimal winning exactly when its
lightest member swings the rest (the others are heavier, so they are critical too). Both
are counted exactly, with no limit on the weights, by splitting the members into two halves,
listing the ``2**(n/2)`` subsets of each with their weights and sizes, and counting for each
subset of one half the subsets of the other in the window (binary search in the other half
sorted by weight, one size at a time). About ``n * 2**(n/2) * n`` steps: the EU Council's 27
members in about 0.3 s an index, at most :data:`MAX_MIDDLE_MEMBERS` members.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from ...games.voting import CompositeVotingGame, SimpleGame, WeightedVotingGame

__all__ = [
    "MAX_MIDDLE_MEMBERS",
    "MAX_SIZE_TABLE",
    "Half",
    "SizeThreshold",
    "count_pairs",
    "minimal_by_size",
    "size_threshold",
    "swings_by_size",
    "swings_by_table",
    "table_entries",
    "winning_by_pairs",
    "winning_by_table",
]

#: The largest number of members counted by meeting in the middle (2**16 subsets a half;
#: measured: 0.3 s an index at 27 members, 0.7 s at 30, 2-3 s at 32).
MAX_MIDDLE_MEMBERS = 32
_NO = None   # a size at which no weight wins


class SizeThreshold:
    """``S`` wins when ``w(S) >= t[|S|]``; ``t[s] is None``: no coalition of size ``s`` wins."""

    def __init__(self, weights: list[int], thresholds: list[int | None]) -> None:
        self.weights = weights
        self.thresholds = thresholds

    def limit(self, s: int) -> int:
        """``t(s)`` as an integer (one more than the total weight when nothing wins)."""
        t = self.thresholds[s]
        return sum(self.weights) + 1 if t is None else max(t, 0)


def _form(game: SimpleGame) -> tuple[list[Fraction] | None, list[Fraction | None]] | None:
    """``(weights or None when all are equal, thresholds by size)``, or None."""
    n = game.n_members
    if isinstance(game, WeightedVotingGame):
        ws = [Fraction(x) for x in game.weights]
        q = Fraction(game.quota)
        if len(set(ws)) == 1:   # a member count: size s wins when s * w >= q
            return None, [Fraction(0) if s * ws[0] >= q else _NO for s in range(n + 1)]
        return ws, [q] * (n + 1)
    if not isinstance(game, CompositeVotingGame):
        return None   # pragma: no cover - no other simple games today
    forms = [_form(g) for g in game.components]
    if any(f is None for f in forms):
        return None
    weights: list[Fraction] | None = None
    rows: list[list[Fraction | None]] = []
    for f in forms:
        assert f is not None
        fw, t = f
        if fw is not None:
            if weights is None:
                weights = fw
            else:
                ratio = _ratio(fw, list(weights))
                if ratio is None:
                    return None
                t = [None if x is None else x / ratio for x in t]
        rows.append(t)
    pick = max if game.rule == "all" else min
    out: list[Fraction | None] = []
    for s in range(n + 1):
        column = rows_at(rows, s)
        if game.rule == "all":
            out.append(None if any(x is None for x in column)
                       else pick(x for x in column if x is not None))
        else:
            finite = [x for x in column if x is not None]
            out.append(pick(finite) if finite else None)
    return weights, out


def rows_at(rows: list[list[Fraction | None]], s: int) -> list[Fraction | None]:
    return [r[s] for r in rows]


def _ratio(a: list[Fraction], b: list[Fraction]) -> Fraction | None:
    """``k`` with ``a = k * b`` (k > 0), or None."""
    k = None
    for x, y in zip(a, b, strict=True):
        if y == 0 or x == 0:
            if x != y:
                return None
            continue
        if k is None:
            k = x / y
        elif x / y != k:
            return None
    return k if k is not None and k > 0 else None


def size_threshold(game: SimpleGame) -> SizeThreshold | None:
    """The game as integer weights and thresholds by size, or None when it is not one."""
    form = _form(game)
    if form is None:
        return None
    ws, t = form
    n = game.n_members
    if ws is None:
        ws = [Fraction(1)] * n
    scale = 1
    for x in [*ws, *(v for v in t if v is not None)]:
        scale = scale * x.denominator // _gcd(scale, x.denominator)
    ints = [int(x * scale) for x in ws]
    thresholds: list[int | None] = []
    for v in t:
        if v is None:
            thresholds.append(None)
        else:
            scaled = v * scale
            thresholds.append(-(-scaled.numerator // scaled.denominator))
    return SizeThreshold(ints, thresholds)


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


# -- meeting in the middle ----------------------------------------------------------------------
def _subsets(weights: list[int]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Weights and sizes of all ``2**len(weights)`` subsets, by bitmask."""
    w = np.zeros(1, dtype=np.int64)
    s = np.zeros(1, dtype=np.int64)
    for x in weights:
        w = np.concatenate([w, w + x])
        s = np.concatenate([s, s + 1])
    return w, s


class Half:
    """The subsets of one half, grouped by size and sorted by weight within a size."""

    def __init__(self, weights: list[int]) -> None:
        self.n = len(weights)
        w, s = _subsets(weights)
        self.w, self.s = w, s
        self.by_size = []
        for k in range(self.n + 1):
            pick = np.flatnonzero(s == k)
            order = np.argsort(w[pick], kind="stable")
            self.by_size.append((pick[order], w[pick][order]))


def count_pairs(a: Half, b: Half, lo: NDArray[np.int64], hi: NDArray[np.int64],
           members: bool) -> tuple[NDArray[np.int64], NDArray[np.int64] | None,
                                   NDArray[np.int64] | None]:
    """Pairs ``(x in a, y in b)`` with ``lo[s] <= w(x) + w(y) <= hi[s]``, ``s = |x| + |y|``.

    Returns the counts by total size and, when ``members``, the counts by size of the pairs
    whose ``a``-part (``b``-part) contains each member of that half: ``(n_a, n + 1)`` and
    ``(n_b, n + 1)`` arrays.
    """
    total = a.n + b.n
    by_size = np.zeros(total + 1, dtype=np.int64)
    per_a = np.zeros((len(a.w), total + 1), dtype=np.int64) if members else None
    per_b = np.zeros((len(b.w), total + 1), dtype=np.int64) if members else None
    for sa in range(a.n + 1):
        ia, wa = a.by_size[sa]
        if not len(ia):
            continue
        for sb in range(b.n + 1):
            s = sa + sb
            if lo[s] > hi[s]:
                continue
            ib, wb = b.by_size[sb]
            left = np.searchsorted(wb, lo[s] - wa, side="left")
            right = np.searchsorted(wb, hi[s] - wa, side="right")
            count = right - left
            by_size[s] += int(count.sum())
            if members:
                assert per_a is not None and per_b is not None
                per_a[ia, s] += count
                # each x adds one to the sorted run [left, right) of b's subsets of size sb
                marks = (np.bincount(left, minlength=len(wb) + 1)
                         - np.bincount(right, minlength=len(wb) + 1))
                per_b[ib, s] += np.cumsum(marks)[:len(wb)]
    if not members:
        return by_size, None, None
    assert per_a is not None and per_b is not None
    bits_a = (np.arange(len(a.w))[:, None] >> np.arange(a.n)) & 1
    bits_b = (np.arange(len(b.w))[:, None] >> np.arange(b.n)) & 1
    return by_size, bits_a.T @ per_a, bits_b.T @ per_b


def _windows(form: SizeThreshold, wi: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For a coalition of size s without i: ``[t(s+1) - w_i, t(s) - 1]`` (i swings it)."""
    n = len(form.weights)
    lo = np.array([form.limit(s + 1) - wi if s < n else 1 for s in range(n + 1)],
                  dtype=np.int64)
    hi = np.array([form.limit(s) - 1 if s < n else 0 for s in range(n + 1)], dtype=np.int64)
    return lo, hi


def _split(ids: list[int]) -> tuple[list[int], list[int]]:
    half = len(ids) // 2
    return ids[:half], ids[half:]


def swings_by_size(form: SizeThreshold) -> NDArray[np.int64]:
    """``out[i, k]``: winning coalitions of size ``k`` that ``i`` swings (i included)."""
    w = form.weights
    n = len(w)
    out = np.zeros((n, n + 1), dtype=np.int64)
    for i in range(n):
        left, right = _split([j for j in range(n) if j != i])
        a, b = Half([w[j] for j in left]), Half([w[j] for j in right])
        lo, hi = _windows(form, w[i])
        counts, _, _ = count_pairs(a, b, lo, hi, members=False)
        out[i, 1:len(counts) + 1] = counts   # by size with i, as in the enumeration
    return out


def minimal_by_size(form: SizeThreshold) -> NDArray[np.int64]:
    """``out[i, k]``: minimal winning coalitions of size ``k`` containing ``i`` (exact)."""
    w = form.weights
    n = len(w)
    order = sorted(range(n), key=lambda j: (-w[j], j))   # heaviest first
    out = np.zeros((n, n + 1), dtype=np.int64)
    for pos, last in enumerate(order):
        left, right = _split(order[:pos])
        a, b = Half([w[j] for j in left]), Half([w[j] for j in right])
        lo, hi = _windows(form, w[last])
        counts, per_a, per_b = count_pairs(a, b, lo, hi, members=True)
        assert per_a is not None and per_b is not None
        top = len(counts) + 1   # T of size s plus the last member: size s + 1
        out[last, 1:top] += counts
        for k, j in enumerate(left):
            out[j, 1:top] += per_a[k]
        for k, j in enumerate(right):
            out[j, 1:top] += per_b[k]
    return out


# -- beyond 32 members: a table over weights with sizes packed into Python integers ------------
#: ``n * (largest finite threshold)`` up to which :func:`swings_by_table` runs.
MAX_SIZE_TABLE = 40_000_000


def table_entries(form: SizeThreshold, side: str = "best") -> int:
    """Entries of the weight table :func:`swings_by_table` needs (its cost, times ``n``):
    below the largest finite threshold (``"primal"``: coalitions), or below the largest
    ``W - t(s) + 1`` (``"dual"``: their complements); ``"best"``: the smaller."""
    total = sum(form.weights)
    finite = [max(t, 0) for t in form.thresholds if t is not None]
    primal = max(finite, default=0) + 1
    dual = total - min(finite, default=total) + 2
    return {"primal": primal, "dual": dual, "best": min(primal, dual)}[side]


def swings_by_table(form: SizeThreshold, side: str = "best") -> list[list[int]]:
    """``out[i][k]``: winning coalitions of size ``k`` that ``i`` swings (i included), exact.

    The subsets' counts by weight ``v < V`` and size, sizes packed into one Python integer
    per weight (fields of ``n + 1`` bits or more); a member is removed by dividing by
    ``1 + y x**w_i`` (prefix sums at ``x, x - w_i, ...``), and each size reads its own
    window: ``[t(s + 1) - w_i, t(s) - 1]`` for the weight of the coalition ``S`` of the
    others (``side="primal"``, ``V`` the largest finite threshold), or ``[W - w_i - t(s) +
    1, W - t(s + 1)]`` for the weight of the others outside ``S`` (``"dual"``, ``V`` about
    ``W`` minus the smallest threshold); ``"best"`` takes the smaller table.
    """
    w = form.weights
    n = len(w)
    total = sum(w)
    prefix, bits, side = _packed_prefix(form, side)
    size = len(prefix) - 1
    mask = (1 << bits) - 1
    binomials = [math.comb(n - 1, s) for s in range(n)]
    all_others = sum(c << (s * bits) for s, c in enumerate(binomials))

    def below(x: int, wi: int) -> int:
        """Packed counts of the subsets of the others that weigh less than ``x``."""
        if x <= 0:
            return 0
        if x > total - wi:
            return all_others
        if x > size:
            raise AssertionError("window beyond the table")  # pragma: no cover
        if wi == 0:   # D = F / (1 + y): divide the packed polynomial in y exactly
            return _divide_one_plus_y(int(prefix[x]), bits, n)
        points = list(range(x, 0, -wi))
        acc = 0
        for p in reversed(points):
            acc = int(prefix[p]) - (acc << bits)
        return acc

    cache: dict[int, list[int]] = {}
    out = [[0] * (n + 1) for _ in range(n)]
    for i, wi in enumerate(w):
        if wi not in cache:
            row = [0] * (n + 1)
            values: dict[int, int] = {}
            for s in range(n):   # S of size s without i; i makes it s + 1
                t_hi = form.thresholds[s]
                t_lo = form.thresholds[s + 1]
                if t_lo is None:
                    continue   # S + i of size s + 1 never wins
                lo = max(t_lo, 0) - wi                       # weight of S in [lo, hi_excl)
                hi_excl = total + 1 if t_hi is None else max(t_hi, 0)
                field = s
                if side == "dual":   # the others outside S: size n - 1 - s
                    lo, hi_excl = total - wi - hi_excl + 1, total - wi - lo + 1
                    field = n - 1 - s
                if lo >= hi_excl:
                    continue
                for x in (lo, hi_excl):
                    if x not in values:
                        values[x] = below(x, wi)
                count = ((values[hi_excl] >> (field * bits)) & mask) - (
                    (values[lo] >> (field * bits)) & mask)
                row[s + 1] = count
            cache[wi] = row
        out[i] = list(cache[wi])
    return out


def _packed_prefix(form: SizeThreshold, side: str) -> tuple[NDArray[np.object_], int, str]:
    """``(prefix, bits, side)``: ``prefix[x]`` packs, field ``s`` (``bits`` bits each), the
    number of subsets of all the members of size ``s`` weighing less than ``x``, for ``x``
    up to :func:`table_entries` (``side`` as there; ``"best"`` resolved to the smaller)."""
    w = form.weights
    n = len(w)
    if side == "best":
        side = "primal" if table_entries(form, "primal") <= table_entries(form, "dual") else (
            "dual")
    size = table_entries(form, side)
    nbytes = n // 8 + 1
    bits = 8 * nbytes
    table = np.zeros(size, dtype=object)
    table[0] = 1
    shifted = np.empty(size, dtype=object)
    reach = 1
    for x in sorted(w):
        end = min(size, reach + x)
        if x == 0:   # a member of weight 0 only adds to the size
            np.left_shift(table, bits, out=shifted)
            table = table + shifted
            continue
        if x < end:
            np.left_shift(table[:end - x], bits, out=shifted[:end - x])
            np.add(table[x:end], shifted[:end - x], out=table[x:end])
        reach = end
    prefix = np.empty(size + 1, dtype=object)
    prefix[0] = 0
    prefix[1:] = np.cumsum(table)
    return prefix, bits, side


def winning_by_table(form: SizeThreshold, side: str = "best") -> int:
    """The number of winning coalitions, exactly, from the table of
    :func:`swings_by_table`: by size ``s``, all ``C(n, s)`` less those weighing below
    ``t(s)`` (``"primal"``), or those whose complement weighs at most ``W - t(s)``
    (``"dual"``)."""
    w = form.weights
    n = len(w)
    total = sum(w)
    prefix, bits, side = _packed_prefix(form, side)
    mask = (1 << bits) - 1
    winning = 0
    for s, t in enumerate(form.thresholds):
        if t is None:
            continue
        t = max(t, 0)
        if side == "primal":
            winning += math.comb(n, s) - ((int(prefix[t]) >> (s * bits)) & mask)
        elif total - t + 1 > 0:
            winning += (int(prefix[total - t + 1]) >> ((n - s) * bits)) & mask
    return winning


def winning_by_pairs(form: SizeThreshold) -> int:
    """The number of winning coalitions, exactly, counted in two halves (at most
    :data:`MAX_MIDDLE_MEMBERS` members): pairs of subsets with ``w >= t(s)``."""
    w = form.weights
    n = len(w)
    left, right = _split(list(range(n)))
    a, b = Half([w[j] for j in left]), Half([w[j] for j in right])
    lo = np.array([form.limit(s) for s in range(n + 1)], dtype=np.int64)
    hi = np.full(n + 1, sum(w), dtype=np.int64)
    counts, _, _ = count_pairs(a, b, lo, hi, members=False)
    return int(counts.sum())


def _divide_one_plus_y(packed: int, bits: int, n: int) -> int:
    """The packed polynomial ``P / (1 + y)`` (exact division, fields of ``bits`` bits)."""
    mask = (1 << bits) - 1
    coeffs = [(packed >> (s * bits)) & mask for s in range(n + 1)]
    out, carry = [], 0
    for c in coeffs[:n]:
        carry = c - carry
        out.append(carry)
    return sum(c << (s * bits) for s, c in enumerate(out))
