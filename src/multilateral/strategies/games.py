"""Hypothesis strategies that generate games of a given class, for testing theory claims.

Every strategy builds its games directly from the class's defining inequalities (ordered
payoffs from positive gaps, probabilities from normalized weights), never by filtering, so
Hypothesis's health checks pass and shrinking gives small, readable counterexamples.

References
----------
.. [1] MacIver, D. R., Hatfield-Dodds, Z. et al. (2019). Hypothesis: a new approach to
   property-based testing. *Journal of Open Source Software* 4(43), 1891.

Examples
--------
Every Stag Hunt has the two pure equilibria and the mixed one between them (the package
docstring, :mod:`multilateral.strategies`, shows the Prisoners' Dilemma):

>>> from hypothesis import given, settings
>>> import multilateral as ml
>>> @settings(max_examples=20, deadline=None)
... @given(ml.strategies.stag_hunts())
... def test_assurance(game):
...     assert len(ml.solvers.nash_equilibria(game)) == 3
>>> test_assurance()
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st
from numpy.typing import NDArray

from .._namespace import public_dir
from .._validation import check_positive_int
from ..errors import InvalidArgumentError
from ..games.anonymous import AnonymousGame
from ..games.coalitional import TUGame
from ..games.extensive import ExtensiveFormGame
from ..games.normal_form import NormalFormGame
from ..games.two_by_two import OYE_ORDERINGS, TwoByTwo
from ..games.voting import WeightedVotingGame
from ._common import as_strategy
from ._trees import draw_tree

__all__ = [
    "anonymous_games",
    "chickens",
    "deadlocks",
    "extensive_form_games",
    "harmonies",
    "normal_form_games",
    "oye_games",
    "payoff_values",
    "prisoners_dilemmas",
    "probability_vectors",
    "public_goods_games",
    "stag_hunts",
    "strict_ordinal_games",
    "tu_games",
    "two_by_two_games",
    "weighted_voting_games",
]
__dir__ = public_dir(__all__)

_BOUND = 100


def payoff_values(exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[int | float]:
    """Payoff numbers in ``[-bound, bound]``: integers (exact) or finite floats.

    See Also
    --------
    normal_form_games, two_by_two_games : games with such payoffs.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.payoff_values())
    ... def test_bounded(x):
    ...     assert isinstance(x, int) and -100 <= x <= 100
    >>> test_bounded()
    """
    if exact:
        return st.integers(-bound, bound)
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False, width=64)


def probability_vectors(size: int, *, exact: bool = False
                        ) -> st.SearchStrategy[tuple[Fraction, ...] | NDArray[np.float64]]:
    """Mixed strategies over ``size`` actions (Fractions if ``exact``), corners included.

    Built from nonnegative integer weights with one action's weight raised by one, so the
    total is never zero and pure strategies occur.

    See Also
    --------
    multilateral.solvers.is_ess, multilateral.solvers.replicator
        Solvers that take mixed strategies.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.probability_vectors(3, exact=True))
    ... def test_sum(x):
    ...     assert len(x) == 3 and sum(x) == 1
    >>> test_sum()
    """
    size = check_positive_int(size, "size")

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Fraction, ...] | NDArray[np.float64]:
        weights = draw(st.lists(st.integers(0, 20), min_size=size, max_size=size))
        weights[draw(st.integers(0, size - 1))] += 1
        total = sum(weights)
        if exact:
            return tuple(Fraction(w, total) for w in weights)
        return np.array(weights, dtype=np.float64) / total

    return build()


def normal_form_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 3),
    n_actions: int | st.SearchStrategy[int] = st.integers(1, 4),
    *,
    exact: bool = True,
    bound: int = _BOUND,
) -> st.SearchStrategy[NormalFormGame]:
    """Normal-form games with the given numbers of players and actions (ints or strategies).

    See Also
    --------
    two_by_two_games : 2x2 games.
    payoff_values : the payoffs drawn.
    multilateral.NormalFormGame : the games drawn.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.normal_form_games(n=2, n_actions=3))
    ... def test_shape(x):
    ...     assert x.shape == (3, 3)
    >>> test_shape()
    """

    @st.composite
    def build(draw: st.DrawFn) -> NormalFormGame:
        players = draw(as_strategy(n))
        shape = tuple(draw(as_strategy(n_actions)) for _ in range(players))
        size = int(np.prod(shape)) * players
        values = draw(st.lists(payoff_values(exact, bound), min_size=size, max_size=size))
        return NormalFormGame(np.array(values).reshape((*shape, players)))

    return build()


def two_by_two_games(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Any 2x2 game (ties allowed).

    See Also
    --------
    strict_ordinal_games : without ties, payoffs as ranks.
    oye_games : symmetric games of one Oye type.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.two_by_two_games())
    ... def test_shape(x):
    ...     assert x.shape == (2, 2)
    >>> test_shape()
    """
    vals = st.lists(payoff_values(exact, bound), min_size=8, max_size=8)
    return vals.map(lambda v: TwoByTwo(np.reshape(v[:4], (2, 2)), np.reshape(v[4:], (2, 2))))


