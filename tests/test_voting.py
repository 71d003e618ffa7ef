"""Simple games: weighted voting games, composite rules, blocs; validation and structure."""

import itertools
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.games import (
    CompositeVotingGame,
    SimpleGame,
    WeightedVotingGame,
    intersection,
    union,
    with_blocs,
)
from multilateral.games.voting import MAX_ENUMERATION_MEMBERS

UNSC = WeightedVotingGame([7] * 5 + [1] * 10, 39)
PRE_1965 = WeightedVotingGame([5] * 5 + [1] * 6, 27)


def brute_winning(game):
    n = game.n_members
    return [game.is_winning([i for i in range(n) if mask >> i & 1]) for mask in range(1 << n)]


# -- construction and validation --------------------------------------------------------------
def test_design_sketch_and_top_level_export():
    unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
    assert unsc == UNSC
    assert repr(unsc) == "WeightedVotingGame([39; 7 x5, 1 x10])"
    assert unsc.members[:2] == ("P1", "P2") and unsc.n_members == 15
    assert unsc.total == 45 and unsc.quota == 39
    assert "WeightedVotingGame" in ml.__all__
    assert ml.games.WeightedVotingGame is WeightedVotingGame


def test_repr_shortens_long_games():
    g = WeightedVotingGame(list(range(40, 0, -1)), 400)
    text = repr(g)
    assert "(40 members)" in text and "..." in text and len(text) < 120


def test_fraction_weights_are_scaled_to_integers():
    g = WeightedVotingGame([Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)], Fraction(1, 2))
    assert g.integer_weights == (3, 2, 1) and g.integer_quota == 3
    assert g.total == 1
    assert g.is_equivalent(WeightedVotingGame([3, 2, 1], 3))
    assert g.weight([1, 2]) == Fraction(1, 2)


def test_integral_floats_and_numpy_integers_are_accepted():
    g = WeightedVotingGame(np.array([7.0, 1.0, 1.0]), np.int64(8))
    assert g.weights == (7, 1, 1) and all(type(w) is int for w in g.weights)
    assert WeightedVotingGame([2, 1], 1.5).integer_quota == 2


def test_quota_is_rounded_up_on_the_integer_scale():
    g = WeightedVotingGame([1, 1, 1], Fraction(3, 2))  # more than half of 3: two members
    assert g.integer_quota == 2
    assert g.is_winning([0, 1]) and not g.is_winning([0])


@pytest.mark.parametrize("quota", [0, -1, 46, Fraction(91, 2), 45.5])
def test_quota_outside_zero_total_is_a_clear_error(quota):
    with pytest.raises(errors.InvalidGameError, match=r"0 < quota <= total weight = 45"):
        WeightedVotingGame([7] * 5 + [1] * 10, quota)


def test_quota_equal_to_total_is_unanimity():
    g = WeightedVotingGame([2, 1, 1], 4)
    assert g.veto_players == g.members


@pytest.mark.parametrize(("weights", "error", "match"), [
    ([3, -1, 2], errors.InvalidGameError, "must be >= 0; member 1 has weight -1"),
    ([1, 2.5], errors.InvalidGameError, "Fraction"),
    ([1, float("nan")], errors.InvalidGameError, "finite"),
    ([True, 1], errors.InvalidTypeError, "booleans"),
    (["a", 1], errors.InvalidTypeError, "numbers"),
    ("711", errors.InvalidTypeError, "sequence"),
    (7, errors.InvalidTypeError, "sequence"),
    ([], errors.InvalidGameError, "at least one member"),
    ([0, 0], errors.InvalidGameError, "total weight = 0"),
])
def test_bad_weights(weights, error, match):
    with pytest.raises(error, match=match):
        WeightedVotingGame(weights, 1)


@pytest.mark.parametrize("quota", ["3", None, True, float("inf")])
def test_bad_quota_types(quota):
    with pytest.raises((errors.InvalidTypeError, errors.InvalidGameError)):
        WeightedVotingGame([1, 2], quota)


@pytest.mark.parametrize("members", [["A", "B"], ["A", "A", "B"], "ABC"])
def test_inconsistent_member_lists(members):
    with pytest.raises(errors.InvalidGameError, match="members"):
        WeightedVotingGame([1, 1, 1], 2, members=members)


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        WeightedVotingGame([1, -1], 1)
    with pytest.raises(TypeError):
        WeightedVotingGame([1, 1], "1")


