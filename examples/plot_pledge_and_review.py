"""
Pledge-and-review: from Kyoto to Paris
======================================

The Kyoto Protocol (1997) set binding targets top-down for 37 industrialized countries and
the European Union; the Paris Agreement (2015) asks every Party for its own pledge, then
reviews. Harstad (2023) explains the change by the bargaining procedure: when each party
pledges its own contribution and the set of pledges must be ratified unanimously, each pledge
weighs the pledger's payoff above the others' (a weight ``w < 1`` on each other participant,
which Harstad derives from uncertain tolerance for delay and the model takes as given).
The pledges are less ambitious, participating is cheaper, and more countries participate;
with many potential participants the broad, shallow treaty is the better one.

:class:`~multilateral.models.PledgeAndReview` puts both procedures on the library's linear
abatement payoffs (top-down is :class:`~multilateral.models.SelfEnforcingAgreement`). The
headline depends on ``w``, which the model takes as given, so it is swept below.
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
from multilateral.cases import kyoto_paris
from multilateral.models import PledgeAndReview

# %%
# The case: participation under the two treaties
# ----------------------------------------------
# Sourced counts and dates (each row of the table names its source; the current number of
# Paris Parties is marked unconfirmed and not used).
for name in ("kyoto_adopted", "kyoto_in_force", "paris_adopted", "paris_in_force"):
    f = kyoto_paris.fact(name)
    print(f"{f.description:45} {f.date}")
counts = kyoto_paris.participants()
print("Parties with commitments: Kyoto (Annex B)", counts["kyoto_targets"],
      "| Paris (adopting Parties)", counts["paris_adopting_parties"])

# %%
# Published beside computed
# -------------------------
# Potential participants: the 196 Parties that adopted Paris. Top-down targets on these
# payoffs are self-enforcing for exactly three countries whatever ``n`` (Carraro and
# Siniscalco 1993), far below Kyoto's 38: the library's finding is that Kyoto's breadth is
# not self-enforcing on these payoffs. Under pledge-and-review the stable coalition is
# ``floor(2 / w) + 1``; near-universal participation needs ``w <= 2 / (n - 1)``.
n = counts["paris_adopting_parties"]
model = PledgeAndReview(n=n, benefit=1, cost=1, others_weight=Fraction(1, 4))
c = model.compare()
print(f"published (case table kyoto_paris, each row with its source): Kyoto "
      f"{counts['kyoto_targets']} with targets, Paris {n} adopting Parties")
print("published (Harstad, 'Pledge-and-review bargaining', working-paper summary, Belfer "
      "Center, November 2018): pledge-and-review leads to less ambitious cuts, which makes "
      "participating cheaper, so the coalition is larger; it is especially attractive with "
      "many potential participants")
print(f"computed (w = 1/4): top-down {c.participants['top_down']} x "
      f"{c.commitment['top_down']} b/c, pledge-and-review {c.participants['pledge_and_review']}"
      f" x {c.commitment['pledge_and_review']} b/c; preferred: {c.preferred}")
universal = Fraction(2, n - 1)
print(f"w for all {n} to participate: w <= 2/(n-1) = {universal}; then "
      f"{model.with_(others_weight=universal).largest_stable_size()} participate, pledging "
      f"{float(model.with_(others_weight=universal).pledge(n)):.3f} b/c each "
      f"(alone: 1 b/c; top-down target for {n}: {n} b/c)")
print("published (Downs, Rocke and Barsoom 1996, IO 50(3), abstract): \"A high rate of "
      "compliance is often the result of states formulating treaties that require them to do "
      "little more than they would do in the absence of a treaty.\"")
print(f"computed:  at w = 2/(n-1) all {n} participate and keep a pledge of "
      f"{model.with_(others_weight=universal).pledge(n)} b/c: three times what each abates alone, "
      f"{float(model.with_(others_weight=universal).pledge(n) / n):.1%} of the full-cooperation "
      "level")
print("preferred from n =", model.preferred_from().exact, "on (w = 1/4); with w = 4/5:",
      model.with_(others_weight=Fraction(4, 5)).preferred_from(), "; with w = 1/10**6:",
      model.with_(others_weight=Fraction(1, 10**6)).preferred_from())

# %%
# The sweep: everything turns on the weight on others
# ----------------------------------------------------
weights = [Fraction(k, 100) for k in range(2, 101, 2)]


def against_top_down(others_weight):
    cw = model.with_(others_weight=others_weight).compare()
    return {"stable participants": cw.participants["pledge_and_review"],
            "pledge kept (b/c)": float(cw.commitment["pledge_and_review"]),
            "welfare ratio": float(cw.welfare["pledge_and_review"] / cw.welfare["top_down"]),
            "pledge-and-review preferred": int(cw.preferred == "pledge_and_review")}


w_sweep = ml.sweep(against_top_down, {"others_weight": weights}, store=False, progress=False)
preferred = w_sweep.values["pledge-and-review preferred"] == 1
print("pledge-and-review preferred for w up to",
      max(w for w, p in zip(weights, preferred, strict=True) if p),
      "; top-down preferred from w =", min(w for w, p in zip(weights, preferred, strict=True)
                                            if not p) if not preferred.all() else "never")

fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), layout="constrained")
names = {1: "pledge-and-review preferred", 0: "top-down preferred"}
for ax, output in zip(axes, ("stable participants", "pledge kept (b/c)", "welfare ratio"),
                      strict=True):
    ml.plot.parameter_curve(w_sweep, "others_weight", output, ax=ax,
                            conclusion="pledge-and-review preferred", categories=names)
    ax.set_xlabel("weight on others w")
    ax.set_title(output, fontsize=10)
axes[0].axhline(3, color="grey", ls="--")
axes[0].set_yscale("log")
axes[1].axhline(3, color="grey", ls="--")
axes[2].axhline(1, color="grey", ls="--")
axes[2].set_ylabel("welfare, pledge-and-review / top-down")
fig.suptitle(f"Pledge-and-review against top-down targets (dashed), n = {n}")

# %%
# Review as information about compliance
# --------------------------------------
# Barrett and Dannenberg (2016, p. 339) found in a laboratory game that review affects
# targets and pledges more than contributions. Here (the library's mechanism, not their game)
# a review detects a shortfall with probability ``r`` and a detected shortfall makes the
# other participants withdraw their extra abatement: pledges are kept iff ``w <= 2 r``, and a
# weak review (``r < w / 4``) lowers the announced pledge more than it raises what is
# contributed. Which way their review moved pledges was not confirmed here.
for r in (Fraction(1, 40), Fraction(1, 20), Fraction(1, 10), Fraction(1, 8)):
    d_pledge, d_contribution = model.with_(review=r).review_effect(9)
    print(f"review {r!s:5}: pledge changes by {float(d_pledge):+.2f} b/c, "
          f"contribution by {float(d_contribution):+.2f} b/c")
plt.show()
