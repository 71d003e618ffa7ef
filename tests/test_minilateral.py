"""The magic number: critical mass and optimal membership, checked against brute force."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

import multilateral as ml
from multilateral import errors
from multilateral.cases import climate
from multilateral.models import ConditionalCooperation, MagicNumber

# -- strategies ------------------------------------------------------------------------------
raw_weights = st.lists(st.integers(0, 20), min_size=1, max_size=8).filter(lambda w: sum(w) > 0)
coverages = st.fractions(min_value=Fraction(1, 100), max_value=1)


def exact_model(weights, **kwargs):
    return MagicNumber(weights=weights, normalize=True, **kwargs)


def brute_critical_mass(model, coverage):
    for k in range(1, model.n + 1):
        for club in itertools.combinations(range(model.n), k):
            if model.coverage(club) >= coverage:
                return k
    raise AssertionError("unreachable: the shares sum to one")


def brute_optimum(model):
    return max(model.net_benefit(club) for k in range(1, model.n + 1)
               for club in itertools.combinations(range(model.n), k))


# -- the climate case ------------------------------------------------------------------------
@pytest.fixture
def world():
    return MagicNumber.from_mapping(climate.emission_shares(), others=161)


def test_three_emitters_reach_half_of_global_emissions(world):
    k, members = world.critical_mass(Fraction(1, 2))
    assert k == 3
    assert members == ("China", "United States", "India")
    res = world.critical_mass(0.5)
    assert (res.k, res.coverage) == (3, Fraction(52, 100))


def test_us_china_core(world):
    assert world.coverage(["China", "United States"]) == Fraction(44, 100)
    assert world.critical_mass(Fraction(44, 100)).members == ("China", "United States")
    assert world.critical_mass(Fraction(45, 100)).k == 3


def test_residual_is_spread_not_a_member(world):
    assert world.n == 6 + 161
    assert world.shares[-1] == Fraction("0.336") / 161
    assert sum(world.shares) == 1
    assert world.names[-1] == "other 161"
    assert len(world.weights) == len(world.labels) == 6  # the parameters stay as given
    assert world.critical_mass(1).k == world.n


def test_universal_club_is_not_the_magic_number_under_oye(world):
    oye = ConditionalCooperation(n=2, r=3, detection=lambda k: 1 / k**0.5)
    model = MagicNumber.from_mapping(climate.emission_shares(), others=161, cooperation=oye,
                                     delta=stats.beta(8, 2))
    best = model.optimal_membership()
    assert 3 <= best.k <= 10
    assert best.net_benefit > best.curve.net_benefit[-1]
    assert best.members[:2] == ("China", "United States")


# -- critical mass ---------------------------------------------------------------------------
@given(raw_weights, coverages)
def test_greedy_critical_mass_equals_brute_force(weights, coverage):
    model = exact_model(weights)
    res = model.critical_mass(coverage)
    assert res.k == brute_critical_mass(model, coverage)
    assert res.coverage >= coverage
    assert res.coverage == model.coverage(res.indices)


@given(raw_weights, coverages, coverages)
def test_critical_mass_is_nondecreasing_in_coverage(weights, c1, c2):
    model = exact_model(weights)
    lo, hi = sorted((c1, c2))
    assert model.critical_mass(lo).k <= model.critical_mass(hi).k


@given(st.lists(st.floats(0, 1), min_size=1, max_size=8).filter(lambda w: sum(w) > 1e-3),
       st.floats(0.01, 1))
def test_float_weights_critical_mass_is_minimal(weights, coverage):
    model = MagicNumber(weights=weights, normalize=True)
    res = model.critical_mass(coverage)
    prefix = np.cumsum(sorted(model.shares, reverse=True))
    assert res.coverage == pytest.approx(prefix[res.k - 1])
    assert res.k == model.n or res.coverage >= coverage - 1e-12
    if res.k > 1:  # one member fewer does not reach it
        assert prefix[res.k - 2] < coverage - 1e-12


# -- optimal membership ----------------------------------------------------------------------
costs = st.one_of(st.fractions(0, Fraction(1, 5)), st.just(lambda k: 0.02 * k**1.5))
benefits = st.sampled_from(["linear", "concave", "threshold"])


@given(raw_weights, benefits, costs, st.fractions(Fraction(1, 10), 1))
def test_optimal_membership_equals_brute_force(weights, benefit, cost, threshold):
    model = exact_model(weights, benefit=benefit, cost=cost, threshold=threshold)
    best = model.optimal_membership()
    assert best.net_benefit == pytest.approx(brute_optimum(model), abs=1e-12)
    assert model.net_benefit(best.indices) == pytest.approx(best.net_benefit, abs=1e-12)


@given(raw_weights, st.integers(2, 6), st.floats(0.0, 0.95), st.booleans())
def test_optimal_membership_with_oye_equals_brute_force(weights, r, delta, uncertain):
    oye = ConditionalCooperation(n=2, r=r, detection=lambda k: 1 / math.sqrt(k))
    patience = stats.uniform(0, 1) if uncertain else delta
    model = exact_model(weights, cooperation=oye, delta=patience, cost=Fraction(1, 100))
    best = model.optimal_membership()
    assert best.net_benefit == pytest.approx(brute_optimum(model), abs=1e-12)


@given(raw_weights, st.integers(2, 6), st.floats(0.0, 0.95))
def test_fixed_delta_sustains_exactly_the_clubs_below_the_threshold(weights, r, delta):
    oye = ConditionalCooperation(n=2, r=r)
    model = exact_model(weights, cooperation=oye, delta=delta)
    for k in range(2, model.n + 1):
        expected = ConditionalCooperation(n=k, r=r).sustains(delta)
        assert model.sustain_probability(k) == (1.0 if expected else 0.0)


@given(raw_weights, benefits, st.fractions(0, Fraction(1, 5)), st.fractions(0, Fraction(1, 5)))
def test_costlier_cooperation_never_enlarges_the_club(weights, benefit, c1, c2):
    lo, hi = sorted((c1, c2))
    cheap = exact_model(weights, benefit=benefit, cost=lo).optimal_membership()
    dear = exact_model(weights, benefit=benefit, cost=hi).optimal_membership()
    assert dear.k <= cheap.k


@given(st.integers(2, 12), st.integers(2, 6), st.floats(0.0, 0.95), st.floats(0.0, 0.95))
def test_patience_never_shrinks_the_largest_sustainable_club(n, r, d1, d2):
    lo, hi = sorted((d1, d2))
    oye = ConditionalCooperation(n=2, r=r, detection=lambda k: 1 / math.sqrt(k))
    sizes = [exact_model([1] * n, cooperation=oye, delta=d).largest_sustainable()
             for d in (lo, hi)]
    assert (sizes[0] or 0) <= (sizes[1] or 0)


def test_curve_shapes_and_readonly():
    model = MagicNumber(weights=[5, 3, 2], normalize=True, cost=Fraction(1, 10))
    cv = model.curve()
    assert cv.k.tolist() == [1, 2, 3]
    np.testing.assert_allclose(cv.coverage, [0.5, 0.8, 1.0])
    np.testing.assert_allclose(cv.net_benefit, [0.4, 0.6, 0.7])
    assert cv.critical_discount is None  # no cooperation model: no threshold, p(k) = 1
    with pytest.raises(errors.InvalidArgumentError, match="cooperation model"):
        model.critical_discount(2)
    with pytest.raises(ValueError):
        cv.net_benefit[0] = 1.0
    assert "best k=3" in repr(cv)


def test_ties_go_to_the_smallest_club():
    # zero-weight members add nothing: the magic number stops before them
    model = MagicNumber(weights=[1, 1, 0, 0], normalize=True)
    assert model.optimal_membership().k == 2


def test_threshold_benefit_gives_the_critical_mass():
    model = MagicNumber(weights=[4, 3, 2, 1], normalize=True, benefit="threshold",
                        threshold=Fraction(1, 2), cost=Fraction(1, 100))
    best = model.optimal_membership()
    assert best.k == model.critical_mass(Fraction(1, 2)).k == 2
    assert best.worthwhile


def test_single_member_club_under_oye():
    # a lone member contributes iff its own return m is at least 1: not with mpcr 3/4 ...
    model = MagicNumber(weights=[1, 1], normalize=True,
                        cooperation=ConditionalCooperation(n=2, mpcr=Fraction(3, 4)), delta=0.9)
    assert model.critical_discount(1).value == math.inf
    assert not model.critical_discount(1).attainable
    assert model.critical_discount(2).value == Fraction(1, 3)
    assert model.sustain_probability(1) == 0.0
    assert model.sustain_probability(2) == 1.0
    # ... but with a multiplier r = 3 (m = r / 1 = 3 for one member) it does
    solo = MagicNumber(weights=[1], cooperation=ConditionalCooperation(n=2, r=3), delta=0)
    assert solo.critical_discount(1).value == 0
    assert solo.sustain_probability(1) == 1.0


def test_reprs_are_short():
    model = MagicNumber.from_mapping({"a": Fraction(1, 2), "b": Fraction(1, 4),
                                      "c": Fraction(1, 4)})
    assert repr(model.critical_mass(Fraction(3, 4))) == "CriticalMass(k=2, coverage=3/4: a, b)"
    assert repr(model.optimal_membership()).startswith("MinilateralResult(k=3, coverage=1,")


def test_with_keeps_the_parameters_meaning(world):
    dearer = world.with_(cost=Fraction(1, 1000))
    assert dearer.shares == world.shares
    assert dearer.names == world.names
    assert world.with_() == world
    normalized = MagicNumber(weights=[2, 1, 1], normalize=True)
    assert normalized.with_().shares == (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))


def test_exported():
    assert ml.models.MagicNumber is MagicNumber


# -- bad inputs ------------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"weights": [0.5, 0.4]}, errors.InvalidArgumentError, "sum to 1, but sum to 0.9"),
    ({"weights": [Fraction(1, 2), Fraction(2, 3)]}, errors.InvalidArgumentError, "7/6"),
    ({"weights": [0.5, -0.1, 0.6]}, errors.InvalidArgumentError, "negative"),
    ({"weights": [0, 0], "normalize": True}, errors.InvalidArgumentError, "all zero"),
    ({"weights": []}, errors.InvalidArgumentError, "at least one"),
    ({"weights": [0.5, float("nan")]}, errors.InvalidArgumentError, "finite"),
    ({"weights": [0.5, "0.5"]}, errors.InvalidTypeError, "real number"),
    ({"weights": [True, False]}, errors.InvalidTypeError, "real number"),
    ({"weights": "ab"}, errors.InvalidTypeError, "sequence"),
    ({"weights": {"a": 1}}, errors.InvalidTypeError, "from_mapping"),
    ({"weights": [1], "labels": ["a", "b"]}, errors.InvalidArgumentError, "one name"),
    ({"weights": [0.5, 0.5], "labels": ["a", "a"]}, errors.InvalidArgumentError, "distinct"),
    ({"weights": [0.7, 0.6], "others": 3}, errors.InvalidArgumentError, "nothing is left"),
    ({"weights": [0.5], "others": 0}, errors.InvalidArgumentError, "others"),
    ({"weights": [1, 2], "normalize": True, "others": 2}, errors.InvalidArgumentError,
     "not both"),
    ({"weights": [1], "benefit": "quadratic"}, errors.InvalidArgumentError, "benefit"),
    ({"weights": [1], "benefit": lambda s: 1 - s}, errors.InvalidArgumentError,
     "nondecreasing"),
    ({"weights": [1], "benefit": "threshold", "threshold": 0}, errors.InvalidArgumentError,
     "threshold"),
    ({"weights": [1], "scale": -1}, errors.InvalidArgumentError, "scale"),
    ({"weights": [1], "delta": 0.9}, errors.InvalidArgumentError, "cooperation"),
    ({"weights": [1], "cooperation": ConditionalCooperation(n=2, r=3)},
     errors.InvalidArgumentError, "needs delta"),
    ({"weights": [1], "cooperation": ConditionalCooperation(n=2, r=3), "delta": 1},
     errors.InvalidArgumentError, r"\[0, 1\)"),
    ({"weights": [1], "cooperation": ConditionalCooperation(n=2, r=3, benefits=(1, 2)),
      "delta": 0.5}, errors.InvalidArgumentError, "benefits"),
    ({"weights": [1], "cooperation": "oye", "delta": 0.5}, errors.InvalidTypeError,
     "ConditionalCooperation"),
])
def test_bad_inputs_are_clear_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        MagicNumber(**kwargs)


def test_bad_queries():
    model = MagicNumber(weights=[0.5, 0.5], labels=["a", "b"])
    for bad in (0, 1.5, -0.1):
        with pytest.raises(errors.InvalidArgumentError, match="coverage"):
            model.critical_mass(bad)
    with pytest.raises(errors.InvalidArgumentError, match="at most"):
        model.club(3)
    with pytest.raises(errors.InvalidArgumentError, match="no member"):
        model.coverage(["c"])
    with pytest.raises(errors.InvalidArgumentError, match="distinct"):
        model.coverage(["a", 0])
    with pytest.raises(errors.InvalidArgumentError, match="share"):
        model.benefit_of(2)
    with pytest.raises(errors.InvalidArgumentError, match="at least one"):
        model.net_benefit([])


def test_float_shares_within_tolerance_are_accepted():
    model = MagicNumber(weights=[0.1] * 10)
    assert model.critical_mass(0.3).k == 3
    assert model.critical_mass(1.0).k == 10


# -- the model contract ----------------------------------------------------------------------
class TestMagicNumberContract(ModelContract):
    no_game = "a design problem (which club size to convene), not a game among the members"

    def make(self):
        return MagicNumber(weights=[5, 3, 2], normalize=True, cost=Fraction(1, 10))

    def make_other(self):
        return MagicNumber(weights=[5, 3, 2], normalize=True, cost=Fraction(1, 5))

    changes = {"cost": Fraction(1, 20), "benefit": "concave"}
    bad = [
        (lambda: MagicNumber(weights=[0.5, 0.4]), errors.InvalidArgumentError, "sum to 1"),
        (lambda: MagicNumber(weights=[1], delta=0.9), errors.InvalidArgumentError,
         "cooperation"),
    ]
    bad_changes = [({"scale": -1}, errors.InvalidArgumentError, "scale")]
    exact_kwargs = {"weights": [Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)],
                    "cooperation": ConditionalCooperation(n=2, r=3), "delta": Fraction(1, 2)}
    float_kwargs = {"weights": [0.5, 0.3, 0.2],
                    "cooperation": ConditionalCooperation(n=2, r=3.0), "delta": 0.5}
    # the benefit side is float by design (concave sqrt, callables, delta distributions)
    inexact = {
        "curve": "net benefits p(k) B(P_k) - C(k) computed in floats (the class's Notes)",
    }
    outputs = [lambda m: m.critical_mass(Fraction(3, 4)).coverage,
               lambda m: m.coverage([0, 2]), lambda m: m.critical_discount(3),
               lambda m: m.critical_discount(1)]


def test_critical_discount_follows_the_cooperation_model():
    oye = ConditionalCooperation(n=2, r=3)
    model = MagicNumber(weights=[1] * 5, normalize=True, cooperation=oye, delta=Fraction(1, 2))
    for k in range(2, 6):
        assert model.critical_discount(k) == oye.with_(n=k).critical_discount()
    assert model.curve().critical_discount.tolist() == [
        model.critical_discount(k).delta for k in range(1, 6)]
