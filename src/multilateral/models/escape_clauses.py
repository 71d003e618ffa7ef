"""Escape clauses: flexibility at a price keeps an agreement self-enforcing under shocks.

Rosendorff and Milner (2001): two governments in a repeated trade agreement face domestic
political pressure that varies unpredictably. An escape clause lets a government under
pressure deviate temporarily at a prenegotiated cost; the institution verifies that the cost
was paid. The cost should be "neither too cheap to use (encouraging frequent recourse,
effectively reducing the benefits of cooperation) nor too expensive (making their use rare
and increasing the chance of systemic breakdown)" (abstract, p. 829).

The library's formalization (:class:`EscapeClause`): each period each government draws a
pressure ``theta`` uniform on ``[0, 1]``. An escape is a temporary, limited deviation:
protection that period worth ``theta * temptation`` to the government and ``harm`` to its
partner, at the clause's cost ``e``, paid to the partner as compensation. Breaking the
agreement frees the government altogether: protection ``1 + breach_premium`` times an
escape's (worth ``(1 + breach_premium) theta temptation``, harming the partner as much more),
and the government forfeits ``agreement_value``, the discounted value of cooperating on
rather than not (``delta (V - V_breakdown)`` of a repeated game, taken as a parameter). A
government complies, escapes or breaks, whichever is worth most:

* it escapes when ``theta temptation > e`` and, if ``breach_premium = r > 0``, ``theta <
  (agreement_value - e) / (r temptation)``; it breaks above that pressure. The agreement
  breaks down (either government breaks) with probability ``1 - b^2``, ``b`` the breaking
  cutoff, which **rises continuously with the cost** ``e``, from ``e = agreement_value - r
  temptation`` (below it nobody breaks: self-enforcing) to ``e = agreement_value / (1 + r)``,
  beyond which the clause is never used and the rigid agreement's ``1 - (agreement_value /
  ((1 + r) temptation))^2`` is reached;
* with ``breach_premium = 0`` (the default: a breach brings no more than an escape) the
  clause is used by every government with ``theta temptation > e`` as long as ``e <=
  agreement_value``, nobody breaks, and the breakdown probability jumps in one step at
  ``agreement_value``.

Joint welfare per state and period, relative to rigid compliance (compensation cancels ex
ante), is ``E[(theta temptation - harm) 1{escape}] + (1 + r) E[(theta temptation - harm)
1{break}] - agreement_value P(breakdown)``: quadratic in ``e`` between kinks, maximised
exactly (:meth:`EscapeClause.optimal_escape_cost`; ``min(harm, agreement_value,
temptation)`` when ``r = 0``). The optimum is interior, as Rosendorff and Milner find -- a
cheaper clause is used when the pressure is worth less than the harm, a dearer one pushes
governments from escaping to breaking -- given a positive ``harm`` (harmless protection is
best left free) and except, the library's finding, when ``agreement_value
<= r temptation <= 2 agreement_value``: then every cost leaves some breaches, raising it
turns escapes into breaches faster than it saves wasteful escapes, and a free clause is
best (:data:`~multilateral.claims.ROSENDORFF_MILNER_ESCAPE` states the claim with this
qualification, over a class that contains both cases).

What is theirs and what is the library's: the mechanism (an escape at a cost that the
institution verifies, a temporary deviation rather than a breakdown, the cost chosen between
the two dangers) and the result that the optimal cost is interior are theirs (abstract, p.
829); the uniform pressure, compensation as a transfer, the breach premium as the
difference between a temporary escape and a breach, and the agreement value as a parameter
(rather than the value of their repeated tariff game) are this library's, so the optimal
cost here is a closed form theirs need not be. Only their abstract was read for this
library, not their model: whether their breakdown probability rises with the cost through
the same channel (escaping rather than breaking at the top of the pressure distribution) is
not confirmed; ``breach_premium > 0`` is the library's reading of "increasing the chance of
systemic breakdown" as the cost rises, ``breach_premium = 0`` the sharp special case.

References
----------
.. [1] Rosendorff, B. P. and Milner, H. V. (2001). The optimal design of international trade
   institutions: uncertainty and escape. *International Organization* 55(4), 829-857
   (the argument in the abstract, p. 829).

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.models import EscapeClause
>>> clause = EscapeClause(temptation=4, harm=1, agreement_value=2)
>>> clause.optimal_escape_cost()
Fraction(1, 1)
>>> clause.welfare(1), clause.welfare(0), clause.welfare()   # optimal, free, no clause
(Fraction(9, 8), Fraction(1, 1), Fraction(-1, 2))
>>> clause.breakdown_probability(3), clause.breakdown_probability(1)
(Fraction(3, 4), Fraction(0, 1))

A breach worth a quarter more than an escape: the breakdown probability rises with the
cost past ``agreement_value - temptation / 4 = 1``, continuously, up to the rigid agreement's
21/25 at ``8/5``; the best cost is still interior. With a breach worth half as much again
(``temptation * breach_premium = agreement_value``) a free clause is best.

>>> breach = clause.with_(breach_premium=Fraction(1, 4))
>>> [breach.breakdown_probability(e) for e in (1, Fraction(5, 4), Fraction(3, 2), 2)]
[Fraction(0, 1), Fraction(7, 16), Fraction(3, 4), Fraction(21, 25)]
>>> breach.optimal_escape_cost(), breach.optimal_welfare(), breach.welfare(0)
(Fraction(1, 1), Fraction(9, 8), Fraction(1, 1))
>>> clause.with_(breach_premium=Fraction(1, 2)).optimal_escape_cost()
Fraction(0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_real
from ..errors import InvalidArgumentError
from ..types import Number
from .base import Model

__all__ = ["EscapeClause"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True)
class EscapeClause(Model):
    """Rosendorff and Milner's escape clause: a prenegotiated cost of temporary deviation.

    Parameters
    ----------
    temptation : number
        What protection is worth to a government under the highest pressure (``> 0``); the
        pressure ``theta`` is uniform on ``[0, 1]``, so protection is worth ``theta
        temptation``.
    harm : number
        What one government's protection costs its partner (``>= 0``).
    agreement_value : number
        What a government forfeits by breaking the agreement (``>= 0``): the discounted
        value of cooperating on rather than not.
    breach_premium : number, default 0
        How much more protection a breach brings than an escape, as a share (``>= 0``): a
        breach is worth ``(1 + breach_premium) theta temptation`` to the government and
        costs its partner ``(1 + breach_premium) harm``. 0: the breakdown probability jumps
        at ``agreement_value``; positive: it rises continuously with the escape cost.

    Raises
    ------
    InvalidArgumentError
        ``temptation <= 0``, a negative ``harm``, ``agreement_value`` or
        ``breach_premium``; a negative escape cost passed to a method.

    Notes
    -----
    Methods take the clause's cost ``escape_cost`` (``>= 0``); ``None`` means no clause (a
    rigid agreement). Exact for exact inputs.

    References
    ----------
    .. [1] Rosendorff, B. P. and Milner, H. V. (2001). The optimal design of international
       trade institutions: uncertainty and escape. *International Organization* 55(4),
       829-857 (p. 829).

    See Also
    --------
    TreatyDuration : flexibility by renegotiation at expiry.
    LegalForm : formal against informal under the same shocks.
    Sanctions : what a defection costs when there is no clause.

    Examples
    --------
    >>> from multilateral.models import EscapeClause
    >>> clause = EscapeClause(temptation=4, harm=3, agreement_value=2)
    >>> clause.optimal_escape_cost(), clause.escape_probability(2)
    (Fraction(2, 1), Fraction(1, 2))
    >>> clause.is_self_enforcing(2), clause.is_self_enforcing(3), clause.is_self_enforcing()
    (True, False, False)
    """

    temptation: Number
    harm: Number
    agreement_value: Number
    breach_premium: Number = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "temptation",
                           check_real(self.temptation, "temptation", low=0, open_low=True))
        for name in ("harm", "agreement_value", "breach_premium"):
            try:
                object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
            except InvalidArgumentError as err:
                raise InvalidArgumentError(f"{err} (it cannot be negative)") from None

    def __repr__(self) -> str:
        return (f"EscapeClause(temptation={format_number(self.temptation)}, "
                f"harm={format_number(self.harm)}, "
                f"agreement_value={format_number(self.agreement_value)}, "
                f"breach_premium={format_number(self.breach_premium)})")

    def _cost(self, escape_cost: Number | None) -> Number | None:
        if escape_cost is None:
            return None
        try:
            return check_real(escape_cost, "escape_cost", low=0)
        except InvalidArgumentError as err:
            raise InvalidArgumentError(f"{err} (a cost cannot be negative; None for no "
                                       "clause)") from None

    def _share(self, level: Number) -> Number:
        """``min(level / temptation, 1)``: a pressure cutoff as a share of ``[0, 1]``."""
        u = level / self.temptation
        return u if u < 1 else 1 + 0 * u

    def _cutoffs(self, escape_cost: Number | None) -> tuple[Number, Number]:
        """``(u, b)``: a government complies below ``u``, escapes on ``[u, b]``, breaks above
        ``b`` (``u = b`` when the clause is absent or too dear to be used)."""
        e = self._cost(escape_cost)
        v, r = self.agreement_value, self.breach_premium
        if e is not None and e * (1 + r) <= v:  # escaping beats breaking for some pressure
            u = self._share(e)
            return u, (self._share((v - e) / r) if r != 0 else 1 + 0 * u)
        b = self._share(v / (1 + r))
        return b, b

    def is_self_enforcing(self, escape_cost: Number | None = None) -> bool:
        """Whether nobody ever breaks the agreement, even under the highest pressure: a
        clause with ``escape_cost <= agreement_value - temptation * breach_premium`` (for
        ``breach_premium = 0``: no dearer than ``agreement_value``), or a rigid agreement
        whose value covers the most a breach can bring."""
        return bool(self._cutoffs(escape_cost)[1] == 1)

    def escape_probability(self, escape_cost: Number | None = None) -> Number:
        """Probability a period that a government uses the clause (0 when the clause is
        absent or too dear to be used)."""
        u, b = self._cutoffs(escape_cost)
        return b - u

    def breakdown_probability(self, escape_cost: Number | None = None) -> Number:
        """Probability a period that the agreement breaks down: ``1 - b^2``, ``b`` the
        pressure (a share of ``[0, 1]``) above which a government breaks it (either
        government may). With ``breach_premium > 0`` it rises continuously with the cost,
        ``b = (agreement_value - escape_cost) / (temptation breach_premium)``; with
        ``breach_premium = 0`` it jumps at ``agreement_value``."""
        b = self._cutoffs(escape_cost)[1]
        return 1 - b * b

    def welfare(self, escape_cost: Number | None = None) -> Number:
        """Expected gain per state and period over rigid compliance, at the clause's cost
        (``None``: no clause). Compensation is a transfer and cancels ex ante; a breach
        brings ``1 + breach_premium`` times an escape's protection and harm; a breakdown
        costs each state ``agreement_value``."""
        u, b = self._cutoffs(escape_cost)
        g, h, k = self.temptation, self.harm, 1 + self.breach_premium
        escapes = g * (b * b - u * u) / 2 - h * (b - u)
        breaches = k * (g * (1 - b * b) / 2 - h * (1 - b))
        return escapes + breaches - self.agreement_value * (1 - b * b)

    def optimal_escape_cost(self) -> Number:
        """The least cost that maximises :meth:`welfare`.

        For ``breach_premium = 0``: ``min(harm, agreement_value, temptation)``, used exactly
        when the pressure is worth more than the harm, when that is self-enforcing, else the
        dearest self-enforcing cost. In general welfare is quadratic in the cost between the
        kinks ``temptation``, ``agreement_value - temptation breach_premium`` and
        ``agreement_value / (1 + breach_premium)`` (beyond which the clause goes unused);
        the candidates are those kinks, ``harm`` (the stationary point where nobody breaks)
        and the stationary point where some break, ``V (2V - G r) / (2V - G r (1 + r))``
        (``V`` the agreement's value, ``G`` the temptation, ``r`` the breach premium),
        compared exactly.
        """
        g, h, v, r = self.temptation, self.harm, self.agreement_value, self.breach_premium
        if r == 0:
            return min(h, v, g)
        top = v / (1 + r)
        candidates = [0 * top, h, g, v - g * r, top]
        if 2 * v != g * r * (1 + r):
            candidates.append(v * (2 * v - g * r) / (2 * v - g * r * (1 + r)))
        inside = sorted({e for e in candidates if 0 <= e <= top})
        best = max(self.welfare(e) for e in inside)
        return next(e for e in inside if self.welfare(e) == best)

    def optimal_welfare(self) -> Number:
        """:meth:`welfare` at :meth:`optimal_escape_cost`."""
        return self.welfare(self.optimal_escape_cost())
