"""Conversion to and from ``pygambit`` games (the optional ``pygambit`` package).

`pygambit <https://gambitproject.readthedocs.io>`__ is Gambit's Python interface. A game goes
across as the text of a Gambit file (``.efg`` for an :class:`~multilateral.ExtensiveFormGame`,
``.nfg`` for a :class:`~multilateral.NormalFormGame`), which keeps numbers exact, so a
conversion and its inverse give back an equal game. pygambit is not a dependency of
``multilateral``: these functions import it when called and say how to install it if it is
missing.

References
----------
.. [1] McKelvey, R. D., McLennan, A. M. and Turocy, T. L. Gambit: Software Tools for Game
   Theory, version 16.7. https://www.gambit-project.org (the ``pygambit`` package).

Examples
--------
>>> import multilateral as ml
>>> from multilateral.games.extensive import Decision, Outcome
>>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1], "low"),
...                                            "r": Outcome([2], "high")}))
>>> ml.io.from_pygambit(ml.io.to_pygambit(game)) == game     # doctest: +SKIP
True
"""

from __future__ import annotations

import io
import re
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, MissingDependencyError
from ..games.extensive import ExtensiveFormGame
from ..games.normal_form import NormalFormGame
from .efg import format_efg, parse_efg
from .nfg import format_nfg, parse_nfg

__all__ = ["from_pygambit", "to_pygambit"]
__dir__ = public_dir(__all__)


def _pygambit() -> Any:
    try:
        import pygambit
    except ImportError:
        raise MissingDependencyError(
            "converting to or from pygambit needs the optional pygambit package: "
            "pip install pygambit") from None
    return pygambit


def _read(reader: Any, text: str) -> Any:
    try:
        return reader(io.StringIO(text))
    except ValueError as err:
        raise InvalidArgumentError(
            f"pygambit refuses this game: {err} (pygambit 16.7 takes labels of printable ASCII "
            "characters, without leading, trailing or double spaces: relabel the game)"
        ) from None


def _distinct(labels: tuple[str, ...]) -> tuple[str, ...]:
    """Labels with repeats renamed ``label (k)`` (pygambit refuses repeated node and outcome
    labels); empty ones stay empty."""
    out, used, seen = list(labels), set(labels), set()
    for k, label in enumerate(labels):
        if label and label in seen:
            name = f"{label} ({k + 1})"
            while name in used:
                name += "'"
            out[k] = name
            used.add(name)
        seen.add(label)
    return tuple(out)


def _check_backslashes(game: Any) -> None:
    """Refuse labels that pygambit 16.7 would change: its writer doubles every backslash and
    its reader keeps both, so two backslashes in a row, or one before a quote, do not come
    back (a single backslash elsewhere does)."""
    if isinstance(game, ExtensiveFormGame):
        labels = [game.title, *game.players, *game.action_labels, *game.node_labels,
                  *game.infoset_labels, *game.outcome_labels]
    elif isinstance(game, NormalFormGame):
        labels = [*game.players, *(a for acts in game.actions for a in acts)]
    else:
        return
    for label in labels:
        if "\\\\" in label or '\\"' in label:
            raise InvalidArgumentError(
                f"pygambit 16.7 would change the label {label!r}: it reads back two "
                "backslashes in a row, or a backslash before a quote, as more backslashes "
                "than it wrote (relabel the game)")


def to_pygambit(game: ExtensiveFormGame | NormalFormGame) -> Any:
    """The game as a ``pygambit.Game`` (exact numbers kept).

    Parameters
    ----------
    game : ExtensiveFormGame or NormalFormGame

    Returns
    -------
    pygambit.Game
        A game tree or a strategic-form table. pygambit (16.7) wants distinct, non-empty
        outcome labels: it names unlabelled outcomes ``"_1"``, ``"_2"``, ... (which
        :func:`from_pygambit` reads back as unlabelled) and renames a repeated label ``x`` to
        ``x_1``, ``x_2``, ...; it refuses repeated node labels, so a repeated node label gets
        `` (k)`` appended here (k the node's index).

    Raises
    ------
    MissingDependencyError
        If pygambit is not installed.
    InvalidArgumentError
        If pygambit refuses the game (labels that are not printable ASCII, for one), or
        would change a label (two backslashes in a row, or a backslash before a quote).

    See Also
    --------
    from_pygambit : the inverse.
    multilateral.io.format_efg : the text that is handed to pygambit.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1]), "r": Outcome([2])}))
    >>> len(ml.io.to_pygambit(game).nodes)       # doctest: +SKIP
    3
    """
    gbt = _pygambit()
    _check_backslashes(game)
    if isinstance(game, ExtensiveFormGame):
        nodes = _distinct(game.node_labels)
        if nodes != game.node_labels:
            game = game.relabel(node_labels=nodes)
        return _read(gbt.read_efg, format_efg(game))
    if isinstance(game, NormalFormGame):
        return _read(gbt.read_nfg, format_nfg(game))
    raise InvalidTypeError(f"expected an ExtensiveFormGame or a NormalFormGame, got "
                           f"{type(game).__name__}")


def from_pygambit(game: Any) -> ExtensiveFormGame | NormalFormGame:
    """A ``pygambit.Game`` as an :class:`~multilateral.ExtensiveFormGame` (a game tree) or a
    :class:`~multilateral.NormalFormGame` (a strategic-form table), numbers exact.

    Raises
    ------
    MissingDependencyError
        If pygambit is not installed.
    InvalidTypeError
        If ``game`` is not a ``pygambit.Game``.

    See Also
    --------
    to_pygambit : the inverse.
    multilateral.io.parse_efg : reads the text pygambit writes.

    Examples
    --------
    >>> import pygambit as gbt                   # doctest: +SKIP
    >>> import multilateral as ml
    >>> tree = gbt.Game.new_tree(players=["A"])  # doctest: +SKIP
    >>> ml.io.from_pygambit(tree).n_nodes        # doctest: +SKIP
    1
    """
    gbt = _pygambit()
    if not isinstance(game, gbt.Game):
        raise InvalidTypeError(f"expected a pygambit.Game, got {type(game).__name__}")
    if game.is_tree:
        tree = parse_efg(game.to_efg())
        # pygambit names unlabelled outcomes "_1", "_2", ...: unname them again
        labels = ["" if re.fullmatch(r"_\d+", label) else label for label in tree.outcome_labels]
        return tree if labels == list(tree.outcome_labels) else tree.relabel(
            outcome_labels=labels)
    return parse_nfg(game.to_nfg())
