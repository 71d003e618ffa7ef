"""Game objects: what a game *is*. Immutable, validated at construction."""

from .anonymous import AnonymousGame
from .coalitional import TUGame
from .normal_form import NormalFormGame
from .repeated import RepeatedGame
from .two_by_two import TwoByTwo
from .voting import (
    CompositeVotingGame,
    SimpleGame,
    WeightedVotingGame,
    intersection,
    union,
    with_blocs,
)

__all__ = [
    "AnonymousGame",
    "CompositeVotingGame",
    "NormalFormGame",
    "RepeatedGame",
    "SimpleGame",
    "TUGame",
    "TwoByTwo",
    "WeightedVotingGame",
    "intersection",
    "union",
    "with_blocs",
]
