"""
Why rational states fight: Fearon's bargaining model and audience costs
=======================================================================

Fearon (1995) asks why two rational states would ever fight when war destroys value: some
division of the stakes would leave both better off than the war's expected outcome. His
answer has two parts that this example computes with
:class:`~multilateral.models.WarBargaining`:

* with complete information a *bargaining range* of such deals always exists;
* with private information about the other side's cost of war (its resolve), which that
  side has an incentive to misrepresent, a state that makes a take-it-or-leave-it demand
  trades a better deal against a higher risk that the other side fights: the
  *risk-return trade-off*, which leaves a positive probability of war in equilibrium.

Two published results about this model are printed beside the computed ones (neutrality to
the balance of power; Banks's monotonicity across types), and an informed mediator shows
when a third party can lower the risk of war (after Kydd 2003).

Then :class:`~multilateral.models.AudienceCosts` (after Fearon 1994, simplified to one
round) shows how a leader who would pay a price at home for backing down can make a
threat credible.

**The war probability depends on assumptions**, above all on how uncertain A is about B's
cost of war; the example sweeps it rather than reporting one number. The uniform
distribution and the numbers are illustrative, not estimates of any crisis.
"""

# %%
# Setup
# -----

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
import numpy as np

import multilateral as ml

# %%
# The bargaining range
# --------------------
# A wins a war with probability ``p``; war costs A ``c_A`` and B ``c_B``. Every deal ``x``
# (A's share) in ``[p - c_A, p + c_B]`` gives both at least their expected value of war
# (Fearon 1995, "When will there exist bargains both sides prefer to war?").
p, c_a, c_b = Fraction(1, 2), Fraction(1, 10), Fraction(1, 10)
complete = ml.models.WarBargaining(win_probability=p, cost_a=c_a, cost_b_low=c_b,
                                   cost_b_high=c_b)
print("published (Fearon 1995, section 'When will there exist bargains both sides prefer to "
      f"war?'; page not reached): the range [p - c_A, p + c_B] = [{p - c_a}, {p + c_b}]",
      "| computed:", complete.bargaining_range())
print("complete information:", complete.equilibrium())

# %%
# The risk-return trade-off
# -------------------------
# Now B's cost of war is private, uniform on ``[0, H]``. B accepts a demand ``x`` when its
# cost is at least ``x - p``. A's expected payoff rises with its demand while B's weaker
# types accept, and falls once the risk of war outweighs the better deal.
war = ml.models.WarBargaining(win_probability=p, cost_a=c_a, cost_b_low=0,
                              cost_b_high=Fraction(3, 10))
eq = war.equilibrium()
print(eq, "; the library's closed form (H - c_A)/(2H) =",
      (Fraction(3, 10) - c_a) / (2 * Fraction(3, 10)))
offers = np.linspace(0.4, 0.85, 181)


def trade_off(demand):
    x = Fraction(demand).limit_denominator(1000)
    return {"A's expected payoff": float(war.expected_payoff(x)),
            "probability of war": float(war.war_probability_at(x))}


demand_sweep = ml.sweep(trade_off, {"demand": offers.tolist()}, store=False, progress=False)

fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax = axes[0]
ml.plot.parameter_curve(demand_sweep, "demand", ["A's expected payoff", "probability of war"],
                        ax=ax)
ax.axvline(float(eq.offer), color="grey", ls=":", lw=1)
ax.set_xlabel("A's demand x")
ax.set_title("the risk-return trade-off (B's cost ~ U[0, 3/10])")
ax.legend(loc="upper left")

# %%
# How the probability of war depends on the assumptions
# -----------------------------------------------------
# The headline -- a positive chance of war between rational states -- needs enough
# uncertainty: with ``H <= c_A`` A demands only what every type accepts. Sweep the width
# ``H`` for three costs of war to A: more uncertainty, more war; a dearer war, less.
# The sweep runs with :func:`multilateral.sweep` and is drawn with
# :func:`multilateral.plot.parameter_curve`, one line per cost of war to A.


def war_risk(cost_a, cost_b_high):
    return {"war probability": war.with_(cost_a=cost_a, cost_b_high=cost_b_high)
            .war_probability()}


widths = [Fraction(k, 100) for k in range(1, 101)]
dearer = (Fraction(1, 20), Fraction(1, 10), Fraction(1, 5))
uncertainty = ml.sweep(war_risk, {"cost_a": dearer, "cost_b_high": widths}, store=False,
                       progress=False)
risk_table = uncertainty.values["war probability"].reshape(len(dearer), len(widths))
for cost, curve in zip(dearer, risk_table, strict=True):
    positive = [h for h, v in zip(widths, curve, strict=True) if v > 0]
    print(f"c_A = {cost}: war probability at H = 1/5, 1/2, 1:",
          [str(curve[i]) for i in (19, 49, 99)], "; war has positive probability iff H >",
          min(positive) - Fraction(1, 100) if positive else "never")
ml.plot.parameter_curve(uncertainty, "cost_b_high", "war probability", ax=axes[1],
                        lines="cost_a")
axes[1].set_xlabel("width H of A's uncertainty about B's cost of war")
axes[1].set_title("more uncertainty, more war")
plt.show()

