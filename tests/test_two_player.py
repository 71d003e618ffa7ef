"""Two-player Nash equilibria: known games, cross-checks between solvers and with nashpy."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst

solvers = ml.solvers


def random_game(seed, m, n):
    rng = np.random.default_rng(seed)
    return ml.NormalFormGame(rng.standard_normal((m, n)), rng.standard_normal((m, n)))


def as_set(eqs):
    return {tuple(np.round(np.concatenate(e.strategies), 7)) for e in eqs}


class _Eq:
    def __init__(self, strategies):
        self.strategies = tuple(np.asarray(s) for s in strategies)


def regret(game, eq):
    a, b = game.float_payoffs[..., 0], game.float_payoffs[..., 1]
    x, y = eq.strategies
    return max((a @ y).max() - x @ a @ y, (x @ b).max() - x @ b @ y)


class TestKnownGames:
    def test_matching_pennies(self):
        mp = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        (eq,) = solvers.nash_equilibria(mp)
        assert eq.exact == ((Fraction(1, 2),) * 2, (Fraction(1, 2),) * 2)
        assert eq.payoffs.tolist() == [0, 0]

    def test_prisoners_dilemma(self):
        pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        for method in ("vertex", "support"):
            (eq,) = solvers.nash_equilibria(pd, method=method)
            assert eq.supports == ((1,), (1,)) and eq.is_pure

    def test_chicken_has_three(self):
        ch = ml.TwoByTwo.symmetric(T=3, R=2, P=0, S=1)
        eqs = solvers.nash_equilibria(ch)
        assert [e.exact for e in eqs] == [
            ((1, 0), (0, 1)),
            ((Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 2), Fraction(1, 2))),
            ((0, 1), (1, 0)),
        ]

    def test_rock_paper_scissors(self):
        a = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
        (eq,) = solvers.nash_equilibria(ml.NormalFormGame(a, -a))
        assert eq.exact == ((Fraction(1, 3),) * 3,) * 2

    def test_all_zero_game_gives_every_pure_profile(self):
        # nashpy's vertex enumeration crashes here; every profile is an equilibrium and the
        # extreme ones are the nine pure profiles
        eqs = solvers.nash_equilibria(ml.NormalFormGame(np.zeros((3, 3)), np.zeros((3, 3))))
        assert sorted(e.supports for e in eqs) == sorted(
            ((i,), (j,)) for i in range(3) for j in range(3)
        )

    def test_near_zero_probabilities_are_exact_zeros(self):
        # a degenerate game where float pivoting leaves ~1e-17 weights behind
        a = np.array([[1, 1, 0], [0, 0, 1], [1, 1, 1]], dtype=float)
        b = np.array([[1, 1, 0], [1, 1, 1], [0, 0, 1]], dtype=float)
        g = ml.NormalFormGame(a, b)
        for eq in solvers.nash_equilibria(g):
            for s in eq.strategies:
                assert np.all((s == 0) | (s > 1e-9))
            assert regret(g, eq) <= 1e-9

    def test_one_row(self):
        g = ml.NormalFormGame([[1, 2, 3]], [[3, 1, 3]])
        assert [e.supports for e in solvers.nash_equilibria(g)] == [((0,), (0,)), ((0,), (2,))]

    def test_degenerate_game_support_enumeration_says_so(self):
        # column player indifferent between his two actions against row's action 0
        g = ml.NormalFormGame([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
        with pytest.raises(errors.DegenerateGameError, match="vertex"):
            solvers.nash_equilibria(g, method="support")
        eqs = solvers.nash_equilibria(g)  # von Stengel (2007), section 3.4: degenerate game
        assert all(regret(g, e) <= 1e-9 for e in eqs)
        # the component {top} x {y : y_right <= 1/3} has two extreme points
        third = Fraction(1, 3)
        assert [e.exact for e in eqs] == [
            ((1, 0, 0), (1, 0)),
            ((1, 0, 0), (2 * third, third)),
            ((0, third, 2 * third), (third, 2 * third)),
        ]

    @pytest.mark.parametrize(
        ("call", "error"),
        [
            (lambda: solvers.nash_equilibria(np.eye(2)), errors.InvalidTypeError),
            (
                lambda: solvers.nash_equilibria(ml.NormalFormGame(np.zeros((2, 2, 2, 3)))),
                errors.InvalidGameError,
            ),
            (
                lambda: solvers.nash_equilibria(ml.TwoByTwo.symmetric(1, 2, 3, 4), method="magic"),
                errors.InvalidArgumentError,
            ),
            (
                lambda: solvers.nash_equilibria(ml.TwoByTwo.symmetric(1, 2, 3, 4), tol=-1),
                errors.InvalidTypeError,
            ),
            (
                lambda: solvers.lemke_howson(
                    ml.TwoByTwo.symmetric(1, 2, 3, 4), initial_dropped_label=4
                ),
                errors.InvalidArgumentError,
            ),
        ],
    )
    def test_bad_input(self, call, error):
        with pytest.raises(error):
            call()


class TestProperties:
    @given(mst.normal_form_games(n=2, n_actions=st.integers(1, 4)))
    def test_every_equilibrium_is_a_mutual_best_response(self, game):
        eqs = solvers.nash_equilibria(game)
        assert eqs, "every finite game has an equilibrium"
        for eq in eqs:
            assert regret(game, eq) <= 1e-9
            assert eq.exact is None or np.allclose(
                np.concatenate(eq.strategies), np.array(sum(eq.exact, ()), dtype=float)
            )

    @given(mst.normal_form_games(n=2, n_actions=st.integers(1, 4)))
    def test_pure_equilibria_are_extreme_equilibria(self, game):
        pure = set(solvers.pure_nash_equilibria(game))
        found = {
            tuple(s[0] for s in e.supports) for e in solvers.nash_equilibria(game) if e.is_pure
        }
        assert pure == found

    @given(st.integers(0, 2**32 - 1), st.integers(1, 6), st.integers(1, 6))
    def test_vertex_and_support_enumeration_agree(self, seed, m, n):
        g = random_game(seed, m, n)  # continuous payoffs: nondegenerate with probability 1
        v = solvers.nash_equilibria(g, method="vertex")
        s = solvers.nash_equilibria(g, method="support")
        assert as_set(v) == as_set(s)
        assert len(v) % 2 == 1  # nondegenerate games have an odd number of equilibria

    @given(st.integers(0, 2**32 - 1), st.integers(2, 5), st.integers(2, 5))
    def test_agrees_with_nashpy(self, seed, m, n):
        g = random_game(seed, m, n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # nashpy's support enumeration misses equilibria to round-off (seed=1, 3x4 and
            # seed=3, 3x5, even with tol=1e-9); its vertex enumeration finds them all
            theirs = list(g.to_nashpy().vertex_enumeration())
        # ... but can also return a non-equilibrium vertex (seed=4777365, 5x5: regret 8.8e-6,
        # while ours and support enumeration agree), so its answers are checked first
        checked = {
            tuple(np.round(np.concatenate(e), 7)) for e in theirs if regret(g, _Eq(e)) <= 1e-9
        }
        assert as_set(solvers.nash_equilibria(g)) == checked

    @given(st.integers(0, 2**32 - 1), st.integers(2, 5), st.integers(2, 5), st.data())
    def test_lemke_howson_finds_one_of_them(self, seed, m, n, data):
        g = random_game(seed, m, n)
        label = data.draw(st.integers(0, m + n - 1))
        eq = solvers.lemke_howson(g, initial_dropped_label=label)
        assert as_set([eq]) <= as_set(solvers.nash_equilibria(g))

    @given(mst.stag_hunts())
    def test_stag_hunt_mixed_equilibrium_closed_form(self, game):
        t, r, p, s = game.trps(0)
        q = Fraction(p - s, (r - t) + (p - s))  # probability of hunting the stag
        eqs = solvers.nash_equilibria(game)
        assert [e.supports for e in eqs][::2] == [((0,), (0,)), ((1,), (1,))]
        assert eqs[1].exact == ((q, 1 - q), (q, 1 - q))

    @given(mst.chickens())
    def test_chicken_mixed_equilibrium_closed_form(self, game):
        t, r, p, s = game.trps(0)
        q = Fraction(s - p, (t - r) + (s - p))  # probability of swerving (C)
        eqs = solvers.nash_equilibria(game)
        assert len(eqs) == 3
        assert eqs[1].exact == ((q, 1 - q), (q, 1 - q))

    @given(mst.prisoners_dilemmas(exact=False))
    def test_prisoners_dilemma_float_payoffs(self, game):
        (eq,) = solvers.nash_equilibria(game)
        assert eq.supports == ((1,), (1,)) and eq.exact is None

    @given(mst.normal_form_games(n=2, n_actions=st.integers(1, 5)), st.data())
    def test_lemke_howson_on_degenerate_games(self, game, data):
        # integer payoffs in a small range are often degenerate: lexicographic pivoting must
        # still end at an equilibrium
        label = data.draw(st.integers(0, sum(game.shape) - 1))
        eq = solvers.lemke_howson(game, initial_dropped_label=label)
        assert regret(game, eq) <= 1e-9


class TestSizeGuard:
    """Issue 12: vertex enumeration estimates its cost first and never lets qhull crash."""

    def test_refuses_40x40_quickly_and_names_the_alternatives(self):
        import time

        game = random_game(0, 40, 40)
        start = time.perf_counter()
        with pytest.raises(errors.SolverError) as err:
            solvers.nash_equilibria(game)
        assert time.perf_counter() - start < 1.0
        msg = str(err.value)
        for part in (
            "40x40",
            "upper bound theorem",
            "lemke_howson",
            "initial_dropped_label",
            "0..79",
            "method='support'",
            "max_vertices=",
        ):
            assert part in msg

    def test_the_bound(self):
        from multilateral.solvers._vertices import vertex_upper_bound

        assert [vertex_upper_bound(f, 2) for f in (3, 4, 7)] == [3, 4, 7]  # polygons
        assert vertex_upper_bound(8, 3) == 2 * 8 - 4  # simple 3-polytopes: 2f - 4
        # issue 12: reverse search keeps memory flat, so the default admits 20x20
        assert vertex_upper_bound(40, 20) < solvers.two_player.MAX_VERTICES  # 20x20 admitted
        assert vertex_upper_bound(42, 21) > solvers.two_player.MAX_VERTICES
        assert vertex_upper_bound(40, 20) == 40060020

    @pytest.mark.parametrize("seed", range(5))
    def test_limit_can_be_lowered_and_raised(self, seed):
        game = random_game(seed, 7, 7)  # bound: 240 vertices per polytope
        with pytest.raises(errors.SolverError, match="max_vertices=240"):
            solvers.nash_equilibria(game, max_vertices=100)
        assert as_set(solvers.nash_equilibria(game, max_vertices=240)) == as_set(
            solvers.nash_equilibria(game)
        )

    def test_search_stops_at_the_limit_it_meets(self, monkeypatch):
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        monkeypatch.setattr(solvers.two_player, "vertex_upper_bound", lambda f, d: 1)
        with pytest.raises(errors.SolverError, match="stopped after meeting"):
            solvers.nash_equilibria(random_game(1, 8, 8), max_vertices=20)

    @pytest.mark.parametrize("bad", [0, -3, 1.5, True, "many"])
    def test_bad_limit(self, bad):
        with pytest.raises(errors.InvalidArgumentError, match="max_vertices"):
            solvers.nash_equilibria(random_game(0, 2, 2), max_vertices=bad)

    @pytest.mark.parametrize("seed", range(10))
    def test_pivoting_agrees_with_qhull(self, seed, monkeypatch):
        rng = np.random.default_rng(seed)
        m, n = (int(k) for k in rng.integers(1, 7, size=2))
        game = random_game(seed, m, n)
        by_qhull = solvers.nash_equilibria(game)
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        assert as_set(by_qhull) == as_set(solvers.nash_equilibria(game))

    def test_qhull_error_becomes_a_solver_error(self, monkeypatch):
        from scipy.spatial import QhullError

        def boom(*args, **kwargs):
            raise QhullError("QH6154 Qhull precision error: initial simplex is flat")

        monkeypatch.setattr("scipy.spatial.ConvexHull", boom)
        degenerate = ml.NormalFormGame([[1, 1, 0], [1, 1, 0]], [[1, 1, 0], [1, 1, 0]])
        with pytest.raises(errors.SolverError, match=r"qhull failed.*QH6154.*lemke_howson"):
            solvers.nash_equilibria(degenerate)

    def test_degenerate_games_fall_back_to_qhull(self, monkeypatch):
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        degenerate = ml.NormalFormGame([[1, 1], [0, 0]], [[1, 1], [0, 0]])
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 10)
        expected = as_set(solvers.nash_equilibria(degenerate))
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        assert as_set(solvers.nash_equilibria(degenerate)) == expected

    def test_degenerate_games_beyond_qhull_dimension_are_enumerated(self):
        # issue 13: beyond qhull's range, perturbed reverse search on both polytopes (it was
        # refused before); every pure pair is an extreme equilibrium of a constant game
        game = ml.NormalFormGame(np.ones((13, 13)), np.ones((13, 13)))  # fully degenerate
        eqs = solvers.nash_equilibria(game)
        assert len(eqs) == 169 and all(max(e.strategies[0]) == max(e.strategies[1]) == 1
                                       for e in eqs)

    def test_random_12x12_finishes_fast(self):
        # nondegenerate games are enumerated by pivoting (qhull took minutes from here on)
        game = random_game(3, 12, 12)
        for eq in solvers.nash_equilibria(game):
            assert regret(game, eq) <= 1e-9

    @pytest.mark.parametrize("dim", [5, 70])  # one int64 code word per basis, and two
    def test_pivoting_finds_every_vertex_of_a_simplex_and_a_cube(self, dim):
        from multilateral.solvers._vertices import pivot_vertices

        simplex_g = np.vstack([-np.eye(dim), np.ones((1, dim))])
        verts, tight = pivot_vertices(simplex_g, np.r_[np.zeros(dim), 1.0], np.arange(dim), 10**6)
        assert verts.shape == (dim + 1, dim) and np.all(tight.sum(axis=1) == dim)
        assert np.allclose(np.sort(verts.sum(axis=1)), [0] + [1] * dim)
        if dim <= 10:
            cube_g = np.vstack([-np.eye(dim), np.eye(dim)])
            cube_h = np.r_[np.zeros(dim), np.ones(dim)]
            verts, _ = pivot_vertices(cube_g, cube_h, np.arange(dim), 10**6)
            assert len({tuple(v) for v in np.round(verts).astype(int)}) == 2**dim == len(verts)
