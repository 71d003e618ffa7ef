"""Outside options and institutional change: renegotiation, exit, and layering.

A rising state whose influence in an institution lags its power asks for more. Lipscy
(2015; 2017) argues that whether it gets it depends on the *policy area*: where the area is
competitive (alternatives to the institution are cheap to use or build), the state's threat
to leave is credible and the institution redistributes quickly; where network effects are
strong (the institution's value lies in everyone being in it), leaving is costly, the threat
is empty and influence stays sticky. (The article's abstract speaks of policy areas 'prone
to produce institutions facing relatively little competition, limiting the outside options
of member states and impeding redistributive change'; the words *network effects* are not
in it: that reading follows Ikenberry's summary of the book, where in crisis management
'it makes sense to concentrate capabilities in a single institution'.) Morse and Keohane
(2014) name what the state does when it goes outside: *regime shifting* (to an existing
body) or *competitive regime creation* (a new one). A new body can also be *layered* beside
the old one, which the state keeps: *layering* is the historical institutionalists' term,
not Morse and Keohane's, and competitive regime creation without exit (the AIIB) is what
this model calls layering. Only the *parallel* body is modelled: a body *nested* in the old
one (a new facility or fund inside the institution, on new shares) is, in this model's
payoffs, a concession of share inside the institution, bounded like any other by
``flexibility``; it is not a separate outside option.

The model (this library's formalization of Lipscy's verbal argument)
--------------------------------------------------------------------
A state has ``power`` ``p`` (the share of influence it would command in a body built from
its resources today) and ``influence`` ``s`` (its share in the institution). Payoffs are
shares of the institution's surplus:

* (O1) staying at share ``x`` is worth ``x``;
* (O2) **exit** (regime shifting or competitive regime creation) is worth ``p - c - w``:
  the state commands its power outside, pays the ``outside_cost`` ``c`` (low in a
  competitive policy area) and loses the ``network`` value ``w`` of the institution;
* (O3) **layering**, a parallel body covering the share ``scope`` ``theta`` of the policy
  area while the state stays in the old one, is worth ``s + theta (p - s) - c``;
* (O4) the incumbents offer a share ``x`` and would rather concede than lose the state, but
  the rules let them raise its share by at most ``flexibility`` ``m`` (an 85% majority with
  a veto player who delays ratification is ``m = 0`` until it ratifies).

The state's threat is ``t = max(exit, layering)``. Equilibrium
(:meth:`OutsideOptions.equilibrium`): if ``t <= s`` the threat is empty and the status quo
stays (*sticky*); if ``s < t <= s + m`` the incumbents offer exactly ``x = t``
(*redistribution*, the concession ``t - s``); if ``t > s + m`` the rules cannot deliver the
concession and the state takes its outside option (*exit* or *layering*, layering on a tie).

Comparative statics (tested; :data:`multilateral.claims.LIPSCY_OUTSIDE_OPTIONS`): the
state's equilibrium payoff ``max(s, t)`` is nonincreasing in ``c`` and ``w`` and
nondecreasing in ``p``; with flexible rules (``m >= p - s``) the concession itself is
nonincreasing in ``c`` and ``w`` (Lipscy's hypothesis). With rigid rules it is not: cheaper
outside options turn a concession into exit or layering, the library's reading of the AIIB
after the delayed 2010 IMF quota reform (:mod:`multilateral.cases.aiib`). The formal result
is this library's; the verbal idea is close to Morse and Keohane's (dissatisfied coalitions
combine 'threats of exit, voice, and the creation of alternative institutions', p. 385) and
to Faude and Parizek (2020), and Lipscy (2017) also weighs institutional rules (Hofmann's
review), in a treatment not read here. With power growing at rate ``g`` the threat starts
to bind after :meth:`OutsideOptions.renegotiation_time` (a concession if ``m > 0``; with
``m = 0`` the state goes outside at once), which rises with ``c`` and ``w``:
redistribution is *slow* where outside options are dear.

References
----------
.. [1] Lipscy, P. Y. (2015). Explaining institutional change: policy areas, outside
   options, and the Bretton Woods institutions. *American Journal of Political Science*
   59(2) (the argument as its abstract states it; the article's pages and its theory
   section were not read here, so no page is cited).
.. [2] Lipscy, P. Y. (2017). *Renegotiating the World Order: Institutional Change in
   International Relations*. Cambridge University Press (not read here; summarized by
   Ikenberry's capsule review, *Foreign Affairs*, 16 October 2017, and Hofmann's review,
   *Perspectives on Politics*, 2019, which quotes p. 267).
.. [3] Morse, J. C. and Keohane, R. O. (2014). Contested multilateralism. *Review of
   International Organizations* 9(4), 385-412 (abstract, p. 385: "threats of exit, voice,
   and the creation of alternative institutions"; they "do not propose an explanatory
   theory").
.. [4] Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute
   settlement in international trade. *International Organization* 61(4), 735-761
   (forum shopping among overlapping memberships; not modelled here).
.. [5] Faude, B. and Parizek, M. (2020). Contested multilateralism as credible signaling.
   *Review of International Organizations* (online; doi 10.1007/s11558-020-09398-7):
   contested multilateralism as a reaction to deadlock in institutional adjustment
   bargaining, the rigid-rules case here.

Examples
--------
>>> from fractions import Fraction as F
>>> from multilateral.models import OutsideOptions
>>> m = OutsideOptions(power=F(1, 4), influence=F(1, 10), outside_cost=F(1, 20))
>>> m.equilibrium()
Renegotiation(redistribution: share 1/10 -> 1/5)
>>> m.with_(network=F(1, 10)).equilibrium()
Renegotiation(status_quo: share 1/10)
>>> m.with_(network=F(1, 10), flexibility=0, scope=F(1, 2)).equilibrium()
Renegotiation(layering: share 1/10, outside 1/8)

The model induces no game object: it is a take-it-or-leave-it offer against a known outside
option, solved by comparing three numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import tolerances
from .._namespace import public_dir
from .._numeric import is_exact
from .._validation import check_probability, check_real
from ..results import Threshold
from ..types import Number
from .base import Model

__all__ = ["OutsideOptions", "Renegotiation"]
__dir__ = public_dir(__all__)

#: What the renegotiation ends in.
Outcome = Literal["status_quo", "redistribution", "exit", "layering"]


@dataclass(frozen=True, repr=False)
class Renegotiation:
    """The equilibrium of :class:`OutsideOptions`.

    Attributes
    ----------
    outcome : {"status_quo", "redistribution", "exit", "layering"}
        Whether the threat is empty, the institution concedes, or the state goes outside
        (leaving the institution, or building a parallel body while staying).
    share : number
        The state's share in the institution afterwards (its old share unless the
        institution concedes; after exit, the share it left).
    concession : number
        The rise in its share (``share - influence``; zero unless redistribution).
    payoff : number
        The state's equilibrium payoff, ``max(influence, threat)``.
    threat : number
        The value of its best outside option.

    See Also
    --------
    OutsideOptions.equilibrium : computes it.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from multilateral.models import OutsideOptions
    >>> r = OutsideOptions(power=F(1, 4), influence=F(1, 10),
    ...                    outside_cost=F(1, 20)).equilibrium()
    >>> r.outcome, r.concession, r.payoff
    ('redistribution', Fraction(1, 10), Fraction(1, 5))
    """

    outcome: Outcome
    share: Number
    concession: Number
    payoff: Number
    threat: Number

    def __repr__(self) -> str:
        if self.outcome == "redistribution":
            return (f"Renegotiation(redistribution: share {self.share - self.concession} -> "
                    f"{self.share})")
        if self.outcome == "status_quo":
            return f"Renegotiation(status_quo: share {self.share})"
        return f"Renegotiation({self.outcome}: share {self.share}, outside {self.threat})"


@dataclass(frozen=True, repr=False)
class OutsideOptions(Model):
    """A rising state renegotiates its share of an institution against its outside options.

    Parameters
    ----------
    power : number in [0, 1]
        ``p``: the share of influence the state would command in a body built today.
    influence : number in [0, 1]
        ``s``: its share in the institution now.
    outside_cost : number >= 0
        ``c``: the cost of going outside (low where the policy area is competitive).
    network : number >= 0, default 0
        ``w``: the institution's network value, lost by exit (not by layering).
    scope : number in [0, 1], default 0
        ``theta``: the share of the policy area a parallel (layered) body can cover; 0 rules
        layering out.
    flexibility : number in [0, 1], default 1
        ``m``: the largest rise in the state's share the institution's rules let it grant.

    Raises
    ------
    InvalidProbabilityError
        If ``power``, ``influence``, ``scope`` or ``flexibility`` is outside ``[0, 1]``.
    InvalidArgumentError
        If ``outside_cost`` or ``network`` is negative or not a finite real number.

    References
    ----------
    .. [1] Lipscy, P. Y. (2015). Explaining institutional change: policy areas, outside
       options, and the Bretton Woods institutions. *American Journal of Political
       Science* 59(2) (abstract: competition speeds redistributive change).
    .. [2] Morse, J. C. and Keohane, R. O. (2014). Contested multilateralism. *Review of
       International Organizations* 9(4), 385-412 (regime shifting, competitive regime
       creation).

    See Also
    --------
    multilateral.models.ForumChoice : the choice between a universal forum and a club.
    multilateral.models.HeterogeneousForum : the same choice before positions are known.
    multilateral.models.ForumShopping : choosing among overlapping courts (Busch 2007).
    multilateral.cases.aiib : the AIIB after the delayed 2010 IMF quota reform.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from multilateral.models import OutsideOptions
    >>> m = OutsideOptions(power=F(1, 4), influence=F(1, 10), outside_cost=F(1, 20))
    >>> m.threat(), m.equilibrium().concession
    (Fraction(1, 5), Fraction(1, 10))
    >>> m.renegotiation_time(growth=0)
    Threshold(time >= 0)
    """

    power: Number
    influence: Number
    outside_cost: Number
    network: Number = 0
    scope: Number = 0
    flexibility: Number = 1

    def __post_init__(self) -> None:
        for name in ("power", "influence", "scope", "flexibility"):
            object.__setattr__(self, name, check_probability(getattr(self, name), name,
                                                             exact=True))
        for name in ("outside_cost", "network"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))

    def __repr__(self) -> str:
        return (f"OutsideOptions(power={self.power}, influence={self.influence}, "
                f"outside_cost={self.outside_cost}, network={self.network}, "
                f"scope={self.scope}, flexibility={self.flexibility})")

    def exit_value(self) -> Number:
        """What leaving is worth: ``p - c - w`` (regime shifting or competitive creation).

        See Also
        --------
        layering_value, threat

        Examples
        --------
        >>> from multilateral.models import OutsideOptions
        >>> OutsideOptions(power=0.5, influence=0.2, outside_cost=0.25, network=0.125).exit_value()
        0.125
        """
        return self.power - self.outside_cost - self.network

    def layering_value(self) -> Number | None:
        """What a parallel body is worth, ``s + theta (p - s) - c``; None if ``scope`` is 0.

        See Also
        --------
        exit_value, threat

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import OutsideOptions
        >>> OutsideOptions(power=F(1, 2), influence=F(1, 10), outside_cost=F(1, 10),
        ...                scope=F(1, 2)).layering_value()
        Fraction(1, 5)
        """
        if self.scope == 0:
            return None
        return self.influence + self.scope * (self.power - self.influence) - self.outside_cost

    def threat(self) -> Number:
        """The state's best outside option, ``t = max(exit, layering)``.

        See Also
        --------
        equilibrium : what the threat buys.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import OutsideOptions
        >>> OutsideOptions(power=F(1, 2), influence=F(1, 10), outside_cost=F(1, 10),
        ...                network=F(1, 5), scope=F(1, 2)).threat()
        Fraction(1, 5)
        """
        layer = self.layering_value()
        exit_ = self.exit_value()
        return exit_ if layer is None else max(exit_, layer)

    def equilibrium(self) -> Renegotiation:
        """The renegotiation's outcome: status quo, redistribution, exit or layering.

        The threat ``t`` against the share ``s`` and the rules' room ``m``: ``t <= s`` keeps
        the status quo; ``s < t <= s + m`` brings the concession ``t - s``; ``t > s + m``
        sends the state outside (layering if it is worth at least as much as exit). Exact
        inputs are compared exactly; with floats, differences within rounding
        (``tolerances.EQUILIBRIUM``) are ties.

        See Also
        --------
        Renegotiation : the result.
        renegotiation_time : when, with growing power, the concession begins.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import OutsideOptions
        >>> m = OutsideOptions(power=F(1, 4), influence=F(1, 10), outside_cost=F(1, 20))
        >>> m.with_(flexibility=F(1, 20)).equilibrium()
        Renegotiation(exit: share 1/10, outside 1/5)
        """
        s, t = self.influence, self.threat()
        zero = s - s
        # floats: differences within rounding are ties (exact inputs: no tolerance)
        tol = 0 if self._exact() else tolerances.EQUILIBRIUM * max(
            1.0, float(self.outside_cost), float(self.network))
        if t - s <= tol:
            return Renegotiation("status_quo", s, zero, s, t)
        if t - s <= self.flexibility + tol:
            return Renegotiation("redistribution", t, t - s, t, t)
        layer = self.layering_value()
        outcome: Outcome = ("layering" if layer is not None and layer >= self.exit_value() - tol
                            else "exit")
        return Renegotiation(outcome, s, zero, t, t)

    def _exact(self) -> bool:
        return all(is_exact(getattr(self, k)) for k in (
            "power", "influence", "outside_cost", "network", "scope", "flexibility"))

    def renegotiation_time(self, growth: Number) -> Threshold:
        """When, with power growing at ``growth`` per period, the threat first beats ``s``.

        Power ``p + growth * time`` (up to 1); the threat passes the share ``s`` at the
        earliest ``time >= 0`` after which exit (``time > (s + c + w - p) / growth``) or
        layering (``time > (s + c / theta - p) / growth``) is worth more than staying.
        Lipscy's speed of redistribution: the time rises with ``c`` and ``w``. Just after it
        the threat exceeds ``s`` by less than any positive ``flexibility``, so the
        institution concedes; with ``flexibility`` 0 the state goes outside instead.

        Parameters
        ----------
        growth : number >= 0
            The rise in ``power`` per period.

        Returns
        -------
        Threshold
            ``Threshold(time >= T)`` (``T = 0`` if the threat already binds), or none if
            power would have to pass 1 or does not grow.

        Raises
        ------
        InvalidArgumentError
            If ``growth`` is negative or not a finite real number.

        See Also
        --------
        equilibrium : the outcome at the current power.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import OutsideOptions
        >>> m = OutsideOptions(power=F(1, 10), influence=F(1, 10), outside_cost=F(1, 20))
        >>> m.renegotiation_time(growth=F(1, 100))
        Threshold(time >= 5)
        >>> m.with_(network=F(1, 10)).renegotiation_time(growth=F(1, 100))
        Threshold(time >= 15)
        """
        g = check_real(growth, "growth", low=0)
        s, p, c = self.influence, self.power, self.outside_cost
        needed = [s + c + self.network]              # power at which exit beats staying
        if self.scope > 0:
            needed.append(s + c / self.scope)        # power at which layering does
        target = min(needed)
        if p > target:
            return Threshold.at(p - p, "time")
        if target >= 1 or g == 0:
            return Threshold.none("time")
        return Threshold.at((target - p) / g, "time")
