"""Crisis off-ramps: the mediated Chicken against its symmetric Nash equilibrium."""

from fractions import Fraction

import pytest
from contract import ModelContract
from hypothesis import given

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.claims import MEDIATION_OFF_RAMP
from multilateral.models import CrisisMediation


def test_aumanns_chicken():
    # T, R, S, P = 7, 6, 2, 0 shifted by -6: prize 1, humiliation 4, war cost 6
    crisis = CrisisMediation(prize=1, humiliation=4, war_cost=6)
    result = crisis.compare()
    assert result.nash_firmness == Fraction(1, 3)
    assert result.nash_war_risk == Fraction(1, 9)
    assert result.nash_payoff == Fraction(14, 3) - 6
    assert result.mediated_payoff == Fraction(21, 4) - 6
    assert result.war_risk_removed == Fraction(1, 9)
    assert crisis.from_game(ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)) == crisis


@given(mst.chickens())
def test_closed_form_matches_the_solvers(game):
    crisis = CrisisMediation.from_game(game)
    result = crisis.compare()
    # the symmetric mixed Nash equilibrium, from the two-player solver
    (mixed,) = [eq for eq in ml.solvers.nash_equilibria(crisis.game) if not eq.is_pure]
    assert mixed.exact[0][1] == result.nash_firmness
    # the fair mediated equilibrium, from the correlated-equilibrium LP (egalitarian optimum)
    ce = crisis.mediated()
    assert ce.exact_payoffs == (result.mediated_payoff, result.mediated_payoff)
    assert ce.exact[1, 1] == 0
    # the generic solver on .game, called directly, gives the same mediated numbers
    direct = ml.solvers.correlated_equilibrium(crisis.game, "egalitarian")
    assert direct.exact_payoffs == (result.mediated_payoff, result.mediated_payoff)
    assert direct.exact[1, 1] == result.mediated_war_risk == 0


@given(mst.chickens())
def test_claim_holds_on_every_chicken(game):
    assert MEDIATION_OFF_RAMP.holds(game)


def test_claim_verifies_and_is_registered():
    assert MEDIATION_OFF_RAMP.verify(max_examples=30).holds
    assert "mediation_off_ramp" in ml.claims.catalogue()


def test_float_parameters():
    result = CrisisMediation(prize=1.0, humiliation=4.0, war_cost=6.0).compare()
    assert result.nash_war_risk == pytest.approx(1 / 9)


@pytest.mark.parametrize("kwargs, match", [
    ({"prize": 1, "humiliation": 4, "war_cost": 3}, "not a game of Chicken"),
    ({"prize": 0, "humiliation": 4, "war_cost": 6}, "prize"),
    ({"prize": 1, "humiliation": -1, "war_cost": 6}, "humiliation"),
    ({"prize": 1, "humiliation": 4, "war_cost": float("nan")}, "finite"),
])
def test_bad_input(kwargs, match):
    with pytest.raises(errors.InvalidArgumentError, match=match):
        CrisisMediation(**kwargs)


def test_from_game_needs_a_chicken():
    with pytest.raises(errors.InvalidGameError, match="Chicken"):
        CrisisMediation.from_game(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0))


def test_game_is_the_chicken_it_describes():
    crisis = CrisisMediation(prize=1, humiliation=4, war_cost=6)
    game = crisis.game
    assert isinstance(game, ml.TwoByTwo) and game.oye_type == "chicken"
    assert game.trps(0) == (1, 0, -6, -4)
    assert CrisisMediation.from_game(game) == crisis
    result = crisis.compare()
    ce = ml.solvers.correlated_equilibrium(game, "egalitarian")
    assert tuple(ce.exact.ravel().tolist()) == result.recommendation


class TestCrisisMediationContract(ModelContract):
    def make(self):
        return CrisisMediation(prize=1, humiliation=4, war_cost=6)

    def make_other(self):
        return CrisisMediation(prize=1, humiliation=2, war_cost=10)

    changes = {"war_cost": 10}
    bad = [
        (lambda: CrisisMediation(prize=1, humiliation=4, war_cost=3), errors.InvalidGameError,
         "Chicken"),
        (lambda: CrisisMediation(prize=0, humiliation=4, war_cost=6),
         errors.InvalidArgumentError, "prize"),
    ]
    bad_changes = [({"war_cost": 2}, errors.InvalidGameError, "Chicken")]
    exact_kwargs = {"prize": 1, "humiliation": 4, "war_cost": 6}
    float_kwargs = {"prize": 1.0, "humiliation": 4.0, "war_cost": 6.0}
    outputs = [lambda m: m.compare(), lambda m: m.game]

    @staticmethod
    def solve(game):
        return ml.solvers.correlated_equilibrium(game, "egalitarian")


def test_kydd_informed_mediator_claim_and_a_nearby_false_statement():
    # the informed mediator of Fearon's crisis (WarBargaining.mediated): believed, and
    # lowering the war risk, only when it leans towards A, the side it counsels
    from fractions import Fraction as F

    from multilateral.claims import KYDD_INFORMED_MEDIATOR
    from multilateral.models import WarBargaining, WarRiskComparison

    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                        cost_b_high=F(3, 10))
    for bias in (0, F(1, 2), F(3, 4), 1):
        assert KYDD_INFORMED_MEDIATOR.holds((war, bias))

    # "an even-handed mediator is believed and removes the war risk" is false
    class EvenHandedBelieved(WarBargaining):
        def mediated(self, mediator_bias):
            return WarRiskComparison(unmediated=self.war_probability(), mediated=0,
                                     mediator="reports B's cost of war to A", credible=True)

    even = EvenHandedBelieved(win_probability=F(1, 2), cost_a=F(1, 10),
                              cost_b_low=0, cost_b_high=F(3, 10))
    assert not KYDD_INFORMED_MEDIATOR.holds((even, F(1, 2)))
    assert KYDD_INFORMED_MEDIATOR.verify(max_examples=60).holds
