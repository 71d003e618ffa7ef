r"""Signorino's statistical strategic models: the deterrence game ``egame12`` and ``egame122``.

In a strategic model the probability of each outcome is the equilibrium of a game whose
players' utilities are linear in observed covariates, plus random utility that the analyst
does not see. Signorino (1999) shows that a logit or probit of the outcomes that ignores the
sequence of moves is misspecified, and estimates the utilities through the game's
equilibrium (the quantal response equilibrium of its agent form).

**egame12, the deterrence game** (Signorino 1999; Signorino 2003; Kenkel and Signorino
2014, whose ``games`` package names it ``egame12``). Player 1 (the challenger) keeps the
status quo (outcome ``'sq'``) or challenges; after a challenge Player 2 backs down
(``'cap'``: capitulation) or resists (``'war'``). The utilities are ``u11`` (Player 1,
status quo), ``u13`` (Player 1, capitulation), ``u14`` (Player 1, war) and ``u24`` (Player 2,
war); Player 2's utility for capitulation is normalized to 0 and his utility for the status
quo plays no role (he does not move there). Each utility is ``X @ beta`` for its own
regressors ``X`` (a matrix, a mapping from names to columns, or a DataFrame);
``regressors[eq] = None`` fixes a utility at 0, ``1`` gives it a constant only. With ``F``
the standard normal (``link='probit'``) or logistic (``'logit'``) distribution function,

.. math::

   p_4 = F\left(\frac{u_{24}}{\sqrt 2}\right), \quad p_3 = 1 - p_4, \quad
   p_2 = F\left(\frac{p_3 u_{13} + p_4 u_{14} - u_{11}}{\sigma}\right),

where ``p4`` is the probability that Player 2 resists and ``p2`` that Player 1 challenges;
``P(sq) = 1 - p2``, ``P(cap) = p2 p3``, ``P(war) = p2 p4``. The error structure sets
``sigma``:

* **agent error** (``kind='agent'``): each player errs in implementing each action, an
  independent standard error per action, so each choice compares two of them and
  ``sigma = sqrt(2)``;
* **private information** (``kind='private'``): each player knows his own random utility for
  every outcome, Player 1 one for each of ``sq``, ``cap``, ``war``, so his comparison has
  ``sigma = sqrt(1 + p3**2 + p4**2)`` (Signorino 2003 sets out both structures).

With the logit link each error is type I extreme value with scale ``sqrt(2)``, so that a
difference of two is logistic, ``F(x / sqrt 2)`` with ``F`` the standard logistic, the same
scale convention as the probit (as in the ``games`` package). The logit link is for agent
error only: under private information Player 1 compares a weighted sum of three (four)
extreme-value errors, which is not logistic, so ``kind='private', link='logit'`` is refused
(the ``games`` package refuses it too and switches to the probit with a warning). A logistic
of variance-matched scale would miss a Monte Carlo of that game by up to 0.02 in outcome
probabilities.

The scale of the errors is not identified and is fixed (each error has unit variance under
probit); only differences of Player 1's utilities matter, so a regressor (a constant
included) in all of ``u11``, ``u13`` and ``u14`` is not identified (Lewis and Schultz 2003)
and is refused, as are collinear regressors, regressors in a utility normalized to 0, and
separation: a choice that the regressors predict perfectly, whose estimates would be infinite
(found by a linear program, Konis 2007). Separation of Player 1's choice is refused at once;
separation of Player 2's is not enough, since his utility also moves Player 1's choices,
which can bound it: the joint likelihood is then maximized from a start shrunk towards zero
and from one far along the separating direction, and the fit is refused only if the
estimates run off (its tests show one finite case and one that runs off). A maximum at
infinity that no single choice shows (a defender's regressor whose dyads are never
challenged) is refused too: ten standard errors from the estimates a quadratic
log-likelihood falls by 50 or more, a runaway one hardly at all.

**egame122** (Kenkel and Signorino 2014): Player 2 moves after both of Player 1's
choices; outcomes ``'LL'``, ``'LR'``, ``'RL'``, ``'RR'``, utilities ``u11``, ``u12``,
``u13``, ``u14`` (Player 1) and ``u22``, ``u24`` (Player 2; his utilities for ``LL`` and
``RL`` are 0). ``p_L = F(u22 / sqrt 2)`` and ``p_R = F(u24 / sqrt 2)`` are Player 2's
probabilities of Right, and Player 1 chooses Right with probability ``F(((1 - p_R) u13 + p_R
u14 - (1 - p_L) u11 - p_L u12) / sigma)``, ``sigma = sqrt 2`` (agent error) or the square root
of the sum of the four conditional outcome probabilities squared (private information).

Starting values come from statistical backward induction (Bas, Signorino and Walker 2008):
Player 2's binary choices first, then Player 1's. The fit, its standard errors (inverse
Hessian) and the identification check are those of
:func:`~multilateral.estimation.maximize_likelihood`.

References
----------
.. [1] Signorino, C. S. (1999). Strategic interaction and the statistical analysis of
   international conflict. *American Political Science Review* 93(2), 279-297 (the
   crisis game and its strategic probit; a Monte Carlo against logit).
.. [2] Signorino, C. S. (2003). Structure and uncertainty in discrete choice models.
   *Political Analysis* 11(4), 316-344 (agent error and private information).
.. [3] Kenkel, B. and Signorino, C. S. (2014). Estimating extensive form games in R.
   *Journal of Statistical Software* 56(8), 1-27. The formulas above are those of its
   ``games`` package, version 1.1.2: ``makeProbs12`` in ``R/egame12.r`` and
   ``makeProbs122`` in ``R/egame122.r`` (unit scales), and the game trees and the
   identification note of ``man/egame12.Rd``; ``tests/test_estimation_strategic.py``
   writes them out again and checks them, and reproduces the package's example fits on its
   ``war1800`` data as R 4.2.2 prints them (estimates, standard errors, log-likelihood;
   agent error with probit and logit, private information with probit). R's ``egame122``
   with private information and no scale terms stops with an error in version 1.1.2
   (``makeProbs122`` reads a seventh and eighth scale of a list of six); here it is the same
   formula with unit scales. Page numbers inside the articles were not checked for this
   module and are not given.
.. [4] Lewis, J. B. and Schultz, K. A. (2003). Revealing preferences: empirical estimation
   of a crisis bargaining game with incomplete information. *Political Analysis* 11(4),
   345-367 (identification).
.. [5] Bas, M. A., Signorino, C. S. and Walker, R. W. (2008). Statistical backwards induction:
   a simple method for estimating recursive strategic models. *Political Analysis* 16(1),
   21-40.
.. [6] Konis, K. (2007). *Linear programming algorithms for detecting separated data in
   binary logistic regression models*. DPhil thesis, University of Oxford.

Examples
--------
>>> import numpy as np
>>> from multilateral.estimation import fit_egame12, simulate_egame12
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=(2000, 1))
>>> regressors = {"u11": x, "u14": 1, "u24": np.column_stack([np.ones(2000), x])}
>>> truth = {"u11": [1.0], "u14": [-0.5], "u24": [0.3, 1.0]}
>>> y = simulate_egame12(truth, regressors, seed=2)
>>> fit = fit_egame12(y, regressors)
>>> fit.names
('u11: x', 'u14: const', 'u24: x1', 'u24: x2')
>>> bool(np.all(np.abs(fit.params - [1.0, -0.5, 0.3, 1.0]) < 3 * fit.std_errors))
True
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, NotIdentifiedError, UnknownKeyError
from ..tolerances import MATCH
from ..types import Seed
from ._likelihood import EXACT_GRADIENT_IDENTIFICATION, check_runaway, maximize_likelihood
from ._twostage import (
    SPECS,
    Design,
    Separated,
    Spec,
    check_identified,
    check_options,
    design,
    loglik_and_gradient,
    loglik_per_observation,
    outcome_codes,
    probabilities,
    start_values,
)
from .results import FitResult

__all__ = ["egame12_probabilities", "egame122_probabilities", "fit_egame12",
           "fit_egame122", "simulate_egame12", "simulate_egame122"]
__dir__ = public_dir(__all__)

_KIND_NAMES = {"agent": "agent error", "private": "private information"}


class _Predictor:
    """``FitResult.predict`` of a strategic fit: outcome probabilities at the fitted or new
    regressors (a module-level class, so that fits pickle)."""

    def __init__(self, spec: Spec, fitted: Design, kind: str, link: str) -> None:
        self.spec, self.fitted, self.kind, self.link = spec, fitted, kind, link

    def __call__(self, params: NDArray[np.float64], regressors: Any = None
                 ) -> NDArray[np.float64]:
        d = self.fitted if regressors is None else _same_columns(
            self.spec, self.fitted, design(self.spec, regressors))
        return probabilities(self.spec, d, params, self.kind, self.link)


def _same_columns(spec: Spec, fitted: Design, new: Design) -> Design:
    for eq in spec.equations:
        if new.matrices[eq].shape[1] != fitted.matrices[eq].shape[1]:
            raise InvalidArgumentError(
                f"regressors[{eq!r}] has {new.matrices[eq].shape[1]} columns; the fit has "
                f"{len(fitted.columns[eq])} ({', '.join(fitted.columns[eq]) or 'fixed at 0'})")
    return new


def _fit(spec: Spec, outcomes: Any, regressors: Any, kind: Any, link: Any) -> FitResult:
    kind, link = check_options(kind, link)
    codes = outcome_codes(spec, outcomes)
    d = design(spec, regressors, n=len(codes))
    check_identified(spec, d, codes)

    def negloglik(theta: NDArray[np.float64]) -> float:
        return -loglik_and_gradient(spec, d, theta, codes, kind, link)[0]

    def gradient(theta: NDArray[np.float64]) -> NDArray[np.float64]:
        return -loglik_and_gradient(spec, d, theta, codes, kind, link)[1]

    def fit_from(start: NDArray[np.float64]) -> FitResult:
        return maximize_likelihood(
            negloglik, start, gradient=gradient, names=d.names(), n_obs=d.n,
            title=f"{spec.name} ({_KIND_NAMES[kind]}, {link})",
            outcome_names=spec.outcomes, predictor=_Predictor(spec, d, kind, link),
            tol=EXACT_GRADIENT_IDENTIFICATION)

    start, separated = start_values(spec, d, codes, kind, link)
    if not separated:
        fit = fit_from(start)
    else:
        fit = _fit_separated(spec, d, start, separated, negloglik, gradient, fit_from)
    check_runaway(negloglik, fit.params, fit.cov, fit.names, _groups(d))
    per_obs = loglik_per_observation(spec, d, fit.params, codes, kind, link)
    per_obs.flags.writeable = False
    return replace(fit, loglik_obs=per_obs)


def _groups(d: Design) -> list[list[int]]:
    """The parameter indices of each utility's coefficients."""
    stops = np.cumsum([0, *(len(cols) for cols in d.columns.values())])
    return [list(range(a, b)) for a, b in itertools.pairwise(stops.tolist()) if b > a]


