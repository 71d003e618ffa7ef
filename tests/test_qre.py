"""Logit quantal response equilibrium of normal-form games (multilateral.solvers.quantal).

Checks: the centroid at ``lam = 0``; closed forms (matching pennies: uniform play at every
``lam``; asymmetric matching pennies: the one-dimensional fixed point solved by Brent's
method, independently of the homotopy); the limit is the game's Nash equilibrium where it is
unique (the library's ``nash_equilibria``); residuals below ``tol`` at every point of the
branch; pygambit 16.7's logit solver on shared games (frozen in tests/data/peers/qre.json by
tests/data/peers/regenerate.py); hypothesis properties over random 2x2, 3x3 and 2x2x2 games;
symmetric games, whose principal branch crosses a pitchfork (pygambit below it, the
one-population fixed point past it, a hypothesis property over symmetric 2x2 and 3x3 games).
"""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq, root
from scipy.special import softmax

import multilateral as ml
from multilateral import errors, solvers
from multilateral.solvers.quantal import LogitQRE, QREBranch, logit_qre, qre_branch
from multilateral.tolerances import EQUILIBRIUM

PEERS = Path(__file__).resolve().parent / "data" / "peers" / "qre.json"
PENNIES = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])


def asymmetric_pennies(a: float, b: float) -> ml.NormalFormGame:
    """Row gets ``a`` at (U, L) and ``b`` at (D, R); the column player plays matching
    pennies (McKelvey and Palfrey 1995's version of Ochs 1995)."""
    return ml.NormalFormGame([[a, 0], [0, b]], [[0, 1], [1, 0]])


def closed_form(a: float, b: float, lam: float) -> tuple[float, float]:
    """The logit QRE of :func:`asymmetric_pennies`: the column plays L with
    ``q = s(lam (1 - 2p))`` and the row U with ``p = s(lam (a q - b (1 - q)))``, ``s`` the
    logistic function; the composed map is decreasing in ``p``, so one root."""
    def s(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z))

    def f(p: float) -> float:
        q = s(lam * (1 - 2 * p))
        return s(lam * (a * q - b * (1 - q))) - p
    p = brentq(f, 0.0, 1.0, xtol=1e-15)
    return p, s(lam * (1 - 2 * p))


def regret(game: ml.NormalFormGame, strategies: tuple[np.ndarray, ...]) -> float:
    """Largest gain from a pure deviation, from the game's own action values."""
    return max(float(np.max(game.action_values(strategies, i)) - game.action_values(
        strategies, i) @ s) for i, s in enumerate(strategies))


# -- the centroid and closed forms -------------------------------------------------------------
def test_centroid_at_zero() -> None:
    game = ml.NormalFormGame(np.arange(36, dtype=float).reshape(2, 3, 2, 3) % 5)
    qre = logit_qre(game, 0)
    assert [s.tolist() for s in qre.strategies] == [[0.5, 0.5], [1 / 3] * 3, [0.5, 0.5]]
    branch = qre_branch(game, 1.0)
    assert branch.lam[0] == 0.0
    assert np.allclose(branch.strategies[1][0], 1 / 3)


@pytest.mark.parametrize("lam", [0.1, 1.0, 7.5, 100.0])
def test_matching_pennies_is_uniform_at_every_lam(lam: float) -> None:
    qre = logit_qre(PENNIES, lam)
    assert np.allclose(np.concatenate(qre.strategies), 0.5, atol=1e-12)
    assert qre.residual <= EQUILIBRIUM


@pytest.mark.parametrize(("a", "b"), [(9, 1), (4, 1), (1.1141 / 0.2785, 1.0), (2, 3)])
def test_asymmetric_pennies_closed_form(a: float, b: float) -> None:
    game = asymmetric_pennies(a, b)
    branch = qre_branch(game, 50.0)
    for lam in (0.05, 0.5, 1.0, 2.0, 5.0, 20.0, 50.0):
        qre = branch.at(lam)
        p, q = closed_form(a, b, lam)
        assert qre.strategies[0][0] == pytest.approx(p, abs=1e-9)
        assert qre.strategies[1][0] == pytest.approx(q, abs=1e-9)
        assert logit_qre(game, lam).strategies[0][0] == pytest.approx(p, abs=1e-9)


@pytest.mark.parametrize(("a", "b"), [(9, 1), (4, 1), (2, 3)])
def test_limit_is_the_unique_nash_equilibrium(a: float, b: float) -> None:
    game = asymmetric_pennies(a, b)
    (nash,) = solvers.nash_equilibria(game)
    end = qre_branch(game).end
    for s, t in zip(end.strategies, nash.strategies, strict=True):
        assert np.allclose(s, t, atol=1e-6)
    # the column player's Nash mix makes the row indifferent: q = b / (a + b)
    assert end.strategies[1][0] == pytest.approx(b / (a + b), abs=1e-6)


