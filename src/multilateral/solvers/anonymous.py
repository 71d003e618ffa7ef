"""Symmetric equilibria of anonymous binary-choice N-player games."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._validation import DEFAULT_TOL, check_tol
from ..errors import DegenerateGameError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..results import SymmetricEquilibrium
from ..tolerances import ROOT_X

__all__ = ["symmetric_equilibria"]
__dir__ = public_dir(__all__)

#: Above this many players exact root isolation (degree n - 1 polynomials) gives way to a
#: float root finder on the Bernstein form.
EXACT_MAX_PLAYERS = 80


def symmetric_equilibria(
    game: AnonymousGame, *, exact: bool | None = None, tol: float = DEFAULT_TOL
) -> tuple[SymmetricEquilibrium, ...]:
    """Every symmetric Nash equilibrium, pure and mixed, of an anonymous binary-choice game.

    When each other player cooperates with probability ``x``, cooperating gains
    ``g(x) = sum_k C(n-1, k) x^k (1-x)^(n-1-k) (cooperator[k] - defector[k])`` over defecting.
    All-defect (``x = 0``) is an equilibrium iff ``g(0) <= 0``, all-cooperate iff
    ``g(1) >= 0``, and every root of ``g`` in (0, 1) is a mixed equilibrium. Stability is
    under the replicator dynamics ``x' = x (1 - x) g(x)``, read off the sign of ``g`` on each
    side of the rest point.

    Parameters
    ----------
    game : AnonymousGame
    exact : bool, optional
        Isolate the roots exactly with sympy (the ``exact`` field of each result is then a
        Fraction or a sympy algebraic number). Default: exact when the payoffs are ints or
        Fractions and ``n <= EXACT_MAX_PLAYERS``; otherwise a float root finder on a grid of
        the Bernstein form, which costs O(n) per evaluation (n = 10,000 is fine) but can miss
        a root where ``g`` touches zero without crossing it.
    tol : float
        Tolerance for the float path.

    Returns
    -------
    tuple of SymmetricEquilibrium
        In increasing order of the cooperation probability.

    Raises
    ------
    DegenerateGameError
        If ``g`` is identically zero (every symmetric profile is an equilibrium).

    See Also
    --------
    multilateral.solvers.pure_nash_equilibria : pure equilibria of a normal-form game.
    multilateral.solvers.replicator : the replicator dynamics whose rest points these are.
    multilateral.results.SymmetricEquilibrium : what it returns.

    References
    ----------
    .. [1] Hauert, C., Michor, F., Nowak, M. A. and Doebeli, M. (2006). Synergy and
       discounting of cooperation in social dilemmas. *J. Theor. Biol.* 239, 195-202.
    .. [2] Pacheco, J. M., Santos, F. C., Souza, M. O. and Skyrms, B. (2009). Evolutionary
       dynamics of collective action in N-person stag hunt dilemmas. *Proc. R. Soc. B* 276,
       315-321.

    Examples
    --------
    The volunteer's dilemma (benefit 1, cost 1/2, three players) has one symmetric mixed
    equilibrium, at which nobody volunteers with probability ``(c/b)^(n/(n-1))``:

    >>> import multilateral as ml
    >>> vd = ml.AnonymousGame.threshold(3, 1, benefit=1, cost=ml.games.anonymous.Fraction(1, 2))
    >>> [eq.exact for eq in ml.solvers.symmetric_equilibria(vd)]
    [1 - sqrt(2)/2]
    """
    if not isinstance(game, AnonymousGame):
        raise InvalidTypeError(f"expected an AnonymousGame, got {type(game).__name__}")
    tol = check_tol(tol)
    if exact is None:
        exact = game.is_exact and game.n <= EXACT_MAX_PLAYERS
    if exact and not game.is_exact:
        raise InvalidTypeError("exact=True needs int or Fraction payoffs; this game has floats")
    interior, signs = _roots_exact(game) if exact else _roots_float(game, tol)
    # signs[i]: the sign of g between consecutive points of [0, *interior, 1]. A rest point is
    # stable when g pushes towards it from each side it has. At the ends g equals the gain.
    out = []
    if game.gains[0] <= 0:  # the pure ends are exact only in exact arithmetic (exactness rule)
        out.append(_eq(game, 0.0, signs[0] < 0, Fraction(0) if exact else None))
    for idx, (value, ex) in enumerate(interior):
        out.append(_eq(game, value, signs[idx] > 0 and signs[idx + 1] < 0, ex))
    if game.gains[-1] >= 0:
        out.append(_eq(game, 1.0, signs[-1] > 0, Fraction(1) if exact else None))
    return tuple(out)


def _eq(game: AnonymousGame, x: float, stable: bool, exact: Any) -> SymmetricEquilibrium:
    return SymmetricEquilibrium(
        probability=x, stable=bool(stable), payoff=float(game.average_payoff(x)), exact=exact
    )


def _roots_exact(game: AnonymousGame) -> tuple[list[tuple[float, Any]], list[int]]:
    """Roots of g in (0, 1) as (float, exact) and the sign of g between them, exactly."""
    import sympy

    m = game.n - 1
    gains = [Fraction(v) for v in game.gains.tolist()]
    # Bernstein to power basis: a_j = sum_{k <= j} d_k C(m, k) C(m - k, j - k) (-1)^(j - k)
    coeffs = [
        sum(
            (gains[k] * math.comb(m, k) * math.comb(m - k, j - k) * (-1) ** (j - k)
             for k in range(j + 1)),
            Fraction(0),
        )
        for j in range(m + 1)
    ]
    x = sympy.Symbol("x")
    poly = sympy.Poly(
        [sympy.Rational(c.numerator, c.denominator) for c in reversed(coeffs)], x,
        domain=sympy.QQ,
    )
    if poly.is_zero:
        raise DegenerateGameError(
            "the gain from cooperating is identically zero: every symmetric profile is an "
            "equilibrium"
        )
    found: dict[float, Any] = {}
    # quadratics come out as radicals (exact, readable); higher degrees as CRootOf objects
    for r in poly.real_roots(radicals=poly.degree() <= 2):
        if r.is_positive and (1 - r).is_positive:
            exact = Fraction(int(r.p), int(r.q)) if r.is_Rational else r
            found.setdefault(float(sympy.N(r, 30)), exact)
    interior = sorted(found.items())
    points = [0.0, *(v for v, _ in interior), 1.0]
    signs = [
        int(sympy.sign(poly.eval(sympy.Rational(Fraction((lo + hi) / 2)))))
        for lo, hi in itertools.pairwise(points)
    ]
    return interior, signs


def _roots_float(game: AnonymousGame, tol: float) -> tuple[list[tuple[float, Any]], list[int]]:
    """Roots of g in (0, 1) by sign changes on a grid, refined with Brent's method."""
    from scipy.optimize import brentq

    d = np.asarray(game.gains, dtype=np.float64)
    scale = max(1.0, float(np.max(np.abs(d))))
    if np.all(np.abs(d) <= tol * scale):
        raise DegenerateGameError(
            "the gain from cooperating is identically zero: every symmetric profile is an "
            "equilibrium"
        )

    def g(x: float) -> float:
        return float(game.gain_function(x))

    grid = np.linspace(0.0, 1.0, min(4001, 40 * game.n + 1))
    sgn = np.sign(_chunked_gain(game, grid))
    roots: list[tuple[float, Any]] = []
    for i in range(len(grid) - 1):
        if i > 0 and sgn[i] == 0:
            roots.append((float(grid[i]), None))
        elif sgn[i] * sgn[i + 1] < 0:
            roots.append((float(brentq(g, grid[i], grid[i + 1], xtol=ROOT_X)), None))
    points = [0.0, *(v for v, _ in roots), 1.0]
    signs = [int(np.sign(g((lo + hi) / 2))) for lo, hi in itertools.pairwise(points)]
    return roots, signs


