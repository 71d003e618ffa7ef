"""Solvers: pure functions from game objects to verified results."""

from .anonymous import symmetric_equilibria
from .correlated import (
    CorrelatedPolytope,
    correlated_equilibrium,
    correlated_polytope,
    is_correlated_equilibrium,
)
from .evolutionary import BirthDeathChain, moran_process, pairwise_comparison
from .pure import EliminationResult, best_responses, iterated_elimination, pure_nash_equilibria
from .repeated import (
    CriticalDiscount,
    EquilibriumCheck,
    ProfileValues,
    critical_discount,
    is_nash_equilibrium,
    is_subgame_perfect,
    profile_values,
)
from .two_player import lemke_howson, nash_equilibria, support_enumeration, vertex_enumeration

__all__ = [
    "BirthDeathChain",
    "CorrelatedPolytope",
    "CriticalDiscount",
    "EliminationResult",
    "EquilibriumCheck",
    "ProfileValues",
    "best_responses",
    "correlated_equilibrium",
    "correlated_polytope",
    "critical_discount",
    "is_correlated_equilibrium",
    "is_nash_equilibrium",
    "is_subgame_perfect",
    "iterated_elimination",
    "lemke_howson",
    "moran_process",
    "nash_equilibria",
    "pairwise_comparison",
    "profile_values",
    "pure_nash_equilibria",
    "support_enumeration",
    "symmetric_equilibria",
    "vertex_enumeration",
]
