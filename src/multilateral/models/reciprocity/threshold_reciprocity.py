"""Reciprocity in sizable groups: threshold tit for tat against always defect (Boyd and Richerson
1988).

A large population is sampled at random into groups of ``n`` (``n``). Each group plays the
n-person prisoner's dilemma repeatedly; after every round the game goes on with probability
``w`` (here ``delta``, the library's name for the continuation probability), so it lasts
``L = 1 / (1 - delta)`` rounds on average. In every round each cooperator pays ``C``
(``cost``) and produces a benefit ``B`` (``benefit``) shared equally by all ``n`` members, so
with ``i`` cooperators a cooperator earns ``B i / n - C`` and a defector ``B i / n`` (a
dilemma when ``B / n < C < B``).

Two strategies compete: ``ALLD`` (always defect) and Boyd and Richerson's reciprocator
``TFT_a`` (``threshold = a``): cooperate in the first round, then cooperate iff at least ``a``
of the other ``n - 1`` members cooperated in the previous round. In a group in which a
reciprocator has ``j`` reciprocating partners, every reciprocator sees ``j`` cooperators
(itself excluded), so cooperation goes on for ever when ``j >= a`` and collapses after the
first round otherwise, for good (from the second round the reciprocators see no cooperation,
and ``a >= 1`` there); in the group of an ``ALLD`` member with ``j`` reciprocating partners
cooperation goes on iff ``j - 1 >= a``. From the second round on the group's play is thus
constant, which gives the factor ``L`` (the tests check all this against random groups played
round by round, Monte Carlo). Hence the payoffs over the whole game,

    V(TFT_a | j) = (B (j + 1) / n - C) * (L if j >= a else 1),
    V(ALLD  | j) = (B j / n)           * (L if j >= a + 1 else 1),

and with reciprocators at frequency ``p`` the number ``j`` of reciprocating partners is
binomial ``(n - 1, p)``: the fitnesses are the binomial averages of these, polynomials in
``p``. The replicator dynamics ``p' = p (1 - p) g(p)`` with ``g = W(TFT_a) - W(ALLD)`` is
exactly that of the :class:`~multilateral.AnonymousGame` whose "cooperator" is ``TFT_a`` and
whose "defector" is ``ALLD`` (:attr:`ThresholdReciprocity.game`), so the library's solvers
(:func:`~multilateral.solvers.symmetric_equilibria`, :func:`~multilateral.solvers.rest_points`,
:func:`~multilateral.solvers.replicator`) run on it unchanged: no adapter was needed.

Because the per-round game is linear, ``g(p) = (B / n - C) + (L - 1) D(p)`` with
``D(p) = E[(B (j + 1) / n - C) 1{j >= a}] - E[(B j / n) 1{j >= a + 1}]``: one shot always costs
a reciprocator ``C - B / n``, and only the shadow of the future, through ``D``, can repay it.
For the strictest reciprocator, ``a = n - 1``, ``D(p) = p^(n-1) (B - C)`` and everything is in
closed form:

* ``TFT_(n-1)`` resists ``ALLD`` iff ``delta > (n C - B) / ((n - 1) B)`` (for ``n = 2``
  Axelrod and Hamilton's ``w >= (T - R) / (T - P)``, their weak form: at equality a lone
  defector earns exactly what the reciprocators earn, and it gains at every frequency below
  1, so the library's :meth:`~ThresholdReciprocity.is_ess` asks for the strict inequality);
  every ``TFT_a`` with ``a < n - 1`` is invaded by a lone defector, whom the lenient
  reciprocators keep feeding;
* the unstable interior rest point is ``p* = K^(1 / (n - 1))``,
  ``K = (C - B / n)(1 - delta) / (delta (B - C))``: reciprocators increase only above it, and
  it rises with ``n`` towards 1 (``K`` grows with ``n`` and its root is taken to a smaller
  power), so the basin of attraction of reciprocity, ``1 - p*``, shrinks to nothing. Keeping it
  open in large groups takes a ``delta`` ever closer to 1: at any fixed frequency ``p < 1`` the
  least ``delta`` at which reciprocators gain tends to 1 as ``n`` grows.

Two things shrink the basin when ``n`` grows with ``B`` and ``C`` fixed: the future gain
``(L - 1) p^(n-1) (B - C)`` falls by the factor ``p`` with each added member (the chance that
the newcomer is a reciprocator too: Boyd and Richerson's mechanism, all-reciprocator groups
are rare), and the one-shot loss ``C - B/n`` grows (each member's share of the benefit is
diluted, Olson's channel). The library's finding, separating them: holding the per-member
return ``B/n`` fixed instead, the stability condition gets *easier* with ``n``
(``delta > (C - B/n) / ((n - 1) B/n)`` falls) and the basin can grow at small ``n``
(``B/n = 3/5``, ``C = 1``, ``w = 1/2``: ``1 - p*`` is 0, 0.293, 0.341 at ``n = 2, 3, 4``), but
it still closes as ``n`` grows, because ``K^(1/(n-1)) -> 1`` for any ``K`` that falls no
faster than a power of ``n``: the factor ``p^(n-1)`` alone carries the limit. Kurokawa and
Ihara (2009, Fig. 1) report the same contrast for the stability of ``TFT_(n-1)`` against
``ALLD`` in a finite population with a fixed number of rounds: harder with ``n`` at fixed
``b/c``, easier at fixed ``b/(nc)``.

What is reproduced, and from where: the model and the qualitative result of Boyd and
Richerson (1988, pp. 337-356; the abstract, p. 337: "the conditions that allow the evolution of
reciprocal cooperation become extremely restrictive as group size increases"); the structure
Joshi (1987, abstract, p. 69) reports for the same family of N-person tit for tat strategies
against defectors, in his own model of structured demes (only the hardest reciprocator can go
to fixation and only above a threshold frequency; the others are invaded by defectors but can
coexist stably with them above a threshold; the threshold rises with ``n``); and Axelrod and
Hamilton's (1981, p. 1393) condition for ``n = 2``. The full text of Boyd and Richerson was not
available to us: their equations, figures and values are not checked, and the per-round
payoffs, the counting of the *other* members and the closed forms above are the library's
reading and derivation, not quotations. Joshi's abstract names the same graded family, from the
softest reciprocator (cooperates if one opponent reciprocates, ``a = 1``) to the hardest (only
if all the others cooperate, ``a = n - 1``).

References
----------
.. [1] Boyd, R. and Richerson, P. J. (1988). The evolution of reciprocity in sizable groups.
   *Journal of Theoretical Biology* 132(3), 337-356.
.. [2] Joshi, N. V. (1987). Evolution of cooperation by reciprocation within structured demes.
   *Journal of Genetics* 66(1), 69-84 (abstract, p. 69).
.. [3] Axelrod, R. and Hamilton, W. D. (1981). The evolution of cooperation. *Science* 211,
   1390-1396, p. 1393.
.. [4] Kurokawa, S. and Ihara, Y. (2009). Emergence of cooperation in public goods games.
   *Proceedings of the Royal Society B* 276, 1379-1384, Fig. 1.

Examples
--------
>>> import multilateral as ml
>>> from fractions import Fraction
>>> m = ml.models.ThresholdReciprocity(n=5, threshold=4, benefit=3, cost=2,
...                                    delta=Fraction(9, 10))
>>> m.critical_discount()
CriticalDiscount(7/12)
>>> round(m.basin().boundary, 4), round(m.with_(n=10, threshold=9).basin().boundary, 4)
(0.628, 0.831)
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from ..._namespace import public_dir
from ..._numeric import format_number, is_exact
from ..._validation import check_positive_int, check_probability, check_real
from ...errors import InvalidArgumentError
from ...games import AnonymousGame, binomial_weights
from ...results import CriticalDiscount, SymmetricEquilibrium
from ...solvers import symmetric_equilibria
from ...types import Number
from ..base import Model

if TYPE_CHECKING:
    import sympy

__all__ = ["ReciprocityBasin", "ThresholdReciprocity"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class ReciprocityBasin:
    """Where the replicator dynamics of ``TFT_a`` against ``ALLD`` goes, by starting frequency.

    Attributes
    ----------
    boundary : float
        The frequency of reciprocators below which ``ALLD`` takes over: the unstable interior
        rest point (the invasion threshold of reciprocators); 0 when reciprocators increase
        from any frequency, 1 when they never increase.
    basin : float
        ``1 - boundary``: the share of starting frequencies from which reciprocity is not
        eliminated (the basin of attraction of reciprocity).
    attractor : float or None
        The stable state reached from just above the boundary: 1 (reciprocators go to
        fixation) or a stable mix with ``ALLD`` (from higher starts the population may reach a
        higher stable state; none is below the boundary); None when the basin is empty.
    exact : Fraction or sympy expression, optional
        ``boundary`` exactly (a Fraction or an algebraic number) when the model is exact.

    See Also
    --------
    ThresholdReciprocity.basin : computes it.
    multilateral.results.SymmetricEquilibrium : the rest points it is read from.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> b = ml.models.ThresholdReciprocity(3, 2, benefit=3, cost=2, delta=Fraction(9, 10)).basin()
    >>> b.exact, b.basin_exact, b.attractor
    (Fraction(1, 3), Fraction(2, 3), 1.0)
    """

    boundary: float
    basin: float
    attractor: float | None
    exact: Fraction | sympy.Expr | None = None

    @property
    def basin_exact(self) -> Fraction | sympy.Expr | None:
        """``1 - exact`` (None when the model is not exact)."""
        return None if self.exact is None else 1 - self.exact

    def __repr__(self) -> str:
        where = "none" if self.attractor is None else format_number(self.attractor, 4)
        rational = isinstance(self.exact, Fraction)
        boundary = self.exact if rational else self.boundary
        basin = self.basin_exact if rational else self.basin
        return (f"ReciprocityBasin(boundary={format_number(boundary, 4)}, "
                f"basin={format_number(basin, 4)}, attractor={where})")


@dataclass(frozen=True)
class ThresholdReciprocity(Model):
    """Threshold tit for tat (``TFT_a``) against always defect in the repeated n-person
    prisoner's dilemma, in randomly formed groups of ``n`` (Boyd and Richerson 1988).

    The docstring of :mod:`multilateral.models.reciprocity.threshold_reciprocity` derives
    the payoffs: a reciprocator with ``j`` reciprocating partners earns
    ``(B (j + 1) / n - C) (L if j >= a else 1)``, an always-defector
    ``(B j / n) (L if j >= a + 1 else 1)``, ``L = 1 / (1 - delta)``, averaged over
    ``j ~ Binomial(n - 1, p)``.

    Parameters
    ----------
    n : int
        Group size (>= 2).
    threshold : int
        ``a``: how many of the *other* ``n - 1`` members must have cooperated in the previous
        round for a reciprocator to cooperate (``0 <= a <= n - 1``; ``a = 0`` is always
        cooperate, ``a = n - 1`` Boyd and Richerson's strictest reciprocator).
    benefit : number, default 3
        ``B``: the benefit a cooperator produces each round, shared equally by the ``n``
        members (> 0).
    cost : number, default 2
        ``C``: what cooperating costs the cooperator each round (> 0). The game is an n-person
        prisoner's dilemma when ``B / n < C < B``.
    delta : number, default 9/10
        ``w``: the probability that the group plays another round, in ``[0, 1)``.

    Attributes
    ----------
    game : AnonymousGame
        The population game: its "cooperator" is ``TFT_a`` and its "defector" ``ALLD``, with
        the payoffs over the whole repeated game by the number of reciprocating partners.

    Notes
    -----
    Exact inputs (ints, Fractions) give exact fitnesses, thresholds and rest points (algebraic
    numbers from sympy when irrational, up to ``n = 80``); floats give floats. Execution
    errors are not modelled (Boyd and Richerson's strategies are error-free).

    See Also
    --------
    Reciprocity : bilateral tit for tat against diffuse reciprocity in a population.
    multilateral.solvers.symmetric_equilibria : the rest points of :attr:`game`.
    multilateral.solvers.replicator : its trajectories.
    multilateral.claims.BOYD_RICHERSON_GROUP_SIZE : the claim checked on this model.

    References
    ----------
    .. [1] Boyd, R. and Richerson, P. J. (1988). The evolution of reciprocity in sizable
       groups. *Journal of Theoretical Biology* 132(3), 337-356.
    .. [2] Joshi, N. V. (1987). Evolution of cooperation by reciprocation within structured
       demes. *Journal of Genetics* 66(1), 69-84, p. 69.
    .. [3] Axelrod, R. and Hamilton, W. D. (1981). The evolution of cooperation. *Science*
       211, 1390-1396, p. 1393.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.ThresholdReciprocity(n=3, threshold=2, benefit=3, cost=2,
    ...                                    delta=Fraction(9, 10))
    >>> m.fitness(Fraction(1, 2))
    (Fraction(9, 4), Fraction(1, 1))
    >>> m.basin()
    ReciprocityBasin(boundary=1/3, basin=2/3, attractor=1)
    >>> m.is_ess(), m.with_(threshold=1).is_ess()
    (True, False)
    """

    n: int
    threshold: int
    benefit: Number = 3
    cost: Number = 2
    delta: Number = Fraction(9, 10)

    def __post_init__(self) -> None:
        n = check_positive_int(self.n, "n (the group size)", 2)
        a = self.threshold
        if isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= n - 1:
            raise InvalidArgumentError(
                f"threshold (how many of the other n - 1 = {n - 1} members must have "
                f"cooperated) must be an integer from 0 to {n - 1}, got {a!r}")
        benefit = check_real(self.benefit, "benefit", low=0, open_low=True)
        cost = check_real(self.cost, "cost", low=0, open_low=True)
        delta = check_probability(self.delta, "delta (the continuation probability)",
                                  exact=True, open_high=True)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "benefit", benefit)
        object.__setattr__(self, "cost", cost)
        object.__setattr__(self, "delta", delta)

    # -- arithmetic --------------------------------------------------------------------------
    @property
    def _exact(self) -> bool:
        return all(is_exact(v) for v in (self.benefit, self.cost, self.delta))

    def _rounds(self) -> Any:
        """``L = 1 / (1 - delta)``, the expected number of rounds."""
        return 1 / (1 - self.delta)

    def _share(self) -> Any:
        return Fraction(self.benefit) / self.n if self._exact else self.benefit / self.n

    def _payoffs(self, j: int) -> tuple[Any, Any]:
        """Payoffs over the whole game to a reciprocator and to an always-defector with ``j``
        reciprocating partners."""
        share, rounds = self._share(), self._rounds()
        tft = share * (j + 1) - self.cost
        alld = share * j
        return (tft * rounds if j >= self.threshold else tft,
                alld * rounds if j >= self.threshold + 1 else alld)

    @property
    def game(self) -> AnonymousGame:
        """The population game ``TFT_a`` (cooperator) against ``ALLD`` (defector).

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> g = ml.models.ThresholdReciprocity(3, 2, benefit=3, cost=2,
        ...                                    delta=Fraction(1, 2)).game
        >>> g.cooperator.tolist(), g.defector.tolist()
        ([-1, 0, 2], [0, 1, 2])
        """
        pays = [self._payoffs(j) for j in range(self.n)]
        return AnonymousGame([p[0] for p in pays], [p[1] for p in pays],
                             name=f"TFT_{self.threshold} vs ALLD, n={self.n}")

    def _check_frequency(self, frequency: Any) -> Any:
        return check_probability(frequency, "frequency (of reciprocators)",
                                 exact=self._exact)

    def fitness(self, frequency: Number) -> tuple[Any, Any]:
        """Expected payoffs ``(W(TFT_a), W(ALLD))`` when reciprocators have ``frequency`` p.

        The binomial averages of the payoffs over the number of reciprocating partners,
        ``j ~ Binomial(n - 1, p)`` (groups formed at random).

        Parameters
        ----------
        frequency : number
            ``p`` in ``[0, 1]``; exact (a Fraction) for an exact model.

        Returns
        -------
        tuple of two numbers

        See Also
        --------
        gain : their difference.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.ThresholdReciprocity(2, 1, delta=Fraction(9, 10)).fitness(1)
        (Fraction(10, 1), Fraction(3, 2))
        """
        p = self._check_frequency(frequency)
        m = self.n - 1
        if p == 0 or p == 1:                          # every partner plays ALLD, or TFT_a
            return self._payoffs(0 if p == 0 else m)
        if not self._exact or not is_exact(p):        # floats: log-space weights, any n
            weights = binomial_weights(m, float(p))
            pays = np.array([self._payoffs(j) for j in range(m + 1)], dtype=float)
            return float(weights @ pays[:, 0]), float(weights @ pays[:, 1])
        tft: Any = 0
        alld: Any = 0
        for j in range(m + 1):
            weight = math.comb(m, j) * p ** j * (1 - p) ** (m - j)
            vt, vd = self._payoffs(j)
            tft += weight * vt
            alld += weight * vd
        return tft, alld

    def gain(self, frequency: Number) -> Number:
        """``W(TFT_a) - W(ALLD)`` at ``frequency``: reciprocators increase where it is > 0.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ThresholdReciprocity(4, 3).gain(0)   # one shot costs C - B/n
        Fraction(-5, 4)
        """
        tft, alld = self.fitness(frequency)
        out: Number = tft - alld
        return out

    # -- dynamics ----------------------------------------------------------------------------
    def rest_points(self) -> tuple[SymmetricEquilibrium, ...]:
        """The rest points of the replicator dynamics that are Nash equilibria of :attr:`game`,
        with their stability, by :func:`~multilateral.solvers.symmetric_equilibria`.

        Examples
        --------
        >>> import multilateral as ml
        >>> [e.probability for e in ml.models.ThresholdReciprocity(3, 2).rest_points()]
        [0.0, 0.3333333333333333, 1.0]
        """
        return symmetric_equilibria(self.game)

    def basin(self) -> ReciprocityBasin:
        """The invasion threshold of reciprocators and the basin of attraction of reciprocity.

        Read off the rest points of :attr:`game`: the boundary is the lower end of the first
        interval of ``(0, 1)`` on which reciprocators gain (the unstable rest point above which
        they increase); the attractor is its upper end.

        Returns
        -------
        ReciprocityBasin

        See Also
        --------
        rest_points : the rest points it is read from.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.ThresholdReciprocity(4, 3, benefit=3, cost=2, delta=Fraction(9, 10))
        >>> m.basin().exact   # K^(1/3), K = (C - B/n)(1 - w) / (w (B - C)) = 5/36
        30**(1/3)/6
        """
        if self.threshold == self.n - 1:
            return self._strictest_basin()
        points: list[tuple[float, Any]] = [(0.0, Fraction(0) if self._exact else None)]
        points += [(e.probability, e.exact) for e in self.rest_points()
                   if 0.0 < e.probability < 1.0]
        points.append((1.0, Fraction(1) if self._exact else None))
        for (lo, lo_exact), (hi, _) in itertools.pairwise(points):
            middle = (lo + hi) / 2
            probe = Fraction(middle) if self._exact else middle
            if self.gain(probe) > 0:
                return ReciprocityBasin(lo, 1.0 - lo, hi, lo_exact)
        return ReciprocityBasin(1.0, 0.0, None, Fraction(1) if self._exact else None)

    def _strictest_basin(self) -> ReciprocityBasin:
        """The closed form for ``a = n - 1``: ``g(p) = (B/n - C) + (L - 1) p^(n-1) (B - C)``."""
        exact = self._exact
        one = Fraction(1) if exact else 1.0
        loss = self.cost - self._share()              # C - B/n: what one round costs
        if loss <= 0:
            return ReciprocityBasin(0.0, 1.0, 1.0, one - one if exact else None)
        if self.benefit <= self.cost or self.delta == 0:
            return ReciprocityBasin(1.0, 0.0, None, one if exact else None)
        k = loss * (1 - self.delta) / (self.delta * (self.benefit - self.cost))
        if k >= 1:
            return ReciprocityBasin(1.0, 0.0, None, one if exact else None)
        root: Any
        if exact:
            import sympy

            root = sympy.Rational(k.numerator, k.denominator) ** sympy.Rational(1, self.n - 1)
            if root.is_Rational:
                root = Fraction(int(root.p), int(root.q))
            value = float(root)
        else:
            root, value = None, float(k) ** (1.0 / (self.n - 1))
        return ReciprocityBasin(value, 1.0 - value, 1.0, root)

    def is_ess(self) -> bool:
        """Whether a population of reciprocators resists invasion by ``ALLD``: ``g(1) > 0``.

        Strict: at ``g(1) = 0`` (``delta`` at :meth:`critical_discount`) a lone defector earns
        what the reciprocators earn, and for ``a = n - 1`` it gains at every frequency below
        1 (``g`` increases in ``p``), so reciprocators are not stable there.

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.ThresholdReciprocity(5, a).is_ess() for a in range(5)]
        [False, False, False, False, True]
        """
        return bool(self.gain(1) > 0)

    def critical_discount(self, frequency: Number = 1) -> CriticalDiscount:
        """The least ``delta`` at which reciprocators at ``frequency`` do at least as well as
        ``ALLD``.

        ``g(p) = (B/n - C) + (delta / (1 - delta)) D(p)`` (module docstring), so the threshold
        is ``(C - B/n) / (D(p) + C - B/n)`` when ``C > B/n`` and ``D(p) > 0``, never when
        ``D(p) <= 0 < C - B/n``, and 0 when ``C <= B/n``. At ``frequency = 1`` it is the
        boundary of evolutionary stability against ``ALLD``: ``TFT_(n-1)`` is stable for
        ``delta`` strictly above ``(n C - B) / ((n - 1) B)`` (at it, only neutrally: see
        :meth:`is_ess`), and ``TFT_a``, ``a < n - 1``, never.

        Parameters
        ----------
        frequency : number, default 1
            The frequency of reciprocators.

        Returns
        -------
        CriticalDiscount

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.ThresholdReciprocity(2, 1, benefit=3, cost=2)
        >>> m.critical_discount()   # Axelrod and Hamilton: (T - R) / (T - P) = (3/2 - 1) / (3/2)
        CriticalDiscount(1/3)
        >>> [m.with_(n=k, threshold=k - 1).critical_discount(Fraction(1, 2)).value
        ...  for k in (2, 5, 10)]   # at half reciprocators, w must approach 1 as n grows
        [Fraction(1, 2), Fraction(112, 117), Fraction(4352, 4357)]
        """
        p = self._check_frequency(frequency)
        exact = self._exact
        one_shot = self._share() - self.cost          # g at delta = 0, whatever p and a
        if one_shot >= 0:
            return CriticalDiscount.at_least(Fraction(0) if exact else 0.0)
        if self.threshold == self.n - 1:              # D(p) = p^(n-1) (B - C), closed form
            if p == 0 or self.benefit <= self.cost:
                return CriticalDiscount.never()
            # in floats p^(n-1) may underflow for huge n: the threshold is then 1.0 to
            # float precision (still attainable below 1 in exact arithmetic), not "never"
            future = p ** (self.n - 1) * (self.benefit - self.cost)
        else:
            at_half = self.with_(delta=Fraction(1, 2) if exact else 0.5).gain(p)
            future = at_half - one_shot               # (L - 1) D(p) with L - 1 = 1
            if future <= 0:
                return CriticalDiscount.never()
        return CriticalDiscount.at_least(-one_shot / (future - one_shot))

    def __str__(self) -> str:
        return (f"TFT_{self.threshold} vs ALLD in groups of {self.n} "
                f"(B={format_number(self.benefit)}, C={format_number(self.cost)}, "
                f"w={format_number(self.delta)})")
