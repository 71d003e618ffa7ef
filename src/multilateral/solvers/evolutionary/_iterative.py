"""Stationary distributions of large population chains by an iterative solver.

Private to :mod:`multilateral.solvers.evolutionary` (its names are public so that the
package's modules may share them). A sparse LU of a chain over the states of ``k >= 4``
strategies fills in like a 3-d (or higher) grid: 40,000 states take about 20 s and 176,851
states (``k = 4``, ``Z = 100``) about 170 s (32 s and 4.2 GB with a geometric
nested-dissection ordering). :func:`aggregation_solve` instead runs BiCGSTAB
(:func:`bicgstab`, its dot products kept off a threaded BLAS) on ``(I - P^T) x = 0`` with one
state fixed, preconditioned by one V-cycle of aggregation multigrid built from the states'
counts (neighbouring states ``n // 2`` form one coarse state, recursively, down to a few
thousand solved by sparse LU; weighted Jacobi smoothing), by nested iteration: the
aggregated chain is solved first (recursively) and scales the unknowns of the finer one
(:func:`_null_vector`), whose BiCGSTAB starts from that estimate. Memory is linear in the
number of states; 176,851 states took about 2.5 s of CPU with aggregates over the first
``k - 1`` counts only, which failed on nearly decomposable chains (rare mutation), so the
caller halves all ``k`` (about 20% slower there, by the measure of that change).
The finest solve ends with one step of iterative refinement on the true residual
(:func:`_refine`): on a nearly decomposable chain (rare mutation) the error is the residual
times the group inverse of ``I - P`` (about 1e7 for 455 states at mutation 1e-4), and the
step brought a 455-state chain's error from 1.8e-10 to 2e-13 (the sparse LU's: 1e-13, by a
GTH elimination) for about 10-15% more time. Its answer is accepted only after the residual
check of the caller.

References
----------
.. [1] Stewart, W. J. (1994). *Introduction to the Numerical Solution of Markov Chains*.
   Princeton University Press, ch. 3 (iterative methods) and 6 (aggregation).
.. [2] van der Vorst, H. A. (1992). Bi-CGSTAB: a fast and smoothly converging variant of
   Bi-CG for the solution of nonsymmetric linear systems. *SIAM Journal on Scientific and
   Statistical Computing* 13, 631-644.
.. [3] De Sterck, H., Manteuffel, T. A., McCormick, S. F., Nguyen, Q., Ruge, J. (2008).
   Multilevel adaptive aggregation for Markov chains, with application to web ranking.
   *SIAM Journal on Scientific Computing* 30, 2235-2262 (aggregation scaled by the
   current iterate).
.. [4] Cho, G. E., Meyer, C. D. (2001). Comparison of perturbation bounds for the stationary
   distribution of a Markov chain. *Linear Algebra and its Applications* 335, 137-150
   (``p - pi = r A#`` for a residual ``r``: the error bound from the group inverse).
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
#: Jacobi sweeps before and after the coarse correction (counts, not tolerances).
PRE_SWEEPS = 2
POST_SWEEPS = 2
#: BiCGSTAB iterations before giving up (each costs two V-cycles).
MAX_ITERATIONS = 2000
#: Relative residual to which the aggregated chains of the nested iteration are solved: they
#: only give the finer level its scaling, to a few digits (a tolerance of a preconditioner,
#: not of the answer).
NESTED_RTOL = 1e-3
#: Iterative-refinement steps after the finest BiCGSTAB (a count, not a tolerance), and the
#: reduction of the true residual each asks for (a tolerance of the correction's solve).
#: Nearly decomposable chains (rare mutation) amplify a residual into an error by the norm
#: of the group inverse of ``I - P`` (1e7 on a 455-state chain with mutation 1e-4): a
#: relative residual of ``ROUNDING`` left errors of 2e-10 that the sparse LU does not have.
REFINEMENTS = 1
REFINEMENT_RTOL = 1e-3


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


def aggregation_solve(p: Any, coordinates: NDArray[np.int64], *,
                      rtol: float) -> NDArray[np.float64] | None:
    """``x`` with ``x P = x`` (not normalized), or ``None`` if BiCGSTAB did not reach
    ``rtol`` at some level. ``coordinates``: one integer vector per state (the counts),
    which the coarse levels halve. Nested iteration: :func:`_null_vector` of ``I - P^T``."""
    import scipy.sparse as sp

    system = (-generator_transpose(sp.csr_array(p))).tocsr()  # I - P^T, an M-matrix
    return _null_vector(system, np.asarray(coordinates), rtol, refine=True)


def _aggregate(coords: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.intp], Any]:
    """Neighbouring states ``n // 2`` form one coarse state: the coarse coordinates (in
    lexicographic order), each state's aggregate and the ``S x S_coarse`` 0/1 matrix ``Q`` of
    that map. The coordinates are read as one mixed-radix integer each (a 1-d sort, not a
    sort of rows)."""
    import scipy.sparse as sp

    half = coords // 2
    base = half.max(axis=0) + 1
    if float(np.prod(base.astype(np.float64))) < 2.0**62:
        place = np.ones(len(base), dtype=np.int64)
        place[:-1] = np.cumprod(base[:0:-1])[::-1]
        _, first, agg = np.unique(half @ place, return_index=True, return_inverse=True)
        unique = half[first]
    else:
        unique, agg = np.unique(half, axis=0, return_inverse=True)
    agg = np.asarray(agg).ravel()
    q = sp.csr_array((np.ones(len(agg)), (np.arange(len(agg)), agg)),
                     shape=(len(agg), len(unique)))
    return unique, agg, q


def _null_vector(system: Any, coords: NDArray[np.int64], rtol: float, *,
                 refine: bool = False) -> NDArray[np.float64] | None:
    """A vector ``x`` with ``system @ x = 0`` for a singular M-matrix ``system`` whose
    columns sum to 0 (``I - P^T`` of an irreducible chain, or an aggregate of one), by
    nested iteration. The aggregated chain ``Q^T system Q`` is solved first (recursively, to
    :data:`NESTED_RTOL`) and its aggregates' masses spread evenly give an estimate ``w``;
    then ``system diag(w) y = 0`` with the most likely state fixed at ``y = 1`` is solved by
    BiCGSTAB preconditioned by aggregation multigrid (:func:`_preconditioner`), and
    ``x = w y``. Scaled so, ``y`` is near 1 everywhere, which piecewise-constant aggregation
    represents well even where ``x`` spans many orders of magnitude (the unscaled solve
    needed 871 preconditioner calls at 176,851 states, this one about 150 at the finest
    level); the scaling is that of adaptive aggregation for Markov chains (De Sterck et al.
    2008)."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import splu

    size = system.shape[0]
    coarse = size > COARSEST
    if coarse:
        unique, agg, q = _aggregate(coords)
        coarse = len(unique) < size
    if coarse:
        estimate = _null_vector((q.T @ system @ q).tocsr(), unique, NESTED_RTOL)
        if estimate is None:
            return None
        estimate = np.abs(estimate)
        w = (estimate / np.bincount(agg))[agg]
        w = np.maximum(w, w.max() * np.sqrt(np.finfo(np.float64).tiny))
    else:
        w = np.ones(size)
    scaled = (system @ sp.diags_array(w)).tocsr()
    fixed = int(np.argmax(w))
    for _ in range(2):  # the coarsest level: again with its most likely state fixed
        keep = np.ones(size, dtype=bool)
        keep[fixed] = False
        reduced = scaled[keep][:, keep].tocsr()
        rhs = -scaled[keep][:, [fixed]].toarray().ravel()
        if coarse:
            # the estimate w already carries the aggregated chain's solution: y = 1 is its guess
            precondition = _preconditioner(reduced, coords[keep])
            y = bicgstab(reduced, rhs, precondition, rtol=rtol, x0=np.ones(size - 1))
            if y is not None and refine:
                y = _refine(reduced, rhs, y, precondition)
        else:
            try:
                y = splu(reduced.tocsc()).solve(rhs)
            except RuntimeError:  # singular
                return None
        if y is None or not np.all(np.isfinite(y)):
            return None
        x: NDArray[np.float64] = np.insert(y, fixed, 1.0) * w
        top = int(np.argmax(np.abs(x)))
        if coarse or top == fixed:
            break
        fixed = top
    return x


