"""Flat arrays of a game tree: from the tree description, checked, and back.

Nodes are numbered level by level (breadth first): the root is 0, and the children of node
``k`` are the consecutive nodes ``offsets[k], ..., offsets[k + 1] - 1``, so parents come
before their children and every depth level is one contiguous slice (what lets the solvers
vectorize over a level). Everything here is private to the extensive-form package.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._validation import as_number_array
from ...errors import InvalidGameError, InvalidProbabilityError, InvalidTypeError
from ...tolerances import PROBABILITY
from .tree import Chance, Decision, Node, Outcome

__all__ = ["CHANCE", "DECISION", "TERMINAL", "Arrays", "check_arrays", "flatten", "infoset_keys",
           "unflatten"]

#: Node kinds in ``ExtensiveFormGame.kind``.
TERMINAL, DECISION, CHANCE = 0, 1, 2

Arrays = dict[str, Any]


def flatten(root: Node, players: Sequence[str] | None) -> Arrays:
    """The tree description as raw arrays (unchecked beyond the description's own types)."""
    if not isinstance(root, (Decision, Chance, Outcome)):
        raise InvalidTypeError(
            f"an ExtensiveFormGame is built from a tree: a Decision, Chance or Outcome, got "
            f"{root!r:.80}")
    queue: list[Node] = [root]
    n_children: list[int] = []
    movers: list[str | None] = []
    keys: list[str | None] = []
    node_labels: list[str] = []
    edge_labels: list[str] = [""]
    probs: list[Any] = [1]
    outcomes: list[Outcome] = []
    k = 0
    while k < len(queue):
        node = queue[k]
        k += 1
        node_labels.append("" if isinstance(node, Outcome) else node.label)
        if isinstance(node, Outcome):
            n_children.append(0)
            movers.append(None)
            keys.append(None)
            outcomes.append(node)
            continue
        n_children.append(len(node.moves))
        edge_labels.extend(node.moves)
        if isinstance(node, Decision):
            movers.append(node.player)
            keys.append(node.infoset)
            probs.extend([1] * len(node.moves))
            queue.extend(node.moves.values())
        else:
            movers.append(None)
            keys.append(None)
            for prob, child in node.moves.values():
                probs.append(prob)
                queue.append(child)
    names = _players(players, movers, outcomes)
    inferred = "" if players is not None else (
        " (the players were taken from the tree: pass players=[...] to name one who never "
        "moves)")
    index = {name: i for i, name in enumerate(names)}
    unknown = sorted({m for m in movers if m is not None and m not in index})
    if unknown:
        raise InvalidGameError(f"players {unknown} move in the tree but are not in players="
                               f"{tuple(names)}")
    player = np.array([-1 if m is None else index[m] for m in movers], dtype=np.int64)
    # information sets: one per label (the same label for two players is caught in check)
    ids: dict[str, int] = {}
    infoset = np.full(len(queue), -1, dtype=np.int64)
    labels: list[str] = []
    for v, (mover, key) in enumerate(zip(movers, keys, strict=True)):
        if mover is None:
            continue
        if key is None:
            infoset[v] = len(labels)
            labels.append("")
        else:
            if key not in ids:
                ids[key] = len(labels)
                labels.append(key)
            infoset[v] = ids[key]
    payoffs = [_payoff_row(o, names, index, inferred) for o in outcomes]
    return {"n_children": np.array(n_children, dtype=np.int64), "player": player,
            "infoset": infoset, "chance": probs, "payoffs": payoffs, "players": names,
            "node_labels": node_labels, "edge_labels": edge_labels, "infoset_labels": labels,
            "outcome_labels": [o.label for o in outcomes]}


def _players(players: Sequence[str] | None, movers: list[str | None],
             outcomes: list[Outcome]) -> tuple[str, ...]:
    if players is not None:
        if isinstance(players, str) or not isinstance(players, (Sequence, np.ndarray)):
            raise InvalidTypeError(f"players must be a sequence of names, got {players!r}")
        names = tuple(players)
        if not names or not all(isinstance(p, str) for p in names):
            raise InvalidGameError(f"players must be one or more names (str), got {players!r}")
        if len(set(names)) != len(names):
            raise InvalidGameError(f"players must be distinct, got {names}")
        return names
    seen: dict[str, None] = {}
    for m in movers:
        if m is not None:
            seen.setdefault(m)
    for o in outcomes:
        if isinstance(o.payoffs, dict):
            for name in o.payoffs:
                seen.setdefault(name)
    if not seen:
        raise InvalidGameError("nobody moves in this tree: pass players=[...] to name them")
    return tuple(seen)


def _payoff_row(outcome: Outcome, names: tuple[str, ...], index: dict[str, int],
                inferred: str) -> list[Any]:
    payoffs = outcome.payoffs
    if isinstance(payoffs, dict):
        unknown = sorted(set(payoffs) - set(index))
        if unknown:
            raise InvalidGameError(f"an Outcome pays players {unknown}, who are not among the "
                                   f"players {names}")
        return [payoffs.get(name, 0) for name in names]
    if len(payoffs) != len(names):
        raise InvalidGameError(
            f"an Outcome has {len(payoffs)} payoffs {payoffs} for {len(names)} players {names}: "
            f"give one payoff per player, in the order of the players{inferred}")
    return list(payoffs)


def check_arrays(raw: Arrays) -> Arrays:
    """Validate raw arrays and put them in canonical form (what ExtensiveFormGame stores)."""
    n_children = _array(raw["n_children"], "n_children")
    if n_children.ndim != 1 or n_children.size == 0 or n_children.dtype.kind not in "iu":
        raise InvalidGameError("n_children must be a non-empty 1-d array of integers (one per "
                               f"node), got shape {n_children.shape} and dtype {n_children.dtype}")
    n_children = n_children.astype(np.int64)
    n = n_children.size
    if np.any(n_children < 0) or int(n_children.sum()) != n - 1:
        raise InvalidGameError(
            f"n_children must be >= 0 and sum to the number of nodes minus one ({n - 1}), the "
            f"root having no parent; got a sum of {int(n_children.sum())}")
    offsets = np.empty(n + 1, dtype=np.int64)
    offsets[0] = 1
    np.cumsum(n_children, out=offsets[1:])
    offsets[1:] += 1
    offsets[n] = n  # (the cumulative sum ends at n already)
    parent = np.full(n, -1, dtype=np.int64)
    parent[1:] = np.repeat(np.arange(n, dtype=np.int64), n_children)
    if n > 1 and np.any(parent[1:] >= np.arange(1, n)):
        bad = int(np.argmax(parent[1:] >= np.arange(1, n))) + 1
        raise InvalidGameError(
            f"the nodes are not in level order: node {bad} would be a child of node "
            f"{int(parent[bad])}; number the nodes breadth first (parents before children)")
    bounds = [0, 1]
    while bounds[-1] < n:
        bounds.append(int(offsets[bounds[-1]]))
    level_bounds = np.array(bounds, dtype=np.int64)
    depth = np.repeat(np.arange(len(bounds) - 1, dtype=np.int64), np.diff(level_bounds))

    players = _players(raw["players"], [], [])
    m = len(players)
    player = _array(raw["player"], "player", np.int64).copy()
    if player.shape != (n,):
        raise InvalidGameError(f"player must give one entry per node ({n}), got shape "
                               f"{player.shape}")
    inner = n_children > 0
    kind = np.where(inner, np.where(player >= 0, DECISION, CHANCE), TERMINAL).astype(np.int8)
    wrong = inner & ((player < -1) | (player >= m))
    if np.any(wrong):
        v = int(np.argmax(wrong))
        raise InvalidGameError(f"node {v} names player index {int(player[v])}; players are "
                               f"0..{m - 1} {players}, or -1 for a chance node")
    player[~(kind == DECISION)] = -1
    decision = np.flatnonzero(kind == DECISION)

    infoset, infoset_labels = _infosets(raw, n, kind, player, n_children, decision, players)
    edge_labels = _edge_labels(raw.get("edge_labels"), n, n_children, offsets, parent)
    _check_infoset_actions(infoset, edge_labels, offsets, n_children, infoset_labels)
    chance = _chance(raw.get("chance"), n, kind, parent, offsets, n_children)

    terminals = np.flatnonzero(kind == TERMINAL)
    given = raw["payoffs"]
    if isinstance(given, (list, tuple)) and not given:
        given = np.zeros((0, m), dtype=np.int64)
    payoffs = as_number_array(given, "terminal payoffs")
    if payoffs.shape != (terminals.size, m):
        raise InvalidGameError(
            f"terminal payoffs must have shape (terminal nodes, players) = "
            f"({terminals.size}, {m}), got {payoffs.shape}")
    outcome = np.full(n, -1, dtype=np.int64)
    outcome[terminals] = np.arange(terminals.size)
    node_labels = _labels(raw.get("node_labels"), n, "node_labels")
    outcome_labels = _labels(raw.get("outcome_labels"), terminals.size, "outcome_labels")
    out: Arrays = {"n_children": n_children, "offsets": offsets, "parent": parent, "depth": depth,
           "level_bounds": level_bounds, "kind": kind, "player": player, "infoset": infoset,
           "chance": chance, "payoffs": payoffs, "outcome": outcome, "terminals": terminals}
    for arr in out.values():
        arr.flags.writeable = False
    out.update(players=players, infoset_labels=infoset_labels, edge_labels=edge_labels,
               node_labels=node_labels, outcome_labels=outcome_labels)
    return out


def _array(values: Any, name: str, dtype: Any = None) -> NDArray[Any]:
    """``values`` as a numpy array, or an InvalidGameError that names ``name``."""
    try:
        return np.asarray(values, dtype=dtype)
    except (TypeError, ValueError, OverflowError):
        raise InvalidGameError(f"{name} must be an array of integers (one per node), got "
                               f"{values!r:.80}") from None


def _sequence(values: Any, what: str) -> tuple[Any, ...]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise InvalidTypeError(f"{what} must be a sequence, got {values!r:.80}")
    return tuple(values)


def _labels(values: Any, size: int, what: str) -> tuple[str, ...] | None:
    """Labels as a tuple, or None when all are empty (the default)."""
    if values is None:
        return None
    out = _sequence(values, what)
    if len(out) != size or not all(isinstance(x, str) for x in out):
        raise InvalidGameError(f"{what} must be {size} strings, got {len(out)} values")
    return out if any(out) else None


def _infosets(raw: Arrays, n: int, kind: NDArray[Any], player: NDArray[np.int64],
              n_children: NDArray[np.int64], decision: NDArray[np.int64],
              players: tuple[str, ...]) -> tuple[NDArray[np.int64], tuple[str, ...]]:
    """Canonical information sets: numbered by (player, first node), checked."""
    given = raw.get("infoset")
    ids = (np.arange(decision.size, dtype=np.int64) if given is None
           else _array(given, "infoset", np.int64))
    if given is not None:
        if ids.shape != (n,):
            raise InvalidGameError(f"infoset must give one entry per node ({n}), got shape "
                                   f"{ids.shape}")
        ids = ids[decision]
    raw_labels = raw.get("infoset_labels")
    if raw_labels is not None:
        raw_labels = _sequence(raw_labels, "infoset_labels")
        if not all(isinstance(x, str) for x in raw_labels):
            raise InvalidTypeError(f"infoset_labels must be strings, got {raw_labels!r:.80}")
    uniq, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    if raw_labels is not None:
        if np.any(uniq < 0) or (uniq.size and int(uniq[-1]) >= len(raw_labels)):
            raise InvalidGameError(f"infoset ids must be 0..{len(raw_labels) - 1} (one label "
                                   "each), or -1 off decision nodes")
        names = [raw_labels[int(u)] for u in uniq]
    else:
        names = [""] * uniq.size

    def name(i: int) -> str:
        return f"information set {names[i]!r}" if names[i] else f"information set {int(uniq[i])}"

    for array, what in ((player, "players"), (n_children, "numbers of actions")):
        values = array[decision]
        mismatch = values != values[first][inverse]
        if np.any(mismatch):
            j = int(np.argmax(mismatch))
            i, a, b = int(inverse[j]), int(values[first][inverse[j]]), int(values[j])
            if what == "players":
                raise InvalidGameError(
                    f"{name(i)} mixes players {players[a]!r} and {players[b]!r}: an "
                    "information set belongs to one player (give the nodes different infoset "
                    "labels)")
            raise InvalidGameError(
                f"{name(i)} mixes numbers of actions ({a} and {b}): every node of an "
                "information set offers the same actions")
    # canonical order: by player, then by the first node of each set
    order = np.lexsort((decision[first], player[decision][first]))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    infoset = np.full(n, -1, dtype=np.int64)
    infoset[decision] = rank[inverse]
    return infoset, tuple(str(names[int(i)]) for i in order)


def _edge_labels(values: Any, n: int, n_children: NDArray[np.int64], offsets: NDArray[np.int64],
                 parent: NDArray[np.int64]) -> tuple[str, ...] | None:
    """Labels of the edges into each node (None: the defaults a0, a1, ... everywhere)."""
    if values is None:
        return None
    out = list(_sequence(values, "action labels"))
    if len(out) != n or not all(isinstance(x, str) for x in out[1:]):
        raise InvalidGameError(f"action labels must be {n} strings (one per node: the action "
                               "leading to it)")
    out[0] = ""
    default = [""] + [f"a{j}" for j in (np.arange(1, n) - offsets[parent[1:]]).tolist()]
    if out == default:
        return None
    for v in np.flatnonzero(n_children > 1).tolist():
        mine = out[offsets[v]:offsets[v + 1]]
        if len(set(mine)) != len(mine):
            raise InvalidGameError(f"node {v} has repeated action labels {mine}: the actions at "
                                   "a node must have distinct labels")
    return tuple(out)


def _check_infoset_actions(infoset: NDArray[np.int64], edge_labels: tuple[str, ...] | None,
                           offsets: NDArray[np.int64], n_children: NDArray[np.int64],
                           labels: tuple[str, ...]) -> None:
    if edge_labels is None:
        return
    first: dict[int, list[str]] = {}
    for v in np.flatnonzero(infoset >= 0).tolist():
        mine = list(edge_labels[offsets[v]:offsets[v + 1]])
        i = int(infoset[v])
        if first.setdefault(i, mine) != mine:
            name = f"information set {labels[i]!r}" if labels[i] else f"information set {i}"
            raise InvalidGameError(
                f"{name} mixes action labels {first[i]} and {mine}: every node of an "
                "information set offers the same actions")


def _chance(values: Any, n: int, kind: NDArray[Any], parent: NDArray[np.int64],
            offsets: NDArray[np.int64], n_children: NDArray[np.int64]) -> NDArray[Any]:
    """The probability of the edge into each node (1 off chance moves), exact when it can be."""
    chance_nodes = np.flatnonzero(kind == CHANCE)
    if chance_nodes.size == 0:
        return np.ones(n, dtype=np.int64)
    if values is None:
        raise InvalidProbabilityError("the tree has chance nodes: give the probabilities of "
                                      "chance's moves")
    raw = list(_sequence(values, "chance probabilities"))
    if len(raw) != n:
        raise InvalidProbabilityError(f"chance probabilities: expected one per node ({n}), got "
                                      f"{len(raw)}")
    on_chance = np.zeros(n, dtype=bool)
    on_chance[1:] = kind[parent[1:]] == CHANCE
    edges = np.flatnonzero(on_chance).tolist()
    probs = [raw[v] for v in edges]
    for v, p in zip(edges, probs, strict=True):
        if isinstance(p, bool) or not isinstance(p, numbers.Real) or not (
                0 <= float(p) <= 1):
            shown = str(p) if isinstance(p, numbers.Real) else repr(p)
            raise InvalidProbabilityError(
                f"chance's move to node {v} has probability {shown}: probabilities must be "
                "numbers in [0, 1]")
    exact = all(isinstance(p, numbers.Rational) for p in probs)
    out: NDArray[Any]
    if exact:
        out = np.empty(n, dtype=object)
        out[:] = 1
        out[edges] = [Fraction(p) for p in probs]
    else:
        out = np.ones(n, dtype=np.float64)
        out[edges] = [float(p) for p in probs]
    for v in chance_nodes.tolist():
        total = sum(out[offsets[v]:offsets[v + 1]].tolist())
        if (total != 1) if exact else abs(total - 1) > PROBABILITY * n_children[v]:
            raise InvalidProbabilityError(
                f"the probabilities of chance's moves at node {v} sum to {total}, not 1: "
                f"{out[offsets[v]:offsets[v + 1]].tolist()}")
    return out


def unflatten(arrays: Arrays, infoset_keys: list[str | None]) -> Node:
    """The tree description of canonical arrays (``infoset_keys``: one per information set)."""
    n = arrays["n_children"].size
    offsets, kind = arrays["offsets"], arrays["kind"]
    edges = arrays["edge_labels"]
    nodes = arrays["node_labels"] or ("",) * n
    outcome_labels = arrays["outcome_labels"]
    built: list[Node | None] = [None] * n
    payoffs = arrays["payoffs"].tolist()
    players = arrays["players"]
    chance = arrays["chance"].tolist()
    for v in range(n - 1, -1, -1):  # children before parents
        k = int(kind[v])
        if k == TERMINAL:
            row = int(arrays["outcome"][v])
            label = outcome_labels[row] if outcome_labels else ""
            built[v] = Outcome(tuple(payoffs[row]), label=label)
            continue
        lo, hi = int(offsets[v]), int(offsets[v + 1])
        names = edges[lo:hi] if edges else tuple(f"a{j}" for j in range(hi - lo))
        if k == DECISION:
            moves = {a: built[c] for a, c in zip(names, range(lo, hi), strict=True)}
            built[v] = Decision(players[int(arrays["player"][v])], moves,  # type: ignore[arg-type]
                                infoset=infoset_keys[int(arrays["infoset"][v])], label=nodes[v])
        else:
            moves_c = {a: (chance[c], built[c]) for a, c in zip(names, range(lo, hi), strict=True)}
            built[v] = Chance(moves_c, label=nodes[v])  # type: ignore[arg-type]
        for c in range(lo, hi):
            built[c] = None  # free memory as we go
    root = built[0]
    assert root is not None
    return root


def infoset_keys(labels: tuple[str, ...], infoset: NDArray[np.int64], owners: list[int],
                 players: tuple[str, ...]) -> list[str | None]:
    """The tree description's key of each information set: its label where that names it
    alone, None for an unnamed singleton, else ``"<player>:<number>"``."""
    used, keys = set(labels), list[str | None]()
    counts = np.bincount(infoset[infoset >= 0], minlength=len(labels))
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    number = dict.fromkeys(range(len(players)), 0)
    for i, label in enumerate(labels):
        p = owners[i]
        number[p] += 1
        if label and seen[label] == 1:
            keys.append(label)
        elif not label and counts[i] == 1:
            keys.append(None)
        else:
            key = f"{players[p]}:{number[p]}"
            while key in used:
                key += "'"
            used.add(key)
            keys.append(key)
    return keys
