"""Repeated games with automaton strategies: exact values, equilibrium checks, critical deltas.

A profile of automata turns the repeated game into a Markov chain on joint automaton states.
Values solve ``V = (1 - delta) u + delta P V``; the one-shot deviation principle checks
subgame perfection state by state; a player's best response to the others' automata is a
Markov decision problem on the same states, solved by policy iteration, which checks Nash
equilibrium. Every quantity is a rational function of ``delta``, so critical discount factors
are roots of polynomials: found numerically, or exactly (sympy) as expressions.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import as_fraction, flip_matrix, is_small_rational, solve_exact
from .._validation import DEFAULT_TOL, check_tol
from ..automata import Automaton
from ..errors import InvalidArgumentError, InvalidTypeError, SolverError
from ..games.normal_form import NormalFormGame
from ..games.repeated import RepeatedGame
from ..results import CriticalDiscount
from ..tolerances import MATCH, ROOT_MATCH, ROUNDING, SYMBOLIC_BINDING, SYMBOLIC_ZERO
from ..types import Number

__all__ = [
    "CriticalDiscount",
    "EquilibriumCheck",
    "ProfileValues",
    "critical_discount",
    "is_nash_equilibrium",
    "is_subgame_perfect",
    "profile_values",
]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class ProfileValues:
    """Normalized discounted values of an automaton profile.

    Attributes
    ----------
    values : numpy.ndarray
        Each player's expected value from the initial state(s), shape ``(N,)``.
    state_values : numpy.ndarray
        Values from every joint state, shape ``(n_joint_states, N)``.
    states : tuple of tuple of str
        The joint states (one automaton state label per player), in the rows' order.
    exact : tuple, optional
        ``values`` as Fractions when the game and the profile are exact.

    See Also
    --------
    profile_values : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> grim = ml.automata.grim_trigger()
    >>> ml.solvers.profile_values(game, [grim, grim])
    ProfileValues(3, 3)
    """

    values: NDArray[np.float64]
    state_values: NDArray[np.float64]
    states: tuple[tuple[str, ...], ...]
    exact: tuple[Fraction, ...] | None = None

    def __repr__(self) -> str:
        shown = self.exact if self.exact is not None else tuple(np.round(self.values, 6))
        return f"ProfileValues({', '.join(str(v) for v in shown)})"


@dataclass(frozen=True, repr=False)
class EquilibriumCheck:
    """The verdict of an equilibrium check, with the worst deviation found.

    Attributes
    ----------
    holds : bool
        Whether the profile is an equilibrium of the requested kind (within ``tol``).
    kind : str
        ``"subgame perfect"`` or ``"Nash"``.
    max_gain : float
        The largest gain from deviating found (<= tol when ``holds``).
    worst : tuple or None
        ``(joint state, player, deviation action)`` of that largest gain.
    checked_states : int
        How many joint states were checked.

    See Also
    --------
    is_subgame_perfect : returns it.
    is_nash_equilibrium : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> grim = ml.automata.grim_trigger()
    >>> ml.solvers.is_subgame_perfect(game, [grim, grim])
    EquilibriumCheck(subgame perfect: holds)
    """

    holds: bool
    kind: str
    max_gain: float
    worst: tuple[tuple[str, ...], int, int] | None
    checked_states: int

    def __bool__(self) -> bool:
        return self.holds

    def __repr__(self) -> str:
        verdict = "holds" if self.holds else f"fails (gain {self.max_gain:.3g} at {self.worst})"
        return f"EquilibriumCheck({self.kind}: {verdict})"


# -- the Markov chain of a profile --------------------------------------------------------------
@dataclass(frozen=True)
class _Chain:
    """Everything about a profile that does not depend on delta."""

    intended: NDArray[np.int64]  # (S, N) intended action of each player in each joint state
    outcome: Any  # (S, A) probability of each actual profile
    report: Any  # (A, A) probability of each reported profile given the actual one
    moves: Any  # (A, S, S) joint transition given each reported profile
    payoffs: Any  # (A, N) stage payoffs by profile
    initial: Any  # (S,) distribution of the first joint state
    labels: tuple[tuple[str, ...], ...]
    shape: tuple[int, ...]
    exact: bool

    def step(self, outcome: Any) -> tuple[Any, Any]:
        """Expected stage payoffs (S, N) and transition matrix (S, S) for outcome probs."""
        weights = outcome @ self.report
        trans = np.einsum("sr,rst->st", weights, self.moves)
        return outcome @ self.payoffs, trans

    def deviation_outcome(self, player: int, action: int) -> Any:
        """Outcome probabilities when ``player`` intends ``action`` in every state."""
        intended = self.intended.copy()
        intended[:, player] = action
        return _outcome_probs(intended, self.shape, self._noise, self.exact)

    _noise: Any = 0


def _chain(game: RepeatedGame, profile: Sequence[Automaton], *, exact: bool = True) -> _Chain:
    """The profile's Markov chain; in Fractions when ``exact`` and everything is rational."""
    if not isinstance(game, RepeatedGame):
        raise InvalidTypeError(f"expected a RepeatedGame, got {type(game).__name__}")
    stage = game.stage
    n = stage.n_players
    if len(profile) != n or not all(isinstance(a, Automaton) for a in profile):
        raise InvalidArgumentError(
            f"a profile needs one Automaton per player ({n}), got {profile!r}"
        )
    shape = stage.shape
    for i, aut in enumerate(profile):
        signals = int(np.prod(shape)) // shape[i]
        if aut.n_actions != shape[i] or aut.n_signals != signals:
            raise InvalidArgumentError(
                f"player {i}'s automaton {aut.name!r} is for {aut.n_actions} own actions and "
                f"{aut.n_signals} observations; this stage game needs {shape[i]} and {signals}"
            )
    exact = exact and stage.is_exact and all(isinstance(x, Fraction) for x in
                                   (game.noise, game.monitoring_error)) and all(
        is_small_rational(a.transition_matrix, a.initial) for a in profile)
    conv = as_fraction if exact else float
    sizes = [a.n_states for a in profile]
    joint = list(itertools.product(*(range(s) for s in sizes)))
    intended = np.array([[profile[i].actions[s[i]] for i in range(n)] for s in joint],
                        dtype=np.int64)
    profiles = list(itertools.product(*(range(m) for m in shape)))
    # the reported profile: each action misreported uniformly with probability mu
    report = _outcome_probs(np.array(profiles, dtype=np.int64), shape, game.monitoring_error,
                            exact)
    moves = []
    for r in profiles:
        mats = []
        for i, aut in enumerate(profile):
            others = tuple(r[j] for j in range(n) if j != i)
            sig = int(np.ravel_multi_index(others, tuple(shape[j] for j in range(n) if j != i))
                      ) if others else 0
            mat = aut.transition_matrix[:, r[i], sig, :]
            mats.append(np.vectorize(conv, otypes=[object])(mat) if exact else mat)
        k = mats[0]
        for m in mats[1:]:
            k = np.kron(k, m)
        moves.append(k)
    payoffs = np.array([[stage.payoffs[(*p, i)] for i in range(n)] for p in profiles],
                       dtype=object if exact else float)
    if exact:
        payoffs = np.vectorize(as_fraction, otypes=[object])(payoffs)
    init: Any = profile[0].initial
    for a in profile[1:]:
        init = np.kron(init, a.initial)
    if exact:
        init = np.vectorize(as_fraction, otypes=[object])(init)
    chain = _Chain(
        intended=intended,
        outcome=_outcome_probs(intended, shape, game.noise, exact),
        report=report,
        moves=np.array(moves, dtype=object if exact else float),
        payoffs=payoffs,
        initial=init,
        labels=tuple(tuple(profile[i].states[s[i]] for i in range(n)) for s in joint),
        shape=shape,
        exact=exact,
        _noise=game.noise,
    )
    return chain


