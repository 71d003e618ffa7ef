"""Fearon's (1995) bargaining model of war: the bargaining range and the risk-return trade-off."""

from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.models import BargainingEquilibrium, WarBargaining, WarRiskComparison

F = Fraction


def test_bargaining_range_under_complete_information():
    # Fearon's first result: [p - c_A, p + c_B] is never empty when war is costly
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=F(1, 5),
                        cost_b_high=F(1, 5))
    r = war.bargaining_range()
    assert (r.low, r.high) == (F(2, 5), F(7, 10))
    assert r.width == war.cost_a + war.cost_b_low
    # clipped to the good: a strong A with cheap war for B still has a range
    strong = war.with_(win_probability=F(19, 20))
    assert strong.bargaining_range().high == 1
    assert war.bargaining_range(cost_b=F(1, 2)).high == 1


def test_complete_information_means_no_war():
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=F(1, 5),
                        cost_b_high=F(1, 5))
    eq = war.equilibrium()
    assert eq.offer == F(7, 10) and eq.war_probability == 0   # A takes the whole range


def test_fearon_uniform_case_closed_form():
    # B's cost uniform on [0, H]: demand p + (H - c_A)/2, war probability (H - c_A)/(2H)
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                        cost_b_high=F(3, 10))
    eq = war.equilibrium()
    assert eq.offer == F(3, 5) and eq.cutoff == F(1, 10)
    assert eq.war_probability == F(1, 3) == (F(3, 10) - F(1, 10)) / (2 * F(3, 10))
    assert eq.payoff_a == F(8, 15)
    assert "war probability 1/3" in repr(eq)
    # little uncertainty (H <= c_A): A demands what every type accepts, no war
    calm = war.with_(cost_b_high=F(1, 10))
    assert calm.war_probability() == 0 and calm.optimal_offer() == F(1, 2)


@st.composite
def bargaining_models(draw):
    den = 20
    p = F(draw(st.integers(0, den)), den)
    cost_a = F(draw(st.integers(1, den)), den)
    low = F(draw(st.integers(0, den)), den)
    high = low + F(draw(st.integers(0, den)), den)
    return WarBargaining(win_probability=p, cost_a=cost_a, cost_b_low=low, cost_b_high=high)


@settings(max_examples=60)
@given(bargaining_models())
def test_optimal_offer_beats_every_other_offer(war):
    eq = war.equilibrium()
    best = eq.payoff_a
    for k in range(0, 101):
        assert war.expected_payoff(F(k, 100)) <= best
    assert 0 <= eq.war_probability <= 1
    assert eq.war_probability == war.war_probability_at(eq.offer)
    # every type of B prefers the deals of the common range to war; the range is not empty
    r = war.bargaining_range()
    assert r.low < r.high or (r.low == r.high == 0)


@settings(max_examples=60)
@given(bargaining_models(), st.integers(1, 10))
def test_war_probability_falls_as_war_costs_rise(war, step):
    more = F(step, 20)
    assert war.with_(cost_a=war.cost_a + more).war_probability() <= war.war_probability()
    shifted = war.with_(cost_b_low=war.cost_b_low + more, cost_b_high=war.cost_b_high + more)
    assert shifted.war_probability() <= war.war_probability()


def test_more_uncertainty_more_war_and_a_bolder_demand():
    base = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                         cost_b_high=F(1, 5))
    wider = [base.with_(cost_b_high=F(k, 10)) for k in (2, 3, 4, 5)]
    risks = [m.war_probability() for m in wider]
    offers = [m.optimal_offer() for m in wider]
    assert risks == sorted(risks) and len(set(risks)) == 4
    assert offers == sorted(offers)


def test_war_probability_does_not_depend_on_the_balance_of_power():
    # Benson, Meirowitz and Ramsay (2016, abstract): "for a variety of cases ... no change
    # in the probability of war results from changes in the balance of power, a result
    # sometimes called neutrality" (their working paper: "in the standard crisis bargaining
    # model, changes to war payoffs have no effect on the equilibrium probability that
    # bargaining ends in war"); here p moves the demand, not the risk
    base = WarBargaining(win_probability=F(1, 5), cost_a=F(1, 10), cost_b_low=0,
                         cost_b_high=F(3, 10))
    for p in (F(1, 5), F(2, 5), F(3, 5)):
        war = base.with_(win_probability=p)
        assert war.war_probability() == F(1, 3)
        assert war.optimal_offer() == p + F(1, 10)


