"""The exact subgame-perfection threshold: one-shot deviation constraints as integer polynomials.

On the history-reachable joint states ``R`` (closed under every move), the profile's
undiscounted-sum values are ``W = sum_k delta^k c_k`` with ``c_k = P^k u``, and the gain of
deviating once to ``a`` at ``s`` (player ``i``) is ``(1 - delta) h(delta)`` with

``h = e_0 + delta * sum_k delta^k g_k``,  ``e_0 = u_dev(s) - u(s)``,
``g_k = ((T_dev - P) c_k)(s)``.

Every ``g`` is a linear functional of the Krylov sequence ``c_k``, so one linear recurrence
annihilates all of them: its connection polynomial ``C`` (``C(0) = 1``; found by
Berlekamp-Massey on a random projection of ``c_k``, then verified on every coordinate,
``sum_j C_j c_(L-j) = 0``) is positive on ``[0, 1)``, and ``h * C = e_0 C + delta N`` with
``N_k = sum_(j<=k) C_j g_(k-j)`` for ``k < L``: a polynomial of degree ``<= L``. The feasible
set is where all of them are ``<= 0``: :func:`._roots.feasible_set`, the routine the exact Nash
threshold uses. Everything is exact (Python ints when the automata are deterministic and
there is no noise, Fractions otherwise), the chain stays factored (never an ``(A, S, S)``
table), and distinct constraints are deduplicated before any root is isolated.

The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from ...results import CriticalDiscount
from ._chain import Chain, float_chain, outcome_probs
from ._roots import berlekamp_massey, feasible_set
from ._sparse import DENSE_CHAIN, kron_factors

__all__ = ["DENSE_EXACT", "dense_rows", "spe_exact", "spe_polynomials"]

#: Up to this many joint states an exact chain's dense table of moves (Fractions) is the
#: faster way; beyond, its object arithmetic (A S^2 products per use) dominates.
DENSE_EXACT = 32
_SEED = 20261204  # the projection's random weights: fixed, so results are reproducible


class _Rows:
    """Sparse rows ``sum_r diag(w[:, r]) K_r[rows, R]`` in exact arithmetic (CSR layout)."""

    def __init__(self, sizes: tuple[int, ...], factors: tuple[tuple[Any, ...], ...],
                 ks: list[sp.csr_matrix], idx: NDArray[np.int64], rows: NDArray[np.int64],
                 w: Any) -> None:
        # the pattern from the exact weights: a positive probability below the float range
        # (an error rate of 1e-400, or the product of a few tiny ones) is not 0.0 here
        wf = (np.asarray(w, dtype=object) != 0).astype(float)
        pattern: Any = None
        for r, k in enumerate(ks):
            col = wf[:, r]
            if np.any(col):
                term = sp.diags(col) @ k[rows][:, idx]
                pattern = term if pattern is None else pattern + term
        pattern = sp.csr_matrix(pattern)
        pattern.sort_indices()
        self.indptr = pattern.indptr
        self.cols = pattern.indices.astype(np.int64)
        row_of = np.repeat(np.arange(len(rows)), np.diff(self.indptr))
        s_multi = np.unravel_index(rows[row_of], sizes)
        t_multi = np.unravel_index(idx[self.cols], sizes)
        vals = np.zeros(len(self.cols), dtype=object)
        for r, mats in enumerate(factors):
            sel = np.flatnonzero(wf[row_of, r] != 0)
            if sel.size == 0:
                continue
            term = w[row_of[sel], r]
            for i, m in enumerate(mats):
                term = term * m[s_multi[i][sel], t_multi[i][sel]]
            vals[sel] = vals[sel] + term
        self.gather = bool(np.all(np.diff(self.indptr) == 1) and all(v == 1 for v in vals))
        self.vals = vals

    def apply(self, x: NDArray[Any]) -> NDArray[Any]:
        """The rows times ``x`` (an object array, first axis over R)."""
        if self.gather:
            return x[self.cols]
        prod = self.vals.reshape((-1,) + (1,) * (x.ndim - 1)) * x[self.cols]
        return np.add.reduceat(prod, self.indptr[:-1], axis=0)


def dense_rows(chain: Chain, rows: NDArray[np.int64], weights: Any) -> NDArray[Any]:
    """``sum_r diag(weights[:, r]) K_r[rows, :]`` as a dense array over every joint state:
    exact (objects) when the chain is, float otherwise; from the factors, without the dense
    ``(A, S, S)`` table (the Nash path's deviators and profile transition) unless the chain
    is small enough for that table to be the faster way."""
    if len(chain.labels) <= (DENSE_EXACT if chain.exact else DENSE_CHAIN):
        return np.asarray(np.einsum("sr,rst->st", weights, chain.moves[:, rows, :]))
    ks = kron_factors(float_chain(chain))
    every = np.arange(len(chain.labels))
    if not chain.exact:
        from ._sparse import mix_rows

        return np.asarray(mix_rows(ks, every, rows, np.asarray(weights, dtype=float)).toarray())
    to_exact = np.vectorize(_exact, otypes=[object])
    factors = tuple(tuple(to_exact(np.asarray(m, dtype=object)) for m in mats)
                    for mats in chain.factors)
    found = _Rows(chain.sizes, factors, ks, every, np.asarray(rows, dtype=np.int64),
                  to_exact(np.asarray(weights, dtype=object)))
    out = np.zeros((len(rows), len(every)), dtype=object)
    out[np.repeat(np.arange(len(rows)), np.diff(found.indptr)), found.cols] = found.vals
    return out


def _exact(x: Any) -> Any:
    """Integers stay Python ints (fast); anything else becomes a Fraction."""
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else x
    if isinstance(x, (int, np.integer)):
        return int(x)
    return Fraction(x)


def _recurrence(advance: Any, c0: NDArray[Any]) -> tuple[list[Any], list[NDArray[Any]]]:
    """A connection polynomial ``C`` that annihilates the sequence ``c_k``, and ``c_0..c_L``.

    Berlekamp-Massey on a random integer projection, with twice as many terms until the
    recurrence found annihilates every coordinate (which makes it valid for every functional).
    """
    rng = np.random.default_rng(_SEED)
    cs = [c0]
    terms = 8
    while True:
        weights = rng.integers(1, 2**20, size=c0.shape).astype(object)
        while len(cs) < terms + 1:
            cs.append(advance(cs[-1]))
        seq = [Fraction(np.sum(weights * c)) for c in cs[:terms]]
        conn, order = berlekamp_massey(seq)
        if 2 * order < terms and _annihilates(conn[:order + 1], cs[:order + 1]):
            return conn[:order + 1], cs[:order + 1]
        terms *= 2


def _annihilates(conn: list[Any], cs: list[NDArray[Any]]) -> bool:
    """Whether ``sum_j C_j c_(L-j) == 0`` in every coordinate (exactly; int64 when the
    integer-scaled sum cannot overflow)."""
    den = math.lcm(*(Fraction(c).denominator for c in conn))
    ints = [int(Fraction(c) * den) for c in conn]
    order = len(conn) - 1
    stack = np.stack([np.ravel(cs[order - j]) for j in range(order + 1)])  # (L + 1, R N)
    if all(not isinstance(v, Fraction) for v in stack.flat):
        big = max((abs(int(v)) for v in stack.flat), default=0) * sum(abs(c) for c in ints)
        if big < 2**62:
            return not np.any(np.array(ints, dtype=np.int64) @ stack.astype(np.int64))
    total = np.array(ints, dtype=object) @ stack
    return all(v == 0 for v in total)


def spe_polynomials(chain: Chain, states: NDArray[np.bool_]
                    ) -> tuple[list[list[int]], list[tuple[int, int, int]]]:
    """Distinct integer polynomials ``p`` with ``sign p = sign gain`` on ``(0, 1)``, one per
    distinct one-shot constraint, and a deviation ``(state, player, action)`` for each."""
    idx = np.flatnonzero(states)
    ks = kron_factors(float_chain(chain))
    to_exact = np.vectorize(_exact, otypes=[object])
    # everything per intended action profile (A of them), then gathered by state
    shape = chain.shape
    profiles = np.array(list(np.ndindex(*shape)), dtype=np.int64).reshape(-1, len(shape))
    table = to_exact(outcome_probs(profiles, shape, chain.noise, True))
    payoffs = to_exact(np.asarray(chain.payoffs, dtype=object))
    mix = to_exact(table @ to_exact(np.asarray(chain.report, dtype=object)))  # (A, A)
    stage = to_exact(table @ payoffs)  # (A, N): expected stage payoffs
    factors = tuple(tuple(to_exact(np.asarray(m, dtype=object)) for m in mats)
                    for mats in chain.factors)

    def at(intended: NDArray[np.int64]) -> NDArray[np.int64]:
        return np.asarray(np.ravel_multi_index(tuple(intended.T), shape), dtype=np.int64)

    here = at(chain.intended[idx])
    u = stage[here]  # (R, N)
    profile = _Rows(chain.sizes, factors, ks, idx, idx, mix[here])
    conn, cs = _recurrence(profile.apply, u)
    order = len(conn) - 1
    den = math.lcm(*(Fraction(c).denominator for c in conn))
    conn_int = [int(Fraction(c) * den) for c in conn]  # positive multiple: same signs
    polys: dict[tuple[int, ...], int] = {}
    seen: set[tuple[Any, ...]] = set()
    out: list[list[int]] = []
    where: list[tuple[int, int, int]] = []
    for i, m in enumerate(chain.shape):
        for a in range(m):
            keep = np.flatnonzero(chain.intended[idx, i] != a)
            if keep.size == 0:
                continue
            intended = chain.intended[idx[keep]].copy()
            intended[:, i] = a
            there = at(intended)
            e0 = stage[there, i] - u[keep, i]
            rows = _Rows(chain.sizes, factors, ks, idx, idx[keep], mix[there])
            # g_k = (T_dev c_k)(s) - c_(k+1)(s), k < L: (K, L)
            g = np.stack([rows.apply(cs[k][:, i]) - cs[k + 1][keep, i] for k in range(order)],
                         axis=1) if order else np.zeros((len(keep), 0), dtype=object)
            fresh: list[tuple[Any, ...]] = []
            first: list[int] = []
            for state, e, gs in zip(keep.tolist(), e0, g, strict=True):
                key = (e, *gs)
                if key not in seen:
                    seen.add(key)
                    fresh.append(key)
                    first.append(int(idx[state]))
            for joint, coef in zip(first, _coefficients(fresh, conn_int), strict=True):
                poly = tuple(_integer(coef))
                if poly not in polys:
                    polys[poly] = len(out)
                    out.append(list(poly))
                    where.append((joint, i, a))
    return out, where


def _coefficients(rows: list[tuple[Any, ...]], conn: list[int]) -> list[list[Any]]:
    """``e C + delta N`` for each row ``(e, g_0, ..., g_(L-1))``: one matrix product,
    ``coef[k] = e C_k + sum_(m < k) C_(k-1-m) g_m``, in int64 when no entry can overflow."""
    if not rows:
        return []
    size = len(conn)
    toeplitz = [[0] * size for _ in range(size)]
    for k in range(size):
        toeplitz[0][k] = conn[k]
        for m in range(k):
            toeplitz[1 + m][k] = conn[k - 1 - m]
    mat = np.array(rows, dtype=object).reshape(len(rows), size)
    integral = all(not isinstance(v, Fraction) for v in mat.flat)
    bound = max(abs(int(v)) for v in mat.flat) * sum(abs(c) for c in conn) if integral else 0
    if integral and bound < 2**62:
        return (mat.astype(np.int64) @ np.array(toeplitz, dtype=np.int64)).astype(
            object).tolist()
    return (mat @ np.array(toeplitz, dtype=object)).tolist()


def _integer(coef: list[Any]) -> list[int]:
    """``coef`` times the lcm of its denominators, trailing zeros trimmed."""
    den = math.lcm(*(c.denominator if isinstance(c, Fraction) else 1 for c in coef))
    out = [int(c * den) for c in coef]
    while out and out[-1] == 0:
        out.pop()
    return out


def spe_exact(chain: Chain, states: NDArray[np.bool_]) -> CriticalDiscount:
    """The exact set of discount factors in ``[0, 1)`` where every one-shot constraint holds."""
    polys, where = spe_polynomials(chain, states)
    found = feasible_set(polys)
    if found.low is None:
        return CriticalDiscount.never()
    binding = None
    if found.binding is not None:
        s, i, a = where[found.binding]
        binding = (chain.labels[s], i, a)
    return CriticalDiscount(found.low_float, found.pieces, exact=found.low, binding=binding)
