"""Alliances and groupings: NATO against the hub-and-spokes, and the G7, G20, Quad and AUKUS.

The United States built a multilateral alliance in Europe and separate bilateral treaties
in East Asia (Cha 2016; Hemmer and Katzenstein 2002). The tables shipped here give the two
structures' membership, and the membership of four clubs of the competitive-multilateralism
debate, one row per fact with its source and date:

* :data:`NATO_MEMBERS` -- the 32 members of NATO with their accession dates: the 12
  founders (signatories of 4 April 1949) to Finland (4 April 2023) and Sweden (7 March
  2024). Germany joined as the Federal Republic (West Germany) on 6 May 1955.
* :data:`HUB_AND_SPOKES` -- the United States' security treaties in East Asia: the
  Philippines (30 August 1951), Australia and New Zealand (ANZUS, 1 September 1951), Japan
  (8 September 1951), South Korea (1 October 1953), the Manila Pact (SEATO: seven partners,
  signed 8 September 1954, in force 19 February 1955, the organization dissolved 30 June
  1977) and the Republic of China (2 December 1954, terminated 1 January 1980). The Manila
  Pact is the hub's one multilateral treaty (``kind == "multilateral"``).
* :data:`GROUPING_MEMBERS` -- the G7 (six founders at Rambouillet, November 1975; Canada
  1976; the European Union a participant, not a member; Russia suspended 24 March 2014),
  the G20 (19 countries and the European Union from 1999; the African Union a member from
  9 September 2023), the Quad (Australia, India, Japan, the United States; May 2007,
  revived 12 November 2017) and AUKUS (15 September 2021).
* :data:`GROUPING_EVENTS` -- dated events of the four groupings.

Dates are ISO 8601 text as precise as the source (``1977``, ``2007-05``, ``2023-09-09``);
:attr:`GroupingMember.start` and friends give the first day of that period for "as of"
queries.

Examples
--------
>>> from multilateral.cases import alliances
>>> len(alliances.nato_members()), len(alliances.nato_members(date="1949-12-31"))
(32, 12)
>>> alliances.nato_members(date="2023-12-31")[-1]
'Finland'
>>> len(alliances.members("g20", kind="country")), alliances.members("g20", kind="bloc")
(19, ('European Union', 'African Union'))
>>> alliances.members("g7", date="1975-12-31")
('France', 'United States', 'United Kingdom', 'Germany', 'Japan', 'Italy')
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from . import load_table

__all__ = [
    "GROUPING_EVENTS",
    "GROUPING_MEMBERS",
    "HUB_AND_SPOKES",
    "NATO_MEMBERS",
    "GroupingEvent",
    "GroupingMember",
    "HubTreaty",
    "NatoMember",
    "grouping_event",
    "groupings",
    "hub_and_spokes",
    "members",
    "nato_founders",
    "nato_members",
]
__dir__ = public_dir(__all__)


def _start(text: str) -> datetime.date:
    """The first day of an ISO 8601 period: ``1977`` -> 1977-01-01, ``1999-09`` -> 1999-09-01."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


def _as_date(date: Any) -> datetime.date | None:
    if date is None:
        return None
    if isinstance(date, datetime.date):
        return date
    if isinstance(date, str):
        try:
            return datetime.date.fromisoformat(date)
        except ValueError:
            pass
    raise InvalidArgumentError(
        f"date must be a datetime.date or an ISO date 'YYYY-MM-DD', got {date!r}")


@dataclass(frozen=True)
class NatoMember:
    """A NATO member and its accession.

    Attributes
    ----------
    member : str
        Country (today's short name; notes give earlier ones).
    date : str
        Date of accession (signature of the treaty for the founders).
    enlargement : str
        ``"founding"`` or the year of the enlargement round.
    founder : bool
        One of the 12 signatories of 4 April 1949.
    note, source, url, status : str
        Provenance; ``status`` says how the date was confirmed (the depositary's or a
        government's record).

    See Also
    --------
    nato_members : the members' names, by date.
    nato_founders : the twelve signatories.

    Examples
    --------
    >>> from multilateral.cases.alliances import NATO_MEMBERS
    >>> first = NATO_MEMBERS[0]
    >>> first.member, first.date, first.founder
    ('Belgium', '1949-04-04', True)
    """

    member: str
    date: str
    enlargement: str
    founder: bool
    note: str
    source: str
    url: str
    status: str

    @property
    def start(self) -> datetime.date:
        """The accession date as a :class:`datetime.date`."""
        return _start(self.date)