# %%
# Published results beside computed ones
# --------------------------------------
# Neutrality (Benson, Meirowitz and Ramsay; the abstract of their working paper "The
# distribution of power and the risk of war in crisis bargaining", published 2016 in
# *Research and Politics*): in the standard model, shifts in the war payoffs -- here the
# balance of power ``p`` -- leave the probability of war unchanged. Banks (1990, p. 599, the
# abstract): the informed side's types that value war more fight more often and get more.
# Both are statements, not tables: no number of theirs is reproduced.
print("published (Benson, Meirowitz and Ramsay, abstract): 'changes to war payoffs have no "
      "effect on the equilibrium probability that bargaining ends in war'")
print("  computed, war probability at p = 1/5, 2/5, 3/5:",
      [str(war.with_(win_probability=Fraction(k, 5)).war_probability()) for k in (1, 2, 3)])
types = [Fraction(k, 20) for k in range(7)]
print("published (Banks 1990, p. 599): 'the higher the informed player's payoff from war, the "
      "higher is his or her equilibrium payoff from settling the dispute short of war, and "
      "the higher is the equilibrium probability of war'")
print("  computed, B's cost of war c_B (a lower cost, a higher payoff from war):",
      [str(c) for c in types])
print("  fights:", [c < eq.cutoff for c in types],
      " payoff:", [str(1 - p - c if c < eq.cutoff else 1 - eq.offer) for c in types])

# %%
# An informed mediator (after Kydd 2003)
# --------------------------------------
# A third party that knows B's cost of war reports it to A. Believed, it removes the war
# risk: A demands exactly what B accepts. A mediator that weighs B's payoff more than A's
# strictly prefers to understate B's cost (a better deal for B), and an even-handed one is
# indifferent, so only a mediator "on A's side" tells the truth as its strict best reply
# (Kydd 2003, p. 597); for the others the model reports the equilibrium in which A ignores
# the report (a selection: the mediated() docstring shows a partly informative one). The same
# :class:`~multilateral.models.WarRiskComparison` reports the mediator of Chicken
# (:class:`~multilateral.models.CrisisMediation`), which only coordinates the sides.
print("published (Kydd 2003, p. 597, the abstract): 'Only mediators who are effectively "
      "\"on your side\" will be believed if they counsel restraint.'")
for bias in (0, Fraction(1, 2), Fraction(3, 4), 1):
    print(f"  computed, mediator's weight on A = {bias}:", war.mediated(mediator_bias=bias))
print("Chicken (Aumann's numbers):",
      ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6).compare().war_risk)

print("registered claims:", ml.claims.FEARON_BARGAINING_RANGE.verify(max_examples=30),
      ml.claims.FEARON_RISK_RETURN.verify(max_examples=30),
      ml.claims.FEARON_COSTLY_WAR.verify(max_examples=30), sep="\n  ")

# %%
# Audience costs: making a threat credible
# ----------------------------------------
# A challenger, resolved with probability 1/4, threatens in public; the defender concedes or
# resists; resisted, the challenger fights or backs down and pays an audience cost ``a`` at
# home. The perfect Bayesian equilibrium is computed in closed form and checked on the game
# tree (an :class:`~multilateral.games.ExtensiveFormGame`). Fearon (1994, p. 577): the side
# with a stronger domestic audience is less likely to back down. At ``a = 0`` (a threat is
# cheap talk) and ``a = 2`` (the bluffer's war payoff is ``-2``: resisted, it is indifferent)
# the game has a continuum of equilibria and the model reports its selection. Unlike
# Fearon's (1997) tying-hands game, where a leader chooses its audience cost and never
# bluffs, the audience cost here is fixed and the irresolute type bluffs (and backs down
# when resisted) until the audience cost exceeds its cost of war.
costs = [Fraction(k, 20) for k in range(0, 61)]
rows = [ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=a).equilibrium()
        for a in costs]
for a in (0, Fraction(1, 2), 1, 2, 3):
    e = rows[costs.index(a)]
    print(f"a = {a}: {e.regime}, P(back down | threat) = {e.back_down_probability}, "
          f"P(defender resists) = {e.resist}, war {e.war_probability}"
          + ("" if e.unique else " (one of a continuum of equilibria)"))
print("published (Fearon 1994, p. 577, the abstract): 'the side with a stronger domestic "
      "audience (e.g., a democracy) is always less likely to back down'; computed, "
      "P(back down | threat) at a = 1/4, 1/2, 1, 3/2:",
      [str(rows[costs.index(a)].back_down_probability)
       for a in (Fraction(1, 4), Fraction(1, 2), 1, Fraction(3, 2))])
crisis = ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1)
print("tree's expected payoffs of the equilibrium:",
      crisis.game.expected_payoffs(crisis.behavior_profile()).tolist(),
      " closed form:", crisis.equilibrium().payoffs)
print(ml.claims.FEARON_AUDIENCE_COSTS.verify(max_examples=30))

fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
# a table of the equilibria computed above, one column per probability
outcomes = {"challenger backs down": [e.back_down_probability for e in rows],
            "defender resists": [e.resist for e in rows],
            "war": [e.war_probability for e in rows]}
ml.plot.parameter_curve({"a": costs, **outcomes}, "a", list(outcomes), ax=ax)
ax.set_xlabel("audience cost a")
ax.set_ylabel("probability")
ax.set_title("audience costs (discrete, after Fearon 1994)")
ax.legend()
plt.show()
