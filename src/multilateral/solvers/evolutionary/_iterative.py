"""Stationary distributions of large population chains by an iterative solver.

Private to :mod:`multilateral.solvers.evolutionary` (its names are public so that the
package's modules may share them). A sparse LU of a chain over the states of ``k >= 4``
strategies fills in like a 3-d (or higher) grid: 40,000 states take about 20 s and 176,851
states (``k = 4``, ``Z = 100``) about 170 s. :func:`aggregation_solve` instead runs
BiCGSTAB (:func:`bicgstab`, its dot products kept off a threaded BLAS) on
``(I - P^T) x = 0`` with one state fixed, preconditioned by one W-cycle of aggregation
multigrid built from the states' counts (neighbouring states ``n // 2`` form one coarse
state, recursively, down to a few thousand solved by sparse LU; weighted Jacobi smoothing):
memory linear in the number of states.
Its answer is accepted only after the residual check of the caller.

References
----------
.. [1] Stewart, W. J. (1994). *Introduction to the Numerical Solution of Markov Chains*.
   Princeton University Press, ch. 3 (iterative methods) and 6 (aggregation).
.. [2] van der Vorst, H. A. (1992). Bi-CGSTAB: a fast and smoothly converging variant of
   Bi-CG for the solution of nonsymmetric linear systems. *SIAM Journal on Scientific and
   Statistical Computing* 13, 631-644.
.. [3] De Sterck, H., Manteuffel, T. A., McCormick, S. F., Nguyen, Q., Ruge, J. (2008).
   Multilevel adaptive aggregation for Markov chains, with application to web ranking.
   *SIAM Journal on Scientific Computing* 30, 2235-2262.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["aggregation_solve", "bicgstab", "generator_transpose"]

#: Below this many states the aggregation hierarchy stops and the coarsest chain is solved by
#: sparse LU (a size, not a tolerance).
COARSEST = 3000
#: Weighted-Jacobi damping of the smoother (a weight, not a tolerance).
JACOBI_WEIGHT = 0.7
#: BiCGSTAB iterations before giving up (each costs two V-cycles).
MAX_ITERATIONS = 2000


def generator_transpose(p: Any) -> Any:
    """``P^T - I`` with each diagonal entry ``P_ii - 1`` taken as minus the sum of the
    off-diagonal entries of row ``i`` (as in the Grassmann-Taksar-Heyman algorithm): when a
    state is left with probability ``1e-12``, ``P_ii - 1`` computed from ``P_ii`` keeps no
    correct digit, the off-diagonal sum keeps all of them. CSC."""
    import scipy.sparse as sp

    coo = p.tocoo()
    off = coo.row != coo.col
    rows, cols, vals = coo.row[off], coo.col[off], coo.data[off]
    leave = np.bincount(rows, weights=vals, minlength=p.shape[0])
    size = p.shape[0]
    return sp.csc_array((np.concatenate([vals, -leave]),
                         (np.concatenate([cols, np.arange(size)]),
                          np.concatenate([rows, np.arange(size)]))), shape=(size, size))


def aggregation_solve(p: Any, coordinates: NDArray[np.int64], fixed: int, *,
                      rtol: float) -> NDArray[np.float64] | None:
    """``x`` with ``x P = x`` and ``x[fixed] = 1`` (not normalized), or ``None`` if
    BiCGSTAB did not reach ``rtol``. ``coordinates``: one integer vector per state (the
    counts), which the coarse levels halve."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import splu

    size = p.shape[0]
    system = (-generator_transpose(sp.csr_array(p))).tocsr()  # I - P^T, an M-matrix
    keep = np.ones(size, dtype=bool)
    keep[fixed] = False
    reduced = system[keep][:, keep].tocsr()
    rhs = -system[keep][:, [fixed]].toarray().ravel()
    levels: list[tuple[Any, NDArray[np.float64], NDArray[np.intp]]] = []
    current, coords = reduced, np.asarray(coordinates)[keep]
    while current.shape[0] > COARSEST:
        key = coords // 2
        unique, agg = np.unique(key, axis=0, return_inverse=True)
        agg = np.asarray(agg).ravel()
        if len(unique) == current.shape[0]:
            break
        restrict = sp.csr_array((np.ones(len(agg)), (agg, np.arange(len(agg)))),
                                shape=(len(unique), len(agg)))
        levels.append((current, 1.0 / current.diagonal(), agg))
        current, coords = (restrict @ current @ restrict.T).tocsr(), unique
    coarsest = splu(current.tocsc())

    def cycle(level: int, r: NDArray[np.float64]) -> NDArray[np.float64]:
        # a W-cycle: coarse levels hold 1/2^(k-1) of the states each, so visiting each twice
        # costs little and roughly halves the iterations of a V-cycle
        if level == len(levels):
            out: NDArray[np.float64] = coarsest.solve(r)
            return out
        mat, dinv, agg = levels[level]
        coarse_size = levels[level + 1][0].shape[0] if level + 1 < len(levels) else \
            coarsest.shape[0]
        x = JACOBI_WEIGHT * dinv * r
        x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        for _ in range(2 if level + 1 < len(levels) else 1):
            # restriction sums each aggregate (bincount), prolongation copies it back
            coarse_r: NDArray[np.float64] = np.bincount(agg, weights=r - mat @ x,
                                                        minlength=coarse_size).astype(np.float64)
            x += cycle(level + 1, coarse_r)[agg]
        for _ in range(2):
            x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        return x

    x = bicgstab(reduced, rhs, lambda r: cycle(0, r), rtol=rtol)
    if x is None or not np.all(np.isfinite(x)):
        return None
    out = np.insert(x, fixed, 1.0)
    return out


def _dot(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    # elementwise product and sum, not BLAS: on a shared machine a threaded BLAS spinning on
    # 10^5-long dot products made the solver ten times slower in wall time
    return float(np.add.reduce(a * b))


def bicgstab(a: Any, b: NDArray[np.float64],
             precondition: Callable[[NDArray[np.float64]], NDArray[np.float64]], *,
             rtol: float, maxiter: int = MAX_ITERATIONS) -> NDArray[np.float64] | None:
    """Right-preconditioned BiCGSTAB (van der Vorst 1992) for ``a x = b`` from ``x = 0``:
    ``x`` once ``||b - a x|| <= rtol ||b||``, ``None`` on breakdown or after ``maxiter``
    iterations (two products with ``a`` and two preconditioner calls each)."""
    x = np.zeros_like(b)
    r = b.copy()
    r_hat = b.copy()
    bound = rtol * np.sqrt(_dot(b, b))
    if bound == 0:
        return x
    rho = alpha = omega = 1.0
    v = np.zeros_like(b)
    p = np.zeros_like(b)
    for _ in range(maxiter):
        rho_new = _dot(r_hat, r)
        if rho_new == 0 or omega == 0:
            return None
        p = r + (rho_new / rho) * (alpha / omega) * (p - omega * v)
        y = precondition(p)
        v = a @ y
        denominator = _dot(r_hat, v)
        if denominator == 0:
            return None
        alpha = rho_new / denominator
        s = r - alpha * v
        if np.sqrt(_dot(s, s)) <= bound:
            return x + alpha * y
        z = precondition(s)
        t = a @ z
        tt = _dot(t, t)
        if tt == 0:
            return None
        omega = _dot(t, s) / tt
        x = x + alpha * y + omega * z
        r = s - omega * t
        if np.sqrt(_dot(r, r)) <= bound:
            return x
        rho = rho_new
    return None
