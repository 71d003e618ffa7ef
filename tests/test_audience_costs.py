"""Audience costs in a crisis (after Fearon 1994): the closed-form PBE checked on the tree."""

import dataclasses
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import AudienceCosts

F = Fraction
TOL = 1e-12


@st.composite
def crises(draw):
    return AudienceCosts(
        prior=F(draw(st.integers(1, 19)), 20),
        audience_cost=F(draw(st.integers(0, 40)), 10),
        resolved_war=F(draw(st.integers(0, 10)), 10),
        irresolute_war=-F(draw(st.integers(1, 30)), 10),
        defender_war_cost=1 + F(draw(st.integers(1, 40)), 10),
    )


def _gains(game, profile, player_infosets):
    """The largest gain from a unilateral switch to a pure action at any of the given
    information sets (ex ante)."""
    base = game.expected_payoffs(profile)
    worst = -np.inf
    for i in player_infosets:
        owner = int(game.infoset_player[i])
        for j in range(int(game.n_actions[i])):
            pure = [0] * int(game.n_actions[i])
            pure[j] = 1
            deviated = list(profile)
            deviated[i] = pure
            worst = max(worst, game.expected_payoffs(deviated)[owner] - base[owner])
    return worst


def _check_pbe(model):
    game, eq = model.game, model.equilibrium()
    profile = model.behavior_profile()
    # the closed form's payoffs are the tree's expected payoffs of the behaviour profile
    assert game.expected_payoffs(profile) == pytest.approx([float(v) for v in eq.payoffs])
    # no profitable deviation at any information set (ex ante: every set but the resisted
    # ones is reached with positive probability)
    assert _gains(game, profile, range(game.n_infosets)) <= TOL
    # sequential rationality off the path: make every resisted node reachable (threaten,
    # resist) and check the challenger's choices there
    labels = [s.label for s in game.infosets]
    forced = list(profile)
    forced[labels.index("resolved")] = (0, 1)
    forced[labels.index("irresolute")] = (0, 1)
    forced[labels.index("threat")] = (0, 1)
    resisted = [labels.index("resolved, resisted"), labels.index("irresolute, resisted")]
    assert _gains(game, forced, resisted) <= TOL
    # the defender's belief is Bayes' rule on the tree
    reach = game.reach_probabilities(profile)
    (threat,) = [s for s in game.infosets if s.label == "threat"]
    at = reach[list(threat.nodes)]
    assert at[0] / at.sum() == pytest.approx(float(eq.belief))


def test_semi_separating_equilibrium():
    crisis = AudienceCosts(prior=F(1, 4), audience_cost=1)
    eq = crisis.equilibrium()
    assert eq.regime == "semi-separating"
    assert (eq.bluff, eq.resist, eq.belief) == (F(1, 3), F(1, 2), F(1, 2))
    assert (eq.war_probability, eq.back_down_probability) == (F(1, 8), F(1, 4))
    # the resolved type (war worth 1/2) gets 1/2 * 1 + 1/2 * 1/2 = 3/4, the bluffer 0
    assert eq.payoffs == (F(3, 16), F(-1, 2))
    assert eq.unique
    _check_pbe(crisis)


@pytest.mark.parametrize("kwargs, regime", [
    ({"prior": F(1, 4), "audience_cost": 2}, "hands tied"),
    ({"prior": F(3, 4), "audience_cost": 1}, "pooling"),
    ({"prior": F(1, 4), "audience_cost": 0}, "semi-separating"),
])
def test_regimes_are_equilibria_of_the_tree(kwargs, regime):
    crisis = AudienceCosts(**kwargs)
    eq = crisis.equilibrium()
    assert eq.regime == regime
    _check_pbe(crisis)
    if regime != "semi-separating":
        assert eq.war_probability == eq.back_down_probability == eq.resist == 0