def strict_ordinal_games() -> st.SearchStrategy[TwoByTwo]:
    """2x2 games whose payoffs are each player's ranks 1..4 (all 576 labelled games).

    See Also
    --------
    oye_games : the five symmetric Oye types.
    multilateral.TwoByTwo.robinson_goforth : the games' Robinson-Goforth class.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.strict_ordinal_games())
    ... def test_ranks(x):
    ...     assert sorted(x.trps(0)) == [1, 2, 3, 4]
    >>> test_ranks()
    """
    perm = st.permutations([1, 2, 3, 4])
    return st.tuples(perm, perm).map(
        lambda rc: TwoByTwo(np.reshape(rc[0], (2, 2)), np.reshape(rc[1], (2, 2)))
    )


def _ordered_symmetric(orderings: tuple[str, ...], exact: bool, bound: int
                       ) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric 2x2 games whose T, R, P, S follow one of ``orderings`` (best first)."""

    @st.composite
    def build(draw: st.DrawFn) -> TwoByTwo:
        order = draw(st.sampled_from(orderings))
        low: Any
        gaps: list[Any]
        if exact:
            low = draw(st.integers(-bound, bound))
            gaps = draw(st.lists(st.integers(1, bound), min_size=3, max_size=3))
        else:
            low = draw(st.floats(-bound, bound, allow_nan=False))
            gaps = draw(st.lists(st.floats(1e-3, bound, allow_nan=False), min_size=3,
                                 max_size=3))
        values = [low]
        for gap in gaps:
            values.append(values[-1] + gap)
        # order is best first: the last letter gets the lowest value
        payoff = dict(zip(reversed(order), values, strict=True))
        return TwoByTwo.symmetric(T=payoff["T"], R=payoff["R"], P=payoff["P"], S=payoff["S"])

    return build()


def prisoners_dilemmas(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Prisoners' Dilemmas, ``T > R > P > S``.

    See Also
    --------
    oye_games : any of the five Oye types.
    multilateral.TwoByTwo.oye_type : the type these games have.
    chickens, stag_hunts : the other dilemmas.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.prisoners_dilemmas())
    ... def test_pd(x):
    ...     assert x.oye_type == "prisoners_dilemma"
    >>> test_pd()
    """
    return _ordered_symmetric(OYE_ORDERINGS["prisoners_dilemma"], exact, bound)


def stag_hunts(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Stag Hunts (assurance games), ``R > T > P > S``.

    See Also
    --------
    oye_games : any of the five Oye types.
    multilateral.TwoByTwo.oye_type : the type these games have.
    chickens, prisoners_dilemmas : the other dilemmas.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.stag_hunts())
    ... def test_stag_hunt(x):
    ...     assert x.oye_type == "stag_hunt"
    >>> test_stag_hunt()
    """
    return _ordered_symmetric(OYE_ORDERINGS["stag_hunt"], exact, bound)


def chickens(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric games of Chicken, ``T > R > S > P``.

    See Also
    --------
    oye_games : any of the five Oye types.
    multilateral.TwoByTwo.oye_type : the type these games have.
    stag_hunts, prisoners_dilemmas : the other dilemmas.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.chickens())
    ... def test_chicken(x):
    ...     assert x.oye_type == "chicken"
    >>> test_chicken()
    """
    return _ordered_symmetric(OYE_ORDERINGS["chicken"], exact, bound)


def deadlocks(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Deadlocks, ``T > P > R > S``.

    See Also
    --------
    oye_games : any of the five Oye types.
    multilateral.TwoByTwo.oye_type : the type these games have.
    harmonies : cooperation dominant instead.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.deadlocks())
    ... def test_deadlock(x):
    ...     assert x.oye_type == "deadlock"
    >>> test_deadlock()
    """
    return _ordered_symmetric(OYE_ORDERINGS["deadlock"], exact, bound)


def harmonies(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Harmony games: cooperation dominant and mutual cooperation best.

    See Also
    --------
    oye_games : any of the five Oye types.
    multilateral.TwoByTwo.oye_type : the type these games have.
    deadlocks : defection dominant instead.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.harmonies())
    ... def test_harmony(x):
    ...     assert x.oye_type == "harmony"
    >>> test_harmony()
    """
    return _ordered_symmetric(OYE_ORDERINGS["harmony"], exact, bound)


