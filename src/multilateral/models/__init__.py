"""Models: one module per theory, each a small frozen dataclass of the theory's parameters."""

from ._claims_collective import CHAMBERLIN_CROWDING, OLSON_EXPLOITATION, OLSON_GROUP_SIZE
from .collective_action import (
    BurdenShares,
    KGroup,
    ProvisionEquilibrium,
    PublicGoodProvision,
    SidePayments,
    k_group,
    linear_k_group,
    side_payments,
)
from .collective_risk import (
    SANTOS_PACHECO_SMALL_GROUPS,
    SANTOS_PACHECO_SMALL_GROUPS_FINITE,
    CollectiveRiskDilemma,
)
from .conditional_cooperation import ConditionalCooperation, LinkageResult, linked_critical_discount
from .crisis import MEDIATION_OFF_RAMP, CrisisComparison, CrisisMediation
from .minilateral import CriticalMass, MagicNumber, MembershipCurve, MinilateralResult
from .threshold_goods import (
    PureEquilibriumClass,
    StepLevelGood,
    ThresholdEquilibria,
    VolunteerEquilibrium,
    VolunteersDilemma,
)

__all__ = [
    "CHAMBERLIN_CROWDING",
    "MEDIATION_OFF_RAMP",
    "OLSON_EXPLOITATION",
    "OLSON_GROUP_SIZE",
    "SANTOS_PACHECO_SMALL_GROUPS",
    "SANTOS_PACHECO_SMALL_GROUPS_FINITE",
    "BurdenShares",
    "CollectiveRiskDilemma",
    "ConditionalCooperation",
    "CrisisComparison",
    "CrisisMediation",
    "CriticalMass",
    "KGroup",
    "LinkageResult",
    "MagicNumber",
    "MembershipCurve",
    "MinilateralResult",
    "ProvisionEquilibrium",
    "PublicGoodProvision",
    "PureEquilibriumClass",
    "SidePayments",
    "StepLevelGood",
    "ThresholdEquilibria",
    "VolunteerEquilibrium",
    "VolunteersDilemma",
    "k_group",
    "linear_k_group",
    "linked_critical_discount",
    "side_payments",
]
