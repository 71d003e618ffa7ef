"""Climate: who emits, and the dates of the US-China core and the Paris Agreement.

The minilateral argument in climate politics is arithmetic: a handful of emitters hold most
of the emissions, so an agreement among them covers more than a universal treaty that they
stay out of (Naím 2009; Eckersley 2012). The 12 November 2014 US-China joint announcement,
the two largest emitters' post-2020 targets, was made "to inject momentum" into the
negotiations that produced the Paris Agreement a year later.

Data (all from the shipped tables, one row per fact with its source and date):

* :data:`EMITTERS` -- shares of world fossil CO2 emissions in 2023 from the Global Carbon
  Budget 2024: China 31%, United States 13%, India 8%, EU-27 7% (rounded, as published),
  Russia 4.8% and Japan 2.6% (1.82 and 0.99 GtCO2 of 37.8, the Global Carbon Project's own
  2024 release data), and a **residual** row "rest of world" that is not a
  country (all other countries and international aviation and shipping) so that the shares
  sum to exactly one.
* :data:`GLOBAL` -- the one denominator (:data:`DENOMINATOR`): one year (2023), one unit
  (GtCO2), world fossil CO2 emissions *including* international aviation and shipping and
  *before* the cement carbonation sink, 37.8 GtCO2 (37.0 with the sink plus the 0.78 it
  takes up, in the Global Carbon Project's 2024 release data; 10.3 GtC, 10.1 GtC with the
  sink). The published 31% for China holds on this base and not on the one with the sink.
* :data:`EVENTS` -- dates: the US-China joint announcement, the adoption and entry into
  force of the Paris Agreement (the depositary's record in the UN Treaty Collection), and
  the United States' withdrawals and return (the UN Secretary-General's spokesperson, for the
  depositary); each row's ``status`` says which document was read.

Shares are exact :class:`~fractions.Fraction` values of the published decimals.

References
----------
.. [1] Friedlingstein, P. et al. (2025). Global Carbon Budget 2024. *Earth System Science
   Data* 17, 965-1039. https://doi.org/10.5194/essd-17-965-2025
.. [2] Naím, M. (2009). Minilateralism: the magic number to get real international action.
   *Foreign Policy* (online 18 June 2009).
.. [3] Eckersley, R. (2012). Moving forward in the climate negotiations: multilateralism or
   minilateralism? *Global Environmental Politics* 12(2), 24-42.

Examples
--------
>>> from multilateral.cases import climate
>>> shares = climate.emission_shares()
>>> shares["China"] + shares["United States"]
Fraction(11, 25)
>>> sum(climate.emission_shares(include_residual=True).values())
Fraction(1, 1)
>>> climate.event("paris_adopted").date
datetime.date(2015, 12, 12)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from ..errors import MalformedFileError
from . import by_name, load_table, parse_fraction

__all__ = [
    "DENOMINATOR",
    "EMITTERS",
    "EVENTS",
    "GLOBAL",
    "Emitter",
    "Event",
    "GlobalFigure",
    "emission_shares",
    "event",
    "residual_share",
]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class Emitter:
    """One row of the emissions table.

    Attributes
    ----------
    entity : str
        Country, bloc (``"EU-27"``, counted as one member) or the residual.
    kind : {"country", "bloc", "residual"}
        ``"residual"`` marks the row that is *not* an actor: what the others leave.
    share : Fraction
        Share of global fossil CO2 emissions in the year ``date``.
    emissions_gtco2 : Fraction or None
        Emissions in GtCO2 where the source gives them.
    date, source, url, note, status : str
        Provenance; ``status`` says what was confirmed and how.

    See Also
    --------
    emission_shares : the shares by entity.
    GlobalFigure : the global totals the shares are of.

    Examples
    --------
    >>> from multilateral.cases.climate import EMITTERS
    >>> EMITTERS[0].entity, EMITTERS[0].share
    ('China', Fraction(31, 100))
    """

    entity: str
    kind: str
    share: Fraction
    emissions_gtco2: Fraction | None
    date: str
    source: str
    url: str
    note: str
    status: str

    @property
    def is_residual(self) -> bool:
        """True for the rest-of-world row (a remainder, not a country)."""
        return self.kind == "residual"


@dataclass(frozen=True)
class GlobalFigure:
    """A global total with its unit and provenance.

    See Also
    --------
    Emitter : the entities' shares of these totals.

    Examples
    --------
    >>> from multilateral.cases.climate import GLOBAL
    >>> GLOBAL[0].value, GLOBAL[0].unit, GLOBAL[0].date
    (Fraction(189, 5), 'GtCO2', '2023')
    """

    quantity: str
    value: Fraction
    unit: str
    date: str
    source: str
    url: str
    note: str
    status: str


@dataclass(frozen=True)
class Event:
    """A dated event with its source.

    See Also
    --------
    event : looks one up by name.

    Examples
    --------
    >>> from multilateral.cases.climate import EVENTS
    >>> EVENTS[0].name, EVENTS[0].date.year
    ('us_china_joint_announcement', 2014)
    """

    name: str
    date: datetime.date
    description: str
    source: str
    url: str
    #: how the row was confirmed (the primary document read, or "unconfirmed" and why)
    status: str = ""


def _emitters() -> tuple[Emitter, ...]:
    rows = []
    for row in load_table("climate_emitters"):
        where = f"climate_emitters, {row['entity']}"
        if row["kind"] not in ("country", "bloc", "residual"):
            raise MalformedFileError(f"{where}: unknown kind {row['kind']!r}")
        gt = row["emissions_gtco2"].strip()
        rows.append(Emitter(
            entity=row["entity"], kind=row["kind"], share=parse_fraction(row["share"], where),
            emissions_gtco2=parse_fraction(gt, where) if gt else None, date=row["date"],
            source=row["source"], url=row["url"], note=row["note"], status=row["status"],
        ))
    total = sum(e.share for e in rows)
    if total != 1:
        raise MalformedFileError(f"climate_emitters: shares sum to {total}, not 1")
    return tuple(rows)


def _globals() -> tuple[GlobalFigure, ...]:
    rows = tuple(
        GlobalFigure(quantity=r["quantity"], value=parse_fraction(r["value"], r["quantity"]),
                     unit=r["unit"], date=r["date"], source=r["source"], url=r["url"],
                     note=r["note"], status=r["status"])
        for r in load_table("climate_global")
    )
    # one year, one unit, one denominator: the shares are of a single total
    if len(rows) != 1:
        raise MalformedFileError(
            f"climate_global: expected one row (the shares' denominator), got {len(rows)}")
    return rows


def _events() -> tuple[Event, ...]:
    return tuple(
        Event(name=r["event"], date=datetime.date.fromisoformat(r["date"]),
              description=r["description"], source=r["source"], url=r["url"],
              status=r["status"])
        for r in load_table("climate_events")
    )


#: Shares of global fossil CO2 emissions in 2023 (Global Carbon Budget 2024), largest first,
#: ending with the residual "rest of world" row; the shares sum to exactly one.
EMITTERS: tuple[Emitter, ...] = _emitters()

#: The global total behind the shares (one row: 2023, GtCO2).
GLOBAL: tuple[GlobalFigure, ...] = _globals()

#: The shares' denominator: world fossil CO2 emissions in 2023, including international
#: aviation and shipping, before the cement carbonation sink (37.8 GtCO2).
DENOMINATOR: GlobalFigure = GLOBAL[0]

if any(e.date != DENOMINATOR.date for e in EMITTERS):
    raise MalformedFileError(
        f"climate_emitters: every share must be of the year {DENOMINATOR.date}")

#: Dated events: the US-China core, Paris, and the US exits and return.
EVENTS: tuple[Event, ...] = _events()


def emission_shares(*, include_residual: bool = False) -> dict[str, Fraction]:
    """Emission shares by entity, largest first.

    Parameters
    ----------
    include_residual : bool, default False
        Include the "rest of world (residual)" row. Leave it out when the shares become
        the weights of candidate members: the residual is not an actor that can join (and,
        at 33.6%, it would outrank China). Pass the named shares to
        :class:`~multilateral.models.MagicNumber` with ``others=m`` to spread the
        remainder over ``m`` unnamed states instead.

    See Also
    --------
    residual_share : the rest of the world.
    Emitter : one row, with its source.

    Examples
    --------
    >>> from multilateral.cases.climate import emission_shares
    >>> list(emission_shares().items())[:2]
    [('China', Fraction(31, 100)), ('United States', Fraction(13, 100))]
    """
    return {e.entity: e.share for e in EMITTERS if include_residual or not e.is_residual}


def residual_share() -> Fraction:
    """The share left to the rest of the world (one minus the named emitters).

    See Also
    --------
    emission_shares : the named emitters' shares.

    Examples
    --------
    >>> from multilateral.cases.climate import residual_share
    >>> residual_share()
    Fraction(42, 125)
    """
    return sum((e.share for e in EMITTERS if e.is_residual), Fraction(0))


def event(name: str) -> Event:
    """The event called ``name`` (see :data:`EVENTS` for the names).

    See Also
    --------
    Event : what it returns.

    Examples
    --------
    >>> from multilateral.cases.climate import event
    >>> event("us_china_joint_announcement").date.isoformat()
    '2014-11-12'
    """
    return by_name(EVENTS, name, "climate event")
