"""
Arms races and negotiations
===========================

Two states decide at once whether to acquire new weapons
(:class:`~multilateral.models.ArmsRace`, after Baliga and Sjöström 2004). Each state's cost
of arming is private. Most types are *coordination types*: they would rather neither state
arm, but arm if they expect the rival to. A few are *dominant strategy types* who arm
whatever the rival does.

* **Without talk** the dominant types arm, so the types just above them arm for fear of
  them, and so on up: a *multiplier effect*, and the only equilibrium can be an arms race
  with probability one, however few the dominant types.
* **With cheap talk** before arming (each state announces "peace" or "arms"), the
  coordination types can learn that the rival is one of them and not arm.

**The headline depends on assumptions** (the payoffs, the spread of the costs, a gain from
superiority), so the example sweeps the dominant-type probability and the payoff ratio
``cost_high / vulnerability``, and shows where the library's cheap-talk construction fails.
The numbers are illustrative, not estimates of any arms race.
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

# %%
# The multiplier effect, and talk that ends it
# --------------------------------------------
# Being left unarmed against an armed rival costs 4, superiority is worth nothing, and the
# cost of arming is uniform on ``[-1, 4]``: one state in five is a dominant type.
game = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
print("dominant-type probability:", game.dominant_probability())
print("cutoff equilibria without talk:", game.equilibria(),
      "unique arms race:", game.multiplier_effect())
print(game.cheap_talk())
print(game.arms_race_risk())

# %%
# The abstract's claims beside the library's values
# -------------------------------------------------
# Baliga and Sjöström (2004, abstract): "the unique Bayesian-Nash equilibrium involves an arms
# race with probability one", but "if the probability that a player is a dominant strategy
# type is sufficiently small, then there is an equilibrium of the cheap-talk extension of the
# game where the probability of an arms race is close to zero".
print(f"{'dominant prob.':>15} {'no talk':>8} {'cheap talk':>11}")
for low in (Fraction(-1), Fraction(-1, 4), Fraction(-1, 20), Fraction(-1, 100)):
    m = game.with_(cost_low=low)
    (race,) = m.arms_race_probabilities()
    talk = m.cheap_talk().arms_race_probability
    print(f"{float(m.dominant_probability()):>15.4f} {float(race):>8.3f} {float(talk):>11.4f}")
print("abstract: no talk 'probability one'; cheap talk 'close to zero' as the dominant-type "
      "probability falls")

# %%
# A sweep over the dominant-type probability
# ------------------------------------------
eps_games = [game.with_(cost_low=-Fraction(k, 40)) for k in range(1, 61)]
eps = [float(m.dominant_probability()) for m in eps_games]
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(eps, [float(min(m.arms_race_probabilities())) for m in eps_games],
        label="no talk (the unique equilibrium)")
ax.plot(eps, [float(m.cheap_talk().arms_race_probability) for m in eps_games], "--",
        label="cheap talk (2ε - ε²)")
ax.set_xlabel("probability ε of a dominant strategy type")
ax.set_ylabel("probability of an arms race")
ax.legend()
fig.tight_layout()
plt.show()

# %%
# A sweep over the payoff ratio
# -----------------------------
# The multiplier runs all the way up only if every type arms against a rival sure to arm,
# ``cost_high <= vulnerability``. Past that ratio the most reluctant types never arm and the
# unique equilibrium is an interior cutoff: the arms race is no longer certain.
ratios = [Fraction(k, 20) for k in range(10, 41)]
fig, ax = plt.subplots(figsize=(6, 3.5))
for low in (Fraction(-1, 2), Fraction(-1, 10)):
    rows = [ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=low, cost_high=4 * r)
            for r in ratios]
    ax.plot([float(r) for r in ratios], [float(min(m.arms_race_probabilities())) for m in rows],
            label=f"no talk, cost_low {low}")
ax.axvline(1, color="grey", lw=0.8)
ax.set_xlabel("cost_high / vulnerability")
ax.set_ylabel("probability of an arms race")
ax.legend()
fig.tight_layout()
plt.show()
for r in (1, Fraction(5, 4), 2):
    m = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=Fraction(-1, 10),
                           cost_high=4 * r)
    print(f"cost_high / vulnerability {r}: equilibria {[str(c) for c in m.equilibria()]}, "
          f"arms race {[f'{float(p):.3f}' for p in m.arms_race_probabilities()]}")

# %%
# Where the library's construction fails
# --------------------------------------
# With a gain from superiority a dominant type would rather announce peace and arm against a
# rival that believes it: it gains ``(1 - ε) μ``, and the construction is no equilibrium.
# Whether the article's equilibrium covers this case was not checked (only its abstract was
# consulted).
for mu in (0, Fraction(1, 2), 1):
    m = ml.models.ArmsRace(superiority=mu, vulnerability=4, cost_low=mu - 1, cost_high=4)
    talk = m.cheap_talk()
    print(f"superiority {mu}: dominant type's gain from lying {talk.dominant_gain},",
          "an equilibrium" if talk.is_equilibrium else "not an equilibrium")
