"""
Cooperation among rivals: relative gains, numbers and the cost of force
=======================================================================

Realists argue that rivals such as the United States and China weigh relative as well as
absolute gains (Grieco 1988), so that a deal which pays both but pays one more can be refused.
Snidal (1991) wrote the concern as a weight ``r`` on the gain relative to the others and found
that it turns games with a cooperative equilibrium into Prisoners' Dilemmas, but that the
impediment weakens as the number of states grows. Powell (1991) argued that relative gains
matter when gains can be converted into military advantage and force is cheap.

The case is stylized: two rival powers facing a Stag Hunt over, say, a technology-standards
deal (ordinal payoffs 4 > 3 > 2 > 1, not estimates). With
:class:`~multilateral.models.RelativeGains` we compute where the relative-gains weight
breaks the deal, how the threshold moves as the deal's comparison set widens from two
rivals to ``n`` states, and, with
:class:`~multilateral.models.PowellGains`, the cost of fighting below which cooperation in the
repeated economic game is impossible. No published number is reproduced here: the thresholds
are the library's derivations (see the explanation page); the sweeps show how the headline
depends on the assumed payoffs. What is printed as published is Powell's statement of his
result (abstract, p. 1303) beside the model's version of it; his own numerical examples, and
Grieco's utility ``U = V - k (W - V)`` with its page, could not be read here.
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
from multilateral.models import PowellGains, RelativeGains

deal = RelativeGains(T=3, R=4, P=2, S=1)        # Stag Hunt: R > T > P > S
print(deal, deal.absolute_game.oye_type)

# %%
# Where relative gains break the deal
# -----------------------------------
# Between two rivals mutual cooperation survives while ``r <= (R - T) / (R - S)``; above it
# the Stag Hunt is a Prisoners' Dilemma. Among ``n`` states the threshold is ``n - 1`` times
# larger.

print("threshold, two rivals:", deal.threshold())
print("type changes along r:", deal.type_changes())
for n in (2, 3, 4):
    row = [deal.with_(relative_weight=Fraction(k, 4), n=n).oye_type for k in range(5)]
    print(f"n = {n}: r = 0, 1/4, 1/2, 3/4, 1 ->", row)

# %%
# The n-effect, and how it depends on the payoffs
# -----------------------------------------------
# The critical weight as a function of the number of states, for the case and for other
# Stag Hunts (temptation ``T`` from 2 to 3.75 with ``R = 4``, ``S = 1``): the closer the
# temptation is to the reward, the smaller the weight that breaks the deal, and the more
# states it takes to dilute the concern.

def snidal_threshold(T, n):
    m = RelativeGains(T=Fraction(T), R=4, P=Fraction(3, 2), S=1, n=n)
    return {"largest weight r that keeps cooperation": min(float(m.threshold()), 1.0)}


snidal = ml.sweep(snidal_threshold, {"T": [2.0, 3.0, 3.5, 3.75], "n": list(range(2, 9))},
                  store=False, progress=False)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ml.plot.parameter_curve(snidal, "n", "largest weight r that keeps cooperation", ax=ax1,
                        lines="T", step=False)
ax1.set_xlabel("number of states n")
ax1.set_ylabel("largest weight r that keeps cooperation")
ax1.set_title("Snidal: relative gains fade with numbers")
ax1.legend()

# %%
# Powell: the cost of fighting
# ----------------------------
# In the stylized repeated game the least cost of fighting that keeps cooperation rises with
# the temptation; below Friedman's discount threshold no cost helps.

# Friedman's threshold ``(T - R) / (T - P)`` is 1/3, 1/2 and 2/3 for ``T`` = 5, 6, 8; the
# curves start at 0.70, above all three, so that every point has a least cost.
for T in (5, 6, 8):
    print(f"T = {T}: no cost of fighting helps below delta = {Fraction(T - 4, T - 2)}")


def least_cost(T, delta):
    c = PowellGains(T=T, R=4, P=2, S=1, delta=Fraction(delta).limit_denominator(100),
                    cost_of_fighting=0).critical_cost()
    return {"least cost of fighting": float(max(c.value, 0))}


powell = ml.sweep(least_cost, {"T": [5, 6, 8], "delta": [k / 100 for k in range(70, 96, 5)]},
                  store=False, progress=False)
ml.plot.parameter_curve(powell, "delta", "least cost of fighting", ax=ax2, lines="T",
                        step=False)
ax2.set_xlabel("discount factor delta")
ax2.set_ylabel("least cost of fighting for cooperation")
ax2.set_yscale("log")
ax2.set_title("Powell (stylized): cheap force blocks cooperation")
ax2.legend()

m = PowellGains(T=5, R=4, P=2, S=1, delta=Fraction(3, 4), cost_of_fighting=20)
print(m, "critical cost:", m.critical_cost(), "cooperation:", m.cooperation_possible)
print("with cheap force:", m.with_(cost_of_fighting=5).cooperation_possible)
# Powell's abstract (p. 1303) states the direction; his own numerical examples could not be
# read (only the article's first page was reachable), so none is printed.
print("published (Powell 1991, abstract, p. 1303): the model \"links changes in the "
      "states' behavior, the feasibility of cooperation, and especially the states' concern "
      "for relative versus absolute gains explicitly to changes in the constraints facing "
      "the states\"")
print(f"computed: the same game, cooperation possible at cost of fighting 20: "
      f"{m.cooperation_possible}; at 5: {m.with_(cost_of_fighting=5).cooperation_possible} "
      f"(the constraint alone changes: {m.critical_cost()})")
# the other half of Powell's condition: how far gains convert into military advantage
for q in (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1):
    mq = m.with_(conversion=q)
    print(f"conversion {q}: critical cost {mq.critical_cost()}, with cheap force (5): "
          f"{mq.with_(cost_of_fighting=5).cooperation_possible}")
plt.show()
