"""Stationary distributions of large population chains by an iterative solver.

Private to :mod:`multilateral.solvers.evolutionary` (its names are public so that the
package's modules may share them). A sparse LU of a chain over the states of ``k >= 4``
strategies fills in like a 3-d (or higher) grid: 40,000 states take about 20 s and 176,851
states (``k = 4``, ``Z = 100``) about 170 s. :func:`aggregation_solve` instead runs
BiCGSTAB (:func:`scipy.sparse.linalg.bicgstab`) on ``(I - P^T) x = 0`` with one state
fixed, preconditioned by one V-cycle of aggregation multigrid built from the states' counts
(neighbouring states ``n // 2`` form one coarse state, recursively, down to a few thousand
solved by sparse LU; weighted Jacobi smoothing): memory linear in the number of states.
Its answer is accepted only after the residual check of the caller.

References
----------
.. [1] Stewart, W. J. (1994). *Introduction to the Numerical Solution of Markov Chains*.
   Princeton University Press, ch. 3 (iterative methods) and 6 (aggregation).
.. [2] De Sterck, H., Manteuffel, T. A., McCormick, S. F., Nguyen, Q., Ruge, J. (2008).
   Multilevel adaptive aggregation for Markov chains, with application to web ranking.
   *SIAM Journal on Scientific Computing* 30, 2235-2262.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["aggregation_solve", "generator_transpose"]

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
    from scipy.sparse.linalg import LinearOperator, bicgstab, splu

    size = p.shape[0]
    system = (-generator_transpose(sp.csr_array(p))).tocsr()  # I - P^T, an M-matrix
    keep = np.ones(size, dtype=bool)
    keep[fixed] = False
    reduced = system[keep][:, keep].tocsr()
    rhs = -system[keep][:, [fixed]].toarray().ravel()
    levels: list[tuple[Any, NDArray[np.float64], Any]] = []
    current, coords = reduced, np.asarray(coordinates)[keep]
    while current.shape[0] > COARSEST:
        key = coords // 2
        unique, agg = np.unique(key, axis=0, return_inverse=True)
        agg = np.asarray(agg).ravel()
        if len(unique) == current.shape[0]:
            break
        restrict = sp.csr_array((np.ones(len(agg)), (agg, np.arange(len(agg)))),
                                shape=(len(unique), len(agg)))
        levels.append((current, 1.0 / current.diagonal(), restrict))
        current, coords = (restrict @ current @ restrict.T).tocsr(), unique
    coarsest = splu(current.tocsc())

    def vcycle(level: int, r: NDArray[np.float64]) -> NDArray[np.float64]:
        if level == len(levels):
            out: NDArray[np.float64] = coarsest.solve(r)
            return out
        mat, dinv, restrict = levels[level]
        x = JACOBI_WEIGHT * dinv * r
        x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        x += restrict.T @ vcycle(level + 1, restrict @ (r - mat @ x))
        for _ in range(2):
            x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        return x

    precondition = LinearOperator(reduced.shape, lambda r: vcycle(0, np.asarray(r).ravel()))
    x, info = bicgstab(reduced, rhs, M=precondition, rtol=rtol, atol=0.0,
                       maxiter=MAX_ITERATIONS)
    if info != 0 or not np.all(np.isfinite(x)):
        return None
    out = np.insert(x, fixed, 1.0)
    return out
