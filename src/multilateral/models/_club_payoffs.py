"""The payoff tables and the coalition-by-coalition path of :class:`ClimateClub` (private).

:class:`ClubPayoffs` is a mixin that :class:`~multilateral.models.ClimateClub` inherits: the
abatement payoffs by size (from the agreement model or Nordhaus's target rule), the tables with
the tariff (equal trade shares), the interval of tariffs that hold a size together
(:meth:`ClubPayoffs.tariff_interval`), each country's payoff for any coalition when trade
shares differ, and stability by coalition. It lives apart so that the public module stays within the
library's 600 lines; it has no public entry of its own.

The tariff terms, for a club ``S`` of ``k`` countries and trade shares ``w``: country ``j``
sends a share ``w[i] / (1 - w[j])`` of its exports ``trade`` to ``i``. An outsider ``i``
pays ``tariff * trade * sum(w[j] for j in S) / (1 - w[i])``; a member ``i`` bears
``imposing_cost * tariff * trade * w[i] * sum(1 / (1 - w[j]) for j not in S)``. With equal
shares (``w = 1/n``) these are ``tariff * trade * k / (n - 1)`` and ``imposing_cost * tariff
* trade * (n - k) / (n - 1)``, the tables' terms.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .._namespace import public_dir
from .._validation import DEFAULT_TOL, check_real, check_sequence, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..tolerances import PROBABILITY
from ..types import Number

if TYPE_CHECKING:
    from .agreements import SelfEnforcingAgreement

__all__ = ["MAX_ENUMERATED", "ClubPayoffs"]
__dir__ = public_dir(__all__)

#: Coalitions are enumerated (``2**n``) when trade shares differ: at most this many countries.
MAX_ENUMERATED = 16


class ClubPayoffs:
    """Payoff tables and coalition stability for :class:`~multilateral.models.ClimateClub`.

    A mixin: it reads the club's parameters and caches its tables in the club's ``_cache``.

    See Also
    --------
    multilateral.models.ClimateClub : the model that inherits it.
    """

    n: int
    benefit: Number
    cost: Number
    tariff: Number
    trade: Number
    trade_shares: tuple[Number, ...] | None
    imposing_cost: Number
    club_good: Number
    target_price: Number | None
    tie: str
    _exact: bool
    _cache: dict[str, Any]

    if TYPE_CHECKING:
        @property
        def agreement(self) -> SelfEnforcingAgreement: ...

        @property
        def identical(self) -> bool: ...

    def tariff_interval(self, k: int) -> tuple[Number, Number] | None:
        """``(low, high)``: the tariffs at which ``k`` members are stable (``high`` is
        ``inf`` when no tariff is too high), or None. Ends that a strict inequality excludes
        are still reported as ends.

        With floats the ends are computed without the tie tolerance of :meth:`stability`: an
        interval narrower than that tolerance can hold no tariff that :meth:`stability` calls
        stable (``n=2000, benefit=100.0, cost=1.0, specification="barrett"``, ``k = 312``: an
        interval 6e-10 wide at 4.85e-06, where every gain counts as a tie). Exact inputs have
        no such gap.

        See Also
        --------
        least_tariff : the lower end as a threshold.
        """
        self._need_identical("tariff_interval")
        k = self._size(k)
        n, x, ct = self.n, self._num(self.trade), self._num(self.imposing_cost)
        low: Any = self._zero()
        high: Any = float("inf")
        base_s, base_n = self._base()
        g = self._num(self.club_good)
        one = Fraction(1) if self._exact else 1.0
        # (gain at tariff 0, its slope in the tariff, strict?): stable needs gain <= 0 (< 0)
        pieces = []
        if k >= 1:  # a member leaving
            pieces.append((base_n[k - 1] - base_s[k] - g,
                           x * (ct * (n - k) - (k - 1)) * one / (n - 1), self.tie == "stay_out"))
        if k < n:  # an outsider joining
            pieces.append((base_s[k + 1] + g - base_n[k],
                           x * (k - ct * (n - k - 1)) * one / (n - 1), self.tie == "join"))
        low_open = high_open = False  # whether a strict inequality binds at that end
        for value, slope, strict in pieces:
            if slope == 0:
                if value > 0 or (strict and value == 0):
                    return None
                continue
            end = -value / slope
            if slope < 0 and end >= low:
                low_open = strict or (low_open and end == low)
                low = end
            elif slope > 0 and end <= high:
                high_open = strict or (high_open and end == high)
                high = end
        if high < low or (high == low and (low_open or high_open)):
            return None
        return low, high

    # -- coalitions (trade shares that differ) --------------------------------------------------
    def payoffs(self, coalition: Iterable[int]) -> tuple[Number, ...]:
        """Every country's payoff when ``coalition`` (country indices) is the club.

        See Also
        --------
        is_stable : whether no country gains by leaving or joining.
        """
        members = self._members(coalition)
        k = len(members)
        base_s, base_n = self._base()
        w = self.trade_shares or (Fraction(1, self.n) if self._exact else 1 / self.n,) * self.n
        t, x, ct = self.tariff, self.trade, self.imposing_cost
        out: list[Number] = []
        for i in range(self.n):
            if i in members:
                imports = sum((x * w[i] / (1 - w[j]) for j in range(self.n) if j not in members),
                              start=0 * self._zero())
                out.append(base_s[k] + self.club_good - ct * t * imports)
            else:
                exports = sum((x * w[j] / (1 - w[i]) for j in members), start=0 * self._zero())
                out.append(base_n[k] - t * exports)
        return tuple(out)

    def is_stable(self, coalition: Iterable[int], *, tol: float = DEFAULT_TOL) -> bool:
        """No member gains by leaving and no outsider by joining (any trade shares).

        See Also
        --------
        stable_coalitions : every stable coalition.
        """
        tol = check_tol(tol)
        members = self._members(coalition)
        pay = self.payoffs(members)
        for i in range(self.n):
            moved = members - {i} if i in members else members | {i}
            after = self.payoffs(moved)[i]
            indifferent_moves = (self.tie == "stay_out") if i in members else self.tie == "join"
            if self._moves(after - pay[i], indifferent_moves, tol,
                           abs(float(after)) + abs(float(pay[i]))):
                return False
        return True

    def stable_coalitions(self, *, tol: float = DEFAULT_TOL) -> tuple[tuple[int, ...], ...]:
        """Every stable coalition as sorted index tuples (at most 16 countries).

        See Also
        --------
        stable_sizes : by size, when trade shares are equal.

        Examples
        --------
        >>> import multilateral as ml
        >>> from fractions import Fraction
        >>> shares = [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]
        >>> club = ml.models.ClimateClub(n=3, benefit=1, cost=1, target_price=3, tariff=3,
        ...                              trade_shares=shares)
        >>> club.stable_coalitions()
        ((), (0, 1, 2))
        """
        if self.n > MAX_ENUMERATED:
            raise InvalidArgumentError(
                f"enumerating all 2**n coalitions is limited to {MAX_ENUMERATED} countries")
        return tuple(c for m in range(1 << self.n)
                     if self.is_stable(c := tuple(i for i in range(self.n) if m >> i & 1),
                                       tol=tol))

    # -- internals ---------------------------------------------------------------------------
    def _zero(self) -> Number:
        return Fraction(0) if self._exact else 0.0

    def _num(self, v: Number) -> Number:
        return v if self._exact else float(v)

    def _make_base(self) -> tuple[list[Number], list[Number]]:
        """Abatement payoffs ``pi_s(k)`` (k = 1..n; index 0 unused) and ``pi_n(k)`` (k =
        0..n-1; index n unused), from the agreement model or Nordhaus's target rule."""
        n, b, c = self.n, self._num(self.benefit), self._num(self.cost)
        zero = self._zero()
        if self.target_price is None:
            sea = self.agreement
            base_s = [zero] + [self._num(sea.signatory_payoff(k)) for k in range(1, n + 1)]
            base_n = [self._num(sea.non_signatory_payoff(k)) for k in range(n)] + [zero]
            return base_s, base_n
        q_t, q_n = self._num(self.target_price) / c, b / c
        total = [k * q_t + (n - k) * q_n for k in range(n + 1)]
        return ([b * q - c * q_t * q_t / 2 for q in total],
                [b * q - c * q_n * q_n / 2 for q in total])

    def _tables(self) -> tuple[list[Number], list[Number]]:
        """Member and outsider payoffs by size with the tariff (equal trade shares), computed
        once per model (a per-size loop over :meth:`stability` stays O(n))."""
        if "tables" not in self._cache:
            self._cache["tables"] = self._make_tables()
        tables: tuple[list[Number], list[Number]] = self._cache["tables"]
        return tables

    def _base(self) -> tuple[list[Number], list[Number]]:
        if "base" not in self._cache:
            self._cache["base"] = self._make_base()
        base: tuple[list[Number], list[Number]] = self._cache["base"]
        return base

    def _make_tables(self) -> tuple[list[Number], list[Number]]:
        base_s, base_n = self._base()
        n = self.n
        t, x, ct, g = (self._num(v) for v in (self.tariff, self.trade, self.imposing_cost,
                                               self.club_good))
        if not self._exact:
            t, x, ct, g = float(t), float(x), float(ct), float(g)
            k = np.arange(n + 1, dtype=np.float64)
            pay_s = np.asarray(base_s) + g - ct * t * x * (n - k) / (n - 1)
            pay_n = np.asarray(base_n) - t * x * k / (n - 1)
            return pay_s.tolist(), pay_n.tolist()
        return ([base_s[k] + g - ct * t * x * Fraction(n - k, n - 1) for k in range(n + 1)],
                [base_n[k] - t * x * Fraction(k, n - 1) for k in range(n + 1)])

    def _moves(self, gain: Number, when_indifferent: bool, tol: float, mag: float) -> bool:
        if isinstance(gain, Fraction):
            return gain > 0 or (gain == 0 and when_indifferent)
        if abs(float(gain)) <= tol * mag:
            return when_indifferent
        return float(gain) > 0


    def _check_shares(self, shares: object) -> tuple[Number, ...]:
        given = check_sequence(shares, "trade_shares", f"{self.n} numbers")
        vals = tuple(check_real(s, f"trade_shares[{i}]", low=0) for i, s in enumerate(given))
        if len(vals) != self.n:
            raise InvalidArgumentError(
                f"trade_shares needs one share per country ({self.n}), got {len(vals)}")
        total = sum(vals)
        exact = all(isinstance(v, Fraction) for v in vals)
        if (total != 1) if exact else abs(float(total) - 1) > PROBABILITY:
            raise InvalidArgumentError(f"trade_shares must sum to one, got {total}")
        if any(v == 1 for v in vals):
            raise InvalidArgumentError("trade_shares: a country with all world imports "
                                       "leaves nobody else to trade with")
        return vals


    def _members(self, coalition: object) -> frozenset[int]:
        if isinstance(coalition, (str, bytes)) or not isinstance(coalition, Iterable):
            raise InvalidTypeError(f"a coalition is a collection of country indices, got "
                                   f"{coalition!r}")
        out = set()
        for i in coalition:
            if isinstance(i, bool) or not isinstance(i, numbers.Integral) or not (
                    0 <= int(i) < self.n):
                raise InvalidArgumentError(f"countries are indices 0..{self.n - 1}, got {i!r}")
            out.add(int(i))
        return frozenset(out)

    def _need_identical(self, what: str) -> None:
        if not self.identical:
            raise InvalidArgumentError(
                f"{what} needs equal trade shares; with shares that differ ask about "
                "coalitions (stable_coalitions, is_stable)")

    def _size(self, k: object, low: int = 0, high: int | None = None) -> int:
        high = self.n if high is None else high
        if isinstance(k, bool) or not isinstance(k, numbers.Integral):
            raise InvalidTypeError(f"a club size must be an integer, got {k!r}")
        if not low <= int(k) <= high:
            raise InvalidArgumentError(
                f"club size must be in {low}..{high} (n = {self.n} countries), got {k}")
        return int(k)
