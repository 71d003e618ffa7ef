"""Lemke's algorithm for the sequence-form LCP with a prior (private helper).

Private helper of :mod:`multilateral.solvers.extensive.sequence_form`. Unknowns: realization
plans ``x`` (``n1`` sequences) and ``y`` (``n2``), slacks ``a``, ``b``, the free variables
``p`` (``m1 = 1 +`` player 1's information sets) and ``q``, and the extra variable ``z0``::

    a = E^T p - A y - (A y0) z0 >= 0,   x >= 0,   x^T a = 0
    b = F^T q - B^T x - (B^T x0) z0 >= 0,  y >= 0,   y^T b = 0
    E x = e,   F y = f

(von Stengel, van den Elzen and Talman 2002: the opponent's plan is ``y + z0 y0``, so for
large ``z0`` each player best-responds to the prior ``(x0, y0)``). The path starts on the ray
where ``x``, ``y`` are the pure best responses to the prior (every own information set, also
the unreached ones, has its sequence basic, so the start basis is nonsingular), and
complementary pivoting drives ``z0`` to zero: an equilibrium (Koller, Megiddo and von Stengel
1996). ``p``, ``q`` are basic from the start and never leave, so their rows are dropped after
the start. Ties in the ratio test are broken by the lexicographic rule over the columns of the
start basis. Floats: dense tableau (the start basis solved densely), rank-one updates in
numpy; the right-hand side is perturbed by the caller and the end basis solved on the true
one. Exact: integer tableau, fraction-free (Bareiss) pivoting as in
:mod:`multilateral.solvers._lemke_howson`'s exact path.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from ..._namespace import public_dir
from ...errors import SolverError
from ...tolerances import ROUNDING, SAME_POINT

__all__ = ["basis_solution", "exact_lemke", "float_lemke", "start_basis"]
__dir__ = public_dir(__all__)

Solution = tuple[NDArray[Any], NDArray[Any], int]


def start_basis(n1: int, n2: int, m1: int, m2: int, pure1: list[int], pure2: list[int]
                ) -> list[int]:
    """Columns of the start basis: x on ``pure1``, y on ``pure2``, the other slacks, p, q
    (p and q last). Column layout: x, y, a, b, z0, p, q."""
    n = n1 + n2
    in1, in2 = set(pure1), set(pure2)
    basis = [s for s in pure1] + [n1 + t for t in pure2]
    basis += [n + s for s in range(n1) if s not in in1]
    basis += [n + n1 + t for t in range(n2) if t not in in2]
    basis += list(range(2 * n + 1, 2 * n + 1 + m1 + m2))
    return basis


def _complement(v: int, n: int) -> int:
    return v + n if v < n else v - n


def float_lemke(m: sp.csc_matrix, rhs: NDArray[np.float64], basis: list[int], n: int,
                limit: int) -> Solution | None:
    """Floats: the LCP's ``x, y`` (length ``n``) and the pivot count; None if the start is
    degenerate (a tie between best responses to the prior): the caller changes the prior."""
    rows = len(basis)
    keep = np.concatenate([m[:, :2 * n + 1].toarray(), rhs[:, None]], axis=1)
    tab = np.ascontiguousarray(np.linalg.solve(m[:, basis].toarray(), keep)[:n])
    del keep
    basic = basis[:n]
    assert rows >= n
    z0, last = 2 * n, 2 * n + 1
    lex = basis[:n]
    col, b = tab[:, z0], tab[:, last]
    scale = max(1.0, float(np.abs(tab).max()))
    eps = ROUNDING * scale
    if not np.any(b < -SAME_POINT * scale):
        return _float_solution(tab, basic, n, 0)
    bad = (col >= -eps) & (b < -SAME_POINT * scale)
    if np.any(bad):
        return None
    neg = np.flatnonzero(col < -eps)
    ratios = b[neg] / col[neg]
    i = int(neg[int(np.argmax(ratios))])
    _float_pivot(tab, i, z0)
    leaving = basic[i]
    basic[i] = z0
    pivots = 1
    entering = _complement(leaving, n)
    while pivots < limit:
        pivots += 1
        i = _float_ratio(tab, entering, basic, lex, eps)
        _float_pivot(tab, i, entering)
        leaving = basic[i]
        basic[i] = entering
        if leaving == z0:
            return _float_solution(tab, basic, n, pivots)
        entering = _complement(leaving, n)
    raise SolverError(f"Lemke's algorithm on the sequence form took more than {limit} pivots "
                      "(cycling under round-off); try exact=True")


def _float_pivot(tab: NDArray[np.float64], i: int, j: int) -> None:
    d = tab[:, j].copy()
    prow = tab[i] / d[i]
    d[i] = 0.0
    rows = np.flatnonzero(d)  # the sequence form's tableau stays sparse: most rows unchanged
    cols = np.flatnonzero(prow)
    if rows.size * cols.size < tab.size // 2:
        block = np.ix_(rows, cols)
        tab[block] -= np.multiply.outer(d[rows], prow[cols])
    else:
        tab -= np.multiply.outer(d, prow)  # numpy, not a threaded BLAS call (erratic shared)
    tab[i] = prow


def _float_ratio(tab: NDArray[np.float64], j: int, basic: list[int], lex: list[int],
                 eps: float) -> int:
    d = tab[:, j]
    rows = np.flatnonzero(d > eps)
    if rows.size == 0:
        raise SolverError("Lemke's algorithm on the sequence form ended on a ray (no "
                          "equilibrium found from this start)")
    ratios = tab[rows, -1] / d[rows]
    best = ratios.min()
    rows = rows[ratios <= best + ROUNDING * max(1.0, abs(best))]
    if rows.size == 1:
        return int(rows[0])
    for c in lex:
        vals = tab[rows, c] / d[rows]
        low = vals.min()
        rows = rows[vals <= low + ROUNDING * max(1.0, abs(low))]
        if rows.size == 1:
            break
    return int(rows[0])


def _float_solution(tab: NDArray[np.float64], basic: list[int], n: int, pivots: int
                    ) -> Solution:
    """The end basis (``basic``, p and q left out) as an array, with the pivot count; the
    caller solves it on the unperturbed right-hand side (:func:`basis_solution`)."""
    return np.asarray(basic, dtype=np.int64), np.zeros(0), pivots


def basis_solution(m: sp.csc_matrix, rhs: NDArray[np.float64], basic: NDArray[np.int64],
                   n: int) -> NDArray[np.float64] | None:
    """``x, y`` of the basic solution of ``basic`` (plus p and q) on ``rhs``; None if that
    basis is singular."""
    full = [*basic.tolist(), *range(2 * n + 1, m.shape[1])]
    try:
        z = np.linalg.solve(m[:, full].toarray(), rhs)
    except np.linalg.LinAlgError:  # pragma: no cover - a basis of the path is nonsingular
        return None
    out = np.zeros(n)
    for v, value in zip(full, z.tolist(), strict=False):
        if v < n:
            out[v] = value
    return out


# -- exact ---------------------------------------------------------------------------------------
def exact_lemke(m: list[list[Fraction]], rhs: list[Fraction], basis: list[int], n: int,
                limit: int) -> Solution | None:
    """Exact: the same path in integer arithmetic (each row scaled to integers, Bareiss
    pivoting); x, y as Fractions. None if the start is degenerate."""
    rows = len(m)
    width = len(m[0])
    tab = np.empty((rows, width + 1), dtype=object)
    for r in range(rows):
        row = [*m[r], rhs[r]]
        k = lcm(*(v.denominator for v in row))
        tab[r] = [int(v * k) for v in row]
    den, free, where = 1, set(range(rows)), {}
    for v in basis:  # bring the start basis in (Gauss-Jordan, fraction-free)
        i = next((r for r in sorted(free) if tab[r, v] != 0), None)
        if i is None:  # pragma: no cover - the start basis is nonsingular
            raise SolverError("singular start basis in the sequence-form LCP")
        den = _exact_pivot(tab, i, v, den)
        free.discard(i)
        where[v] = i
    order = [where[v] for v in basis[:n]]
    tab = tab[order][:, [*range(2 * n + 1), width]]
    if den < 0:
        tab, den = -tab, -den
    basic = basis[:n]
    lex = basis[:n]
    z0 = 2 * n
    col, b = tab[:, z0], tab[:, -1]
    if all(v >= 0 for v in b):
        return _exact_solution(tab, basic, n, den, 0)
    if any(c >= 0 and v < 0 for c, v in zip(col, b, strict=True)):
        return None
    neg = [r for r in range(n) if col[r] < 0]
    i = max(neg, key=lambda r: Fraction(int(b[r]), int(col[r])))
    den = _exact_pivot(tab, i, z0, den)
    if den < 0:
        tab, den = -tab, -den
    leaving = basic[i]
    basic[i] = z0
    pivots = 1
    entering = _complement(leaving, n)
    while pivots < limit:
        pivots += 1
        i = _exact_ratio(tab, entering, lex, basic)
        den = _exact_pivot(tab, i, entering, den)
        leaving = basic[i]
        basic[i] = entering
        if leaving == z0:
            return _exact_solution(tab, basic, n, den, pivots)
        entering = _complement(leaving, n)
    raise SolverError(f"Lemke's algorithm on the sequence form took more than {limit} "
                      "pivots")  # pragma: no cover - lexicographic pivoting does not cycle


def _exact_pivot(tab: NDArray[Any], i: int, j: int, den: int) -> int:
    p = tab[i, j]
    prow = tab[i].copy()
    tab[:] = (p * tab - np.outer(tab[:, j], prow)) // den
    tab[i] = prow
    return int(p)


def _exact_ratio(tab: NDArray[Any], j: int, lex: list[int], basic: list[int]) -> int:
    rows = [r for r in range(tab.shape[0]) if tab[r, j] > 0]
    if not rows:
        raise SolverError("Lemke's algorithm on the sequence form ended on a ray (no "
                          "equilibrium found from this start)")
    for c in (tab.shape[1] - 1, *lex):
        if len(rows) == 1:
            break
        vals = {r: Fraction(int(tab[r, c]), int(tab[r, j])) for r in rows}
        low = min(vals.values())
        rows = [r for r in rows if vals[r] == low]
    return rows[0]


def _exact_solution(tab: NDArray[Any], basic: list[int], n: int, den: int, pivots: int
                    ) -> Solution:
    z = np.array([Fraction(0)] * n, dtype=object)
    for r, v in enumerate(basic):
        if v < n:
            z[v] = Fraction(int(tab[r, -1]), den)
    return z, z, pivots
