"""Relative gains: Snidal's transformation of 2x2 games and Powell's cost-of-fighting threshold."""

from fractions import Fraction
from itertools import permutations

import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral import errors
from multilateral.models import PowellGains, RelativeGains, relative_gains
from multilateral.results import Threshold

small = st.integers(-10, 10)
weights = st.fractions(min_value=0, max_value=1)


@st.composite
def cooperative_games(draw):
    """Symmetric Harmony or Stag Hunt games (R > T, R > S, strict orderings)."""
    values = draw(st.lists(small, min_size=4, max_size=4, unique=True))
    R = max(values)
    T, P, S = (v for v in values if v != R)
    return T, R, P, S


@st.composite
def pd_games(draw):
    values = sorted(draw(st.lists(small, min_size=4, max_size=4, unique=True)))
    S, P, R, T = values
    return T, R, P, S


# -- Snidal ----------------------------------------------------------------------------------
def test_stag_hunt_becomes_a_prisoners_dilemma_at_the_threshold():
    m = RelativeGains(T=3, R=4, P=1, S=0)
    assert m.threshold().exact == Fraction(1, 4)          # (R - T) / (R - S)
    assert m.with_(relative_weight=Fraction(1, 4)).cooperation_is_equilibrium
    assert m.with_(relative_weight=Fraction(1, 5)).oye_type == "stag_hunt"
    assert m.with_(relative_weight=Fraction(1, 4)).oye_type is None     # R' = T': a tie
    assert m.with_(relative_weight=Fraction(3, 10)).oye_type == "prisoners_dilemma"
    assert not m.with_(relative_weight=Fraction(3, 10)).cooperation_is_equilibrium


def test_transformed_payoffs_are_grieco_and_snidal():
    g = relative_gains(ml.TwoByTwo.symmetric(T=3, R=4, P=1, S=0), Fraction(1, 2))
    # T - rS, R (1 - r), P (1 - r), S - rT
    assert g.trps(0) == (3, 2, Fraction(1, 2), Fraction(-3, 2))
    assert g.trps(1) == g.trps(0)


def test_harmony_becomes_chicken_or_a_stag_hunt_on_the_way_to_a_prisoners_dilemma():
    # R' = T' at r = (R - T) / (R - S); S' = P' at r = (S - P) / (T - P)
    assert RelativeGains(T=4, R=5, P=0, S=2).type_changes() == (
        (0, "harmony"), (Fraction(1, 3), "chicken"), (Fraction(1, 2), "prisoners_dilemma"))
    assert RelativeGains(T=2, R=5, P=0, S=1).type_changes() == (
        (0, "harmony"), (Fraction(1, 2), "stag_hunt"), (Fraction(3, 4), "prisoners_dilemma"))
    assert RelativeGains(T=3, R=4, P=0, S=1).type_changes() == (
        (0, "harmony"), (Fraction(1, 3), "prisoners_dilemma"))


def test_number_of_states_dilutes_the_impediment():
    m = RelativeGains(T=3, R=4, P=1, S=0, relative_weight=Fraction(1, 2))
    assert [m.with_(n=n).threshold().exact for n in (2, 3, 4, 5)] == [
        Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(1)]
    # n = 3 sits on the threshold: R' = T', a tie the classifier does not type
    assert [m.with_(n=n).oye_type for n in (2, 3, 4)] == ["prisoners_dilemma", None, "stag_hunt"]
    # with five or more states no weight in [0, 1] breaks mutual cooperation
    assert RelativeGains(T=3, R=4, P=1, S=0, relative_weight=1, n=5).cooperation_is_equilibrium


def _world_utility(own, partner, n, r, comparison):
    """State i's relative-gains utility, computed in the n-state world of a bilateral deal
    (the partner gains ``partner``, the n - 2 outsiders nothing), for four readings of
    'relative to the others'."""
    others = [partner] + [Fraction(0)] * (n - 2)
    if comparison == "mean":          # the others' average (the library's reading)
        return (1 - r) * own + r * (own - sum(others) / (n - 1))
    if comparison == "each":          # each other state, pairwise gaps averaged
        return (1 - r) * own + r * sum(own - x for x in others) / (n - 1)
    if comparison == "sum":           # each other state, pairwise gaps summed
        return (1 - r) * own + r * sum(own - x for x in others)
    return (1 - r) * own + r * (own - max(others))    # "strongest": the leading rival


def _cooperation_in_world(T, R, P, S, n, r, comparison):
    u = lambda own, partner: _world_utility(own, partner, n, r, comparison)  # noqa: E731
    return u(R, R) >= u(T, S)


