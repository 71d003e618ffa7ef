"""Checks shared by the solvers: argument types; exact expected payoffs of a profile."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

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



def exact_payoffs(game: NormalFormGame, profile: Sequence[Sequence[Fraction]]
                  ) -> tuple[Fraction, ...]:
    """Each player's expected payoff at an exact mixed profile, in Fractions.

    Sums over the supports only (the payoff array's sub-block), so an equilibrium with small
    supports in a large game costs little.
    """
    supports = [[i for i, p in enumerate(s) if p] for s in profile]
    block = np.asarray(game.payoffs)[np.ix_(*supports)]
    total = [Fraction(0)] * game.n_players
    for cell in itertools.product(*(range(len(s)) for s in supports)):
        weight = math.prod((Fraction(profile[k][supports[k][c]]) for k, c in enumerate(cell)),
                           start=Fraction(1))
        for player, u in enumerate(block[cell].tolist()):
            total[player] += weight * Fraction(u)
    return tuple(total)
