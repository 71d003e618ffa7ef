"""The Lemke-Howson path of a bimatrix game: a float kernel and an exact one.

Private helper of :mod:`multilateral.solvers.two_player`. Both best-response polytopes are
kept as *condensed* tableaux (Tucker's scheme): one column per nonbasic variable plus the
right-hand side, so a pivot updates ``rows x (columns + 1)`` numbers, about half of what a
full tableau with its identity part costs. Variables carry their labels (row actions
``0..m-1``, column actions ``m..m+n-1``); tableau 0 is ``r + A'y = 1`` (``r_i`` labelled
``i``, ``y_j`` labelled ``m + j``), tableau 1 is ``B'^T x + s = 1`` (``x_i`` labelled ``i``,
``s_j`` labelled ``m + j``), with ``A', B'`` the payoffs made positive. The label that leaves
one tableau enters the other, until the label dropped first leaves: the end of the path
(Lemke and Howson 1964; von Stengel 2007, section 3.4 "The Lemke-Howson algorithm").

Float kernels (:func:`float_path`): compiled by numba when it is installed
(:mod:`._lemke_howson_jit`, ``pip install multilateral[fast]``), else numpy
(:func:`numpy_path`); :data:`JIT` chooses, and both follow the same path to the same end.
In the numpy kernel each pivot is one rank-one update of a Fortran-ordered
array in place by BLAS ``dger`` (no temporaries), in column blocks of at most ``_BLOCK``
numbers so that OpenBLAS runs each on one thread (threading a rank-one update of a few
hundred rows costs far more than it saves, and is erratic on a shared machine); the
minimum-ratio test is one division and one argmax while the vertex is nondegenerate, and
ties (within round-off) are broken by the lexicographic rule on the columns of the initial
basis, in their order (von Stengel 2007, section 3.6 "Degenerate games"), as quantecon
does, so that its path and ours are the same path. The compiled kernel does the same with
loops of row operations on C-ordered tableaux (about 1 us per pivot on small games, the
numpy kernel 6-10 us), and also cleans and verifies the end point in one loop
(:func:`verify`).

Exact kernel (:func:`exact_path`): the same path in integer arithmetic (Bareiss's
fraction-free pivoting on full tableaux of Python ints; every division is exact: von Stengel
2007, section 3.5 "Integer pivoting"), with the exact lexicographic rule: no tolerance
anywhere. It is the fallback for exact games whose float path does not verify
(:func:`exact_vertex`): payoffs that floats cannot hold apart (``10**20 + k``), or a tie that
round-off decided otherwise (never seen on random small integer games).

References
----------
Lemke, C. E. and Howson, J. T. (1964). Equilibrium points of bimatrix games. *SIAM J.
Applied Mathematics* 12(2), 413-423.
von Stengel, B. (2007). Equilibrium computation for two-player games in strategic and
extensive form. In Nisan, Roughgarden, Tardos and Vazirani (eds.), *Algorithmic Game
Theory*, Cambridge University Press, ch. 3 (sections 3.4-3.6).
Bareiss, E. H. (1968). Sylvester's identity and multistep integer-preserving Gaussian
elimination. *Mathematics of Computation* 22, 565-578.
"""

from __future__ import annotations

import importlib.util
import operator
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.linalg.blas import dger

from .._namespace import public_dir
from ..errors import SolverError
from ..games.normal_form import NormalFormGame
from ..results import NashEquilibrium
from ..tolerances import ROUNDING, SAME_POINT
from ._checks import exact_payoffs
from ._enumeration import integer_payoff_array, solve_ones

__all__ = [
    "JIT",
    "clean",
    "equilibrium",
    "exact_path",
    "exact_vertex",
    "float_path",
    "numpy_path",
    "pivot_limit",
    "verify",
]
__dir__ = public_dir(__all__)

#: Numbers per ``dger`` call: OpenBLAS threads a rank-one update above about 9,000 (its
#: ``GEMM_MULTITHREAD_THRESHOLD``), which on 200 rows made one update 3-300x slower.
_BLOCK = 8192

