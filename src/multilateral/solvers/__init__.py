"""Solvers: pure functions from game objects to verified results."""

from .anonymous import symmetric_equilibria
from .pure import EliminationResult, best_responses, iterated_elimination, pure_nash_equilibria
from .two_player import lemke_howson, nash_equilibria, support_enumeration, vertex_enumeration

__all__ = [
    "EliminationResult",
    "best_responses",
    "iterated_elimination",
    "lemke_howson",
    "nash_equilibria",
    "pure_nash_equilibria",
    "support_enumeration",
    "symmetric_equilibria",
    "vertex_enumeration",
]
