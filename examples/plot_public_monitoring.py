"""
Transparency: when members see only a noisy public signal
=========================================================

Oye (1985; the pages of the argument were not confirmed here) argues that numbers make
conditional cooperation harder partly because they cut *transparency*: in a large group the
members can no longer recognize and control each other's defections.
:class:`~multilateral.models.PublicMonitoring` models that channel the way the economics of
collusion does (Green and Porter 1984; Abreu, Pearce and Stacchetti
1986, 1990). ``n`` members repeat a public goods game; no one sees the contributions, only a
public signal, "good" or "bad". Everyone contributes while the signal is good; a bad signal
starts ``punishment_rounds`` rounds with no contributions. Because the signal errs,
punishments happen on the equilibrium path even when nobody defects.

The good is non-rival: each unit contributed returns ``mpcr`` to every member whatever the
group size. With perfect monitoring that makes numbers *help* (the stakes grow with ``n``).
The question is whether imperfect monitoring turns that around. The answer depends on how the
signal degrades, so the example compares two signal technologies and sweeps their noise.
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
from multilateral.models import PublicMonitoring

# %%
# A published result: Mailath and Samuelson's prisoners' dilemma
# ---------------------------------------------------------------
# Two members with ``mpcr = 3/4`` play the prisoners' dilemma of Mailath and Samuelson (2006,
# section 7.2), payoffs ``2, 3, -1, 0``, scaled by 1/4. Their signal is good with probability
# ``p`` when both contribute and ``q`` when one shirks; grim trigger needs
# ``delta >= 1 / (3p - 2q)`` and the best strongly symmetric payoff is
# ``2 - (1 - p) / (p - q)``. The book itself was not reachable here: the section number is
# the one the library's tests cite, and the two formulas are checked by the derivation in
# ``tests/test_published_gal_misc.py`` (the one-shot deviation from grim trigger), not against
# the printed page, so the printed lines say "page not confirmed".
pair = PublicMonitoring(n=2, mpcr=Fraction(3, 4), monitoring_error=Fraction(1, 10),
                        detection=Fraction(1, 2))
bad_p, bad_q = pair.signal_probabilities()
p, q = 1 - bad_p, 1 - bad_q
print(f"p = {p}, q = {q}")
print("published (Mailath and Samuelson 2006, their PD with a public signal) (page not "
      "confirmed):")
print("  critical delta 1/(3p - 2q) =", 1 / (3 * p - 2 * q),
      "| computed", pair.critical_discount().value)
print("  best strongly symmetric payoff 2 - (1-p)/(p-q) =", 2 - (1 - p) / (p - q),
      "| computed (x4)", 4 * pair.best_payoff())

# %%
# Two signal technologies
# -----------------------
# **Aggregate**: every contribution goes into a public record and is misrecorded as a
# shortfall with probability ``monitoring_error``; the signal is bad when the recorded total
# falls short. False alarms accumulate with ``n``. **Audit**: one member, drawn at random, is
# audited and the result published; one defection moves the signal by ``1/n`` of its range.
sizes = np.arange(2, 301)
errors = (0.01, 0.025, 0.05)
fig, axes = plt.subplots(1, 3, figsize=(13, 4))
for i, eps in enumerate(errors):
    model = PublicMonitoring(n=2, mpcr=0.75, monitoring_error=eps)
    for rounds, style in ((None, "-"), (3, ":")):
        m = model.with_(punishment_rounds=rounds)
        axes[0].plot(sizes, [m.critical_discount(int(n)).delta for n in sizes], style,
                     color=f"C{i}", label=f"error {eps}, T = {rounds or 'forever'}")


def loss(monitoring_error, n):
    model = PublicMonitoring(n=2, mpcr=0.75, monitoring_error=monitoring_error)
    return {"efficiency loss": model.efficiency_loss(None, n)}


loss_sweep = ml.sweep(loss, {"monitoring_error": list(errors), "n": sizes.tolist()},
                      store=False, progress=False)
ml.plot.parameter_curve(loss_sweep, "n", "efficiency loss", ax=axes[1], lines="monitoring_error")

audit = PublicMonitoring(n=2, mpcr=0.75, monitoring_error=0.05, detection=0.5, signal="audit")


def signal_threshold(signal, n):
    model = PublicMonitoring(n=2, mpcr=0.75, monitoring_error=0.05, detection=0.5,
                             signal=signal)
    return {"critical discount": model.critical_discount(n).delta}


signal_sweep = ml.sweep(signal_threshold, {"signal": ["audit", "aggregate"],
                                           "n": sizes.tolist()}, store=False, progress=False)
# the aggregate signal sustains nothing beyond some size (an infinite threshold): its curve
# ends there, so the table keeps the finite rows
finite = np.isfinite(signal_sweep.values["critical discount"])
ml.plot.parameter_curve({"n": signal_sweep.parameters["n"][finite],
                         "signal": signal_sweep.parameters["signal"][finite],
                         "critical discount": signal_sweep.values["critical discount"][finite]},
                        "n", "critical discount", ax=axes[2], lines="signal")
axes[0].set(xlabel="members n", ylabel="critical discount factor", ylim=(0, 1),
            title="Green-Porter triggers (aggregate signal)")
axes[1].set(xlabel="members n", ylabel="share of the gains lost", ylim=(0, 1),
            title="best symmetric equilibrium (APS)")
axes[2].set(xlabel="members n", ylabel="critical discount factor", ylim=(0, 1),
            title="the two signals (error 0.05)")
for ax in axes:
    ax.legend(fontsize=7)
fig.tight_layout()

# %%
# Where numbers stop cooperation
# ------------------------------
# Abreu, Pearce and Stacchetti's abstract (Cowles Foundation Discussion Paper 726, the
# working-paper version of their 1986 article, read at cowles.yale.edu): in the Green-Porter
# model there are optimal symmetric equilibria "described entirely by two subsets of price
# space and two quantities". The library's best strongly symmetric equilibrium has the same
# two-regime structure in the public goods game (everyone contributes, or no one does), and
# its efficiency loss is the middle panel above.
print("published (Abreu, Pearce and Stacchetti 1986, abstract of CFDP 726): optimal symmetric "
      "equilibria use only two production levels; computed: the library's best strongly "
      "symmetric equilibrium is bang-bang, everyone contributes or no one does")
# Under the aggregate signal the critical discount factor first falls (the stakes grow) and
# then rises, and beyond a finite size no discount factor sustains any strongly symmetric
# cooperation. The headline depends on the noise and the return, so here is the largest
# sustainable group over both, swept with :func:`multilateral.sweep` and drawn with
# :func:`multilateral.plot.sweep_map`:
def largest_aggregate(mpcr, monitoring_error):
    model = PublicMonitoring(n=2, mpcr=mpcr, monitoring_error=monitoring_error)
    return {"largest group": model.largest_group()}


noise = ml.sweep(largest_aggregate, {"mpcr": [0.5, 0.6, 0.75, 0.9],
                                     "monitoring_error": [0.005, 0.01, 0.025, 0.05, 0.1]},
                 store=False, progress=False)
for mpcr, part in noise.to_frame().groupby("mpcr"):
    row = ", ".join(f"{e:g}: {g:.0f}" for e, g in zip(part["monitoring_error"],
                                                      part["largest group"], strict=True))
    print(f"mpcr {mpcr}: largest group by error ({row})")
sizes_found = noise.to_frame()["largest group"]
print(f"over the sweep the aggregate signal caps the group at {sizes_found.min():.0f} to "
      f"{sizes_found.max():.0f} members: numbers stop cooperation in every cell")
fig2, ax = plt.subplots(figsize=(6.5, 3.6), layout="constrained")
ml.plot.sweep_map(noise, "monitoring_error", "mpcr", "largest group", ax=ax)
ax.set_title("aggregate signal: the largest group any discount factor sustains")
print("audit signal, mpcr 0.75:", audit.largest_group(n_max=2000),
      "(= n_max: the stakes outgrow the 1/n signal)")

# %%
# Under the audit signal a defection's effect on the signal falls only like ``1/n`` while the
# stakes grow like ``n``; the two offset and numbers go on helping. Oye's transparency effect
# is the model's result where monitoring degrades faster than the stakes grow, as when false
# alarms accumulate in an aggregate record.
plt.show()