def _fit_separated(spec: Spec, d: Design, start: NDArray[np.float64],
                   separated: list[Separated], negloglik: Any, gradient: Any,
                   fit_from: Any) -> FitResult:
    """Player 2's choice is separated in some branch. His utility also moves Player 1's
    choices, so the joint likelihood can still have a finite maximum: fit from the shrunken
    start and from one far along the separating direction; keep the shrunken start's
    maximum if it beats the far one by more than the optimizer's tolerance, else the far
    one, and refuse the result if the likelihood is flat around it (it ran off)."""
    from scipy import optimize

    refusal = NotIdentifiedError(" ".join(sep.message for sep in separated))
    runaway = start.copy()
    stops = np.cumsum([len(cols) for cols in d.columns.values()])
    blocks = dict(zip(spec.equations, np.split(np.arange(start.size), stops[:-1]),
                      strict=True))
    for sep in separated:
        runaway[blocks[sep.equation]] = sep.runaway
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        far = optimize.minimize(negloglik, runaway, jac=gradient, method="BFGS")
    far_ll = -float(far.fun)
    try:
        near: FitResult | None = fit_from(start)
    except NotIdentifiedError:
        near = None  # a flat Hessian where the estimates ran off
    if near is not None and near.converged and near.loglik > far_ll + MATCH * max(
            1.0, abs(far_ll)):
        fit = near
    else:
        try:
            fit = fit_from(np.asarray(far.x))
        except NotIdentifiedError:
            raise refusal from None
    try:
        check_runaway(negloglik, fit.params, fit.cov, fit.names, _groups(d))
    except NotIdentifiedError:
        raise refusal from None
    if not fit.converged:
        raise refusal
    return fit


