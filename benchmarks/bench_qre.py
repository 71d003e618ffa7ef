"""Benchmark the logit QRE branch against pygambit's (issue 14's speed target).

The same random 10x10 bimatrix games (uniform payoffs in [0, 1), seeds 0..K-1) are given to
``multilateral.solvers.logit_qre(game, 100)`` (the principal branch traced from lam = 0 to
lam = 100, the end point corrected at lam = 100) and to
``pygambit.qre.logit_solve_lambda(game, [100.0])`` (the same work in pygambit), and, with
``--branch``, to ``qre_branch(game)`` and ``pygambit.qre.logit_solve_branch(game)`` (the whole
branch until an approximate Nash equilibrium: regret at most 1e-8 of the payoff range, both
sides' default). Each repetition builds fresh game objects first (no cache survives between
repetitions: cold timings), and runs ours and pygambit's back to back; the script prints the
median times and their ratio (ours / pygambit: below 1 means ours is faster) and checks in
the same run that the two end points agree to 1e-6 (at lam = 100) and 1e-5 (the branch
ends). The exit status is 1 on a disagreement.

With ``--tree D`` it measures instead the agent QRE of a generated extensive-form game (a
binary tree of depth ``D``, players alternating by level, player 2 not seeing player 1's
last move: her two nodes below each of his share an information set; integer payoffs in
0..9), traced from lam = 0 to ``--tree-lam`` with the dense Jacobian (the forward-mode
arrays of nodes x variables, ``dgesv``) and the sparse one (ancestor pairs, SuperLU):
time, peak traced memory (``tracemalloc``: numpy's allocations included) and the largest
difference between the two end points (exit 1 above 1e-8). ``--dense-max D`` skips the
dense trace on deeper trees (it grows as the cube of the tree).

Usage::

    python benchmarks/bench_qre.py [--games K] [--repeats R] [--size N] [--branch]
    python benchmarks/bench_qre.py --tree 7 9 11 13 [--tree-lam 5] [--dense-max 9]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import tracemalloc

import numpy as np

import multilateral as ml

LAM = 100.0
AGREE_LAM = 1e-6
AGREE_END = 1e-5


def gambit_profile(profile: object, game: object) -> list[np.ndarray]:
    return [np.array([profile[s] for s in player.strategies], dtype=float)  # type: ignore[index]
            for player in game.players]  # type: ignore[attr-defined]


def tree_game(depth: int, seed: int = 0) -> ml.ExtensiveFormGame:
    """The generated tree of ``--tree`` (see the module's docstring)."""
    n_children, player, infoset = [], [], []
    width, sets = 1, 0
    for d in range(depth + 1):
        for k in range(width):
            if d == depth:
                n_children.append(0)
                player.append(-1)
                infoset.append(-1)
            else:
                n_children.append(2)
                player.append(d % 2)
                infoset.append(sets + (k // 2 if d % 2 else k))
        sets += (width + 1) // 2 if d % 2 else width
        width *= 2
    pay = np.random.default_rng(seed).integers(0, 10, size=(n_children.count(0), 2))
    return ml.ExtensiveFormGame.from_arrays(n_children, player, pay, infoset=infoset)


def trees(depths: list[int], lam: float, dense_max: int) -> int:
    from multilateral.solvers.quantal import _homotopy
    from multilateral.solvers.quantal._agent import AgentQRE

    print(f"load average {os.getloadavg()}")
    print("| nodes | variables | steps | dense: time (s) | dense: peak (MB) | sparse: time (s) "
          "| sparse: peak (MB) | time ratio | max gap |")
    print("|---|---|---|---|---|---|---|---|---|")
    failed = False
    for depth in depths:
        game = tree_game(depth)
        cells, ends = {}, {}
        for mode in ("dense", "sparse"):
            if mode == "dense" and depth > dense_max:
                continue
            tracemalloc.start()
            start = time.perf_counter()
            system = AgentQRE(game, sparse_jacobian=mode == "sparse")
            path = _homotopy.trace(system, system.start(), lam_max=lam, tol=1e-10,
                                   first_step=0.03, max_step=np.inf, max_steps=10_000,
                                   lam_unit=1.0 / system.scale)
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            cells[mode] = (elapsed, peak, path.steps)
            ends[mode] = np.exp(path.points[-1][:-1])
        gap = (float(np.max(np.abs(ends["dense"] - ends["sparse"]))) if "dense" in ends
               else math.nan)
        failed |= gap > 1e-8
        d = cells.get("dense")
        s_ = cells["sparse"]
        print(f"| {game.n_nodes:,} | {len(ends['sparse']):,} | {s_[2]} | "
              f"{f'{d[0]:.2f}' if d else '-'} | {f'{d[1]:.1f}' if d else '-'} | "
              f"{s_[0]:.2f} | {s_[1]:.1f} | {f'{d[0] / s_[0]:.1f}' if d else '-'} | "
              f"{gap:.1e} |", flush=True)
    print(f"load average {os.getloadavg()}")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--branch", action="store_true", help="also the whole branch")
    parser.add_argument("--tree", type=int, nargs="+", help="agent QRE on trees of these depths")
    parser.add_argument("--tree-lam", type=float, default=5.0)
    parser.add_argument("--dense-max", type=int, default=9)
    args = parser.parse_args(argv)
    if args.tree:
        return trees(args.tree, args.tree_lam, args.dense_max)
    import pygambit as gbt

    print(f"pygambit {gbt.__version__}; load average {os.getloadavg()}")
    failed = False
    ratios: dict[str, list[float]] = {"lam=100": [], "branch": []}
    for seed in range(args.games):
        rng = np.random.default_rng(seed)
        a, b = rng.random((args.size, args.size)), rng.random((args.size, args.size))
        jobs = [("lam=100",
                 lambda g: ml.solvers.logit_qre(g, LAM),
                 lambda g: gbt.qre.logit_solve_lambda(g, [LAM])[0])]
        if args.branch:
            jobs.append(("branch",
                         lambda g: ml.solvers.qre_branch(g),
                         lambda g: gbt.qre.logit_solve_branch(g)[-1]))
        for name, ours_fn, peer_fn in jobs:
            ours_t, peer_t = [], []
            for _ in range(args.repeats):
                game = ml.NormalFormGame(a.copy(), b.copy())
                start = time.perf_counter()
                ours = ours_fn(game)
                ours_t.append(time.perf_counter() - start)
                pgame = gbt.Game.from_arrays(a, b)
                start = time.perf_counter()
                peer = peer_fn(pgame)
                peer_t.append(time.perf_counter() - start)
            mine = ours.strategies if name == "lam=100" else ours.end.strategies
            theirs = gambit_profile(peer.profile, pgame)
            gap = max(float(np.max(np.abs(s - t))) for s, t in zip(mine, theirs, strict=True))
            tol = AGREE_LAM if name == "lam=100" else AGREE_END
            ok = gap <= tol
            failed |= not ok
            o, p = statistics.median(ours_t), statistics.median(peer_t)
            ratios[name].append(o / p)
            print(f"seed {seed} {args.size}x{args.size} {name:8s} ours {o * 1e3:7.2f} ms  "
                  f"pygambit {p * 1e3:7.2f} ms  ratio {o / p:5.2f}  max gap {gap:.1e} "
                  f"{'agree' if ok else 'DISAGREE'}")
    for name, values in ratios.items():
        if values:
            print(f"{name}: median ratio ours/pygambit {statistics.median(values):.2f} over "
                  f"{len(values)} games")
    print(f"load average {os.getloadavg()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
