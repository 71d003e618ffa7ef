"""Weighted voting games ``[q; w_1, ..., w_n]``: a coalition wins when its weight reaches ``q``.

Weights and quota are exact (ints or Fractions) and are also kept on one integer scale
(:attr:`WeightedVotingGame.integer_weights`, :attr:`WeightedVotingGame.integer_quota`), which
the power indices of :mod:`multilateral.solvers.power` use. The overview and the references
are in :mod:`multilateral.games.voting`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import format_number
from ...errors import InvalidGameError, InvalidTypeError
from .._common import labels
from .simple import SimpleGame

__all__ = ["WeightedVotingGame"]
__dir__ = public_dir(__all__)

# the largest n that WeightedVotingGame.unanimity accepts (it lists every weight)
_MAX_UNANIMITY = 10**7
_CHUNK_BITS = 20  # the winning mask is built from subset sums of 2**20 coalitions at a time

Number = int | Fraction


class WeightedVotingGame(SimpleGame):
    """A weighted voting game ``[q; w_1, ..., w_n]``: a coalition wins when its weight >= q.

    Parameters
    ----------
    weights : sequence of int or Fraction
        One weight per member, each ``>= 0`` (integers, :class:`~fractions.Fraction` or
        integral floats; shares such as ``16.49`` must be given exactly, e.g.
        ``Fraction("16.49")``, or scaled to integers). A weight of 0 makes a dummy.
    quota : int, Fraction or float
        The weight a coalition needs to win, with ``0 < quota <= total weight``.
    members : sequence of str, optional
        Member labels (default ``"P1"``, ``"P2"``, ...).

    Attributes
    ----------
    weights : tuple
        The weights as given (ints or Fractions).
    quota : int or Fraction
    total : int or Fraction
        The sum of the weights.
    integer_weights, integer_quota
        The same game on integers: weights times the least common denominator, quota rounded
        up; what the solvers use.

    Notes
    -----
    Immutable; compares and hashes by its weights, quota and members (two games with
    different weights can still be *equivalent*: see :meth:`is_equivalent`). Any number of
    members is supported; methods that enumerate coalitions need at most
    :data:`MAX_ENUMERATION_MEMBERS`. :meth:`with_` gives a changed copy (e.g. another quota:
    ``game.with_(quota=45)``).

    See Also
    --------
    CompositeVotingGame : rules that combine weighted games (UN Security Council).
    with_blocs : members that vote together as one.
    TUGame : the game as a coalitional game (:meth:`to_tu_game`).
    multilateral.solvers.shapley_shubik : the Shapley-Shubik power index.
    multilateral.solvers.banzhaf : the Banzhaf power index.

    References
    ----------
    .. [1] von Neumann, J. and Morgenstern, O. (1944). *Theory of Games and Economic
       Behavior*, sec. 50.
    .. [2] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games*, ch. 1.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([49, 48, 3], quota=51, members=["A", "B", "C"])
    >>> g.is_winning(["B", "C"]), g.total
    (True, 100)
    >>> g.minimal_winning_coalitions()
    (('A', 'B'), ('A', 'C'), ('B', 'C'))
    >>> try:
    ...     ml.WeightedVotingGame([1, 2], quota=4)
    ... except ml.errors.InvalidGameError as err:
    ...     print(err)
    quota must satisfy 0 < quota <= total weight = 3 (a coalition wins when its weight
    reaches the quota); got 4

    ``str`` (and ``_repr_html_`` in a notebook) shows the weights and the quota:

    >>> print(g)
    WeightedVotingGame([51; 49, 48, 3])
    quota 51 of 100
    member  weight
    A           49
    B           48
    C            3
    """

    def __init__(
        self,
        weights: Sequence[Number],
        quota: Number,
        *,
        members: Sequence[str] | None = None,
    ) -> None:
        if isinstance(weights, (str, bytes, Mapping)) or not isinstance(weights, Iterable):
            raise InvalidTypeError(
                f"weights must be a sequence of numbers (one per member), got {weights!r}")
        ws = tuple(_as_weight(w, i) for i, w in enumerate(weights))
        if not ws:
            raise InvalidGameError("a weighted voting game needs at least one member")
        total = sum(ws, start=0)
        q = _as_quota(quota)
        if not 0 < q <= total:
            raise InvalidGameError(
                f"quota must satisfy 0 < quota <= total weight = {total} (a coalition wins "
                f"when its weight reaches the quota); got {quota!r}")
        scale = math.lcm(*(Fraction(w).denominator for w in ws))
        self._set(
            _weights=ws, _quota=q, _total=total,
            _members=labels(members, len(ws), "P", 1, "members"),
            _scale=scale,
            _int_weights=tuple(int(w * scale) for w in ws),
            _int_quota=math.ceil(q * scale),
        )

    _weights: tuple[Number, ...]
    _quota: Number
    _total: Number
    _scale: int
    _int_weights: tuple[int, ...]
    _int_quota: int

    def _parameters(self) -> dict[str, Any]:
        return {"weights": self._weights, "quota": self._quota, "members": self._members}

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def unanimity(
        cls,
        coalition: Iterable[str | int],
        *,
        n: int | None = None,
        members: Sequence[str] | None = None,
    ) -> WeightedVotingGame:
        """The game in which a coalition wins when it contains all of ``coalition``.

        Every member of ``coalition`` has weight 1 and a veto; the others have weight 0.
        Give the members (``members``) or their number (``n``).

        Examples
        --------
        >>> import multilateral as ml
        >>> p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
        >>> p5.veto_players, len(p5.dummies)
        (('P1', 'P2', 'P3', 'P4', 'P5'), 10)
        """
        if members is None:
            if n is None:
                raise InvalidGameError("give the members or their number (n)")
            if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
                raise InvalidTypeError(
                    f"n (the number of members) must be an integer >= 1, got {n!r}")
            size = int(n)
            if size > _MAX_UNANIMITY:
                raise InvalidGameError(
                    f"n = {n} members: a unanimity game lists every member's weight, so n is "
                    f"limited to {_MAX_UNANIMITY}")
        else:
            if isinstance(members, (str, bytes)) or not (
                    isinstance(members, Iterable) and hasattr(members, "__len__")):
                raise InvalidTypeError(f"members must be a sequence of names, got {members!r}")
            size = len(members)
            if n is not None and n != size:
                raise InvalidGameError(f"n = {n} but {size} members were named")
        probe = cls([1] * size, 1, members=members)
        chosen = probe.mask(coalition)
        if chosen == 0:
            raise InvalidGameError("a unanimity game needs a nonempty coalition")
        weights = [chosen >> i & 1 for i in range(size)]
        return cls(weights, sum(weights), members=probe.members)

    # -- data -------------------------------------------------------------------------------
    @property
    def weights(self) -> tuple[Number, ...]:
        """Weights as given (ints or Fractions)."""
        return self._weights

    @property
    def quota(self) -> Number:
        """The weight a coalition needs to win."""
        return self._quota

    @property
    def total(self) -> Number:
        """The sum of the weights."""
        return self._total

    @property
    def integer_weights(self) -> tuple[int, ...]:
        """Weights scaled to integers (by the least common denominator)."""
        return self._int_weights

    @property
    def integer_quota(self) -> int:
        """The quota on the integer scale, rounded up (same winning coalitions)."""
        return self._int_quota

    def weight(self, coalition: Iterable[str | int]) -> Number:
        """The total weight of a coalition."""
        mask = self.mask(coalition)
        return sum((w for i, w in enumerate(self._weights) if mask >> i & 1), start=0)

    def _wins(self, mask: int) -> bool:
        weight = sum(w for i, w in enumerate(self._int_weights) if mask >> i & 1)
        return weight >= self._int_quota

    @property
    def veto_players(self) -> tuple[str, ...]:
        """Members whose weight exceeds ``total - quota``: without them no coalition wins."""
        total = sum(self._int_weights)
        return tuple(m for m, w in zip(self._members, self._int_weights, strict=True)
                     if total - w < self._int_quota)

    @property
    def dummies(self) -> tuple[str, ...]:
        """Members who are never pivotal (any number of members: a subset-sum check)."""
        q = self._int_quota
        window = (1 << q) - 1
        pivotal_weight: dict[int, bool] = {}
        for w in set(self._int_weights):
            if w == 0:
                pivotal_weight[w] = False
                continue
            reachable = 1  # bit k: some coalition of the others weighs k (k < q)
            skipped = False
            for v in self._int_weights:
                if v == w and not skipped:
                    skipped = True
                    continue
                if 0 < v < q:
                    reachable = (reachable | (reachable << v)) & window
            lo = max(q - w, 0)
            pivotal_weight[w] = (reachable >> lo) != 0
        return tuple(m for m, w in zip(self._members, self._int_weights, strict=True)
                     if not pivotal_weight[w])

    def _compute_winning_mask(self) -> NDArray[np.bool_]:
        n = self.n_members
        w = np.array(self._int_weights, dtype=object if max(self._int_weights) > 2**40
                     else np.int64)
        low_bits = min(n, _CHUNK_BITS)
        low = _subset_sums(w[:low_bits])
        high = _subset_sums(w[low_bits:])
        out = np.empty(1 << n, dtype=bool)
        step = 1 << low_bits
        for k, h in enumerate(high):
            out[k * step:(k + 1) * step] = (low + h) >= self._int_quota
        return out

    def _reordered(self, members: Sequence[str]) -> WeightedVotingGame:
        order = [self.index(m) for m in members]
        return WeightedVotingGame([self._weights[i] for i in order], self._quota,
                                  members=[self._members[i] for i in order])

    def _merged(self, groups: list[tuple[str, tuple[int, ...]]]) -> WeightedVotingGame:
        weights = [sum((self._weights[i] for i in idx), start=0) for _, idx in groups]
        return WeightedVotingGame(weights, self._quota, members=[g for g, _ in groups])

    # -- value semantics --------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WeightedVotingGame):
            return NotImplemented
        return (self._weights, self._quota, self._members) == (
            other._weights, other._quota, other.members)

    def __hash__(self) -> int:
        return hash((self._weights, self._quota, self._members))

    def __repr__(self) -> str:
        return f"{type(self).__name__}([{self._quota}; {_runs(self._weights)}])"

    def _display_columns(self, shown: int) -> tuple[str, list[str], list[list[str]]]:
        return (f"quota {format_number(self._quota)} of {format_number(self._total)}",
                ["weight"], [[format_number(w)] for w in self._weights[:shown]])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_weighted, (self._weights, self._quota, self._members))


# -- helpers ----------------------------------------------------------------------------------
def _as_weight(value: Any, i: int) -> Number:
    if isinstance(value, (bool, np.bool_)):
        raise InvalidTypeError(f"weights must be numbers, not booleans (member {i})")
    if isinstance(value, numbers.Integral):
        out: Number = int(value)
    elif isinstance(value, numbers.Rational):
        out = _normal(Fraction(value))
    elif isinstance(value, numbers.Real):
        x = float(value)
        if not math.isfinite(x):
            raise InvalidGameError(f"weights must be finite; member {i} has {value!r}")
        if not x.is_integer():
            raise InvalidGameError(
                f"weights must be integers or Fractions; member {i} has the float {value!r}. "
                f"Give it exactly, e.g. Fraction('{value!r}'), or scale all weights to "
                "integers")
        out = int(x)
    else:
        raise InvalidTypeError(
            f"weights must be numbers (int or Fraction); member {i} has {value!r}")
    if out < 0:
        raise InvalidGameError(f"weights must be >= 0; member {i} has weight {value!r}")
    return out


def _as_quota(value: Any) -> Number:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(f"quota must be a number, got {value!r}")
    if isinstance(value, numbers.Rational):
        return _normal(Fraction(value))
    x = float(value)
    if not math.isfinite(x):
        raise InvalidGameError(f"quota must be finite, got {value!r}")
    return _normal(Fraction(x))


def _normal(x: Fraction) -> Number:
    return int(x) if x.denominator == 1 else x


def _subset_sums(weights: NDArray[Any]) -> NDArray[Any]:
    """Weights of all ``2**len(weights)`` subsets, indexed by bitmask."""
    sums = np.zeros(1, dtype=weights.dtype)
    for w in weights:
        sums = np.concatenate([sums, sums + w])
    return sums


def _runs(values: Sequence[Number], limit: int = 12) -> str:
    """``7 x5, 1 x10`` for runs of three or more equal values; long lists are shortened."""
    parts: list[str] = []
    k = 0
    while k < len(values):
        j = k
        while j < len(values) and values[j] == values[k]:
            j += 1
        run = j - k
        parts.extend([f"{values[k]} x{run}"] if run >= 3 else [str(values[k])] * run)
        k = j
    if len(parts) > limit:
        parts = [*parts[:limit - 2], "...", parts[-1]]
        return ", ".join(parts) + f" ({len(values)} members)"
    return ", ".join(parts)


def _rebuild_weighted(weights: Any, quota: Any, members: Any) -> WeightedVotingGame:
    return WeightedVotingGame(weights, quota, members=members)
