"""
Olson against Chamberlin: group size, crowding and the exploitation of the great
================================================================================

Olson (1965) made two claims about groups that share a collective good. The larger the
group, the less of the good it provides; and "the small exploit the great": the member with
the largest stake carries more than its share of the burden. Chamberlin (1974) and McGuire
(1974) showed that the first claim depends on what the good is. If it is *crowded* (rival:
what one member consumes, another cannot), each member of a larger group gets less. If it is
a *pure* public good (non-rival: everyone consumes all of it), each member of a larger group
gets *more*, even though every member contributes less.

This example draws both claims with :class:`~multilateral.models.PublicGoodProvision`, the
voluntary-contribution game of Bergstrom, Blume and Varian (1986): members with income ``w``
give ``c_i`` of it, the contributions sum to ``G``, and each member consumes
``g = G / n**theta`` of the good, where ``theta`` in ``[0, 1]`` measures crowding
(``theta = 0`` non-rival, ``theta = 1`` fully rival). Preferences are Cobb-Douglas,
``u = x**a g**(1 - a)``, with ``a = 1/2`` unless said otherwise.
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
import numpy as np

import multilateral as ml
from multilateral.claims import CHAMBERLIN_CROWDING, OLSON_EXPLOITATION, OLSON_GROUP_SIZE
from multilateral.models import (
    PublicGoodProvision,
    k_group,
    linear_k_group,
    side_payments,
)

# %%
# One group, solved exactly
# -------------------------
# Ten identical members with income 1 and ``a = 1/2``. The equilibrium is unique (BBV's
# theorem); everyone contributes ``1/11`` and the good totals ``10/11``. The efficient
# (Lindahl) provision is 5, so the group provides ``2/11`` of what it should.
ten = PublicGoodProvision.identical(10, income=1, a=Fraction(1, 2))
eq = ten.equilibrium()
print(eq)
print("optimum:", ten.optimum(), " shortfall (equilibrium / optimum):", ten.shortfall())

# %%
# Provision against group size
# ----------------------------
# Crowding does not change what anyone contributes at a given size (the factor
# ``n**(-theta)`` is a constant for each member's choice), so the total ``G*(n)`` is the same
# for every ``theta``: ``G*(n) = n (1 - a) w / (1 + a (n - 1))``. It rises with ``n`` towards
# ``(1 - a) w / a = 1``. What each member consumes, ``G*(n) / n**theta``, is what crowding
# changes.
sizes = np.arange(1, 201)
thetas = [0, 0.25, 0.5, 1]


def provision(theta, n):
    m = PublicGoodProvision.identical(n, 1.0, 0.5, theta)
    return {"total": m.equilibrium().total, "per member": m.per_member_provision(),
            "shortfall": m.shortfall()}


provision_sweep = ml.sweep(provision, {"theta": thetas, "n": sizes.tolist()}, store=False,
                           progress=False)
at_theta = {th: provision_sweep.parameters["theta"] == th for th in thetas}
per_member = {th: provision_sweep.values["per member"][rows] for th, rows in at_theta.items()}
# the total and the shortfall do not depend on theta: read them at theta = 0
total = provision_sweep.values["total"][at_theta[0]]
shortfall = provision_sweep.values["shortfall"][at_theta[0]]
for th in thetas:
    g = per_member[th]
    print(f"theta = {th:4}: per-member provision at n = 1, 10, 200: "
          f"{g[0]:.3f}, {g[9]:.3f}, {g[-1]:.4f}")

# %%
# Chamberlin's condition: per-member provision falls for every size beyond ``n`` iff
# ``theta >= theta*(n) = (1 - a) / (1 - a + a n)``. The threshold falls towards zero as the
# group grows, so any crowding at all eventually makes larger groups worse off per member;
# for ``0 < theta < 1 - a`` provision per member first rises, up to
# :meth:`~multilateral.models.PublicGoodProvision.peak_size`, and then falls.
for n in (1, 2, 5, 10, 100):
    m = PublicGoodProvision.identical(n, 1, Fraction(1, 2))
    print(f"n = {n:3d}: crowding threshold theta*(n) = {m.crowding_threshold()}")
for th in (Fraction(1, 4), Fraction(1, 10)):
    peak = PublicGoodProvision.identical(1, 1, Fraction(1, 2), th).peak_size()
    print(f"theta = {th}: per-member provision peaks at n = {peak}")

fig, (left, mid, right) = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
ml.plot.parameter_curve({"n": sizes, "total": total}, "n", "total", ax=left)
left.axhline(1, color="grey", ls=":", lw=1)
left.set_xlabel("group size n")
left.set_ylabel("total provision G*(n)")
left.set_title("The total rises with n")
ml.plot.parameter_curve(provision_sweep, "n", "per member", ax=mid, lines="theta")
mid.set_xscale("log")
mid.set_xlabel("group size n")
mid.set_ylabel(r"per-member provision $G^*(n)/n^\theta$")
mid.legend()
mid.set_title("Chamberlin: it depends on crowding")
ml.plot.parameter_curve({"n": sizes, "shortfall": shortfall}, "n", "shortfall", ax=right)
right.set_xscale("log")
right.set_xlabel("group size n")
right.set_ylabel("equilibrium / optimal provision")
right.set_ylim(0, 1.02)
right.set_title("Olson's suboptimality grows with n")

# %%
# The shortfall is ``1 / (1 + a (n - 1))``: a lone member provides optimally, and the
# larger the group, the further equilibrium falls below the optimum. So Olson is right that
# large groups are further from the optimum, and wrong, for a non-rival good, that they
# provide less.
#
# The claims, checked
# -------------------
# The library registers both readings of the group-size claim. The popular unqualified
# reading of Olson (a foil: registered to be refuted, not his claim) fails, with a
# counterexample at ``theta = 0``; Chamberlin's qualified one holds.
verdict = OLSON_GROUP_SIZE.verify(max_examples=50)
model, larger = verdict.counterexample
print("Popular reading of Olson (unqualified, a foil):", verdict.holds, "- counterexample:",
      model, "against n =", larger)
print("Chamberlin (crowded enough):", CHAMBERLIN_CROWDING.verify(max_examples=50).holds)

# %%
# Published beside computed
# -------------------------
# Chamberlin's abstract states his result; the computation above reproduces it at the two
# ends of crowding (``theta = 0``, a purely inclusive good; ``theta = 1``, a fully rival one).
print('published (Chamberlin 1974, abstract): "for \'inclusive\' collective goods the '
      'relationship is an increasing one, while for \'exclusive\' goods it is a decreasing one"')
print(f"computed:  per-member provision at n = 1, 10, 200: theta = 0: {per_member[0][0]:.3f}, "
      f"{per_member[0][9]:.3f}, {per_member[0][-1]:.3f}; theta = 1: {per_member[1][0]:.3f}, "
      f"{per_member[1][9]:.3f}, {per_member[1][-1]:.4f}")

# %%
# Chamberlin's two ends are the corners of a map: whether per-member provision rises with the
# group turns on the crowding ``theta`` and on the valuation ``a``, neither of which he fixes.
# A sweep over both (:func:`multilateral.sweep`) classifies each pair: provision per member
# rises for every size (an inclusive good), rises and then falls, or falls from the start.
TRENDS = {2: "rises", 1: "peaks", 0: "falls"}  # with n: always, up to a size, from n = 1


def chamberlin_trend(theta, a):
    peak = PublicGoodProvision.identical(1, 1, a, theta).peak_size()
    return {"trend": 2 if peak == float("inf") else int(peak > 1)}


trend_sweep = ml.sweep(chamberlin_trend,
                       {"theta": [0, Fraction(1, 20), Fraction(1, 10), Fraction(1, 4),
                                  Fraction(1, 2), Fraction(3, 4), 1],
                        "a": [Fraction(1, 10), Fraction(1, 5), Fraction(1, 3), Fraction(1, 2),
                              Fraction(2, 3), Fraction(4, 5)]},
                       store=False, progress=False)
for code, name in TRENDS.items():
    print(f"per-member provision {name}: {int((trend_sweep.values['trend'] == code).sum())} of "
          f"{len(trend_sweep.values['trend'])} (theta, a) pairs")
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
ml.plot.sweep_map(trend_sweep, "a", "theta", "trend", ax=ax, categories=TRENDS)
ax.set(xlabel="valuation of the good a", ylabel=r"crowding $\theta$",
       title="Per-member provision against group size")

# %%
# Olson's opening statement beside the model (the page is the one later work quotes; the
# group-size argument on pp. 27-36, as usually cited, was not read here). The library's
# finding: in this model the members of a large group do act -- the total rises with n -- but
# ever further below the optimum; the statement holds as a growing shortfall, not as no
# action at all.
print("published (Olson 1965, p. 2, as quoted in later work): unless a group is quite small, "
      "or there is coercion or another special device, rational self-interested individuals "
      "will not act to achieve their common interests")
print(f"computed:  equilibrium / optimal provision at n = 1, 10, 200: {shortfall[0]:.3f}, "
      f"{shortfall[9]:.3f}, {shortfall[-1]:.4f}; total provision {total[0]:.3f}, "
      f"{total[9]:.3f}, {total[-1]:.3f}")

# %%
# Bergstrom, Blume and Varian's neutrality: moving income among contributors leaves the
# total unchanged as long as nobody stops contributing. Three members with ``a = 1/5``:
print("published (Warr 1983, extended by Bergstrom, Blume and Varian 1986; as summarized by "
      "Faias, Moreno-Garcia and Myles 2020, p. 285 -- BBV's theorem number was not read): a "
      "reallocation of income that leaves the set of contributors unchanged does not change "
      "the total provision")
for incomes in ([3, 3, 4], [2, 4, 4], [Fraction(5, 2), Fraction(7, 2), 4], [0, 5, 5]):
    e = PublicGoodProvision(incomes, a=Fraction(1, 5)).equilibrium()
    print(f"computed:  incomes {[str(w) for w in incomes]}: total {e.total}, "
          f"{int(sum(e.contributors))} of 3 contribute")

# %%
# A non-rival framework and a rival resource
# ------------------------------------------
# A framing, not a model of any treaty. Rules such as those of the law of the sea (UNCLOS)
# -- navigation, the breadth of the territorial sea, how disputes are settled -- are close
# to a non-rival good: one more state that accepts and upholds them takes nothing from the
# others, so ``theta = 0`` and every member gains from a larger membership. A fixed fish
# stock shared out in quotas is close to fully rival: a new member's quota comes out of the
# others' catch, ``theta = 1``, and each member's share falls as membership grows, although
# the total effort to conserve the stock still rises.
for label, th in (("rules (theta = 0)", 0), ("quotas (theta = 1)", 1)):
    row = [PublicGoodProvision.identical(n, 1, Fraction(1, 2), th).per_member_provision()
           for n in (2, 20, 150)]
    print(f"{label:18s} per member at n = 2, 20, 150:", [str(v) for v in row])

fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
rules, quotas = r"non-rival rules ($\theta = 0$)", r"rival quotas ($\theta = 1$)"
ml.plot.parameter_curve({"n": sizes, rules: per_member[0], quotas: per_member[1]}, "n",
                        [rules, quotas], ax=ax)
ax.set_xscale("log")
ax.set_xlabel("number of members")
ax.set_ylabel("what each member gets")
ax.legend()
ax.set_title("More members help with a non-rival good, not with a rival one")

# %%
# The exploitation of the great by the small
# ------------------------------------------
# One large member with 40% of the group's income and six small ones with 10% each. With
# ``a = 1/2`` the large member provides the good alone (a *privileged* group in Olson's
# terms): it bears the whole burden with 40% of the income.
shares = [Fraction(2, 5)] + [Fraction(1, 10)] * 6
great = PublicGoodProvision.from_shares(shares, total=10, a=Fraction(1, 2))
print(great.equilibrium())
bs = great.burden_shares()
print("largest member: burden share", bs.burden[0], "income share", bs.income[0],
      "exploitation", bs.exploitation)

# %%
# If everyone values the good more (``a = 1/5``), the small members contribute too, yet
# the large one still carries 85% of the burden:
keen = PublicGoodProvision.from_shares(shares, total=10, a=Fraction(1, 5))
print(keen.equilibrium())
print("largest member's burden share:", keen.burden_shares().burden[0])
print("Olson's exploitation claim (common a):", OLSON_EXPLOITATION.verify(max_examples=50).holds)

# %%
# The burden share of the largest member against its income share, with the rest of the
# income split equally among six others. On the diagonal burdens would be proportional to
# income; the curves lie above it: the great pay more than their share.
income_share = np.linspace(0.15, 0.9, 61)


def largest_burden(a, s):
    """The largest member's burden share at taste ``a`` and income share ``s``."""
    model = PublicGoodProvision([s] + [(1 - s) / 6] * 6, a=a)
    return {"burden": model.burden_shares().burden[0]}


