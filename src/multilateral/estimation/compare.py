"""Comparing fitted models that are not nested: Vuong's test, :func:`vuong`.

Agent error and private information, or a probit and a logit link, give models of the same
data that are not special cases of each other, so a likelihood-ratio test does not apply.
Vuong's (1989) test asks which of two models is closer to the truth (in Kullback-Leibler
distance) from the observations' differences in log-likelihood; the ``games`` package
offers it for the same purpose (Kenkel and Signorino 2014), always with the Schwarz
correction: ``vuong(fits, 'schwarz')`` is its statistic (tests/test_estimation_strategic.py
checks it against R's on the package's example).

The overview and the other references are in :mod:`multilateral.estimation`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from .._namespace import public_dir
from ..errors import InvalidArgumentError
from ..tolerances import ROUNDING
from .results import FitResult

__all__ = ["VuongTest", "vuong"]
__dir__ = public_dir(__all__)

_CORRECTIONS = ("none", "akaike", "schwarz")


@dataclass(frozen=True, repr=False)
class VuongTest:
    """The result of Vuong's test of two non-nested fits.

    Attributes
    ----------
    statistic : float
        Asymptotically standard normal when the two models are equally close to the truth;
        positive favours the first.
    p_value : float
        Two-sided p-value of equal closeness.
    favours : str
        The model (its ``FitResult.model``) with the larger corrected log-likelihood.
    correction : str
        ``'none'``, ``'akaike'`` or ``'schwarz'``: the penalty on the number of parameters.

    See Also
    --------
    vuong : computes it.
    """

    statistic: float
    p_value: float
    favours: str
    correction: str

    def __repr__(self) -> str:
        return (f"VuongTest(statistic={self.statistic:.4g}, p_value={self.p_value:.4g}, "
                f"favours={self.favours!r}, correction={self.correction!r})")


def vuong(fits: Sequence[FitResult], correction: str = "none") -> VuongTest:
    """Vuong's test: which of two non-nested fits of the same data is closer to the truth.

    With ``m_i`` the difference of the two fits' log-likelihoods at observation ``i``, the
    statistic is ``(sum m_i - c) / (sqrt(n) sd(m))`` with ``sd`` the standard deviation of
    the ``m_i`` over ``n`` (not ``n - 1``), where the correction ``c`` is 0, ``k1 - k2``
    (Akaike) or ``(k1 - k2) log(n) / 2`` (Schwarz) for ``k1``, ``k2`` parameters (Vuong's
    corrected likelihood ratio; the page was not checked here). R's ``games`` package
    always applies the Schwarz correction.

    Parameters
    ----------
    fits : pair of FitResult
        Two fits of the same observations that carry ``loglik_obs`` (every strategic fit
        does); a positive statistic favours the first.
    correction : {'none', 'akaike', 'schwarz'}
        Penalty for the number of parameters.

    Returns
    -------
    VuongTest

    Raises
    ------
    InvalidArgumentError
        Fits without per-observation log-likelihoods, of different numbers of observations,
        or equal at every observation (then the test says nothing).

    See Also
    --------
    multilateral.estimation.fit_egame12 : fits to compare (``kind``, ``link``).

    References
    ----------
    .. [1] Vuong, Q. H. (1989). Likelihood ratio tests for model selection and non-nested
       hypotheses. *Econometrica* 57(2), 307-333.
    .. [2] Kenkel, B. and Signorino, C. S. (2014). Estimating extensive form games in R.
       *Journal of Statistical Software* 56(8), 1-27 (the ``games`` package's ``vuong``).

    Examples
    --------
    >>> import numpy as np
    >>> from multilateral.estimation import fit_egame12, simulate_egame12, vuong
    >>> rng = np.random.default_rng(0)
    >>> x, z = rng.normal(size=3000), rng.normal(size=3000)
    >>> y = simulate_egame12({"u11": [1.0], "u24": [0.0, -1.0]},
    ...                      {"u11": x, "u24": {"const": 1, "x": x}}, seed=1)
    >>> right = fit_egame12(y, {"u11": x, "u24": {"const": 1, "x": x}})
    >>> wrong = fit_egame12(y, {"u11": z, "u24": {"const": 1, "z": z}})
    >>> test = vuong([right, wrong])
    >>> test.statistic > 5, test.p_value < 0.001
    (True, True)
    """
    if correction not in _CORRECTIONS:
        raise InvalidArgumentError(
            f"correction must be one of {', '.join(map(repr, _CORRECTIONS))}, got "
            f"{correction!r}")
    fits = tuple(fits)
    if len(fits) != 2 or not all(isinstance(f, FitResult) and f.loglik_obs is not None
                                 for f in fits):
        raise InvalidArgumentError(
            "vuong needs two FitResults with per-observation log-likelihoods (loglik_obs)")
    first, second = fits
    l1, l2 = (np.asarray(f.loglik_obs) for f in fits)
    if l1.shape != l2.shape:
        raise InvalidArgumentError(
            f"the fits have {l1.size} and {l2.size} observations: vuong compares fits of the "
            "same data")
    n = l1.size
    m = l1 - l2
    sd = float(m.std())
    if sd <= ROUNDING * max(1.0, float(np.abs(l1).max())):
        raise InvalidArgumentError(
            "the two fits have the same log-likelihood at every observation: Vuong's test "
            "cannot tell them apart")
    penalty = {"none": 0.0, "akaike": float(first.n_params - second.n_params),
               "schwarz": (first.n_params - second.n_params) * math.log(n) / 2}[correction]
    statistic = (float(m.sum()) - penalty) / (math.sqrt(n) * sd)
    return VuongTest(statistic=statistic, p_value=float(2 * stats.norm.sf(abs(statistic))),
                     favours=first.model if statistic >= 0 else second.model,
                     correction=correction)
