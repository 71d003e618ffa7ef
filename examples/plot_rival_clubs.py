"""
Rival clubs: the Lancang-Mekong Cooperation against the Mekong-U.S. Partnership
================================================================================

Two rival powers each sponsor a forum for the same five riparian states: China's
Lancang-Mekong Cooperation (launched 12 November 2015; leaders' meeting at Sanya, 23 March
2016) and the United States' Mekong-U.S. Partnership (11 September 2020, succeeding the Lower
Mekong Initiative of 23 July 2009). Every riparian state joined both: in Kuik's (2008) term
they *hedge*.

This example uses :class:`~multilateral.models.RivalClubs` (Buchanan club goods: a shared
cost and congestion; a cost of dual membership; exclusive clubs bar dual members; the
formal model is the library's):

* the published fora and dates, read from the shipped case data;
* Buchanan's (1965) comparative static, reproduced: the optimal membership rises with the
  good's cost and falls with congestion;
* the observed profile (everyone riparian in both) as an equilibrium of an illustrative
  game, and how sorting changes as dual membership grows dear -- a headline that depends on
  the illustrative values, so it is shown over a sweep of the hedging cost and of the
  riparian states' values, for 200 heterogeneous states as well as for the seven.
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
from multilateral.cases import mekong
from multilateral.models import RivalClubs

# %%
# The rival fora (case data, every row sourced)
# ---------------------------------------------
for forum, name in mekong.FORUMS.items():
    print(f"{name:28} founded {mekong.founded(forum)}: {', '.join(mekong.members(forum))}")
print("Sanya leaders' meeting:", mekong.event("sanya_leaders_meeting").date)
print("in both LMC and MUSP:", ", ".join(mekong.dual_members()))

# %%
# Buchanan's comparative static (published, qualitative): optimal size
# --------------------------------------------------------------------
base = RivalClubs([[1, 1]] * 30, facility_cost=16, congestion=1)
print("optimal size, cost 16, congestion 1:", base.optimal_size(), "(sqrt(16/1) = 4)")
costs = list(range(1, 101, 3))
sizes_cost = [base.with_(facility_cost=c).optimal_size() for c in costs]
crowd = [Fraction(k, 8) for k in range(1, 33)]
sizes_crowd = [base.with_(congestion=g).optimal_size() for g in crowd]
# Buchanan's paper itself was read only on its first page; the statement below is Sandler's
# restatement of it (2013, section 1, open access).
print('published (Sandler 2013, sect. 1, on Buchanan 1965): congestion "implies a nonzero '
      'marginal cost, which, in turn, justifies the need to restrict users or members"')
print("computed: optimal size of 30 with cost 16 at congestion 0, 1/8, 1, 4:",
      [base.with_(congestion=g).optimal_size() for g in (0, Fraction(1, 8), 1, 4)])

# %%
# The observed profile as an equilibrium, and exclusivity sorting
# ---------------------------------------------------------------
values = [[10, 0], [0, 10]] + [[4, 3]] * 5   # illustrative: none are published
game = mekong.rival_clubs(values, facility_cost=[6, 6])
observed = mekong.profile()
print("observed profile", observed, "is an equilibrium:", game.is_equilibrium(observed))
print("Thailand hedges while the hedging cost is at most",
      game.hedging_threshold("Thailand", observed).exact)
for h in (0, 1, 2, 3, 5):
    eq = game.with_(hedging_cost=h).equilibrium(start=observed)
    print(f"hedging cost {h}: {game.with_(hedging_cost=h).sorting(eq)}")
# the threshold over the riparian states' (illustrative) values: each club's cost 6 is split
# six ways at the observed profile, so it is min(value of LMC, value of MUSP) - 1
for riparian in ([4, 3], [6, 3], [3, 6], [2, 2], [1, 5]):
    swept = mekong.rival_clubs([[10, 0], [0, 10]] + [riparian] * 5, facility_cost=[6, 6])
    print(f"riparian values {riparian}: hedge while the hedging cost is at most",
          swept.hedging_threshold("Thailand", observed).exact)
print("exclusive clubs:", game.with_(exclusive=True).sorting(
    game.with_(exclusive=True).equilibrium(start=[1, 2, 1, 1, 1, 1, 1])))

# %%
# A sweep: 200 heterogeneous states
# ---------------------------------
rng = np.random.default_rng(7)
vals = rng.uniform(0, 6, size=(200, 2))
big = RivalClubs(vals, facility_cost=[100.0, 100.0], congestion=[0.01, 0.01])
hedging = np.linspace(0, 4, 17)
shares = []
for h in hedging:
    # start from everyone in both (nobody joins an empty club whose whole cost it would bear)
    eq = big.with_(hedging_cost=float(h)).equilibrium(start=[3] * 200)
    shares.append([c / 200 for c in big.sorting(eq).values()])
shares_arr = np.array(shares)
print("share in both at hedging cost 0 and 4:", shares_arr[0, 3], shares_arr[-1, 3])

fig, axes = plt.subplots(1, 3, figsize=(13, 3.5), layout="constrained")
ml.plot.parameter_curve({"facility cost": costs, "optimal membership": sizes_cost},
                        "facility cost", "optimal membership", ax=axes[0])
axes[0].set_title("Buchanan: size rises with the cost (congestion 1)")
ml.plot.parameter_curve({"congestion": [float(g) for g in crowd],
                         "optimal membership": sizes_crowd},
                        "congestion", "optimal membership", ax=axes[1])
axes[1].set_title("... and falls with congestion (cost 16)")
camps = ("neither", "A only", "B only", "both")
ml.plot.parameter_curve({"hedging cost": hedging,
                         **{label: shares_arr[:, k] for k, label in enumerate(camps)}},
                        "hedging cost", list(camps), ax=axes[2])
axes[2].set_ylabel("share of 200 states")
axes[2].set_title("Exclusivity sorts states into camps")
axes[2].legend(fontsize=7)
plt.show()