@dataclass(frozen=True)
class HubTreaty:
    """One of the United States' bilateral (or trilateral) security treaties in East Asia.

    Attributes
    ----------
    treaty : str
        Its name.
    partners : tuple of str
        The United States' treaty partners.
    kind : {"bilateral", "trilateral", "multilateral"}
        The United States and one partner, two (ANZUS), or more (the Manila Pact, SEATO).
    date : str
        Date of signature.
    in_force, ended : str
        Dates of entry into force and of termination (for SEATO the dissolution of the
        organization), where the source gives them (else empty).
    note, source, url, status : str
        Provenance; ``status`` says what was confirmed and how.

    See Also
    --------
    hub_and_spokes : the treaties in force on a date.
    NatoMember : the multilateral alternative.

    Examples
    --------
    >>> from multilateral.cases.alliances import HUB_AND_SPOKES
    >>> HUB_AND_SPOKES[0].partners, HUB_AND_SPOKES[0].date
    (('Philippines',), '1951-08-30')
    """

    treaty: str
    partners: tuple[str, ...]
    kind: str
    date: str
    in_force: str
    ended: str
    note: str
    source: str
    url: str
    status: str

    @property
    def start(self) -> datetime.date:
        """The signature date as a :class:`datetime.date`."""
        return _start(self.date)

    def active_on(self, date: datetime.date) -> bool:
        """Signed by ``date`` and not yet terminated on it."""
        return self.start <= date and (not self.ended or date < _start(self.ended))


@dataclass(frozen=True)
class GroupingMember:
    """A member of (or participant in) a grouping, with the date its status began.

    Attributes
    ----------
    grouping : str
        ``"g7"``, ``"g20"``, ``"quad"`` or ``"aukus"``.
    member : str
        Country or bloc.
    kind : {"country", "bloc"}
        A bloc is a union of states counted as one participant (the EU, the AU).
    date : str
        When the status began.
    status : {"founder", "member", "participant", "suspended"}
        ``"participant"`` takes part without membership (the EU in the G7);
        ``"suspended"`` is no longer taking part (Russia in the G7/G8 since 2014).
    note, source, url : str
        Provenance.

    See Also
    --------
    members : the members of a grouping on a date.
    GroupingEvent : the grouping's dated events.

    Examples
    --------
    >>> from multilateral.cases.alliances import GROUPING_MEMBERS
    >>> row = GROUPING_MEMBERS[0]
    >>> row.grouping, row.member, row.status
    ('g7', 'France', 'founder')
    """

    grouping: str
    member: str
    kind: str
    date: str
    status: str
    note: str
    source: str
    url: str

    @property
    def start(self) -> datetime.date:
        """The first day of :attr:`date`."""
        return _start(self.date)

    @property
    def is_member(self) -> bool:
        """Founder or member (not a participant, not suspended)."""
        return self.status in ("founder", "member")


@dataclass(frozen=True)
class GroupingEvent:
    """A dated event in a grouping's history.

    See Also
    --------
    grouping_event : looks one up by name.
    GroupingMember : who belongs to the grouping.

    Examples
    --------
    >>> from multilateral.cases.alliances import GROUPING_EVENTS
    >>> GROUPING_EVENTS[0].name, GROUPING_EVENTS[0].date
    ('rambouillet_summit', '1975-11-15')
    """

    grouping: str
    name: str
    date: str
    description: str
    source: str
    url: str
    #: how the row was confirmed (the primary document read, or "unconfirmed" and why)
    status: str = ""

    @property
    def start(self) -> datetime.date:
        """The first day of :attr:`date`."""
        return _start(self.date)