def _outcome_probs(intended: NDArray[np.int64], shape: tuple[int, ...], eps: Any, exact: bool
                   ) -> Any:
    """(S, A): probability of each actual profile (C order) given each row of intentions."""
    out: Any = None
    for i, m in enumerate(shape):
        rows = flip_matrix(m, eps, exact)[intended[:, i]]
        out = rows if out is None else (out[:, :, None] * rows[:, None, :]).reshape(
            len(intended), -1)
    return out


def _reachable(adjacency: NDArray[np.bool_], start: NDArray[np.bool_]) -> NDArray[np.bool_]:
    seen = start.copy()
    frontier = start.copy()
    while frontier.any():
        nxt = adjacency[frontier].any(axis=0) & ~seen
        seen |= nxt
        frontier = nxt
    return seen


def _history_reachable(chain: _Chain) -> NDArray[np.bool_]:
    """Joint states that some history (any actions, any reports) leads to."""
    adjacency = np.any(np.asarray(chain.moves != 0), axis=0)
    return _reachable(adjacency, np.asarray(chain.initial != 0))


def _values_float(u: NDArray[np.float64], trans: NDArray[np.float64], delta: float
                  ) -> NDArray[np.float64]:
    s = trans.shape[0]
    return np.asarray(np.linalg.solve(np.eye(s) - delta * trans, (1 - delta) * u))


