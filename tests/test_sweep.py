"""Tests of multilateral.sweeps: grids, seeds, backends, the durable store and resuming."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import (
    CorruptStoreError,
    InvalidArgumentError,
    InvalidTypeError,
    MissingDependencyError,
    SweepTaskError,
)
from multilateral.models import ConditionalCooperation
from multilateral.sweeps import SweepResult, salvage_store, sweep
from multilateral.sweeps._run import task_seed

PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)


def match(noise: float, turns: int, seed: int) -> dict[str, Any]:
    """A small simulation with exact and inexact outputs."""
    m = ml.simulate.play_matches(PD, ml.automata.win_stay_lose_shift(),
                                 ml.automata.tit_for_tat(), turns=turns, noise=noise, seed=seed)
    return {"wsls": m.mean_payoff[0], "tft": m.mean_payoff[1],
            "share": Fraction(int(m.scores[0, 0]), turns),
            "cooperated": bool(m.actions[0, 0, 0] == 0)}


def noisy(x: int, seed: int) -> float:
    return x + np.random.default_rng(seed).random()


def plain(a: int, b: float = 1.0) -> float:
    return a * b


@dataclass(frozen=True)
class Box:
    side: int

    @property
    def volume(self) -> int:
        return self.side**3

    def scaled(self, k: float) -> float:
        return k * self.side**3


@contextlib.contextmanager
def _connected(path: Path) -> Any:
    """An SQLite connection to ``path`` that commits and is closed on leaving (``with
    sqlite3.connect(...)`` only commits: the connection would stay open)."""
    con = sqlite3.connect(path)
    try:
        with con:
            yield con
    finally:
        con.close()


def assert_same_table(a: SweepResult, b: SweepResult) -> None:
    ca, cb = a.columns, b.columns
    assert list(ca) == list(cb)
    for name in ca:
        assert ca[name].dtype == cb[name].dtype, name
        assert np.array_equal(ca[name], cb[name]), name


# -- grids, targets and seeds ----------------------------------------------------------------------
def test_task_seeds_are_spawned_children() -> None:
    children = np.random.SeedSequence(11).spawn(20)
    expected = [int(c.generate_state(1, np.uint64)[0]) >> 1 for c in children]
    assert [task_seed(11, i) for i in range(20)] == expected
    res = sweep(noisy, {"x": range(5)}, repeats=4, seed=11, store=False)
    assert res.seed is not None
    assert res.seed.tolist() == expected
    assert res.values["value"][7] == 1 + np.random.default_rng(expected[7]).random()


def test_an_empty_grid_is_one_point_repeated() -> None:
    def draw(seed: int) -> float:
        return float(np.random.default_rng(seed).random())

    res = sweep(draw, {}, repeats=5, seed=11, store=False)
    assert len(res) == 5 and dict(res.parameters) == {}
    assert res.repeat.tolist() == [0, 1, 2, 3, 4]
    assert res.seed is not None
    assert res.values["value"].tolist() == [
        float(np.random.default_rng(s).random()) for s in res.seed.tolist()]


def test_model_target_full_factorial_with_exact_values() -> None:
    res = ml.sweep((ConditionalCooperation, "critical_discount"),
                   {"n": range(2, 12), "r": [Fraction(3, 2), 3]}, store=False)
    assert len(res) == 20 and res.seed is None and res.n_computed == 20
    assert res.parameters["n"].dtype == np.int64
    assert res.parameters["r"].dtype == object  # exact parameters stay exact
    for i in range(20):
        n, r = int(res.parameters["n"][i]), res.parameters["r"][i]
        found = ConditionalCooperation(n=n, r=r).critical_discount()
        exact = getattr(found, "value", found)  # a CriticalDiscount or a bare Fraction
        assert res.values["critical_discount_exact"][i] == str(exact)
        assert res.values["critical_discount"][i] == float(exact)
    assert res.parameters["n"][:4].tolist() == [2, 2, 3, 3]  # last parameter fastest
    with pytest.raises(ValueError):
        res.values["critical_discount"][0] = 1.0  # read-only


def test_result_objects_are_stored_as_float_and_exact_text() -> None:
    from multilateral.results import CriticalDiscount

    def threshold(k: int) -> CriticalDiscount:
        return [CriticalDiscount.at_least(Fraction(1, 4)), CriticalDiscount.at_least(0.3),
                CriticalDiscount.never()][k]

    res = sweep(threshold, {"k": [0, 1, 2]}, store=False)
    assert sorted(res.values) == ["value", "value_exact"]
    assert res.values["value"].tolist() == [0.25, 0.3, float("inf")]
    assert res.values["value_exact"].tolist() == ["1/4", None, None]
    # the same columns as a bare Fraction gives
    frac = sweep(lambda k: [Fraction(1, 4), 0.3, float("inf")][k], {"k": [0, 1, 2]},
                 store=False)
    assert {k: v.tolist() for k, v in frac.values.items()} == {
        k: v.tolist() for k, v in res.values.items()}


def test_instance_property_partial_and_ml_sweep() -> None:
    base = ConditionalCooperation(n=5, r=3, sanction="targeted")
    res = sweep((base, "critical_discount"), {"n": [3, 4, 5]}, store=False)
    assert res.values["critical_discount_exact"].tolist() == [
        str(ConditionalCooperation(n=n, r=3, sanction="targeted").critical_discount().exact)
        for n in (3, 4, 5)]
    prop = sweep((Box, "volume"), {"side": [1, 2]}, store=False)
    assert prop.values["volume"].tolist() == [1, 8]
    meth = sweep((Box, "scaled"), {"side": [2], "k": [1, 3]}, store=False)
    assert meth.values["scaled"].tolist() == [8.0, 24.0]
    part = sweep(functools.partial(plain, b=2.0), {"a": [1, 2]}, store=False)
    assert part.values["value"].tolist() == [2.0, 4.0]
    assert ml.sweep is sweep and ml.sweeps.sweep is sweep


def test_ml_sweep_is_the_function_after_any_import_order():
    # the package is ``multilateral.sweeps``: importing it never rebinds ``ml.sweep``
    code = ("import multilateral.sweeps, multilateral as ml\n"
            "from multilateral.sweeps import sweep\n"
            "import multilateral.sweeps as mod\n"
            "print(ml.sweep is sweep, mod is ml.sweeps, type(mod).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["True", "True", "module"]


def test_chunking_and_resume_do_not_change_results(tmp_path: Path) -> None:
    grid = {"noise": [0.0, 0.05, 0.2], "turns": [5, 20]}
    ref = sweep(match, grid, repeats=5, seed=3, store=False)
    assert ref.values["share_exact"].dtype == object
    assert ref.values["cooperated"].dtype == bool
    for size in (1, 4, 1000):
        assert_same_table(ref, sweep(match, grid, repeats=5, seed=3, chunk_size=size,
                                     store=False))
    store = tmp_path / "s.sqlite"
    first = sweep(match, grid, repeats=5, seed=3, store=store)
    again = sweep(match, grid, repeats=5, seed=3, store=store, chunk_size=7)
    assert (first.n_computed, again.n_computed) == (30, 0)
    assert again.store == store
    assert_same_table(ref, first)
    assert_same_table(ref, again)
    other = sweep(match, grid, repeats=5, seed=4, store=False)
    assert not np.array_equal(other.values["wsls"], ref.values["wsls"])


def test_default_store_is_named_from_the_identity(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = sweep(noisy, {"x": [1, 2]}, seed=1)
    b = sweep(noisy, {"x": [1, 2]}, seed=1)
    c = sweep(noisy, {"x": [1, 2, 3]}, seed=1)
    assert a.store is not None and a.store.parent == tmp_path / ".multilateral-sweeps"
    assert a.store.name.startswith("noisy-") and a.store.suffix == ".sqlite"
    assert (a.n_computed, b.n_computed, c.n_computed) == (2, 0, 3)
    assert b.store == a.store != c.store
    folder = tmp_path / "sweeps"
    folder.mkdir()
    d = sweep(noisy, {"x": [1, 2]}, seed=1, store=folder)
    assert d.store == folder / a.store.name


def test_latin_hypercube_is_reproducible_and_stratified() -> None:
    grid = {"a": (0.0, 1.0), "k": (2, 9), "c": ["x", "y"]}

    def f(a: float, k: int, c: str) -> float:
        return a * k

    one = sweep(f, grid, sample=40, seed=5, store=False)
    two = sweep(f, grid, sample=40, seed=5, store=False)
    other = sweep(f, grid, sample=40, seed=6, store=False)
    assert_same_table(one, two)
    assert not np.array_equal(one.parameters["a"], other.parameters["a"])
    a = one.parameters["a"]
    assert a.dtype == np.float64
    assert sorted(np.floor(a * 40).astype(int).tolist()) == list(range(40))  # one per stratum
    k = one.parameters["k"]
    assert k.dtype == np.int64 and k.min() >= 2 and k.max() <= 9
    assert np.bincount(k - 2).tolist() == [5] * 8  # 40 points over 8 integers
    assert sorted(set(one.parameters["c"].tolist())) == ["x", "y"]
    assert np.array_equal(one.values["value"], a * k)


# -- backends --------------------------------------------------------------------------------------
def test_backends_give_the_same_table() -> None:
    pytest.importorskip("joblib")
    distributed = pytest.importorskip("distributed")
    grid = {"noise": [0.0, 0.1, 0.3], "turns": [10, 30]}
    ref = sweep(match, grid, repeats=6, seed=9, store=False)
    procs = sweep(match, grid, repeats=6, seed=9, backend="processes", n_jobs=2,
                  chunk_size=5, store=False)
    auto = sweep(match, grid, repeats=6, seed=9, backend="processes", n_jobs=2, store=False)
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=":0") as client:
        dask = sweep(match, grid, repeats=6, seed=9, backend="dask", client=client,
                     chunk_size=4, store=False)
        assert client.status == "running"  # a client we were given stays open
    for res in (procs, auto, dask):
        assert_same_table(ref, res)


def test_dask_local_cluster_backend(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    ref = sweep(noisy, {"x": range(6)}, repeats=2, seed=2, store=False)
    res = sweep(noisy, {"x": range(6)}, repeats=2, seed=2, backend="dask", n_jobs=1,
                chunk_size=3, store=tmp_path / "d.sqlite")
    assert_same_table(ref, res)


_WARM: list[bool] = []


def slow_first_call(x: int) -> int:
    """Slow once per process (imports, caches), then fast."""
    if not _WARM:
        time.sleep(0.3)
        _WARM.append(True)
    return x


@pytest.mark.parametrize("backend", ["serial", "processes"])
def test_automatic_chunks_are_not_fooled_by_a_slow_first_call(
        backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "processes":
        pytest.importorskip("joblib")
    from multilateral.sweeps._store import Store

    commits: list[int] = []
    original = Store.commit

    def counting(self: Store, rows: Any, run: int) -> None:
        commits.append(len(rows))
        original(self, rows, run)

    monkeypatch.setattr(Store, "commit", counting)
    _WARM.clear()
    res = sweep(slow_first_call, {"x": range(4000)}, backend=backend,  # type: ignore[arg-type]
                n_jobs=2, store=False)
    assert res.values["value"].tolist() == list(range(4000))
    assert sum(commits) == 4000 and len(commits) < 40, commits


def test_missing_backends_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "joblib", None)
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingDependencyError, match=r"multilateral\[parallel\]"):
        sweep(plain, {"a": [1]}, backend="processes", store=False)
    with pytest.raises(MissingDependencyError, match=r"multilateral\[dask\]"):
        sweep(plain, {"a": [1]}, backend="dask", store=False)


# -- killing a real sweep and resuming it ----------------------------------------------------------
TASK_MODULE = '''
import os, time
from fractions import Fraction
import numpy as np

CALLS = os.environ["SWEEP_TEST_CALLS"]

def work(x, k, seed):
    with open(CALLS, "a") as f:
        f.write(f"{x} {k}\\n")
    time.sleep(0.003)
    return {"y": x * np.random.default_rng(seed).random(), "q": Fraction(x, k)}
'''


def test_a_killed_sweep_resumes_computing_only_what_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sweeptask.py").write_text(TASK_MODULE)
    calls = tmp_path / "calls.txt"
    store = tmp_path / "store.sqlite"
    monkeypatch.setenv("SWEEP_TEST_CALLS", str(calls))
    monkeypatch.syspath_prepend(str(tmp_path))
    args = "{'x': range(50), 'k': [1, 3, 7]}, repeats=2, seed=13, chunk_size=6"
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        import sweeptask
        from multilateral.sweeps import sweep
        sweep(sweeptask.work, {args}, store={str(store)!r}, progress=False)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], env=os.environ.copy())
    stored = 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with _connected(store) as con:
                    stored = con.execute("SELECT count(*) FROM results").fetchone()[0]
            except sqlite3.OperationalError:  # not created yet
                stored = 0
            if stored >= 48:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the sweep finished before it was killed"
    with _connected(store) as con:
        done = {r[0] for r in con.execute("SELECT task FROM results")}
    assert 48 <= len(done) < 300 and len(done) % 6 == 0  # whole chunks only
    killed_calls = calls.read_text().splitlines()
    assert len(killed_calls) >= len(done)

    import sweeptask

    resumed = eval(f"sweep(sweeptask.work, {args}, store=store, progress=False)",
                   {"sweep": sweep, "sweeptask": sweeptask, "store": store})
    new_calls = calls.read_text().splitlines()[len(killed_calls):]
    assert resumed.n_computed == len(new_calls) == 300 - len(done)
    missing = sorted(set(range(300)) - done)
    expected = [f"{(t // 2) // 3} {[1, 3, 7][(t // 2) % 3]}" for t in missing]
    assert sorted(new_calls) == sorted(expected)  # exactly the missing tasks, once each
    fresh = eval(f"sweep(sweeptask.work, {args}, store=False)",
                 {"sweep": sweep, "sweeptask": sweeptask})
    assert_same_table(fresh, resumed)
    assert resumed.values["q_exact"][5] == str(Fraction(0, 7))


def _descendants(pid: int) -> list[int]:
    """Every descendant process of ``pid`` (psutil, else /proc)."""
    try:
        import psutil
    except ImportError:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        found, frontier = [], [pid]
        while frontier:
            kids = [c for c, p in parents.items() if p in frontier]
            found += kids
            frontier = kids
        return found
    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def _running(pids: list[int]) -> list[int]:
    """Those of ``pids`` still running (not exited, not zombies)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            try:
                import psutil

                if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie":
                    out.append(pid)
            except Exception:  # no psutil, or the process is gone
                pass
            continue
        if state != "Z":
            out.append(pid)
    return out


