"""Nested cores: reciprocity inside small subgroups, selective incentives at the centre.

Bendor and Mookherjee (1987) represent ongoing collective action as an n-person repeated
prisoner's dilemma and compare institutional structures. Their abstract (p. 129) states the
results this module is about: decentralized conditional cooperation "can ease iterated
collective action dilemmas -- if all players perfectly monitor the relation between
individual choices and group payoffs"; once monitoring is uncertain "such strategies degrade
rapidly in value, and centrally administered selective incentives become relatively more
valuable"; a hierarchical structure, "with reciprocity used in subunits and selective
incentives centrally administered", "is more stable than the decentralized structure and
often secures more cooperation than the centralized structure". Kahler (1992) asks how
multilateral institutions cope with large numbers; the G7 inside the G20, the G20 inside the
UN and plurilaterals inside the WTO are the library's present-day instances of such small
cores, not Kahler's (the G20 and the WTO postdate his article).

The model (the library's, built to carry that mechanism; only the paper's abstract was
available to us, not its payoff function, propositions or numbers):

* Stage game: the linear n-person Prisoners' Dilemma. Each cooperator gives every other
  member ``(b + c) / (n - 1)`` at a cost ``c`` to himself, so defecting gains ``cost``
  ``c = T - R`` and universal defection costs each member ``benefit`` ``b = R - P``.
* Monitoring: each member's action is misread with probability ``monitoring_error``
  (``epsilon < 1/2``), independently, in a public record. A group of ``m`` cooperators shows a
  clean record with probability ``s_m = (1 - epsilon)^m``: false alarms rise with the number
  monitored. One deviator cuts it to ``epsilon (1 - epsilon)^(m - 1)``, so a deviation raises
  the chance of punishment by ``d_m = (1 - epsilon)^(m - 1) (1 - 2 epsilon)``.
* Flat (decentralized): everyone plays a trigger strategy on the whole group's record; one
  apparent defection anywhere starts a punishment phase of universal defection (forever, or
  for ``punishment_rounds`` rounds).
* Nested (federated): the members are partitioned into ``subgroups``; each subgroup runs the
  trigger strategy on its own record only (reciprocity inside), the other subgroups go on
  cooperating, and the centre sanctions each member of a subgroup whose record shows a
  defection, for the length of the punishment phase, by the share ``selective_incentive`` of
  what the rest of a cooperating federation gives him (the selective incentive: a fixed
  sanction, which does not lapse while other subgroups are themselves punished or not
  cooperating; a literal withholding would be worth less then). A member of a punished
  subgroup of size ``m`` then loses, per period (:meth:`NestedCores.stake`),
  ``B_m = b - (1 - selective_incentive)(b + c)(n - m) / (n - 1)``: the full ``b`` with a full
  selective incentive, and without one only what his own subgroup gives him, which is
  negative when ``m`` is too small to be worth its own reciprocity.

With ``S = delta + ... + delta^L`` (``S = delta / (1 - delta)`` for grim), the one-shot
deviation principle gives: cooperation in a group of size ``m`` with stake ``B`` is a
(perfect public) equilibrium iff ``c (1 + (1 - s_m) S) <= d_m B S``, i.e.
``S >= S* = c / (d_m B - c (1 - s_m))``. The critical discount factor solves
``S(delta) = S*`` (grim: ``delta* = c / (c s_m + d_m B)``, a Fraction for exact inputs; one
round: ``delta* = S*``; longer phases: the root of a polynomial, a sympy algebraic number).
On the equilibrium path noise triggers punishment phases: the long-run share of periods a
group of size ``m`` cooperates is ``1 / (1 + (1 - s_m) L)`` (zero under grim once
``epsilon > 0``); with ``delta`` given, a group it does not sustain cooperates not at all.
For ``n <= 4`` the tests check these thresholds against the generic repeated-game solver on
the stage game with public trigger automata (flat, and nested without the centre), and the
cooperation shares against a simulation.

Findings (the library's, from these formulas): with perfect monitoring the flat threshold is
``c / (c + b)`` whatever ``n``, and a federation with a full selective incentive has the same
one; with noise the flat threshold rises with ``n`` and is never met past a size, while a
federation of smaller subgroups with a full selective incentive has a strictly lower
threshold and, with finite punishment phases, cooperates more of the time. The cooperation
comparison against the flat group is the library's addition: Bendor and Mookherjee's
"more cooperation" is against the centralized structure. Without the centre a subgroup risks
only what its own members give it, so at low noise the federation is *less* stable than the
flat group and subgroups below ``1 + c (n - 1) / (b + c)`` members cannot sustain anything
(Schelling's minimal coalition): the centre's incentives are what make nesting pay.

Departures from Bendor and Mookherjee, as far as their abstract shows them:

* Monitoring. Their uncertainty is in "the relation between individual choices and group
  payoffs" (a noisy group payoff); here each member's action is misread independently, a
  different technology with the same consequence (the chance of a false alarm rises with the
  number watched).
* The centre. It reads every subgroup's record at no cost, cannot err about which subgroup
  to sanction beyond the records' own noise, and is no player (its sanctions need no
  incentive). So splitting all the way down to subgroups of one -- their *centralized*
  structure, selective incentives on individuals -- is the most stable of all here. Their
  finding that the hierarchy "often secures more cooperation than the centralized
  structure" rests on the limits of central administration, which this model does not
  represent: it reproduces the hierarchy-against-decentralization comparison only.
* Strategies. Trigger strategies with punishment phases of fixed length (Green and Porter
  1984), not optimal ones (Abreu, Pearce and Stacchetti 1990); "stability" is read as the
  critical discount factor.

References
----------
.. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing
   collective action. *American Political Science Review* 81(1), 129-154 (p. 129, abstract:
   decentralized reciprocity works under perfect monitoring, degrades rapidly in value under
   monitoring uncertainty; the hierarchical form is more stable than the decentralized one
   and often secures more cooperation than the centralized one). The body of the paper was
   not available to us; no proposition or page beyond the abstract is cited.
.. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708 (multilateral governance of large numbers; only its opening
   was available to us).
.. [3] Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect price
   information. *Econometrica* 52(1), 87-100 (trigger strategies with punishment phases
   started by noise).
.. [4] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
   externalities. *Journal of Conflict Resolution* 17(3), 381-428 (the least number ``k`` of
   cooperators who gain from cooperating even if the rest do not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError, InvalidTypeError
from ..results import CriticalDiscount
from ..types import Number
from .base import Model

__all__ = ["CoreComparison", "NestedCores"]
__dir__ = public_dir(__all__)

Structure = Literal["flat", "nested"]
_MAX_SUBGROUPS = 10**6  # the subgroup sizes are listed, one per subgroup


def _partition(n: int, subgroups: Any) -> tuple[int, ...]:
    """The subgroup sizes: ``k`` equal subgroups for an int, else the given sizes."""
    if isinstance(subgroups, bool):
        raise InvalidTypeError(f"subgroups must be an int or a sequence of sizes, got "
                               f"{subgroups!r}")
    if isinstance(subgroups, int):
        k = check_positive_int(subgroups, "subgroups", 1, maximum=_MAX_SUBGROUPS,
                               why=" (one size is kept per subgroup)")
        if n % k:
            raise InvalidArgumentError(
                f"subgroups={k} equal subgroups do not partition n={n}; give the sizes "
                "explicitly (a sequence of positive ints summing to n)")
        return (n // k,) * k
    if not isinstance(subgroups, Sequence) or isinstance(subgroups, str):
        raise InvalidTypeError(f"subgroups must be an int or a sequence of sizes, got "
                               f"{subgroups!r}")
    sizes = tuple(check_positive_int(m, "subgroups", 1) for m in subgroups)
    if not sizes or sum(sizes) != n:
        raise InvalidArgumentError(
            f"subgroups must partition the n={n} members: sizes {sizes} sum to "
            f"{sum(sizes)}")
    return sizes


def _root(target: Any, rounds: int) -> tuple[float, Any]:
    """The ``delta`` in ``(0, 1)`` with ``delta + ... + delta^rounds = target`` (float, exact)."""
    if rounds == 1:
        return float(target), target if isinstance(target, Fraction) else None
    if isinstance(target, Fraction):
        import sympy

        d = sympy.Symbol("d")
        poly = sympy.Poly(sum(d**j for j in range(1, rounds + 1))
                          - sympy.Rational(target.numerator, target.denominator), d)
        root = next(x for x in sympy.real_roots(poly) if x > 0)
        return float(root), root
    low, high = 0.0, 1.0  # the sum is increasing on (0, 1): bisection
    for _ in range(200):
        mid = (low + high) / 2
        if sum(mid**j for j in range(1, rounds + 1)) < target:
            low = mid
        else:
            high = mid
    return high, None


@dataclass(frozen=True)
class CoreComparison:
    """Flat against nested at one discount factor (what :meth:`NestedCores.compare` returns).

    Attributes
    ----------
    delta : number or None
        The discount factor compared at (None: each group at a discount factor that
        sustains it, if any does).
    flat_critical, nested_critical : CriticalDiscount
        The two structures' critical discount factors.
    flat_cooperation, nested_cooperation : number
        Long-run expected share of members cooperating on the equilibrium path at ``delta``.
    more_stable : {"nested", "flat", "equal"}
        The structure with the lower critical discount factor.
    more_cooperation : {"nested", "flat", "equal"}
        The structure with more long-run cooperation at ``delta``.

    See Also
    --------
    NestedCores.compare : builds it.

    References
    ----------
    .. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of
       ongoing collective action. *American Political Science Review* 81(1), 129-154
       (p. 129: the hierarchical form is more stable than the decentralized structure).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.NestedCores(n=20, subgroups=4, monitoring_error=Fraction(1, 50),
    ...                           punishment_rounds=2)
    >>> m.compare().more_stable
    'nested'
    """

    delta: Number | None
    flat_critical: CriticalDiscount
    nested_critical: CriticalDiscount
    flat_cooperation: Number
    nested_cooperation: Number
    more_stable: str
    more_cooperation: str


def _order(flat: Any, nested: Any, lower_wins: bool) -> str:
    if flat == nested:
        return "equal"
    nested_wins = (nested < flat) == lower_wins
    return "nested" if nested_wins else "flat"


@dataclass(frozen=True, eq=False, repr=False)
class NestedCores(Model):
    """Bendor and Mookherjee's comparison: a flat group against a federation of subgroups.

    Parameters
    ----------
    n : int
        Number of members (>= 2).
    subgroups : int or sequence of int
        The federation's subgroups: ``k`` (equal sizes; ``k`` must divide ``n``) or the sizes
        (positive, summing to ``n``). One subgroup of ``n`` is the flat group; ``n`` subgroups
        of one are centrally administered selective incentives on individuals.
    benefit : number, default 1
        What universal defection costs each member per period (``R - P`` of the linear
        n-person Prisoners' Dilemma).
    cost : number, default 1/2
        The one-period gain from defecting (``T - R``), the cost of cooperating.
    monitoring_error : number, default 0
        Probability that one member's action is misread, in ``[0, 1/2)``; at ``1/2`` the
        record says nothing about what was done.
    selective_incentive : number, default 1
        The centre's sanction on a subgroup whose record shows a defection, as a share in
        ``[0, 1]`` of what the rest of a cooperating federation gives its members, per period
        of the punishment phase (1: the subgroup's members lose the whole ``benefit``; 0: no
        centre, they lose only what their own subgroup gives them).
    punishment_rounds : int, optional
        Length of a punishment phase (``None``: forever, grim trigger).

    Notes
    -----
    Exact inputs give exact outputs: Fractions, and for ``punishment_rounds >= 2`` a sympy
    algebraic number in :attr:`CriticalDiscount.exact <multilateral.results.CriticalDiscount>`.
    Floats give floats. The stage game is the linear n-person Prisoners' Dilemma (each
    cooperator gives every other member ``(b + c) / (n - 1)`` at a cost ``c``); the model
    works with its temptation and per-period stakes in closed form, for any ``n``, and
    builds no game object (the tests build the game for ``n <= 4`` and check the thresholds
    with :func:`multilateral.solvers.critical_discount`). Change parameters with
    :meth:`with_`.

    ``subgroups=1`` is the flat group; ``subgroups=n`` (singletons) is centralized selective
    incentives on individuals, which with a free, fully informed centre is the most stable
    structure: the model does not represent the limits of central administration on which
    Bendor and Mookherjee's hierarchy-against-centralization comparison rests (see the
    module docstring for the other departures).

    References
    ----------
    .. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of
       ongoing collective action. *American Political Science Review* 81(1), 129-154
       (p. 129, abstract: decentralized reciprocity degrades rapidly in value under
       monitoring uncertainty; the hierarchical structure is more stable than the
       decentralized one).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708.
    .. [3] Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect
       price information. *Econometrica* 52(1), 87-100.

    See Also
    --------
    multilateral.models.ConditionalCooperation : Oye's flat group with detection probability.
    multilateral.models.PublicMonitoring : the flat group under an explicit public signal.
    multilateral.models.MagicNumber : Naim's minilateral club size.
    multilateral.results.CriticalDiscount : what :meth:`critical_discount` returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.NestedCores(n=21, subgroups=(7, 14), monitoring_error=Fraction(1, 100))
    >>> [round(float(m.critical_discount(s)), 4) for s in ("flat", "nested")]
    [0.4145, 0.3863]
    >>> big = ml.models.NestedCores(n=40, subgroups=8, monitoring_error=0.05)
    >>> big.critical_discount("flat"), big.critical_discount("nested")
    (CriticalDiscount(never), CriticalDiscount(0.44645))
    >>> m.with_(punishment_rounds=1).cooperation("nested") > m.with_(punishment_rounds=1
    ...                                                            ).cooperation("flat")
    True
    """

    n: int
    subgroups: int | tuple[int, ...]
    benefit: Number = 1
    cost: Number = Fraction(1, 2)
    monitoring_error: Number = 0
    selective_incentive: Number = 1
    punishment_rounds: int | None = None

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        object.__setattr__(self, "subgroups", _partition(self.n, self.subgroups))
        object.__setattr__(self, "benefit",
                           check_real(self.benefit, "benefit", low=0, open_low=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost", low=0, open_low=True))
        eps = check_probability(self.monitoring_error, "monitoring_error", exact=True)
        if eps >= Fraction(1, 2):
            raise InvalidArgumentError(
                f"monitoring_error must be < 1/2, got {self.monitoring_error!r}: at 1/2 a "
                "cooperation and a defection leave the same record, so monitoring is "
                "uninformative (above 1/2 it is informative only read backwards)")
        object.__setattr__(self, "monitoring_error", eps)
        object.__setattr__(self, "selective_incentive", check_probability(
            self.selective_incentive, "selective_incentive", exact=True))
        if self.punishment_rounds is not None:
            check_positive_int(self.punishment_rounds, "punishment_rounds", 1)

    def __repr__(self) -> str:
        sizes = self.subgroups
        assert isinstance(sizes, tuple)
        shown = (f"{len(sizes)}x{sizes[0]}" if len(set(sizes)) == 1 and len(sizes) > 3
                 else str(sizes))
        parts = [f"n={self.n}", f"subgroups={shown}", f"benefit={format_number(self.benefit)}",
                 f"cost={format_number(self.cost)}",
                 f"monitoring_error={format_number(self.monitoring_error)}"]
        if self.selective_incentive != 1:
            parts.append(f"selective_incentive={format_number(self.selective_incentive)}")
        if self.punishment_rounds is not None:
            parts.append(f"punishment_rounds={self.punishment_rounds}")
        return f"NestedCores({', '.join(parts)})"

    # -- the pieces ----------------------------------------------------------------------
    def _sizes(self, structure: Structure) -> tuple[int, ...]:
        if structure == "flat":
            return (self.n,)
        if structure == "nested":
            sizes = self.subgroups
            assert isinstance(sizes, tuple)
            return sizes
        raise InvalidArgumentError(f"structure must be 'flat' or 'nested', got {structure!r}")

    def clean_record(self, size: int) -> Any:
        """Probability ``(1 - epsilon)^size`` that ``size`` cooperators show no defection.

        One minus it is the false-alarm probability, which rises with the number monitored.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.NestedCores(n=4, subgroups=2, monitoring_error=Fraction(1, 10)
        ...                       ).clean_record(2)
        Fraction(81, 100)
        """
        check_positive_int(size, "size", 1)
        return (1 - self.monitoring_error) ** size

    def stake(self, size: int) -> Any:
        """Per-period loss to a member of a punished group of ``size`` members.

        In the linear n-person Prisoners' Dilemma (each cooperator gives each other member
        ``(b + c) / (n - 1)`` at a cost ``c`` to himself) a member of a punished subgroup of
        ``m`` loses what the other ``m - 1`` members gave him, net of the cost he saves
        himself, ``(b + c)(m - 1) / (n - 1) - c``, plus what the centre withholds: the share
        ``selective_incentive`` of what the other ``n - m`` members give him,
        ``selective_incentive (b + c)(n - m) / (n - 1)``. The full ``benefit`` ``b = R - P``
        for the flat group (``size == n``) and for any subgroup with a full selective
        incentive; negative for a subgroup too small to be worth its own reciprocity. In one
        line: ``b - (1 - selective_incentive)(b + c)(n - m) / (n - 1)``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=11, subgroups=(5, 6), cost=Fraction(1, 2),
        ...                           selective_incentive=Fraction(1, 2))
        >>> m.stake(11), m.stake(5), m.with_(selective_incentive=0).stake(5)
        (Fraction(1, 1), Fraction(11, 20), Fraction(1, 10))
        """
        check_positive_int(size, "size", 1)
        if size > self.n:
            raise InvalidArgumentError(f"size must be at most n={self.n}, got {size}")
        rest = Fraction(self.n - size, self.n - 1)   # what the n - m others give, per (b + c)
        return self.benefit - (1 - self.selective_incentive) * (self.benefit + self.cost) * rest

    def _sum_threshold(self, size: int) -> Any:
        """``S*``: the least ``delta + ... + delta^L`` sustaining a group of ``size`` (None:
        no finite sum does)."""
        eps, c = self.monitoring_error, self.cost
        s = (1 - eps) ** size
        d = (1 - eps) ** (size - 1) * (1 - 2 * eps)
        margin = d * self.stake(size) - c * (1 - s)
        if margin <= 0:
            return None
        target = c / margin
        if self.punishment_rounds is not None and target >= self.punishment_rounds:
            return None
        return target

    def _critical(self, target: Any) -> CriticalDiscount:
        if target is None:
            return CriticalDiscount.never()
        if self.punishment_rounds is None:
            return CriticalDiscount.at_least(target / (1 + target))
        value, exact = _root(target, self.punishment_rounds)
        return CriticalDiscount(value, ((value, 1.0),), exact)

    def _sustains(self, target: Any, delta: Any) -> bool:
        """Whether ``delta`` (None: some discount factor) meets the sum threshold ``target``,
        compared exactly on ``delta + ... + delta^L`` (no rounding at the threshold)."""
        if target is None or delta is None:
            return target is not None
        if delta == 1:
            return True
        rounds = self.punishment_rounds
        total = (delta / (1 - delta) if rounds is None
                 else sum(delta**j for j in range(1, rounds + 1)))
        return bool(total >= target)

    def _binding(self, structure: Structure) -> Any:
        targets = [self._sum_threshold(m) for m in set(self._sizes(structure))]
        return None if any(t is None for t in targets) else max(targets)

    # -- thresholds ----------------------------------------------------------------------
    def critical_discount(self, structure: Structure = "nested") -> CriticalDiscount:
        """The least discount factor at which the structure sustains cooperation.

        Nested: every subgroup must sustain its own reciprocity, so the subgroup with the
        highest threshold binds (see :meth:`subgroup_critical_discounts`).

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=6, subgroups=3, monitoring_error=Fraction(1, 10))
        >>> m.critical_discount("flat"), m.critical_discount("nested")
        (CriticalDiscount(40000/59049), CriticalDiscount(4/9))
        >>> ml.models.NestedCores(n=6, subgroups=3).critical_discount()   # c / (c + b)
        CriticalDiscount(1/3)
        """
        return self._critical(self._binding(structure))

    def subgroup_critical_discounts(self) -> tuple[CriticalDiscount, ...]:
        """Each subgroup's own critical discount factor, in the order of ``subgroups``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=9, subgroups=(3, 6), monitoring_error=Fraction(1, 10))
        >>> [float(cd) for cd in m.subgroup_critical_discounts()]  # doctest: +ELLIPSIS
        [0.49..., 0.67...]
        """
        return tuple(self._critical(self._sum_threshold(m)) for m in self._sizes("nested"))

    # -- cooperation on the equilibrium path ---------------------------------------------
    def _level(self, size: int) -> Any:
        p = 1 - self.clean_record(size)
        one = 1 - self.monitoring_error * 0
        if self.punishment_rounds is None:
            return one if p == 0 else one * 0
        return one / (1 + p * self.punishment_rounds)

    def cooperation(self, structure: Structure = "nested", delta: Number | None = None) -> Any:
        """Long-run expected share of members cooperating on the equilibrium path.

        Noise starts punishment phases even though nobody defects: a group of ``m``
        cooperates ``1 / (1 + (1 - (1 - epsilon)^m) L)`` of the time (zero under grim once
        ``epsilon > 0``). With ``delta`` given, a group whose critical discount factor exceeds
        ``delta`` cooperates not at all.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=4, subgroups=2, cost=Fraction(1, 4),
        ...                           monitoring_error=Fraction(1, 10), punishment_rounds=1)
        >>> m.cooperation("flat"), m.cooperation("nested")
        (Fraction(10000, 13439), Fraction(100, 119))
        >>> m.cooperation("flat", delta=Fraction(1, 2))   # the flat threshold is 10000/19889
        Fraction(0, 1)
        """
        if delta is not None:
            delta = check_probability(delta, "delta", exact=True)
        total: Any = 0
        for m in self._sizes(structure):
            target = self._sum_threshold(m)
            level = self._level(m)
            if not self._sustains(target, delta):
                level = level * 0
            total = total + level * Fraction(m, self.n)
        return total

    def compare(self, delta: Number | None = None) -> CoreComparison:
        """Flat against nested: thresholds, cooperation at ``delta``, and which is better.

        Stability is compared exactly (on ``delta + ... + delta^L``, which the threshold
        increases with), so ties are ties.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=30, subgroups=(5, 10, 15), punishment_rounds=3,
        ...                           monitoring_error=Fraction(1, 100))
        >>> r = m.compare(Fraction(9, 10))
        >>> r.more_stable, r.more_cooperation
        ('nested', 'nested')
        >>> m.with_(monitoring_error=0).compare().more_stable   # perfect monitoring: a tie
        'equal'
        """
        inf = float("inf")
        flat, nested = self._binding("flat"), self._binding("nested")
        f_coop = self.cooperation("flat", delta)
        n_coop = self.cooperation("nested", delta)
        return CoreComparison(
            delta=delta, flat_critical=self._critical(flat), nested_critical=self._critical(nested),
            flat_cooperation=f_coop, nested_cooperation=n_coop,
            more_stable=_order(inf if flat is None else flat, inf if nested is None else nested,
                               lower_wins=True),
            more_cooperation=_order(f_coop, n_coop, lower_wins=False))
