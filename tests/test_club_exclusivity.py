"""The value of exclusivity: rival club sponsors' rules (multilateral.models.club_exclusivity)."""

import itertools
from fractions import Fraction

import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import ClubExclusivity, RivalClubs
from multilateral.solvers import pure_nash_equilibria
from multilateral.strategies import club_exclusivity_models

F = Fraction
RULE_PAIRS = list(itertools.product(("open", "exclusive"), repeat=2))
quarters = st.integers(0, 20).map(lambda k: F(k, 4))


@st.composite
def rival_clubs_parameters(draw, max_n=3):
    n = draw(st.integers(2, max_n))
    return dict(club_values=[[draw(quarters), draw(quarters)] for _ in range(n)],
                facility_cost=[draw(quarters), draw(quarters)],
                congestion=[F(draw(st.integers(0, 8)), 8) for _ in range(2)],
                hedging_cost=draw(quarters))


# -- reduction: with both rules open (and no fee) the sorting stage IS RivalClubs ----------
@settings(max_examples=40, deadline=None)
@given(rival_clubs_parameters(), st.sampled_from(RULE_PAIRS))
def test_reduces_exactly_to_rival_clubs(params, rules):
    model = ClubExclusivity(**params, loyalty=[1, 2], member_value=[F(1, 2), 3])
    exclusive = "exclusive" in rules
    rival = RivalClubs(**params, exclusive=exclusive)
    game = model.membership_game(rules)
    assert game == rival                                  # equal by value, field by field
    assert model.sorting_equilibria(rules) == rival.equilibria()
    assert model.selected_sortings(rules) == rival.potential_maximizers()
    for p in itertools.product(range(3 if exclusive else 4), repeat=model.n):
        assert game.payoffs(p) == rival.payoffs(p)


@settings(max_examples=25, deadline=None)
@given(rival_clubs_parameters(), quarters, quarters)
def test_a_fee_is_a_lower_value_to_the_states(params, fee_a, fee_b):
    model = ClubExclusivity(**params, fee=[fee_a, fee_b])
    net = [[a - fee_a, b - fee_b] for a, b in params["club_values"]]
    assert model.membership_game() == RivalClubs(**{**params, "club_values": net})


def test_buchanan_optimal_size_through_the_sorting_stage():
    # Buchanan (1965): the optimal membership rises with the good's cost, falls with crowding
    # (reproduced in test_rival_clubs; here through ClubExclusivity's sorting stage)
    game = ClubExclusivity([[1, 1]] * 20, facility_cost=16, congestion=1).membership_game()
    assert game.optimal_size() == 4                           # sqrt(16 / 1)
    assert game.with_(facility_cost=36).optimal_size() == 6
    assert game.with_(congestion=4).optimal_size() == 2


# -- the derived objects, checked against enumeration ----------------------------------------
@settings(max_examples=40, deadline=None)
@given(club_exclusivity_models(max_n=3))
def test_selection_is_among_all_equilibria_and_the_value_within_their_range(model):
    for rules in RULE_PAIRS:
        assert set(model.selected_sortings(rules)) <= set(model.sorting_equilibria(rules))
    for k, rival in itertools.product((0, 1), ("open", "exclusive")):
        low, high = model.exclusivity_range(k, rival)
        assert low <= model.value_of_exclusivity(k, rival) <= high


@settings(max_examples=40, deadline=None)
@given(club_exclusivity_models(max_n=3), st.integers(0, 16).map(lambda k: F(k, 4)))
def test_value_decomposes_and_the_loyalty_threshold_is_exact(model, loyalty):
    for k in (0, 1):
        if k == 0:
            varied = model.with_(loyalty=[loyalty, model.loyalty[1]])
        else:
            varied = model.with_(loyalty=[model.loyalty[0], loyalty])
        threshold = model.loyalty_threshold(k)
        pays = varied.value_of_exclusivity(k) >= 0
        assert pays == (threshold.attainable and (loyalty >= threshold.exact
                                                  if threshold.holds_above
                                                  else loyalty <= threshold.exact))
        # the identity: (member value + fee) * change in members + loyalty * exclusive gain
        size_e = _mean_members(model, k, ("exclusive", "open") if k == 0 else ("open", "exclusive"))
        size_o = _mean_members(model, k, ("open", "open"))
        alone_o = _mean_members(model, k, ("open", "open"), alone=True)
        expected = ((varied.member_value[k] + varied.fee[k]) * (size_e - size_o)
                    + loyalty * (size_e - alone_o) - varied.exclusion_cost[k])
        assert varied.value_of_exclusivity(k) == expected
        # against an exclusive rival only the enforcement cost is at stake
        assert varied.value_of_exclusivity(k, "exclusive") == -varied.exclusion_cost[k]


