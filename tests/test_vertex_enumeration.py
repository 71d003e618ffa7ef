"""Vertex enumeration by reverse search on one polytope, and its exact path (issues 12, 13).

The reverse-search path (one best-response polytope, partners solved for) is checked against
qhull on both polytopes and against support enumeration on random nondegenerate games; exact
payoffs give exactly verified equilibria, also beyond float64's 53 bits (payoffs near 2**62,
where float64 search used to report non-equilibria).
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors, solvers


def as_set(eqs):
    return sorted(tuple(np.round(np.concatenate(e.strategies), 7)) for e in eqs)


def exact_regret(game, ex, ey):
    a, b = game.payoff_array(0).tolist(), game.payoff_array(1).tolist()
    m, n = len(a), len(a[0])
    rows = [sum(Fraction(a[i][j]) * ey[j] for j in range(n)) for i in range(m)]
    cols = [sum(Fraction(b[i][j]) * ex[i] for i in range(m)) for j in range(n)]
    return max(rows) - sum(x * r for x, r in zip(ex, rows, strict=True)) + max(cols) - sum(
        y * c for y, c in zip(ey, cols, strict=True))


games = st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(0, 2**32 - 1)).map(
    lambda t: np.random.default_rng(t[2]).random((2, t[0], t[1])))


@settings(deadline=None, max_examples=40)
@given(games)
def test_reverse_search_agrees_with_qhull_and_support_enumeration(payoffs):
    game = ml.NormalFormGame(payoffs[0], payoffs[1])
    by_qhull = as_set(solvers.vertex_enumeration(game))
    assert by_qhull == as_set(solvers.support_enumeration(game))
    old = solvers.two_player._QHULL_FAST_DIM
    try:
        solvers.two_player._QHULL_FAST_DIM = 0
        assert as_set(solvers.vertex_enumeration(game)) == by_qhull
    finally:
        solvers.two_player._QHULL_FAST_DIM = old


@pytest.mark.parametrize("shape", [(7, 7), (8, 5), (5, 8)])  # (8, 5): the players swapped
@pytest.mark.parametrize("seed", range(4))
def test_integer_games_are_exact_and_match_the_float_answer(seed, shape, monkeypatch):
    rng = np.random.default_rng(seed)
    a, b = rng.integers(-1000, 1000, (2, *shape))
    game = ml.NormalFormGame(a, b)
    monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)  # the reverse search
    eqs = solvers.nash_equilibria(game)
    assert as_set(eqs) == as_set(solvers.nash_equilibria(ml.NormalFormGame(a * 1.0, b * 1.0)))
    for eq in eqs:
        assert eq.exact is not None and eq.regret == 0
        assert exact_regret(game, *eq.exact) == 0


def test_payoffs_near_2_to_62_are_exact():
    # matching pennies lifted by 2**62: float64 sees a constant game and used to report the
    # four pure profiles as equilibria
    big = 2**62
    game = ml.NormalFormGame([[big + 1, big], [big, big + 1]], [[big, big + 1], [big + 1, big]])
    (eq,) = solvers.nash_equilibria(game)
    half = Fraction(1, 2)
    assert eq.exact == ((half, half), (half, half))


def test_payoffs_beyond_53_bits_are_enumerated_exactly_or_refused():
    big = 2**62
    a = [[big, 0, 3], [big + 1, 1, 0], [0, 2, big]]
    b = [[1, 0, big], [0, 1, 0], [big, 0, 1]]
    game = ml.NormalFormGame(a, b)
    eqs = solvers.nash_equilibria(game)
    assert eqs and all(exact_regret(game, *eq.exact) == 0 for eq in eqs)
    # the same game in a Fraction scaling gives the same answer
    scaled = ml.NormalFormGame([[Fraction(v, 3) for v in r] for r in a], b)
    assert [e.exact for e in solvers.nash_equilibria(scaled)] == [e.exact for e in eqs]
    wide = np.zeros((9, 9), dtype=object)
    wide[0, 0] = big
    wide[1, 1] = 1
    with pytest.raises(errors.SolverError, match="53 bits"):
        solvers.nash_equilibria(ml.NormalFormGame(wide, wide.T.copy()))


@pytest.mark.parametrize("seed", range(3))
def test_one_polytope_finds_what_both_do(seed, monkeypatch):
    # 11x9 and 9x11: the polytope of lower dimension is enumerated (players swapped)
    rng = np.random.default_rng(seed)
    for m, n in ((11, 9), (9, 11)):
        a, b = rng.random((2, m, n))
        game = ml.NormalFormGame(a, b)
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        fast = as_set(solvers.nash_equilibria(game))
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 12)
        assert fast == as_set(solvers.nash_equilibria(game))


# -- frozen peer answers (tests/data/peers/vertex_enumeration.json, pygambit exact) -----------
PEER = Path(__file__).parent / "data" / "peers" / "vertex_enumeration.json"


def peer_cases():
    return [pytest.param(c, id=c["name"]) for c in json.loads(PEER.read_text())["games"]]


@pytest.mark.parametrize("path", ["default", "reverse search"])
@pytest.mark.parametrize("case", peer_cases())
def test_same_exact_extreme_equilibria_as_pygambit(case, path, monkeypatch):
    # integer and degenerate games ({0..3}) of bench_nash.py --vertex: pygambit's exact lrs
    # enumeration and ours return the same extreme equilibria, exactly; "reverse search"
    # forces the reverse-search paths (degenerate games: lexicographic, both polytopes)
    if path == "reverse search":
        monkeypatch.setattr(solvers.two_player, "_QHULL_FAST_DIM", 0)
        monkeypatch.setattr(solvers.two_player, "_QHULL_MAX_DIM", 0)
    a, b = (np.array([[int(v) for v in row] for row in case[k]]) for k in ("A", "B"))
    ours = {tuple(map(tuple, e.exact)) for e in solvers.nash_equilibria(ml.NormalFormGame(a, b))}
    theirs = {tuple(tuple(Fraction(v) for v in s) for s in eq) for eq in case["enummixed_solve"]}
    assert ours == theirs


small_int_games = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(0, 2**32 - 1),
                            st.integers(1, 3)).map(
    lambda t: np.random.default_rng(t[2]).integers(0, t[3] + 1, (2, t[0], t[1])))


@settings(deadline=None, max_examples=40)
@given(small_int_games)
def test_lexicographic_reverse_search_agrees_with_qhull_on_degenerate_games(payoffs):
    # small integer ranges make most of these games degenerate
    game = ml.NormalFormGame(payoffs[0], payoffs[1])
    by_qhull = {e.exact for e in solvers.nash_equilibria(game)}
    old = solvers.two_player._QHULL_FAST_DIM, solvers.two_player._QHULL_MAX_DIM
    try:
        solvers.two_player._QHULL_FAST_DIM = solvers.two_player._QHULL_MAX_DIM = 0
        try:
            walked = {e.exact for e in solvers.nash_equilibria(game)}
        except errors.SolverError as err:  # integer games: the symbolic rule leaves no tie
            raise AssertionError("lexicographic reverse search refused an integer game") from err
    finally:
        solvers.two_player._QHULL_FAST_DIM, solvers.two_player._QHULL_MAX_DIM = old
    assert walked == by_qhull


# -- the lexicographic rule (degenerate games beyond qhull's 12 actions) ----------------------
def test_lexicographic_reverse_search_meets_every_vertex_of_a_degenerate_cube():
    # [0, 1]^d cut by the redundant sum(z) <= d, which touches the cube only at (1, ..., 1):
    # that vertex has d + 1 tight rows; every one of the 2^d vertices is met
    from multilateral.solvers._vertices import NotSimple, reverse_search

    d = 6
    g = np.vstack([-np.eye(d), np.eye(d), np.ones((1, d))])
    h = np.r_[np.zeros(d), np.ones(d), float(d)]
    with pytest.raises(NotSimple):
        list(reverse_search(g, h, np.arange(d), 10**6))
    points = set()
    for _bases, slack in reverse_search(g, h, np.arange(d), 10**6, lexicographic=True):
        assert np.all(slack >= 0.0)
        points |= {tuple(np.round(z, 9)) for z in slack[:, :d]}
    assert points == {tuple(float(c) for c in z) for z in np.ndindex(*(2,) * d)}


@pytest.mark.parametrize("seed", [0, 2])
def test_nearly_degenerate_13x13_finds_what_qhull_finds(seed, monkeypatch):
    # payoffs 1 + 1e-9 {0..9}: ties broken only by float rounding (~1e-8 of the payoff
    # range). The former fixed 1e-8 right-hand-side perturbation silently found 53 of the 57
    # equilibria of seed 0 and 26 of the 29 of seed 2 that qhull finds on both polytopes
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, 10, (2, 13, 13))
    game = ml.NormalFormGame(1 + 1e-9 * a, 1 + 1e-9 * b)
    walked = as_set(solvers.nash_equilibria(game))
    monkeypatch.setattr(solvers.two_player, "_QHULL_MAX_DIM", 13)
    assert walked == as_set(solvers.nash_equilibria(game))


def test_degenerate_integer_13x13_is_exact_and_matches_qhull(monkeypatch):
    # {0..3}: degenerate (81 extreme equilibria); the fixed perturbation refused this game
    a, b = np.random.default_rng(3).integers(0, 4, (2, 13, 13))
    game = ml.NormalFormGame(a, b)
    walked = solvers.nash_equilibria(game)
    assert len(walked) == 81 and all(exact_regret(game, *eq.exact) == 0 for eq in walked)
    monkeypatch.setattr(solvers.two_player, "_QHULL_MAX_DIM", 13)
    assert {e.exact for e in walked} == {e.exact for e in solvers.nash_equilibria(game)}
