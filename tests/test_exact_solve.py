"""The exact solve shared by Lemke-Howson and vertex enumeration (``_enumeration.solve_ones``).

The Python-list elimination must return what the numpy-object-array one did (kept below as
the reference, as committed in 2b1cdc5), on random integer systems: singular ones, entries
beyond int64, negative entries, many ties. A second, independent check: the answer solves the
system in Fractions and ``den = |det|`` (sympy). Last, vertex enumeration's exact rebuild of
the float search's pairs (``exact_equilibria``) gives the same exact equilibria as the exact
enumeration over all bases (``brute_force_equilibria``) on small integer games, degenerate
ones included.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.solvers._enumeration import brute_force_equilibria, integer_payoffs, solve_ones


def reference_solve_ones(rows: list[list[int]]) -> tuple[list[int], int] | None:
    """The former ``solve_ones``: Bareiss Gauss-Jordan on a numpy object array."""
    k = len(rows)
    t = np.empty((k, k + 1), dtype=object)
    t[:, :k] = rows
    t[:, k] = 1
    den, free, order = 1, list(range(k)), []
    for j in range(k):
        i = next((r for r in free if t[r, j] != 0), None)
        if i is None:
            return None
        p, pivot_row = t[i, j], t[i].copy()
        t[:] = (p * t - np.outer(t[:, j], pivot_row)) // den
        t[i] = pivot_row
        den = p
        free.remove(i)
        order.append(i)
    sign = 1 if den > 0 else -1
    return [sign * t[r, k] for r in order], sign * den


ENTRIES = {
    "small": st.integers(-3, 3),  # many zeros and ties: singular and degenerate systems
    "payoffs": st.integers(1, 10**6),
    "huge": st.integers(-(2**100), 2**100),  # beyond int64
}


@st.composite
def systems(draw: st.DrawFn) -> list[list[int]]:
    k = draw(st.integers(1, 7))
    entries = ENTRIES[draw(st.sampled_from(sorted(ENTRIES)))]
    rows = [[draw(entries) for _ in range(k)] for _ in range(k)]
    how = draw(st.sampled_from(["as drawn", "repeated row", "combination", "zero column"]))
    if k > 1 and how == "repeated row":
        rows[-1] = list(rows[0])
    elif k > 2 and how == "combination":  # rank deficient without a visible repeat
        c = draw(st.integers(-5, 5))
        rows[-1] = [u + c * v for u, v in zip(rows[0], rows[1], strict=True)]
    elif how == "zero column":
        j = draw(st.integers(0, k - 1))
        for row in rows:
            row[j] = 0
    return rows


@given(systems())
def test_solve_ones_equals_the_object_array_elimination(rows):
    assert solve_ones([list(r) for r in rows]) == reference_solve_ones(rows)


@settings(deadline=None)
@given(systems())
def test_solve_ones_solves_the_system_exactly(rows):
    det = sympy.Matrix(rows).det()
    solved = solve_ones(rows)
    if det == 0:
        assert solved is None
        return
    assert solved is not None
    num, den = solved
    assert den == abs(det) > 0
    z = [Fraction(v, den) for v in num]
    assert all(sum(a * b for a, b in zip(row, z, strict=True)) == 1 for row in rows)


def test_solve_ones_small_cases():
    assert solve_ones([[2]]) == ([1], 2)
    assert solve_ones([[-2]]) == ([-1], 2)
    assert solve_ones([[0]]) is None
    assert solve_ones([[1, 1], [1, 1]]) is None
    assert solve_ones([[0, 1], [1, 0]]) == ([1, 1], 1)  # a pivot from the second row
    big = 2**80
    assert solve_ones([[big, 0], [0, 3]]) == ([3, big], 3 * big)


# -- the exact rebuild of vertex enumeration against exact enumeration over all bases --------
def _exact_set(eqs):
    return {(tuple(x), tuple(y)) for x, y in eqs}


@st.composite
def small_games(draw: st.DrawFn) -> tuple[list[list[int]], list[list[int]]]:
    m, n = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    entries = draw(st.sampled_from([st.integers(0, 3), st.integers(-1000, 1000)]))
    a = [[draw(entries) for _ in range(n)] for _ in range(m)]
    b = [[draw(entries) for _ in range(n)] for _ in range(m)]
    return a, b


@settings(deadline=None)
@given(small_games())
def test_vertex_enumeration_exact_answers_equal_the_enumeration_over_all_bases(payoffs):
    a, b = payoffs
    game = ml.NormalFormGame(np.array(a), np.array(b))
    ours = {e.exact for e in ml.solvers.vertex_enumeration(game)}
    ints = integer_payoffs(np.array(a)), integer_payoffs(np.array(b))
    assert ours == _exact_set(brute_force_equilibria(*ints))
