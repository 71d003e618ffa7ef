"""The games that population (evolutionary) solvers take, as types, and the one check of them.

A population solver needs the payoff of each strategy against the population, and nothing
else. Three kinds of object give it:

* a symmetric two-player :class:`~multilateral.NormalFormGame` (``B = A^T``), whose row
  player's payoff matrix ``A[i, j]`` is the payoff of strategy ``i`` against strategy ``j``;
* an :class:`~multilateral.AnonymousGame` (cooperate / defect), whose payoffs depend on the
  number of cooperators among the other ``n - 1`` members of a group;
* a raw square payoff matrix (nested sequences or a numpy array), read as ``A`` above.

:data:`PopulationGame` is their union, :data:`MatrixGame` the symmetric two-player part of
it (what the evolutionary-stability tests take) and :data:`FitnessFunction` the vectorized
fitness a finite-population solver also accepts. :func:`symmetric_payoff_matrix` turns a
:data:`MatrixGame` into ``A`` and raises :class:`~multilateral.errors.InvalidTypeError` for
anything that is not one.

Examples
--------
>>> import multilateral as ml
>>> from multilateral.games.population import symmetric_payoff_matrix
>>> symmetric_payoff_matrix(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)).tolist()
[[3, 0], [5, 1]]
>>> try:
...     symmetric_payoff_matrix("oops")
... except TypeError as err:
...     print(type(err).__name__, str(err)[-7:])
InvalidTypeError got str
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._namespace import public_dir
from .._validation import as_number_array
from ..errors import InvalidGameError, InvalidPayoffsError, InvalidTypeError
from ..types import Number, NumberArray
from .anonymous import AnonymousGame
from .normal_form import NormalFormGame

__all__ = [
    "FitnessFunction",
    "MatrixGame",
    "PayoffMatrix",
    "PopulationGame",
    "strategy_labels",
    "symmetric_payoff_matrix",
]
__dir__ = public_dir(__all__)

#: A square payoff matrix ``A[i, j]`` (strategy ``i`` against ``j``): nested sequences of
#: numbers (ints and Fractions stay exact) or a numpy array.
PayoffMatrix: TypeAlias = Sequence[Sequence[Number]] | NDArray[np.generic]

#: A symmetric two-player game: a payoff matrix or a symmetric ``NormalFormGame``.
MatrixGame: TypeAlias = NormalFormGame | PayoffMatrix

#: Any game a population solver takes: a symmetric two-player game or an anonymous
#: N-player game (payoffs by the number of other cooperators).
PopulationGame: TypeAlias = NormalFormGame | AnonymousGame | PayoffMatrix

#: A vectorized fitness function: an int array of states (strategy counts, shape ``(S, k)``)
#: to the fitness of each strategy in each state, shape ``(S, k)``.
FitnessFunction: TypeAlias = Callable[[NDArray[np.int64]], ArrayLike]


def symmetric_payoff_matrix(game: MatrixGame) -> NumberArray:
    """A symmetric two-player game as its ``(m, m)`` matrix ``A[i, j]`` (payoff of strategy
    ``i`` against ``j``), exact entries kept exact.

    Parameters
    ----------
    game : array_like or NormalFormGame
        A square payoff matrix or a symmetric two-player game (``B = A^T``).

    Returns
    -------
    numpy.ndarray
        ``int64``, ``float64`` or ``object`` (Fractions).

    Raises
    ------
    InvalidTypeError
        If ``game`` is neither a matrix nor a ``NormalFormGame`` (an
        :class:`~multilateral.AnonymousGame` included: it has no two-player matrix).
    InvalidGameError
        If the game is not a symmetric two-player game.
    InvalidPayoffsError
        If the matrix is not square or holds something other than real numbers.

    See Also
    --------
    strategy_labels : the strategies' names.
    multilateral.solvers.replicator, multilateral.solvers.is_ess : solvers that take it.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.population import symmetric_payoff_matrix
    >>> symmetric_payoff_matrix([[4, 0], [3, 3]]).tolist()
    [[4, 0], [3, 3]]
    """
    if isinstance(game, NormalFormGame):
        if game.n_players != 2 or game.shape[0] != game.shape[1]:
            raise InvalidGameError(
                "evolutionary dynamics need a symmetric two-player game (square, B = A^T); "
                f"got {game.n_players} players with action counts {game.shape}")
        a, b = game.payoff_array(0), game.payoff_array(1)
        if not bool(np.all(a == b.T)):
            raise InvalidGameError(
                "the game is not symmetric: the column player's payoffs must be the transpose "
                "of the row player's (B = A^T)")
        return a
    if isinstance(game, AnonymousGame):
        raise InvalidTypeError(
            "expected a payoff matrix or a symmetric NormalFormGame; an AnonymousGame is an "
            "N-player game (use rest_points / replicator, or the finite-population functions)")
    if not isinstance(game, (Sequence, np.ndarray)) or isinstance(game, (str, bytes)):
        raise InvalidTypeError(
            "expected a square payoff matrix (nested sequences or a numpy array) or a "
            "symmetric two-player NormalFormGame (see multilateral.games.PopulationGame; "
            "replicator, rest_points and the finite-population solvers also take an "
            f"AnonymousGame); got {type(game).__name__}")
    # exact entries (Fractions) are welcome here, though ArrayLike does not name them
    arr = as_number_array(cast(ArrayLike, game), "payoff matrix")
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1] or arr.shape[0] < 1:
        raise InvalidPayoffsError(
            "a payoff matrix must be square, (m, m), with entry [i, j] the payoff of strategy "
            f"i against strategy j; got shape {arr.shape}")
    return arr


def strategy_labels(game: PopulationGame, k: int) -> tuple[str, ...]:
    """The names of a population game's ``k`` strategies: a ``NormalFormGame``'s actions,
    ``("C", "D")`` for an anonymous game, ``s0, s1, ...`` for a matrix.

    See Also
    --------
    symmetric_payoff_matrix : the payoffs of those strategies.

    Examples
    --------
    >>> from multilateral.games.population import strategy_labels
    >>> strategy_labels([[3, 0], [5, 1]], 2)
    ('s0', 's1')
    """
    if isinstance(game, NormalFormGame):
        return tuple(game.actions[0])
    if isinstance(game, AnonymousGame):
        return ("C", "D")
    return tuple(f"s{i}" for i in range(k))
