"""The magic number: the fewest members for the largest impact.

Naím (2009) proposed *minilateralism*: bring to the table "the smallest possible number of
countries needed to have the largest possible impact" on a problem. Kahler (1992) had asked
the same question of postwar multilateralism, whose large numbers were managed by small
cores of great powers; Eckersley (2012) asked it of the climate negotiations, where a
minilateral core of major emitters competes with the universal UNFCCC process.

The model makes the trade-off explicit. Members ``i = 1..n`` carry weights ``w_i >= 0``
summing to one (shares of emissions, GDP, votes). A club ``S`` of ``k = |S|`` members covers
the share ``s(S) = sum_{i in S} w_i``. Its expected net benefit is

    NB(S) = p(k) * B(s(S)) - C(k)

where

* ``B`` is the benefit of covering the share ``s`` -- linear ``B s``, concave ``B sqrt(s)``,
  a threshold ``B 1[s >= s*]`` (a critical mass), or any nondecreasing function;
* ``C(k)`` is a direct cost of cooperation -- per member (``c k``: negotiation, side
  payments) or any function of ``k``;
* ``p(k)`` is the probability that the club's cooperation is *sustained*: the critical
  discount factor of a given :class:`~multilateral.models.ConditionalCooperation` model. A
  ``k``-member club sustains cooperation when its members' discount factor ``delta`` is at
  least that model's ``delta*(k)``. Whether ``delta*(k)`` rises with ``k`` follows from that
  model's assumptions: with a fixed multiplier ``r`` each member's return ``r / k`` falls as
  members join (Olson's dilution); a ``detection`` probability that falls with ``k`` is
  Oye's transparency channel in reduced form (assumed, not derived from a signal as in
  :class:`~multilateral.models.PublicMonitoring`); with a fixed per-capita return, perfect
  detection and collective reversion ``delta*(k)`` falls with ``k``. With a known ``delta``
  this is a 0/1 indicator; with ``delta`` uncertain (a distribution with a ``cdf``) it is
  ``p(k) = P(delta >= delta*(k)) = 1 - F(delta*(k))``. Without a cooperation model
  ``p = 1``.

The expected loss ``(1 - p(k)) B(s)`` is the robustness cost of a larger club; ``C(k)`` the
direct cost. Both depend on the club's *size* only, not on who is in it: members are
identical in the cooperation model (heterogeneous interests would make the identity of
members matter and are not supported here).

Two questions, both solved exactly in ``O(n log n)`` after sorting the weights:

* :meth:`MagicNumber.critical_mass` -- the fewest members reaching a coverage;
* :meth:`MagicNumber.optimal_membership` -- the club size and members that maximize ``NB``.

Why the heaviest members (greedy) are optimal. Sort the weights ``w_(1) >= w_(2) >= ...``
and let ``P_k = w_(1) + ... + w_(k)``. *Claim:* every ``k``-member club covers at most
``P_k``. Take any ``S`` with ``|S| = k`` that is not the top ``k``: it has a member ``j``
outside the top ``k`` and misses some top-``k`` member ``t``, with ``w_t >= w_j``; swapping
``j`` for ``t`` keeps the size and does not lower the coverage; after at most ``k`` swaps
``S`` is the top ``k``. Hence

* a ``k``-club can reach coverage ``c`` iff ``P_k >= c``, so the critical mass is the least
  ``k`` with ``P_k >= c`` (``P_k`` is nondecreasing: a binary search);
* for fixed ``k``, ``p(k) >= 0`` and ``C(k)`` are constants and ``B`` is nondecreasing, so
  ``NB(S) = p(k) B(s(S)) - C(k) <= p(k) B(P_k) - C(k) = NB(top k)``; the optimum over all
  ``2^n - 1`` clubs is the best of the ``n`` values ``NB(top k)``.

References
----------
.. [1] Naím, M. (2009). Minilateralism: the magic number to get real international action.
   *Foreign Policy* (online 18 June 2009).
.. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.
.. [3] Eckersley, R. (2012). Moving forward in the climate negotiations: multilateralism or
   minilateralism? *Global Environmental Politics* 12(2), 24-42.
.. [4] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24.

Notes
-----
The module runs past the library's 600 lines (to about 960) because it holds one model with
its three result classes, and half of its lines are docstrings with runnable examples;
splitting it would separate the results from the only model that returns them.
"""

from __future__ import annotations

import bisect
import itertools
import math
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol, cast

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, format_values, is_exact, readonly
from .._validation import check_positive_int, check_real, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..results import CriticalDiscount
from ..tolerances import PROBABILITY, ROOT
from ..types import Number
from .base import Model
from .conditional_cooperation import ConditionalCooperation

__all__ = ["CriticalMass", "MagicNumber", "MembershipCurve", "MinilateralResult"]
__dir__ = public_dir(__all__)

