"""Game objects: what a game *is*. Immutable, validated at construction."""

from .anonymous import AnonymousGame
from .normal_form import NormalFormGame
from .repeated import RepeatedGame
from .two_by_two import TwoByTwo

__all__ = ["AnonymousGame", "NormalFormGame", "RepeatedGame", "TwoByTwo"]
