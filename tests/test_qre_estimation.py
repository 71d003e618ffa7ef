"""Maximum-likelihood logit QRE (multilateral.estimation.fit_qre).

Checks: McKelvey and Palfrey's (1995) fit to Ochs's asymmetric matching pennies as Gambit's
documentation replicates it; pygambit 16.7's ``logit_estimate`` on the same data (frozen in
tests/data/peers/qre.json); recovery of a known ``lam`` from simulated data, with the
coverage of the 95% interval over 200 seeds; the standard error against a finite-difference
curvature of the log-likelihood computed independently; bad input.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import multilateral as ml
from multilateral import errors
from multilateral.estimation import FitResult, fit_qre

PEERS = Path(__file__).resolve().parent / "data" / "peers" / "qre.json"
# McKelvey and Palfrey (1995) scale Ochs's (1995) game by each player's exchange rate (1982
# US cents); 128 choices per player, first actions at frequencies 0.527 and 0.366.
OCHS = ml.NormalFormGame([[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]])
OCHS_COUNTS = [[128 * 0.527, 128 * (1 - 0.527)], [128 * 0.366, 128 * (1 - 0.366)]]


def _peers() -> dict:  # type: ignore[type-arg]
    return json.loads(PEERS.read_text())


def test_ochs_fit_reproduces_the_published_values() -> None:
    """Gambit's documentation: lambda 1.8456, log-likelihood -174.7645 (pygambit 16.7 on the
    same data: 1.845610, -174.764532), replicating McKelvey and Palfrey (1995)."""
    fit = fit_qre(OCHS, OCHS_COUNTS)
    assert isinstance(fit, FitResult)
    assert float(fit.params[0]) == pytest.approx(1.8456, abs=5e-5)
    assert fit.loglik == pytest.approx(-174.7645, abs=5e-5)
    qre = ml.solvers.logit_qre(OCHS, float(fit.params[0]))
    assert qre.strategies[0][0] == pytest.approx(0.6157, abs=1e-4)
    assert qre.strategies[1][0] == pytest.approx(0.3833, abs=1e-4)
    assert fit.n_obs == 256 and fit.names == ("lam",)
    joint = fit.predict()
    assert joint.shape == (1, 4) and joint.sum() == pytest.approx(1.0)
    assert joint[0, 0] == pytest.approx(qre.strategies[0][0] * qre.strategies[1][0])


def test_standard_error_is_the_curvature() -> None:
    """1 / sqrt(-L''(lam)) by a central difference of the log-likelihood, each point a fresh
    logit_qre (not the fit's branch)."""
    fit = fit_qre(OCHS, OCHS_COUNTS)
    lam, h = float(fit.params[0]), 1e-3

    def loglik(x: float) -> float:
        q = ml.solvers.logit_qre(OCHS, x, tol=1e-13)
        return sum(float(np.dot(c, np.log(s))) for c, s in zip(OCHS_COUNTS, q.strategies,
                                                                strict=True))
    second = (loglik(lam + h) - 2 * loglik(lam) + loglik(lam - h)) / h**2
    assert float(fit.std_errors[0]) == pytest.approx(1 / np.sqrt(-second), rel=1e-4)


def test_agrees_with_pygambit_logit_estimate() -> None:
    for case in _peers()["fits"]:
        game = ml.NormalFormGame(np.asarray(case["payoffs"], dtype=float))
        fit = fit_qre(game, case["counts"])
        assert float(fit.params[0]) == pytest.approx(case["lam"], abs=1e-5), case["name"]
        assert fit.loglik == pytest.approx(case["log_like"], abs=1e-6), case["name"]
        qre = ml.solvers.logit_qre(game, float(fit.params[0]))
        for s, t in zip(qre.strategies, case["profile"], strict=True):
            assert np.allclose(s, t, atol=1e-6), case["name"]


def test_recovers_lam_with_95_percent_coverage() -> None:
    """Counts simulated from the QRE at lam = 3 of a 3x3 game (400 choices per player),
    200 seeds: the 95% interval covers the truth in between 90% and 99% of them (0.94), and
    the estimates centre on it. (At 100 choices per player the coverage is 0.905: the
    curvature's standard error, 0.55 on average, understates the estimates' spread, 0.63,
    in small samples.)"""
    game = ml.NormalFormGame(np.random.default_rng(14).random((3, 3, 2)))
    branch = ml.solvers.qre_branch(game)
    truth = ml.solvers.logit_qre(game, 3.0).strategies
    covered, estimates = 0, []
    for seed in range(200):
        rng = np.random.default_rng(seed)
        counts = [rng.multinomial(400, s / s.sum()) for s in truth]
        fit = fit_qre(game, counts, branch=branch)
        lo, hi = fit.conf_int(0.95)[0]
        covered += int(lo <= 3.0 <= hi)
        estimates.append(float(fit.params[0]))
    assert 0.9 <= covered / 200 <= 0.99
    assert abs(np.median(estimates) - 3.0) < 0.1


@pytest.mark.parametrize(("call", "error", "says"), [
    (lambda: fit_qre(OCHS, [[1, 2, 3], [1, 2]]), errors.InvalidArgumentError,
     "must have 2 entries"),
    (lambda: fit_qre(OCHS, [[1, -2], [1, 2]]), errors.InvalidArgumentError, ">= 0"),
    (lambda: fit_qre(OCHS, [[1, 2]]), errors.InvalidArgumentError, "one vector per player"),
    (lambda: fit_qre(OCHS, [[0, 0], [0, 0]]), errors.InvalidArgumentError, "all zero"),
    (lambda: fit_qre(OCHS, 5), errors.InvalidTypeError, "one vector of choice counts"),
    (lambda: fit_qre([[1, 0], [0, 1]], OCHS_COUNTS), errors.InvalidTypeError,
     "NormalFormGame"),
    (lambda: fit_qre(OCHS, OCHS_COUNTS, branch=ml.solvers.qre_branch(
        ml.NormalFormGame([[1, 0], [0, 1]], [[0, 1], [1, 0]]))), errors.InvalidArgumentError,
     "branch must be"),
])
def test_bad_input(call, error, says) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=says):
        call()


