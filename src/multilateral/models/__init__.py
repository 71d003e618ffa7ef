"""Models: one module per theory, each a small frozen dataclass of the theory's parameters.

The theories' claims about these models are in :mod:`multilateral.claims` (e.g.
``ml.claims.OLSON_GROUP_SIZE``), and hypothesis strategies that draw them in
:mod:`multilateral.strategies`; this package imports neither.
"""

from .._namespace import public_dir
from .agreements import (
    CoalitionStability,
    SelfEnforcingAgreement,
)
from .alliances import (
    CHA_QUADRANTS,
    AllianceControl,
    Powerplay,
    StructureComparison,
    cha_quadrants,
    illustrative_alliances,
)
from .arms_race import ArmsRace, CheapTalkOutcome, cutoff_equilibria
from .asymmetric_agreements import AgreementTable, AsymmetricAgreement, CoalitionCheck
from .audience_costs import AudienceCostEquilibrium, AudienceCosts
from .bargaining import BargainingEquilibrium, BargainingRange, WarBargaining
from .breadth_depth import BreadthDepth, DepthFrontier
from .caucus import CaucusGain, caucus_gain
from .climate_clubs import ClimateClub, ClubEquilibrium
from .club_exclusivity import ClubExclusivity
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
    CollectiveRiskDilemma,
)
from .common_interests import CommonInterests
from .conditional_cooperation import ConditionalCooperation, LinkageResult, linked_critical_discount
from .crisis import CrisisComparison, CrisisMediation, WarRiskComparison
from .escalation import PreemptiveWar
from .escape_clauses import EscapeClause
from .flexibility import LegalForm, TreatyDuration
from .forum_choice import ForumChoice, ForumOutcome, HeterogeneousForum
from .forum_shopping import ForumShopping, ForumShoppingOutcome
from .legitimacy import Endorsement, EndorsementEquilibrium
from .minilateral import CriticalMass, MagicNumber, MembershipCurve, MinilateralResult
from .nested_cores import CoreComparison, NestedCores
from .optimal_mediation import Mechanism, OptimalMediation
from .outside_options import OutsideOptions, Renegotiation
from .pledge_review import PledgeAndReview, ProcedureComparison
from .public_monitoring import PublicMonitoring
from .reciprocity import (
    ACTION_RULES,
    NORMS,
    IndirectReciprocity,
    LimitScan,
    Norm,
    NormScan,
    PopulationState,
    Reciprocity,
    ReciprocityBasin,
    ReciprocitySimulation,
    ReputationSimulation,
    ThresholdReciprocity,
    ess_limit,
    leading_eight,
    nowak_conditions,
    scan_norms,
    simulate_reciprocity,
    simulate_reputation,
)
from .relative_gains import PowellGains, RelativeGains, relative_gains
from .rival_clubs import RivalClubs
from .sanctions import SanctionComparison, Sanctions, penance_threshold
from .threshold_goods import (
    PureEquilibriumClass,
    StepLevelGood,
    ThresholdEquilibria,
    VolunteerEquilibrium,
    VolunteersDilemma,
)
from .tipping import TippingSet

__all__ = [
    "ACTION_RULES",
    "CHA_QUADRANTS",
    "NORMS",
    "AgreementTable",
    "AllianceControl",
    "ArmsRace",
    "AsymmetricAgreement",
    "AudienceCostEquilibrium",
    "AudienceCosts",
    "BargainingEquilibrium",
    "BargainingRange",
    "BreadthDepth",
    "BurdenShares",
    "CaucusGain",
    "CheapTalkOutcome",
    "ClimateClub",
    "ClubEquilibrium",
    "ClubExclusivity",
    "CoalitionCheck",
    "CoalitionStability",
    "CollectiveRiskDilemma",
    "CommonInterests",
    "ConditionalCooperation",
    "CoreComparison",
    "CrisisComparison",
    "CrisisMediation",
    "CriticalMass",
    "DepthFrontier",
    "Endorsement",
    "EndorsementEquilibrium",
    "EscapeClause",
    "ForumChoice",
    "ForumOutcome",
    "ForumShopping",
    "ForumShoppingOutcome",
    "HeterogeneousForum",
    "IndirectReciprocity",
    "KGroup",
    "LegalForm",
    "LimitScan",
    "LinkageResult",
    "MagicNumber",
    "Mechanism",
    "MembershipCurve",
    "MinilateralResult",
    "NestedCores",
    "Norm",
    "NormScan",
    "OptimalMediation",
    "OutsideOptions",
    "PledgeAndReview",
    "PopulationState",
    "PowellGains",
    "Powerplay",
    "PreemptiveWar",
    "ProcedureComparison",
    "ProvisionEquilibrium",
    "PublicGoodProvision",
    "PublicMonitoring",
    "PureEquilibriumClass",
    "Reciprocity",
    "ReciprocityBasin",
    "ReciprocitySimulation",
    "RelativeGains",
    "Renegotiation",
    "ReputationSimulation",
    "RivalClubs",
    "SanctionComparison",
    "Sanctions",
    "SelfEnforcingAgreement",
    "SidePayments",
    "StepLevelGood",
    "StructureComparison",
    "ThresholdEquilibria",
    "ThresholdReciprocity",
    "TippingSet",
    "TreatyDuration",
    "VolunteerEquilibrium",
    "VolunteersDilemma",
    "WarBargaining",
    "WarRiskComparison",
    "caucus_gain",
    "cha_quadrants",
    "cutoff_equilibria",
    "ess_limit",
    "illustrative_alliances",
    "k_group",
    "leading_eight",
    "linear_k_group",
    "linked_critical_discount",
    "nowak_conditions",
    "penance_threshold",
    "relative_gains",
    "scan_norms",
    "side_payments",
    "simulate_reciprocity",
    "simulate_reputation",
]
__dir__ = public_dir(__all__)
