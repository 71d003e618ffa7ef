"""The one maximum-likelihood helper of :mod:`multilateral.estimation`.

:func:`maximize_likelihood` minimizes a negative log-likelihood with
:func:`scipy.optimize.minimize` (analytic gradient if given, finite differences otherwise),
takes the covariance from the inverse of the Hessian at the optimum, and returns a
:class:`~multilateral.estimation.results.FitResult`. Every estimator of the package goes
through it, so every fit is checked the same way: a Hessian that is singular or not positive
definite means the data do not identify the parameters (a constant in a utility that the
model normalizes to zero, collinear regressors, perfect prediction), and gets a
:class:`~multilateral.errors.NotIdentifiedError` naming the parameters involved, never
silent standard errors.

The check is scale free: the Hessian ``H`` is first scaled to unit diagonal,
``D^(-1/2) H D^(-1/2)`` with ``D = diag(H)`` (the correlation form, so a regressor measured
in dollars rather than billions does not trip it), and its smallest eigenvalue must exceed
:data:`IDENTIFICATION`, the relative precision of a finite-difference Hessian. An eigenvalue
below it means that the estimates' correlation along its eigenvector is 1 to that precision.
An estimator whose gradient is analytic and exact to rounding passes the tighter
:data:`EXACT_GRADIENT_IDENTIFICATION`, and may call :func:`check_runaway`, which refuses
estimates that ran off to infinity along a flat ridge (a Hessian there can pass the test).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import optimize

from .._namespace import public_dir
from .._validation import check_tol
from ..errors import InvalidArgumentError, NotIdentifiedError, SolverError
from .results import FitResult

__all__ = ["EXACT_GRADIENT_IDENTIFICATION", "IDENTIFICATION", "check_runaway", "covariance",
           "maximize_likelihood", "numerical_hessian"]
__dir__ = public_dir(__all__)

_EPS = float(np.finfo(float).eps)
#: Smallest eigenvalue of the unit-diagonal Hessian accepted as identified: the relative
#: precision of a central-difference Hessian, ``eps ** (1/3)`` (about ``6e-6``).
IDENTIFICATION = _EPS ** (1.0 / 3.0)
#: The same bound for a Hessian that is the central difference of an analytic gradient exact
#: to rounding (Signorino's models): its error is of order ``eps ** (2/3)`` (exactly flat
#: directions of the strategic models measure below ``1e-10``), so ``eps ** (1/2)`` (about
#: ``1.5e-8``) still refuses them with a wide margin, while regressors correlated at
#: 0.99999, identified with large standard errors, are accepted (``IDENTIFICATION`` refused
#: them: a false refusal).
EXACT_GRADIENT_IDENTIFICATION = _EPS ** 0.5
#: Largest absolute gradient of the total negative log-likelihood accepted as an optimum when
#: the optimizer stops with a precision warning: at curvature ``H`` the estimates are then
#: within ``1e-3 / H`` of the optimum, far inside any standard error.
_FLAT_GRADIENT = 1e-3


def numerical_hessian(
    fun: Callable[[NDArray[np.float64]], float], x: Any, *,
    gradient: Callable[[NDArray[np.float64]], NDArray[np.float64]] | None = None,
) -> NDArray[np.float64]:
    """The Hessian of ``fun`` at ``x`` by central differences (of ``gradient`` if given).

    Parameters
    ----------
    fun : callable
        A scalar function of a 1-d float array.
    x : array_like
        The point.
    gradient : callable or None
        The gradient of ``fun``; with it the Hessian is its central difference (error of
        order ``eps ** (2/3)``), without it second differences of ``fun``.

    Returns
    -------
    numpy.ndarray
        Symmetric, shape ``(k, k)``.

    Examples
    --------
    >>> import numpy as np
    >>> numerical_hessian(lambda v: float(v[0] ** 2 + 3 * v[0] * v[1]), [1.0, 2.0]).round(6)
    array([[2., 3.],
           [3., 0.]])
    """
    x = np.asarray(x, dtype=np.float64)
    k = x.size
    hess = np.empty((k, k))
    if gradient is not None:
        steps = _EPS ** (1.0 / 3.0) * np.maximum(np.abs(x), 1.0)
        for i in range(k):
            e = np.zeros(k)
            e[i] = steps[i]
            hess[i] = (np.asarray(gradient(x + e)) - np.asarray(gradient(x - e))) / (2 * steps[i])
    else:
        steps = _EPS ** 0.25 * np.maximum(np.abs(x), 1.0)
        f0 = fun(x)
        for i in range(k):
            ei = np.zeros(k)
            ei[i] = steps[i]
            hess[i, i] = (fun(x + ei) - 2 * f0 + fun(x - ei)) / steps[i] ** 2
            for j in range(i):
                ej = np.zeros(k)
                ej[j] = steps[j]
                hess[i, j] = (fun(x + ei + ej) - fun(x + ei - ej) - fun(x - ei + ej)
                              + fun(x - ei - ej)) / (4 * steps[i] * steps[j])
                hess[j, i] = hess[i, j]
    return np.asarray((hess + hess.T) / 2.0)


def _direction(vector: NDArray[np.float64], names: Sequence[str]) -> str:
    order = np.argsort(-np.abs(vector))
    terms = [f"{vector[i]:+.2f} {names[i]}" for i in order[:4]
             if abs(vector[i]) >= 0.1 * abs(vector[order[0]])]
    return " ".join(terms)


def covariance(hessian: Any, names: Sequence[str], tol: float = IDENTIFICATION
               ) -> NDArray[np.float64]:
    """The covariance of maximum-likelihood estimates: the inverse of the Hessian of the
    negative log-likelihood, refused when the Hessian says the model is not identified.

    Parameters
    ----------
    hessian : array_like
        Hessian of the negative log-likelihood at the estimates, shape ``(k, k)``.
    names : sequence of str
        The parameters' names, for the error message.
    tol : float
        Smallest eigenvalue of the unit-diagonal Hessian accepted as identified
        (:data:`IDENTIFICATION`, or :data:`EXACT_GRADIENT_IDENTIFICATION` for a Hessian from
        an exact analytic gradient).

    Returns
    -------
    numpy.ndarray
        The covariance matrix, shape ``(k, k)``.

    Raises
    ------
    NotIdentifiedError
        If the Hessian is not finite, has a zero or negative diagonal entry, or its
        unit-diagonal form has an eigenvalue below ``tol`` (the message names the flat
        direction).

    Examples
    --------
    >>> covariance([[4.0, 0.0], [0.0, 1.0]], ["a", "b"]).tolist()
    [[0.25, 0.0], [0.0, 1.0]]
    >>> covariance([[1.0, 1.0], [1.0, 1.0]], ["a", "b"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    multilateral.errors.NotIdentifiedError: the data do not identify the parameters: ...
    """
    h = np.asarray(hessian, dtype=np.float64)
    names = list(names)
    tol = check_tol(tol)
    if not np.all(np.isfinite(h)):
        raise NotIdentifiedError(
            "the Hessian of the log-likelihood is not finite at the estimates (a probability "
            "of 0 or 1 in the data: perfect prediction?); no standard errors")
    h = (h + h.T) / 2.0
    diag = np.diag(h)
    flat = [names[i] for i in np.flatnonzero(diag <= 0.0)]
    if flat:
        raise NotIdentifiedError(
            "the data do not identify the parameters: the log-likelihood has no curvature "
            f"in {', '.join(flat)} (a regressor that is constant, all zero, or a constant in "
            "a utility the model normalizes to zero?); drop it or fix it to a value")
    scale = 1.0 / np.sqrt(diag)
    unit = h * scale[:, None] * scale[None, :]
    values, vectors = np.linalg.eigh(unit)
    if values[0] <= tol:
        raise NotIdentifiedError(
            "the data do not identify the parameters: the Hessian of the log-likelihood is "
            f"{'singular' if values[0] > -tol else 'not positive definite'} "
            f"(smallest eigenvalue {values[0]:.2g} of its unit-diagonal form) along "
            f"{_direction(vectors[:, 0], names)}: collinear regressors, or a parameter the "
            "model normalizes away; drop one of them")
    inverse = (vectors / values) @ vectors.T
    return np.asarray(inverse * scale[:, None] * scale[None, :])


#: Steps of ``check_runaway``, in standard errors, and the least fall of the log-likelihood
#: accepted there: a quadratic log-likelihood falls by at least ``RUNAWAY_STEP ** 2 / 2``
#: (50) along any coordinate, so a fall below 1 means the Wald approximation is void.
RUNAWAY_STEP = 10.0
RUNAWAY_FALL = 1.0


def check_runaway(negloglik: Callable[[NDArray[np.float64]], float], params: Any, cov: Any,
                  names: Sequence[str], groups: Sequence[Sequence[int]] = ()) -> None:
    """Refuse estimates that ran off to infinity along a flat ridge of the likelihood.

    A fit whose maximum is at infinity (separation in a joint likelihood, which no check on
    one choice alone sees) stops where the gradient is below the optimizer's tolerance; the
    Hessian there is tiny but can be positive definite, and a single runaway parameter
    passes the unit-diagonal test of :func:`covariance`. The likelihood shows it: ten
    standard errors along each parameter (and along the least curved direction) a quadratic
    log-likelihood falls by at least 50; at a runaway it hardly moves on one side. The
    directions tried: each parameter, the least curved direction of the unit-diagonal
    Hessian, the covariance's direction of largest variance, and the rays from zero through
    the estimates and through each group of them.

    Parameters
    ----------
    negloglik : callable
        The negative log-likelihood.
    params : array_like
        The estimates.
    cov : array_like
        Their covariance (inverse Hessian).
    names : sequence of str
        The parameters' names, for the message.
    groups : sequence of sequences of int
        Blocks of parameters (one utility's coefficients) whose own ray from zero is also
        tried: a block that runs off keeps its direction and grows.

    Raises
    ------
    NotIdentifiedError
        If the log-likelihood falls by less than :data:`RUNAWAY_FALL` on either side of some
        step.

    Examples
    --------
    >>> import numpy as np
    >>> check_runaway(lambda t: float(t[0] ** 2), [0.0], [[0.5]], ["a"])  # quadratic: fine
    >>> check_runaway(lambda t: float(np.log1p(np.exp(-t[0]))), [30.0], [[1e20]], ["a"])
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    multilateral.errors.NotIdentifiedError: the estimates run off to infinity: ...
    """
    x = np.asarray(params, dtype=np.float64)
    c = np.asarray(cov, dtype=np.float64)
    f0 = float(negloglik(x))
    se = np.sqrt(np.diag(c))
    steps = [(names[i], np.eye(x.size)[i] * se[i]) for i in range(x.size)]
    values, vectors = np.linalg.eigh(c / np.outer(se, se))
    steps.append(("the least curved direction",
                  vectors[:, -1] * np.sqrt(max(values[-1], 0.0)) * se))
    values, vectors = np.linalg.eigh(c)  # in the parameters' own units: where a runaway is
    steps.append(("the direction of largest variance",
                  vectors[:, -1] * np.sqrt(max(values[-1], 0.0))))
    for group in [list(range(x.size)), *(list(g) for g in groups)]:
        ray = np.zeros(x.size)
        ray[group] = x[group]
        if len(group) > 1 and np.any(ray):
            ray /= np.sqrt(float(ray @ ray))
            label = ", ".join(names[i] for i in group)
            steps.append((f"the ray of ({label})", ray * np.sqrt(max(float(ray @ c @ ray),
                                                                     0.0))))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        for name, step in steps:
            for side in (1.0, -1.0):
                fall = float(negloglik(x + side * RUNAWAY_STEP * step)) - f0
                if math.isfinite(fall) and fall < RUNAWAY_FALL:
                    raise NotIdentifiedError(
                        f"the estimates run off to infinity: {RUNAWAY_STEP:g} standard "
                        f"errors {'up' if side > 0 else 'down'} along {name}, the "
                        f"log-likelihood falls by only {fall:.2g} (a quadratic one by 50 or "
                        "more), so the maximum is at infinity and the standard errors mean "
                        "nothing: separation (a regressor, or a combination, whose "
                        "observations all end one way, perhaps seen only through another "
                        "player's choices); drop or merge the regressor, or add data")


def maximize_likelihood(
    negloglik: Callable[[NDArray[np.float64]], float], start: Any, *,
    names: Sequence[str], n_obs: int, title: str,
    gradient: Callable[[NDArray[np.float64]], NDArray[np.float64]] | None = None,
    outcome_names: Sequence[str] = (),
    predictor: Callable[..., NDArray[np.float64]] | None = None,
    method: str = "BFGS",
    tol: float = IDENTIFICATION,
) -> FitResult:
    """Maximize a log-likelihood; estimates, covariance and fit statistics as a FitResult.

    Parameters
    ----------
    negloglik : callable
        The negative log-likelihood of a 1-d float parameter array (a sum over
        observations).
    start : array_like
        Starting values, shape ``(k,)``.
    names : sequence of str
        One name per parameter.
    n_obs : int
        Number of observations (for BIC and the table).
    title : str
        What is fitted (the result's ``model``, shown in its tables).
    gradient : callable or None
        The gradient of ``negloglik``; finite differences if None.
    outcome_names, predictor
        Passed to the :class:`FitResult` for :meth:`~FitResult.predict`.
    method : str
        The :func:`scipy.optimize.minimize` method.
    tol : float
        The identification bound of ``covariance``: ``IDENTIFICATION``, or
        ``EXACT_GRADIENT_IDENTIFICATION`` when ``gradient`` is analytic and exact to
        rounding.

    Returns
    -------
    FitResult
        The estimates, their covariance (the inverse Hessian), the log-likelihood and the
        optimizer's report.

    Raises
    ------
    InvalidArgumentError
        If the negative log-likelihood is not finite at ``start`` or ``names`` does not
        match it.
    NotIdentifiedError
        If the Hessian at the optimum is singular or not positive definite.
    SolverError
        If the optimizer ends at a point where the log-likelihood is not finite.

    See Also
    --------
    FitResult : what it returns.
    multilateral.estimation.fit_egame12 : an estimator built on it.

    Examples
    --------
    The probability of heads from 7 heads in 10 tosses, on the log-odds scale:

    >>> import numpy as np
    >>> from multilateral.estimation import maximize_likelihood
    >>> def negloglik(theta):
    ...     p = 1 / (1 + np.exp(-theta[0]))
    ...     return float(-(7 * np.log(p) + 3 * np.log(1 - p)))
    >>> fit = maximize_likelihood(negloglik, [0.0], names=("log_odds",), n_obs=10,
    ...                           title="coin")
    >>> round(float(fit.params[0]), 4), round(float(np.log(7 / 3)), 4)
    (0.8473, 0.8473)
    >>> round(float(fit.std_errors[0]), 4)  # sqrt(1 / (n p (1 - p)))
    0.6901
    """
    x0 = np.asarray(start, dtype=np.float64).ravel()
    names = tuple(str(name) for name in names)
    if len(names) != x0.size:
        raise InvalidArgumentError(f"{len(names)} names for {x0.size} starting values")
    f0 = negloglik(x0)
    if not math.isfinite(f0):
        raise InvalidArgumentError(
            f"the log-likelihood is not finite at the starting values ({f0}); choose others")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # overflow in trial steps
        res = optimize.minimize(negloglik, x0, jac=gradient, method=method)
    x = np.asarray(res.x, dtype=np.float64)
    value = float(negloglik(x))
    if not math.isfinite(value):
        raise SolverError(f"the optimizer ended where the log-likelihood is {-value} "
                          f"({res.message}); try other starting values")
    hess = numerical_hessian(negloglik, x, gradient=gradient)
    cov = covariance(hess, names, tol)
    if gradient is not None:
        grad = np.asarray(gradient(x))
    else:
        grad = optimize.approx_fprime(x, negloglik, _EPS ** 0.5 * np.maximum(np.abs(x), 1.0))
    converged = bool(res.success) or float(np.max(np.abs(grad))) <= _FLAT_GRADIENT
    if not converged:
        warnings.warn(f"{title}: the optimizer did not converge ({res.message}); the "
                      "estimates may not maximize the likelihood", RuntimeWarning, stacklevel=2)
    x.flags.writeable = False
    cov.flags.writeable = False
    return FitResult(model=title, names=names, params=x, cov=cov, loglik=-value,
                     n_obs=int(n_obs), converged=converged, iterations=int(res.get("nit", 0)),
                     message=str(res.message), outcomes=tuple(outcome_names),
                     predictor=predictor)
