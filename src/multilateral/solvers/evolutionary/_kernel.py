"""The evolutionary solvers' shared kernel: exact-or-float linear algebra and input checks.

Private to :mod:`multilateral.solvers.evolutionary` (its names are public so that the
package's modules may share them). :class:`Field` makes one algorithm run either in
Fractions (signs decided exactly) or in floats with an absolute tolerance: Gauss-Jordan
elimination that tells a unique solution from none and from a continuum (:func:`eliminate`),
determinants, and the definiteness and copositivity tests of the ESS conditions. Exact solves
go through :func:`solve_rational`: the library's exact solver
(:func:`multilateral._numeric.solve_exact`) from :data:`EXACT_SOLVE_MIN_SIZE` unknowns up,
Fraction elimination below, where sympy's conversions cost more than the solve.

References
----------
.. [1] Hadeler, K. P. (1983). On copositive matrices. *Linear Algebra and its Applications*
   49, 79-89.
"""

from __future__ import annotations

import itertools
import math
import numbers
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._numeric import solve_exact
from ..._validation import to_float
from ...errors import InvalidArgumentError, InvalidTypeError

__all__ = [
    "EXACT_SOLVE_MIN_SIZE",
    "Field",
    "det",
    "eliminate",
    "exact_flag",
    "finite_vector",
    "fractions",
    "is_exact_array",
    "nonnegative_float",
    "positive",
    "positive_definite",
    "probabilities",
    "scaled",
    "solve_rational",
    "strictly_copositive",
]

#: From this many unknowns up, exact systems go to ``solve_exact`` (sympy's DomainMatrix).
#: Measured on this package's systems (Fractions; shared 2-core machine): DomainMatrix is
#: 2-3x slower for 2-4 unknowns (conversion overhead), about even at 5-6, and faster from 8
#: (8 unknowns with 550-digit denominators: 72 ms against 97 ms).
EXACT_SOLVE_MIN_SIZE = 8


class Field:
    """Exact arithmetic (Fractions, sign tests exact) or floats with an absolute tolerance.

    See Also
    --------
    eliminate, det, positive_definite, strictly_copositive : the algorithms that use it.

    Examples
    --------
    >>> Field(False, 1e-9).sign(1e-12), Field(True).sign(Fraction(1, 10**20))
    (0, 1)
    """

    def __init__(self, exact: bool, tol: float = 0.0) -> None:
        self.exact = exact
        self.tol = 0.0 if exact else tol

    def sign(self, v: Any) -> int:
        """-1, 0 or 1 (0 within the tolerance)."""
        if abs(v) <= self.tol:
            return 0
        return 1 if v > 0 else -1


def eliminate(mat: list[list[Any]], rhs: list[Any], field: Field
              ) -> tuple[Literal["unique", "none", "many"], list[Any] | None]:
    """Gauss-Jordan elimination of the square system ``mat x = rhs``: whether it has a
    unique solution, none or many, and the unique one.

    See Also
    --------
    multilateral._numeric.solve_exact : the exact solver, for a solution alone.

    Examples
    --------
    >>> eliminate([[1.0, 1.0], [2.0, 2.0]], [1.0, 2.0], Field(False, 1e-9))
    ('many', None)
    >>> eliminate([[2.0, 0.0], [0.0, 4.0]], [1.0, 1.0], Field(False, 1e-9))
    ('unique', [0.5, 0.25])
    """
    n = len(mat)
    aug = [[*row, b] for row, b in zip(mat, rhs, strict=True)]
    r = 0
    for c in range(n):
        best = None
        for i in range(r, n):
            if field.sign(aug[i][c]) != 0 and (
                    best is None or (not field.exact and abs(aug[i][c]) > abs(aug[best][c]))):
                best = i
                if field.exact:
                    break
        if best is None:
            continue
        aug[r], aug[best] = aug[best], aug[r]
        piv = aug[r][c]
        aug[r] = [v / piv for v in aug[r]]
        for i in range(n):
            if i != r and aug[i][c] != 0:
                f = aug[i][c]
                aug[i] = [v - f * w for v, w in zip(aug[i], aug[r], strict=True)]
        r += 1
    if any(field.sign(aug[i][n]) != 0 for i in range(r, n)):
        return "none", None
    if r < n:
        return "many", None
    return "unique", [aug[i][n] for i in range(n)]


def solve_rational(mat: list[list[Any]], rhs: list[Any]) -> list[Fraction] | None:
    """The unique solution of the square exact system ``mat x = rhs`` in Fractions, or
    ``None``: :func:`~multilateral._numeric.solve_exact` for large systems, exact
    :func:`eliminate` for small ones (see :data:`EXACT_SOLVE_MIN_SIZE`).

    See Also
    --------
    eliminate : also tells no solution from many.

    Examples
    --------
    >>> solve_rational([[Fraction(2), Fraction(1)], [Fraction(1), Fraction(3)]], [3, 4])
    [Fraction(1, 1), Fraction(1, 1)]
    """
    if len(mat) >= EXACT_SOLVE_MIN_SIZE:
        return solve_exact(mat, rhs)
    status, sol = eliminate(mat, rhs, Field(True))
    return [Fraction(v) for v in sol] if status == "unique" and sol is not None else None


