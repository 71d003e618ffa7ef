"""Oye's sanctions channel: who pays to punish, and whether the punishment is credible.

Oye (1985, pp. 18-20): among many players, withholding cooperation to punish one defector
punishes everyone, and someone must pay to punish; his remedy is to target (decompose)
sanctions. This module compares the two in the n-member repeated linear public good of
:class:`~multilateral.models.ConditionalCooperation` (per-capita return ``m``: ``T = m (n -
1)``, ``R = m n - 1``, ``P = 0``, ``S = m - 1`` for a member who contributes while nobody
gives to him) under two requirements.

* **Untargeted** (collective reversion, grim): nobody contributes again. Subgame perfect for
  ``delta >= (T - R) / (T - P)``, it costs the punishers ``(n - 1)(R - P)`` a round, and its
  punishment ``(P, ..., P)`` is strictly Pareto-dominated by cooperation ``(R, ..., R)`` at
  every ``n``: *not* weakly renegotiation-proof (Farrell and Maskin 1989).
* **Targeted** (penance, van Damme 1989, generalised to ``n``): the defector must contribute for
  ``punishment_rounds`` rounds while excluded from the others' contributions (payoff ``S``);
  the others go on cooperating among themselves (or, when that is not worth it without him,
  ``m (n - 1) <= 1``, and in a pair, they withhold) and pay ``sanction_cost`` a round to
  administer the exclusion. A punisher who shirks must do penance in turn (Axelrod's
  metanorm, in repeated-game form): punishing has its own incentive constraint, the
  second-order free-rider problem. It is renegotiation-proof iff the punishers' continuation
  values are at least ``R``, i.e. ``u_pun >= R`` (:meth:`Sanctions.is_renegotiation_proof`):
  in a pair (and whenever the punishers withhold) the victim gains ``m - R`` from the
  penitent, which can pay for the sanction; when the punishers cooperate nobody gains, and any
  cost makes the penance renegotiable. That is the library's finding for penance in which
  *every* punisher pays: strict dominance needs every member to gain, so a penance leaving one
  indifferent (a single designated enforcer; not modelled) would escape it.

One round needs ``max(T - R, P - S, c) / (R - S)``, ``c`` the punisher's temptation (``T - R
+ sanction_cost`` if the punishers cooperate: with a fixed ``r``, ``(n (1 + sanction_cost) -
r) / (r (n - 1))``, rising with ``n`` iff ``r > 1 + sanction_cost``, a diluted incentive to
punish); in the costless Prisoner's Dilemma, Contrite Tit for Tat's (:func:`penance_threshold`).

Assumptions: perfect monitoring of the punishment phase (``detection`` applies to the first
defection only); identical members; one penitent at a time (a shirking punisher takes over);
the cost attaches to the punishing act (withholding, so shirking is forgiving; or exclusion,
so a shirker may also withhold); weak renegotiation-proofness with *strict* Pareto dominance,
as Farrell and Maskin define it. The thresholds, derived from the one-shot deviation
constraints, agree with the automaton solvers on explicit penance profiles (two players;
three with an exclusion action). The pages in [2]_ and [3]_ were not checked here.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24, pp. 18-20.
.. [2] Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. *Games and Economic
   Behavior* 1(4), 327-360 (weak renegotiation-proofness; the prisoner's dilemma).
.. [3] van Damme, E. (1989). Renegotiation-proof equilibria in repeated prisoners' dilemma.
   *Journal of Economic Theory* 47(1), 206-217.
.. [4] Axelrod, R. (1986). An evolutionary approach to norms. *American Political Science
   Review* 80(4), 1095-1111 (metanorms: punishing those who do not punish).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .._namespace import public_dir
from .._numeric import format_number, is_exact
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError
from ..games.anonymous import AnonymousGame
from ..results import CriticalDiscount
from ..tolerances import SYMBOLIC_ZERO
from ..types import Number
from .base import Model

__all__ = ["SanctionComparison", "Sanctions", "penance_threshold"]
__dir__ = public_dir(__all__)

Sanction = Literal["untargeted", "targeted"]
Credibility = Literal["subgame_perfect", "renegotiation_proof"]
_SANCTIONS = ("untargeted", "targeted")
_CREDIBILITY = ("subgame_perfect", "renegotiation_proof")


def _check_choice(value: str, name: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidArgumentError(
            f"{name} must be one of {', '.join(repr(a) for a in allowed)}, got {value!r}")


def _least_delta(constraints: list[list[Number]], exact: bool) -> CriticalDiscount:
    """The least ``d`` in ``[0, 1)`` at which every polynomial (coefficients from degree 0 up)
    is ``>= 0``, with the feasible intervals; the exact root only when ``exact``.

    Cut at the polynomials' exact real roots in ``(0, 1)``; between cuts each keeps its sign,
    read exactly at a rational point; a cut next to a feasible stretch is feasible by
    continuity, and only an isolated cut is read in 60 digits (``>= -SYMBOLIC_ZERO``).
    """
    import mpmath
    import sympy

    coeffs = [[Fraction(c) for c in p] for p in constraints]
    polys = [sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in reversed(p)],
                        sympy.Symbol("d")) for p in coeffs]
    with mpmath.workdps(60):
        found = [(mpmath.mpf(0), sympy.Integer(0))] + [
            (v, x) for poly in polys if poly.degree() >= 1 for x in set(sympy.real_roots(poly))
            if 0 < (v := mpmath.mpf(str(sympy.N(x, 60)))) < 1]
        points: list[tuple[Any, Any]] = []
        for v, x in sorted(found, key=lambda item: item[0]):  # one number, two constraints
            if points and abs(v - points[-1][0]) < SYMBOLIC_ZERO:
                if x.is_Rational:
                    points[-1] = (v, x)
            else:
                points.append((v, x))
        bounds = [v for v, _ in points] + [mpmath.mpf(1)]
        intervals: list[tuple[int, int]] = []  # (first point, last bound) indices
        for i, (v, _) in enumerate(points):
            man, exp = ((bounds[i] + bounds[i + 1]) / 2).man_exp
            mid = Fraction(man) * Fraction(2) ** exp
            joined = bool(intervals) and intervals[-1][1] == i
            if all(sum(c * mid**j for j, c in enumerate(p)) >= 0 for p in coeffs):
                if joined:
                    intervals[-1] = (intervals[-1][0], i + 1)
                else:
                    intervals.append((i, i + 1))
            elif not joined and all(sum(c.numerator * v**j / c.denominator for j, c in
                                        enumerate(p)) >= -SYMBOLIC_ZERO for p in coeffs):
                intervals.append((i, i))
    if not intervals:
        return CriticalDiscount.never()
    ends = [*(x for _, x in points), sympy.Integer(1)]
    feasible = tuple((float(ends[a]), float(ends[b])) for a, b in intervals)
    first = points[intervals[0][0]][1]
    result = Fraction(int(first.p), int(first.q)) if first.is_Rational else first
    return CriticalDiscount(float(first), feasible, result if exact else None)


def _penance(t: Number, r: Number, p: Number, s: Number, u_pun: Number, u_dev: Number,
             k: int, q: Number) -> CriticalDiscount:
    """Least ``delta`` for ``k`` rounds of penance: the defector, ``t - r <= q (r - s)(d + ...
    + d^k)``; the penitent, ``d^k (r - s) >= p - s``; the punisher with ``j`` rounds left
    (a shirker gets ``u_dev``, then does penance), ``(1 - d^j) u_pun + d^j r >= (1 - d) u_dev +
    d ((1 - d^k) s + d^k r)``, ``j = 1..k``."""
    exact = all(is_exact(v) for v in (t, r, p, s, u_pun, u_dev, q))
    if k == 1:
        worst = max((t - r) / q, p - s, u_dev - u_pun) / (r - s)
        if worst >= 1:
            return CriticalDiscount.never()
        return CriticalDiscount.at_least(max(worst, 0 * worst))
    defector = [-(t - r)] + [q * (r - s)] * k
    penitent = [-(p - s)] + [0 * r] * (k - 1) + [r - s]
    constraints = [defector, penitent]
    for j in range(1, k + 1):
        # (1 - d^j) u + d^j r - (1 - d) u_dev - d s + d^(k+1) (s - r) >= 0
        coeffs: list[Number] = [0 * r] * (k + 2)
        coeffs[0] += u_pun - u_dev
        coeffs[1] += u_dev - s
        coeffs[j] += r - u_pun
        coeffs[k + 1] += s - r
        constraints.append(coeffs)
    return _least_delta(constraints, exact)


def penance_threshold(T: Number, R: Number, P: Number, S: Number, *,
                      punishment_rounds: int = 1, sanction_cost: Number = 0,
                      credibility: Credibility = "renegotiation_proof") -> CriticalDiscount:
    """Van Damme's repentance strategies in the repeated Prisoner's Dilemma: the least ``delta``.

    Cooperate; a defector must cooperate for ``punishment_rounds`` rounds while the victim
    defects (refusing restarts it; a victim who forgives, getting ``R``, owes penance). The
    victim's continuation value, ``(1 - d^j)(T - sanction_cost) + d^j R`` with ``j`` rounds
    left, is at least ``R`` iff ``sanction_cost <= T - R``, the penitent's below ``R``: then no
    continuation strictly Pareto-dominates another (weak renegotiation-proofness, which grim
    reversion to ``(P, P)`` never has); past it the penance is renegotiable. With one round the
    threshold is ``max(T - R, P - S, sanction_cost - (T - R)) / (R - S)``, without a cost
    Contrite Tit for Tat's (from the one-shot deviation constraints); ``k`` rounds, the least
    root of the polynomial constraints (exact, a sympy algebraic number when irrational).

    Parameters
    ----------
    T, R, P, S : number
        The Prisoner's Dilemma payoffs, ``T > R > P > S``.
    punishment_rounds : int, default 1
        Rounds of penance.
    sanction_cost : number, default 0
        What punishing costs the victim each round of the penance.
    credibility : {"renegotiation_proof", "subgame_perfect"}
        Renegotiation-proof: also weakly renegotiation-proof (``never`` when
        ``sanction_cost > T - R``). Subgame perfect: the incentive constraints only.

    Returns
    -------
    CriticalDiscount
        Exact for exact payoffs; ``never`` when no ``delta < 1`` sustains it.

    Raises
    ------
    InvalidArgumentError
        Unless ``T > R > P > S``, for a negative ``sanction_cost``, or an unknown
        ``credibility``.

    References
    ----------
    .. [1] van Damme, E. (1989). Renegotiation-proof equilibria in repeated prisoners'
       dilemma. *Journal of Economic Theory* 47(1), 206-217.
    .. [2] Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. *Games and
       Economic Behavior* 1(4), 327-360.

    See Also
    --------
    Sanctions : the same strategies among ``n`` members.
    multilateral.automata.contrite_tit_for_tat : one round of penance as an automaton.
    multilateral.solvers.critical_discount : its threshold, computed from the automaton.

    Examples
    --------
    >>> from multilateral.models import penance_threshold
    >>> penance_threshold(5, 3, 1, 0)          # grim needs (T - R)/(T - P) = 1/2
    CriticalDiscount(2/3)
    >>> penance_threshold(5, 3, 1, 0, punishment_rounds=2)   # P - S = (R - S) d^2 binds
    CriticalDiscount(sqrt(3)/3)
    >>> penance_threshold(5, 3, 1, 0, sanction_cost=3)       # past T - R: renegotiable
    CriticalDiscount(never)
    >>> penance_threshold(5, 3, 1, 0, sanction_cost=3, credibility="subgame_perfect")
    CriticalDiscount(2/3)
    """
    t, r, p, s = (check_real(v, name) for v, name in ((T, "T"), (R, "R"), (P, "P"), (S, "S")))
    if not t > r > p > s:
        raise InvalidArgumentError(
            f"a Prisoner's Dilemma needs T > R > P > S, got T={T}, R={R}, P={P}, S={S}")
    k = check_positive_int(punishment_rounds, "punishment_rounds", 1)
    cost = check_real(sanction_cost, "sanction_cost", low=0)
    _check_choice(credibility, "credibility", _CREDIBILITY)
    if credibility == "renegotiation_proof" and t - cost < r:
        return CriticalDiscount.never()
    return _penance(t, r, p, s, t - cost, r, k, 1 + 0 * cost)


@dataclass(frozen=True, repr=False)
class SanctionComparison:
    """Critical discount factors of untargeted and targeted sanctions under both requirements.

    Attributes
    ----------
    n : int
        Group size.
    thresholds : tuple of tuple
        ``((sanction, credibility, CriticalDiscount), ...)`` for both sanctions and both
        requirements.
    costs : tuple of tuple
        ``((sanction, cost), ...)``: what the punishers together lose each round of
        punishment relative to cooperation (negative: they gain).

    See Also
    --------
    Sanctions.compare : computes it.
    multilateral.results.CriticalDiscount : each entry.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.Sanctions(n=4, mpcr=Fraction(1, 2)).compare().threshold("targeted",
    ...                                                               "renegotiation_proof")
    CriticalDiscount(1/3)
    """

    n: int
    thresholds: tuple[tuple[str, str, CriticalDiscount], ...]
    costs: tuple[tuple[str, Number], ...]

    def threshold(self, sanction: Sanction, credibility: Credibility) -> CriticalDiscount:
        """The threshold of one sanction under one requirement."""
        _check_choice(sanction, "sanction", _SANCTIONS)
        _check_choice(credibility, "credibility", _CREDIBILITY)
        return next(cd for s, c, cd in self.thresholds if (s, c) == (sanction, credibility))

    def remedy_works(self, delta: Number) -> bool:
        """Whether targeted sanctions credibly sustain cooperation at ``delta`` where
        collective reversion credibly sustains none (Oye's remedy)."""
        targeted = self.threshold("targeted", "renegotiation_proof")
        untargeted = self.threshold("untargeted", "renegotiation_proof")
        return targeted.attainable and bool(delta >= targeted.value) and not (
            untargeted.attainable and delta >= untargeted.value)

    def __repr__(self) -> str:
        def show(cd: CriticalDiscount) -> str:
            return "never" if not cd.attainable else format_number(cd.value)
        parts = [f"{s}: spe {show(self.threshold(s, 'subgame_perfect'))}, "  # type: ignore[arg-type]
                 f"rp {show(self.threshold(s, 'renegotiation_proof'))}"  # type: ignore[arg-type]
                 for s in _SANCTIONS]
        return f"SanctionComparison(n={self.n}; {'; '.join(parts)})"


@dataclass(frozen=True, eq=False, repr=False)
class Sanctions(Model):
    """Untargeted against targeted sanctions in the n-member repeated public good.

    Parameters
    ----------
    n : int
        Number of members (>= 2).
    r : number, optional
        The multiplier held fixed as ``n`` varies (per-capita return ``r / n``).
    mpcr : number, optional
        The marginal per-capita return held fixed as ``n`` varies. Give exactly one.
    sanction_cost : number, default 0
        What administering a targeted sanction costs each punisher each round: who pays to
        punish. Collective reversion needs no administration.
    punishment_rounds : int, default 1
        Rounds of penance a defector owes; untargeted sanctions revert forever (grim).
    detection : number, default 1
        Probability that a defection from cooperation is detected (the punishment phase is
        played in the open).

    Notes
    -----
    Exact in, exact out (Fractions, or sympy algebraic numbers for ``punishment_rounds >= 2``);
    floats give floats. Change parameters with :meth:`with_`.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1),
       1-24, pp. 18-20 (sanctions among many players).
    .. [2] Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. *Games and
       Economic Behavior* 1(4), 327-360.
    .. [3] van Damme, E. (1989). Renegotiation-proof equilibria in repeated prisoners'
       dilemma. *Journal of Economic Theory* 47(1), 206-217.
    .. [4] Axelrod, R. (1986). An evolutionary approach to norms. *American Political Science
       Review* 80(4), 1095-1111 (metanorms).
    .. [5] Heckathorn, D. D. (1989). Collective action and the second-order free-rider
       problem. *Rationality and Society* 1(1), 78-100.

    See Also
    --------
    ConditionalCooperation : Oye's three dimensions; delegates here for
        ``credibility="renegotiation_proof"``.
    penance_threshold : the two-player Prisoner's Dilemma (van Damme).
    SanctionComparison : what :meth:`compare` returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> model = ml.models.Sanctions(n=5, mpcr=Fraction(1, 2))
    >>> model.critical_discount("untargeted", "subgame_perfect")
    CriticalDiscount(1/4)
    >>> model.critical_discount("untargeted", "renegotiation_proof")
    CriticalDiscount(never)
    >>> model.critical_discount("targeted", "renegotiation_proof")
    CriticalDiscount(1/4)
    >>> model.with_(sanction_cost=Fraction(1, 10)).compare()
    SanctionComparison(n=5; untargeted: spe 1/4, rp never; targeted: spe 3/10, rp never)
    """

    n: int
    r: Number | None = None
    mpcr: Number | None = None
    sanction_cost: Number = 0
    punishment_rounds: int = 1
    detection: Number = 1

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        if (self.r is None) == (self.mpcr is None):
            raise InvalidArgumentError(
                "give exactly one of r (a multiplier held fixed as n varies) or mpcr (a "
                "marginal per-capita return held fixed)")
        if self.r is not None:
            object.__setattr__(self, "r", check_real(self.r, "r", low=0, open_low=True))
        else:
            object.__setattr__(self, "mpcr", check_real(self.mpcr, "mpcr", low=0, open_low=True))
        object.__setattr__(self, "sanction_cost",
                           check_real(self.sanction_cost, "sanction_cost", low=0))
        check_positive_int(self.punishment_rounds, "punishment_rounds", 1)
        object.__setattr__(self, "detection", check_probability(
            self.detection, "detection", exact=True, open_low=True))

    def __repr__(self) -> str:
        ret = f"r={format_number(self.r)}" if self.r is not None else \
            f"mpcr={format_number(self.mpcr)}"
        parts = [f"n={self.n}", ret]
        if self.sanction_cost != 0:
            parts.append(f"sanction_cost={format_number(self.sanction_cost)}")
        if self.punishment_rounds != 1:
            parts.append(f"punishment_rounds={self.punishment_rounds}")
        if self.detection != 1:
            parts.append(f"detection={format_number(self.detection)}")
        return f"Sanctions({', '.join(parts)})"

    @property
    def game(self) -> AnonymousGame:
        """The stage game: the ``n``-member linear public goods game.

        See Also
        --------
        trps : the payoffs the sanctions compare.
        multilateral.solvers.symmetric_equilibria : its equilibria.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.solvers.symmetric_equilibria(ml.models.Sanctions(n=4, r=3).game)
        (SymmetricEquilibrium(p=0, stable, payoff=0),)
        """
        if self.r is not None:
            return AnonymousGame.public_goods(self.n, r=self.r)
        return AnonymousGame.public_goods(self.n, mpcr=self.mpcr)

    def _exact(self) -> bool:
        ret = self.r if self.r is not None else self.mpcr
        return all(is_exact(v) for v in (ret, self.sanction_cost, self.detection))

    def _m(self, n: int) -> Number:
        if self.r is None:
            assert self.mpcr is not None
            return Fraction(self.mpcr) if self._exact() else float(self.mpcr)
        return Fraction(self.r) / n if self._exact() else float(self.r) / n

    def trps(self, n: int | None = None) -> tuple[Number, Number, Number, Number]:
        """``(T, R, P, S)`` at group size ``n``: a lone defector, all contribute, none does, and
        a member who contributes while nobody gives to him (the penitent).

        See Also
        --------
        critical_discount : the thresholds built from them.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.Sanctions(n=2, r=3).trps()
        (Fraction(3, 2), Fraction(2, 1), Fraction(0, 1), Fraction(1, 2))
        """
        n = self.n if n is None else check_positive_int(n, "n", 2)
        m = self._m(n)
        return m * (n - 1), m * n - 1, 0 * m, m - 1

    def _punishers(self, n: int) -> tuple[Number, Number]:
        """``(u_pun, u_dev)``: a punisher's stage payoff during a penance, and a shirking
        punisher's (he skips the sanction's cost, and withholds if the punishers cooperate)."""
        t, r, _, _ = self.trps(n)
        m, cost = self._m(n), self.sanction_cost
        if n >= 3 and m * (n - 1) > 1:  # the punishers keep cooperating among themselves
            return r - cost, max(t, r)
        return m - cost, 2 * m - 1  # they withhold: shirking is contributing (forgiving)

    def punishment_cost(self, sanction: Sanction = "targeted", n: int | None = None) -> Number:
        """What the ``n - 1`` punishers together lose each round of punishment, against
        cooperation: ``(n - 1)(R - P)`` for collective reversion, ``(n - 1)(R - u_pun)`` for a
        targeted sanction (negative when the punishers gain from the penance).

        See Also
        --------
        is_renegotiation_proof : whether a cost makes the sanction renegotiable.

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.Sanctions(n=n, mpcr=Fraction(1, 2)).punishment_cost("untargeted")
        ...  for n in (3, 6, 12)]
        [Fraction(1, 1), Fraction(10, 1), Fraction(55, 1)]
        """
        _check_choice(sanction, "sanction", _SANCTIONS)
        n = self.n if n is None else check_positive_int(n, "n", 2)
        _, r, p, _ = self.trps(n)
        if sanction == "untargeted":
            return (n - 1) * (r - p)
        return (n - 1) * (r - self._punishers(n)[0])

    def cost_tolerance(self, n: int | None = None) -> Number:
        """The largest ``sanction_cost`` at which a targeted sanction stays renegotiation-proof:
        ``max(0, m - R)``, what a punisher gains from the penitent when the punishers withhold
        (``1 - m (n - 1)``, falling with ``n``); 0 once the punishers cooperate among
        themselves.

        See Also
        --------
        is_renegotiation_proof : the check at this model's cost.

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.Sanctions(n=n, mpcr=Fraction(3, 5)).cost_tolerance() for n in (2, 3)]
        [Fraction(2, 5), Fraction(0, 1)]
        """
        n = self.n if n is None else check_positive_int(n, "n", 2)
        m, (_, r, _, _) = self._m(n), self.trps(n)
        return max(m - r, 0 * m) if not (n >= 3 and m * (n - 1) > 1) else 0 * m

    def is_renegotiation_proof(self, sanction: Sanction = "targeted",
                               n: int | None = None) -> bool:
        """Whether no continuation of the sanction is strictly Pareto-dominated by another.

        Of continuation values. Untargeted: never while ``R > P`` (``P`` for all against
        ``R``). Targeted: with ``j`` rounds left the penitent's value is ``(1 - d^j) S + d^j R <
        R``, each punisher's ``(1 - d^j) u_pun + d^j R``. If ``u_pun < R`` cooperation is better
        for every member than any penance; if ``u_pun >= R`` no penance is dominated by
        cooperation, nor by another (a penitent is worse off in his own; with fewer rounds left
        he is better off, his punishers not). So ``u_pun >= R`` decides, at every ``delta``.

        See Also
        --------
        critical_discount : the threshold under ``credibility="renegotiation_proof"``.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.Sanctions(n=3, mpcr=Fraction(1, 2))
        >>> model.is_renegotiation_proof("untargeted"), model.is_renegotiation_proof()
        (False, True)
        """
        _check_choice(sanction, "sanction", _SANCTIONS)
        n = self.n if n is None else check_positive_int(n, "n", 2)
        _, r, p, _ = self.trps(n)
        if sanction == "untargeted":
            return bool(r <= p)
        return bool(self._punishers(n)[0] >= r)

    def critical_discount(self, sanction: Sanction = "targeted",
                          credibility: Credibility = "renegotiation_proof",
                          n: int | None = None) -> CriticalDiscount:
        """The least ``delta`` at which a sanction sustains universal cooperation.

        Parameters
        ----------
        sanction : {"targeted", "untargeted"}
        credibility : {"renegotiation_proof", "subgame_perfect"}
            Subgame perfect: every incentive constraint, the punishers' included. Renegotiation-
            proof: also weakly renegotiation-proof (:meth:`is_renegotiation_proof`).
        n : int, optional
            Group size (default: the model's).

        Returns
        -------
        CriticalDiscount
            0 when contributing is dominant (``m >= 1``); ``never`` when ``R <= P``, when the
            sanction is renegotiable under ``"renegotiation_proof"``, or when no ``delta < 1``
            will do. Untargeted, subgame perfect: ``(T - R) / ((T - R) + q (R - P))``.
            Targeted, one round: ``max((T - R) / q, P - S, u_dev - u_pun) / (R - S)``.

        See Also
        --------
        compare : all four thresholds.
        penance_threshold : the two-player Prisoner's Dilemma.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.Sanctions(n=10, r=3)
        >>> model.critical_discount("untargeted", "subgame_perfect")
        CriticalDiscount(7/27)
        >>> model.critical_discount(), model.with_(sanction_cost=1).critical_discount(
        ...     credibility="subgame_perfect")
        (CriticalDiscount(7/27), CriticalDiscount(17/27))
        """
        _check_choice(sanction, "sanction", _SANCTIONS)
        _check_choice(credibility, "credibility", _CREDIBILITY)
        n = self.n if n is None else check_positive_int(n, "n", 2)
        t, r, p, s = self.trps(n)
        q = self.detection if self._exact() else float(self.detection)
        if t <= r:
            return CriticalDiscount.at_least(0 * t)  # contributing is a best reply already
        if r <= p:
            return CriticalDiscount.never()
        if credibility == "renegotiation_proof" and not self.is_renegotiation_proof(sanction, n):
            return CriticalDiscount.never()
        if sanction == "untargeted":
            return CriticalDiscount.at_least((t - r) / ((t - r) + q * (r - p)))
        u_pun, u_dev = self._punishers(n)
        return _penance(t, r, p, s, u_pun, u_dev, self.punishment_rounds, q)

    def compare(self, n: int | None = None) -> SanctionComparison:
        """All four thresholds (two sanctions, two requirements) and the punishers' costs.

        See Also
        --------
        critical_discount : one of them.
        SanctionComparison.remedy_works : where Oye's remedy is needed and works.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.Sanctions(n=6, mpcr=Fraction(1, 2)).compare()
        SanctionComparison(n=6; untargeted: spe 1/5, rp never; targeted: spe 1/5, rp 1/5)
        """
        n = self.n if n is None else check_positive_int(n, "n", 2)
        rows = tuple((s, c, self.critical_discount(s, c, n))  # type: ignore[arg-type]
                     for s in _SANCTIONS for c in _CREDIBILITY)
        costs = tuple((s, self.punishment_cost(s, n)) for s in _SANCTIONS)  # type: ignore[arg-type]
        return SanctionComparison(n, rows, costs)

    def critical_discount_curve(self, sizes: range | list[int], sanction: Sanction = "targeted",
                                credibility: Credibility = "renegotiation_proof") -> list[float]:
        """``critical_discount(...).delta`` at each group size (floats; ``inf`` where none).

        See Also
        --------
        critical_discount : one size, exact.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.Sanctions(n=2, mpcr=Fraction(1, 2)).critical_discount_curve(
        ...     [2, 3, 5], "untargeted", "subgame_perfect")
        [inf, 0.5, 0.25]
        """
        return [self.critical_discount(sanction, credibility, int(k)).delta for k in sizes]
