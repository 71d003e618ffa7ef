"""
Small cores and the number of players: dilution, channels and remedies
======================================================================

Oye (1985) explains cooperation under anarchy by three dimensions: the payoff structure, the
*shadow of the future* (how much the states value the rounds still to come, the discount factor
``delta``) and the *number of players*. Reciprocity can hold two rivals to cooperation: each
cooperates only as long as the other does. With many players, Oye argues (pp. 18-20), the same
reciprocity gets harder through three channels. Sanctions are less feasible, because
withholding cooperation from one defector withholds it from everyone. Transparency falls,
because a defection is harder to detect and to pin on someone. And common interests are
harder to identify.

This example starts with two superpowers in a repeated Prisoners' Dilemma (an arms race, or
the joint management of non-proliferation) and finds the exact discount factors at which Grim
Trigger and Tit for Tat sustain cooperation. It then turns to a public good shared by a
minilateral club (the G7), a larger forum (the G20) and a universal one (the 193 members of
the United Nations), and asks how far the shadow of the future must reach. It keeps apart
what is Oye's and what is not:

* with a **fixed multiplier**, each member's return shrinks as members join and larger groups
  need more patience even with every channel of Oye's switched off. That is Olson's dilution
  (claim ``OLSON_DILUTION``), not Oye's argument;
* with a **fixed per-capita return** and the channels off, numbers *help* (claim
  ``NO_CHANNELS_NUMBERS_HELP``);
* detection that fades with size is Oye's **transparency** channel in a crude, reduced form
  (the faithful model, a noisy public signal, is in the ``plot_public_monitoring`` example);
* sanctions that must survive renegotiation are his **sanctions** channel: collective
  reversion then sustains nothing, and targeted sanctions, his remedy, keep the threshold
  (the ``plot_sanctions`` example works the channel out).

The payoffs are illustrative, not estimates: they fix the structure of each game, and only
the group sizes are facts.
"""

# %%
# Setup
# -----
# Run as a script, the example opens its figure in a window, or draws it off-screen when there
# is no display (a server, CI).

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
from multilateral.errors import SolverError
from multilateral.models import ConditionalCooperation

# %%
# Two superpowers: a repeated Prisoners' Dilemma
# ----------------------------------------------
# Each superpower can restrain itself (C) or build up (D). Whatever the other does, building up
# pays more (``T > R`` and ``P > S``), yet mutual restraint beats a mutual build-up
# (``R > P``). The payoffs ``T, R, P, S = 5, 3, 1, 0`` are the ones Axelrod (1984) used.
pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
T, R, P, S = (int(x) for x in pd.trps(0))
print(pd.oye_type, "with T, R, P, S =", (T, R, P, S))

# %%
# **Grim Trigger** (restrain until the other builds up, then build up forever) is a subgame
# perfect equilibrium exactly when ``delta >= (T - R) / (T - P)``. The solver finds the
# threshold by the one-shot deviation principle, exactly because the payoffs are integers, and
# with ``symbolic=True`` also as a formula in the payoffs. ``binding`` names the constraint
# that binds: in the joint state (C, C), player 0 is tempted to defect.
grim = ml.automata.grim_trigger()
cd_grim = ml.solvers.critical_discount(pd, [grim, grim], symbolic=True)
print("Grim Trigger: critical delta", cd_grim.exact, "=", cd_grim.expression,
      "| binding:", cd_grim.binding)
print("  check (T - R)/(T - P) =", Fraction(T - R, T - P))
for delta in (Fraction(2, 5), Fraction(1, 2), Fraction(3, 5)):
    check = ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, delta), [grim, grim])
    print(f"  delta = {delta}: subgame perfect? {check.holds}")

