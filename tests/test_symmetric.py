"""Symmetric equilibria of anonymous games: closed forms, cross-checks, exact vs float."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers


@given(st.integers(2, 12), st.integers(1, 19))
def test_volunteers_dilemma_closed_form(n, c20):
    # Diekmann (1985): each volunteers with q = 1 - (c/b)^(1/(n-1)); P(nobody) = (c/b)^(n/(n-1))
    cost = Fraction(c20, 20)
    game = ml.AnonymousGame.threshold(n, 1, benefit=1, cost=cost)
    (eq,) = solvers.symmetric_equilibria(game)
    q = 1 - float(cost) ** (1 / (n - 1))
    assert eq.probability == pytest.approx(q, abs=1e-12)
    assert eq.stable
    closed = 1 - sympy.Rational(cost) ** sympy.Rational(1, n - 1)
    assert abs(sympy.N(eq.exact - closed, 60)) < sympy.Rational(1, 10**50)  # exact root
    assert (1 - eq.probability) ** n == pytest.approx(float(cost) ** (n / (n - 1)))


@given(mst.stag_hunts())
def test_two_player_stag_hunt_matches_nash_equilibria(game):
    t, r, p, s = game.trps(0)
    anon = ml.AnonymousGame([s, r], [p, t])  # cooperator/defector payoff vs 0 or 1 cooperator
    sym = solvers.symmetric_equilibria(anon)
    nash = solvers.nash_equilibria(game)
    assert [e.exact for e in sym] == [e.exact[0][0] for e in reversed(nash)]
    assert [e.stable for e in sym] == [True, False, True]


@given(mst.public_goods_games())
def test_public_goods_dilemma_only_all_defect(game):
    (eq,) = solvers.symmetric_equilibria(game)
    assert eq.probability == 0 and eq.stable


@given(mst.anonymous_games(n=st.integers(2, 5)))
def test_every_symmetric_equilibrium_is_a_nash_equilibrium(game):
    try:
        eqs = solvers.symmetric_equilibria(game)
    except errors.DegenerateGameError:
        assert np.all(game.gains == 0)
        return
    nf = game.to_normal_form()
    for eq in eqs:
        x = eq.probability
        for i in range(game.n):
            values = nf.action_values([[x, 1 - x]] * game.n, i)
            assert values.max() - (x * values[0] + (1 - x) * values[1]) <= 1e-9
        assert eq.payoff == pytest.approx(nf.expected_payoffs([[x, 1 - x]] * game.n)[0])


@given(mst.anonymous_games(n=st.integers(2, 9)))
def test_exact_and_float_paths_agree(game):
    if np.all(game.gains == 0):
        with pytest.raises(errors.DegenerateGameError):
            solvers.symmetric_equilibria(game)
        return
    exact = solvers.symmetric_equilibria(game, exact=True)
    assert all(eq.exact is not None for eq in exact)
    simple = [e for e in exact]  # float path may miss tangent roots only
    approx = solvers.symmetric_equilibria(game, exact=False)
    for e in approx:
        assert any(abs(e.probability - f.probability) < 1e-7 and e.stable == f.stable
                   for f in simple)
    # interior roots are at most the sign changes of the gains (Bernstein variation diminishing)
    gains = [g for g in game.gains if g != 0]
    changes = sum(1 for a, b in itertools.pairwise(gains) if a * b < 0)
    assert sum(1 for e in exact if not e.is_pure) <= changes


@given(mst.anonymous_games(n=st.integers(2, 9)))
def test_stable_and_unstable_alternate(game):
    # with simple roots the replicator flow alternates between attractors and repellers
    try:
        eqs = solvers.symmetric_equilibria(game)
    except errors.DegenerateGameError:
        return
    pts = [e for e in eqs]
    for a, b in itertools.pairwise(pts):
        if a.stable:
            assert not b.stable or a.probability == b.probability


def test_large_threshold_game_roots_are_zeros_of_the_gain():
    game = ml.AnonymousGame.threshold(10_000, 5_000, benefit=300, cost=1)
    eqs = solvers.symmetric_equilibria(game)
    interior = [e for e in eqs if not e.is_pure]
    assert len(interior) == 2
    for e in interior:
        assert abs(float(game.gain_function(e.probability))) < 1e-9
    assert [e.stable for e in eqs] == [True, False, True]


def test_errors():
    with pytest.raises(errors.InvalidTypeError, match="AnonymousGame"):
        solvers.symmetric_equilibria(ml.TwoByTwo.symmetric(1, 2, 3, 4))
    with pytest.raises(errors.InvalidTypeError, match="exact=True"):
        solvers.symmetric_equilibria(ml.AnonymousGame([0.5, 1.0], [1.0, 0.0]), exact=True)
    with pytest.raises(errors.DegenerateGameError, match="identically zero"):
        solvers.symmetric_equilibria(ml.AnonymousGame([1, 2, 3], [1, 2, 3]))


# -- integer payoffs near the int64 limit (issue 12: silent overflow) ---------------------------
def test_payoffs_near_2_to_62_do_not_overflow():
    # gains [2**63, -2**62, 0]: g(x) = 2**64 (x - 1/2)(x - 1), so p = 1/2 (stable) and p = 1.
    # In int64, 2**62 - (-2**62) wraps to -2**63 and the old answer was "p = 0 stable".
    c = np.array([2**62, -(2**61), 0], dtype=np.int64)
    d = np.array([-(2**62), 2**61, 0], dtype=np.int64)
    game = ml.AnonymousGame(c, d)
    assert game.gains.tolist() == [2**63, -(2**62), 0]
    eqs = solvers.symmetric_equilibria(game)
    assert [eq.exact for eq in eqs] == [Fraction(1, 2), Fraction(1)]
    assert [eq.stable for eq in eqs] == [True, False]
    assert game.welfare(0) == -3 * 2**62  # exact, not -2**63 with a numpy warning
    assert game.welfare().tolist() == [-3 * 2**62, 2**63, -(2**62), 0]


def test_small_int_payoffs_stay_int64():
    game = ml.AnonymousGame.prisoners_dilemma(5, benefit=4, cost=1)
    assert ml.AnonymousGame([1, 2, 3], [0, 1, 2]).cooperator.dtype == np.int64
    assert game.is_exact


@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=4, max_size=4),
       st.lists(st.integers(-(2**63), 2**63 - 1), min_size=4, max_size=4))
def test_huge_int_payoffs_match_fraction_arithmetic(c, d):
    game = ml.AnonymousGame(np.array(c, dtype=np.int64), np.array(d, dtype=np.int64))
    ref = ml.AnonymousGame([Fraction(v) for v in c], [Fraction(v) for v in d])
    assert game.gains.tolist() == [Fraction(a) - b for a, b in zip(c, d, strict=True)]
    n = len(c)
    expected = [(m * c[m - 1] if m else 0) + ((n - m) * d[m] if m < n else 0)
                for m in range(n + 1)]
    assert game.welfare().tolist() == expected == ref.welfare().tolist()
    assert game == ref


# -- large exact games (issue 12: O(n), no Fraction per member) ---------------------------------
_PARAM = st.one_of(st.integers(-5, 5), st.fractions(-5, 5, max_denominator=7),
                   st.floats(-5, 5, allow_nan=False).map(lambda x: round(x, 3)))


def _same(game, ref):
    for a, b in ((game.cooperator, ref.cooperator), (game.defector, ref.defector),
                 (game.gains, ref.gains), (game.welfare(), ref.welfare())):
        assert a.dtype == b.dtype
        assert [(type(x), x) for x in a.tolist()] == [(type(y), y) for y in b.tolist()]
    assert game == ref and hash(game) == hash(ref) and game.is_exact == ref.is_exact
    x = np.linspace(0, 1, 5)
    np.testing.assert_array_equal(game.gain_function(x), ref.gain_function(x))
    np.testing.assert_array_equal(game.average_payoff(x), ref.average_payoff(x))


@given(st.integers(2, 9), _PARAM, _PARAM, st.integers(1, 9))
def test_vectorized_constructors_equal_element_by_element(n, p, q, m):
    # the fast constructors give exactly what one Python number per member gave (same dtype,
    # same types, same values), exact or float
    from multilateral.games.anonymous import _div, _exact

    a, c = _exact(p, "r"), _exact(q, "cost")
    share = _div(a, n)
    ref = ml.AnonymousGame.from_functions(n, lambda k: share * c * (k + 1) - c,
                                          lambda k: share * c * k)
    _same(ml.AnonymousGame.public_goods(n, p, cost=q), ref)
    ref = ml.AnonymousGame.from_functions(n, lambda k: _div(a * k, n - 1) - c,
                                          lambda k: _div(a * k, n - 1))
    _same(ml.AnonymousGame.prisoners_dilemma(n, benefit=p, cost=q), ref)
    m = min(m, n)
    ref = ml.AnonymousGame.from_functions(n, lambda k: a * (k + 1 >= m) - c,
                                          lambda k: a * (k >= m))
    _same(ml.AnonymousGame.threshold(n, m, benefit=p, cost=q), ref)


def test_public_goods_at_a_million_members_is_exact():
    n = 10**6
    game = ml.AnonymousGame.public_goods(n=n, r=3)
    assert game.is_exact and game.n == n
    assert game.gain(0) == Fraction(3, n) - 1
    assert game.welfare(n // 2) == Fraction(3 * (n // 2) * (n // 2), n) * 2 - n // 2
    assert game.welfare(n) == 2 * n
    small = ml.AnonymousGame.public_goods(n=10**4, r=3)
    assert small.cooperator[-1] == 2 and small.defector[1] == Fraction(3, 10**4)
    (eq,) = solvers.symmetric_equilibria(small)
    assert eq.probability == 0 and eq.stable


def test_float_payoffs_that_would_overflow_are_refused():
    with pytest.raises(errors.InvalidPayoffsError, match="Rescale the payoffs"):
        ml.AnonymousGame([1e308, -1e308], [-1e308, 1e308])
    with pytest.raises(errors.InvalidPayoffsError, match="gains and welfare finite"):
        ml.AnonymousGame.threshold(3, 2, benefit=1e308, cost=1.0)
    exact = ml.AnonymousGame([10**308, -(10**308)], [-(10**308), 10**308])  # exact: no limit
    assert exact.gains.tolist() == [2 * 10**308, -2 * 10**308]