Bases = tuple[list[int], list[int]]

#: Float paths use the compiled kernel (:mod:`._lemke_howson_jit`) when numba is installed;
#: set this to False for the numpy kernel (the tests run both). numba itself is imported on
#: the first float path, not here: importing it takes about 0.3 s.
JIT = importlib.util.find_spec("numba") is not None
_compiled: list[Any] = []  # the compiled module once imported (None if numba is unusable)


def _jit() -> Any:
    """The compiled kernel's module, or None (numba missing, broken, or NUMBA_DISABLE_JIT)."""
    if not JIT:
        return None
    if not _compiled:
        compiled: Any = None
        try:
            import numba

            from . import _lemke_howson_jit
        except ImportError:  # pragma: no cover - numba found but not importable
            pass
        else:  # with NUMBA_DISABLE_JIT the "compiled" loops would run as Python: far slower
            disabled = getattr(numba.config, "DISABLE_JIT", False)
            compiled = None if disabled else _lemke_howson_jit
        _compiled.append(compiled)
    return _compiled[0]


_ZERO = Fraction(0)
_UNBOUNDED = "Lemke-Howson met an unbounded ray: payoffs are not positive"


def pivot_limit(m: int, n: int) -> int:
    """Pivots allowed before the path is declared stuck (it is far shorter on real games)."""
    return 10 * (m + n) ** 2 + 100


def _stuck(kind: str, limit: int, dropped: int) -> SolverError:
    return SolverError(
        f"Lemke-Howson ({kind}) did not reach an equilibrium within {limit} pivots from "
        f"initial_dropped_label={dropped}: the float path is cycling on round-off. Try another "
        "initial_dropped_label, or pass exact (int/Fraction) payoffs"
    )


def equilibrium(
    game: NormalFormGame,
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    dropped: int,
    tol: float,
) -> NashEquilibrium:
    """The verified equilibrium at the end of the path from ``dropped`` (validated inputs).

    Float games: the float path, cleaned (probabilities below ``tol`` are zeros) and checked
    (regret at most ``10 tol`` times the payoffs' scale, as every two-player solver here).
    Exact games: the float path's end is re-derived and verified exactly from its bases
    (:func:`exact_vertex`); if that fails, or the float path does, the exact path
    (:func:`exact_path`) is followed instead. Either way the answer is exact.
    """
    exact = None
    bases: Bases | None = None
    a, b = _c_floats(a), _c_floats(b)  # (views of the payoff array)
    try:
        x, y, bases, _ = float_path(a, b, dropped)
    except SolverError:
        if not game.is_exact:
            raise
    if game.is_exact:
        ap = integer_payoff_array(game.payoff_array(0))  # (only the columns used become ints)
        bp = integer_payoff_array(game.payoff_array(1))
        exact = exact_vertex(ap, bp, bases) if bases is not None else None
        if exact is None:
            exact = exact_path(ap.tolist(), bp.tolist(), dropped)
        x, y = _floats(exact[0]), _floats(exact[1])
    x, y, u0, u1, r, scale = verify(a, b, x, y, tol, clean_up=exact is None)
    if not r <= tol * scale * 10:  # (also refuses a NaN)
        raise SolverError(
            f"Lemke-Howson produced a profile with regret {r:.3g} > tol; the game may be too "
            "ill-conditioned for float arithmetic: pass exact (int/Fraction) payoffs"
        )
    return NashEquilibrium(
        strategies=(x, y),
        payoffs=np.array((u0, u1)),
        regret=r,
        method="Lemke-Howson",
        exact=(tuple(exact[0]), tuple(exact[1])) if exact is not None else None,
        exact_payoffs=exact_payoffs(game, exact) if exact is not None else None,
    )


