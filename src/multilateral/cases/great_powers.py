"""The major powers, 1816-2016: the Correlates of War list, for Snidal's number of states.

Snidal (1991) argued that the relative-gains impediment to cooperation weakens as the number
of states grows (:class:`~multilateral.models.RelativeGains`). How many great powers there
have been is a matter of coding; this module ships the standard coding, the Correlates of
War (COW) Project's list of major powers (State System Membership List, v2016, file
``majors2016.csv``): 14 spells of nine states, each with its start and end day as COW codes
them.

What the list is, and is not:

* It counts **major powers** as COW codes them, a judgement of historians' consensus, not a
  measure of capabilities; several entries are debated (each row's ``note`` says where, e.g.
  China from 1950, Germany and Japan from 11 December 1991). Waltz (1979) read the Cold War
  as bipolar (two great powers), not as the five COW counts.
* It is **not** a count of the parties to any deal, nor of the states whose gains a given
  state compares with its own. Using it as Snidal's ``n`` is a reading, which the gallery
  example (``plot_great_powers.py``) sets beside others.
* COW's coverage ends on 31 December 2016: an end day of 2016-12-31 (:data:`COVERAGE`)
  means the spell runs to the end of the data (:attr:`MajorPower.ongoing`), not that the
  status ended.

A state is counted on every day from its start day to its end day, both included (e.g.
France on 22 June 1940, the day of its armistice with Germany).

Data: ``great_powers.csv`` (ccode, state, start, end, date (= start), note, source, url,
status); each row's ``status`` says that its values were transcribed from COW's own file and
not re-read since (the file was not reachable when the sources were checked in issue 17). The
state names for COW's country codes are added here (2 United States, 200 United Kingdom, 220
France, 255 Germany (Prussia before 1871), 300 Austria-Hungary (Austria before 1867), 325
Italy, 365 Russia (the Soviet Union 1922-1991), 710 China, 740 Japan).

References
----------
.. [1] Correlates of War Project (2017). State System Membership List, v2016 (file
   ``majors2016.csv``). https://correlatesofwar.org/data-sets/state-system-membership/
.. [2] Snidal, D. (1991). Relative gains and the pattern of international cooperation.
   *American Political Science Review* 85(3), 701-726 (abstract).
.. [3] Waltz, K. N. (1979). *Theory of International Politics*. Reading, MA:
   Addison-Wesley.

Examples
--------
>>> import datetime
>>> from multilateral.cases import great_powers as gp
>>> gp.count("1816-01-01"), gp.count(datetime.date(1900, 1, 1)), gp.count("1992-01-01")
(5, 8, 7)
>>> gp.major_powers("1950-01-01")
('United States', 'United Kingdom', 'France', 'Russia', 'China')
>>> gp.spell("germany_1991").start
datetime.date(1991, 12, 11)
>>> gp.counts([1816, 1900, 1950, 2016]).tolist()
[5, 8, 5, 7]
"""

from __future__ import annotations

import contextlib
import datetime
import operator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from . import by_name, load_table

__all__ = ["COVERAGE", "MAJOR_POWERS", "STATES", "MajorPower", "count", "counts",
           "major_powers", "spell", "spells"]
__dir__ = public_dir(__all__)

#: State names for the COW country codes of the list.
STATES: dict[int, str] = {
    2: "United States",
    200: "United Kingdom",
    220: "France",
    255: "Germany",
    300: "Austria-Hungary",
    325: "Italy",
    365: "Russia",
    710: "China",
    740: "Japan",
}

#: The first and last day the COW v2016 list covers.
COVERAGE: tuple[datetime.date, datetime.date] = (datetime.date(1816, 1, 1),
                                                  datetime.date(2016, 12, 31))


@dataclass(frozen=True)
class MajorPower:
    """One spell of one state as a major power, as COW codes it, with its source.

    ``name`` is the state's name in lower case with underscores and the start year
    (``"france_1945"``), unique per spell.

    See Also
    --------
    MAJOR_POWERS : every spell.
    spell : one spell by name.
    """

    name: str
    ccode: int
    state: str
    start: datetime.date
    end: datetime.date
    note: str
    source: str
    url: str
    #: How the row's values rest on COW's file (transcribed, and whether re-read).
    status: str

    @property
    def ongoing(self) -> bool:
        """Whether the spell runs to the end of COW's data (31 December 2016)."""
        return self.end == COVERAGE[1]

    def active_on(self, date: datetime.date | str) -> bool:
        """Whether the state is a major power on ``date`` (start and end days included).

        Examples
        --------
        >>> from multilateral.cases.great_powers import spell
        >>> spell("france_1816").active_on("1940-06-22"), spell("france_1816").active_on(
        ...     "1940-06-23")
        (True, False)
        """
        day = _as_date(date)
        return self.start <= day <= self.end


