"""
Competitive multilateralism: clubs without, caucuses within
===========================================================

States compete through institutions in two ways: *without* them, by taking cooperation to a
new forum -- a club of the willing instead of a universal body where any member can block --
and *within* them, by caucusing, voting as a bloc. This example asks, with
:mod:`multilateral.models.forum_choice` and the grouping data of
:mod:`multilateral.cases.alliances`,

* when a state that gains from cooperation prefers a club to a consensus forum, and how
  that depends on the heterogeneity of interests and on the size of the forum (the G7's 7,
  the G20's 21 members, the UN's 193);
* how much voting power a caucus gains by voting together, in a body where every member
  has one vote.

The forum model's assumptions are stated in :mod:`multilateral.models.forum_choice`; the
positions below are **illustrative**.
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
import matplotlib.pyplot as plt
import numpy as np

import multilateral as ml
from multilateral.cases import alliances
from multilateral.models import ForumChoice, HeterogeneousForum, caucus_gain

g7 = alliances.members("g7")
g20 = alliances.members("g20")
UN_MEMBERS = 193  # UN member states since South Sudan joined on 14 July 2011
print(f"G7 ({len(g7)}): {', '.join(g7)}")
print(f"G20 ({len(g20)}): 19 countries, the EU and the AU (since "
      f"{alliances.grouping_event('g20', 'african_union_member').date})")

# %%
# Known positions: consensus or a club
# ------------------------------------
# Take a forum of the G20's size, 21 members, with illustrative gains from an agreement that
# covers all of them (anonymous states: these are not the members' positions): nineteen
# gain, two would lose. Under consensus the two block; the others do better in a club, even
# though it covers less.
gains = np.round(np.linspace(2.0, -0.2, len(g20)), 2)
forum = ForumChoice([float(g) for g in gains], legitimacy=1)
outcome = forum.equilibrium()
blockers = [m for m, b in zip(forum.members, forum.benefits, strict=True) if b < 0]
print(f"would lose and block: {', '.join(blockers)}")
print(outcome, f"({len(outcome.members)} of {forum.n})")
print("preferences:", set(forum.preferences().values()))

# %%
# Before positions are known: heterogeneity
# -----------------------------------------
# A state that gains must choose where to invest before it knows the others' positions.
# Suppose positions are drawn from ``N(1, sigma**2)``: the spread ``sigma`` measures the
# heterogeneity of interests, and each other state gains with probability
# ``p = Phi(1 / sigma)``. A universal agreement is worth twice as much as the same
# cooperation in a club (``lambda = 1``: legitimacy, no leakage), but passes only if no one
# loses; the club covers whoever gains. Per unit of its own gain, the state expects
# ``2 p**(n - 1)`` from the universal forum and ``E[(1 + X) / n]`` from the club.
spreads = [float(s) for s in np.linspace(0.05, 3, 60)]
sizes = {"G7-sized": len(g7), "G20-sized": len(g20), "UN-sized": UN_MEMBERS}


def forum_values(spread, n):
    model = HeterogeneousForum.from_normal(n, 1.0, spread, legitimacy=1)
    return {"universal": float(model.universal_value()), "club": float(model.club_value()),
            "no one blocks": float(model.outcome_probabilities()["universal"])}


forums = ml.sweep(forum_values, {"spread": spreads, "n": list(sizes.values())}, store=False,
                  progress=False)
critical = {}
for label, n in sizes.items():
    model = HeterogeneousForum.from_normal(n, 1.0, spreads[0], legitimacy=1)
    critical[n] = model.critical_spread(1.0).value
    print(f"{label} ({n:3d}): the club is preferred once the spread exceeds {critical[n]:.2f} "
          f"(p* = {model.critical_probability():.4f})")
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.parameter_curve(forums, "spread", ["universal", "club"], ax=left, lines="n")
# the critical spreads, in grey, in the line style parameter_curve gives each size
for n, style in zip(sizes.values(), ("-", "--", ":"), strict=True):
    left.axvline(critical[n], color="0.5", lw=0.8, ls=style)
left.set_xlabel("spread of positions sigma (heterogeneity)")
left.set_ylabel("expected value per unit of own gain")
left.legend(fontsize=7)
left.set_title("A state that gains: universal forum or club?")
ml.plot.parameter_curve(forums, "spread", "no one blocks", ax=right, lines="n")
right.set_xlabel("spread of positions sigma (heterogeneity)")
right.set_ylabel("probability that consensus adopts the agreement")
right.legend(fontsize=8)
right.set_title("How often consensus works")

# %%
# Naím's minilateralism beside the model. Naím (2009) gives no model and no number for the
# "magic number"; what he states is the direction, which the model reproduces: the larger
# the forum, the smaller the heterogeneity at which a club beats universal consensus.
print('published (Naim 2009, Foreign Policy, online 18 June 2009, no page): "bring to the '
      'table the smallest possible number of countries needed to have the largest possible '
      'impact"')
print("computed: critical spread falls with the forum's size:",
      ", ".join(f"n = {n}: {critical[n]:.2f}" for n in sizes.values()),
      "->", "agrees" if critical[7] > critical[21] > critical[UN_MEMBERS] else "DISAGREES")

# For one forum, the G20's size, the background says which forum the state prefers at each
# spread (``1``: the club), the conclusion the two curves cross at.
g20_sized = ml.sweep(
    lambda spread: {**forum_values(spread, len(g20)),
                    "club preferred": int(HeterogeneousForum.from_normal(
                        len(g20), 1.0, spread, legitimacy=1).prefers_club())},
    {"spread": spreads}, store=False, progress=False)
ax = ml.plot.parameter_curve(g20_sized, "spread", ["universal", "club"],
                             conclusion="club preferred",
                             categories={0: "universal forum preferred", 1: "club preferred"})
ax.set_xlabel("spread of positions sigma (heterogeneity)")
ax.set_ylabel("expected value per unit of own gain")
ax.set_title("A G20-sized forum (21): which forum a state that gains prefers")

# %%
# The larger the forum, the less heterogeneity it takes for the club to win: with 193
# members the chance that no one blocks collapses at once. And once the club is preferred,
# more heterogeneity never brings the state back: the ratio of the club's value to the
# universal forum's is nonincreasing in ``p``, a claim the library checks over a class of
# models.
print(ml.claims.HETEROGENEITY_FAVORS_CLUBS.verify(max_examples=40))

# %%
# Caucusing within: the power of a bloc
# -------------------------------------
# In a body where every member has one vote, a caucus that votes as one bloc holds more
# power than its members voting apart -- under a majority rule. Three ways to count: the
# Shapley-Shubik index (the chance of being pivotal when members join in random order), the
# bloc's share of all Banzhaf swings, and what one caucus member has: its chance of deciding
# the caucus' internal majority times the bloc's chance of deciding the body (Penrose's
# indirect power), against its own chance of deciding the body voting alone.
#
# In the UN General Assembly each member has one vote; decisions need a majority of the
# members present and voting, and "important questions" two thirds (UN Charter, Art. 18):
# 97 and 129 votes when all 193 vote.
#
# The ratios over a sweep of caucus sizes and the two rules, drawn with
# :func:`multilateral.plot.parameter_curve`: one colour per count, solid for the simple
# majority (quota 97), dashed for two thirds (129).
INDICES = ("shapley_shubik", "banzhaf_normalized", "banzhaf_member")


def caucus_ratios(n, caucus, quota):
    gain = caucus_gain(n, caucus, quota)
    return {index: float(gain.ratio(index)) for index in INDICES}


un_caucuses = ml.sweep(lambda caucus, quota: caucus_ratios(UN_MEMBERS, caucus, quota),
                       {"caucus": list(range(1, 97)), "quota": [UN_MEMBERS // 2 + 1, 129]},
                       store=False, progress=False)
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.parameter_curve(un_caucuses, "caucus", list(INDICES), ax=left, lines="quota")
left.axhline(1, color="k", lw=0.8)
left.set_yscale("log")
left.set_xlabel("caucus size (of 193 one-vote members)")
left.set_ylabel("power together / power apart")
left.set_title("A caucus in a 193-member body")

# %%
# The G7 inside a body of the G20's 21 members, if it decided by vote: the closed forms
# agree with the general power module (:func:`multilateral.solvers.caucus_power`), which
# handles any weighted game. Under consensus (21 of 21) every member is a veto player;
# merging seven into one bloc only shrinks their share.
body = ml.WeightedVotingGame([1] * len(g20), len(g20) // 2 + 1, members=list(g20))
general = ml.solvers.caucus_power(body, list(g7), label="G7")
closed = caucus_gain(len(g20), len(g7))
print(general, "| closed form:", closed.together["shapley_shubik"])
#
# Over the quotas, the background says whether the three counts agree that the G7 gains by
# voting as one (each ratio above 1), agree that it loses, or disagree.


def g7_caucus(quota):
    ratios = caucus_ratios(len(g20), len(g7), quota)
    verdict = (2 if all(r > 1 for r in ratios.values())
               else 0 if all(r < 1 for r in ratios.values()) else 1)
    return {**ratios, "verdict": verdict}


g7_quotas = ml.sweep(g7_caucus, {"quota": list(range(1, len(g20) + 1))}, store=False,
                     progress=False)
ml.plot.parameter_curve(g7_quotas, "quota", list(INDICES), ax=right, conclusion="verdict",
                        categories={0: "every count: the G7 loses", 1: "the counts disagree",
                                    2: "every count: the G7 gains"})
right.axhline(1, color="k", lw=0.8)
right.set_xlabel("votes needed, of 21")
right.set_ylabel("G7 together / G7 apart")
right.set_title("The G7 as a caucus in a 21-member body")

plt.show()

# %%
# What the models leave out: positions are independent and the same for all states (real
# positions are correlated and asymmetric), clubs do not exclude anyone who gains, and
# caucus members are assumed to follow the caucus' majority. The forum model and its proof
# are this library's formalization.
#
# References
# ----------
# * Moreland, W. (2019). *The Purpose of Multilateralism: A Framework for Democracies in a
#   Geopolitically Competitive World*. Brookings Institution.
# * Naím, M. (2009). Minilateralism: the magic number to get real international action.
#   *Foreign Policy*.
# * Patrick, S. (2015). The new "new multilateralism": minilateral cooperation, but at what
#   cost? *Global Summitry* 1(2), 115-134.
# * Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of the
#   Royal Statistical Society* 109(1), 53-57.
