"""Symmetric equilibria of anonymous binary-choice N-player games."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._validation import DEFAULT_TOL, check_tol
from ..errors import DegenerateGameError, InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..results import SymmetricEquilibrium
from ..tolerances import ROOT_X
from . import _bernstein as bz
from . import _refine

__all__ = ["symmetric_equilibria"]
__dir__ = public_dir(__all__)

#: Above this many players the default for exact games is the float root finder (exact root
#: isolation of a degree n - 1 polynomial costs O(n^2) float operations per subdivision and a
#: few exact evaluations per root: n = 1,000 takes ~0.1 s for a threshold game, ~0.3 s for
#: 1,000 random gains with 27 roots; gains whose polynomial cancels to far below its
#: coefficients (alternating signs) need integer subdivision and take tens of seconds).
EXACT_MAX_PLAYERS = 1000
#: exact=True is refused above this many players (minutes and more), with a message that says
#: how to ask for floats.
EXACT_LIMIT = 10_000

#: Irrational roots of square-free gain polynomials up to this degree come out in sympy's
#: canonical form (``sympy.CRootOf`` of the irreducible factor; factoring costs up to ~0.1 s);
#: above it, as a :class:`._algebraic.GainRoot` of the square-free polynomial (not factored).
_FACTOR_MAX_DEGREE = 24


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
        Isolate the roots exactly (the ``exact`` field of each result is then a Fraction for a
        rational root, else a sympy algebraic number: radicals for a quadratic, a
        ``CRootOf`` up to degree 24, above that a ``GainRoot``: the root of the square-free
        gain polynomial in an isolating interval, which ``sympy.N`` evaluates to any
        precision and ``.as_crootof()`` turns into sympy's canonical form). Default: exact
        when the payoffs are ints or Fractions and ``n <= EXACT_MAX_PLAYERS`` (1,000);
        otherwise a float root finder on a grid, which can miss a root where ``g`` touches
        zero without crossing it. Exactness is O(n^2) float operations per subdivision and
        refused above ``EXACT_LIMIT`` (10,000) players; floats cost O(n)
        (n = 10**6 well under a second): pass ``exact=False``, or float payoffs.
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
    InvalidArgumentError
        If ``exact=True`` and ``n > EXACT_LIMIT``.

    Notes
    -----
    The exact path works in the Bernstein basis, where the coefficients of ``g`` are the gains
    themselves: Descartes' rule of signs on them bounds the roots in (0, 1), and de Casteljau
    subdivision at 1/2 separates them. From degree 24 the subdivision runs in floats with a
    rigorous bound on every coefficient's rounding error (a sign counts only where the
    coefficient exceeds its bound), and only subintervals where a sign stays uncertain (a root
    on a subdivision point, roots closer than ~1e-12, heavy cancellation) are redone in Python
    ints. Each root is then narrowed by exact sign evaluations until its float is correctly
    rounded (a Newton step from the interval's own float form, then two exact signs), and
    recognised as rational when it is one (its denominator is bounded by the first and last
    gains). Nothing is factored, so n = 193 takes milliseconds where sympy's
    factor-then-isolate took seconds at n = 150. Stability follows from the signs: ``g``
    changes sign at every simple root. The float path first
    checks the signs of the gains (no sign change: no interior root, O(n)); above 1,000
    players it evaluates ``g`` as a sum of binomial tail probabilities over the steps of the
    gains (threshold games: two incomplete beta functions per point, whatever n) or on a
    window of the binomial weights.

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
    if exact and game.n > EXACT_LIMIT:
        raise InvalidArgumentError(
            f"exact root isolation at n = {game.n} players is too expensive (its cost grows as "
            f"n^2 per subdivision; n = 1,000 takes ~0.03-1 s, n = 3,000 ~2-5 s, more where the "
            f"gain polynomial cancels); exact=True is refused above n = "
            f"{EXACT_LIMIT}. Ask for floats with exact=False (O(n), n = 10**7 in seconds), "
            f"the default for exact games above n = {EXACT_MAX_PLAYERS}")
    interior, signs = _roots_exact(game) if exact else _roots_float(game, tol)
    # signs[i]: the sign of g between consecutive points of [0, *interior, 1]. A rest point is
    # stable when g pushes towards it from each side it has. At the ends g equals the gain.
    out = []
    if game.gain(0) <= 0:  # the pure ends are exact only in exact arithmetic (exactness rule)
        out.append(_eq(game, 0.0, signs[0] < 0, Fraction(0) if exact else None))
    for idx, (value, ex) in enumerate(interior):
        out.append(_eq(game, value, signs[idx] > 0 and signs[idx + 1] < 0, ex))
    if game.gain(game.n - 1) >= 0:
        out.append(_eq(game, 1.0, signs[-1] > 0, Fraction(1) if exact else None))
    return tuple(out)


def _eq(game: AnonymousGame, x: float, stable: bool, exact: Any) -> SymmetricEquilibrium:
    return SymmetricEquilibrium(
        probability=x, stable=bool(stable), payoff=float(game.average_payoff(x)), exact=exact
    )


def _roots_exact(game: AnonymousGame) -> tuple[list[tuple[float, Any]], list[int]]:
    """Roots of g in (0, 1) as (float, exact) and the sign of g between them, exactly.

    Bernstein-basis isolation (:mod:`._bernstein`): no factorization, no sympy unless a root
    is irrational (then it is wrapped as a sympy algebraic number) or ``g`` has a repeated
    factor (then sympy computes the square-free part).
    """
    b = _integer_gains(game)
    if not any(b):
        raise DegenerateGameError(
            "the gain from cooperating is identically zero: every symmetric profile is an "
            "equilibrium"
        )
    a = bz.homogeneous(b)
    # the polynomial without its roots at 0, 1 and infinity: same roots in (0, 1), same sign
    first = next(k for k, v in enumerate(a) if v)
    last = max(k for k, v in enumerate(a) if v)
    core, _ = bz.deflate(a[first : last + 1])
    sqf = core
    if not bz.is_squarefree(core):
        sqf = _squarefree_part(core)
    bern = b if sqf is core and b[0] and b[-1] else bz.bernstein_from_homogeneous(sqf)
    dyadic, intervals = bz.isolate(bern)

    found: list[tuple[Fraction, Fraction, float, Any]] = []  # (lo, hi, float, exact or None)
    for r in dyadic:
        found.append((r, r, float(r), r))
    for lo, hi, s_lo, local in intervals:
        value, hit, lo, hi = _refine.refine(sqf, lo, hi, local, s_lo)
        if hit is None:
            hit = _refine.rational_root(sqf, lo, hi)
        found.append((lo, hi, float(hit) if hit is not None else value, hit))
    found.sort(key=lambda item: item[0])
    interior: list[tuple[float, Any]] = []
    irrational = [i for i, item in enumerate(found) if item[3] is None]
    algebraic = _algebraic(sqf, found, irrational) if irrational else {}
    for i, (_, _, value, hit) in enumerate(found):
        interior.append((value, hit if hit is not None else algebraic[i]))
    if sqf is core:
        # every root is simple: g changes sign at each, starting from the sign of its first
        # nonzero gain just right of 0
        signs = [1 if b[first] > 0 else -1]
        for _ in found:
            signs.append(-signs[-1])
    else:
        ends = [Fraction(0), *(x for lo, hi, _, _ in found for x in (lo, hi)), Fraction(1)]
        signs = [_refine.sign_at(core, (ends[2 * i] + ends[2 * i + 1]) / 2)
                 for i in range(len(found) + 1)]
    return interior, signs


def _integer_gains(game: AnonymousGame) -> list[int]:
    """The gains times a common denominator, divided by their gcd (Python ints)."""
    gains = game.gains.tolist()
    den = 1
    for v in gains:
        if isinstance(v, Fraction):
            den = math.lcm(den, v.denominator)
    out = [int(v * den) if isinstance(v, Fraction) else int(v) * den for v in gains]
    g = math.gcd(*out)
    return [v // g for v in out] if g > 1 else out


def _squarefree_part(core: list[int]) -> list[int]:
    """The square-free part of ``sum core_k z^k`` (primitive, integer), by sympy."""
    import sympy

    z = sympy.Symbol("z")
    part = [int(v) for v in reversed(sympy.Poly(list(reversed(core)), z, domain="ZZ")
                                     .sqf_part().all_coeffs())]
    g = math.gcd(*part)
    return [v // g for v in part] if g > 1 else part


def _algebraic(sqf: list[int], found: list[tuple[Fraction, Fraction, float, Any]],
               irrational: list[int]) -> dict[int, Any]:
    """The irrational roots as sympy numbers: radicals for a quadratic, sympy's
    :class:`sympy.CRootOf` up to degree ``_FACTOR_MAX_DEGREE``, else a
    :class:`._algebraic.GainRoot` (the square-free polynomial and the isolating interval)."""
    import sympy

    out: dict[int, Any] = {}
    degree = len(sqf) - 1
    if degree > _FACTOR_MAX_DEGREE:
        from ._algebraic import GainRoot

        coefficients = sympy.Tuple(*(sympy.Integer(v) for v in sqf))
        for i in irrational:
            out[i] = GainRoot(coefficients, found[i][0], found[i][1])
        return out
    power = bz.power_from_homogeneous(sqf)
    while len(power) > 1 and power[-1] == 0:
        power.pop()
    g = math.gcd(*power)
    sign = -1 if power[-1] < 0 else 1
    power = [sign * v // g for v in power]
    if len(power) == 3:
        c0, c1, c2 = (sympy.Integer(v) for v in power)
        root = sympy.sqrt(c1**2 - 4 * c2 * c0)
        cands = ((-c1 - root) / (2 * c2), (-c1 + root) / (2 * c2))
        for i in irrational:
            out[i] = min(cands, key=lambda c: abs(float(c) - found[i][2]))
        return out
    below = _negative_roots(power)
    poly = sympy.PurePoly(list(reversed(power)), sympy.Symbol("x"), domain="ZZ")
    for i in irrational:  # sympy's canonical form: cheap to factor at this degree
        out[i] = sympy.CRootOf(poly, below + i)
    return out


def _negative_roots(power: list[int]) -> int:
    """How many real roots ``sum power_j x^j`` has below 0 (square-free, ``x = 0`` not one)."""
    r = [v if j % 2 == 0 else -v for j, v in enumerate(power)]  # R(w) = P(-w), w > 0
    changes = bz.variations(r)
    if changes <= 1:
        return changes
    # positive roots of R <=> roots in (0, 1) of sum r_j t^j (1 - t)^(d - j)
    dyadic, intervals = bz.isolate(bz.bernstein_from_homogeneous(r))
    return len(dyadic) + len(intervals)


def _roots_float(game: AnonymousGame, tol: float) -> tuple[list[tuple[float, Any]], list[int]]:
    """Roots of g in (0, 1) by sign changes on a grid, refined with Brent's method."""
    from scipy.optimize import brentq

    d = game.float_gains
    scale = max(1.0, float(np.max(np.abs(d))))
    if np.all(np.abs(d) <= tol * scale):
        raise DegenerateGameError(
            "the gain from cooperating is identically zero: every symmetric profile is an "
            "equilibrium"
        )
    nonzero = np.sign(d[d != 0])
    if not np.any(nonzero[1:] != nonzero[:-1]):
        # no sign change among the Bernstein coefficients: g has no root in (0, 1)
        return [], [int(nonzero[0])]
    evaluate, cheap = _evaluator(game, d)

    def g(x: float) -> float:
        return float(evaluate(np.asarray(x, dtype=np.float64)))

    # the binomial weights have width ~ 1 / sqrt(n): where points are cheap the grid follows
    size = max(4001, int(40 * math.sqrt(game.n)) + 1) if cheap else 4001
    grid = np.linspace(0.0, 1.0, min(size, 40 * game.n + 1))
    sgn = np.sign(evaluate(grid))
    roots: list[tuple[float, Any]] = []
    for i in range(len(grid) - 1):
        if i > 0 and sgn[i] == 0:
            roots.append((float(grid[i]), None))
        elif sgn[i] * sgn[i + 1] < 0:
            roots.append((float(brentq(g, grid[i], grid[i + 1], xtol=ROOT_X)), None))
    points = [0.0, *(v for v, _ in roots), 1.0]
    signs = [int(np.sign(g((lo + hi) / 2))) for lo, hi in itertools.pairwise(points)]
    return roots, signs


