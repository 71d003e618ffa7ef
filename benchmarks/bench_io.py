"""Benchmark reading a 1000x1000 Gambit ``.nfg`` file with :func:`multilateral.io.read_nfg`.

A two-player game with 1000 actions each (seed 0) is written with
:func:`multilateral.io.write_nfg` in both of Gambit's versions (payoff: 7 MB; outcome: one
outcome per profile, 22 MB) and with three kinds of payoffs: integers in ``[-100, 100)``,
quarters written as decimals (``-1.25``, read back as exact Fractions; 800 distinct
spellings) and sevenths written as fractions ``p/7``. Each file is read ``--repeats`` times;
the script reports the median wall time and CPU time, checks that the game read back
equals the game written, and with ``--slow`` also times the token-by-token reader the bulk
reader falls back to (about a minute per file).

The exit status is 1 when a game does not read back equal, or when reading the integer
payoff version takes a second or more of CPU time (the target of issue 12: it took 25 s).

Usage::

    python benchmarks/bench_io.py [--repeats K] [--slow]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

import multilateral as ml
from multilateral import io


def _games() -> dict[str, ml.NormalFormGame]:
    rng = np.random.default_rng(0)
    a, b = rng.integers(-100, 100, (2, 1000, 1000))
    frac = np.vectorize(lambda v: Fraction(int(v), 7), otypes=[object])
    return {"integers": ml.NormalFormGame(a, b),
            "decimals": ml.NormalFormGame(a / 4, b / 4),  # written as -1.25, read exactly
            "fractions": ml.NormalFormGame(frac(a), frac(b))}


def _time(path: Path, repeats: int) -> tuple[float, float, ml.NormalFormGame]:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        game = io.read_nfg(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return float(np.median(walls)), float(np.median(cpus)), game


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--slow", action="store_true", help="also time the token reader")
    args = parser.parse_args()
    status = 0
    print("| payoffs | version | MB | wall (s) | CPU (s) | token reader (s) | equal |")
    print("|---|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, game in _games().items():
            for version in ("payoff", "outcome"):
                path = Path(tmp) / f"{kind}_{version}.nfg"
                io.write_nfg(game, path, version=version)
                wall, cpu, back = _time(path, args.repeats)
                equal = back.payoffs.tolist() == game.payoffs.tolist()
                slow = "-"
                if args.slow:
                    saved, io._FAST = io._FAST, False
                    try:
                        slow = f"{_time(path, 1)[0]:.1f}"
                    finally:
                        io._FAST = saved
                mb = path.stat().st_size / 1e6
                print(f"| {kind} | {version} | {mb:.1f} | {wall:.2f} | {cpu:.2f} | {slow} "
                      f"| {equal} |")
                if not equal or (kind == "integers" and version == "payoff" and cpu >= 1.0):
                    status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
