"""Game objects: construction, validation, immutability, value semantics, conversions."""

import pickle
from fractions import Fraction

import nashpy
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst


class TestNormalFormGame:
    def test_single_array_and_per_player_agree(self):
        a = [[3, 0], [5, 1]]
        b = [[3, 5], [0, 1]]
        g1 = ml.NormalFormGame(a, b)
        g2 = ml.NormalFormGame(np.stack([a, b], axis=-1))
        assert g1 == g2 and hash(g1) == hash(g2)
        assert g1.shape == (2, 2) and g1.n_players == 2
        assert g1.payoffs[1, 0].tolist() == [5, 0]

    def test_three_players_labels_and_repr(self):
        g = ml.NormalFormGame(np.zeros((2, 3, 4, 3)), players=["US", "China", "EU"])
        assert g.shape == (2, 3, 4)
        assert g.players == ("US", "China", "EU")
        assert g.actions[2] == ("a0", "a1", "a2", "a3")
        assert repr(g) == "NormalFormGame(2x3x4, players=('US', 'China', 'EU'))"

    def test_exact_payoffs_stay_exact(self):
        g = ml.NormalFormGame([[Fraction(1, 3), 0], [1, 2]], [[0, 1], [1, 0]])
        assert g.is_exact
        assert g.payoffs[0, 0, 0] == Fraction(1, 3)
        assert ml.NormalFormGame([[1, 2]], [[3, 4]]).payoffs.dtype == np.int64
        assert not ml.NormalFormGame([[1.5, 2]], [[3, 4]]).is_exact

    def test_immutable_and_copied(self):
        a = np.array([[1.0, 2.0], [3.0, 4.0]])
        g = ml.NormalFormGame(a, a.T)
        a[0, 0] = 99.0
        assert g.payoffs[0, 0, 0] == 1.0
        with pytest.raises(ValueError):
            g.payoffs[0, 0, 0] = 5.0

    def test_pickle_round_trip(self):
        g = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        h = pickle.loads(pickle.dumps(g))
        assert h == g and type(h) is ml.TwoByTwo

    def test_nashpy_round_trip(self):
        g = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        ng = g.to_nashpy()
        assert isinstance(ng, nashpy.Game)
        assert ml.NormalFormGame.from_nashpy(ng) == g

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (([[1, 2], [3]], [[1, 2], [3, 4]]), "ragged"),
            (([[1, np.nan], [3, 4]], [[1, 2], [3, 4]]), "finite"),
            (([[1, np.inf], [3, 4]], [[1, 2], [3, 4]]), "finite"),
            (([[1, 2], [3, 4]], [[1, 2, 3], [3, 4, 5]]), "same shape"),
            ((np.zeros((2, 2, 3)),), "shape"),
            ((np.zeros((2, 0, 2)),), "at least one action"),
            (([["a", "b"], ["c", "d"]], [[1, 2], [3, 4]]), "real numbers"),
            (([[True, False], [False, True]], [[1, 2], [3, 4]]), "booleans"),
            (([1, 2], [3, 4]), "axes"),
            ((), "needs payoffs"),
        ],
    )
    def test_bad_payoffs(self, args, message):
        with pytest.raises(errors.InvalidGameError, match=message):
            ml.NormalFormGame(*args)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"players": ["a"]}, "expected 2 labels"),
            ({"players": ["a", "a"]}, "distinct"),
            ({"players": "ab"}, "string"),
            ({"actions": [["C", "D"]]}, "one sequence of labels per player"),
            ({"actions": [["C", "D"], ["C"]]}, "expected 2 labels"),
        ],
    )
    def test_bad_labels(self, kwargs, message):
        with pytest.raises(errors.InvalidGameError, match=message):
            ml.NormalFormGame([[1, 2], [3, 4]], [[1, 2], [3, 4]], **kwargs)

    @pytest.mark.parametrize(
        ("profile", "error"),
        [
            ([[0.5, 0.5]], errors.InvalidGameError),
            ([[1.5, -0.5], [1, 0]], errors.InvalidProbabilityError),
            ([[np.nan, 1], [1, 0]], errors.InvalidProbabilityError),
            ([[0.5, 0.4], [1, 0]], errors.InvalidProbabilityError),
            ([[1, 0, 0], [1, 0]], errors.InvalidProbabilityError),
            (np.array([0.5, 0.5]), errors.InvalidTypeError),
        ],
    )
    def test_bad_profiles(self, profile, error):
        g = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
        with pytest.raises(error):
            g.expected_payoffs(profile)

    @given(data=st.data(), game=mst.normal_form_games(n=st.integers(1, 3)))
    def test_expected_payoffs_match_the_definition(self, data, game):
        profile = [data.draw(mst.probability_vectors(m)) for m in game.shape]
        expected = np.zeros(game.n_players)
        for idx in np.ndindex(*game.shape):
            weight = np.prod([s[a] for s, a in zip(profile, idx, strict=True)])
            expected += weight * game.float_payoffs[idx]
        assert np.allclose(game.expected_payoffs(profile), expected)
        for i in range(game.n_players):
            values = game.action_values(profile, i)
            assert np.isclose(values @ profile[i], expected[i])