# the most unnamed members MagicNumber(others=m) lists one by one
_MAX_OTHERS = 10**6

BENEFITS = ("linear", "concave", "threshold")


class Distribution(Protocol):
    """What ``MagicNumber(delta=...)`` needs of an uncertain discount factor: a ``cdf``.

    A frozen :mod:`scipy.stats` distribution on ``[0, 1]`` (e.g. ``scipy.stats.beta(8,
    2)``) has one.
    """

    def cdf(self, x: float, /) -> float:
        """``P(delta <= x)``."""


@dataclass(frozen=True, repr=False, eq=False)
class CriticalMass:
    """The fewest members whose weights reach a required coverage.

    Unpacks as ``k, members = model.critical_mass(c)``.

    Attributes
    ----------
    k : int
        How many members.
    members : tuple of str
        Their labels, heaviest first.
    indices : tuple of int
        Their positions in the model's :attr:`MagicNumber.shares`.
    coverage : Fraction or float
        The share they cover (exact when the weights are).
    required : Fraction or float
        The coverage asked for.

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708, pp. 685-690 (small cores of great powers).

    See Also
    --------
    MagicNumber.critical_mass : computes it.
    MinilateralResult : the club that maximizes expected net benefit instead.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import MagicNumber
    >>> model = MagicNumber([Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    ...                     labels=["A", "B", "C"], cost=Fraction(1, 4))
    >>> mass = model.critical_mass(Fraction(3, 4))
    >>> mass
    CriticalMass(k=2, coverage=4/5: A, B)
    >>> k, members = mass
    >>> k, members, mass.indices
    (2, ('A', 'B'), (0, 1))
    """

    k: int
    members: tuple[str, ...]
    indices: tuple[int, ...]
    coverage: Fraction | float
    required: Fraction | float

    def __iter__(self) -> Iterator[int | tuple[str, ...]]:
        return iter((self.k, self.members))

    def __repr__(self) -> str:
        return (f"CriticalMass(k={self.k}, coverage={format_number(self.coverage)}: "
                f"{', '.join(self.members)})")


@dataclass(frozen=True, repr=False, eq=False)
class MembershipCurve:
    """Expected net benefit of the best club of each size ``k = 1..n`` (the top ``k``).

    Attributes
    ----------
    k : numpy.ndarray
        Club sizes ``1..n``.
    coverage : numpy.ndarray
        ``P_k``, the share covered by the ``k`` heaviest members.
    critical_discount : numpy.ndarray or None
        ``delta*(k)`` of the cooperation model (``inf`` where no discount factor sustains
        cooperation); ``None`` without a cooperation model (every club is then taken to
        hold, ``p(k) = 1``).
    p_sustained : numpy.ndarray
        ``p(k)``, the probability that the club's cooperation is sustained.
    benefit : numpy.ndarray
        ``B(P_k)``.
    cost : numpy.ndarray
        ``C(k)``.
    net_benefit : numpy.ndarray
        ``p(k) B(P_k) - C(k)``.
    order : tuple of int
        Member indices from heaviest to lightest (the club of size ``k`` is ``order[:k]``).

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708, pp. 685-690 (small cores of great powers).

    See Also
    --------
    MagicNumber.curve : computes it.
    MinilateralResult : its best point.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import MagicNumber
    >>> model = MagicNumber([Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    ...                     labels=["A", "B", "C"], cost=Fraction(1, 4))
    >>> curve = model.curve()
    >>> curve
    MembershipCurve(n=3, best k=2, net benefit 0.3)
    >>> curve.coverage.tolist(), curve.net_benefit.round(3).tolist()
    ([0.5, 0.8, 1.0], [0.25, 0.3, 0.25])
    """

    k: NDArray[np.int64]
    coverage: NDArray[np.float64]
    critical_discount: NDArray[np.float64] | None
    p_sustained: NDArray[np.float64]
    benefit: NDArray[np.float64]
    cost: NDArray[np.float64]
    net_benefit: NDArray[np.float64]
    order: tuple[int, ...]

    def __repr__(self) -> str:
        best = int(np.argmax(self.net_benefit))
        return (f"MembershipCurve(n={len(self.k)}, best k={best + 1}, "
                f"net benefit {self.net_benefit[best]:.4g})")


