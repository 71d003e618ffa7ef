"""Interstate crises and their third parties: talks, arbitration, mediation, 1965-2018.

One row per dated event of a crisis: who the parties were, how the crisis was managed
(``mode``: direct talks, arbitration, mediation, a Security Council demand, or none), the
third party, what came of it (``outcome``), the instrument, and a primary source (treaty
text, Security Council resolution, arbitral award in the UN *Reports of International
Arbitral Awards* (RIAA) with its volume, parliamentary record, official joint statement).
Each row says in ``status`` whether its facts were confirmed here from the source
(``confirmed``), only in part (``partly_confirmed``: the ``note`` says which part not), or
not at all (``unconfirmed``). No UN Treaty Series volume is given that was not seen.

The sequences:

* **Beagle Channel** (Argentina, Chile): arbitration by the British Crown (compromis 22 July
  1971, award 18 February 1977, RIAA vol. XXI, pp. 53-264), *declared null* by Argentina on
  25 January 1978; papal mediation from the Act of Montevideo (8 January 1979) to the Treaty
  of Peace and Friendship (29 November 1984). An arbitration that failed, a mediation that
  succeeded.
* **Rann of Kutch** (India, Pakistan): British good offices to the agreement of 30 June
  1965, an award of 19 February 1968 (RIAA vol. XVII) accepted.
* **1965 war** (India, Pakistan): Security Council resolution 211 (20 September 1965), then
  Soviet mediation to the Tashkent Declaration (10 January 1966).
* **Egypt and Israel**: U.S. mediation at Camp David (17 September 1978) and the Treaty of
  Peace (26 March 1979); the Taba arbitration (compromis 11 September 1986, award 29
  September 1988) implemented.
* **Iran and the United States**: Algerian mediation to the Algiers Accords (19 January 1981).
* **Ecuador and Peru**: the Rio Protocol guarantors from the Itamaraty Declaration (17
  February 1995) to the Brasilia Presidential Act (26 October 1998).
* **Eritrea and Ethiopia**: the Boundary Commission's decision (13 April 2002, RIAA vol. XXV)
  not implemented until the Asmara declaration of 9 July 2018 (direct talks).
* **Kargil** (India, Pakistan): the Clinton-Sharif joint statement of 4 July 1999 (coded
  mediation, a disputed coding: see its note).
* **Six-Day War** (5 June 1967): no third-party management before the war; the preemption
  case for :class:`~multilateral.models.PreemptiveWar`.

**What the rows are for.** They illustrate the mechanisms of
:class:`~multilateral.models.OptimalMediation`; they are not a test of it. Crises reach
mediation or arbitration by the parties' choice (selection): mediators take cases that are
ripe, arbitration needs a compromis both sides sign, and the rows were chosen because they
are well documented. No parameter of the model (the prior probability of a strong type,
the cost of war) is measured here. :func:`unenforced_award_refusal` says what the model
implies for an award that is *not* enforced (the Beagle sequence): see its docstring.

Data: ``crises.csv`` (crisis, event, date, parties, mode, third_party, outcome, instrument,
source, url, status, note).

References
----------
.. [1] UN *Reports of International Arbitral Awards*, vol. XVII (Rann of Kutch, pp. 1-576),
   vol. XXI (Beagle Channel, pp. 53-264), vol. XXV (Eritrea-Ethiopia, pp. 83-195), vol. XXVI
   (pp. 771-799); UN Security Council resolutions 211 (1965) and 233 (1967); the treaties,
   declarations and joint statements of each row's ``source``.
.. [2] Hörner, J., Morelli, M. and Squintani, F. (2015). Mediation and peace. *Review of
   Economic Studies* 82(4), 1483-1501 (p. 1483, the abstract).

Examples
--------
>>> from multilateral.cases import crises
>>> [e.outcome for e in crises.episode("beagle")]
['referred', 'award', 'award_rejected', 'referred', 'proposal', 'settled']
>>> crises.event("beagle_nullity").date.isoformat()
'1978-01-25'
>>> sorted(crises.by_mode())
['arbitration', 'council', 'direct_talks', 'mediation', 'none']
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from .._numeric import is_exact
from ..errors import InvalidArgumentError, InvalidTypeError, MalformedFileError
from ..models.optimal_mediation import OptimalMediation
from ..types import Number
from . import by_name, load_table

__all__ = ["CRISES", "EVENTS", "MODES", "OUTCOMES", "STATUSES", "CrisisEvent", "by_mode",
           "episode", "event", "unenforced_award_refusal"]
__dir__ = public_dir(__all__)

#: The crises by code.
CRISES: dict[str, str] = {
    "beagle": "Beagle Channel (Argentina, Chile)",
    "kutch": "Rann of Kutch (India, Pakistan)",
    "kashmir_1965": "India-Pakistan war of 1965",
    "egypt_israel": "Egypt and Israel: Camp David, the Treaty of Peace and Taba",
    "iran_us_hostages": "Iran and the United States: the hostage crisis",
    "ecuador_peru": "Ecuador and Peru: the Cenepa war and the guarantors",
    "eritrea_ethiopia": "Eritrea and Ethiopia: the Boundary Commission",
    "kargil": "Kargil (India, Pakistan)",
    "six_day_war": "The Six-Day War",
}

#: How a row's event was managed: ``council`` is a demand of the UN Security Council
#: (neither arbitration nor mediation: the model has no counterpart), ``none`` no third party.
MODES: tuple[str, ...] = ("direct_talks", "arbitration", "mediation", "council", "none")

#: What came of a row's event. ``referred``: the parties agreed to arbitration or
#: mediation; ``agreement``: a crisis ended without settling the dispute; ``settled``: the
#: dispute settled; ``proposal``: a mediator's proposal; ``award``: an arbitral decision;
#: ``award_accepted`` / ``award_rejected`` / ``award_unimplemented``: what became of it.
OUTCOMES: tuple[str, ...] = ("referred", "ceasefire", "agreement", "settled", "proposal",
                             "award", "award_accepted", "award_rejected",
                             "award_unimplemented", "war")

#: How much of a row was confirmed here from its source.
STATUSES: tuple[str, ...] = ("confirmed", "partly_confirmed", "unconfirmed")


@dataclass(frozen=True)
class CrisisEvent:
    """One dated event of a crisis, with its third party, outcome and primary source.

    Attributes
    ----------
    crisis : str
        One of :data:`CRISES`.
    name : str
        The event's unique name (for :func:`event`).
    date : datetime.date
    parties : tuple of str
    mode : str
        One of :data:`MODES`.
    third_party : str
        Empty for ``direct_talks`` and ``none``.
    outcome : str
        One of :data:`OUTCOMES`.
    instrument, source, url : str
        The document, where it is printed (volume and pages where known), a link.
    status : str
        One of :data:`STATUSES`; ``note`` says what was not confirmed.
    note : str

    See Also
    --------
    EVENTS : every row.
    event : one row by name.

    Examples
    --------
    >>> from multilateral.cases.crises import event
    >>> row = event("kutch_award")
    >>> row.mode, row.outcome, row.parties
    ('arbitration', 'award_accepted', ('India', 'Pakistan'))
    """

    crisis: str
    name: str
    date: datetime.date
    parties: tuple[str, ...]
    mode: str
    third_party: str
    outcome: str
    instrument: str
    source: str
    url: str
    status: str
    note: str


def _events() -> tuple[CrisisEvent, ...]:
    out = []
    for k, r in enumerate(load_table("crises")):
        where = f"crises row {k + 1} ({r['event']})"
        for column, allowed in (("crisis", tuple(CRISES)), ("mode", MODES),
                                ("outcome", OUTCOMES), ("status", STATUSES)):
            if r[column] not in allowed:
                raise MalformedFileError(f"{where}: {column} {r[column]!r} is not one of "
                                         f"{', '.join(allowed)}")
        try:
            day = datetime.date.fromisoformat(r["date"])
        except ValueError:
            raise MalformedFileError(f"{where}: date {r['date']!r} is not a full ISO "
                                     "date (YYYY-MM-DD)") from None
        parties = tuple(p.strip() for p in r["parties"].split(";") if p.strip())
        if len(parties) < 2:
            raise MalformedFileError(f"{where}: a crisis needs at least two parties")
        if bool(r["third_party"]) != (r["mode"] not in ("direct_talks", "none")):
            raise MalformedFileError(f"{where}: a third party is named iff the mode has one")
        out.append(CrisisEvent(
            crisis=r["crisis"], name=r["event"], date=day, parties=parties, mode=r["mode"],
            third_party=r["third_party"], outcome=r["outcome"], instrument=r["instrument"],
            source=r["source"], url=r["url"], status=r["status"], note=r["note"]))
    return tuple(out)


#: Every row, in file order (each crisis in date order).
EVENTS: tuple[CrisisEvent, ...] = _events()


def event(name: str) -> CrisisEvent:
    """One row by its name.

    Raises
    ------
    InvalidArgumentError
        An unknown name (the message lists the known ones).

    See Also
    --------
    episode : every row of one crisis.

    Examples
    --------
    >>> from multilateral.cases.crises import event
    >>> event("tashkent").third_party
    'Soviet Union (Chairman of the Council of Ministers Alexei Kosygin)'
    """
    return by_name(EVENTS, name, "crisis event")


def episode(episode: str) -> tuple[CrisisEvent, ...]:
    """The rows of one crisis (a key of :data:`CRISES`), in date order.

    Raises
    ------
    InvalidArgumentError
        An unknown crisis.

    See Also
    --------
    event : one row.

    Examples
    --------
    >>> from multilateral.cases.crises import episode
    >>> [e.mode for e in episode("eritrea_ethiopia")]
    ['arbitration', 'arbitration', 'direct_talks']
    """
    if episode not in CRISES:
        raise InvalidArgumentError(
            f"no crisis named {episode!r}; available: {', '.join(CRISES)}")
    return tuple(sorted((e for e in EVENTS if e.crisis == episode), key=lambda e: e.date))


def by_mode() -> dict[str, tuple[CrisisEvent, ...]]:
    """The rows grouped by how the crisis was managed, in the order of :data:`MODES`.

    See Also
    --------
    MODES

    Examples
    --------
    >>> from multilateral.cases.crises import by_mode
    >>> [e.name for e in by_mode()["none"]]
    ['six_day_war']
    """
    return {m: tuple(e for e in EVENTS if e.mode == m) for m in MODES
            if any(e.mode == m for e in EVENTS)}


def unenforced_award_refusal(model: OptimalMediation) -> Number:
    """The probability that the optimal arbitration's award would be refused, were it not
    enforced: the library's reading of a refused award (the Beagle Channel, 1978).

    :meth:`~multilateral.models.OptimalMediation.arbitration` *imposes* its outcome: each
    type need only prefer the mechanism to war before it learns anything (interim
    participation), so in the model an award is never refused. Suppose instead the award is
    announced and each state, seeing it, may still go to war. An award that gives a hawk a
    share other than 1/2 tells it that it faces a dove (two hawks always split equally), and
    the hawk refuses if its share is below its war value against a dove, ``θ - c``; a dove
    refuses if its share is below ``1 - θ - c``. An award of 1/2 in a hawk-dove dispute
    leaves the hawk unsure whom it faces, and it refuses if war is worth more on average.
    Returns the ex ante probability of a refused award. The reports are those of the
    enforced mechanism: the states report as if the award would be enforced (a mechanism
    whose awards may be refused must satisfy obedience as well, which is the mediator's
    problem, :meth:`~multilateral.models.OptimalMediation.mediation`).

    The finding (checked exactly at 1216 points when written: ``q`` in twentieths, ``θ`` in
    {3/5, 3/4, 9/10, 1}, ``c`` in fortieths up to 2/5; the tests recheck 147 of them and the
    gallery example 108): where arbitration keeps
    the peace for sure (``hawk_probability`` at least
    :meth:`~multilateral.models.OptimalMediation.peace_threshold`) its award is the equal
    split for everyone; it reveals nothing, and an unenforced award would be accepted.
    Where arbitration lowers the war risk below
    :meth:`~multilateral.models.OptimalMediation.direct_talks` but not to zero, its award
    gives a hawk facing a dove a share below the hawk's war value (it must, or direct talks
    could do as well), and an unenforced award is refused in every hawk-dove dispute it
    settles. Elsewhere (arbitration no better than talks) no award is refused. So the model
    produces a refused award only if enforcement is dropped, and then exactly in that middle
    region; the mediator (:meth:`~multilateral.models.OptimalMediation.mediation`) reaches
    arbitration's war risk there without enforcement, by not revealing what the award
    would.

    Parameters
    ----------
    model : OptimalMediation
        The crisis.

    Returns
    -------
    number
        Exact for exact parameters.

    Raises
    ------
    InvalidTypeError
        If ``model`` is not an :class:`~multilateral.models.OptimalMediation`.

    See Also
    --------
    multilateral.models.OptimalMediation.arbitration : the enforced award.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> from multilateral.cases.crises import unenforced_award_refusal
    >>> crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4),
    ...                                     hawk_advantage=1, war_cost=Fraction(1, 10))
    >>> crisis.arbitration().hawk_share, crisis.hawk_advantage - crisis.war_cost  # 4/5 < 9/10
    (Fraction(4, 5), Fraction(9, 10))
    >>> unenforced_award_refusal(crisis)                        # every hawk-dove dispute
    Fraction(3, 8)
    """
    if not isinstance(model, OptimalMediation):
        raise InvalidTypeError(
            f"model must be an OptimalMediation, got {type(model).__name__}")
    q = Fraction(model.hawk_probability)
    t, c = Fraction(model.hawk_advantage), Fraction(model.war_cost)
    arb = model.arbitration()
    p_hh, p_hl, b = (Fraction(arb.war_hawks), Fraction(arb.war_mixed),
                     Fraction(arb.hawk_share))
    half = Fraction(1, 2)
    settle_hh, settle_hl = q * q * (1 - p_hh), 2 * q * (1 - q) * (1 - p_hl)
    if b != half:
        refused = settle_hl if (b < t - c or 1 - b < 1 - t - c) else Fraction(0)
    else:
        # a hawk awarded 1/2 faces a hawk (weight q(1 - p_hh)) or a dove ((1 - q)(1 - p_hl))
        w_h, w_d = q * (1 - p_hh), (1 - q) * (1 - p_hl)
        refuses = w_h * (half - c) + w_d * (t - c) > half * (w_h + w_d)
        refused = settle_hh + settle_hl if refuses else Fraction(0)
    exact = all(is_exact(v) for v in (model.hawk_probability, model.hawk_advantage,
                                      model.war_cost))
    return refused if exact else float(refused)
