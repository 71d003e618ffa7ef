"""Simple games on labelled members: coalitions as bitmasks, winning coalitions, blocs.

:class:`SimpleGame` is the base class of the voting games (:mod:`.weighted`,
:mod:`.composite`): from which coalitions win it derives the winning mask over all ``2**n``
coalitions, veto players, dummies, minimal winning coalitions, equivalence and blocs
(:func:`with_blocs`). The overview and the references are in
:mod:`multilateral.games.voting`.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ..._display import html_table, text_table
from ..._namespace import public_dir
from ..._numeric import popcount
from ...errors import InvalidArgumentError, InvalidGameError, InvalidTypeError
from .._common import Immutable

if TYPE_CHECKING:
    from ..coalitional import TUGame

__all__ = ["MAX_ENUMERATION_MEMBERS", "SimpleGame", "minimal_winning_masks", "with_blocs"]
__dir__ = public_dir(__all__)

#: Largest number of members for which methods that enumerate all ``2**n`` coalitions run
#: (minimal winning coalitions, composite games, Johnston / Deegan-Packel / Holler-Packel).
MAX_ENUMERATION_MEMBERS = 25
_CACHE_MEMBERS = 20  # winning masks up to 2**20 coalitions (1 MB) are cached on the game


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
        self.check_enumerable("winning_mask")
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

    def check_enumerable(self, name: str = "this computation") -> None:
        """Raise unless the game is small enough to enumerate its ``2**n`` coalitions.

        Parameters
        ----------
        name : str, optional
            The computation that needs the enumeration, as the error message names it.

        Raises
        ------
        InvalidArgumentError
            For more than :data:`MAX_ENUMERATION_MEMBERS` members.

        See Also
        --------
        winning_mask : the enumeration itself.
        minimal_winning_masks : the minimal winning coalitions, by enumeration.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.WeightedVotingGame([2, 1, 1], 3).check_enumerable()  # small: nothing to say
        >>> try:
        ...     ml.WeightedVotingGame([1] * 30, 16).check_enumerable("the Johnston index")
        ... except ml.errors.InvalidArgumentError as err:
        ...     print(str(err).split(";")[0])
        the Johnston index enumerates all 2**n coalitions and supports at most 25 members
        """
        if self.n_members > MAX_ENUMERATION_MEMBERS:
            raise InvalidArgumentError(
                f"{name} enumerates all 2**n coalitions and supports at most "
                f"{MAX_ENUMERATION_MEMBERS} members; this game has {self.n_members}. The "
                "power indices of weighted games of any size, and those of double majorities "
                "of up to 32 members, do not enumerate coalitions")

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
        from ..coalitional import MAX_PLAYERS, TUGame

        if self.n_members > MAX_PLAYERS:
            raise InvalidArgumentError(
                f"a TUGame stores at most {MAX_PLAYERS} players; this game has "
                f"{self.n_members}")
        return TUGame(self.winning_mask().astype(np.int64), players=self._members)

    # -- display ----------------------------------------------------------------------------
    def _display_columns(self, shown: int) -> tuple[str, list[str], list[list[str]]]:
        """A sentence on the rule, and per-member columns (names, one row of cells for each
        of the first ``shown`` members) for ``str`` and HTML; subclasses add theirs (a
        weighted game its weights)."""
        return "", [], [[] for _ in self._members[:shown]]

    def _describe(self) -> tuple[str, list[str], list[list[str]]]:
        """The rule, and the members' table (header, rows), long tables cut."""
        rule, names, cells = self._display_columns(_SHOWN_MEMBERS)
        rows = [[m, *c] for m, c in zip(self._members[:_SHOWN_MEMBERS], cells, strict=True)]
        if self.n_members > _SHOWN_MEMBERS:  # (no row is built for the members left out)
            rows.append([f"... ({self.n_members - _SHOWN_MEMBERS} more members)"])
        return rule, ["member", *names], rows

    def __str__(self) -> str:
        rule, header, rows = self._describe()
        return "\n".join(t for t in (repr(self), rule, text_table(header, rows)) if t)

    def _repr_html_(self) -> str:
        """The rule and the members' table as HTML (labels escaped), for notebooks."""
        rule, header, rows = self._describe()
        return html_table(header, rows, caption=f"{self!r}{': ' + rule if rule else ''}")

    def _reordered(self, members: Sequence[str]) -> SimpleGame:  # pragma: no cover
        raise NotImplementedError

    def _merged(self, groups: list[tuple[str, tuple[int, ...]]]) -> SimpleGame:  # pragma: no cover
        raise NotImplementedError


# -- functions --------------------------------------------------------------------------------
#: Members listed by ``str`` and HTML before the rest are left out.
_SHOWN_MEMBERS = 30


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
    game.check_enumerable("minimal winning coalitions")
    win = game.winning_mask()
    n = game.n_members
    minimal = win.copy()
    for i in range(n):
        halves = minimal.reshape(1 << (n - 1 - i), 2, 1 << i)
        # S with i is not minimal when S - {i} still wins
        halves[:, 1, :] &= ~win.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 0, :]
    return np.flatnonzero(minimal).astype(np.int64)


def _as_members(group: Any, label: str) -> tuple[Any, ...]:
    if isinstance(group, (str, bytes)) or not isinstance(group, Iterable):
        raise InvalidTypeError(
            f"bloc {label!r}: give its members as a collection of labels or indices, got "
            f"{group!r}")
    return tuple(group)
