"""Published values printed by the crisis examples (issue 17), checked against the library.

Each test names the source, its locator and where the value was read. Abstracts were read
on the publishers' or indexers' pages named in the docstrings; full texts were mostly not
reachable, so most checks are of statements, not tables.
"""

from fractions import Fraction
from itertools import pairwise

import multilateral as ml


def test_textbook_chicken_mixed_equilibrium_and_three_card_device():
    """Chicken with payoffs 6 (both chicken out), 7 / 2 (one dares), 0 (both dare).

    Wikipedia, "Correlated equilibrium", section "An example" (read via liquisearch.com's
    copy): in the mixed equilibrium each player dares with probability 1/3; the device
    drawing (C, C), (D, C), (C, D) with probability 1/3 each is a correlated equilibrium with
    expected payoff 7/3 + 2/3 + 6/3 = 5, "higher than the expected payoff of the mixed
    strategy Nash equilibrium". A homework sheet (Heilman, UCLA Math 167, hw 6, on
    coursehero) states the same game and device and asks for one worth more than 5. The
    game is credited to Aumann (1974); his pages were not reached.
    """
    crisis = ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6)
    shift = 6  # payoffs are measured from the compromise (6 in the textbook)
    comparison = crisis.compare()
    assert comparison.nash_firmness == Fraction(1, 3)
    cards = [[Fraction(1, 3), Fraction(1, 3)], [Fraction(1, 3), 0]]
    assert ml.solvers.is_correlated_equilibrium(crisis.game, cards)
    worth = sum(cards[i][j] * crisis.game.payoffs[i, j, 0] for i in (0, 1) for j in (0, 1))
    assert worth + shift == 5
    assert comparison.nash_payoff + shift == Fraction(14, 3)
    assert comparison.nash_payoff + shift < 5 < comparison.mediated_payoff + shift


def _fearon():
    return ml.models.WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
                                   cost_b_low=0, cost_b_high=Fraction(3, 10))


def test_neutrality_of_the_war_probability_to_the_balance_of_power():
    """Benson, Meirowitz and Ramsay, abstract of the working paper "The distribution of power
    and the risk of war in crisis bargaining" (read on studyres.com; published 2016 in
    *Research and Politics*): "In the standard crisis bargaining model, changes to war
    payoffs have no effect on the equilibrium probability that bargaining ends in war."
    """
    war = _fearon()
    risks = {war.with_(win_probability=Fraction(k, 10)).war_probability() for k in range(1, 7)}
    assert risks == {Fraction(1, 3)}


def test_banks_monotonicity_across_the_informed_sides_types():
    """Banks (1990), *AJPS* 34(3), p. 599, the abstract (read on CaltechAUTHORS and
    vdocuments.net): "the higher the informed player's payoff from war, the higher is his or
    her equilibrium payoff from settling the dispute short of war, and the higher is the
    equilibrium probability of war". B's payoff from war is 1 - p - c_B: a lower cost is a
    higher payoff from war.
    """
    war = _fearon()
    eq = war.equilibrium()
    types = [Fraction(k, 40) for k in range(13)]
    fights = [c < eq.cutoff for c in types]
    payoff = [1 - war.win_probability - c if f else 1 - eq.offer
              for c, f in zip(types, fights, strict=True)]
    # payoff (and the chance of war) weakly fall as the cost rises, i.e. rise with the
    # payoff from war; both strictly somewhere
    assert all(a >= b for a, b in pairwise(payoff))
    assert all(a >= b for a, b in pairwise(fights))
    assert payoff[0] > payoff[-1] and fights[0] and not fights[-1]


def test_kydd_only_a_mediator_on_your_side_is_believed():
    """Kydd (2003), *AJPS* 47(4), p. 597, the abstract (read on EconPapers and Wiley): an
    unbiased mediator "will have a strong incentive" to misreport, "hence the parties will
    not find the mediator credible. Only mediators who are effectively 'on your side' will be
    believed if they counsel restraint."
    """
    war = _fearon()
    even_handed = war.mediated(mediator_bias=Fraction(1, 2))
    on_a_side = war.mediated(mediator_bias=Fraction(3, 4))
    assert not even_handed.credible and even_handed.mediated == Fraction(1, 3)
    assert on_a_side.credible and on_a_side.mediated == 0