def test_exact_payoffs_are_converted() -> None:
    exact = asymmetric_pennies(Fraction(9), Fraction(1))
    assert np.allclose(logit_qre(exact, 2).strategies[0], logit_qre(
        asymmetric_pennies(9.0, 1.0), 2.0).strategies[0], atol=1e-12)


def test_three_player_game() -> None:
    payoffs = np.random.default_rng(1).random((2, 3, 2, 3))
    branch = qre_branch(ml.NormalFormGame(payoffs))
    assert branch.residuals.max() <= branch.tol
    assert regret(ml.NormalFormGame(payoffs), branch.end.strategies) <= 1e-6


def test_turning_point_is_followed() -> None:
    """A coordination game with a nearly symmetric bifurcation: the principal branch turns
    back (``lam`` decreases for a while near 2.7) and leads to the pure equilibrium on the
    highest payoff; another branch passes close by at the corner and leads to the mixed
    equilibrium (where a trace that jumps ends). pygambit's branch ends at the same point
    (frozen in qre.json)."""
    d = np.diag([1.0, 1.0, 1.01])
    game = ml.NormalFormGame(d, d)
    branch = qre_branch(game)
    assert np.any(np.diff(branch.lam) < 0)
    assert branch.residuals.max() <= branch.tol
    assert branch.end.strategies[0][2] == pytest.approx(1.0, abs=1e-6)
    assert regret(game, branch.end.strategies) <= 1e-6


def test_branch_results() -> None:
    branch = qre_branch(asymmetric_pennies(9, 1), lam_max=10)
    assert isinstance(branch, QREBranch) and isinstance(branch.end, LogitQRE)
    assert float(branch.lam[-1]) == 10.0 and len(branch) == len(branch.lam)
    assert repr(branch).startswith("QREBranch(")
    assert not branch.lam.flags.writeable and not branch.strategies[0].flags.writeable
    with pytest.raises(errors.InvalidArgumentError, match="outside the traced branch"):
        branch.at(11)
    with pytest.raises(AttributeError):
        branch.end.lam = 3  # type: ignore[misc]
    assert branch.at(0).strategies[0].tolist() == [0.5, 0.5]


# -- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("call", "error", "says"), [
    (lambda: logit_qre(PENNIES, -1), errors.InvalidArgumentError, "lam must be >= 0"),
    (lambda: logit_qre(PENNIES, math.inf), errors.InvalidArgumentError, "finite"),
    (lambda: logit_qre(PENNIES, "1"), errors.InvalidTypeError, "real number"),
    (lambda: logit_qre([[1, 0], [0, 1]], 1.0), errors.InvalidTypeError, "NormalFormGame"),
    (lambda: qre_branch(PENNIES, -2.0), errors.InvalidArgumentError, "lam_max"),
    (lambda: qre_branch(PENNIES, tol=0), errors.InvalidArgumentError, "tol must be > 0"),
    (lambda: qre_branch(PENNIES, first_step=0), errors.InvalidArgumentError, "first_step"),
    (lambda: qre_branch(PENNIES, max_steps=0), errors.InvalidArgumentError, "max_steps"),
])
def test_bad_input(call, error, says) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=says):
        call()


def test_max_steps_reached_is_a_solver_error() -> None:
    with pytest.raises(errors.SolverError, match="max_steps"):
        qre_branch(asymmetric_pennies(9, 1), max_steps=3)


# -- hypothesis properties over classes of games ---------------------------------------------
def games(shape: tuple[int, ...]) -> st.SearchStrategy[ml.NormalFormGame]:
    size = int(np.prod(shape)) * len(shape)
    return st.lists(st.integers(-1000, 1000), min_size=size, max_size=size).map(
        lambda v: ml.NormalFormGame(np.reshape(np.asarray(v, dtype=float) / 100.0
                                               + np.arange(size) * 1e-3, (*shape, len(shape)))))


@settings(deadline=None)
@given(st.sampled_from([(2, 2), (3, 3), (2, 2, 2)]).flatmap(games))
# a probability moves out and back within one step (lam 9.67..11.32): a draw of this strategy
@example(ml.NormalFormGame(np.array([[[-8.77, 9.991], [4.702, 9.993]],
                                     [[-4.506, -4.505], [-1.524, 4.707]]])))
