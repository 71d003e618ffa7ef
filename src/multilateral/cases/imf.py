"""The IMF: weighted votes, special majorities, and the United States' veto.

Each IMF member has basic votes (together 5.502% of all votes, shared equally) plus one
vote per SDR 100,000 of its quota. Ordinary decisions need a majority of the votes cast;
special majorities of 70% or 85% of the total voting power are needed for others, 85% for
quota increases and SDR allocations. With 16.49% of the votes the United States alone can
block any 85% decision: a veto that no other member has (Japan, next, has 6.14%).

Data (shipped tables, one row per fact with source and date):

* :data:`VOTES` -- vote shares of the members whose shares could be confirmed: United
  States, Japan, China and Germany (imf.org, with vote counts), France, the United Kingdom
  and India (a May 2025 news report), Brazil (imf.org, 2022). Shares are exact
  :class:`~fractions.Fraction` s of the published percentages (two decimals).
* :data:`RULES` -- the majorities, the basic-vote share and the number of members (191
  since Liechtenstein joined on 21 October 2024).

Modelling assumption (:func:`voting_game`): the IMF is 191 members, not the 8 listed plus one
"rest of the world" voter. A residual bloc voting as one would be a fictitious second
superpower (53% of the votes) and would wreck every power index. Instead the remaining
votes are split *equally* over the remaining 183 members (29 basis points each). That is an
assumption, not data: real shares among them range from about 0.03% to about 3%. It does
not affect the United States' veto, which depends only on its own share.

References
----------
.. [1] IMF (2002). Voting majorities in the IMF. In *IMF Governance* (back matter), IMF
   eLibrary.
.. [2] Leech, D. (2002). Voting power in the governance of the International Monetary
   Fund. *Annals of Operations Research* 109, 375-397.

Examples
--------
>>> from fractions import Fraction
>>> import multilateral as ml
>>> from multilateral.cases import imf
>>> imf.vote_shares()["United States"]
Fraction(1649, 10000)
>>> game = imf.voting_game(majority=Fraction(85, 100))
>>> game.n_members, game.total, game.quota, game.veto_players
(191, 10000, 8500, ('United States',))
>>> imf.voting_game(majority="simple").veto_players
()
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, MalformedFileError
from ..games.voting import WeightedVotingGame
from ..types import Number
from . import by_name, load_table, parse_fraction

__all__ = [
    "RULES",
    "VOTES",
    "Rule",
    "VoteShare",
    "blocking_members",
    "n_members",
    "rule",
    "vote_shares",
    "voting_game",
]
__dir__ = public_dir(__all__)

_BASIS_POINTS = 10_000


@dataclass(frozen=True)
class VoteShare:
    """One member's share of the IMF's total votes.

    Attributes
    ----------
    member : str
    votes : int or None
        Its number of votes, where the source gives it.
    share : Fraction
        Its share of the total votes (e.g. ``Fraction(1649, 10000)`` for 16.49%).
    date, source, url, note : str
        Provenance.

    See Also
    --------
    vote_shares : every listed member's share.
    voting_game : the shares as a weighted voting game.

    Examples
    --------
    >>> from multilateral.cases.imf import VOTES
    >>> VOTES[0].member, VOTES[0].share
    ('United States', Fraction(1649, 10000))
    """

    member: str
    votes: int | None
    share: Fraction
    date: str
    source: str
    url: str
    note: str


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


def _votes() -> tuple[VoteShare, ...]:
    out = []
    for row in load_table("imf_votes"):
        where = f"imf_votes, {row['member']}"
        share = parse_fraction(row["share"], where)
        if not 0 < share < 1:
            raise MalformedFileError(f"{where}: share {share} is not in (0, 1)")
        votes = row["votes"].strip()
        out.append(VoteShare(
            member=row["member"], votes=int(votes) if votes else None, share=share,
            date=row["date"], source=row["source"], url=row["url"], note=row["note"],
        ))
    if sum(v.share for v in out) >= 1:
        raise MalformedFileError("imf_votes: the listed shares sum to one or more")
    return tuple(out)


def _rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(name=r["rule"], value=parse_fraction(r["value"], f"imf_rules, {r['rule']}"),
             date=r["date"], source=r["source"], url=r["url"], note=r["note"])
        for r in load_table("imf_rules")
    )


#: Vote shares of the listed members, largest first (they sum to 46.93%).
VOTES: tuple[VoteShare, ...] = _votes()

#: Majorities (``simple_majority``, ``special_majority_70``, ``special_majority_85``), the
#: basic-vote share and the number of members.
RULES: tuple[Rule, ...] = _rules()


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
    """The number of IMF members (191).

    See Also
    --------
    voting_game : the game on all of them.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.n_members()
    191
    """
    return int(rule("members").value)


def vote_shares() -> dict[str, Fraction]:
    """Shares of the total votes of the listed members, largest first.

    See Also
    --------
    VoteShare : one member's row, with its source.
    blocking_members : who can veto alone.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> list(imf.vote_shares().items())[0]
    ('United States', Fraction(1649, 10000))
    """
    return {v.member: v.share for v in VOTES}


def blocking_members(majority: Number = Fraction(85, 100)) -> tuple[str, ...]:
    """Listed members whose share alone exceeds ``1 - majority``: each has a veto.

    See Also
    --------
    voting_game : the same shares as a weighted voting game.
    vote_shares : the shares.

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
    """The IMF as a weighted voting game on its 191 members, weights in basis points.

    The listed members keep their published shares (in hundredths of a percent); the other
    ``n_members() - len(VOTES)`` members share the remaining votes **equally** -- an
    assumption (see the module notes). If the remainder does not divide evenly, the first
    of them get one basis point more (so that the weights sum to exactly 10,000).

    Parameters
    ----------
    majority : Fraction or "simple"
        A coalition wins when it holds at least this share of the total votes (``85/100``:
        quota increases, SDR allocations; ``70/100``), or ``"simple"``: strictly more than
        half (ordinary decisions, everyone voting).

    Returns
    -------
    WeightedVotingGame
        Members labelled by name, then ``"other 1"``, ``"other 2"``, ...

    See Also
    --------
    blocking_members : who can veto alone.
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : power in the game.

    Examples
    --------
    >>> from multilateral.cases import imf
    >>> imf.voting_game()
    WeightedVotingGame([8500; 1649, 614, 608, 531, 403, 403, 263, 222, 29 x183])
    """
    shares = vote_shares()
    listed = {m: int(s * _BASIS_POINTS) for m, s in shares.items()}
    if any(Fraction(w, _BASIS_POINTS) != shares[m] for m, w in listed.items()):
        raise MalformedFileError("imf_votes: shares must have at most four decimals")
    rest = n_members() - len(listed)
    remainder = _BASIS_POINTS - sum(listed.values())
    base, extra = divmod(remainder, rest)
    weights = list(listed.values()) + [base + (k < extra) for k in range(rest)]
    labels = list(listed) + [f"other {k}" for k in range(1, rest + 1)]
    if majority == "simple":
        quota: Fraction | int = _BASIS_POINTS // 2 + 1
    else:
        quota = _majority(majority) * _BASIS_POINTS
    return WeightedVotingGame(weights, quota, members=labels)


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
