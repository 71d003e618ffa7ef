"""Running a sweep: per-task seeds, chunks, the serial, joblib and Dask backends, progress."""

from __future__ import annotations

import contextlib
import math
import numbers
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .._validation import check_positive_int
from ..errors import InvalidArgumentError, InvalidTypeError, MissingDependencyError, SweepTaskError
from ._target import Target

Backend = Literal["serial", "processes", "dask"]
Row = tuple[int, "int | None", dict[str, Any]]

_CHUNK_SECONDS = 0.5  # an automatic chunk takes about this long
_PILOT_SECONDS = 0.2  # tasks timed in this process before a parallel run sizes its chunks
_MAX_CHUNK = 10_000
_CHUNKS_PER_WORKER = 4  # at least this many chunks per worker, for load balance
_GROWTH = 8  # an automatic chunk is at most this many times the previous one
_PROGRESS_DELAY = 2.0  # progress=None: shown once a sweep has run this long
_RESERVED = ("repeat", "seed")
_PLAIN = frozenset({float, int, bool, Fraction})


# -- options --------------------------------------------------------------------------------------
def check_seed(seed: Any) -> int:
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise InvalidTypeError(
            f"seed must be an int >= 0 (the root of every task's seed), got {seed!r}")
    if seed < 0:
        raise InvalidArgumentError(f"seed must be >= 0, got {seed}")
    return int(seed)


def check_backend(backend: Any, n_jobs: Any, client: Any) -> int:
    """Validate the backend options; return the number of workers."""
    if backend not in ("serial", "processes", "dask"):
        raise InvalidArgumentError(
            f"backend must be 'serial', 'processes' or 'dask', got {backend!r}")
    if client is not None and backend != "dask":
        raise InvalidArgumentError("client= is a dask.distributed Client: use backend='dask'")
    if n_jobs is not None:
        n_jobs = check_positive_int(n_jobs, "n_jobs")
    if backend == "serial":
        return 1
    if backend == "processes":
        try:
            import joblib  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                "backend='processes' needs joblib: pip install 'multilateral[parallel]'"
            ) from None
        return int(n_jobs or os.cpu_count() or 1)
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise MissingDependencyError(
            "backend='dask' needs dask.distributed: pip install 'multilateral[dask]'"
        ) from None
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    return int(n_jobs or os.cpu_count() or 1)


# -- running --------------------------------------------------------------------------------------
def task_seed(root: int, task: int) -> int:
    """Child ``task`` of ``SeedSequence(root).spawn(n)``, as an int in [0, 2**63)."""
    state = np.random.SeedSequence(root, spawn_key=(task,)).generate_state(1, np.uint64)
    return int(state[0]) >> 1


# numpy's SeedSequence (O'Neill's seed_seq_fe, pool of 4 words), for task_seeds
_M32, _XSHIFT = 0xFFFFFFFF, 16
_INIT_A, _MULT_A, _INIT_B, _MULT_B = 0x43B0D7E5, 0x931E8875, 0x8B51F9DD, 0x58F38DED
_MIX_L, _MIX_R = 0xCA01F9DD, 0x4973F715


