"""The crisis off-ramp claim: a mediator removes the war risk of Chicken.

``MEDIATION_OFF_RAMP``: in every symmetric game of Chicken a mediator's fair recommendation
(a correlated equilibrium, :class:`~multilateral.models.CrisisMediation`) removes the war
risk of the symmetric Nash equilibrium and leaves each side at least as well off.

References
----------
.. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
   *Journal of Mathematical Economics* 1(1), 67-96, section 2.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.MEDIATION_OFF_RAMP.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from .._namespace import public_dir
from ..games.two_by_two import TwoByTwo
from ..models.crisis import CrisisMediation
from ..strategies import chickens
from .base import Claim, register

__all__ = ["MEDIATION_OFF_RAMP"]
__dir__ = public_dir(__all__)


def _off_ramp(game: TwoByTwo) -> bool:
    comparison = CrisisMediation.from_game(game).compare()
    return bool(comparison.mediated_war_risk == 0
                and comparison.mediated_payoff >= comparison.nash_payoff)


MEDIATION_OFF_RAMP = register(Claim(
    name="mediation_off_ramp",
    statement="in every symmetric crisis of Chicken, a mediator's fair recommendation "
              "removes all the war risk of the symmetric Nash equilibrium and leaves each "
              "side at least as well off",
    source="Aumann (1974), section 2; the institutional reading: crisis off-ramps",
    predicate=_off_ramp,
    domain=chickens,
))
