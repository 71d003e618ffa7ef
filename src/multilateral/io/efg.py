"""Read and write games in Gambit's ``.efg`` extensive-form file format.

A ``.efg`` file (version 2, as every Gambit release since 0.97 writes it) has a header with
the title and the players, an optional comment, then one line per node in depth-first order:

* ``p "node" player infoset "infoset" { "a" "b" } outcome "outcome" { 1, 2 }``: a player's
  decision node (player and information set numbered from 1, per player);
* ``c "node" infoset "infoset" { "a" 1/2 "b" 1/2 } outcome ...``: a chance node, each action
  with its probability;
* ``t "node" outcome "outcome" { 1, 2 }``: a terminal node.

An information set's name and actions, and an outcome's name and payoffs, are given the first
time its number appears and may be left out (or repeated) afterwards; outcome ``0`` is the
null outcome. Payoffs are separated by commas or whitespace. ::

    EFG 2 R "Entry" { "Entrant" "Incumbent" }
    ""

    p "" 1 1 "" { "out" "in" } 0
    t "" 1 "stay out" { 1, 5 }
    p "" 2 1 "" { "fight" "accommodate" } 0
    t "" 2 "" { 0, 0 }
    t "" 3 "" { 2, 2 }

Numbers stay exact: integers, ``p/q`` and decimals are read as exact fractions, except the
probabilities at a chance node that sum to one only up to rounding (``0.3333333333333333``
three times, as a float game is written): those are read as floats. An
:class:`~multilateral.ExtensiveFormGame` holds payoffs at terminal nodes only, so an outcome
attached to a decision or chance node is added to the payoffs of every terminal node below it
(the game is the same; writing it back puts the sums at the terminal nodes). Title, node,
information set, action and outcome labels are kept (players' or one node's actions' labels
that repeat, as Gambit allows, e.g. several ``""``, become the defaults ``P1, P2, ...`` and
``a0, a1, ...``); the comment is dropped. An information set, chance information set or
outcome given again must be given unchanged (Gambit refuses a file that changes it), and the
null outcome ``0`` takes no payoffs.

Reading is one pass of a regular expression over the whole body, node by node (about a
million nodes in a few seconds); a file it does not take (anything malformed, and a few
legal but unusual layouts) is read again token by token, by the reader that gives every
error its line. The module runs past the library's ~600 lines because it holds both readers
of the one grammar side by side, so that a change to the grammar is made to both (tests
check that they agree on random and damaged files).

Any malformed or truncated file raises :class:`~multilateral.errors.MalformedFileError` whose
message starts with ``line N:``; a file that parses but breaks the rules of a game (an
information set whose nodes offer different actions, chance probabilities that do not sum to
one) raises the game's own error with the line added.

References
----------
.. [1] McKelvey, R. D., McLennan, A. M. and Turocy, T. L. Gambit: Software Tools for Game
   Theory. https://www.gambit-project.org, "Game representation formats: the extensive game
   (.efg) file format".

Examples
--------
>>> import multilateral as ml
>>> game = ml.io.parse_efg('''EFG 2 R "Entry" { "Entrant" "Incumbent" } ""
... p "" 1 1 "" { "out" "in" } 0
... t "" 1 "stay out" { 1, 5 }
... p "" 2 1 "" { "fight" "accommodate" } 0
... t "" 2 "" { 0, 0 }
... t "" 3 "" { 2, 2 }''')
>>> game.actions
(('out', 'in'), ('fight', 'accommodate'))
>>> ml.io.parse_efg(ml.io.format_efg(game)) == game
True
"""

from __future__ import annotations

import gc
import itertools
import os
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, MalformedFileError
from ..games.extensive import CHANCE, DECISION, TERMINAL, ExtensiveFormGame
from ..tolerances import PROBABILITY
from ._tokens import (
    INTEGER,
    MAX_PAYOFF,
    NUMBER,
    Stream,
    error,
    format_number,
    integer,
    number,
    quote,
    read_file,
    show,
)

__all__ = ["format_efg", "parse_efg", "read_efg", "write_efg"]
__dir__ = public_dir(__all__)


class _Node:
    __slots__ = ("children", "edge", "kind", "label", "line", "payoff", "player", "prob", "set")

    def __init__(self, kind: int, label: str, line: int) -> None:
        self.kind, self.label, self.line = kind, label, line
        self.children: list[_Node] = []
        self.player, self.set = -1, -1
        self.edge, self.prob = "", Fraction(1)
        self.payoff: list[Fraction] | None = None  # outcome payoffs at this node
        # (terminal nodes: the outcome's label goes to the game)