# %%
# **Tit for Tat** is subtler. Against Tit for Tat, a single defection starts an echo (the two
# alternate ``T, S, T, S, ...``), which does not pay when ``delta >= (T - R) / (R - S) =
# 2/3``. Subgame perfection also asks Tit for Tat to carry out its threats. A punisher must
# not gain by forgiving at once, which needs ``delta <= (T - R) / (R - S)``, so only
# ``delta = 2/3`` is left. And after a mutual defection, neither side may gain by offering
# cooperation, nor by refusing to accept its own punishment, which forces
# ``delta = (P - S) / (T - P) = 1/4``. The two conditions meet only if ``T - R = P - S``. Here
# they do not, so Tit for Tat is subgame perfect at no discount factor at all. It is still a
# Nash equilibrium from ``delta = max((T - R)/(R - S), (T - R)/(T - P)) = 2/3`` (Axelrod 1984,
# p. 207, Proposition 2), and the solver finds that threshold exactly.
tft = ml.automata.tit_for_tat()
try:
    ml.solvers.critical_discount(pd, [tft, tft])
except SolverError as err:
    print("Tit for Tat, subgame perfect:", err)
cd_tft = ml.solvers.critical_discount(pd, [tft, tft], kind="nash")
print("Tit for Tat, Nash: critical delta", cd_tft.exact, "; (T - R)/(R - S) =",
      Fraction(T - R, R - S))
print("as cited, not confirmed here (Axelrod 1984, Proposition 2, p. 207; only the abstract "
      "of Axelrod 1981, APSR 75(2), which announces the necessary and sufficient conditions, "
      "was read): Tit for Tat is collectively stable iff "
      "w >= max((T - R)/(T - P), (T - R)/(R - S))")
print(f"computed:  {cd_tft.exact} against max({Fraction(T - R, T - P)}, "
      f"{Fraction(T - R, R - S)}) = {max(Fraction(T - R, T - P), Fraction(T - R, R - S))}")

# %%
# When the payoffs do satisfy ``T - R = P - S``, as ``4, 3, 1, 0`` do, the two conditions
# meet at a single point, and Tit for Tat is subgame perfect *only* there:
pd_additive = ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=0)
cd_point = ml.solvers.critical_discount(pd_additive, [tft, tft])
print("Tit for Tat in 4, 3, 1, 0: subgame perfect exactly at delta =", cd_point.exact,
      "| feasible set:", cd_point.feasible)

# %%
# A milder threat needs a longer shadow. If a defection is punished for two rounds and then
# forgiven, restraint needs ``delta + delta**2 >= (T - R) / (R - P) = 1``. The threshold is
# an algebraic number, found exactly:
two_rounds = ml.automata.k_period_punishment(2)
cd_two = ml.solvers.critical_discount(pd, [two_rounds, two_rounds])
print(f"two-round punishment: critical delta {cd_two.exact} = {cd_two.delta:.6f}")

# %%
# From two to many: a public good
# -------------------------------
# Now let ``n`` states each contribute one unit a round to a common good, or free ride.
# :class:`~multilateral.models.ConditionalCooperation` models the linear public goods game,
# repeated. Every member contributes as long as no defection has been detected, and a detected
# defection is punished from the next round on. With a marginal
# per-capita return ``m`` (what each member gets from each unit contributed), a member gets
# ``R = m n - 1`` when all contribute, ``T = m (n - 1)`` when he alone withholds, and
# ``P = 0`` when punished. Cooperation is an equilibrium when
# ``delta >= (T - R) / ((T - R) + q (R - P))``, where ``q`` is the probability that a
# defection is detected.
#
# A calibration keeps the comparison clean. With ``m = 2/3`` the two-member game has exactly
# the superpowers' Grim Trigger threshold, 1/2. Then there are two ways to let the group grow:
#
# * **fixed multiplier** ``r = 4/3``: the pot is multiplied by ``r`` and shared, so each
#   member's return ``m = r / n`` shrinks as members join (a rival good). This is Olson's
#   dilution, each member's share of the gain (Olson 1965, pp. 27-28), carried to repeated
#   play; it is at work whatever Oye's channels do;
# * **fixed marginal per-capita return** ``mpcr = 2/3``: every member gets ``2/3`` of each
#   unit however many share it (a non-rival good, such as a stable climate or a financial
#   safety net). No dilution.
#
# Monitoring is either perfect (``q = 1``: the transparency channel off) or fades with size,
# ``q(n) = min(1, 2/n)``: in a pair every defection is seen; among 193, only about one in a
# hundred. That is Oye's transparency channel in a crude, reduced form: the detection
# probability is assumed, not derived from what members observe
# (:class:`~multilateral.models.PublicMonitoring`, in the ``plot_public_monitoring``
# example, derives it from a noisy public signal). A callable ``detection`` is evaluated at
# each group size. Sanctions are *untargeted* (all cooperation stops, grim) or *targeted*
# (the identified defector alone is excluded and the other ``n - 1`` go on). In the first
# tables both are taken as credible (subgame perfect), which switches the sanctions channel
# off; the channel comes in below, where sanctions must survive renegotiation.
R_FIXED = Fraction(4, 3)
MPCR_FIXED = Fraction(2, 3)


