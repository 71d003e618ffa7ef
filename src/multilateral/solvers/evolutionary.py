"""Evolutionary dynamics: replicator dynamics, evolutionary stability, finite populations.

**Infinite populations.** :func:`replicator` integrates the replicator dynamics
``x_i' = x_i (f_i(x) - f(x))`` (Taylor & Jonker 1978) of a symmetric two-player game with any
number of strategies (``f = A x``), or of an anonymous N-player game
(``x' = x (1 - x) g(x)`` with ``g`` its gain function), with :func:`scipy.integrate.solve_ivp`.
:func:`rest_points` finds every rest point by support enumeration (on each face the
strategies present earn equal fitness), exactly in Fractions for exact payoffs, with its
stability from the eigenvalues of the Jacobian on the simplex. :func:`is_ess` and
:func:`evolutionarily_stable_strategies` apply Maynard Smith's conditions, exactly for exact
payoffs, mixed strategies included (Haigh's test on the best replies).

**Finite populations.** A population of ``Z`` individuals and ``k`` strategies evolves by
the pairwise comparison (Fermi) rule with selection intensity ``beta`` (Traulsen, Nowak &
Pacheco 2006) or by the frequency-dependent Moran process with fitness
``1 - w + w * payoff`` (Nowak et al. 2004). Fitnesses come from random pairing without
self-interaction (matrix games) or from groups of ``N`` sampled without replacement,
hypergeometrically (anonymous N-player games), or from any vectorized fitness function.

* :func:`fixation_probability`: one mutant's fixation probability in closed form (the
  product formula, summed in log space; exact Fractions for the Moran process with rational
  payoffs and ``w``);
* :func:`small_mutation_limit`: the embedded chain over the ``k`` monomorphic states
  (transition ``rho_ij / (k - 1)``) and its stationary distribution (Fudenberg & Imhof 2006);
* :func:`transition_matrix`: the full chain over all ``C(Z + k - 1, k - 1)`` compositions of
  the population, with mutation ``mu``, built vectorized as a :mod:`scipy.sparse` matrix,
  and :func:`stationary_distribution` by a sparse solve.

Two strategies give a birth-death chain: :class:`BirthDeathChain` (from
:func:`pairwise_comparison` or :func:`moran_process`) does everything in O(Z) from the two
arrays ``T+(k)`` (``k -> k + 1``) and ``T-(k)`` (``k -> k - 1``): the gradient of selection
``G(k) = T+(k) - T-(k)``, the fixation probabilities and, when mutation makes the chain
irreducible, the stationary distribution from detailed balance
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
.. [4] Taylor, P. D. and Jonker, L. B. (1978). Evolutionarily stable strategies and game
   dynamics. *Mathematical Biosciences* 40, 145-156.
.. [5] Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge University
   Press.
.. [6] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
   8-11; Hadeler, K. P. (1983). On copositive matrices. *Linear Algebra Appl.* 49, 79-89.
.. [7] Fudenberg, D. and Imhof, L. A. (2006). Imitation processes with small mutations.
   *Journal of Economic Theory* 131, 251-262.
.. [8] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population Dynamics*.
   Cambridge University Press, ch. 6-7.
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._numeric import format_values, readonly
from .._validation import (
    DEFAULT_TOL,
    as_number_array,
    as_probability_vector,
    check_positive_int,
    check_probability,
    check_tol,
    to_float,
)
from ..errors import (
    DegenerateGameError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidPayoffsError,
    InvalidProbabilityError,
    InvalidTypeError,
    SolverError,
)
from ..games.anonymous import AnonymousGame, binomial_weights
from ..games.normal_form import NormalFormGame

__all__ = [
    "BirthDeathChain",
    "PopulationChain",
    "RestPoint",
    "SmallMutationLimit",
    "Trajectory",
    "evolutionarily_stable_strategies",
    "fixation_probability",
    "hypergeometric_weights",
    "is_ess",
    "moran_process",
    "pairwise_comparison",
    "population_states",
    "replicator",
    "rest_points",
    "small_mutation_limit",
    "stationary_distribution",
    "transition_matrix",
]

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

    Examples
    --------
    A neutral chain (no selection, mutation ``mu``) has a symmetric stationary distribution:

    >>> import numpy as np
    >>> import multilateral as ml
    >>> chain = ml.solvers.pairwise_comparison(np.zeros(5), beta=1.0, mu=0.1)
    >>> chain.stationary_distribution().round(4).tolist()
    [0.2116, 0.1935, 0.1898, 0.1935, 0.2116]
    """

    up: NDArray[np.float64]
    down: NDArray[np.float64]
    log_ratio: NDArray[np.float64] | None = None

    def __post_init__(self) -> None:
        up = _probabilities(self.up, "up (T+)")
        down = _probabilities(self.down, "down (T-)")
        if up.ndim != 1 or up.shape != down.shape or up.size < 2:
            raise InvalidArgumentError(
                "up and down must be 1-d arrays of the same length Z + 1 >= 2 (states "
                f"k = 0..Z); got shapes {up.shape} and {down.shape}")
        if up[-1] != 0 or down[0] != 0:
            raise InvalidArgumentError(
                "a birth-death chain cannot leave 0..Z: need up[Z] == 0 and down[0] == 0, "
                f"got up[Z] = {up[-1]!r}, down[0] = {down[0]!r}")
        if np.any(up + down > 1 + 1e-12):
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
                "distribution. Give mu > 0, or use fixation_probability")
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
    mu: float = 0.0,
    others_only: bool = False,
) -> BirthDeathChain:
    """The pairwise comparison (Fermi) process of two strategies in a population of ``Z``.

    A random focal individual and a random model are drawn; if their strategies differ the
    focal imitates the model with probability ``1 / (1 + exp(-beta (f_model - f_focal)))``.
    With probability ``mu`` the focal instead switches to the other strategy at random. So,
    with ``d(k) = f_A(k) - f_B(k)`` when ``k`` individuals play A,

    ``T+(k) = (1 - mu) (k / Z) ((Z - k) / Z') / (1 + exp(-beta d(k))) + mu (Z - k) / Z``
    ``T-(k) = (1 - mu) (k / Z) ((Z - k) / Z') / (1 + exp(+beta d(k))) + mu k / Z``

    with ``Z' = Z`` (model drawn from the whole population, as in Traulsen et al. and Santos &
    Pacheco) or ``Z' = Z - 1`` (``others_only=True``: the model is one of the focal's
    ``Z - 1`` others, the convention of ``egttools``).

    Parameters
    ----------
    fitness_difference : array_like
        ``d(k) = f_A(k) - f_B(k)`` for ``k = 0..Z`` (length ``Z + 1``). The end values are not
        used (one strategy is absent there); pass anything finite.
    beta : float
        Intensity of selection, ``>= 0`` (0 is neutral drift).
    mu : float, default 0
        Mutation (exploration) probability in [0, 1].
    others_only : bool, default False
        Draw the model from the ``Z - 1`` others rather than from all ``Z``.

    Returns
    -------
    BirthDeathChain

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
    d = _finite_vector(fitness_difference, "fitness_difference")
    z = d.size - 1
    if z < 1:
        raise InvalidArgumentError(
            "fitness_difference needs Z + 1 >= 2 values (one per state k = 0..Z)")
    b = _nonnegative_float(beta, "beta")
    m = check_probability(mu, "mu")
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
    fitness_a: ArrayLike, fitness_b: ArrayLike, *, mu: float = 0.0
) -> BirthDeathChain:
    """The frequency-dependent Moran process (birth proportional to fitness, random death).

    With ``k`` A players, an A reproduces with probability ``k f_A / (k f_A + (Z - k) f_B)``
    and its offspring replaces a random individual; with probability ``mu`` the offspring
    mutates to the other strategy. Fitnesses must be positive (use ``1 - w + w * payoff``
    with a small ``w`` for weak selection).

    Parameters
    ----------
    fitness_a, fitness_b : array_like
        ``f_A(k)`` and ``f_B(k)`` for ``k = 0..Z``. ``f_A(0)`` and ``f_B(Z)`` are not used.
    mu : float, default 0
        Mutation probability of an offspring.

    Examples
    --------
    Neutral drift: a single mutant fixes with probability ``1 / Z``.

    >>> import numpy as np
    >>> import multilateral as ml
    >>> round(ml.solvers.moran_process(np.ones(11), np.ones(11)).fixation_probability(), 12)
    0.1
    """
    fa = _finite_vector(fitness_a, "fitness_a")
    fb = _finite_vector(fitness_b, "fitness_b")
    if fa.shape != fb.shape or fa.size < 2:
        raise InvalidArgumentError(
            "fitness_a and fitness_b must have the same length Z + 1 >= 2, got "
            f"{fa.size} and {fb.size}")
    z = fa.size - 1
    k = np.arange(z + 1, dtype=np.float64)
    fa_used, fb_used = np.where(k > 0, fa, 1.0), np.where(k < z, fb, 1.0)
    if np.any(fa_used <= 0) or np.any(fb_used <= 0):
        raise InvalidPayoffsError("Moran fitnesses must be positive")
    m = check_probability(mu, "mu")
    births_a = k * fa_used / (k * fa_used + (z - k) * fb_used)
    a_offspring = (1 - m) * births_a + m * (1 - births_a)
    up = a_offspring * (z - k) / z
    down = (1 - a_offspring) * k / z
    log_ratio = None
    if m == 0:
        log_ratio = np.log(fb_used[1:-1]) - np.log(fa_used[1:-1])
    return BirthDeathChain(up, down, log_ratio)


def _finite_vector(values: ArrayLike, name: str) -> NDArray[np.float64]:
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"{name} must be a sequence of numbers") from None
    if arr.ndim != 1:
        raise InvalidArgumentError(f"{name} must be 1-d (one value per state k = 0..Z)")
    if not np.all(np.isfinite(arr)):
        raise InvalidArgumentError(f"{name} must be finite; found NaN or infinity")
    return arr


def _probabilities(values: ArrayLike, name: str) -> NDArray[np.float64]:
    arr = _finite_vector(values, name)
    if np.any(arr < 0) or np.any(arr > 1):
        raise InvalidArgumentError(f"{name} must be probabilities in [0, 1]")
    return arr


def _nonnegative_float(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(f"{name} must be a real number >= 0, got {value!r}")
    v = float(value)
    if not math.isfinite(v) or v < 0:
        raise InvalidArgumentError(f"{name} must be a finite number >= 0, got {value!r}")
    return v


# ==========================================================================================
# Shared helpers: games as payoff matrices, exact/float arithmetic with a tolerance
# ==========================================================================================
def _payoff_matrix(game: Any) -> NDArray[Any]:
    """A symmetric two-player game as its ``(m, m)`` matrix ``A[i, j]`` (payoff of strategy
    ``i`` against ``j``), exact entries kept exact."""
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
        return np.asarray(a)
    if isinstance(game, AnonymousGame):
        raise InvalidTypeError(
            "expected a payoff matrix or a symmetric NormalFormGame; an AnonymousGame is an "
            "N-player game (use rest_points / replicator, or the finite-population functions)")
    arr = as_number_array(game, "payoff matrix")
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1] or arr.shape[0] < 1:
        raise InvalidPayoffsError(
            "a payoff matrix must be square, (m, m), with entry [i, j] the payoff of strategy "
            f"i against strategy j; got shape {arr.shape}")
    return arr


def _is_exact(arr: NDArray[Any]) -> bool:
    return arr.dtype.kind in "iuO"


def _fractions(arr: NDArray[Any]) -> list[list[Fraction]]:
    return [[Fraction(v) for v in row] for row in arr.tolist()]


def _labels(game: Any, k: int) -> tuple[str, ...]:
    if isinstance(game, NormalFormGame):
        return tuple(game.actions[0])
    if isinstance(game, AnonymousGame):
        return ("C", "D")
    return tuple(f"s{i}" for i in range(k))


class _Field:
    """Exact arithmetic (Fractions, sign tests exact) or floats with an absolute tolerance."""

    def __init__(self, exact: bool, tol: float = 0.0) -> None:
        self.exact = exact
        self.tol = 0.0 if exact else tol

    def sign(self, v: Any) -> int:
        if abs(v) <= self.tol:
            return 0
        return 1 if v > 0 else -1


def _eliminate(mat: list[list[Any]], rhs: list[Any], field: _Field
               ) -> tuple[Literal["unique", "none", "many"], list[Any] | None]:
    """Gauss-Jordan elimination of the square system ``mat x = rhs``."""
    n = len(mat)
    aug = [[*row, b] for row, b in zip(mat, rhs, strict=True)]
    r = 0
    for c in range(n):
        best = None
        for i in range(r, n):
            if field.sign(aug[i][c]) != 0 and (
                    best is None or (not field.exact and abs(aug[i][c]) > abs(aug[best][c]))):
                best = i
                if field.exact:
                    break
        if best is None:
            continue
        aug[r], aug[best] = aug[best], aug[r]
        piv = aug[r][c]
        aug[r] = [v / piv for v in aug[r]]
        for i in range(n):
            if i != r and aug[i][c] != 0:
                f = aug[i][c]
                aug[i] = [v - f * w for v, w in zip(aug[i], aug[r], strict=True)]
        r += 1
    if any(field.sign(aug[i][n]) != 0 for i in range(r, n)):
        return "none", None
    if r < n:
        return "many", None
    return "unique", [aug[i][n] for i in range(n)]


def _det(mat: list[list[Any]], field: _Field) -> Any:
    if not mat:
        return 1
    if not field.exact:
        return float(np.linalg.det(np.array(mat, dtype=np.float64)))
    a = [row[:] for row in mat]
    n, det = len(a), Fraction(1)
    for c in range(n):
        piv = next((i for i in range(c, n) if a[i][c] != 0), None)
        if piv is None:
            return Fraction(0)
        if piv != c:
            a[c], a[piv] = a[piv], a[c]
            det = -det
        det *= a[c][c]
        for i in range(c + 1, n):
            f = a[i][c] / a[c][c]
            a[i] = [v - f * w for v, w in zip(a[i], a[c], strict=True)]
    return det


def _positive_definite(mat: list[list[Any]], field: _Field) -> bool:
    """Symmetric ``mat`` is positive definite iff elimination without pivoting gives only
    positive pivots (Sylvester's criterion)."""
    a = [row[:] for row in mat]
    n = len(a)
    for c in range(n):
        piv = a[c][c]
        if field.sign(piv) <= 0:
            return False
        for i in range(c + 1, n):
            f = a[i][c] / piv
            a[i] = [v - f * w for v, w in zip(a[i], a[c], strict=True)]
    return True


def _strictly_copositive(mat: list[list[Any]], field: _Field) -> bool:
    """``z^T M z > 0`` for every ``z >= 0``, ``z != 0`` (symmetric ``M``), by Hadeler's
    recursion: ``M`` is strictly copositive iff its principal submatrices of order ``t - 1``
    are and ``det M > 0`` or its adjugate has a negative entry."""
    t = len(mat)
    for size in range(1, t + 1):
        for idx in itertools.combinations(range(t), size):
            sub = [[mat[i][j] for j in idx] for i in idx]
            if size == 1:
                if field.sign(sub[0][0]) <= 0:
                    return False
                continue
            if field.sign(_det(sub, field)) > 0:
                continue
            adjugate_negative = any(
                field.sign((-1) ** (i + j) * _det(
                    [[sub[r][c] for c in range(size) if c != i] for r in range(size) if r != j],
                    field)) < 0
                for i in range(size) for j in range(size))
            if not adjugate_negative:
                return False
    return True


# ==========================================================================================
# Infinite populations: replicator dynamics, rest points, ESS
# ==========================================================================================
@dataclass(frozen=True, repr=False, eq=False)
class Trajectory:
    """A solution of the replicator dynamics.

    Attributes
    ----------
    t : numpy.ndarray
        The times, shape ``(T,)``.
    x : numpy.ndarray
        The strategy frequencies at each time, shape ``(T, m)`` (for an
        :class:`~multilateral.AnonymousGame` the columns are cooperators and defectors).
    strategies : tuple of str
        The strategies' labels.
    """

    t: NDArray[np.float64]
    x: NDArray[np.float64]
    strategies: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "t", readonly(self.t))
        object.__setattr__(self, "x", readonly(self.x))

    @property
    def final(self) -> NDArray[np.float64]:
        """The state at the last time."""
        return self.x[-1]

    def __repr__(self) -> str:
        return (f"Trajectory({len(self.strategies)} strategies, t={self.t[0]:.4g}..{self.t[-1]:.4g}"
                f", final={format_values(self.final)})")


