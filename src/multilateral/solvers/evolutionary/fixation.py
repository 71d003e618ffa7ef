"""Fixation in a finite population: one mutant's chance, and the small-mutation limit.

* :func:`fixation_probability`: one mutant's fixation probability in closed form (the
  product formula, summed in log space; exact Fractions for the Moran process with rational
  payoffs and ``beta``);
* :func:`small_mutation_limit`: the embedded chain over the ``k`` monomorphic states
  (transition ``rho_ij / (k - 1)``) and its stationary distribution (Fudenberg & Imhof 2006).

Updates are the pairwise comparison (Fermi) rule, imitating with probability
``1 / (1 + exp(-beta * payoff difference))`` (Traulsen, Nowak & Pacheco 2006), or the
frequency-dependent Moran process with fitness ``1 - beta + beta * payoff`` (Nowak et al.
2004, who call this intensity of selection ``w``): one parameter ``beta``, read by the
process.

References
----------
.. [1] Karlin, S. and Taylor, H. M. (1975). *A First Course in Stochastic Processes*, 2nd ed.,
   ch. 4 (absorption probabilities of birth-death chains).
.. [2] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
   cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
.. [3] Fudenberg, D. and Imhof, L. A. (2006). Imitation processes with small mutations.
   *Journal of Economic Theory* 131, 251-262.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import format_values, readonly
from ...errors import DegenerateGameError, InvalidArgumentError, InvalidPayoffsError
from ...games.population import FitnessFunction, PopulationGame
from ...types import Number
from ._kernel import solve_rational
from .fitness import FiniteGame, finite_game, moran_fitness, selection, strategy_index
from .markov import stationary_distribution

__all__ = ["SmallMutationLimit", "fixation_probability", "small_mutation_limit"]
__dir__ = public_dir(__all__)


def _pair_log_ratios(fg: FiniteGame, pairs: Sequence[tuple[int, int]], process: str,
                     sel: Any) -> NDArray[np.float64]:
    """``log(T-(x) / T+(x))`` for ``x = 1..Z-1`` invaders of ``i`` among residents ``j``,
    one row per pair ``(i, j)``."""
    z, k = fg.population, fg.k
    x = np.arange(1, z, dtype=np.int64)
    states = np.zeros((len(pairs), z - 1, k), dtype=np.int64)
    inv = np.array([i for i, _ in pairs])
    res = np.array([j for _, j in pairs])
    rows = np.arange(len(pairs))
    states[rows, :, inv] = x
    states[rows, :, res] = z - x
    f = fg.fitness(states.reshape(-1, k)).reshape(len(pairs), z - 1, k)
    f_inv, f_res = f[rows, :, inv], f[rows, :, res]
    if process == "fermi":
        out: NDArray[np.float64] = -sel * (f_inv - f_res)
        return out
    beta = float(sel)
    phi_inv, phi_res = moran_fitness(f_inv, beta), moran_fitness(f_res, beta)
    if np.any(phi_inv <= 0) or np.any(phi_res <= 0):
        raise InvalidPayoffsError(
            "Moran fitnesses 1 - beta + beta * payoff must be positive; lower beta or shift "
            "the payoffs")
    ratio: NDArray[np.float64] = np.log(phi_res) - np.log(phi_inv)
    return ratio


def _rho_from_log_ratios(lr: NDArray[np.float64], z: int) -> NDArray[np.float64]:
    """``1 / (1 + sum_i prod_{x <= i} T-(x)/T+(x))`` per row, in log space (exactly ``1/Z``
    for neutral drift)."""
    from scipy.special import logsumexp

    terms = np.concatenate([np.zeros((*lr.shape[:-1], 1)), np.cumsum(lr, axis=-1)], axis=-1)
    rho: NDArray[np.float64] = np.exp(-logsumexp(terms, axis=-1))
    return np.where(np.all(lr == 0, axis=-1), 1.0 / z, rho)


def _rho_exact(fg: FiniteGame, i: int, j: int, beta: Fraction) -> Fraction:
    assert fg.exact_pair is not None
    f_inv, f_res = fg.exact_pair(i, j)
    total = prod = Fraction(1)
    for a, b in zip(f_inv, f_res, strict=True):
        phi_a, phi_b = moran_fitness(a, beta), moran_fitness(b, beta)
        if phi_a <= 0 or phi_b <= 0:
            raise InvalidPayoffsError(
                "Moran fitnesses 1 - beta + beta * payoff must be positive; lower beta or "
                "shift the payoffs")
        prod *= phi_b / phi_a
        total += prod
    return Fraction(1) / total


def _use_exact(fg: FiniteGame, process: str, sel: Any, exact: bool | None) -> bool:
    possible = process == "moran" and fg.exact_pair is not None and isinstance(sel, Fraction)
    if exact is None:
        return possible
    if exact and not possible:
        raise InvalidArgumentError(
            "exact=True needs the Moran process with int/Fraction payoffs and a rational beta "
            "(the Fermi rule's exponentials are irrational)")
    return bool(exact)


def fixation_probability(
    game: PopulationGame | FitnessFunction,
    invader: int,
    resident: int,
    population: int,
    *,
    process: str = "fermi",
    beta: Number = 1,
    exact: bool | None = None,
    n_strategies: int | None = None,
) -> float | Fraction:
    """The probability that one ``invader`` takes over a population of ``resident``.

    With ``x`` invaders among ``Z`` the process is a birth-death chain, and the fixation
    probability is, in closed form (Karlin & Taylor 1975),

    ``rho = 1 / (1 + sum_{i=1}^{Z-1} prod_{x=1}^{i} T-(x) / T+(x))``

    with ``T-(x) / T+(x) = exp(-beta (f_inv(x) - f_res(x)))`` for the pairwise comparison
    (Fermi) rule and ``phi_res(x) / phi_inv(x)``, ``phi = 1 - beta + beta * payoff``, for the
    Moran process. The sum is taken in log space (no overflow at ``Z = 10^6`` or
    ``beta = 100``); for the Moran process with exact payoffs and ``beta`` it is exact.
    Neutral selection (``beta = 0``) gives exactly ``1 / Z``.

    Parameters
    ----------
    game : array_like, NormalFormGame, AnonymousGame or callable
        An ``(m, m)`` payoff matrix or a symmetric two-player game (fitness from random
        pairing without self-interaction, ``f_a = (sum_b n_b A[a, b] - A[a, a]) / (Z - 1)``);
        an :class:`~multilateral.AnonymousGame` (strategies 0 = C, 1 = D; groups of ``N``
        sampled without replacement, see :func:`hypergeometric_weights`); or a vectorized
        fitness function mapping an int array of states (counts, shape ``(S, k)``) to the
        fitnesses of the ``k`` strategies there, shape ``(S, k)`` (give ``n_strategies``).
    invader, resident : int
        Strategy indices.
    population : int
        ``Z >= 2`` (and at least the group size).
    process : {"fermi", "moran"}
        The update rule: pairwise comparison (Fermi imitation) or the Moran process.
    beta : number, default 1
        Intensity of selection, read by the process. Fermi: the inverse temperature, ``>= 0``,
        of the imitation probability ``1 / (1 + exp(-beta * (f_model - f_focal)))``
        (Traulsen et al. 2006). Moran: the intensity of selection ``w`` of Nowak et al.
        (2004), in ``[0, 1]``, of the fitness ``1 - beta + beta * payoff``. The default 1 is
        each process's own: inverse temperature 1, and fitness = payoff.
    exact : bool, optional
        Return a Fraction (default: whenever possible, i.e. Moran with exact payoffs and a
        rational ``beta``).
    n_strategies : int, optional
        The number of strategies of a fitness function.

    Returns
    -------
    float or Fraction

    See Also
    --------
    small_mutation_limit : every pair of strategies at once, and the chain they make.
    pairwise_comparison, moran_process : two-strategy chains from fitness arrays.
    hypergeometric_weights : how groups are sampled for an anonymous game.

    References
    ----------
    .. [1] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
       cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
    .. [2] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of
       invasion and fixation. *Physical Review E* 74, 011909.

    Examples
    --------
    One cooperator among defectors in the Prisoner's Dilemma (Moran, ``beta = w = 1/10``),
    exactly, and under neutral selection:

    >>> import multilateral as ml
    >>> from fractions import Fraction
    >>> pd = [[3, 0], [5, 1]]
    >>> rho = ml.solvers.fixation_probability(pd, 0, 1, 4, process="moran",
    ...                                       beta=Fraction(1, 10))
    >>> rho
    Fraction(891, 5243)
    >>> ml.solvers.fixation_probability(pd, 0, 1, 20, process="moran", beta=0)
    Fraction(1, 20)
    >>> round(ml.solvers.fixation_probability(pd, 1, 0, 20, beta=1.0), 6)   # Fermi
    0.883596
    """
    process, sel = selection(process, beta)
    fg = finite_game(game, population, n_strategies)
    i, j = strategy_index(invader, fg.k, "invader"), strategy_index(resident, fg.k, "resident")
    if i == j:
        raise InvalidArgumentError("invader and resident must be different strategies")
    if _use_exact(fg, process, sel, exact):
        assert isinstance(sel, Fraction)  # _use_exact: the Moran process with a rational beta
        return _rho_exact(fg, i, j, sel)
    lr = _pair_log_ratios(fg, [(i, j)], process, sel)
    return float(_rho_from_log_ratios(lr, fg.population)[0])


@dataclass(frozen=True, repr=False, eq=False)
class SmallMutationLimit:
    """The embedded Markov chain of the small-mutation limit.

    When mutations are rare, the population is monomorphic almost always, and a mutant
    fixes or vanishes before the next arrives. The chain on the ``k`` monomorphic states
    moves from ``i`` to ``j`` with probability ``rho_ij / (k - 1)`` (a random other strategy
    mutates in, then fixes).

    Attributes
    ----------
    fixation : numpy.ndarray
        ``fixation[i, j]``: the probability that one ``j`` mutant fixes in a population of
        ``i`` (diagonal 0, as in egttools).
    transition : numpy.ndarray
        The row-stochastic ``k x k`` transition matrix.
    stationary : numpy.ndarray
        Its stationary distribution: the fraction of time spent in each monomorphic state.
    strategies : tuple of str
    exact_fixation, exact_stationary : tuple, optional
        The same in Fractions (Moran process with exact payoffs).

    See Also
    --------
    small_mutation_limit : computes it.
    PopulationChain : the full chain, for any mutation rate.

    Examples
    --------
    >>> import multilateral as ml
    >>> sml = ml.solvers.small_mutation_limit([[4, 0], [3, 3]], 20, beta=0.1)  # stag hunt
    >>> sml     # the risk-dominant all-hare state (strategy 1) holds most of the time
    SmallMutationLimit(k=2, stationary=[0.1091, 0.8909])
    >>> sml.transition.sum(axis=1).round(12).tolist()
    [1.0, 1.0]
    """

    fixation: NDArray[np.float64]
    transition: NDArray[np.float64]
    stationary: NDArray[np.float64]
    strategies: tuple[str, ...]
    exact_fixation: tuple[tuple[Fraction, ...], ...] | None = None
    exact_stationary: tuple[Fraction, ...] | None = None

    def __post_init__(self) -> None:
        for name in ("fixation", "transition", "stationary"):
            object.__setattr__(self, name,
                               readonly(getattr(self, name)))

    def __repr__(self) -> str:
        shown = format_values(self.stationary)
        return f"SmallMutationLimit(k={len(self.strategies)}, stationary={shown})"


def small_mutation_limit(
    game: PopulationGame | FitnessFunction,
    population: int,
    *,
    process: str = "fermi",
    beta: Number = 1,
    exact: bool | None = None,
    n_strategies: int | None = None,
) -> SmallMutationLimit:
    """The small-mutation limit: fixation probabilities between all pairs of strategies,
    the ``k x k`` chain over monomorphic states, and its stationary distribution.

    All ``k (k - 1)`` fixation probabilities come from one vectorized evaluation of the
    fitnesses (``k (k - 1) (Z - 1)`` states) and the closed form of
    :func:`fixation_probability`.

    Parameters
    ----------
    game, population, process, beta, exact, n_strategies
        As in :func:`fixation_probability` (``beta``: Fermi's inverse temperature, or the
        Moran process's intensity of selection ``w`` in ``1 - beta + beta * payoff``).

    Returns
    -------
    SmallMutationLimit

    See Also
    --------
    fixation_probability : one pair of strategies.
    transition_matrix : the full chain, for mutation rates that are not small.
    evolutionarily_stable_strategies : the infinite-population counterpart.

    References
    ----------
    .. [1] Fudenberg, D. and Imhof, L. A. (2006). Imitation processes with small mutations.
       *Journal of Economic Theory* 131, 251-262.
    .. [2] Imhof, L. A., Fudenberg, D. and Nowak, M. A. (2005). Evolutionary cycles of
       cooperation and defection. *PNAS* 102, 10797-10800.

    Examples
    --------
    Rock-Paper-Scissors spends equal time in each monomorphic state:

    >>> import multilateral as ml
    >>> rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    >>> sml = ml.solvers.small_mutation_limit(rps, 50, beta=1.0)
    >>> sml.stationary.round(6).tolist()
    [0.333333, 0.333333, 0.333333]

    The Moran process with exact payoffs stays exact:

    >>> pd = [[3, 0], [5, 1]]
    >>> from fractions import Fraction
    >>> ml.solvers.small_mutation_limit(pd, 4, process="moran",
    ...                                 beta=Fraction(1, 10)).exact_stationary
    (Fraction(4455, 13499), Fraction(9044, 13499))
    """
    process, sel = selection(process, beta)
    fg = finite_game(game, population, n_strategies)
    k = fg.k
    pairs = [(j, i) for i in range(k) for j in range(k) if i != j]  # (invader, resident)
    fix = np.zeros((k, k))
    exact_fix = exact_stat = None
    if _use_exact(fg, process, sel, exact):
        assert isinstance(sel, Fraction)  # _use_exact: the Moran process with a rational beta
        efix = [[Fraction(0)] * k for _ in range(k)]
        for j, i in pairs:
            efix[i][j] = _rho_exact(fg, j, i, sel)
        etrans = [[efix[i][j] / (k - 1) for j in range(k)] for i in range(k)]
        for i in range(k):
            etrans[i][i] = 1 - sum((etrans[i][j] for j in range(k) if j != i), Fraction(0))
        exact_stat = tuple(_stationary_exact(etrans))
        exact_fix = tuple(tuple(row) for row in efix)
        fix = np.array(efix, dtype=np.float64)
    else:
        rho = _rho_from_log_ratios(_pair_log_ratios(fg, pairs, process, sel), fg.population)
        for (j, i), r in zip(pairs, rho, strict=True):
            fix[i, j] = r
    trans = fix / (k - 1)
    trans[np.diag_indices(k)] = 1.0 - trans.sum(axis=1)
    stat = (np.array(exact_stat, dtype=np.float64) if exact_stat is not None
            else stationary_distribution(trans))
    return SmallMutationLimit(fix, trans, stat, fg.labels, exact_fix, exact_stat)


def _stationary_exact(trans: list[list[Fraction]]) -> list[Fraction]:
    k = len(trans)
    system = [[trans[j][i] - (1 if i == j else 0) for j in range(k)] for i in range(k - 1)]
    system.append([Fraction(1)] * k)
    sol = solve_rational(system, [Fraction(0)] * (k - 1) + [Fraction(1)])
    if sol is None:
        raise DegenerateGameError(
            "the small-mutation chain has no unique stationary distribution (some fixation "
            "probabilities are zero, so it is reducible)")
    return sol

