"""Signorino's strategic models (multilateral.estimation.strategic): egame12 and egame122.

* Recovery: 95% Wald intervals from fits to data simulated from known coefficients cover
  them at a rate within binomial limits of 0.95 (many seeds, moderate n).
* The closed-form outcome probabilities equal a Monte Carlo simulation of the game itself,
  with every player's random utility drawn (a hypothesis property over the utilities).
* The published equations: the outcome probabilities of Kenkel and Signorino's ``games``
  package (its ``makeProbs12``/``makeProbs122``, and its own hand-computed check in
  ``tests/testthat/test_egame12.r``), written out here independently with scipy.
* What the data cannot identify is refused with NotIdentifiedError; outcomes the game does
  not allow with InvalidArgumentError.
"""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from multilateral.errors import (
    InvalidArgumentError,
    InvalidTypeError,
    NotIdentifiedError,
    UnknownKeyError,
)
from multilateral.estimation import (
    egame12_probabilities,
    egame122_probabilities,
    fit_egame12,
    fit_egame122,
    simulate_egame12,
    simulate_egame122,
    vuong,
)

TRUTH12 = {"u11": [0.2, 0.8], "u14": [-0.5, 0.6], "u24": [0.3, -1.0]}
TRUTH122 = {"u11": [0.4, 0.7], "u13": [-0.3], "u22": [0.2, 0.8], "u24": [-0.2, -0.9]}


def _design12(rng, n):
    x = rng.normal(size=(n, 3))
    ones = np.ones((n, 1))
    return {"u11": np.column_stack([ones, x[:, 0]]), "u14": np.column_stack([ones, x[:, 1]]),
            "u24": np.column_stack([ones, x[:, 2]])}


def _design122(rng, n):
    x = rng.normal(size=(n, 3))
    ones = np.ones((n, 1))
    return {"u11": np.column_stack([ones, x[:, 0]]), "u13": x[:, 1],
            "u22": np.column_stack([ones, x[:, 2]]), "u24": np.column_stack([ones, x[:, 1]])}


def _truth(truth, equations):
    return np.concatenate([np.atleast_1d(truth[eq]) for eq in equations if eq in truth])


def _coverage(fit_fn, sim_fn, design_fn, truth, seeds, n, **options):
    hits = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        regressors = design_fn(rng, n)
        fit = fit_fn(sim_fn(truth, regressors, seed=rng, **options), regressors, **options)
        assert fit.converged
        ci = fit.conf_int(0.95)
        true = _truth(truth, list(dict.fromkeys(name.split(":")[0] for name in fit.names)))
        hits.append((ci[:, 0] <= true) & (true <= ci[:, 1]))
    return np.array(hits)


def _within_binomial_limits(hits):
    """Each parameter's coverage, and the pooled one, inside the 99.9% binomial interval
    around 0.95 (the seeds are fixed: the test is deterministic)."""
    seeds = hits.shape[0]
    low, high = stats.binom.interval(0.999, seeds, 0.95)
    per = hits.sum(axis=0)
    assert np.all((per >= low) & (per <= high)), (per / seeds, low / seeds, high / seeds)
    pooled_low, pooled_high = stats.binom.interval(0.999, hits.size, 0.95)
    # pooled intervals are correlated within a seed: this bound is only a sanity check
    assert pooled_low - 0.02 * hits.size <= hits.sum() <= pooled_high + 0.02 * hits.size


@pytest.mark.parametrize("kind, link, seeds", [("agent", "probit", 200),
                                                ("private", "probit", 100),
                                                ("agent", "logit", 100)])
def test_egame12_intervals_cover_the_truth(kind, link, seeds):
    hits = _coverage(fit_egame12, simulate_egame12, _design12, TRUTH12, seeds, 400,
                     kind=kind, link=link)
    _within_binomial_limits(hits)


def test_egame122_intervals_cover_the_truth():
    hits = _coverage(fit_egame122, simulate_egame122, _design122, TRUTH122, 100, 600)
    _within_binomial_limits(hits)


# -- the closed form against the game played with drawn errors ---------------------------------
def _draw(rng, link, size):
    if link == "probit":
        return rng.normal(size=size)
    return rng.gumbel(scale=np.sqrt(2.0), size=size)  # differences: logistic, scale sqrt 2


def _p2_resists(rng, u2, kind, link, m):
    """Player 2 between 0 (Left) and u2 (Right), each with its own drawn error."""
    return u2 + _draw(rng, link, m) > _draw(rng, link, m)


