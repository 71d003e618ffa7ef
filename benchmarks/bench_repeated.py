"""Benchmark the repeated-game equilibrium checks and the exact Nash threshold.

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

The second table times ``critical_discount(stage, profile, kind="nash")`` on 2x2 stage games
and automata of up to 4 states (TFT, grim, WSLS, TF2T, the 3-period punishment and contrite
TFT with 4 states each, a random 4-state automaton), against each other and in mixed
profiles, with exact payoffs (integer T, R, P, S: the exact threshold) and float payoffs; the
target is under 50 ms each (issue 11). Profiles with implementation noise 1/20 (exact) and
0.05 (floats) are timed and reported beside them without a target. ``--old`` also times the
method this replaced (the Nash check on a 2001-point grid, each boundary bisected; the same
verdicts, rebuilt here from :func:`~multilateral.solvers.is_nash_equilibrium`) once per
profile on three profiles, about 6 s each, and prints the ratio. The exact and float
thresholds must agree within 1e-7 (the float path honours ``tol``).

Usage::

    python benchmarks/bench_repeated.py [--repeats 21] [--old]    # ~3 s, ~40 s with --old
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import platform
import sys
import time
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from _timing import median_time  # benchmarks/ is on sys.path when run as a script

import multilateral as ml
from multilateral.automata import Automaton

TARGET_MS = 10.0
NASH_TARGET_MS = 50.0
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


def nash_profiles() -> list[tuple[str, list[Automaton]]]:
    """2x2 profiles of automata with up to 4 states."""
    a = ml.automata
    tft, grim, wsls, tf2t = (a.tit_for_tat(), a.grim_trigger(), a.win_stay_lose_shift(),
                             a.tit_for_two_tats())
    kpp, ctft = a.k_period_punishment(3), a.contrite_tit_for_tat()
    rand = random_automaton(np.random.default_rng(1), 4)
    return [("TFT, TFT", [tft, tft]), ("grim, grim", [grim, grim]),
            ("WSLS, WSLS", [wsls, wsls]), ("TF2T, TF2T", [tf2t, tf2t]),
            ("3-period punishment (4 states) x2", [kpp, kpp]),
            ("contrite TFT (4 states) x2", [ctft, ctft]),
            ("TFT, grim", [tft, grim]), ("WSLS, TF2T", [wsls, tf2t]),
            ("3-period punishment, TFT", [kpp, tft]), ("grim, contrite TFT", [grim, ctft]),
            ("random 4-state x2", [rand, rand]), ("random 4-state, WSLS", [rand, wsls])]


def old_nash_threshold(stage: ml.NormalFormGame, profile: Sequence[Automaton],
                       grid: int = 2001) -> float:
    """The replaced method: the Nash check on a grid, the first boundary bisected (60 steps)."""
    game = ml.RepeatedGame(stage, 0)

    def ok(d: float) -> bool:
        return bool(ml.solvers.is_nash_equilibrium(game.with_delta(d), profile))

    deltas = np.linspace(0.0, 1.0, grid, endpoint=False)
    verdicts = [ok(float(d)) for d in deltas]
    if not any(verdicts):
        return float("inf")
    k = verdicts.index(True)
    if k == 0:
        return 0.0
    lo, hi = float(deltas[k - 1]), float(deltas[k])
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if ok(mid) else (mid, hi)
    return hi


def bench_nash(repeats: int, old: bool) -> list[str]:
    """The ``kind="nash"`` table; returns the failures."""
    failures = []
    exact_pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    float_pd = ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0)
    print('\n| critical_discount(kind="nash") | exact | float | exact threshold | '
          "exact, noise 1/20 | float, noise 0.05 |")
    print("|---|---:|---:|---|---:|---:|")
    olds = []
    for k, (label, profile) in enumerate(nash_profiles()):
        def call(stage: ml.NormalFormGame, noise: float | Fraction = 0,
                 p: list[Automaton] = profile) -> ml.results.CriticalDiscount:
            return ml.solvers.critical_discount(stage, p, kind="nash", noise=noise)

        t_exact = 1e3 * median_time(lambda: call(exact_pd), repeats)
        t_float = 1e3 * median_time(lambda: call(float_pd), repeats)
        t_noise = 1e3 * median_time(lambda: call(exact_pd, Fraction(1, 20)), max(3, repeats // 4))
        t_fnoise = 1e3 * median_time(lambda: call(float_pd, 0.05), max(3, repeats // 4))
        ex, fl = call(exact_pd), call(float_pd)
        if ex.attainable != fl.attainable or (ex.attainable and abs(ex.delta - fl.delta) > 1e-7):
            failures.append(f"nash, {label}: exact {ex!r} but float {fl!r}")
        if max(t_exact, t_float) >= NASH_TARGET_MS:
            failures.append(f"nash, {label}: {max(t_exact, t_float):.1f} ms, target "
                            f"< {NASH_TARGET_MS:g} ms")
        shown = "never" if not ex.attainable else str(ex.exact)
        print(f"| {label} | {t_exact:.2f} ms | {t_float:.2f} ms | {shown} | {t_noise:.2f} ms | "
              f"{t_fnoise:.2f} ms |")
        if old and k in (0, 2, 4):
            start = time.perf_counter()
            value = old_nash_threshold(float_pd, profile)
            olds.append((label, time.perf_counter() - start, value, t_float, fl.delta))
    for label, seconds, value, t_new, new in olds:
        print(f"\nold grid method, {label}: {seconds:.2f} s (threshold {value:.9f}); new float "
              f"path {t_new:.2f} ms (threshold {new:.9f}): {1e3 * seconds / t_new:.0f}x faster")
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed calls (median)")
    parser.add_argument("--old", action="store_true",
                        help="also time the replaced grid method (slow)")
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
    failures += bench_nash(args.repeats, args.old)
    print()
    for line in failures:
        print(f"FAIL: {line}")
    if not failures:
        print(f"is_subgame_perfect under {TARGET_MS:g} ms with integer and float payoffs; "
              "integer and float verdicts identical; critical_discount(kind='nash') under "
              f"{NASH_TARGET_MS:g} ms, exact and float thresholds agree.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