def test_lam_on_the_boundary_is_not_identified() -> None:
    """Choices that follow the anti-equilibrium (the row's worse action, the column's too)
    are best fitted by uniform play: lam = 0 on the boundary, no standard error."""
    game = ml.NormalFormGame([[3, 0], [0, 1]], [[3, 0], [0, 1]])
    with pytest.raises(errors.NotIdentifiedError, match="lam = 0"):
        fit_qre(game, [[10, 90], [10, 90]])


def test_data_at_a_strict_equilibrium_are_not_identified() -> None:
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    with pytest.raises(errors.NotIdentifiedError, match="not identified"):
        fit_qre(pd, [[0, 50], [0, 50]])


# -- the agent QRE of an extensive-form game ---------------------------------------------------
def _beer_quiche() -> ml.ExtensiveFormGame:
    from multilateral.games.extensive import Chance, Decision, Outcome

    def sender(kind: str, bd: list[int], bn: list[int], qd: list[int], qn: list[int]
               ) -> Decision:
        return Decision("Sender", {
            "B": Decision("Receiver", {"D": Outcome(bd), "N": Outcome(bn)}, infoset="after B"),
            "Q": Decision("Receiver", {"D": Outcome(qd), "N": Outcome(qn)}, infoset="after Q"),
        }, infoset=kind)
    return ml.ExtensiveFormGame(Chance({
        "weak": (Fraction(1, 10), sender("w", [0, 1], [2, 0], [1, 1], [3, 0])),
        "strong": (Fraction(9, 10), sender("s", [1, 0], [3, 1], [0, 0], [2, 1]))}),
        players=["Sender", "Receiver"])


