"""
The Cuban missile crisis as a mediated game of Chicken
======================================================

In October 1962 the United States found Soviet missiles in Cuba and blockaded the island
(a "quarantine"); for about two weeks each superpower could stand firm or back down. Backing
down alone was humiliating, both standing firm risked nuclear war: the textbook game of
Chicken (Snyder 1971). U Thant, then Acting Secretary-General of the United Nations, offered
his good offices and appealed to both sides to step back.

This example reads the good offices of a secretary-general as a *correlation device*
(Aumann 1974): a mediator who privately recommends to each side what to do, in such a way
that each side, given its own recommendation, does best to follow it. That is an
institutional off-ramp, and :class:`~multilateral.models.CrisisMediation` computes what it
is worth:

* the war risk of the symmetric Nash equilibrium against that of the fair mediated
  equilibrium (zero);
* how the war risk and the mediator's gain change with the cost of war;
* the whole range of war risks that some correlated equilibrium allows, by linear
  programming (:func:`~multilateral.solvers.correlated_equilibrium`).

**The numbers are illustrative, not estimated.** Nobody can measure what humiliation or a
nuclear war would have cost Washington or Moscow on the same scale. The payoffs below are
chosen to make a game of Chicken and to show how the answer depends on them; the example
makes no claim about the probabilities of 1962, nor that the United Nations decided the
outcome -- the crisis ended in direct exchanges between Kennedy and Khrushchev.
"""

# %%
# Setup
# -----
# Run as a script, the example opens its figures in windows, or draws them off-screen when
# there is no display (a server, CI).

# sphinx_gallery_start_ignore
import os
import sys

import matplotlib

if sys.platform.startswith("linux") and not (
    os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
):
    matplotlib.use("Agg")
# sphinx_gallery_end_ignore
from fractions import Fraction

import matplotlib.pyplot as plt
from matplotlib.ticker import NullFormatter

import multilateral as ml

# %%
# The crisis as Chicken
# ---------------------
# Payoffs are measured from the compromise (both back down) = 0. Standing firm while the
# other backs down wins a ``prize``; backing down alone costs a ``humiliation``; war costs
# ``war_cost``, which must exceed the humiliation or the game is not Chicken. Illustrative
# values: a prize of 1, a humiliation of 2, and a war ten times as bad as the prize.
PRIZE, HUMILIATION, WAR_COST = 1, 2, 10
crisis = ml.models.CrisisMediation(prize=PRIZE, humiliation=HUMILIATION, war_cost=WAR_COST)
game = crisis.game
print("type of game:", game.oye_type)
print("pure Nash equilibria:", ml.solvers.pure_nash_equilibria(game))

# %%
# Chicken has two pure equilibria -- one side backs down -- but they are asymmetric: which
# superpower would accept being the one to yield? The symmetric way to play is the mixed
# equilibrium, in which each stands firm with probability ``q`` and war comes with
# probability ``q**2``. A mediator instead draws one of four outcomes and tells each side
# only its own part. In the fair recommendation that is best for both, war is never drawn.
comparison = crisis.compare()
print(comparison)
print("each side stands firm (Nash):", comparison.nash_firmness)
both, only_us, only_ussr, war = comparison.recommendation
print(f"mediator: both back down {both}, only the US backs down {only_us}, "
      f"only the USSR backs down {only_ussr}, war {war}")
print("the same by linear programming:", crisis.mediated().exact.tolist())
print("and in general (a registered claim):",
      ml.claims.MEDIATION_OFF_RAMP.verify(max_examples=30))

