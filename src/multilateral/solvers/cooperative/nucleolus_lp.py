"""The nucleolus of a TU game, by sequential linear programmes.

Each LP minimizes the largest excess among the coalitions not yet fixed; those whose
constraint carries a positive dual are fixed at that level, and at most ``n`` LPs are needed.
For exact games the nucleolus and its levels are re-derived exactly from the fixed
equalities. The overview is in :mod:`multilateral.solvers.cooperative`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction
from ..._validation import DEFAULT_TOL
from ...errors import InvalidGameError, InvalidTypeError
from ...games.coalitional import TUGame
from ...tolerances import DUAL_POSITIVE, MATCH, RANK
from ._common import as_tu_game, check_lp_size, proper_coalitions, solve_lp, solve_rows
from .results import Nucleolus

__all__ = ["nucleolus"]
__dir__ = public_dir(__all__)


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
    game = as_tu_game(game)
    if not isinstance(individually_rational, (bool, np.bool_)):
        raise InvalidTypeError(
            f"individually_rational must be True or False, got {individually_rational!r}")
    individually_rational = bool(individually_rational)
    check_lp_size(game, 1, "the nucleolus")
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
        alone = (as_fraction(game.grand_value),) if game.is_exact else None
        return Nucleolus(np.array([float(game.grand_value)]), alone, (), (),
                         () if alone else None, 0, ir)
    scale = game.scale
    v = game.float_values / scale
    masks, bits_int = proper_coalitions(n)
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
        res = solve_lp(np.r_[np.zeros(n), 1.0], a_ub, b_ub, a_eq, np.array(eq_rhs), bounds,
                       f"nucleolus LP {n_lps + 1}")
        n_lps += 1
        z = np.asarray(res.x, dtype=float)
        eps = float(res.fun)
        duals = -np.asarray(res.ineqlin.marginals, dtype=float)
        fix = rows[duals > DUAL_POSITIVE]
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
                if i not in fixed_bounds and lower[i] > DUAL_POSITIVE:
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
            remaining[rest[np.linalg.norm(resid, axis=1) <= RANK]] = False
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


# -- internals --------------------------------------------------------------------------------
def _no_imputation(game: TUGame) -> bool:
    singles = game.values[[1 << i for i in range(game.n_players)]]
    if game.is_exact:
        return bool(sum(Fraction(s) for s in singles.tolist()) > game.grand_value)
    return float(np.sum(singles)) - float(game.grand_value) > DEFAULT_TOL * game.scale


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
        if norm > RANK:
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
    sol = solve_rows(matrix, rhs)
    if sol is None:
        return None
    # every equality, not only the independent ones, must hold exactly
    for row, b in zip(matrix, rhs, strict=True):
        lhs = sum((s for s, c in zip(sol, row, strict=True) if c), Fraction(0))
        if lhs != as_fraction(b):
            return None
    x, eps = sol[:n], sol[n:]
    if ir and any(x[i] < as_fraction(game.values[1 << i]) for i in range(n)):
        return None
    if any(abs(float(a) - b) > MATCH * scale for a, b in zip(x, approx, strict=True)):
        return None
    if any(abs(float(a) - b * scale) > MATCH * scale for a, b in zip(eps, levels, strict=True)):
        return None
    return tuple(x), tuple(eps)
