"""The crisis-mediation claims: a mediator who coordinates, and a mediator who informs.

``MEDIATION_OFF_RAMP``: in every symmetric game of Chicken a mediator's fair recommendation
(a correlated equilibrium, :class:`~multilateral.models.CrisisMediation`) removes the war
risk of the symmetric Nash equilibrium and leaves each side at least as well off.

``KYDD_INFORMED_MEDIATOR``: in Fearon's bargaining model, where war comes from private
information about resolve, a mediator who knows B's cost of war and is believed removes the
war risk; telling the truth is its strict best reply exactly when it leans towards the side
it counsels (:meth:`~multilateral.models.WarBargaining.mediated`); an even-handed mediator
is indifferent among all reports at or below the truth, and a B-leaning one strictly
prefers to understate B's cost. The claim is about a truthful report: a B-leaning mediator
can still be partly believed when A randomizes its demand (the library's finding in a
discretized version, see :meth:`~multilateral.models.WarBargaining.mediated`).

References
----------
.. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
   *Journal of Mathematical Economics* 1(1), 67-96, section 2.
.. [2] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
   *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.MEDIATION_OFF_RAMP.verify(max_examples=20).holds
True
>>> ml.claims.KYDD_INFORMED_MEDIATOR.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from .._namespace import public_dir
from ..games.two_by_two import TwoByTwo
from ..models.bargaining import WarBargaining
from ..models.crisis import CrisisMediation
from ..strategies import chickens, war_bargaining_models
from ..types import Number
from .base import Claim, register

__all__ = ["KYDD_INFORMED_MEDIATOR", "MEDIATION_OFF_RAMP"]
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


def _mediated_crises() -> st.SearchStrategy[tuple[WarBargaining, Number]]:
    return st.tuples(war_bargaining_models(),
                     st.integers(0, 8).map(lambda k: Fraction(k, 8)))


def _informed_mediator(case: tuple[WarBargaining, Number]) -> bool:
    model, bias = case
    result = model.mediated(mediator_bias=bias)
    p, low, high = model.win_probability, model.cost_b_low, model.cost_b_high
    grid = sorted({low + (high - low) * Fraction(k, 8) for k in range(9)})
    # believed exactly when the truth is the mediator's strict best reply for every type
    # (whenever a false report would change the deal)
    truthful = all(
        model.mediator_payoff(bias, c, c) > model.mediator_payoff(bias, c, r)
        or min(1, p + r) == min(1, p + c)
        for c in grid for r in grid)
    # weakly: no report is better than the truth (an even-handed mediator's case)
    weakly = all(model.mediator_payoff(bias, c, c) >= model.mediator_payoff(bias, c, r)
                 for c in grid for r in grid)
    if high > low and p + low < 1 and (truthful != result.credible
                                       or weakly != (bias >= Fraction(1, 2))):
        return False
    return bool(result.mediated <= result.unmediated
                and (result.mediated == 0) == (result.credible or result.unmediated == 0))


KYDD_INFORMED_MEDIATOR = register(Claim(
    name="kydd_informed_mediator",
    statement="when war comes from private information about resolve, a mediator who knows "
              "it and is believed removes the risk of war; telling the truth is its strict "
              "best reply only if it leans towards the side it counsels; an even-handed "
              "mediator is merely indifferent, and one leaning the other way prefers to "
              "understate the other side's cost of war",
    source="Kydd (2003), AJPS 47(4), p. 597 (abstract); the library's version in Fearon's "
           "(1995) bargaining model with B's cost of war uniform (that the even-handed "
           "mediator is indifferent rather than a liar is the library's finding here)",
    predicate=_informed_mediator,
    domain=_mediated_crises,
))
