"""Real institutions with sourced data: small tables shipped inside the package.

Every table is a CSV file in ``multilateral/cases/data`` with one row per fact, and every
row names its ``source`` and its ``date`` (ISO 8601, as precise as the source: ``2023``,
``2014-11``, ``2015-12-12``). Each table declares its columns' types in one schema
(:func:`schema`: text, date, integer, number, boolean, or a closed set of values).
:func:`load_table` reads a table with the standard library only (no pandas needed) and
checks every row against that promise; :func:`to_frame` gives the same table as a pandas
DataFrame with typed columns when pandas is installed. Case modules such as
:mod:`multilateral.cases.climate` turn the raw rows into typed, documented constants.

Examples
--------
>>> from multilateral import cases
>>> "climate_emitters" in cases.tables()
True
>>> row = cases.load_table("climate_emitters")[0]
>>> row["entity"], row["share"], row["date"]
('China', '0.31', '2023')
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError, MissingDependencyError
from ._schema import SCHEMAS, ColumnType

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REQUIRED_COLUMNS", "load_table", "schema", "tables", "to_frame"]
__dir__ = public_dir(__all__)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=_Named)

#: Columns every shipped table must have, with a non-empty value in every row.
REQUIRED_COLUMNS: tuple[str, ...] = ("source", "date")

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)$")
_BOOLEAN = {"yes": True, "no": False}


def _data_dir() -> Any:
    return resources.files(__name__).joinpath("data")


def tables() -> tuple[str, ...]:
    """Names of the shipped tables (file names without ``.csv``), sorted.

    See Also
    --------
    load_table : reads one of them.

    Examples
    --------
    >>> from multilateral.cases import tables
    >>> names = tables()
    >>> "climate_emitters" in names, "cbam_events" in names, names == tuple(sorted(names))
    (True, True, True)
    """
    return tuple(sorted(
        entry.name[:-4] for entry in _data_dir().iterdir() if entry.name.endswith(".csv")
    ))


def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Read one shipped table: a tuple of rows, each a ``dict`` from column to text.

    Values stay text (as in the file); case modules convert them. Each call returns fresh
    dicts, so callers may modify them without affecting later calls.

    Parameters
    ----------
    name : str
        The table's name, one of :func:`tables` (e.g. ``"climate_emitters"``).

    Returns
    -------
    tuple of dict
        The rows in file order.

    Raises
    ------
    InvalidArgumentError
        If no table has that name.
    MalformedFileError
        If the table lacks a ``source`` or ``date`` column, a row leaves one of them empty,
        a date is not ISO 8601 (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or a row has more
        or fewer fields than the header.

    See Also
    --------
    tables : the names it reads.
    to_frame : the same rows as a pandas DataFrame.

    Examples
    --------
    >>> from multilateral.cases import load_table
    >>> rows = load_table("nato_members")
    >>> len(rows), rows[0]["member"], rows[0]["date"]
    (32, 'Belgium', '1949-04-04')
    """
    return tuple(dict(row) for row in _read(_check_name(name)))


def schema(name: str) -> dict[str, ColumnType]:
    """The declared column types of the table ``name``, in the table's column order.

    A type is ``"text"``, ``"date"`` (ISO 8601, as precise as the source), ``"integer"``,
    ``"number"``, ``"boolean"`` (``yes``/``no`` in the file) or a tuple: the closed set of
    values the column may take (a category).

    Raises
    ------
    InvalidArgumentError
        If no table has that name.

    See Also
    --------
    to_frame : converts the columns to these types.
    load_table : checks every row against them.

    Examples
    --------
    >>> from multilateral.cases import schema
    >>> types = schema("unsc_voting")
    >>> types["seats"], types["permanent_concurrence"], types["matter"]
    ('integer', 'boolean', ('procedural', 'substantive'))
    """
    header = _header(_check_name(name))
    declared = SCHEMAS[name]
    return {column: declared[column] for column in header}


