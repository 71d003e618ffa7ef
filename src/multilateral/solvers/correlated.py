"""Correlated equilibria of N-player games by linear programming.

A correlated equilibrium (Aumann 1974) is a probability distribution over action profiles,
drawn by a mediator who privately tells each player their own part, such that no player
gains by disobeying the recommendation. The set of them is a polytope cut out by linear
*incentive constraints*, so the best one for any linear objective is a linear programme,
solved here with scipy's HiGHS and, when the payoffs are exact, re-derived in exact
rational arithmetic at the optimal vertex.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linprog

from .._namespace import public_dir
from .._numeric import as_fraction, solve_exact
from .._validation import DEFAULT_TOL, as_number_array, check_tol
from ..errors import InvalidArgumentError, InvalidProbabilityError, SolverError
from ..games.normal_form import NormalFormGame
from ..results import CorrelatedEquilibrium
from ..tolerances import HIGHS_TIGHT, LP_TIGHT, MATCH, PROBABILITY, ROUNDING
from ..types import NumberArray
from ._checks import as_game

__all__ = [
    "CorrelatedPolytope",
    "correlated_equilibrium",
    "correlated_polytope",
    "is_correlated_equilibrium",
]
__dir__ = public_dir(__all__)

# The exact re-derivation solves a rational linear system in the support's size; beyond
# this many profiles in the support the float answer is returned alone.
_EXACT_SUPPORT_LIMIT = 80
# HiGHS's defaults first; if its 1e-7 feasibility tolerance hides a violation (payoffs near
# 1e-7), once more with tight tolerances and without presolve (which with tight tolerances
# can wrongly report infeasibility).
_HIGHS_ATTEMPTS: tuple[dict[str, Any], ...] = (
    {},
    {"presolve": False, "primal_feasibility_tolerance": HIGHS_TIGHT,
     "dual_feasibility_tolerance": HIGHS_TIGHT},
)


@dataclass(frozen=True, repr=False)
class CorrelatedPolytope:
    """The incentive constraints that define the correlated equilibria of a game.

    A distribution ``x`` over action profiles (flattened in C order) is a correlated
    equilibrium exactly when ``x >= 0``, ``x.sum() == 1`` and ``constraints @ x >= 0``.

    Attributes
    ----------
    constraints : numpy.ndarray
        Shape ``(m, n_1 * ... * n_N)``; row ``k`` is the expected gain of obeying rather than
        deviating for the recommendation and deviation in ``rows[k]``. Exact (``int64`` or
        Fraction) when the game's payoffs are.
    rows : tuple of tuple of int
        ``(player, recommended action, deviation)`` for each row, ``m = sum_i n_i (n_i - 1)``.
    shape : tuple of int
        The game's numbers of actions.

    See Also
    --------
    correlated_polytope : returns it.
    correlated_equilibrium : one optimal point of it.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> ml.solvers.correlated_polytope(pd)
    CorrelatedPolytope(4 incentive constraints on (2, 2) profiles)
    """

    constraints: NumberArray
    rows: tuple[tuple[int, int, int], ...]
    shape: tuple[int, ...]

    def gains(self, distribution: ArrayLike) -> NumberArray:
        """Each row's gain from obeying under ``distribution`` (negative = an incentive to deviate).

        Exact when both the constraints and the distribution are exact.
        """
        x = _as_distribution(distribution, self.shape).ravel()
        return np.asarray(self.constraints @ x)

    def __repr__(self) -> str:
        n_rows = len(self.rows)
        return f"CorrelatedPolytope({n_rows} incentive constraints on {self.shape} profiles)"


def correlated_polytope(game: NormalFormGame) -> CorrelatedPolytope:
    """The incentive constraints of a game's correlated equilibria.

    For player ``i`` told to play ``a`` and tempted by ``b``, the constraint is
    ``sum_{s_-i} x(a, s_-i) [u_i(a, s_-i) - u_i(b, s_-i)] >= 0`` (Aumann 1987).

    Parameters
    ----------
    game : NormalFormGame
        Any finite game.

    Returns
    -------
    CorrelatedPolytope

    See Also
    --------
    correlated_equilibrium : an optimal correlated equilibrium.
    is_correlated_equilibrium : check a distribution.
    CorrelatedPolytope : what it returns.

    References
    ----------
    .. [1] Aumann, R. J. (1987). Correlated equilibrium as an expression of Bayesian
       rationality. *Econometrica* 55(1), 1-18.

    Examples
    --------
    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
    >>> poly = ml.solvers.correlated_polytope(chicken)
    >>> poly
    CorrelatedPolytope(4 incentive constraints on (2, 2) profiles)
    >>> poly.rows[0], poly.constraints[0].tolist()  # row player told C, tempted by D
    ((0, 0, 1), [-1, 2, 0, 0])
    """
    game = as_game(game)
    payoffs = game.payoffs
    blocks, rows = [], []
    for i, n_i in enumerate(game.shape):
        u = np.moveaxis(payoffs[..., i], i, 0)  # own action first
        rest = u.shape[1:]
        u = u.reshape(n_i, -1)
        gain = u[:, None, :] - u[None, :, :]  # [a, b] = u(a, .) - u(b, .)
        block = np.zeros((n_i, n_i, n_i, u.shape[1]), dtype=gain.dtype)
        own = np.arange(n_i)
        block[own, :, own, :] = gain  # the gain counts only where i is told ``a``
        block = np.moveaxis(block.reshape((n_i * n_i, n_i, *rest)), 1, 1 + i)
        keep = ~np.eye(n_i, dtype=bool).ravel()
        blocks.append(block.reshape(n_i * n_i, -1)[keep])
        rows += [(i, a, b) for a in range(n_i) for b in range(n_i) if a != b]
    matrix = np.concatenate(blocks)
    matrix.flags.writeable = False
    return CorrelatedPolytope(matrix, tuple(rows), game.shape)


def is_correlated_equilibrium(
    game: NormalFormGame, distribution: ArrayLike, *, tol: float = DEFAULT_TOL
) -> bool:
    """Whether a distribution over action profiles is a correlated equilibrium.

    Parameters
    ----------
    game : NormalFormGame
    distribution : array_like
        Probabilities of shape ``game.shape`` summing to 1 (Fractions are checked exactly).
    tol : float, optional
        Largest incentive to deviate tolerated, relative to the payoffs' scale.

    Returns
    -------
    bool

    See Also
    --------
    correlated_equilibrium : find one.
    correlated_polytope : all of them, as a polytope.

    Examples
    --------
    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
    >>> ml.solvers.is_correlated_equilibrium(chicken, [[1/3, 1/3], [1/3, 0]])  # Aumann (1974)
    True
    >>> ml.solvers.is_correlated_equilibrium(chicken, [[1, 0], [0, 0]])  # both told to yield
    False
    """
    game = as_game(game)
    tol = check_tol(tol)
    gains = correlated_polytope(game).gains(distribution)
    return bool(-float(np.min(gains, initial=0)) <= tol * _scale(game))


def correlated_equilibrium(
    game: NormalFormGame,
    objective: str | int | ArrayLike = "welfare",
    *,
    maximize: bool = True,
    tol: float = DEFAULT_TOL,
) -> CorrelatedEquilibrium:
    """The correlated equilibrium that is best for a linear objective.

    Parameters
    ----------
    game : NormalFormGame
        Any finite game with any number of players.
    objective : {"welfare", "egalitarian"} or int or array_like, optional
        What to optimize: ``"welfare"`` the sum of payoffs (default); ``"egalitarian"`` the
        smallest player's payoff; a player index, that player's payoff; ``N`` weights, the
        weighted sum of payoffs; or an array of shape ``game.shape``, any linear function of
        the distribution (for example the probability of one outcome).
    maximize : bool, optional
        Maximize (default) or minimize the objective.
    tol : float, optional
        Probabilities below ``tol`` are zeros; the answer's largest incentive to deviate must
        be at most ``tol`` times the payoffs' scale.

    Returns
    -------
    CorrelatedEquilibrium
        The distribution, the players' payoffs and the objective's value; with exact payoffs,
        also the distribution in Fractions.

    Raises
    ------
    SolverError
        If the linear programme fails (it cannot be infeasible: every game has a correlated
        equilibrium, Hart and Schmeidler 1989); the message says how (scipy's status) and
        what to try (rescaled or exact payoffs, a larger ``tol``).

    See Also
    --------
    correlated_polytope : every correlated equilibrium, as a polytope.
    is_correlated_equilibrium : check a distribution.
    multilateral.solvers.nash_equilibria : the Nash equilibria (correlated equilibria too).

    References
    ----------
    .. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
       *Journal of Mathematical Economics* 1(1), 67-96.
    .. [2] Hart, S. and Schmeidler, D. (1989). Existence of correlated equilibria.
       *Mathematics of Operations Research* 14(1), 18-25.

    Examples
    --------
    In Aumann's game of Chicken a mediator does better than every Nash equilibrium (best
    Nash welfare 28/3):

    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
    >>> ce = ml.solvers.correlated_equilibrium(chicken)
    >>> ce.exact.tolist()
    [[Fraction(1, 2), Fraction(1, 4)], [Fraction(1, 4), Fraction(0, 1)]]
    >>> ce.exact_payoffs
    (Fraction(21, 4), Fraction(21, 4))

    Minimize the probability that both stand firm (the war outcome):

    >>> ml.solvers.correlated_equilibrium(chicken, [[0, 0], [0, 1]], maximize=False).value
    0.0
    """
    game = as_game(game)
    tol = check_tol(tol)
    poly = correlated_polytope(game)
    weights, label = _objective(game, objective, maximize)
    n_profiles = int(np.prod(game.shape))
    payoff_rows = game.payoffs.reshape(n_profiles, game.n_players).T  # (N, profiles)
    scale = _scale(game)
    ineq = poly.constraints
    egalitarian = weights is None
    if egalitarian:  # maximize t subject to t <= u_i . x for every player
        ineq = np.concatenate([np.pad(ineq, ((0, 0), (0, 1))),
                               np.hstack([payoff_rows, -np.ones((game.n_players, 1), int)])])
        cost = np.zeros(n_profiles + 1)
        cost[-1] = 1.0
    else:
        cost = np.asarray(weights, dtype=float).ravel()
    sign = -1.0 if maximize else 1.0
    n_vars = len(cost)
    eq = np.zeros((1, n_vars))
    eq[0, :n_profiles] = 1.0
    bounds = [(0.0, None)] * n_profiles + [(None, None)] * (n_vars - n_profiles)
    # the LP sees payoffs and the objective scaled to magnitude 1 (HiGHS drops coefficients
    # below 1e-9 and fails on huge ones); the egalitarian bound t is in scaled units
    a_ub = -np.asarray(ineq, dtype=float) / scale if len(ineq) else None
    if egalitarian and a_ub is not None:
        a_ub[-game.n_players:, -1] = 1.0
    norm = float(np.max(np.abs(cost), initial=0.0))
    lp_cost = sign * cost / (norm if norm > 0 else 1.0)
    for options in _HIGHS_ATTEMPTS:
        result = linprog(
            lp_cost, A_ub=a_ub, b_ub=None if a_ub is None else np.zeros(len(ineq)),
            A_eq=eq, b_eq=[1.0], bounds=bounds,
            method="highs-ds",  # dual simplex ends on a vertex, which the polishing needs
            options=options,
        )
        if result.status != 0 or result.x is None:
            raise _lp_error(result, scale)
        z = np.asarray(result.x, dtype=float)
        if egalitarian:
            z[-1] *= scale
        exact = _vertex(ineq, z, cost, n_profiles, scale, exact=True) if game.is_exact else None
        if exact is not None:
            x = np.array([float(v) for v in exact[:n_profiles]])
        else:  # re-solve the tight constraints in floats, which removes the LP's tolerance
            polished = _vertex(ineq, z, cost, n_profiles, scale, exact=False)
            x = np.clip(z if polished is None else np.asarray(polished, dtype=float), 0, None)
            x = np.where(x[:n_profiles] < tol, 0.0, x[:n_profiles])
            x /= x.sum()
        violation = max(0.0, -float(np.min(poly.constraints.astype(float) @ x, initial=0.0)))
        if violation <= tol * scale:
            break
    else:
        raise SolverError(
            f"the LP's solution violates an incentive constraint by {violation:.3g} (tol "
            f"{tol:g} times the payoff scale {scale:g}); the game is ill-conditioned for float "
            "arithmetic: pass exact (int/Fraction) payoffs or a larger tol"
        )
    payoffs = payoff_rows.astype(float) @ x
    exact_x = exact_payoffs = None
    if exact is not None:
        exact_x = np.array(exact[:n_profiles], dtype=object).reshape(game.shape)
        exact_payoffs = tuple(sum((Fraction(u) * p for u, p in zip(row, exact[:n_profiles],
                                                                    strict=True)), Fraction(0))
                              for row in payoff_rows.tolist())
    value = float(payoffs.min()) if egalitarian else float(cost @ x)
    exact_value = None  # exact when the payoffs and the objective's weights are
    if exact is not None and exact_payoffs is not None:
        if egalitarian:
            exact_value = min(exact_payoffs)
        elif np.asarray(weights).dtype.kind in "iuO":
            exact_value = sum((as_fraction(w) * p for w, p in zip(
                np.asarray(weights).ravel().tolist(), exact[:n_profiles], strict=True)),
                Fraction(0))
    return CorrelatedEquilibrium(
        distribution=x.reshape(game.shape),
        payoffs=payoffs,
        value=value,
        objective=label if maximize else f"minimize {label}",
        max_violation=violation,
        exact=exact_x,
        exact_payoffs=exact_payoffs,
        exact_value=exact_value,
    )


def _lp_error(result: Any, scale: float) -> SolverError:
    """A library error for a failed ``linprog`` call: what happened and what to try."""
    what = {1: "it reached its iteration limit",
            2: "it found the constraints infeasible, which cannot be (every game has a "
               "correlated equilibrium): a sign of numerical trouble",
            3: "it found the objective unbounded, which cannot be (the distribution is "
               "bounded): a sign of numerical trouble"}.get(
        result.status, "it hit numerical difficulties")
    return SolverError(
        f"the correlated-equilibrium linear programme (HiGHS) failed: {what} [scipy status "
        f"{result.status}: {result.message}]. The payoffs span {scale:.3g} in magnitude; "
        "expected are payoffs of moderate size whose differences are not lost beside the "
        "largest: rescale them (equilibria do not change when a player's payoffs are "
        "multiplied by a positive number), round payoffs far below the largest to zero, or "
        "pass exact (int or Fraction) payoffs; a larger tol accepts a less precise answer"
    )


def _scale(game: NormalFormGame) -> float:
    """The payoffs' magnitude, so that tolerances are relative."""
    return max(1.0, float(np.max(np.abs(game.float_payoffs), initial=0.0)))