def fading(n):
    """Probability that a defection is detected in a group of ``n``."""
    return min(Fraction(1), Fraction(2, n))


NORMALIZATIONS = {"fixed multiplier r = 4/3 (Olson's dilution)": {"r": R_FIXED},
                  "fixed per-capita return m = 2/3 (no dilution)": {"mpcr": MPCR_FIXED}}
MONITORING = {"perfect monitoring": 1, "detection 2/n": fading}
SANCTIONS = ("untargeted", "targeted")


def model(norm, sanction, detection, n=2, credibility="subgame_perfect"):
    return ConditionalCooperation(n=n, sanction=sanction, detection=detection,
                                  credibility=credibility, **NORMALIZATIONS[norm])


# %%
# The groups. The G7 has seven members: France, the US, the UK, West Germany, Japan and Italy
# met first at Rambouillet in November 1975, and Canada joined in 1976. (The European Community
# has attended since 1977 and is not counted here.) The G20 has 19 countries, the EU and, since
# 9 September 2023, the African Union: 21 members. The UN has 193.
GROUPS = {"bilateral pair": 2, "G7": 7, "G20": 21, "UN": 193}

for norm in NORMALIZATIONS:
    print(norm)
    print(f"  {'regime':<36}" + "".join(f"{name:>16}" for name in GROUPS))
    for sanction in SANCTIONS:
        for mon, detection in MONITORING.items():
            m = model(norm, sanction, detection)
            row = "".join(f"{m.critical_discount(n).value!s:>16}" for n in GROUPS.values())
            print(f"  {sanction + ', ' + mon:<36}{row}")

# %%
# Oye's abstract names the strategy these tables test: nations may foster cooperation by
# strategies to "reduce the number of actors required to realize limited mutual interests".
# Computed, with every channel of his switched off (fixed multiplier, perfect monitoring,
# untargeted sanctions taken as credible), the patience needed rises with the group:
oye_row = {name: model(next(iter(NORMALIZATIONS)), "untargeted", 1).critical_discount(n).value
           for name, n in GROUPS.items()}
print('published (Oye 1985, introduction, as transcribed; page not read): the section on the '
      'number of players explains "why cooperation becomes more difficult as the number of '
      'actors increases"; abstract: strategies to "reduce the number of actors required to '
      'realize limited mutual interests" (the section itself, pp. 18-20 as cited, was not read)')
print("computed:  critical discount factor:",
      ", ".join(f"{name} {value}" for name, value in oye_row.items()))

