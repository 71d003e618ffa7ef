"""One-shot deviation gains in floats on the factored chain: no dense table of moves.

A profile's joint transition given a reported profile ``r`` is the Kronecker product of the
players' own transition matrices (:attr:`.Chain.factors`): a sparse matrix with, for
deterministic automata, one entry per row. The subgame-perfection check needs, at every
history-reachable joint state ``s``, the profile's values ``V`` (a sparse solve of
``(I - delta P) V = (1 - delta) u``) and, for each deviation of player ``i`` to action ``a``,
the expected continuation ``(T_(i,a) V_i)(s)``, where the row ``T_(i,a)[s]`` mixes the
``K_r[s]`` by the probabilities of the reported profiles after the deviation. Each
``T_(i,a)`` is built once, sparse, on the states where ``a`` is a deviation; so memory is
``O(S x own actions)`` per player (times the nonzeros of a row: one for deterministic
automata without noise) plus the values, never an ``(A, S, S)`` table. Grids of discount
factors are evaluated in chunks.

The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from numpy.typing import NDArray

from ._chain import Chain, float_chain

__all__ = ["GainEvaluator", "Shifted", "allowance", "history_reachable", "kron_factors", "mix_rows",
           "near_one"]

#: Below this many joint states the values are solved densely for a whole chunk of discount
#: factors at once (one batched LAPACK call); above it, one sparse LU per discount factor.
DENSE_STATES = 64
#: Up to this many joint states the chain's dense table of moves is small (a few MB) and
#: faster to use than sparse matrices (the 2-player checks take about a millisecond).
DENSE_CHAIN = 256
#: Floats held per chunk of discount factors (about 8 bytes each): bounds the memory of a grid.
CHUNK_FLOATS = 4_000_000
#: Above this many states a dense chain's values at many discount factors come from one
#: Hessenberg form of its transition (:class:`Shifted`: ``O(n^2)`` elementwise work per
#: discount factor), not one LAPACK solve each: OpenBLAS threads those from about 100
#: states, and on a loaded machine the threads cost 7-40x what they earn.
SCHUR_STATES = 32


#: Samples per decade of ``1 - delta`` beyond a grid's last point, down to
#: ``1 - delta = 10**-NEAR_ONE_DECADES`` (a sampling range, not a tolerance). Not further:
#: ``I - delta P`` in floats is ``eps / (1 - delta)`` from singular, and a value computed
#: from it is off by about that much (LAPACK and :class:`Shifted` alike). Where a deviation
#: moves the chain to another recurrent class (the Nash path's best replies) that error
#: does not cancel in the gains, while the true gain is only ``(1 - delta)`` times the gain
#: per round: measured on a 2-player noisy profile with a gain of 1.05 per round, the float
#: gain was off by 10% at ``1 - delta = 1e-8`` and of either sign from ``3e-9``, so samples
#: down to ``1e-12`` (the first version) returned feasible pieces near 1 where the exact
#: set is empty.
NEAR_ONE_PER_DECADE = 25
NEAR_ONE_DECADES = 7


def near_one(grid: int) -> NDArray[np.float64]:
    """Discount factors beyond the last of ``grid`` equally spaced samples of ``[0, 1)``:
    ``1 - delta`` from ``1 / grid`` down to ``10**-NEAR_ONE_DECADES``, evenly in its
    logarithm."""
    top = np.log10(grid)
    count = int(np.ceil((NEAR_ONE_DECADES - top) * NEAR_ONE_PER_DECADE))
    return np.asarray(1.0 - 10.0 ** -(top + np.arange(1, count + 1) / NEAR_ONE_PER_DECADE))


def allowance(deltas: Any, grid: int) -> Any:
    """The share of ``tol`` times the largest payoff a float gain may have and count as none.

    1 on the grid; beyond its last sample ``grid * (1 - delta)``: a gain is ``(1 - delta)``
    times the gain per round, so a fixed allowance would let every profile pass near 1; this
    one keeps the gain per round under ``tol`` times the largest payoff times ``grid``.
    """
    return np.minimum(1.0, grid * (1.0 - np.asarray(deltas, dtype=float)))


def kron_factors(chain: Chain) -> list[sp.csr_matrix]:
    """The joint transition ``K_r`` given each reported profile ``r``, sparse, in floats."""
    out = []
    for mats in chain.factors:
        k = sp.csr_matrix(np.asarray(mats[0], dtype=float))
        for m in mats[1:]:
            k = sp.kron(k, sp.csr_matrix(np.asarray(m, dtype=float)), format="csr")
        out.append(k)
    return out


def history_reachable(chain: Chain, ks: list[sp.csr_matrix] | None = None) -> NDArray[np.bool_]:
    """Joint states that some history (any actions, any reports) leads to."""
    adjacency: Any
    if ks is None and len(chain.labels) <= DENSE_CHAIN:
        adjacency = np.any(np.asarray(float_chain(chain).moves) != 0, axis=0)
    else:
        ks = kron_factors(chain) if ks is None else ks
        adjacency = ks[0].copy()
        for k in ks[1:]:
            adjacency = adjacency + k
        adjacency = adjacency.tocsc()
    seen = np.asarray(np.asarray(chain.initial, dtype=float) != 0)
    frontier = seen.copy()
    while frontier.any():
        nxt = np.asarray(adjacency.T @ frontier.astype(float)).ravel() > 0
        nxt &= ~seen
        seen |= nxt
        frontier = nxt
    return seen


class _Mixer:
    """Every ``K_r`` (restricted to the states) as one list of entries ``(r, row, col, p)``;
    :meth:`mix` weighs them by the probabilities of the reported profiles in one pass."""

    def __init__(self, kr: list[sp.csr_matrix]) -> None:
        coo = [k.tocoo() for k in kr]
        self.n = kr[0].shape[0]
        self.r = np.concatenate([np.full(c.nnz, r) for r, c in enumerate(coo)])
        self.rows = np.concatenate([c.row for c in coo]).astype(np.int64)
        self.cols = np.concatenate([c.col for c in coo]).astype(np.int64)
        self.data = np.concatenate([c.data for c in coo])

    def mix(self, weights: NDArray[np.float64], rows: NDArray[np.int64] | None = None
            ) -> sp.csr_matrix:
        """``sum_r diag(weights[:, r]) K_r`` on ``rows`` (all when None; ``weights`` has one
        row per selected row)."""
        if rows is None:
            where = np.arange(self.n)
            n_rows = self.n
        else:
            where = np.full(self.n, -1)
            where[rows] = np.arange(len(rows))
            n_rows = len(rows)
        at = where[self.rows]
        sel = at >= 0
        w = np.zeros(len(self.rows))
        w[sel] = weights[at[sel], self.r[sel]]
        sel &= w != 0
        return sp.csr_matrix((self.data[sel] * w[sel], (at[sel], self.cols[sel])),
                             shape=(n_rows, self.n))


def mix_rows(ks: list[sp.csr_matrix], idx: NDArray[np.int64], rows: NDArray[np.int64],
             weights: NDArray[np.float64]) -> sp.csr_matrix:
    """``sum_r diag(weights[:, r]) K_r`` on the states ``idx``, rows ``rows`` (a subset)."""
    return _Mixer([k[idx][:, idx] for k in ks]).mix(weights, rows)


class _Graph:
    """A deterministic profile (one successor per state): values in closed form on every
    cycle, then down the tails level by level; ``O(S)`` per discount factor, no solve."""

    def __init__(self, succ: NDArray[np.int64]) -> None:
        n = len(succ)
        state = np.zeros(n, dtype=np.int8)  # 0 new, 1 on the current walk, 2 done
        self.cycles: list[NDArray[np.int64]] = []
        for start in range(n):
            walk = []
            x = start
            while state[x] == 0:
                state[x] = 1
                walk.append(x)
                x = int(succ[x])
            if state[x] == 1:  # closed a new cycle at x
                self.cycles.append(np.array(walk[walk.index(x):], dtype=np.int64))
            state[walk] = 2
        on_cycle = np.zeros(n, dtype=bool)
        for c in self.cycles:
            on_cycle[c] = True
        # tails: states whose successor is known, level by level
        self.levels: list[NDArray[np.int64]] = []
        known = on_cycle.copy()
        while not known.all():
            level = np.flatnonzero(~known & known[succ])
            self.levels.append(level)
            known[level] = True
        self.succ = succ

    @classmethod
    def of(cls, trans: sp.csc_matrix) -> _Graph | None:
        """The graph of ``trans`` if every row is a single 1, else None."""
        rows = trans.tocsr()
        if not (np.all(np.diff(rows.indptr) == 1) and np.all(rows.data == 1.0)):
            return None
        return cls(rows.indices.astype(np.int64))

    def values(self, deltas: NDArray[np.float64], u: NDArray[np.float64]
               ) -> NDArray[np.float64]:
        g = len(deltas)
        d = deltas[:, None]
        out = np.empty((g, len(self.succ), u.shape[1]))
        for cyc in self.cycles:
            length = len(cyc)
            powers = deltas[:, None] ** np.arange(length)[None, :]  # (G, L)
            # V(c_0) = sum_t d^t u(c_t) / sum_t d^t (the (1 - d)/(1 - d^L) of a cycle, stably)
            out[:, cyc[0]] = (powers @ u[cyc]) / powers.sum(axis=1)[:, None]
            for j in range(length - 1, 0, -1):
                nxt = cyc[(j + 1) % length]
                out[:, cyc[j]] = (1 - d) * u[cyc[j]][None] + d * out[:, nxt]
        for level in self.levels:
            out[:, level] = (1 - d)[..., None] * u[level][None] + d[..., None] * out[
                :, self.succ[level]]
        return out


class Shifted:
    """``(1 - delta) (I - delta P)^-1 u`` at many ``delta`` from one Hessenberg form of ``P``.

    ``P = Q H Q^T`` with ``H`` upper Hessenberg (Householder reflections, computed here with
    numpy elementwise operations and ``einsum``), so ``(I - delta H) y = (1 - delta) Q^T u``
    is solved by Gaussian elimination with partial pivoting on adjacent rows and back
    substitution, row by row, vectorized over the discount factors; then ``V = Q y`` as a
    stack of small products, one per discount factor. ``O(n^3)`` once and ``O(n^2)`` per
    factor where a solve per factor is ``O(n^3)``. No LAPACK decomposition and no large BLAS
    product: OpenBLAS threads those from about 100 states, and on a loaded 2-core machine the
    threads made a 256-state Schur form take 9 s instead of 0.3 s.

    Examples
    --------
    >>> import numpy as np
    >>> p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.0, 0.6, 0.4]])
    >>> u = np.array([[1.0], [0.0], [2.0]])
    >>> ds = np.array([0.0, 0.5, 0.9])
    >>> direct = [(1 - d) * np.linalg.solve(np.eye(3) - d * p, u) for d in ds]
    >>> bool(np.allclose(Shifted(p).values(ds, u), direct))
    True
    """

    def __init__(self, trans: NDArray[np.float64]) -> None:
        h = np.array(trans, dtype=float)
        n = len(h)
        q = np.eye(n)
        for k in range(n - 2):
            x = h[k + 1:, k]
            norm = float(np.sqrt(np.einsum("i,i->", x, x)))
            if norm == 0.0:
                continue
            v = x.copy()
            v[0] += np.copysign(norm, x[0])  # x - alpha e_1, alpha = -sign(x_0) |x|
            beta = 2.0 / float(np.einsum("i,i->", v, v))
            h[k + 1:, k:] -= beta * np.outer(v, np.einsum("i,ij->j", v, h[k + 1:, k:]))
            h[:, k + 1:] -= beta * np.outer(np.einsum("ij,j->i", h[:, k + 1:], v), v)
            q[:, k + 1:] -= beta * np.outer(np.einsum("ij,j->i", q[:, k + 1:], v), v)
        self.h = np.triu(h, -1)  # exactly Hessenberg (the rest is rounding)
        self.q = q

    def values(self, deltas: NDArray[np.float64], u: NDArray[np.float64]
               ) -> NDArray[np.float64]:
        """(G, n, N): the values at each of ``deltas`` of the stage payoffs ``u`` (n, N)."""
        ds = np.asarray(deltas, dtype=float)
        n, k = u.shape
        step = max(1, CHUNK_FLOATS // max(1, n * n))
        c = np.einsum("ji,jk->ik", self.q, u)  # Q^T u
        out = np.empty((len(ds), n, k))
        for lo in range(0, len(ds), step):
            y = self._solve(ds[lo:lo + step], c)
            out[lo:lo + step] = np.matmul(self.q[None], y)  # one small product per delta
        return out

    def _solve(self, ds: NDArray[np.float64], c: NDArray[np.float64]) -> NDArray[np.float64]:
        """``(I - d H) y = (1 - d) c`` for each ``d`` in ``ds``: (G, n, N)."""
        h = self.h
        n = len(h)
        g = len(ds)
        d = ds[:, None]
        upper = np.empty((g, n, n))
        rhs = np.empty((g, n, c.shape[1]))
        cur = -d * h[0][None]
        cur[:, 0] += 1.0
        cur_r = (1 - d) * c[0][None]
        for j in range(n - 1):
            nxt = -d * h[j + 1][None]
            nxt[:, j + 1] += 1.0
            nxt_r = (1 - d) * c[j + 1][None]
            swap = (np.abs(nxt[:, j]) > np.abs(cur[:, j]))[:, None]
            top, bot = np.where(swap, nxt, cur), np.where(swap, cur, nxt)
            top_r, bot_r = np.where(swap, nxt_r, cur_r), np.where(swap, cur_r, nxt_r)
            mult = (bot[:, j] / top[:, j])[:, None]
            upper[:, j], rhs[:, j] = top, top_r
            cur, cur_r = bot - mult * top, bot_r - mult * top_r
        upper[:, n - 1], rhs[:, n - 1] = cur, cur_r
        y = np.empty_like(rhs)
        for i in range(n - 1, -1, -1):
            acc = rhs[:, i] - np.einsum("gj,gjk->gk", upper[:, i, i + 1:], y[:, i + 1:])
            y[:, i] = acc / upper[:, i, i][:, None]
        return y


class GainEvaluator:
    """The one-shot deviation gains of a float chain on ``states``, at any discount factors.

    ``where`` lists the deviations ``(state, player, action)`` in the order of the gains:
    by player, then action, then state (only real deviations, ``action`` not the intended
    one).
    """

    def __init__(self, chain: Chain, states: NDArray[np.bool_],
                 ks: list[sp.csr_matrix] | None = None) -> None:
        fc = float_chain(chain)
        idx = np.flatnonzero(states)
        self.n = len(idx)
        outcome = np.asarray(fc.outcome)[idx]
        report = np.asarray(fc.report)
        weights = outcome @ report  # (R, A)
        payoffs = np.asarray(fc.payoffs)
        self.u = outcome @ payoffs  # (R, N)
        dense = ks is None and len(fc.labels) <= DENSE_CHAIN
        mix: Any
        if dense:
            moves = np.asarray(fc.moves)[:, idx][:, :, idx]  # small: (A, R, R)

            def dense_mix(w: NDArray[np.float64], rows: Any = slice(None)) -> Any:
                return np.einsum("sr,rst->st", w, moves[:, rows])

            mix = dense_mix
            self.trans: Any = mix(weights)
            self.graph = None
        else:
            mixer = _Mixer([k[idx][:, idx] for k in (kron_factors(fc) if ks is None else ks)])
            mix = mixer.mix  # closed: every move stays in the states
            self.trans = mixer.mix(weights).tocsc()
            self.graph = _Graph.of(self.trans) if self.n > DENSE_STATES else None
        self.shifted: Shifted | None = None  # the Hessenberg form, once needed
        self.devs: list[tuple[int, NDArray[np.float64], Any, NDArray[Any]]] = []
        self.where: list[tuple[int, int, int]] = []
        for i, m in enumerate(fc.shape):
            for a in range(m):
                keep = np.flatnonzero(fc.intended[idx, i] != a)
                if keep.size == 0:
                    continue
                out = np.asarray(fc.deviation_outcome(i, a))[idx[keep]]
                # the deviation's transition from the states where it is one: (K, R)
                dev = mix(out @ report, keep)
                if dense and self.n > SCHUR_STATES:  # sparse product: no threaded BLAS
                    dev = sp.csr_matrix(dev)
                self.devs.append((i, (out @ payoffs)[:, i], dev, keep))
                self.where.extend((int(idx[s]), i, a) for s in keep)

    def values(self, deltas: NDArray[np.float64]) -> NDArray[np.float64]:
        """(G, R, N): the profile's values at each discount factor."""
        g = len(deltas)
        if self.graph is not None:
            return self.graph.values(deltas, self.u)
        if not sp.issparse(self.trans) and self.n > SCHUR_STATES:
            if self.shifted is None:
                self.shifted = Shifted(self.trans)
            return self.shifted.values(deltas, self.u)
        if self.n <= DENSE_STATES or not sp.issparse(self.trans):
            d = deltas[:, None, None]
            trans = self.trans.toarray() if sp.issparse(self.trans) else self.trans
            mat = np.eye(self.n) - d * trans[None]
            return np.asarray(np.linalg.solve(mat, (1 - d) * self.u[None]))
        out = np.empty((g, self.n, self.u.shape[1]))
        eye = sp.identity(self.n, format="csc")
        for k, d in enumerate(deltas):
            lu = spla.splu((eye - float(d) * self.trans).tocsc(), permc_spec="MMD_AT_PLUS_A")
            out[k] = lu.solve((1 - float(d)) * self.u)
        return out

    def chunk(self) -> int:
        """Discount factors per chunk, so that one chunk holds about CHUNK_FLOATS floats."""
        dense = self.n <= DENSE_STATES or not sp.issparse(self.trans)
        per = self.n * self.u.shape[1] * (self.n if dense else 4)
        return max(1, CHUNK_FLOATS // max(1, per))

    def gains(self, deltas: NDArray[np.float64]) -> NDArray[np.float64]:
        """(G, K): every deviation's gain at each discount factor (one chunk)."""
        vals = self.values(deltas)  # (G, R, N)
        g = vals.shape[0]
        d = deltas[:, None]
        columns = [np.ascontiguousarray(vals[:, :, i].T) for i in range(vals.shape[2])]
        parts = []
        for i, udev, dev, keep in self.devs:
            cont = (dev @ columns[i]).T  # (G, K): the continuation after deviating
            parts.append((1 - d) * udev[None] + d * cont - vals[:, keep, i])
        if not parts:
            return np.zeros((g, 0))
        return np.concatenate(parts, axis=1)

    def worst(self, deltas: Any) -> Any:
        """The largest gain at each discount factor (0 when nobody can deviate)."""
        ds = np.atleast_1d(np.asarray(deltas, dtype=float))
        out = np.zeros(len(ds))
        step = self.chunk()
        for lo in range(0, len(ds), step):
            gains = self.gains(ds[lo:lo + step])
            if gains.shape[1]:
                out[lo:lo + step] = gains.max(axis=1)
        return out if np.ndim(deltas) else out[0]
