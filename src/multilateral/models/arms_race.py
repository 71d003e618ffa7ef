"""Arms races and negotiations: a fear spiral from private types, and cheap talk that ends it.

Two states decide at once whether to acquire new weapons (*arm*) or not (*refrain*). Against
a rival that refrains, arming gains ``superiority`` (``μ``); against a rival that arms, it
avoids the loss ``vulnerability`` (``d``) of being the one left unarmed; either way it costs
the state its *type* ``c``, its private cost of arming, drawn independently for each state
from the uniform distribution on ``[cost_low, cost_high]``. So the row payoffs are

=========  =========  ========
\\          refrain    arm
=========  =========  ========
refrain    0          ``-d``
arm        ``μ - c``  ``-c``
=========  =========  ========

and a state whose rival arms with probability ``p`` arms iff ``c <= μ + (d - μ) p``. With
``d > μ`` the actions are strategic complements. A type ``c < μ`` is a *dominant strategy
type*: it arms whatever the rival does. A type ``μ <= c <= d`` is a *coordination type*:
it prefers that neither state arm, but arms if it expects the rival to (Baliga and
Sjöström's abstract). The dominant-type probability is ``ε = F(μ)``.

*Without talk* (the library's derivation). Every Bayesian Nash equilibrium is in cutoffs
(arm iff ``c <= c*``, up to types of probability zero), and a symmetric cutoff solves
``c* = g(c*)`` with ``g(c) = μ + (d - μ) F(c)``, linear on the support: corner cutoffs at
``cost_low`` (nobody arms; an equilibrium iff ``μ <= cost_low``) and at ``cost_high``
(everybody arms; iff ``cost_high <= d``), and one interior root when the line crosses the
diagonal. The *multiplier effect*: if there are dominant types (``cost_low < μ``) and no
type would refrain against a rival sure to arm (``cost_high <= d``), then ``g(c) > c`` on
the whole support below ``cost_high``: the dominant types arm, so the types just above
``μ`` arm, so the types just above them... and the unique equilibrium (also among
asymmetric profiles: iterate best replies from the lowest profile) is an arms race with
probability one, however small ``ε`` is. Otherwise no arms race is certain.

*With cheap talk.* Before choosing, the states announce at once, in public, ``"peace"`` or
``"arms"``. The library's construction: dominant types announce arms, all others peace; if
both announce peace neither arms; after any announcement of arms both arm. Coordination
types keep it (announcing arms only brings the rival to arm, ``-(1 - ε) c <= 0``); so do the
types after each pair of announcements when ``cost_high <= d``. A dominant type gains
``(1 - ε) μ`` by announcing peace and arming against a rival that trusts it, so the
construction is an equilibrium iff ``μ = 0`` (when ``0 < ε < 1``): the hardliners want the
weapons for their own sake, not for superiority over a disarmed rival (the library's finding
about its construction; whether the article's equilibrium needs the same, or is a richer one,
was not checked: only its abstract was consulted). Then the arms race happens iff some state is a
dominant type, with probability ``1 - (1 - ε)**2 = 2ε - ε**2``, which goes to 0 with ``ε``
while without talk the arms race is certain. All of it is exact for exact inputs.
:func:`cutoff_equilibria` solves the no-talk fixed point for any continuous distribution of
costs, in floats: there the multiplier also needs enough types just above ``μ``.

References
----------
.. [1] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of Economic
   Studies* 71(2), 351-369 (the abstract, p. 351: "With probability close to one, the best
   outcome for each player is for neither to acquire new weapons (although each prefers to
   acquire new weapons if he thinks the opponent will). There is a small probability that a
   player is a dominant strategy type who always prefers to acquire new weapons. We find
   conditions under which the unique Bayesian-Nash equilibrium involves an arms race with
   probability one. However, if the probability that a player is a dominant strategy type is
   sufficiently small, then there is an equilibrium of the cheap-talk extension of the game
   where the probability of an arms race is close to zero."; the payoffs, the uniform types
   and both constructions here are the library's, the article's pages beyond the first were
   not consulted).
.. [2] Jervis, R. (1978). Cooperation under the security dilemma. *World Politics* 30(2),
   167-214 (the spiral of mutual fear).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_real
from ..errors import InvalidArgumentError, InvalidGameError
from ..games.two_by_two import TwoByTwo
from ..tolerances import ROOT_X, SAME_POINT
from ..types import Number
from .base import Model
from .crisis import WarRiskComparison

__all__ = ["ArmsRace", "CheapTalkOutcome", "cutoff_equilibria"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class CheapTalkOutcome:
    """The library's cheap-talk equilibrium of an :class:`ArmsRace` and whether it is one.

    Dominant types announce arms, the others peace; neither arms after two announcements of
    peace, both arm after any announcement of arms.

    Attributes
    ----------
    arms_race_probability : number
        The probability that both states arm: that at least one announces arms,
        ``1 - (1 - ε)**2``.
    peace_probability : number
        The probability that a state announces peace, ``1 - ε``.
    dominant_gain : number
        What a dominant type gains by announcing peace instead (and arming anyway),
        ``(1 - ε) μ``: the construction needs it ``<= 0`` when there are dominant types
        (``ε > 0``).
    coordination_gain : number
        The most any other type gains by announcing arms instead, ``-(1 - ε) max(μ,
        cost_low)`` (never positive).
    is_equilibrium : bool
        Whether no type gains by announcing otherwise or by acting otherwise after any pair of
        announcements.
    reason : str
        Why not, when it is not (empty when it is).

    References
    ----------
    .. [1] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of
       Economic Studies* 71(2), 351-369 (p. 351, the abstract; the construction is the
       library's).

    See Also
    --------
    ArmsRace.cheap_talk : computes it.
    ArmsRace.arms_race_risk : against the equilibria without talk.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1,
    ...                    cost_high=4).cheap_talk()
    CheapTalkOutcome(arms race 9/25, an equilibrium)
    """

    arms_race_probability: Number
    peace_probability: Number
    dominant_gain: Number
    coordination_gain: Number
    is_equilibrium: bool
    reason: str = ""

    def __repr__(self) -> str:
        verdict = "an equilibrium" if self.is_equilibrium else f"not an equilibrium: {self.reason}"
        return (f"CheapTalkOutcome(arms race {format_number(self.arms_race_probability)}, "
                f"{verdict})")


@dataclass(frozen=True, eq=False, repr=False)
class ArmsRace(Model):
    """An arms race game with private costs of arming (after Baliga and Sjöström 2004).

    Parameters
    ----------
    superiority : number
        What arming gains against a rival that refrains (``μ >= 0``).
    vulnerability : number
        What arming avoids against a rival that arms, the loss of being left unarmed
        (``d > μ``: strategic complements).
    cost_low, cost_high : number
        The support of each state's private cost of arming (uniform, ``cost_low <
        cost_high``); types below ``superiority`` are dominant strategy types.

    Notes
    -----
    A state arms iff its cost is at most ``μ + (d - μ) p`` when the rival arms with
    probability ``p``. Without talk the symmetric cutoff equilibria are
    :meth:`equilibria`; :meth:`multiplier_effect` says when the only one is an arms race
    with probability one (``cost_low < μ`` and ``cost_high <= d``). :meth:`cheap_talk` is
    the library's equilibrium with announcements before arming, an equilibrium iff ``cost_high
    <= d`` and ``μ = 0`` (when some but not all types are dominant); its arms-race
    probability is ``2ε - ε**2`` for the dominant-type probability ``ε``
    (:meth:`dominant_probability`). See the module docstring for the derivations.

    References
    ----------
    .. [1] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of
       Economic Studies* 71(2), 351-369 (p. 351, the abstract; the payoffs, the uniform
       types and the constructions are the library's).

    See Also
    --------
    multilateral.models.PreemptiveWar : the other fear spiral; there the strategic risk is
        global-game noise about a common value of peace, here it is the rival's private
        type, and talk (not a common-knowledge third party) is what removes it.
    multilateral.models.CrisisMediation : war from miscoordination in Chicken (substitutes).
    multilateral.models.WarRiskComparison : the shared result (:meth:`arms_race_risk`).
    cutoff_equilibria : the equilibria without talk for any distribution of costs (floats).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
    >>> m.dominant_probability()
    Fraction(1, 5)
    >>> m.equilibria(), m.multiplier_effect()   # the only equilibrium: everybody arms
    ((Fraction(4, 1),), True)
    >>> m.cheap_talk().arms_race_probability    # 1 - (4/5)**2
    Fraction(9, 25)
    >>> ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=Fraction(-1, 10),
    ...                    cost_high=4).cheap_talk().arms_race_probability
    Fraction(81, 1681)
    """

    superiority: Number
    vulnerability: Number
    cost_low: Number
    cost_high: Number

    def __post_init__(self) -> None:
        for name in ("vulnerability", "cost_low", "cost_high"):
            object.__setattr__(self, name, check_real(getattr(self, name), name))
        object.__setattr__(self, "superiority", check_real(self.superiority, "superiority",
                                                           low=0))
        if self.vulnerability <= self.superiority:
            raise InvalidGameError(
                f"arming must matter more when the rival arms (vulnerability "
                f"{format_number(self.vulnerability)} > superiority "
                f"{format_number(self.superiority)}); otherwise the actions are not strategic "
                "complements and there is no fear spiral")
        if self.cost_high <= self.cost_low:
            raise InvalidArgumentError(
                f"cost_high must be > cost_low (got {format_number(self.cost_high)} <= "
                f"{format_number(self.cost_low)}): the costs of arming are uniform on "
                "[cost_low, cost_high]")

    def __repr__(self) -> str:
        return (f"ArmsRace(superiority={format_number(self.superiority)}, vulnerability="
                f"{format_number(self.vulnerability)}, cost_low={format_number(self.cost_low)}"
                f", cost_high={format_number(self.cost_high)})")

    def game_at(self, arming_cost: Number) -> TwoByTwo:
        """The game between two states that both have the cost ``arming_cost`` (known).

        ``TwoByTwo.symmetric(T=μ - c, R=0, P=-c, S=-d)`` with actions refrain, arm: a stag
        hunt for a coordination type (``μ < c < d``), with arming dominant below ``μ``.

        See Also
        --------
        equilibria : with private costs.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.ArmsRace(superiority=1, vulnerability=4, cost_low=0, cost_high=4)
        >>> m.game_at(2).oye_type
        'stag_hunt'
        """
        c = check_real(arming_cost, "arming_cost")
        return TwoByTwo.symmetric(T=self.superiority - c, R=0 * c, P=-c,
                                  S=-self.vulnerability, actions=[["refrain", "arm"]] * 2)

    def arming_probability(self, cutoff: Number) -> Number:
        """The probability that a state arms when it arms iff its cost is at most ``cutoff``
        (the uniform distribution function of the costs at ``cutoff``).

        See Also
        --------
        best_response : the cutoff that answers it.
        """
        x = check_real(cutoff, "cutoff")
        share = (x - self.cost_low) / (self.cost_high - self.cost_low)
        zero = 0 * share
        return min(zero + 1, max(zero, share))

    def best_response(self, cutoff: Number) -> Number:
        """The cutoff that answers a rival who arms iff its cost is at most ``cutoff``:
        ``μ + (d - μ) F(cutoff)``, the cost of the type indifferent between arming and not.

        See Also
        --------
        equilibria : its fixed points.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
        >>> m.best_response(0), m.best_response(4)
        (Fraction(4, 5), Fraction(4, 1))
        """
        mu, d = self.superiority, self.vulnerability
        return mu + (d - mu) * self.arming_probability(cutoff)

    def dominant_probability(self) -> Number:
        """The probability ``ε = F(μ)`` that a state is a dominant strategy type (cost below
        ``superiority``: it arms whatever the rival does).

        See Also
        --------
        cheap_talk : whose arms race vanishes with it.
        """
        return self.arming_probability(self.superiority)

    def equilibria(self) -> tuple[Number, ...]:
        """The symmetric cutoff Bayesian Nash equilibria without talk, increasing.

        Each is a cutoff ``c*``: a state arms iff its cost is at most ``c*``. ``cost_low`` is
        the equilibrium in which nobody arms, ``cost_high`` the one in which everybody
        does. When the best reply line lies on the diagonal (``μ = cost_low`` and ``d =
        cost_high``) every cutoff is an equilibrium, and the two ends are reported.

        See Also
        --------
        multiplier_effect : when there is one, an arms race.
        arms_race_probabilities : what they imply.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ArmsRace(superiority=1, vulnerability=4, cost_low=2,
        ...                    cost_high=3).equilibria()    # no dominant types: three
        (Fraction(2, 1), Fraction(5, 2), Fraction(3, 1))
        """
        a, b, mu, d = self.cost_low, self.cost_high, self.superiority, self.vulnerability
        found = []
        if mu <= a:
            found.append(a)
        slope = (d - mu) / (b - a)
        if slope != 1:
            root = (mu - slope * a) / (1 - slope)
            if a < root < b:
                found.append(root)
        if d >= b:
            found.append(b)
        return tuple(found)

    def arms_race_probabilities(self) -> tuple[Number, ...]:
        """The probability that both states arm, in each of :meth:`equilibria`.

        See Also
        --------
        cheap_talk : with talk.
        """
        return tuple(self.arming_probability(c) ** 2 for c in self.equilibria())

    def multiplier_effect(self) -> bool:
        """Whether the unique Bayesian Nash equilibrium without talk is an arms race with
        probability one: iff there are dominant types (``cost_low < μ``) and every type
        arms against a rival sure to arm (``cost_high <= d``).

        Then ``μ + (d - μ) F(c) > c`` below ``cost_high``: from the dominant types up,
        each type arms because the types below it do, however small ``ε`` is.

        See Also
        --------
        equilibria : all of them.
        cheap_talk : what talk does to it.
        """
        return bool(self.cost_low < self.superiority and self.cost_high <= self.vulnerability)

    def cheap_talk(self) -> CheapTalkOutcome:
        """The library's equilibrium of the game with public announcements before arming.

        Dominant types announce arms, the others peace; neither arms after two announcements
        of peace, both arm after any announcement of arms. An equilibrium iff
        ``cost_high <= d`` and no dominant type gains by lying: ``μ = 0`` whenever some but
        not all types are dominant (see the module docstring); the arms race then happens iff a
        state is a dominant type.

        See Also
        --------
        CheapTalkOutcome : the result.
        arms_race_risk : against no talk.

        Examples
        --------
        >>> import multilateral as ml
        >>> talk = ml.models.ArmsRace(superiority=1, vulnerability=4, cost_low=0,
        ...                           cost_high=4).cheap_talk()
        >>> talk.is_equilibrium, talk.reason
        (False, 'a dominant type gains 3/4 by announcing peace')
        """
        eps = self.dominant_probability()
        peace = 1 - eps
        mu, d = self.superiority, self.vulnerability
        dominant_gain = peace * mu
        coordination_gain = -peace * max(mu, self.cost_low)
        reasons = []
        # with no dominant types (ε = 0: cost_low >= μ) nobody has the lie to tell
        if eps > 0 and dominant_gain > 0:
            reasons.append(f"a dominant type gains {format_number(dominant_gain)} by "
                           "announcing peace")
        if self.cost_high > d:
            reasons.append("types above vulnerability would not arm after an announcement of "
                           "arms")
        return CheapTalkOutcome(arms_race_probability=1 - peace ** 2, peace_probability=peace,
                                dominant_gain=dominant_gain,
                                coordination_gain=coordination_gain,
                                is_equilibrium=not reasons, reason="; ".join(reasons))

    def arms_race_risk(self) -> WarRiskComparison:
        """The arms-race risk without talk (the least over :meth:`equilibria`) against the
        library's cheap-talk equilibrium (:meth:`cheap_talk`).

        Returns
        -------
        WarRiskComparison
            ``unmediated`` without talk, ``mediated`` with it; ``credible`` is whether the
            cheap-talk construction is an equilibrium (if not, ``mediated`` is the no-talk
            risk).

        See Also
        --------
        multilateral.models.WarRiskComparison : the shared result.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ArmsRace(superiority=0, vulnerability=4, cost_low=-1,
        ...                    cost_high=4).arms_race_risk()
        WarRiskComparison(war risk 1 -> 9/25: public announcements of peace or arms before arming)
        """
        without = min(self.arms_race_probabilities())
        talk = self.cheap_talk()
        return WarRiskComparison(
            unmediated=without,
            mediated=talk.arms_race_probability if talk.is_equilibrium else without,
            mediator="public announcements of peace or arms before arming",
            credible=talk.is_equilibrium)


def cutoff_equilibria(superiority: Number, vulnerability: Number,
                      cost_distribution: Any) -> tuple[float, ...]:
    """The symmetric cutoff equilibria without talk for any continuous distribution of costs
    (floats): the :class:`ArmsRace` fixed point ``c = μ + (d - μ) F(c)`` with ``F`` the
    distribution function of ``cost_distribution`` (a frozen ``scipy.stats`` distribution,
    or anything with ``cdf`` and ``support``).

    The lower end of the support is reported when nobody arming is an equilibrium (``μ <=``
    it), the upper end when everybody arming is (``<= d``); interior roots lie in ``[μ,
    d]`` and are found by sign changes of ``μ + (d - μ) F(c) - c`` on a grid of 2001
    points, refined by Brent's method (a root where the curve only touches the diagonal
    between grid points can be missed); where the curve runs along the diagonal (a
    continuum of equilibria) the two ends of the stretch are reported, as in
    :meth:`ArmsRace.equilibria`. The multiplier effect holds iff the result is the upper
    end alone: with a non-uniform distribution it also needs enough mass just above ``μ``.

    Parameters
    ----------
    superiority, vulnerability : number
        As in :class:`ArmsRace` (``0 <= superiority < vulnerability``).
    cost_distribution : scipy.stats frozen distribution
        Each state's private cost of arming.

    Returns
    -------
    tuple of float
        The cutoffs, increasing (``-inf`` or ``inf`` for an unbounded end).

    References
    ----------
    .. [1] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of
       Economic Studies* 71(2), 351-369 (p. 351, the abstract: types "independently drawn
       from a continuous distribution"; the payoffs are the library's).

    See Also
    --------
    ArmsRace.equilibria : the exact version for uniform costs.

    Examples
    --------
    >>> from scipy import stats
    >>> import multilateral as ml
    >>> ml.models.cutoff_equilibria(0, 4, stats.uniform(loc=-1, scale=5))   # ArmsRace's
    (4.0,)
    >>> costs = stats.beta(5, 1, loc=-0.5, scale=4.5)    # few low-cost types: the chain stops
    >>> [round(c, 4) for c in ml.models.cutoff_equilibria(0, 4, costs)]
    [0.0001, 4.0]
    >>> [round(c, 3) for c in ml.models.cutoff_equilibria(0, 4, stats.norm(2, 1))]
    [0.12, 2.0, 3.88]
    """
    mu = float(check_real(superiority, "superiority", low=0))
    d = float(check_real(vulnerability, "vulnerability"))
    if d <= mu:
        raise InvalidGameError(f"vulnerability {d} must exceed superiority {mu}")
    if not (callable(getattr(cost_distribution, "cdf", None))
            and callable(getattr(cost_distribution, "support", None))):
        raise InvalidArgumentError(
            "cost_distribution must be a frozen scipy.stats distribution (with cdf and "
            f"support), got {type(cost_distribution).__name__}")
    if callable(getattr(cost_distribution, "pmf", None)) and not callable(
            getattr(cost_distribution, "pdf", None)):
        raise InvalidArgumentError(
            "cost_distribution must be continuous (a frozen scipy.stats continuous "
            "distribution), got a discrete one: with atoms the cutoff fixed point is not the "
            "equilibrium condition")
    from scipy.optimize import brentq

    lo, hi = (float(x) for x in cost_distribution.support())

    def h(c: float) -> float:
        return float(mu + (d - mu) * float(cost_distribution.cdf(c)) - c)

    # the ends are equilibria when they sit on the right side of μ and d; compared with a
    # tolerance because loc + scale need not land exactly on an exact end (0.1 + 1.8 > 1.9)
    def at_most(x: float, y: float) -> bool:
        return x <= y + SAME_POINT * max(1.0, abs(y))

    found = [lo] if at_most(mu, lo) else []
    left, right = max(lo, mu), min(hi, d)
    if left < right:
        grid = np.linspace(left, right, 2001)
        values = mu + (d - mu) * np.asarray(cost_distribution.cdf(grid), float) - grid
        # a value within rounding of 0 is a root (a float diagonal is ±ulps, which would
        # otherwise bracket spurious roots); a run of them is a stretch where the best reply
        # runs along the diagonal, a continuum of equilibria: its two ends are reported
        sign = np.where(np.abs(values) <= SAME_POINT * max(1.0, abs(left), abs(right)), 0.0,
                        np.sign(values))
        for i in range(len(grid)):
            if sign[i] == 0 and (i == 0 or sign[i - 1] != 0 or i == len(grid) - 1
                                 or sign[i + 1] != 0):
                found.append(float(grid[i]))
            elif i + 1 < len(grid) and sign[i] * sign[i + 1] < 0:
                found.append(float(brentq(h, grid[i], grid[i + 1], xtol=ROOT_X)))
    if at_most(hi, d):
        found.append(hi)
    # a root at an end of the support (cost_high == vulnerability) is found twice, once by
    # the bracket and once as the end, in floats a few ulps apart: keep one
    roots: list[float] = []
    for c in sorted(found):
        if not roots or c - roots[-1] > SAME_POINT * max(1.0, abs(c)):
            roots.append(c)
        else:
            roots[-1] = max(roots[-1], c)
    return tuple(roots)