def _chunked_gain(game: AnonymousGame, grid: NDArray[np.float64]) -> NDArray[np.float64]:
    """g on a grid. For large n only the binomial weights within 12 standard deviations of
    the mean are summed (the rest are below exp(-72) of the total), so the cost is
    O(len(grid) * sqrt(n)) instead of O(len(grid) * n)."""
    from scipy.special import gammaln, xlog1py, xlogy

    m = game.n - 1
    d = np.asarray(game.gains, dtype=np.float64)
    half = int(np.ceil(12 * np.sqrt(m / 4))) + 12
    if 2 * half + 1 >= m + 1:
        return game.gain_function(grid)
    log_fact = gammaln(np.arange(1, m + 2, dtype=np.float64))  # log(k!) for k = 0..m
    out = np.empty_like(grid)
    step = max(1, 4_000_000 // (2 * half + 1))
    for i in range(0, len(grid), step):
        x = grid[i : i + step, None]
        start = np.clip(np.round(m * x).astype(np.int64) - half, 0, m - 2 * half)
        k = start + np.arange(2 * half + 1)
        logw = log_fact[m] - log_fact[k] - log_fact[m - k] + xlogy(k, x) + xlog1py(m - k, -x)
        out[i : i + step] = np.sum(np.exp(logw) * d[k], axis=1)
    return out