class TestTwoByTwo:
    @pytest.mark.parametrize(
        ("trps", "kind"),
        [
            ((5, 3, 1, 0), "prisoners_dilemma"),
            ((3, 4, 2, 0), "stag_hunt"),
            ((3, 2, 0, 1), "chicken"),
            ((3, 1, 2, 0), "deadlock"),
            ((2, 4, 0, 1), "harmony"),
            ((1, 4, 0, 2), "harmony"),
            ((0, 4, 1, 2), "harmony"),
        ],
    )
    def test_oye_types(self, trps, kind):
        t, r, p, s = trps
        assert ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s).oye_type == kind

    def test_ties_are_reported_not_typed(self):
        g = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=1)
        assert g.oye_type is None
        assert g.orderings == ("T > R > P = S", "T > R > P = S")
        assert not g.has_strict_preferences
        with pytest.raises(errors.InvalidGameError, match="ties"):
            _ = g.robinson_goforth

    def test_asymmetric_game_types_per_player(self):
        # row has Prisoners' Dilemma preferences, column Chicken preferences
        row = [[3, 0], [5, 1]]
        col = [[3, 5], [1, 0]]
        g = ml.TwoByTwo(row, col)
        assert g.oye_types == ("prisoners_dilemma", "chicken")
        assert g.oye_type is None
        assert not g.is_symmetric

    def test_not_two_by_two(self):
        with pytest.raises(errors.InvalidGameError, match="2x2"):
            ml.TwoByTwo([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [1, 2, 3]])

    @given(mst.oye_games())
    def test_strategy_types_round_trip(self, game):
        assert game.oye_type is not None and game.is_symmetric
        _t, r, _p, _s = game.trps(0)
        assert game.payoffs[0, 0].tolist() == [r, r]

    @pytest.mark.parametrize("kind", sorted(ml.games.two_by_two.OYE_ORDERINGS))
    @given(data=st.data())
    def test_each_strategy_yields_its_type(self, kind, data):
        game = data.draw(mst.oye_games(kind, exact=data.draw(st.booleans())))
        assert game.oye_type == kind

    @given(mst.oye_games(), st.integers(1, 7), st.integers(-50, 50))
    def test_type_invariant_under_positive_affine_maps(self, game, scale, shift):
        moved = ml.TwoByTwo(game.payoff_array(0) * scale + shift,
                            game.payoff_array(1) * scale + shift)
        assert moved.oye_type == game.oye_type

    @given(mst.two_by_two_games())
    def test_ordinal_ranks_preserve_order(self, game):
        for i in (0, 1):
            u = np.asarray(game.payoff_array(i)).ravel()
            r = game.ordinal[i].ravel()
            assert r.max() == 4
            for a in range(4):
                for b in range(4):
                    assert (u[a] < u[b]) == (r[a] < r[b])


