"""Voluntary provision of a collective good: the model and its equilibrium results.

The theory is in :mod:`multilateral.models.collective_action`; the equilibrium kernels in
:mod:`multilateral.models.collective_action._equilibrium`.

The module runs past the library's ~600 lines because it holds one model with its two
result classes, and most of its lines are docstrings with runnable examples; the
computation that could stand alone (the equilibrium kernels) already does.
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import format_number, format_values, readonly
from ..._validation import as_real_vector, check_positive_int, check_real
from ...errors import InvalidArgumentError
from ...games.normal_form import NormalFormGame
from ...tolerances import PROBABILITY
from ...types import Number, NumberArray
from ..base import Model
from ._equilibrium import cobb_douglas_sum, power, quasi_linear_sum

__all__ = ["BurdenShares", "ProvisionEquilibrium", "PublicGoodProvision"]
__dir__ = public_dir(__all__)

#: The largest n that ``identical`` builds (arrays of n incomes; a typo such as 10**30 would
#: otherwise overflow deep inside numpy).
_MAX_MEMBERS = 10**8

Aggregation = Literal["sum", "weakest_link", "best_shot"]
_AGGREGATIONS = ("sum", "weakest_link", "best_shot")


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

    References
    ----------
    .. [1] Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public
       goods. *Journal of Public Economics* 29(1), 25-49.
    .. [2] Hirshleifer, J. (1983). From weakest-link to best-shot. *Public Choice* 41(3),
       371-386 (the selections among many equilibria).

    See Also
    --------
    PublicGoodProvision.equilibrium : computes it.
    PublicGoodProvision.optimum : the efficient provision to compare ``total`` with.
    BurdenShares : who bears the burden in it.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> eq = ml.models.PublicGoodProvision([3, 1], a=Fraction(1, 2)).equilibrium()
    >>> eq
    ProvisionEquilibrium(total=3/2, contributors=1/2, contributions=[3/2, 0])
    >>> eq.privileged, eq.selection
    (True, 'unique')
    """

    contributions: NumberArray
    total: Number
    contributors: NDArray[np.bool_]
    selection: str

    @property
    def n_contributors(self) -> int:
        """How many members contribute.

        See Also
        --------
        privileged : whether one member provides alone.
        """
        return int(self.contributors.sum())

    @property
    def privileged(self) -> bool:
        """True when one member provides the good alone (Olson's privileged group).

        See Also
        --------
        n_contributors : how many contribute.
        multilateral.models.k_group : Olson's privileged group from valuations.
        """
        return self.n_contributors == 1

    def __repr__(self) -> str:
        return (f"ProvisionEquilibrium(total={format_number(self.total)}, contributors="
                f"{self.n_contributors}/{self.contributions.size}, "
                f"contributions={_show(self.contributions)})")


@dataclass(frozen=True, repr=False, eq=False)
class BurdenShares:
    """Each member's share of the burden ``c_i / sum(c)`` against its share of income.

    Attributes
    ----------
    burden : numpy.ndarray
        Contribution shares (they sum to one).
    income : numpy.ndarray
        Income shares ``w_i / W``.

    References
    ----------
    .. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
       p. 35 (the exploitation of the great by the small).
    .. [2] Olson, M. and Zeckhauser, R. (1966). An economic theory of alliances. *Review of
       Economics and Statistics* 48(3), 266-279.

    See Also
    --------
    PublicGoodProvision.burden_shares : computes it.
    ProvisionEquilibrium : the contributions it is computed from.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> shares = ml.models.PublicGoodProvision([3, 1], a=Fraction(1, 2)).burden_shares()
    >>> shares
    BurdenShares(burden=[1, 0], income=[3/4, 1/4])
    >>> shares.exploitation   # the largest member bears more than its share of income
    Fraction(1, 4)
    """

    burden: NumberArray
    income: NumberArray

    @property
    def largest(self) -> int:
        """Index of the member with the largest income (the first if several tie).

        See Also
        --------
        exploitation : its burden share against its income share.
        """
        return int(np.argmax(np.asarray(self.income, dtype=np.float64)))

    @property
    def exploitation(self) -> Number:
        """Burden share minus income share of the largest member.

        Olson's "exploitation of the great by the small" is ``exploitation >= 0``: the
        largest member bears at least its share of income.

        See Also
        --------
        largest : the member it is about.
        """
        i = self.largest
        difference: Number = self.burden[i] - self.income[i]
        return difference

    def __repr__(self) -> str:
        return f"BurdenShares(burden={_show(self.burden)}, income={_show(self.income)})"


