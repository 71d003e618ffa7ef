"""Named tolerances: every float comparison in the library uses one of these.

Exact inputs (``int``, ``Fraction``) are compared exactly and never need them; they are for
floating-point games and models. Each solver that compares floats takes a ``tol`` argument
whose default is one of these constants.

No other module writes a small float literal: ``tests/test_tolerances.py`` parses every module
of the package with :mod:`ast` and fails, listing ``file:line``, on any float constant (or
numeric string, or ``10 ** -k``) below ``1e-4`` in code outside this module; docstrings are
not code and may quote values. Its allow-list names, with a reason, the few small numbers
that are not tolerances.

Examples
--------
>>> from multilateral import tolerances
>>> tolerances.EQUILIBRIUM
1e-09
"""

from __future__ import annotations

from ._namespace import public_dir

__all__ = [
    "CLEARLY_NEGATIVE",
    "CLEARLY_NEGATIVE_FLOOR",
    "DEGENERATE",
    "DUAL_POSITIVE",
    "EQUILIBRIUM",
    "FIXED_POINT",
    "HIGHS_TIGHT",
    "LP_FEASIBILITY",
    "LP_TIGHT",
    "MATCH",
    "NEGLIGIBLE_GAP",
    "NEGLIGIBLE_WEIGHT",
    "ODE_ATOL",
    "ODE_RTOL",
    "PROBABILITY",
    "QRE_REGRET",
    "RANK",
    "ROOT",
    "ROOT_MATCH",
    "ROOT_X",
    "ROUNDING",
    "SAME_POINT",
    "SEQUENCE_PERTURBATION",
    "STATIONARY",
    "SYMBOLIC_ZERO",
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

#: Relative error of ODE integrations (replicator dynamics): with ``ODE_ATOL`` it keeps the
#: constants of motion of zero-sum games to about 1e-9.
ODE_RTOL = 1e-10

#: Absolute error of ODE integrations (replicator dynamics), for shares near zero.
ODE_ATOL = 1e-12

#: ``xtol`` of Brent's method (scipy's ``brentq``) for roots in ``[0, 1]``: a few ulps at 1
#: (machine epsilon is 2.2e-16), so a root is as precise as a double near 1 allows.
ROOT_X = 1e-15

#: A float in ``[0, 1]`` (a difference of probabilities) above ``-NEGLIGIBLE_GAP`` is not
#: negative but a few ulps of rounding at 1; below it the sign is real.
NEGLIGIBLE_GAP = 1e-15

#: A coefficient (of order one) of a low-degree polynomial in a probability below this is
#: zero, and the polynomial's degree drops: about a hundred ulps, rounding and nothing more.
DEGENERATE = 1e-14

#: Largest step at which a damped fixed-point iteration of probabilities has converged: near
#: machine precision, since the map is a contraction and each step is cheap.
FIXED_POINT = 1e-14

#: A truncated discounted sum stops once a round's weight ``delta ** t`` falls below this:
#: the neglected tail is then under ``NEGLIGIBLE_WEIGHT / (1 - delta)`` of a round's payoff.
NEGLIGIBLE_WEIGHT = 1e-6

#: Relative margin beyond which a float quantity is *clearly* negative (float rounding is
#: ~1e-16 relative), so exact arithmetic need not look at it.
CLEARLY_NEGATIVE = 1e-9

#: Absolute floor under ``CLEARLY_NEGATIVE``'s relative margin, so that a margin of exactly
#: zero at scale zero is not clearly negative; near the smallest normal double (2.2e-308).
CLEARLY_NEGATIVE_FLOOR = 1e-290

#: A rational function of ``delta`` evaluated in 60-digit arithmetic (mpmath) at or between
#: its exact roots is ``<= 0`` when at most this: rounding is ~1e-60, so 1e-40 leaves twenty
#: digits of margin yet no true value of a payoff-sized expression is this small.
SYMBOLIC_ZERO = 1e-40

#: A float answer (a linear program's optimum, a numerical threshold) and its exact or
#: symbolic re-derivation agree to this, relative to the payoffs' scale. Loose on purpose: it
#: only tells which re-derivation is meant, and the exact value is what is returned.
MATCH = 1e-6

#: A symbolic root, evaluated at the payoffs, is the numerical threshold when within this: the
#: threshold is known to ~1e-15, and distinct roots of one constraint lie much further apart.
ROOT_MATCH = 1e-7

#: A probability or scaled slack of a linear program's solution this close to zero is read as
#: zero (a tight constraint) when its vertex is re-derived exactly: ten times HiGHS's default
#: feasibility tolerance (``LP_FEASIBILITY``), which the solution may be off by.
LP_TIGHT = 1e-6

#: Primal and dual feasibility tolerances given to HiGHS when its defaults
#: (``LP_FEASIBILITY``) hide a violation of payoffs near 1e-7: three orders tighter, yet well
#: above double rounding of unit-scaled constraints.
HIGHS_TIGHT = 1e-10

#: A dual value of a (unit-scaled) linear program above this is positive: the duals of one
#: program sum to 1, so anything smaller is solver noise.
DUAL_POSITIVE = 1e-9

#: A logit QRE branch traced without a bound on lambda stops where the largest regret is at
#: most this times the payoffs' range: an approximate Nash equilibrium (pygambit's
#: ``maxregret`` default, so that both stop at the same point).
QRE_REGRET = 1e-8

#: A relative residual or pivot below this is linear dependence (rank of a float matrix of
#: unit-scaled payoffs or coalition values).
RANK = 1e-9

#: Lemke's algorithm on the sequence form in floats perturbs the LCP's right-hand side (payoffs
#: scaled to [-1, 0)) by this much (times a random factor in [1, 2]) to break structural ties.
SEQUENCE_PERTURBATION = 1e-7
