"""Hypothesis strategies for every domain of the library: games and models.

Every strategy builds its instances directly from the class's defining inequalities, never by
filtering, so hypothesis's health checks pass and shrinking gives small, readable
counterexamples. :mod:`~multilateral.strategies.games` draws game objects (Oye's 2x2 types,
normal-form, anonymous, TU and voting games); :mod:`~multilateral.strategies.models` and
:mod:`~multilateral.strategies.institutions` draw models (and pairs of models) over the
classes on which the theories' claims (:mod:`multilateral.claims`) are asserted. All are
re-exported here:
``ml.strategies.prisoners_dilemmas()`` and ``ml.strategies.linear_agreements()``.

This module imports hypothesis (a required dependency); models and solvers never do.

References
----------
.. [1] MacIver, D. R., Hatfield-Dodds, Z. et al. (2019). Hypothesis: a new approach to
   property-based testing. *Journal of Open Source Software* 4(43), 1891.

Examples
--------
A theory claim as a property test: in every Prisoners' Dilemma, mutual defection is the only
equilibrium.

>>> from hypothesis import given
>>> import multilateral as ml
>>> @given(ml.strategies.prisoners_dilemmas())
... def test_pd_unique_equilibrium(pd):
...     assert ml.solvers.pure_nash_equilibria(pd) == ((1, 1),)
>>> test_pd_unique_equilibrium()
"""

from __future__ import annotations

from .._namespace import public_dir
from .games import (
    anonymous_games,
    chickens,
    deadlocks,
    extensive_form_games,
    harmonies,
    normal_form_games,
    oye_games,
    payoff_values,
    prisoners_dilemmas,
    probability_vectors,
    public_goods_games,
    stag_hunts,
    strict_ordinal_games,
    tu_games,
    two_by_two_games,
    weighted_voting_games,
)
from .institutions import (
    arms_race_ladders,
    breadth_depth_models,
    climate_club_tariff_pairs,
    climate_clubs,
    club_exclusivity_models,
    endorsement_bodies,
    escape_clauses,
    forum_shopping_models,
    legal_form_pairs,
    outside_options_models,
    pledge_review_models,
    powell_models,
    relative_gains_models,
    rival_clubs_models,
    tipping_sets,
    treaty_duration_pairs,
    two_type_crises,
    weapons_ladders,
)
from .models import (
    alliance_controls,
    audience_cost_pairs,
    barrett_pairs,
    boyd_richerson_models,
    collective_risk_pairs,
    common_interest_pairs,
    conditional_cooperation_detection_pairs,
    conditional_cooperation_size_pairs,
    diffuse_reciprocity_models,
    group_size_pairs,
    heterogeneous_forums,
    linear_agreements,
    nested_cores_models,
    nowak_parameters,
    powerplays,
    public_good_provisions,
    public_monitoring_models,
    sanctions_models,
    small_error_parameters,
    war_bargaining_models,
)

__all__ = [
    "alliance_controls",
    "anonymous_games",
    "arms_race_ladders",
    "audience_cost_pairs",
    "barrett_pairs",
    "boyd_richerson_models",
    "breadth_depth_models",
    "chickens",
    "climate_club_tariff_pairs",
    "climate_clubs",
    "club_exclusivity_models",
    "collective_risk_pairs",
    "common_interest_pairs",
    "conditional_cooperation_detection_pairs",
    "conditional_cooperation_size_pairs",
    "deadlocks",
    "diffuse_reciprocity_models",
    "endorsement_bodies",
    "escape_clauses",
    "extensive_form_games",
    "forum_shopping_models",
    "group_size_pairs",
    "harmonies",
    "heterogeneous_forums",
    "legal_form_pairs",
    "linear_agreements",
    "nested_cores_models",
    "normal_form_games",
    "nowak_parameters",
    "outside_options_models",
    "oye_games",
    "payoff_values",
    "pledge_review_models",
    "powell_models",
    "powerplays",
    "prisoners_dilemmas",
    "probability_vectors",
    "public_good_provisions",
    "public_goods_games",
    "public_monitoring_models",
    "relative_gains_models",
    "rival_clubs_models",
    "sanctions_models",
    "small_error_parameters",
    "stag_hunts",
    "strict_ordinal_games",
    "tipping_sets",
    "treaty_duration_pairs",
    "tu_games",
    "two_by_two_games",
    "two_type_crises",
    "war_bargaining_models",
    "weapons_ladders",
    "weighted_voting_games",
]
__dir__ = public_dir(__all__)
