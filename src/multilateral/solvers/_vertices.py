"""Vertex enumeration of a simple polytope by reverse search (Avis and Fukuda), in numpy.

Private helper of :mod:`multilateral.solvers.two_player`. A vertex of ``{z : g z <= h}`` in
dimension ``d`` is a basis: ``d`` tight rows. Its dictionary ``T = g M^-1`` (``M`` the basis
rows) gives every edge at once: leaving basis position ``p`` moves along ``-M^-1 e_p``, row
``i``'s slack falls at rate ``-T[i, p]`` and the minimum-ratio test names the row that enters.
Reverse search (Avis and Fukuda 1992, the method of lrs) makes the graph a tree without
storing it: the *parent* of a vertex is its neighbour along the improving edge (of the linear
objective minimised at the start vertex) whose basis row has the smallest index, so a vertex
is a *child* of ``v`` exactly when the edge back to ``v`` is that edge. The reduced costs of
a neighbour follow from ``v``'s dictionary by one rank-one update, so each vertex costs
``O(f d)`` flops (the pivot ``T <- T - T[:, p] (T[q] - e_p) / T[q, p]``); a depth-first walk
over chunks of vertices keeps memory bounded by the tree's depth times the chunk, not by the
number of vertices (no hash set of visited bases). A ratio-test tie means the polytope is not
simple (a degenerate game): the walk raises :class:`NotSimple`, unless it runs with the
symbolic lexicographic perturbation of lrs, which walks a degenerate polytope correctly.

References
----------
Avis, D. and Fukuda, K. (1992). A pivoting algorithm for convex hulls and vertex enumeration
of arrangements and polyhedra. *Discrete & Computational Geometry* 8, 295-313.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import comb

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..tolerances import ROUNDING

__all__ = [
    "NotSimple",
    "VertexLimitExceeded",
    "generic_weights",
    "pivot_vertices",
    "reverse_search",
    "vertex_upper_bound",
]
__dir__ = public_dir(__all__)

_CHUNK = 2048  # vertices pivoted per batched step (bounds the memory per step)
_TINY = float(np.finfo(np.float64).tiny)  # rates below this never block an edge
_SEED = 20011  # of the generic weights of the objective and the perturbation
_FAR = 1e250  # a least ratio this large means no row blocks the edge


class VertexLimitExceeded(Exception):
    """The search met more vertices than the caller's limit (internal signal)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class NotSimple(Exception):
    """A ratio-test tie: the polytope is not simple (internal signal)."""


