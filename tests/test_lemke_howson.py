"""Lemke-Howson (issue 13): the float kernel, the exact verification and the exact path.

Checked against quantecon's answers frozen in ``tests/data/peers/lemke_howson.json`` (written
by ``benchmarks/bench_lemke_howson.py --freeze``: every starting label of random 15x15 and
30x30 games, with quantecon's pivot counts), against support and vertex enumeration, and in
exact rational arithmetic on integer games (degenerate ones included). Both float kernels are
tested: the compiled one (numba, when installed: ``lh.JIT``) and the numpy one, which must
follow the same path (the same pivots, bases and end point) from every label.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.solvers import _lemke_howson as lh
from multilateral.solvers._enumeration import integer_payoffs

HAS_NUMBA = importlib.util.find_spec("numba") is not None
#: The two float kernels: parametrize a test with ``@KERNELS`` and run it inside ``kernel(jit)``.
KERNELS = pytest.mark.parametrize(
    "jit", [False, pytest.param(True, marks=pytest.mark.skipif(not HAS_NUMBA, reason="numba"))],
    ids=["numpy", "numba"],
)
FROZEN = json.loads((Path(__file__).parent / "data" / "peers" / "lemke_howson.json").read_text())
AGREE = 1e-9  # see tests/test_peers.py: two float codes on one path agree to ~1e-14


@contextlib.contextmanager
def kernel(jit):
    """Run the float paths with the compiled kernel (``jit``) or the numpy one."""
    saved, lh.JIT = lh.JIT, jit
    try:
        yield
    finally:
        lh.JIT = saved


def random_game(seed, m, n):
    rng = np.random.default_rng(seed)
    return ml.NormalFormGame(rng.standard_normal((m, n)), rng.standard_normal((m, n)))


def exact_regret(game, x, y):
    """The largest gain from a deviation, in Fractions (0 exactly at an equilibrium)."""
    a = [[Fraction(v) for v in row] for row in game.payoff_array(0).tolist()]
    b = [[Fraction(v) for v in row] for row in game.payoff_array(1).tolist()]
    m, n = len(a), len(a[0])
    ay = [sum(a[i][j] * y[j] for j in range(n)) for i in range(m)]
    xb = [sum(x[i] * b[i][j] for i in range(m)) for j in range(n)]
    return max(
        max(ay) - sum(map(Fraction.__mul__, x, ay)), max(xb) - sum(map(Fraction.__mul__, y, xb))
    )


def float_regret(game, eq):
    a, b = game.float_payoffs[..., 0], game.float_payoffs[..., 1]
    x, y = eq.strategies
    return max((a @ y).max() - x @ a @ y, (x @ b).max() - x @ b @ y)


def among(eq, eqs):
    """``eq`` is one of ``eqs`` (within 1e-7: rounding both to digits fails at a boundary)."""
    point = np.concatenate(eq.strategies)
    return any(np.allclose(point, np.concatenate(e.strategies), rtol=0, atol=1e-7) for e in eqs)


# -- quantecon's paths, frozen ---------------------------------------------------------------------
@KERNELS
@pytest.mark.parametrize("case", FROZEN["games"], ids=lambda c: c["name"])
def test_same_path_as_quantecon_from_every_label(case, jit):
    a, b = np.array(case["A"]), np.array(case["B"])
    game = ml.NormalFormGame(a, b)
    with kernel(jit):
        assert (lh._jit() is not None) == jit
        for label, theirs in case["lemke_howson"].items():
            k = int(label)  # quantecon's init_pivot=k is our initial_dropped_label=k
            eq = ml.solvers.lemke_howson(game, initial_dropped_label=k)
            ours = np.concatenate(eq.strategies)
            assert np.max(np.abs(ours - np.array(theirs["x"] + theirs["y"]))) <= AGREE, k
            assert lh.float_path(a, b, k)[3] == theirs["num_iter"], k  # pivot for pivot


# -- the two float kernels: one path -------------------------------------------------------------
def float_games():
    """Random real games (generic) and small-integer games as floats (often degenerate)."""
    shape = st.tuples(st.integers(1, 7), st.integers(1, 7))
    real = st.builds(lambda seed, mn: random_game(seed, *mn).float_payoffs,
                     st.integers(0, 2**32 - 1), shape)
    small = mst.normal_form_games(n=2, n_actions=st.integers(1, 6)).map(lambda g: g.float_payoffs)
    return st.one_of(real, small)


@pytest.mark.skipif(not HAS_NUMBA, reason="numba")
@settings(deadline=None)
@given(float_games())
def test_both_kernels_follow_the_same_path_from_every_label(payoffs):
    a, b = payoffs[..., 0], payoffs[..., 1]
    with kernel(True):
        for k in range(sum(a.shape)):
            x, y, bases, pivots = lh.float_path(a, b, k)
            x0, y0, bases0, pivots0 = lh.numpy_path(a, b, k)
            assert (pivots, bases) == (pivots0, bases0), k
            assert np.allclose(x, x0, rtol=0, atol=AGREE) and np.allclose(y, y0, rtol=0, atol=AGREE)


def test_the_switch_and_the_lazy_import():
    with kernel(False):
        assert lh._jit() is None
    with kernel(True):
        assert (lh._jit() is not None) == HAS_NUMBA


@pytest.mark.skipif(not HAS_NUMBA, reason="numba")
def test_numba_disable_jit_means_the_numpy_kernel(monkeypatch):
    # NUMBA_DISABLE_JIT=1 would run the "compiled" loops as Python: the numpy kernel is faster
    import numba

    monkeypatch.setattr(numba.config, "DISABLE_JIT", True)
    monkeypatch.setattr(lh, "_compiled", [])
    monkeypatch.setattr(lh, "JIT", True)
    assert lh._jit() is None


# -- properties ------------------------------------------------------------------------------------
@KERNELS
@settings(deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 6), st.integers(1, 6))
def test_every_label_ends_at_an_equilibrium_found_by_support_enumeration(jit, seed, m, n):
    game = random_game(seed, m, n)  # continuous payoffs: nondegenerate with probability 1
    every = ml.solvers.support_enumeration(game)
    with kernel(jit):
        for k in range(m + n):
            eq = ml.solvers.lemke_howson(game, initial_dropped_label=k)
            assert float_regret(game, eq) <= 1e-9
            assert eq.exact is None and eq.method == "Lemke-Howson"
            assert among(eq, every)


@KERNELS
@settings(deadline=None)
@given(mst.normal_form_games(n=2, n_actions=st.integers(1, 5)))
def test_exact_games_get_exact_equilibria_from_every_label(jit, game):
    # small integer payoffs: often degenerate (ties in the ratio test)
    every = ml.solvers.nash_equilibria(game)
    with kernel(jit):
        for k in range(sum(game.shape)):
            eq = ml.solvers.lemke_howson(game, initial_dropped_label=k)
            x, y = eq.exact
            assert sum(x) == 1 == sum(y) and min(x) >= 0 and min(y) >= 0
            assert exact_regret(game, x, y) == 0
            assert np.array_equal(np.concatenate(eq.strategies), np.array(x + y, dtype=float))
            if len(every) == 1:  # (degenerate games may have components: no finite list)
                assert among(eq, every)


@KERNELS
@settings(deadline=None)
@given(mst.normal_form_games(n=2, n_actions=st.integers(1, 5)))
def test_degenerate_float_games_from_every_label(jit, game):
    # the same small-integer games as floats: ties decided by the float lexicographic rule
    floats = ml.NormalFormGame(game.float_payoffs)
    every = ml.solvers.nash_equilibria(game)
    with kernel(jit):
        for k in range(sum(game.shape)):
            eq = ml.solvers.lemke_howson(floats, initial_dropped_label=k)
            assert eq.exact is None and float_regret(floats, eq) <= 1e-9
            if len(every) == 1:
                assert among(eq, every)


@settings(deadline=None)
@given(mst.normal_form_games(n=2, n_actions=st.integers(1, 5)), st.data())
def test_float_path_verified_exactly_is_the_exact_lexicographic_path(game, data):
    ap, bp = integer_payoffs(game.payoff_array(0)), integer_payoffs(game.payoff_array(1))
    k = data.draw(st.integers(0, sum(game.shape) - 1))
    a, b = game.float_payoffs[..., 0], game.float_payoffs[..., 1]
    verified = lh.exact_vertex(ap, bp, lh.float_path(a, b, k)[2])
    assert verified is not None  # no fallback needed on these games
    assert verified == lh.exact_path(ap, bp, k)


@settings(deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 7), st.integers(1, 7), st.data())
def test_wide_integer_games_agree_with_the_float_answer(seed, m, n, data):
    rng = np.random.default_rng(seed)
    a, b = rng.integers(-(10**6), 10**6, (m, n)), rng.integers(-(10**6), 10**6, (m, n))
    k = data.draw(st.integers(0, m + n - 1))
    exact = ml.solvers.lemke_howson(ml.NormalFormGame(a, b), initial_dropped_label=k)
    floats = ml.solvers.lemke_howson(ml.NormalFormGame(a * 1.0, b * 1.0), initial_dropped_label=k)
    assert exact.exact is not None and floats.exact is None
    assert np.allclose(np.concatenate(exact.strategies), np.concatenate(floats.strategies))


# -- the exact fallback ----------------------------------------------------------------------------
def test_payoffs_beyond_float_precision_fall_back_to_the_exact_path():
    # 10**20 + small: as floats every payoff is the same number, and the float path ends
    # anywhere; the exact path finds the pure equilibrium (1, 1) of the exact game
    big = 10**20
    a = np.array([[big, big + 2], [big + 1, big + 3]], dtype=object)
    b = np.array([[big + 3, big + 1], [big + 2, big]], dtype=object)
    game = ml.NormalFormGame(a, b)
    for k in range(4):
        eq = ml.solvers.lemke_howson(game, initial_dropped_label=k)
        assert eq.exact == ((0, 1), (1, 0))
        assert exact_regret(game, *eq.exact) == 0


def test_fallback_when_the_float_path_fails(monkeypatch):
    game = ml.NormalFormGame([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]])
    want = [ml.solvers.lemke_howson(game, initial_dropped_label=k).exact for k in range(5)]

    def fail(*args):
        raise errors.SolverError("stuck")

    monkeypatch.setattr(lh, "float_path", fail)
    assert [ml.solvers.lemke_howson(game, initial_dropped_label=k).exact for k in range(5)] == want
    monkeypatch.undo()
    monkeypatch.setattr(lh, "exact_vertex", lambda *args: None)
    assert [ml.solvers.lemke_howson(game, initial_dropped_label=k).exact for k in range(5)] == want


def test_von_stengel_example():
    # von Stengel's 3x2 game (Algorithmic Game Theory, ch. 3), the example of quantecon's
    # docstring: from label 1 the path ends at x = (0, 1/3, 2/3), y = (1/3, 2/3) in 4 pivots
    a, b = [[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]]
    eq = ml.solvers.lemke_howson(ml.NormalFormGame(a, b), initial_dropped_label=1)
    assert eq.exact == ((0, Fraction(1, 3), Fraction(2, 3)), (Fraction(1, 3), Fraction(2, 3)))
    assert eq.payoffs.tolist() == pytest.approx([4, 8 / 3])
    assert lh.float_path(np.array(a, float), np.array(b, float), 1)[3] == 4


def test_fractions():
    half, third = Fraction(1, 2), Fraction(1, 3)
    game = ml.NormalFormGame([[half, 0], [0, third]], [[third, 0], [0, half]])
    eq = ml.solvers.lemke_howson(game, initial_dropped_label=0)
    assert exact_regret(game, *eq.exact) == 0


# -- guards and errors ------------------------------------------------------------------------
@KERNELS
def test_a_stuck_float_path_is_a_clear_solver_error(monkeypatch, jit):
    monkeypatch.setattr(lh, "pivot_limit", lambda m, n: 1)
    monkeypatch.setattr(lh, "JIT", jit)
    game = random_game(0, 4, 4)
    with pytest.raises(errors.SolverError, match=r"within 1 pivots.*initial_dropped_label=5"):
        ml.solvers.lemke_howson(game, initial_dropped_label=5)


@KERNELS
@pytest.mark.parametrize("end", ["wrong", "zero"])
def test_the_verification_can_fail(monkeypatch, jit, end):
    # a path that ends at a profile that is not an equilibrium (or at no profile: all zeros)
    game = ml.NormalFormGame([[3.0, 0.0], [5.0, 1.0]], [[3.0, 5.0], [0.0, 1.0]])  # a PD
    x = np.array([1.0, 0.0]) if end == "wrong" else np.zeros(2)
    monkeypatch.setattr(lh, "JIT", jit)
    monkeypatch.setattr(lh, "float_path", lambda a, b, k: (x.copy(), x.copy(), ([], []), 1))
    with pytest.raises(errors.SolverError, match=r"regret (2|nan) > tol"):
        ml.solvers.lemke_howson(game)


@KERNELS
def test_verify_cleans_and_measures_the_regret(jit):
    a, b = np.array([[3.0, 0.0], [5.0, 1.0]]), np.array([[3.0, 5.0], [0.0, 1.0]])
    with kernel(jit):
        x, y, u0, u1, r, scale = lh.verify(a, b, np.array([2e-10, 4.0]), np.array([0.5, 0.5]), 1e-9)
        assert x.tolist() == [0.0, 1.0] and y.tolist() == [0.5, 0.5]
        assert (u0, u1, r, scale) == (3.0, 0.5, 0.5, 5.0)
        exact = np.array([2e-10, 1 - 2e-10])
        assert lh.verify(a, b, exact, exact.copy(), 1e-9, clean_up=False)[0].tolist() == [
            2e-10, 1 - 2e-10
        ]


@pytest.mark.parametrize("label", [-1, 4, 1.0, True, "0", None])
def test_bad_labels(label):
    with pytest.raises(errors.InvalidArgumentError, match=r"initial_dropped_label.*0\.\.3"):
        ml.solvers.lemke_howson(ml.TwoByTwo.symmetric(1, 2, 3, 4), initial_dropped_label=label)


def test_constant_and_one_action_games():
    flat = ml.NormalFormGame(np.zeros((3, 2)), np.zeros((3, 2)))
    for k in range(5):
        assert float_regret(flat, ml.solvers.lemke_howson(flat, initial_dropped_label=k)) == 0
    row = ml.NormalFormGame([[1.0, 3.0, 2.0]], [[1.0, 3.0, 2.0]])
    assert ml.solvers.lemke_howson(row).supports == ((0,), (1,))


@pytest.mark.parametrize("shape", [(3, 4), (300, 40)])  # one BLAS block, several
def test_exchange_updates_in_place_and_twice_undoes(shape):
    rng = np.random.default_rng(0)
    start = np.asfortranarray(rng.random(shape) + 1)
    tab = start.copy(order="F")
    t = lh._Tableau(tab)
    assert t.single == (shape == (3, 4))
    i, j = 1, 2
    want = start - np.outer(start[:, j], start[i] / start[i, j])
    t.exchange(i, j)
    others = np.ones(shape, dtype=bool)
    others[:, j] = others[i] = False
    assert np.allclose(tab[others], want[others])
    assert np.allclose(tab[i, others[i]], start[i, others[i]] / start[i, j])  # row / pivot
    column = -start[:, j] / start[i, j]
    column[i] = 1 / start[i, j]  # the column of the variable that left
    assert np.allclose(tab[:, j], column)
    t.exchange(i, j)
    assert np.allclose(tab, start)


@pytest.mark.skipif(not HAS_NUMBA, reason="numba")
def test_compiled_exchange_is_the_numpy_exchange():
    from multilateral.solvers import _lemke_howson_jit as jit

    rng = np.random.default_rng(1)
    start = rng.random((7, 5)) + 1
    want = np.asfortranarray(start)
    lh._Tableau(want).exchange(2, 3)
    tab = start.copy()  # C order: row operations
    jit._exchange(tab, 2, 3, np.empty(5))
    assert np.allclose(tab, want, rtol=1e-13, atol=1e-15)  # (round-off apart)
    jit._exchange(tab, 2, 3, np.empty(5))
    assert np.allclose(tab, start)
