"""Solvers for extensive-form games (:class:`~multilateral.games.ExtensiveFormGame`).

Backward induction and every pure subgame-perfect equilibrium of games of perfect
information (:mod:`.backward`). Games of imperfect information are solved through their
normal form (``game.normal_form(reduced=True)``) for now.

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

__all__ = ["SubgamePerfectEquilibrium", "backward_induction", "subgame_perfect_equilibria"]
__dir__ = public_dir(__all__)
