"""Extreme equilibria of bimatrix games: one polytope enumerated, partners solved for.

Private helper of :mod:`multilateral.solvers.two_player` (vertex enumeration).

With positive payoffs the best-response polytopes are ``P = {x >= 0, B^T x <= 1}`` and
``Q = {A y <= 1, y >= 0}``; label ``i < m`` is ``x_i = 0`` in P and "row ``i`` is a best
response" (``(A y)_i = 1``) in Q, label ``m + j`` is "column ``j`` is a best response" in P
and ``y_j = 0`` in Q. An equilibrium is a completely labelled vertex pair (von Stengel 2007).

Floats, nondegenerate games (:func:`float_equilibria`): only the polytope of lower dimension
is enumerated, by reverse search (:func:`~._vertices.reverse_search`, memory bounded by the
search tree's depth, not by the number of vertices). A vertex ``x`` with support ``S`` and
column best responses ``T`` (``|S| = |T|`` when the polytope is simple) has at most one
partner: the ``y`` with support in ``T`` solving ``A[S, T] y_T = 1``; it is an equilibrium
iff ``y_T >= 0`` and ``A y <= 1``. The small systems are solved in batches by support size.
Degenerate polytopes (a ratio tie) or a singular partner system make it return None: the
caller then enumerates both polytopes (qhull) and matches their label sets.

Exact payoffs (:func:`exact_equilibria`): each player's payoffs are made positive integers
exactly (common denominator, shift); when they fit float64's 53-bit mantissa, the float search
runs on exactly these numbers and every equilibrium it finds is rebuilt in rationals from its
tight constraints and verified exactly (feasible in both polytopes, completely labelled); a
candidate that fails is an error, never an answer. When the integers do not fit (payoffs near
``2**62`` with small differences that matter), small games are enumerated exactly by brute
force over bases, larger ones are refused.

References
----------
von Stengel, B. (2007). Equilibrium computation for two-player games in strategic and
extensive form. In *Algorithmic Game Theory*, ch. 3, pp. 53-78 (sections 3.4-3.5).
Avis, D., Rosenberg, G. D., Savani, R. and von Stengel, B. (2010). Enumeration of Nash
equilibria for two-player games. *Economic Theory* 42, 9-37.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb, lcm
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import SolverError
from ..tolerances import SAME_POINT
from ._qhull import complementary_pairs, label_codes
from ._vertices import NotSimple, reverse_search

__all__ = [
    "EXACT_BRUTE_FORCE_BASES",
    "FLOAT_EXACT_BITS",
    "brute_force_equilibria",
    "brute_force_size",
    "degenerate_equilibria",
    "exact_equilibria",
    "fits_float",
    "float_equilibria",
    "integer_payoff_array",
    "integer_payoffs",
    "solve_ones",
]
__dir__ = public_dir(__all__)

#: Positive integer payoffs below ``2**FLOAT_EXACT_BITS`` are float64 numbers exactly.
FLOAT_EXACT_BITS = 53
#: Games whose integer payoffs do not fit float64 are enumerated exactly over all bases when
#: each polytope has at most this many candidate bases (C(m + n, m)); larger ones are refused.
EXACT_BRUTE_FORCE_BASES = 3432  # 7x7

Float = NDArray[np.float64]
Found = list[tuple[Float, Float, NDArray[np.bool_], NDArray[np.bool_]]]


# -- floats -------------------------------------------------------------------------------------
def float_equilibria(ap: Float, bp: Float, limit: int) -> Found | None:
    """Extreme equilibria of a game with positive payoffs ``ap``, ``bp`` by one polytope.

    Returns ``(x, y, labels_x, labels_y)`` per equilibrium (unnormalised polytope points),
    or None when the polytope enumerated is not simple or a partner system is singular (a
    degenerate game: enumerate both polytopes instead). Raises ``VertexLimitExceeded``.
    """
    m, n = ap.shape
    if m > n:  # enumerate the polytope of lower dimension: swap the players
        found = float_equilibria(bp.T, ap.T, limit)
        if found is None:
            return None
        swap = np.r_[np.arange(n, n + m), np.arange(n)]  # labels of the swapped game
        # the swapped game's x is our y (and its labels ly): name them as ours
        return [(x, y, lx[swap], ly[swap]) for y, x, ly, lx in found]
    g = np.vstack([-np.eye(m), bp.T])
    h = np.r_[np.zeros(m), np.ones(n)]
    out: Found = []
    try:
        for bases, slack in reverse_search(g, h, np.arange(m), limit):
            tight = np.zeros(slack.shape, dtype=bool)
            tight[np.arange(bases.shape[0])[:, None], bases] = True
            part = _partners(ap, slack[:, :m], tight)
            if part is None:
                return None
            out.extend(part)
    except NotSimple:
        return None
    return out


def _partners(ap: Float, xs: Float, tight: NDArray[np.bool_]) -> Found | None:
    """The equilibria ``(x, y)`` among vertices ``xs`` of P with tight rows ``tight``."""
    m, n = ap.shape
    support = ~tight[:, :m]
    best = tight[:, m:]
    size = support.sum(axis=1)
    out: Found = []
    for k in np.unique(size):
        if k == 0:
            continue  # the origin: the artificial equilibrium
        rows = np.flatnonzero(size == k)
        s_idx = np.nonzero(support[rows])[1].reshape(-1, k)
        t_idx = np.nonzero(best[rows])[1].reshape(-1, k)
        mats = ap[s_idx[:, :, None], t_idx[:, None, :]]
        ys = _batch_solve(mats)
        if ys is None:
            return None
        ok = np.all(ys >= -SAME_POINT, axis=1)
        for r, s, t, y in zip(rows[ok], s_idx[ok], t_idx[ok], ys[ok], strict=True):
            yf = np.zeros(n)
            yf[t] = np.clip(y, 0.0, None)
            row_values = ap @ yf
            if np.all(row_values <= 1.0 + SAME_POINT):
                lx = tight[r]
                ly = np.r_[np.abs(row_values - 1.0) <= SAME_POINT, yf <= SAME_POINT]
                ly[s] = True
                out.append((xs[r], yf, lx, ly))
    return out


def _batch_solve(mats: Float) -> Float | None:
    """``mats[e] y = 1`` for every ``e``; None if one of the systems is (nearly) singular."""
    k = mats.shape[1]
    ones = np.ones((mats.shape[0], k, 1))
    try:
        ys: Float = np.asarray(np.linalg.solve(mats, ones)[:, :, 0], dtype=float)
    except np.linalg.LinAlgError:
        return None
    # residual check: a nearly singular system is a degenerate game, not a vertex pair
    if not np.all(np.isfinite(ys)) or np.max(np.abs(ys), initial=0.0) > 1.0 / SAME_POINT:
        return None
    resid = np.abs(np.matmul(mats, ys[:, :, None])[:, :, 0] - 1.0)
    if np.max(resid, initial=0.0) > SAME_POINT:
        return None
    return ys


def degenerate_equilibria(ap: Float, bp: Float, limit: int) -> Found | None:
    """Extreme equilibria of a degenerate game: both polytopes, lexicographic, label matching.

    Reverse search walks each polytope with the symbolic lexicographic perturbation of lrs
    (:func:`~._vertices.reverse_search` with ``lexicographic=True``): every feasible basis
    of the perturbed, simple polytope is met, so every real vertex at least once; the
    distinct real vertices (by their sets of tight rows) are paired by complementary labels.
    None if rounding leaves two rows lexicographically tied (then the caller refuses).

    Used beyond qhull's range (more than 12 actions a side).
    """
    m, n = ap.shape
    sides = []
    for g, h, start in (
        (np.vstack([-np.eye(m), bp.T]), np.r_[np.zeros(m), np.ones(n)], np.arange(m)),
        (np.vstack([ap, -np.eye(n)]), np.r_[np.ones(m), np.zeros(n)], np.arange(m, m + n)),
    ):
        points, labels = [], []
        try:
            for bases, slack in reverse_search(g, h, start, limit, lexicographic=True):
                tight = slack <= SAME_POINT
                tight[np.arange(tight.shape[0])[:, None], bases] = True
                _, first = np.unique(label_codes(tight), return_index=True)
                points.append(slack[first][:, start])
                labels.append(tight[first])
        except NotSimple:
            return None
        pts, lab = np.concatenate(points), np.concatenate(labels)
        _, first = np.unique(label_codes(lab), return_index=True)
        keep = first[np.abs(pts[first]).sum(axis=1) > SAME_POINT]  # not the origin
        sides.append((pts[keep], lab[keep]))
    (xs, lx), (ys, ly) = sides
    return [(xs[i], ys[j], lx[i], ly[j]) for i, j in complementary_pairs(lx, ly)]


# -- exact --------------------------------------------------------------------------------------
def integer_payoffs(u: NDArray[Any]) -> list[list[int]]:
    """Exact payoffs as positive integers with the same best responses (scale, then shift)."""
    out: list[list[int]] = integer_payoff_array(u).tolist()
    return out


def integer_payoff_array(u: NDArray[Any]) -> NDArray[Any]:
    """:func:`integer_payoffs` as an array: int64 when machine ints shift without overflow,
    else Python ints (object). Either way ``.tolist()`` of any slice gives Python ints, so a
    caller that needs a few columns converts only those."""
    arr = np.asarray(u)
    if arr.dtype.kind in "iu" and arr.size:  # machine ints: shift in numpy if it cannot overflow
        low, high = int(arr.min()), int(arr.max())
        if low > -(2**61) and high < 2**61:
            shifted: NDArray[np.int64] = arr.astype(np.int64) - low + 1
            return shifted
    if arr.dtype.kind in "iu" or all(type(v) is int for v in arr.ravel().tolist()):
        ints = [[int(v) for v in row] for row in arr.tolist()]
    else:
        vals = [[Fraction(v) for v in row] for row in arr.tolist()]
        den = lcm(*(v.denominator for row in vals for v in row))
        ints = [[int(v * den) for v in row] for row in vals]
    low = min(min(row) for row in ints)
    out = np.empty((len(ints), len(ints[0])), dtype=object)
    out[:] = [[v - low + 1 for v in row] for row in ints]
    return out


def fits_float(*mats: list[list[int]]) -> bool:
    """True when every entry is a float64 exactly."""
    return all(v < 2**FLOAT_EXACT_BITS for mat in mats for row in mat for v in row)


def exact_equilibria(
    a: list[list[int]], b: list[list[int]], found: Found
) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """Rebuild each float equilibrium in rationals from its tight labels and verify it.

    ``a``, ``b`` are the positive integer payoffs of :func:`integer_payoffs`. Each distinct
    vertex is solved and checked once (:func:`_exact_point`: in its polytope, with its exact
    support and tight rows); a pair is then an equilibrium iff each one's support is among
    the other's tight rows (completely labelled). Raises :class:`SolverError` if a candidate
    is not an exact equilibrium (floats misjudged it).
    """
    m, n = len(a), len(a[0])
    b_t = [list(col) for col in zip(*b, strict=True)]  # B^T: n rows over x
    out = []
    cache: dict[tuple[int, bytes], _Point | None] = {}  # a vertex pairs many times
    for _x, _y, lx, ly in found:
        kx, ky = (0, np.packbits(lx).tobytes()), (1, np.packbits(ly).tobytes())
        if kx not in cache:
            sx = [i for i in range(m) if not lx[i]]
            tx = [j for j in range(n) if lx[m + j]]
            cache[kx] = _exact_point(b_t, tx, sx, m)
        if ky not in cache:
            sy = [j for j in range(n) if not ly[m + j]]
            ty = [i for i in range(m) if ly[i]]
            cache[ky] = _exact_point(a, ty, sy, n)
        x, y = cache[kx], cache[ky]
        if x is None or y is None or not (x[1] <= y[2] and y[1] <= x[2]):
            raise SolverError(
                "vertex enumeration found a candidate in floats that is not an exact "
                "equilibrium of these exact payoffs (the game is too ill-conditioned for the "
                "float search); rescale the payoffs, or pass floats to accept float answers"
            )
        out.append((x[0], y[0]))
    return out


#: A verified vertex: its normalized point, its support, its tight payoff rows.
_Point = tuple[tuple[Fraction, ...], frozenset[int], frozenset[int]]
_ZERO = Fraction(0)


def _exact_point(
    pay: list[list[int]], tight: list[int], support: list[int], size: int
) -> _Point | None:
    """The vertex of ``{z >= 0, pay z <= 1}`` with ``pay[tight] z = 1`` on ``support``.

    Solved exactly (:func:`solve_ones`) and checked in integers: ``z = num / den >= 0``, not
    zero, and ``pay z <= 1`` (``pay num <= den``); None if singular or infeasible. A
    degenerate vertex (more tight rows than its support) keeps ``len(support)`` independent
    rows (float QR with pivoting). Fractions are built once, for the normalized point.
    """
    k = len(support)
    if k == 0 or len(tight) < k:
        return None
    rows = [[pay[r][i] for i in support] for r in tight]
    if len(rows) > k:
        from scipy.linalg import qr

        _, _, piv = qr(np.array(rows, dtype=float).T, pivoting=True)
        rows = [rows[r] for r in sorted(piv[:k])]
    solved = solve_ones(rows)
    if solved is None:
        return None
    num, den = solved
    if any(v < 0 for v in num):
        return None
    nonzero = [(i, v) for i, v in zip(support, num, strict=True) if v]
    if not nonzero:
        return None
    values = [sum(row[i] * v for i, v in nonzero) for row in pay]  # (pay z)_r * den
    if any(v > den for v in values):
        return None
    total = sum(v for _, v in nonzero)
    point = [_ZERO] * size
    for i, v in nonzero:
        point[i] = Fraction(v, total)
    return (
        tuple(point),
        frozenset(i for i, _ in nonzero),
        frozenset(r for r, v in enumerate(values) if v == den),
    )


def solve_ones(rows: list[list[int]]) -> tuple[list[int], int] | None:
    """``z = num / den`` (``den > 0``) solving the square integer system ``rows z = 1``.

    Fraction-free elimination (Bareiss) in Python ints: forward, on the rows not yet pivoted,
    ``T[l] <- (p T[l] - T[l, j] T[i]) // D`` (the update of the Lemke-Howson exact path;
    every division is exact: each entry is a minor of the system), then back substitution on
    ``num = d z`` with ``d`` the last pivot (``d = +-det``, so ``num`` is an integer vector:
    Cramer's rule), ``num_c = (d t_c - sum_j U_cj num_j) / U_cc``, exact too. No fraction is
    ever reduced, which on these small dense systems is many times faster than a rational
    ``rref`` (measured: sympy's ``DomainMatrix`` rref over QQ took about 5 ms for a 6x6
    system of 6-digit integers). Rows are Python lists, updated from the pivot column on:
    1.5-4x faster than Gauss-Jordan on numpy object arrays (the former version) for 3-12
    unknowns. Returns at the first column without a pivot: None if the system is singular.
    ``den`` is ``|det rows|``, so the answer does not depend on the pivot order.
    """
    k = len(rows)
    t = [[*row, 1] for row in rows]
    den, free, order = 1, list(range(k)), []
    for j in range(k):
        for i in free:
            if t[i][j]:
                break
        else:
            return None
        free.remove(i)
        order.append(i)
        p = t[i][j]
        tail = t[i][j + 1 :]
        for r in free:
            row = t[r]
            f = row[j]
            if f:
                pairs = zip(row[j + 1 :], tail, strict=False)
                row[j + 1 :] = [(p * a - f * b) // den for a, b in pairs]
            elif p != den:
                row[j + 1 :] = [p * a // den for a in row[j + 1 :]]
        den = p
    num = [0] * k
    for c in range(k - 1, -1, -1):
        row = t[order[c]]
        acc = den * row[k]
        for j in range(c + 1, k):
            acc -= row[j] * num[j]
        num[c] = acc // row[c]
    if den < 0:
        return [-v for v in num], -den
    return num, den


def brute_force_equilibria(
    a: list[list[int]], b: list[list[int]]
) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """Every extreme equilibrium in exact arithmetic, by all bases of both polytopes."""
    m, n = len(a), len(a[0])
    b_t = [list(col) for col in zip(*b, strict=True)]
    xs = _exact_vertices(b_t, m, n, first_payoff_label=m)
    ys = _exact_vertices(a, n, m, first_payoff_label=0, zero_label_offset=m)
    out = []
    for x, lx in xs:
        for y, ly in ys:
            if lx | ly == (1 << (m + n)) - 1:
                out.append((x, y))
    return out


def _exact_vertices(
    pay: list[list[int]],
    dim: int,
    n_rows: int,
    first_payoff_label: int,
    zero_label_offset: int = 0,
) -> list[tuple[tuple[Fraction, ...], int]]:
    """Nonzero vertices of ``{z >= 0, pay z <= 1}`` (``pay``: n_rows x dim), normalized (one
    nonzero vertex per ray from the origin), with their label masks."""
    seen: dict[tuple[Fraction, ...], int] = {}
    for k in range(1, dim + 1):
        for sup in itertools.combinations(range(dim), k):
            for tig in itertools.combinations(range(n_rows), k):
                vertex = _exact_point(pay, list(tig), list(sup), dim)
                if vertex is None or vertex[0] in seen:
                    continue
                point, support, tight = vertex
                mask = 0
                for i in range(dim):
                    if i not in support:
                        mask |= 1 << (zero_label_offset + i)
                for r in tight:
                    mask |= 1 << (first_payoff_label + r)
                seen[point] = mask
    return list(seen.items())


def brute_force_size(m: int, n: int) -> int:
    """Candidate bases of the larger polytope in :func:`brute_force_equilibria`."""
    return sum(comb(m, k) * comb(n, k) for k in range(1, min(m, n) + 1))
