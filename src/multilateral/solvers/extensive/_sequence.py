"""The sequence form of a two-player game tree, and best-response values (private helper).

Private helper of :mod:`multilateral.solvers.extensive.sequence_form`: the sequences of each
player (the empty sequence, then one per action of each of her information sets, in
``game.infosets`` order), the last own sequence of each node (the perfect-recall check), the
terminal nodes' sequence pairs and chance weights, and an independent check of a behaviour
profile: every player's best-response value by backward induction over the tree.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NoReturn

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ...errors import InvalidGameError, InvalidTypeError
from ...games.extensive import CHANCE, DECISION, TERMINAL, ExtensiveFormGame

__all__ = ["Structure", "best_response_values", "profile_values", "structure"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class Structure:
    """Sequences and the terminal nodes' data of a two-player game with perfect recall.

    ``start[i][k]`` is the index of the first sequence of player ``i``'s ``k``-th information
    set (``sets[i][k]`` in ``game.infosets``); sequence 0 is the empty one. ``parent_seq[i][k]``
    is the sequence that leads to that set. ``term_seq`` has shape ``(terminals, 2)``;
    ``weight`` is each terminal's chance probability (exact for exact games).
    """

    sets: tuple[tuple[int, ...], tuple[int, ...]]
    start: tuple[NDArray[np.int64], NDArray[np.int64]]
    parent_seq: tuple[NDArray[np.int64], NDArray[np.int64]]
    n_sequences: tuple[int, int]
    term_seq: NDArray[np.int64]
    weight: NDArray[Any]
    seq_of_infoset: NDArray[np.int64]  # first sequence of each information set (any player)


def structure(game: Any) -> Structure:
    """The sequence structure of ``game``; errors for a non-game, n != 2, imperfect recall."""
    if not isinstance(game, ExtensiveFormGame):
        raise InvalidTypeError(f"expected an ExtensiveFormGame, got {type(game).__name__}")
    if game.n_players != 2:
        raise InvalidGameError(
            f"the sequence form needs exactly two players (a two-player game); this game has "
            f"{game.n_players}: {game.players} (for other numbers of players use the normal "
            "form, game.normal_form(reduced=True), and an N-player solver)")
    n_actions = game.n_actions
    owner = game.infoset_player
    sets = tuple(tuple(np.flatnonzero(owner == i).tolist()) for i in range(2))
    seq_of_infoset = np.zeros(game.n_infosets, dtype=np.int64)
    starts, counts = [], []
    for i in range(2):
        sizes = n_actions[list(sets[i])] if sets[i] else np.zeros(0, dtype=np.int64)
        st = 1 + np.concatenate([[0], np.cumsum(sizes)])[:-1].astype(np.int64)
        starts.append(st)
        counts.append(1 + int(sizes.sum()))
        seq_of_infoset[list(sets[i])] = st
    # each node's last own sequence of each player, level by level
    n = game.n_nodes
    seq = np.zeros((n, 2), dtype=np.int64)
    parent, kind, player, infoset = game.parent, game.kind, game.player, game.infoset
    offsets = game.child_offsets
    bounds = game.level_bounds.tolist()
    for lo, hi in itertools.pairwise(bounds[1:] if len(bounds) > 1 else []):
        par = parent[lo:hi]
        seq[lo:hi] = seq[par]
        moved = kind[par] == DECISION
        if np.any(moved):
            nodes = np.arange(lo, hi)[moved]
            p = par[moved]
            seq[nodes, player[p]] = seq_of_infoset[infoset[p]] + nodes - offsets[p]
    if not game.is_perfect_recall:  # the game's check decides; this one names the nodes
        _recall_error(game, seq)
    parent_seq = tuple(
        np.asarray([int(seq[game.infoset_nodes_first[h], i]) for h in sets[i]], dtype=np.int64)
        for i in range(2))
    terms = game.terminals
    exact = game.is_exact
    prob = game.chance_probability if exact else game.float_chance_probability
    reach = _chance_reach(game, prob, exact)
    return Structure(sets=(sets[0], sets[1]), start=(starts[0], starts[1]),
                     parent_seq=(parent_seq[0], parent_seq[1]),
                     n_sequences=(counts[0], counts[1]), term_seq=seq[terms],
                     weight=reach[terms], seq_of_infoset=seq_of_infoset)


def _chance_reach(game: ExtensiveFormGame, prob: NDArray[Any], exact: bool) -> NDArray[Any]:
    reach = np.array(prob, dtype=object if exact else np.float64)
    bounds = game.level_bounds.tolist()
    for lo, hi in itertools.pairwise(bounds[1:]):
        reach[lo:hi] = reach[lo:hi] * reach[game.parent[lo:hi]]
    return reach


def _recall_error(game: ExtensiveFormGame, seq: NDArray[np.int64]) -> NoReturn:
    """Raise the error for a game without perfect recall (``game.is_perfect_recall`` is
    False), naming two nodes of one information set whose mover's last own move (``seq``)
    differs."""
    for info in game.infosets:
        i = game.players.index(info.player)
        own = seq[list(info.nodes), i]
        if np.any(own != own[0]):
            a, b = info.nodes[0], info.nodes[int(np.flatnonzero(own != own[0])[0])]
            raise InvalidGameError(
                f"the game does not have perfect recall: player {info.player!r} cannot tell "
                f"apart nodes {a} (reached by {'/'.join(game.path(a)) or 'the root'}) and {b} "
                f"(reached by {'/'.join(game.path(b)) or 'the root'}) of information set "
                f"{info.index} ({info.label or 'unnamed'}), though her own earlier moves differ. "
                "The sequence form needs perfect recall (Kuhn 1953); solve the normal form "
                "(game.normal_form()) instead")
    raise InvalidGameError("the game does not have perfect recall (game.is_perfect_recall); "
                           "the sequence form needs it: solve the normal form "
                           "(game.normal_form()) instead")  # pragma: no cover - found above


def best_response_values(game: ExtensiveFormGame, behaviour: list[NDArray[Any]],
                         exact: bool) -> list[Any]:
    """Each player's best-response value against the others' behaviour in ``behaviour``.

    Backward induction over the tree for one player at a time: the others' moves and chance
    are fixed, the player chooses at each information set the action with the highest sum,
    over the set's nodes, of (probability the others and chance reach the node) x (value of
    the action's child). With perfect recall this is her best response (no node of a set lies
    below another, so each set is decided once, after every node below it). Independent of the
    sequence form.
    """
    return [_BestResponse(game, behaviour, exact, i).solve(0) for i in range(game.n_players)]


def profile_values(game: ExtensiveFormGame, behaviour: list[NDArray[Any]], exact: bool
                   ) -> list[Any]:
    """Every player's expected payoff under the behaviour profile, summed over the terminal
    nodes (reach probability by chance and every player's moves, times the payoff); exact
    for exact games. Independent of the sequence form and of the stored payoffs."""
    prob = (game.chance_probability if exact else game.float_chance_probability).tolist()
    pay = (game.payoffs if exact else game.float_payoffs).tolist()
    parent, kind = game.parent.tolist(), game.kind.tolist()
    offsets, infoset = game.child_offsets.tolist(), game.infoset.tolist()
    outcome = game.outcome.tolist()
    moves = [list(b) for b in behaviour]
    zero: Any = Fraction(0) if exact else 0.0
    reach: list[Any] = [Fraction(1) if exact else 1.0] * game.n_nodes
    total = [zero] * game.n_players
    for v in range(game.n_nodes):  # parents come before children
        if v:
            u = parent[v]
            reach[v] = reach[u] * (prob[v] if kind[u] == CHANCE
                                   else moves[infoset[u]][v - offsets[u]])
        if kind[v] == TERMINAL:
            total = [t + reach[v] * x for t, x in zip(total, pay[outcome[v]], strict=True)]
    return total


class _BestResponse:
    """One player's best-response values, node by node (iterative, with memo)."""

    def __init__(self, game: ExtensiveFormGame, behaviour: list[NDArray[Any]], exact: bool,
                 i: int) -> None:
        self.game, self.i = game, i
        self.prob = (game.chance_probability if exact else game.float_chance_probability
                     ).tolist()
        self.pay = (game.payoffs if exact else game.float_payoffs).tolist()
        self.offsets, self.kind = game.child_offsets.tolist(), game.kind.tolist()
        self.owner, self.infoset = game.player.tolist(), game.infoset.tolist()
        self.outcome = game.outcome.tolist()
        self.moves = [list(b) for b in behaviour]
        self.zero: Any = Fraction(0) if exact else 0.0
        parent = game.parent.tolist()
        # probability that the others and chance take the path to each node
        w: list[Any] = [1] * game.n_nodes
        for v in range(1, game.n_nodes):
            u = parent[v]
            if self.kind[u] == CHANCE:
                w[v] = w[u] * self.prob[v]
            elif self.owner[u] != i:
                w[v] = w[u] * self.moves[self.infoset[u]][v - self.offsets[u]]
            else:
                w[v] = w[u]
        self.w = w
        self.value: list[Any] = [None] * game.n_nodes
        self.chosen: dict[int, int] = {}
        self.pending: set[int] = set()

    def choice(self, h: int) -> int:
        if h not in self.chosen:
            nodes = self.game.infosets[h].nodes
            off = self.offsets
            m = off[nodes[0] + 1] - off[nodes[0]]
            totals = [sum((self.w[v] * self.solve(off[v] + a) for v in nodes), self.zero)
                      for a in range(m)]
            self.chosen[h] = max(range(m), key=totals.__getitem__)
        return self.chosen[h]

    def solve(self, v: int) -> Any:
        value, kind, off = self.value, self.kind, self.offsets
        stack = [v]
        while stack:
            u = stack[-1]
            if value[u] is not None:
                stack.pop()
                continue
            if kind[u] == TERMINAL:
                value[u] = self.pay[self.outcome[u]][self.i]
                stack.pop()
                continue
            kids = range(off[u], off[u + 1])
            todo = [c for c in kids if value[c] is None]
            if kind[u] == DECISION and self.owner[u] == self.i:
                if todo and u not in self.pending:
                    self.pending.add(u)
                    stack.extend(todo)
                    continue
                self.pending.discard(u)
                value[u] = value[off[u] + self.choice(self.infoset[u])]
                stack.pop()
                continue
            if todo:
                stack.extend(todo)
                continue
            if kind[u] == CHANCE:
                value[u] = sum((self.prob[c] * value[c] for c in kids), self.zero)
            else:
                b = self.moves[self.infoset[u]]
                value[u] = sum((b[c - off[u]] * value[c] for c in kids), self.zero)
            stack.pop()
        return value[v]
