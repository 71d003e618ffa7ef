"""One error for one mistake: a probability outside [0, 1] is an InvalidProbabilityError
wherever it is passed (models, games, solvers, simulations), so callers can catch it once."""

from fractions import Fraction

import pytest

import multilateral as ml
from multilateral.errors import InvalidProbabilityError

PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
M = ml.models

CASES = {
    "ConditionalCooperation.detection": lambda p: M.ConditionalCooperation(n=3, r=2, detection=p),
    "ConditionalCooperation.collapse_probability.noise":
        lambda p: M.ConditionalCooperation(n=3, r=2).collapse_probability(p),
    "CollectiveRiskDilemma.risk": lambda p: M.CollectiveRiskDilemma(6, 3, risk=p),
    "CollectiveRiskDilemma.mutation": lambda p: M.CollectiveRiskDilemma(6, 3, risk=0.5, mutation=p),
    "Powerplay.alignment": lambda p: M.Powerplay(controller=3, controlled=1, alignment=p),
    "IndirectReciprocity.noise":
        lambda p: M.IndirectReciprocity("stern judging", benefit=2, cost=1, noise=p),
    "ess_limit.knowledge": lambda p: M.ess_limit(p),
    "RepeatedGame.noise": lambda p: ml.RepeatedGame(PD, Fraction(1, 2), noise=p),
    "RepeatedGame.monitoring_error":
        lambda p: ml.RepeatedGame(PD, Fraction(1, 2), monitoring_error=p),
    "play_matches.noise": lambda p: ml.simulate.play_matches(
        PD, ml.automata.tit_for_tat(), ml.automata.tit_for_tat(), turns=5, noise=p),
    "critical_discount.monitoring_error": lambda p: ml.solvers.critical_discount(
        PD, [ml.automata.grim_trigger()] * 2, monitoring_error=p),
    "pairwise_comparison.mutation":
        lambda p: ml.solvers.pairwise_comparison([0.0, 1.0, 2.0], beta=1.0, mutation=p),
}


@pytest.mark.parametrize("bad", [Fraction(3, 2), -0.25, float("nan")])
@pytest.mark.parametrize("where", sorted(CASES))
def test_a_probability_outside_the_unit_interval(where, bad):
    name = where.split(".")[-1]
    with pytest.raises(InvalidProbabilityError, match=name):
        CASES[where](bad)
