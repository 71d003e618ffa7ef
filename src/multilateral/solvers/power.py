"""Power indices of simple games: Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel, Holler-Packel.

A member's *voting power* is not its weight. The Shapley-Shubik index is the probability that
a member is pivotal when the members join in a random order; the Banzhaf measure is the
probability that its vote decides the outcome when the others vote at random (normalized:
its share of all such swings). Johnston weighs each swing by the number of members critical
in the coalition; Deegan-Packel and Holler-Packel count minimal winning coalitions only.

Algorithms
----------
*Weighted games* (any number of members): dynamic programming over weights, never over
coalitions. With integer weights ``w`` and quota ``q`` (total ``W``), a member of weight
``w_i`` swings exactly when the others weigh ``q - w_i .. q - 1`` (equivalently, the others
*outside* the coalition weigh ``W - q - w_i + 1 .. W - q``; the cheaper side is used, so only
weights below ``m = min(q, W - q + 1)`` are tabulated). The generating polynomial
``prod_j (1 + y x^w_j)`` is built once, truncated at ``x^m``; a member is removed by dividing
by its factor, and only the window sum is needed, which prefix sums give in
``O(m / w_i)`` steps per distinct weight (members with equal weights share the result).

* Banzhaf, exact: counts in Python integers (``O(n m)``; about 15 ms for 190 members at
  total weight 10,000).
* Shapley-Shubik, exact: the size variable ``y`` is packed into big integers (fields of
  ``n + 1`` bits), so the table has ``m`` entries instead of ``n m``; values are
  :class:`~fractions.Fraction` s. About 0.4 s for 190 members at total weight 10,000 and a
  simple majority (``m = 5,000``), 0.1 s at 85% (``m = 1,501``).
* Shapley-Shubik, float: the index is the integral over ``p`` of the probability of being
  pivotal when each other member joins with probability ``p`` (Owen's multilinear
  extension); that probability is a polynomial of degree ``n - 1`` in ``p``, so
  Gauss-Legendre quadrature with ``ceil(n / 2)`` nodes is exact. Members are removed with the
  recursion that is stable for ``p <= 1/2`` (nodes above 1/2 use the complementary
  coalition), so errors do not grow: the values agree with the exact ones to about
  ``1e-15`` (tested to be within ``1e-12``). About 0.1 s for 190 members at total weight
  10,000.
* Banzhaf, float: the same at ``p = 1/2`` (a few milliseconds).

``exact=None`` (the default) computes exactly when that takes well under a second -- for
Shapley-Shubik when ``n**2 * m <= 6e7`` (e.g. the IMF's 191 members at 85%, not at a simple
majority), for Banzhaf when ``n * m <= 5e7`` (practically always) -- and in float64
otherwise; ``exact=True`` forces Fractions. Members with weight 0 are dummies and are left
out of the computation (they change neither index).

*Composite games* and the indices based on minimal winning coalitions (Johnston,
Deegan-Packel, Holler-Packel) enumerate the ``2**n`` coalitions with numpy, exactly, for at
most :data:`~multilateral.games.voting.MAX_ENUMERATION_MEMBERS` (25) members; larger games
raise :class:`~multilateral.errors.InvalidArgumentError` instead of running for hours.

References
----------
.. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.
.. [2] Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis.
   *Rutgers Law Review* 19, 317-343.
.. [3] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of the
   Royal Statistical Society* 109(1), 53-57.
.. [4] Johnston, R. J. (1978). On the measurement of power: some reactions to Laver.
   *Environment and Planning A* 10, 907-914.
.. [5] Deegan, J. and Packel, E. W. (1978). A new index of power for simple n-person games.
   *International Journal of Game Theory* 7, 113-123.
.. [6] Holler, M. J. and Packel, E. W. (1983). Power, luck and the right index. *Journal of
   Economics* 43, 21-29.
.. [7] Owen, G. (1972). Multilinear extensions of games. *Management Science* 18(5), 64-79.
.. [8] Matsui, T. and Matsui, Y. (2000). A survey of algorithms for calculating power
   indices of weighted majority games. *Journal of the Operations Research Society of
   Japan* 43(1), 71-86.
.. [9] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
   Edward Elgar.

Examples
--------
The UN Security Council since 1965, ``[39; 7 x5, 1 x10]``:

>>> import multilateral as ml
>>> unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
>>> ss = ml.solvers.shapley_shubik(unsc)
>>> ss["P1"], ss["P6"]
(Fraction(421, 2145), Fraction(4, 2145))
>>> bz = ml.solvers.banzhaf(unsc)
>>> bz.counts[0], bz.counts[5]
(848, 84)
>>> ml.solvers.banzhaf(unsc, normalized=True)["P1"]
Fraction(106, 635)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.voting import (
    MAX_ENUMERATION_MEMBERS,
    CompositeVotingGame,
    SimpleGame,
    WeightedVotingGame,
    minimal_winning_masks,
    with_blocs,
)
from ..types import Number

__all__ = [
    "CaucusPower",
    "PowerIndex",
    "banzhaf",
    "caucus_power",
    "deegan_packel",
    "holler_packel",
    "johnston",
    "shapley_shubik",
]
__dir__ = public_dir(__all__)

#: ``exact=None`` computes Shapley-Shubik exactly when ``n**2 * m`` is at most this.
EXACT_SHAPLEY_BUDGET = 60_000_000
#: ``exact=None`` computes Banzhaf exactly when ``n * m`` is at most this.
EXACT_BANZHAF_BUDGET = 50_000_000
#: Largest weight table (entries ``m``) the dynamic programs allocate.
MAX_TABLE = 20_000_000


@dataclass(frozen=True, repr=False)
class PowerIndex:
    """A power index: one value per member.

    Attributes
    ----------
    name : str
        ``"shapley_shubik"``, ``"banzhaf"`` (absolute, Penrose), ``"banzhaf_normalized"``,
        ``"johnston"``, ``"deegan_packel"`` or ``"holler_packel"``.
    members : tuple of str
    values : tuple
        :class:`~fractions.Fraction` s when ``exact``, floats otherwise.
    exact : bool
    counts : tuple of int or None
        The integers behind the values where there are some: swing counts for Banzhaf
        (coalitions without the member that it turns from losing to winning), minimal
        winning coalitions containing the member for Holler-Packel.

    See Also
    --------
    shapley_shubik, banzhaf, johnston, deegan_packel, holler_packel : return it.
    CaucusPower : a bloc's power together and apart.

    Examples
    --------
    >>> import multilateral as ml
    >>> idx = ml.solvers.shapley_shubik(ml.WeightedVotingGame([2, 1, 1], 3))
    >>> idx
    PowerIndex(shapley_shubik: P1=2/3, P2=1/6, P3=1/6)
    >>> idx["P1"], idx[1], sum(idx.values)
    (Fraction(2, 3), Fraction(1, 6), Fraction(1, 1))
    >>> idx.as_float()
    array([0.66666667, 0.16666667, 0.16666667])
    """

    name: str
    members: tuple[str, ...]
    values: tuple[Number, ...]
    exact: bool
    counts: tuple[int, ...] | None = None

    def __getitem__(self, member: str | int) -> Number:
        if isinstance(member, str):
            try:
                return self.values[self.members.index(member)]
            except ValueError:
                raise KeyError(member) from None
        if isinstance(member, numbers.Integral) and not isinstance(member, bool):
            return self.values[int(member)]
        raise InvalidTypeError(f"index a PowerIndex by member label or position, got {member!r}")

    def __len__(self) -> int:
        return len(self.values)

    def as_float(self) -> NDArray[np.float64]:
        """The values as a float64 array."""
        return np.array([float(v) for v in self.values], dtype=np.float64)

    def as_dict(self) -> dict[str, Number]:
        """``{member: value}``."""
        return dict(zip(self.members, self.values, strict=True))

    def __repr__(self) -> str:
        shown = [f"{m}={_short(v)}" for m, v in zip(self.members[:6], self.values[:6],
                                                    strict=False)]
        if len(self.members) > 6:
            shown.append(f"... ({len(self.members)} members)")
        return f"PowerIndex({self.name}: {', '.join(shown)})"


@dataclass(frozen=True, repr=False)
class CaucusPower:
    """The power of a bloc that votes together, against its members voting apart.

    Attributes
    ----------
    bloc : str
        The bloc's label.
    members : tuple of str
        Its members.
    index : str
        ``"shapley_shubik"`` or ``"banzhaf"`` (normalized).
    together : Fraction or float
        The bloc's index when its members vote as one (:func:`with_blocs`).
    apart : Fraction or float
        The sum of its members' indices when each votes alone.

    See Also
    --------
    caucus_power : returns it.
    PowerIndex : the index of every member.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "C"])
    >>> ml.solvers.caucus_power(g, ["A", "B"]).gain
    Fraction(1, 3)
    """

    bloc: str
    members: tuple[str, ...]
    index: str
    together: Number
    apart: Number

    @property
    def gain(self) -> Number:
        """``together - apart``: what voting as a bloc adds (negative: it costs power)."""
        return self.together - self.apart

    def __repr__(self) -> str:
        return (f"CaucusPower({self.bloc}: together={_short(self.together)}, "
                f"apart={_short(self.apart)}, {self.index})")


# -- public indices --------------------------------------------------------------------------------
def shapley_shubik(game: SimpleGame, *, exact: bool | None = None) -> PowerIndex:
    """The Shapley-Shubik index: the probability of being pivotal in a random order.

    ``SS_i = sum over coalitions S not containing i that i turns from losing to winning of
    |S|! (n - |S| - 1)! / n!``. The values sum to one.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    exact : bool or None
        True: Fractions (for large weighted games this can take seconds); False: float64
        (within ``1e-12``); None: exact when cheap (see the module notes).

    Returns
    -------
    PowerIndex

    See Also
    --------
    banzhaf : power by coalitions rather than orders.
    caucus_power : what a bloc gains by voting together.
    PowerIndex : the result.

    Examples
    --------
    The classic parliament ``[51; 49, 48, 3]``: the smallest party is as powerful as the
    largest.

    >>> import multilateral as ml
    >>> ml.solvers.shapley_shubik(ml.WeightedVotingGame([49, 48, 3], 51)).values
    (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3))
    """
    exact = _check_exact(exact)
    if isinstance(game, WeightedVotingGame):
        plan = _plan(game)
        if plan is not None:
            ints, q, _ = plan
            n, m = len(ints), _table_size(ints, q)
            use_exact = exact if exact is not None else n * n * m <= EXACT_SHAPLEY_BUDGET
            by_weight = (_shapley_exact(ints, q) if use_exact else _shapley_float(ints, q))
            values = tuple(by_weight[w] if w else (Fraction(0) if use_exact else 0.0)
                           for w in game.integer_weights)
            return PowerIndex("shapley_shubik", game.members, values, use_exact)
    by_size = _swings_by_size(game)
    n = game.n_members
    coef = [Fraction(math.factorial(k - 1) * math.factorial(n - k), math.factorial(n))
            if k else Fraction(0) for k in range(n + 1)]
    vals = tuple(sum((int(c) * coef[k] for k, c in enumerate(row)), start=Fraction(0))
                 for row in by_size)
    return _finish("shapley_shubik", game, vals, exact)


def banzhaf(game: SimpleGame, *, normalized: bool = False,
            exact: bool | None = None) -> PowerIndex:
    """The Banzhaf index: how often a member's vote decides the outcome.

    A member *swings* a coalition ``S`` of the others when ``S`` loses and ``S + {i}`` wins;
    ``eta_i`` counts them (returned as ``counts``). The absolute (Penrose) measure is
    ``eta_i / 2**(n-1)``, the probability of being decisive when the others vote yes or no
    with equal probability; the normalized index ``eta_i / sum_j eta_j`` sums to one.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    normalized : bool, default False
        Shares of all swings (True) or the absolute measure (False).
    exact : bool or None
        True: Fractions; False: float64; None: exact when cheap (the usual case: exact
        Banzhaf takes about 15 ms for 190 members at total weight 10,000).

    Returns
    -------
    PowerIndex
        With the swing counts in ``counts`` when computed exactly.

    See Also
    --------
    shapley_shubik : power by orders rather than coalitions.
    johnston : swings shared among the pivotal members.
    PowerIndex : the result.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([4, 2, 1], 4)
    >>> ml.solvers.banzhaf(g).values        # member 1 is a dictator
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    >>> veto = ml.WeightedVotingGame([3, 2, 2], 5)    # member 1 needs one of the others
    >>> ml.solvers.banzhaf(veto).counts
    (3, 1, 1)
    >>> ml.solvers.banzhaf(veto, normalized=True).values
    (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
    """
    exact = _check_exact(exact)
    if not isinstance(normalized, bool):
        raise InvalidTypeError(f"normalized must be True or False, got {normalized!r}")
    name = "banzhaf_normalized" if normalized else "banzhaf"
    if isinstance(game, WeightedVotingGame):
        plan = _plan(game)
        if plan is not None:
            ints, q, zero = plan
            n, m = len(ints), _table_size(ints, q)
            use_exact = exact if exact is not None else n * m <= EXACT_BANZHAF_BUDGET
            if use_exact:
                swings = _banzhaf_exact(ints, q)
                counts = tuple(swings[w] << zero if w else 0 for w in game.integer_weights)
                return _from_counts(name, game, counts, normalized)
            prob = _banzhaf_float(ints, q)
            vals = [prob[w] if w else 0.0 for w in game.integer_weights]
            if normalized:
                total = math.fsum(vals)
                vals = [v / total for v in vals]
            return PowerIndex(name, game.members, tuple(vals), False)
    counts = tuple(int(row.sum()) for row in _swings_by_size(game))
    result = _from_counts(name, game, counts, normalized)
    if exact is False:
        return PowerIndex(name, game.members, tuple(float(v) for v in result.values), False)
    return result


def johnston(game: SimpleGame) -> PowerIndex:
    """The Johnston index: swings shared among the members critical in each coalition.

    In a winning coalition ``S`` a member is *critical* when ``S`` loses without it; ``S``
    is *vulnerable* when it has a critical member. Each vulnerable coalition gives
    ``1 / (number of its critical members)`` to each of them; the index divides by the number
    of vulnerable coalitions, so it sums to one. Exact; enumerates coalitions (at most 25
    members).

    See Also
    --------
    banzhaf : every swing counted in full.
    deegan_packel, holler_packel : indices over minimal winning coalitions.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.johnston(ml.WeightedVotingGame([3, 2, 2], 5)).values
    (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
    """
    win, _, n = _enumeration(game, "the Johnston index")
    critical = np.zeros(win.shape, dtype=np.uint8)
    swings = []
    for i in range(n):
        swing = _swing_half(win, i, n)
        swings.append(swing)
        critical.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :] += swing
    raw = []
    for i in range(n):
        crit_i = critical.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :][swings[i]]
        counts = np.bincount(crit_i, minlength=n + 1)
        raw.append(sum((Fraction(int(c), k) for k, c in enumerate(counts) if k and c),
                       start=Fraction(0)))
    total = sum(raw, start=Fraction(0))
    return PowerIndex("johnston", game.members, tuple(r / total for r in raw), True)


def deegan_packel(game: SimpleGame) -> PowerIndex:
    """The Deegan-Packel index: minimal winning coalitions equally likely, spoils shared.

    ``DP_i = (1 / |M|) * sum over minimal winning coalitions S containing i of 1 / |S|``.
    Exact; enumerates coalitions (at most 25 members).

    See Also
    --------
    holler_packel : minimal winning coalitions, the good not shared.
    johnston, banzhaf : indices over swings.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.solvers.deegan_packel(ml.WeightedVotingGame([3, 2, 2], 5)).values
    (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))
    """
    table = _minimal_by_size(game, "the Deegan-Packel index")
    n_minimal = _count_minimal(table)
    vals = tuple(sum((Fraction(int(c), k) for k, c in enumerate(row) if k and c),
                     start=Fraction(0)) / n_minimal for row in table)
    return PowerIndex("deegan_packel", game.members, vals, True)


def holler_packel(game: SimpleGame) -> PowerIndex:
    """The Holler-Packel (public good) index: shares of minimal winning coalitions.

    ``HP_i = |M_i| / sum_j |M_j|`` where ``M_i`` are the minimal winning coalitions that
    contain ``i`` (the counts ``|M_i|`` are in ``counts``). Exact; enumerates coalitions (at
    most 25 members).

    See Also
    --------
    deegan_packel : minimal winning coalitions, the good shared equally.
    banzhaf : over all winning coalitions.

    Examples
    --------
    >>> import multilateral as ml
    >>> hp = ml.solvers.holler_packel(ml.WeightedVotingGame([3, 2, 2], 5))
    >>> hp.values, hp.counts
    ((Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)), (2, 1, 1))
    """
    table = _minimal_by_size(game, "the Holler-Packel index")
    counts = tuple(int(row.sum()) for row in table)
    total = sum(counts)
    vals = tuple(Fraction(c, total) for c in counts)
    return PowerIndex("holler_packel", game.members, vals, True, counts)


def caucus_power(
    game: SimpleGame,
    members: Iterable[str | int],
    *,
    index: str = "shapley_shubik",
    label: str | None = None,
    exact: bool | None = None,
) -> CaucusPower:
    """The power of ``members`` voting as one bloc, against the sum of their powers apart.

    Parameters
    ----------
    game : SimpleGame
    members : collection of member labels or indices
        The caucus.
    index : {"shapley_shubik", "banzhaf"}
        The index to compare (Banzhaf normalized, so that the values are shares).
    label : str, optional
        The bloc's label (default: its members joined by ``+``).
    exact : bool or None
        As in :func:`shapley_shubik`.

    Returns
    -------
    CaucusPower

    See Also
    --------
    CaucusPower : the result.
    multilateral.games.with_blocs : the game with the bloc voting as one.
    shapley_shubik, banzhaf : the indices it compares.

    Examples
    --------
    Three equal members deciding by majority: two who caucus decide everything.

    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "C"])
    >>> caucus_power(g, ["A", "B"])
    CaucusPower(A+B: together=1, apart=2/3, shapley_shubik)
    """
    if index not in ("shapley_shubik", "banzhaf"):
        raise InvalidArgumentError(
            f"index must be 'shapley_shubik' or 'banzhaf', got {index!r}")
    if isinstance(members, (str, bytes)) or not isinstance(members, Iterable):
        raise InvalidTypeError(
            f"members must be a collection of member labels or indices, got {members!r}")
    idx = sorted({game.index(m) for m in members})
    if not idx:
        raise InvalidArgumentError("a caucus needs at least one member")
    names = tuple(game.members[i] for i in idx)
    bloc = label if label is not None else "+".join(names)

    def power(g: SimpleGame) -> PowerIndex:
        if index == "shapley_shubik":
            return shapley_shubik(g, exact=exact)
        return banzhaf(g, normalized=True, exact=exact)

    apart_index = power(game)
    apart = sum((apart_index.values[i] for i in idx), start=0 * apart_index.values[0])
    merged = with_blocs(game, {bloc: list(idx)})
    together = power(merged)[bloc]
    return CaucusPower(bloc, names, index, together, apart)


# -- weighted games: dynamic programming ---------------------------------------------------------
def _plan(game: WeightedVotingGame) -> tuple[list[int], int, int] | None:
    """Nonzero integer weights, quota and number of zero weights; None to enumerate instead."""
    ints = [w for w in game.integer_weights if w]
    q = game.integer_quota
    zero = game.n_members - len(ints)
    m = _table_size(ints, q)
    if game.n_members <= MAX_ENUMERATION_MEMBERS and (1 << game.n_members) <= 4 * m:
        return None  # enumerating the 2**n coalitions is cheaper than the weight table
    if m > MAX_TABLE:
        raise InvalidArgumentError(
            f"the weights need a table of {m:,} entries (integer total weight "
            f"{sum(ints):,}): too large. Round the weights to fewer significant digits "
            "(e.g. shares in basis points)")
    return ints, q, zero


def _table_size(ints: list[int], q: int) -> int:
    return min(q - 1, sum(ints) - q) + 1


def _horner_points(hi: int, w: int) -> list[int]:
    """Window ends ``hi + 1, hi + 1 - w, ...`` down to 0 (the tiled windows below the swing
    window ``[hi + 1 - w, hi]``)."""
    return [*range(hi + 1, 0, -w), 0]


def _banzhaf_exact(ints: list[int], q: int) -> dict[int, int]:
    """Swing counts by distinct weight (Python integers)."""
    hi = min(q - 1, sum(ints) - q)
    m = hi + 1
    table = np.zeros(m, dtype=object)
    table[0] = 1
    reach = 1  # entries at and above reach are still 0
    for w in sorted(ints):
        end = min(m, reach + w)
        if w < end:
            np.add(table[w:end], table[:end - w].copy(), out=table[w:end])  # old values
        reach = end
    prefix = np.empty(m + 1, dtype=object)
    prefix[0] = 0
    prefix[1:] = np.cumsum(table)
    out = {}
    for w in set(ints):
        ends = _horner_points(hi, w)
        acc = 0
        for t in range(len(ends) - 2, -1, -1):
            acc = prefix[ends[t]] - prefix[ends[t + 1]] - acc
        out[w] = int(acc)
    return out


def _banzhaf_float(ints: list[int], q: int) -> dict[int, float]:
    """Probability of swinging (absolute Banzhaf) by distinct weight, float64."""
    n = len(ints)
    hi = min(q - 1, sum(ints) - q)
    one = np.ones(1)
    prefix, log_scale = _odds_prefix(ints, hi + 1, one)
    factor = math.exp(float(log_scale[0]) - (n - 1) * math.log(2.0))
    powers = _alternating_powers(one, hi + 2)
    return {w: float(_window_sums(prefix, hi, w, powers)[0]) * factor for w in set(ints)}


def _shapley_exact(ints: list[int], q: int) -> dict[int, Fraction]:
    """Shapley-Shubik by distinct weight, exact; coalition sizes packed into big integers."""
    n = len(ints)
    hi = min(q - 1, sum(ints) - q)
    m = hi + 1
    nbytes = n // 8 + 1          # each field holds a count < 2**n
    bits = 8 * nbytes
    table = np.zeros(m, dtype=object)
    table[0] = 1
    shifted = np.empty(m, dtype=object)
    reach = 1  # entries at and above reach are still 0
    for w in sorted(ints):  # ascending weights keep the big integers small for longest
        end = min(m, reach + w)
        if w < end:
            np.left_shift(table[:end - w], bits, out=shifted[:end - w])
            np.add(table[w:end], shifted[:end - w], out=table[w:end])
        reach = end
    prefix = np.empty(m + 1, dtype=object)
    prefix[0] = 0
    prefix[1:] = np.cumsum(table)
    weight = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
    denominator = math.factorial(n)
    out = {}
    for w in set(ints):
        ends = _horner_points(hi, w)
        acc = 0
        for t in range(len(ends) - 2, -1, -1):
            acc = prefix[ends[t]] - prefix[ends[t + 1]] - (acc << bits)
        raw = int(acc).to_bytes(n * nbytes + nbytes, "little")
        numerator = 0
        for s in range(n):
            count = int.from_bytes(raw[s * nbytes:(s + 1) * nbytes], "little")
            if count:
                numerator += count * weight[s]
        out[w] = Fraction(numerator, denominator)
    return out


def _shapley_float(ints: list[int], q: int) -> dict[int, float]:
    """Shapley-Shubik by distinct weight in float64, by exact Gauss-Legendre quadrature."""
    n = len(ints)
    primal_hi, dual_hi = q - 1, sum(ints) - q   # swing windows of S and of its complement
    nodes, gauss = np.polynomial.legendre.leggauss((n + 1) // 2)
    half = len(nodes) // 2
    # the nodes below 1/2 (and the middle one, p = 1/2, when there is one): the distribution
    # at p gives node p (window of S) and node 1 - p (window of the complement of S)
    p = (nodes[:len(nodes) - half] + 1.0) / 2.0
    g = gauss[:len(nodes) - half] / 2.0
    if len(nodes) % 2:
        p[-1] = 0.5
    mirrored = (np.arange(len(p)) < half).astype(float)
    r = p / (1.0 - p)                   # odds: a subset S counts r**|S|
    m = max(primal_hi, dual_hi) + 1
    parts: dict[int, list[float]] = {w: [] for w in set(ints)}
    rows = max(1, _FLOAT_CHUNK // m)    # nodes per pass, to bound the memory
    for lo in range(0, len(p), rows):
        nodes_k = slice(lo, lo + rows)
        prefix, log_scale = _odds_prefix(ints, m, r[nodes_k])
        powers = _alternating_powers(r[nodes_k], m + 1)
        # back to probabilities for the n - 1 others, times the quadrature weights
        scale = g[nodes_k] * np.exp(log_scale + (n - 1) * np.log1p(-p[nodes_k]))
        for w, acc in parts.items():
            value = (_window_sums(prefix, primal_hi, w, powers)
                     + mirrored[nodes_k] * _window_sums(prefix, dual_hi, w, powers))
            acc.extend((scale * value).tolist())
    return {w: math.fsum(acc) for w, acc in parts.items()}


_FLOAT_CHUNK = 4_000_000  # float64 entries per node-by-weight table (32 MB)


_RESCALE_EVERY = 400  # (1 + r)**400 <= 2**400: far from overflowing float64


def _odds_prefix(ints: list[int], m: int, r: NDArray[np.float64]
                 ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Prefix sums over weights ``< m`` of ``sum_S r_k**|S|`` for each odds ``r_k``.

    Returns ``(prefix, log_scale)``: ``prefix[k, v]`` is the sum over subsets of weight
    below ``v``, divided by ``exp(log_scale[k])`` (rescaled now and then to stay finite).
    """
    dist = np.zeros((len(r), m))
    dist[:, 0] = 1.0
    tmp = np.empty_like(dist)
    rc = r[:, None]
    log_scale = np.zeros(len(r))
    for j, w in enumerate(sorted(ints), start=1):
        if w < m:
            np.multiply(dist[:, :m - w], rc, out=tmp[:, :m - w])
            dist[:, w:] += tmp[:, :m - w]
        if j % _RESCALE_EVERY == 0:
            top = dist.max(axis=1)  # >= dist[:, 0] > 0 (the empty coalition)
            dist /= top[:, None]
            log_scale += np.log(top)
    prefix = np.zeros((len(r), m + 1))
    np.cumsum(dist, axis=1, out=prefix[:, 1:])
    return prefix, log_scale


