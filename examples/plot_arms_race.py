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
print("published (Baliga and Sjöström 2004, p. 351, the abstract): without talk 'the unique "
      "Bayesian-Nash equilibrium involves an arms race with probability one'; with cheap "
      "talk 'the probability of an arms race is close to zero' once dominant types are rare")
print("computed:")
print(f"{'dominant prob.':>15} {'no talk':>8} {'cheap talk':>11}")
for low in (Fraction(-1), Fraction(-1, 4), Fraction(-1, 20), Fraction(-1, 100)):
    m = game.with_(cost_low=low)
    (race,) = m.arms_race_probabilities()
    talk = m.cheap_talk().arms_race_probability
    print(f"{float(m.dominant_probability()):>15.4f} {float(race):>8.3f} {float(talk):>11.4f}")
print("the article's tables and pages beyond the abstract were not reached: the payoffs and "
      "the uniform types above are the library's")

# %%
# A sweep over the dominant-type probability
# ------------------------------------------
# The abstract's headline holds only for rare dominant types; the cheap-talk risk is
# ``2ε - ε²``. Swept with :func:`multilateral.sweep` over ``cost_low`` (which sets ε) and
# drawn with :func:`multilateral.plot.parameter_curve`.


def race_risk(cost_low):
    m = game.with_(cost_low=cost_low)
    return {"dominant probability": m.dominant_probability(),
            "no talk": min(m.arms_race_probabilities()),
            "cheap talk": m.cheap_talk().arms_race_probability}


eps_sweep = ml.sweep(race_risk, {"cost_low": [-Fraction(k, 40) for k in range(1, 61)]},
                     store=False, progress=False)
table = {"dominant probability ε": eps_sweep.values["dominant probability"],
         "no talk": eps_sweep.values["no talk"], "cheap talk": eps_sweep.values["cheap talk"]}
fig, ax = plt.subplots(figsize=(6, 3.5))
ml.plot.parameter_curve(table, "dominant probability ε", ["no talk", "cheap talk"], ax=ax)
ax.set_ylabel("probability of an arms race")
fig.tight_layout()
plt.show()
small = table["cheap talk"][table["dominant probability ε"] <= 0.05]
print(f"cheap-talk risk where ε <= 0.05: at most {small.max():.4f}; no talk: always "
      f"{sorted(set(table['no talk'].tolist()))}")

# %%
# A sweep over the payoff ratio
# -----------------------------
# The multiplier runs all the way up only if every type arms against a rival sure to arm,
# ``cost_high <= vulnerability``. Past that ratio the most reluctant types never arm and the
# unique equilibrium is an interior cutoff: the arms race is no longer certain.
def ratio_risk(cost_low, ratio):
    m = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=cost_low,
                           cost_high=4 * ratio)
    race = min(m.arms_race_probabilities())
    return {"no talk": race, "certain race": int(race == 1)}


ratio_sweep = ml.sweep(ratio_risk, {"cost_low": [Fraction(-1, 2), Fraction(-1, 10)],
                                    "ratio": [Fraction(k, 20) for k in range(10, 41)]},
                       store=False, progress=False)
fig, ax = plt.subplots(figsize=(6, 3.5))
ml.plot.parameter_curve(ratio_sweep, "ratio", "no talk", ax=ax, lines="cost_low")
ax.axvline(1, color="grey", lw=0.8)
ax.set_xlabel("cost_high / vulnerability")
ax.set_ylabel("probability of an arms race")
fig.tight_layout()
plt.show()
print("without talk, an arms race is certain iff cost_high / vulnerability <= 1, at all",
      len(ratio_sweep.values["certain race"]), "points:",
      all((r <= 1) == bool(c) for r, c in zip(ratio_sweep.parameters["ratio"],
                                              ratio_sweep.values["certain race"], strict=True)))
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
