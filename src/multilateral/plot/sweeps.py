"""Figures of a sweep (:func:`multilateral.sweep`): which conclusion holds where.

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

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .._namespace import public_dir
from .._numeric import format_number
from ..errors import InvalidArgumentError, InvalidTypeError
from ._common import check_axes, pyplot

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..sweeps import SweepResult

__all__ = ["sweep_map"]
__dir__ = public_dir(__all__)

_MAX_LABELLED_CELLS = 400  # a sweep map writes each cell's value only up to this many cells
_MAX_TICK_LABELS = 8  # a sweep map labels at most this many values along an axis


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


# -- helpers ---------------------------------------------------------------------------------------
def _tick_label(value: Any) -> str:
    """A sweep parameter's value as a tick label: decimals for fractions (shorter)."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return format_number(float(value), 4)
    return format_number(value, 4)
