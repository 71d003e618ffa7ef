"""Commitment against flexibility: treaty duration under shocks, and formal against informal.

Two contract-design models in one setting. Two identical states share the gains of an
agreement worth ``benefit`` a period to each. The *distribution* of those gains is uncertain:
each period, with probability ``shock_probability``, the distribution shifts, leaving each
state's share off the bargained one by a mean-zero amount of variance ``uncertainty``; the
shift persists until the agreement is renegotiated, which resets the shares and costs
``renegotiation_cost`` (a later shift replaces an earlier one: the deviation's variance stays
``uncertainty``, it does not accumulate). A risk-averse state (coefficient of absolute risk aversion
``risk_aversion``) bears a *risk premium* ``a = risk_aversion * uncertainty / 2`` in every
period in which its share is off (the certainty equivalent of a normal shock under CARA
utility: the mean-variance form). Payoffs are discounted by ``delta``.

* :class:`TreatyDuration` (Koremenos 2005): the states write an indefinite agreement (never
  renegotiated) or one of finite duration ``T``, renegotiated at each expiry. The expected
  discounted loss of the indefinite agreement is ``a p / ((1 - delta)(1 - delta q))``
  (``p`` the shock probability, ``q = 1 - p``); finite duration ``T`` beats it by
  ``delta^T (A (1 - q^T) - c) / (1 - delta^T)``, ``A = a q / (1 - delta q)``, so **finite
  duration is chosen iff** ``c < A`` (:meth:`TreatyDuration.prefers_finite`): the more
  uncertainty and the more risk aversion, the likelier, the dearer renegotiation, the less
  likely -- Koremenos's three hypotheses (2005, p. 549). The best duration minimises a lower
  envelope of lines in ``c / A``, so it is weakly shorter with more uncertainty or risk
  aversion and weakly longer with a dearer renegotiation (exact, for every instance).
* :class:`LegalForm` (Abbott and Snidal 2000; Vabulas and Snidal 2013): the same states choose
  a *formal*, binding form -- the cooperative gain is worth ``1 + credibility_gain`` times as
  much (commitments are believed), each pays a ``sovereignty_cost`` a period, and the treaty
  adjusts to shocks only by renegotiation at ``renegotiation_cost`` (at the best duration of
  :class:`TreatyDuration`) -- or an *informal* one: no credibility premium, no sovereignty
  cost, adjusted every period at no cost. The formal form's flexibility disadvantage rises
  with ``uncertainty`` (weakly, exactly), so once the informal form is preferred more
  uncertainty never brings the treaty back.

Which parts are the authors' and which the library's: Koremenos's hypotheses (finite
duration rises with uncertainty and risk aversion, falls with the cost of renegotiation) and
her mechanism (duration provisions insure risk-averse states against distributional
surprises, p. 549) are hers; the shock process (a shift with probability ``p`` a period,
persisting until renegotiation), the CARA-normal risk premium, and the integer-duration
optimum are this library's formalization. Abbott and Snidal's trade-off (hard law: credible
commitments at a sovereignty cost; soft law: flexibility under uncertainty, pp. 421-456) and
Vabulas and Snidal's argument that informal IGOs are chosen for flexibility, speed and low
sovereignty costs (pp. 193-220) are theirs; reducing obligation, precision and delegation to
one binary form, the multiplicative credibility premium (the form of the ``legitimacy``
premium of :class:`~multilateral.models.HeterogeneousForum`) and the per-period costless
adjustment of the informal form are the library's. Only the articles' abstracts (and, for
Koremenos, secondary summaries) were read for this library, not the authors' formal models:
the comparison with them is at the level of the stated hypotheses. Koremenos's are "formally
derived hypotheses" that "strongly survive a test with data on a random sample of agreements
across all four of the major issue areas" (abstract, p. 549): a formal model and an
empirical test, neither reproduced here beyond the hypotheses' signs.

A finding of this library's, not hers: "uncertainty" here is the *size* of a shift (its
variance). Its *frequency* works the other way: ``A`` falls as ``shock_probability`` rises
(a renegotiated division is soon off again; with a shift every period renegotiating cannot
help), so more frequent shifts make finite duration less likely.

References
----------
.. [1] Koremenos, B. (2005). Contracting around international uncertainty. *American
   Political Science Review* 99(4), 549-565 (hypotheses stated in the abstract, p. 549).
.. [2] Abbott, K. W. and Snidal, D. (2000). Hard and soft law in international governance.
   *International Organization* 54(3), 421-456.
.. [3] Vabulas, F. and Snidal, D. (2013). Organization without delegation: informal
   intergovernmental organizations (IIGOs) and the spectrum of intergovernmental
   arrangements. *Review of International Organizations* 8(2), 193-220.
.. [4] Koremenos, B. (2001). Loosening the ties that bind: a learning model of agreement
   flexibility. *International Organization* 55(2), 289-325.

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.models import TreatyDuration
>>> t = TreatyDuration(uncertainty=4, risk_aversion=1, renegotiation_cost=1,
...                    shock_probability=Fraction(1, 5), delta=Fraction(9, 10))
>>> t.prefers_finite(), t.optimal_duration()
(True, 3)
>>> t.with_(renegotiation_cost=10).optimal_duration() is None    # indefinite
True
>>> t.with_(renegotiation_cost=3, shock_probability=Fraction(1, 2)).prefers_finite()
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from .._namespace import public_dir
from .._numeric import format_number, is_exact
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError
from ..results import Threshold
from ..tolerances import MATCH
from ..types import Number
from .base import Model

__all__ = ["LegalForm", "TreatyDuration"]
__dir__ = public_dir(__all__)

Form = Literal["formal", "informal"]

#: The longest finite duration searched (periods); the optimum is far below it unless
#: ``delta`` is within about 1e-4 of 1.
MAX_DURATION = 100_000


def _check_delta(delta: Number) -> Number:
    return check_real(delta, "delta", low=0, high=1, open_low=True, open_high=True)


@dataclass(frozen=True)
class TreatyDuration(Model):
    """Koremenos's duration choice: an indefinite agreement or a finite one, renegotiated.

    Two identical risk-averse states share an agreement whose distribution of gains shifts
    unpredictably (see :mod:`multilateral.models.flexibility`). An indefinite agreement is never
    renegotiated; one of finite duration ``T`` is renegotiated at every expiry at a cost,
    which resets the shares. Finite duration is chosen iff ``renegotiation_cost < A``,
    ``A = a q / (1 - delta q)`` (:meth:`prefers_finite`), and the best duration is weakly
    shorter the larger the uncertainty or the risk aversion and weakly longer the dearer
    renegotiation.

    Parameters
    ----------
    uncertainty : number
        Variance of a shift of a state's share of the gains (``>= 0``).
    risk_aversion : number
        Coefficient of absolute risk aversion (``>= 0``; 0 is risk neutral).
    renegotiation_cost : number
        What one renegotiation costs each state (``>= 0``).
    shock_probability : number
        Probability that the distribution shifts in a period (in ``[0, 1]``).
    delta : number
        Discount factor, in ``(0, 1)``.
    benefit : number, default 1
        What the agreement is worth to each state a period before shocks (``>= 0``).

    Raises
    ------
    InvalidArgumentError
        A negative uncertainty (variance), risk aversion, cost or benefit, or ``delta``
        outside ``(0, 1)``.
    InvalidProbabilityError
        ``shock_probability`` outside ``[0, 1]``.

    Notes
    -----
    Loss of a state, discounted to the start of an agreement whose shares were just set,
    with ``k`` periods since the last (re)negotiation: ``a (1 - q^k)`` in period ``k``. The
    indefinite agreement loses ``a p / ((1 - delta)(1 - delta q))``; duration ``T`` loses
    ``(a S_T + delta^T c) / (1 - delta^T)``, ``S_T = sum_k delta^(k-1) (1 - q^k)``. Exact
    for exact inputs. Koremenos's risk aversion is relative; the CARA-normal (mean-variance)
    form is the library's choice, the nearest that keeps exact answers.

    References
    ----------
    .. [1] Koremenos, B. (2005). Contracting around international uncertainty. *American
       Political Science Review* 99(4), 549-565 (the hypotheses, p. 549).

    See Also
    --------
    LegalForm : the formal-against-informal choice built on this model.
    EscapeClause : flexibility by escape at a cost rather than by renegotiation.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import TreatyDuration
    >>> t = TreatyDuration(uncertainty=4, risk_aversion=1, renegotiation_cost=1,
    ...                    shock_probability=Fraction(1, 5), delta=Fraction(9, 10))
    >>> t.critical_renegotiation_cost()
    Threshold(renegotiation_cost <= 40/7)
    >>> t.optimal_duration(), t.loss(), t.loss(3)
    (3, Fraction(100, 7), Fraction(64189, 6775))
    >>> t.critical_uncertainty()
    Threshold(uncertainty >= 7/10)
    """

    uncertainty: Number
    risk_aversion: Number
    renegotiation_cost: Number
    shock_probability: Number
    delta: Number
    benefit: Number = 1

    def __post_init__(self) -> None:
        for name in ("uncertainty", "risk_aversion", "renegotiation_cost", "benefit"):
            what = "a variance" if name == "uncertainty" else "a cost" \
                if name == "renegotiation_cost" else name.replace("_", " ")
            value = getattr(self, name)
            try:
                checked = check_real(value, name, low=0)
            except InvalidArgumentError as err:
                raise InvalidArgumentError(f"{err} ({what} cannot be negative)") from None
            object.__setattr__(self, name, checked)
        object.__setattr__(self, "shock_probability", check_probability(
            self.shock_probability, "shock_probability", exact=True))
        object.__setattr__(self, "delta", _check_delta(self.delta))

    def __repr__(self) -> str:
        return (f"TreatyDuration(uncertainty={format_number(self.uncertainty)}, "
                f"risk_aversion={format_number(self.risk_aversion)}, "
                f"renegotiation_cost={format_number(self.renegotiation_cost)}, "
                f"shock_probability={format_number(self.shock_probability)}, "
                f"delta={format_number(self.delta)}, benefit={format_number(self.benefit)})")

    # -- the pieces ---------------------------------------------------------------------------
    @property
    def risk_premium(self) -> Number:
        """``a = risk_aversion * uncertainty / 2``: what bearing a shifted share costs a state
        a period (CARA utility, normal shift)."""
        return self.risk_aversion * self.uncertainty / 2

    @property
    def insurance_value(self) -> Number:
        """``A = a q / (1 - delta q)``: the most a renegotiation can be worth; finite
        duration is chosen iff the renegotiation cost is below it. 0 when shocks never come
        (``shock_probability = 0``): there is nothing to insure."""
        q = 1 - self.shock_probability
        if self.shock_probability == 0:
            return 0 * self.risk_premium * q
        return self.risk_premium * q / (1 - self.delta * q)

    def loss(self, duration: int | None = None) -> Number:
        """Expected discounted loss of a state from shifted shares and renegotiations.

        Parameters
        ----------
        duration : int, optional
            Periods until each renegotiation; None (default) for an indefinite agreement.

        Returns
        -------
        number
            Exact for exact parameters.
        """
        a, p, d, c = self.risk_premium, self.shock_probability, self.delta, \
            self.renegotiation_cost
        q = 1 - p
        if duration is None:
            return a * p / ((1 - d) * (1 - d * q))
        t = check_positive_int(duration, "duration")
        dt = d ** t
        s = (1 - dt) / (1 - d) - q * (1 - (d * q) ** t) / (1 - d * q)
        return (a * s + dt * c) / (1 - dt)

    def value(self, duration: int | None = None) -> Number:
        """Discounted value of the agreement to a state: ``benefit / (1 - delta)`` less
        :meth:`loss` (``duration`` None: indefinite)."""
        return self.benefit / (1 - self.delta) - self.loss(duration)

    # -- the choice ---------------------------------------------------------------------------
    def prefers_finite(self) -> bool:
        """Whether some finite duration beats the indefinite agreement:
        ``renegotiation_cost < A`` (:attr:`insurance_value`)."""
        return bool(self.renegotiation_cost < self.insurance_value)

    def critical_renegotiation_cost(self) -> Threshold:
        """The cost ``A`` below which (strictly) finite duration is chosen.

        ``Threshold.none`` when ``A = 0`` (no uncertainty, risk neutrality, or a shock every
        period or never): then no cost, not even zero, makes renegotiation strictly worth it.
        """
        a = self.insurance_value
        if a == 0:
            return Threshold.none("renegotiation_cost", holds_above=False)
        return Threshold.at(a, "renegotiation_cost", holds_above=False)

    def critical_uncertainty(self) -> Threshold:
        """The variance above which (strictly) finite duration is chosen:
        ``2 c (1 - delta q) / (risk_aversion q)``; ``none`` for a risk-neutral state, for
        ``q = 0`` (a shock every period: renegotiating cannot help) and for no shocks at all
        (``shock_probability = 0``)."""
        q = 1 - self.shock_probability
        if self.risk_aversion == 0 or q == 0 or q == 1:
            return Threshold.none("uncertainty")
        return Threshold.at(2 * self.renegotiation_cost * (1 - self.delta * q)
                            / (self.risk_aversion * q), "uncertainty")

    def optimal_duration(self) -> int | None:
        """The best duration: the shortest finite ``T`` minimising :meth:`loss`, or None when
        the indefinite agreement is best (``not prefers_finite()``). On float parameters two
        durations tied exactly may be told apart by rounding (e.g. 2 and 3 at the exact tie
        ``renegotiation_cost = 504/625`` of the class Examples' model: 2 exactly, 3 in floats).

        The search runs in floats and stops once no longer duration can beat the best found
        (its gain over the indefinite agreement is at most ``A delta^T / (1 - delta^T)``);
        on exact parameters the durations the floats cannot tell apart from the best (within
        ``MATCH`` of the gains' scale) are compared exactly.

        Raises
        ------
        InvalidArgumentError
            If the optimum lies beyond ``MAX_DURATION`` periods (``delta`` within about
            ``1e-4`` of 1), or finite duration's gain is below what floats resolve (a
            renegotiation cost within rounding of ``A``, or a gain only after ``delta^T``
            underflows).
        """
        if not self.prefers_finite():
            return None
        big_a, q, d = self.insurance_value, 1 - self.shock_probability, self.delta
        c = self.renegotiation_cost
        af, qf, df, cf = float(big_a), float(q), float(d), float(c)
        found: list[tuple[int, float, float]] = []  # (duration, gain, its scale)
        best = -math.inf
        dt = qt = 1.0
        for t in range(1, MAX_DURATION + 1):
            dt, qt = dt * df, qt * qf
            gain = dt * (af * (1 - qt) - cf) / (1 - dt)  # over the indefinite agreement
            found.append((t, gain, (af + cf) * dt / (1 - dt)))
            best = max(best, gain)
            if af * dt * df / (1 - dt * df) * (1 + MATCH) < best or dt == 0:
                break
        else:
            raise InvalidArgumentError(
                f"the best duration exceeds {MAX_DURATION} periods (delta = "
                f"{format_number(self.delta)} is too close to 1)")
        if best <= 0:
            raise InvalidArgumentError(
                "finite duration beats the indefinite agreement by less than floating point "
                "resolves (renegotiation_cost within rounding of insurance_value, or the gain "
                "only after delta^T underflows): the best duration is out of reach")
        if not self._exact():
            return next(t for t, gain, _ in found if gain == best)
        # exact: compare exactly the durations the floats cannot tell from the best (the
        # floats' error, about T * 1e-16 of the scale, is far below MATCH)
        candidates = [t for t, gain, scale in found if gain >= best - MATCH * scale]

        def exact_gain(t: int) -> Number:
            dt = d ** t
            return dt * (big_a * (1 - q ** t) - c) / (1 - dt)

        gains = {t: exact_gain(t) for t in candidates}
        top = max(gains.values())
        return min(t for t, gain in gains.items() if gain == top)

    def _exact(self) -> bool:
        return all(is_exact(getattr(self, name)) for name in (
            "uncertainty", "risk_aversion", "renegotiation_cost", "shock_probability", "delta"))

    def best_loss(self) -> Number:
        """:meth:`loss` at :meth:`optimal_duration` (the indefinite loss when that is best)."""
        return self.loss(self.optimal_duration())


@dataclass(frozen=True)
class LegalForm(Model):
    """Hard against soft law: a formal, binding treaty or an informal arrangement.

    The formal form is worth ``(1 + credibility_gain) benefit - sovereignty_cost`` a period
    and adjusts to shocks only through renegotiation at ``renegotiation_cost``, at the best
    duration of :class:`TreatyDuration`; the informal form is worth ``benefit`` and is adjusted
    every period at no cost (it still bears the shift of the period it happens in).
    :meth:`choice` compares the two. The formal form's flexibility disadvantage is
    nondecreasing in ``uncertainty``, so more uncertainty never turns an informal choice
    formal (the claim :data:`~multilateral.claims.INFORMAL_UNDER_UNCERTAINTY`).

    Parameters
    ----------
    credibility_gain : number
        Proportional gain of binding commitments, ``>= 0`` (the formal form's cooperative
        gain is ``1 + credibility_gain`` times ``benefit``; the form of the ``legitimacy``
        premium of :class:`~multilateral.models.HeterogeneousForum`).
    sovereignty_cost : number
        What a binding form costs each state a period (``>= 0``).
    uncertainty, risk_aversion, renegotiation_cost, shock_probability, delta, benefit
        As for :class:`TreatyDuration`.

    Raises
    ------
    InvalidArgumentError
        Negative costs, variance, risk aversion, benefit or credibility gain; ``delta``
        outside ``(0, 1)``.
    InvalidProbabilityError
        ``shock_probability`` outside ``[0, 1]``.

    References
    ----------
    .. [1] Abbott, K. W. and Snidal, D. (2000). Hard and soft law in international
       governance. *International Organization* 54(3), 421-456.
    .. [2] Vabulas, F. and Snidal, D. (2013). Organization without delegation: informal
       intergovernmental organizations (IIGOs) and the spectrum of intergovernmental
       arrangements. *Review of International Organizations* 8(2), 193-220.
    .. [3] Koremenos, B. (2005). Contracting around international uncertainty. *American
       Political Science Review* 99(4), 549-565.

    See Also
    --------
    TreatyDuration : the formal form's duration choice.
    HeterogeneousForum : a universal forum's ``legitimacy`` premium, the same multiplicative
        form as ``credibility_gain``.
    AllianceControl : ``binding_value``, the value of a multilateral structure to a great
        power.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import LegalForm
    >>> calm = LegalForm(credibility_gain=Fraction(1, 2), sovereignty_cost=Fraction(1, 4),
    ...                  uncertainty=1, risk_aversion=1, renegotiation_cost=2,
    ...                  shock_probability=Fraction(1, 10), delta=Fraction(9, 10))
    >>> calm.choice(), calm.with_(uncertainty=8).choice()
    ('formal', 'informal')
    """

    credibility_gain: Number
    sovereignty_cost: Number
    uncertainty: Number
    risk_aversion: Number
    renegotiation_cost: Number
    shock_probability: Number
    delta: Number
    benefit: Number = 1

    def __post_init__(self) -> None:
        for name in ("credibility_gain", "sovereignty_cost"):
            try:
                object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
            except InvalidArgumentError as err:
                raise InvalidArgumentError(f"{err} (it cannot be negative)") from None
        treaty = self.treaty  # validates the rest
        for name in ("uncertainty", "risk_aversion", "renegotiation_cost",
                     "shock_probability", "delta", "benefit"):
            object.__setattr__(self, name, getattr(treaty, name))

    def __repr__(self) -> str:
        return (f"LegalForm(credibility_gain={format_number(self.credibility_gain)}, "
                f"sovereignty_cost={format_number(self.sovereignty_cost)}, "
                f"uncertainty={format_number(self.uncertainty)}, "
                f"risk_aversion={format_number(self.risk_aversion)}, "
                f"renegotiation_cost={format_number(self.renegotiation_cost)}, "
                f"shock_probability={format_number(self.shock_probability)}, "
                f"delta={format_number(self.delta)})")

    @property
    def treaty(self) -> TreatyDuration:
        """The formal form's duration problem (:class:`TreatyDuration`)."""
        return TreatyDuration(
            uncertainty=self.uncertainty, risk_aversion=self.risk_aversion,
            renegotiation_cost=self.renegotiation_cost,
            shock_probability=self.shock_probability, delta=self.delta, benefit=self.benefit)

    def value(self, form: Form) -> Number:
        """A state's discounted value of the ``"formal"`` or ``"informal"`` form."""
        if form == "formal":
            flow = (1 + self.credibility_gain) * self.benefit - self.sovereignty_cost
            return flow / (1 - self.delta) - self.treaty.best_loss()
        if form == "informal":
            return self.benefit / (1 - self.delta) - self.treaty.with_(
                renegotiation_cost=0 * self.renegotiation_cost).loss(1)
        raise InvalidArgumentError(f"form must be 'formal' or 'informal', got {form!r}")

    def flexibility_cost(self) -> Number:
        """How much more the formal form loses to shocks than the informal one (``>= 0``)."""
        return self.value("informal") - self.benefit / (1 - self.delta) + self.treaty.best_loss()

    def commitment_gain(self) -> Number:
        """The formal form's discounted credibility gain less its sovereignty cost."""
        return (self.credibility_gain * self.benefit - self.sovereignty_cost) / (1 - self.delta)

    def choice(self) -> Form:
        """``"formal"`` when its value is at least the informal form's, else ``"informal"``:
        formal iff :meth:`commitment_gain` ``>=`` :meth:`flexibility_cost`."""
        return "formal" if self.value("formal") >= self.value("informal") else "informal"
