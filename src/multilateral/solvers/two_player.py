"""Nash equilibria of two-player (bimatrix) games.

Vertex enumeration (Avis, Rosenberg, Savani and von Stengel 2010) walks the best-response
polytope of lower dimension by reverse search and solves for each vertex's partner
(solvers/_enumeration.py); small and degenerate games pair the vertices qhull finds on both
polytopes (solvers/_qhull.py). Support enumeration
solves the indifference systems of all equal-size support pairs in batches. Lemke-Howson
follows one path with nashpy's lexicographic pivoting. Every equilibrium returned is checked
as a mutual best response before it is returned.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import solve_exact
from .._validation import DEFAULT_TOL, check_tol
from ..errors import DegenerateGameError, InvalidArgumentError, InvalidGameError, SolverError
from ..games.normal_form import NormalFormGame
from ..results import NashEquilibrium
from ..tolerances import ROUNDING
from ._checks import as_game, exact_payoffs
from ._enumeration import (
    EXACT_BRUTE_FORCE_BASES,
    FLOAT_EXACT_BITS,
    brute_force_equilibria,
    brute_force_size,
    degenerate_equilibria,
    exact_equilibria,
    fits_float,
    float_equilibria,
    integer_payoffs,
)
from ._lemke_howson import clean
from ._lemke_howson import equilibrium as lh_equilibrium
from ._qhull import QhullFailed, complementary_pairs, qhull_vertices
from ._vertices import VertexLimitExceeded, vertex_upper_bound

__all__ = ["lemke_howson", "nash_equilibria", "support_enumeration", "vertex_enumeration"]
__dir__ = public_dir(__all__)

Method = Literal["vertex", "support"]

#: Default ``max_vertices``: the upper-bound-theorem bound of a 20x20 game (4.0e7) passes,
#: 21x21 (8.9e7) and larger are refused before any work starts. Reverse search keeps memory
#: flat (0.24 GB at 20x20); time grows with the vertices actually met (random 20x20: ~2 min).
MAX_VERTICES = 50_000_000
_QHULL_FAST_DIM = 10  # up to this dimension qhull beats pivoting (random 10x10: 6 ms vs 40)
_QHULL_MAX_DIM = 12  # qhull's memory explodes beyond this dimension (random 20x20: > 100 s)


def _advice(m: int, n: int, limit: str) -> str:
    """What to do instead of a refused or failed enumeration."""
    return (
        f"alternatives: solvers.lemke_howson(game, initial_dropped_label=k) for k in "
        f"0..{m + n - 1} (one equilibrium per start, milliseconds each at 40x40; together "
        "they find some, not always all, equilibria), or method='support' (support "
        f"enumeration, nondegenerate games only, exponential too); {limit}"
    )


def nash_equilibria(
    game: NormalFormGame,
    *,
    method: Method = "vertex",
    tol: float = DEFAULT_TOL,
    max_vertices: int = MAX_VERTICES,
) -> tuple[NashEquilibrium, ...]:
    """All Nash equilibria of a two-player game.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game (any numbers of actions).
    method : {"vertex", "support"}
        ``"vertex"`` (default): vertex enumeration; every equilibrium of a nondegenerate game,
        and every *extreme* equilibrium of a degenerate one (the equilibrium components are the
        convex hulls of cliques of these). ``"support"``: support enumeration over equal-size
        supports, for nondegenerate games; it raises
        :class:`~multilateral.errors.DegenerateGameError` when it meets a degenerate game.
    tol : float
        Tolerance of every comparison: probabilities below ``tol`` become exact zeros and
        each equilibrium is checked to have regret at most ``tol`` times the payoff range.
    max_vertices : int
        Size guard of vertex enumeration (default 50,000,000). Before any work, McMullen's
        upper bound on the number of vertices of the best-response polytope of lower
        dimension is computed; if it exceeds ``max_vertices`` the call is refused with a
        :class:`~multilateral.errors.SolverError` naming the alternatives. The search also
        stops if it actually meets more vertices than this. The default admits every game up
        to 20x20 (bound 4.0e7) and refuses 21x21 and larger at once; raise it to try bigger
        games (the time grows with the vertices actually met, at about 10-20 microseconds
        each; memory does not).

    Raises
    ------
    SolverError
        If the game is larger than ``max_vertices`` allows, or qhull fails on a degenerate
        game (the message says what to try instead).

    Notes
    -----
    Polytopes of dimension <= 10 go to qhull (both polytopes, label sets matched). Larger
    games: the polytope of lower dimension is walked by reverse search (Avis and Fukuda
    1992; numpy, no set of visited vertices, so memory stays flat) and each vertex's only
    possible partner is solved for directly; a degenerate game (a ratio tie, a singular
    partner system) goes to qhull on both polytopes up to 12 actions a side, and beyond to
    reverse search on both polytopes with lrs's symbolic lexicographic perturbation (ratio
    ties broken by the lexicographic minimum-ratio rule, so every feasible basis, hence every
    vertex, is met; each basis refactored from the payoffs), whose distinct vertices are
    paired by labels; it is refused if rounding leaves a lexicographic tie (an
    ill-conditioned basis, e.g. float payoffs whose ties are broken only by rounding). The
    ratio tests run in floats (ties within 1e-12), so unlike lrs's exact arithmetic the
    completeness of this path is checked (the same sets as qhull on degenerate 13x13 to
    16x16 games), not certified. Exact
    payoffs are searched in floats on exactly shifted integers and every equilibrium is
    rebuilt and verified in rationals (beyond 53 bits: exact enumeration of small games,
    refusal of larger ones). Measured (random games, loaded 2-core machine,
    benchmarks/bench_nash.py --enumeration): 20x20 in about 2 minutes and 0.24 GB, the same
    59 equilibria as quantecon (which took 3 minutes and 1.7 GB); 30x30 met 5e6 vertices in
    10 minutes without finishing (the counts grow 4-6x per two actions: some 1e9-1e10
    vertices, days). For larger games use :func:`lemke_howson`.

    Returns
    -------
    tuple of NashEquilibrium
        Sorted lexicographically by the players' strategies (descending weight on early
        actions). When the payoffs are exact (ints or Fractions) each equilibrium also carries
        ``exact`` strategies in Fractions.

    See Also
    --------
    vertex_enumeration : all equilibria of a nondegenerate game, exact when payoffs are.
    support_enumeration : all equilibria by enumerating supports.
    lemke_howson : one equilibrium, fast.
    multilateral.solvers.pure_nash_equilibria : pure equilibria of N-player games.
    multilateral.solvers.correlated_equilibrium : a correlated equilibrium (a linear program).

    References
    ----------
    .. [1] Avis, D., Rosenberg, G. D., Savani, R. and von Stengel, B. (2010). Enumeration of
       Nash equilibria for two-player games. *Economic Theory* 42, 9-37.
    .. [2] von Stengel, B. (2007). Equilibrium computation for two-player games in strategic
       and extensive form. In *Algorithmic Game Theory*, ch. 3. Cambridge University Press.
    .. [3] Avis, D. and Fukuda, K. (1992). A pivoting algorithm for convex hulls and vertex
       enumeration of arrangements and polyhedra. *Discrete & Computational Geometry* 8,
       295-313 (reverse search).

    Examples
    --------
    >>> import multilateral as ml
    >>> stag = ml.TwoByTwo.symmetric(T=3, R=4, P=2, S=0)
    >>> for eq in ml.solvers.nash_equilibria(stag):
    ...     print(eq.exact)
    ((Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(0, 1)))
    ((Fraction(2, 3), Fraction(1, 3)), (Fraction(2, 3), Fraction(1, 3)))
    ((Fraction(0, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)))
    """
    if method == "vertex":
        return vertex_enumeration(game, tol=tol, max_vertices=max_vertices)
    if method == "support":
        return support_enumeration(game, tol=tol)
    raise InvalidArgumentError(f"method must be 'vertex' or 'support', got {method!r}")


# -- vertex enumeration -------------------------------------------------------------------------
def vertex_enumeration(
    game: NormalFormGame, *, tol: float = DEFAULT_TOL, max_vertices: int = MAX_VERTICES
) -> tuple[NashEquilibrium, ...]:
    """All (extreme) Nash equilibria by vertex enumeration; see :func:`nash_equilibria`.

    See Also
    --------
    nash_equilibria : chooses the algorithm.
    support_enumeration : another enumeration of all equilibria.
    lemke_howson : one equilibrium, fast.

    Examples
    --------
    >>> import multilateral as ml
    >>> mp = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])   # matching pennies
    >>> ml.solvers.vertex_enumeration(mp)
    (NashEquilibrium([1/2, 1/2], [1/2, 1/2]; payoffs=[0, 0]),)
    """
    game, a, b, tol = _bimatrix(game, tol)
    m, n = a.shape
    limit = _check_limit(max_vertices)
    ints = None
    if game.is_exact:  # search on exact positive integers, verify in rationals
        ints = integer_payoffs(game.payoff_array(0)), integer_payoffs(game.payoff_array(1))
        if not fits_float(*ints):
            return _exact_by_bases(game, a, b, ints)
    bound = vertex_upper_bound(m + n, min(m, n))
    if bound > limit:
        raise SolverError(
            f"vertex enumeration of this {m}x{n} game is refused: its best-response polytope "
            f"of dimension {min(m, n)} may have up to {bound:.3g} vertices (upper bound "
            f"theorem), more than max_vertices={limit}; "
            + _advice(
                m,
                n,
                f"or raise the limit with max_vertices={bound} (a random game's polytope has "
                "far fewer vertices than the bound, met at about 1e4 per second: a random "
                "20x20 takes about 2 minutes, a 30x30 days)",
            )
        )
    # positive payoffs (equilibria do not change when a player's payoffs shift or scale)
    src_a, src_b = (np.array(ints[0], float), np.array(ints[1], float)) if ints else (a, b)
    found = _extreme_pairs(_positive(src_a), _positive(src_b), limit)
    if ints is None:
        return _finish(game, a, b, found, tol, "vertex enumeration")
    return _exact_results(game, a, b, exact_equilibria(*ints, found))


def _extreme_pairs(ap: NDArray[np.float64], bp: NDArray[np.float64], limit: int) -> Any:
    """Completely labelled vertex pairs: by one polytope, or both when degenerate."""
    m, n = ap.shape
    try:
        if min(m, n) > _QHULL_FAST_DIM:
            found = float_equilibria(ap, bp, limit)
            if found is not None:
                return found
            if max(m, n) > _QHULL_MAX_DIM:  # degenerate: both polytopes, lexicographic
                found = degenerate_equilibria(ap, bp, limit)
                if found is not None:
                    return found
                raise SolverError(
                    "this game is degenerate and has more than "
                    f"{_QHULL_MAX_DIM} actions on one side: qhull, which enumerates degenerate "
                    f"polytopes, is only tried up to {_QHULL_MAX_DIM} (beyond, its memory use "
                    "explodes), and the lexicographic reverse search met a tie that rounding "
                    "left undecided (an ill-conditioned basis); "
                    + _advice(m, n, "or perturb the payoffs slightly (nondegenerate games "
                              "are enumerated by reverse search, without this cap)")
                )
        eye_m, eye_n = np.eye(m), np.eye(n)
        xs, lx = qhull_vertices(np.vstack([-eye_m, bp.T]), np.r_[np.zeros(m), np.ones(n)])
        ys, ly = qhull_vertices(np.vstack([ap, -eye_n]), np.r_[np.ones(m), np.zeros(n)])
    except VertexLimitExceeded as err:
        raise SolverError(
            f"vertex enumeration stopped after meeting {err.count} vertices of a best-response "
            f"polytope, more than max_vertices={limit}; " + _advice(m, n, "or raise max_vertices")
        ) from None
    except QhullFailed as err:
        raise SolverError(
            f"qhull failed on this game's best-response polytope ({err}); the payoffs may be "
            "too extreme or the game too degenerate for float vertex enumeration: try rescaled "
            "payoffs; " + _advice(m, n, "or perturb the payoffs slightly")
        ) from err
    return [(xs[i], ys[j], lx[i], ly[j]) for i, j in complementary_pairs(lx, ly)]


def _exact_by_bases(game: NormalFormGame, a: Any, b: Any, ints: Any) -> Any:
    """Games whose integer payoffs exceed float64's mantissa: exact, small ones only."""
    m, n = a.shape
    if brute_force_size(m, n) > EXACT_BRUTE_FORCE_BASES:
        raise SolverError(
            f"this {m}x{n} game's exact payoffs need more than {FLOAT_EXACT_BITS} bits after "
            "a common shift (e.g. payoffs near 2**62 whose small differences matter), so "
            "float64 cannot represent it and exact enumeration over all bases is only done up "
            f"to {EXACT_BRUTE_FORCE_BASES} bases (this game: {brute_force_size(m, n)}); "
            "rescale the payoffs, or pass floats to accept a float approximation"
        )
    return _exact_results(game, a, b, brute_force_equilibria(*ints))


