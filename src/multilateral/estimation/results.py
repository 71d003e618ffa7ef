"""The result of every maximum-likelihood fit: :class:`FitResult`.

One frozen object for every estimator of :mod:`multilateral.estimation` (Signorino's
strategic models, the quantal response equilibrium's lambda): the estimates and their names,
the covariance from the inverse Hessian, the log-likelihood, information criteria, predicted
outcome probabilities where the model has covariates, and tables as text, as a
:class:`pandas.DataFrame` (the ``frame`` extra) and as LaTeX for a paper.

The overview and the references are in :mod:`multilateral.estimation`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from .._display import latex_escape
from .._display import latex_table as booktabs_table
from .._namespace import public_dir
from .._validation import check_positive_int, check_probability
from ..errors import InvalidArgumentError, MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FitResult", "latex_table"]
__dir__ = public_dir(__all__)

@dataclass(frozen=True, repr=False, eq=False)
class FitResult:
    """A maximum-likelihood fit: estimates, standard errors, fit statistics, predictions.

    Returned by every estimator of :mod:`multilateral.estimation`; built by its one
    likelihood helper, which refuses a fit whose Hessian is singular or not positive
    definite (a parameter the data do not identify), so the standard errors here are always
    those of an identified model.

    Attributes
    ----------
    model : str
        What was fitted, e.g. ``'egame12 (agent error, probit)'``.
    names : tuple of str
        One name per parameter, ``'equation: regressor'`` for a utility's coefficient.
    params : numpy.ndarray
        The estimates, read-only, shape ``(k,)``.
    cov : numpy.ndarray
        Their covariance matrix, the inverse Hessian of the negative log-likelihood at the
        estimates, read-only, shape ``(k, k)``.
    loglik : float
        The maximized log-likelihood.
    n_obs : int
        Number of observations.
    converged : bool
        Whether the optimizer reported convergence (or stopped with a gradient that is zero
        to its precision).
    iterations : int
        Optimizer iterations.
    message : str
        The optimizer's message.
    outcomes : tuple of str
        The names of the outcomes whose probabilities :meth:`predict` returns (empty for a
        model without outcome predictions).
    predictor : callable or None
        ``predictor(params, regressors)``: the outcome probabilities, shape
        ``(n, len(outcomes))``; ``regressors=None`` means the fitted data. ``None`` for a
        model without covariates.
    loglik_obs : numpy.ndarray or None
        Each observation's log-likelihood at the estimates, shape ``(n_obs,)``, for
        :func:`~multilateral.estimation.vuong` (None where the estimator does not give it).

    See Also
    --------
    multilateral.estimation.fit_egame12 : returns it.
    multilateral.estimation.maximize_likelihood : the helper that builds it.

    Examples
    --------
    >>> import numpy as np
    >>> from multilateral.estimation import maximize_likelihood
    >>> y = np.array([1.2, 0.7, 1.9, 1.4, 0.8])
    >>> def negloglik(theta):  # normal mean and log standard deviation
    ...     mu, log_sd = theta
    ...     return float(np.sum(0.5 * ((y - mu) / np.exp(log_sd)) ** 2 + log_sd))
    >>> fit = maximize_likelihood(negloglik, [0.0, 0.0], names=("mu", "log_sd"),
    ...                           n_obs=len(y), title="normal")
    >>> fit
    FitResult('normal', n_obs=5, loglik=1.678, params=(mu=1.2, log_sd=-0.8357))
    >>> round(float(fit.std_errors[0]), 4)  # sd / sqrt(n), sd the MLE
    0.1939
    """

    model: str
    names: tuple[str, ...]
    params: NDArray[np.float64]
    cov: NDArray[np.float64]
    loglik: float
    n_obs: int
    converged: bool = True
    iterations: int = 0
    message: str = ""
    outcomes: tuple[str, ...] = ()
    predictor: Callable[..., NDArray[np.float64]] | None = field(default=None, repr=False)
    loglik_obs: NDArray[np.float64] | None = field(default=None, repr=False)

    @property
    def n_params(self) -> int:
        """Number of estimated parameters."""
        return len(self.names)

    @property
    def std_errors(self) -> NDArray[np.float64]:
        """Standard errors: square roots of the covariance's diagonal, shape ``(k,)``."""
        return np.sqrt(np.diag(self.cov))

    @property
    def z_values(self) -> NDArray[np.float64]:
        """Estimates over standard errors (Wald statistics), shape ``(k,)``."""
        return np.asarray(self.params / self.std_errors)

    @property
    def p_values(self) -> NDArray[np.float64]:
        """Two-sided p-values of the Wald tests that each parameter is zero."""
        return np.asarray(2.0 * stats.norm.sf(np.abs(self.z_values)))

    @property
    def aic(self) -> float:
        """Akaike's information criterion, ``2 k - 2 loglik``."""
        return 2.0 * self.n_params - 2.0 * self.loglik

    @property
    def bic(self) -> float:
        """Schwarz's Bayesian information criterion, ``k log(n) - 2 loglik``."""
        return self.n_params * math.log(self.n_obs) - 2.0 * self.loglik

    def estimates(self) -> dict[str, float]:
        """The estimates by name.

        Examples
        --------
        >>> import numpy as np
        >>> from multilateral.estimation import FitResult
        >>> FitResult("m", ("a", "b"), np.array([1.0, 2.0]), np.eye(2), -3.0, 10).estimates()
        {'a': 1.0, 'b': 2.0}
        """
        return {name: float(v) for name, v in zip(self.names, self.params, strict=True)}

    def conf_int(self, level: float = 0.95) -> NDArray[np.float64]:
        """Wald confidence intervals, shape ``(k, 2)``: estimate -/+ z quantile x standard error.

        Parameters
        ----------
        level : float
            Coverage probability of each interval, in ``(0, 1)``.

        Examples
        --------
        >>> import numpy as np
        >>> from multilateral.estimation import FitResult
        >>> fit = FitResult("m", ("a",), np.array([1.0]), np.array([[0.25]]), -3.0, 10)
        >>> fit.conf_int(0.95).round(3).tolist()
        [[0.02, 1.98]]
        """
        level = float(check_probability(level, "level", open_low=True, open_high=True))
        half = stats.norm.ppf(0.5 + level / 2.0) * self.std_errors
        return np.column_stack([self.params - half, self.params + half])

    def predict(self, regressors: Any = None) -> NDArray[np.float64]:
        """Predicted outcome probabilities, one row per observation, one column per outcome.

        Parameters
        ----------
        regressors : mapping or None
            New covariates in the form the estimator took them (for Signorino's models, a
            mapping from utility equation to its regressor matrix); ``None`` gives the
            probabilities of the fitted observations.

        Returns
        -------
        numpy.ndarray
            Shape ``(n, len(outcomes))``; each row sums to one.

        Raises
        ------
        InvalidArgumentError
            If the model has no covariates to predict from.
        """
        if self.predictor is None:
            raise InvalidArgumentError(
                f"{self.model} has no outcome predictions from covariates; use params")
        return self.predictor(self.params, regressors)

    def summary(self, digits: int = 4) -> str:
        """A text table: estimate, standard error, z, p-value and 95% interval per parameter.

        Parameters
        ----------
        digits : int
            Decimal places of the estimates.
        """
        digits = check_positive_int(digits, "digits", maximum=12)
        ci = self.conf_int()
        width = max([9, *(len(name) for name in self.names)])
        head = (f"{'':<{width}} {'estimate':>12} {'std.err':>12} {'z':>8} {'p':>8} "
                f"{'[0.025':>12} {'0.975]':>12}")
        lines = [f"{self.model}: maximum likelihood", "=" * len(head), head, "-" * len(head)]
        for i, name in enumerate(self.names):
            lines.append(
                f"{name:<{width}} {self.params[i]:>12.{digits}f} {self.std_errors[i]:>12.{digits}f}"
                f" {self.z_values[i]:>8.3f} {self.p_values[i]:>8.4f} {ci[i, 0]:>12.{digits}f}"
                f" {ci[i, 1]:>12.{digits}f}")
        lines += ["-" * len(head),
                  f"N = {self.n_obs}   log-likelihood = {self.loglik:.{digits}f}   "
                  f"AIC = {self.aic:.2f}   BIC = {self.bic:.2f}",
                  f"converged: {self.converged} ({self.iterations} iterations)"]
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """The estimates as a :class:`pandas.DataFrame` indexed by parameter name.

        Columns: ``estimate``, ``std_error``, ``z``, ``p_value``, ``ci_low``, ``ci_high``
        (95%). Needs pandas (the ``frame`` extra).

        Raises
        ------
        MissingDependencyError
            If pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependencyError(
                "FitResult.to_frame needs pandas: pip install 'multilateral[frame]' (or "
                "pandas); summary() and to_latex() work without it") from None
        ci = self.conf_int()
        return pd.DataFrame(
            {"estimate": self.params, "std_error": self.std_errors, "z": self.z_values,
             "p_value": self.p_values, "ci_low": ci[:, 0], "ci_high": ci[:, 1]},
            index=pd.Index(list(self.names), name="parameter"))

    def to_latex(self, digits: int = 3, title: str | None = None) -> str:
        """A LaTeX table for a paper: coefficients with standard errors in parentheses below.

        One row per coefficient and one below it with its standard error in parentheses;
        then N, the log-likelihood and AIC. Needs only the ``booktabs`` package;
        :func:`latex_table` sets several fits side by side.

        Parameters
        ----------
        digits : int
            Decimal places.
        title : str or None
            The table's caption (none if None).

        Examples
        --------
        >>> import numpy as np
        >>> from multilateral.estimation import FitResult
        >>> fit = FitResult("m", ("u11: x_1",), np.array([0.5]), np.array([[0.01]]), -3.0, 10)
        >>> print(fit.to_latex(digits=2))
        \\begin{table}[ht]
        \\centering
        \\begin{tabular}{lr}
        \\toprule
         & m \\\\
        \\midrule
        u11: x\\_1 & 0.50 \\\\
         & (0.10) \\\\
        \\midrule
        $N$ & 10 \\\\
        Log-likelihood & -3.00 \\\\
        AIC & 8.00 \\\\
        \\bottomrule
        \\end{tabular}
        \\end{table}
        """
        return latex_table([self], digits=digits, title=title)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={v:.4g}" for name, v in
                          zip(self.names[:6], self.params[:6], strict=True))
        more = f", ... {self.n_params - 6} more" if self.n_params > 6 else ""
        flag = "" if self.converged else ", NOT CONVERGED"
        return (f"FitResult({self.model!r}, n_obs={self.n_obs}, loglik={self.loglik:.4f}, "
                f"params=({shown}{more}){flag})")


def latex_table(fits: Sequence[FitResult], digits: int = 3, title: str | None = None) -> str:
    r"""Several fits side by side in one LaTeX table, one column each.

    The rows are the union of the fits' parameter names, in order of first appearance; a
    fit without a parameter leaves its cell empty. Each estimate has its standard error in
    parentheses below; the last rows give N, the log-likelihood and AIC. Needs only the
    ``booktabs`` package.

    Parameters
    ----------
    fits : sequence of FitResult
        The columns, left to right.
    digits : int
        Decimal places.
    title : str or None
        The table's caption (none if None).

    Returns
    -------
    str
        The ``table`` environment.

    See Also
    --------
    FitResult.to_latex : one fit.

    Examples
    --------
    >>> import numpy as np
    >>> from multilateral.estimation import FitResult, latex_table
    >>> a = FitResult("probit", ("x",), np.array([0.5]), np.array([[0.01]]), -3.0, 10)
    >>> b = FitResult("logit", ("x", "z"), np.array([0.8, 1.0]), np.eye(2) * 0.04, -2.9, 10)
    >>> print("\n".join(latex_table([a, b], digits=2).splitlines()[4:10]))
     & probit & logit \\
    \midrule
    x & 0.50 & 0.80 \\
     & (0.10) & (0.20) \\
    z &  & 1.00 \\
     &  & (0.20) \\
    """
    fits = list(fits)
    if not fits or not all(isinstance(f, FitResult) for f in fits):
        raise InvalidArgumentError("latex_table needs a non-empty sequence of FitResult")
    digits = check_positive_int(digits, "digits", maximum=12)
    names = list(dict.fromkeys(name for f in fits for name in f.names))
    cells = [dict(zip(f.names, zip(f.params, f.std_errors, strict=True), strict=True))
             for f in fits]
    body = []
    for name in names:
        body.append([latex_escape(name), *(f"{c[name][0]:.{digits}f}" if name in c else ""
                                           for c in cells)])
        body.append(["", *(f"({c[name][1]:.{digits}f})" if name in c else "" for c in cells)])
    footer = [["$N$", *(str(f.n_obs) for f in fits)],
              ["Log-likelihood", *(f"{f.loglik:.{digits}f}" for f in fits)],
              ["AIC", *(f"{f.aic:.{digits}f}" for f in fits)]]
    return booktabs_table(["", *(latex_escape(f.model) for f in fits)], body,
                          align="l" + "r" * len(fits),
                          caption=None if title is None else str(title), footer=footer)
