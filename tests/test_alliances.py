"""Cha's powerplay: the four quadrants, and the entrapment model of hub-and-spokes vs a body."""

import math
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.claims import ENTRAPMENT_BILATERAL, POWERPLAY_QUADRANTS
from multilateral.models import (
    CHA_QUADRANTS,
    AllianceControl,
    Powerplay,
    cha_quadrants,
    illustrative_alliances,
)
from multilateral.models.alliances import control as mod

fractions = st.fractions(min_value=0, max_value=1, max_denominator=12)
positive = st.integers(1, 50).map(Fraction)


# -- Powerplay -------------------------------------------------------------------------------
def test_powerplay_closed_forms():
    pp = Powerplay(controller=10, controlled=1, others=4, enforcement_cost=Fraction(1, 10))
    assert pp.control("bilateral") == Fraction(10, 11)
    assert pp.control("multilateral") == Fraction(12, 15)
    assert pp.burden("bilateral") == Fraction(1, 100)
    assert pp.burden("multilateral") == Fraction(1, 120)
    assert pp.compare().preferred == "bilateral"
    assert pp.compare().advantage == pp.payoff("multilateral") - pp.payoff("bilateral")
    # the stakes at which the great power is indifferent
    v = pp.critical_stakes().exact
    assert v == (Fraction(1, 100) - Fraction(1, 120)) / (Fraction(10, 11) - Fraction(4, 5))
    assert pp.with_(stakes=v).compare().preferred == "indifferent"
    assert pp.with_(stakes=v / 2).compare().preferred == "multilateral"
    assert pp.with_(stakes=2 * v).compare().preferred == "bilateral"
    assert "bilateral" in repr(pp.compare())


@given(positive, positive, positive, fractions)
def test_mediant_inequality(wc, wt, m, theta):
    pp = Powerplay(controller=wc, controlled=wt, others=m, alignment=theta)
    gain = pp.control("multilateral") - pp.control("bilateral")
    assert gain == m * (theta * (wc + wt) - wc) / ((wc + wt) * (wc + wt + m))
    assert (gain > 0) == (theta > pp.critical_alignment())
    assert pp.burden("multilateral") <= pp.burden("bilateral")
    if gain >= 0:
        assert not pp.critical_stakes().attainable


@given(positive, positive, st.integers(1, 6), fractions)
def test_multilateral_control_is_the_expected_share_of_discrete_members(wc, wt, m, theta):
    # m other members of power 1 each, each siding with the controller with probability theta
    expected = Fraction(0)
    for sides in product((0, 1), repeat=m):
        k = sum(sides)
        weight = theta**k * (1 - theta) ** (m - k)
        expected += weight * (wc + k) / (wc + wt + m)
    assert expected == Powerplay(controller=wc, controlled=wt, others=m,
                                 alignment=theta).control("multilateral")


def test_cha_quadrants():
    table = {n: s for n, (_, _, s) in CHA_QUADRANTS.items()}
    assert table == {1: "multilateral", 2: "multilateral", 3: "bilateral", 4: "multilateral"}
    assert cha_quadrants(great=10, small=1, others=4, enforcement_cost=Fraction(1, 10)) == table
    # no burden to share: the equal-power quadrants tie
    assert cha_quadrants(great=10, small=1, others=4) == {
        1: "indifferent", 2: "multilateral", 3: "bilateral", 4: "indifferent"}
    # stakes below the great power's threshold: quadrant 3 turns multilateral
    low = cha_quadrants(great=2, small=1, others=4, enforcement_cost=1, stakes=Fraction(1, 100))
    assert low[3] == "multilateral"
    # allies reliably on the great power's side: the body gives it more control
    assert cha_quadrants(great=10, small=1, others=4, alignment=1)[3] == "multilateral"


def test_powerplay_claim_verifies_and_is_registered():
    assert POWERPLAY_QUADRANTS.verify(max_examples=60).holds
    assert "powerplay_quadrants" in ml.claims.catalogue()
    assert ml.claims.POWERPLAY_QUADRANTS is POWERPLAY_QUADRANTS


@given(mst.powerplays())
def test_powerplay_domain_premises(kwargs):
    assert kwargs["great"] > kwargs["small"] > 0
    assert Fraction(1, 2) <= kwargs["alignment"] < kwargs["great"] / (kwargs["great"]
                                                                    + kwargs["small"])
    assert POWERPLAY_QUADRANTS.holds(kwargs)


