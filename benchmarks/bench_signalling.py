"""Perfect Bayesian equilibria of random signalling games: pure and mixed search times.

No other tool computes the set of perfect Bayesian equilibria of a signalling game (Gambit
finds Nash equilibria, a larger set), so there is no peer here. The script checks its answers
in the same run instead: the pure equilibria must equal the pure ones of the mixed search
(where that runs), and a brute force over every pure profile (off-path beliefs by scipy's LP);
it exits 1 on any disagreement.

    python benchmarks/bench_signalling.py --sizes 2x2x2 3x2x2 2x3x2 3x3x2 3x3x3 --games 3
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from fractions import Fraction

import numpy as np
from scipy.optimize import linprog

import multilateral as ml
from multilateral.games.extensive import SignallingGame

pbe = ml.solvers.extensive.perfect_bayesian_equilibria


def random_game(t_n: int, m_n: int, a_n: int, rng: np.random.Generator) -> SignallingGame:
    weights = rng.integers(1, 5, t_n)
    prior = [Fraction(int(w), int(weights.sum())) for w in weights]
    return SignallingGame(prior, rng.integers(-3, 4, (t_n, m_n, a_n)),
                          rng.integers(-3, 4, (t_n, m_n, a_n)))


def supported(ur: np.ndarray, action: int) -> bool:
    t_n, a_n = ur.shape
    res = linprog(np.zeros(t_n), A_ub=[[float(ur[t, b] - ur[t, action]) for t in range(t_n)]
                                       for b in range(a_n)],
                  b_ub=np.zeros(a_n), A_eq=[[1.0] * t_n], b_eq=[1.0], bounds=[(0, 1)] * t_n,
                  method="highs")
    return bool(res.status == 0)


def brute_force(g: SignallingGame) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    t_n, m_n = g.n_types, g.n_messages
    prior = [Fraction(p) for p in g.prior.tolist()]
    ok_off = [[supported(g.receiver_payoffs[m], a) for a in range(len(g.actions[m]))]
              for m in range(m_n)]
    out = set()
    for s in itertools.product(range(m_n), repeat=t_n):
        for r in itertools.product(*(range(len(a)) for a in g.actions)):
            if not all(g.sender_payoffs[s[t]][t, r[s[t]]] >= g.sender_payoffs[m][t, r[m]]
                       for t in range(t_n) for m in range(m_n)):
                continue
            good = True
            for m in range(m_n):
                senders = [t for t in range(t_n) if s[t] == m]
                ur = g.receiver_payoffs[m]
                if senders:
                    val = [sum(prior[t] * int(ur[t, a]) for t in senders)
                           for a in range(ur.shape[1])]
                    good = good and val[r[m]] == max(val)
                else:
                    good = good and ok_off[m][r[m]]
            if good:
                out.add((s, r))
    return out


def key(eq: ml.solvers.extensive.SignallingEquilibrium) -> tuple[tuple[int, ...], ...]:
    return (tuple(int(np.argmax(v.tolist())) for v in eq.sender),
            tuple(int(np.argmax(v.tolist())) for v in eq.receiver))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["2x2x2", "3x2x2", "2x3x2", "3x3x2",
                                                         "3x3x3"])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print("| types x messages x actions | pure (s) | pure PBE | mixed (s) | mixed PBE "
          "(continua) |")
    print("|---|---|---|---|---|")
    failed = False
    for size in args.sizes:
        t_n, m_n, a_n = (int(v) for v in size.split("x"))
        pure_t, mixed_t, counts, mixed_counts = [], [], [], []
        for _ in range(args.games):
            g = random_game(t_n, m_n, a_n, rng)
            start = time.perf_counter()
            pure = pbe(g)
            pure_t.append(time.perf_counter() - start)
            counts.append(len(pure))
            if {key(e) for e in pure} != brute_force(g):
                print(f"DISAGREEMENT with the brute force at {size}", file=sys.stderr)
                failed = True
            try:
                start = time.perf_counter()
                mixed = pbe(g, mixed=True)
                mixed_t.append(time.perf_counter() - start)
            except ml.errors.InvalidArgumentError:
                continue
            mixed_counts.append(f"{len(mixed)} ({sum(e.continuum for e in mixed)})")
            if {key(e) for e in mixed if e.is_pure} != {key(e) for e in pure}:
                print(f"DISAGREEMENT between the pure and mixed searches at {size}",
                      file=sys.stderr)
                failed = True
        mixed_text = f"{np.median(mixed_t):.3f}" if mixed_t else "over the limit"
        print(f"| {size} | {np.median(pure_t):.4f} | {counts} | {mixed_text} | "
              f"{', '.join(mixed_counts) or '-'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