def _p1_right(rng, left, right, q_left, q_right, kind, link, m):
    """Player 1's choice: agent error: one error per action on the expected utilities;
    private information: one error per outcome, weighted by his belief about Player 2."""
    def value(utils, q):
        if kind == "agent":
            return (utils[0] if q is None else (1 - q) * utils[0] + q * utils[1])
        if q is None:
            return utils[0] + _draw(rng, link, m)
        return ((1 - q) * (utils[0] + _draw(rng, link, m))
                + q * (utils[1] + _draw(rng, link, m)))

    vl, vr = value(left, q_left), value(right, q_right)
    if kind == "agent":
        vl, vr = vl + _draw(rng, link, m), vr + _draw(rng, link, m)
    return vr > vl


UTILITY = st.floats(-2.0, 2.0, allow_nan=False)
OPTIONS = st.sampled_from([("agent", "probit"), ("agent", "logit"), ("private", "probit")])


@given(UTILITY, UTILITY, UTILITY, UTILITY, OPTIONS)
def test_egame12_closed_form_equals_the_simulated_game(u11, u13, u14, u24, options):
    kind, link = options
    m = 40_000
    rng = np.random.default_rng(0)
    resists = _p2_resists(rng, u24, kind, link, m)
    q = resists.mean()  # Player 1's belief: Player 2's (simulated) probability of resisting
    challenges = _p1_right(rng, [u11], [u13, u14], None, q, kind, link, m)
    freq = np.array([np.mean(~challenges), np.mean(challenges & ~resists),
                     np.mean(challenges & resists)])
    closed = egame12_probabilities(
        {"u11": [u11], "u13": [u13], "u14": [u14], "u24": [u24]},
        {"u11": 1, "u13": 1, "u14": 1, "u24": [[1.0]]}, kind=kind, link=link)[0]
    np.testing.assert_allclose(freq, closed, atol=0.015)


@given(st.lists(UTILITY, min_size=6, max_size=6), OPTIONS)
def test_egame122_closed_form_equals_the_simulated_game(u, options):
    kind, link = options
    u11, u12, u13, u14, u22, u24 = u
    m = 40_000
    rng = np.random.default_rng(1)
    after_left = _p2_resists(rng, u22, kind, link, m)
    after_right = _p2_resists(rng, u24, kind, link, m)
    right = _p1_right(rng, [u11, u12], [u13, u14], after_left.mean(), after_right.mean(),
                      kind, link, m)
    freq = np.array([np.mean(~right & ~after_left), np.mean(~right & after_left),
                     np.mean(right & ~after_right), np.mean(right & after_right)])
    names = ("u11", "u12", "u13", "u14", "u22", "u24")
    closed = egame122_probabilities({eq: [v] for eq, v in zip(names, u, strict=True)},
                                    {eq: [[1.0]] for eq in names}, kind=kind, link=link)[0]
    np.testing.assert_allclose(freq, closed, atol=0.015)


# -- the published equations of the games package ----------------------------------------------
def _games_probs12(u11, u13, u14, u24, kind, link):
    """Kenkel and Signorino's makeProbs12 (R/egame12.r, games 1.1.2), unit scales:
    linkfcn(x, sd) is pnorm(x, sd = sd) or plogis(x, scale = sd)."""
    cdf = ((lambda x, sd: stats.norm.cdf(x, scale=sd)) if link == "probit"
           else (lambda x, sd: stats.logistic.cdf(x, scale=sd)))
    p4 = cdf(u24, np.sqrt(2.0))
    p3 = 1 - p4
    sd2 = np.sqrt(p3 ** 2 + p4 ** 2 + 1) if kind == "private" else np.sqrt(2.0)
    p2 = cdf(p3 * u13 + p4 * u14 - u11, sd2)
    return np.column_stack([1 - p2, p2 * p3, p2 * p4])


def _games_probs122(u11, u12, u13, u14, u22, u24, kind, link):
    """Kenkel and Signorino's makeProbs122 (R/egame122.r, games 1.1.2), unit scales."""
    cdf = ((lambda x, sd: stats.norm.cdf(x, scale=sd)) if link == "probit"
           else (lambda x, sd: stats.logistic.cdf(x, scale=sd)))
    p6 = cdf(u24, np.sqrt(2.0))
    p5 = 1 - p6
    p4 = cdf(u22, np.sqrt(2.0))
    p3 = 1 - p4
    sd2 = np.sqrt(p3 ** 2 + p4 ** 2 + p5 ** 2 + p6 ** 2) if kind == "private" else np.sqrt(2.0)
    p2 = cdf(p5 * u13 + p6 * u14 - p3 * u11 - p4 * u12, sd2)
    p1 = 1 - p2
    return np.column_stack([p1 * p3, p1 * p4, p2 * p5, p2 * p6])


@pytest.mark.parametrize("kind, link", [("agent", "probit"), ("agent", "logit"),
                                        ("private", "probit")])