def _exact_results(game: NormalFormGame, a: Any, b: Any, eqs: Any
                   ) -> tuple[NashEquilibrium, ...]:
    """NashEquilibrium records of exactly verified equilibria (regret 0), sorted."""
    out = {}
    floats: dict[int, NDArray[np.float64]] = {}  # a vertex is in many pairs: convert it once
    for ex, ey in eqs:
        x, y = (floats.get(id(e)) for e in (ex, ey))
        if x is None:
            x = floats[id(ex)] = np.array([v.numerator / v.denominator for v in ex])
        if y is None:
            y = floats[id(ey)] = np.array([v.numerator / v.denominator for v in ey])
        out[(ex, ey)] = NashEquilibrium(
            (x, y), np.array([x @ a @ y, x @ b @ y]), 0.0, "vertex enumeration", (ex, ey),
            exact_payoffs(game, (ex, ey)),
        )
    return tuple(sorted(out.values(), key=lambda e: tuple(-np.concatenate(e.strategies))))


def _positive(u: NDArray[np.float64]) -> NDArray[np.float64]:
    """Shift and scale payoffs into [1, 2]: same equilibria, well-conditioned polytopes."""
    lo, span = u.min(), np.ptp(u)
    return np.ones_like(u) if span == 0 else 1.0 + (u - lo) / span


