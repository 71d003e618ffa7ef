"""
Fear spirals and the optimal mediator
=====================================

Two ways a crisis ends in a war that neither side wants, and what a third party can do.

* **Strategic risk** (:class:`~multilateral.models.PreemptiveWar`, after Chassang and Padró
  i Miquel 2010). Each state keeps the peace or attacks; being caught at peace is costly,
  so each attacks if it fears the other will. With the value of peace seen through a small
  private error, the states play the global-games threshold equilibrium (the one selected
  when peace is dominant at very high values; in this stage game mutual attack is an
  equilibrium too), and states whose peace is worth more than a first strike still attack:
  a *fear spiral*. Chassang and Padró i Miquel's comparative
  static: weapons always help peace under complete information, but not under strategic
  risk, where they also feed the fear.
* **Private information** (:class:`~multilateral.models.OptimalMediation`, after Hörner,
  Morelli and Squintani 2015). Each state is a hawk or a dove; a dove gains by posing as a
  hawk. An arbitrator who can impose settlements, a mediator who can only recommend them,
  and direct talks are compared by the least war risk each reaches.

**The headline depends on assumptions** (the weapons parametrization, the prior), so the
example sweeps them. The numbers are illustrative, not estimates of any crisis.
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
# A fear spiral
# -------------
# A first strike is worth 1, war -1, being caught at peace -2. With known stakes peace is an
# equilibrium once it is worth at least 1; under strategic risk the states keep the peace
# only above ``b + w + c - noise / 3``.
game = ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
                               signal_noise=Fraction(1, 10))
print("complete information: peace iff value >=", game.complete_information_threshold())
print("strategic risk: peace iff signal >=", game.threshold(),
      "(risk dominance, the noiseless limit:", game.risk_dominance_threshold(), ")")
print("value of peace 3/2:", game.war_risk(Fraction(3, 2)))

# %%
# Weapons under strategic risk
# ----------------------------
# The library's weapons parametrization: at weapons ``k`` a first strike is worth
# ``2 - k`` (retaliation deters), war ``-k``, being caught at peace ``-(k + k**2 / 2)``.
# Chassang and Padró i Miquel (2010, abstract): "weapons unambiguously facilitate peace
# under complete information", while under strategic risk "increases in weapon stocks can
# have a nonmonotonic effect".
# The vulnerability (how fast the cost of being caught at peace grows with weapons) is the
# library's assumption, not the article's, so the sweep (:func:`multilateral.sweep`, drawn
# with :func:`multilateral.plot.parameter_curve`) runs over it too.
weapons = np.round(np.linspace(0.05, 3, 60), 4)


def armed(k, vulnerability=0.5):
    return ml.models.PreemptiveWar(first_strike=2 - k, war_payoff=-k,
                                   exposure=k + vulnerability * k * k, signal_noise=0.01)


def thresholds(vulnerability, k):
    m = armed(k, vulnerability)
    return {"complete information": m.complete_information_threshold(),
            "strategic risk": m.threshold()}


weapons_sweep = ml.sweep(thresholds, {"vulnerability": [0.25, 0.5, 1.0], "k": weapons},
                         store=False, progress=False)
# One curve per vulnerability under strategic risk, and the complete-information threshold
# once: it does not depend on the vulnerability (checked below), so the sweep's columns are
# laid out as a table with one column per curve.
vulnerabilities = (0.25, 0.5, 1.0)
by_vulnerability = {v: weapons_sweep.parameters["vulnerability"] == v for v in vulnerabilities}
assert all((weapons_sweep.parameters["k"][rows] == weapons).all()
           for rows in by_vulnerability.values())
complete_information = [weapons_sweep.values["complete information"][rows]
                        for rows in by_vulnerability.values()]
assert all((c == complete_information[0]).all() for c in complete_information)
curves = {"k": weapons,
          **{f"strategic risk, vulnerability = {v}": weapons_sweep.values["strategic risk"][rows]
             for v, rows in by_vulnerability.items()},
          "complete information (any vulnerability)": complete_information[0]}
fig, ax = plt.subplots(figsize=(6, 3.5))
ml.plot.parameter_curve(curves, "k", list(curves)[1:], ax=ax)
ax.get_lines()[-1].set(color="k", linestyle=":")  # the reference line, as a reference
ax.legend(fontsize=7)
ax.set_title("the least value of peace that keeps it, against weapons", fontsize=9)
ax.set_xlabel("weapons k")
ax.set_ylabel("least value of peace that keeps it")
fig.tight_layout()
plt.show()
print("published (Chassang and Padró i Miquel 2010, p. 1821, the abstract): 'weapons "
      "unambiguously facilitate peace under complete information' but under strategic risk "
      "'increases in weapon stocks can have a nonmonotonic effect on the sustainability of "
      "cooperation'")
for v, rows in by_vulnerability.items():
    complete = weapons_sweep.values["complete information"][rows]
    risky = weapons_sweep.values["strategic risk"][rows]
    steps = np.diff(risky)
    print(f"  computed, vulnerability {v}: complete-information threshold never rises with k: "
          f"{bool((np.diff(complete) <= 0).all())}; strategic-risk threshold falls to "
          f"{risky.min():.3f} at k = {weapons[risky.argmin()]:.2f}, then rises: "
          f"{bool((steps < 0).any() and (steps > 0).any())}")
print("  (the article's own model and figures were not reached: the stage game and the "
      "weapons parametrization are the library's)")

# %%
# The optimal mediator
# --------------------
# Hawks beat doves with probability 1, war costs 1/10, three hawks in four. Direct talks
# reveal the types, and a hawk that knows it faces a dove demands its war value; the
# mediator hides that from it (it sometimes recommends the equal split that two hawks get).
crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                                    war_cost=Fraction(1, 10))
for mechanism in (crisis.direct_talks(), crisis.arbitration(), crisis.mediation()):
    print(mechanism)
print(crisis.compare())
print("published (Hörner, Morelli and Squintani 2015, p. 1483, the abstract): mediators 'can "
      "be equally effective as arbitrators'; computed war risks, mediator",
      crisis.mediation().war_probability, "arbitrator", crisis.arbitration().war_probability)
print("published (same): 'Simple protocols of unmediated communication cannot achieve the "
      "same level of ex ante welfare'; computed war risk of direct talks",
      crisis.direct_talks().war_probability, "(the article's own numbers were not reached; "
      "the two-type model here is the library's version)")

# %%
# A sweep over the prior
# ----------------------
# Where the prior makes a hawk's war less attractive, the mediator keeps the peace where
# direct talks cannot.
priors = [Fraction(k, 20) for k in range(1, 20)]


def mechanisms(hawk_probability):
    m = ml.models.OptimalMediation(hawk_probability=hawk_probability,
                                   hawk_advantage=Fraction(9, 10), war_cost=Fraction(1, 10))
    return {"direct talks": m.direct_talks().war_probability,
            "mediation": m.mediation().war_probability,
            "arbitration": m.arbitration().war_probability}


prior_sweep = ml.sweep(mechanisms, {"hawk_probability": priors}, store=False, progress=False)
fig, ax = plt.subplots(figsize=(6, 3.5))
ml.plot.parameter_curve(prior_sweep, "hawk_probability", ["direct talks", "mediation"], ax=ax)
ax.set_xlabel("prior probability of a hawk")
ax.set_ylabel("probability of war")
fig.tight_layout()
plt.show()
values = prior_sweep.values
print("mediation = arbitration at all", len(priors), "priors:",
      bool((values["mediation"] == values["arbitration"]).all()),
      "; mediation beats talks at", int((values["mediation"] < values["direct talks"]).sum()),
      "of them")
print("mediation keeps the peace for q >=", ml.models.OptimalMediation(
    hawk_probability=priors[0], hawk_advantage=Fraction(9, 10),
    war_cost=Fraction(1, 10)).peace_threshold(),
    "; direct talks only if hawk_advantage - war_cost <= 1/2")
