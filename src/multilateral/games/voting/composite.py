"""Composite voting rules: intersections and unions of simple games on the same members.

The UN Security Council needs nine of fifteen votes **and** the five permanent members (an
intersection); a double majority needs a majority of members and of population. The overview
and the references are in :mod:`multilateral.games.voting`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ...errors import InvalidArgumentError, InvalidGameError, InvalidTypeError
from .simple import SimpleGame

__all__ = ["CompositeVotingGame", "intersection", "union"]
__dir__ = public_dir(__all__)


class CompositeVotingGame(SimpleGame):
    """A rule built from simple games on the same members.

    ``rule="all"`` (an *intersection*): a coalition wins when it wins in every component, as
    in "nine of fifteen **and** all five permanent members" or a double majority of states
    and of population. ``rule="any"`` (a *union*): when it wins in at least one.

    Parameters
    ----------
    games : sequence of SimpleGame
        The components; each must have the same members (in any order: they are aligned to
        the first game's order).
    rule : {"all", "any"}

    Notes
    -----
    Winning is checked component by component, so any number of members works for
    :meth:`is_winning` and :attr:`veto_players`. Power indices of composite games are exact:
    double majorities and other combinations of one weighted game with member counts are
    counted in two halves (up to 32 members: the EU Council's 27 in about 0.3 s an index,
    Johnston about 1 s; beyond, Shapley-Shubik and Banzhaf from a weight table when the
    weights are moderate); other composite games enumerate the ``2**n`` coalitions (at most
    :data:`MAX_ENUMERATION_MEMBERS` members).

    See Also
    --------
    intersection : the rule "win in every component".
    union : the rule "win in at least one component".
    WeightedVotingGame : the usual component.
    multilateral.solvers.banzhaf : the Banzhaf power index (any simple game).

    Examples
    --------
    A double majority of 3 of 5 members holding 60% of the population:

    >>> import multilateral as ml
    >>> members = ["A", "B", "C", "D", "E"]
    >>> states = ml.WeightedVotingGame([1] * 5, 3, members=members)
    >>> people = ml.WeightedVotingGame([40, 25, 15, 12, 8], 60, members=members)
    >>> double = ml.games.intersection(states, people)
    >>> double
    CompositeVotingGame(all of 2 games, 5 members)
    >>> double.is_winning(["A", "B"]), double.is_winning(["A", "B", "E"])
    (False, True)
    >>> print(double)
    CompositeVotingGame(all of 2 games, 5 members)
    wins in all of: [1] quota 3 of 5; [2] quota 60 of 100
    member  weight [1]  weight [2]
    A                1          40
    B                1          25
    C                1          15
    D                1          12
    E                1           8
    """

    def __init__(self, games: Sequence[SimpleGame], rule: str = "all") -> None:
        if isinstance(games, SimpleGame) or not isinstance(games, Iterable):
            raise InvalidTypeError("games must be a sequence of simple games")
        parts = tuple(games)
        if not parts:
            raise InvalidGameError("a composite game needs at least one component game")
        for g in parts:
            if not isinstance(g, SimpleGame):
                raise InvalidTypeError(
                    f"components must be simple games (e.g. WeightedVotingGame), got "
                    f"{type(g).__name__}")
        if rule not in ("all", "any"):
            raise InvalidArgumentError(
                f"rule must be 'all' (intersection) or 'any' (union), got {rule!r}")
        first = parts[0].members
        for k, g in enumerate(parts[1:], start=2):
            if set(g.members) != set(first) or len(g.members) != len(first):
                extra = sorted(set(g.members) - set(first))
                missing = sorted(set(first) - set(g.members))
                raise InvalidGameError(
                    "inconsistent member lists: every component must have the same members; "
                    f"game {k} has extra {extra} and lacks {missing} compared with game 1")
        self._set(
            _games=tuple(g if g.members == first else g._reordered(first) for g in parts),
            _rule=rule,
            _members=first,
        )

    _games: tuple[SimpleGame, ...]
    _rule: str

    def _parameters(self) -> dict[str, Any]:
        return {"games": self._games, "rule": self._rule}

    @property
    def components(self) -> tuple[SimpleGame, ...]:
        """The component games (aligned to the same member order)."""
        return self._games

    @property
    def rule(self) -> str:
        """``"all"`` (intersection) or ``"any"`` (union)."""
        return self._rule

    def _wins(self, mask: int) -> bool:
        wins = (g._wins(mask) for g in self._games)
        return all(wins) if self._rule == "all" else any(wins)

    def _compute_winning_mask(self) -> NDArray[np.bool_]:
        masks = [g.winning_mask() for g in self._games]
        combine = np.logical_and if self._rule == "all" else np.logical_or
        out = masks[0].copy()
        for m in masks[1:]:
            combine(out, m, out=out)
        return out

    def _reordered(self, members: Sequence[str]) -> CompositeVotingGame:
        return CompositeVotingGame([g._reordered(members) for g in self._games], self._rule)

    def _merged(self, groups: list[tuple[str, tuple[int, ...]]]) -> CompositeVotingGame:
        return CompositeVotingGame([g._merged(groups) for g in self._games], self._rule)

    def _display_columns(self, shown: int) -> tuple[str, list[str], list[list[str]]]:
        rules, names = [], []
        cells: list[list[str]] = [[] for _ in self._members[:shown]]
        for k, g in enumerate(self._games, start=1):
            rule, columns, rows = g._display_columns(shown)
            rules.append(f"[{k}] {rule or type(g).__name__}")
            names += [f"{c} [{k}]" for c in columns]
            for row, extra in zip(cells, rows, strict=True):
                row += extra
        return f"wins in {self._rule} of: " + "; ".join(rules), names, cells

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CompositeVotingGame):
            return NotImplemented
        return (self._rule, self._games) == (other._rule, other._games)

    def __hash__(self) -> int:
        return hash((self._rule, self._games))

    def __repr__(self) -> str:
        return (f"{type(self).__name__}({self._rule} of {len(self._games)} games, "
                f"{self.n_members} members)")

    def __reduce__(self) -> tuple[Any, ...]:
        return (CompositeVotingGame, (self._games, self._rule))


# -- functions --------------------------------------------------------------------------------
def intersection(*games: SimpleGame) -> CompositeVotingGame:
    """The rule "win in every one of ``games``" (e.g. a double majority).

    See Also
    --------
    union : win in at least one.
    CompositeVotingGame : the class both return.

    Examples
    --------
    >>> import multilateral as ml
    >>> nine = ml.WeightedVotingGame([1] * 15, 9)
    >>> p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
    >>> council = ml.games.intersection(nine, p5)
    >>> council.veto_players
    ('P1', 'P2', 'P3', 'P4', 'P5')
    """
    return CompositeVotingGame(games, "all")


def union(*games: SimpleGame) -> CompositeVotingGame:
    """The rule "win in at least one of ``games``".

    See Also
    --------
    intersection : win in every one.
    CompositeVotingGame : the class both return.

    Examples
    --------
    >>> import multilateral as ml
    >>> a = ml.WeightedVotingGame([2, 1, 1], 3, members=["A", "B", "C"])
    >>> b = ml.WeightedVotingGame([1, 1, 1], 3, members=["A", "B", "C"])
    >>> ml.games.union(a, b).minimal_winning_coalitions()
    (('A', 'B'), ('A', 'C'))
    """
    return CompositeVotingGame(games, "any")