def _mean_members(model, k, rules, alone=False):
    sortings = model.selected_sortings(rules)
    counts = [sum(c == k + 1 if alone else (c >> k) & 1 for c in p) for p in sortings]
    return F(sum(counts), len(counts))


@settings(max_examples=40, deadline=None)
@given(club_exclusivity_models(max_n=3))
def test_rule_equilibria_closed_form_and_generic_solver(model):
    va, vb = model.value_of_exclusivity(0), model.value_of_exclusivity(1)
    free = model.exclusion_cost == (0, 0)
    expected = []
    if va <= 0 and vb <= 0:
        expected.append(("open", "open"))
    if vb >= 0:
        expected.append(("open", "exclusive"))
    if va >= 0:
        expected.append(("exclusive", "open"))
    if free:
        expected.append(("exclusive", "exclusive"))
    assert model.rule_equilibria() == tuple(expected)
    rules = ("open", "exclusive")
    solved = {(rules[a], rules[b]) for a, b in pure_nash_equilibria(model.game)}
    assert solved == set(expected)


@settings(max_examples=40, deadline=None)
@given(club_exclusivity_models(max_n=3))
def test_when_a_state_joins_both_by_brute_force(model):
    everyone = (3,) * model.n
    threshold = model.universal_hedging_threshold()
    game = model.membership_game()
    for h in {F(0), F(1, 4), F(1), F(3), *([threshold.exact] if threshold.attainable else [])}:
        at = game.with_(hedging_cost=h)
        assert at.is_equilibrium(everyone) == (threshold.attainable and h <= threshold.exact)
    for rules in RULE_PAIRS:
        for p in model.sorting_equilibria(rules):
            for i, c in enumerate(p):
                if c == 3:
                    assert rules == ("open", "open")
                    bound = model.dual_membership_bound(i)
                    assert bound.attainable and model.hedging_cost <= bound.exact


# -- worked cases -----------------------------------------------------------------------------
def test_exclusivity_pays_or_backfires_with_loyalty():
    # a swing state between an A-leaning and a B-leaning state; everybody hedges when open
    game = ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3)
    assert game.selected_sortings(("open", "open")) == ((3, 3, 3),)
    # exclusivity forces a choice: the swing state goes either way (two maximisers)
    assert game.selected_sortings(("exclusive", "open")) == ((1, 1, 2), (1, 2, 2))
    assert game.value_of_exclusivity(0) == F(-3, 2)      # backfires: A loses 3/2 members
    assert game.loyalty_threshold(0).exact == 1           # ... unless loyalty is at least 1
    assert game.with_(loyalty=[2, 0]).value_of_exclusivity(0) == F(3, 2)
    assert game.rule_equilibria() == (("open", "open"), ("exclusive", "exclusive"))
    costly = game.with_(loyalty=2, exclusion_cost=1)       # chicken: each wants the other
    assert costly.rule_equilibria() == (("open", "exclusive"), ("exclusive", "open"))


def test_exclusivity_backfires_when_members_choose_neither():
    # club A's loyalist (state 0) cannot afford A alone; the others share its cost only
    # while they may also belong to B
    game = ClubExclusivity([[5, 0], [F(7, 2), 6], [F(7, 2), 6]], facility_cost=[6, 3],
                           loyalty=[5, 0])
    assert game.selected_sortings(("open", "open")) == ((1, 3, 3),)
    # exclusive: the hedgers choose the rival, the loyalist neither: the club collapses
    assert game.selected_sortings(("exclusive", "open")) == ((0, 2, 2),)
    assert game.value_of_exclusivity(0) == -8            # 3 members and 1 loyal one lost
    assert not game.loyalty_threshold(0).attainable       # no loyalty makes it pay
    assert game.exclusivity_range(0) == (-8, 0)