@given(cooperative_games(), weights, st.integers(2, 9))
def test_dilution_depends_on_whom_gains_are_compared_with(game, r, n):
    """Snidal's dilution in a bilateral deal holds when a state compares its gain with the
    others' average (the library's reading; the same as averaging the gap to each other
    state) or sums the gaps, and fails when it compares with its leading rival: the partner
    stays the leading rival however many outsiders there are, so numbers change nothing."""
    low = min(game)      # gains measured from a status quo no outcome falls below
    game = tuple(Fraction(v) - low for v in game)
    T, R, P, S = game
    model = RelativeGains(*game, relative_weight=r, n=n)
    assert _cooperation_in_world(T, R, P, S, n, r, "mean") == model.cooperation_is_equilibrium
    assert _cooperation_in_world(T, R, P, S, n, r, "each") == model.cooperation_is_equilibrium
    for comparison in ("mean", "each", "sum"):     # more states never hurt
        if _cooperation_in_world(T, R, P, S, 2, r, comparison):
            assert _cooperation_in_world(T, R, P, S, n, r, comparison)
    strongest = [_cooperation_in_world(T, R, P, S, k, r, "strongest") for k in (2, n)]
    assert strongest[0] == strongest[1] == RelativeGains(*game, relative_weight=r)\
        .cooperation_is_equilibrium


def test_against_the_leading_rival_numbers_do_not_dilute():
    """The nearby false statement: the stag hunt that four states rescue under the library's
    reading stays a dilemma at any n when each state watches its leading rival."""
    r = Fraction(1, 2)
    assert RelativeGains(T=3, R=4, P=1, S=0, relative_weight=r, n=4).cooperation_is_equilibrium
    assert not any(_cooperation_in_world(3, 4, 1, 0, n, r, "strongest") for n in (2, 4, 193))


@given(cooperative_games(), weights, st.integers(2, 8))
def test_threshold_is_where_cooperation_stops_being_an_equilibrium(game, r, n):
    m = RelativeGains(*game, relative_weight=r, n=n)
    t = m.threshold()
    assert t.exact == (n - 1) * Fraction(game[1] - game[0], game[1] - game[3])
    assert m.cooperation_is_equilibrium == (r <= t.exact)
    # a generic solver on the transformed game agrees
    pure = {tuple(e.strategies[0].tolist() + e.strategies[1].tolist())
            for e in ml.solvers.nash_equilibria(m.game) if e.is_pure}
    assert ((1.0, 0.0, 1.0, 0.0) in pure) == m.cooperation_is_equilibrium


def test_threshold_on_every_strict_symmetric_ordering_and_ties():
    # all 24 strict orderings of T, R, P, S (and R = S ties): the threshold's side and value
    # agree with cooperation_is_equilibrium at every weight on a grid, including the games
    # with S > R, where relative-gains concerns *help* mutual cooperation (the threshold
    # once returned "none" for them while cooperation held)
    games = [*permutations([1, 2, 3, 4]), (1, 2, 0, 2), (3, 2, 0, 2), (2, 2, 0, 2)]
    for game in games:
        for n in (2, 3, 5):
            m = RelativeGains(*game, n=n)
            t = m.threshold()
            for k in range(41):
                r = Fraction(k, 40)
                coop = m.with_(relative_weight=r).cooperation_is_equilibrium
                if not t.attainable:
                    assert not coop, (game, n, r)
                elif t.holds_above:
                    assert coop == (r >= t.exact), (game, n, r, t)
                else:
                    assert coop == (r <= t.exact), (game, n, r, t)
    # T=2, R=1, P=3, S=4: cooperation needs r >= (T - R) / (S - R) = 1/3 between two states
    assert RelativeGains(T=2, R=1, P=3, S=4).threshold() == Threshold.at(
        Fraction(1, 3), "relative_weight", holds_above=True)
    # S > R >= T: at every weight
    assert RelativeGains(T=1, R=2, P=3, S=4).threshold().holds_above
    assert RelativeGains(T=1, R=2, P=3, S=4).threshold().exact <= 0
    assert RelativeGains(T=1.0, R=2.0, P=0.0, S=2.0).threshold().value == 0.0


def test_more_states_can_hurt_cooperation_when_being_exploited_pays():
    # the nearby false statement: outside R > S the dilution cuts the other way
    m = RelativeGains(T=2, R=1, P=3, S=4, relative_weight=Fraction(1, 2))
    assert m.cooperation_is_equilibrium and not m.with_(n=3).cooperation_is_equilibrium


