"""Float power indices carry a guaranteed error bound (issue 13: the IMF at real vote counts).

Every float :class:`PowerIndex` states ``error_bound``: each value is within it of the exact
index. Checked here against the exact values (Fractions, compared without rounding) on
random games that take each float path: the weight-table quadrature (Shapley-Shubik,
Banzhaf), the critical-member program (Johnston, Deegan-Packel), rounded exact values
(enumeration), with windows skipped by the Chernoff bound forced on.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.games import WeightedVotingGame
from multilateral.solvers import PowerIndex, banzhaf, deegan_packel, johnston, shapley_shubik
from multilateral.solvers.power import _weighted

FLOAT_INDICES = {
    "shapley_shubik": shapley_shubik,
    "banzhaf": banzhaf,
    "banzhaf_normalized": lambda g, exact: banzhaf(g, normalized=True, exact=exact),
    "johnston": johnston,
    "deegan_packel": deegan_packel,
}


def assert_within_bound(approx: PowerIndex, exact: PowerIndex, informative: bool = True) -> None:
    assert exact.exact and exact.error_bound is None
    assert not approx.exact and approx.error_bound is not None
    bound = Fraction(approx.error_bound)
    for a, e in zip(approx.values, exact.values, strict=True):
        assert abs(Fraction(a) - e) <= bound, (a, e, approx.error_bound)
    # and the bound says something: about six significant digits of the largest value (a
    # bound of 1 or inf would pass the check above whatever the values)
    assert not informative or approx.error_bound <= 2**-20 * max(abs(v) for v in approx.values), (
        approx.name, approx.error_bound)


@settings(deadline=None, max_examples=12)
@given(ml.strategies.weighted_voting_games(n=st.integers(21, 34), max_weight=40),
       st.sampled_from(sorted(FLOAT_INDICES)))
def test_float_values_lie_within_the_stated_bound_of_the_exact_ones(game, name):
    index = FLOAT_INDICES[name]
    assert_within_bound(index(game, exact=False), index(game, exact=True))


@settings(deadline=None, max_examples=10)
@given(st.lists(st.integers(1, 30), min_size=56, max_size=90), st.data())
def test_fewer_quadrature_nodes_stay_within_the_bound(weights, data):
    # from about 50 members the quadrature takes fewer nodes than exactness needs (its
    # error bounded through the Bernstein form); the values must still be within the bound
    n = len(weights)
    k, quad = _weighted.node_count(n)
    assert k < (n + 1) // 2 and 0 < quad < 1e-12
    q = data.draw(st.integers(1, sum(weights)))
    game = WeightedVotingGame(weights, q)
    approx = shapley_shubik(game, exact=False)
    assert_within_bound(approx, shapley_shubik(game, exact=True))
    assert approx.error_bound >= quad


@pytest.mark.parametrize("n", [40, 60])
def test_quadrature_bound_against_an_exact_rule_on_bernstein_polynomials(n):
    # the k-node rule on B_s (degree n - 1) in exact rationals at the float nodes: every
    # error is within the bound of the float computation. At n = 40 the 20 nodes make the
    # rule exact in exact arithmetic, but numpy's weights are off by tens of ulps: the
    # bound must be stated there too (it was 0)
    k, stated = _weighted.node_count(n)
    assert stated > 0
    x, g = np.polynomial.legendre.leggauss(k)
    p = [Fraction(v) for v in (x + 1) / 2]
    wts = [Fraction(v) for v in g / 2]
    bound = Fraction(stated)
    errs = []
    for s in range(n):
        rule = sum(wk * math.comb(n - 1, s) * pk**s * (1 - pk) ** (n - 1 - s)
                   for pk, wk in zip(p, wts, strict=True))
        errs.append(rule - Fraction(1, n))
    # the rule's weights and nodes are floats: the exactness of the node set is only
    # approximate, so compare the positive and negative parts with the bound
    assert sum(e for e in errs if e > 0) <= bound and -sum(e for e in errs if e < 0) <= bound


@settings(deadline=None, max_examples=10)
@given(st.lists(st.integers(1, 60), min_size=21, max_size=40), st.data())
def test_skipped_windows_stay_within_the_bound(weights, data):
    # a large NEGLIGIBLE_TAIL skips windows whose Chernoff bound is below it: the values
    # move, the bound (which adds the skipped tails) must still hold
    q = data.draw(st.integers(1, sum(weights)))
    game = WeightedVotingGame(weights, q)
    exact = shapley_shubik(game, exact=True)
    old = _weighted.NEGLIGIBLE_TAIL
    try:
        _weighted.NEGLIGIBLE_TAIL = data.draw(st.sampled_from([1e-12, 1e-6, 1e-3, 0.1]))
        approx = shapley_shubik(game, exact=False)
    finally:
        _weighted.NEGLIGIBLE_TAIL = old
    if approx.exact:   # few members, tiny weights: enumerated
        return
    assert_within_bound(approx, exact, informative=False)   # tails up to 0.1 skipped


@settings(deadline=None, max_examples=40)
@given(st.lists(st.integers(1, 30), min_size=1, max_size=12),
       st.floats(0.001, 0.5), st.data())
def test_chernoff_bound_is_above_the_exact_tail(weights, p, data):
    x = data.draw(st.integers(-2, sum(weights) + 2))
    tail = Fraction(0)
    pf = Fraction(p)
    for joined in itertools.product((0, 1), repeat=len(weights)):
        if sum(w for w, j in zip(weights, joined, strict=True) if j) >= x:
            k = sum(joined)
            tail += pf**k * (1 - pf) ** (len(weights) - k)
    assert Fraction(_weighted._chernoff(weights, p, x)) >= tail


def test_the_imf_like_bounds_are_small():
    from test_power import imf_like  # the shared generator of IMF-like weights

    weights = imf_like(total=10_000)
    for q in (5_001, 8_500):
        game = WeightedVotingGame(weights, q)
        approx, exact = shapley_shubik(game, exact=False), shapley_shubik(game, exact=True)
        assert_within_bound(approx, exact)
        assert approx.error_bound < 1e-10
        assert "+- " in repr(approx) and "+-" not in repr(exact)
        bz = banzhaf(game, exact=False)
        assert_within_bound(bz, banzhaf(game, exact=True))


def test_threads_give_the_same_values(monkeypatch):
    game = WeightedVotingGame(list(range(1, 60)), 1_200)
    monkeypatch.setattr(_weighted, "FLOAT_CHUNK", 5_000)   # several passes
    monkeypatch.setattr(_weighted, "FLOAT_THREADS", 1)
    one = shapley_shubik(game, exact=False)
    monkeypatch.setattr(_weighted, "FLOAT_THREADS", 3)
    three = shapley_shubik(game, exact=False)
    assert one.values == three.values and one.error_bound == three.error_bound


def test_rounded_exact_values_are_within_half_an_ulp():
    unsc = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    council = ml.games.intersection(unsc, unsc)   # composite: enumerated, exact, rounded
    for name, index in FLOAT_INDICES.items():
        assert_within_bound(index(unsc, exact=False), index(unsc, exact=True))
        approx, exact = index(council, exact=False), index(council, exact=True)
        assert_within_bound(approx, exact)
        assert approx.error_bound <= max(approx.values) * 2**-52, name
    eu = ml.games.intersection(WeightedVotingGame([1] * 22, 12),
                               WeightedVotingGame(list(range(1, 23)), 170))
    assert_within_bound(johnston(eu, exact=False), johnston(eu))


def test_a_result_states_its_bound_exactly_when_it_is_approximate():
    with pytest.raises(errors.InvalidTypeError, match="must state its error_bound"):
        PowerIndex("banzhaf", ("A",), (0.5,), False)
    with pytest.raises(errors.InvalidTypeError, match="no error_bound"):
        PowerIndex("banzhaf", ("A",), (Fraction(1, 2),), True, error_bound=0.0)


def test_normalized_bounds_propagate_the_absolute_ones():
    vals, errs = [0.5, 0.25, 0.25], [1e-12, 1e-12, 1e-12]
    out, bounds = ml.solvers.power.indices._normalize(vals, errs)
    assert math.isclose(sum(out), 1.0) and all(b > 1e-12 for b in bounds)
    # the worst case of the three perturbations stays inside
    for signs in itertools.product((-1, 1), repeat=3):
        exact = [Fraction(v) + s * Fraction(e) for v, e, s in zip(vals, errs, signs,
                                                                strict=True)]
        total = sum(exact)
        assert all(abs(Fraction(o) - x / total) <= Fraction(b)
                   for o, x, b in zip(out, exact, bounds, strict=True))
    assert np.all(np.array(bounds) < 1e-11)


def test_monomial_bound_against_an_exact_rational_rule():
    # the critical-member program integrates J_i (nonnegative coefficients) with fewer
    # nodes than exactness needs: (j + 1) |rule(u**j) - 1 / (j + 1)| within the bound
    from multilateral.solvers.power import _critical

    d = 60
    k, rho = _critical._nodes_for(d)
    assert k < (d - 1) // 2 + 1 and 0 < rho < 1e-12
    _check_monomials(d, k, rho)


def test_monomial_bound_is_stated_when_the_rule_is_exact_in_exact_arithmetic():
    # 11 nodes integrate degree 20 exactly in exact arithmetic, not with numpy's weights
    from multilateral.solvers.power import _critical

    k, rho = _critical._nodes_for(21)
    assert k == 11 and 0 < rho < 1e-13
    _check_monomials(21, k, rho)


def _check_monomials(d, k, rho):
    x, g = np.polynomial.legendre.leggauss(k)
    u = [Fraction(v) for v in (x + 1) / 2]
    wts = [Fraction(v) for v in g / 2]
    for j in range(d):
        rule = sum(wk * uk**j for uk, wk in zip(u, wts, strict=True))
        assert (j + 1) * abs(rule - Fraction(1, j + 1)) <= Fraction(rho)


@pytest.mark.parametrize("weights, quota", [
    ([1] * 100, 85), ([1] * 100, 100), ([1] * 45, 1), ([300, 250, 200] + [1] * 97, 846),
    ([300, 250, 200] + [1] * 97, 2)])
def test_float_banzhaf_with_rare_swings_keeps_an_informative_bound(weights, quota):
    # the quadrature's bound is absolute (about 1e-12): at an 85% quota of 100 equal members
    # every swing probability is below 1e-28, and the normalized bound came out as 1.0 (true
    # but vacuous); such games are counted exactly and rounded
    game = WeightedVotingGame(weights, quota)
    for normalized in (False, True):
        approx = banzhaf(game, normalized=normalized, exact=False)
        assert_within_bound(approx, banzhaf(game, normalized=normalized, exact=True))
