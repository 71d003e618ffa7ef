"""Plots of games and models (matplotlib); the functions live in the package's modules."""

from __future__ import annotations

from .._namespace import public_dir
from .anonymous import (
    OYE_NAMES,
    coalition_stability,
    gain_function_plot,
    gain_functions,
    magic_number_curve,
    payoff_matrix,
    power_bars,
    schelling_diagram,
    schelling_diagrams,
    sweep_map,
)

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