# %%
# Why obey? A side told to back down knows only that the other was told to back down with
# probability ``(4/5) / (4/5 + 1/10) = 8/9``, and to stand firm otherwise. Obeying then
# costs the humiliation 1/9 of the time; defying wins the prize 8/9 of the time and brings
# war 1/9 of the time. Both come to -2/9: the incentive constraint binds, which is why the
# mediator cannot put more weight on the compromise. A side told to stand firm knows that
# the other backs down, and does best to stand firm.
told_back_down = Fraction(both) / (both + only_ussr)
print("P(other backs down | told to back down):", told_back_down)
print("obey:", told_back_down * 0 - (1 - told_back_down) * HUMILIATION,
      " defy:", told_back_down * PRIZE - (1 - told_back_down) * WAR_COST)

# %%
# Published values beside computed ones: the textbook game of Chicken
# -------------------------------------------------------------------
# The standard illustration of a correlated equilibrium (Wikipedia, "Correlated
# equilibrium", section "An example"; the game is usually credited to Aumann 1974, whose
# own pages were not reached here) plays Chicken with payoffs 6 (both chicken out), 7 and 2
# (one dares), 0 (both dare). Measured from the compromise, that is a prize of 1, a
# humiliation of 4 and a war cost of 6. Its published values: in the mixed equilibrium each
# player dares with probability 1/3; a third party drawing (C, C), (D, C) or (C, D) with
# probability 1/3 each is a correlated equilibrium worth 5 to each player, "higher than the
# expected payoff of the mixed strategy Nash equilibrium".
textbook = ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6)
book = textbook.compare()
SHIFT = 6  # the textbook's payoff of the compromise
cards = [[Fraction(1, 3), Fraction(1, 3)], [Fraction(1, 3), 0]]
print("published (Wikipedia 'Correlated equilibrium', An example): each dares with "
      "probability 1/3; computed:", book.nash_firmness)
print("published (same): the three-card device is a correlated equilibrium; computed:",
      ml.solvers.is_correlated_equilibrium(textbook.game, cards))
card_payoff = sum(cards[i][j] * textbook.game.payoffs[i, j, 0] for i in (0, 1) for j in (0, 1))
print("published (same): it is worth 5 to each player; computed:", card_payoff + SHIFT,
      "| mixed Nash equilibrium, computed:", book.nash_payoff + SHIFT)
print("the library's fair mediator does better still:", book.mediated_payoff + SHIFT,
      "with recommendation", [str(r) for r in book.recommendation])

# %%
# The range of war risks
# ----------------------
# The fair recommendation is one correlated equilibrium among many. With a linear objective
# on the war outcome (the probability that both stand firm), the linear programme finds the
# smallest and the largest war risk that any self-enforcing recommendation can carry. The
# smallest is zero (tell one side to back down); the largest is *higher* than the Nash
# equilibrium's: a correlation device can also make a crisis more dangerous. What the
# institution brings is not correlation as such but a recommendation chosen for peace.
WAR = [[0, 0], [0, 1]]  # action 0 = back down, action 1 = stand firm
safest = ml.solvers.correlated_equilibrium(game, WAR, maximize=False)
riskiest = ml.solvers.correlated_equilibrium(game, WAR, maximize=True)
print("least war risk:", safest.exact[1, 1], safest.exact.tolist())
print("greatest war risk:", riskiest.exact[1, 1], riskiest.exact.tolist())
print("symmetric Nash war risk:", comparison.nash_war_risk)

# %%
# The cost of war
# ---------------
# Now let the cost of war vary, from just above the humiliation to fifty times the prize.
# The dearer war is, the less often each side stands firm in the Nash equilibrium, so the
# war risk falls -- deterrence -- but it never reaches zero. The mediator's gain, what each
# side's expected payoff rises by, is largest when war is barely worse than humiliation and
# the standoff most dangerous.
costs = [Fraction(HUMILIATION) + Fraction(k, 4) for k in range(1, 193)]


