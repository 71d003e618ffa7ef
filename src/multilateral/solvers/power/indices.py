"""The power indices: Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel and Holler-Packel, and
Coleman's measures (the power of a collectivity to act, to prevent and to initiate action).

Up to :data:`SMALL_MEMBERS` members every index enumerates the coalitions
(:mod:`._enumeration`). Beyond that, weighted games go to the dynamic programs of
:mod:`._weighted` (Shapley-Shubik and Banzhaf; exact when cheap, see
:data:`EXACT_SHAPLEY_BUDGET` and :data:`EXACT_BANZHAF_BUDGET`) and :mod:`._critical`
(Johnston, Deegan-Packel, Holler-Packel; see :data:`EXACT_CRITICAL_BUDGET`); size-threshold
games of up to 32 members (double majorities, and weighted games whose weights are too large
for a table) are counted in two halves (:mod:`._threshold`, :mod:`._vulnerable`); other
simple games are enumerated (at most 25 members). The overview and the references are in
:mod:`multilateral.solvers.power`.

The module runs past the library's ~600 lines because every index goes through the same
dispatch (weight table, counting in two halves, enumeration) and its private helpers;
Coleman's measures (:func:`coleman`) reuse Banzhaf's swing counts through them, so they
live here rather than in a module of their own that would need those private names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ..._namespace import public_dir
from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.voting import MAX_ENUMERATION_MEMBERS, SimpleGame, WeightedVotingGame
from ._critical import (
    MAX_CRITICAL_TABLE,
    critical_counts,
    critical_integrals,
    float_relative_bound,
    integer_cost,
    quadrature_nodes,
)
from ._enumeration import (
    count_minimal,
    enumerate_coalitions,
    minimal_by_size,
    swing_half,
    swings_by_size,
)
from ._threshold import (
    MAX_MIDDLE_MEMBERS,
    MAX_SIZE_TABLE,
    size_threshold,
    swings_by_table,
    table_entries,
    winning_by_pairs,
    winning_by_table,
)
from ._threshold import minimal_by_size as middle_minimal
from ._threshold import swings_by_size as middle_swings
from ._vulnerable import johnston_raw
from ._weighted import (
    MAX_TABLE,
    banzhaf_exact,
    banzhaf_float,
    reduced_weights,
    shapley_exact,
    shapley_float,
    swing_counts,
    swing_probabilities,
    table_size,
    weight_plan,
)
from .results import ColemanPower, PowerIndex

__all__ = ["banzhaf", "coleman", "deegan_packel", "holler_packel", "johnston", "shapley_shubik"]
__dir__ = public_dir(__all__)

#: ``exact=None`` computes Shapley-Shubik exactly when ``n**2 * m`` is at most this.
EXACT_SHAPLEY_BUDGET = 60_000_000
#: ``exact=None`` computes Banzhaf exactly when ``n * m`` is at most this.
EXACT_BANZHAF_BUDGET = 50_000_000
#: ``exact=None`` computes Johnston and Deegan-Packel of large weighted games exactly when
#: the integer-node passes take at most this many operations on Python integers.
EXACT_CRITICAL_BUDGET = 3_000_000
#: ``exact=False`` Shapley-Shubik is computed exactly (then rounded) when the float table
#: would exceed ``MAX_TABLE`` (quota near 0 or near the total) and ``n**2 * m`` is at most this.
FLOAT_FROM_EXACT_BUDGET = 20 * EXACT_SHAPLEY_BUDGET
#: Up to this many members every index enumerates the ``2**n`` coalitions (fastest there).
SMALL_MEMBERS = 20


def shapley_shubik(game: SimpleGame, *, exact: bool | None = None) -> PowerIndex:
    """The Shapley-Shubik index: the probability of being pivotal in a random order.

    ``SS_i = sum over coalitions S not containing i that i turns from losing to winning of
    |S|! (n - |S| - 1)! / n!``. The values sum to one.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    exact : bool or None
        True: Fractions (for large weighted games this can take seconds); False: float64
        with a guaranteed ``error_bound`` on the result (every value within it of the
        exact one; for 190 IMF-like members about ``4e-12`` at total weight 10,000 and
        ``1.3e-11`` at 5 million votes, while the actual errors measure about ``1e-15``;
        see "Error bounds" in :mod:`multilateral.solvers.power`); None: exact when cheap,
        else float with the bound. A float result is never marked exact.

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
    if isinstance(game, WeightedVotingGame) and not _middle_first(game):
        plan = weight_plan(game)
        if plan is not None:
            ints, q, _ = plan
            n, m = len(ints), table_size(ints, q)
            use_exact = exact if exact is not None else n * n * m <= EXACT_SHAPLEY_BUDGET
            # the float quadrature tabulates both windows (q and W - q entries), the exact
            # program only the smaller one: a quota near 0 or near the total weight
            float_m = max(q - 1, sum(ints) - q) + 1
            bound: dict[int, float] = {}
            if use_exact:
                by_weight: dict[int, Any] = shapley_exact(ints, q)
            elif float_m <= MAX_TABLE:
                by_weight, bound = shapley_float(ints, q)
            elif n * n * m <= FLOAT_FROM_EXACT_BUDGET:
                by_weight = {w: float(v) for w, v in shapley_exact(ints, q).items()}
                bound = {w: _rounding_bound(v) for w, v in by_weight.items()}
            else:
                raise InvalidArgumentError(
                    f"float Shapley-Shubik of this game needs a table of {float_m:,} entries "
                    f"(the larger of the quota and the total weight minus the quota): too "
                    "large; exact=True uses the smaller side, or round the weights")
            values = tuple(by_weight[w] if w else (Fraction(0) if use_exact else 0.0)
                           for w in reduced_weights(game)[0])
            return PowerIndex("shapley_shubik", game.members, values, use_exact,
                              error_bound=None if use_exact else max(bound.values()))
    by_size = _swings(game)
    n = game.n_members
    orders = [math.factorial(k - 1) * math.factorial(n - k) if k else 0 for k in range(n + 1)]
    denominator = math.factorial(n)   # integer sums first: one Fraction per member
    vals = tuple(Fraction(sum(int(c) * orders[k] for k, c in enumerate(row)), denominator)
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
        True: Fractions; False: float64 with a guaranteed ``error_bound`` (when the
        quadrature's absolute bound would not guarantee about six significant digits of the
        largest value -- swings so rare that they are below its rounding, as at quotas near
        0 or near the total -- the swings are counted exactly and rounded, within half an
        ulp); None: exact when cheap (the usual case: exact Banzhaf takes about 15 ms for
        190 members at total weight 10,000).

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
    route = _weighted_route(game, exact)
    if route is not None:
        if route.exact:
            counts = route.member_counts(banzhaf_exact(route.ints, route.q))
            return _from_counts(name, game, counts, normalized)
        prob, bound = banzhaf_float(route.ints, route.q)
        vals = [prob[w] if w else 0.0 for w in route.ws]
        errs = [bound[w] if w else 0.0 for w in route.ws]
        if normalized:
            vals, errs = _normalize(vals, errs)
        if _informative(vals, errs):
            return PowerIndex(name, game.members, tuple(vals), False, error_bound=max(errs))
        # swings are so rare (quotas near 0 or near the total) that the absolute bound
        # of the quadrature guarantees nothing about them: count exactly and round
        counts = route.member_counts(banzhaf_exact(route.ints, route.q))
        return _finish(name, game, _from_counts(name, game, counts, normalized).values, False)
    counts = tuple(int(row.sum()) for row in _swings(game))
    result = _from_counts(name, game, counts, normalized)
    return _finish(name, game, result.values, exact) if exact is False else result


def coleman(game: SimpleGame, *, exact: bool | None = None) -> ColemanPower:
    """Coleman's measures: the collectivity's power to act, each member's power to prevent
    action and to initiate it.

    With ``W`` the winning coalitions of the ``n`` members and ``eta_i`` the swings of ``i``
    (as for :func:`banzhaf`: the coalitions without ``i`` that ``i`` turns from losing to
    winning):

    * the power of the collectivity to act, ``A = |W| / 2**n``: the share of all coalitions
      that win, the chance that a proposal passes when each member votes yes or no with
      probability 1/2;
    * member ``i``'s power to prevent action, ``P_i = eta_i / |W|``: the share of the
      winning coalitions that ``i`` turns into losing ones by leaving (1 with a veto);
    * its power to initiate action, ``I_i = eta_i / (2**n - |W|)``: the share of the losing
      coalitions that ``i`` turns into winning ones by joining (1 for a member that wins
      alone).

    Both members' measures rescale Banzhaf's swing count: ``P_i A = I_i (1 - A) = eta_i /
    2**n``. Raising the quota never raises the power to act (fewer coalitions win): at the
    IMF's 85% majority the power to act falls to about ``3e-6`` while the United States'
    power to prevent is 1 (see the gallery example on veto power), Leech's (2002) finding
    that supermajorities severely limit the IMF's power to act.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    exact : bool or None
        True: Fractions; False: float64, each measure with a guaranteed ``error_bound``
        (the swings and the winning coalitions are counted exactly and rounded instead when
        the float table's bounds would not guarantee about six significant digits, as at
        quotas near the total weight); None: exact when :func:`banzhaf` would be (its
        counts, from the same table: the IMF's 190 members cost what Banzhaf costs).

    Returns
    -------
    ColemanPower
        ``act``, and ``prevent`` and ``initiate`` as :class:`PowerIndex` es (with the swing
        counts in ``counts`` when exact); ``winning`` is ``|W|`` when exact.

    Raises
    ------
    InvalidTypeError
        If ``game`` is not a simple game, or ``exact`` is not True, False or None.
    InvalidArgumentError
        If the game is too large to count (as for :func:`banzhaf`: a composite game of more
        than 25 members that is not a size-threshold game, or weights needing a table of
        more than ``multilateral.solvers.power.MAX_TABLE`` entries).

    See Also
    --------
    banzhaf : the swing counts, over all coalitions of the others.
    ColemanPower : the result.
    multilateral.WeightedVotingGame.veto_players : the members whose power to prevent is 1.

    References
    ----------
    .. [1] Coleman, J. S. (1971). Control of collectivities and the power of a collectivity
       to act. In B. Lieberman (ed.), *Social Choice*, Gordon and Breach, 269-300.
    .. [2] Leech, D. (2002). Voting power in the governance of the International Monetary
       Fund. *Annals of Operations Research* 109, 375-397 (abstract: Coleman's measures of
       the IMF as its majority requirement varies).
    .. [3] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
       Edward Elgar (Coleman's measures beside Banzhaf's).

    Examples
    --------
    A unanimity of three: one coalition in eight wins, and each member can block it.

    >>> import multilateral as ml
    >>> power = ml.solvers.coleman(ml.WeightedVotingGame([1, 1, 1], 3))
    >>> power.act, power.prevent.values, power.initiate["P1"]
    (Fraction(1, 8), (Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)), Fraction(1, 7))

    The UN Security Council: 848 of the ``2**15`` coalitions win, each permanent member is
    in all of them (a veto: its power to prevent is 1), and an elected member swings 84.

    >>> unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
    >>> council = ml.solvers.coleman(unsc)
    >>> council.winning, council.act, council.prevent["P1"], council.prevent["P6"]
    (848, Fraction(53, 2048), Fraction(1, 1), Fraction(21, 212))
    """
    exact = _check_exact(exact)
    route = _weighted_route(game, exact)
    if route is not None:
        if not route.exact:
            result = _coleman_float(route.game, route.ints, route.q, route.ws)
            if result is not None:
                return result
        # exact, or floats whose bounds guarantee nothing: count, then round if asked
        swings, winning = swing_counts(route.ints, route.q)
        return _coleman_from_counts(game, route.member_counts(swings), winning << route.zero,
                                    route.exact)
    counts = tuple(int(row.sum()) for row in _swings(game))  # checks the game first
    return _coleman_from_counts(game, counts, _winning(game), exact is not False)


@dataclass(frozen=True)
class _WeightedRoute:
    """The weighted-game program's inputs for one game (:func:`banzhaf` and :func:`coleman`
    take the same route): the game, the reduced integer weights ``ints`` and quota ``q``, the
    members' reduced weights ``ws`` (0 for a dummy), the power of two ``zero`` that members of
    weight 0 multiply the counts by, and whether to count exactly."""

    game: WeightedVotingGame
    ints: list[int]
    q: int
    zero: int
    ws: tuple[int, ...]
    exact: bool

    def member_counts(self, by_weight: Any) -> tuple[int, ...]:
        """Counts per member from counts per reduced weight (members of weight 0: none)."""
        return tuple(int(by_weight[w]) << self.zero if w else 0 for w in self.ws)


def _weighted_route(game: SimpleGame, exact: bool | None) -> _WeightedRoute | None:
    """The weighted-game program's route for ``game``, or None where it does not apply."""
    if not isinstance(game, WeightedVotingGame) or _middle_first(game):
        return None
    plan = weight_plan(game)
    if plan is None:
        return None
    ints, q, zero = plan
    use_exact = exact if exact is not None else len(ints) * table_size(ints, q) <= \
        EXACT_BANZHAF_BUDGET
    return _WeightedRoute(game, ints, q, zero, reduced_weights(game)[0], use_exact)


def _coleman_from_counts(game: SimpleGame, counts: tuple[int, ...], winning: int,
                         exact: bool) -> ColemanPower:
    """Coleman's measures from the swing counts and ``|W|``; rounded when not ``exact``."""
    everyone = 1 << game.n_members
    losing = everyone - winning   # >= 1: the empty coalition loses (a quota above 0)
    act = Fraction(winning, everyone)
    prevent = tuple(Fraction(c, winning) for c in counts)
    initiate = tuple(Fraction(c, losing) for c in counts)
    if exact:
        return ColemanPower(game.members, act,
                            PowerIndex("coleman_prevent", game.members, prevent, True, counts),
                            PowerIndex("coleman_initiate", game.members, initiate, True,
                                       counts),
                            True, winning)
    return ColemanPower(game.members, float(act),
                        _finish("coleman_prevent", game, prevent, False),
                        _finish("coleman_initiate", game, initiate, False),
                        False, error_bound=_rounding_bound(float(act)))


def _coleman_float(game: WeightedVotingGame, ints: list[int], q: int,
                   ws: tuple[int, ...]) -> ColemanPower | None:
    """Coleman's measures in float64 from Banzhaf's float table, with bounds; None when
    the bounds would not guarantee :data:`INFORMATIVE_BOUND` (count exactly instead)."""
    prob, bound, (win, win_bound, lose, lose_bound) = swing_probabilities(ints, q)
    vals = [prob[w] if w else 0.0 for w in ws]
    errs = [bound[w] if w else 0.0 for w in ws]
    # prevent_i = (eta_i / 2**(n-1)) / (2 |W| / 2**n), initiate_i the same over the losers
    prevent = _ratios(vals, errs, 2.0 * win, 2.0 * win_bound)
    initiate = _ratios(vals, errs, 2.0 * lose, 2.0 * lose_bound)
    if prevent is None or initiate is None or not win_bound <= INFORMATIVE_BOUND * win:
        return None
    out = []
    for name, (values, bounds) in (("coleman_prevent", prevent), ("coleman_initiate", initiate)):
        if not _informative(values, bounds):
            return None
        out.append(PowerIndex(name, game.members, tuple(values), False,
                              error_bound=max(bounds)))
    return ColemanPower(game.members, win, out[0], out[1], False, error_bound=win_bound)


def _ratios(vals: list[float], errs: list[float], total: float, slack: float
            ) -> tuple[list[float], list[float]] | None:
    """``v_i / total`` with bounds, each ``v_i`` within ``e_i`` and ``total`` within
    ``slack`` of their exact values; None when ``total`` may be 0."""
    if not total > slack:
        return None
    low = total - slack
    out = [v / total for v in vals]
    # |v/t - V/T| <= (|v - V| + |V| |t - T| / T) / t' with t' the smallest possible total
    return out, [(e + (v + e) * slack / low) / low + 2 * _ULP * abs(x)
                 for v, e, x in zip(vals, errs, out, strict=True)]


def _winning(game: SimpleGame) -> int:
    """The number of winning coalitions, exactly, where :func:`_swings` counts the swings:
    in two halves, by a weight table, or by enumeration."""
    form = _middle_form(game)
    if form is not None:
        return winning_by_pairs(form)
    if not isinstance(game, WeightedVotingGame) and game.n_members > MAX_MIDDLE_MEMBERS:
        big = size_threshold(game)
        if big is not None and game.n_members * table_entries(big) <= MAX_SIZE_TABLE:
            return winning_by_table(big)
    win, _, _ = enumerate_coalitions(game, "Coleman's measures of this game")
    return int(np.count_nonzero(win))


def johnston(game: SimpleGame, *, exact: bool | None = None) -> PowerIndex:
    """The Johnston index: swings shared among the members critical in each coalition.

    In a winning coalition ``S`` a member is *critical* when ``S`` loses without it; ``S``
    is *vulnerable* when it has a critical member. Each vulnerable coalition gives
    ``1 / (number of its critical members)`` to each of them; the index divides by the number
    of vulnerable coalitions, so it sums to one.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    exact : bool or None
        True: Fractions; False: float64 with a guaranteed ``error_bound`` (the
        weighted-game program takes at most 1,000 members of nonzero weight in floats);
        None: exact when cheap.
        Games of up to 20 members enumerate their coalitions, double majorities and other
        size-threshold games of up to 32 members (the EU Council) are counted in two
        halves; both are always exact. Larger weighted games use a dynamic program over
        weights (any number of members; see :mod:`multilateral.solvers.power`).

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
    return _critical_index("johnston", game, exact)


def _johnston_exact(game: SimpleGame) -> list[Fraction]:
    """Johnston values by counting in two halves (size-threshold games of up to 32
    members) or by enumerating the coalitions."""
    form = _middle_form(game)
    if form is not None:
        raw_h = johnston_raw(form)
        total_h = sum(raw_h, start=Fraction(0))
        return [r / total_h for r in raw_h]
    win, _, n = enumerate_coalitions(game, "the Johnston index")
    critical = np.zeros(win.shape, dtype=np.uint8)
    swings = []
    for i in range(n):
        swing = swing_half(win, i, n)
        swings.append(swing)
        critical.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :] += swing
    raw_f = []
    for i in range(n):
        crit_i = critical.reshape(1 << (n - 1 - i), 2, 1 << i)[:, 1, :][swings[i]]
        raw_f.append(_shares(np.bincount(crit_i, minlength=n + 1)))
    total_f = sum(raw_f, start=Fraction(0))
    return [r / total_f for r in raw_f]


def deegan_packel(game: SimpleGame, *, exact: bool | None = None) -> PowerIndex:
    """The Deegan-Packel index: minimal winning coalitions equally likely, spoils shared.

    ``DP_i = (1 / |M|) * sum over minimal winning coalitions S containing i of 1 / |S|``.

    Parameters
    ----------
    game : WeightedVotingGame or CompositeVotingGame
    exact : bool or None
        True: Fractions; False: float64 with a guaranteed ``error_bound`` (at most 1,000
        members of nonzero weight in the weighted-game program); None: exact when cheap.
        Always exact for games of up to 20 members (enumeration) and composite games of
        up to 32 (counting in two halves); weighted games of more members use a dynamic
        program over weights.

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
    return _critical_index("deegan_packel", game, exact)


def _deegan_packel_exact(game: SimpleGame) -> list[Fraction]:
    table = _minimal_table(game, "the Deegan-Packel index")
    n_minimal = count_minimal(table)
    return [_shares(row) / n_minimal for row in table]


def _shares(by_count: Any) -> Fraction:
    """``sum_k c_k / k``: each of ``c_k`` coalitions shared among ``k`` members."""
    return sum((Fraction(int(c), k) for k, c in enumerate(by_count) if k and c),
               start=Fraction(0))


def _critical_index(name: str, game: SimpleGame, exact: bool | None) -> PowerIndex:
    """Johnston or Deegan-Packel: the dynamic program over critical members for large
    weighted games (exact, or float with a bound), else exact counting."""
    exact = _check_exact(exact)
    johnston_ = name == "johnston"
    what = "the Johnston index" if johnston_ else "the Deegan-Packel index"
    plan = _critical_plan(game, what, middle_ok=True)
    if plan is None:
        vals = _johnston_exact(game) if johnston_ else _deegan_packel_exact(game)
        return _finish(name, game, tuple(vals), exact)
    order, ws, q = plan
    use_exact = _critical_exact(exact, len(ws), q)
    raw, n_minimal = critical_integrals(ws, q, johnston=johnston_, exact=use_exact)
    total = sum(raw, start=Fraction(0) if use_exact else 0.0) if johnston_ else n_minimal
    values = [r / total for r in raw]
    bound = None
    if not use_exact:
        # each raw value and the total within a relative float_relative_bound; a ratio of
        # two such within twice that, and the rounding of the sum and the division
        quad = quadrature_nodes(ws, q)[1]
        rel = 2 * float_relative_bound(len(ws), q, quad) + (len(ws) + 4) * _ULP
        bound = rel * max(values, default=0.0) * 2
    return _spread(name, game, order, values, use_exact, bound)


def holler_packel(game: SimpleGame) -> PowerIndex:
    """The Holler-Packel (public good) index: shares of minimal winning coalitions.

    ``HP_i = |M_i| / sum_j |M_j|`` where ``M_i`` are the minimal winning coalitions that
    contain ``i`` (the counts ``|M_i|`` are in ``counts``). Always exact: enumeration up to
    20 members, counting in two halves up to 32 (composite games too), and for larger
    weighted games a dynamic program over weights.

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
    plan = _critical_plan(game, "the Holler-Packel index", middle_ok=True)
    if plan is not None:
        order, ws, q = plan
        by_sorted, _ = critical_counts(ws, q)
        counts_list = [0] * game.n_members
        for k, i in enumerate(order):
            counts_list[i] = by_sorted[k]
        counts = tuple(counts_list)
    else:
        counts = tuple(int(row.sum()) for row in _minimal_table(game, "the Holler-Packel index"))
    total = sum(counts)
    vals = tuple(Fraction(c, total) for c in counts)
    return PowerIndex("holler_packel", game.members, vals, True, counts)


# -- dispatch -----------------------------------------------------------------------------------
def _middle_first(game: WeightedVotingGame) -> bool:
    """Counting in two halves beats the weight table (huge weights, at most 32 members)."""
    n = game.n_members
    if not SMALL_MEMBERS < n <= MAX_MIDDLE_MEMBERS:
        return False
    ws, q = reduced_weights(game)
    return (1 << (n + 1) // 2) * 4 < table_size([w for w in ws if w], q)


def _middle_form(game: SimpleGame) -> Any:
    if not isinstance(game, SimpleGame):
        raise InvalidTypeError(
            f"expected a simple game (WeightedVotingGame or CompositeVotingGame), got "
            f"{type(game).__name__}")
    if not SMALL_MEMBERS < game.n_members <= MAX_MIDDLE_MEMBERS:
        return None
    form = size_threshold(game)
    if form is None or sum(form.weights) >= 1 << 62:
        return None
    return form


def _swings(game: SimpleGame) -> Any:
    """``out[i, s]``: swings of ``i`` by coalition size, in two halves, by a weight table
    (size-threshold games of more than 32 members) or by enumeration."""
    form = _middle_form(game)
    if form is not None:
        return middle_swings(form)
    if not isinstance(game, WeightedVotingGame) and game.n_members > MAX_MIDDLE_MEMBERS:
        big = size_threshold(game)
        if big is not None and game.n_members * table_entries(big) <= MAX_SIZE_TABLE:
            return np.array(swings_by_table(big), dtype=object)
    return swings_by_size(game)


def _minimal_table(game: SimpleGame, what: str) -> Any:
    form = _middle_form(game)
    return minimal_by_size(game, what) if form is None else middle_minimal(form)


def _critical_plan(game: SimpleGame, what: str, middle_ok: bool
                   ) -> tuple[list[int], list[int], int] | None:
    """Members (heaviest first) with their weights and the quota for the dynamic program;
    None to enumerate or to count in two halves."""
    if not isinstance(game, WeightedVotingGame) or game.n_members <= SMALL_MEMBERS:
        return None
    ws, q = reduced_weights(game)
    n_nonzero = sum(1 for w in ws if w)
    if q > MAX_TABLE or n_nonzero * q > MAX_CRITICAL_TABLE:
        if (middle_ok and game.n_members <= MAX_MIDDLE_MEMBERS) or (
                game.n_members <= MAX_ENUMERATION_MEMBERS):
            return None
        raise InvalidArgumentError(
            f"{what} of this game needs {n_nonzero} weight tables of {q:,} entries (the "
            f"integer quota), more than {MAX_CRITICAL_TABLE:,} entries in all: too large. "
            "Round the weights to fewer significant digits (e.g. shares in basis points)")
    if middle_ok and _middle_first(game):
        return None
    order = sorted((i for i, w in enumerate(ws) if w), key=lambda i: (-ws[i], i))
    return order, [ws[i] for i in order], q


def _critical_exact(exact: bool | None, n: int, q: int) -> bool:
    if exact is not None:
        return exact
    return integer_cost(n, q) <= EXACT_CRITICAL_BUDGET


def _spread(name: str, game: SimpleGame, order: list[int], values: list[Any],
            exact: bool, bound: float | None) -> PowerIndex:
    """Values of the sorted nonzero members back in member order (zeros elsewhere)."""
    out: list[Any] = [Fraction(0) if exact else 0.0] * game.n_members
    for k, i in enumerate(order):
        out[i] = values[k] if exact else float(values[k])
    return PowerIndex(name, game.members, tuple(out), exact, error_bound=bound)


# -- helpers ----------------------------------------------------------------------------------
def _check_exact(exact: Any) -> bool | None:
    if exact is not None and not isinstance(exact, bool):
        raise InvalidTypeError(f"exact must be True, False or None, got {exact!r}")
    return exact


def _from_counts(name: str, game: SimpleGame, counts: tuple[int, ...],
                 normalized: bool) -> PowerIndex:
    denominator = sum(counts) if normalized else 1 << (game.n_members - 1)
    share = {c: Fraction(c, denominator) for c in set(counts)}  # equal weights: equal counts
    return PowerIndex(name, game.members, tuple(share[c] for c in counts), True, counts)


def _finish(name: str, game: SimpleGame, vals: tuple[Any, ...],
            exact: bool | None) -> PowerIndex:
    """Exact values, or (``exact=False``) rounded to floats: each within half an ulp."""
    if exact is False:
        floats = tuple(float(v) for v in vals)
        return PowerIndex(name, game.members, floats, False,
                          error_bound=max((_rounding_bound(v) for v in floats), default=0.0))
    return PowerIndex(name, game.members, vals, True)


_ULP = float(np.finfo(np.float64).eps) / 2   # unit roundoff


def _rounding_bound(value: float) -> float:
    """A float rounded from an exact value is within half an ulp of it."""
    return _ULP * abs(value)


#: A float result must guarantee at least this relative accuracy of its largest value (about
#: six significant digits); a float Banzhaf result that does not is counted exactly instead.
INFORMATIVE_BOUND = 2.0**-20


def _informative(vals: list[float], errs: list[float]) -> bool:
    """Whether the bounds guarantee :data:`INFORMATIVE_BOUND` of the largest value."""
    top = max((abs(v) for v in vals), default=0.0)
    worst = max(errs, default=0.0)
    return math.isfinite(worst) and worst <= INFORMATIVE_BOUND * top


def _normalize(vals: list[float], errs: list[float]) -> tuple[list[float], list[float]]:
    """``v_i / sum_j v_j`` with bounds: each ``v_i`` within ``e_i`` of its exact value."""
    total = math.fsum(vals)
    slack = math.fsum(errs) + _ULP * total
    if not total > slack:
        return [v / total for v in vals], [1.0] * len(vals)   # nothing can be guaranteed
    out = [v / total for v in vals]
    # |v/t - V/T| <= (|v - V| + |V| |t - T| / T) / t' with t' the smallest possible total
    low = total - slack
    return out, [(e + (v + e) * slack / low) / low + 2 * _ULP * abs(x)
                 for v, e, x in zip(vals, errs, out, strict=True)]