def test_float_inputs_give_floats():
    game = ClubExclusivity([[5.0, 2.0], [3.0, 3.0], [2.0, 5.0]], facility_cost=3.0,
                           loyalty=[2.0, 0.0])
    assert game.value_of_exclusivity(0) == pytest.approx(1.5)
    assert isinstance(game.value_of_exclusivity(0), float)
    assert game.loyalty_threshold(0).value == pytest.approx(1.0)


def test_labels_and_mekong_states():
    from multilateral.cases import mekong
    game = mekong.club_exclusivity([[4, 3]] * 5, facility_cost=[6, 6], loyalty=[2, 2])
    assert game.labels == mekong.RIPARIAN
    assert game.selected_sortings(("open", "open")) == ((3,) * 5,)
    assert game.dual_membership_bound("Thailand").attainable


# -- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("make, match", [
    (lambda: ClubExclusivity([[1, 1]]), "n >= 2"),
    (lambda: ClubExclusivity([1, 2, 3]), r"shape \(n, 2\)"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]], loyalty=-1), "loyalty must be >= 0"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]], fee=[1, 2, 3]), "fee: one number"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]], hedging_cost=-1), "hedging_cost"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).sponsor_values(("open", "closed")), "rules"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).value_of_exclusivity(2), "club is 0"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).sponsor_payoffs((0, 4)), "choices are 0"),
    (lambda: ClubExclusivity([[1, 1]] * 9).selected_sortings(("open", "open")), "at most 8"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).dual_membership_bound(5), "state index"),
    # review: these were accepted silently (truncated to an integer or read as club 1) or
    # reported with a message about a pair of rules / a method the model does not have
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).dual_membership_bound(1.5), "state: an index"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).dual_membership_bound(True), "state: an index"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).sponsor_payoffs((0.5, 1)), "integer codes"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).value_of_exclusivity(True), "club is 0"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).value_of_exclusivity(0, "closed"),
     "rival_rule: the rival sponsor's rule"),
    (lambda: ClubExclusivity([[1, 1], [1, 1]]).exclusivity_range(0, None), "rival_rule"),
    (lambda: ClubExclusivity([[1, 1]] * 9).exclusivity_range(0),
     r"at most 8 states, got 9 \(universal_hedging_threshold"),
])
def test_bad_input(make, match):
    with pytest.raises(errors.InvalidArgumentError, match=match):
        make()


class TestClubExclusivityContract(ModelContract):
    def make(self):
        return ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3)

    def make_other(self):
        return ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3, loyalty=2)

    changes = {"loyalty": (F(3), F(3)), "exclusion_cost": (F(1), F(0)), "fee": (F(1, 2), F(0))}
    bad = [(lambda: ClubExclusivity([[1, 1]]), errors.InvalidArgumentError, "n >= 2"),
           (lambda: ClubExclusivity([[1, 1], [1, 1]], member_value=-1),
            errors.InvalidArgumentError, "member_value must be >= 0")]
    bad_changes = [({"loyalty": -1}, errors.InvalidArgumentError, "loyalty")]
    exact_kwargs = {"club_values": [[5, 2], [3, 3], [2, 5]], "facility_cost": 3,
                    "loyalty": F(1, 2)}
    float_kwargs = {"club_values": [[5.0, 2.0], [3.0, 3.0], [2.0, 5.0]], "facility_cost": 3.0,
                    "loyalty": 0.5}
    outputs = [lambda m: m.value_of_exclusivity(0), lambda m: m.sponsor_values(("open", "open")),
               lambda m: m.loyalty_threshold(0), lambda m: m.universal_hedging_threshold()]


def test_public_name():
    assert ml.models.ClubExclusivity is ClubExclusivity


