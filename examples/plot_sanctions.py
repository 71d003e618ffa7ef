"""
Sanctions: who pays to punish, and would anyone carry it out?
=============================================================

Oye (1985, pp. 18-20) names the feasibility of sanctions as the first channel through which
numbers hurt conditional cooperation: among many players, withholding cooperation to punish
one defector punishes everyone, and someone has to pay to punish. His remedy is to target
(decompose) sanctions. :class:`~multilateral.models.Sanctions` compares the two in the
repeated ``n``-member public goods game:

* **collective reversion** (grim): after a defection nobody contributes again. It is subgame
  perfect, but it costs every punisher all the gains of cooperation, and all members,
  punishers and defector alike, would rather forgive: it is not *renegotiation-proof*
  (Farrell and Maskin 1989);
* **targeted penance** (van Damme 1989): the defector contributes for a round while excluded
  from the others' contributions, and the rest go on cooperating. A punisher who shirks owes
  penance in turn (Axelrod's metanorm), and administering the exclusion may cost each
  punisher ``sanction_cost`` a round.
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
from multilateral.models import Sanctions, penance_threshold

# %%
# A published result: van Damme's repentance strategies
# ------------------------------------------------------
# In the Prisoner's Dilemma a defector who cooperates for one round while his victim defects
# (Contrite Tit for Tat) is forgiven. The victim gains ``T > R`` during the penance, so nobody
# wants to renegotiate it away; it is an equilibrium iff
# ``delta >= max(T - R, P - S) / (R - S)``. Grim reversion to ``(P, P)`` needs less patience
# but would be renegotiated: the solver's continuation values show its punishment state
# strictly Pareto-dominated by cooperation.
pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
ctft, grim = ml.automata.contrite_tit_for_tat(), ml.automata.grim_trigger()
print("published (Farrell and Maskin 1989, p. 327, the abstract): 'subgame-perfect equilibria "
      "involving threats of punishment may be implausible if punishing one player hurts the "
      "other(s). If players can renegotiate after a defection, such a punishment may not be "
      "carried out.'")
print("van Damme's (1989) own statement of the penance condition was not reached: the "
      "condition below is the library's derivation, checked by the automaton solver")
print("penance, 5,3,1,0: max(T-R, P-S)/(R-S) =", Fraction(max(5 - 3, 1 - 0), 3),
      "| computed", penance_threshold(5, 3, 1, 0).value,
      "| automaton solver", ml.solvers.critical_discount(pd, [ctft, ctft]).value)
values = ml.solvers.profile_values(ml.RepeatedGame(pd, Fraction(3, 4)), [grim, grim])
print("grim, 5,3,1,0: Friedman (T-R)/(T-P) =", Fraction(5 - 3, 5 - 1),
      "| automaton solver", ml.solvers.critical_discount(pd, [grim, grim]).value)
cooperating, punishing = values.state_values[0].tolist(), values.state_values[-1].tolist()
print("  computed, grim at delta = 3/4: continuation values cooperating", cooperating,
      "punishing", punishing, "; punishing hurts both (so both would renegotiate):",
      all(x < y for x, y in zip(punishing, cooperating, strict=True)))

# %%
# Thresholds against the number of members
# -----------------------------------------
# A non-rival good (``mpcr = 1/2``). Collective reversion, credible by assumption, needs less
# patience as the group grows; under renegotiation-proofness it sustains nothing at any size.
# Free targeted penance needs exactly what grim needed, and is renegotiation-proof. Paying
# ``1/10`` a round to punish raises the punishers' threshold and, once the punishers keep
# cooperating among themselves, makes the penance renegotiable.
sizes = np.arange(3, 41)
model = Sanctions(n=3, mpcr=Fraction(1, 2))
costly = model.with_(sanction_cost=Fraction(1, 10))
curves = {
    "collective, subgame perfect": model.critical_discount_curve(
        sizes, "untargeted", "subgame_perfect"),
    "targeted, renegotiation-proof (free)": model.critical_discount_curve(sizes),
    "targeted, subgame perfect (cost 1/10)": costly.critical_discount_curve(
        sizes, "targeted", "subgame_perfect"),
}
print("collective, renegotiation-proof: attainable at some n?",
      any(np.isfinite(model.critical_discount_curve(sizes, "untargeted",
                                                    "renegotiation_proof"))))
print("targeted with cost 1/10, renegotiation-proof at n = 3..40?",
      sorted({costly.is_renegotiation_proof(n=int(n)) for n in sizes}))
print("collective reversion costs the punishers together, a round, at n = 3, 5, 10, 20:",
      [model.punishment_cost("untargeted", n) for n in (3, 5, 10, 20)])

fig, (ax, ax2) = plt.subplots(1, 2, figsize=(10, 4))
# The model computes each curve over all sizes at once, so the figure draws a table of
# columns (sizes and the three curves) rather than a sweep.
ml.plot.parameter_curve({"n": sizes, **curves}, "n", list(curves), ax=ax)
# the first two curves coincide: dash the second so that both stay visible
for line, style in zip(ax.get_lines(), ("-", "--", ":"), strict=True):
    line.set_linestyle(style)
ax.set_xlabel("members n")
ax.set_ylabel("critical discount factor")
ax.set_title("mpcr = 1/2 (collective, renegotiation-proof: never)")
ax.legend(fontsize=8)

# %%
# A sweep over what punishing costs
# ---------------------------------
# The headline depends on who pays to punish. In a pair the victim gains ``T - R`` from the
# penitent, which covers a cost up to that much (``cost_tolerance``); once the punishers keep
# cooperating among themselves (``m (n - 1) > 1``) nobody gains from the penance and any cost
# makes it renegotiable. In the pair the threshold does not move below the tolerance and no
# renegotiation-proof sanction exists above it. Without the renegotiation requirement (dashed)
# the cost still bites through the punishers' own incentive constraint: the second-order
# free-rider problem raises the threshold to ``(T - R + cost) / (R - S)``.
poor = Sanctions(n=2, mpcr=Fraction(3, 5))
print("cost tolerance, mpcr = 3/5:", {n: poor.cost_tolerance(n) for n in (2, 3, 4)})


def penance(n, sanction_cost):
    m = poor.with_(n=n, sanction_cost=sanction_cost)
    # a threshold of 1 stands for "no discount factor below 1 sustains it"
    return {"renegotiation-proof (1: never)": min(m.critical_discount().delta, 1),
            "subgame perfect": m.critical_discount("targeted", "subgame_perfect").delta}


cost_sweep = ml.sweep(penance, {"n": [2, 4, 10],
                                "sanction_cost": [Fraction(k, 40) for k in range(41)]},
                      store=False, progress=False)
ml.plot.parameter_curve(cost_sweep, "sanction_cost", "renegotiation-proof (1: never)", ax=ax2,
                        lines="n")
# the subgame-perfect threshold at n = 10 (the dashed line the text describes), from the
# same sweep's rows
ten = cost_sweep.parameters["n"] == 10
sp_label = "n = 10, subgame perfect only"
ml.plot.parameter_curve({"sanction_cost": cost_sweep.parameters["sanction_cost"][ten],
                         sp_label: cost_sweep.values["subgame perfect"][ten]},
                        "sanction_cost", sp_label, ax=ax2)
ax2.get_lines()[-1].set(color="C3", linestyle="--")
ax2.set_xlabel("sanction_cost (per punisher, per round)")
ax2.set_ylabel("critical delta (renegotiation-proof: 1 = never)")
ax2.set_title("targeted penance, mpcr = 3/5")
ax2.set_ylim(0, 1.05)
ax2.legend(fontsize=8)
fig.tight_layout()
plt.show()
for n in (2, 4, 10):
    rows = cost_sweep.parameters["n"] == n
    never = cost_sweep.parameters["sanction_cost"][rows][
        cost_sweep.values["renegotiation-proof (1: never)"][rows] >= 1]
    print(f"n = {n}: renegotiation-proof penance fails from sanction_cost",
          min(never) if len(never) else "never (on this grid)", "; subgame perfect "
          f"threshold at cost 1: {cost_sweep.values['subgame perfect'][rows][-1]:.3f}")
