"""``multilateral solve FILE.nfg``: the Nash equilibria of a game in a Gambit file."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .._namespace import public_dir
from ._common import CommandError

__all__ = ["add_parser", "run"]
__dir__ = public_dir(__all__)


def add_parser(sub: Any) -> None:  # Any: argparse's subparsers action has no public type
    parser = sub.add_parser(
        "solve",
        help="the Nash equilibria of a game in a Gambit .nfg file",
        description="Read a game in normal form from a Gambit .nfg file (the outcome or the "
        "payoff version) and print its Nash equilibria with the file's player and strategy "
        "labels. Two players: every equilibrium by vertex enumeration (for a degenerate game, "
        "every extreme equilibrium: the equilibrium components are convex hulls of these). "
        "Three or more players: the pure equilibria (the library computes mixed equilibria "
        "of two-player games only). Integer, rational and decimal payoffs are exact, and so "
        "are the probabilities and payoffs printed (2/3, not 0.6667).",
    )
    parser.add_argument("file", metavar="FILE.nfg", help="the game, in Gambit's .nfg format")
    parser.add_argument("--pure", action="store_true",
                        help="only the pure-strategy equilibria (fast for any game)")
    parser.add_argument("--float", action="store_true", dest="decimals",
                        help="print probabilities and payoffs as decimals (6 significant "
                        "digits) instead of fractions")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import MalformedFileError, MultilateralError
    from ..io import read_nfg
    from ..solvers import nash_equilibria, pure_nash_equilibria

    try:
        game = read_nfg(args.file)
    except MalformedFileError as err:  # the message names the file and the line
        raise CommandError(str(err)) from None
    except OSError as err:
        raise CommandError(f"cannot read {args.file!r}: {err.strerror or err}; expected a "
                           "Gambit .nfg file") from None
    mixed = game.n_players == 2 and not args.pure
    try:
        if mixed:
            found = nash_equilibria(game)
            profiles = [_strategies(eq) for eq in found]
            how = "vertex enumeration: every equilibrium, or every extreme one if degenerate"
        else:
            profiles = [_pure(game, p) for p in pure_nash_equilibria(game)]
            how = "pure strategies only" + ("" if args.pure else
                                            "; mixed ones are computed for two players only")
    except MultilateralError as err:  # e.g. a game too large to enumerate
        hint = "" if args.pure else "; here, --pure gives the pure equilibria of any game"
        raise CommandError(f"{args.file}: {err}{hint}") from None

    show = _decimal if args.decimals or not game.is_exact else str
    sizes = " x ".join(str(k) for k in game.shape)
    numbers = "exact" if game.is_exact else "floating-point"
    print(f"{os.fspath(args.file)}: {game.n_players} player{'s' * (game.n_players != 1)}, "
          f"{sizes} strategies, {numbers} payoffs")
    kind = "Nash equilibri" + ("um" if len(profiles) == 1 else "a")
    if not mixed:
        kind = "pure " + kind
    print(f"{len(profiles) or 'No'} {kind} ({how})")
    width = max(len(p) for p in game.players)
    for k, strategies in enumerate(profiles, start=1):
        values = _expected_payoffs(game, strategies)
        cells = [
            " + ".join(label if p == 1 else f"{show(p)} {label}"
                       for p, label in zip(s, labels, strict=True) if p != 0)
            for s, labels in zip(strategies, game.actions, strict=True)
        ]
        column = max(len(c) for c in cells)
        print()
        for i, player in enumerate(game.players):
            lead = f"{k:>3}." if i == 0 else "    "
            print(f"{lead} {player:<{width}}  {cells[i]:<{column}}  payoff {show(values[i])}")
    return 0


def _strategies(eq: Any) -> list[list[Any]]:
    """One probability list per player: exact when the solver derived exact strategies."""
    if eq.exact is not None:
        return [list(s) for s in eq.exact]
    return [[float(p) for p in s] for s in eq.strategies]


def _pure(game: Any, profile: Sequence[int]) -> list[list[Any]]:
    return [[1 if a == chosen else 0 for a in range(n)]
            for chosen, n in zip(profile, game.shape, strict=True)]


def _expected_payoffs(game: Any, strategies: list[list[Any]]) -> list[Any]:
    """Each player's expected payoff, in the numbers of the game and strategies (exact when
    both are: object arrays of ints and Fractions)."""
    exact = game.is_exact and all(isinstance(p, int | Fraction) for s in strategies for p in s)
    payoffs = game.payoffs.astype(object) if exact else game.float_payoffs
    values = []
    for i in range(game.n_players):
        u = payoffs[..., i]
        for s in reversed(strategies):  # contract the last player's axis first
            u = u @ np.array(s, dtype=object if exact else float)
        values.append(u)
    return values


def _decimal(x: Any) -> str:
    return f"{float(x):.6g}"