SLOW_MODULE = '''
import os, time

def slow(x):  # fast for 40 tasks, then each runs a minute (unless told otherwise)
    time.sleep(0.01 if x < 40 else float(os.environ.get("SWEEP_TEST_SLEEP", "60")))
    return x * x
'''


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])  # SIGINT: as SIGTERM
def test_a_killed_process_sweep_keeps_finished_chunks_and_leaves_no_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals) -> None:
    pytest.importorskip("joblib")
    if not Path("/proc").is_dir():
        pytest.importorskip("psutil")
    (tmp_path / "slowtask.py").write_text(SLOW_MODULE)
    store = tmp_path / "p.sqlite"
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        import slowtask
        from multilateral.sweeps import sweep
        sweep(slowtask.slow, {{"x": range(2000)}}, backend="processes", n_jobs=2,
              chunk_size=2, store={str(store)!r}, progress=False)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None and stored < 40:
            time.sleep(0.05)
            try:
                with _connected(store) as con:
                    stored = con.execute("SELECT count(*) FROM results").fetchone()[0]
            except sqlite3.OperationalError:  # not created yet
                stored = 0
        children = _descendants(proc.pid)
        assert children, "no worker processes"
        proc.send_signal(sig)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0, "the sweep finished before it was killed"
    assert proc.returncode == -sig  # SIGTERM still ends the process as SIGTERM
    deadline = time.monotonic() + 5
    while (alive := _running(children)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive, f"processes left behind: {alive}"
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("SWEEP_TEST_SLEEP", "0")
    import slowtask

    with _connected(store) as con:
        done = con.execute("SELECT count(*) FROM results").fetchone()[0]
    assert done == 40  # every finished chunk; the workers were busy on the slow tasks
    res = sweep(slowtask.slow, {"x": range(2000)}, chunk_size=500, store=store)
    assert res.n_computed == 2000 - done  # the store is intact and resumes
    assert res.values["value"].tolist() == [x * x for x in range(2000)]


# -- bad input -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("grid", "error", "match"), [
    ({"a": [1], "z": [2]}, InvalidArgumentError, r"unknown parameter 'z' for plain: its "
                                                 r"parameters are a, b"),
    ({"a": [1], "y": [1], "z": [2]}, InvalidArgumentError, r"parameters 'y', 'z'"),
    ({"a": []}, InvalidArgumentError, r"grid\['a'\] is empty"),
    ({"a": range(5, 2)}, InvalidArgumentError, r"grid\['a'\] is empty"),
    ({"b": [1.0]}, InvalidArgumentError, r"plain needs 'a'"),
    ({"a": 3}, InvalidTypeError, r"must be a sequence of values.*\[value\]"),
    ({"a": "abc"}, InvalidTypeError, r"must be a sequence"),
    ({"a": [object()]}, InvalidTypeError, r"grid values must be numbers"),
    ({"a": [float("nan")]}, InvalidArgumentError, r"must be finite"),
    ({"a": np.zeros((2, 2))}, InvalidArgumentError, r"1-D array"),
    ([("a", [1])], InvalidTypeError, r"grid must be a dict"),
])
def test_bad_grids_are_refused(grid: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        sweep(plain, grid, store=False)


def test_bad_sampled_grids_and_options() -> None:
    def f(a: float, seed: int) -> float:
        return a

    with pytest.raises(InvalidArgumentError, match=r"empty range: low 3 > high 1"):
        sweep(f, {"a": (3, 1)}, sample=5, store=False)
    with pytest.raises(InvalidArgumentError, match=r"empty range: low 0.5 must be < high 0.5"):
        sweep(f, {"a": (0.5, 0.5)}, sample=5, store=False)
    with pytest.raises(InvalidArgumentError, match=r"range \(low, high\) of two numbers"):
        sweep(f, {"a": (1, 2, 3)}, sample=5, store=False)
    with pytest.raises(InvalidArgumentError, match=r"'seed' cannot be a grid parameter"):
        sweep(f, {"a": [1], "seed": [1]}, store=False)
    with pytest.raises(InvalidArgumentError, match=r"needs at least one parameter"):
        sweep(f, {}, sample=3, store=False)
    with pytest.raises(InvalidArgumentError, match=r"backend must be"):
        sweep(f, {"a": [1]}, backend="threads", store=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match=r"use backend='dask'"):
        sweep(f, {"a": [1]}, client=object(), store=False)
    with pytest.raises(InvalidTypeError, match=r"seed must be an int"):
        sweep(f, {"a": [1]}, seed=1.5, store=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match=r"repeats must be"):
        sweep(f, {"a": [1]}, repeats=0, store=False)
    with pytest.raises(InvalidTypeError, match=r"callable or a \(model, 'method'\)"):
        sweep(3, {"a": [1]}, store=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"is a class: give \(class, 'method_name'\)"):
        sweep(ConditionalCooperation, {"n": [3]}, store=False)
    with pytest.raises(InvalidArgumentError, match=r"has no method 'critical'"):
        sweep((ConditionalCooperation, "critical"), {"n": [3]}, store=False)
    with pytest.raises(InvalidArgumentError, match=r"its parameters are .*detection.*mpcr"):
        sweep((ConditionalCooperation, "critical_discount"), {"m": [3]}, store=False)


def test_bad_outputs_are_reported_with_the_task() -> None:
    with pytest.raises(InvalidTypeError, match=r"returned 'multiplier'.*number or a dict"):
        sweep((ConditionalCooperation, "normalization"), {"n": [3], "r": [2]}, store=False)

    def changing(x: int) -> dict[str, float]:
        return {"a": 1.0} if x < 2 else {"b": 1.0}

    with pytest.raises(InvalidTypeError, match=r"task 2 returned the keys \['b'\]"):
        sweep(changing, {"x": range(4)}, store=False)

    def clash(x: int) -> dict[str, float]:
        return {"x": 1.0}

    with pytest.raises(InvalidArgumentError, match=r"clash with the table's columns"):
        sweep(clash, {"x": [1]}, store=False)


FAILS_AT = [5]


def fails_at(x: int) -> int:
    if x in FAILS_AT:
        raise ZeroDivisionError("boom")
    return x


@pytest.mark.parametrize("backend", ["serial", "processes", "dask"])
def test_an_error_in_the_target_names_the_task_keeps_finished_work_and_resumes(
        tmp_path: Path, backend: str) -> None:
    if backend == "processes":
        pytest.importorskip("joblib")
    store = tmp_path / "e.sqlite"
    FAILS_AT[:] = [5]
    with contextlib.ExitStack() as stack:
        options: dict[str, Any] = {"n_jobs": 2}
        if backend == "dask":  # in-process workers: the fix below reaches them too
            distributed = pytest.importorskip("distributed")
            options = {"client": stack.enter_context(distributed.Client(
                processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0"))}
        with pytest.raises(SweepTaskError) as info:
            sweep(fails_at, {"x": range(10)}, chunk_size=2, store=store,
                  backend=backend, **options)  # type: ignore[arg-type]
    err = info.value
    assert isinstance(err, ml.errors.MultilateralError)
    assert isinstance(err.__cause__, ZeroDivisionError) and err.error is err.__cause__
    assert (err.task, err.parameters, err.seed) == (5, {"x": 5}, None)
    message = str(err)
    assert message.startswith("sweep task 5 (parameters {'x': 5}, seed None) failed: the "
                              "target raised ZeroDivisionError: boom")
    assert str(store) in message and "run the same sweep again" in message
    with _connected(store) as con:
        done = sorted(r[0] for r in con.execute("SELECT task FROM results"))
    assert {0, 1, 2, 3, 4} <= set(done) and 5 not in done  # task 4 shared 5's chunk
    if backend == "serial":
        assert done == [0, 1, 2, 3, 4]
    FAILS_AT[:] = []  # the fix (global state: the code is the same)
    res = sweep(fails_at, {"x": range(10)}, chunk_size=2, store=store)
    assert res.n_computed == 10 - len(done)
    assert res.values["value"].tolist() == list(range(10))


def test_a_failing_target_in_memory_says_nothing_was_kept() -> None:
    FAILS_AT[:] = [1]
    try:
        with pytest.raises(SweepTaskError, match=r"kept nowhere \(store=False\)"):
            sweep(fails_at, {"x": range(3)}, store=False)
    finally:
        FAILS_AT[:] = [5]


def test_a_store_of_another_sweep_is_refused_and_left_untouched(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    sweep(noisy, {"x": range(4)}, repeats=2, seed=1, store=store)

    def digest() -> str:
        return hashlib.sha256(store.read_bytes()).hexdigest()

    before = digest()
    changes: list[tuple[Any, dict[str, Any], str]] = [
        (noisy, {"grid": {"x": range(5)}}, r"grid\['x'\]: stored \[0, 1, 2, 3\], now \[0, 1, "
                                           r"2, 3, 4\]"),
        (noisy, {"grid": {"x": [0.0, 1.0, 2.0, 3.0]}}, r"grid\['x'\]"),
        (noisy, {"seed": 2}, r"seed: stored 1, now 2"),
        (noisy, {"repeats": 3}, r"repeats: stored 2, now 3"),
        (plain, {"grid": {"a": range(4)}}, r"target: stored .*noisy.*now .*plain"),
    ]
    for target, change, message in changes:
        kwargs: dict[str, Any] = {"grid": {"x": range(4)}, "repeats": 2, "seed": 1, **change}
        grid = kwargs.pop("grid")
        with pytest.raises(InvalidArgumentError, match=message) as info:
            sweep(target, grid, store=store, **kwargs)
        assert "left untouched" in str(info.value)
        assert digest() == before
    assert sweep(noisy, {"x": range(4)}, repeats=2, seed=1, store=store).n_computed == 0

    junk = tmp_path / "notes.txt"
    junk.write_text("not a database, keep me\n")
    with pytest.raises(InvalidArgumentError, match=r"is not a sweep store"):
        sweep(noisy, {"x": [1]}, store=junk)
    assert junk.read_text() == "not a database, keep me\n"
    other = tmp_path / "other.sqlite"
    with _connected(other) as con:
        con.execute("CREATE TABLE t (a)")
    with pytest.raises(InvalidArgumentError, match=r"not a sweep store"):
        sweep(noisy, {"x": [1]}, store=other)


def test_a_code_change_is_refused_unless_asked_and_then_resumes(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    monkeypatch.chdir(tmp_path)

    def f(x: int) -> int:
        if x >= 3:
            raise ValueError("bug")
        return x

    with pytest.raises(SweepTaskError):
        sweep(f, {"x": range(6)}, chunk_size=1)  # default store, named from the identity
    first = next((tmp_path / ".multilateral-sweeps").iterdir())

    def f(x: int) -> int:  # type: ignore[no-redef]  # the fix
        return x

    with pytest.raises(InvalidArgumentError, match=r"3 of 6 tasks computed by another "
                       r"version of the target's code.*resume='ignore_code_change'"):
        sweep(f, {"x": range(6)})
    res = sweep(f, {"x": range(6)}, resume="ignore_code_change")
    assert res.store == first and res.n_computed == 3
    assert res.values["value"].tolist() == list(range(6))
    assert sweep(f, {"x": range(6)}).n_computed == 0  # accepted once: the new code is stored
    with _connected(first) as con:
        codes = [r[0] for r in con.execute("SELECT code FROM runs ORDER BY run")]
    assert len(set(codes)) == 2  # each run records the code version that ran
    with pytest.raises(InvalidArgumentError, match=r"resume must be 'same_code' or"):
        sweep(f, {"x": [1]}, resume="yes", store=False)  # type: ignore[arg-type]


# -- a damaged store ------------------------------------------------------------------------------
def squares(a: int) -> dict[str, Any]:
    return {"v": a * a, "w": a + 0.5}


def _damage(data: bytearray, how: str) -> bytearray:
    if how == "flipped byte in a value":
        i = data.find(b'"v": 90601')  # task 301
        assert i >= 0
        data[i + 6] = ord("8")
    elif how == "truncated":
        del data[len(data) * 3 // 4:]
    elif how == "garbage header":
        data[:100] = np.random.default_rng(0).integers(0, 256, 100, dtype=np.uint8).tobytes()
    return data


@pytest.mark.parametrize(("how", "lost"), [("flipped byte in a value", 25),
                                           ("truncated", None), ("garbage header", 0)])
def test_a_damaged_store_is_refused_and_its_intact_chunks_salvaged(
        tmp_path: Path, how: str, lost: int | None) -> None:
    store = tmp_path / "s.sqlite"
    ref = sweep(squares, {"a": range(600)}, chunk_size=25, store=store)
    store.write_bytes(bytes(_damage(bytearray(store.read_bytes()), how)))
    damaged = store.read_bytes()
    with pytest.raises(CorruptStoreError) as info:
        sweep(squares, {"a": range(600)}, chunk_size=25, store=store)
    message = str(info.value)
    assert isinstance(info.value, ml.errors.MultilateralError)
    assert f"salvage_store({str(store)!r})" in message and "not used" in message
    if how == "flipped byte in a value":  # the wrong value 90801 is caught, not returned
        assert "1 chunk(s) whose results fail their checksum" in message
    assert store.read_bytes() == damaged  # nothing written
    assert salvage_store(store) == store
    assert Path(f"{store}.damaged").read_bytes() == damaged  # kept aside, as it was
    res = sweep(squares, {"a": range(600)}, chunk_size=25, store=store)
    if lost is not None:
        assert res.n_computed == lost
    assert 0 <= res.n_computed < 600  # most of the work survived
    assert_same_table(ref, res)


def test_salvage_refuses_what_it_cannot_recover(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match=r"there is no sweep store"):
        salvage_store(tmp_path / "none.sqlite")
    store = tmp_path / "s.sqlite"
    sweep(squares, {"a": range(4)}, store=store)
    with pytest.raises(InvalidArgumentError, match=r"exists: give salvage_store a new out="):
        salvage_store(store, out=store)
    out = salvage_store(store, out=tmp_path / "copy.sqlite")
    assert out == tmp_path / "copy.sqlite" and store.exists()
    assert sweep(squares, {"a": range(4)}, store=out).n_computed == 0
    with _connected(store) as con:  # the header (which sweep it is) altered
        con.execute("UPDATE meta SET value = replace(value, '3', '4') WHERE key = 'identity'")
    with pytest.raises(CorruptStoreError, match=r"header .* fails its checksum"):
        sweep(squares, {"a": range(4)}, store=store)
    with pytest.raises(CorruptStoreError, match=r"nothing can be salvaged"):
        salvage_store(store)


# -- table, export, progress -----------------------------------------------------------------------
def test_frame_and_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    res = sweep(match, {"noise": [0.0, 0.1], "turns": [4]}, repeats=3, store=False)
    frame = res.to_frame()
    assert list(frame.columns) == ["noise", "turns", "repeat", "seed", "wsls", "tft", "share",
                                   "share_exact", "cooperated"]
    assert len(frame) == 6
    pd.testing.assert_series_equal(frame["wsls"], pd.Series(res.values["wsls"], name="wsls"))
    path = res.to_parquet(tmp_path / "r.parquet")
    table = pq.read_table(path)
    assert table.column_names == list(frame.columns)
    assert table.column("share_exact").to_pylist() == list(res.values["share_exact"])
    assert table.column("seed").to_pylist() == res.seed.tolist()  # type: ignore[union-attr]
    exact = sweep(plain, {"a": [1], "b": [Fraction(1, 3)]}, store=False)
    assert pq.read_table(exact.to_parquet(tmp_path / "e.parquet")).column("b").to_pylist() == [
        "1/3"]


def test_frame_and_parquet_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    res = sweep(plain, {"a": [1]}, store=False)
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match=r"multilateral\[frame\]"):
        res.to_frame()
    with pytest.raises(MissingDependencyError, match=r"multilateral\[frame\]"):
        res.to_parquet("x.parquet")


def test_progress_bar(capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    sweep(plain, {"a": range(50)}, progress=True, store=False)
    assert "50/50" in capsys.readouterr().err
    sweep(plain, {"a": range(50)}, progress=False, store=False)
    sweep(plain, {"a": range(50)}, store=False)  # short: no bar by default
    assert capsys.readouterr().err == ""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    sweep(plain, {"a": range(50)}, progress=True, store=False)
    assert "sweep: 50/50 tasks (100%)" in capsys.readouterr().err


# -- stores of the first format --------------------------------------------------------------------
_V1_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE runs (run INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, backend TEXT, "
    "pid INTEGER, n_todo INTEGER)",
    "CREATE TABLE results (task INTEGER PRIMARY KEY, seed INTEGER, outputs TEXT NOT NULL, "
    "run INTEGER NOT NULL REFERENCES runs (run))",
)


def _write_v1_store(current: Path, old: Path, keep: int) -> None:
    """A store as multilateral-sweep/1 wrote it (no chunks, no checksums, the code's digest
    inside the identity), holding the first ``keep`` results of the store ``current``."""
    import json

    with _connected(current) as con:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        rows = con.execute("SELECT task, seed, outputs FROM results ORDER BY task").fetchall()
    identity = json.loads(meta["identity"])
    identity["format"] = "multilateral-sweep/1"
    identity["target"] += "#" + meta["code"]
    with _connected(old) as con:
        for stmt in _V1_SCHEMA:
            con.execute(stmt)
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", "multilateral-sweep/1"),
            ("identity", json.dumps(identity, sort_keys=True)),
            ("n_tasks", meta["n_tasks"]), ("created", "2026-01-01T00:00:00+00:00")])
        con.execute("INSERT INTO runs VALUES (1, '2026-01-01', 'serial', 1, ?)", (keep,))
        con.executemany("INSERT INTO results VALUES (?, ?, ?, 1)", rows[:keep])


def test_a_store_of_the_first_format_is_refused_then_migrated_and_resumed(
        tmp_path: Path) -> None:
    grid = {"x": range(5), "k": [1, 3]}
    fresh = sweep(work_exact, grid, repeats=2, seed=4, store=tmp_path / "now.sqlite")
    old = tmp_path / "old.sqlite"
    _write_v1_store(tmp_path / "now.sqlite", old, keep=13)
    before = old.read_bytes()
    with pytest.raises(InvalidArgumentError, match=r"older multilateral.*left untouched.*"
                       r"migrate_store\(.*old\.sqlite'\).*old\.sqlite\.v1"):
        sweep(work_exact, grid, repeats=2, seed=4, store=old)
    assert old.read_bytes() == before
    assert ml.sweeps.migrate_store(old) == old
    assert (tmp_path / "old.sqlite.v1").read_bytes() == before  # the original, kept
    res = sweep(work_exact, grid, repeats=2, seed=4, store=old)
    assert res.n_computed == 20 - 13  # the old results are used, not recomputed
    assert_same_table(fresh, res)
    with pytest.raises(InvalidArgumentError, match=r"format 'multilateral-sweep/1' only "
                                                   r"\(this one is current\)"):
        ml.sweeps.migrate_store(old)


def test_a_default_store_of_the_first_format_migrates_to_the_default_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    grid = {"x": range(3), "k": [2]}
    fresh = sweep(work_exact, grid, seed=1, store=tmp_path / "now.sqlite")
    folder = tmp_path / ".multilateral-sweeps"
    folder.mkdir()
    old = folder / "work_exact-0123456789abcdef.sqlite"  # a format-1 default name
    _write_v1_store(tmp_path / "now.sqlite", old, keep=3)
    new = ml.sweeps.migrate_store(old)
    assert new.parent == folder and new != old and old.exists()
    res = sweep(work_exact, grid, seed=1)
    assert res.store == new and res.n_computed == 0
    assert_same_table(fresh, res)


def work_exact(x: int, k: int, seed: int) -> dict[str, Any]:
    return {"y": x * np.random.default_rng(seed).random(), "q": Fraction(x, k)}


@settings(max_examples=60)
@given(st.one_of(st.integers(0, 2**40), st.integers(0, 2**300)),
       st.lists(st.one_of(st.integers(0, 2**32 - 1), st.integers(2**32, 2**62)),
                max_size=20))
def test_task_seeds_at_once_equal_numpy_seed_sequence(root: int, tasks: list[int]) -> None:
    """The vectorized seeds (the same hash, on an array of tasks) are numpy's, bit for bit,
    for roots of one to ten 32-bit words and tasks of one word or more."""
    from multilateral.sweeps._run import task_seeds

    assert task_seeds(root, tasks) == [task_seed(root, t) for t in tasks]
    assert task_seeds(root, list(range(5))) == [
        int(c.generate_state(1, np.uint64)[0]) >> 1
        for c in np.random.SeedSequence(root).spawn(5)]