def test_branch_property(game: ml.NormalFormGame) -> None:
    """On random games: the residual is below tol at every point, the branch is continuous
    (every segment's midpoint, by the cubic and a corrector, is the point a second trace
    stopped there finds), and its end is an approximate Nash equilibrium."""
    branch = qre_branch(game)
    assert branch.residuals.max() <= branch.tol
    assert float(branch.lam[0]) == 0.0
    scale = float(np.ptp(game.float_payoffs))
    assert regret(game, branch.end.strategies) <= 1e-6 * max(scale, 1.0)
    if game.n_players == 2:
        nash = solvers.nash_equilibria(game)
        if len(nash) == 1:  # the unique equilibrium is the limit (an approximate one: a
            # regret of 1e-8 of the range is a larger distance where payoffs differ little)
            for s, t in zip(branch.end.strategies, nash[0].strategies, strict=True):
                assert np.allclose(s, t, atol=1e-3)
    for k in range(0, len(branch) - 1, max(1, len(branch) // 6)):
        lo, hi = sorted((float(branch.lam[k]), float(branch.lam[k + 1])))
        if hi - lo <= 1e-9 or hi > 1e4 or np.any(np.diff(branch.lam[:k + 2]) <= 0):
            continue  # at() takes the first crossing of lam: only before any turning point
        mid = branch.at(0.5 * (lo + hi))
        assert mid.residual <= branch.tol
        # before a turning point the principal branch has one point at each lam: a second
        # trace that stops there (other steps, its own end crossing) must find the same one.
        # (A bound by the ends' distance assumed segments that do not curve; a probability
        # that moves out and back within one step broke it, 1 draw in 1,500.)
        again = qre_branch(game, lam_max=0.5 * (lo + hi)).end
        assert np.allclose(np.concatenate(mid.strategies), np.concatenate(again.strategies),
                           rtol=0, atol=1e-6)


# -- pygambit, frozen ----------------------------------------------------------------------------
def _peers() -> dict:  # type: ignore[type-arg]
    return json.loads(PEERS.read_text())


def test_agrees_with_pygambit_logit_solve_lambda() -> None:
    doc = _peers()
    assert doc["peer"] == "pygambit"
    for case in doc["games"]:
        game = ml.NormalFormGame(np.asarray(case["payoffs"], dtype=float))
        branch = qre_branch(game, max(case["lams"]))
        for lam, profile in zip(case["lams"], case["logit_solve_lambda"], strict=True):
            ours = branch.at(lam)
            for s, t in zip(ours.strategies, profile, strict=True):
                assert np.allclose(s, t, atol=1e-6), (case["name"], lam)


def test_agrees_with_pygambit_logit_solve() -> None:
    for case in _peers()["games"]:
        game = ml.NormalFormGame(np.asarray(case["payoffs"], dtype=float))
        end = qre_branch(game).end
        for s, t in zip(end.strategies, case["logit_solve"], strict=True):
            assert np.allclose(s, t, atol=1e-5), case["name"]


def test_one_player_is_the_logit_choice_model() -> None:
    """A decision problem: the QRE is the multinomial logit of the payoffs."""
    values = np.array([1.0, 2.0, 0.5])
    game = ml.NormalFormGame(values.reshape(3, 1))
    for lam in (0.3, 1.0, 4.0):
        expected = np.exp(lam * values) / np.exp(lam * values).sum()
        assert np.allclose(logit_qre(game, lam).strategies[0], expected, atol=1e-12)


# -- symmetric games: the pitchfork on the principal branch ---------------------------------------
def symmetric_closed_form(a: np.ndarray, lam: float) -> float:
    """The symmetric logit QRE of a symmetric 2x2 anti-coordination game (``B = A.T``,
    ``a00 - a10 - a01 + a11 < 0``): both play action 0 with the root ``p`` of
    ``p = s(lam ((a00 - a10) p + (a01 - a11) (1 - p)))``, the right side decreasing in ``p``
    (one root, by Brent's method; independent of the homotopy)."""
    def f(p: float) -> float:
        d = (a[0, 0] - a[1, 0]) * p + (a[0, 1] - a[1, 1]) * (1 - p)
        return 1.0 / (1.0 + math.exp(-lam * d)) - p
    return float(brentq(f, 0.0, 1.0, xtol=1e-15))


def _symmetric_cases() -> list[dict]:  # type: ignore[type-arg]
    return [c for c in _peers()["symmetric"] if "bifurcation" in c]


def test_symmetric_games_cross_the_pitchfork() -> None:
    """Chicken, a symmetric anti-coordination game and two symmetric 3x3 games: asymmetric
    branches leave the symmetric principal branch at a pitchfork (the Jacobian is singular
    there and ``det [J; t]`` changes sign), which the trace crosses straight on. Below the
    bifurcation it equals pygambit's logit_solve_lambda (frozen); past it the branch stays
    symmetric, equals the one-population fixed point (2x2, Brent) and ends at a symmetric
    Nash equilibrium. pygambit 16.7 itself stalls at the bifurcation (Chicken: it returns
    lam = 0.4917 when asked for 0.978) or leaves the symmetric
    branch (the others); both recorded in qre.json as what it does, not as a reference."""
    for case in _symmetric_cases():
        a = np.asarray(case["A"], dtype=float)
        game = ml.NormalFormGame(a, a.T)
        branch = qre_branch(game)
        for lam, profile in zip(case["lams"], case["logit_solve_lambda"], strict=True):
            for s, t in zip(branch.at(lam).strategies, profile, strict=True):
                assert np.allclose(s, t, atol=1e-6), (case["name"], lam)
        assert float(branch.lam.max()) > 10 * case["bifurcation"], case["name"]
        row, col = branch.strategies
        assert float(np.max(np.abs(row - col))) <= 1e-8, case["name"]
        assert branch.residuals.max() <= branch.tol
        assert regret(game, branch.end.strategies) <= 1e-6 * float(np.ptp(a))
        past = case["past"]
        ours = branch.at(past["asked"]).strategies
        assert np.allclose(ours[0], ours[1], atol=1e-9)
        gambit = [np.asarray(p) for p in past["profile"]]
        assert (past["lam"] < past["asked"] - 0.1
                or float(np.max(np.abs(gambit[0] - gambit[1]))) > 0.1), case["name"]
        if a.shape == (2, 2):
            for lam in (0.5 * case["bifurcation"], 2 * case["bifurcation"], 10.0, 100.0):
                assert branch.at(lam).strategies[0][0] == pytest.approx(
                    symmetric_closed_form(a, lam), abs=1e-9), (case["name"], lam)


def test_perturbed_chicken_turns_off_like_pygambit() -> None:
    """A payoff perturbed by +-1e-3 breaks the symmetry: the branch turns off near the
    pitchfork towards one pure equilibrium, the one pygambit's branch ends at (frozen), which
    a step crossing straight on (to the other side) would miss."""
    for case in _peers()["symmetric"]:
        if "B" not in case:
            continue
        end = qre_branch(ml.NormalFormGame(case["A"], case["B"])).end
        for s, t in zip(end.strategies, case["logit_solve"], strict=True):
            assert np.allclose(s, t, atol=1e-6), case["name"]
        # the same turn at a perturbation of 1e-8 (the resolution qre_branch states)
        b = np.asarray(case["B"], dtype=float)
        b[1, 0] = -1.0 + np.sign(b[1, 0] + 1.0) * 1e-8
        end = qre_branch(ml.NormalFormGame(case["A"], b)).end
        for s, t in zip(end.strategies, case["logit_solve"], strict=True):
            assert np.allclose(s, t, atol=1e-6), case["name"]


def symmetric_games(m: int) -> st.SearchStrategy[ml.NormalFormGame]:
    cells = st.one_of(st.integers(-3, 3).map(float),
                      st.floats(-3, 3, allow_nan=False, allow_subnormal=False))
    return st.lists(cells, min_size=m * m, max_size=m * m).map(
        lambda v: ml.NormalFormGame(np.reshape(v, (m, m)), np.reshape(v, (m, m)).T))


#: A symmetric 3x3 game (``B = A.T``) whose pitchfork, at lam = 5.99865, the trace once
#: refused to cross (hypothesis 6.152.9 drew it): near the bifurcation the corrected points
#: are off the branch along the Jacobian's kernel by far more than ``tol``, and the
#: continuity check read them as a jump to another branch.
PITCHFORK_3X3 = np.array([[0, -1, -2], [0, -3, 0], [3, -2, 0]])


#: A symmetric 3x3 game (``B = A.T``) whose trace failed at lam = 6.5e6 with 'the step size
#: collapsed' (a hypothesis search of 3000 examples drew it): action 2 weakly dominates,
#: action 0 dies (probability ``exp(-1.4 lam)``) and actions 1 and 2 differ by ``9e-7 q_1``
#: (against a payoff range of 3.4): an anti-coordination game with a pitchfork at
#: ``lam p_1 p_2 9e-7 = 1``. Equations written relative to the dead action 0 had condition
#: number ~3e15 there and Newton moved its log-probability (~ -1e7) by order 1 at any step.
DEAD_FIRST_3X3 = np.array([[0, -2, -1.4375], [-1, 1e-7, 0], [0, 1e-6, 0]])


@settings(deadline=None)
@given(st.sampled_from([2, 3]).flatmap(symmetric_games))
@example(ml.NormalFormGame(PITCHFORK_3X3, PITCHFORK_3X3.T))
@example(ml.NormalFormGame(DEAD_FIRST_3X3, DEAD_FIRST_3X3.T))
@example(ml.NormalFormGame(np.diag([0.0, 1.7448070286916982e-305]),
                           np.diag([0.0, 1.7448070286916982e-305])))
def test_symmetric_branch_property(game: ml.NormalFormGame) -> None:
    """Symmetric 2x2 and 3x3 games (integer ties included): the branch is traced to its end
    (before the pitchfork crossing, a third of them failed with 'the step size collapsed'),
    stays symmetric at every point and ends at a symmetric approximate Nash equilibrium;
    or, where the payoffs' range is near the smallest normal float (one cell 1.7e-305, the
    rest 0: an 800-draw search found it), ``lam`` would overflow first and the trace says so."""
    scale = float(np.ptp(game.float_payoffs))
    try:
        branch = qre_branch(game)
    except errors.SolverError as error:
        assert "near the smallest float" in str(error) and scale < 1e-290, error
        return
    row, col = branch.strategies
    assert float(np.max(np.abs(row - col))) <= 1e-7
    assert branch.residuals.max() <= branch.tol
    assert regret(game, branch.end.strategies) <= 1e-6 * max(scale, 1.0)


def one_population_fixed_point(a: np.ndarray, lam: float, steps: int = 200) -> np.ndarray:
    """The symmetric logit QRE ``p = softmax(lam a p)`` of the game ``(a, a.T)``, followed
    from the centroid at ``lam = 0`` in ``steps`` equal steps of ``lam`` (scipy's ``root``
    on the payoff vector ``u = a softmax(lam u)``, each from the previous root; independent
    of the homotopy)."""
    u = a @ np.full(len(a), 1 / len(a))
    for mu in np.linspace(0.0, lam, steps + 1):
        u = root(lambda v, mu=mu: v - a @ softmax(mu * v), u, tol=1e-13).x
        assert float(np.max(np.abs(u - a @ softmax(mu * u)))) <= 1e-12, mu
    return np.asarray(softmax(lam * u))


def test_symmetric_3x3_pitchfork_is_crossed() -> None:
    """The game of ``PITCHFORK_3X3``: the branch is traced past its pitchfork (it raised
    'the step size collapsed' at lam = 5.99865), equals the one-population fixed point on
    both sides of it, reports the bifurcation where ``det(I + D)`` vanishes on that fixed
    point (``D = lam (diag(p) - p p') a``, the Jacobian of the logit response to the
    opponent; ``I + D`` is the two-player map's Jacobian on antisymmetric perturbations), by
    Brent's method, and ends at the symmetric Nash equilibrium where both play action 2."""
    a = PITCHFORK_3X3.astype(float)
    game = ml.NormalFormGame(a, a.T)
    branch = qre_branch(game)
    for lam in (1.0, 3.0, 5.9, 6.1, 10.0, 30.0, 100.0):
        expected = one_population_fixed_point(a, lam)
        for s in branch.at(lam).strategies:
            assert np.allclose(s, expected, atol=1e-9, rtol=0), lam

    def det(lam: float) -> float:
        p = one_population_fixed_point(a, lam)
        return float(np.linalg.det(np.eye(3) + lam * (np.diag(p) - np.outer(p, p)) @ a))
    assert [kind for kind, _ in branch.critical_points] == ["bifurcation"]
    assert branch.critical_points[0][1] == pytest.approx(brentq(det, 5.5, 6.5, xtol=1e-13),
                                                         abs=1e-9)
    row, col = branch.strategies
    assert float(np.max(np.abs(row - col))) <= 1e-8
    assert branch.residuals.max() <= branch.tol
    assert regret(game, branch.end.strategies) <= 1e-6 * float(np.ptp(a))
    for s in branch.end.strategies:
        assert np.allclose(s, [0, 0, 1], atol=1e-3)
    pure = np.array([0.0, 0.0, 1.0])
    assert regret(game, (pure, pure)) == 0.0  # a symmetric Nash equilibrium


# -- what the tracer detected: bifurcations and turning points --------------------------------
def _chicken_like_bifurcation(a: np.ndarray) -> float:
    """The pitchfork of a symmetric 2x2 game with ``B = A.T``: on the symmetric branch
    ``p = s(lam d(p))``, ``d(p) = (a00 - a10) p + (a01 - a11) (1 - p)``, the Jacobian of the
    two-player map is ``[[0, F'], [F', 0]]`` with ``F' = lam p (1 - p) c``,
    ``c = a00 - a10 - a01 + a11``; ``det(I - DF) = 1 - F'^2`` vanishes (and changes sign)
    where ``lam p (1 - p) |c| = 1``. Eliminating ``lam``: ``logit(p) = d(p) / (|c| p (1 - p))``,
    one root in ``p`` (Brent), then ``lam = 1 / (|c| p (1 - p))``."""
    c = abs(a[0, 0] - a[1, 0] - a[0, 1] + a[1, 1])

    def f(p: float) -> float:
        d = (a[0, 0] - a[1, 0]) * p + (a[0, 1] - a[1, 1]) * (1 - p)
        return math.log(p / (1 - p)) - d / (c * p * (1 - p))
    p = brentq(f, 1e-9, 1 - 1e-9, xtol=1e-15)
    return 1.0 / (c * p * (1 - p))


@pytest.mark.parametrize("a", [1.0, 3.0, 0.7])
def test_pure_coordination_pitchfork_at_two_over_a(a: float) -> None:
    """``A = B = a I`` (2x2): the principal branch is the centroid at every ``lam`` (a
    symmetry swaps the actions), and ``det(I - DF) = 1 - (lam a / 2)^2`` changes sign at
    ``lam = 2 / a`` exactly, where the two coordinating branches leave it. The branch reports
    that one bifurcation, at ``2 / a``."""
    branch = qre_branch(ml.NormalFormGame(a * np.eye(2), a * np.eye(2)), lam_max=10)
    assert [kind for kind, _ in branch.critical_points] == ["bifurcation"]
    assert branch.critical_points[0][1] == pytest.approx(2 / a, abs=1e-9)


def test_chicken_bifurcation_is_reported() -> None:
    """Chicken's pitchfork at the closed-form ``lam`` (and at qre.json's frozen value);
    nothing else is reported on its branch."""
    for case in _symmetric_cases():
        a = np.asarray(case["A"], dtype=float)
        branch = qre_branch(ml.NormalFormGame(a, a.T))
        kinds = [kind for kind, _ in branch.critical_points]
        assert kinds == ["bifurcation"], case["name"]
        lam = branch.critical_points[0][1]
        assert lam == pytest.approx(case["bifurcation"], abs=1e-5), case["name"]
        if a.shape == (2, 2):
            assert lam == pytest.approx(_chicken_like_bifurcation(a), abs=1e-9), case["name"]


def test_turning_points_are_reported() -> None:
    """``A = B = diag(1, 1, 1.01)``: the principal branch stays in the symmetric subspace
    (both players alike, actions 0 and 1 alike), where ``p_2 = x``, ``p_0 = p_1 = (1 - x) / 2``
    and ``lam(x) = log(2x / (1 - x)) / (1.01 x - (1 - x) / 2)``: its local extrema in ``x``
    (Brent on the derivative) are the turning points, a maximum then a minimum. The branch
    reports both, in that order, and its own ``lam`` has its local extrema there."""
    def lam(x: float) -> float:
        return math.log(2 * x / (1 - x)) / (1.01 * x - (1 - x) / 2)

    def slope(x: float) -> float:
        return lam(x + 1e-7) - lam(x - 1e-7)
    expected = [lam(brentq(slope, 0.35, 0.45, xtol=1e-14)),
                lam(brentq(slope, 0.5, 0.65, xtol=1e-14))]
    d = np.diag([1.0, 1.0, 1.01])
    branch = qre_branch(ml.NormalFormGame(d, d))
    assert [kind for kind, _ in branch.critical_points] == ["turning point"] * 2
    found = [value for _, value in branch.critical_points]
    assert found == pytest.approx(expected, abs=1e-7)
    first_descent = int(np.flatnonzero(np.diff(branch.lam) < 0)[0])
    assert found[0] >= float(np.max(branch.lam[:first_descent + 1])) - 1e-7
    assert found[0] > found[1]


def test_generic_branch_reports_nothing() -> None:
    branch = qre_branch(asymmetric_pennies(9, 1))
    assert branch.critical_points == ()


def test_pitchfork_behind_a_dead_first_action() -> None:
    """The game of ``DEAD_FIRST_3X3`` in every order of its actions (the failure depended on
    it: the two orders with the dying action first raised 'the step size collapsed' at
    lam = 6.5e6, the four others passed). Every order reports one bifurcation, at the
    closed form of the 2x2 anti-coordination game that actions 1 and 2 form once action 0
    has died (``_chicken_like_bifurcation``, Brent), and equals that game's symmetric
    fixed point ``p_1 = s(-lam 9e-7 p_1)`` (Brent) on both sides of it; action 0's
    probability, below ``exp(-1.4 lam)``, is 0 in floating point there."""
    sub = DEAD_FIRST_3X3[1:, 1:].astype(float)  # [[1e-7, 0], [1e-6, 0]]
    expected_bifurcation = _chicken_like_bifurcation(sub)
    for order in itertools.permutations(range(3)):
        a = DEAD_FIRST_3X3[np.ix_(order, order)].astype(float)
        branch = qre_branch(ml.NormalFormGame(a, a.T))
        assert [kind for kind, _ in branch.critical_points] == ["bifurcation"], order
        assert branch.critical_points[0][1] == pytest.approx(expected_bifurcation, rel=1e-9)
        row, col = branch.strategies
        assert float(np.max(np.abs(row - col))) <= 1e-8, order
        assert branch.residuals.max() <= branch.tol
        assert regret(ml.NormalFormGame(a, a.T), branch.end.strategies) <= 1e-8 * 3.4375
        # the dead action's log-probability (~ -1.4 lam) no longer holds the steps to a
        # constant length: 82 points to lam = 1.4e7 (2644 when it was measured with the rest)
        assert len(branch) <= 200, order
        back = np.argsort(order)  # back[k]: where the original action k now is
        for lam in (1e6, 6e6, 7e6, 1e7):
            p1 = symmetric_closed_form(sub, lam)
            for s in branch.at(lam).strategies:
                assert s[back[0]] == 0.0, (order, lam)
                assert s[back[1]] == pytest.approx(p1, abs=1e-9), (order, lam)


# -- an independent method: the fixed point at fixed lam by scipy's root ------------------------
def two_population_fixed_point(a: np.ndarray, b: np.ndarray, lams: list[float],
                               steps: int = 800) -> list[tuple[np.ndarray, np.ndarray]]:
    """The logit QRE of the bimatrix game ``(a, b)`` at each of ``lams`` as a fixed point of
    the action values ``u = a softmax(lam v)``, ``v = b' softmax(lam u)``, followed from the
    centroid at ``lam = 0`` in ``steps`` equal steps of ``lam`` up to ``max(lams)`` (scipy's
    ``root``, each from the previous root: the principal branch where it has no turning
    point; independent of the homotopy, its log-probabilities and its Jacobian)."""
    m = a.shape[0]

    def f(x: np.ndarray, mu: float) -> np.ndarray:
        return np.concatenate([x[:m] - a @ softmax(mu * x[m:]),
                               x[m:] - b.T @ softmax(mu * x[:m])])
    x = np.concatenate([a.mean(axis=1), b.mean(axis=0)])
    found = {}
    for mu in np.unique(np.concatenate([np.linspace(0.0, max(lams), steps + 1), lams])):
        x = root(f, x, args=(mu,), tol=1e-14).x
        assert float(np.max(np.abs(f(x, mu)))) <= 1e-12, mu
        found[float(mu)] = (softmax(mu * x[:m]), softmax(mu * x[m:]))
    return [found[float(lam)] for lam in lams]


#: Two 3x3 games with several Nash equilibria (5 and 3), drawn as integers in [-5, 5]; their
#: principal branches have no turning point (lam increases along them).
SEVERAL_EQUILIBRIA = [
    ([[-1, 4, 5], [-2, -4, 1], [2, 3, 2]], [[2, 5, 5], [5, 4, 2], [5, -5, -5]]),
    ([[4, 0, 1], [-3, -1, -5], [-2, 2, 3]], [[3, 0, 1], [5, 1, 2], [-4, 5, 1]]),
]


@pytest.mark.parametrize(("a", "b"), SEVERAL_EQUILIBRIA)
def test_branch_equals_the_fixed_point_by_scipy_root(a: list, b: list) -> None:  # type: ignore[type-arg]
    """The traced branch equals the fixed point found by ``scipy.optimize.root``
    continuation at several ``lam``, and its end is the Nash equilibrium that continuation
    approaches (the logit selection, McKelvey and Palfrey 1995 Theorem 2; Turocy 2005):
    at ``lam = 200`` the fixed point is within 1e-3 of exactly one of the game's equilibria
    (``nash_equilibria``), and the branch ends there."""
    a_, b_ = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    game = ml.NormalFormGame(a_, b_)
    branch = qre_branch(game)
    assert np.all(np.diff(branch.lam) > 0)
    lams = [0.3, 1.0, 3.0, 10.0, 50.0, 200.0]
    expected = two_population_fixed_point(a_, b_, lams)
    for lam, profile in zip(lams, expected, strict=True):
        ours = (branch.at(lam) if lam <= branch.lam[-1] else logit_qre(game, lam)).strategies
        for s, t in zip(ours, profile, strict=True):
            assert np.allclose(s, t, atol=1e-9, rtol=0), lam
    limit = expected[-1]
    near = [e for e in solvers.nash_equilibria(game)
            if all(np.allclose(np.asarray(s, dtype=float), t, atol=1e-3)
                   for s, t in zip(e.strategies, limit, strict=True))]
    assert len(near) == 1 and len(solvers.nash_equilibria(game)) >= 3
    for s, t in zip(branch.end.strategies, near[0].strategies, strict=True):
        assert np.allclose(s, np.asarray(t, dtype=float), atol=1e-6)


@pytest.mark.parametrize("shape", [(3, 3), (2, 3, 2)])
def test_rebased_equations_keep_the_branch(shape: tuple[int, ...]) -> None:
    """The equations written relative to each player's most probable action (what the
    tracer does at every step) are a unimodular combination of those relative to action 0:
    at a point of the branch both vanish, and the unit tangent and the sign of
    ``det [J; t]`` (what tells a bifurcation from a jump) are the same."""
    from multilateral.solvers.quantal import _homotopy
    from multilateral.solvers.quantal._equations import NormalFormQRE

    pay = np.random.default_rng(7).normal(size=(*shape, len(shape)))
    system = NormalFormQRE(pay)
    x = _homotopy.trace(system, system.start(), lam_max=2.0, tol=1e-12, first_step=0.03,
                        max_step=np.inf, max_steps=1000).points[-1]
    orient = np.zeros(system.size + 1)
    orient[-1] = 1.0
    before = _homotopy.tangent(system, x, orient)
    sign = _homotopy.orientation(system, x, before)
    system.rebase(x)
    assert any(r != 0 for r in system.refs)
    assert float(np.max(np.abs(system.evaluate(x)[0]))) <= 1e-11
    after = _homotopy.tangent(system, x, orient)
    assert np.allclose(after, before, atol=1e-12, rtol=0)
    assert _homotopy.orientation(system, x, after) == sign


#: A 3x3 game (a hypothesis draw with tiny payoff differences: 2.35e-7 against a range of
#: 6.6) whose row player's third action dies (log-probability down to -2.7e6) and comes back
#: into the equilibrium's support (probability 6.5e-8), while the others' mixes move on the
#: scale lam ~ 1 / 2.35e-7.
REVIVING_3X3 = np.array([
    [[-0.5920163738105337, 3.0], [2.3510989730790263e-07, 3.0], [2.0, -0.70569477397743]],
    [[0.1133014818080813, 2.3510989730790263e-07], [3.0, 4.3995802013756155e-288],
     [1.0, 3.0]],
    [[3.0, 0.0], [-2.168465331228375, 2.0], [-3.609212954723817e-205, 1.7342221440547494]]])


def test_branch_through_a_dead_and_reviving_action() -> None:
    """``REVIVING_3X3`` traced to lam = 3e7 ends within 2e-7 of its unique Nash equilibrium
    (``nash_equilibria``: the row mixes its first two actions and plays the third with
    probability 6.5e-8), in fewer steps than when dead log-probabilities were measured by
    the step control (measured: 4484 points, 9684 before, of max_steps = 10000), and the
    unbounded trace stops at the regret bound (1946 points, 7149 before)."""
    game = ml.NormalFormGame(REVIVING_3X3)
    (nash,) = solvers.nash_equilibria(game)
    branch = qre_branch(game, lam_max=3e7)
    assert branch.residuals.max() <= branch.tol
    for s, t in zip(branch.end.strategies, nash.strategies, strict=True):
        assert np.allclose(s, np.asarray(t, dtype=float), atol=2e-7, rtol=0)
    assert len(branch) <= 6000
    end = qre_branch(game)
    assert regret(game, end.end.strategies) <= 1e-8 * float(np.ptp(REVIVING_3X3))
    assert len(end) <= 3000


def test_payoffs_at_the_float_floor_fail_clearly() -> None:
    """A game whose only payoff difference is the smallest normal float: ``lam`` would have
    to pass 1e300 before a regret of 1e-8 of that range, and the trace ran into float
    overflow (27011 warnings) and then 'raise max_steps'; it now says why, with the
    remedy."""
    pay = np.zeros((2, 2, 2))
    pay[0, 1, 0] = 2.2250738585072014e-308
    with pytest.raises(errors.SolverError, match="near the smallest float"):
        qre_branch(ml.NormalFormGame(pay))
