"""
Estimating a deterrence game from dispute data
==============================================

Signorino (1999) argues that crisis outcomes are the equilibrium of a game, so the statistical
model of them should be that game: a challenger keeps the status quo or challenges; a
challenged defender backs down (capitulation) or resists (war). The challenger's choice
depends on what he expects the defender to do, so a covariate that changes the defender's
utility for war changes the challenger's behaviour too, and a logit of each choice alone
misses that. His *strategic probit* puts random utility on each action (agent
error) or each outcome (private information, Signorino 2003) and takes the outcome
probabilities from the game's equilibrium.

Here we simulate dispute data from a deterrence game with known utilities, fit it with
:func:`~multilateral.estimation.fit_egame12` (the model of Kenkel and Signorino's R package
``games``, JSS 2014), compare the estimates with the truth, plot predicted probabilities
against the balance of capabilities, and print a table for a paper.
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
import csv
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from scipy import special

import multilateral as ml
from multilateral.estimation import (
    egame12_probabilities,
    fit_egame12,
    latex_table,
    maximize_likelihood,
    simulate_egame12,
    vuong,
)

# %%
# Simulated disputes
# ------------------
# 1,500 dyads. ``balance`` is the challenger's share of the dyad's capabilities,
# ``revisionist`` whether he wants to change the status quo, ``ally`` whether the defender has
# an ally. The challenger values the status quo less when revisionist (``u11``) and war more
# when strong (``u14``); the defender values war less against a strong challenger and more
# with an ally (``u24``). The challenger's utility for capitulation ``u13`` is fixed at 0:
# only differences of his utilities are identified.
rng = np.random.default_rng(1999)
n = 1500
balance = rng.uniform(0, 1, n)
revisionist = (rng.random(n) < 0.4).astype(float)
ally = (rng.random(n) < 0.3).astype(float)
regressors = {
    "u11": {"const": 1, "revisionist": revisionist},
    "u14": {"const": 1, "balance": balance},
    "u24": {"const": 1, "balance": balance, "ally": ally},
}
truth = {"u11": [0.8, -1.2], "u14": [-1.5, 2.0], "u24": [0.6, -2.0, 1.0]}
outcomes = simulate_egame12(truth, regressors, seed=rng)
print("outcomes (status quo, capitulation, war):", np.bincount(outcomes, minlength=3).tolist())

# %%
# The fit, beside the truth
# -------------------------
# Agent error with a probit link, the model that generated the data. Every 95% interval
# should cover the truth about 19 times in 20 (the tests check that over 200 seeds).
fit = fit_egame12(outcomes, regressors, kind="agent", link="probit")
true_values = np.concatenate([truth[eq] for eq in ("u11", "u14", "u24")])
low, high = fit.conf_int().T
print(f"{'parameter':<18}{'true':>7}{'estimate':>10}{'std.err':>9}  covered")
for label, true, est, se, lo, hi in zip(fit.names, true_values, fit.params, fit.std_errors,
                                        low, high, strict=True):
    print(f"{label:<18}{true:>7.2f}{est:>10.3f}{se:>9.3f}  {lo <= true <= hi}")
print(f"log-likelihood {fit.loglik:.2f}, AIC {fit.aic:.1f}, converged {fit.converged}")

# %%
# Which error structure?
# ----------------------
# The same data fitted under private information (each player knows his own random utility
# for every outcome). The two models are not nested, so Vuong's test compares them; here
# their likelihoods barely differ: with 1,500 disputes the data hardly tell the two error
# structures apart, and the choice between them is an assumption to state.
private = fit_egame12(outcomes, regressors, kind="private")
print(f"agent error: loglik {fit.loglik:.2f} | private information: loglik "
      f"{private.loglik:.2f}")
print(vuong([fit, private]))

# %%
# Predicted probabilities against the balance of capabilities
# -----------------------------------------------------------
# For a revisionist challenger facing a defender without an ally. As the challenger grows
# stronger he challenges more (the status quo falls) and the defender backs down more
# (capitulation rises), so the probability of war first rises and then falls: the effect of
# one covariate on an outcome need not be monotonic once the outcome is an equilibrium of the
# game (Signorino 1999). Bands: 95% of 500 parameter draws from the estimates' normal
# approximation.
grid = np.linspace(0, 1, 101)
new = {"u11": {"const": 1, "revisionist": np.ones_like(grid)},
       "u14": {"const": 1, "balance": grid},
       "u24": {"const": 1, "balance": grid, "ally": np.zeros_like(grid)}}
predicted = fit.predict(new)
true_curve = egame12_probabilities(truth, new)
draws = rng.multivariate_normal(fit.params, fit.cov, size=500)
sims = np.array([fit.predictor(theta, new) for theta in draws])
band_low, band_high = np.percentile(sims, [2.5, 97.5], axis=0)

# %%
# What a probit of war alone would say
# ------------------------------------
# The usual single-equation analysis: a probit of war on every covariate, fitted with the
# same likelihood helper (:func:`~multilateral.estimation.maximize_likelihood`). Its index is
# linear in ``balance``, so its war curve is monotonic, and its coefficient on ``balance``
# mixes the challenger's and the defender's utilities. Here it finds no effect of the balance
# on war at all (a coefficient near 0 with p about 0.45), though the balance moves both
# players' utilities strongly and, through the game, war first up and then down: Signorino's
# (1999) case that nonstrategic logit and probit misstate the substantive effects.
design = np.column_stack([np.ones(n), revisionist, balance, ally])
sign = np.where(outcomes == 2, 1.0, -1.0)


def probit_negloglik(beta):
    return float(-special.log_ndtr(sign * (design @ beta)).sum())


naive = maximize_likelihood(probit_negloglik, np.zeros(4), n_obs=n, title="probit of war",
                            names=("const", "revisionist", "balance", "ally"))
print(naive.summary(digits=3))
naive_war = special.ndtr(np.column_stack([np.ones_like(grid), np.ones_like(grid), grid,
                                          np.zeros_like(grid)]) @ naive.params)
print("published (Signorino 1999, *APSR* 93(2), the abstract): 'logit provides estimates with "
      "incorrect substantive interpretations as well as fitted values that can be far from "
      "the true values' (his Monte Carlo tables were not reached; this is one simulated "
      "sample, with a probit)")
print(f"  computed: largest gap between the fitted and the true probability of war over the "
      f"balance, probit of war alone {np.abs(naive_war - true_curve[:, 2]).max():.3f}, "
      f"strategic probit {np.abs(predicted[:, 2] - true_curve[:, 2]).max():.3f}")

fig, (ax, ax2) = plt.subplots(1, 2, figsize=(10, 4))
ax.plot(grid, naive_war, ":", color="black", label="war (probit of war alone)")
for k, (name, color) in enumerate(zip(("status quo", "capitulation", "war"),
                                      ("tab:blue", "tab:green", "tab:red"), strict=True)):
    ax.plot(grid, predicted[:, k], color=color, label=f"{name} (fitted)")
    ax.fill_between(grid, band_low[:, k], band_high[:, k], color=color, alpha=0.2)
    ax.plot(grid, true_curve[:, k], "--", color=color, lw=1)
ax.set_xlabel("balance (challenger's share of capabilities)")
ax.set_ylabel("probability")
ax.set_title("egame12, agent error: fitted (solid), true (dashed)")
ax.legend(fontsize=8)

# %%
# How the estimates sharpen with more disputes
# --------------------------------------------
# The recovery above is one sample. Over 15 samples at each size, the spread of the estimate
# of the defender's balance coefficient (true value -2) shrinks like one over the square root
# of the number of disputes, and the mean standard error tracks it.
# The samples are the repeats of a :func:`multilateral.sweep` (each with its own seed).
sizes = (250, 500, 1000, 2000)


def defender_balance(size, seed):
    r = np.random.default_rng(seed)
    b = r.uniform(0, 1, size)
    rev, al = (r.random(size) < 0.4) * 1.0, (r.random(size) < 0.3) * 1.0
    x = {"u11": {"const": 1, "revisionist": rev}, "u14": {"const": 1, "balance": b},
         "u24": {"const": 1, "balance": b, "ally": al}}
    f = fit_egame12(simulate_egame12(truth, x, seed=r), x)
    return {"estimate": f.params[5], "std error": f.std_errors[5]}


samples = ml.sweep(defender_balance, {"size": sizes}, repeats=15, seed=1999, store=False,
                   progress=False)
spread, mean_se = [], []
for size in sizes:
    rows = samples.parameters["size"] == size
    estimates = samples.values["estimate"][rows]
    spread.append(np.std(estimates))
    mean_se.append(np.mean(samples.values["std error"][rows]))
    print(f"n = {size:>5}: mean estimate {np.mean(estimates):.2f}, spread {spread[-1]:.3f}, "
          f"mean std. error {mean_se[-1]:.3f}")
ml.plot.parameter_curve({"disputes n": np.array(sizes), "spread of estimates": spread,
                         "mean standard error": mean_se}, "disputes n",
                        ["spread of estimates", "mean standard error"], ax=ax2)
ax2.set_xscale("log")
ax2.set_yscale("log")
ax2.minorticks_off()
ax2.set_xticks(sizes, [str(size) for size in sizes])
ax2.set_ylabel("sampling spread of the u24: balance estimate")
ax2.set_title("sampling variation, 15 samples per size")
fig.tight_layout()

# %%
# The games package's own example, beside R
# -----------------------------------------
# Kenkel and Signorino's R package ships 19th-century militarized disputes (``war1800``,
# Correlates of War) and fits ``esc + war ~ s_wt_re1 + revis1 | 0 | regime1 | balanc +
# regime2`` (its documentation's example, ``?egame12``). The same fit here, beside what
# R 4.2.2 with games 1.1.2 prints (a few coefficients; the tests compare all of them, their
# standard errors and the log-likelihood, for three error structures and links). These are
# a reference implementation's output, not a published table: the package's article
# (Kenkel and Signorino 2014, *JSS* 56(8)) replicates Leblang (2003) instead, whose data are
# not bundled here, and its tables were not reached.
try:
    here = Path(__file__).resolve().parent
except NameError:  # sphinx-gallery runs the example from its folder, without __file__
    here = Path.cwd()
data_file = here.parent / "tests" / "data" / "war1800.csv"
with data_file.open() as handle:
    rows = [r for r in csv.DictReader(handle) if r["regime1"] and r["regime2"]]
col = {key: np.array([r[key] for r in rows]) for key in rows[0]}
war_outcomes = np.where(col["esc"] == "1", np.where(col["war"] == "1", 2, 1), 0)
war_regressors = {
    "u11": {"(Intercept)": 1, "s_wt_re1": col["s_wt_re1"].astype(float),
            "revis1": col["revis1"].astype(float)},
    "u14": {"(Intercept)": 1, "regime1dem": (col["regime1"] == "dem") * 1.0,
            "regime1mixed": (col["regime1"] == "mixed") * 1.0},
    "u24": {"(Intercept)": 1, "balanc": col["balanc"].astype(float),
            "regime2dem": (col["regime2"] == "dem") * 1.0,
            "regime2mixed": (col["regime2"] == "mixed") * 1.0},
}
war_fit = fit_egame12(war_outcomes, war_regressors)
r_printed = {"u11: s_wt_re1": (-0.740014662, 0.27966495),
             "u14: regime1dem": (-1.902235170, 0.66444695),
             "u24: regime2dem": (-1.543614372, 0.45264196)}
print(f"war1800, N = {war_fit.n_obs}: log-likelihood {war_fit.loglik:.6f} "
      "(reference, R games 1.1.2: -286.123755)")
for name, (r_est, r_se) in r_printed.items():
    i = war_fit.names.index(name)
    print(f"  {name:<16} {war_fit.params[i]:>9.5f} ({war_fit.std_errors[i]:.5f})   "
          f"R: {r_est:>9.5f} ({r_se:.5f})")

# %%
# A table for the paper
# ---------------------
# Both error structures side by side (one fit alone: ``fit.to_latex()``).
print(latex_table([fit, private], title="Strategic probit of dispute outcomes (simulated data)"))
plt.show()
