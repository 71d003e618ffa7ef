"""Benchmark climate clubs: stability of every coalition size at n = 200 (issue 15).

Issue 15's target: the stability of every coalition size for n = 200 countries under a
second. For each abatement game (Nordhaus's target price; the ``"linear"``, ``"binary"`` and
``"barrett"`` games the members optimize) and both arithmetics, the script times
``ClimateClub.stable_sizes()`` on a fresh model each repeat (cold: the payoff tables are
rebuilt every time), and in the same run checks the answer against the per-size
``stability(k)`` of every size and, at tariff 0, against ``SelfEnforcingAgreement`` (the model
the club builds on). It exits 1 on any disagreement or a missed target. There is no outside
peer for this model.

Usage::

    python benchmarks/bench_climate_clubs.py [--n 200] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

import multilateral as ml

TARGET = 1.0  # seconds, issue 15


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
    print(f"{'case':14} {'arith':6} {'every size':>12} {'per-size check':>15}  sizes")
    for name, kwargs in cases(n):
        for arith in ("exact", "float"):
            kw = dict(kwargs)
            if arith == "float":
                kw = {k: float(v) if isinstance(v, int) else v for k, v in kw.items()}
            seconds, sizes = cold(n, kw, args.repeats)
            club = ml.models.ClimateClub(n=n, **kw)
            start = time.perf_counter()
            loop = tuple(k for k in range(n + 1) if club.stability(k).stable)
            check = time.perf_counter() - start
            agree = loop == sizes
            if kw.get("tariff", 0) == 0 and "target_price" not in kw:
                agree = agree and sizes == club.agreement.stable_sizes()
            ok = agree and seconds < TARGET
            failed = failed or not ok
            shown = sizes if len(sizes) < 6 else f"{sizes[:3]}...{sizes[-1]}"
            print(f"{name:14} {arith:6} {seconds * 1e3:9.2f} ms {check * 1e3:12.2f} ms  {shown}"
                  f"{'' if ok else '  FAILED' if not agree else '  SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
