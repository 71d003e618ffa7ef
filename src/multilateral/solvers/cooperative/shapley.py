"""The Shapley value of a TU game: a closed-form sum over coalitions, grouped by size.

Exact (Fractions) for exact games, vectorized over bitmasks. The overview is in
:mod:`multilateral.solvers.cooperative`.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from ..._namespace import public_dir
from ..._numeric import popcount
from ...games.coalitional import TUGame
from ...types import NumberArray
from ._common import as_tu_game

__all__ = ["shapley_value"]
__dir__ = public_dir(__all__)


def shapley_value(game: TUGame) -> NumberArray:
    """The Shapley value: each player's average marginal contribution over all orders.

    ``phi_i = sum_{S not containing i} |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))``,
    computed by grouping coalitions by size, in ``O(n * 2**n)``.

    Parameters
    ----------
    game : TUGame
        Any TU game (up to 20 players); superadditivity is not needed.

    Returns
    -------
    numpy.ndarray
        One value per player: Fractions (``object`` dtype) for exact games, floats otherwise.

    See Also
    --------
    core : the allocations no coalition can improve on.
    nucleolus : the allocation minimizing the largest excesses.
    multilateral.solvers.shapley_shubik : the Shapley value of a voting game.

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In Kuhn, H. W. and Tucker, A. W.
       (eds.), *Contributions to the Theory of Games II*, Annals of Mathematics Studies 28,
       307-317.

    Examples
    --------
    The glove game with one left glove (player 0) and two right gloves:

    >>> import multilateral as ml
    >>> ml.solvers.shapley_value(ml.games.TUGame.glove(1, 2)).tolist()
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    """
    game = as_tu_game(game)
    n = game.n_players
    ints, den = game.integer_values
    masks = np.arange(1 << n, dtype=np.int64)
    size = popcount(masks)
    exact = game.is_exact
    if exact and ints.dtype != object and int(np.max(np.abs(ints))) >= 2**62 >> n:
        ints = ints.astype(object)  # the sums by size could overflow int64
    inside = []  # inside[s][i] = sum of v(S) over |S| = s containing i
    total = []  # total[s] = sum of v(S) over |S| = s
    for s in range(n + 1):
        sel = masks[size == s]
        bits = (sel[:, None] >> np.arange(n)) & 1
        vals = ints[sel]
        if vals.dtype == object:
            bits = bits.astype(object)
        inside.append(bits.T @ vals)
        total.append(vals.sum())
    if exact:
        fact = [math.factorial(k) for k in range(n + 1)]
        nums = []
        for i in range(n):
            num = 0
            for s in range(n + 1):
                t_is = int(inside[s][i])
                if s >= 1:  # S contains i: weight (s - 1)! (n - s)!
                    num += fact[s - 1] * fact[n - s] * t_is
                if s <= n - 1:  # S lacks i: weight s! (n - s - 1)!
                    num -= fact[s] * fact[n - s - 1] * (int(total[s]) - t_is)
            nums.append(Fraction(num, fact[n] * den))
        return np.array(nums, dtype=object)
    a = np.array([float(Fraction(math.factorial(s - 1) * math.factorial(n - s),
                                 math.factorial(n))) if s >= 1 else 0.0 for s in range(n + 1)])
    b = np.array([float(Fraction(math.factorial(s) * math.factorial(n - s - 1),
                                 math.factorial(n))) if s <= n - 1 else 0.0
                  for s in range(n + 1)])
    t_mat = np.stack([np.asarray(t, dtype=float) for t in inside], axis=1)  # (n, n + 1)
    u = np.asarray(total, dtype=float)
    return np.asarray(t_mat @ a - (u[None, :] - t_mat) @ b, dtype=np.float64)
