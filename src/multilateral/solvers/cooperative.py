"""Solutions of TU games: the Shapley value, the core, the least core and the nucleolus.

The Shapley value is a closed-form sum over coalitions, computed exactly (in Fractions for
exact games) and vectorized over bitmasks. The core, the least core and the nucleolus are
linear programmes over all ``2**n - 2`` proper coalitions, solved with scipy's HiGHS; when the
game is exact, the optimal vertex is re-derived in rational arithmetic from the constraints
that are tight at the LP's answer (as :func:`~multilateral.solvers.correlated_equilibrium`
does), so the answers -- and whether the core is empty -- are exact.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.linalg
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linprog

from .._namespace import public_dir
from .._numeric import format_values, popcount, readonly, solve_exact
from .._validation import DEFAULT_TOL, as_number_array, check_tol
from ..errors import InvalidArgumentError, InvalidGameError, InvalidTypeError, SolverError
from ..games.coalitional import TUGame
from ..tolerances import LP_FEASIBILITY
from ..types import Number, NumberArray

__all__ = [
    "Core",
    "LeastCore",
    "Nucleolus",
    "core",
    "excesses",
    "least_core",
    "nucleolus",
    "shapley_value",
]
__dir__ = public_dir(__all__)

LP_MAX_PLAYERS = 16  # 2**16 - 2 = 65534 coalition constraints
_TIGHT = LP_FEASIBILITY  # on the scaled LP, slacks this small are tight (HiGHS's tolerance is 1e-7)
_DUAL = 1e-9  # dual values above this are positive (the duals of one LP sum to 1)
_MATCH = 1e-6  # an exact re-derivation must agree with the LP to this (relative) precision
_RANK = 1e-9  # a (relative) residual or pivot below this is linear dependence


# -- results ----------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class LeastCore:
    """The least core: the allocations whose largest excess ``v(S) - x(S)`` is smallest.

    Attributes
    ----------
    epsilon : float
        The least-core value ``min_x max_{S proper} v(S) - x(S)``; the core is nonempty iff
        ``epsilon <= 0``.
    allocation : numpy.ndarray
        A point of the least core (a vertex of it).
    exact_epsilon : Fraction or None
        ``epsilon`` in exact arithmetic (exact games).
    exact : tuple of Fraction or None
        ``allocation`` in exact arithmetic (exact games).

    See Also
    --------
    least_core : returns it.
    Core : the core.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.least_core(glove)
    LeastCore(epsilon=0, allocation=[1, 0, 0])
    """

    epsilon: float
    allocation: NDArray[np.float64]
    exact_epsilon: Fraction | None = None
    exact: tuple[Fraction, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "allocation", readonly(self.allocation))

    def __repr__(self) -> str:
        eps = self.exact_epsilon if self.exact_epsilon is not None else f"{self.epsilon:.6g}"
        return f"LeastCore(epsilon={eps}, allocation={format_values(self.allocation)})"


@dataclass(frozen=True, repr=False)
class Core:
    """The core of a TU game as a system of linear inequalities, and one point of it.

    An allocation ``x`` is in the core iff ``x.sum() == total`` and
    ``constraints @ x >= bounds``: no coalition can do better on its own.

    Attributes
    ----------
    is_empty : bool
        Whether no allocation satisfies every coalition (exact for exact games).
    allocation : numpy.ndarray or None
        A point of the core (a vertex of the least core, which lies in the core when the core
        is nonempty), ``None`` when the core is empty.
    exact : tuple of Fraction or None
        The same point in exact arithmetic (exact games with a nonempty core).
    least_core : LeastCore or None
        The least-core LP that decided emptiness (``None`` for a one-player game).
    coalitions : numpy.ndarray
        The bitmasks of the proper coalitions ``S``, one per constraint row.
    constraints : numpy.ndarray
        Shape ``(2**n - 2, n)``: row ``k`` is the 0/1 indicator of ``coalitions[k]``.
    bounds : numpy.ndarray
        ``v(S)`` for each row (exact when the game is).
    total : number
        ``v(N)``: the allocation's sum.

    See Also
    --------
    core : returns it.
    LeastCore : the least core.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.core(glove).exact
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """

    is_empty: bool
    allocation: NDArray[np.float64] | None
    exact: tuple[Fraction, ...] | None
    least_core: LeastCore | None
    coalitions: NDArray[np.int64]
    constraints: NDArray[np.int64]
    bounds: NumberArray
    total: Number

    def __post_init__(self) -> None:
        if self.allocation is not None:
            object.__setattr__(self, "allocation",
                               readonly(self.allocation))
        for name in ("coalitions", "constraints", "bounds"):
            object.__setattr__(self, name, readonly(getattr(self, name), dtype=None))

    def contains(self, allocation: ArrayLike, *, tol: float = DEFAULT_TOL) -> bool:
        """Whether ``allocation`` is in the core (exactly, for exact games and allocations).

        Parameters
        ----------
        allocation : array_like
            One payoff per player.
        tol : float, optional
            For float input, shortfalls up to ``tol * scale`` are ignored.
        """
        tol = check_tol(tol)
        n = self.constraints.shape[1]
        x = _as_allocation(allocation, n)
        exact = x.dtype.kind in "iuO" and self.bounds.dtype.kind in "iuO" and isinstance(
            self.total, (int, np.integer, Fraction))
        if exact:
            xs = [Fraction(v) for v in x.tolist()]
            if sum(xs) != self.total:
                return False
            sums = _subset_sums(xs, n)
            return all(sums[int(m)] >= b for m, b in zip(self.coalitions, self.bounds.tolist(),
                                                          strict=True))
        xf = np.asarray(x, dtype=float)
        scale = max(1.0, float(np.max(np.abs(np.asarray(self.bounds, float)), initial=0.0)),
                    abs(float(self.total)))
        if abs(xf.sum() - float(self.total)) > tol * scale:
            return False
        return bool(np.all(self.constraints @ xf >= np.asarray(self.bounds, float) - tol * scale))

    def __repr__(self) -> str:
        if self.is_empty:
            return "Core(empty)"
        assert self.allocation is not None
        return f"Core(nonempty, e.g. {format_values(self.allocation)})"


@dataclass(frozen=True, repr=False)
class Nucleolus:
    """The nucleolus: the allocation that lexicographically minimizes the sorted excesses.

    Attributes
    ----------
    allocation : numpy.ndarray
        The nucleolus.
    exact : tuple of Fraction or None
        The nucleolus in exact arithmetic (exact games).
    levels : tuple of float
        The excess levels ``eps_1 >= eps_2 >= ...`` fixed by the successive LPs (``eps_1`` is
        the least-core value over imputations).
    level_coalitions : tuple of tuple of tuple of int
        The coalitions whose excess was fixed at each level.
    exact_levels : tuple of Fraction or None
        ``levels`` in exact arithmetic.
    n_lps : int
        How many linear programmes were solved.
    individually_rational : bool
        True for the nucleolus (over imputations), False for the prenucleolus.

    See Also
    --------
    nucleolus : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> glove = ml.games.TUGame.glove(1, 2)
    >>> ml.solvers.nucleolus(glove)
    Nucleolus([1, 0, 0]; 2 LPs)
    """

    allocation: NDArray[np.float64]
    exact: tuple[Fraction, ...] | None
    levels: tuple[float, ...]
    level_coalitions: tuple[tuple[tuple[int, ...], ...], ...]
    exact_levels: tuple[Fraction, ...] | None
    n_lps: int
    individually_rational: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "allocation", readonly(self.allocation))

    def __repr__(self) -> str:
        name = "Nucleolus" if self.individually_rational else "Prenucleolus"
        return f"{name}({format_values(self.allocation)}; {self.n_lps} LPs)"


# -- the Shapley value --------------------------------------------------------------------------
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
    game = _as_tu_game(game)
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


# -- excesses -----------------------------------------------------------------------------------
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
    game = _as_tu_game(game)
    x = _as_allocation(allocation, game.n_players)
    if game.is_exact and x.dtype.kind in "iuO":
        num, den = _excess_numerators(game, [Fraction(v) for v in x.tolist()])
        return np.array([Fraction(int(e), den) for e in num], dtype=object)
    return game.float_values - _subset_sums_float(np.asarray(x, float))


# -- the least core and the core ----------------------------------------------------------------
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
    game = _as_tu_game(game)
    _check_lp_size(game, 2, "the least core")
    n = game.n_players
    masks, bits = _proper(n)
    scale = game.scale
    v = game.float_values / scale
    a_ub = -np.hstack([bits, np.ones((len(masks), 1))])
    a_eq = np.r_[np.ones(n), 0.0][None, :]
    cost = np.r_[np.zeros(n), 1.0]
    res = _linprog(cost, a_ub, -v[masks], a_eq, np.array([v[-1]]), [(None, None)] * (n + 1),
                   "the least-core LP")
    z = np.asarray(res.x, dtype=float)
    eps = float(res.fun) * scale
    exact_eps: Fraction | None = None
    exact_x: tuple[Fraction, ...] | None = None
    slack = bits @ z[:n] + z[n] - v[masks]
    tight = np.flatnonzero(np.abs(slack) <= _TIGHT)
    rows_float = np.vstack([a_eq, np.hstack([bits[tight], np.ones((len(tight), 1))])])
    rhs_idx = np.r_[(1 << n) - 1, masks[tight]]
    if game.is_exact:
        sol = _solve_rows(rows_float, [game.values[int(m)] for m in rhs_idx])
        if sol is not None:
            xs, e_ex = sol[:n], sol[n]
            num, den = _excess_numerators(game, xs)
            worst = Fraction(int(max(num[1:-1])), den) if n >= 2 else Fraction(0)
            ok = sum(xs) == game.grand_value and worst <= e_ex
            if ok and abs(float(e_ex) - eps) <= _MATCH * scale:
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
    game = _as_tu_game(game)
    tol = check_tol(tol)
    _check_lp_size(game, 1, "the core")
    n = game.n_players
    masks, bits = _proper(n)
    common = (masks, bits.astype(np.int64), game.values[masks], game.grand_value)
    if n == 1:
        v = game.grand_value
        exact = (_frac(v),) if game.is_exact else None
        return Core(False, np.array([float(v)]), exact, None, *common)
    lc = least_core(game)
    if lc.exact_epsilon is not None:  # exact: the sign of a Fraction
        empty = bool(lc.exact_epsilon > 0)
    else:
        empty = bool(lc.epsilon > tol * game.scale)
    if empty:
        return Core(True, None, None, lc, *common)
    return Core(False, lc.allocation, lc.exact, lc, *common)


# -- the nucleolus ------------------------------------------------------------------------------
def nucleolus(game: TUGame, *, individually_rational: bool = True) -> Nucleolus:
    """The nucleolus (Schmeidler 1969) by sequential linear programmes.

    Among the imputations (``x(N) = v(N)``, ``x_i >= v({i})``), the nucleolus makes the
    largest excess ``v(S) - x(S)`` as small as possible, then the next largest, and so on
    lexicographically. Each LP minimizes the largest excess among the coalitions not yet
    fixed; the coalitions whose constraint carries a positive dual value (tight in *every*
    optimal solution, by complementary slackness) are then fixed at that level, as are the
    coalitions whose excess the fixed ones determine (Kopelowitz 1967; Maschler, Peleg and
    Shapley 1979). Each round raises the rank of the fixed system, so at most ``n`` LPs are
    needed. For exact games the nucleolus and the levels are re-derived exactly from the
    fixed equalities.

    Parameters
    ----------
    game : TUGame
        At most 16 players (practical up to about 12-14).
    individually_rational : bool, optional
        True (default): the nucleolus over imputations, which needs a nonempty imputation set
        ``v(N) >= sum_i v({i})`` (every superadditive game has one). False: the prenucleolus,
        over all allocations of ``v(N)``.

    Returns
    -------
    Nucleolus

    Raises
    ------
    InvalidGameError
        If ``individually_rational`` and the game has no imputation.

    See Also
    --------
    shapley_value : another single-valued solution.
    core : contains the nucleolus when non-empty.
    least_core : the first step of the nucleolus.
    excesses : the excesses it minimizes.

    References
    ----------
    .. [1] Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM
       Journal on Applied Mathematics* 17(6), 1163-1170.
    .. [2] Kopelowitz, A. (1967). Computation of the kernels of simple games and the nucleolus
       of n-person games. Research Memorandum 31, Hebrew University of Jerusalem.
    .. [3] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus, and related solution concepts. *Mathematics of Operations Research*
       4(4), 303-338.
    .. [4] Guajardo, M. and Jörnsten, K. (2015). Common mistakes in computing the nucleolus.
       *European Journal of Operational Research* 241(3), 931-935.

    Examples
    --------
    The Talmud's estate of 200 between claims of 100, 200 and 300 (Aumann and Maschler 1985):

    >>> import multilateral as ml
    >>> talmud = ml.games.TUGame.bankruptcy(200, [100, 200, 300])
    >>> ml.solvers.nucleolus(talmud).exact
    (Fraction(50, 1), Fraction(75, 1), Fraction(75, 1))
    """
    game = _as_tu_game(game)
    if not isinstance(individually_rational, (bool, np.bool_)):
        raise InvalidTypeError(
            f"individually_rational must be True or False, got {individually_rational!r}")
    individually_rational = bool(individually_rational)
    _check_lp_size(game, 1, "the nucleolus")
    n = game.n_players
    ir = individually_rational
    if ir and _no_imputation(game):
        singles = sum(game.values[1 << i] for i in range(n))
        witness = game.superadditivity_violation() if n <= 12 else None
        why = ""
        if witness is not None:
            s, t, u = ("{" + ", ".join(map(str, c)) + "}"
                       for c in (*witness, sorted(witness[0] + witness[1])))
            why = f" (it is not superadditive: v({s}) + v({t}) > v({u}))"
        raise InvalidGameError(
            "the nucleolus is defined on the imputations, and this game has none: "
            f"v(N) = {game.grand_value} < sum of v({{i}}) = {singles}{why}. Every "
            "superadditive game has imputations; pass individually_rational=False for the "
            "prenucleolus"
        )
    if n == 1:
        alone = (_frac(game.grand_value),) if game.is_exact else None
        return Nucleolus(np.array([float(game.grand_value)]), alone, (), (),
                         () if alone else None, 0, ir)
    scale = game.scale
    v = game.float_values / scale
    masks, bits_int = _proper(n)
    bits = bits_int.astype(float)
    remaining = np.ones(len(masks), dtype=bool)
    eq_rows: list[NDArray[np.float64]] = [np.ones(n)]  # x . row = rhs (scaled)
    eq_rhs: list[float] = [float(v[-1])]
    basis = np.ones((1, n)) / math.sqrt(n)  # orthonormal rows spanning eq_rows
    fixed_bounds: set[int] = set()
    levels: list[float] = []
    level_masks: list[list[int]] = []
    n_lps = 0
    z = np.zeros(n + 1)
    while basis.shape[0] < n:
        rows = np.flatnonzero(remaining)
        a_ub = -np.hstack([bits[rows], np.ones((len(rows), 1))])
        b_ub = -v[masks[rows]]
        a_eq = np.hstack([np.array(eq_rows), np.zeros((len(eq_rows), 1))])
        bounds: list[tuple[float | None, float | None]] = [
            (float(v[1 << i]) if ir and i not in fixed_bounds else None, None)
            for i in range(n)]
        bounds.append((None, None))
        res = _linprog(np.r_[np.zeros(n), 1.0], a_ub, b_ub, a_eq, np.array(eq_rhs), bounds,
                       f"nucleolus LP {n_lps + 1}")
        n_lps += 1
        z = np.asarray(res.x, dtype=float)
        eps = float(res.fun)
        duals = -np.asarray(res.ineqlin.marginals, dtype=float)
        fix = rows[duals > _DUAL]
        if not len(fix):  # cannot happen with exact duals (they sum to 1); be safe
            fix = rows[[int(np.argmax(duals))]]
        new_rows: list[NDArray[np.float64]] = []
        for k in fix:
            eq_rows.append(bits[k])
            eq_rhs.append(float(v[masks[k]]) - eps)
            new_rows.append(bits[k])
        remaining[fix] = False
        if ir:
            lower = np.asarray(res.lower.marginals, dtype=float)
            for i in range(n):
                if i not in fixed_bounds and lower[i] > _DUAL:
                    fixed_bounds.add(i)
                    unit = np.zeros(n)
                    unit[i] = 1.0
                    eq_rows.append(unit)
                    eq_rhs.append(float(v[1 << i]))
                    new_rows.append(unit)
        levels.append(eps)
        level_masks.append([int(masks[k]) for k in fix])
        basis = _extend_basis(basis, new_rows)
        if basis.shape[0] < n and remaining.any():  # drop coalitions the fixed ones determine
            rest = np.flatnonzero(remaining)
            resid = bits[rest] - (bits[rest] @ basis.T) @ basis
            remaining[rest[np.linalg.norm(resid, axis=1) <= _RANK]] = False
    allocation = z[:n] * scale
    exact: tuple[Fraction, ...] | None = None
    exact_levels: tuple[Fraction, ...] | None = None
    if game.is_exact:
        solved = _exact_nucleolus(game, level_masks, fixed_bounds, allocation, levels, scale,
                                  ir)
        if solved is not None:
            exact, exact_levels = solved
            allocation = np.array([float(x) for x in exact])
    return Nucleolus(
        allocation=allocation,
        exact=exact,
        levels=tuple(e * scale for e in levels) if exact_levels is None
        else tuple(float(e) for e in exact_levels),
        level_coalitions=tuple(tuple(game.members(m) for m in ms) for ms in level_masks),
        exact_levels=exact_levels,
        n_lps=n_lps,
        individually_rational=ir,
    )


# -- internals ----------------------------------------------------------------------------------
def _as_tu_game(game: Any) -> TUGame:
    if not isinstance(game, TUGame):
        raise InvalidTypeError(
            f"expected a TUGame (a coalitional game), got {type(game).__name__}; build one with "
            "ml.games.TUGame(values) or TUGame.from_dict / from_function"
        )
    return game


def _check_lp_size(game: TUGame, minimum: int, what: str) -> None:
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


def _as_allocation(allocation: ArrayLike, n: int) -> NDArray[Any]:
    x = as_number_array(allocation, name="allocation")
    if x.shape != (n,):
        raise InvalidArgumentError(
            f"an allocation gives one payoff per player ({n}); got shape {x.shape}")
    return x


def _proper(n: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Bitmasks of the proper nonempty coalitions and their 0/1 indicator rows."""
    masks = np.arange(1, (1 << n) - 1, dtype=np.int64)
    return masks, (masks[:, None] >> np.arange(n)) & 1