def verify(
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    tol: float,
    *,
    clean_up: bool = True,
) -> tuple[NDArray[np.float64], NDArray[np.float64], float, float, float, float]:
    """``x``, ``y`` cleaned (if ``clean_up``: :func:`clean`), their payoffs, regret, scale.

    Returns ``(x, y, u_row, u_column, regret, scale)``: the expected payoffs and the largest
    gain from a unilateral deviation on ``a``, ``b`` (C-ordered floats), and
    ``max(1, |payoffs|)``. Compiled (one loop, and ``x``, ``y`` cleaned in place) when
    :data:`JIT`.
    """
    jit = _jit()
    if jit is not None:
        u0, u1, r, scale = jit.finish(a, b, x, y, tol, clean_up)  # (Python floats)
        return x, y, u0, u1, r, scale
    if clean_up:
        x, y = clean(x, tol), clean(y, tol)
    ay, xb = a @ y, x @ b
    u0, u1 = float(x @ ay), float(xb @ y)
    r = max(float(ay.max()) - u0, float(xb.max()) - u1)
    scale = max(1.0, -_low(a), _high(a), -_low(b), _high(b))
    return x, y, u0, u1, r, scale


def clean(s: NDArray[np.float64], tol: float) -> NDArray[np.float64]:
    """``s`` with its entries below ``tol`` made zeros, normalized to sum 1 (a new array).

    All NaN if nothing is left (no profile: a verification that reads it fails).
    """
    s = np.where(s < tol, 0.0, s)
    total = s.sum()
    s /= total if total > 0 else np.nan
    return s


def _floats(z: list[Fraction]) -> NDArray[np.float64]:
    """``np.array(z, dtype=float)``, faster: the shared zeros of :func:`_normalized` are
    skipped by identity, the support's ``numerator / denominator`` is correctly rounded."""
    out = np.zeros(len(z))
    for k, v in enumerate(z):
        if v is not _ZERO:
            out[k] = v.numerator / v.denominator
    return out


def _c_floats(u: NDArray[Any]) -> NDArray[np.float64]:
    return np.ascontiguousarray(u, dtype=np.float64)


def _low(u: NDArray[np.float64]) -> float:
    return float(np.minimum.reduce(u, axis=None))  # (u.min() adds a Python-level wrapper)


def _high(u: NDArray[np.float64]) -> float:
    return float(np.maximum.reduce(u, axis=None))


def _positive_into(out: NDArray[np.float64], u: NDArray[np.float64]) -> None:
    """Write ``u`` shifted and scaled into ``[1, 2]`` (same path, well conditioned) to ``out``."""
    lo, hi = _low(u), _high(u)
    if hi == lo:
        out[...] = 1.0
        return
    np.subtract(u, lo, out=out)
    out *= 1.0 / (hi - lo)
    out += 1.0


# -- float kernel -------------------------------------------------------------------------------
def float_path(
    a: NDArray[np.float64], b: NDArray[np.float64], dropped: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], Bases, int]:
    """Follow the path in floats from the artificial equilibrium (any real payoffs).

    The payoffs are first shifted and scaled into ``[1, 2]`` (positive: the path and its end
    do not change). Returns the unnormalized ``x`` and ``y`` at the end, the final bases (the
    label of each row's basic variable, tableau 0 then 1) and the number of pivots. Runs the
    compiled kernel when :data:`JIT` (and numba is usable), else :func:`numpy_path`.
    """
    jit = _jit()
    if jit is None:
        return numpy_path(a, b, dropped)
    (m, n), limit = a.shape, pivot_limit(*a.shape)
    x, y, basis0, basis1 = np.empty(m), np.empty(n), np.empty(m, np.int64), np.empty(n, np.int64)
    pivots, status = jit.path(_c_floats(a), _c_floats(b), dropped, limit, x, y, basis0, basis1)
    if status == jit.STUCK:
        raise _stuck("floats", limit, dropped)
    if status == jit.UNBOUNDED:  # pragma: no cover - positive payoffs bound both polytopes
        raise SolverError(_UNBOUNDED)
    return x, y, (basis0.tolist(), basis1.tolist()), pivots