def det(mat: list[list[Any]], field: Field) -> Any:
    """The determinant, exactly (Fraction elimination) or in floats (LAPACK).

    Examples
    --------
    >>> det([[Fraction(1), Fraction(2)], [Fraction(3), Fraction(4)]], Field(True))
    Fraction(-2, 1)
    """
    if not mat:
        return 1
    if not field.exact:
        return float(np.linalg.det(np.array(mat, dtype=np.float64)))
    a = [row[:] for row in mat]
    n, value = len(a), Fraction(1)
    for c in range(n):
        piv = next((i for i in range(c, n) if a[i][c] != 0), None)
        if piv is None:
            return Fraction(0)
        if piv != c:
            a[c], a[piv] = a[piv], a[c]
            value = -value
        value *= a[c][c]
        for i in range(c + 1, n):
            f = a[i][c] / a[c][c]
            a[i] = [v - f * w for v, w in zip(a[i], a[c], strict=True)]
    return value


def positive_definite(mat: list[list[Any]], field: Field) -> bool:
    """Symmetric ``mat`` is positive definite iff elimination without pivoting gives only
    positive pivots (Sylvester's criterion).

    Examples
    --------
    >>> positive_definite([[2.0, 1.0], [1.0, 2.0]], Field(False, 1e-9))
    True
    """
    a = [row[:] for row in mat]
    n = len(a)
    for c in range(n):
        piv = a[c][c]
        if field.sign(piv) <= 0:
            return False
        for i in range(c + 1, n):
            f = a[i][c] / piv
            a[i] = [v - f * w for v, w in zip(a[i], a[c], strict=True)]
    return True


def strictly_copositive(mat: list[list[Any]], field: Field) -> bool:
    """``z^T M z > 0`` for every ``z >= 0``, ``z != 0`` (symmetric ``M``), by Hadeler's
    recursion: ``M`` is strictly copositive iff its principal submatrices of order ``t - 1``
    are and ``det M > 0`` or its adjugate has a negative entry.

    Examples
    --------
    >>> strictly_copositive([[1.0, -0.5], [-0.5, 1.0]], Field(False, 1e-9))
    True
    >>> strictly_copositive([[1.0, -2.0], [-2.0, 1.0]], Field(False, 1e-9))
    False
    """
    t = len(mat)
    for size in range(1, t + 1):
        for idx in itertools.combinations(range(t), size):
            sub = [[mat[i][j] for j in idx] for i in idx]
            if size == 1:
                if field.sign(sub[0][0]) <= 0:
                    return False
                continue
            if field.sign(det(sub, field)) > 0:
                continue
            adjugate_negative = any(
                field.sign((-1) ** (i + j) * det(
                    [[sub[r][c] for c in range(size) if c != i] for r in range(size) if r != j],
                    field)) < 0
                for i in range(size) for j in range(size))
            if not adjugate_negative:
                return False
    return True


def is_exact_array(arr: NDArray[Any]) -> bool:
    """Whether a payoff array (from ``as_number_array``) holds ints or Fractions."""
    return arr.dtype.kind in "iuO"


def fractions(arr: NDArray[Any]) -> list[list[Fraction]]:
    """A 2-d exact array as lists of Fractions."""
    return [[Fraction(v) for v in row] for row in arr.tolist()]


def exact_flag(a: NDArray[Any], exact: bool | None) -> bool:
    """Resolve ``exact=None`` (exact for exact payoffs); refuse ``exact=True`` for floats."""
    if exact is None:
        return is_exact_array(a)
    if exact and not is_exact_array(a):
        raise InvalidTypeError("exact=True needs int or Fraction payoffs; these are floats")
    return bool(exact)


def scaled(a: NDArray[Any]) -> tuple[NDArray[np.float64], float]:
    """``a / max|a|`` in floats and the scale (tolerances are relative to the payoffs)."""
    af = to_float(a)
    scale = float(np.max(np.abs(af))) if af.size else 1.0
    scale = scale if scale > 0 else 1.0
    return af / scale, scale


def finite_vector(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """A 1-d float array of finite numbers, one per state ``k = 0..Z``."""
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"{name} must be a sequence of numbers") from None
    if arr.ndim != 1:
        raise InvalidArgumentError(f"{name} must be 1-d (one value per state k = 0..Z)")
    if not np.all(np.isfinite(arr)):
        raise InvalidArgumentError(f"{name} must be finite; found NaN or infinity")
    return arr


def probabilities(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """A :func:`finite_vector` of probabilities in [0, 1]."""
    arr = finite_vector(values, name)
    if np.any(arr < 0) or np.any(arr > 1):
        raise InvalidArgumentError(f"{name} must be probabilities in [0, 1]")
    return arr


def nonnegative_float(value: Any, name: str) -> float:
    """A finite real number ``>= 0`` as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(f"{name} must be a real number >= 0, got {value!r}")
    v = float(value)
    if not math.isfinite(v) or v < 0:
        raise InvalidArgumentError(f"{name} must be a finite number >= 0, got {value!r}")
    return v


def positive(value: Any, name: str) -> float:
    """A finite real number ``> 0`` as a float."""
    v = nonnegative_float(value, name)
    if v == 0:
        raise InvalidArgumentError(f"{name} must be > 0, got {value!r}")
    return v
