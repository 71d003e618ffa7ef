"""Random game trees for :func:`multilateral.strategies.extensive_form_games` (private)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from ..games.extensive import Chance, Decision, ExtensiveFormGame, Node, Outcome

__all__ = ["draw_tree"]

_LABELS = "abcdefgh"


def draw_tree(draw: st.DrawFn, n: int, max_nodes: int, max_actions: int, exact: bool,
              bound: int, chance: bool, perfect_information: bool) -> ExtensiveFormGame:
    """One random tree: at most about ``max_nodes`` nodes (each action of a node is drawn
    as a leaf once the budget is spent), players ``P1..Pn``.

    Without perfect information a decision node may join an information set of nodes with the
    same mover, the same number of actions and the same own history (the mover's earlier
    information sets and actions on the path): the tree keeps perfect recall (Kuhn 1953) and
    has no absent-mindedness (a node's own history is longer than its ancestors'). The mover
    of depth ``d`` is mostly player ``first + d`` (mod ``n``) and its number of actions mostly
    one per depth, so such nodes are frequent.
    """
    players = [f"P{i + 1}" for i in range(n)]
    budget = [max_nodes - 1]
    payoff = st.integers(-bound, bound) if exact else st.floats(
        -bound, bound, allow_nan=False, allow_infinity=False, width=64)
    # (player, own history, number of actions) -> the information set label nodes may share
    shared: dict[tuple[int, tuple[tuple[str, int], ...], int], str] = {}
    movers: dict[int, int] = {}  # -1: the first mover; depth d is mostly moved by first + d
    arity: dict[int, int] = {}  # the usual number of actions at each depth
    count = [0]

    def outcome() -> Outcome:
        return Outcome([draw(payoff) for _ in players])

    def plan(depth: int) -> tuple[str, int]:
        """The kind and number of actions of a node (its budget taken before its siblings'
        subtrees are drawn, so siblings are decision nodes as often as first children)."""
        kinds = ["outcome"] if budget[0] < 2 else ["outcome", "decision", "decision"] + (
            ["chance"] if chance else [])
        kind = draw(st.sampled_from(kinds)) if depth else (
            "decision" if budget[0] >= 2 else "outcome")
        if kind == "outcome":
            return kind, 0
        top = max(2, min(max_actions, budget[0]))
        k = draw(st.integers(2, top))
        if not perfect_information and draw(st.integers(0, 3)):  # mostly the depth's arity
            k = min(top, arity.setdefault(depth, k))
        budget[0] -= k
        return kind, k

    def node(depth: int, own: tuple[tuple[tuple[str, int], ...], ...], kind: str, k: int
             ) -> Node:
        if kind == "outcome":
            return outcome()
        below = [plan(depth + 1) for _ in range(k)]
        if kind == "chance":
            weights = [draw(st.integers(0, 4)) for _ in range(k)]
            weights[draw(st.integers(0, k - 1))] += 1
            total = sum(weights)
            probs: list[Any] = [Fraction(w, total) if exact else w / total for w in weights]
            if not exact:
                probs[-1] = 1 - sum(probs[:-1])
            return Chance({_LABELS[j]: (probs[j], node(depth + 1, own, *below[j]))
                           for j in range(k)})
        if perfect_information:
            who = draw(st.integers(0, n - 1))
        else:
            first = movers.setdefault(-1, draw(st.integers(0, n - 1)))
            who = (first + depth) % n if draw(st.integers(0, 3)) else draw(
                st.integers(0, n - 1))
        count[0] += 1
        label = f"n{count[0]}"  # a set of its own unless it joins one below
        if not perfect_information and draw(st.integers(0, 3)):
            label = shared.setdefault((who, own[who], k), f"h{len(shared)}")
        children = {}
        for j in range(k):
            mine = list(own)
            mine[who] = (*own[who], (label, j))
            children[_LABELS[j]] = node(depth + 1, tuple(mine), *below[j])
        return Decision(players[who], children,
                        infoset=None if perfect_information else label)

    return ExtensiveFormGame(node(0, tuple(() for _ in players), *plan(0)), players=players)
