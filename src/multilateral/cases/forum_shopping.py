"""Forum shopping in North America: trade disputes brought to the WTO or to NAFTA/CUSFTA.

Canada, Mexico and the United States could take a trade dispute with one another to the WTO
(since 1995) or to their regional agreement (the Canada-U.S. Free Trade Agreement's Chapter
18 from 1989, NAFTA's Chapter 20 from 1994). Busch (2007) explains the choice by the
precedent a ruling sets (:class:`~multilateral.models.ForumShopping`); his two cases are here:
Mexico took the U.S. safeguard on broom corn brooms to NAFTA, the United States took
Canada's periodicals measures to the WTO (p. 735).

Each row is one dispute, with the WTO dispute number (``DSnnn``) or the NAFTA Secretariat
file number, one date (the request for consultations, the panel request or, where only it
was confirmed, the final report: ``date_kind`` says which), the forum, and a ``status`` that
says what was confirmed and from which source. Every date was checked against the named
source; a fact not confirmed is marked so, never guessed.

Data: ``forum_shopping.csv`` (name, forum, reference, complainant, defendant, measure, date,
date_kind, status, note, source, url).

References
----------
.. [1] Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute settlement
   in international trade. *International Organization* 61(4), 735-761 (abstract and
   opening, p. 735).
.. [2] WTO dispute settlement summaries (DS31, DS204, DS257, DS264, DS308, DS381) and the
   NAFTA Chapter 20 final panel reports (CDA-95-2008-01, USA-97-2008-01,
   USA-MEX-98-2008-01), as cited row by row.

Examples
--------
>>> from multilateral.cases import forum_shopping as fs
>>> fs.dispute("canada_periodicals").reference, fs.dispute("canada_periodicals").date
('DS31', '1996-03-11')
>>> [d.reference for d in fs.disputes("nafta")]
['CDA-95-2008-01', 'USA-97-2008-01', 'USA-MEX-98-2008-01']
>>> fs.counts()
{'wto': 6, 'nafta': 3, 'cusfta': 1}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from ..models.forum_shopping import ForumShopping
from . import by_name, load_table

__all__ = ["DISPUTES", "FORUMS", "REGIONAL_MEMBERS", "Dispute", "counts", "dispute",
           "disputes", "model"]
__dir__ = public_dir(__all__)

#: The fora by code.
FORUMS: dict[str, str] = {
    "wto": "World Trade Organization dispute settlement",
    "nafta": "North American Free Trade Agreement, Chapter 20",
    "cusfta": "Canada-United States Free Trade Agreement, Chapter 18",
}

#: Parties to each regional agreement (NAFTA: Canada, Mexico, the United States).
REGIONAL_MEMBERS: dict[str, int] = {"nafta": 3, "cusfta": 2}

_KINDS = ("consultations", "panel_request", "final_report")
_WTO_REF = re.compile(r"^DS\d+$")


@dataclass(frozen=True)
class Dispute:
    """One trade dispute among NAFTA/CUSFTA parties, with its forum and source.

    Attributes
    ----------
    name : str
        Its key, e.g. ``"canada_periodicals"``.
    forum : {"wto", "nafta", "cusfta"}
        Where it was brought.
    reference : str
        The WTO dispute number (``DSnnn``) or the regional Secretariat file number.
    date : str
        ISO 8601; what it marks is ``date_kind``.
    date_kind : {"consultations", "panel_request", "final_report"}
        The request for consultations, the panel request, or the final report.
    status : str
        What was confirmed, and what was not.

    See Also
    --------
    DISPUTES : every row.
    dispute : one dispute by name.
    """

    name: str
    forum: str
    reference: str
    complainant: str
    defendant: str
    measure: str
    date: str
    date_kind: str
    status: str
    note: str
    source: str
    url: str


def _rows() -> tuple[Dispute, ...]:
    rows = []
    for r in load_table("forum_shopping"):
        if r["forum"] not in FORUMS or r["date_kind"] not in _KINDS or not r["status"]:
            raise MalformedFileError(f"forum_shopping: bad row {r['name']!r}")
        if (r["forum"] == "wto") != bool(_WTO_REF.match(r["reference"])):
            raise MalformedFileError(
                f"forum_shopping: {r['name']!r}: a WTO dispute has a DSnnn reference, a "
                f"regional one does not; got {r['reference']!r}")
        rows.append(Dispute(**{k: r[k] for k in Dispute.__dataclass_fields__}))
    return tuple(rows)


#: Every dispute, in file order (by date).
DISPUTES: tuple[Dispute, ...] = _rows()


def dispute(name: str) -> Dispute:
    """One dispute by name.

    See Also
    --------
    disputes : the disputes brought to one forum.

    Examples
    --------
    >>> from multilateral.cases.forum_shopping import dispute
    >>> d = dispute("us_broom_corn_brooms")
    >>> d.forum, d.complainant, d.date_kind
    ('nafta', 'Mexico', 'final_report')
    """
    return by_name(DISPUTES, name, "dispute")


def disputes(forum: str | None = None) -> tuple[Dispute, ...]:
    """The disputes brought to ``forum`` (all of them if None), in file order.

    Raises
    ------
    InvalidArgumentError
        If ``forum`` is not one of :data:`FORUMS`.

    See Also
    --------
    counts : how many per forum.

    Examples
    --------
    >>> from multilateral.cases.forum_shopping import disputes
    >>> [d.reference for d in disputes("cusfta")]
    ['USA-89-1807-01']
    """
    if forum is None:
        return DISPUTES
    if forum not in FORUMS:
        raise InvalidArgumentError(f"unknown forum {forum!r}; the fora are {', '.join(FORUMS)}")
    return tuple(d for d in DISPUTES if d.forum == forum)


def counts() -> dict[str, int]:
    """The number of listed disputes per forum.

    See Also
    --------
    disputes : the disputes themselves.

    Examples
    --------
    >>> from multilateral.cases.forum_shopping import counts
    >>> sum(counts().values())
    10
    """
    return {f: len(disputes(f)) for f in FORUMS}


def model(name: str, **kwargs: Any) -> ForumShopping:
    """The dispute as a :class:`~multilateral.models.ForumShopping`, with the regional
    agreement's membership filled in (NAFTA 3, CUSFTA 2; a WTO dispute between NAFTA parties
    counts NAFTA's 3).

    Parameters
    ----------
    name : str
        The dispute.
    **kwargs
        The model's other parameters (``ruling_value``, ``win_regional``,
        ``win_multilateral``, ``offense``, ``defense``, ``n``, ``cost``, ``block_cost``):
        illustrative, none are published.

    See Also
    --------
    multilateral.models.ForumShopping : the model.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from multilateral.cases.forum_shopping import model
    >>> m = model("canada_periodicals", ruling_value=2, win_regional=F(1, 2),
    ...           win_multilateral=F(1, 2), offense=F(1, 10), defense=0, n=128)
    >>> m.regional_members, m.equilibrium().ruling
    (3, 'multilateral')
    """
    d = dispute(name)
    return ForumShopping(regional_members=REGIONAL_MEMBERS.get(d.forum, 3), **kwargs)