# -- AllianceControl: closed forms against enumeration --------------------------------------
@st.composite
def models(draw, max_allies=7):
    k = draw(st.integers(1, max_allies))
    return AllianceControl(
        allies=k, adventurism=draw(fractions), entrapment_cost=draw(st.integers(0, 20)),
        dependence=draw(fractions), binding_value=draw(fractions), support=draw(fractions),
        quota=draw(st.integers(1, k)), adventure_gain=draw(st.integers(0, 5)),
        burden_cost=draw(fractions), great_power_adventurism=draw(fractions),
        ally_entrapment_cost=draw(st.integers(0, 10)), ally_restraint=draw(fractions))


def _beta_by_enumeration(m):
    total = Fraction(0)
    for votes in product((0, 1), repeat=m.allies):
        yes = sum(votes)
        if yes >= m.quota:
            total += m.ally_restraint**yes * (1 - m.ally_restraint) ** (m.allies - yes)
    return total


@given(models())
def test_closed_forms_match_enumeration(m):
    assert m.body_backs_restraint() == mod._brute_force_pi(m)
    assert m.body_binds_great_power() == _beta_by_enumeration(m)
    bilateral, multilateral = mod._brute_force_payoffs(m)
    assert m.compare().bilateral == bilateral
    assert m.compare().multilateral == multilateral
    assert m.great_power_prefers() == mod.brute_force_preference(m)


@given(models())
def test_preference_and_threshold(m):
    pi = m.body_backs_restraint()
    fear = m.adventurism * m.entrapment_cost
    lhs, b = fear * m.dependence * (1 - pi), m.binding_value
    expected = "bilateral" if lhs > b else "multilateral" if lhs < b else "indifferent"
    assert m.great_power_prefers() == expected
    threshold = m.entrapment_threshold()
    if not threshold.attainable:
        assert m.dependence == 0 or pi == 1
        assert m.great_power_prefers() != "bilateral"
    elif m.adventurism > 0:
        at = m.with_(entrapment_cost=threshold.exact / m.adventurism)
        assert at.great_power_prefers() == "indifferent"
    assert m.structure() == ("bilateral" if expected == "bilateral" else "multilateral")


@given(models())
def test_ally_payoffs(m):
    p, a, d = m.adventurism, m.adventure_gain, m.dependence
    exposure = m.great_power_adventurism * m.ally_entrapment_cost
    assert m.ally_payoff("bilateral") == p * a * (1 - d) - exposure
    assert m.ally_payoff("multilateral") == (p * a * (1 - d * m.body_backs_restraint())
                                             - exposure * (1 - m.body_binds_great_power())
                                             - m.burden_cost)
    assert m.regime() == (m.great_power_prefers(), m.allies_prefer())


def test_simulated_event_tree_matches_closed_form():
    m = AllianceControl(allies=5, adventurism=0.4, entrapment_cost=10, dependence=0.7,
                        binding_value=0.5, support=0.4, quota=3)
    rng = np.random.default_rng(2024)
    n = 200_000
    rogue = rng.random((n, m.allies)) < m.adventurism
    backs_down = rng.random((n, m.allies)) < m.dependence
    other_yes = rng.binomial(m.allies - 1, m.support, size=(n, m.allies))
    passed = 1 + other_yes >= m.quota
    bilateral = -(rogue & ~backs_down).sum(axis=1) * m.entrapment_cost
    multilateral = (m.allies * m.binding_value
                    - (rogue & ~(backs_down & passed)).sum(axis=1) * m.entrapment_cost)
    assert bilateral.mean() == pytest.approx(m.compare().bilateral, abs=0.05)
    assert multilateral.mean() == pytest.approx(m.compare().multilateral, abs=0.05)