def _alternating_powers(r: NDArray[np.float64], count: int) -> NDArray[np.float64]:
    """``(-r_k)**t`` for ``t < count``, as ``exp(t log r)``.

    The exponent's rounding error is at most ``|t log r|`` ulps, so the absolute error of
    ``r**t`` is at most ``max_x x exp(-x)`` = ``1/e`` ulp: powers are never accumulated.
    """
    powers = np.exp(np.log(r)[:, None] * np.arange(count, dtype=np.float64))
    powers[:, 1::2] *= -1.0
    return powers


def _window_sums(prefix: NDArray[np.float64], hi: int, w: int,
                 powers: NDArray[np.float64]) -> NDArray[np.float64]:
    """Sums over the window ``[hi + 1 - w, hi]`` of the table without one member of weight w.

    With ``D`` the table without the member, ``F = D (1 + r x**w)``, so the window sum of ``D``
    is ``sum_t (-r)**t`` times the window sums of ``F`` shifted down by ``t w`` (``powers``
    holds ``(-r)**t``). Since ``r <= 1`` the terms do not grow: no cancellation blows up.
    """
    if hi < 0:
        return np.zeros(prefix.shape[0])
    ends = np.array(_horner_points(hi, w))
    terms = prefix[:, ends[:-1]] - prefix[:, ends[1:]]
    return np.asarray(np.einsum("kt,kt->k", terms, powers[:, :terms.shape[1]]),
                      dtype=np.float64)


