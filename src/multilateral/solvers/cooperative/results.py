"""The solutions of TU games as results: :class:`LeastCore`, :class:`Core`, :class:`Nucleolus`.

The overview is in :mod:`multilateral.solvers.cooperative`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._display import repr_exact, repr_values
from ..._namespace import public_dir
from ..._numeric import format_number, readonly
from ..._validation import DEFAULT_TOL, check_tol
from ...types import Number, NumberArray
from ._common import as_allocation

__all__ = ["Core", "LeastCore", "Nucleolus"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class LeastCore:
    """The least core: the allocations whose largest excess ``v(S) - x(S)`` is smallest.

    Attributes
    ----------
    epsilon : float
        The least-core value ``min_x max_{S proper} v(S) - x(S)``; the core is nonempty iff
        ``epsilon <= 0``.
    allocation : numpy.ndarray
        A point of the least core (a vertex of it).
    exact_epsilon : Fraction or None
        ``epsilon`` in exact arithmetic (exact games).
    exact : tuple of Fraction or None
        ``allocation`` in exact arithmetic (exact games).

    See Also
    --------
    least_core : returns it.
    Core : the core.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.least_core(glove)
    LeastCore(epsilon=0, allocation=[1, 0, 0])
    """

    epsilon: float
    allocation: NDArray[np.float64]
    exact_epsilon: Fraction | None = None
    exact: tuple[Fraction, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "allocation", readonly(self.allocation))

    def __repr__(self) -> str:
        eps = (repr_exact(self.exact_epsilon, self.epsilon) if self.exact_epsilon is not None
               else format_number(self.epsilon))
        return f"LeastCore(epsilon={eps}, allocation={repr_values(self.allocation, self.exact)})"


@dataclass(frozen=True, repr=False)
class Core:
    """The core of a TU game as a system of linear inequalities, and one point of it.

    An allocation ``x`` is in the core iff ``x.sum() == total`` and
    ``constraints @ x >= bounds``: no coalition can do better on its own.

    Attributes
    ----------
    is_empty : bool
        Whether no allocation satisfies every coalition (exact for exact games).
    allocation : numpy.ndarray or None
        A point of the core (a vertex of the least core, which lies in the core when the core
        is nonempty), ``None`` when the core is empty.
    exact : tuple of Fraction or None
        The same point in exact arithmetic (exact games with a nonempty core).
    least_core : LeastCore or None
        The least-core LP that decided emptiness (``None`` for a one-player game).
    coalitions : numpy.ndarray
        The bitmasks of the proper coalitions ``S``, one per constraint row.
    constraints : numpy.ndarray
        Shape ``(2**n - 2, n)``: row ``k`` is the 0/1 indicator of ``coalitions[k]``.
    bounds : numpy.ndarray
        ``v(S)`` for each row (exact when the game is).
    total : number
        ``v(N)``: the allocation's sum.

    See Also
    --------
    core : returns it.
    LeastCore : the least core.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.core(glove).exact
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """

    is_empty: bool
    allocation: NDArray[np.float64] | None
    exact: tuple[Fraction, ...] | None
    least_core: LeastCore | None
    coalitions: NDArray[np.int64]
    constraints: NDArray[np.int64]
    bounds: NumberArray
    total: Number

    def __post_init__(self) -> None:
        if self.allocation is not None:
            object.__setattr__(self, "allocation",
                               readonly(self.allocation))
        for name in ("coalitions", "constraints", "bounds"):
            object.__setattr__(self, name, readonly(getattr(self, name), dtype=None))

    def contains(self, allocation: ArrayLike, *, tol: float = DEFAULT_TOL) -> bool:
        """Whether ``allocation`` is in the core (exactly, for exact games and allocations).

        Parameters
        ----------
        allocation : array_like
            One payoff per player.
        tol : float, optional
            For float input, shortfalls up to ``tol * scale`` are ignored.
        """
        tol = check_tol(tol)
        n = self.constraints.shape[1]
        x = as_allocation(allocation, n)
        exact = x.dtype.kind in "iuO" and self.bounds.dtype.kind in "iuO" and isinstance(
            self.total, (int, np.integer, Fraction))
        if exact:
            xs = [Fraction(v) for v in x.tolist()]
            if sum(xs) != self.total:
                return False
            sums = _subset_sums(xs, n)
            return all(sums[int(m)] >= b for m, b in zip(self.coalitions, self.bounds.tolist(),
                                                          strict=True))
        xf = np.asarray(x, dtype=float)
        scale = max(1.0, float(np.max(np.abs(np.asarray(self.bounds, float)), initial=0.0)),
                    abs(float(self.total)))
        if abs(xf.sum() - float(self.total)) > tol * scale:
            return False
        return bool(np.all(self.constraints @ xf >= np.asarray(self.bounds, float) - tol * scale))

    def __repr__(self) -> str:
        if self.is_empty:
            return "Core(empty)"
        assert self.allocation is not None
        return f"Core(nonempty, e.g. {repr_values(self.allocation, self.exact)})"


@dataclass(frozen=True, repr=False)
class Nucleolus:
    """The nucleolus: the allocation that lexicographically minimizes the sorted excesses.

    Attributes
    ----------
    allocation : numpy.ndarray
        The nucleolus.
    exact : tuple of Fraction or None
        The nucleolus in exact arithmetic (exact games).
    levels : tuple of float
        The excess levels ``eps_1 >= eps_2 >= ...`` fixed by the successive LPs (``eps_1`` is
        the least-core value over imputations).
    level_coalitions : tuple of tuple of tuple of int
        The coalitions whose excess was fixed at each level.
    exact_levels : tuple of Fraction or None
        ``levels`` in exact arithmetic.
    n_lps : int
        How many linear programmes were solved.
    individually_rational : bool
        True for the nucleolus (over imputations), False for the prenucleolus.

    See Also
    --------
    nucleolus : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.nucleolus(glove)
    Nucleolus([1, 0, 0]; 2 LPs)
    """

    allocation: NDArray[np.float64]
    exact: tuple[Fraction, ...] | None
    levels: tuple[float, ...]
    level_coalitions: tuple[tuple[tuple[int, ...], ...], ...]
    exact_levels: tuple[Fraction, ...] | None
    n_lps: int
    individually_rational: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "allocation", readonly(self.allocation))

    def __repr__(self) -> str:
        name = "Nucleolus" if self.individually_rational else "Prenucleolus"
        return f"{name}({repr_values(self.allocation, self.exact)}; {self.n_lps} LPs)"


# -- helpers -----------------------------------------------------------------------------------
def _subset_sums(x: list[Fraction], n: int) -> list[Fraction]:
    """``x(S)`` for every bitmask ``S``, exactly."""
    sums = [Fraction(0)]
    for i in range(n):
        sums += [s + x[i] for s in sums]
    return sums