def _objective(
    game: NormalFormGame, objective: Any, maximize: bool
) -> tuple[NDArray[Any] | None, str]:
    """Coefficients over profiles (None for the egalitarian max-min) and a label."""
    payoffs = game.payoffs.reshape(-1, game.n_players)
    if isinstance(objective, str):
        if objective == "welfare":
            return payoffs.sum(axis=1), "welfare"
        if objective == "egalitarian":
            if not maximize:  # min over x of min_i u_i is N separate LPs, not one
                raise InvalidArgumentError(
                    "the egalitarian objective can only be maximized; to minimize, minimize "
                    "each player's payoff (objective=i) and take the smallest"
                )
            return None, "egalitarian"
        raise InvalidArgumentError(
            f"objective must be 'welfare', 'egalitarian', a player index, N weights or an "
            f"array of shape {game.shape}; got {objective!r}"
        )
    if isinstance(objective, (int, np.integer)) and not isinstance(objective, bool):
        if not 0 <= objective < game.n_players:
            raise InvalidArgumentError(
                f"player index must be in 0..{game.n_players - 1}, got {objective}"
            )
        return payoffs[:, int(objective)], f"payoff of {game.players[objective]}"
    coeffs = as_number_array(objective, name="objective")
    if coeffs.shape == (game.n_players,):
        return payoffs @ coeffs, "weighted welfare"
    if coeffs.shape == game.shape:
        return coeffs.ravel(), "linear objective"
    raise InvalidArgumentError(
        f"objective weights must have shape ({game.n_players},) (one per player) or "
        f"{game.shape} (one per profile); got shape {coeffs.shape}"
    )


