"""Simple games: weighted voting games, composite rules (intersections, unions) and blocs.

A *simple game* says which coalitions of members win. Here the coalitions that win are
monotone (adding members never turns a winning coalition into a losing one), the grand
coalition wins and the empty one loses. A *weighted voting game* ``[q; w_1, ..., w_n]`` gives
member ``i`` the weight ``w_i >= 0``; a coalition wins when its weight reaches the quota ``q``.
Real rules are often *composite*: the UN Security Council needs nine of fifteen votes
**and** the concurring votes of the five permanent members (an intersection of two
games); a double majority needs a majority of members and of population.

The power indices of these games (Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel,
Holler-Packel) are in :mod:`multilateral.solvers.power`.

References
----------
.. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.
.. [2] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games: Desirability Relations,
   Trading, Pseudoweightings*. Princeton University Press.
.. [3] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
   Edward Elgar.

Examples
--------
>>> import multilateral as ml
>>> unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
>>> unsc
WeightedVotingGame([39; 7 x5, 1 x10])
>>> unsc.is_winning([0, 1, 2, 3, 4, 5, 6, 7, 8]), unsc.is_winning(range(1, 15))
(True, False)
>>> unsc.veto_players
('P1', 'P2', 'P3', 'P4', 'P5')
>>> nine = ml.WeightedVotingGame([1] * 15, 9)
>>> p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
>>> ml.games.intersection(nine, p5).is_equivalent(unsc)
True
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidGameError, InvalidTypeError
from ._common import Immutable, labels, popcount

if TYPE_CHECKING:
    from .coalitional import TUGame

__all__ = [
    "MAX_ENUMERATION_MEMBERS",
    "CompositeVotingGame",
    "SimpleGame",
    "WeightedVotingGame",
    "intersection",
    "minimal_winning_masks",
    "union",
    "with_blocs",
]
__dir__ = public_dir(__all__)

#: Largest number of members for which methods that enumerate all ``2**n`` coalitions run
#: (minimal winning coalitions, composite games, Johnston / Deegan-Packel / Holler-Packel).
MAX_ENUMERATION_MEMBERS = 25
_CACHE_MEMBERS = 20  # winning masks up to 2**20 coalitions (1 MB) are cached on the game
_CHUNK_BITS = 20

Number = int | Fraction


class SimpleGame(Immutable):
    """Base class of monotone simple games on labelled members.

    Subclasses say which coalitions win (:meth:`is_winning`); this class adds what follows
    from that: coalitions as bitmasks, the winning mask over all ``2**n`` coalitions, veto
    players, dummies, minimal winning coalitions, equivalence and blocs.

    Coalitions are given as collections of member labels (``["China", "France"]``) or
    indices (``[0, 1]``); as bitmasks, bit ``i`` stands for member ``i``.

    Simple games are immutable (assigning an attribute raises; ``with_`` gives a changed
    copy) and compare and hash by value.

    See Also
    --------
    WeightedVotingGame : a quota rule on members' weights.
    CompositeVotingGame : intersections and unions of simple games.
    TUGame : the 0/1 coalitional game (:meth:`to_tu_game`).
    multilateral.solvers.banzhaf : the Banzhaf power index.
    multilateral.solvers.shapley_shubik : the Shapley-Shubik power index.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([2, 1, 1], 3)  # a SimpleGame
    >>> g.veto_players
    ('P1',)
    """

    _members: tuple[str, ...]

    # -- members and coalitions -------------------------------------------------------------
    @property
    def members(self) -> tuple[str, ...]:
        """Member labels, in order."""
        return self._members

    @property
    def n_members(self) -> int:
        """Number of members."""
        return len(self._members)

    def index(self, member: str | int) -> int:
        """The index of ``member`` (a label or an index)."""
        if isinstance(member, str):
            try:
                return self._members.index(member)
            except ValueError:
                shown = self._members if self.n_members <= 12 else (*self._members[:12], "...")
                raise InvalidGameError(
                    f"unknown member {member!r}; members are {shown}") from None
        if isinstance(member, numbers.Integral) and not isinstance(member, bool):
            i = int(member)
            if not 0 <= i < self.n_members:
                raise InvalidGameError(
                    f"member index {i} out of range 0..{self.n_members - 1}")
            return i
        raise InvalidTypeError(f"a member is a label (str) or an index (int), got {member!r}")

    def mask(self, coalition: Iterable[str | int]) -> int:
        """The bitmask of a coalition given as member labels or indices."""
        if isinstance(coalition, (str, bytes)) or not isinstance(coalition, Iterable):
            raise InvalidTypeError(
                "a coalition is a collection of members (labels or indices), e.g. "
                f"['China', 'France'] or [0, 1]; got {coalition!r}")
        out = 0
        for member in coalition:
            out |= 1 << self.index(member)
        return out

    def coalition(self, mask: int) -> tuple[str, ...]:
        """The member labels in the coalition with bitmask ``mask``."""
        if isinstance(mask, bool) or not isinstance(mask, numbers.Integral):
            raise InvalidTypeError(f"mask must be an integer, got {mask!r}")
        if not 0 <= mask < 1 << self.n_members:
            raise InvalidGameError(f"mask must be in 0..2**{self.n_members} - 1, got {mask}")
        return tuple(m for i, m in enumerate(self._members) if mask >> i & 1)

    def is_winning(self, coalition: Iterable[str | int]) -> bool:
        """Whether ``coalition`` (member labels or indices) wins."""
        return self._wins(self.mask(coalition))

    def _wins(self, mask: int) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- enumeration ------------------------------------------------------------------------
    def winning_mask(self) -> NDArray[np.bool_]:
        """Whether each of the ``2**n`` coalitions wins: a read-only boolean array by bitmask.

        Raises
        ------
        InvalidArgumentError
            For more than :data:`MAX_ENUMERATION_MEMBERS` members.
        """
        self._check_enumerable("winning_mask")
        cached: NDArray[np.bool_] | None = getattr(self, "_mask_cache", None)
        if cached is not None:
            return cached
        out = self._compute_winning_mask()
        out.flags.writeable = False
        if self.n_members <= _CACHE_MEMBERS:
            self._set(_mask_cache=out)  # a cache, not part of the game's value
        return out

    def _compute_winning_mask(self) -> NDArray[np.bool_]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _check_enumerable(self, what: str) -> None:
        if self.n_members > MAX_ENUMERATION_MEMBERS:
            raise InvalidArgumentError(
                f"{what} enumerates all 2**n coalitions and supports at most "
                f"{MAX_ENUMERATION_MEMBERS} members; this game has {self.n_members}. For "
                "large weighted games use solvers.shapley_shubik or solvers.banzhaf, which "
                "do not enumerate coalitions")

    # -- structure --------------------------------------------------------------------------
    @property
    def veto_players(self) -> tuple[str, ...]:
        """Members without whom no coalition wins (``N - {i}`` loses)."""
        full = (1 << self.n_members) - 1
        return tuple(m for i, m in enumerate(self._members) if not self._wins(full & ~(1 << i)))

    @property
    def dummies(self) -> tuple[str, ...]:
        """Members who never turn a losing coalition into a winning one (null players)."""
        win = self.winning_mask()
        n = self.n_members
        out = []
        for i in range(n):
            halves = win.reshape(1 << (n - 1 - i), 2, 1 << i)
            if not np.any(halves[:, 1, :] & ~halves[:, 0, :]):
                out.append(self._members[i])
        return tuple(out)

    def minimal_winning_coalitions(self) -> tuple[tuple[str, ...], ...]:
        """The winning coalitions all of whose members are needed, as tuples of labels.

        Ordered by size, then by member order. Enumerates ``2**n`` coalitions: at most
        :data:`MAX_ENUMERATION_MEMBERS` members.
        """
        masks = minimal_winning_masks(self)
        sizes = popcount(masks)
        order = np.lexsort((masks, sizes))
        return tuple(self.coalition(int(m)) for m in masks[order])

    def is_equivalent(self, other: SimpleGame) -> bool:
        """True when ``other`` has the same members and the same winning coalitions."""
        if not isinstance(other, SimpleGame):
            raise InvalidTypeError(f"expected a simple game, got {type(other).__name__}")
        if set(other.members) != set(self._members):
            return False
        other = other._reordered(self._members)
        return bool(np.array_equal(self.winning_mask(), other.winning_mask()))

    def with_blocs(self, blocs: Mapping[str, Iterable[str | int]]) -> SimpleGame:
        """The game in which each bloc votes as one member (see :func:`with_blocs`)."""
        return with_blocs(self, blocs)

    def to_tu_game(self) -> TUGame:
        """The game as a 0/1 :class:`~multilateral.games.TUGame` (``v(S) = 1`` if S wins)."""
        from .coalitional import MAX_PLAYERS, TUGame

        if self.n_members > MAX_PLAYERS:
            raise InvalidArgumentError(
                f"a TUGame stores at most {MAX_PLAYERS} players; this game has "
                f"{self.n_members}")
        return TUGame(self.winning_mask().astype(np.int64), players=self._members)

    def _reordered(self, members: Sequence[str]) -> SimpleGame:  # pragma: no cover
        raise NotImplementedError

    def _merged(self, groups: list[tuple[str, tuple[int, ...]]]) -> SimpleGame:  # pragma: no cover
        raise NotImplementedError


class WeightedVotingGame(SimpleGame):
    """A weighted voting game ``[q; w_1, ..., w_n]``: a coalition wins when its weight >= q.

    Parameters
    ----------
    weights : sequence of int or Fraction
        One weight per member, each ``>= 0`` (integers, :class:`~fractions.Fraction` or
        integral floats; shares such as ``16.49`` must be given exactly, e.g.
        ``Fraction("16.49")``, or scaled to integers). A weight of 0 makes a dummy.
    quota : int, Fraction or float
        The weight a coalition needs to win, with ``0 < quota <= total weight``.
    members : sequence of str, optional
        Member labels (default ``"P1"``, ``"P2"``, ...).

    Attributes
    ----------
    weights : tuple
        The weights as given (ints or Fractions).
    quota : int or Fraction
    total : int or Fraction
        The sum of the weights.
    integer_weights, integer_quota
        The same game on integers: weights times the least common denominator, quota rounded
        up; what the solvers use.

    Notes
    -----
    Immutable; compares and hashes by its weights, quota and members (two games with
    different weights can still be *equivalent*: see :meth:`is_equivalent`). Any number of
    members is supported; methods that enumerate coalitions need at most
    :data:`MAX_ENUMERATION_MEMBERS`. :meth:`with_` gives a changed copy (e.g. another quota:
    ``game.with_(quota=45)``).

    See Also
    --------
    CompositeVotingGame : rules that combine weighted games (UN Security Council).
    with_blocs : members that vote together as one.
    TUGame : the game as a coalitional game (:meth:`to_tu_game`).
    multilateral.solvers.shapley_shubik : the Shapley-Shubik power index.
    multilateral.solvers.banzhaf : the Banzhaf power index.

    References
    ----------
    .. [1] von Neumann, J. and Morgenstern, O. (1944). *Theory of Games and Economic
       Behavior*, sec. 50.
    .. [2] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games*, ch. 1.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([49, 48, 3], quota=51, members=["A", "B", "C"])
    >>> g.is_winning(["B", "C"]), g.total
    (True, 100)
    >>> g.minimal_winning_coalitions()
    (('A', 'B'), ('A', 'C'), ('B', 'C'))
    >>> try:
    ...     ml.WeightedVotingGame([1, 2], quota=4)
    ... except ml.errors.InvalidGameError as err:
    ...     print(err)
    quota must satisfy 0 < quota <= total weight = 3 (a coalition wins when its weight
    reaches the quota); got 4
    """

    def __init__(
        self,
        weights: Sequence[Number],
        quota: Number,
        *,
        members: Sequence[str] | None = None,
    ) -> None:
        if isinstance(weights, (str, bytes, Mapping)) or not isinstance(weights, Iterable):
            raise InvalidTypeError(
                f"weights must be a sequence of numbers (one per member), got {weights!r}")
        ws = tuple(_as_weight(w, i) for i, w in enumerate(weights))
        if not ws:
            raise InvalidGameError("a weighted voting game needs at least one member")
        total = sum(ws, start=0)
        q = _as_quota(quota)
        if not 0 < q <= total:
            raise InvalidGameError(
                f"quota must satisfy 0 < quota <= total weight = {total} (a coalition wins "
                f"when its weight reaches the quota); got {quota!r}")
        scale = math.lcm(*(Fraction(w).denominator for w in ws))
        self._set(
            _weights=ws, _quota=q, _total=total,
            _members=labels(members, len(ws), "P", 1, "members"),
            _scale=scale,
            _int_weights=tuple(int(w * scale) for w in ws),
            _int_quota=math.ceil(q * scale),
        )

    _weights: tuple[Number, ...]
    _quota: Number
    _total: Number
    _scale: int
    _int_weights: tuple[int, ...]
    _int_quota: int

    def _parameters(self) -> dict[str, Any]:
        return {"weights": self._weights, "quota": self._quota, "members": self._members}

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def unanimity(
        cls,
        coalition: Iterable[str | int],
        *,
        n: int | None = None,
        members: Sequence[str] | None = None,
    ) -> WeightedVotingGame:
        """The game in which a coalition wins when it contains all of ``coalition``.

        Every member of ``coalition`` has weight 1 and a veto; the others have weight 0.
        Give the members (``members``) or their number (``n``).

        Examples
        --------
        >>> import multilateral as ml
        >>> p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
        >>> p5.veto_players, len(p5.dummies)
        (('P1', 'P2', 'P3', 'P4', 'P5'), 10)
        """
        if members is None:
            if n is None:
                raise InvalidGameError("give the members or their number (n)")
            if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
                raise InvalidTypeError(
                    f"n (the number of members) must be an integer >= 1, got {n!r}")
            size = int(n)
        else:
            size = len(members)
            if n is not None and n != size:
                raise InvalidGameError(f"n = {n} but {size} members were named")
        probe = cls([1] * size, 1, members=members)
        chosen = probe.mask(coalition)
        if chosen == 0:
            raise InvalidGameError("a unanimity game needs a nonempty coalition")
        weights = [chosen >> i & 1 for i in range(size)]
        return cls(weights, sum(weights), members=probe.members)

    # -- data -------------------------------------------------------------------------------
    @property
    def weights(self) -> tuple[Number, ...]:
        """Weights as given (ints or Fractions)."""
        return self._weights

    @property
    def quota(self) -> Number:
        """The weight a coalition needs to win."""
        return self._quota

    @property
    def total(self) -> Number:
        """The sum of the weights."""
        return self._total

    @property
    def integer_weights(self) -> tuple[int, ...]:
        """Weights scaled to integers (by the least common denominator)."""
        return self._int_weights

    @property
    def integer_quota(self) -> int:
        """The quota on the integer scale, rounded up (same winning coalitions)."""
        return self._int_quota

    def weight(self, coalition: Iterable[str | int]) -> Number:
        """The total weight of a coalition."""
        mask = self.mask(coalition)
        return sum((w for i, w in enumerate(self._weights) if mask >> i & 1), start=0)

    def _wins(self, mask: int) -> bool:
        weight = sum(w for i, w in enumerate(self._int_weights) if mask >> i & 1)
        return weight >= self._int_quota

    @property
    def veto_players(self) -> tuple[str, ...]:
        """Members whose weight exceeds ``total - quota``: without them no coalition wins."""
        total = sum(self._int_weights)
        return tuple(m for m, w in zip(self._members, self._int_weights, strict=True)
                     if total - w < self._int_quota)

    @property
    def dummies(self) -> tuple[str, ...]:
        """Members who are never pivotal (any number of members: a subset-sum check)."""
        q = self._int_quota
        window = (1 << q) - 1
        pivotal_weight: dict[int, bool] = {}
        for w in set(self._int_weights):
            if w == 0:
                pivotal_weight[w] = False
                continue
            reachable = 1  # bit k: some coalition of the others weighs k (k < q)
            skipped = False
            for v in self._int_weights:
                if v == w and not skipped:
                    skipped = True
                    continue
                if 0 < v < q:
                    reachable = (reachable | (reachable << v)) & window
            lo = max(q - w, 0)
            pivotal_weight[w] = (reachable >> lo) != 0
        return tuple(m for m, w in zip(self._members, self._int_weights, strict=True)
                     if not pivotal_weight[w])

    def _compute_winning_mask(self) -> NDArray[np.bool_]:
        n = self.n_members
        w = np.array(self._int_weights, dtype=object if max(self._int_weights) > 2**40
                     else np.int64)
        low_bits = min(n, _CHUNK_BITS)
        low = _subset_sums(w[:low_bits])
        high = _subset_sums(w[low_bits:])
        out = np.empty(1 << n, dtype=bool)
        step = 1 << low_bits
        for k, h in enumerate(high):
            out[k * step:(k + 1) * step] = (low + h) >= self._int_quota
        return out

    def _reordered(self, members: Sequence[str]) -> WeightedVotingGame:
        order = [self.index(m) for m in members]
        return WeightedVotingGame([self._weights[i] for i in order], self._quota,
                                  members=[self._members[i] for i in order])

    def _merged(self, groups: list[tuple[str, tuple[int, ...]]]) -> WeightedVotingGame:
        weights = [sum((self._weights[i] for i in idx), start=0) for _, idx in groups]
        return WeightedVotingGame(weights, self._quota, members=[g for g, _ in groups])

    # -- value semantics --------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WeightedVotingGame):
            return NotImplemented
        return (self._weights, self._quota, self._members) == (
            other._weights, other._quota, other._members)

    def __hash__(self) -> int:
        return hash((self._weights, self._quota, self._members))

    def __repr__(self) -> str:
        return f"{type(self).__name__}([{self._quota}; {_runs(self._weights)}])"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_weighted, (self._weights, self._quota, self._members))


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
    :meth:`is_winning` and :attr:`veto_players`; power indices of composite games enumerate
    the ``2**n`` coalitions (at most :data:`MAX_ENUMERATION_MEMBERS` members), exactly.

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


# -- functions ----------------------------------------------------------------------------------
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


def with_blocs(game: SimpleGame, blocs: Mapping[str, Iterable[str | int]]) -> SimpleGame:
    """The game in which the members of each bloc vote together, as one member.

    A bloc's weight is the sum of its members' weights (for composite games, in every
    component). The bloc takes the place of its first member; members outside the blocs
    keep their labels.

    Parameters
    ----------
    game : SimpleGame
    blocs : mapping of str to collections of members
        Bloc label -> its members (labels or indices). A member belongs to at most one bloc;
        a bloc's label must not be the label of a member outside it.

    See Also
    --------
    SimpleGame.with_blocs : the same, as a method.
    multilateral.solvers.caucus_power : how much a caucus gains by voting as a bloc.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([4, 3, 2, 1], quota=6, members=["A", "B", "C", "D"])
    >>> with_blocs(g, {"CD": ["C", "D"]})
    WeightedVotingGame([6; 4, 3, 3])
    >>> with_blocs(g, {"CD": ["C", "D"]}).members
    ('A', 'B', 'CD')
    """
    if not isinstance(game, SimpleGame):
        raise InvalidTypeError(f"expected a simple game, got {type(game).__name__}")
    if not isinstance(blocs, Mapping):
        raise InvalidTypeError(
            "blocs must be a mapping from bloc label to its members, e.g. "
            f"{{'EU': ['France', 'Germany']}}; got {type(blocs).__name__}")
    owner: dict[int, str] = {}
    members_of: dict[str, tuple[int, ...]] = {}
    for label, group in blocs.items():
        if not isinstance(label, str) or not label:
            raise InvalidTypeError(f"bloc labels must be nonempty strings, got {label!r}")
        idx = tuple(sorted({game.index(m) for m in _as_members(group, label)}))
        if not idx:
            raise InvalidGameError(f"bloc {label!r} has no members")
        for i in idx:
            if i in owner:
                raise InvalidGameError(
                    f"member {game.members[i]!r} is in two blocs: {owner[i]!r} and {label!r}")
            owner[i] = label
        members_of[label] = idx
    outside = {m for i, m in enumerate(game.members) if i not in owner}
    clash = sorted(outside & set(members_of))
    if clash:
        raise InvalidGameError(
            f"bloc label(s) {clash} are already labels of members outside the bloc")
    groups: list[tuple[str, tuple[int, ...]]] = []
    seen: set[str] = set()
    for i, m in enumerate(game.members):
        if i in owner:
            label = owner[i]
            if label not in seen:
                seen.add(label)
                groups.append((label, members_of[label]))
        else:
            groups.append((m, (i,)))
    return game._merged(groups)


def minimal_winning_masks(game: SimpleGame) -> NDArray[np.int64]:
    """Bitmasks of the minimal winning coalitions (ascending), by enumeration.

    At most :data:`MAX_ENUMERATION_MEMBERS` members.

    See Also
    --------
    SimpleGame.minimal_winning_coalitions : the same coalitions as tuples of labels.
    multilateral.solvers.deegan_packel : a power index built on them.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.WeightedVotingGame([2, 1, 1], 3)
    >>> ml.games.minimal_winning_masks(game).tolist()    # {0, 1} and {0, 2}
    [3, 5]
    """
    game._check_enumerable("minimal winning coalitions")
    win = game.winning_mask()
    n = game.n_members
    minimal = win.copy()
    for i in range(n):
        halves = minimal.reshape(1 << (n - 1 - i), 2, 1 << i)
        # S with i is not minimal when S - {i} still wins
        halves[:, 1, :] &= ~win.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 0, :]
    return np.flatnonzero(minimal).astype(np.int64)


# -- helpers --------------------------------------------------------------------------------------
def _as_weight(value: Any, i: int) -> Number:
    if isinstance(value, (bool, np.bool_)):
        raise InvalidTypeError(f"weights must be numbers, not booleans (member {i})")
    if isinstance(value, numbers.Integral):
        out: Number = int(value)
    elif isinstance(value, numbers.Rational):
        out = _normal(Fraction(value))
    elif isinstance(value, numbers.Real):
        x = float(value)
        if not math.isfinite(x):
            raise InvalidGameError(f"weights must be finite; member {i} has {value!r}")
        if not x.is_integer():
            raise InvalidGameError(
                f"weights must be integers or Fractions; member {i} has the float {value!r}. "
                f"Give it exactly, e.g. Fraction('{value!r}'), or scale all weights to "
                "integers")
        out = int(x)
    else:
        raise InvalidTypeError(
            f"weights must be numbers (int or Fraction); member {i} has {value!r}")
    if out < 0:
        raise InvalidGameError(f"weights must be >= 0; member {i} has weight {value!r}")
    return out


def _as_quota(value: Any) -> Number:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(f"quota must be a number, got {value!r}")
    if isinstance(value, numbers.Rational):
        return _normal(Fraction(value))
    x = float(value)
    if not math.isfinite(x):
        raise InvalidGameError(f"quota must be finite, got {value!r}")
    return _normal(Fraction(x))


def _normal(x: Fraction) -> Number:
    return int(x) if x.denominator == 1 else x


def _as_members(group: Any, label: str) -> tuple[Any, ...]:
    if isinstance(group, (str, bytes)) or not isinstance(group, Iterable):
        raise InvalidTypeError(
            f"bloc {label!r}: give its members as a collection of labels or indices, got "
            f"{group!r}")
    return tuple(group)


def _subset_sums(weights: NDArray[Any]) -> NDArray[Any]:
    """Weights of all ``2**len(weights)`` subsets, indexed by bitmask."""
    sums = np.zeros(1, dtype=weights.dtype)
    for w in weights:
        sums = np.concatenate([sums, sums + w])
    return sums




def _runs(values: Sequence[Number], limit: int = 12) -> str:
    """``7 x5, 1 x10`` for runs of three or more equal values; long lists are shortened."""
    parts: list[str] = []
    k = 0
    while k < len(values):
        j = k
        while j < len(values) and values[j] == values[k]:
            j += 1
        run = j - k
        parts.extend([f"{values[k]} x{run}"] if run >= 3 else [str(values[k])] * run)
        k = j
    if len(parts) > limit:
        parts = [*parts[:limit - 2], "...", parts[-1]]
        return ", ".join(parts) + f" ({len(values)} members)"
    return ", ".join(parts)


def _rebuild_weighted(weights: Any, quota: Any, members: Any) -> WeightedVotingGame:
    return WeightedVotingGame(weights, quota, members=members)