# %%
# Read the first block across: this is Olson's dilution, not one of Oye's channels. With a
# fixed multiplier and perfect monitoring (no channel at work) the G7 needs
# ``delta >= 17/24``, the G20 ``59/80`` and the UN ``575/768``: each member's share of the
# pot falls as the group grows, so the temptation ``T - R = 1 - r/n`` rises while the stake
# ``R - P = r - 1`` stays the same. The threshold climbs towards ``1 / (1 + (r - 1)) = 3/4``.
# If detection also fades as ``2/n`` (the transparency channel, crudely), the expected loss
# from defecting vanishes too, and the UN needs ``575/577``, a shadow of the future that no
# real forum casts: dilution and fading transparency compound.
#
# The second block runs the other way. With a fixed per-capita return the stake of
# cooperation ``R - P = m n - 1`` grows with every member while the temptation ``1 - m`` does
# not, so under perfect monitoring, the case with Oye's channels off, *large* groups
# cooperate more easily (``1/(2n - 2)``: 1/384 for the UN). This is the normalization trap:
# whether more players make cooperation harder is settled by an assumption, which of the two
# returns is held fixed, before any strategic reasoning starts. It does not refute Oye: it
# shows that his argument must run through the channels. Fading transparency pulls against
# the numbers: with ``q = 2/n`` the expected loss ``q (m n - 1)`` is capped at ``2 m``, and
# the threshold ``n / (5 n - 6)`` no longer falls towards zero but levels off near 1/5. Here
# detection fades only as fast as the stake grows; numbers hurt a non-rival good where
# monitoring degrades faster than that (claim ``OYE_MONITORING``, and the
# ``plot_public_monitoring`` example).
#
# With both sanctions taken as credible, targeted sanctions do not lower any threshold
# here. An excluded defector gets 0, as he does when all cooperation stops, so his incentive
# is the same. Targeting adds a condition instead: the ``n - 1`` punishers must be able to go
# on cooperating among themselves, and so on down. With a fixed multiplier that never binds,
# since smaller groups have lower thresholds, and the targeted rows equal the untargeted ones.
# With a fixed per-capita return it binds all the way down to the pair, and the targeted
# threshold stays at the bilateral 1/2. Read as a statement about Oye, this inverts his
# remedy, and it does so because collective reversion is treated as always credible; the
# next section drops that assumption.
#
# What targeting changes is the *cost* of punishing, which the threshold does not see. An
# untargeted sanction costs each punisher the whole gain of cooperation, ``m n - 1`` a round.
# A targeted one costs him only the defector's share, ``m``.
for name, n in GROUPS.items():
    if n == 2:
        continue  # in a pair there is nobody left to go on cooperating with
    costs = [ConditionalCooperation(n=n, mpcr=MPCR_FIXED, sanction=s).punishment_cost()
             for s in SANCTIONS]
    print(f"{name:<15} cost to each punisher per round: untargeted {costs[0]!s:>6}, "
          f"targeted {costs[1]}")

# %%
# Sanctions that must survive renegotiation
# -----------------------------------------
# Collective reversion punishes every cooperator along with the defector. Once the defection
# has happened, all of them, punishers included, would rather forgive than carry the threat
# out, so the threat does not survive renegotiation (weak renegotiation-proofness, Farrell and
# Maskin 1989). With ``credibility="renegotiation_proof"``,
# :class:`~multilateral.models.ConditionalCooperation` asks for that, and a targeted
# sanction takes the form of penance (van Damme 1989): the defector contributes for a round
# while excluded, and the others go on cooperating (in a pair, the victim withholds for that
# round). This is Oye's sanctions channel, and
# the thresholds are those of :class:`~multilateral.models.Sanctions` (the ``plot_sanctions``
# example works the channel out, with the cost of administering the sanction).


def shown(cd):
    return str(cd.value) if cd.attainable else "never"


for norm in NORMALIZATIONS:
    print(norm, "-- renegotiation-proof")
    print(f"  {'regime':<36}" + "".join(f"{name:>16}" for name in GROUPS))
    for sanction in SANCTIONS:
        for mon, detection in MONITORING.items():
            m = model(norm, sanction, detection, credibility="renegotiation_proof")
            row = "".join(f"{shown(m.critical_discount(n)):>16}" for n in GROUPS.values())
            print(f"  {sanction + ', ' + mon:<36}{row}")

# %%
# Collective reversion now sustains nothing, at any size and under either normalization,
# the pair included. Targeted sanctions, Oye's remedy, keep cooperation: with perfect
# monitoring they need exactly the threshold that collective reversion needed when its
# credibility was assumed (17/24 for the G7 under dilution, 1/12 without it). So once
# sanctions must be credible, targeting is what makes cooperation possible at all, the
# opposite of the earlier reading. Combined with fading detection, one round of penance is
# too light under dilution: when only ``2/n`` of defections are caught, the expected penance
# cannot outweigh the temptation beyond the pair. Without dilution targeted sanctions survive
# fading detection (7/24 for the G7, levelling off near 1/4), because the penance a defector
# pays grows with the stake. Under dilution, longer penance restores cooperation, at a price
# in patience:
g7_penance = ConditionalCooperation(n=7, r=R_FIXED, sanction="targeted", detection=fading,
                                    credibility="renegotiation_proof", punishment_rounds=3)
