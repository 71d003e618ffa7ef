"""The errors of a sweep: a damaged store, a target that failed on a task."""

from __future__ import annotations

from typing import Any

from ..errors import InvalidArgumentError, MultilateralError


class CorruptStoreError(InvalidArgumentError):
    """A sweep store failed its integrity check (SQLite's, or a chunk's checksum).

    Nothing is written to a damaged store. The message names what failed and how to recover
    the intact chunks: :func:`multilateral.sweeps.salvage_store` copies every chunk whose
    checksum verifies into a new store, then the same sweep computes only the lost tasks.

    See Also
    --------
    multilateral.sweeps.salvage_store : recover the intact chunks.
    multilateral.sweeps.sweep : raises it.
    """


class SweepTaskError(MultilateralError, RuntimeError):
    """The target raised an exception on one task of a sweep.

    The message names the task, its parameters and seed, and the store holding the finished
    chunks; the target's exception is chained (``__cause__``) and kept as :attr:`error`.
    Fix the target and run the same sweep again: only the missing tasks are computed (after
    a change to the target's code, with ``resume="ignore_code_change"``).

    Attributes
    ----------
    task : int
        The task's index in the sweep's table.
    parameters : dict
        The grid point of the task.
    seed : int or None
        The seed given to the target (``None`` if it takes none).
    error : BaseException
        What the target raised.

    See Also
    --------
    multilateral.sweeps.sweep : raises it.
    """

    def __init__(self, *args: Any) -> None:
        # (task, parameters, seed, error[, where[, rows]]): built by the sweep, not by users
        task, parameters, seed, error, where, rows = (*args, "", ())[:6]
        self.task, self.parameters, self.seed, self.error = task, parameters, seed, error
        self.where = where
        self.rows = list(rows)  # the chunk's tasks finished before this one
        super().__init__(
            f"sweep task {task} (parameters {parameters}, seed {seed}) failed: the target "
            f"raised {type(error).__name__}: {error}{where}")

    def __reduce__(self) -> tuple[Any, ...]:  # pickled from worker processes
        return (type(self), (self.task, self.parameters, self.seed, self.error, self.where,
                             self.rows))


for _cls in (CorruptStoreError, SweepTaskError):
    _cls.__module__ = "multilateral.sweeps"
