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

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._display import repr_values
from ..._namespace import public_dir
from ..._numeric import readonly
from ...errors import DegenerateGameError, InvalidArgumentError, InvalidPayoffsError
from ...games.population import FitnessFunction, PopulationGame
from ...types import Number
from ._kernel import solve_rational
from .fitness import FiniteGame, finite_game, moran_fitness, selection, strategy_index

__all__ = ["SmallMutationLimit", "fixation_probability", "small_mutation_limit"]
__dir__ = public_dir(__all__)


#: Float elements of one chunk of pairs in the small-mutation limit (pairs x (Z - 1) x k
#: state counts for a fitness function, pairs x (Z - 1) for a matrix game): bounds the
#: memory of the largest temporaries at a few MB whatever ``k`` and ``Z``.
_CHUNK_ELEMENTS = 1 << 18


def _pair_log_ratios(fg: FiniteGame, inv: NDArray[np.int64], res: NDArray[np.int64],
                     process: str, sel: Any) -> NDArray[np.float64]:
    """``log(T-(x) / T+(x))`` for ``x = 1..Z-1`` invaders of ``inv[p]`` among residents
    ``res[p]``, one row per pair ``p`` (memory linear in the number of pairs: a matrix
    game's fitnesses come straight from its four payoffs per pair; a fitness function's
    states are built for one pair at a time)."""
    z, k = fg.population, fg.k
    if fg.pair_fitness is not None:
        f_inv, f_res = fg.pair_fitness(inv, res)
    else:
        x = np.arange(1, z, dtype=np.int64)
        rows = np.arange(len(inv))
        states = np.zeros((len(inv), z - 1, k), dtype=np.int64)
        states[rows, :, inv] = x
        states[rows, :, res] = z - x
        f = fg.fitness(states.reshape(-1, k)).reshape(len(inv), z - 1, k)
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


def _log_rho_from_log_ratios(lr: NDArray[np.float64], z: int) -> NDArray[np.float64]:
    """``log rho = -log(1 + sum_i prod_{x <= i} T-(x)/T+(x))`` per row: minus the
    log-sum-exp of the cumulative log ratios (exactly ``-log Z`` for neutral drift). Finite
    for any finite ratios, however small ``rho`` is (``Z = 10^4`` at strong selection)."""
    from scipy.special import logsumexp

    terms = np.concatenate([np.zeros((*lr.shape[:-1], 1)), np.cumsum(lr, axis=-1)], axis=-1)
    out: NDArray[np.float64] = -logsumexp(terms, axis=-1)
    return np.where(np.all(lr == 0, axis=-1), -np.log(z), out)


def _rho_from_log_ratios(lr: NDArray[np.float64], z: int) -> NDArray[np.float64]:
    """``exp`` of :func:`_log_rho_from_log_ratios` (exactly ``1/Z`` for neutral drift)."""
    rho: NDArray[np.float64] = np.exp(_log_rho_from_log_ratios(lr, z))
    return np.where(np.all(lr == 0, axis=-1), 1.0 / z, rho)