def task_seeds(root: int, tasks: list[int]) -> list[int]:
    """:func:`task_seed` of many tasks at once (about 0.5 us each instead of 10-20).

    ``SeedSequence(root, spawn_key=(task,))`` hashes the root's 32-bit words (padded to the
    pool of 4) and then the task's word into its pool; the hash constants do not depend on
    the data, so everything but the last step is the same for every task, and that step
    runs on an array of tasks (uint32 arithmetic wraps as the C code's does). Tasks of
    ``2**32`` and more (several words) go through ``SeedSequence`` itself.
    """
    h = _INIT_A

    def hashmix(value: int) -> int:
        nonlocal h
        value ^= h
        h = (h * _MULT_A) & _M32
        value = (value * h) & _M32
        return value ^ (value >> _XSHIFT)

    def mix(x: int, y: int) -> int:
        r = (_MIX_L * x - _MIX_R * y) & _M32
        return r ^ (r >> _XSHIFT)

    words = [(root >> (32 * i)) & _M32 for i in range(max(1, -(-root.bit_length() // 32)))]
    words += [0] * (4 - len(words))
    pool = [hashmix(w) for w in words[:4]]
    for src in range(4):
        for dst in range(4):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for w in words[4:]:
        for dst in range(4):
            pool[dst] = mix(pool[dst], hashmix(w))
    arr = np.array(tasks, dtype=np.int64)
    small = (arr >= 0) & (arr < 2**32)
    t, state, hb = arr[small].astype(np.uint32), [], _INIT_B
    for dst in range(2):  # the task's word into pool words 0 and 1 (two reach the output)
        hn = (h * _MULT_A) & _M32
        v = (t ^ np.uint32(h)) * np.uint32(hn)
        v ^= v >> np.uint32(_XSHIFT)
        h = hn
        r = np.uint32((_MIX_L * pool[dst]) & _M32) - np.uint32(_MIX_R) * v
        r ^= r >> np.uint32(_XSHIFT)
        hn = (hb * _MULT_B) & _M32  # generate_state: one 32-bit word from each
        out = (r ^ np.uint32(hb)) * np.uint32(hn)
        out ^= out >> np.uint32(_XSHIFT)
        hb = hn
        state.append(out.astype(np.uint64))
    seeds = np.empty(len(arr), dtype=np.int64)
    seeds[small] = ((state[0] | (state[1] << np.uint64(32))) >> np.uint64(1)).astype(np.int64)
    for i in np.flatnonzero(~small).tolist():
        seeds[i] = task_seed(root, int(arr[i]))
    return [int(s) for s in seeds.tolist()]


def run_chunk(target: Target, root: int, tasks: list[tuple[int, dict[str, Any]]]
              ) -> list[Row]:
    """Run one chunk of tasks (in a worker); each result normalized to a dict of numbers."""
    rows: list[Row] = []
    seeds = task_seeds(root, [t for t, _ in tasks]) if target.seed_to else None
    for i, (task, params) in enumerate(tasks):
        seed = None if seeds is None else seeds[i]
        try:
            raw = target(params, seed)
        except Exception as err:
            raise SweepTaskError(task, params, seed, err, "", rows) from err
        try:
            rows.append((task, seed, _normalize_output(raw, target.output)))
        except Exception as err:
            err.add_note(f"in sweep task {task}: parameters {params}, seed {seed}")
            raise
    return rows


# -- worker processes -----------------------------------------------------------------------------
_WORKER_JOB: list[Job] = []
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_WATCH_SECONDS = 0.25  # a worker checks this often that its parent is alive


def _worker_init(payload: bytes, parent: int) -> None:
    """In each worker process: leave Ctrl-C to the parent, and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - the watchdog still runs
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _WORKER_JOB.append(pickle.loads(payload))


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def _worker_chunk(tasks: NDArray[np.intp]) -> list[Row]:
    return _job_chunk(_WORKER_JOB[0], tasks)


def _dumps(job: Job) -> bytes:
    try:
        import cloudpickle
    except ImportError:
        from joblib.externals import cloudpickle
    return bytes(cloudpickle.dumps(job))


def _salvaged(exc: BaseException) -> list[Row]:
    """The finished rows a failed chunk carries (a SweepTaskError keeps them), taken once."""
    if isinstance(exc, SweepTaskError) and exc.rows:
        rows, exc.rows = exc.rows, []
        return rows
    return []


def _stop(pool: Any, processes: list[Any], graceful: bool) -> None:
    """Stop the pool's workers: wait for idle ones, terminate busy ones."""
    pool.shutdown(wait=graceful, kill_workers=not graceful)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=2)
        if proc.is_alive():  # pragma: no cover - slow to end under load
            with contextlib.suppress(ProcessLookupError):  # loky's Popen has no kill()
                os.kill(proc.pid, signal.SIGKILL)
            proc.join()


def _normalize_output(raw: Any, default: str) -> dict[str, Any]:
    items = raw.items() if isinstance(raw, Mapping) else [(default, raw)]
    out: dict[str, Any] = {}
    for key, value in items:
        if not isinstance(key, str) or not key:
            raise InvalidTypeError(f"the target returned a dict with key {key!r}: keys must "
                                   "be non-empty strings (they name the columns)")
        out[key] = _normalize_number(value, key)
    if not out:
        raise InvalidTypeError("the target returned an empty dict: return at least one number")
    return out


def _normalize_number(v: Any, key: str) -> bool | int | float | Fraction:
    if type(v) in _PLAIN:  # already what it would become (no ABC checks: 10**6 tasks)
        return v
    if isinstance(v, np.ndarray) and v.ndim == 0:
        v = v[()]
    if (not isinstance(v, numbers.Number) and hasattr(v, "exact")
            and hasattr(type(v), "__float__")):
        # A result object (``CriticalDiscount``): its float, plus its exact value when that
        # is rational, the same columns a bare Fraction gives.
        if v.exact is not None:
            exact = _normalize_number(v.exact, key)
            if isinstance(exact, (int, Fraction)) and not isinstance(exact, bool):
                return Fraction(exact)
        return float(v)
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Rational):
        return Fraction(int(v.numerator), int(v.denominator))
    if isinstance(v, numbers.Real):
        return float(v)
    try:  # sympy numbers and the like
        if getattr(v, "is_Rational", False):
            return Fraction(int(v.p), int(v.q))
        if getattr(v, "is_real", False) and getattr(v, "is_number", False):
            return float(v)
    except (TypeError, ValueError, AttributeError):
        pass
    raise InvalidTypeError(
        f"the target returned {v!r} of type {type(v).__name__} for {key!r}: a sweep target "
        "returns a number or a dict of numbers"
    )


def check_outputs(rows: list[Row], expected: tuple[str, ...] | None,
                  reserved: frozenset[str]) -> tuple[str, ...] | None:
    """The output names of ``rows``, checked against those of earlier tasks."""
    for task, _, out in rows:
        keys = tuple(out)
        if expected is None:
            clash = sorted(set(keys) & reserved)
            clash += sorted(k for k in keys if k.endswith("_exact") and k[:-6] in keys)
            if clash:
                raise InvalidArgumentError(
                    f"the target's output names {clash} clash with the table's columns (the "
                    "grid parameters, 'repeat', 'seed', '<output>_exact'): rename them")
            expected = keys
        elif set(keys) != set(expected):
            raise InvalidTypeError(
                f"task {task} returned the keys {sorted(keys)}, earlier tasks "
                f"{sorted(expected)}: every task must return the same outputs"
            )
    return expected


@dataclass(frozen=True)
class Job:
    """What a worker needs to run any task of a sweep: the target, the root seed, the
    grid's points and ``repeats`` (sent to each worker once, not with every chunk)."""

    target: Target
    seed: int
    repeats: int
    points: dict[str, NDArray[np.object_]]
    names: tuple[str, ...]

    def payload(self, tasks: NDArray[np.intp]) -> list[tuple[int, dict[str, Any]]]:
        """The tasks' indices and parameters."""
        cols = [self.points[n] for n in self.names]
        out = []
        for t in tasks.tolist():
            p = t // self.repeats
            out.append((t, {n: c[p] for n, c in zip(self.names, cols, strict=True)}))
        return out


class Runner:
    """Splits the missing tasks into chunks and runs them on a backend."""

    def __init__(self, target: Target, seed: int, repeats: int,
                 points: dict[str, NDArray[np.object_]], names: tuple[str, ...]) -> None:
        self.target, self.seed, self.repeats = target, seed, repeats
        self.points, self.names = points, names
        self.job = Job(target, seed, repeats, points, names)
        self.reserved = frozenset(names) | frozenset(_RESERVED)
        self.leftover: list[list[Row]] = []  # finished when the run was interrupted

    def payload(self, tasks: NDArray[np.intp]) -> list[tuple[int, dict[str, Any]]]:
        return self.job.payload(tasks)

    def execute(self, todo: NDArray[np.intp], backend: str, workers: int, client: Any,
                chunk_size: int | None) -> Generator[list[Row], None, None]:
        if backend == "serial":
            yield from self._serial(todo, chunk_size)
            return
        start = 0
        if chunk_size is None:  # time a few tasks here, then size the chunks from that
            cap = max(1, len(todo) // (workers * _CHUNKS_PER_WORKER * 2))
            start, per_task = yield from self._pilot(todo[:cap])
            chunk_size = _auto_chunk(per_task, len(todo) - start, workers)
        rest = todo[start:]
        chunks = [rest[i:i + chunk_size] for i in range(0, len(rest), chunk_size)]
        if not chunks:
            return
        if backend == "processes":
            yield from self._processes(chunks, workers)
        else:
            yield from self._dask(chunks, workers, client)

    def _timed(self, chunk: NDArray[np.intp]) -> tuple[list[Row], float]:
        t0 = time.perf_counter()
        rows = run_chunk(self.target, self.seed, self.payload(chunk))
        return rows, (time.perf_counter() - t0) / len(chunk)

    def _serial(self, todo: NDArray[np.intp], chunk_size: int | None) -> Iterator[list[Row]]:
        """Chunks of ``chunk_size``, or growing from one task (the first call may be slow)."""
        i, size = 0, chunk_size or 1
        while i < len(todo):
            chunk = todo[i:i + size]
            rows, per_task = self._timed(chunk)
            i += len(chunk)
            yield rows
            if chunk_size is None:
                size = min(_auto_chunk(per_task, len(todo) - i, 1), _GROWTH * size)

    def _pilot(self, tasks: NDArray[np.intp]) -> Generator[list[Row], None, tuple[int, float]]:
        """Run chunks of 1, 1, 2, 4 ... tasks here until those after the first (which pays
        for imports and caches) took a moment; return the count and the time per task of the
        last chunk."""
        i, size, per_task, spent = 0, 1, 0.0, 0.0
        while i < len(tasks):
            chunk = tasks[i:i + size]
            rows, per_task = self._timed(chunk)
            if i > 0:
                spent += per_task * len(chunk)
                size *= 2
            i += len(chunk)
            yield rows
            if spent >= _PILOT_SECONDS:
                break
        return i, per_task

    def _processes(self, chunks: list[NDArray[np.intp]], workers: int
                   ) -> Iterator[list[Row]]:
        """Local worker processes (loky's, spawned); each chunk is
        yielded, to be committed, as soon as it is done; on an error in the target the
        chunks still running are finished and yielded first; on an interruption the finished
        ones are left in ``self.leftover`` and every worker is stopped."""
        from concurrent.futures import FIRST_COMPLETED, Future, wait

        from joblib.externals.loky.process_executor import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)),
                                   initializer=_worker_init,
                                   initargs=(_dumps(self.job), os.getpid()))
        todo = iter(chunks)
        running: set[Future[list[Row]]] = set()
        error: BaseException | None = None
        graceful = False
        try:
            for chunk in todo:
                running.add(pool.submit(_worker_chunk, chunk))
                if len(running) >= 2 * workers:
                    break
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=id):
                    exc = fut.exception()
                    if exc is None:
                        rows = fut.result()
                        running.discard(fut)
                        yield rows
                    else:
                        running.discard(fut)
                        error = error or exc
                        if rows := _salvaged(exc):
                            yield rows
                if error is None:
                    for chunk in todo:
                        running.add(pool.submit(_worker_chunk, chunk))
                        if len(running) >= 2 * workers:
                            break
            if error is not None:
                raise error
            graceful = True
        except BaseException:
            self.leftover = [f.result() for f in running
                             if f.done() and not f.cancelled() and f.exception() is None]
            raise
        finally:
            _stop(pool, list((getattr(pool, "_processes", None) or {}).values()), graceful)

    def _dask(self, chunks: list[NDArray[np.intp]], workers: int, client: Any
              ) -> Iterator[list[Row]]:
        """A Dask cluster: the job (target, seed, grid) is scattered to every worker once,
        and a chunk is sent as its array of task indices (nothing per task to serialize or
        for Dask to traverse); at most two chunks per worker are in flight, each yielded
        as it completes. On an error in the target the running chunks are finished and
        yielded first; on an interruption the finished ones are left in ``self.leftover``.
        """
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if client is None:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
        todo = iter(chunks)
        running: set[Any] = set()
        error: BaseException | None = None
        try:
            job = client.scatter(self.job, broadcast=True, hash=False)
            queue = as_completed()

            def submit() -> None:
                for chunk in todo:
                    fut = client.submit(_job_chunk, job, chunk, pure=False)
                    running.add(fut)
                    queue.add(fut)
                    if len(running) >= 2 * workers:
                        break

            submit()
            for fut in queue:
                running.discard(fut)
                if fut.status == "finished":
                    rows = fut.result()
                    fut.release()
                    yield rows
                else:
                    exc = fut.exception()
                    fut.release()
                    error = error or exc
                    if rows := _salvaged(exc):
                        yield rows
                if error is None:
                    submit()
            if error is not None:
                raise error
        except BaseException:
            self.leftover = []
            for fut in running:
                try:
                    if fut.status == "finished":
                        self.leftover.append(fut.result())
                except Exception:  # pragma: no cover - lost with its worker
                    continue
            raise
        finally:
            if running:
                client.cancel(list(running))
            if cluster is not None:
                client.close()
                cluster.close()