@given(cooperative_games(), st.integers(2, 6))
def test_type_changes_agree_with_the_classifier(game, n):
    m = RelativeGains(*game, n=n)
    changes = m.type_changes()
    assert changes[0][0] == 0
    starts = [r for r, _ in changes]
    for k in range(1, 60):
        r = Fraction(k, 60)
        kind = m.with_(relative_weight=r).oye_type
        if kind is not None and r not in starts:   # off the ties at the crossings
            assert kind == [t for lo, t in changes if lo < r][-1]
    t = m.threshold().exact
    if t < 1 and m.absolute_game.oye_type in ("stag_hunt", "harmony"):
        assert any(r == t for r, _ in changes[1:])


@given(cooperative_games(), weights)
def test_more_states_never_hurt_cooperation(game, r):
    coop = [RelativeGains(*game, relative_weight=r, n=n).cooperation_is_equilibrium
            for n in range(2, 7)]
    assert coop == sorted(coop)


@given(st.lists(st.integers(-9, 9), min_size=4, max_size=4), st.integers(2, 5))
def test_float_threshold_is_on_the_side_it_claims(payoffs, n):
    """With floats the weight threshold() returns must sustain cooperation as it says (the
    transformed payoffs tie there up to rounding; 461 of 3056 random integer games said no
    before the tie tolerance)."""
    T, R, P, S = (float(v) for v in payoffs)
    m = RelativeGains(T=T, R=R, P=P, S=S, n=n)
    t = m.threshold()
    if t.attainable and 0 <= t.value <= 1:
        assert m.with_(relative_weight=t.value).cooperation_is_equilibrium
        exact = RelativeGains(*payoffs, n=n).threshold().exact
        assert t.value == pytest.approx(float(exact))


def test_relative_gains_floats_and_errors():
    g = ml.TwoByTwo.symmetric(T=3.0, R=4.0, P=1.0, S=0.0)
    assert relative_gains(g, 0.5).trps(0) == (3.0, 2.0, 0.5, -1.5)
    with pytest.raises(errors.InvalidProbabilityError, match="relative_weight"):
        relative_gains(g, Fraction(3, 2))
    with pytest.raises(errors.InvalidArgumentError, match="n must"):
        relative_gains(g, Fraction(1, 2), n=1)
    with pytest.raises(errors.InvalidTypeError, match="TwoByTwo"):
        relative_gains("game", Fraction(1, 2))  # type: ignore[arg-type]


# -- Powell ----------------------------------------------------------------------------------
def _deviation_gain(T, R, P, delta, c):
    """Cooperation's value minus the best deviation's, by the streams (no formula)."""
    coop = R / (1 - delta)
    return coop - (T + delta * max(P / (1 - delta), 2 * R / (1 - delta) - c))


def _deviation_gain_converting(T, R, P, delta, c, q):
    """As _deviation_gain, when the exploiter's attack wins only with probability q (a failed
    attack leaves mutual defection)."""
    war = (q * 2 * R + (1 - q) * P) / (1 - delta)
    return R / (1 - delta) - (T + delta * max(P / (1 - delta), war - c))


@given(pd_games(), st.fractions(min_value=Fraction(1, 50), max_value=Fraction(49, 50)),
       st.fractions(min_value=0, max_value=200), st.fractions(min_value=0, max_value=1))
def test_powell_conversion_of_gains_into_military_advantage(game, delta, cost, q):
    """Powell's first condition, 'when gains convert into military advantage': with the
    attack winning with probability q, the verdict agrees with the payoff streams, and for
    2R > P lower conversion never destroys cooperation (c* rises with q); at q = 0 only
    Friedman's condition is left."""
    T, R, P, S = game
    m = PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost, conversion=q)
    assert m.cooperation_possible == (_deviation_gain_converting(T, R, P, delta, cost, q) >= 0)
    assert m.with_(conversion=1) == PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost)
    if m.cooperation_possible and 2 * R > P:
        assert m.with_(conversion=q / 2).cooperation_possible
    friedman = delta >= m.critical_discount().value
    assert m.with_(conversion=0).cooperation_possible == friedman


def test_powell_conversion_values():
    m = PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(3, 4), cost_of_fighting=10)
    # c* = (T (1 - d) - R + d (2 q R + (1 - q) P)) / (d (1 - d)), with d (1 - d) = 3/16:
    # q = 1: (5/4 - 3 + 9/2) 16/3 = 44/3; q = 1/2: (5/4 - 3 + 21/8) 16/3 = 14/3;
    # q = 0: (5/4 - 3 + 3/4) 16/3 = -16/3
    assert m.critical_cost().exact == Fraction(44, 3) and not m.cooperation_possible
    assert m.with_(conversion=Fraction(1, 2)).critical_cost().exact == Fraction(14, 3)
    assert m.with_(conversion=Fraction(1, 2)).cooperation_possible
    assert m.with_(conversion=0).critical_cost().exact == Fraction(-16, 3)
    assert isinstance(m.with_(conversion=0.2).critical_cost().value, float)
    with pytest.raises(errors.InvalidProbabilityError, match="conversion"):
        m.with_(conversion=Fraction(3, 2))


