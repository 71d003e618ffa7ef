"""
Common interests: why large groups find agreements less often, and what linkage does
=====================================================================================

Oye (1985, section IV) names three ways in which numbers hurt cooperation. One: with
more players, the recognition and realization of common interests is harder, because
transactions and information costs rise. This example models that channel alone, with
:class:`~multilateral.models.CommonInterests`: members differ (each is of a type, drawn at
random, that gains or loses from an agreement on each issue), an agreement needs every
member's consent and there are no side payments, and the members must learn each other's
interests pair by pair, at a cost paid before anyone knows whether a zone of agreement exists.

Two issues sit on the table. Type A gains 3 from the first and loses 1 on the second; type B
is the mirror image; type C gains 1 from each. This is the case of Tollison and Willett
(1979), in which the large gains go to one country on one issue and to another on the other
(a paraphrase), so that linking the two negotiations can secure agreement on both where
neither issue alone has one.

The interests and the contact cost are illustrative, not estimates; the sweep at the end shows
how the headline depends on the contact cost.
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
from multilateral.models import CommonInterests

INTERESTS = [(3, -1), (-1, 3), (1, 1)]
model = CommonInterests(n=40, interests=INTERESTS, contact_cost=Fraction(1, 10))
print(model)

# %%
# Published results beside computed ones
# --------------------------------------
# What could be read of each source is its abstract (cambridge.org, ideas.repec.org), so the
# statements printed are the abstracts' claims, each beside the model's instance of it.
# Tollison and Willett (1979, abstract): issue linkage can "facilitate the completion of a
# greater number of mutually beneficial agreements"; the model's instance: a pair of an A
# and a B has no agreement on either issue, and one on the package. Sebenius (1983,
# abstract): adding or subtracting issues "can reduce or destroy a zone of possible
# agreement", and "the effects of adding or subtracting parties are similarly analyzed"; the
# instance: a B added to two As. Oye (1985, abstract) names the number of players as one of
# three conditions and strategies to "reduce the number of actors required"; the model's
# channel is section IV's (transactions and information costs rising with the number of
# players; the page of that sentence was not reachable): with pairwise contacts the channels
# grow as ``n (n - 1) / 2``.
print("published (Tollison and Willett 1979, abstract): linkage can 'facilitate the "
      "completion of a greater number of mutually beneficial agreements'")
print("published (Sebenius 1983, abstract): adding issues 'can reduce or destroy a zone "
      "of possible agreement'; 'the effects of adding or subtracting parties are similarly "
      "analyzed'")
print("computed (the model's instances):")
print("A and B agree on issue 1:", model.agrees([0, 1], issue=0),
      "| on issue 2:", model.agrees([0, 1], issue=1), "| on the package:", model.agrees([0, 1]))
print("Adding a B to two As destroys the zone on issue 1:", model.agrees([0, 0], issue=0),
      "->", model.agrees([0, 0, 1], issue=0))
print("published (Oye 1985, abstract): number of players is one of three conditions; "
      "nations can 'reduce the number of actors required'; section IV's rising transactions "
      "and information costs (page not confirmed). Computed:")
for n in (2, 7, 20, 40):
    print(f"n = {n:2d}: channels {model.channel_count(n):3d} (n(n-1)/2 = {n * (n - 1) // 2:3d}),"
          f" each member's cost {model.transaction_cost(n)}")

# %%
# Fewer agreements and less net gain as the group grows
# -----------------------------------------------------
# One member gains on issue 1 with probability 2/3, so a group of ``n`` agrees on it with
# probability ``(2/3) ** n``; everyone gains on the package (2, 2 or 2), so the package is
# agreed at every size. Net of the transaction costs, negotiating issue by issue stops paying
# at a small size; the linked package pays much longer, but the costs of the channels still
# bound the group.
sizes = np.arange(2, 41)


def net_gains(n):
    return {"issue by issue": float(model.net_gain(n, linked=False)),
            "linked package": float(model.net_gain(n))}


by_size = ml.sweep(net_gains, {"n": [int(n) for n in sizes]}, store=False, progress=False)
print("P(agreement on issue 1) at n = 2, 5, 10:",
      [model.agreement_probability(n, issue=0) for n in (2, 5, 10)])
print("largest group that pays: issue by issue", model.largest_group(linked=False),
      "| linked", model.largest_group())

fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.4))
ml.plot.parameter_curve(by_size, "n", ["issue by issue", "linked package"], ax=left)
left.axhline(0, color="grey", lw=0.8)
left.set_xlabel("number of members n")
left.set_ylabel("expected net gain per member")
left.set_title("contact cost 1/10 per channel and issue")
left.legend()

# %%
# The headline depends on the contact cost: a sweep
# -------------------------------------------------
# The largest group for which negotiating pays, against the cost of one channel. Issue by
# issue it is small at every cost, because heterogeneity alone makes the zone of agreement
# vanish; linkage lets the transaction costs, not heterogeneity, set the bound. With a regime
# (every member talks to a secretariat, Keohane 1984) the cost no longer grows with ``n``:
# the rise of the transaction costs is the model's assumption that every pair must talk,
# not a result; the fall of the chance of agreement is derived (one more possible veto).
# The sweep runs with :func:`multilateral.sweep` and is drawn with
# :func:`multilateral.plot.parameter_curve` (steps: a group's size is an integer); the
# background says which conclusion holds at each cost.
costs = [float(c) for c in np.geomspace(0.005, 2.0, 40)]


def largest(cost, linked, channels="pairwise"):
    found = model.with_(contact_cost=cost, channels=channels).largest_group(linked=linked)
    return found.value if found.attainable else 1


def largest_groups(contact_cost):
    separate, linked = largest(contact_cost, False), largest(contact_cost, True)
    return {"issue by issue": separate, "linked package": linked,
            "issue by issue, regime": largest(contact_cost, False, "regime"),
            # 2: linkage pays for a larger group than issue by issue; 1: no larger; 0: neither
            # approach pays even for a pair
            "linkage": 0 if linked == 1 else (2 if linked > separate else 1)}


by_cost = ml.sweep(largest_groups, {"contact_cost": costs}, store=False, progress=False)
ml.plot.parameter_curve(by_cost, "contact_cost",
                        ["issue by issue", "linked package", "issue by issue, regime"],
                        ax=right, conclusion="linkage",
                        categories={0: "nothing pays", 1: "linkage no larger",
                                    2: "linkage pays for a larger group"})
right.set_xscale("log")
right.set_xlabel("contact cost per channel and issue")
right.set_ylabel("largest group that pays (1: not even a pair)")
right.set_title("the sweep over the contact cost")
right.legend(fontsize=7)
fig.tight_layout()

VERDICTS = {0: "nothing pays", 1: "linkage no larger", 2: "linkage pays for a larger group"}
frame = by_cost.to_frame().sort_values("contact_cost")
spell = (frame["linkage"] != frame["linkage"].shift()).cumsum()
for _, part in frame.groupby(spell):
    print(f"contact cost {part['contact_cost'].min():.3g} to {part['contact_cost'].max():.3g}: "
          f"{VERDICTS[int(part['linkage'].iloc[0])]} (linked: "
          f"{part['linked package'].max():.0f} to {part['linked package'].min():.0f} members, "
          f"issue by issue: {part['issue by issue'].max():.0f} to "
          f"{part['issue by issue'].min():.0f})")

# %%
# The qualification: returns to coverage
# --------------------------------------
# The claim (:data:`~multilateral.claims.OYE_COMMON_INTERESTS`) holds when an agreement is
# worth no more to each member for covering more of them. If it is worth more in proportion
# to the share of the members it covers (``coverage_returns=1``), a larger group can gain
# more: with cheap contacts (1/100) the best club for the linked package is the whole
# membership, while without coverage returns it is a pair.
cheap = model.with_(contact_cost=Fraction(1, 100))
covered = cheap.with_(coverage_returns=1)
for label, m in (("no coverage returns", cheap), ("coverage returns", covered)):
    print(f"{label}: net gain linked at n = 2: {float(m.net_gain(2)):.3f}, at n = 40: "
          f"{float(m.net_gain()):.3f}; best club {m.best_group()}")

plt.show()

# %%
# References
# ----------
# * Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
#   *World Politics* 38(1), 1-24, section IV, "Number of players", from p. 18 (the page of
#   each point not confirmed against the text).
# * Tollison, R. D. and Willett, T. D. (1979). An economic theory of mutually advantageous
#   issue linkages in international negotiations. *International Organization* 33(4),
#   425-449 (pages as the library's tests give them, not confirmed here; the abstract
#   read at cambridge.org).
# * Sebenius, J. K. (1983). Negotiation arithmetic: adding and subtracting issues and
#   parties. *International Organization* 37(2), 281-316 (pages and abstract read at
#   ideas.repec.org).
# * Keohane, R. O. (1984). *After Hegemony*. Princeton University Press, ch. 6.