def _plays(game: ml.ExtensiveFormGame, behaviour: tuple[np.ndarray, ...], n: int,
           rng: np.random.Generator) -> list[np.ndarray]:
    """Counts per information set from ``n`` plays of the beer-quiche tree (type by chance,
    then the sender's breakfast, then the receiver's reply to it)."""
    counts = [np.zeros(2) for _ in range(4)]
    for _ in range(n):
        kind = 0 if rng.random() < 0.1 else 1  # weak, strong: information sets 0, 1
        message = int(rng.random() >= behaviour[kind][0])  # 0 beer, 1 quiche
        counts[kind][message] += 1
        reply = int(rng.random() >= behaviour[2 + message][0])
        counts[2 + message][reply] += 1
    return counts


def test_agent_fit_recovers_lam() -> None:
    """Counts from 300 simulated plays at lam = 2: the 95% intervals cover the truth in
    between 85% and 100% of 60 seeds (a smaller check than the normal form's), and each fit
    is the maximum of the log-likelihood along logit_qre (checked against pygambit's agent
    logit in tests/test_qre_agent.py)."""
    game = _beer_quiche()
    branch = ml.solvers.qre_branch(game)
    truth = ml.solvers.logit_qre(game, 2.0).strategies
    covered = 0
    for seed in range(60):
        counts = _plays(game, truth, 300, np.random.default_rng(seed))
        fit = fit_qre(game, counts, branch=branch)
        lo, hi = fit.conf_int(0.95)[0]
        covered += int(lo <= 2.0 <= hi)
    assert 0.85 <= covered / 60 <= 1.0
    lam = float(fit.params[0])

    def loglik(x: float) -> float:
        q = ml.solvers.logit_qre(game, x)
        return sum(float(np.dot(c, np.log(s))) for c, s in zip(counts, q.strategies,
                                                                strict=True))
    assert fit.loglik == pytest.approx(loglik(lam), abs=1e-6)
    assert all(loglik(lam + d) < fit.loglik for d in (-0.2, -0.02, 0.02, 0.2))
    terminal = fit.predict()
    assert terminal.shape == (1, 8) and terminal.sum() == pytest.approx(1.0)
    assert "agent form" in fit.model


def test_lam_of_matching_pennies_is_not_identified() -> None:
    """Uniform play is the QRE of matching pennies at every lam."""
    pennies = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    with pytest.raises(errors.NotIdentifiedError, match="not identified"):
        fit_qre(pennies, [[30, 20], [25, 25]])


def test_one_player_fit_is_the_logit_model() -> None:
    """One player: the maximum-likelihood lam of a multinomial logit with known utilities
    (its score, sum_j c_j (u_j - E u), is zero at the estimate)."""
    values = np.array([1.0, 2.0, 0.5])
    counts = np.array([10.0, 30.0, 5.0])
    fit = fit_qre(ml.NormalFormGame(values.reshape(3, 1)), [counts])
    lam = float(fit.params[0])
    p = np.exp(lam * values) / np.exp(lam * values).sum()
    assert counts @ (values - p @ values) == pytest.approx(0.0, abs=1e-7)


def test_symmetric_game_past_its_pitchfork_is_fitted() -> None:
    """Chicken at lam = 3 lies past the pitchfork of its principal branch (lam 0.489), where
    the trace used to stop ('step size collapsed'): the expected counts of its symmetric QRE
    at lam = 3 give back lam = 3, with the curvature's standard error."""
    chicken = ml.NormalFormGame([[0, -1], [1, -10]], [[0, 1], [-1, -10]])
    truth = ml.solvers.logit_qre(chicken, 3.0).strategies
    assert np.allclose(truth[0], truth[1], atol=1e-12)
    fit = fit_qre(chicken, [400 * s for s in truth])
    assert float(fit.params[0]) == pytest.approx(3.0, abs=1e-5)
    assert 0.5 < float(fit.std_errors[0]) < 1.0
