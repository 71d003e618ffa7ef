"""The UN Security Council: its members, its voting rule, and the veto as voting power.

Article 27 of the UN Charter: each member has one vote; procedural decisions need an
affirmative vote of nine members, all other decisions nine votes "including the concurring
votes of the permanent members" -- the veto of China, France, Russia, the United Kingdom
and the United States. Before the amendments that entered into force on 31 August 1965 the
Council had eleven members (five permanent, six elected) and needed seven votes.

As simple games, the substantive rule is an *intersection*: nine of fifteen votes **and**
all five permanent members (:func:`composite_game`). It is also exactly the weighted game
``[39; 7 x5, 1 x10]`` (and ``[27; 5 x5, 1 x6]`` before 1965; :func:`voting_game`): a
coalition missing a permanent member has at most ``4 x 7 + 10 = 38`` votes. The
Shapley-Shubik index of each permanent member is then ``421/2145`` (about 19.6%) and of
each elected member ``4/2145`` (0.19%): the five hold 98.1% of the power with a third of
the seats.

Data (shipped tables, one row per fact with source and date):

* :data:`RULES` -- seats and votes required per period (``"pre-1965"``, ``"post-1965"``)
  and matter (``"procedural"``, ``"substantive"``).
* :data:`PERMANENT` -- the five permanent members, with the names in Art. 23 of the Charter.

The elected seats are labelled ``"E1"``, ``"E2"``, ...: who holds them changes every year
and does not change the game. Not modelled: the abstention of a party to a dispute under
Chapter VI and Art. 52(3), and the practice of treating a permanent member's abstention as
no veto (the games here count votes in favour; abstaining is voting no).

References
----------
.. [1] Charter of the United Nations (1945), Arts. 23 and 27; amendments adopted by General
   Assembly resolutions 1991 A and B (XVIII) of 17 December 1963, in force 31 August 1965.
.. [2] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.
.. [3] Brams, S. J. (1975). *Game Theory and Politics*. Free Press, ch. 5.

Examples
--------
>>> from multilateral.cases import unsc
>>> import multilateral as ml
>>> council = unsc.voting_game()
>>> council
WeightedVotingGame([39; 7 x5, 1 x10])
>>> ss = ml.solvers.shapley_shubik(council)
>>> ss["China"], ss["E1"]
(Fraction(421, 2145), Fraction(4, 2145))
>>> unsc.composite_game().is_equivalent(council)
True
>>> unsc.rule("pre-1965").votes_required, unsc.voting_game("pre-1965")
(7, WeightedVotingGame([27; 5 x5, 1 x6]))
"""

from __future__ import annotations

from dataclasses import dataclass

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from ..games.voting import CompositeVotingGame, WeightedVotingGame, intersection
from . import load_table

__all__ = [
    "MATTERS",
    "PERIODS",
    "PERMANENT",
    "RULES",
    "PermanentMember",
    "VotingRule",
    "composite_game",
    "members",
    "permanent_members",
    "rule",
    "voting_game",
]
__dir__ = public_dir(__all__)

#: The Council before and after the enlargement in force from 31 August 1965.
PERIODS: tuple[str, ...] = ("pre-1965", "post-1965")
#: Procedural matters (no veto) and all other matters (the veto applies).
MATTERS: tuple[str, ...] = ("procedural", "substantive")


@dataclass(frozen=True)
class VotingRule:
    """One row of the voting table: the Council's size and rule in a period, for a matter.

    Attributes
    ----------
    period : {"pre-1965", "post-1965"}
    matter : {"procedural", "substantive"}
    seats, permanent_seats, elected_seats : int
    votes_required : int
        Affirmative votes needed.
    permanent_concurrence : bool
        Whether the permanent members must all concur (the veto).
    date, source, url, note : str
        Provenance (``date``: when the rule took effect).

    See Also
    --------
    rule : looks one up by period and matter.
    voting_game : the rule as a weighted voting game.

    Examples
    --------
    >>> from multilateral.cases.unsc import RULES
    >>> r = RULES[-1]
    >>> r.period, r.matter, r.seats, r.votes_required, r.permanent_concurrence
    ('post-1965', 'substantive', 15, 9, True)
    """

    period: str
    matter: str
    seats: int
    permanent_seats: int
    elected_seats: int
    votes_required: int
    permanent_concurrence: bool
    date: str
    source: str
    url: str
    note: str


@dataclass(frozen=True)
class PermanentMember:
    """A permanent member: its common name and its name in Art. 23 of the Charter.

    See Also
    --------
    permanent_members : their common names.

    Examples
    --------
    >>> from multilateral.cases.unsc import PERMANENT
    >>> PERMANENT[0].member, PERMANENT[0].charter_name
    ('China', 'The Republic of China')
    """

    member: str
    charter_name: str
    date: str
    source: str
    url: str
    note: str


