"""Escape clauses: flexibility at a price keeps an agreement self-enforcing under shocks.

Rosendorff and Milner (2001): two governments in a repeated trade agreement face domestic
political pressure that varies unpredictably. An escape clause lets a government under
pressure deviate temporarily at a prenegotiated cost; the institution verifies that the cost
was paid. The cost should be "neither too cheap to use (encouraging frequent recourse,
effectively reducing the benefits of cooperation) nor too expensive (making their use rare
and increasing the chance of systemic breakdown)" (abstract, p. 829).

The library's formalization (:class:`EscapeClause`): each period each government draws a
pressure ``theta`` uniform on ``[0, 1]``; protection that period is worth ``theta *
temptation`` to it and costs its partner ``harm``. Breaking the agreement ends it: the
government forfeits ``agreement_value``, the discounted value of cooperating on rather than
not (``delta (V - V_breakdown)`` of a repeated game, taken as a parameter). With an escape
clause of cost ``e``, paid to the partner as compensation:

* if ``e <= agreement_value`` the clause is used, by exactly the governments with ``theta
  temptation > e``, and nobody ever breaks the agreement (paying ``e`` beats forfeiting the
  agreement): **self-enforcing**;
* if ``e > agreement_value`` (or there is no clause) escaping is dominated by breaking: a
  government breaks when ``theta temptation > agreement_value``, and the agreement breaks
  down with probability ``1 - (agreement_value / temptation)^2`` a period.

Joint welfare per state and period, relative to rigid compliance (compensation cancels ex
ante), is ``E[(theta temptation - harm) 1{escape}]`` under a self-enforcing clause and
``E[theta temptation 1{break}] - harm P(break) - agreement_value P(breakdown)`` otherwise.
The optimum is ``e* = min(harm, agreement_value)`` (capped at ``temptation``, where the
clause is never used): interior, as Rosendorff and Milner find -- a cheaper clause is used
when the pressure is worth less than the harm, a dearer one is not self-enforcing.

What is theirs and what is the library's: the mechanism (an escape at a cost that the
institution verifies, chosen between the two dangers) and the result that the optimal cost
is interior are theirs; the uniform pressure, compensation as a transfer, and the agreement
value as a parameter (rather than the value of their repeated tariff game) are this
library's, so the optimal cost here is a closed form theirs need not be. Only their abstract
was read for this library, not their model; in it a dearer clause raises the chance of
breakdown gradually, here in one step at ``agreement_value`` (a known pressure distribution
and a fixed agreement value make the breakdown threshold sharp).

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

    Raises
    ------
    InvalidArgumentError
        ``temptation <= 0``, a negative ``harm`` or ``agreement_value``; a negative
        escape cost passed to a method.

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "temptation",
                           check_real(self.temptation, "temptation", low=0, open_low=True))
        for name in ("harm", "agreement_value"):
            try:
                object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
            except InvalidArgumentError as err:
                raise InvalidArgumentError(f"{err} (it cannot be negative)") from None

    def __repr__(self) -> str:
        return (f"EscapeClause(temptation={format_number(self.temptation)}, "
                f"harm={format_number(self.harm)}, "
                f"agreement_value={format_number(self.agreement_value)})")

    def _cost(self, escape_cost: Number | None) -> Number | None:
        if escape_cost is None:
            return None
        try:
            return check_real(escape_cost, "escape_cost", low=0)
        except InvalidArgumentError as err:
            raise InvalidArgumentError(f"{err} (a cost cannot be negative; None for no "
                                       "clause)") from None

    def _share(self, level: Number) -> Number:
        """``min(level / temptation, 1)``: the pressure below which a government holds."""
        u = level / self.temptation
        return u if u < 1 else 1 + 0 * u

    def is_self_enforcing(self, escape_cost: Number | None = None) -> bool:
        """Whether nobody ever breaks the agreement: a clause no dearer than the agreement's
        value (``escape_cost <= agreement_value``), or a rigid agreement whose value covers
        the highest temptation."""
        e = self._cost(escape_cost)
        if e is not None and e <= self.agreement_value:
            return True
        return bool(self.agreement_value >= self.temptation)

    def escape_probability(self, escape_cost: Number | None = None) -> Number:
        """Probability a period that a government uses the clause: ``1 - e / temptation``
        (0 beyond ``temptation``, and 0 when the clause is too dear to be used or absent)."""
        e = self._cost(escape_cost)
        zero = 0 * self.temptation
        if e is None or e > self.agreement_value:
            return zero
        return 1 - self._share(e)

    def breakdown_probability(self, escape_cost: Number | None = None) -> Number:
        """Probability a period that the agreement breaks down: 0 when self-enforcing, else
        ``1 - (agreement_value / temptation)^2`` (either government may break it)."""
        e = self._cost(escape_cost)
        if e is not None and e <= self.agreement_value:
            return 0 * self.temptation
        return 1 - self._share(self.agreement_value) ** 2

    def welfare(self, escape_cost: Number | None = None) -> Number:
        """Expected gain per state and period over rigid compliance, at the clause's cost
        (``None``: no clause). Compensation is a transfer and cancels ex ante; a breakdown
        costs each state ``agreement_value``."""
        e = self._cost(escape_cost)
        g, h = self.temptation, self.harm
        if e is not None and e <= self.agreement_value:
            u = self._share(e)
            return g * (1 - u * u) / 2 - h * (1 - u)
        v = self._share(self.agreement_value)
        return g * (1 - v * v) / 2 - h * (1 - v) - self.agreement_value * (1 - v * v)

    def optimal_escape_cost(self) -> Number:
        """The cost that maximises :meth:`welfare`: ``min(harm, agreement_value,
        temptation)``. Used exactly when the pressure is worth more than the harm, when that
        is self-enforcing; else the dearest self-enforcing cost."""
        return min(self.harm, self.agreement_value, self.temptation)

    def optimal_welfare(self) -> Number:
        """:meth:`welfare` at :meth:`optimal_escape_cost`."""
        return self.welfare(self.optimal_escape_cost())