# -- coalitions -------------------------------------------------------------------------------
def test_coalitions_by_label_or_index():
    g = WeightedVotingGame([49, 48, 3], 51, members=["A", "B", "C"])
    assert g.is_winning(["A", "C"]) and g.is_winning([0, 2]) and g.is_winning({"B", 2})
    assert not g.is_winning(["A"]) and not g.is_winning([])
    assert g.mask(["A", "C"]) == 0b101 and g.coalition(0b110) == ("B", "C")
    assert g.weight(["B", "C"]) == 51
    assert g.index("C") == 2 and g.index(1) == 1


@pytest.mark.parametrize(("coalition", "error"), [
    ("AB", errors.InvalidTypeError),
    (["Z"], errors.InvalidGameError),
    ([3], errors.InvalidGameError),
    ([1.0], errors.InvalidTypeError),
    (5, errors.InvalidTypeError),
])
def test_bad_coalitions(coalition, error):
    g = WeightedVotingGame([49, 48, 3], 51, members=["A", "B", "C"])
    with pytest.raises(error):
        g.is_winning(coalition)


def test_bad_masks():
    with pytest.raises(errors.InvalidGameError):
        UNSC.coalition(1 << 15)
    with pytest.raises(errors.InvalidTypeError):
        UNSC.coalition("1")


# -- structure --------------------------------------------------------------------------------
def test_veto_players_of_the_security_council():
    assert UNSC.veto_players == ("P1", "P2", "P3", "P4", "P5")
    assert PRE_1965.veto_players == ("P1", "P2", "P3", "P4", "P5")
    assert WeightedVotingGame([1] * 15, 9).veto_players == ()


def test_dummies():
    assert WeightedVotingGame([3, 3, 1], 6).dummies == ("P3",)
    assert WeightedVotingGame([4, 2, 1], 4).dummies == ("P2", "P3")
    assert WeightedVotingGame([5, 0, 1], 5).dummies == ("P2", "P3")
    assert UNSC.dummies == ()


def test_dummies_of_a_large_game_need_no_enumeration():
    g = WeightedVotingGame([10] * 100 + [1], 500)
    assert g.dummies == ("P101",)


@given(ml.strategies.weighted_voting_games(max_weight=6))
def test_weighted_structure_matches_enumeration(game):
    # the subset-sum and weight shortcuts agree with the generic enumeration of SimpleGame
    assert SimpleGame.dummies.fget(game) == game.dummies
    assert SimpleGame.veto_players.fget(game) == game.veto_players
    assert game.winning_mask().tolist() == brute_winning(game)


def test_minimal_winning_coalitions():
    g = WeightedVotingGame([49, 48, 3], 51, members=["A", "B", "C"])
    assert g.minimal_winning_coalitions() == (("A", "B"), ("A", "C"), ("B", "C"))
    mwc = UNSC.minimal_winning_coalitions()
    assert len(mwc) == 210  # the five permanent members and any four of ten
    assert all(len(c) == 9 and set(c) >= {"P1", "P2", "P3", "P4", "P5"} for c in mwc)


@given(ml.strategies.weighted_voting_games(max_weight=5))
def test_minimal_winning_coalitions_by_brute_force(game):
    n = game.n_members
    expected = []
    for size in range(n + 1):
        for c in itertools.combinations(range(n), size):
            if game.is_winning(c) and all(not game.is_winning(set(c) - {i}) for i in c):
                expected.append(tuple(game.members[i] for i in c))
    assert sorted(game.minimal_winning_coalitions()) == sorted(expected)


def test_enumeration_limit_is_a_clear_error():
    big = WeightedVotingGame([1] * (MAX_ENUMERATION_MEMBERS + 1), 14)
    with pytest.raises(errors.InvalidArgumentError, match="at most 25 members"):
        big.minimal_winning_coalitions()
    with pytest.raises(errors.InvalidArgumentError, match="at most 25 members"):
        big.winning_mask()
    assert big.veto_players == ()  # no enumeration needed


def test_winning_mask_is_read_only_and_cached():
    mask = UNSC.winning_mask()
    assert mask.shape == (1 << 15,) and int(mask.sum()) == 848  # P5 + at least 4 of 10
    assert not mask.flags.writeable and UNSC.winning_mask() is mask


