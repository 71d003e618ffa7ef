"""
The value of exclusivity: would China or the United States bar Mekong dual members?
====================================================================================

All five riparian states -- Cambodia, Laos, Myanmar, Thailand, Vietnam -- belong both to
China's Lancang-Mekong Cooperation (LMC, launched 12 November 2015) and to the United
States' Mekong-U.S. Partnership (MUSP, 11 September 2020). The library reads this as
hedging (Kuik 2008 uses the term for small states' middle position between balancing and
bandwagoning with a rising power, and explains it by regime legitimation, not club rules).
Neither sponsor makes its members choose. Why not?

:class:`~multilateral.models.ClubExclusivity` is a two-stage game (the library's
formalization; no published formal model of rival clubs' rules is reproduced): each sponsor
picks an open or an exclusive rule, then the states sort as in
:class:`~multilateral.models.RivalClubs` (Buchanan club goods). A sponsor values each member
(``member_value``) and, more, each member that is its own alone (``loyalty``); enforcing
exclusivity costs it ``exclusion_cost``. The sorting is evaluated at its potential
maximisers, weighted equally (the zero-noise limit of asynchronous logit dynamics). This
example

* reads the fora and dates from the shipped case data (every row sourced);
* checks that with both rules open the model is exactly ``RivalClubs``;
* asks what the observed dual membership implies: open rules on both sides are an
  equilibrium only while each sponsor's loyalty is at most its threshold;
* and, since the riparian states' values are illustrative (none are published), sweeps the
  sponsors' loyalty and the states' lean between the fora.
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
from multilateral.cases import mekong
from multilateral.models import RivalClubs

# %%
# The case: every riparian state is in both fora
# ----------------------------------------------
for forum in ("lmc", "musp"):
    print(f"{mekong.FORUMS[forum]:28} founded {mekong.founded(forum)}: "
          f"{', '.join(mekong.members(forum))}")
print("in both:", ", ".join(mekong.dual_members()))

# %%
# The model, with illustrative values (not estimates)
# ---------------------------------------------------
# Each riparian state's value of the LMC's and the MUSP's goods (illustrative), each club's
# good costing 6 with crowding 1/4; enforcing exclusivity costs a sponsor 1.
values = [[6, 4], [6, 3], [5, 5], [4, 5], [4, 6]]
game = mekong.club_exclusivity(values, facility_cost=[6, 6], congestion=Fraction(1, 4),
                               exclusion_cost=1)
same = RivalClubs(values, facility_cost=[6, 6], congestion=Fraction(1, 4),
                  labels=mekong.RIPARIAN)
print("both open is exactly RivalClubs:", game.membership_game() == same,
      "| equilibria equal:", game.sorting_equilibria(("open", "open")) == same.equilibria())
print("selected sorting, both open:", game.selected_sortings(("open", "open")),
      "observed:", mekong.profile()[2:])
# The membership as published: China's foreign ministry on the LMC's first foreign
# ministers' meeting (12 November 2015) and the MUSP's Joint Ministerial Statement (State
# Department media note, 15 September 2020) both name the same five riparian states. A
# sorting codes each state 0 (neither), 1 (LMC only), 2 (MUSP only) or 3 (both).
print("published (MFA of China press release, 12 Nov 2015; MUSP Joint Ministerial Statement, "
      "15 Sep 2020): Cambodia, Laos, Myanmar, Thailand, Vietnam in both; computed (model, "
      "both rules open):", "all five in both (code 3)"
      if game.selected_sortings(("open", "open")) == ((3,) * 5,) else "not all in both")
print('published (Kuik 2008, p. 159): "hedging" is used "as an alternative to \'balancing\' '
      'and \'bandwagoning\' in describing small states\' strategies towards a rising power"'
      " (his explanation is regime legitimation, not club rules: no number to compare)")
print("every state joins both while the hedging cost is <=",
      game.universal_hedging_threshold().exact)
print("selected sorting, LMC exclusive:", game.selected_sortings(("exclusive", "open")))
print("selected sorting, MUSP exclusive:", game.selected_sortings(("open", "exclusive")))

# %%
# What the observed open rules imply about each sponsor
# -----------------------------------------------------
# With these illustrative values (not estimates) a forced choice sends every state to the
# LMC: the MUSP's exclusivity backfires (its members choose the rival) at any loyalty, while
# the LMC's pays once China's loyalty per state reaches its enforcement cost (1, also
# illustrative) over five states. The bound on China's loyalty below is the model's under
# these values; with the states leaning towards the MUSP the roles reverse (the sweep).
for k, sponsor in enumerate(("China (LMC)", "United States (MUSP)")):
    low, high = game.exclusivity_range(k)
    print(f"{sponsor} (illustrative values): value of exclusivity "
          f"{game.value_of_exclusivity(k)} at loyalty 0 "
          f"(all pure sorting equilibria: {low} to {high}); pays iff "
          f"{game.loyalty_threshold(k)}")
for loyalty in (0, Fraction(1, 5), Fraction(1, 2)):
    print(f"loyalty {loyalty}: rule-stage equilibria "
          f"{game.with_(loyalty=loyalty).rule_equilibria()}")

# %%
# Sweeps: the sponsors' loyalty and the states' lean
# --------------------------------------------------
loyalties = [Fraction(k, 10) for k in range(0, 11)]
value_a = [game.with_(loyalty=x).value_of_exclusivity(0) for x in loyalties]
value_b = [game.with_(loyalty=x).value_of_exclusivity(1) for x in loyalties]
leans = [Fraction(k, 2) for k in range(-4, 5)]
thresholds = []
for d in leans:
    leaned = game.with_(club_values=[[a + d, b - d] for a, b in values])
    thresholds.append([leaned.loyalty_threshold(k).value for k in (0, 1)])
    print(f"lean {d!s:>4} towards the LMC: loyalty thresholds LMC "
          f"{leaned.loyalty_threshold(0)}, MUSP {leaned.loyalty_threshold(1)}")

# The conclusion the case rests on, both rules open, over the lean and the (common)
# loyalty: where it is the only rule-stage equilibrium, where an exclusive rule is an
# equilibrium too, and where open rules are no equilibrium at all.
OPEN = ("open", "open")


def open_rules(lean, loyalty):
    lean, loyalty = Fraction(lean), Fraction(loyalty).limit_denominator(10)  # exact again
    leaned = game.with_(club_values=[[a + lean, b - lean] for a, b in values],
                        loyalty=loyalty)
    equilibria = leaned.rule_equilibria()
    return {"open rules": 0 if equilibria == (OPEN,) else 1 if OPEN in equilibria else 2}


rules = ml.sweep(open_rules, {"lean": [float(d) for d in leans],
                              "loyalty": [float(x) for x in loyalties]},
                 store=False, progress=False)
fig, axes = plt.subplots(1, 2, figsize=(13, 4.5), layout="constrained")
ml.plot.parameter_curve({"loyalty": [float(x) for x in loyalties],
                         "China (LMC)": [float(v) for v in value_a],
                         "United States (MUSP)": [float(v) for v in value_b]},
                        "loyalty", ["China (LMC)", "United States (MUSP)"], ax=axes[0])
axes[0].axhline(0, color="grey", lw=0.8)
axes[0].set_xlabel("loyalty (sponsor's value per member of its club alone)")
axes[0].set_ylabel("value of exclusivity")
axes[0].set_title("Exclusivity pays the forced choice's winner")
axes[0].legend(fontsize=7)
ml.plot.sweep_map(rules, "lean", "loyalty", "open rules", ax=axes[1],
                  categories={0: "open only", 1: "open or excl.", 2: "not open"})
axes[1].set_xlabel("riparian states' lean towards the LMC")
axes[1].set_ylabel("loyalty (both sponsors)")
axes[1].set_title("Where the observed open rules are an equilibrium")
plt.show()