# -- enumeration -----------------------------------------------------------------------------------
_SIZES: dict[int, NDArray[np.uint8]] = {}


def _coalition_sizes(n: int) -> NDArray[np.uint8]:
    """``popcount(mask)`` for all ``2**n`` masks (cached for n <= 20)."""
    if n in _SIZES:
        return _SIZES[n]
    sizes = np.zeros(1, dtype=np.uint8)
    for _ in range(n):
        sizes = np.concatenate([sizes, sizes + 1])
    if n <= 20:
        _SIZES[n] = sizes
    return sizes


def _enumeration(game: SimpleGame, what: str) -> tuple[NDArray[np.bool_], NDArray[np.uint8], int]:
    if not isinstance(game, SimpleGame):
        raise InvalidTypeError(
            f"expected a simple game (WeightedVotingGame or CompositeVotingGame), got "
            f"{type(game).__name__}")
    game.check_enumerable(what)
    return game.winning_mask(), _coalition_sizes(game.n_members), game.n_members


def _swing_half(win: NDArray[np.bool_], i: int, n: int) -> NDArray[np.bool_]:
    """For coalitions containing ``i`` (as the upper half of axis 1): does ``i`` swing them?"""
    halves = win.reshape(1 << (n - 1 - i), 2, 1 << i)
    return halves[:, 1, :] & ~halves[:, 0, :]


