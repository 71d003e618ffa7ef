"""Parameter sweeps over any model or function, durable and resumable, on one core or many.

:func:`sweep` evaluates a target (a function, or a model class and one of its methods) at
every point of a parameter grid, ``repeats`` times each, and returns the results as a table
(:class:`SweepResult`). The grid is full factorial (every combination of the listed values)
or, with ``sample=k``, ``k`` points of a Latin hypercube over ``(low, high)`` ranges.

Every task (one point, one repetition) has its own seed, child ``i`` of
``numpy.random.SeedSequence(seed).spawn(n_tasks)``, passed to the target as an ``int`` if it
takes a ``seed`` argument. A result therefore depends only on the sweep's arguments and the
task, never on how the tasks are grouped in chunks or which backend runs them:

- ``backend="serial"`` (default): in this process;
- ``backend="processes"``: local worker processes through joblib (``n_jobs`` of them; the
  ``parallel`` extra);
- ``backend="dask"``: a ``dask.distributed`` cluster, a new ``LocalCluster`` by default or any
  existing cluster through ``client=`` (the ``dask`` extra).

Tasks are sent in chunks (a chunk is sized to take about half a second, unless
``chunk_size`` is given), because scheduling one small simulation costs more than running it.
Each finished chunk is written to an on-disk store in one SQLite transaction (write-ahead
log, ``synchronous=FULL``) with the SHA-256 of its results, so it is durable and checked:
a sweep killed at any moment and started again with the same arguments and the same store
computes only the tasks that are missing, and returns exactly the table an uninterrupted
run returns. By default the store is ``./.multilateral-sweeps/<target>-<hash>.sqlite``,
named from a hash of the sweep's identity (the target's qualified name, the grid,
``repeats``, ``seed`` and ``sample``; the version of its code is stored in the file); the
path is :attr:`SweepResult.store`. A store that holds another sweep is refused with an
error and never written to, as is a damaged one (:func:`salvage_store` recovers its intact
chunks) or an old one (:func:`migrate_store` converts it); ``store=False`` keeps the results
in memory only.

The target returns a number or a dict of numbers (one column each). Integers and booleans
stay integers and booleans; exact rationals (:class:`fractions.Fraction`) are stored as a
float column plus a text column ``<name>_exact`` holding the exact value (``"7/27"``;
``Fraction(text)`` gives it back), which is empty (``None``) in the rows whose value was a
float. A result object with a float value and an ``exact`` field, such as the
:class:`~multilateral.results.CriticalDiscount` the models return, is stored the same way:
its float (``float(result)``) and, when ``result.exact`` is rational, its exact text.

Examples
--------
Oye's critical discount factor of conditional cooperation over group sizes and multipliers:

>>> import multilateral as ml
>>> from multilateral.models import ConditionalCooperation
>>> res = ml.sweep((ConditionalCooperation, "critical_discount"),
...                {"n": [3, 10, 100], "r": [2, 3]}, store=False)
>>> res
SweepResult(6 tasks: n, r -> critical_discount; in memory)
>>> res.parameters["n"], res.parameters["r"]
(array([  3,   3,  10,  10, 100, 100]), array([2, 3, 2, 3, 2, 3]))
>>> res.values["critical_discount"].round(3)
array([0.25 , 0.   , 0.444, 0.259, 0.495, 0.327])
>>> res.values["critical_discount_exact"][:3]
array(['1/4', '0', '4/9'], dtype=object)

A simulation with a seed per task: the mean payoff of noisy win-stay-lose-shift against
tit-for-tat, 20 matches per noise level:

>>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
>>> def match(noise, seed):
...     m = ml.simulate.play_matches(pd, ml.automata.win_stay_lose_shift(),
...                                  ml.automata.tit_for_tat(), turns=50, noise=noise,
...                                  seed=seed)
...     return {"wsls": m.mean_payoff[0], "tft": m.mean_payoff[1]}
>>> res = ml.sweep(match, {"noise": [0.0, 0.1]}, repeats=20, seed=1, store=False)
>>> len(res), sorted(res.values)
(40, ['tft', 'wsls'])
>>> float(res.values["wsls"][:20].mean()), round(float(res.values["wsls"][20:].mean()), 2)
(3.0, 2.28)

References
----------
.. [1] McKay, M. D., Beckman, R. J. and Conover, W. J. (1979). A comparison of three methods
   for selecting values of input variables in the analysis of output from a computer code.
   *Technometrics* 21(2), 239-245 (Latin hypercube sampling).
.. [2] O'Neill, M. E. (2015). PCG: a family of simple fast space-efficient statistically good
   algorithms for random number generation. Harvey Mudd College, HMC-CS-2014-0905 (the
   seeding scheme behind ``numpy.random.SeedSequence``).
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import readonly
from .._validation import check_positive_int
from ..errors import (
    InvalidArgumentError,
    InvalidTypeError,
    MissingDependencyError,
    MultilateralError,
    SweepTaskError,
)
from ._grid import encode_value, make_grid, object_array
from ._run import Backend, Progress, Runner, Terminable, check_backend, check_outputs, check_seed
from ._store import FORMAT, Store, migrate, salvage, store_path
from ._target import digest, make_target

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

__all__ = ["SweepResult", "migrate_store", "salvage_store", "sweep"]
__dir__ = public_dir(__all__)

#: A column of a sweep's table: booleans, ``int64``, ``float64``, text, or ``object`` (exact
#: rationals and mixed values).
Column: TypeAlias = (NDArray[np.bool_] | NDArray[np.int64] | NDArray[np.float64]
                     | NDArray[np.str_] | NDArray[np.object_])


# -- the result table -----------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class SweepResult:
    """The table of a finished sweep: one row per task, in task order.

    Task ``i`` is repetition ``i % repeats`` of grid point ``i // repeats``; the points are in
    the order of the grid (full factorial: the last parameter varies fastest).

    Attributes
    ----------
    parameters : mapping of str to numpy.ndarray
        One column per grid parameter, in the grid's order (integers as ``int64``, other
        numbers as ``float64``, exact rationals and mixed values as ``object``).
    repeat : numpy.ndarray of int64
        The repetition of each task, ``0 .. repeats - 1``.
    seed : numpy.ndarray of int64 or None
        The seed passed to the target (``None`` when the target takes no ``seed``); calling
        the target with a row's parameters and seed reproduces the row.
    values : mapping of str to numpy.ndarray
        One column per output (``"value"`` for a target that returns a number, the method's
        name for a ``(model, method)`` target, the keys of a returned dict), plus
        ``<name>_exact`` (text, ``None`` where inexact) for an output that has exact rationals.
    store : pathlib.Path or None
        The SQLite store holding the results (``None``: kept in memory).
    n_computed : int
        Tasks computed by this call; the others were already in the store.

    See Also
    --------
    sweep : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> res = ml.sweep(lambda a: a * a, {"a": [1, 2, 3]}, store=False)
    >>> len(res), list(res.columns), res.values["value"].tolist()
    (3, ['a', 'repeat', 'value'], [1, 4, 9])
    """

    parameters: Mapping[str, Column]
    repeat: NDArray[np.int64]
    seed: NDArray[np.int64] | None
    values: Mapping[str, Column]
    store: Path | None
    n_computed: int

    def __len__(self) -> int:
        return len(self.repeat)

    @property
    def columns(self) -> dict[str, Column]:
        """All columns in table order: parameters, ``repeat``, ``seed``, outputs."""
        cols: dict[str, Column] = dict(self.parameters)
        cols["repeat"] = self.repeat
        if self.seed is not None:
            cols["seed"] = self.seed
        cols.update(self.values)
        return cols

    def to_frame(self) -> pd.DataFrame:
        """The table as a :class:`pandas.DataFrame`, one row per task.

        Raises
        ------
        MissingDependencyError
            If pandas is not installed (``pip install 'multilateral[frame]'``).
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependencyError(
                "SweepResult.to_frame needs pandas: pip install 'multilateral[frame]' "
                "(or pandas); SweepResult.columns gives the same table as numpy arrays"
            ) from None
        return pd.DataFrame(self.columns)

    def to_parquet(self, path: str | os.PathLike[str]) -> Path:
        """Write the table to a Parquet file (exact rationals as text) and return its path.

        Raises
        ------
        MissingDependencyError
            If pyarrow is not installed (``pip install 'multilateral[frame]'``).
        """
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingDependencyError(
                "SweepResult.to_parquet needs pyarrow: pip install 'multilateral[frame]' "
                "(or pyarrow)"
            ) from None
        arrays = {}
        for name, col in self.columns.items():
            if col.dtype == object:
                col = np.array([_text(v) for v in col], dtype=object)
            arrays[name] = pa.array(col)
        out = Path(path)
        pq.write_table(pa.table(arrays), out)
        return out

    def __repr__(self) -> str:
        where = "in memory" if self.store is None else f"store={str(self.store)!r}"
        outputs = [k for k in self.values if not k.endswith("_exact")]
        return (f"SweepResult({len(self)} tasks: {', '.join(self.parameters) or '-'} -> "
                f"{', '.join(outputs)}; {where})")