def test_unanimity():
    p5 = WeightedVotingGame.unanimity(range(5), n=15)
    assert p5.weights == (1,) * 5 + (0,) * 10 and p5.quota == 5
    named = WeightedVotingGame.unanimity(["B"], members=["A", "B"])
    assert named.veto_players == ("B",) and named.dummies == ("A",)
    with pytest.raises(errors.InvalidGameError):
        WeightedVotingGame.unanimity([], n=3)
    with pytest.raises(errors.InvalidGameError):
        WeightedVotingGame.unanimity([0])
    with pytest.raises(errors.InvalidGameError):
        WeightedVotingGame.unanimity([0], n=3, members=["A", "B"])
    with pytest.raises(errors.InvalidTypeError):
        WeightedVotingGame.unanimity([0], n=0)


def test_with_quota_changes_the_rule():
    assert UNSC.with_(quota=9).veto_players == ()
    assert UNSC.with_(quota=45).veto_players == UNSC.members


# -- value semantics --------------------------------------------------------------------------
def test_equality_hash_pickle():
    same = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    assert same == UNSC and hash(same) == hash(UNSC) and len({same, UNSC}) == 1
    assert UNSC.with_(quota=40) != UNSC
    assert pickle.loads(pickle.dumps(UNSC)) == UNSC
    assert UNSC.__eq__(3) is NotImplemented


def test_equivalent_games_with_different_weights():
    # the council is not the unanimity of the five: it also needs four elected votes
    assert not UNSC.is_equivalent(WeightedVotingGame.unanimity(range(5), n=15))
    assert UNSC.is_equivalent(WeightedVotingGame([14] * 5 + [2] * 10, 78))  # doubled
    assert not UNSC.is_equivalent(WeightedVotingGame([1] * 3, 2))
    with pytest.raises(errors.InvalidTypeError):
        UNSC.is_equivalent([1, 2])


# -- composite rules --------------------------------------------------------------------------
def test_nine_of_fifteen_including_the_permanent_five_is_the_weighted_game():
    nine = WeightedVotingGame([1] * 15, 9)
    p5 = WeightedVotingGame.unanimity(range(5), n=15)
    council = intersection(nine, p5)
    assert isinstance(council, CompositeVotingGame) and council.rule == "all"
    assert council.is_equivalent(UNSC) and UNSC.is_equivalent(council)
    assert council.veto_players == UNSC.veto_players
    assert len(council.minimal_winning_coalitions()) == 210
    assert repr(council) == "CompositeVotingGame(all of 2 games, 15 members)"


def test_pre_1965_council_as_a_composite_rule():
    seven = WeightedVotingGame([1] * 11, 7)
    p5 = WeightedVotingGame.unanimity(range(5), n=11)
    assert intersection(seven, p5).is_equivalent(PRE_1965)


def test_double_majority_and_union():
    members = ["A", "B", "C", "D", "E"]
    states = WeightedVotingGame([1] * 5, 3, members=members)
    people = WeightedVotingGame([40, 25, 15, 12, 8], 60, members=members)
    both, either = intersection(states, people), union(states, people)
    for mask in range(32):
        c = both.coalition(mask)
        assert both.is_winning(c) == (states.is_winning(c) and people.is_winning(c))
        assert either.is_winning(c) == (states.is_winning(c) or people.is_winning(c))
    assert either.rule == "any" and either.veto_players == ()


def test_components_are_aligned_to_the_first_member_order():
    a = WeightedVotingGame([3, 1, 1], 4, members=["X", "Y", "Z"])
    b = WeightedVotingGame([1, 1, 1], 2, members=["Z", "Y", "X"])
    both = intersection(a, b)
    assert both.members == ("X", "Y", "Z")
    assert both.components[1].members == ("X", "Y", "Z")
    assert both.is_winning(["X", "Y"]) and not both.is_winning(["Y", "Z"])


def test_nested_composites_and_blocs():
    a = WeightedVotingGame([3, 1, 1, 1], 4)
    b = WeightedVotingGame([1, 1, 1, 1], 3)
    nested = union(intersection(a, b), WeightedVotingGame.unanimity([1, 2, 3], n=4))
    assert nested.is_winning([1, 2, 3]) and nested.is_winning([0, 1, 2])
    merged = with_blocs(nested, {"B": ["P2", "P3"]})
    assert merged.members == ("P1", "B", "P4")
    assert merged.is_winning(["B", "P4"]) and not merged.is_winning(["P1", "P4"])


def test_composite_games_compare_by_value():
    a = intersection(UNSC, WeightedVotingGame([1] * 15, 9))
    b = intersection(UNSC, WeightedVotingGame([1] * 15, 9))
    assert a == b and hash(a) == hash(b) and a != union(UNSC, UNSC)
    assert a.__eq__(UNSC) is NotImplemented


