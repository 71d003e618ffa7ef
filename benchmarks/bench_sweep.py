"""Benchmark multilateral.sweeps: 10,000 small simulations, serial vs 2 processes vs Dask.

Each task plays one 50-turn match between two automata with up to 12% implementation noise
(:func:`multilateral.simulate.play_matches`, its own seed): 4 strategy pairs x 25 noise levels
x 100 repetitions = 10,000 tasks. Timed end to end, in ``--repeats`` rounds that run every
configuration once in turn (so load from other jobs hits them alike), median reported:

- the bare computation: a Python loop calling the task with the sweep's seeds (no sweep);
- ``sweep(..., backend="serial")``, in memory (``store=False``) and with the SQLite store;
- ``backend="processes"`` with ``--workers`` worker processes (loky's executor, started for
  each call and stopped after it, so that no worker outlives a sweep: startup included);
- ``backend="dask"``: a new ``LocalCluster`` of ``--workers`` single-threaded worker
  processes per call (startup included), and a cluster started beforehand (``client=``)
  whose workers have run one task (so imports are done).

Automatic chunk sizes throughout, and a fresh store for every run. Also timed: the same sweeps
over a task that does nothing (``noop``), whose time per task is the backend's own cost per
task. The speed-up is against the serial sweep with the store; the overhead per task is
``(wall - loop / workers) / tasks``, what the backend adds to perfectly divided work, startup
included. Every backend's table must equal the serial one exactly: the script exits 1
otherwise.

``--big N`` instead runs one sweep of ``N`` tasks (10**6 for the README) of a cheap target
(``cheap``: a few arithmetic operations on the parameters and the task's seed) on a new
Dask ``LocalCluster`` of ``--workers`` workers, with the SQLite store, and reports the wall
time (cluster startup included), tasks per second and the store's size; 1,000 rows drawn at
random are recomputed here from their parameters and seed and must be equal (exit 1
otherwise). Not run in CI.

Usage::

    python benchmarks/bench_sweep.py [--tasks 10000] [--workers 2] [--repeats 3]
    python benchmarks/bench_sweep.py --big 1000000 [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

import multilateral as ml
from multilateral.sweeps import SweepResult, sweep
from multilateral.sweeps._run import task_seed

PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
PAIRS = {
    "wsls-tft": ("win_stay_lose_shift", "tit_for_tat"),
    "tft-tft": ("tit_for_tat", "tit_for_tat"),
    "grim-wsls": ("grim_trigger", "win_stay_lose_shift"),
    "gtft-alld": ("generous_tit_for_tat", "always_defect"),
}


AUTOMATA = {name: getattr(ml.automata, name)() for pair in PAIRS.values() for name in pair}


def match(pair: str, noise: float, seed: int) -> dict[str, float]:
    """One 50-turn match of the pair's automata; mean payoffs per turn."""
    row, col = PAIRS[pair]
    m = ml.simulate.play_matches(PD, AUTOMATA[row], AUTOMATA[col], turns=50, noise=noise,
                                 seed=seed)
    return {"row": float(m.mean_payoff[0]), "col": float(m.mean_payoff[1])}


def noop(pair: str, noise: float, seed: int) -> float:
    """No work: the sweep's own cost per task."""
    return 0.0


def cheap(x: int, k: int, seed: int) -> float:
    """A cheap task that depends on its parameters and its seed."""
    return x * k + (seed & 0xFFFF) / 65536