def _text(v: object) -> str | None:
    return None if v is None else str(v)


# -- the public function --------------------------------------------------------------------------
def sweep(
    target: Callable[..., object] | tuple[object, str],
    grid: Mapping[str, Iterable[object]],
    *,
    repeats: int = 1,
    seed: int = 0,
    sample: int | None = None,
    backend: Backend = "serial",
    n_jobs: int | None = None,
    client: Client | None = None,
    chunk_size: int | None = None,
    store: str | os.PathLike[str] | Literal[False] | None = None,
    progress: bool | None = None,
    resume: Literal["same_code", "ignore_code_change"] = "same_code",
) -> SweepResult:
    """Evaluate ``target`` over a parameter grid, durably, on any backend.

    Parameters
    ----------
    target : callable or tuple
        A function called with one point's parameters as keyword arguments (plus ``seed=``,
        an ``int``, if it has a ``seed`` parameter), returning a number or a dict of numbers.
        Or ``(Model, "method")``: the grid's parameters that ``Model`` takes build the model,
        the others go to the method (a property is read). ``Model`` may also be a dataclass
        instance, whose fields the grid overrides (:func:`dataclasses.replace`), so fixed
        parameters need not be in the grid. ``seed`` goes to the method if it takes one, else
        to the constructor.
    grid : mapping of str to values
        Full factorial (``sample=None``): each parameter maps to a sequence of values (list,
        tuple, range or 1-D array), and every combination is a point, the last parameter
        varying fastest. Sampled (``sample=k``): a parameter maps to a ``(low, high)``
        tuple, a range sampled uniformly (integers in ``[low, high]`` if both bounds are
        integers, floats in ``[low, high)`` otherwise), or to a list of choices. Values are
        numbers, strings, booleans, ``None`` or tuples of them: to sweep over objects, sweep
        over their names and look them up in the target.
    repeats : int, default 1
        Tasks per point, each with its own seed.
    seed : int, default 0
        Root seed (>= 0). Task ``i`` gets child ``i`` of
        ``numpy.random.SeedSequence(seed).spawn(n_tasks)``, as an integer in
        ``[0, 2**63)``; a sampled grid is drawn with ``numpy.random.default_rng(seed)``.
    sample : int, optional
        Draw this many points of a Latin hypercube (:class:`scipy.stats.qmc.LatinHypercube`)
        instead of the full factorial grid.
    backend : {"serial", "processes", "dask"}
        Where tasks run: this process; ``n_jobs`` local processes (joblib); a Dask cluster.
        Every backend gives the same table.
    n_jobs : int, optional
        Worker processes (``"processes"``) or workers of the new ``LocalCluster``
        (``"dask"`` without ``client``); default: the number of CPUs.
    client : dask.distributed.Client, optional
        Run on this existing cluster (``backend="dask"``); it is left open.
    chunk_size : int, optional
        Tasks per chunk; by default chunks are sized from a measurement to take about half a
        second (and to give every worker several chunks). Chunking never changes results.
    store : path, False or None
        The SQLite file (or a directory to put it in) where finished chunks are written and
        from which a rerun resumes. ``None``: ``./.multilateral-sweeps/<target>-<hash>.sqlite``
        named from the sweep's identity. ``False``: memory only, nothing to resume.
    progress : bool, optional
        Show a progress bar (tqdm if installed, else a counter on stderr). ``None``: only once
        the sweep has run for two seconds.
    resume : {"same_code", "ignore_code_change"}
        What to do with a store holding results computed by another version of the
        target's code: refuse (``"same_code"``), or keep them and compute the missing tasks
        with the current code (``"ignore_code_change"``).

    Returns
    -------
    SweepResult

    Raises
    ------
    InvalidArgumentError
        A parameter the target does not take (the message lists those it takes), an empty
        range or value list, a bad option, or a store that holds another sweep (changed
        grid, seed, repeats or target): the store is left untouched.
    InvalidTypeError
        A target that is not callable, a grid value of an unsupported type, or a target that
        returns something other than a number or dict of numbers.
    MissingDependencyError
        ``backend="processes"`` without joblib, ``backend="dask"`` without dask.distributed.
    CorruptStoreError
        A store that fails its integrity check (SQLite's ``quick_check``, the header's or a
        chunk's SHA-256); the message says how to recover the intact chunks
        (:func:`salvage_store`).
    SweepTaskError
        The target raised an exception: the message names the task, its parameters and seed
        and where the finished tasks are stored; the exception is chained.

    See Also
    --------
    SweepResult : the table it returns.
    multilateral.simulate.play_matches : a seeded simulation to sweep over.
    multilateral.models.ConditionalCooperation : a model to sweep over.

    Notes
    -----
    An exception raised by the target stops the sweep after every finished chunk (and the
    failing chunk's tasks that ran before it) is stored, with a
    :class:`~multilateral.errors.SweepTaskError`.

    A sweep's identity is the target's qualified name (and bound values), the grid,
    ``repeats``, ``seed`` and ``sample``; the version of the target's code (a digest of its
    bytecode) is stored beside each run. A store whose results another version computed is
    refused unless ``resume="ignore_code_change"``, so old and new results never mix
    silently; global state the function reads is not part of the version.

    On ``"processes"`` and ``"dask"`` each chunk is stored as its worker returns it; SIGINT
    or SIGTERM stores the returned chunks and stops the workers before the process ends;
    the ``"processes"`` workers end by themselves if the sweep's process dies.

    Examples
    --------
    >>> import multilateral as ml
    >>> import numpy as np
    >>> def f(a, b, seed):
    ...     return a * b + np.random.default_rng(seed).random()
    >>> res = ml.sweep(f, {"a": range(3), "b": [10, 20]}, repeats=2, store=False)
    >>> res.parameters["a"], res.repeat[:4]
    (array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), array([0, 1, 0, 1]))
    >>> res.values["value"].shape
    (12,)

    A grid that names a parameter the target lacks is refused before anything runs:

    >>> ml.sweep(f, {"a": [1], "c": [2]}, store=False)
    Traceback (most recent call last):
    ...
    multilateral.errors.InvalidArgumentError: unknown parameter 'c' for f: its parameters are a, b
    """
    tgt = make_target(target)
    repeats = check_positive_int(repeats, "repeats")
    seed = check_seed(seed)
    if sample is not None:
        sample = check_positive_int(sample, "sample")
    spec = make_grid(grid, tgt, sample)
    workers = check_backend(backend, n_jobs, client)
    if chunk_size is not None:
        chunk_size = check_positive_int(chunk_size, "chunk_size")
    if progress is not None and not isinstance(progress, bool):
        raise InvalidTypeError(f"progress must be True, False or None, got {progress!r}")

    if resume not in ("same_code", "ignore_code_change"):
        raise InvalidArgumentError(
            f"resume must be 'same_code' or 'ignore_code_change', got {resume!r}")

    points = spec.points(seed)
    n_points = len(next(iter(points.values()))) if points else 1
    n_tasks = n_points * repeats
    identity: dict[str, Any] = {
        "format": FORMAT,
        "target": tgt.identity,
        "grid": spec.identity,
        "sample": sample,
        "repeats": repeats,
        "seed": seed,
    }
    if sample is not None:  # the drawn points, in case scipy's sampler ever changes
        identity["points"] = digest(json.dumps(
            {k: [encode_value(v) for v in col] for k, col in points.items()}))
    ident_json = json.dumps(identity, sort_keys=True)
    path = store_path(store, tgt.label, digest(ident_json))

    runner = Runner(tgt, seed, repeats, points, tuple(spec.names))
    with Store(path) as db:
        db.attach(identity, ident_json, n_tasks, tgt.code, resume)
        outputs = db.output_names()
        todo = np.flatnonzero(~db.done_mask(n_tasks))
        n_computed = 0
        if len(todo):
            run = db.new_run(backend, len(todo), tgt.code)
            with Progress(n_tasks, n_tasks - len(todo), progress) as bar, Terminable():
                chunks = runner.execute(todo, backend, workers, client, chunk_size)
                try:
                    for rows in chunks:
                        outputs = check_outputs(rows, outputs, runner.reserved)
                        db.commit(rows, run)
                        n_computed += len(rows)
                        bar.update(len(rows))
                except SweepTaskError as err:
                    chunks.close()
                    for rows in [err.rows, *runner.leftover]:
                        if rows:
                            outputs = check_outputs(rows, outputs, runner.reserved)
                            db.commit(rows, run)
                            n_computed += len(rows)
                    raise _failed(err, n_tasks - len(todo) + n_computed, n_tasks,
                                  path) from err.error
                except BaseException:  # interrupted: stop the workers, store what finished
                    chunks.close()
                    for rows in runner.leftover:
                        try:
                            outputs = check_outputs(rows, outputs, runner.reserved)
                        except MultilateralError:
                            break
                        db.commit(rows, run)
                    raise
        table = db.load(n_tasks)
    return _result(runner, points, repeats, table, path, n_computed)


