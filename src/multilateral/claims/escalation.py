"""The escalation and mediation claims: fear under strategic risk, and the optimal mediator.

``WEAPONS_UNDER_STRATEGIC_RISK``: weapons unambiguously facilitate peace under complete
information, but under strategic risk their effect on peace is nonmonotonic (Chassang and
Padró i Miquel 2010, abstract), through their mechanism: weapons cut the *predatory*
incentive (a first strike is worth less) but raise the *preemptive* one (being caught at
peace costs more), and only the first matters with known stakes while both matter in the
global game (:class:`~multilateral.models.PreemptiveWar`). The predicate checks, on ladders
of three weapon levels, that the complete-information threshold falls at each step and that
the strategic-risk threshold falls exactly when the predatory cut exceeds the preemptive
rise; the ladders (:func:`~multilateral.strategies.weapons_ladders`) include monotone ones
and ones that straddle the turning point, where the effect is nonmonotonic (asserted in
tests/test_escalation.py). Qualified: the library's one-shot game and weapons
parametrization, not theirs (a repeated game, consulted only through its abstract).

``MEDIATION_MATCHES_ARBITRATION``: a mediator who makes only non-binding recommendations
is as effective as an arbitrator who enforces them, and at least as effective as direct
talks (Hörner, Morelli and Squintani 2015, abstract), by not revealing a weak opponent to a
strong one (:class:`~multilateral.models.OptimalMediation`). Qualified: the library's
two-type version; the predicate asserts equality with arbitration where the library's
explicit scheme is obeyed (everywhere on the tested grid, with the dove-dove randomization),
the certified relay outcome (direct talks') where it would not be, and the closed-form peace
thresholds everywhere.

``CHEAP_TALK_DEFUSES_ARMS_RACE``: with a small probability of dominant strategy types the
unique equilibrium can be an arms race with probability one (a multiplier effect), yet with
cheap talk there is an equilibrium whose arms-race probability is close to zero when that
probability is small (Baliga and Sjöström 2004, abstract), through their mechanism: without
talk each coordination type arms because the types just below it do, starting from the
dominant types; announcements let the coordination types learn that the rival is one of them
and coordinate on not arming (:class:`~multilateral.models.ArmsRace`). The predicate checks,
on ladders of three games with falling dominant-type probability ε and the multiplier effect
(:func:`~multilateral.strategies.arms_race_ladders`), that the only equilibrium without talk
is an arms race for sure, and that the library's cheap-talk construction is an equilibrium
exactly when superiority is worth nothing, with arms-race probability ``2ε - ε**2``, falling
along the ladder. Qualified: the library's payoffs, uniform types and construction, not the
article's (consulted only through its abstract); with a gain from superiority (``μ > 0``) a
dominant type would announce peace and arm, so the construction fails, which the predicate
asserts too; whether the article's equilibrium covers that case was not checked.

References
----------
.. [1] Chassang, S. and Padró i Miquel, G. (2010). Conflict and deterrence under
   strategic risk. *Quarterly Journal of Economics* 125(4), 1821-1858 (the abstract).
.. [2] Hörner, J., Morelli, M. and Squintani, F. (2015). Mediation and peace. *Review of
   Economic Studies* 82(4), 1483-1501 (p. 1483, the abstract).
.. [3] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of Economic
   Studies* 71(2), 351-369 (p. 351, the abstract).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.WEAPONS_UNDER_STRATEGIC_RISK.verify(max_examples=20).holds
True
>>> ml.claims.MEDIATION_MATCHES_ARBITRATION.verify(max_examples=10).holds
True
>>> ml.claims.CHEAP_TALK_DEFUSES_ARMS_RACE.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.arms_race import ArmsRace
from ..models.escalation import PreemptiveWar
from ..models.optimal_mediation import OptimalMediation
from ..strategies import arms_race_ladders, two_type_crises, weapons_ladders
from .base import Claim, register

__all__ = ["CHEAP_TALK_DEFUSES_ARMS_RACE", "MEDIATION_MATCHES_ARBITRATION",
           "WEAPONS_UNDER_STRATEGIC_RISK"]
__dir__ = public_dir(__all__)


def _weapons(ladder: tuple[PreemptiveWar, PreemptiveWar, PreemptiveWar]) -> bool:
    known = [m.complete_information_threshold() for m in ladder]
    risky = [m.threshold() for m in ladder]
    predatory = [m.first_strike for m in ladder]
    preemptive = [m.war_payoff + m.exposure for m in ladder]
    # with known stakes more weapons always widen peace (a lower threshold) ...
    if not known[0] > known[1] > known[2]:
        return False
    # ... under strategic risk a step widens it iff the predatory incentive falls by more
    # than the preemptive one rises (CPM's two incentives), and narrows it iff less
    for i in (0, 1):
        cut = predatory[i] - predatory[i + 1]
        rise = preemptive[i + 1] - preemptive[i]
        if (risky[i + 1] < risky[i]) != (cut > rise) or (risky[i + 1] > risky[i]) != (
                cut < rise):
            return False
    return True


WEAPONS_UNDER_STRATEGIC_RISK = register(Claim(
    name="weapons_under_strategic_risk",
    statement="weapons unambiguously facilitate peace under complete information; under "
              "strategic risk a step up in weapons facilitates peace iff it cuts the "
              "predatory incentive by more than it raises the preemptive one (the fear of "
              "being caught at peace), so that where that fear grows fast the effect is "
              "nonmonotonic",
    source="Chassang and Padró i Miquel (2010), QJE 125(4), abstract; the library's "
           "one-shot global game and weapons parametrization, not the article's",
    predicate=_weapons,
    domain=weapons_ladders,
))


def _mediation(crisis: OptimalMediation) -> bool:
    arb, talks, med = crisis.arbitration(), crisis.direct_talks(), crisis.mediation()
    half = Fraction(1, 2)
    t, c = crisis.hawk_advantage, crisis.war_cost
    return bool(arb.war_probability <= med.war_probability <= talks.war_probability
                and med.war_probability == (arb if med.credible else talks).war_probability
                and (talks.war_probability == 0) == (t - c <= half)
                and (arb.war_probability == 0)
                == (crisis.hawk_probability >= crisis.peace_threshold()))


MEDIATION_MATCHES_ARBITRATION = register(Claim(
    name="mediation_matches_arbitration",
    statement="a mediator who only recommends, and hides a weak opponent from a strong one, "
              "keeps the peace as well as an arbitrator who enforces, and at least as well "
              "as direct talks; arbitration and mediation keep the peace for sure over a "
              "wider range of priors than talks",
    source="Hörner, Morelli and Squintani (2015), RES 82(4), p. 1483 (abstract); the "
           "library's two-type version, where its explicit scheme is obeyed",
    predicate=_mediation,
    domain=two_type_crises,
))


def _cheap_talk(ladder: tuple[ArmsRace, ArmsRace, ArmsRace]) -> bool:
    eps = [m.dominant_probability() for m in ladder]
    talk = [m.cheap_talk() for m in ladder]
    # without talk: the multiplier effect, a certain arms race however few the hardliners
    if not all(m.multiplier_effect() and m.equilibria() == (m.cost_high,)
               and m.arms_race_probabilities() == (1,) for m in ladder):
        return False
    # with a gain from superiority the library's construction fails: the hardliner lies
    if ladder[0].superiority > 0:
        return all(not t.is_equilibrium and t.dominant_gain == (1 - e) * m.superiority
                   for t, e, m in zip(talk, eps, ladder, strict=True))
    # without one it is an equilibrium whose arms race vanishes with the hardliners
    races = [t.arms_race_probability for t in talk]
    return (all(t.is_equilibrium for t in talk) and eps[0] > eps[1] > eps[2] > 0
            and races[0] > races[1] > races[2]
            and all(r == 2 * e - e * e <= 2 * e for r, e in zip(races, eps, strict=True)))


CHEAP_TALK_DEFUSES_ARMS_RACE = register(Claim(
    name="cheap_talk_defuses_arms_race",
    statement="with a small probability of dominant strategy types the unique equilibrium is "
              "an arms race with probability one, but with cheap talk before arming there is "
              "an equilibrium whose arms-race probability is close to zero when that "
              "probability is small",
    source="Baliga and Sjöström (2004), RES 71(2), p. 351 (abstract); the library's payoffs, "
           "uniform types and construction, an equilibrium only when superiority is worth "
           "nothing (the predicate asserts that it fails otherwise)",
    predicate=_cheap_talk,
    domain=arms_race_ladders,
))