# -- public API ---------------------------------------------------------------------------------
def profile_values(game: RepeatedGame, profile: Sequence[Automaton]) -> ProfileValues:
    """Exact expected discounted values of an automaton profile.

    Solves ``V = (1 - delta) u + delta P V`` on the joint automaton states, with noise and
    monitoring errors folded into ``u`` and ``P``; exact (Fractions) when the stage payoffs,
    ``delta``, the error rates and the automata are.

    See Also
    --------
    critical_discount : the least discount factor sustaining a profile.
    is_subgame_perfect : one-shot deviation check.
    is_nash_equilibrium : check deviations from the start.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> from fractions import Fraction
    >>> game = ml.RepeatedGame(pd, delta=Fraction(9, 10))
    >>> tft, alld = ml.automata.tit_for_tat(), ml.automata.always_defect()
    >>> ml.solvers.profile_values(game, [tft, alld])   # sucker once, then mutual defection
    ProfileValues(9/10, 7/5)
    """
    chain = _chain(game, profile)
    u, trans = chain.step(chain.outcome)
    if chain.exact:
        d = Fraction(game.delta)
        size = len(chain.labels)
        # (I - d P) v_i = (1 - d) u_i for each player i: nonsingular for d < 1
        mat = [[int(r == c) - d * Fraction(trans[r, c]) for c in range(size)]
               for r in range(size)]
        columns = [solve_exact(mat, [(1 - d) * Fraction(v) for v in u[:, i]])
                   for i in range(u.shape[1])]
        vals = np.array(columns, dtype=object).T
        start = chain.initial @ vals
        return ProfileValues(np.asarray(start, dtype=float), np.asarray(vals, dtype=float),
                             chain.labels, tuple(start))
    vals = _values_float(u, trans, float(game.delta))
    return ProfileValues(chain.initial @ vals, vals, chain.labels)


def _one_shot_gains(chain: _Chain, deltas: Any, states: NDArray[np.bool_]
                    ) -> tuple[NDArray[np.float64], list[tuple[int, int, int]]]:
    """Gain of every one-shot deviation (state, player, action) over ``states``.

    Vectorized over an array of discount factors: returns shape ``deltas.shape + (K,)``.
    """
    fc = _float_chain(chain)
    d = np.asarray(deltas, dtype=float)[..., None, None]
    u, trans = fc.step(fc.outcome)
    n_states = trans.shape[0]
    vals = np.linalg.solve(np.eye(n_states) - d * trans, (1 - d) * u)  # (..., S, N)
    gains: list[NDArray[np.float64]] = []
    where: list[tuple[int, int, int]] = []
    for i, m in enumerate(chain.shape):
        for a in range(m):
            ud, td = fc.step(fc.deviation_outcome(i, a))
            dev = (1 - d[..., 0]) * ud[:, i] + d[..., 0] * (td @ vals[..., i, None])[..., 0]
            g = dev - vals[..., i]
            keep = states & (chain.intended[:, i] != a)  # only real deviations
            gains.append(g[..., keep])
            where.extend((int(s), i, a) for s in np.flatnonzero(keep))
    return np.concatenate(gains, axis=-1), where