def test_the_games_package_equations(kind, link):
    rng = np.random.default_rng(3)
    x = {eq: rng.normal(size=(50, 2)) for eq in ("u11", "u12", "u13", "u14", "u22", "u24")}
    beta = {eq: rng.normal(size=2) for eq in x}
    u = {eq: x[eq] @ beta[eq] for eq in x}
    eqs12 = ("u11", "u13", "u14", "u24")
    ours12 = egame12_probabilities({eq: beta[eq] for eq in eqs12}, {eq: x[eq] for eq in eqs12},
                                   kind=kind, link=link)
    np.testing.assert_allclose(ours12, _games_probs12(*(u[eq] for eq in eqs12), kind, link),
                               rtol=1e-12, atol=1e-15)
    ours122 = egame122_probabilities(beta, x, kind=kind, link=link)
    np.testing.assert_allclose(ours122, _games_probs122(*(u[eq] for eq in x), kind, link),
                               rtol=1e-12, atol=1e-15)


def test_the_fitted_loglik_is_the_hand_computed_one():
    """games' test_egame12.r, 'log-likelihood is correctly computed': the sum of the logs of
    the observed outcomes' probabilities from the hand-written formula."""
    rng = np.random.default_rng(5)
    regressors = _design12(rng, 500)
    y = simulate_egame12(TRUTH12, regressors, seed=rng)
    fit = fit_egame12(y, regressors)
    beta = {eq: fit.params[[i for i, n in enumerate(fit.names) if n.startswith(eq)]]
            for eq in ("u11", "u14", "u24")}
    u = {eq: regressors[eq] @ beta[eq] for eq in beta}
    probs = _games_probs12(u["u11"], 0.0, u["u14"], u["u24"], "agent", "probit")
    assert fit.loglik == pytest.approx(np.log(probs[np.arange(500), y]).sum(), rel=1e-10)
    np.testing.assert_allclose(fit.predict(), probs, rtol=1e-10)


# -- the fit's interface -------------------------------------------------------------------------
def test_names_predict_and_new_data():
    rng = np.random.default_rng(7)
    regressors = _design12(rng, 300)
    y = simulate_egame12(TRUTH12, regressors, seed=rng)
    fit = fit_egame12(y, regressors)
    assert fit.names == ("u11: x1", "u11: x2", "u14: x1", "u14: x2", "u24: x1", "u24: x2")
    assert fit.outcomes == ("sq", "cap", "war")
    assert fit.model == "egame12 (agent error, probit)"
    np.testing.assert_allclose(fit.predict().sum(axis=1), 1.0)
    new = {eq: m[:5] for eq, m in regressors.items()}
    np.testing.assert_allclose(fit.predict(new), fit.predict()[:5])
    with pytest.raises(InvalidArgumentError, match="columns"):
        fit.predict({**new, "u24": new["u24"][:, :1]})
    back = pickle.loads(pickle.dumps(fit))
    np.testing.assert_allclose(back.predict(new), fit.predict(new))


def test_outcome_names_and_dataframes():
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(8)
    regressors = _design12(rng, 300)
    codes = simulate_egame12(TRUTH12, regressors, seed=rng)
    by_code = fit_egame12(codes, regressors)
    frames = {eq: pd.DataFrame(m, columns=["const", f"x_{eq}"]) for eq, m in regressors.items()}
    labels = pd.Series(np.array(["sq", "cap", "war"])[codes])
    by_name = fit_egame12(labels, frames)
    np.testing.assert_allclose(by_name.params, by_code.params)
    assert by_name.names[:2] == ("u11: const", "u11: x_u11")
    assert "u24: x\\_u24" in by_name.to_latex()


def test_private_information_differs_from_agent_error():
    rng = np.random.default_rng(9)
    regressors = _design12(rng, 400)
    y = simulate_egame12(TRUTH12, regressors, seed=rng, kind="private")
    agent, private = fit_egame12(y, regressors), fit_egame12(y, regressors, kind="private")
    assert private.model == "egame12 (private information, probit)"
    assert private.loglik != pytest.approx(agent.loglik)


# -- what cannot be identified, and data the game does not allow --------------------------------
def _y_and_x(n=200):
    rng = np.random.default_rng(11)
    regressors = _design12(rng, n)
    return simulate_egame12(TRUTH12, regressors, seed=rng), regressors


def test_a_constant_in_every_utility_of_player_1_is_refused():
    y, x = _y_and_x()
    with pytest.raises(NotIdentifiedError, match="Lewis and Schultz"):
        fit_egame12(y, {**x, "u13": 1})


def test_regressors_in_a_utility_normalized_to_zero_are_refused():
    y, x = _y_and_x()
    with pytest.raises(NotIdentifiedError, match="normalized to 0"):
        fit_egame12(y, {**x, "u23": 1})


