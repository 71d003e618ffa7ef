"""The AIIB (2015) after the delayed 2010 IMF quota reform: layering when the rules block.

On 15 December 2010 the IMF's Board of Governors approved a quota reform that would raise
China's quota share from 3.996% to 6.394%. It needed acceptance by members with 85% of the
total voting power, so the United States, holding more than 15% of the votes, could hold it
up alone (Congressional Research Service, *IMF Reforms: Issues for Congress*, R42844, 12
December 2012: 'the support of the United States, as the largest shareholder at the
institution, is necessary'; the shipped :mod:`multilateral.cases.imf` data are the IMF's
table of 2 October 2022, after the reform, where it still holds 16.50%; its share during
2010-2015 is not shipped).
The U.S. Congress approved it only on 18 December 2015 and the reform took effect on 26
January 2016. Meanwhile China proposed (October 2013) and built the Asian Infrastructure
Investment Bank: its Articles were signed on 29 June 2015 and entered into force on 25
December 2015, with China holding 26.06% of the votes, above the quarter that blocks a
Super Majority (three-fourths of the total voting power and two-thirds of the Governors).

In :class:`~multilateral.models.OutsideOptions` terms (:func:`renegotiation`): China's
``influence`` is its pre-reform quota share, its ``power`` at least the share the
membership itself agreed in 2010, the ``flexibility`` zero while the reform was blocked,
and the AIIB a *layered* body covering part of the policy area (infrastructure lending,
which Lipscy counts as competitive, in Ikenberry's summary of the book, *Foreign Affairs*,
16 October 2017). The outside cost, network value and scope are not
data: :func:`renegotiation` takes them as assumptions, and the gallery example sweeps them.

Data (shipped tables, one row per fact with source and date):

* :data:`EVENTS` -- the timeline, from the 2010 approval to the reform's entry into force.
* :data:`SHARES` -- China's IMF quota shares before and after the reform, and the AIIB's
  founding vote and capital shares, and the Super Majority's three-fourths of the voting
  power (the Bank's own description of its Articles, in its Form 18-K filing of 2020).

References
----------
.. [1] IMF (2015). Press Release No. 15/573, 18 December 2015.
.. [2] AIIB (2015). AIIB's Charter Enters into Force On 25 December 2015.
.. [3] Lipscy, P. Y. (2017). *Renegotiating the World Order*. Cambridge University Press.

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.cases import aiib
>>> aiib.event("aiib_in_force").date, aiib.event("imf_reform_effective").date
('2015-12-25', '2016-01-26')
>>> aiib.share("AIIB", "China", "votes")
Fraction(1303, 5000)
>>> aiib.imf_veto_holders(), aiib.aiib_veto_holders()
(('United States',), ('China',))
>>> m = aiib.renegotiation(outside_cost=Fraction(1, 100), network=Fraction(1, 50))
>>> m.equilibrium().outcome, m.with_(flexibility=1).equilibrium().outcome
('layering', 'redistribution')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from ..models.outside_options import OutsideOptions
from ..types import Number
from . import by_name, imf, load_table, parse_fraction

__all__ = [
    "EVENTS",
    "SHARES",
    "Event",
    "Share",
    "aiib_veto_holders",
    "event",
    "imf_veto_holders",
    "renegotiation",
    "share",
]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class Event:
    """One dated event of the case.

    ``status`` says on which primary source the row was confirmed, or why it was not
    (issue 17).

    See Also
    --------
    event : looks one up by name.

    Examples
    --------
    >>> from multilateral.cases.aiib import EVENTS
    >>> EVENTS[0].name, EVENTS[0].date
    ('imf_reform_approved', '2010-12-15')
    """

    name: str
    date: str
    source: str
    url: str
    note: str
    status: str = ""


@dataclass(frozen=True)
class Share:
    """A member's share in an institution by one measure (quota, votes, capital).

    ``status`` says on which primary source the row was confirmed, or why it was not
    (issue 17).

    See Also
    --------
    share : looks one up.

    Examples
    --------
    >>> from multilateral.cases.aiib import SHARES
    >>> SHARES[0].institution, SHARES[0].measure, SHARES[0].share
    ('IMF', 'quota_before_2010_reform', Fraction(999, 25000))
    """

    institution: str
    member: str
    measure: str
    share: Fraction
    date: str
    source: str
    url: str
    note: str
    status: str = ""


def _events() -> tuple[Event, ...]:
    rows = load_table("aiib_events")
    out = tuple(Event(r["event"], r["date"], r["source"], r["url"], r["note"], r["status"])
                for r in rows)
    dates = [e.date for e in out]
    if dates != sorted(dates):
        raise MalformedFileError("aiib_events: the events are not in date order")
    return out


def _shares() -> tuple[Share, ...]:
    out = []
    for r in load_table("aiib_shares"):
        where = f"aiib_shares, {r['institution']} {r['member']} {r['measure']}"
        value = parse_fraction(r["share"], where)
        if not 0 < value < 1:
            raise MalformedFileError(f"{where}: share {value} is not in (0, 1)")
        out.append(Share(r["institution"], r["member"], r["measure"], value, r["date"],
                         r["source"], r["url"], r["note"], r["status"]))
    return tuple(out)


#: The case's timeline, in date order.
EVENTS: tuple[Event, ...] = _events()
#: Shares of China (and the AIIB's next largest members) by institution and measure.
SHARES: tuple[Share, ...] = _shares()


def event(name: str) -> Event:
    """The event called ``name`` (one of the ``name`` fields of :data:`EVENTS`).

    Raises
    ------
    InvalidArgumentError
        For an unknown name; the message lists the known ones.

    See Also
    --------
    EVENTS : all of them.

    Examples
    --------
    >>> from multilateral.cases import aiib
    >>> aiib.event("imf_us_congress").date
    '2015-12-18'
    """
    return by_name(EVENTS, name, "AIIB case event")


def share(institution: str, member: str, measure: str) -> Fraction:
    """A shipped share, exactly (e.g. ``share("IMF", "China", "quota_after_2010_reform")``).

    Raises
    ------
    InvalidArgumentError
        If no row matches; the message lists the rows there are.

    See Also
    --------
    SHARES : all of them.

    Examples
    --------
    >>> from multilateral.cases import aiib
    >>> aiib.share("IMF", "China", "quota_after_2010_reform")
    Fraction(3197, 50000)
    """
    for s in SHARES:
        if (s.institution, s.member, s.measure) == (institution, member, measure):
            return s.share
    known = "; ".join(f"{s.institution} {s.member} {s.measure}" for s in SHARES)
    raise InvalidArgumentError(
        f"no AIIB case share for {institution!r}, {member!r}, {measure!r}; known: {known}")


def imf_veto_holders() -> tuple[str, ...]:
    """The IMF members that alone block an 85% decision such as a quota reform.

    From the shipped :mod:`multilateral.cases.imf` vote shares and rule (a member blocks
    when its share exceeds 15%). Those shares are of October 2022, after the 2010 reform took effect
    (January 2016), not the 2010-2015 shares under which the reform was held up; that the
    United States held the same veto then rests on the CRS report cited in the module
    docstring, not on these data.

    See Also
    --------
    multilateral.cases.imf.blocking_members : the same for any majority.

    Examples
    --------
    >>> from multilateral.cases import aiib
    >>> aiib.imf_veto_holders()
    ('United States',)
    """
    return imf.blocking_members(imf.rule("special_majority_85").value)


def aiib_veto_holders() -> tuple[str, ...]:
    """The listed AIIB founders whose founding vote share blocks a supermajority decision.

    A member blocks when its share exceeds one minus the Super Majority's three-fourths of
    the total voting power (the Bank's Form 18-K, 2020); of the listed founders only China
    (26.06%) does. (The Super Majority also needs two-thirds of the Governors, a head count
    that vote shares do not decide.)

    See Also
    --------
    imf_veto_holders : the IMF's.

    Examples
    --------
    >>> from multilateral.cases import aiib
    >>> aiib.aiib_veto_holders()
    ('China',)
    """
    quota = share("AIIB", "all", "supermajority")
    return tuple(s.member for s in SHARES if s.institution == "AIIB" and s.measure == "votes"
                 and s.share > 1 - quota)


def renegotiation(outside_cost: Number, *, network: Number = 0,
                  scope: Number = Fraction(1, 2), flexibility: Number = 0) -> OutsideOptions:
    """China's renegotiation of its IMF share as an :class:`OutsideOptions` model.

    ``influence`` is China's quota share before the 2010 reform (3.996%), ``power`` the
    share the 2010 reform agreed (6.394%, a lower bound on what its weight commands);
    ``flexibility`` 0 is the reform blocked by the U.S. veto (2010-2015), ``flexibility``
    ``power - influence`` or more the reform in force (January 2016). The other parameters
    are assumptions, not data. The model's concession is only what China's threat commands
    (with a positive outside cost, less than ``power - influence``), so it does not
    reproduce the 6.394% the reform actually granted: the case illustrates the outcomes'
    order (layering while blocked, redistribution once open), not the reform's size.

    Parameters
    ----------
    outside_cost, network, scope, flexibility : number
        As in :class:`~multilateral.models.OutsideOptions`.

    See Also
    --------
    multilateral.models.OutsideOptions : the model.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.cases import aiib
    >>> m = aiib.renegotiation(outside_cost=Fraction(1, 100))
    >>> m.influence, m.power
    (Fraction(999, 25000), Fraction(3197, 50000))
    >>> m.with_(flexibility=1).equilibrium().outcome
    'redistribution'
    """
    return OutsideOptions(
        power=share("IMF", "China", "quota_after_2010_reform"),
        influence=share("IMF", "China", "quota_before_2010_reform"),
        outside_cost=outside_cost, network=network, scope=scope, flexibility=flexibility)
