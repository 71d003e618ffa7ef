"""Fearon's crisis-bargaining claims: why rational states fight, and how audience costs signal.

* ``FEARON_BARGAINING_RANGE`` (Fearon 1995): because war destroys value, deals exist that
  both sides prefer to war, whatever B's cost of war in its range.
* ``FEARON_RISK_RETURN`` (Fearon 1995): war through private information and the incentive
  to misrepresent it. Every type of B would gain by being believed to have a low cost of
  war (a high resolve), so B's word is not believed; A, not knowing the cost, trades a
  better deal against a higher risk of war, and its best take-it-or-leave-it demand runs a
  positive risk of war exactly when its uncertainty is wide enough (in the uniform case,
  ``cost_b_high > cost_a + 2 cost_b_low`` and B's cheapest type would not already accept
  everything), while with B's cost known there is no war.
* ``FEARON_COSTLY_WAR`` (the library's comparative static of Fearon's 1995 model): the
  probability of war falls as either side's cost of war rises.
* ``FEARON_AUDIENCE_COSTS`` (after Fearon 1994, p. 577): backing down after a public threat
  costs a leader at home, which ties its hands; a challenger with a higher audience cost is
  less likely to back down once it has escalated (a one-sided analogue of Fearon's
  comparison of two sides), its threat never lowers the defender's belief that it is
  resolved, and the defender resists its threats less often (this game's finding); in a
  discrete one-round signalling game, over crises with a unique perfect Bayesian
  equilibrium: see :mod:`multilateral.models.audience_costs` for what the simplification
  keeps.

For Fearon (1995) the setup and the abstract's two mechanisms were confirmed through
restatements and the abstract, not the article's pages; the uniform case's closed forms
are the library's derivation (see :mod:`multilateral.models.bargaining`). For Fearon (1994)
the abstract (p. 577) was checked.

References
----------
.. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International Organization*
   49(3), 379-414 (the abstract: "states have both private information about capabilities
   and resolve and the incentive to misrepresent it"; pages not confirmed).
.. [2] Fearon, J. D. (1994). Domestic political audiences and the escalation of
   international disputes. *American Political Science Review* 88(3), 577-592 (p. 577,
   the abstract).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.FEARON_RISK_RETURN.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.audience_costs import AudienceCosts
from ..models.bargaining import WarBargaining
from ..strategies import audience_cost_pairs, war_bargaining_models
from ..types import Number
from .base import Claim, register

__all__ = ["FEARON_AUDIENCE_COSTS", "FEARON_BARGAINING_RANGE", "FEARON_COSTLY_WAR",
           "FEARON_RISK_RETURN"]
__dir__ = public_dir(__all__)

#: Offers tried against A's optimal demand: multiples of 1/GRID in [0, 1].
GRID = 40


def _range_exists(model: WarBargaining) -> bool:
    p, c_a = model.win_probability, model.cost_a
    for c_b in (model.cost_b_low, model.cost_b_high):
        r = model.bargaining_range(cost_b=c_b)
        if r.low > r.high:
            return False
        x = (r.low + r.high) / 2
        if x < p - c_a or 1 - x < 1 - p - c_b:
            return False
    return True


def _risk_return(model: WarBargaining) -> bool:
    eq = model.equilibrium()
    if any(model.expected_payoff(Fraction(k, GRID)) > eq.payoff_a for k in range(GRID + 1)):
        return False
    p, c_a, low, high = (model.win_probability, model.cost_a, model.cost_b_low,
                         model.cost_b_high)
    # the incentive to misrepresent: under complete information every type of B above the
    # cheapest would gain by being believed to be the cheapest (a more resolved B gets a
    # better deal), so what B says about its cost is not believed
    def deal_for_b(believed: Number, true: Number) -> Number:
        x = model.bargaining_range(cost_b=believed).high
        return 1 - x if true >= x - p else 1 - p - true

    types = sorted({low + (high - low) * Fraction(k, 8) for k in range(9)})
    if any(p + lie < 1 and not deal_for_b(lie, true) > deal_for_b(true, true)
           for true in types for lie in types if lie < true):
        return False
    # private information is the cause: with B's cost known there is no war
    if any(model.with_(cost_b_low=c, cost_b_high=c).war_probability() != 0
           for c in (low, high)):
        return False
    risky = high > c_a + 2 * low and p + low < 1
    return bool((eq.war_probability > 0) == risky)


def _costly_war(model: WarBargaining) -> bool:
    step = Fraction(1, 20)
    war = model.war_probability()
    dearer_a = model.with_(cost_a=model.cost_a + step).war_probability()
    dearer_b = model.with_(cost_b_low=model.cost_b_low + step,
                           cost_b_high=model.cost_b_high + step).war_probability()
    return bool(dearer_a <= war and dearer_b <= war)


def _audience_costs(pair: tuple[AudienceCosts, AudienceCosts]) -> bool:
    low, high = pair[0].equilibrium(), pair[1].equilibrium()
    return bool(high.back_down_probability <= low.back_down_probability
                and high.resist <= low.resist
                and all(eq.belief >= m.prior for eq, m in ((low, pair[0]), (high, pair[1]))))


FEARON_BARGAINING_RANGE = register(Claim(
    name="fearon_bargaining_range",
    statement="because war destroys value (c_A + c_B > 0), there are negotiated settlements "
              "that both risk-neutral states prefer to fighting: the deals in "
              "[p - c_A, p + c_B] (clipped to [0, 1])",
    source="Fearon (1995), International Organization 49(3), 'When will there exist "
           "bargains both sides prefer to war?' (setup confirmed through restatements of "
           "the article; page not confirmed)",
    predicate=_range_exists,
    domain=war_bargaining_models,
))

FEARON_RISK_RETURN = register(Claim(
    name="fearon_risk_return",
    statement="war from private information and the incentive to misrepresent it: every "
              "type of B would gain by being believed more resolved, so its word is not "
              "believed; A, not knowing B's cost of war, trades a better deal against a "
              "higher risk of war, and its best take-it-or-leave-it demand runs a positive "
              "risk of war when the uncertainty is wide enough, none with the cost known",
    source="Fearon (1995), International Organization 49(3), abstract and 'War due to "
           "private information and incentives to misrepresent' (the risk-return "
           "trade-off; pages not confirmed); the uniform case's optimal demand and its "
           "condition for a positive risk of war are the library's closed form",
    predicate=_risk_return,
    domain=war_bargaining_models,
))

FEARON_COSTLY_WAR = register(Claim(
    name="fearon_costly_war",
    statement="the equilibrium probability of war falls as either side's cost of war rises",
    source="the library's comparative static of Fearon's (1995) bargaining model with "
           "private information (checked in the uniform case; it holds for any distribution "
           "of B's cost by monotone comparative statics), not a statement taken from the "
           "article",
    predicate=_costly_war,
    domain=war_bargaining_models,
))

FEARON_AUDIENCE_COSTS = register(Claim(
    name="fearon_audience_costs",
    statement="backing down after a public threat costs a leader at home, which ties its "
              "hands: a challenger with higher audience costs is less likely to back down "
              "once it has escalated, its threat never lowers the defender's belief that it "
              "is resolved, and the defender resists its threats less often",
    source="after Fearon (1994), APSR 88(3), p. 577 (abstract: the side with a stronger "
           "domestic audience is always less likely to back down): a one-sided analogue in "
           "the library's discrete one-round signalling version of his war of attrition; "
           "that the defender resists less often is this game's finding",
    predicate=_audience_costs,
    domain=audience_cost_pairs,
))