@settings(max_examples=40, deadline=None)
@given(crises())
def test_closed_form_is_a_pbe_of_the_tree(crisis):
    _check_pbe(crisis)


@settings(max_examples=60)
@given(crises(), st.integers(1, 20))
def test_fearon_higher_audience_costs_less_backing_down(crisis, step):
    # Fearon (1994), p. 577: the side with the stronger domestic audience is less likely
    # to back down; here, too, its opponent concedes more often
    low, high = crisis.equilibrium(), crisis.with_(
        audience_cost=crisis.audience_cost + F(step, 10)).equilibrium()
    assert high.back_down_probability <= low.back_down_probability
    assert high.resist <= low.resist
    assert high.war_probability <= low.war_probability


def _all_pbe(crisis, extra=()):
    """Every perfect Bayesian equilibrium whose mixing probabilities lie on a grid (twelfths
    plus ``extra``), found by checking each type's and the defender's best responses
    directly (not through the closed form): tuples ``(threat_resolved, threat_irresolute,
    resist, fight_resolved, fight_irresolute)``."""
    q, a, r = crisis.prior, crisis.audience_cost, crisis.resolved_war
    w, k = crisis.irresolute_war, crisis.defender_war_cost
    # the grid holds the values at which a type or the defender is made indifferent
    critical = (1 / (1 + a), q * (k - 1) / (1 - q), *extra)
    grid = sorted({F(i, 12) for i in range(13)} | {x for x in critical if 0 <= x <= 1})

    def fights(war):  # sequential rationality once resisted: fight, back down, or a tie
        return [F(1)] if war > -a else [F(0)] if war < -a else [F(0), F(1, 3), F(1)]

    found = []
    for f_r in fights(r):
        for f_i in fights(w):
            resisted = (f_r * r - (1 - f_r) * a, f_i * w - (1 - f_i) * a)
            for t_r in grid:
                for t_i in grid:
                    reach = q * t_r + (1 - q) * t_i
                    for rho in grid:
                        ok = True
                        for t, after in zip((t_r, t_i), resisted, strict=True):
                            value = (1 - rho) + rho * after   # threaten; status quo is 0
                            ok &= not ((t > 0 and value < 0) or (t < 1 and value > 0))
                        if reach > 0:   # Bayes' rule on the path
                            mu = q * t_r / reach
                            lo = hi = -k * (mu * f_r + (1 - mu) * f_i)
                        else:           # off the path: any belief
                            lo, hi = -k * max(f_r, f_i), -k * min(f_r, f_i)
                        ok &= not ((rho > 0 and hi < -1) or (rho < 1 and lo > -1))
                        if ok:
                            found.append((t_r, t_i, rho, f_r, f_i))
    return found


@pytest.mark.parametrize("kwargs, count", [
    ({"prior": F(1, 4), "audience_cost": 1}, 1),                       # semi-separating
    ({"prior": F(3, 4), "audience_cost": 1}, 1),                       # pooling
    ({"prior": F(1, 4), "audience_cost": 3}, 1),                       # hands tied
    ({"prior": F(2, 5), "audience_cost": F(1, 2), "resolved_war": 1,
      "irresolute_war": -1, "defender_war_cost": F(3, 2)}, 1),
    ({"prior": F(1, 4), "audience_cost": 1, "resolved_war": 0}, 2),    # + nobody threatens
    ({"prior": F(3, 4), "audience_cost": 1, "resolved_war": 0}, 2),
    ({"prior": F(1, 4), "audience_cost": 2}, None),                    # a = -w: a continuum
    ({"prior": F(1, 2), "audience_cost": 1}, None),                    # q k = 1
    ({"prior": F(1, 4), "audience_cost": 0}, None),                    # cheap talk
])
def test_all_equilibria_by_enumeration(kwargs, count):
    # the closed form is among the equilibria found by direct enumeration, and it is the
    # only one exactly when ``unique`` says so
    crisis = AudienceCosts(**kwargs)
    eq = crisis.equilibrium()
    found = _all_pbe(crisis, extra=(eq.bluff, eq.resist))
    assert (1, eq.bluff, eq.resist) in {s[:3] for s in found}
    assert eq.unique == (len(found) == 1)
    if count is not None:
        assert len(found) == count
    else:
        assert len(found) > 2
    if count == 2:   # the other one: nobody threatens, a threat would be resisted
        assert (0, 0, 1) in {s[:3] for s in found}


