"""Plots of games: Schelling diagrams [1]_, gain functions and payoff tables [2]_ (matplotlib).

matplotlib is an optional dependency (``pip install "multilateral[plot]"``); it is imported
only when a plotting function is called, so ``import multilateral`` never needs it. Every
function draws on the :class:`matplotlib.axes.Axes` it is given (or on a new figure's axes)
and returns that Axes, so plots compose with the rest of matplotlib.

References
----------
.. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
   externalities. *Journal of Conflict Resolution* 17(3), 381-428.
.. [2] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import multilateral as ml
>>> ax = ml.plot.schelling_diagram(ml.AnonymousGame.public_goods(n=10, r=3))
>>> ax.get_xlabel()
'number of other cooperators k'
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ._namespace import public_dir
from ._numeric import format_number
from ._validation import DEFAULT_TOL, check_positive_int, check_tol, to_float
from .errors import (
    DegenerateGameError,
    InvalidGameError,
    InvalidTypeError,
    MissingDependencyError,
)
from .games.anonymous import AnonymousGame
from .games.normal_form import NormalFormGame
from .games.two_by_two import TwoByTwo

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "OYE_NAMES",
    "gain_function_plot",
    "payoff_matrix",
    "schelling_diagram",
]
__dir__ = public_dir(__all__)

#: Display names of Oye's five types (the values of :attr:`TwoByTwo.oye_type`).
OYE_NAMES: dict[str, str] = {
    "prisoners_dilemma": "Prisoners' Dilemma",
    "stag_hunt": "Stag Hunt",
    "chicken": "Chicken",
    "deadlock": "Deadlock",
    "harmony": "Harmony",
}

_COOPERATOR_COLOR = "tab:blue"
_DEFECTOR_COLOR = "tab:red"
_EQUILIBRIUM_COLOR = "#ffe8a3"
_MAX_MARKED_POINTS = 40  # draw a marker at every k only up to this many players


# -- public functions -----------------------------------------------------------------------------
def schelling_diagram(
    game: AnonymousGame,
    ax: Axes | None = None,
    *,
    mark_crossings: bool = True,
    tol: float = DEFAULT_TOL,
) -> Axes:
    """Schelling's diagram of a binary-choice N-player game.

    Two lines against ``k = 0..n-1``, the number of *other* players who cooperate: the
    payoff to a cooperator (``game.cooperator``) and to a defector (``game.defector``). Where
    the lines cross, a player is indifferent between the two choices; the crossings are
    marked.

    Parameters
    ----------
    game : AnonymousGame
        The game to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    mark_crossings : bool, default True
        Mark the points where the two lines cross (or touch), found exactly on the integers
        ``k`` where the payoffs are equal and by linear interpolation between two consecutive
        ``k`` where the sign of ``cooperator - defector`` flips. The markers form one line
        labelled ``"C = D"``, drawn only when there is at least one crossing.
    tol : float, default 1e-9
        For float payoffs, a gain ``|cooperator[k] - defector[k]|`` at most ``tol`` times the
        payoff range counts as zero (exact payoffs compare exactly).

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with two lines labelled ``"cooperator (C)"`` and ``"defector (D)"`` (in this
        order, x data ``k``, y data the payoffs), axis labels, and a legend.

    Raises
    ------
    InvalidTypeError
        If ``game`` is not an :class:`~multilateral.games.AnonymousGame` or ``ax`` is not an
        Axes.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    gain_function_plot : the expected gain of cooperating when the others mix.

    Notes
    -----
    Schelling (1973) drew every binary choice with externalities this way and read its
    structure off the picture: if the defector's line lies above the cooperator's everywhere
    the game is an N-player Prisoners' Dilemma (defection dominant); if the lines cross with
    the cooperator's line rising above the defector's as ``k`` grows, the crossing is a tipping
    point (an N-player Stag Hunt, or the lower crossing of a threshold good); if the
    cooperator's line falls below the defector's, the crossing is a stable mix (an N-player
    Chicken, or the upper crossing of a threshold good). Because payoffs depend only
    on ``k``, the diagram shows every outcome of the game with ``2n`` numbers instead of ``2^n``
    profiles.

    References
    ----------
    .. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
       externalities. *Journal of Conflict Resolution* 17(3), 381-428.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> g = ml.AnonymousGame.threshold(5, 3, benefit=4, cost=1)
    >>> ax = ml.plot.schelling_diagram(g)
    >>> [line.get_label() for line in ax.get_lines()]
    ['cooperator (C)', 'defector (D)', 'C = D']
    >>> ax.get_lines()[0].get_ydata().tolist()     # cooperator payoffs for k = 0..4
    [-1.0, -1.0, 3.0, 3.0, 3.0]
    >>> ax.get_lines()[2].get_xydata().tolist()    # around k = 2, where a cooperator is pivotal
    [[1.25, 0.0], [2.75, 3.0]]
    """
    if not isinstance(game, AnonymousGame):
        raise InvalidTypeError(
            f"schelling_diagram expects an AnonymousGame, got {type(game).__name__}; "
            "build one with AnonymousGame(cooperator, defector) or AnonymousGame.public_goods"
        )
    tol = check_tol(tol)
    ax = _axes(ax)
    k = np.arange(game.n, dtype=np.float64)
    coop, defe = to_float(game.cooperator), to_float(game.defector)
    marker = game.n <= _MAX_MARKED_POINTS
    ax.plot(k, coop, color=_COOPERATOR_COLOR, marker="o" if marker else None,
            label="cooperator (C)")
    ax.plot(k, defe, color=_DEFECTOR_COLOR, marker="s" if marker else None, linestyle="--",
            label="defector (D)")
    if mark_crossings:
        xs, ys = _crossings(game, tol)
        if xs.size:
            ax.plot(xs, ys, linestyle="none", marker="X", markersize=10, color="black",
                    label="C = D")
    ax.set_xlabel("number of other cooperators k")
    ax.set_ylabel("payoff")
    ax.set_title(game.name or f"Schelling diagram, n = {game.n}")
    _integer_ticks(ax)
    ax.grid(True, alpha=0.3)
    ax.legend()
    return ax


def gain_function_plot(
    game: AnonymousGame,
    ax: Axes | None = None,
    *,
    points: int = 201,
    equilibria: bool = True,
) -> Axes:
    """Plot the expected gain ``g(x)`` from cooperating against ``x`` in [0, 1].

    ``g(x) = sum_k C(n-1, k) x^k (1-x)^(n-1-k) (cooperator[k] - defector[k])`` is what a player
    gains by cooperating rather than defecting when each of the ``n - 1`` others cooperates
    with probability ``x`` (:meth:`AnonymousGame.gain_function`). Cooperation spreads where
    ``g > 0`` and recedes where ``g < 0``; the roots in (0, 1) are the symmetric mixed
    equilibria.

    Parameters
    ----------
    game : AnonymousGame
        The game to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    points : int, default 201
        Number of evenly spaced values of ``x`` (including 0 and 1).
    equilibria : bool, default True
        Also mark the symmetric equilibria found by
        :func:`multilateral.solvers.symmetric_equilibria` on the ``x`` axis: filled circles for
        the stable ones, hollow for the unstable ones (under the replicator dynamics). Nothing
        is marked when ``g`` is identically zero.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; its first line is ``g`` (label ``"g(x)"``, x data the grid, y data
        ``game.gain_function(grid)``), followed by the zero line (label ``"g = 0"``).

    Raises
    ------
    InvalidTypeError
        If ``game`` is not an :class:`~multilateral.games.AnonymousGame` or ``ax`` is not an
        Axes.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    schelling_diagram : the payoffs behind ``g`` at each integer ``k``.
    multilateral.solvers.symmetric_equilibria : the roots of ``g``, exactly.

    References
    ----------
    .. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
       externalities. *Journal of Conflict Resolution* 17(3), 381-428.
    .. [2] Hauert, C., Michor, F., Nowak, M. A. and Doebeli, M. (2006). Synergy and
       discounting of cooperation in social dilemmas. *J. Theor. Biol.* 239, 195-202.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> ax = ml.plot.gain_function_plot(ml.AnonymousGame.public_goods(n=10, r=3), points=3)
    >>> ax.get_lines()[0].get_ydata().tolist()   # a linear public good: g = r/n - 1 everywhere
    [-0.7, -0.7, -0.7]
    """
    if not isinstance(game, AnonymousGame):
        raise InvalidTypeError(
            f"gain_function_plot expects an AnonymousGame, got {type(game).__name__}"
        )
    points = check_positive_int(points, "points", 2)
    ax = _axes(ax)
    x = np.linspace(0.0, 1.0, points)
    ax.plot(x, game.gain_function(x), color=_COOPERATOR_COLOR, label="g(x)")
    ax.axhline(0.0, color="grey", linewidth=0.9, linestyle="--", label="g = 0")
    if equilibria:
        _mark_symmetric_equilibria(game, ax)
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel("probability x that each other player cooperates")
    ax.set_ylabel("expected gain from cooperating g(x)")
    ax.set_title(game.name or f"gain function, n = {game.n}")
    ax.grid(True, alpha=0.3)
    ax.legend()
    return ax


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
    ax = _axes(ax)
    rows, cols = game.shape
    text = [
        [f"{format_number(game.payoffs[i, j, 0], 4)}, {format_number(game.payoffs[i, j, 1], 4)}"
         for j in range(cols)]
        for i in range(rows)
    ]
    colors = [["white"] * cols for _ in range(rows)]
    if highlight_equilibria:
        from .solvers import pure_nash_equilibria

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
def _pyplot() -> ModuleType:
    """Import matplotlib.pyplot or explain how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise MissingDependencyError(
            "plotting needs matplotlib, an optional dependency: "
            'pip install "multilateral[plot]"'
        ) from err
    return plt