def _nato() -> tuple[NatoMember, ...]:
    rows = []
    for r in load_table("nato_members"):
        if r["founder"] not in ("yes", "no"):
            raise MalformedFileError(f"nato_members, {r['member']}: founder must be yes or no")
        rows.append(NatoMember(member=r["member"], date=r["date"], enlargement=r["enlargement"],
                               founder=r["founder"] == "yes", note=r["note"],
                               source=r["source"], url=r["url"], status=r["status"]))
    return tuple(rows)


_TREATY_KINDS = {"bilateral": 1, "trilateral": 2, "multilateral": None}


def _hub() -> tuple[HubTreaty, ...]:
    rows = []
    for r in load_table("nato_hub_and_spokes"):
        partners = tuple(r["partners"].split(";"))
        # the kind is declared, and must agree with the number of partners
        if r["kind"] not in _TREATY_KINDS or _TREATY_KINDS[r["kind"]] not in (
                len(partners), None) or (r["kind"] == "multilateral" and len(partners) < 3):
            raise MalformedFileError(
                f"nato_hub_and_spokes, {r['treaty']}: kind {r['kind']!r} does not fit "
                f"{len(partners)} partner(s); expected bilateral (1), trilateral (2) or "
                "multilateral (3 or more)")
        rows.append(HubTreaty(
            treaty=r["treaty"], partners=partners, kind=r["kind"], date=r["date"],
            in_force=r["in_force"], ended=r["ended"], note=r["note"], source=r["source"],
            url=r["url"], status=r["status"]))
    return tuple(rows)


_STATUSES = ("founder", "member", "participant", "suspended")


def _grouping_members() -> tuple[GroupingMember, ...]:
    rows = []
    for r in load_table("groupings_members"):
        where = f"groupings_members, {r['grouping']} {r['member']}"
        if r["kind"] not in ("country", "bloc"):
            raise MalformedFileError(f"{where}: unknown kind {r['kind']!r}")
        if r["status"] not in _STATUSES:
            raise MalformedFileError(f"{where}: unknown status {r['status']!r}")
        rows.append(GroupingMember(**{k: r[k] for k in (
            "grouping", "member", "kind", "date", "status", "note", "source", "url")}))
    return tuple(rows)


def _grouping_events() -> tuple[GroupingEvent, ...]:
    return tuple(
        GroupingEvent(grouping=r["grouping"], name=r["event"], date=r["date"],
                      description=r["description"], source=r["source"], url=r["url"],
                      status=r["status"])
        for r in load_table("groupings_events")
    )


#: NATO's members in order of accession, the 12 founders first.
NATO_MEMBERS: tuple[NatoMember, ...] = _nato()

#: The United States' security treaties in East Asia (the hub-and-spokes), by signature.
HUB_AND_SPOKES: tuple[HubTreaty, ...] = _hub()

#: Members of, participants in and suspended members of the G7, G20, Quad and AUKUS.
GROUPING_MEMBERS: tuple[GroupingMember, ...] = _grouping_members()

#: Dated events of the four groupings.
GROUPING_EVENTS: tuple[GroupingEvent, ...] = _grouping_events()


def nato_members(date: datetime.date | str | None = None) -> tuple[str, ...]:
    """NATO's members in order of accession, all of them or those that had joined by ``date``.

    Parameters
    ----------
    date : datetime.date or str, optional
        A day (``"2023-12-31"``); default: every member in the table.

    See Also
    --------
    nato_founders : the signatories of 1949.
    NatoMember : one member's accession.
    hub_and_spokes : the bilateral alternative in East Asia.

    Examples
    --------
    >>> from multilateral.cases.alliances import nato_members
    >>> len(nato_members()), len(nato_members(date="1990-01-01"))
    (32, 16)
    """
    day = _as_date(date)
    return tuple(m.member for m in NATO_MEMBERS if day is None or m.start <= day)


