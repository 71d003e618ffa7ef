"""Extensive-form games: game trees with chance moves and information sets.

Build a game from a compact tree description (:class:`Decision`, :class:`Chance`,
:class:`Outcome`), from flat arrays (:meth:`ExtensiveFormGame.from_arrays`) or from a Gambit
``.efg`` file (:func:`multilateral.io.read_efg`); solve it with
:func:`multilateral.solvers.backward_induction` or through its (reduced) normal form.

Examples
--------
A crisis game (the escalation game of Fearon 1994, simplified): a challenger threatens or not,
the defender backs down or resists, and a resisted challenger fights or backs down.

>>> import multilateral as ml
>>> from multilateral.games.extensive import Decision, Outcome
>>> crisis = ml.ExtensiveFormGame(Decision("Challenger", {
...     "status quo": Outcome([0, 0]),
...     "threaten": Decision("Defender", {
...         "concede": Outcome([1, -1]),
...         "resist": Decision("Challenger", {"fight": Outcome([-2, -2]),
...                                          "back down": Outcome([-1, 0])}),
...     }),
... }), title="Crisis")
>>> crisis.players, crisis.n_nodes, crisis.is_perfect_information
(('Challenger', 'Defender'), 7, True)
>>> [info.actions for info in crisis.infosets]
[('status quo', 'threaten'), ('fight', 'back down'), ('concede', 'resist')]
"""

from ..._namespace import public_dir
from .game import CHANCE, DECISION, TERMINAL, ExtensiveFormGame, Infoset, NodeInfo
from .signalling import SignallingGame
from .tree import Chance, Decision, Node, Outcome

__all__ = [
    "CHANCE",
    "DECISION",
    "TERMINAL",
    "Chance",
    "Decision",
    "ExtensiveFormGame",
    "Infoset",
    "Node",
    "NodeInfo",
    "Outcome",
    "SignallingGame",
]
__dir__ = public_dir(__all__)

# Documented (and pickled) under this public path, not its private module: the reference then
# has one canonical description for the game, which `multilateral.games` re-exports.
ExtensiveFormGame.__module__ = __name__
SignallingGame.__module__ = __name__
