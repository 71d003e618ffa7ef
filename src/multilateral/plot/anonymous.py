"""Plots of games and models: Schelling diagrams [1]_, gain functions and payoff tables [2]_,
magic-number curves, power indices, coalition stability and sweep maps (matplotlib).

matplotlib is an optional dependency (``pip install "multilateral[plot]"``); it is imported
only when a plotting function is called, so ``import multilateral`` never needs it. Every
function draws on the :class:`matplotlib.axes.Axes` it is given (or on a new figure's axes)
and returns that Axes, so plots compose with the rest of matplotlib.

Notes
-----
The module runs past the library's ~600 lines because each plot's docstring documents the
data it draws (so tests and users can read them back) and holds a runnable example; the
plots share the helpers at the end.

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

from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import DEFAULT_TOL, check_positive_int, check_tol, to_float
from ..errors import (
    DegenerateGameError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidTypeError,
    MissingDependencyError,
)
from ..games.anonymous import AnonymousGame
from ..games.normal_form import NormalFormGame
from ..games.two_by_two import TwoByTwo
from ..types import Number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..models import AsymmetricAgreement, MagicNumber, SelfEnforcingAgreement
    from ..solvers.power import PowerIndex
    from ..sweeps import SweepResult

__all__ = [
    "OYE_NAMES",
    "coalition_stability",
    "gain_function_plot",
    "gain_functions",
    "magic_number_curve",
    "payoff_matrix",
    "power_bars",
    "schelling_diagram",
    "schelling_diagrams",
    "sweep_map",
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
_MAX_LABELLED_CELLS = 400  # a sweep map writes each cell's value only up to this many cells
_MAX_TICK_LABELS = 8  # a sweep map labels at most this many values along an axis


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
    ax = _axes(ax)
    plt = _pyplot()
    colors = plt.cm.viridis(np.linspace(0.0, 0.9, len(games)))
    for color, (label, game) in zip(colors, games.items(), strict=True):
        k = np.arange(game.n, dtype=np.float64)
        ax.plot(k, to_float(game.cooperator), color=color, label=f"{label}: C")
        ax.plot(k, to_float(game.defector), color=color, linestyle="--", label=f"{label}: D")
    ax.set_xlabel("number of other cooperators k")
    ax.set_ylabel("payoff (C solid, D dashed)")
    ax.set_title("Schelling diagrams")
    _integer_ticks(ax)
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

    ax = _axes(ax)
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


def magic_number_curve(model: MagicNumber, ax: Axes | None = None) -> Axes:
    """The magic number: coverage, the chance a club holds, and their product, by club size.

    Draws :meth:`MagicNumber.curve() <multilateral.models.MagicNumber.curve>` against the
    club size ``k`` (the ``k`` heaviest members): the covered share ``P_k``, the probability
    ``p(k)`` that the club's cooperation is sustained (when the model has a cooperation
    model), and the expected net benefit ``p(k) B(P_k) - C(k)``, with its maximum (the magic
    number) and the universal club marked. The ``k`` axis is logarithmic beyond 20 members.

    Parameters
    ----------
    model : MagicNumber
        The model to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; its lines are ``"coverage"``, ``"p(k): the club holds"`` (only with a
        cooperation model), ``"expected net benefit"`` (x data ``k = 1..n``), then the
        markers ``"magic number k = ..."`` and ``"universal club k = n"``.

    Raises
    ------
    InvalidTypeError
        If ``model`` is not a :class:`~multilateral.models.MagicNumber` or ``ax`` is not an
        Axes.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.models.MagicNumber.optimal_membership : the maximum marked here.
    coalition_stability : which clubs are self-enforcing, when members differ.

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> model = ml.models.MagicNumber([Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    ...                               labels=["A", "B", "C"], cost=Fraction(1, 4))
    >>> ax = ml.plot.magic_number_curve(model)
    >>> [line.get_label() for line in ax.get_lines()]
    ['coverage', 'expected net benefit', 'magic number k = 2', 'universal club k = 3']
    >>> ax.get_lines()[1].get_ydata().round(2).tolist()
    [0.25, 0.3, 0.25]
    """
    from ..models import MagicNumber

    if not isinstance(model, MagicNumber):
        raise InvalidTypeError(
            f"magic_number_curve expects a MagicNumber model, got {type(model).__name__}")
    ax = _axes(ax)
    curve = model.curve()
    best = model.optimal_membership()
    ax.plot(curve.k, curve.coverage, color="grey", linestyle="--", label="coverage")
    if curve.critical_discount is not None:
        ax.plot(curve.k, curve.p_sustained, color=_COOPERATOR_COLOR, label="p(k): the club holds")
    ax.plot(curve.k, curve.net_benefit, color="tab:green", label="expected net benefit")
    ax.plot([best.k], [best.net_benefit], linestyle="none", marker="o", color=_DEFECTOR_COLOR,
            label=f"magic number k = {best.k}")
    ax.plot([model.n], [curve.net_benefit[-1]], linestyle="none", marker="s", color="black",
            label=f"universal club k = {model.n}")
    if model.n > 20:
        ax.set_xscale("log")
    else:
        _integer_ticks(ax)
    ax.set_xlabel("club size k (heaviest members first)")
    ax.set_ylabel("share, probability, net benefit")
    ax.set_title(f"The magic number: k = {best.k} of {model.n}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return ax


def power_bars(
    result: PowerIndex | Mapping[str, PowerIndex],
    ax: Axes | None = None,
    *,
    members: Sequence[str] | None = None,
    groups: Mapping[str, Collection[str]] | None = None,
    stacked: bool = False,
    shares: Mapping[str, Number] | None = None,
) -> Axes:
    """Power indices as bars: one index, or several side by side or stacked.

    One bar per member (or per group of members) and per index. Several indices, given as
    a mapping from labels to results, compare games, rules or indices: side by side (one
    colour per index, ``stacked=False``) or as one bar per index divided among the members
    or groups (``stacked=True``).

    Parameters
    ----------
    result : PowerIndex or mapping of str to PowerIndex
        What :func:`~multilateral.solvers.shapley_shubik`, :func:`~multilateral.solvers.banzhaf`
        and the other power indices return; several, by the label shown in the legend (side
        by side) or under the bars (stacked), in the order drawn.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    members : sequence of str, optional
        The members shown, in this order; every index must have them. Default: every member
        of the first index.
    groups : mapping of str to collections of str, optional
        Show groups instead of members: each group's bar is the sum of its members' values
        in that index (a bloc's members voting apart, not the bloc voting as one: see
        :func:`~multilateral.solvers.caucus_power` for that). A group may list members that
        one index lacks (e.g. the elected seats of a Council before and after an
        enlargement); every listed member must be in some index, and no member in two
        groups. Members in no group are not drawn.
    stacked : bool, default False
        Stack the members' (or groups') values into one bar per index, instead of drawing the
        indices side by side.
    shares : mapping of str to number, optional
        Each member's share of the weight (e.g. of the votes), marked beside its power as a
        black tick labelled ``"share of the weight"`` (summed over a group's members); only
        side by side.

    Returns
    -------
    matplotlib.axes.Axes
        The axes. ``ax.containers`` holds one :class:`~matplotlib.container.BarContainer`
        per index (side by side) or per member or group (stacked), labelled with it, in the
        order drawn; each bar's height is a value as a float. The tick labels are the members
        or groups (side by side) or the indices' labels (stacked). The title is the indices'
        name when they are all of one kind (``"shapley-shubik"``), else ``"power indices"``.

    Raises
    ------
    InvalidTypeError
        If ``result`` is not a :class:`~multilateral.solvers.power.PowerIndex` or a mapping
        of them, ``stacked`` is not a bool, or ``ax`` is not an Axes.
    InvalidArgumentError
        If the mapping is empty, ``members`` and ``groups`` are both given, a member shown
        is missing from an index or from ``shares``, a group's member is in no index or in
        two groups, or ``shares`` are asked for stacked bars.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : the indices drawn.
    multilateral.solvers.caucus_power : a group's power when it votes as one.

    References
    ----------
    .. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
       power in a committee system. *American Political Science Review* 48(3), 787-792.
    .. [2] Leech, D. (2002). Voting power in the governance of the International Monetary
       Fund. *Annals of Operations Research* 109, 375-397.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> game = ml.WeightedVotingGame(quota=3, weights=[2, 1, 1], members=["A", "B", "C"])
    >>> ax = ml.plot.power_bars(ml.solvers.shapley_shubik(game))
    >>> [round(float(p.get_height()), 4) for p in ax.patches]
    [0.6667, 0.1667, 0.1667]
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['A', 'B', 'C']

    Two indices side by side, with the vote shares beside them:

    >>> indices = {"Shapley-Shubik": ml.solvers.shapley_shubik(game),
    ...            "Banzhaf": ml.solvers.banzhaf(game, normalized=True)}
    >>> ax = ml.plot.power_bars(indices, shares={"A": 0.5, "B": 0.25, "C": 0.25})
    >>> [[round(float(b.get_height()), 4) for b in bars] for bars in ax.containers]
    [[0.6667, 0.1667, 0.1667], [0.6, 0.2, 0.2]]

    The same stacked by group, one bar per index:

    >>> ax = ml.plot.power_bars(indices, groups={"A": ["A"], "B and C": ["B", "C"]},
    ...                         stacked=True)
    >>> [bars.get_label() for bars in ax.containers]
    ['A', 'B and C']
    >>> [round(float(b.get_height()), 4) for b in ax.containers[1]]  # B and C, per index
    [0.3333, 0.4]
    """
    from ..solvers.power import PowerIndex

    results = _power_results(result, PowerIndex)
    if not isinstance(stacked, bool):
        raise InvalidTypeError(f"stacked must be True or False, got {stacked!r}")
    if members is not None and groups is not None:
        raise InvalidArgumentError("power_bars shows either members or groups, not both")
    if stacked and shares is not None:
        raise InvalidArgumentError(
            "shares are marked beside side-by-side bars; draw them with stacked=False")
    first = next(iter(results.values()))
    if groups is not None:
        categories = _check_groups(groups, results)
    else:
        if isinstance(members, str) or not (members is None or isinstance(members, Sequence)):
            raise InvalidTypeError(
                f"members must be a sequence of member labels, got {members!r}")
        shown = list(first.members) if members is None else [str(m) for m in members]
        categories = {m: [m] for m in shown}
        for label, index in results.items():
            missing = [m for m in shown if m not in index.members]
            if missing:
                raise InvalidArgumentError(
                    f"the index {label!r} has no member {missing[0]!r}; its members are "
                    f"{_listed(index.members)}")
    # heights[i][j]: index i, category j (a group sums the members the index has)
    values = [index.as_dict() for index in results.values()]
    heights = np.array([[sum(float(d[m]) for m in group if m in d)
                         for group in categories.values()] for d in values],
                       dtype=np.float64).reshape(len(results), len(categories))
    ax = _axes(ax)
    names = list(categories)
    if stacked:
        x = np.arange(len(results))
        bottom = np.zeros(len(results))
        colors = _pyplot().cm.tab10(np.arange(len(names)) % 10)
        for j, name in enumerate(names):
            ax.bar(x, heights[:, j], bottom=bottom, color=colors[j], label=name)
            bottom += heights[:, j]
        ax.set_xticks(x, list(results), rotation=90 if len(results) > 8 else 0)
    else:
        x = np.arange(len(names))
        width = 0.8 / len(results)
        for i, label in enumerate(results):
            ax.bar(x + (i - (len(results) - 1) / 2) * width, heights[i], width,
                   color=_COOPERATOR_COLOR if len(results) == 1 else f"C{i}", label=label)
        if shares is not None:
            weight = [_summed_shares(shares, categories[c]) for c in names]
            ax.plot(x, weight, linestyle="none", marker="_", markersize=18,
                    markeredgewidth=2, color="black", label="share of the weight")
        ax.set_xticks(x, names, rotation=90 if len(names) > 8 else 0)
    ax.set_ylabel("power")
    kinds = {index.name for index in results.values()}
    ax.set_title(first.name.replace("_", "-") if len(kinds) == 1 else "power indices")
    ax.grid(True, axis="y", alpha=0.3)
    if len(results) > 1 or stacked or shares is not None:
        ax.legend(fontsize="small")
    return ax


def coalition_stability(
    model: SelfEnforcingAgreement | AsymmetricAgreement,
    ax: Axes | None = None,
) -> Axes:
    """Which coalitions are self-enforcing: by size for identical countries, by coalition
    for heterogeneous ones.

    * A :class:`~multilateral.models.SelfEnforcingAgreement` of identical countries: the
      gain from leaving a coalition of ``k`` (``pi_n(k - 1) - pi_s(k)``) and from joining it
      (``pi_s(k + 1) - pi_n(k)``) against ``k``; a size is internally stable where the first
      is not positive, externally stable where the second is negative, and the stable sizes
      are marked on the zero line.
    * An :class:`~multilateral.models.AsymmetricAgreement`: every coalition as a point, its
      number of members against the share of the abatement gap it closes, with the stable
      coalitions (without transfers) and the stable ones with transfers marked.

    Parameters
    ----------
    model : SelfEnforcingAgreement or AsymmetricAgreement
        The model to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.axes.Axes
        By size: lines ``"gain from leaving"`` (x data ``1..n``), ``"gain from joining"``
        (``0..n-1``), then ``"stable"`` (the stable sizes, y 0). By coalition: lines
        ``"every coalition"``, ``"stable with transfers"`` and ``"stable"`` (x data the
        coalitions' sizes, y data the closed abatement gap).

    Raises
    ------
    InvalidTypeError
        If ``model`` is neither model, or ``ax`` is not an Axes.
    InvalidArgumentError
        If a :class:`SelfEnforcingAgreement` has heterogeneous countries (describe them with
        an :class:`AsymmetricAgreement`).
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement.stability : the gains by size.
    multilateral.models.AsymmetricAgreement.table : every coalition's stability.

    References
    ----------
    .. [1] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On
       the stability of collusive price leadership. *Canadian Journal of Economics* 16(1),
       17-25.
    .. [2] McGinty, M. (2007). International environmental agreements among asymmetric
       nations. *Oxford Economic Papers* 59(1), 45-62.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> ax = ml.plot.coalition_stability(ml.models.SelfEnforcingAgreement(n=6, benefit=1,
    ...                                                                   cost=1))
    >>> leave = ax.get_lines()[0]
    >>> leave.get_xdata().tolist(), leave.get_ydata().tolist()  # (k - 1)(k - 3) / 2
    ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.0, -0.5, 0.0, 1.5, 4.0, 7.5])
    >>> ax.get_lines()[2].get_xdata().tolist()  # the stable size
    [3.0]
    """
    from ..models import AsymmetricAgreement, SelfEnforcingAgreement

    if isinstance(model, SelfEnforcingAgreement):
        if not model.identical:
            raise InvalidArgumentError(
                "coalition_stability draws a SelfEnforcingAgreement by size, for identical "
                "countries; describe heterogeneous ones with an AsymmetricAgreement")
        ax = _axes(ax)
        n = model.n
        checks = [model.stability(k) for k in range(n + 1)]
        # k >= 1 has a gain from leaving, k <= n - 1 one from joining (never None there)
        leave = [float(c.gain_from_leaving or 0) for c in checks[1:]]
        join = [float(c.gain_from_joining or 0) for c in checks[:-1]]
        marked = n <= _MAX_MARKED_POINTS
        ax.plot(np.arange(1, n + 1, dtype=np.float64), leave, color=_DEFECTOR_COLOR,
                marker="o" if marked else None, label="gain from leaving")
        ax.plot(np.arange(n, dtype=np.float64), join, color=_COOPERATOR_COLOR, linestyle="--",
                marker="s" if marked else None, label="gain from joining")
        stable = np.array(model.stable_sizes(), dtype=np.float64)
        ax.plot(stable, np.zeros(len(stable)), linestyle="none", marker="*", markersize=14,
                color="black", label="stable", zorder=3)
        ax.axhline(0.0, color="grey", linewidth=0.9)
        ax.set_xlabel("signatories k")
        ax.set_ylabel("gain")
        ax.set_title(f"Coalition stability, n = {n} ({model.specification})")
        if n > 20:
            ax.set_xscale("symlog", linthresh=10)
        else:
            _integer_ticks(ax)
    elif isinstance(model, AsymmetricAgreement):
        ax = _axes(ax)
        table = model.table()
        gap = to_float(np.asarray(table.closed_gap()))
        size = table.size.astype(np.float64)
        ax.plot(size, gap, linestyle="none", marker=".", color="lightgrey",
                label="every coalition")
        for mask, marker, color, label in (
                (table.stable_with_transfers, "o", _COOPERATOR_COLOR, "stable with transfers"),
                (table.stable, "X", _DEFECTOR_COLOR, "stable")):
            ax.plot(size[mask], gap[mask], linestyle="none", marker=marker, color=color,
                    markerfacecolor="none" if marker == "o" else color, markersize=9,
                    label=label)
        ax.axhline(0.0, color="grey", linewidth=0.9)
        ax.set_xlabel("members of the coalition")
        ax.set_ylabel("share of the abatement gap closed")
        ax.set_title(f"Coalition stability, {model.n} countries of {len(table.labels)} types")
        if model.n > 20:
            ax.set_xscale("symlog", linthresh=10)
    else:
        raise InvalidTypeError(
            "coalition_stability expects a SelfEnforcingAgreement or an AsymmetricAgreement, "
            f"got {type(model).__name__}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return ax


def sweep_map(
    result: SweepResult,
    horizontal: str,
    vertical: str,
    output: str,
    ax: Axes | None = None,
    *,
    categories: Mapping[Any, str] | None = None,
) -> Axes:
    """Which conclusion holds where: one output of a two-parameter sweep as a grid of cells.

    Each cell is one value of the parameter ``horizontal`` and one of ``vertical``,
    coloured by the output and labelled with it, so the regions where a headline holds
    are read off the map. An output that codes a conclusion (an outcome, a forum, a rule)
    is shown by name with ``categories``.

    Parameters
    ----------
    result : SweepResult
        A finished :func:`multilateral.sweep` with one task per pair of values of
        ``horizontal`` and ``vertical`` (sweep the other parameters in separate maps).
    horizontal, vertical : str
        The parameters along the horizontal and vertical axes (shown in the sweep's order).
    output : str
        The output column shown (numbers).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    categories : mapping of numbers to str, optional
        The name of each value the output takes (a sweep's outputs are numbers: code a
        conclusion as one), in the order of the legend: cells are coloured by category
        and named in a legend instead of a colour bar.

    Returns
    -------
    matplotlib.axes.Axes
        The axes holding one :class:`~matplotlib.collections.QuadMesh` (``ax.collections[0]``,
        its array the output by row and column, or with ``categories`` the position of
        each cell's category among them) and, on grids of at most 400 cells, one text per
        cell (the value, or the category's name). Along an axis of more than 8 values
        every few values are labelled, so that the labels stay legible; a fraction that is
        not a whole number is labelled as a decimal (``3/2000`` as ``0.0015``). The cell of
        the ``j``-th value of ``horizontal`` and the ``i``-th of ``vertical`` spans
        ``[j, j + 1] x [i, i + 1]`` in data coordinates: draw on the map there.

    Raises
    ------
    InvalidTypeError
        If ``result`` is not a :class:`~multilateral.sweeps.SweepResult`, ``categories``
        is not a mapping, or ``ax`` is not an Axes.
    InvalidArgumentError
        If a name is not a parameter or output of the sweep, a cell has no task or
        several, or the output takes a value that ``categories`` does not name.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.sweep : runs the sweep.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> res = ml.sweep(lambda n, r: int(r >= n), {"n": [2, 3, 4], "r": [2, 3]}, store=False)
    >>> ax = ml.plot.sweep_map(res, "n", "r", "value")
    >>> ax.collections[0].get_array().reshape(2, 3).tolist()  # rows r = 2, 3
    [[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]]

    The same conclusion by name:

    >>> ax = ml.plot.sweep_map(res, "n", "r", "value",
    ...                        categories={0: "defect", 1: "contribute"})
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['defect', 'contribute']
    >>> [t.get_text() for t in ax.texts][:3]   # the row r = 2
    ['contribute', 'defect', 'defect']
    """
    from ..sweeps import SweepResult

    if not isinstance(result, SweepResult):
        raise InvalidTypeError(f"sweep_map expects a SweepResult, got {type(result).__name__}")
    for name, table in ((horizontal, result.parameters), (vertical, result.parameters),
                        (output, result.values)):
        if name not in table:
            raise InvalidArgumentError(f"{name!r} is not in the sweep; it has {sorted(table)}")
    if categories is not None and not isinstance(categories, Mapping):
        raise InvalidTypeError(
            "categories must be a mapping from the output's values to names, got "
            f"{type(categories).__name__}")
    xs_all, ys_all = result.parameters[horizontal], result.parameters[vertical]
    xs = list(dict.fromkeys(xs_all.tolist()))
    ys = list(dict.fromkeys(ys_all.tolist()))
    grid = np.full((len(ys), len(xs)), np.nan)
    seen = np.zeros(grid.shape, dtype=np.int64)
    codes = None if categories is None else list(categories)
    names = [] if categories is None else [str(name) for name in categories.values()]
    for x, y, v in zip(xs_all.tolist(), ys_all.tolist(), result.values[output].tolist(),
                       strict=True):
        i, j = ys.index(y), xs.index(x)
        if codes is None:
            grid[i, j] = float(v)
        elif v in codes:
            grid[i, j] = codes.index(v)
        else:
            raise InvalidArgumentError(
                f"{output} = {v!r} at {horizontal} = {x!r}, {vertical} = {y!r} has no name "
                f"in categories (they name {codes})")
        seen[i, j] += 1
    if (seen != 1).any():
        raise InvalidArgumentError(
            f"sweep_map needs one task per ({horizontal}, {vertical}) pair, found "
            f"{int(seen.min())} to {int(seen.max())}: sweep the other parameters (or repeats) "
            "in separate maps")
    ax = _axes(ax)
    plt = _pyplot()
    edges_x, edges_y = np.arange(len(xs) + 1), np.arange(len(ys) + 1)
    if categories is None:
        mesh = ax.pcolormesh(edges_x, edges_y, grid, cmap="viridis", shading="flat")
    else:
        from matplotlib.colors import ListedColormap
        from matplotlib.patches import Patch

        colors = plt.cm.viridis(np.linspace(0.0, 1.0, len(categories)))
        mesh = ax.pcolormesh(edges_x, edges_y, grid, cmap=ListedColormap(colors),
                             vmin=-0.5, vmax=len(categories) - 0.5, shading="flat")
    if grid.size <= _MAX_LABELLED_CELLS:
        top = np.nanmax(grid) if np.isfinite(grid).any() else 1.0
        low = np.nanmin(grid) if np.isfinite(grid).any() else 0.0
        if categories is not None:
            top, low = len(categories) - 1.0, 0.0
        for i in range(len(ys)):
            for j in range(len(xs)):
                value = grid[i, j]
                dark = (value - low) < 0.6 * (top - low) if top > low else True
                text = format_number(value, 3) if not names else names[int(value)]
                ax.text(j + 0.5, i + 0.5, text, ha="center", va="center",
                        color="white" if dark else "black", fontsize="small")
    for values, set_ticks in ((xs, ax.set_xticks), (ys, ax.set_yticks)):
        every = -(-len(values) // _MAX_TICK_LABELS)  # ceil: label every `every`-th value
        shown = np.arange(0, len(values), every)
        set_ticks(shown + 0.5, [_tick_label(values[k]) for k in shown])
    ax.set_xlabel(horizontal)
    ax.set_ylabel(vertical)
    ax.set_title(output)
    if categories is None:
        ax.figure.colorbar(mesh, ax=ax, label=output)
    else:
        ax.legend(handles=[Patch(color=c, label=name)
                           for c, name in zip(colors, names, strict=True)], fontsize="small")
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


def _matrix_title(game: NormalFormGame) -> str:
    if not isinstance(game, TwoByTwo):  # action 0 is "cooperate" only in a TwoByTwo
        return f"{game.players[0]} (rows) vs {game.players[1]} (columns)"
    kind = game.oye_type
    first, second = game.orderings
    order = first if first == second else f"{first} | {second}"
    if kind is None:
        return f"2x2 game, not one of Oye's types ({order})"
    return f"{OYE_NAMES[kind]} ({order})"


def _power_results(result: Any, kind: type[PowerIndex]) -> dict[str, PowerIndex]:
    """One PowerIndex, or a mapping of labels to them, as a non-empty dict."""
    if isinstance(result, kind):
        return {result.heading: result}
    if not isinstance(result, Mapping):
        raise InvalidTypeError(
            "power_bars expects a PowerIndex (e.g. from shapley_shubik) or a mapping of labels "
            f"to them, got {type(result).__name__}")
    if not result:
        raise InvalidArgumentError("power_bars needs at least one PowerIndex")
    for label, index in result.items():
        if not isinstance(index, kind):
            raise InvalidTypeError(
                f"result[{label!r}] is a {type(index).__name__}, not a PowerIndex")
    return {str(label): index for label, index in result.items()}


def _check_groups(groups: Any, results: Mapping[str, Any]) -> dict[str, list[str]]:
    """The groups as lists, each member in some index and in one group only."""
    if not isinstance(groups, Mapping) or not groups:
        raise InvalidTypeError(
            f"groups must be a non-empty mapping of labels to members, got {groups!r}")
    known = {m for index in results.values() for m in index.members}
    seen: dict[str, str] = {}
    out: dict[str, list[str]] = {}
    for label, group in groups.items():
        if isinstance(group, str) or not isinstance(group, Collection):
            raise InvalidTypeError(
                f"groups[{label!r}] must be a collection of member labels, got {group!r}")
        out[str(label)] = list(group)
        for m in group:
            if m not in known:
                raise InvalidArgumentError(
                    f"{m!r} in groups[{label!r}] is a member of no index; the members are "
                    f"{_listed(sorted(known))}")
            if m in seen:
                raise InvalidArgumentError(
                    f"{m!r} is in two groups, {seen[m]!r} and {label!r}: its power would "
                    "count twice")
            seen[m] = str(label)
    return out


def _summed_shares(shares: Any, group: Sequence[str]) -> float:
    if not isinstance(shares, Mapping):
        raise InvalidTypeError(
            f"shares must be a mapping of members to numbers, got {type(shares).__name__}")
    missing = [m for m in group if m not in shares]
    if missing:
        raise InvalidArgumentError(f"shares has no value for {missing[0]!r}")
    return float(sum(float(shares[m]) for m in group))


def _listed(labels: Sequence[str]) -> str:
    shown = ", ".join(map(repr, labels[:10]))
    return shown + (f", ... ({len(labels)} in all)" if len(labels) > 10 else "")


def _tick_label(value: Any) -> str:
    """A sweep parameter's value as a tick label: decimals for fractions (shorter)."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return format_number(float(value), 4)
    return format_number(value, 4)
