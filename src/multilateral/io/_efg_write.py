"""The ``.efg`` writer (:func:`format_efg`, :func:`write_efg`), re-exported by
:mod:`multilateral.io.efg` (the reader's module), where the format is described."""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidTypeError
from ..games.extensive import CHANCE, DECISION, ExtensiveFormGame
from ._tokens import format_number, quote

__all__ = ["format_efg", "write_efg"]
__dir__ = public_dir(__all__)


def format_efg(game: ExtensiveFormGame) -> str:
    """The text of a Gambit ``.efg`` file for ``game`` (the game's title in the header).

    Every decision node writes its information set's name and actions, every terminal node
    its own outcome (named by the game's outcome label); chance nodes get one information set
    each. Integers are written as integers, fractions as ``p/q``, floats with the shortest
    digits that read back to the same float (read back exactly, as fractions), except the
    largest probability of a chance node of floats, written so that the decimals sum to
    exactly one (as Gambit requires; it is then within one rounding of the float; the last
    one, adjusted instead, could come out negative when its float is 0 or tiny).

    See Also
    --------
    write_efg : the same, to a file.
    parse_efg : the inverse.

    References
    ----------
    .. [1] Gambit manual, "Game representation formats": the ``.efg`` format.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1]), "r": Outcome([2])}))
    >>> print(ml.io.format_efg(game))
    EFG 2 R "" { "A" }
    ""
    <BLANKLINE>
    p "" 1 1 "" { "l" "r" } 0
    t "" 1 "" { 1 }
    t "" 2 "" { 2 }
    <BLANKLINE>
    """
    if not isinstance(game, ExtensiveFormGame):
        raise InvalidTypeError(f"expected an ExtensiveFormGame, got {type(game).__name__}")
    players, labels = game.players, game.action_labels
    nodes, infoset_labels = game.node_labels, game.infoset_labels
    offsets = game.child_offsets.tolist()
    kind, player, infoset = game.kind.tolist(), game.player.tolist(), game.infoset.tolist()
    outcome, outcome_labels = game.outcome.tolist(), game.outcome_labels
    written: dict[tuple[type, Any], str] = {}  # each distinct number formatted once

    def text(v: Any) -> str:
        key = (type(v), v)
        out = written.get(key)
        if out is None:
            out = written[key] = format_number(v)
        return out
    pay = [", ".join([text(v) for v in row]) for row in game.payoffs.tolist()]
    prob = [format_number(p) for p in game.chance_probability.tolist()]
    floats = game.chance_probability.dtype.kind == "f"
    owner = game.infoset_player.tolist()
    number = [0] * game.n_infosets  # per-player numbering from 1
    seen = [0] * game.n_players
    for i, p in enumerate(owner):
        seen[p] += 1
        number[i] = seen[p]
    lines = [f"EFG 2 R {quote(game.title)} {{ {' '.join(map(quote, players))} }}", '""', ""]
    chance = outcomes = 0
    stack = [0]
    while stack:  # depth first, children in order
        v = stack.pop()
        lo, hi = offsets[v], offsets[v + 1]
        acts = " ".join(quote(labels[c]) for c in range(lo, hi))
        if kind[v] == DECISION:
            h = infoset[v]
            lines.append(f"p {quote(nodes[v])} {player[v] + 1} {number[h]} "
                         f"{quote(infoset_labels[h])} {{ {acts} }} 0")
        elif kind[v] == CHANCE:
            chance += 1
            probs = [prob[c] for c in range(lo, hi)]
            if floats:  # the largest makes the written decimals sum to exactly one
                big = max(range(len(probs)), key=lambda k: Decimal(probs[k]))
                rest = sum(Decimal(p) for k, p in enumerate(probs) if k != big)
                probs[big] = format(1 - rest, "f")
            moves = " ".join(f"{quote(labels[c])} {p}"
                             for c, p in zip(range(lo, hi), probs, strict=True))
            lines.append(f'c {quote(nodes[v])} {chance} "" {{ {moves} }} 0')
        else:
            outcomes += 1
            row = outcome[v]
            lines.append(f"t {quote(nodes[v])} {outcomes} {quote(outcome_labels[row])} "
                         f"{{ {pay[row]} }}")
        stack.extend(range(hi - 1, lo - 1, -1))
    return "\n".join(lines) + "\n"


def write_efg(game: ExtensiveFormGame, path: str | os.PathLike[str]) -> None:
    """Write ``game`` to a Gambit ``.efg`` file (UTF-8); see :func:`format_efg`.

    See Also
    --------
    format_efg : the same, as a string.
    read_efg : the inverse.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1]), "r": Outcome([2])}))
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "game.efg"
    >>> ml.io.write_efg(game, path)
    >>> ml.io.read_efg(path) == game
    True
    """
    text = format_efg(game)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
