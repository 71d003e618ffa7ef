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
threshold uses. Everything is exact and in Python ints: the transitions and payoffs are
scaled by their common denominators, ``C`` is found modulo primes (:mod:`._modular`) and
verified in integers, and ``N`` comes from one integer recurrence
(:func:`_integer_polynomials`); Berlekamp-Massey in Fractions
(:func:`_fraction_polynomials`, 25-40x slower with noise) is the fallback should the
verification fail. The chain stays factored (never an ``(A, S, S)`` table), and distinct
constraints are deduplicated before any root is isolated.

The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import copy
import math
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from ...results import CriticalDiscount
from ._chain import Chain, float_chain, outcome_probs
from ._modular import bits_bound, connection_mod, crt_symmetric, primes
from ._roots import berlekamp_massey, feasible_set
from ._sparse import DENSE_CHAIN, kron_factors

__all__ = ["DENSE_EXACT", "dense_rows", "spe_exact", "spe_polynomials"]

#: Up to this many joint states an exact chain's dense table of moves (Fractions) is the
#: faster way; beyond, its object arithmetic (A S^2 products per use) dominates.
DENSE_EXACT = 32
_SEED = 20261204  # the projection's random weights: fixed, so results are reproducible
_ATTEMPTS = 12  # projections and term counts tried in integers before the Fraction path


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

    def scaled(self, q: int) -> _Rows:
        """A copy with every entry times ``q`` (Python ints when ``q`` clears them)."""
        out = copy.copy(self)
        if q != 1:
            out.vals = np.array([int(v * q) for v in self.vals], dtype=object)
            out.gather = False
        return out

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
    distinct one-shot constraint, and a deviation ``(state, player, action)`` for each.

    In integers (:func:`_integer_polynomials`: the recurrence modulo primes, verified
    exactly); in Fractions (:func:`_fraction_polynomials`) when that verification fails.
    """
    data = _Data(chain, states)
    found = _integer_polynomials(data)
    return found if found is not None else _fraction_polynomials(data)


class _Data:
    """The profile's and every deviation's rows on the history-reachable states."""

    def __init__(self, chain: Chain, states: NDArray[np.bool_]) -> None:
        idx = np.flatnonzero(states)
        ks = kron_factors(float_chain(chain))
        to_exact = np.vectorize(_exact, otypes=[object])
        # everything per intended action profile (A of them), then gathered by state
        shape = chain.shape
        profiles = np.array(list(np.ndindex(*shape)), dtype=np.int64).reshape(-1, len(shape))
        table = to_exact(outcome_probs(profiles, shape, chain.noise, True))
        payoffs = to_exact(np.asarray(chain.payoffs, dtype=object))
        mix = to_exact(table @ to_exact(np.asarray(chain.report, dtype=object)))  # (A, A)
        self.stage = to_exact(table @ payoffs)  # (A, N): expected stage payoffs
        factors = tuple(tuple(to_exact(np.asarray(m, dtype=object)) for m in mats)
                        for mats in chain.factors)

        def at(intended: NDArray[np.int64]) -> NDArray[np.int64]:
            return np.asarray(np.ravel_multi_index(tuple(intended.T), shape), dtype=np.int64)

        here = at(chain.intended[idx])
        self.u = self.stage[here]  # (R, N)
        self.profile = _Rows(chain.sizes, factors, ks, idx, idx, mix[here])
        # each deviation (player i to action a) from the states where it is one
        self.devs: list[tuple[int, int, NDArray[np.int64], NDArray[Any], _Rows]] = []
        for i, m in enumerate(shape):
            for a in range(m):
                keep = np.flatnonzero(chain.intended[idx, i] != a)
                if keep.size == 0:
                    continue
                intended = chain.intended[idx[keep]].copy()
                intended[:, i] = a
                there = at(intended)
                e0 = self.stage[there, i] - self.u[keep, i]
                rows = _Rows(chain.sizes, factors, ks, idx, idx[keep], mix[there])
                self.devs.append((i, a, keep, e0, rows))
        self.idx = idx


def _denominator(values: Any) -> int:
    return math.lcm(1, *(v.denominator for v in np.ravel(np.asarray(values, dtype=object))
                         if isinstance(v, Fraction)))


def _integer_polynomials(data: _Data
                         ) -> tuple[list[list[int]], list[tuple[int, int, int]]] | None:
    """:func:`spe_polynomials` in integers; None when the recurrence does not verify.

    With ``q`` the common denominator of every transition entry and ``d`` that of the
    stage payoffs, ``M = q P`` and ``U = d u`` are integer, and so is ``c'_k = M^k U``.
    Its connection polynomial ``C'`` (integer, ``C'_0 = 1``; :mod:`._modular`) gives
    ``C_j = C'_j / q^j`` for ``c_k``; with ``Z_k = sum_(j<=k) C'_j c'_(k-j)`` (``Z_k = M
    Z_(k-1) + C'_k U``, and ``Z_L = 0`` verifies ``C'``), the constraint at ``s`` is
    ``sum_k q^(L-k) (E C'_k + D_(k-1)(s)) delta^k`` with ``E = d e_0`` and
    ``D_k = (M_dev Z_k - Z_(k+1) + C'_(k+1) U)(s)``: a positive multiple of ``e_0 C +
    delta N``. No Fraction arithmetic at all.
    """
    q = math.lcm(1, *(_denominator(r.vals) for r in [data.profile] + [
        dev[4] for dev in data.devs]))
    d = _denominator(data.stage)
    u = np.vectorize(lambda v: int(v * d), otypes=[object])(data.u)  # (R, N)
    rng = np.random.default_rng(_SEED)
    prof = data.profile.scaled(q)
    terms = 8
    for _ in range(_ATTEMPTS):
        weights = rng.integers(1, 2**20, size=u.shape).astype(object)
        _, order, good = connection_mod(prof.indptr, prof.cols, prof.vals, prof.gather, u,
                                        weights, terms, primes(1, q))
        if 2 * order >= terms:
            terms *= 2
            continue
        count = bits_bound(order, q) // 30 + 2
        ps = primes(count, q)
        res, order2, good = connection_mod(prof.indptr, prof.cols, prof.vals, prof.gather, u,
                                           weights, 2 * order + 2, ps)
        ps_good = [p for p, g in zip(ps, good, strict=True) if g]
        if order2 != order or sum(p.bit_length() - 1 for p in ps_good) < bits_bound(order, q):
            terms *= 2
            continue
        conn = crt_symmetric(res[np.asarray(good)], ps_good)
        zs = [u]
        for k in range(1, order + 1):
            zs.append(prof.apply(zs[-1]) + conn[k] * u)
        if all(v == 0 for v in zs[-1].flat):
            return _assemble(data, conn, zs, u, q, d)
        terms *= 2
    return None


def _assemble(data: _Data, conn: list[int], zs: list[NDArray[Any]], u: NDArray[Any], q: int,
              d: int) -> tuple[list[list[int]], list[tuple[int, int, int]]]:
    """The integer constraints from ``C'`` and ``Z_0..Z_L`` (see :func:`_integer_polynomials`)."""
    order = len(conn) - 1
    powers = np.array([q ** (order - k) for k in range(order + 1)], dtype=object)
    conn_arr = np.array(conn, dtype=object)
    polys: dict[tuple[int, ...], int] = {}
    out: list[list[int]] = []
    where: list[tuple[int, int, int]] = []
    for i, a, keep, e0, dev_rows in data.devs:
        rows = dev_rows.scaled(q)
        big_e = np.vectorize(lambda v: int(v * d), otypes=[object])(e0)  # (K,)
        coef = big_e[:, None] * conn_arr[None, :]  # (K, L + 1)
        if order:
            zi = np.stack([z[:, i] for z in zs[:order]], axis=1)  # (R, L)
            nxt = np.stack([zs[k + 1][keep, i] - conn[k + 1] * u[keep, i]
                            for k in range(order)], axis=1)  # (M Z_k)(s)
            coef[:, 1:] += rows.apply(zi) - nxt
        coef = coef * powers[None, :]
        for state, row in zip(keep.tolist(), coef.tolist(), strict=True):
            g = math.gcd(*row)
            key = tuple(c // g for c in row) if g > 1 else tuple(row)
            while key and key[-1] == 0:
                key = key[:-1]
            if key not in polys:
                polys[key] = len(out)
                out.append(list(key))
                where.append((int(data.idx[state]), i, a))
    return out, where


def _fraction_polynomials(data: _Data
                          ) -> tuple[list[list[int]], list[tuple[int, int, int]]]:
    """:func:`spe_polynomials` in Fractions (Berlekamp-Massey over the rationals)."""
    u = data.u
    conn, cs = _recurrence(data.profile.apply, u)
    order = len(conn) - 1
    den = math.lcm(*(Fraction(c).denominator for c in conn))
    conn_int = [int(Fraction(c) * den) for c in conn]  # positive multiple: same signs
    polys: dict[tuple[int, ...], int] = {}
    seen: set[tuple[Any, ...]] = set()
    out: list[list[int]] = []
    where: list[tuple[int, int, int]] = []
    for i, a, keep, e0, rows in data.devs:
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
                first.append(int(data.idx[state]))
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