class _Reader:
    """Builds the tree of a ``.efg`` body, node by node in depth-first order."""

    def __init__(self, stream: Stream, players: list[str]) -> None:
        self.stream, self.players = stream, players
        self.infosets: dict[tuple[int, int], tuple[str, list[str], int]] = {}  # (player, n)
        self.chance: dict[int, tuple[list[str], list[Fraction], int]] = {}
        self.outcomes: dict[int, tuple[str, list[Fraction], int]] = {0: ("", [], 0)}
        self.outcome_label: dict[int, str] = {}

    def node(self) -> tuple[_Node, int]:
        """One node line; returns the node and its number of children."""
        s = self.stream
        token = s.take("a node ('p', 'c' or 't')")
        if token.kind != "word" or token.text not in ("p", "c", "t"):
            raise error(token.line, f"expected a node ('p', 'c' or 't'), found {show(token)}")
        label = s.expect("string", "the node's name (a quoted string)").text
        kind = {"p": DECISION, "c": CHANCE, "t": TERMINAL}[token.text]
        node, count = _Node(kind, label, token.line), 0
        if kind == DECISION:
            who = integer(s.take("the player's number"), "the player's number")
            if not 1 <= who <= len(self.players):
                raise error(s.line, f"player number {who} out of range: the file names "
                            f"{len(self.players)} players (numbered from 1)")
            number_ = integer(s.take("the information set's number"),
                              "the information set's number")
            node.player, node.set = who - 1, number_
            count = self._infoset(who, number_, token.line)
        elif kind == CHANCE:
            number_ = integer(s.take("the information set's number"),
                              "the information set's number")
            node.set = number_
            count = self._chance(number_, token.line)
        node.payoff = self._outcome(node)
        return node, count

    def _infoset(self, who: int, n: int, line: int) -> int:
        s = self.stream
        key = (who, n)
        if s.peek("string"):
            name = s.take("").text
            actions = s.strings("the actions")
            if not actions:
                raise error(s.line, "an information set needs at least one action")
            if key in self.infosets and self.infosets[key][:2] != (name, actions):
                first = self.infosets[key]
                what = "the actions" if first[1] != actions else "the name"
                a, b = (first[1], actions) if first[1] != actions else (
                    repr(first[0]), repr(name))
                raise error(s.line, f"information set {n} of player {who} has {what} {a} "
                            f"(line {first[2]}) and here {b}: every node of an information "
                            "set has its name and actions")
            self.infosets.setdefault(key, (name, actions, line))
        elif key not in self.infosets:
            s.take("the information set's name and actions")  # at the end of the file: says so
            raise error(line, f"information set {n} of player {who} is used before its name "
                        "and actions are given")
        return len(self.infosets[key][1])

    def _chance(self, n: int, line: int) -> int:
        s = self.stream
        if s.peek("string"):
            s.take("")
            s.expect("{", "'{' opening chance's actions")
            actions: list[str] = []
            probs: list[Fraction] = []
            while s.peek("string"):
                actions.append(s.take("").text)
                token = s.take("the action's probability")
                probs.append(number(token, "a probability"))
            s.expect("}", "an action (a quoted string) or '}' closing chance's actions")
            if not actions:
                raise error(s.line, "a chance node needs at least one action")
            total = sum(probs, Fraction(0))
            if total != 1 and abs(total - 1) <= PROBABILITY * len(probs):
                # decimals of rounded floats (1/3 as 0.3333333333333333): keep them as floats
                probs = [float(p) for p in probs]  # type: ignore[misc]
            if n in self.chance and self.chance[n][:2] != (actions, probs):
                first = self.chance[n]
                raise error(s.line, f"chance information set {n} has the actions and "
                            f"probabilities {_moves(first[0], first[1])} (line {first[2]}) and "
                            f"here {_moves(actions, probs)}: every node of an information set "
                            "has the same ones")
            self.chance.setdefault(n, (actions, probs, line))
        elif n not in self.chance:
            s.take("chance's actions and probabilities")  # at the end of the file: says so
            raise error(line, f"chance information set {n} is used before its actions and "
                        "probabilities are given")
        return len(self.chance[n][0])

    def _outcome(self, node: _Node) -> list[Fraction] | None:
        s = self.stream
        token = s.take("the outcome's number")
        k = integer(token, "the outcome's number")
        if k < 0:
            raise error(token.line, f"outcome number {k}: outcomes are numbered from 1 (0 is "
                        "the null outcome)")
        if s.peek("string"):
            name = s.take("").text
            s.expect("{", "'{' opening the outcome's payoffs")
            payoffs = []
            while (t := s.take("a payoff or '}'")).kind != "}":
                if t.kind != ",":
                    payoffs.append(number(t, "a payoff"))
            if k == 0:
                raise error(token.line, "outcome 0 is the null outcome (no payoffs): it takes "
                            "no name or payoffs; number the outcome from 1")
            if len(payoffs) != len(self.players):
                raise error(t.line, f"outcome {k} has {len(payoffs)} payoff(s), expected "
                            f"{len(self.players)} (one per player)")
            if k in self.outcomes and self.outcomes[k][:2] != (name, payoffs):
                first = self.outcomes[k]
                raise error(token.line, f"outcome {k} is {first[0]!r} "
                            f"{_numbers(first[1])} (line {first[2]}) and here {name!r} "
                            f"{_numbers(payoffs)}: an outcome's name and payoffs are given "
                            "once (or repeated unchanged)")
            self.outcomes.setdefault(k, (name, payoffs, token.line))
        elif k not in self.outcomes:
            s.take("the outcome's name and payoffs")  # at the end of the file: says so
            raise error(token.line, f"outcome {k} is used before its payoffs are given")
        if node.kind == TERMINAL:
            self.outcome_label[id(node)] = self.outcomes[k][0]
        return self.outcomes[k][1] or None


