"""The numbers of an anonymous game's payoffs: exact where given exact, never overflowing.

:class:`~multilateral.games.AnonymousGame` holds ``n`` payoffs per action, with n up to
10**8, and must neither wrap around silently (numpy's int64), overflow float64 in a gain or
a welfare sum, nor make one Fraction per member when the payoffs are exact. These helpers
decide how payoffs are held (int64 while every derived integer fits, else exact Fractions;
integer numerators over one denominator for the large exact builders), refuse float payoffs
whose sums would overflow, and turn the builders' parameters into exact numbers where they
are rational.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import InvalidArgumentError, InvalidPayoffsError

__all__ = [
    "FLOAT_EXACT",
    "INT64_SAFE",
    "check_float_range",
    "divide",
    "exact_parameter",
    "fractions_over",
    "magnitude",
    "no_overflow",
    "refuse_float_overflow",
]


#: int64 payoffs are kept only while every derived integer (gains ``c - d``, welfare
#: ``m * c + (n - m) * d``, sums of these) stays below this bound with a factor-4 margin;
#: larger games hold exact Fractions of Python ints (an object array), which cannot overflow.
INT64_SAFE = 2**61


def no_overflow(c: NDArray[Any], d: NDArray[Any], n: int | None = None
                 ) -> tuple[NDArray[Any], NDArray[Any]]:
    """Integer payoffs as int64 when nothing derived from them can overflow, else Python ints.

    numpy's int64 arithmetic wraps around silently (``2**62 - (-2**62)`` is ``-2**63``), so a
    game whose payoffs times ``n`` could leave int64 is held as an object array of Fractions
    (Python ints underneath, as for any integer >= 2**62 given directly): exact, never
    overflowing, the same values.
    """
    if c.dtype.kind not in "iu" or d.dtype.kind not in "iu":
        return c, d
    # Python ints: abs(int64 min) itself overflows in numpy
    big = max(abs(int(c.min())), abs(int(c.max())), abs(int(d.min())), abs(int(d.max())))
    if 2 * big * (c.size if n is None else n) < INT64_SAFE:
        return c, d
    return (np.array([Fraction(v) for v in c.tolist()], dtype=object),
            np.array([Fraction(v) for v in d.tolist()], dtype=object))


def check_float_range(c: NDArray[Any], d: NDArray[Any], n: int | None = None) -> None:
    """Refuse float payoffs whose gains or welfare (up to ``2 n |payoff|``) overflow float64."""
    floats = [arr for arr in (c, d) if arr.dtype.kind == "f"]
    if not floats:
        return
    big = max(float(np.max(np.abs(arr))) for arr in floats)
    refuse_float_overflow(big, c.size if n is None else n)


def refuse_float_overflow(big: float, n: int) -> None:
    """Refuse float payoffs of magnitude ``big`` (inf included) beyond ``max float / 2n``."""
    limit = float(np.finfo(np.float64).max) / (2 * n)
    if not big <= limit:
        raise InvalidPayoffsError(
            f"float payoffs must keep gains and welfare finite: |payoff| <= {limit:.3g} (the "
            f"largest float over 2n, n = {n}); found one of magnitude {big:.3g}. Rescale "
            "the payoffs (equilibria do not change when all payoffs are multiplied by a "
            "positive number), or give them as integers or Fractions, which are exact")


def magnitude(value: Any) -> float:
    """``|value|`` as a float (inf when beyond the float range), without a warning."""
    try:
        return abs(float(value))
    except OverflowError:
        return math.inf


def fractions_over(num: NDArray[np.int64], den: int) -> NDArray[Any]:
    """``num / den`` as an object array of Fractions, one Fraction per distinct value."""
    if num.size and bool(np.all(num == num[0])):
        values, index = num[:1], np.zeros(num.size, dtype=np.intp)
    else:
        values, index = np.unique(num, return_inverse=True)
    table = np.array([Fraction(v, den) for v in values.tolist()], dtype=object)
    out: NDArray[Any] = table[index.reshape(num.shape)]
    return out


#: Exact numerators (and the common denominator) below this keep float64 division correctly
#: rounded: both operands are exactly representable.
FLOAT_EXACT = 2**53


def exact_parameter(value: Any, name: str) -> Any:
    """Validate a finite real parameter; rationals become Fractions so payoffs stay exact."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(f"{name} must be a real number, got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Rational):
        return Fraction(value)
    if not math.isfinite(value):
        raise InvalidArgumentError(f"{name} must be finite, got {value!r}")
    return float(value)


def divide(a: Any, b: int) -> Any:
    """``a / b``: in floats for a float ``a``, else exactly (a Fraction)."""
    return a / b if isinstance(a, float) else Fraction(a) / b
