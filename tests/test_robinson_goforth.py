"""The Robinson-Goforth periodic table of the strict ordinal 2x2 games (names after Bruns 2015)."""

import itertools
from collections import Counter
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

import multilateral as ml
from multilateral import errors
from multilateral.games._robinson_goforth import (
    SYMMETRIC_GAMES,
    RobinsonGoforthClass,
    all_classes,
    canonical_game,
    classify_ordinal,
)

Ranks = NDArray[np.int64]

PERMS = list(itertools.permutations([1, 2, 3, 4]))
#: all 576 labelled strict ordinal games, as (row ranks, column ranks)
LABELLED = [(np.reshape(a, (2, 2)), np.reshape(b, (2, 2))) for a in PERMS for b in PERMS]
ranks = st.permutations([1, 2, 3, 4]).map(lambda p: np.reshape(p, (2, 2)))

#: Bruns' number, abbreviation and name of each symmetric game, and its ordering of T, R, P, S
#: with action 0 = cooperate (as TwoByTwo.symmetric reads it), best first.
SYMMETRIC = [
    (1, "Ch", "Chicken", "TRSP"),
    (2, "Ba", "Battle", "TSRP"),
    (3, "He", "Hero", "TSPR"),
    (4, "Co", "Compromise", "TPSR"),
    (5, "Dl", "Deadlock", "TPRS"),
    (6, "Pd", "Prisoner's Dilemma", "TRPS"),
    (7, "Sh", "Stag Hunt", "RTPS"),
    (8, "As", "Assurance", "RPTS"),
    (9, "Cr", "Coordination", "RPST"),
    (10, "Pc", "Peace", "RSPT"),
    (11, "Ha", "Harmony", "RSTP"),
    (12, "Nc", "Concord", "RTSP"),
]


def _symmetric_game(ordering: str, values: tuple[int, ...] = (4, 3, 2, 1)) -> ml.TwoByTwo:
    """The symmetric TwoByTwo whose T, R, P, S rank as in ``ordering`` (best first)."""
    return ml.TwoByTwo.symmetric(**dict(zip(ordering, values, strict=True)))


def _relabellings(
    a: Ranks, b: Ranks
) -> Iterator[tuple[Ranks, Ranks]]:
    """The four labellings of a game: rows and/or columns swapped for both players at once."""
    for swap_rows, swap_cols in itertools.product((False, True), repeat=2):
        x, y = a, b
        if swap_rows:
            x, y = x[::-1, :], y[::-1, :]
        if swap_cols:
            x, y = x[:, ::-1], y[:, ::-1]
        yield x, y


def _has_dominant_strategy(u: Ranks) -> bool:
    """Whether the player whose own actions index the rows of ``u`` has a dominant action."""
    return bool(np.all(u[0] > u[1]) or np.all(u[1] > u[0]))


# -- the whole table -----------------------------------------------------------------------------
def test_576_labelled_games_fall_into_144_classes_of_4() -> None:
    counts = Counter(classify_ordinal(a, b) for a, b in LABELLED)
    assert len(counts) == 144
    assert set(counts.values()) == {4}
    assert set(counts) == set(all_classes())
    assert {c.index for c in counts} == set(itertools.product(range(1, 13), repeat=2))


def test_the_four_labellings_are_exactly_a_class() -> None:
    by_class: dict[RobinsonGoforthClass, set[tuple[bytes, bytes]]] = {}
    for a, b in LABELLED:
        by_class.setdefault(classify_ordinal(a, b), set()).add((a.tobytes(), b.tobytes()))
    for a, b in LABELLED:
        variants = {(x.tobytes(), y.tobytes()) for x, y in _relabellings(a, b)}
        assert len(variants) == 4  # strict ranks: no labelling is fixed by a swap
        assert by_class[classify_ordinal(a, b)] == variants


def test_all_classes_is_ordered_and_unique() -> None:
    classes = all_classes()
    assert [c.index for c in classes] == sorted(itertools.product(range(1, 13), repeat=2))
    assert len({c.name for c in classes}) == 144
    assert len({c.abbreviation for c in classes}) == 144