@dataclass(frozen=True, repr=False, eq=False)
class RestPoint:
    """A rest point of the replicator dynamics and its stability.

    Attributes
    ----------
    x : numpy.ndarray
        The strategy frequencies (for an anonymous game: cooperators, defectors).
    stability : str
        From the eigenvalues of the Jacobian on the simplex: ``"stable"`` (all real parts
        negative: asymptotically stable), ``"unstable"`` (some positive, none negative),
        ``"saddle"`` (both signs), ``"centre"`` (all real parts zero, some imaginary parts
        not: neutrally stable, e.g. zero-sum Rock-Paper-Scissors) or ``"non-hyperbolic"``
        (some real part zero, none positive: linearization is inconclusive). For an
        anonymous game it is ``"stable"`` or ``"unstable"``, decided by the sign of the gain
        function on each side.
    eigenvalues : numpy.ndarray
        The Jacobian's eigenvalues on the tangent space of the simplex (``m - 1`` of them).
    exact : tuple, optional
        The frequencies in exact arithmetic (Fractions, or sympy numbers for anonymous games)
        when the payoffs are exact.
    """

    x: NDArray[np.float64]
    stability: str
    eigenvalues: NDArray[np.complex128]
    exact: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", readonly(self.x))
        eig = np.array(self.eigenvalues, dtype=np.complex128)
        eig.flags.writeable = False
        object.__setattr__(self, "eigenvalues", eig)

    @property
    def support(self) -> tuple[int, ...]:
        """The strategies present."""
        if self.exact is not None:
            return tuple(i for i, v in enumerate(self.exact) if v != 0)
        return tuple(int(i) for i in np.flatnonzero(self.x))

    @property
    def stable(self) -> bool:
        """True when asymptotically stable."""
        return self.stability == "stable"

    @property
    def is_pure(self) -> bool:
        """True at a vertex (one strategy only)."""
        return len(self.support) == 1

    def __repr__(self) -> str:
        return f"RestPoint({format_values(self.x)}, {self.stability})"