def _log_fixation_matrix(fg: FiniteGame, process: str, sel: Any
                         ) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """``log rho[i, j]`` (one ``j`` mutant fixing among ``i``) for all ``i != j`` (diagonal
    ``-inf``) and where the pair is neutral (``rho = 1/Z`` exactly), in chunks of pairs so
    that the temporaries stay within :data:`_CHUNK_ELEMENTS` floats: memory
    ``O(k^2 + chunk)``, not ``O(k^3 Z)``."""
    k, z = fg.k, fg.population
    res, inv = (a.ravel() for a in np.nonzero(~np.eye(k, dtype=bool)))
    per_pair = (z - 1) * (1 if fg.pair_fitness is not None else k)
    chunk = max(1, _CHUNK_ELEMENTS // per_pair)
    out = np.full((k, k), -np.inf)
    neutral = np.zeros((k, k), dtype=bool)
    for s in range(0, len(inv), chunk):
        i, r = inv[s:s + chunk], res[s:s + chunk]
        lr = _pair_log_ratios(fg, i, r, process, sel)
        out[r, i] = _log_rho_from_log_ratios(lr, z)
        neutral[r, i] = np.all(lr == 0, axis=-1)
    return out, neutral


def _log_stationary_gth(log_t: NDArray[np.float64]) -> NDArray[np.float64]:
    """The log stationary distribution of the chain with off-diagonal log transition
    probabilities ``log_t`` (diagonal ignored), by the Grassmann-Taksar-Heyman state
    reduction carried out in log space: subtraction-free, so every entry keeps its relative
    accuracy, and nothing under- or overflows (probabilities ``e^-5000`` included).
    ``O(k^3)``.

    Raises
    ------
    DegenerateGameError
        If the chain is reducible (a state reduction finds no way down).
    """
    from scipy.special import logsumexp

    lt = np.array(log_t, dtype=np.float64)
    k = lt.shape[0]
    np.fill_diagonal(lt, -np.inf)
    log_out = np.zeros(k)
    with np.errstate(invalid="ignore"):
        for n in range(k - 1, 0, -1):
            s = logsumexp(lt[n, :n])
            if not np.isfinite(s):
                raise DegenerateGameError(
                    "the small-mutation chain has no unique stationary distribution (some "
                    "fixation probabilities are zero, so it is reducible)")
            log_out[n] = s
            lt[:n, :n] = np.logaddexp(lt[:n, :n], lt[:n, n, None] + lt[None, n, :n] - s)
        logp = np.zeros(k)
        for n in range(1, k):
            logp[n] = logsumexp(logp[:n] + lt[:n, n]) - log_out[n]
    result: NDArray[np.float64] = logp - logsumexp(logp)
    return result


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
    lr = _pair_log_ratios(fg, np.array([i]), np.array([j]), process, sel)
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
    log_fixation, log_stationary : numpy.ndarray, optional
        The natural logarithms of :attr:`fixation` (diagonal ``-inf``) and
        :attr:`stationary`, accurate where the probabilities themselves underflow to 0 (a
        large population or strong selection: ``rho`` of ``e^-5000`` at ``Z = 10^4``).

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
    log_fixation: NDArray[np.float64] | None = None
    log_stationary: NDArray[np.float64] | None = None

    def __post_init__(self) -> None:
        for name in ("fixation", "transition", "stationary", "log_fixation",
                     "log_stationary"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, readonly(getattr(self, name)))

    def __repr__(self) -> str:
        shown = repr_values(self.stationary)
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

    All ``k (k - 1)`` fixation probabilities come from the closed form of
    :func:`fixation_probability`, vectorized over pairs, in log space end to end: each
    ``log rho`` is minus a log-sum-exp of cumulative log ratios, and the stationary
    distribution comes from the Grassmann-Taksar-Heyman state reduction on the log
    transition probabilities (no subtraction, no linear solve), so a population of
    ``Z = 10^4`` or a fixation probability of ``e^-5000`` is no harder than ``Z = 10``.
    Memory is linear in the number of pairs (``k (k - 1) (Z - 1)`` floats for a matrix game,
    in bounded chunks; a fitness function is called on one chunk of pairs at a time).

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
    import math

    process, sel = selection(process, beta)
    fg = finite_game(game, population, n_strategies)
    k = fg.k
    exact_fix = exact_stat = None
    if _use_exact(fg, process, sel, exact):
        assert isinstance(sel, Fraction)  # _use_exact: the Moran process with a rational beta
        efix = [[Fraction(0)] * k for _ in range(k)]
        for i in range(k):
            for j in range(k):
                if i != j:
                    efix[i][j] = _rho_exact(fg, j, i, sel)
        etrans = [[efix[i][j] / (k - 1) for j in range(k)] for i in range(k)]
        for i in range(k):
            etrans[i][i] = 1 - sum((etrans[i][j] for j in range(k) if j != i), Fraction(0))
        exact_stat = tuple(_stationary_exact(etrans))
        exact_fix = tuple(tuple(row) for row in efix)
        log_fix = np.array([[_log_fraction(v) if i != j else -np.inf
                             for j, v in enumerate(row)] for i, row in enumerate(efix)])
        log_stat = np.array([_log_fraction(v) for v in exact_stat])
        fix = np.array(efix, dtype=np.float64)
        stat = np.array(exact_stat, dtype=np.float64)
    else:
        log_fix, neutral = _log_fixation_matrix(fg, process, sel)
        log_stat = _log_stationary_gth(log_fix)
        fix = np.where(neutral, 1.0 / fg.population, np.exp(log_fix))
        stat = np.exp(log_stat)
    log_trans = log_fix - math.log(k - 1)
    trans = np.exp(log_trans)
    # 1 - sum of the row, as -expm1(log-sum-exp): accurate when the row sum is tiny
    from scipy.special import logsumexp

    trans[np.diag_indices(k)] = -np.expm1(logsumexp(log_trans, axis=1))
    return SmallMutationLimit(fix, trans, stat, fg.labels, exact_fix, exact_stat, log_fix,
                              log_stat)


def _log_fraction(v: Fraction) -> float:
    """``log v`` of a positive Fraction however small (``-inf`` for 0)."""
    import math

    if v <= 0:
        return -math.inf
    return math.log(v.numerator) - math.log(v.denominator)


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

