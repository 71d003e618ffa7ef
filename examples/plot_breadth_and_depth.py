"""
Breadth against depth, and a bilateral deal that tips a multilateral one
========================================================================

Downs, Rocke and Barsoom (1998, p. 397) argued that multilateral organizations do not "spring
forth full blown" but grow, and that a strategy of *sequential construction* -- the most
committed states found the agreement, the less committed join later -- "dramatically mitigates
the breadth-depth trade-off". Heal and Kunreuther (2011) argued that climate negotiations may
have a *tipping set*: a few countries whose adoption makes adoption pay for everybody else.
The case for both is the 12 November 2014 US-China joint announcement, thirteen months before
the Paris Agreement.

This example computes, with :class:`~multilateral.models.BreadthDepth` and
:class:`~multilateral.models.TippingSet`:

* the depth an inclusive agreement and a constructive one reach at every breadth, and how the
  gap depends on the heterogeneity of preferences and on the decision rule (the assumptions
  the headline rests on);
* with the emission shares of :mod:`multilateral.cases.climate`, whether China and the United
  States form a tipping set, swept over the hurdle that other countries need cleared (which is
  not data: it is the assumption the headline depends on).
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
from fractions import Fraction as F

import matplotlib.pyplot as plt

import multilateral as ml
from multilateral.cases import climate
from multilateral.models import BreadthDepth, TippingSet

# %%
# Inclusive against constructive
# ------------------------------
# Eleven states with ideal depths 1, 9/10, ..., 0; belonging to the agreement of all is worth
# 2/5 (in units of depth); depth needs unanimity. The inclusive agreement is as deep as its
# least committed member wants; the constructive one is founded by the two most committed.
model = BreadthDepth(ideals=[F(i, 10) for i in range(11)], breadth_value=F(2, 5))
frontier = model.frontier()
print("breadth  inclusive  constructive")
for k, inc, con in zip(frontier.breadths, frontier.inclusive, frontier.constructive, strict=True):
    print(f"{k:7d}  {inc!s:>9s}  {con!s:>12s}")
print('published (Downs, Rocke and Barsoom 1998, IO 52(2), abstract, p. 397): a "sequential '
      'construction" strategy "dramatically mitigates the breadth-depth trade-off and increases '
      'the level of cooperation a multilateral is able to attain"')
print(f"computed:  at full breadth the constructive agreement reaches depth "
      f"{model.constructive_depth()}, the inclusive one {model.inclusive_depth()}")

fig, ax = plt.subplots(figsize=(6, 4))
# the frontier is a table of columns: breadth and the two strategies' depths
ml.plot.parameter_curve({"breadth": frontier.breadths, "inclusive": frontier.inclusive,
                         "constructive": frontier.constructive}, "breadth",
                        ["inclusive", "constructive"], ax=ax)
ax.set_xlabel("breadth (members)")
ax.set_ylabel("depth")
ax.set_title("Breadth against depth, unanimity")
ax.legend()

# %%
# What the gap rests on: heterogeneity and the decision rule
# ----------------------------------------------------------
# Spreading the ideals apart (``t -> h t``) widens the gap at full breadth under unanimity. Under
# a majority rule the inclusive pivot is more committed, and with increasing returns to breadth
# the constructive strategy can even fall behind -- the qualification of the claim, which rests
# on the model's assumption that the enlarged membership never deepens the acquis.
spreads = [F(i, 10) for i in range(11)]
RULES = {F(1): "unanimity", F(2, 3): "two-thirds", F(1, 2): "majority"}


def depth_gap(spread, rule):
    spread_model = model.with_(ideals=[spread * t for t in model.ideals], majority=rule)
    return {"constructive - inclusive depth": spread_model.depth_gap()}


gap_sweep = ml.sweep(depth_gap, {"spread": spreads, "rule": list(RULES)}, store=False,
                     progress=False)
for rule, name in RULES.items():  # exact values at two spreads (the sweep stores floats)
    gaps = [depth_gap(h, rule)["constructive - inclusive depth"] for h in (F(1, 2), F(1))]
    print(f"{name:10s} gap at h = 1/2, 1: {gaps[0]}, {gaps[1]}")
fig, ax = plt.subplots(figsize=(6, 4))
ml.plot.parameter_curve(gap_sweep, "spread", "constructive - inclusive depth", ax=ax,
                        lines="rule")
ax.axhline(0, color="grey", lw=0.5)
ax.set_xlabel("spread of ideals h")
ax.set_title("The gap by decision rule (majority 1, 2/3, 1/2)")

# %%
# When the founders choose the breadth too
# ----------------------------------------
# The pivotal founder trades depth against the value of breadth: with no value in breadth it
# admits only the states that accept its own depth; as breadth gains value, entrants accept
# deeper agreements and the founders admit more of them, at times giving up some depth.
for value in (F(0), F(1, 5), F(2, 5), F(1), F(2)):
    k, depth = model.with_(breadth_value=value).founders_choice()
    print(f"breadth value {value!s:>4s}: founders choose {k:2d} members at depth {depth}")

# %%
# The US-China announcement and Paris
# -----------------------------------
# Dates and shares from the shipped case data (each with its source).
announced = climate.event("us_china_joint_announcement").date
adopted = climate.event("paris_adopted").date
print(f"US-China joint announcement {announced}, Paris adopted {adopted} "
      f"({(adopted - announced).days} days later)")
named = climate.emission_shares()
others = 187  # an assumption: the residual spread evenly over this many unnamed states
rest = climate.residual_share()
shares = list(named.values()) + [rest / others] * others
labels = list(named) + [f"state {i}" for i in range(others)]
print(f"China + US: {float(named['China'] + named['United States']):.0%} of 2023 fossil CO2 "
      "(Global Carbon Budget 2024)")

# %%
# The hurdle every other country needs cleared is not data, so sweep it: China and the US tip
# the world exactly while the hurdle is at most their joint share, 44%; above it the minimal
# tipping set grows quickly.
hurdles = [F(i, 100) for i in range(20, 71, 2)]


def tipping(hurdle):
    game = TippingSet(shares, [max(hurdle, F(1, 2))] * 2 + [hurdle] * (len(shares) - 2),
                      labels=labels)
    return {"minimal tipping set": game.minimal_tipping_size(),
            "US+China tip": int(game.tips(["China", "United States"]))}


tipping_sweep = ml.sweep(tipping, {"hurdle": hurdles}, store=False, progress=False)
print("hurdle  minimal tipping set  US+China tip")
for h, size, tip in zip(hurdles[::5], tipping_sweep.values["minimal tipping set"][::5],
                        tipping_sweep.values["US+China tip"][::5], strict=True):
    print(f"{float(h):6.2f}  {int(size):19d}  {bool(tip)}")
fig, ax = plt.subplots(figsize=(6, 4))
ml.plot.parameter_curve(tipping_sweep, "hurdle", "minimal tipping set", ax=ax,
                        conclusion="US+China tip",
                        categories={1: "US and China tip the rest",
                                    0: "they do not"})
ax.axvline(0.44, color="grey", ls="--")
ax.set_xlabel("hurdle of the other countries (share of the world)")
ax.set_ylabel("size of the minimal tipping set")
plt.show()
