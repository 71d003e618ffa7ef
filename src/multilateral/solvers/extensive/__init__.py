"""Solvers for extensive-form games (:class:`~multilateral.games.ExtensiveFormGame`).

Backward induction and every pure subgame-perfect equilibrium of games of perfect
information (:mod:`.backward`); a Nash equilibrium of two-player games of imperfect
information (perfect recall) through the sequence form (:mod:`.sequence_form`); every perfect
Bayesian equilibrium of signalling games and the Intuitive Criterion (:mod:`.signalling`).

Examples
--------
>>> import multilateral as ml
>>> from multilateral.games.extensive import Decision, Outcome
>>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1]), "r": Outcome([2])}))
>>> ml.solvers.extensive.backward_induction(game).actions
('r',)
"""

from ..._namespace import public_dir
from .backward import SubgamePerfectEquilibrium, backward_induction, subgame_perfect_equilibria
from .sequence_form import (
    EXACT_MAX_SEQUENCES,
    SequenceForm,
    SequenceFormEquilibrium,
    sequence_form,
    sequence_form_equilibrium,
)
from .signalling import (
    MIXED_MAX_SUPPORTS,
    PURE_MAX_PROFILES,
    BeliefSet,
    D1Criterion,
    IntuitiveCriterion,
    SignallingEquilibrium,
    d1_criterion,
    intuitive_criterion,
    perfect_bayesian_equilibria,
)

__all__ = [
    "EXACT_MAX_SEQUENCES",
    "MIXED_MAX_SUPPORTS",
    "PURE_MAX_PROFILES",
    "BeliefSet",
    "D1Criterion",
    "IntuitiveCriterion",
    "SequenceForm",
    "SequenceFormEquilibrium",
    "SignallingEquilibrium",
    "SubgamePerfectEquilibrium",
    "backward_induction",
    "d1_criterion",
    "intuitive_criterion",
    "perfect_bayesian_equilibria",
    "sequence_form",
    "sequence_form_equilibrium",
    "subgame_perfect_equilibria",
]
__dir__ = public_dir(__all__)

# Documented (and pickled) under this public path, not its private module: the reference then
# has one canonical description for the result, which `multilateral.solvers` re-exports.
SubgamePerfectEquilibrium.__module__ = __name__
