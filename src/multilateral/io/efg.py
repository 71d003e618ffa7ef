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
million nodes in a few seconds; :mod:`multilateral.io._efg_fast`); a file it does not take
(anything malformed, and a few legal but unusual layouts) is read again token by token,
here, by the reader that gives every error its line. Both read the one grammar: a change to
it is made to both (tests check that they agree on random and damaged files). The writer
(:func:`format_efg`, :func:`write_efg`) lives in :mod:`multilateral.io._efg_write` and is
re-exported here.

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

import os
from fractions import Fraction

import numpy as np

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, MalformedFileError
from ..games.extensive import CHANCE, DECISION, TERMINAL, ExtensiveFormGame
from ..tolerances import PROBABILITY
from ._efg_fast import distinct, fast_parse
from ._efg_write import format_efg, write_efg
from ._tokens import Stream, error, integer, number, read_file, show

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
        game = fast_parse(text, first.pos, title, players)
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
            actions = distinct(reader.infosets[key][1])
            edge.extend(actions)
            prob.extend([Fraction(1)] * len(actions))
        else:
            infoset.append(-1)
            if node.kind == CHANCE:
                actions, probs, _ = reader.chance[node.set]
                edge.extend(distinct(actions))
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
