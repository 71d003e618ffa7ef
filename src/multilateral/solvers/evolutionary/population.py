"""The full Markov chain of a finite population with ``k`` strategies and mutation.

A population of ``Z`` individuals and ``k`` strategies has ``C(Z + k - 1, k - 1)`` states
(:func:`population_states`); :func:`transition_matrix` builds the chain over all of them,
with mutation probability ``mutation``, vectorized as a :mod:`scipy.sparse` matrix (a
:class:`PopulationChain`), whose stationary distribution is detailed balance for two
strategies, one sparse solve (:func:`~multilateral.solvers.stationary_distribution`) for
three, and for four or more beyond :data:`ITERATIVE_FROM` states an iterative solve
(BiCGSTAB with aggregation multigrid, residual-checked).

References
----------
.. [1] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of invasion
   and fixation. *Physical Review E* 74, 011909.
.. [2] Vasconcelos, V. V., Santos, F. P., Santos, F. C. and Pacheco, J. M. (2017).
   Stochastic dynamics through hierarchically embedded Markov chains. *Physical Review
   Letters* 118, 058301.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import check_positive_int, check_probability
from ...errors import (
    DegenerateGameError,
    InvalidArgumentError,
    InvalidPayoffsError,
    InvalidTypeError,
)
from ...games.population import FitnessFunction, PopulationGame
from ...tolerances import PROBABILITY, ROUNDING
from ...types import Number
from ._iterative import aggregation_solve
from .fitness import finite_game, moran_fitness, selection
from .markov import stationary_distribution

if TYPE_CHECKING:
    import scipy.sparse

__all__ = [
    "MAX_STATES",
    "PopulationChain",
    "population_states",
    "transition_matrix",
]
__dir__ = public_dir(__all__)

#: ``PopulationChain.stationary_distribution(method="auto")`` solves chains of four or more
#: strategies with more states than this iteratively. Measured (four strategies, mutation
#: 1e-3, CPU time): a sparse LU takes about 0.5 s at 12,341 states, 20 s at 39,711 and 170 s
#: at 176,851 (GBs of fill-in; 32 s and 4.2 GB with a nested-dissection ordering); the
#: iterative solver (nested iteration) 0.15 s, 0.9 s and 4.3 s, the same as the LU at about
#: 5,000 states.
ITERATIVE_FROM = 10_000
#: ``method="auto"`` falls back on the sparse LU when the iterative solver fails on a chain of
#: at most this many states (beyond, the LU's fill-in takes minutes and GBs).
DIRECT_UP_TO = 50_000
#: Relative residual at which BiCGSTAB stops (the answer is then checked absolutely): the
#: rounding tolerance.
ITERATIVE_RTOL = ROUNDING

#: The full chain refuses more states than this (C(Z + k - 1, k - 1)); use the small-mutation
#: limit instead.
MAX_STATES = 5_000_000


@functools.lru_cache(maxsize=256)
def _compositions(total: int, parts: int) -> NDArray[np.int64]:
    """All ``parts`` counts summing to ``total`` in decreasing lexicographic order, by stars
    and bars: the bars' positions ``b_1 < ... < b_{k-1}`` among ``total + parts - 1`` slots
    come from :func:`itertools.combinations` in increasing lexicographic order, which is
    the counts' ``n_1 = b_1``, ``n_i = b_i - b_{i-1} - 1``, ``n_k = total + parts - 2 -
    b_{k-1}`` in increasing order; reversed. One C-level pass, no recursion."""
    if parts == 1:
        out = np.array([[total]], dtype=np.int64)
    else:
        count = math.comb(total + parts - 1, parts - 1)
        bars = np.fromiter(itertools.chain.from_iterable(
            itertools.combinations(range(total + parts - 1), parts - 1)),
            dtype=np.int64, count=count * (parts - 1)).reshape(count, parts - 1)[::-1]
        edges = np.empty((count, parts + 1), dtype=np.int64)
        edges[:, 0] = -1
        edges[:, 1:-1] = bars
        edges[:, -1] = total + parts - 1
        out = np.diff(edges, axis=1) - 1
    out.flags.writeable = False
    return out


def population_states(population: int, n_strategies: int) -> NDArray[np.int64]:
    """All states of a population of ``Z`` with ``k`` strategies: the ``C(Z + k - 1, k - 1)``
    count vectors ``(n_1, ..., n_k)`` summing to ``Z``, in decreasing lexicographic order
    (``(Z, 0, ..., 0)`` first, ``(0, ..., 0, Z)`` last; the order of egttools'
    ``sample_simplex``). Read-only, shape ``(S, k)``.

    See Also
    --------
    transition_matrix : the chain over these states.
    PopulationChain.index : the row of a state.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.population_states(2, 3).tolist()
    [[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 2, 0], [0, 1, 1], [0, 0, 2]]
    """
    z = check_positive_int(population, "population (Z)", 1)
    k = check_positive_int(n_strategies, "n_strategies", 1)
    _check_state_count(z, k)
    return _compositions(z, k)


def _check_state_count(z: int, k: int) -> int:
    count = math.comb(z + k - 1, k - 1)
    if count > MAX_STATES:
        raise InvalidArgumentError(
            f"a population of Z = {z} with k = {k} strategies has {count:,} states (more than "
            f"{MAX_STATES:,}); use small_mutation_limit for rare mutations")
    return count


def _state_index(states: NDArray[np.int64], z: int) -> NDArray[np.int64]:
    """The row of each state in :func:`population_states`: compositions with a larger first
    entry come first (``C(R - n - 1 + r, r)`` of them for ``r + 1`` remaining parts summing
    to ``R``), recursively."""
    k = states.shape[1]
    table = np.zeros((z + k + 1, k), dtype=np.int64)
    for r in range(k):
        # only C(n, r) with n <= Z - 1 + r is ever read (at most the number of states); the
        # rest are left 0 so that many strategies do not overflow int64
        table[:, r] = [math.comb(n, r) if n < z + r else 0 for n in range(z + k + 1)]
    remaining = z - np.cumsum(states, axis=1) + states
    idx = np.zeros(states.shape[0], dtype=np.int64)
    for i in range(k - 1):
        r = k - 1 - i
        gap = remaining[:, i] - states[:, i] - 1
        idx += np.where(gap >= 0, table[np.clip(gap + r, 0, None), r], 0)
    return idx


#: The states are looked up in a table of all count vectors of the first ``k - 1``
#: strategies (mixed radix ``Z + 1``) while it has at most this many entries per state (a size,
#: not a tolerance); beyond, by binary search.
_TABLE_PER_STATE = 16


def _neighbours(states: NDArray[np.int64], z: int) -> NDArray[np.int64]:
    """``out[s, a, b]``: the row of the state ``states[s]`` with one ``a`` turned into a ``b``
    (where ``a`` is present; other entries are arbitrary valid rows). The states, in the
    order of :func:`population_states`, are in decreasing order of their key ``sum_i n_i
    (Z + 1)^(k - 2 - i)`` over the first ``k - 1`` counts; a move adds a fixed amount to it."""
    size, k = states.shape
    if (z + 1) ** (k - 1) >= 2**62:  # keys (and the shifted ones) beyond int64: rank targets
        return _neighbours_ranked(states, z)
    weights = (z + 1) ** np.arange(k - 2, -1, -1, dtype=np.int64)
    weights = np.append(weights, 0)  # the last count follows from the others
    keys = states @ weights
    shifted = keys[:, None, None] - weights[None, :, None] + weights[None, None, :]
    shifted = np.where(states[:, :, None] > 0, shifted, keys[:, None, None])
    if (z + 1) ** (k - 1) <= _TABLE_PER_STATE * size:
        table = np.zeros((z + 1) ** (k - 1), dtype=np.int64)
        table[keys] = np.arange(size)
        out: NDArray[np.int64] = table[shifted]
        return out
    ascending = keys[::-1]  # decreasing keys: binary search in the reversed order
    return size - 1 - np.searchsorted(ascending, shifted)


def _neighbours_ranked(states: NDArray[np.int64], z: int) -> NDArray[np.int64]:
    """:func:`_neighbours` by ranking every reachable state with :func:`_state_index` (many
    strategies in a small population, where the mixed-radix keys ``(Z + 1)^(k - 1)`` overflow
    int64): the entries where ``a`` is absent hold the state itself."""
    size, k = states.shape
    out = np.broadcast_to(np.arange(size)[:, None, None], (size, k, k)).copy()
    s, a = np.nonzero(states > 0)
    rows = np.arange(len(s))
    for b in range(k):
        targets = states[s].copy()
        targets[rows, a] -= 1
        targets[rows, b] += 1
        out[s, a, b] = _state_index(targets, z)
    return out


@dataclass(frozen=True, repr=False, eq=False)
class PopulationChain:
    """The full Markov chain of a finite population with ``k`` strategies and mutation.

    Attributes
    ----------
    states : numpy.ndarray
        The states (counts), shape ``(S, k)``, in the order of :func:`population_states`.
    matrix : scipy.sparse.csr_array
        The row-stochastic ``S x S`` transition matrix.
    mutation : float
        The mutation probability.
    strategies : tuple of str

    See Also
    --------
    transition_matrix : builds it.
    population_states : the order of its states.
    SmallMutationLimit : the chain over monomorphic states when mutations are rare.

    Examples
    --------
    >>> import multilateral as ml
    >>> chain = ml.solvers.transition_matrix([[3, 0], [5, 1]], 4, beta=1.0, mutation=0.1)
    >>> chain.index([1, 3]), chain.states[1].tolist()
    (3, [3, 1])
    >>> p = chain.stationary_distribution()
    >>> chain.frequencies(p).round(4).tolist()
    [0.161, 0.839]
    """

    states: NDArray[np.int64]
    matrix: scipy.sparse.csr_array
    mutation: float
    strategies: tuple[str, ...]

    @property
    def population(self) -> int:
        """``Z``."""
        return int(self.states[0].sum())

    def index(self, state: ArrayLike) -> int:
        """The row of a state (a count vector summing to ``Z``)."""
        s = np.asarray(state)
        if s.shape != (self.states.shape[1],) or s.dtype.kind not in "iu" or np.any(s < 0) \
                or int(s.sum()) != self.population:
            raise InvalidArgumentError(
                f"a state is {self.states.shape[1]} nonnegative integer counts summing to "
                f"Z = {self.population}, got {state!r}")
        return int(_state_index(s[None, :].astype(np.int64), self.population)[0])

    def stationary_distribution(self, method: str = "auto") -> NDArray[np.float64]:
        """The stationary distribution over :attr:`states` (needs ``mutation > 0``).

        Two strategies make a birth-death chain: detailed balance
        ``p(s + 1) / p(s) = P[s, s + 1] / P[s + 1, s]`` in log space, O(Z), accurate however
        rare the passage between the two monomorphic states (``e^-100`` and less, where no
        linear solve in floating point can tell the chain from a reducible one). More
        strategies: ``method="direct"``, one sparse LU (:func:`stationary_distribution`), or
        ``method="iterative"``, BiCGSTAB preconditioned by aggregation multigrid over the
        states' counts, memory linear in the states, accepted only if the residual
        ``max |p P - p|`` is within ``10 * PROBABILITY``; ``"auto"`` (the default) takes the
        direct solve up to three strategies (its fill-in stays small on a 2-d simplex) and
        up to :data:`ITERATIVE_FROM` states, the iterative one beyond (and the direct one
        if that fails on at most :data:`DIRECT_UP_TO` states).

        Raises
        ------
        DegenerateGameError
            Without mutation; or if the iterative solver does not converge (the message
            says so: ``method="direct"`` is then the exact-as-floats fallback).
        """
        if method not in ("auto", "direct", "iterative"):
            raise InvalidArgumentError(
                f"method must be 'auto', 'direct' or 'iterative', got {method!r}")
        if self.mutation == 0:
            raise DegenerateGameError(
                "without mutation (mutation = 0) every monomorphic state is absorbing: there is "
                "no unique stationary distribution. Give mutation > 0, or use "
                "small_mutation_limit")
        if self.states.shape[1] == 2:
            size = self.states.shape[0]
            idx = np.arange(size - 1)
            up = np.asarray(self.matrix[idx, idx + 1]).ravel()
            down = np.asarray(self.matrix[idx + 1, idx]).ravel()
            if np.all(up > 0) and np.all(down > 0):
                logp = np.concatenate(([0.0], np.cumsum(np.log(up) - np.log(down))))
                p = np.exp(logp - logp.max())
                out: NDArray[np.float64] = p / p.sum()
                return readonly(out, dtype=None)
        size, k = self.states.shape
        if method == "iterative":
            return self._iterative_stationary()
        if method == "auto" and k > 3 and size > ITERATIVE_FROM:
            try:
                return self._iterative_stationary()
            except DegenerateGameError:
                if size > DIRECT_UP_TO:
                    raise
        return stationary_distribution(self.matrix)

    def _iterative_stationary(self) -> NDArray[np.float64]:
        p = self.matrix
        # aggregates halve all k counts: halving only the first k - 1 (blocks of about
        # 2^(k - 1) states) was 20% faster where it converged, but failed on chains the
        # full aggregation solves (k = 4, Z = 60, mutation 1e-7: refused after 10 s, 0.5 s)
        x = aggregation_solve(p, self.states, rtol=ITERATIVE_RTOL)
        accept = 10 * PROBABILITY
        if x is not None and np.all(np.isfinite(x)) and x.sum() != 0:
            x = x / x.sum()
            residual = float(np.abs(p.T @ x - x).max())
            if residual <= accept and not np.any(x < -accept):
                out: NDArray[np.float64] = np.clip(x, 0.0, None)
                return readonly(out / out.sum(), dtype=None)
        raise DegenerateGameError(
            f"the iterative solver did not converge on this chain of {self.states.shape[0]:,} "
            f"states (BiCGSTAB with aggregation multigrid: no residual below {accept:g}); "
            "use stationary_distribution(method='direct') (sparse LU: slower, more memory)")

    def frequencies(self, distribution: ArrayLike) -> NDArray[np.float64]:
        """The average frequency of each strategy under a distribution over the states."""
        p = np.asarray(distribution, dtype=np.float64)
        if p.shape != (self.states.shape[0],):
            raise InvalidArgumentError(
                f"distribution must have one entry per state ({self.states.shape[0]})")
        out: NDArray[np.float64] = p @ self.states / self.population
        return out

    def __repr__(self) -> str:
        return (f"PopulationChain(k={self.states.shape[1]}, Z={self.population}, "
                f"{self.states.shape[0]} states, mutation={self.mutation:g})")


def transition_matrix(
    game: PopulationGame | FitnessFunction,
    population: int,
    *,
    mutation: float = 0.0,
    process: str = "fermi",
    beta: Number = 1,
    others_only: bool = False,
    n_strategies: int | None = None,
) -> PopulationChain:
    """The full finite-population Markov chain over all states, as a sparse matrix.

    In state ``n`` (counts), one individual may change strategy per step. Pairwise
    comparison (Fermi): a random focal of strategy ``a`` (probability ``n_a / Z``) picks a
    random model of strategy ``b`` (``n_b / Z``, or ``n_b / (Z - 1)`` with
    ``others_only=True``, egttools' convention) and imitates it with probability
    ``1 / (1 + exp(-beta (f_b - f_a)))``; with probability ``mutation`` it instead mutates to
    one of the other ``k - 1`` strategies at random. Moran: an individual reproduces with
    probability proportional to ``n_b (1 - beta + beta f_b)`` (``beta`` is Nowak et al.'s
    intensity of selection ``w``), its offspring (mutated to another strategy at random with
    probability ``mutation``) replaces a random individual. For ``k = 2``
    this is the chain of :func:`pairwise_comparison` / :func:`moran_process`.

    Everything is vectorized over the ``C(Z + k - 1, k - 1)`` states (5,151 for ``k = 3``,
    ``Z = 100``); the result is a :class:`scipy.sparse.csr_array` with at most
    ``k (k - 1) + 1`` entries per row.

    Parameters
    ----------
    game, population, process, beta, n_strategies
        As in :func:`fixation_probability` (``beta``: Fermi's inverse temperature, or the
        Moran process's intensity of selection ``w`` in ``1 - beta + beta * payoff``;
        default 1 for either).
    mutation : float, default 0
        Mutation probability in [0, 1].
    others_only : bool, default False
        Fermi only: draw the model from the ``Z - 1`` others.

    Returns
    -------
    PopulationChain

    See Also
    --------
    stationary_distribution : where the chain spends its time.
    small_mutation_limit : the limit of rare mutations, in O(k^2 Z).
    pairwise_comparison, moran_process : the two-strategy chains, in O(Z).

    References
    ----------
    .. [1] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of
       invasion and fixation. *Physical Review E* 74, 011909.
    .. [2] Vasconcelos, V. V., Santos, F. P., Santos, F. C. and Pacheco, J. M. (2017).
       Stochastic dynamics through hierarchically embedded Markov chains. *Physical Review
       Letters* 118, 058301.

    Examples
    --------
    >>> import multilateral as ml
    >>> rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    >>> chain = ml.solvers.transition_matrix(rps, 30, beta=1.0, mutation=0.01)
    >>> chain
    PopulationChain(k=3, Z=30, 496 states, mutation=0.01)
    >>> p = chain.stationary_distribution()
    >>> chain.frequencies(p).round(6).tolist()      # symmetric: 1/3 each on average
    [0.333333, 0.333333, 0.333333]
    """
    import scipy.sparse as sp
    from scipy.special import expit

    process, sel = selection(process, beta)
    fg = finite_game(game, population, n_strategies)
    m = check_probability(mutation, "mutation")
    if not isinstance(others_only, bool):
        raise InvalidTypeError(f"others_only must be True or False, got {others_only!r}")
    k, z = fg.k, fg.population
    _check_state_count(z, k)
    states = _compositions(z, k)
    n = states.astype(np.float64)
    present = states > 0
    f = np.where(present, fg.fitness(states), 0.0)
    if process == "fermi":
        zp = z - 1 if others_only else z
        # imitate[s, a, b]: a focal a copies a model b
        imitate = expit(sel * (f[:, None, :] - f[:, :, None]))
        move = (1 - m) * (n[:, None, :] / zp) * imitate + m / (k - 1)
    else:
        phi = moran_fitness(f, float(sel))
        if np.any(phi[present] <= 0):
            raise InvalidPayoffsError(
                "Moran fitnesses 1 - beta + beta * payoff must be positive; lower beta or "
                "shift the payoffs")
        births = n * phi
        share = births / births.sum(axis=1, keepdims=True)
        move = np.broadcast_to(((1 - m) * share + m / (k - 1) * (1 - share))[:, None, :],
                               (len(states), k, k))
    rate = (n / z)[:, :, None] * move
    rate[:, np.arange(k), np.arange(k)] = 0.0
    size = len(states)
    # one slot per (a, b): the state reached when an a becomes a b; the (0, 0) slot holds the
    # probability of staying (its column the state itself); a CSR row is its positive slots
    cols = _neighbours(states, z).reshape(size, k * k)
    values = rate.reshape(size, k * k)
    values[:, 0] = np.clip(1.0 - values.sum(axis=1), 0.0, 1.0)
    cols[:, 0] = np.arange(size)
    keep = values > 0
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(keep.sum(axis=1), out=indptr[1:])
    matrix = sp.csr_array((values[keep], cols[keep], indptr), shape=(size, size))
    matrix.sort_indices()
    return PopulationChain(states, matrix, m, fg.labels)

