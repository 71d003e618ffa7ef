"""Oye's transparency channel: conditional cooperation when members see only a noisy signal.

Oye (1985, pp. 18-20) argues that numbers hurt conditional cooperation partly because they
cut transparency: in a large group the members can no longer recognize and control each
other's defections. This module models that channel in the way the economics of collusion
does (Green and Porter 1984; Abreu, Pearce and Stacchetti 1986, 1990): ``n`` members repeat
the linear public goods game of :class:`~multilateral.models.ConditionalCooperation`
(contribute one unit or not; each unit returns ``mpcr`` to every member), but no one sees the
contributions. All see only one public binary signal, "good" or "bad", whose probability of
reading "bad" depends on how many withheld. The signal technology is explicit:

``signal="aggregate"``
    every member's contribution goes into the public record; a contribution is recorded as a
    shortfall with probability ``monitoring_error``, a withheld unit with probability
    ``detection``, independently; the signal is bad when the recorded total falls short (any
    shortfall). With ``k`` of ``n`` withholding,
    ``P(bad | k) = 1 - (1 - monitoring_error)^(n - k) (1 - detection)^k``: false alarms
    accumulate with ``n`` while one defection's effect does not grow.
``signal="audit"``
    one member, drawn at random, is audited each round and the result (not the name) is
    published: ``P(bad | k) = monitoring_error + (detection - monitoring_error) k / n``; one
    defection moves the signal by ``1 / n`` of its range.

Strategies are strongly symmetric: everyone contributes while the signal is good; a bad
signal starts ``punishment_rounds`` rounds (``None``: forever) of the stage equilibrium, no
contributions (Green and Porter's trigger strategies). With ``p`` and ``q`` the probabilities
of a bad signal when all contribute and when one withholds, ``g = T - R`` the gain from
withholding and ``L = R - P`` the gains from cooperation, the value recursion

    V = (1 - delta) R + delta [(1 - p) V + p (delta^T V + (1 - delta^T) P)]

and the one-shot deviation condition reduce to ``(delta + ... + delta^T) c >= g`` with
``c = (q - p) L - p g`` (``delta / (1 - delta) c >= g`` for ``T = None``), so the critical
discount factor is ``g / (g + c)`` for permanent punishment and the root of a polynomial for
``T >= 2``. Punishment happens on the equilibrium path (the signal errs), and the long-run
payoff is ``P + L / (1 + p (delta + ... + delta^T))``. No strongly symmetric equilibrium
pays more than ``v* = R - p g / (q - p)`` or has contributions below ``g / (g + c)`` (no
randomization needed for that bound); with public randomization (APS) the bang-bang
equilibrium attains ``v*`` at every ``delta >= g / (g + c)``. Cooperation is sustainable
at all iff ``c > 0``, i.e. ``v* > P`` (Mailath and Samuelson 2006, section 7.2).

The library's finding on the claim: with a non-rival good (``mpcr`` fixed) the stakes ``L``
grow like ``n``. Under the audit signal a defection's effect falls only like ``1 / n``, which
the stakes exactly offset: ``c`` *rises* with ``n`` and numbers help. Under the aggregate
signal, false alarms accumulate (``p -> 1``, ``q - p -> 0`` geometrically) and numbers
eventually hurt: past a size the critical discount factor rises with ``n`` and beyond a
finite size no discount factor sustains cooperation (:meth:`PublicMonitoring.largest_group`).
Oye's transparency effect holds where monitoring degrades faster than the stakes grow.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24, pp. 18-20 (recognition and control).
.. [2] Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect price
   information. *Econometrica* 52(1), 87-100 (trigger strategies with reversionary episodes
   of length T, their value recursion and incentive constraint; the page range of the whole
   article is given because the library has not checked the section's pages, nor whether
   their T counts the rounds of reversion, as ``punishment_rounds`` does, or the episode).
.. [3] Abreu, D., Pearce, D. and Stacchetti, E. (1986). Optimal cartel equilibria with
   imperfect monitoring. *Journal of Economic Theory* 39(1), 251-269 (the two-value, bang-bang
   structure of the best symmetric equilibria).
.. [4] Abreu, D., Pearce, D. and Stacchetti, E. (1990). Toward a theory of discounted
   repeated games with imperfect monitoring. *Econometrica* 58(5), 1041-1063.
.. [5] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
   University Press, section 7.2 (the repeated prisoners' dilemma with imperfect public
   monitoring, payoffs 2, 3, -1, 0: grim trigger needs ``delta >= 1 / (3p - 2q)``; the best
   strongly symmetric payoff ``2 - (1 - p) / (p - q)``; ``p``, ``q`` are the probabilities
   of the *good* signal, as the payoffs force). The library derived both formulas; it has not
   checked the book's pages or which subsection states the second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .._namespace import public_dir
from .._numeric import format_number, is_exact
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError
from ..games.anonymous import AnonymousGame
from ..results import CriticalDiscount
from ..types import Number
from .base import Model

__all__ = ["PublicMonitoring"]
__dir__ = public_dir(__all__)

Signal = Literal["aggregate", "audit"]


@dataclass(frozen=True, repr=False)
class PublicMonitoring(Model):
    """The n-member repeated public goods game under imperfect public monitoring.

    Parameters
    ----------
    n : int
        Number of members (>= 2).
    r : number, optional
        The multiplier, held fixed as ``n`` varies (each unit returns ``r / n``: Olson's
        dilution at work too).
    mpcr : number, optional
        The marginal per-capita return, held fixed as ``n`` varies (a non-rival good: the
        case in which only the transparency channel can make numbers hurt). Give exactly one
        of ``r`` and ``mpcr``.
    monitoring_error : probability, default 0
        Probability that a member's contribution is recorded as a shortfall (a false alarm).
    detection : probability, default 1
        Probability that a withheld contribution is recorded as a shortfall. Must exceed
        ``monitoring_error``: otherwise the signal does not respond to a defection.
    signal : {"aggregate", "audit"}
        The signal technology (module docstring): a bad signal when the recorded total falls
        short, or the published result of auditing one random member.
    punishment_rounds : int, optional
        Rounds of reversion to no contributions after a bad signal (``None``: forever).

    Notes
    -----
    Exact parameters give exact outputs (for ``punishment_rounds >= 2`` the threshold is a
    sympy algebraic number). :meth:`best_payoff` is the best over all strongly symmetric
    equilibria, attained with public randomization (as in APS 1990).

    References
    ----------
    .. [1] Oye, K. A. (1985). *World Politics* 38(1), 1-24, pp. 18-20.
    .. [2] Green, E. J. and Porter, R. H. (1984). *Econometrica* 52(1), 87-100.
    .. [3] Abreu, D., Pearce, D. and Stacchetti, E. (1986). *Journal of Economic Theory*
       39(1), 251-269; (1990). *Econometrica* 58(5), 1041-1063.
    .. [4] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*,
       section 7.2.

    See Also
    --------
    multilateral.models.ConditionalCooperation : the same game with a detection probability.
    multilateral.games.AnonymousGame.public_goods : the stage game (:attr:`game`).
    multilateral.results.CriticalDiscount : what :meth:`critical_discount` returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> model = ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4),
    ...                                    monitoring_error=Fraction(1, 10))
    >>> model.signal_probabilities()
    (Fraction(19, 100), Fraction(1, 1))
    >>> model.critical_discount(), model.best_payoff()
    (CriticalDiscount(100/243), Fraction(143, 324))
    >>> [round(model.with_(n=n).critical_discount().delta, 3) for n in (5, 10, 20, 40, 50)]
    [0.141, 0.106, 0.144, 0.578, inf]
    >>> model.largest_group()
    46
    """

    n: int
    r: Number | None = None
    mpcr: Number | None = None
    monitoring_error: Number = 0
    detection: Number = 1
    signal: Signal = "aggregate"
    punishment_rounds: int | None = None

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        if (self.r is None) == (self.mpcr is None):
            raise InvalidArgumentError(
                "give exactly one of r (a multiplier held fixed as n varies) or mpcr (a "
                "marginal per-capita return held fixed, a non-rival good)")
        if self.r is not None:
            object.__setattr__(self, "r", check_real(self.r, "r", low=0, open_low=True))
        else:
            object.__setattr__(self, "mpcr", check_real(self.mpcr, "mpcr", low=0,
                                                        open_low=True))
        eps = check_probability(self.monitoring_error, "monitoring_error", exact=True)
        det = check_probability(self.detection, "detection", exact=True)
        object.__setattr__(self, "monitoring_error", eps)
        object.__setattr__(self, "detection", det)
        if det <= eps:
            raise InvalidArgumentError(
                f"the signal is uninformative: a withheld contribution is recorded as a "
                f"shortfall (detection={format_number(det)}) no more often than a contribution "
                f"is (monitoring_error={format_number(eps)}), so a defection never makes the "
                f"bad signal likelier; give detection > monitoring_error")
        if self.signal not in ("aggregate", "audit"):
            raise InvalidArgumentError(
                f"signal must be 'aggregate' or 'audit', got {self.signal!r}")
        if self.punishment_rounds is not None:
            check_positive_int(self.punishment_rounds, "punishment_rounds", 1)

    def __repr__(self) -> str:
        ret = ("r", self.r) if self.r is not None else ("mpcr", self.mpcr)
        parts = [f"n={self.n}"] + [f"{name}={format_number(v)}" for name, v in (
            ret, ("monitoring_error", self.monitoring_error), ("detection", self.detection))]
        parts += [f"signal={self.signal!r}"] * (self.signal != "aggregate")
        parts += [f"punishment_rounds={self.punishment_rounds}"] * (self.punishment_rounds
                                                                     is not None)
        return f"PublicMonitoring({', '.join(parts)})"

    # -- the stage game and the signal -------------------------------------------------------
    def _n(self, n: int | None) -> int:
        return self.n if n is None else check_positive_int(n, "n", 2)

    def return_per_unit(self, n: int | None = None) -> Number:
        """The marginal per-capita return at group size ``n`` (default: this model's).

        See Also
        --------
        trp : the stage payoffs built from it.
        """
        n = self._n(n)
        if self.r is None:
            assert self.mpcr is not None
            return self.mpcr
        return self.r / n if isinstance(self.r, float) else Fraction(self.r) / n

    def trp(self, n: int | None = None) -> tuple[Number, Number, Number]:
        """``(T, R, P)``: a lone withholder's payoff, everyone's when all contribute, and
        when none does (the stage equilibrium that punishes).

        See Also
        --------
        critical_discount : the threshold built from them.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4)).trp()
        (Fraction(3, 4), Fraction(1, 2), Fraction(0, 1))
        """
        n = self._n(n)
        m = self.return_per_unit(n)
        return m * (n - 1), m * n - 1, 0 * m

    @property
    def game(self) -> AnonymousGame:
        """The stage game: the ``n``-member linear public goods game (exact when the return is).

        See Also
        --------
        multilateral.solvers.symmetric_equilibria : its equilibria (no contributions while
            the return per unit is below one).
        multilateral.AnonymousGame.public_goods : the constructor.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=3, mpcr=Fraction(1, 2))
        >>> ml.solvers.symmetric_equilibria(model.game)
        (SymmetricEquilibrium(p=0, stable, payoff=0),)
        """
        if self.r is not None:
            return AnonymousGame.public_goods(self.n, r=self.r)
        return AnonymousGame.public_goods(self.n, mpcr=self.mpcr)

    def bad_signal_probability(self, k: int, n: int | None = None) -> Number:
        """Probability that the public signal is bad when ``k`` of the ``n`` members withhold.

        See Also
        --------
        signal_probabilities : ``k = 0`` and ``k = 1``, the two that incentives depend on.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=4, mpcr=Fraction(1, 2), detection=Fraction(1, 2),
        ...                                    monitoring_error=Fraction(1, 10), signal="audit")
        >>> [model.bad_signal_probability(k) for k in range(5)]
        [Fraction(1, 10), Fraction(1, 5), Fraction(3, 10), Fraction(2, 5), Fraction(1, 2)]
        """
        n = self._n(n)
        k = int(k)
        if not 0 <= k <= n:
            raise InvalidArgumentError(f"k must be a number of withholders in 0..{n}, got {k}")
        eps, det = self.monitoring_error, self.detection
        if self.signal == "audit":
            return eps + (det - eps) * Fraction(k, n) if is_exact(eps + det) else \
                eps + (det - eps) * k / n
        if is_exact(eps + det):
            out: Number = 1 - (1 - eps) ** (n - k) * (1 - det) ** k
            return out
        if k and det == 1:
            return 1.0
        log = (n - k) * math.log1p(-float(eps)) + (k * math.log1p(-float(det)) if k else 0.0)
        return -math.expm1(log)  # 1 - exp(log), accurate for rare errors and large n

    def signal_probabilities(self, n: int | None = None) -> tuple[Number, Number]:
        """``(p, q)``: the probability of a bad signal when all contribute, and when one
        member withholds. ``q > p`` always (the constructor checks), but ``q - p`` shrinks.

        See Also
        --------
        bad_signal_probability : the whole technology.
        """
        return self.bad_signal_probability(0, n), self.bad_signal_probability(1, n)

    def _gap(self, n: int | None) -> Number:
        """``q - p`` computed directly (two floats near one would cancel in ``q - p``)."""
        n = self._n(n)
        eps, det = self.monitoring_error, self.detection
        if self.signal == "audit":
            return (det - eps) * Fraction(1, n) if is_exact(eps + det) else (det - eps) / n
        gap: Number = (1 - eps) ** (n - 1) * (det - eps)  # aggregate
        return gap

    # -- Green and Porter's trigger strategies -----------------------------------------------
    def _gain_margin(self, n: int | None) -> tuple[Number, Number]:
        """``(g, c)``: the one-round gain from withholding, ``T - R``, and the per-round
        punishment margin ``c = (q - p)(R - P) - p (T - R)``."""
        t, r, p_pay = self.trp(n)
        gain = t - r
        return gain, self._gap(n) * (r - p_pay) - self.bad_signal_probability(0, n) * gain

    def critical_discount(self, n: int | None = None) -> CriticalDiscount:
        """The least ``delta`` at which the trigger strategies are an equilibrium.

        With ``punishment_rounds=None`` this is also the least ``delta`` at which any
        strongly symmetric equilibrium has contributions (see :meth:`best_payoff`).

        Returns
        -------
        CriticalDiscount
            Exact for exact parameters (a sympy root for ``punishment_rounds >= 2``);
            ``never`` when ``c <= 0`` (the signal is too weak for the stakes) or when ``T``
            rounds of punishment are too short (``T c <= g``).

        References
        ----------
        .. [1] Green, E. J. and Porter, R. H. (1984), *Econometrica* 52(1), 87-100.
        .. [2] Mailath, G. J. and Samuelson, L. (2006), section 7.2 (``1 / (3p - 2q)``).

        See Also
        --------
        sustains : the same at one ``delta``.
        largest_group : the largest group a ``delta`` sustains.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4),
        ...                                    monitoring_error=Fraction(1, 10))
        >>> model.with_(punishment_rounds=1).critical_discount()
        CriticalDiscount(100/143)
        >>> model.with_(punishment_rounds=2).critical_discount()
        CriticalDiscount(-1/2 + sqrt(77649)/286)
        """
        gain, margin = self._gain_margin(n)
        if gain <= 0:  # contributing is a best reply in the stage game
            return CriticalDiscount.at_least(0 if is_exact(gain) else 0.0)
        k = self.punishment_rounds
        if margin <= 0 or (k is not None and k * margin <= gain):
            return CriticalDiscount.never()
        if k is None:
            return CriticalDiscount.at_least(gain / (gain + margin))
        if k == 1:
            return CriticalDiscount.at_least(gain / margin)
        if is_exact(gain) and is_exact(margin):
            root = _sum_root_exact(Fraction(gain), Fraction(margin), k)
            if isinstance(root, Fraction):
                return CriticalDiscount.at_least(root)
            value = float(root)
            return CriticalDiscount(value, ((value, 1.0),), root)
        return CriticalDiscount.at_least(_sum_root(float(gain), float(margin), k))

    def sustains(self, delta: Number, n: int | None = None) -> bool:
        """Whether the trigger strategies are an equilibrium at ``delta`` (exact comparison,
        no root needed).

        See Also
        --------
        critical_discount : the threshold.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=20, mpcr=Fraction(3, 4),
        ...                                    monitoring_error=Fraction(1, 10))
        >>> model.sustains(Fraction(1, 3)), model.with_(n=40).sustains(Fraction(1, 3))
        (True, False)
        """
        d = check_real(delta, "delta", low=0, high=1, open_high=True)
        return self._holds(d, *self._gain_margin(n))

    def _holds(self, d: Number | None, gain: Number, margin: Number) -> bool:
        """The incentive constraint at ``d`` (``None``: at some ``d < 1``)."""
        if gain <= 0:
            return True
        k = self.punishment_rounds
        if d is None:
            return bool(margin > 0 and (k is None or k * margin > gain))
        if k is None:
            return bool(d * (gain + margin) >= gain and margin > 0)
        return bool(sum(d**j for j in range(1, k + 1)) * margin >= gain)

    def trigger_payoff(self, delta: Number, n: int | None = None) -> Number:
        """The members' average payoff from the trigger strategies, punishments included:
        ``P + (R - P) / (1 + p (delta + ... + delta^T))``.

        Whether the strategies are an equilibrium at ``delta`` is :meth:`sustains`.

        See Also
        --------
        efficiency_loss : the share of the gains this loses.
        best_payoff : the best strongly symmetric equilibrium.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4), monitoring_error=Fraction(1, 10)
        ...                            ).trigger_payoff(Fraction(1, 2))
        Fraction(50, 119)
        """
        d = check_real(delta, "delta", low=0, high=1, open_high=True)
        _, r, p_pay = self.trp(n)
        p, _ = self.signal_probabilities(n)
        return p_pay + (r - p_pay) / (1 + p * self._horizon(d))

    def _horizon(self, d: Number) -> Number:
        """``d + d^2 + ... + d^T`` (``d / (1 - d)`` for ``T = None``)."""
        if self.punishment_rounds is None:
            return d / (1 - d)
        return sum((d**j for j in range(2, self.punishment_rounds + 1)), d)

    # -- Abreu, Pearce and Stacchetti: the best strongly symmetric equilibrium --------------
    def best_payoff(self, delta: Number | None = None, n: int | None = None) -> Number:
        """The best strongly symmetric equilibrium payoff (APS bang-bang, public randomization).

        ``v* = R - p (T - R) / (q - p)`` for ``delta >= g / (g + c)`` (the threshold of
        permanent punishment), ``P`` (no contributions) below it or when ``v* <= P``; without
        ``delta``, for ``delta`` large enough. The bound needs no randomization; attaining it
        at every such ``delta`` does. Neither ``delta`` nor ``punishment_rounds`` changes it:
        the loss ``p (T - R) / (q - p)`` is the price of noise, which patience cannot buy.

        References
        ----------
        .. [1] Abreu, Pearce and Stacchetti (1990), *Econometrica* 58(5), 1041-1063.
        .. [2] Mailath and Samuelson (2006), section 7.2 (``2 - (1 - p) / (p - q)``).

        See Also
        --------
        efficiency_loss : the share of the gains from cooperation it loses.
        trigger_payoff : what Green and Porter's trigger strategies get.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4),
        ...                                    monitoring_error=Fraction(1, 10))
        >>> model.best_payoff(), model.best_payoff(Fraction(1, 10))
        (Fraction(143, 324), Fraction(0, 1))
        """
        t, r, p_pay = self.trp(n)
        gain = t - r
        if gain <= 0:
            return r
        _, margin = self._gain_margin(n)
        if margin <= 0:  # v* - P = c / (q - p): no contributions at any delta
            return p_pay
        if delta is not None:
            d = check_real(delta, "delta", low=0, high=1, open_high=True)
            if d * (gain + margin) < gain:
                return p_pay
        best: Number = r - self.bad_signal_probability(0, n) * gain / self._gap(n)
        return best

    def efficiency_loss(self, delta: Number | None = None, n: int | None = None) -> Number:
        """The share of the gains from cooperation, ``R - P``, lost to punishment on the
        equilibrium path: ``(R - v) / (R - P)``.

        With ``delta``: Green and Porter's trigger strategies (``v`` = :meth:`trigger_payoff`,
        losing ``p S / (1 + p S)`` with ``S = delta + ... + delta^T``; as ``delta -> 1`` that
        is ``T p / (1 + T p)``, the share of time spent punishing, and 1 for permanent
        punishment). Without: the best strongly symmetric equilibrium (``v`` =
        :meth:`best_payoff`), ``min(1, p (T - R) / ((q - p)(R - P)))``.

        Raises
        ------
        InvalidArgumentError
            If there are no gains from cooperation (``R <= P``, i.e. ``mpcr n <= 1``).

        See Also
        --------
        best_payoff, trigger_payoff : the payoffs compared.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4),
        ...                                    monitoring_error=Fraction(1, 10))
        >>> model.efficiency_loss(), model.efficiency_loss(Fraction(1, 2))
        (Fraction(19, 162), Fraction(19, 119))
        """
        _, r, p_pay = self.trp(n)
        if r <= p_pay:
            raise InvalidArgumentError(
                f"no gains from cooperation at n={self._n(n)} (R={format_number(r)} <= "
                f"P={format_number(p_pay)}): nothing to lose")
        value = self.best_payoff(None, n) if delta is None else self.trigger_payoff(delta, n)
        loss: Number = (r - value) / (r - p_pay)
        return loss

    # -- Oye's question: the number of players -----------------------------------------------
    def largest_group(self, delta: Number | None = None, *, n_max: int = 10_000) -> int | None:
        """The largest group size ``n <= n_max`` whose cooperation ``delta`` sustains (without
        ``delta``: that some ``delta < 1`` sustains); ``None`` if no size in ``2..n_max`` does.

        Under the aggregate signal with false alarms the answer is finite whatever
        ``n_max``; under the audit signal with a fixed ``mpcr`` it is ``n_max`` (or ``None``).
        Exact, without scanning every size: past the peak of the margin ``c`` the sustained
        sizes form an initial run (found by bisection); before it ``c`` rises then falls.

        See Also
        --------
        critical_discount : the threshold at one size.
        multilateral.models.ConditionalCooperation.largest_group : perfect monitoring.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicMonitoring(n=2, mpcr=Fraction(3, 4),
        ...                                    monitoring_error=Fraction(1, 10))
        >>> model.largest_group(), model.largest_group(Fraction(1, 5))
        (46, 25)
        """
        d = None if delta is None else check_real(delta, "delta", low=0, high=1,
                                                  open_high=True)
        n_max = check_positive_int(n_max, "n_max", 2)

        def holds(size: int) -> bool:
            return self._holds(d, *self._gain_margin(size))

        start = self._falls_from()
        if start is None:  # the margin rises with n: all sizes from some size on are sustained
            return n_max if holds(n_max) else None
        start = min(start, n_max)
        if holds(start):  # past the peak a sustained size has only sustained sizes below it
            low, high = start, n_max
            if holds(high):
                return high
            while high - low > 1:
                mid = (low + high) // 2
                low, high = (mid, high) if holds(mid) else (low, mid)
            return low
        for size in range(start - 1, 1, -1):  # before the peak: one run, its end
            if holds(size):
                return size
        return None

    def _falls_from(self) -> int | None:
        """A size from which being sustained can only stop as ``n`` grows; ``None`` when it
        can only start (``c`` rises, the gain is fixed: a fixed ``mpcr`` with the audit signal
        or with no false alarms). Fixed ``mpcr``, aggregate: ``c`` changes by ``(1 - e)^(n-1)
        [(d - e)(m (1 - e) + e - e m n) - (1 - m) e (1 - e)]`` from ``n`` to ``n + 1``, which
        is negative from ``1/m + (1 - e)/e`` on. Fixed ``r``: the gain ``1 - r/n`` rises and,
        once positive, ``c`` falls."""
        if self.r is not None:
            return 2
        if self.signal == "audit" or self.monitoring_error == 0:
            return None
        e, m = Fraction(self.monitoring_error), Fraction(self.return_per_unit())
        return max(2, math.ceil(1 / m + (1 - e) / e))


def _sum_root(gain: float, margin: float, k: int) -> float:
    """Least ``d`` in ``[0, 1)`` with ``margin (d + ... + d^k) >= gain`` (bisection)."""
    lo, hi = 0.0, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if margin * sum(mid**j for j in range(1, k + 1)) >= gain else (mid, hi)
    return hi


def _sum_root_exact(gain: Fraction, margin: Fraction, k: int) -> Any:
    """The one positive (so the largest real) root of ``margin (d + ... + d^k) - gain``: a
    Fraction, or a sympy algebraic number (quadratic formula for ``k = 2``, else a ``CRootOf``
    of an integer polynomial, far faster than ``real_roots``, which factors first)."""
    import sympy

    ratio = gain / margin
    rational = sympy.Rational(ratio.numerator, ratio.denominator)
    if k == 2:  # d^2 + d - ratio = 0
        root = (sympy.sqrt(1 + 4 * rational) - 1) / 2
    else:
        d = sympy.Symbol("d")
        poly = sympy.Poly(sum(d**j for j in range(1, k + 1)) * ratio.denominator
                          - ratio.numerator, d)
        root = sympy.CRootOf(poly, poly.count_roots() - 1)  # real roots come first
    if root.is_Rational:
        return Fraction(int(root.p), int(root.q))
    return root