def _params(spec: Spec, d: Design, coefficients: Any) -> NDArray[np.float64]:
    if not isinstance(coefficients, Mapping):
        raise InvalidArgumentError(
            f"coefficients must be a mapping from utility equation to its coefficients, got "
            f"{type(coefficients).__name__}")
    unknown = [eq for eq in coefficients if eq not in spec.equations]
    if unknown:
        raise UnknownKeyError(f"coefficients has an unknown utility {unknown[0]!r}; "
                              f"{spec.name} has {', '.join(spec.equations)}")
    out = []
    for eq in spec.equations:
        k = d.matrices[eq].shape[1]
        beta = np.atleast_1d(np.asarray(coefficients.get(eq, np.zeros(0)), dtype=np.float64))
        if beta.ndim != 1 or beta.size != k or not np.all(np.isfinite(beta)):
            raise InvalidArgumentError(
                f"coefficients[{eq!r}] must be {k} finite numbers, one per regressor of {eq} "
                f"({', '.join(d.columns[eq]) or 'none: the utility is fixed at 0'}), got "
                f"{coefficients.get(eq)!r}")
        out.append(beta)
    return np.concatenate(out)


def _probabilities(spec: Spec, coefficients: Any, regressors: Any, kind: Any,
                   link: Any) -> NDArray[np.float64]:
    kind, link = check_options(kind, link)
    d = design(spec, regressors)
    return probabilities(spec, d, _params(spec, d, coefficients), kind, link)


