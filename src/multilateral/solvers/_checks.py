"""Checks shared by the solvers: argument types and equilibrium regret."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ..errors import InvalidTypeError
from ..games._common import action_values as _action_values
from ..games.normal_form import NormalFormGame


def as_game(game: object) -> NormalFormGame:
    """Return ``game`` if it is a :class:`NormalFormGame`, else raise a clear error."""
    if not isinstance(game, NormalFormGame):
        raise InvalidTypeError(
            f"expected a multilateral NormalFormGame, got {type(game).__name__}; build one with "
            "ml.NormalFormGame(A, B) or ml.NormalFormGame(payoffs)"
        )
    return game


def regret(payoffs: NDArray[np.float64], strategies: Sequence[NDArray[np.float64]]) -> float:
    """The largest gain any player gets by deviating unilaterally from a mixed profile."""
    worst = 0.0
    for i, s in enumerate(strategies):
        values = _action_values(payoffs, strategies, i)
        worst = max(worst, float(values.max() - values @ s))
    return worst
