"""The bargaining model of war (Fearon 1995): why rational states fight at all.

Two states, A and B, dispute a good worth 1 (a territory, a policy) divided as ``x`` for A
and ``1 - x`` for B. A war gives A the whole good with probability ``win_probability``
(``p``), else B, and costs A ``cost_a`` and B ``c_B``, so that it is worth ``p - cost_a``
to A and ``1 - p - c_B`` to B. Fearon's first result: with risk-neutral (or risk-averse)
states, a known ``p`` and a divisible good, the deals ``x`` in ``[p - cost_a, p + c_B]``
give both at least their expected value of war, and that range is never empty, because
war destroys ``cost_a + c_B``. War needs an explanation beyond "no deal was acceptable".

One of his two rationalist explanations is private information with an incentive to
misrepresent it. Here A is uncertain about B's cost of war, which is uniform on
``[cost_b_low, cost_b_high]`` and known to B only. A makes a take-it-or-leave-it demand
``x``; B accepts when its share beats its value of war, ``1 - x >= 1 - p - c_B``, that is
when ``c_B >= x - p``; otherwise they fight. A demanding more gains more when B accepts and
risks war with more of B's types: the *risk-return trade-off*, and A's best demand runs a
positive risk of war whenever B's costs are uncertain enough. B cannot simply tell A its
cost: every type of B would claim a low cost (a high resolve) to get a better deal, so
the claim is not believed.

**What was confirmed, and where.** The article's setup as restated above (the issue ``[0,
1]``, ``p``, the costs ``c_A`` and ``c_B``, the war payoffs ``p - c_A`` and ``1 - p -
c_B``, the bargaining range and its three assumptions: a true ``p``, risk neutrality or
aversion, a continuous range of settlements) was checked in study notes that restate it
(edegan.com's wiki page on the article; a 2008 blog outline at 19thbrumaire.blogspot.com;
course flashcards), not in the article; its section titles in an outline of the article;
the two mechanisms in its abstract. The pages of the bargaining-range result and of the
risk-return passage, and whether the article's own illustration of the trade-off has
exactly this protocol (who proposes, whose cost is private, which distribution), could not
be checked. The uniform case's closed forms are the library's derivation, checked in the
tests against a search over demands and a Monte Carlo over B's types. Two published results
about this class of models are reproduced in the tests: Banks (1990, abstract: the higher
the informed side's value for war, the higher its payoff and the probability of war) and
the neutrality of the war risk to shifts in the war payoffs that move both sides alike
(Benson, Meirowitz and Ramsay 2016).

References
----------
.. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International
   Organization* 49(3), 379-414 (the abstract: "states have both private
   information about capabilities and resolve and the incentive to misrepresent it"; the
   sections "When will there exist bargains both sides prefer to war?" and "War due to
   private information and incentives to misrepresent"; their pages not confirmed).
.. [2] Banks, J. S. (1990). Equilibrium behavior in crisis bargaining games. *American
   Journal of Political Science* 34(3), 599-614 (the abstract: "the higher the informed
   player's payoff from war, the higher is his or her equilibrium payoff from settling
   the dispute short of war, and the higher is the equilibrium probability of war").
.. [3] Benson, B. V., Meirowitz, A. and Ramsay, K. W. (2016). Changing capabilities,
   uncertainty, and the risk of war in crisis bargaining. *Research and Politics*
   (the abstract, as on the Princeton RPPE page: "For a variety of cases the strategic
   effects can be entirely offsetting and no change in the probability of war results
   from changes in the balance of power, a result sometimes called neutrality"; their
   working paper "The distribution of power and the risk of war in crisis bargaining"
   states it for "the standard crisis bargaining model").
.. [4] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
   *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_probability, check_real
from ..errors import InvalidArgumentError
from ..types import Number
from .base import Model
from .crisis import WarRiskComparison

__all__ = ["BargainingEquilibrium", "BargainingRange", "WarBargaining"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class BargainingRange:
    """The deals both states weakly prefer to war: A's shares ``x`` in ``[low, high]``.

    Attributes
    ----------
    low, high : number
        ``max(0, p - cost_a)`` and ``min(1, p + c_B)``: below ``low`` A prefers war,
        above ``high`` B does.

    References
    ----------
    .. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International
       Organization* 49(3), 379-414 (the bargaining range, his first result).

    See Also
    --------
    WarBargaining.bargaining_range : computes it.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> r = ml.models.WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
    ...                             cost_b_low=Fraction(1, 10), cost_b_high=Fraction(1, 10)
    ...                             ).bargaining_range()
    >>> r, r.width, r.contains(Fraction(1, 2))
    (BargainingRange([2/5, 3/5]), Fraction(1, 5), True)
    """

    low: Number
    high: Number

    @property
    def width(self) -> Number:
        """``high - low``: positive whenever both costs of war are (or ``p`` is 0 or 1 and
        one of them is)."""
        return self.high - self.low

    def contains(self, x: Number) -> bool:
        """Whether the deal ``x`` (A's share) is in the range."""
        return bool(self.low <= x <= self.high)

    def __repr__(self) -> str:
        return f"BargainingRange([{format_number(self.low)}, {format_number(self.high)}])"


@dataclass(frozen=True, repr=False)
class BargainingEquilibrium:
    """A's optimal take-it-or-leave-it demand and what it risks.

    Attributes
    ----------
    offer : number
        The deal A proposes: A's share ``x`` (B keeps ``1 - x``).
    cutoff : number
        ``x - p``: B's types with a cost of war below it reject and fight.
    war_probability : number
        The probability that B rejects (the mass of B's types below ``cutoff``).
    payoff_a : number
        A's expected utility: ``(1 - war) x + war (p - cost_a)``.

    References
    ----------
    .. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International
       Organization* 49(3), 379-414 (the risk-return trade-off).

    See Also
    --------
    WarBargaining.equilibrium : computes it.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> ml.models.WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
    ...                         cost_b_low=0, cost_b_high=Fraction(3, 10)).equilibrium()
    BargainingEquilibrium(offer 3/5, war probability 1/3)
    """

    offer: Number
    cutoff: Number
    war_probability: Number
    payoff_a: Number

    def __repr__(self) -> str:
        return (f"BargainingEquilibrium(offer {format_number(self.offer)}, war probability "
                f"{format_number(self.war_probability)})")


@dataclass(frozen=True, repr=False)
class WarBargaining(Model):
    """Fearon's bargaining model of war with private information about B's cost of war.

    Parameters
    ----------
    win_probability : number
        ``p``: the probability that A wins a war (and takes the whole good), in ``[0, 1]``.
    cost_a : number
        A's cost of war, positive and known to both.
    cost_b_low, cost_b_high : number
        B's cost of war is uniform on ``[cost_b_low, cost_b_high]`` (``0 <= cost_b_low <=
        cost_b_high``), known to B alone. Equal bounds are complete information.

    Notes
    -----
    Risk-neutral states; the good is divisible; A's utility for the deal ``x`` is ``x``,
    B's is ``1 - x``, and war is worth ``p - cost_a`` to A and ``1 - p - c_B`` to B.

    *Complete information* (:meth:`bargaining_range`): the deals in
    ``[max(0, p - cost_a), min(1, p + c_B)]`` leave both at least as well off as war; the
    range is never empty.

    *Private information* (:meth:`equilibrium`): B accepts the demand ``x`` iff
    ``c_B >= x - p``, so with ``L, H = cost_b_low, cost_b_high`` A's expected utility for
    ``x`` in ``[p + L, p + H]`` is

    ``U(x) = (p + H - x) / (H - L) * x + (x - p - L) / (H - L) * (p - cost_a)``,

    concave, with its peak at ``x* = p + (H - cost_a) / 2``. A demands ``x*`` clipped to
    ``[p + L, p + H]`` and to at most 1, and war follows with probability
    ``(x - p - L) / (H - L)``. In the interior this is

    ``war probability = (H - cost_a - 2 L) / (2 (H - L))``,

    positive exactly when ``H > cost_a + 2 L``; for ``L = 0`` it is
    ``(H - cost_a) / (2 H)``. It falls as either side's cost of war rises and rises with
    A's uncertainty (``H`` for fixed ``L = 0``). These closed forms are the library's
    derivation for the uniform case. For any distribution of B's cost with density ``f``
    on ``[L, H]``, A's best demand runs a positive risk of war whenever
    ``f(L) (L + cost_a) < 1`` and ``p + L < 1`` (raising the demand above what every type
    accepts then pays at the margin; the converse needs more, e.g. a monotone hazard rate),
    and the risk never rises with either side's cost of war (A's payoff has decreasing
    differences in the demand and ``cost_a``; raising all of B's costs by ``s`` acts like
    raising ``cost_a`` by ``s``). The library computes the uniform case only.

    It does not depend on the balance of power ``p`` as long as A's demand stays below 1: a
    stronger A demands more, by just as much as B's war payoff falls. This is the
    "neutrality" of the standard crisis bargaining model [3]_, not a claim of Fearon's;
    once the demand is capped at the whole good it fails (the risk then falls as ``p``
    rises). Across B's types the outcome is Banks's (1990) [2]_: a type with a higher value
    for war (a lower ``c_B``) fights with a higher probability and gets at least as much.

    *An informed mediator* (:meth:`mediated`, after Kydd 2003 [4]_): a third party that
    knows B's cost of war and reports it to A. If A believes the report it demands
    ``p + c_B`` and war never comes. Telling the truth is the mediator's strict best reply
    for every type of B only if it leans towards A, the side it counsels
    (:meth:`mediator_payoff`); an even-handed one is indifferent among all reports at or
    below the truth (truth-telling is an equilibrium, but a fragile one), and one leaning
    towards B strictly prefers to understate. :meth:`mediated` then returns the war risk
    of the equilibrium in which A ignores the report, Fearon's; that is a selection, not
    the only equilibrium (see :meth:`mediated`).

    The theory has no finite game: offers and B's types are continua (the contract's
    ``.game`` is absent on purpose).

    References
    ----------
    .. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International
       Organization* 49(3), 379-414 (the bargaining range; the risk-return trade-off in
       "War due to private information and incentives to misrepresent"; the module
       docstring says what was confirmed).
    .. [2] Banks, J. S. (1990). Equilibrium behavior in crisis bargaining games. *American
       Journal of Political Science* 34(3), 599-614 (the abstract).
    .. [3] Benson, B. V., Meirowitz, A. and Ramsay, K. W. (2016). Changing capabilities,
       uncertainty, and the risk of war in crisis bargaining. *Research and Politics*
       (the abstract: neutrality, "no change in the probability of war results from
       changes in the balance of power" for a variety of cases).
    .. [4] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
       *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract).

    See Also
    --------
    multilateral.models.AudienceCosts : Fearon (1994): how a state can reveal its resolve.
    multilateral.models.CrisisMediation : a crisis as Chicken, where a mediator's
        recommendation removes the war risk; here war comes from private information,
        which only an informed and believed mediator removes (:meth:`mediated`).
    multilateral.models.WarRiskComparison : what :meth:`mediated` returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> war = ml.models.WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
    ...                               cost_b_low=0, cost_b_high=Fraction(3, 10))
    >>> war.bargaining_range()          # deals every type of B prefers to war
    BargainingRange([2/5, 1/2])
    >>> war.optimal_offer(), war.war_probability()
    (Fraction(3, 5), Fraction(1, 3))
    >>> war.with_(cost_a=Fraction(2, 10)).war_probability()   # costlier war, less risk
    Fraction(1, 6)
    >>> war.mediated(mediator_bias=Fraction(3, 4))   # a mediator on A's side is believed
    WarRiskComparison(war risk 1/3 -> 0: reports B's cost of war to A)
    """

    win_probability: Number
    cost_a: Number
    cost_b_low: Number
    cost_b_high: Number

    def __post_init__(self) -> None:
        names = ("win_probability", "cost_a", "cost_b_low", "cost_b_high")
        values: list[Any] = [check_probability(self.win_probability, "win_probability",
                                               exact=True),
                             check_real(self.cost_a, "cost_a", low=0, open_low=True),
                             check_real(self.cost_b_low, "cost_b_low", low=0),
                             check_real(self.cost_b_high, "cost_b_high", low=0)]
        if values[3] < values[2]:
            raise InvalidArgumentError(
                f"B's costs of war range over an empty interval: cost_b_high "
                f"({self.cost_b_high!r}) must be >= cost_b_low ({self.cost_b_low!r})")
        if any(isinstance(v, float) for v in values):
            values = [float(v) for v in values]
        for name, value in zip(names, values, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return (f"WarBargaining(win_probability={format_number(self.win_probability)}, "
                f"cost_a={format_number(self.cost_a)}, cost_b=[{format_number(self.cost_b_low)}"
                f", {format_number(self.cost_b_high)}])")

    @property
    def _one(self) -> Any:
        return 1 + 0 * self.win_probability

    def bargaining_range(self, cost_b: Number | None = None) -> BargainingRange:
        """The deals both states prefer to war, under complete information.

        Parameters
        ----------
        cost_b : number, optional
            B's cost of war. By default ``cost_b_low``: the range that every type of B
            prefers to war (and still never empty).

        Returns
        -------
        BargainingRange

        References
        ----------
        .. [1] Fearon, J. D. (1995). Rationalist explanations for war. *International
           Organization* 49(3), 379-414 (his first result: a bargaining range exists).

        See Also
        --------
        equilibrium : what A demands when it does not know ``cost_b``.
        """
        c_b = self.cost_b_low if cost_b is None else check_real(cost_b, "cost_b", low=0)
        p, c_a, one = self.win_probability, self.cost_a, self._one
        if isinstance(p, float) or isinstance(c_b, float):   # floats in, floats out
            p, c_a, c_b, one = float(p), float(c_a), float(c_b), 1.0
        return BargainingRange(low=max(0 * one, p - c_a), high=min(one, p + c_b))

    def war_probability_at(self, offer: Number) -> Number:
        """The probability that B rejects the demand ``offer`` (A's share) and fights.

        See Also
        --------
        expected_payoff : A's side of the risk-return trade-off.
        """
        offer = check_real(offer, "offer", low=0, high=1)
        low, high = self.cost_b_low, self.cost_b_high
        cut = offer - self.win_probability
        if high == low:
            return self._one * (cut > low)
        return min(self._one, max(0 * self._one, (cut - low) / (high - low)))

    def expected_payoff(self, offer: Number) -> Number:
        """A's expected utility for demanding ``offer``: the risk-return trade-off.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> war = ml.models.WarBargaining(win_probability=Fraction(1, 2),
        ...                               cost_a=Fraction(1, 10), cost_b_low=0,
        ...                               cost_b_high=Fraction(3, 10))
        >>> [war.expected_payoff(Fraction(k, 10)) for k in (5, 6, 7)]
        [Fraction(1, 2), Fraction(8, 15), Fraction(1, 2)]

        See Also
        --------
        optimal_offer : the demand that maximizes it.
        """
        offer = check_real(offer, "offer", low=0, high=1)
        war = self.war_probability_at(offer)
        return (1 - war) * offer + war * (self.win_probability - self.cost_a)

    def equilibrium(self) -> BargainingEquilibrium:
        """A's optimal demand, B's cutoff type, the probability of war and A's payoff.

        See Also
        --------
        optimal_offer, war_probability : its parts.
        """
        p, low, high, one = self.win_probability, self.cost_b_low, self.cost_b_high, self._one
        # B's cutoff type t (the types below it fight) is computed directly, not as the
        # demand minus p: with floats ``(p + t) - p`` can land just above ``t`` and turn a
        # sure deal under complete information into a sure war
        peak = (high - self.cost_a) / 2 if high > low else high
        cut = min(high, max(low, peak))
        offer, cut = (one, 1 - p) if p + cut >= 1 else (p + cut, cut)
        war = max(0 * one, (cut - low) / (high - low)) if high > low else 0 * one
        payoff = (1 - war) * offer + war * (p - self.cost_a)
        return BargainingEquilibrium(offer=offer, cutoff=cut, war_probability=war,
                                     payoff_a=payoff)

    def optimal_offer(self) -> Number:
        """A's optimal take-it-or-leave-it demand (its share ``x``).

        See Also
        --------
        equilibrium : with the risk it runs.
        """
        return self.equilibrium().offer

    def war_probability(self) -> Number:
        """The equilibrium probability of war.

        See Also
        --------
        equilibrium : with A's demand.
        """
        return self.equilibrium().war_probability


    def mediator_payoff(self, mediator_bias: Number, cost_b: Number,
                        reported_cost: Number) -> Number:
        """What a mediator who knows B's cost of war gets from reporting ``reported_cost``
        to A when the cost is ``cost_b``, if A believes it.

        A then demands ``min(1, p + reported_cost)``, which B accepts when ``cost_b`` is at
        least the demand minus ``p`` and fights otherwise. The mediator weighs A's payoff by
        ``mediator_bias`` and B's by ``1 - mediator_bias``.

        Parameters
        ----------
        mediator_bias : number
            The weight on A's payoff, in ``[0, 1]``; 1/2 weighs both sides equally.
        cost_b, reported_cost : number
            B's true cost of war and the one the mediator reports (``>= 0``).

        Returns
        -------
        number

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> war = ml.models.WarBargaining(win_probability=Fraction(1, 2),
        ...                               cost_a=Fraction(1, 10), cost_b_low=0,
        ...                               cost_b_high=Fraction(3, 10))
        >>> c = Fraction(1, 5)   # understating B's cost pays a mediator on B's side
        >>> war.mediator_payoff(Fraction(1, 4), c, 0) > war.mediator_payoff(Fraction(1, 4), c, c)
        True

        See Also
        --------
        mediated : the war risk with such a mediator.
        """
        bias = check_probability(mediator_bias, "mediator_bias", exact=True)
        cost_b = check_real(cost_b, "cost_b", low=0)
        reported = check_real(reported_cost, "reported_cost", low=0)
        p, c_a = self.win_probability, self.cost_a
        # B accepts the demand p + reported (at most the whole good) iff its cost is at
        # least the demand minus p, compared without forming ``(p + reported) - p`` (floats)
        if p + reported >= 1:
            demand, accepts = self._one, cost_b >= reported or p + cost_b >= 1
        else:
            demand, accepts = p + reported, cost_b >= reported
        if accepts:
            return bias * demand + (1 - bias) * (1 - demand)
        return bias * (p - c_a) + (1 - bias) * (1 - p - cost_b)

    def mediated(self, mediator_bias: Number) -> WarRiskComparison:
        """The probability of war with a mediator who knows B's cost of war and reports it
        to A (after Kydd 2003), against Fearon's without one.

        A report that A believes removes the risk of war: A demands ``p + c_B`` and B
        accepts. Reporting the truth is the mediator's strict best reply, whatever B's
        cost, exactly when ``mediator_bias > 1/2``: understating B's cost moves the deal
        towards B, which costs such a mediator ``(2 mediator_bias - 1)`` per unit, and
        overstating it brings war, which costs every mediator with ``mediator_bias > 0``.
        ``credible`` is this condition, and then the war risk is 0.

        Otherwise the result is the equilibrium in which A ignores the report (babbling),
        with Fearon's war risk; it is a selection, and the other equilibria are these.
        At ``mediator_bias == 1/2`` every deal B accepts is worth the same to the mediator
        (it only moves value between the sides) and war is worse, so truth-telling is an
        equilibrium too, a weak one that any lean towards B breaks (``credible`` is False
        there). Below 1/2 the mediator strictly prefers the lowest demand B accepts, so in
        every equilibrium in which A answers each report with one demand, the report does
        not move A's demand. But A may randomize: in a discretized version (``p = 1/2``,
        ``cost_a = 1/10``, B's cost 0, 3/20 or 3/10 with equal odds, two reports, solved
        by the generic :func:`~multilateral.solvers.extensive.perfect_bayesian_equilibria`),
        a mediator with ``mediator_bias`` from 3/11 up to 1/2 is partly believed and halves
        the war risk (1/3 to 1/6), in an equilibrium in which one report makes A gamble
        between a low demand and a high one that would bring war for the middle type, so
        that type prefers the other report (tested). Whether the continuous model has such
        equilibria the library does not settle. So a mediator leaning towards B cannot be
        believed when it says exactly what B's cost is; it can still be informative, and
        the war it risks through A's gamble is what disciplines it. In Kydd's abstract an
        unbiased mediator "simply interested in minimizing the probability of conflict" has
        "a strong incentive" to overstate resolve; here, with a perfectly informed mediator
        and a believed report that already leaves no war, the even-handed mediator is only
        indifferent (the library's finding in this version; the article's model was not
        consulted).

        Parameters
        ----------
        mediator_bias : number
            The weight the mediator puts on A's payoff, in ``[0, 1]`` (``1 -
            mediator_bias`` on B's).

        Returns
        -------
        WarRiskComparison
            ``credible`` is whether the truthful report is believed.

        References
        ----------
        .. [1] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
           *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract:
           "An unbiased mediator who is simply interested in minimizing the probability of
           conflict will have a strong incentive to make such statements even if they are
           not true ... Only mediators who are effectively 'on your side' will be believed
           if they counsel restraint"; the abstract as given by EconPapers/RePEc; the
           article's model was not consulted and differs from this one, the library's
           version of its argument in Fearon's uniform model).

        See Also
        --------
        mediator_payoff : the mediator's incentive to report truthfully.
        multilateral.models.CrisisMediation : a mediator who coordinates instead of
            informing.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> war = ml.models.WarBargaining(win_probability=Fraction(1, 2),
        ...                               cost_a=Fraction(1, 10), cost_b_low=0,
        ...                               cost_b_high=Fraction(3, 10))
        >>> war.mediated(mediator_bias=Fraction(1, 2))   # even-handed: truth only weakly best
        WarRiskComparison(war risk 1/3 -> 1/3: reports B's cost of war to A, not credible)
        """
        bias = check_probability(mediator_bias, "mediator_bias", exact=True)
        unmediated = self.war_probability()
        credible = bool(bias > Fraction(1, 2))
        return WarRiskComparison(unmediated=unmediated,
                                 mediated=0 * unmediated if credible else unmediated,
                                 mediator="reports B's cost of war to A", credible=credible)