def vertex_upper_bound(facets: int, dim: int) -> int:
    """McMullen's upper bound on the vertices of a ``dim``-polytope with ``facets`` facets.

    The cyclic polytope attains it: ``C(f - floor((d+1)/2), f - d) + C(f - floor((d+2)/2),
    f - d)`` (McMullen 1970; Ziegler, *Lectures on Polytopes*, thm 8.23).

    Examples
    --------
    >>> vertex_upper_bound(4, 2), vertex_upper_bound(40, 20)
    (4, 40060020)
    """
    if dim <= 0:
        return 1
    f, d = facets, dim
    return comb(f - (d + 1) // 2, f - d) + comb(f - (d + 2) // 2, f - d)


def generic_weights(d: int) -> NDArray[np.float64]:
    """Generic positive weights in [1, 1.5): no coincidence with a game's structure."""
    # fixed pseudo-random weights: multiples of one irrational number would lie in a
    # two-dimensional rational space and meet such coincidences in integer games
    return 1.0 + 0.5 * np.random.default_rng(_SEED).random(d)


def reverse_search(
    g: NDArray[np.float64],
    h: NDArray[np.float64],
    start: NDArray[np.intp],
    limit: int,
    chunk: int = _CHUNK,
    lexicographic: bool = False,
) -> Iterator[tuple[NDArray[np.intp], NDArray[np.float64]]]:
    """Every vertex of the simple polytope ``{z : g z <= h}``, in chunks ``(bases, slacks)``.

    ``start`` holds the ``d`` tight rows of one vertex, which must be ``z = 0`` with
    ``g[start] = -I`` (so ``z[i]`` is the slack of row ``start[i]``). Each vertex is yielded
    once, with its ``d`` basis rows (unsorted) and the slacks of all rows. Raises
    :class:`NotSimple` on a ratio-test tie and :class:`VertexLimitExceeded` after ``limit``.

    With ``lexicographic=True`` the walk runs on a degenerate polytope as on the simple one
    ``{g z <= h + (eps, eps^2, ..., eps^f)}`` for every small enough ``eps > 0`` (symbolic,
    the lexicographic minimum-ratio rule of lrs: Avis and Fukuda 1992, sect. 5; Chvatal,
    *Linear Programming*, ch. 3): a ratio tie is broken by comparing the rows
    ``(slack_i, e_i + sum_p L[p, i] e_{B_p}) / L[p_out, i]`` of the perturbed dictionary
    lexicographically, which are never equal for two rows, so every perturbed vertex (a
    feasible basis of the real polytope) is met once and each real vertex once per such basis.
    Slacks yielded are the real ones (never perturbed). In this mode each new basis's
    dictionary is computed afresh from ``g`` (a batched inverse, ``O(d^3)`` a vertex instead
    of the rank-one update): along paths of degenerate pivots, rounding accumulated by the
    updates turned true zero rates into tiny pivot elements.
    """
    f, d = g.shape
    start = np.asarray(start, dtype=np.intp)
    weights = generic_weights(d)
    # Each vertex carries its basis rows, the slack of every row, the rates L[p, i] = -T[i, p]
    # at which row i's slack falls along edge p (transposed: reductions run along the last,
    # contiguous axis) and the reduced costs r = c M^-1. At the start vertex M = -I, so
    # L = g^T, and r = -c with c = weights (c z is minimised only at z = 0).
    hf = np.asarray(h, dtype=float)
    h0 = hf[None, :].copy()
    h0[0, start] = np.inf  # basis rows carry an infinite slack: the ratio test skips them
    state = (start[None, :].copy(), h0, np.ascontiguousarray(g.T)[None], -weights[None])
    stack = [state]
    count = 0
    arange_d = np.arange(d)
    while stack:
        bases, slack, rates, red = stack.pop()
        n_front = bases.shape[0]
        count += n_front
        if count > limit:
            raise VertexLimitExceeded(count)
        if not lexicographic and np.any(slack <= ROUNDING):
            raise NotSimple("more than d tight rows")  # a degenerate vertex
        yield bases, np.where(np.isinf(slack), 0.0, np.maximum(slack, 0.0))
        if lexicographic:  # zero slacks: only rows with a positive rate block an edge
            blocks = rates > ROUNDING
            ratio = np.divide(np.maximum(slack, 0.0)[:, None, :], np.where(blocks, rates, 1.0))
            ratio[~blocks] = np.inf
        else:
            ratio = np.maximum(rates, _TINY)
            with np.errstate(over="ignore"):  # rates <= 0: ratio > 1e290 (or inf)
                np.divide(slack[:, None, :], ratio, out=ratio)
        arg = ratio.argmin(axis=2)  # (F, d): the entering row of each edge
        best = np.take_along_axis(ratio, arg[:, :, None], axis=2)[:, :, 0]
        if np.any(best > _FAR):
            raise NotSimple("unbounded edge")  # not a polytope (should not happen)
        if not lexicographic:
            np.put_along_axis(ratio, arg[:, :, None], np.inf, axis=2)
            if np.any(ratio.min(axis=2) <= best * (1 + ROUNDING) + ROUNDING):
                raise NotSimple("ratio tie")  # more than d tight rows at a neighbour
        # Only edges that raise the objective (r_p < 0) can lead to children. Across edge p
        # (row q = arg[v, p] replaces basis row p) the neighbour's reduced costs are
        # r_w[p'] = r[p'] + phi (L[p', q] + [p = p']) with phi = -r_p / L[p, q] > 0; w is a
        # child iff no improving position of w other than p holds a row below q.
        v, p = np.nonzero(red < 0.0)
        q = arg[v, p]
        step_all = best[v, p]  # the real step (0 along a degenerate pivot)
        if lexicographic:
            q = _lexicographic_rows(ratio[v, p], q, rates, bases, v, p, step_all)
            step_all = ratio[v, p, q]
        lq = rates[v[:, None], arange_d[None, :], q[:, None]]  # (E, d): L[p', q]
        phi = -red[v, p] / lq[np.arange(v.size), p]
        red_w = red[v] + phi[:, None] * lq
        red_w[np.arange(v.size), p] = phi
        rows_w = np.where(red_w > 0.0, bases[v], f)
        rows_w[np.arange(v.size), p] = f
        keep = q < rows_w.min(axis=1)
        v, p, q, lq, red_w = v[keep], p[keep], q[keep], lq[keep], red_w[keep]
        step_all = step_all[keep]
        for c0 in range(0, v.size, chunk):
            cut = slice(c0, c0 + chunk)
            vc, pc, qc = v[cut], p[cut], q[cut]
            k = np.arange(vc.size)
            lv = rates[vc]  # (C, d, f) copy
            prow = lv[k, pc, :]  # (C, f): L[p, :]
            w = lq[cut] / lq[cut][k, pc][:, None]
            w[k, pc] += 1.0 / lq[cut][k, pc]
            lv -= w[:, :, None] * prow[:, None, :]
            nb = bases[vc].copy()
            left = nb[k, pc]
            nb[k, pc] = qc
            step = step_all[cut]
            ns = slack[vc] - step[:, None] * prow
            ns[k, qc] = np.inf
            ns[k, left] = step
            red_c = red_w[cut]
            if lexicographic:  # refactor: rounding must not accumulate along a path of
                # (often degenerate) pivots, or a zero rate turns into a tiny pivot element
                lv, ns, red_c = _fresh_dictionary(g, hf, nb, weights)
            stack.append((nb, ns, lv, red_c))


def _fresh_dictionary(
    g: NDArray[np.float64], h: NDArray[np.float64], bases: NDArray[np.intp], c: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Rates ``L = -(g M^-1)^T``, slacks ``h - g z`` and reduced costs ``c M^-1`` from scratch."""
    try:
        inv = np.linalg.inv(g[bases])  # (C, d, d)
    except np.linalg.LinAlgError:
        raise NotSimple("singular basis") from None  # rounding chose a zero pivot
    rates = np.ascontiguousarray(-np.swapaxes(g @ inv, 1, 2))
    z = np.matmul(inv, h[bases][:, :, None])[:, :, 0]
    slack = h[None, :] - z @ g.T
    slack[np.arange(bases.shape[0])[:, None], bases] = np.inf
    return rates, slack, c @ inv


def _lexicographic_rows(
    ratio: NDArray[np.float64],
    q: NDArray[np.intp],
    rates: NDArray[np.float64],
    bases: NDArray[np.intp],
    v: NDArray[np.intp],
    p: NDArray[np.intp],
    best: NDArray[np.float64],
) -> NDArray[np.intp]:
    """The entering rows of edges ``(v, p)`` by the lexicographic minimum-ratio rule.

    ``ratio`` (E, f) holds the real ratios, ``q`` their argmin. Where several rows tie, the
    perturbed slack of row ``i`` divided by its rate is the vector over rows ``r`` (the
    coefficient of ``eps^(r+1)``): ``1 / L[p, i]`` at ``r = i`` and ``L[p', i] / L[p, i]`` at
    ``r = B_p'``; the lexicographically least wins. Raises :class:`NotSimple` if two rows
    still tie (impossible in exact arithmetic: a rounding failure).
    """
    cand = ratio <= best[:, None] * (1 + ROUNDING) + ROUNDING
    tied = np.flatnonzero(cand.sum(axis=1) > 1)
    if tied.size == 0:
        return q
    q = q.copy()
    f = ratio.shape[1]
    diag = np.arange(f)
    step = max(1, (1 << 22) // (f * f))  # edges per block (32 MB of float64)
    for c0 in range(0, tied.size, step):
        e = tied[c0 : c0 + step]
        ve, pe, ce = v[e], p[e], cand[e]
        k = np.arange(e.size)
        lv = rates[ve]  # (E, d, f): L[p', i]
        lp = lv[k, pe, :]  # (E, f): L[p, i] (> 0 on candidates)
        w = np.zeros((e.size, f, f))  # w[e, i, r]: coefficient of eps^(r+1) in row i
        w[:, diag, diag] = 1.0
        for pp in range(lv.shape[1]):
            w[k, :, bases[ve, pp]] = lv[:, pp, :]
        w /= np.where(ce, lp, 1.0)[:, :, None]
        for r in range(f):
            col = np.where(ce, w[:, :, r], np.inf)
            low = col.min(axis=1, keepdims=True)
            ce &= col <= low + ROUNDING * (1.0 + np.abs(low))
            if np.all(ce.sum(axis=1) == 1):
                break
        if np.any(ce.sum(axis=1) != 1):
            raise NotSimple("lexicographic tie")  # rounding: the rows' vectors coincide
        q[e] = ce.argmax(axis=1)
    return q


def pivot_vertices(
    g: NDArray[np.float64], h: NDArray[np.float64], start: NDArray[np.intp], limit: int
) -> tuple[NDArray[np.float64], NDArray[np.bool_]] | None:
    """All vertices of the simple polytope ``{z : g z <= h}`` and their tight rows.

    ``start`` holds the ``d`` tight rows of the vertex ``z = 0`` (``g[start] = -I``).
    Returns None if the polytope turns out not to be simple; raises
    :class:`VertexLimitExceeded` once more than ``limit`` vertices are found.
    """
    f = g.shape[0]
    start = np.asarray(start, dtype=np.intp)
    points, tights = [], []
    try:
        for bases, slack in reverse_search(g, h, start, limit):
            points.append(slack[:, start])
            tight = np.zeros((bases.shape[0], f), dtype=bool)
            tight[np.arange(bases.shape[0])[:, None], bases] = True
            tights.append(tight)
    except NotSimple:
        return None
    return np.concatenate(points), np.concatenate(tights)
