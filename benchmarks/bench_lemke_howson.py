"""Benchmark ``solvers.lemke_howson`` against quantecon's (and nashpy's) Lemke-Howson.

Games: random n x n bimatrix games, ``numpy.random.default_rng(n).random((n, n))`` for A then
B (payoffs uniform in [0, 1), nondegenerate with probability 1), n = 15, 30, 50, 100, 200 by
default; with ``--exact`` also integer games (``default_rng(n).integers(0, 10**6, (n, n))``,
generic too) on which ours answers in exact rationals. Every starting label
``k = 0..2n-1`` for n <= 50, a sample of ``--sample`` evenly spaced labels above. For each
label, ours ``lemke_howson(game, initial_dropped_label=k)`` and quantecon's
``lemke_howson(g, init_pivot=k)`` (the same label: actions of player 0 are ``0..m-1``, of
player 1 ``m..m+n-1`` in both) are timed back to back, ``--repeats`` times, the median kept,
then ours again with the numpy kernel (``_lemke_howson.JIT = False``: what runs without
numba, i.e. without the ``fast`` extra);
nashpy's ``Game(A, B).lemke_howson(initial_dropped_label=k)`` too for n <= ``--nashpy-max``,
each call in a forked child killed after ``--nashpy-timeout`` seconds (from some labels it
runs for minutes); its ratio counts only the labels it finished.

Fair timing: quantecon's numba functions and ours are compiled (or their on-disk caches
loaded) by a call on a 3x3 game before any timing, not counted; our compile time from an
empty numba cache, and the cache load after it, are measured in fresh interpreters and
printed; every
repetition of ours gets a new ``NormalFormGame`` (built outside the timer), so no cached
float conversion is reused; peers run with their default threads; ours runs single-threaded
BLAS calls by construction.

Equality, in the same run: ours and quantecon's equilibria must agree within 1e-9 from every
label (the same path, nondegenerate games), and the number of pivots of both our kernels must
equal quantecon's ``num_iter`` (the same path, pivot for pivot), the numpy kernel's end point
must be the compiled one's; nashpy's must agree too. The script exits 1 on any disagreement.

``--freeze`` writes quantecon's answers on the games n = 15 and 30 (every label) to
``tests/data/peers/lemke_howson.json`` for ``tests/test_lemke_howson.py``.

Usage::

    python benchmarks/bench_lemke_howson.py [--sizes 15,30,50,100,200] [--sample 8]
        [--repeats 3] [--exact] [--nashpy-max 30] [--freeze]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

import multilateral as ml
from multilateral.solvers import _lemke_howson as lh

REGRET = 1e-7  # a peer's profile with a larger regret is not an equilibrium (its error)
AGREE = 1e-9  # two float codes on the same path agree to ~1e-13 here; 1e-9 flags another vertex
FROZEN = Path(__file__).resolve().parents[1] / "tests" / "data" / "peers" / "lemke_howson.json"


def regret(a: NDArray[np.float64], b: NDArray[np.float64], xy: NDArray[np.float64]) -> float:
    """The largest gain from a unilateral deviation at ``xy`` (x then y)."""
    x, y = xy[: a.shape[0]], xy[a.shape[0] :]
    return max(float((a @ y).max() - x @ a @ y), float((x @ b).max() - x @ b @ y))


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def game_arrays(n: int, exact: bool) -> tuple[NDArray[Any], NDArray[Any]]:
    rng = np.random.default_rng(n)
    if exact:
        return rng.integers(0, 10**6, (n, n)), rng.integers(0, 10**6, (n, n))
    return rng.random((n, n)), rng.random((n, n))


def labels_for(n: int, sample: int) -> list[int]:
    if n <= 50:
        return list(range(2 * n))
    return sorted({int(k) for k in np.linspace(0, 2 * n - 1, sample)})


def median_time(fn: Callable[[], Any], prepare: Callable[[], Any], repeats: int) -> float:
    """Median wall time of ``fn(prepare())`` (``prepare`` is not timed)."""
    times = []
    for _ in range(repeats):
        arg = prepare()
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quantecon_game(qe: Any, a: NDArray[Any], b: NDArray[Any]) -> Any:
    """quantecon's player 1 holds ``B`` transposed (own action first)."""
    return qe.game_theory.NormalFormGame(
        (qe.game_theory.Player(np.asarray(a)), qe.game_theory.Player(np.asarray(b).T))
    )


def compile_quantecon(qe: Any) -> float:
    """Call quantecon's Lemke-Howson once on a 3x3 game: numba compiles (or loads its cache)."""
    start = time.perf_counter()
    g = quantecon_game(qe, np.array([[3.0, 3, 1], [2, 5, 0], [0, 6, 2]]), np.eye(3))
    qe.game_theory.lemke_howson(g, init_pivot=0)
    return time.perf_counter() - start


