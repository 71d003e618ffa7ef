"""The public hypothesis strategies generate exactly the classes they promise."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(st.just(n), mst.probability_vectors(n))))
def test_probability_vectors(case):
    n, p = case
    assert p.shape == (n,) and np.all(p >= 0) and np.isclose(p.sum(), 1.0)


@given(st.integers(1, 6).flatmap(lambda n: mst.probability_vectors(n, exact=True)))
def test_exact_probability_vectors(p):
    assert all(isinstance(v, Fraction) and v >= 0 for v in p) and sum(p) == 1


@given(mst.normal_form_games(n=3, n_actions=2))
def test_normal_form_shapes(game):
    assert game.shape == (2, 2, 2) and game.is_exact


@given(mst.normal_form_games(n=2, n_actions=st.integers(1, 3), exact=False))
def test_float_games(game):
    assert game.n_players == 2 and game.payoffs.dtype == np.float64


@given(mst.strict_ordinal_games())
def test_strict_ordinal(game):
    assert game.has_strict_preferences
    assert sorted(game.payoff_array(0).ravel().tolist()) == [1, 2, 3, 4]


@given(mst.public_goods_games())
def test_public_goods_games_are_social_dilemmas(game):
    # contributing is dominated, yet everyone is better off if all contribute
    assert all(g < 0 for g in game.gains)
    assert game.cooperator[-1] > game.defector[0]


@given(mst.anonymous_games(n=4, exact=False))
def test_anonymous_float(game):
    assert game.n == 4 and not game.is_exact


def test_unknown_oye_kind():
    with pytest.raises(errors.InvalidArgumentError, match="prisoners_dilemma"):
        mst.oye_games("coordination")
    with pytest.raises(errors.InvalidArgumentError, match="mpcr"):
        mst.conditional_cooperation_size_pairs("multiplier")


def test_pd_iterated_condition_not_assumed():
    # prisoners_dilemmas() covers T + S >= 2R too (alternation beats mutual cooperation)
    found = []

    @given(mst.prisoners_dilemmas())
    def collect(pd):
        t, r, _, s = pd.trps(0)
        found.append(t + s > 2 * r)

    collect()
    assert any(found) and not all(found)


@pytest.mark.parametrize("name", ml.strategies.__all__)
def test_public_names_are_documented_strategy_factories(name):
    factory = getattr(ml.strategies, name)
    assert callable(factory) and factory.__doc__
    assert factory.__module__.startswith("multilateral.strategies.")


@pytest.mark.parametrize("factory", [ml.strategies.prisoners_dilemmas,
                                     ml.strategies.linear_agreements,
                                     ml.strategies.group_size_pairs])
def test_factories_return_search_strategies(factory):
    assert isinstance(factory(), st.SearchStrategy)