def oye_games(kind: str | None = None, *, exact: bool = True) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric games of one Oye type (``kind``), or of any of the five if ``None``.

    See Also
    --------
    prisoners_dilemmas, stag_hunts, chickens, deadlocks, harmonies : one type each.
    strict_ordinal_games : every strict ordinal 2x2 game.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.oye_games())
    ... def test_oye(x):
    ...     assert x.oye_type in ("prisoners_dilemma", "stag_hunt", "chicken",
    ...                           "deadlock", "harmony")
    >>> test_oye()
    """
    if kind is None:
        return _ordered_symmetric(sum(OYE_ORDERINGS.values(), ()), exact, _BOUND)
    if kind not in OYE_ORDERINGS:
        raise InvalidArgumentError(f"kind must be one of {sorted(OYE_ORDERINGS)}, got {kind!r}")
    return _ordered_symmetric(OYE_ORDERINGS[kind], exact, _BOUND)


def anonymous_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 12), *, exact: bool = True,
    bound: int = _BOUND,
) -> st.SearchStrategy[AnonymousGame]:
    """Anonymous binary-choice games with arbitrary payoff sequences.

    See Also
    --------
    public_goods_games : linear public goods games only.
    multilateral.AnonymousGame : the games drawn.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.anonymous_games(n=3))
    ... def test_three(x):
    ...     assert x.n == 3 and x.is_exact
    >>> test_three()
    """

    @st.composite
    def build(draw: st.DrawFn) -> AnonymousGame:
        size = draw(as_strategy(n))
        vals = st.lists(payoff_values(exact, bound), min_size=size, max_size=size)
        return AnonymousGame(draw(vals), draw(vals))

    return build()


def public_goods_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 50),
) -> st.SearchStrategy[AnonymousGame]:
    """Linear public goods games that are social dilemmas: ``1 < r < n`` (exact Fractions).

    Contributing is then dominated (``r / n < 1``) yet full contribution beats none
    (``r > 1``).

    See Also
    --------
    anonymous_games : any anonymous binary-choice game.
    multilateral.AnonymousGame.public_goods : the games drawn.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.public_goods_games(n=4))
    ... def test_dilemma(x):
    ...     assert all(g < 0 for g in x.gains) and x.welfare(4) > x.welfare(0)
    >>> test_dilemma()
    """

    @st.composite
    def build(draw: st.DrawFn) -> AnonymousGame:
        size = draw(as_strategy(n))
        # r = 1 + (size - 1) * t with t a Fraction strictly between 0 and 1
        den = draw(st.integers(2, 50))
        t = Fraction(draw(st.integers(1, den - 1)), den)
        return AnonymousGame.public_goods(size, r=1 + (size - 1) * t)

    return build()


def tu_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 4),
    *,
    exact: bool = True,
    bound: int = 20,
    kind: str | None = None,
) -> st.SearchStrategy[TUGame]:
    """TU games (:class:`~multilateral.games.TUGame`) of a given class, built directly.

    Parameters
    ----------
    n : int or strategy
        Number of players (keep it small: a game has ``2**n`` values).
    exact : bool
        Integer values (True) or floats.
    bound : int
        Singletons' values lie in ``[-bound, bound]``; so do all values when ``kind`` is None,
        and the increments over the class's lower bound otherwise.
    kind : {None, "superadditive", "convex"}
        ``None``: any game. ``"superadditive"``: every ``v(S)`` is the best split of ``S`` into
        two disjoint parts plus an increment ``>= 0`` (every superadditive game arises so).
        ``"convex"``: every ``v(S)`` is ``max_{i != j in S} v(S-i) + v(S-j) - v(S-i-j)`` plus
        an increment ``>= 0``, which is supermodularity checked pair by pair (every convex
        game arises so).

    See Also
    --------
    multilateral.games.TUGame : the games drawn.
    multilateral.solvers.core, multilateral.solvers.shapley_value : solvers for them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(deadline=None)  # the first game loads scipy's LP solver
    ... @given(ml.strategies.tu_games(kind="convex"))
    ... def test_convex_shapley_in_core(game):  # Shapley (1971)
    ...     core = ml.solvers.core(game)
    ...     assert core.contains(ml.solvers.shapley_value(game))
    >>> test_convex_shapley_in_core()
    """
    if kind not in (None, "superadditive", "convex"):
        raise InvalidArgumentError(
            f"kind must be None, 'superadditive' or 'convex', got {kind!r}")
    bound = check_positive_int(bound, "bound", 1)
    value: st.SearchStrategy[Any]
    step: st.SearchStrategy[Any]
    if exact:
        value, step = st.integers(-bound, bound), st.integers(0, bound)
    else:
        value = st.floats(-bound, bound, allow_nan=False, allow_infinity=False)
        step = st.floats(0, bound, allow_nan=False, allow_infinity=False)

    @st.composite
    def build(draw: st.DrawFn) -> TUGame:
        players = check_positive_int(draw(as_strategy(n)), "n", 1)
        v: list[Any] = [0] * (1 << players)
        for mask in range(1, 1 << players):
            members = [i for i in range(players) if mask >> i & 1]
            if kind is None or len(members) == 1:
                v[mask] = draw(value)
            elif kind == "superadditive":
                low = mask & -mask  # parts containing the lowest member: each split once
                floor = max(v[t] + v[mask ^ t] for t in _submasks(mask) if t & low and t != mask)
                v[mask] = floor + draw(step)
            else:
                floor = max(v[mask ^ (1 << i)] + v[mask ^ (1 << j)] - v[mask ^ (1 << i) ^ (1 << j)]
                            for a, i in enumerate(members) for j in members[a + 1:])
                v[mask] = floor + draw(step)
        return TUGame(v)

    return build()


def _submasks(mask: int) -> list[int]:
    """The nonempty submasks of ``mask``."""
    out, sub = [], mask
    while sub:
        out.append(sub)
        sub = (sub - 1) & mask
    return out


def weighted_voting_games(
    n: int | st.SearchStrategy[int] = st.integers(1, 8),
    *,
    max_weight: int = 10,
    min_weight: int = 0,
) -> st.SearchStrategy[WeightedVotingGame]:
    """Weighted voting games ``[q; w_1, ..., w_n]`` (:class:`~multilateral.WeightedVotingGame`).

    Integer weights in ``[min_weight, max_weight]`` (at least one positive) and any quota
    ``q`` with ``0 < q <= total``, drawn directly. Small ``n`` (the default, 1 to 8) keeps
    brute-force checks over all coalitions or orders cheap.

    Parameters
    ----------
    n : int or strategy
        Number of members.
    max_weight, min_weight : int
        Bounds of the weights (``0 <= min_weight <= max_weight``, ``max_weight >= 1``).

    See Also
    --------
    multilateral.WeightedVotingGame : the games drawn.
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : power indices.

    Examples
    --------
    >>> from hypothesis import given
    >>> import multilateral as ml
    >>> @given(ml.strategies.weighted_voting_games())
    ... def test_efficiency(game):
    ...     assert sum(ml.solvers.shapley_shubik(game).values) == 1
    >>> test_efficiency()
    """
    high = check_positive_int(max_weight, "max_weight", 1)
    low = check_positive_int(min_weight, "min_weight", 0)
    if low > high:
        raise InvalidArgumentError(
            f"min_weight ({low}) must not exceed max_weight ({high})")
    sizes = as_strategy(n if isinstance(n, st.SearchStrategy) else check_positive_int(n, "n"))

    @st.composite
    def build(draw: st.DrawFn) -> WeightedVotingGame:
        size = draw(sizes)
        weights = draw(st.lists(st.integers(low, high), min_size=size, max_size=size))
        if not any(weights):
            weights[draw(st.integers(0, size - 1))] = draw(st.integers(max(low, 1), high))
        quota = draw(st.integers(1, sum(weights)))
        return WeightedVotingGame(weights, quota)

    return build()


def extensive_form_games(n: int = 2, *, max_nodes: int = 15, max_actions: int = 3,
                         exact: bool = True, bound: int = 3, chance: bool = True,
                         perfect_information: bool = True) -> st.SearchStrategy[ExtensiveFormGame]:
    """Random game trees (:class:`~multilateral.ExtensiveFormGame`) of ``n`` players, at most
    about ``max_nodes`` nodes, 2 to ``max_actions`` actions a node, chance nodes with exact (or
    float) probabilities, payoffs in ``[-bound, bound]`` (small: ties are frequent). Without
    perfect information, a node may join the information set of nodes with the same mover,
    arity and own history, so every tree keeps perfect recall (none is absent-minded).

    See Also
    --------
    multilateral.solvers.backward_induction : solves the perfect-information ones.

    Examples
    --------
    >>> from hypothesis import given
    >>> import multilateral as ml
    >>> @given(ml.strategies.extensive_form_games())
    ... def test_kuhn(game):
    ...     assert ml.solvers.subgame_perfect_equilibria(game)
    >>> test_kuhn()
    """
    size, top = check_positive_int(n, "n"), check_positive_int(max_nodes, "max_nodes")
    return st.composite(draw_tree)(size, top, check_positive_int(max_actions, "max_actions", 2),
                                   exact, check_positive_int(bound, "bound"), chance,
                                   perfect_information)