def salvage_store(path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None
                  ) -> Path:
    """Recover the intact chunks of a damaged sweep store into a new store.

    Every chunk of a store carries the SHA-256 of its results. This reads a copy of the
    damaged file (which is never written), keeps each chunk whose results are readable and
    match their checksum, and writes them, with the sweep's identity, to a new store. By
    default the damaged file is renamed ``<path>.damaged`` and the new store takes its
    place, so running the same sweep again computes only the lost tasks.

    Parameters
    ----------
    path : path
        The damaged store (the path a :class:`~multilateral.errors.CorruptStoreError` names).
    out : path, optional
        Write the new store here instead (a new file), leaving ``path`` where it is.

    Returns
    -------
    pathlib.Path
        The new store.

    Raises
    ------
    CorruptStoreError
        If the store's header (which sweep it holds) cannot be read or fails its checksum:
        then nothing can be salvaged, and the store must be deleted.
    InvalidArgumentError
        If there is no file at ``path``, or ``out`` exists.

    See Also
    --------
    sweep : refuses a damaged store with a :class:`~multilateral.errors.CorruptStoreError`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import multilateral as ml
    >>> store = Path(tempfile.mkdtemp()) / "squares.sqlite"
    >>> res = ml.sweep(lambda a: a * a, {"a": range(6)}, chunk_size=2, store=store)
    >>> data = bytearray(store.read_bytes())
    >>> data[data.rfind(b'{"value": 25}') + 11] = ord("7")  # 25 becomes 27 on disk
    >>> _ = store.write_bytes(bytes(data))
    >>> ml.sweep(lambda a: a * a, {"a": range(6)}, chunk_size=2, store=store)
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    multilateral.errors.CorruptStoreError: the sweep store ... has 1 chunk(s) whose ...
    >>> ml.sweeps.salvage_store(store) == store
    True
    >>> res = ml.sweep(lambda a: a * a, {"a": range(6)}, chunk_size=2, store=store)
    >>> res.n_computed, res.values["value"].tolist()
    (2, [0, 1, 4, 9, 16, 25])
    """
    return salvage(Path(path), None if out is None else Path(out))[0]


