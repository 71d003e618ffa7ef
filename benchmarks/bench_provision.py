"""Benchmark the voluntary-provision equilibrium of a 10,000-member heterogeneous group.

A Cobb-Douglas summation game (Bergstrom, Blume and Varian 1986) with heterogeneous incomes and
preferences: :meth:`multilateral.models.PublicGoodProvision.equilibrium` in floats (the target:
under 100 ms) and in exact Fractions. Each repeat builds a fresh model (the equilibrium is
cached on the model), so the solve is timed on its own and the build separately. The script
prints the median wall time of the repeats, checks the float and exact answers agree and that
the float answer satisfies the equilibrium conditions, and exits 1 if the float target is
missed or an answer is wrong.

Usage::

    python benchmarks/bench_provision.py [--n 10000] [--repeats 7] [--seed 0]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from multilateral.models import PublicGoodProvision

TARGET_MS = 100.0


def median_ms(make: Callable[[], Any], run: Callable[[Any], Any], repeats: int
              ) -> tuple[float, float, Any]:
    """Median milliseconds of ``make()`` and of ``run(made)`` over ``repeats`` fresh objects."""
    build, solve, result = [], [], None
    for _ in range(repeats):
        start = time.perf_counter()
        obj = make()
        mid = time.perf_counter()
        result = run(obj)
        end = time.perf_counter()
        build.append(mid - start)
        solve.append(end - mid)
    return 1e3 * statistics.median(build), 1e3 * statistics.median(solve), result


def kkt_violation(model: PublicGoodProvision, eq: Any) -> float:
    """Largest relative violation of the first-order conditions of the float equilibrium."""
    w, a, c, g = model.incomes, model.a, eq.contributions, eq.total
    marginal = (-a / (w - c) + (1 - a) / g) / ((1 - a) / g)  # d log u_i / d c_i, scaled
    interior = np.abs(marginal[c > 0]).max(initial=0.0)
    corner = np.maximum(marginal[c == 0], 0).max(initial=0.0)
    return float(max(interior, corner, abs(c.sum() - g) / g))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 1 if the float target is missed or an answer is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="members (default 10000)")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs (median; default 7)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    incomes = rng.integers(1, 1000, args.n)
    a_num = rng.integers(5, 96, args.n)
    w_float, a_float = incomes.astype(float), a_num / 100
    w_exact = incomes.tolist()
    a_exact = [Fraction(int(k), 100) for k in a_num]

    PublicGoodProvision([1.0, 2.0], a=0.5).equilibrium()  # imports and caches are not timed
    print(f"# bench_provision: {args.n} members, Cobb-Douglas, summation, heterogeneous incomes "
          f"(1..999) and a (0.05..0.95); median of {args.repeats} runs, seed {args.seed}\n")
    b_f, s_f, eq_f = median_ms(lambda: PublicGoodProvision(w_float, a=a_float),
                               lambda m: m.equilibrium(), args.repeats)
    b_x, s_x, eq_x = median_ms(lambda: PublicGoodProvision(w_exact, a=a_exact),
                               lambda m: m.equilibrium(), max(1, min(args.repeats, 3)))
    print("| arithmetic | build ms | equilibrium ms | G | contributors |")
    print("|---|---|---|---|---|")
    print(f"| float64 | {b_f:.2f} | {s_f:.2f} | {eq_f.total:.6f} | {eq_f.n_contributors} |")
    print(f"| Fraction | {b_x:.1f} | {s_x:.1f} | {float(eq_x.total):.6f} "
          f"| {eq_x.n_contributors} |\n")

    ok = True
    violation = kkt_violation(PublicGoodProvision(w_float, a=a_float), eq_f)
    agree = abs(float(eq_x.total) - eq_f.total) <= 1e-9 * eq_f.total
    print(f"float equilibrium: first-order conditions hold to {violation:.1e} "
          f"({'ok' if violation < 1e-9 else 'WRONG'}); exact and float totals "
          f"{'agree' if agree else 'DISAGREE'}")
    ok &= violation < 1e-9 and agree
    verdict = "MET" if s_f <= TARGET_MS else "MISSED"
    print(f"{verdict}: float equilibrium {s_f:.2f} ms (target {TARGET_MS:g} ms)")
    ok &= s_f <= TARGET_MS
    note = ("exact Fractions are slower (Python-level rational arithmetic over every member)"
            if s_x > TARGET_MS else "exact Fractions also within the float target")
    print(f"NOTE: exact equilibrium {s_x:.1f} ms + build {b_x:.1f} ms: {note}; floats are "
          "the target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