def _simulate(spec: Spec, coefficients: Any, regressors: Any, kind: Any, link: Any,
              seed: Seed) -> NDArray[np.int64]:
    probs = _probabilities(spec, coefficients, regressors, kind, link)
    draws = np.random.default_rng(seed).random(len(probs))
    codes = (draws[:, None] > np.cumsum(probs, axis=1)[:, :-1]).sum(axis=1)
    return np.asarray(codes, dtype=np.int64)


def fit_egame12(outcomes: Any, regressors: Mapping[str, Any], *, kind: str = "agent",
                link: str = "probit") -> FitResult:
    """Fit Signorino's deterrence game (``egame12``) by maximum likelihood.

    Parameters
    ----------
    outcomes : array_like
        One outcome per observation: ``0``/``'sq'`` (status quo), ``1``/``'cap'``
        (challenge, Player 2 backs down) or ``2``/``'war'`` (challenge, Player 2 resists).
        Numbered from 0; R's ``games`` numbers them from 1. Or two 0/1 columns, as R's
        ``esc + war``: whether Player 1 challenged, whether Player 2 resisted (ignored
        without a challenge).
    regressors : mapping
        For each utility ``'u11'``, ``'u13'``, ``'u14'``, ``'u24'``: its regressors, one row
        per observation, as a matrix (numpy array or list; columns named ``x1``, ``x2``, ...),
        a mapping from regressor name to column (``1`` for a constant:
        ``{"const": 1, "balance": balance}``) or a pandas DataFrame (its columns name them);
        ``1`` for a constant only; ``None`` (or absent) to fix the utility at 0.
    kind : {'agent', 'private'}
        The error structure: agent error or private information.
    link : {'probit', 'logit'}
        The errors' distribution (the logit with ``kind='agent'`` only).

    Returns
    -------
    FitResult
        Parameters named ``'u11: x'`` etc.; ``predict()`` gives the probabilities of
        ``('sq', 'cap', 'war')``.

    Raises
    ------
    NotIdentifiedError
        Collinear regressors, a regressor in all of ``u11``, ``u13`` and ``u14``, regressors
        for a utility normalized to 0 (``'u23'``), separation (a choice predicted perfectly,
        e.g. an outcome that never occurs, whose estimates run off), estimates that run off
        to infinity in the joint likelihood (``check_runaway`` of the likelihood helper), or
        a singular Hessian.
    InvalidArgumentError
        Outcomes the game does not allow, mismatched rows, a bad ``kind`` or ``link``, or
        ``link='logit'`` with ``kind='private'``.

    See Also
    --------
    simulate_egame12 : data from known coefficients.
    egame12_probabilities : the closed-form outcome probabilities.
    fit_egame122 : Player 2 moves after both of Player 1's choices.

    References
    ----------
    Signorino (1999); Signorino (2003); Kenkel and Signorino (2014): see
    :mod:`multilateral.estimation.strategic`.

    Examples
    --------
    >>> import numpy as np
    >>> from multilateral.estimation import fit_egame12
    >>> y = np.array([0, 0, 1, 2, 0, 2, 1, 0, 2, 0] * 20)
    >>> fit = fit_egame12(y, {"u11": 1, "u24": 1}, kind="private")
    >>> fit.names, fit.outcomes
    (('u11: const', 'u24: const'), ('sq', 'cap', 'war'))
    >>> fit.predict()[0].round(3).tolist()  # the sample shares of sq, cap, war
    [0.5, 0.2, 0.3]
    """
    return _fit(SPECS["egame12"], outcomes, regressors, kind, link)