def _swings_by_size(game: SimpleGame) -> NDArray[np.int64]:
    """``out[i, k]``: winning coalitions of size ``k`` that ``i`` swings (i included)."""
    if not isinstance(game, (WeightedVotingGame, CompositeVotingGame, SimpleGame)):
        raise InvalidTypeError(f"expected a simple game, got {type(game).__name__}")
    win, sizes, n = _enumeration(game, "power indices of this game")
    out = np.zeros((n, n + 1), dtype=np.int64)
    for i in range(n):
        swing = _swing_half(win, i, n)
        with_i = sizes.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :]
        out[i] = np.bincount(with_i[swing], minlength=n + 1)
    return out


def _minimal_by_size(game: SimpleGame, what: str) -> NDArray[np.int64]:
    """``out[i, k]``: minimal winning coalitions of size ``k`` containing ``i``."""
    _, sizes, n = _enumeration(game, what)
    masks = minimal_winning_masks(game)
    msizes = sizes[masks]
    out = np.zeros((n, n + 1), dtype=np.int64)
    for i in range(n):
        has = (masks >> i) & 1 == 1
        out[i] = np.bincount(msizes[has], minlength=n + 1)
    return out


def _count_minimal(table: NDArray[np.int64]) -> int:
    # each minimal coalition of size k appears in k rows of column k
    return sum(int(table[:, k].sum()) // k for k in range(1, table.shape[1]))


# -- helpers ------------------------------------------------------------------------------------
def _check_exact(exact: Any) -> bool | None:
    if exact is not None and not isinstance(exact, bool):
        raise InvalidTypeError(f"exact must be True, False or None, got {exact!r}")
    return exact


def _from_counts(name: str, game: SimpleGame, counts: tuple[int, ...],
                 normalized: bool) -> PowerIndex:
    denominator = sum(counts) if normalized else 1 << (game.n_members - 1)
    share = {c: Fraction(c, denominator) for c in set(counts)}  # equal weights: equal counts
    return PowerIndex(name, game.members, tuple(share[c] for c in counts), True, counts)


def _finish(name: str, game: SimpleGame, vals: tuple[Fraction, ...],
            exact: bool | None) -> PowerIndex:
    if exact is False:
        return PowerIndex(name, game.members, tuple(float(v) for v in vals), False)
    return PowerIndex(name, game.members, vals, True)


def _short(x: Any) -> str:
    if isinstance(x, Fraction):
        return str(x) if x.denominator < 10**6 else f"{float(x):.6g}"
    if isinstance(x, numbers.Integral):
        return str(x)
    return f"{float(x):.6g}"
