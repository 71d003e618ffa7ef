"""Logit QRE with payoffs linear in covariates (multilateral.estimation.fit_qre_payoffs) and
the QRE's payoff derivatives (multilateral.solvers.quantal.sensitivity).

Checks: the implicit-function derivatives of the QRE against finite differences of fresh
solves (hypothesis, 2 and 3 players); the likelihood's analytic gradient against finite
differences (hypothesis); recovery of known coefficients with the coverage of the 95%
intervals over seeds inside binomial limits; ``lam`` alone equals :func:`fit_qre`; the
specifications the data cannot identify; bad input.

Peer: pygambit 16.7 estimates ``lam`` alone (``logit_estimate``), with no payoffs estimated
from covariates; frozen in tests/data/peers/qre_payoffs.json are its ``lam`` fits on
integer choice data (``fit_qre_payoffs`` with ``lam`` alone must equal them) and its QRE at
each covariate row of two specifications (the equilibria the likelihood uses). Its
estimator on behaviour data of trees crashes (segmentation fault in 16.7), so the tree
fits are checked against Signorino's logit egame12 instead.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import multilateral as ml
from multilateral import errors
from multilateral.estimation import fit_qre, fit_qre_payoffs, simulate_qre_payoffs
from multilateral.estimation._payoff_data import covariates
from multilateral.estimation.qre_payoffs import _counts, _Model, _objective
from multilateral.games.extensive import Chance, Decision, Outcome
from multilateral.solvers.quantal.sensitivity import bimatrix_sensitivities, qre_sensitivity

ZERO = ml.NormalFormGame(np.zeros((2, 2, 2)))
FIRST = np.zeros((2, 2, 2))
FIRST[0, 0] = 1.0  # both players' payoff when both choose their first action
SECOND = np.zeros((2, 2, 2))
SECOND[1, 1] = 1.0
BASIS = {"first": FIRST, "second": SECOND}


def _payoffs(draw: st.DrawFn, shape: tuple[int, ...]) -> np.ndarray:
    values = draw(st.lists(st.floats(-2, 2), min_size=int(np.prod(shape)),
                           max_size=int(np.prod(shape))))
    return np.asarray(values, dtype=np.float64).reshape(shape)


@st.composite
def games_and_directions(draw: st.DrawFn) -> tuple[np.ndarray, list[np.ndarray], float]:
    shape = draw(st.sampled_from([(2, 2), (2, 3), (2, 2, 2)]))
    full = (*shape, len(shape))
    return (_payoffs(draw, full), [_payoffs(draw, full) for _ in range(2)],
            draw(st.floats(0.1, 1.5)))


@settings(max_examples=30, deadline=None)
@given(games_and_directions())
def test_qre_derivatives_match_finite_differences(case: tuple) -> None:  # type: ignore[type-arg]
    pay, dirs, lam = case
    out = qre_sensitivity(pay, lam, dirs, tol=1e-13)
    base = np.log(np.concatenate(out.qre.strategies))
    h = 1e-6

    def logp(p: np.ndarray, at: float) -> np.ndarray:
        s = qre_sensitivity(p, at, start=out.qre.strategies, tol=1e-13)
        return np.log(np.concatenate(s.qre.strategies))

    for r, d in enumerate(dirs):
        fd = (logp(pay + h * d, lam) - logp(pay - h * d, lam)) / (2 * h)
        assert np.allclose(out.log_derivatives[r], fd, atol=1e-6, rtol=1e-5)
    fd_lam = (logp(pay, lam + h) - logp(pay, lam - h)) / (2 * h)
    assert np.allclose(out.log_lam_derivative, fd_lam, atol=1e-6, rtol=1e-5)
    assert base.shape == out.log_lam_derivative.shape


def test_warm_start_and_trace_agree() -> None:
    game = ml.NormalFormGame([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    pay = np.asarray(game.float_payoffs)
    cold = qre_sensitivity(pay, 2.0)
    near = qre_sensitivity(pay, 2.0, start=[[0.5, 0.5], [0.5, 0.5]])
    assert not cold.warm and near.warm
    reference = ml.solvers.logit_qre(game, 2.0).strategies
    for a, b, c in zip(cold.qre.strategies, near.qre.strategies, reference, strict=True):
        assert np.allclose(a, b, atol=1e-9) and np.allclose(a, c, atol=1e-9)
    assert np.allclose(np.concatenate(cold.qre.slopes), np.concatenate(
        ml.solvers.logit_qre(game, 2.0).slopes), atol=1e-8)


@st.composite
def likelihood_cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    estimate_lam = draw(st.booleans())
    fixed = _payoffs(draw, (2, 3, 2)) if estimate_lam else np.zeros((2, 3, 2))
    bases = {"a": _payoffs(draw, (2, 3, 2)), "b": _payoffs(draw, (2, 3, 2))}
    n = 12
    x = np.asarray(draw(st.lists(st.sampled_from([-1.0, 0.0, 0.5, 1.0]), min_size=n,
                                 max_size=n)))
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    choices = np.column_stack([rng.integers(0, 2, n), rng.integers(0, 3, n)])
    k = 3 + int(estimate_lam)
    theta = np.asarray(draw(st.lists(st.floats(-1.5, 1.5), min_size=k, max_size=k)))
    if estimate_lam:
        theta[0] = draw(st.floats(0.2, 2.0))
    return fixed, bases, x, choices, theta, estimate_lam


@settings(max_examples=30, deadline=None)
@given(likelihood_cases())
def test_likelihood_gradient_matches_finite_differences(case: tuple) -> None:  # type: ignore[type-arg]
    fixed, bases, x, choices, theta, estimate_lam = case
    regressors = {"a": {"const": 1, "x": x}, "b": 1}
    d = covariates(("a", "b"), regressors, len(choices))
    model = _Model(ml.NormalFormGame(fixed), np.asarray([bases["a"], bases["b"]]), d,
                   None if estimate_lam else 1.0, 1e-13)
    codes = np.ravel_multi_index(tuple(choices.T), (2, 3))
    negloglik, gradient = _objective(model, *_counts(model, codes))
    h = 1e-6
    fd = np.array([(negloglik(theta + h * e) - negloglik(theta - h * e)) / (2 * h)
                   for e in np.eye(theta.size)])
    assert np.allclose(gradient(theta), fd, atol=1e-5, rtol=1e-5)


def test_coverage_of_95_percent_intervals() -> None:
    """30 seeds x 3 coefficients, 300 observations each: the number of 95% intervals that
    cover the truth lies inside the 0.1% and 99.9% binomial quantiles."""
    x = np.repeat([0.0, 0.5, 1.0], 100)
    regressors = {"first": {"const": 1, "x": x}, "second": 1}
    truth = {"first": [1.0, 2.0], "second": [1.5]}
    true = np.array([1.0, 2.0, 1.5])
    seeds = 30
    covered = 0
    for seed in range(seeds):
        y = simulate_qre_payoffs(ZERO, BASIS, truth, regressors, seed=seed)
        fit = fit_qre_payoffs(ZERO, BASIS, y, regressors)
        ci = fit.conf_int(0.95)
        covered += int(np.sum((ci[:, 0] <= true) & (true <= ci[:, 1])))
    trials = 3 * seeds
    lo, hi = stats.binom.ppf([0.001, 0.999], trials, 0.95)
    assert lo <= covered <= hi, (covered, trials)


def test_recovers_coefficients_on_a_large_sample() -> None:
    x = np.repeat([0.0, 0.5, 1.0], 2000)
    regressors = {"first": {"const": 1, "x": x}, "second": 1}
    truth = {"first": [1.0, 2.0], "second": [1.5]}
    y = simulate_qre_payoffs(ZERO, BASIS, truth, regressors, seed=11)
    fit = fit_qre_payoffs(ZERO, BASIS, y, regressors)
    assert fit.names == ("first: const", "first: x", "second: const")
    assert np.all(np.abs(fit.params - [1.0, 2.0, 1.5]) < 3 * fit.std_errors)
    assert np.all(fit.std_errors < 0.25)
    probs = fit.predict()
    assert probs.shape == (6000, 4) and np.allclose(probs.sum(axis=1), 1.0)
    assert fit.loglik_obs is not None and fit.loglik_obs.sum() == pytest.approx(fit.loglik)
    new = fit.predict({"first": {"const": 1, "x": [0.0, 1.0]}, "second": 1})
    assert np.allclose(new[0], probs[0]) and np.allclose(new[1], probs[-1])


def test_lam_alone_equals_fit_qre() -> None:
    """No basis, one covariate value, lam estimated: the same estimate, standard error and
    log-likelihood as fit_qre on the counts (Ochs's game as McKelvey and Palfrey 1995)."""
    game = ml.NormalFormGame([[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]])
    rows = [(0, 0)] * 30 + [(0, 1)] * 40 + [(1, 0)] * 17 + [(1, 1)] * 41
    choices = np.asarray(rows)
    counts = [np.bincount(choices[:, i], minlength=2) for i in range(2)]
    ours = fit_qre_payoffs(game, {}, choices, lam=None)
    theirs = fit_qre(game, counts)
    assert ours.names == ("lam",)
    assert float(ours.params[0]) == pytest.approx(float(theirs.params[0]), rel=1e-6)
    assert float(ours.std_errors[0]) == pytest.approx(float(theirs.std_errors[0]), rel=1e-4)
    assert ours.loglik == pytest.approx(theirs.loglik, abs=1e-8)
    assert np.allclose(ours.predict()[0], theirs.predict()[0], atol=1e-7)


def test_lam_and_a_basis_with_fixed_payoffs() -> None:
    """lam estimated beside a basis that is not proportional to the fixed payoffs."""
    fixed = ml.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 3]])
    x = np.repeat([0.0, 1.0], 1500)
    regressors = {"first": {"x": x}}
    game_payoffs = np.asarray(fixed.float_payoffs)
    lam = 1.5
    truth = {"first": [1.0]}
    y = simulate_qre_payoffs(ml.NormalFormGame(game_payoffs * lam), {"first": FIRST},
                             {"first": [lam * 1.0]}, regressors, seed=5)
    fit = fit_qre_payoffs(fixed, {"first": FIRST}, y, regressors, lam=None)
    assert fit.names == ("lam", "first: x")
    assert np.all(np.abs(fit.params - [lam, truth["first"][0]]) < 3.5 * fit.std_errors)


