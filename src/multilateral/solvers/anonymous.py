"""Symmetric equilibria of anonymous binary-choice N-player games."""

from __future__ import annotations

import functools
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
from . import _bernstein as bz

__all__ = ["symmetric_equilibria"]
__dir__ = public_dir(__all__)

#: Above this many players exact root isolation (degree n - 1 polynomials) gives way to a
#: float root finder on the Bernstein form.
EXACT_MAX_PLAYERS = 80

#: Irrational roots of square-free gain polynomials up to this degree come out in sympy's
#: canonical form (``sympy.CRootOf`` of the irreducible factor; factoring costs up to ~0.1 s);
#: above it, as a root of the square-free polynomial itself (not factored).
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
    """Roots of g in (0, 1) as (float, exact) and the sign of g between them, exactly.

    Bernstein-basis isolation in Python ints (:mod:`._bernstein`): no factorization, no sympy
    unless a root is irrational (then it is wrapped as a sympy algebraic number) or ``g`` has
    a repeated factor (then sympy computes the square-free part).
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

    def guess(lo: float, hi: float) -> float:
        from scipy.optimize import brentq

        return float(brentq(game.gain_function, lo, hi, xtol=math.ulp(0.0)))

    found: list[tuple[Fraction, Fraction, float, Any]] = []  # (lo, hi, float, exact or None)
    for r in dyadic:
        found.append((r, r, float(r), r))
    for lo, hi in intervals:
        value, hit, lo, hi = bz.refine(sqf, lo, hi, guess)
        if hit is None:
            hit = bz.rational_root(sqf, lo, hi)
        found.append((lo, hi, float(hit) if hit is not None else value, hit))
    found.sort(key=lambda item: item[0])
    interior: list[tuple[float, Any]] = []
    irrational = [i for i, item in enumerate(found) if item[3] is None]
    algebraic = _algebraic(sqf, found, irrational) if irrational else {}
    for i, (_, _, value, hit) in enumerate(found):
        interior.append((value, hit if hit is not None else algebraic[i]))
    ends = [Fraction(0), *(x for lo, hi, _, _ in found for x in (lo, hi)), Fraction(1)]
    signs = [bz.sign_at(core, (ends[2 * i] + ends[2 * i + 1]) / 2)
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
    from sympy.polys.domains import ZZ
    from sympy.polys.sqfreetools import dup_sqf_part

    part = [int(v) for v in reversed(dup_sqf_part([ZZ(v) for v in reversed(core)], ZZ))]
    g = math.gcd(*part)
    return [v // g for v in part] if g > 1 else part


def _algebraic(sqf: list[int], found: list[tuple[Fraction, Fraction, float, Any]],
               irrational: list[int]) -> dict[int, Any]:
    """The irrational roots as sympy numbers: radicals for a quadratic, else a root object
    of the square-free polynomial (a :class:`sympy.CRootOf` that is not factored)."""
    import sympy

    power = bz.power_from_homogeneous(sqf)
    while len(power) > 1 and power[-1] == 0:
        power.pop()
    g = math.gcd(*power)
    sign = -1 if power[-1] < 0 else 1
    power = [sign * v // g for v in power]
    out: dict[int, Any] = {}
    if len(power) == 3:
        c0, c1, c2 = (sympy.Integer(v) for v in power)
        root = sympy.sqrt(c1**2 - 4 * c2 * c0)
        cands = ((-c1 - root) / (2 * c2), (-c1 + root) / (2 * c2))
        for i in irrational:
            out[i] = min(cands, key=lambda c: abs(float(c) - found[i][2]))
        return out
    below = _negative_roots(power)
    x = sympy.Symbol("x")
    poly = sympy.PurePoly(list(reversed(power)), x, domain="ZZ")
    if len(power) - 1 <= _FACTOR_MAX_DEGREE:  # sympy's canonical form: cheap to factor
        for i in irrational:
            out[i] = sympy.CRootOf(poly, below + i)
        return out
    cls = _root_class()
    for i in irrational:
        out[i] = cls.of(poly, below + i)
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


@functools.cache
def _root_class() -> Any:
    """A :class:`sympy.CRootOf` of a square-free polynomial that need not be irreducible.

    sympy's own constructor factors the polynomial first (seconds at degree 80, minutes at
    150); this one isolates the real roots of the square-free polynomial with sympy's own
    isolation, and only when a value is asked for (``sympy.N``). The index counts real roots in
    increasing order, as sympy's. It is an exact algebraic number that evaluates to any
    precision; sympy's ``minimal_polynomial`` (and so ``simplify``) does not recognise it:
    ``sympy.CRootOf(root.poly, root.index)`` gives sympy's canonical form (by factoring).
    """
    from sympy.polys.rootoftools import ComplexRootOf

    class GainRoot(ComplexRootOf):
        __slots__ = ()

        @classmethod
        def of(cls, poly: Any, index: int) -> Any:
            return cls._new(poly, index)

        def _ensure_reals_init(self) -> None:
            self._get_reals_sqf(self.poly)

    return GainRoot


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