def _best_by_candidates(war):
    """A's best demand found independently of the model's formula: A's expected payoff is
    linear below ``p + L`` (every type accepts), concave on ``[p + L, p + H]`` and flat
    above, so the best demand in ``[0, 1]`` is among the ends, the kinks and the interior
    stationary point; each is evaluated from first principles."""
    p, c_a, low, high = war.win_probability, war.cost_a, war.cost_b_low, war.cost_b_high

    def payoff(x):
        if high == low:
            fight = F(int(x - p > low))
        else:
            fight = min(F(1), max(F(0), (x - p - low) / (high - low)))
        return (1 - fight) * x + fight * (p - c_a), fight

    candidates = {F(0), F(1)} | {x for x in (p + low, p + high, p + (high - c_a) / 2)
                                   if 0 <= x <= 1}
    return max(((*payoff(x), x) for x in candidates), key=lambda t: (t[0], -t[2]))


@settings(max_examples=60)
@given(bargaining_models())
def test_equilibrium_matches_an_independent_search(war):
    value, fight, offer = _best_by_candidates(war)
    eq = war.equilibrium()
    assert (eq.payoff_a, eq.war_probability) == (value, fight)
    assert eq.offer == offer or war.expected_payoff(offer) == eq.payoff_a


@pytest.mark.parametrize("p, cost_a, low, high", [
    (F(1, 2), F(1, 10), 0, F(3, 10)),          # interior demand
    (F(3, 10), F(1, 20), F(1, 20), F(7, 10)),   # B's cheapest type has a positive cost
    (F(9, 10), F(1, 10), 0, 1),                 # the demand is capped at the whole good
    (F(1, 5), F(1, 2), 0, 2),
])
def test_monte_carlo_over_b_types(p, cost_a, low, high):
    # draw B's cost, let each type accept or fight, and compare the frequency of war and
    # A's average payoff with the closed form; and A's best demand on a grid of demands
    war = WarBargaining(win_probability=p, cost_a=cost_a, cost_b_low=low, cost_b_high=high)
    eq = war.equilibrium()
    costs = np.random.default_rng(20260101).uniform(float(low), float(high), 200_000)

    def simulate(x):
        fights = (1 - x) < (1 - float(p) - costs)
        return fights.mean(), np.where(fights, float(p - cost_a), x).mean()

    rate, mean = simulate(float(eq.offer))
    assert rate == pytest.approx(float(eq.war_probability), abs=0.005)
    assert mean == pytest.approx(float(eq.payoff_a), abs=0.005)
    # no demand on a grid does better on the same draws (where A's payoff is flat near its
    # peak, wide uncertainty, the grid's best demand may differ a little, its payoff not)
    demands = np.linspace(0, 1, 201)
    assert max(simulate(x)[1] for x in demands) <= mean + 0.002


def test_corners():
    # B's cheapest type already rejects every share below its war value: A demands all
    cheap = WarBargaining(win_probability=F(4, 5), cost_a=F(1, 10), cost_b_low=F(3, 10),
                          cost_b_high=F(1, 2))
    assert cheap.equilibrium().offer == 1 and cheap.war_probability() == 0
    # the interior peak lies beyond the whole good: the demand is capped at 1 and still
    # risks war, and then the risk depends on p (neutrality needs an interior demand)
    capped = WarBargaining(win_probability=F(9, 10), cost_a=F(1, 10), cost_b_low=0,
                           cost_b_high=1)
    assert capped.optimal_offer() == 1 and capped.war_probability() == F(1, 10)
    assert capped.with_(win_probability=F(4, 5)).war_probability() == F(1, 5)
    # the boundary H = cost_a + 2 L: the peak is exactly the demand every type accepts
    edge = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=F(1, 10),
                         cost_b_high=F(3, 10))
    assert edge.optimal_offer() == F(3, 5) and edge.war_probability() == 0


def test_bad_offers_are_rejected():
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                        cost_b_high=F(3, 10))
    for bad in (F(3, 2), -F(1, 10)):
        with pytest.raises(errors.InvalidArgumentError, match="offer"):
            war.expected_payoff(bad)
        with pytest.raises(errors.InvalidArgumentError, match="offer"):
            war.war_probability_at(bad)