def test_action_labels_and_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    game = ml.NormalFormGame(np.zeros((2, 2, 2)), actions=[["U", "D"], ["L", "R"]])
    basis = {"first": FIRST}
    y = simulate_qre_payoffs(game, basis, {"first": 1.0}, n_obs=400, seed=2)
    labels = np.column_stack([np.array(["U", "D"])[y[:, 0]], np.array(["L", "R"])[y[:, 1]]])
    a = fit_qre_payoffs(game, basis, labels)
    b = fit_qre_payoffs(game, basis, pd.DataFrame(y))
    assert np.allclose(a.params, b.params) and a.outcomes == ("U,L", "U,R", "D,L", "D,R")


@pytest.mark.parametrize(("call", "match"), [
    (lambda: fit_qre_payoffs(ZERO, {"flat": np.ones((2, 2, 2))}, [[0, 0], [1, 1]]),
     "same payoff for all of his own actions"),
    (lambda: fit_qre_payoffs(ZERO, BASIS, [[0, 0], [1, 1]], lam=None),
     "lam and the payoff scale are not separately identified"),
    (lambda: fit_qre_payoffs(ZERO, BASIS, [[0, 0], [1, 1], [0, 1]],
                             {"first": {"x": [1.0, 2.0, 3.0], "y": [2.0, 4.0, 6.0]}}),
     "collinear"),
    (lambda: fit_qre_payoffs(ZERO, {"a": FIRST, "b": 2 * FIRST},
                             simulate_qre_payoffs(ZERO, {"a": FIRST}, {"a": 1.0}, n_obs=200,
                                                  seed=1)),
     "do not identify"),
    # a symmetric game whose QRE is the same for both players: one probability, two
    # constants
    (lambda: fit_qre_payoffs(ZERO, BASIS, simulate_qre_payoffs(
        ZERO, BASIS, {"first": 1.0, "second": 0.5}, n_obs=400, seed=2)),
     "do not identify"),
])
def test_not_identified(call: object, match: str) -> None:
    with pytest.raises(errors.NotIdentifiedError, match=match):
        call()  # type: ignore[operator]


