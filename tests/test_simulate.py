"""The vectorized match and tournament simulator against exact expectations."""

from fractions import Fraction
from typing import ClassVar

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import errors
from multilateral import strategies as mst

sim = ml.simulate
PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
C, D = 0, 1


def play(row, col, turns=200, **kw):
    return sim.play_matches(PD, row, col, turns=turns, **kw)


# -- deterministic matches: known scores -----------------------------------------------------------
class TestDeterministic:
    def test_tft_against_alld(self):
        m = play(A.tit_for_tat(), A.always_defect())
        assert m.scores.tolist() == [[199.0, 204.0]]  # S once, then P; T once, then P
        assert m.actions.shape == (1, 200, 2) and m.payoffs.shape == (1, 200, 2)
        assert m.actions[0, :3].tolist() == [[C, D], [D, D], [D, D]]
        assert m.cooperation_rate.tolist() == [1 / 200, 0.0]
        assert np.allclose(m.mean_payoff, [199 / 200, 204 / 200])

    def test_tft_pair_cooperates(self):
        m = play(A.tit_for_tat(), A.tit_for_tat(), repetitions=3)
        assert m.scores.tolist() == [[600.0, 600.0]] * 3
        assert np.all(m.payoffs == 3) and m.cooperation_rate.tolist() == [1.0, 1.0]

    def test_alternator_patterns(self):
        m = play(A.alternator(), A.always_cooperate(), turns=6)
        assert m.actions[0, :, 0].tolist() == [C, D, C, D, C, D]
        assert m.scores.tolist() == [[3 * 3 + 3 * 5, 3 * 3 + 3 * 0]]
        m = play(A.alternator(), A.tit_for_tat(), turns=5)
        assert m.actions[0].tolist() == [[C, C], [D, C], [C, D], [D, C], [C, D]]

    def test_wsls_against_alld_alternates(self):
        m = play(A.win_stay_lose_shift(), A.always_defect())
        assert m.actions[0, :4, 0].tolist() == [C, D, C, D]
        assert m.scores.tolist() == [[100.0, 600.0]]

    def test_suspicious_tft_against_tft_echoes(self):
        m = play(A.suspicious_tit_for_tat(), A.tit_for_tat(), turns=4)
        assert m.actions[0].tolist() == [[D, C], [C, D], [D, C], [C, D]]

    def test_noise_one_flips_every_action(self):
        m = play(A.always_cooperate(), A.always_defect(), turns=3, noise=1)
        assert m.actions[0].tolist() == [[D, C]] * 3

    def test_repr(self):
        m = play(A.tit_for_tat(), A.always_defect())
        assert repr(m) == ("MatchResult('Tit for Tat' vs 'Always Defect', turns=200, "
                           "repetitions=1, mean_payoff=(0.995, 1.02))")

    def test_rectangular_stage(self):
        # the row player has three actions, the column player two
        stage = ml.NormalFormGame(np.arange(6).reshape(3, 2), -np.arange(6).reshape(3, 2))
        row = ml.automata.Automaton([0, 1, 2], [[[(a + o + 1) % 3 for o in range(2)]
                                                 for a in range(3)]] * 3)
        col = ml.automata.Automaton([0, 1], [[[1 if o == 2 else 0 for o in range(3)]
                                              for _a in range(2)]] * 2)
        m = sim.play_matches(stage, row, col, turns=4)
        assert m.actions[0].tolist() == [[0, 0], [1, 0], [2, 0], [0, 1]]
        assert m.payoffs[0, :, 0].tolist() == [0, 2, 4, 1]


LIBRARY = [A.always_cooperate(), A.always_defect(), A.tit_for_tat(), A.suspicious_tit_for_tat(),
           A.grim_trigger(), A.win_stay_lose_shift(), A.tit_for_two_tats(),
           A.k_period_punishment(1), A.k_period_punishment(3), A.contrite_tit_for_tat(),
           A.alternator()]


