"""Climate clubs: coalition stability when members penalize outsiders' exports.

Nordhaus (2015, p. 1339) finds that "without sanctions against non-participants there are no
stable coalitions other than those with minimal abatement", while "a regime with small trade
penalties on non-participants, a Climate Club, can induce a large stable coalition with high
levels of abatement". :class:`ClimateClub` adds his penalty to the coalition-stability model
of :class:`~multilateral.models.SelfEnforcingAgreement` (which it builds and reuses for the
abatement stage): the ``n`` identical countries first decide to join or not; then the members
abate, the outsiders abate on their own; and every member levies a uniform ``tariff`` on its
imports from outsiders. With ``k`` members:

* a member gets ``pi_s(k) + club_good - imposing_cost * tariff * M_s(k)``;
* an outsider gets ``pi_n(k) - tariff * X_n(k)``;

``pi_s``, ``pi_n`` the abatement payoffs, ``X_n(k)`` an outsider's exports to members and
``M_s(k)`` a member's imports from outsiders. Each country exports ``trade`` (payoff units)
and sells to a partner in proportion to that partner's share of world imports
(``trade_shares``, equal by default: then ``X_n(k) = trade * k / (n - 1)`` and ``M_s(k) =
trade * (n - k) / (n - 1)``). A member leaving gains ``pi_n(k-1) - pi_s(k) - club_good +
tariff * trade * (imposing_cost (n - k) - (k - 1)) / (n - 1)``: linear in the tariff, so the
tariffs at which a size is stable form an interval and :meth:`ClimateClub.least_tariff` is
exact for exact inputs.

The abatement stage is either the coalition's own optimum (``target_price=None``, the
``"linear"``, ``"binary"`` or ``"barrett"`` games of the agreements model) or Nordhaus's
club rule (``target_price=p``, ``"linear"`` game): members abate until the marginal cost
``c q`` reaches the agreed international target price ``p`` (``q = p / c``), outsiders until
it reaches their own marginal benefit ``b`` (``q = b / c``). Then a member who leaves gains
``(p - b)**2 / (2 c)`` whatever ``k``; without a tariff only ``k = 0`` is stable (no club
beyond minimal abatement, Nordhaus's first result), and with one, full participation is
stable iff ``tariff * trade >= (p - b)**2 / (2 c)``, and no size between none and all ever is:
participation jumps from none to all, at a threshold that rises with the target price
(quadratically). The jump is this model's, not a result read in Nordhaus: the saving from
leaving is the same for every country and every ``k``, while the tariff an outsider pays rises
with the club's share of its market, so a member of a club short of all that is held by the
tariff would make an outsider want to join (for a costless tariff this holds for any
``trade_shares``: a member's loss from leaving, ``tariff * trade * (W - w_i) / (1 - w_i)``
with ``W`` the members' import share, is below every outsider's gain from joining, ``tariff *
trade * W / (1 - w_j)``). In the ``"binary"``
game the club of the smallest abating size ``k0 = ceil(c / b)`` is joined by a stable
club of all ``n`` once ``tariff * trade >= c - b`` (what a member saves by leaving); in
the ``"linear"`` game without a target the stable size climbs one country at a time
(exactly ``3 + floor(2 tariff * trade * c / (b**2 (n - 1)))`` up to ``n`` under
``tie="join"``, with ``imposing_cost = club_good = 0``).

Variants of the outsider penalty, compactly:

* **Buchanan's club good** (1965): an excludable benefit ``club_good`` that each
  member receives (here of fixed value per member: Buchanan's optimal sharing size with
  congestion is not modelled);
* **Barrett's trade restrictions** (1997): members stop trading with outsiders; with
  ``trade`` the gains from trade, ``tariff=1`` and ``imposing_cost=1`` both sides lose their
  gains from the trade between them (:meth:`ClimateClub.trade_restriction`).

Where this departs from Nordhaus's calibrated C-DICE model: 15 heterogeneous regions with
calibrated abatement costs, damages and trade flows, and a terms-of-trade module in which a
tariff-imposing region gains at small tariffs (here ``imposing_cost >= 0``: members never
gain from the tariff itself); his search for stable coalitions runs over all ``2**15``
coalitions of regions, here over sizes of identical countries (or over coalitions for up to
16 countries when ``trade_shares`` differ). The qualitative relation is reproduced: no club
without sanctions, and participation rising with the tariff through a threshold. Here the
outsider's penalty grows without bound (linearly) in the tariff, so every target price can
be sustained by a high enough tariff; in his trade module the tariff's effects work through
trade flows and the terms of trade. Only the article's first
page (p. 1339, the abstract quoted above) was read here, from stored copies: his stylized
model, his tables of participation by tariff and target price (his calibrated numbers, such
as the tariff needed at a given target price), and whether his participation passes through
intermediate coalitions were not checked, so none of them is reproduced or cited.

References
----------
.. [1] Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate
   policy. *American Economic Review* 105(4), 1339-1370 (p. 1339: the abstract's two
   results).
.. [2] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
.. [3] Barrett, S. (1997). The strategy of trade sanctions in international environmental
   agreements. *Resource and Energy Economics* 19(4), 345-361.
.. [4] Barrett, S. (1994). Self-enforcing international environmental agreements. *Oxford
   Economic Papers* 46, 878-894.

Examples
--------
>>> import multilateral as ml
>>> club = ml.models.ClimateClub(n=20, benefit=1, cost=1, target_price=5)
>>> club.stable_sizes()                      # no tariff: only no club
(0,)
>>> club.least_tariff(20)                     # trade = 1: (p - b)**2 / (2 c)
Threshold(tariff >= 8)
>>> club.with_(tariff=8).stable_sizes()
(0, 20)

Notes
-----
The payoff tables and the coalition-by-coalition path (trade shares that differ) live in the
private mixin ``multilateral.models._club_payoffs``, which :class:`ClimateClub` inherits.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from .._namespace import public_dir
from .._numeric import format_number, format_values, is_exact
from .._validation import DEFAULT_TOL, check_positive_int, check_real, check_tol
from ..errors import InvalidArgumentError
from ..games.anonymous import AnonymousGame
from ..results import Threshold
from ..types import Number
from ._club_payoffs import ClubPayoffs
from .agreements import CoalitionStability, SelfEnforcingAgreement
from .base import Model

__all__ = ["ClimateClub", "ClubEquilibrium"]
__dir__ = public_dir(__all__)

Tie = Literal["join", "stay_out"]
Specification = Literal["linear", "binary", "barrett"]

_MAX_COUNTRIES = 10**6  # payoffs are tabulated once per coalition size


@dataclass(frozen=True, repr=False)
class ClubEquilibrium:
    """The self-enforcing club at one tariff: its sizes, abatement and welfare.

    Attributes
    ----------
    tariff : number
        The penalty tariff.
    stable_sizes : tuple of int
        Every stable number of members.
    size : int
        The largest of them (the club reported).
    member_abatement, outsider_abatement : number
        Abatement of a member and of an outsider at ``size``.
    total_abatement : number
        Global abatement at ``size``.
    welfare : number
        The sum of all countries' payoffs at ``size``, tariff costs included.

    See Also
    --------
    ClimateClub.equilibrium : computes it.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.ClimateClub(n=10, benefit=1, cost=1, target_price=3, tariff=2).equilibrium()
    ClubEquilibrium(tariff=2: size 10 of (0, 10), total abatement 30)
    """

    tariff: Number
    stable_sizes: tuple[int, ...]
    size: int
    member_abatement: Number
    outsider_abatement: Number
    total_abatement: Number
    welfare: Number

    def __repr__(self) -> str:
        return (f"ClubEquilibrium(tariff={format_number(self.tariff)}: size {self.size} of "
                f"{self.stable_sizes}, total abatement {format_number(self.total_abatement)})")


@dataclass(frozen=True, eq=False, repr=False)
class ClimateClub(Model, ClubPayoffs):
    """Nordhaus's climate club: coalition stability with a penalty tariff on outsiders.

    Parameters
    ----------
    n : int
        Number of countries (>= 2).
    benefit, cost : number
        ``b`` and ``c`` of the abatement game (identical countries; see
        :class:`~multilateral.models.SelfEnforcingAgreement`).
    tariff : number, default 0
        The uniform penalty tariff every member levies on imports from outsiders (>= 0).
    trade : number, default 1
        Each country's exports, in payoff units (>= 0): the base the tariff falls on.
    trade_shares : sequence of numbers, optional
        Each country's share of world imports (non-negative, summing to one); a country
        exports to each partner in proportion to the partner's share. ``None``: equal shares.
    imposing_cost : number, default 0
        A member's cost per unit of tariff-weighted imports from outsiders (>= 0).
    club_good : number, default 0
        Buchanan's excludable benefit each member receives (>= 0).
    target_price : number, optional
        Nordhaus's agreed target price: members abate ``target_price / cost``, outsiders
        ``benefit / cost`` (``"linear"`` game only). ``None``: the members choose their
        abatement jointly (Barrett; Carraro and Siniscalco).
    tie : {"join", "stay_out"}
        What an indifferent country does.
    specification : {"linear", "binary", "barrett"}
        The abatement game.

    Notes
    -----
    Exact inputs give exact payoffs, tariffs and ties; floats give floats, and two payoffs
    within ``tol`` times the size of their terms count as a tie. Follows the model contract
    (:mod:`multilateral.models.base`).

    References
    ----------
    .. [1] Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate
       policy. *American Economic Review* 105(4), 1339-1370 (p. 1339).
    .. [2] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
    .. [3] Barrett, S. (1997). The strategy of trade sanctions in international environmental
       agreements. *Resource and Energy Economics* 19(4), 345-361.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement : the model without the tariff (``agreement``).
    multilateral.models.CoalitionStability : what :meth:`stability` returns.

    Examples
    --------
    >>> import multilateral as ml
    >>> club = ml.models.ClimateClub(n=10, benefit=1, cost=4, specification="binary")
    >>> club.stable_sizes(), club.with_(tariff=4).stable_sizes()   # k0 = 4, then all
    ((4,), (4, 10))
    >>> club.agreement.stable_sizes()                              # the model it builds on
    (4,)
    """

    n: int
    benefit: Number
    cost: Number
    tariff: Number = 0
    trade: Number = 1
    trade_shares: tuple[Number, ...] | None = None
    imposing_cost: Number = 0
    club_good: Number = 0
    target_price: Number | None = None
    tie: Tie = "join"
    specification: Specification = "linear"
    _exact: bool = field(init=False, repr=False, compare=False)
    _cache: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2, maximum=_MAX_COUNTRIES,
                           why=" (payoffs are tabulated for every coalition size)")
        for name in ("benefit", "cost"):
            value = getattr(self, name)
            if not isinstance(value, numbers.Real) or isinstance(value, bool):
                raise InvalidArgumentError(
                    f"{name} must be one positive number (identical countries), got {value!r}")
            object.__setattr__(self, name, check_real(value, name, low=0, open_low=True))
        for name in ("tariff", "trade", "imposing_cost", "club_good"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        if self.target_price is not None:
            object.__setattr__(self, "target_price",
                               check_real(self.target_price, "target_price", low=0))
            if self.specification != "linear":
                raise InvalidArgumentError(
                    "target_price needs specification='linear' (members abate target_price "
                    f"/ cost), got specification={self.specification!r}")
        if self.tie not in ("join", "stay_out"):
            raise InvalidArgumentError(f"tie must be 'join' or 'stay_out', got {self.tie!r}")
        if self.specification not in ("linear", "binary", "barrett"):
            raise InvalidArgumentError("specification must be 'linear', 'binary' or "
                                       f"'barrett', got {self.specification!r}")
        if self.trade_shares is not None:
            object.__setattr__(self, "trade_shares", self._check_shares(self.trade_shares))
        values: list[Any] = [self.benefit, self.cost, self.tariff, self.trade,
                             self.imposing_cost, self.club_good, self.target_price,
                             *(self.trade_shares or ())]
        object.__setattr__(self, "_exact", all(v is None or is_exact(v) for v in values))
        object.__setattr__(self, "_cache", {})

    def __repr__(self) -> str:
        shown = [f"n={self.n}", f"benefit={format_number(self.benefit)}",
                 f"cost={format_number(self.cost)}"]
        for name, default in (("tariff", 0), ("trade", 1), ("imposing_cost", 0),
                              ("club_good", 0), ("target_price", None)):
            value = getattr(self, name)
            if value != default or (default is None and value is not None):
                shown.append(f"{name}={format_number(value)}")
        if self.trade_shares is not None:
            shown.append(f"trade_shares={format_values(self.trade_shares, limit=4)}")
        for name, choice in (("tie", "join"), ("specification", "linear")):
            if getattr(self, name) != choice:
                shown.append(f"{name}={getattr(self, name)!r}")
        return f"ClimateClub({', '.join(shown)})"

    @classmethod
    def trade_restriction(cls, n: int, benefit: Number, cost: Number, trade: Number,
                          **kwargs: Any) -> ClimateClub:
        """Barrett's (1997) trade restriction: members and outsiders stop trading, and each
        side loses its gains from that trade (``tariff=1``, ``imposing_cost=1``, ``trade`` the
        gains from trade). A different constructor, not a change of one parameter: it fixes
        three at once.

        See Also
        --------
        ClimateClub : the general penalty.

        Examples
        --------
        >>> import multilateral as ml
        >>> ban = ml.models.ClimateClub.trade_restriction(10, 1, 4, 6, specification="binary")
        >>> ban.stable_sizes()   # the smallest abating club (4) would lose its own trade
        (0, 10)
        """
        return cls(n=n, benefit=benefit, cost=cost, tariff=1, trade=trade,
                   imposing_cost=1, **kwargs)

    # -- the model it builds on ----------------------------------------------------------------
    @property
    def agreement(self) -> SelfEnforcingAgreement:
        """The :class:`~multilateral.models.SelfEnforcingAgreement` of the abatement stage.

        See Also
        --------
        multilateral.models.SelfEnforcingAgreement : its stability without the tariff.
        """
        return SelfEnforcingAgreement(n=self.n, benefit=self.benefit, cost=self.cost,
                                      tie=self.tie, specification=self.specification,
                                      a=1 if self._exact else 1.0)

    @property
    def identical(self) -> bool:
        """Whether trade shares are equal (then stability is a matter of size).

        See Also
        --------
        stable_sizes : by size.
        stable_coalitions : by coalition, when shares differ.
        """
        return self.trade_shares is None or len(set(self.trade_shares)) == 1

    # -- payoffs ---------------------------------------------------------------------------------
    def abatement(self, k: int) -> tuple[Number, Number]:
        """``(q_s, q_n)``: a member's and an outsider's abatement with ``k`` members.

        See Also
        --------
        multilateral.models.SelfEnforcingAgreement.abatement : without a target price.
        """
        k = self._size(k)
        if self.target_price is None:
            return self.agreement.abatement(k)
        return self.target_price / self.cost, self.benefit / self.cost

    def member_payoff(self, k: int) -> Number:
        """A member's payoff with ``k >= 1`` members, tariff cost and club good included.

        See Also
        --------
        outsider_payoff : an outsider's.
        """
        k = self._size(k, low=1)
        return self._tables()[0][k]

    def outsider_payoff(self, k: int) -> Number:
        """An outsider's payoff with ``k <= n - 1`` members, the tariff it pays included.

        See Also
        --------
        member_payoff : a member's.
        """
        k = self._size(k, high=self.n - 1)
        return self._tables()[1][k]

    def welfare(self, k: int) -> Number:
        """The sum of all countries' payoffs with ``k`` members.

        See Also
        --------
        equilibrium : welfare at the largest stable size.
        """
        k = self._size(k)
        pay_s, pay_n = self._tables()
        return (k * pay_s[k] if k else 0 * self._zero()) + (
            (self.n - k) * pay_n[k] if k < self.n else 0 * self._zero())

    # -- stability --------------------------------------------------------------------------------
    def stability(self, k: int, *, tol: float = DEFAULT_TOL) -> CoalitionStability:
        """Internal and external stability of ``k`` members, with the gains.

        See Also
        --------
        stable_sizes : every stable size.
        multilateral.models.CoalitionStability : what it returns.
        """
        k = self._size(k)
        tol = check_tol(tol)
        pay_s, pay_n = self._tables()
        ps = pay_s[k] if k else None
        pn = pay_n[k] if k < self.n else None
        leave = pay_n[k - 1] - pay_s[k] if k >= 1 else None
        join = pay_s[k + 1] - pay_n[k] if k < self.n else None
        internal = leave is None or not self._moves(
            leave, self.tie == "stay_out", tol, abs(float(pay_n[k - 1])) + abs(float(pay_s[k])))
        external = join is None or not self._moves(
            join, self.tie == "join", tol, abs(float(pay_s[k + 1])) + abs(float(pay_n[k])))
        return CoalitionStability(k, ps, pn, leave, join, internal, external)

    def stable_sizes(self, *, tol: float = DEFAULT_TOL) -> tuple[int, ...]:
        """Every stable number of members ``k = 0..n`` (equal trade shares).

        Vectorized: one numpy pass over the sizes (floats), or exact comparisons of the
        tabulated Fractions.

        See Also
        --------
        stability : one size, with the gains.
        least_tariff : the tariff a size needs.
        stable_coalitions : when trade shares differ.

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.ClimateClub(n=30, benefit=1, cost=1, tariff=t).largest_stable_size()
        ...  for t in (0, 29, 58, 87)]   # one more member per 29/2 of tariff
        [3, 5, 7, 9]
        """
        self._need_identical("stable_sizes")
        tol = check_tol(tol)
        pay_s, pay_n = self._tables()
        if self._exact:
            leave = [pay_n[k - 1] - pay_s[k] for k in range(1, self.n + 1)]
            if self.tie == "join":
                inside = [True] + [g <= 0 for g in leave]
                outside = [g > 0 for g in leave] + [True]  # join(k) = -leave(k + 1)
            else:
                inside = [True] + [g < 0 for g in leave]
                outside = [g >= 0 for g in leave] + [True]
            return tuple(k for k in range(self.n + 1) if inside[k] and outside[k])
        ps = np.asarray(pay_s[1:], dtype=np.float64)
        pn = np.asarray(pay_n[:-1], dtype=np.float64)
        gain = pn - ps  # a member of k + 1 leaving; minus: an outsider of k joining
        tie = np.abs(gain) <= tol * (np.abs(pn) + np.abs(ps))
        leaves = np.where(tie, self.tie == "stay_out", gain > 0)
        joins = np.where(tie, self.tie == "join", gain < 0)
        internal = np.concatenate(([True], ~leaves))
        external = np.concatenate((~joins, [True]))
        return tuple(int(x) for x in np.flatnonzero(internal & external))

    def largest_stable_size(self, *, tol: float = DEFAULT_TOL) -> int:
        """The largest stable club (one always exists: see
        :meth:`SelfEnforcingAgreement.largest_stable_size`).

        See Also
        --------
        stable_sizes : all of them.
        """
        return max(self.stable_sizes(tol=tol))

    def least_tariff(self, k: int) -> Threshold:
        """The least tariff at which ``k`` members are a stable club (equal trade shares).

        Both gains are linear in the tariff, so the stable tariffs of a size form an interval
        (:meth:`tariff_interval`); this is its lower end, exact for exact inputs. Where a
        strict inequality binds (``tie="stay_out"``: a member indifferent at that tariff
        leaves) it is the infimum. ``Threshold.none`` when no tariff makes ``k`` stable.

        See Also
        --------
        tariff_interval : both ends.
        stable_sizes : the sizes stable at the model's tariff.

        Examples
        --------
        >>> import multilateral as ml
        >>> club = ml.models.ClimateClub(n=10, benefit=1, cost=4, specification="binary")
        >>> club.least_tariff(10), club.least_tariff(7)   # all: tariff * trade >= c - b
        (Threshold(tariff >= 3), Threshold(tariff: none))
        """
        interval = self.tariff_interval(k)
        return Threshold.none("tariff") if interval is None else Threshold.at(interval[0],
                                                                              "tariff")

    def equilibrium(self, *, tol: float = DEFAULT_TOL) -> ClubEquilibrium:
        """The largest stable club at the model's tariff, with abatement and welfare.

        See Also
        --------
        participation : the largest stable size over many tariffs.
        ClubEquilibrium : what it returns.
        """
        sizes = self.stable_sizes(tol=tol)
        k = max(sizes)
        q_s, q_n = self.abatement(k)
        return ClubEquilibrium(self.tariff, sizes, k, q_s, q_n, k * q_s + (self.n - k) * q_n,
                               self.welfare(k))

    def equilibria(self, tariffs: Sequence[Number], *, tol: float = DEFAULT_TOL
                   ) -> tuple[ClubEquilibrium, ...]:
        """The club at each tariff: sizes, abatement and welfare as functions of the tariff.

        See Also
        --------
        participation : the largest stable size only.
        equilibrium : one tariff.

        Examples
        --------
        >>> import multilateral as ml
        >>> club = ml.models.ClimateClub(n=10, benefit=1, cost=1, target_price=3)
        >>> [(e.size, str(e.total_abatement), str(e.welfare)) for e in club.equilibria([0, 2])]
        [(0, '10', '95'), (10, '30', '255')]
        """
        return tuple(self.with_(tariff=t).equilibrium(tol=tol) for t in tariffs)

    def participation(self, tariffs: Sequence[Number], *, tol: float = DEFAULT_TOL
                      ) -> tuple[int, ...]:
        """The largest stable club at each tariff (Nordhaus's tariff-participation relation).

        See Also
        --------
        equilibrium : one tariff, with abatement and welfare.

        Examples
        --------
        >>> import multilateral as ml
        >>> club = ml.models.ClimateClub(n=10, benefit=1, cost=1, target_price=3)
        >>> club.participation([0, 1, 2, 3])   # threshold at (p - b)**2 / (2 c) = 2
        (0, 0, 10, 10)
        """
        return tuple(self.with_(tariff=t).largest_stable_size(tol=tol) for t in tariffs)

    # -- the participation game ----------------------------------------------------------------
    @property
    def game(self) -> AnonymousGame:
        """The participation game (equal trade shares): a joiner gets the member payoff of
        ``k + 1``, a country that stays out the outsider payoff of ``k``, when ``k`` others
        join.

        See Also
        --------
        multilateral.models.SelfEnforcingAgreement.game : the same without the tariff.
        multilateral.solvers.symmetric_equilibria : its equilibria.
        """
        self._need_identical("the participation game by size")
        pay_s, pay_n = self._tables()
        sign: list[Any] = [pay_s[k + 1] for k in range(self.n)]
        stay: list[Any] = [pay_n[k] for k in range(self.n)]
        return AnonymousGame(sign, stay, name="climate club participation")
