"""The flat arrays of a game tree, as read-only properties (a base of ExtensiveFormGame), and
the small records ``Infoset`` and ``NodeInfo`` that describe its parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ...types import NumberArray
from ._build import Arrays

__all__ = ["Infoset", "NodeInfo", "TreeArrays"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class Infoset:
    """One information set of an :class:`ExtensiveFormGame` (``game.infosets[i]``).

    See Also
    --------
    ExtensiveFormGame.infosets : every information set of a game.
    """

    index: int
    player: str
    label: str
    actions: tuple[str, ...]
    nodes: tuple[int, ...]


@dataclass(frozen=True)
class NodeInfo:
    """One node of an :class:`ExtensiveFormGame`, described (``game.node(k)``).

    See Also
    --------
    ExtensiveFormGame.node : gives it.
    """

    index: int
    kind: str
    player: str | None
    infoset: int | None
    label: str
    path: tuple[str, ...]
    children: tuple[int, ...]
    payoffs: tuple[Any, ...] | None


class TreeArrays:
    """One read-only array per node (or per terminal node), nodes in level order.

    See Also
    --------
    multilateral.games.ExtensiveFormGame : the game these arrays describe.
    """

    __slots__ = ()
    _a: Arrays

    @property
    def n_children(self) -> NDArray[np.int64]:
        """Number of children (actions) of each node."""
        return self._a["n_children"]

    @property
    def child_offsets(self) -> NDArray[np.int64]:
        """Length ``n_nodes + 1``: node ``k``'s children are ``offsets[k]:offsets[k+1]``."""
        return self._a["offsets"]

    @property
    def parent(self) -> NDArray[np.int64]:
        """Each node's parent (-1 at the root)."""
        return self._a["parent"]

    @property
    def depth(self) -> NDArray[np.int64]:
        """Each node's depth (0 at the root)."""
        return self._a["depth"]

    @property
    def level_bounds(self) -> NDArray[np.int64]:
        """Depth ``d``'s nodes are ``level_bounds[d]:level_bounds[d+1]``."""
        return self._a["level_bounds"]

    @property
    def kind(self) -> NDArray[np.int8]:
        """Each node's kind: TERMINAL (0), DECISION (1) or CHANCE (2)."""
        return self._a["kind"]

    @property
    def player(self) -> NDArray[np.int64]:
        """The mover's index at decision nodes, -1 elsewhere."""
        return self._a["player"]

    @property
    def infoset(self) -> NDArray[np.int64]:
        """The information set's index at decision nodes, -1 elsewhere."""
        return self._a["infoset"]

    @property
    def chance_probability(self) -> NumberArray:
        """Probability of the move into each node where chance moves, 1 elsewhere."""
        return self._a["chance"]

    @property
    def payoffs(self) -> NumberArray:
        """Terminal payoffs, shape ``(terminal nodes, players)``, in node order."""
        return self._a["payoffs"]

    @property
    def outcome(self) -> NDArray[np.int64]:
        """Row of ``payoffs`` at each terminal node, -1 at other nodes."""
        return self._a["outcome"]

    @property
    def terminals(self) -> NDArray[np.int64]:
        """The terminal nodes, in node order (row ``r`` of ``payoffs`` is ``terminals[r]``)."""
        return self._a["terminals"]