def test_the_claims_predicates_can_fail():
    from multilateral.claims import FEARON_COSTLY_WAR, FEARON_RISK_RETURN

    # a model whose "equilibrium" demands only what every type accepts, where the risky
    # demand is better, fails FEARON_RISK_RETURN
    class Timid(WarBargaining):
        def equilibrium(self):
            x = self.win_probability + self.cost_b_low
            return BargainingEquilibrium(offer=x, cutoff=self.cost_b_low, war_probability=0,
                                         payoff_a=self.expected_payoff(x))

    args = {"win_probability": F(1, 2), "cost_a": F(1, 10), "cost_b_low": 0,
            "cost_b_high": F(3, 10)}
    assert FEARON_RISK_RETURN.holds(WarBargaining(**args))
    assert not FEARON_RISK_RETURN.holds(Timid(**args))
    # a nearby false threshold: H > cost_a + L does not make war possible (here H = 3/10,
    # cost_a = L = 1/10), the library's H > cost_a + 2 L does
    edge = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=F(1, 10),
                         cost_b_high=F(3, 10))
    assert edge.cost_b_high > edge.cost_a + edge.cost_b_low and edge.war_probability() == 0

    # a model whose risk of war rises with A's cost of war fails FEARON_COSTLY_WAR
    class Reckless(WarBargaining):
        def war_probability(self):
            return self.cost_a

    assert FEARON_COSTLY_WAR.holds(WarBargaining(**args))
    assert not FEARON_COSTLY_WAR.holds(Reckless(**args))

    # war without private information (a positive risk with B's cost known) is not
    # Fearon's mechanism and fails FEARON_RISK_RETURN
    class Belligerent(WarBargaining):
        def war_probability(self):
            return F(1, 10)

    assert not FEARON_RISK_RETURN.holds(Belligerent(**args))

    # a range that leaves out p - c_A's side (deals A prefers war to) fails the range claim
    from multilateral.claims import FEARON_BARGAINING_RANGE
    from multilateral.models import BargainingRange

    class Lopsided(WarBargaining):
        def bargaining_range(self, cost_b=None):
            return BargainingRange(low=0 * self.cost_a, high=self.cost_a / 2)

    assert FEARON_BARGAINING_RANGE.holds(WarBargaining(**args))
    assert not FEARON_BARGAINING_RANGE.holds(Lopsided(**args))


@settings(max_examples=60)
@given(mst.war_bargaining_models())
def test_banks_1990_the_more_a_type_values_war_the_more_it_gets_and_the_more_war(war):
    # Banks (1990, abstract): "the higher the informed player's payoff from war, the higher
    # is his or her equilibrium payoff ... and the higher is the equilibrium probability of
    # war"; B's payoff from war is 1 - p - c_B, so both must fall (weakly) as c_B rises
    eq = war.equilibrium()
    p, low, high = war.win_probability, war.cost_b_low, war.cost_b_high
    types = sorted({low + (high - low) * F(k, 10) for k in range(11)}, reverse=True)
    fights = [c < eq.cutoff for c in types]                 # rising value for war ->
    payoffs = [1 - p - c if c < eq.cutoff else 1 - eq.offer for c in types]
    assert fights == sorted(fights)
    assert payoffs == sorted(payoffs)
    # the nearby false statement (the informed side's payoff falls with its value for
    # war) fails whenever two types get different payoffs
    if len(set(payoffs)) > 1:
        assert payoffs != sorted(payoffs, reverse=True)


