"""
Crises and their third parties: talks, arbitration and the optimal mediator
===========================================================================

Twenty-two dated events of nine interstate crises (1965-2018), each with its primary
source (:mod:`multilateral.cases.crises`), set beside
:class:`~multilateral.models.OptimalMediation` (after Hörner, Morelli and Squintani 2015):
the least war risk of direct talks, an arbitrator who imposes settlements, and a mediator
who only recommends them.

**The cases illustrate the mechanism; they do not test it.** Crises select into mediation
and arbitration (a mediator is accepted, a compromis signed, when the parties see a deal),
the rows were chosen because they are well documented, and no parameter of the model (the
prior probability of a strong type, the cost of war) is measured for any of them. The
headline depends on those parameters, so the example sweeps them.
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
from multilateral.cases import crises

# %%
# The cases, grouped by how each event was managed
# ------------------------------------------------
# ``status`` says whether the row was confirmed from its source here (``partly``: the row's
# note says which part was not).
for mode, rows in crises.by_mode().items():
    print(f"{mode} ({len(rows)})")
    for e in sorted(rows, key=lambda e: e.date):
        status = {"confirmed": "", "partly_confirmed": " [partly confirmed]",
                  "unconfirmed": " [unconfirmed]"}[e.status]
        third = e.third_party.split(" (")[0] or "-"
        print(f"  {e.date}  {e.crisis:<17} {e.outcome:<20} {third}{status}")

# %%
# Among arbitral awards, two were accepted (Rann of Kutch 1968, Taba 1988), one declared
# null (Beagle Channel, 1978) and one left unimplemented for sixteen years (Eritrea-
# Ethiopia, 2002-2018). No mediated event in the table ends in war: the selection the note
# above warns of, not evidence that mediation works.
awards = [e for e in crises.EVENTS if e.outcome.startswith("award_")]
print({e.name: e.outcome for e in awards})
print("outcomes of mediated events:", sorted({e.outcome for e in crises.by_mode()["mediation"]}))

# %%
# The model at one point: a third party helps
# -------------------------------------------
# A hawk (strong type) beats a dove with probability θ = 1, war costs c = 1/10, and three
# states in four are hawks. Direct talks reveal the types, so a hawk facing a dove demands
# its war value θ - c = 9/10; the arbitrator imposes less; the mediator gets the
# arbitrator's war risk by recommending, in a hawk-dove dispute, the equal split (which two
# hawks always get) a quarter of the time, so a hawk told to split does not know it faces
# a dove.
crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                                    war_cost=Fraction(1, 10))
for mechanism in (crisis.direct_talks(), crisis.arbitration(), crisis.mediation()):
    print(mechanism)
split, share = crisis.recommendation()
print(f"mediator: equal split with probability {split}, else the hawk gets {share}")
print("published (Hörner, Morelli and Squintani 2015, p. 1483, the abstract): 'mediators can "
      "be equally effective as arbitrators' by 'recommendation strategies that do not reveal "
      "that one player is weak to a strong opponent'")
print("  computed: war risk, mediator", crisis.mediation().war_probability, "= arbitrator",
      crisis.arbitration().war_probability, "< direct talks",
      crisis.direct_talks().war_probability, "; recommended split in a hawk-dove dispute "
      "with probability", split)
print("  (the article's propositions and their pages were not reached: the two-type model "
      "and these numbers are the library's)")

# %%
# A refused award: what the model says about the Beagle Channel
# -------------------------------------------------------------
# In the model the arbitrator's award is *enforced*: no one refuses it, so the model as
# written cannot produce Argentina's declaration of nullity of 25 January 1978. Dropping
# enforcement (:func:`~multilateral.cases.crises.unenforced_award_refusal`): the award above
# gives a hawk facing a dove 4/5, below its war value 9/10, and it tells the hawk it faces a
# dove (hawks facing hawks get 1/2), so a hawk free to refuse would fight.
print("unenforced award refused with probability",
      crises.unenforced_award_refusal(crisis),
      "(every hawk-dove dispute it settles); mediator's war risk",
      crisis.mediation().war_probability, "with every recommendation obeyed:",
      crisis.mediation().credible)

# %%
# So the model's reading of the Beagle sequence (arbitration refused, mediation accepted)
# is: the award revealed to the side that expected to win a war that it faced a weaker
# opponent and gave it less than war, and without enforcement it was refused; a mediator
# who recommends in confidence reaches the same war risk with nothing enforced. That this
# fits Argentina's junta in 1978 is an interpretation, not a measurement: Argentina's
# rejection cited the award's reasoning, and the 1984 treaty followed the Falklands war
# and the return to civilian rule, which the model does not contain. At these illustrative
# values (none measured for 1978-1984) the mediator's war risk is 3/8, not zero: in the
# model a mediated peace is likely, not certain. The refusal also holds the parties'
# reports fixed, as if they expected the award to be enforced; states that foresaw a
# refusable award would report differently, and designing for that is the mediator's
# problem, which the model solves.

# %%
# Which institution where: a sweep over the prior and the cost of war
# -------------------------------------------------------------------
# With θ = 3/4: direct talks keep the peace iff θ - c <= 1/2 (c >= 1/4); arbitration, and
# the mediator with it, iff q >= (θ - c - 1/2) / (θ - 1/2) (dashed). Below that line a
# third party lowers the war risk only in a band just under it, and only there is an
# unenforced award refused; further down (few hawks, cheap war) no institution does better
# than talks. Which institution is best is therefore a statement about (q, c), which no
# row of the case table measures.
theta = Fraction(3, 4)
priors = [Fraction(k, 10) for k in range(1, 10)]
costs = [Fraction(j, 40) for j in range(1, 13)]
TALKS_PEACE, NO_GAIN, THIRD_PARTY_PEACE, THIRD_PARTY_LOWERS = range(4)


def institutions(hawk_probability, war_cost):
    m = ml.models.OptimalMediation(hawk_probability=hawk_probability, hawk_advantage=theta,
                                   war_cost=war_cost)
    talks, arbitration = m.direct_talks().war_probability, m.arbitration().war_probability
    refused = crises.unenforced_award_refusal(m)
    region = ((TALKS_PEACE if talks == 0 else NO_GAIN) if arbitration == talks
              else (THIRD_PARTY_PEACE if arbitration == 0 else THIRD_PARTY_LOWERS))
    return {"talks minus mediator": talks - arbitration, "institution": region,
            "refusal where it lowers the risk":
                int((arbitration < talks and arbitration > 0) == (refused > 0))}


grid = ml.sweep(institutions, {"war_cost": costs, "hawk_probability": priors}, store=False,
                progress=False)
agree = grid.values["refusal where it lowers the risk"]
print("an unenforced award is refused exactly where 0 < arbitration < talks:",
      bool(agree.all()), f"({len(agree)} points)")
region = grid.values["institution"]
print("points where talks keep the peace / no gain / third party keeps peace / lowers risk:",
      [int((region == r).sum()) for r in range(4)])

# %%
# Both maps with :func:`multilateral.plot.sweep_map`: above, how much the mediator lowers the
# war risk of direct talks; below, which institution does best, by name: "talks" where direct
# talks keep the peace, "no gain" where no institution beats talks (war risk > 0), "peace"
# where a third party keeps the peace, "less war" where a third party lowers the risk (and
# an unenforced award is refused).
# The solid line is c = θ - 1/2, the dashed one q = (θ - c - 1/2) / (θ - 1/2); the cell of
# the k-th value spans [k, k + 1], so q = k/10 sits at 10 q - 1/2 and c = j/40 at 40 c - 1/2.
fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 8), layout="constrained")
ml.plot.sweep_map(grid, "hawk_probability", "war_cost", "talks minus mediator", ax=top)
names = {TALKS_PEACE: "talks", NO_GAIN: "no gain", THIRD_PARTY_PEACE: "peace",
         THIRD_PARTY_LOWERS: "less war"}
ml.plot.sweep_map(grid, "hawk_probability", "war_cost", "institution", ax=bottom,
                  categories=names)
qs = np.linspace(0.05, 0.95, 50)
for ax in (top, bottom):
    ax.axhline(40 * (float(theta) - 0.5) - 0.5, color="k", lw=1)
    ax.plot(10 * qs - 0.5, 40 * (float(theta) - 0.5 - qs * (float(theta) - 0.5)) - 0.5,
            "w--", lw=1)
    ax.set(xlabel="prior probability of a hawk q", ylabel="cost of war c")
top.set_title("war risk: talks minus mediator")
bottom.set_title("which institution does best")
legend = bottom.get_legend()  # sweep_map's legend of the categories, moved off the map
legend.set_loc("upper left")
legend.set_bbox_to_anchor((1.02, 1), transform=bottom.transAxes)
plt.show()

# %%
# The mediator ties the arbitrator wherever its scheme is obeyed (checked exactly at these
# points); it never beats it, since arbitration can impose anything a mediator can
# recommend.
points = [ml.models.OptimalMediation(hawk_probability=q, hawk_advantage=theta,
                                     war_cost=Fraction(1, 10)) for q in priors[::2]]
for m in points:
    med = m.mediation()
    print(f"q = {m.hawk_probability}: talks {m.direct_talks().war_probability}, "
          f"arbitration {m.arbitration().war_probability}, mediator {med.war_probability} "
          f"(obeyed: {med.credible})")

# %%
# The preemption case
# -------------------
# The Six-Day War (5 June 1967) is the row with no third party before the war. In
# :class:`~multilateral.models.PreemptiveWar` (after Chassang and Padró i Miquel 2010) states
# whose peace is worth more than a first strike still attack under strategic risk, for fear
# of being attacked. The row records the outbreak and the Council's call for a cease-fire;
# that the war began with a preemptive first strike is the usual reading, not shown here,
# fear as its cause is not shown at all, and no value of peace is measured.
six_day = crises.event("six_day_war")
print(six_day.date, six_day.parties, six_day.instrument)
game = ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
                               signal_noise=Fraction(1, 10))
print("illustrative values: fear spiral for values of peace in", game.fear_spiral())
