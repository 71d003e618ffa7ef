"""Santos and Pacheco's collective-risk claims: small groups coordinate more easily.

Instances are pairs ``(smaller, larger)`` of
:class:`~multilateral.models.CollectiveRiskDilemma` models with the same threshold fraction
``M / N`` (drawn by :func:`multilateral.strategies.collective_risk_pairs`).
``SANTOS_PACHECO_SMALL_GROUPS`` is the exact infinite-population form (critical risk);
``SANTOS_PACHECO_SMALL_GROUPS_FINITE`` the finite-population form (stationary group
achievement), which needs ``M / N >= 1/2``.

References
----------
.. [1] Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an escape
   from the tragedy of the commons. *PNAS* 108(26), 10421-10425.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.SANTOS_PACHECO_SMALL_GROUPS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..models.collective_risk import CollectiveRiskDilemma
from ..models.threshold_goods import max_pivot_probability
from ..strategies import collective_risk_pairs
from ..tolerances import ROUNDING
from .base import Claim, register

__all__ = ["SANTOS_PACHECO_SMALL_GROUPS", "SANTOS_PACHECO_SMALL_GROUPS_FINITE"]
__dir__ = public_dir(__all__)

# Group achievements are float sums over a stationary distribution: equal ones may differ
# by rounding, so "at least as high" allows this much.
_ACHIEVEMENT_TOL = ROUNDING


def _comparable(pair: Any) -> tuple[CollectiveRiskDilemma, CollectiveRiskDilemma]:
    if (not isinstance(pair, tuple) or len(pair) != 2
            or not all(isinstance(p, CollectiveRiskDilemma) for p in pair)):
        raise InvalidTypeError("the instance must be a pair (smaller, larger) of "
                               "CollectiveRiskDilemma models")
    small, large = pair
    if not (small.n < large.n and Fraction(small.threshold, small.n)
            == Fraction(large.threshold, large.n)):
        raise InvalidArgumentError(
            "the claim compares a smaller and a larger group with the same threshold "
            f"fraction M/N; got N, M = {small.n}, {small.threshold} and "
            f"{large.n}, {large.threshold}")
    return small, large


def _risk_ratio(model: CollectiveRiskDilemma) -> Any:
    """``c / max Gamma``: the critical risk, also past 1 (where ``critical_risk()`` says no
    risk suffices), so that two groups that both need more than certainty still compare."""
    return model.cost / max_pivot_probability(model.n, model.threshold)


def _lower_critical_risk(pair: Any) -> bool:
    small, large = _comparable(pair)
    return bool(_risk_ratio(small) < _risk_ratio(large))


def _higher_group_achievement(pair: Any) -> bool:
    small, large = _comparable(pair)
    return small.group_achievement() >= large.group_achievement() - _ACHIEVEMENT_TOL


_SOURCE = (
    "Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an escape "
    "from the tragedy of the commons. PNAS 108(26), 10421-10425 (abstract: 'decisions within "
    "small groups under high risk and stringent requirements to success significantly raise "
    "the chances of coordinating actions')."
)

#: Santos & Pacheco's headline in the exact form that holds for infinite populations: at a
#: fixed threshold fraction ``M / N < 1``, a larger group needs a strictly higher risk before
#: a stable cooperative equilibrium appears. Instances: pairs ``(smaller, larger)``.
SANTOS_PACHECO_SMALL_GROUPS = register(Claim(
    name="santos_pacheco_small_groups",
    statement=(
        "In the collective-risk dilemma, smaller groups sustain cooperation at lower risk: "
        "for the same threshold fraction M/N < 1, the critical risk r* = c / max Gamma above "
        "which the replicator dynamics has a stable cooperative equilibrium is strictly "
        "lower for the smaller group."
    ),
    source=_SOURCE,
    predicate=_lower_critical_risk,
    domain=lambda: collective_risk_pairs(min_fraction=Fraction(0), finite=False),
))

#: The finite-population form: under pairwise comparison with mutation, the stationary
#: fraction of groups reaching the threshold (``eta_G``) is at least as high in the smaller
#: group, for the same threshold fraction ``1/2 <= M / N < 1``, risk, cost, population,
#: ``beta`` and ``mutation``. It fails for lax thresholds (``M / N < 1/2``) when mutation keeps
#: the population mixed: e.g. ``N = 4, M = 1`` against ``N = 8, M = 2`` with ``Z = 8``,
#: ``r = 0``, ``beta = 0.1``, ``mutation = 0.2`` (a larger sample more often reaches a low
#: fraction).
SANTOS_PACHECO_SMALL_GROUPS_FINITE = register(Claim(
    name="santos_pacheco_small_groups_finite",
    statement=(
        "In a finite population under pairwise comparison with mutation, the stationary "
        "group achievement (fraction of groups that reach the threshold) is at least as high "
        "for the smaller group, for the same threshold fraction 1/2 <= M/N < 1 and the same "
        "risk, cost, population size, selection intensity and mutation rate."
    ),
    source=_SOURCE,
    predicate=_higher_group_achievement,
    domain=lambda: collective_risk_pairs(min_fraction=Fraction(1, 2), finite=True),
))