def migrate_store(path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None
                  ) -> Path:
    """Convert a sweep store of the first format (``multilateral-sweep/1``) to the current one.

    Stores written before checksums and code versions existed are refused by :func:`sweep`
    (their results are never touched). This reads a copy of the old store and writes a new
    one holding the same sweep and every result (checksummed, one chunk per original run),
    with the digest of the target's code moved from the sweep's identity to the stored
    version. The same sweep then resumes from it: if the target's code changed since, with
    ``resume="ignore_code_change"``.

    Parameters
    ----------
    path : path
        The old store (the path the refusal names).
    out : path, optional
        Write the new store here (a new file). By default the old store is kept as
        ``<path>.v1`` and the new one takes its place; a store in the default folder
        (``./.multilateral-sweeps/``) is left where it is and the new one gets the name
        under which ``sweep(..., store=None)`` looks for it.

    Returns
    -------
    pathlib.Path
        The new store.

    Raises
    ------
    InvalidArgumentError
        No file at ``path``, a store of another format, or ``out`` exists.
    CorruptStoreError
        The old store cannot be read.

    See Also
    --------
    sweep : resumes from the new store.
    salvage_store : recovers the intact chunks of a damaged store.
    """
    return migrate(Path(path), None if out is None else Path(out), digest)


def _failed(err: SweepTaskError, n_done: int, n_tasks: int, path: Path | None
            ) -> SweepTaskError:
    if path is None:
        where = (f"; {n_done} of {n_tasks} tasks had finished, kept nowhere (store=False): "
                 "give a store= path to keep finished tasks across a failure")
    else:
        where = (f"; the {n_done} of {n_tasks} tasks finished are stored in {path}: fix the "
                 "target and run the same sweep again to compute only the others (after "
                 "editing the target's code, with resume='ignore_code_change')")
    return SweepTaskError(err.task, err.parameters, err.seed, err.error, where)