def fit_egame122(outcomes: Any, regressors: Mapping[str, Any], *, kind: str = "agent",
                 link: str = "probit") -> FitResult:
    """Fit the two-player, four-outcome strategic model (``egame122``) by maximum likelihood.

    Parameters
    ----------
    outcomes : array_like
        One outcome per observation: ``0``..``3`` or ``'LL'``, ``'LR'``, ``'RL'``, ``'RR'``
        (Player 1's move, then Player 2's), or two 0/1 columns (Player 1 moved Right, Player
        2 moved Right).
    regressors : mapping
        For each utility ``'u11'``, ``'u12'``, ``'u13'``, ``'u14'``, ``'u22'``, ``'u24'``: a
        matrix, ``1`` (a constant) or ``None`` (fixed at 0), as in :func:`fit_egame12`.
    kind : {'agent', 'private'}
        The error structure.
    link : {'probit', 'logit'}
        The errors' distribution.

    Returns
    -------
    FitResult
        Parameters named ``'u11: x'`` etc.; ``predict()`` gives the probabilities of
        ``('LL', 'LR', 'RL', 'RR')``.

    Raises
    ------
    NotIdentifiedError
        As for :func:`fit_egame12` (Player 1's utilities are ``u11`` to ``u14``).
    InvalidArgumentError
        Outcomes the game does not allow, mismatched rows, a bad ``kind`` or ``link``.

    See Also
    --------
    fit_egame12 : the deterrence game.
    simulate_egame122 : data from known coefficients.

    References
    ----------
    Kenkel and Signorino (2014): see :mod:`multilateral.estimation.strategic`.

    Examples
    --------
    >>> import numpy as np
    >>> from multilateral.estimation import fit_egame122, simulate_egame122
    >>> x = np.random.default_rng(0).normal(size=(3000, 1))
    >>> regressors = {"u11": x, "u13": 1, "u22": 1, "u24": x}
    >>> truth = {"u11": [0.5], "u13": [0.3], "u22": [-0.4], "u24": [1.0]}
    >>> fit = fit_egame122(simulate_egame122(truth, regressors, seed=1), regressors)
    >>> bool(np.all(np.abs(fit.params - [0.5, 0.3, -0.4, 1.0]) < 3 * fit.std_errors))
    True
    """
    return _fit(SPECS["egame122"], outcomes, regressors, kind, link)