def test_bad_input() -> None:
    with pytest.raises(errors.InvalidTypeError, match="NormalFormGame"):
        fit_qre_payoffs(np.zeros((2, 2, 2)), BASIS, [[0, 0]])  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidArgumentError, match="not an action"):
        fit_qre_payoffs(ZERO, BASIS, [[0, 2]])
    with pytest.raises(errors.InvalidArgumentError, match="2 columns"):
        fit_qre_payoffs(ZERO, BASIS, [0, 1])
    with pytest.raises(errors.InvalidArgumentError, match="shape"):
        fit_qre_payoffs(ZERO, {"a": np.ones((2, 2))}, [[0, 0]])
    with pytest.raises(errors.InvalidArgumentError, match="not a basis"):
        fit_qre_payoffs(ZERO, BASIS, [[0, 0]], {"third": 1})
    with pytest.raises(errors.InvalidArgumentError, match="lam must be"):
        fit_qre_payoffs(ZERO, BASIS, [[0, 0]], lam=-1.0)


# -- trees: the agent QRE ---------------------------------------------------------------------

DETERRENCE = ml.ExtensiveFormGame(Decision("1", {
    "sq": Outcome([0, 0]),
    "challenge": Decision("2", {"cap": Outcome([0, 0]), "war": Outcome([0, 0])})}))