@given(mst.prisoners_dilemmas(), st.sampled_from(LIBRARY), st.sampled_from(LIBRARY),
       st.integers(1, 40))
def test_deterministic_scores_are_the_exact_expectation(pd, row, col, turns):
    m = sim.play_matches(pd, row, col, turns=turns)
    exact = sim.expected_payoffs_by_turn(pd, row, col, turns=turns)
    assert exact.dtype == object
    assert m.payoffs[0].tolist() == exact.tolist()
    assert m.scores[0].tolist() == exact.sum(axis=0).tolist()


# -- seeds ----------------------------------------------------------------------------------------
class TestSeeds:
    def test_same_seed_same_matches(self):
        a = play(A.generous_tit_for_tat(), A.random_player(), repetitions=20, noise=0.1, seed=7)
        b = play(A.generous_tit_for_tat(), A.random_player(), repetitions=20, noise=0.1, seed=7)
        assert np.array_equal(a.actions, b.actions)

    def test_different_seeds_differ(self):
        a = play(A.grim_trigger(), A.random_player(), repetitions=5, seed=1)
        b = play(A.grim_trigger(), A.random_player(), repetitions=5, seed=2)
        assert not np.array_equal(a.actions, b.actions)

    def test_generator_accepted(self):
        a = play(A.random_player(), A.random_player(), seed=np.random.default_rng(3))
        b = play(A.random_player(), A.random_player(), seed=3)
        assert np.array_equal(a.actions, b.actions)

    def test_tournament_seeded(self):
        players = [A.random_player(), A.generous_tit_for_tat(), A.tit_for_tat()]
        a = sim.round_robin(PD, players, turns=20, repetitions=3, noise=0.05, seed=11)
        b = sim.round_robin(PD, players, turns=20, repetitions=3, noise=0.05, seed=11)
        c = sim.round_robin(PD, players, turns=20, repetitions=3, noise=0.05, seed=12)
        assert np.array_equal(a.match_scores, b.match_scores)
        assert not np.array_equal(a.match_scores, c.match_scores)


# -- statistical agreement with the exact expectation ---------------------------------------------
def assert_agrees(stage, row, col, *, turns, repetitions, seed, noise=0, monitoring_error=0,
                  z=5.0):
    m = sim.play_matches(stage, row, col, turns=turns, repetitions=repetitions, noise=noise,
                         monitoring_error=monitoring_error, seed=seed)
    exact = sim.expected_payoffs_by_turn(stage, row, col, turns=turns, noise=noise,
                                         monitoring_error=monitoring_error).astype(float)
    mean = m.payoffs.mean(axis=0)
    se = m.payoffs.std(axis=0, ddof=1) / np.sqrt(repetitions)
    # a round with no spread in the sample must be (almost) certain in the expectation too
    z_scores = np.abs(mean - exact) / (se + 1e-12)
    assert np.all(np.abs(mean - exact) <= z * se + 1e-9), z_scores.max()
    total_se = m.scores.std(axis=0, ddof=1) / np.sqrt(repetitions)
    assert np.all(np.abs(m.scores.mean(axis=0) - exact.sum(axis=0)) <= z * total_se + 1e-9)


@pytest.mark.parametrize(
    ("row", "col", "noise", "monitoring_error"),
    [
        (A.generous_tit_for_tat(), A.always_defect(), 0, 0),
        (A.generous_tit_for_tat(), A.random_player(Fraction(1, 4)), 0, 0),
        (A.grim_trigger(), A.grim_trigger(), Fraction(1, 20), 0),
        (A.win_stay_lose_shift(), A.random_player(), 0.1, 0),
        (A.contrite_tit_for_tat(), A.tit_for_tat(), 0, Fraction(1, 10)),
        (A.k_period_punishment(2), A.generous_tit_for_tat(), 0.05, 0.05),
        (A.tit_for_two_tats(), A.alternator(), 0.2, 0.1),
    ],
    ids=["gtft-alld", "gtft-random", "grim-noise", "wsls-random-noise", "ctft-monitoring",
         "kpp-gtft-both", "tf2t-alt-both"],
)
def test_simulation_agrees_with_exact_expectation(row, col, noise, monitoring_error):
    assert_agrees(PD, row, col, turns=30, repetitions=4000, seed=20240601, noise=noise,
                  monitoring_error=monitoring_error)


