"""Schelling diagrams [1]_ and gain functions of anonymous (binary-choice N-player) games.

One game (:func:`schelling_diagram`, :func:`gain_function_plot`) or several on one axes, to
show how the picture moves under a sweep (:func:`schelling_diagrams`, :func:`gain_functions`).

References
----------
.. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
   externalities. *Journal of Conflict Resolution* 17(3), 381-428.

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

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._validation import DEFAULT_TOL, check_positive_int, check_tol, to_float
from ..errors import DegenerateGameError, InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ._common import (
    COOPERATOR_COLOR,
    DEFECTOR_COLOR,
    MAX_MARKED_POINTS,
    check_axes,
    integer_ticks,
    pyplot,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["gain_function_plot", "gain_functions", "schelling_diagram", "schelling_diagrams"]
__dir__ = public_dir(__all__)


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
    ax = check_axes(ax)
    k = np.arange(game.n, dtype=np.float64)
    coop, defe = to_float(game.cooperator), to_float(game.defector)
    marker = game.n <= MAX_MARKED_POINTS
    ax.plot(k, coop, color=COOPERATOR_COLOR, marker="o" if marker else None,
            label="cooperator (C)")
    ax.plot(k, defe, color=DEFECTOR_COLOR, marker="s" if marker else None, linestyle="--",
            label="defector (D)")
    if mark_crossings:
        xs, ys = _crossings(game, tol)
        if xs.size:
            ax.plot(xs, ys, linestyle="none", marker="X", markersize=10, color="black",
                    label="C = D")
    ax.set_xlabel("number of other cooperators k")
    ax.set_ylabel("payoff")
    ax.set_title(game.name or f"Schelling diagram, n = {game.n}")
    integer_ticks(ax)
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
    gain_functions : several games' ``g`` on one axes, under a sweep.
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
    ax = check_axes(ax)
    x = np.linspace(0.0, 1.0, points)
    ax.plot(x, game.gain_function(x), color=COOPERATOR_COLOR, label="g(x)")
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


def schelling_diagrams(
    games: Mapping[str, AnonymousGame],
    ax: Axes | None = None,
) -> Axes:
    """Schelling diagrams of several games on one axes: how the diagram moves under a sweep.

    For each game, its cooperator payoff (solid) and defector payoff (dashed) against ``k``,
    the number of other cooperators, in one colour per game; the games may differ in ``n``.

    Parameters
    ----------
    games : mapping of str to AnonymousGame
        The games, by the label shown in the legend (e.g. the swept parameter's value), in
        the order drawn.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with two lines per game, labelled ``"<label>: C"`` and ``"<label>: D"``
        (x data ``k``, y data the payoffs), axis labels and a legend.

    Raises
    ------
    InvalidTypeError
        If ``games`` is not a mapping of labels to
        :class:`~multilateral.games.AnonymousGame`, or ``ax`` is not an Axes.
    InvalidArgumentError
        If ``games`` is empty.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    schelling_diagram : one game, with its crossings marked.
    gain_functions : the same games' gains from cooperating when the others mix.
    multilateral.sweep : the sweep whose games this draws.

    References
    ----------
    .. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
       externalities. *Journal of Conflict Resolution* 17(3), 381-428.

    Examples
    --------
    A public good under a sweep of the multiplier: at ``r = n`` the cooperator's line meets
    the defector's, still one unit below it.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> games = {f"r = {r}": ml.AnonymousGame.public_goods(n=4, r=r) for r in (2, 4)}
    >>> ax = ml.plot.schelling_diagrams(games)
    >>> [line.get_label() for line in ax.get_lines()]
    ['r = 2: C', 'r = 2: D', 'r = 4: C', 'r = 4: D']
    >>> ax.get_lines()[2].get_ydata().tolist()  # r = 4: a cooperator gets k
    [0.0, 1.0, 2.0, 3.0]
    """
    _check_anonymous_games(games, "schelling_diagrams")
    ax = check_axes(ax)
    plt = pyplot()
    colors = plt.cm.viridis(np.linspace(0.0, 0.9, len(games)))
    for color, (label, game) in zip(colors, games.items(), strict=True):
        k = np.arange(game.n, dtype=np.float64)
        ax.plot(k, to_float(game.cooperator), color=color, label=f"{label}: C")
        ax.plot(k, to_float(game.defector), color=color, linestyle="--", label=f"{label}: D")
    ax.set_xlabel("number of other cooperators k")
    ax.set_ylabel("payoff (C solid, D dashed)")
    ax.set_title("Schelling diagrams")
    integer_ticks(ax)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small", ncols=2 if len(games) > 3 else 1)
    return ax


def gain_functions(
    games: Mapping[str, AnonymousGame],
    ax: Axes | None = None,
    *,
    points: int = 201,
    equilibria: bool = True,
    kind: str = "gain",
) -> Axes:
    """Gain functions of several games on one axes: how cooperation's prospects move under a
    sweep.

    For each game, the expected gain from cooperating ``g(x)`` (:meth:`AnonymousGame.gain_function`)
    against the probability ``x`` that each other player cooperates, or the replicator
    gradient ``x (1 - x) g(x)``, in one colour per game, with its symmetric equilibria marked
    in the same colour.

    Parameters
    ----------
    games : mapping of str to AnonymousGame
        The games, by the label shown in the legend (e.g. the swept parameter's value), in
        the order drawn; they may differ in ``n``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    points : int, default 201
        Number of evenly spaced values of ``x`` (including 0 and 1).
    equilibria : bool, default True
        Mark each game's symmetric equilibria (:func:`multilateral.solvers.symmetric_equilibria`)
        on the zero line: filled circles for the stable ones, hollow for the unstable ones
        (under the replicator dynamics). Nothing is marked for a game whose ``g`` is
        identically zero.
    kind : {"gain", "gradient"}, default "gain"
        ``"gain"`` draws ``g(x)``; ``"gradient"`` the replicator gradient ``x (1 - x) g(x)``
        (Santos and Pacheco's gradient of selection in an infinite population), which has
        the same sign and interior roots.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; for each game in order, its curve (label ``<label>``, x data the grid, y
        data ``g`` or the gradient), then its stable and unstable equilibria (labels
        ``"_<label>: stable"`` and ``"_<label>: unstable"``, hidden from the legend, drawn
        only where there are some), and last the zero line (label ``"zero"``).

    Raises
    ------
    InvalidTypeError
        If ``games`` is not a mapping of labels to
        :class:`~multilateral.games.AnonymousGame`, or ``ax`` is not an Axes.
    InvalidArgumentError
        If ``games`` is empty, ``kind`` is not ``"gain"`` or ``"gradient"``, or ``points``
        is below 2.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    gain_function_plot : one game.
    schelling_diagrams : the payoffs behind each ``g``, under the same sweep.
    multilateral.sweep : the sweep whose games this draws.

    References
    ----------
    .. [1] Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an
       escape from the tragedy of the commons. *PNAS* 108(26), 10421-10425.
    .. [2] Hauert, C., Michor, F., Nowak, M. A. and Doebeli, M. (2006). Synergy and
       discounting of cooperation in social dilemmas. *J. Theor. Biol.* 239, 195-202.

    Examples
    --------
    A threshold good needing three of ``n``: its tipping point moves up as the group grows.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> games = {f"n = {n}": ml.AnonymousGame.threshold(n, 3, benefit=4, cost=1)
    ...          for n in (4, 8)}
    >>> ax = ml.plot.gain_functions(games, points=3, kind="gradient")
    >>> [line.get_label() for line in ax.get_lines()][:3]
    ['n = 4', '_n = 4: stable', '_n = 4: unstable']
    >>> ax.get_lines()[0].get_ydata().tolist()   # x (1 - x) g(x) at x = 0, 1/2, 1
    [0.0, 0.125, 0.0]

    At ``x = 1/2`` a player is pivotal with probability ``C(3, 2) / 2**3 = 3/8``, so
    ``g = 4 * 3/8 - 1 = 1/2`` and the gradient is ``1/4 * 1/2``.
    """
    _check_anonymous_games(games, "gain_functions")
    if kind not in ("gain", "gradient"):
        raise InvalidArgumentError(f"kind must be 'gain' or 'gradient', got {kind!r}")
    points = check_positive_int(points, "points", 2)
    from ..solvers import symmetric_equilibria

    ax = check_axes(ax)
    x = np.linspace(0.0, 1.0, points)
    for i, (label, game) in enumerate(games.items()):
        color = f"C{i % 10}"
        y = game.gain_function(x)
        if kind == "gradient":
            y = x * (1 - x) * y + 0.0  # + 0.0: no -0.0 at the ends
        ax.plot(x, y, color=color, label=label)
        if not equilibria:
            continue
        try:
            eqs = symmetric_equilibria(game)
        except DegenerateGameError:  # g is identically zero: every x is an equilibrium
            continue
        for stable, name in ((True, "stable"), (False, "unstable")):
            xs = [eq.probability for eq in eqs if eq.stable == stable]
            if xs:
                ax.plot(xs, [0.0] * len(xs), linestyle="none", marker="o", markersize=8,
                        color=color, markerfacecolor=color if stable else "white",
                        label=f"_{label}: {name}", zorder=3, clip_on=False)
    ax.axhline(0.0, color="grey", linewidth=0.9, linestyle="--", label="zero")
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel("probability x that each other player cooperates")
    ax.set_ylabel("replicator gradient x (1 - x) g(x)" if kind == "gradient"
                  else "expected gain from cooperating g(x)")
    ax.set_title("Gain functions" + (" (filled: stable, hollow: unstable)" if equilibria
                                      else ""))
    ax.grid(True, alpha=0.3)
    ax.legend(handles=[line for line in ax.get_lines() if line.get_label() in games],
              fontsize="small")
    return ax


# -- helpers ---------------------------------------------------------------------------------------
def _check_anonymous_games(games: Any, who: str) -> None:
    """``games`` is a non-empty mapping of labels to AnonymousGame (``who`` names the caller)."""
    if not isinstance(games, Mapping):
        raise InvalidTypeError(
            f"{who} expects a mapping of labels to AnonymousGame, got {type(games).__name__}")
    if not games:
        raise InvalidArgumentError(f"{who} needs at least one game")
    for label, game in games.items():
        if not isinstance(game, AnonymousGame):
            raise InvalidTypeError(
                f"games[{label!r}] is a {type(game).__name__}, not an AnonymousGame")


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
    from ..solvers import symmetric_equilibria

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
