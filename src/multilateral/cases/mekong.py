"""The rival Mekong fora: the Lancang-Mekong Cooperation and the Mekong-U.S. Partnership.

Two clubs sponsored by rival powers court the same five riparian states. China's
Lancang-Mekong Cooperation (LMC) was launched at the first foreign ministers' meeting in
Jinghong on 12 November 2015 and declared at the first leaders' meeting in Sanya on 23 March
2016 (the Sanya Declaration: Cambodia, China, Laos, Myanmar, Thailand, Viet Nam). The United
States' Mekong-U.S. Partnership (MUSP) was launched on 11 September 2020 with the same five
(the ASEAN Secretary-General attending as a guest), succeeding the Lower Mekong Initiative
(LMI) of 23 July 2009 (Phuket: Cambodia, Laos, Thailand, Vietnam; Myanmar welcomed as its
sixth member at the Phnom Penh ministerial of 13 July 2012).

Every one of the five riparian states belongs to both rival fora: in the terms of
:class:`~multilateral.models.RivalClubs` they *hedge* (Kuik 2008), as the model predicts when
neither club bars dual members and dual membership is cheap. :func:`rival_clubs` builds the
membership game for the seven states from values you supply (no values are shipped: none are
published).

Data: ``mekong_members.csv`` (forum, member, role, date, note, source, url, status) and
``mekong_events.csv`` (forum, event, date, description, source, url, status).

References
----------
.. [1] Sanya Declaration of the First Lancang-Mekong Cooperation Leaders' Meeting, 23 March
   2016 (Xinhua full text, 23 March 2016). Press release on the first Lancang-Mekong
   foreign ministers' meeting, Jinghong, 12 November 2015 (PRC Ministry of Foreign Affairs).
.. [2] Mekong-U.S. Partnership Joint Ministerial Statement (U.S. Department of State media
   note, 15 September 2020), on the first ministerial meeting of 11 September 2020.
.. [3] Joint Press Statement of the U.S.-Lower Mekong Ministerial Meeting, Phuket, 23 July
   2009; joint statement of the 5th Lower Mekong Initiative Ministerial Meeting, Phnom Penh,
   13 July 2012 (Myanmar the sixth member). Both reposted by the Mekong-U.S. Partnership.
.. [4] Kuik, C.-C. (2008). The essence of hedging. *Contemporary Southeast Asia* 30(2),
   159-185 (p. 159).

Examples
--------
>>> from multilateral.cases import mekong
>>> mekong.members("lmc")
('China', 'Cambodia', 'Laos', 'Myanmar', 'Thailand', 'Vietnam')
>>> mekong.dual_members()
('Cambodia', 'Laos', 'Myanmar', 'Thailand', 'Vietnam')
>>> mekong.founded("musp"), mekong.event("sanya_leaders_meeting").date
('2020-09-11', '2016-03-23')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from ..models.club_exclusivity import ClubExclusivity
from ..models.rival_clubs import RivalClubs
from . import by_name, load_table

__all__ = ["FORUMS", "MEKONG_EVENTS", "MEKONG_MEMBERS", "RIPARIAN", "MekongEvent", "MekongMember",
           "club_exclusivity", "dual_members", "event", "founded", "members", "profile",
           "rival_clubs"]
__dir__ = public_dir(__all__)

#: The fora by code: the two rivals and the MUSP's predecessor on the U.S. side (the LMI).
FORUMS: dict[str, str] = {
    "lmc": "Lancang-Mekong Cooperation",
    "musp": "Mekong-U.S. Partnership",
    "lmi": "Lower Mekong Initiative",
}


@dataclass(frozen=True)
class MekongMember:
    """One state's membership of one forum, with its source.

    ``status`` says on which primary source the row was confirmed, or why it was not
    (issue 17).

    See Also
    --------
    MEKONG_MEMBERS : every row.
    members : the members of one forum.
    """

    forum: str
    member: str
    role: str
    date: str
    note: str
    source: str
    url: str
    status: str = ""


@dataclass(frozen=True)
class MekongEvent:
    """A dated event of one forum, with its source.

    ``status`` says on which primary source the row was confirmed, or why it was not
    (issue 17).

    See Also
    --------
    MEKONG_EVENTS : every row.
    event : one event by name.
    """

    forum: str
    name: str
    date: str
    description: str
    source: str
    url: str
    status: str = ""


def _members() -> tuple[MekongMember, ...]:
    rows = []
    for r in load_table("mekong_members"):
        if r["forum"] not in FORUMS or r["role"] not in ("sponsor", "member"):
            raise MalformedFileError(f"mekong_members: bad row {r['forum']} {r['member']}")
        rows.append(MekongMember(**{k: r[k] for k in (
            "forum", "member", "role", "date", "note", "source", "url", "status")}))
    return tuple(rows)


#: Every membership row (LMC, MUSP, LMI).
MEKONG_MEMBERS: tuple[MekongMember, ...] = _members()

#: The fora's dated events.
MEKONG_EVENTS: tuple[MekongEvent, ...] = tuple(
    MekongEvent(forum=r["forum"], name=r["event"], date=r["date"],
                description=r["description"], source=r["source"], url=r["url"],
                status=r["status"])
    for r in load_table("mekong_events"))


def _forum(forum: str) -> str:
    if forum not in FORUMS:
        raise InvalidArgumentError(f"unknown forum {forum!r}; the fora are {', '.join(FORUMS)}")
    return forum


def members(forum: str) -> tuple[str, ...]:
    """The members of one forum (sponsor first), in table order.

    See Also
    --------
    dual_members : the states in both rival fora.

    Examples
    --------
    >>> from multilateral.cases.mekong import members
    >>> members("musp")
    ('United States', 'Cambodia', 'Laos', 'Myanmar', 'Thailand', 'Vietnam')
    """
    forum = _forum(forum)
    return tuple(m.member for m in MEKONG_MEMBERS if m.forum == forum)


def founded(forum: str) -> str:
    """The founding date of one forum (ISO 8601, the earliest membership date).

    See Also
    --------
    event : the fora's other dated events.

    Examples
    --------
    >>> from multilateral.cases.mekong import founded
    >>> founded("lmc"), founded("lmi")
    ('2015-11-12', '2009-07-23')
    """
    forum = _forum(forum)
    return min(m.date for m in MEKONG_MEMBERS if m.forum == forum)


def event(name: str) -> MekongEvent:
    """One event by name.

    See Also
    --------
    founded : a forum's founding date.

    Examples
    --------
    >>> from multilateral.cases.mekong import event
    >>> event("launch").forum
    'musp'
    """
    return by_name(MEKONG_EVENTS, name, "Mekong event")


def dual_members(first: str = "lmc", second: str = "musp") -> tuple[str, ...]:
    """The states that belong to both fora (the hedgers), in the first forum's order.

    See Also
    --------
    members : one forum's members.
    profile : the same membership coded for :class:`~multilateral.models.RivalClubs`.

    Examples
    --------
    >>> from multilateral.cases.mekong import dual_members
    >>> len(dual_members())
    5
    """
    other = set(members(second))
    return tuple(m for m in members(first) if m in other)


#: The seven states of the rival fora, the two sponsors first.
_STATES = ("China", "United States", "Cambodia", "Laos", "Myanmar", "Thailand", "Vietnam")

#: The five riparian states courted by both fora (the sponsors are China and the United States).
RIPARIAN: tuple[str, ...] = _STATES[2:]


def profile() -> tuple[int, ...]:
    """The observed membership profile of the seven states in the LMC (club ``A``) and the
    MUSP (club ``B``), coded as in :class:`~multilateral.models.RivalClubs` (3: both), in the
    order China, United States, Cambodia, Laos, Myanmar, Thailand, Vietnam.

    See Also
    --------
    rival_clubs : the game the profile is checked in.

    Examples
    --------
    >>> from multilateral.cases.mekong import profile
    >>> profile()
    (1, 2, 3, 3, 3, 3, 3)
    """
    lmc, musp = set(members("lmc")), set(members("musp"))
    return tuple(int(s in lmc) + 2 * int(s in musp) for s in _STATES)


def rival_clubs(club_values: Any, **kwargs: Any) -> RivalClubs:
    """The LMC (``A``) against the MUSP (``B``) as a :class:`~multilateral.models.RivalClubs`
    over the seven states (China, United States, then the five riparian states).

    Parameters
    ----------
    club_values : array_like, shape (7, 2)
        Each state's value of each forum's good: illustrative, none are published.
    **kwargs
        ``facility_cost``, ``congestion``, ``hedging_cost``, ``exclusive``.

    See Also
    --------
    profile : the observed membership.

    Examples
    --------
    >>> from multilateral.cases import mekong
    >>> vals = [[10, 0], [0, 10]] + [[4, 3]] * 5     # sponsors value only their own forum
    >>> game = mekong.rival_clubs(vals, facility_cost=[6, 6])
    >>> game.is_equilibrium(mekong.profile())
    True
    >>> game.with_(exclusive=True).equilibrium()
    (1, 2, 1, 1, 1, 1, 1)
    """
    return RivalClubs(club_values, labels=_STATES, **kwargs)


def club_exclusivity(club_values: Any, **kwargs: Any) -> ClubExclusivity:
    """The sponsors' choice of rules: China's LMC (``A``) against the United States' MUSP
    (``B``), the five riparian states (:data:`RIPARIAN`) sorting, as a
    :class:`~multilateral.models.ClubExclusivity`.

    Both fora are in fact open: all five riparian states belong to both
    (:func:`dual_members`). In the model that is the outcome when both sponsors choose open
    rules and dual membership is cheap. Neither the states' values nor the sponsors'
    (``member_value``, ``loyalty``, ``exclusion_cost``) are observed; *given* values for the
    rest (illustrative: none are published), the observation bounds a sponsor's loyalty:
    open rules on both sides are a rule-stage equilibrium iff neither sponsor's value of
    exclusivity is positive, for a sponsor whose exclusivity gains members of its forum alone
    iff its loyalty is at most its
    :meth:`~multilateral.models.ClubExclusivity.loyalty_threshold`. The bound is the model's
    under those values, not an estimate.

    Parameters
    ----------
    club_values : array_like, shape (5, 2)
        Each riparian state's value of each forum's good: illustrative, none are published.
    **kwargs
        ``facility_cost``, ``congestion``, ``hedging_cost``, ``fee``, ``member_value``,
        ``loyalty``, ``exclusion_cost``.

    See Also
    --------
    rival_clubs : the sorting game with the sponsors as members.

    Examples
    --------
    >>> from multilateral.cases import mekong
    >>> game = mekong.club_exclusivity([[4, 3]] * 5, facility_cost=[6, 6])
    >>> game.selected_sortings(("open", "open"))
    ((3, 3, 3, 3, 3),)
    """
    return ClubExclusivity(club_values, labels=RIPARIAN, **kwargs)
