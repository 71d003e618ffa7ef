"""The exactness rules shared by the repeated-game solver and the match simulator.

When the stage game, the error rates and the automata are exact, both compute in Fractions;
:func:`flip_matrix` is the one model of implementation and monitoring errors (an action errs
to each other action with equal probability).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..automata import Automaton

__all__ = ["flip_matrix", "is_dyadic_exact", "to_fraction"]


def is_dyadic_exact(aut: Automaton) -> bool:
    """Whether ``aut``'s probabilities convert to Fractions exactly (deterministic automata
    and simple rational mixes do)."""
    vals = np.unique(np.concatenate([aut.transition_matrix.ravel(), aut.initial]))
    return all(Fraction(float(v)).limit_denominator(1000) == Fraction(float(v)) for v in vals)


def to_fraction(x: Any) -> Fraction:
    """``x`` as a Fraction: exact for ints and Fractions, the nearest small ratio for floats."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, (int, np.integer)):
        return Fraction(int(x))
    return Fraction(float(x)).limit_denominator(10**12)


def flip_matrix(m: int, eps: Any, exact: bool) -> NDArray[Any]:
    """``[a, b]``: probability that intended ``a`` comes out as ``b`` (errs uniformly).

    With one action there is nothing to err to: the action always comes out as intended.
    """
    one: Any = Fraction(1) if exact else 1.0
    off = eps / (m - 1) if m > 1 else 0 * one
    out = np.full((m, m), off, dtype=object if exact else np.float64)
    np.fill_diagonal(out, one - eps if m > 1 else one)
    return out
