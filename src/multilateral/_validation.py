"""Input checks shared by games and solvers: each raises a clear ``multilateral`` error."""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .errors import (
    InvalidArgumentError,
    InvalidPayoffsError,
    InvalidProbabilityError,
    InvalidTypeError,
    MultilateralError,
)
from .tolerances import EQUILIBRIUM, PROBABILITY

#: The default ``tol`` of the solvers: the regret accepted at a numerical equilibrium.
DEFAULT_TOL = EQUILIBRIUM


def as_number_array(values: ArrayLike, name: str = "payoffs") -> NDArray[Any]:
    """Return ``values`` as a finite numeric array, keeping exact numbers exact.

    Integers stay ``int64``, floats become ``float64``; an array that holds
    :class:`fractions.Fraction` (or other exact rationals) becomes an ``object`` array of
    ``Fraction``. Ragged, non-numeric, boolean, complex or non-finite input raises
    :class:`~multilateral.errors.InvalidPayoffsError`.
    """
    try:
        arr = np.array(values)
    except ValueError as err:  # numpy >= 1.24 refuses ragged nested sequences
        raise InvalidPayoffsError(
            f"{name} are ragged: every row must have the same length ({err})"
        ) from None
    if arr.dtype == bool:
        raise InvalidPayoffsError(f"{name} must be numbers, not booleans")
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64)
    if arr.dtype.kind == "f":
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)):
            raise InvalidPayoffsError(f"{name} must be finite; found NaN or infinity")
        return arr
    if arr.dtype.kind == "O":
        flat = arr.ravel()
        kinds = set(map(type, flat.tolist()))
        if kinds and kinds <= {int, Fraction}:  # exact already: no object re-wrapped
            return _exact_array(arr, kinds)
        if any(isinstance(v, (list, tuple, np.ndarray)) for v in flat):
            raise InvalidPayoffsError(
                f"{name} are ragged: every row must have the same length"
            )
        if all(isinstance(v, numbers.Rational) for v in flat):
            fracs = [Fraction(v) for v in flat]
            if all(f.denominator == 1 and abs(f.numerator) < 2**62 for f in fracs):
                return np.array([int(f) for f in fracs], dtype=np.int64).reshape(arr.shape)
            return np.array(fracs, dtype=object).reshape(arr.shape)
        if all(isinstance(v, numbers.Real) for v in flat):
            return as_number_array(arr.astype(np.float64), name)
        bad = next(v for v in flat if not isinstance(v, numbers.Real))
        raise InvalidPayoffsError(f"{name} must be real numbers; found {bad!r}")
    raise InvalidPayoffsError(
        f"{name} must be real numbers (int, float or Fraction); got dtype {arr.dtype}"
    )


def _exact_array(arr: NDArray[np.object_], kinds: set[type]) -> NDArray[Any]:
    """``int64`` if every value of an object array of ints and Fractions is an integer of
    magnitude below ``2**62``, else the array itself with its ints made Fractions (the
    Fractions, immutable, are kept, not rebuilt: reading a 1000x1000 game built 2 million)."""
    vals = arr.ravel().tolist()
    if Fraction not in kinds or all(v.denominator == 1 for v in vals if type(v) is Fraction):
        ints = [int(v) for v in vals]
        if max(map(abs, ints)) < 2**62:
            return np.array(ints, dtype=np.int64).reshape(arr.shape)
    if int in kinds:
        out = np.empty(len(vals), dtype=object)
        out[:] = [Fraction(v) if type(v) is int else v for v in vals]
        return out.reshape(arr.shape)
    return arr


def to_float(arr: NDArray[Any]) -> NDArray[np.float64]:
    """A float64 copy of a numeric array (exact entries rounded once)."""
    return np.asarray(arr, dtype=np.float64)


def check_tol(tol: float) -> float:
    """Validate a comparison tolerance: a finite number >= 0."""
    ok = isinstance(tol, (int, float)) and not isinstance(tol, bool)
    if not ok or not np.isfinite(tol) or tol < 0:
        raise InvalidTypeError(f"tol must be a finite number >= 0, got {tol!r}")
    return float(tol)


