"""Grids of a sweep: full factorial or Latin hypercube, values normalized and encoded."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import InvalidArgumentError, InvalidTypeError
from ._target import Target


# -- grids ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Grid:
    names: list[str]
    kinds: list[str]  # "values" | "choices" | "int" | "float"
    specs: list[Any]  # the list of values, or (low, high)
    sample: int | None

    @property
    def identity(self) -> list[Any]:
        out: list[Any] = []
        for name, kind, spec in zip(self.names, self.kinds, self.specs, strict=True):
            if kind in ("values", "choices"):
                out.append([name, kind, [encode_value(v) for v in spec]])
            else:
                out.append([name, kind, encode_value(spec[0]), encode_value(spec[1])])
        return out

    def points(self, seed: int) -> dict[str, NDArray[np.object_]]:
        """One object column of Python values per parameter, one entry per point."""
        if not self.names:
            return {}
        if self.sample is None:
            shape = tuple(len(s) for s in self.specs)
            codes = np.unravel_index(np.arange(math.prod(shape)), shape)
            return {name: object_array(spec)[code]
                    for name, spec, code in zip(self.names, self.specs, codes, strict=True)}
        from scipy.stats import qmc

        rng = np.random.default_rng(np.random.SeedSequence(seed))
        try:
            sampler = qmc.LatinHypercube(d=len(self.names), rng=rng)
        except TypeError:  # scipy < 1.15 calls it seed
            sampler = qmc.LatinHypercube(d=len(self.names), seed=rng)
        u = sampler.random(self.sample)
        cols: dict[str, NDArray[np.object_]] = {}
        for j, (name, kind, spec) in enumerate(zip(self.names, self.kinds, self.specs,
                                                   strict=True)):
            if kind == "choices":
                idx = np.minimum((u[:, j] * len(spec)).astype(np.intp), len(spec) - 1)
                cols[name] = object_array(spec)[idx]
            elif kind == "int":
                low, high = spec
                vals = np.minimum(np.floor(u[:, j] * (high - low + 1)), high - low)
                cols[name] = object_array([low + int(v) for v in vals])
            else:
                low, high = float(spec[0]), float(spec[1])
                cols[name] = object_array([low + float(x) * (high - low) for x in u[:, j]])
        return cols


def object_array(values: Sequence[Any]) -> NDArray[np.object_]:
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)  # tuples stay single entries
    return arr


def make_grid(grid: Any, tgt: Target, sample: int | None) -> _Grid:
    if not isinstance(grid, Mapping):
        raise InvalidTypeError(
            "grid must be a dict mapping parameter names to values, got "
            f"{type(grid).__name__}"
        )
    names = list(grid)
    for name in names:
        if not isinstance(name, str):
            raise InvalidTypeError(f"grid keys must be parameter names (str), got {name!r}")
    if sample is not None and not names:
        raise InvalidArgumentError("sample= needs at least one parameter in the grid to sample")
    if "seed" in names:
        raise InvalidArgumentError(
            "'seed' cannot be a grid parameter: sweep passes each task its own seed, derived "
            "from sweep(..., seed=)")
    if tgt.valid is not None:
        unknown = [n for n in names if n not in tgt.valid]
        if unknown:
            valid = ", ".join(sorted(tgt.valid)) or "none"
            raise InvalidArgumentError(
                f"unknown parameter{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(map(repr, unknown))} for {tgt.label}: its parameters are {valid}"
            )
    missing = sorted(tgt.required - set(names))
    if missing:
        raise InvalidArgumentError(
            f"{tgt.label} needs {', '.join(map(repr, missing))}: put "
            f"{'them' if len(missing) > 1 else 'it'} in the grid (a single value as [value]) "
            "or bind with functools.partial / a model instance"
        )
    kinds, specs = [], []
    for name in names:
        kind, spec = _parse_entry(name, grid[name], sampled=sample is not None)
        kinds.append(kind)
        specs.append(spec)
    return _Grid(names, kinds, specs, sample)


def _parse_entry(name: str, raw: Any, *, sampled: bool) -> tuple[str, Any]:
    where = f"grid[{name!r}]"
    if sampled and isinstance(raw, tuple):
        if len(raw) != 2 or not all(_is_number(x) for x in raw):
            raise InvalidArgumentError(
                f"{where} is {raw!r}: in a sampled grid a tuple is a range (low, high) of two "
                "numbers; give a list of choices as a list"
            )
        low, high = (_normalize_value(x, where) for x in raw)
        if isinstance(low, int) and isinstance(high, int):
            if low > high:
                raise InvalidArgumentError(
                    f"{where} is an empty range: low {low} > high {high}")
            return "int", (low, high)
        if not float(low) < float(high):
            raise InvalidArgumentError(
                f"{where} is an empty range: low {low} must be < high {high}")
        return "float", (low, high)
    if isinstance(raw, (str, bytes)) or not isinstance(raw, (Sequence, np.ndarray)):
        hint = " or a (low, high) range" if sampled else ""
        raise InvalidTypeError(
            f"{where} must be a sequence of values (a list, tuple, range or 1-D array){hint}, "
            f"got {raw!r}; a single value is [value]"
        )
    if isinstance(raw, np.ndarray) and raw.ndim != 1:
        raise InvalidArgumentError(f"{where} must be a 1-D array, got shape {raw.shape}")
    values = [_normalize_value(v, where) for v in raw]
    if not values:
        raise InvalidArgumentError(f"{where} is empty: give at least one value")
    return ("choices" if sampled else "values"), values


def _is_number(x: Any) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def _normalize_value(v: Any, where: str) -> Any:
    """A grid value as a plain Python value: int, float, Fraction, str, bool, None, tuple."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Rational):
        return Fraction(int(v.numerator), int(v.denominator))
    if isinstance(v, numbers.Real):
        f = float(v)
        if not math.isfinite(f):
            raise InvalidArgumentError(f"{where} holds {v!r}: values must be finite")
        return f
    if isinstance(v, tuple):
        return tuple(_normalize_value(x, where) for x in v)
    raise InvalidTypeError(
        f"{where} holds {v!r} of type {type(v).__name__}: grid values must be numbers, "
        "strings, booleans, None or tuples of them (sweep over names and look objects up "
        "inside the target)"
    )


def encode_value(v: Any) -> Any:
    """A grid value in JSON, with its type: the identity must tell 1 from 1.0 and '1'."""
    if v is None:
        return None
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, Fraction):
        return ["fraction", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, tuple):
        return ["tuple", [encode_value(x) for x in v]]
    return ["str", v]


def decode_spec(spec: list[Any]) -> Any:
    kind = spec[0]
    if kind in ("values", "choices"):
        return [_decode_value(v) for v in spec[1]]
    return (_decode_value(spec[1]), _decode_value(spec[2]))


def _decode_value(v: Any) -> Any:
    if v is None:
        return None
    kind, x = v
    if kind == "int":
        return int(x)
    if kind == "float":
        return float(x)
    if kind == "fraction":
        return Fraction(x)
    if kind == "tuple":
        return tuple(_decode_value(e) for e in x)
    return x
