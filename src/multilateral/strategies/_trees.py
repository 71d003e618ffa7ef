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
    as a leaf once the budget is spent), players ``P1..Pn``."""
    players = [f"P{i + 1}" for i in range(n)]
    budget = [max_nodes - 1]
    payoff = st.integers(-bound, bound) if exact else st.floats(
        -bound, bound, allow_nan=False, allow_infinity=False, width=64)
    # (depth, player, number of actions) -> the information set label nodes may share
    shared: dict[tuple[int, int, int], str] = {}

    def outcome() -> Outcome:
        return Outcome([draw(payoff) for _ in players])

    def node(depth: int) -> Node:
        kinds = ["outcome"] if budget[0] < 2 else ["outcome", "decision", "decision"] + (
            ["chance"] if chance else [])
        kind = draw(st.sampled_from(kinds)) if depth else (
            "decision" if budget[0] >= 2 else "outcome")
        if kind == "outcome":
            return outcome()
        k = draw(st.integers(2, max(2, min(max_actions, budget[0]))))
        budget[0] -= k
        if kind == "chance":
            weights = [draw(st.integers(0, 4)) for _ in range(k)]
            weights[draw(st.integers(0, k - 1))] += 1
            total = sum(weights)
            probs: list[Any] = [Fraction(w, total) if exact else w / total for w in weights]
            if not exact:
                probs[-1] = 1 - sum(probs[:-1])
            return Chance({_LABELS[j]: (probs[j], node(depth + 1)) for j in range(k)})
        who = draw(st.integers(0, n - 1))
        infoset = None
        if not perfect_information and draw(st.booleans()):
            infoset = shared.setdefault((depth, who, k), f"h{len(shared)}")
        return Decision(players[who], {_LABELS[j]: node(depth + 1) for j in range(k)},
                        infoset=infoset)

    return ExtensiveFormGame(node(0), players=players)
