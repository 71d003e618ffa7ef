"""2x2 games: Oye's classification and the Robinson-Goforth periodic table."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import Any, Literal, Self, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._namespace import public_dir
from ..errors import InvalidGameError, InvalidTypeError
from ..types import Number
from ._robinson_goforth import RobinsonGoforthClass, classify_ordinal
from .normal_form import NormalFormGame

__all__ = ["OYE_ORDERINGS", "OyeType", "TwoByTwo"]
__dir__ = public_dir(__all__)

#: The names of Oye's five 2x2 games (:meth:`TwoByTwo.oye_type` returns one of them).
OyeType = Literal["prisoners_dilemma", "stag_hunt", "chicken", "deadlock", "harmony"]

#: Each Oye type as the strict preference orderings over the four outcomes that define it, written
#: from one player's side with T = defect while the other cooperates, R = both cooperate,
#: P = both defect, S = cooperate while the other defects (Oye 1985, pp. 6-7; Jervis 1978 for
#: the Stag Hunt; harmony is every ordering in which cooperating is dominant and mutual
#: cooperation is the best outcome).
OYE_ORDERINGS: dict[str, tuple[str, ...]] = {
    "prisoners_dilemma": ("TRPS",),
    "stag_hunt": ("RTPS",),
    "chicken": ("TRSP",),
    "deadlock": ("TPRS",),
    "harmony": ("RTSP", "RSTP", "RSPT"),
}
_TYPE_OF_ORDERING = {o: t for t, orders in OYE_ORDERINGS.items() for o in orders}


class TwoByTwo(NormalFormGame):
    """A two-player game with two actions each, read as cooperate (action 0) / defect (action 1).

    Parameters
    ----------
    row, col : array_like
        2x2 payoff matrices of the row and the column player, indexed ``[row action, column
        action]``. Action 0 is "cooperate" (C) and action 1 "defect" (D) for Oye's
        classification.
    players, actions : optional
        Labels, as for :class:`NormalFormGame` (actions default to ``("C", "D")``).

    Notes
    -----
    Oye (1985) explains cooperation first by the payoff structure: each player's ordering of the
    outcomes T (defect against a cooperator), R (mutual cooperation), P (mutual defection) and
    S (cooperate against a defector). :attr:`oye_type` is the type both players share, by strict
    orderings only: a tie (e.g. ``T > R > P = S``) is not silently assigned a type; it gives
    ``None`` and :attr:`orderings` shows the tie. :attr:`robinson_goforth` places any game with
    strict ordinal preferences in the 144-game periodic table (Robinson & Goforth 2005).

    See Also
    --------
    NormalFormGame : the general N-player game this specializes.
    RepeatedGame : a 2x2 game played repeatedly (Oye's shadow of the future).
    multilateral.solvers.nash_equilibria : all Nash equilibria.
    multilateral.solvers.critical_discount : the least discount factor that sustains a profile.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
       *World Politics* 38(1), 1-24.
    .. [2] Robinson, D. and Goforth, D. (2005). *The Topology of the 2x2 Games: A New Periodic
       Table*. Routledge.
    .. [3] Bruns, B. R. (2015). Names for games: locating 2 x 2 games. *Games* 6(4), 495-520.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> pd.oye_type, pd.orderings
    ('prisoners_dilemma', ('T > R > P > S', 'T > R > P > S'))
    >>> ml.TwoByTwo.symmetric(T=3, R=4, P=1, S=1).orderings[0]    # a tie is reported, not typed
    'R > T > P = S'
    """

    def __init__(
        self,
        row: ArrayLike,
        col: ArrayLike,
        *,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> None:
        super().__init__(row, col, players=players, actions=actions)
        if self.shape != (2, 2):
            raise InvalidGameError(f"a TwoByTwo game needs 2x2 payoff matrices, got {self.shape}")
        if actions is None:
            self._set(_actions=(("C", "D"), ("C", "D")))

    def _parameters(self) -> dict[str, Any]:
        return {"row": self.payoff_array(0), "col": self.payoff_array(1),
                "players": self.players, "actions": self.actions}

    def _from_parameters(self, parameters: dict[str, Any]) -> Self:
        return type(self)(**parameters)

    @classmethod
    def symmetric(cls, T: Number, R: Number, P: Number, S: Number, *,
                  players: Sequence[str] | None = None,
                  actions: Sequence[Sequence[str]] | None = None) -> TwoByTwo:
        """The symmetric game with row payoffs ``[[R, S], [T, P]]`` (the column player mirrors).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.TwoByTwo.symmetric(T=4, R=3, P=2, S=1).payoffs[..., 0].tolist()
        [[3, 1], [4, 2]]
        """
        row = [[R, S], [T, P]]
        col = [[R, T], [S, P]]
        # numpy's ArrayLike has no Fraction; the constructor takes Fractions all the same
        return cls(cast(ArrayLike, row), cast(ArrayLike, col), players=players, actions=actions)

    @classmethod
    def from_game(cls, game: NormalFormGame) -> TwoByTwo:
        """View a 2x2 :class:`NormalFormGame` as a :class:`TwoByTwo`."""
        if not isinstance(game, NormalFormGame):
            raise InvalidTypeError(
                f"from_game needs a NormalFormGame of shape (2, 2), got {type(game).__name__}")
        if game.shape != (2, 2):
            raise InvalidGameError(f"a TwoByTwo game needs shape (2, 2), got {game.shape}")
        return cls(game.payoff_array(0), game.payoff_array(1), players=game.players,
                   actions=game.actions)

    # -- the four outcomes from each side ----------------------------------------------------
    def trps(self, player: int) -> tuple[Number, Number, Number, Number]:
        """``(T, R, P, S)`` of ``player`` (0 = row, 1 = column), action 0 read as cooperate."""
        u = self.payoff_array(player)
        if player == 1:
            u = u.T  # index the column player's matrix by [own action, other's action]
        return (u[1, 0], u[0, 0], u[1, 1], u[0, 1])

    @functools.cached_property
    def orderings(self) -> tuple[str, str]:
        """Each player's preference ordering of T, R, P, S, best first (ties shown as ``=``)."""
        return (_ordering(self.trps(0)), _ordering(self.trps(1)))

    @functools.cached_property
    def oye_types(self) -> tuple[str | None, str | None]:
        """Each player's Oye type by his own strict ordering (``None`` for ties or other types)."""
        return tuple(_TYPE_OF_ORDERING.get(o.replace(" > ", "")) for o in self.orderings)  # type: ignore[return-value]

    @property
    def oye_type(self) -> str | None:
        """The Oye type both players share, or ``None``.

        One of ``'prisoners_dilemma'``, ``'stag_hunt'``, ``'chicken'``, ``'deadlock'``,
        ``'harmony'``.
        """
        a, b = self.oye_types
        return a if a == b else None

    @property
    def is_symmetric(self) -> bool:
        """True when the column player's payoffs are the transpose of the row player's."""
        return bool(np.all(self.payoff_array(0) == self.payoff_array(1).T))

    @functools.cached_property
    def ordinal(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Each player's payoffs replaced by ranks 1 (worst) to 4 (best); ties share a rank."""
        return (_ranks(self.payoff_array(0)), _ranks(self.payoff_array(1)))

    @property
    def has_strict_preferences(self) -> bool:
        """True when neither player is indifferent between any two outcomes."""
        return all(len(set(np.asarray(self.payoff_array(i)).ravel().tolist())) == 4 for i in (0, 1))

    @functools.cached_property
    def robinson_goforth(self) -> RobinsonGoforthClass:
        """The game's class in the Robinson-Goforth table of the 144 strict ordinal 2x2 games.

        Raises
        ------
        InvalidGameError
            If a player is indifferent between two outcomes (ties lie outside the 144).
        """
        if not self.has_strict_preferences:
            raise InvalidGameError(
                "the Robinson-Goforth table covers strict ordinal games only; this game has "
                f"ties (orderings {self.orderings})"
            )
        return classify_ordinal(*self.ordinal)


def _ordering(trps: tuple[Any, Any, Any, Any]) -> str:
    items = sorted(zip("TRPS", trps, strict=True), key=lambda kv: kv[1], reverse=True)
    out = items[0][0]
    for (_, prev), (name, val) in itertools.pairwise(items):
        out += (" = " if val == prev else " > ") + name
    return out


def _ranks(u: NDArray[Any]) -> NDArray[np.int64]:
    values = sorted(set(np.asarray(u).ravel().tolist()))
    rank = {v: 4 - (len(values) - 1 - k) for k, v in enumerate(values)}
    return np.array([[rank[x] for x in r] for r in np.asarray(u).tolist()], dtype=np.int64)
