"""The tokenizer shared by the Gambit file readers (``.nfg`` and ``.efg``).

Gambit's text formats are made of braces, commas, double-quoted labels (``\\"`` and ``\\\\``
are escapes) and words (numbers, keywords). :class:`Stream` reads tokens with one-token
lookahead, tracks 1-based line numbers and checks that braces balance; every error is a
:class:`~multilateral.errors.MalformedFileError` whose message starts with ``line N:``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import numpy as np

from ..errors import MalformedFileError

__all__ = [
    "BAD_COMMA",
    "INTEGER",
    "MAX_PAYOFF",
    "NAME",
    "NUMBER",
    "WORD",
    "Stream",
    "Token",
    "error",
    "format_number",
    "integer",
    "number",
    "quote",
    "read_file",
    "show",
    "tokenize",
]

WORD = re.compile(r'[^\s{},"]+')
NUMBER = re.compile(r"[+-]?(?:\d+/\d+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,4})?)")
INTEGER = re.compile(r"[+-]?\d+")
NAME = re.compile(r'"[^"]*"')
BAD_COMMA = re.compile(r"[{}][^{}\0,]*,")  # a comma not after an outcome's name (\0)
MAX_PAYOFF = float(np.finfo(np.float64).max) / 4  # NormalFormGame's bound on |payoff|

class Token(NamedTuple):
    kind: str  # "{", "}", ",", "string" or "word" (numbers and symbols such as NFG)
    text: str
    line: int
    pos: int  # offset of the token's first character in the text


def error(line: int, message: str) -> MalformedFileError:
    return MalformedFileError(f"line {line}: {message}")


#: One token (or a run of whitespace) of Gambit's text formats: whitespace, a brace or comma,
#: a quoted label (``\"`` and ``\\`` escape a quote and a backslash; any other backslash
#: is literal), a word, or a quote that is never closed.
_SCAN = re.compile(r'(\s+)|([{},])|"((?:[^"\\]|\\.)*)"|([^\s{},"]+)|(")', re.DOTALL)
_ESCAPE = re.compile(r'\\(["\\])')


def tokenize(text: str) -> Iterator[Token]:
    """Split ``text`` into tokens, tracking 1-based line numbers."""
    line = 1
    for match in _SCAN.finditer(text):
        space, mark, label, word, _ = match.groups()
        start = match.start()
        if space is not None:
            line += space.count("\n")
        elif mark is not None:
            yield Token(mark, mark, line, start)
        elif label is not None:
            yield Token("string", _ESCAPE.sub(r"\1", label) if "\\" in label else label,
                        line, start)
            line += label.count("\n")
        elif word is not None:
            yield Token("word", word, line, start)
        else:
            raise error(line, "unterminated string: this '\"' is never closed")


class Stream:
    """Tokens with one-token lookahead; checks that braces balance as they are consumed."""

    def __init__(self, text: str) -> None:
        self._tokens = tokenize(text)
        self._next: Token | None = None
        self._fetched = False  # tokenize lazily, so errors come in the order of the text
        self._open: list[int] = []  # lines of the '{' not yet closed
        self.line = 1  # line of the last token consumed

    def peek(self, kind: str | None = None) -> Token | None:
        """The next token, if there is one (and it has the given kind)."""
        if not self._fetched:
            self._next, self._fetched = next(self._tokens, None), True
        if self._next is None or kind not in (None, self._next.kind):
            return None
        return self._next

    def take(self, expected: str) -> Token:
        """Consume the next token; ``expected`` describes it for the end-of-file error."""
        token = self.peek()
        if token is None:
            if self._open:
                raise error(self._open[-1], "unbalanced braces: this '{' is never closed")
            raise error(self.line, f"expected {expected}, found the end of the file")
        self._fetched = False
        self.line = token.line
        if token.kind == "{":
            self._open.append(token.line)
        elif token.kind == "}":
            if not self._open:
                raise error(token.line, "unbalanced braces: '}' without a matching '{'")
            self._open.pop()
        return token

    def expect(self, kind: str, expected: str) -> Token:
        token = self.take(expected)
        if token.kind != kind:
            raise error(token.line, f"expected {expected}, found {show(token)}")
        return token

    def strings(self, expected: str) -> list[str]:
        """A brace-enclosed list of quoted strings."""
        self.expect("{", f"'{{' opening {expected}")
        out = []
        while self.peek("string"):
            out.append(self.take("a string").text)
        self.expect("}", f"a quoted string or '}}' closing {expected}")
        return out


def show(token: Token) -> str:
    text = token.text
    if not text.isprintable():  # show invisible characters (a stray byte-order mark, ...)
        text = text.encode("ascii", "backslashreplace").decode("ascii")
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{text}"' if token.kind == "string" else f"'{text}'"


def number(token: Token, what: str) -> Fraction:
    if token.kind != "word" or not NUMBER.fullmatch(token.text):
        bad = token.text.lower().lstrip("+-") in ("inf", "infinity", "nan")
        finite = " (payoffs must be finite)" if bad else ""
        raise error(token.line, f"expected {what} (a number), found {show(token)}{finite}")
    try:
        value = Fraction(token.text)
    except (ZeroDivisionError, ValueError):
        raise error(token.line, f"invalid number {token.text!r} for {what}") from None
    if abs(value) > MAX_PAYOFF:
        raise error(token.line, f"{what} {token.text} is too large: payoffs must be finite in "
                     f"float64 arithmetic, |payoff| <= {MAX_PAYOFF:.3g} (rescale the game)")
    return value


def integer(token: Token, what: str) -> int:
    if token.kind != "word" or not INTEGER.fullmatch(token.text):
        raise error(token.line, f"expected {what} (an integer), found {show(token)}")
    return int(token.text)


def quote(label: str) -> str:
    """A label as a Gambit string: double quotes, with ``\\"`` escaped."""
    if "\\" not in label and '"' not in label:
        return f'"{label}"'  # most labels: nothing to escape
    # Gambit's reader treats only \" as an escape, so a backslash is doubled only where it
    # must be: before a quote or another backslash, or at the end of the label.
    return '"' + re.sub(r'\\(?=["\\]|$)', r"\\\\", label).replace('"', '\\"') + '"'


def format_number(value: Any) -> str:
    """Integers as integers, Fractions as ``p/q``, floats with the shortest digits that
    read back to the same float (no exponent)."""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, Fraction):
        return str(value)  # "p/q", or "p" when the denominator is 1
    # shortest digits that read back to the same float, without an exponent
    return np.format_float_positional(float(value), unique=True, trim="-")


_Game = TypeVar("_Game")


def read_file(path: str | os.PathLike[str], parse: Callable[[str], _Game]) -> _Game:
    """Parse a Gambit text file (UTF-8) with ``parse``; every error names the path and line.

    The bytes are decoded without newline translation, so a carriage return inside a label
    survives.
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise MalformedFileError(f"{os.fspath(path)}: line {line}: not UTF-8 text") from None
    try:
        return parse(text)
    except MalformedFileError as err:
        raise MalformedFileError(f"{os.fspath(path)}: {err}") from None
