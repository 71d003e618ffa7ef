"""Estimation: strategic models taken to data by maximum likelihood.

Every estimator returns a :class:`FitResult` (estimates, standard errors from the inverse
Hessian, log-likelihood, AIC and BIC, predicted outcome probabilities, and tables as text,
DataFrame and LaTeX), built by the one likelihood helper :func:`maximize_likelihood`, which
refuses a specification the data do not identify with a
:class:`~multilateral.errors.NotIdentifiedError` rather than report meaningless standard
errors.

One module per idea:

* :mod:`.results` -- :class:`FitResult`, and :func:`latex_table` for several fits side by
  side;
* :mod:`._likelihood` -- :func:`maximize_likelihood`: the optimizer, the Hessian and the
  identification check (its ``numerical_hessian`` and ``covariance`` are for the package's
  estimators);
* :mod:`.compare` -- :func:`vuong`, Vuong's test of two non-nested fits;
* :mod:`.strategic` -- Signorino's statistical strategic models: :func:`fit_egame12` (the
  deterrence game) and :func:`fit_egame122`, their closed-form outcome probabilities and
  simulated data (its engine is :mod:`._twostage`).

References
----------
.. [1] Signorino, C. S. (1999). Strategic interaction and the statistical analysis of
   international conflict. *American Political Science Review* 93(2), 279-297.
.. [2] Signorino, C. S. (2003). Structure and uncertainty in discrete choice models.
   *Political Analysis* 11(4), 316-344.
.. [3] Kenkel, B. and Signorino, C. S. (2014). Estimating extensive form games in R.
   *Journal of Statistical Software* 56(8), 1-27.

Examples
--------
>>> import multilateral.estimation as est
>>> est.FitResult.__name__, est.maximize_likelihood.__name__
('FitResult', 'maximize_likelihood')
"""

from .._namespace import public_dir
from ._likelihood import maximize_likelihood
from .compare import VuongTest, vuong
from .qre import fit_qre
from .qre_payoffs import fit_qre_payoffs, simulate_qre_payoffs
from .results import FitResult, latex_table
from .strategic import (
    egame12_probabilities,
    egame122_probabilities,
    fit_egame12,
    fit_egame122,
    simulate_egame12,
    simulate_egame122,
)

__all__ = [
    "FitResult",
    "VuongTest",
    "egame12_probabilities",
    "egame122_probabilities",
    "fit_egame12",
    "fit_egame122",
    "fit_qre",
    "fit_qre_payoffs",
    "latex_table",
    "maximize_likelihood",
    "simulate_egame12",
    "simulate_egame122",
    "simulate_qre_payoffs",
    "vuong",
]
__dir__ = public_dir(__all__)