def big(n_tasks: int, workers: int) -> int:
    """One sweep of ``n_tasks`` cheap tasks on a new LocalCluster, with the store."""
    grid_ = {"x": range(max(1, n_tasks // 1000)), "k": range(1000)}
    n = len(grid_["x"]) * 1000
    tmp = Path(tempfile.mkdtemp(prefix="bench-sweep-big-"))
    print(f"{n} tasks of cheap(x, k, seed) on a new LocalCluster({workers}); load average "
          f"{os.getloadavg()[0]:.1f}")
    t = time.perf_counter()
    res = sweep(cheap, grid_, backend="dask", n_jobs=workers, store=tmp / "big.sqlite",
                progress=False)
    wall = time.perf_counter() - t
    size = sum(f.stat().st_size for f in tmp.iterdir()) / 1e6
    rng = np.random.default_rng(0)
    rows = rng.choice(n, size=min(n, 1000), replace=False)
    assert res.seed is not None
    ok = all(res.values["value"][i] == cheap(int(res.parameters["x"][i]),
                                             int(res.parameters["k"][i]), task_seed(0, int(i)))
             and res.seed[i] == task_seed(0, int(i)) for i in rows)
    print(f"| tasks | workers | wall (s) | tasks/s | store (MB) |\n|---:|---:|---:|---:|---:|\n"
          f"| {n:,} | {workers} | {wall:.1f} | {n / wall:,.0f} | {size:.0f} |")
    print(f"load average now {os.getloadavg()[0]:.1f}; 1,000 rows recomputed: "
          f"{'equal' if ok else 'FAIL: differ'}")
    return 0 if ok else 1


def warm_up() -> None:
    """One task, so that a worker has imported everything before it is timed."""
    match("tft-tft", 0.0, 0)


def grid(n_tasks: int) -> tuple[dict[str, Any], int]:
    n_noise = 25
    repeats = max(1, n_tasks // (len(PAIRS) * n_noise))
    return {"pair": list(PAIRS), "noise": list(np.linspace(0.0, 0.12, n_noise))}, repeats


def same(a: SweepResult, b: SweepResult) -> bool:
    ca, cb = a.columns, b.columns
    return list(ca) == list(cb) and all(np.array_equal(ca[k], cb[k]) for k in ca)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5, help="rounds (median)")
    parser.add_argument("--big", type=int, default=0, help="one sweep of this many tasks")
    args = parser.parse_args(argv)
    if args.big:
        return big(args.big, args.workers)
    try:
        import joblib
        from distributed import Client, LocalCluster
    except ImportError:
        print("needs joblib and dask.distributed: pip install 'multilateral[parallel,dask]'")
        return 1
    g, repeats = grid(args.tasks)
    n = len(PAIRS) * 25 * repeats
    w, k = args.workers, args.repeats
    tmp = Path(tempfile.mkdtemp(prefix="bench-sweep-"))
    counter = iter(range(10**9))
    print(f"{n} tasks ({len(PAIRS)} pairs x 25 noise levels x {repeats} repetitions), "
          f"{w} workers, median of {k} rounds; {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}, numpy {np.__version__}, joblib {joblib.__version__}, "
          f"distributed {__import__('distributed').__version__}; load average "
          f"{os.getloadavg()[0]:.1f}")

    def loop() -> list[Any]:
        out = []
        for i in range(n):
            p = i // repeats
            out.append(match(g["pair"][p // 25], float(g["noise"][p % 25]), task_seed(0, i)))
        return out

    def run(fn: Any, memory: bool = False, **kw: Any) -> Callable[[], SweepResult]:
        def go() -> SweepResult:  # a new, empty store for every timed run
            store: Path | Literal[False] = (
                False if memory else tmp / f"s{next(counter)}.sqlite")
            return sweep(fn, g, repeats=repeats, progress=False, store=store, **kw)
        return go

    dask_state: dict[str, Any] = {}
    startups: list[float] = []

    def start_cluster() -> None:  # untimed: the cluster exists only around its own runs
        t = time.perf_counter()
        dask_state["cluster"] = LocalCluster(n_workers=w, threads_per_worker=1,
                                             processes=True, dashboard_address=":0")
        dask_state["client"] = Client(dask_state["cluster"])
        startups.append(time.perf_counter() - t)
        dask_state["client"].run(warm_up)  # imports done before the timed runs

    def stop_cluster() -> None:
        dask_state.pop("client").close()
        dask_state.pop("cluster").close()

    def on_cluster(fn: Any) -> Callable[[], SweepResult]:
        def go() -> SweepResult:
            return run(fn, backend="dask", client=dask_state["client"])()
        return go

    procs = {"backend": "processes", "n_jobs": w}
    # label, workers, work, no-op (None: not measured), untimed setup, untimed teardown
    configs: list[tuple[str, int, Callable[[], Any], Callable[[], Any] | None,
                        Callable[[], Any] | None, Callable[[], Any] | None]] = [
        ("bare loop (no sweep)", 1, loop, None, None, None),
        ("serial, in memory", 1, run(match, memory=True), run(noop, memory=True), None, None),
        ("serial, SQLite store", 1, run(match), run(noop), None, None),
        (f"processes, {w} workers per call", w, run(match, **procs), run(noop, **procs),
         None, None),
        (f"dask, new LocalCluster({w}) per call", w, run(match, backend="dask", n_jobs=w),
         None, None, None),
        (f"dask, running LocalCluster({w})", w, on_cluster(match), on_cluster(noop),
         start_cluster, stop_cluster),
    ]
    walls: dict[str, list[float]] = {c[0]: [] for c in configs}
    noops: dict[str, list[float]] = {c[0]: [] for c in configs}
    tables: dict[str, Any] = {}
    for _ in range(k):  # round robin, so load from other jobs hits every backend alike
        for label, _, work, nop, setup, teardown in configs:
            if setup is not None:
                setup()
            try:
                t = time.perf_counter()
                tables[label] = work()
                walls[label].append(time.perf_counter() - t)
                if nop is not None:
                    t = time.perf_counter()
                    nop()
                    noops[label].append(time.perf_counter() - t)
            finally:
                if teardown is not None:
                    teardown()

    ref = tables["serial, SQLite store"]
    ok = all(same(ref, v) for key, v in tables.items() if key != configs[0][0])
    med = {key: statistics.median(v) for key, v in walls.items()}
    t_loop, t_serial = med[configs[0][0]], med["serial, SQLite store"]
    print(f"dask LocalCluster({w}) startup alone: {statistics.median(startups):.2f} s; "
          "load average now "
          f"{os.getloadavg()[0]:.1f}")
    print()
    print("| backend | wall (s) | per task (us) | speed-up vs serial sweep "
          "| overhead per task (us) | no-op task (us) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, workers, *_ in configs:
        wall = med[label]
        over = 1e6 * (wall - t_loop / workers) / n
        nop_txt = f"{1e6 * statistics.median(noops[label]) / n:.0f}" if noops[label] else ""
        print(f"| {label} | {wall:.2f} | {1e6 * wall / n:.0f} | {t_serial / wall:.2f} "
              f"| {over:.0f} | {nop_txt} |")
    procs_label = f"processes, {w} workers per call"
    print()
    print(f"dask / processes (wall): new LocalCluster per call "
          f"{med[f'dask, new LocalCluster({w}) per call'] / med[procs_label]:.2f}, running "
          f"LocalCluster {med[f'dask, running LocalCluster({w})'] / med[procs_label]:.2f}")
    print("all backends give the same table" if ok else "FAIL: the backends' tables differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
