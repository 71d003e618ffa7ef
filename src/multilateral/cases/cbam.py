"""The EU carbon border adjustment mechanism (CBAM): a club's border charge on outsiders.

Regulation (EU) 2023/956 of 10 May 2023 prices the carbon embedded in imports of six sectors'
goods (Annex I: cement, iron and steel, aluminium, fertilisers, electricity, hydrogen) at the
EU ETS price, less any carbon price paid where the goods were made: in Nordhaus's terms, a
penalty on the exports of countries that do not price carbon as the club does (though
sector-specific and tied to embedded emissions, not his uniform tariff on all imports). It
came in stages: reporting only in the transitional period (1 October 2023 to 31 December
2025), then from 1 January 2026 the definitive period in which importers surrender
certificates, phased in as the free allocation of ETS allowances to the same sectors is
phased out, reaching zero in 2034.

Data (the shipped tables, one row per fact with its source, date and a ``status`` that says
how it was confirmed):

* :data:`EVENTS` -- the timeline, from the Commission's proposal (14 July 2021) to the
  simplification Regulation (EU) 2025/2083 and the definitive period;
* :data:`SECTORS` -- the six sectors of Annex I;
* :data:`PHASE_IN` -- the share of the full CBAM obligation payable each year (one minus the
  "CBAM factor" on free allocation): none in 2025 (Article 32: reporting only), then 2.5%,
  5%, 10%, 22.5%, 48.5%, 61%, 73.5%, 86% and all in 2034, as the European Parliament's
  press release of 18 December 2022 on the agreed ETS reform gives the phase-out of free
  allowances, the CBAM "phased in at the same speed". The adopted text of that schedule,
  Article 10a(1a) of the ETS Directive as inserted by Directive (EU) 2023/959, was not
  reachable here; third-party calculators' code that disagrees from 2030 (48.75%, 71%)
  contradicts the Parliament's figures, and the Commission's 2021 proposal had another
  schedule (ten points a year from 2026).

Each row cites the provision it rests on and says in its ``status`` which primary document
was read: EUR-Lex (the proposal COM(2021) 564 of 14.7.2021, the Commission's 2025 staff
working document, Regulation (EU) 2025/2083 with its recitals, its Article 2 and its
footnote citing Regulation (EU) 2023/956 "of 10 May 2023 ... (OJ L 130, 16.5.2023)"), the
Regulation's own Articles 32 and 36 and Annex I (the EUR-Lex consolidated text of 20.10.2025,
read in a verbatim mirror of the EUR-Lex/CELLAR text), governments' and authorities' own
pages (Finnish Customs, the German economics ministry, the German emissions trading
authority DEHSt), the European Parliament (its Legislative Observatory and press release).
The EUR-Lex page of Regulation (EU) 2023/956 itself is not stored here.

References
----------
.. [1] Regulation (EU) 2023/956 of the European Parliament and of the Council of 10 May 2023
   establishing a carbon border adjustment mechanism. *Official Journal of the European
   Union* L 130, 16.5.2023.
.. [2] Regulation (EU) 2025/2083 of 8 October 2025 amending Regulation (EU) 2023/956 as
   regards simplifying and strengthening the carbon border adjustment mechanism.
.. [3] Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate
   policy. *American Economic Review* 105(4), 1339-1370.

Examples
--------
>>> from multilateral.cases import cbam
>>> cbam.event("transitional_start").date, cbam.event("definitive_start").date
(datetime.date(2023, 10, 1), datetime.date(2026, 1, 1))
>>> [s.sector for s in cbam.SECTORS][:3]
['cement', 'iron and steel', 'aluminium']
>>> cbam.phase_in_share(2034), cbam.phase_in_share(2025)
(Fraction(1, 1), Fraction(0, 1))
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from . import by_name, load_table, parse_fraction

__all__ = ["EVENTS", "PHASE_IN", "SECTORS", "Event", "PhaseIn", "Sector", "event",
           "phase_in_share", "unconfirmed"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class Event:
    """A dated step of the CBAM with its source and how it was confirmed.

    See Also
    --------
    event : looks one up by name.

    Examples
    --------
    >>> from multilateral.cases.cbam import EVENTS
    >>> EVENTS[0].name, EVENTS[0].date.year
    ('proposal', 2021)
    """

    name: str
    date: datetime.date
    description: str
    source: str
    url: str
    status: str

    @property
    def confirmed(self) -> bool:
        """False for facts the table marks ``UNCONFIRMED``."""
        return not self.status.startswith("UNCONFIRMED")


@dataclass(frozen=True)
class Sector:
    """A sector of Annex I of Regulation (EU) 2023/956.

    See Also
    --------
    SECTORS : all six.

    Examples
    --------
    >>> from multilateral.cases.cbam import SECTORS
    >>> len(SECTORS), SECTORS[-1].sector
    (6, 'hydrogen')
    """

    sector: str
    date: str
    source: str
    url: str
    status: str


@dataclass(frozen=True)
class PhaseIn:
    """The share of the full CBAM obligation payable in one year.

    See Also
    --------
    phase_in_share : by year.

    Examples
    --------
    >>> from multilateral.cases.cbam import PHASE_IN
    >>> PHASE_IN[-1].year, PHASE_IN[-1].share, PHASE_IN[-1].confirmed
    (2034, Fraction(1, 1), True)
    """

    year: int
    share: Fraction
    source: str
    url: str
    status: str

    @property
    def confirmed(self) -> bool:
        """False for shares the table marks ``UNCONFIRMED``."""
        return not self.status.startswith("UNCONFIRMED")


def _events() -> tuple[Event, ...]:
    rows = []
    for r in load_table("cbam_events"):
        text = r["date"] if len(r["date"]) == 10 else f"{r['date'][:4]}-01-01"
        rows.append(Event(name=r["event"], date=datetime.date.fromisoformat(text),
                          description=r["description"], source=r["source"], url=r["url"],
                          status=r["status"]))
    return tuple(rows)


def _phase_in() -> tuple[PhaseIn, ...]:
    rows = tuple(PhaseIn(year=int(r["year"]), share=parse_fraction(r["share"], r["year"]),
                         source=r["source"], url=r["url"], status=r["status"])
                 for r in load_table("cbam_phase_in"))
    if any(not 0 <= p.share <= 1 for p in rows) or [p.share for p in rows] != sorted(
            p.share for p in rows):
        raise MalformedFileError("cbam_phase_in: shares must rise from 0 to 1")
    return rows


#: The CBAM's timeline, oldest first (a year-only date, 2034, is read as its 1 January).
EVENTS: tuple[Event, ...] = _events()

#: The six sectors of Annex I.
SECTORS: tuple[Sector, ...] = tuple(
    Sector(sector=r["sector"], date=r["date"], source=r["source"], url=r["url"],
           status=r["status"]) for r in load_table("cbam_sectors"))

#: The share of the full obligation payable each year, 2025 (none) to 2034 (all).
PHASE_IN: tuple[PhaseIn, ...] = _phase_in()


def event(name: str) -> Event:
    """The event called ``name`` (see :data:`EVENTS`).

    Raises
    ------
    InvalidArgumentError
        For an unknown name (the message lists the known ones).

    See Also
    --------
    EVENTS : all of them.

    Examples
    --------
    >>> from multilateral.cases import cbam
    >>> cbam.event("adopted").date
    datetime.date(2023, 5, 10)
    """
    return by_name(EVENTS, name, "CBAM event")


def phase_in_share(year: int) -> Fraction:
    """The share of the full CBAM obligation payable in ``year`` (0 before 2026, 1/40 in
    2026, 1 from 2034; the years between as in :data:`PHASE_IN`).

    See Also
    --------
    PHASE_IN : the table.

    Examples
    --------
    >>> from multilateral.cases import cbam
    >>> cbam.phase_in_share(2020), cbam.phase_in_share(2040)
    (Fraction(0, 1), Fraction(1, 1))
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgumentError(f"year must be an integer, got {year!r}")
    if year <= PHASE_IN[0].year:
        return PHASE_IN[0].share
    if year >= PHASE_IN[-1].year:
        return PHASE_IN[-1].share
    return next(p.share for p in PHASE_IN if p.year == year)


def unconfirmed() -> tuple[str, ...]:
    """What the tables mark as not confirmed, one line each.

    See Also
    --------
    PHASE_IN : where the unconfirmed values are.

    Examples
    --------
    >>> from multilateral.cases import cbam
    >>> cbam.unconfirmed()  # every row is now confirmed on a primary source
    ()
    """
    return tuple([f"event {e.name}" for e in EVENTS if not e.confirmed]
                 + [f"phase-in share {p.year}: {p.share}" for p in PHASE_IN if not p.confirmed])