def numpy_path(
    a: NDArray[np.float64], b: NDArray[np.float64], dropped: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], Bases, int]:
    """:func:`float_path` in numpy (no compiler needed): the same path, about 10x slower.

    While a tableau's basic solution is strictly positive (``simple``: a nondegenerate
    vertex, always so in a generic game), its ratio test is the largest ``d / rhs`` (one
    division, one argmax), and a tie shows after the pivot as a basic value near zero: the
    pivot is then undone and redone by the careful test (:func:`_ratio_row`: every row with
    a positive entry, ties within round-off, the lexicographic rule).
    """
    m, n = a.shape
    tabs = [np.empty((m, n + 1), order="F"), np.empty((n, m + 1), order="F")]
    _positive_into(tabs[0][:, :n], a)
    _positive_into(tabs[1][:, :m], b.T)
    tabs[0][:, n] = tabs[1][:, m] = 1.0
    tableaux = (_Tableau(tabs[0]), _Tableau(tabs[1]))
    bases = (list(range(m)), list(range(m, m + n)))  # row -> label of its basic variable
    where = (
        {label: c for c, label in enumerate(range(m, m + n))},  # label -> its column
        {label: c for c, label in enumerate(range(m))},
    )
    lex = (range(m), range(m, m + n))  # the initial basis, in order, breaks ties
    simple = [True, True]
    side, entering = (1 if dropped < m else 0), dropped
    limit = pivot_limit(m, n)
    pivots = 0
    while pivots < limit:
        pivots += 1
        t, basis, col_of = tableaux[side], bases[side], where[side]
        j = col_of.pop(entering)
        rhs = t.rhs
        done = False
        if simple[side]:
            col = t.cols[j]
            if col is None:
                col = t.cols[j] = t.tab[:, j]
            d = col.copy()
            q = t.quotients
            np.divide(d, rhs, q)
            i = int(q.argmax())
            p = d[i]
            if p > ROUNDING:  # the update of _Tableau.exchange, inline
                row = t.rows[i]
                if row is None:
                    row = t.rows[i] = t.tab[i]
                prow = row / p
                prow[j] = 1.0 / p
                d[i] = 0.0
                col.fill(0.0)
                if t.single:
                    dger(-1.0, d, prow, 1, 1, t.tab, 1, 1, 1)
                else:
                    for block, cut in t.blocks:
                        dger(-1.0, d, prow[cut], 1, 1, block, 1, 1, 1)
                row[:] = prow
                done = bool(rhs[rhs.argmin()] > SAME_POINT)
                if not done:  # a basic value fell to zero: maybe a tie; undo, decide carefully
                    t.exchange(i, j)
        if not done:
            i = _ratio_row(t.tab, j, basis, col_of, lex[side], entering)
            t.exchange(i, j)
            simple[side] = bool(rhs[rhs.argmin()] > SAME_POINT)
        leaving = basis[i]
        basis[i] = entering
        col_of[leaving] = j
        if leaving == dropped:
            break
        entering, side = leaving, 1 - side
    else:
        raise _stuck("floats", limit, dropped)
    x, y = np.zeros(m), np.zeros(n)
    for r, label in enumerate(bases[1]):
        if label < m:
            x[label] = tabs[1][r, -1]
    for r, label in enumerate(bases[0]):
        if label >= m:
            y[label - m] = tabs[0][r, -1]
    return x, y, bases, pivots


