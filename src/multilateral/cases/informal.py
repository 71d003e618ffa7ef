"""Formal against informal: the WTO and NATO against the G20 and the Quad.

The minilateralism debate contrasts "informal, flexible" groupings with the "certainty of
commitments" that formal treaties give, above all in security. Patrick (2015) describes the
new multilateralism as "informal, non-binding, purpose-built partnerships" whose advantages
include "speed, flexibility, modularity". The table ``institutions_form`` gives, for two formal
organizations and two informal groupings, one row per fact with its source, its date and
whether the fact was confirmed from the source in this library's session (``confirmed``;
facts taken from the primary text without re-reading it are marked ``no``, not guessed):

* the **WTO** -- the Marrakesh Agreement (signed 15 April 1994, in force 1 January 1995), a
  Secretariat (Article VI), consensus with voting as a fallback (Article IX:1);
* **NATO** -- the North Atlantic Treaty (Washington, 4 April 1949), indefinite with review
  after ten years (Article 12) and withdrawal on a year's notice after twenty (Article 13),
  an International Staff, consensus;
* the **G20** -- no founding treaty (announced by the G7 finance ministers, September 1999),
  leaders' summits from Washington, 14-15 November 2008, no permanent secretariat (a
  rotating presidency and a troika), "a Leader-led and informal group" (Cannes 2011);
* the **Quad** -- no founding treaty, leaders' joint statements from the first summit of 12
  March 2021 ("The Spirit of the Quad"), no secretariat found.

Membership is not repeated here: :mod:`multilateral.cases.alliances` has NATO's, the G20's
and the Quad's members (``alliances.members("g20")``); :func:`member_count` reads them.

References
----------
.. [1] Patrick, S. (2015). The new new multilateralism: minilateral cooperation, but at what
   cost? *Global Summitry* 1(2), 115-134 (abstract).
.. [2] Vabulas, F. and Snidal, D. (2013). Organization without delegation: informal
   intergovernmental organizations (IIGOs) and the spectrum of intergovernmental
   arrangements. *Review of International Organizations* 8(2), 193-220.

Examples
--------
>>> from multilateral.cases import informal
>>> informal.institutions()
('g20', 'nato', 'quad', 'wto')
>>> [informal.form(i) for i in informal.institutions()]
['informal', 'formal', 'informal', 'formal']
>>> informal.fact("nato", "withdrawal").value[:10]
'Article 13'
>>> informal.founded("wto"), informal.founded("quad")
('1994-04-15', '2021-03-12')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from . import alliances, load_table

__all__ = [
    "INSTITUTION_FACTS",
    "InstitutionFact",
    "fact",
    "form",
    "founded",
    "institutions",
    "member_count",
    "profile",
]
__dir__ = public_dir(__all__)

Form = Literal["formal", "informal"]


@dataclass(frozen=True)
class InstitutionFact:
    """One sourced fact about an institution's form.

    Attributes
    ----------
    institution : str
        ``"wto"``, ``"nato"``, ``"g20"`` or ``"quad"``.
    attribute : str
        ``form``, ``domain``, ``founding_instrument``, ``in_force``, ``first_leaders_summit``,
        ``secretariat``, ``decision_rule``, ``review`` or ``withdrawal``.
    value : str
        The fact.
    date : str
        ISO 8601 date, as precise as the source.
    confirmed : bool
        Whether the fact was read in the source in this library's session (False: taken
        from the primary text named in ``source`` without re-reading it).
    source, url : str
        Provenance.
    status : str
        How the fact was confirmed: on which primary source, or why it is only partly
        confirmed or unconfirmed (issue 17).

    See Also
    --------
    fact : one fact by institution and attribute.

    Examples
    --------
    >>> from multilateral.cases.informal import fact
    >>> f = fact("g20", "form")
    >>> f.value, f.date, f.confirmed
    ('informal', '2011-11-04', True)
    """

    institution: str
    attribute: str
    value: str
    date: str
    confirmed: bool
    source: str
    url: str
    status: str = ""


def _load() -> tuple[InstitutionFact, ...]:
    out = []
    for line, row in enumerate(load_table("institutions_form"), start=2):
        if row["confirmed"] not in ("yes", "no"):
            raise MalformedFileError(
                f"case table 'institutions_form', line {line}: confirmed must be 'yes' or "
                f"'no', got {row['confirmed']!r}")
        out.append(InstitutionFact(row["institution"], row["attribute"], row["value"],
                                   row["date"], row["confirmed"] == "yes", row["source"],
                                   row["url"], row["status"]))
    return tuple(out)


#: Every fact of ``institutions_form.csv``, in file order.
INSTITUTION_FACTS: tuple[InstitutionFact, ...] = _load()


def institutions() -> tuple[str, ...]:
    """The institutions in the table, sorted.

    See Also
    --------
    profile : their facts.

    Examples
    --------
    >>> from multilateral.cases.informal import institutions
    >>> len(institutions())
    4
    """
    return tuple(sorted({f.institution for f in INSTITUTION_FACTS}))


def _check(institution: str) -> str:
    if institution not in institutions():
        raise InvalidArgumentError(
            f"no institution {institution!r}; available: {', '.join(institutions())}")
    return institution


def fact(institution: str, attribute: str) -> InstitutionFact:
    """One fact: ``institution``'s ``attribute``.

    Raises
    ------
    InvalidArgumentError
        For an unknown institution, or an attribute the table lacks for it (the message
        lists the ones it has).

    See Also
    --------
    profile : all of an institution's facts.

    Examples
    --------
    >>> from multilateral.cases.informal import fact
    >>> fact("wto", "in_force").date
    '1995-01-01'
    """
    _check(institution)
    found = [f for f in INSTITUTION_FACTS if f.institution == institution]
    for f in found:
        if f.attribute == attribute:
            return f
    raise InvalidArgumentError(
        f"no fact {attribute!r} for {institution!r}; it has "
        f"{', '.join(f.attribute for f in found)}")


def profile(institution: str) -> dict[str, str]:
    """An institution's facts, attribute -> value, in file order.

    See Also
    --------
    fact : one fact, with its source.

    Examples
    --------
    >>> from multilateral.cases.informal import profile
    >>> profile("quad")["secretariat"]
    'none'
    """
    _check(institution)
    return {f.attribute: f.value for f in INSTITUTION_FACTS if f.institution == institution}


def form(institution: str) -> Form:
    """``"formal"`` (founded by treaty) or ``"informal"``.

    See Also
    --------
    multilateral.models.LegalForm : the choice between the two.

    Examples
    --------
    >>> from multilateral.cases.informal import form
    >>> form("nato")
    'formal'
    """
    value = fact(institution, "form").value
    return "formal" if value == "formal" else "informal"


def founded(institution: str) -> str:
    """The founding date: the founding instrument's for a formal institution, the first
    leaders' summit's for an informal one (their leaders' form).

    See Also
    --------
    fact : the founding fact with its source.

    Examples
    --------
    >>> from multilateral.cases.informal import founded
    >>> founded("nato"), founded("g20")
    ('1949-04-04', '2008-11-15')
    """
    attribute = "founding_instrument" if form(institution) == "formal" else \
        "first_leaders_summit"
    return fact(institution, attribute).date


def member_count(institution: str, *, date: str | None = None) -> int | None:
    """Members as of ``date`` (ISO ``YYYY-MM-DD``; default today) from
    :mod:`~multilateral.cases.alliances`: NATO's members, the G20's 19 countries and its
    blocs, the Quad's four; None for the WTO (its membership is not in the library's tables).

    See Also
    --------
    multilateral.cases.alliances.members : the members themselves.

    Examples
    --------
    >>> from multilateral.cases.informal import member_count
    >>> member_count("nato", date="1949-12-31"), member_count("quad"), member_count("wto")
    (12, 4, None)
    """
    _check(institution)
    if institution == "nato":
        return len(alliances.nato_members(date=date))
    if institution in ("g20", "quad"):
        return len(alliances.members(institution, date=date))
    return None