def replicator(
    game: Any,
    x0: ArrayLike,
    t: ArrayLike,
    *,
    method: str = "DOP853",
    rtol: float = 1e-10,
    atol: float = 1e-12,
) -> Trajectory:
    """Integrate the replicator dynamics ``x_i' = x_i (f_i(x) - sum_j x_j f_j(x))``.

    For a symmetric two-player game with payoff matrix ``A`` the fitnesses are ``f = A x``;
    for an anonymous N-player game (cooperate / defect) the dynamics is
    ``x' = x (1 - x) g(x)`` with ``x`` the fraction of cooperators and ``g`` the game's
    :meth:`~multilateral.AnonymousGame.gain_function`. Integrated with
    :func:`scipy.integrate.solve_ivp`.

    Parameters
    ----------
    game : array_like, NormalFormGame or AnonymousGame
        An ``(m, m)`` payoff matrix (``A[i, j]``: strategy ``i`` against ``j``), a symmetric
        two-player :class:`~multilateral.NormalFormGame`, or an
        :class:`~multilateral.AnonymousGame`.
    x0 : array_like
        The initial frequencies (``m`` of them, summing to 1). For an anonymous game, the
        initial fraction of cooperators (or the pair ``(x, 1 - x)``).
    t : float or array_like
        The end time (the state is reported at 201 equally spaced times in ``[0, t]``), or
        the strictly increasing times at which to report it, the first being the start.
    method : str, default "DOP853"
        A :func:`~scipy.integrate.solve_ivp` method.
    rtol, atol : float
        Its tolerances (the defaults keep the constants of motion of zero-sum games to about
        ``1e-9``).

    Returns
    -------
    Trajectory

    Raises
    ------
    SolverError
        If the integrator fails.

    References
    ----------
    .. [1] Taylor, P. D. and Jonker, L. B. (1978). Evolutionarily stable strategies and game
       dynamics. *Mathematical Biosciences* 40, 145-156.
    .. [2] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population
       Dynamics*. Cambridge University Press, ch. 7.

    Examples
    --------
    In the Prisoner's Dilemma defection takes over:

    >>> import multilateral as ml
    >>> pd = [[3, 0], [5, 1]]
    >>> ml.solvers.replicator(pd, [0.99, 0.01], 30).final.round(6).tolist()
    [0.0, 1.0]

    In a public goods game with ``r = 3`` in groups of 5 cooperation declines too:

    >>> traj = ml.solvers.replicator(ml.AnonymousGame.public_goods(n=5, r=3), 0.9, [0, 5, 10])
    >>> traj.x[:, 0].round(4).tolist()   # x' = -(2/5) x (1 - x): odds 9 e^(-2t/5)
    [0.9, 0.5491, 0.1415]
    """
    from scipy.integrate import solve_ivp

    times = _times(t)
    rt, at = _positive(rtol, "rtol"), _positive(atol, "atol")
    if isinstance(game, AnonymousGame):
        gains = to_float(game.gains)
        m1 = game.n - 1
        if np.ndim(x0) == 0:
            y0 = np.array([check_probability(x0, "x0 (the fraction of cooperators)")])
        else:
            y0 = as_probability_vector(x0, 2, "x0")[:1]

        def rhs(_t: float, y: NDArray[np.float64]) -> NDArray[np.float64]:
            x = min(max(float(y[0]), 0.0), 1.0)
            out: NDArray[np.float64] = np.array(
                [x * (1 - x) * float(binomial_weights(m1, x) @ gains)])
            return out

        labels: tuple[str, ...] = ("C", "D")
    else:
        a = to_float(_payoff_matrix(game))
        y0 = as_probability_vector(x0, a.shape[0], "x0")

        def rhs(_t: float, y: NDArray[np.float64]) -> NDArray[np.float64]:
            f = a @ y
            out: NDArray[np.float64] = y * (f - y @ f)
            return out

        labels = _labels(game, a.shape[0])
    try:
        sol = solve_ivp(rhs, (times[0], times[-1]), y0, method=method, t_eval=times,
                        rtol=rt, atol=at)
    except ValueError as err:
        raise InvalidArgumentError(f"solve_ivp refused the arguments: {err}") from None
    if not sol.success:
        raise SolverError(f"the replicator integration failed: {sol.message}")
    y = sol.y.T
    x = np.column_stack([y[:, 0], 1 - y[:, 0]]) if isinstance(game, AnonymousGame) else y
    return Trajectory(sol.t, x, labels)


