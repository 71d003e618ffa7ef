"""
NATO and the hub-and-spokes: Cha's powerplay
=============================================

After 1949 the United States allied with Western Europe in one multilateral body, NATO, but
with its East Asian allies through separate bilateral treaties, a "hub and spokes" with no
links between the spokes. Victor Cha's *powerplay* explains the difference by control: the
United States wanted to restrain "rogue allies" -- Syngman Rhee's South Korea and Chiang
Kai-shek's Republic of China -- who might entrap it in wars it did not want, and a great
power controls small allies best one at a time; in a multilateral body small allies can
band together and bind the great power instead (the Lilliputian strategy).

This example

* shows the two structures from the shipped, sourced case data;
* derives Cha's four quadrants (who seeks control over whom) from the explicit assumptions
  of :class:`~multilateral.models.Powerplay`;
* and puts East Asia and Europe into the entrapment model
  :class:`~multilateral.models.AllianceControl`, with **illustrative** parameters (they
  encode the qualitative contrast of Cha's argument; they are not estimates).
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
from multilateral.cases import alliances
from multilateral.models import (
    CHA_QUADRANTS,
    AllianceControl,
    Powerplay,
    cha_quadrants,
    illustrative_alliances,
)

# %%
# The two structures
# ------------------
# Every row of the shipped tables names its source and date.
founders = alliances.nato_founders()
print(f"NATO founders (4 April 1949), {len(founders)}: {', '.join(founders)}")
print(f"NATO members today: {len(alliances.nato_members())}; the newest:")
for m in alliances.NATO_MEMBERS[-2:]:
    print(f"  {m.member:8s} {m.date}")
print("\nThe hub-and-spokes (the United States' security treaties in East Asia):")
for t in alliances.HUB_AND_SPOKES:
    end = f", ended {t.ended}" if t.ended else ""
    print(f"  {t.date}  {' and '.join(t.partners):28s} {t.treaty[:48]}{end}")

# %%
# NATO grew by rounds from 12 to 32; the hub-and-spokes had five treaties with six partners,
# one of them trilateral (ANZUS), and lost one when the treaty with the Republic of China
# ended on 1 January 1980. Beside the spokes stood one multilateral treaty, the Manila Pact
# (SEATO, 1954): seven partners, three of them also spokes, and an organization dissolved
# in 1977 -- the exception Cha's argument has to explain, drawn apart.
years = np.arange(1949, 2026)
nato_size = [len(alliances.nato_members(date=f"{y}-12-31")) for y in years]
spokes = [sum(len(t.partners) for t in alliances.hub_and_spokes(date=f"{y}-12-31")
              if t.kind != "multilateral") for y in years]
seato = [sum(len(t.partners) for t in alliances.hub_and_spokes(date=f"{y}-12-31")
             if t.kind == "multilateral") for y in years]
fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
structures_by_year = {"year": years,
                      "NATO: members of one multilateral body": nato_size,
                      "hub-and-spokes: US treaty partners in East Asia": spokes,
                      "Manila Pact (SEATO): partners of the one multilateral treaty": seato}
ml.plot.parameter_curve(structures_by_year, "year",
                        [k for k in structures_by_year if k != "year"], ax=ax)
ax.set_xlabel("year (end of)")
ax.set_ylabel("states")
ax.legend(loc="upper left")
ax.set_title("Two alliance structures")

# %%
# Who controls whom: Cha's four quadrants
# ---------------------------------------
# :class:`~multilateral.models.Powerplay` makes the control argument explicit. A controller
# of power ``w_C`` restrains a target of power ``w_T``; control is the controller's side's
# share of the power engaged. Bilaterally only the two engage; in a body the other members
# (power ``M``) join the sides, a share ``theta`` of them with the controller. Enforcement
# takes capabilities in proportion to the target's power, shared in a body. With neutral
# others (``theta = 1/2``), a great power of 10 and small powers of 1, and four other small
# powers in the body. Cha's own table, "Powerplay: bilateral versus multilateral control"
# (2010, pp. 165-166), names for each quadrant the structure that gives the most control;
# it is printed as published beside the structure the model derives. (The table was read as
# reproduced, with that page reference, in Wikipedia's article "Multilateralism"; Cha's
# article itself was read only in its abstract.)
print('published (Cha 2010, abstract): powerplay is "the construction of an asymmetric '
      'alliance designed to exert maximum control" (over the smaller ally)')
print(cha_quadrants(great=10, small=1, others=4, enforcement_cost=Fraction(1, 10)))
for number, (who, whom, cha) in CHA_QUADRANTS.items():
    pp = Powerplay(controller=10 if who == "great" else 1,
                   controlled=10 if whom == "great" else 1, others=4,
                   enforcement_cost=Fraction(1, 10))
    computed = pp.compare().preferred
    print(f"Q{number}: {who} controls {whom}: control bilateral "
          f"{float(pp.control('bilateral')):.2f}, multilateral "
          f"{float(pp.control('multilateral')):.2f}; published (Cha 2010, pp. 165-166): "
          f"{cha}, computed: {computed} -> {'agrees' if computed == cha else 'DISAGREES'}")

# %%
# The body gives more control exactly when the others are more reliably on the controller's
# side than its own bilateral share ``w_C / (w_C + w_T)`` (the mediant inequality). A great
# power facing a small ally already has ``10/11`` bilaterally, so neutral others dilute it:
# only there does bilateralism win -- if the stakes of control exceed the burden the body
# would save, per unit of control lost. The stakes that tip the choice fall as the
# asymmetry grows:
ratios = [float(r) for r in np.linspace(1.05, 20, 100)]
stakes = ml.sweep(lambda ratio: {"critical stakes": Powerplay(
    controller=ratio, controlled=1, others=4, enforcement_cost=0.1).critical_stakes().value},
    {"ratio": ratios}, store=False, progress=False)
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.parameter_curve(stakes, "ratio", "critical stakes", ax=left)
left.get_lines()[0].set_color("C3")
left.fill_between(ratios, stakes.columns["critical stakes"], 20, color="C3", alpha=0.15)
left.text(6, 0.5, "bilateral preferred\n(stakes above the curve)", color="C3")
left.text(1.5, 0.008, "multilateral preferred", color="C0")
left.set_yscale("log")
left.set_ylim(0.005, 20)
left.set_xlabel("power of the great power / power of its small ally")
left.set_ylabel("critical stakes of control")
left.set_title("Quadrant 3: when a great power prefers the spokes")

structures = {"multilateral": 0, "bilateral": 1, "indifferent": 2}
power = {"small power": 1, "great power": 10}


def quadrant(seeker, target):
    pp = Powerplay(controller=power[seeker], controlled=power[target], others=4,
                   enforcement_cost=Fraction(1, 10))
    return {"structure": structures[pp.compare().preferred]}


quadrants = ml.sweep(quadrant, {"seeker": list(power), "target": list(power)}, store=False,
                     progress=False)
ml.plot.sweep_map(quadrants, "target", "seeker", "structure", ax=right,
                  categories={code: name for name, code in structures.items()})
right.set_xlabel("target of control")
right.set_ylabel("who seeks control")
right.set_title("Cha's 2x2, derived")

# %%
# Entrapment: East Asia and Europe
# --------------------------------
# :class:`~multilateral.models.AllianceControl` adds what Cha stresses: the fear of
# entrapment. Each ally turns rogue with probability ``p``; an unrestrained adventure costs
# the great power ``E``; a rogue backs down under the threat of withheld support with
# probability ``d``. In a body the great power's threat needs the body's backing, which it
# gets with probability ``pi`` (the other allies vote; the party concerned abstains), but
# the body is worth ``b`` per ally (legitimacy, burden sharing). The great power prefers
# the spokes iff ``p E d (1 - pi) > b``.
#
# The two scenarios below are **illustrative**: East Asia with Cha's three cases (Taiwan,
# South Korea, Japan), rogue allies (``p = 1/2``) sympathetic to each other's adventures
# (``theta = 1/3``) and little burden sharing; Europe with the other eleven founders of
# NATO, little risk of being dragged into war (``p = 1/20``), much value in burden sharing
# and in binding the allies together, and a consensus rule.
scenarios = illustrative_alliances()
scenarios["east_asia"] = scenarios["east_asia"].with_(allies=3)
scenarios["europe"] = scenarios["europe"].with_(allies=len(founders) - 1,
                                                quota=len(founders) - 1)
print("published (Cha 2016, contents: chs. 4-6, pp. 65, 94, 122): three cases, Taiwan, "
      f"Korea, Japan; East Asia scenario: {scenarios['east_asia'].allies} allies")
for name, m in scenarios.items():
    fear = m.adventurism * m.entrapment_cost
    print(f"{name:9s}: {m.allies:2d} allies, {m.rule:9s} pi = {float(m.body_backs_restraint()):.3f}"
          f"; fear p*E = {float(fear):.2f} vs threshold {float(m.entrapment_threshold()):.2f}"
          f"; great power prefers {m.great_power_prefers()}, allies prefer "
          f"{m.allies_prefer()}")

# The value of the body ``b`` includes burden sharing, which Olson and Zeckhauser (1966)
# found uneven in NATO; the example does not estimate it (see the burden-sharing example,
# ``plot_alliance_burden_sharing.py``, for their model and their evidence).
print('published (Olson and Zeckhauser 1966, p. 266): "the smaller members of NATO devote '
      'smaller percentages of their incomes to defense than do larger members"; computed: '
      'not here (b is illustrative)')

# %%
# In East Asia the great power imposes the spokes on allies who would rather sit in a body
# where they are restrained less and can bind it (Cha's Lilliputian fear); in Europe both
# sides prefer the body. In the plane of entrapment fear and the value of the body, each
# scenario's line ``b = p E d (1 - pi)`` separates the two choices:
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
fears = np.linspace(0, 6, 100)
boundary = {"fear": fears, **{
    f"{name}: b = p E d (1 - pi)": float(m.dependence * (1 - m.body_backs_restraint())) * fears
    for name, m in scenarios.items()}}
ml.plot.parameter_curve(boundary, "fear", [k for k in boundary if k != "fear"], ax=left)
for line, m in zip(left.get_lines(), scenarios.values(), strict=True):
    line.set_marker("")
    left.plot([float(m.adventurism * m.entrapment_cost)], [float(m.binding_value)], "o",
              color=line.get_color(), ms=9)  # the scenario itself
left.text(4.2, 0.3, "bilateral", color="k")
left.text(0.3, 3.2, "multilateral", color="k")
left.set_xlabel("entrapment fear p E (per ally)")
left.set_ylabel("value of the body b (per ally)")
left.set_ylim(0, 4)
left.legend(loc="upper right", fontsize=8)
left.set_title("The great power's choice")

# %%
# The decision rule and the number of allies decide how much restraint the body forfeits.
# Under a majority the body backs the great power more reliably as it grows if the allies
# lean towards restraint (``theta > 1/2``), less if they lean towards adventure; under
# consensus the backing falls geometrically with every ally.
def backing(allies, theta):
    support = Fraction(theta).limit_denominator(4)
    return {rule: float(AllianceControl(allies=allies, adventurism=0, entrapment_cost=0,
                                        support=support,
                                        quota=allies if rule == "consensus" else None)
                        .body_backs_restraint()) for rule in ("majority", "consensus")}


dilution = ml.sweep(backing, {"allies": list(range(2, 31)), "theta": [0.75, 1 / 3]},
                    store=False, progress=False)
ml.plot.parameter_curve(dilution, "allies", ["majority", "consensus"], ax=right,
                        lines="theta", step=False)
right.set_xlabel("number of allies k")
right.set_ylabel("pi: the body backs restraint")
right.legend(fontsize=8)
right.set_title("Dilution by the decision rule")

plt.show()

# %%
# What the models leave out: the allies' identity and regime type (Hemmer and Katzenstein
# stress collective identity), abandonment fears on the allies' side, and the dynamics of
# a great power that can switch structures later. The quadrants and the entrapment
# threshold are this library's formalization of Cha's argument, not his words.
#
# References
# ----------
# * Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
#   *International Security* 34(3).
# * Cha, V. D. (2016). *Powerplay: The Origins of the American Alliance System in Asia*.
#   Princeton University Press.
# * Olson, M. and Zeckhauser, R. (1966). An economic theory of alliances. *Review of
#   Economics and Statistics* 48(3), 266-279.
# * Hemmer, C. and Katzenstein, P. J. (2002). Why is there no NATO in Asia?
#   *International Organization* 56(3), 575-607.
