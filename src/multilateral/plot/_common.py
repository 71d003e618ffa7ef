"""What every plot of :mod:`multilateral.plot` shares: pyplot, the axes, ticks and colours.

matplotlib is imported here, and only when a plot is drawn (:func:`pyplot`), so that
``import multilateral.plot`` never needs it. The helpers are the plot package's own (the
module is private); every name is public so the package's modules can import it.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import InvalidTypeError, MissingDependencyError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "COOPERATOR_COLOR",
    "DEFECTOR_COLOR",
    "MAX_MARKED_POINTS",
    "check_axes",
    "integer_ticks",
    "pyplot",
]

#: The colour of a cooperator's payoffs (and of the first of two lines).
COOPERATOR_COLOR = "tab:blue"
#: The colour of a defector's payoffs (and of a marked optimum).
DEFECTOR_COLOR = "tab:red"
#: Draw a marker at every integer point of a line only up to this many points.
MAX_MARKED_POINTS = 40


def pyplot() -> ModuleType:
    """Import matplotlib.pyplot or explain how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise MissingDependencyError(
            "plotting needs matplotlib, an optional dependency: "
            'pip install "multilateral[plot]"'
        ) from err
    return plt


def check_axes(ax: Any) -> Axes:
    """Return ``ax`` after checking it is an Axes, or a new figure's axes if it is None."""
    plt = pyplot()
    from matplotlib.axes import Axes as _Axes

    if ax is None:
        _, new = plt.subplots()
        return new
    if not isinstance(ax, _Axes):
        raise InvalidTypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def integer_ticks(ax: Axes) -> None:
    """Label the x axis with whole numbers only (players, members, sizes)."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