def test_collinear_regressors_are_refused():
    y, x = _y_and_x()
    z = x["u24"]
    with pytest.raises(NotIdentifiedError, match="collinear"):
        fit_egame12(y, {**x, "u24": np.column_stack([z, 2 * z[:, 1]])})


def test_a_flat_likelihood_is_refused_by_the_hessian():
    """x in both u13 and u14 with Player 2's probability constant: only (1 - q) b13 + q b14
    is identified; nothing in the regressors alone shows it, the Hessian does."""
    y, x = _y_and_x()
    with pytest.raises(NotIdentifiedError, match="Hessian"):
        fit_egame12(y, {"u11": 1, "u13": x["u14"][:, 1], "u14": x["u14"][:, 1], "u24": 1})


def test_an_outcome_never_observed_is_refused_when_its_utility_is_estimated():
    y, x = _y_and_x()
    y = np.where(y == 2, 1, y)  # no war
    with pytest.raises(NotIdentifiedError, match="'war'"):
        fit_egame12(y, x)


@pytest.mark.parametrize("bad, error, says", [
    ([0, 1, 3], InvalidArgumentError, "subtract 1"),
    ([0, 1, -1], InvalidArgumentError, "does not allow"),
    ([0, 1.5, 2], InvalidArgumentError, "does not allow"),
    (["sq", "peace", "war"], InvalidArgumentError, "'peace'"),
    ([True, False, True], InvalidTypeError, "outcome numbers or names"),
])
def test_outcomes_the_game_does_not_allow(bad, error, says):
    with pytest.raises(error, match=says):
        fit_egame12(bad, {"u11": 1, "u24": 1})


def test_bad_options_and_shapes():
    y, x = _y_and_x()
    with pytest.raises(InvalidArgumentError, match="kind"):
        fit_egame12(y, x, kind="quantal")
    with pytest.raises(InvalidArgumentError, match="link"):
        fit_egame12(y, x, link="cauchit")
    with pytest.raises(UnknownKeyError, match="u99"):
        fit_egame12(y, {**x, "u99": 1})
    with pytest.raises(InvalidArgumentError, match="one row per observation"):
        fit_egame12(y, {**x, "u11": x["u11"][:10]})
    with pytest.raises(InvalidTypeError, match="mapping"):
        fit_egame12(y, [x["u11"]])
    with pytest.raises(InvalidArgumentError, match="finite"):
        fit_egame12(y, {**x, "u11": np.full((len(y), 1), np.nan)})
    with pytest.raises(InvalidArgumentError, match="2 finite numbers"):
        egame12_probabilities({"u11": [1.0]}, {"u11": np.ones((3, 2))})


def test_named_columns_as_a_mapping():
    rng = np.random.default_rng(12)
    regressors = _design12(rng, 300)
    y = simulate_egame12(TRUTH12, regressors, seed=rng)
    named = {eq: {"const": 1, f"z_{eq}": m[:, 1]} for eq, m in regressors.items()}
    by_name, by_matrix = fit_egame12(y, named), fit_egame12(y, regressors)
    np.testing.assert_allclose(by_name.params, by_matrix.params)
    assert by_name.names == ("u11: const", "u11: z_u11", "u14: const", "u14: z_u14",
                             "u24: const", "u24: z_u24")
    np.testing.assert_allclose(by_name.predict({eq: {"const": 1, "z": m[:4, 1]}
                                                for eq, m in regressors.items()}),
                               by_matrix.predict()[:4])
    for bad, says in (({}, "empty mapping"), ({"c": 1}, "no matrix with rows"),
                      ({"c": 2, "x": [1.0, 2.0]}, "must be 1"),
                      ({"x": [1.0, 2.0], "z": [1.0]}, "one length each")):
        with pytest.raises(InvalidArgumentError, match=says):
            egame12_probabilities({"u11": [0.0] * len(bad)}, {"u11": bad})


# -- the games package's example data: 19th-century disputes (war1800) ------------------------
# tests/data/war1800.csv: ten of the 21 columns (the example's variables and the dyad's
# identity) of data/war1800.rda of Kenkel and Signorino's games package (version 1.1.2 on
# CRAN, GPL >= 2), converted with the rdata Python package; empty regime: NA. Its
# documentation (man/war1800.Rd) gives the source: militarized interstate disputes
# 1816-1899 from the Correlates of War project (Jones, D. M., Bremer, S. A. and Singer,
# J. D. 1996, Militarized interstate disputes, 1816-1992, Conflict Management and Peace
# Science 15(2), 163-213), S-scores of Signorino and Ritter (International Studies
# Quarterly 1999), regime types from
# Polity scores. The file holds those facts only (no code of the package); checked cell by
# cell against R's data(war1800) written with write.csv (all 313 rows equal).
WAR1800 = Path(__file__).parent / "data" / "war1800.csv"


