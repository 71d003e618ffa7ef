"""Two-player games as payoff tables, with Oye's type [1]_ in the title.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import multilateral as ml
>>> ax = ml.plot.payoff_matrix(ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=2))
>>> ax.get_title()
'Chicken (T > R > S > P)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._namespace import public_dir
from .._numeric import format_number
from ..errors import InvalidGameError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..games.normal_form import NormalFormGame
from ..games.two_by_two import TwoByTwo
from ._common import check_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["OYE_NAMES", "payoff_matrix"]
__dir__ = public_dir(__all__)

#: Display names of Oye's five types (the values of :attr:`TwoByTwo.oye_type`).
OYE_NAMES: dict[str, str] = {
    "prisoners_dilemma": "Prisoners' Dilemma",
    "stag_hunt": "Stag Hunt",
    "chicken": "Chicken",
    "deadlock": "Deadlock",
    "harmony": "Harmony",
}
_EQUILIBRIUM_COLOR = "#ffe8a3"


def payoff_matrix(
    game: NormalFormGame,
    ax: Axes | None = None,
    *,
    highlight_equilibria: bool = True,
) -> Axes:
    """Draw a two-player game as a bimatrix table.

    Each cell shows ``"row payoff, column payoff"``; rows are the row player's actions, columns
    the column player's. The title names the Oye type and the players' orderings of T, R, P, S
    when the game is a :class:`~multilateral.games.TwoByTwo` (whose action 0 is read as
    cooperate), and the players otherwise (view a 2x2 game with :meth:`TwoByTwo.from_game
    <multilateral.games.TwoByTwo.from_game>` to get its Oye type).

    Parameters
    ----------
    game : TwoByTwo or NormalFormGame
        A game with exactly two players (any numbers of actions).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    highlight_equilibria : bool, default True
        Shade the cells that are pure Nash equilibria
        (:func:`multilateral.solvers.pure_nash_equilibria`).

    Returns
    -------
    matplotlib.axes.Axes
        The axes (axis lines hidden) holding one :class:`matplotlib.table.Table`,
        ``ax.tables[0]``: the cell ``(i + 1, j)`` reads ``"u1, u2"`` for row action ``i`` and
        column action ``j``, the header row 0 holds the column player's action labels, and
        column -1 the row player's.

    Raises
    ------
    InvalidTypeError
        If ``game`` is not a :class:`~multilateral.games.NormalFormGame` or ``ax`` is not an
        Axes.
    InvalidGameError
        If the game does not have two players.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    schelling_diagram : payoffs of an anonymous game by number of cooperators.
    gain_function_plot : the gain from cooperating in an anonymous game.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
       *World Politics* 38(1), 1-24.
    .. [2] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
       externalities. *Journal of Conflict Resolution* 17(3), 381-428.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> ax = ml.plot.payoff_matrix(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0))
    >>> ax.get_title()
    "Prisoners' Dilemma (T > R > P > S)"
    >>> cells = ax.tables[0].get_celld()
    >>> [cells[1, 0].get_text().get_text(), cells[2, 0].get_text().get_text()]
    ['3, 3', '5, 0']
    """
    if not isinstance(game, NormalFormGame):
        hint = " (use game.to_normal_form() for n = 2)" if isinstance(game, AnonymousGame) else ""
        raise InvalidTypeError(
            "payoff_matrix expects a two-player NormalFormGame or TwoByTwo, got "
            f"{type(game).__name__}{hint}"
        )
    if game.n_players != 2:
        raise InvalidGameError(
            f"payoff_matrix draws two-player games; this one has {game.n_players} players"
        )
    ax = check_axes(ax)
    rows, cols = game.shape
    text = [
        [f"{format_number(game.payoffs[i, j, 0], 4)}, {format_number(game.payoffs[i, j, 1], 4)}"
         for j in range(cols)]
        for i in range(rows)
    ]
    colors = [["white"] * cols for _ in range(rows)]
    if highlight_equilibria:
        from ..solvers import pure_nash_equilibria

        for i, j in pure_nash_equilibria(game):
            colors[i][j] = _EQUILIBRIUM_COLOR
    row_player, col_player = game.players
    table = ax.table(
        cellText=text,
        cellColours=colors,
        rowLabels=[f"{row_player}: {a}" for a in game.actions[0]],
        colLabels=[f"{col_player}: {a}" for a in game.actions[1]],
        cellLoc="center",
        loc="center",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(11)
    table.scale(1.0, 2.0)
    ax.set_axis_off()
    ax.set_title(_matrix_title(game))
    return ax


# -- helpers ---------------------------------------------------------------------------------------
def _matrix_title(game: NormalFormGame) -> str:
    if not isinstance(game, TwoByTwo):  # action 0 is "cooperate" only in a TwoByTwo
        return f"{game.players[0]} (rows) vs {game.players[1]} (columns)"
    kind = game.oye_type
    first, second = game.orderings
    order = first if first == second else f"{first} | {second}"
    if kind is None:
        return f"2x2 game, not one of Oye's types ({order})"
    return f"{OYE_NAMES[kind]} ({order})"
