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

from ._namespace import public_dir

__all__ = [
    "DegenerateGameError",
    "InvalidArgumentError",
    "InvalidGameError",
    "InvalidPayoffsError",
    "InvalidProbabilityError",
    "InvalidTypeError",
    "MalformedFileError",
    "MissingDependencyError",
    "MultilateralError",
    "SolverError",
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