def rest_points(
    game: Any, *, exact: bool | None = None, tol: float = DEFAULT_TOL
) -> tuple[RestPoint, ...]:
    """Every isolated rest point of the replicator dynamics, with its stability.

    A rest point with support ``S`` is a point of the face spanned by ``S`` at which the
    strategies of ``S`` earn equal fitness, ``(A x)_i = c`` for ``i`` in ``S``: one linear
    system per support (support enumeration, ``2^m - 1`` of them), solved in Fractions for
    exact payoffs. Rest points need not be Nash equilibria (a vertex always is a rest point).
    Stability comes from the eigenvalues of the Jacobian restricted to the simplex.

    Parameters
    ----------
    game : array_like, NormalFormGame or AnonymousGame
        An ``(m, m)`` payoff matrix, a symmetric two-player game, or an anonymous N-player
        game (then the rest points are those of ``x' = x (1 - x) g(x)``: both vertices and
        the roots of ``g`` found by :func:`~multilateral.solvers.symmetric_equilibria`).
    exact : bool, optional
        Solve in Fractions (default: when the payoffs are ints or Fractions).
    tol : float
        Tolerance of the float path and of the eigenvalues' signs (relative to the largest
        payoff).

    Returns
    -------
    tuple of RestPoint
        Ordered by support size, then by support.

    Raises
    ------
    DegenerateGameError
        If the rest points with some support form a continuum (e.g. two strategies that
        always earn the same): only isolated rest points can be listed.

    References
    ----------
    .. [1] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population
       Dynamics*. Cambridge University Press, ch. 7.

    Examples
    --------
    Rock-Paper-Scissors (win 1, lose -1): the three vertices are saddles and the centre is
    neutrally stable, surrounded by closed orbits:

    >>> import multilateral as ml
    >>> rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    >>> [(p.exact, p.stability) for p in ml.solvers.rest_points(rps)][-1]
    ((Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)), 'centre')
    >>> [p.stability for p in ml.solvers.rest_points(rps)][:3]
    ['saddle', 'saddle', 'saddle']
    """
    tol = check_tol(tol)
    if isinstance(game, AnonymousGame):
        return _anonymous_rest_points(game, exact, tol)
    a = _payoff_matrix(game)
    return tuple(_rest_points(a, _exact_flag(a, exact), tol, skip_continua=False))


def is_ess(game: Any, strategy: int | Sequence[Any] | ArrayLike, *,
           tol: float = DEFAULT_TOL) -> bool:
    """Whether ``strategy`` is an evolutionarily stable strategy (Maynard Smith 1982).

    ``p`` is an ESS when every other strategy ``q`` (pure or mixed) either does worse
    against ``p`` (``u(q, p) < u(p, p)``) or ties there and does worse against itself than
    ``p`` does against it (``u(q, p) = u(p, p)`` and ``u(q, q) < u(p, q)``). Checked exactly
    (Haigh 1975): ``p`` must be a symmetric Nash equilibrium, and ``z^T A z < 0`` for every
    ``z != 0`` with ``sum z = 0`` supported on the best replies ``B`` to ``p`` and
    nonnegative off the support of ``p`` (negative definiteness on the support, then strict
    copositivity of a Schur complement on ``B`` minus the support, by Hadeler's criterion).

    Parameters
    ----------
    game : array_like or NormalFormGame
        An ``(m, m)`` payoff matrix or a symmetric two-player game.
    strategy : int or array_like
        A pure strategy's index, or a mixed strategy (``m`` probabilities). With exact payoffs
        and an int/Fraction strategy the test is exact.
    tol : float
        Tolerance of the float path (relative to the largest payoff).

    References
    ----------
    .. [1] Maynard Smith, J. and Price, G. R. (1973). The logic of animal conflict. *Nature*
       246, 15-18.
    .. [2] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
       8-11.
    .. [3] Hadeler, K. P. (1983). On copositive matrices. *Linear Algebra and its
       Applications* 49, 79-89.

    Examples
    --------
    Hawk-Dove with value ``V = 2`` and cost ``C = 3``: hawks at frequency ``V / C`` form the
    ESS; pure Hawk is not one.

    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> hd = [[Fraction(2 - 3, 2), 2], [0, 1]]      # [[(V - C)/2, V], [0, V/2]]
    >>> ml.solvers.is_ess(hd, [Fraction(2, 3), Fraction(1, 3)]), ml.solvers.is_ess(hd, 0)
    (True, False)
    """
    tol = check_tol(tol)
    a = _payoff_matrix(game)
    m = a.shape[0]
    exact_payoffs = _is_exact(a)
    p, exact = _strategy(strategy, m, exact_payoffs, tol)
    if exact:
        return _ess(_fractions(a), p, _Field(True))
    af, _ = _scaled(a)
    return _ess(af.tolist(), p, _Field(False, tol))


def evolutionarily_stable_strategies(
    game: Any, *, exact: bool | None = None, tol: float = DEFAULT_TOL
) -> tuple[RestPoint, ...]:
    """Every evolutionarily stable strategy, pure or mixed, as a :class:`RestPoint`.

    An ESS is a rest point; the isolated rest points of :func:`rest_points` are tested with
    :func:`is_ess`. (Faces whose equal-fitness points form a continuum hold no ESS: two such
    points tie against each other.) Every ESS is asymptotically stable under the replicator
    dynamics, though not conversely.

    Parameters
    ----------
    game : array_like or NormalFormGame
        An ``(m, m)`` payoff matrix or a symmetric two-player game.
    exact : bool, optional
        Exact arithmetic (default: when the payoffs are ints or Fractions).
    tol : float
        Tolerance of the float path.

    References
    ----------
    .. [1] Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge
       University Press.
    .. [2] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
       8-11.

    Examples
    --------
    In the Prisoner's Dilemma only all-D is an ESS; in a Stag Hunt both pure strategies are:

    >>> import multilateral as ml
    >>> [e.exact for e in ml.solvers.evolutionarily_stable_strategies([[3, 0], [5, 1]])]
    [(Fraction(0, 1), Fraction(1, 1))]
    >>> len(ml.solvers.evolutionarily_stable_strategies([[4, 0], [3, 3]]))
    2
    """
    tol = check_tol(tol)
    a = _payoff_matrix(game)
    use_exact = _exact_flag(a, exact)
    out = []
    if use_exact:
        fa = _fractions(a)
    else:
        af, _ = _scaled(a)
        fl = af.tolist()
    for rp in _rest_points(a, use_exact, tol, skip_continua=True):
        if use_exact and rp.exact is not None:
            ok = _ess(fa, list(rp.exact), _Field(True))
        else:
            ok = _ess(fl, rp.x.tolist(), _Field(False, tol))
        if ok:
            out.append(rp)
    return tuple(out)


def _exact_flag(a: NDArray[Any], exact: bool | None) -> bool:
    if exact is None:
        return _is_exact(a)
    if exact and not _is_exact(a):
        raise InvalidTypeError("exact=True needs int or Fraction payoffs; these are floats")
    return bool(exact)


def _scaled(a: NDArray[Any]) -> tuple[NDArray[np.float64], float]:
    af = to_float(a)
    scale = float(np.max(np.abs(af))) if af.size else 1.0
    scale = scale if scale > 0 else 1.0
    return af / scale, scale


