"""The rival-clubs claims: hedging between rival clubs, exclusivity sorting states into camps,
and the value of exclusivity to the clubs' sponsors.

``EXCLUSIVITY_SORTS``: in :class:`~multilateral.models.RivalClubs`, (i) at every pure
equilibrium a state belongs to both rival clubs only while the hedging cost is at most its
smaller surplus from either club, and does belong to both whenever the cost is strictly below
that surplus (Kuik's hedging: a small state keeps a foot in each camp while neither membership
costs it the other; at equality it is indifferent); (ii) raising the hedging cost never
raises the number of dual members at the potential-maximising equilibria (the stochastically
stable ones): exclusivity sorts states into camps.

Qualifications, this library's: the formal model is the library's, not a published one -- it
combines Buchanan's (1965) club good (shared cost, congestion) with a cost of dual membership;
Kuik's hedging is a political strategy of regime legitimation (2008, p. 159), which the
model reduces to the material cost-benefit of joining both; (ii) is proved for the potential
maximisers (adding the two maximisers' inequalities) and asserted only for them. In random
draws the fewest and the most dual members over *all* equilibria also fell as the hedging
cost rose, but that is observed, not asserted.

``EXCLUSIVITY_VALUE``: in :class:`~multilateral.models.ClubExclusivity`, where each club's
sponsor first chooses an open or an exclusive membership rule and the states then sort,
(i) against an open rival a sponsor's value of exclusivity, at the potential-maximising
sortings, is ``(member_value + fee) * (change in members) + loyalty * (gain in members of
its club alone) - exclusion_cost``: exclusivity pays iff its loyalty is at least
:meth:`~multilateral.models.ClubExclusivity.loyalty_threshold`, and backfires below it,
when members leave for the rival or for neither (if even members of its club alone leave,
because the hedgers no longer share the cost, it pays at most at zero loyalty); (ii) open
rules on both sides are a rule-stage equilibrium iff neither sponsor's value of exclusivity
against an open rival is positive, and exclusive rules on both sides iff enforcement is
free (one exclusive club already forces every state to choose); (iii) a state belongs to
both clubs at a pure sorting equilibrium only if both rules are open and the hedging cost is
at most its smaller surplus at Buchanan's cheapest size, and all states join both iff the
hedging cost is at most every state's smaller surplus with full clubs.

Qualifications, this library's: the two-stage game, the sponsors' payoffs (reach, fee
revenue, loyalty) and all three results are the library's formalization, not a published
model; Kuik (2008, p. 159) says small states hedge, and explains it by regime legitimation,
not by club rules; the sponsors are assumed to evaluate the sorting at its potential
maximisers, each weighted equally (the zero-noise limit of asynchronous logit dynamics; with
simultaneous revisions the weights can differ: Alós-Ferrer and Netzer 2010): over all
pure sorting equilibria the value of exclusivity ranges more widely
(:meth:`~multilateral.models.ClubExclusivity.exclusivity_range`), and (i)-(ii) are asserted
only for the selection; the rule-stage equilibria are weak (ties allowed).

References
----------
.. [1] Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a
   rising China. *Contemporary Southeast Asia* 30(2), 159-185 (p. 159, the abstract; the
   introduction's pp. 160-163 not confirmed here).
.. [2] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
.. [3] Monderer, D. and Shapley, L. S. (1996). Potential games. *Games and Economic Behavior*
   14(1), 124-143.
.. [4] Blume, L. E. (1993). The statistical mechanics of strategic interaction. *Games and
   Economic Behavior* 5(3), 387-424 (logit dynamics). Alós-Ferrer, C. and Netzer, N. (2010).
   The logit-response dynamics. *Games and Economic Behavior* 68(2), 413-427 (the abstract).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.EXCLUSIVITY_SORTS.verify(max_examples=20).holds
True
>>> ml.claims.EXCLUSIVITY_VALUE.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.club_exclusivity import ClubExclusivity
from ..models.rival_clubs import RivalClubs
from ..strategies import club_exclusivity_models, rival_clubs_models
from .base import Claim, register

__all__ = ["EXCLUSIVITY_SORTS", "EXCLUSIVITY_VALUE"]
__dir__ = public_dir(__all__)


def _sorts(instance: tuple[RivalClubs, Fraction]) -> bool:
    model, rise = instance
    for profile in model.equilibria():
        for i, choice in enumerate(profile):
            threshold = model.hedging_threshold(i, profile).exact
            if choice == 3 and (threshold is None or not model.hedging_cost <= threshold):
                return False   # a dual member that would gain by leaving a club
            if choice != 3 and threshold is not None and model.hedging_cost < threshold:
                return False   # a state that would strictly gain by joining both
    dearer = model.with_(hedging_cost=model.hedging_cost + rise)
    before = [p.count(3) for p in model.potential_maximizers()]
    after = [p.count(3) for p in dearer.potential_maximizers()]
    return max(after) <= min(before)


EXCLUSIVITY_SORTS = register(Claim(
    name="exclusivity_sorts",
    statement="a state joins both rival clubs only while the cost of dual membership is at "
              "most its smaller surplus from either club, and whenever it is strictly below "
              "it (hedging), and a dearer dual "
              "membership never raises the number of states in both clubs at the "
              "potential-maximising equilibria: exclusivity sorts states into camps",
    source="Kuik (2008), Contemporary Southeast Asia 30(2), 159-185 (p. 159: hedging "
           "between balancing and bandwagoning); Buchanan (1965), Economica 32(125), 1-14 "
           "(club goods); the model and the result for potential maximisers are this "
           "library's formalization (multilateral.models.rival_clubs)",
    predicate=_sorts,
    domain=rival_clubs_models,
))


def _mean_count(model: ClubExclusivity, rules: tuple[str, str], code: int, alone: bool
                ) -> Fraction:
    sortings = model.selected_sortings(rules)
    counts = [sum(c == code + 1 if alone else (c >> code) & 1 for c in p) for p in sortings]
    return Fraction(sum(counts), len(counts))


def _values(model: ClubExclusivity) -> bool:
    values = []
    for k in (0, 1):
        own = ("exclusive", "open") if k == 0 else ("open", "exclusive")
        m_e = _mean_count(model, own, k, alone=False)
        m_o = _mean_count(model, ("open", "open"), k, alone=False)
        e_o = _mean_count(model, ("open", "open"), k, alone=True)
        value = ((model.member_value[k] + model.fee[k]) * (m_e - m_o)
                 + model.loyalty[k] * (m_e - e_o) - model.exclusion_cost[k])
        if model.value_of_exclusivity(k) != value:
            return False                     # (i) the decomposition
        threshold = model.loyalty_threshold(k)
        pays = threshold.attainable and (model.loyalty[k] >= threshold.exact
                                         if threshold.holds_above
                                         else model.loyalty[k] <= threshold.exact)
        if (value >= 0) != pays:
            return False                     # (i) pays iff loyalty >= threshold
        values.append(value)
    equilibria = model.rule_equilibria()
    if (("open", "open") in equilibria) != (max(values) <= 0):
        return False                         # (ii) open rules on both sides
    if (("exclusive", "exclusive") in equilibria) != (model.exclusion_cost == (0, 0)):
        return False                         # (ii) exclusive rules on both sides
    for rules in (("open", "open"), ("open", "exclusive"), ("exclusive", "open")):
        for profile in model.sorting_equilibria(rules):
            for i, choice in enumerate(profile):
                bound = model.dual_membership_bound(i)
                if choice == 3 and (rules != ("open", "open") or bound.exact is None
                                    or model.hedging_cost > bound.exact):
                    return False             # (iii) a dual member outside the condition
    everyone = model.membership_game().is_equilibrium((3,) * model.n)
    universal = model.universal_hedging_threshold()
    return everyone == (universal.exact is not None and model.hedging_cost <= universal.exact)


EXCLUSIVITY_VALUE = register(Claim(
    name="exclusivity_value",
    statement="against an open rival, a club sponsor's value of exclusivity is its reach "
              "(member value plus fee) times the change in its members plus its loyalty "
              "value times the gain in members of its club alone, less the cost of "
              "enforcement: exclusivity pays iff loyalty is at least a threshold and "
              "backfires below it (unless it loses members of the club alone too); open "
              "rules on both sides are an equilibrium iff neither "
              "sponsor's value is positive, exclusive rules on both sides iff enforcement is "
              "free; and a state joins both clubs only under open rules and a hedging cost "
              "at most its smaller surplus",
    source="Kuik (2008), Contemporary Southeast Asia 30(2), 159-185 (p. 159: small states "
           "hedge); Buchanan (1965), Economica 32(125), 1-14 (club goods); the two-stage "
           "game, the sponsors' payoffs and the results are this library's formalization "
           "(multilateral.models.club_exclusivity), at the potential-maximising sortings",
    predicate=_values,
    domain=club_exclusivity_models,
))
