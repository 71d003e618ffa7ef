"""The compact tree description of an extensive-form game: ``Decision``, ``Chance``, ``Outcome``.

A game tree is written the way it is drawn: a :class:`Decision` names the player who moves
and maps each action's label to the subtree it leads to, a :class:`Chance` node maps each of
nature's moves to ``(probability, subtree)``, and an :class:`Outcome` ends a play with one
payoff per player. Decision nodes that share an ``infoset`` label form one information set
(the player cannot tell them apart), so they must belong to one player and offer the same
actions. :class:`~multilateral.games.ExtensiveFormGame` turns the description into flat arrays
and checks all of this.

Examples
--------
A crisis (after Fearon 1994's escalation game, simplified): a challenger threatens or not; the
defender then backs down or stands firm; after a firm stand the challenger fights or retreats.

>>> from multilateral.games.extensive import Decision, Outcome
>>> crisis = Decision("Challenger", {
...     "status quo": Outcome([0, 0]),
...     "threaten": Decision("Defender", {
...         "back down": Outcome([1, -1]),
...         "stand firm": Decision("Challenger", {
...             "fight": Outcome([-2, -2]),
...             "retreat": Outcome([-1, 1]),
...         }),
...     }),
... })
>>> crisis.actions
('status quo', 'threaten')
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from ..._namespace import public_dir
from ...errors import InvalidGameError, InvalidTypeError

__all__ = ["Chance", "Decision", "Node", "Outcome"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, init=False)
class Outcome:
    """A terminal node: the end of a play, with one payoff per player.

    Parameters
    ----------
    payoffs : sequence of numbers, or mapping of player name to number
        One payoff per player, in the order of the game's ``players``, or by name (a player
        left out of the mapping gets 0). Integers and :class:`fractions.Fraction` stay exact.
    label : str
        The outcome's name (kept in ``.efg`` files), default ``""``.

    See Also
    --------
    Decision : a player's move.
    Chance : nature's move.
    multilateral.games.ExtensiveFormGame : the game built from a tree.

    References
    ----------
    .. [1] Osborne, M. J. and Rubinstein, A. (1994). *A Course in Game Theory*. MIT Press,
       ch. 6 (p. 89: extensive games with perfect information).

    Examples
    --------
    >>> from multilateral.games.extensive import Outcome
    >>> Outcome([1, -1], label="defender backs down")
    Outcome((1, -1), label='defender backs down')
    >>> Outcome({"Defender": 2}).payoffs
    {'Defender': 2}
    """

    payoffs: tuple[Any, ...] | dict[str, Any]
    label: str = ""

    def __init__(self, payoffs: Sequence[Any] | Mapping[str, Any], label: str = "") -> None:
        if isinstance(payoffs, Mapping):
            stored: tuple[Any, ...] | dict[str, Any] = {str(k): v for k, v in payoffs.items()}
        elif isinstance(payoffs, (str, bytes)) or not hasattr(payoffs, "__iter__"):
            raise InvalidTypeError(
                f"Outcome payoffs must be a sequence of numbers (one per player) or a mapping "
                f"player -> payoff, got {payoffs!r}")
        else:
            stored = tuple(payoffs.tolist() if hasattr(payoffs, "tolist") else payoffs)
        values = list(stored.values()) if isinstance(stored, dict) else list(stored)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise InvalidTypeError(f"Outcome payoffs must be real numbers, got {v!r}")
        _check_label(label, "an Outcome's label")
        object.__setattr__(self, "payoffs", stored)
        object.__setattr__(self, "label", label)

    def __hash__(self) -> int:
        payoffs = self.payoffs
        key = tuple(sorted(payoffs.items())) if isinstance(payoffs, dict) else payoffs
        return hash(("Outcome", key, self.label))

    def __repr__(self) -> str:
        label = f", label={self.label!r}" if self.label else ""
        return f"Outcome({self.payoffs!r}{label})"


@dataclass(frozen=True, init=False)
class Decision:
    """A decision node: ``player`` chooses one of the actions in ``moves``.

    Parameters
    ----------
    player : str
        The name of the player who moves.
    moves : mapping of str to Decision, Chance or Outcome
        Each action's label and the subtree it leads to, in the order they are drawn (at
        least one action).
    infoset : str, optional
        The information set's label. Decision nodes with the same label form one
        information set: the player moves without knowing which of them has been reached,
        so they must belong to the same player and have the same action labels. ``None``
        (the default) is a singleton information set (the player knows where she is).
    label : str
        The node's name (kept in ``.efg`` files), default ``""``.

    See Also
    --------
    Chance, Outcome
    multilateral.games.ExtensiveFormGame : the game built from a tree.

    References
    ----------
    .. [1] Kuhn, H. W. (1953). Extensive games and the problem of information. In
       *Contributions to the Theory of Games II*, Annals of Mathematics Studies 28,
       pp. 193-216 (information sets).

    Examples
    --------
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> node = Decision("Defender", {"back down": Outcome([1, -1]),
    ...                              "stand firm": Outcome([-2, -2])}, infoset="after threat")
    >>> node.actions, node.infoset
    (('back down', 'stand firm'), 'after threat')
    """

    player: str
    moves: dict[str, Node]
    infoset: str | None = None
    label: str = ""
    actions: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __init__(self, player: str, moves: Mapping[str, Node], infoset: str | None = None,
                 label: str = "") -> None:
        if not isinstance(player, str):
            raise InvalidTypeError(f"a Decision's player must be a player's name (a str), got "
                                   f"{player!r}")
        stored = _moves(moves, "a Decision")
        for action, child in stored.items():
            _check_node(child, f"the move {action!r} of {player!r}")
        if infoset is not None and not isinstance(infoset, str):
            raise InvalidTypeError(f"infoset must be a label (a str) or None, got {infoset!r}")
        _check_label(label, "a Decision's label")
        object.__setattr__(self, "player", player)
        object.__setattr__(self, "moves", stored)
        object.__setattr__(self, "infoset", infoset)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "actions", tuple(stored))

    def __hash__(self) -> int:
        return hash(("Decision", self.player, tuple(self.moves.items()), self.infoset,
                     self.label))

    def __repr__(self) -> str:
        extra = (f", infoset={self.infoset!r}" if self.infoset is not None else "") + (
            f", label={self.label!r}" if self.label else "")
        return f"Decision({self.player!r}, actions={self.actions!r}{extra})"


@dataclass(frozen=True, init=False)
class Chance:
    """A chance node: nature picks one of ``moves`` with the given probabilities.

    Parameters
    ----------
    moves : mapping of str to (probability, subtree)
        Each of nature's moves: its label, its probability and the subtree it leads to. The
        probabilities are in ``[0, 1]`` and sum to one (exactly, for ints and Fractions;
        within :data:`multilateral.tolerances.PROBABILITY` for floats). Fractions stay exact.
    label : str
        The node's name (kept in ``.efg`` files), default ``""``.

    See Also
    --------
    Decision, Outcome
    multilateral.games.ExtensiveFormGame : the game built from a tree.

    References
    ----------
    .. [1] Harsanyi, J. C. (1967). Games with incomplete information played by "Bayesian"
       players, I. *Management Science* 14(3), 159-182 (a chance move chooses the players'
       types).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.games.extensive import Chance, Outcome
    >>> nature = Chance({"resolved": (Fraction(1, 3), Outcome([1, 0])),
    ...                  "irresolute": (Fraction(2, 3), Outcome([0, 1]))})
    >>> nature.probabilities
    (Fraction(1, 3), Fraction(2, 3))
    """

    moves: dict[str, tuple[Any, Node]]
    label: str = ""
    actions: tuple[str, ...] = field(init=False, repr=False, compare=False)
    probabilities: tuple[Any, ...] = field(init=False, repr=False, compare=False)

    def __init__(self, moves: Mapping[str, tuple[Any, Node]], label: str = "") -> None:
        stored = _moves(moves, "a Chance node")
        out: dict[str, tuple[Any, Node]] = {}
        for action, pair in stored.items():
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise InvalidTypeError(
                    f"a Chance node maps each move to (probability, subtree); the move "
                    f"{action!r} maps to {pair!r}")
            prob, child = pair
            if isinstance(prob, bool) or not isinstance(prob, numbers.Real):
                raise InvalidTypeError(f"the probability of chance's move {action!r} must be a "
                                       f"number, got {prob!r}")
            _check_node(child, f"chance's move {action!r}")
            out[action] = (prob, child)
        _check_label(label, "a Chance node's label")
        object.__setattr__(self, "moves", out)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "actions", tuple(out))
        object.__setattr__(self, "probabilities", tuple(p for p, _ in out.values()))

    def __hash__(self) -> int:
        return hash(("Chance", tuple(self.moves.items()), self.label))

    def __repr__(self) -> str:
        label = f", label={self.label!r}" if self.label else ""
        return f"Chance(actions={self.actions!r}, probabilities={self.probabilities!r}{label})"


#: A node of the tree description: a subtree.
Node: TypeAlias = Decision | Chance | Outcome


def _moves(moves: Any, what: str) -> dict[str, Any]:
    if not isinstance(moves, Mapping):
        raise InvalidTypeError(f"{what} takes a mapping action label -> subtree (a dict), got "
                               f"{moves!r:.80}")
    if not moves:
        raise InvalidGameError(f"{what} needs at least one action; got an empty mapping")
    for action in moves:
        if not isinstance(action, str):
            raise InvalidTypeError(f"action labels must be strings, got {action!r} in {what}")
    return dict(moves)


def _check_node(node: Any, where: str) -> None:
    if not isinstance(node, (Decision, Chance, Outcome)):
        raise InvalidTypeError(f"{where} leads to {node!r:.60}, which is not a Decision, Chance "
                               "or Outcome")


def _check_label(label: Any, what: str) -> None:
    if not isinstance(label, str):
        raise InvalidTypeError(f"{what} must be a str, got {label!r}")