print(f"G7, dilution, detection 2/n, three rounds of penance: delta >= "
      f"{g7_penance.critical_discount().delta:.4f}")

# %%
# Untargeted grim is also fragile in a crowd. If each member fails to contribute by mistake
# once in a hundred rounds, the chance that somebody errs, and untargeted cooperation
# collapses, in any given round is:
for name, n in GROUPS.items():
    p = ConditionalCooperation(n=n, r=R_FIXED).collapse_probability(Fraction(1, 100))
    print(f"{name:<15} {float(p):.3f}")

# %%
# The figure
# ----------
# The critical discount factor against the number of members, for the regimes of the first
# tables (sanctions taken as credible): a fixed multiplier, Olson's dilution, on the left, a
# fixed per-capita return on the right. Targeted regimes are dashed;
# where they coincide with the untargeted ones, the lines overlap. At a shadow of the future
# ``delta = 18/25`` (the horizontal line), every group whose curve lies below the line can
# cooperate. The legend gives the largest such group up to 193 members, from
# :meth:`~multilateral.models.ConditionalCooperation.largest_group`.
DELTA = Fraction(18, 25)
sizes = np.arange(2, 194)
STYLES = {  # targeted lines are dashed, drawn on top, and offset so that overlaps show
    ("untargeted", "perfect monitoring"): {"color": "tab:blue", "linewidth": 3},
    ("untargeted", "detection 2/n"): {"color": "tab:red", "linewidth": 3},
    ("targeted", "perfect monitoring"): {"color": "navy", "linestyle": (0, (4, 4)),
                                         "linewidth": 1.5, "zorder": 3},
    ("targeted", "detection 2/n"): {"color": "orange", "linestyle": (4, (4, 4)),
                                    "linewidth": 1.5, "zorder": 3},
}
TICKS = [2, 3, 5, 7, 10, 21, 50, 100, 193]

fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharey=True, layout="constrained")
for ax, norm in zip(axes, NORMALIZATIONS, strict=True):
    for sanction in SANCTIONS:
        for mon, detection in MONITORING.items():
            m = model(norm, sanction, detection)
            largest = m.largest_group(DELTA, n_max=int(sizes[-1]))
            ax.plot(sizes, m.critical_discount_curve(sizes), **STYLES[sanction, mon],
                    label=f"{sanction}, {mon} (largest group {largest})")
    ax.axhline(float(DELTA), color="black", linewidth=1)
    ax.text(2.1, float(DELTA) + 0.015, f"delta = {DELTA}", fontsize=9)
    for name, n in GROUPS.items():
        if n > 2:
            ax.axvline(n, color="grey", linestyle=":", linewidth=1)
            ax.text(n, 1.01, name, ha="center", va="bottom", fontsize=9)
    ax.set_xscale("log")
    ax.set_xticks(TICKS, labels=[str(t) for t in TICKS])
    ax.minorticks_off()
    ax.set_xlim(2, 220)
    ax.set_ylim(0, 1)
    ax.set_xlabel("number of members n (log scale)")
    ax.set_title(norm, pad=18)
    ax.legend(fontsize=8, loc="lower right" if "multiplier" in norm else "upper right")
axes[0].set_ylabel("critical discount factor")
fig.suptitle("How long a shadow of the future cooperation needs, by group size")

# %%
# Key numbers, exactly. At ``delta = 18/25`` a fixed-multiplier good (Olson's dilution)
# holds together up to nine members with perfect monitoring, enough for the G7 but not for
# the G20. When detection also fades as ``2/n`` it holds only three. A non-rival good (fixed
# per-capita return) is within reach of every group up to 193 in every regime of the figure,
# and ``largest_group`` then simply reports the cap it was given.
for norm in NORMALIZATIONS:
    for mon, detection in MONITORING.items():
        m = model(norm, "untargeted", detection)
        verdicts = ", ".join(f"{name} {'yes' if m.sustains(DELTA, n) else 'no'}"
                             for name, n in GROUPS.items() if n > 2)
        print(f"{norm}, {mon}: largest group {m.largest_group(DELTA, n_max=193)} "
              f"({verdicts})")