class _Tableau:
    """A condensed tableau (Fortran order) with views of its rows, columns and BLAS blocks.

    Each view is made once, when first used: making a view costs about a tenth of a small
    pivot step, and short paths touch few rows and columns.
    ``blocks`` are column blocks of at most ``_BLOCK`` numbers (Fortran-contiguous views:
    ``dger`` updates them in place); ``single`` when one block is the whole tableau.
    """

    __slots__ = ("blocks", "cols", "quotients", "rhs", "rows", "single", "tab")

    def __init__(self, tab: NDArray[np.float64]) -> None:
        rows, width = tab.shape
        step = max(1, _BLOCK // max(1, rows))
        self.tab = tab
        self.rows: list[NDArray[np.float64] | None] = [None] * rows  # views, made when used
        self.cols: list[NDArray[np.float64] | None] = [None] * width
        self.rhs = tab[:, -1]
        self.blocks = [
            (tab[:, lo : lo + step], slice(lo, lo + step)) for lo in range(0, width, step)
        ]
        self.single = len(self.blocks) == 1
        self.quotients = np.empty(rows)

    def exchange(self, i: int, j: int) -> None:
        """Pivot on ``(i, j)`` in place; doing it twice undoes it.

        The nonbasic column ``j`` and the basic variable of row ``i`` trade places: row
        ``i`` is divided by the pivot ``p``, every other row loses ``d_l`` times it (one
        rank-one update, ``d`` the old column ``j``), and column ``j`` becomes ``-d / p``
        with ``1 / p`` at row ``i`` (the column of the variable that left).
        """
        col, row = self.tab[:, j], self.tab[i]
        d = col.copy()
        p = d[i]
        prow = row / p
        prow[j] = 1.0 / p  # column j is zeroed: the update writes -d_l / p into it
        d[i] = 0.0  # row i is written whole afterwards
        col.fill(0.0)
        for block, cut in self.blocks:
            dger(-1.0, d, prow[cut], 1, 1, block, 1, 1, 1)
        row[:] = prow


def _ratio_row(
    tab: NDArray[np.float64],
    j: int,
    basis: list[int],
    col_of: dict[int, int],
    lex: range,
    entering: int,
) -> int:
    """The lexicographic minimum-ratio row for column ``j`` (ties within round-off)."""
    d = tab[:, j]
    ratios = np.full(d.shape, np.inf)
    np.divide(tab[:, -1], d, out=ratios, where=d > ROUNDING)
    best = ratios.min()
    if best == np.inf:
        raise SolverError(_UNBOUNDED)
    rows = np.flatnonzero(ratios <= best + ROUNDING * max(1.0, abs(best)))
    if rows.size == 1:
        return int(rows[0])
    row_of = {label: r for r, label in enumerate(basis)}
    for label in lex:
        if label == entering:
            continue
        if label in row_of:  # basic: a unit column, ratio 0 except at its own row
            rows = rows[rows != row_of[label]]
        else:
            vals = tab[rows, col_of[label]] / d[rows]
            low = vals.min()
            rows = rows[vals <= low + ROUNDING * max(1.0, abs(low))]
        if rows.size == 1:
            break
    return int(rows[0])


# -- exact kernel and exact verification ---------------------------------------------------------
def exact_vertex(
    ap: list[list[int]] | NDArray[Any], bp: list[list[int]] | NDArray[Any], bases: Bases
) -> tuple[list[Fraction], list[Fraction]] | None:
    """The exact equilibrium at the end of a path, from its bases; None if they are not one.

    Solves each tableau's basic variables exactly on ``ap, bp`` (positive exact payoffs) and
    checks what makes them an equilibrium (von Stengel 2007, Theorem 3.1): both basic
    solutions feasible (nonnegative), complementary (no label basic in both tableaux) and not
    the artificial equilibrium. ``ap``, ``bp``: lists, or arrays of
    :func:`~._enumeration.integer_payoff_array` (only the support's columns are converted).
    """
    a_ints = ap if isinstance(ap, np.ndarray) else np.array(ap, dtype=object)
    b_ints = bp if isinstance(bp, np.ndarray) else np.array(bp, dtype=object)
    m, n = a_ints.shape[0], b_ints.shape[1]
    b0, b1 = set(bases[0]), set(bases[1])
    if b0 & b1:
        return None
    ys = sorted(label - m for label in b0 if label >= m)  # support of y
    tight0 = [i for i in range(m) if i not in b0]  # rows whose slack r_i is zero
    xs = sorted(label for label in b1 if label < m)
    tight1 = [j for j in range(n) if j + m not in b1]
    if not xs or not ys:
        return None
    y = _basic_solution(a_ints[:, ys].tolist(), tight0, ys)
    x = _basic_solution(b_ints[xs, :].T.tolist(), tight1, xs)
    if x is None or y is None:
        return None
    return _normalized(x, m), _normalized(y, n)


def _basic_solution(
    sub: list[list[int]], tight: list[int], support: list[int]
) -> dict[int, int] | None:
    """Solve ``sub[tight] z = 1`` and check ``z >= 0`` and ``sub z <= 1``; None otherwise.

    Returns ``z`` up to its common denominator (which normalizing cancels): support -> integer.
    """
    if len(tight) != len(support):
        return None
    solved = solve_ones([sub[i] for i in tight])
    if solved is None:
        return None
    num, den = solved
    if any(v < 0 for v in num):
        return None
    # sub z <= 1 on the other rows (the tight ones equal 1: the solve is exact)
    on = set(tight)
    if any(sum(map(operator.mul, sub[i], num)) > den for i in range(len(sub)) if i not in on):
        return None
    return dict(zip(support, num, strict=True))


def _normalized(z: dict[int, int], size: int) -> list[Fraction]:
    """The probability vector proportional to ``z`` (nonnegative integers, not all zero)."""
    total = sum(z.values())
    out = [_ZERO] * size
    for k, v in z.items():
        out[k] = Fraction(v, total)
    return out


def exact_path(
    ap: list[list[int]], bp: list[list[int]], dropped: int
) -> tuple[list[Fraction], list[Fraction]]:
    """The lexicographic Lemke-Howson path in exact integer arithmetic (Bareiss pivoting).

    Each tableau is ``T / D`` with ``T`` integer and ``D`` the previous pivot, updated by
    ``T[l] <- (p T[l] - T[l, j] T[i]) / D`` (an exact division). Full tableaux: column =
    label, last column the right-hand side. Returns the normalized equilibrium.
    """
    m, n = len(ap), len(bp[0])
    t0 = np.empty((m, m + n + 1), dtype=object)
    t0[:, :m] = [[int(i == k) for k in range(m)] for i in range(m)]
    t0[:, m : m + n] = ap
    t1 = np.empty((n, m + n + 1), dtype=object)
    t1[:, :m] = [[bp[i][j] for i in range(m)] for j in range(n)]
    t1[:, m : m + n] = [[int(j == k) for k in range(n)] for j in range(n)]
    t0[:, -1] = t1[:, -1] = 1
    tabs, dens = [t0, t1], [1, 1]
    bases = (list(range(m)), list(range(m, m + n)))
    lex = (range(m), range(m, m + n))
    side, entering = (1 if dropped < m else 0), dropped
    limit = pivot_limit(m, n)
    for _ in range(limit):
        tab = tabs[side]
        i = _exact_row(tab, entering, lex[side])
        p = tab[i, entering]
        pivot_row = tab[i].copy()
        tab[:] = (p * tab - np.outer(tab[:, entering], pivot_row)) // dens[side]
        tab[i] = pivot_row
        dens[side] = p
        leaving = bases[side][i]
        bases[side][i] = entering
        if leaving == dropped:
            break
        entering, side = leaving, 1 - side
    else:  # pragma: no cover - lexicographic pivoting in exact arithmetic cannot cycle
        raise _stuck("exact", limit, dropped)
    # each tableau is T / D with one D: normalizing T's right-hand sides cancels it
    x = {label: int(tabs[1][r, -1]) for r, label in enumerate(bases[1]) if label < m}
    y = {label - m: int(tabs[0][r, -1]) for r, label in enumerate(bases[0]) if label >= m}
    return _normalized(x, m), _normalized(y, n)


def _exact_row(tab: NDArray[Any], j: int, lex: range) -> int:
    """Exact lexicographic minimum-ratio row for entering column ``j`` (no tolerance)."""
    rows = [r for r in range(tab.shape[0]) if tab[r, j] > 0]
    if not rows:  # pragma: no cover - positive payoffs bound both polytopes
        raise SolverError("Lemke-Howson met an unbounded ray: payoffs are not positive")
    for c in (tab.shape[1] - 1, *lex):
        if len(rows) == 1:
            break
        vals = {r: Fraction(tab[r, c], tab[r, j]) for r in rows}
        low = min(vals.values())
        rows = [r for r in rows if vals[r] == low]
    return rows[0]
