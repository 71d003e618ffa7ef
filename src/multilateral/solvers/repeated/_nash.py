"""The Nash threshold of an automaton profile: exact for exact games, fast in floats.

A profile is a Nash equilibrium at ``delta`` iff no player has a better reply from the
initial state. Player ``i``'s best reply to the others' automata is a Markov decision problem
(the model :func:`~multilateral.solvers.repeated.checks.is_nash_equilibrium` solves): its
state is the joint automaton state, its actions ``i``'s actions, and choosing an action
changes the stage payoff and the transition exactly as in the chain (with the implementation
error on everybody's action, the deviator's included, and the monitoring error on the
reported profile). ``i``'s own automaton state moves nobody else's automaton and no payoff,
so the problem lives on the *others'* joint states (:func:`deviators`): the optimum is the
same, on up to ``|S_i|`` times fewer states. The optimum is attained by a deterministic
stationary policy, so

    Nash at ``delta``  iff  ``start W_pi(delta) <= V_i(delta)`` for every policy ``pi``
    and player ``i``,

with ``W_pi`` the policy's discounted values and ``V_i`` the profile's value from its
initial state. Only a policy's actions on the states it reaches from the start matter
(:func:`policies` enumerates those). Each side is a rational function of ``delta``, so the
exact path (:func:`nash_exact`) takes, for each policy, the numerator of the difference
(:func:`~._roots.series_fraction`) and finds the exact set where all of them are <= 0
(:func:`~._roots.feasible_set`). The float path (:func:`nash_float`) runs policy iteration
on all the grid's discount factors at once (numpy, batched) and refines each boundary by
repeated 32-point sections of the bracket; its verdict at each ``delta`` is the Nash check's,
with the same tolerance. With ``symbolic=True`` the binding policy's indifference with the
profile is solved for ``delta`` with the payoffs as symbols (:func:`_expression`). The
overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from ...errors import SolverError
from ...results import CriticalDiscount
from ...tolerances import ROUNDING
from ._chain import Chain
from ._roots import feasible_set, poly_mul, poly_sub, series_fraction
from ._sparse import DENSE_CHAIN, SCHUR_STATES, Shifted, allowance, kron_factors, mix_rows, near_one
from ._spe import dense_rows

__all__ = ["POLICY_LIMIT", "Deviator", "deviators", "nash_exact", "nash_float", "policies"]

#: At most this many policies are enumerated per player on the exact path; beyond it the
#: candidates are the optimal policies found by float policy iteration on the grid.
POLICY_LIMIT = 4096
_SECTIONS = 32  # points per refinement round of a float boundary
_ROUNDS = 9  # 2001 grid points, then 32**9: below the float spacing near 1


@dataclass(frozen=True)
class Deviator:
    """Player ``player``'s best-reply problem on the others' joint states."""

    player: int
    rewards: Any  # (A, X): expected stage payoff of each own action in each others' state
    moves: Any  # (A, X, X): transition of the others' joint state
    start: Any  # (X,): distribution of the others' first joint state
    first: int  # the others' part of the profile's most likely first joint state


def deviators(chain: Chain, sizes: Sequence[int]) -> list[Deviator]:
    """Every player's best-reply problem (exact when the chain is)."""
    out = []
    n_joint = len(chain.labels)
    index = np.arange(n_joint).reshape(tuple(sizes))
    start_joint = int(np.argmax(np.asarray(chain.initial, dtype=float)))
    for i, m in enumerate(chain.shape):
        rows = np.take(index, 0, axis=i).ravel()  # own automaton in its first state
        others = tuple(s for j, s in enumerate(sizes) if j != i)
        rewards, moves = [], []
        for a in range(m):
            outcome = chain.deviation_outcome(i, a)[rows]
            weights = outcome @ chain.report
            trans = dense_rows(chain, rows, weights)  # (X, S), from the factors
            trans = trans.reshape((len(rows), *sizes)).sum(axis=1 + i).reshape(len(rows), -1)
            rewards.append((outcome @ chain.payoffs)[:, i])
            moves.append(trans)
        start = np.asarray(chain.initial).reshape(tuple(sizes)).sum(axis=i).ravel()
        first = int(np.ravel_multi_index(
            tuple(c for j, c in enumerate(np.unravel_index(start_joint, tuple(sizes))) if j != i),
            others)) if others else 0
        dtype = object if chain.exact else float
        out.append(Deviator(i, np.array(rewards, dtype=dtype), np.array(moves, dtype=dtype),
                            start, first))
    return out


