"""Kyoto against Paris: who took on commitments under top-down targets and under pledges.

The Kyoto Protocol (adopted 11 December 1997, in force 16 February 2005) set binding targets
in its Annex B for 37 industrialized countries and economies in transition and the European
Union, a top-down agreement; the Paris Agreement (adopted 12 December 2015 by the delegates of
196 Parties, in force 4 November 2016) asks every Party for a nationally determined
contribution, a pledge, followed by review. Harstad (2023) reads the change as one of
bargaining procedure: top-down targets are deep and narrow, pledge-and-review shallow and broad
(:class:`~multilateral.models.PledgeAndReview`).

Data: :data:`FACTS`, one row per fact of ``kyoto_paris_facts.csv`` with its source, date and
``status``: ``"confirmed"`` (the text seen, primary or secondary as the note says) or
``"unconfirmed"`` (not guessed: the value is empty); each row's note says how it was read.
The Kyoto Protocol's and the Paris Agreement's dates are the depositary's (UN Treaty
Collection, chapters XXVII.7.a and XXVII.7.d), the 192 Kyoto Parties the UNFCCC's status
page, the Annex B counts the UNFCCC's list of Annex B targets (38 countries in 1997, 37
without the United States, and the European Union), the Paris threshold date the UNFCCC's
status page; the 196 adopting Parties are the 195 countries of the UN's and the French
Government's accounts plus the European Union; the average cut was read in a verbatim copy
of a UNFCCC page only, and the current number of Paris Parties is marked unconfirmed.

References
----------
.. [1] UNFCCC. What is the Kyoto Protocol? https://unfccc.int/kyoto_protocol (undated; copy
   of 26 March 2024). United Nations Treaty Collection, Multilateral Treaties Deposited with
   the Secretary-General, chapter XXVII, 7.a (Kyoto Protocol) and 7.d (Paris Agreement).
.. [2] Harstad, B. (2018). Pledge-and-review bargaining. Belfer Center summary, November 2018
   ("only 37 countries faced emission cuts in Kyoto's first commitment period").

Examples
--------
>>> from multilateral.cases import kyoto_paris
>>> kyoto_paris.fact("kyoto_adopted").date
'1997-12-11'
>>> kyoto_paris.participants()
{'kyoto_targets': 38, 'paris_adopting_parties': 196}
>>> kyoto_paris.fact("paris_parties_current").status
'unconfirmed'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from ..errors import MalformedFileError
from . import by_name, load_table, parse_fraction

__all__ = ["FACTS", "Fact", "fact", "participants"]
__dir__ = public_dir(__all__)

_STATUSES = ("confirmed", "unconfirmed")


@dataclass(frozen=True)
class Fact:
    """One sourced fact about the Kyoto Protocol or the Paris Agreement.

    Attributes
    ----------
    name : str
        The fact's key (``"kyoto_adopted"``, ``"paris_adopting_parties"``, ...).
    value : Fraction or None
        A count or percentage, exactly; None for a date-only fact or an unconfirmed value.
    unit, date, description, source, url, note : str
        Provenance; ``date`` is ISO 8601 as precise as the source.
    status : {"confirmed", "unconfirmed"}
        Whether the fact was confirmed from the text cited.

    See Also
    --------
    fact : looks one up.

    Examples
    --------
    >>> from multilateral.cases.kyoto_paris import FACTS
    >>> FACTS[0].name, FACTS[0].status
    ('kyoto_adopted', 'confirmed')
    """

    name: str
    value: Fraction | None
    unit: str
    date: str
    description: str
    source: str
    url: str
    status: str
    note: str


def _facts() -> tuple[Fact, ...]:
    rows = []
    for r in load_table("kyoto_paris_facts"):
        where = f"kyoto_paris_facts, {r['fact']}"
        if r["status"] not in _STATUSES:
            raise MalformedFileError(f"{where}: status must be one of {_STATUSES}")
        text = r["value"].strip()
        value = parse_fraction(text, where) if text else None
        if r["status"] == "unconfirmed" and value is not None:
            raise MalformedFileError(f"{where}: an unconfirmed fact carries no value")
        rows.append(Fact(r["fact"], value, r["unit"], r["date"], r["description"],
                         r["source"], r["url"], r["status"], r["note"]))
    return tuple(rows)


#: Every fact, in file order (Kyoto first, then Paris).
FACTS: tuple[Fact, ...] = _facts()


def fact(name: str) -> Fact:
    """The fact called ``name`` (see :data:`FACTS`).

    See Also
    --------
    participants : the two participation counts.

    Examples
    --------
    >>> from multilateral.cases.kyoto_paris import fact
    >>> fact("kyoto_annex_b_countries").value
    Fraction(37, 1)
    """
    return by_name(FACTS, name, "Kyoto/Paris fact")


def participants() -> dict[str, int]:
    """Parties with commitments under each treaty: Kyoto's Annex B targets (37 countries and
    the European Union) and the Parties that adopted Paris (196).

    See Also
    --------
    fact : each count with its source.
    multilateral.models.PledgeAndReview : the model the counts are set against.

    Examples
    --------
    >>> from multilateral.cases.kyoto_paris import participants
    >>> participants()["kyoto_targets"]
    38
    """
    def count(name: str) -> int:
        value = fact(name).value
        assert value is not None  # confirmed counts (checked when the table is read)
        return int(value)

    return {"kyoto_targets": count("kyoto_annex_b_countries") + count("kyoto_annex_b_eu"),
            "paris_adopting_parties": count("paris_adopting_parties")}
