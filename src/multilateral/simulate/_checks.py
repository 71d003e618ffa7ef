"""Input checks shared by the simulations: the stage game, the automata, error rates, seeds."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_probability
from ..automata import Automaton
from ..errors import InvalidArgumentError, InvalidGameError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ..types import Number, Seed

__all__ = ["as_rng", "check_automaton", "check_errors", "check_stage"]


def check_stage(stage: Any) -> tuple[int, int]:
    if not isinstance(stage, NormalFormGame):
        raise InvalidTypeError(
            f"the stage game must be a multilateral NormalFormGame, got {type(stage).__name__}"
        )
    if stage.n_players != 2:
        raise InvalidGameError(
            f"simulation needs a two-player stage game, got {stage.n_players} players"
        )
    m0, m1 = stage.shape
    return int(m0), int(m1)


def check_automaton(aut: Any, own: int, other: int, who: str) -> None:
    if not isinstance(aut, Automaton):
        raise InvalidTypeError(
            f"player {who!r} must be an Automaton (see multilateral.automata), "
            f"got {type(aut).__name__}"
        )
    if aut.n_actions != own or aut.n_signals != other:
        raise InvalidArgumentError(
            f"player {who!r} ({aut.name!r}) is an automaton for {aut.n_actions} own actions "
            f"observing {aut.n_signals}; this stage game needs {own} and {other}"
        )


def check_errors(noise: Number, monitoring_error: Number, shape: tuple[int, int]
                  ) -> tuple[float, float]:
    eps = check_probability(noise, "noise")
    mu = check_probability(monitoring_error, "monitoring_error")
    if (eps or mu) and min(shape) < 2:
        raise InvalidArgumentError(
            "noise and monitoring_error need every player to have at least two actions")
    return eps, mu


def as_rng(seed: Seed) -> np.random.Generator:
    if isinstance(seed, bool):
        raise InvalidTypeError(f"seed must be None, an int or a numpy Generator, got {seed!r}")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError) as err:
        raise InvalidArgumentError(
            f"seed must be None, a non-negative int or a numpy Generator, got {seed!r} ({err})"
        ) from None
