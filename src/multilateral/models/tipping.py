"""Leadership by example and tipping: the smallest group whose commitment tips the rest.

Heal and Kunreuther ("Tipping climate negotiations", NBER working paper 16954, 2011;
published in Hahn and Ulph (eds.), *Climate Change and Common Sense*, Oxford University Press,
2012) argue that climate negotiations may be a game with *increasing differences* -- each
country's gain from adopting climate policies rises with the number (and weight) of the others
that adopt, because costs fall and leakage shrinks -- and such games have multiple equilibria
and a *tipping set*, "a subset of agents who by changing from the inefficient to the efficient
equilibrium can induce all others to do the same": "a small group of countries who by adopting
climate control measures can make [it] in the interests of all others to do likewise"
(abstract). The theory of tipping sets and cascades in games with increasing differences is
Heal and Kunreuther (2010), "Social reinforcement: cascades, entrapment, and tipping",
*American Economic Journal: Microeconomics* 2(1), 86-99: "if there are several equilibria,
one of which Pareto dominates, then the inefficient equilibria can be tipped to the efficient
one ... We characterize the smallest tipping set" (abstract, p. 86).

The model is the linear binary game with increasing differences. Country ``i`` has a share
``w_i`` of the world (emissions, GDP; the shares sum to one) and a *hurdle* ``h_i`` in
``[0, 1]``: adopting pays (weakly) iff the *other* adopters together hold at least ``h_i``,
i.e. the gain from adopting is ``W(S - {i}) - h_i`` in units of the benefit per share, ``S``
the adopters. Then

* nobody adopting is always an equilibrium (a strict one iff every hurdle is positive: a
  country whose hurdle is 0 is indifferent), everybody adopting iff every
  ``h_i <= 1 - w_i``;
* a coalition ``T`` **tips** when, once it adopts, adopting is a dominant strategy for every
  country outside it -- it pays even if no other outsider adopts: ``W(T) >= h_i`` for every
  ``i`` not in ``T`` (with increasing differences the worst case for an outsider is that the
  other outsiders stay out). This is the library's reading of "induce all others to do the
  same" from the inefficient equilibrium (nobody adopts): each outsider's best response to
  ``T``'s adoption alone; the formal definition in Heal and Kunreuther (2010) was not
  consulted;
* the **minimal tipping set** is a smallest such ``T``. It is found exactly in
  ``O(n log n)`` time and ``O(n)`` memory: let the ``r`` highest hurdles be inside ``T`` and
  the ``(r+1)``-th outside; then ``T`` must weigh at least ``h_(r+1)``, and the fewest extra
  members are the heaviest of the rest (greedy, found by a Fenwick-tree search over the
  weight order as the pool shrinks); the best ``r`` wins. With float inputs a hurdle counts
  as cleared within ``n * ROUNDING`` (sums of shares in different orders round differently),
  the same in :meth:`TippingSet.tips`, :meth:`TippingSet.cascade` and here;
* a coalition can also tip through a **cascade** (:meth:`TippingSet.cascade`): those whose
  hurdle it clears adopt, which clears further hurdles, and so on (Heal and Kunreuther 2010,
  cascades); a cascade may reach everyone from a smaller start than the dominance definition
  needs.

A bilateral deal catalyzes a multilateral one when the two countries form a tipping set (or
start a cascade that reaches everyone): the case is the US-China joint announcement of 12
November 2014 before the Paris Agreement (:mod:`multilateral.cases.climate`).

References
----------
.. [1] Heal, G. and Kunreuther, H. (2011). Tipping climate negotiations. NBER Working Paper
   16954 (abstract: games with increasing differences have a tipping set). Published in
   Hahn, R. W. and Ulph, A. (eds.) (2012), *Climate Change and Common Sense: Essays in Honour
   of Tom Schelling*, Oxford University Press (the book chapter not confirmed here; the
   working paper number and abstract are).
.. [2] Heal, G. and Kunreuther, H. (2010). Social reinforcement: cascades, entrapment, and
   tipping. *American Economic Journal: Microeconomics* 2(1), 86-99,
   doi:10.1257/mic.2.1.86 (p. 86, abstract: tipping from the inefficient to the efficient
   equilibrium; the smallest tipping set).
.. [3] Schelling, T. C. (1978). *Micromotives and Macrobehavior*. Norton (ch. 3, tipping).

Examples
--------
>>> from fractions import Fraction as F
>>> import multilateral as ml
>>> game = ml.models.TippingSet(shares=[F(1, 2), F(1, 4), F(1, 8), F(1, 8)],
...                             hurdles=[F(1, 2), F(1, 2), F(1, 4), F(1, 4)])
>>> game.minimal_tipping_set()
(0,)
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, readonly
from .._validation import as_real_vector, check_labels
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ..tolerances import PROBABILITY, ROUNDING
from ..types import Number
from .base import Model

__all__ = ["TippingSet"]
__dir__ = public_dir(__all__)

_MAX_GAME_PLAYERS = 12  # the normal-form game has 2**n profiles
_MAX_STATES = 10**5


@dataclass(frozen=True, eq=False, repr=False)
class TippingSet(Model):
    """Heal and Kunreuther's tipping set in a binary game with increasing differences.

    Parameters
    ----------
    shares : sequence of numbers
        Each country's share ``w_i >= 0`` of the world; they sum to one (``n >= 2``).
    hurdles : sequence of numbers in [0, 1], or one number for all
        ``h_i``: adopting pays for country ``i`` once the other adopters hold at least this
        share.
    labels : sequence of str, optional
        Country names.

    References
    ----------
    .. [1] Heal, G. and Kunreuther, H. (2011). Tipping climate negotiations. NBER Working
       Paper 16954 (abstract).
    .. [2] Heal, G. and Kunreuther, H. (2010). Social reinforcement: cascades, entrapment,
       and tipping. *American Economic Journal: Microeconomics* 2(1), 86-99 (p. 86: the
       smallest tipping set).

    See Also
    --------
    multilateral.models.BreadthDepth : sequential construction of a deep agreement.
    multilateral.models.MagicNumber : the smallest club covering a share.
    multilateral.models.StepLevelGood : a threshold public good.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> import multilateral as ml
    >>> shares = [F(31, 100), F(13, 100)] + [F(1, 100)] * 56
    >>> hurdles = [F(1, 2), F(1, 2)] + [F(2, 5)] * 56   # the two largest wait for half
    >>> g = ml.models.TippingSet(shares, hurdles, labels=["China", "US"] + [
    ...     f"c{i}" for i in range(56)])
    >>> g.tips(["China", "US"]), g.minimal_tipping_set(labels=True)
    (True, ('China', 'US'))
    """

    shares: Any
    hurdles: Any
    labels: tuple[str, ...] | None = None
    _w: NDArray[Any] = field(init=False, repr=False, compare=False)
    _h: NDArray[Any] = field(init=False, repr=False, compare=False)
    _exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        w, w_exact = as_real_vector(self.shares, "shares")
        n = w.size
        if n < 2:
            raise InvalidArgumentError(f"shares: need n >= 2 countries, got {n}")
        if n > _MAX_STATES:
            raise InvalidArgumentError(f"shares: at most {_MAX_STATES} countries, got {n}")
        h, h_exact = as_real_vector(self.hurdles, "hurdles", size=n)
        if min(w.tolist()) < 0:
            raise InvalidArgumentError("shares must be >= 0")
        total = sum(w.tolist())
        if (total != 1) if w_exact else abs(float(total) - 1) > PROBABILITY:
            raise InvalidArgumentError(f"shares must sum to one, got {total}")
        if min(h.tolist()) < 0 or max(h.tolist()) > 1:
            raise InvalidArgumentError("hurdles are shares of the world in [0, 1]")
        labels = check_labels(self.labels, n, "country")
        exact = w_exact and h_exact
        dtype: Any = object if exact else np.float64
        if not exact:
            w, h = w.astype(np.float64), h.astype(np.float64)
        object.__setattr__(self, "shares", readonly(w, dtype))
        object.__setattr__(self, "hurdles", readonly(h, dtype))
        object.__setattr__(self, "labels", labels)
        object.__setattr__(self, "_w", self.shares)
        object.__setattr__(self, "_h", self.hurdles)
        object.__setattr__(self, "_exact", exact)

    def __repr__(self) -> str:
        return (f"TippingSet(n={self.n}, largest share {format_number(max(self._w.tolist()))}"
                f", hurdles {format_number(min(self._h.tolist()))}.."
                f"{format_number(max(self._h.tolist()))})")

    @property
    def n(self) -> int:
        """Number of countries."""
        return int(self._w.size)

    @property
    def is_exact(self) -> bool:
        """Whether shares and hurdles are exact.

        See Also
        --------
        weight : exact when this is True.
        """
        return self._exact

    @property
    def game(self) -> NormalFormGame:
        """The adoption game (at most 12 countries): action 0 stays out, 1 adopts; adopting
        pays ``W(others adopting) - h_i``, staying out 0.

        See Also
        --------
        multilateral.solvers.pure_nash_equilibria : its equilibria include nobody and, when
            every ``h_i <= 1 - w_i``, everybody adopting.
        """
        n = self.n
        if n > _MAX_GAME_PLAYERS:
            raise InvalidArgumentError(
                f"the normal-form game has 2**n profiles; at most {_MAX_GAME_PLAYERS} countries")
        dtype: Any = object if self._exact else np.float64
        pay = np.zeros((2,) * n + (n,), dtype=dtype)
        if self._exact:
            pay[...] = Fraction(0)
        for profile in itertools.product((0, 1), repeat=n):
            total = sum((self._w[j] for j in range(n) if profile[j]), start=0 * self._w[0])
            for i in range(n):
                if profile[i]:
                    pay[(*profile, i)] = total - self._w[i] - self._h[i]
        return NormalFormGame(pay, players=list(self.labels) if self.labels else None)

    def weight(self, coalition: Iterable[int | str]) -> Number:
        """``W(T)``: the coalition's total share.

        See Also
        --------
        tips : whether that weight clears every outsider's hurdle.
        """
        return sum((self._w[i] for i in self._members(coalition)), start=0 * self._w[0])

    def tips(self, coalition: Iterable[int | str]) -> bool:
        """Whether the coalition's adoption makes adopting dominant for every outsider:
        ``W(T) >= h_i`` for all ``i`` not in ``T``.

        See Also
        --------
        minimal_tipping_set : the smallest such coalition.
        cascade : tipping through successive waves instead.
        """
        members = set(self._members(coalition))
        wt, slack = self.weight(members), self._slack()
        return all(wt >= self._h[i] - slack for i in range(self.n) if i not in members)

    def cascade(self, coalition: Iterable[int | str]) -> tuple[tuple[int, ...], ...]:
        """The waves of adoption the coalition starts: wave 0 is the coalition, wave ``t + 1``
        the outsiders whose hurdle the adopters so far clear (by index; ``labels`` order).

        See Also
        --------
        tips : everyone in the first wave after the coalition.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> import multilateral as ml
        >>> g = ml.models.TippingSet(shares=[F(2, 5), F(3, 10), F(3, 10)],
        ...                          hurdles=[0, F(2, 5), F(7, 10)])
        >>> g.cascade([0]), g.tips([0])
        (((0,), (1,), (2,)), False)
        """
        adopted = set(self._members(coalition))
        waves = [tuple(sorted(adopted))]
        wt = self.weight(adopted)
        while True:
            new = tuple(i for i in range(self.n)
                        if i not in adopted and wt >= self._h[i] - self._slack())
            if not new:
                return tuple(waves)
            waves.append(new)
            adopted.update(new)
            wt = self.weight(adopted)

    def minimal_tipping_set(self, *, labels: bool = False) -> tuple[Any, ...]:
        """A smallest coalition that tips (ties: the heaviest; indices, or labels).

        Exact in ``O(n log n)`` time and ``O(n)`` memory (see the module docstring); the
        whole world always tips, so it exists.

        See Also
        --------
        tips : the condition.
        minimal_tipping_size : only its size.
        """
        members = self._minimal()
        if labels:
            if self.labels is None:
                raise InvalidArgumentError("labels=True needs the model's labels")
            return tuple(self.labels[i] for i in members)
        return members

    def minimal_tipping_size(self) -> int:
        """The size of :meth:`minimal_tipping_set`.

        See Also
        --------
        minimal_tipping_set : the members.
        """
        return len(self._minimal())

    # -- internals -----------------------------------------------------------------------------
    def _slack(self) -> Any:
        """How far below a hurdle a weight may fall and still clear it: 0 when exact; with
        floats, the rounding of sums of ``n`` shares (``n * ROUNDING``), the same in
        :meth:`tips` and :meth:`minimal_tipping_set` so that the two agree."""
        return 0 * self._w[0] if self._exact else self.n * ROUNDING

    def _minimal(self) -> tuple[int, ...]:
        # T holds the r highest hurdles and not the (r + 1)-th, whose hurdle it must clear;
        # the fewest further members are the heaviest of those ranked below r + 1. The pool
        # shrinks by one country per r: Fenwick trees over the weight order give the shortest
        # heavy prefix reaching the need in O(log n), so O(n log n) time and O(n) memory.
        n, w, h, slack = self.n, self._w, self._h, self._slack()
        zero = 0 * w[0]
        by_hurdle = sorted(range(n), key=lambda i: (-h[i], i))
        by_weight = sorted(range(n), key=lambda i: (-w[i], i))
        pos = [0] * n
        for p, i in enumerate(by_weight):
            pos[i] = p
        tree_w, tree_c = [zero] * (n + 1), [0] * (n + 1)

        def add(p: int, dw: Any, dc: int) -> None:
            p += 1
            while p <= n:
                tree_w[p] += dw
                tree_c[p] += dc
                p += p & -p

        for i in range(n):
            add(pos[i], w[i], 1)
        top = 1 << n.bit_length()
        base, pool_total = zero, sum(w.tolist(), start=zero)
        best: tuple[int, Any, int, int] | None = None  # size, weight, r, extra
        for r in range(n):
            out = by_hurdle[r]  # the (r + 1)-th hurdle stays outside T
            add(pos[out], -w[out], -1)
            pool_total -= w[out]
            need = h[out] - base
            if need <= slack:
                extra, gain = 0, zero
            elif pool_total < need - slack:
                extra = -1
            else:  # the shortest weight-order prefix of the pool whose weight reaches need
                at, acc, cnt, step = 0, zero, 0, top
                while step:
                    nxt = at + step
                    if nxt <= n and acc + tree_w[nxt] < need - slack:
                        at, acc, cnt = nxt, acc + tree_w[nxt], cnt + tree_c[nxt]
                    step >>= 1
                # float sums in another order may leave the pool a rounding short: no set
                extra, gain = (cnt + 1, acc + w[by_weight[at]]) if at < n else (-1, zero)
            if extra >= 0:
                size, weight = r + extra, base + gain
                if best is None or size < best[0] or (size == best[0] and weight > best[1]):
                    best = (size, weight, r, extra)
            base += w[out]  # for the next r it is inside T
        if best is None:  # only the whole world tips (vacuously: nobody is left outside)
            return tuple(range(n))
        _, _, r, extra = best
        inside = set(by_hurdle[:r + 1])
        chosen = list(by_hurdle[:r])
        chosen += [i for i in by_weight if i not in inside][:extra]
        return tuple(sorted(chosen))

    def _members(self, coalition: Iterable[int | str]) -> tuple[int, ...]:
        if isinstance(coalition, (str, bytes)) or not isinstance(coalition, Iterable):
            raise InvalidTypeError(
                f"a coalition is a collection of country indices or labels, got {coalition!r}")
        out = []
        for item in coalition:
            if isinstance(item, str):
                if self.labels is None or item not in self.labels:
                    raise InvalidArgumentError(f"unknown country {item!r}")
                out.append(self.labels.index(item))
            elif isinstance(item, numbers.Integral) and not isinstance(item, bool) and (
                    0 <= int(item) < self.n):
                out.append(int(item))
            else:
                raise InvalidArgumentError(f"countries are indices 0..{self.n - 1}, got {item!r}")
        return tuple(sorted(set(out)))