def _float_chain(chain: _Chain) -> _Chain:
    if not chain.exact:
        return chain
    return _Chain(
        intended=chain.intended, outcome=np.asarray(chain.outcome, dtype=float),
        report=np.asarray(chain.report, dtype=float), moves=np.asarray(chain.moves, dtype=float),
        payoffs=np.asarray(chain.payoffs, dtype=float), initial=np.asarray(chain.initial,
                                                                            dtype=float),
        labels=chain.labels, shape=chain.shape, exact=False, _noise=float(chain._noise),
    )


def is_subgame_perfect(
    game: RepeatedGame, profile: Sequence[Automaton], *, tol: float = DEFAULT_TOL
) -> EquilibriumCheck:
    """Check subgame perfection by the one-shot deviation principle.

    Every joint state that some history can lead to (any actions by anyone) is checked:
    no player gains by deviating for one round and then following his automaton. With noise
    or monitoring errors, the check is of perfect public equilibrium.

    See Also
    --------
    is_nash_equilibrium : a weaker check.
    critical_discount : the least discount factor at which it holds.
    profile_values : the profile's discounted values.

    References
    ----------
    .. [1] Fudenberg, D. and Tirole, J. (1991). *Game Theory*, section 4.2. MIT Press.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> grim = ml.automata.grim_trigger()
    >>> bool(ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, 0.5), [grim, grim]))
    True
    >>> ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, 0.4), [grim, grim])
    EquilibriumCheck(subgame perfect: fails (gain 0.4 at (('C', 'C'), 0, 1)))
    """
    tol = check_tol(tol)
    chain = _chain(game, profile, exact=False)  # the check runs in floats with a tolerance
    states = _history_reachable(chain)
    return _verdict(chain, float(game.delta), states, tol, "subgame perfect")


def _verdict(chain: _Chain, delta: float, states: NDArray[np.bool_], tol: float, kind: str
             ) -> EquilibriumCheck:
    gains, where = _one_shot_gains(chain, delta, states)
    if gains.size == 0:  # nobody has another action: trivially an equilibrium
        return EquilibriumCheck(True, kind, 0.0, None, int(states.sum()))
    k = int(np.argmax(gains))
    s, i, d = where[k]
    scale = max(1.0, float(np.max(np.abs(np.asarray(chain.payoffs, dtype=float)))))
    worst = (chain.labels[s], i, d) if gains[k] > 0 else None
    return EquilibriumCheck(bool(gains[k] <= tol * scale), kind, max(0.0, float(gains[k])), worst,
                            int(states.sum()))


def is_nash_equilibrium(
    game: RepeatedGame, profile: Sequence[Automaton], *, tol: float = DEFAULT_TOL
) -> EquilibriumCheck:
    """Check Nash equilibrium: no player has a better reply from the initial state.

    Each player's best reply to the others' automata solves a Markov decision problem on the
    joint states (policy iteration); the profile is a Nash equilibrium when no player's
    optimum beats his value from the initial state. The worst deviation reported is the
    first action of the best reply where it departs from the automaton on the path.

    See Also
    --------
    is_subgame_perfect : the stronger check.
    critical_discount : the least discount factor at which it holds.
    profile_values : the profile's discounted values.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> tft = ml.automata.tit_for_tat()
    >>> bool(ml.solvers.is_nash_equilibrium(ml.RepeatedGame(pd, 0.7), [tft, tft]))
    True
    >>> ml.solvers.is_nash_equilibrium(ml.RepeatedGame(pd, 0.6), [tft, tft]).holds
    False

    (Below ``(T - R) / (R - S) = 2/3`` alternating D and C beats cooperating.)
    """
    tol = check_tol(tol)
    chain = _chain(game, profile, exact=False)
    delta = float(game.delta)
    u, trans = chain.step(chain.outcome)
    vals = _values_float(u, trans, delta)
    scale = max(1.0, float(np.max(np.abs(chain.payoffs))))
    best_gain, worst = 0.0, None
    for i, m in enumerate(chain.shape):
        steps = [chain.step(chain.deviation_outcome(i, d)) for d in range(m)]
        policy = chain.intended[:, i].copy()
        for _ in range(200):
            ui = np.array([steps[policy[s]][0][s, i] for s in range(len(policy))])
            ti = np.array([steps[policy[s]][1][s] for s in range(len(policy))])
            v = _values_float(ui, ti, delta)
            q = np.stack([(1 - delta) * ud[:, i] + delta * td @ v for ud, td in steps], axis=1)
            better = q.max(axis=1) > q[np.arange(len(policy)), policy] + ROUNDING * scale
            if not better.any():
                break
            policy = np.where(better, q.argmax(axis=1), policy)
        else:  # pragma: no cover - policy iteration converges in finitely many steps
            raise SolverError("policy iteration did not converge")
        gain = float(chain.initial @ v - chain.initial @ vals[:, i])
        if gain > best_gain:
            start = int(np.argmax(chain.initial))
            best_gain, worst = gain, (chain.labels[start], i, int(policy[start]))
    return EquilibriumCheck(best_gain <= tol * scale, "Nash", best_gain, worst,
                            len(chain.labels))


