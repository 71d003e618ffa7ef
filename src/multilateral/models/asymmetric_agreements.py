"""Self-enforcing agreements among asymmetric countries: who signs when interests differ.

Barrett (1994) asked how large a self-enforcing treaty among ``N`` *identical* countries can be
(:class:`~multilateral.models.SelfEnforcingAgreement`). McGinty (2007) let every country have
its own benefit and its own cost of abatement and asked the same of every coalition. Country
``i`` abates ``q_i``; with ``Q = sum q_i``,

``specification="barrett"``
    ``pi_i = b_i (a Q - Q**2 / 2) - c_i q_i**2 / 2`` (Barrett's concave benefit: the
    benchmark McGinty 2007 says it generalizes);
``specification="linear"``
    ``pi_i = b_i Q - c_i q_i**2 / 2`` (Carraro and Siniscalco 1993).

``b_i`` is the country's stake in global abatement (its share of the global benefit) and
``c_i`` the slope of its marginal abatement cost. Identical countries with ``b_i = b / N`` and
``c_i = c`` are Barrett's model exactly; with ``b_i = b`` the linear model of
:class:`~multilateral.models.SelfEnforcingAgreement`.

The game has two stages. Each country signs or not; then the signatories ``S`` choose their
abatements to maximize their joint payoff and every other country maximizes its own. With
``B_S`` the signatories' summed stake, ``K_S = sum_{i in S} 1 / c_i`` and ``T_N = sum_{j not
in S} b_j / c_j``, the abatement stage has a closed form (no corner: every abatement is
positive):

* an outsider ``j`` abates ``b_j (a - Q) / c_j`` (Barrett) or ``b_j / c_j`` (linear);
* signatory ``i`` abates ``lambda / c_i`` (the coalition equalizes marginal costs, which is
  what trade in permits among members achieves: McGinty's point), with ``lambda = B_S (a -
  Q)`` when all move together (``timing="nash"``), ``lambda = a B_S / ((1 + T_N)**2 + B_S
  K_S)`` when the signatories lead and anticipate the outsiders' reaction
  (``timing="stackelberg"``, Barrett's assumption), and ``lambda = B_S`` in the linear model.

Countries come in *types*: ``multiplicity[t]`` identical countries share type ``t``'s
``b_t`` and ``c_t`` (one each by default), so a coalition is a vector of member counts per
type and the model covers a few named countries beside many identical small ones. A
coalition is

* **internally stable** when no member gains by leaving, **externally stable** when no
  outsider gains by joining (d'Aspremont et al. 1983), with ties decided by ``tie`` as in
  :class:`~multilateral.models.SelfEnforcingAgreement`;
* **potentially internally stable** (PIS) when its members together get at least what each
  would get by leaving alone, ``sum_{i in S} pi_i(S) >= sum_{i in S} pi_i(S - {i})``
  (strictly under ``tie="stay_out"``; McGinty's abstract says "greater than"): then
  transfers among the members (McGinty's permit allocations) can pay every member its
  free-riding payoff, and the coalition holds (McGinty 2007; Carraro, Eyckmans and Finus
  2006). With transfers a coalition is *stable* when it is PIS and no coalition one outsider
  larger is (the outsider could not be paid to join): Carraro, Eyckmans and Finus's potential
  external stability. McGinty's abstract states only the internal condition; whether his
  external condition is this one could not be checked (the paper was not reachable), and his
  rule for sharing the surplus (by benefit-cost ratios) is not implemented: stability with
  transfers asks only that some sharing pay every member its free-riding payoff.

With identical countries PIS is internal stability, and the stable coalitions are Barrett's
stable sizes. Exact inputs (int, Fraction) give exact payoffs and exact ties; float inputs
are computed for all coalitions at once with numpy, a tie being a gain within ``tol`` of the
two payoffs compared.

McGinty's abstract (the paper itself was not reachable) reports for 20 countries and a
benefit-cost ratio of one that symmetric countries' stable coalition closes 5% of the
abatement gap between no and full cooperation and 9% of the payoff gap, and asymmetric
countries with transfers 47% and 72%. The symmetric numbers are Barrett's model
(``n = 20``, ``gamma = 1``: 3 signatories, 4.9% and 9.3%) and are checked in the tests; the
asymmetric ones rest on his random draws of ``b_i`` and ``c_i``, which the abstract does not
give. His comparative static is not a property of every asymmetric draw (the library's
finding, not McGinty's): over four types of five countries with the symmetric benchmark's
mean stake and mean cost, the welfare-best stable coalition with transfers closes less than
the symmetric shares of both gaps with equal stakes and costs in the ratio 1 : 1 : 1 : 4
(4.4% and 8.5%), and in 26 of the 8,960 assignments of stakes and costs from 1..4 to the
four types (orderings counted) checked; in the other 8,934 it closes at least as much.

References
----------
.. [1] McGinty, M. (2007). International environmental agreements among asymmetric nations.
   *Oxford Economic Papers* 59(1), 45-62.
.. [2] Barrett, S. (1994). Self-enforcing international environmental agreements. *Oxford
   Economic Papers* 46, 878-894.
.. [3] Carraro, C. and Siniscalco, D. (1993). Strategies for the international protection of
   the environment. *Journal of Public Economics* 52(3), 309-328.
.. [4] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On the
   stability of collusive price leadership. *Canadian Journal of Economics* 16(1), 17-25.
.. [5] Carraro, C., Eyckmans, J. and Finus, M. (2006). Optimal transfers and participation
   decisions in international environmental agreements. *Review of International
   Organizations* 1(4), 379-396.

Notes
-----
The module runs past the library's ~600 lines because it holds one model and its two result
classes, half of it docstrings; the results are only returned by this model.

Examples
--------
Barrett's 20 identical countries at ``gamma = c / b = 1`` (``b_i = b / N``): three sign.

>>> from fractions import Fraction
>>> import multilateral as ml
>>> twenty = ml.models.AsymmetricAgreement([Fraction(1, 20)], [1], multiplicity=[20])
>>> twenty.stable_coalitions()
((3,),)

A country with a large stake beside four small ones, linear benefits: without transfers
only the big one "signs" alone (a lone signatory acts as it would outside: no agreement);
with transfers the big one and two small ones hold, or three small ones.

>>> club = ml.models.AsymmetricAgreement([4, 1], [1, 1], multiplicity=[1, 4],
...                                      labels=["big", "small"], specification="linear")
>>> club.stable_coalitions(), club.stable_coalitions(transfers=True)
(((1, 0),), ((0, 3), (1, 2)))
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal, ParamSpec, TypeVar

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_values
from .._validation import (
    DEFAULT_TOL,
    check_labels,
    check_positive_int,
    check_real,
    check_sequence,
    check_tol,
)
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ..types import Number
from .base import Model

__all__ = ["AgreementTable", "AsymmetricAgreement", "CoalitionCheck"]
__dir__ = public_dir(__all__)

Specification = Literal["barrett", "linear"]
Timing = Literal["stackelberg", "nash"]
Tie = Literal["join", "stay_out"]

_MAX_CELLS_FLOAT = 4_000_000  # coalitions x types held in float arrays (32 MB each)
_MAX_CELLS_EXACT = 200_000  # the same for Fractions (Python objects: slower, larger)
_MAX_GAME_COUNTRIES = 10  # the participation game has 2**n profiles

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _float_guarded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Float overflow in a method's arithmetic raises a clear error: an inf or a NaN would
    otherwise decide stability silently (every comparison with NaN is False)."""

    @functools.wraps(method)
    def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            with np.errstate(over="raise", invalid="raise"):
                return method(*args, **kwargs)
        except FloatingPointError as err:
            raise InvalidArgumentError(
                f"the payoffs overflow float64 arithmetic ({err}); pass benefit, cost and a as "
                "integers or Fractions for exact arithmetic, or rescale them") from None

    return guarded


