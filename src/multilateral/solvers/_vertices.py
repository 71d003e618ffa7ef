"""Vertex enumeration of a simple polytope by pivoting (breadth-first over its graph).

Private helper of :mod:`multilateral.solvers.two_player`. A vertex of ``{z : g z <= h}`` in
dimension ``d`` is a set of ``d`` tight rows (a basis). Moving off one tight row along the
edge it defines reaches, by the minimum-ratio test, the neighbouring vertex; a breadth-first
search over these edges from one known vertex visits every vertex of a simple polytope (the
graph of a polytope is connected). Every step is vectorised over a chunk of the frontier with
batched :func:`numpy.linalg.inv`, so the cost is about ``V d^2 (f + d)`` flops for ``V``
vertices, and memory is linear in ``V``. When a ratio test ties, the polytope is not simple
(the game is degenerate) and the search gives up (returns None) so the caller can fall back
to qhull, which handles degenerate polytopes.
"""

from __future__ import annotations

from math import comb

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..tolerances import ROUNDING, SAME_POINT

__all__ = ["VertexLimitExceeded", "pivot_vertices", "vertex_upper_bound"]
__dir__ = public_dir(__all__)

_CHUNK = 4096  # frontier vertices handled per batched step (bounds the memory per step)


class VertexLimitExceeded(Exception):
    """The search met more vertices than the caller's limit (internal signal)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


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


def _codes(bases: NDArray[np.intp], words: int) -> NDArray[np.int64]:
    """Bit-mask codes (``words`` int64 per basis) of sorted row-index sets."""
    out = np.zeros((bases.shape[0], words), dtype=np.int64)
    one = np.int64(1)
    for w in range(words):
        sel = (bases >= 63 * w) & (bases < 63 * (w + 1))
        bits = np.left_shift(one, np.where(sel, bases - 63 * w, 0).astype(np.int64))
        out[:, w] = np.where(sel, bits, 0).sum(axis=1)
    return out


def _step(
    g: NDArray[np.float64], h: NDArray[np.float64], front: NDArray[np.intp]
) -> tuple[NDArray[np.float64], NDArray[np.intp]] | None:
    """The vertices of ``front`` and all their neighbours' bases; None on a ratio tie."""
    n_front, d = front.shape
    mats = g[front]
    if np.any(np.abs(np.linalg.det(mats)) <= ROUNDING):
        return None
    inv = np.linalg.inv(mats)
    z = np.matmul(inv, h[front][:, :, None])[:, :, 0]
    slack = h[None, :] - z @ g.T  # (F, f)
    rate = -np.matmul(g, inv)  # (F, f, d): row i's rate along the edge leaving basis row k
    rate[np.arange(n_front)[:, None], front, :] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(rate > SAME_POINT, np.clip(slack, 0.0, None)[:, :, None] / rate, np.inf)
    arg = ratio.argmin(axis=1)  # (F, d)
    best = np.take_along_axis(ratio, arg[:, None, :], axis=1)
    if not np.all(np.isfinite(best)):
        return None  # unbounded edge: not a polytope (should not happen)
    if np.any((ratio <= best * (1 + SAME_POINT) + SAME_POINT).sum(axis=1) > 1):
        return None  # a tie: more than d tight rows somewhere (degenerate)
    nxt = np.repeat(front[:, None, :], d, axis=1)
    k = np.arange(d)
    nxt[:, k, k] = arg
    return z, np.sort(nxt.reshape(n_front * d, d), axis=1)


def pivot_vertices(
    g: NDArray[np.float64], h: NDArray[np.float64], start: NDArray[np.intp], limit: int
) -> tuple[NDArray[np.float64], NDArray[np.bool_]] | None:
    """All vertices of the simple polytope ``{z : g z <= h}`` and their tight rows.

    ``start`` holds the ``d`` tight rows of one vertex. Returns None if the polytope turns
    out not to be simple; raises :class:`VertexLimitExceeded` once more than ``limit``
    vertices are found.
    """
    f = g.shape[0]
    words = (f + 62) // 63
    front = np.sort(np.asarray(start, dtype=np.intp))[None, :]
    seen = _codes(front, words)
    points: list[NDArray[np.float64]] = []
    bases: list[NDArray[np.intp]] = []
    while front.shape[0]:
        found: list[NDArray[np.intp]] = []
        for c0 in range(0, front.shape[0], _CHUNK):
            step = _step(g, h, front[c0 : c0 + _CHUNK])
            if step is None:
                return None
            points.append(step[0])
            chunk_codes = _codes(step[1], words)
            if words == 1:
                _, first = np.unique(chunk_codes[:, 0], return_index=True)
            else:
                _, first = np.unique(chunk_codes, axis=0, return_index=True)
            found.append(step[1][first])  # neighbours repeat: keep each once per chunk
        bases.append(front)
        cand = np.concatenate(found)
        codes = _codes(cand, words)
        if words == 1:
            flat, first = np.unique(codes[:, 0], return_index=True)
            codes = flat[:, None]
        else:
            codes, first = np.unique(codes, axis=0, return_index=True)
        if words == 1:  # one int64 per basis: sorted 1-D arrays (much faster than axis=0)
            flat = codes[:, 0]
            new = np.flatnonzero(~np.isin(flat, seen[:, 0], assume_unique=True))
            seen = np.sort(np.concatenate([seen[:, 0], flat[new]]))[:, None]
        else:
            both = np.concatenate([seen, codes])
            _, idx, counts = np.unique(both, axis=0, return_index=True, return_counts=True)
            new = idx[(counts == 1) & (idx >= seen.shape[0])] - seen.shape[0]
            seen = np.concatenate([seen, codes[new]])
        front = cand[first[new]]
        if seen.shape[0] > limit:
            raise VertexLimitExceeded(int(seen.shape[0]))
    all_bases = np.concatenate(bases)
    tight = np.zeros((all_bases.shape[0], f), dtype=bool)
    tight[np.arange(all_bases.shape[0])[:, None], all_bases] = True
    return np.concatenate(points), tight
