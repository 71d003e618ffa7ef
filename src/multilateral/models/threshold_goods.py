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

The module runs past the library's ~600 lines because it holds the two threshold models
(the volunteer's dilemma is the step-level good with ``M = 1``) with their results, and most
of its lines are docstrings with runnable examples.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import as_fraction, format_number, is_exact
from .._validation import DEFAULT_TOL, check_positive_int, check_real, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame, binomial_weights
from ..results import SymmetricEquilibrium
from ..solvers.anonymous import symmetric_equilibria
from ..types import ArrayLike, Number
from .base import Model

if TYPE_CHECKING:
    import sympy

__all__ = [
    "PureEquilibriumClass",
    "StepLevelGood",
    "ThresholdEquilibria",
    "VolunteerEquilibrium",
    "VolunteersDilemma",
    "anonymous_pure_equilibria",
    "max_pivot_probability",
]
__dir__ = public_dir(__all__)

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

    See Also
    --------
    anonymous_pure_equilibria : returns them.
    multilateral.solvers.pure_nash_equilibria : the same profiles by brute force.

    References
    ----------
    .. [1] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of
       discrete public goods. *Journal of Public Economics* 24(2), 171-193 (pp. 175-178).

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.models.threshold_goods import anonymous_pure_equilibria
    >>> (none, two) = anonymous_pure_equilibria(ml.AnonymousGame.threshold(3, 2, benefit=4,
    ...                                                                    cost=1))
    >>> two.profiles(3)
    ((0, 0, 1), (0, 1, 0), (1, 0, 0))
    """

    cooperators: int
    count: int
    strict: bool

    def profiles(self, n: int) -> tuple[tuple[int, ...], ...]:
        """The action profiles (0 = C, 1 = D, as in :meth:`AnonymousGame.to_normal_form`),
        in lexicographic order; ``n`` at most 20.

        See Also
        --------
        StepLevelGood.pure_profiles : every pure profile.
        """
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

    See Also
    --------
    multilateral.solvers.pure_nash_equilibria : the brute-force check on the normal form.
    multilateral.solvers.symmetric_equilibria : the symmetric mixed equilibria.
    StepLevelGood.pure_equilibria : this function on a step-level good.

    References
    ----------
    .. [1] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of
       discrete public goods. *Journal of Public Economics* 24(2), 171-193 (pp. 175-178).

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

    See Also
    --------
    StepLevelGood.critical_cost_ratio : the cost-benefit ratio it bounds.
    multilateral.models.CollectiveRiskDilemma.critical_risk : ``c`` divided by it.

    References
    ----------
    .. [1] Pacheco, J. M., Santos, F. C., Souza, M. O. and Skyrms, B. (2009). Evolutionary
       dynamics of collective action in N-person stag hunt dilemmas. *Proc. R. Soc. B* 276,
       315-321 (p. 317).

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
    payoff_exact : Fraction or None
        ``U - K`` exactly when ``U`` and ``K`` are exact.

    See Also
    --------
    VolunteersDilemma.mixed_equilibrium : returns it.
    multilateral.results.SymmetricEquilibrium : the general solver's symmetric equilibrium.

    References
    ----------
    .. [1] Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4),
       605-610 (p. 607).

    Examples
    --------
    >>> import multilateral as ml
    >>> eq = ml.models.VolunteersDilemma(n=2, benefit=10, cost=3).mixed_equilibrium()
    >>> eq, eq.exact, eq.abstain_exact
    (VolunteerEquilibrium(n=2, abstain=0.3, nobody=0.09), True, 3/10)
    """

    n: int
    abstain: float
    nobody: float
    payoff: float
    abstain_exact: sympy.Expr | None = None
    nobody_exact: sympy.Expr | None = None
    payoff_exact: Fraction | None = None

    @property
    def exact(self) -> bool:
        """True when the exact fields are set (``U`` and ``K`` were exact).

        See Also
        --------
        VolunteersDilemma.is_exact : when it is.
        """
        return self.abstain_exact is not None

    @property
    def volunteer(self) -> float:
        """Each member's probability of volunteering, ``1 - q``.

        See Also
        --------
        provided : the probability that somebody does.
        """
        return 1.0 - self.abstain

    @property
    def provided(self) -> float:
        """The probability that somebody volunteers, ``1 - q^n``.

        See Also
        --------
        volunteer : each member's probability.
        VolunteersDilemma.nobody_volunteers : its complement.
        """
        return 1.0 - self.nobody

    def __repr__(self) -> str:
        return (f"VolunteerEquilibrium(n={self.n}, abstain={self.abstain:.6g}, "
                f"nobody={self.nobody:.6g})")


@dataclass(frozen=True, repr=False)
class VolunteersDilemma(Model):
    """Diekmann's volunteer's dilemma: one volunteer among ``n`` provides a good for all.

    Everyone gets ``U`` (``benefit``) if at least one member volunteers; a volunteer pays
    ``K`` (``cost``), ``U > K > 0``; if nobody volunteers everyone gets 0. Exact ``U`` and
    ``K`` (int or Fraction) give exact (sympy) equilibrium probabilities.

    Parameters
    ----------
    n : int
        Group size (>= 2).
    benefit : number, default 1
        ``U``, what everyone gets when somebody volunteers.
    cost : number, default 1/2
        ``K``, the volunteer's cost, ``0 < K < U``.

    See Also
    --------
    StepLevelGood : the same game with any threshold (``threshold=1`` here).
    VolunteerEquilibrium : the symmetric mixed equilibrium.
    multilateral.AnonymousGame.threshold : the game :attr:`game` returns.

    References
    ----------
    .. [1] Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4),
       605-610 (pp. 606-608).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> vd = ml.models.VolunteersDilemma(n=3, benefit=1, cost=Fraction(1, 4))
    >>> eq = vd.mixed_equilibrium()
    >>> eq.abstain_exact, eq.nobody_exact          # (1/4)^(1/2) and (1/4)^(3/2)
    (1/2, 1/8)
    >>> [round(float(vd.with_(n=n).nobody_volunteers()), 4) for n in (2, 3, 5, 10, 100)]
    [0.0625, 0.125, 0.1768, 0.2143, 0.2465]
    """

    n: int
    benefit: Number = 1
    cost: Number = Fraction(1, 2)

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

    def __repr__(self) -> str:
        return (f"VolunteersDilemma(n={self.n}, benefit={format_number(self.benefit)}, "
                f"cost={format_number(self.cost)})")

    @property
    def is_exact(self) -> bool:
        """True when ``U`` and ``K`` are rational (results then come with exact values).

        See Also
        --------
        mixed_equilibrium : exact when this is True.
        """
        return is_exact(self.benefit) and is_exact(self.cost)

    @property
    def game(self) -> AnonymousGame:
        """The game as an :class:`~multilateral.AnonymousGame` (threshold 1): run any
        anonymous-game solver on it.

        See Also
        --------
        symmetric_equilibria : the general solver run on it.
        StepLevelGood.game : the game of a threshold above one.
        """
        return AnonymousGame.threshold(self.n, 1, benefit=self.benefit, cost=self.cost)

    def mixed_equilibrium(self) -> VolunteerEquilibrium:
        """The symmetric mixed equilibrium.

        Indifference of a member between volunteering (sure ``U - K``) and abstaining
        (``U`` unless all ``n - 1`` others abstain too) gives ``q^(n-1) = K / U``. At
        another group size: ``vd.with_(n=...)``.

        See Also
        --------
        VolunteerEquilibrium : what it returns.
        nobody_volunteers : the probability that the good is not provided.
        symmetric_equilibria : the same from the general solver.
        """
        n = self.n
        ratio = self.cost / self.benefit
        q = float(ratio) ** (1.0 / (n - 1))
        nobody = float(ratio) ** (n / (n - 1))
        if not self.is_exact:
            return VolunteerEquilibrium(n=n, abstain=q, nobody=nobody,
                                        payoff=float(self.benefit - self.cost))
        import sympy

        exact_ratio = as_fraction(self.cost) / as_fraction(self.benefit)
        r = sympy.Rational(exact_ratio.numerator, exact_ratio.denominator)
        return VolunteerEquilibrium(
            n=n, abstain=q, nobody=nobody, payoff=float(self.benefit - self.cost),
            abstain_exact=r ** sympy.Rational(1, n - 1),
            nobody_exact=r ** sympy.Rational(n, n - 1),
            payoff_exact=Fraction(self.benefit - self.cost))

    def nobody_volunteers(self) -> Number | sympy.Expr:
        """``(K / U)^(n / (n - 1))``: the equilibrium probability that the good is not
        provided, exact (a sympy number) for exact ``U`` and ``K``, else a float. Rises with
        ``n`` (towards ``K / U``).

        See Also
        --------
        nobody_curve : the same at many group sizes.
        mixed_equilibrium : the equilibrium it comes from.
        """
        eq = self.mixed_equilibrium()
        return eq.nobody_exact if eq.nobody_exact is not None else eq.nobody

    def nobody_curve(self, sizes: Sequence[int]) -> NDArray[np.float64]:
        """:meth:`nobody_volunteers` (as floats) at each group size in ``sizes``: a scan
        over ``with_(n=...)`` in one call, for plotting.

        See Also
        --------
        nobody_volunteers : one group size, exact.
        """
        ratio = float(self.cost / self.benefit)
        ns = [check_positive_int(int(s), "n", 2) for s in sizes]
        return np.array([ratio ** (n / (n - 1)) for n in ns], dtype=np.float64)

    def pure_equilibria(self) -> tuple[tuple[int, ...], ...]:
        """The ``n`` pure equilibria: exactly one member volunteers (0 = volunteer, 1 = not),
        as profiles in the order of :func:`multilateral.solvers.pure_nash_equilibria`.

        See Also
        --------
        mixed_equilibrium : the symmetric mixed one.
        """
        (only,) = anonymous_pure_equilibria(self.game)
        return only.profiles(self.n)

    def symmetric_equilibria(self) -> tuple[SymmetricEquilibrium, ...]:
        """The general solver on :attr:`game` (its one mixed root is ``1 - q``).

        See Also
        --------
        mixed_equilibrium : the closed form.
        """
        return symmetric_equilibria(self.game)


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

    See Also
    --------
    StepLevelGood.equilibria : returns them.
    anonymous_pure_equilibria, multilateral.solvers.symmetric_equilibria : the two parts.

    References
    ----------
    .. [1] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of
       discrete public goods. *Journal of Public Economics* 24(2), 171-193 (pp. 175-182).

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.StepLevelGood(n=4, threshold=2, benefit=4, cost=1).equilibria()
    ThresholdEquilibria(pure contributors: [0, 2]; mixed: [0.1037, 0.6388])
    """

    pure: tuple[PureEquilibriumClass, ...]
    symmetric: tuple[SymmetricEquilibrium, ...]

    @property
    def mixed(self) -> tuple[SymmetricEquilibrium, ...]:
        """The symmetric equilibria strictly inside (0, 1).

        See Also
        --------
        StepLevelGood.symmetric_equilibria : where they come from.
        """
        return tuple(e for e in self.symmetric if not e.is_pure)

    def __repr__(self) -> str:
        pure = ", ".join(f"{e.cooperators}" for e in self.pure)
        mixed = ", ".join(f"{e.probability:.4g}" for e in self.mixed)
        return f"ThresholdEquilibria(pure contributors: [{pure}]; mixed: [{mixed}])"


@dataclass(frozen=True, repr=False)
class StepLevelGood(Model):
    """A step-level public good: provided when at least ``threshold`` of ``n`` contribute.

    Exact ``benefit`` and ``cost`` (int or Fraction) keep the game, the equilibria and the
    critical cost ratio exact; floats give floats.

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

    See Also
    --------
    VolunteersDilemma : the case ``threshold = 1``, with Diekmann's closed forms.
    multilateral.models.CollectiveRiskDilemma : the same game with benefit ``r b`` and cost
        ``c b``, in evolving populations.
    multilateral.AnonymousGame.threshold : the game :attr:`game` returns (without refund).

    References
    ----------
    .. [1] Palfrey, T. R. and Rosenthal, H. (1984). Participation and the provision of
       discrete public goods. *Journal of Public Economics* 24(2), 171-193 (pp. 175-182).
    .. [2] Bagnoli, M. and Lipman, B. L. (1989). Provision of public goods: fully
       implementing the core through private contributions. *Review of Economic Studies*
       56(4), 583-601 (pp. 586-588, refunds).
    .. [3] Pacheco, J. M., Santos, F. C., Souza, M. O. and Skyrms, B. (2009). Evolutionary
       dynamics of collective action in N-person stag hunt dilemmas. *Proc. R. Soc. B*
       276, 315-321 (pp. 316-318).

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
    benefit: Number = 1
    cost: Number = Fraction(1, 2)
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

    def __repr__(self) -> str:
        refund = ", refund=True" if self.refund else ""
        return (f"StepLevelGood(n={self.n}, threshold={self.threshold}, "
                f"benefit={format_number(self.benefit)}, cost={format_number(self.cost)}"
                f"{refund})")

    @property
    def is_exact(self) -> bool:
        """True when ``benefit`` and ``cost`` are rational (results then come exact).

        See Also
        --------
        equilibria : exact when this is True.
        """
        return is_exact(self.benefit) and is_exact(self.cost)

    @property
    def game(self) -> AnonymousGame:
        """The game as an :class:`~multilateral.AnonymousGame`: run any anonymous-game
        solver on it (:func:`~multilateral.solvers.symmetric_equilibria` finds the
        equilibria of :meth:`equilibria`).

        See Also
        --------
        symmetric_equilibria : the general solver run on it.
        multilateral.solvers.symmetric_equilibria : that solver.
        """
        if not self.refund:
            return AnonymousGame.threshold(self.n, self.threshold, benefit=self.benefit,
                                           cost=self.cost)
        b, c, m = self.benefit, self.cost, self.threshold
        return AnonymousGame.from_functions(
            self.n, lambda k: (b - c) * (k + 1 >= m), lambda k: b * (k >= m),
            name=f"threshold public good with refund, n={self.n}, M={m}")

    def pivot_probability(self, x: ArrayLike) -> NDArray[np.float64]:
        """``C(n-1, M-1) x^(M-1) (1-x)^(n-M)``: the chance that exactly ``M - 1`` of the
        others contribute when each does with probability ``x``.

        See Also
        --------
        critical_cost_ratio : the largest pivot probability, as a cost threshold.
        CollectiveRiskDilemma.pivot_probability : the same in the collective-risk dilemma.
        """
        w: NDArray[np.float64] = binomial_weights(self.n - 1, np.asarray(x, dtype=float))
        return np.asarray(w[..., self.threshold - 1])

    def critical_cost_ratio(self) -> Number:
        """The cost-benefit ratio ``c / b`` below which symmetric mixed equilibria exist
        (without refund): the maximal pivot probability (see :func:`max_pivot_probability`).

        For ``1 < M < n`` there are two mixed equilibria below it, one (a tangency) at it,
        none above; for ``M = 1`` and ``M = n`` one mixed equilibrium iff ``c < b``. It
        always exists: a Fraction for exact ``benefit`` and ``cost``, else a float.

        See Also
        --------
        pivot_probability : the probability it maximizes.
        CollectiveRiskDilemma.critical_risk : the same threshold on the risk.
        """
        if self.refund:
            raise InvalidArgumentError(
                "critical_cost_ratio is for the game without refund; with refund use "
                "symmetric_equilibria")
        peak = max_pivot_probability(self.n, self.threshold)
        return peak if self.is_exact else float(peak)

    def pure_equilibria(self) -> tuple[PureEquilibriumClass, ...]:
        """Pure equilibria grouped by the number of contributors (O(n)).

        See Also
        --------
        pure_profiles : the profiles one by one.
        PureEquilibriumClass : what it returns.
        """
        return anonymous_pure_equilibria(self.game)

    def pure_profiles(self) -> tuple[tuple[int, ...], ...]:
        """All pure equilibrium profiles (0 = contribute, 1 = not), sorted; n <= 20.

        See Also
        --------
        pure_equilibria : grouped by the number of contributors.
        """
        return tuple(sorted(p for e in self.pure_equilibria() for p in e.profiles(self.n)))

    def symmetric_equilibria(self, *, exact: bool | None = None) -> tuple[
            SymmetricEquilibrium, ...]:
        """Symmetric equilibria with stability (see
        :func:`~multilateral.solvers.symmetric_equilibria`): exact roots of the gain function
        for exact parameters.

        See Also
        --------
        pure_equilibria : the asymmetric pure ones.
        equilibria : both together.
        """
        return symmetric_equilibria(self.game, exact=exact)

    def equilibria(self) -> ThresholdEquilibria:
        """Pure and symmetric equilibria together.

        See Also
        --------
        ThresholdEquilibria : what it returns.
        pure_equilibria, symmetric_equilibria : its two parts.
        """
        return ThresholdEquilibria(self.pure_equilibria(), self.symmetric_equilibria())
