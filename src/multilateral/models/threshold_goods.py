"""Threshold goods: the volunteer's dilemma and step-level public goods.

A step-level (threshold) public good is provided when at least ``M`` of the ``n`` members
contribute; then every member gets the benefit ``b``, and contributors pay ``c`` whether or
not the threshold is reached (unless contributions are refunded when it is missed). With
``M = 1`` this is Diekmann's volunteer's dilemma: one volunteer suffices, everybody hopes it
is somebody else.

What the anonymous game says (all derived exactly, and cross-checked against the general
solvers):

* **Pure equilibria.** A profile with ``j`` contributors is an equilibrium iff no contributor
  gains by withdrawing and no non-contributor by joining. With ``b > c > 0``: exactly ``M``
  contributors (each is pivotal), and, for ``M >= 2``, nobody (one contributor alone cannot
  reach the threshold). With a refund, any profile with fewer than ``M - 1`` contributors is
  also a (weak) equilibrium.
* **Symmetric mixed equilibria.** When each other member contributes with probability ``x``,
  contributing gains ``b P_piv(x) - c`` over abstaining, where
  ``P_piv(x) = C(n-1, M-1) x^(M-1) (1-x)^(n-M)`` is the probability of being pivotal. For
  ``1 < M < n`` its maximum over ``x``, reached at ``x = (M-1)/(n-1)``, is a rational number;
  there are two mixed equilibria (the lower unstable, the upper stable under the replicator
  dynamics) iff ``c / b`` is below it. For ``M = 1`` there is one, the volunteer's dilemma
  equilibrium below.
* **The volunteer's dilemma** (``M = 1``, benefit ``U``, cost ``K``, ``U > K > 0``). In the
  symmetric mixed equilibrium each member abstains with probability
  ``q = (K / U)^(1 / (n - 1))``, so nobody volunteers with probability
  ``q^n = (K / U)^(n / (n - 1))``, which *rises* with ``n`` towards ``K / U``: in larger
  groups each is less likely to volunteer, and so much less that the good is less likely to
  be provided at all (Diekmann 1985). The equilibrium payoff is ``U - K`` whatever ``n``.

References
----------
.. [1] Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4),
   605-610.
.. [2] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of discrete
   public goods: a strategic analysis. *Journal of Public Economics* 24(2), 171-193.
.. [3] Bagnoli, M. and Lipman, B. L. (1989). Provision of public goods: fully implementing
   the core through private contributions. *Review of Economic Studies* 56(4), 583-601
   (refunds / money-back guarantees).
.. [4] Pacheco, J. M., Santos, F. C., Souza, M. O. and Skyrms, B. (2009). Evolutionary
   dynamics of collective action in N-person stag hunt dilemmas. *Proc. R. Soc. B* 276,
   315-321.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import DEFAULT_TOL, check_positive_int, check_real, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..results import SymmetricEquilibrium
from ..solvers.anonymous import symmetric_equilibria

__all__ = [
    "PureEquilibriumClass",
    "StepLevelGood",
    "ThresholdEquilibria",
    "VolunteerEquilibrium",
    "VolunteersDilemma",
    "anonymous_pure_equilibria",
    "max_pivot_probability",
]

_MAX_PROFILES_PLAYERS = 20


# -- pure equilibria of any anonymous game ---------------------------------------------------
@dataclass(frozen=True)
class PureEquilibriumClass:
    """The pure equilibria of an anonymous game in which exactly ``cooperators`` cooperate.

    Attributes
    ----------
    cooperators : int
        Number ``j`` of cooperating (contributing) players.
    count : int
        How many profiles that is: ``C(n, j)`` (which ``j`` players cooperate).
    strict : bool
        Whether every player strictly prefers his action (otherwise some deviation leaves
        him indifferent: a weak equilibrium).
    """

    cooperators: int
    count: int
    strict: bool

    def profiles(self, n: int) -> tuple[tuple[int, ...], ...]:
        """The action profiles (0 = C, 1 = D, as in :meth:`AnonymousGame.to_normal_form`),
        in lexicographic order."""
        n = check_positive_int(n, "n", 2)
        if n > _MAX_PROFILES_PLAYERS:
            raise InvalidArgumentError(
                f"listing C({n}, {self.cooperators}) profiles is supported for n <= "
                f"{_MAX_PROFILES_PLAYERS}; use .count")
        out = []
        for who in itertools.combinations(range(n), self.cooperators):
            profile = [1] * n
            for i in who:
                profile[i] = 0
            out.append(tuple(profile))
        return tuple(sorted(out))


def anonymous_pure_equilibria(
    game: AnonymousGame, *, tol: float = DEFAULT_TOL
) -> tuple[PureEquilibriumClass, ...]:
    """Every pure Nash equilibrium of an anonymous binary-choice game, grouped by the number
    of cooperators, in O(n).

    With ``j`` cooperators, each cooperator sees ``j - 1`` other cooperators and each
    defector ``j``; the profile is an equilibrium iff ``cooperator[j-1] >= defector[j-1]``
    (when ``j > 0``) and ``defector[j] >= cooperator[j]`` (when ``j < n``). Exact payoffs are
    compared exactly, floats within ``tol``.

    Examples
    --------
    A step-level good with threshold 2 of 3: nobody, or exactly two contributors.

    >>> import multilateral as ml
    >>> from multilateral.models.threshold_goods import anonymous_pure_equilibria
    >>> g = ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1)
    >>> [(e.cooperators, e.count, e.strict) for e in anonymous_pure_equilibria(g)]
    [(0, 1, True), (2, 3, True)]
    """
    if not isinstance(game, AnonymousGame):
        raise InvalidTypeError(f"expected an AnonymousGame, got {type(game).__name__}")
    eps = 0 if game.is_exact else check_tol(tol)
    gains = game.gains  # cooperator[k] - defector[k]
    out = []
    for j in range(game.n + 1):
        margins = []
        if j > 0:
            margins.append(gains[j - 1])  # a cooperator's advantage over withdrawing
        if j < game.n:
            margins.append(-gains[j])  # a defector's advantage over joining
        if all(m >= -eps for m in margins):
            out.append(PureEquilibriumClass(j, math.comb(game.n, j),
                                            all(m > eps for m in margins)))
    return tuple(out)


def max_pivot_probability(n: int, threshold: int) -> Fraction:
    """``max_x C(n-1, M-1) x^(M-1) (1-x)^(n-M)``: the highest chance of being pivotal.

    Reached at ``x = (M - 1)/(n - 1)``; a rational number since the exponents are integers.
    It is 1 for ``M = 1`` (at ``x = 0``) and ``M = n`` (at ``x = 1``).

    Examples
    --------
    >>> from multilateral.models.threshold_goods import max_pivot_probability
    >>> max_pivot_probability(6, 3)
    Fraction(216, 625)
    """
    n = check_positive_int(n, "n", 2)
    m = check_positive_int(threshold, "threshold", 1)
    if m > n:
        raise InvalidArgumentError(f"threshold must be between 1 and n = {n}, got {m}")
    x = Fraction(m - 1, n - 1)
    return math.comb(n - 1, m - 1) * x ** (m - 1) * (1 - x) ** (n - m)


# -- the volunteer's dilemma -------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class VolunteerEquilibrium:
    """The symmetric mixed equilibrium of the volunteer's dilemma.

    Attributes
    ----------
    n : int
        Group size.
    abstain : float
        ``q = (K / U)^(1 / (n - 1))``: each member's probability of not volunteering.
    nobody : float
        ``q^n = (K / U)^(n / (n - 1))``: the probability that nobody volunteers.
    payoff : float
        Each member's expected payoff, ``U - K`` (a volunteer's sure payoff).
    abstain_exact, nobody_exact : sympy expression or None
        The same probabilities exactly (e.g. ``sqrt(2)/2``) when ``U`` and ``K`` are exact.
    """

    n: int
    abstain: float
    nobody: float
    payoff: float
    abstain_exact: Any = None
    nobody_exact: Any = None

    @property
    def volunteer(self) -> float:
        """Each member's probability of volunteering, ``1 - q``."""
        return 1.0 - self.abstain

    @property
    def provided(self) -> float:
        """The probability that somebody volunteers, ``1 - q^n``."""
        return 1.0 - self.nobody

    def __repr__(self) -> str:
        return (f"VolunteerEquilibrium(n={self.n}, abstain={self.abstain:.6g}, "
                f"nobody={self.nobody:.6g})")


