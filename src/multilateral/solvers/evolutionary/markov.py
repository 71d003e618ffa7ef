"""Stationary distributions of finite Markov chains, by one sparse solve.

References
----------
.. [1] Karlin, S. and Taylor, H. M. (1975). *A First Course in Stochastic Processes*, 2nd ed.,
   Academic Press, ch. 2-3.
.. [2] Stewart, W. J. (1994). *Introduction to the Numerical Solution of Markov Chains*.
   Princeton University Press, ch. 2 (direct methods: one equation replaced, or one state
   fixed).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import check_tol
from ...errors import DegenerateGameError, InvalidArgumentError, InvalidProbabilityError
from ...tolerances import PROBABILITY, ROUNDING
from ._iterative import generator_transpose

if TYPE_CHECKING:
    from scipy.sparse import sparray, spmatrix

__all__ = ["stationary_distribution"]
__dir__ = public_dir(__all__)

#: A solution with ``x_j = 1`` fixed and an entry above this in magnitude is badly scaled
#: (state ``j`` is rare: its relative error swamps the rest, and rounding may even flip the
#: sign of every other entry): the solve is repeated with the most likely state fixed
#: instead (not a tolerance: a magnitude).
_BADLY_SCALED = 1e8


def stationary_distribution(matrix: ArrayLike | sparray | spmatrix, *, tol: float = PROBABILITY
                            ) -> NDArray[np.float64]:
    """The stationary distribution ``p P = p``, ``sum p = 1`` of an irreducible chain.

    One sparse LU solve (:func:`scipy.sparse.linalg.spsolve`) of ``(P^T - I) p = 0`` with one
    equation replaced by the normalization; the residual is checked.

    Parameters
    ----------
    matrix : array_like or scipy sparse matrix
        A row-stochastic ``S x S`` matrix.
    tol : float
        Tolerance for the row sums and the residual check.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    DegenerateGameError
        If the chain has no unique stationary distribution (it is reducible: e.g. without
        mutation every monomorphic state is absorbing).

    See Also
    --------
    transition_matrix : the chain of a population game (``PopulationChain``).
    small_mutation_limit : the chain over monomorphic states when mutations are rare.
    BirthDeathChain.stationary_distribution : two strategies, in O(Z) by detailed balance.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.stationary_distribution([[0.9, 0.1], [0.3, 0.7]]).round(6).tolist()
    [0.75, 0.25]
    """
    import scipy.sparse as sp

    tol = check_tol(tol)
    if sp.issparse(matrix):
        p = sp.csr_array(matrix, dtype=np.float64)
        values = p.data
    else:
        try:
            dense = np.asarray(matrix, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidArgumentError("matrix must be a square array of numbers") from None
        if dense.ndim != 2:
            raise InvalidArgumentError(f"matrix must be square, got shape {dense.shape}")
        p = sp.csr_array(dense)
        values = dense
    size = p.shape[0]
    if p.shape != (size, size) or size == 0:
        raise InvalidArgumentError(f"matrix must be square and non-empty, got shape {p.shape}")
    if not np.all(np.isfinite(values)) or np.any(values < 0) or np.any(values > 1 + tol):
        raise InvalidProbabilityError("transition probabilities must be finite and in [0, 1]")
    sums = np.asarray(p.sum(axis=1)).ravel()
    if np.any(np.abs(sums - 1) > max(tol, ROUNDING) * 10):
        bad = int(np.argmax(np.abs(sums - 1)))
        raise InvalidProbabilityError(
            f"the matrix must be row-stochastic; row {bad} sums to {sums[bad]!r}")
    if size == 1:
        return readonly(np.ones(1), dtype=None)
    system = generator_transpose(p)
    x = _solve_fixing(system, size - 1)
    if x is not None and np.all(np.isfinite(x)):
        top = int(np.argmax(np.abs(x)))
        if abs(x[top]) > _BADLY_SCALED:  # badly scaled: fix the most likely state instead
            x = _solve_fixing(system, top)
    if x is None or not np.all(np.isfinite(x)):  # e.g. the fixed state is transient
        x = _solve_normalized(system)
    if x is not None and np.all(np.isfinite(x)) and x.sum() != 0:
        x = x / x.sum()  # a solve may come out with the opposite sign: normalize it too
    residual = np.abs(p.T @ x - x).max() if x is not None and np.all(np.isfinite(x)) else np.inf
    accept = max(tol, ROUNDING) * 10
    if x is None or not residual <= accept or np.any(x < -accept):
        raise DegenerateGameError(
            "the chain has no unique stationary distribution that a floating-point solve can "
            "resolve: it is reducible (e.g. without mutation every monomorphic state is "
            "absorbing), or nearly so (its parts exchange probability below double precision, "
            "e.g. mutations too rare for this population and intensity of selection: use "
            "small_mutation_limit)")
    x = np.clip(x, 0.0, None)
    out: NDArray[np.float64] = x / x.sum()
    return readonly(out, dtype=None)


def _solve_fixing(system: Any, j: int) -> NDArray[np.float64] | None:
    """Solve ``(P^T - I) x = 0`` with ``x_j = 1``: drop equation and unknown ``j``. For an
    irreducible chain the rest is a nonsingular, column diagonally dominant M-matrix, so
    Gaussian elimination needs no pivoting: one sparse LU with a symmetric minimum-degree
    ordering (the pattern is symmetric: one step each way between neighbouring states)."""
    from scipy.sparse.linalg import splu

    size = system.shape[0]
    keep = np.r_[0:j, j + 1:size]
    try:
        lu = splu(system[keep][:, keep].tocsc(), permc_spec="MMD_AT_PLUS_A",
                  diag_pivot_thresh=0.0, options={"SymmetricMode": True})
    except RuntimeError:  # singular
        return None
    rest = lu.solve(-system[keep][:, [j]].toarray().ravel())
    out: NDArray[np.float64] = np.insert(rest, j, 1.0)
    return out


def _solve_normalized(system: Any) -> NDArray[np.float64] | None:
    """The slower, robust fallback: replace one equation by ``sum x = 1``."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import MatrixRankWarning, spsolve

    size = system.shape[0]
    full = sp.vstack([system.tocsr()[:-1], sp.csr_array(np.ones((1, size)))], format="csc")
    rhs = np.zeros(size)
    rhs[-1] = 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatrixRankWarning)
        try:
            out: NDArray[np.float64] = np.asarray(spsolve(full, rhs), dtype=np.float64)
        except (MatrixRankWarning, RuntimeError):
            return None
    return out
