"""The theories' claims as named, cited predicates, checked over classes of instances.

A :class:`Claim` states what a theory says, where it says it, and over which class of
instances (a hypothesis strategy from :mod:`multilateral.strategies`) it is asserted;
``claim.verify()`` searches that class for a counterexample and returns a :class:`Verdict`.
One module per theory states its claims and registers them:

========================================  ==================================================
module                                    claims
========================================  ==================================================
:mod:`~multilateral.claims.oye`           ``OYE_TRANSPARENCY``, ``OYE_COMMON_INTERESTS``
                                          ``OYE_MONITORING``, ``OYE_SANCTIONS``
:mod:`~.collective_goods`                 ``OLSON_SUBOPTIMALITY``, ``OLSON_GROUP_SIZE``,
                                          ``CHAMBERLIN_CROWDING``, ``OLSON_EXPLOITATION``,
                                          ``OLSON_DILUTION``, ``NO_CHANNELS_NUMBERS_HELP``
:mod:`~.collective_risk`                  ``SANTOS_PACHECO_SMALL_GROUPS``,
                                          ``SANTOS_PACHECO_SMALL_GROUPS_FINITE``
:mod:`~.reciprocity`                      ``DIFFUSE_RECIPROCITY_SCALES``,
                                          ``NOWAK_RECIPROCITY``, ``LEADING_EIGHT``,
                                          ``BOYD_RICHERSON_GROUP_SIZE``
:mod:`~.agreements`                       ``SMALL_STABLE_AGREEMENTS``, ``BARRETT_PARADOX``
:mod:`~.climate_clubs`                    ``NORDHAUS_CLUB_THRESHOLD``, ``TARIFF_PARTICIPATION``
:mod:`~.alliances`                        ``POWERPLAY_QUADRANTS``, ``ENTRAPMENT_BILATERAL``
:mod:`~.crisis`                           ``MEDIATION_OFF_RAMP``, ``KYDD_INFORMED_MEDIATOR``
:mod:`~.escalation`                       ``WEAPONS_UNDER_STRATEGIC_RISK``,
                                          ``MEDIATION_MATCHES_ARBITRATION``,
                                          ``CHEAP_TALK_DEFUSES_ARMS_RACE``
:mod:`~.crisis_bargaining`                ``FEARON_BARGAINING_RANGE``,
                                          ``FEARON_RISK_RETURN``, ``FEARON_COSTLY_WAR``,
                                          ``FEARON_AUDIENCE_COSTS``
:mod:`~.forum_choice`                     ``HETEROGENEITY_FAVORS_CLUBS``
:mod:`~.legitimacy`                       ``INCLUSIVE_ENDORSEMENT_IS_CREDIBLE``
:mod:`~.flexibility`                      ``KOREMENOS_DURATION``,
                                          ``ROSENDORFF_MILNER_ESCAPE``,
                                          ``INFORMAL_UNDER_UNCERTAINTY``
:mod:`~.power`                            ``POWER_MONOTONE_IN_WEIGHT``,
                                          ``POWER_PROPORTIONAL_TO_WEIGHT``
:mod:`~.nested_cores`                     ``NESTED_CORES``
:mod:`~.pledge_review`                    ``HARSTAD_BROAD_SHALLOW``,
                                          ``HARSTAD_PREFERRED_WHEN_MANY``,
                                          ``REVIEW_MOVES_PLEDGES``
:mod:`~.breadth_depth`                    ``CONSTRUCTIVE_DEPTH``, ``TIPPING_SET``
:mod:`~.relative_gains`                   ``RELATIVE_GAINS_BLOCK_COOPERATION``,
                                          ``RELATIVE_GAINS_FADE_WITH_NUMBERS``,
                                          ``CHEAP_FORCE_BLOCKS_COOPERATION``
:mod:`~.regime_complex`                   ``LIPSCY_OUTSIDE_OPTIONS``,
                                          ``BUSCH_FORUM_SHOPPING``
:mod:`~.rival_clubs`                      ``EXCLUSIVITY_SORTS``, ``EXCLUSIVITY_VALUE``
========================================  ==================================================

Importing this package imports every theory module explicitly, so the catalogue is complete
and always registered the same way; there is no discovery by search. Every claim is
spelled one way, ``ml.claims.NAME``. The package stands above models, solvers and strategies:
they never import it.

Examples
--------
>>> import multilateral as ml
>>> len(ml.claims.catalogue())
51
>>> ml.claims.verify("oye_transparency", max_examples=20).holds
True
>>> ml.claims.OLSON_GROUP_SIZE.source
'Olson (1965), The Logic of Collective Action, pp. 35-36'
"""

from __future__ import annotations

