"""The float repeated-game solvers without a threaded LAPACK solve per discount factor.

Above ``_sparse.SCHUR_STATES`` states the values at many discount factors come from one
Hessenberg form (``_sparse.Shifted``); they must match the batched LAPACK solve they replace, and
the thresholds must not change.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral.solvers.repeated import _nash, _sparse


@given(st.integers(2, 80), st.integers(0, 2**32 - 1), st.floats(0.0, 0.5),
       st.integers(1, 3))
@settings(max_examples=40, deadline=None)
def test_shifted_solve_matches_lapack(n, seed, sparsity, k):
    rng = np.random.default_rng(seed)
    p = rng.random((n, n)) * (rng.random((n, n)) > sparsity)
    p[np.arange(n), rng.integers(0, n, n)] += 1.0  # every row has an entry
    p /= p.sum(axis=1, keepdims=True)
    u = rng.normal(size=(n, k))
    ds = np.concatenate([np.linspace(0, 0.999, 7), 1 - np.logspace(-4, -9, 4)])
    got = _sparse.Shifted(p).values(ds, u)
    d = ds[:, None, None]
    want = np.linalg.solve(np.eye(n) - d * p[None], (1 - d) * u[None])
    scale = 1 + np.abs(u).max()
    assert np.allclose(got[:7], want[:7], rtol=0, atol=1e-9 * scale)
    # near 1 both lose about eps / (1 - delta) along the stationary direction (a constant
    # shift, which cancels in the gains); the differences between states agree
    assert np.allclose(got[7:] - got[7:, :1], want[7:] - want[7:, :1], rtol=0,
                       atol=1e-8 * scale)


def public_good(n):
    pay = np.zeros((2,) * n + (n,))
    for prof in np.ndindex(*(2,) * n):
        for i in range(n):
            pay[(*prof, i)] = 2 * prof.count(0) - n * (prof[i] == 0)
    return ml.NormalFormGame(pay)


CASES = {
    "2 players, 9-period punishment (100)": (
        ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0), [A.k_period_punishment(9)] * 2),
    "3 players, k = 2, 3, 4 (60)": (
        public_good(3), [A.k_period_punishment(k, n_actions=2, n=3) for k in (2, 3, 4)]),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("kind", ["spe", "nash"])
def test_thresholds_same_as_the_lapack_path(name, kind, monkeypatch):
    stage, profile = CASES[name]
    new = ml.solvers.critical_discount(stage, profile, kind=kind, noise=0.01)
    for module in (_sparse, _nash):
        monkeypatch.setattr(module, "SCHUR_STATES", 10**6)
    old = ml.solvers.critical_discount(stage, profile, kind=kind, noise=0.01)
    assert new.attainable == old.attainable
    assert len(new.feasible) == len(old.feasible)
    flat = [x for piece in new.feasible for x in piece]
    assert flat == pytest.approx([x for piece in old.feasible for x in piece], abs=1e-9)


def _exact_values(p, u, d):
    """``(1 - d) (I - d P)^-1 u`` for the floats' binary values, in Fractions."""
    from fractions import Fraction

    n = len(p)
    dq = Fraction(float(d))
    rows = [[(Fraction(int(i == j)) - dq * Fraction(float(p[i, j]))) for j in range(n)]
            + [(1 - dq) * Fraction(float(u[i]))] for i in range(n)]
    for c in range(n):
        piv = next(r for r in range(c, n) if rows[r][c] != 0)
        rows[c], rows[piv] = rows[piv], rows[c]
        for r in range(n):
            if r != c and rows[r][c] != 0:
                f = rows[r][c] / rows[c][c]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[c], strict=True)]
    return np.array([float(rows[i][n] / rows[i][i]) for i in range(n)])


@given(st.integers(2, 9), st.integers(0, 2**32 - 1),
       st.sampled_from(["blocks", "absorbing", "ring", "wide"]),
       st.sampled_from([1e-3, 1e-6, 1e-9]))
@settings(max_examples=30, deadline=None)
def test_shifted_solve_against_exact_values(n, seed, shape, gap):
    # ill-conditioned chains (two blocks coupled by 1e-10, two absorbing states, a slow ring,
    # entries from 1e-14 to 1): the error against the exact solution of the same binary
    # values stays within a small multiple of eps / (1 - delta), as a backward-stable solve's
    rng = np.random.default_rng(seed)
    if shape == "blocks":
        p = rng.random((n, n))
        h = n // 2
        p[:h, h:] *= 1e-10
        p[h:, :h] *= 1e-10
    elif shape == "absorbing":
        p = rng.random((n, n)) * (rng.random((n, n)) < 0.4)
        p[np.arange(n), rng.integers(0, n, n)] += 0.1
        p[0] = np.eye(n)[0]
    elif shape == "ring":
        p = np.roll(np.eye(n), 1, axis=1) + 1e-8 * np.eye(n)
    else:
        p = rng.random((n, n)) * 10.0 ** rng.integers(-14, 1, (n, n))
    p /= p.sum(axis=1, keepdims=True)
    u = rng.normal(size=(n, 1)) * 3
    d = 1 - gap
    got = _sparse.Shifted(p).values(np.array([d]), u)[0, :, 0]
    want = _exact_values(p, u[:, 0], d)
    scale = np.abs(u).max()
    assert np.abs(got - want).max() <= 4 * n * np.finfo(float).eps / gap * scale