def _refine(reduced: Any, rhs: NDArray[np.float64], y: NDArray[np.float64],
            precondition: Callable[[NDArray[np.float64]], NDArray[np.float64]]
            ) -> NDArray[np.float64]:
    """``y`` after :data:`REFINEMENTS` steps of iterative refinement: the correction ``d`` of
    ``reduced d = rhs - reduced y`` (the true residual, not BiCGSTAB's recursively updated
    one) solved to :data:`REFINEMENT_RTOL` with the same preconditioner. A step that fails
    keeps the ``y`` it was given."""
    for _ in range(REFINEMENTS):
        d = bicgstab(reduced, rhs - reduced @ y, precondition, rtol=REFINEMENT_RTOL)
        if d is None or not np.all(np.isfinite(d)):
            break
        y = y + d
    return y


def _preconditioner(reduced: Any, coords: NDArray[np.int64]
                    ) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """One V-cycle of aggregation multigrid for ``reduced``: neighbouring states ``n // 2``
    form one coarse state, recursively, down to :data:`COARSEST` states solved by sparse LU;
    weighted Jacobi smoothing; restriction sums each aggregate, prolongation copies it."""
    from scipy.sparse.linalg import splu

    levels: list[tuple[Any, NDArray[np.float64], NDArray[np.intp]]] = []
    current = reduced
    while current.shape[0] > COARSEST:
        unique, agg, q = _aggregate(coords)
        if len(unique) == current.shape[0]:
            break
        levels.append((current, 1.0 / current.diagonal(), agg))
        current, coords = (q.T @ current @ q).tocsr(), unique
    coarsest = splu(current.tocsc())

    def cycle(level: int, r: NDArray[np.float64]) -> NDArray[np.float64]:
        # a V-cycle: with the unknowns scaled by the nested iteration it needs a third more
        # iterations than a W-cycle (visiting each coarse level twice) but 12% less time
        # (176,851 states); unscaled, the W-cycle halved the iterations
        if level == len(levels):
            out: NDArray[np.float64] = coarsest.solve(r)
            return out
        mat, dinv, agg = levels[level]
        coarse_size = levels[level + 1][0].shape[0] if level + 1 < len(levels) else \
            coarsest.shape[0]
        x = JACOBI_WEIGHT * dinv * r
        for _ in range(PRE_SWEEPS - 1):
            x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        coarse_r: NDArray[np.float64] = np.bincount(agg, weights=r - mat @ x,
                                                    minlength=coarse_size).astype(np.float64)
        x += cycle(level + 1, coarse_r)[agg]
        for _ in range(POST_SWEEPS):
            x += JACOBI_WEIGHT * dinv * (r - mat @ x)
        return x

    return lambda r: cycle(0, r)


def _dot(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    # elementwise product and sum, not BLAS: on a shared machine a threaded BLAS spinning on
    # 10^5-long dot products made the solver ten times slower in wall time
    return float(np.add.reduce(a * b))


def bicgstab(a: Any, b: NDArray[np.float64],
             precondition: Callable[[NDArray[np.float64]], NDArray[np.float64]], *,
             rtol: float, maxiter: int = MAX_ITERATIONS, x0: NDArray[np.float64] | None = None
             ) -> NDArray[np.float64] | None:
    """Right-preconditioned BiCGSTAB (van der Vorst 1992) for ``a x = b`` from ``x0``
    (default 0): ``x`` once ``||b - a x|| <= rtol ||b||``, ``None`` on breakdown or after
    ``maxiter`` iterations (two products with ``a`` and two preconditioner calls each)."""
    x = np.zeros_like(b) if x0 is None else np.array(x0, dtype=np.float64)
    r = b - a @ x if x0 is not None else b.copy()
    r_hat = r.copy()
    bound = rtol * np.sqrt(_dot(b, b))
    if bound == 0:
        return np.zeros_like(b)
    if np.sqrt(_dot(r, r)) <= bound:
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
