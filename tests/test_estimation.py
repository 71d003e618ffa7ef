"""The fit result and the one maximum-likelihood helper of multilateral.estimation.

The helper's estimates and standard errors are checked against closed forms (the normal
mean, whose standard error is s / sqrt(n); a probit's observed information, written out
analytically), its identification check against singular, indefinite, non-finite and
badly scaled Hessians, and the result's tables (text, DataFrame, LaTeX) for their content.
"""

from __future__ import annotations

import pickle
import re
import sys
from unittest import mock

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import special, stats

import multilateral.estimation as est
from multilateral.errors import (
    InvalidArgumentError,
    MissingDependencyError,
    NotIdentifiedError,
)
from multilateral.estimation import FitResult, maximize_likelihood
from multilateral.estimation._likelihood import covariance, numerical_hessian

Y = np.array([1.2, 0.7, 1.9, 1.4, 0.8, 1.1, 0.4, 1.6])


def _normal_negloglik(theta):
    mu, log_sd = theta
    return float(np.sum(0.5 * ((Y - mu) / np.exp(log_sd)) ** 2 + log_sd))


def _normal_gradient(theta):
    mu, log_sd = theta
    r = (Y - mu) / np.exp(log_sd)
    return np.array([-np.sum(r) / np.exp(log_sd), np.sum(1.0 - r ** 2)])


def _probit_data(seed, n=400, collinear=False):
    rng = np.random.default_rng(seed)
    x = np.column_stack([np.ones(n), rng.normal(size=n), rng.normal(size=n)])
    if collinear:
        x = np.column_stack([x, x[:, 1] + 2 * x[:, 2]])
    y = rng.random(n) < special.ndtr(x[:, :3] @ np.array([0.3, 1.0, -0.5]))
    return x, y


def _probit(x, y):
    sign = np.where(y, 1.0, -1.0)

    def negloglik(beta):
        return float(-special.log_ndtr(sign * (x @ beta)).sum())

    def gradient(beta):
        z = sign * (x @ beta)
        return -(x.T @ (sign * np.exp(stats.norm.logpdf(z) - special.log_ndtr(z))))

    return negloglik, gradient


def test_the_package_exports():
    assert set(est.__all__) >= {"FitResult", "maximize_likelihood", "fit_egame12"}
    assert "maximize_likelihood" in dir(est)


@pytest.mark.parametrize("with_gradient", [True, False])
def test_normal_mean_and_its_standard_error(with_gradient):
    fit = maximize_likelihood(_normal_negloglik, [0.0, 0.0], names=("mu", "log_sd"),
                              n_obs=len(Y), title="normal",
                              gradient=_normal_gradient if with_gradient else None)
    sd = Y.std()  # the MLE of the standard deviation
    assert fit.converged
    np.testing.assert_allclose(fit.params, [Y.mean(), np.log(sd)], atol=1e-5)
    # the inverse observed information: var(mu) = sd^2 / n, var(log sd) = 1 / (2 n)
    np.testing.assert_allclose(fit.std_errors, [sd / np.sqrt(len(Y)), np.sqrt(0.5 / len(Y))],
                               rtol=1e-4)
    assert fit.loglik == pytest.approx(-(len(Y) / 2 + len(Y) * np.log(sd)), rel=1e-8)
    assert fit.aic == pytest.approx(4 - 2 * fit.loglik)
    assert fit.bic == pytest.approx(2 * np.log(len(Y)) - 2 * fit.loglik)


def test_probit_standard_errors_equal_the_analytic_observed_information():
    x, y = _probit_data(0)
    negloglik, gradient = _probit(x, y)
    fit = maximize_likelihood(negloglik, np.zeros(3), names=("const", "x1", "x2"),
                              n_obs=len(y), title="probit", gradient=gradient)
    # the probit Hessian, written out: sum of lambda (lambda + z) x x'
    sign = np.where(y, 1.0, -1.0)
    z = sign * (x @ fit.params)
    lam = np.exp(stats.norm.logpdf(z) - special.log_ndtr(z))
    info = (x * (lam * (lam + z))[:, None]).T @ x
    np.testing.assert_allclose(fit.cov, np.linalg.inv(info), rtol=1e-5)
    assert np.max(np.abs(gradient(fit.params))) < 1e-3


def test_collinear_probit_is_refused_with_the_flat_direction_named():
    x, y = _probit_data(1, collinear=True)
    negloglik, gradient = _probit(x, y)
    with pytest.raises(NotIdentifiedError, match="collinear") as err:
        maximize_likelihood(negloglik, np.zeros(4), names=("const", "x1", "x2", "x1+2x2"),
                            n_obs=len(y), title="probit", gradient=gradient)
    assert "x1+2x2" in str(err.value) and "x2" in str(err.value)


