"""Benchmark backward induction on perfect-information trees of a million nodes, beside pygambit.

Two trees, both with 2 players and about a million nodes, numbered level by level (and the
same two kinds of tree at 131,071 nodes, where pygambit runs too):

* ``binary``: the complete binary tree of depth 19 (1,048,575 nodes), players alternating by
  depth, integer payoffs in 0..999 (exact arithmetic, int64);
* ``random``: 0, 2, 3 or 4 children a node, a tenth of the inner nodes chance nodes with
  random float probabilities, float payoffs in [0, 1).

Ours: :func:`multilateral.solvers.backward_induction` on a freshly built game each repetition
(the game object caches derived arrays, so every timing is cold; the build, from the flat
arrays, is timed apart). The peer: pygambit 16.7 has no subgame-perfect solver, so its
comparable work is the same induction as a postorder pass over its own tree
(``game.nodes``, ``node.children``, ``node.outcome``; the function of
``tests/data/peers/regenerate.py`` that froze the test data), on the same tree handed over as
``.efg`` text (``pygambit.read_efg``, timed apart as the peer's build). pygambit's reading
grows faster than linearly (0.17 s of CPU at 16,383 nodes, 0.45 s at 32,767, 2.2 s at 65,535),
so a million-node tree is out of its reach here: the comparison runs at 131,071 nodes and
ours runs alone at a million. Beside it, the same induction as a plain Python loop over our
own arrays (no pygambit): most of the peer's time is pygambit's per-node object access, so the
ratio to pygambit measures a Python-level traversal of its tree, not a compiled routine of
pygambit's (it has none for this). The answers are
compared in the same run: the root's payoffs and the action chosen at every decision node
(ties to the first best action on both sides); the script exits 1 on any disagreement.

Usage::

    python benchmarks/bench_extensive.py                 # 1M nodes ours, 131k with pygambit
    python benchmarks/bench_extensive.py --depth 12 --nodes 8000 --peer-depth 12 --peer-nodes 8000
    python benchmarks/bench_extensive.py --no-peer       # ours only
    python benchmarks/bench_extensive.py --scaling       # .efg reading/writing: pygambit, ours

Run it under ``prlimit --as=6000000000`` on a shared machine.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import multilateral as ml
from multilateral.games.extensive import DECISION, ExtensiveFormGame

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "data" / "peers"))
from regenerate import gambit_backward_induction


def binary_tree(depth: int, seed: int) -> dict[str, Any]:
    n = 2 ** (depth + 1) - 1
    n_children = np.where(np.arange(n) < 2 ** depth - 1, 2, 0)
    level = np.floor(np.log2(np.arange(1, n + 1))).astype(np.int64)
    rng = np.random.default_rng(seed)
    return {"n_children": n_children, "player": np.where(n_children > 0, level % 2, -1),
            "payoffs": rng.integers(0, 1000, size=(2 ** depth, 2))}


def random_tree(nodes: int, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    counts = rng.choice([0, 2, 3, 4], p=[0.45, 0.25, 0.2, 0.1], size=nodes)
    counts[:16] = 2  # no early extinction
    total = 1 + np.cumsum(counts)
    inner = int(np.searchsorted(total, nodes, side="right"))  # nodes that may have children
    n_children = np.zeros(int(total[inner - 1]), dtype=np.int64)
    n_children[:inner] = counts[:inner]
    assert np.all(total[:inner - 1] > np.arange(1, inner)), "the tree died out; another seed"
    n = n_children.size
    player = rng.integers(0, 2, size=n)
    is_chance = (n_children > 0) & (rng.random(n) < 0.1)
    is_chance[0] = False
    player[is_chance] = -1
    offsets = np.concatenate([[1], 1 + np.cumsum(n_children)])
    prob = np.ones(n)
    for v in np.flatnonzero(is_chance).tolist():
        w = rng.random(n_children[v]) + 0.05
        prob[offsets[v]:offsets[v + 1]] = w / w.sum()
    terminals = int(np.count_nonzero(n_children == 0))
    return {"n_children": n_children, "player": player,
            "payoffs": rng.random((terminals, 2)), "chance_probability": prob.tolist()}


def python_loop(game: ExtensiveFormGame) -> tuple[list[Any], list[int]]:
    """The same induction as a Python loop over our own arrays, children before parents (no
    pygambit): what the peer's loop costs without pygambit's object access."""
    kind, offsets = game.kind.tolist(), game.child_offsets.tolist()
    player, outcome = game.player.tolist(), game.outcome.tolist()
    pay = game.payoffs.tolist()
    prob = game.chance_probability.tolist()
    value: list[Any] = [None] * game.n_nodes
    best = [-1] * game.n_nodes
    for v in range(game.n_nodes - 1, -1, -1):
        if kind[v] == 0:
            value[v] = pay[outcome[v]]
        elif kind[v] == DECISION:
            i, b = player[v], offsets[v]
            for c in range(b + 1, offsets[v + 1]):
                if value[c][i] > value[b][i]:
                    b = c
            best[v], value[v] = b, value[b]
        else:
            kids = range(offsets[v], offsets[v + 1])
            value[v] = [sum(prob[c] * value[c][k] for c in kids) for k in range(game.n_players)]
    return value[0], best


def median(fn: Callable[[], float], repeats: int) -> float:
    return statistics.median(fn() for _ in range(repeats))


def preorder(game: ExtensiveFormGame) -> list[int]:
    offsets, out, stack = game.child_offsets.tolist(), [], [0]
    while stack:
        v = stack.pop()
        out.append(v)
        stack.extend(range(offsets[v + 1] - 1, offsets[v] - 1, -1))
    return out


def run(name: str, arrays: dict[str, Any], repeats: int, peer: bool) -> tuple[list[str], bool]:
    def build() -> ExtensiveFormGame:
        return ExtensiveFormGame.from_arrays(**arrays)

    def timed_build() -> float:
        start = time.perf_counter()
        build()
        return time.perf_counter() - start

    def timed_solve() -> float:
        game = build()  # a fresh game: no cached arrays
        start = time.perf_counter()
        ml.solvers.backward_induction(game)
        return time.perf_counter() - start

    game = build()
    ours_build = median(timed_build, repeats)
    ours = median(timed_solve, repeats)
    spe = ml.solvers.backward_induction(game)
    row = [name, f"{game.n_nodes:,}", f"{ours_build:.2f}", f"{ours:.3f}"]
    if not peer:
        return [*row, "-", "-", "-", "-", "-"], True
    import pygambit as gbt

    text = ml.io.format_efg(game)
    start = time.perf_counter()
    tree = gbt.read_efg(io.StringIO(text))
    peer_build = time.perf_counter() - start

    def timed_peer() -> float:
        start = time.perf_counter()
        gambit_backward_induction(tree)
        return time.perf_counter() - start

    peer_time = median(timed_peer, max(1, min(repeats, 2)))

    def timed_loop() -> float:
        start = time.perf_counter()
        python_loop(game)
        return time.perf_counter() - start

    loop_time = median(timed_loop, max(1, min(repeats, 2)))
    root, chosen = gambit_backward_induction(tree)
    order = preorder(game)
    ours_chosen = np.where(game.kind[order] == DECISION, spe.choice[game.infoset[order]], -1)
    same_play = ours_chosen.tolist() == chosen
    same_value = np.allclose([float(x) for x in root], [float(x) for x in spe.payoffs],
                             rtol=1e-9, atol=0)
    loop_root, loop_best = python_loop(game)
    decision = np.flatnonzero(game.kind == DECISION)
    same_loop = (np.array_equal(np.asarray(loop_best)[decision], spe.choice[game.infoset[
        decision]] + game.child_offsets[decision]) and np.allclose(
        [float(x) for x in loop_root], [float(x) for x in spe.payoffs], rtol=1e-9, atol=0))
    if not (same_play and same_value and same_loop):
        print(f"DISAGREEMENT on {name}: same choices {same_play}, root payoffs ours "
              f"{spe.payoffs} vs pygambit {root}; the Python loop agrees: {same_loop}")
    return [*row, f"{peer_build:.1f}", f"{peer_time:.2f}", f"{peer_time / ours:.0f}x",
            f"{loop_time:.3f}", f"{loop_time / ours:.0f}x"], (
        same_play and same_value and same_loop)


def scaling(depths: tuple[int, ...], peer_depth: int) -> int:
    """CPU time of reading and writing the binary trees' .efg text: pygambit's read_efg and
    to_efg (up to depth ``peer_depth``) and ours, back to back on the same text; exits 1
    unless our reading gives the game back and pygambit's text reads as the same game."""
    import pygambit as gbt

    print(f"pygambit {gbt.__version__}; load average {os.getloadavg()}")
    print("| nodes | pygambit read_efg (s) | ours parse_efg (s) | ratio | "
          "pygambit to_efg (s) | ours format_efg (s) | ratio |")
    print("|---|---|---|---|---|---|---|")
    for depth in depths:
        game = ExtensiveFormGame.from_arrays(**binary_tree(depth, 0))
        gc.collect()
        start = time.process_time()
        text = ml.io.format_efg(game)
        ours_write = time.process_time() - start
        start = time.process_time()
        same = ml.io.parse_efg(text) == game
        ours_read = time.process_time() - start
        cells = ["-", f"{ours_read:.2f}", "-", "-", f"{ours_write:.2f}", "-"]
        if depth <= peer_depth:
            gc.collect()
            start = time.process_time()
            tree = gbt.read_efg(io.StringIO(text))
            peer_read = time.process_time() - start
            start = time.process_time()
            peer_text = tree.to_efg()
            peer_write = time.process_time() - start
            back = ml.io.parse_efg(peer_text)  # pygambit names the outcomes _1, _2, ...
            same = same and all(np.array_equal(getattr(back, a), getattr(game, a)) for a in (
                "child_offsets", "player", "infoset", "payoffs", "chance_probability"))
            del tree, peer_text
            cells = [f"{peer_read:.2f}", f"{ours_read:.2f}", f"{ours_read / peer_read:.2f}",
                     f"{peer_write:.2f}", f"{ours_write:.2f}", f"{ours_write / peer_write:.2f}"]
        print(f"| {game.n_nodes:,} | " + " | ".join(cells) + " |", flush=True)
        if not same:
            print("DISAGREEMENT: the file does not read back as the game")
            return 1
    print(f"load average {os.getloadavg()}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=19, help="depth of the binary tree")
    parser.add_argument("--nodes", type=int, default=1_000_000, help="size of the random tree")
    parser.add_argument("--peer-depth", type=int, default=16,
                        help="depth of the binary tree handed to pygambit as well")
    parser.add_argument("--peer-nodes", type=int, default=131_071,
                        help="size of the random tree handed to pygambit as well")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-peer", action="store_true", help="skip pygambit")
    parser.add_argument("--scaling", action="store_true",
                        help="only time reading and writing .efg files of binary trees")
    parser.add_argument("--scaling-depths", type=int, nargs="+", default=[13, 15, 17, 19],
                        help="depths of the binary trees read and written (19: 1M nodes)")
    parser.add_argument("--scaling-peer-depth", type=int, default=17,
                        help="deepest tree read and written by pygambit as well")
    args = parser.parse_args(argv)
    if args.scaling:
        return scaling(tuple(args.scaling_depths), args.scaling_peer_depth)
    load = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    print(f"uptime: {load.strip()}")
    print("| tree | nodes | ours: build (s) | ours: backward induction (s) | pygambit: "
          "read_efg (s) | pygambit: induction over its tree (s) | ratio | a Python loop over "
          "our arrays (s) | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    ok = True
    cases = [("binary", binary_tree(args.depth, args.seed), False),
             ("random, chance", random_tree(args.nodes, args.seed), False)]
    if not args.no_peer:
        cases += [("binary", binary_tree(args.peer_depth, args.seed), True),
                  ("random, chance", random_tree(args.peer_nodes, args.seed), True)]
    for name, arrays, peer in cases:
        row, same = run(name, arrays, args.repeats, peer)
        ok &= same
        print("| " + " | ".join(row) + " |", flush=True)
    print("answers agree" if ok else "ANSWERS DISAGREE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
