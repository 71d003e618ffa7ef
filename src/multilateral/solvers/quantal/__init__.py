"""Logit quantal response equilibrium (McKelvey and Palfrey 1995, 1998).

* :mod:`.normal_form` — :func:`logit_qre` at one precision ``lam`` and :func:`qre_branch`,
  the principal branch traced from the centroid, for normal-form games of any number of
  players and (the agent QRE) extensive-form games;
* :mod:`._agent` — the agent QRE's equations: conditional action values and their exact
  derivatives through the tree;
* :mod:`.results` — :class:`LogitQRE` and :class:`QREBranch`;
* :mod:`.sensitivity` — :func:`qre_sensitivity`: the QRE's derivatives along payoff
  directions and ``lam`` (implicit function theorem), warm-started (for estimation);
* :mod:`._homotopy` — the predictor-corrector path follower (Turocy 2005) both use.

References
----------
.. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal form
   games. *Games and Economic Behavior* 10, 6-38.
.. [2] McKelvey, R. D. and Palfrey, T. R. (1998). Quantal response equilibria for extensive
   form games. *Experimental Economics* 1, 9-41.
.. [3] Turocy, T. L. (2005). A dynamic homotopy interpretation of the logistic quantal
   response equilibrium correspondence. *Games and Economic Behavior* 51, 243-263.
"""

from ..._namespace import public_dir
from .normal_form import logit_qre, qre_branch
from .results import LogitQRE, QREBranch
from .sensitivity import QRESensitivity, qre_sensitivity

__all__ = ["LogitQRE", "QREBranch", "QRESensitivity", "logit_qre", "qre_branch",
           "qre_sensitivity"]
__dir__ = public_dir(__all__)
