"""
Reciprocity in sizable groups: why the G7 can do what the UN cannot
===================================================================

Tit for tat sustains cooperation between two states that meet again and again (Axelrod and
Hamilton 1981). Boyd and Richerson (1988) asked whether the same mechanism scales to groups:
``n`` members play an n-person prisoner's dilemma round after round (another round follows
with probability ``w``), and a reciprocator ``TFT_a`` cooperates in the first round and then
only if at least ``a`` of the other ``n - 1`` cooperated last round. Their answer, in the
abstract (p. 337): "the conditions that allow the evolution of reciprocal cooperation become
extremely restrictive as group size increases".

The mechanism is simple to state. A lenient reciprocator (``a < n - 1``) keeps cooperating
with a lone defector in its group and so feeds it for ever: it can never resist always
defect. The strict reciprocator ``TFT_(n-1)`` can, but it pays only in groups made entirely
of reciprocators, and when groups are formed at random such groups are rare unless
reciprocators are already common. So reciprocity must first be common to spread, and the
frequency it needs, the unstable rest point ``p*``, rises towards one with ``n``.

:class:`~multilateral.models.ThresholdReciprocity` computes all of this exactly. Each round a
cooperator pays ``C`` and produces ``B`` shared by the ``n`` members; the numbers
(``B = 3``, ``C = 2``, and a sweep over ``B / C`` and ``w``) are illustrative, not estimates.
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
from multilateral.models import ThresholdReciprocity

B, C = 3, 2

# %%
# Published values beside computed ones
# -------------------------------------
# For ``n = 2`` the model is Axelrod and Hamilton's repeated prisoner's dilemma with
# ``T = B/2``, ``R = B - C``, ``P = 0``, ``S = B/2 - C``: tit for tat resists always defect iff
# ``w >= (T - R) / (T - P)`` (1981; at equality only neutrally; the library's docstrings put it
# on p. 1393, which could not be checked against the article: only its JSTOR cover page,
# pp. 1390-1396, was reachable). For larger groups only the strict reciprocator can; the
# library's exact condition is ``w > (n C - B) / ((n - 1) B)`` (its derivation, not a
# quotation: Boyd and Richerson's full text was not available to us, only the abstract,
# J. Theor. Biol. 132, pp. 337-356, read at asu.pure.elsevier.com). Joshi's abstract (J.
# Genet. 66, pp. 69-84, read at studylib.net) says of the same model that every reciprocator
# softer than the hardest is invaded by the pure defector, and that the threshold frequency
# rises with N.

T, R, P = Fraction(B, 2), Fraction(B - C), Fraction(0)
pair = ThresholdReciprocity(2, 1, benefit=B, cost=C)
print(f"n = 2: published (Axelrod and Hamilton 1981) (page not confirmed): (T-R)/(T-P) = "
      f"{(T - R) / (T - P)}, computed: {pair.critical_discount().value}")
print("published (Joshi 1987, abstract, p. 69): 'All the other TFT are invadable by ... the "
      "pure defector strategy' (only the hardest can go to fixation)")
for n in (3, 5, 10, 20):
    strict = ThresholdReciprocity(n, n - 1, benefit=B, cost=C)
    lenient = [a for a in range(n - 1) if strict.with_(threshold=a).critical_discount().attainable]
    print(f"n = {n:2d}: computed: TFT_(n-1) stable for w > {strict.critical_discount().value}; "
          f"lenient TFT_a stable for some w: {lenient or 'none'}")
print("published (Boyd and Richerson 1988, abstract, p. 337): 'the conditions that allow the "
      "evolution of reciprocal cooperation become extremely restrictive as group size "
      "increases'; computed: the table below (p* rises towards 1 with n)")

# %%
# The invasion threshold rises with the group size
# ------------------------------------------------
# The unstable rest point of ``TFT_(n-1)`` against ``ALLD`` is
# ``p* = K^(1/(n-1))``, ``K = (C - B/n)(1 - w) / (w (B - C))``; reciprocity's basin of
# attraction is ``1 - p*``. The sweep over ``w`` and over the benefit-to-cost ratio shows
# that the headline does not depend on the illustrative numbers: every curve rises towards 1,
# and only a continuation probability very close to 1 keeps the basin open in large groups.

# The sweeps run with :func:`multilateral.sweep` and are drawn with
# :func:`multilateral.plot.parameter_curve`, one line per ``w`` or per ``B / C``.


def invasion_threshold(n, w, benefit=B, cost=C):
    model = ThresholdReciprocity(n, n - 1, benefit=benefit, cost=cost, delta=w)
    return {"p*": float(model.basin().boundary)}


sizes = list(range(2, 101))
WS = [Fraction(9, 10), Fraction(95, 100), Fraction(99, 100), Fraction(999, 1000)]
by_w = ml.sweep(invasion_threshold, {"w": WS, "n": sizes}, store=False, progress=False)
table = by_w.to_frame()
print("\nunstable rest point p* of TFT_(n-1) (B = 3, C = 2)")
print("   w      n=2     n=5     n=10    n=20    n=100")
for w, part in table.groupby("w", sort=False):
    star = dict(zip(part["n"], part["p*"], strict=True))
    print(f"  {float(w):<6g} " + "  ".join(f"{star[k]:.4f}" for k in (2, 5, 10, 20, 100)))
rises = all(part["p*"].is_monotonic_increasing for _, part in table.groupby("w", sort=False))
print(f"p* rises with n on every line of the sweep: {rises}")

# With B / C (cost 1) the members' share B / n must stay below C: n > B / C only.
columns = {"n": [], "B/C": [], "p*": []}
for ratio in (Fraction(3, 2), Fraction(5, 2), Fraction(5)):
    valid = [n for n in sizes if ratio / n < 1]
    part = ml.sweep(invasion_threshold, {"n": valid, "w": [Fraction(99, 100)],
                                         "benefit": [ratio], "cost": [1]},
                    store=False, progress=False).to_frame()
    columns["n"] += list(part["n"])
    columns["B/C"] += [float(ratio)] * len(part)
    columns["p*"] += list(part["p*"])

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.6), layout="constrained")
ml.plot.parameter_curve(by_w, "n", "p*", ax=ax1, lines="w", step=False)
ml.plot.parameter_curve(columns, "n", "p*", ax=ax2, lines="B/C", step=False)
ax1.set(xlabel="group size n", ylabel="invasion threshold p*", xscale="log",
        title="TFT_(n-1) against ALLD, B/C = 3/2")
ax2.set(xlabel="group size n", ylabel="", xscale="log", title="w = 0.99, several B/C")

# %%
# Lenient reciprocators: a mix with defectors at best
# ---------------------------------------------------
# With ``a < n - 1`` the dynamics has at most an unstable and a stable interior rest point:
# reciprocators that start common enough settle into a stable mix with defectors instead of
# going to fixation (Joshi 1987, p. 69). With ``B = 2``, ``C = 1``, ``w = 0.9`` the softer ones
# lose even that as ``n`` grows: from ``n = 4`` to ``10`` only ``TFT_(n-2)`` keeps a stable mix
# (library computation). The rest points come from the anonymous-game solver on
# ``model.game``; the trajectories from the replicator solver.

print("\nn = 3, B = 2, C = 1, w = 0.9:")
for a in (1, 2):
    model = ThresholdReciprocity(3, a, benefit=2, cost=1, delta=Fraction(9, 10))
    basin = model.basin()
    points = [f"{e.probability:.3f} ({'stable' if e.stable else 'unstable'})"
              for e in model.rest_points()]
    print(f"  TFT_{a}: rest points {', '.join(points)}; from p > {basin.boundary:.3f} the "
          f"population goes to {basin.attractor:.3f}")

fig2, (ax3, ax4) = plt.subplots(1, 2, figsize=(12, 4.4), layout="constrained")
ml.plot.gain_functions({f"TFT_{a}": ThresholdReciprocity(3, a, benefit=2.0, cost=1.0,
                                                         delta=0.9).game for a in (1, 2)},
                       ax=ax3)
ax3.set(xlabel="frequency of reciprocators p", ylabel="W(TFT_a) - W(ALLD)",
        title="n = 3: the gain from reciprocating (filled: stable, hollow: unstable)")
strict = ThresholdReciprocity(5, 4, benefit=B, cost=C, delta=Fraction(9, 10))
star = strict.basin().boundary
for start in (star - 0.05, star - 0.01, star + 0.01, star + 0.05):
    traj = ml.solvers.replicator(strict.game, start, 60)
    ax4.plot(traj.t, traj.x[:, 0], label=f"p0 = {start:.3f}")
ax4.axhline(star, color="grey", ls="--", lw=0.8)
ax4.set(xlabel="time", ylabel="frequency of TFT_4", title=f"n = 5, w = 0.9: p* = {star:.3f}")
ax4.legend()

# %%
# The shadow of the future a group needs
# --------------------------------------
# At a given frequency of reciprocators, say one half, the least ``w`` at which they do at
# least as well as defectors tends to 1 as ``n`` grows: ``1 - w`` shrinks like ``2^-(n-1)``.

for n in (2, 3, 5, 7, 10, 20):
    need = ThresholdReciprocity(n, n - 1, benefit=B, cost=C).critical_discount(Fraction(1, 2))
    print(f"n = {n:2d}: reciprocators at p = 1/2 gain iff w >= {float(need.value):.6f}")

# %%
# What is held fixed as the group grows
# -------------------------------------
# Above, the benefit ``B`` a cooperator produces is fixed, so each member's share ``B/n`` falls
# as the group grows (Olson's dilution) on top of Boyd and Richerson's mechanism, the rarity of
# all-reciprocator groups (the future gain carries the factor ``p^(n-1)``). Holding the share
# ``B/n`` fixed instead separates them (library finding): stability gets easier with ``n`` and
# the basin can even grow at small ``n``, but ``p^(n-1)`` still closes it as ``n`` grows.

print("\nper-member return B/n = 3/5 held fixed, C = 1, w = 1/2:")
for n in (2, 3, 4, 6, 10, 100, 10_000):
    model = ThresholdReciprocity(n, n - 1, benefit=Fraction(3, 5) * n, cost=1,
                                 delta=Fraction(1, 2))
    print(f"  n = {n:5d}: stable for w > {float(model.critical_discount().value):.4f}, "
          f"basin 1 - p* = {float(model.basin().basin):.4f}")

plt.show()