def test_decision_rules():
    m = AllianceControl(allies=9, adventurism=Fraction(1, 2), entrapment_cost=1,
                        support=Fraction(2, 3))
    assert m.quota == 5 and m.rule == "majority"
    assert m.with_(quota=9).rule == "consensus"
    assert m.with_(quota=7).rule == "7 of 9"
    # consensus (the party concerned abstains): every other ally must back the restraint
    assert m.with_(quota=9).body_backs_restraint() == Fraction(2, 3) ** 8
    # a quota of one: the great power's own vote suffices, nothing is diluted
    assert m.with_(quota=1).body_backs_restraint() == 1
    assert not m.with_(quota=1, binding_value=1).entrapment_threshold().attainable
    # majority: pi -> 1 with more allies when theta > 1/2, -> 0 when theta < 1/2
    big = [AllianceControl(allies=k, adventurism=0, entrapment_cost=0, support=th)
           .body_backs_restraint() for k in (5, 41) for th in (Fraction(2, 3), Fraction(1, 3))]
    assert big[2] > big[0] and big[3] < big[1]
    assert big[2] > Fraction(49, 50) and big[3] < Fraction(1, 40)


def test_one_ally():
    m = AllianceControl(allies=1, adventurism=1, entrapment_cost=5, dependence=1,
                        binding_value=1)
    assert m.quota == 1 and m.rule == "consensus"
    assert m.body_backs_restraint() == 1  # the great power is the only voter
    assert m.great_power_prefers() == "multilateral"


def test_illustrative_east_asia_and_europe():
    scenarios = illustrative_alliances()
    asia, europe = scenarios["east_asia"], scenarios["europe"]
    assert asia.regime() == ("bilateral", "multilateral")
    assert asia.structure() == "bilateral"
    assert europe.regime() == ("multilateral", "multilateral")
    assert europe.rule == "consensus" and europe.allies == 11
    fear = asia.adventurism * asia.entrapment_cost
    assert fear > asia.entrapment_threshold().exact
    assert europe.adventurism * europe.entrapment_cost < europe.entrapment_threshold().exact


def test_entrapment_claim():
    assert ENTRAPMENT_BILATERAL.verify(max_examples=60).holds
    assert ml.claims.catalogue()["entrapment_bilateral"] is ENTRAPMENT_BILATERAL
    # without the premise (any fear) the claim fails: a fearless great power prefers the body
    verdict = ENTRAPMENT_BILATERAL.verify(mst.alliance_controls(fears_entrapment=False),
                                          max_examples=60)
    assert not verdict.holds
    assert verdict.counterexample.great_power_prefers() != "bilateral"


@given(mst.alliance_controls())
def test_entrapment_domain_premise(m):
    threshold = m.entrapment_threshold()
    assert threshold.attainable
    assert m.adventurism * m.entrapment_cost > threshold.exact
    assert 2 <= m.quota <= m.allies


def test_float_parameters():
    m = AllianceControl(allies=3, adventurism=0.5, entrapment_cost=10.0, dependence=0.8,
                        binding_value=1.0, support=0.3)
    assert m.body_backs_restraint() == pytest.approx(0.51)
    assert m.entrapment_threshold().value == pytest.approx(1 / (0.8 * 0.49))
    assert m.great_power_prefers() == "bilateral"
    assert math.isclose(Powerplay(controller=2.0, controlled=1.0).control("bilateral"), 2 / 3)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"allies": 0}, errors.InvalidArgumentError, "allies"),
    ({"allies": True}, errors.InvalidTypeError, "allies"),
    ({"allies": 2.5}, errors.InvalidTypeError, "allies"),
    ({"quota": 4}, errors.InvalidArgumentError, "at most the 3 voting members"),
    ({"quota": 0}, errors.InvalidArgumentError, "quota"),
    ({"adventurism": 1.5}, errors.InvalidArgumentError, "adventurism"),
    ({"dependence": -0.1}, errors.InvalidArgumentError, "dependence"),
    ({"entrapment_cost": -1}, errors.InvalidArgumentError, "entrapment_cost"),
    ({"support": float("nan")}, errors.InvalidArgumentError, "finite"),
    ({"binding_value": "high"}, errors.InvalidArgumentError, "real number"),
])
def test_bad_alliance_input(kwargs, error, match):
    base = {"allies": 3, "adventurism": Fraction(1, 2), "entrapment_cost": 1}
    with pytest.raises(error, match=match):
        AllianceControl(**{**base, **kwargs})


@pytest.mark.parametrize("call, match", [
    (lambda: Powerplay(controller=0, controlled=1), "controller"),
    (lambda: Powerplay(controller=1, controlled=1, alignment=2), "alignment"),
    (lambda: Powerplay(controller=1, controlled=1, others=-1), "others"),
    (lambda: Powerplay(controller=1, controlled=1).control("trilateral"), "structure"),
    (lambda: AllianceControl(allies=2, adventurism=0, entrapment_cost=0).restraint("hub"),
     "structure"),
    (lambda: cha_quadrants(great=1, small=1, others=1), "outweigh"),
    (lambda: cha_quadrants(great=1, small=0, others=1), "small"),
])
def test_bad_powerplay_input(call, match):
    with pytest.raises(errors.InvalidArgumentError, match=match):
        call()