def test_the_informed_mediator_kydd_2003():
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                        cost_b_high=F(3, 10))
    on_a_side = war.mediated(mediator_bias=F(3, 4))
    assert isinstance(on_a_side, WarRiskComparison)
    assert (on_a_side.unmediated, on_a_side.mediated, on_a_side.credible) == (F(1, 3), 0, True)
    assert on_a_side.removed == F(1, 3)
    for bias in (0, F(1, 4), F(1, 2)):
        ignored = war.mediated(mediator_bias=bias)
        assert (ignored.mediated, ignored.credible) == (F(1, 3), False)
        assert "not credible" in repr(ignored)
    # the mediator's incentive, by hand: B's cost 1/5, A demands 1/2 + report
    c = F(1, 5)
    assert war.mediator_payoff(1, c, c) == F(7, 10)            # truth: A gets 7/10
    assert war.mediator_payoff(1, c, F(1, 10)) == F(3, 5)      # understated: A gets less
    assert war.mediator_payoff(1, c, F(3, 10)) == F(2, 5)      # overstated: war, p - c_A
    assert war.mediator_payoff(0, c, 0) == F(1, 2) > war.mediator_payoff(0, c, c)
    with pytest.raises(errors.InvalidProbabilityError, match="mediator_bias"):
        war.mediated(mediator_bias=F(3, 2))
    with pytest.raises(errors.InvalidArgumentError, match="reported_cost"):
        war.mediator_payoff(1, c, -1)


@settings(max_examples=60)
@given(mst.war_bargaining_models(), st.integers(0, 8))
def test_an_informed_mediator_lowers_the_war_risk_only_if_it_leans_to_the_side_it_counsels(
        war, eighths):
    # the library's version of Kydd's (2003) argument in Fearon's model: a truthful report
    # of B's cost is the mediator's strict best reply for every type exactly when it leans
    # towards A; then it removes the war risk, otherwise A ignores it
    bias = F(eighths, 8)
    result = war.mediated(mediator_bias=bias)
    assert result.mediated <= result.unmediated == war.war_probability()
    assert result.credible == (bias > F(1, 2))
    assert (result.mediated == 0) == (result.credible or result.unmediated == 0)
    p, low, high = war.win_probability, war.cost_b_low, war.cost_b_high
    grid = sorted({low + (high - low) * F(k, 8) for k in range(9)})
    strictly_lies = False
    for c in grid:
        truth = war.mediator_payoff(bias, c, c)
        for r in grid:
            lie = war.mediator_payoff(bias, c, r)
            same_outcome = min(1, p + r) == min(1, p + c)
            if result.credible:
                assert truth > lie or same_outcome
            strictly_lies |= lie > truth
    # the nearby false statement "any informed mediator is believed": a mediator that does
    # not lean towards A strictly prefers to understate some type's cost whenever the
    # types' deals differ and it leans towards B
    if bias < F(1, 2) and p + low < 1 and high > low:
        assert strictly_lies


def test_the_crisis_models_share_the_war_risk_convention():
    chicken = ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6).compare()
    fearon = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                           cost_b_high=F(3, 10)).mediated(mediator_bias=1)
    for risk in (chicken.war_risk, fearon):
        assert isinstance(risk, WarRiskComparison) and risk.credible
        assert risk.mediated == 0 < risk.unmediated and risk.removed == risk.unmediated
    assert chicken.war_risk.unmediated == chicken.nash_war_risk == F(1, 9)


def test_bargaining_range_floats_in_floats_out():
    war = WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                        cost_b_high=F(3, 10))
    r = war.bargaining_range(cost_b=0.2)
    assert isinstance(r.low, float) and isinstance(r.high, float)
    assert (r.low, r.high) == pytest.approx((0.4, 0.7))
    assert war.bargaining_range(cost_b=F(1, 5)).high == F(7, 10)


@settings(max_examples=60)
@given(bargaining_models(), st.integers(0, 8), st.integers(0, 8))
def test_floats_agree_with_fractions(war, i, j):
    # a float model gives the exact model's numbers: under complete information the float
    # demand p + c_B minus p used to land above c_B, and a sure deal became a sure war
    # (WarBargaining(0.1, 0.1, 0.2, 0.2) had war probability 1)
    floats = WarBargaining(*(float(v) for v in (war.win_probability, war.cost_a,
                                                 war.cost_b_low, war.cost_b_high)))
    exact, approx = war.equilibrium(), floats.equilibrium()
    for name in ("offer", "cutoff", "war_probability", "payoff_a"):
        assert getattr(approx, name) == pytest.approx(float(getattr(exact, name)), abs=1e-12)
    if war.cost_b_low == war.cost_b_high:
        assert approx.war_probability == 0
    low, high = war.cost_b_low, war.cost_b_high
    c, r = (low + (high - low) * F(k, 8) for k in (i, j))
    assert floats.mediator_payoff(0.75, float(c), float(r)) == pytest.approx(
        float(war.mediator_payoff(F(3, 4), c, r)), abs=1e-12)


