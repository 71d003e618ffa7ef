"""Power in weighted games by dynamic programming over weights, never over coalitions.

Exact swing counts (Banzhaf) and Shapley-Shubik values in Python integers, and both in float64
by Gauss-Legendre quadrature of Owen's multilinear extension; any number of members. The
algorithms and their costs are described in :mod:`multilateral.solvers.power`.
"""

from __future__ import annotations

import functools
import math
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar

from ...errors import InvalidArgumentError
from ...games.voting import MAX_ENUMERATION_MEMBERS, WeightedVotingGame

__all__ = [
    "FLOAT_CHUNK",
    "FLOAT_THREADS",
    "MAX_TABLE",
    "NEGLIGIBLE_TAIL",
    "QUADRATURE_TARGET",
    "banzhaf_exact",
    "banzhaf_float",
    "node_count",
    "quadrature_bound",
    "reduced_weights",
    "shapley_exact",
    "shapley_float",
    "swing_counts",
    "swing_probabilities",
    "table_size",
    "weight_plan",
]

#: Largest weight table (entries ``m``) the dynamic programs allocate.
MAX_TABLE = 20_000_000


def reduced_weights(game: WeightedVotingGame) -> tuple[tuple[int, ...], int]:
    """The integer weights and quota divided by the weights' greatest common divisor ``g``:
    the same winning coalitions (a coalition's weight is a multiple of ``g``, so it reaches
    the quota exactly when it reaches ``g * ceil(quota / g)``), and tables ``g`` times
    smaller (shares given in basis points, or Fractions over a common denominator)."""
    ws, q = game.integer_weights, game.integer_quota
    g = math.gcd(*ws)
    if g <= 1:
        return ws, q
    return tuple(w // g for w in ws), -(-q // g)


def weight_plan(game: WeightedVotingGame) -> tuple[list[int], int, int] | None:
    """Nonzero integer weights, quota and number of zero weights (divided by the weights'
    greatest common divisor: :func:`reduced_weights`); None to enumerate instead."""
    reduced, q = reduced_weights(game)
    ints = [w for w in reduced if w]
    zero = game.n_members - len(ints)
    m = table_size(ints, q)
    if game.n_members <= MAX_ENUMERATION_MEMBERS and (1 << game.n_members) <= 4 * m:
        return None  # enumerating the 2**n coalitions is cheaper than the weight table
    if m > MAX_TABLE:
        raise InvalidArgumentError(
            f"the weights need a table of {m:,} entries (integer total weight "
            f"{sum(ints):,}): too large. Round the weights to fewer significant digits "
            "(e.g. shares in basis points)")
    return ints, q, zero


def table_size(ints: list[int], q: int) -> int:
    return min(q - 1, sum(ints) - q) + 1


def _horner_points(hi: int, w: int) -> list[int]:
    """Window ends ``hi + 1, hi + 1 - w, ...`` down to 0 (the tiled windows below the swing
    window ``[hi + 1 - w, hi]``)."""
    return [*range(hi + 1, 0, -w), 0]


def banzhaf_exact(ints: list[int], q: int) -> dict[int, int]:
    """Swing counts by distinct weight (Python integers)."""
    return swing_counts(ints, q)[0]


def swing_counts(ints: list[int], q: int) -> tuple[dict[int, int], int]:
    """Swing counts by distinct weight and the number of winning coalitions of the
    ``2**len(ints)`` (Python integers), from one table.

    The table counts the subsets by weight below ``m``: the coalitions that lose (weight
    below ``q``, when ``m = q``) or the complements of those that win (weight at most
    ``W - q``), so the number of winning coalitions is one prefix sum.
    """
    total = sum(ints)
    hi = min(q - 1, total - q)
    m = hi + 1
    table = np.zeros(m, dtype=object)
    table[0] = 1
    reach = 1  # entries at and above reach are still 0
    for w in sorted(ints):
        end = min(m, reach + w)
        if w < end:
            np.add(table[w:end], table[:end - w].copy(), out=table[w:end])  # old values
        reach = end
    prefix = np.empty(m + 1, dtype=object)
    prefix[0] = 0
    prefix[1:] = np.cumsum(table)
    out = {}
    for w in set(ints):
        ends = _horner_points(hi, w)
        acc = 0
        for t in range(len(ends) - 2, -1, -1):
            acc = prefix[ends[t]] - prefix[ends[t + 1]] - acc
        out[w] = int(acc)
    below = int(prefix[m])   # subsets weighing at most hi
    winning = (1 << len(ints)) - below if hi == q - 1 else below
    return out, winning


def banzhaf_float(ints: list[int], q: int) -> tuple[dict[int, float], dict[int, float]]:
    """Probability of swinging (absolute Banzhaf) by distinct weight, float64, and a
    guaranteed bound on each value's error (see :func:`_window_bound`)."""
    values, bounds, _ = swing_probabilities(ints, q)
    return values, bounds


def swing_probabilities(ints: list[int], q: int) -> tuple[
        dict[int, float], dict[int, float], tuple[float, float, float, float]]:
    """:func:`banzhaf_float` and, from the same table, the probabilities that a random
    coalition (each member in it with probability 1/2) wins and loses, with bounds:
    ``(values, bounds, (win, win_bound, lose, lose_bound))``.

    The table's prefix at ``m`` is the probability of the subsets weighing at most ``hi``
    (the losing coalitions, or the complements of the winning ones): a sum of nonnegative
    terms, so within ``gamma_A`` of itself, relatively (:func:`_window_bound`'s ``A``),
    and its conversion to a probability within ``(|arg| + 8) u``; the other probability
    is one minus it, within the same absolute bound and one more rounding.
    """
    n = len(ints)
    hi = min(q - 1, sum(ints) - q)
    one = np.ones(1)
    prefix, log_scale = _odds_prefix(ints, hi + 1, one)
    arg = float(log_scale[0]) - (n - 1) * math.log(2.0)
    factor = math.exp(arg)
    powers = _alternating_powers(one, hi + 2)
    values, bounds = {}, {}
    for w in set(ints):
        values[w] = float(_window_sums(prefix, hi, w, powers)[0]) * factor
        # the table over all n members at p = 1/2 holds probability mass 2 (see the bound)
        bounds[w] = _window_bound(n, hi + 1, hi, w, 1.0, 2.0, abs(arg)) + _ULP * abs(values[w])
    m = hi + 1
    arg_all = float(log_scale[0]) - n * math.log(2.0)   # all n members, not n - 1
    below = float(prefix[0, m]) * math.exp(arg_all)
    depth = 4 * n + n // _RESCALE_EVERY + _block(m) + (m + 1) // _block(m) + 10
    below_bound = below * (_gamma(depth) + (abs(arg_all) + 8) * _ULP) * (1 + _MARGIN) + (
        8 * _TINY * (n + m) * m)
    other = 1.0 - below
    other_bound = below_bound + _ULP
    if hi == q - 1:   # the table counted the losing coalitions
        return values, bounds, (other, other_bound, below, below_bound)
    return values, bounds, (below, below_bound, other, other_bound)


def shapley_exact(ints: list[int], q: int) -> dict[int, Fraction]:
    """Shapley-Shubik by distinct weight, exact; coalition sizes packed into big integers."""
    n = len(ints)
    hi = min(q - 1, sum(ints) - q)
    m = hi + 1
    nbytes = n // 8 + 1          # each field holds a count < 2**n
    bits = 8 * nbytes
    table = np.zeros(m, dtype=object)
    table[0] = 1
    shifted = np.empty(m, dtype=object)
    reach = 1  # entries at and above reach are still 0
    for w in sorted(ints):  # ascending weights keep the big integers small for longest
        end = min(m, reach + w)
        if w < end:
            np.left_shift(table[:end - w], bits, out=shifted[:end - w])
            np.add(table[w:end], shifted[:end - w], out=table[w:end])
        reach = end
    prefix = np.empty(m + 1, dtype=object)
    prefix[0] = 0
    prefix[1:] = np.cumsum(table)
    weight = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
    denominator = math.factorial(n)
    out = {}
    for w in set(ints):
        ends = _horner_points(hi, w)
        acc = 0
        for t in range(len(ends) - 2, -1, -1):
            acc = prefix[ends[t]] - prefix[ends[t + 1]] - (acc << bits)
        raw = int(acc).to_bytes(n * nbytes + nbytes, "little")
        numerator = 0
        for s in range(n):
            count = int.from_bytes(raw[s * nbytes:(s + 1) * nbytes], "little")
            if count:
                numerator += count * weight[s]
        out[w] = Fraction(numerator, denominator)
    return out


def shapley_float(ints: list[int], q: int) -> tuple[dict[int, float], dict[int, float]]:
    """Shapley-Shubik by distinct weight in float64, by Gauss-Legendre quadrature, and a
    guaranteed bound on each value's error.

    The nodes (:func:`node_count`: exact with ``n / 2`` or more, fewer when the guaranteed
    quadrature error allows) come in pairs ``p < 1/2 < 1 - p`` (an even number): the
    table at odds ``p / (1 - p)`` gives node ``p`` through the window of ``S`` and node
    ``1 - p`` through the window of the complement. A window whose probability at a node
    is at most :data:`NEGLIGIBLE_TAIL` by a Chernoff bound is not computed (its bound is
    added to the error bound); the table of that node then stops at the other window.
    Passes over chunks of nodes run on :data:`FLOAT_THREADS` threads.
    """
    n = len(ints)
    total = sum(ints)
    primal_hi, dual_hi = q - 1, total - q   # swing windows of S and of its complement
    k, quad_bound = node_count(n)
    nodes, gauss = np.polynomial.legendre.leggauss(k)
    p = (nodes[:k // 2] + 1.0) / 2.0
    g = gauss[:k // 2] / 2.0
    r = p / (1.0 - p)                   # odds: a subset S counts r**|S|
    w_max = max(ints)
    # P(S reaches its window) <= P(all n members' weight >= hi + 1 - w_max), at p for S
    # and at p for the complement (node 1 - p)
    tail_p = np.array([_chernoff(ints, pk, primal_hi + 1 - w_max) if primal_hi >= 0 else 0.0
                       for pk in p])
    tail_d = np.array([_chernoff(ints, pk, dual_hi + 1 - w_max) if dual_hi >= 0 else 0.0
                       for pk in p])
    use_p, use_d = tail_p > NEGLIGIBLE_TAIL, tail_d > NEGLIGIBLE_TAIL
    distinct = sorted(set(ints))
    skipped = float(np.sum(g * np.where(use_p, 0.0, tail_p) + g * np.where(use_d, 0.0, tail_d)))
    jobs = []
    sizes = np.maximum(np.where(use_p, primal_hi + 1, 0), np.where(use_d, dual_hi + 1, 0))
    for m in sorted(set(sizes.tolist()) - {0}):
        picked = np.flatnonzero(sizes == m)
        rows = max(1, FLOAT_CHUNK // m)    # nodes per pass, to bound the memory
        jobs += [(m, picked[lo:lo + rows]) for lo in range(0, len(picked), rows)]

    def run(job: tuple[int, NDArray[np.int64]]) -> tuple[NDArray[np.float64],
                                                           NDArray[np.float64]]:
        m, idx = job
        prefix, log_scale = _odds_prefix(ints, m, r[idx], _scratch(
            len(idx) * (2 * m + _block(m) + 2)))
        # the window sums use (-r)**t for t up to the number of windows tiled below
        powers = _alternating_powers(r[idx], min(m, max(primal_hi, dual_hi) + 1)
                                     // min(distinct) + 3)
        # back to probabilities for the n - 1 others, times the quadrature weights
        arg = log_scale + (n - 1) * np.log1p(-p[idx])
        scale = g[idx] * np.exp(arg)
        vals = np.zeros((len(distinct), len(idx)))
        errs = np.zeros((len(distinct), len(idx)))
        for j, w in enumerate(distinct):
            for hi, use in ((primal_hi, use_p[idx]), (dual_hi, use_d[idx])):
                if hi < 0 or not use.any():
                    continue
                vals[j] += np.where(use, _window_sums(prefix, hi, w, powers), 0.0)
                for c, kk in enumerate(idx):
                    if use[c]:
                        # the table over all n members holds probability mass 1 / (1 - p)
                        errs[j, c] += g[kk] * _window_bound(
                            n, m, hi, w, float(r[kk]), 1.0 / (1.0 - p[kk]), abs(arg[c]))
        return vals * scale, errs

    with ThreadPoolExecutor(max_workers=max(1, min(FLOAT_THREADS, len(jobs)))) as pool:
        parts = list(pool.map(run, jobs))
    values, bounds = {}, {}
    for j, w in enumerate(distinct):
        values[w] = math.fsum(x for vals, _ in parts for x in vals[j].tolist())
        # rounding in the sums above, the upper nodes taken as 1 - p rather than as
        # numpy's rounded nodes (within an ulp: |d/dp P_p| <= n - 1 for a probability
        # polynomial in Bernstein form; the rule's own nodes and weights, whatever their
        # errors, are in quad_bound), the skipped windows, and the window errors
        bounds[w] = (sum(float(errs[j].sum()) for _, errs in parts) * (1 + _MARGIN)
                     + skipped + quad_bound + (4 * (n - 1) + 16 + 2 * len(p)) * _ULP
                     + _ULP * abs(values[w]))
    return values, bounds


#: The quadrature of the float Shapley-Shubik index uses fewer nodes than exactness needs
#: when its guaranteed error (:func:`quadrature_bound`) stays below this times
#: ``max(1, n / 100)`` (far below the rounding bound of the tables, about ``1e-11``).
QUADRATURE_TARGET = 2.0**-43


@functools.lru_cache(maxsize=64)
def node_count(n: int) -> tuple[int, float]:
    """``(K, bound)``: an even number of Gauss-Legendre nodes for ``n`` members and the
    guaranteed quadrature error of any member's index with it. With ``K >= n / 2`` the
    rule is exact in exact arithmetic, but numpy's weights are not exact (measured against
    50-digit ones: their absolute errors sum to 36 ulps at ``K = 20``, 76 at ``K = 38``),
    so the bound of the rule as computed is stated then too. The smallest even ``K`` found
    by bisection whose :func:`quadrature_bound` is at most :data:`QUADRATURE_TARGET` (for
    190 members 52 nodes instead of 96, bound ``8e-14``; for 1,000 members 116 instead of
    500)."""
    exact = (n + 1) // 2
    exact += exact % 2
    target = QUADRATURE_TARGET * max(1.0, n / 100)
    lo, hi = 1, exact // 2          # K = 2 * half
    if quadrature_bound(n, 2 * hi) > target:
        return exact, quadrature_bound(n, exact)
    while lo < hi:
        mid = (lo + hi) // 2
        if quadrature_bound(n, 2 * mid) <= target:
            hi = mid
        else:
            lo = mid + 1
    k = 2 * hi
    return (exact, quadrature_bound(n, exact)) if k >= exact else (k, quadrature_bound(n, k))


@functools.lru_cache(maxsize=256)
def quadrature_bound(n: int, k: int) -> float:
    """A guaranteed bound on the error of ``k``-node Gauss-Legendre quadrature of a
    member's pivot probability.

    That probability is ``f(p) = sum_s c_s B_s(p)`` in the Bernstein basis of degree ``n -
    1``, with ``c_s`` (the share of the size-``s`` coalitions of the others that the member
    swings) in ``[0, 1]``; ``int B_s = 1 / n``. So the error ``sum_s c_s E_s`` (``E_s``
    the rule's error on ``B_s``) lies between the sum of the negative ``E_s`` and the sum
    of the positive ones. Each ``B_s(p_k)`` is computed as ``exp(log C(n - 1, s) + s log
    p_k + (n - 1 - s) log(1 - p_k))`` (the binomial coefficient from the exact integer);
    the rounding of each term (``(|log C| + 2 |s log p| + 2 |(n-1-s) log(1-p)| + |sum| +
    2) u`` relative, plus ``k + 8`` ulps for the nodes' weights and the sum over nodes) is
    added to the bound.
    """
    x, g = np.polynomial.legendre.leggauss(k)
    p, g = (x + 1.0) / 2.0, g / 2.0
    s = np.arange(n)
    log_c = np.array([math.log(math.comb(n - 1, j)) for j in range(n)])
    t1 = np.outer(np.log(p), s)
    t2 = np.outer(np.log1p(-p), n - 1 - s)
    arg = log_c + t1 + t2
    terms = g[:, None] * np.exp(arg)
    rule = terms.sum(axis=0)
    err = rule - 1.0 / n
    rel = (np.abs(log_c) + 2 * np.abs(t1) + 2 * np.abs(t2) + np.abs(arg) + k + 12) * _ULP
    slack = float((terms * rel).sum()) + 2 * n * _ULP / n
    return float(max(err[err > 0].sum(), -err[err < 0].sum())) + slack


FLOAT_CHUNK = 4_000_000  # float64 entries per node-by-weight table (32 MB)
#: Threads for the passes of the float quadrature (numpy releases the GIL in them).
FLOAT_THREADS = min(4, os.cpu_count() or 1)
#: A window whose probability at a quadrature node is at most this (a Chernoff bound on
#: the total weight of the members that join) is not computed; its bound enters the error.
NEGLIGIBLE_TAIL = float(np.finfo(np.float64).eps) / 4
_ULP = float(np.finfo(np.float64).eps) / 2   # unit roundoff u
_TINY = float(np.finfo(np.float64).tiny)      # below it, a rounding may lose this much
_MARGIN = 1.0 / 2**20                         # a relative margin on the computed bounds


def _block(m: int) -> int:
    """Prefix sums in two levels: within blocks of about ``sqrt(m)`` entries, then over
    the blocks (about ``2 sqrt(m)`` roundings deep instead of ``m``)."""
    return max(1, math.isqrt(m + 1))


def _gamma(k: float) -> float:
    """``k u / (1 - k u)``: the relative error bound of ``k`` roundings."""
    return k * _ULP / (1.0 - k * _ULP)


def _window_bound(n: int, m: int, hi: int, w: int, r: float, mass: float,
                  arg: float) -> float:
    """A bound on the absolute error of one :func:`_window_sums` value, in probability.

    The table is built from nonnegative terms only (``4 n`` roundings deep, with the node's
    odds rounded and the rescalings), its prefix sums in two levels (about ``2 sqrt(m)``
    more); each prefix value ``P`` is within ``gamma_A P`` and ``P <= mass`` (the
    total probability of the table, ``1 / (1 - p)``). The value is ``sum_t (-r)**t
    (P[e_t] - P[e_t+1])`` over ``T`` terms: each difference within ``3 gamma_A mass``,
    each power within ``(3 t |log r| + 2) u``, the sum within ``gamma_T``; the conversion
    to probability (``exp(arg)``) within ``(|arg| + 6) u``. Underflow adds at most
    the smallest normal float per rounding.
    """
    t = len(_horner_points(hi, w)) - 1
    a = 4 * n + n // _RESCALE_EVERY + _block(m) + (m + 1) // _block(m) + 10
    # sum_{s < t} r**s and sum_{s < t} s r**s, bounded above in closed form
    g1 = float(t) if r >= 1.0 else min(float(t), 1.0 / (1.0 - r))
    s1 = t * t / 2.0 if r >= 1.0 else min(t * t / 2.0, r / (1.0 - r) ** 2)
    g2 = 3 * abs(math.log(r)) * s1 + 2 * g1 if r > 0 else 2.0
    per = g1 * (3 * _gamma(a) + _gamma(t) + (abs(arg) + 8) * _ULP) + _ULP * g2
    return mass * per * (1 + _MARGIN) + 8 * _TINY * (n + m) * m * t


def _chernoff(ints: list[int], p: float, x: int) -> float:
    """An upper bound on ``P(sum of the weights of the members that join >= x)``, each
    member joining independently with probability ``p``: ``min_theta exp(-theta x) prod_j
    (1 - p + p exp(theta w_j))`` (any ``theta >= 0`` gives a bound; a bounded scalar search
    picks a good one, and a margin of ``1e-6`` in the exponent covers the rounding)."""
    total = sum(ints)
    if x <= 0:
        return 1.0
    if x > total:
        return 0.0
    if p <= 0.0:
        return 0.0
    s = np.array(ints, dtype=np.float64) / total
    z = x / total

    low, high = math.log1p(-p), math.log(p)

    def log_bound(t: float) -> float:   # log(1 - p + p e^x) without overflow
        return float(-t * z + np.sum(np.logaddexp(low, high + t * s)))

    best = minimize_scalar(log_bound, bounds=(0.0, 4000.0), method="bounded")
    return min(1.0, math.exp(min(0.0, float(best.fun)) + _MARGIN))


_RESCALE_EVERY = 400  # (1 + r)**400 <= 2**400: far from overflowing float64


_LOCAL = threading.local()


def _scratch(size: int) -> NDArray[np.float64]:
    """This thread's reusable float64 memory of at least ``size`` entries (fresh pages for
    each pass of tens of megabytes cost more than the arithmetic on a loaded machine)."""
    buf = getattr(_LOCAL, "buf", None)
    if buf is None or buf.size < size:
        buf = np.empty(size)
        _LOCAL.buf = buf
    return buf


def _odds_prefix(ints: list[int], m: int, r: NDArray[np.float64],
                 scratch: NDArray[np.float64] | None = None
                 ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Prefix sums over weights ``< m`` of ``sum_S r_k**|S|`` for each odds ``r_k``.

    Returns ``(prefix, log_scale)``: ``prefix[k, v]`` is the sum over subsets of weight
    below ``v``, divided by ``exp(log_scale[k])`` (rescaled now and then to stay finite).
    The prefix sums are taken in two levels (within blocks of :func:`_block` entries, then
    over the blocks), about ``2 sqrt(m)`` roundings deep instead of ``m`` (the error
    bound of :func:`_window_bound`).
    """
    size = _block(m)
    blocks = -(-(m + 1) // size)
    k = len(r)
    if scratch is not None and scratch.size >= k * (blocks * size + m):
        buf = scratch[:k * blocks * size].reshape(k, blocks * size)
        buf.fill(0.0)
        tmp = scratch[k * blocks * size:k * (blocks * size + m)].reshape(k, m)
    else:
        buf = np.zeros((k, blocks * size))
        tmp = np.empty((k, m))
    dist = buf[:, 1:m + 1]     # entry v at position v + 1: the cumulative sum is the prefix
    dist[:, 0] = 1.0
    rc = r[:, None]
    log_scale = np.zeros(len(r))
    reach = 1   # entries at and above reach are still 0: lightest first, only those change
    for j, w in enumerate(sorted(ints), start=1):
        end = min(m, reach + w)
        if w < end:
            np.multiply(dist[:, :end - w], rc, out=tmp[:, :end - w])
            dist[:, w:end] += tmp[:, :end - w]
        reach = end
        if j % _RESCALE_EVERY == 0:
            top = dist.max(axis=1)  # >= dist[:, 0] > 0 (the empty coalition)
            dist /= top[:, None]
            log_scale += np.log(top)
    del tmp
    cube = buf.reshape(len(r), blocks, size)
    np.cumsum(cube, axis=2, out=cube)
    offsets = np.cumsum(cube[:, :-1, -1], axis=1)
    cube[:, 1:, :] += offsets[:, :, None]
    return buf, log_scale


def _alternating_powers(r: NDArray[np.float64], count: int) -> NDArray[np.float64]:
    """``(-r_k)**t`` for ``t < count``, as ``exp(t log r)``.

    The exponent's rounding error is at most ``|t log r|`` ulps, so the absolute error of
    ``r**t`` is at most ``max_x x exp(-x)`` = ``1/e`` ulp: powers are never accumulated.
    """
    powers = np.exp(np.log(r)[:, None] * np.arange(count, dtype=np.float64))
    powers[:, 1::2] *= -1.0
    return powers


def _window_sums(prefix: NDArray[np.float64], hi: int, w: int,
                 powers: NDArray[np.float64]) -> NDArray[np.float64]:
    """Sums over the window ``[hi + 1 - w, hi]`` of the table without one member of weight w.

    With ``D`` the table without the member, ``F = D (1 + r x**w)``, so the window sum of ``D``
    is ``sum_t (-r)**t`` times the window sums of ``F`` shifted down by ``t w`` (``powers``
    holds ``(-r)**t``). Since ``r <= 1`` the terms do not grow: no cancellation blows up.
    """
    if hi < 0:
        return np.zeros(prefix.shape[0])
    ends = np.array(_horner_points(hi, w))
    terms = prefix[:, ends[:-1]] - prefix[:, ends[1:]]
    return np.asarray(np.einsum("kt,kt->k", terms, powers[:, :terms.shape[1]]),
                      dtype=np.float64)