def test_inconsistent_members_in_a_composite_game():
    a = WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "C"])
    b = WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "D"])
    with pytest.raises(errors.InvalidGameError, match=r"inconsistent member lists.*\['D'\]"):
        intersection(a, b)
    with pytest.raises(errors.InvalidGameError):
        intersection(a, WeightedVotingGame([1, 1], 2, members=["A", "B"]))


@pytest.mark.parametrize(("args", "error"), [
    (([],), errors.InvalidGameError),
    (([UNSC, [1, 2]],), errors.InvalidTypeError),
    ((UNSC,), errors.InvalidTypeError),
    (([UNSC], "most"), errors.InvalidArgumentError),
])
def test_bad_composites(args, error):
    with pytest.raises(error):
        CompositeVotingGame(*args)


# -- blocs ------------------------------------------------------------------------------------
def test_blocs_sum_weights():
    g = WeightedVotingGame([4, 3, 2, 1], 6, members=["A", "B", "C", "D"])
    merged = with_blocs(g, {"CD": ["C", "D"]})
    assert merged == WeightedVotingGame([4, 3, 3], 6, members=["A", "B", "CD"])
    assert g.with_blocs({"AD": [0, "D"]}).members == ("AD", "B", "C")
    assert with_blocs(g, {"A": ["A"]}) == g  # a bloc of one is the member itself


def test_bloc_of_the_elected_members_of_the_council():
    merged = with_blocs(UNSC, {"E10": [f"P{k}" for k in range(6, 16)]})
    assert merged == WeightedVotingGame([7] * 5 + [10], 39,
                                        members=["P1", "P2", "P3", "P4", "P5", "E10"])
    assert merged.veto_players == merged.members  # voting together, the ten can block


@pytest.mark.parametrize(("blocs", "error", "match"), [
    ({"X": ["A"], "Y": ["A", "B"]}, errors.InvalidGameError, "two blocs"),
    ({"X": ["Q"]}, errors.InvalidGameError, "unknown member"),
    ({"B": ["A", "C"]}, errors.InvalidGameError, "already labels"),
    ({"X": []}, errors.InvalidGameError, "no members"),
    ({"X": "AB"}, errors.InvalidTypeError, "collection"),
    ({3: ["A"]}, errors.InvalidTypeError, "labels"),
    ([("X", ["A"])], errors.InvalidTypeError, "mapping"),
])
def test_bad_blocs(blocs, error, match):
    g = WeightedVotingGame([4, 3, 2, 1], 6, members=["A", "B", "C", "D"])
    with pytest.raises(error, match=match):
        with_blocs(g, blocs)


def test_with_blocs_needs_a_game():
    with pytest.raises(errors.InvalidTypeError):
        with_blocs([1, 2], {"X": [0]})


@given(ml.strategies.weighted_voting_games(n=st.integers(2, 7), max_weight=6), st.data())
def test_bloc_game_is_the_original_with_members_voting_together(game, data):
    n = game.n_members
    bloc = data.draw(st.sets(st.integers(0, n - 1), min_size=1))
    merged = with_blocs(game, {"bloc": sorted(bloc)})
    others = [i for i in range(n) if i not in bloc]
    for mask in range(1 << merged.n_members):
        chosen = set(merged.coalition(mask))
        original = {i for i in others if game.members[i] in chosen}
        if "bloc" in chosen:
            original |= bloc
        assert merged.is_winning(chosen) == game.is_winning(original)


# -- TU games ---------------------------------------------------------------------------------
def test_to_tu_game_and_its_shapley_value():
    tu = UNSC.to_tu_game()
    assert tu.players == UNSC.members and tu.value(range(9)) == 1
    if hasattr(ml.solvers, "shapley_value"):
        phi = ml.solvers.shapley_value(tu)
        assert phi[0] == Fraction(421, 2145) and phi[14] == Fraction(4, 2145)
    with pytest.raises(errors.InvalidArgumentError):
        WeightedVotingGame([1] * 21, 11).to_tu_game()


def test_strategy_bounds():
    with pytest.raises(errors.InvalidArgumentError):
        ml.strategies.weighted_voting_games(min_weight=5, max_weight=2)
    with pytest.raises(errors.MultilateralError):
        ml.strategies.weighted_voting_games(n=0)


@given(ml.strategies.weighted_voting_games(n=3, min_weight=2, max_weight=4))
def test_strategy_respects_its_parameters(game):
    assert game.n_members == 3 and all(2 <= w <= 4 for w in game.weights)
    assert 0 < game.quota <= game.total
