"""Figures of a sweep (:func:`multilateral.sweep`): which conclusion holds where.

:func:`sweep_map` shows one output over two parameters as a grid of cells;
:func:`parameter_curve` shows outputs along one parameter as curves, with the background
coloured by the conclusion that holds. Both read a sweep's columns by name. The module runs
past the library's ~600 lines because the two figures share their checks of columns,
categories and styles, kept beside them rather than split off.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import multilateral as ml
>>> res = ml.sweep(lambda n, r: int(r >= n), {"n": [2, 3], "r": [2, 3]}, store=False)
>>> ax = ml.plot.sweep_map(res, "n", "r", "value")
>>> ax.get_title()
'value'
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import to_float
from ..errors import InvalidArgumentError, InvalidTypeError
from ..types import ArrayLike
from ._common import MAX_MARKED_POINTS, check_axes, integer_ticks, pyplot

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..sweeps import SweepResult

__all__ = ["parameter_curve", "sweep_map"]
__dir__ = public_dir(__all__)

_MAX_LABELLED_CELLS = 400  # a sweep map writes each cell's value only up to this many cells
_MAX_TICK_LABELS = 8  # a sweep map labels at most this many values along an axis
_LINE_STYLES = ("-", "--", ":", "-.")  # one per value of a curve's `lines`, with several outputs
_BACKGROUND_ALPHA = 0.25  # a conclusion's colour behind the curves


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
        _require(table, name)
    _check_categories(categories)
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
    ax = check_axes(ax)
    plt = pyplot()
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


def parameter_curve(
    result: SweepResult | Mapping[str, ArrayLike],
    horizontal: str,
    output: str | Sequence[str],
    ax: Axes | None = None,
    *,
    lines: str | None = None,
    step: bool | None = None,
    conclusion: str | None = None,
    categories: Mapping[Any, str] | None = None,
    styles: Mapping[Any, Mapping[str, Any]] | None = None,
) -> Axes:
    """Which conclusion holds where, along one parameter: outputs of a sweep as curves.

    The one-parameter companion of :func:`sweep_map`: one or more outputs against the
    parameter ``horizontal`` (sorted), as lines or, for outputs that count (a club's size,
    a number of members), as steps; optionally one line per value of a second parameter
    (``lines``), and the background coloured by the conclusion that holds at each value
    (``conclusion``, named with ``categories`` as in :func:`sweep_map`).

    Parameters
    ----------
    result : SweepResult or mapping of str to array_like
        A finished :func:`multilateral.sweep`, or a table of equal-length columns by name
        (``{"tariff": x, "members": y}``: values computed otherwise). Every name below is
        one of its columns (parameters or outputs).
    horizontal : str
        The parameter along the horizontal axis (numbers; exact fractions are drawn as
        floats).
    output : str or sequence of str
        The output column drawn (numbers), or several, one line each. A value that is
        not finite (``nan``, or ``inf``: an output with no finite value there, such as a
        threshold that is infinite from some size on) is drawn as a gap: ``inf`` is drawn
        as ``nan``, where matplotlib leaves the line open.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    lines : str, optional
        A second parameter: one line per value (in the order of the table). Without it the
        table must have one row per value of ``horizontal``.
    step : bool, optional
        Draw steps instead of straight segments between the computed values: each value
        holds up to halfway to its neighbours, since the sweep says only that a change lies
        between two of its values. Default: steps when every output is a column of
        integers (or booleans).
    conclusion : str, optional
        A column that codes a conclusion (an outcome, a forum, a rule: a sweep's outputs
        are numbers); the background is coloured by its value, each value's colour
        spanning halfway to the neighbouring values. It must take one value at each value
        of ``horizontal`` (the same on every line).
    categories : mapping of numbers to str, optional
        The name of each value that ``conclusion`` takes, in the order of the legend
        (as in :func:`sweep_map`). Default: ``"<conclusion> = <value>"``, by value.
    styles : mapping, optional
        Matplotlib line properties (a mapping such as ``{"linestyle": ":", "color": "k"}``)
        by output name, or by value of ``lines``, for the lines of that output or value;
        a line of both takes the output's, then the value's (which win). They replace the
        defaults (the next colour of the cycle, a solid line or one style per value of
        ``lines`` with several outputs, markers on short curves).

    Returns
    -------
    matplotlib.axes.Axes
        The axes. ``ax.get_lines()`` holds one line per output and value of ``lines``
        (outputs first, in the order given), x data the sorted values of ``horizontal``, y
        data the output there (as floats, ``nan`` where it is not finite); drawn as steps
        its drawstyle is ``"steps-mid"``. A line is labelled with the output's name,
        ``"<lines> = <value>"`` with one output and ``lines``, or ``"<output>, <lines> =
        <value>"`` with both. Each line takes the next colour of the axes' colour cycle
        (with several outputs and ``lines``, each output takes one, shared by its lines), so
        a second call on the same axes continues the colours (unless ``styles`` sets them);
        the axis labels (``horizontal``; the output's name, or ``"value"`` for several) and
        the title (the output's name; none for several outputs, which the legend names) are
        set only where the axes has none. With ``conclusion``, ``ax.patches`` holds one
        :class:`~matplotlib.patches.Rectangle` per run of equal conclusions, left to right,
        spanning the axes' height, labelled with the conclusion's name (a later run of the
        same conclusion with ``"_"`` before it, so that a new ``ax.legend()`` names it
        once); the legend names the lines (when there are several) and every category.

    Raises
    ------
    InvalidTypeError
        If ``result`` is neither a :class:`~multilateral.sweeps.SweepResult` nor a mapping
        of columns, ``output`` is not a name or a sequence of names, a column drawn does not
        hold numbers (the text column ``<name>_exact``: draw ``<name>``), ``step`` is not a
        bool, ``categories`` or ``styles`` (or one of its entries) is not a mapping, or
        ``ax`` is not an Axes.
    InvalidArgumentError
        If a name is not a column of the table, the table is empty, the columns differ
        in length or are not one-dimensional, a value of ``horizontal`` has no row or
        several (on a line), ``conclusion`` is not finite (``nan`` or ``inf``), takes
        two values at one value of ``horizontal`` or a value that ``categories`` does not
        name, ``categories`` is given without ``conclusion``, or ``styles`` names neither an
        output drawn nor a value of ``lines``, or a property that matplotlib lines do not
        have or a value it refuses.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    sweep_map : the same over two parameters, as a grid of cells.
    multilateral.sweep : runs the sweep.

    References
    ----------
    .. [1] Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international
       climate policy. *American Economic Review* 105(4), 1339-1370 (the example's
       tariff-participation relation).

    Examples
    --------
    Nordhaus's climate club: the largest stable club of five countries as the penalty
    tariff on outsiders rises, and whether it holds them all (a sweep's outputs are
    numbers: 1 codes "all"). The club of all is stable from a tariff of
    ``(p - b)**2 / (2 c) = 2`` on:

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> club = ml.models.ClimateClub(n=5, benefit=1, cost=1, target_price=3)
    >>> def members(tariff):
    ...     k = club.with_(tariff=tariff).largest_stable_size()
    ...     return {"members": k, "all": int(k == 5)}
    >>> res = ml.sweep(members, {"tariff": [0, 1, 2, 3]}, store=False)
    >>> ax = ml.plot.parameter_curve(res, "tariff", "members", conclusion="all",
    ...                              categories={0: "no club of all", 1: "club of all"})
    >>> line = ax.get_lines()[0]
    >>> line.get_xdata().tolist(), line.get_ydata().tolist(), line.get_drawstyle()
    ([0.0, 1.0, 2.0, 3.0], [0.0, 0.0, 5.0, 5.0], 'steps-mid')
    >>> [(p.get_label(), p.get_x(), p.get_x() + p.get_width()) for p in ax.patches]
    [('no club of all', 0.0, 1.5), ('club of all', 1.5, 3.0)]

    The grid places the change between tariffs 1 and 2, and the picture halfway.

    Values computed without a sweep, one line per value of a second parameter:

    >>> table = {"r": [1, 2, 3, 1, 2, 3], "n": [2, 2, 2, 4, 4, 4],
    ...          "gain": [-0.5, 0.0, 0.5, -0.75, -0.5, -0.25]}
    >>> ax = ml.plot.parameter_curve(table, "r", "gain", lines="n")
    >>> [line.get_label() for line in ax.get_lines()]
    ['n = 2', 'n = 4']

    A style of its own for one line (by the value of ``lines``, or by output name):

    >>> ax = ml.plot.parameter_curve(table, "r", "gain", lines="n",
    ...                              styles={4: {"linestyle": ":", "color": "black"}})
    >>> [(line.get_linestyle(), line.get_color()) for line in ax.get_lines()][1]
    (':', 'black')
    """
    who = "parameter_curve"
    table = _table(result, who)
    if isinstance(output, str):
        outputs = [output]
    elif isinstance(output, Sequence) and output and all(isinstance(o, str) for o in output):
        outputs = list(output)
    else:
        raise InvalidTypeError(
            f"output must be a column name or a non-empty sequence of them, got {output!r}")
    if step is not None and not isinstance(step, bool):
        raise InvalidTypeError(f"step must be True, False or None, got {step!r}")
    _check_categories(categories)
    if categories is not None and conclusion is None:
        raise InvalidArgumentError(
            "categories name the values of a conclusion: pass conclusion=<column> too")
    for name in (horizontal, *outputs, lines, conclusion):
        if name is not None:
            _require(table, name, "the table" if isinstance(result, Mapping) else "the sweep")
    x_all = _numbers(table[horizontal], horizontal)
    if not len(x_all):
        raise InvalidArgumentError(f"{who} needs at least one row; the table is empty")
    groups = [None] if lines is None else list(dict.fromkeys(table[lines].tolist()))
    _check_styles(styles, outputs, lines, groups)
    curves: list[tuple[str, Any, str, np.ndarray, np.ndarray]] = []  # output, value, label, x, y
    for out in outputs:
        # a gap where the output has no finite value (a threshold infinite from some n
        # on): matplotlib leaves a gap at nan, and cannot draw inf
        y_all = _numbers(table[out], out)
        y_all = np.where(np.isfinite(y_all), y_all, np.nan)  # a copy: the table stays
        for value in groups:
            rows = (np.ones(len(x_all), dtype=bool) if lines is None
                    else np.array([v == value for v in table[lines].tolist()]))
            x, y = x_all[rows], y_all[rows]
            _check_one_row_per_value(x, horizontal, lines, value)
            order = np.argsort(x, kind="stable")
            label = (out if lines is None else f"{lines} = {format_number(value, 4)}"
                     if len(outputs) == 1 else f"{out}, {lines} = {format_number(value, 4)}")
            curves.append((out, value, label, x[order], y[order]))
    if step is None:
        step = all(np.asarray(table[out]).dtype.kind in "biu" for out in outputs)
    background = (None if conclusion is None else
                  _conclusion_runs(table, horizontal, x_all, conclusion, categories))
    ax = check_axes(ax)
    several = len(outputs) > 1 and lines is not None
    drawn: list[Any] = []
    colour_of: dict[str, Any] = {}  # each output's colour, once its first line is drawn
    for i, (out, value, label, x, y) in enumerate(curves):
        # one colour per output and one line style per value of `lines` when both vary;
        # a new colour is the axes' next one (color=None), so a second call on the same
        # axes continues the cycle rather than restarting it
        style = _LINE_STYLES[i % len(groups) % len(_LINE_STYLES)] if several else "-"
        properties: dict[str, Any] = {
            "color": colour_of.get(out) if several else None, "linestyle": style,
            "marker": "o" if len(x) <= MAX_MARKED_POINTS else None, "markersize": 4,
            "label": label}
        by_value = _style_of(styles, value) if lines is not None else {}
        properties.update({**_style_of(styles, out), **by_value})
        try:
            if step:
                line, = ax.step(x, y, where="mid", **properties)
            else:
                line, = ax.plot(x, y, **properties)
        except (ValueError, TypeError) as error:  # inputs are checked: a style's value
            raise InvalidArgumentError(
                f"styles for the line {label!r}: matplotlib refused them: {error}") from None
        if "color" not in by_value:  # a value's own colour is not the output's
            colour_of.setdefault(out, line.get_color())
        drawn.append(line)
    handles: list[Any] = drawn if len(drawn) > 1 else []
    if background is not None:
        handles += _draw_background(ax, *background)
    if all(float(v).is_integer() for v in x_all):
        integer_ticks(ax)
    # labels and a title the axes already has (an earlier call's, the caller's) stay
    if not ax.get_xlabel():
        ax.set_xlabel(horizontal)
    if not ax.get_ylabel():
        ax.set_ylabel(outputs[0] if len(outputs) == 1 else "value")
    # a short title, as sweep_map's: the output's name; several outputs are named by the
    # legend (all names joined ran off the figure), and the conclusions by their legend
    if not ax.get_title() and len(outputs) == 1:
        ax.set_title(outputs[0])
    ax.grid(True, alpha=0.3)
    if handles:
        ax.legend(handles=handles, fontsize="small")
    return ax


# -- helpers ---------------------------------------------------------------------------------------
def _tick_label(value: Any) -> str:
    """A sweep parameter's value as a tick label: decimals for fractions (shorter)."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return format_number(float(value), 4)
    return format_number(value, 4)


def _table(result: Any, who: str) -> dict[str, NDArray[Any]]:
    """The columns of a sweep's table, or of a mapping of columns: 1-D, of one length."""
    from ..sweeps import SweepResult

    if isinstance(result, SweepResult):
        return dict(result.columns)
    if not isinstance(result, Mapping):
        raise InvalidTypeError(
            f"{who} expects a SweepResult or a mapping of column names to values, got "
            f"{type(result).__name__}")
    table = {}
    for name, column in result.items():
        values = np.asarray(column, dtype=object if _has_fractions(column) else None)
        if values.ndim != 1:
            raise InvalidArgumentError(
                f"column {name!r} must be one-dimensional, got shape {values.shape}")
        table[str(name)] = values
    lengths = {name: len(values) for name, values in table.items()}
    if len(set(lengths.values())) > 1:
        raise InvalidArgumentError(f"the columns must have one length, got {lengths}")
    return table


def _has_fractions(column: Any) -> bool:
    """Whether a column holds Fractions (kept exact, as objects, like a sweep's columns)."""
    return any(isinstance(v, Fraction) for v in np.asarray(column, dtype=object).ravel())


def _require(table: Mapping[str, Any], name: str, where: str = "the sweep") -> None:
    if name not in table:
        raise InvalidArgumentError(
            f"{name!r} is not in {where}; it has {sorted(table)}")


def _check_categories(categories: Any) -> None:
    if categories is not None and not isinstance(categories, Mapping):
        raise InvalidTypeError(
            "categories must be a mapping from the output's values to names, got "
            f"{type(categories).__name__}")


def _numbers(column: NDArray[Any], name: str) -> NDArray[np.float64]:
    """A column as floats, or an error naming it when it does not hold numbers."""
    try:
        if column.dtype.kind not in "biufO":
            raise TypeError
        return to_float(column)
    except (TypeError, ValueError):
        first = next((v for v in column.tolist()
                      if not isinstance(v, numbers.Real)), column[0] if len(column) else None)
        raise InvalidTypeError(
            f"column {name!r} must hold numbers, got {first!r}"
            + (f"; draw {name.removesuffix('_exact')!r}, its float column"
               if name.endswith("_exact") else "")) from None


def _check_styles(styles: Any, outputs: list[str], lines: str | None,
                  groups: list[Any]) -> None:
    """Styles name outputs drawn or values of `lines`, each with line properties."""
    if styles is None:
        return
    if not isinstance(styles, Mapping):
        raise InvalidTypeError(
            "styles must be a mapping from output names (or values of lines) to mappings of "
            f"line properties, got {type(styles).__name__}")
    from matplotlib.lines import Line2D

    values = [] if lines is None else groups
    for key, style in styles.items():
        if key not in outputs and not any(key == v for v in values):
            on = "" if lines is None else f"; the values of {lines} are {values}"
            raise InvalidArgumentError(
                f"styles name {key!r}, which is not drawn: the outputs are {outputs}{on}")
        if not isinstance(style, Mapping):
            raise InvalidTypeError(
                f"styles[{key!r}] must be a mapping of line properties (such as "
                f"{{'linestyle': ':'}}), got {type(style).__name__}")
        for prop in style:
            # Line2D has a setter per property and alias (set_linestyle, set_ls)
            if not isinstance(prop, str) or not hasattr(Line2D, f"set_{prop}"):
                raise InvalidArgumentError(
                    f"styles[{key!r}] sets {prop!r}, which is not a property of matplotlib "
                    "lines (such as color, linestyle, linewidth, marker, alpha)")


def _style_of(styles: Mapping[Any, Mapping[str, Any]] | None, key: Any) -> Mapping[str, Any]:
    """The properties styles give ``key`` (compared by value: 2 names the line 2.0)."""
    if styles is None:
        return {}
    from matplotlib.cbook import normalize_kwargs
    from matplotlib.lines import Line2D

    style = next((style for name, style in styles.items() if name == key), {})
    # aliases (ls, c, lw) as full names, so that they replace the defaults
    return normalize_kwargs(dict(style), Line2D)


def _check_one_row_per_value(x: NDArray[np.float64], horizontal: str, lines: str | None,
                             value: Any) -> None:
    values, counts = np.unique(x, return_counts=True)
    if len(values) and counts.max() > 1:
        on = "" if lines is None else f" on the line {lines} = {format_number(value, 4)}"
        raise InvalidArgumentError(
            f"parameter_curve needs one row per value of {horizontal}{on}, found "
            f"{int(counts.max())} at {horizontal} = {format_number(values[counts.argmax()], 4)}:"
            " draw the other parameters with lines= or in separate curves, and average "
            "repeats first")


def _conclusion_runs(table: Mapping[str, NDArray[Any]], horizontal: str,
                     x_all: NDArray[np.float64], conclusion: str,
                     categories: Mapping[Any, str] | None,
                     ) -> tuple[list[tuple[float, float, int]], list[str]]:
    """The background: ``(from, to, category)`` per run of equal conclusions, and the names.

    Each value holds halfway to its neighbours; the ends are the first and last values.
    """
    at: dict[float, Any] = {}
    for x, code in zip(x_all.tolist(), table[conclusion].tolist(), strict=True):
        if isinstance(code, numbers.Real) and not np.isfinite(float(code)):
            # a conclusion is a category: nan or inf codes none (and nan != nan splits runs)
            raise InvalidArgumentError(
                f"{conclusion} is {code} at {horizontal} = {format_number(x, 4)}: a "
                "conclusion must be finite (code each conclusion as a number or name it)")
        if x in at and at[x] != code:
            raise InvalidArgumentError(
                f"{conclusion} is {at[x]!r} and {code!r} at {horizontal} = "
                f"{format_number(x, 4)}: the background shows one conclusion per value "
                "(draw the lines in separate curves)")
        at[x] = code
    if categories is None:
        codes = list(dict.fromkeys(sorted(at.values(), key=_sort_key)))
        names = [f"{conclusion} = {format_number(c, 4)}" for c in codes]
    else:
        codes, names = list(categories), [str(name) for name in categories.values()]
        for x, code in at.items():
            if code not in codes:
                raise InvalidArgumentError(
                    f"{conclusion} = {code!r} at {horizontal} = {format_number(x, 4)} has no "
                    f"name in categories (they name {codes})")
    xs = sorted(at)
    edges = [xs[0], *((a + b) / 2 for a, b in itertools.pairwise(xs)), xs[-1]]
    runs = []
    start = 0
    for i in range(1, len(xs) + 1):
        if i == len(xs) or at[xs[i]] != at[xs[start]]:
            runs.append((edges[start], edges[i], codes.index(at[xs[start]])))
            start = i
    return runs, names


def _draw_background(ax: Axes, runs: list[tuple[float, float, int]],
                     names: list[str]) -> list[Any]:
    """One rectangle per run, the axes' height; the legend's handles, one per category."""
    from matplotlib.patches import Patch, Rectangle

    colors = pyplot().cm.viridis(np.linspace(0.0, 1.0, len(names)))  # as sweep_map's
    named: set[int] = set()
    for low, high, k in runs:
        # a later run of a conclusion is hidden from legends, so ax.legend() names it once
        label = names[k] if k not in named else f"_{names[k]}"
        named.add(k)
        ax.add_patch(Rectangle((low, 0.0), high - low, 1.0, transform=ax.get_xaxis_transform(),
                               facecolor=colors[k], alpha=_BACKGROUND_ALPHA, linewidth=0,
                               zorder=0, label=label))
    return [Patch(facecolor=c, alpha=_BACKGROUND_ALPHA, label=name)
            for c, name in zip(colors, names, strict=True)]


def _sort_key(code: Any) -> tuple[int, Any]:
    """Numbers in order, then anything else in its text's order."""
    if isinstance(code, numbers.Real):
        return (0, float(code))
    return (1, str(code))
