"""Specific and diffuse reciprocity (Keohane 1986, Ruggie 1992): direct and indirect reciprocity.

Keohane distinguishes *specific* reciprocity, "exchanges of items of equivalent value in a
strictly delimited sequence" between two partners, from *diffuse* reciprocity, in which
"the definition of equivalence is less precise, one's partners may be viewed as a group
rather than as particular actors, and the sequence of events is less narrowly bounded". Ruggie
makes diffuse reciprocity, with indivisibility and generalized principles of conduct, the mark
of multilateralism. Their formal counterparts are *direct* reciprocity (tit for tat with each
partner) and *indirect* reciprocity (help those in good standing with the group). This package
builds both on the same population playing the donation game: a donor pays ``cost`` so that a
recipient gains ``benefit``.

The package, one idea a module:

* :mod:`~multilateral.models.reciprocity.nowak`: :class:`Reciprocity`, specific reciprocity
  (tit for tat, random groups of ``n`` among ``population`` states) against diffuse
  reciprocity as balance with the group, exactly; :func:`nowak_conditions`.
* :mod:`~multilateral.models.reciprocity.norms`: :class:`Norm` (an assessment rule and an
  action rule), :data:`NORMS`, :data:`ACTION_RULES`, :func:`leading_eight`.
* :mod:`~multilateral.models.reciprocity.dynamics`: the reputation engine (public and private
  assessment, ESS conditions) and :class:`PopulationState`.
* :mod:`~multilateral.models.reciprocity.indirect`: :class:`IndirectReciprocity`, diffuse
  reciprocity as reputation under a norm (Ohtsuki and Iwasa 2004).
* :mod:`~multilateral.models.reciprocity.scans`: all 4,096 norms at once, at small errors
  (:func:`scan_norms`) and exactly as errors vanish (:func:`ess_limit`).
* :mod:`~multilateral.models.reciprocity.threshold_reciprocity`: :class:`ThresholdReciprocity`,
  threshold tit for tat against always defect in groups of ``n`` (Boyd and Richerson 1988),
  whose basin of attraction shrinks as ``n`` grows.
* :mod:`~multilateral.models.reciprocity.simulation`: agent-based runs of both
  (:func:`simulate_reputation`, :func:`simulate_reciprocity`).

Parameter names follow :mod:`multilateral.glossary`: ``benefit`` and ``cost`` (``b``, ``c``),
``noise`` (execution error ``e``), ``assessment_error`` (``mu``), ``knowledge`` (Nowak's ``q``:
the probability that a donor knows the recipient's reputation), ``credit`` (the balance
tolerance ``T``), ``n`` (group size ``N``) and ``population`` (``Z``). The docstrings' formulas
keep the short symbols.

References
----------
.. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
   Organization* 40(1), 1-27, pp. 4-8.
.. [2] Ruggie, J. G. (1992). Multilateralism: the anatomy of an institution. *International
   Organization* 46(3), 561-598, p. 571.
.. [3] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
   1560-1563.
.. [4] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [5] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can maintain
   cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239, 435-444.
.. [6] Nowak, M. A. and Sigmund, K. (1998). Evolution of indirect reciprocity by image
   scoring. *Nature* 393, 573-577.
.. [7] Schmid, L., Ekbatani, F., Hilbe, C. and Chatterjee, K. (2023). Indirect reciprocity
   with stochastic and dual reputation updates. *PLoS Computational Biology* 19(7),
   e1011271.
.. [8] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
   stability in indirect reciprocity under noise. arXiv:2509.08006.
.. [9] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
   empathetic moral evaluation. *eLife* 8, e44269.
.. [10] Kandori, M. (1992). Social norms and community enforcement. *Review of Economic
   Studies* 59(1), 63-80.

Examples
--------
Specific against diffuse reciprocity among the WTO's 166 members (more in
:class:`Reciprocity`), and the norms that keep indirect reciprocity stable:

>>> import multilateral as ml
>>> from fractions import Fraction
>>> wto = ml.models.Reciprocity(benefit=2, cost=1, population=166, delta=Fraction(99, 100))
>>> wto.specific_sustains(), wto.diffuse_sustains()
(False, True)
>>> [n.name for n in ml.models.ess_limit().norms(ratio=1)]
['L8', 'L6', 'L2', 'L5', 'L7', 'L4', 'L1', 'L3']
"""

from ..._namespace import public_dir
from .dynamics import PopulationState
from .indirect import IndirectReciprocity
from .norms import ACTION_RULES, NORMS, Norm, leading_eight
from .nowak import Reciprocity, nowak_conditions
from .scans import LimitScan, NormScan, ess_limit, scan_norms
from .simulation import (
    ReciprocitySimulation,
    ReputationSimulation,
    simulate_reciprocity,
    simulate_reputation,
)
from .threshold_reciprocity import ReciprocityBasin, ThresholdReciprocity

__all__ = [
    "ACTION_RULES",
    "NORMS",
    "IndirectReciprocity",
    "LimitScan",
    "Norm",
    "NormScan",
    "PopulationState",
    "Reciprocity",
    "ReciprocityBasin",
    "ReciprocitySimulation",
    "ReputationSimulation",
    "ThresholdReciprocity",
    "ess_limit",
    "leading_eight",
    "nowak_conditions",
    "scan_norms",
    "simulate_reciprocity",
    "simulate_reputation",
]
__dir__ = public_dir(__all__)
