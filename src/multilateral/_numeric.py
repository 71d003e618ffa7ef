"""One helper for each recurring numeric job: read-only arrays, short formatting, exact solves,
exact fractions, bit counts and the error model of repeated play.

Bottom layer: imports only numpy (sympy lazily, inside :func:`solve_exact`).
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "as_fraction",
    "flip_matrix",
    "format_number",
    "format_values",
    "is_exact",
    "is_small_rational",
    "popcount",
    "readonly",
    "solve_exact",
]


def readonly(arr: Any, dtype: Any = np.float64, *, name: str | None = None) -> NDArray[Any]:
    """A read-only copy (``dtype=None`` keeps the input's type, e.g. Fractions).

    With ``name``, input that numpy cannot convert (strings, ragged lists) raises an
    :class:`~multilateral.errors.InvalidTypeError` naming it, not numpy's own error.
    """
    try:
        out = np.array(arr, dtype=dtype)
    except (TypeError, ValueError) as err:
        if name is None:
            raise
        from .errors import InvalidTypeError

        raise InvalidTypeError(f"{name} must be an array of numbers, got {arr!r:.80}") from err
    out.flags.writeable = False
    return out


def is_exact(value: Any) -> bool:
    """True for an exact rational number (``int``, ``Fraction``, numpy integer), not ``bool``."""
    return isinstance(value, numbers.Rational) and not isinstance(value, bool)


def as_fraction(value: Any) -> Fraction:
    """A number as a ``Fraction`` of Python ints, exactly (never rounded).

    Integers (numpy integers included) and Fractions keep their value; a float becomes the
    exact binary value it holds (``0.5`` is ``1/2``; ``0.1`` has a denominator of ``2**55``:
    check with :func:`is_small_rational` first where that matters).

    Examples
    --------
    >>> import numpy as np
    >>> as_fraction(np.int64(3)), as_fraction(0.25)
    (Fraction(3, 1), Fraction(1, 4))
    """
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    return Fraction(value)


def is_small_rational(*arrays: Any, max_denominator: int = 1000) -> bool:
    """Whether every number in ``arrays`` is exactly a fraction with a small denominator.

    Floats pass when the binary value they hold is such a fraction (``0.5``, ``0.25``, ``1.0``;
    not ``0.1`` or ``1/3``), so that :func:`as_fraction` turns them into the intended numbers.
    Deterministic automata and simple dyadic mixes pass: their repeated-game values can be
    computed in Fractions.

    Examples
    --------
    >>> is_small_rational([0.0, 0.5, 1.0], [0.25]), is_small_rational([1 / 3])
    (True, False)
    """
    for arr in arrays:
        for v in np.unique(np.asarray(arr, dtype=np.float64)):
            exact = Fraction(float(v))
            if exact.limit_denominator(max_denominator) != exact:
                return False
    return True


def popcount(masks: NDArray[np.int64]) -> NDArray[np.int64]:
    """Number of set bits of each mask (vectorized): the size of each coalition by bitmask.

    Examples
    --------
    >>> import numpy as np
    >>> popcount(np.arange(8)).tolist()
    [0, 1, 1, 2, 1, 2, 2, 3]
    """
    out = np.zeros(masks.shape, dtype=np.int64)
    m = masks.copy()
    while np.any(m):
        out += m & 1
        m >>= 1
    return out


def flip_matrix(m: int, eps: Any, exact: bool) -> NDArray[Any]:
    """``[a, b]``: probability that intended action ``a`` comes out as ``b`` when an action errs
    with probability ``eps`` to each of the ``m - 1`` others equally.

    The one model of implementation and monitoring errors (repeated-game values and
    simulations share it). Fractions (object array) when ``exact``, float64 otherwise. With
    one action there is nothing to err to: the action always comes out as intended.

    Examples
    --------
    >>> from fractions import Fraction
    >>> flip_matrix(3, Fraction(1, 10), exact=True).tolist()[0]
    [Fraction(9, 10), Fraction(1, 20), Fraction(1, 20)]
    """
    one: Any = Fraction(1) if exact else 1.0
    off = eps / (m - 1) if m > 1 else 0 * one
    out = np.full((m, m), off, dtype=object if exact else np.float64)
    np.fill_diagonal(out, one - eps if m > 1 else one)
    return out


def format_number(value: Any, digits: int = 6) -> str:
    """A number as short text: integers as integers, small Fractions as ``p/q``, floats to
    ``digits`` significant digits (a Fraction with a denominator of 10,000 or more too).

    Examples
    --------
    >>> from fractions import Fraction
    >>> format_number(Fraction(1, 3)), format_number(2), format_number(0.123456789, 4)
    ('1/3', '2', '0.1235')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Rational) and Fraction(value).denominator < 10_000:
        return str(Fraction(value))
    if isinstance(value, numbers.Real):
        return f"{float(value) + 0.0:.{digits}g}"  # + 0.0: a -0.0 prints as 0, not -0
    return str(value)  # sympy expressions and other exact numbers print themselves


def format_values(values: Iterable[Any], digits: int = 4, limit: int | None = None) -> str:
    """A sequence of numbers as ``[a, b, ...]`` with :func:`format_number`; at most ``limit``.

    Examples
    --------
    >>> format_values([0.5, 0.25, 1 / 3])
    '[0.5, 0.25, 0.3333]'
    >>> format_values(range(10), limit=3)
    '[0, 1, 2, ...]'
    """
    items = list(np.asarray(values, dtype=object).ravel()) if isinstance(values, np.ndarray) \
        else list(values)
    shown = items if limit is None else items[:limit]
    more = ", ..." if limit is not None and len(items) > limit else ""
    return "[" + ", ".join(format_number(v, digits) for v in shown) + more + "]"


def solve_exact(matrix: Sequence[Sequence[Any]], rhs: Sequence[Any]) -> list[Fraction] | None:
    """The unique solution of ``matrix @ x = rhs`` in Fractions, or ``None`` if there is none
    or it is not unique.

    The one exact linear solver of the library: sympy's ``DomainMatrix`` over the rationals
    (fraction-free elimination, several times faster than ``sympy.Matrix.LUsolve``).

    Examples
    --------
    >>> solve_exact([[2, 1], [1, 3]], [3, 4])
    [Fraction(1, 1), Fraction(1, 1)]
    >>> solve_exact([[1, 1], [2, 2]], [1, 2]) is None
    True
    """
    from sympy import QQ
    from sympy.polys.matrices import DomainMatrix

    rows = [list(r) for r in matrix]
    n_cols = len(rows[0]) if rows else 0
    if len(rhs) != len(rows):
        raise ValueError(f"rhs has {len(rhs)} entries for {len(rows)} equations")
    aug = [[_qq(QQ, v) for v in row] + [_qq(QQ, b)] for row, b in zip(rows, rhs, strict=True)]
    reduced, pivots = DomainMatrix(aug, (len(aug), n_cols + 1), QQ).rref()
    if tuple(pivots) != tuple(range(n_cols)):  # not unique, or inconsistent (pivot in rhs)
        return None
    solution = reduced.to_list()[:n_cols]
    return [Fraction(int(r[-1].numerator), int(r[-1].denominator)) for r in solution]


def _qq(domain: Any, value: Any) -> Any:
    f = as_fraction(value)
    return domain(f.numerator, f.denominator)