def check_probability(p: Any, name: str, *, exact: bool = False, open_low: bool = False,
                      open_high: bool = False) -> Any:
    """Validate one probability: the one check for every probability parameter.

    Raises :class:`~multilateral.errors.InvalidProbabilityError` (a ``ValueError``) naming
    ``name`` when ``p`` is not a real number in ``[0, 1]`` (or the open interval that
    ``open_low``/``open_high`` ask for, e.g. a detection probability must be positive).
    Returns a float, or with ``exact=True`` a ``Fraction`` when ``p`` is rational (so that
    exact models stay exact).

    Examples
    --------
    >>> from fractions import Fraction
    >>> check_probability(Fraction(1, 3), "noise", exact=True)
    Fraction(1, 3)
    >>> check_probability(0, "detection", open_low=True)
    Traceback (most recent call last):
    ...
    multilateral.errors.InvalidProbabilityError: detection must be in (0, 1], got 0
    """
    interval = f"{'(' if open_low else '['}0, 1{')' if open_high else ']'}"
    if not isinstance(p, numbers.Real) or isinstance(p, bool):
        raise InvalidProbabilityError(f"{name} must be a number in {interval}, got {p!r}")
    value = float(p)
    inside = (np.isfinite(value) and (value > 0 if open_low else value >= 0)
              and (value < 1 if open_high else value <= 1))
    if not inside:
        raise InvalidProbabilityError(f"{name} must be in {interval}, got {p!r}")
    if exact and isinstance(p, numbers.Rational):
        return Fraction(int(p)) if isinstance(p, numbers.Integral) else Fraction(p)
    return value