def test_a_parameter_the_likelihood_ignores_is_refused():
    def negloglik(theta):  # the second parameter does not enter
        return _normal_negloglik(np.array([theta[0], 0.0]))

    with pytest.raises(NotIdentifiedError, match="no curvature in b"):
        maximize_likelihood(negloglik, [0.0, 0.0], names=("a", "b"), n_obs=8, title="m")


@pytest.mark.parametrize("hessian, says", [
    ([[1.0, 1.0], [1.0, 1.0]], "singular"),
    ([[1.0, 2.0], [2.0, 1.0]], "not positive definite"),
    ([[1.0, 0.0], [0.0, -1.0]], "no curvature"),
    ([[np.nan, 0.0], [0.0, 1.0]], "not finite"),
])
def test_covariance_refuses_hessians_that_do_not_identify(hessian, says):
    with pytest.raises(NotIdentifiedError, match=says):
        covariance(hessian, ["a", "b"])


@given(st.floats(-12, 12), st.floats(-12, 12), st.floats(-0.9, 0.9))
def test_the_identification_check_is_scale_free(log_a, log_b, rho):
    """A well-conditioned correlation with any units of measurement is accepted, and its
    covariance is the exact inverse."""
    scale = np.exp([log_a, log_b])
    h = np.array([[1.0, rho], [rho, 1.0]]) * np.outer(scale, scale)
    r_inverse = np.array([[1.0, -rho], [-rho, 1.0]]) / (1.0 - rho ** 2)
    np.testing.assert_allclose(covariance(h, ["a", "b"]) * np.outer(scale, scale), r_inverse,
                               rtol=1e-9, atol=1e-12)


def test_numerical_hessian_of_a_quadratic():
    a = np.array([[3.0, 1.0], [1.0, 2.0]])
    np.testing.assert_allclose(numerical_hessian(lambda v: 0.5 * v @ a @ v, [0.3, -2.0]), a,
                               atol=1e-5)
    np.testing.assert_allclose(
        numerical_hessian(lambda v: 0.5 * v @ a @ v, [0.3, -2.0], gradient=lambda v: a @ v),
        a, atol=1e-8)


def test_bad_starts_and_names():
    with pytest.raises(InvalidArgumentError, match="not finite at the starting values"):
        maximize_likelihood(lambda t: float("inf"), [0.0], names=("a",), n_obs=1, title="m")
    with pytest.raises(InvalidArgumentError, match="1 names for 2 starting values"):
        maximize_likelihood(_normal_negloglik, [0.0, 0.0], names=("a",), n_obs=8, title="m")


# -- the result object -------------------------------------------------------------------------
def _result(**changes):
    fields = dict(model="egame12 (agent error, probit)",
                  names=("u11: const", "u11: x_1", "u24: const"),
                  params=np.array([0.5, -1.25, 2.0]), cov=np.diag([0.01, 0.04, 0.25]),
                  loglik=-123.456, n_obs=300, converged=True, iterations=12)
    fields.update(changes)
    return FitResult(**fields)


def test_result_statistics():
    fit = _result()
    np.testing.assert_allclose(fit.std_errors, [0.1, 0.2, 0.5])
    np.testing.assert_allclose(fit.z_values, [5.0, -6.25, 4.0])
    np.testing.assert_allclose(fit.p_values, 2 * stats.norm.sf([5.0, 6.25, 4.0]))
    np.testing.assert_allclose(fit.conf_int(0.9)[1], -1.25 + np.array([-1, 1]) * 0.2
                               * stats.norm.ppf(0.95))
    assert fit.estimates() == {"u11: const": 0.5, "u11: x_1": -1.25, "u24: const": 2.0}
    assert fit.n_params == 3
    with pytest.raises(InvalidArgumentError):
        fit.conf_int(1.0)
    with pytest.raises(InvalidArgumentError, match="no outcome predictions"):
        fit.predict()
    with pytest.raises(AttributeError):
        fit.loglik = 0.0  # frozen


def test_repr_and_summary():
    fit = _result()
    assert repr(fit) == ("FitResult('egame12 (agent error, probit)', n_obs=300, "
                         "loglik=-123.4560, params=(u11: const=0.5, u11: x_1=-1.25, "
                         "u24: const=2))")
    assert "NOT CONVERGED" in repr(_result(converged=False))
    text = fit.summary()
    assert "u11: x_1" in text and "-1.2500" in text and "0.2000" in text
    assert "N = 300" in text and "log-likelihood = -123.4560" in text


def test_to_frame():
    frame = _result().to_frame()
    assert list(frame.columns) == ["estimate", "std_error", "z", "p_value", "ci_low",
                                   "ci_high"]
    assert frame.loc["u11: x_1", "std_error"] == pytest.approx(0.2)
    assert frame.index.name == "parameter"


def test_to_frame_without_pandas_says_which_extra():
    with mock.patch.dict(sys.modules, {"pandas": None}), \
            pytest.raises(MissingDependencyError, match=r"multilateral\[frame\]"):
        _result().to_frame()


