"""The Robinson-Goforth periodic table of the 144 strict ordinal 2x2 games, named after Bruns.

A *strict ordinal* 2x2 game gives each player the ranks 1 (worst) to 4 (best) over the four
outcomes, without ties. There are 24 x 24 = 576 such labelled games; relabelling the row
player's actions (swapping rows) or the column player's (swapping columns) gives the same game,
which leaves 144 classes. Robinson and Goforth (2005) arrange them in a "periodic table" in which
neighbouring games differ by one swap of two adjacent ranks of one player. Bruns (2015) names
every class by the two symmetric games whose payoff patterns the players have.

Notes
-----
*Orientation* (Bruns 2015, sec. 4, highest payoffs oriented "right-up"): a game is brought to
its canonical form by swapping columns so that the row player's 4 is in the right column, then
rows so that the column player's 4 is in the top row. Both swaps are forced, so the four
labellings of a game share one canonical form. In it the row player's matrix is one of 12
patterns: the 6 arrangements of the row player's ranks up to relabelling, each in two versions,
as the column player's best outcome is or is not in the row of the row player's. A pattern thus
describes a player's ranks relative to the other's best outcome, and each is the pattern of one
of the 12 symmetric games (:data:`SYMMETRIC_GAMES` holds the row player's; the column player's
is its reflection in the anti-diagonal, entry ``[r, c]`` taken from ``[1 - c, 1 - r]``).

*Coordinates*: the class of a game is ``g(i, j)``, where ``i`` (1..12) numbers the symmetric game
whose payoff pattern the row player has and ``j`` the column player's. The numbers follow the
order of the symmetric games around the topology (Bruns 2015), each a single swap of adjacent
ranks from the next: 1 Chicken, 2 Battle, 3 Hero, 4 Compromise, 5 Deadlock, 6 Prisoner's
Dilemma, 7 Stag Hunt, 8 Assurance, 9 Coordination, 10 Peace, 11 Harmony, 12 Concord (and back
to Chicken by swapping the two best outcomes). ``g(i, i)`` are the 12 symmetric games; swapping
the players maps ``g(i, j)`` to ``g(j, i)``.

*Layers and tiles*: in the symmetric games 1-6 the players' best outcomes lie in opposite
cells, in 7-12 they coincide. Where the two best outcomes lie
(:attr:`RobinsonGoforthClass.best_outcomes`: same cell, opposite cells, same row, same column)
is what separates Robinson and Goforth's four layers of 36 games; swaps of a player's two best
outcomes lead from one layer to another (Pd-Sh and Nc-Ch). Within a layer the 3x3 tiles differ
in which players have a dominant strategy (patterns 4-6 and 10-12 give one,
:attr:`RobinsonGoforthClass.dominant_strategy`).

References
----------
.. [1] Robinson, D. and Goforth, D. (2005). *The Topology of the 2x2 Games: A New Periodic
   Table*. Routledge.
.. [2] Bruns, B. R. (2015). Names for games: locating 2 x 2 games. *Games* 6(4), 495-520.
   https://doi.org/10.3390/g6040495

Examples
--------
>>> from multilateral.games._robinson_goforth import classify_ordinal
>>> pd = classify_ordinal([[3, 1], [4, 2]], [[3, 4], [1, 2]])   # action 0 = cooperate
>>> pd
RobinsonGoforthClass((6, 6), Pd: Prisoner's Dilemma)
>>> pd.is_symmetric, pd.best_outcomes, pd.dominant_strategy
(True, 'opposite cells', (True, True))
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..errors import InvalidArgumentError, InvalidGameError

__all__ = [
    "SYMMETRIC_GAMES",
    "RobinsonGoforthClass",
    "all_classes",
    "canonical_game",
    "classify_ordinal",
]

_Pattern = tuple[tuple[int, int], tuple[int, int]]
_Flat = tuple[int, int, int, int]
BestOutcomes = Literal["same cell", "opposite cells", "same row", "same column"]

#: The 12 symmetric strict ordinal games in Bruns' order (numbers 1..12): abbreviation, name,
#: the ordering of T, R, P, S (in the labelling whose best outcome is T or R), and the row
#: player's ranks in canonical orientation. In that orientation the row player's matrix reads
#: ``[[S, R], [P, T]]``: top row = cooperate, right column = the other cooperates.
_TABLE: tuple[tuple[str, str, str, _Pattern], ...] = (
    ("Ch", "Chicken", "T > R > S > P", ((2, 3), (1, 4))),
    ("Ba", "Battle", "T > S > R > P", ((3, 2), (1, 4))),
    ("He", "Hero", "T > S > P > R", ((3, 1), (2, 4))),
    ("Co", "Compromise", "T > P > S > R", ((2, 1), (3, 4))),
    ("Dl", "Deadlock", "T > P > R > S", ((1, 2), (3, 4))),
    ("Pd", "Prisoner's Dilemma", "T > R > P > S", ((1, 3), (2, 4))),
    ("Sh", "Stag Hunt", "R > T > P > S", ((1, 4), (2, 3))),
    ("As", "Assurance", "R > P > T > S", ((1, 4), (3, 2))),
    ("Cr", "Coordination", "R > P > S > T", ((2, 4), (3, 1))),
    ("Pc", "Peace", "R > S > P > T", ((3, 4), (2, 1))),
    ("Ha", "Harmony", "R > S > T > P", ((3, 4), (1, 2))),
    ("Nc", "Concord", "R > T > S > P", ((2, 4), (1, 3))),
)

#: ``(abbreviation, name, ordering)`` of the 12 symmetric games, numbered 1..12 in this order.
SYMMETRIC_GAMES: tuple[tuple[str, str, str], ...] = tuple(
    (abbr, name, ordering) for abbr, name, ordering, _ in _TABLE
)
_NAME = {abbr: name for abbr, name, _, _ in _TABLE}
_N = len(_TABLE)


@dataclass(frozen=True, repr=False)
class RobinsonGoforthClass:
    """A class of strict ordinal 2x2 games: one cell of the Robinson-Goforth periodic table.

    Attributes
    ----------
    index : tuple of int
        Bruns' coordinates ``(i, j)``, each 1..12: ``i`` numbers the symmetric game whose payoff
        pattern the row player has, ``j`` the column player's (see the module notes).
    row, col : str
        Abbreviations of those two symmetric games (e.g. ``'Pd'``, ``'Sh'``). A pattern is a
        player's ranks relative to the other player's best outcome (module notes), so ``row``
        depends on the row player's ranks and on which row holds the column player's 4.
    name : str
        The symmetric game's name when both players have the same pattern (e.g.
        ``"Prisoner's Dilemma"``), else the hybrid ``"<row game> / <column game>"``.
    is_symmetric : bool
        True when both players have the same pattern (``i == j``): some labelling of the game
        gives the column player the transpose of the row player's ranks.

    Notes
    -----
    Instances come from :func:`classify_ordinal` and :func:`all_classes`; they are immutable
    and compare and hash by value.

    Examples
    --------
    >>> from multilateral.games._robinson_goforth import canonical_game, classify_ordinal
    >>> c = classify_ordinal(*canonical_game((6, 7)))
    >>> c.name, c.abbreviation, c.row_name, c.col_name
    ("Prisoner's Dilemma / Stag Hunt", 'PdSh', "Prisoner's Dilemma", 'Stag Hunt')
    >>> c.best_outcomes, c.dominant_strategy
    ('same column', (True, False))
    """

    index: tuple[int, int]
    row: str
    col: str
    name: str
    is_symmetric: bool

    def __repr__(self) -> str:
        return f"RobinsonGoforthClass({self.index}, {self.abbreviation}: {self.name})"

    @property
    def abbreviation(self) -> str:
        """``'Pd'`` for a symmetric game, the row then the column abbreviation (``'PdSh'``) else."""
        return self.row if self.is_symmetric else self.row + self.col

    @property
    def row_name(self) -> str:
        """Name of the symmetric game whose payoff pattern the row player has."""
        return _NAME[self.row]

    @property
    def col_name(self) -> str:
        """Name of the symmetric game whose payoff pattern the column player has."""
        return _NAME[self.col]

    @property
    def best_outcomes(self) -> BestOutcomes:
        """Where the two players' best outcomes lie relative to each other.

        ``'same cell'`` (both get 4 at one outcome), ``'opposite cells'`` (they differ in both
        players' actions), ``'same row'`` (the column player's action decides who gets 4) or
        ``'same column'``. This is what distinguishes the four layers of the table.
        """
        row_win_win, col_win_win = self.index[0] > _N // 2, self.index[1] > _N // 2
        if row_win_win and col_win_win:
            return "same cell"
        if not row_win_win and not col_win_win:
            return "opposite cells"
        return "same row" if row_win_win else "same column"

    @property
    def dominant_strategy(self) -> tuple[bool, bool]:
        """Whether the row and the column player each have a (strictly) dominant strategy."""
        return (_has_dominant_row(_TABLE[self.index[0] - 1][3]),
                _has_dominant_row(_TABLE[self.index[1] - 1][3]))


def classify_ordinal(row: ArrayLike, col: ArrayLike) -> RobinsonGoforthClass:
    """Place a strict ordinal 2x2 game in the Robinson-Goforth table.

    Parameters
    ----------
    row, col : array_like
        The row and the column player's ranks as 2x2 arrays indexed ``[row action, column
        action]``; each must hold 1, 2, 3 and 4 once (4 = best). Ranks of arbitrary payoffs
        are :attr:`TwoByTwo.ordinal <multilateral.games.TwoByTwo.ordinal>`.

    Returns
    -------
    RobinsonGoforthClass
        The same for all four labellings of the game (rows and/or columns swapped).

    Raises
    ------
    InvalidGameError
        If an array is not 2x2 or is not a permutation of the ranks 1..4.

    Notes
    -----
    A dictionary lookup in a table of the 576 labelled games built at import.

    References
    ----------
    .. [1] Robinson, D. and Goforth, D. (2005). *The Topology of the 2x2 Games: A New Periodic
       Table*. Routledge.
    .. [2] Bruns, B. R. (2015). Names for games: locating 2 x 2 games. *Games* 6(4), 495-520.

    Examples
    --------
    >>> from multilateral.games._robinson_goforth import classify_ordinal
    >>> stag = classify_ordinal([[4, 1], [3, 2]], [[4, 3], [1, 2]])
    >>> stag.index, stag.name, stag.best_outcomes
    ((7, 7), 'Stag Hunt', 'same cell')
    >>> classify_ordinal([[1, 4], [2, 3]], [[3, 4], [2, 1]]).index  # columns swapped: the same
    (7, 7)
    >>> classify_ordinal([[1, 2], [3, 3]], [[1, 2], [3, 4]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    multilateral.errors.InvalidGameError: the row player's ranks must hold 1, 2, 3 and 4 once ...
    """
    key = (_as_ranks(row, "row player's"), _as_ranks(col, "column player's"))
    return _LOOKUP[key]


def all_classes() -> tuple[RobinsonGoforthClass, ...]:
    """The 144 classes, ordered by :attr:`~RobinsonGoforthClass.index`.

    Examples
    --------
    >>> from multilateral.games._robinson_goforth import all_classes
    >>> classes = all_classes()
    >>> len(classes), sum(c.is_symmetric for c in classes)
    (144, 12)
    >>> [c.abbreviation for c in classes if c.is_symmetric]
    ['Ch', 'Ba', 'He', 'Co', 'Dl', 'Pd', 'Sh', 'As', 'Cr', 'Pc', 'Ha', 'Nc']
    """
    return _CLASSES


def canonical_game(
    index: tuple[int, int] | RobinsonGoforthClass,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """A representative of a class: the row and column player's ranks in canonical orientation.

    Parameters
    ----------
    index : tuple of int or RobinsonGoforthClass
        Bruns' coordinates ``(i, j)``, each 1..12, or a class.

    Returns
    -------
    row, col : numpy.ndarray
        2x2 rank arrays indexed ``[row action, column action]``, with the row player's 4 in the
        right column and the column player's 4 in the top row.

    Raises
    ------
    InvalidArgumentError
        If ``index`` is not a pair of integers from 1 to 12.

    Examples
    --------
    >>> from multilateral.games._robinson_goforth import canonical_game, classify_ordinal
    >>> row, col = canonical_game((6, 6))            # Prisoner's Dilemma
    >>> row.tolist(), col.tolist()
    ([[1, 3], [2, 4]], [[4, 3], [2, 1]])
    >>> classify_ordinal(row, col).index
    (6, 6)
    """
    if isinstance(index, RobinsonGoforthClass):
        index = index.index
    try:
        i, j = index
        ok = all(isinstance(k, numbers.Integral) and not isinstance(k, bool) and 1 <= k <= _N
                 for k in (i, j))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise InvalidArgumentError(
            f"a Robinson-Goforth index is a pair (i, j) of integers from 1 to {_N}, got {index!r}"
        )
    row, col = _canonical(int(i), int(j))
    return np.array(row, dtype=np.int64), np.array(col, dtype=np.int64)


# -- internals ----------------------------------------------------------------------------------
def _as_ranks(x: ArrayLike, who: str) -> _Flat:
    """``x`` as a flat tuple of the ranks 1..4, or an :class:`InvalidGameError` saying why not."""
    try:
        a = np.asarray(x)
    except (TypeError, ValueError) as err:  # e.g. ragged nested lists
        raise InvalidGameError(
            f"the {who} ranks must be a 2x2 array of the ranks 1..4, got {x!r}"
        ) from err
    if a.shape != (2, 2):
        raise InvalidGameError(
            f"the {who} ranks must be a 2x2 array indexed [row action, column action], "
            f"got shape {a.shape}"
        )
    values: list[Any] = a.ravel().tolist()
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values) or sorted(
        values
    ) != [1, 2, 3, 4]:
        raise InvalidGameError(
            f"the {who} ranks must hold 1, 2, 3 and 4 once each (4 = best, no ties), "
            f"got {a.tolist()}"
        )
    return (int(values[0]), int(values[1]), int(values[2]), int(values[3]))


def _anti_transpose(m: _Pattern) -> _Pattern:
    """Reflection in the anti-diagonal: entry ``[r][c]`` is ``m[1 - c][1 - r]``."""
    return ((m[1][1], m[0][1]), (m[1][0], m[0][0]))


def _canonical(i: int, j: int) -> tuple[_Pattern, _Pattern]:
    return _TABLE[i - 1][3], _anti_transpose(_TABLE[j - 1][3])


def _has_dominant_row(m: _Pattern) -> bool:
    (a, b), (c, d) = m
    return (a > c and b > d) or (c > a and d > b)


def _relabellings(m: _Pattern) -> tuple[_Flat, _Flat, _Flat, _Flat]:
    """``m`` flattened as is, with its columns swapped, its rows swapped, and both."""
    (a, b), (c, d) = m
    return (a, b, c, d), (b, a, d, c), (c, d, a, b), (d, c, b, a)


_Lookup = dict[tuple[_Flat, _Flat], RobinsonGoforthClass]


def _build() -> tuple[tuple[RobinsonGoforthClass, ...], _Lookup]:
    rows = [_relabellings(_canonical(k, k)[0]) for k in range(1, _N + 1)]
    cols = [_relabellings(_canonical(k, k)[1]) for k in range(1, _N + 1)]
    classes: list[RobinsonGoforthClass] = []
    lookup: _Lookup = {}
    for i, (r, r_name, _, _) in enumerate(_TABLE, start=1):
        for j, (c, c_name, _, _) in enumerate(_TABLE, start=1):
            cls = RobinsonGoforthClass(
                index=(i, j), row=r, col=c,
                name=r_name if i == j else f"{r_name} / {c_name}", is_symmetric=i == j,
            )
            classes.append(cls)
            # the same relabelling (rows and/or columns swapped) applies to both players
            lookup.update(zip(zip(rows[i - 1], cols[j - 1], strict=True), [cls] * 4, strict=True))
    return tuple(classes), lookup


_CLASSES, _LOOKUP = _build()