def _check_limit(max_vertices: int) -> int:
    if (
        isinstance(max_vertices, bool)
        or not isinstance(max_vertices, (int, np.integer))
        or max_vertices < 1
    ):
        raise InvalidArgumentError(f"max_vertices must be a positive integer, got {max_vertices!r}")
    return int(max_vertices)


# -- support enumeration ------------------------------------------------------------------------
def support_enumeration(
    game: NormalFormGame, *, tol: float = DEFAULT_TOL
) -> tuple[NashEquilibrium, ...]:
    """All Nash equilibria of a nondegenerate game by support enumeration.

    For each support size ``k`` the indifference systems of all ``C(m, k) C(n, k)`` support
    pairs are solved in batches with :func:`numpy.linalg.solve`.

    Raises
    ------
    DegenerateGameError
        If an equilibrium found has more pure best responses than its support size
        (the game is degenerate: use ``method="vertex"``).
    SolverError
        If exact payoffs need more than float64's 53 bits (this search is in floats).

    See Also
    --------
    nash_equilibria : chooses the algorithm.
    vertex_enumeration : another enumeration of all equilibria.
    lemke_howson : one equilibrium, fast.

    References
    ----------
    .. [1] Nisan, N., Roughgarden, T., Tardos, E. and Vazirani, V. (eds.) (2007). *Algorithmic
       Game Theory*, section 3.3. Cambridge University Press.

    Examples
    --------
    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=3, R=2, P=0, S=1)
    >>> len(ml.solvers.support_enumeration(chicken))
    3
    """
    game, a, b, tol = _bimatrix(game, tol)
    if game.is_exact and not fits_float(
        integer_payoffs(game.payoff_array(0)), integer_payoffs(game.payoff_array(1))
    ):
        # float64 would merge payoffs that differ (near 2**62): refuse, never answer wrongly
        raise SolverError(
            "support enumeration solves in float64, which cannot hold these exact payoffs "
            "(beyond 53 bits once put on a common denominator and shifted): use "
            "method='vertex', which enumerates such games exactly up to 7x7, or rescale "
            "the payoffs"
        )
    m, n = a.shape
    eqs = []
    for k in range(1, min(m, n) + 1):
        rows = np.array(list(itertools.combinations(range(m), k)), dtype=np.intp)
        cols = np.array(list(itertools.combinations(range(n), k)), dtype=np.intp)
        for r0 in range(0, len(rows), max(1, 200_000 // max(1, len(cols)))):
            block = rows[r0 : r0 + max(1, 200_000 // max(1, len(cols)))]
            ri = np.repeat(block, len(cols), axis=0)
            ci = np.tile(cols, (len(block), 1))
            # y makes the row player indifferent on ri; x makes the column player indifferent on ci
            y, u = _indifference(a[ri[:, :, None], ci[:, None, :]])
            x, v = _indifference(b[ri[:, :, None], ci[:, None, :]].transpose(0, 2, 1))
            ok = np.isfinite(u) & np.isfinite(v) & np.all(y > tol, axis=1) & np.all(x > tol, axis=1)
            for idx in np.flatnonzero(ok):
                xf, yf = np.zeros(m), np.zeros(n)
                xf[ri[idx]], yf[ci[idx]] = x[idx], y[idx]
                best_row = a @ yf >= u[idx] - _scale(a) * tol
                best_col = xf @ b >= v[idx] - _scale(b) * tol
                if np.all(a @ yf <= u[idx] + _scale(a) * tol) and np.all(
                    xf @ b <= v[idx] + _scale(b) * tol
                ):
                    if best_row.sum() > k or best_col.sum() > k:
                        raise DegenerateGameError(
                            "the game is degenerate (a mixed strategy with support size "
                            f"{k} has more than {k} pure best responses); support "
                            "enumeration assumes nondegeneracy: use method='vertex'"
                        )
                    eqs.append((xf, yf, None, None))
    return _finish(game, a, b, eqs, tol, "support enumeration")


def _indifference(sub: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Solve ``sub @ y = u 1, sum(y) = 1`` for a batch of k x k matrices; NaN where singular."""
    batch, k, _ = sub.shape
    mat = np.zeros((batch, k + 1, k + 1))
    mat[:, :k, :k] = sub
    mat[:, :k, k] = -1.0
    mat[:, k, :k] = 1.0
    rhs = np.zeros((batch, k + 1))
    rhs[:, k] = 1.0
    sol = np.full((batch, k + 1), np.nan)
    good = np.abs(np.linalg.det(mat)) > ROUNDING
    if good.any():
        sol[good] = np.linalg.solve(mat[good], rhs[good][..., None])[..., 0]
    return sol[:, :k], sol[:, k]


# -- Lemke-Howson -------------------------------------------------------------------------------
def lemke_howson(
    game: NormalFormGame, *, initial_dropped_label: int = 0, tol: float = DEFAULT_TOL
) -> NashEquilibrium:
    """One Nash equilibrium by the Lemke-Howson algorithm.

    Complementary pivoting on the two best-response polytopes' tableaux, in floats, with
    the lexicographic minimum-ratio rule so that degenerate games do not cycle: the same
    path as quantecon's ``lemke_howson(g, init_pivot=k)`` (pivot for pivot on generic
    games). Exact (int/Fraction) games get an exact equilibrium: the float path's end is
    re-derived and verified in rationals, or, if that fails, the path is followed again in
    exact integer arithmetic. (nashpy's ``lemke_howson`` returns non-equilibria on some
    nondegenerate non-square games, e.g. random 5x4 games, and runs for minutes from some
    labels of random 15x15 games.)

    Parameters
    ----------
    initial_dropped_label : int
        The label dropped first, ``0..m+n-1`` (row actions, then column actions).

    Raises
    ------
    SolverError
        If the path ends at a profile that is not an equilibrium within ``tol``, or a float
        path does not end within ``10 (m + n)^2 + 100`` pivots (round-off cycling).

    See Also
    --------
    nash_equilibria : all equilibria.
    vertex_enumeration : all equilibria of a nondegenerate game.
    support_enumeration : all equilibria by supports.

    Notes
    -----
    Speed: with ``pip install multilateral[fast]`` (numba) the pivots run compiled, within
    about 2x of quantecon's numba code on float games at n = 15-50 and faster at n = 100-200
    (measured in ``benchmarks/README.md``); the first call in a new environment compiles the
    kernel (a few seconds, once: numba caches it on disk) and each new process pays about
    0.7 s to import numba and load that cache. Without numba a numpy kernel follows the same
    path to the same end, 5-10x slower on small games. Exact games pay for exact rationals
    (re-solving the final bases in integers: a few hundred microseconds at n = 15-50).

    References
    ----------
    .. [1] Lemke, C. E. and Howson, J. T. (1964). Equilibrium points of bimatrix games.
       *SIAM J. Applied Mathematics* 12(2), 413-423.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> ml.solvers.lemke_howson(pd).supports
    ((1,), (1,))
    """
    game, a, b, tol = _bimatrix(game, tol)
    m, n = a.shape
    if (
        isinstance(initial_dropped_label, bool)
        or not isinstance(initial_dropped_label, (int, np.integer))
        or not 0 <= initial_dropped_label < m + n
    ):
        raise InvalidArgumentError(
            f"initial_dropped_label must be an integer in 0..{m + n - 1}, "
            f"got {initial_dropped_label!r}"
        )
    return lh_equilibrium(game, a, b, int(initial_dropped_label), tol)


# -- shared -------------------------------------------------------------------------------------
def _bimatrix(
    game: NormalFormGame, tol: float
) -> tuple[NormalFormGame, NDArray[np.float64], NDArray[np.float64], float]:
    game = as_game(game)
    tol = check_tol(tol)
    if game.n_players != 2:
        raise InvalidGameError(
            f"this solver is for two-player games; this game has {game.n_players} players "
            "(use pure_nash_equilibria or correlated_equilibrium for N players)"
        )
    p = game.float_payoffs
    return game, p[..., 0], p[..., 1], tol


def _scale(u: NDArray[np.float64]) -> float:
    return max(1.0, float(np.max(np.abs(u))))


def _finish(
    game: NormalFormGame,
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    found: list[Any],
    tol: float,
    method: str,
) -> tuple[NashEquilibrium, ...]:
    """Clean, deduplicate, verify, and (for exact games) make exact each equilibrium found."""
    out: dict[tuple[Any, ...], NashEquilibrium] = {}
    for x, y, _lx, _ly in found:
        x, y = clean(np.asarray(x), tol), clean(np.asarray(y), tol)
        key = (tuple(np.round(x, 9)), tuple(np.round(y, 9)))
        if key in out:
            continue
        exact = _exact_equilibrium(game, x, y) if game.is_exact else None
        if exact is not None:
            x = np.array(exact[0], dtype=float)
            y = np.array(exact[1], dtype=float)
        r = max(float((a @ y).max() - x @ a @ y), float((x @ b).max() - x @ b @ y))
        if r > tol * max(_scale(a), _scale(b)) * 10:
            raise SolverError(
                f"{method} produced a profile with regret {r:.3g} > tol; the game may be too "
                "ill-conditioned for float arithmetic: pass exact (int/Fraction) payoffs"
            )
        out[key] = NashEquilibrium(
            strategies=(x, y),
            payoffs=np.array([x @ a @ y, x @ b @ y]),
            regret=r,
            method=method,
            exact=exact,
            exact_payoffs=None if exact is None else exact_payoffs(game, exact),
        )
    return tuple(sorted(out.values(), key=lambda e: tuple(-np.concatenate(e.strategies))))


def _exact_equilibrium(
    game: NormalFormGame, x: NDArray[np.float64], y: NDArray[np.float64]
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]] | None:
    """Recompute an equilibrium with the same supports in exact rational arithmetic.

    Solves the indifference conditions on the supports exactly (:func:`solve_exact`);
    returns None if they do not pin down a unique exact equilibrium (degenerate games).
    """
    a = game.payoff_array(0)
    b = game.payoff_array(1)
    sx, sy = np.flatnonzero(x), np.flatnonzero(y)
    ty = np.flatnonzero(np.isclose(a @ y, np.max(a @ y)))  # row's best responses to y
    tx = np.flatnonzero(np.isclose(x @ b, np.max(x @ b)))  # column's best responses to x
    py = _solve_mix(a[np.ix_(ty, sy)], len(sy))
    px = _solve_mix(b[np.ix_(sx, tx)].T, len(sx))
    if px is None or py is None:
        return None
    ex = [Fraction(0)] * len(x)
    ey = [Fraction(0)] * len(y)
    for i, v in zip(sx, px, strict=True):
        ex[i] = v
    for j, v in zip(sy, py, strict=True):
        ey[j] = v
    return tuple(ex), tuple(ey)


def _solve_mix(sub: NDArray[Any], k: int) -> list[Fraction] | None:
    """The unique mix over ``k`` actions making each row of ``sub`` equal, or None."""
    rows = [[*r, -1] for r in np.asarray(sub).tolist()]  # sub @ x - v = 0
    rows.append([1] * k + [0])  # sum x = 1
    sol = solve_exact(rows, [0] * (len(rows) - 1) + [1])
    if sol is None:
        return None
    vals = sol[:k]
    return vals if all(v >= 0 for v in vals) else None