def test_exactly_12_symmetric_classes_on_the_diagonal() -> None:
    sym = [c for c in all_classes() if c.is_symmetric]
    assert len(sym) == 12
    assert all(c.index[0] == c.index[1] and c.row == c.col for c in sym)
    assert [(c.index[0], c.row, c.name) for c in sym] == [s[:3] for s in SYMMETRIC]
    assert [(abbr, name) for abbr, name, _ in SYMMETRIC_GAMES] == [s[1:3] for s in SYMMETRIC]


def test_symmetric_means_some_labelling_has_col_equal_to_row_transposed() -> None:
    for a, b in LABELLED:
        transposable = any(np.array_equal(y, x.T) for x, y in _relabellings(a, b))
        assert classify_ordinal(a, b).is_symmetric == transposable


# -- invariance and the player swap ---------------------------------------------------------------
@given(ranks, ranks)
def test_invariant_under_swapping_rows_and_columns(a: Ranks, b: Ranks) -> None:
    cls = classify_ordinal(a, b)
    assert classify_ordinal(a[::-1, :], b[::-1, :]) == cls
    assert classify_ordinal(a[:, ::-1], b[:, ::-1]) == cls
    assert classify_ordinal(a[::-1, ::-1], b[::-1, ::-1]) == cls


@given(ranks, ranks)
def test_swapping_players_maps_i_j_to_j_i(a: Ranks, b: Ranks) -> None:
    cls = classify_ordinal(a, b)
    swapped = classify_ordinal(b.T, a.T)  # the column player now chooses rows
    assert swapped.index == cls.index[::-1]
    assert (swapped.row, swapped.col) == (cls.col, cls.row)
    assert swapped.is_symmetric == cls.is_symmetric
    assert swapped.dominant_strategy == cls.dominant_strategy[::-1]


@given(ranks, ranks, ranks)
def test_a_pattern_is_a_players_ranks_relative_to_the_others_best_outcome(
    a: Ranks, b: Ranks, c: Ranks
) -> None:
    # the row player's pattern depends on the row player's ranks and on the row holding the
    # column player's 4 (which fixes the row swap), not on the rest of the column player's ranks
    cls = classify_ordinal(a, b)
    if np.argwhere(c == 4)[0][0] == np.argwhere(b == 4)[0][0]:
        assert classify_ordinal(a, c).row == cls.row
    if np.argwhere(c == 4)[0][1] == np.argwhere(a == 4)[0][1]:
        assert classify_ordinal(c, b).col == cls.col
    # moving the other player's best outcome to the other row (column) changes the pattern
    assert classify_ordinal(a, b[::-1, :]).row != cls.row
    assert classify_ordinal(a[:, ::-1], b).col != cls.col


def test_neighbouring_patterns_differ_by_one_swap_of_adjacent_ranks() -> None:
    # Robinson and Goforth's topology: the 12 patterns form a cycle of single swaps, and the
    # swaps of the two best outcomes (which change layer) join Pd to Sh and Nc back to Ch
    top_swaps = []
    for k in range(1, 13):
        here = canonical_game((k, k))[0]
        there = canonical_game((k % 12 + 1, k % 12 + 1))[0]
        swapped = sorted(here[here != there].tolist())
        assert swapped in ([1, 2], [2, 3], [3, 4])
        if swapped == [3, 4]:
            top_swaps.append((k, k % 12 + 1))
    assert top_swaps == [(6, 7), (12, 1)]


# -- canonical representatives -------------------------------------------------------------------
@pytest.mark.parametrize("cls", all_classes(), ids=lambda c: f"{c.index}")
def test_canonical_game_round_trips(cls: RobinsonGoforthClass) -> None:
    row, col = canonical_game(cls.index)
    assert classify_ordinal(row, col) == cls
    again = canonical_game(cls)  # a class is accepted in place of its index
    assert np.array_equal(again[0], row) and np.array_equal(again[1], col)
    assert 4 in row[:, 1]  # the row player's best outcome is in the right column
    assert 4 in col[0, :]  # the column player's in the top row
    assert row.dtype == np.int64 and col.dtype == np.int64


