"""Coalitional games with transferable utility (TU games).

A TU game on players ``N = {0, ..., n-1}`` is a characteristic function ``v`` that gives each
coalition ``S`` the total payoff ``v(S)`` its members can secure and share freely, with
``v(empty) = 0``. Here it is stored as one array of ``2**n`` numbers indexed by *bitmask*:
coalition ``S`` is the integer with bit ``i`` set for each member ``i``, so ``values[0b101]`` is
``v({0, 2})`` and ``values[-1]`` is ``v(N)``.

The module runs past the library's ~600 lines because it holds one class, :class:`TUGame`,
whose constructors (glove, bankruptcy, unanimity games), properties and checks
(superadditivity, convexity, monotonicity) all work on the one bitmask array, and about
half of its lines are docstrings with runnable examples.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._namespace import public_dir
from .._numeric import popcount
from .._validation import DEFAULT_TOL, as_number_array, check_tol, to_float
from ..errors import InvalidArgumentError, InvalidGameError, InvalidPayoffsError, InvalidTypeError
from ..types import Number, NumberArray
from ._common import Immutable, labels

__all__ = ["TUGame"]
__dir__ = public_dir(__all__)

MAX_PLAYERS = 20  # 2**20 coalition values; the solvers have their own (lower) limits
_PAIR_CHUNK = 12  # disjoint pairs of the first 12 players at once: 3**12 = 531441 pairs


class TUGame(Immutable):
    """A coalitional game with transferable utility, stored over all ``2**n`` coalitions.

    Parameters
    ----------
    values : array_like
        ``2**n`` numbers, ``values[mask] = v(S)`` where bit ``i`` of ``mask`` is set when player
        ``i`` is in ``S``; ``values[0] = v(empty)`` must be 0. Integers and
        :class:`fractions.Fraction` stay exact; floats must be finite.
    players : sequence of str, optional
        Player names (default ``"P1"``, ``"P2"``, ...).

    Attributes
    ----------
    values : numpy.ndarray
        Read-only array of the ``2**n`` coalition values.
    n_players : int
    players : tuple of str

    Notes
    -----
    Games are immutable (assigning an attribute raises; :meth:`with_` gives a changed copy)
    and compare and hash by value. Up to 20 players are stored (a million coalitions); the
    LP-based solvers accept fewer.

    See Also
    --------
    WeightedVotingGame : a simple (0/1) game; ``to_tu_game`` gives its TUGame.
    multilateral.solvers.shapley_value : the Shapley value.
    multilateral.solvers.core : the core (imputations no coalition blocks).
    multilateral.solvers.nucleolus : the nucleolus.

    References
    ----------
    .. [1] von Neumann, J. and Morgenstern, O. (1944). *Theory of Games and Economic Behavior*.
       Princeton University Press, ch. VI.
    .. [2] Peleg, B. and Sudhölter, P. (2007). *Introduction to the Theory of Cooperative
       Games*, 2nd ed. Springer, ch. 2.

    Examples
    --------
    The glove game: player 0 owns a left glove, players 1 and 2 a right glove each, and a pair
    is worth 1.

    >>> import multilateral as ml
    >>> glove = ml.games.TUGame([0, 0, 0, 1, 0, 1, 0, 1])
    >>> glove
    TUGame(3 players, v(N)=1)
    >>> glove.value([0, 2]), glove.value([1, 2])
    (1, 0)
    >>> glove.is_superadditive, glove.is_convex, glove.is_essential
    (True, False, True)
    >>> glove == ml.games.TUGame.glove(1, 2)
    True
    """

    def __init__(self, values: ArrayLike, players: Sequence[str] | None = None) -> None:
        if isinstance(values, TUGame):
            raise InvalidTypeError("values is already a TUGame; pass game.values to copy it")
        arr = as_number_array(values, name="coalition values")
        if arr.ndim != 1:
            raise InvalidPayoffsError(
                "coalition values must be one flat array of 2**n numbers indexed by bitmask; "
                f"got shape {arr.shape}"
            )
        size = arr.shape[0]
        n = size.bit_length() - 1
        if size < 2 or size != 1 << n:
            raise InvalidGameError(
                "a TU game on n >= 1 players needs 2**n coalition values (one per subset, "
                f"indexed by bitmask); got {size} values"
            )
        if n > MAX_PLAYERS:
            raise InvalidGameError(
                f"at most {MAX_PLAYERS} players are supported (2**{MAX_PLAYERS} coalitions); "
                f"got {n}"
            )
        if arr[0] != 0:
            raise InvalidPayoffsError(
                f"the empty coalition must be worth 0 (values[0] = v(empty)); got {arr[0]!r}"
            )
        arr = arr.copy()
        arr.flags.writeable = False
        self._set(_values=arr, _n=n, _players=labels(players, n, "P", 1, "players"))

    _values: NDArray[Any]
    _n: int
    _players: tuple[str, ...]

    def _parameters(self) -> dict[str, Any]:
        return {"values": self._values, "players": self._players}

    # -- constructors ------------------------------------------------------------------------
    @classmethod
    def from_function(
        cls,
        func: Callable[[frozenset[int]], Number],
        n: int | None = None,
        *,
        players: Sequence[str] | None = None,
    ) -> TUGame:
        """Build a game from ``func(coalition) -> value``, called once per nonempty coalition.

        Parameters
        ----------
        func : callable
            Takes a :class:`frozenset` of player indices, returns a number.
        n : int, optional
            Number of players (or give ``players``).
        players : sequence of str, optional
            Player names.

        Examples
        --------
        >>> import multilateral as ml
        >>> majority = ml.games.TUGame.from_function(lambda s: int(len(s) >= 2), 3)
        >>> majority.values.tolist()
        [0, 0, 0, 1, 0, 1, 1, 1]
        """
        if not callable(func):
            raise InvalidTypeError(f"func must be callable, got {type(func).__name__}")
        n = _player_count(n, players)
        vals: list[Any] = [0]
        for mask in range(1, 1 << n):
            vals.append(func(frozenset(_members(mask, n))))
        return cls(_as_values(vals), players=players)

    @classmethod
    def from_dict(
        cls,
        # keys: any iterable of player indices or names (Any: Mapping is invariant in its key)
        coalition_values: Mapping[Any, Number],
        n: int | None = None,
        *,
        players: Sequence[str] | None = None,
        default: Number = 0,
    ) -> TUGame:
        """Build a game from ``{coalition: value}``; unlisted coalitions are worth ``default``.

        Parameters
        ----------
        coalition_values : mapping
            Keys are collections (frozensets, tuples, ...) of player indices, or of names when
            ``players`` is given; the empty coalition may be listed only with value 0.
        n : int, optional
            Number of players (default: ``len(players)``, or one more than the largest index).
        players : sequence of str, optional
            Player names.
        default : number, optional
            Value of every coalition not listed (default 0).

        Examples
        --------
        >>> import multilateral as ml
        >>> g = ml.games.TUGame.from_dict({frozenset({0, 1}): 4, (0, 1, 2): 6, (2,): 1})
        >>> g.values.tolist()
        [0, 0, 0, 4, 1, 0, 0, 6]
        >>> ml.games.TUGame.from_dict({("US", "EU"): 3}, players=["US", "EU"]).values.tolist()
        [0, 0, 0, 3]
        """
        if not isinstance(coalition_values, Mapping):
            raise InvalidTypeError(
                f"coalition_values must be a mapping {{coalition: value}}, got "
                f"{type(coalition_values).__name__}"
            )
        keys = [_as_key(k) for k in coalition_values]
        if n is None and players is None:
            indices = [p for key in keys for p in key]
            if not all(isinstance(p, numbers.Integral) for p in indices):
                raise InvalidGameError(
                    "coalitions name players by label: pass players=[...] to say who they are"
                )
            n = 1 + max((int(p) for p in indices), default=0)
        n = _player_count(n, players)
        names = labels(players, n, "P", 1, "players")
        vals: list[Any] = [0] + [default] * ((1 << n) - 1)
        seen: dict[int, Any] = {}
        for key, value in zip(keys, coalition_values.values(), strict=True):
            mask = _mask_of(key, n, names)
            if mask in seen and seen[mask] != value:
                raise InvalidGameError(
                    f"coalition {sorted(_members(mask, n))} is listed twice with different "
                    f"values ({seen[mask]!r} and {value!r})"
                )
            seen[mask] = value
            vals[mask] = value
        return cls(_as_values(vals), players=players)

    @classmethod
    def glove(cls, n_left: int, n_right: int) -> TUGame:
        """The glove game: a pair of one left and one right glove is worth 1.

        Players ``0..n_left-1`` own a left glove, the others a right one;
        ``v(S) = min(#left in S, #right in S)``.

        References
        ----------
        .. [1] Shapley, L. S. (1959). The solutions of a symmetric market game. In *Contributions
           to the Theory of Games IV*, Annals of Mathematics Studies 40, 145-162.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.games.TUGame.glove(1, 2).values.tolist()
        [0, 0, 0, 1, 0, 1, 0, 1]
        """
        for value, name in ((n_left, "n_left"), (n_right, "n_right")):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
                raise InvalidArgumentError(f"{name} must be an integer >= 0, got {value!r}")
        n = int(n_left) + int(n_right)
        if not 1 <= n <= MAX_PLAYERS:
            raise InvalidGameError(
                f"a glove game needs 1..{MAX_PLAYERS} players (n_left + n_right), got {n}")
        masks = np.arange(1 << n, dtype=np.int64)
        left = popcount(masks & ((1 << int(n_left)) - 1))
        right = popcount(masks >> int(n_left))
        return cls(np.minimum(left, right))

    @classmethod
    def bankruptcy(cls, estate: Number, claims: Sequence[Number]) -> TUGame:
        """The bankruptcy game of O'Neill (1982): what a coalition gets uncontested.

        ``v(S) = max(0, E - sum of the claims of the players outside S)``, for an estate ``E``
        with ``0 <= E <= sum of claims``.

        References
        ----------
        .. [1] O'Neill, B. (1982). A problem of rights arbitration from the Talmud. *Mathematical
           Social Sciences* 2(4), 345-371.
        .. [2] Aumann, R. J. and Maschler, M. (1985). Game theoretic analysis of a bankruptcy
           problem from the Talmud. *Journal of Economic Theory* 36(2), 195-213.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.games.TUGame.bankruptcy(200, [100, 200, 300]).values.tolist()
        [0, 0, 0, 0, 0, 0, 100, 200]
        """
        # numpy's ArrayLike has no Fraction; as_number_array takes Fractions all the same
        c = as_number_array(cast(ArrayLike, claims), name="claims")
        e = as_number_array(cast(ArrayLike, estate), name="estate")
        if c.ndim != 1 or c.shape[0] < 1 or e.ndim != 0:
            raise InvalidArgumentError(
                "bankruptcy needs one estate and a flat sequence of at least one claim"
            )
        # sums of claims must neither wrap around (int64) nor overflow (float64): check first
        big = max(abs(float(x)) for x in (*c.tolist(), e.item())) if c.dtype.kind == "f" or (
            e.dtype.kind == "f") else 0.0
        if big * (c.shape[0] + 1) > float(np.finfo(np.float64).max) / 2:
            raise InvalidArgumentError(
                f"claims and estate of magnitude {big:.3g} overflow float64 when summed over "
                f"{c.shape[0]} claims: rescale them (the game scales with them) or pass exact "
                "integers or Fractions"
            )
        if c.dtype.kind in "iu" and (c.size * int(np.abs(c).max()) >= 2**62):
            c = c.astype(object)  # Python ints: int64 sums would wrap around silently
        if np.any(c < 0) or e < 0 or e > c.sum():
            raise InvalidArgumentError(
                "claims must be >= 0 and the estate between 0 and the sum of the claims; got "
                f"estate {e.item()!r}, claims {c.tolist()}"
            )
        n = c.shape[0]
        masks = np.arange(1 << n, dtype=np.int64)
        bits = (masks[:, None] >> np.arange(n)) & 1
        exact = c.dtype == object or e.dtype == object
        outside = (1 - bits).astype(object if exact else c.dtype) @ c
        vals = e.item() - outside
        vals = np.where(vals > 0, vals, 0 * vals)
        return cls(_as_values(list(vals)))

    @classmethod
    def unanimity(cls, coalition: Iterable[int], n: int) -> TUGame:
        """The unanimity game of ``T``: ``v(S) = 1`` if ``T`` is a subset of ``S``, else 0.

        Every game is a unique linear combination of unanimity games (Shapley 1953).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.games.TUGame.unanimity({0, 1}, 3).values.tolist()
        [0, 0, 0, 1, 0, 0, 0, 1]
        """
        n = _player_count(n, None)
        t = _mask_of(_as_key(coalition), n, None)
        if t == 0:
            raise InvalidGameError("a unanimity game needs a nonempty coalition")
        masks = np.arange(1 << n, dtype=np.int64)
        return cls(((masks & t) == t).astype(np.int64))

    # -- basic properties --------------------------------------------------------------------
    @property
    def values(self) -> NumberArray:
        """Read-only array of the ``2**n`` coalition values, indexed by bitmask."""
        return self._values

    @property
    def n_players(self) -> int:
        """Number of players."""
        return self._n

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def grand_value(self) -> Number:
        """``v(N)``, the worth of the grand coalition."""
        return _scalar(self._values[-1])

    @property
    def is_exact(self) -> bool:
        """True when the values are integers or fractions (solvers can answer exactly)."""
        return self._values.dtype.kind in "iuO"

    @functools.cached_property
    def float_values(self) -> NDArray[np.float64]:
        """The values as a read-only float64 array."""
        arr = to_float(self._values)
        arr.flags.writeable = False
        return arr

    @functools.cached_property
    def integer_values(self) -> tuple[NDArray[Any], int]:
        """The values on one integer scale: ``(ints, d)`` with ``values = ints / d``.

        For an exact game ``ints`` is int64 (Python ints when they could overflow) and ``d``
        the least common denominator of the values, so that exact comparisons and sums run
        on integers; for a float game it is the float values and ``d = 1``.

        See Also
        --------
        values : the values as given.
        float_values : the values as floats.

        Examples
        --------
        >>> import multilateral as ml
        >>> from fractions import Fraction
        >>> ints, d = ml.games.TUGame([0, Fraction(1, 2), Fraction(1, 3), 1]).integer_values
        >>> ints.tolist(), d
        ([0, 3, 2, 6], 6)
        """
        out = _integerize(self._values)
        out[0].flags.writeable = False
        return out

    @functools.cached_property
    def scale(self) -> float:
        """``max(1, max |v(S)|)``: the magnitude that tolerances are relative to."""
        return max(1.0, float(np.max(np.abs(self.float_values))))

    def mask(self, coalition: Iterable[int | str]) -> int:
        """The bitmask of a coalition given as player indices or names."""
        return _mask_of(_as_key(coalition), self._n, self._players)

    def members(self, mask: int) -> tuple[int, ...]:
        """The player indices in the coalition with bitmask ``mask``."""
        if isinstance(mask, bool) or not isinstance(mask, numbers.Integral):
            raise InvalidTypeError(f"mask must be an integer, got {mask!r}")
        if not 0 <= mask < 1 << self._n:
            raise InvalidGameError(f"mask must be in 0..{(1 << self._n) - 1}, got {mask}")
        return _members(int(mask), self._n)

    def value(self, coalition: Iterable[int | str]) -> Number:
        """``v(S)`` for a coalition given as player indices or names."""
        return _scalar(self._values[self.mask(coalition)])

    def marginal_contributions(self, player: int | str) -> NumberArray:
        """``v(S | {i}) - v(S - {i})`` for every coalition ``S`` (an array indexed by bitmask).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.games.TUGame.glove(1, 2).marginal_contributions(0).tolist()
        [0, 0, 1, 1, 1, 1, 1, 1]
        """
        bit = 1 << self._player_index(player)
        masks = np.arange(1 << self._n, dtype=np.int64)
        return self._values[masks | bit] - self._values[masks & ~bit]

    def is_dummy(self, player: int, *, tol: float = DEFAULT_TOL) -> bool:
        """Whether ``player`` adds exactly ``v({i})`` to every coalition (a dummy player)."""
        i = self._player_index(player)
        return self._all_zero(self.marginal_contributions(i) - self._values[1 << i], tol)

    def are_symmetric(self, i: int, j: int, *, tol: float = DEFAULT_TOL) -> bool:
        """Whether players ``i`` and ``j`` are interchangeable: ``v(S+i) = v(S+j)`` for S
        containing neither."""
        bi, bj = 1 << self._player_index(i), 1 << self._player_index(j)
        masks = np.arange(1 << self._n, dtype=np.int64)
        rest = masks[(masks & (bi | bj)) == 0]
        return self._all_zero(self._values[rest | bi] - self._values[rest | bj], tol)

    # -- classes of games --------------------------------------------------------------------
    @property
    def is_essential(self) -> bool:
        """``v(N) > sum_i v({i})``: cooperation creates a surplus."""
        return bool(self._singleton_sum() < self._values[-1]) if self.is_exact else bool(
            float(self._values[-1]) - float(self._singleton_sum()) > DEFAULT_TOL * self.scale)

    @property
    def is_superadditive(self) -> bool:
        """``v(S | T) >= v(S) + v(T)`` for all disjoint ``S``, ``T`` (checks all ``3**n`` pairs)."""
        return self.superadditivity_violation() is None

    @property
    def is_convex(self) -> bool:
        """Supermodularity, ``v(S | T) + v(S & T) >= v(S) + v(T)``; equivalently every player's
        marginal contribution grows with the coalition it joins (Shapley 1971)."""
        return self.convexity_violation() is None

    @property
    def is_monotone(self) -> bool:
        """``v(S) <= v(T)`` whenever ``S`` is a subset of ``T``."""
        ints, _ = self.integer_values
        masks = np.arange(1 << self._n, dtype=np.int64)
        for i in range(self._n):
            without = masks[(masks >> i) & 1 == 0]
            gain = ints[without | (1 << i)] - ints[without]
            if not self._nonnegative(gain, DEFAULT_TOL):
                return False
        return True

    def superadditivity_violation(
        self, *, tol: float = DEFAULT_TOL
    ) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The disjoint pair ``(S, T)`` with the largest ``v(S) + v(T) - v(S | T) > 0``, or None.

        Parameters
        ----------
        tol : float, optional
            For float games, shortfalls up to ``tol * scale`` are ignored.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.games.TUGame([0, 2, 2, 3]).superadditivity_violation()
        ((0,), (1,))
        """
        tol = check_tol(tol)
        ints, _ = self.integer_values
        n = self._n
        head = min(n, _PAIR_CHUNK)
        s0, t0 = _disjoint_pairs(head)
        worst: tuple[Any, int, int] | None = None
        for s_hi, t_hi in zip(*_disjoint_pairs(n - head), strict=True):
            s = s0 | (int(s_hi) << head)
            t = t0 | (int(t_hi) << head)
            keep = (s != 0) & (t != 0) & (s < t)  # each unordered pair once
            s, t = s[keep], t[keep]
            if not len(s):
                continue
            gap = ints[s] + ints[t] - ints[s | t]
            k = int(np.argmax(gap))
            if worst is None or gap[k] > worst[0]:
                worst = (gap[k], int(s[k]), int(t[k]))
        if worst is None or not self._positive(worst[0], tol):
            return None
        return _members(worst[1], n), _members(worst[2], n)

    def convexity_violation(
        self, *, tol: float = DEFAULT_TOL
    ) -> tuple[tuple[int, ...], int, int] | None:
        """A coalition ``S`` and players ``i``, ``j`` outside it with
        ``v(S+i+j) - v(S+j) < v(S+i) - v(S)`` (the largest such drop), or None."""
        tol = check_tol(tol)
        ints, _ = self.integer_values
        masks = np.arange(1 << self._n, dtype=np.int64)
        worst: tuple[Any, int, int, int] | None = None
        for i in range(self._n):
            for j in range(i + 1, self._n):
                bi, bj = 1 << i, 1 << j
                s = masks[(masks & (bi | bj)) == 0]
                drop = ints[s | bi] + ints[s | bj] - ints[s | bi | bj] - ints[s]
                k = int(np.argmax(drop))
                if worst is None or drop[k] > worst[0]:
                    worst = (drop[k], int(s[k]), i, j)
        if worst is None or not self._positive(worst[0], tol):
            return None
        return _members(worst[1], self._n), worst[2], worst[3]

    # -- arithmetic (games form a vector space) ----------------------------------------------
    def __add__(self, other: object) -> TUGame:
        if not isinstance(other, TUGame):
            return NotImplemented
        if other._n != self._n:
            raise InvalidGameError(
                f"cannot add games on {self._n} and {other._n} players")
        return TUGame(_add(self._values, other._values), players=self._players)

    def __mul__(self, factor: object) -> TUGame:
        if isinstance(factor, bool) or not isinstance(factor, numbers.Real):
            return NotImplemented
        vals = self._values
        if isinstance(factor, numbers.Rational) and self.is_exact:
            scaled: Any = vals.astype(object) * Fraction(factor)
        else:
            scaled = self.float_values * float(factor)
        return TUGame(_as_values(list(scaled)), players=self._players)

    __rmul__ = __mul__

    def __neg__(self) -> TUGame:
        return self * -1

    def __sub__(self, other: object) -> TUGame:
        if not isinstance(other, TUGame):
            return NotImplemented
        return self + (-other)

    # -- value semantics ---------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TUGame):
            return NotImplemented
        return (self._n, self._players) == (other._n, other._players) and bool(
            np.all(self._values == other._values))

    def __hash__(self) -> int:
        return hash((self._players, self.float_values.tobytes()))

    def __repr__(self) -> str:
        return f"TUGame({self._n} player{'s' * (self._n != 1)}, v(N)={_short(self.grand_value)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (TUGame, (self._values, self._players))

    # -- internals ---------------------------------------------------------------------------
    def _player_index(self, player: Any) -> int:
        if isinstance(player, str):
            if player not in self._players:
                raise InvalidGameError(f"unknown player {player!r}; players are {self._players}")
            return self._players.index(player)
        if isinstance(player, bool) or not isinstance(player, numbers.Integral):
            raise InvalidTypeError(
                f"player must be an index 0..{self._n - 1} or a name, got {player!r}")
        if not 0 <= int(player) < self._n:
            raise InvalidGameError(
                f"player index {player} out of range: this game has {self._n} players")
        return int(player)

    def _positive(self, x: Any, tol: float) -> bool:
        return bool(x > 0) if self.is_exact else bool(float(x) > tol * self.scale)

    def _nonnegative(self, arr: NDArray[Any], tol: float) -> bool:
        if self.is_exact:
            return bool(np.all(arr >= 0))
        return bool(np.all(arr >= -tol * self.scale))

    def _all_zero(self, arr: NDArray[Any], tol: float) -> bool:
        tol = check_tol(tol)
        if self.is_exact:
            return bool(np.all(arr == 0))
        return bool(np.all(np.abs(np.asarray(arr, dtype=float)) <= tol * self.scale))

    def _singleton_sum(self) -> Any:
        return sum((self._values[1 << i] for i in range(self._n)), start=0 * self._values[0])


# -- helpers ----------------------------------------------------------------------------------
def _members(mask: int, n: int) -> tuple[int, ...]:
    return tuple(i for i in range(n) if mask >> i & 1)


def _player_count(n: Any, players: Sequence[str] | None) -> int:
    if players is not None and not (isinstance(players, Iterable) and hasattr(players, "__len__")):
        raise InvalidTypeError(f"players must be a sequence of names, got {players!r}")
    if n is None:
        if players is None:
            raise InvalidGameError("give the number of players (n) or their names")
        if isinstance(players, str):
            raise InvalidGameError(f"players must be a sequence of names, got {players!r}")
        n = len(players)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise InvalidTypeError(f"n (the number of players) must be an integer, got {n!r}")
    if not 1 <= int(n) <= MAX_PLAYERS:
        raise InvalidGameError(f"n (the number of players) must be in 1..{MAX_PLAYERS}, got {n}")
    if players is not None and len(players) != n:
        raise InvalidGameError(f"{n} players need {n} names, got {len(players)}")
    return int(n)


def _as_key(coalition: Any) -> tuple[Any, ...]:
    if isinstance(coalition, str) or not isinstance(coalition, Iterable):
        raise InvalidTypeError(
            "a coalition is a collection of players (e.g. frozenset({0, 2}) or ('US', 'EU')), "
            f"got {coalition!r}"
        )
    members = tuple(coalition)
    if not all(isinstance(p, Hashable) for p in members):
        raise InvalidTypeError(f"players in a coalition must be indices or names: {members!r}")
    return members


def _mask_of(members: tuple[Any, ...], n: int, names: Sequence[str] | None) -> int:
    mask = 0
    for p in members:
        if isinstance(p, str):
            if names is None or p not in names:
                raise InvalidGameError(f"unknown player {p!r}; players are {names}")
            i = list(names).index(p)
        elif isinstance(p, numbers.Integral) and not isinstance(p, bool):
            i = int(p)
            if not 0 <= i < n:
                raise InvalidGameError(f"player index {i} out of range 0..{n - 1}")
        else:
            raise InvalidTypeError(f"a player is an index or a name, got {p!r}")
        mask |= 1 << i
    return mask


def _as_values(vals: Sequence[Any]) -> NDArray[Any]:
    """A list of numbers as an array (exact when they all are), without numpy's coercions."""
    if all(isinstance(v, numbers.Rational) and not isinstance(v, bool) for v in vals):
        return np.array([Fraction(v) for v in vals], dtype=object)
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in vals):
        bad = next(v for v in vals if not isinstance(v, numbers.Real) or isinstance(v, bool))
        raise InvalidPayoffsError(f"coalition values must be real numbers; found {bad!r}")
    return np.array([float(v) for v in vals], dtype=np.float64)