def critical_discount(
    stage: NormalFormGame,
    profile: Sequence[Automaton],
    *,
    kind: Literal["spe", "nash"] = "spe",
    noise: Number = 0,
    monitoring_error: Number = 0,
    symbolic: bool = False,
    grid: int = 2001,
    tol: float = DEFAULT_TOL,
) -> CriticalDiscount:
    """The least discount factor at which ``profile`` is an equilibrium of the repeated game.

    Parameters
    ----------
    stage : NormalFormGame
        The stage game.
    profile : sequence of Automaton
    kind : {"spe", "nash"}
        Subgame perfect (default; one-shot deviation constraints on every history-reachable
        joint state) or Nash equilibrium.
    noise, monitoring_error
        As in :class:`~multilateral.RepeatedGame`.
    symbolic : bool
        Also return the threshold as a sympy expression in the stage payoffs: the payoffs
        are replaced by symbols, the binding constraint's root is solved for symbolically, and
        the root that matches the numbers is kept (valid for every game in which the same
        constraint binds). For a 2x2 game the symbols are ``T, R, P, S`` when it is
        symmetric, else ``a_ij`` and ``b_ij``.
    grid : int
        Discount factors sampled in [0, 1) before the boundaries are refined exactly.

    Returns
    -------
    CriticalDiscount
        With exact values when the stage game is exact (Fractions or algebraic numbers).

    When the profile is an equilibrium for no discount factor in ``[0, 1)`` the result says so
    (``attainable`` is False, ``delta`` is ``inf``).

    See Also
    --------
    is_subgame_perfect : the check at one discount factor.
    is_nash_equilibrium : the Nash check at one discount factor.
    profile_values : the profile's discounted values.
    multilateral.results.CriticalDiscount : what it returns.

    References
    ----------
    .. [1] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames.
       *Review of Economic Studies* 38(1), 1-12.
    .. [2] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1).

    Examples
    --------
    Grim trigger sustains cooperation in the Prisoners' Dilemma iff
    ``delta >= (T - R) / (T - P)``:

    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> grim = ml.automata.grim_trigger()
    >>> ml.solvers.critical_discount(pd, [grim, grim])
    CriticalDiscount(1/2)
    >>> expr = ml.solvers.critical_discount(pd, [grim, grim], symbolic=True).expression
    >>> import sympy
    >>> T, R, P = sympy.symbols("T R P")
    >>> sympy.simplify(expr - (T - R) / (T - P))
    0
    """
    tol = check_tol(tol)
    if kind not in ("spe", "nash"):
        raise InvalidArgumentError(f"kind must be 'spe' or 'nash', got {kind!r}")
    if isinstance(grid, bool) or not isinstance(grid, int) or grid < 11:
        raise InvalidArgumentError(f"grid must be an integer >= 11, got {grid!r}")
    game = RepeatedGame(stage, 0, noise=noise, monitoring_error=monitoring_error)
    deltas = np.linspace(0.0, 1.0, grid, endpoint=False)
    if kind == "nash":
        ok = np.array([bool(is_nash_equilibrium(game.with_delta(float(d)), profile, tol=tol))
                       for d in deltas])
        return _from_grid(ok, deltas, lambda d: bool(
            is_nash_equilibrium(game.with_delta(float(d)), profile, tol=tol)))
    chain = _chain(game, profile)
    states = _history_reachable(chain)
    fchain = _float_chain(chain)
    scale = max(1.0, float(np.max(np.abs(np.asarray(fchain.payoffs)))))

    def worst(d: Any) -> Any:
        gains = _one_shot_gains(fchain, d, states)[0]
        return gains.max(axis=-1) if gains.shape[-1] else np.zeros(np.shape(d))

    if chain.exact:
        result = _exact_feasible(chain, states)
    else:
        ok = worst(deltas) <= tol * scale
        result = _from_grid(ok, deltas, lambda d: bool(worst(d) <= tol * scale))
    if symbolic:
        result = _with_expression(chain, states, result, stage)
    return result