def test_three_action_noise_is_uniform_over_other_actions():
    rng = np.random.default_rng(0)
    stage = ml.NormalFormGame(rng.integers(-5, 6, size=(3, 2)), rng.integers(-5, 6, size=(3, 2)))
    half = [Fraction(1, 2), Fraction(1, 2)]
    row = ml.automata.Automaton([0, 1, 2], [[[(a + o) % 3 for o in range(2)]
                                             for a in range(3)]] * 3, initial=2)
    col = ml.automata.Automaton([0, 1], [[[1 if o == 2 else half for o in range(3)]
                                          for _ in range(2)]] * 2)
    assert_agrees(stage, row, col, turns=20, repetitions=4000, seed=5, noise=0.3,
                  monitoring_error=0.1)


def test_tournament_agrees_with_exact_expectation():
    players = {"GTFT": A.generous_tit_for_tat(), "Grim": A.grim_trigger(),
               "WSLS": A.win_stay_lose_shift()}
    t = sim.round_robin(PD, players, turns=25, repetitions=3000, noise=0.05, seed=3)
    auts = list(players.values())
    for i, a in enumerate(auts):
        for j, b in enumerate(auts):
            if i == j:
                continue
            exact = sim.expected_payoffs_by_turn(PD, a, b, turns=25, noise=0.05).sum(axis=0)[0]
            se = t.match_scores[i, j].std(ddof=1) / np.sqrt(3000)
            assert abs(t.scores[i, j] - exact) <= 5 * se


# -- the exact expectation against the linear-system values ---------------------------------------
@pytest.mark.parametrize(
    ("profile", "noise", "monitoring_error"),
    [
        ((A.tit_for_tat(), A.always_defect()), 0, 0),
        ((A.grim_trigger(), A.tit_for_tat()), Fraction(1, 20), Fraction(1, 10)),
        ((A.win_stay_lose_shift(), A.random_player()), 0, 0),
        ((A.contrite_tit_for_tat(), A.tit_for_two_tats()), Fraction(1, 10), 0),
        ((A.k_period_punishment(2), A.alternator()), 0, Fraction(1, 4)),
    ],
)
def test_discounted_sum_converges_to_profile_values(profile, noise, monitoring_error):
    delta = Fraction(4, 5)
    turns = 150
    exact = sim.expected_payoffs_by_turn(PD, *profile, turns=turns, noise=noise,
                                         monitoring_error=monitoring_error)
    weights = np.array([(1 - delta) * delta**t for t in range(turns)], dtype=object)
    truncated = weights @ exact
    values = ml.solvers.profile_values(
        ml.RepeatedGame(PD, delta, noise=noise, monitoring_error=monitoring_error), profile)
    assert values.exact is not None
    tail = delta**turns * 5  # the rounds left out are worth at most delta^T * max |u|
    assert all(abs(v - s) <= tail for v, s in zip(values.exact, truncated, strict=True))


def test_discounted_sum_float_automata():
    profile = (A.generous_tit_for_tat(), A.grim_trigger())
    exact = sim.expected_payoffs_by_turn(PD, *profile, turns=400, noise=0.05)
    assert exact.dtype == np.float64
    delta = 0.9
    truncated = ((1 - delta) * delta ** np.arange(400)) @ exact
    values = ml.solvers.profile_values(ml.RepeatedGame(PD, delta, noise=0.05), profile)
    assert np.allclose(truncated, values.values, atol=1e-12)


