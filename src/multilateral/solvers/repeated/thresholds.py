"""Critical discount factors: the least ``delta`` at which a profile is an equilibrium.

:func:`critical_discount` takes one of four paths. ``kind="nash"`` solves each player's
best reply to the others' automata as a Markov decision problem on their joint states
(:mod:`._nash`): with an exact game, every deterministic policy's gain is a rational function
of ``delta`` and the exact feasible set is where all of them are <= 0 (:mod:`._roots`); with
floats, batched policy iteration on the grid and refined boundaries. ``kind="spe"`` with an
exact game writes every one-shot deviation constraint as an integer polynomial and finds the
exact feasible set with the same routine (:mod:`._spe`); with floats it samples the one-shot
deviation gains on the grid (:mod:`._sparse`). ``symbolic=True`` adds the threshold as an
expression in the stage payoffs' symbols (``_with_expression``; for ``kind="nash"``,
:mod:`._nash` solves the binding policy's indifference). The overview and the references
are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction
from ..._validation import DEFAULT_TOL, check_tol
from ...automata import Automaton
from ...errors import InvalidArgumentError
from ...games.normal_form import NormalFormGame
from ...games.repeated import RepeatedGame
from ...results import CriticalDiscount
from ...tolerances import MATCH, ROOT_MATCH
from ...types import Number
from ._chain import Chain, build_chain
from ._nash import nash_exact, nash_float
from ._sparse import GainEvaluator, allowance, history_reachable, near_one
from ._spe import spe_exact
from .checks import as_profile

__all__ = ["CriticalDiscount", "critical_discount"]
__dir__ = public_dir(__all__)


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
        joint state) or Nash equilibrium (no player has a better reply from the initial
        state, the model of :func:`is_nash_equilibrium`).
    noise, monitoring_error
        As in :class:`~multilateral.RepeatedGame`.
    symbolic : bool
        Also return the threshold as a sympy expression in the stage payoffs: the payoffs
        are replaced by symbols, the binding constraint's root is solved for symbolically, and
        the root that matches the numbers is kept (valid for every game in which the same
        constraint binds). For a 2x2 game the symbols are ``T, R, P, S`` when it is
        symmetric, else ``a_ij`` and ``b_ij``. With ``kind="nash"`` the binding constraint
        is the best deviation policy's indifference with the profile (transitions numeric,
        payoffs symbols); it needs an exact game (an
        :class:`~multilateral.errors.InvalidArgumentError` otherwise), and ``expression`` is
        None when that indifference has degree above 4 in ``delta`` (no formula in radicals;
        typical with noise) -- ``exact`` is still exact.
    grid : int
        Discount factors sampled in [0, 1) before the boundaries are refined, for float
        games (for ``kind="nash"``: batched policy iteration at every sample, then 32-point
        sections of each bracket down to float precision). Exact games need no grid. Beside
        the grid, a float game's threshold is also computed exactly from the floats' binary
        values (``Fraction(x)`` is exact), and the two feasible sets are joined: so a
        threshold above the last sample ``1 - 1/grid`` (grim trigger with ``T = 1e6,
        R = 1.0, P = 0.0``: ``0.999999``) and a feasible set that is an isolated point between
        samples (Tit for Tat's) are found. That exact set is skipped when an error rate is
        positive and the profile has more than ``BINARY_STATES`` (16) joint states (its
        coefficients grow long); then the grid goes on beyond ``1 - 1/grid`` to
        ``1 - 1e-7`` (25 samples per decade of ``1 - delta``), where a gain may be only
        ``grid * (1 - delta)`` times ``tol`` times the largest payoff (a gain is
        ``(1 - delta)`` times the gain per round: a fixed allowance would let every
        profile pass near 1), and an isolated feasible point between samples can still be
        missed. A threshold above ``1 - 1e-7`` is then not found (``never``): nearer 1 the
        float values are off by about ``1e-16 / (1 - delta)`` times the payoffs, more than
        the gains being judged (``_sparse.NEAR_ONE_DECADES``).

    Returns
    -------
    CriticalDiscount
        With exact values when the stage game, the error rates and the automata are exact
        (``exact`` a Fraction or a sympy algebraic number, ``binding`` the constraint that
        binds at the threshold); floats in, floats out (``exact`` None).

    When the profile is an equilibrium for no discount factor in ``[0, 1)`` the result says so
    (``attainable`` is False, ``delta`` is ``inf``).

    Notes
    -----
    ``kind="nash"``: a deviator's best reply to the others' automata is a Markov decision
    problem on the others' joint automaton states (his own state moves nothing else), solved
    by a deterministic stationary policy [3]_. Each policy's value from the start is a
    rational function of ``delta``; the profile is a Nash equilibrium at ``delta`` iff no
    policy's value exceeds the profile's. With an exact game every policy that differs on
    the states it reaches is compared (beyond 4096 per player, the optimal ones on the grid),
    and the feasible set is exact, isolated points and algebraic endpoints included; its
    ``binding`` is ``(initial joint state, player, first action of the best deviation)``.
    With floats the verdict at each ``delta`` is :func:`is_nash_equilibrium`'s (a gain up
    to ``tol`` times the largest payoff is no gain), so a deviation that gains less than
    that counts as none, joined with the exact set of the floats' binary values (see
    ``grid``); the exact path counts every gain. For 2x2 games and automata of up to
    four states both paths take a few ms to about 20 ms, up to about 50 ms with noise
    (``benchmarks/bench_repeated.py``; the first call also imports sympy).

    ``kind="spe"``: with an exact game each one-shot constraint is an integer polynomial in
    ``delta`` with the gain's sign on ``(0, 1)``, and the feasible set is exact (the routine
    of the Nash path). The joint transitions stay factored (one small matrix per player and
    reported profile), so three and four players with about a thousand history-reachable
    joint states take about a second exact and a few seconds in floats
    (``benchmarks/bench_repeated.py --scale``: deterministic automata, no noise). With noise
    the constraints' degrees grow with the states reached and their integer coefficients
    grow long: 3 players with 3-, 4- and 5-period punishment (120 joint states), noise 1/50,
    take about 2 s exact (the recurrence is found modulo primes and verified in integers;
    Berlekamp-Massey in Fractions took 34-108 s) and under a second in floats, with the
    default BLAS threads as with one (``bench_repeated.py --noisy``). With floats the
    one-shot gains are sampled on the grid (sparse solves; closed forms on the cycles of a
    deterministic profile; above 32 states one Hessenberg form of the transition serves
    every sample) and each boundary bisected; a gain up to ``tol`` times the largest payoff counts
    as none; the exact set of the binary values is joined in (see ``grid``).

    The float rule's "largest payoff" is the largest in absolute value *or 1, whichever is
    larger* (the rule of :func:`is_subgame_perfect` and :func:`is_nash_equilibrium`), so it
    is not scale-free: with every payoff far below 1 a real gain counts as none and the
    float threshold comes out too low (grim trigger in the Prisoners' Dilemma
    ``5, 3, 1, 0`` times ``1e-9``: 0.25 instead of 1/2; times ``1e-12``: 0). Rescale such
    payoffs, pass them exactly, or pass a ``tol`` in their units (``tol=1e-18`` gives 0.5).

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
    .. [3] Howard, R. A. (1960). *Dynamic Programming and Markov Processes*. MIT Press.
    .. [4] Axelrod, R. and Hamilton, W. D. (1981). The evolution of cooperation. *Science*
       211, 1390-1396, p. 1393 (Tit for Tat's stability condition).
    .. [5] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books, p. 207
       (Proposition 2: Tit for Tat is collectively stable iff
       ``w >= max((T - R)/(T - P), (T - R)/(R - S))``).

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

    Tit for Tat against itself is a Nash equilibrium (Axelrod's "collectively stable") iff
    ``delta >= max((T - R)/(T - P), (T - R)/(R - S)) = max(2/4, 2/3)`` [4]_ [5]_; the best
    deviation below that alternates D and C:

    >>> tft = ml.automata.tit_for_tat()
    >>> cd = ml.solvers.critical_discount(pd, [tft, tft], kind="nash")
    >>> cd, cd.exact, cd.binding
    (CriticalDiscount(2/3), Fraction(2, 3), (('C', 'C'), 0, 1))
    >>> ml.solvers.critical_discount(ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0),
    ...                              [tft, tft], kind="nash")   # floats in, floats out
    CriticalDiscount(0.666667)
    >>> expr = ml.solvers.critical_discount(pd, [tft, tft], kind="nash", symbolic=True).expression
    >>> S = sympy.Symbol("S")
    >>> sympy.simplify(expr - (T - R) / (R - S))
    0
    """
    tol = check_tol(tol)
    if kind not in ("spe", "nash"):
        raise InvalidArgumentError(f"kind must be 'spe' or 'nash', got {kind!r}")
    if isinstance(grid, bool) or not isinstance(grid, int) or grid < 11:
        raise InvalidArgumentError(f"grid must be an integer >= 11, got {grid!r}")
    game = RepeatedGame(stage, 0, noise=noise, monitoring_error=monitoring_error)
    profile = as_profile(game, profile)
    deltas = np.linspace(0.0, 1.0, grid, endpoint=False)
    sizes = [aut.n_states for aut in profile]
    chain = build_chain(game, profile)
    if kind == "nash":
        if chain.exact:
            return nash_exact(chain, sizes, deltas,
                              _payoff_symbols(stage) if symbolic else None)
        if symbolic:
            raise InvalidArgumentError(
                "symbolic=True with kind='nash' needs an exact game (integer or Fraction "
                "payoffs, error rates and automata); this one has floats")
        binary = _binary(game, profile, kind, deltas)
        return _union(nash_float(chain, sizes, deltas, tol, near=binary is None), binary)
    states = history_reachable(chain)
    if chain.exact:
        result = spe_exact(chain, states)
    else:
        binary = _binary(game, profile, kind, deltas)
        evaluator = GainEvaluator(chain, states)
        scale = max(1.0, float(np.max(np.abs(np.asarray(chain.payoffs, dtype=float)))))
        if binary is None:  # and the samples nearer 1, with the allowance shrinking there
            deltas = np.concatenate([deltas, near_one(grid)])

        def test(d: Any) -> Any:
            return evaluator.worst(d) <= tol * scale * allowance(d, grid)

        result = _union(_from_grid(test(deltas), deltas, lambda d: bool(test(d))), binary)
    if symbolic:
        result = _with_expression(chain, states, result, stage)
    return result