def _from_grid(ok: NDArray[np.bool_], deltas: NDArray[np.float64], test: Any) -> CriticalDiscount:
    """Feasible intervals from grid verdicts, with each boundary refined by bisection."""
    if not ok.any():
        return CriticalDiscount.never()
    intervals = []
    idx = np.flatnonzero(ok)
    runs = np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1)
    for run in runs:
        lo_i, hi_i = run[0], run[-1]
        lo = float(deltas[lo_i]) if lo_i == 0 else _bisect(test, float(deltas[lo_i - 1]),
                                                            float(deltas[lo_i]), rising=True)
        hi = 1.0 if hi_i == len(deltas) - 1 else _bisect(test, float(deltas[hi_i]),
                                                          float(deltas[hi_i + 1]), rising=False)
        intervals.append((lo, hi))
    return CriticalDiscount(delta=intervals[0][0], feasible=tuple(intervals))


def _bisect(test: Any, a: float, b: float, *, rising: bool) -> float:
    """Boundary between a and b where ``test`` switches (False->True if rising)."""
    for _ in range(60):
        mid = (a + b) / 2
        if test(mid) == rising:
            b = mid
        else:
            a = mid
    return b if rising else a


def _exact_feasible(chain: _Chain, states: NDArray[np.bool_]) -> CriticalDiscount:
    """The exact set of discount factors in [0, 1) where every one-shot constraint holds.

    Each constraint is a rational function of delta; between consecutive roots of the
    numerators and denominators its sign is constant, so testing every root and one point in
    each gap (with 50-digit arithmetic) decides the whole set, isolated points included.
    """
    import sympy

    d = sympy.Symbol("delta")
    constraints = _symbolic_gains(chain, states, d, None)
    fracs = [(where, *sympy.fraction(sympy.together(expr))) for where, expr in constraints]
    roots: dict[str, Any] = {}
    for _, num, den in fracs:
        for part in (num, den):
            poly = sympy.Poly(sympy.expand(part), d)
            if poly.degree() >= 1:
                for r in poly.real_roots():
                    if 0 < float(r) < 1:
                        roots.setdefault(str(sympy.N(r, 40)), r)
    points = sorted(roots.values(), key=lambda r: float(sympy.N(r, 40)))
    funcs = [sympy.lambdify(d, num / den, "mpmath") for _, num, den in fracs]

    def feasible(x: Any) -> bool:
        import mpmath

        with mpmath.workdps(60):
            xv = mpmath.mpf(str(sympy.N(x, 60)))
            return all(f(xv) <= mpmath.mpf(SYMBOLIC_ZERO) for f in funcs)

    pieces: list[tuple[Any, Any]] = []  # (lo, hi) closed pieces in order: points and gaps
    grid = [sympy.Integer(0), *points, sympy.Integer(1)]
    for k, lo in enumerate(grid[:-1]):
        hi = grid[k + 1]
        if feasible(lo):
            pieces.append((lo, lo))
        if feasible((lo + hi) / 2):
            pieces.append((lo, hi))
    if not pieces:
        return CriticalDiscount.never()
    merged: list[list[Any]] = []
    for lo, hi in pieces:
        if merged and merged[-1][1] == lo:
            merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    low = merged[0][0]
    exact = Fraction(int(low.p), int(low.q)) if low.is_Rational else low
    binding = None
    if low != 0:
        for (s, i, a), num, den in fracs:
            if abs(sympy.N((num / den).subs(d, low), 30)) < SYMBOLIC_BINDING:
                binding = (chain.labels[s], i, a)
                break
    return CriticalDiscount(
        delta=float(sympy.N(low, 20)),
        feasible=tuple((float(sympy.N(lo, 20)), float(sympy.N(hi, 20))) for lo, hi in merged),
        exact=exact,
        binding=binding,
    )