def test_complete_information_floats_no_war():
    for p, c in ((0.1, 0.2), (0.95, 0.05), (0.7, 0.1)):
        war = WarBargaining(win_probability=p, cost_a=0.1, cost_b_low=c, cost_b_high=c)
        assert war.war_probability() == 0
        assert war.mediator_payoff(0.75, c, c) == pytest.approx(0.75 * min(1, p + c)
                                                                + 0.25 * (1 - min(1, p + c)))


def test_floats_give_floats():
    war = WarBargaining(win_probability=0.5, cost_a=0.1, cost_b_low=0, cost_b_high=0.3)
    assert war.war_probability() == pytest.approx(1 / 3)
    assert isinstance(war.cost_b_low, float)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"win_probability": F(3, 2)}, errors.InvalidProbabilityError, "win_probability"),
    ({"cost_a": 0}, errors.InvalidArgumentError, "cost_a must be > 0"),
    ({"cost_b_low": -1}, errors.InvalidArgumentError, "cost_b_low must be >= 0"),
    ({"cost_b_low": F(1, 2), "cost_b_high": F(1, 4)}, errors.InvalidArgumentError,
     "empty interval"),
])
def test_bad_input(kwargs, error, match):
    base = {"win_probability": F(1, 2), "cost_a": F(1, 10), "cost_b_low": 0,
            "cost_b_high": F(3, 10)}
    with pytest.raises(error, match=match):
        WarBargaining(**(base | kwargs))


def test_exported():
    assert ml.models.WarBargaining is WarBargaining


class TestWarBargainingContract(ModelContract):
    def make(self):
        return WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                             cost_b_high=F(3, 10))

    def make_other(self):
        return WarBargaining(win_probability=F(2, 3), cost_a=F(1, 5), cost_b_low=0,
                             cost_b_high=F(1, 2))

    changes = {"cost_a": F(1, 5)}
    bad = [
        (lambda: WarBargaining(win_probability=-0.1, cost_a=1, cost_b_low=0, cost_b_high=1),
         errors.InvalidProbabilityError, "win_probability"),
        (lambda: WarBargaining(win_probability=F(1, 2), cost_a=-1, cost_b_low=0,
                               cost_b_high=1), errors.InvalidArgumentError, "cost_a"),
        (lambda: WarBargaining(win_probability=F(1, 2), cost_a=1, cost_b_low=2,
                               cost_b_high=1), errors.InvalidArgumentError, "empty interval"),
    ]
    bad_changes = [({"cost_b_high": -1}, errors.InvalidArgumentError, "cost_b_high")]
    exact_kwargs = {"win_probability": F(1, 2), "cost_a": F(1, 10), "cost_b_low": 0,
                    "cost_b_high": F(3, 10)}
    float_kwargs = {"win_probability": 0.5, "cost_a": 0.1, "cost_b_low": 0.0,
                    "cost_b_high": 0.3}
    outputs = [lambda m: m.equilibrium(), lambda m: m.bargaining_range(),
               lambda m: m.war_probability()]
    no_game = ("offers and B's types are continua (a demand in [0, 1], a cost of war in an "
               "interval): the theory induces no finite game")


def _mediation_game(bias, reports):
    """A discretized informed-mediator game as a signalling game, built from first
    principles (not from the model): B's cost 0, 3/20 or 3/10 with equal odds, known to the
    mediator (the sender), who sends one of ``reports`` messages to A (the receiver), who
    demands p + c for one of the three costs; p = 1/2, cost_a = 1/10. The mediator weighs
    A's payoff by ``bias``. Returns the game, the costs and the demands."""
    from multilateral.games.extensive import SignallingGame

    p, cost_a = F(1, 2), F(1, 10)
    costs = [F(0), F(3, 20), F(3, 10)]
    demands = [p + c for c in costs]

    def outcome(c, x):   # (A, B): B accepts iff its share beats its war payoff
        return (x, 1 - x) if 1 - x >= 1 - p - c else (p - cost_a, 1 - p - c)

    sender = [[[bias * outcome(c, x)[0] + (1 - bias) * outcome(c, x)[1] for x in demands]
               for _ in range(reports)] for c in costs]
    receiver = [[[outcome(c, x)[0] for x in demands] for _ in range(reports)] for c in costs]
    return SignallingGame([F(1, 3)] * 3, sender, receiver), costs, demands