def _rest_points(a: NDArray[Any], exact: bool, tol: float, *, skip_continua: bool
                 ) -> list[RestPoint]:
    m = a.shape[0]
    af, scale = _scaled(a)
    field = _Field(exact, tol)
    mat: list[list[Any]] = _fractions(a) if exact else af.tolist()
    zero, one = (Fraction(0), Fraction(1)) if exact else (0.0, 1.0)
    basis = _tangent_basis(m)
    out = []
    for size in range(1, m + 1):
        for support in itertools.combinations(range(m), size):
            # unknowns x_S and the common fitness c: A_SS x_S - c 1 = 0, 1^T x_S = 1
            system = [[mat[i][j] for j in support] + [-one] for i in support]
            system.append([one] * size + [zero])
            rhs = [zero] * size + [one]
            status, sol = _eliminate(system, rhs, field)
            if status == "many":
                if _continuum_inside(af, support, tol):
                    if skip_continua:
                        continue
                    raise DegenerateGameError(
                        f"the rest points with support {support} form a continuum (those "
                        "strategies earn equal fitness along a segment of the face); "
                        "rest_points lists isolated rest points only")
                continue
            if sol is None or not all(field.sign(v) > 0 for v in sol[:size]):
                continue
            full: list[Any] = [zero] * m
            for i, v in zip(support, sol[:size], strict=True):
                full[i] = v
            x = np.array([float(v) for v in full])
            if not exact:
                x = np.clip(x, 0.0, None)
                x /= x.sum()
            eig = _jacobian_eigenvalues(af, x, basis)
            out.append(RestPoint(x, _classify(eig, tol), eig * scale,
                                 tuple(full) if exact else None))
    return out


def _continuum_inside(af: NDArray[np.float64], support: tuple[int, ...], tol: float) -> bool:
    """Whether the equal-fitness solutions on ``support`` reach the face's relative interior:
    maximize ``s`` subject to ``A_SS x = c 1``, ``sum x = 1``, ``x >= s`` (a small LP)."""
    from scipy.optimize import linprog

    size = len(support)
    sub = af[np.ix_(support, support)]
    # variables: x (size), c, s; minimize -s
    a_eq = np.zeros((size + 1, size + 2))
    a_eq[:size, :size] = sub
    a_eq[:size, size] = -1.0
    a_eq[size, :size] = 1.0
    b_eq = np.zeros(size + 1)
    b_eq[size] = 1.0
    a_ub = np.zeros((size, size + 2))
    a_ub[:, :size] = -np.eye(size)
    a_ub[:, size + 1] = 1.0
    res = linprog(np.r_[np.zeros(size + 1), -1.0], A_ub=a_ub, b_ub=np.zeros(size),
                  A_eq=a_eq, b_eq=b_eq, bounds=[(None, None)] * (size + 2), method="highs")
    return bool(res.status == 0 and -res.fun > tol)


@functools.lru_cache(maxsize=64)
def _tangent_basis(m: int) -> NDArray[np.float64]:
    """An orthonormal basis (columns) of ``{z : sum z = 0}``."""
    if m == 1:
        return np.zeros((1, 0))
    q, _ = np.linalg.qr(np.eye(m) - 1.0 / m)
    basis: NDArray[np.float64] = q[:, : m - 1]
    basis.flags.writeable = False
    return basis


def _jacobian_eigenvalues(a: NDArray[np.float64], x: NDArray[np.float64],
                          basis: NDArray[np.float64]) -> NDArray[np.complex128]:
    """Eigenvalues of the replicator Jacobian on the simplex's tangent space, which it maps
    into itself: ``J = diag(f - fbar) + x (A - f - A^T x)`` with ``f = A x``."""
    if basis.shape[1] == 0:
        return np.zeros(0, dtype=np.complex128)
    f = a @ x
    jac = np.diag(f - x @ f) + x[:, None] * (a - (f + a.T @ x)[None, :])
    out: NDArray[np.complex128] = np.linalg.eigvals(basis.T @ jac @ basis).astype(np.complex128)
    return out


def _classify(eig: NDArray[np.complex128], tol: float) -> str:
    re, im = eig.real, eig.imag
    pos, neg = bool(np.any(re > tol)), bool(np.any(re < -tol))
    if eig.size == 0 or bool(np.all(re < -tol)):
        return "stable"
    if pos:
        return "saddle" if neg else "unstable"
    if bool(np.all(np.abs(re) <= tol)) and bool(np.any(np.abs(im) > tol)):
        return "centre"
    return "non-hyperbolic"


def _anonymous_rest_points(game: AnonymousGame, exact: bool | None, tol: float
                           ) -> tuple[RestPoint, ...]:
    from .anonymous import symmetric_equilibria

    gains = to_float(game.gains)
    m1 = game.n - 1
    found: list[tuple[float, bool, Any]] = [
        (eq.probability, eq.stable, eq.exact)
        for eq in symmetric_equilibria(game, exact=exact, tol=tol)]
    # the vertices are always rest points of x (1 - x) g(x); symmetric_equilibria lists only
    # those that are Nash equilibria, the others (g(0) > 0, g(1) < 0) are unstable
    ends = {p for p, _, _ in found}
    found += [(float(v), False, Fraction(v)) for v in (0, 1) if float(v) not in ends]
    out = []
    for p, stable, ex in sorted(found, key=lambda item: item[0]):
        g = float(binomial_weights(m1, p) @ gains)
        dg = float(m1 * (binomial_weights(m1 - 1, p) @ np.diff(gains)))
        lam = (1 - 2 * p) * g + p * (1 - p) * dg
        out.append(RestPoint(np.array([p, 1 - p]), "stable" if stable else "unstable",
                             np.array([lam]), None if ex is None else (ex, 1 - ex)))
    return tuple(out)


def _strategy(strategy: Any, m: int, exact_payoffs: bool, tol: float
              ) -> tuple[list[Any], bool]:
    if isinstance(strategy, (numbers.Integral, np.integer)) and not isinstance(strategy, bool):
        i = int(strategy)
        if not 0 <= i < m:
            raise InvalidArgumentError(f"a pure strategy is an index in 0..{m - 1}, got {i}")
        one, zero = (Fraction(1), Fraction(0)) if exact_payoffs else (1.0, 0.0)
        return [one if j == i else zero for j in range(m)], exact_payoffs
    if isinstance(strategy, bool):
        raise InvalidTypeError("a strategy is an index or a probability vector, not a bool")
    flat = list(np.asarray(strategy, dtype=object).ravel()) if np.ndim(strategy) == 1 else None
    if exact_payoffs and flat is not None and all(
            isinstance(v, numbers.Rational) and not isinstance(v, bool) for v in flat):
        p = [Fraction(v) for v in flat]
        if len(p) != m:
            raise InvalidProbabilityError(
                f"strategy must have {m} probabilities (one per strategy), got {len(p)}")
        if any(v < 0 for v in p) or sum(p) != 1:
            raise InvalidProbabilityError(
                f"strategy must be nonnegative and sum to 1 exactly, got {[str(v) for v in p]}")
        return p, True
    return as_probability_vector(strategy, m, "strategy", tol).tolist(), False