def test_fearon_1994_stronger_audience_less_likely_to_back_down():
    """Fearon (1994), *APSR* 88(3), p. 577, the abstract (read on cambridge.org): "the side
    with a stronger domestic audience (e.g., a democracy) is always less likely to back down
    than the side less able to generate audience costs".
    """
    costs = [Fraction(k, 8) for k in range(1, 16)]
    back_down = [ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=a)
                 .equilibrium().back_down_probability for a in costs]
    assert all(a > b for a, b in pairwise(back_down))


def test_baliga_sjostrom_arms_race_without_talk_and_with_cheap_talk():
    """Baliga and Sjöström (2004), *Review of Economic Studies* 71(2), p. 351, the abstract
    (read on Northwestern's Scholars page and the 2003 working paper on scribd): "the unique
    Bayesian-Nash equilibrium involves an arms race with probability one. However, if the
    probability that a player is a dominant strategy type is sufficiently small, then there
    is an equilibrium of the cheap-talk extension of the game where the probability of an
    arms race is close to zero." The payoffs and types are the library's.
    """
    game = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
    risks = []
    for k in (1, 10, 100, 1000):
        m = game.with_(cost_low=-Fraction(1, k))
        assert m.multiplier_effect() and m.arms_race_probabilities() == (1,)
        talk = m.cheap_talk()
        eps = m.dominant_probability()
        assert talk.is_equilibrium and talk.arms_race_probability == 2 * eps - eps**2
        risks.append(talk.arms_race_probability)
    assert risks == sorted(risks, reverse=True) and risks[-1] < Fraction(1, 1000)


def _armed(k, vulnerability):
    return ml.models.PreemptiveWar(first_strike=2 - k, war_payoff=-k,
                                   exposure=k + vulnerability * k * k, signal_noise=0.01)


def test_chassang_padro_weapons_monotone_only_under_complete_information():
    """Chassang and Padró i Miquel (2010), *QJE* 125(4), p. 1821, the abstract (read on NYU
    Scholars and LSE Research Online): "weapons unambiguously facilitate peace under
    complete information. In contrast, under strategic risk, ... increases in weapon stocks
    can have a nonmonotonic effect on the sustainability of cooperation". The weapons
    parametrization is the library's (plot_escalation.py).
    """
    weapons = [k / 20 for k in range(1, 61)]
    for vulnerability in (0.25, 0.5, 1.0):
        complete = [_armed(k, vulnerability).complete_information_threshold() for k in weapons]
        risky = [_armed(k, vulnerability).threshold() for k in weapons]
        assert all(b <= a for a, b in pairwise(complete))
        steps = [b - a for a, b in pairwise(risky)]
        assert min(steps) < 0 < max(steps)


def test_horner_morelli_squintani_mediator_as_effective_as_arbitrator():
    """Hörner, Morelli and Squintani (2015), *Review of Economic Studies* 82(4), p. 1483, the
    abstract (read on studylib.net's copy of the article and IGIER's page): "mediators can be
    equally effective as arbitrators" and "Simple protocols of unmediated communication
    cannot achieve the same level of ex ante welfare". The two-type model is the library's.
    """
    for q in (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)):
        crisis = ml.models.OptimalMediation(hawk_probability=q, hawk_advantage=1,
                                            war_cost=Fraction(1, 10))
        mediation = crisis.mediation()
        assert mediation.war_probability == crisis.arbitration().war_probability
        assert mediation.war_probability <= crisis.direct_talks().war_probability
    crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                                        war_cost=Fraction(1, 10))
    # somewhere the mediator strictly beats direct talks ("cannot achieve the same level")
    assert crisis.mediation().war_probability < crisis.direct_talks().war_probability