def policies(dev: Deviator, limit: int = POLICY_LIMIT) -> Iterator[dict[int, int]] | None:
    """Deterministic policies that differ on the states they reach from the start.

    Each is a dict ``{others' state: action}`` over the states it reaches. None when there
    are more than ``limit``.
    """
    n_actions, n_states = dev.rewards.shape
    succ = [[tuple(int(y) for y in np.flatnonzero(np.asarray(dev.moves[a, x] != 0)))
             for x in range(n_states)] for a in range(n_actions)]
    found: list[dict[int, int]] = []

    def walk(assign: dict[int, int], frontier: tuple[int, ...]) -> bool:
        if not frontier:
            found.append(dict(assign))
            return len(found) <= limit
        x, rest = frontier[0], frontier[1:]
        for a in range(n_actions):
            new = tuple(y for y in succ[a][x] if y != x and y not in assign and y not in rest)
            assign[x] = a
            going = walk(assign, rest + new)
            del assign[x]
            if not going:
                return False
        return True

    start = tuple(int(x) for x in np.flatnonzero(np.asarray(dev.start != 0)))
    return iter(found) if walk({}, start) else None


def _reachable(trans: Any, start: Any) -> list[int]:
    adj: Any = sp.csr_matrix(trans) if sp.issparse(trans) else np.asarray(trans != 0)
    seen = set(int(x) for x in np.flatnonzero(np.asarray(start != 0)))
    frontier = list(seen)
    while frontier:
        x = frontier.pop()
        row = adj.getrow(x).indices if sp.issparse(adj) else np.flatnonzero(adj[x])
        for y in row:
            if int(y) not in seen:
                seen.add(int(y))
                frontier.append(int(y))
    return sorted(seen)


def _fraction_of(start: Any, trans: Any, reward: Any, keep: Sequence[int]) -> tuple[list[int],
                                                                                    list[int]]:
    return series_fraction([_q(start[x]) for x in keep],
                           [[_q(trans[x, y]) for y in keep] for x in keep],
                           [_q(reward[x]) for x in keep])


def _q(x: Any) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(x)