@settings(max_examples=6, deadline=None)
@given(st.builds(AudienceCosts, prior=st.integers(1, 9).map(lambda i: F(i, 10)),
                 audience_cost=st.integers(0, 8).map(lambda i: F(i, 4)),
                 resolved_war=st.integers(0, 2).map(lambda i: F(i, 2)),
                 irresolute_war=st.integers(1, 8).map(lambda i: -F(i, 4)),
                 defender_war_cost=st.integers(1, 8).map(lambda i: 1 + F(i, 4))))
def test_uniqueness_flag_matches_enumeration(crisis):
    eq = crisis.equilibrium()
    found = _all_pbe(crisis, extra=(eq.bluff, eq.resist))
    assert (1, eq.bluff, eq.resist) in {s[:3] for s in found}
    assert eq.unique == (len(found) == 1)


@pytest.mark.parametrize("q, k", [(F(1, 10), F(5, 4)), (F(3, 4), F(2))])
def test_boundary_a_equals_minus_w_has_several_equilibria(q, k):
    # hypothesis found this: at a = -w the resisted bluffer is indifferent, so besides the
    # closed form's "hands tied" the bluffer may back down (semi-separating if q k < 1,
    # pooling with a conceding defender if q k > 1)
    crisis = AudienceCosts(prior=q, audience_cost=F(1, 4), irresolute_war=-F(1, 4),
                           defender_war_cost=k)
    eq = crisis.equilibrium()
    assert eq.regime == "hands tied" and not eq.unique
    found = _all_pbe(crisis, extra=(eq.bluff, eq.resist))
    assert (1, 1, 0, 1, 1) in found
    assert (1, 1, 0, 1, 0) in found if q * k > 1 else (
        (1, q * (k - 1) / (1 - q), F(4, 5), 1, 0) in found)


def test_nearby_false_statements_fail():
    # the claim's predicate can fail: on a pair in the wrong order, and statements close to
    # it (more backing down, a more revealing threat as the audience cost rises) are false
    low, high = (AudienceCosts(prior=F(1, 4), audience_cost=a) for a in (1, F(3, 2)))
    assert ml.claims.FEARON_AUDIENCE_COSTS.holds((low, high))
    assert not ml.claims.FEARON_AUDIENCE_COSTS.holds((high, low))
    e_low, e_high = low.equilibrium(), high.equilibrium()
    assert e_high.back_down_probability < e_low.back_down_probability
    assert e_high.belief == e_low.belief == F(1, 2)

    # a "threat" that lowered the defender's belief below its prior (a signal read
    # backwards) fails the tied-hands part of the claim
    class Backwards(AudienceCosts):
        def equilibrium(self):
            eq = super().equilibrium()
            return dataclasses.replace(eq, belief=self.prior / 2)

    assert not ml.claims.FEARON_AUDIENCE_COSTS.holds(
        (Backwards(prior=F(1, 4), audience_cost=1), Backwards(prior=F(1, 4), audience_cost=2)))