def test_simulated_discounted_values_agree_with_profile_values():
    delta, turns, reps = 0.8, 60, 4000
    profile = (A.win_stay_lose_shift(), A.generous_tit_for_tat())
    m = sim.play_matches(PD, *profile, turns=turns, repetitions=reps, noise=0.05, seed=9)
    discounted = m.payoffs.transpose(0, 2, 1) @ ((1 - delta) * delta ** np.arange(turns))
    values = ml.solvers.profile_values(ml.RepeatedGame(PD, delta, noise=0.05), profile).values
    se = discounted.std(axis=0, ddof=1) / np.sqrt(reps)
    assert np.all(np.abs(discounted.mean(axis=0) - values) <= 5 * se + 5 * delta**turns)


def test_undiscounted_means_converge_for_ergodic_pair():
    # noisy TFT pair: the long-run mean is the stationary distribution's expected payoff
    exact = sim.expected_payoffs_by_turn(PD, A.tit_for_tat(), A.tit_for_tat(), turns=300,
                                         noise=0.1)
    assert np.allclose(exact[-1], exact[-2]) and np.allclose(exact[-1], (9 / 4, 9 / 4))


# -- tournaments ----------------------------------------------------------------------------------
class TestRoundRobin:
    players: ClassVar = {"TFT": A.tit_for_tat(), "ALLD": A.always_defect(),
                         "ALLC": A.always_cooperate(), "Alt": A.alternator()}

    def test_deterministic_scores(self):
        t = sim.round_robin(PD, self.players, turns=200, repetitions=4)
        assert t.names == ("TFT", "ALLD", "ALLC", "Alt")
        assert t.match_scores.shape == (4, 4, 4)
        assert t.scores[0, 1] == 199 and t.scores[1, 0] == 204
        assert t.scores[0, 0] == 600 and t.scores[2, 1] == 0 and t.scores[1, 2] == 1000
        auts = list(self.players.values())
        for i in range(4):
            for j in range(4):
                m = play(auts[i], auts[j])
                assert t.scores[i, j] == m.scores[0, 0]
        assert t.ranking[0] == "ALLD"
        assert t.cooperation[0, 1] == 1 / 200 and t.cooperation[2, 2] == 1.0
        assert np.allclose(t.payoff_matrix, t.scores / 200)
        # self-play does not count in the mean scores
        assert np.isclose(t.mean_scores[0], (199 + 600 + t.scores[0, 3]) / 3 / 200)
        assert repr(t) == "TournamentResult(4 players, turns=200, repetitions=4, winner='ALLD')"

    def test_without_self_play(self):
        t = sim.round_robin(PD, self.players, turns=10, repetitions=2, self_play=False)
        assert np.all(np.isnan(np.diagonal(t.match_scores)))
        assert np.all(np.isnan(np.diagonal(t.cooperation)))
        assert not np.any(np.isnan(t.mean_scores))

    def test_sequence_names_numbered_when_repeated(self):
        t = sim.round_robin(PD, [A.tit_for_tat(), A.tit_for_tat(), A.always_defect()], turns=5,
                            repetitions=1)
        assert t.names == ("Tit for Tat #1", "Tit for Tat #2", "Always Defect")

    def test_to_frame(self):
        pytest.importorskip("pandas")
        t = sim.round_robin(PD, self.players, turns=10, repetitions=2, seed=0)
        frame = t.to_frame()
        assert len(frame) == 16
        row = frame[(frame.player == "TFT") & (frame.opponent == "ALLD")].iloc[0]
        assert row.mean_score == 9 and row.cooperation_rate == 0.1

    def test_random_players_vary_across_repetitions(self):
        t = sim.round_robin(PD, [A.random_player(), A.tit_for_tat()], turns=50, repetitions=5,
                            seed=1)
        assert np.unique(t.match_scores[0, 1]).size > 1