def _add(a: NDArray[Any], b: NDArray[Any]) -> NDArray[Any]:
    if a.dtype.kind in "iuO" and b.dtype.kind in "iuO":
        return _as_values(list(a.astype(object) + b.astype(object)))
    return to_float(a) + to_float(b)


def _integerize(values: NDArray[Any]) -> tuple[NDArray[Any], int]:
    if values.dtype.kind == "f":
        return values, 1
    if values.dtype.kind in "iu":
        ints: list[int] = [int(v) for v in values]
        den = 1
    else:
        fracs = [Fraction(v) for v in values]
        den = math.lcm(*(f.denominator for f in fracs))
        ints = [int(f * den) for f in fracs]
    # int64 when a sum of a few of them cannot overflow; Python ints otherwise
    if max(abs(v) for v in ints) < 2**58:
        return np.array(ints, dtype=np.int64), den
    return np.array(ints, dtype=object), den


def _disjoint_pairs(n: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """All ``3**n`` ordered pairs ``(S, T)`` of disjoint coalitions of ``n`` players."""
    s = np.zeros(1, dtype=np.int64)
    t = np.zeros(1, dtype=np.int64)
    for i in range(n):
        bit = np.int64(1 << i)
        s = np.concatenate([s, s | bit, s])
        t = np.concatenate([t, t, t | bit])
    return s, t


def _scalar(x: Any) -> Any:
    """A numpy scalar as the Python number it holds (int, float); Fractions unchanged."""
    return x.item() if isinstance(x, np.generic) else x


def _short(x: Any) -> str:
    if isinstance(x, (Fraction, numbers.Integral)):
        return str(x)
    return f"{float(x):.6g}"