# -- floats: the binary values' exact feasible set beside the grid --------------------------------
#: With an implementation or monitoring error, the exact set of a float game's binary values
#: is computed only up to this many joint states (the error rate's binary value, ``0.05`` =
#: ``3602879701896397 / 2**56``, makes the exact constraints' coefficients long); beyond it
#: the grid, with samples up to ``1 - 1e-7``, decides alone.
BINARY_STATES = 16


def _binary(game: RepeatedGame, profile: Sequence[Automaton], kind: str,
            deltas: NDArray[np.float64]) -> CriticalDiscount | None:
    """The exact feasible set of the float game's binary values, or None when too costly.

    A float is a dyadic rational, so ``Fraction(x)`` is its value exactly: the exact path on
    those values finds thresholds above the grid's last sample and feasible points between
    samples. None when an error rate is positive and the profile has more than
    :data:`BINARY_STATES` joint states, or when an automaton's probabilities are not small
    rationals (the chain would not be exact).
    """
    errors = (float(game.noise), float(game.monitoring_error))
    if any(errors) and math.prod(aut.n_states for aut in profile) > BINARY_STATES:
        return None
    to_exact = np.vectorize(as_fraction, otypes=[object])
    stage = NormalFormGame(to_exact(np.asarray(game.stage.payoffs, dtype=float)))
    exact_game = RepeatedGame(stage, 0, noise=as_fraction(errors[0]),
                              monitoring_error=as_fraction(errors[1]))
    chain = build_chain(exact_game, profile)
    if not chain.exact:
        return None
    if kind == "nash":
        return nash_exact(chain, [aut.n_states for aut in profile], deltas)
    return spe_exact(chain, history_reachable(chain))


def _union(found: CriticalDiscount, exact: CriticalDiscount | None) -> CriticalDiscount:
    """The grid's feasible set joined with the binary values' exact one, in floats.

    Every exact feasible point has no gain, so the float verdict (a gain up to ``tol`` times
    the largest payoff is none) holds there too: the union is the float set, with what the
    grid cannot see (thresholds above its last sample, isolated points) added.
    """
    if exact is None or not exact.attainable:
        return found
    merged: list[tuple[float, float]] = []
    for lo, hi in sorted(found.feasible + exact.feasible):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    binding = exact.binding if exact.delta <= found.delta else found.binding
    return CriticalDiscount(delta=merged[0][0], feasible=tuple(merged), binding=binding)


# -- the grid and bisection (kind="nash", and kind="spe" in floats) -----------------------------
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


# -- the symbolic expression (symbolic=True) ----------------------------------------------------
def _with_expression(chain: Chain, states: NDArray[np.bool_], found: CriticalDiscount,
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

    from ...games.two_by_two import TwoByTwo

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


def _symbolic_gains(chain: Chain, states: NDArray[np.bool_], d: Any, symbols: Any
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
