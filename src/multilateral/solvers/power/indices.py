"""The power indices: Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel and Holler-Packel.

Weighted games go to the dynamic programs of :mod:`._weighted` (exact when cheap, see
:data:`EXACT_SHAPLEY_BUDGET` and :data:`EXACT_BANZHAF_BUDGET`), other simple games to the
enumeration of :mod:`._enumeration`. The overview and the references are in
:mod:`multilateral.solvers.power`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from ..._namespace import public_dir
from ...errors import InvalidTypeError
from ...games.voting import SimpleGame, WeightedVotingGame
from ._enumeration import (
    count_minimal,
    enumerate_coalitions,
    minimal_by_size,
    swing_half,
    swings_by_size,
)
from ._weighted import (
    banzhaf_exact,
    banzhaf_float,
    shapley_exact,
    shapley_float,
    table_size,
    weight_plan,
)
from .results import PowerIndex

__all__ = ["banzhaf", "deegan_packel", "holler_packel", "johnston", "shapley_shubik"]
__dir__ = public_dir(__all__)

#: ``exact=None`` computes Shapley-Shubik exactly when ``n**2 * m`` is at most this.
EXACT_SHAPLEY_BUDGET = 60_000_000
#: ``exact=None`` computes Banzhaf exactly when ``n * m`` is at most this.
EXACT_BANZHAF_BUDGET = 50_000_000


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
        plan = weight_plan(game)
        if plan is not None:
            ints, q, _ = plan
            n, m = len(ints), table_size(ints, q)
            use_exact = exact if exact is not None else n * n * m <= EXACT_SHAPLEY_BUDGET
            by_weight = (shapley_exact(ints, q) if use_exact else shapley_float(ints, q))
            values = tuple(by_weight[w] if w else (Fraction(0) if use_exact else 0.0)
                           for w in game.integer_weights)
            return PowerIndex("shapley_shubik", game.members, values, use_exact)
    by_size = swings_by_size(game)
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
        plan = weight_plan(game)
        if plan is not None:
            ints, q, zero = plan
            n, m = len(ints), table_size(ints, q)
            use_exact = exact if exact is not None else n * m <= EXACT_BANZHAF_BUDGET
            if use_exact:
                swings = banzhaf_exact(ints, q)
                counts = tuple(swings[w] << zero if w else 0 for w in game.integer_weights)
                return _from_counts(name, game, counts, normalized)
            prob = banzhaf_float(ints, q)
            vals = [prob[w] if w else 0.0 for w in game.integer_weights]
            if normalized:
                total = math.fsum(vals)
                vals = [v / total for v in vals]
            return PowerIndex(name, game.members, tuple(vals), False)
    counts = tuple(int(row.sum()) for row in swings_by_size(game))
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
    win, _, n = enumerate_coalitions(game, "the Johnston index")
    critical = np.zeros(win.shape, dtype=np.uint8)
    swings = []
    for i in range(n):
        swing = swing_half(win, i, n)
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
    table = minimal_by_size(game, "the Deegan-Packel index")
    n_minimal = count_minimal(table)
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
    table = minimal_by_size(game, "the Holler-Packel index")
    counts = tuple(int(row.sum()) for row in table)
    total = sum(counts)
    vals = tuple(Fraction(c, total) for c in counts)
    return PowerIndex("holler_packel", game.members, vals, True, counts)


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


def _finish(name: str, game: SimpleGame, vals: tuple[Fraction, ...],
            exact: bool | None) -> PowerIndex:
    if exact is False:
        return PowerIndex(name, game.members, tuple(float(v) for v in vals), False)
    return PowerIndex(name, game.members, vals, True)