def test_powell_critical_cost_by_the_streams():
    m = PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(3, 4), cost_of_fighting=20)
    c = m.critical_cost().exact
    assert c == Fraction(44, 3)
    assert _deviation_gain(5, 3, 1, Fraction(3, 4), c) == 0
    assert m.with_(cost_of_fighting=c).cooperation_possible
    assert not m.with_(cost_of_fighting=c - Fraction(1, 100)).cooperation_possible


@given(pd_games(), st.fractions(min_value=Fraction(1, 50), max_value=Fraction(49, 50)),
       st.fractions(min_value=0, max_value=200))
def test_powell_cooperation_iff_cost_and_patience(game, delta, cost):
    T, R, P, S = game
    m = PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost)
    assert m.cooperation_possible == (_deviation_gain(T, R, P, delta, cost) >= 0)
    # raising the cost of fighting never destroys cooperation
    if m.cooperation_possible:
        assert m.with_(cost_of_fighting=cost + 1).cooperation_possible


@given(pd_games(), st.fractions(min_value=Fraction(1, 50), max_value=Fraction(49, 50)),
       st.fractions(min_value=0, max_value=200))
def test_powell_fair_wars_between_equals_change_nothing_when_conquest_pays(game, delta, cost):
    # the model allows no war between equals; were one a fair lottery over both economies it
    # would pay in the punishment phase when cost < (R - P) / (1 - delta). For R >= 0 the
    # deviator's sure attack still dominates, so the verdict is the same (for R < 0 it is not)
    T, R, P, S = game
    if R < 0:
        T, R, P, S = T - R, 0, P - R, S - R        # shift to R = 0, keeping the PD
    m = PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost)
    fair_war = R / (1 - delta) - cost
    punish = fair_war if cost < (R - P) / (1 - delta) else P / (1 - delta)
    deviate = T + delta * max(2 * R / (1 - delta) - cost, punish)
    assert m.cooperation_possible == (R / (1 - delta) >= deviate)


def test_powell_fair_wars_between_equals_matter_when_conquest_costs():
    # the nearby case the test above excludes: R < 0, the verdicts differ
    T, R, P, S, delta, cost = 1, -1, -3, -4, Fraction(1, 2), Fraction(3)
    m = PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost)
    assert m.cooperation_possible
    fair_war = R / (1 - delta) - cost                       # -5 > P / (1 - delta) = -6
    assert cost < (R - P) / (1 - delta)
    assert R / (1 - delta) < T + delta * max(2 * R / (1 - delta) - cost, fair_war)


def test_powell_by_direct_sums_of_the_payoff_streams():
    # independent of the closed forms: sum the three streams period by period (cooperate
    # forever; exploit once, then mutual defection; exploit once, then attack and run both
    # economies) over a long horizon, on a grid of integer games, discounts and costs
    checked = 0
    for S, P, R, T in [(0, 1, 3, 5), (1, 2, 4, 5), (-3, 0, 2, 9), (1, 2, 3, 8)]:
        for delta in (Fraction(1, 5), Fraction(1, 2), Fraction(3, 4), Fraction(9, 10)):
            d = float(delta)
            powers = [d**t for t in range(1500)]
            coop = sum(R * x for x in powers)
            defect = T + sum(P * x for x in powers[1:])
            for cost in range(0, 60, 3):
                attack = T - d * cost + sum(2 * R * x for x in powers[1:])
                margin = coop - max(defect, attack)
                if abs(margin) < 1e-6:
                    continue
                m = PowellGains(T, R, P, S, delta=delta, cost_of_fighting=cost)
                assert m.cooperation_possible == (margin > 0), (T, R, P, S, delta, cost)
                checked += 1
    assert checked > 300


def test_powell_friedman_threshold_matches_the_repeated_game_solver():
    m = PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(9, 10), cost_of_fighting=100)
    grim = [A.grim_trigger()] * 2
    assert ml.solvers.critical_discount(m.game, grim).exact == m.critical_discount().value
    assert m.with_(delta=Fraction(1, 4)).critical_cost().attainable is False