def off_ramp(war_cost):
    # the sweep over the cost of war (multilateral.sweep), drawn below with parameter_curve
    c = ml.models.CrisisMediation(prize=PRIZE, humiliation=HUMILIATION, war_cost=war_cost)
    cmp = c.compare()
    return {"symmetric Nash equilibrium": cmp.nash_war_risk,
            "riskiest correlated equilibrium": ml.solvers.correlated_equilibrium(c.game,
                                                                                 WAR).value,
            "fair mediated equilibrium": 0,
            "each side's payoff gain from mediation": cmp.mediated_payoff - cmp.nash_payoff,
            "each side's expected cost of war without mediation": cmp.nash_war_risk * war_cost}


cost_sweep = ml.sweep(off_ramp, {"war_cost": costs}, store=False, progress=False)
x = cost_sweep.parameters["war_cost"].astype(float)
nash_risk = cost_sweep.values["symmetric Nash equilibrium"]
max_risk = cost_sweep.values["riskiest correlated equilibrium"]
gain = cost_sweep.values["each side's payoff gain from mediation"]
print(f"war cost {x[0]}: Nash war risk {nash_risk[0]:.3f}, gain {gain[0]:.3f}")
print(f"war cost {x[-1]}: Nash war risk {nash_risk[-1]:.5f}, gain {gain[-1]:.4f}")

fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax = axes[0]
ax.fill_between(x, 0, max_risk, color="C1", alpha=0.25,
                label="war risk of some correlated equilibrium")
ml.plot.parameter_curve(cost_sweep, "war_cost", ["symmetric Nash equilibrium",
                                                 "fair mediated equilibrium"], ax=ax)
ax.axvline(WAR_COST, color="grey", ls=":", lw=1)
ax.set_xscale("log")
ax.set_xlabel("cost of war (prize = 1, humiliation = 2)")
ax.set_ylabel("probability of war")
ax.set_title("War risk")
ax.legend(fontsize=8)
ax = axes[1]
ml.plot.parameter_curve(cost_sweep, "war_cost", ["each side's payoff gain from mediation",
                                                 "each side's expected cost of war without "
                                                 "mediation"], ax=ax)
ax.axvline(WAR_COST, color="grey", ls=":", lw=1)
ax.set_xscale("log")
ax.set_xlabel("cost of war (prize = 1, humiliation = 2)")
ax.set_ylabel("payoff (compromise = 0)")
ax.set_title("What the off-ramp is worth")
ax.legend(fontsize=8)
for ax in axes:
    ax.set_xticks([2, 3, 5, 10, 20, 50], ["2", "3", "5", "10", "20", "50"])
    ax.xaxis.set_minor_formatter(NullFormatter())
fig.suptitle("A crisis of Chicken with and without a mediator (illustrative payoffs)")

# %%
# Both curves fall as war gets dearer: the Nash war risk ``q**2`` falls faster than the
# cost of war rises, so in this model deterrence does much of the work on its own, and an
# off-ramp is worth most in the crises where war is least unthinkable. The gain stays a
# little below the expected cost of war that the Nash equilibrium carries: the mediator
# removes the war, but to keep its recommendations credible it must still tell one side to
# back down now and then.
#
# Here the risk of war comes from miscoordination between sides who know the stakes. In
# Fearon's bargaining model (:class:`~multilateral.models.WarBargaining`) it comes from
# private information about resolve, and a mediator who only recommends cannot remove it;
# one who *knows* a side's cost of war can, if it is believed; telling the truth is its
# strict best reply only when it leans towards the side it counsels (after Kydd 2003; an
# even-handed one is indifferent, and the model then reports the war risk with the mediator
# ignored). Both report a
# :class:`~multilateral.models.WarRiskComparison` (the numbers are again illustrative):
fearon = ml.models.WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
                                 cost_b_low=0, cost_b_high=Fraction(3, 10))
print("Chicken's mediator:", comparison.war_risk)
for lean in (Fraction(1, 2), Fraction(3, 4)):
    print(f"Fearon's crisis, informed mediator with weight {lean} on A:",
          fearon.mediated(mediator_bias=lean))

plt.show()