@settings(max_examples=60, deadline=None)
@given(ml.strategies.audience_cost_pairs())
def test_a_fixed_audience_cost_does_not_stop_bluffs_the_departure_from_fearon_1997(pair):
    # Fearon (1997, abstract): when leaders choose how much to tie their hands, they
    # "never bluff" (create audience costs and then fail to respond if challenged). With a
    # fixed audience cost (this model) the irresolute type bluffs in the semi-separating
    # regime and backs down when resisted; it stops only when the audience cost exceeds
    # its cost of war (hands tied)
    for crisis in pair:
        eq = crisis.equilibrium()
        bluffs_and_backs_down = eq.back_down_probability > 0
        assert bluffs_and_backs_down == (eq.regime == "semi-separating")
        if eq.regime == "hands tied":
            assert crisis.audience_cost >= -crisis.irresolute_war and eq.war_probability == 0


def test_the_claims_class_has_a_unique_equilibrium():
    @settings(max_examples=40, deadline=None)
    @given(ml.strategies.audience_cost_pairs())
    def check(pair):
        assert pair[0].equilibrium().unique and pair[1].equilibrium().unique

    check()


def test_threats_inform_only_with_audience_costs():
    # with a > 0 a threat raises the defender's belief from q to 1/k; the belief does not
    # move further as a grows (the library's finding for this discrete game)
    beliefs = {a: AudienceCosts(prior=F(1, 4), audience_cost=a).equilibrium().belief
               for a in (F(1, 2), 1, F(3, 2))}
    assert set(beliefs.values()) == {F(1, 2)}
    # with a = 0 pooling on the threat (no information) is an equilibrium too
    crisis = AudienceCosts(prior=F(1, 4), audience_cost=0)
    game = crisis.game
    labels = [s.label for s in game.infosets]
    babble = list(crisis.behavior_profile())
    babble[labels.index("irresolute")] = (0, 1)
    babble[labels.index("threat")] = (0, 1)
    assert _gains(game, babble, range(game.n_infosets)) <= TOL


def test_the_generic_solver_finds_the_equilibrium_on_the_normal_form():
    # the two-player solver on the game's reduced normal form finds, among its Nash
    # equilibria, the closed form's: the defender resists with probability 1/2 and the
    # challenger's payoff is 1/8
    crisis = AudienceCosts(prior=F(1, 4), audience_cost=1)
    eq = crisis.equilibrium()
    found = [e for e in ml.solvers.nash_equilibria(crisis.game.normal_form(reduced=True))
             if e.exact[1] == (1 - eq.resist, eq.resist)]
    assert len(found) == 1
    assert found[0].payoffs.tolist() == pytest.approx([float(v) for v in eq.payoffs])


def test_float_parameters():
    eq = AudienceCosts(prior=0.25, audience_cost=1.0).equilibrium()
    assert eq.war_probability == pytest.approx(1 / 8)
    assert isinstance(eq.bluff, float)


def test_game_is_an_extensive_form_game():
    game = AudienceCosts(prior=F(1, 4), audience_cost=1).game
    assert isinstance(game, ml.ExtensiveFormGame) and game.is_exact
    assert game.players == ("Challenger", "Defender")
    assert game.normal_form(reduced=True).n_players == 2


@pytest.mark.parametrize("kwargs, error, match", [
    ({"prior": 0}, errors.InvalidProbabilityError, "prior"),
    ({"prior": F(3, 2)}, errors.InvalidProbabilityError, "prior"),
    ({"audience_cost": -1}, errors.InvalidArgumentError, "audience_cost must be >= 0"),
    ({"irresolute_war": 0}, errors.InvalidArgumentError, "irresolute_war must be < 0"),
    ({"defender_war_cost": 1}, errors.InvalidArgumentError, "defender_war_cost must be > 1"),
    ({"resolved_war": -1}, errors.InvalidArgumentError, "resolved_war must be >= 0"),
])
def test_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        AudienceCosts(**({"prior": F(1, 4), "audience_cost": 1} | kwargs))


