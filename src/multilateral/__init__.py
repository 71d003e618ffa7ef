"""multilateral: game-theoretic models of international cooperation.

Game objects live in :mod:`multilateral.games` (also at the top level), algorithms in
:mod:`multilateral.solvers`, hypothesis strategies in :mod:`multilateral.strategies`;
``ml.sweep`` is the function :func:`multilateral.sweeps.sweep`.

Heavy submodules are imported on first use (a module ``__getattr__``, PEP 562), so that
``import multilateral`` stays fast and loads neither scipy, sympy, hypothesis, nashpy nor
matplotlib. Type checkers do not run that hook: they read the ``TYPE_CHECKING`` imports below,
so ``ml.solvers.nash_equilibria`` and ``ml.sweep`` have their real signatures under mypy.

Examples
--------
>>> import multilateral as ml
>>> ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0).oye_type
'prisoners_dilemma'
>>> "sweep" in dir(ml) and "importlib" not in dir(ml)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import errors, games
from ._namespace import public_dir
from .games import (
    AnonymousGame,
    ExtensiveFormGame,
    NormalFormGame,
    RepeatedGame,
    TUGame,
    TwoByTwo,
    WeightedVotingGame,
)

if TYPE_CHECKING:  # what the lazy hook below returns, for type checkers only
    from . import automata as automata
    from . import cases as cases
    from . import claims as claims
    from . import cli as cli
    from . import estimation as estimation
    from . import glossary as glossary
    from . import io as io
    from . import models as models
    from . import plot as plot
    from . import report as report
    from . import results as results
    from . import simulate as simulate
    from . import solvers as solvers
    from . import strategies as strategies
    from . import sweeps as sweeps
    from . import tolerances as tolerances
    from . import tour as tour
    from . import types as types
    from .sweeps import sweep as sweep

__version__ = "0.1.0"

# Submodules imported on first attribute access.
_LAZY_MODULES = frozenset({
    "automata", "cases", "claims", "cli", "estimation", "glossary", "io", "models", "plot",
    "report", "results", "simulate", "solvers", "strategies", "sweeps", "tolerances", "tour",
    "types",
})

__all__ = [
    "AnonymousGame",
    "ExtensiveFormGame",
    "NormalFormGame",
    "RepeatedGame",
    "TUGame",
    "TwoByTwo",
    "WeightedVotingGame",
    "__version__",
    "errors",
    "games",
    "sweep",
    *sorted(_LAZY_MODULES),
]

__dir__ = public_dir(__all__)

if not TYPE_CHECKING:  # hidden from mypy, so that a misspelt ``ml.solver`` is an error there
    def __getattr__(name: str) -> object:
        if name in _LAZY_MODULES:
            import importlib

            return importlib.import_module(f".{name}", __name__)  # binds it on the package
        if name == "sweep":
            # The function, not a module: the package is ``multilateral.sweeps``, so no
            # submodule import can rebind this name.
            from .sweeps import sweep

            globals()["sweep"] = sweep
            return sweep
        raise AttributeError(f"module 'multilateral' has no attribute {name!r}")
