"""
Relative gains and the number of great powers, 1816-2016
=========================================================

Snidal (1991, abstract) argued that the relative-gains impediment to cooperation weakens as
the number of states grows: a state that weighs its gain relative to the *average* of the
others cares less about one rival's gain when there are more others. The library formalizes
the argument in :class:`~multilateral.models.RelativeGains` (the formalization is the
library's: Snidal's own notation and n-state comparison were not checked against his text):
a state weighs its absolute gain against its gain relative to the mean of the other
``n - 1`` states with weight ``r``; a bilateral deal then changes its Oye type (a Stag Hunt
becomes a Prisoners' Dilemma) once ``r`` passes a threshold that grows in proportion to
``n - 1``.

What is ``n`` in history? This example feeds the model the number of major powers in the
Correlates of War list (:mod:`multilateral.cases.great_powers`: COW v2016, 14 spells of nine
states, each row sourced and dated) for each year from 1816 to 2016, and sets it beside two
other readings:

* **COW's count** (4 to 8 major powers, counted on 1 January of each year);
* **Waltz's bipolar reading**: two great powers from the end of the Second World War to the
  end of the Soviet Union (years 1946-1991 on 1 January), COW's count otherwise;
* **only the parties to the deal**: two rivals compare their gains with each other alone, so
  ``n = 2`` in every year, and history does not enter.

The threshold also depends on the deal's payoffs, so it is swept over the 2x2 class (Stag
Hunt, Harmony, Chicken, Prisoners' Dilemma; illustrative payoffs, not estimates).
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
from multilateral.cases import great_powers as gp
from multilateral.models import RelativeGains

years = np.arange(1816, 2017)
n_cow = gp.counts(years)                                 # on 1 January of each year
bipolar = (years >= 1946) & (years <= 1991)
readings = {
    "COW count of major powers": n_cow,
    "Waltz: bipolar 1946-1991": np.where(bipolar, 2, n_cow),
    "parties to the deal only (n = 2)": np.full_like(n_cow, 2),
}
print("COW major powers: min", n_cow.min(), "max", n_cow.max(), "over", len(years), "years")
print("1950:", gp.major_powers("1950-01-01"))
print("China's row:", gp.spell("china_1950").note)

# %%
# The shipped list beside a published reading of it: Grant, Baird, Corbetta and Volgy (2010,
# p. 1) note that the Correlates of War data count not two major powers in the Cold War but
# five, the United States, the Soviet Union, the United Kingdom, France and the People's
# Republic of China. (COW's own file was not reachable when this example was written; this is
# the published statement the shipped rows can be checked against.)
cold_war = sorted({tuple(sorted(gp.major_powers(f"{y}-01-01"))) for y in range(1950, 1992)})
print("published (Grant et al. 2010, p. 1): five COW major powers in the Cold War: United "
      "States, Soviet Union, United Kingdom, France, People's Republic of China")
print(f"computed (shipped rows, 1 January 1950-1991): {len(cold_war)} distinct set(s):",
      "; ".join(f"{len(c)}: {', '.join(c)}" for c in cold_war))

# %%
# The threshold: where the deal changes Oye type
# ----------------------------------------------
# For each ``n`` the model gives the weights ``r`` at which the Oye type of the transformed
# game changes (:meth:`~multilateral.models.RelativeGains.type_changes`); the threshold
# below is the first of them, or ``None`` when no weight in [0, 1] changes the type. The
# case: two rivals in a Stag Hunt whose temptation is close to the reward (``T = 15/4``,
# ``R = 4``, ``P = 2``, ``S = 1``).


def first_change(model):
    """The least r in (0, 1) at which the game's Oye type changes, or None."""
    changes = model.type_changes()
    return changes[1][0] if len(changes) > 1 else None


def thresholds(model, ns):
    """The first type change at each n of the array ns (one model call per distinct n)."""
    by_n = {int(n): first_change(model.with_(n=int(n))) for n in np.unique(ns)}
    return [by_n[int(n)] for n in ns]


deal = RelativeGains(T=Fraction(15, 4), R=4, P=2, S=1)
print(deal, deal.absolute_game.oye_type, "->", deal.type_changes())
by_reading = {label: thresholds(deal, ns) for label, ns in readings.items()}

landmarks = (1816, 1900, 1914, 1939, 1946, 1950, 1975, 1992, 2016)
print(f"{'year':>5} {'COW n':>6} {'COW r*':>7} {'Waltz n':>8} {'Waltz r*':>9} {'deal r*':>8}")
for y in landmarks:
    i = int(np.flatnonzero(years == y)[0])
    cow, waltz, pair = (by_reading[label][i] for label in readings)
    print(f"{y:>5} {n_cow[i]:>6} {cow!s:>7} {readings['Waltz: bipolar 1946-1991'][i]:>8} "
          f"{waltz!s:>9} {pair!s:>8}")

# for a Stag Hunt the first type change is where mutual cooperation stops being an
# equilibrium: the model's threshold(), (n - 1) (R - T) / (R - S)
for n in (2, 5, 8):
    assert first_change(deal.with_(n=n)) == deal.with_(n=n).threshold().exact == Fraction(n - 1, 12)

