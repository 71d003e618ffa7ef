"""The fast path of the ``.efg`` reader (:mod:`multilateral.io.efg`): one regular
expression over the whole body.

:func:`fast_parse` reads a well-formed body node by node (``findall`` in C, the garbage
collector paused) and returns None for anything it does not take (anything malformed, and a
few legal but unusual layouts); :func:`multilateral.io.efg.parse_efg` then reads the file
again with the token reader, which gives every error its line. Both read the same grammar
(tests check that they agree on random, idiomatic and damaged files).
"""

from __future__ import annotations

import gc
import itertools
import re
from fractions import Fraction
from typing import Any

import numpy as np

from .._namespace import public_dir
from ..errors import InvalidArgumentError
from ..games.extensive import CHANCE, DECISION, TERMINAL, ExtensiveFormGame
from ..tolerances import PROBABILITY
from ._tokens import INTEGER, MAX_PAYOFF, NUMBER

__all__ = ["distinct", "fast_parse"]
__dir__ = public_dir(__all__)


# -- the fast path -------------------------------------------------------------------------
# One regular expression reads a whole node (decision, chance or terminal, each with its
# optional information-set and outcome parts) and ``findall`` runs it over the body in C;
# anything it does not take (a stray character, a malformed node) is matched by the last
# alternative, and then, as on any check that fails below, the file goes to the token
# reader, which raises its error with its line (or reads what this path declined). Both
# read the same grammar: words end at whitespace, braces, commas and quotes (possessive
# ``++``, so that two words never run together).
_L = r'"((?:[^"\\]|\\.)*+)"'
_W = r'([^\s{},"]++)'
_ACTS = r'((?:\s*"(?:[^"\\]|\\.)*+")*+)\s*'
_MOVES = r'((?:\s*"(?:[^"\\]|\\.)*+"\s*[^\s{},"]++)*+)\s*'
_OUT = _W + r'\s*(?:' + _L + r'\s*(\{)([^{}"]*+)\})?'
_NODE = re.compile(
    r'(p)\s*' + _L + r'\s*' + _W + r'\s*' + _W + r'\s*(?:' + _L + r'\s*(\{)' + _ACTS
    + r'\})?\s*' + _OUT
    + r'|(c)\s*' + _L + r'\s*' + _W + r'\s*(?:' + _L + r'\s*(\{)' + _MOVES + r'\})?\s*' + _OUT
    + r'|(t)\s*' + _L + r'\s*' + _OUT
    + r'|(\S)')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*+)"')
_MOVE = re.compile(r'"((?:[^"\\]|\\.)*+)"\s*([^\s{},"]++)')
_SEP = re.compile(r"[\s,]+")
_ESCAPED = re.compile(r'\\(["\\])')


class _Fallback(Exception):
    """The fast path declines the file (the token reader decides)."""


