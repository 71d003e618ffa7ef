"""Security Council authorization against a coalition of the willing: 1990-91 and 2003.

Two wars against Iraq, led by the United States, differ in one institutional fact: in 1990
the Council authorized "all necessary means" (resolution 678 of 29 November 1990, with China
abstaining and Cuba and Yemen against), in 2003 it did not (resolution 1441 of 8 November
2002 threatened "serious consequences"; the draft that would have opened the way to force
was withdrawn on 17 March 2003, France and Russia having announced a veto), and a coalition
of the willing acted alone. Thompson (2006) reads the 1990-91 case as information
transmission through a neutral body; Chapman (2009) opens with the 2003 campaign for
approval. :class:`~multilateral.models.Endorsement` gives the logic: an endorsement that
must pass the Council's most reluctant permanent member is informative; the coalition's
own is not.

Data (shipped table ``authorization_decisions``, one row per decision or event, with its
source, date, a note, and a ``status`` saying whether the row was confirmed on a primary
source and how): :data:`DECISIONS`. The vote on resolution 678 is partly confirmed (the
Council's own record of the count was not reached) and the start of the 1991 air campaign
rests on secondary accounts; each row's ``status`` says so.

:func:`council` builds the Council's endorsement game from fifteen positions under the
Council's shipped voting rule (nine votes including the five permanent members,
:func:`multilateral.cases.unsc.rule`); the positions are the user's assumption (no data set
of members' thresholds ships with the library).

References
----------
.. [1] UN Security Council resolutions 678 (1990) and 1441 (2002); draft resolution
   S/2003/215 (see each row's ``url``).
.. [2] Thompson, A. (2006). Coercion through IOs: the Security Council and the logic of
   information transmission. *International Organization* 60(1), 1-34.
.. [3] Chapman, T. L. (2009). Audience beliefs and international organization legitimacy.
   *International Organization* 63(4), 733-764.

Examples
--------
>>> from multilateral.cases import authorization
>>> [d.outcome for d in authorization.decisions("gulf_1990")]
['authorized', 'acted_with_authorization']
>>> authorization.decisions("iraq_2003")[-1].outcome
'acted_without_authorization'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .._namespace import public_dir
from ..errors import InvalidArgumentError, MalformedFileError
from ..models.legitimacy import Endorsement
from ..types import Number
from . import load_table
from .unsc import permanent_members, rule

__all__ = ["DECISIONS", "EPISODES", "OUTCOMES", "Decision", "council", "decisions"]
__dir__ = public_dir(__all__)

#: The two episodes.
EPISODES: tuple[str, ...] = ("gulf_1990", "iraq_2003")
#: What a row records.
OUTCOMES: tuple[str, ...] = ("authorized", "not_authorized", "draft_withdrawn",
                             "acted_with_authorization", "acted_without_authorization")


@dataclass(frozen=True)
class Decision:
    """One row: a Council decision or an event of an episode.

    Attributes
    ----------
    episode : {"gulf_1990", "iraq_2003"}
    decision : str
    date : str
        ISO date.
    outcome : str
        One of :data:`OUTCOMES`.
    in_favour, against, abstaining : int or None
        The vote (None where no vote was taken).
    permanent_not_in_favour : str
        Permanent members that abstained or announced opposition.
    source, url, note : str
    status : str
        How the row was confirmed on a primary source, or what is not confirmed.

    See Also
    --------
    decisions

    Examples
    --------
    >>> from multilateral.cases.authorization import DECISIONS
    >>> d = DECISIONS[0]
    >>> d.decision, d.in_favour, d.against, d.abstaining
    ('S/RES/678 (1990)', 12, 2, 1)
    """

    episode: str
    decision: str
    date: str
    outcome: str
    in_favour: int | None
    against: int | None
    abstaining: int | None
    permanent_not_in_favour: str
    source: str
    url: str
    note: str
    status: str


def _count(text: str, where: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise MalformedFileError(f"{where}: {text!r} is not a vote count") from None


def _decisions() -> tuple[Decision, ...]:
    out = []
    for k, row in enumerate(load_table("authorization_decisions")):
        where = f"authorization_decisions row {k + 1}"
        if row["episode"] not in EPISODES or row["outcome"] not in OUTCOMES:
            raise MalformedFileError(f"{where}: unknown episode or outcome")
        out.append(Decision(
            episode=row["episode"], decision=row["decision"], date=row["date"],
            outcome=row["outcome"], in_favour=_count(row["in_favour"], where),
            against=_count(row["against"], where),
            abstaining=_count(row["abstaining"], where),
            permanent_not_in_favour=row["permanent_not_in_favour"], source=row["source"],
            url=row["url"], note=row["note"], status=row["status"]))
    return tuple(out)


#: Every row of the shipped table, in date order.
DECISIONS: tuple[Decision, ...] = _decisions()


def decisions(episode: str | None = None) -> tuple[Decision, ...]:
    """The rows of one episode (or all), in date order.

    Raises
    ------
    InvalidArgumentError
        An unknown episode.

    See Also
    --------
    council : the Council's endorsement game.

    Examples
    --------
    >>> from multilateral.cases.authorization import decisions
    >>> decisions("iraq_2003")[1].decision
    'draft S/2003/215 withdrawn'
    """
    if episode is None:
        return DECISIONS
    if episode not in EPISODES:
        raise InvalidArgumentError(f"episode must be one of {EPISODES}, got {episode!r}")
    return tuple(d for d in DECISIONS if d.episode == episode)


def council(positions: Sequence[Number], *, audience: Number, seeker: Number = 0
            ) -> Endorsement:
    """The Security Council's endorsement game under its substantive voting rule.

    Parameters
    ----------
    positions : sequence of 15 numbers
        The five permanent members' positions first (in the order of
        :func:`multilateral.cases.unsc.permanent_members`), then ten elected members'.
    audience, seeker : number
        As in :class:`~multilateral.models.Endorsement`.

    Returns
    -------
    Endorsement
        Quota nine (the shipped rule), the permanent members as vetoes. The model's vote is
        binary, so a permanent member blocks whenever it does not approve; in the Council a
        permanent member's abstention does not block (resolution 678 passed with China
        abstaining), so read a permanent member's position as the merit below which it would
        vote against, not the one at which it would vote in favour.

    Raises
    ------
    InvalidArgumentError
        Not fifteen positions.

    See Also
    --------
    multilateral.models.Endorsement
    multilateral.cases.unsc.rule

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.cases.authorization import council
    >>> unsc = council([Fraction(1, 10), Fraction(3, 5), Fraction(1, 10), Fraction(1, 10),
    ...                 Fraction(1, 10)] + [Fraction(1, 5)] * 10, audience=Fraction(3, 5))
    >>> unsc.pivot, unsc.pivotal_members()
    (Fraction(3, 5), ('France',))
    """
    r = rule("post-1965", "substantive")
    if isinstance(positions, (str, bytes)) or len(positions) != r.seats:
        raise InvalidArgumentError(f"positions must hold {r.seats} numbers (the five "
                                   "permanent members first), got "
                                   f"{len(positions) if hasattr(positions, '__len__') else 0}")
    perm = permanent_members()
    labels = [*perm, *(f"E{i + 1}" for i in range(r.elected_seats))]
    return Endorsement(positions, audience=audience, seeker=seeker, quota=r.votes_required,
                       vetoes=range(len(perm)), members=labels)