# %%
# The payoffs: a sweep over the 2x2 class
# ---------------------------------------
# The same COW counts, other deals. The first change of type is at ``(n - 1)`` times its
# two-state value, so what matters is that value: for the ordinal Stag Hunt
# (``4 > 3 > 2 > 1``) it is ``1/3``, so with four or more major powers no weight in [0, 1]
# breaks the deal: under COW's count relative gains never change its type, under the bipolar
# reading they do (above ``r = 1/3``). Harmony first turns into a Stag Hunt (cooperation
# survives that; it is lost at the next change, to a Prisoners' Dilemma); Chicken turns
# into a Prisoners' Dilemma; a Prisoners' Dilemma stays one at every weight, so it has no
# threshold.

classes = {
    "Stag Hunt (15/4, 4, 2, 1)": deal,
    "Stag Hunt (7/2, 4, 2, 1)": RelativeGains(T=Fraction(7, 2), R=4, P=2, S=1),
    "Stag Hunt, ordinal (3, 4, 2, 1)": RelativeGains(T=3, R=4, P=2, S=1),
    "Harmony (7/2, 4, 1, 5/4)": RelativeGains(T=Fraction(7, 2), R=4, P=1, S=Fraction(5, 4)),
    "Chicken (4, 3, 1, 4/3)": RelativeGains(T=4, R=3, P=1, S=Fraction(4, 3)),
    "Prisoners' Dilemma (4, 3, 2, 1)": RelativeGains(T=4, R=3, P=2, S=1),
}
print("deal (T, R, P, S): type at r = 0 -> at r = 1 (two states); first change r* in 1950")
for label, model in classes.items():
    cow = thresholds(model, n_cow)
    waltz = thresholds(model, readings["Waltz: bipolar 1946-1991"])
    i1950 = int(np.flatnonzero(years == 1950)[0])
    print(f"{label:<34} {model.absolute_game.oye_type:<17} -> {model.type_changes()[-1][1]:<17}"
          f" 1950 r*: COW {cow[i1950]}, Waltz {waltz[i1950]}")


def capped(values):
    """Thresholds as floats for the figure; None (no change in [0, 1]) drawn at 1."""
    return [1.0 if v is None else float(v) for v in values]


fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 7), sharex=True, layout="constrained")
ml.plot.parameter_curve({"year": years, **{label: capped(values)
                                           for label, values in by_reading.items()}},
                        "year", list(by_reading), ax=ax1, step=True)
for line, style in zip(ax1.get_lines(), ("-", "--", ":"), strict=True):
    line.set_linestyle(style)  # the readings coincide outside 1946-1991
ax1.set_xlabel("")
ax1.set_ylabel("first type change r*")
ax1.set_title("Stag Hunt (T = 15/4, R = 4, P = 2, S = 1): three readings of n")
ax1.legend(fontsize=8)
ml.plot.parameter_curve({"year": years, **{label: capped(thresholds(model, n_cow))
                                           for label, model in classes.items()}},
                        "year", list(classes), ax=ax2, step=True)
ax2.set_ylabel("first type change r*\n(1 = none in [0, 1])")
ax2.set_xlabel("year (count of major powers on 1 January, COW v2016)")
ax2.set_title("COW's count, six deals (payoffs T, R, P, S)")
ax2.legend(fontsize=7, ncol=2, loc="lower center")
ax2.set_ylim(0, 1.05)

# %%
# What the figure can and cannot say
# ----------------------------------
# * The thresholds are the library's formalization of Snidal's argument, known here from
#   his abstract only; no published number is reproduced. They rise with ``n`` by
#   construction (in proportion to ``n - 1``), so the figure's shape over time is the shape
#   of the count, rescaled: it shows *how much* the reading of ``n`` matters, not a finding
#   about history.
# * COW's list counts major powers as COW codes them (several codings debated: China from
#   1950, Germany and Japan from 11 December 1991; see each row's ``note``). It is not a
#   count of the parties to any deal, nor of the states a government compares its gains
#   with. Under the "parties only" reading ``n = 2`` and the threshold is flat: the history of
#   the great-power system does not enter at all.
# * The weight ``r`` is not observed for any state in any year, and the payoffs are
#   illustrative. The figure cannot say whether relative-gains concerns blocked any actual
#   deal; it says that, if they are weighed against the average of the other major powers,
#   a bipolar reading of 1946-1991 (``n = 2``) makes a given deal 3 to 4 times
#   more fragile (thresholds in proportion to ``n - 1``: 1 against 3 or 4 with
#   the COW count of 4 or 5) than COW's count would.

plt.show()

# %%
# References
# ----------
# * Correlates of War Project (2017). State System Membership List, v2016 (``majors2016.csv``).
# * Grant, K. A., Baird, R. G., Corbetta, R. and Volgy, T. J. (2010). Status matters:
#   exploring variation in status attribution among major powers. Working paper, Annual
#   Convention of the International Studies Association, New Orleans (p. 1).
# * Snidal, D. (1991). Relative gains and the pattern of international cooperation.
#   *American Political Science Review* 85(3), 701-726.
# * Waltz, K. N. (1979). *Theory of International Politics*. Addison-Wesley.
