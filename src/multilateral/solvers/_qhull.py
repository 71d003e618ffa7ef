"""Vertices of small or degenerate best-response polytopes by qhull, and label matching.

Private helper of :mod:`multilateral.solvers.two_player` (moved from there unchanged).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..tolerances import ROUNDING, SAME_POINT

__all__ = ["QhullFailed", "complementary_pairs", "label_codes", "qhull_vertices"]
__dir__ = public_dir(__all__)


_PAIR_BLOCK = 4_000_000  # vertex pairs compared per block (32 MB of int64 codes)


class QhullFailed(Exception):
    """qhull raised (internal signal; the caller words the error)."""


def qhull_vertices(
    g: NDArray[np.float64], h: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Nonzero vertices of ``{z : g z <= h}`` by qhull (any polytope, small dimension).

    The polytope has the origin on its boundary; seen from an interior point ``c`` the points
    ``g / (h - g c)`` span the polar polytope, whose facets (qhull) are the polytope's vertices.
    """
    d = g.shape[1]
    # interior point: equal coordinates small enough that every payoff row stays slack
    c = np.full(d, 0.5 / max(1.0, float(np.max(np.clip(g, 0.0, None).sum(axis=1)))))
    if d == 1:
        up = g[:, 0] > 0
        verts = np.array([[float(np.min(h[up] / g[up, 0]))]])
    else:
        from scipy.spatial import ConvexHull, QhullError  # lazy: costs import time

        try:
            eq = ConvexHull(g / (h - g @ c)[:, None]).equations
        except (QhullError, ValueError) as err:
            what = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise QhullFailed(what) from err
        verts = c + eq[:, :-1] / -eq[:, -1:]
    tight = np.abs(verts @ g.T - h) <= SAME_POINT
    # a vertex is fixed by its tight constraints: qhull repeats a vertex once per simplex of a
    # non-simplicial polar facet, so keep one per label set
    _, first = np.unique(label_codes(tight), return_index=True)
    verts, tight = verts[first], tight[first]
    keep = np.abs(verts).sum(axis=1) > ROUNDING  # the origin is the artificial equilibrium
    return np.clip(verts[keep], 0.0, None), tight[keep]


def label_codes(labels: NDArray[np.bool_]) -> NDArray[Any]:
    """One sortable code per row of a boolean label matrix (bit masks when they fit)."""
    if labels.shape[1] <= 62:
        return labels.astype(np.int64) @ np.left_shift(
            np.int64(1), np.arange(labels.shape[1], dtype=np.int64)
        )
    packed = np.ascontiguousarray(np.packbits(labels, axis=1))
    return packed.view(np.dtype((np.void, packed.shape[1]))).ravel()


def complementary_pairs(lx: NDArray[np.bool_], ly: NDArray[np.bool_]) -> NDArray[np.intp]:
    """Index pairs (i, j) whose label sets together cover every label."""
    n_labels = lx.shape[1]
    if n_labels <= 62:
        mx, my = label_codes(lx), label_codes(ly)
        full = np.int64((1 << n_labels) - 1)
        if lx.sum(axis=1).max() + ly.sum(axis=1).max() <= n_labels:
            # simple polytopes (nondegenerate games): y's labels are exactly x's complement
            order = np.argsort(my)
            need = full ^ mx
            pos = np.clip(np.searchsorted(my, need, sorter=order), 0, len(my) - 1)
            hit = my[order[pos]] == need
            return np.column_stack([np.flatnonzero(hit), order[pos[hit]]])
        # degenerate: vertices with the least number of labels (their polytope's dimension)
        # pair with each other only by exact complement; the few others by brute force
        ax, ay = lx.sum(axis=1), ly.sum(axis=1)
        px, py = np.flatnonzero(ax == ax.min()), np.flatnonzero(ay == ay.min())
        ex, ey = np.flatnonzero(ax > ax.min()), np.flatnonzero(ay > ay.min())
        parts = []
        if ax.min() + ay.min() == n_labels:
            sub = complementary_pairs(lx[px], ly[py])
            parts.append(np.column_stack([px[sub[:, 0]], py[sub[:, 1]]]))
        else:
            ex, ey = np.arange(len(mx)), np.arange(0)
        for xi, yi in ((ex, np.arange(len(my))), (np.setdiff1d(np.arange(len(mx)), ex), ey)):
            step = max(1, _PAIR_BLOCK // max(1, len(yi)))  # bounded memory per block
            for c0 in range(0, len(xi), step):
                xc = xi[c0 : c0 + step]
                hit = np.argwhere(((full ^ mx[xc])[:, None] & ~my[yi][None, :]) == 0)
                parts.append(np.column_stack([xc[hit[:, 0]], yi[hit[:, 1]]]))
        return np.concatenate(parts).astype(np.intp)
    missing = (~lx).astype(np.float32) @ (~ly).T.astype(np.float32)
    return np.argwhere(missing < 0.5)