# %%
# The shadow of the future ``delta = 18/25`` is an assumption, not data. Swept
# (:func:`multilateral.sweep`) over ``delta`` for the fixed-multiplier good, the largest group
# that can cooperate in each regime (sanctions taken as credible; 193 means every UN
# member):
REGIMES = {f"{sanction}, {mon}": (sanction, detection) for sanction in SANCTIONS
           for mon, detection in MONITORING.items()}


def largest_at(delta, regime):
    sanction, detection = REGIMES[regime]
    m = model(next(iter(NORMALIZATIONS)), sanction, detection)
    return {"largest group": m.largest_group(delta, n_max=193)}


delta_sweep = ml.sweep(largest_at, {"delta": [Fraction(k, 100) for k in range(50, 100, 2)],
                                    "regime": list(REGIMES)}, store=False, progress=False)
table = delta_sweep.to_frame()
for regime in REGIMES:
    rows = table[(table["regime"] == regime) & (table["largest group"] >= 7)]
    everyone = table[(table["regime"] == regime) & (table["largest group"] >= 193)]
    print(f"{regime:<38} G7 from delta = {rows['delta'].min() if len(rows) else 'never'}, "
          f"all 193 from delta = {everyone['delta'].min() if len(everyone) else 'never'} "
          "(on a grid of 1/50)")
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
ml.plot.parameter_curve(delta_sweep, "delta", "largest group", ax=ax, lines="regime")
ax.set_yscale("log")
ax.set(xlabel="discount factor delta", title="Largest group that can cooperate (fixed r = 4/3)")

# %%
# Oye's remedies
# --------------
# Targeted sanctions are Oye's remedy for the sanctions channel, and they work once sanctions
# must survive renegotiation (above). A minilateral core is another remedy, but the numbers
# above do not show it at work through Oye's channels: that a G7 can sustain at
# ``delta = 18/25`` what the UN cannot comes, with perfect monitoring, from the dilution
# alone. Small cores working through the channels are modelled in
# :class:`~multilateral.models.NestedCores` (Bendor and Mookherjee 1987: reciprocity inside
# small subgroups under noisy monitoring, selective incentives at the centre; the
# ``plot_nested_cores`` example) and :class:`~multilateral.models.ThresholdReciprocity`
# (Boyd and Richerson 1988). Decomposition is a remedy that acts on whatever threshold the
# channels or the dilution set. Splitting the stakes into ``k`` smaller rounds per period
# lowers the per-period discount factor needed from ``delta*`` to ``delta* ** k``, so the UN's
# fixed-multiplier threshold of 575/768 falls below 18/25 as soon as the stakes are split in
# two:
un = ConditionalCooperation(n=193, r=R_FIXED)
for parts in (1, 2, 4):
    threshold = un.decomposed_threshold(parts).value
    print(f"UN, {parts} round{'s' if parts > 1 else ''} per period: "
          f"delta >= {float(threshold):.4f} "
          f"(sustained at 18/25: {threshold <= DELTA})")

plt.show()

# %%
# References
# ----------
# * Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
#   *World Politics* 38(1), 1-24; the number of players, pp. 18-20 (the page range has not
#   been checked against the article's text).
# * Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
# * Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
#   pp. 27-28 (pages as usually cited; not checked against the text here).
# * Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. *Games and Economic
#   Behavior* 1(4), 327-360.
# * van Damme, E. (1989). Renegotiation-proof equilibria in repeated prisoners' dilemma.
#   *Journal of Economic Theory* 47(1), 206-217.
# * Boyd, R. and Richerson, P. J. (1988). The evolution of reciprocity in sizable groups.
#   *Journal of Theoretical Biology* 132(3), 337-356.
# * Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing
#   collective action. *American Political Science Review* 81(1), 129-154.
# * Kahler, M. (1992). Multilateralism with small and large numbers. *International
#   Organization* 46(3), 681-708.
# * Isaac, R. M. and Walker, J. M. (1988). Group size effects in public goods provision: the
#   voluntary contributions mechanism. *Quarterly Journal of Economics* 103(1), 179-199.
