"""Named tolerances: every float comparison in the library uses one of these.

Exact inputs (``int``, ``Fraction``) are compared exactly and never need them; they are for
floating-point games and models. Each solver that compares floats takes a ``tol`` argument
whose default is one of these constants.

Examples
--------
>>> from multilateral import tolerances
>>> tolerances.EQUILIBRIUM
1e-09
"""

from __future__ import annotations

from ._namespace import public_dir

__all__ = [
    "EQUILIBRIUM",
    "LP_FEASIBILITY",
    "ODE_ATOL",
    "ODE_RTOL",
    "PROBABILITY",
    "ROOT",
    "ROUNDING",
    "SAME_POINT",
    "STATIONARY",
]
__dir__ = public_dir(__all__)

#: Largest gain from a deviation (regret) accepted at a numerical equilibrium, relative to
#: the payoffs' scale; also the default ``tol`` of the solvers.
EQUILIBRIUM = 1e-9

#: Two mixed strategies, rest points or probabilities closer than this are the same point.
SAME_POINT = 1e-9

#: A probability vector may sum to 1 within this (times its length).
PROBABILITY = 1e-9

#: Roots of gain functions and thresholds found in floating point (bisection, Brent).
ROOT = 1e-12

#: HiGHS's default primal feasibility tolerance: linear programs are checked again beyond it.
LP_FEASIBILITY = 1e-7

#: Residual accepted for a stationary distribution of a Markov chain.
STATIONARY = 1e-10

#: Rounding error of float sums of probabilities (a few ulps near 1): the floor under a
#: user's ``tol`` where sums of many terms are checked.
ROUNDING = 1e-12

#: Relative and absolute error of ODE integrations (replicator dynamics): they keep the
#: constants of motion of zero-sum games to about 1e-9.
ODE_RTOL = 1e-10
ODE_ATOL = 1e-12