def egame12_probabilities(coefficients: Mapping[str, Any], regressors: Mapping[str, Any], *,
                          kind: str = "agent", link: str = "probit") -> NDArray[np.float64]:
    """The closed-form outcome probabilities of the deterrence game.

    Parameters
    ----------
    coefficients : mapping
        Coefficients of each utility with regressors (``'u11'``, ``'u13'``, ``'u14'``,
        ``'u24'``).
    regressors : mapping
        As in :func:`fit_egame12`.
    kind : {'agent', 'private'}
        The error structure.
    link : {'probit', 'logit'}
        The errors' distribution.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, 3)``: the probabilities of ``'sq'``, ``'cap'``, ``'war'``.

    See Also
    --------
    fit_egame12 : estimates the coefficients.

    Examples
    --------
    With ``u24 = 0`` Player 2 resists with probability one half, and Player 1 challenges
    with probability ``Phi((u13/2 + u14/2 - u11) / sqrt(2))``:

    >>> from multilateral.estimation import egame12_probabilities
    >>> egame12_probabilities({"u11": [0.0], "u13": [1.0], "u14": [-1.0]},
    ...                       {"u11": [1.0], "u13": [1.0], "u14": [1.0]}).tolist()
    [[0.5, 0.25, 0.25]]
    """
    return _probabilities(SPECS["egame12"], coefficients, regressors, kind, link)


def egame122_probabilities(coefficients: Mapping[str, Any], regressors: Mapping[str, Any], *,
                           kind: str = "agent", link: str = "probit") -> NDArray[np.float64]:
    """The closed-form outcome probabilities of ``egame122``, shape ``(n, 4)``.

    Parameters
    ----------
    coefficients : mapping
        Coefficients of each utility with regressors.
    regressors : mapping
        As in :func:`fit_egame122`.
    kind : {'agent', 'private'}
        The error structure.
    link : {'probit', 'logit'}
        The errors' distribution.

    See Also
    --------
    fit_egame122 : estimates the coefficients.

    Examples
    --------
    >>> from multilateral.estimation import egame122_probabilities
    >>> egame122_probabilities({"u22": [0.0]}, {"u22": [1.0, 1.0]}).tolist()
    [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]]
    """
    return _probabilities(SPECS["egame122"], coefficients, regressors, kind, link)


def simulate_egame12(coefficients: Mapping[str, Any], regressors: Mapping[str, Any], *,
                     kind: str = "agent", link: str = "probit",
                     seed: Seed = None) -> NDArray[np.int64]:
    """Draw outcomes of the deterrence game (codes 0 ``sq``, 1 ``cap``, 2 ``war``).

    Parameters
    ----------
    coefficients : mapping
        True coefficients of each utility with regressors.
    regressors : mapping
        As in :func:`fit_egame12`.
    kind : {'agent', 'private'}
        The error structure.
    link : {'probit', 'logit'}
        The errors' distribution.
    seed : int, Generator, SeedSequence or None
        Randomness.

    Returns
    -------
    numpy.ndarray
        One outcome code per observation, drawn from :func:`egame12_probabilities`.

    See Also
    --------
    fit_egame12 : recovers the coefficients.

    Examples
    --------
    >>> from multilateral.estimation import simulate_egame12
    >>> y = simulate_egame12({"u11": [-5.0]}, {"u11": [[1.0]] * 4}, seed=0)
    >>> y.shape, bool(set(y.tolist()) <= {1, 2})  # u11 = -5: Player 1 always challenges
    ((4,), True)
    """
    return _simulate(SPECS["egame12"], coefficients, regressors, kind, link, seed)


def simulate_egame122(coefficients: Mapping[str, Any], regressors: Mapping[str, Any], *,
                      kind: str = "agent", link: str = "probit",
                      seed: Seed = None) -> NDArray[np.int64]:
    """Draw outcomes of ``egame122`` (codes 0..3 for ``LL``, ``LR``, ``RL``, ``RR``).

    Parameters
    ----------
    coefficients : mapping
        True coefficients of each utility with regressors.
    regressors : mapping
        As in :func:`fit_egame122`.
    kind : {'agent', 'private'}
        The error structure.
    link : {'probit', 'logit'}
        The errors' distribution.
    seed : int, Generator, SeedSequence or None
        Randomness.

    See Also
    --------
    fit_egame122 : recovers the coefficients.

    Examples
    --------
    >>> from multilateral.estimation import simulate_egame122
    >>> simulate_egame122({"u22": [0.0]}, {"u22": [[1.0]] * 3}, seed=0).shape
    (3,)
    """
    return _simulate(SPECS["egame122"], coefficients, regressors, kind, link, seed)