def to_frame(name: str) -> pd.DataFrame:
    """The table ``name`` as a :class:`pandas.DataFrame` with typed columns.

    Each column gets the type its table declares (:func:`schema`): dates become
    ``datetime64`` (a partial date such as ``2023`` or ``2014-11`` becomes the first day of
    its period), integers the nullable ``Int64``, numbers ``Float64``, booleans the nullable
    ``boolean``, closed sets ``category`` (with the declared values as categories) and text
    pandas' ``string``. Empty cells are missing values (``NA``/``NaT``), except in text.

    Raises
    ------
    MissingDependencyError
        If pandas is not installed (it is optional: :func:`load_table` needs only the
        standard library).

    See Also
    --------
    load_table : the same rows as text, without pandas.
    schema : the declared types.

    Examples
    --------
    >>> from multilateral.cases import to_frame
    >>> frame = to_frame("unsc_permanent")
    >>> frame["member"].tolist()
    ['China', 'France', 'Russia', 'United Kingdom', 'United States']
    >>> votes = to_frame("unsc_voting")
    >>> str(votes["seats"].dtype), str(votes["date"].dtype), int(votes["seats"].max())
    ('Int64', 'datetime64[ns]', 15)
    """
    rows = load_table(name)
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError(
            "to_frame needs pandas (pip install pandas); load_table returns the same rows "
            "without it"
        ) from None
    types = schema(name)
    frame = pd.DataFrame.from_records(list(rows), columns=list(types))
    for column, kind in types.items():
        frame[column] = _convert(pd, frame[column], kind)
    return frame


def _convert(pd: Any, values: Any, kind: ColumnType) -> Any:
    """One text column as the pandas dtype of its declared type (empty cells missing)."""
    if kind == "text":
        return values.astype("string")
    present = values.where(values.str.strip() != "")
    if isinstance(kind, tuple):
        return pd.Categorical(present, categories=list(kind))
    if kind == "date":
        return pd.to_datetime(present, format="ISO8601").astype("datetime64[ns]")
    if kind == "integer":
        return pd.to_numeric(present).astype("Int64")
    if kind == "number":
        return pd.to_numeric(present).astype("Float64")
    return present.map(_BOOLEAN).astype("boolean")


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not _NAME.match(name) or name not in tables():
        raise InvalidArgumentError(
            f"no case table named {name!r}; available: {', '.join(tables())}")
    return name


def _header(name: str) -> list[str]:
    text = _data_dir().joinpath(f"{name}.csv").read_text(encoding="utf-8")
    return next(csv.reader(io.StringIO(text)), [])


@cache
def _read(name: str) -> tuple[dict[str, str], ...]:
    text = _data_dir().joinpath(f"{name}.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    types = SCHEMAS.get(name)
    if types is not None and set(types) != set(header):
        raise MalformedFileError(
            f"case table {name!r}: its columns {sorted(header)} differ from its schema's "
            f"{sorted(types)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise MalformedFileError(
            f"case table {name!r} lacks the column(s) {missing}: every fact needs a source "
            "and a date")
    rows = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise MalformedFileError(
                f"case table {name!r}, line {line}: expected {len(header)} fields")
        for column in REQUIRED_COLUMNS:
            if not row[column].strip():
                raise MalformedFileError(
                    f"case table {name!r}, line {line}: empty {column!r}")
        if not _DATE.match(row["date"]):
            raise MalformedFileError(
                f"case table {name!r}, line {line}: date {row['date']!r} is not ISO 8601 "
                "(YYYY, YYYY-MM or YYYY-MM-DD)")
        for column, kind in (types or {}).items():
            problem = _type_problem(row[column], kind)
            if problem:
                raise MalformedFileError(
                    f"case table {name!r}, line {line}, column {column!r}: {row[column]!r} "
                    f"is not {problem}")
        rows.append(row)
    return tuple(rows)


def _type_problem(value: str, kind: ColumnType) -> str:
    """What ``value`` fails to be under ``kind`` (empty if it fits; empty cells fit)."""
    if kind == "text" or not value.strip():
        return ""
    if isinstance(kind, tuple):
        return "" if value in kind else f"one of {list(kind)}"
    pattern = {"date": _DATE, "integer": _INTEGER, "number": _NUMBER}.get(kind)
    if pattern is not None:
        form = "ISO 8601" if kind == "date" else "decimal"
        return "" if pattern.match(value) else f"a {kind} ({form})"
    return "" if value in _BOOLEAN else "a boolean ('yes' or 'no')"


def parse_fraction(text: str, where: str) -> Fraction:
    """A number from a data table, exactly; a malformed entry names its table and row."""
    try:
        return Fraction(text)
    except ValueError:
        raise MalformedFileError(f"{where}: {text!r} is not a number") from None


def by_name(rows: Iterable[T], name: str, what: str) -> T:
    """The row whose ``name`` is ``name``; an unknown name lists the known ones.

    Examples
    --------
    >>> from multilateral.cases import by_name, climate
    >>> by_name(climate.EVENTS, "paris_adopted", "climate event").date.year
    2015
    """
    rows = tuple(rows)
    for row in rows:
        if row.name == name:
            return row
    known = ", ".join(r.name for r in rows)
    raise InvalidArgumentError(f"no {what} named {name!r}; available: {known}")