burden_sweep = ml.sweep(largest_burden, {"a": [0.2, 0.35, 0.5], "s": income_share.tolist()},
                        store=False, progress=False)
fig, ax = plt.subplots(figsize=(6, 4.5), layout="constrained")
ml.plot.parameter_curve(burden_sweep, "s", "burden", ax=ax, lines="a")
ax.plot([0, 1], [0, 1], color="grey", ls=":", lw=1, label="burden = income share")
ax.plot([0.4], [1.0], "o", color="k")
ax.annotate("40% of income, 100% of the burden", (0.4, 1.0), (0.45, 0.8),
            arrowprops={"arrowstyle": "->"}, fontsize=8)
ax.set_xlabel("income share of the largest member")
ax.set_ylabel("its share of the burden")
ax.set_xlim(0, 1)
ax.set_ylim(0, 1.05)
ax.legend(loc="lower right")
ax.set_title("The exploitation of the great by the small")

# %%
# k-groups: how many must act together
# ------------------------------------
# Olson's intermediate groups: the smallest subgroup that gains from providing even if
# everyone else free-rides. For the linear public good (each unit returns ``r / n`` to each
# of ``n`` members) it is ``k = floor(n / r) + 1``: one member when ``r > n`` (a privileged
# group), and a fixed fraction, about ``1 / r``, of a large group.
print("k for n = 10, r = 3:", linear_k_group(10, 3), "; n = 200, r = 3:", linear_k_group(200, 3))