def as_probability_vector(
    p: ArrayLike, size: int, name: str = "strategy", tol: float = DEFAULT_TOL
) -> NDArray[np.float64]:
    """Validate a mixed strategy of length ``size``: finite, >= 0, summing to one within ``tol``."""
    try:
        vec = np.asarray(p, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidProbabilityError(f"{name} must be a sequence of numbers, got {p!r}") from None
    if vec.shape != (size,):
        raise InvalidProbabilityError(
            f"{name} must have {size} probabilities (one per action), got shape {vec.shape}"
        )
    if not np.all(np.isfinite(vec)):
        raise InvalidProbabilityError(f"{name} must be finite; found NaN or infinity")
    if np.any(vec < -tol):
        raise InvalidProbabilityError(f"{name} has a negative probability: {vec.tolist()}")
    total = vec.sum()
    if abs(total - 1.0) > max(tol, PROBABILITY) * size:
        raise InvalidProbabilityError(f"{name} must sum to 1, sums to {total!r}")
    return np.clip(vec, 0.0, None) / np.clip(vec, 0.0, None).sum()


def check_positive_int(value: Any, name: str, minimum: int = 1, *,
                       maximum: int | None = None, why: str = "") -> int:
    """Validate an integer >= ``minimum`` (booleans refused), and <= ``maximum`` if given
    (``why`` says in the error what the bound protects, e.g. memory)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(f"{name} must be an integer >= {minimum}, got {value!r}")
    if value < minimum:
        raise InvalidArgumentError(f"{name} must be an integer >= {minimum}, got {value!r}")
    if maximum is not None and int(value) > maximum:
        raise InvalidArgumentError(
            f"{name} = {value} is too large: at most {maximum:.0e}{why}")
    return int(value)


def check_real(value: Any, name: str, *, low: Any = None, high: Any = None,
              open_low: bool = False, open_high: bool = False) -> Any:
    """A real model parameter, kept exact (Fraction) when rational, checked against its range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(f"{name} must be a real number, got {value!r}")
    if isinstance(value, numbers.Rational):
        # Python ints: a numpy integer kept inside a Fraction overflows silently in arithmetic
        v: Any = Fraction(int(value.numerator), int(value.denominator))
    else:
        v = float(value)
        if not math.isfinite(v):
            raise InvalidArgumentError(f"{name} must be finite, got {value!r}")
    if low is not None and (v < low or (open_low and v == low)):
        raise InvalidArgumentError(
            f"{name} must be {'>' if open_low else '>='} {low}, got {value!r}")
    if high is not None and (v > high or (open_high and v == high)):
        raise InvalidArgumentError(
            f"{name} must be {'<' if open_high else '<='} {high}, got {value!r}")
    return v


def check_sequence(values: Any, name: str, expected: str = "numbers, one per member"
                   ) -> Iterable[Any]:
    """``values``, checked to be a sequence of ``expected`` for ``name``: a string, a
    non-iterable or a mapping raises :class:`~multilateral.errors.InvalidTypeError`.

    A mapping is refused because iterating it reads its keys: ``{0: 5, 1: 3}`` passed as
    benefits would be read as the benefits 0 and 1, silently.

    Examples
    --------
    >>> check_sequence([5, 3], "benefits")
    [5, 3]
    >>> check_sequence({0: 5, 1: 3}, "benefits")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    multilateral.errors.InvalidTypeError: benefits must be a sequence of numbers, one per member, \
got a dict: iterating it would read its keys [0, 1], not its values; pass the values in \
order (list(d.values()))
    """
    if isinstance(values, Mapping):
        keys = list(itertools.islice(values, 4))
        shown = ", ".join(repr(k) for k in keys) + (", ..." if len(values) > 4 else "")
        raise InvalidTypeError(
            f"{name} must be a sequence of {expected}, got a {type(values).__name__}: iterating "
            f"it would read its keys [{shown}], not its values; pass the values in order "
            f"(list(d.values()))")
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(f"{name} must be a sequence of {expected}, got {values!r}")
    return values


def check_labels(labels: Any, n: int, what: str = "member", name: str = "labels", *,
                 error: type[MultilateralError] = InvalidArgumentError
                 ) -> tuple[str, ...] | None:
    """``None``, or ``n`` distinct labels as strings: one per ``what`` (e.g. "state"). ``name``
    is the parameter's name in the errors; a wrong count or a repeat raises ``error`` (a game
    raises :class:`~multilateral.errors.InvalidGameError`), a non-sequence
    :class:`~multilateral.errors.InvalidTypeError`.

    Examples
    --------
    >>> check_labels(["China", "India"], 2, "state")
    ('China', 'India')
    """
    if labels is None:
        return None
    if isinstance(labels, (str, bytes)):
        raise error(f"{name} must be a sequence of {n} labels, one per {what}, got the "
                    f"string {labels!r}")
    if not isinstance(labels, Iterable):
        raise InvalidTypeError(f"{name} must be a sequence of {n} labels, one per {what}, "
                               f"got {labels!r}")
    out = tuple(str(s) for s in labels)
    if len(out) != n:
        raise error(f"{name}: expected {n} labels, one string per {what}, got {len(out)}: {out}")
    if len(set(out)) != n:
        raise error(f"{name} must be distinct, got {out}")
    return out


def as_real_vector(values: Any, name: str, size: int | None = None
                   ) -> tuple[NDArray[Any], bool]:
    """A non-empty 1-d array of finite reals for a model parameter, and whether it is exact.

    Exact input (ints, Fractions) becomes an ``object`` array of ``Fraction``; anything with a
    float becomes ``float64``. A scalar is broadcast to length ``size`` when ``size`` is
    given; otherwise the length must be ``size`` (one value per member). Wrong types raise
    :class:`~multilateral.errors.InvalidTypeError`, bad values
    :class:`~multilateral.errors.InvalidArgumentError`.

    Examples
    --------
    >>> arr, exact = as_real_vector([1, 2], "incomes")
    >>> arr.tolist(), exact
    ([Fraction(1, 1), Fraction(2, 1)], True)
    >>> as_real_vector(0.5, "a", size=3)[0].tolist()
    [0.5, 0.5, 0.5]
    """
    if isinstance(values, numbers.Real) and not isinstance(values, bool):
        if size is None:
            raise InvalidArgumentError(f"{name} must be a sequence of numbers, got {values!r}")
        v = check_real(values, name)
        if isinstance(v, Fraction):
            return np.array([v] * size, dtype=object), True
        return np.full(size, v, dtype=np.float64), False
    if isinstance(values, Mapping):
        check_sequence(values, name, "numbers")
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidTypeError(f"{name} must be a number or a sequence of numbers, got "
                               f"{type(values).__name__}")
    try:
        arr = as_number_array(values, name)
    except InvalidPayoffsError as err:
        raise InvalidArgumentError(str(err)) from None
    if arr.ndim != 1 or arr.size == 0:
        raise InvalidArgumentError(f"{name} must be a non-empty 1-d sequence, got shape "
                                   f"{arr.shape}")
    if size is not None and arr.size != size:
        raise InvalidArgumentError(f"{name} needs one value per member ({size}), got {arr.size}")
    if arr.dtype == np.float64:
        return arr, False
    if arr.dtype == np.int64:
        return np.array([Fraction(int(v)) for v in arr], dtype=object), True
    return arr, True  # an object array of Fractions