def _unit(shape: tuple[int, int], *cells: tuple[int, int]) -> np.ndarray:
    out = np.zeros(shape)
    for cell in cells:
        out[cell] = 1.0
    return out


def test_agent_qre_is_signorinos_logit_egame12() -> None:
    """With logit agent error, Signorino's egame12 is the agent QRE at lam = 1 of the
    deterrence tree, on a utility scale sqrt(2) larger (each choice compares two errors of
    scale sqrt(2) in the games package's convention): the same likelihood, coefficients and
    standard errors times sqrt(2), the same predictions."""
    basis = {"u11": _unit((3, 2), (0, 0)), "u14": _unit((3, 2), (2, 0)),
             "u24": _unit((3, 2), (2, 1))}
    x = np.repeat([0.0, 1.0, 2.0], 300)
    regressors = {"u11": {"x": x}, "u14": {"const": 1}, "u24": {"const": 1, "x": x}}
    truth = {"u11": [1.0], "u14": [-0.5], "u24": [0.3, 1.0]}
    y = ml.estimation.simulate_egame12(truth, regressors, link="logit", seed=2)
    signorino = ml.estimation.fit_egame12(y, regressors, link="logit")
    ours = fit_qre_payoffs(DETERRENCE, basis, y, regressors)
    assert ours.names == signorino.names
    assert ours.loglik == pytest.approx(signorino.loglik, abs=1e-7)
    assert np.allclose(ours.params * np.sqrt(2), signorino.params, atol=1e-5)
    assert np.allclose(ours.std_errors * np.sqrt(2), signorino.std_errors, rtol=1e-4)
    assert np.allclose(ours.predict(), signorino.predict(), atol=1e-6)
    assert ours.outcomes == ("sq", "challenge/cap", "challenge/war")


def _signalling() -> ml.ExtensiveFormGame:
    def after(kind: str, war: list[int]) -> Decision:
        return Decision("1", {"out": Outcome([0, 0]), "in": Decision(
            "2", {"fight": Outcome(war), "yield": Outcome([0, 0])}, infoset="after in")},
            infoset=kind)
    return ml.ExtensiveFormGame(Chance({
        "strong": (Fraction(1, 3), after("strong", [0, -2])),
        "weak": (Fraction(2, 3), after("weak", [-2, 0]))}))


# terminals: strong/out, weak/out, strong/in/fight, strong/in/yield, weak/in/fight, ...;
# fixed: a war costs the weak type 2 and player 2 (against the strong type) 2
SIGNAL = _signalling()
SIGNAL_BASIS = {"win": _unit((6, 2), (3, 0), (5, 0)), "fight_weak": _unit((6, 2), (4, 1))}


