"""The data of :mod:`multilateral.estimation.qre_payoffs`: the game, the basis payoffs, the
choices as outcome codes, which actions each outcome takes, and the covariates."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import product
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, NotIdentifiedError
from ..games.extensive import DECISION, ExtensiveFormGame
from ..games.normal_form import NormalFormGame
from ._twostage import Design, Spec, design

__all__ = ["Game", "check_design", "check_game", "covariates", "incidence", "moves",
           "outcome_codes", "outcome_names", "parse_basis", "payoff_shape", "rows_of"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]
Game = NormalFormGame | ExtensiveFormGame


def check_game(game: Any) -> Game:
    if not isinstance(game, (NormalFormGame, ExtensiveFormGame)):
        raise InvalidTypeError(
            f"game must be a multilateral NormalFormGame or ExtensiveFormGame (its payoffs "
            f"are the fixed part of every observation's payoffs; zeros if all are "
            f"estimated), got {type(game).__name__}")
    return game


def payoff_shape(game: Game) -> tuple[int, ...]:
    """``(n_1, ..., n_N, N)``, or ``(terminals, players)`` for a tree."""
    return tuple(int(s) for s in np.shape(game.float_payoffs))


def moves(game: Game, pay: FloatArray) -> bool:
    """Whether payoffs ``pay`` can move any choice: a player's payoff differs between his
    own actions (normal form) or between terminal nodes (a tree)."""
    if isinstance(game, ExtensiveFormGame):
        return bool(np.any(np.ptp(pay, axis=0) > 0))
    return any(bool(np.any(np.diff(np.moveaxis(pay[..., i], i, 0), axis=0)))
               for i in range(pay.shape[-1]))


def parse_basis(game: Game, basis: Any) -> tuple[tuple[str, ...], FloatArray]:
    shape = payoff_shape(game)
    if not isinstance(basis, Mapping):
        raise InvalidTypeError(
            f"basis must be a mapping from a name to a payoff array of the game's payoff "
            f"shape {shape}, got {type(basis).__name__}")
    names, arrays = [], []
    for name, value in basis.items():
        pay = value.float_payoffs if isinstance(value, type(game)) else value
        try:
            arr = np.asarray(pay, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidTypeError(f"basis[{name!r}] must be an array of numbers") from None
        if arr.shape != shape or not np.all(np.isfinite(arr)):
            raise InvalidArgumentError(
                f"basis[{name!r}] must be a finite payoff array of the game's payoff shape "
                f"{shape}, got shape {arr.shape}")
        if not moves(game, arr):
            raise NotIdentifiedError(
                f"basis[{name!r}] gives each player the same payoff for all of his own "
                "actions (only differences between a player's own actions move his choice), "
                "so its coefficients are not identified: drop it, or make it differ across "
                "some player's actions")
        names.append(str(name))
        arrays.append(arr)
    return tuple(names), np.asarray(arrays).reshape((len(arrays), *shape))


def outcome_names(game: Game) -> tuple[str, ...]:
    """Action profiles (``'a,b'``) or terminal nodes by their paths (``'in/fight'``)."""
    if isinstance(game, ExtensiveFormGame):
        return tuple("/".join(game.path(int(t))) for t in game.terminals)
    return tuple(",".join(labels) for labels in product(*game.actions))


def _tree_codes(game: ExtensiveFormGame, arr: NDArray[Any]) -> NDArray[np.int64]:
    names = outcome_names(game)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1 or arr.size == 0:
        raise InvalidArgumentError(
            f"choices of a tree must be one terminal node per observation (its row in "
            f"game.terminals, or its path such as {names[0]!r}), got shape {arr.shape}")
    codes = np.empty(arr.size, dtype=np.int64)
    for t, value in enumerate(arr):
        if isinstance(value, (str, np.str_)) and str(value) in names:
            codes[t] = names.index(str(value))
        elif (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
              and 0 <= int(value) < len(names)):
            codes[t] = int(value)
        else:
            raise InvalidArgumentError(
                f"choices row {t}: {value!r} is not a terminal node of the game (an index "
                f"0..{len(names) - 1} or a path: {', '.join(names[:6])}"
                f"{', ...' if len(names) > 6 else ''})")
    return codes


def outcome_codes(game: Game, choices: Any) -> NDArray[np.int64]:
    """Each observation's outcome: its action profile's flat index (normal form) or its
    terminal node's row (a tree)."""
    if hasattr(choices, "to_numpy"):
        choices = choices.to_numpy()
    if isinstance(choices, (str, bytes)) or not hasattr(choices, "__len__"):
        raise InvalidTypeError(
            f"choices must be one row per observation (each player's action, or a tree's "
            f"terminal node), got {choices!r:.80}")
    arr = np.asarray(choices, dtype=object)
    if isinstance(game, ExtensiveFormGame):
        return _tree_codes(game, arr)
    n_players = game.n_players
    if n_players == 1 and arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[1] != n_players or arr.shape[0] == 0:
        raise InvalidArgumentError(
            f"choices must have one row per observation and {n_players} columns (each "
            f"player's action: its index or label), got shape {arr.shape}")
    codes = np.empty(arr.shape, dtype=np.int64)
    for i, labels in enumerate(game.actions):
        for t, value in enumerate(arr[:, i]):
            if isinstance(value, (str, np.str_)) and str(value) in labels:
                codes[t, i] = labels.index(str(value))
            elif (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
                  and 0 <= int(value) < len(labels)):
                codes[t, i] = int(value)
            else:
                raise InvalidArgumentError(
                    f"choices row {t}: {value!r} is not an action of player "
                    f"{game.players[i]!r} (an index 0..{len(labels) - 1} or one of "
                    f"{', '.join(labels)})")
    return np.asarray(np.ravel_multi_index(tuple(codes.T), game.shape), dtype=np.int64)