def nato_founders() -> tuple[str, ...]:
    """The 12 signatories of the North Atlantic Treaty, 4 April 1949.

    See Also
    --------
    nato_members : every member, or the members on a date.

    Examples
    --------
    >>> from multilateral.cases.alliances import nato_founders
    >>> len(nato_founders()), nato_founders()[0]
    (12, 'Belgium')
    """
    return tuple(m.member for m in NATO_MEMBERS if m.founder)


def hub_and_spokes(date: datetime.date | str | None = None) -> tuple[HubTreaty, ...]:
    """The hub-and-spokes treaties, all or those signed and not terminated on ``date``.

    Parameters
    ----------
    date : datetime.date or str, optional
        A day (``"1985-01-01"``); default: every treaty in the table.

    See Also
    --------
    HubTreaty : one treaty.
    nato_members : the multilateral alliance on the same date.

    Examples
    --------
    >>> from multilateral.cases import alliances
    >>> [t.partners for t in alliances.hub_and_spokes(date="1960-01-01")][-1]
    ('Republic of China (Taiwan)',)
    >>> len(alliances.hub_and_spokes(date="1985-01-01"))
    4
    """
    day = _as_date(date)
    return tuple(t for t in HUB_AND_SPOKES if day is None or t.active_on(day))


def groupings() -> tuple[str, ...]:
    """The groupings in :data:`GROUPING_MEMBERS`, in table order.

    See Also
    --------
    members : the members of one of them.
    grouping_event : their dated events.

    Examples
    --------
    >>> from multilateral.cases.alliances import groupings
    >>> groupings()
    ('g7', 'g20', 'quad', 'aukus')
    """
    return tuple(dict.fromkeys(m.grouping for m in GROUPING_MEMBERS))


def _check_grouping(grouping: Any) -> str:
    if grouping not in groupings():
        raise InvalidArgumentError(
            f"no grouping named {grouping!r}; available: {', '.join(groupings())}")
    return str(grouping)


def members(grouping: str, *, date: datetime.date | str | None = None,
            kind: str | None = None) -> tuple[str, ...]:
    """The members of ``grouping`` (founders and later members), in table order.

    Participants that are not members (the EU in the G7) and suspended members (Russia in
    the G7) are left out.

    Parameters
    ----------
    grouping : str
        One of :func:`groupings`.
    date : datetime.date or str, optional
        Only those whose membership had begun by that day (the first day of a period given
        as a year or a month counts).
    kind : {"country", "bloc"}, optional
        Only countries or only blocs.

    See Also
    --------
    groupings : the groupings' names.
    GroupingMember : the rows it reads.

    Examples
    --------
    >>> from multilateral.cases.alliances import members
    >>> members("g7")[:3]
    ('France', 'United States', 'United Kingdom')
    """
    _check_grouping(grouping)
    if kind not in (None, "country", "bloc"):
        raise InvalidArgumentError(f"kind must be 'country', 'bloc' or None, got {kind!r}")
    day = _as_date(date)
    return tuple(
        m.member for m in GROUPING_MEMBERS
        if m.grouping == grouping and m.is_member and (kind is None or m.kind == kind)
        and (day is None or m.start <= day)
    )


def grouping_event(grouping: str, name: str) -> GroupingEvent:
    """The event ``name`` of ``grouping`` (see :data:`GROUPING_EVENTS` for the names).

    See Also
    --------
    GroupingEvent : what it returns.
    groupings, members : the groupings and their members.

    Examples
    --------
    >>> from multilateral.cases import alliances
    >>> alliances.grouping_event("quad", "first_leaders_summit").date
    '2021-03-12'
    """
    _check_grouping(grouping)
    for e in GROUPING_EVENTS:
        if e.grouping == grouping and e.name == name:
            return e
    names = ", ".join(e.name for e in GROUPING_EVENTS if e.grouping == grouping)
    raise InvalidArgumentError(f"no {grouping} event named {name!r}; available: {names}")