def k_groups(r, n):
    k = linear_k_group(n, r)
    return {"k": k, "k / n": k / n}


k_sweep = ml.sweep(k_groups, {"r": [2, 5, 20], "n": sizes.tolist()}, store=False,
                   progress=False)

# %%
# With unequal stakes (each member values a unit of the good at ``v_i``), the smallest
# subgroup is the members with the highest valuations whose sum exceeds the cost:
print(k_group([5, 3, 1, 1], cost=6))

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ml.plot.parameter_curve(k_sweep, "n", "k", ax=left, lines="r")  # steps: k counts members
ml.plot.parameter_curve(k_sweep, "n", "k / n", ax=right, lines="r")
left.set_xlabel("group size n")
left.set_ylabel("k, the smallest providing subgroup")
left.legend()
left.set_title("The k-group of the linear public good")
right.axhline(1, color="grey", ls=":", lw=1)
right.set_xscale("log")
right.set_xlabel("group size n")
right.set_ylabel("k / n")
right.set_ylim(0, 1.05)
right.legend()
right.set_title("Privileged (k = 1) only while n < r")

# %%
# Side payments (Kahler 1992)
# ---------------------------
# A great power can bring reluctant members in by paying them the difference between their
# cost of joining and their benefit. Here two of three would not join unpaid; the transfers
# total 4 and pay for themselves if the payer gains 5 from their participation.
sp = side_payments(benefits=[3, 1, 2], costs=[2, 4, 3], payer_gain=5)
print(sp, "transfers:", [str(t) for t in sp.transfers])

plt.show()

# %%
# What the model leaves out: members choose their contributions once and simultaneously
# (Cournot-Nash), they know each other's incomes and preferences, and there is no
# enforcement, selective incentive or institution -- exactly the conditions under which
# Olson expected collective action to fail.
#
# References
# ----------
# * Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press.
# * Chamberlin, J. (1974). Provision of collective goods as a function of group size.
#   *American Political Science Review* 68(2), 707-716.
# * McGuire, M. (1974). Group size, group homogeneity, and the aggregate provision of a pure
#   public good under Cournot behavior. *Public Choice* 18, 107-126.
# * Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public goods.
#   *Journal of Public Economics* 29(1), 25-49.
# * Kahler, M. (1992). Multilateralism with small and large numbers. *International
#   Organization* 46(3), 681-708.
