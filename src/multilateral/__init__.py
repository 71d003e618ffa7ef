"""multilateral: game-theoretic models of international cooperation.

Game objects live in :mod:`multilateral.games` (also at the top level), algorithms in
:mod:`multilateral.solvers`, hypothesis strategies in :mod:`multilateral.strategies`.
Heavy submodules are imported on first use so that ``import multilateral`` stays fast.

Examples
--------
>>> import multilateral as ml
>>> ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0).oye_type
'prisoners_dilemma'
"""

from __future__ import annotations

import importlib
from typing import Any

from . import errors
from .games import (
    AnonymousGame,
    NormalFormGame,
    RepeatedGame,
    TUGame,
    TwoByTwo,
    WeightedVotingGame,
)

__version__ = "0.1.0"

_LAZY = {
    "automata", "claims", "models", "solvers", "strategies", "io", "plot", "cli", "tour",
    "simulate", "cases", "report", "sweep",
}

__all__ = [
    "AnonymousGame",
    "NormalFormGame",
    "RepeatedGame",
    "TUGame",
    "TwoByTwo",
    "WeightedVotingGame",
    "__version__",
    "errors",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'multilateral' has no attribute {name!r}")