# -- bad inputs -----------------------------------------------------------------------------------
class TestBadInputs:
    def test_turns_and_repetitions(self):
        for bad in (0, -3):
            with pytest.raises(errors.InvalidArgumentError, match="turns"):
                play(A.tit_for_tat(), A.tit_for_tat(), turns=bad)
            with pytest.raises(errors.InvalidArgumentError, match="repetitions"):
                play(A.tit_for_tat(), A.tit_for_tat(), repetitions=bad)
        for bad in (1.5, True, "10"):
            with pytest.raises(errors.InvalidTypeError, match="turns"):
                play(A.tit_for_tat(), A.tit_for_tat(), turns=bad)
        with pytest.raises(errors.InvalidArgumentError, match="turns"):
            sim.expected_payoffs_by_turn(PD, A.tit_for_tat(), A.tit_for_tat(), turns=0)

    def test_error_rates(self):
        for kw in ({"noise": 1.5}, {"noise": -0.1}, {"monitoring_error": 2},
                   {"noise": float("nan")}, {"noise": "0.1"}):
            with pytest.raises(errors.InvalidProbabilityError):
                play(A.tit_for_tat(), A.tit_for_tat(), **kw)
            with pytest.raises(errors.InvalidProbabilityError):
                sim.round_robin(PD, [A.tit_for_tat(), A.always_defect()], **kw)

    def test_players(self):
        with pytest.raises(errors.InvalidTypeError, match="Automaton"):
            play(A.tit_for_tat(), "TFT")
        with pytest.raises(errors.InvalidTypeError, match="Automaton"):
            sim.round_robin(PD, [A.tit_for_tat(), 3])
        with pytest.raises(errors.InvalidTypeError, match="Automaton"):
            sim.round_robin(PD, {"a": A.tit_for_tat(), "b": None})
        with pytest.raises(errors.InvalidTypeError, match="mapping"):
            sim.round_robin(PD, A.tit_for_tat())
        with pytest.raises(errors.InvalidArgumentError, match="at least two"):
            sim.round_robin(PD, [A.tit_for_tat()])
        with pytest.raises(errors.InvalidTypeError, match="self_play"):
            sim.round_robin(PD, [A.tit_for_tat(), A.tit_for_tat()], self_play=1)

    def test_automaton_for_another_game(self):
        three = ml.automata.Automaton([0, 2], [[[0, 1]] * 3] * 2)
        with pytest.raises(errors.InvalidArgumentError, match="3 own actions"):
            play(three, A.tit_for_tat())
        with pytest.raises(errors.InvalidArgumentError, match="3 own actions"):
            sim.round_robin(PD, [three, A.tit_for_tat()])
        with pytest.raises(errors.InvalidArgumentError, match="3 own actions"):
            sim.expected_payoffs_by_turn(PD, A.tit_for_tat(), three, turns=3)

    def test_stage_games(self):
        with pytest.raises(errors.InvalidTypeError, match="NormalFormGame"):
            sim.play_matches([[1, 2], [3, 4]], A.tit_for_tat(), A.tit_for_tat(), turns=3)
        three_players = ml.NormalFormGame(np.zeros((2, 2, 2, 3)))
        with pytest.raises(errors.InvalidGameError, match="two-player"):
            sim.play_matches(three_players, A.tit_for_tat(), A.tit_for_tat(), turns=3)
        asymmetric = ml.TwoByTwo([[3, 0], [5, 1]], [[1, 2], [3, 4]])
        with pytest.raises(errors.InvalidGameError, match="symmetric"):
            sim.round_robin(asymmetric, [A.tit_for_tat(), A.always_defect()])
        one_action = ml.NormalFormGame(np.zeros((1, 1, 2)))
        alone = ml.automata.Automaton([0], [[[0]]])
        with pytest.raises(errors.InvalidArgumentError, match="two actions"):
            sim.play_matches(one_action, alone, alone, turns=2, noise=0.1)

    def test_seed(self):
        with pytest.raises(errors.InvalidArgumentError, match="seed"):
            play(A.tit_for_tat(), A.tit_for_tat(), seed=-1)
        with pytest.raises(errors.InvalidTypeError, match="seed"):
            play(A.tit_for_tat(), A.tit_for_tat(), seed=True)