def _numbers(values: list[Fraction]) -> str:
    return "{ " + ", ".join(map(str, values)) + " }"


def _moves(actions: list[str], probs: list[Fraction]) -> str:
    return "{ " + " ".join(f"{a!r} {p}" for a, p in zip(actions, probs, strict=True)) + " }"


def _header(stream: Stream) -> tuple[str, list[str]]:
    token = stream.take("'EFG'")
    if token.text != "EFG" or token.kind != "word":
        raise error(token.line, f"not a Gambit .efg file: expected 'EFG', found {show(token)}")
    token = stream.take("the version number 2")
    if token.text != "2" or token.kind != "word":
        raise error(token.line, f"unsupported .efg version {show(token)}: expected 'EFG 2 R'")
    token = stream.take("'R' or 'D'")
    if token.text not in ("R", "D") or token.kind != "word":
        raise error(token.line, f"expected 'R' or 'D' after 'EFG 2', found {show(token)}")
    title = stream.expect("string", "the game's title (a quoted string)").text
    players = stream.strings("the list of players")
    if not players:
        raise error(stream.line, "the list of players is empty; a game needs at least one")
    if stream.peek("string"):
        stream.take("the comment")
    return title, players


def parse_efg(text: str) -> ExtensiveFormGame:
    """Parse the text of a Gambit ``.efg`` file.

    Parameters
    ----------
    text : str
        The file's contents.

    Returns
    -------
    ExtensiveFormGame
        With the file's title, players and labels; payoffs and chance probabilities exact.

    Raises
    ------
    MalformedFileError
        If the text is not a valid ``.efg`` file, or is truncated; the message starts with
        ``line N:``. The same error (a ``ValueError``) is raised, with the line of the
        offending node, when the tree breaks a rule of games (chance probabilities not
        summing to one, players mixed in an information set).
    InvalidTypeError
        If ``text`` is not a string.

    See Also
    --------
    read_efg : the same, from a file.
    format_efg : the inverse: a game as ``.efg`` text.
    multilateral.io.parse_nfg : the normal-form format.

    References
    ----------
    .. [1] Gambit manual, "Game representation formats": the ``.efg`` format.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.io.parse_efg('''EFG 2 R "Coin" { "Guesser" } ""
    ... c "" 1 "" { "H" 1/2 "T" 1/2 } 0
    ... p "" 1 1 "guess" { "h" "t" } 0
    ... t "" 1 "right" { 1 }
    ... t "" 2 "wrong" { 0 }
    ... p "" 1 1 0
    ... t "" 2
    ... t "" 1''')
    >>> game.infosets[0].nodes, game.chance_probability[1:3].tolist()
    ((1, 2), [Fraction(1, 2), Fraction(1, 2)])
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"parse_efg expects the file's text, got {type(text).__name__}")
    return _parse(text, fast=True)


def _parse(text: str, fast: bool) -> ExtensiveFormGame:
    """:func:`parse_efg`, with the fast path (``fast``) or the token reader alone."""
    if text.startswith("\ufeff"):
        text = text[1:]
    stream = Stream(text)
    title, players = _header(stream)
    first = stream.peek()
    if first is not None and fast:
        game = _fast_parse(text, first.pos, title, players)
        if game is not None:
            return game
    # the token-by-token reader: files the fast path does not take, and every error
    reader = _Reader(stream, players)
    root, count = reader.node()
    stack: list[tuple[_Node, int, list[Fraction] | None]] = [(root, count, root.payoff)]
    nodes = [root]
    while stack:  # depth first: the next line is the next child of the deepest open node
        parent, count, above = stack[-1]
        if len(parent.children) == count:
            stack.pop()
            continue
        child, n = reader.node()
        nodes.append(child)
        parent.children.append(child)
        child.payoff = _add(above, child.payoff)
        stack.append((child, n, child.payoff))
    extra = stream.peek()
    if extra is not None:
        stream.take("the end of the file")
        raise error(extra.line, f"unexpected {show(extra)} after the last node of the tree")
    return _build(title, players, root, reader)


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


def _fast_parse(text: str, start: int, title: str, players: list[str]
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
        acts = _distinct(infosets[k][1])
        moves[k] = (acts, [one] * len(acts))
    chance_moves = {k: (_distinct(a), p) for k, (a, p) in chances.items()}
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


def _add(a: list[Fraction] | None, b: list[Fraction] | None) -> list[Fraction] | None:
    if a is None or b is None:
        return b if a is None else a
    return [x + y for x, y in zip(a, b, strict=True)]


def _build(title: str, players: list[str], root: _Node, reader: _Reader) -> ExtensiveFormGame:
    """The game of a parsed tree (nodes renumbered level by level)."""
    order, k = [root], 0
    while k < len(order):
        order.extend(order[k].children)
        k += 1
    if len(set(players)) < len(players):  # Gambit allows several "" players
        players = [f"P{i + 1}" for i in range(len(players))]
    sets: dict[tuple[int, int], int] = {}
    labels: list[str] = []
    infoset, edge, prob = [], [""], [Fraction(1)]
    payoffs, outcome_labels = [], []
    for node in order:
        if node.kind == DECISION:
            key = (node.player + 1, node.set)
            if key not in sets:
                sets[key] = len(labels)
                labels.append(reader.infosets[key][0])
            infoset.append(sets[key])
            actions = _distinct(reader.infosets[key][1])
            edge.extend(actions)
            prob.extend([Fraction(1)] * len(actions))
        else:
            infoset.append(-1)
            if node.kind == CHANCE:
                actions, probs, _ = reader.chance[node.set]
                edge.extend(_distinct(actions))
                prob.extend(probs)
            else:
                payoffs.append(node.payoff or [Fraction(0)] * len(players))
                outcome_labels.append(reader.outcome_label.get(id(node), ""))
    try:
        return ExtensiveFormGame.from_arrays(
            [len(v.children) for v in order], [v.player for v in order],
            np.array(payoffs, dtype=object).reshape(len(payoffs), len(players)),
            players=players, infoset=infoset, chance_probability=prob, action_labels=edge,
            infoset_labels=labels, node_labels=[v.label for v in order],
            outcome_labels=outcome_labels, title=title)
    except InvalidArgumentError as err:  # a rule of games: say where
        raise MalformedFileError(f"{_where(err, order)}{err}") from None


def _distinct(actions: list[str]) -> list[str]:
    """The actions' labels, or the defaults a0, a1, ... where Gambit's repeat (``"" ""``)."""
    return actions if len(set(actions)) == len(actions) else [
        f"a{j}" for j in range(len(actions))]


def _where(err: Exception, order: list[_Node]) -> str:
    """``line N: `` for an error that names a node (level order), else the root's line."""
    text = str(err)
    for word in ("node ",):
        if word in text:
            tail = text.split(word, 1)[1].split()[0].strip(":,")
            if tail.isdigit() and int(tail) < len(order):
                return f"line {order[int(tail)].line}: "
    return f"line {order[0].line}: "


def read_efg(path: str | os.PathLike[str]) -> ExtensiveFormGame:
    """Read a Gambit ``.efg`` file (UTF-8); see :func:`parse_efg`.

    Raises
    ------
    MalformedFileError
        If the file cannot be parsed; the message gives the path and ``line N:``.
    FileNotFoundError
        If there is no such file.

    See Also
    --------
    parse_efg : the same, from a string.
    write_efg : the inverse.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import multilateral as ml
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "one.efg"
    >>> _ = path.write_text('EFG 2 R "" { "A" } "" t "" 1 "" { 3/4 }')
    >>> ml.io.read_efg(path).payoffs.tolist()
    [[Fraction(3, 4)]]
    """
    return read_file(path, parse_efg)


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
