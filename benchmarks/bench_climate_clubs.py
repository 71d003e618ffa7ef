"""Benchmark climate clubs: stability of every coalition size at n = 200 (issue 15).

Issue 15's target: the stability of every coalition size for n = 200 countries under a
second. For each abatement game (Nordhaus's target price; the ``"linear"``, ``"binary"`` and
``"barrett"`` games the members optimize) and both arithmetics, the script times
``ClimateClub.stable_sizes()`` on a fresh model each repeat (cold: the payoff tables are
rebuilt every time), and in the same run checks the answer three ways: against a direct
computation of every size's gains from leaving and joining (the abatement payoffs of
``SelfEnforcingAgreement`` or the target rule, and the tariff terms written out here, in
Fractions: none of the model's tables), against the exact answer for the float models, and,
at tariff 0, against ``SelfEnforcingAgreement`` (the model the club builds on). It also
times ``least_tariff(k)`` for every size (cold) and checks that each size with an interval is
stable inside it. It exits 1 on any disagreement or a missed target. There is no outside peer
for this model.

Usage::

    python benchmarks/bench_climate_clubs.py [--n 200] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from fractions import Fraction
from typing import Any

import multilateral as ml

TARGET = 1.0  # seconds, issue 15


def direct_sizes(n: int, kwargs: dict[str, Any]) -> tuple[int, ...]:
    """The stable sizes from the definition, in Fractions (equal trade shares, no club good):
    a member of k leaving gains pi_n(k-1) - pi_s(k) + tariff trade (c_t (n-k) - (k-1)) / (n-1),
    an outsider of k joining gains minus that at k + 1."""
    kw = {k: Fraction(v) if isinstance(v, int | float) else v for k, v in kwargs.items()}
    b, c, t, x = kw["benefit"], kw["cost"], kw.get("tariff", 0), kw.get("trade", 1)
    ct, tie = kw.get("imposing_cost", 0), kw.get("tie", "join")
    if "target_price" in kw:
        q_s, q_n = kw["target_price"] / c, b / c
        def pi_s(k: int) -> Fraction:
            return b * (k * q_s + (n - k) * q_n) - c * q_s * q_s / 2
        def pi_n(k: int) -> Fraction:
            return b * (k * q_s + (n - k) * q_n) - c * q_n * q_n / 2
    else:
        sea = ml.models.SelfEnforcingAgreement(
            n=n, benefit=b, cost=c, a=1, specification=kw.get("specification", "linear"),
            tie=tie)
        pi_s, pi_n = sea.signatory_payoff, sea.non_signatory_payoff
    def leave(k: int) -> Fraction:  # a member of k leaving (k >= 1)
        return pi_n(k - 1) - pi_s(k) + t * x * (ct * (n - k) - (k - 1)) / (n - 1)
    stable = []
    for k in range(n + 1):
        inside = k == 0 or (leave(k) < 0 if tie == "stay_out" else leave(k) <= 0)
        outside = k == n or (-leave(k + 1) < 0 if tie == "join" else -leave(k + 1) <= 0)
        if inside and outside:
            stable.append(k)
    return tuple(stable)


def least_tariffs(n: int, kwargs: dict[str, Any]) -> tuple[float, bool]:
    """Seconds for tariff_interval(k) and least_tariff(k) of every size on a fresh model, and
    whether they are right: exact models, each size with an interval is stable at a tariff
    inside it; float models, every interval equals the exact model's to 1e-9 (relative) and
    the same sizes have none. (A float interval narrower than the tie tolerance can hold no
    tariff that the float stability check calls stable: n = 2000, Barrett's game, k = 312.)"""
    club = ml.models.ClimateClub(n=n, **kwargs)
    start = time.perf_counter()
    intervals = [club.tariff_interval(k) for k in range(n + 1)]
    [club.least_tariff(k) for k in range(n + 1)]
    seconds = time.perf_counter() - start
    ok = True
    if all(isinstance(v, int | str) for v in kwargs.values()):
        for k, interval in enumerate(intervals):
            if interval is not None:
                low, high = interval
                mid = low + 1 if high == float("inf") else (low + high) / 2
                ok = ok and club.with_(tariff=mid).stability(k).stable
        return seconds, ok
    exact = ml.models.ClimateClub(n=n, **{k: int(v) if isinstance(v, float) else v
                                          for k, v in kwargs.items()})
    for k, interval in enumerate(intervals):
        reference = exact.tariff_interval(k)
        if (interval is None) != (reference is None):
            return seconds, False
        if interval is not None and reference is not None:
            ok = ok and all(abs(float(a) - float(r)) <= 1e-9 * max(1.0, abs(float(r)))
                            or a == r for a, r in zip(interval, reference, strict=True))
    return seconds, ok


def cases(n: int) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("target price", {"benefit": 1, "cost": 1, "target_price": 3, "trade": 10,
                          "tariff": 2}),
        ("linear", {"benefit": 1, "cost": 1, "trade": 10, "tariff": n}),
        ("binary", {"benefit": 1, "cost": 4, "specification": "binary", "tariff": 3}),
        ("barrett", {"benefit": 100, "cost": 1, "specification": "barrett", "tariff": 0}),
    ]


def cold(n: int, kwargs: dict[str, Any], repeats: int) -> tuple[float, tuple[int, ...]]:
    times, sizes = [], ()
    for _ in range(repeats):
        start = time.perf_counter()
        sizes = ml.models.ClimateClub(n=n, **kwargs).stable_sizes()
        times.append(time.perf_counter() - start)
    return statistics.median(times), sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    n, failed = args.n, False
    print(f"{'case':14} {'arith':6} {'every size':>12} {'per-size check':>15} "
          f"{'least tariffs':>14}  sizes")
    for name, kwargs in cases(n):
        reference = direct_sizes(n, kwargs)
        for arith in ("exact", "float"):
            kw = dict(kwargs)
            if arith == "float":
                kw = {k: float(v) if isinstance(v, int) else v for k, v in kw.items()}
            seconds, sizes = cold(n, kw, args.repeats)
            club = ml.models.ClimateClub(n=n, **kw)
            start = time.perf_counter()
            loop = tuple(k for k in range(n + 1) if club.stability(k).stable)
            check = time.perf_counter() - start
            agree = loop == sizes == reference
            if kw.get("tariff", 0) == 0 and "target_price" not in kw:
                agree = agree and sizes == club.agreement.stable_sizes()
            lt_seconds, inside = least_tariffs(n, kw)
            agree = agree and inside
            ok = agree and seconds < TARGET and lt_seconds < TARGET
            failed = failed or not ok
            shown = sizes if len(sizes) < 6 else f"{sizes[:3]}...{sizes[-1]}"
            print(f"{name:14} {arith:6} {seconds * 1e3:9.2f} ms {check * 1e3:12.2f} ms "
                  f"{lt_seconds * 1e3:11.2f} ms  {shown}"
                  f"{'' if ok else '  FAILED' if not agree else '  SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