def _ess(a: list[list[Any]], p: list[Any], field: _Field) -> bool:
    """Haigh's test (see :func:`is_ess`) in exact or float arithmetic."""
    m = len(a)
    ap = [sum((a[i][j] * p[j] for j in range(m)), 0 * p[0]) for i in range(m)]
    u = sum((p[i] * ap[i] for i in range(m)), 0 * p[0])
    if any(field.sign(v - u) > 0 for v in ap):
        return False  # not a Nash equilibrium: a better reply invades
    best = [j for j in range(m) if field.sign(ap[j] - u) == 0]
    support = [i for i in range(m) if field.sign(p[i]) > 0]
    if not set(support) <= set(best):
        return False
    extra = [j for j in best if j not in support]
    s0, free = support[0], support[1:] + extra

    def sym(i: int, j: int) -> Any:
        return (a[i][j] + a[j][i]) / 2

    # the quadratic form z^T A z on z = sum_v y_v (e_v - e_s0)
    q = [[sym(v, w) - sym(v, s0) - sym(s0, w) + sym(s0, s0) for w in free] for v in free]
    ny = len(support) - 1
    p_block = [row[:ny] for row in q[:ny]]
    if ny and not _positive_definite([[-v for v in row] for row in p_block], field):
        return False
    if not extra:
        return True
    r_block = [row[ny:] for row in q[:ny]]
    u_block = [row[ny:] for row in q[ny:]]
    schur = [row[:] for row in u_block]
    if ny:
        cols = []
        for c in range(len(extra)):
            _, sol = _eliminate(p_block, [row[c] for row in r_block], field)
            if sol is None:  # pragma: no cover - P is definite, so the system is regular
                return False
            cols.append(sol)
        for i in range(len(extra)):
            for j in range(len(extra)):
                schur[i][j] -= sum((r_block[k][i] * cols[j][k] for k in range(ny)),
                                   0 * schur[i][j])
    return _strictly_copositive([[-v for v in row] for row in schur], field)


def _times(t: ArrayLike) -> NDArray[np.float64]:
    try:
        arr = np.asarray(t, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"t must be a time or a sequence of times, got {t!r}") from None
    if arr.ndim == 0:
        if not np.isfinite(arr) or arr <= 0:
            raise InvalidArgumentError(f"the end time t must be a finite number > 0, got {t!r}")
        return np.linspace(0.0, float(arr), 201)
    if arr.ndim != 1 or arr.size < 2 or not np.all(np.isfinite(arr)) or np.any(
            np.diff(arr) <= 0):
        raise InvalidArgumentError(
            "t must be an end time or at least two strictly increasing finite times")
    return arr


def _positive(value: Any, name: str) -> float:
    v = _nonnegative_float(value, name)
    if v == 0:
        raise InvalidArgumentError(f"{name} must be > 0, got {value!r}")
    return v


# ==========================================================================================
# Finite populations: k strategies, fixation, the small-mutation limit, the full chain
# ==========================================================================================
#: The full chain refuses more states than this (C(Z + k - 1, k - 1)); use the small-mutation
#: limit instead.
MAX_STATES = 5_000_000

FitnessFunction = Callable[[NDArray[np.int64]], ArrayLike]


def hypergeometric_weights(population: int, successes: ArrayLike, draws: int
                           ) -> NDArray[np.float64]:
    """``P(j successes among draws)`` for ``j = 0..draws``, drawing without replacement.

    From ``population`` items of which ``successes`` (an array, each in ``0..population``)
    are successes; shape ``(len(successes), draws + 1)``. Log-factorials from one table, so
    it is O(Z N) and neither overflows nor underflows for a large population. This is how
    the co-players of a focal individual are sampled into a group of ``N``: ``draws = N - 1``
    from the ``Z - 1`` others.

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
class _Finite:
    """A game played in a finite population: ``k`` strategies, population ``Z``, and the
    fitness of every strategy in every state (counts), float and (when known) exact for two
    strategies present."""

    k: int
    population: int
    fitness: Callable[[NDArray[np.int64]], NDArray[np.float64]]
    exact_pair: Callable[[int, int], tuple[list[Fraction], list[Fraction]]] | None
    labels: tuple[str, ...]


def _finite_game(game: Any, population: Any, n_strategies: int | None) -> _Finite:
    z = check_positive_int(population, "population (Z)", 2)
    if callable(game) and not isinstance(game, (NormalFormGame, AnonymousGame)):
        if n_strategies is None:
            raise InvalidArgumentError(
                "a fitness function needs n_strategies (the number of strategies k)")
        k = check_positive_int(n_strategies, "n_strategies", 2)
        return _Finite(k, z, _checked_fitness(game, k), None, tuple(f"s{i}" for i in range(k)))
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
        return _Finite(2, z, fitness, exact_pair, ("C", "D"))
    a = _payoff_matrix(game)
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

    exact_matrix = None
    if _is_exact(a):
        fr = _fractions(a)

        def exact_matrix(i: int, j: int) -> tuple[list[Fraction], list[Fraction]]:
            f_i = [((x - 1) * fr[i][i] + (z - x) * fr[i][j]) / (z - 1) for x in range(1, z)]
            f_j = [(x * fr[j][i] + (z - x - 1) * fr[j][j]) / (z - 1) for x in range(1, z)]
            return f_i, f_j

    return _Finite(k, z, matrix_fitness, exact_matrix, _labels(game, k))


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


def _selection(process: str, beta: Any, w: Any) -> tuple[str, Any]:
    """The update rule and its selection parameter (beta for Fermi, w for Moran)."""
    if process == "fermi":
        if w is not None:
            raise InvalidArgumentError(
                "w is the Moran process's selection intensity; the Fermi process takes beta")
        return process, 1.0 if beta is None else _nonnegative_float(beta, "beta")
    if process == "moran":
        if beta is not None:
            raise InvalidArgumentError(
                "beta is the Fermi process's selection intensity; the Moran process takes w "
                "(fitness = 1 - w + w * payoff)")
        if w is None:
            return process, Fraction(1)
        if isinstance(w, bool) or not isinstance(w, numbers.Real) or not math.isfinite(w) \
                or not 0 <= float(w) <= 1:
            raise InvalidArgumentError(f"w must be a number in [0, 1], got {w!r}")
        return process, Fraction(w) if isinstance(w, numbers.Rational) else float(w)
    raise InvalidArgumentError(f"process must be 'fermi' or 'moran', got {process!r}")


def _moran_fitness(payoff: Any, w: Any) -> Any:
    return 1 - w + w * payoff


def _pair_log_ratios(fg: _Finite, pairs: Sequence[tuple[int, int]], process: str,
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
    w = float(sel)
    phi_inv, phi_res = _moran_fitness(f_inv, w), _moran_fitness(f_res, w)
    if np.any(phi_inv <= 0) or np.any(phi_res <= 0):
        raise InvalidPayoffsError(
            "Moran fitnesses 1 - w + w * payoff must be positive; lower w or shift the payoffs")
    ratio: NDArray[np.float64] = np.log(phi_res) - np.log(phi_inv)
    return ratio


def _rho_from_log_ratios(lr: NDArray[np.float64], z: int) -> NDArray[np.float64]:
    """``1 / (1 + sum_i prod_{x <= i} T-(x)/T+(x))`` per row, in log space (exactly ``1/Z``
    for neutral drift)."""
    from scipy.special import logsumexp

    terms = np.concatenate([np.zeros((*lr.shape[:-1], 1)), np.cumsum(lr, axis=-1)], axis=-1)
    rho: NDArray[np.float64] = np.exp(-logsumexp(terms, axis=-1))
    return np.where(np.all(lr == 0, axis=-1), 1.0 / z, rho)


def _rho_exact(fg: _Finite, i: int, j: int, w: Fraction) -> Fraction:
    assert fg.exact_pair is not None
    f_inv, f_res = fg.exact_pair(i, j)
    total = prod = Fraction(1)
    for a, b in zip(f_inv, f_res, strict=True):
        phi_a, phi_b = _moran_fitness(a, w), _moran_fitness(b, w)
        if phi_a <= 0 or phi_b <= 0:
            raise InvalidPayoffsError(
                "Moran fitnesses 1 - w + w * payoff must be positive; lower w or shift the "
                "payoffs")
        prod *= phi_b / phi_a
        total += prod
    return Fraction(1) / total


def _use_exact(fg: _Finite, process: str, sel: Any, exact: bool | None) -> bool:
    possible = process == "moran" and fg.exact_pair is not None and isinstance(sel, Fraction)
    if exact is None:
        return possible
    if exact and not possible:
        raise InvalidArgumentError(
            "exact=True needs the Moran process with int/Fraction payoffs and a rational w "
            "(the Fermi rule's exponentials are irrational)")
    return bool(exact)


def _index(value: Any, k: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)):
        raise InvalidTypeError(f"{name} must be a strategy index in 0..{k - 1}, got {value!r}")
    if not 0 <= int(value) < k:
        raise InvalidArgumentError(f"{name} must be a strategy index in 0..{k - 1}, got {value}")
    return int(value)


def fixation_probability(
    game: Any,
    invader: int,
    resident: int,
    population: int,
    *,
    process: str = "fermi",
    beta: float | None = None,
    w: Any = None,
    exact: bool | None = None,
    n_strategies: int | None = None,
) -> Any:
    """The probability that one ``invader`` takes over a population of ``resident``.

    With ``x`` invaders among ``Z`` the process is a birth-death chain, and the fixation
    probability is, in closed form (Karlin & Taylor 1975),

    ``rho = 1 / (1 + sum_{i=1}^{Z-1} prod_{x=1}^{i} T-(x) / T+(x))``

    with ``T-(x) / T+(x) = exp(-beta (f_inv(x) - f_res(x)))`` for the pairwise comparison
    (Fermi) rule and ``phi_res(x) / phi_inv(x)``, ``phi = 1 - w + w * payoff``, for the Moran
    process. The sum is taken in log space (no overflow at ``Z = 10^6`` or ``beta = 100``);
    for the Moran process with exact payoffs and ``w`` it is exact. Neutral selection gives
    exactly ``1 / Z``.

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
        The update rule.
    beta : float, optional
        Fermi selection intensity (default 1).
    w : number, optional
        Moran selection intensity in [0, 1] (default 1: fitness = payoff).
    exact : bool, optional
        Return a Fraction (default: whenever possible, i.e. Moran with exact payoffs and w).
    n_strategies : int, optional
        The number of strategies of a fitness function.

    Returns
    -------
    float or Fraction

    References
    ----------
    .. [1] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
       cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
    .. [2] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of
       invasion and fixation. *Physical Review E* 74, 011909.

    Examples
    --------
    One cooperator among defectors in the Prisoner's Dilemma (Moran, ``w = 1/10``), exactly,
    and under neutral selection:

    >>> import multilateral as ml
    >>> from fractions import Fraction
    >>> pd = [[3, 0], [5, 1]]
    >>> rho = ml.solvers.fixation_probability(pd, 0, 1, 4, process="moran", w=Fraction(1, 10))
    >>> rho
    Fraction(891, 5243)
    >>> ml.solvers.fixation_probability(pd, 0, 1, 20, process="moran", w=0)
    Fraction(1, 20)
    >>> round(ml.solvers.fixation_probability(pd, 1, 0, 20, beta=1.0), 6)   # Fermi
    0.883596
    """
    process, sel = _selection(process, beta, w)
    fg = _finite_game(game, population, n_strategies)
    i, j = _index(invader, fg.k, "invader"), _index(resident, fg.k, "resident")
    if i == j:
        raise InvalidArgumentError("invader and resident must be different strategies")
    if _use_exact(fg, process, sel, exact):
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
    game: Any,
    population: int,
    *,
    process: str = "fermi",
    beta: float | None = None,
    w: Any = None,
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
    game, population, process, beta, w, exact, n_strategies
        As in :func:`fixation_probability`.

    Returns
    -------
    SmallMutationLimit

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
    >>> ml.solvers.small_mutation_limit(pd, 4, process="moran", w=ml.solvers.evolutionary
    ...     .Fraction(1, 10)).exact_stationary
    (Fraction(4455, 13499), Fraction(9044, 13499))
    """
    process, sel = _selection(process, beta, w)
    fg = _finite_game(game, population, n_strategies)
    k = fg.k
    pairs = [(j, i) for i in range(k) for j in range(k) if i != j]  # (invader, resident)
    fix = np.zeros((k, k))
    exact_fix = exact_stat = None
    if _use_exact(fg, process, sel, exact):
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
    _, sol = _eliminate(system, [Fraction(0)] * (k - 1) + [Fraction(1)], _Field(True))
    if sol is None:
        raise DegenerateGameError(
            "the small-mutation chain has no unique stationary distribution (some fixation "
            "probabilities are zero, so it is reducible)")
    return sol


