"""
Quantal response: how noisy players play asymmetric matching pennies
====================================================================

Nash's prediction for Ochs's (1995) asymmetric matching pennies is odd: raising the row
player's payoff from one outcome changes only the *column* player's equilibrium mix; the row
player keeps mixing 50-50. In the laboratory the row player chose the action with the raised
payoff more often. McKelvey and Palfrey (1995) explain this with the logit quantal response
equilibrium: each player chooses action ``j`` with probability proportional to
``exp(lam * u_j)``, given the others' equally noisy play. At ``lam = 0`` play is uniform; as
``lam`` grows the principal branch leads to the Nash equilibrium (limits of logit QRE are
Nash equilibria, their Theorem 2),
and in between the row player leans towards the raised payoff.

:func:`multilateral.solvers.qre_branch` traces that branch, and
:func:`multilateral.estimation.fit_qre` estimates ``lam`` from the observed choices by
maximum likelihood. The game is Ochs's with payoffs in 1982 US cents, as McKelvey and Palfrey
transform it; the data are 128 choices per player at the frequencies they fit (0.527 for the
row's first action, 0.366 for the column's).

Which published comparison this is: the replication in Gambit's user guide (section
"Quantal response equilibrium" of the pygambit documentation, doc/pygambit.user.rst), which
fits the logit QRE to one block of Ochs's (1995) data that McKelvey and Palfrey (1995) fitted,
with these payoffs and these counts. The table of McKelvey and
Palfrey (1995) that prints their estimate could not be confirmed here (the paper's full text
was not reachable), so its number is not quoted; the values printed beside ours are
pygambit 16.7's on the same data (frozen in tests/data/peers/qre.json). Gambit's guide also
notes that the log-likelihoods quoted by McKelvey and Palfrey (1995) are exactly ten times
those a replication obtains: compare log-likelihoods with theirs only after that factor.
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
import matplotlib.pyplot as plt
import numpy as np

import multilateral as ml

game = ml.NormalFormGame([[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]],
                         players=["Row", "Column"], actions=[["U", "D"], ["L", "R"]])
counts = [[128 * 0.527, 128 * (1 - 0.527)], [128 * 0.366, 128 * (1 - 0.366)]]

# %%
# The replication's values beside ours
# ------------------------------------
# pygambit 16.7's ``logit_estimate`` on these data, the call of Gambit's user guide:
# lambda 1.845610, log-likelihood -174.764532 (not a number printed by McKelvey and
# Palfrey, whose table could not be confirmed; theirs is ten times this log-likelihood
# by Gambit's note).

fit = ml.estimation.fit_qre(game, counts)
lam = float(fit.params[0])
qre = ml.solvers.logit_qre(game, lam)
print("Published comparison: Gambit's user guide (section 'Quantal response equilibrium'), "
      "replicating McKelvey and Palfrey's (1995) fit to Ochs's (1995) data with pygambit's "
      "logit_estimate; their own table not confirmed")
print(f"lambda:         pygambit 1.845610     computed {lam:.6f} (std. err. "
      f"{float(fit.std_errors[0]):.3f})")
print(f"log-likelihood: pygambit -174.764532  computed {fit.loglik:.6f}")
print(f"QRE at lambda:  Row U {qre.strategies[0][0]:.4f}, Column L {qre.strategies[1][0]:.4f} "
      "(data: 0.527, 0.366)")
(nash,) = ml.solvers.nash_equilibria(game)
print(f"Nash:           Row U {nash.strategies[0][0]:.4f}, Column L "
      f"{nash.strategies[1][0]:.4f}")

# %%
# The principal branch
# --------------------
# The row player's probability of U rises above one half before falling back to the Nash
# mix: with noisy opponents the raised payoff pulls. The fitted lambda sits where the data
# are.

branch = ml.solvers.qre_branch(game)
shown = branch.lam <= 100
fig, ax = plt.subplots(figsize=(6.4, 4))
ax.plot(branch.lam[shown], branch.strategies[0][shown, 0], label="Row: U")
ax.plot(branch.lam[shown], branch.strategies[1][shown, 0], label="Column: L")
ax.axvline(lam, color="grey", linestyle=":", label=f"fitted lambda = {lam:.2f}")
ax.scatter([lam, lam], [0.527, 0.366], color="black", zorder=3, label="observed frequencies")
ax.set_xscale("symlog", linthresh=1.0)
ax.set_xlabel("lambda (precision)")
ax.set_ylabel("probability")
ax.set_title("Logit QRE of Ochs's asymmetric matching pennies")
ax.legend(loc="upper right", fontsize=8)
fig.tight_layout()

# %%
# How sure is the headline?
# -------------------------
# The row player's lean towards U is the model's, at every precision, not only at the fitted
# one: over a range of lambda the row player plays U with probability above one half.

for value in (0.5, 1.0, 1.8456, 5.0, 20.0):
    point = branch.at(value)
    print(f"lambda {value:7.4f}: Row U {point.strategies[0][0]:.4f}, "
          f"Column L {point.strategies[1][0]:.4f}")
print(f"branch traced in {branch.steps} steps to lambda {float(branch.lam[-1]):.3g} "
      f"(largest residual {float(np.max(branch.residuals)):.1e})")
plt.show()
