"""``ExtensiveFormGame``: a finite game tree with chance moves and information sets."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._validation import as_number_array, as_probability_vector, to_float
from ...errors import InvalidGameError, InvalidTypeError
from .._common import Immutable
from ..normal_form import NormalFormGame
from ._arrays import Infoset, NodeInfo, TreeArrays
from ._build import (
    CHANCE,
    DECISION,
    TERMINAL,
    Arrays,
    check_arrays,
    flatten,
    infoset_keys,
    unflatten,
)
from ._strategic import (
    absent_minded_sets,
    normal_form_payoffs,
    perfect_recall,
    reach_probabilities,
)
from .tree import Node

__all__ = ["CHANCE", "DECISION", "TERMINAL", "ExtensiveFormGame", "Infoset", "NodeInfo"]
__dir__ = public_dir(__all__)


class ExtensiveFormGame(TreeArrays, Immutable):
    """A finite game in extensive form: a tree of decisions, chance moves and outcomes.

    Parameters
    ----------
    tree : Decision, Chance or Outcome
        The root of the tree description (:mod:`multilateral.games.extensive.tree`).
    players : sequence of str, optional
        The players, in the order of the payoffs in each :class:`Outcome`. By default the
        players who move, in the order they first move (level by level from the root), then
        any player named only in an outcome's payoff mapping.
    title : str
        The game's title (kept in ``.efg`` files), default ``""``.

    Attributes
    ----------
    n_children, child_offsets : numpy.ndarray
        Node ``k``'s children are the nodes ``child_offsets[k], ..., child_offsets[k+1] - 1``
        (action ``j`` leads to ``child_offsets[k] + j``).
    parent, depth, kind : numpy.ndarray
        ``kind`` is :data:`TERMINAL` (0), :data:`DECISION` (1) or :data:`CHANCE` (2).
    player, infoset : numpy.ndarray
        The mover's index and the information set's index at decision nodes, -1 elsewhere.
    chance_probability : numpy.ndarray
        The probability of the move into each node where chance moves (exact Fractions for
        exact input), 1 elsewhere.
    payoffs : numpy.ndarray
        Shape ``(terminal nodes, players)``, in node order; ``outcome[k]`` is terminal node
        ``k``'s row (-1 at other nodes) and ``terminals`` the terminal nodes.
    infosets : tuple of Infoset
        Player, label, action labels and nodes of each information set, ordered by player and
        then by first node; ``actions[i]`` are information set ``i``'s action labels.

    Notes
    -----
    The tree is stored in flat read-only arrays, one entry per node, nodes numbered level by
    level from the root (node 0), so every parent comes before its children and each depth
    level is one contiguous slice (``level_bounds``): solvers vectorize over levels.

    Immutable, validated, equal and hashed by value, picklable, like
    :class:`~multilateral.games.NormalFormGame`. An information set belongs to one player and
    all its nodes offer the same actions (same number and labels); chance probabilities are
    in ``[0, 1]`` and sum to one. Perfect recall is not required (:attr:`is_perfect_recall`),
    nor is the absence of absent-mindedness (Piccione and Rubinstein 1997): a pure strategy
    takes one action at every node of a set, a behaviour strategy randomizes at each anew.

    See Also
    --------
    multilateral.games.extensive.Decision : the tree description.
    ExtensiveFormGame.normal_form : the (reduced) normal form, a NormalFormGame.
    multilateral.solvers.backward_induction : subgame-perfect play under perfect information.
    multilateral.io.read_efg : read a Gambit ``.efg`` file.

    References
    ----------
    .. [1] Kuhn, H. W. (1953). Extensive games and the problem of information. In
       *Contributions to the Theory of Games II*, pp. 193-216.
    .. [2] Osborne, M. J. and Rubinstein, A. (1994). *A Course in Game Theory*. MIT Press,
       pp. 89-90 (perfect information) and 200-203 (imperfect information).

    Examples
    --------
    Selten's chain-store stage game: an entrant stays out or enters, the incumbent then
    fights or accommodates (Selten 1978, *Theory and Decision* 9, 127-159; payoffs entrant,
    incumbent).

    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> entry = ml.ExtensiveFormGame(Decision("Entrant", {
    ...     "out": Outcome([1, 5]),
    ...     "in": Decision("Incumbent", {"fight": Outcome([0, 0]),
    ...                                  "accommodate": Outcome([2, 2])}),
    ... }))
    >>> entry
    ExtensiveFormGame(5 nodes, 2 information sets, players=('Entrant', 'Incumbent'))
    >>> entry.actions
    (('out', 'in'), ('fight', 'accommodate'))
    >>> entry.normal_form().payoffs[1, 0].tolist()     # in, fight
    [0, 0]
    """

    def __init__(self, tree: Node, *, players: Sequence[str] | None = None,
                 title: str = "") -> None:
        self._init(check_arrays(flatten(tree, players)), title)

    def _init(self, arrays: Arrays, title: str) -> None:
        if not isinstance(title, str):
            raise InvalidTypeError(f"title must be a str, got {title!r}")
        self._set(_a=arrays, _title=title)

    _a: Arrays
    _title: str

    @classmethod
    def from_arrays(
        cls,
        n_children: ArrayLike,
        player: ArrayLike,
        payoffs: ArrayLike,
        *,
        players: Sequence[str] | None = None,
        infoset: ArrayLike | None = None,
        chance_probability: Sequence[Any] | None = None,
        action_labels: Sequence[str] | None = None,
        infoset_labels: Sequence[str] | None = None,
        node_labels: Sequence[str] | None = None,
        outcome_labels: Sequence[str] | None = None,
        title: str = "",
    ) -> ExtensiveFormGame:
        """Build a game from flat arrays, nodes numbered level by level (breadth first).

        Parameters
        ----------
        n_children : array_like of int
            The number of children of each node (0 at terminal nodes); the children of node
            ``k`` are the next ``n_children[k]`` nodes not yet placed.
        player : array_like of int
            The mover's index at each decision node, -1 at chance nodes (ignored at
            terminal nodes).
        payoffs : array_like
            Shape ``(terminal nodes, players)``, terminal nodes in node order.
        players : sequence of str, optional
            Names (default ``P1``, ``P2``, ...; as many as payoff columns).
        infoset : array_like of int, optional
            Information set ids ``0..m-1`` at decision nodes (default: singletons).
        chance_probability : sequence, optional
            The probability of the move into each node where the parent is a chance node.
        action_labels, node_labels : sequence of str, optional
            The label of the action into each node; each node's label.
        infoset_labels, outcome_labels : sequence of str, optional
            One per information set id; one per terminal node.
        title : str

        Returns
        -------
        ExtensiveFormGame

        See Also
        --------
        ExtensiveFormGame : built from a tree description.

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.ExtensiveFormGame.from_arrays(
        ...     [2, 0, 2, 0, 0], [0, -1, 1, -1, -1], [[1, 5], [0, 0], [2, 2]],
        ...     players=["Entrant", "Incumbent"])
        >>> game.depth.tolist()
        [0, 1, 1, 2, 2]
        """
        pay = as_number_array(payoffs, "terminal payoffs")
        if pay.ndim != 2:
            raise InvalidGameError("payoffs must be a 2-d array (terminal nodes, players), got "
                                   f"shape {pay.shape}")
        if players is None:
            players = tuple(f"P{i + 1}" for i in range(pay.shape[1]))
        raw = {"n_children": n_children, "player": player, "payoffs": pay,
               "players": players, "infoset": infoset, "chance": chance_probability,
               "edge_labels": action_labels, "infoset_labels": infoset_labels,
               "node_labels": node_labels, "outcome_labels": outcome_labels}
        game = cls.__new__(cls)
        game._init(check_arrays(raw), title)
        return game

    # -- the tree as arrays ---------------------------------------------------------------------
    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(self._a["n_children"].size)

    @property
    def n_players(self) -> int:
        """Number of players (chance is not a player)."""
        return len(self._a["players"])

    @property
    def players(self) -> tuple[str, ...]:
        """Player names."""
        return self._a["players"]

    @property
    def title(self) -> str:
        """The game's title."""
        return self._title

    @property
    def is_exact(self) -> bool:
        """True when payoffs and chance probabilities are integers or fractions."""
        return self.payoffs.dtype.kind in "iuO" and self.chance_probability.dtype.kind in "iuO"

    @functools.cached_property
    def float_payoffs(self) -> NDArray[np.float64]:
        """Terminal payoffs as a read-only float64 array."""
        arr = to_float(self.payoffs)
        arr.flags.writeable = False
        return arr

    @functools.cached_property
    def float_chance_probability(self) -> NDArray[np.float64]:
        """``chance_probability`` as a read-only float64 array."""
        arr = to_float(self.chance_probability)
        arr.flags.writeable = False
        return arr

    # -- labels -----------------------------------------------------------------------------
    @functools.cached_property
    def action_labels(self) -> tuple[str, ...]:
        """The label of the action leading into each node (``""`` at the root)."""
        edges = self._a["edge_labels"]
        if edges is not None:
            return edges
        index = np.arange(1, self.n_nodes) - self.child_offsets[self.parent[1:]]
        return ("", *(f"a{j}" for j in index.tolist()))

    @property
    def node_labels(self) -> tuple[str, ...]:
        """Each node's label (``""`` by default)."""
        return self._a["node_labels"] or ("",) * self.n_nodes

    @property
    def outcome_labels(self) -> tuple[str, ...]:
        """Each terminal node's outcome label, in the order of ``payoffs``' rows."""
        labels = self._a["outcome_labels"]
        return labels or ("",) * self.terminals.size

    # -- information sets -------------------------------------------------------------------
    @property
    def n_infosets(self) -> int:
        """Number of information sets (of all players)."""
        return len(self._a["infoset_labels"])

    @functools.cached_property
    def infoset_player(self) -> NDArray[np.int64]:
        """The player of each information set."""
        first = self.infoset_nodes_first
        arr = self.player[first].copy()
        arr.flags.writeable = False
        return arr

    @functools.cached_property
    def infoset_nodes_first(self) -> NDArray[np.int64]:
        """The first (lowest-numbered) node of each information set."""
        nodes = np.flatnonzero(self.infoset >= 0)
        first = np.full(self.n_infosets, -1, dtype=np.int64)
        first[self.infoset[nodes[::-1]]] = nodes[::-1]
        first.flags.writeable = False
        return first

    @functools.cached_property
    def n_actions(self) -> NDArray[np.int64]:
        """Number of actions of each information set."""
        arr = self.n_children[self.infoset_nodes_first].copy()
        arr.flags.writeable = False
        return arr

    @functools.cached_property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Action labels of each information set."""
        labels, offsets = self.action_labels, self.child_offsets
        return tuple(tuple(labels[offsets[v]:offsets[v + 1]])
                     for v in self.infoset_nodes_first.tolist())

    @property
    def infoset_labels(self) -> tuple[str, ...]:
        """Each information set's label (``""`` for an unnamed one)."""
        return self._a["infoset_labels"]

    @functools.cached_property
    def infosets(self) -> tuple[Infoset, ...]:
        """Every information set: index, player, label, actions and nodes."""
        if not self.n_infosets:  # chance moves alone (np.split would give one empty group)
            return ()
        order = np.argsort(self.infoset, kind="stable")
        order = order[self.infoset[order] >= 0]
        groups = np.split(order, np.cumsum(np.bincount(self.infoset[order],
                                                       minlength=self.n_infosets))[:-1])
        return tuple(
            Infoset(i, self.players[int(p)], label, acts, tuple(g.tolist()))
            for i, (p, label, acts, g) in enumerate(zip(
                self.infoset_player.tolist(), self.infoset_labels, self.actions, groups,
                strict=True)))

    def infosets_of(self, player: int | str) -> tuple[int, ...]:
        """The indices of one player's information sets (by index or name)."""
        i = self._player_index(player)
        return tuple(np.flatnonzero(self.infoset_player == i).tolist())

    @property
    def is_perfect_information(self) -> bool:
        """True when every information set is a single node (chance moves allowed)."""
        return self.n_infosets == int(np.count_nonzero(self.kind == DECISION))

    @functools.cached_property
    def is_perfect_recall(self) -> bool:
        """True when no player forgets her own information sets and actions (Kuhn 1953): all
        nodes of an information set share the mover's last own move (and so, by induction,
        her whole own history). Absent-mindedness fails; perfect information passes.

        Examples
        --------
        >>> import multilateral as ml                # player 0 forgets her first move
        >>> ml.ExtensiveFormGame.from_arrays([2, 2, 2, 0, 0, 0, 0], [0] * 3 + [-1] * 4,
        ...     [[1], [0], [0], [1]], infoset=[0, 1, 1] + [-1] * 4).is_perfect_recall
        False
        """
        return perfect_recall(self)

    @functools.cached_property
    def absent_minded_sets(self) -> tuple[int, ...]:
        """The absent-minded information sets (Piccione and Rubinstein 1997), in increasing
        order: those with a node below another of their nodes, so that a play can pass them
        twice. Empty for most games; an absent-minded game is not of perfect recall.

        Examples
        --------
        >>> import multilateral as ml      # the driver: exit (0) or continue to a junction
        >>> driver = ml.ExtensiveFormGame.from_arrays(   # he cannot tell from the first
        ...     [2, 0, 2, 0, 0], [0, -1, 0, -1, -1], [[0], [4], [1]], infoset=[0, -1, 0, -1, -1])
        >>> driver.absent_minded_sets
        (0,)
        """
        return absent_minded_sets(self)

    # -- navigating -------------------------------------------------------------------------
    def children(self, node: int) -> range:
        """The children of ``node`` (in the order of its actions)."""
        v = self._node(node)
        return range(int(self.child_offsets[v]), int(self.child_offsets[v + 1]))

    def path(self, node: int) -> tuple[str, ...]:
        """The action labels from the root to ``node``."""
        v, out = self._node(node), []
        while v > 0:
            out.append(self.action_labels[v])
            v = int(self.parent[v])
        return tuple(reversed(out))

    def node(self, node: int) -> NodeInfo:
        """One node, described: kind, mover, information set, label, path, children, payoffs.

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.ExtensiveFormGame.from_arrays([2, 0, 0], [0, -1, -1], [[1], [2]])
        >>> game.node(2)
        NodeInfo(index=2, kind='terminal', player=None, infoset=None, label='', path=('a1',), \
children=(), payoffs=(2,))
        """
        v = self._node(node)
        kind = int(self.kind[v])
        row = int(self.outcome[v])
        return NodeInfo(
            index=v, kind=("terminal", "decision", "chance")[kind],
            player=self.players[int(self.player[v])] if kind == DECISION else None,
            infoset=int(self.infoset[v]) if kind == DECISION else None,
            label=self.node_labels[v], path=self.path(v), children=tuple(self.children(v)),
            payoffs=tuple(self.payoffs[row].tolist()) if row >= 0 else None)

    @property
    def tree(self) -> Node:
        """The tree description (``ExtensiveFormGame(game.tree, players=game.players)`` is
        ``game``, up to the labels of information sets that the description cannot name:
        a shared unnamed or a repeated label becomes ``"<player>:<number>"``)."""
        keys = infoset_keys(self.infoset_labels, self.infoset, self.infoset_player.tolist(),
                            self.players)
        return unflatten(self._a, keys)

    # -- strategies -------------------------------------------------------------------------
    def check_behavior(self, profile: Sequence[ArrayLike]) -> list[NDArray[np.float64]]:
        """Validate a behaviour profile: one probability vector per information set."""
        if len(profile) != self.n_infosets:
            raise InvalidGameError(f"a behaviour profile gives one probability vector per "
                                   f"information set ({self.n_infosets}), got {len(profile)}")
        return [as_probability_vector(b, int(m), name=f"behaviour at information set {i}")
                for i, (b, m) in enumerate(zip(profile, self.n_actions.tolist(), strict=True))]

    def reach_probabilities(self, profile: Sequence[ArrayLike]) -> NDArray[np.float64]:
        """The probability of reaching each node under a behaviour profile (chance included).

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.ExtensiveFormGame.from_arrays([2, 0, 2, 0, 0], [0, -1, 1, -1, -1],
        ...                                         [[1, 5], [0, 0], [2, 2]])
        >>> game.reach_probabilities([[0.5, 0.5], [0.25, 0.75]]).tolist()
        [1.0, 0.5, 0.5, 0.125, 0.375]
        """
        return reach_probabilities(self, self.check_behavior(profile))

    def expected_payoffs(self, profile: Sequence[ArrayLike]) -> NDArray[np.float64]:
        """Every player's expected payoff under a behaviour profile (shape ``(players,)``)."""
        reach = self.reach_probabilities(profile)
        return np.asarray(reach[self.terminals] @ self.float_payoffs, dtype=np.float64)

    def normal_form(self, reduced: bool = False) -> NormalFormGame:
        """The game in normal (strategic) form.

        A pure strategy picks one action at each of the player's information sets, labelled
        by the actions joined with ``/`` (information sets in index order). With
        ``reduced=True`` strategies that differ only at information sets their own earlier
        actions exclude are merged (the reduced normal form); an irrelevant set shows ``*``.
        Payoffs are expected over chance, exact for exact games.

        Parameters
        ----------
        reduced : bool

        Returns
        -------
        NormalFormGame

        References
        ----------
        .. [1] Osborne, M. J. and Rubinstein, A. (1994). *A Course in Game Theory*, pp. 94-95
           (the strategic form and the reduced strategic form).

        Examples
        --------
        >>> import multilateral as ml
        >>> from multilateral.games.extensive import Decision, Outcome
        >>> game = ml.ExtensiveFormGame(Decision("A", {
        ...     "stop": Outcome([1, 0]),
        ...     "go": Decision("B", {"stop": Outcome([0, 2]),
        ...                          "go": Decision("A", {"stop": Outcome([3, 1]),
        ...                                               "go": Outcome([2, 4])})})}))
        >>> game.normal_form().shape, game.normal_form(reduced=True).shape
        ((4, 2), (3, 2))
        >>> game.normal_form(reduced=True).actions[0]
        ('stop/*', 'go/stop', 'go/go')
        """
        payoffs, labels = normal_form_payoffs(self, reduced)
        return NormalFormGame(payoffs, players=self.players, actions=labels)

    def with_payoffs(self, payoffs: ArrayLike) -> ExtensiveFormGame:
        """The same tree with new terminal payoffs (shape ``(terminal nodes, players)``).

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.ExtensiveFormGame.from_arrays([2, 0, 0], [0, -1, -1], [[1], [2]])
        >>> game.with_payoffs([[0.5], [2.5]]).payoffs.tolist()
        [[0.5], [2.5]]
        """
        return self._rebuild_with(payoffs=payoffs)

    def relabel(self, *, players: Sequence[str] | None = None,
                action_labels: Sequence[str] | None = None,
                infoset_labels: Sequence[str] | None = None,
                node_labels: Sequence[str] | None = None,
                outcome_labels: Sequence[str] | None = None) -> ExtensiveFormGame:
        """The same game with some labels replaced (``None`` keeps them).

        Parameters
        ----------
        players : sequence of str, optional
            Player names.
        action_labels, node_labels : sequence of str, optional
            One per node (the action leading into it; its own label).
        infoset_labels, outcome_labels : sequence of str, optional
            One per information set; one per terminal node.

        Returns
        -------
        ExtensiveFormGame

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.ExtensiveFormGame.from_arrays([2, 0, 0], [0, -1, -1], [[1], [2]])
        >>> game.relabel(players=["Ann"], action_labels=["", "left", "right"]).actions
        (('left', 'right'),)
        """
        return self._rebuild_with(
            players=players, edge_labels=action_labels, infoset_labels=infoset_labels,
            node_labels=node_labels, outcome_labels=outcome_labels)

    def _rebuild_with(self, **changes: Any) -> ExtensiveFormGame:
        raw = {"n_children": self.n_children, "player": self.player, "payoffs": self.payoffs,
               "players": self.players, "infoset": self.infoset,
               "chance": self.chance_probability.tolist(), "edge_labels": self._a["edge_labels"],
               "infoset_labels": self.infoset_labels, "node_labels": self._a["node_labels"],
               "outcome_labels": self._a["outcome_labels"]}
        raw.update({k: v for k, v in changes.items() if v is not None})
        game = type(self).__new__(type(self))
        game._init(check_arrays(raw), self._title)
        return game

    # -- value semantics --------------------------------------------------------------------
    def _parameters(self) -> dict[str, Any]:
        return {"tree": self.tree, "players": self.players, "title": self._title}

    def _from_parameters(self, parameters: dict[str, Any]) -> Self:
        return type(self)(parameters["tree"], players=parameters["players"],
                          title=parameters["title"])

    _LABELS = ("players", "edge_labels", "infoset_labels", "node_labels", "outcome_labels")
    _ARRAYS = ("n_children", "player", "infoset")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExtensiveFormGame):
            return NotImplemented
        a, b = self._a, other._a
        return (self._title == other._title
                and all(a[k] == b[k] for k in self._LABELS)
                and all(a[k].shape == b[k].shape and bool(np.array_equal(a[k], b[k]))
                        for k in self._ARRAYS)
                and a["payoffs"].shape == b["payoffs"].shape
                and bool(np.all(a["payoffs"] == b["payoffs"]))
                and bool(np.all(a["chance"] == b["chance"])))

    def __hash__(self) -> int:
        a = self._a
        return hash((self._title, a["players"], a["n_children"].tobytes(),
                     a["player"].tobytes(), a["infoset"].tobytes(),
                     (self.float_payoffs + 0.0).tobytes()))  # -0.0 == 0.0

    def __repr__(self) -> str:
        return (f"{type(self).__name__}({self.n_nodes} nodes, {self.n_infosets} information "
                f"set{'s' * (self.n_infosets != 1)}, players={_short(self.players)})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._a, self._title))

    # -- helpers ----------------------------------------------------------------------------
    def _node(self, node: int) -> int:
        if isinstance(node, bool) or not isinstance(node, (int, np.integer)):
            raise InvalidTypeError(f"node must be an index 0..{self.n_nodes - 1}, got {node!r}")
        if not 0 <= node < self.n_nodes:
            raise InvalidGameError(f"node {node} out of range: this game has {self.n_nodes} "
                                   "nodes")
        return int(node)

    def _player_index(self, player: int | str) -> int:
        if isinstance(player, str):
            if player not in self.players:
                raise InvalidGameError(f"unknown player {player!r}; the players are "
                                       f"{self.players}")
            return self.players.index(player)
        if isinstance(player, bool) or not isinstance(player, (int, np.integer)):
            raise InvalidTypeError(f"player must be a name or an index, got {player!r}")
        if not 0 <= player < self.n_players:
            raise InvalidGameError(f"player index {player} out of range: this game has "
                                   f"{self.n_players} players")
        return int(player)


def _short(players: tuple[str, ...]) -> str:
    text = repr(players)
    return text if len(text) <= 80 else f"({len(players)} players)"


def _rebuild(cls: type[ExtensiveFormGame], arrays: Arrays, title: str) -> ExtensiveFormGame:
    game = cls.__new__(cls)
    for value in arrays.values():
        if isinstance(value, np.ndarray):
            value.flags.writeable = False
    game._init(arrays, title)
    return game