def _war1800():
    """The package's example ``esc + war ~ s_wt_re1 + revis1 | 0 | regime1 | balanc +
    regime2`` on its complete cases (R's default na.omit; regime is missing for some)."""
    with WAR1800.open() as handle:
        rows = [r for r in csv.DictReader(handle) if r["regime1"] and r["regime2"]]
    col = {key: np.array([r[key] for r in rows]) for key in rows[0]}
    y = np.where(col["esc"] == "1", np.where(col["war"] == "1", 2, 1), 0)
    num = {key: col[key].astype(float) for key in ("s_wt_re1", "revis1", "balanc")}
    regressors = {
        "u11": {"(Intercept)": 1, "s_wt_re1": num["s_wt_re1"], "revis1": num["revis1"]},
        "u14": {"(Intercept)": 1, "regime1dem": (col["regime1"] == "dem") * 1.0,
                "regime1mixed": (col["regime1"] == "mixed") * 1.0},
        "u24": {"(Intercept)": 1, "balanc": num["balanc"],
                "regime2dem": (col["regime2"] == "dem") * 1.0,
                "regime2mixed": (col["regime2"] == "mixed") * 1.0},
    }
    return y, regressors


# R 4.2.2 with games 1.1.2 (and maxLik 1.5-2), run by the reviewer of issue 14:
#   data(war1800); f1 <- esc + war ~ s_wt_re1 + revis1 | 0 | regime1 | balanc + regime2
#   m <- egame12(f1, data = war1800, link = link, type = type)
#   m$coefficients; sqrt(diag(m$vcov)); logLik(m)
# (N = 282 after na.omit). Order: u11 (Intercept), s_wt_re1, revis1; u14 (Intercept),
# regime1dem, regime1mixed; u24 (Intercept), balanc, regime2dem, regime2mixed.
# R refuses link = "logit" with type = "private" (it warns and fits the probit).
R_GAMES_WAR1800 = {
    ("agent", "probit"): (
        -286.123754719,
        [-0.495446164, -0.740014662, 0.427240478, 0.221906604, -1.902235170, -0.584105141,
         0.499088476, -0.041971522, -1.543614372, -0.616826552],
        [0.59872592, 0.27966495, 0.26380396, 1.21704644, 0.66444695, 0.54991357,
         0.44137609, 0.56873805, 0.45264196, 0.32083102]),
    ("private", "probit"): (
        -286.118174247,
        [-0.44420547, -0.64471748, 0.37601799, 0.17721420, -1.66589853, -0.51184121,
         0.48983977, -0.03814735, -1.53993284, -0.61064970],
        [0.54368121, 0.24437970, 0.23120020, 1.10708937, 0.57963804, 0.48107212,
         0.44781299, 0.57768920, 0.45152614, 0.32223336]),
    ("agent", "logit"): (
        -286.182793903,
        [-0.8458236754, -1.1881710662, 0.6791456711, 0.2548767013, -3.0849292650,
         -0.9575870855, 0.7611797954, -0.0079746585, -2.5051888454, -0.9787590275],
        [0.97474881, 0.45427439, 0.42940997, 1.97020422, 1.08822634, 0.89915330,
         0.71317723, 0.90488534, 0.76616608, 0.51727179]),
}


@pytest.mark.parametrize("kind, link", list(R_GAMES_WAR1800))
def test_war1800_reproduces_the_games_package_in_r(kind, link):
    """The estimates, standard errors and log-likelihood that R's games package prints for
    its own example (above): the same maximum (log-likelihoods equal to 1e-6; estimates
    within a thousandth of a standard error, the optimizers' tolerance) and the same
    inverse-Hessian standard errors."""
    loglik, params, ses = R_GAMES_WAR1800[kind, link]
    y, regressors = _war1800()
    fit = fit_egame12(y, regressors, kind=kind, link=link)
    assert fit.loglik == pytest.approx(loglik, abs=1e-6)
    assert np.all(np.abs(fit.params - params) < 1e-3 * np.array(ses)), fit.params - params
    np.testing.assert_allclose(fit.std_errors, ses, rtol=1e-4)


def test_logit_with_private_information_is_refused():
    y, regressors = _war1800()
    with pytest.raises(InvalidArgumentError, match="no closed form under private"):
        fit_egame12(y, regressors, kind="private", link="logit")
    with pytest.raises(InvalidArgumentError, match="no closed form under private"):
        egame122_probabilities({"u22": [0.0]}, {"u22": [[1.0]]}, kind="private", link="logit")