#: Above this many players the float path evaluates g in O(number of steps of the gains) or on
#: a window of the binomial weights, not O(n) per point.
_FAST_FROM = 1000
#: Gains with at most this many steps (k where gains[k + 1] != gains[k]) are evaluated as sums
#: of binomial tail probabilities, one regularized incomplete beta function per step.
_MAX_STEPS = 64


def _evaluator(game: AnonymousGame, d: NDArray[np.float64]
               ) -> tuple[Callable[[NDArray[np.float64]], NDArray[np.float64]], bool]:
    """``g`` as a vectorized float function, and whether a point costs O(1) in n.

    ``g(x) = d_0 + sum_j (d_j - d_(j-1)) P(K >= j)`` with ``K ~ Binomial(n - 1, x)`` (summation
    by parts), and ``P(K >= j) = I_x(j, n - j)``: with few steps (threshold games) each point
    costs a few incomplete beta functions, whatever n.
    """
    if game.n <= _FAST_FROM:
        return game.gain_function, False
    steps = np.flatnonzero(np.diff(d)) + 1
    if steps.size <= _MAX_STEPS:
        from scipy.special import betainc

        m = game.n - 1
        jumps = d[steps] - d[steps - 1]

        def by_steps(x: NDArray[np.float64]) -> NDArray[np.float64]:
            x = np.asarray(x, dtype=np.float64)
            tails = betainc(steps.astype(np.float64), (m - steps + 1).astype(np.float64),
                            x[..., None])
            out: NDArray[np.float64] = d[0] + tails @ jumps
            return out
        return by_steps, True
    return game.gain_function, False  # O(sqrt(n)) per point for large n (a window of the weights)