# -- the selection: the zero-noise limit of asynchronous logit dynamics (review) --------------
def _logit_stationary(game, noise, simultaneous=False):
    """Stationary distribution of logit dynamics on a sorting game, by brute force: one state
    at a time revising (each drawn with probability 1/n), or each state revising
    independently with probability 1/2 (simultaneous)."""
    import numpy as np
    n, choices = game.n, 3 if game.exclusive else 4
    profiles = list(itertools.product(range(choices), repeat=n))
    index = {p: j for j, p in enumerate(profiles)}
    moves = np.zeros((len(profiles), len(profiles)))
    for p in profiles:
        logit = []
        for i in range(n):
            u = np.array([float(game.payoffs((*p[:i], a, *p[i + 1:]))[i])
                          for a in range(choices)])
            w = np.exp((u - u.max()) / noise)
            logit.append(w / w.sum())
        if not simultaneous:
            for i, a in itertools.product(range(n), range(choices)):
                moves[index[p], index[(*p[:i], a, *p[i + 1:])]] += logit[i][a] / n
            continue
        for revising in itertools.product((False, True), repeat=n):
            for acts in itertools.product(range(choices), repeat=n):
                if any(not r and a for r, a in zip(revising, acts, strict=True)):
                    continue
                prob = np.prod([logit[i][a] / 2 if r else 1 / 2
                                for i, (r, a) in enumerate(zip(revising, acts, strict=True))])
                new = tuple(a if r else x for r, a, x in zip(revising, acts, p, strict=True))
                moves[index[p], index[new]] += prob
    values, vectors = np.linalg.eig(moves.T)
    pi = np.real(vectors[:, np.argmin(np.abs(values - 1))])
    return profiles, pi / pi.sum()


@settings(max_examples=15, deadline=None)
@given(rival_clubs_parameters(max_n=2), st.sampled_from(RULE_PAIRS))
def test_asynchronous_logit_dynamics_have_the_gibbs_distribution(params, rules):
    import numpy as np
    game = ClubExclusivity(**params).membership_game(rules)
    profiles, pi = _logit_stationary(game, noise=0.5)
    phi = np.array([float(game.potential(p)) for p in profiles])
    gibbs = np.exp((phi - phi.max()) / 0.5)
    assert np.allclose(pi, gibbs / gibbs.sum(), atol=1e-9)


def test_equal_weights_need_asynchronous_revision():
    # three tied potential maximisers: asynchronous logit dynamics weight them equally as the
    # noise vanishes (the selection's justification); simultaneous revision does not, and
    # keeps mass on (0, 1), which is not even an equilibrium
    model = ClubExclusivity([[1, F(5, 2)], [F(1, 2), 0]], facility_cost=[1, F(7, 2)],
                            hedging_cost=F(1, 2))
    selected = model.selected_sortings(("open", "open"))
    assert selected == ((0, 0), (1, 0), (1, 1))
    game = model.membership_game()
    profiles, pi = _logit_stationary(game, noise=0.02)
    for p in selected:
        assert pi[profiles.index(p)] == pytest.approx(1 / 3, abs=1e-6)
    profiles, pi = _logit_stationary(game, noise=0.02, simultaneous=True)
    weights = [pi[profiles.index(p)] for p in ((0, 0), (1, 0), (1, 1), (0, 1))]
    assert weights == pytest.approx([10 / 33, 12 / 33, 10 / 33, 1 / 33], abs=1e-6)
    assert not game.is_equilibrium((0, 1))


# -- enumeration: fast at n = 8, the same equilibria as RivalClubs (review) --------------------
def test_eight_states_enumerate_in_well_under_a_second_each():
    import time
    values = [[F(k % 5 + 1), F((3 * k) % 5 + 1)] for k in range(8)]
    model = ClubExclusivity(values, facility_cost=3, congestion=F(1, 8), hedging_cost=F(1, 2),
                            loyalty=1, exclusion_cost=F(1, 4))
    start = time.perf_counter()
    model.rule_equilibria()
    model.exclusivity_range(0)
    model.exclusivity_range(1, "exclusive")
    assert time.perf_counter() - start < 2.0   # was about 8 s (object Fractions, per profile)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 4), st.data())
def test_float_equilibria_are_rival_clubs_equilibria(n, data):
    tenths = st.integers(0, 50).map(lambda k: k / 10)
    params = dict(club_values=[[data.draw(tenths), data.draw(tenths)] for _ in range(n)],
                  facility_cost=[data.draw(tenths), data.draw(tenths)],
                  congestion=[data.draw(tenths) / 10, data.draw(tenths) / 10],
                  hedging_cost=data.draw(tenths))
    model = ClubExclusivity(**params)
    for rules in RULE_PAIRS:
        rival = RivalClubs(**params, exclusive="exclusive" in rules)
        assert model.sorting_equilibria(rules) == rival.equilibria()
        assert model.selected_sortings(rules) == rival.potential_maximizers()


