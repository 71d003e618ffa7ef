"""One helper for each recurring numeric job: read-only arrays, short formatting, exact solves.

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
    "format_number",
    "format_values",
    "is_exact",
    "readonly",
    "solve_exact",
]


def readonly(arr: Any, dtype: Any = np.float64) -> NDArray[Any]:
    """A read-only copy (``dtype=None`` keeps the input's type, e.g. Fractions)."""
    out = np.array(arr, dtype=dtype)
    out.flags.writeable = False
    return out


def is_exact(value: Any) -> bool:
    """True for an exact rational number (``int``, ``Fraction``, numpy integer), not ``bool``."""
    return isinstance(value, numbers.Rational) and not isinstance(value, bool)


def as_fraction(value: Any) -> Fraction:
    """An exact rational as a ``Fraction`` of Python ints (numpy integers included)."""
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    return Fraction(value)


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
        return f"{float(value):.{digits}g}"
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