class TestAudienceCostsContract(ModelContract):
    def make(self):
        return AudienceCosts(prior=F(1, 4), audience_cost=1)

    def make_other(self):
        return AudienceCosts(prior=F(1, 3), audience_cost=F(1, 2))

    changes = {"audience_cost": F(3, 2)}
    bad = [
        (lambda: AudienceCosts(prior=1, audience_cost=1), errors.InvalidProbabilityError,
         "prior"),
        (lambda: AudienceCosts(prior=F(1, 4), audience_cost=-1), errors.InvalidArgumentError,
         "audience_cost"),
    ]
    bad_changes = [({"defender_war_cost": F(1, 2)}, errors.InvalidArgumentError,
                    "defender_war_cost")]
    exact_kwargs = {"prior": F(1, 4), "audience_cost": 1}
    float_kwargs = {"prior": 0.25, "audience_cost": 1.0}
    outputs = [lambda m: m.equilibrium(), lambda m: m.behavior_profile(), lambda m: m.game]

    @staticmethod
    def solve(game):
        return ml.solvers.pure_nash_equilibria(game.normal_form(reduced=True))


def _mediator_prefers_truth(crisis, bias):
    """From the game's outcomes: after a threat, the defender acts on the reported type
    (concede to 'resolved'; to 'irresolute' resist unless that type would fight); the
    mediator weighs the defender's payoff by ``bias``. Truth must be strictly better for
    each type wherever a false report changes the outcome."""
    a, k, w, r = (crisis.audience_cost, crisis.defender_war_cost, crisis.irresolute_war,
                  crisis.resolved_war)
    outcome = {"concede": {"resolved": (1, -1), "irresolute": (1, -1)},
               "resist": {"resolved": (r, -k),
                          "irresolute": (w, -k) if a >= -w else (-a, 0)}}
    respond = {"resolved": "concede", "irresolute": "concede" if a >= -w else "resist"}

    def value(kind, report):
        challenger, defender = outcome[respond[report]][kind]
        return bias * defender + (1 - bias) * challenger

    return all(value(kind, kind) > value(kind, lie) or respond[kind] == respond[lie]
               for kind in ("resolved", "irresolute")
               for lie in ("resolved", "irresolute"))


@settings(max_examples=60, deadline=None)
@given(ml.strategies.audience_cost_pairs(), st.integers(0, 10))
def test_an_informed_mediator_is_believed_only_if_it_leans_to_the_defender(pair, tenths):
    # after Kydd (2003): the mediator that tells the defender the challenger's type removes
    # the war risk when believed; believed exactly when truth-telling is its strict best
    # reply, computed here from the tree's outcomes
    bias = F(tenths, 10)
    for crisis in pair:
        result = crisis.mediated(mediator_bias=bias)
        assert result.credible == _mediator_prefers_truth(crisis, bias)
        assert result.unmediated == crisis.equilibrium().war_probability
        assert result.mediated == (0 if result.credible else result.unmediated)
    # the library's finding: a higher audience cost needs a mediator leaning further
    # towards the defender (the bluffer has more to lose from the truth)
    low, high = pair
    if high.audience_cost < -high.irresolute_war:
        assert (high.mediated(mediator_bias=bias).credible
                <= low.mediated(mediator_bias=bias).credible)


def test_the_mediator_thresholds_by_hand():
    crisis = AudienceCosts(prior=F(1, 4), audience_cost=1)
    assert crisis.mediated(F(2, 3)).credible is False        # (1 + a)/(2 + a) = 2/3
    assert crisis.mediated(F(2, 3) + F(1, 100)).credible is True
    assert crisis.mediated(1).removed == F(1, 8)
    # the nearby false statement "any informed mediator removes the war risk" fails
    assert crisis.mediated(0).mediated == F(1, 8)
    # hands tied: the defender concedes whatever it hears, no war either way
    tied = crisis.with_(audience_cost=3).mediated(0)
    assert tied.unmediated == tied.mediated == 0
    with pytest.raises(errors.InvalidProbabilityError, match="mediator_bias"):
        crisis.mediated(-1)


