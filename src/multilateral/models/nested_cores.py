"""Nested cores: reciprocity inside small subgroups, selective incentives at the centre.

Bendor and Mookherjee (1987) represent ongoing collective action as an n-person repeated
prisoner's dilemma and compare institutional structures. Decentralized conditional cooperation
(trigger strategies on the whole group's record) works if every member monitors perfectly;
once monitoring is uncertain it "degrades rapidly" as the group grows. A hierarchical
(federated) structure -- reciprocity used inside subunits, selective incentives administered
by the centre -- "is more stable than the decentralized structure" (p. 129, abstract). Kahler
(1992) reads international institutions the same way: small cores (the G7 inside the G20, the
G20 inside the UN, plurilaterals inside the WTO) carry cooperation inside large memberships.

The model (the library's reduced form of that mechanism; the paper's own payoff function and
numbers were not available to us, only its abstract):

* ``n`` members, each period each cooperates or defects. Defecting gains ``cost`` (``c``, the
  one-period temptation ``T - R``); a punishment phase costs every member of the punished
  group ``benefit`` per period (``b = R - P``).
* Monitoring: each member's action is misread with probability ``monitoring_error``
  (``epsilon < 1/2``), independently. A group of ``m`` cooperators shows a clean record with
  probability ``s_m = (1 - epsilon)^m``: false alarms rise with the number monitored. One
  deviator cuts it to ``epsilon (1 - epsilon)^(m - 1)``, so a deviation raises the chance of
  punishment by ``d_m = (1 - epsilon)^(m - 1) (1 - 2 epsilon)``.
* Flat (decentralized): everyone plays a trigger strategy on the whole group's record; one
  apparent defection anywhere starts a punishment phase for all (forever, or for
  ``punishment_rounds`` rounds).
* Nested (federated): the members are partitioned into ``subgroups``; each subgroup runs the
  trigger strategy on its own record only, and the centre treats subgroups as players: when a
  subgroup's record shows a defection, the subgroup's own cooperation stops (reciprocity inside)
  and the centre withholds the share ``selective_incentive`` of the rest of the federation's
  benefit from it (the selective incentive). A member of a subgroup of size ``m`` then stakes
  ``B_m = b (m / n + selective_incentive (1 - m / n))`` per punishment period; the other
  subgroups go on cooperating.

With ``S = delta + ... + delta^L`` (``S = delta / (1 - delta)`` for grim), cooperation in a
group of size ``m`` with stake ``B`` is an equilibrium iff ``c (1 + (1 - s_m) S) <= d_m B S``,
i.e. ``S >= S* = c / (d_m B - c (1 - s_m))``. The critical discount factor solves
``S(delta) = S*`` (grim: ``delta* = c / (c s_m + d_m B)``, a Fraction for exact inputs; one
round: ``delta* = S*``; longer phases: the root of a polynomial, a sympy algebraic number).
On the equilibrium path noise triggers punishment phases: the long-run share of periods a
group of size ``m`` cooperates is ``1 / (1 + (1 - s_m) L)`` (zero under grim once
``epsilon > 0``).

Findings (the library's, from these formulas): with perfect monitoring both structures have
the same threshold ``c / (c + b)`` when ``selective_incentive = 1``, whatever ``n``; with noise
the flat threshold rises with ``n`` and is never met past a size, while a federation of
smaller subgroups with full selective incentives has a strictly lower threshold and more
cooperation. With weak selective incentives the federation fragments the stake (each subgroup
risks only its own share ``m / n``), so at low noise it is *less* stable than the flat group:
the centre's incentives are what make nesting pay, as Bendor and Mookherjee argue.

What the model leaves out: the centre here reads every subgroup's record at no cost and its
selective incentive is as strong as the stake, so splitting all the way down to subgroups of
one -- Bendor and Mookherjee's *centralized* structure, selective incentives on individuals --
is the most stable of all. Their finding that the hierarchy "often secures more cooperation
than the centralized structure" (p. 129) rests on the limits of central administration,
which this model does not represent; it reproduces the hierarchy-against-decentralization
comparison only.

References
----------
.. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of ongoing
   collective action. *American Political Science Review* 81(1), 129-154 (p. 129, abstract:
   decentralized reciprocity works under perfect monitoring, degrades rapidly under
   monitoring uncertainty; the hierarchical form is more stable).
.. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.
.. [3] Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect price
   information. *Econometrica* 52(1), 87-100 (trigger strategies with punishment phases
   started by noise).
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


def _partition(n: int, subgroups: Any) -> tuple[int, ...]:
    """The subgroup sizes: ``k`` equal subgroups for an int, else the given sizes."""
    if isinstance(subgroups, bool):
        raise InvalidTypeError(f"subgroups must be an int or a sequence of sizes, got "
                               f"{subgroups!r}")
    if isinstance(subgroups, int):
        k = check_positive_int(subgroups, "subgroups", 1)
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
        The discount factor compared at (None: each structure assumed sustained).
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
        What a punishment phase costs each punished member per period (``R - P``).
    cost : number, default 1/2
        The one-period gain from defecting (``T - R``).
    monitoring_error : number, default 0
        Probability that one member's action is misread, in ``[0, 1/2)``; at ``1/2`` the
        record says nothing about what was done.
    selective_incentive : number, default 1
        Share in ``[0, 1]`` of the rest of the federation's benefit that the centre withholds
        from a subgroup whose record shows a defection (1: full exclusion; 0: no centre).
    punishment_rounds : int, optional
        Length of a punishment phase (``None``: forever, grim trigger).

    Notes
    -----
    Exact inputs give exact outputs: Fractions, and for ``punishment_rounds >= 2`` a sympy
    algebraic number in :attr:`CriticalDiscount.exact <multilateral.results.CriticalDiscount>`.
    Floats give floats. The model is in reduced form (temptation and stake per period), so it
    has no stage-game object. Change parameters with :meth:`with_`.

    ``subgroups=1`` is the flat group; ``subgroups=n`` (singletons) is centralized selective
    incentives on individuals, which with a free, fully informed centre is the most stable
    structure: the model does not represent the limits of central administration on which
    Bendor and Mookherjee's hierarchy-against-centralization comparison rests.

    References
    ----------
    .. [1] Bendor, J. and Mookherjee, D. (1987). Institutional structure and the logic of
       ongoing collective action. *American Political Science Review* 81(1), 129-154
       (p. 129: decentralized reciprocity degrades under monitoring uncertainty; the
       hierarchical structure is more stable).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708 (small cores within large institutions).
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

        The full ``benefit`` for the flat group (``size == n``); inside a federation the
        subgroup's own share ``size / n`` of it plus the centre's selective incentive on the
        rest.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.NestedCores(n=10, subgroups=2, selective_incentive=Fraction(1, 2))
        >>> m.stake(10), m.stake(5)
        (Fraction(1, 1), Fraction(3, 4))
        """
        check_positive_int(size, "size", 1)
        share = Fraction(size, self.n)
        return self.benefit * (share + self.selective_incentive * (1 - share))

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
            if target is None or (delta is not None
                                  and self._critical(target).delta > float(delta)):
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