def incidence(game: Game) -> tuple[FloatArray, FloatArray]:
    """Which actions each outcome takes (``(outcomes, M)``, 0/1, players' or information
    sets' actions in order) and the log-probability of its chance moves."""
    if isinstance(game, NormalFormGame):
        offsets = np.concatenate([[0], np.cumsum(game.shape)]).astype(int)
        profiles = np.indices(game.shape).reshape(game.n_players, -1).T
        out = np.zeros((len(profiles), int(offsets[-1])))
        for i in range(game.n_players):
            out[np.arange(len(profiles)), offsets[i] + profiles[:, i]] = 1.0
        return out, np.zeros(len(profiles))
    sizes = np.asarray(game.n_actions, dtype=int)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    parent, kind, infoset = game.parent, game.kind, game.infoset
    chance = np.asarray(game.float_chance_probability, dtype=np.float64)
    out = np.zeros((len(game.terminals), int(offsets[-1])))
    log_chance = np.zeros(len(game.terminals))
    for r, node in enumerate(np.asarray(game.terminals).tolist()):
        v = int(node)
        while v > 0:
            par = int(parent[v])
            if kind[par] == DECISION:
                out[r, offsets[infoset[par]] + v - int(game.child_offsets[par])] += 1.0
            else:
                log_chance[r] += np.log(chance[v]) if chance[v] > 0 else -np.inf
            v = par
    return out, log_chance


def covariates(names: tuple[str, ...], regressors: Any, n: int) -> Design:
    """Each basis' covariate matrix (a constant for a basis not named)."""
    if regressors is None:
        regressors = {}
    if not isinstance(regressors, Mapping):
        raise InvalidTypeError(
            f"regressors must be a mapping from a basis name ({', '.join(names)}) to its "
            f"covariates, got {type(regressors).__name__}")
    unknown = [key for key in regressors if key not in names]
    if unknown:
        raise InvalidArgumentError(
            f"regressors has {unknown[0]!r}, which is not a basis ({', '.join(names)})")
    spec = Spec("payoff basis", names, (), (), None, ("", ""), "", {})
    return design(spec, {name: regressors.get(name, 1) for name in names}, n=n)


def check_design(d: Design) -> None:
    for eq, x in d.matrices.items():
        if x.shape[1] and np.linalg.matrix_rank(x) < x.shape[1]:
            raise NotIdentifiedError(
                f"the covariates of basis {eq!r} ({', '.join(d.columns[eq])}) are collinear "
                f"(rank {np.linalg.matrix_rank(x)} of {x.shape[1]} columns): drop one")


def rows_of(regressors: Any) -> int:
    """The number of rows of the first covariate matrix in a mapping (1 if none has rows)."""
    for value in (regressors or {}).values():
        if hasattr(value, "shape") and len(getattr(value, "shape", ())) >= 1:
            return int(value.shape[0])
        if isinstance(value, Mapping):
            for col in value.values():
                if np.ndim(col) == 1:
                    return len(col)
        elif isinstance(value, (list, tuple)):
            return len(value)
    return 1
