"""Freeze pygambit's answers for tests/test_qre_payoffs.py into qre_payoffs.json.

pygambit 16.7 estimates ``lam`` alone (``pygambit.qre.logit_estimate``), with no payoffs
estimated from covariates, so the peer checks two pieces of ``fit_qre_payoffs``:

* ``lam`` alone on integer choice data of normal-form games (``logit_estimate`` on the
  counts as a mixed strategy profile);
* the equilibrium at every distinct covariate row of two specifications, at given
  coefficients: ``logit_solve_lambda(game_t, [1.0])`` on the game each row plays.

(``logit_estimate`` on behaviour-profile data of a tree crashes pygambit 16.7 with a
segmentation fault in ``_estimate_behavior_fixedpoint``, so trees are not frozen here.)

Run ``python tests/data/peers/regenerate_qre_payoffs.py`` with pygambit installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent


def specifications() -> list[dict[str, Any]]:
    """Fixed payoffs, basis payoffs, each row's linear indices (one per basis)."""
    first = np.zeros((2, 2, 2))
    first[0, 0] = 1.0
    second = np.zeros((2, 2, 2))
    second[1, 1] = 1.0
    status_quo = np.zeros((2, 2, 2))
    status_quo[1, 1, 1] = 0.5
    win = np.zeros((2, 2, 2))
    win[0, 1, 0] = win[1, 0, 1] = 1.0
    war = np.zeros((2, 2, 2))
    war[0, 0] = 1.0
    return [
        {"name": "coordination: first (const, x) and second (const)",
         "fixed": np.zeros((2, 2, 2)).tolist(), "basis": {"first": first.tolist(),
                                                          "second": second.tolist()},
         "x": [0.0, 0.5, 1.0], "coefficients": {"first": [1.0, 2.0], "second": [1.5]}},
        {"name": "crisis (docs/howto): win (const), war (const, cost)",
         "fixed": status_quo.tolist(), "basis": {"win": win.tolist(), "war": war.tolist()},
         "x": [0.0, 1.0, 2.0], "coefficients": {"win": [2.0], "war": [-1.0, -1.5]}},
    ]


def rows(spec: dict[str, Any]) -> list[np.ndarray]:
    """The payoffs each covariate value plays: the covariate multiplies the second
    coefficient of the basis that has two."""
    out = []
    for x in spec["x"]:
        pay = np.asarray(spec["fixed"], dtype=float).copy()
        for name, beta in spec["coefficients"].items():
            index = beta[0] + (beta[1] * x if len(beta) > 1 else 0.0)
            pay = pay + index * np.asarray(spec["basis"][name], dtype=float)
        out.append(pay)
    return out


def main() -> int:
    import pygambit as gbt

    def game_of(pay: np.ndarray) -> Any:
        return gbt.Game.from_arrays(*[pay[..., i] for i in range(pay.shape[-1])])

    def profile(q: Any, game: Any) -> list[list[float]]:
        return [[float(q[s]) for s in player.strategies] for player in game.players]

    equilibria = []
    for spec in specifications():
        found = []
        for pay in rows(spec):
            game = game_of(pay)
            found.append(profile(gbt.qre.logit_solve_lambda(game, [1.0])[0].profile, game))
        equilibria.append({**spec, "logit_solve_lambda_1": found})
    fits = []
    ochs = np.stack([[[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]]], axis=-1)
    rng = np.random.default_rng(14)
    random3 = rng.random((3, 3, 2))
    game3 = game_of(random3)  # counts drawn from pygambit's QRE at lambda = 3
    at3 = profile(gbt.qre.logit_solve_lambda(game3, [3.0])[0].profile, game3)
    cases = [("Ochs (McKelvey-Palfrey 1995), integer counts", ochs, [[67, 61], [47, 81]]),
             ("random 3x3 (seed 14), 200 draws per player from the QRE at lambda 3",
              random3, [rng.multinomial(200, np.asarray(q) / sum(q)).tolist() for q in at3])]
    for name, pay, counts in cases:
        game = game_of(pay)
        data = game.mixed_strategy_profile([[float(c) for c in row] for row in counts])
        fit = gbt.qre.logit_estimate(data)
        fits.append({"name": name, "payoffs": pay.tolist(), "counts": counts,
                     "lam": float(fit.lam), "log_like": float(fit.log_like)})
    doc = {"peer": "pygambit", "version": gbt.__version__,
           "generated_by": "tests/data/peers/regenerate_qre_payoffs.py",
           "python": sys.version.split()[0], "numpy": np.__version__,
           "calls": {"logit_solve_lambda": "pygambit.qre.logit_solve_lambda(game, [1.0]) on "
                     "each covariate row's game",
                     "logit_estimate": "pygambit.qre.logit_estimate(counts profile)"},
           "equilibria": equilibria, "fits": fits}
    (HERE / "qre_payoffs.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/qre_payoffs.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
