"""Pledge-and-review against top-down targets: Harstad's Kyoto-to-Paris comparison.

Harstad (2023) compares two ways of bargaining a climate treaty among the countries that chose
to participate. **Top-down** (the Kyoto way): the participants bargain over joint targets; a
symmetric Nash bargaining solution among identical participants maximizes their joint payoff.
**Pledge-and-review** (the Paris way): each participant pledges its *own* contribution, then
the set of pledges must be ratified unanimously. Harstad *derives* that, with uncertain
tolerance for delay, each equilibrium pledge maximizes an *asymmetric* Nash product weighing
the pledger's own payoff more (the weights on others' payoffs rise with the uncertainty and
vary from pledge to pledge: CESifo WP 7296 abstract; Tinbergen abstract 2022). Here that
result is *assumed*: ``w`` is a parameter, one for all pledges. His further results (Belfer
summary, Nov 2018; CREST abstract, 2018, results 3-4) -- *less ambitious* pledges make
participating cheaper, so the coalition is *larger*; that is the main benefit, so the
procedure is preferred when many could participate; cuts more likely self-enforcing -- are
*derived here* from that ``w`` on the library's payoffs and participation stage (internal and
external stability, welfare summed over all ``n``); his own participation stage, welfare
criterion and proposition pages were not confirmed here. Not modelled: his dynamics
(technology, commitment-period length) and heterogeneous countries (leaders and laggards).

This module puts both on the linear payoffs of :class:`SelfEnforcingAgreement`
(``specification="linear"``): country ``i`` abates ``q_i`` and gets
``b Q - c q_i**2 / 2``. With ``k`` participants and ``w = others_weight``: a non-participant
abates ``b / c`` (dominant); **top-down**, a participant abates ``k b / c`` (the model *is*
:class:`SelfEnforcingAgreement`: :attr:`PledgeAndReview.top_down`); **pledge-and-review**, it
pledges ``(1 + w (k - 1)) b / c``, the maximizer of its own payoff plus ``w`` times each other
participant's (the first-order condition of the asymmetric Nash product at the symmetric
outcome). Ratification passes: each gains ``w (k - 1)**2 (1 - w / 2) b**2 / c >= 0`` over the
disagreement point (all act alone). Leaving ``k`` gains ``(b**2 / c) x (x / 2 - 1)``, ``x = w
(k - 1)``: internally stable iff ``x <= 2``; the stable size is ``floor(2 / w) + 1`` under
``tie="join"`` (capped at ``n``), ``{0, ceil(2 / w)}`` under ``"stay_out"``; ``w = 1`` gives
the top-down ``{3}`` and ``{0, 2}``. The library's findings (exact in Fractions):

1. *Less ambitious, broader.* At every size ``k >= 2`` the pledge is below the target; the
   stable pledge-and-review coalition is at least as large as the top-down one and (under
   ``"join"``) its pledge, ``(1 + w (k* - 1)) b / c``, at most the top-down ``3 b / c``.
   Strictly broader only when ``w <= 2 / 3``; for ``2/3 < w < 1`` both have three members.
2. *Preferred when many could participate* (welfare summed over all ``n``). Under ``"join"``
   top-down wins at ``n = 3`` (full cooperation); for ``w <= 2 / 3`` the welfare difference
   grows linearly in ``n`` beyond the stable size, so pledge-and-review is preferred from a
   finite ``n`` (:meth:`PledgeAndReview.preferred_from`), for ``w > 2 / 3`` never (under
   ``"stay_out"``: from ``n = 3`` for every ``w < 1``). Its aggregate abatement is larger once
   ``n`` does not cap its coalition (Harstad's channel); welfare can prefer it earlier, with
   less abatement spread more cheaply (``n = 8``, ``w = 1/10``).

Review. Barrett and Dannenberg (2016, p. 339) ran a lab experiment (groups of five choose a
group target, declare pledges, then contribute; the review covers pledges and contributions)
and found that review "is more likely to affect targets and pledges than actual contributions"
(a rise in contributions, when any, small). Modelled here -- the library's mechanism, not their
game, and the direction in which their review moved pledges was not confirmed here -- as
**information about compliance**: a participant contributes its pledge ``p`` or shirks to
``b / c``; the review detects a shortfall with probability ``review``, and the other ``k - 1``
participants then withdraw their extra abatement for the period (credible: ``b / c`` is their
best reply). A pledge is kept iff its temptation ``c (p - b/c)**2 / 2`` is at most ``review``
times that loss, ``b (k - 1)(p - b/c)``, i.e. iff ``w <= 2 review`` (any ``k``): the kept weight
is ``min(w, 2 review)``. Without review, pledges are cheap talk (the negotiated pledge is
announced, ``b / c`` contributed); with review, participants pledge what they keep. So review
*lowers* pledges by ``(w - 2 r)(k - 1) b / c`` and raises contributions by ``2 r (k - 1) b / c``
(``r < w / 2``): pledges move more iff ``review < w / 4``. Participation is decided on what is
kept. Top-down targets are taken as binding (Kyoto's "legally binding" cuts); under this review
they would be kept iff ``review >= 1/2``, pledges from ``w / 2``
(:meth:`PledgeAndReview.least_review`): Harstad's "more likely to be self-enforcing".

References
----------
.. [1] Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. *The Economic
   Journal* 133 (issue and pages not confirmed here); working paper of 14 January 2020,
   abstract p. 1; CESifo Working Paper 7296 (2018), abstract (each equilibrium pledge an
   asymmetric Nash bargaining solution, weights reflecting the uncertainty).
.. [2] Harstad, B. (2018). Pledge-and-review bargaining. Belfer Center summary, November 2018
   (less ambitious cuts, larger coalition, preferred with many potential participants, more
   likely self-enforcing); CREST seminar abstract, 4 May 2018, results (3)-(4).
.. [3] Harstad, B. (2022). A theory of pledge-and-review bargaining. Seminar abstract, Tinbergen
   Institute, 7 October 2022 (weights on others' payoffs rise with the uncertainty).
.. [4] Barrett, S. and Dannenberg, A. (2016). An experimental investigation into 'pledge and
   review' in climate negotiations. *Climatic Change* 138(1-2), 339-351 (abstract, p. 339).

Examples
--------
>>> from fractions import Fraction
>>> import multilateral as ml
>>> paris = ml.models.PledgeAndReview(n=195, benefit=1, cost=1, others_weight=Fraction(1, 4))
>>> paris.stable_sizes(), paris.top_down.stable_sizes()
((9,), (3,))
>>> paris.pledge(9), paris.top_down.abatement(3)[0]
(Fraction(3, 1), Fraction(3, 1))
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import DEFAULT_TOL, check_positive_int, check_probability, check_real, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..results import Threshold
from ..types import Number
from .agreements import CoalitionStability, SelfEnforcingAgreement
from .base import Model

__all__ = ["PledgeAndReview", "ProcedureComparison"]
__dir__ = public_dir(__all__)

Procedure = Literal["pledge_and_review", "top_down"]
_PROCEDURES = ("pledge_and_review", "top_down")
_MAX_COUNTRIES = 10**8


@dataclass(frozen=True, repr=False)
class ProcedureComparison:
    """The two procedures at their largest stable coalitions, side by side.

    Attributes
    ----------
    n : int
        Potential participants.
    participants : dict
        ``{"pledge_and_review": k, "top_down": k}``: the largest stable coalition.
    commitment : dict
        Abatement per participant kept at that size (the pledge or the target).
    total_abatement, welfare : dict
        Global abatement and the sum of all countries' payoffs.
    preferred : str
        ``"pledge_and_review"``, ``"top_down"`` or ``"indifferent"`` (by welfare).

    See Also
    --------
    PledgeAndReview.compare : computes it.

    Examples
    --------
    >>> import multilateral as ml
    >>> c = ml.models.PledgeAndReview(n=50, benefit=1, cost=1, others_weight=0.5).compare()
    >>> c.participants, c.preferred
    ({'pledge_and_review': 5, 'top_down': 3}, 'pledge_and_review')
    """

    n: int
    participants: dict[str, int]
    commitment: dict[str, Number]
    total_abatement: dict[str, Number]
    welfare: dict[str, Number]
    preferred: str

    def __repr__(self) -> str:
        pr, td = self.participants["pledge_and_review"], self.participants["top_down"]
        return (f"ProcedureComparison(n={self.n}: pledge-and-review {pr} x "
                f"{format_number(self.commitment['pledge_and_review'])}, top-down {td} x "
                f"{format_number(self.commitment['top_down'])}; preferred {self.preferred})")


@dataclass(frozen=True, eq=False, repr=False)
class PledgeAndReview(Model):
    """Harstad's pledge-and-review bargaining against top-down targets, with review.

    Parameters
    ----------
    n : int
        Potential participants (>= 2).
    benefit, cost : number
        ``b > 0`` and ``c > 0`` of the linear payoffs ``b Q - c q_i**2 / 2``.
    others_weight : number
        ``w`` in ``(0, 1]``: the weight a pledger's asymmetric Nash product puts on each other
        participant's payoff relative to its own (``1`` is the top-down target). Harstad
        derives it from uncertain tolerance for delay; here it is a parameter.
    review : number, default 1
        Probability in ``[0, 1]`` that the review detects a participant's shortfall (see the
        module docstring for the response it triggers).
    tie : {"join", "stay_out"}
        What an indifferent country does (as in :class:`SelfEnforcingAgreement`).

    Notes
    -----
    Exact inputs give exact pledges, payoffs and thresholds; floats give floats (a float tie
    ``w (k - 1) = 2`` is read within ``tol`` times 2).

    References
    ----------
    .. [1] Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. *The
       Economic Journal* 133 (page range not confirmed here); working paper of 14 January
       2020, abstract p. 1.
    .. [2] Barrett, S. and Dannenberg, A. (2016). *Climatic Change* 138(1-2), 339-351
       (p. 339: review affects targets and pledges more than contributions).

    See Also
    --------
    SelfEnforcingAgreement : the coalition-stability model; :attr:`top_down` is one.
    CoalitionStability : what :meth:`stability` returns.
    ProcedureComparison : the two procedures side by side.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.PledgeAndReview(n=30, benefit=2, cost=1, others_weight=Fraction(1, 2))
    >>> m.stable_sizes(), m.pledge(5), m.top_down.abatement(5)[0]
    ((5,), Fraction(6, 1), Fraction(10, 1))
    >>> m.with_(review=Fraction(1, 8)).kept_weight   # a weak review keeps less
    Fraction(1, 4)
    """

    n: int
    benefit: Number
    cost: Number
    others_weight: Number
    review: Number = 1
    tie: Literal["join", "stay_out"] = "join"
    _exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2, maximum=_MAX_COUNTRIES)
        object.__setattr__(self, "benefit",
                           check_real(self.benefit, "benefit", low=0, open_low=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost", low=0, open_low=True))
        object.__setattr__(self, "others_weight",
                           check_real(self.others_weight, "others_weight", low=0,
                                      open_low=True, high=1))
        object.__setattr__(self, "review", check_probability(self.review, "review", exact=True))
        if self.tie not in ("join", "stay_out"):
            raise InvalidArgumentError(f"tie must be 'join' or 'stay_out', got {self.tie!r}")
        object.__setattr__(self, "_exact", all(
            isinstance(v, Fraction)
            for v in (self.benefit, self.cost, self.others_weight, self.review)))
        if not self._exact:  # floats in, floats out
            for name in ("benefit", "cost", "others_weight", "review"):
                object.__setattr__(self, name, float(getattr(self, name)))

    def __repr__(self) -> str:
        shown = [f"n={self.n}"] + [f"{k}={format_number(getattr(self, k))}" for k in
                                   ("benefit", "cost", "others_weight")]
        if self.review != 1:
            shown.append(f"review={format_number(self.review)}")
        if self.tie != "join":
            shown.append(f"tie={self.tie!r}")
        return f"PledgeAndReview({', '.join(shown)})"

    # -- the two procedures ----------------------------------------------------------------------
    @property
    def top_down(self) -> SelfEnforcingAgreement:
        """The top-down (Kyoto) procedure: :class:`SelfEnforcingAgreement` with the same
        ``n``, ``benefit``, ``cost`` and ``tie`` (linear specification).

        See Also
        --------
        compare : both procedures at their stable sizes.
        """
        return SelfEnforcingAgreement(n=self.n, benefit=self.benefit, cost=self.cost,
                                      tie=self.tie, specification="linear")

    @property
    def kept_weight(self) -> Number:
        """``min(w, 2 review)``: the weight of the pledges that are kept (0 without review).

        See Also
        --------
        least_review : the review at which the whole pledge is kept.
        """
        return min(self.others_weight, 2 * self.review)

    @property
    def _unit(self) -> Number:  # b / c: the non-participant's abatement
        return self.benefit / self.cost

    def _size(self, k: object, low: int = 0) -> int:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise InvalidTypeError(f"a coalition size must be an integer, got {k!r}")
        if not low <= int(k) <= self.n:
            raise InvalidArgumentError(
                f"coalition size must be in {low}..{self.n} (n = {self.n}), got {k}")
        return int(k)

    def pledge(self, k: int) -> Number:
        """The negotiated pledge per participant when ``k >= 1`` participate:
        ``(1 + w (k - 1)) b / c`` (the asymmetric Nash bargaining pledge), announced whether
        or not it is kept.

        See Also
        --------
        contribution : what is kept.
        SelfEnforcingAgreement.abatement : the top-down target ``k b / c``.
        """
        k = self._size(k, low=1)
        return (1 + self.others_weight * (k - 1)) * self._unit

    def contribution(self, k: int) -> Number:
        """What a participant contributes: ``(1 + min(w, 2 review)(k - 1)) b / c``.

        See Also
        --------
        pledge : the negotiated pledge.
        announced_pledge : what is pledged given the review.
        """
        k = self._size(k, low=1)
        return (1 + self.kept_weight * (k - 1)) * self._unit

    def announced_pledge(self, k: int) -> Number:
        """The pledge announced: the negotiated one without review (cheap talk), the kept one
        with review (participants pledge only what they keep).

        See Also
        --------
        review_effect : how review moves pledges and contributions.
        """
        return self.pledge(k) if self.review == 0 else self.contribution(k)

    def review_effect(self, k: int) -> tuple[Number, Number]:
        """``(change in the pledge, change in the contribution)`` from no review to this
        review, with ``k`` participants: ``(-(w - min(w, 2r))(k - 1) b/c, min(w, 2r)(k - 1)
        b/c)``.

        See Also
        --------
        announced_pledge, contribution : the two quantities compared.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.PledgeAndReview(n=20, benefit=1, cost=1, others_weight=Fraction(1, 2),
        ...                               review=Fraction(1, 10))
        >>> m.review_effect(5)   # a weak review: pledges fall by more than contributions rise
        (Fraction(-6, 5), Fraction(4, 5))
        """
        none = self.with_(review=0 * self.review)
        return (self.announced_pledge(k) - none.announced_pledge(k),
                self.contribution(k) - none.contribution(k))

    def least_review(self, procedure: Procedure = "pledge_and_review") -> Threshold:
        """The least review probability at which the whole pledge (or target) is kept:
        ``w / 2`` for pledges, ``1 / 2`` for top-down targets.

        See Also
        --------
        kept_weight : what is kept below it.
        """
        _check_procedure(procedure)
        weight = self.others_weight if procedure == "pledge_and_review" else 1 + 0 * self.review
        return Threshold.at(weight / 2, "review")

    # -- payoffs and stability (pledge-and-review) ----------------------------------------------
    def signatory_payoff(self, k: int) -> Number:
        """A participant's payoff with ``k >= 1`` participants keeping their contributions.

        See Also
        --------
        non_signatory_payoff : an outsider's.
        """
        k = self._size(k, low=1)
        x = self.contribution(k)
        return self.benefit * self._total(k) - self.cost * x * x / 2

    def non_signatory_payoff(self, k: int) -> Number:
        """An outsider's payoff with ``k <= n - 1`` participants.

        See Also
        --------
        signatory_payoff : a participant's.
        """
        k = self._size(k)
        if k == self.n:
            raise InvalidArgumentError(f"nobody stays out of a coalition of all {self.n}")
        u = self._unit
        return self.benefit * self._total(k) - self.cost * u * u / 2

    def _total(self, k: int) -> Number:
        return (k * self.contribution(k) if k else 0 * self._unit) + (self.n - k) * self._unit

    def total_payoff(self, k: int, procedure: Procedure = "pledge_and_review") -> Number:
        """The sum of all countries' payoffs with ``k`` participants under ``procedure``.

        See Also
        --------
        SelfEnforcingAgreement.total_payoff : the top-down one (used for ``"top_down"``).
        """
        _check_procedure(procedure)
        k = self._size(k)
        if procedure == "top_down":
            return self.top_down.total_payoff(k)
        inside = k * self.signatory_payoff(k) if k else 0 * self._unit
        return inside + ((self.n - k) * self.non_signatory_payoff(k) if k < self.n else 0)

    def ratification_surplus(self, k: int) -> Number:
        """What each participant gains from the ratified pledges over the disagreement point
        (all act alone): ``w (k - 1)**2 (1 - w / 2) b**2 / c`` with the kept weight, never
        negative -- unanimous ratification passes.

        See Also
        --------
        pledge : the pledges ratified.
        """
        k = self._size(k, low=1)
        u = self._unit
        alone = self.benefit * self.n * u - self.cost * u * u / 2
        return self.signatory_payoff(k) - alone

    def _leave_sign(self, k: np.ndarray, tol: float) -> np.ndarray:
        """Sign of the gain from leaving a coalition of each size ``k >= 1``: the sign of
        ``x (x / 2 - 1)``, ``x = kept weight * (k - 1)``; ties exact or within ``tol``."""
        e = self.kept_weight
        if self._exact:  # e = p / q: x > 2 iff p (k - 1) > 2 q, in integers (int64 if it fits)
            p, q = Fraction(e).numerator, Fraction(e).denominator
            d = p * (k - 1 if p * self.n < 2**62 and q < 2**61 else k.astype(object) - 1) - 2 * q
            return np.where((k == 1) | (p == 0), 0, np.sign(d)).astype(np.int64)
        x = float(e) * (k - 1).astype(np.float64)
        sign = np.sign(x - 2.0).astype(np.int64)
        sign[np.abs(x - 2.0) <= 2.0 * tol] = 0
        sign[x == 0] = 0  # only k = 1 (or nothing kept): a tiny x is no tie, the gain is ~ -x
        return sign

    def stability(self, k: int, *, tol: float = DEFAULT_TOL) -> CoalitionStability:
        """Internal and external stability of ``k`` participants under pledge-and-review.

        See Also
        --------
        stable_sizes : every stable size.
        SelfEnforcingAgreement.stability : the top-down one.
        """
        k = self._size(k)
        tol = check_tol(tol)
        # the signs of leaving k and of joining k (minus leaving k + 1), not every size
        leave_k, leave_next = self._leave_sign(np.array([max(k, 1), k + 1], dtype=np.int64),
                                               tol).tolist()
        out = self.tie == "stay_out"
        internal = k == 0 or not (leave_k > 0 or (leave_k == 0 and out))
        external = k == self.n or not (-leave_next > 0 or (leave_next == 0 and not out))
        ps = self.signatory_payoff(k) if k else None
        pn = self.non_signatory_payoff(k) if k < self.n else None
        leave = self.non_signatory_payoff(k - 1) - ps if ps is not None else None
        join = self.signatory_payoff(k + 1) - pn if pn is not None else None
        return CoalitionStability(k, ps, pn, leave, join, internal, external)

    def stable_sizes(self, procedure: Procedure = "pledge_and_review", *,
                     tol: float = DEFAULT_TOL) -> tuple[int, ...]:
        """Every stable number of participants ``0..n`` (O(n) numpy work).

        See Also
        --------
        stability : one size with its gains.
        largest_stable_size : the largest.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.PledgeAndReview(n=200, benefit=1, cost=1, others_weight=0.1,
        ...                           tie="stay_out").stable_sizes()
        (0, 20)
        """
        _check_procedure(procedure)
        tol = check_tol(tol)
        if procedure == "top_down":
            return _top_down_sizes(self.n, self.tie, tol)
        leave = self._leave_sign(np.arange(1, self.n + 1, dtype=np.int64), tol)  # of 1..n
        out = self.tie == "stay_out"  # joining k - 1 gains minus leaving k: -leave
        internal = np.concatenate(([True], ~((leave > 0) | ((leave == 0) & out))))
        external = np.concatenate((~((leave < 0) | ((leave == 0) & (not out))), [True]))
        return tuple(int(i) for i in np.flatnonzero(internal & external))

    def largest_stable_size(self, procedure: Procedure = "pledge_and_review", *,
                            tol: float = DEFAULT_TOL) -> int:
        """The largest stable coalition under ``procedure``.

        See Also
        --------
        stable_sizes : all of them.
        """
        return max(self.stable_sizes(procedure, tol=tol))

    @property
    def game(self) -> AnonymousGame:
        """The participation game under pledge-and-review: a participant gets ``pi_s(k +
        1)``, an outsider ``pi_n(k)`` when ``k`` others participate.

        See Also
        --------
        SelfEnforcingAgreement.game : the top-down participation game.
        """
        sign: list[Any] = [self.signatory_payoff(k + 1) for k in range(self.n)]
        stay: list[Any] = [self.non_signatory_payoff(k) for k in range(self.n)]
        return AnonymousGame(sign, stay, name="participation (pledge-and-review)")

    # -- comparison ------------------------------------------------------------------------------
    def compare(self, *, tol: float = DEFAULT_TOL) -> ProcedureComparison:
        """Both procedures at their largest stable coalitions (welfare decides the preference).

        See Also
        --------
        preferred_from : the number of potential participants from which pledge-and-review
            is preferred.
        """
        k_pr = self.largest_stable_size("pledge_and_review", tol=tol)
        k_td = self.largest_stable_size("top_down", tol=tol)
        zero = 0 * self._unit
        commit: dict[str, Any] = {"pledge_and_review": self.contribution(k_pr) if k_pr else zero,
                  "top_down": self.top_down.abatement(k_td)[0] if k_td else zero}
        total = {"pledge_and_review": self._total(k_pr),
                 "top_down": k_td * commit["top_down"] + (self.n - k_td) * self._unit}
        welfare: dict[str, Any] = {"pledge_and_review": self.total_payoff(k_pr),
                   "top_down": self.total_payoff(k_td, "top_down")}
        diff = welfare["pledge_and_review"] - welfare["top_down"]
        base = self.total_payoff(0)  # float ties relative to the gains, not the O(n**2) totals
        scale = abs(welfare["top_down"] - base) + abs(welfare["pledge_and_review"] - base)
        tie = diff == 0 if self._exact else abs(diff) <= tol * scale
        preferred = "indifferent" if tie else (
            "pledge_and_review" if diff > 0 else "top_down")
        return ProcedureComparison(self.n, {"pledge_and_review": k_pr, "top_down": k_td},
                                   commit, total, welfare, preferred)

    def preferred_from(self, *, tol: float = DEFAULT_TOL) -> Threshold:
        """The least ``n`` from which pledge-and-review is strictly preferred for every larger
        ``n`` (other parameters fixed), or none.

        With ``k`` participants abating ``(1 + x) b / c``, welfare exceeds no agreement by
        ``(b**2 / c) k x (n - 1 - x / 2)``. Beyond both stable sizes the difference is linear in
        ``n`` (slope ``k x - 6``, ``- 2`` under ``"stay_out"``), below the pledge-and-review size
        (everyone participates) it changes sign once (``n (n - 1)**2 / (n - 2)`` increases), and
        at ``n = 2`` top-down is the joint optimum: the threshold is solved on the line or
        bisected below it, in O(log n) closed-form steps (no coalition is enumerated).

        See Also
        --------
        compare : the comparison at one ``n``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PledgeAndReview(n=2, benefit=1, cost=1,
        ...                           others_weight=Fraction(1, 2)).preferred_from()
        Threshold(n >= 4)
        >>> ml.models.PledgeAndReview(n=2, benefit=1, cost=1, others_weight=Fraction(4, 5)
        ...                           ).preferred_from()
        Threshold(n: none)
        """
        tol = check_tol(tol)
        e = self.kept_weight
        td = 3 if self.tie == "join" else 2  # the top-down size (linear payoffs, n >= 3)
        size = self.tie_free_size() if e else 0
        slope = size * e * (size - 1) - td * (td - 1)  # of the gap beyond both sizes
        if e == 0 or slope <= 0:
            return Threshold.none("n")
        start = max(size, 3)
        if not self._gap(start, tol) > 0:  # on the line: gap(start) + slope (n - start)
            n = max(start, math.floor(start - self._gap(start, tol) / slope) + 1)
            while not self._gap(n, tol) > 0:  # float rounding of the root
                n += 1
            return Threshold.at(n, "n")
        lo, hi = 2, start  # gap(2) = -(1 - e)**2 <= 0 < gap(start): one sign change between
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if self._gap(mid, tol) > 0 else (mid, hi)
        return Threshold.at(hi, "n")

    def tie_free_size(self) -> int:
        """The pledge-and-review stable size when ``n`` does not bind: ``floor(2 / e) + 1``
        under ``"join"``, ``ceil(2 / e)`` under ``"stay_out"`` (``e`` the kept weight).

        See Also
        --------
        stable_sizes : with ``n`` binding.
        """
        e = self.kept_weight
        if e == 0:
            raise InvalidArgumentError("without review no pledge is kept: no coalition forms")
        ratio: Any = 2 / e
        if not self._exact:
            near = round(float(ratio))
            if abs(float(ratio) - near) <= DEFAULT_TOL * float(ratio):  # as |x - 2| <= 2 tol
                ratio = Fraction(near)
        return math.floor(ratio) + 1 if self.tie == "join" else math.ceil(ratio)

    def _gap(self, n: int, tol: float) -> Number:
        """Welfare under pledge-and-review minus top-down with ``n`` potential participants,
        in units ``b**2 / c`` (the largest stable sizes in closed form; float ties within
        ``tol`` of the two gains are 0)."""
        k, t = min(n, self.tie_free_size()), (min(n, 3) if self.tie == "join" else 2)
        x = self.kept_weight * (k - 1)
        pr, td = k * x * (n - 1 - x / 2), t * (t - 1) * (n - 1 - (t - 1) / 2)
        return 0 * x if not self._exact and abs(pr - td) <= tol * (pr + td) else pr - td


@functools.lru_cache(maxsize=1024)
def _top_down_sizes(n: int, tie: str, tol: float) -> tuple[int, ...]:
    """:meth:`SelfEnforcingAgreement.stable_sizes` at ``b = c = 1`` (every linear gain is
    ``b**2 / c`` times a function of the sizes), cached for comparisons over many ``n``."""
    return SelfEnforcingAgreement(n=n, benefit=1, cost=1, tie=tie,  # type: ignore[arg-type]
                                  specification="linear").stable_sizes(tol=tol)


def _check_procedure(procedure: object) -> None:
    if procedure not in _PROCEDURES:
        raise InvalidArgumentError(
            f"procedure must be 'pledge_and_review' or 'top_down', got {procedure!r}")
