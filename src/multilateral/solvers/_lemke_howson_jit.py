"""The Lemke-Howson float path compiled by numba (optional: ``pip install multilateral[fast]``).

Private helper of :mod:`._lemke_howson`, which imports this module only when numba is
installed (on the first float path, not at ``import multilateral``: importing numba takes
about 0.3 s) and otherwise follows the same path with its numpy kernel. Both kernels keep the
same condensed tableaux, labels and rules, so that they end at the same equilibrium after the
same number of pivots (tests/test_lemke_howson.py checks it from every starting label):

* tableau 0 is ``r + A'y = 1`` (rows: the basic variables, initially ``r_i`` labelled ``i``;
  columns: the nonbasic ones, initially ``y_j`` labelled ``m + j``; last column the
  right-hand side), tableau 1 is ``B'^T x + s = 1``; ``A', B'`` are the payoffs shifted and
  scaled into ``[1, 2]``. Here the tableaux are C-ordered and a pivot is a loop of row
  operations (``row_l -= d_l * pivot_row``) on contiguous rows.
* While a tableau's basic solution is strictly positive, the entering column's ratio test is
  the largest ``d / rhs``; when the pivot leaves a basic value within ``SAME_POINT`` of zero
  (a possible tie), it is undone and redone by the careful test (:func:`_careful_row`: ties
  within ``ROUNDING``, broken by the lexicographic rule on the columns of the initial basis,
  in their order, as quantecon does).

:func:`finish` cleans the end point (entries below ``tol`` are zeros; normalized) and
computes its regret on the original payoffs: the verification of
:func:`._lemke_howson.equilibrium`, in one compiled loop instead of a dozen numpy calls.

All functions are compiled with ``cache=True``: the first call in a new environment compiles
them (about 4 s on an idle core, measured in ``benchmarks/README.md``); later processes load
the compiled code from numba's cache (``__pycache__``, or ``NUMBA_CACHE_DIR``), which with
importing numba takes about 0.7 s.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .._namespace import public_dir
from ..tolerances import ROUNDING, SAME_POINT

__all__ = ["OK", "STUCK", "UNBOUNDED", "finish", "path"]
__dir__ = public_dir(__all__)

#: :func:`path`'s status: the path ended, hit the pivot limit, or met an unbounded ray.
OK, STUCK, UNBOUNDED = 0, 1, 2


@njit(cache=True)
def _positive_into(out, u, transpose):  # type: ignore[no-untyped-def]
    """Write ``u`` (or its transpose) shifted and scaled into ``[1, 2]`` to ``out``."""
    lo, hi = u.min(), u.max()
    rows, cols = (u.shape[1], u.shape[0]) if transpose else u.shape
    for r in range(rows):
        for c in range(cols):
            v = u[c, r] if transpose else u[r, c]
            out[r, c] = 1.0 if hi == lo else (v - lo) * (1.0 / (hi - lo)) + 1.0


@njit(cache=True)
def _exchange(tab, i, j, prow):  # type: ignore[no-untyped-def]
    """Pivot on ``(i, j)`` in place (as ``_Tableau.exchange`` of the numpy kernel).

    Row ``i`` becomes itself over the pivot ``p``, with ``1 / p`` in column ``j``; every other
    row ``l`` loses ``d_l`` times it, ``d`` the old column ``j``, which becomes ``-d_l / p``.
    ``prow`` is scratch space of the row's length.
    """
    p = tab[i, j]
    for k in range(tab.shape[1]):
        prow[k] = tab[i, k] / p
    prow[j] = 1.0 / p
    for r in range(tab.shape[0]):
        d = tab[r, j]
        if r == i or d == 0.0:
            continue
        tab[r, j] = 0.0
        for k in range(tab.shape[1]):
            tab[r, k] -= d * prow[k]
    for k in range(tab.shape[1]):
        tab[i, k] = prow[k]


@njit(cache=True)
def _min_rhs(tab):  # type: ignore[no-untyped-def]
    last = tab.shape[1] - 1
    low = np.inf
    for r in range(tab.shape[0]):
        low = min(low, tab[r, last])
    return low


@njit(cache=True)
def _careful_row(tab, j, row_of, col_of, first, count, entering, rows):  # type: ignore[no-untyped-def]
    """The lexicographic minimum-ratio row for column ``j``, or -1 (unbounded ray).

    The rule of the numpy kernel's ``_ratio_row``: ratios ``rhs / d`` over ``d > ROUNDING``,
    ties within ``ROUNDING`` (relative), then for each label ``first .. first + count - 1``
    of the initial basis except ``entering``: a basic one removes its own row, a nonbasic one
    keeps the rows of the smallest ``column / d`` (ties within ``ROUNDING`` again).
    ``rows`` is scratch space; ``row_of``/``col_of`` map labels to rows/columns (or -1).
    """
    last = tab.shape[1] - 1
    best = np.inf
    for r in range(tab.shape[0]):
        if tab[r, j] > ROUNDING:
            best = min(best, tab[r, last] / tab[r, j])
    if best == np.inf:
        return -1
    cut = best + ROUNDING * max(1.0, abs(best))
    n_rows = 0
    for r in range(tab.shape[0]):
        if tab[r, j] > ROUNDING and tab[r, last] / tab[r, j] <= cut:
            rows[n_rows] = r
            n_rows += 1
    for label in range(first, first + count):
        if n_rows == 1:
            break
        if label == entering:
            continue
        kept = 0
        if row_of[label] >= 0:  # basic: a unit column, ratio 0 except at its own row
            for t in range(n_rows):
                if rows[t] != row_of[label]:
                    rows[kept] = rows[t]
                    kept += 1
        else:
            c = col_of[label]
            low = np.inf
            for t in range(n_rows):
                low = min(low, tab[rows[t], c] / tab[rows[t], j])
            cut = low + ROUNDING * max(1.0, abs(low))
            for t in range(n_rows):
                if tab[rows[t], c] / tab[rows[t], j] <= cut:
                    rows[kept] = rows[t]
                    kept += 1
        n_rows = kept
    return rows[0]


@njit(cache=True)
def path(a, b, dropped, limit, x, y, basis0, basis1):  # type: ignore[no-untyped-def]
    """Follow the path from the artificial equilibrium, dropping label ``dropped`` first.

    ``a``, ``b``: C-contiguous float64 payoffs (any real numbers). Writes the unnormalized
    ``x`` and ``y`` at the end and each tableau's basis (the label of each row's basic
    variable) into the arrays given (float64 of lengths ``m``, ``n``; int64 of lengths ``m``,
    ``n``: returning new arrays costs more than the whole path on small games), and returns
    the number of pivots and a status (:data:`OK`, :data:`STUCK` after ``limit`` pivots,
    :data:`UNBOUNDED`).
    """
    m, n = a.shape
    tab0, tab1 = np.empty((m, n + 1)), np.empty((n, m + 1))
    _positive_into(tab0, a, False)
    _positive_into(tab1, b, True)
    tab0[:, n] = 1.0
    tab1[:, m] = 1.0
    tabs = (tab0, tab1)
    basis = (basis0, basis1)  # row -> label of its basic variable
    basis0[:] = np.arange(m)
    basis1[:] = np.arange(m, m + n)
    row_of = np.full((2, m + n), -1)  # label -> its row, if basic on that side
    col_of = np.full((2, m + n), -1)  # label -> its column, if nonbasic on that side
    for i in range(m):
        row_of[0, i] = col_of[1, i] = i
    for j in range(n):
        row_of[1, m + j] = col_of[0, m + j] = j
    first, count = (0, m), (m, n)  # the initial basis of each side, in order: the lex rule
    simple = np.ones(2, dtype=np.bool_)
    prow, rows = np.empty(max(m, n) + 1), np.empty(max(m, n), dtype=np.int64)
    side, entering = (1 if dropped < m else 0), dropped
    pivots, status = 0, STUCK
    while pivots < limit:
        pivots += 1
        tab = tabs[side]
        j = col_of[side, entering]
        i = -1
        if simple[side]:
            last = tab.shape[1] - 1
            best = -np.inf
            for r in range(tab.shape[0]):  # the largest d / rhs: numpy's argmax, first wins
                q = tab[r, j] / tab[r, last]
                if q > best:
                    best, i = q, r
            if tab[i, j] > ROUNDING:
                _exchange(tab, i, j, prow)
                if not _min_rhs(tab) > SAME_POINT:  # a basic value fell to zero: maybe a tie
                    _exchange(tab, i, j, prow)  # undo; decide carefully
                    i = -1
            else:
                i = -1
        if i < 0:
            i = _careful_row(
                tab, j, row_of[side], col_of[side], first[side], count[side], entering, rows
            )
            if i < 0:
                status = UNBOUNDED
                break
            _exchange(tab, i, j, prow)
            simple[side] = _min_rhs(tab) > SAME_POINT
        leaving = basis[side][i]
        basis[side][i] = entering
        row_of[side, entering], col_of[side, entering] = i, -1
        row_of[side, leaving], col_of[side, leaving] = -1, j
        if leaving == dropped:
            status = OK
            break
        entering, side = leaving, 1 - side
    x[:] = 0.0
    y[:] = 0.0
    for r in range(n):
        if basis[1][r] < m:
            x[basis[1][r]] = tab1[r, m]
    for r in range(m):
        if basis[0][r] >= m:
            y[basis[0][r] - m] = tab0[r, n]
    return pivots, status


@njit(cache=True)
def _clean(s, tol):  # type: ignore[no-untyped-def]
    total = 0.0
    for k in range(s.size):
        if s[k] < tol:
            s[k] = 0.0
        total += s[k]
    if not total > 0:  # nothing left: no profile (NaN fails the verification)
        total = np.nan
    for k in range(s.size):
        s[k] /= total


@njit(cache=True)
def finish(a, b, x, y, tol, clean):  # type: ignore[no-untyped-def]
    """Clean ``x`` and ``y`` in place (if ``clean``); their payoffs, regret, and the scale.

    Returns ``(u_row, u_column, regret, scale)``: the expected payoffs, the largest gain from
    a unilateral deviation, and ``max(1, |payoffs|)``, all on the original ``a``, ``b``.
    """
    if clean:
        _clean(x, tol)
        _clean(y, tol)
    m, n = a.shape
    ay, xb = np.zeros(m), np.zeros(n)
    scale = 1.0
    for i in range(m):
        for j in range(n):
            ay[i] += a[i, j] * y[j]
            xb[j] += x[i] * b[i, j]
            scale = max(scale, abs(a[i, j]), abs(b[i, j]))
    u0 = u1 = 0.0
    for i in range(m):
        u0 += x[i] * ay[i]
    for j in range(n):
        u1 += xb[j] * y[j]
    return u0, u1, max(ay.max() - u0, xb.max() - u1), scale