def _plain(value: Number) -> Number:
    """A Fraction with Python ints inside: ``Fraction(numpy.int64(3))`` keeps the numpy
    integer, whose products overflow silently."""
    if isinstance(value, Fraction):
        return Fraction(int(value.numerator), int(value.denominator))
    return value


@dataclass(frozen=True, repr=False)
class CoalitionCheck:
    """Why one coalition is or is not stable: every member's gain from leaving and every
    outsider's gain from joining, by type.

    Attributes
    ----------
    coalition : tuple of int
        Members of each type.
    signatory_payoff, outsider_payoff : tuple
        A member's and an outsider's payoff, by type (``None`` for a type with no member, or
        with no outsider).
    gain_from_leaving, gain_from_joining : tuple
        What a member of each type gains by leaving, what an outsider gains by joining
        (``None`` where there is no such country).
    surplus : number
        ``sum_{i in S} [pi_i(S) - pi_i(S - {i})]``: what the members together gain over their
        free-riding payoffs (0 for the empty coalition).
    internally_stable, externally_stable, potentially_internally_stable : bool
        Under the model's tie rule.
    exact : bool
        Whether the numbers are exact.

    See Also
    --------
    AsymmetricAgreement.check : computes it.

    Examples
    --------
    >>> import multilateral as ml
    >>> m = ml.models.AsymmetricAgreement([4, 1], [1, 1], multiplicity=[1, 4],
    ...                                   specification="linear")
    >>> c = m.check((1, 2))
    >>> c.gain_from_leaving, c.surplus, c.potentially_internally_stable
    ((Fraction(-30, 1), Fraction(21, 2)), Fraction(9, 1), True)
    """

    coalition: tuple[int, ...]
    signatory_payoff: tuple[Number | None, ...]
    outsider_payoff: tuple[Number | None, ...]
    gain_from_leaving: tuple[Number | None, ...]
    gain_from_joining: tuple[Number | None, ...]
    surplus: Number
    internally_stable: bool
    externally_stable: bool
    potentially_internally_stable: bool
    exact: bool

    @property
    def stable(self) -> bool:
        """Internally and externally stable (without transfers)."""
        return self.internally_stable and self.externally_stable

    def __repr__(self) -> str:
        state = ("stable" if self.stable else
                 "internally stable only" if self.internally_stable else
                 "externally stable only" if self.externally_stable else "unstable")
        pis = ", PIS" if self.potentially_internally_stable else ""
        return f"CoalitionCheck({self.coalition}: {state}{pis})"