def compile_ours() -> tuple[float, float]:
    """Seconds of our first call in a fresh interpreter: from an empty numba cache (compiling),
    then again with the cache it wrote (loading it)."""
    code = ("import time, numpy as np, multilateral as ml\n"
            "g = ml.NormalFormGame(np.eye(3), np.eye(3))\n"
            "start = time.perf_counter()\n"
            "ml.solvers.lemke_howson(g, initial_dropped_label=0)\n"
            "print(time.perf_counter() - start)")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NUMBA_CACHE_DIR": cache}
        times = [float(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                      capture_output=True, text=True).stdout) for _ in range(2)]
    return times[0], times[1]


def with_numpy_kernel(fn: Callable[[], Any]) -> Any:
    """``fn()`` with our numpy kernel (as without numba)."""
    saved, lh.JIT = lh.JIT, False
    try:
        return fn()
    finally:
        lh.JIT = saved


def _nashpy_call(a: NDArray[Any], b: NDArray[Any], k: int, out: Any) -> None:
    import nashpy

    game = nashpy.Game(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        eq = game.lemke_howson(initial_dropped_label=k)
        out.put((time.perf_counter() - start, np.concatenate(eq)))


def nashpy_child(
    a: NDArray[Any], b: NDArray[Any], k: int, timeout: float
) -> tuple[float, NDArray[np.float64]] | None:
    """nashpy's Lemke-Howson from label ``k`` in a child process (it can loop for minutes):
    ``(seconds of the call alone, x and y)``, or None past ``timeout``."""
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    child = ctx.Process(target=_nashpy_call, args=(a, b, k, out))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return out.get() if not out.empty() else None


def run_size(
    n: int, exact: bool, args: argparse.Namespace, qe: Any, nashpy: Any, failures: list[str]
) -> list[str]:
    """Time and compare every chosen label of one game; return its table row."""
    a, b = game_arrays(n, exact)
    af, bf = a.astype(float), b.astype(float)
    qgame = quantecon_game(qe, a, b)
    labels = labels_for(n, args.sample)
    t_ours = t_qe = t_np = t_np_done = t_numpy = 0.0
    np_timeouts: list[int] = []
    np_wrong: list[int] = []
    per_label, per_label_numpy, pivots, worst = [], [], 0, 0.0
    for k in labels:
        ours = ml.solvers.lemke_howson(ml.NormalFormGame(a, b), initial_dropped_label=k)
        theirs, res = qe.game_theory.lemke_howson(qgame, init_pivot=k, full_output=True)
        plain = with_numpy_kernel(
            lambda k=k: ml.solvers.lemke_howson(ml.NormalFormGame(a, b), initial_dropped_label=k))
        steps, steps_numpy = lh.float_path(af, bf, k)[3], lh.numpy_path(af, bf, k)[3]
        mine = np.concatenate(ours.strategies)
        diff = float(np.max(np.abs(mine - np.concatenate(theirs))))
        diff_numpy = float(np.max(np.abs(mine - np.concatenate(plain.strategies))))
        worst = max(worst, diff, diff_numpy)
        if (diff > AGREE or diff_numpy > AGREE or not steps == steps_numpy == res.num_iter
                or (exact and (ours.exact is None or plain.exact != ours.exact))):
            failures.append(f"n={n} exact={exact} label={k}: |ours - quantecon| = {diff:.3g}, "
                            f"|numpy kernel - ours| = {diff_numpy:.3g}, pivots {steps} "
                            f"(numpy kernel {steps_numpy}) vs {res.num_iter}")
        pivots += steps
        to = median_time(lambda g, k=k: ml.solvers.lemke_howson(g, initial_dropped_label=k),
                         lambda: ml.NormalFormGame(a, b), args.repeats)
        tq = median_time(lambda g, k=k: qe.game_theory.lemke_howson(g, init_pivot=k),
                         lambda: quantecon_game(qe, a, b), args.repeats)
        tn = with_numpy_kernel(lambda k=k: median_time(
            lambda g: ml.solvers.lemke_howson(g, initial_dropped_label=k),
            lambda: ml.NormalFormGame(a, b), args.repeats))
        t_ours, t_qe, t_numpy = t_ours + to, t_qe + tq, t_numpy + tn
        per_label.append(to / tq)
        per_label_numpy.append(tn / tq)
        if nashpy is not None and n <= args.nashpy_max:
            got = nashpy_child(af, bf, k, args.nashpy_timeout)
            if got is None:
                np_timeouts.append(k)
            else:
                t_np_done += to
                t_np += got[0]
                mine = np.concatenate(ours.strategies)
                if got[1].shape != mine.shape or regret(af, bf, got[1]) > REGRET:
                    np_wrong.append(k)  # not an equilibrium: nashpy's error, not a disagreement
                elif (d := float(np.max(np.abs(mine - got[1])))) > AGREE:
                    failures.append(f"n={n} label={k}: |ours - nashpy| = {d:.3g}")
    nash = f"{1e3 * t_np:.1f} ({t_np_done / t_np:.3g})" if t_np else "-"
    if np_timeouts:
        nash += f"; labels {np_timeouts} > {args.nashpy_timeout:g} s"
    if np_wrong:
        nash += f"; labels {np_wrong}: not an equilibrium"
    return [
        str(n), "int" if exact else "float", str(len(labels)), str(pivots),
        f"{1e3 * t_ours:.2f}", f"{1e3 * t_qe:.2f}", f"{t_ours / t_qe:.2f}",
        f"{statistics.median(per_label):.2f} / {max(per_label):.2f}",
        f"{1e3 * t_numpy:.2f}", f"{t_numpy / t_qe:.2f}",
        f"{statistics.median(per_label_numpy):.2f} / {max(per_label_numpy):.2f}",
        f"{1e6 * t_ours / pivots:.2f} / {1e6 * t_numpy / pivots:.2f} / {1e6 * t_qe / pivots:.2f}",
        nash, f"{worst:.1e}",
    ]


def freeze(qe: Any) -> None:
    """Write quantecon's answers (every label, n = 15 and 30, float games) as test data."""
    games = []
    for n in (15, 30):
        a, b = game_arrays(n, False)
        qgame = quantecon_game(qe, a, b)
        answers = {}
        for k in range(2 * n):
            eq, res = qe.game_theory.lemke_howson(qgame, init_pivot=k, full_output=True)
            answers[str(k)] = {"x": [float(v) for v in eq[0]], "y": [float(v) for v in eq[1]],
                               "num_iter": int(res.num_iter)}
        games.append({"name": f"default_rng({n}).random, {n}x{n}", "A": a.tolist(),
                      "B": b.tolist(), "lemke_howson": answers})
    doc = {"peer": "quantecon", "version": version("quantecon"),
           "generated_by": "benchmarks/bench_lemke_howson.py --freeze",
           "python": sys.version.split()[0], "numpy": np.__version__,
           "call": "quantecon.game_theory.lemke_howson(g, init_pivot=k, full_output=True)",
           "games": games}
    FROZEN.write_text(json.dumps(doc) + "\n")
    print(f"wrote {FROZEN}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="15,30,50,100,200")
    p.add_argument("--sample", type=int, default=8, help="labels per game for n > 50")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--nashpy-max", type=int, default=30)
    p.add_argument("--nashpy-timeout", type=float, default=2.0, help="seconds per label")
    p.add_argument("--exact", action="store_true", help="also integer games (exact answers)")
    p.add_argument("--freeze", action="store_true", help="write the frozen test data and stop")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    import quantecon as qe

    if args.freeze:
        freeze(qe)
        return 0
    try:
        import nashpy
    except ImportError:
        nashpy = None
    print(f"multilateral {ml.__version__}, numpy {np.__version__}, quantecon "
          f"{version('quantecon')} (numba {version('numba')}), nashpy {version('nashpy')}, "
          f"Python {platform.python_version()}, {os.cpu_count()} cores, load average "
          f"{' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"quantecon compile (or cache load) on first call: {compile_quantecon(qe):.2f} s, "
          "not counted")
    ml.solvers.lemke_howson(ml.NormalFormGame(np.eye(3), np.eye(3)))  # ours: the same
    if lh.JIT:
        cold, warm = compile_ours()
        print(f"ours (numba): first call in a fresh interpreter {cold:.2f} s with an empty "
              f"numba cache (compiling), {warm:.2f} s with its cache; not counted")
    print(f"our kernel: {'numba' if lh.JIT else 'numpy (numba is not installed)'}\n")
    head = ["n", "payoffs", "labels", "pivots", "ours ms", "quantecon ms", "ours/qe",
            "per label median / max", "numpy kernel ms", "numpy/qe", "per label median / max",
            "us/pivot ours / numpy / qe", "nashpy ms (ours/np)", "max |diff|"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    failures: list[str] = []
    kinds = (False, True) if args.exact else (False,)
    for exact in kinds:
        for n in (int(s) for s in args.sizes.split(",")):
            row = run_size(n, exact, args, qe, nashpy, failures)
            print("| " + " | ".join(row) + " |", flush=True)
    print(f"\nload average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for f in failures:
        print(f"DISAGREEMENT: {f}")
    print("all answers agree" if not failures else f"{len(failures)} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