def test_canonical_orientation_is_reached_from_every_labelling() -> None:
    for a, b in LABELLED:
        canon = [(x, y) for x, y in _relabellings(a, b) if 4 in x[:, 1] and 4 in y[0, :]]
        assert len(canon) == 1
        row, col = canonical_game(classify_ordinal(a, b).index)
        assert np.array_equal(canon[0][0], row) and np.array_equal(canon[0][1], col)


# -- layers and tiles, checked against the games themselves --------------------------------------
def test_best_outcomes_and_dominance_match_the_games() -> None:
    for a, b in LABELLED:
        cls = classify_ordinal(a, b)
        r4 = tuple(np.argwhere(a == 4)[0])
        c4 = tuple(np.argwhere(b == 4)[0])
        expected = ("same cell" if r4 == c4 else
                    "same row" if r4[0] == c4[0] else
                    "same column" if r4[1] == c4[1] else "opposite cells")
        assert cls.best_outcomes == expected
        assert cls.dominant_strategy == (_has_dominant_strategy(a), _has_dominant_strategy(b.T))


def test_layers_have_36_games_and_tiles_9() -> None:
    layers = Counter(c.best_outcomes for c in all_classes())
    assert layers == {"same cell": 36, "opposite cells": 36, "same row": 36, "same column": 36}
    tiles = Counter((c.best_outcomes, c.dominant_strategy) for c in all_classes())
    assert len(tiles) == 16 and set(tiles.values()) == {9}


# -- the named games land where the literature puts them ------------------------------------------
@pytest.mark.parametrize(("number", "abbr", "name", "ordering"), SYMMETRIC)
def test_symmetric_games_by_ordering(number: int, abbr: str, name: str, ordering: str) -> None:
    # TwoByTwo reads action 0 as cooperate; the class must not depend on that labelling
    g = _symmetric_game(ordering)
    cls = g.robinson_goforth
    assert cls.index == (number, number)
    assert (cls.row, cls.col, cls.name, cls.abbreviation) == (abbr, abbr, name, abbr)
    assert cls.is_symmetric and g.is_symmetric
    assert SYMMETRIC_GAMES[number - 1] == (abbr, name, " > ".join(ordering))
    # the same game with cooperate and defect relabelled for both players
    swapped = ml.TwoByTwo(g.payoff_array(0)[::-1, ::-1], g.payoff_array(1)[::-1, ::-1])
    assert swapped.robinson_goforth == cls


@pytest.mark.parametrize(
    ("trps", "index", "name"),
    [
        ((5, 3, 1, 0), (6, 6), "Prisoner's Dilemma"),  # T > R > P > S
        ((4, 3, 0, 1), (1, 1), "Chicken"),  # T > R > S > P
        ((3, 4, 1, 0), (7, 7), "Stag Hunt"),  # R > T > P > S
        ((4, 2, 3, 1), (5, 5), "Deadlock"),  # T > P > R > S
        ((2, 4, 0, 3), (11, 11), "Harmony"),  # R > S > T > P
        ((3, 4, 1, 2), (12, 12), "Concord"),  # R > T > S > P: Oye's "harmony", Bruns' Concord
        ((Fraction(7, 2), 3, 1, 0), (6, 6), "Prisoner's Dilemma"),  # exact payoffs
        ((5.5, 3.25, -1.0, -2.5), (6, 6), "Prisoner's Dilemma"),  # real payoffs
    ],
)
def test_classic_games_through_two_by_two(
    trps: tuple[Any, Any, Any, Any], index: tuple[int, int], name: str
) -> None:
    t, r, p, s = trps
    cls = ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s).robinson_goforth
    assert cls.index == index and cls.name == name and cls.is_symmetric


