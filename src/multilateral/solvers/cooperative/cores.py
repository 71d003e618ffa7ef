"""The core and the least core of a TU game, and the excesses they are made of.

The least core is one linear programme over the proper coalitions; the core is nonempty iff
its value is at most 0. For exact games the LP's vertex is re-derived in Fractions, so the
answers -- and whether the core is empty -- are exact. The overview is in
:mod:`multilateral.solvers.cooperative`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction
from ..._validation import DEFAULT_TOL, check_tol
from ...games.coalitional import TUGame
from ...tolerances import LP_FEASIBILITY, MATCH
from ...types import NumberArray
from ._common import (
    as_allocation,
    as_tu_game,
    check_lp_size,
    proper_coalitions,
    solve_lp,
    solve_rows,
)
from .results import Core, LeastCore

__all__ = ["core", "excesses", "least_core"]
__dir__ = public_dir(__all__)


def excesses(game: TUGame, allocation: ArrayLike) -> NumberArray:
    """The excess ``e(S, x) = v(S) - x(S)`` of every coalition, indexed by bitmask.

    A coalition's excess is its complaint against ``x``: how much more it could get alone.
    Exact (Fractions) when the game and the allocation are.

    See Also
    --------
    core : allocations with no positive excess.
    nucleolus : lexicographically minimal excesses.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.excesses(ml.games.TUGame.glove(1, 2), [1, 0, 0]).tolist()
    [Fraction(0, 1), Fraction(-1, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1),
     Fraction(0, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    game = as_tu_game(game)
    x = as_allocation(allocation, game.n_players)
    if game.is_exact and x.dtype.kind in "iuO":
        num, den = _excess_numerators(game, [Fraction(v) for v in x.tolist()])
        return np.array([Fraction(int(e), den) for e in num], dtype=object)
    return game.float_values - _subset_sums_float(np.asarray(x, float))


def least_core(game: TUGame) -> LeastCore:
    """The least core: minimize ``epsilon`` subject to ``x(S) >= v(S) - epsilon`` for every
    proper coalition and ``x(N) = v(N)``.

    Parameters
    ----------
    game : TUGame
        At least two and at most 16 players.

    Returns
    -------
    LeastCore
        ``epsilon`` and a point; exact for exact games.

    See Also
    --------
    core : the core (least-core value 0 or less).
    nucleolus : a point of the least core.
    LeastCore : what it returns.

    References
    ----------
    .. [1] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus, and related solution concepts. *Mathematics of Operations Research*
       4(4), 303-338.

    Examples
    --------
    Three players who split 1 by majority: every pair could take everything, so the core is
    empty, and the least core asks each pair to accept a shortfall of 1/3:

    >>> import multilateral as ml
    >>> majority = ml.games.TUGame.from_function(lambda s: int(len(s) >= 2), 3)
    >>> lc = ml.solvers.least_core(majority)
    >>> lc.exact_epsilon, lc.exact
    (Fraction(1, 3), (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)))
    """
    game = as_tu_game(game)
    check_lp_size(game, 2, "the least core")
    n = game.n_players
    masks, bits = proper_coalitions(n)
    scale = game.scale
    v = game.float_values / scale
    a_ub = -np.hstack([bits, np.ones((len(masks), 1))])
    a_eq = np.r_[np.ones(n), 0.0][None, :]
    cost = np.r_[np.zeros(n), 1.0]
    res = solve_lp(cost, a_ub, -v[masks], a_eq, np.array([v[-1]]), [(None, None)] * (n + 1),
                   "the least-core LP")
    z = np.asarray(res.x, dtype=float)
    eps = float(res.fun) * scale
    exact_eps: Fraction | None = None
    exact_x: tuple[Fraction, ...] | None = None
    slack = bits @ z[:n] + z[n] - v[masks]
    tight = np.flatnonzero(np.abs(slack) <= LP_FEASIBILITY)
    rows_float = np.vstack([a_eq, np.hstack([bits[tight], np.ones((len(tight), 1))])])
    rhs_idx = np.r_[(1 << n) - 1, masks[tight]]
    if game.is_exact:
        sol = solve_rows(rows_float, [game.values[int(m)] for m in rhs_idx])
        if sol is not None:
            xs, e_ex = sol[:n], sol[n]
            num, den = _excess_numerators(game, xs)
            worst = Fraction(int(max(num[1:-1])), den) if n >= 2 else Fraction(0)
            ok = sum(xs) == game.grand_value and worst <= e_ex
            if ok and abs(float(e_ex) - eps) <= MATCH * scale:
                exact_eps, exact_x = e_ex, tuple(xs)
    if exact_x is not None:
        allocation = np.array([float(v) for v in exact_x])
        eps = float(exact_eps)  # type: ignore[arg-type]
    else:
        allocation = z[:n] * scale
    return LeastCore(eps, allocation, exact_eps, exact_x)


def core(game: TUGame, *, tol: float = DEFAULT_TOL) -> Core:
    """The core: the allocations of ``v(N)`` that no coalition can improve on alone.

    The core is nonempty iff the least-core value is ``<= 0`` (Bondareva 1963, Shapley 1967:
    iff the game is balanced); the point returned is then the least-core vertex, which gives
    every coalition at least ``v(S) - epsilon >= v(S)``.

    Parameters
    ----------
    game : TUGame
        At most 16 players.
    tol : float, optional
        For float games, the core counts as nonempty when ``epsilon <= tol * scale``.

    Returns
    -------
    Core
        Whether it is empty, a point, and the inequalities that define it.

    See Also
    --------
    least_core : the core relaxed until it is non-empty.
    nucleolus : a point of the core when it is non-empty.
    shapley_value : another solution concept.
    Core : what it returns.

    References
    ----------
    .. [1] Gillies, D. B. (1959). Solutions to general non-zero-sum games. In *Contributions to
       the Theory of Games IV*, Annals of Mathematics Studies 40, 47-85.
    .. [2] Bondareva, O. N. (1963). Some applications of linear programming methods to the
       theory of cooperative games. *Problemy Kibernetiki* 10, 119-139.
    .. [3] Shapley, L. S. (1967). On balanced sets and cores. *Naval Research Logistics
       Quarterly* 14(4), 453-460.

    Examples
    --------
    The glove game's core gives the scarce left glove everything:

    >>> import multilateral as ml
    >>> c = ml.solvers.core(ml.games.TUGame.glove(1, 2))
    >>> c.is_empty, c.exact
    (False, (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)))
    >>> c.contains([1, 0, 0]), c.contains([0.5, 0.25, 0.25])
    (True, False)
    >>> majority = ml.games.TUGame.from_function(lambda s: int(len(s) >= 2), 3)
    >>> ml.solvers.core(majority)
    Core(empty)
    """
    game = as_tu_game(game)
    tol = check_tol(tol)
    check_lp_size(game, 1, "the core")
    n = game.n_players
    masks, bits = proper_coalitions(n)
    common = (masks, bits.astype(np.int64), game.values[masks], game.grand_value)
    if n == 1:
        v = game.grand_value
        exact = (as_fraction(v),) if game.is_exact else None
        return Core(False, np.array([float(v)]), exact, None, *common)
    lc = least_core(game)
    if lc.exact_epsilon is not None:  # exact: the sign of a Fraction
        empty = bool(lc.exact_epsilon > 0)
    else:
        empty = bool(lc.epsilon > tol * game.scale)
    if empty:
        return Core(True, None, None, lc, *common)
    return Core(False, lc.allocation, lc.exact, lc, *common)


# -- internals --------------------------------------------------------------------------------
def _subset_sums_float(x: NDArray[np.float64]) -> NDArray[np.float64]:
    sums = np.zeros(1)
    for xi in x:
        sums = np.concatenate([sums, sums + xi])
    return sums


def _excess_numerators(game: TUGame, x: list[Fraction]) -> tuple[NDArray[Any], int]:
    """``(num, d)`` with ``e(S, x) = num[S] / d`` for every bitmask, in integers."""
    ints, den = game.integer_values
    lx = math.lcm(*(f.denominator for f in x))
    d = math.lcm(den, lx)
    xi = [int(f * d) for f in x]
    big = max([abs(v) for v in xi] + [1]) * (1 << game.n_players) >= 2**60 or int(
        np.max(np.abs(ints))) * (d // den) >= 2**60
    dtype: Any = object if big or ints.dtype == object else np.int64
    sums = np.zeros(1, dtype=dtype)
    for v in xi:
        sums = np.concatenate([sums, sums + (v if dtype is object else np.int64(v))])
    vals = ints.astype(dtype) * (d // den)
    return vals - sums, d