@dataclass(frozen=True, repr=False, eq=False)
class MinilateralResult:
    """The club that maximizes expected net benefit (the magic number).

    Attributes
    ----------
    k : int
        The magic number: the optimal club size (the smallest one if several tie).
    members : tuple of str
        The members, heaviest first.
    indices : tuple of int
        Their positions in the model's :attr:`MagicNumber.shares`.
    coverage : Fraction or float
        The share they cover (exact when the weights are).
    net_benefit : float
        Its expected net benefit.
    p_sustained : float
        The probability that its cooperation is sustained.
    curve : MembershipCurve
        The whole curve over ``k``, for plots and comparisons (e.g. against the universal
        club ``k = n``).
    exact : Fraction or None
        ``net_benefit`` in exact arithmetic, when every input it depends on is exact (the
        weights, ``scale``, a number ``cost``, a number ``delta``) and the benefit is
        ``"linear"`` or ``"threshold"`` (a concave benefit is a square root); else None.

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708, pp. 685-690 (small cores of great powers).

    See Also
    --------
    MagicNumber.optimal_membership : computes it.
    MembershipCurve : the curve it maximizes.
    CriticalMass : the fewest members that reach a coverage instead.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import MagicNumber
    >>> model = MagicNumber([Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    ...                     labels=["A", "B", "C"], cost=Fraction(1, 4))
    >>> best = model.optimal_membership()
    >>> best
    MinilateralResult(k=2, coverage=4/5, net_benefit=0.3: A, B)
    >>> best.worthwhile, best.members
    (True, ('A', 'B'))
    """

    k: int
    members: tuple[str, ...]
    indices: tuple[int, ...]
    coverage: Fraction | float
    net_benefit: float
    p_sustained: float
    curve: MembershipCurve
    exact: Fraction | None = None

    @property
    def worthwhile(self) -> bool:
        """Whether the best club does better than no agreement (net benefit > 0).

        See Also
        --------
        MagicNumber.net_benefit : the net benefit of any club.
        """
        return self.net_benefit > 0

    def __repr__(self) -> str:
        shown = ", ".join(self.members[:3]) + (", ..." if self.k > 3 else "")
        return (f"MinilateralResult(k={self.k}, coverage={format_number(self.coverage)}, "
                f"net_benefit={self.net_benefit:.4g}: {shown})")