def test_to_latex_has_standard_errors_in_parentheses_n_and_loglik():
    tex = _result().to_latex(digits=2, title="Deterrence & war")
    lines = tex.splitlines()
    assert lines[0] == r"\begin{table}[ht]" and lines[-1] == r"\end{table}"
    assert r"\caption{Deterrence \& war}" in lines
    i = lines.index(r"u11: x\_1 & -1.25 \\")
    assert lines[i + 1] == r" & (0.20) \\"
    assert r"$N$ & 300 \\" in lines and r"Log-likelihood & -123.46 \\" in lines
    assert len(re.findall(r"\(\d\.\d\d\)", tex)) == 3
    assert r"\toprule" in tex and r"\bottomrule" in tex


def test_results_pickle():
    fit = _result()
    back = pickle.loads(pickle.dumps(fit))
    np.testing.assert_array_equal(back.params, fit.params)
    assert back.names == fit.names


def test_latex_table_sets_fits_side_by_side():
    a = _result()
    b = _result(model="egame12 (private information, probit)",
                names=("u11: const", "u24: const", "u24: ally"),
                params=np.array([0.4, 1.5, -0.3]), cov=np.diag([0.04, 0.09, 0.16]))
    lines = est.latex_table([a, b], digits=2, title="Two fits").splitlines()
    assert r"\begin{tabular}{lrr}" in lines
    assert lines[lines.index(r"u11: const & 0.50 & 0.40 \\") + 1] == r" & (0.10) & (0.20) \\"
    assert r"u11: x\_1 & -1.25 &  \\" in lines and r"u24: ally &  & -0.30 \\" in lines
    assert r"$N$ & 300 & 300 \\" in lines
    assert est.latex_table([a]) == a.to_latex()
    with pytest.raises(InvalidArgumentError, match="non-empty sequence of FitResult"):
        est.latex_table([])


# -- Vuong's test ------------------------------------------------------------------------------
def test_vuong_statistic_by_hand():
    l1 = np.array([-0.5, -1.0, -0.2, -0.9, -0.4])
    l2 = np.array([-0.7, -0.8, -0.6, -1.2, -0.5])
    a = _result(loglik_obs=l1, loglik=float(l1.sum()))
    b = _result(model="other", names=("a",), params=np.array([1.0]), cov=np.eye(1),
                loglik_obs=l2, loglik=float(l2.sum()))
    m = l1 - l2
    for correction, penalty in (("none", 0.0), ("akaike", 2.0), ("schwarz", np.log(5))):
        test = est.vuong([a, b], correction)
        z = (m.sum() - penalty) / (np.sqrt(5) * m.std())
        assert test.statistic == pytest.approx(z)
        assert test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))
        assert test.favours == ("egame12 (agent error, probit)" if z > 0 else "other")
    assert est.vuong([b, a]).statistic == pytest.approx(-est.vuong([a, b]).statistic)
    assert "VuongTest(statistic=" in repr(est.vuong([a, b]))


def test_vuong_refuses_what_it_cannot_compare():
    a = _result(loglik_obs=np.array([-0.5, -1.0, -0.2]))
    with pytest.raises(InvalidArgumentError, match="per-observation"):
        est.vuong([a, _result()])
    with pytest.raises(InvalidArgumentError, match="same data"):
        est.vuong([a, _result(loglik_obs=np.array([-0.5, -1.0]))])
    with pytest.raises(InvalidArgumentError, match="cannot tell them apart"):
        est.vuong([a, a])
    with pytest.raises(InvalidArgumentError, match="correction"):
        est.vuong([a, a], "bayes")


HOSTILE = r"x_1 & 50% $ #2 {a} ~b ^c \d <e> |f"


def test_to_latex_escapes_every_special_character():
    tex = _result(model=HOSTILE, names=(HOSTILE, "u11: x_1", "u24: const")).to_latex(
        title=HOSTILE)
    body = "\n".join(line for line in tex.splitlines() if HOSTILE[:3] in line
                     or "50" in line)
    stripped = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|textless|"
                      r"textgreater|textbar)\{\}|\\[&%$#_{}]|\\caption\{|\\\\", "", body)
    # what is left of the hostile lines: no character LaTeX would read as markup
    assert not re.search(r"[&%$#_~^\\<>|]", stripped.replace(" & ", " ")), stripped


def test_to_latex_compiles(tmp_path):
    """The table, with hostile names, compiles with pdflatex and booktabs (skipped where
    pdflatex is not installed)."""
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    tex = _result(model=HOSTILE, names=(HOSTILE, "u11: x_1", "u24: const")).to_latex(
        title=HOSTILE)
    doc = tmp_path / "t.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
                   "\\usepackage{booktabs}\n\\begin{document}\n" + tex + "\n\\end{document}\n")
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.name],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout[-2000:]
