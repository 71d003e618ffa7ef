"""Finite games in normal (strategic) form."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from fractions import Fraction
from html import escape as html_escape
from typing import TYPE_CHECKING, Any, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._display import cut_rows, html_table, latex_escape, latex_number, latex_table, text_table
from .._namespace import public_dir
from .._numeric import format_number
from .._validation import as_number_array, as_probability_vector, to_float
from ..errors import InvalidArgumentError, InvalidGameError, InvalidPayoffsError, InvalidTypeError
from ..types import NumberArray
from ._common import Immutable, action_values, labels

if TYPE_CHECKING:  # nashpy is imported lazily: it is only needed for conversions
    import nashpy

__all__ = ["NormalFormGame"]
__dir__ = public_dir(__all__)


class NormalFormGame(Immutable):
    """A finite N-player game in normal form.

    Parameters
    ----------
    *payoffs : array_like
        Either one array of shape ``(n_1, ..., n_N, N)`` whose entry ``[a_1, ..., a_N, i]`` is
        player ``i``'s payoff at the action profile ``(a_1, ..., a_N)``, or ``N >= 2`` arrays of
        shape ``(n_1, ..., n_N)``, one per player (``NormalFormGame(A, B)`` for a bimatrix game,
        as in nashpy). Integers and :class:`fractions.Fraction` stay exact; floats must be finite.
    players : sequence of str, optional
        Player names (default ``"P1"``, ``"P2"``, ...).
    actions : sequence of sequence of str, optional
        Action labels per player (default ``"a0"``, ``"a1"``, ...).

    Attributes
    ----------
    payoffs : numpy.ndarray
        Read-only payoff array of shape ``(n_1, ..., n_N, N)``.
    shape : tuple of int
        Numbers of actions ``(n_1, ..., n_N)``.
    n_players : int
    players, actions : tuple
        The labels.

    Notes
    -----
    Games are immutable (the arrays are copied and made read-only; assigning an attribute
    raises) and compare and hash by value, so they can be dictionary keys and be cached;
    :meth:`with_` gives a changed copy.

    See Also
    --------
    TwoByTwo : two players with two actions each, classified (Oye, Robinson-Goforth).
    AnonymousGame : symmetric N-player binary-choice games stored in O(n).
    RepeatedGame : a stage game played repeatedly with discounting.
    multilateral.solvers.nash_equilibria : all equilibria of a two-player game.
    multilateral.solvers.pure_nash_equilibria : pure equilibria of any N-player game.
    multilateral.solvers.correlated_equilibrium : correlated equilibria by linear programming.

    References
    ----------
    .. [1] Osborne, M. J. and Rubinstein, A. (1994). *A Course in Game Theory*. MIT Press, ch. 2.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    >>> pd
    NormalFormGame(2x2, players=('P1', 'P2'))
    >>> pd.payoffs[1, 0]          # row defects, column cooperates
    array([5, 0])
    >>> pd.expected_payoffs([[0.5, 0.5], [1, 0]])
    array([4. , 1.5])

    ``str`` (and ``_repr_html_`` in a notebook) shows the payoff table, exact numbers exactly;
    :meth:`to_latex` writes it for a paper:

    >>> print(pd)
    NormalFormGame(2x2, players=('P1', 'P2'))
    P1 \\ P2     C     D
    C        3, 3  0, 5
    D        5, 0  1, 1
    """

    def __init__(
        self,
        *payoffs: ArrayLike,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> None:
        if not payoffs:
            raise InvalidPayoffsError("NormalFormGame needs payoffs: one (n_1, ..., n_N, N) array")
        if len(payoffs) == 1:
            arr = as_number_array(payoffs[0])
            if arr.ndim < 2 or arr.shape[-1] != arr.ndim - 1:
                raise InvalidPayoffsError(
                    "a single payoff array must have shape (n_1, ..., n_N, N) with N = number "
                    f"of players = ndim - 1; got shape {arr.shape}. For one array per player "
                    "pass them separately: NormalFormGame(A, B)"
                )
        else:
            parts = [as_number_array(p, f"payoffs of player {i}") for i, p in enumerate(payoffs)]
            shapes = {p.shape for p in parts}
            if len(shapes) != 1:
                raise InvalidPayoffsError(
                    f"per-player payoff arrays must all have the same shape; got {sorted(shapes)}"
                )
            (shape,) = shapes
            if len(shape) != len(parts):
                raise InvalidPayoffsError(
                    f"{len(parts)} players need payoff arrays with {len(parts)} axes (one per "
                    f"player's action); got shape {shape}"
                )
            exact = any(p.dtype == object for p in parts)
            arr = np.stack([p.astype(object) if exact else p for p in parts], axis=-1)
            if not exact and arr.dtype.kind == "f":
                arr = arr.astype(np.float64)
        if 0 in arr.shape:
            raise InvalidGameError(
                f"every player needs at least one action; got action counts {arr.shape[:-1]}"
            )
        _check_float_range(arr)
        arr = _no_int64_overflow(arr)
        arr = arr.copy()
        arr.flags.writeable = False
        n = arr.ndim - 1
        names = labels(players, n, "P", 1, "players")
        if actions is None:
            moves = tuple(tuple(f"a{k}" for k in range(m)) for m in arr.shape[:-1])
        else:
            if (isinstance(actions, str) or not isinstance(actions, Sequence)
                    or len(actions) != n):
                raise InvalidGameError(
                    f"actions must give one sequence of labels per player ({n}), got {actions!r}"
                )
            moves = tuple(
                labels(a, m, "a", 0, f"actions of player {names[i]!r}")
                for i, (a, m) in enumerate(zip(actions, arr.shape[:-1], strict=True))
            )
        self._set(_payoffs=arr, _players=names, _actions=moves)

    _payoffs: NDArray[Any]
    _players: tuple[str, ...]
    _actions: tuple[tuple[str, ...], ...]

    # -- basic properties -------------------------------------------------------------------
    @property
    def payoffs(self) -> NumberArray:
        """Read-only payoff array of shape ``(n_1, ..., n_N, N)``."""
        return self._payoffs

    @property
    def shape(self) -> tuple[int, ...]:
        """Numbers of actions of each player."""
        return tuple(self._payoffs.shape[:-1])

    @property
    def n_players(self) -> int:
        """Number of players."""
        return self._payoffs.ndim - 1

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Action labels, one tuple per player."""
        return self._actions

    @property
    def is_exact(self) -> bool:
        """True when payoffs are integers or fractions (solvers can answer exactly)."""
        return self._payoffs.dtype.kind in "iuO"

    @functools.cached_property
    def float_payoffs(self) -> NDArray[np.float64]:
        """Payoffs as a read-only float64 array (what numerical solvers use)."""
        arr = to_float(self._payoffs)
        arr.flags.writeable = False
        return arr

    def payoff_array(self, player: int) -> NumberArray:
        """Player ``player``'s payoffs, an array of shape ``(n_1, ..., n_N)``."""
        return self._payoffs[..., self._player_index(player)]

    # -- mixed strategies -------------------------------------------------------------------
    def check_profile(self, profile: Sequence[ArrayLike]) -> list[NDArray[np.float64]]:
        """Validate a mixed profile: one probability vector per player, of the right lengths."""
        if isinstance(profile, np.ndarray) and profile.ndim == 1:
            raise InvalidTypeError("a profile is one probability vector per player, not one vector")
        if len(profile) != self.n_players:
            raise InvalidGameError(
                f"a profile needs one mixed strategy per player ({self.n_players}), "
                f"got {len(profile)}"
            )
        return [
            as_probability_vector(s, m, name=f"strategy of {self._players[i]!r}")
            for i, (s, m) in enumerate(zip(profile, self.shape, strict=True))
        ]

    def expected_payoffs(self, profile: Sequence[ArrayLike]) -> NDArray[np.float64]:
        """Expected payoff of every player under a mixed profile.

        Parameters
        ----------
        profile : sequence of array_like
            One probability vector per player.

        Returns
        -------
        numpy.ndarray
            Shape ``(N,)``.
        """
        strategies = self.check_profile(profile)
        out = self.float_payoffs
        for s in strategies:  # contract the leading action axis with each player's mix
            out = np.tensordot(s, out, axes=(0, 0))
        return np.asarray(out, dtype=np.float64)

    def action_values(self, profile: Sequence[ArrayLike], player: int) -> NDArray[np.float64]:
        """Expected payoff of each pure action of ``player`` against the others' mixes."""
        strategies = self.check_profile(profile)
        i = self._player_index(player)
        return action_values(self.float_payoffs, strategies, i)

    # -- conversions ------------------------------------------------------------------------
    def to_nashpy(self) -> nashpy.Game:
        """Convert a two-player game to :class:`nashpy.Game` (float payoffs)."""
        import nashpy

        if self.n_players != 2:
            raise InvalidGameError(f"nashpy games have two players; this one has {self.n_players}")
        return nashpy.Game(self.float_payoffs[..., 0], self.float_payoffs[..., 1])

    @classmethod
    def from_nashpy(cls, game: nashpy.Game, *, players: Sequence[str] | None = None,
                    actions: Sequence[Sequence[str]] | None = None) -> NormalFormGame:
        """Build a game from a :class:`nashpy.Game`."""
        try:
            a, b = game.payoff_matrices
        except AttributeError:
            raise InvalidTypeError(f"expected a nashpy.Game, got {type(game).__name__}") from None
        return cls(np.asarray(a), np.asarray(b), players=players, actions=actions)

    def with_payoffs(self, payoffs: ArrayLike) -> NormalFormGame:
        """A game with the same labels and new payoffs of the same shape.

        The same as ``NormalFormGame(payoffs, players=game.players, actions=game.actions)``;
        prefer :meth:`with_` (``game.with_(payoffs=...)``), which also changes labels.
        """
        return NormalFormGame(payoffs, players=self._players, actions=self._actions)

    def _parameters(self) -> dict[str, Any]:
        return {"payoffs": self._payoffs, "players": self._players, "actions": self._actions}

    def _from_parameters(self, parameters: dict[str, Any]) -> Self:
        return type(self)(parameters["payoffs"], players=parameters["players"],
                          actions=parameters["actions"])

    # -- value semantics --------------------------------------------------------------------
    def _key(self) -> tuple[Any, ...]:
        return (self._payoffs.shape, self._players, self._actions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return self._key() == other._key() and bool(np.all(self._payoffs == other._payoffs))

    def __hash__(self) -> int:
        return hash((self._key(), self.float_payoffs.tobytes()))

    def __repr__(self) -> str:
        dims = "x".join(str(m) for m in self.shape)
        return f"{type(self).__name__}({dims}, players={self._players})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._payoffs, self._players, self._actions))

    # -- display ----------------------------------------------------------------------------
    def _tables(self, cell: Callable[[Any], str], limit: int | None
                ) -> tuple[list[tuple[str | None, list[str], list[list[str]]]], int]:
        """The payoff table as ``(title, header, rows)`` per slice, and the slices left out.

        Two players: rows are the row player's actions, columns the column player's, each
        cell the payoffs ``"a, b"``; more players: one such table per profile of players
        3..N (the slice's title says which); one player: a payoff per action. With ``limit``,
        at most that many rows, columns and slices are shown (the rest marked ``...``).
        """
        pay, acts, names = self._payoffs, self._actions, self._players
        if self.n_players == 1:
            rows = [[a, cell(pay[k, 0])] for k, a in enumerate(acts[0])]
            return [(None, [names[0], "payoff"], cut_rows(rows, limit))], 0
        m, n = self.shape[:2]
        cols = range(n) if limit is None or n <= limit else range(limit)
        slices = itertools.product(*(range(k) for k in self.shape[2:]))
        shown = list(slices if limit is None else itertools.islice(slices, limit))
        out = []
        for others in shown:
            title = ", ".join(f"{names[2 + j]} plays {acts[2 + j][a]}"
                              for j, a in enumerate(others)) or None
            header = [f"{names[0]} \\ {names[1]}", *(acts[1][j] for j in cols)]
            rows = [[acts[0][i], *(", ".join(cell(v) for v in pay[(i, j, *others)].tolist())
                                   for j in cols)]
                    for i in range(m if limit is None else min(m, limit))]
            if len(cols) < n:
                header.append(f"... ({n - len(cols)} more)")
                for row in rows:
                    row.append("...")
            out.append((title, header, cut_rows(rows, limit, total=m)))
        return out, int(np.prod(self.shape[2:], dtype=object)) - len(shown)

    def __str__(self) -> str:
        tables, left_out = self._tables(format_number, _SHOWN)
        parts = [repr(self)]
        for title, header, rows in tables:
            parts.append((f"{title}:\n" if title else "") + text_table(header, rows))
        if left_out:
            parts.append(f"... ({left_out} more slices)")
        return "\n".join(parts[:2]) + "".join("\n\n" + p for p in parts[2:])

    def _repr_html_(self) -> str:
        """The payoff table as HTML (labels escaped), for notebooks and the gallery."""
        tables, left_out = self._tables(format_number, _SHOWN)
        out = ['<div class="multilateral-game">', f"<p>{html_escape(repr(self))}</p>"]
        out += [html_table(header, rows, caption=title) for title, header, rows in tables]
        if left_out:
            out.append(f"<p>... ({left_out} more slices)</p>")
        out.append("</div>")
        return "\n".join(out)

    def to_latex(self, title: str | None = None) -> str:
        r"""The payoff matrix as a LaTeX table for a paper (booktabs), exact numbers exactly.

        Rows are the first player's actions, columns the second's, each cell the payoffs
        ``$a, b$`` (``\frac{2}{3}`` for a Fraction; ``\approx`` its float past 12 digits);
        with more players, one table per profile of players 3..N. Needs only the ``booktabs``
        package. Every cell is written: a game of more than 10,000 profiles (which no page
        holds) raises an error.

        Parameters
        ----------
        title : str, optional
            The table's caption (with more players, each slice's caption also says which).

        Returns
        -------
        str
            One ``table`` environment per slice, separated by a blank line.

        See Also
        --------
        multilateral.solvers.PowerIndex.to_latex : a power-index table.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> g = ml.NormalFormGame([[Fraction(2, 3), 0], [0, 1]], [[1, 0], [0, 2]],
        ...                       players=["US", "EU"], actions=[["C", "D"], ["C", "D"]])
        >>> print(g.to_latex())
        \begin{table}[ht]
        \centering
        \begin{tabular}{lcc}
        \toprule
         & \multicolumn{2}{c}{EU} \\
        \cmidrule(lr){2-3}
        US & C & D \\
        \midrule
        C & $\frac{2}{3}, 1$ & $0, 0$ \\
        D & $0, 0$ & $1, 2$ \\
        \bottomrule
        \end{tabular}
        \end{table}
        """
        profiles = int(np.prod(self.shape, dtype=object))
        if profiles > _MAX_LATEX_PROFILES:
            raise InvalidArgumentError(
                f"to_latex writes every cell, and this game has {profiles} profiles (more than "
                f"{_MAX_LATEX_PROFILES:,}, which no page holds); write the part you need, e.g. "
                "NormalFormGame(game.payoffs[:10, :10]).to_latex()")
        tables, _ = self._tables(latex_number, None)
        out = []
        for which, header, rows in tables:
            body = [[latex_escape(r[0]), *(f"${c}$" for c in r[1:])] for r in rows]
            if self.n_players == 1:
                out.append(latex_table([latex_escape(h) for h in header], body, align="lc",
                                       caption=title))
                continue
            k = len(header) - 1
            top = [rf" & \multicolumn{{{k}}}{{c}}{{{latex_escape(self._players[1])}}} \\",
                   rf"\cmidrule(lr){{2-{k + 1}}}"]
            head = [latex_escape(self._players[0]), *(latex_escape(h) for h in header[1:])]
            text = "; ".join(t for t in (title, which) if t) or None
            out.append(latex_table(head, body, align="l" + "c" * k, caption=text, top=top))
        return "\n\n".join(out)

    def _player_index(self, player: int) -> int:
        if isinstance(player, bool) or not isinstance(player, (int, np.integer)):
            raise InvalidTypeError(
                f"player must be an index 0..{self.n_players - 1}, got {player!r}"
            )
        if not 0 <= player < self.n_players:
            raise InvalidGameError(
                f"player index {player} out of range: this game has {self.n_players} players"
            )
        return int(player)


#: Rows, columns and slices a payoff table shows in ``str`` and HTML before eliding the rest.
_SHOWN = 12
#: The most profiles ``to_latex`` writes (a 100 x 100 bimatrix): it cuts nothing.
_MAX_LATEX_PROFILES = 10_000


#: The largest payoff magnitude accepted: differences of payoffs (gains from deviating) and
#: their sums stay finite in float64, which every numerical solver computes.
_MAX_PAYOFF = float(np.finfo(np.float64).max) / 4


def _check_float_range(arr: NDArray[Any]) -> None:
    """Refuse payoffs that float64 arithmetic cannot handle (non-finite once converted)."""
    if arr.dtype.kind == "f":
        big = float(np.max(np.abs(arr)))
    elif arr.dtype.kind == "O":  # exact: in floats (4x faster than abs() on Fractions)
        # A parsed .nfg file shares one object per distinct spelling: look at each once (5x
        # faster on a 1000x1000 file of few values), else convert the whole array in C.
        distinct = {id(v): v for v in arr.ravel().tolist()}
        values = list(distinct.values()) if 4 * len(distinct) <= arr.size else arr
        try:
            big = float(np.max(np.abs(np.asarray(values, dtype=object).astype(np.float64))))
        except OverflowError:  # beyond the largest float
            big = np.inf
    else:
        return  # int64 payoffs are far inside the range
    if big > _MAX_PAYOFF:
        raise InvalidPayoffsError(
            f"payoffs must be finite in float64 arithmetic: |payoff| <= {_MAX_PAYOFF:.3g} (a "
            f"quarter of the largest float, so that gains from deviating stay finite); found "
            f"one of magnitude {float(min(big, np.finfo(np.float64).max)):.3g}"
            f"{' or more' if big >= np.finfo(np.float64).max else ''}. Rescale the payoffs "
            "(equilibria do not change when a player's payoffs are multiplied by a positive "
            "number)"
        )


def _no_int64_overflow(arr: NDArray[Any]) -> NDArray[Any]:
    """int64 payoffs, or exact Fractions when their differences or sums could leave int64.

    numpy's int64 arithmetic wraps around silently, and solvers take gains from deviating
    (differences of payoffs) and welfare (sums over players) in the payoffs' own dtype; past
    ``2**61`` (with a margin for the number of players) the game is held as an object array
    of Fractions, which cannot overflow.
    """
    if arr.dtype.kind not in "iu" or arr.size == 0:
        return arr
    big = max(abs(int(arr.min())), abs(int(arr.max())))
    if 2 * big * max(2, arr.shape[-1]) < 2**61:
        return arr
    return np.array([Fraction(v) for v in arr.ravel().tolist()], dtype=object).reshape(arr.shape)


def _rebuild(cls: type, payoffs: Any, players: Any, actions: Any) -> NormalFormGame:
    game: NormalFormGame = NormalFormGame.__new__(cls)
    NormalFormGame.__init__(game, payoffs, players=players, actions=actions)
    return game
