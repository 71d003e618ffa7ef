"""Benchmark the repeated-game equilibrium checks on profiles with 100 joint states.

:func:`multilateral.solvers.is_subgame_perfect` and :func:`multilateral.solvers.
is_nash_equilibrium` on two profiles of two 10-state automata (100 joint states): the
9-period punishment pair (``automata.k_period_punishment(9)``, holds at ``delta = 0.9``) and
a pair of random deterministic 10-state automata (seed 0, as in ``bench_tournament.py``;
fails), each on the Prisoners' Dilemma ``T, R, P, S = 5, 3, 1, 0`` with integer payoffs and
with the same payoffs as floats. Integer payoffs used to make the checks build the exact
joint chain (``np.kron`` on Fraction arrays) although they run in floats; the target is
under 10 ms for either kind of payoff (issue 11). One BLAS thread (``OPENBLAS_NUM_THREADS=1``
before numpy loads, unless set), median of ``--repeats`` calls after a warm-up. The script
exits 1 if an integer-payoff verdict differs from the float one (holds, largest gain, worst
deviation) or the subgame-perfection target is missed.

Usage::

    python benchmarks/bench_repeated.py [--repeats 21]    # ~2 s
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import platform
import sys
from collections.abc import Sequence

import numpy as np
from _timing import median_time  # benchmarks/ is on sys.path when run as a script

import multilateral as ml
from multilateral.automata import Automaton

TARGET_MS = 10.0
DELTA = 0.9


def random_automaton(rng: np.random.Generator, n: int) -> Automaton:
    """A deterministic automaton with ``n`` states and random actions and transitions."""
    actions = [int(a) for a in rng.integers(0, 2, n)]
    actions[0], actions[1] = 0, 1  # both actions are played somewhere
    table = rng.integers(0, n, size=(n, 2, 2)).tolist()
    return Automaton(actions, table, name=f"random {n}-state")


def profiles() -> list[tuple[str, list[Automaton]]]:
    rng = np.random.default_rng(0)
    kpp = ml.automata.k_period_punishment(9)
    return [("9-period punishment pair", [kpp, kpp]),
            ("two random 10-state automata", [random_automaton(rng, 10),
                                              random_automaton(rng, 10)])]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed calls (median)")
    args = parser.parse_args(argv)
    print(f"# bench_repeated: Python {platform.python_version()}, numpy {np.__version__}, "
          f"multilateral {ml.__version__}, OPENBLAS_NUM_THREADS="
          f"{os.environ['OPENBLAS_NUM_THREADS']}; median of {args.repeats} calls, "
          f"delta = {DELTA}\n")
    stages = {"int": ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
              "float": ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0)}
    checks = {"is_subgame_perfect": ml.solvers.is_subgame_perfect,
              "is_nash_equilibrium": ml.solvers.is_nash_equilibrium}
    print("| check | profile (100 joint states) | int payoffs | float payoffs | verdict |")
    print("|---|---|---:|---:|---|")
    failures = []
    for label, profile in profiles():
        for name, check in checks.items():
            times, verdicts = {}, {}
            for kind, stage in stages.items():
                game = ml.RepeatedGame(stage, DELTA)
                times[kind] = 1e3 * median_time(lambda c=check, g=game, p=profile: c(g, p),
                                                args.repeats)
                verdicts[kind] = check(game, profile)
            a, b = verdicts["int"], verdicts["float"]
            if (a.holds, a.max_gain, a.worst) != (b.holds, b.max_gain, b.worst):
                failures.append(f"{name}, {label}: int {a!r} but float {b!r}")
            if name == "is_subgame_perfect" and max(times.values()) >= TARGET_MS:
                failures.append(f"{name}, {label}: {max(times.values()):.2f} ms, target "
                                f"< {TARGET_MS:g} ms")
            print(f"| {name} | {label} | {times['int']:.2f} ms | {times['float']:.2f} ms | "
                  f"{'holds' if a.holds else 'fails'} |")
    print()
    for line in failures:
        print(f"FAIL: {line}")
    if not failures:
        print(f"is_subgame_perfect under {TARGET_MS:g} ms with integer and float payoffs; "
              "integer and float verdicts identical.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