def _day(text: str, where: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise MalformedFileError(f"{where}: {text!r} is not an ISO date YYYY-MM-DD") from None


def _spells() -> tuple[MajorPower, ...]:
    rows = []
    for line, r in enumerate(load_table("great_powers"), start=2):
        where = f"case table 'great_powers', line {line}"
        try:
            ccode = int(r["ccode"])
        except ValueError:
            raise MalformedFileError(f"{where}: ccode {r['ccode']!r} is not an integer") from None
        if STATES.get(ccode) != r["state"]:
            raise MalformedFileError(f"{where}: ccode {ccode} is not {r['state']!r}")
        start, end = _day(r["start"], where), _day(r["end"], where)
        if not COVERAGE[0] <= start <= end <= COVERAGE[1] or r["date"] != r["start"]:
            raise MalformedFileError(f"{where}: bad spell {r['start']} to {r['end']}")
        name = f"{r['state'].lower().replace('-', '_').replace(' ', '_')}_{start.year}"
        rows.append(MajorPower(name=name, ccode=ccode, state=r["state"], start=start, end=end,
                               note=r["note"], source=r["source"], url=r["url"],
                               status=r["status"]))
    return tuple(rows)


#: Every spell, in COW's order (by country code, then start day).
MAJOR_POWERS: tuple[MajorPower, ...] = _spells()


def _as_date(date: Any) -> datetime.date:
    if isinstance(date, datetime.datetime):
        date = date.date()
    elif isinstance(date, str):
        with contextlib.suppress(ValueError):
            date = datetime.date.fromisoformat(date)
    if not isinstance(date, datetime.date):
        raise InvalidArgumentError(
            f"date must be a datetime.date or an ISO date 'YYYY-MM-DD', got {date!r}")
    if not COVERAGE[0] <= date <= COVERAGE[1]:
        raise InvalidArgumentError(
            f"date {date.isoformat()} is outside the COW v2016 list, which covers "
            f"{COVERAGE[0].isoformat()} to {COVERAGE[1].isoformat()}")
    return date


def spell(name: str) -> MajorPower:
    """One spell by name (``"<state>_<start year>"``, e.g. ``"china_1950"``).

    Raises
    ------
    InvalidArgumentError
        For an unknown name (the message lists the known ones).

    See Also
    --------
    spells : every spell of one state.

    Examples
    --------
    >>> from multilateral.cases.great_powers import spell
    >>> s = spell("china_1950")
    >>> s.ccode, s.start.isoformat(), s.ongoing
    (710, '1950-01-01', True)
    """
    return by_name(MAJOR_POWERS, name, "major-power spell")


def spells(member: str) -> tuple[MajorPower, ...]:
    """Every spell of one state (``member``, a name of :data:`STATES`), in time order.

    Raises
    ------
    InvalidArgumentError
        If ``member`` is not one of the nine states of the list.

    See Also
    --------
    spell : one spell by name.

    Examples
    --------
    >>> from multilateral.cases.great_powers import spells
    >>> [(s.start.year, s.end.year) for s in spells("Germany")]
    [(1816, 1918), (1925, 1945), (1991, 2016)]
    """
    if not isinstance(member, str) or member not in STATES.values():
        raise InvalidArgumentError(
            f"no major power named {member!r} in the COW list; the states are "
            f"{', '.join(STATES.values())}")
    return tuple(s for s in MAJOR_POWERS if s.state == member)


def major_powers(date: datetime.date | str) -> tuple[str, ...]:
    """The major powers on ``date``, by COW country code (the United States first).

    Parameters
    ----------
    date : datetime.date or str
        A day from 1816-01-01 to 2016-12-31 (:data:`COVERAGE`), or its ISO string.

    Raises
    ------
    InvalidArgumentError
        If ``date`` is not a date or lies outside the COW coverage.

    See Also
    --------
    count : how many.

    Examples
    --------
    >>> from multilateral.cases.great_powers import major_powers
    >>> major_powers("1945-08-15")
    ('United States', 'United Kingdom', 'France', 'Russia')
    """
    day = _as_date(date)
    return tuple(dict.fromkeys(s.state for s in MAJOR_POWERS if s.start <= day <= s.end))


def count(date: datetime.date | str) -> int:
    """The number of major powers on ``date`` (COW v2016).

    Raises
    ------
    InvalidArgumentError
        If ``date`` is not a date or lies outside the COW coverage.

    See Also
    --------
    major_powers : which they are.
    counts : the count once a year, as an array.

    Examples
    --------
    >>> from multilateral.cases.great_powers import count
    >>> count("1950-01-01"), count("1991-12-10"), count("1991-12-11")
    (5, 5, 7)
    """
    return len(major_powers(date))


def counts(years: Any = None, *, month: int = 1, day: int = 1) -> npt.NDArray[np.int64]:
    """The number of major powers on one day of each year, as an integer array.

    Parameters
    ----------
    years : array_like of int, optional
        Calendar years from 1816 to 2016; default every year of that range (201 values).
    month, day : int, default 1, 1
        The day of each year on which to count (default 1 January: the year's count is the
        count on its first day, so 1991 gives 5 and 1992 gives 7).

    Returns
    -------
    numpy.ndarray of int, the shape of ``years``

    Raises
    ------
    InvalidArgumentError
        If a year is not an integer, or ``month``/``day`` do not make a day of every year, or
        a day lies outside the COW coverage.

    See Also
    --------
    count : the count on one day.

    Examples
    --------
    >>> from multilateral.cases.great_powers import counts
    >>> c = counts()
    >>> len(c), int(c.min()), int(c.max())
    (201, 4, 8)
    >>> counts([1945, 1946]).tolist(), counts([1945], month=12, day=31).tolist()
    ([5, 4], [4])
    """
    if years is None:
        values = np.arange(COVERAGE[0].year, COVERAGE[1].year + 1)
    else:
        values = np.asarray(years)
        if values.dtype == bool or not np.issubdtype(values.dtype, np.integer):
            raise InvalidArgumentError(
                f"years must be integers (calendar years 1816-2016), got {years!r}")
    for name, value in (("month", month), ("day", day)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise InvalidArgumentError(f"{name} must be an integer, got {value!r}")
    out = np.empty(values.shape, dtype=np.int64)
    for index, year in np.ndenumerate(values):
        try:
            date = datetime.date(operator.index(year), month, day)
        except ValueError as exc:
            raise InvalidArgumentError(
                f"year {year}, month {month}, day {day} is not a day ({exc})") from None
        out[index] = count(date)
    return out