# -- assembling the table -------------------------------------------------------------------------
def _result(runner: Runner, points: dict[str, NDArray[np.object_]], repeats: int,
            table: list[tuple[int, int | None, str]], path: Path | None,
            n_computed: int) -> SweepResult:
    n_tasks = len(table)
    point = np.arange(n_tasks) // repeats
    parameters = {name: readonly(_typed(col[point]), dtype=None) for name, col in points.items()}
    repeat = readonly(np.arange(n_tasks, dtype=np.int64) % repeats, dtype=None)
    seeds = None
    if runner.target.seed_to is not None:
        seeds = readonly(np.array([r[1] for r in table], dtype=np.int64), dtype=None)
    decoded = json.loads("[" + ",".join(r[2] for r in table) + "]")  # one call, not 10**6
    values: dict[str, Column] = {}
    for key in (decoded[0] if decoded else {}):
        col = [d[key] for d in decoded]
        values.update({k: readonly(v, dtype=None) for k, v in _output_columns(key, col).items()})
    return SweepResult(
        parameters=types.MappingProxyType(parameters), repeat=repeat, seed=seeds,
        values=types.MappingProxyType(values), store=path, n_computed=n_computed,
    )


def _output_columns(key: str, col: list[Any]) -> dict[str, Column]:
    if all(isinstance(v, bool) for v in col):
        return {key: np.array(col, dtype=bool)}
    if all(isinstance(v, int) and not isinstance(v, bool) for v in col):
        return {key: np.array(col, dtype=np.int64)}
    exact = [Fraction(v) if isinstance(v, str) else v for v in col]
    out: dict[str, Column] = {
        key: np.array([float(v) for v in exact], dtype=np.float64)}
    if any(isinstance(v, str) for v in col):
        out[f"{key}_exact"] = object_array(
            [str(v) if isinstance(v, (Fraction, int)) and not isinstance(v, bool) else None
             for v in exact])
    return out


def _typed(col: NDArray[np.object_]) -> Column:
    """A parameter column with the narrowest fitting dtype (object for exact or mixed)."""
    vals = col.tolist()
    if vals and all(isinstance(v, bool) for v in vals):
        return np.array(vals, dtype=bool)
    if vals and all(isinstance(v, int) and not isinstance(v, bool) and -(2**63) <= v < 2**63
                    for v in vals):
        return np.array(vals, dtype=np.int64)
    if vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return np.array(vals, dtype=np.float64)
    if vals and all(isinstance(v, str) for v in vals):
        return np.array(vals, dtype=str)
    return col.copy()
