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
depends on the assumed payoffs.
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

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
ns = list(range(2, 9))
for T in (Fraction(2), Fraction(3), Fraction(7, 2), Fraction(15, 4)):
    m = RelativeGains(T=T, R=4, P=Fraction(3, 2), S=1)
    ax1.plot(ns, [min(float(m.with_(n=n).threshold()), 1) for n in ns], marker="o",
             label=f"T = {float(T):g}")
ax1.set_xlabel("number of states n")
ax1.set_ylabel("largest weight r that keeps cooperation")
ax1.set_title("Snidal: relative gains fade with numbers")
ax1.legend()

# %%
# Powell: the cost of fighting
# ----------------------------
# In the stylized repeated game the least cost of fighting that keeps cooperation rises with
# the temptation; below Friedman's discount threshold no cost helps.

for T in (5, 6, 8):
    rows = []
    deltas = [Fraction(k, 20) for k in range(1, 20)]
    for d in deltas:
        c = PowellGains(T=T, R=4, P=2, S=1, delta=d, cost_of_fighting=0).critical_cost()
        rows.append(max(c.value, 0) if c.attainable else float("nan"))
    ax2.plot([float(d) for d in deltas], rows, marker=".", label=f"T = {T}")
ax2.set_xlabel("discount factor delta")
ax2.set_ylabel("least cost of fighting for cooperation")
ax2.set_yscale("symlog")
ax2.set_title("Powell (stylized): cheap force blocks cooperation")
ax2.legend()
fig.tight_layout()

m = PowellGains(T=5, R=4, P=2, S=1, delta=Fraction(3, 4), cost_of_fighting=20)
print(m, "critical cost:", m.critical_cost(), "cooperation:", m.cooperation_possible)
print("with cheap force:", m.with_(cost_of_fighting=5).cooperation_possible)
# the other half of Powell's condition: how far gains convert into military advantage
for q in (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1):
    mq = m.with_(conversion=q)
    print(f"conversion {q}: critical cost {mq.critical_cost()}, with cheap force (5): "
          f"{mq.with_(cost_of_fighting=5).cooperation_possible}")
plt.show()