def nash_exact(chain: Chain, sizes: Sequence[int], deltas: NDArray[np.float64],
               symbols: tuple[Any, dict[Any, Any]] | None = None) -> CriticalDiscount:
    """The exact Nash feasible set of an exact chain (see the module docstring).

    With ``symbols`` (the stage payoffs' symbols and their values), also the threshold as
    an expression in them (:func:`_expression`).
    """
    u = chain.outcome @ chain.payoffs
    trans = dense_rows(chain, np.arange(len(chain.labels)), chain.outcome @ chain.report)
    keep = _reachable(trans, chain.initial)
    devs = deviators(chain, sizes)
    polys: list[list[int]] = []
    meta: list[tuple[int, dict[int, int]]] = []
    for dev in devs:
        num_v, den_v = _fraction_of(chain.initial, trans, u[:, dev.player], keep)
        found = policies(dev)
        if found is None:  # too many to enumerate: the optimal ones on the grid
            found = iter(_grid_policies(chain, sizes, dev, deltas))
        # the deviator's data as Fractions once (not once per policy)
        q_moves = [[[_q(v) for v in row] for row in np.asarray(dev.moves[a]).tolist()]
                   for a in range(dev.moves.shape[0])]
        q_rewards = [[_q(v) for v in row] for row in np.asarray(dev.rewards).tolist()]
        q_start = [_q(v) for v in np.asarray(dev.start).tolist()]
        for pol in found:
            states = sorted(pol)
            rows = [pol[x] for x in states]
            pairs = list(zip(rows, states, strict=True))
            num_w, den_w = series_fraction([q_start[x] for x in states],
                                           [[q_moves[a][x][y] for y in states]
                                            for a, x in pairs],
                                           [q_rewards[a][x] for a, x in pairs])
            # sign of W_pi - V on [0, 1): both denominators are positive there
            polys.append(poly_sub(poly_mul(num_w, den_v), poly_mul(num_v, den_w)))
            meta.append((dev.player, pol))
    found_set = feasible_set(polys)
    if found_set.low is None:
        return CriticalDiscount.never()
    binding, expression = None, None
    if found_set.binding is not None:
        i, pol = meta[found_set.binding]
        start = int(np.argmax(np.asarray(chain.initial, dtype=float)))
        binding = (chain.labels[start], i, pol[devs[i].first])
        if symbols is not None:
            expression = _expression(chain, sizes, i, pol, keep, symbols, found_set.low_float)
    elif symbols is not None:
        import sympy

        expression = sympy.Integer(0)
    return CriticalDiscount(found_set.low_float, found_set.pieces, exact=found_set.low,
                            expression=expression, binding=binding)


def _expression(chain: Chain, sizes: Sequence[int], player: int, policy: dict[int, int],
                keep: Sequence[int], symbols: tuple[Any, dict[Any, Any]], target: float
                ) -> Any:
    """The binding policy's indifference ``W_pi = V_i`` solved for ``delta`` in the symbols.

    The transitions are numbers; only the stage payoffs are symbols, so each value is a sum
    over states of ``payoff(state) * N(delta) / C(delta)`` (the value series of each state's
    indicator). The root that matches ``target`` is kept. None when the numerator has degree
    above 4 in ``delta`` (no formula in radicals in general) or no root matches.
    """
    import sympy

    from ...tolerances import ROOT_MATCH

    d = sympy.Symbol("delta")
    sym, subs = symbols
    profiles = list(itertools.product(*(range(m) for m in chain.shape)))
    pay = [sym[(*prof, player)] for prof in profiles]

    def expr_of(poly: list[int]) -> Any:
        return sum((c * d ** k for k, c in enumerate(poly)), sympy.Integer(0))

    def value(start: Any, trans: Any, outcome: Any, states: Sequence[int]) -> Any:
        total = sympy.Integer(0)
        for x in states:
            unit = [Fraction(int(y == x)) for y in states]
            num, den = series_fraction([_q(start[y]) for y in states],
                                       [[_q(trans[a][b]) for b in states] for a in states], unit)
            if num:
                reward = sum((sympy.Rational(_q(p).numerator, _q(p).denominator) * pay[r]
                              for r, p in enumerate(outcome[x]) if p), sympy.Integer(0))
                total += reward * expr_of(num) / expr_of(den)
        return total

    _, trans = chain.step(chain.outcome)
    profile_value = value(chain.initial, trans, chain.outcome, keep)
    index = np.arange(len(chain.labels)).reshape(tuple(sizes))
    rows = np.take(index, 0, axis=player).ravel()
    dev = deviators(chain, sizes)[player]
    outcomes = [chain.deviation_outcome(player, a)[rows] for a in range(chain.shape[player])]
    states = sorted(policy)
    n_x = dev.rewards.shape[1]
    dev_trans = [[dev.moves[policy[x], x, y] if x in policy else 0 for y in range(n_x)]
                 for x in range(n_x)]
    dev_outcome = [outcomes[policy[x]][x] if x in policy else None for x in range(n_x)]
    gap = value(dev.start, dev_trans, dev_outcome, states) - profile_value
    num, _ = sympy.fraction(sympy.together(gap))
    poly = sympy.Poly(sympy.expand(num), d)
    while poly.degree() > 0 and poly.eval(0) == 0:
        poly = sympy.Poly(sympy.cancel(poly.as_expr() / d), d)
    if poly.degree() < 1 or poly.degree() > 4:
        return None
    for cand in sympy.solve(poly.as_expr(), d):
        if abs(complex(sympy.N(cand.subs(subs), 30)) - target) < ROOT_MATCH:
            return sympy.factor(sympy.simplify(cand))
    return None


