"""
Forum shopping: NAFTA or the WTO, and the precedent a ruling sets
=================================================================

Busch (2007) asks why a complainant in a trade dispute files under a regional agreement, at
the WTO, or not at all, and answers that "the key to forum shopping is not simply which
institution is likely to come closest to the complainant's ideal ruling against the
defendant, but where the resulting precedent will be more useful in the future, enabling the
complainant to bring litigation against other members, rather than helping other members
bring litigation against the complainant" (abstract, p. 735).
:class:`multilateral.models.ForumShopping` is this library's formalization: a favourable
ruling binds the forum's other members, and per member bound the precedent is worth
``offense`` to the complainant and costs it ``defense``.

The case data (:mod:`multilateral.cases.forum_shopping`, every row sourced, its status
stated): trade disputes among Canada, Mexico and the United States brought to the WTO or to
NAFTA/CUSFTA panels, among them Busch's two, Mexico's brooms (NAFTA) and the U.S. complaint
about Canada's periodicals (WTO).
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
from fractions import Fraction as F

import matplotlib.pyplot as plt

import multilateral as ml
from multilateral.cases import forum_shopping as fs

# %%
# The case data
# -------------
# One row per dispute: the forum, the WTO dispute number or the NAFTA Secretariat file, the
# date and what it marks, and whether it was confirmed.
for d in fs.DISPUTES:
    print(f"{d.date:10s} {d.forum:6s} {d.reference:18.18s} {d.complainant:13s} v. "
          f"{d.defendant:13s} ({d.date_kind}; {d.status.split(' (')[0]})")
print(fs.counts())

# %%
# Busch's cases beside the model
# ------------------------------
# Busch reports where each case went; the model's inputs are illustrative (none are
# published): equal chances of winning in both fora, a WTO of 130 members (an assumption),
# and a precedent that helps Mexico's opponents on safeguards (``defense > offense``) but
# helps the United States against other members' cultural measures (``offense > defense``).
# Those signs are this library's reading of the two cases, not values from Busch (only his
# abstract and opening page were read), and they were chosen so that the model sends each
# case where it went: the match below shows the model can tell the story, it does not test
# it.
common = dict(ruling_value=2, win_regional=F(1, 2), win_multilateral=F(1, 2), n=130,
              cost=F(1, 4))
cases = {"us_broom_corn_brooms": dict(offense=0, defense=F(1, 10)),
         "canada_periodicals": dict(offense=F(1, 10), defense=0)}
for name, precedent in cases.items():
    model = fs.model(name, **common, **precedent)
    published = {"nafta": "regional (NAFTA)", "wto": "multilateral (WTO)"}[
        fs.dispute(name).forum]
    print(f"{name:22s} published (Busch 2007, p. 735): {published:19s} "
          f"computed: {model.equilibrium().ruling}")

# %%
# The headline depends on the assumed precedent, so sweep it
# ----------------------------------------------------------
# The forum over the net value of the precedent per member bound (``offense - defense``) and
# the WTO membership ``n``, with the regional forum likelier to rule for the complainant
# (left: 3/5 against 1/2) and with a defendant that can block the regional panel at a small
# cost (right, the library's extension). To the right of zero a larger membership draws the
# case to the WTO (Busch's offensive precedent); to the left it keeps it in the region or
# home; the line is :meth:`~multilateral.models.ForumShopping.critical_members`. On the
# right the defendant blocks the regional panel (a regional ruling costs it more than the
# block and a WTO ruling together), so the regional forum is gone: the complainant files at
# the WTO while the WTO precedent costs it little and stays home when it costs more.
codes = {"none": 0, "regional": 1, "multilateral": 2}
nets = [F(k, 200) for k in range(-20, 21)]
members = list(range(3, 131, 4))
base = fs.model("canada_periodicals", ruling_value=2, win_regional=F(3, 5),
                win_multilateral=F(1, 2), offense=0, defense=0, n=3, cost=F(1, 4))
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True, layout="constrained")
for ax, block, title in [(axes[0], None, "no blocking"),
                         (axes[1], F(1, 20), "defendant can block (cost 1/20)")]:
    def at(net, n, block=block):
        off, dfn = (net, 0) if net >= 0 else (0, -net)
        return base.with_(offense=off, defense=dfn, n=n, block_cost=block)

    def forum(net, n, at=at):
        return {"forum": codes[at(net, n).equilibrium().ruling]}

    grid = ml.sweep(forum, {"net": nets, "n": members}, store=False, progress=False)
    ml.plot.sweep_map(grid, "net", "n", "forum", ax=ax,
                      categories={code: name for name, code in codes.items()})
    # the critical membership on the map: the cell of the k-th value spans [k, k + 1]
    line = [(k + 0.5, at(x, 3).critical_members()) for k, x in enumerate(nets) if x > 0]
    ax.plot([k for k, t in line if t.attainable],
            [(t.value - members[0]) / (members[1] - members[0]) + 0.5 for _, t in line
             if t.attainable], "w--", lw=1)
    ax.set_title(title)
    ax.set_xlabel("net precedent value per member (offense - defense)")
axes[0].get_legend().remove()  # one legend, on the right
axes[0].set_ylabel("WTO members bound by a WTO ruling")
axes[1].set_ylabel("")
fig.suptitle("Where the complainant files: regional forum likelier to rule for it (3/5 v 1/2)")
plt.show()

# %%
# Not simply the likelier ruling
# ------------------------------
# At 130 members, the WTO is chosen with an offensive precedent even when the regional forum
# is much likelier to rule for the complainant, up to a point.
for q in [F(1, 2), F(3, 5), F(4, 5), F(1)]:
    m = base.with_(offense=F(1, 100), n=130, win_regional=q)
    print(f"win_regional {float(q):.2f} (WTO 0.50): {m.equilibrium().ruling}")
