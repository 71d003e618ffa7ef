"""Games in a finite population: the fitness of every strategy in every state.

A population of ``Z`` individuals and ``k`` strategies; fitnesses come from random pairing
without self-interaction (matrix games), from groups of ``n`` sampled without replacement,
hypergeometrically (anonymous N-player games, :func:`hypergeometric_weights`), or from any
vectorized fitness function. :func:`finite_game` turns each into one :class:`FiniteGame`, the
input of the fixation and Markov-chain solvers; :func:`selection` reads their update rule.

References
----------
.. [1] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of invasion
   and fixation. *Physical Review E* 74, 011909.
.. [2] Hauert, C., Traulsen, A., Brandt, H., Nowak, M. A. and Sigmund, K. (2007). Via
   freedom to coercion: the emergence of costly punishment. *Science* 316, 1905-1907
   (hypergeometric sampling of groups from a finite population).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._validation import check_positive_int, to_float
from ...errors import InvalidArgumentError, InvalidGameError, InvalidPayoffsError, InvalidTypeError
from ...games.anonymous import AnonymousGame
from ...games.normal_form import NormalFormGame
from ...games.population import (
    FitnessFunction,
    PopulationGame,
    strategy_labels,
    symmetric_payoff_matrix,
)
from ...types import Number, NumberArray
from ._kernel import fractions, is_exact_array, nonnegative_float

__all__ = [
    "FiniteGame",
    "finite_game",
    "hypergeometric_weights",
    "moran_fitness",
    "selection",
    "strategy_index",
]
__dir__ = public_dir(__all__)


def hypergeometric_weights(population: int, successes: ArrayLike, draws: int
                           ) -> NDArray[np.float64]:
    """``P(j successes among draws)`` for ``j = 0..draws``, drawing without replacement.

    From ``population`` items of which ``successes`` (an array, each in ``0..population``)
    are successes; shape ``(len(successes), draws + 1)``. Log-factorials from one table, so
    it is O(Z N) and neither overflows nor underflows for a large population. This is how
    the co-players of a focal individual are sampled into a group of ``N``: ``draws = N - 1``
    from the ``Z - 1`` others.

    See Also
    --------
    fixation_probability, transition_matrix : use it for anonymous games.
    multilateral.games.anonymous.binomial_weights : the infinite-population limit.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.hypergeometric_weights(5, [2], 2).round(4).tolist()   # 3/10, 6/10, 1/10
    [[0.3, 0.6, 0.1]]
    """
    from scipy.special import gammaln

    pop = check_positive_int(population, "population", 0)
    draws = check_positive_int(draws, "draws", 0)
    if draws > pop:
        raise InvalidArgumentError(
            f"cannot draw {draws} items without replacement from {pop} (the population must "
            "be at least the group size)")
    s = np.atleast_1d(np.asarray(successes))
    if s.dtype.kind not in "iu" or s.ndim != 1 or np.any((s < 0) | (s > pop)):
        raise InvalidArgumentError(
            f"successes must be a 1-d array of integers in 0..{pop}, got {successes!r}")
    lf = gammaln(np.arange(1, pop + 2, dtype=np.float64))  # lf[i] = log(i!)
    s = s.astype(np.int64)[:, None]
    j = np.arange(draws + 1, dtype=np.int64)[None, :]
    rest = pop - s
    ok = (j <= s) & (draws - j <= rest)
    jj = np.minimum(j, s)
    kk = np.clip(draws - j, 0, rest)
    logw = (lf[s] - lf[jj] - lf[s - jj] + lf[rest] - lf[kk] - lf[rest - kk]
            - (lf[pop] - lf[draws] - lf[pop - draws]))
    out: NDArray[np.float64] = np.where(ok, np.exp(np.where(ok, logw, 0.0)), 0.0)
    return out


def _hypergeometric_exact(pop: int, successes: int, draws: int) -> list[Fraction]:
    total = math.comb(pop, draws)
    return [Fraction(math.comb(successes, j) * math.comb(pop - successes, draws - j), total)
            for j in range(draws + 1)]


@dataclass(frozen=True)
class FiniteGame:
    """A game played in a finite population: ``k`` strategies, population ``Z``, and the
    fitness of every strategy in every state (counts), float and (when known) exact for two
    strategies present.

    ``exact_pair(i, j)`` gives, for ``x = 1..Z-1`` individuals of ``i`` among ``Z - x`` of
    ``j``, the exact fitnesses of ``i`` and of ``j`` (``None`` for float payoffs).
    ``pair_fitness(inv, res)`` (matrix games; ``None`` otherwise) gives the same in floats
    for arrays of pairs at once, two arrays of shape ``(pairs, Z - 1)``, without building
    the ``k`` counts of every state: memory linear in the number of pairs.

    See Also
    --------
    finite_game : builds one.

    Examples
    --------
    >>> import numpy as np
    >>> fg = finite_game([[3, 0], [5, 1]], 4, None)
    >>> fg.k, fg.labels, fg.fitness(np.array([[1, 3]])).round(4).tolist()  # 0/3, (5 + 2)/3
    (2, ('s0', 's1'), [[0.0, 2.3333]])
    """

    k: int
    population: int
    fitness: Callable[[NDArray[np.int64]], NDArray[np.float64]]
    exact_pair: Callable[[int, int], tuple[list[Fraction], list[Fraction]]] | None
    labels: tuple[str, ...]
    pair_fitness: Callable[[NDArray[np.int64], NDArray[np.int64]],
                           tuple[NDArray[np.float64], NDArray[np.float64]]] | None = None


def finite_game(game: PopulationGame | FitnessFunction, population: int,
                n_strategies: int | None) -> FiniteGame:
    """A population game (or fitness function of ``n_strategies`` strategies) in a population
    of ``population`` as a :class:`FiniteGame`.

    Raises
    ------
    InvalidTypeError
        If ``game`` is not a payoff matrix, a symmetric two-player ``NormalFormGame``, an
        ``AnonymousGame`` or a callable.

    See Also
    --------
    fixation_probability, small_mutation_limit, transition_matrix : its users.

    Examples
    --------
    >>> import multilateral as ml
    >>> fg = finite_game(ml.AnonymousGame.public_goods(n=3, r=2), 5, None)
    >>> fg.labels, fg.exact_pair is not None
    (('C', 'D'), True)
    """
    z = check_positive_int(population, "population (Z)", 2)
    if callable(game) and not isinstance(game, (NormalFormGame, AnonymousGame)):
        if n_strategies is None:
            raise InvalidArgumentError(
                "a fitness function needs n_strategies (the number of strategies k)")
        k = check_positive_int(n_strategies, "n_strategies", 2)
        return FiniteGame(k, z, _checked_fitness(game, k), None, tuple(f"s{i}" for i in range(k)))
    if isinstance(game, AnonymousGame):
        n = game.n
        if z < n:
            raise InvalidArgumentError(
                f"the population Z = {z} is smaller than the group size N = {n}: groups of N "
                "are drawn from the population")
        coop, defe = to_float(game.cooperator), to_float(game.defector)

        def fitness(states: NDArray[np.int64]) -> NDArray[np.float64]:
            nc = states[:, 0]
            f_c = hypergeometric_weights(z - 1, np.clip(nc - 1, 0, z - 1), n - 1) @ coop
            f_d = hypergeometric_weights(z - 1, np.clip(nc, 0, z - 1), n - 1) @ defe
            return np.column_stack([f_c, f_d])

        exact_pair = None
        if game.is_exact:
            cf = [Fraction(v) for v in game.cooperator.tolist()]
            df = [Fraction(v) for v in game.defector.tolist()]

            def exact_pair(i: int, j: int) -> tuple[list[Fraction], list[Fraction]]:
                f_c, f_d = [], []
                for x in range(1, z):
                    nc = x if i == 0 else z - x
                    f_c.append(sum((w * v for w, v in zip(
                        _hypergeometric_exact(z - 1, nc - 1, n - 1), cf, strict=True)),
                        Fraction(0)))
                    f_d.append(sum((w * v for w, v in zip(
                        _hypergeometric_exact(z - 1, nc, n - 1), df, strict=True)),
                        Fraction(0)))
                return (f_c, f_d) if i == 0 else (f_d, f_c)

        _check_k(n_strategies, 2)
        return FiniteGame(2, z, fitness, exact_pair, ("C", "D"))
    a = symmetric_payoff_matrix(game)
    k = a.shape[0]
    if k < 2:
        raise InvalidGameError("a finite-population analysis needs at least two strategies")
    _check_k(n_strategies, k)
    af = to_float(a)
    diag = np.diag(af).copy()

    def matrix_fitness(states: NDArray[np.int64]) -> NDArray[np.float64]:
        # random pairing without self-interaction: (sum_b n_b A[a, b] - A[a, a]) / (Z - 1)
        out: NDArray[np.float64] = (states @ af.T - diag) / (z - 1)
        return out

    def pair_fitness(inv: NDArray[np.int64], res: NDArray[np.int64]
                     ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        # x individuals of inv among z - x of res, x = 1..Z-1 (the same sums as above)
        x = np.arange(1, z, dtype=np.float64)[None, :]
        f_inv = ((x - 1) * af[inv, inv][:, None] + (z - x) * af[inv, res][:, None]) / (z - 1)
        f_res = (x * af[res, inv][:, None] + (z - x - 1) * af[res, res][:, None]) / (z - 1)
        return f_inv, f_res

    exact_matrix = None
    if is_exact_array(a):
        fr = fractions(a)

        def exact_matrix(i: int, j: int) -> tuple[list[Fraction], list[Fraction]]:
            f_i = [((x - 1) * fr[i][i] + (z - x) * fr[i][j]) / (z - 1) for x in range(1, z)]
            f_j = [(x * fr[j][i] + (z - x - 1) * fr[j][j]) / (z - 1) for x in range(1, z)]
            return f_i, f_j

    return FiniteGame(k, z, matrix_fitness, exact_matrix, strategy_labels(game, k),
                      pair_fitness)


def _check_k(n_strategies: Any, k: int) -> None:
    if n_strategies is not None and n_strategies != k:
        raise InvalidArgumentError(
            f"n_strategies = {n_strategies!r} but the game has {k} strategies (n_strategies is "
            "only needed for a fitness function)")


def _checked_fitness(fn: Callable[..., Any], k: int
                     ) -> Callable[[NDArray[np.int64]], NDArray[np.float64]]:
    def fitness(states: NDArray[np.int64]) -> NDArray[np.float64]:
        try:
            out = np.asarray(fn(states), dtype=np.float64)
        except (TypeError, ValueError) as err:
            raise InvalidPayoffsError(
                f"the fitness function must return numbers, shape (states, {k}): {err}"
            ) from None
        if out.shape != states.shape:
            raise InvalidPayoffsError(
                f"the fitness function must map states of shape (S, k) = {states.shape} to "
                f"fitnesses of the same shape, got {out.shape}")
        if not np.all(np.isfinite(out[states > 0])):
            raise InvalidPayoffsError("the fitness function returned NaN or infinity")
        return out

    return fitness


def selection(process: str, beta: Number) -> tuple[str, float | Fraction]:
    """The update rule and its intensity of selection ``beta``, checked.

    One parameter, ``beta``, sets how strongly payoffs matter; what it means depends on the
    process:

    * ``"fermi"`` (pairwise comparison): the inverse temperature of the imitation
      probability ``1 / (1 + exp(-beta * (f_model - f_focal)))``, the exponential of minus
      ``beta`` times the payoff difference (Traulsen, Nowak & Pacheco 2006); any number
      ``>= 0`` (0 is neutral drift), returned as a float;
    * ``"moran"``: the intensity of selection ``w`` of Nowak et al. (2004), fitness
      ``1 - beta + beta * payoff``; a number in ``[0, 1]`` (0 is neutral drift, 1 makes
      fitness equal to payoff), kept a Fraction when rational so that the Moran process can
      be exact.

    The solvers' default, ``beta = 1``, is each process's own: Fermi imitation at inverse
    temperature 1, and the Moran process with fitness = payoff.

    Raises
    ------
    InvalidArgumentError
        For an unknown process, or a ``beta`` outside the process's range.

    See Also
    --------
    moran_fitness : what ``beta`` does in the Moran process.
    fixation_probability, small_mutation_limit, transition_matrix : its callers.

    References
    ----------
    .. [1] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
       cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
    .. [2] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of
       invasion and fixation. *Physical Review E* 74, 011909.

    Examples
    --------
    >>> selection("fermi", 1), selection("moran", 1), selection("moran", Fraction(1, 2))
    (('fermi', 1.0), ('moran', Fraction(1, 1)), ('moran', Fraction(1, 2)))
    """
    if process == "fermi":
        return process, nonnegative_float(beta, "beta")
    if process == "moran":
        if isinstance(beta, bool) or not isinstance(beta, numbers.Real) \
                or not math.isfinite(beta) or not 0 <= float(beta) <= 1:
            raise InvalidArgumentError(
                "beta must be a number in [0, 1] for the Moran process (the intensity of "
                f"selection w of fitness 1 - beta + beta * payoff), got {beta!r}")
        return process, Fraction(beta) if isinstance(beta, numbers.Rational) else float(beta)
    raise InvalidArgumentError(f"process must be 'fermi' or 'moran', got {process!r}")


@overload
def moran_fitness(payoff: NDArray[np.float64], beta: Number) -> NDArray[np.float64]: ...
@overload
def moran_fitness(payoff: NDArray[np.object_], beta: Number) -> NDArray[np.object_]: ...
@overload
def moran_fitness(payoff: Fraction, beta: Fraction) -> Fraction: ...
@overload
def moran_fitness(payoff: Number, beta: Number) -> Number: ...
def moran_fitness(payoff: NumberArray | Number, beta: Number) -> NumberArray | Number:
    """The Moran process's fitness ``1 - beta + beta * payoff`` (arrays, floats or
    Fractions), ``beta`` being Nowak et al.'s (2004) intensity of selection ``w``.

    See Also
    --------
    selection : reads ``beta``.

    Examples
    --------
    >>> moran_fitness(Fraction(3), Fraction(1, 10))
    Fraction(6, 5)
    """
    w: Any = beta  # Fraction and numpy operators are not typed against each other
    return 1 - w + w * payoff


def strategy_index(strategy: int, k: int, name: str) -> int:
    """A strategy's index, checked to be an integer in ``0..k-1`` (``k`` strategies; ``name``
    is the parameter's name, for the error message).

    See Also
    --------
    fixation_probability : takes two.

    Examples
    --------
    >>> strategy_index(1, 2, "invader")
    1
    """
    if isinstance(strategy, bool) or not isinstance(strategy, (numbers.Integral, np.integer)):
        raise InvalidTypeError(
            f"{name} must be a strategy index in 0..{k - 1}, got {strategy!r}")
    if not 0 <= int(strategy) < k:
        raise InvalidArgumentError(
            f"{name} must be a strategy index in 0..{k - 1}, got {strategy}")
    return int(strategy)

