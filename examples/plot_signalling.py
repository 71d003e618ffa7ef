"""
Signalling resolve by sinking costs: when does mobilization separate?
=====================================================================

Fearon (1997, *Journal of Conflict Resolution* 41(1), 68-90, "Signaling foreign policy
interests: tying hands versus sinking costs") distinguishes two ways a state can make a
threat informative: *tying hands* (a public commitment that costs something only if the state
later backs down: audience costs) and *sinking costs* (a costly act, such as mobilizing,
paid whatever happens next). A sunk cost can reveal resolve only if it is one that a state
that cares less about the issue would not pay to win it.

This example reads the sinking-costs mechanism in a two-type signalling game
(:class:`~multilateral.games.extensive.SignallingGame`), solved exactly by
:func:`~multilateral.solvers.extensive.perfect_bayesian_equilibria`:

* a **resolved** state values the issue at 2 and would fight (war worth 1/2 to it) if resisted;
  an **irresolute** one values it at 1 and backs down (0) if resisted; prior resolved 1/3;
* it either stays put or **mobilizes**, at a sunk cost ``c``;
* the other state then concedes (0) or resists: it gains 1 against an irresolute state and
  loses 1 in a war against a resolved one.

The two-type discretization and all numbers are this example's, not Fearon's (his types are
continuous), so no published number is printed for it (a published benchmark, beer-quiche,
is solved at the end); the printed thresholds are derived in the
text below from the game's payoffs and set beside what the solver computes. **The headline
depends on the cost**, so the example sweeps it: below ``c = 1`` (the irresolute type's value)
mobilization is a bluff some irresolute states make (a semi-separating equilibrium, in which
the other side concedes to a mobilized state with probability ``c``); for ``1 <= c <= 3/2``
(up to the resolved type's gain from concession over war, 2 - 1/2) only the resolved
mobilize: the signal separates; above ``3/2`` nobody mobilizes. These are not the only
equilibria: pooling on staying put exists at *every* cost, held up by the other side's belief
that a state that mobilized would be irresolute (so it resists). Forward induction removes it
where mobilizing pays only the resolved type: the Intuitive Criterion for ``1 < c < 3/2``
(the irresolute type cannot gain by mobilizing, the resolved can), criterion D1 for every
``0 < c <= 3/2`` (derived in the last section and computed there).
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
from multilateral.games.extensive import SignallingGame

F = Fraction
pbe = ml.solvers.extensive.perfect_bayesian_equilibria


def crisis(cost: Fraction) -> SignallingGame:
    """The sinking-costs crisis at mobilization cost ``cost``."""
    value = {"resolved": 2, "irresolute": 1}
    if_resisted = {"resolved": F(1, 2), "irresolute": 0}  # fight / back down
    sender = [[[value[t], if_resisted[t]],                         # stay: concede, resist
               [value[t] - cost, if_resisted[t] - cost]]           # mobilize
              for t in ("resolved", "irresolute")]
    receiver = [[[0, -1], [0, -1]],                                # against the resolved
                [[0, 1], [0, 1]]]                                  # against the irresolute
    return SignallingGame([F(1, 3), F(2, 3)], sender, receiver,
                          types=["resolved", "irresolute"], messages=["stay", "mobilize"],
                          actions=["concede", "resist"], players=["Defender", "Challenger"])


# %%
# One cost in each region
# -----------------------
for c in (F(1, 2), F(5, 4), F(2)):
    print(f"cost {c}:")
    for eq in pbe(crisis(c), mixed=True):
        tag = "  (continuum)" if eq.continuum else ""
        print(f"   {eq.classification:16s} resolved mobilizes {eq.sender[0][1]}, irresolute "
              f"{eq.sender[1][1]}; concede after mobilizing {eq.receiver[1][0]}{tag}")

# %%
# The sweep over the cost
# -----------------------
# For each cost, which kinds of equilibrium exist, and in the semi-separating one how often
# the other side concedes to a mobilized state (derived: the irresolute type's indifference
# q * 1 - c = 0 gives q = c) and how often an irresolute state bluffs (derived: the other
# side's indifference after mobilization needs belief 1/2 in a resolved state, so
# (1/3) / (1/3 + (2/3) x) = 1/2 and x = 1/2).
costs = [F(k, 8) for k in range(0, 18)]
kinds: dict[str, list[Fraction]] = {}
concede, bluff = [], []
for c in costs:
    eqs = pbe(crisis(c), mixed=True)
    for eq in eqs:
        if eq.continuum:
            continue
        label = eq.classification
        if label == "pooling":
            label += " on " + ("stay" if eq.sender[0][0] == 1 else "mobilize")
        kinds.setdefault(label, []).append(c)
    hybrid = [e for e in eqs if e.classification == "semi-separating" and not e.continuum]
    if hybrid:
        concede.append((c, hybrid[0].receiver[1][0]))
        bluff.append((c, hybrid[0].sender[1][1]))

print("\nderived vs computed (the semi-separating equilibrium):")
print("   cost   concede after mobilize (derived = c)   irresolute bluffs (derived = 1/2)")
for (c, q), (_, x) in zip(concede, bluff, strict=True):
    print(f"   {c!s:5s}  {q!s:38s} {x}")
separating = kinds.get("separating", [])
print(f"\nseparating for costs {min(separating)} .. {max(separating)} (derived: 1 .. 3/2)")

# %%
# Pooling on staying put, refined
# -------------------------------
# In the pooling equilibrium on "stay" where the other side resists a mobilized state, the
# resolved type gets 1/2 and the irresolute 0. Mobilizing against a concession probability q
# gives them 1/2 + 3q/2 - c and q - c: the irresolute type can gain only if c < 1 (so for
# c > 1 it is excluded, and the resolved type gains from the concession that a belief on it
# alone brings iff c < 3/2: the Intuitive Criterion fails on (1, 3/2)); the irresolute type
# weakly gains only where the resolved strictly does (q >= c implies q > 2c/3 for c > 0), so
# D1 deletes it and the resistance fails D1 for 0 < c <= 3/2.
ic, d1 = ml.solvers.extensive.intuitive_criterion, ml.solvers.extensive.d1_criterion
print("\npooling on stay, resisting a mobilized state: survives IC / D1 (derived / computed)")
for c in (F(0), F(1, 2), F(1), F(5, 4), F(3, 2), F(2)):
    (pool,) = [e for e in pbe(crisis(c)) if e.sender[0][0] == 1 and e.receiver[1][1] == 1]
    derived = (not 1 < c < F(3, 2), not 0 < c <= F(3, 2))
    print(f"   cost {c!s:4s} IC {derived[0]!s:5s} / {ic(pool).survives!s:5s}   "
          f"D1 {derived[1]!s:5s} / {d1(pool).survives}")

# %%
# A published benchmark: beer-quiche
# ----------------------------------
# The same solver on Cho and Kreps's (1987) beer-quiche game (prior strong 9/10, the
# payoffs of the library's :class:`~multilateral.games.extensive.SignallingGame` docstring).
# Published (the example that opens their paper, *Quarterly Journal of Economics* 102(2),
# 179-221, as summarized at study.space; the page itself was not confirmed here): two pooling
# outcomes, both types on beer or both on quiche, and the Intuitive Criterion removes the
# pooling on quiche. Computed:
bq = SignallingGame([F(1, 10), F(9, 10)], [[[0, 2], [1, 3]], [[1, 3], [0, 2]]],
                    [[[1, 0], [1, 0]], [[0, 1], [0, 1]]], types=["weak", "strong"],
                    messages=["beer", "quiche"], actions=["duel", "not"])
found = {("beer" if e.sender[0][0] == 1 else "quiche"): (e.classification, ic(e).survives)
         for e in pbe(bq)}
print("\nbeer-quiche, published (Cho and Kreps 1987, opening example; page not confirmed): "
      "pooling on beer (survives IC), pooling on quiche (fails IC)")
print("beer-quiche, computed: ", ", ".join(
    f"{kind} on {m} ({'survives' if ok else 'fails'} IC)" for m, (kind, ok) in found.items()))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
for row, (label, cs) in enumerate(sorted(kinds.items())):
    ax1.scatter([float(c) for c in cs], [row] * len(cs), label=label)
ax1.set_yticks(range(len(kinds)), sorted(kinds))
ax1.set_xlabel("mobilization cost c")
ax1.set_title("equilibria that exist (isolated ones)")
# a table of the semi-separating equilibria found above (concede and bluff share the costs)
ml.plot.parameter_curve({"c": [c for c, _ in concede],
                         "concede after mobilizing": [q for _, q in concede],
                         "irresolute mobilizes": [x for _, x in bluff]},
                        "c", ["concede after mobilizing", "irresolute mobilizes"], ax=ax2)
ax2.set_xlabel("mobilization cost c")
ax2.set_ylabel("probability")
ax2.set_title("the semi-separating equilibrium")
ax2.legend()
fig.tight_layout()
plt.show()

# %%
# References
# ----------
# * Fearon, J. D. (1997). Signaling foreign policy interests: tying hands versus sinking
#   costs. *Journal of Conflict Resolution* 41(1), 68-90.
# * Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria. *Quarterly
#   Journal of Economics* 102(2), 179-221 (the beer-quiche example; its page not confirmed
#   here).
