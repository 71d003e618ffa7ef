"""Forum shopping among overlapping dispute-settlement bodies: where to set a precedent.

A preferential trade agreement gives its members a second court beside the WTO. Busch (2007)
asks where a complainant files, and answers (abstract, p. 735): "complainants strategically
discriminate among overlapping memberships: on a given measure(s), some prefer to set a
precedent that bears only on a subset of their trade relations, others a precedent that bears
on all their trade relations, while still others prefer not to set a precedent. Thus, the key
to forum shopping is not simply which institution is likely to come closest to the
complainant's ideal ruling against the defendant, but where the resulting precedent will be
more useful in the future, enabling the complainant to bring litigation against other members,
rather than helping other members bring litigation against the complainant." His cases are
Mexico's NAFTA complaint against the U.S. safeguard on broom corn brooms (1996), which many
thought better suited to the WTO, and the U.S. WTO complaint against Canada's periodicals
measures, which looked strictly bilateral (p. 735). Only the abstract and the article's
opening were read here; no later page is cited.

The model (this library's formalization of Busch's verbal argument)
--------------------------------------------------------------------
A complainant has a grievance against a defendant; both belong to a regional agreement with
``regional_members`` ``k >= 2`` parties and to the WTO with ``n >= k`` members.

* (B1) The complainant files regionally, multilaterally, or not at all (worth 0). Filing
  costs ``cost``. A forum rules for it with probability ``win_regional`` or
  ``win_multilateral`` (how close the forum is likely to come to its ideal ruling).
* (B2) A favourable ruling is worth ``ruling_value`` against the defendant, and sets a
  precedent that binds the forum's other members: ``k - 2`` third parties regionally,
  ``n - 2`` at the WTO. Per member bound, the precedent is worth ``offense`` to the
  complainant (it can litigate against that member with it) and costs it ``defense`` (that
  member can litigate against the complainant with it). A ruling against the complainant
  sets no precedent of value to it (a simplification).
* (B3) The library's extension, not in Busch's abstract: the defendant may *block* a
  regional panel (under NAFTA Chapter 20 a party could keep a panel from being composed) at
  ``block_cost`` to itself; the complainant then drops the case or files at the WTO, paying
  ``cost`` again. ``block_cost=None`` (the default) rules blocking out. The defendant loses
  ``ruling_value`` when the complainant wins and bears no litigation cost.

So filing in a forum binding ``m`` members is worth ``q (ruling_value + (m - 2) (offense -
defense)) - cost`` (:meth:`ForumShopping.value`). The equilibrium
(:meth:`ForumShopping.equilibrium`) is subgame perfect, found by backward induction; ties go
to not filing, then to the regional forum; the defendant blocks only if strictly better off;
the complainant refiles after a block only if strictly better off. The game tree is
:attr:`ForumShopping.game`, and :func:`multilateral.solvers.backward_induction` on it returns
the same play.

Comparative statics (the abstract's argument, in the model; tested, and stated as
:data:`multilateral.claims.BUSCH_FORUM_SHOPPING`): when the precedent helps the complainant
more than it helps the others (``offense > defense``) a larger WTO membership never moves the
ruling out of the WTO, and beyond :meth:`ForumShopping.critical_members` the WTO is chosen;
when ``defense > offense`` a larger membership never brings the case to the WTO; with equal
chances of winning in the two forums, the sign of ``offense - defense`` alone decides between
them, whichever forum is likelier to rule for the complainant otherwise (Busch's "not simply
which institution is likely to come closest"). The last is a theorem of this formalization.

References
----------
.. [1] Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute settlement
   in international trade. *International Organization* 61(4), 735-761 (abstract and
   opening, p. 735).
.. [2] Davey, W. J. and Sapir, A. (2009). The Soft Drinks case: the WTO and regional
   agreements. *World Trade Review* (published online 6 March 2009; its abstract: the
   "US refusal to submit their dispute to a NAFTA dispute settlement Panel"; its note 5 on
   panels blocked when the parties do not agree on their composition; read on the
   Cambridge Core page; volume and pages not confirmed here).

Examples
--------
>>> from fractions import Fraction as F
>>> from multilateral.models import ForumShopping
>>> brooms = ForumShopping(ruling_value=4, win_regional=F(1, 2), win_multilateral=F(1, 2),
...                        offense=0, defense=F(1, 10), regional_members=3, n=130, cost=1)
>>> brooms.equilibrium().ruling
'regional'
>>> brooms.with_(offense=F(1, 5), defense=0).equilibrium().ruling
'multilateral'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from .._namespace import public_dir
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError
from ..games.extensive import Chance, Decision, ExtensiveFormGame, Outcome
from ..results import Threshold
from ..types import Number
from .base import Model

__all__ = ["ForumShopping", "ForumShoppingOutcome"]
__dir__ = public_dir(__all__)

Forum = Literal["none", "regional", "multilateral"]
#: The complainant's options in tie-break order (earlier wins a tie).
FORUMS: tuple[Forum, ...] = ("none", "regional", "multilateral")
COMPLAINANT, DEFENDANT = "complainant", "defendant"


@dataclass(frozen=True, repr=False)
class ForumShoppingOutcome:
    """The subgame-perfect equilibrium of :class:`ForumShopping`.

    Attributes
    ----------
    filed : {"none", "regional", "multilateral"}
        Where the complainant files first.
    ruling : {"none", "regional", "multilateral"}
        Where the dispute is decided (the WTO after a blocked regional panel and a refiling;
        "none" if it is dropped).
    blocked : bool
        Whether the defendant blocks the regional panel (on the equilibrium path).
    complainant : number
        The complainant's expected payoff.
    defendant : number
        The defendant's expected payoff.
    values : mapping of str to number
        What each first move is worth to the complainant, given the play that follows.

    See Also
    --------
    ForumShopping.equilibrium : computes it.

    Examples
    --------
    >>> from multilateral.models import ForumShopping
    >>> r = ForumShopping(ruling_value=4, win_regional=1, win_multilateral=1, offense=1,
    ...                   defense=0, regional_members=2, n=3, cost=1).equilibrium()
    >>> r.filed, r.complainant, dict(r.values)
    ('multilateral', Fraction(4, 1), {'none': Fraction(0, 1), 'regional': Fraction(3, 1), \
'multilateral': Fraction(4, 1)})
    """

    filed: Forum
    ruling: Forum
    blocked: bool
    complainant: Number
    defendant: Number
    values: MappingProxyType[str, Number] = field(compare=False)

    def __repr__(self) -> str:
        block = ", blocked" if self.blocked else ""
        return (f"ForumShoppingOutcome(filed={self.filed}{block}, ruling={self.ruling}, "
                f"complainant={self.complainant}, defendant={self.defendant})")


@dataclass(frozen=True, repr=False)
class ForumShopping(Model):
    """A complainant chooses between a regional and the multilateral forum (Busch 2007).

    Parameters
    ----------
    ruling_value : number >= 0
        What a favourable ruling against the defendant's measure is worth to the complainant
        (and costs the defendant).
    win_regional : number in [0, 1]
        Probability that the regional forum rules for the complainant.
    win_multilateral : number in [0, 1]
        Probability that the WTO rules for the complainant.
    offense : number >= 0
        Value to the complainant, per member bound by the precedent, of litigating against
        that member with it.
    defense : number >= 0
        Cost to the complainant, per member bound, of that member litigating against it with
        the precedent.
    regional_members : int >= 2
        ``k``: parties to the regional agreement (complainant and defendant included).
    n : int >= regional_members
        WTO members (complainant and defendant included).
    cost : number >= 0, default 0
        The cost of filing a case (paid again on refiling at the WTO).
    block_cost : number >= 0 or None, default None
        The defendant's cost of blocking a regional panel; None: it cannot block (B3, the
        library's extension).

    Raises
    ------
    InvalidProbabilityError
        If a win probability is outside ``[0, 1]``.
    InvalidArgumentError
        If a value or cost is negative or not finite, ``regional_members < 2`` or
        ``n < regional_members``.

    References
    ----------
    .. [1] Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute
       settlement in international trade. *International Organization* 61(4), 735-761
       (abstract, p. 735).

    See Also
    --------
    multilateral.models.HeterogeneousForum : the choice between a universal forum and a club.
    multilateral.models.OutsideOptions : regime shifting and layering as outside options.
    multilateral.cases.forum_shopping : NAFTA/CUSFTA disputes at the WTO and in the region.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from multilateral.models import ForumShopping
    >>> m = ForumShopping(ruling_value=2, win_regional=F(3, 4), win_multilateral=F(1, 2),
    ...                   offense=F(1, 10), defense=0, regional_members=3, n=20, cost=F(1, 4))
    >>> m.value("regional"), m.value("multilateral")
    (Fraction(53, 40), Fraction(33, 20))
    >>> m.critical_members()
    Threshold(n >= 14)
    """

    ruling_value: Number
    win_regional: Number
    win_multilateral: Number
    offense: Number
    defense: Number
    regional_members: int
    n: int
    cost: Number = 0
    block_cost: Number | None = None

    def __post_init__(self) -> None:
        for name in ("win_regional", "win_multilateral"):
            object.__setattr__(self, name, check_probability(getattr(self, name), name,
                                                             exact=True))
        for name in ("ruling_value", "offense", "defense", "cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        if self.block_cost is not None:
            object.__setattr__(self, "block_cost",
                               check_real(self.block_cost, "block_cost", low=0))
        k = check_positive_int(self.regional_members, "regional_members", minimum=2)
        object.__setattr__(self, "regional_members", k)
        n = check_positive_int(self.n, "n", minimum=2)
        if n < k:
            raise InvalidArgumentError(
                f"n (WTO members) must be at least regional_members = {k}, got {n}")
        object.__setattr__(self, "n", n)

    def __repr__(self) -> str:
        return (f"ForumShopping(ruling_value={self.ruling_value}, "
                f"win_regional={self.win_regional}, win_multilateral={self.win_multilateral}, "
                f"offense={self.offense}, defense={self.defense}, "
                f"regional_members={self.regional_members}, n={self.n}, cost={self.cost}, "
                f"block_cost={self.block_cost})")

    # -- values -------------------------------------------------------------------------------
    def _forum(self, forum: str) -> str:
        if forum not in FORUMS:
            raise InvalidArgumentError(
                f"forum must be one of {', '.join(FORUMS)}; got {forum!r}")
        return forum

    def precedent(self, forum: str) -> Number:
        """The net worth of a favourable ruling's precedent: ``(m - 2)(offense - defense)``.

        ``m`` is the number of members the forum's ruling binds (``regional_members`` or
        ``n``); "none" sets no precedent (0).

        See Also
        --------
        value : the expected worth of filing there.

        Examples
        --------
        >>> from multilateral.models import ForumShopping
        >>> m = ForumShopping(4, 1, 1, offense=1, defense=3, regional_members=3, n=10)
        >>> m.precedent("regional"), m.precedent("multilateral")
        (Fraction(-2, 1), Fraction(-16, 1))
        """
        forum = self._forum(forum)
        net = self.offense - self.defense
        if forum == "none":
            return net - net
        bound = self.regional_members if forum == "regional" else self.n
        return (bound - 2) * net

    def value(self, forum: str) -> Number:
        """The complainant's expected payoff from litigating in ``forum`` (no blocking).

        ``q (ruling_value + precedent) - cost``, with ``q`` the forum's win probability; 0
        for "none".

        See Also
        --------
        precedent, equilibrium

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import ForumShopping
        >>> ForumShopping(4, F(1, 2), F(1, 4), offense=0, defense=0, regional_members=3,
        ...               n=10, cost=1).value("regional")
        Fraction(1, 1)
        """
        forum = self._forum(forum)
        if forum == "none":
            return self.cost - self.cost
        q = self.win_regional if forum == "regional" else self.win_multilateral
        return q * (self.ruling_value + self.precedent(forum)) - self.cost

    def _after_block(self) -> tuple[bool, Number, Number]:
        """(refiles, complainant, defendant) after a blocked regional panel."""
        w = self.value("multilateral")
        refile = w > 0
        c = -self.cost + (w if refile else w - w)
        loss = self.win_multilateral * self.ruling_value if refile else 0 * self.ruling_value
        assert self.block_cost is not None
        return refile, c, -loss - self.block_cost

    def blocks(self) -> bool:
        """Whether the defendant would block a regional panel (strictly better off doing so).

        It compares the expected loss of a regional ruling, ``win_regional * ruling_value``,
        with ``block_cost`` plus its expected loss if the complainant then refiles at the WTO.

        See Also
        --------
        equilibrium

        Examples
        --------
        >>> from multilateral.models import ForumShopping
        >>> m = ForumShopping(4, 1, 0, offense=0, defense=0, regional_members=3, n=10,
        ...                   cost=1, block_cost=1)
        >>> m.blocks(), m.equilibrium().ruling
        (True, 'none')
        """
        if self.block_cost is None:
            return False
        _, _, d_block = self._after_block()
        return d_block > -self.win_regional * self.ruling_value

    # -- equilibrium --------------------------------------------------------------------------
    def equilibrium(self) -> ForumShoppingOutcome:
        """The subgame-perfect equilibrium, by backward induction.

        The defendant's move (:meth:`blocks`) and the complainant's refiling are settled
        first; the complainant then files where its expected payoff is highest (ties: none,
        then regional, then multilateral).

        See Also
        --------
        ForumShoppingOutcome : the result.
        game : the tree, for :func:`multilateral.solvers.backward_induction`.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import ForumShopping
        >>> ForumShopping(2, F(1, 2), F(1, 2), offense=F(1, 10), defense=0,
        ...               regional_members=3, n=20, cost=F(1, 4)).equilibrium()
        ForumShoppingOutcome(filed=multilateral, ruling=multilateral, \
complainant=33/20, defendant=-1)
        """
        v = self.ruling_value
        zero = v - v
        blocked = self.blocks()
        values: dict[str, Number] = {"none": zero, "multilateral": self.value("multilateral")}
        if blocked:
            refile, c_block, d_block = self._after_block()
            values["regional"] = c_block
        else:
            values["regional"] = self.value("regional")
        best: Forum = "none"
        for forum in FORUMS[1:]:
            if values[forum] > values[best]:
                best = forum
        values = {f: values[f] for f in FORUMS}
        if best == "none":
            return ForumShoppingOutcome("none", "none", False, zero, zero,
                                        MappingProxyType(values))
        if best == "multilateral":
            return ForumShoppingOutcome(best, best, False, values[best],
                                        -self.win_multilateral * v, MappingProxyType(values))
        if blocked:
            ruling: Forum = "multilateral" if refile else "none"
            return ForumShoppingOutcome(best, ruling, True, c_block, d_block,
                                        MappingProxyType(values))
        return ForumShoppingOutcome(best, best, False, values[best], -self.win_regional * v,
                                    MappingProxyType(values))

    def critical_members(self) -> Threshold:
        """The WTO membership at which the dispute starts (or stops) being decided there.

        With ``offense > defense`` the WTO decides the case for every ``n`` at or above the
        threshold (``holds_above``); with ``offense < defense`` for every ``n`` from
        ``regional_members`` up to it (``holds_above=False``); with equal values the forum
        does not depend on ``n``. Found by bisection over the integers on
        :meth:`equilibrium`, whose outcome is monotone in ``n`` (tested).

        Returns
        -------
        Threshold
            On parameter "n"; none if no membership sends the case to the WTO.

        See Also
        --------
        equilibrium

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from multilateral.models import ForumShopping
        >>> m = ForumShopping(2, F(1, 2), F(1, 2), offense=0, defense=F(1, 10),
        ...                   regional_members=3, n=3, cost=F(1, 4))
        >>> m.critical_members()
        Threshold(n: none)
        >>> m.with_(win_multilateral=F(3, 4)).critical_members()
        Threshold(n <= 9)
        """
        k, q = self.regional_members, self.win_multilateral
        net = self.offense - self.defense

        def wto(n: int) -> bool:
            return self.with_(n=n).equilibrium().ruling == "multilateral"

        if net == 0 or q == 0:
            return (Threshold.at(k, "n") if wto(k)
                    else Threshold.none("n", holds_above=net >= 0))
        at_k = self.with_(n=k)
        base = at_k.value("multilateral")
        if net > 0:
            if wto(k):
                return Threshold.at(k, "n")
            gap = max(at_k.value("regional"), base - base) - base
            lo, hi = k, k + int(gap / (q * net)) + 1          # wto(hi) holds (see docs)
            while hi - lo > 1:                                 # wto(lo) false, wto(hi) true
                mid = (lo + hi) // 2
                lo, hi = (lo, mid) if wto(mid) else (mid, hi)
            return Threshold.at(hi, "n")
        if not wto(k):
            return Threshold.none("n", holds_above=False)
        lo, hi = k, k + int(base / (q * -net)) + 1             # the WTO is worth < 0 at hi
        while hi - lo > 1:                                     # wto(lo) true, wto(hi) false
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if wto(mid) else (lo, mid)
        return Threshold.at(lo, "n", holds_above=False)

    @property
    def game(self) -> ExtensiveFormGame:
        """The forum-shopping game tree (players: complainant, defendant; nature rules).

        Action order follows the tie-breaks of :meth:`equilibrium`, so that
        :func:`multilateral.solvers.backward_induction` (which breaks ties towards the first
        action) reproduces it.

        See Also
        --------
        equilibrium

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.ForumShopping(4, 1, 1, offense=1, defense=0, regional_members=2,
        ...                             n=3, cost=1, block_cost=0)
        >>> ml.solvers.backward_induction(m.game).payoffs
        (Fraction(4, 1), Fraction(-4, 1))
        """
        v, c = self.ruling_value, self.cost
        zero = v - v

        def ruling(q: Number, gain: Number, paid: Number, extra: Number) -> Chance:
            return Chance({"for complainant": (q, Outcome([gain - paid, -v - extra])),
                           "for defendant": (1 - q, Outcome([-paid, -extra]))})

        wto_gain = v + self.precedent("multilateral")
        regional: Chance | Decision = ruling(self.win_regional, v + self.precedent("regional"),
                                             c, zero)
        if self.block_cost is not None:
            b = self.block_cost
            regional = Decision(DEFENDANT, {
                "allow": regional,
                "block": Decision(COMPLAINANT, {
                    "drop": Outcome([-c, -b]),
                    "refile at the WTO": ruling(self.win_multilateral, wto_gain, 2 * c, b),
                }),
            })
        return ExtensiveFormGame(Decision(COMPLAINANT, {
            "none": Outcome([zero, zero]),
            "regional": regional,
            "multilateral": ruling(self.win_multilateral, wto_gain, c, zero),
        }), players=[COMPLAINANT, DEFENDANT], title="Forum shopping (Busch 2007)")