from .._namespace import public_dir
from .agreements import BARRETT_PARADOX, SMALL_STABLE_AGREEMENTS
from .alliances import ENTRAPMENT_BILATERAL, POWERPLAY_QUADRANTS
from .base import REGISTRY, Claim, Verdict, catalogue, register, verify
from .breadth_depth import CONSTRUCTIVE_DEPTH, TIPPING_SET
from .climate_clubs import NORDHAUS_CLUB_THRESHOLD, TARIFF_PARTICIPATION
from .collective_goods import (
    CHAMBERLIN_CROWDING,
    NO_CHANNELS_NUMBERS_HELP,
    OLSON_DILUTION,
    OLSON_EXPLOITATION,
    OLSON_GROUP_SIZE,
    OLSON_SUBOPTIMALITY,
)
from .collective_risk import SANTOS_PACHECO_SMALL_GROUPS, SANTOS_PACHECO_SMALL_GROUPS_FINITE
from .crisis import KYDD_INFORMED_MEDIATOR, MEDIATION_OFF_RAMP
from .crisis_bargaining import (
    FEARON_AUDIENCE_COSTS,
    FEARON_BARGAINING_RANGE,
    FEARON_COSTLY_WAR,
    FEARON_RISK_RETURN,
)
from .escalation import (
    CHEAP_TALK_DEFUSES_ARMS_RACE,
    MEDIATION_MATCHES_ARBITRATION,
    WEAPONS_UNDER_STRATEGIC_RISK,
)
from .flexibility import (
    INFORMAL_UNDER_UNCERTAINTY,
    KOREMENOS_DURATION,
    ROSENDORFF_MILNER_ESCAPE,
)
from .forum_choice import HETEROGENEITY_FAVORS_CLUBS
from .legitimacy import INCLUSIVE_ENDORSEMENT_IS_CREDIBLE
from .nested_cores import NESTED_CORES
from .oye import OYE_COMMON_INTERESTS, OYE_MONITORING, OYE_SANCTIONS, OYE_TRANSPARENCY
from .pledge_review import (
    HARSTAD_BROAD_SHALLOW,
    HARSTAD_PREFERRED_WHEN_MANY,
    REVIEW_MOVES_PLEDGES,
)
from .power import POWER_MONOTONE_IN_WEIGHT, POWER_PROPORTIONAL_TO_WEIGHT
from .reciprocity import (
    BOYD_RICHERSON_GROUP_SIZE,
    DIFFUSE_RECIPROCITY_SCALES,
    LEADING_EIGHT,
    NOWAK_RECIPROCITY,
)
from .regime_complex import BUSCH_FORUM_SHOPPING, LIPSCY_OUTSIDE_OPTIONS
from .relative_gains import (
    CHEAP_FORCE_BLOCKS_COOPERATION,
    RELATIVE_GAINS_BLOCK_COOPERATION,
    RELATIVE_GAINS_FADE_WITH_NUMBERS,
)
from .rival_clubs import EXCLUSIVITY_SORTS, EXCLUSIVITY_VALUE

__all__ = [
    "BARRETT_PARADOX",
    "BOYD_RICHERSON_GROUP_SIZE",
    "BUSCH_FORUM_SHOPPING",
    "CHAMBERLIN_CROWDING",
    "CHEAP_FORCE_BLOCKS_COOPERATION",
    "CHEAP_TALK_DEFUSES_ARMS_RACE",
    "CONSTRUCTIVE_DEPTH",
    "DIFFUSE_RECIPROCITY_SCALES",
    "ENTRAPMENT_BILATERAL",
    "EXCLUSIVITY_SORTS",
    "EXCLUSIVITY_VALUE",
    "FEARON_AUDIENCE_COSTS",
    "FEARON_BARGAINING_RANGE",
    "FEARON_COSTLY_WAR",
    "FEARON_RISK_RETURN",
    "HARSTAD_BROAD_SHALLOW",
    "HARSTAD_PREFERRED_WHEN_MANY",
    "HETEROGENEITY_FAVORS_CLUBS",
    "INCLUSIVE_ENDORSEMENT_IS_CREDIBLE",
    "INFORMAL_UNDER_UNCERTAINTY",
    "KOREMENOS_DURATION",
    "KYDD_INFORMED_MEDIATOR",
    "LEADING_EIGHT",
    "LIPSCY_OUTSIDE_OPTIONS",
    "MEDIATION_MATCHES_ARBITRATION",
    "MEDIATION_OFF_RAMP",
    "NESTED_CORES",
    "NORDHAUS_CLUB_THRESHOLD",
    "NOWAK_RECIPROCITY",
    "NO_CHANNELS_NUMBERS_HELP",
    "OLSON_DILUTION",
    "OLSON_EXPLOITATION",
    "OLSON_GROUP_SIZE",
    "OLSON_SUBOPTIMALITY",
    "OYE_COMMON_INTERESTS",
    "OYE_MONITORING",
    "OYE_SANCTIONS",
    "OYE_TRANSPARENCY",
    "POWERPLAY_QUADRANTS",
    "POWER_MONOTONE_IN_WEIGHT",
    "POWER_PROPORTIONAL_TO_WEIGHT",
    "REGISTRY",
    "RELATIVE_GAINS_BLOCK_COOPERATION",
    "RELATIVE_GAINS_FADE_WITH_NUMBERS",
    "REVIEW_MOVES_PLEDGES",
    "ROSENDORFF_MILNER_ESCAPE",
    "SANTOS_PACHECO_SMALL_GROUPS",
    "SANTOS_PACHECO_SMALL_GROUPS_FINITE",
    "SMALL_STABLE_AGREEMENTS",
    "TARIFF_PARTICIPATION",
    "TIPPING_SET",
    "WEAPONS_UNDER_STRATEGIC_RISK",
    "Claim",
    "Verdict",
    "catalogue",
    "register",
    "verify",
]
__dir__ = public_dir(__all__)
