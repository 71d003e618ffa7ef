"""The rival-clubs claim: hedging between rival clubs, and exclusivity sorting states into camps.

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

References
----------
.. [1] Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a
   rising China. *Contemporary Southeast Asia* 30(2), 159-185 (p. 159, the abstract; the
   introduction's pp. 160-163 not confirmed here).
.. [2] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
.. [3] Monderer, D. and Shapley, L. S. (1996). Potential games. *Games and Economic Behavior*
   14(1), 124-143.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.EXCLUSIVITY_SORTS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.rival_clubs import RivalClubs
from ..strategies import rival_clubs_models
from .base import Claim, register

__all__ = ["EXCLUSIVITY_SORTS"]
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