@dataclass(frozen=True, repr=False)
class AgreementTable:
    """Every coalition of an :class:`AsymmetricAgreement`, with its stability (one row each).

    Attributes
    ----------
    labels : tuple of str
        The types, in the columns' order.
    coalitions : numpy.ndarray of int64, shape (rows, types)
        Members of each type; the rows run over every coalition (the last type fastest).
    size : numpy.ndarray of int64
        Members of each coalition.
    internal, external, potentially_internal, external_with_transfers : numpy.ndarray of bool
        Internal and external stability; PIS; no coalition one outsider larger is PIS.
    abatement, welfare : numpy.ndarray
        Global abatement ``Q`` and the sum of all countries' payoffs (object arrays of
        Fractions when exact).
    exact : bool
        Whether the numbers are exact.

    See Also
    --------
    AsymmetricAgreement.table : computes it.
    multilateral.plot.coalition_stability : draws it.

    Examples
    --------
    >>> import multilateral as ml
    >>> t = ml.models.AsymmetricAgreement([1], [1], multiplicity=[5],
    ...                                   specification="linear").table()
    >>> t.size.tolist(), t.stable.tolist()
    ([0, 1, 2, 3, 4, 5], [False, False, False, True, False, False])
    """

    labels: tuple[str, ...]
    coalitions: NDArray[np.int64]
    size: NDArray[np.int64]
    internal: NDArray[np.bool_]
    external: NDArray[np.bool_]
    potentially_internal: NDArray[np.bool_]
    external_with_transfers: NDArray[np.bool_]
    abatement: NDArray[Any]
    welfare: NDArray[Any]
    exact: bool

    @property
    def stable(self) -> NDArray[np.bool_]:
        """Internally and externally stable."""
        return self.internal & self.external

    @property
    def stable_with_transfers(self) -> NDArray[np.bool_]:
        """PIS, and no coalition one outsider larger is PIS."""
        return self.potentially_internal & self.external_with_transfers

    def closed_gap(self, kind: Literal["abatement", "welfare"] = "abatement") -> NDArray[Any]:
        """Each coalition's share of the gap between no agreement (first row) and everyone
        (last row) in global abatement or in welfare (1 where the gap is zero).

        See Also
        --------
        AsymmetricAgreement.closed_gap : the same for one coalition.
        """
        if kind not in ("abatement", "welfare"):
            raise InvalidArgumentError(f"kind must be 'abatement' or 'welfare', got {kind!r}")
        v = self.abatement if kind == "abatement" else self.welfare
        gap = v[-1] - v[0]
        if gap == 0:
            return np.ones(v.shape, dtype=v.dtype) if not self.exact else np.array(
                [Fraction(1)] * len(v), dtype=object)
        return (v - v[0]) / gap

    def __repr__(self) -> str:
        return (f"AgreementTable({len(self.size)} coalitions of {', '.join(self.labels)}: "
                f"{int(self.stable.sum())} stable, {int(self.stable_with_transfers.sum())} "
                "stable with transfers)")


