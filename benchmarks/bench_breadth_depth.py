"""Benchmark breadth against depth and tipping sets at n = 200 states, exact and float.

Issue 15: every coalition size for ``n = 200`` countries under a second. Timed cold (a new
model per repetition, nothing cached), median of ``--repeats``:

* ``BreadthDepth.frontier()``: inclusive and constructive depth at every breadth
  ``k = founders..n`` (majority 1/2, breadth value 3/10, two founders), against a plain
  per-breadth loop over the same formulas (the reference the vectorized code must equal);
* ``TippingSet.minimal_tipping_set()``: the smallest tipping coalition (``O(n log n)``),
  against a plain loop that enumerates the other way round -- over the country ``j`` that is
  the highest hurdle left outside: ``T`` holds everyone with a higher hurdle and the fewest
  heaviest of the rest (``O(n**2 log n)``); size and weight must agree, and the set must tip.

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
        bounds = [t[votes(f) - 1], 2 * t[f - 1] + b * f / n]  # every founder accepts
        bounds += [2 * t[j - 1] + b * j / n for j in range(f + 1, k + 1)]
        bounds += [t[m - votes(m)] for m in range(f, k + 1)]
        con.append(min(bounds))
    return inc, con


def reference_tipping(model: TippingSet) -> tuple[int, object]:
    """Size and weight of a smallest tipping set, by the highest hurdle left outside."""
    w, h, n = list(model.shares), list(model.hurdles), model.n
    slack = 0 if model.is_exact else n * 1e-12
    best: tuple[int, object] = (n, sum(w))  # the whole world
    for j in range(n):
        forced = [i for i in range(n) if i != j and h[i] > h[j]]
        weight = sum((w[i] for i in forced), 0 * w[0])
        size = len(forced)
        for i in sorted((i for i in range(n) if i != j and h[i] <= h[j]), key=lambda i: -w[i]):
            if weight >= h[j] - slack:
                break
            weight, size = weight + w[i], size + 1
        if weight >= h[j] - slack and (size < best[0] or (size == best[0]
                                                          and weight > best[1])):
            best = (size, weight)
    return best


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
        t_tref = median_time(lambda tmodel=tmodel: reference_tipping(tmodel), args.repeats)
        size, weight = reference_tipping(tmodel)
        ok = tmodel.tips(members) and len(members) == size and (
            tmodel.weight(members) == weight if exact
            else math.isclose(tmodel.weight(members), weight))
        failed |= not ok
        slow |= t_tip > 1
        print(f"TippingSet n={args.n} {label}: minimal tipping set {t_tip * 1e3:.1f} ms "
              f"(outsider loop {t_tref * 1e3:.1f} ms), size {len(members)}, weight "
              f"{float(tmodel.weight(members)):.4f}; {'tips, equal' if ok else 'DIFFERENT'}")
    if failed:
        print("FAILED: an answer differs from the reference")
        return 1
    return 1 if (args.strict and slow) else 0


if __name__ == "__main__":
    sys.exit(main())
