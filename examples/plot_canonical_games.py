"""
The canonical games of cooperation
==================================

Oye (1985) explains cooperation under anarchy first by the *payoff structure*: how each
state ranks the four outcomes of a two-state encounter,

* **T** (temptation): it defects while the other cooperates,
* **R** (reward): both cooperate,
* **P** (punishment): both defect,
* **S** (sucker's payoff): it cooperates while the other defects.

Five orderings recur in the documents: Harmony, where cooperation needs no explanation;
Deadlock, where it is out of reach; and the three games of mixed interest in between,
Prisoners' Dilemma, Stag Hunt and Chicken, where it is possible but not assured. This example
classifies the five as Oye does, places them in the Robinson-Goforth periodic table of the 2x2
games, draws their payoff matrices, and then turns to *N* players with Schelling's (1973)
diagrams of a public goods game and a threshold game.
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
import itertools

import matplotlib.pyplot as plt
import numpy as np

import multilateral as ml

# %%
# The five canonical games
# ------------------------
# Each game is symmetric and ordinal: payoffs 4 (best) to 1 (worst), written through ``T, R,
# P, S`` of the row state; the column state mirrors them. Action 0 is *cooperate* (C) and
# action 1 *defect* (D).
games = {
    "Prisoners' Dilemma": ml.TwoByTwo.symmetric(T=4, R=3, P=2, S=1),
    "Stag Hunt": ml.TwoByTwo.symmetric(T=3, R=4, P=2, S=1),
    "Chicken": ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=2),
    "Deadlock": ml.TwoByTwo.symmetric(T=4, R=2, P=3, S=1),
    "Harmony": ml.TwoByTwo.symmetric(T=3, R=4, P=1, S=2),
}

# %%
# Oye's classification reads the type off both states' orderings of T, R, P and S. The
# Robinson-Goforth class places the same game among all 144 strict ordinal 2x2 games.
for name, game in games.items():
    print(f"{name}")
    print(f"    Oye type:         {game.oye_type}")
    print(f"    orderings:        {game.orderings[0]} (row), {game.orderings[1]} (column)")
    print(f"    Robinson-Goforth: {game.robinson_goforth}")

# %%
# Published beside computed: how many 2x2 games there are. Rapoport and Guyer (1966) found 78
# strategically distinct strict ordinal games when games that differ by swapping rows,
# columns or the players are identified (as Bruns 2015, sec. 4.1, reports; read in the
# article's HTML at mdpi.com; Rapoport and Guyer's own page was not reachable; Williams 2012,
# Rose-Hulman Undergrad. Math. J. 13(1), abstract, gives the same count). Robinson and
# Goforth's periodic table keeps the two players apart: 144 games, the 576 labelled ones up
# to swapping rows and columns (the count is the periodic table's; no page of the book or of
# Bruns's article giving 144 was reachable, so it is printed as "page not confirmed").
# Computed here by classifying every labelled game:
ranks = [np.reshape(p, (2, 2)) for p in itertools.permutations([1, 2, 3, 4])]
classes = {ml.TwoByTwo(a, b).robinson_goforth for a in ranks for b in ranks}
up_to_players = {frozenset({ml.TwoByTwo(a, b).robinson_goforth,
                            ml.TwoByTwo(b.T, a.T).robinson_goforth})
                 for a in ranks for b in ranks}
print("published (Bruns 2015, sec. 4.1, on Rapoport and Guyer 1966): 'only 78 "
      "strategically distinct strict ordinal games'; Robinson and Goforth's 144 (page not "
      "confirmed)")
print(f"labelled games: {len(ranks) ** 2}; Robinson-Goforth classes: published 144, "
      f"computed {len(classes)} ({sum(c.is_symmetric for c in classes)} symmetric) "
      "(page not confirmed)")
print(f"up to swapping the players: published 78 (Rapoport and Guyer), computed "
      f"{len(up_to_players)} (as Bruns 2015, sec. 4.1, reports)")

# %%
# What the type implies for the outcome of one encounter: the pure Nash equilibria (as
# ``(row action, column action)``, 0 = C, 1 = D). Mutual defection is the only equilibrium of
# the Prisoners' Dilemma and of Deadlock, mutual cooperation the only one of Harmony; the
# Stag Hunt has both, and in Chicken one state gives way to the other.
for name, game in games.items():
    labels = [
        "".join(game.actions[i][a] for i, a in enumerate(profile))
        for profile in ml.solvers.pure_nash_equilibria(game)
    ]
    print(f"{name:20s} pure equilibria: {', '.join(labels)}")

# %%
# Payoff matrices
# ---------------
# Each cell reads "row payoff, column payoff"; the shaded cells are the pure equilibria.
fig, axes = plt.subplots(2, 3, figsize=(12, 5.5), layout="constrained")
for ax, game in zip(axes.flat, games.values(), strict=False):
    ml.plot.payoff_matrix(game, ax=ax)
axes.flat[-1].set_axis_off()
fig.suptitle("Oye's five games (ordinal payoffs, 4 = best)")

# %%
# Many players: a public goods game
# ---------------------------------
# Oye's third dimension is the number of players. In the linear public goods game each of
# ``n = 10`` states chooses whether to contribute 1 to a common pot, which is multiplied by
# ``r = 3`` and shared by all. Schelling's diagram plots the payoff of a contributor and of a
# free rider against ``k``, the number of *other* contributors. The free rider's line lies
# above the contributor's everywhere (contributing costs ``1 - r/n = 0.7`` whatever the others
# do), so defection is dominant, yet both lines rise with ``k``: all contributing (``r - 1 =
# 2``) beats none (0). The gain function ``g(x)`` is the expected gain from contributing when
# each other state contributes with probability ``x``: here it is negative for every ``x``.
pgg = ml.AnonymousGame.public_goods(n=10, r=3)
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.schelling_diagram(pgg, ax=left)
ml.plot.gain_function_plot(pgg, ax=right)

print(ml.solvers.symmetric_equilibria(pgg))

# %%
# A threshold game
# ----------------
# A step-level good: every state gets a benefit of 4 if at least 4 of the 10 contribute,
# and contributors pay 1 either way. Now the lines cross twice around ``k = 3``, where one
# more contribution is pivotal. The gain function has two interior roots: an unstable
# tipping point (below it cooperation unravels to all-defect) and a stable mixed equilibrium.
threshold = ml.AnonymousGame.threshold(10, 4, benefit=4, cost=1)
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.schelling_diagram(threshold, ax=left)
ml.plot.gain_function_plot(threshold, ax=right)

for eq in ml.solvers.symmetric_equilibria(threshold):
    print(eq)

# %%
# The threshold also changes which *asymmetric* outcomes are stable. In the pure equilibria of
# the full 10-player game (``2**10`` profiles) either nobody contributes or exactly 4 states
# do: each of the 4 is pivotal, so none will leave, and nobody else wants to join. A group
# just large enough to provide the good, a minilateral, sustains it without enforcement,
# which the dominant-strategy logic of the linear game rules out.
from collections import Counter

profiles = ml.solvers.pure_nash_equilibria(threshold.to_normal_form())
sizes = Counter(profile.count(0) for profile in profiles)  # contributors play action 0
for contributors, count in sorted(sizes.items()):
    print(f"{count:4d} pure equilibria with {contributors} contributors")

plt.show()

# %%
# References
# ----------
# * Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
#   *World Politics* 38(1), 1-24.
# * Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
#   externalities. *Journal of Conflict Resolution* 17(3), 381-428.
# * Robinson, D. and Goforth, D. (2005). *The Topology of the 2x2 Games: A New Periodic
#   Table*. Routledge.
# * Bruns, B. R. (2015). Names for games: locating 2 x 2 games. *Games* 6(4), 495-520.
# * Rapoport, A. and Guyer, M. (1966). A taxonomy of 2 x 2 games (its count of 78 as
#   reported by Bruns 2015, sec. 4.1; the journal's volume and pages
#   were not confirmed here).