def test_signalling_tree_recovers_its_coefficients() -> None:
    """Two types of player 1 (chance), player 2 uninformed: his beliefs after 'in' move
    with the covariate of player 1's gain from winning."""
    x = np.repeat([0.0, 1.0, 2.0], 500)
    regressors = {"win": {"const": 1, "x": x}}
    truth = {"win": [0.5, 1.0], "fight_weak": [1.5]}
    y = simulate_qre_payoffs(SIGNAL, SIGNAL_BASIS, truth, regressors, seed=7)
    fit = fit_qre_payoffs(SIGNAL, SIGNAL_BASIS, y, regressors)
    true = np.array([0.5, 1.0, 1.5])
    assert np.all(np.abs(fit.params - true) < 3.5 * fit.std_errors), (fit.params,
                                                                        fit.std_errors)
    assert fit.loglik_obs is not None
    assert fit.loglik_obs.sum() == pytest.approx(fit.loglik)  # chance moves included
    paths = ["/".join(SIGNAL.path(int(SIGNAL.terminals[c]))) for c in y]
    again = fit_qre_payoffs(SIGNAL, SIGNAL_BASIS, paths, regressors)
    assert np.allclose(again.params, fit.params)
    scale = fit_qre_payoffs(SIGNAL, SIGNAL_BASIS, y, regressors, lam=None)
    assert scale.names[0] == "lam"
    assert abs(scale.params[0] - 1.0) < 3.5 * scale.std_errors[0]


def test_tree_gradient_and_derivatives_match_finite_differences() -> None:
    rng = np.random.default_rng(0)
    x = np.repeat([0.0, 1.0], 5)
    choices = rng.integers(0, 6, size=10)
    d = covariates(tuple(SIGNAL_BASIS), {"win": {"const": 1, "x": x}}, 10)
    model = _Model(SIGNAL, np.asarray(list(SIGNAL_BASIS.values())), d, 1.0, 1e-13)
    negloglik, gradient = _objective(model, *_counts(model, choices))
    h = 1e-6
    for _ in range(3):
        theta = rng.uniform(-1.5, 1.5, size=3)
        fd = np.array([(negloglik(theta + h * e) - negloglik(theta - h * e)) / (2 * h)
                       for e in np.eye(3)])
        assert np.allclose(gradient(theta), fd, atol=1e-5, rtol=1e-5)
    dirs = [rng.normal(size=(6, 2)) for _ in range(2)]
    out = qre_sensitivity(SIGNAL, 1.2, dirs, tol=1e-13)
    pay = np.asarray(SIGNAL.float_payoffs)
    for r, direction in enumerate(dirs):
        up, down = (np.log(np.concatenate(qre_sensitivity(
            SIGNAL, 1.2, payoffs=pay + s * h * direction, tol=1e-13).qre.strategies))
            for s in (1, -1))
        assert np.allclose(out.log_derivatives[r], (up - down) / (2 * h), atol=1e-6)
    up, down = (np.log(np.concatenate(qre_sensitivity(SIGNAL, 1.2 + s * h, tol=1e-13)
                                      .qre.strategies)) for s in (1, -1))
    assert np.allclose(out.log_lam_derivative, (up - down) / (2 * h), atol=1e-6)


# -- pygambit 16.7, frozen (tests/data/peers/regenerate_qre_payoffs.py) -----------------------

PEERS = Path(__file__).resolve().parent / "data" / "peers" / "qre_payoffs.json"


def _choices_of(counts: list[list[int]]) -> np.ndarray:
    """Observations whose marginal counts are ``counts`` (the likelihood uses only these)."""
    columns = [np.repeat(np.arange(len(row)), row) for row in counts]
    return np.column_stack(columns)


def test_lam_alone_equals_pygambits_logit_estimate() -> None:
    for case in json.loads(PEERS.read_text())["fits"]:
        payoffs = np.asarray(case["payoffs"])
        game = ml.NormalFormGame(*[payoffs[..., i] for i in range(payoffs.shape[-1])])
        fit = fit_qre_payoffs(game, {}, _choices_of(case["counts"]), lam=None)
        assert float(fit.params[0]) == pytest.approx(case["lam"], rel=1e-4), case["name"]
        assert fit.loglik == pytest.approx(case["log_like"], abs=1e-6), case["name"]


