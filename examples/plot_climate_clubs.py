"""
Climate clubs: a penalty on outsiders, and the EU's carbon border adjustment
============================================================================

Nordhaus (2015, p. 1339) found that "without sanctions against non-participants there are no
stable coalitions other than those with minimal abatement", while "small trade penalties on
non-participants, a Climate Club, can induce a large stable coalition with high levels of
abatement". The European Union's carbon border adjustment mechanism (CBAM, Regulation (EU)
2023/956) is the nearest thing to such a penalty in force: a charge on the carbon embedded in
imports from countries that do not price carbon as the EU does, phased in from 2026.

This example computes, exactly, with :class:`~multilateral.models.ClimateClub`:

* Nordhaus's two results in his mechanism (members abate to a target price; a uniform
  tariff on outsiders): no club without the tariff, and a club of all from a threshold
  tariff that rises with the target price (that participation *jumps* from none to all is
  this model's, with identical countries, not a result read in Nordhaus);
* the same relation where the members choose their abatement jointly (Barrett's game): the
  club grows with the tariff one country at a time;
* the CBAM's published timeline beside the year in which its phased-in charge would reach
  the club's threshold -- a headline that depends on how much the outsiders trade with the
  club, so it is computed over a sweep of trade intensities.
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

import multilateral as ml
from multilateral.cases import cbam

# %%
# No club without a penalty (Nordhaus 2015, p. 1339)
# ----------------------------------------------------
# Fifteen identical countries (Nordhaus's C-DICE has 15 regions), each valuing global
# abatement at ``b = 1`` and abating at cost ``q**2 / 2``. Members abate to a target price
# ``p``; outsiders to their own ``b``. Whatever the target, only "no club" is stable.
N = 15
print('published (Nordhaus 2015, abstract, p. 1339): "without sanctions against '
      'non-participants there are no stable coalitions other than those with minimal '
      'abatement"')
for price in (2, 4, 8):
    club = ml.models.ClimateClub(n=N, benefit=1, cost=1, target_price=price)
    print(f"computed:  target price {price}: stable club sizes {club.stable_sizes()} "
          "(0 = no club)")

# %%
# Participation against the tariff: a threshold
# ---------------------------------------------
# With a tariff on outsiders' exports (each country exports ``trade = 10``), a member who
# leaves saves ``(p - b)**2 / 2`` and pays the tariff on its exports to the club: the club
# of all is stable from ``tariff * trade = (p - b)**2 / 2`` on. A higher target price needs a
# higher tariff.
tariffs = [Fraction(i, 20) for i in range(0, 101)]
for price in (2, 3, 4):
    club = ml.models.ClimateClub(n=N, benefit=1, cost=1, target_price=price, trade=10)
    need = club.least_tariff(N)
    print(f"target price {price}: full participation from tariff {need.exact} "
          f"(computed from (p - b)**2 / (2 c trade) = {Fraction((price - 1) ** 2, 20)})")
print('published (Nordhaus 2015, abstract, p. 1339): "small trade penalties on '
      'non-participants, a Climate Club, can induce a large stable coalition with high levels '
      'of abatement"; his tables and figures of participation by tariff and target price '
      "could not be read here, so no value of them is printed")
print("computed:  in the model the club of all holds from the least tariffs above; the "
      "threshold rises with the target price (the sweep below)")


def nordhaus_club(target_price, tariff):
    club = ml.models.ClimateClub(n=N, benefit=1, cost=1, target_price=target_price,
                                 trade=10, tariff=tariff)
    return {"largest stable club": club.largest_stable_size()}


# The relation over a sweep of tariffs and target prices, drawn with
# :func:`multilateral.plot.parameter_curve`: one step curve per target price (a club's size
# is an integer; each step is drawn halfway between two computed tariffs, 1/20 apart).
nordhaus = ml.sweep(nordhaus_club, {"target_price": [2, 3, 4], "tariff": tariffs},
                    store=False, progress=False)
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
ml.plot.parameter_curve(nordhaus, "tariff", "largest stable club", ax=left,
                        lines="target_price")
left.set(xlabel="penalty tariff", ylabel="largest stable club", title="Nordhaus's club rule")

# %%
# Where the members optimize their abatement (Barrett's game), the same tariff buys one more
# member at a time: the stable club is ``3 + floor(2 tariff trade c / (b**2 (n - 1)))``.
barrett = ml.models.ClimateClub(n=N, benefit=1, cost=1, trade=10)
barrett_sweep = ml.sweep(
    lambda tariff: {"largest stable club": barrett.with_(tariff=tariff).largest_stable_size()},
    {"tariff": tariffs}, store=False, progress=False)
ml.plot.parameter_curve(barrett_sweep, "tariff", "largest stable club", ax=right)
right.set(xlabel="penalty tariff", ylabel="", title="members optimize (linear game)")
fig.tight_layout()

# %%
# The CBAM's timeline, and when its charge would hold a club together
# -------------------------------------------------------------------
# Published dates (each with its source in the shipped table):
for name in ("adopted", "transitional_start", "transitional_end", "definitive_start",
             "free_allocation_zero"):
    e = cbam.event(name)
    print(f"{e.date}  {e.description[:70]}")
print("not confirmed here:", "; ".join(cbam.unconfirmed()) or "none")

# %%
# Take the full CBAM charge as a tariff of 1 (in payoff units per unit of trade), paid in
# year ``y`` at the phase-in share of that year, and a club with target price 3 (a member
# saves 2 by leaving). The year the club of all becomes stable depends on how much the
# outsiders export to the club: the sweep below is the headline's assumption.
years = [p.year for p in cbam.PHASE_IN]
club = ml.models.ClimateClub(n=N, benefit=1, cost=1, target_price=3)


def largest_club(trade, year):
    return {"largest stable club":
            club.with_(tariff=cbam.phase_in_share(year), trade=trade).largest_stable_size()}


trades = [2, 3, 4, 6, 10, 20]
phase_in = ml.sweep(largest_club, {"trade": trades, "year": years}, store=False, progress=False)
for trade in trades:
    rows = phase_in.parameters["trade"] == trade
    first = next((int(y) for y, k in zip(phase_in.parameters["year"][rows],
                                          phase_in.values["largest stable club"][rows],
                                          strict=True) if k == N), None)
    print(f"trade intensity {trade:>2}: club of all stable from "
          f"{first if first else 'never (before or at full CBAM)'}")
fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
ml.plot.sweep_map(phase_in, "year", "trade", "largest stable club", ax=ax)
# the definitive period starts at the left edge of its year's column
ax.axvline(years.index(cbam.event("definitive_start").date.year), color="white",
           linestyle=":")
ax.set(xlabel="year", ylabel="trade intensity", title="CBAM phase-in as a club penalty")
plt.show()

# %%
# What this does not say
# ----------------------
# The CBAM is sector-specific and charges embedded emissions; Nordhaus's tariff is uniform
# on all imports. The intermediate phase-in shares rest on the European Parliament's press
# release on the agreed schedule, not on the Directive's text (see the table's status). And
# the model's countries are identical, while his calibrated C-DICE has 15 regions that
# differ in costs, damages and trade: the none-to-all jump on the left comes from that
# symmetry (the saving from leaving is the same for all), and his numerical participation
# rates (his tables were not read here) are not reproduced.
