"""One exception hierarchy for the whole library.

Every error the library raises on purpose is a :class:`MultilateralError`, and also a
:class:`ValueError` or :class:`TypeError` where that is what it is, so callers can catch
either the library's own class or the builtin one.

Examples
--------
>>> import multilateral as ml
>>> try:
...     ml.NormalFormGame([[1, 2], [3]])
... except ml.errors.InvalidPayoffsError as err:
...     print(isinstance(err, ml.errors.MultilateralError), isinstance(err, ValueError))
True True
"""

from __future__ import annotations

from typing import Any

from ._namespace import public_dir

__all__ = [
    "CorruptStoreError",
    "DegenerateGameError",
    "InvalidArgumentError",
    "InvalidGameError",
    "InvalidPayoffsError",
    "InvalidProbabilityError",
    "InvalidTypeError",
    "MalformedFileError",
    "MissingDependencyError",
    "MultilateralError",
    "NotIdentifiedError",
    "SolverError",
    "SweepTaskError",
    "UnknownKeyError",
]
__dir__ = public_dir(__all__)


class MultilateralError(Exception):
    """Base class of every error raised on purpose by ``multilateral``.

    See Also
    --------
    InvalidArgumentError : a bad value.
    InvalidTypeError : a bad type.
    SolverError : no verified answer.
    """


class InvalidArgumentError(MultilateralError, ValueError):
    """An argument has the right type but a value outside what is expected.

    See Also
    --------
    InvalidTypeError : the wrong type rather than a bad value.
    """


class InvalidGameError(InvalidArgumentError):
    """A game's definition is inconsistent (shapes, labels, numbers of players or actions).

    See Also
    --------
    InvalidPayoffsError : bad payoffs in particular.
    """


class InvalidPayoffsError(InvalidGameError):
    """Payoffs are ragged, wrongly shaped, non-numeric, or not finite.

    See Also
    --------
    InvalidGameError : any inconsistent game.
    """


class InvalidProbabilityError(InvalidArgumentError):
    """A probability or mixed strategy is negative, not finite, or does not sum to one.

    See Also
    --------
    InvalidArgumentError : any bad value.
    """


class InvalidTypeError(MultilateralError, TypeError):
    """An argument has the wrong type (e.g. a list where a game is expected).

    See Also
    --------
    InvalidArgumentError : the right type with a bad value.
    """


class UnknownKeyError(InvalidArgumentError, KeyError):
    """A label or key that is not among the known ones (e.g. a member a power index lacks).

    Also a :class:`KeyError`, so ``except KeyError`` and ``dict``-like code keep working; the
    message names the known keys.

    See Also
    --------
    multilateral.solvers.PowerIndex : raises it for an unknown member.
    """

    def __str__(self) -> str:  # the message as written, not KeyError's quoted repr
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class MalformedFileError(InvalidArgumentError):
    """A game file (e.g. Gambit ``.nfg``) cannot be parsed; the message names the line.

    See Also
    --------
    multilateral.io.read_nfg : raises it.
    """


class MissingDependencyError(MultilateralError, ImportError):
    """An optional dependency (an extra such as ``plot``) is not installed.

    See Also
    --------
    multilateral.plot : needs the plot extra.
    """


class NotIdentifiedError(InvalidArgumentError):
    """The data do not identify a model's parameters: a fit has no standard errors.

    Raised by every maximum-likelihood fit whose Hessian is singular or not positive
    definite (collinear regressors, a constant in a utility the model normalizes to zero,
    perfect prediction); the message names the parameters involved.

    See Also
    --------
    multilateral.estimation.maximize_likelihood : raises it.
    """


class SolverError(MultilateralError, RuntimeError):
    """A solver could not produce a verified answer.

    See Also
    --------
    DegenerateGameError : a degenerate game in particular.
    """


class DegenerateGameError(SolverError, ValueError):
    """The requested algorithm needs a nondegenerate game and this one is degenerate.

    See Also
    --------
    multilateral.solvers.support_enumeration : handles degenerate games.
    """


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