def _no_imputation(game: TUGame) -> bool:
    singles = game.values[[1 << i for i in range(game.n_players)]]
    if game.is_exact:
        return bool(sum(Fraction(s) for s in singles.tolist()) > game.grand_value)
    return float(np.sum(singles)) - float(game.grand_value) > DEFAULT_TOL * game.scale


def _linprog(cost: Any, a_ub: Any, b_ub: Any, a_eq: Any, b_eq: Any, bounds: Any,
             what: str) -> Any:
    # dual simplex ends on a vertex (which the exact re-derivation needs) and reports duals
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                  method="highs-ds")
    if res.status != 0:
        raise SolverError(f"{what} failed: {res.message}")
    return res


def _subset_sums(x: list[Fraction], n: int) -> list[Fraction]:
    """``x(S)`` for every bitmask ``S``, exactly."""
    sums = [Fraction(0)]
    for i in range(n):
        sums += [s + x[i] for s in sums]
    return sums


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


def _independent(rows: NDArray[np.float64]) -> NDArray[np.intp]:
    """Indices of a maximal set of linearly independent rows (QR with column pivoting)."""
    if not len(rows):
        return np.zeros(0, dtype=np.intp)
    _, r, piv = scipy.linalg.qr(rows.T, pivoting=True, mode="economic")
    diag = np.abs(np.diag(r))
    rank = int(np.sum(diag > _RANK * max(1.0, float(diag[0]) if len(diag) else 1.0)))
    return np.sort(piv[:rank])


