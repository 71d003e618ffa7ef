"""Power in weighted games by dynamic programming over weights, never over coalitions.

Exact swing counts (Banzhaf) and Shapley-Shubik values in Python integers, and both in float64
by Gauss-Legendre quadrature of Owen's multilinear extension; any number of members. The
algorithms and their costs are described in :mod:`multilateral.solvers.power`.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidArgumentError
from ...games.voting import MAX_ENUMERATION_MEMBERS, WeightedVotingGame

__all__ = [
    "FLOAT_CHUNK",
    "MAX_TABLE",
    "banzhaf_exact",
    "banzhaf_float",
    "shapley_exact",
    "shapley_float",
    "table_size",
    "weight_plan",
]

#: Largest weight table (entries ``m``) the dynamic programs allocate.
MAX_TABLE = 20_000_000


def weight_plan(game: WeightedVotingGame) -> tuple[list[int], int, int] | None:
    """Nonzero integer weights, quota and number of zero weights; None to enumerate instead."""
    ints = [w for w in game.integer_weights if w]
    q = game.integer_quota
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
    hi = min(q - 1, sum(ints) - q)
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
    return out


def banzhaf_float(ints: list[int], q: int) -> dict[int, float]:
    """Probability of swinging (absolute Banzhaf) by distinct weight, float64."""
    n = len(ints)
    hi = min(q - 1, sum(ints) - q)
    one = np.ones(1)
    prefix, log_scale = _odds_prefix(ints, hi + 1, one)
    factor = math.exp(float(log_scale[0]) - (n - 1) * math.log(2.0))
    powers = _alternating_powers(one, hi + 2)
    return {w: float(_window_sums(prefix, hi, w, powers)[0]) * factor for w in set(ints)}


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


def shapley_float(ints: list[int], q: int) -> dict[int, float]:
    """Shapley-Shubik by distinct weight in float64, by exact Gauss-Legendre quadrature."""
    n = len(ints)
    primal_hi, dual_hi = q - 1, sum(ints) - q   # swing windows of S and of its complement
    nodes, gauss = np.polynomial.legendre.leggauss((n + 1) // 2)
    half = len(nodes) // 2
    # the nodes below 1/2 (and the middle one, p = 1/2, when there is one): the distribution
    # at p gives node p (window of S) and node 1 - p (window of the complement of S)
    p = (nodes[:len(nodes) - half] + 1.0) / 2.0
    g = gauss[:len(nodes) - half] / 2.0
    if len(nodes) % 2:
        p[-1] = 0.5
    mirrored = (np.arange(len(p)) < half).astype(float)
    r = p / (1.0 - p)                   # odds: a subset S counts r**|S|
    m = max(primal_hi, dual_hi) + 1
    parts: dict[int, list[float]] = {w: [] for w in set(ints)}
    rows = max(1, FLOAT_CHUNK // m)    # nodes per pass, to bound the memory
    for lo in range(0, len(p), rows):
        nodes_k = slice(lo, lo + rows)
        prefix, log_scale = _odds_prefix(ints, m, r[nodes_k])
        powers = _alternating_powers(r[nodes_k], m + 1)
        # back to probabilities for the n - 1 others, times the quadrature weights
        scale = g[nodes_k] * np.exp(log_scale + (n - 1) * np.log1p(-p[nodes_k]))
        for w, acc in parts.items():
            value = (_window_sums(prefix, primal_hi, w, powers)
                     + mirrored[nodes_k] * _window_sums(prefix, dual_hi, w, powers))
            acc.extend((scale * value).tolist())
    return {w: math.fsum(acc) for w, acc in parts.items()}


FLOAT_CHUNK = 4_000_000  # float64 entries per node-by-weight table (32 MB)


_RESCALE_EVERY = 400  # (1 + r)**400 <= 2**400: far from overflowing float64


def _odds_prefix(ints: list[int], m: int, r: NDArray[np.float64]
                 ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Prefix sums over weights ``< m`` of ``sum_S r_k**|S|`` for each odds ``r_k``.

    Returns ``(prefix, log_scale)``: ``prefix[k, v]`` is the sum over subsets of weight
    below ``v``, divided by ``exp(log_scale[k])`` (rescaled now and then to stay finite).
    """
    dist = np.zeros((len(r), m))
    dist[:, 0] = 1.0
    tmp = np.empty_like(dist)
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
    prefix = np.zeros((len(r), m + 1))
    np.cumsum(dist, axis=1, out=prefix[:, 1:])
    return prefix, log_scale


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