def test_horner_morelli_squintani_mediator_hides_a_weak_opponent():
    """Hörner, Morelli and Squintani (2015), p. 1483, the abstract: the mediator uses
    "recommendation strategies that do not reveal that one player is weak to a strong
    opponent". In the library's version: in a hawk-dove dispute the mediator sometimes
    recommends the equal split that hawks also get, and its scheme is obeyed.
    """
    crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                                        war_cost=Fraction(1, 10))
    split, _share = crisis.recommendation()
    assert 0 < split < 1
    assert crisis.mediation().credible


def test_farrell_maskin_grim_punishment_hurts_the_punishers():
    """Farrell and Maskin (1989), *Games and Economic Behavior* 1(4), p. 327, the abstract
    (read on pdfslide.us's copy): "subgame-perfect equilibria involving threats of
    punishment may be implausible if punishing one player hurts the other(s). If players
    can renegotiate after a defection, such a punishment may not be carried out." Grim
    reversion in the Prisoner's Dilemma (5, 3, 1, 0) is such a punishment: its punishment
    state is strictly worse for both than cooperation, and collective reversion is never
    renegotiation-proof in the n-member game.
    """
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    grim = ml.automata.grim_trigger()
    values = ml.solvers.profile_values(ml.RepeatedGame(pd, Fraction(3, 4)), [grim, grim])
    cooperating, punishing = values.state_values[0], values.state_values[-1]
    assert all(p < c for p, c in zip(punishing, cooperating, strict=True))
    model = ml.models.Sanctions(n=3, mpcr=Fraction(1, 2))
    for n in (3, 5, 10):
        assert not model.is_renegotiation_proof("untargeted", n=n)


def test_signorino_nonstrategic_probit_misstates_the_war_curve():
    """Signorino (1999), *APSR* 93(2), the abstract (read on cambridge.org): "logit provides
    estimates with incorrect substantive interpretations as well as fitted values that can
    be far from the true values". His Monte Carlo tables were not reached; this checks the
    statement on one simulated sample (the design of plot_deterrence_estimation.py): the
    war curve of a probit of war alone is monotonic in the balance and farther from the
    true curve than the strategic probit's, which rises and then falls like the truth.
    """
    import numpy as np
    from scipy import special

    from multilateral.estimation import (
        egame12_probabilities,
        fit_egame12,
        maximize_likelihood,
        simulate_egame12,
    )

    rng = np.random.default_rng(1999)
    n = 1500
    balance = rng.uniform(0, 1, n)
    revisionist = (rng.random(n) < 0.4).astype(float)
    ally = (rng.random(n) < 0.3).astype(float)
    regressors = {"u11": {"const": 1, "revisionist": revisionist},
                  "u14": {"const": 1, "balance": balance},
                  "u24": {"const": 1, "balance": balance, "ally": ally}}
    truth = {"u11": [0.8, -1.2], "u14": [-1.5, 2.0], "u24": [0.6, -2.0, 1.0]}
    outcomes = simulate_egame12(truth, regressors, seed=rng)
    fit = fit_egame12(outcomes, regressors, kind="agent", link="probit")
    design = np.column_stack([np.ones(n), revisionist, balance, ally])
    sign = np.where(outcomes == 2, 1.0, -1.0)
    naive = maximize_likelihood(lambda b: float(-special.log_ndtr(sign * (design @ b)).sum()),
                                np.zeros(4), n_obs=n, title="probit of war",
                                names=("const", "revisionist", "balance", "ally"))
    grid = np.linspace(0, 1, 101)
    new = {"u11": {"const": 1, "revisionist": np.ones_like(grid)},
           "u14": {"const": 1, "balance": grid},
           "u24": {"const": 1, "balance": grid, "ally": np.zeros_like(grid)}}
    true_war = egame12_probabilities(truth, new)[:, 2]
    strategic_war = fit.predict(new)[:, 2]
    naive_war = special.ndtr(np.column_stack([np.ones_like(grid), np.ones_like(grid), grid,
                                              np.zeros_like(grid)]) @ naive.params)
    assert np.abs(naive_war - true_war).max() > 2 * np.abs(strategic_war - true_war).max()
    peak = true_war.argmax()
    assert 0 < peak < len(grid) - 1  # the truth rises, then falls
    assert 0 < strategic_war.argmax() < len(grid) - 1