def test_each_covariate_rows_equilibrium_is_pygambits() -> None:
    """The QRE the likelihood uses at every distinct covariate row equals pygambit's
    logit_solve_lambda at lambda = 1 on that row's game."""
    for case in json.loads(PEERS.read_text())["equilibria"]:
        names = tuple(case["basis"])
        bases = np.asarray([case["basis"][b] for b in names])
        x = np.asarray(case["x"])
        regressors = {b: ({"const": 1, "x": x} if len(case["coefficients"][b]) == 2 else 1)
                      for b in names}
        model = _Model(ml.NormalFormGame(np.asarray(case["fixed"])), bases,
                       covariates(names, regressors, len(x)), 1.0, 1e-12)
        params = np.concatenate([case["coefficients"][b] for b in names])
        order = np.argsort(model.group)  # distinct rows are sorted; x is increasing here
        rows = model.strategies(params)
        for mixes, peer in zip((rows[g] for g in model.group[order]),
                               case["logit_solve_lambda_1"], strict=True):
            for ours, theirs in zip(mixes, peer, strict=True):
                assert np.allclose(ours, theirs, atol=1e-7), case["name"]


def test_batched_newton_equals_one_game_at_a_time() -> None:
    """The two-player batch (every covariate row's Newton at once, warm-started) gives the
    same log-probabilities and derivatives as qre_sensitivity row by row."""
    rng = np.random.default_rng(3)
    pay = rng.normal(size=(6, 2, 3, 2))
    dirs = rng.normal(size=(2, 2, 3, 2))
    start = np.array([np.concatenate(qre_sensitivity(p, 1.3, dirs).qre.strategies)
                      for p in pay])
    moved = pay + 0.05 * rng.normal(size=pay.shape)
    logp, deriv, dlam, ok = bimatrix_sensitivities(moved, 1.3, dirs, start, tol=1e-12)
    assert ok.all()
    for g, p in enumerate(moved):
        one = qre_sensitivity(p, 1.3, dirs, tol=1e-12)
        assert np.allclose(logp[g], np.log(np.concatenate(one.qre.strategies)), atol=1e-10)
        assert np.allclose(deriv[g], one.log_derivatives, atol=1e-9)
        assert np.allclose(dlam[g], one.log_lam_derivative, atol=1e-9)


def test_continuous_covariate() -> None:
    """One QRE per observation (no two covariate values alike), solved in one batch."""
    x = np.random.default_rng(5).uniform(0, 2, 150)
    regressors = {"first": {"const": 1, "x": x}}
    y = simulate_qre_payoffs(ZERO, {"first": FIRST}, {"first": [0.5, 1.5]}, regressors, seed=5)
    fit = fit_qre_payoffs(ZERO, {"first": FIRST}, y, regressors)
    assert np.all(np.abs(fit.params - [0.5, 1.5]) < 3.5 * fit.std_errors)
    assert fit.predict().shape == (150, 4)


def _coverage(game: object, basis: dict, regressors: dict, truth: dict,  # type: ignore[type-arg]
              true: np.ndarray, seeds: int) -> np.ndarray:
    covered = np.zeros(len(true))
    for seed in range(seeds):
        y = simulate_qre_payoffs(game, basis, truth, regressors, seed=1000 + seed)  # type: ignore[arg-type]
        ci = fit_qre_payoffs(game, basis, y, regressors).conf_int()  # type: ignore[arg-type]
        covered += (ci[:, 0] <= true) & (true <= ci[:, 1])
    return covered


if __name__ == "__main__":  # pragma: no cover - the long coverage run of the report
    x = np.repeat([0.0, 0.5, 1.0], 100)
    print("2x2, n = 300, 200 seeds:", _coverage(
        ZERO, BASIS, {"first": {"const": 1, "x": x}, "second": 1},
        {"first": [1.0, 2.0], "second": [1.5]}, np.array([1.0, 2.0, 1.5]), 200))
    x = np.repeat([0.0, 1.0, 2.0], 500)
    print("signalling tree, n = 1500, 100 seeds:", _coverage(
        SIGNAL, SIGNAL_BASIS, {"win": {"const": 1, "x": x}},
        {"win": [0.5, 1.0], "fight_weak": [1.5]}, np.array([0.5, 1.0, 1.5]), 100))