def test_war1800_the_packages_example_and_its_loglik_check():
    """Kenkel and Signorino's example fit (inst/examples/egame12.r, m1) on their data, and
    their test that the log-likelihood is the sum of the logs of the hand-computed outcome
    probabilities (tests/testthat/test_egame12.r). R's own estimates: the test above."""
    y, regressors = _war1800()
    fit = fit_egame12(y, regressors)
    assert fit.converged and fit.n_obs == len(y) == 282
    beta = fit.estimates()
    u = {eq: sum(beta[f"{eq}: {name}"] * (1.0 if np.isscalar(v) else v)
                 for name, v in regressors[eq].items()) for eq in regressors}
    probs = _games_probs12(u["u11"], 0.0, u["u14"], u["u24"], "agent", "probit")
    assert fit.loglik == pytest.approx(np.log(probs[np.arange(len(y)), y]).sum(), rel=1e-10)
    # the logit's coefficients are the probit's times about 1.6 (the logistic's wider scale)
    logit = fit_egame12(y, regressors, link="logit")
    big = np.abs(fit.z_values) > 2
    ratio = logit.params[big] / fit.params[big]
    assert np.all((ratio > 1.4) & (ratio < 1.8)), ratio


def test_war1800_the_start_reaches_the_global_maximum():
    """Strategic likelihoods can have several local maxima (the games package offers
    profile.game to detect them); on war1800 ten random starts all end at the fit's."""
    from scipy import optimize

    from multilateral.estimation._twostage import SPECS, design, loglik_and_gradient

    y, regressors = _war1800()
    spec = SPECS["egame12"]
    d = design(spec, regressors, n=len(y))
    fit = fit_egame12(y, regressors)
    rng = np.random.default_rng(0)
    for _ in range(10):
        res = optimize.minimize(
            lambda t: tuple(-v for v in loglik_and_gradient(spec, d, t, y, "agent", "probit")),
            rng.uniform(-2, 2, fit.n_params), jac=True, method="BFGS")
        assert -res.fun <= fit.loglik + 1e-6
        assert -res.fun == pytest.approx(fit.loglik, abs=1e-4)


def test_separation_is_refused():
    """A dummy that predicts Player 2's choice perfectly (every challenged defender with an
    ally resists) or a cut-off in x that predicts Player 1's: infinite estimates."""
    y, x = _y_and_x(400)
    ally = (np.arange(400) % 2).astype(float)
    resists = np.where(y > 0, np.where(ally == 1, 2, 1), 0)
    with pytest.raises(NotIdentifiedError, match=r"Player 2's choice .* \(u24\).*separation"):
        fit_egame12(resists, {**x, "u24": {"const": 1, "ally": ally}})
    cut = x["u11"][:, 1] > 0.3
    challenged = np.where(cut, np.maximum(y, 1), 0)
    with pytest.raises(NotIdentifiedError, match="Player 1's choice is perfectly predicted"):
        fit_egame12(challenged, x)


def test_outcomes_as_two_indicator_columns():
    """R's ``esc + war`` form: whether Player 1 moved Right, whether Player 2 did."""
    y, x = _y_and_x()
    esc, war = (y > 0) * 1, (y == 2) * 1
    war_noise = np.where(y == 0, np.arange(len(y)) % 2, war)  # ignored without a challenge
    np.testing.assert_allclose(fit_egame12(np.column_stack([esc, war_noise]), x).params,
                               fit_egame12(y, x).params)
    codes = simulate_egame122(TRUTH122, _design122(np.random.default_rng(2), 50), seed=3)
    both = np.column_stack([codes >= 2, codes % 2]).astype(int)
    from multilateral.estimation._twostage import SPECS, outcome_codes

    np.testing.assert_array_equal(outcome_codes(SPECS["egame122"], both), codes)
    with pytest.raises(InvalidArgumentError, match="0/1 indicators"):
        fit_egame12(np.column_stack([esc, war * 2]), x)


def test_per_observation_loglik_and_vuong_between_error_structures():
    rng = np.random.default_rng(13)
    regressors = _design12(rng, 400)
    y = simulate_egame12(TRUTH12, regressors, seed=rng)
    agent, private = fit_egame12(y, regressors), fit_egame12(y, regressors, kind="private")
    assert agent.loglik_obs.sum() == pytest.approx(agent.loglik, rel=1e-12)
    np.testing.assert_allclose(agent.loglik_obs, np.log(agent.predict()[np.arange(400), y]))
    test = vuong([agent, private])
    assert np.isfinite(test.statistic) and 0 <= test.p_value <= 1
    assert test.favours in (agent.model, private.model)