@dataclass(frozen=True)
class VolunteersDilemma:
    """Diekmann's volunteer's dilemma: one volunteer among ``n`` provides a good for all.

    Everyone gets ``U`` (``benefit``) if at least one member volunteers; a volunteer pays
    ``K`` (``cost``), ``U > K > 0``; if nobody volunteers everyone gets 0.

    Parameters
    ----------
    n : int
        Group size (>= 2).
    benefit : number, default 1
        ``U``, what everyone gets when somebody volunteers.
    cost : number, default 1/2
        ``K``, the volunteer's cost, ``0 < K < U``.

    References
    ----------
    .. [1] Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4),
       605-610.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> vd = ml.models.VolunteersDilemma(n=3, benefit=1, cost=Fraction(1, 4))
    >>> eq = vd.mixed_equilibrium()
    >>> eq.abstain_exact, eq.nobody_exact          # (1/4)^(1/2) and (1/4)^(3/2)
    (1/2, 1/8)
    >>> [round(ml.models.VolunteersDilemma(n, 1, Fraction(1, 4)).nobody_volunteers(), 4)
    ...  for n in (2, 3, 5, 10, 100)]
    [0.0625, 0.125, 0.1768, 0.2143, 0.2465]
    """

    n: int
    benefit: Any = 1
    cost: Any = Fraction(1, 2)

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        u = check_real(self.benefit, "benefit (U)", low=0, open_low=True)
        k = check_real(self.cost, "cost (K)", low=0, open_low=True)
        if not k < u:
            raise InvalidArgumentError(
                f"the volunteer's dilemma needs benefit U > cost K > 0, got U = "
                f"{self.benefit!r}, K = {self.cost!r} (with K >= U nobody wants to volunteer)")
        object.__setattr__(self, "benefit", u)
        object.__setattr__(self, "cost", k)

    @property
    def is_exact(self) -> bool:
        """True when ``U`` and ``K`` are rational (results then come with exact values)."""
        return isinstance(self.benefit, Fraction) and isinstance(self.cost, Fraction)

    def game(self) -> AnonymousGame:
        """The game as an :class:`~multilateral.AnonymousGame` (threshold 1)."""
        return AnonymousGame.threshold(self.n, 1, benefit=self.benefit, cost=self.cost)

    def mixed_equilibrium(self, n: int | None = None) -> VolunteerEquilibrium:
        """The symmetric mixed equilibrium at group size ``n`` (default: this model's).

        Indifference of a member between volunteering (sure ``U - K``) and abstaining
        (``U`` unless all ``n - 1`` others abstain too) gives ``q^(n-1) = K / U``.
        """
        n = self.n if n is None else check_positive_int(n, "n", 2)
        ratio = self.cost / self.benefit
        q = float(ratio) ** (1.0 / (n - 1))
        nobody = float(ratio) ** (n / (n - 1))
        q_exact = nobody_exact = None
        if self.is_exact:
            import sympy

            r = sympy.Rational(ratio.numerator, ratio.denominator)
            q_exact = r ** sympy.Rational(1, n - 1)
            nobody_exact = r ** sympy.Rational(n, n - 1)
        return VolunteerEquilibrium(n=n, abstain=q, nobody=nobody,
                                    payoff=float(self.benefit - self.cost),
                                    abstain_exact=q_exact, nobody_exact=nobody_exact)

    def nobody_volunteers(self, n: int | None = None) -> float:
        """``(K / U)^(n / (n - 1))``: the equilibrium probability that the good is not
        provided. Rises with ``n`` (towards ``K / U``)."""
        return self.mixed_equilibrium(n).nobody

    def nobody_curve(self, sizes: Sequence[int]) -> NDArray[np.float64]:
        """:meth:`nobody_volunteers` at each group size."""
        return np.array([self.nobody_volunteers(int(s)) for s in sizes])

    def pure_equilibria(self) -> tuple[tuple[int, ...], ...]:
        """The ``n`` pure equilibria: exactly one member volunteers (0 = volunteer, 1 = not),
        as profiles in the order of :func:`multilateral.solvers.pure_nash_equilibria`."""
        (only,) = anonymous_pure_equilibria(self.game())
        return only.profiles(self.n)

    def symmetric_equilibria(self) -> tuple[SymmetricEquilibrium, ...]:
        """The general solver on :meth:`game` (its one mixed root is ``1 - q``)."""
        return symmetric_equilibria(self.game())


