"""Power in any simple game by enumerating its ``2**n`` coalitions with numpy, exactly.

At most :data:`~multilateral.games.MAX_ENUMERATION_MEMBERS` members (composite games, and the
indices built on minimal winning coalitions).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidTypeError
from ...games.voting import (
    CompositeVotingGame,
    SimpleGame,
    WeightedVotingGame,
    minimal_winning_masks,
)

__all__ = [
    "coalition_sizes",
    "count_minimal",
    "enumerate_coalitions",
    "minimal_by_size",
    "swing_half",
    "swings_by_size",
]

_SIZES: dict[int, NDArray[np.uint8]] = {}


def coalition_sizes(n: int) -> NDArray[np.uint8]:
    """``popcount(mask)`` for all ``2**n`` masks (cached for n <= 20)."""
    if n in _SIZES:
        return _SIZES[n]
    sizes = np.zeros(1, dtype=np.uint8)
    for _ in range(n):
        sizes = np.concatenate([sizes, sizes + 1])
    if n <= 20:
        _SIZES[n] = sizes
    return sizes


def enumerate_coalitions(game: SimpleGame, what: str
                         ) -> tuple[NDArray[np.bool_], NDArray[np.uint8], int]:
    """The winning mask, the coalition sizes and ``n``, once the game is checked."""
    if not isinstance(game, SimpleGame):
        raise InvalidTypeError(
            f"expected a simple game (WeightedVotingGame or CompositeVotingGame), got "
            f"{type(game).__name__}")
    game.check_enumerable(what)
    return game.winning_mask(), coalition_sizes(game.n_members), game.n_members


def swing_half(win: NDArray[np.bool_], i: int, n: int) -> NDArray[np.bool_]:
    """For coalitions containing ``i`` (as the upper half of axis 1): does ``i`` swing them?"""
    halves = win.reshape(1 << (n - 1 - i), 2, 1 << i)
    return halves[:, 1, :] & ~halves[:, 0, :]


def swings_by_size(game: SimpleGame) -> NDArray[np.int64]:
    """``out[i, k]``: winning coalitions of size ``k`` that ``i`` swings (i included)."""
    if not isinstance(game, (WeightedVotingGame, CompositeVotingGame, SimpleGame)):
        raise InvalidTypeError(f"expected a simple game, got {type(game).__name__}")
    win, sizes, n = enumerate_coalitions(game, "power indices of this game")
    out = np.zeros((n, n + 1), dtype=np.int64)
    for i in range(n):
        swing = swing_half(win, i, n)
        with_i = sizes.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :]
        out[i] = np.bincount(with_i[swing], minlength=n + 1)
    return out


def minimal_by_size(game: SimpleGame, what: str) -> NDArray[np.int64]:
    """``out[i, k]``: minimal winning coalitions of size ``k`` containing ``i``."""
    _, sizes, n = enumerate_coalitions(game, what)
    masks = minimal_winning_masks(game)
    msizes = sizes[masks]
    out = np.zeros((n, n + 1), dtype=np.int64)
    for i in range(n):
        has = (masks >> i) & 1 == 1
        out[i] = np.bincount(msizes[has], minlength=n + 1)
    return out


def count_minimal(table: NDArray[np.int64]) -> int:
    # each minimal coalition of size k appears in k rows of column k
    return sum(int(table[:, k].sum()) // k for k in range(1, table.shape[1]))
