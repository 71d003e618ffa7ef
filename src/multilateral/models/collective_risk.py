"""The collective-risk dilemma (Santos & Pacheco 2011): risk of collective failure.

Groups of ``N`` (the parameter ``n``) are drawn from a population of ``Z``. Everyone holds
an endowment ``b``; cooperators (C) contribute a fraction ``c`` of it, defectors (D)
nothing. If the group musters at least ``M`` cooperators everyone keeps what he has left;
otherwise, with probability ``r`` (the risk), everyone loses everything. In a group with
``j`` cooperators

    Pi_D(j) = b [theta(j - M) + (1 - r)(1 - theta(j - M))],   Pi_C(j) = Pi_D(j) - c b,

with ``theta(x) = 1`` for ``x >= 0`` and 0 otherwise. Cooperating gains
``Pi_C(k + 1) - Pi_D(k) = b (r [k = M - 1] - c)`` when ``k`` of the others cooperate: it pays
only when one is pivotal, so the game is a step-level public good with benefit ``r b`` and
cost ``c b`` (:class:`~multilateral.models.StepLevelGood`).

**Infinite populations** (replicator dynamics). With a fraction ``x`` of cooperators,

    g(x) = x (1 - x) sum_k C(N-1, k) x^k (1-x)^(N-1-k) [Pi_C(k+1) - Pi_D(k)]
         = x (1 - x) b [r Gamma(x) - c],   Gamma(x) = C(N-1, M-1) x^(M-1) (1-x)^(N-M).

For ``1 < M < N`` the interior roots solve ``Gamma(x) = c / r``: none while ``r`` is below
the critical risk ``r* = c / max Gamma`` (defection takes over), two above it, an unstable
``x_L`` (a coordination threshold) and a stable ``x_R`` (coexistence, cooperation
sustained). ``max Gamma`` is reached at ``x = (M - 1)/(N - 1)`` and is rational, so ``r*`` is
exact.

**Finite populations** (pairwise comparison). With ``k`` cooperators, groups are sampled
without replacement (hypergeometrically), giving fitnesses ``f_C(k)`` and ``f_D(k)``; the
Fermi rule with selection ``beta`` and mutation rate ``mutation`` gives the birth-death chain of
:func:`multilateral.solvers.pairwise_comparison`, its gradient of selection
``G(k) = T+(k) - T-(k)`` and its stationary distribution (O(Z), detailed balance).

**Arithmetic.** Exact ``risk``, ``cost`` and ``endowment`` (int or Fraction) keep the
payoffs, the game, its rest points and the critical risk exact; floats give floats. The
finite-population quantities are floats whatever the input: the chain, its stationary
distribution and group achievement pass payoffs through ``exp(beta ...)``, and the fitnesses
that feed it come from float hypergeometric weights (the class's Notes).

**The headline, precisely.** Santos & Pacheco conclude that small groups sustain cooperation
at lower risk. The exact form tested here (claim ``santos_pacheco_small_groups``): for a
fixed threshold fraction ``M / N < 1``, the critical risk ``r*`` rises strictly with the
group size, because the chance of being pivotal falls. So at every risk between the two
critical risks the smaller group has a stable cooperative equilibrium and the larger one
has none. In finite populations (claim ``santos_pacheco_small_groups_finite``) the
stationary group achievement ``eta_G`` is at least as high in the smaller group for
``1/2 <= M / N < 1``; for lax thresholds (``M / N < 1/2``) with much mutation it can be
lower, and the claim's check finds such a counterexample.

Assumptions: two pure strategies (C and D), one-shot groups, everyone loses everything
when the threshold is missed (a step risk function), well-mixed population.

References
----------
.. [1] Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an
   escape from the tragedy of the commons. *PNAS* 108(26), 10421-10425.
.. [2] Milinski, M., Sommerfeld, R. D., Krambeck, H.-J., Reed, F. A. and Marotzke, J. (2008).
   The collective-risk social dilemma and the prevention of simulated dangerous climate
   change. *PNAS* 105(7), 2291-2294.
.. [3] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of invasion
   and fixation. *Physical Review E* 74, 011909.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, is_exact
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame, binomial_weights
from ..results import SymmetricEquilibrium, Threshold
from ..solvers.anonymous import symmetric_equilibria
from ..solvers.evolutionary import (
    BirthDeathChain,
    hypergeometric_weights,
    pairwise_comparison,
)
from ..types import ArrayLike, Number
from .base import Model
from .threshold_goods import max_pivot_probability

__all__ = [
    "CollectiveRiskDilemma",
]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class CollectiveRiskDilemma(Model):
    """Santos & Pacheco's collective-risk dilemma, in infinite and finite populations.

    Parameters
    ----------
    n : int
        ``N``, the size of the groups that play (>= 2).
    threshold : int
        ``M``, the cooperators a group needs to avoid the risk, ``1 <= M <= N``.
    risk : number
        ``r``, the probability that a group short of ``M`` cooperators loses everything,
        in [0, 1].
    cost : number, default 1/10
        ``c``, the fraction of the endowment a cooperator contributes, in [0, 1].
    endowment : number, default 1
        ``b``, everyone's initial endowment (> 0).
    population : int, default 50
        ``Z``, the population size for the finite-population dynamics (``Z >= N``).
    beta : float, default 5
        Intensity of selection of the pairwise comparison (Fermi) rule.
    mutation : float, default 0.01
        Mutation (exploration) probability; ``mutation > 0`` for a stationary distribution.
    others_only : bool, default False
        Draw the model of an imitation from the ``Z - 1`` others (``egttools``' convention)
        rather than from all ``Z``.

    The defaults ``b = 1``, ``c = 0.1``, ``Z = 50``, ``beta = 5``, ``mutation = 0.01`` are the
    usual setting of this model after [1].

    Notes
    -----
    *Exactness.* Exact (int or Fraction) ``risk``, ``cost`` and ``endowment`` keep payoffs, the
    game, the gain polynomial, its interior roots and the critical risk exact; floats give
    floats. The finite-population outputs are floats whatever the input: :meth:`chain`,
    :meth:`gradient_of_selection`, :meth:`stationary_distribution`, :meth:`group_achievement`
    and :meth:`average_cooperation` pass payoffs through ``exp(beta ...)`` (the Fermi rule);
    :meth:`fitness` and :meth:`finite_gain` are rational for exact payoffs but are computed
    from float hypergeometric weights (log-factorials, so that populations of tens of
    thousands stay fast), since they only feed the float chain.

    See Also
    --------
    multilateral.models.StepLevelGood : the group game alone (benefit ``r b``, cost ``c b``).
    multilateral.solvers.pairwise_comparison : the birth-death chain of :meth:`chain`.
    multilateral.solvers.symmetric_equilibria : the rest points of :meth:`infinite_equilibria`.
    multilateral.strategies.collective_risk_pairs : pairs of models for the claims.

    References
    ----------
    .. [1] Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an
       escape from the tragedy of the commons. *PNAS* 108(26), 10421-10425 (pp. 10422-10423,
       Figs. 1-3).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> crd = ml.models.CollectiveRiskDilemma(n=6, threshold=3, risk=Fraction(1, 2))
    >>> crd.critical_risk()                    # c / max Gamma = (1/10) / (216/625)
    Threshold(risk >= 125/432)
    >>> [(round(e.probability, 4), e.stable) for e in crd.interior_roots()]  # Gamma = c/r
    [(0.1963, False), (0.6311, True)]
    >>> p = crd.stationary_distribution()      # Z = 50, beta = 5, mutation = 0.01
    >>> round(float(p.sum()), 12), round(crd.group_achievement(), 2)
    (1.0, 0.72)

    Smaller groups do better at the same threshold fraction M/N = 1/2 and risk 0.9:

    >>> [round(crd.with_(n=n, threshold=n // 2, risk=Fraction(9, 10))
    ...        .group_achievement(), 2) for n in (6, 12, 24)]
    [0.93, 0.28, 0.0]

    The same rest points from the generic solver on the game it induces:

    >>> [round(e.probability, 4) for e in ml.solvers.symmetric_equilibria(crd.game)
    ...  if not e.is_pure]
    [0.1963, 0.6311]
    """

    n: int
    threshold: int
    risk: Number
    cost: Number = Fraction(1, 10)
    endowment: Number = 1
    population: int = 50
    beta: float = 5.0
    mutation: float = 0.01
    others_only: bool = False

    def __post_init__(self) -> None:
        n = check_positive_int(self.n, "n (N, the group size)", 2)
        m = check_positive_int(self.threshold, "threshold (M)", 1)
        if m > n:
            raise InvalidArgumentError(
                f"threshold M must be between 1 and the group size n = {n} (a group cannot "
                f"muster more than n cooperators), got M = {m}")
        object.__setattr__(self, "risk", check_probability(self.risk, "risk (r)", exact=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost (c, a fraction of the "
                                                   "endowment)", low=0, high=1))
        object.__setattr__(self, "endowment", check_real(self.endowment, "endowment (b)",
                                                        low=0, open_low=True))
        z = check_positive_int(self.population, "population (Z)", 2)
        if z < n:
            raise InvalidArgumentError(
                f"the population Z = {z} must be at least the group size n = {n} (groups are "
                "drawn from it)")
        beta = check_real(self.beta, "beta", low=0)
        object.__setattr__(self, "beta", float(beta))
        object.__setattr__(self, "mutation", check_probability(self.mutation, "mutation"))
        if not isinstance(self.others_only, bool):
            raise InvalidTypeError(f"others_only must be True or False, got "
                                   f"{self.others_only!r}")

    def __repr__(self) -> str:
        others = ", others_only=True" if self.others_only else ""
        return (f"CollectiveRiskDilemma(n={self.n}, threshold={self.threshold}, "
                f"risk={format_number(self.risk)}, cost={format_number(self.cost)}, "
                f"endowment={format_number(self.endowment)}, population={self.population}, "
                f"beta={format_number(self.beta)}, mutation={format_number(self.mutation)}"
                f"{others})")

    # -- payoffs ---------------------------------------------------------------------------
    def payoff_defector(self, j: int) -> Number:
        """``Pi_D(j)``: a defector's payoff in a group with ``j`` cooperators (``0..N-1``).

        See Also
        --------
        payoff_cooperator : a cooperator's payoff.
        game : the game of these payoffs.
        """
        j = self._count(j, self.n - 1)
        b = self.endowment
        return b if j >= self.threshold else b * (1 - self.risk)

    def payoff_cooperator(self, j: int) -> Number:
        """``Pi_C(j) = Pi_D(j) - c b``: a cooperator's payoff with ``j`` cooperators (himself
        included, ``1..N``).

        See Also
        --------
        payoff_defector : a defector's payoff.
        """
        j = self._count(j, self.n, low=1)
        b = self.endowment
        kept = b if j >= self.threshold else b * (1 - self.risk)
        return kept - self.cost * b

    @property
    def game(self) -> AnonymousGame:
        """The group game as an :class:`~multilateral.AnonymousGame` (payoffs by the number
        ``k`` of other cooperators: ``Pi_C(k + 1)`` and ``Pi_D(k)``): run any anonymous-game
        solver on it (:func:`~multilateral.solvers.symmetric_equilibria` gives
        :meth:`infinite_equilibria`).

        See Also
        --------
        payoff_defector, payoff_cooperator : its payoffs.
        StepLevelGood.game : the threshold public good without risk.
        """
        return AnonymousGame.from_functions(
            self.n, lambda k: self.payoff_cooperator(k + 1), self.payoff_defector,
            name=f"collective-risk dilemma, N={self.n}, M={self.threshold}, "
                 f"r={format_number(self.risk)}")

    # -- infinite populations --------------------------------------------------------------
    def gain(self, x: ArrayLike) -> NDArray[np.float64]:
        """``f_C(x) - f_D(x) = b (r Gamma(x) - c)``: what cooperating adds at cooperator
        fraction ``x`` (evaluated as the binomial sum over group compositions).

        See Also
        --------
        gradient : the replicator gradient built from it.
        finite_gain : the same in a finite population.
        """
        return self.game.gain_function(x)

    def gradient(self, x: ArrayLike) -> NDArray[np.float64]:
        """The replicator gradient ``g(x) = x (1 - x) (f_C(x) - f_D(x))``.

        See Also
        --------
        gain : the payoff difference.
        infinite_equilibria : its rest points.
        gradient_of_selection : the finite-population counterpart.
        """
        x = np.asarray(x, dtype=np.float64)
        out: NDArray[np.float64] = x * (1 - x) * self.gain(x)
        return out

    def pivot_probability(self, x: ArrayLike) -> NDArray[np.float64]:
        """``Gamma(x) = C(N-1, M-1) x^(M-1) (1-x)^(N-M)``.

        See Also
        --------
        critical_risk : the risk that makes cooperation pay at its maximum.
        StepLevelGood.pivot_probability : the same in the step-level good.
        """
        w = binomial_weights(self.n - 1, np.asarray(x, dtype=np.float64))
        return np.asarray(w[..., self.threshold - 1])

    def critical_risk(self) -> Threshold:
        """``r* = c / max Gamma``: the least risk at which an interior rest point exists.

        Above it (``1 < M < N``) there are two interior roots, ``x_L`` unstable and ``x_R``
        stable; at it one double root; below it none. For ``M = 1`` or ``M = N`` it is ``c``
        (one interior root above it). Exact (``.exact``) for exact ``c``. When ``c / max
        Gamma`` exceeds 1 no risk suffices: ``Threshold.none("risk")`` (``attainable`` is
        False).

        See Also
        --------
        multilateral.models.threshold_goods.max_pivot_probability : ``max Gamma``.
        multilateral.results.Threshold : the result returned.
        """
        peak = max_pivot_probability(self.n, self.threshold)
        ratio = self.cost / peak if is_exact(self.cost) else self.cost / float(peak)
        return Threshold.at(ratio, "risk") if ratio <= 1 else Threshold.none("risk")

    def infinite_equilibria(self, *, exact: bool | None = None
                            ) -> tuple[SymmetricEquilibrium, ...]:
        """All rest points of the replicator dynamics in [0, 1] with their stability (exact
        roots for exact parameters), via :func:`~multilateral.solvers.symmetric_equilibria`
        on :attr:`game`.

        See Also
        --------
        interior_roots : the interior rest points alone.
        critical_risk : the risk at which they appear.
        """
        return symmetric_equilibria(self.game, exact=exact)

    def interior_roots(self, *, exact: bool | None = None) -> tuple[SymmetricEquilibrium, ...]:
        """The interior roots of ``g`` (``x_L``, ``x_R``), in increasing order.

        See Also
        --------
        infinite_equilibria : every rest point, with stability.
        """
        return tuple(e for e in self.infinite_equilibria(exact=exact) if not e.is_pure)

    def infinite_group_achievement(self, x: ArrayLike) -> NDArray[np.float64]:
        """Probability that a group of ``N`` drawn at cooperator fraction ``x`` has at least
        ``M`` cooperators.

        See Also
        --------
        group_achievement : the finite-population counterpart.
        """
        w = binomial_weights(self.n, np.asarray(x, dtype=np.float64))
        return np.asarray(w[..., self.threshold:].sum(axis=-1))

    # -- finite populations ----------------------------------------------------------------
    def fitness(self, k: ArrayLike | None = None) -> tuple[NDArray[np.float64],
                                                         NDArray[np.float64]]:
        """``(f_C(k), f_D(k))``: average payoffs with ``k`` cooperators in the population.

        A focal individual's ``N - 1`` co-players are drawn without replacement from the
        ``Z - 1`` others (hypergeometric sampling). ``k`` defaults to ``1..Z-1``, the states
        where both strategies are present.

        See Also
        --------
        finite_gain : their difference.
        chain : the chain they drive.
        """
        z, n = self.population, self.n
        ks = np.arange(1, z) if k is None else np.asarray(k)
        if ks.dtype.kind not in "iu" or np.any((ks < 1) | (ks > z - 1)):
            raise InvalidArgumentError(
                f"k (cooperators in the population) must be integers in 1..{z - 1}")
        pi_c = np.array([float(self.payoff_cooperator(j + 1)) for j in range(n)])
        pi_d = np.array([float(self.payoff_defector(j)) for j in range(n)])
        f_c = hypergeometric_weights(z - 1, ks - 1, n - 1) @ pi_c
        f_d = hypergeometric_weights(z - 1, ks, n - 1) @ pi_d
        return f_c, f_d

    def finite_gain(self) -> NDArray[np.float64]:
        """``f_C(k) - f_D(k)`` for ``k = 1..Z-1`` (tends to :meth:`gain` at ``x = k/Z`` as
        ``Z`` grows).

        See Also
        --------
        gain : its infinite-population limit.
        fitness : the two payoffs.
        """
        f_c, f_d = self.fitness()
        out: NDArray[np.float64] = f_c - f_d
        return out

    def chain(self) -> BirthDeathChain:
        """The pairwise-comparison birth-death chain on ``k = 0..Z`` cooperators.

        See Also
        --------
        gradient_of_selection : its drift.
        stationary_distribution : its long run.
        """
        d = np.zeros(self.population + 1)
        d[1:-1] = self.finite_gain()
        return pairwise_comparison(d, beta=self.beta, mutation=self.mutation,
                                   others_only=self.others_only)

    def gradient_of_selection(self) -> NDArray[np.float64]:
        """``G(k) = T+(k) - T-(k)`` for ``k = 0..Z``.

        See Also
        --------
        gradient : the infinite-population counterpart.
        chain : the chain it is the drift of.
        """
        return self.chain().gradient

    def stationary_distribution(self) -> NDArray[np.float64]:
        """The stationary distribution over ``k = 0..Z`` cooperators (needs
        ``mutation > 0``).

        See Also
        --------
        group_achievement, average_cooperation : what it is used for.
        chain : the chain it is the long run of.
        """
        return self.chain().stationary_distribution()

    def group_achievement(self, distribution: ArrayLike | None = None) -> float:
        """``eta_G``: the fraction of groups that reach the threshold, averaged over the
        stationary distribution (or over ``distribution`` on ``k = 0..Z``).

        See Also
        --------
        average_cooperation : the mean cooperation.
        infinite_group_achievement : the infinite-population counterpart.
        """
        z, n = self.population, self.n
        p = self.stationary_distribution() if distribution is None else np.asarray(
            distribution, dtype=np.float64)
        if p.shape != (z + 1,):
            raise InvalidArgumentError(f"distribution must have Z + 1 = {z + 1} entries")
        success = hypergeometric_weights(z, np.arange(z + 1), n)[:, self.threshold:].sum(axis=1)
        return float(p @ success)

    def average_cooperation(self, distribution: ArrayLike | None = None) -> float:
        """The mean fraction of cooperators ``sum_k p(k) k / Z`` under the stationary
        distribution (or ``distribution``).

        See Also
        --------
        group_achievement : the fraction of groups that succeed.
        stationary_distribution : the distribution it averages.
        """
        z = self.population
        p = self.stationary_distribution() if distribution is None else np.asarray(
            distribution, dtype=np.float64)
        if p.shape != (z + 1,):
            raise InvalidArgumentError(f"distribution must have Z + 1 = {z + 1} entries")
        return float(p @ (np.arange(z + 1) / z))

    @staticmethod
    def _count(j: int, high: int, low: int = 0) -> int:
        """``j`` cooperators in a group, an integer in ``low..high``."""
        j = check_positive_int(j, "j (cooperators in the group)", low)
        if j > high:
            raise InvalidArgumentError(f"j (cooperators in the group) must be an integer in "
                                       f"{low}..{high}, got {j!r}")
        return j