@dataclass(frozen=True, eq=False, repr=False)
class MagicNumber(Model):
    """Naím's magic number: the club size and members that maximize expected net benefit.

    Parameters
    ----------
    weights : sequence of numbers
        Each member's weight (share of emissions, GDP, votes), ``>= 0``. They must sum to
        one unless ``normalize`` or ``others`` says how to complete them. Integers and
        Fractions stay exact (coverages are then exact Fractions); floats must sum to one
        within :data:`multilateral.tolerances.PROBABILITY`.
    labels : sequence of str, optional
        Member names (default ``"0"``, ``"1"``, ...); must be distinct.
    benefit : {"linear", "concave", "threshold"} or callable, default "linear"
        Benefit of the covered share ``s``: ``scale * s``, ``scale * sqrt(s)``,
        ``scale * (s >= threshold)``, or ``benefit(s) -> float`` for a float ``s`` in
        ``[0, 1]``. It must be nondecreasing in ``s`` (checked on a grid): that is what makes
        the heaviest members the best club.
    scale : number, default 1
        ``B``, the benefit of covering everything (``s = 1``) for the built-in benefits.
    threshold : number, default 1/2
        The critical share for ``benefit="threshold"``.
    cost : number or callable, default 0
        The direct cost of cooperation: a number ``c`` means ``C(k) = c k`` (a cost per
        member); a callable ``cost(k) -> float`` gives ``C(k)`` directly.
    cooperation : ConditionalCooperation, optional
        The robustness model: the club of size ``k`` sustains cooperation iff ``delta >=
        cooperation.critical_discount(k)`` (its ``n`` is replaced by ``k``; for ``k = 1``
        the lone member "cooperates" iff contributing pays on its own, a return ``>= 1``).
        It must not set ``benefits`` (members are identical here).
    delta : number or distribution, optional
        The members' discount factor, needed with ``cooperation``: a number in ``[0, 1)``
        (then ``p(k)`` is 0 or 1), or an object with a ``cdf`` method, such as a frozen
        :mod:`scipy.stats` distribution on ``[0, 1]`` (then ``p(k) = 1 - cdf(delta*(k))``).
    normalize : bool, default False
        Divide the weights by their total (for raw weights such as tonnes or votes).
    others : int, optional
        Complete weights that sum to less than one with ``others`` unnamed members
        (``"other 1"``, ...) sharing the remainder equally -- an explicit assumption, e.g.
        for "the rest of the world".

    Attributes
    ----------
    shares : tuple
        Every member's share after ``normalize`` or ``others`` (the fields keep the
        parameters as given, so :meth:`with_` works).
    names : tuple of str
        Every member's label, the ``others`` included.

    Notes
    -----
    *Exactness.* Exact weights keep shares, coverages (:meth:`coverage`,
    :meth:`critical_mass`) and the critical discount factors exact. The benefit side is
    computed in floats whatever the input: :meth:`curve`, :meth:`net_benefit`,
    :meth:`benefit_of` and :meth:`cost_of` are floats (a concave benefit is a square root, a
    callable benefit or cost and a distribution of ``delta`` are evaluated in floats).
    :meth:`optimal_membership` keeps its coverage exact and carries its net benefit exactly
    in ``exact`` when every input it depends on is exact (a linear or threshold benefit).

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708, pp. 685-690 (small cores of great powers).
    .. [3] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1),
       1-24, pp. 18-20 (the number of players).

    See Also
    --------
    ConditionalCooperation : the robustness model ``cooperation``.
    MinilateralResult, CriticalMass, MembershipCurve : what it returns.
    multilateral.models.k_group : Olson's smallest subgroup that gains from providing.
    multilateral.models.SelfEnforcingAgreement : the treaty sizes that are self-enforcing.
    multilateral.cases.climate.emission_shares : the weights of the climate case.

    Examples
    --------
    How few emitters reach half of global fossil CO2 emissions (Global Carbon Budget 2024
    shares for 2023; the remaining 33.6% spread over the other 161 UN members):

    >>> from fractions import Fraction
    >>> from multilateral.cases import climate
    >>> from multilateral.models import ConditionalCooperation, MagicNumber
    >>> world = MagicNumber.from_mapping(climate.emission_shares(), others=161)
    >>> world.critical_mass(Fraction(1, 2))
    CriticalMass(k=3, coverage=13/25: China, United States, India)
    >>> k, members = world.critical_mass(Fraction(44, 100))
    >>> k, members
    (2, ('China', 'United States'))

    With a robustness cost: a rival good (multiplier 3, so each member's return ``3 / k``
    is diluted as the club grows: Olson's dilution) whose defections are harder to see in
    larger clubs (detection ``1 / sqrt(k)``: Oye's transparency channel in reduced form).
    With a known discount factor of 0.7, no club of more than 27 members sustains
    cooperation:

    >>> club = ConditionalCooperation(n=2, r=3, detection=lambda k: 1 / k ** 0.5)
    >>> MagicNumber.from_mapping(climate.emission_shares(), others=161, cooperation=club,
    ...                          delta=0.7).largest_sustainable()
    27

    With the members' patience uncertain (``delta ~ Beta(8, 2)``, mean 0.8), each member
    adds coverage but lowers the chance that the club holds; the magic number is 6, well
    ahead of the universal club of all 167:

    >>> from scipy import stats
    >>> model = MagicNumber.from_mapping(climate.emission_shares(), others=161,
    ...                                  cooperation=club, delta=stats.beta(8, 2))
    >>> best = model.optimal_membership()
    >>> best
    MinilateralResult(k=6, coverage=83/125, net_benefit=0.6623: China, United States, India, ...)
    >>> round(float(best.curve.net_benefit[-1]), 3)   # the universal club
    0.352
    """

    weights: tuple[Number, ...]
    labels: tuple[str, ...] | None = None
    benefit: str | Callable[[float], float] = "linear"
    scale: Number = 1
    threshold: Number = Fraction(1, 2)
    cost: Number | Callable[[int], float] = 0
    cooperation: ConditionalCooperation | None = None
    delta: Number | Distribution | None = None
    normalize: bool = False
    others: int | None = None
    _shares: tuple[Fraction | float, ...] = field(default=(), init=False, repr=False, compare=False)
    _names: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)
    _exact: bool = field(default=False, init=False, repr=False, compare=False)

    # -- construction and validation ---------------------------------------------------------
    def __post_init__(self) -> None:
        given, shares, exact = self._check_weights()
        object.__setattr__(self, "weights", given)
        object.__setattr__(self, "_shares", shares)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_names", self._check_labels(len(shares)))
        if self.labels is not None:
            object.__setattr__(self, "labels", self._names[: len(given)])
        object.__setattr__(self, "scale", check_real(self.scale, "scale"))
        self._check_benefit()
        self._check_cost()
        self._check_cooperation()

    def __repr__(self) -> str:
        parts = [f"n={self.n}", f"weights={format_values(self.weights, digits=6, limit=4)}"]
        if self.normalize:
            parts.append("normalize=True")
        if self.others is not None:
            parts.append(f"others={self.others}")
        if self.benefit != "linear":
            shown = self.benefit if isinstance(self.benefit, str) else getattr(
                self.benefit, "__name__", "function")
            parts.append(f"benefit={shown!r}")
        if callable(self.cost) or self.cost != 0:
            shown = getattr(self.cost, "__name__", "function") if callable(self.cost) \
                else format_number(self.cost)
            parts.append(f"cost={shown}")
        if self.cooperation is not None:
            delta = format_number(self.delta) if not hasattr(self.delta, "cdf") else \
                "a distribution"
            parts.append(f"cooperation={self.cooperation!r}, delta={delta}")
        return f"MagicNumber({', '.join(parts)})"

    @classmethod
    def from_mapping(cls, weights: Mapping[str, Number],
                     **kwargs: Any) -> MagicNumber:  # Any: the constructor's other fields
        """Build from ``{label: weight}``.

        E.g. from :func:`multilateral.cases.climate.emission_shares`.

        See Also
        --------
        multilateral.cases.climate.emission_shares : a mapping to build from.
        """
        if not isinstance(weights, Mapping):
            raise InvalidTypeError(
                f"weights must be a mapping from label to weight, got {type(weights).__name__}")
        return cls(weights=tuple(weights.values()), labels=tuple(weights), **kwargs)

    def _check_weights(
        self,
    ) -> tuple[tuple[Fraction | float, ...], tuple[Fraction | float, ...], bool]:
        raw = self.weights
        if isinstance(raw, (str, bytes, Mapping)) or not isinstance(
                raw, (Sequence, np.ndarray)):
            raise InvalidTypeError(
                "weights must be a sequence of numbers (use MagicNumber.from_mapping for a "
                f"dict), got {type(raw).__name__}")
        for i, w in enumerate(raw):
            if isinstance(w, bool) or not isinstance(w, numbers.Real):
                raise InvalidTypeError(f"weights[{i}] must be a real number, got {w!r}")
        values = [check_real(w, f"weights[{i}]") for i, w in enumerate(raw)]
        if not values:
            raise InvalidArgumentError("weights must name at least one member")
        negative = [(i, w) for i, w in enumerate(values) if w < 0]
        if negative:
            i, w = negative[0]
            raise InvalidArgumentError(
                f"weights must be >= 0: weights[{i}] = {format_number(w)} is negative")
        exact = all(isinstance(w, Fraction) for w in values)
        if not exact:
            values = [float(w) for w in values]
        total = sum(values)
        if self.normalize and self.others is not None:
            raise InvalidArgumentError(
                "give normalize=True (rescale the weights) or others=m (spread the remainder "
                "over m unnamed members), not both")
        given = tuple(values)
        if self.normalize:
            if total <= 0:
                raise InvalidArgumentError("cannot normalize weights that are all zero")
            return given, tuple(w / total for w in values), exact
        if self.others is not None:
            m = check_positive_int(self.others, "others", 1)
            if m > _MAX_OTHERS:
                raise InvalidArgumentError(
                    f"others={m}: the unnamed members are listed one by one, so others is "
                    f"limited to {_MAX_OTHERS}")
            rest = 1 - total
            if rest < -(0 if exact else PROBABILITY):
                raise InvalidArgumentError(
                    f"weights sum to {format_number(total)} > 1: nothing is left for others={m} "
                    "members")
            each = max(rest, 0) / m
            return given, given + (each,) * m, exact
        off = total != 1 if exact else abs(total - 1) > PROBABILITY
        if off:
            raise InvalidArgumentError(
                f"weights are shares and must sum to 1, but sum to {format_number(total)}: pass "
                "normalize=True to divide by the total, or others=m to spread the remainder "
                "over m unnamed members")
        return given, given, exact

    def _check_labels(self, n: int) -> tuple[str, ...]:
        named = n - (self.others or 0)
        if self.labels is None:
            base = [str(i) for i in range(named)]
        else:
            if isinstance(self.labels, (str, bytes)):
                raise InvalidTypeError("labels must be a sequence of strings, not one string")
            if not isinstance(self.labels, Iterable):
                raise InvalidTypeError(
                    f"labels must be a sequence of strings, got {self.labels!r}")
            base = [str(label) for label in self.labels]
            if len(base) != named:
                raise InvalidArgumentError(
                    f"labels needs one name per weight ({named}), got {len(base)}")
        labels = base + [f"other {j}" for j in range(1, (self.others or 0) + 1)]
        if len(set(labels)) != len(labels):
            dup = next(x for x in labels if labels.count(x) > 1)
            raise InvalidArgumentError(f"labels must be distinct; {dup!r} repeats")
        return tuple(labels)

    def _check_benefit(self) -> None:
        if callable(self.benefit):
            grid = np.linspace(0.0, 1.0, 201)
            try:
                values = np.array([float(self.benefit(float(s))) for s in grid])
            except (TypeError, ValueError) as err:
                raise InvalidTypeError(
                    f"benefit(share) must return a real number for a share in [0, 1] ({err})"
                ) from None
            if not np.all(np.isfinite(values)):
                raise InvalidArgumentError("benefit(share) must be finite on [0, 1]")
            if np.any(np.diff(values) < -ROOT * max(1.0, float(np.max(np.abs(values))))):
                raise InvalidArgumentError(
                    "benefit must be nondecreasing in the covered share (the heaviest members "
                    "are the best club only then)")
            return
        if self.benefit not in BENEFITS:
            raise InvalidArgumentError(
                f"benefit must be one of {BENEFITS} or a callable, got {self.benefit!r}")
        if self.scale < 0:
            raise InvalidArgumentError(
                f"scale must be >= 0 (a benefit that falls with coverage), got {self.scale!r}")
        thr = check_real(self.threshold, "threshold")
        if not 0 < thr <= 1:
            raise InvalidArgumentError(f"threshold must be in (0, 1], got {self.threshold!r}")
        object.__setattr__(self, "threshold", thr)

    def _check_cost(self) -> None:
        if callable(self.cost):
            return
        object.__setattr__(self, "cost", check_real(self.cost, "cost"))

    def _check_cooperation(self) -> None:
        coop = self.cooperation
        if coop is None:
            if self.delta is not None:
                raise InvalidArgumentError(
                    "delta is the discount factor of the cooperation model: give cooperation "
                    "too (a ConditionalCooperation)")
            return
        if not isinstance(coop, ConditionalCooperation):
            raise InvalidTypeError(
                f"cooperation must be a ConditionalCooperation, got {type(coop).__name__}")
        if coop.benefits is not None:
            raise InvalidArgumentError(
                "cooperation must not set benefits: the club's robustness must depend on its "
                "size only (members are identical), or the heaviest members need not be best")
        if self.delta is None:
            raise InvalidArgumentError(
                "cooperation needs delta: a discount factor in [0, 1) or a distribution with "
                "a cdf (e.g. scipy.stats.beta(8, 2))")
        if hasattr(self.delta, "cdf"):
            try:
                probe = float(self.delta.cdf(0.5))
            except Exception as err:  # any failure of a user's distribution object
                raise InvalidTypeError(f"delta.cdf(x) must return a number ({err})") from None
            if not 0 <= probe <= 1:
                raise InvalidArgumentError(f"delta.cdf(0.5) = {probe!r} is not a probability")
            return
        d = check_real(self.delta, "delta")
        if not 0 <= d < 1:
            raise InvalidArgumentError(f"delta must be in [0, 1), got {self.delta!r}")
        object.__setattr__(self, "delta", d)

    # -- the model ---------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of candidate members.

        See Also
        --------
        names : the members' labels.
        shares : their shares.
        """
        return len(self._shares)

    @property
    def shares(self) -> tuple[Fraction | float, ...]:
        """Every member's share after ``normalize`` or ``others`` (sums to one).

        See Also
        --------
        names : the labels, in the same order.
        coverage : the share a set of members covers.
        """
        return self._shares

    @property
    def names(self) -> tuple[str, ...]:
        """Every member's label, including the ``others`` (``"other 1"``, ...).

        See Also
        --------
        shares : the shares, in the same order.
        """
        return self._names

    def order(self) -> tuple[int, ...]:
        """Member indices from heaviest to lightest (ties: the earlier member first).

        See Also
        --------
        club : the best club of a given size.
        """
        return tuple(sorted(range(self.n), key=lambda i: (-self._shares[i], i)))

    def _prefix(self, order: Sequence[int]) -> list[Fraction | float]:
        return list(itertools.accumulate(self._shares[i] for i in order))

    def club(self, k: int) -> tuple[str, ...]:
        """The best club of size ``k``: the ``k`` heaviest members.

        See Also
        --------
        order : the order clubs are taken in.
        critical_mass : the fewest members that reach a coverage.
        """
        k = self._check_k(k)
        return tuple(self._names[i] for i in self.order()[:k])

    def coverage(self, members: Sequence[str | int]) -> Number:
        """The share covered by ``members`` (labels or indices).

        See Also
        --------
        net_benefit : what a club of these members is worth.
        """
        idx = self._indices(members)
        return sum((self._shares[i] for i in idx), Fraction(0) if self._exact else 0.0)

    def _indices(self, members: Sequence[str | int]) -> list[int]:
        labels = self._names
        out = []
        for m in members:
            if isinstance(m, str):
                if m not in labels:
                    raise InvalidArgumentError(f"no member labelled {m!r}")
                out.append(labels.index(m))
            elif isinstance(m, numbers.Integral) and not isinstance(m, bool) and (
                    0 <= int(m) < self.n):
                out.append(int(m))
            else:
                raise InvalidArgumentError(f"not a member label or index: {m!r}")
        if len(set(out)) != len(out):
            raise InvalidArgumentError("members must be distinct")
        return out

    def _check_k(self, k: object) -> int:
        k = check_positive_int(k, "k", 1)
        if k > self.n:
            raise InvalidArgumentError(f"k must be at most the number of members {self.n}")
        return k

    def benefit_of(self, share: Number) -> float:
        """``B(share)``, the benefit of covering ``share``.

        See Also
        --------
        cost_of : the cost side.
        net_benefit : both together for a club.
        """
        s = check_real(share, "share")
        if not 0 <= s <= 1:
            raise InvalidArgumentError(f"share must be in [0, 1], got {share!r}")
        return float(self._benefits([s])[0])

    def _benefits(self, shares: Sequence[Number]) -> NDArray[np.float64]:
        if callable(self.benefit):
            return np.array([float(self.benefit(float(s))) for s in shares])
        s = np.array([float(x) for x in shares])
        b = float(self.scale)
        if self.benefit == "linear":
            return b * s
        if self.benefit == "concave":
            concave: NDArray[np.float64] = b * np.sqrt(np.clip(s, 0.0, None))
            return concave
        thr = self.threshold
        # exact comparison when both sides are exact, else a float one with a hair of slack
        hit = [x >= thr if isinstance(x, Fraction) and isinstance(thr, Fraction)
               else float(x) >= float(thr) - ROOT for x in shares]
        return b * np.array(hit, dtype=np.float64)

    def cost_of(self, k: int) -> float:
        """``C(k)``, the direct cost of a ``k``-member club.

        See Also
        --------
        benefit_of : the benefit side.
        """
        k = self._check_k(k)
        return float(self._costs(np.array([k]))[0])

    def _costs(self, ks: NDArray[np.int64]) -> NDArray[np.float64]:
        if callable(self.cost):
            out = np.array([float(self.cost(int(k))) for k in ks])
            if not np.all(np.isfinite(out)):
                raise InvalidArgumentError("cost(k) must be finite")
            return out
        return float(self.cost) * ks.astype(np.float64)

    def critical_discount(self, k: int) -> CriticalDiscount:
        """``delta*(k)``: the least discount factor that sustains a ``k``-member club.

        From the cooperation model with ``n = k``; for ``k = 1`` it is 0 if contributing
        pays on its own (a return ``m >= 1``) and never otherwise.

        Raises
        ------
        InvalidArgumentError
            Without a cooperation model (``cooperation=None``): there is no discount factor
            to speak of, every club is taken to hold.

        See Also
        --------
        ConditionalCooperation.critical_discount : the model it asks.
        sustain_probability : what it means for a club, given ``delta``.
        multilateral.results.CriticalDiscount : what it returns.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import ConditionalCooperation, MagicNumber
        >>> oye = ConditionalCooperation(n=2, mpcr=Fraction(3, 4))
        >>> club = MagicNumber([1, 1], normalize=True, cooperation=oye, delta=Fraction(1, 2))
        >>> club.critical_discount(1), club.critical_discount(2)
        (CriticalDiscount(never), CriticalDiscount(1/3))
        """
        k = self._check_k(k)
        coop = self.cooperation
        if coop is None:
            raise InvalidArgumentError(
                "critical_discount needs a cooperation model: build the MagicNumber with "
                "cooperation=ConditionalCooperation(...) and delta=...")
        if k == 1:
            m = coop.return_per_unit(1)
            return CriticalDiscount.at_least(0 * m) if m >= 1 else CriticalDiscount.never()
        return coop.with_(n=k).critical_discount()

    def sustain_probability(self, k: int) -> float:
        """``p(k)``: the probability that a ``k``-member club's cooperation is sustained
        (1 without a cooperation model).

        See Also
        --------
        critical_discount : the threshold it compares ``delta`` with.
        largest_sustainable : the largest club that holds.
        """
        if self.cooperation is None:
            self._check_k(k)
            return 1.0
        return self._sustain(self.critical_discount(k))

    def _sustain(self, cd: CriticalDiscount) -> float:
        if not cd.attainable:
            return 0.0
        if hasattr(self.delta, "cdf"):
            p = 1.0 - float(cast(Distribution, self.delta).cdf(cd.delta))
            if not math.isfinite(p):
                raise InvalidArgumentError("delta.cdf returned a non-finite value")
            return min(max(p, 0.0), 1.0)
        # a number here: the constructor asks for delta with a cooperation model
        return 1.0 if bool(cast(Number, self.delta) >= cd.value) else 0.0

    def largest_sustainable(self) -> int | None:
        """The largest club size whose cooperation is sustained with positive probability
        (``None`` if none; ``n`` without a cooperation model).

        See Also
        --------
        sustain_probability : by club size.
        ConditionalCooperation.largest_group : the same question for one group.
        """
        p = self.curve().p_sustained
        ok = np.flatnonzero(p > 0)
        return int(ok[-1]) + 1 if ok.size else None

    # -- the two questions -------------------------------------------------------------------
    def critical_mass(self, coverage: Number, *, tol: float = ROOT) -> CriticalMass:
        """The fewest members whose weights reach ``coverage`` (greedy by weight).

        Optimal by the exchange argument in the module docstring: the ``k`` heaviest
        members cover the most that any ``k`` members can, so the answer is the least ``k``
        with ``P_k >= coverage``, found by binary search on the prefix sums.

        Parameters
        ----------
        coverage : number in (0, 1]
            The share to reach (e.g. ``Fraction(1, 2)`` for half).
        tol : float, default :data:`multilateral.tolerances.ROOT`
            Slack for float comparisons; comparisons are exact when both the weights and
            ``coverage`` are exact (int or Fraction).

        See Also
        --------
        CriticalMass : what it returns.
        optimal_membership : the club with the best net benefit.
        """
        c = check_real(coverage, "coverage")
        tol = check_tol(tol)
        if not 0 < c <= 1:
            raise InvalidArgumentError(f"coverage must be in (0, 1], got {coverage!r}")
        order = self.order()
        prefix = self._prefix(order)
        if self._exact and isinstance(c, Fraction):
            k = bisect.bisect_left(prefix, c) + 1
        else:
            k = int(np.searchsorted(np.array(prefix, dtype=float), float(c) - tol)) + 1
        k = min(k, self.n)  # float round-off may leave the full sum a hair below 1
        idx = order[:k]
        return CriticalMass(k=k, members=tuple(self._names[i] for i in idx),
                            indices=tuple(idx), coverage=prefix[k - 1], required=c)

    def curve(self) -> MembershipCurve:
        """Expected net benefit of the best club of every size ``k = 1..n``.

        Sorting costs ``O(n log n)``; the prefix sums and the arrays ``O(n)``, plus one
        closed-form critical discount factor per ``k``.

        See Also
        --------
        MembershipCurve : what it returns.
        optimal_membership : its best point.
        """
        order = self.order()
        prefix = self._prefix(order)
        ks = np.arange(1, self.n + 1, dtype=np.int64)
        if self.cooperation is None:
            crit = None
            p = np.ones(self.n)
        else:
            cds = [self.critical_discount(int(k)) for k in ks]
            crit = readonly([cd.delta for cd in cds])
            p = np.array([self._sustain(cd) for cd in cds])
        benefit = self._benefits(prefix)
        cost = self._costs(ks)
        return MembershipCurve(
            k=readonly(ks, np.int64), coverage=readonly([float(x) for x in prefix]),
            critical_discount=crit, p_sustained=readonly(p),
            benefit=readonly(benefit), cost=readonly(cost),
            net_benefit=readonly(p * benefit - cost), order=order,
        )

    def optimal_membership(self, *, tol: float = ROOT) -> MinilateralResult:
        """The club that maximizes expected net benefit ``p(k) B(s) - C(k)``.

        The best club of each size is its ``k`` heaviest members (module docstring), so the
        optimum is the best point of :meth:`curve`. Ties within ``tol`` go to the smallest
        club: the fewest members for the impact.

        See Also
        --------
        MinilateralResult : what it returns.
        curve : the whole curve.
        critical_mass : the fewest members that reach a coverage.
        """
        tol = check_tol(tol)
        cv = self.curve()
        nb = cv.net_benefit
        k = int(np.flatnonzero(nb >= nb.max() - tol)[0]) + 1
        idx = cv.order[:k]
        return MinilateralResult(
            k=k, members=tuple(self._names[i] for i in idx),
            indices=tuple(idx), coverage=self._prefix(idx)[-1],
            net_benefit=float(nb[k - 1]), p_sustained=float(cv.p_sustained[k - 1]), curve=cv,
            exact=self._exact_net_benefit(idx),
        )

    def _exact_net_benefit(self, idx: Sequence[int]) -> Fraction | None:
        """``p(k) B(s) - C(k)`` in Fractions for a club, or None when an input is inexact."""
        if (not self._exact or callable(self.benefit) or callable(self.cost)
                or self.benefit == "concave" or hasattr(self.delta, "cdf")
                or not all(is_exact(x) for x in (self.scale, self.cost, self.threshold))
                or (self.delta is not None and not is_exact(self.delta))):
            return None
        k = len(idx)
        s = Fraction(self.coverage(idx))
        scale = Fraction(self.scale)
        b = scale * s if self.benefit == "linear" else scale * (s >= Fraction(self.threshold))
        p = Fraction(int(self.sustain_probability(k)))  # 0 or 1 for a number delta
        return p * b - Fraction(self.cost) * k

    def net_benefit(self, members: Sequence[str | int]) -> float:
        """Expected net benefit of any club (labels or indices), e.g. a brute-force check.

        See Also
        --------
        coverage : the share the club covers.
        optimal_membership : the best club.
        """
        idx = self._indices(members)
        if not idx:
            raise InvalidArgumentError("a club needs at least one member")
        k = len(idx)
        p = self.sustain_probability(k)
        return p * float(self._benefits([self.coverage(idx)])[0]) - self.cost_of(k)
