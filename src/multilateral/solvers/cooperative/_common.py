"""What the TU-game solvers share: argument checks, the coalition LPs and exact re-derivation.

The LPs run over all ``2**n - 2`` proper coalitions (at most :data:`LP_MAX_PLAYERS` players)
with scipy's HiGHS dual simplex, which ends on a vertex and reports duals;
:func:`solve_rows` re-derives such a vertex exactly from the constraints tight at it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import scipy.linalg
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linprog

from ..._numeric import as_fraction, solve_exact
from ..._validation import as_number_array
from ...errors import InvalidArgumentError, InvalidGameError, InvalidTypeError, SolverError
from ...games.coalitional import TUGame
from ...tolerances import RANK

__all__ = [
    "LP_MAX_PLAYERS",
    "as_allocation",
    "as_tu_game",
    "check_lp_size",
    "proper_coalitions",
    "solve_lp",
    "solve_rows",
]

LP_MAX_PLAYERS = 16  # 2**16 - 2 = 65534 coalition constraints


def as_tu_game(game: Any) -> TUGame:
    if not isinstance(game, TUGame):
        raise InvalidTypeError(
            f"expected a TUGame (a coalitional game), got {type(game).__name__}; build one with "
            "ml.games.TUGame(values) or TUGame.from_dict / from_function"
        )
    return game


def check_lp_size(game: TUGame, minimum: int, what: str) -> None:
    n = game.n_players
    if n < minimum:
        raise InvalidGameError(
            f"{what} needs at least {minimum} players (a one-player game has no proper "
            "coalition); got 1")
    if n > LP_MAX_PLAYERS:
        raise InvalidGameError(
            f"{what} is a linear programme over all 2**n - 2 coalitions; at most "
            f"{LP_MAX_PLAYERS} players are supported, got {n}"
        )


def as_allocation(allocation: ArrayLike, n: int) -> NDArray[Any]:
    x = as_number_array(allocation, name="allocation")
    if x.shape != (n,):
        raise InvalidArgumentError(
            f"an allocation gives one payoff per player ({n}); got shape {x.shape}")
    return x


def proper_coalitions(n: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Bitmasks of the proper nonempty coalitions and their 0/1 indicator rows."""
    masks = np.arange(1, (1 << n) - 1, dtype=np.int64)
    return masks, (masks[:, None] >> np.arange(n)) & 1


def solve_lp(cost: Any, a_ub: Any, b_ub: Any, a_eq: Any, b_eq: Any, bounds: Any,
             what: str) -> Any:
    # dual simplex ends on a vertex (which the exact re-derivation needs) and reports duals
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                  method="highs-ds")
    if res.status != 0:
        raise SolverError(f"{what} failed: {res.message}")
    return res


def _independent(rows: NDArray[np.float64]) -> NDArray[np.intp]:
    """Indices of a maximal set of linearly independent rows (QR with column pivoting)."""
    if not len(rows):
        return np.zeros(0, dtype=np.intp)
    _, r, piv = scipy.linalg.qr(rows.T, pivoting=True, mode="economic")
    diag = np.abs(np.diag(r))
    rank = int(np.sum(diag > RANK * max(1.0, float(diag[0]) if len(diag) else 1.0)))
    return np.sort(piv[:rank])


def solve_rows(rows: NDArray[np.float64], rhs: list[Any]) -> list[Fraction] | None:
    """The unique exact solution of ``rows @ y = rhs`` (rows are small integers), or None."""
    keep = _independent(rows)
    if len(keep) != rows.shape[1]:
        return None
    ints = np.rint(rows[keep]).astype(np.int64)
    system = np.hstack([ints.astype(object), np.array([[-as_fraction(rhs[k])] for k in keep],
                                                      dtype=object)])
    sums = np.zeros(rows.shape[1] + 1, dtype=np.int64)
    sums[-1] = 1
    solved = solve_exact([*system.tolist(), sums.tolist()], [0] * len(system) + [1])
    if solved is None:
        return None
    return solved[:-1]