# -- step-level public goods -----------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class ThresholdEquilibria:
    """All equilibria of a step-level public good.

    Attributes
    ----------
    pure : tuple of PureEquilibriumClass
        Pure equilibria grouped by the number of contributors.
    symmetric : tuple of SymmetricEquilibrium
        Symmetric equilibria (pure all-or-nothing ones included) with their stability under
        the replicator dynamics.
    """

    pure: tuple[PureEquilibriumClass, ...]
    symmetric: tuple[SymmetricEquilibrium, ...]

    @property
    def mixed(self) -> tuple[SymmetricEquilibrium, ...]:
        """The symmetric equilibria strictly inside (0, 1)."""
        return tuple(e for e in self.symmetric if not e.is_pure)

    def __repr__(self) -> str:
        pure = ", ".join(f"{e.cooperators}" for e in self.pure)
        mixed = ", ".join(f"{e.probability:.4g}" for e in self.mixed)
        return f"ThresholdEquilibria(pure contributors: [{pure}]; mixed: [{mixed}])"


@dataclass(frozen=True)
class StepLevelGood:
    """A step-level public good: provided when at least ``threshold`` of ``n`` contribute.

    Parameters
    ----------
    n : int
        Group size (>= 2).
    threshold : int
        ``M``, the number of contributors needed, ``1 <= M <= n`` (``M = 1``: the
        volunteer's dilemma).
    benefit : number, default 1
        ``b``, what every member gets when the good is provided (> 0).
    cost : number, default 1/2
        ``c``, a contributor's cost (> 0).
    refund : bool, default False
        Contributions are returned when the threshold is missed (a money-back guarantee).

    References
    ----------
    .. [1] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of
       discrete public goods. *Journal of Public Economics* 24(2), 171-193.
    .. [2] Pacheco, J. M., Santos, F. C., Souza, M. O. and Skyrms, B. (2009). Evolutionary
       dynamics of collective action in N-person stag hunt dilemmas. *Proc. R. Soc. B*
       276, 315-321.

    Examples
    --------
    Five members, three needed, contributions cost a fifth of the good:

    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> good = ml.models.StepLevelGood(n=5, threshold=3, benefit=1, cost=Fraction(1, 5))
    >>> good.equilibria()
    ThresholdEquilibria(pure contributors: [0, 3]; mixed: [0.2403, 0.7597])
    >>> [(e.stable, e.probability > 0.5) for e in good.equilibria().mixed]
    [(False, False), (True, True)]
    >>> good.critical_cost_ratio()                 # mixed equilibria need c / b below this
    Fraction(3, 8)
    """

    n: int
    threshold: int
    benefit: Any = 1
    cost: Any = Fraction(1, 2)
    refund: bool = False

    def __post_init__(self) -> None:
        n = check_positive_int(self.n, "n", 2)
        m = check_positive_int(self.threshold, "threshold", 1)
        if m > n:
            raise InvalidArgumentError(
                f"threshold must be between 1 and n = {n} (the group cannot muster more "
                f"than n contributors), got {m}")
        object.__setattr__(self, "benefit", check_real(self.benefit, "benefit", low=0,
                                                      open_low=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost", low=0, open_low=True))
        if not isinstance(self.refund, bool):
            raise InvalidTypeError(f"refund must be True or False, got {self.refund!r}")

    def game(self) -> AnonymousGame:
        """The game as an :class:`~multilateral.AnonymousGame`."""
        if not self.refund:
            return AnonymousGame.threshold(self.n, self.threshold, benefit=self.benefit,
                                           cost=self.cost)
        b, c, m = self.benefit, self.cost, self.threshold
        return AnonymousGame.from_functions(
            self.n, lambda k: (b - c) * (k + 1 >= m), lambda k: b * (k >= m),
            name=f"threshold public good with refund, n={self.n}, M={m}")

    def pivot_probability(self, x: ArrayLike) -> NDArray[np.float64]:
        """``C(n-1, M-1) x^(M-1) (1-x)^(n-M)``: the chance that exactly ``M - 1`` of the
        others contribute when each does with probability ``x``."""
        from ..games.anonymous import binomial_weights

        w: NDArray[np.float64] = binomial_weights(self.n - 1, np.asarray(x, dtype=float))
        return np.asarray(w[..., self.threshold - 1])

    def critical_cost_ratio(self) -> Fraction:
        """The cost-benefit ratio ``c / b`` below which symmetric mixed equilibria exist
        (without refund): the maximal pivot probability (see :func:`max_pivot_probability`).

        For ``1 < M < n`` there are two mixed equilibria below it, one (a tangency) at it,
        none above; for ``M = 1`` and ``M = n`` one mixed equilibrium iff ``c < b``.
        """
        if self.refund:
            raise InvalidArgumentError(
                "critical_cost_ratio is for the game without refund; with refund use "
                "symmetric_equilibria")
        return max_pivot_probability(self.n, self.threshold)

    def pure_equilibria(self) -> tuple[PureEquilibriumClass, ...]:
        """Pure equilibria grouped by the number of contributors (O(n))."""
        return anonymous_pure_equilibria(self.game())

    def pure_profiles(self) -> tuple[tuple[int, ...], ...]:
        """All pure equilibrium profiles (0 = contribute, 1 = not), sorted; n <= 20."""
        return tuple(sorted(p for e in self.pure_equilibria() for p in e.profiles(self.n)))

    def symmetric_equilibria(self, *, exact: bool | None = None) -> tuple[
            SymmetricEquilibrium, ...]:
        """Symmetric equilibria with stability (see :func:`~multilateral.solvers.
        symmetric_equilibria`): exact roots of the gain function for exact parameters."""
        return symmetric_equilibria(self.game(), exact=exact)

    def equilibria(self) -> ThresholdEquilibria:
        """Pure and symmetric equilibria together."""
        return ThresholdEquilibria(self.pure_equilibria(), self.symmetric_equilibria())