# -- separation of Player 2's choice is decided by the joint likelihood --------------------------
def _deterred_allies(status_quo_without_ally):
    """Player 2 resists every challenge of an allied dyad (ally = 1): his probit alone is
    separated. Without an ally, 300 dyads end in sq, cap or war; with one, 100 dyads, 90
    challenged, all resisted."""
    sq0 = status_quo_without_ally
    y = np.array([0] * sq0 + [1] * ((300 - sq0) // 2) + [2] * (300 - sq0 - (300 - sq0) // 2)
                 + [0] * 10 + [2] * 90)
    ally = np.concatenate([np.zeros(300), np.ones(100)])
    return y, {"u13": 1, "u24": {"const": 1, "ally": ally}}


def _joint_maximum(y, regressors, starts):
    from scipy import optimize

    from multilateral.estimation._twostage import SPECS, design, loglik_and_gradient

    spec = SPECS["egame12"]
    d = design(spec, regressors, n=len(y))

    def f(t):
        value, grad = loglik_and_gradient(spec, d, t, y, "agent", "probit")
        return -value, -grad

    runs = [optimize.minimize(f, np.array(s, float), jac=True, method="BFGS") for s in starts]
    return max(runs, key=lambda r: -r.fun)


def test_separated_player2_with_a_finite_joint_maximum_is_fitted():
    """Allied defenders always resist, yet challengers of allies challenge 90% of the time:
    only a Player 2 who sometimes backs down makes that rational (u13 > 0 is the gain from
    capitulation), so Player 1's choices bound the ally coefficient and the joint maximum is
    finite (the separation check of Player 2's probit alone refused it: a false refusal)."""
    y, regressors = _deterred_allies(15)
    fit = fit_egame12(y, regressors)
    best = _joint_maximum(y, regressors, [[0, 0, 0], [1, 0, 2], [3, 0, 5]])
    assert fit.loglik == pytest.approx(-best.fun, abs=1e-6)
    np.testing.assert_allclose(fit.params, best.x, atol=1e-3)
    assert 0.5 < fit.params[2] < 2.5 and fit.std_errors[2] < 0.5
    # far out along the separating direction the likelihood is lower: the maximum is finite
    far = _joint_maximum(y, regressors, [[fit.params[0], fit.params[1], 30.0]])
    assert -far.fun < fit.loglik - 1.0


def test_separated_player2_whose_estimates_run_off_is_refused():
    """The same allies, but challengers who mostly keep the status quo: nothing pushes
    back, the likelihood rises to its supremum as the ally coefficient grows."""
    y, regressors = _deterred_allies(120)
    with pytest.raises(NotIdentifiedError, match=r"\(ally\).*separation"):
        fit_egame12(y, regressors)


def test_separation_in_tiny_units_is_found():
    """The linear program scales each column: a separating dummy measured in billionths is
    still separation."""
    y, x = _y_and_x(400)
    ally = (np.arange(400) % 2).astype(float)
    resists = np.where(y > 0, np.where(ally == 1, 2, 1), 0)
    with pytest.raises(NotIdentifiedError, match="separation"):
        fit_egame12(resists, {**x, "u24": {"const": 1, "ally": ally * 1e-9}})


def test_an_outcome_never_observed_without_a_constant_is_not_separation():
    """No challenge ends in war, but Player 2's utility of war is ``b x`` without a constant
    and ``x`` takes both signs: no ``b`` predicts 'never war' perfectly, the estimate is
    finite, and the model is fitted."""
    y, x = _y_and_x(400)
    z = x["u24"][:, 1]
    y = np.where(y == 2, 1, y)
    fit = fit_egame12(y, {"u11": x["u11"], "u14": x["u14"], "u24": z})
    assert fit.converged and np.all(np.isfinite(fit.std_errors))


def test_strongly_correlated_regressors_are_identified():
    """Two regressors of u11 correlated at 0.99999: identified, with large standard errors
    (twenty times the uncorrelated ones), and not refused; exactly collinear ones are."""
    y, x = _y_and_x(1000)
    z = x["u11"][:, 1] + 0.003 * np.random.default_rng(0).normal(size=1000)
    fit = fit_egame12(y, {**x, "u11": np.column_stack([x["u11"], z])})
    assert np.all(np.isfinite(fit.std_errors)) and np.all(fit.std_errors[1:3] > 5.0)


def test_vuong_with_schwarz_correction_is_the_games_packages():
    """R's games 1.1.2 ``vuong(m1, m2)`` always applies the Schwarz correction (and the
    1/n variance): -0.0825265579809 for agent error against private information, and
    -0.954965626398 for the example against it without revis1 (reviewer's run, R 4.2.2)."""
    y, regressors = _war1800()
    agent = fit_egame12(y, regressors)
    private = fit_egame12(y, regressors, kind="private")
    fewer = fit_egame12(y, {**regressors, "u11": {k: v for k, v in regressors["u11"].items()
                                                  if k != "revis1"}})
    assert vuong([agent, private], "schwarz").statistic == pytest.approx(-0.0825265579809,
                                                                        abs=1e-3)
    assert vuong([agent, fewer], "schwarz").statistic == pytest.approx(-0.954965626398,
                                                                      abs=1e-3)


def _richardson_hessian(f, x0, h=1e-3):
    """Second differences of the log-likelihood's values alone (no gradient), Richardson
    extrapolated: independent of the analytic gradient the fit differences."""
    k = x0.size

    def d2(i, j, h):
        ei, ej = np.eye(k)[i] * h, np.eye(k)[j] * h
        return (f(x0 + ei + ej) - f(x0 + ei - ej) - f(x0 - ei + ej) + f(x0 - ei - ej)) / (
            4 * h * h)

    return np.array([[(4 * d2(i, j, h / 2) - d2(i, j, h)) / 3 for j in range(k)]
                     for i in range(k)])


@pytest.mark.parametrize("game, kind, link", [("egame12", "private", "probit"),
                                              ("egame122", "agent", "logit")])
def test_the_covariance_is_the_inverse_of_a_finite_difference_hessian(game, kind, link):
    from multilateral.estimation._twostage import SPECS, design, loglik_and_gradient

    rng = np.random.default_rng(21)
    if game == "egame12":
        regressors = _design12(rng, 500)
        y = simulate_egame12(TRUTH12, regressors, kind=kind, link=link, seed=rng)
        fit = fit_egame12(y, regressors, kind=kind, link=link)
    else:
        regressors = _design122(rng, 500)
        y = simulate_egame122(TRUTH122, regressors, kind=kind, link=link, seed=rng)
        fit = fit_egame122(y, regressors, kind=kind, link=link)
    spec = SPECS[game]
    d = design(spec, regressors, n=len(y))
    hess = -_richardson_hessian(
        lambda t: loglik_and_gradient(spec, d, t, y, kind, link)[0], np.array(fit.params))
    np.testing.assert_allclose(fit.cov, np.linalg.inv(hess), rtol=1e-5, atol=1e-8)


def test_a_runaway_seen_only_through_player_1_is_refused():
    """A rare dummy (15 of 102 dyads) in the defender's utility, and no dyad with it is ever
    challenged: Player 2's own choices say nothing of its coefficient, and Player 1's
    choices push it to infinity. No separation check on one choice sees it, and the runaway
    coefficient passes the Hessian's unit-diagonal test (it was reported, at -67 with a
    standard error of 1.4e11); the log-likelihood, flat ten standard errors out, does not.
    (Data from a fuzzing run of the review: small samples, logit agent error.)"""
    rng = np.random.default_rng(192)
    n = int(rng.integers(20, 120))
    x, dummy = rng.normal(size=(n, 3)), (rng.random(n) < 0.15) * 1.0
    ones = np.ones((n, 1))
    regressors = {"u11": np.column_stack([ones, x[:, 0]]),
                  "u14": np.column_stack([ones, x[:, 1]]),
                  "u24": np.column_stack([ones, x[:, 2], dummy])}
    truth = {"u11": rng.normal(size=2), "u14": rng.normal(size=2),
             "u24": rng.normal(size=3) * 2}
    y = simulate_egame12(truth, regressors, link="logit", seed=rng)
    assert n == 102 and dummy.sum() == 15 and not np.any((y > 0) & (dummy == 1))
    with pytest.raises(NotIdentifiedError, match=r"run off to infinity.*u24: x3"):
        fit_egame12(y, regressors, link="logit")


def test_separated_player2_with_wide_regressors_and_a_finite_maximum_is_fitted():
    """As with the deterred allies, but the defender's utility also has a regressor with a
    wide spread, so the fitted index of his choice exceeds 3 at some disputes even at the
    finite maximum (an earlier version took that for a runaway and refused)."""
    rng = np.random.default_rng(5)
    n = 600
    z, ally = rng.normal(size=n) * 2.5, (rng.random(n) < 0.2) * 1.0
    regressors = {"u13": 1, "u24": {"const": 1, "z": z, "ally": ally}}
    y = simulate_egame12({"u13": [4.0], "u24": [0.0, 1.2, 1.5]}, regressors, seed=rng)
    y = np.where((ally == 1) & (y > 0), 2, y)  # every challenged ally resists
    fit = fit_egame12(y, regressors)
    assert 3.0 < fit.params[3] < 8.0 and np.all(np.isfinite(fit.std_errors))
    far = _joint_maximum(y, regressors, [[*fit.params[:3], 30.0]])
    assert -far.fun < fit.loglik - 0.5