def _solve_rows(rows: NDArray[np.float64], rhs: list[Any]) -> list[Fraction] | None:
    """The unique exact solution of ``rows @ y = rhs`` (rows are small integers), or None."""
    keep = _independent(rows)
    if len(keep) != rows.shape[1]:
        return None
    ints = np.rint(rows[keep]).astype(np.int64)
    system = np.hstack([ints.astype(object), np.array([[-_frac(rhs[k])] for k in keep],
                                                      dtype=object)])
    sums = np.zeros(rows.shape[1] + 1, dtype=np.int64)
    sums[-1] = 1
    solved = solve_exact([*system.tolist(), sums.tolist()], [0] * len(system) + [1])
    if solved is None:
        return None
    return solved[:-1]


def _frac(v: Any) -> Fraction:
    """A number as a Fraction of Python ints (numpy integers included)."""
    return Fraction(int(v)) if isinstance(v, numbers.Integral) else Fraction(v)


def _extend_basis(basis: NDArray[np.float64], rows: list[NDArray[np.float64]]
                  ) -> NDArray[np.float64]:
    """Gram-Schmidt: add the rows' components outside span(basis)."""
    out = [b for b in basis]
    for r in rows:
        w = r.astype(float).copy()
        for _ in range(2):  # twice is enough for orthogonality in floats
            for b in out:
                w -= (w @ b) * b
        norm = float(np.linalg.norm(w))
        if norm > _RANK:
            out.append(w / norm)
    return np.array(out)


