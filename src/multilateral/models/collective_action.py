"""Olson's logic of collective action: voluntary provision, group size, crowding, k-groups.

Olson (1965) argues that larger groups provide less of a collective good and that "the small
exploit the great": the member with the largest stake bears a disproportionate share of the
burden. Chamberlin (1974) and McGuire (1974) show that the first claim holds only for goods
that are crowded (rival in consumption); for a pure public good provision per member *rises*
with group size. This module makes both claims computable.

:class:`PublicGoodProvision` is the voluntary-contribution game of Bergstrom, Blume and Varian
(1986): ``n`` members with incomes ``w_i`` each choose a contribution ``c_i`` in ``[0, w_i]``
and consume ``x_i = w_i - c_i`` of a private good and ``g = G / n**theta`` of the collective
good, where ``G`` aggregates the contributions (summation; Hirshleifer's weakest link or best
shot) and ``theta`` in ``[0, 1]`` is the crowding parameter (``theta = 0``: a pure public good,
everyone consumes all of ``G``; ``theta = 1``: fully rival, ``G`` is shared out equally).
Two preference families:

* Cobb-Douglas, ``u_i = x_i**a_i * g**(1 - a_i)`` with ``a_i`` in ``(0, 1)``;
* quasi-linear with log value, ``u_i = x_i + b_i * log(g)`` with ``b_i > 0``.

Both are allowed to differ across members. With exact inputs (ints, Fractions) every answer of
both families is an exact Fraction; the equilibrium of 10,000 members costs ``O(n log n)``
(a few milliseconds in floats) because it uses the structure of the equilibrium, not an
iterative solver.

Free functions: :func:`linear_k_group` and :func:`k_group` (Olson's privileged and
intermediate groups: the smallest subgroup that gains from providing even if everyone else
free-rides), :func:`side_payments` (Kahler: the least transfers a great power must pay to make
everyone's participation individually rational, and whether they pay for themselves).

The claims of Olson and Chamberlin are in :mod:`multilateral.claims.collective_goods`
(``ml.claims.OLSON_GROUP_SIZE``, ``ml.claims.CHAMBERLIN_CROWDING``,
``ml.claims.OLSON_EXPLOITATION``).

References
----------
.. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
   ch. 1 (group size, privileged and intermediate groups; "the exploitation of the great by
   the small", p. 35).
.. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
   *American Political Science Review* 68(2), 707-716.
.. [3] McGuire, M. (1974). Group size, group homogeneity, and the aggregate provision of a
   pure public good under Cournot behavior. *Public Choice* 18, 107-126.
.. [4] Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public
   goods. *Journal of Public Economics* 29(1), 25-49.
.. [5] Hirshleifer, J. (1983). From weakest-link to best-shot: the voluntary provision of
   public goods. *Public Choice* 41(3), 371-386.
.. [6] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.
.. [7] Warr, P. G. (1983). The private provision of a public good is independent of the
   distribution of income. *Economics Letters* 13(2-3), 207-211.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_number_array, check_positive_int, check_real
from ..errors import InvalidArgumentError, InvalidPayoffsError, InvalidTypeError

__all__ = [
    "BurdenShares",
    "KGroup",
    "ProvisionEquilibrium",
    "PublicGoodProvision",
    "SidePayments",
    "k_group",
    "linear_k_group",
    "side_payments",
]

Aggregation = Literal["sum", "weakest_link", "best_shot"]
_AGGREGATIONS = ("sum", "weakest_link", "best_shot")


# -- input checks ---------------------------------------------------------------------------------
def _real_array(values: Any, name: str, n: int | None = None) -> tuple[NDArray[Any], bool]:
    """A 1-d array of finite reals (object array of Fractions when exact) and its exactness.

    A scalar is broadcast to length ``n`` when ``n`` is given.
    """
    if isinstance(values, numbers.Real) and not isinstance(values, bool):
        if n is None:
            raise InvalidArgumentError(f"{name} must be a sequence of numbers, got {values!r}")
        v = check_real(values, name)
        if isinstance(v, Fraction):
            return np.array([v] * n, dtype=object), True
        return np.full(n, v, dtype=np.float64), False
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidTypeError(f"{name} must be a number or a sequence of numbers, got "
                               f"{type(values).__name__}")
    try:
        arr = as_number_array(values, name)
    except InvalidPayoffsError as err:
        raise InvalidArgumentError(str(err)) from None
    if arr.ndim != 1 or arr.size == 0:
        raise InvalidArgumentError(f"{name} must be a non-empty 1-d sequence, got shape "
                                   f"{arr.shape}")
    if n is not None and arr.size != n:
        raise InvalidArgumentError(f"{name} needs one value per member ({n}), got {arr.size}")
    if arr.dtype == np.float64:
        return arr, False
    if arr.dtype == np.int64:
        return np.array([Fraction(int(v)) for v in arr], dtype=object), True
    return arr, True  # an object array of Fractions


def _first_bad(mask: NDArray[Any]) -> int:
    return int(np.flatnonzero(np.asarray(mask, dtype=bool))[0])


def _frozen(arr: NDArray[Any]) -> NDArray[Any]:
    arr.flags.writeable = False
    return arr


def _fmt(v: Any) -> str:
    return str(v) if isinstance(v, Fraction) else f"{float(v):.6g}"


def _fmt_seq(values: NDArray[Any], limit: int = 6) -> str:
    shown = [_fmt(v) for v in values[:limit]]
    return "[" + ", ".join(shown) + (", ..." if values.size > limit else "") + "]"


def _power(n: int, theta: Any) -> Any:
    """``n ** theta``: a Fraction when it is rational (``theta = p/q`` and ``n`` a q-th power)."""
    if isinstance(theta, Fraction):
        p, q = theta.numerator, theta.denominator
        root = round(n ** (1 / q))
        for r in (root - 1, root, root + 1):
            if r >= 0 and r**q == n:
                return Fraction(r**p)
    return float(n) ** float(theta)


# -- results --------------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False, eq=False)
class ProvisionEquilibrium:
    """A Nash equilibrium of the voluntary provision game.

    Attributes
    ----------
    contributions : numpy.ndarray
        Each member's contribution ``c_i`` (an object array of Fractions when exact).
    total : number
        The aggregate provision ``G`` (sum, minimum or maximum of the contributions).
    contributors : numpy.ndarray of bool
        Which members contribute a positive amount.
    selection : str
        ``"unique"`` when the game has one equilibrium; otherwise how this one was chosen
        (``"pareto_best"`` for the weakest link, ``"largest_provision"`` for the best shot,
        ``"income_proportional_ties"`` when quasi-linear members tied at the margin split the
        residual in proportion to income).
    """

    contributions: NDArray[Any]
    total: Any
    contributors: NDArray[np.bool_]
    selection: str

    @property
    def n_contributors(self) -> int:
        """How many members contribute."""
        return int(self.contributors.sum())

    @property
    def privileged(self) -> bool:
        """True when one member provides the good alone (Olson's privileged group)."""
        return self.n_contributors == 1

    def __repr__(self) -> str:
        return (f"ProvisionEquilibrium(total={_fmt(self.total)}, contributors="
                f"{self.n_contributors}/{self.contributions.size}, "
                f"contributions={_fmt_seq(self.contributions)})")


@dataclass(frozen=True, repr=False, eq=False)
class BurdenShares:
    """Each member's share of the burden ``c_i / sum(c)`` against its share of income.

    Attributes
    ----------
    burden : numpy.ndarray
        Contribution shares (they sum to one).
    income : numpy.ndarray
        Income shares ``w_i / W``.
    """

    burden: NDArray[Any]
    income: NDArray[Any]

    @property
    def largest(self) -> int:
        """Index of the member with the largest income (the first if several tie)."""
        return int(np.argmax(np.asarray(self.income, dtype=np.float64)))

    @property
    def exploitation(self) -> Any:
        """Burden share minus income share of the largest member.

        Olson's "exploitation of the great by the small" is ``exploitation >= 0``: the
        largest member bears at least its share of income.
        """
        i = self.largest
        return self.burden[i] - self.income[i]

    def __repr__(self) -> str:
        return f"BurdenShares(burden={_fmt_seq(self.burden)}, income={_fmt_seq(self.income)})"


# -- the model ------------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False, eq=False)
class PublicGoodProvision:
    """Voluntary provision of a collective good (Bergstrom, Blume and Varian 1986).

    Member ``i`` has income ``w_i``, contributes ``c_i`` in ``[0, w_i]``, consumes
    ``x_i = w_i - c_i`` of the private good and ``g = G / n**theta`` of the collective good.

    Parameters
    ----------
    incomes : sequence of numbers
        Incomes ``w_i >= 0``, not all zero. Integers and Fractions keep every answer exact.
    a : number or sequence, optional
        Cobb-Douglas preferences ``u_i = x_i**a_i * g**(1 - a_i)``, ``a_i`` in ``(0, 1)``:
        the weight on the private good (one value for all members, or one per member).
    b : number or sequence, optional
        Quasi-linear preferences ``u_i = x_i + b_i * log(g)``, ``b_i > 0``. Give exactly one
        of ``a`` and ``b``.
    theta : number, default 0
        Crowding, in ``[0, 1]``: ``0`` a pure (non-rival) public good, ``1`` fully rival.
    aggregation : {"sum", "weakest_link", "best_shot"}
        How contributions make the good (Hirshleifer 1983): ``G = sum(c)``, ``min(c)`` or
        ``max(c)``.

    Notes
    -----
    **Crowding does not change behaviour at a given size.** Member ``i`` maximizes
    ``(w_i - c_i)**a_i * (G / n**theta)**(1 - a_i)``; the factor ``n**(-theta (1 - a_i))`` is
    a positive constant for a given ``n``, so the best response is that of the uncrowded game
    (likewise ``b_i log(G / n**theta) = b_i log G - theta b_i log n``). Crowding changes what
    each member consumes, ``g = G / n**theta``, and hence how provision varies with ``n``; the
    marginal rates of substitution between ``G`` and ``x_i`` are scale free, so the optimum
    is unchanged too.

    **Cobb-Douglas, summation.** The first-order condition ``a_i / (w_i - c_i) =
    (1 - a_i) / G`` gives ``c_i = max(0, w_i - rho_i G)`` with ``rho_i = a_i / (1 - a_i)``. So
    ``G = sum_i max(0, w_i - rho_i G)``: the left side increases in ``G``, the right side
    does not, so ``G`` and every ``c_i`` are unique (BBV's theorem). Member ``i`` contributes
    iff its threshold ``t_i = w_i / rho_i`` exceeds ``G``; the contributors are therefore the
    ``k`` members with the highest thresholds and, for that set ``C``,
    ``G = sum_C w_i / (1 + sum_C rho_i)``. ``k`` is the least with ``G_k >= t_(k+1)`` (sorted
    thresholds, prefix sums: ``O(n log n)``). Identical members all contribute and
    ``G* = n w / (1 + n rho) = n (1 - a) w / (1 + a (n - 1))``, so each consumes
    ``g(n) = n**(1 - theta) (1 - a) w / (1 + a (n - 1))``. Its logarithmic derivative has the
    sign of ``(1 - theta)(1 - a) - theta a n``: ``g`` falls beyond size ``n`` iff
    ``theta >= (1 - a) / (1 - a + a n)`` (see :meth:`crowding_threshold`).

    **Quasi-linear, summation.** ``du_i/dc_i = b_i / G - 1``: members with ``b_i > G`` give
    all their income, those with ``b_i < G`` nothing. With ``b`` sorted in decreasing order
    and ``S_k`` the income of the top ``k``, ``G = min(S_k, b_k)`` for the least ``k`` with
    ``S_k >= b_(k+1)`` (``b_(n+1) = 0``). ``G`` is unique; the split is unique unless several
    members have ``b_i = G`` exactly, who then split the residual in proportion to income.

    **Weakest link** (``G = min c``). A member's best response is ``min(s_i, m)`` where
    ``s_i`` is its stand-alone provision (:meth:`standalone`) and ``m`` the others' minimum,
    so any common level in ``[0, min s]`` is an equilibrium; the Pareto-best one,
    ``G = min_i s_i`` with everyone contributing it, is returned.

    **Best shot** (``G = max c``). In every pure equilibrium one member provides its
    stand-alone level and the others free-ride; the member with the largest ``s_i`` providing
    is always one (for Cobb-Douglas, ``i`` free-rides on ``s`` iff ``s >= a_i**rho_i s_i``),
    and it is the equilibrium with the largest provision; it is returned.

    **Optimum** (:meth:`optimum`). Cobb-Douglas: the Lindahl allocation, a Pareto optimum
    satisfying the Samuelson condition ``sum_i MRS_i = MRT``: member ``i`` spends the share
    ``1 - a_i`` of its income on the good, ``G = sum_i (1 - a_i) w_i / MRT``. With a common
    ``a`` the Samuelson condition ``(1 - a)(W - G) / (a G) = MRT`` pins down the same ``G``
    for every income distribution: it is then *the* Pareto-optimal provision. Quasi-linear:
    the utilitarian optimum ``G = min(sum_i b_i, W) / MRT`` (the ``G`` of every interior
    Pareto optimum). ``MRT = 1`` for summation and best shot (one unit of income makes one
    unit of ``G``), ``n`` for the weakest link (a unit more needs a unit from everyone).

    References
    ----------
    .. [1] Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public
       goods. *Journal of Public Economics* 29(1), 25-49.
    .. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
       *American Political Science Review* 68(2), 707-716.
    .. [3] Hirshleifer, J. (1983). From weakest-link to best-shot. *Public Choice* 41(3),
       371-386.
    .. [4] Olson, M. (1965). *The Logic of Collective Action*, pp. 27-36.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.PublicGoodProvision.identical(4, income=1, a=Fraction(1, 2))
    >>> m.equilibrium().total              # n (1 - a) w / (1 + a (n - 1))
    Fraction(4, 5)
    >>> m.optimum(), m.shortfall()
    (Fraction(2, 1), Fraction(2, 5))
    >>> rich_and_poor = ml.models.PublicGoodProvision([10, 2, 1], a=Fraction(1, 2))
    >>> rich_and_poor.equilibrium()
    ProvisionEquilibrium(total=5, contributors=1/3, contributions=[5, 0, 0])
    >>> rich_and_poor.burden_shares().exploitation      # 1 - 10/13: the great pay more
    Fraction(3, 13)
    """

    incomes: Any
    a: Any = None
    b: Any = None
    theta: Any = 0
    aggregation: Aggregation = "sum"
    _exact: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        w, exact = _real_array(self.incomes, "incomes")
        n = w.size
        if (self.a is None) == (self.b is None):
            raise InvalidArgumentError(
                "give exactly one of a (Cobb-Douglas: u = x**a * g**(1 - a)) or b "
                "(quasi-linear: u = x + b log g)")
        name = "a" if self.b is None else "b"
        pref, pref_exact = _real_array(self.a if self.b is None else self.b, name, n)
        exact = exact and pref_exact
        if not exact:
            w, pref = w.astype(np.float64), pref.astype(np.float64)
        if np.any(w < 0):
            i = _first_bad(w < 0)
            raise InvalidArgumentError(f"incomes must be >= 0; member {i} has {w[i]}")
        if not w.sum() > 0:
            raise InvalidArgumentError("incomes must not all be zero: nobody could provide")
        if name == "a":
            bad = (pref <= 0) | (pref >= 1)
            if np.any(bad):
                i = _first_bad(bad)
                raise InvalidArgumentError(
                    f"a (the Cobb-Douglas weight on the private good) must be in (0, 1); "
                    f"member {i} has {pref[i]}")
        elif np.any(pref <= 0):
            i = _first_bad(pref <= 0)
            raise InvalidArgumentError(f"b (the value of the good) must be > 0; member {i} "
                                       f"has {pref[i]}")
        theta = check_real(self.theta, "theta", low=0, high=1)
        if self.aggregation not in _AGGREGATIONS:
            raise InvalidArgumentError(
                f"aggregation must be one of {_AGGREGATIONS}, got {self.aggregation!r}")
        object.__setattr__(self, "incomes", _frozen(w))
        object.__setattr__(self, name, _frozen(pref))
        object.__setattr__(self, "theta", theta)
        object.__setattr__(self, "_exact", exact)

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def identical(cls, n: int, income: Any = 1, a: Any = None, theta: Any = 0, *,
                  b: Any = None, aggregation: Aggregation = "sum") -> PublicGoodProvision:
        """``n`` identical members (Cobb-Douglas with ``a = 1/2`` unless ``a`` or ``b``).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision.identical(3, income=2, a=0.25).equilibrium().total
        3.0
        """
        n = check_positive_int(n, "n", 1)
        if a is None and b is None:
            a = Fraction(1, 2)
        return cls([income] * n, a=a, b=b, theta=theta, aggregation=aggregation)

    @classmethod
    def from_shares(cls, shares: ArrayLike, total: Any = 1, *, a: Any = None, b: Any = None,
                    theta: Any = 0, aggregation: Aggregation = "sum") -> PublicGoodProvision:
        """Members whose incomes are ``shares`` of a ``total`` (shares >= 0 summing to one).

        Exact shares must sum to exactly one; float shares to within ``1e-9``.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> m = ml.models.PublicGoodProvision.from_shares([F(1, 2), F(1, 4), F(1, 4)], 8, a=F(1, 2))
        >>> m.incomes.tolist()
        [Fraction(4, 1), Fraction(2, 1), Fraction(2, 1)]
        """
        s, exact = _real_array(shares, "shares")
        tot = check_real(total, "total", low=0, open_low=True)
        if np.any(s < 0):
            raise InvalidArgumentError(f"shares must be >= 0, got {_fmt_seq(s)}")
        ssum = s.sum()
        if (exact and ssum != 1) or (not exact and abs(float(ssum) - 1) > 1e-9):
            raise InvalidArgumentError(f"shares must sum to one, they sum to {_fmt(ssum)}")
        return cls(s * tot, a=a, b=b, theta=theta, aggregation=aggregation)

    def with_size(self, n: int) -> PublicGoodProvision:
        """The same good and the same (identical) members in a group of ``n``.

        Only defined when the members are identical: for a heterogeneous group, say who joins
        by building the model from its incomes and preferences.
        """
        n = check_positive_int(n, "n", 1)
        if not self.is_identical:
            raise InvalidArgumentError(
                "with_size needs identical members (which heterogeneous members would a "
                "group of another size have?); build PublicGoodProvision(incomes, ...) instead")
        return PublicGoodProvision.identical(
            n, self.incomes[0], a=None if self.a is None else self.a[0],
            b=None if self.b is None else self.b[0], theta=self.theta,
            aggregation=self.aggregation)

    # -- description ------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of members."""
        return int(self.incomes.size)

    @property
    def utility(self) -> Literal["cobb_douglas", "quasi_linear"]:
        """The preference family."""
        return "cobb_douglas" if self.b is None else "quasi_linear"

    @property
    def is_exact(self) -> bool:
        """True when incomes and preferences are exact: the answers are then Fractions."""
        return self._exact

    @property
    def _pref(self) -> NDArray[Any]:
        return self.a if self.b is None else self.b

    @property
    def is_identical(self) -> bool:
        """True when every member has the same income and preferences."""
        w, p = self.incomes, self._pref
        return bool(np.all(w == w[0]) and np.all(p == p[0]))

    def standalone(self) -> NDArray[Any]:
        """What each member would provide alone: ``(1 - a_i) w_i`` or ``min(b_i, w_i)``."""
        if self.b is None:
            return _frozen((1 - self.a) * self.incomes)
        return _frozen(np.minimum(self.b, self.incomes))

    # -- equilibrium ------------------------------------------------------------------------
    def equilibrium(self) -> ProvisionEquilibrium:
        """The Nash equilibrium (unique for summation; see Notes of the class for the others).

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision([4, 2], a=F(1, 2)).equilibrium().contributions.tolist()
        [Fraction(2, 1), Fraction(0, 1)]
        >>> ql = ml.models.PublicGoodProvision([3, 1], b=[2, 5])   # u_i = x_i + b_i log G
        >>> ql.equilibrium().contributions.tolist()   # 1 gives all; 0 tops G up to its b = 2
        [Fraction(1, 1), Fraction(1, 1)]
        """
        return self._equilibrium

    @functools.cached_property
    def _equilibrium(self) -> ProvisionEquilibrium:
        w, exact = self.incomes, self._exact
        if self.aggregation != "sum":
            s = self.standalone()
            if self.aggregation == "weakest_link":
                level = min(s) if exact else s.min()
                c = np.array([level] * self.n, dtype=object) if exact else np.full(self.n, level)
                return _result(c, level, np.full(self.n, level > 0), "pareto_best")
            j = int(np.argmax(np.asarray(s, dtype=np.float64)))
            if exact:  # the float argmax may miss an exact maximum by rounding
                j = max(range(self.n), key=lambda i: (s[i], -i))
            c = np.zeros(self.n, dtype=object if exact else np.float64)
            c[:] = Fraction(0) if exact else 0.0
            c[j] = s[j]
            return _result(c, s[j], c > 0, "largest_provision")
        if self.b is None:
            return _cobb_douglas_sum(w, self.a, exact)
        return _quasi_linear_sum(w, self.b, exact)

    def optimum(self) -> Any:
        """The efficient provision ``G`` (Lindahl for Cobb-Douglas, utilitarian for
        quasi-linear); see the class Notes for exactly what is computed."""
        mrt = self.n if self.aggregation == "weakest_link" else 1
        if self.b is None:
            total = ((1 - self.a) * self.incomes).sum()
        else:
            total = min(self.b.sum(), self.incomes.sum())
        return total / mrt

    def shortfall(self) -> Any:
        """Equilibrium over optimal provision (``< 1``: the good is under-provided)."""
        return self.equilibrium().total / self.optimum()

    def burden_shares(self) -> BurdenShares:
        """Contribution shares against income shares (Olson's exploitation).

        Examples
        --------
        >>> import multilateral as ml
        >>> bs = ml.models.PublicGoodProvision([3, 1], a=0.5).burden_shares()
        >>> bs.burden.tolist(), bs.income.tolist()
        ([1.0, 0.0], [0.75, 0.25])
        """
        c = self.equilibrium().contributions
        total = c.sum()
        if not total > 0:
            raise InvalidArgumentError(
                "nobody contributes in equilibrium (a weakest link with a member who cannot "
                "give): burden shares are undefined")
        return BurdenShares(_frozen(c / total), _frozen(self.incomes / self.incomes.sum()))

    def per_member_provision(self) -> Any:
        """``g = G / n**theta``, what each member consumes (exact when ``n**theta`` is rational).

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.PublicGoodProvision.identical(n, theta=1).per_member_provision()
        ...  for n in (1, 2, 3)]
        [Fraction(1, 2), Fraction(1, 3), Fraction(1, 4)]
        """
        total = self.equilibrium().total
        scale = _power(self.n, self.theta)
        return total / scale if isinstance(scale, Fraction) else float(total) / scale

    def per_member_falls(self, larger: int) -> bool:
        """Whether each member of a group of size ``larger`` consumes strictly less than here.

        Exact for exact inputs even when ``n**theta`` is irrational: with ``theta = p/q`` it
        compares ``(G'/G)**q`` with ``(n'/n)**p`` in integers.
        """
        larger = check_positive_int(larger, "larger", self.n + 1)
        g1, g2 = self.equilibrium().total, self.with_size(larger).equilibrium().total
        theta = self.theta
        if isinstance(theta, Fraction) and self._exact:
            ratio = Fraction(g2) / Fraction(g1)
            return bool(ratio**theta.denominator < Fraction(larger, self.n) ** theta.numerator)
        return bool(math.log(float(g2) / float(g1)) < float(theta) * math.log(larger / self.n))

    def crowding_threshold(self) -> Any:
        """Chamberlin's condition: the least ``theta`` at which provision per member falls as
        the group grows beyond this size (identical Cobb-Douglas members, summation).

        ``theta*(n) = (1 - a) / (1 - a + a n)``: per-member provision ``G*/m**theta`` is
        strictly decreasing in ``m`` on ``[n, inf)`` iff ``theta >= theta*(n)``. It falls at
        every size for ``theta >= 1 - a`` and rises at every size for a pure public good; for
        ``0 < theta < theta*(n)`` it still rises up to :meth:`peak_size` and falls beyond.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision.identical(3, a=F(1, 2)).crowding_threshold()
        Fraction(1, 4)
        """
        a = self._identical_cobb_douglas("crowding_threshold")
        return (1 - a) / (1 - a + a * self.n)

    def peak_size(self) -> Any:
        """The (real) group size maximizing per-member provision of identical Cobb-Douglas
        members: ``(1 - theta)(1 - a) / (theta a)`` (``inf`` for a pure public good)."""
        a = self._identical_cobb_douglas("peak_size")
        if self.theta == 0:
            return math.inf
        return (1 - self.theta) * (1 - a) / (self.theta * a)

    def _identical_cobb_douglas(self, what: str) -> Any:
        if self.b is not None or not self.is_identical or self.aggregation != "sum":
            raise InvalidArgumentError(
                f"{what} is derived for identical Cobb-Douglas members and summation")
        return self.a[0]

    # -- dunder -----------------------------------------------------------------------------
    def _key(self) -> tuple[Any, ...]:
        return (self.utility, tuple(self.incomes.tolist()), tuple(self._pref.tolist()),
                self.theta, self.aggregation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PublicGoodProvision):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        pref = "a" if self.b is None else "b"
        tail = f", theta={_fmt(self.theta)}"
        if self.aggregation != "sum":
            tail += f", aggregation={self.aggregation!r}"
        if self.is_identical:
            return (f"PublicGoodProvision.identical(n={self.n}, income={_fmt(self.incomes[0])}, "
                    f"{pref}={_fmt(self._pref[0])}{tail})")
        p = self._pref
        ptxt = _fmt(p[0]) if np.all(p == p[0]) else _fmt_seq(p)
        return f"PublicGoodProvision(incomes={_fmt_seq(self.incomes)}, {pref}={ptxt}{tail})"


def _result(c: NDArray[Any], total: Any, contributors: NDArray[Any], selection: str
            ) -> ProvisionEquilibrium:
    return ProvisionEquilibrium(_frozen(c), total, _frozen(np.asarray(contributors, dtype=bool)),
                                selection)


def _cobb_douglas_sum(w: NDArray[Any], a: NDArray[Any], exact: bool) -> ProvisionEquilibrium:
    """BBV's algorithm: contributors are the top ``k`` by threshold ``w_i / rho_i``.

    Exact inputs: the contributor set found in floats is solved exactly and then verified
    exactly for every member whose float margin ``w_i - rho_i G`` is not clearly negative
    (rounding errors are ~1e-16 relative; "clearly" is 1e-9); if the check fails, an exact
    sorted scan decides. Members who clearly do not contribute cost no rational arithmetic.
    """
    wf, af = np.asarray(w, dtype=np.float64), np.asarray(a, dtype=np.float64)
    rf = af / (1 - af)
    t = wf / rf
    order = np.argsort(-t, kind="stable")
    g_k = np.concatenate(([0.0], np.cumsum(wf[order]) / (1 + np.cumsum(rf[order]))))
    nxt = np.concatenate((t[order], [-np.inf]))  # t_(k+1) for k = 0..n
    k = int(np.argmax(g_k >= nxt))
    if not exact:
        c = np.zeros_like(wf)
        top = order[:k]
        c[top] = np.maximum(wf[top] - rf[top] * g_k[k], 0.0)
        return _result(c, float(g_k[k]), c > 0, "unique")
    inside = np.zeros(w.size, dtype=bool)
    inside[order[:k]] = True
    total = _cd_total(w, a, np.flatnonzero(inside).tolist())
    cx = _cd_exact_contributions(w, a, wf, rf, total, inside)
    if cx is None:  # rounding chose the wrong contributors
        total = _cd_exact_scan(w, a)
        cx = _cd_exact_contributions(w, a, wf, rf, total, None)
    assert cx is not None
    return _result(cx, total, cx > 0, "unique")


def _cd_exact_contributions(w: NDArray[Any], a: NDArray[Any], wf: NDArray[np.float64],
                            rf: NDArray[np.float64], total: Fraction,
                            inside: NDArray[np.bool_] | None) -> NDArray[Any] | None:
    """Exact ``max(0, w_i - rho_i G)``; ``None`` if ``inside`` is not the contributor set."""
    gf = float(total)
    margin = wf - rf * gf
    clearly_out = margin < -(1e-9 * (np.abs(wf) + np.abs(rf * gf)) + 1e-290)
    if inside is not None and np.any(inside & clearly_out):
        return None
    c = np.empty(w.size, dtype=object)
    c[:] = Fraction(0)
    for i in np.flatnonzero(~clearly_out).tolist():
        ci = w[i] - a[i] / (1 - a[i]) * total
        if inside is not None and (ci < 0 if inside[i] else ci > 0):
            return None
        if ci > 0:
            c[i] = ci
    return c


def _cd_total(w: NDArray[Any], a: NDArray[Any], members: Sequence[int]) -> Fraction:
    """``G = sum_C w_i / (1 + sum_C rho_i)`` for the contributor set ``C``."""
    return Fraction(sum((w[i] for i in members), Fraction(0))) / (
        1 + sum((a[i] / (1 - a[i]) for i in members), Fraction(0)))


def _cd_exact_scan(w: NDArray[Any], a: NDArray[Any]) -> Fraction:
    """The exact fallback: add members by decreasing threshold until ``G_k >= t_(k+1)``."""
    rho = [ai / (1 - ai) for ai in a]
    t = [wi / ri for wi, ri in zip(w, rho, strict=True)]
    sw, sr, total = Fraction(0), Fraction(0), Fraction(0)
    for i in sorted(range(len(t)), key=t.__getitem__, reverse=True):
        if total >= t[i]:
            break
        sw, sr = sw + w[i], sr + rho[i]
        total = sw / (1 + sr)
    return total


def _quasi_linear_sum(w: NDArray[Any], b: NDArray[Any], exact: bool) -> ProvisionEquilibrium:
    """Members with ``b_i > G`` give everything; ``G = min(S_k, b_k)`` at the least ``k``
    with ``S_k >= b_(k+1)``."""
    n = w.size
    if exact:
        order = sorted(range(n), key=lambda i: b[i], reverse=True)
        running = Fraction(0)
        total: Any = Fraction(0)
        for pos, i in enumerate(order):
            running += w[i]
            following = b[order[pos + 1]] if pos + 1 < n else 0
            if running >= following:
                total = min(running, b[i])
                break
        above = np.array([bi > total for bi in b], dtype=bool)
        tied = np.array([bi == total for bi in b], dtype=bool)
        c = np.array([Fraction(0)] * n, dtype=object)
    else:
        idx = np.argsort(-b, kind="stable")
        s = np.cumsum(w[idx])
        nxt = np.append(b[idx][1:], 0.0)
        j = int(np.argmax(s >= nxt))
        total = min(float(s[j]), float(b[idx][j]))
        above, tied = b > total, b == total
        c = np.zeros(n)
    c[above] = w[above]
    residual = total - w[above].sum()
    selection = "unique"
    if np.any(tied) and residual > 0:
        tied_income = w[tied].sum()
        c[tied] = w[tied] * (residual / tied_income)
        if np.count_nonzero(tied & (w > 0)) > 1:
            selection = "income_proportional_ties"
    return _result(c, total, c > 0, selection)


# -- privileged groups and k-groups -------------------------------------------------------------
@dataclass(frozen=True)
class KGroup:
    """The smallest subgroup that gains from providing even if everyone else free-rides.

    Attributes
    ----------
    members : tuple of int
        Its members (the highest valuations).
    value : number
        Their combined valuation of one unit of the good.
    cost : number
        The cost of the unit.
    """

    members: tuple[int, ...]
    value: Any
    cost: Any

    @property
    def size(self) -> int:
        """``k``, the number of members."""
        return len(self.members)

    @property
    def privileged(self) -> bool:
        """True when one member gains from providing alone (Olson's privileged group)."""
        return self.size == 1


def linear_k_group(n: int, r: Any) -> int | None:
    """Olson's ``k`` for the linear public good: ``floor(n / r) + 1``, or ``None`` if none.

    Each unit contributed costs its contributor 1 and returns ``r / n`` to each of the ``n``
    members (the good of :meth:`multilateral.AnonymousGame.public_goods`). If ``k`` members
    contribute a unit each and the rest free-ride, each contributor nets ``k r / n - 1``; the
    subgroup *gains* from providing iff ``k r / n > 1`` (strictly: at ``k r / n = 1`` it is
    indifferent), so the least ``k`` is the least integer above ``n / r``,
    ``floor(n / r) + 1``. ``None`` when even the whole group does not gain (``r <= 1``).
    ``k = 1`` (``r > n``) is a privileged group: one member provides even alone. This is
    Olson's criterion of a group that *can* provide, not a Nash equilibrium of the linear
    game (where free-riding stays dominant while ``r < n``).

    Examples
    --------
    >>> from multilateral.models import linear_k_group
    >>> linear_k_group(10, 3), linear_k_group(10, 5), linear_k_group(10, 11)
    (4, 3, 1)
    """
    n = check_positive_int(n, "n", 1)
    rr = check_real(r, "r", low=0, open_low=True)
    k = math.floor(n / rr) + 1  # exact for a Fraction r
    return k if k <= n else None


def k_group(valuations: ArrayLike, cost: Any = 1) -> KGroup | None:
    """The smallest subgroup whose combined valuation of a unit covers its cost.

    Member ``i`` values one unit of the good at ``v_i``; a subgroup ``S`` can split the cost
    so that each of its members gains (pays ``s_i < v_i``) iff ``sum_S v_i > cost``. The
    smallest such ``S`` is the members with the highest valuations: any ``k``-member set
    has a combined valuation at most the sum of the ``k`` largest, so if some set of size
    ``k`` covers the cost the top ``k`` do, and the least ``k`` for the top sets is the least
    overall. ``None`` when not even the whole group's valuation exceeds the cost.

    Examples
    --------
    >>> from multilateral.models import k_group
    >>> k_group([5, 1, 1, 1], cost=4).privileged
    True
    >>> k_group([2, 3, 1, 2], cost=6).members       # 3 + 2 + 2 = 7 > 6
    (1, 0, 3)
    """
    v, exact = _real_array(valuations, "valuations")
    c = check_real(cost, "cost", low=0, open_low=True)
    if np.any(v < 0):
        raise InvalidArgumentError(f"valuations must be >= 0, got {_fmt_seq(v)}")
    order = sorted(range(v.size), key=lambda i: (-v[i], i))
    running: Any = Fraction(0) if exact else 0.0
    for pos, i in enumerate(order):
        running += v[i]
        if running > c:
            return KGroup(tuple(order[: pos + 1]), running, c)
    return None


# -- side payments --------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False, eq=False)
class SidePayments:
    """The least side payments a large member makes to bring everyone in.

    Attributes
    ----------
    transfers : numpy.ndarray
        The transfer to each member, ``max(0, cost_i - benefit_i)``.
    total : number
        Their sum.
    payer_gain : number
        What the payer gains from the reluctant members' participation.
    """

    transfers: NDArray[Any]
    total: Any
    payer_gain: Any

    @property
    def reluctant(self) -> NDArray[np.bool_]:
        """The members who would not join without a transfer."""
        return _frozen(np.asarray(self.transfers > 0, dtype=bool))

    @property
    def net_gain(self) -> Any:
        """``payer_gain - total``."""
        return self.payer_gain - self.total

    @property
    def pays_for_itself(self) -> bool:
        """True when the payer strictly gains from paying (``net_gain > 0``)."""
        return bool(self.net_gain > 0)

    def __repr__(self) -> str:
        return (f"SidePayments(total={_fmt(self.total)}, payer_gain={_fmt(self.payer_gain)}, "
                f"pays_for_itself={self.pays_for_itself})")


def side_payments(benefits: ArrayLike, costs: ArrayLike, payer_gain: Any) -> SidePayments:
    """Kahler's side payments: what a great power must pay others to join an agreement.

    Member ``i`` (other than the payer) gets ``benefits[i]`` from the agreement if it joins
    and bears ``costs[i]`` by joining. Joining is individually rational iff
    ``benefit_i - cost_i + t_i >= 0``; the least transfers are ``t_i = max(0, cost_i -
    benefit_i)`` (members who gain anyway are paid nothing). The payer's gain from bringing
    the reluctant members in is ``payer_gain``: one number (its gain from full participation
    over the coalition of the willing), or one number per member (its gain from each
    member's participation, taken as additive; only the reluctant members' count, since the
    willing join unpaid). The side payments pay for themselves iff the gain strictly exceeds
    the transfers. Kahler's point: great powers make large-number multilateralism possible by
    paying for it, and the bill grows with the number of reluctant members.

    References
    ----------
    .. [1] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708.
    .. [2] Olson, M. (1965), pp. 48-50 (privileged groups; a member with a large stake
       provides for the others).

    Examples
    --------
    >>> from multilateral.models import side_payments
    >>> sp = side_payments(benefits=[3, 1, 2], costs=[2, 4, 3], payer_gain=5)
    >>> sp.transfers.tolist(), sp.total, sp.pays_for_itself
    ([Fraction(0, 1), Fraction(3, 1), Fraction(1, 1)], Fraction(4, 1), True)
    >>> side_payments([3, 1, 2], [2, 4, 3], payer_gain=[9, 2, 1]).net_gain   # 2 + 1 - 4
    Fraction(-1, 1)
    """
    ben, ex1 = _real_array(benefits, "benefits")
    cst, ex2 = _real_array(costs, "costs", ben.size)
    if np.any(cst < 0):
        raise InvalidArgumentError(f"costs must be >= 0, got {_fmt_seq(cst)}")
    per: NDArray[Any] | None = None
    gain: Any = None
    if isinstance(payer_gain, numbers.Real) and not isinstance(payer_gain, bool):
        gain = check_real(payer_gain, "payer_gain")
        ex3 = isinstance(gain, Fraction)
    else:
        per, ex3 = _real_array(payer_gain, "payer_gain", ben.size)
    exact = ex1 and ex2 and ex3
    zero: Any = Fraction(0) if exact else 0.0
    if not exact:
        ben, cst = ben.astype(np.float64), cst.astype(np.float64)
    t = cst - ben
    t[t < 0] = zero
    if per is not None:
        gain = (per if exact else per.astype(np.float64))[t > 0].sum()
    total = t.sum()
    total, gain = (Fraction(total), Fraction(gain)) if exact else (float(total), float(gain))
    return SidePayments(_frozen(t), total, gain)
