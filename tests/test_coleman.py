"""Coleman's measures (issue 17): the power of a collectivity to act, and each member's power
to prevent and to initiate action, on every path the Banzhaf counts take."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.games import WeightedVotingGame, intersection, union
from multilateral.solvers import ColemanPower, PowerIndex, banzhaf, coleman, power
from multilateral.solvers.power import _threshold, _weighted


def brute(game):
    """``(|W|, eta)`` by listing every coalition (an independent count: sets, not tables)."""
    n = game.n_members
    win = game.winning_mask()
    winning = int(np.count_nonzero(win))
    eta = tuple(sum(1 for mask in range(1 << n)
                    if not mask >> i & 1 and not win[mask] and win[mask | 1 << i])
                for i in range(n))
    return winning, eta


def check_against(power, winning, eta, n):
    losing = (1 << n) - winning
    assert power.exact and power.winning == winning and power.error_bound is None
    assert power.act == Fraction(winning, 1 << n)
    assert power.prevent.values == tuple(Fraction(c, winning) for c in eta)
    assert power.initiate.values == tuple(Fraction(c, losing) for c in eta)
    assert power.prevent.counts == power.initiate.counts == eta


# -- closed forms -----------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 2, 3, 7, 12, 21, 40, 190])
def test_unanimity(n):
    # one coalition of 2**n wins; each member is in it and critical: a veto, 1/(2**n - 1)
    power = coleman(WeightedVotingGame([1] * n, n))
    assert power.exact and power.winning == 1
    assert power.act == Fraction(1, 2**n)
    assert set(power.prevent.values) == {Fraction(1)}
    assert set(power.initiate.values) == {Fraction(1, 2**n - 1)}


@pytest.mark.parametrize("n", [1, 3, 5, 9, 15, 21, 33, 101])
def test_simple_majority_of_an_odd_number(n):
    # a coalition wins iff its complement loses: half of all win; i swings exactly the
    # coalitions of the others with (n - 1) / 2 members
    power = coleman(WeightedVotingGame([1] * n, (n + 1) // 2))
    swing = Fraction(math.comb(n - 1, (n - 1) // 2), 2 ** (n - 1))
    assert power.act == Fraction(1, 2)
    assert set(power.prevent.values) == set(power.initiate.values) == {swing}


def test_dictator_and_dummies():
    power = coleman(WeightedVotingGame([5, 1, 1, 0], 5))
    assert power.act == Fraction(1, 2)
    assert power.prevent.values == power.initiate.values == (1, 0, 0, 0)


def test_security_council():
    # 848 winning coalitions of 2**15 (each permanent member's Banzhaf count is 848: it is
    # in every one of them), an elected member's count 84
    power = coleman(WeightedVotingGame([7] * 5 + [1] * 10, 39))
    assert power.winning == 848 and power.act == Fraction(848, 2**15)
    assert power.prevent["P1"] == 1 and power.prevent["P6"] == Fraction(84, 848)
    assert power.initiate["P1"] == Fraction(848, 2**15 - 848)
    assert power.initiate["P6"] == Fraction(84, 2**15 - 848)


# -- the relation to Banzhaf and the brute-force count ---------------------------------------
@settings(deadline=None)
@given(ml.strategies.weighted_voting_games(n=st.integers(1, 9), max_weight=12))
def test_weighted_games_match_brute_force_and_banzhaf(game):
    winning, eta = brute(game)
    power = coleman(game)
    check_against(power, winning, eta, game.n_members)
    bz = banzhaf(game)
    assert power.prevent.counts == bz.counts
    # prevent * act = initiate * (1 - act) = eta / 2**n = absolute Banzhaf / 2
    for p, i, b in zip(power.prevent.values, power.initiate.values, bz.values, strict=True):
        assert p * power.act == i * (1 - power.act) == b / 2


weights_with_zeros = st.lists(st.integers(0, 40), min_size=2, max_size=13).filter(any)


@settings(deadline=None)
@given(weights_with_zeros, st.data())
def test_weight_table_counts_the_winning_coalitions(weights, data):
    # the table of the dynamic program, both windows (primal: q <= W / 2; dual: above), in
    # exact integers and in floats within the stated bounds
    q = data.draw(st.integers(1, sum(weights)))
    game = WeightedVotingGame(weights, q)
    ints = [w for w in weights if w]
    swings, winning = _weighted.swing_counts(ints, q)
    assert swings == _weighted.banzhaf_exact(ints, q)
    zero = len(weights) - len(ints)
    assert winning << zero == int(np.count_nonzero(game.winning_mask()))
    values, bounds, (win, win_bound, lose, lose_bound) = _weighted.swing_probabilities(ints, q)
    assert (values, bounds) == _weighted.banzhaf_float(ints, q)
    exact_win = Fraction(winning, 1 << len(ints))
    assert abs(Fraction(win) - exact_win) <= Fraction(win_bound)
    assert abs(Fraction(lose) - (1 - exact_win)) <= Fraction(lose_bound)


def test_large_weighted_game_exact_float_and_enumeration_agree(monkeypatch):
    rng = np.random.default_rng(3)
    weights = [int(w) for w in rng.integers(0, 30, 60)]
    for q in (sum(weights) // 3, sum(weights) // 2 + 1, sum(weights) * 4 // 5):
        game = WeightedVotingGame(weights, q)
        exact, floats = coleman(game, exact=True), coleman(game, exact=False)
        assert exact.exact and not floats.exact
        assert abs(Fraction(floats.act) - exact.act) <= Fraction(floats.error_bound)
        for e, f in ((exact.prevent, floats.prevent), (exact.initiate, floats.initiate)):
            assert max(abs(Fraction(x) - y) for x, y in zip(f.values, e.values,
                                                             strict=True)) <= Fraction(
                f.error_bound)
        assert exact.prevent.counts == banzhaf(game).counts


def test_float_falls_back_to_exact_counts_when_the_bounds_say_nothing(monkeypatch):
    # a quota three votes below the total: about 1e-16 of the coalitions win, below what the
    # float table's bounds can resolve, so the counts are exact and then rounded
    rng = np.random.default_rng(3)
    weights = [int(w) for w in rng.integers(0, 30, 60)]
    game = WeightedVotingGame(weights, sum(weights) - 3)
    counted = []
    exact_counts = power.indices.swing_counts
    monkeypatch.setattr(power.indices, "swing_counts",
                        lambda *a: counted.append(a) or exact_counts(*a))
    floats = coleman(game, exact=False)
    assert counted and not floats.exact and floats.winning is None
    exact = coleman(game, exact=True)
    assert 0 < exact.act < Fraction(1, 10**15)
    assert abs(Fraction(floats.act) - exact.act) <= Fraction(floats.error_bound)
    for e, f in ((exact.prevent, floats.prevent), (exact.initiate, floats.initiate)):
        assert max(abs(Fraction(x) - y) for x, y in zip(f.values, e.values,
                                                         strict=True)) <= Fraction(
            f.error_bound)


@settings(deadline=None, max_examples=40)
@given(st.data())
def test_size_threshold_games_in_two_halves_and_by_table(data):
    # double majorities and the like: the counts in two halves and by the weight table
    # (either side) against the enumeration
    n = data.draw(st.integers(1, 9))
    weights = data.draw(st.lists(st.integers(0, 30), min_size=n, max_size=n).filter(any))
    people = WeightedVotingGame(weights, data.draw(st.integers(1, sum(weights))))
    states = WeightedVotingGame([1] * n, data.draw(st.integers(1, n)))
    game = intersection(people, states) if data.draw(st.booleans()) else union(people, states)
    form = _threshold.size_threshold(game)
    winning, eta = brute(game)
    assert _threshold.winning_by_pairs(form) == winning
    assert _threshold.winning_by_table(form, "primal") == winning
    assert _threshold.winning_by_table(form, "dual") == winning
    check_against(coleman(game), winning, eta, n)  # enumeration (at most 9 members)


def test_eu_style_double_majority_of_27_counted_in_two_halves():
    rng = np.random.default_rng(5)
    pop = [int(x) for x in rng.integers(500_000, 80_000_000, 27)]
    game = intersection(WeightedVotingGame([1] * 27, 15),
                        WeightedVotingGame(pop, Fraction(65, 100) * sum(pop)))
    power = coleman(game)
    # 2**27 coalitions are too many to list here (and the weights too large for a table):
    # the identities, and the counts in two halves checked against the enumeration above
    assert power.exact and 0 < power.act < Fraction(1, 2)
    assert power.prevent.counts == banzhaf(game).counts
    form = _threshold.size_threshold(game)
    assert _threshold.winning_by_pairs(form) == power.winning
    order = np.argsort(pop, kind="stable")  # more population, at least as much power
    assert np.all(np.diff(power.prevent.as_float()[order]) >= 0)


def test_double_majority_of_200_members_by_the_weight_table():
    # beyond 32 members a size-threshold game is counted by the packed weight table; a
    # double majority whose member count never binds is the weighted game itself
    rng = np.random.default_rng(11)
    weights = [int(w) for w in rng.integers(1, 12, 200)]
    people = WeightedVotingGame(weights, Fraction(65, 100) * sum(weights))
    loose = intersection(WeightedVotingGame([1] * 200, 1), people)
    assert coleman(loose).winning == coleman(people).winning
    assert coleman(loose).prevent.values == coleman(people).prevent.values
    strict = intersection(WeightedVotingGame([1] * 200, 120), people)
    tight = coleman(strict)
    assert tight.exact and tight.winning < coleman(people).winning  # a stricter rule
    form = _threshold.size_threshold(strict)
    assert _threshold.winning_by_table(form, "primal") == tight.winning
    assert _threshold.winning_by_table(form, "dual") == tight.winning


# -- properties --------------------------------------------------------------------------------
@settings(deadline=None)
@given(ml.strategies.weighted_voting_games(n=st.integers(1, 10), max_weight=20), st.data())
def test_properties(game, data):
    power = coleman(game)
    assert 0 < power.act < 1   # the grand coalition wins, the empty one loses
    vetoes = set(game.veto_players)
    for member, p, i in zip(game.members, power.prevent.values, power.initiate.values,
                            strict=True):
        assert 0 <= p <= 1 and 0 <= i <= 1
        assert (p == 1) == (member in vetoes)   # power to prevent 1: a veto
        # power to initiate 1: every losing coalition wins with it, i.e. it wins alone
        assert (i == 1) == game.is_winning([member])
    # a higher quota: fewer winning coalitions, so less power to act
    higher = WeightedVotingGame(game.weights, data.draw(st.integers(
        math.ceil(game.quota), int(game.total))))
    assert coleman(higher).act <= power.act


def test_result_objects():
    power = coleman(WeightedVotingGame([3, 2, 2], 5, members=["A", "B", "C"]))
    assert isinstance(power, ColemanPower) and isinstance(power.prevent, PowerIndex)
    assert power.prevent.name == "coleman_prevent" and power.initiate.name == "coleman_initiate"
    assert power.prevent.heading == "Coleman (to prevent)"
    assert repr(power) == ("ColemanPower(act=3/8; prevent: A=1, B=1/3, C=1/3; initiate: "
                           "A=3/5, B=1/5, C=1/5)")
    floats = coleman(WeightedVotingGame([3, 2, 2], 5), exact=False)
    assert not floats.exact and floats.act == 0.375 and floats.winning is None
    assert "+-" in repr(floats)
    with pytest.raises(errors.InvalidTypeError, match="error_bound"):
        ColemanPower(power.members, 0.5, power.prevent, power.initiate, False)


# -- the IMF: what Banzhaf costs ----------------------------------------------------------------
def test_imf_at_its_special_majorities():
    from multilateral.cases import imf

    acts = []
    for majority in ("simple", Fraction(70, 100), Fraction(85, 100)):
        game = imf.voting_game(majority)
        power = coleman(game)
        acts.append(power.act)
        us = power.prevent["United States"]
        assert (us == 1) == ("United States" in game.veto_players)
        if majority != Fraction(85, 100):   # there both count exactly: seconds each
            # prevent_i = absolute Banzhaf / (2 act), within the bounds of both
            bz = banzhaf(game)
            assert abs(us - bz["United States"] / (2 * power.act)) <= 1e-6 * us
    assert acts[0] > acts[1] > acts[2] > 0   # supermajorities limit the power to act


@pytest.mark.parametrize("call, error, says", [
    (lambda: coleman([3, 2, 2]), errors.InvalidTypeError, "simple game"),
    (lambda: coleman(WeightedVotingGame([3, 2, 2], 5), exact="yes"), errors.InvalidTypeError,
     "exact must be"),
])
def test_bad_inputs(call, error, says):
    with pytest.raises(error, match=says):
        call()