def test_oye_types_map_to_bruns_symmetric_games() -> None:
    expected = {"prisoners_dilemma": {"Pd"}, "stag_hunt": {"Sh"}, "chicken": {"Ch"},
                "deadlock": {"Dl"}, "harmony": {"Nc", "Ha", "Pc"}}
    for kind, orders in ml.games.two_by_two.OYE_ORDERINGS.items():
        got = {_symmetric_game(o).robinson_goforth.row for o in orders}
        assert got == expected[kind]


def test_prisoners_dilemma_player_meets_stag_hunt_player() -> None:
    row = [[3, 1], [4, 2]]  # T > R > P > S, action 0 = cooperate
    col = [[4, 3], [1, 2]]  # R > T > P > S for the column player
    cls = ml.TwoByTwo(row, col).robinson_goforth
    assert cls.index == (6, 7) and (cls.row, cls.col) == ("Pd", "Sh")
    assert cls.name == "Prisoner's Dilemma / Stag Hunt" and cls.abbreviation == "PdSh"
    assert not cls.is_symmetric
    assert cls.best_outcomes == "same column"  # both best outcomes need the row player's D
    assert cls.dominant_strategy == (True, False)
    assert ml.TwoByTwo(np.array(col).T, np.array(row).T).robinson_goforth.index == (7, 6)


def test_repr_and_value_semantics() -> None:
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0).robinson_goforth
    assert repr(pd) == "RobinsonGoforthClass((6, 6), Pd: Prisoner's Dilemma)"
    assert pd == classify_ordinal([[3, 1], [4, 2]], [[3, 4], [1, 2]])
    assert hash(pd) == hash(all_classes()[5 * 12 + 5])
    with pytest.raises(AttributeError):
        pd.name = "Chicken"  # type: ignore[misc]


def test_inputs_may_be_lists_tuples_or_exact() -> None:
    a: Any = [[Fraction(3), 1], [4, 2]]
    assert classify_ordinal(a, ((3, 4), (1, 2))).index == (6, 6)
    assert classify_ordinal(np.array([[3.0, 1.0], [4.0, 2.0]]), [[3, 4], [1, 2]]).index == (6, 6)


# -- bad inputs -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "col", "match"),
    [
        ([[1, 2, 3, 4]], [[1, 2], [3, 4]], r"row player's ranks must be a 2x2 array.*\(1, 4\)"),
        ([[1, 2], [3, 4]], [1, 2, 3, 4], r"column player's ranks must be a 2x2 array.*\(4,\)"),
        ([[1, 2], [3, 3]], [[1, 2], [3, 4]], r"row player's ranks must hold 1, 2, 3 and 4 once"),
        ([[1, 2], [3, 4]], [[0, 1], [2, 3]], r"column player's ranks must hold 1, 2, 3 and 4"),
        ([[1, 2], [3, 5]], [[1, 2], [3, 4]], r"no ties\), got \[\[1, 2\], \[3, 5\]\]"),
        ([[1.5, 2], [3, 4]], [[1, 2], [3, 4]], "must hold 1, 2, 3 and 4"),
        (np.array([[True, False], [False, True]]), [[1, 2], [3, 4]], "must hold 1, 2, 3 and 4"),
        ([["a", "b"], ["c", "d"]], [[1, 2], [3, 4]], "must hold 1, 2, 3 and 4"),
        ([[1, 2], [3]], [[1, 2], [3, 4]], "row player's ranks must be a 2x2 array"),
        ([[1, 2], [3, float("nan")]], [[1, 2], [3, 4]], "must hold 1, 2, 3 and 4"),
    ],
)
def test_bad_ranks_raise(row: Any, col: Any, match: str) -> None:
    with pytest.raises(errors.InvalidGameError, match=match):
        classify_ordinal(row, col)


@pytest.mark.parametrize("index", [(0, 1), (1, 13), (1,), (1, 2, 3), "ab", (1.0, 2), (True, 1)])
def test_bad_index_raises(index: Any) -> None:
    with pytest.raises(errors.InvalidArgumentError, match="pair"):
        canonical_game(index)


def test_ties_are_refused_by_two_by_two() -> None:
    with pytest.raises(errors.InvalidGameError, match="strict ordinal"):
        _ = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=1).robinson_goforth