# -- the model ------------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False, eq=False)
class PublicGoodProvision(Model):
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
    benefit : number or sequence, optional
        Quasi-linear preferences ``u_i = x_i + b_i * log(g)`` with ``b_i = benefit[i] > 0``,
        the value of the good. Give exactly one of ``a`` and ``benefit``.
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

    **Exactness.** Exact incomes, ``a`` or ``benefit`` and ``theta`` keep the equilibrium,
    the optimum and the shortfall exact; floats give floats. Two outputs are floats whatever
    the input: :meth:`per_member_provision` when ``n**theta`` is irrational (e.g.
    ``3**(1/2)``; :meth:`per_member_falls` still compares exactly), and the payoffs of
    :meth:`discrete_game` (and :attr:`game`), since Cobb-Douglas utility
    ``(w - c)**a g**(1 - a)`` raises to irrational powers (quasi-linear utility takes
    ``log G``).

    **Cost at large n.** :meth:`identical` holds one validated member ``n`` times and solves
    the summation equilibrium of identical Cobb-Douglas members in closed form: O(n) numpy
    work, exact or float (a million members in about 0.1 s). Models built from one income
    per member, and the other outputs, cost rational arithmetic per member with exact
    input: about 25 s for a million (benchmarks/bench_large_n.py), against 0.3 s with
    floats. For large heterogeneous groups pass floats (``incomes=np.array(..., dtype=float)``).

    References
    ----------
    .. [1] Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public
       goods. *Journal of Public Economics* 29(1), 25-49.
    .. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
       *American Political Science Review* 68(2), 707-716.
    .. [3] Hirshleifer, J. (1983). From weakest-link to best-shot. *Public Choice* 41(3),
       371-386.
    .. [4] Olson, M. (1965). *The Logic of Collective Action*, pp. 27-36.

    See Also
    --------
    multilateral.models.k_group : the smallest subgroup that gains from providing.
    multilateral.models.side_payments : what a great power pays to bring others in.
    multilateral.models.ConditionalCooperation : the linear public good, repeated.
    multilateral.AnonymousGame.public_goods : the binary linear public goods game.
    ProvisionEquilibrium, BurdenShares : what :meth:`equilibrium` and :meth:`burden_shares`
        return.
    multilateral.claims.OLSON_SUBOPTIMALITY : Olson's own group-size claim, checked on this
        model (a larger group of identical members falls farther short of the optimum).
    multilateral.claims.OLSON_GROUP_SIZE, multilateral.claims.CHAMBERLIN_CROWDING : the
        popular reading (provision per member falls), false for a pure public good, and
        where crowding makes it true.

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

    # Any: given as array-likes or numbers and stored as read-only arrays (float64, or object
    # arrays of Fractions), a dataclass field has one type for both; no precise one fits
    incomes: Any
    a: Any = None
    benefit: Any = None
    theta: Number = 0
    aggregation: Aggregation = "sum"
    _exact: bool = field(default=True, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        w, exact = as_real_vector(self.incomes, "incomes")
        n = w.size
        if (self.a is None) == (self.benefit is None):
            raise InvalidArgumentError(
                "give exactly one of a (Cobb-Douglas: u = x**a * g**(1 - a)) or benefit "
                "(quasi-linear: u = x + benefit log g)")
        name = "a" if self.benefit is None else "benefit"
        pref, pref_exact = as_real_vector(self.a if self.benefit is None else self.benefit, name, n)
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
            raise InvalidArgumentError(f"benefit (the value of the good) must be > 0; member {i} "
                                       f"has {pref[i]}")
        theta = check_real(self.theta, "theta", low=0, high=1)
        if self.aggregation not in _AGGREGATIONS:
            raise InvalidArgumentError(
                f"aggregation must be one of {_AGGREGATIONS}, got {self.aggregation!r}")
        object.__setattr__(self, "incomes", _readonly(w))
        object.__setattr__(self, name, _readonly(pref))
        object.__setattr__(self, "theta", theta)
        object.__setattr__(self, "_exact", exact)

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def identical(cls, n: int, income: Number = 1, a: Number | None = None, theta: Number = 0,
                  *, benefit: Number | None = None, aggregation: Aggregation = "sum"
                  ) -> PublicGoodProvision:
        """``n`` identical members (Cobb-Douglas with ``a = 1/2`` unless ``a`` or ``benefit``).

        See Also
        --------
        with_size : the same members in a group of another size.
        from_shares : members given by income shares.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision.identical(3, income=2, a=0.25).equilibrium().total
        3.0
        """
        n = check_positive_int(n, "n", 1, maximum=_MAX_MEMBERS,
                               why=" (a provision model keeps arrays of n incomes)")
        if a is None and benefit is None:
            a = Fraction(1, 2)
        # validate one member, then hold n references to its values: O(n) numpy work, no
        # Fraction made, compared or summed per member (the same model as cls([income] * n))
        one = cls([income], a=a, benefit=benefit, theta=theta, aggregation=aggregation)
        if n == 1:
            return one
        model = cls.__new__(cls)
        name = "a" if one.benefit is None else "benefit"
        for field_name, value in (("incomes", one.incomes), (name, getattr(one, name))):
            object.__setattr__(model, field_name,
                               _readonly(np.full(n, value[0], dtype=value.dtype)))
        object.__setattr__(model, "benefit" if name == "a" else "a", None)
        for field_name in ("theta", "aggregation", "_exact"):
            object.__setattr__(model, field_name, getattr(one, field_name))
        return model

    @classmethod
    def from_shares(cls, shares: ArrayLike | Sequence[Number], total: Number = 1, *,
                    a: Number | ArrayLike | Sequence[Number] | None = None,
                    benefit: Number | ArrayLike | Sequence[Number] | None = None,
                    theta: Number = 0,
                    aggregation: Aggregation = "sum") -> PublicGoodProvision:
        """Members whose incomes are ``shares`` of a ``total`` (shares >= 0 summing to one).

        Exact shares must sum to exactly one; float shares to within
        :data:`multilateral.tolerances.PROBABILITY`.

        See Also
        --------
        identical : identical members.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> m = ml.models.PublicGoodProvision.from_shares([F(1, 2), F(1, 4), F(1, 4)], 8, a=F(1, 2))
        >>> m.incomes.tolist()
        [Fraction(4, 1), Fraction(2, 1), Fraction(2, 1)]
        """
        s, exact = as_real_vector(shares, "shares")
        tot = check_real(total, "total", low=0, open_low=True)
        if np.any(s < 0):
            raise InvalidArgumentError(f"shares must be >= 0, got {_show(s)}")
        ssum = s.sum()
        if (exact and ssum != 1) or (not exact and abs(float(ssum) - 1) > PROBABILITY):
            raise InvalidArgumentError(f"shares must sum to one, they sum to {format_number(ssum)}")
        return cls(s * tot, a=a, benefit=benefit, theta=theta, aggregation=aggregation)

    def with_size(self, n: int) -> PublicGoodProvision:
        """The same good and the same (identical) members in a group of ``n``.

        Kept beside :meth:`with_` because ``with_`` cannot say it: the preferences are stored
        one per member, so ``with_(incomes=[w] * n)`` fails for another ``n`` (the
        preferences would not match), and the size is not a parameter of its own. Only
        defined when the members are identical: for a heterogeneous group, say who joins by
        building the model from its incomes and preferences.

        See Also
        --------
        with_ : change any other parameter.
        identical : build identical members directly.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision.identical(2, 1, Fraction(1, 2)).with_size(4)
        PublicGoodProvision.identical(n=4, income=1, a=1/2, theta=0)
        """
        n = check_positive_int(n, "n", 1)
        if not self.is_identical:
            raise InvalidArgumentError(
                "with_size needs identical members (which heterogeneous members would a "
                "group of another size have?); build PublicGoodProvision(incomes, ...) instead")
        return PublicGoodProvision.identical(
            n, self.incomes[0], a=None if self.a is None else self.a[0],
            benefit=None if self.benefit is None else self.benefit[0], theta=self.theta,
            aggregation=self.aggregation)

    # -- description ------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of members.

        See Also
        --------
        with_size : change it (identical members).
        """
        return int(self.incomes.size)

    @property
    def utility(self) -> Literal["cobb_douglas", "quasi_linear"]:
        """The preference family.

        See Also
        --------
        payoff : the utility it names.
        """
        return "cobb_douglas" if self.benefit is None else "quasi_linear"

    @property
    def is_exact(self) -> bool:
        """True when incomes and preferences are exact: the answers are then Fractions.

        See Also
        --------
        equilibrium : exact when this is True.
        """
        return self._exact

    @property
    def _pref(self) -> NumberArray:
        pref: NumberArray = self.a if self.benefit is None else self.benefit
        return pref

    @property
    def is_identical(self) -> bool:
        """True when every member has the same income and preferences.

        See Also
        --------
        with_size : defined when this is True.
        """
        w, p = self.incomes, self._pref
        return bool(np.all(w == w[0]) and np.all(p == p[0]))

    def standalone(self) -> NumberArray:
        """What each member would provide alone: ``(1 - a_i) w_i`` or ``min(b_i, w_i)``.

        See Also
        --------
        equilibrium : what each contributes when the others contribute too.
        """
        if self.benefit is None:
            return _readonly((1 - self.a) * self.incomes)
        return _readonly(np.minimum(self.benefit, self.incomes))

    # -- the game ---------------------------------------------------------------------------
    def payoff(self, i: int, contributions: ArrayLike | Sequence[Number]) -> float:
        """Member ``i``'s utility when the members contribute ``contributions``.

        ``x_i**a_i * g**(1 - a_i)`` (Cobb-Douglas) or ``x_i + b_i log g`` (quasi-linear, ``-inf``
        when ``g = 0``), with ``x_i = w_i - c_i`` and ``g = G / n**theta``. In floats: the
        utilities are irrational in general even when the parameters are exact.

        See Also
        --------
        discrete_game : the game of these payoffs on a grid.
        equilibrium : the contributions in equilibrium.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision([4, 2], a=Fraction(1, 2)).payoff(0, [2, 0])
        2.0
        """
        c = np.array(contributions, dtype=np.float64).reshape(1, -1)
        if c.shape[1] != self.n:
            raise InvalidArgumentError(
                f"contributions needs one value per member ({self.n}), got {c.shape[1]}")
        if isinstance(i, bool) or not isinstance(i, numbers.Integral) or not 0 <= i < self.n:
            raise InvalidArgumentError(f"i must be a member index in 0..{self.n - 1}, got {i!r}")
        return float(self._utilities(c)[0, int(i)])

    def _utilities(self, c: NDArray[np.float64]) -> NDArray[np.float64]:
        """Every member's utility at each row of contributions ``c`` (shape ``(rows, n)``)."""
        w = np.asarray(self.incomes, dtype=np.float64)
        total = {"sum": c.sum(axis=1), "weakest_link": c.min(axis=1),
                 "best_shot": c.max(axis=1)}[self.aggregation]
        g = (total / float(self.n) ** float(self.theta))[:, None]
        x = w - c
        if self.benefit is None:
            a = np.asarray(self.a, dtype=np.float64)
            cobb_douglas: NDArray[np.float64] = x**a * g ** (1 - a)
            return cobb_douglas
        b = np.asarray(self.benefit, dtype=np.float64)
        with np.errstate(divide="ignore"):
            quasi_linear: NDArray[np.float64] = x + b * np.log(g)
            return quasi_linear

    def discrete_game(self, unit: Number = 1) -> NormalFormGame:
        """The provision game with contributions in whole multiples of ``unit``.

        Member ``i`` chooses ``c_i`` in ``{0, unit, 2 unit, ...}`` up to its income ``w_i``;
        payoffs are :meth:`payoff` (floats), action labels the contributions. An
        equilibrium of the model whose contributions lie on this grid is a pure Nash
        equilibrium of the game (a best reply among all contributions is one among a few),
        so :func:`multilateral.solvers.pure_nash_equilibria` finds it; the grid may add
        equilibria of its own (a member may have no better grid point nearby).

        A quasi-linear member's utility is ``-inf`` when nobody contributes; a normal-form
        game needs finite payoffs, so those profiles get one less than the least finite
        payoff of the game. That keeps every member's ranking of the profiles, and so the
        best replies and the pure equilibria (mixed equilibria are those of the stand-in).

        Raises
        ------
        InvalidArgumentError
            If the game would have more than 2**20 action profiles (use a larger ``unit``).

        See Also
        --------
        game : the game in whole units (``unit = 1``).
        equilibrium : the model's equilibrium, on the continuum of contributions.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.PublicGoodProvision([10, 2, 1], a=Fraction(1, 2))
        >>> game = model.game
        >>> game.shape
        (11, 3, 2)
        >>> model.equilibrium().contributions.tolist()
        [Fraction(5, 1), Fraction(0, 1), Fraction(0, 1)]
        >>> [tuple(game.actions[i][a] for i, a in enumerate(p))
        ...  for p in ml.solvers.pure_nash_equilibria(game)]
        [('5', '0', '0')]
        """
        step = check_real(unit, "unit", low=0, open_low=True)
        levels = [[step * j for j in range(math.floor(w / step) + 1)] for w in self.incomes]
        profiles = math.prod(len(v) for v in levels)
        if profiles > 2**20:
            raise InvalidArgumentError(
                f"the game would have {profiles} action profiles (more than 2**20): give a "
                "larger unit")
        grid = np.array(list(itertools.product(*levels)), dtype=np.float64)
        u = self._utilities(grid)
        finite = np.isfinite(u)
        if not finite.all():
            u[~finite] = (u[finite].min() if finite.any() else 0.0) - 1.0
        shape = tuple(len(v) for v in levels)
        return NormalFormGame(u.reshape(*shape, self.n),
                              actions=[[format_number(x) for x in v] for v in levels])

    @property
    def game(self) -> NormalFormGame:
        """The provision game with contributions in whole units of income (see
        :meth:`discrete_game`, of which this is ``unit = 1``).

        See Also
        --------
        discrete_game : the same game on another grid.
        multilateral.solvers.pure_nash_equilibria : its equilibria.
        """
        return self.discrete_game()

    # -- equilibrium ------------------------------------------------------------------------
    def equilibrium(self) -> ProvisionEquilibrium:
        """The Nash equilibrium (unique for summation; see Notes of the class for the others).

        See Also
        --------
        ProvisionEquilibrium : what it returns.
        optimum : the efficient provision.
        game : the game it is an equilibrium of (on a grid).

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision([4, 2], a=F(1, 2)).equilibrium().contributions.tolist()
        [Fraction(2, 1), Fraction(0, 1)]
        >>> ql = ml.models.PublicGoodProvision([3, 1], benefit=[2, 5])   # u_i = x_i + b_i log G
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
                return _result(c, level, "pareto_best")
            j = int(np.argmax(np.asarray(s, dtype=np.float64)))
            if exact:  # the float argmax may miss an exact maximum by rounding
                j = max(range(self.n), key=lambda i: (s[i], -i))
            c = np.zeros(self.n, dtype=object if exact else np.float64)
            c[:] = Fraction(0) if exact else 0.0
            c[j] = s[j]
            return _result(c, s[j], "largest_provision")
        if self.benefit is None:
            if exact and _same_objects(w) and _same_objects(self.a):
                # identical members all contribute (G_n < w / rho): BBV's G and c in closed
                # form, the very Fractions the kernel computes member by member
                w0, a0, n = w[0], self.a[0], self.n
                rho = a0 / (1 - a0)
                total = Fraction(n * w0) / (1 + n * rho)
                c0 = w0 - rho * total
                return ProvisionEquilibrium(
                    _readonly(np.full(n, c0, dtype=object)), total,
                    _readonly(np.full(n, bool(c0 > 0))), "unique")
            return _result(*cobb_douglas_sum(w, self.a, exact))
        return _result(*quasi_linear_sum(w, self.benefit, exact))

    def optimum(self) -> Number:
        """The efficient provision ``G`` (Lindahl for Cobb-Douglas, utilitarian for
        quasi-linear); see the class Notes for exactly what is computed.

        See Also
        --------
        equilibrium : the provision in equilibrium.
        shortfall : the ratio of the two.
        """
        mrt = self.n if self.aggregation == "weakest_link" else 1
        if self.benefit is None:
            total = ((1 - self.a) * self.incomes).sum()
        else:
            total = min(self.benefit.sum(), self.incomes.sum())
        optimum: Number = total / mrt
        return optimum

    def shortfall(self) -> Number:
        """Equilibrium over optimal provision (``< 1``: the good is under-provided).

        See Also
        --------
        equilibrium, optimum : the two it compares.
        """
        return self.equilibrium().total / self.optimum()

    def burden_shares(self) -> BurdenShares:
        """Contribution shares against income shares (Olson's exploitation).

        See Also
        --------
        BurdenShares : what it returns.
        multilateral.claims.OLSON_EXPLOITATION : the claim about it.

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
        return BurdenShares(_readonly(c / total), _readonly(self.incomes / self.incomes.sum()))

    def per_member_provision(self) -> Number:
        """``g = G / n**theta``, what each member consumes (exact when ``n**theta`` is rational).

        See Also
        --------
        per_member_falls : whether it falls in a larger group.
        crowding_threshold : the crowding at which it falls.

        Examples
        --------
        >>> import multilateral as ml
        >>> [ml.models.PublicGoodProvision.identical(n, theta=1).per_member_provision()
        ...  for n in (1, 2, 3)]
        [Fraction(1, 2), Fraction(1, 3), Fraction(1, 4)]
        """
        total = self.equilibrium().total
        scale = power(self.n, self.theta)
        return total / scale if isinstance(scale, Fraction) else float(total) / scale

    def per_member_falls(self, larger: int) -> bool:
        """Whether each member of a group of size ``larger`` consumes strictly less than here.

        Exact for exact inputs even when ``n**theta`` is irrational: with ``theta = p/q`` it
        compares ``(G'/G)**q`` with ``(n'/n)**p`` in integers.

        See Also
        --------
        per_member_provision : what is compared.
        crowding_threshold : the closed form for identical members.
        """
        larger = check_positive_int(larger, "larger", self.n + 1)
        g1, g2 = self.equilibrium().total, self.with_size(larger).equilibrium().total
        theta = self.theta
        if isinstance(theta, Fraction) and self._exact:
            ratio = Fraction(g2) / Fraction(g1)
            return bool(ratio**theta.denominator < Fraction(larger, self.n) ** theta.numerator)
        return bool(math.log(float(g2) / float(g1)) < float(theta) * math.log(larger / self.n))

    def crowding_threshold(self) -> Number:
        """Chamberlin's condition: the least ``theta`` at which provision per member falls as
        the group grows beyond this size (identical Cobb-Douglas members, summation).

        ``theta*(n) = (1 - a) / (1 - a + a n)``: per-member provision ``G*/m**theta`` is
        strictly decreasing in ``m`` on ``[n, inf)`` iff ``theta >= theta*(n)``. It falls at
        every size for ``theta >= 1 - a`` and rises at every size for a pure public good; for
        ``0 < theta < theta*(n)`` it still rises up to :meth:`peak_size` and falls beyond.

        See Also
        --------
        peak_size : the size at which provision per member peaks.
        per_member_falls : the comparison it decides.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> ml.models.PublicGoodProvision.identical(3, a=F(1, 2)).crowding_threshold()
        Fraction(1, 4)
        """
        a = self._identical_cobb_douglas("crowding_threshold")
        return (1 - a) / (1 - a + a * self.n)

    def peak_size(self) -> Number:
        """The (real) group size maximizing per-member provision of identical Cobb-Douglas
        members: ``(1 - theta)(1 - a) / (theta a)`` (``inf`` for a pure public good).

        See Also
        --------
        crowding_threshold : the crowding at which provision falls from this size on.
        """
        a = self._identical_cobb_douglas("peak_size")
        if self.theta == 0:
            return math.inf
        return (1 - self.theta) * (1 - a) / (self.theta * a)

    def _identical_cobb_douglas(self, what: str) -> Number:
        if self.benefit is not None or not self.is_identical or self.aggregation != "sum":
            raise InvalidArgumentError(
                f"{what} is derived for identical Cobb-Douglas members and summation")
        a: Number = self.a[0]
        return a

    # -- dunder -----------------------------------------------------------------------------
    def __repr__(self) -> str:
        pref = "a" if self.benefit is None else "benefit"
        tail = f", theta={format_number(self.theta)}"
        if self.aggregation != "sum":
            tail += f", aggregation={self.aggregation!r}"
        if self.is_identical:
            return (f"PublicGoodProvision.identical(n={self.n}, "
                    f"income={format_number(self.incomes[0])}, "
                    f"{pref}={format_number(self._pref[0])}{tail})")
        p = self._pref
        ptxt = format_number(p[0]) if np.all(p == p[0]) else _show(p)
        return f"PublicGoodProvision(incomes={_show(self.incomes)}, {pref}={ptxt}{tail})"


def _result(c: NDArray[Any], total: Any, selection: str) -> ProvisionEquilibrium:
    return ProvisionEquilibrium(_readonly(c), total, _readonly(np.asarray(c > 0, dtype=bool)),
                                selection)


def _same_objects(arr: NDArray[Any]) -> bool:
    """Whether every entry of an object array is the same object (cheap: no comparison)."""
    first = arr[0]
    return all(x is first for x in arr.tolist())


def _first_bad(mask: NDArray[Any]) -> int:
    return int(np.flatnonzero(np.asarray(mask, dtype=bool))[0])


def _show(values: NDArray[Any]) -> str:
    return format_values(values, digits=6, limit=6)


def _readonly(arr: NDArray[Any]) -> NDArray[Any]:
    return readonly(arr, dtype=None)