def _job_chunk(job: Job, tasks: NDArray[np.intp]) -> list[Row]:
    """Run the tasks of one chunk of ``job`` (in a Dask worker)."""
    return run_chunk(job.target, job.seed, job.payload(tasks))


# -- SIGTERM ---------------------------------------------------------------------------------------
class Terminated(BaseException):
    """SIGTERM during a sweep, raised so that the finished chunks are stored and the
    workers stopped before the process ends as SIGTERM would have ended it."""


class Terminable:
    """Turn SIGTERM into :class:`Terminated` for the duration (main thread, default
    handler only), then deliver it again once the sweep has cleaned up."""

    def __enter__(self) -> None:
        self.installed = (threading.current_thread() is threading.main_thread()
                          and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
        if self.installed:
            signal.signal(signal.SIGTERM, self._raise)

    @staticmethod
    def _raise(signum: int, frame: object) -> None:
        raise Terminated(signum)

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if self.installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if isinstance(exc, Terminated):
                os.kill(os.getpid(), signal.SIGTERM)


def _auto_chunk(per_task: float, n_todo: int, workers: int) -> int:
    by_time = int(_CHUNK_SECONDS / max(per_task, 1e-7))
    size = min(by_time, _MAX_CHUNK)
    if workers > 1:
        size = min(size, math.ceil(n_todo / (workers * _CHUNKS_PER_WORKER)))
    return max(1, size)


# -- progress -------------------------------------------------------------------------------------
class Progress:
    """tqdm if installed, else a counter on stderr; ``enabled=None`` waits two seconds."""

    def __init__(self, total: int, initial: int, enabled: bool | None) -> None:
        self.total, self.count, self.enabled = total, initial, enabled
        self.t0 = time.monotonic()
        self.last = 0.0
        self.bar: Any = None
        self.shown = False
        if enabled is False:
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return
        self.bar = tqdm(total=total, initial=initial, unit="task", desc="sweep",
                        delay=0 if enabled else _PROGRESS_DELAY, dynamic_ncols=True)

    def __enter__(self) -> Progress:
        return self

    def update(self, n: int) -> None:
        self.count += n
        if self.bar is not None:
            self.bar.update(n)
            return
        if self.enabled is False:
            return
        now = time.monotonic()
        waited = now - self.t0 >= (0 if self.enabled else _PROGRESS_DELAY)
        if waited and (now - self.last >= 0.5 or self.count == self.total):
            self.last, self.shown = now, True
            sys.stderr.write(f"\rsweep: {self.count}/{self.total} tasks "
                             f"({100 * self.count / max(self.total, 1):.0f}%)")
            sys.stderr.flush()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