@functools.lru_cache(maxsize=256)
def _compositions(total: int, parts: int) -> NDArray[np.int64]:
    if parts == 1:
        return np.array([[total]], dtype=np.int64)
    blocks = []
    for first in range(total, -1, -1):
        rest = _compositions(total - first, parts - 1)
        blocks.append(np.column_stack([np.full(len(rest), first, dtype=np.int64), rest]))
    out = np.vstack(blocks)
    out.flags.writeable = False
    return out


def population_states(population: int, n_strategies: int) -> NDArray[np.int64]:
    """All states of a population of ``Z`` with ``k`` strategies: the ``C(Z + k - 1, k - 1)``
    count vectors ``(n_1, ..., n_k)`` summing to ``Z``, in decreasing lexicographic order
    (``(Z, 0, ..., 0)`` first, ``(0, ..., 0, Z)`` last; the order of egttools'
    ``sample_simplex``). Read-only, shape ``(S, k)``.

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
        table[:, r] = [math.comb(n, r) for n in range(z + k + 1)]
    remaining = z - np.cumsum(states, axis=1) + states
    idx = np.zeros(states.shape[0], dtype=np.int64)
    for i in range(k - 1):
        r = k - 1 - i
        gap = remaining[:, i] - states[:, i] - 1
        idx += np.where(gap >= 0, table[np.clip(gap + r, 0, None), r], 0)
    return idx


@dataclass(frozen=True, repr=False, eq=False)
class PopulationChain:
    """The full Markov chain of a finite population with ``k`` strategies and mutation.

    Attributes
    ----------
    states : numpy.ndarray
        The states (counts), shape ``(S, k)``, in the order of :func:`population_states`.
    matrix : scipy.sparse.csr_array
        The row-stochastic ``S x S`` transition matrix.
    mu : float
        The mutation probability.
    strategies : tuple of str
    """

    states: NDArray[np.int64]
    matrix: Any
    mu: float
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

    def stationary_distribution(self) -> NDArray[np.float64]:
        """The stationary distribution over :attr:`states` (needs ``mu > 0``), by a sparse
        solve (:func:`stationary_distribution`)."""
        if self.mu == 0:
            raise DegenerateGameError(
                "without mutation (mu = 0) every monomorphic state is absorbing: there is no "
                "unique stationary distribution. Give mu > 0, or use small_mutation_limit")
        return stationary_distribution(self.matrix)

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
                f"{self.states.shape[0]} states, mu={self.mu:g})")


def transition_matrix(
    game: Any,
    population: int,
    *,
    mu: float = 0.0,
    process: str = "fermi",
    beta: float | None = None,
    w: Any = None,
    others_only: bool = False,
    n_strategies: int | None = None,
) -> PopulationChain:
    """The full finite-population Markov chain over all states, as a sparse matrix.

    In state ``n`` (counts), one individual may change strategy per step. Pairwise
    comparison (Fermi): a random focal of strategy ``a`` (probability ``n_a / Z``) picks a
    random model of strategy ``b`` (``n_b / Z``, or ``n_b / (Z - 1)`` with
    ``others_only=True``, egttools' convention) and imitates it with probability
    ``1 / (1 + exp(-beta (f_b - f_a)))``; with probability ``mu`` it instead mutates to one
    of the other ``k - 1`` strategies at random. Moran: an individual reproduces with
    probability proportional to ``n_b (1 - w + w f_b)``, its offspring (mutated to another
    strategy at random with probability ``mu``) replaces a random individual. For ``k = 2``
    this is the chain of :func:`pairwise_comparison` / :func:`moran_process`.

    Everything is vectorized over the ``C(Z + k - 1, k - 1)`` states (5,151 for ``k = 3``,
    ``Z = 100``); the result is a :class:`scipy.sparse.csr_array` with at most
    ``k (k - 1) + 1`` entries per row.

    Parameters
    ----------
    game, population, process, beta, w, n_strategies
        As in :func:`fixation_probability`.
    mu : float, default 0
        Mutation probability in [0, 1].
    others_only : bool, default False
        Fermi only: draw the model from the ``Z - 1`` others.

    Returns
    -------
    PopulationChain

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
    >>> chain = ml.solvers.transition_matrix(rps, 30, beta=1.0, mu=0.01)
    >>> chain
    PopulationChain(k=3, Z=30, 496 states, mu=0.01)
    >>> p = chain.stationary_distribution()
    >>> chain.frequencies(p).round(6).tolist()      # symmetric: 1/3 each on average
    [0.333333, 0.333333, 0.333333]
    """
    import scipy.sparse as sp
    from scipy.special import expit

    process, sel = _selection(process, beta, w)
    fg = _finite_game(game, population, n_strategies)
    m = check_probability(mu, "mu")
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
        phi = _moran_fitness(f, float(sel))
        if np.any(phi[present] <= 0):
            raise InvalidPayoffsError(
                "Moran fitnesses 1 - w + w * payoff must be positive; lower w or shift the "
                "payoffs")
        births = n * phi
        share = births / births.sum(axis=1, keepdims=True)
        move = np.broadcast_to(((1 - m) * share + m / (k - 1) * (1 - share))[:, None, :],
                               (len(states), k, k))
    rate = (n / z)[:, :, None] * move
    rate = rate * ~np.eye(k, dtype=bool)
    s_idx, a_idx, b_idx = np.nonzero(rate > 0)
    targets = states[s_idx].copy()
    rows = np.arange(len(s_idx))
    targets[rows, a_idx] -= 1
    targets[rows, b_idx] += 1
    cols = _state_index(targets, z)
    diag = np.clip(1.0 - rate.sum(axis=(1, 2)), 0.0, 1.0)
    size = len(states)
    everything = np.arange(size)
    matrix = sp.csr_array(
        (np.concatenate([rate[s_idx, a_idx, b_idx], diag]),
         (np.concatenate([s_idx, everything]), np.concatenate([cols, everything]))),
        shape=(size, size))
    return PopulationChain(states, matrix, m, fg.labels)


def stationary_distribution(matrix: Any, *, tol: float = DEFAULT_TOL) -> NDArray[np.float64]:
    """The stationary distribution ``p P = p``, ``sum p = 1`` of an irreducible chain.

    One sparse LU solve (:func:`scipy.sparse.linalg.spsolve`) of ``(P^T - I) p = 0`` with one
    equation replaced by the normalization; the residual is checked.

    Parameters
    ----------
    matrix : array_like or scipy sparse matrix
        A row-stochastic ``S x S`` matrix.
    tol : float
        Tolerance for the row sums and the residual check.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    DegenerateGameError
        If the chain has no unique stationary distribution (it is reducible: e.g. without
        mutation every monomorphic state is absorbing).

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.stationary_distribution([[0.9, 0.1], [0.3, 0.7]]).round(6).tolist()
    [0.75, 0.25]
    """
    import scipy.sparse as sp

    tol = check_tol(tol)
    if sp.issparse(matrix):
        p = sp.csr_array(matrix, dtype=np.float64)
        values = p.data
    else:
        try:
            dense = np.asarray(matrix, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidArgumentError("matrix must be a square array of numbers") from None
        if dense.ndim != 2:
            raise InvalidArgumentError(f"matrix must be square, got shape {dense.shape}")
        p = sp.csr_array(dense)
        values = dense
    size = p.shape[0]
    if p.shape != (size, size) or size == 0:
        raise InvalidArgumentError(f"matrix must be square and non-empty, got shape {p.shape}")
    if not np.all(np.isfinite(values)) or np.any(values < 0) or np.any(values > 1 + tol):
        raise InvalidProbabilityError("transition probabilities must be finite and in [0, 1]")
    sums = np.asarray(p.sum(axis=1)).ravel()
    if np.any(np.abs(sums - 1) > max(tol, 1e-12) * 10):
        bad = int(np.argmax(np.abs(sums - 1)))
        raise InvalidProbabilityError(
            f"the matrix must be row-stochastic; row {bad} sums to {sums[bad]!r}")
    if size == 1:
        return readonly(np.ones(1), dtype=None)
    system = (p.T - sp.eye_array(size, format="csr")).tocsc()
    x = _solve_fixing(system, size - 1)
    if x is not None and np.all(np.isfinite(x)):
        top = int(np.argmax(x))
        if x[top] > 1e100:  # badly scaled: fix the most likely state instead
            x = _solve_fixing(system, top)
    if x is None or not np.all(np.isfinite(x)):  # e.g. the fixed state is transient
        x = _solve_normalized(system)
    if x is not None and np.all(np.isfinite(x)) and x.sum() > 0:
        x = x / x.sum()
    residual = np.abs(p.T @ x - x).max() if x is not None and np.all(np.isfinite(x)) else np.inf
    if x is None or not residual <= max(tol, 1e-12) * 10 or np.any(x < -max(tol, 1e-12) * 10):
        raise DegenerateGameError(
            "the chain has no unique stationary distribution (it is reducible: e.g. without "
            "mutation every monomorphic state is absorbing)")
    x = np.clip(x, 0.0, None)
    out: NDArray[np.float64] = x / x.sum()
    return readonly(out, dtype=None)


def _solve_fixing(system: Any, j: int) -> NDArray[np.float64] | None:
    """Solve ``(P^T - I) x = 0`` with ``x_j = 1``: drop equation and unknown ``j``. For an
    irreducible chain the rest is a nonsingular, column diagonally dominant M-matrix, so
    Gaussian elimination needs no pivoting: one sparse LU with a symmetric minimum-degree
    ordering (the pattern is symmetric: one step each way between neighbouring states)."""
    from scipy.sparse.linalg import splu

    size = system.shape[0]
    keep = np.r_[0:j, j + 1:size]
    try:
        lu = splu(system[keep][:, keep].tocsc(), permc_spec="MMD_AT_PLUS_A",
                  diag_pivot_thresh=0.0, options={"SymmetricMode": True})
    except RuntimeError:  # singular
        return None
    rest = lu.solve(-system[keep][:, [j]].toarray().ravel())
    out: NDArray[np.float64] = np.insert(rest, j, 1.0)
    return out


def _solve_normalized(system: Any) -> NDArray[np.float64] | None:
    """The slower, robust fallback: replace one equation by ``sum x = 1``."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import MatrixRankWarning, spsolve

    size = system.shape[0]
    full = sp.vstack([system.tocsr()[:-1], sp.csr_array(np.ones((1, size)))], format="csc")
    rhs = np.zeros(size)
    rhs[-1] = 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatrixRankWarning)
        try:
            out: NDArray[np.float64] = np.asarray(spsolve(full, rhs), dtype=np.float64)
        except (MatrixRankWarning, RuntimeError):
            return None
    return out