def _war_risks(equilibria, costs, demands):
    """Each equilibrium's probability of war, and whether A's demand depends on the report."""
    out = []
    for e in equilibria:
        faced = [tuple(sum(e.sender[t][m] * e.receiver[m][a] for m in range(len(e.receiver)))
                       for a in range(len(demands))) for t in range(len(costs))]
        war = sum(F(1, 3) * faced[t][a] for t in range(len(costs))
                  for a in range(len(demands)) if costs[t] < demands[a] - F(1, 2))
        out.append((war, len(set(faced)) > 1))
    return out


def test_informed_mediator_by_the_generic_signalling_solver():
    # an independent check of mediated(): the generic perfect-Bayesian-equilibrium solver on
    # a discretized mediator game. Pure equilibria (three reports): a truthful (separating)
    # one exists for a mediator leaning to A and for an even-handed one (weakly), none that
    # informs A for one leaning to B; the babbling war risk is the discrete Fearon risk 1/3
    from multilateral.solvers.extensive.signalling import perfect_bayesian_equilibria

    for bias, informative in ((F(1, 4), False), (F(1, 2), True), (F(3, 4), True)):
        game, costs, demands = _mediation_game(bias, reports=3)
        found = perfect_bayesian_equilibria(game)
        risks = _war_risks(found, costs, demands)
        assert any(e.classification == "separating" for e in found) == informative
        assert any(inf for _, inf in risks) == informative
        assert {war for war, inf in risks if not inf} == {F(1, 3)}
        assert all(war == 0 for e, (war, _) in zip(found, risks, strict=True)
                   if e.classification == "separating")
    # mixed equilibria (two reports): a mediator leaning to B (2/5) is partly believed, A
    # gambling between demands after one report, and the war risk halves; so credible=False
    # means "no truthful report", not "no informative one" (the docstring says so)
    game, costs, demands = _mediation_game(F(2, 5), reports=2)
    risks = _war_risks(perfect_bayesian_equilibria(game, mixed=True), costs, demands)
    assert (F(1, 6), True) in risks and min(war for war, _ in risks) == F(1, 6)
    assert not WarBargaining(win_probability=F(1, 2), cost_a=F(1, 10), cost_b_low=0,
                             cost_b_high=F(3, 10)).mediated(F(2, 5)).credible


def test_the_kydd_claim_fails_for_a_believed_even_handed_mediator():
    # the nearby false statement "an even-handed mediator is believed and removes the war
    # risk" (its truth is only weakly best) fails the claim's predicate
    import dataclasses

    from multilateral.claims import KYDD_INFORMED_MEDIATOR

    class Gullible(WarBargaining):
        def mediated(self, mediator_bias):
            result = super().mediated(mediator_bias)
            if mediator_bias == F(1, 2):
                return dataclasses.replace(result, mediated=0 * result.mediated, credible=True)
            return result

    args = {"win_probability": F(1, 2), "cost_a": F(1, 10), "cost_b_low": 0,
            "cost_b_high": F(3, 10)}
    assert KYDD_INFORMED_MEDIATOR.holds((WarBargaining(**args), F(1, 2)))
    assert not KYDD_INFORMED_MEDIATOR.holds((Gullible(**args), F(1, 2)))


def test_risk_return_claim_needs_the_incentive_to_misrepresent():
    # a model in which B's deal under complete information ignores B's cost (no type gains
    # by being believed more resolved, so nothing to misrepresent) fails FEARON_RISK_RETURN
    from multilateral.claims import FEARON_RISK_RETURN
    from multilateral.models import BargainingRange

    class Deaf(WarBargaining):
        def bargaining_range(self, cost_b=None):
            return BargainingRange(low=0 * self.cost_a, high=self.win_probability)

    args = {"win_probability": F(1, 2), "cost_a": F(1, 10), "cost_b_low": 0,
            "cost_b_high": F(3, 10)}
    assert FEARON_RISK_RETURN.holds(WarBargaining(**args))
    assert not FEARON_RISK_RETURN.holds(Deaf(**args))
