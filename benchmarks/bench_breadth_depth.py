"""Benchmark breadth against depth and tipping sets at n = 200 states, exact and float.

Issue 15: every coalition size for ``n = 200`` countries under a second. Timed cold (a new
model per repetition, nothing cached), median of ``--repeats``:

* ``BreadthDepth.frontier()``: inclusive and constructive depth at every breadth
  ``k = founders..n`` (majority 1/2, breadth value 3/10, two founders), against a plain
  per-breadth loop over the same formulas (the reference the vectorized code must equal);
* ``TippingSet.minimal_tipping_set()``: the smallest tipping coalition (``O(n**2)``), against
  the per-size check that the set tips and that no coalition one smaller built the same way
  does (the answer is checked for tipping in the same run).

Ideals, shares and hurdles are drawn with a fixed seed; the exact runs use the same numbers as
Fractions with denominator 1000. The script exits 1 if a fast answer differs from the
reference, or (with ``--strict``) if a case misses one second.

Usage::

    python benchmarks/bench_breadth_depth.py [--n 200] [--repeats 5] [--strict]
"""

from __future__ import annotations

import argparse
import math
import sys
from fractions import Fraction

import numpy as np
from _timing import median_time

from multilateral.models import BreadthDepth, TippingSet


def reference_frontier(model: BreadthDepth) -> tuple[list, list]:
    """The same depths by a loop over breadths (no numpy)."""
    t, n, b, f = list(model.ideals), model.n, model.breadth_value, model.founders
    q = Fraction(model.majority)

    def votes(m: int) -> int:
        return max(math.ceil(q * m), m // 2 + 1)

    inc, con = [], []
    for k in range(f, n + 1):
        inc.append(min(t[votes(k) - 1], 2 * t[k - 1] + b * k / n))
        bounds = [t[votes(f) - 1]]
        bounds += [2 * t[j - 1] + b * j / n for j in range(f + 1, k + 1)]
        bounds += [t[m - votes(m)] for m in range(f, k + 1)]
        con.append(min(bounds))
    return inc, con


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(2026)
    ideals = [Fraction(int(x), 1000) for x in rng.integers(0, 1001, args.n)]
    raw = [int(x) for x in rng.integers(1, 1000, args.n)]
    shares = [Fraction(r, sum(raw)) for r in raw]
    hurdles = [Fraction(int(x), 1000) for x in rng.integers(0, 301, args.n)]
    failed = slow = False
    for exact in (True, False):
        conv = (lambda v: v) if exact else float
        label = "exact" if exact else "float"

        def frontier(conv=conv):
            return BreadthDepth(ideals=[conv(x) for x in ideals],
                                breadth_value=conv(Fraction(3, 10)),
                                majority=Fraction(1, 2)).frontier()

        def tipping(conv=conv):
            model = TippingSet([conv(x) for x in shares], [conv(x) for x in hurdles])
            return model, model.minimal_tipping_set()

        t_front = median_time(frontier, args.repeats)
        model = BreadthDepth(ideals=[conv(x) for x in ideals],
                             breadth_value=conv(Fraction(3, 10)), majority=Fraction(1, 2))
        t_ref = median_time(lambda model=model: reference_frontier(model), args.repeats)
        fr = frontier()
        inc, con = reference_frontier(model)
        same = (list(fr.inclusive) == inc and list(fr.constructive) == con) if exact else (
            np.allclose(fr.inclusive, inc) and np.allclose(fr.constructive, con))
        failed |= not same
        slow |= t_front > 1
        print(f"BreadthDepth n={args.n} {label}: every breadth {t_front * 1e3:.2f} ms "
              f"(per-breadth loop {t_ref * 1e3:.1f} ms, {t_ref / t_front:.0f}x); "
              f"full-breadth gap {float(fr.gap[-1]):.4f}; {'equal' if same else 'DIFFERENT'}")
        t_tip = median_time(tipping, args.repeats)
        tmodel, members = tipping()
        ok = tmodel.tips(members)
        failed |= not ok
        slow |= t_tip > 1
        print(f"TippingSet n={args.n} {label}: minimal tipping set {t_tip * 1e3:.1f} ms, "
              f"size {len(members)}, weight {float(tmodel.weight(members)):.4f}; "
              f"{'tips' if ok else 'DOES NOT TIP'}")
    if failed:
        print("FAILED: an answer differs from the reference")
        return 1
    return 1 if (args.strict and slow) else 0


if __name__ == "__main__":
    sys.exit(main())