@settings(max_examples=40, deadline=None)
@given(ml.strategies.audience_cost_pairs())
def test_the_signalling_solver_finds_the_closed_form_equilibrium(pair):
    # the generic perfect-Bayesian-equilibrium solver for signalling games, on the crisis
    # reduced to one (the resisted challenger's last move is sequentially rational), finds
    # exactly one equilibrium, the closed form's: same bluff, same response, same belief
    from multilateral.solvers.extensive.signalling import perfect_bayesian_equilibria

    for crisis in pair:
        eq = crisis.equilibrium()
        (found,) = perfect_bayesian_equilibria(crisis.signalling_game, mixed=True)
        threaten = crisis.signalling_game.messages.index("threaten")
        assert [s[threaten] for s in found.sender] == [1, eq.bluff]
        assert found.receiver[threaten].tolist() == [1 - eq.resist, eq.resist]
        assert found.beliefs[threaten][0] == eq.belief
        assert found.dimension == 0


def test_the_tree_itself_is_not_a_signalling_game():
    # the challenger moves again after the defender: the solver's shape check refuses the
    # full tree, which is why the model offers the reduced signalling_game
    from multilateral.games.extensive.signalling import SignallingGame

    crisis = AudienceCosts(prior=F(1, 4), audience_cost=1)
    with pytest.raises(errors.InvalidGameError):
        SignallingGame.from_extensive(crisis.game)
    assert crisis.signalling_game.types == ("resolved", "irresolute")


def test_the_reduction_drops_the_resolved_types_tie_at_zero():
    # resolved_war == audience_cost == 0: resisted, the resolved type is indifferent; the
    # full tree has a Nash equilibrium, sequentially rational at the resisted nodes, in which
    # both types threaten, the defender resists and both back down (no war), which the
    # signalling reduction (the resolved type fights) cannot have; the model flags it
    crisis = AudienceCosts(prior=F(1, 4), audience_cost=0, resolved_war=0)
    assert not crisis.equilibrium().unique
    nf = crisis.game.normal_form(reduced=True)
    both_back_down = nf.actions[0].index("threaten/threaten/back down/back down")
    found = [e for e in ml.solvers.nash_equilibria(nf)
             if e.exact[0][both_back_down] == 1 and e.exact[1] == (0, 1)]
    assert len(found) == 1
    g = crisis.signalling_game
    threaten = g.messages.index("threaten")
    # in the reduction a resisted resolved type's payoff is its war payoff and the defender
    # then pays the war cost: backing down is not available
    assert g.receiver_payoffs[threaten][0].tolist() == [-1, -crisis.defender_war_cost]


@settings(max_examples=30, deadline=None)
@given(ml.strategies.audience_cost_pairs())
def test_sequence_form_and_normal_form_solvers_agree_with_the_closed_form(pair):
    # two more independent solvers on the full tree (not the reduction): the sequence-form
    # Nash equilibrium has the closed form's payoffs, and every Nash equilibrium of the
    # reduced normal form whose plans are sequentially rational at the resisted nodes
    # (fight iff the war payoff beats -audience_cost) has the closed form's defender response
    from multilateral.solvers.extensive import sequence_form_equilibrium

    crisis = pair[0]
    eq = crisis.equilibrium()
    assert tuple(sequence_form_equilibrium(crisis.game).payoffs) == eq.payoffs
    nf = crisis.game.normal_form(reduced=True)
    a, wars = crisis.audience_cost, (crisis.resolved_war, crisis.irresolute_war)

    def rational(label):
        return all(act == "*" or (act == "fight") == (war > -a)
                   for act, war in zip(label.split("/")[2:], wars, strict=True))

    responses = {tuple(e.exact[1]) for e in ml.solvers.nash_equilibria(nf)
                 if all(x == 0 or rational(label)
                        for x, label in zip(e.exact[0], nf.actions[0], strict=True))}
    assert responses == {(1 - eq.resist, eq.resist)}