@dataclass(frozen=True, eq=False, repr=False)
class AsymmetricAgreement(Model):
    """McGinty's self-enforcing agreement among countries with their own benefits and costs.

    Parameters
    ----------
    benefit : sequence of numbers
        ``b_t > 0``: each type's stake in global abatement (see the module docstring).
    cost : sequence of numbers
        ``c_t > 0``: the slope of each type's marginal abatement cost.
    multiplicity : sequence of int, optional
        How many identical countries have each type (one each by default).
    labels : sequence of str, optional
        One name per type (``"0", "1", ...`` by default).
    specification : {"barrett", "linear"}
        Barrett's concave benefit or linear benefit.
    timing : {"stackelberg", "nash"}
        Barrett's model only: whether the signatories lead (Barrett) or move with the others.
    a : number
        Barrett's model only: the abatement at which marginal benefit vanishes (scales the
        payoffs; stability does not depend on it).
    tie : {"join", "stay_out"}
        What a country indifferent between signing and not does.

    References
    ----------
    .. [1] McGinty, M. (2007). International environmental agreements among asymmetric
       nations. *Oxford Economic Papers* 59(1), 45-62.
    .. [2] Barrett, S. (1994). Self-enforcing international environmental agreements.
       *Oxford Economic Papers* 46, 878-894.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement : identical countries, by coalition size.
    multilateral.plot.coalition_stability : draws :meth:`table`.

    Examples
    --------
    >>> import multilateral as ml
    >>> m = ml.models.AsymmetricAgreement([3, 1, 1], [1, 1, 2], labels=["A", "B", "C"])
    >>> m
    AsymmetricAgreement(benefit=[3, 1, 1], cost=[1, 1, 2], labels=('A', 'B', 'C'))
    >>> m.stable_coalitions(), m.stable_coalitions(transfers=True)
    (((1, 0, 0),), ((1, 1, 1),))
    >>> m.members((1, 1, 1))
    ('A', 'B', 'C')
    """

    benefit: Sequence[Number]
    cost: Sequence[Number]
    multiplicity: Sequence[int] | None = None
    labels: Sequence[str] | None = None
    specification: Specification = "barrett"
    timing: Timing = "stackelberg"
    a: Number = 1
    tie: Tie = "join"
    _exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        b = self._vector(self.benefit, "benefit")
        c = self._vector(self.cost, "cost")
        if len(c) != len(b):
            raise InvalidArgumentError(
                f"cost needs one value per type ({len(b)}, as benefit), got {len(c)}")
        if self.multiplicity is None:
            mult = (1,) * len(b)
        else:
            if isinstance(self.multiplicity, (str, bytes)) or not isinstance(
                    self.multiplicity, Iterable):
                raise InvalidTypeError(
                    f"multiplicity must be a sequence of positive integers, got "
                    f"{self.multiplicity!r}")
            mult = tuple(check_positive_int(m, f"multiplicity[{t}]")
                         for t, m in enumerate(self.multiplicity))
            if len(mult) != len(b):
                raise InvalidArgumentError(
                    f"multiplicity needs one count per type ({len(b)}), got {len(mult)}")
        if sum(mult) < 2:
            raise InvalidArgumentError(
                f"an agreement needs at least 2 countries, got {sum(mult)}")
        labels = check_labels(self.labels, len(b), "type")
        if self.specification not in ("barrett", "linear"):
            raise InvalidArgumentError(
                f"specification must be 'barrett' or 'linear', got {self.specification!r}")
        if self.timing not in ("stackelberg", "nash"):
            raise InvalidArgumentError(
                f"timing must be 'stackelberg' or 'nash', got {self.timing!r}")
        if self.tie not in ("join", "stay_out"):
            raise InvalidArgumentError(f"tie must be 'join' or 'stay_out', got {self.tie!r}")
        a = _plain(check_real(self.a, "a", low=0, open_low=True))
        object.__setattr__(self, "benefit", b)
        object.__setattr__(self, "cost", c)
        object.__setattr__(self, "multiplicity", mult)
        object.__setattr__(self, "labels", labels or tuple(str(t) for t in range(len(b))))
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "_exact",
                           all(isinstance(x, Fraction) for x in (*b, *c, a)))

    @staticmethod
    def _vector(value: object, name: str) -> tuple[Number, ...]:
        given = check_sequence(value, name, "positive numbers, one per type")
        vals = tuple(_plain(check_real(v, f"{name}[{t}]", low=0, open_low=True))
                     for t, v in enumerate(given))
        if not vals:
            raise InvalidArgumentError(f"{name} needs at least one type")
        return vals

    def __repr__(self) -> str:
        shown = [f"benefit={format_values(self.benefit, limit=6)}",
                 f"cost={format_values(self.cost, limit=6)}"]
        if any(m != 1 for m in self._mult):
            shown.append(f"multiplicity={self._mult}")
        if self.labels != tuple(str(t) for t in range(len(self._b))):
            shown.append(f"labels={self.labels}")
        for name, default in (("specification", "barrett"), ("timing", "stackelberg"),
                              ("tie", "join")):
            if getattr(self, name) != default:
                shown.append(f"{name}={getattr(self, name)!r}")
        if self.a != 1:
            shown.append(f"a={self.a}")
        return f"AsymmetricAgreement({', '.join(shown)})"

    # typed views of the validated fields
    @property
    def _b(self) -> tuple[Number, ...]:
        return tuple(self.benefit)

    @property
    def _c(self) -> tuple[Number, ...]:
        return tuple(self.cost)

    @property
    def _mult(self) -> tuple[int, ...]:
        return tuple(self.multiplicity or ())

    # -- basic facts ---------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """The number of countries (all types).

        See Also
        --------
        stable_coalitions : who of them sign.
        """
        return sum(self._mult)

    def members(self, coalition: Sequence[int]) -> tuple[str, ...]:
        """The labels of a coalition's members, a label repeated once per member of its type.

        See Also
        --------
        stable_coalitions : coalitions as member counts.
        """
        k = self._coalition(coalition)
        return tuple(lab for lab, m in zip(self._labels, k, strict=True) for _ in range(m))

    @property
    def _labels(self) -> tuple[str, ...]:
        return tuple(self.labels or ())

    # -- the abatement stage -------------------------------------------------------------------
    @_float_guarded
    def abatement(self, coalition: Sequence[int]) -> tuple[tuple[Number, ...], tuple[Number, ...]]:
        """``(q_signatory, q_outsider)``: each type's abatement as a member and as an outsider
        when ``coalition`` (member counts per type) signs.

        See Also
        --------
        payoffs : what these abatements give.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.AsymmetricAgreement([2, 1], [1, 1], specification="linear")
        >>> m.abatement((1, 1))
        ((Fraction(3, 1), Fraction(3, 1)), (Fraction(2, 1), Fraction(1, 1)))
        """
        k = self._coalition(coalition)
        q_s, q_n, _ = self._stage(np.array([k], dtype=np.int64))
        return tuple(q_s[0].tolist()), tuple(q_n[0].tolist())

    @_float_guarded
    def payoffs(self, coalition: Sequence[int]) -> tuple[tuple[Number, ...], tuple[Number, ...]]:
        """``(pi_signatory, pi_outsider)`` by type when ``coalition`` signs.

        See Also
        --------
        check : the gains from leaving and joining.
        """
        k = self._coalition(coalition)
        p_s, p_n, _ = self._payoffs(np.array([k], dtype=np.int64))
        return tuple(p_s[0].tolist()), tuple(p_n[0].tolist())

    @_float_guarded
    def closed_gap(self, coalition: Sequence[int],
                   kind: Literal["abatement", "welfare"] = "abatement") -> Number:
        """The share of the gap between no agreement and full cooperation that ``coalition``
        closes, in global abatement or in welfare (the sum of payoffs).

        See Also
        --------
        AgreementTable.closed_gap : every coalition at once.

        Examples
        --------
        Barrett's 20 identical countries, ``gamma = 1``: the stable three close 4.9% of the
        abatement gap and 9.3% of the welfare gap (McGinty's 5% and 9%).

        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.AsymmetricAgreement([Fraction(1, 20)], [1], multiplicity=[20])
        >>> round(float(m.closed_gap((3,))), 3), round(float(m.closed_gap((3,), "welfare")), 3)
        (0.049, 0.093)
        """
        if kind not in ("abatement", "welfare"):
            raise InvalidArgumentError(f"kind must be 'abatement' or 'welfare', got {kind!r}")
        k = self._coalition(coalition)
        rows = np.array([[0] * len(k), list(k), list(self._mult)], dtype=np.int64)
        q, w = self._totals(rows)
        v = q if kind == "abatement" else w
        if v[2] == v[0]:
            return Fraction(1) if self._exact else 1.0
        out: Number = (v[1] - v[0]) / (v[2] - v[0])
        return out

    # -- stability -----------------------------------------------------------------------------
    @_float_guarded
    def check(self, coalition: Sequence[int], *, tol: float = DEFAULT_TOL) -> CoalitionCheck:
        """Internal, external and potential internal stability of one coalition, with the
        gains behind them.

        See Also
        --------
        CoalitionCheck : what it returns.
        stable_coalitions : every stable coalition.
        """
        tol = check_tol(tol)
        k = np.array(self._coalition(coalition), dtype=np.int64)
        t = len(k)
        eye = np.eye(t, dtype=np.int64)
        rows = np.vstack([k[None, :], k - eye, k + eye])
        rows = np.clip(rows, 0, np.array(self._mult))  # out-of-range rows are never read
        p_s, p_n, _ = self._payoffs(rows)
        zero = Fraction(0) if self._exact else 0.0
        ps = [p_s[0, i] if k[i] > 0 else None for i in range(t)]
        pn = [p_n[0, i] if k[i] < self._mult[i] else None for i in range(t)]
        leave = [p_n[1 + i, i] - p_s[0, i] if k[i] > 0 else None for i in range(t)]
        join = [p_s[1 + t + i, i] - p_n[0, i] if k[i] < self._mult[i] else None
                for i in range(t)]
        internal = not any(
            self._moves(g, p_n[1 + i, i], p_s[0, i], self.tie == "stay_out", tol)
            for i, g in enumerate(leave) if g is not None)
        external = not any(
            self._moves(g, p_s[1 + t + i, i], p_n[0, i], self.tie == "join", tol)
            for i, g in enumerate(join) if g is not None)
        surplus = sum((-k[i] * g for i, g in enumerate(leave) if g is not None), start=zero)
        # the tie scale of the surplus (floats only: exact payoffs tie exactly, and may be too
        # large for a float)
        scale = 0.0 if self._exact else float(sum(
            (k[i] * (abs(p_s[0, i]) + abs(p_n[1 + i, i])) for i in range(t) if k[i] > 0),
            start=zero))
        pis = not self._moves(-surplus, 0.0, scale, self.tie == "stay_out", tol) \
            if k.sum() else True
        return CoalitionCheck(tuple(int(x) for x in k), tuple(ps), tuple(pn), tuple(leave),
                              tuple(join), surplus, internal, external, pis, self._exact)

    @_float_guarded
    def table(self, *, tol: float = DEFAULT_TOL) -> AgreementTable:
        """Every coalition (as member counts per type) with its stability, computed at once.

        Float parameters are computed in numpy arrays (``rows x types`` floats, up to 4
        million cells); exact ones in Fractions (up to 200,000 cells).

        See Also
        --------
        stable_coalitions : the stable rows.
        multilateral.plot.coalition_stability : draws it.
        """
        tol = check_tol(tol)
        mult = np.array(self._mult, dtype=np.int64)
        rows = math.prod(m + 1 for m in self._mult)  # Python ints: int64 would wrap
        limit = _MAX_CELLS_EXACT if self._exact else _MAX_CELLS_FLOAT
        if rows * len(mult) > limit:
            raise InvalidArgumentError(
                f"{rows} coalitions of {len(mult)} types exceed the {limit:,} cells this model "
                "enumerates; group identical countries into types (multiplicity)")
        grid = np.array(list(itertools.product(*(range(m + 1) for m in self._mult))),
                        dtype=np.int64).reshape(rows, len(mult))
        # mixed-radix index of a row: the last type varies fastest
        stride = np.cumprod(np.concatenate(([1], (mult + 1)[::-1][:-1])))[::-1]
        payoffs = self._payoffs(grid)
        p_s, p_n, _ = payoffs
        q, w = self._totals(grid, payoffs)
        internal = np.ones(rows, dtype=bool)
        external = np.ones(rows, dtype=bool)
        surplus: Any = np.zeros(rows, dtype=object if self._exact else np.float64)
        scale = np.zeros(rows)
        if self._exact:
            surplus[:] = Fraction(0)
        for t in range(len(mult)):
            has = grid[:, t] > 0
            idx = np.flatnonzero(has)
            after = p_n[idx - stride[t], t]  # a member of type t leaves
            before = p_s[idx, t]
            gain = after - before
            leaves = self._moves_array(gain, after, before, self.tie == "stay_out", tol)
            internal[idx] &= ~leaves
            surplus[idx] = surplus[idx] - grid[idx, t] * gain
            if not self._exact:  # the tie scale (exact payoffs may be too large for floats)
                scale[idx] += grid[idx, t] * (np.abs(after) + np.abs(before))
            out = np.flatnonzero(grid[:, t] < mult[t])
            joined = p_s[out + stride[t], t]  # an outsider of type t joins
            stay = p_n[out, t]
            joins = self._moves_array(joined - stay, joined, stay, self.tie == "join", tol)
            external[out] &= ~joins
        pis = ~self._moves_array(-surplus, np.zeros(rows), scale, self.tie == "stay_out", tol,
                                 absolute=True)
        pis[0] = True  # nobody to leave
        ext_t = np.ones(rows, dtype=bool)
        for t in range(len(mult)):
            out = np.flatnonzero(grid[:, t] < mult[t])
            ext_t[out] &= ~pis[out + stride[t]]
        return AgreementTable(self._labels, grid, grid.sum(axis=1), internal, external, pis,
                              ext_t, q, w, self._exact)

    def stable_coalitions(self, *, transfers: bool = False,
                          tol: float = DEFAULT_TOL) -> tuple[tuple[int, ...], ...]:
        """Every stable coalition, as member counts per type.

        Parameters
        ----------
        transfers : bool, default False
            Without transfers: internally and externally stable. With: PIS, and no coalition
            one outsider larger is PIS (potential internal and external stability, Carraro,
            Eyckmans and Finus 2006; McGinty 2007 states the internal condition).
        tol : float
            Float payoffs within ``tol`` of their size count as a tie.

        See Also
        --------
        table : every coalition, with its stability.
        check : one coalition, with the gains.
        """
        if not isinstance(transfers, bool):
            raise InvalidTypeError(f"transfers must be True or False, got {transfers!r}")
        t = self.table(tol=tol)
        ok = t.stable_with_transfers if transfers else t.stable
        return tuple(tuple(int(x) for x in row) for row in t.coalitions[ok])

    # -- the participation game ----------------------------------------------------------------
    @property
    @_float_guarded
    def game(self) -> NormalFormGame:
        """The participation game among the countries (at most 10): action ``"C"`` (index 0)
        is to sign, ``"D"`` not to; the abatement stage is solved. A coalition is a pure Nash
        equilibrium of it iff it is internally and externally stable with weak inequalities.

        See Also
        --------
        stable_coalitions : its equilibria under the tie rule.
        multilateral.solvers.pure_nash_equilibria : solves it.
        """
        n = self.n
        if n > _MAX_GAME_COUNTRIES:
            raise InvalidArgumentError(
                f"the participation game has 2**n profiles; at most {_MAX_GAME_COUNTRIES} "
                f"countries, got {n}")
        kind = [t for t, m in enumerate(self._mult) for _ in range(m)]
        profiles = list(itertools.product((0, 1), repeat=n))
        counts = np.zeros((len(profiles), len(self._mult)), dtype=np.int64)
        for r, prof in enumerate(profiles):
            for i, act in enumerate(prof):
                counts[r, kind[i]] += act == 0
        p_s, p_n, _ = self._payoffs(counts)
        pay = np.empty((2,) * n + (n,), dtype=object)
        for r, prof in enumerate(profiles):
            pay[prof] = [p_s[r, kind[i]] if prof[i] == 0 else p_n[r, kind[i]]
                         for i in range(n)]
        if not self._exact:
            pay = pay.astype(np.float64)
        return NormalFormGame(pay, actions=[("C", "D")] * n)

    # -- internals -----------------------------------------------------------------------------
    def _coalition(self, coalition: object) -> tuple[int, ...]:
        if isinstance(coalition, (str, bytes)) or not isinstance(coalition, Iterable):
            raise InvalidTypeError(
                f"a coalition is a sequence of member counts, one per type, got {coalition!r}")
        k = tuple(coalition)
        if len(k) != len(self._mult):
            raise InvalidArgumentError(
                f"a coalition needs one member count per type ({len(self._mult)}), got {len(k)}")
        for t, (m, top) in enumerate(zip(k, self._mult, strict=True)):
            if isinstance(m, bool) or not isinstance(m, numbers.Integral):
                raise InvalidTypeError(f"member counts are integers, got {m!r} for type {t}")
            if not 0 <= int(m) <= top:
                raise InvalidArgumentError(
                    f"type {self._labels[t]!r} has {top} countries; a coalition holds 0..{top} "
                    f"of them, got {m}")
        return tuple(int(m) for m in k)

    @property
    def _a(self) -> Any:
        # a float model stays in floats: an exact a (an int by default) would make every
        # array operation a Fraction operation
        return self.a if self._exact else float(self.a)

    def _arrays(self) -> tuple[NDArray[Any], NDArray[Any]]:
        dtype = object if self._exact else np.float64
        return np.array(self._b, dtype=dtype), np.array(self._c, dtype=dtype)

    def _stage(self, rows: NDArray[np.int64]) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
        """Abatements ``(q_s, q_n)`` by row and type, and global abatement ``Q`` by row."""
        b, c = self._arrays()
        mult = np.array(self._mult, dtype=np.int64)
        k = rows.astype(object) if self._exact else rows.astype(np.float64)
        out = (mult - rows).astype(object) if self._exact else (mult - rows).astype(np.float64)
        b_s = k @ b  # the members' summed stake
        kappa = k @ (1 / c)  # sum of 1 / c_i over members
        theta = out @ (b / c)  # sum of b_j / c_j over outsiders
        a = self._a
        if self.specification == "linear":
            lam = b_s
            q_n = np.broadcast_to(b / c, rows.shape)
        else:
            if self.timing == "nash":
                gap = a / (1 + b_s * kappa + theta)  # a - Q
            else:
                lam = a * b_s / ((1 + theta) ** 2 + b_s * kappa)
                gap = (a - lam * kappa) / (1 + theta)
            if self.timing == "nash":
                lam = b_s * gap
            q_n = np.outer(gap, b / c)
        q_s = np.outer(lam, 1 / c)
        total = (k * q_s).sum(axis=1) + (out * q_n).sum(axis=1)
        return q_s, np.asarray(q_n), total

    def _payoffs(self, rows: NDArray[np.int64]
                 ) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
        b, c = self._arrays()
        q_s, q_n, total = self._stage(rows)
        if self.specification == "linear":
            common = np.outer(total, b)
        else:
            common = np.outer(self._a * total - total * total / 2, b)
        return common - c * q_s * q_s / 2, common - c * q_n * q_n / 2, total

    def _totals(self, rows: NDArray[np.int64], payoffs: Any = None
                ) -> tuple[NDArray[Any], NDArray[Any]]:
        p_s, p_n, total = self._payoffs(rows) if payoffs is None else payoffs
        mult = np.array(self._mult, dtype=np.int64)
        w = (rows * p_s).sum(axis=1) + ((mult - rows) * p_n).sum(axis=1)
        return total, w

    def _moves(self, gain: Any, x: Any, y: Any, when_indifferent: bool, tol: float) -> bool:
        if self._exact:
            return bool(gain > 0 or (gain == 0 and when_indifferent))
        if abs(float(gain)) <= tol * (abs(float(x)) + abs(float(y))):
            return when_indifferent
        return float(gain) > 0

    def _moves_array(self, gain: NDArray[Any], x: NDArray[Any], y: NDArray[Any],
                     when_indifferent: bool, tol: float, *, absolute: bool = False
                     ) -> NDArray[np.bool_]:
        """:meth:`_moves` elementwise; ``absolute``: ``y`` already is the tie scale."""
        if gain.size == 0:
            return np.zeros(0, dtype=bool)
        if self._exact:
            g = np.array([(v > 0) - (v < 0) for v in gain.tolist()], dtype=np.int64)
            return (g > 0) | ((g == 0) & when_indifferent)
        g = gain.astype(np.float64)
        scale = y.astype(np.float64) if absolute else (
            np.abs(x.astype(np.float64)) + np.abs(y.astype(np.float64)))
        tie = np.abs(g) <= tol * scale
        return np.where(tie, when_indifferent, g > 0)
