"""
Veto power: the UN Security Council and the IMF
===============================================

Weight is not power. In the UN Security Council every member has one vote, yet the five
permanent members hold nearly all of the voting power, because no substantive decision
passes without each of them. In the IMF votes are weighted by quota, and the 85% majority
required for quota increases and SDR allocations gives the United States (16.50% of the
votes) a veto that no other member has. This example measures both with power indices
(:mod:`multilateral.solvers.power`) on the sourced data shipped in
:mod:`multilateral.cases.unsc` and :mod:`multilateral.cases.imf`:

* the Shapley-Shubik index: how often a member is pivotal when members join in a random
  order (``421/2145`` for each permanent member of today's Council);
* the Banzhaf index: how often a member's vote turns a losing coalition into a winning one,
  normalized to shares;
* Coleman's measures (:func:`~multilateral.solvers.coleman`): the power of the IMF to act
  at each of its majorities, and each member's power to prevent and to initiate action.
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

import multilateral as ml
from multilateral.cases import imf, unsc

# %%
# The Security Council before and after 1965
# ------------------------------------------
# Article 27: nine votes of fifteen, "including the concurring votes of the permanent
# members"; before the amendments in force from 31 August 1965, seven of eleven. Written as
# a rule, that is an intersection of two games; as a weighted game it is
# ``[39; 7 x5, 1 x10]`` (``[27; 5 x5, 1 x6]`` before): the same winning coalitions.
for r in unsc.RULES:
    veto = "with the veto" if r.permanent_concurrence else "no veto"
    print(f"{r.period:9s} {r.matter:11s} {r.votes_required} of {r.seats} ({veto}), "
          f"since {r.date}")
council = unsc.voting_game()
print(council, "equivalent to the written rule:",
      unsc.composite_game().is_equivalent(council))

rows, indices = {}, {}
for period in unsc.PERIODS:
    game = unsc.voting_game(period)
    ss = ml.solvers.shapley_shubik(game)
    bz = ml.solvers.banzhaf(game, normalized=True)
    rows[period] = (ss["China"], ss["E1"], bz["China"], bz["E1"], game)
    indices[period] = (ss, bz)
    print(f"{period}: Shapley-Shubik permanent {ss['China']} ({float(ss['China']):.2%}), "
          f"elected {ss['E1']} ({float(ss['E1']):.2%}); Banzhaf permanent "
          f"{float(bz['China']):.2%}, elected {float(bz['E1']):.2%}")

print("published: Shapley and Shubik (1954) computed the index for the Council of their day "
      "(11 seats, 7 votes); their figures could not be read here, so the computed "
      f"{rows['pre-1965'][0]} per permanent member is not set beside a published one")

# %%
# With a third of the seats the five hold 98% of the Shapley-Shubik power. The enlargement
# of 1965 added four elected seats and two required votes: each elected member's power fell
# (from 1/462 to 4/2145), but the elected members' share as a group rose from 1.3% to 1.9%.
# The Banzhaf index, which counts swings rather than orders, gives the elected members
# more (16.5% as a group): the indices answer different questions, and the ranking is the
# same.
fig, axes = plt.subplots(1, 2, figsize=(9, 3.8), layout="constrained")
labels = ["before 1965\n(11 seats, 7 votes)", "after 1965\n(15 seats, 9 votes)"]
groups = {"five permanent members": unsc.permanent_members(),
          "elected members": [f"E{k}" for k in range(1, 11)]}  # six seats before 1965
for ax, k, name in ((axes[0], 0, "Shapley-Shubik"), (axes[1], 1, "Banzhaf (normalized)")):
    results = {label: indices[p][k] for label, p in zip(labels, unsc.PERIODS, strict=True)}
    ml.plot.power_bars(results, ax=ax, groups=groups, stacked=True)
    permanent, elected = ax.containers  # the elected members' thin layer: label above it
    ax.bar_label(permanent, fmt="{:.1%}", label_type="center", color="white")
    ax.bar_label(elected, fmt="{:.1%}", fontsize=8)
    ax.get_legend().remove()
    ax.set_ylim(0, 1.1)
    ax.set_title(name)
axes[0].set_ylabel("share of voting power")
axes[1].set_ylabel("")
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=2,
           fontsize=8)
fig.suptitle("UN Security Council: the veto as voting power")

# %%
# A caucus of the elected
# -----------------------
# If the ten elected members voted as one bloc they would hold a veto too: the Council would
# become a unanimity game of six, and the bloc's Shapley-Shubik power would rise from 1.9% to
# one sixth.
elected = [f"E{k}" for k in range(1, 11)]
print(ml.solvers.caucus_power(council, elected, label="E10"))

# %%
# The IMF: the US veto at 85%
# ---------------------------
# Every member's votes from the IMF's own table of 2 October 2022 (190 members, 5,039,930
# votes; each row with its source and date): the game weighs each member by its published
# votes, none assumed. The 27 EU member states together hold a quarter of the votes: as a
# caucus they would block an 85% decision too.
for v in imf.VOTES[:8]:
    print(f"{v.member:15s} {float(v.share):6.2%}  ({v.date})")
print("members with a veto at 85%:", imf.blocking_members(Fraction(85, 100)))
print("members with a veto at 70%:", imf.blocking_members(Fraction(70, 100)) or "none")
print(f"EU-27 caucus: {float(imf.bloc_share(imf.EU27)):.1%} of the votes; blocks at 85%: "
      f"{imf.blocks(imf.EU27)}")

# Banzhaf only: with 190 members and 5 million votes it takes seconds; Shapley-Shubik
# takes several times longer
majorities = {"simple majority": "simple", "70%": Fraction(70, 100), "85%": Fraction(85, 100)}
power = {}
for label, majority in majorities.items():
    game = imf.voting_game(majority)
    bz = ml.solvers.banzhaf(game, normalized=True)
    power[label] = (bz, game.veto_players)
    print(f"{label:15s} US: Banzhaf {float(bz['United States']):.1%}; Japan: Banzhaf "
          f"{float(bz['Japan']):.1%}; veto players {game.veto_players or 'none'}")

# %%
# Leech (2002) beside the computation
# -----------------------------------
# Leech computed Banzhaf powers for the Board of Governors on the votes of 1999. His tables
# could not be read when this example was written (only the article's abstract could), so
# no value of his is printed as published; his weights (1999) are not shipped either. What
# his abstract states is checked here on the shipped 2022 shares: three qualitative findings.
us = imf.vote_shares()["United States"]
simple_us = power["simple majority"][0]["United States"]
special_us = power["85%"][0]["United States"]
checks = [
    ("US power over ordinary decisions 'considerably more than its weight of 17%' (1999)",
     f"{float(simple_us):.1%} against a weight of {float(us):.2%} (the table of 2022)",
     simple_us > us),
    ("'the use of special supermajorities limits its power'",
     f"{float(special_us):.1%} at 85% against {float(simple_us):.1%} at a simple majority",
     special_us < simple_us),
    ("US sovereignty 'effectively limited to just the power of veto'",
     f"veto players at 85%: {power['85%'][1]}; at 70%: {power['70%'][1] or 'none'}",
     power["85%"][1] == ("United States",)),
]
print("Leech (2002), abstract (Annals of Operations Research 109, 375-397):")
for published, computed, holds in checks:
    print(f"  published (abstract): {published}\n  computed:  {computed} -> "
          f"{'agrees' if holds else 'DISAGREES'}")
print("  Leech's tables of Banzhaf powers (1999 weights): not confirmed here, not printed")

# %%
# The power of the IMF to act
# ---------------------------
# Coleman (1971) asked what a voting rule does to the body as a whole: the *power of the
# collectivity to act* is the share of all coalitions of members that win, the chance that
# a proposal passes when each member votes yes or no at random. Each member's *power to
# prevent action* is the share of the winning coalitions it can turn into losing ones by
# leaving (1 with a veto), its *power to initiate action* the share of the losing ones it
# can turn into winning ones by joining. Both rescale its Banzhaf swings, so the IMF's 190
# members cost what Banzhaf costs. Leech (2002) computed them for the IMF of 1999; his
# values could not be read here (only his abstract could: "the effect of supermajorities
# severely limits the power to act"), so none is printed as published, and the computed
# values below are for the shipped votes of 2022, not his 1999 weights.
coleman = {}
for label, majority in majorities.items():
    c = ml.solvers.coleman(imf.voting_game(majority))
    coleman[label] = c
    print(f"{label:15s} power to act {float(c.act):.4g}; United States: power to prevent "
          f"{float(c.prevent['United States']):.6f}, to initiate "
          f"{float(c.initiate['United States']):.4g}")
acts = [coleman[label].act for label in majorities]
print("Leech (2002), abstract: 'the effect of supermajorities severely limits the power to "
      "act' -> "
      f"{'agrees' if acts[0] > acts[1] > acts[2] else 'DISAGREES'} (computed, 2022 votes: "
      + ", ".join(f"{float(a):.4g}" for a in acts) + ")")
print("  Leech's values of the power to act (1999 weights): not confirmed here, not printed")

# %%
# A paradox worth seeing. At a simple majority the United States holds 23% of the Banzhaf
# power, far more than its 16.50% of the votes. At 85% it holds a veto, yet its Banzhaf
# share falls to about 3%, no more than Japan's: a coalition that reaches 85% almost
# always has votes to spare only in small change, so every large member is critical in it.
# Blocking is all the US gets from the 85% rule -- the "power to prevent action", not to
# initiate it (Leech 2002).
fig, ax = plt.subplots(figsize=(8, 3.8), layout="constrained")
members = ["United States", "Japan", "China", "Germany", "France", "India"]
ml.plot.power_bars({f"{label} (veto: {', '.join(power[label][1]) or 'none'})": power[label][0]
                    for label in majorities},
                   ax=ax, members=members, shares=imf.vote_shares())
ax.set_ylabel("Banzhaf index (normalized)")
ax.legend(fontsize=8)
ax.set_title("IMF: voting power at three majorities")

plt.show()
