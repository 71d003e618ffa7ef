"""Game objects: what a game *is*. Immutable, validated at construction.

Every game class keeps one contract: it is immutable (assigning an attribute raises), validated
at construction with errors from :mod:`multilateral.errors`, equal and hashed by value,
picklable, has a short repr, and ``with_(**changes)`` returns a changed copy (validated again;
an unknown name raises :class:`~multilateral.errors.InvalidArgumentError` naming the valid
ones). Solvers (:mod:`multilateral.solvers`) take these objects; models
(:mod:`multilateral.models`) build them (``model.game``).
"""

from .._namespace import public_dir
from .anonymous import AnonymousGame, binomial_weights
from .coalitional import TUGame
from .extensive import ExtensiveFormGame
from .normal_form import NormalFormGame
from .population import PopulationGame
from .repeated import RepeatedGame
from .two_by_two import OYE_ORDERINGS, OyeType, TwoByTwo
from .voting import (
    MAX_ENUMERATION_MEMBERS,
    CompositeVotingGame,
    SimpleGame,
    WeightedVotingGame,
    intersection,
    minimal_winning_masks,
    union,
    with_blocs,
)

__all__ = [
    "MAX_ENUMERATION_MEMBERS",
    "OYE_ORDERINGS",
    "AnonymousGame",
    "CompositeVotingGame",
    "ExtensiveFormGame",
    "NormalFormGame",
    "OyeType",
    "PopulationGame",
    "RepeatedGame",
    "SimpleGame",
    "TUGame",
    "TwoByTwo",
    "WeightedVotingGame",
    "binomial_weights",
    "intersection",
    "minimal_winning_masks",
    "union",
    "with_blocs",
]
__dir__ = public_dir(__all__)