class TestAnonymousGame:
    def test_public_goods_closed_form(self):
        g = ml.AnonymousGame.public_goods(n=5, r=3, cost=2)
        k = np.arange(5)
        assert list(g.cooperator) == [Fraction(3 * 2 * (j + 1), 5) - 2 for j in k]
        assert list(g.defector) == [Fraction(3 * 2 * j, 5) for j in k]
        assert set(g.gains) == {Fraction(6, 5) - 2}

    def test_mpcr_normalization_differs_from_fixed_r(self):
        fixed_r = [ml.AnonymousGame.public_goods(n, r=2).gain(0) for n in (2, 4, 8)]
        fixed_m = [ml.AnonymousGame.public_goods(n, mpcr=Fraction(1, 2)).gain(0) for n in (2, 4, 8)]
        assert fixed_r == [0, Fraction(-1, 2), Fraction(-3, 4)]  # 2/n - 1
        assert fixed_m == [Fraction(-1, 2)] * 3

    def test_threshold_and_volunteer(self):
        g = ml.AnonymousGame.threshold(4, 1, benefit=2, cost=1)
        assert g.cooperator.tolist() == [1, 1, 1, 1]
        assert g.defector.tolist() == [0, 2, 2, 2]

    def test_repr_states_n_once(self):
        """The builders' names state n (they are plot titles), and the repr put n before
        them: 'AnonymousGame(n=4, linear public goods, n=4, r=2)'. It states n once, first,
        as the other games lead with their size."""
        assert repr(ml.AnonymousGame.public_goods(n=4, r=2)) == (
            "AnonymousGame(n=4, linear public goods, r=2)")
        assert repr(ml.AnonymousGame.public_goods(n=193, mpcr=0.5)) == (
            "AnonymousGame(n=193, linear public goods, mpcr=0.5)")
        assert repr(ml.AnonymousGame.prisoners_dilemma(5)) == (
            "AnonymousGame(n=5, N-player prisoners' dilemma)")
        assert repr(ml.AnonymousGame.threshold(4, 2)) == (
            "AnonymousGame(n=4, threshold public good, M=2)")
        risk = ml.models.CollectiveRiskDilemma(n=6, threshold=3, risk=Fraction(1, 2)).game
        assert "n=6" in repr(risk) and "N=6" not in repr(risk)
        assert repr(ml.AnonymousGame([0, 1], [1, 2])) == "AnonymousGame(n=2)"
        mine = ml.AnonymousGame([0, 1], [1, 2], name="n=2, mine")
        assert repr(mine) == "AnonymousGame(n=2, mine)"
        # a name about another size is the user's text: kept
        assert repr(ml.AnonymousGame([0, 1], [1, 2], name="cut from n=20")) == (
            "AnonymousGame(n=2, cut from n=20)")
        # the name itself is unchanged (plots take it as their title)
        assert ml.AnonymousGame.public_goods(n=4, r=2).name == "linear public goods, n=4, r=2"

    def test_large_n_is_cheap(self):
        g = ml.AnonymousGame.public_goods(10_000, r=3.0)
        assert g.n == 10_000 and g.cooperator.shape == (10_000,)
        assert np.isclose(g.gain_function(0.3), 3 / 10_000 - 1)

    @given(mst.anonymous_games(n=st.integers(2, 6)))
    def test_normal_form_agrees(self, game):
        nf = game.to_normal_form()
        n = game.n
        for profile in np.ndindex(*(2,) * n):
            coop = [a == 0 for a in profile]
            for i in range(n):
                k = sum(coop) - coop[i]
                want = game.cooperator[k] if coop[i] else game.defector[k]
                assert nf.payoffs[(*profile, i)] == want

    @given(mst.anonymous_games(n=st.integers(2, 6)), st.floats(0, 1))
    def test_gain_function_is_expected_gain(self, game, x):
        n = game.n
        from math import comb

        want = sum(comb(n - 1, k) * x**k * (1 - x) ** (n - 1 - k) * float(game.gains[k])
                   for k in range(n))
        assert np.isclose(game.gain_function(x), want, atol=1e-9)
        assert np.isclose(game.gain_function(0.0), float(game.gains[0]))

    @given(mst.anonymous_games(n=st.integers(2, 6)))
    def test_welfare_counts_each_member(self, game):
        n = game.n
        assert game.welfare(0) == n * game.defector[0]
        assert game.welfare(n) == n * game.cooperator[n - 1]
        assert len(game.welfare()) == n + 1

    @pytest.mark.parametrize(
        ("call", "error", "message"),
        [
            (lambda: ml.AnonymousGame([1, 2], [1, 2, 3]), errors.InvalidPayoffsError,
             "same length"),
            (lambda: ml.AnonymousGame([1], [1]), errors.InvalidGameError, "n >= 2"),
            (lambda: ml.AnonymousGame([1, np.nan], [1, 2]), errors.InvalidPayoffsError, "finite"),
            (lambda: ml.AnonymousGame.public_goods(3), errors.InvalidArgumentError, "exactly one"),
            (lambda: ml.AnonymousGame.public_goods(1, r=2), errors.InvalidArgumentError, "n must"),
            (lambda: ml.AnonymousGame.threshold(3, 4), errors.InvalidArgumentError, "between 1"),
            (lambda: ml.AnonymousGame.public_goods(3, r=float("nan")), errors.InvalidArgumentError,
             "finite"),
            (lambda: ml.AnonymousGame.public_goods(3, r=2).gain_function(1.5),
             errors.InvalidArgumentError, r"\[0, 1\]"),
            (lambda: ml.AnonymousGame.public_goods(3, r=2).gain(3), errors.InvalidArgumentError,
             "0..2"),
            (lambda: ml.AnonymousGame.public_goods(30, r=2).to_normal_form(),
             errors.InvalidArgumentError, "n <= 20"),
        ],
    )
    def test_bad_input(self, call, error, message):
        with pytest.raises(error, match=message):
            call()


# -- integer payoffs near the int64 limit (issue 12: silent overflow) ---------------------------
def _int64_game(values):
    return np.array(values, dtype=np.int64).reshape(2, 2, 2)


@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=8, max_size=8))
def test_huge_int_payoffs_are_exact_like_fractions(values):
    game = ml.NormalFormGame(_int64_game(values))
    ref = ml.NormalFormGame(np.array([Fraction(v) for v in values], dtype=object).reshape(2, 2, 2))
    assert game.payoffs.tolist() == ref.payoffs.tolist()
    # gains from deviating (differences of payoffs) are exact, not wrapped around
    got = ml.solvers.correlated_polytope(game).constraints.tolist()
    assert got == ml.solvers.correlated_polytope(ref).constraints.tolist()


def test_payoffs_near_2_to_62_keep_exact_gains():
    a = 2**62
    game = ml.TwoByTwo(np.array([[a, 0], [-a, 0]]), np.array([[0, 0], [0, 0]]))
    # the row player's gain from C over D when told C: a - (-a) = 2**63 (int64 wraps to -2**63)
    assert ml.solvers.correlated_polytope(game).constraints[0].tolist()[0] == 2**63
    small = ml.TwoByTwo.symmetric(T=4, R=3, P=2, S=1)
    assert small.payoffs.dtype == np.int64
