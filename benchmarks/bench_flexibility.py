"""Benchmark Koremenos's best treaty duration when it is long, exact and float.

``TreatyDuration.optimal_duration()`` searches durations in floats and compares exactly only
the durations the floats cannot tell from the best. The reference is the plain exact scan
(every duration's gain over the indefinite agreement in Fractions, stopped by the same bound
``A delta^T / (1 - delta^T)``), whose numbers grow with ``T``: quadratic time. Cases: risk
aversion 2, variance 1, a shock every 1000 periods, ``delta = 99/100``, and renegotiation
costs at 1/10, 1/2 and 9/10 of the insurance value ``A`` (best durations 186, 788 and
2396). Timed cold (a new model per repetition: nothing is cached), median of ``--repeats``.
The script exits 1 if the fast answer differs from the exact scan's.

Usage::

    python benchmarks/bench_flexibility.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
from fractions import Fraction

from _timing import median_time

from multilateral.models import TreatyDuration


def exact_scan(model: TreatyDuration) -> int | None:
    """The reference: every duration's exact gain, the shortest best one (None: indefinite)."""
    if not model.prefers_finite():
        return None
    big_a, q, d = model.insurance_value, 1 - model.shock_probability, model.delta
    c = model.renegotiation_cost
    best_t, best = 1, None
    dt, qt = Fraction(1), Fraction(1)
    t = 0
    while True:
        t += 1
        dt, qt = dt * d, qt * q
        gain = dt * (big_a * (1 - qt) - c) / (1 - dt)
        if best is None or gain > best:
            best_t, best = t, gain
        if big_a * dt * d / (1 - dt * d) <= best:
            return best_t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    base = {"uncertainty": 1, "risk_aversion": 2, "shock_probability": Fraction(1, 1000),
            "delta": Fraction(99, 100)}
    big_a = TreatyDuration(renegotiation_cost=0, **base).insurance_value
    failed = False
    print(f"{'cost / A':>8} {'T*':>6} {'exact':>10} {'float':>10} {'exact scan':>11}")
    for share in (Fraction(1, 10), Fraction(1, 2), Fraction(9, 10)):
        kwargs = {**base, "renegotiation_cost": big_a * share}
        floats = {k: float(v) for k, v in kwargs.items()}
        fast = TreatyDuration(**kwargs).optimal_duration()
        reference = exact_scan(TreatyDuration(**kwargs))
        as_float = TreatyDuration(**floats).optimal_duration()
        if fast != reference or as_float != reference:
            print(f"DISAGREE at cost {share} A: {fast} (exact), {as_float} (float), "
                  f"{reference} (exact scan)")
            failed = True
        def fast_exact(kw: dict = kwargs) -> object:
            return TreatyDuration(**kw).optimal_duration()

        def fast_float(kw: dict = floats) -> object:
            return TreatyDuration(**kw).optimal_duration()

        def scan(kw: dict = kwargs) -> object:
            return exact_scan(TreatyDuration(**kw))

        t_fast = median_time(fast_exact, args.repeats)
        t_float = median_time(fast_float, args.repeats)
        t_scan = median_time(scan, 1)
        print(f"{share!s:>8} {fast!s:>6} {t_fast * 1e3:>8.1f}ms {t_float * 1e3:>8.2f}ms "
              f"{t_scan:>10.2f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
