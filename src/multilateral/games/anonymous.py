"""Symmetric binary-choice N-player games whose payoffs depend on how many others cooperate.

One class, :class:`AnonymousGame`: its constructors, its exact integer-scaled storage (which
lets n = 10**7 cost O(n)) and its payoff table (``str``, HTML) read the same private arrays.
How the payoffs' numbers are held and kept from overflowing is in
``games._payoff_arithmetic``; the binomial weights of a cooperator frequency in
``games._binomial``.
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
import re
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, cast, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._display import html_table, text_table
from .._namespace import public_dir
from .._numeric import format_number
from .._validation import as_number_array, check_positive_int, to_float
from ..errors import InvalidArgumentError, InvalidGameError, InvalidPayoffsError, InvalidTypeError
from ..types import Number, NumberArray
from ._binomial import binomial_weights, expect
from ._common import Immutable
from ._payoff_arithmetic import (
    FLOAT_EXACT,
    check_float_range,
    divide,
    exact_parameter,
    fractions_over,
    magnitude,
    no_overflow,
    refuse_float_overflow,
)
from .normal_form import NormalFormGame

__all__ = ["AnonymousGame", "binomial_weights"]
__dir__ = public_dir(__all__)

_SHOWN = 12  # rows of payoffs shown by str and HTML before the middle is left out
_MAX_NORMAL_FORM_PLAYERS = 20  # 2**20 profiles x 20 payoffs: ~160 MB of float64
#: The largest n a constructor builds: its payoffs are arrays of n entries (10**8 float64s
#: are 800 MB each), and beyond it a typo such as 10**30 would hang instead of failing.
_MAX_N = 10**8


def _size(n: object) -> int:
    """``n`` as a number of players: an integer in ``[2, _MAX_N]``."""
    return check_positive_int(n, "n", 2, maximum=_MAX_N,
                              why=" (an anonymous game holds arrays of n payoffs)")


class AnonymousGame(Immutable):
    """A symmetric N-player game with actions cooperate (C) / defect (D).

    A player's payoff depends only on its own action and on ``k``, the number of the *other*
    ``n - 1`` players who cooperate: ``cooperator[k]`` and ``defector[k]``, ``k = 0..n-1``
    (Schelling's binary-choice diagrams). Storage and every solver cost O(n), not 2^n.

    Parameters
    ----------
    cooperator, defector : array_like
        Length-``n`` payoffs to a cooperator and to a defector when ``k`` others cooperate.
        Integers and Fractions stay exact.
    name : str, optional
        A short description shown in the repr.

    Notes
    -----
    Immutable (read-only arrays; assigning an attribute raises); compares and hashes by its
    payoffs (``name`` is a description, not part of the value). :meth:`with_` gives a changed
    copy.

    Integer payoffs stay ``int64`` while no gain or welfare can leave int64 (``2 |payoff| n <
    2**61``); larger ones are held as exact Fractions, so nothing wraps around.

    Large exact games: :meth:`public_goods`, :meth:`prisoners_dilemma` and :meth:`threshold`
    with integer or Fraction parameters cost O(n) numpy work and no Fraction per member
    (n = 10**7 in well under a second): payoffs are held as integer numerators over one
    denominator, and ``welfare(m)``, ``gain(k)``, :meth:`gain_function` and
    :meth:`average_payoff` read them directly. Asking for a whole exact array
    (``cooperator``, ``defector``, ``welfare()``, or ``gains`` when it takes many values)
    makes one Fraction per distinct value, about a second per million; for floats, pass float
    parameters (``r=3.0``). Games built from arbitrary payoffs (the constructor,
    :meth:`from_functions`) take one Python number per member.

    See Also
    --------
    NormalFormGame : the same game over all ``2^n`` profiles (:meth:`to_normal_form`).
    multilateral.solvers.symmetric_equilibria : its symmetric equilibria, exact where possible.
    multilateral.solvers.replicator : the replicator dynamics of a population playing it.

    References
    ----------
    .. [1] Schelling, T. C. (1973). Hawks, doves, and dirty tricks: binary choices with
       externalities. *Journal of Conflict Resolution* 17(3), 381-428.
    .. [2] Hauert, C., Michor, F., Nowak, M. A. and Doebeli, M. (2006). Synergy and discounting
       of cooperation in social dilemmas. *J. Theor. Biol.* 239, 195-202.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.AnonymousGame.public_goods(n=4, r=2)
    >>> g.cooperator.tolist()     # r(k + 1)/n - 1 for k = 0..3 other cooperators
    [Fraction(-1, 2), Fraction(0, 1), Fraction(1, 2), Fraction(1, 1)]
    >>> g.gain(0)                 # cooperating always costs 1 - r/n
    Fraction(-1, 2)
    >>> print(g)                  # the payoffs by number of other cooperators
    AnonymousGame(n=4, linear public goods, r=2)
    others cooperating  cooperator  defector
    0                         -1/2         0
    1                            0       1/2
    2                          1/2         1
    3                            1       3/2
    """

    def __init__(self, cooperator: ArrayLike | Sequence[Number],
                 defector: ArrayLike | Sequence[Number], *, name: str = "") -> None:
        # numpy's ArrayLike has no Fraction; as_number_array takes Fractions all the same
        c = as_number_array(cast(ArrayLike, cooperator), "cooperator payoffs")
        d = as_number_array(cast(ArrayLike, defector), "defector payoffs")
        if c.ndim != 1 or d.ndim != 1 or c.shape != d.shape:
            raise InvalidPayoffsError(
                "cooperator and defector payoffs must be 1-d arrays of the same length n "
                f"(indexed by k = 0..n-1 other cooperators); got shapes {c.shape} and {d.shape}"
            )
        if c.size < 2:
            raise InvalidGameError(f"an N-player game needs n >= 2 players, got n = {c.size}")
        if (c.dtype == object) != (d.dtype == object):
            c, d = c.astype(object), d.astype(object)
            c = np.array([Fraction(x) if isinstance(x, numbers.Rational) else x for x in c],
                         dtype=object)
            d = np.array([Fraction(x) if isinstance(x, numbers.Rational) else x for x in d],
                         dtype=object)
        if not isinstance(name, str):
            raise InvalidTypeError(f"name must be a string, got {name!r}")
        c, d = no_overflow(c, d)
        check_float_range(c, d)
        c, d = c.copy(), d.copy()
        for arr in (c, d):
            arr.flags.writeable = False
        self._set(_c=c, _d=d, name=name, _scaled=None, _n=int(c.size))

    #: A short description shown in the repr (not part of the game's value).
    name: str
    #: Exact payoffs held as integer numerators over one common denominator (int64 arrays below
    #: 2**53, so that numerator / denominator in float64 is the correctly rounded value), or
    #: None. Large exact games are built this way so that no Fraction is made per member; the
    #: Fraction arrays ``cooperator`` and ``defector`` are made only when asked for.
    _scaled: tuple[NDArray[np.int64], NDArray[np.int64], int] | None
    _n: int

    @classmethod
    def _from_scaled(cls, num_c: NDArray[np.int64], num_d: NDArray[np.int64], den: int,
                     name: str) -> AnonymousGame:
        for arr in (num_c, num_d):
            arr.flags.writeable = False
        game = cls.__new__(cls)
        game._store(name=name, _scaled=(num_c, num_d, den), _n=int(num_c.size))
        return game

    def _store(self, **state: Any) -> None:
        self._set(**state)

    @classmethod
    def _from_tables(cls, n: int, coop: tuple[Any, Any], defe: tuple[Any, Any],
                     hit_c: NDArray[np.bool_], hit_d: NDArray[np.bool_], name: str
                     ) -> AnonymousGame:
        """Payoffs taking two values each, ``coop[1]`` where ``hit_c`` else ``coop[0]``.

        Builds the arrays by indexing small tables instead of one Python number per member,
        with the dtype the element-by-element constructor would have chosen.
        """
        tables = []
        for (lo, hi), hit in ((coop, hit_c), (defe, hit_d)):
            used = [v for v, occurs in ((lo, not hit.all()), (hi, hit.any())) if occurs]
            tables.append(as_number_array(used))
        tc, td = tables
        if (tc.dtype == object) != (td.dtype == object):
            tc = np.array([Fraction(x) if isinstance(x, numbers.Rational) else x
                           for x in tc.tolist()], dtype=object)
            td = np.array([Fraction(x) if isinstance(x, numbers.Rational) else x
                           for x in td.tolist()], dtype=object)
        tc, td = no_overflow(tc, td, n)
        check_float_range(tc, td, n)
        c = tc[hit_c.astype(np.intp)] if tc.size == 2 else np.repeat(tc, n)
        d = td[hit_d.astype(np.intp)] if td.size == 2 else np.repeat(td, n)
        for arr in (c, d):
            arr.flags.writeable = False
        game = cls.__new__(cls)
        game._store(_c=c, _d=d, name=name, _scaled=None, _n=n)
        return game

    @functools.cached_property
    def _c(self) -> NDArray[Any]:
        assert self._scaled is not None  # an unscaled game set _c in its constructor
        out = fractions_over(self._scaled[0], self._scaled[2])
        out.flags.writeable = False
        return out

    @functools.cached_property
    def _d(self) -> NDArray[Any]:
        assert self._scaled is not None
        out = fractions_over(self._scaled[1], self._scaled[2])
        out.flags.writeable = False
        return out

    @functools.cached_property
    def _floats(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        """cooperator, defector and gains rounded once to float64 (no Fraction made)."""
        if self._scaled is None:
            return to_float(self._c), to_float(self._d), to_float(self.gains)
        num_c, num_d, den = self._scaled
        out = num_c / den, num_d / den, (num_c - num_d) / den
        for arr in out:
            arr.flags.writeable = False
        return out

    def _parameters(self) -> dict[str, Any]:
        return {"cooperator": self._c, "defector": self._d, "name": self.name}

    # -- constructors ----------------------------------------------------------------------
    @classmethod
    def from_functions(
        cls,
        n: int,
        cooperator: Callable[[int], Number],
        defector: Callable[[int], Number],
        *,
        name: str = "",
    ) -> AnonymousGame:
        """Build from payoff functions of ``k``, the number of other cooperators.

        Examples
        --------
        >>> import multilateral as ml
        >>> g = ml.AnonymousGame.from_functions(3, lambda k: 2 * k - 1, lambda k: 2 * k)
        >>> g.defector.tolist()
        [0, 2, 4]
        """
        n = _size(n)
        for label, f in (("cooperator", cooperator), ("defector", defector)):
            if not callable(f):
                raise InvalidTypeError(f"{label} must be a function of the number of other "
                                       f"cooperators k = 0..n-1, got {f!r}")
        ks = range(n)
        return cls([cooperator(k) for k in ks], [defector(k) for k in ks], name=name)

    @classmethod
    def public_goods(
        cls,
        n: int,
        r: Number | None = None,
        *,
        mpcr: Number | None = None,
        cost: Number = 1,
    ) -> AnonymousGame:
        """The linear public goods game.

        Each cooperator contributes ``cost``; the pot is multiplied by ``r`` and shared equally
        by all ``n`` members, so a cooperator gets ``r * cost * (k + 1) / n - cost`` and a
        defector ``r * cost * k / n``. Give either the multiplier ``r`` or the marginal
        per-capita return ``mpcr = r / n``: holding one or the other fixed as ``n`` grows are
        different models of group size (fixed ``r`` dilutes each contribution's return; fixed
        ``mpcr`` makes the good non-rival).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.AnonymousGame.public_goods(n=3, mpcr=0.5).cooperator.tolist()
        [-0.5, 0.0, 0.5]
        """
        n = _size(n)
        if (r is None) == (mpcr is None):
            raise InvalidArgumentError("give exactly one of r (multiplier) or mpcr (= r / n)")
        a = exact_parameter(mpcr if r is None else r, "mpcr" if r is None else "r")
        c = exact_parameter(cost, "cost")
        share = a if r is None else divide(a, n)  # marginal per-capita return
        label = f"linear public goods, n={n}, " + (f"r={r}" if mpcr is None else f"mpcr={mpcr}")
        try:
            sc = share * c
        except OverflowError:  # a float times an int beyond the float range
            sc = math.inf
        if isinstance(sc, float):  # the same float operations as sc * (k + 1) - c, vectorized
            refuse_float_overflow(abs(sc) * n + magnitude(c), n)  # check first, warn never
            k = np.arange(n, dtype=np.float64)
            return cls(sc * (k + 1) - float(c), sc * k, name=label)
        game = _affine(cls, n, Fraction(sc), Fraction(0), label, (Fraction(sc), sc - c))
        if game is not None:
            return game
        return cls.from_functions(n, lambda k: sc * (k + 1) - c, lambda k: sc * k, name=label)

    @classmethod
    def threshold(cls, n: int, threshold: int, *, benefit: Number = 1,
                  cost: Number = Fraction(1, 2)
                  ) -> AnonymousGame:
        """A step-level public good: everyone gets ``benefit`` if at least ``threshold`` of the
        ``n`` members cooperate; cooperators pay ``cost`` either way.

        ``threshold = 1`` is the volunteer's dilemma (Diekmann 1985).

        Examples
        --------
        >>> import multilateral as ml
        >>> g = ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1)
        >>> g.cooperator.tolist(), g.defector.tolist()
        ([-1, 3, 3], [0, 0, 4])
        """
        n = _size(n)
        m = check_positive_int(threshold, "threshold", 1)
        if m > n:
            raise InvalidArgumentError(f"threshold must be between 1 and n = {n}, got {m}")
        b, c = exact_parameter(benefit, "benefit"), exact_parameter(cost, "cost")
        k = np.arange(n, dtype=np.int64)
        # two values each: the table holds the very numbers b * (k + 1 >= m) - c would give
        return cls._from_tables(n, (b * False - c, b * True - c), (b * False, b * True),
                                k + 1 >= m, k >= m, name=f"threshold public good, n={n}, M={m}")

    @classmethod
    def prisoners_dilemma(cls, n: int, *, benefit: Number = 2, cost: Number = 1
                          ) -> AnonymousGame:
        """The N-player Prisoners' Dilemma (N-player donation game).

        A cooperator pays ``cost`` and gives ``benefit`` shared by the ``n - 1`` others; with
        ``benefit > cost > 0`` defection is dominant yet all-C beats all-D.

        Examples
        --------
        >>> import multilateral as ml
        >>> g = ml.AnonymousGame.prisoners_dilemma(3, benefit=4, cost=1)
        >>> g.cooperator.tolist(), g.defector.tolist()
        ([-1, 1, 3], [0, 2, 4])
        """
        n = _size(n)
        b, c = exact_parameter(benefit, "benefit"), exact_parameter(cost, "cost")
        name = f"N-player prisoners' dilemma, n={n}"
        if isinstance(b, float):  # the same float operations as b * k / (n - 1) - c, vectorized
            # check first, warn never: |b k| <= |b| (n - 1) stays finite under the bound
            refuse_float_overflow(abs(b) + magnitude(c), n)
            share = b * np.arange(n, dtype=np.float64) / (n - 1)
            return cls(share - float(c), share, name=name)
        if not isinstance(c, float):
            slope = Fraction(b) / (n - 1)
            game = _affine(cls, n, slope, Fraction(0), name, (slope, -Fraction(c)))
            if game is not None:
                return game
        return cls.from_functions(
            n, lambda k: divide(b * k, n - 1) - c, lambda k: divide(b * k, n - 1), name=name,
        )

    # -- data ------------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of players."""
        return self._n

    @property
    def cooperator(self) -> NumberArray:
        """Payoff to a cooperator when ``k = 0..n-1`` others cooperate (read-only)."""
        return self._c

    @property
    def defector(self) -> NumberArray:
        """Payoff to a defector when ``k = 0..n-1`` others cooperate (read-only)."""
        return self._d

    @property
    def is_exact(self) -> bool:
        """True when payoffs are integers or Fractions."""
        if self._scaled is not None:
            return True
        return self._c.dtype.kind in "iuO" and self._d.dtype.kind in "iuO"

    @functools.cached_property
    def gains(self) -> NumberArray:
        """``cooperator[k] - defector[k]``: what cooperating adds when ``k`` others cooperate."""
        if self._scaled is not None:
            out = fractions_over(self._scaled[0] - self._scaled[1], self._scaled[2])
        else:
            out = self._c - self._d
        out.flags.writeable = False
        return out

    def gain(self, k: int) -> Number:
        """The gain from cooperating when ``k`` others cooperate."""
        k = self._k(k)
        if self._scaled is not None and "gains" not in self.__dict__:  # no array of n Fractions
            num_c, num_d, den = self._scaled
            return Fraction(int(num_c[k]) - int(num_d[k]), den)
        return self.gains[k]

    @property
    def float_gains(self) -> NDArray[np.float64]:
        """:attr:`gains` rounded once to float64 (read-only; exact games make no Fraction)."""
        return self._floats[2]

    def gain_function(self, x: ArrayLike) -> NDArray[np.float64]:
        """Expected gain from cooperating when each other player cooperates with probability x.

        The Bernstein polynomial ``sum_k C(n-1, k) x^k (1-x)^(n-1-k) gains[k]``, evaluated with
        binomial weights (stable for large ``n``). Its roots in (0, 1) are the symmetric mixed
        equilibria.
        """
        x = _unit_interval(x)
        (out,) = expect(self.n - 1, x, (self._floats[2],))
        return out

    def average_payoff(self, x: ArrayLike) -> NDArray[np.float64]:
        """Expected payoff of a player when every player cooperates with probability ``x``."""
        x = _unit_interval(x)
        fc, fd, _ = self._floats
        coop, defect = expect(self.n - 1, x, (fc, fd))
        return x * coop + (1 - x) * defect

    @overload
    def welfare(self, m: None = None) -> NumberArray: ...
    @overload
    def welfare(self, m: int) -> Number: ...
    def welfare(self, m: int | None = None) -> NumberArray | Number:
        """Total payoff when ``m`` of the ``n`` players cooperate (all ``m = 0..n`` if None)."""
        if m is None:
            if self._scaled is not None:
                return self._scaled_welfare()
            return np.array([self.welfare(j) for j in range(self.n + 1)], dtype=self._c.dtype)
        if isinstance(m, bool) or not isinstance(m, numbers.Integral) or not 0 <= m <= self.n:
            raise InvalidArgumentError(f"m must be an integer in 0..{self.n}, got {m!r}")
        if self._scaled is not None:
            num_c, num_d, den = self._scaled
            m = int(m)
            total = ((int(num_c[m - 1]) * m if m > 0 else 0)
                     + (int(num_d[m]) * (self.n - m) if m < self.n else 0))
            return Fraction(total, den)
        coop = self._c[m - 1] * m if m > 0 else 0
        defe = self._d[m] * (self.n - m) if m < self.n else 0
        return coop + defe

    def _scaled_welfare(self) -> NDArray[Any]:
        assert self._scaled is not None
        num_c, num_d, den = self._scaled
        n = self.n
        m = np.arange(n + 1, dtype=np.int64)
        # |numerator| < 2**53 and n < 2**9 keep m * numerator in int64; otherwise Python ints
        if n < 2**9 or max(int(np.abs(num_c).max()), int(np.abs(num_d).max())) * n >= 2**62:
            return np.array([self.welfare(j) for j in range(n + 1)], dtype=object)
        total = np.zeros(n + 1, dtype=np.int64)
        total[1:] += m[1:] * num_c
        total[:-1] += (n - m[:-1]) * num_d
        return fractions_over(total, den)

    def to_normal_form(self) -> NormalFormGame:
        """The same game as a :class:`NormalFormGame` (2^n profiles: for n <= 20 only)."""
        if self.n > _MAX_NORMAL_FORM_PLAYERS:
            raise InvalidArgumentError(
                f"a normal form with n = {self.n} players has 2^{self.n} profiles; "
                f"to_normal_form supports n <= {_MAX_NORMAL_FORM_PLAYERS}. Anonymous-game "
                "solvers work on the O(n) form directly"
            )
        n = self.n
        profiles = np.array(list(itertools.product((0, 1), repeat=n)), dtype=np.int64)
        coop = (profiles == 0)
        k_others = coop.sum(axis=1, keepdims=True) - coop  # cooperators among the others
        pay = np.where(coop, self._c[k_others], self._d[k_others])
        return NormalFormGame(pay.reshape((2,) * n + (n,)), actions=[("C", "D")] * n)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnonymousGame):
            return NotImplemented
        if self.n != other.n:
            return False
        if (self._scaled is not None and other._scaled is not None
                and self._scaled[2] == other._scaled[2]):
            return (bool(np.array_equal(self._scaled[0], other._scaled[0]))
                    and bool(np.array_equal(self._scaled[1], other._scaled[1])))
        return bool(np.all(self._c == other._c)) and bool(np.all(self._d == other._d))

    def __hash__(self) -> int:
        # the floats are the correctly rounded values in either representation
        return hash((self._floats[0].tobytes(), self._floats[1].tobytes()))

    def __repr__(self) -> str:
        # n first, as the other games lead with their size; the builders' names state n too
        # (they are plot titles), so that part of the name is not said twice
        name = re.sub(rf"(?:^|,)\s*[nN]\s*=\s*{self.n}\s*(?=,|$)", "", self.name).lstrip(", ")
        return f"AnonymousGame(n={self.n}{', ' + name if name else ''})"

    # -- display ----------------------------------------------------------------------------
    def _payoff_at(self, k: int) -> tuple[Number, Number]:
        """``(cooperator[k], defector[k])`` without building an array of n Fractions."""
        if self._scaled is not None and "_c" not in self.__dict__:
            num_c, num_d, den = self._scaled
            return Fraction(int(num_c[k]), den), Fraction(int(num_d[k]), den)
        return self._c[k], self._d[k]

    def _table(self) -> tuple[list[str], list[list[str]]]:
        """The payoffs by ``k``, the number of other cooperators; the middle of a long game
        (more than 12 rows) is left out."""
        ks = list(range(self.n)) if self.n <= _SHOWN else [
            *range(_SHOWN // 2), *range(self.n - _SHOWN // 2 + 1, self.n)]
        rows: list[list[str]] = []
        for k in ks:
            if rows and k != int(rows[-1][0]) + 1:
                rows.append([f"... ({k - int(rows[-1][0]) - 1} more rows)"])
            rows.append([str(k), *(format_number(v) for v in self._payoff_at(k))])
        return ["others cooperating", "cooperator", "defector"], rows

    def __str__(self) -> str:
        header, rows = self._table()
        return repr(self) + "\n" + text_table(header, rows)

    def _repr_html_(self) -> str:
        """The payoffs by number of other cooperators as an HTML table (for notebooks)."""
        header, rows = self._table()
        return html_table(header, rows, caption=repr(self))

    def __reduce__(self) -> tuple[Any, ...]:
        if self._scaled is not None:
            return (_rebuild_scaled, (type(self), *self._scaled, self.name))
        return (_rebuild, (type(self), self._c, self._d, self.name))

    def _k(self, k: int) -> int:
        if isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 0 <= k < self.n:
            raise InvalidArgumentError(
                f"k (other cooperators) must be in 0..{self.n - 1}, got {k!r}"
            )
        return int(k)


def _rebuild_scaled(cls: type[AnonymousGame], num_c: Any, num_d: Any, den: int,
                    name: str) -> AnonymousGame:
    return cls._from_scaled(np.array(num_c, dtype=np.int64), np.array(num_d, dtype=np.int64),
                            den, name)


def _affine(cls: type[AnonymousGame], n: int, slope: Fraction, const: Fraction, name: str,
            coop: tuple[Fraction, Fraction]) -> AnonymousGame | None:
    """The exact game ``defector[k] = slope * k``, ``cooperator[k] = coop[0] * k + coop[1]``
    on integer numerators over a common denominator, or None when they would not fit."""
    den = math.lcm(slope.denominator, const.denominator, coop[0].denominator,
                   coop[1].denominator)
    ints = [int(x * den) for x in (slope, const, coop[0], coop[1])]
    if den >= FLOAT_EXACT or max(abs(ints[0]) * n + abs(ints[1]),
                                  abs(ints[2]) * n + abs(ints[3])) >= FLOAT_EXACT:
        return None
    k = np.arange(n, dtype=np.int64)
    num_c, num_d = ints[2] * k + ints[3], ints[0] * k + ints[1]
    if den == 1:  # whole numbers: an ordinary int64 game, as element by element
        return cls(num_c, num_d, name=name)
    return cls._from_scaled(num_c, num_d, den, name)


def _rebuild(cls: type, c: Any, d: Any, name: str) -> AnonymousGame:
    game: AnonymousGame = cls(c, d, name=name)
    return game


def _unit_interval(x: ArrayLike) -> NDArray[np.float64]:
    arr = np.asarray(x, dtype=np.float64)
    if not np.all(np.isfinite(arr)) or np.any((arr < 0) | (arr > 1)):
        raise InvalidArgumentError(f"x must be probabilities in [0, 1], got {x!r}")
    return arr
