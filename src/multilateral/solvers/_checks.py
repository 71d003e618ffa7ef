"""Checks shared by the solvers: argument types."""

from __future__ import annotations

from ..errors import InvalidTypeError
from ..games.normal_form import NormalFormGame


def as_game(game: object) -> NormalFormGame:
    """Return ``game`` if it is a :class:`NormalFormGame`, else raise a clear error."""
    if not isinstance(game, NormalFormGame):
        raise InvalidTypeError(
            f"expected a multilateral NormalFormGame, got {type(game).__name__}; build one with "
            "ml.NormalFormGame(A, B) or ml.NormalFormGame(payoffs)"
        )
    return game