# -- floats --------------------------------------------------------------------------------------
def _best_values(dev: Deviator, deltas: NDArray[np.float64], scale: float
                 ) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Optimal values (G, X) and policies (G, X) at every delta, by batched policy iteration."""
    rewards = np.asarray(dev.rewards, dtype=float)
    moves = np.asarray(dev.moves, dtype=float)
    n_states = rewards.shape[1]
    xs = np.arange(n_states)
    d = deltas[:, None]
    eye = np.eye(n_states)
    policy = np.broadcast_to(rewards.argmax(axis=0), (len(deltas), n_states)).copy()
    for _ in range(200):
        if n_states > SCHUR_STATES:  # one Hessenberg form per distinct policy, no threaded solves
            vals = np.empty((len(deltas), n_states))
            distinct, which = np.unique(policy, axis=0, return_inverse=True)
            for k, row in enumerate(distinct):
                at = np.flatnonzero(np.ravel(which) == k)
                vals[at] = Shifted(moves[row, xs]).values(deltas[at], rewards[row, xs][:, None]
                                                          )[..., 0]
        else:
            trans = moves[policy, xs[None, :], :]
            reward = rewards[policy, xs[None, :]]
            vals = np.linalg.solve(eye - d[..., None] * trans,
                                   ((1 - d) * reward)[..., None])[..., 0]
        q = (1 - d)[..., None] * rewards.T[None] + d[..., None] * np.einsum(
            "axy,gy->gxa", moves, vals)
        current = np.take_along_axis(q, policy[..., None], axis=-1)[..., 0]
        better = q.max(axis=-1) > current + ROUNDING * scale
        if not better.any():
            return vals, policy
        policy = np.where(better, q.argmax(axis=-1), policy)
    raise SolverError("policy iteration did not converge")  # pragma: no cover


def _gains(profile: tuple[Any, Any, Any, Shifted | None], devs: list[Deviator],
           deltas: NDArray[np.float64], scale: float) -> NDArray[np.float64]:
    """The largest gain of any player's best reply at each delta (the Nash check's).

    ``profile`` is the profile's ``(u, trans, init, shifted)`` on the joint states it reaches
    (``shifted``: its Hessenberg form above ``SCHUR_STATES`` states, else None).
    """
    u, trans, init, shifted = profile
    d = deltas[:, None, None]
    if shifted is not None:  # (G, S, N), without a threaded solve per delta
        vals = shifted.values(deltas, u)
    else:
        vals = np.linalg.solve(np.eye(trans.shape[0]) - d * trans, (1 - d) * u)
    values = np.einsum("s,gsn->gn", init, vals)
    best = np.full(len(deltas), -np.inf)
    for dev in devs:
        w, _ = _best_values(dev, deltas, scale)
        start = np.einsum("gx,x->g", w, np.asarray(dev.start, dtype=float))  # no BLAS gemv
        best = np.maximum(best, start - values[:, dev.player])
    return best


def _restricted(dev: Deviator) -> Deviator:
    """``dev`` on the others' states some action sequence reaches from the start."""
    moves = np.asarray(dev.moves, dtype=float)
    keep = _reachable(moves.sum(axis=0), np.asarray(dev.start, dtype=float))
    return Deviator(dev.player, np.asarray(dev.rewards, dtype=float)[:, keep],
                    moves[:, keep][:, :, keep], np.asarray(dev.start, dtype=float)[keep],
                    keep.index(dev.first))