def _label(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def _int(text: str) -> int:
    if not INTEGER.fullmatch(text):
        raise _Fallback
    return int(text)


def _fraction(text: str, cache: dict[str, Fraction]) -> Fraction:
    value = cache.get(text)
    if value is None:
        if not NUMBER.fullmatch(text):
            raise _Fallback
        try:
            value = Fraction(text)
        except (ZeroDivisionError, ValueError):
            raise _Fallback from None
        if abs(value) > MAX_PAYOFF:
            raise _Fallback
        cache[text] = value
    return value


def fast_parse(text: str, start: int, title: str, players: list[str]
                ) -> ExtensiveFormGame | None:
    """The game of a well-formed ``.efg`` body from offset ``start``, or None (then the
    token reader parses it, or raises the error it finds)."""
    enabled = gc.isenabled()
    gc.disable()  # millions of new objects, none cyclic: the collector's passes would scan
    try:  # them again and again (a third of the time at 260k nodes)
        return _fast_body(text, start, title, players)
    except (_Fallback, InvalidArgumentError, LookupError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()


def _payoffs(body: str, numbers: dict[str, Fraction], n_players: int) -> list[Fraction]:
    pay = [numbers[w] if w in numbers else _fraction(w, numbers)
           for w in body.replace(",", " ").split()]
    if len(pay) != n_players:
        raise _Fallback
    return pay


def _fast_body(text: str, start: int, title: str, players: list[str]) -> ExtensiveFormGame:
    matches = _NODE.findall(text, start)
    numbers: dict[str, Fraction] = {}
    infosets: dict[tuple[int, int], tuple[str, list[str]]] = {}
    chances: dict[int, tuple[list[str], list[Any]]] = {}
    outcomes: dict[int, tuple[str, list[Fraction]]] = {0: ("", [])}
    n_players = len(players)
    count = len(matches)
    kinds = [TERMINAL] * count
    owner = [-1] * count
    keys: list[Any] = [None] * count
    labels = [""] * count
    payoff: list[list[Fraction] | None] = [None] * count
    names = [""] * count
    parent = [-1] * count
    stack: list[list[Any]] = []  # [node, children still to come, payoffs from above]
    for j, m in enumerate(matches):
        if m[21]:  # t "node" outcome ["name" { payoffs }]: most nodes
            arity = 0
            label, k_text, name, brace, body = m[22], m[23], m[24], m[25], m[26]
        elif m[0]:  # p "node" player set ["name" { actions }] outcome ["name" { payoffs }]
            who = int(m[2]) if m[2].isdigit() else _int(m[2])
            key = (who, int(m[3]) if m[3].isdigit() else _int(m[3]))
            if not 1 <= who <= n_players:
                raise _Fallback
            if m[5]:
                acts = _STRING.findall(m[6])
                if "\\" in m[6]:
                    acts = [_label(a) for a in acts]
                entry = (_label(m[4]) if "\\" in m[4] else m[4], acts)
                if not acts or infosets.setdefault(key, entry) != entry:
                    raise _Fallback
            arity = len(infosets[key][1])  # KeyError: used before it is given
            kinds[j], owner[j], keys[j] = DECISION, who - 1, key
            label, k_text, name, brace, body = m[1], m[7], m[8], m[9], m[10]
        elif m[11]:  # c "node" set ["name" { "action" probability ... }] outcome [...]
            n = _int(m[13])
            if m[15]:
                moves = _MOVE.findall(m[16])
                if not moves:
                    raise _Fallback
                probs: list[Any] = [_fraction(p, numbers) for _, p in moves]
                total = sum(probs, Fraction(0))
                if total != 1 and abs(total - 1) <= PROBABILITY * len(probs):
                    probs = [float(p) for p in probs]
                centry = ([_label(a) for a, _ in moves], probs)
                if chances.setdefault(n, centry) != centry:
                    raise _Fallback
            arity = len(chances[n][0])
            kinds[j], keys[j] = CHANCE, n
            label, k_text, name, brace, body = m[12], m[17], m[18], m[19], m[20]
        else:
            raise _Fallback  # a character that no node takes
        # the outcome: given here (once, or repeated unchanged) or earlier
        k = int(k_text) if k_text.isdigit() else _int(k_text)
        if brace:
            if k <= 0:
                raise _Fallback
            entry = (_label(name) if "\\" in name else name,
                     _payoffs(body, numbers, n_players))
            if outcomes.setdefault(k, entry) != entry:
                raise _Fallback
            names[j], pay = entry
        else:
            names[j], pay = outcomes[k]  # KeyError: used before it is given
        if "\\" in label:
            label = _label(label)
        labels[j] = label
        if stack:
            top = stack[-1]
            parent[j] = top[0]
            above = top[2]
            top[1] -= 1
            if top[1] == 0:
                stack.pop()
            if above is not None:
                pay = [x + y for x, y in zip(above, pay, strict=True)] if pay else above
        elif j:
            raise _Fallback  # a node after the tree is complete
        if arity:
            payoff[j] = pay or None
            stack.append([j, arity, payoff[j]])
        else:
            payoff[j] = pay or None
    if stack or not count:
        raise _Fallback  # truncated
    return _fast_build(title, players, kinds, owner, keys, labels, payoff, names, parent,
                       infosets, chances)


def _fast_build(title: str, players: list[str], kinds: list[int], owner: list[int],
                keys: list[Any], labels: list[str], payoff: list[list[Fraction] | None],
                names: list[str], parent: list[int],
                infosets: dict[tuple[int, int], tuple[str, list[str]]],
                chances: dict[int, tuple[list[str], list[Any]]]) -> ExtensiveFormGame:
    """:func:`_build` on preorder lists: level order is preorder sorted stably by depth
    (within a level both are left to right); information sets are numbered in the order
    of their first node in level order."""
    count = len(kinds)
    depth = [0] * count
    for j in range(1, count):
        depth[j] = depth[parent[j]] + 1
    order = np.argsort(np.asarray(depth), kind="stable")
    kind = np.asarray(kinds)[order]
    if len(set(players)) < len(players):
        players = [f"P{i + 1}" for i in range(len(players))]
    # information sets: one id per key in preorder, renumbered by first node in level order
    ids: dict[Any, int] = {}
    key_id = np.array([ids.setdefault(k, len(ids)) if t == DECISION else -1
                       for k, t in zip(keys, kinds, strict=True)], dtype=np.int64)[order]
    decision = kind == DECISION
    first = np.full(len(ids), count, dtype=np.int64)
    np.minimum.at(first, key_id[decision], np.flatnonzero(decision))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(ids))
    infoset = np.where(decision, rank[np.maximum(key_id, 0)], -1)
    by_id = [None] * len(ids)
    for k, i in ids.items():
        by_id[i] = k
    set_keys = [by_id[i] for i in np.argsort(first, kind="stable").tolist()]
    moves: dict[Any, tuple[list[str], list[Any]]] = {}
    one = Fraction(1)
    for k in set_keys:
        acts = distinct(infosets[k][1])
        moves[k] = (acts, [one] * len(acts))
    chance_moves = {k: (distinct(a), p) for k, (a, p) in chances.items()}
    none: tuple[list[str], list[Any]] = ([], [])
    table = [moves[keys[v]] if t == DECISION else chance_moves[keys[v]] if t == CHANCE
             else none for v, t in zip(order.tolist(), kind.tolist(), strict=True)]
    edge = [""]
    edge.extend(itertools.chain.from_iterable(a for a, _ in table))
    prob: list[Any] = [one]
    prob.extend(itertools.chain.from_iterable(p for _, p in table))
    terminal = order[kind == TERMINAL].tolist()
    zero = [Fraction(0)] * len(players)
    payoffs = np.array([payoff[v] or zero for v in terminal], dtype=object)
    return ExtensiveFormGame.from_arrays(
        [len(a) for a, _ in table], np.asarray(owner)[order],
        payoffs.reshape(len(terminal), len(players)), players=players, infoset=infoset,
        chance_probability=prob, action_labels=edge,
        infoset_labels=[infosets[k][0] for k in set_keys],
        node_labels=[labels[v] for v in order.tolist()],
        outcome_labels=[names[v] for v in terminal], title=title)


def distinct(actions: list[str]) -> list[str]:
    """The actions' labels, or the defaults a0, a1, ... where Gambit's repeat (``"" ""``)."""
    return actions if len(set(actions)) == len(actions) else [
        f"a{j}" for j in range(len(actions))]
