"""Oye's claims about the number of players, one per channel (conditional cooperation).

Oye (1985, pp. 18-20) argues that more players make cooperation harder through three
channels: transaction and information costs rise (the **recognition of common
interests** gets harder), **transparency** falls (recognition and control: defection is
harder to see and to attribute), and **sanctions** become less feasible (punishing a
defector without punishing the cooperators, and getting anyone to pay for punishing).
Each channel has its own claim in this module, stated with its qualification, over a class
of models in which that channel is at work: ``OYE_MONITORING``
(:class:`~multilateral.models.PublicMonitoring`), ``OYE_SANCTIONS``
(:class:`~multilateral.models.Sanctions`) and ``OYE_COMMON_INTERESTS``
(:class:`~multilateral.models.CommonInterests`). ``OYE_TRANSPARENCY`` is the comparative
static underneath the monitoring channel: better detection never raises the critical
discount factor.

What this module does *not* hold: the fall of each member's return ``r / n`` as the group
grows with the multiplier fixed. That raises the critical discount factor with no channel of
Oye's at work; it is Olson's dilution, registered as
:data:`~multilateral.claims.OLSON_DILUTION` in :mod:`multilateral.claims.collective_goods`,
next to :data:`~multilateral.claims.NO_CHANNELS_NUMBERS_HELP`, the non-rival case in which,
with the channels switched off and no dilution, numbers help.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24, pp. 18-20.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.OYE_TRANSPARENCY.verify(max_examples=30).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.common_interests import CommonInterests
from ..models.conditional_cooperation import ConditionalCooperation
from ..models.public_monitoring import PublicMonitoring
from ..models.sanctions import Sanctions
from ..strategies import common_interest_pairs, conditional_cooperation_detection_pairs
from ..strategies.models import public_monitoring_models, sanctions_models
from .base import Claim, register

__all__ = ["OYE_COMMON_INTERESTS", "OYE_MONITORING", "OYE_SANCTIONS", "OYE_TRANSPARENCY"]
__dir__ = public_dir(__all__)


def _clearer(instance: tuple[ConditionalCooperation, Fraction]) -> bool:
    model, better = instance
    return bool(model.with_(detection=better).critical_discount().value
                <= model.critical_discount().value)


_SOURCE = "Oye (1985), 'Explaining cooperation under anarchy', World Politics 38(1), pp. 18-20"

OYE_TRANSPARENCY = register(Claim(
    name="oye_transparency",
    statement="transparency helps: a higher probability that defection is detected never "
              "raises the discount factor cooperation needs",
    source=_SOURCE,
    predicate=_clearer,
    domain=conditional_cooperation_detection_pairs,
))


def _common_interests_harder(instance: tuple[CommonInterests, int]) -> bool:
    """The whole membership against a smaller group of it: no likelier to agree (on any issue
    or the package), no more net gain (strictly less when contacts cost anything); with
    complementary interests (every type gains on the package, some issue is not agreed for
    sure) linkage's advantage over issue-by-issue negotiation is no smaller in the larger
    group, and strictly larger when some issue is agreed with a probability strictly
    between 0 and 1."""
    model, smaller = instance
    for issue in (None, *range(model.issues)):
        if model.agreement_probability(issue=issue) > model.agreement_probability(
                smaller, issue=issue):
            return False
    for linked in (True, False):
        small_gain, big_gain = model.net_gain(smaller, linked=linked), model.net_gain(
            linked=linked)
        if big_gain > small_gain or (model.contact_cost > 0 and big_gain == small_gain):
            return False
    issues = [model.gain_probability(k) for k in range(model.issues)]
    if model.gain_probability() == 1 and min(issues) < 1:  # complementary interests
        big, small = model.linkage_gain(), model.linkage_gain(smaller)
        if big < small or (any(0 < p < 1 for p in issues) and big == small):
            return False
    return True


OYE_COMMON_INTERESTS = register(Claim(
    name="oye_common_interests",
    statement="recognition of common interests: when members differ and their common "
              "interest must be discovered through pairwise contacts whose costs rise with "
              "the number of parties (and an agreement is worth no more to each member for "
              "covering more of them), the whole membership finds a mutually beneficial "
              "agreement no more often than a smaller group of it and gains no more net of "
              "transaction costs (strictly less when contacts cost anything). Linking issues "
              "on which interests are complementary keeps the package agreed at every size, "
              "and (the library's finding) linkage's advantage over negotiating issue by "
              "issue grows with the number of members. Qualification: the rise of the "
              "transaction costs is assumed (every pair must talk); a regime that every "
              "member deals with alone removes it, and returns to coverage can reverse the "
              "size effect",
    source=_SOURCE + " (section IV: transactions and information costs rise with the number "
                     "of players; page not confirmed against the text); Tollison and Willett "
                     "(1979), International Organization 33(4), 425-449 (linkage)",
    predicate=_common_interests_harder,
    domain=common_interest_pairs,
))


def _monitoring_hurts(model: PublicMonitoring) -> bool:
    """Past the peak of the signal-weighted stakes one more member never lowers the critical
    discount factor, and the groups that any discount factor sustains are bounded: beyond
    the largest, the best strongly symmetric equilibrium has no contributions."""
    now = model.critical_discount()
    more = model.with_(n=model.n + 1).critical_discount()
    if more.attainable and not (now.attainable and more.value >= now.value):
        return False
    largest = model.with_(punishment_rounds=None).largest_group()
    if largest is None:
        return model.best_payoff() == 0
    # largest_group searches up to n_max = 10,000: an answer of n_max would mean no bound found;
    # beyond the bound the APS payoff is no contributions (checked at two sizes past it)
    return bool(largest < 10_000 and all(model.best_payoff(None, size) == 0
                                         for size in (largest + 1, 3 * largest)))


OYE_MONITORING = register(Claim(
    name="oye_monitoring",
    statement="transparency (recognition and control): when the members see only an aggregate "
              "public signal to which every member's record can add a false alarm, so that "
              "monitoring degrades faster than the stakes grow, numbers hurt even with a "
              "non-rival good (mpcr fixed): past the size at which the signal-weighted "
              "stakes peak, the critical discount factor of Green-Porter trigger strategies "
              "rises with n, and beyond a finite size no discount factor sustains any "
              "strongly symmetric cooperation (the APS bound falls to no contributions). "
              "Qualification: a defection's effect falling like 1/n is not enough (an audited "
              "signal), since the stakes of a non-rival good grow like n",
    source=_SOURCE + " (transparency); Green and Porter (1984), Econometrica 52(1), 87-100; "
                     "Abreu, Pearce and Stacchetti (1990), Econometrica 58(5), 1041-1063",
    predicate=_monitoring_hurts,
    domain=public_monitoring_models,
))


def _sanctions_harder(model: Sanctions) -> bool:
    """Collective reversion: subgame perfect, renegotiable, dearer with one more member;
    targeted penance: renegotiation-proof iff its cost is within a tolerance that does not grow
    with ``n``, and then exactly as good as collective reversion credible by assumption (at its
    own cost, and free); paying to punish never lowers the threshold."""
    larger = model.with_(n=model.n + 1)
    collective = model.critical_discount("untargeted", "subgame_perfect")
    if not collective.attainable or model.critical_discount(
            "untargeted", "renegotiation_proof").attainable:
        return False
    if larger.punishment_cost("untargeted") <= model.punishment_cost("untargeted"):
        return False
    if larger.cost_tolerance() > model.cost_tolerance():
        return False
    credible = model.critical_discount("targeted", "renegotiation_proof")
    if credible.attainable != (model.sanction_cost <= model.cost_tolerance()):
        return False
    if credible.attainable and credible != collective:  # credible: as good as grim assumed
        return False
    free = model.with_(sanction_cost=0)
    if free.critical_discount() != collective or not free.compare().remedy_works(
            collective.value):
        return False
    paid = model.critical_discount("targeted", "subgame_perfect")
    return not paid.attainable or paid.value >= free.critical_discount().value


OYE_SANCTIONS = register(Claim(
    name="oye_sanctions",
    statement="sanctions (feasibility and credibility): among many players, punishing one "
              "defector by withholding cooperation punishes everyone, so collective reversion, "
              "though subgame perfect, costs the punishers together (n - 1)(R - P) a round, "
              "more as the group grows, and every member would rather forgive: it is not "
              "renegotiation-proof and, when sanctions must be credible, sustains nothing; "
              "targeted sanctions (the defector does one round of penance, contributing "
              "while every other member excludes him and the rest go on cooperating, or "
              "withholds where that is not worth it) are renegotiation-proof when "
              "administering them costs each punisher no more than he gains from the "
              "penitent, a tolerance that shrinks as the group grows (to nothing once the "
              "punishers cooperate among themselves), and then sustain cooperation at the "
              "threshold collective reversion needed when credible by assumption; paying to "
              "punish never lowers the threshold (the punishers' own incentive constraint). "
              "Qualification (the library's): the vanishing tolerance holds for penance in "
              "which every punisher pays; with perfect detection",
    source=_SOURCE + " (sanctions); Farrell and Maskin (1989), Games and Economic Behavior "
                     "1(4), 327-360; van Damme (1989), Journal of Economic Theory 47(1), "
                     "206-217; Axelrod (1986), APSR 80(4), 1095-1111",
    predicate=_sanctions_harder,
    domain=sanctions_models,
))