def test_powell_bad_inputs():
    with pytest.raises(errors.InvalidGameError, match="Prisoners' Dilemma"):
        PowellGains(T=3, R=4, P=1, S=0, delta=Fraction(1, 2), cost_of_fighting=1)
    with pytest.raises(errors.InvalidProbabilityError, match="delta"):
        PowellGains(T=5, R=3, P=1, S=0, delta=1, cost_of_fighting=1)
    with pytest.raises(errors.InvalidArgumentError, match="cost_of_fighting"):
        PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(1, 2), cost_of_fighting=-1)


class TestRelativeGainsContract(ModelContract):
    def make(self):
        return RelativeGains(T=3, R=4, P=1, S=0, relative_weight=Fraction(1, 2))

    def make_other(self):
        return RelativeGains(T=3, R=4, P=1, S=0, relative_weight=Fraction(1, 2), n=3)

    changes = {"n": 4, "relative_weight": Fraction(1, 3)}
    bad = [
        (lambda: RelativeGains(T=3, R=4, P=1, S=0, n=1), errors.InvalidArgumentError, "n must"),
        (lambda: RelativeGains(T=3, R=4, P=1, S=0, relative_weight=2),
         errors.InvalidProbabilityError, "relative_weight"),
        (lambda: RelativeGains(T=3, R=4, P=1, S=0, relative_weight=-0.1),
         errors.InvalidProbabilityError, "relative_weight"),
    ]
    bad_changes = [({"n": 0}, errors.InvalidArgumentError, "n must")]
    exact_kwargs = {"T": 3, "R": 4, "P": 1, "S": 0, "relative_weight": Fraction(1, 2)}
    float_kwargs = {"T": 3.0, "R": 4.0, "P": 1.0, "S": 0.0, "relative_weight": 0.5}
    outputs = [lambda m: m.threshold(), lambda m: m.game.trps(0)]


class TestPowellGainsContract(ModelContract):
    def make(self):
        return PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(3, 4), cost_of_fighting=20)

    def make_other(self):
        return PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(3, 4), cost_of_fighting=10)

    changes = {"delta": Fraction(9, 10), "cost_of_fighting": 5}
    bad = [
        (lambda: PowellGains(T=5, R=3, P=1, S=0, delta=0, cost_of_fighting=1),
         errors.InvalidProbabilityError, "delta"),
        (lambda: PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(1, 2), cost_of_fighting=-1),
         errors.InvalidArgumentError, "cost_of_fighting"),
    ]
    bad_changes = [({"delta": 2}, errors.InvalidProbabilityError, "delta")]
    exact_kwargs = {"T": 5, "R": 3, "P": 1, "S": 0, "delta": Fraction(3, 4),
                    "cost_of_fighting": 20}
    float_kwargs = {"T": 5.0, "R": 3.0, "P": 1.0, "S": 0.0, "delta": 0.75,
                    "cost_of_fighting": 20.0}
    outputs = [lambda m: m.critical_cost(), lambda m: m.critical_discount()]


def test_nearby_false_statements_fail_over_the_claims_domains():
    # the claims can fail: 'cooperation iff r < threshold' (strict), 'more states hurt' and
    # 'cooperation iff cost >= half the critical cost' are refuted over the same classes
    import dataclasses

    from multilateral import claims

    def strict(inst):
        m0 = inst[0].with_(n=2)
        b = m0.threshold().exact
        probes = [m0, *([m0.with_(relative_weight=b)] if b < 1 else [])]
        return all(m.cooperation_is_equilibrium == (m.relative_weight < b) for m in probes)

    def fewer(inst):
        model, more = inst
        return (not model.with_(n=more).cooperation_is_equilibrium
                or model.cooperation_is_equilibrium)

    def half_cost(m):
        c = m.critical_cost()
        if not c.attainable or c.exact <= 0:
            return True
        return m.cooperation_possible == (m.cost_of_fighting >= c.exact / 2)

    for claim, pred in ((claims.RELATIVE_GAINS_BLOCK_COOPERATION, strict),
                        (claims.RELATIVE_GAINS_FADE_WITH_NUMBERS, fewer)):
        false = dataclasses.replace(claim, name=claim.name + "_nearby_false", predicate=pred)
        assert not false.verify(max_examples=100).holds, claim.name
    # the half-cost statement fails on few of the domain's draws (a search of 100 examples
    # finds one for about half of the seeds, so whether the fixed search finds one depended on
    # hypothesis's version): an instance the search found, on which the claim itself holds
    found = ml.models.PowellGains(T=4, R=3, P=1, S=0, delta=Fraction(17, 50),
                                  cost_of_fighting=Fraction(1, 2), conversion=Fraction(1, 10))
    assert claims.CHEAP_FORCE_BLOCKS_COOPERATION.holds(found) and not half_cost(found)
