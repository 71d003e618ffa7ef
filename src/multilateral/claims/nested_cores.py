"""Bendor and Mookherjee's nested cores: a federation of small subgroups is more stable.

Bendor and Mookherjee (1987, p. 129, abstract) find that decentralized conditional
cooperation in an n-person repeated prisoner's dilemma degrades rapidly in value once
monitoring is uncertain, and that a hierarchical structure -- reciprocity in subunits,
selective incentives centrally administered -- "is more stable than the decentralized
structure". Kahler (1992) asks how multilateralism copes with large numbers; small cores such
as the G7 inside the G20 are the library's present-day instances.

``NESTED_CORES`` states it through their mechanism on
:class:`~multilateral.models.NestedCores`: a trigger strategy that watches fewer members
suffers fewer false alarms, so a subgroup needs less patience than the whole group. Its
qualification: monitoring is noisy, the subgroups are smaller than the group, and the
centre's selective incentive withholds from a subgroup whose record shows a defection all
that the rest of the federation gives it. The second half of the statement (with finite
punishment phases the federation also cooperates a larger share of the time than the flat
group) is the library's addition: Bendor and Mookherjee's "more cooperation" is against the
centralized structure, which this model does not limit (see the model's docstring).

Without the centre a subgroup risks only what its own members give it, and at low noise the
federation is *less* stable than the flat group (``n = 20``, ``cost = 1/4``, two subgroups of
ten, no monitoring error: ``19/45`` against ``1/5``); subgroups below Schelling's minimal
coalition ``1 + c (n - 1) / (b + c)`` sustain nothing. The library's finding, which is why
the centre matters.

References
----------
.. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing
   collective action. *American Political Science Review* 81(1), 129-154 (p. 129, abstract).
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
        "subgroups, the centre withholding the rest of the federation's contributions from a "
        "subgroup whose record shows a defection -- sustains cooperation at a strictly lower "
        "discount factor than trigger strategies on the whole group's record (or both fail): "
        "fewer members watched means fewer false alarms. The library adds that with finite "
        "punishment phases it also cooperates a strictly larger share of the time on the "
        "equilibrium path. It needs the centre: without selective incentives a subgroup "
        "stakes only what its own members give it, and at low noise the federation is less "
        "stable."
    ),
    source=(
        "Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of "
        "ongoing collective action. APSR 81(1), 129-154 (p. 129, abstract: decentralized "
        "conditional cooperation degrades rapidly in value under monitoring uncertainty; the "
        "hierarchical structure, reciprocity in subunits and central selective incentives, "
        "is more stable than the decentralized one); Kahler, M. (1992). Multilateralism with "
        "small and large numbers. IO 46(3), 681-708."
    ),
    predicate=_federation_more_stable,
    domain=lambda: nested_cores_models(),
))