def _as_distribution(distribution: ArrayLike, shape: tuple[int, ...]) -> NDArray[Any]:
    """Validate a distribution over profiles: right shape, non-negative, summing to 1."""
    x = as_number_array(distribution, name="distribution")
    if x.shape != shape:
        raise InvalidProbabilityError(
            f"a distribution over action profiles must have shape {shape}, got {x.shape}"
        )
    if np.any(x < 0):
        raise InvalidProbabilityError("probabilities must be >= 0")
    total = x.sum()
    exact_sum = x.dtype.kind in "iuO"
    if (total != 1) if exact_sum else not np.isclose(float(total), 1.0, atol=PROBABILITY, rtol=0):
        raise InvalidProbabilityError(f"probabilities must sum to 1, they sum to {total}")
    return x


def _vertex(
    ineq: NDArray[Any], z: NDArray[np.float64], cost: NDArray[np.float64], n_profiles: int,
    scale: float, *, exact: bool,
) -> list[Any] | None:
    """Re-derive the LP's optimal vertex from the constraints tight at ``z``.

    The tight incentive constraints, the zero probabilities and the sum to one pin down the
    vertex; solving them again (in Fractions when ``exact``) removes the LP's tolerance.
    Returns ``None`` when they do not pin down a unique feasible point as good as ``z``; the
    LP's answer then stands.
    """
    eps = LP_TIGHT  # HiGHS's feasibility tolerance is 1e-7: anything this close is tight
    free = np.flatnonzero(np.r_[z[:n_profiles] > eps, np.ones(len(z) - n_profiles, bool)])
    if exact and len(free) > _EXACT_SUPPORT_LIMIT:
        return None
    slack = np.asarray(ineq, dtype=float) @ z / scale
    tight = np.asarray(ineq)[np.abs(slack) <= eps][:, free]
    sums = np.array([1 if j < n_profiles else 0 for j in free])
    solved = _solve_exact(tight, sums) if exact else _solve_float(tight, sums)
    if solved is None:
        return None
    vertex: list[Any] = [Fraction(0) if exact else 0.0] * len(z)
    for j, v in zip(free, solved, strict=True):
        vertex[j] = v
    values = np.array(vertex, dtype=object if exact else float)
    floor = 0 if exact else -ROUNDING * scale
    if np.any(values[:n_profiles] < floor) or np.any(np.asarray(ineq).dot(values) < floor):
        return None
    if abs(float(cost @ values.astype(float)) - float(cost @ z)) > MATCH * scale:
        return None  # a vertex, but not the optimal one: the tight set was misread
    return vertex


def _solve_exact(tight: NDArray[Any], sums: NDArray[np.int64]) -> list[Fraction] | None:
    """The unique solution of ``tight @ y = 0, sums @ y = 1`` in Fractions, if there is one."""
    rows = [*tight.tolist(), [int(v) for v in sums]]
    return solve_exact(rows, [0] * len(tight) + [1])


def _solve_float(tight: NDArray[Any], sums: NDArray[np.int64]) -> list[float] | None:
    """The same system in floats, by least squares; ``None`` if it is rank-deficient."""
    system = np.vstack([np.asarray(tight, dtype=float), sums[None, :]])
    rhs = np.zeros(len(system))
    rhs[-1] = 1.0
    y, _, rank, _ = np.linalg.lstsq(system, rhs, rcond=None)
    if rank < len(sums) or not np.allclose(system @ y, rhs, atol=ROUNDING):
        return None
    return [float(v) for v in y]