def _int(text: str, where: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise MalformedFileError(f"{where}: {text!r} is not an integer") from None


def _rules() -> tuple[VotingRule, ...]:
    out = []
    for row in load_table("unsc_voting"):
        where = f"unsc_voting, {row['period']} {row['matter']}"
        if row["period"] not in PERIODS or row["matter"] not in MATTERS:
            raise MalformedFileError(f"{where}: unknown period or matter")
        if row["permanent_concurrence"] not in ("yes", "no"):
            raise MalformedFileError(f"{where}: permanent_concurrence must be yes or no")
        r = VotingRule(
            period=row["period"], matter=row["matter"], seats=_int(row["seats"], where),
            permanent_seats=_int(row["permanent_seats"], where),
            elected_seats=_int(row["elected_seats"], where),
            votes_required=_int(row["votes_required"], where),
            permanent_concurrence=row["permanent_concurrence"] == "yes",
            date=row["date"], source=row["source"], url=row["url"], note=row["note"],
        )
        if r.permanent_seats + r.elected_seats != r.seats or not 0 < r.votes_required <= r.seats:
            raise MalformedFileError(f"{where}: seats and votes do not add up")
        out.append(r)
    return tuple(out)


def _permanent() -> tuple[PermanentMember, ...]:
    return tuple(
        PermanentMember(member=r["member"], charter_name=r["charter_name"], date=r["date"],
                        source=r["source"], url=r["url"], note=r["note"])
        for r in load_table("unsc_permanent")
    )


#: The voting rule per period and matter (four rows).
RULES: tuple[VotingRule, ...] = _rules()

#: The five permanent members (Art. 23), in alphabetical order.
PERMANENT: tuple[PermanentMember, ...] = _permanent()


def rule(period: str = "post-1965", matter: str = "substantive") -> VotingRule:
    """The voting rule of ``period`` for ``matter``.

    See Also
    --------
    VotingRule : what it returns.
    voting_game : the rule as a game.

    Examples
    --------
    >>> from multilateral.cases import unsc
    >>> unsc.rule().votes_required, unsc.rule("pre-1965").votes_required
    (9, 7)
    """
    if period not in PERIODS:
        raise InvalidArgumentError(f"period must be one of {PERIODS}, got {period!r}")
    if matter not in MATTERS:
        raise InvalidArgumentError(f"matter must be one of {MATTERS}, got {matter!r}")
    for r in RULES:
        if r.period == period and r.matter == matter:
            return r
    raise MalformedFileError(f"unsc_voting has no row for {period} {matter}")  # pragma: no cover


def permanent_members() -> tuple[str, ...]:
    """The five permanent members' common names.

    See Also
    --------
    PermanentMember : a member's row, with its source.
    members : all the Council's seats.

    Examples
    --------
    >>> from multilateral.cases import unsc
    >>> unsc.permanent_members()
    ('China', 'France', 'Russia', 'United Kingdom', 'United States')
    """
    return tuple(p.member for p in PERMANENT)


def members(period: str = "post-1965") -> tuple[str, ...]:
    """Member labels: the five permanent members, then the elected seats ``E1``, ``E2``...

    See Also
    --------
    permanent_members : the first five.
    voting_game : the game on these members.

    Examples
    --------
    >>> from multilateral.cases import unsc
    >>> unsc.members()[:6], len(unsc.members())
    (('China', 'France', 'Russia', 'United Kingdom', 'United States', 'E1'), 15)
    """
    r = rule(period)
    return permanent_members() + tuple(f"E{k}" for k in range(1, r.elected_seats + 1))


def voting_game(period: str = "post-1965", matter: str = "substantive") -> WeightedVotingGame:
    """The Council's rule as a weighted voting game.

    Procedural matters: one vote each, quota ``votes_required``. Other matters: each elected
    member has weight 1 and each permanent member weight ``x = e - k + 1``, where ``e`` is the
    number of elected seats and ``k`` the elected votes needed besides the five; the quota
    ``5 x + k`` is then reached exactly by all five permanent members with ``k`` elected
    ones (``[39; 7 x5, 1 x10]`` after 1965, ``[27; 5 x5, 1 x6]`` before).

    See Also
    --------
    composite_game : the rule as written (nine votes and all five).
    multilateral.solvers.shapley_shubik : the members' power.

    Examples
    --------
    >>> from multilateral.cases import unsc
    >>> unsc.voting_game(matter="procedural")
    WeightedVotingGame([9; 1 x15])
    """
    r = rule(period, matter)
    labels = members(period)
    if not r.permanent_concurrence:
        return WeightedVotingGame([1] * r.seats, r.votes_required, members=labels)
    k = r.votes_required - r.permanent_seats
    x = r.elected_seats - k + 1
    return WeightedVotingGame([x] * r.permanent_seats + [1] * r.elected_seats,
                              x * r.permanent_seats + k, members=labels)


def composite_game(period: str = "post-1965") -> CompositeVotingGame:
    """The substantive rule as written: ``votes_required`` of the seats **and** all five.

    See Also
    --------
    voting_game : the same rule as one weighted game.

    Examples
    --------
    >>> from multilateral.cases import unsc
    >>> unsc.composite_game("pre-1965").is_equivalent(unsc.voting_game("pre-1965"))
    True
    """
    r = rule(period, "substantive")
    labels = members(period)
    votes = WeightedVotingGame([1] * r.seats, r.votes_required, members=labels)
    veto = WeightedVotingGame.unanimity(permanent_members(), members=labels)
    return intersection(votes, veto)
