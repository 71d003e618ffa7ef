"""Bendor and Mookherjee's nested cores: a federation of small subgroups is more stable.

Bendor and Mookherjee (1987) find that decentralized conditional cooperation in an n-person
repeated prisoner's dilemma degrades rapidly once monitoring is uncertain, and that a
hierarchical structure -- reciprocity inside subunits, selective incentives administered by
the centre -- is more stable (p. 129). Kahler (1992) reads the small cores inside large
international institutions (the G7 in the G20, plurilaterals in the WTO) the same way.

``NESTED_CORES`` states it through their mechanism on
:class:`~multilateral.models.NestedCores`: a trigger strategy that watches fewer members
suffers fewer false alarms, so a subgroup needs less patience and spends less time in
noise-triggered punishment than the whole group. Its qualification: monitoring is noisy, the
subgroups are smaller than the group, and the centre's selective incentive withholds the rest
of the federation's benefit from a subgroup whose record shows a defection. Without the
centre (``selective_incentive = 0``) a subgroup risks only its own share of the benefit, and at
low noise the federation is *less* stable than the flat group (e.g. ``n = 20``, four
subgroups of five, ``monitoring_error = 0``: ``2/3`` against ``1/3``): the library's finding,
which is why the centre matters.

References
----------
.. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing
   collective action. *American Political Science Review* 81(1), 129-154.
.. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.NESTED_CORES.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..models.nested_cores import NestedCores
from ..strategies.models import nested_cores_models
from .base import Claim, register

__all__ = ["NESTED_CORES"]
__dir__ = public_dir(__all__)


def _federation_more_stable(model: Any) -> bool:
    if not isinstance(model, NestedCores):
        raise InvalidTypeError(f"the instance must be a NestedCores model, got {model!r}")
    sizes = model.subgroups
    assert isinstance(sizes, tuple)
    if model.selective_incentive != 1 or max(sizes) >= model.n or model.monitoring_error == 0:
        raise InvalidArgumentError(
            "the claim is about noisy monitoring (monitoring_error > 0), subgroups smaller "
            "than the group, and a full selective incentive at the centre "
            f"(selective_incentive = 1); got {model!r}")
    result = model.compare()
    stable = result.more_stable == "nested" or (
        result.more_stable == "equal" and not result.flat_critical.attainable)
    flat_sustained = result.flat_critical.attainable
    strictly_more = model.punishment_rounds is not None and flat_sustained
    return stable and result.more_cooperation == "nested" if strictly_more else (
        stable and result.more_cooperation in ("nested", "equal"))


#: Bendor and Mookherjee's hierarchy claim, with its qualification: noisy monitoring, proper
#: subgroups, the centre's full selective incentive. Instances: exact ``NestedCores`` models.
NESTED_CORES = register(Claim(
    name="nested_cores",
    statement=(
        "Once monitoring is noisy, a federation -- reciprocity (trigger strategies) inside "
        "subgroups, the centre withholding the federation's benefit from a subgroup whose "
        "record shows a defection -- sustains cooperation at a strictly lower discount "
        "factor than trigger strategies on the whole group's record (or both fail), and "
        "with finite punishment phases cooperates a strictly larger share of the time on "
        "the equilibrium path: fewer members watched means fewer false alarms. It needs "
        "the centre: without selective incentives a subgroup stakes only its own share and "
        "at low noise the federation is less stable."
    ),
    source=(
        "Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of "
        "ongoing collective action. APSR 81(1), 129-154 (p. 129: decentralized conditional "
        "cooperation degrades rapidly under monitoring uncertainty; the hierarchical "
        "structure, reciprocity in subunits and central selective incentives, is more "
        "stable); Kahler, M. (1992). Multilateralism with small and large numbers. IO "
        "46(3), 681-708 (small cores within large institutions)."
    ),
    predicate=_federation_more_stable,
    domain=lambda: nested_cores_models(),
))