def test_huge_denominators_stay_exact():
    tiny = F(1, 10 ** 30)
    model = ClubExclusivity([[1 + tiny, 1], [1, 1 + 2 * tiny], [1, 1]], facility_cost=2,
                            hedging_cost=F(1, 3))
    rival = RivalClubs([[1 + tiny, 1], [1, 1 + 2 * tiny], [1, 1]], facility_cost=2,
                       hedging_cost=F(1, 3))
    assert model.selected_sortings(("open", "open")) == rival.potential_maximizers()
    assert model.sorting_equilibria(("open", "open")) == rival.equilibria()


# -- the claim's predicate can fail: nearby false statements are caught (review) ---------------
def test_exclusivity_value_predicate_rejects_nearby_false_statements(monkeypatch):
    from multilateral.results import Threshold
    predicate = ml.claims.EXCLUSIVITY_VALUE.predicate
    # a congested pair in both clubs, the third state out: a dual member above its surplus
    # with FULL clubs (3 - f(3) = 1 < 3/2) but not above it at Buchanan's size (3 - f(2) = 2)
    crowded = ClubExclusivity([[3, 3], [3, 3], [0, 0]], congestion=1, hedging_cost=F(3, 2))
    assert (3, 3, 0) in crowded.sorting_equilibria(("open", "open"))
    at_threshold = ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3, loyalty=[1, 0])
    assert at_threshold.value_of_exclusivity(0) == 0      # exactly at the loyalty threshold
    for model in (crowded, at_threshold):
        assert predicate(model)

    def full_clubs(self, player):
        n, i = self.n, self._index(player)
        game = self.membership_game()
        low = min(game.club_values[i, k] - game.facility_cost[k] / n
                  - game.congestion[k] * (n - 1) for k in range(2))
        return Threshold.at(low, "hedging_cost", holds_above=False)

    with monkeypatch.context() as m:
        m.setattr(ClubExclusivity, "dual_membership_bound", full_clubs)
        assert not predicate(crowded)
    threshold = ClubExclusivity.loyalty_threshold
    with monkeypatch.context() as m:
        m.setattr(ClubExclusivity, "loyalty_threshold", lambda self, k: Threshold.at(
            threshold(self, k).exact * F(11, 10) + F(1, 100), "loyalty"))
        assert not predicate(at_threshold)
    with monkeypatch.context() as m:                      # strict equilibria only
        rule_equilibria = ClubExclusivity.rule_equilibria
        m.setattr(ClubExclusivity, "rule_equilibria",
                  lambda self: rule_equilibria(self)[:-1] if self.exclusion_cost == (0, 0)
                  else rule_equilibria(self))
        assert not predicate(at_threshold)


@pytest.mark.parametrize("scale", [1.0, 1e9, 1e12])
def test_float_tolerances_are_in_each_quantitys_own_units(scale):
    # the states' values in large units, the sponsors' in small ones: the sponsors' values of
    # exclusivity (-3/2 for B) and A's loyalty threshold (1) must not vanish in a tolerance
    # scaled by the states' values (they did at 1e9: threshold '-0', a spurious equilibrium)
    game = ClubExclusivity([[5 * scale, 2 * scale], [3 * scale, 3 * scale],
                            [2 * scale, 5 * scale]], facility_cost=3 * scale, loyalty=[2.0, 0.0])
    assert game.loyalty_threshold(0).value == pytest.approx(1.0)
    assert game.value_of_exclusivity(1) == pytest.approx(-1.5)
    assert game.rule_equilibria() == (("exclusive", "open"), ("exclusive", "exclusive"))
    assert str(game.with_(loyalty=0.0, member_value=0.0).loyalty_threshold(0)) == (
        "Threshold(loyalty >= 0)")


def test_float_hedging_thresholds_at_a_zero_surplus():
    # each state's value equals its share of a full club's cost (the nearest float to
    # 1.1 / 3, ...); the float surplus can round below 0, which read as 'none' while
    # everyone in both is an equilibrium at hedging cost 0
    for n, tenths in ((3, 11), (5, 21), (6, 11), (7, 36)):
        share = float(F(tenths, 10 * n))
        game = ClubExclusivity([[share, share]] * n, facility_cost=tenths / 10)
        threshold = game.universal_hedging_threshold()
        assert game.membership_game().is_equilibrium((3,) * n)
        assert threshold.attainable and threshold.value == pytest.approx(0, abs=1e-12)
        assert game.dual_membership_bound(0).attainable