def _grid_policies(chain: Chain, sizes: Sequence[int], dev: Deviator,
                   deltas: NDArray[np.float64]) -> list[dict[int, int]]:
    """The distinct optimal policies of ``dev`` on the grid (restricted to reached states)."""
    scale = max(1.0, float(np.max(np.abs(np.asarray(chain.payoffs, dtype=float)))))
    _, pols = _best_values(deviators(_float(chain), sizes)[dev.player], deltas, scale)
    moves = np.asarray(dev.moves, dtype=float)
    out: dict[tuple[tuple[int, int], ...], dict[int, int]] = {}
    for row in np.unique(pols, axis=0):
        trans = moves[row, np.arange(len(row))]
        reached = _reachable(trans, np.asarray(dev.start, dtype=float))
        pol = {x: int(row[x]) for x in reached}
        out.setdefault(tuple(sorted(pol.items())), pol)
    return list(out.values())


def _float(chain: Chain) -> Chain:
    from ._chain import float_chain

    return float_chain(chain)


def nash_float(chain: Chain, sizes: Sequence[int], deltas: NDArray[np.float64], tol: float,
               *, near: bool = False) -> CriticalDiscount:
    """The Nash feasible set in floats: the grid's verdicts and boundaries refined by sections.

    With ``near``, also samples beyond the grid's last point (:func:`._sparse.near_one`),
    where a gain may be only :func:`._sparse.allowance` times ``tol`` times the largest payoff.
    """
    grid = len(deltas)
    chain = _float(chain)
    scale = max(1.0, float(np.max(np.abs(chain.payoffs))))
    devs = [_restricted(dev) for dev in deviators(chain, sizes)]
    u = chain.outcome @ chain.payoffs
    every = np.arange(len(chain.labels))
    if len(every) <= DENSE_CHAIN:
        full: Any = chain.step(chain.outcome)[1]
    else:
        full = mix_rows(kron_factors(chain), every, every, chain.outcome @ chain.report)
    keep = _reachable(full, chain.initial)  # the profile's value needs only these
    trans = full[keep][:, keep]
    trans = trans.toarray() if sp.issparse(trans) else trans
    shifted = Shifted(trans) if trans.shape[0] > SCHUR_STATES else None  # once for all
    profile = (u[keep], trans, chain.initial[keep], shifted)

    def ok(ds: NDArray[np.float64]) -> NDArray[np.bool_]:
        return _gains(profile, devs, ds, scale) <= tol * scale * allowance(ds, grid)

    if near:
        deltas = np.concatenate([deltas, near_one(grid)])
    verdicts = ok(deltas)
    if not verdicts.any():
        return CriticalDiscount.never()
    idx = np.flatnonzero(verdicts)
    runs = np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1)
    intervals = []
    for run in runs:
        lo_i, hi_i = run[0], run[-1]
        lo = float(deltas[lo_i]) if lo_i == 0 else _refine(
            ok, float(deltas[lo_i - 1]), float(deltas[lo_i]), rising=True)
        hi = 1.0 if hi_i == len(deltas) - 1 else _refine(
            ok, float(deltas[hi_i]), float(deltas[hi_i + 1]), rising=False)
        intervals.append((lo, hi))
    return CriticalDiscount(delta=intervals[0][0], feasible=tuple(intervals))


def _refine(ok: Any, a: float, b: float, *, rising: bool) -> float:
    """The boundary between ``a`` and ``b`` where ``ok`` switches (to True if ``rising``)."""
    for _ in range(_ROUNDS):
        inner = np.linspace(a, b, _SECTIONS + 2)[1:-1]
        # ok(a) is not rising, ok(b) is: the first switch in between
        flips = np.flatnonzero(ok(inner) == rising)
        k = int(flips[0]) if flips.size else _SECTIONS
        a, b = (float(inner[k - 1]) if k else a), (float(inner[k]) if k < _SECTIONS else b)
        if b - a <= 4 * np.spacing(b):
            break
    return b if rising else a