def _exact_nucleolus(
    game: TUGame, level_masks: list[list[int]], fixed_bounds: set[int],
    approx: NDArray[np.float64], levels: list[float], scale: float, ir: bool,
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]] | None:
    """Solve the fixed equalities exactly: ``x(N) = v(N)``, ``x(S) + eps_k = v(S)`` for the
    coalitions fixed at level ``k``, ``x_i = v({i})`` for the bounds fixed; unknowns ``x`` and
    the levels. Returns None unless the solution is unique and agrees with the LPs."""
    n, k_levels = game.n_players, len(level_masks)
    rows: list[NDArray[np.float64]] = []
    rhs: list[Any] = []
    full = np.zeros(n + k_levels)
    full[:n] = 1
    rows.append(full)
    rhs.append(game.grand_value)
    for k, ms in enumerate(level_masks):
        for m in ms:
            row = np.zeros(n + k_levels)
            row[:n] = [(m >> i) & 1 for i in range(n)]
            row[n + k] = 1
            rows.append(row)
            rhs.append(game.values[m])
    for i in sorted(fixed_bounds):
        row = np.zeros(n + k_levels)
        row[i] = 1
        rows.append(row)
        rhs.append(game.values[1 << i])
    matrix = np.array(rows)
    sol = _solve_rows(matrix, rhs)
    if sol is None:
        return None
    # every equality, not only the independent ones, must hold exactly
    for row, b in zip(matrix, rhs, strict=True):
        lhs = sum((s for s, c in zip(sol, row, strict=True) if c), Fraction(0))
        if lhs != _frac(b):
            return None
    x, eps = sol[:n], sol[n:]
    if ir and any(x[i] < _frac(game.values[1 << i]) for i in range(n)):
        return None
    if any(abs(float(a) - b) > _MATCH * scale for a, b in zip(x, approx, strict=True)):
        return None
    if any(abs(float(a) - b * scale) > _MATCH * scale for a, b in zip(eps, levels, strict=True)):
        return None
    return tuple(x), tuple(eps)
