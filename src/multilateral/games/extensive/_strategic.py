"""The normal form of an extensive-form game, full or reduced (private helper)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidGameError
from ._build import DECISION

if TYPE_CHECKING:
    from .game import ExtensiveFormGame

__all__ = ["MAX_PROFILES", "absent_minded_sets", "normal_form_payoffs", "perfect_recall",
           "reach_probabilities"]

#: The largest normal form built (strategy profiles times terminal nodes).
MAX_PROFILES = 10**8


def _paths(game: ExtensiveFormGame) -> tuple[list[dict[int, int]], list[Any]]:
    """For each terminal node: the action taken at each information set on its path, and
    the probability that chance takes the path (exact for exact games).

    A path through one information set twice with different actions (absent-mindedness) is
    followed by no pure strategy, which takes one action per information set: its set gets
    the action ``-1``, which no strategy matches."""
    offsets, parent, kind = game.child_offsets, game.parent, game.kind
    infoset, chance = game.infoset.tolist(), game.chance_probability.tolist()
    moves, weights = [], []
    for t in game.terminals.tolist():
        need: dict[int, int] = {}
        weight: Any = 1
        v = t
        while v > 0:
            u = int(parent[v])
            if kind[u] == DECISION:
                h, a = infoset[u], v - int(offsets[u])
                need[h] = a if need.get(h, a) == a else -1
            weight = weight * chance[v]
            v = u
        moves.append(need)
        weights.append(weight)
    return moves, weights


def normal_form_payoffs(game: ExtensiveFormGame, reduced: bool
                        ) -> tuple[NDArray[Any], list[tuple[str, ...]]]:
    """Payoff tensor ``(strategies of each player..., players)`` and strategy labels."""
    moves, weights = _paths(game)
    n_t = len(moves)
    owners = game.infoset_player.tolist()
    sizes = game.n_actions.tolist()
    consistent, labels = [], []
    for i in range(game.n_players):
        sets = [h for h, p in enumerate(owners) if p == i]
        count = math.prod(sizes[h] for h in sets)
        if count * max(n_t, 1) > MAX_PROFILES:
            raise InvalidGameError(
                f"player {game.players[i]!r} has {count} pure strategies: the normal form is "
                "too large to build (use a solver on the tree instead)")
        strategies = list(itertools.product(*(range(sizes[h]) for h in sets)))
        rows = np.array([[all(need.get(h, a) == a for h, a in zip(sets, s, strict=True))
                          for need in moves] for s in strategies], dtype=np.int64
                        ).reshape(len(strategies), n_t)
        keep = list(range(len(strategies)))
        if reduced:
            _, first = np.unique(rows, axis=0, return_index=True)
            keep = sorted(first.tolist())
        names = []
        for k in keep:
            reached = {h for t in np.flatnonzero(rows[k]).tolist() for h in moves[t]}
            parts = [game.actions[h][a] if (h in reached or not reduced) else "*"
                     for h, a in zip(sets, strategies[k], strict=True)]
            names.append("/".join(parts) if parts else "(no move)")
        consistent.append(rows[keep])
        labels.append(tuple(names) if len(set(names)) == len(names) else
                      tuple(f"s{j}" for j in range(len(names))))
    shape = tuple(r.shape[0] for r in consistent)
    if math.prod(shape) * max(n_t, 1) > MAX_PROFILES:
        raise InvalidGameError(f"the normal form has {math.prod(shape)} strategy profiles: too "
                               "large to build (use a solver on the tree instead)")
    exact = game.is_exact
    pay = game.payoffs if exact else game.float_payoffs
    w = np.array(weights, dtype=object if exact else np.float64).reshape(n_t, 1)
    weighted = w * pay.astype(object if exact else np.float64)
    reach = np.ones((*shape, n_t), dtype=np.int64)
    for i, rows in enumerate(consistent):
        axes = [k for k in range(len(shape)) if k != i]
        reach = reach * np.expand_dims(rows, axis=tuple(axes))
    out = np.tensordot(reach.astype(object) if exact else reach.astype(np.float64),
                       weighted, axes=(-1, 0))
    return out, labels


def reach_probabilities(game: ExtensiveFormGame, moves: Sequence[NDArray[np.float64]]
                        ) -> NDArray[np.float64]:
    """The probability of reaching each node when information set ``i`` plays ``moves[i]``
    (checked), computed level by level."""
    edge = game.float_chance_probability.copy()
    flat = np.concatenate(moves) if len(moves) else np.zeros(0)
    start = np.concatenate([[0], np.cumsum(game.n_actions)])[:-1]
    child = np.arange(1, game.n_nodes)
    par = game.parent[1:]
    decided = game.kind[par] == DECISION
    sets = game.infoset[par[decided]]
    edge[1:][decided] = flat[start[sets] + child[decided] - game.child_offsets[par[decided]]]
    bounds = game.level_bounds.tolist()
    for lo, hi in itertools.pairwise(bounds[1:]):  # level by level
        edge[lo:hi] *= edge[game.parent[lo:hi]]
    return edge


def perfect_recall(game: ExtensiveFormGame) -> bool:
    """Whether all nodes of each information set share the mover's last own move (one pass
    over the levels per player who has a set of several nodes)."""
    infoset, parent, kind, player = game.infoset, game.parent, game.kind, game.player
    shared = np.bincount(infoset[infoset >= 0], minlength=game.n_infosets) > 1
    if not np.any(shared):
        return True
    start = np.concatenate([[0], np.cumsum(game.n_actions)])
    par = parent[1:]
    decided = np.zeros(game.n_nodes, dtype=bool)
    decided[1:] = kind[par] == DECISION
    move = np.full(game.n_nodes, -1, dtype=np.int64)  # (set, action) into each node
    p = parent[decided]
    move[decided] = start[infoset[p]] + np.flatnonzero(decided) - game.child_offsets[p]
    bounds = game.level_bounds.tolist()
    for i in np.unique(game.infoset_player[shared]).tolist():
        last = np.full(game.n_nodes, -1, dtype=np.int64)  # i's last own move
        for lo, hi in itertools.pairwise(bounds[1:]):
            up = parent[lo:hi]
            last[lo:hi] = np.where(decided[lo:hi] & (player[up] == i), move[lo:hi],
                                   last[up])
        nodes = np.flatnonzero((infoset >= 0) & (player == i))
        if np.any(last[nodes] != last[game.infoset_nodes_first[infoset[nodes]]]):
            return False
    return True


def absent_minded_sets(game: ExtensiveFormGame) -> tuple[int, ...]:
    """The information sets with a node below another of their nodes, in increasing order.

    Nodes are numbered in depth-first preorder with their subtree sizes (level by level);
    the subtree of ``u`` is the preorder interval ``[pre(u), pre(u) + size(u))``, so a set
    is absent-minded exactly when, among its nodes sorted by preorder, one lies inside the
    interval of the one before it (the first of its nodes below ``u`` comes right after
    ``u``)."""
    infoset = game.infoset
    shared = np.bincount(infoset[infoset >= 0], minlength=game.n_infosets) > 1
    if not np.any(shared):
        return ()
    parent, offsets = game.parent, game.child_offsets
    bounds = game.level_bounds.tolist()
    size = np.ones(game.n_nodes, dtype=np.int64)
    for lo, hi in zip(bounds[-2:0:-1], bounds[-1:1:-1], strict=True):  # deepest level first
        np.add.at(size, parent[lo:hi], size[lo:hi])
    pre = np.zeros(game.n_nodes, dtype=np.int64)
    for lo, hi in itertools.pairwise(bounds[1:]):  # children after parents
        # siblings are contiguous in a level: a child's preorder number is its parent's
        # plus one plus the sizes of its earlier siblings
        before = np.concatenate([[0], np.cumsum(size[lo:hi])[:-1]])
        first = offsets[parent[lo:hi]] - lo  # the first sibling's position in the level
        pre[lo:hi] = pre[parent[lo:hi]] + 1 + before - before[first]
    members = np.flatnonzero((infoset >= 0) & shared[np.maximum(infoset, 0)])
    order = members[np.lexsort((pre[members], infoset[members]))]
    same = infoset[order[1:]] == infoset[order[:-1]]
    inside = pre[order[1:]] < pre[order[:-1]] + size[order[:-1]]
    return tuple(np.unique(infoset[order[1:]][same & inside]).tolist())
