"""Breadth against depth: an inclusive start against sequential construction.

Downs, Rocke and Barsoom (1998) asked why multilateral organizations "do not spring forth full
blown" but grow, and argued that a *sequential construction* strategy -- the states most
committed to cooperation found the agreement, the less committed are admitted later -- "can
generate an unusual kind of structure-induced equilibrium that dramatically mitigates the
breadth-depth trade-off and increases the level of cooperation a multilateral is able to
attain" (p. 397). An *inclusive* strategy puts every state at the table from the start, so the
depth is what its least committed members accept.

The model here is the library's formalization of that argument (the paper's own formal model
was not available to us; its mechanism is reproduced, its numbers are not -- see Notes).

* States ``i = 1..n`` have ideal depths ``t_i`` in ``[0, 1]`` (0: no cooperation), sorted so
  that ``t_1 >= t_2 >= ... >= t_n`` (the most committed first).
* A member of an agreement of depth ``x`` with ``m`` members gets
  ``min(x, t_i) - max(0, x - t_i) + b m / n``: cooperation is worth its depth up to the
  state's ideal, a depth beyond the ideal costs as much again, and belonging to an agreement
  is worth ``b m / n`` (``b = breadth_value``: increasing returns to breadth). A non-member
  gets 0. So a state joins an agreement of depth ``x`` with ``m`` members iff
  ``x <= c_i(m) = 2 t_i + b m / n`` (its *ceiling*), and among depths it prefers the one
  closest to ``t_i``.
* Decisions on depth need ``v(m) = max(ceil(q m), floor(m / 2) + 1)`` of the ``m`` members
  (``q = majority`` in ``[1/2, 1]``; ``q = 1`` is unanimity). Depth is negotiated upward
  in small steps, each passed by ``v(m)`` members who want more (not by one take-it-or-leave-it
  proposal against no agreement, which under these payoffs every member would accept up to
  its ceiling): from no agreement the members pass, at most, the ideal of the ``v(m)``-th most
  committed member, ``t_(v(m))`` -- under unanimity the least committed member's, Underdal's
  least ambitious program, an assumption of this model rather than a result; an
  existing depth ``x`` is lowered iff at least ``v(m)`` members prefer a lower one, i.e. iff
  fewer than ``m - v(m) + 1`` members have ``t_i >= x``: a depth survives iff
  ``x <= t_(m - v(m) + 1)``. Under unanimity the most committed member alone protects any
  depth up to ``t_1``: that is the structure that induces the equilibrium.

Strategies, for a target breadth ``k`` (the ``k`` most committed states):

**Inclusive.** All ``k`` negotiate at once: the deepest depth the rule passes that every
member accepts, ``x_I(k) = min(t_(v(k)), 2 t_k + b k / n)``. Under unanimity ``x_I(k) = t_k``,
the least committed member's ideal ("the least ambitious program").

**Constructive.** The ``f = founders`` most committed states found the agreement and the
others are admitted one at a time in order of commitment; each entrant accepts the depth in
force (the acquis) or stays out. The founders choose the depth anticipating every later entry:
the deepest depth that (a) their rule passes and every founder accepts, ``t_(v(f))`` and
``2 t_f + b f / n`` (so ``x_C(f) = x_I(f)``), (b) each entrant ``j = f+1..k`` accepts when
joining the ``j``-member agreement, ``2 t_j + b j / n``, and (c) survives the vote after every
admission, ``t_(m - v(m) + 1)`` for ``m = f..k``:

    x_C(k) = min(t_(v(f)), 2 t_f + b f / n, min_{f<j<=k} (2 t_j + b j / n),
                 min_{f<=m<=k} t_(m - v(m) + 1)).

The acquis is protected against lowering but never revisited upward: the enlarged membership
does not deepen it (under unanimity this costs nothing, since ``x_C(k) >= t_k`` and the least
committed member would veto any deepening).

What follows (each in one line of algebra; checked over a class of models by the claim
:data:`multilateral.claims.CONSTRUCTIVE_DEPTH`):

* under unanimity ``x_C(k) >= x_I(k) = t_k`` for every breadth ``k >= f``, because
  ``t_f >= t_k``, ``2 t_j + b j / n >= t_j >= t_k`` and ``t_1 >= t_k``: the least committed
  state has a veto at an inclusive table, but only a choice to enter or not against an acquis
  it did not set; equality when the founders' and the last entrant's ideals agree;
* the gap under unanimity is ``min(t_f - t_k, min_j (2 t_j - t_k + b j / n))``: zero with
  identical preferences, and each term grows when the ideals are spread apart
  (``t_i -> h t_i``, ``h >= 1``), so the spread never narrows it;
* with ``b = 0`` the constructive depth is at least the inclusive under every majority rule;
  with increasing returns to breadth (``b > 0``) and a rule short of unanimity it can be
  *shallower* (an entrant of a small agreement accepts less than a member of the full one).
  That rests on the frozen acquis: whenever ``x_C(k) < x_I(k)``, ``v(k)`` members want a
  deeper agreement and every member would stay in it, so a membership allowed to deepen the
  acquis would reach ``x_I(k)``. It is a consequence of this model's assumption, not a
  finding about the authors' mechanism.

References
----------
.. [1] Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of
   multilateralism. *International Organization* 52(2), 397-419 (p. 397: abstract, sequential
   construction and the breadth-depth trade-off; pp. 397-398: inclusive agreements against
   memberships that start small and expand).
.. [2] Underdal, A. (1980). *The Politics of International Fisheries Management*.
   Universitetsforlaget (the law of the least ambitious program).
.. [3] Gilligan, M. J. (2004). Is there a broader-deeper trade-off in international
   multilateral agreements? *International Organization* 58(3), 459-484.

Notes
-----
What is the authors' and what is the library's: the mechanism (committed founders set a
depth, later and less committed entrants accept it rather than stay out, and the existing
structure protects it -- their "structure-induced equilibrium") is Downs, Rocke and
Barsoom's, as their abstract and opening pages state it; the payoffs, the incremental
negotiation, the decision rule ``v(m)``, the frozen acquis and the closed forms are this
module's. Their own formal model and their results beyond the abstract could not be
consulted, so no number here is theirs: the tests reproduce the direction the abstract states
(sequential construction is deeper), not a published value. Page numbers beyond the abstract
and the opening pages were not confirmed. Like the breadth-depth trade-off it models, the
model gives every member the same depth; Gilligan (2004, abstract) shows that the trade-off
follows from that assumption and disappears when members may set their policies at different
levels.

Examples
--------
>>> from fractions import Fraction as F
>>> import multilateral as ml
>>> model = ml.models.BreadthDepth(ideals=[1, F(4, 5), F(3, 5), F(2, 5), F(1, 5)])
>>> model.inclusive_depth(), model.constructive_depth()
(Fraction(1, 5), Fraction(2, 5))
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, readonly
from .._validation import as_real_vector, check_labels, check_positive_int, check_real
from ..errors import InvalidArgumentError, InvalidTypeError
from ..types import Number
from .base import Model

__all__ = ["BreadthDepth", "DepthFrontier"]
__dir__ = public_dir(__all__)

_MAX_STATES = 10**6


@dataclass(frozen=True, eq=False, repr=False)
class DepthFrontier:
    """Depth against breadth under both strategies.

    Attributes
    ----------
    breadths : ndarray of int
        ``k = founders..n``.
    inclusive, constructive : ndarray
        ``x_I(k)`` and ``x_C(k)`` (Fractions in an object array when the model is exact).
    exact : bool
        Whether the depths are exact.

    References
    ----------
    .. [1] Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of
       multilateralism. *International Organization* 52(2), 397-419 (p. 397).

    See Also
    --------
    BreadthDepth.frontier : computes it.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> import multilateral as ml
    >>> fr = ml.models.BreadthDepth(ideals=[1, F(4, 5), F(1, 2), F(1, 5)]).frontier()
    >>> fr.breadths.tolist(), [str(g) for g in fr.gap]
    ([2, 3, 4], ['0', '3/10', '1/5'])
    """

    breadths: NDArray[np.int64]
    inclusive: NDArray[Any]
    constructive: NDArray[Any]
    exact: bool

    @property
    def gap(self) -> NDArray[Any]:
        """``x_C(k) - x_I(k)``: how much deeper sequential construction gets.

        See Also
        --------
        BreadthDepth.depth_gap : at one breadth.
        """
        return readonly(self.constructive - self.inclusive,
                        object if self.exact else np.float64)

    def __repr__(self) -> str:
        return (f"DepthFrontier(k={int(self.breadths[0])}..{int(self.breadths[-1])}, "
                f"gap at full breadth {format_number(self.gap[-1])})")


@dataclass(frozen=True, eq=False, repr=False)
class BreadthDepth(Model):
    """Downs, Rocke and Barsoom's breadth-depth trade-off: inclusive against constructive.

    Parameters
    ----------
    ideals : sequence of numbers in [0, 1]
        Each state's ideal depth of cooperation (one per state, ``n >= 2`` states; stored
        sorted, most committed first, with ``labels`` sorted alongside).
    breadth_value : number >= 0
        ``b``: what belonging to the agreement is worth when all ``n`` states are members (a
        member of an ``m``-member agreement gets ``b m / n``): increasing returns to breadth.
    majority : number in [1/2, 1]
        Share of members needed to set or change the depth (``1``: unanimity; ``1/2``: more
        than half).
    founders : int
        How many of the most committed states found the agreement (``1 <= founders <= n``).
    labels : sequence of str, optional
        State names, in the order of ``ideals`` as given.

    Notes
    -----
    Exact inputs (ints, Fractions) give exact depths; floats give floats. Every breadth of
    a 200-state model takes well under a millisecond (cumulative minima in numpy).

    References
    ----------
    .. [1] Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of
       multilateralism. *International Organization* 52(2), 397-419 (p. 397: sequential
       construction "dramatically mitigates the breadth-depth trade-off").
    .. [2] Underdal, A. (1980). *The Politics of International Fisheries Management*
       (the least ambitious program).

    See Also
    --------
    DepthFrontier : depth at every breadth.
    multilateral.models.TippingSet : a small group's commitment that tips the rest.
    multilateral.models.SelfEnforcingAgreement : how large a self-enforcing agreement can be.
    multilateral.models.MagicNumber : the smallest club with the largest impact.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> import multilateral as ml
    >>> m = ml.models.BreadthDepth(ideals=[1, F(4, 5), F(1, 2), F(1, 5)])
    >>> m.inclusive_depth(), m.constructive_depth(), m.depth_gap()
    (Fraction(1, 5), Fraction(2, 5), Fraction(1, 5))
    >>> m.with_(majority=F(1, 2)).inclusive_depth()   # the median-ish pivot, capped at 2 t_n
    Fraction(2, 5)
    """

    ideals: Any
    breadth_value: Number = 0
    majority: Number = 1
    founders: int = 2
    labels: tuple[str, ...] | None = None
    _t: NDArray[Any] = field(init=False, repr=False, compare=False)
    _exact: bool = field(init=False, repr=False, compare=False)
    _q: Fraction = field(init=False, repr=False, compare=False)
    _cache: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        arr, exact = as_real_vector(self.ideals, "ideals")
        n = arr.size
        if n < 2:
            raise InvalidArgumentError(f"ideals: need n >= 2 states, got {n}")
        if n > _MAX_STATES:
            raise InvalidArgumentError(f"ideals: at most {_MAX_STATES} states, got {n}")
        low, high = min(arr.tolist()), max(arr.tolist())
        if low < 0 or high > 1:
            raise InvalidArgumentError(
                f"ideals are depths in [0, 1] (0: no cooperation); got values from {low} "
                f"to {high}")
        b = check_real(self.breadth_value, "breadth_value", low=0)
        q = check_real(self.majority, "majority", low=Fraction(1, 2), high=1)
        f = check_positive_int(self.founders, "founders")
        if f > n:
            raise InvalidArgumentError(
                f"founders = {f} is larger than the number of states n = {n}: a founding "
                "coalition is a subset of the states")
        labels = check_labels(self.labels, n, "state")
        order = sorted(range(n), key=lambda i: -arr[i])  # stable: ties keep input order
        exact = exact and isinstance(b, Fraction)
        if exact:
            t = np.array([Fraction(arr[i]) for i in order], dtype=object)
        else:
            t = np.array([float(arr[i]) for i in order], dtype=np.float64)
            b = float(b)
        object.__setattr__(self, "ideals", readonly(t, object if exact else np.float64))
        object.__setattr__(self, "breadth_value", b)
        object.__setattr__(self, "majority", q)
        object.__setattr__(self, "founders", f)
        object.__setattr__(self, "labels",
                           None if labels is None else tuple(labels[i] for i in order))
        object.__setattr__(self, "_t", self.ideals)
        object.__setattr__(self, "_exact", exact)
        # a float rule is read as the decimal it prints as (0.55 is 11/20: 11 of 20 members,
        # not the 12 that the binary value 0.55000000000000004 would need)
        object.__setattr__(self, "_q", Fraction(repr(q)) if isinstance(q, float) else
                           Fraction(q))
        object.__setattr__(self, "_cache", {})

    def __repr__(self) -> str:
        return (f"BreadthDepth(n={self.n}, breadth_value={format_number(self.breadth_value)}, "
                f"majority={format_number(self.majority)}, founders={self.founders})")

    @property
    def n(self) -> int:
        """Number of states."""
        return int(self._t.size)

    @property
    def is_exact(self) -> bool:
        """Whether the depths are exact (Fractions).

        See Also
        --------
        frontier : the depths.
        """
        return self._exact

    def votes(self, m: int) -> int:
        """``v(m) = max(ceil(q m), floor(m / 2) + 1)``: votes needed among ``m`` members.

        See Also
        --------
        inclusive_depth : the pivot ``t_(v(k))`` at an inclusive table.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.BreadthDepth(ideals=[1, 0, 0, 0], majority=0.5)
        >>> [m.votes(k) for k in (1, 2, 3, 4)]
        [1, 2, 2, 3]
        """
        m = self._breadth(m, low=1)
        return max(math.ceil(self._q * m), m // 2 + 1)

    def ceiling(self, i: int, m: int) -> Number:
        """``c_i(m) = 2 t_i + b m / n``: the deepest agreement of ``m`` members that the
        ``i``-th most committed state (0-based) joins.

        See Also
        --------
        constructive_depth : the entrants' ceilings bound it.
        """
        if isinstance(i, bool) or not isinstance(i, numbers.Integral) or not 0 <= i < self.n:
            raise InvalidArgumentError(f"i is a state's rank 0..{self.n - 1}, got {i!r}")
        m = self._breadth(m, low=1)
        return 2 * self._t[i] + self.breadth_value * m / self.n

    # -- the two strategies ------------------------------------------------------------------
    def frontier(self) -> DepthFrontier:
        """``x_I(k)`` and ``x_C(k)`` for every breadth ``k = founders..n`` (vectorized).

        See Also
        --------
        inclusive_depth, constructive_depth : one breadth.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> fr = ml.models.BreadthDepth(ideals=[1, F(1, 2), F(1, 4)], founders=1).frontier()
        >>> [str(x) for x in fr.inclusive], [str(x) for x in fr.constructive]
        (['1', '1/2', '1/4'], ['1', '1', '1/2'])
        """
        if "frontier" in self._cache:
            return self._cache["frontier"]
        n, f, t = self.n, self.founders, self._t
        dtype: Any = object if self._exact else np.float64
        ks = np.arange(1, n + 1, dtype=np.int64)
        q = self._q
        v = np.maximum(-((-q.numerator * ks) // q.denominator), ks // 2 + 1)  # ceil, > half
        share: Any = ks.astype(object) if self._exact else ks.astype(np.float64)
        slack: Any = share * self.breadth_value / n  # b m / n
        ceilings = 2 * t + slack                # c_k(k): the k-th state joining k members
        pivot = t[v - 1]                         # t_(v(k))
        guard = t[ks - v]                        # t_(k - v(k) + 1): what survives at size k
        inclusive = np.minimum(pivot, 2 * t + slack)  # every member accepts; the least is t_k
        entry = ceilings.copy()
        entry[:f] = ceilings[f - 1]  # every founder accepts: the least committed, at size f
        bound = np.minimum(np.minimum.accumulate(entry), np.minimum.accumulate(
            np.concatenate([np.full(f - 1, guard[f - 1], dtype=dtype), guard[f - 1:]])))
        constructive = np.minimum(bound, pivot[f - 1])
        sl = slice(f - 1, n)
        result = DepthFrontier(breadths=readonly(ks[sl], np.int64),
                               inclusive=readonly(inclusive[sl], dtype),
                               constructive=readonly(constructive[sl], dtype),
                               exact=self._exact)
        self._cache["frontier"] = result
        return result

    def inclusive_depth(self, k: int | None = None) -> Number:
        """``x_I(k) = min(t_(v(k)), 2 t_k + b k / n)``: all ``k`` at the table (default
        ``k = n``).

        See Also
        --------
        constructive_depth : the sequential strategy.
        """
        k = self.n if k is None else self._breadth(k, low=1)
        v = self.votes(k)
        return min(self._t[v - 1], 2 * self._t[k - 1] + self.breadth_value * k / self.n)

    def constructive_depth(self, k: int | None = None) -> Number:
        """``x_C(k)``: the deepest acquis the founders can set that reaches breadth ``k``
        (default ``n``; ``k >= founders``).

        See Also
        --------
        inclusive_depth : everyone at the table.
        frontier : every breadth at once.
        """
        k = self.n if k is None else self._breadth(k, low=self.founders)
        return self.frontier().constructive[k - self.founders]

    def founders_choice(self) -> tuple[int, Number]:
        """The breadth and depth the founders choose when the breadth is theirs to choose too.

        The pivotal founder (the ``v(f)``-th most committed) gets ``x_C(k) + b k / n`` from
        the constructive agreement of breadth ``k`` (``x_C(k) <= t_(v(f))``, its ideal): it
        trades depth against the value of breadth. Ties go to the broader agreement. With
        ``b = 0`` the founders admit only the states that accept their own depth; the larger
        ``b``, the broader the agreement they choose.

        See Also
        --------
        frontier : the depths it chooses among.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> m = ml.models.BreadthDepth(ideals=[F(i, 10) for i in range(11)])
        >>> m.founders_choice(), m.with_(breadth_value=2).founders_choice()
        ((6, Fraction(9, 10)), (11, Fraction(9, 10)))
        """
        fr = self.frontier()
        share: Any = (fr.breadths.astype(object) if self._exact
                      else fr.breadths.astype(np.float64))
        value = fr.constructive + share * self.breadth_value / self.n
        best = max(range(len(value)), key=lambda i: (value[i], i))
        return int(fr.breadths[best]), fr.constructive[best]

    def depth_gap(self, k: int | None = None) -> Number:
        """``x_C(k) - x_I(k)``.

        See Also
        --------
        DepthFrontier.gap : at every breadth.
        """
        k = self.n if k is None else self._breadth(k, low=self.founders)
        return self.constructive_depth(k) - self.inclusive_depth(k)

    def _breadth(self, k: object, *, low: int) -> int:
        if isinstance(k, bool) or not isinstance(k, numbers.Integral):
            raise InvalidTypeError(f"a breadth (number of members) is an integer, got {k!r}")
        if not low <= int(k) <= self.n:
            raise InvalidArgumentError(
                f"breadth must be in {low}..{self.n} (a coalition no larger than n), got {k}")
        return int(k)
