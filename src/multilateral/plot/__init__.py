"""Plots of games and models: Schelling diagrams [1]_, gain functions and payoff tables [2]_,
magic-number curves, power indices, coalition stability and figures of sweeps (matplotlib).

matplotlib is an optional dependency (``pip install "multilateral[plot]"``); it is imported
only when a plotting function is called, so ``import multilateral`` never needs it. Every
function draws on the :class:`matplotlib.axes.Axes` it is given (or on a new figure's axes)
and returns that Axes, so plots compose with the rest of matplotlib.

The functions are used as ``multilateral.plot.<name>``; they live in one module per kind of
figure: :mod:`~multilateral.plot.anonymous` (Schelling diagrams and gain functions),
:mod:`~multilateral.plot.matrices` (payoff tables), :mod:`~multilateral.plot.agreements`
(magic numbers and coalition stability), :mod:`~multilateral.plot.power` (power indices) and
:mod:`~multilateral.plot.sweeps` (which conclusion holds where, over a sweep: a map of
two parameters, curves along one).

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

from .._namespace import public_dir
from .agreements import coalition_stability, magic_number_curve
from .anonymous import gain_function_plot, gain_functions, schelling_diagram, schelling_diagrams
from .matrices import OYE_NAMES, payoff_matrix
from .power import power_bars
from .sweeps import parameter_curve, sweep_map

__all__ = [
    "OYE_NAMES",
    "coalition_stability",
    "gain_function_plot",
    "gain_functions",
    "magic_number_curve",
    "parameter_curve",
    "payoff_matrix",
    "power_bars",
    "schelling_diagram",
    "schelling_diagrams",
    "sweep_map",
]
__dir__ = public_dir(__all__)
