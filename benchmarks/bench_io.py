"""Benchmark reading a 1000x1000 Gambit ``.nfg`` file with :func:`multilateral.io.read_nfg`.

A two-player game with 1000 actions each (seed 0) is written with
:func:`multilateral.io.write_nfg` in both of Gambit's versions (payoff: 7 MB; outcome: one
outcome per profile, 22 MB) and with three kinds of payoffs: integers in ``[-100, 100)``,
quarters written as decimals (``-1.25``, read back as exact Fractions; 800 distinct
spellings) and sevenths written as fractions ``p/7``. Each file is read ``--repeats`` times;
the script reports the median wall time and CPU time, checks that the game read back
equals the game written, and with ``--slow`` also times the token-by-token reader the bulk
reader falls back to (about a minute per file).

If pygambit is installed, its reader (``pygambit.read_nfg``) reads the same kinds of file
in the same run at the sizes of ``--gambit-sizes`` (default 50, 100, 150: it takes 17 s at
200x200 and grows about as the fourth power of the side, so it is not run at 1000x1000),
each reader in turn per repetition (the file is in the OS cache for both), and the game it
reads must equal ours (``Game.to_arrays(dtype=Fraction)``, untimed).

The exit status is 1 when a game does not read back equal (or differs from pygambit's), or
when reading the integer payoff version takes a second or more of CPU time (the target of
issue 12: it took 25 s).

Usage::

    python benchmarks/bench_io.py [--repeats K] [--slow] [--gambit-sizes 50,100,150]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

import multilateral as ml
from multilateral import io
from multilateral.io import nfg


def _games(side: int = 1000) -> dict[str, ml.NormalFormGame]:
    rng = np.random.default_rng(0)
    a, b = rng.integers(-100, 100, (2, side, side))
    frac = np.vectorize(lambda v: Fraction(int(v), 7), otypes=[object])
    return {"integers": ml.NormalFormGame(a, b),
            "decimals": ml.NormalFormGame(a / 4, b / 4),  # written as -1.25, read exactly
            "fractions": ml.NormalFormGame(frac(a), frac(b))}


def _time(path: Path, repeats: int, gambit: Any = None
          ) -> tuple[float, float, ml.NormalFormGame, float | None, Any]:
    """Median wall and CPU time of our reader, and pygambit's wall time, in turn."""
    walls, cpus, theirs = [], [], []
    peer = None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        game = io.read_nfg(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if gambit is not None:
            wall = time.perf_counter()
            peer = gambit.read_nfg(str(path))
            theirs.append(time.perf_counter() - wall)
    peer_wall = float(np.median(theirs)) if theirs else None
    return float(np.median(walls)), float(np.median(cpus)), game, peer_wall, peer


def _same_as_gambit(game: ml.NormalFormGame, peer: Any) -> bool:
    arrays = peer.to_arrays(dtype=Fraction)
    return all(np.array_equal(np.asarray(a, dtype=object), game.payoffs[..., i])
               for i, a in enumerate(arrays))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--slow", action="store_true", help="also time the token reader")
    parser.add_argument("--gambit-sizes", default="50,100,150",
                        help="sides at which pygambit's reader is timed beside ours")
    args = parser.parse_args()
    try:
        import pygambit as gambit
    except ImportError:
        gambit = None
    status = 0
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| payoffs | version | MB | wall (s) | CPU (s) | token reader (s) | equal |")
    print("|---|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, game in _games().items():
            for version in ("payoff", "outcome"):
                path = Path(tmp) / f"{kind}_{version}.nfg"
                io.write_nfg(game, path, version=version)
                wall, cpu, back, _, _ = _time(path, args.repeats)
                equal = back.payoffs.tolist() == game.payoffs.tolist()
                slow = "-"
                if args.slow:
                    saved, nfg._FAST = nfg._FAST, False
                    try:
                        slow = f"{_time(path, 1)[0]:.1f}"
                    finally:
                        nfg._FAST = saved
                mb = path.stat().st_size / 1e6
                print(f"| {kind} | {version} | {mb:.1f} | {wall:.2f} | {cpu:.2f} | {slow} "
                      f"| {equal} |")
                if not equal or (kind == "integers" and version == "payoff" and cpu >= 1.0):
                    status = 1
        if gambit is not None:
            print(f"\nagainst pygambit {gambit.__version__} (same files, in turn); load "
                  f"average {os.getloadavg()[0]:.1f}")
            print("| payoffs | side | ours, wall (s) | pygambit, wall (s) | pygambit / ours "
                  "| equal |")
            print("|---|---:|---:|---:|---:|---|")
            for side in map(int, args.gambit_sizes.split(",")):
                for kind, game in _games(side).items():
                    path = Path(tmp) / f"{kind}_{side}.nfg"
                    io.write_nfg(game, path, version="payoff")
                    wall, _, back, peer_wall, peer = _time(path, args.repeats, gambit)
                    equal = (back.payoffs.tolist() == game.payoffs.tolist()
                             and _same_as_gambit(back, peer))
                    print(f"| {kind} | {side} | {wall:.3f} | {peer_wall:.3f} "
                          f"| {(peer_wall or 0) / wall:.0f} | {equal} |")
                    status = status if equal else 1
    print(f"load average now {os.getloadavg()[0]:.1f}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
