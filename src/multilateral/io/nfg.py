"""Read and write games in Gambit's ``.nfg`` normal-form file format.

`Gambit <https://www.gambit-project.org>`__ stores a game in normal form as plain text in one
of two versions, and both are read here:

* the *payoff* version: a header with the players and each one's number of strategies, then
  every player's payoff at every strategy profile, the first player's strategy changing
  fastest::

      NFG 1 R "Prisoners' Dilemma" { "Row" "Column" } { 2 2 }

      3 3 5 0 0 5 1 1

* the *outcome* version: the strategies are listed by name, then a list of outcomes (a name
  and one payoff per player, separated by whitespace and/or commas), then one outcome index
  per profile, again first player fastest (``0`` is the null outcome, worth zero to all)::

      NFG 1 R "Prisoners' Dilemma" { "Row" "Column" }

      { { "C" "D" }
      { "C" "D" }
      }
      ""

      {
      { "" 3, 3 }
      { "" 5, 0 }
      { "" 0, 5 }
      { "" 1, 1 }
      }
      1 2 3 4

Numbers stay exact: integers are read as integers, rationals such as ``3/4`` and decimals
such as ``0.1`` or ``-2e3`` as :class:`fractions.Fraction` (so ``0.1`` is one tenth, not the
nearest float). The title and comment are dropped (a NormalFormGame has neither).

Any malformed file raises :class:`~multilateral.errors.MalformedFileError` whose message
starts with ``line N:``, the line where parsing failed, and says what was expected.

References
----------
.. [1] McKelvey, R. D., McLennan, A. M. and Turocy, T. L. Gambit: Software Tools for Game
   Theory. https://www.gambit-project.org, section "Game representation formats".

Examples
--------
>>> import multilateral as ml
>>> pd = ml.io.parse_nfg('NFG 1 R "PD" { "Row" "Column" } { 2 2 }  3 3 5 0 0 5 1 1')
>>> pd.payoffs[1, 0].tolist()        # Row defects (D), Column cooperates (C)
[5, 0]
>>> ml.io.parse_nfg(ml.io.format_nfg(pd)) == pd
True
"""

from __future__ import annotations

import math
import os
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ._tokens import (
    BAD_COMMA,
    MAX_PAYOFF,
    NAME,
    NUMBER,
    Stream,
    Token,
    error,
    format_number,
    integer,
    number,
    quote,
    read_file,
    show,
)

__all__ = ["format_nfg", "parse_nfg", "read_nfg", "write_nfg"]
__dir__ = public_dir(__all__)

_FAST = True  # the vectorized reading of well-formed bodies (tests compare it with the slow one)


def _read_list(
    stream: Stream, count: int, what: tuple[str, str], game: str, read: Any
) -> list[Any]:
    """Exactly ``count`` values, each read by ``read(token)``, then the end of the file.

    ``what`` names one value and several, e.g. ``("a payoff", "payoffs")``.
    """
    values: list[Any] = []
    while len(values) < count and stream.peek("word"):
        values.append(read(stream.take(what[0])))
    if len(values) < count:
        if stream.peek() is None:
            raise error(stream.line, f"expected {count} {what[1]} for {game}, found {len(values)}")
        token = stream.take(what[0])  # raises "unbalanced braces" on a stray '}'
        raise error(token.line, f"expected {what[0]}, found {show(token)}")
    extra = stream.peek()
    if extra is None:
        return values
    if extra.kind == "word" and NUMBER.fullmatch(extra.text):
        total = count
        while (word := stream.peek("word")) and NUMBER.fullmatch(word.text):
            stream.take(what[0])
            total += 1
        raise error(extra.line, f"expected {count} {what[1]} for {game}, found {total}")
    stream.take("the end of the file")  # raises "unbalanced braces" on a stray '}'
    raise error(extra.line, f"unexpected {show(extra)} after the {what[1]}")