def _axes(ax: Any) -> Axes:
    """Return ``ax`` after checking it is an Axes, or a new figure's axes if it is None."""
    plt = _pyplot()
    from matplotlib.axes import Axes as _Axes

    if ax is None:
        _, new = plt.subplots()
        return new
    if not isinstance(ax, _Axes):
        raise InvalidTypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _integer_ticks(ax: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _crossings(game: AnonymousGame, tol: float) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Where the cooperator and defector lines of a Schelling diagram cross or touch."""
    coop, defe = to_float(game.cooperator), to_float(game.defector)
    gains = game.gains.tolist()
    if game.is_exact:
        signs = [(g > 0) - (g < 0) for g in gains]
    else:
        scale = max(float(np.ptp(np.concatenate([coop, defe]))), 1.0)
        signs = [0 if abs(g) <= tol * scale else (1 if g > 0 else -1) for g in gains]
    xs: list[float] = []
    ys: list[float] = []
    for k, s in enumerate(signs):
        if s == 0:
            xs.append(float(k))
            ys.append(float(coop[k]))
        elif k + 1 < len(signs) and signs[k + 1] == -s:
            g0, g1 = float(gains[k]), float(gains[k + 1])
            t = g0 / (g0 - g1)
            xs.append(k + t)
            ys.append(float(coop[k] + t * (coop[k + 1] - coop[k])))
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def _mark_symmetric_equilibria(game: AnonymousGame, ax: Axes) -> None:
    from .solvers import symmetric_equilibria

    try:
        eqs = symmetric_equilibria(game)
    except DegenerateGameError:  # g is identically zero: every x is an equilibrium
        return
    for stable in (True, False):
        xs = [eq.probability for eq in eqs if eq.stable == stable]
        if xs:
            ax.plot(xs, [0.0] * len(xs), linestyle="none", marker="o", markersize=9,
                    color="black", markerfacecolor="black" if stable else "white",
                    label="stable equilibrium" if stable else "unstable equilibrium",
                    zorder=3, clip_on=False)


def _matrix_title(game: NormalFormGame) -> str:
    if not isinstance(game, TwoByTwo):  # action 0 is "cooperate" only in a TwoByTwo
        return f"{game.players[0]} (rows) vs {game.players[1]} (columns)"
    kind = game.oye_type
    first, second = game.orderings
    order = first if first == second else f"{first} | {second}"
    if kind is None:
        return f"2x2 game, not one of Oye's types ({order})"
    return f"{OYE_NAMES[kind]} ({order})"