def test_large_bodies_in_floating_point():
    big = AllianceControl(allies=3000, adventurism=0.5, entrapment_cost=1, support=0.55)
    assert big.body_backs_restraint() == pytest.approx(1, abs=1e-6)
    exact = AllianceControl(allies=9, adventurism=0, entrapment_cost=0,
                            support=Fraction(2, 5), quota=6)
    assert exact.with_(support=0.4).body_backs_restraint() == pytest.approx(
        float(exact.body_backs_restraint()))


# -- the model contract ----------------------------------------------------------------------

class TestPowerplayContract(ModelContract):
    no_game = ("one great power's choice of structure against fixed others, not a strategic "
               "interaction")

    def make(self):
        return Powerplay(controller=10, controlled=1, others=4, enforcement_cost=Fraction(1, 10))

    def make_other(self):
        return Powerplay(controller=10, controlled=2, others=4, enforcement_cost=Fraction(1, 10))

    changes = {"stakes": 3, "alignment": Fraction(3, 4)}
    bad = [
        (lambda: Powerplay(controller=0, controlled=1), errors.InvalidArgumentError,
         "controller"),
        (lambda: Powerplay(controller=1, controlled=1, alignment=2), errors.InvalidArgumentError,
         "alignment"),
    ]
    bad_changes = [({"others": -1}, errors.InvalidArgumentError, "others")]
    exact_kwargs = {"controller": 10, "controlled": 1, "others": 4,
                    "enforcement_cost": Fraction(1, 10)}
    float_kwargs = {"controller": 10.0, "controlled": 1.0, "others": 4.0,
                    "enforcement_cost": 0.1}
    outputs = [lambda m: m.control("multilateral"), lambda m: m.compare(),
               lambda m: m.critical_alignment(), lambda m: m.critical_stakes()]


class TestAllianceControlContract(ModelContract):
    no_game = ("a great power's choice of alliance structure given its allies' behaviour: one "
               "actor's decision")

    def make(self):
        return illustrative_alliances()["east_asia"]

    def make_other(self):
        return illustrative_alliances()["europe"]

    changes = {"adventurism": Fraction(1, 20), "quota": 3}
    bad = [
        (lambda: AllianceControl(allies=0, adventurism=0, entrapment_cost=0),
         errors.InvalidArgumentError, "allies"),
        (lambda: AllianceControl(allies=3, adventurism=Fraction(3, 2), entrapment_cost=0),
         errors.InvalidProbabilityError, "adventurism"),
        (lambda: AllianceControl(allies=3, adventurism=0, entrapment_cost=0, support=-0.5),
         errors.InvalidProbabilityError, "support"),
    ]
    bad_changes = [({"quota": 4}, errors.InvalidArgumentError, "at most")]
    exact_kwargs = {"allies": 3, "adventurism": Fraction(1, 2), "entrapment_cost": 10,
                    "dependence": Fraction(4, 5), "binding_value": 1,
                    "support": Fraction(3, 10)}
    float_kwargs = {"allies": 3, "adventurism": 0.5, "entrapment_cost": 10.0,
                    "dependence": 0.8, "binding_value": 1.0, "support": 0.3,
                    "ally_restraint": 1.0}
    outputs = [lambda m: m.body_backs_restraint(), lambda m: m.compare(),
               lambda m: m.compare_allies(), lambda m: m.entrapment_threshold()]


def test_alliance_models_induce_no_game():
    """Both models compare one actor's payoffs under two structures: no game, no .game."""
    assert not hasattr(Powerplay, "game") and not hasattr(AllianceControl, "game")


def test_alliance_reprs_are_short():
    asia = illustrative_alliances()["east_asia"]
    assert repr(asia).startswith("AllianceControl(allies=3, adventurism=1/2,")
    assert repr(Powerplay(controller=10, controlled=1)) == (
        "Powerplay(controller=10, controlled=1, others=0, alignment=1/2, stakes=1, "
        "enforcement_cost=0)")