def parse_nfg(text: str) -> NormalFormGame:
    """Parse the text of a Gambit ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    text : str
        The file's contents.

    Returns
    -------
    NormalFormGame
        Players named as in the file. Actions are named as in the file in the outcome
        version and get the default labels in the payoff version (which names none). A
        player's labels that are not distinct (Gambit allows that, e.g. several ``""``) are
        replaced by the defaults. Payoffs are exact (integers or fractions). The title and
        the comment are dropped.

    Raises
    ------
    MalformedFileError
        If the text is not a valid ``.nfg`` file, or a payoff exceeds float64's range (a
        leading byte-order mark is skipped); the message starts with ``line N:``.
    InvalidTypeError
        If ``text`` is not a string.

    See Also
    --------
    read_nfg : the same, from a file.
    format_nfg : the inverse: a game as .nfg text.

    References
    ----------
    .. [1] Gambit manual, "Game representation formats": the ``.nfg`` format.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.io.parse_nfg('''NFG 1 R "Matching pennies" { "Even" "Odd" }
    ... { { "H" "T" } { "H" "T" } }
    ... "" { { "Even wins" 1, -1 } { "Odd wins" -1, 1 } } 1 2 2 1''')
    >>> game.actions
    (('H', 'T'), ('H', 'T'))
    >>> game.payoffs[1, 0].tolist()      # Even plays T, Odd plays H: outcome 2
    [-1, 1]
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"parse_nfg expects the file's text, got {type(text).__name__}")
    if text.startswith("\ufeff"):  # a UTF-8 byte-order mark, as some editors write: skip it
        text = text[1:]
    stream = Stream(text)
    players, labels, shape = _read_header(stream)
    n, size = len(players), math.prod(shape)
    game = f"a {'x'.join(map(str, shape))} game with {n} player{'s' * (n > 1)}"
    first = stream.peek()
    fast = _fast_body(text[first.pos:], n, size, labels is None) if first and _FAST else None
    if fast is not None:
        rows = fast
    elif labels is None:
        read = lambda token: number(token, "a payoff")  # noqa: E731
        flat = _read_list(stream, size * n, ("a payoff", "payoffs"), game, read)
        rows = np.array(flat, dtype=object).reshape(size, n)
    else:
        outcomes = _read_outcomes(stream, n)

        def index(token: Token) -> int:
            k = integer(token, "an outcome index")
            if not 0 <= k < len(outcomes):
                raise error(
                    token.line,
                    f"outcome index {k} out of range: there are {len(outcomes) - 1} "
                    "outcomes (numbered from 1; 0 is the null outcome)",
                )
            return k

        indices = _read_list(stream, size, ("an outcome index", "outcome indices"), game, index)
        rows = np.array([outcomes[k] for k in indices], dtype=object).reshape(size, n)

    # row k is the profile with index k, the first player's strategy changing fastest
    payoffs = np.stack([rows[:, i].reshape(shape, order="F") for i in range(n)], axis=-1)
    names = players if len(set(players)) == n else None
    if labels is None or all(len(set(new)) == len(new) for new in labels):
        return NormalFormGame(payoffs, players=names, actions=labels)  # built once: 2 s at 10**6
    result = NormalFormGame(payoffs, players=names)
    actions = [
        new if len(set(new)) == len(new) else default
        for new, default in zip(labels, result.actions, strict=True)
    ]
    return NormalFormGame(result.payoffs, players=result.players, actions=actions)


def _fast_numbers(words: list[str]) -> NDArray[Any] | None:
    """Payoff words as an array (int64, or Fractions once per distinct spelling), or ``None``
    (a word that is not a number, or out of range) for the token reader to name the line."""
    joined = "".join(words)
    if joined.isascii() and "_" not in joined and "." not in joined:  # int() takes "1_0"
        try:
            ints = np.array(list(map(int, words)))
        except ValueError:  # a decimal with an exponent, a fraction, or no number
            pass
        else:
            ok = ints.dtype == np.int64 and (ints.size == 0 or int(np.max(np.abs(ints))) < 2**62)
            return ints if ok else None
    cache: dict[str, Fraction] = {}
    for word in set(words):
        try:
            value = Fraction(word) if NUMBER.fullmatch(word) else None
        except (ZeroDivisionError, ValueError):
            return None
        if value is None or abs(value) > MAX_PAYOFF:
            return None
        cache[word] = value
    out = np.empty(len(words), dtype=object)
    out[:] = [cache[w] for w in words]
    return out


def _fast_body(body: str, n: int, size: int, payoff_version: bool) -> NDArray[Any] | None:
    """The payoff rows ``(size, n)`` of a well-formed body read in bulk (``str.split``, list
    slices; the token reader takes 25-60 s at 1000x1000), or ``None`` at anything unusual
    (escapes in names, a stray token, a bad number): the token reader then names the line."""
    if payoff_version:
        if any(c in body for c in '{},"'):
            return None
        words = body.split()
        values = _fast_numbers(words) if len(words) == size * n else None
        return None if values is None else values.reshape(size, n)
    end = body.rfind("}")
    head = body[:end].lstrip()
    if end < 0 or not head.startswith("{") or "\\" in head or "\0" in head:
        return None
    inner = NAME.sub(" \0 ", head[1:])
    if BAD_COMMA.search(inner) or "," in inner[:inner.find("{")]:  # only between payoffs
        return None
    tokens = inner.replace(",", " ").replace("{", " { ").replace("}", " } ").split()
    tail = body[end + 1:].split()
    width = n + 3  # an outcome: '{', a name, n numbers (commas allowed), '}'
    if not tokens or len(tokens) % width or len(tail) != size:
        return None
    if (set(tokens[0::width]) != {"{"} or set(tokens[1::width]) != {"\0"}
            or set(tokens[width - 1::width]) != {"}"}):
        return None
    count = len(tokens) // width  # the number of outcomes
    flat: list[str] = [""] * (count * n)
    for i in range(n):  # slices: no Python loop over the outcomes
        flat[i::n] = tokens[2 + i::width]
    values = _fast_numbers(flat)
    digits = "".join(tail)
    if (values is None or not (digits.isascii() and digits.isdigit())
            or max(map(len, tail)) > 18):  # beyond int64: the token reader says which
        return None
    indices = np.array(list(map(int, tail)), dtype=np.int64)
    if int(indices.max()) > count:
        return None
    outcomes = np.zeros((count + 1, n), dtype=values.dtype)  # row 0: the null outcome
    outcomes[1:] = values.reshape(count, n)
    return outcomes[indices]


def _read_header(stream: Stream) -> tuple[list[str], list[list[str]] | None, tuple[int, ...]]:
    """Players, strategy labels (``None`` in the payoff version) and numbers of strategies."""
    token = stream.take("'NFG'")
    if token.text != "NFG" or token.kind != "word":
        raise error(token.line, f"not a Gambit .nfg file: expected 'NFG', found {show(token)}")
    token = stream.take("the version number 1")
    if token.text != "1" or token.kind != "word":
        raise error(token.line, f"unsupported .nfg version {show(token)}: expected 'NFG 1 R'")
    token = stream.take("'R' or 'D'")
    if token.text not in ("R", "D") or token.kind != "word":
        raise error(token.line, f"expected 'R' or 'D' after 'NFG 1', found {show(token)}")
    stream.expect("string", "the game's title (a quoted string)")
    players = stream.strings("the list of players")
    if not players:
        raise error(stream.line, "the list of players is empty; a game needs at least one")

    block = stream.expect("{", "'{' opening the strategies")
    labels: list[list[str]] | None = None
    counts: list[tuple[int, int]] = []  # (number of strategies, line)
    if stream.peek("{"):  # outcome version: strategy names
        labels = []
        while stream.peek("{"):
            labels.append(stream.strings(f"the strategies of player {len(labels) + 1}"))
            counts.append((len(labels[-1]), stream.line))
    else:  # payoff version: numbers of strategies
        while word := stream.peek("word"):
            counts.append((integer(stream.take(""), "a number of strategies"), word.line))
    end = stream.expect("}", "'}' closing the strategies")
    if len(counts) != len(players):
        raise error(
            end.line,
            f"the strategies (from line {block.line}) give {len(counts)} strategy count(s) "
            f"for {len(players)} players",
        )
    for (count, line), player in zip(counts, players, strict=True):
        if count < 1:
            raise error(line, f"player {player!r} needs at least one strategy, got {count}")
    if stream.peek("string"):
        stream.take("the comment")
    return players, labels, tuple(count for count, _ in counts)


def _read_outcomes(stream: Stream, n: int) -> list[list[Fraction]]:
    """The list of outcomes, preceded by the null outcome (index 0)."""
    outcomes = [[Fraction(0)] * n]
    stream.expect("{", "'{' opening the list of outcomes")
    while stream.peek("{"):
        stream.take("an outcome")
        stream.expect("string", "the outcome's name (a quoted string)")
        payoffs = []
        while (token := stream.take("a payoff or '}'")).kind != "}":
            if token.kind != ",":
                payoffs.append(number(token, "a payoff"))
        if len(payoffs) != n:
            raise error(
                token.line,
                f"outcome {len(outcomes)} has {len(payoffs)} payoff(s), expected {n} "
                "(one per player)",
            )
        outcomes.append(payoffs)
    stream.expect("}", "'{' opening an outcome or '}' closing the list of outcomes")
    return outcomes


def read_nfg(path: str | os.PathLike[str]) -> NormalFormGame:
    """Read a Gambit ``.nfg`` file (UTF-8); see :func:`parse_nfg` for what is kept.

    Raises
    ------
    MalformedFileError
        If the file cannot be parsed; the message gives the path and ``line N:``.
    FileNotFoundError
        If there is no such file.

    See Also
    --------
    parse_nfg : the same, from a string.
    write_nfg : the inverse: write a game to a file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import multilateral as ml
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
    >>> _ = path.write_text('NFG 1 R "PD" { "Row" "Column" } { 2 2 } 3 3 5 0 0 5 1 1')
    >>> ml.io.read_nfg(path).payoffs[1, 1].tolist()
    [1, 1]
    """
    return read_file(path, parse_nfg)


# -- writing ---------------------------------------------------------------------------------
def format_nfg(
    game: NormalFormGame, title: str = "", version: Literal["outcome", "payoff"] = "outcome"
) -> str:
    """The text of a Gambit ``.nfg`` file for ``game``.

    Parameters
    ----------
    game : NormalFormGame
    title : str
        The game's title in the header.
    version : {"outcome", "payoff"}
        The outcome version (the default) keeps the action labels, one outcome per profile;
        the payoff version is shorter but has no action labels, so it reads back with the
        default labels.

    Returns
    -------
    str
        Integers are written as integers, fractions as ``p/q``, floats with the shortest
        digits that read back to the same float (read back as exact fractions, so a float
        game reads back with the same ``float_payoffs``, not as an equal game).

    See Also
    --------
    write_nfg : the same, to a file.
    parse_nfg : the inverse: .nfg text to a game.

    References
    ----------
    .. [1] Gambit manual, "Game representation formats": the ``.nfg`` format.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.NormalFormGame([[1, 2], [3, 4]], [[0, 0], [0, 1]], players=["R", "C"])
    >>> print(ml.io.format_nfg(game, title="Example", version="payoff"))
    NFG 1 R "Example" { "R" "C" } { 2 2 }
    <BLANKLINE>
    1 0
    3 0
    2 0
    4 1
    <BLANKLINE>
    """
    if not isinstance(game, NormalFormGame):
        raise InvalidTypeError(f"expected a multilateral NormalFormGame, got {type(game).__name__}")
    if not isinstance(title, str):
        raise InvalidTypeError(f"title must be a string, got {type(title).__name__}")
    if version not in ("outcome", "payoff"):
        raise InvalidArgumentError(f"version must be 'outcome' or 'payoff', got {version!r}")
    n = game.n_players
    rows = [  # one line per profile, the first player's action changing fastest
        [format_number(v) for v in row]
        for row in zip(*(game.payoffs[..., i].ravel(order="F") for i in range(n)), strict=True)
    ]
    header = f"NFG 1 R {quote(title)} {{ {' '.join(map(quote, game.players))} }}"
    if version == "payoff":
        body = "\n".join(" ".join(row) for row in rows)
        return f"{header} {{ {' '.join(map(str, game.shape))} }}\n\n{body}\n"
    strategies = "\n".join("{ " + " ".join(map(quote, a)) + " }" for a in game.actions)
    outcomes = "\n".join('{ "" ' + ", ".join(row) + " }" for row in rows)
    indices = " ".join(str(k + 1) for k in range(len(rows)))
    return f'{header}\n\n{{ {strategies}\n}}\n""\n\n{{\n{outcomes}\n}}\n{indices}\n'


def write_nfg(
    game: NormalFormGame,
    path: str | os.PathLike[str],
    title: str = "",
    version: Literal["outcome", "payoff"] = "outcome",
) -> None:
    """Write ``game`` to a Gambit ``.nfg`` file (UTF-8); see :func:`format_nfg`.

    See Also
    --------
    format_nfg : the same, as a string.
    read_nfg : the inverse: read a game from a file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import multilateral as ml
    >>> game = ml.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
    >>> ml.io.write_nfg(game, path, title="Prisoners' Dilemma")
    >>> ml.io.read_nfg(path) == game
    True
    """
    text = format_nfg(game, title, version)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
