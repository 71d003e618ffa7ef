"""Two strategies in a finite population: birth-death chains in O(Z).

Two strategies give a birth-death chain on ``k = 0..Z`` (the number of A individuals):
:class:`BirthDeathChain` (from :func:`pairwise_comparison` or :func:`moran_process`) does
everything from the two arrays ``T+(k)`` (``k -> k + 1``) and ``T-(k)`` (``k -> k - 1``): the
gradient of selection ``G(k) = T+(k) - T-(k)``, the fixation probabilities and, when mutation
makes the chain irreducible, the stationary distribution from detailed balance
``p(k + 1) / p(k) = T+(k) / T-(k + 1)``. Products are summed in log space, so neither
``Z = 10^6`` nor strong selection (``beta = 100``) overflows.

References
----------
.. [1] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of invasion
   and fixation. *Physical Review E* 74, 011909.
.. [2] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
   cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
.. [3] Karlin, S. and Taylor, H. M. (1975). *A First Course in Stochastic Processes*, 2nd ed.,
   ch. 4 (birth-death chains, stationary distributions, absorption probabilities).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import check_probability
from ...errors import DegenerateGameError, InvalidArgumentError, InvalidPayoffsError
from ...tolerances import ROUNDING
from ._kernel import finite_vector, nonnegative_float, probabilities

__all__ = ["BirthDeathChain", "moran_process", "pairwise_comparison"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False, eq=False)
class BirthDeathChain:
    """A birth-death Markov chain on ``k = 0..Z`` (the number of A individuals).

    Parameters
    ----------
    up : array_like
        ``T+(k)``, the probability of ``k -> k + 1``, for ``k = 0..Z`` (``up[Z]`` must be 0).
    down : array_like
        ``T-(k)``, the probability of ``k -> k - 1``, for ``k = 0..Z`` (``down[0]`` must be 0).
    log_ratio : array_like, optional
        ``log(T-(k) / T+(k))`` for ``k = 1..Z-1`` when known more accurately than from the
        two arrays (the pairwise comparison rule without mutation gives it in closed form,
        ``-beta (f_A - f_B)``, even where the probabilities themselves underflow). Used by
        :meth:`fixation_probability`.

    See Also
    --------
    pairwise_comparison, moran_process : the two update rules that build one.
    fixation_probability : the same fixation probabilities from a game, for any ``k``.
    transition_matrix : the full chain of ``k >= 2`` strategies.

    Examples
    --------
    A neutral chain (no selection, with mutation) has a symmetric stationary distribution:

    >>> import numpy as np
    >>> import multilateral as ml
    >>> chain = ml.solvers.pairwise_comparison(np.zeros(5), beta=1.0, mutation=0.1)
    >>> chain.stationary_distribution().round(4).tolist()
    [0.2116, 0.1935, 0.1898, 0.1935, 0.2116]
    """

    up: NDArray[np.float64]
    down: NDArray[np.float64]
    log_ratio: NDArray[np.float64] | None = None

    def __post_init__(self) -> None:
        up = probabilities(self.up, "up (T+)")
        down = probabilities(self.down, "down (T-)")
        if up.ndim != 1 or up.shape != down.shape or up.size < 2:
            raise InvalidArgumentError(
                "up and down must be 1-d arrays of the same length Z + 1 >= 2 (states "
                f"k = 0..Z); got shapes {up.shape} and {down.shape}")
        if up[-1] != 0 or down[0] != 0:
            raise InvalidArgumentError(
                "a birth-death chain cannot leave 0..Z: need up[Z] == 0 and down[0] == 0, "
                f"got up[Z] = {up[-1]!r}, down[0] = {down[0]!r}")
        if np.any(up + down > 1 + ROUNDING):
            k = int(np.argmax(up + down))
            raise InvalidArgumentError(
                f"T+(k) + T-(k) must be <= 1; at k = {k} it is {up[k] + down[k]!r}")
        object.__setattr__(self, "up", readonly(up, dtype=None))
        object.__setattr__(self, "down", readonly(down, dtype=None))
        if self.log_ratio is not None:
            lr = np.array(self.log_ratio, dtype=np.float64)
            if lr.shape != (up.size - 2,) or np.any(np.isnan(lr)):
                raise InvalidArgumentError(
                    f"log_ratio must hold log(T-(k)/T+(k)) for k = 1..Z-1 ({up.size - 2} "
                    f"values), got shape {lr.shape}")
            object.__setattr__(self, "log_ratio", readonly(lr, dtype=None))

    @property
    def population(self) -> int:
        """``Z``, the population size (the chain has ``Z + 1`` states)."""
        return int(self.up.size - 1)

    @property
    def gradient(self) -> NDArray[np.float64]:
        """The gradient of selection ``G(k) = T+(k) - T-(k)``, ``k = 0..Z``."""
        return readonly(self.up - self.down, dtype=None)

    def transition_matrix(self) -> NDArray[np.float64]:
        """The dense row-stochastic ``(Z + 1) x (Z + 1)`` transition matrix (for checks)."""
        size = self.up.size
        mat = np.zeros((size, size))
        idx = np.arange(size)
        mat[idx[:-1], idx[1:]] = self.up[:-1]
        mat[idx[1:], idx[:-1]] = self.down[1:]
        mat[idx, idx] = 1.0 - self.up - self.down
        return mat

    def stationary_distribution(self) -> NDArray[np.float64]:
        """The unique stationary distribution, from detailed balance in O(Z).

        ``p(k + 1) / p(k) = T+(k) / T-(k + 1)``: the log-probabilities are a cumulative
        sum, exponentiated after subtracting their maximum, then normalized.

        Raises
        ------
        DegenerateGameError
            If some ``T+(k)`` (``k < Z``) or ``T-(k)`` (``k > 0``) is zero: the chain is
            then reducible (e.g. no mutation makes 0 and Z absorbing) and has no unique
            stationary distribution; use :meth:`fixation_probability` instead.
        """
        up, down = self.up[:-1], self.down[1:]
        if np.any(up <= 0) or np.any(down <= 0):
            k = int(np.flatnonzero(up <= 0)[0]) if np.any(up <= 0) else int(
                np.flatnonzero(down <= 0)[0]) + 1
            raise DegenerateGameError(
                "the chain is not irreducible (a transition probability is zero at k = "
                f"{k}; without mutation 0 and Z are absorbing): it has no unique stationary "
                "distribution. Give mutation > 0, or use fixation_probability")
        logp = np.concatenate(([0.0], np.cumsum(np.log(up) - np.log(down))))
        p = np.exp(logp - logp.max())
        out: NDArray[np.float64] = p / p.sum()
        return readonly(out, dtype=None)

    def fixation_probability(self, mutant: str = "A") -> float:
        """Probability that one mutant takes over, with 0 and Z treated as absorbing.

        For ``mutant="A"`` the chain starts at ``k = 1`` and the result is the probability of
        reaching ``Z`` before 0: ``1 / (1 + sum_{i=1}^{Z-1} prod_{j=1}^{i} T-(j)/T+(j))``.
        For ``mutant="B"``: one B among ``Z - 1`` A (start at ``Z - 1``), reaching 0 first.
        Neutral drift gives ``1 / Z``.
        """
        if mutant not in ("A", "B"):
            raise InvalidArgumentError(f"mutant must be 'A' or 'B', got {mutant!r}")
        lr = self._log_ratio()
        if lr.size == 0:  # Z = 1: a single individual is already fixed
            return 1.0
        if mutant == "B":
            lr = -lr[::-1]
        terms = np.concatenate(([0.0], np.cumsum(lr)))
        from scipy.special import logsumexp

        return float(np.exp(-logsumexp(terms)))

    def _log_ratio(self) -> NDArray[np.float64]:
        if self.log_ratio is not None:
            return self.log_ratio
        up, down = self.up[1:-1], self.down[1:-1]
        if np.any(up <= 0) or np.any(down <= 0):
            raise DegenerateGameError(
                "fixation needs T+(k) > 0 and T-(k) > 0 for 0 < k < Z; a zero makes an "
                "interior state absorbing")
        out: NDArray[np.float64] = np.log(down) - np.log(up)
        return out

    def __repr__(self) -> str:
        return f"BirthDeathChain(Z={self.population})"


def pairwise_comparison(
    fitness_difference: ArrayLike,
    *,
    beta: float,
    mutation: float = 0.0,
    others_only: bool = False,
) -> BirthDeathChain:
    """The pairwise comparison (Fermi) process of two strategies in a population of ``Z``.

    A random focal individual and a random model are drawn; if their strategies differ the
    focal imitates the model with probability ``1 / (1 + exp(-beta (f_model - f_focal)))``.
    With probability ``mutation`` (``m`` below) the focal instead switches to the other
    strategy at random. So, with ``d(k) = f_A(k) - f_B(k)`` when ``k`` individuals play A,

    ``T+(k) = (1 - m) (k / Z) ((Z - k) / Z') / (1 + exp(-beta d(k))) + m (Z - k) / Z``
    ``T-(k) = (1 - m) (k / Z) ((Z - k) / Z') / (1 + exp(+beta d(k))) + m k / Z``

    with ``Z' = Z`` (model drawn from the whole population, as in Traulsen et al. and Santos &
    Pacheco) or ``Z' = Z - 1`` (``others_only=True``: the model is one of the focal's
    ``Z - 1`` others, the convention of ``egttools``).

    Parameters
    ----------
    fitness_difference : array_like
        ``d(k) = f_A(k) - f_B(k)`` for ``k = 0..Z`` (length ``Z + 1``). The end values are not
        used (one strategy is absent there); pass anything finite.
    beta : float
        Intensity of selection, ``>= 0`` (0 is neutral drift): the inverse temperature of the
        imitation probability ``1 / (1 + exp(-beta * payoff difference))``.
    mutation : float, default 0
        Mutation (exploration) probability in [0, 1].
    others_only : bool, default False
        Draw the model from the ``Z - 1`` others rather than from all ``Z``.

    Returns
    -------
    BirthDeathChain

    See Also
    --------
    moran_process : the other update rule.
    fixation_probability, small_mutation_limit : the same rule from a game.
    transition_matrix : the rule with ``k >= 2`` strategies.

    References
    ----------
    .. [1] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of
       invasion and fixation. *Physical Review E* 74, 011909.

    Examples
    --------
    A constant advantage ``d`` gives ``rho_A = (1 - e^(-beta d)) / (1 - e^(-beta d Z))``:

    >>> import numpy as np
    >>> import multilateral as ml
    >>> chain = ml.solvers.pairwise_comparison(np.full(11, 0.5), beta=2.0)
    >>> round(chain.fixation_probability("A"), 6)   # (1 - e^-1) / (1 - e^-10)
    0.632149
    >>> round(chain.fixation_probability("B") / chain.fixation_probability("A"), 8)  # e^-9
    0.0001234
    """
    d = finite_vector(fitness_difference, "fitness_difference")
    z = d.size - 1
    if z < 1:
        raise InvalidArgumentError(
            "fitness_difference needs Z + 1 >= 2 values (one per state k = 0..Z)")
    b = nonnegative_float(beta, "beta")
    m = check_probability(mutation, "mutation")
    k = np.arange(z + 1, dtype=np.float64)
    mixed = k * (z - k) / (z * (z - 1 if others_only and z > 1 else z))
    from scipy.special import expit

    up = (1 - m) * mixed * expit(b * d) + m * (z - k) / z
    down = (1 - m) * mixed * expit(-b * d) + m * k / z
    log_ratio = None
    if m == 0:
        log_ratio = -b * d[1:-1]
    return BirthDeathChain(up, down, log_ratio)


def moran_process(
    fitness_a: ArrayLike, fitness_b: ArrayLike, *, mutation: float = 0.0
) -> BirthDeathChain:
    """The frequency-dependent Moran process (birth proportional to fitness, random death).

    With ``k`` A players, an A reproduces with probability ``k f_A / (k f_A + (Z - k) f_B)``
    and its offspring replaces a random individual; with probability ``mutation`` the
    offspring mutates to the other strategy. Fitnesses must be positive (use
    ``1 - beta + beta * payoff`` with a small ``beta``, Nowak et al.'s ``w``, for weak
    selection; :func:`fixation_probability` with ``process="moran"`` does so).

    Parameters
    ----------
    fitness_a, fitness_b : array_like
        ``f_A(k)`` and ``f_B(k)`` for ``k = 0..Z``. ``f_A(0)`` and ``f_B(Z)`` are not used.
    mutation : float, default 0
        Mutation probability of an offspring.

    Returns
    -------
    BirthDeathChain

    See Also
    --------
    pairwise_comparison : the other update rule.
    fixation_probability : the Moran process from a game, exactly for exact payoffs.

    References
    ----------
    .. [1] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
       cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.

    Examples
    --------
    Neutral drift: a single mutant fixes with probability ``1 / Z``.

    >>> import numpy as np
    >>> import multilateral as ml
    >>> round(ml.solvers.moran_process(np.ones(11), np.ones(11)).fixation_probability(), 12)
    0.1
    """
    fa = finite_vector(fitness_a, "fitness_a")
    fb = finite_vector(fitness_b, "fitness_b")
    if fa.shape != fb.shape or fa.size < 2:
        raise InvalidArgumentError(
            "fitness_a and fitness_b must have the same length Z + 1 >= 2, got "
            f"{fa.size} and {fb.size}")
    z = fa.size - 1
    k = np.arange(z + 1, dtype=np.float64)
    fa_used, fb_used = np.where(k > 0, fa, 1.0), np.where(k < z, fb, 1.0)
    if np.any(fa_used <= 0) or np.any(fb_used <= 0):
        raise InvalidPayoffsError("Moran fitnesses must be positive")
    m = check_probability(mutation, "mutation")
    births_a = k * fa_used / (k * fa_used + (z - k) * fb_used)
    a_offspring = (1 - m) * births_a + m * (1 - births_a)
    up = a_offspring * (z - k) / z
    down = (1 - a_offspring) * k / z
    log_ratio = None
    if m == 0:
        log_ratio = np.log(fb_used[1:-1]) - np.log(fa_used[1:-1])
    return BirthDeathChain(up, down, log_ratio)
