"""The IMF: weighted votes, special majorities, the United States' veto and the EU's.

Each IMF member has basic votes (the same number for every member; together about 5.502%
of all votes) plus one vote per SDR 100,000 of its quota. Ordinary decisions need a
majority of the votes cast; special majorities of 70% or 85% of the total voting power are
needed for others, 85% for quota increases and SDR allocations. With 16.50% of the votes
the United States alone can block any 85% decision: a veto that no other member has
(Japan, next, has 6.14%). The 27 member states of the European Union together hold 25.5%:
voting as one caucus they would hold a veto too.

Data (shipped tables, one row per fact with source, date and status):

* :data:`VOTES` -- every member's quota and votes, from one table: the IMF's *Members'
  Quotas and Voting Power, and IMF Board of Governors* as last updated on 2 October 2022
  (190 members; totals SDR 476,272 million and 5,039,930 votes). Each member's votes are
  1,459 basic votes plus one per SDR 100,000 of its quota (checked on load). Liechtenstein,
  reported as the 191st member from 21 October 2024 (news reports of the IMF's statement; no
  IMF document confirmed here), is not in it.
* :data:`RULES` -- the majorities, the basic-vote share, the number of members and the
  table's totals.
* :data:`EU27` -- the 27 EU member states (Treaty on European Union, Art. 52(1)).

:func:`voting_game` is the IMF as a weighted game on all 190 members with their published
votes as weights: no member's weight is assumed.

References
----------
.. [1] IMF (2002). Voting majorities in the IMF. In *IMF Governance* (back matter), IMF
   eLibrary.
.. [2] IMF (2022). Members' Quotas and Voting Power, and IMF Board of Governors (last
   updated 2 October 2022), https://www.imf.org/en/About/executive-board/members-quotas.
.. [3] Leech, D. (2002). Voting power in the governance of the International Monetary
   Fund. *Annals of Operations Research* 109, 375-397.

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.cases import imf
>>> us = imf.VOTES[0]
>>> us.member, us.votes, round(float(us.share), 4)
('United States', 831401, 0.165)
>>> game = imf.voting_game(majority=Fraction(85, 100))
>>> game.n_members, game.total, game.veto_players
(190, 5039930, ('United States',))
>>> imf.blocks(imf.EU27), imf.blocks(imf.EU27, Fraction(70, 100))
(True, False)
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, MalformedFileError
from ..games.voting import WeightedVotingGame
from ..types import Number
from . import by_name, load_table, parse_fraction

__all__ = [
    "EU27",
    "RULES",
    "VOTES",
    "Rule",
    "VoteShare",
    "bloc_share",
    "blocking_members",
    "blocks",
    "n_members",
    "rule",
    "total_votes",
    "vote_shares",
    "voting_game",
]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class VoteShare:
    """One member's quota and votes in the IMF.

    Attributes
    ----------
    member : str
        The IMF's name for it (e.g. ``"Russian Federation"``, ``"Türkiye"``).
    iso_code : str
        Its three-letter code in the IMF's table (``"UVK"`` for Kosovo).
    quota : Fraction
        Its quota in millions of SDRs, as published (one decimal).
    votes : int
        Its number of votes.
    share : Fraction
        ``votes`` over the table's total votes, exactly.
    published_percent : Fraction
        The percent of total votes the table prints (rounded; 0.03 for the smallest).
    date, source, url, status : str
        Provenance; ``status`` says how the row was confirmed.

    See Also
    --------
    vote_shares : every member's share.
    voting_game : the votes as a weighted voting game.

    Examples
    --------
    >>> from multilateral.cases.imf import VOTES
    >>> VOTES[0].member, VOTES[0].votes, VOTES[0].published_percent
    ('United States', 831401, Fraction(33, 2))
    """

    member: str
    iso_code: str
    quota: Fraction
    votes: int
    share: Fraction
    published_percent: Fraction
    date: str
    source: str
    url: str
    status: str


@dataclass(frozen=True)
class Rule:
    """A voting rule or institutional number: a majority, the basic-vote share, members.

    See Also
    --------
    rule : looks one up by name.

    Examples
    --------
    >>> from multilateral.cases.imf import RULES
    >>> RULES[0].name, RULES[0].value
    ('simple_majority', Fraction(1, 2))
    """

    name: str
    value: Fraction
    date: str
    source: str
    url: str
    note: str


def _rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(name=r["rule"], value=parse_fraction(r["value"], f"imf_rules, {r['rule']}"),
             date=r["date"], source=r["source"], url=r["url"], note=r["note"])
        for r in load_table("imf_rules")
    )


#: Majorities (``simple_majority``, ``special_majority_70``, ``special_majority_85``), the
#: basic-vote share, the number of members and the votes table's totals (``total_votes``,
#: ``total_quota`` in millions of SDRs).
RULES: tuple[Rule, ...] = _rules()


def _votes() -> tuple[VoteShare, ...]:
    rows = load_table("imf_votes")
    total = sum(int(r["votes"]) for r in rows)
    published = int(by_name(RULES, "total_votes", "IMF rule").value)
    if total != published:
        raise MalformedFileError(
            f"imf_votes: the members' votes sum to {total}, the table's total is {published}")
    out, basics = [], set()
    for row in rows:
        where = f"imf_votes, {row['member']}"
        quota = parse_fraction(row["quota_sdr_millions"], where)
        votes = int(row["votes"])
        # every member has the same basic votes, plus one vote per SDR 100,000 of quota
        basics.add(votes - quota * 10)
        if len(basics) > 1:
            raise MalformedFileError(
                f"{where}: {votes} votes are not the other members' basic votes plus one "
                "per SDR 100,000 of quota")
        out.append(VoteShare(
            member=row["member"], iso_code=row["iso_code"], quota=quota, votes=votes,
            share=Fraction(votes, total),
            published_percent=parse_fraction(row["votes_percent"], where),
            date=row["date"], source=row["source"], url=row["url"], status=row["status"],
        ))
    return tuple(sorted(out, key=lambda v: -v.votes))


#: Every member's quota and votes, most votes first (190 members, 2 October 2022).
VOTES: tuple[VoteShare, ...] = _votes()


def _eu27() -> tuple[str, ...]:
    known = {v.iso_code: v.member for v in VOTES}
    rows = load_table("eu_members")
    missing = [r["iso_code"] for r in rows if r["iso_code"] not in known]
    if missing or len(rows) != 27:
        raise MalformedFileError(
            f"eu_members: expected 27 IMF members, got {len(rows)} (unknown codes: {missing})")
    return tuple(known[r["iso_code"]] for r in rows)


#: The 27 member states of the European Union, by their IMF names.
EU27: tuple[str, ...] = _eu27()


def rule(name: str) -> Rule:
    """The rule called ``name`` (see :data:`RULES`).

    See Also
    --------
    Rule : what it returns.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.rule("special_majority_85").value
    Fraction(17, 20)
    """
    return by_name(RULES, name, "IMF rule")


def n_members() -> int:
    """The number of IMF members in the shipped table (190 on 2 October 2022).

    See Also
    --------
    voting_game : the game on all of them.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.n_members() == len(imf.VOTES)
    True
    """
    return int(rule("members").value)


def total_votes() -> int:
    """The table's total votes (5,039,930), which the members' votes add up to.

    See Also
    --------
    vote_shares : each member's part of it.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.total_votes() == sum(v.votes for v in imf.VOTES)
    True
    """
    return int(rule("total_votes").value)


def vote_shares() -> dict[str, Fraction]:
    """Every member's share of the total votes (exact), most votes first.

    See Also
    --------
    VoteShare : one member's row, with its source.
    blocking_members : who can veto alone.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> shares = imf.vote_shares()
    >>> len(shares), sum(shares.values())
    (190, Fraction(1, 1))
    """
    return {v.member: v.share for v in VOTES}


def bloc_share(members: Iterable[str]) -> Fraction:
    """The share of the total votes that ``members`` hold together.

    Parameters
    ----------
    members : iterable of str
        IMF member names (as in :data:`VOTES`) or their ISO codes.

    Raises
    ------
    InvalidArgumentError
        If a name is not a member, or a member is named twice.

    See Also
    --------
    blocks : whether they can block a decision together.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> round(float(imf.bloc_share(imf.EU27)), 4)
    0.2553
    """
    by_key = {v.member: v for v in VOTES} | {v.iso_code: v for v in VOTES}
    if isinstance(members, str):
        raise InvalidTypeError(f"members must be a collection of names, got {members!r}")
    chosen = []
    for m in members:
        if m not in by_key:
            raise InvalidArgumentError(f"{m!r} is not an IMF member in the shipped table")
        chosen.append(by_key[m].member)
    if len(set(chosen)) != len(chosen):
        raise InvalidArgumentError(f"a member is named twice in {list(members)!r}")
    return sum((by_key[m].share for m in chosen), Fraction(0))


def blocks(members: Iterable[str], majority: Number = Fraction(85, 100)) -> bool:
    """Whether ``members`` voting together hold more than ``1 - majority`` of the votes.

    See Also
    --------
    bloc_share : their share.
    blocking_members : the members that block alone.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.blocks(["United States"]), imf.blocks(["Japan", "China"])
    (True, False)
    """
    return bloc_share(members) > 1 - _majority(majority)


def blocking_members(majority: Number = Fraction(85, 100)) -> tuple[str, ...]:
    """Members whose share alone exceeds ``1 - majority``: each has a veto.

    See Also
    --------
    voting_game : the same shares as a weighted voting game.
    blocks : whether a group blocks together.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.cases import imf
    >>> imf.blocking_members(), imf.blocking_members(Fraction(70, 100))
    (('United States',), ())
    """
    m = _majority(majority)
    return tuple(v.member for v in VOTES if v.share > 1 - m)


def voting_game(majority: Number | Literal["simple"] = Fraction(85, 100)) -> WeightedVotingGame:
    """The IMF as a weighted voting game on all its members, weights their votes.

    Parameters
    ----------
    majority : Fraction or "simple"
        A coalition wins when it holds at least this share of the total votes (``85/100``:
        quota increases, SDR allocations; ``70/100``), or ``"simple"``: strictly more than
        half (ordinary decisions, everyone voting).

    Returns
    -------
    WeightedVotingGame
        The 190 members, labelled by their IMF names, most votes first.

    See Also
    --------
    blocking_members : who can veto alone.
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : power in the game.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> game = imf.voting_game()
    >>> game.weights[:3], game.quota
    ((831401, 309664, 306288), Fraction(8567881, 2))
    """
    total = total_votes()
    if majority == "simple":
        quota: Fraction | int = total // 2 + 1
    else:
        quota = _majority(majority) * total
    return WeightedVotingGame([v.votes for v in VOTES], quota,
                              members=[v.member for v in VOTES])


def _majority(majority: Any) -> Fraction:
    if isinstance(majority, bool) or not isinstance(majority, numbers.Real):
        raise InvalidTypeError(
            f"majority must be a number in (0, 1] (e.g. Fraction(85, 100)) or 'simple', "
            f"got {majority!r}")
    m = Fraction(majority) if isinstance(majority, numbers.Rational) else Fraction(
        str(float(majority)))
    if not 0 < m <= 1:
        raise InvalidArgumentError(f"majority must be in (0, 1], got {majority!r}")
    return m
