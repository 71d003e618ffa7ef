"""Infinite populations: the replicator dynamics and its rest points.

:func:`replicator` integrates the replicator dynamics ``x_i' = x_i (f_i(x) - f(x))`` (Taylor
& Jonker 1978) of a symmetric two-player game with any number of strategies (``f = A x``), or
of an anonymous N-player game (``x' = x (1 - x) g(x)`` with ``g`` its gain function), with
:func:`scipy.integrate.solve_ivp`. :func:`rest_points` finds every rest point by support
enumeration (on each face the strategies present earn equal fitness), exactly in Fractions
for exact payoffs, with its stability from the eigenvalues of the Jacobian on the simplex.

References
----------
.. [1] Taylor, P. D. and Jonker, L. B. (1978). Evolutionarily stable strategies and game
   dynamics. *Mathematical Biosciences* 40, 145-156.
.. [2] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population Dynamics*.
   Cambridge University Press, ch. 6-7.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._display import repr_values
from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import as_probability_vector, check_probability, check_tol, to_float
from ...errors import DegenerateGameError, InvalidArgumentError, SolverError
from ...games.anonymous import AnonymousGame, binomial_weights
from ...games.population import PopulationGame, strategy_labels, symmetric_payoff_matrix
from ...tolerances import EQUILIBRIUM, ODE_ATOL, ODE_RTOL
from ...types import NumberArray
from ..anonymous import symmetric_equilibria
from ._kernel import Field, eliminate, exact_flag, fractions, positive, scaled, solve_rational

__all__ = ["RestPoint", "Trajectory", "replicator", "rest_points", "support_rest_points"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False, eq=False)
class Trajectory:
    """A solution of the replicator dynamics.

    Attributes
    ----------
    t : numpy.ndarray
        The times, shape ``(T,)``.
    x : numpy.ndarray
        The strategy frequencies at each time, shape ``(T, m)`` (for an
        :class:`~multilateral.AnonymousGame` the columns are cooperators and defectors).
    strategies : tuple of str
        The strategies' labels.

    See Also
    --------
    replicator : computes it.
    rest_points : where trajectories may come to rest.

    Examples
    --------
    >>> import multilateral as ml
    >>> traj = ml.solvers.replicator([[3, 0], [5, 1]], [0.5, 0.5], [0, 1, 2])
    >>> traj.strategies, traj.x.shape
    (('s0', 's1'), (3, 2))
    >>> traj.final.round(3).tolist()
    [0.078, 0.922]
    """

    t: NDArray[np.float64]
    x: NDArray[np.float64]
    strategies: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "t", readonly(self.t))
        object.__setattr__(self, "x", readonly(self.x))

    @property
    def final(self) -> NDArray[np.float64]:
        """The state at the last time."""
        return self.x[-1]

    def __repr__(self) -> str:
        return (f"Trajectory({len(self.strategies)} strategies, t={self.t[0]:.4g}..{self.t[-1]:.4g}"
                f", final={repr_values(self.final)})")


@dataclass(frozen=True, repr=False, eq=False)
class RestPoint:
    """A rest point of the replicator dynamics and its stability.

    Attributes
    ----------
    x : numpy.ndarray
        The strategy frequencies (for an anonymous game: cooperators, defectors).
    stability : str
        From the eigenvalues of the Jacobian on the simplex: ``"stable"`` (all real parts
        negative: asymptotically stable), ``"unstable"`` (some positive, none negative),
        ``"saddle"`` (both signs), ``"centre"`` (all real parts zero, some imaginary parts
        not: neutrally stable, e.g. zero-sum Rock-Paper-Scissors) or ``"non-hyperbolic"``
        (some real part zero, none positive: linearization is inconclusive). For an
        anonymous game it is ``"stable"`` or ``"unstable"``, decided by the sign of the gain
        function on each side.
    eigenvalues : numpy.ndarray
        The Jacobian's eigenvalues on the tangent space of the simplex (``m - 1`` of them).
    exact : tuple, optional
        The frequencies in exact arithmetic (Fractions, or sympy numbers for anonymous games)
        when the payoffs are exact.

    See Also
    --------
    rest_points : lists them.
    evolutionarily_stable_strategies : the rest points that are ESSs.

    Examples
    --------
    >>> import multilateral as ml
    >>> hawk_dove = [[-1, 4], [0, 2]]
    >>> mixed = ml.solvers.rest_points(hawk_dove)[-1]
    >>> mixed
    RestPoint([2/3, 1/3], stable)
    >>> mixed.exact, mixed.support, mixed.is_pure
    ((Fraction(2, 3), Fraction(1, 3)), (0, 1), False)
    """

    x: NDArray[np.float64]
    stability: str
    eigenvalues: NDArray[np.complex128]
    exact: tuple[Fraction, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", readonly(self.x))
        eig = np.array(self.eigenvalues, dtype=np.complex128)
        eig.flags.writeable = False
        object.__setattr__(self, "eigenvalues", eig)

    @property
    def support(self) -> tuple[int, ...]:
        """The strategies present."""
        if self.exact is not None:
            return tuple(i for i, v in enumerate(self.exact) if v != 0)
        return tuple(int(i) for i in np.flatnonzero(self.x))

    @property
    def stable(self) -> bool:
        """True when asymptotically stable."""
        return self.stability == "stable"

    @property
    def is_pure(self) -> bool:
        """True at a vertex (one strategy only)."""
        return len(self.support) == 1

    def __repr__(self) -> str:
        # exact rationals as written (2/3); sympy roots of polynomials by their floats
        exact = self.exact
        rational = exact is not None and all(isinstance(v, (int, Fraction)) for v in exact)
        return f"RestPoint({repr_values(self.x, exact if rational else None)}, {self.stability})"


def replicator(
    game: PopulationGame,
    x0: ArrayLike,
    t: ArrayLike,
    *,
    method: str = "DOP853",
    rtol: float = ODE_RTOL,
    atol: float = ODE_ATOL,
) -> Trajectory:
    """Integrate the replicator dynamics ``x_i' = x_i (f_i(x) - sum_j x_j f_j(x))``.

    For a symmetric two-player game with payoff matrix ``A`` the fitnesses are ``f = A x``;
    for an anonymous N-player game (cooperate / defect) the dynamics is
    ``x' = x (1 - x) g(x)`` with ``x`` the fraction of cooperators and ``g`` the game's
    :meth:`~multilateral.AnonymousGame.gain_function`. Integrated with
    :func:`scipy.integrate.solve_ivp`.

    Parameters
    ----------
    game : array_like, NormalFormGame or AnonymousGame
        An ``(m, m)`` payoff matrix (``A[i, j]``: strategy ``i`` against ``j``), a symmetric
        two-player :class:`~multilateral.NormalFormGame`, or an
        :class:`~multilateral.AnonymousGame`.
    x0 : array_like
        The initial frequencies (``m`` of them, summing to 1). For an anonymous game, the
        initial fraction of cooperators (or the pair ``(x, 1 - x)``).
    t : float or array_like
        The end time (the state is reported at 201 equally spaced times in ``[0, t]``), or
        the strictly increasing times at which to report it, the first being the start.
    method : str, default "DOP853"
        A :func:`~scipy.integrate.solve_ivp` method.
    rtol, atol : float
        Its tolerances (the defaults keep the constants of motion of zero-sum games to about
        ``1e-9``).

    Returns
    -------
    Trajectory

    Raises
    ------
    SolverError
        If the integrator fails.

    See Also
    --------
    rest_points : the rest points of the same dynamics, and their stability.
    evolutionarily_stable_strategies : the ESSs, which are stable rest points.
    transition_matrix : the finite-population counterpart.

    References
    ----------
    .. [1] Taylor, P. D. and Jonker, L. B. (1978). Evolutionarily stable strategies and game
       dynamics. *Mathematical Biosciences* 40, 145-156.
    .. [2] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population
       Dynamics*. Cambridge University Press, ch. 7.

    Examples
    --------
    In the Prisoner's Dilemma defection takes over:

    >>> import multilateral as ml
    >>> pd = [[3, 0], [5, 1]]
    >>> ml.solvers.replicator(pd, [0.99, 0.01], 30).final.round(6).tolist()
    [0.0, 1.0]

    In a public goods game with ``r = 3`` in groups of 5 cooperation declines too:

    >>> traj = ml.solvers.replicator(ml.AnonymousGame.public_goods(n=5, r=3), 0.9, [0, 5, 10])
    >>> traj.x[:, 0].round(4).tolist()   # x' = -(2/5) x (1 - x): odds 9 e^(-2t/5)
    [0.9, 0.5491, 0.1415]
    """
    from scipy.integrate import solve_ivp

    times = _times(t)
    rt, at = positive(rtol, "rtol"), positive(atol, "atol")
    if isinstance(game, AnonymousGame):
        gains = to_float(game.gains)
        m1 = game.n - 1
        if np.ndim(x0) == 0:
            y0 = np.array([check_probability(x0, "x0 (the fraction of cooperators)")])
        else:
            y0 = as_probability_vector(x0, 2, "x0")[:1]

        def rhs(_t: float, y: NDArray[np.float64]) -> NDArray[np.float64]:
            x = min(max(float(y[0]), 0.0), 1.0)
            out: NDArray[np.float64] = np.array(
                [x * (1 - x) * float(binomial_weights(m1, x) @ gains)])
            return out

        labels: tuple[str, ...] = ("C", "D")
    else:
        a = to_float(symmetric_payoff_matrix(game))
        y0 = as_probability_vector(x0, a.shape[0], "x0")

        def rhs(_t: float, y: NDArray[np.float64]) -> NDArray[np.float64]:
            f = a @ y
            out: NDArray[np.float64] = y * (f - y @ f)
            return out

        labels = strategy_labels(game, a.shape[0])
    try:
        sol = solve_ivp(rhs, (times[0], times[-1]), y0, method=method, t_eval=times,
                        rtol=rt, atol=at)
    except ValueError as err:
        raise InvalidArgumentError(f"solve_ivp refused the arguments: {err}") from None
    if not sol.success:
        raise SolverError(f"the replicator integration failed: {sol.message}")
    y = sol.y.T
    x = np.column_stack([y[:, 0], 1 - y[:, 0]]) if isinstance(game, AnonymousGame) else y
    return Trajectory(sol.t, x, labels)


def rest_points(
    game: PopulationGame, *, exact: bool | None = None, tol: float = EQUILIBRIUM
) -> tuple[RestPoint, ...]:
    """Every isolated rest point of the replicator dynamics, with its stability.

    A rest point with support ``S`` is a point of the face spanned by ``S`` at which the
    strategies of ``S`` earn equal fitness, ``(A x)_i = c`` for ``i`` in ``S``: one linear
    system per support (support enumeration, ``2^m - 1`` of them), solved in Fractions for
    exact payoffs. Rest points need not be Nash equilibria (a vertex always is a rest point).
    Stability comes from the eigenvalues of the Jacobian restricted to the simplex.

    Parameters
    ----------
    game : array_like, NormalFormGame or AnonymousGame
        An ``(m, m)`` payoff matrix, a symmetric two-player game, or an anonymous N-player
        game (then the rest points are those of ``x' = x (1 - x) g(x)``: both vertices and
        the roots of ``g`` found by :func:`~multilateral.solvers.symmetric_equilibria`).
    exact : bool, optional
        Solve in Fractions (default: when the payoffs are ints or Fractions).
    tol : float
        Tolerance of the float path and of the eigenvalues' signs (relative to the largest
        payoff).

    Returns
    -------
    tuple of RestPoint
        Ordered by support size, then by support.

    Raises
    ------
    DegenerateGameError
        If the rest points with some support form a continuum (e.g. two strategies that
        always earn the same): only isolated rest points can be listed.

    See Also
    --------
    replicator : the dynamics itself.
    evolutionarily_stable_strategies, is_ess : evolutionary stability.
    multilateral.solvers.symmetric_equilibria : the roots of an anonymous game's gain function.

    References
    ----------
    .. [1] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population
       Dynamics*. Cambridge University Press, ch. 7.

    Examples
    --------
    Rock-Paper-Scissors (win 1, lose -1): the three vertices are saddles and the centre is
    neutrally stable, surrounded by closed orbits:

    >>> import multilateral as ml
    >>> rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    >>> [(p.exact, p.stability) for p in ml.solvers.rest_points(rps)][-1]
    ((Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)), 'centre')
    >>> [p.stability for p in ml.solvers.rest_points(rps)][:3]
    ['saddle', 'saddle', 'saddle']
    """
    tol = check_tol(tol)
    if isinstance(game, AnonymousGame):
        return _anonymous_rest_points(game, exact, tol)
    a = symmetric_payoff_matrix(game)
    return tuple(support_rest_points(a, exact_flag(a, exact), tol, skip_continua=False))


def support_rest_points(a: NumberArray, exact: bool, tol: float, *, skip_continua: bool
                        ) -> list[RestPoint]:
    """The isolated rest points of payoff matrix ``a`` by support enumeration (the engine of
    :func:`rest_points`; also used by :func:`evolutionarily_stable_strategies`).

    A support whose equal-fitness points form a continuum reaching the face's interior is
    skipped with ``skip_continua=True`` and raises :class:`DegenerateGameError` otherwise.

    See Also
    --------
    rest_points : the public entry point.

    Examples
    --------
    >>> import numpy as np
    >>> [p.stability for p in support_rest_points(np.array([[4, 0], [3, 3]]), True, 1e-9,
    ...                                           skip_continua=True)]
    ['stable', 'stable', 'unstable']
    """
    m = a.shape[0]
    af, scale = scaled(a)
    field = Field(exact, tol)
    mat: list[list[Any]] = fractions(a) if exact else af.tolist()
    zero, one = (Fraction(0), Fraction(1)) if exact else (0.0, 1.0)
    basis = _tangent_basis(m)
    out = []
    for size in range(1, m + 1):
        for support in itertools.combinations(range(m), size):
            # unknowns x_S and the common fitness c: A_SS x_S - c 1 = 0, 1^T x_S = 1
            system = [[mat[i][j] for j in support] + [-one] for i in support]
            system.append([one] * size + [zero])
            rhs = [zero] * size + [one]
            if exact:
                sol = solve_rational(system, rhs)
                # no unique solution: elimination tells a continuum from no solution
                status = "unique" if sol is not None else eliminate(system, rhs, field)[0]
            else:
                status, sol = eliminate(system, rhs, field)
            if status == "many":
                if _continuum_inside(af, support, tol):
                    if skip_continua:
                        continue
                    raise DegenerateGameError(
                        f"the rest points with support {support} form a continuum (those "
                        "strategies earn equal fitness along a segment of the face); "
                        "rest_points lists isolated rest points only")
                continue
            if sol is None or not all(field.sign(v) > 0 for v in sol[:size]):
                continue
            full: list[Any] = [zero] * m
            for i, v in zip(support, sol[:size], strict=True):
                full[i] = v
            x = np.array([float(v) for v in full])
            if not exact:
                x = np.clip(x, 0.0, None)
                x /= x.sum()
            eig = _jacobian_eigenvalues(af, x, basis)
            out.append(RestPoint(x, _classify(eig, tol), eig * scale,
                                 tuple(full) if exact else None))
    return out


def _continuum_inside(af: NDArray[np.float64], support: tuple[int, ...], tol: float) -> bool:
    """Whether the equal-fitness solutions on ``support`` reach the face's relative interior:
    maximize ``s`` subject to ``A_SS x = c 1``, ``sum x = 1``, ``x >= s`` (a small LP)."""
    from scipy.optimize import linprog

    size = len(support)
    sub = af[np.ix_(support, support)]
    # variables: x (size), c, s; minimize -s
    a_eq = np.zeros((size + 1, size + 2))
    a_eq[:size, :size] = sub
    a_eq[:size, size] = -1.0
    a_eq[size, :size] = 1.0
    b_eq = np.zeros(size + 1)
    b_eq[size] = 1.0
    a_ub = np.zeros((size, size + 2))
    a_ub[:, :size] = -np.eye(size)
    a_ub[:, size + 1] = 1.0
    res = linprog(np.r_[np.zeros(size + 1), -1.0], A_ub=a_ub, b_ub=np.zeros(size),
                  A_eq=a_eq, b_eq=b_eq, bounds=[(None, None)] * (size + 2), method="highs")
    return bool(res.status == 0 and -res.fun > tol)


@functools.lru_cache(maxsize=64)
def _tangent_basis(m: int) -> NDArray[np.float64]:
    """An orthonormal basis (columns) of ``{z : sum z = 0}``."""
    if m == 1:
        return np.zeros((1, 0))
    q, _ = np.linalg.qr(np.eye(m) - 1.0 / m)
    basis: NDArray[np.float64] = q[:, : m - 1]
    basis.flags.writeable = False
    return basis


def _jacobian_eigenvalues(a: NDArray[np.float64], x: NDArray[np.float64],
                          basis: NDArray[np.float64]) -> NDArray[np.complex128]:
    """Eigenvalues of the replicator Jacobian on the simplex's tangent space, which it maps
    into itself: ``J = diag(f - fbar) + x (A - f - A^T x)`` with ``f = A x``."""
    if basis.shape[1] == 0:
        return np.zeros(0, dtype=np.complex128)
    f = a @ x
    jac = np.diag(f - x @ f) + x[:, None] * (a - (f + a.T @ x)[None, :])
    out: NDArray[np.complex128] = np.linalg.eigvals(basis.T @ jac @ basis).astype(np.complex128)
    return out


def _classify(eig: NDArray[np.complex128], tol: float) -> str:
    re, im = eig.real, eig.imag
    pos, neg = bool(np.any(re > tol)), bool(np.any(re < -tol))
    if eig.size == 0 or bool(np.all(re < -tol)):
        return "stable"
    if pos:
        return "saddle" if neg else "unstable"
    if bool(np.all(np.abs(re) <= tol)) and bool(np.any(np.abs(im) > tol)):
        return "centre"
    return "non-hyperbolic"


def _anonymous_rest_points(game: AnonymousGame, exact: bool | None, tol: float
                           ) -> tuple[RestPoint, ...]:
    gains = to_float(game.gains)
    m1 = game.n - 1
    found: list[tuple[float, bool, Any]] = [
        (eq.probability, eq.stable, eq.exact)
        for eq in symmetric_equilibria(game, exact=exact, tol=tol)]
    # the vertices are always rest points of x (1 - x) g(x); symmetric_equilibria lists only
    # those that are Nash equilibria, the others (g(0) > 0, g(1) < 0) are unstable
    ends = {p for p, _, _ in found}
    found += [(float(v), False, Fraction(v)) for v in (0, 1) if float(v) not in ends]
    out = []
    for p, stable, ex in sorted(found, key=lambda item: item[0]):
        g = float(binomial_weights(m1, p) @ gains)
        dg = float(m1 * (binomial_weights(m1 - 1, p) @ np.diff(gains)))
        lam = (1 - 2 * p) * g + p * (1 - p) * dg
        out.append(RestPoint(np.array([p, 1 - p]), "stable" if stable else "unstable",
                             np.array([lam]), None if ex is None else (ex, 1 - ex)))
    return tuple(out)

def _times(t: ArrayLike) -> NDArray[np.float64]:
    try:
        arr = np.asarray(t, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"t must be a time or a sequence of times, got {t!r}") from None
    if arr.ndim == 0:
        if not np.isfinite(arr) or arr <= 0:
            raise InvalidArgumentError(f"the end time t must be a finite number > 0, got {t!r}")
        return np.linspace(0.0, float(arr), 201)
    if arr.ndim != 1 or arr.size < 2 or not np.all(np.isfinite(arr)) or np.any(
            np.diff(arr) <= 0):
        raise InvalidArgumentError(
            "t must be an end time or at least two strictly increasing finite times")
    return arr

