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
A theory claim as a property test: in every Prisoners' Dilemma, mutual defection is the only
equilibrium.

>>> from hypothesis import given
>>> import multilateral as ml
>>> @given(ml.strategies.prisoners_dilemmas())
... def test_pd_unique_equilibrium(pd):
...     assert ml.solvers.pure_nash_equilibria(pd) == ((1, 1),)
>>> test_pd_unique_equilibrium()
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st

from ._validation import check_positive_int
from .errors import InvalidArgumentError
from .games.anonymous import AnonymousGame
from .games.normal_form import NormalFormGame
from .games.two_by_two import OYE_ORDERINGS, TwoByTwo

__all__ = [
    "anonymous_games",
    "chickens",
    "deadlocks",
    "harmonies",
    "normal_form_games",
    "oye_games",
    "payoff_values",
    "prisoners_dilemmas",
    "probability_vectors",
    "public_goods_games",
    "stag_hunts",
    "strict_ordinal_games",
    "two_by_two_games",
]

_BOUND = 100


def payoff_values(exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[Any]:
    """Payoff numbers in ``[-bound, bound]``: integers (exact) or finite floats."""
    if exact:
        return st.integers(-bound, bound)
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False, width=64)


def probability_vectors(size: int, *, exact: bool = False) -> st.SearchStrategy[Any]:
    """Mixed strategies over ``size`` actions (Fractions if ``exact``), corners included.

    Built from nonnegative integer weights with one action's weight raised by one, so the
    total is never zero and pure strategies occur.
    """
    size = check_positive_int(size, "size")

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        weights = draw(st.lists(st.integers(0, 20), min_size=size, max_size=size))
        weights[draw(st.integers(0, size - 1))] += 1
        total = sum(weights)
        if exact:
            return tuple(Fraction(w, total) for w in weights)
        return np.array(weights, dtype=np.float64) / total

    return build()


def normal_form_games(
    n_players: int | st.SearchStrategy[int] = st.integers(2, 3),
    n_actions: int | st.SearchStrategy[int] = st.integers(1, 4),
    *,
    exact: bool = True,
    bound: int = _BOUND,
) -> st.SearchStrategy[NormalFormGame]:
    """Normal-form games with the given numbers of players and actions (ints or strategies)."""

    @st.composite
    def build(draw: st.DrawFn) -> NormalFormGame:
        n = draw(_as_strategy(n_players))
        shape = tuple(draw(_as_strategy(n_actions)) for _ in range(n))
        size = int(np.prod(shape)) * n
        values = draw(st.lists(payoff_values(exact, bound), min_size=size, max_size=size))
        return NormalFormGame(np.array(values).reshape((*shape, n)))

    return build()


def two_by_two_games(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Any 2x2 game (ties allowed)."""
    vals = st.lists(payoff_values(exact, bound), min_size=8, max_size=8)
    return vals.map(lambda v: TwoByTwo(np.reshape(v[:4], (2, 2)), np.reshape(v[4:], (2, 2))))


def strict_ordinal_games() -> st.SearchStrategy[TwoByTwo]:
    """2x2 games whose payoffs are each player's ranks 1..4 (all 576 labelled games)."""
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
    """Symmetric Prisoners' Dilemmas, ``T > R > P > S``."""
    return _ordered_symmetric(OYE_ORDERINGS["prisoners_dilemma"], exact, bound)


def stag_hunts(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Stag Hunts (assurance games), ``R > T > P > S``."""
    return _ordered_symmetric(OYE_ORDERINGS["stag_hunt"], exact, bound)


def chickens(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric games of Chicken, ``T > R > S > P``."""
    return _ordered_symmetric(OYE_ORDERINGS["chicken"], exact, bound)


def deadlocks(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Deadlocks, ``T > P > R > S``."""
    return _ordered_symmetric(OYE_ORDERINGS["deadlock"], exact, bound)


def harmonies(*, exact: bool = True, bound: int = _BOUND) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric Harmony games: cooperation dominant and mutual cooperation best."""
    return _ordered_symmetric(OYE_ORDERINGS["harmony"], exact, bound)


def oye_games(kind: str | None = None, *, exact: bool = True) -> st.SearchStrategy[TwoByTwo]:
    """Symmetric games of one Oye type (``kind``), or of any of the five if ``None``."""
    if kind is None:
        return _ordered_symmetric(sum(OYE_ORDERINGS.values(), ()), exact, _BOUND)
    if kind not in OYE_ORDERINGS:
        raise InvalidArgumentError(f"kind must be one of {sorted(OYE_ORDERINGS)}, got {kind!r}")
    return _ordered_symmetric(OYE_ORDERINGS[kind], exact, _BOUND)


def anonymous_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 12), *, exact: bool = True,
    bound: int = _BOUND,
) -> st.SearchStrategy[AnonymousGame]:
    """Anonymous binary-choice games with arbitrary payoff sequences."""

    @st.composite
    def build(draw: st.DrawFn) -> AnonymousGame:
        size = draw(_as_strategy(n))
        vals = st.lists(payoff_values(exact, bound), min_size=size, max_size=size)
        return AnonymousGame(draw(vals), draw(vals))

    return build()


def public_goods_games(
    n: int | st.SearchStrategy[int] = st.integers(2, 50),
) -> st.SearchStrategy[AnonymousGame]:
    """Linear public goods games that are social dilemmas: ``1 < r < n`` (exact Fractions).

    Contributing is then dominated (``r / n < 1``) yet full contribution beats none
    (``r > 1``).
    """

    @st.composite
    def build(draw: st.DrawFn) -> AnonymousGame:
        size = draw(_as_strategy(n))
        # r = 1 + (size - 1) * t with t a Fraction strictly between 0 and 1
        den = draw(st.integers(2, 50))
        t = Fraction(draw(st.integers(1, den - 1)), den)
        return AnonymousGame.public_goods(size, r=1 + (size - 1) * t)

    return build()


def _as_strategy(value: int | st.SearchStrategy[int]) -> st.SearchStrategy[int]:
    return value if isinstance(value, st.SearchStrategy) else st.just(value)