def _with_expression(chain: _Chain, states: NDArray[np.bool_], found: CriticalDiscount,
                     stage: NormalFormGame) -> CriticalDiscount:
    """Add the threshold as an expression in the stage payoffs' symbols."""
    import sympy

    if found.delta == 0.0:
        return CriticalDiscount(0.0, found.feasible, found.exact, sympy.Integer(0),
                                found.binding)
    d = sympy.Symbol("delta")
    symbols, subs = _payoff_symbols(stage)
    for (s, i, a), expr in _symbolic_gains(chain, states, d, symbols):
        numeric = sympy.together(expr.subs(subs))
        if abs(float(sympy.N(numeric.subs(d, sympy.nsimplify(found.delta)), 30))) > MATCH:
            continue
        num, _ = sympy.fraction(sympy.together(expr))
        for cand in sympy.solve(num, d):
            if abs(float(cand.subs(subs)) - found.delta) < ROOT_MATCH:
                expression = sympy.factor(sympy.simplify(cand))
                return CriticalDiscount(found.delta, found.feasible, found.exact, expression,
                                        (chain.labels[s], i, a))
    return found


def _payoff_symbols(stage: NormalFormGame) -> tuple[Any, dict[Any, Any]]:
    """Symbols for the stage payoffs and their numeric values."""
    import sympy

    from ..games.two_by_two import TwoByTwo

    if stage.shape == (2, 2):
        g = TwoByTwo.from_game(stage)
        if g.is_symmetric:
            t, r, p, s = sympy.symbols("T R P S")
            sym = np.array([[[r, r], [s, t]], [[t, s], [p, p]]], dtype=object)
            vals = dict(zip((t, r, p, s), (sympy.nsimplify(v) for v in g.trps(0)),
                            strict=True))
            return sym, vals
    sym = np.empty(stage.payoffs.shape, dtype=object)
    vals = {}
    names = "abcdefghijklmnopqrstuvwxyz"
    for idx in np.ndindex(*stage.payoffs.shape):
        x = sympy.Symbol(f"{names[idx[-1]]}_{''.join(str(k) for k in idx[:-1])}")
        sym[idx] = x
        vals[x] = sympy.nsimplify(stage.payoffs[idx])
    return sym, vals


def _symbolic_gains(chain: _Chain, states: NDArray[np.bool_], d: Any, symbols: Any
                    ) -> list[tuple[tuple[int, int, int], Any]]:
    """One-shot deviation gains as sympy expressions in delta (and payoff symbols)."""
    import sympy

    def q(x: Any) -> Any:
        return sympy.nsimplify(x) if not isinstance(x, Fraction) else sympy.Rational(
            x.numerator, x.denominator)

    profiles = list(itertools.product(*(range(m) for m in chain.shape)))
    if symbols is None:
        pay = sympy.Matrix([[q(v) for v in row] for row in np.asarray(chain.payoffs).tolist()])
    else:
        pay = sympy.Matrix([[symbols[(*p, i)] for i in range(len(chain.shape))]
                            for p in profiles])
    report = sympy.Matrix([[q(v) for v in row] for row in np.asarray(chain.report).tolist()])
    moves = [sympy.Matrix([[q(v) for v in row] for row in np.asarray(m).tolist()])
             for m in chain.moves]

    def step(outcome: Any) -> tuple[Any, Any]:
        out = sympy.Matrix([[q(v) for v in row] for row in np.asarray(outcome).tolist()])
        weights = out * report
        trans = sympy.zeros(len(chain.labels), len(chain.labels))
        for r, mv in enumerate(moves):
            trans += sympy.diag(*weights[:, r]) * mv
        return out * pay, trans

    u, trans = step(chain.outcome)
    n_states = len(chain.labels)
    vals = (sympy.eye(n_states) - d * trans).LUsolve((1 - d) * u)
    out = []
    for i, m in enumerate(chain.shape):
        for a in range(m):
            ud, td = step(chain.deviation_outcome(i, a))
            dev = (1 - d) * ud[:, i] + d * td * vals[:, i]
            for s in np.flatnonzero(states):
                if chain.intended[s, i] != a:
                    out.append(((int(s), i, a), dev[s] - vals[s, i]))
    return out
