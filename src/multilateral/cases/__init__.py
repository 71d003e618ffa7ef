"""Real institutions with sourced data: small tables shipped inside the package.

Every table is a CSV file in ``multilateral/cases/data`` with one row per fact, and every
row names its ``source`` and its ``date`` (ISO 8601, as precise as the source: ``2023``,
``2014-11``, ``2015-12-12``). :func:`load_table` reads a table with the standard library
only (no pandas needed) and checks that promise; :func:`to_frame` gives the same table as a
pandas DataFrame when pandas is installed. Case modules such as
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

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REQUIRED_COLUMNS", "load_table", "tables", "to_frame"]
__dir__ = public_dir(__all__)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=_Named)

#: Columns every shipped table must have, with a non-empty value in every row.
REQUIRED_COLUMNS: tuple[str, ...] = ("source", "date")

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


def to_frame(name: str) -> pd.DataFrame:
    """The table ``name`` as a :class:`pandas.DataFrame` (all columns as text).

    Raises
    ------
    MissingDependencyError
        If pandas is not installed (it is optional: :func:`load_table` needs only the
        standard library).

    See Also
    --------
    load_table : the same rows without pandas.

    Examples
    --------
    >>> from multilateral.cases import to_frame
    >>> frame = to_frame("unsc_permanent")
    >>> frame["member"].tolist()
    ['China', 'France', 'Russia', 'United Kingdom', 'United States']
    """
    rows = load_table(name)
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError(
            "to_frame needs pandas (pip install pandas); load_table returns the same rows "
            "without it"
        ) from None
    return pd.DataFrame.from_records(list(rows), columns=list(rows[0]) if rows else None)


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not _NAME.match(name) or name not in tables():
        raise InvalidArgumentError(
            f"no case table named {name!r}; available: {', '.join(tables())}")
    return name


@cache
def _read(name: str) -> tuple[dict[str, str], ...]:
    text = _data_dir().joinpath(f"{name}.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
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
        rows.append(row)
    return tuple(rows)


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
