"""Oye's sanctions channel: who pays to punish, and whether the punishment is credible.

Oye (1985, pp. 18-20) names the feasibility of sanctions as the first channel through which
numbers hurt conditional cooperation: among many players, withholding cooperation to punish one
defector punishes everyone, and someone must pay to punish. His remedy is to target (decompose)
sanctions. This module compares the two kinds of sanction in the n-member repeated linear
public good of :class:`~multilateral.models.ConditionalCooperation` (per-capita return ``m``:
``T = m (n - 1)``, ``R = m n - 1``, ``P = 0``, and ``S = m - 1`` for a member who contributes
while nobody gives to him) under two requirements.

* **Untargeted** (collective reversion, Friedman's grim): after a defection nobody contributes
  again. Subgame perfect for ``delta >= (T - R) / (T - P)``, and free in the sense that
  withholding is a stage best reply; but it costs every punisher ``R - P`` a round, the
  punishers together ``(n - 1)(R - P)``, and the punishment phase is strictly Pareto-dominated
  by forgiving, so it is *not* weakly renegotiation-proof (Farrell and Maskin 1989): players
  who can renegotiate after a defection would not carry it out.
* **Targeted** (penance, van Damme 1989, generalised to ``n``): the defector must contribute for
  ``punishment_rounds`` rounds while excluded from the others' contributions (payoff ``S``);
  the others go on cooperating among themselves (or, when that is not worth it without him,
  ``m (n - 1) <= 1``, and in a pair, they withhold) and pay ``sanction_cost`` a round to
  administer the exclusion. A punisher who shirks must do penance in turn (Axelrod's
  metanorm, in repeated-game form), so punishing has its own incentive constraint: the
  second-order free-rider problem. The sanction is renegotiation-proof iff the punishers do at
  least as well during the penance as under cooperation, ``u_pun >= R``: in a pair (and
  whenever the punishers withhold) the victim gains ``m - R`` from the penitent's
  contribution, which can pay for the sanction; in larger groups whose punishers keep
  cooperating, nobody gains and any positive cost makes the penance renegotiable.

With one round of penance every incentive constraint is linear in ``delta`` and the targeted
threshold is ``max(T - R, P - S, c) / (R - S)``, ``c`` the punisher's stage temptation
(``T - R + sanction_cost`` when the punishers cooperate, :meth:`Sanctions.critical_discount`).
With a fixed multiplier ``r`` that punishers' threshold, ``(n (1 + sanction_cost) - r) /
(r (n - 1))``, rises with ``n`` iff ``r > 1 + sanction_cost``: the incentive to punish is
diluted. In the Prisoner's Dilemma the threshold is the condition for van Damme's repentance
strategies, ``max((T - R)/(R - S), (P - S)/(R - S))`` (:func:`penance_threshold`), derived
here from the one-shot deviation constraints and checked against the automaton solver
(Contrite Tit for Tat, and ``k``-round penance automata).

Assumptions: perfect monitoring of the punishment phase (``detection`` applies to the first
defection only); identical members; weak renegotiation-proofness with *strict* Pareto
dominance (a continuation is renegotiated when every member gains), as Farrell and Maskin
define it.

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
.. [5] Boyd, R. and Richerson, P. J. (1992). Punishment allows the evolution of cooperation
   (or anything else) in sizable groups. *Ethology and Sociobiology* 13(3), 171-195.
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


def _horner(coeffs: list[Fraction], x: Fraction) -> Fraction:
    value = Fraction(0)
    for c in reversed(coeffs):
        value = value * x + c
    return value


def _least_delta(constraints: list[list[Number]], exact: bool) -> CriticalDiscount:
    """The least ``d`` in ``[0, 1)`` at which every polynomial (coefficients from degree 0 up)
    is ``>= 0``, with the feasible intervals. Computed exactly (float coefficients by their
    binary value); the result carries the exact root only when ``exact``.

    The cut points are the polynomials' exact real roots in ``(0, 1)``. Between two cuts every
    polynomial keeps its sign, read exactly at a rational point; a cut next to a feasible
    stretch is feasible by continuity, and only a cut between two infeasible stretches (an
    isolated point) is read in 60-digit arithmetic, as ``>= -SYMBOLIC_ZERO``.
    """
    import mpmath
    import sympy

    d = sympy.Symbol("d")
    coeffs = [[Fraction(c) for c in p] for p in constraints]
    polys = [sympy.Poly(list(reversed([sympy.Rational(c.numerator, c.denominator) for c in p])),
                        d) for p in coeffs]
    with mpmath.workdps(60):
        def value(x: Any) -> Any:
            return mpmath.mpf(str(sympy.N(x, 60)))

        found: list[tuple[Any, Any]] = [(mpmath.mpf(0), sympy.Integer(0))]
        for poly in polys:
            if poly.is_zero or poly.degree() < 1:
                continue
            for root in set(sympy.real_roots(poly)):
                v = value(root)
                if 0 < v < 1:
                    found.append((v, root))
        found.sort(key=lambda item: item[0])
        points: list[tuple[Any, Any]] = []
        for v, root in found:  # the same number found as the root of two constraints
            if points and abs(v - points[-1][0]) < mpmath.mpf(SYMBOLIC_ZERO):
                if root.is_Rational and not points[-1][1].is_Rational:
                    points[-1] = (v, root)
                continue
            points.append((v, root))
        bounds = [v for v, _ in points] + [mpmath.mpf(1)]

        def stretch_ok(i: int) -> bool:
            man, exp = ((bounds[i] + bounds[i + 1]) / 2).man_exp
            mid = Fraction(man) * Fraction(2) ** exp
            return all(_horner(c, mid) >= 0 for c in coeffs)

        def point_ok(v: Any) -> bool:
            return all(sum(mpmath.mpf(c.numerator) / c.denominator * v**i
                           for i, c in enumerate(p)) >= -mpmath.mpf(SYMBOLIC_ZERO)
                       for p in coeffs)

        stretches = [stretch_ok(i) for i in range(len(points))]
        intervals: list[tuple[int, int]] = []  # (first point, last bound) indices
        for i, (v, _) in enumerate(points):
            joined = bool(intervals) and intervals[-1][1] == i
            if stretches[i]:
                if joined:
                    intervals[-1] = (intervals[-1][0], i + 1)
                else:
                    intervals.append((i, i + 1))
            elif not joined and point_ok(v):
                intervals.append((i, i))
    if not intervals:
        return CriticalDiscount.never()
    ends = [*(root for _, root in points), sympy.Integer(1)]
    feasible = tuple((float(ends[a]), float(ends[b])) for a, b in intervals)
    first = points[intervals[0][0]][1]
    if not exact:
        return CriticalDiscount(float(first), feasible)
    result = Fraction(int(first.p), int(first.q)) if first.is_Rational else first
    return CriticalDiscount(float(first), feasible, result)


def _penance(t: Number, r: Number, p: Number, s: Number, u_pun: Number, u_dev: Number,
             k: int, q: Number) -> CriticalDiscount:
    """Least ``delta`` at which ``k`` rounds of penance (penitent gets ``s``, each punisher
    ``u_pun``; a shirking punisher gets ``u_dev`` and does penance himself) sustain ``r``.

    Constraints: the defector, ``t - r <= q (r - s)(d + ... + d^k)``; the penitent,
    ``d^k (r - s) >= p - s``; the punisher with ``j`` rounds left, ``(1 - d^j) u_pun + d^j r >=
    (1 - d) u_dev + d ((1 - d^k) s + d^k r)`` for ``j = 1..k``.
    """
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
                      punishment_rounds: int = 1, sanction_cost: Number = 0
                      ) -> CriticalDiscount:
    """Van Damme's repentance strategies in the repeated Prisoner's Dilemma: the least ``delta``.

    Cooperate; a player who defects must cooperate for ``punishment_rounds`` rounds while the
    victim defects (penance; refusing restarts it), then cooperation resumes. The victim gets
    ``T - sanction_cost`` during the penance, more than ``R`` when ``sanction_cost < T - R``, so
    no continuation is Pareto-dominated by another: the equilibrium is weakly
    renegotiation-proof whenever it is subgame perfect (and ``sanction_cost <= T - R``), where
    grim reversion to ``(P, P)`` never is. With one round the threshold is
    ``max(T - R, P - S, sanction_cost - (T - R)) / (R - S)``; with ``k`` rounds, the least root
    of the three polynomial constraints (exact, a sympy algebraic number when irrational).

    Parameters
    ----------
    T, R, P, S : number
        The Prisoner's Dilemma payoffs, ``T > R > P > S``.
    punishment_rounds : int, default 1
        Rounds of penance.
    sanction_cost : number, default 0
        What punishing costs the victim each round of the penance.

    Returns
    -------
    CriticalDiscount
        Exact for exact payoffs; ``never`` when no ``delta < 1`` sustains it.

    Raises
    ------
    InvalidArgumentError
        Unless ``T > R > P > S``, or for a negative ``sanction_cost``.

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
    """
    t, r, p, s = (check_real(v, name) for v, name in ((T, "T"), (R, "R"), (P, "P"), (S, "S")))
    if not t > r > p > s:
        raise InvalidArgumentError(
            f"a Prisoner's Dilemma needs T > R > P > S, got T={T}, R={R}, P={P}, S={S}")
    k = check_positive_int(punishment_rounds, "punishment_rounds", 1)
    cost = check_real(sanction_cost, "sanction_cost", low=0)
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
        What administering a targeted sanction costs each punisher each round (exclusion,
        enforcement): who pays to punish. Collective reversion needs no administration.
    punishment_rounds : int, default 1
        Rounds of penance a defector owes under targeted sanctions; untargeted sanctions revert
        forever (grim, the harshest collective punishment).
    detection : number, default 1
        Probability that a defection from cooperation is detected (the punishment phase is
        played in the open).

    Notes
    -----
    Exact parameters give exact thresholds (Fractions; with ``punishment_rounds >= 2`` possibly
    sympy algebraic numbers); floats give floats. Change parameters with :meth:`with_`.

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

    # -- the stage game ----------------------------------------------------------------------
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

    # -- the questions -----------------------------------------------------------------------
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

        Untargeted: never while cooperation is worth having (``R > P``): every member gets
        ``P`` in the punishment and ``R`` by forgiving. Targeted: iff each punisher gets at least
        ``R`` during the penance (the penitent always gets less); cooperation and penances of
        different members are then unranked.

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
            0 when contributing is dominant (``m >= 1``); ``never`` when cooperation is not worth
            having (``R <= P``), when the sanction is renegotiable under
            ``"renegotiation_proof"``, or when no ``delta < 1`` satisfies the constraints.
            Untargeted and subgame perfect: ``(T - R) / ((T - R) + q (R - P))``. Targeted with one
            round of penance: ``max((T - R) / q, P - S, u_dev - u_pun) / (R - S)``.

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
