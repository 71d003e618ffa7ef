"""The claims machinery: one instance, a class of instances, counterexamples, the registry."""

import subprocess
import sys

import pytest
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.claims import Claim, register

PD_DOMINANCE = Claim(
    name="defection dominates",
    statement="in a Prisoners' Dilemma defection strictly dominates cooperation",
    source="textbook",
    predicate=lambda g: ml.solvers.pure_nash_equilibria(g) == ((1, 1),),
    domain=lambda: ml.strategies.prisoners_dilemmas(),
)
OVERREACH = Claim(
    name="mutual cooperation is an equilibrium",
    statement="in every Oye game mutual cooperation is an equilibrium",
    source="a strawman",
    predicate=lambda g: (0, 0) in ml.solvers.pure_nash_equilibria(g),
    domain=lambda: ml.strategies.oye_games(),
)


def test_a_true_claim_holds_over_its_class():
    verdict = PD_DOMINANCE.verify(max_examples=50)
    assert verdict.holds and bool(verdict)
    assert verdict.counterexample is None
    assert "holds on 50 examples" in repr(verdict)


def test_a_false_claim_gets_a_counterexample_that_really_fails():
    verdict = OVERREACH.verify(max_examples=200)
    assert not verdict.holds
    assert not OVERREACH.holds(verdict.counterexample)
    assert verdict.counterexample.oye_type in {"prisoners_dilemma", "chicken", "deadlock"}


def test_verify_on_a_narrower_domain():
    assert OVERREACH.verify(ml.strategies.harmonies(), max_examples=30).holds


def test_verdicts_are_reproducible():
    a, b = OVERREACH.verify(max_examples=100), OVERREACH.verify(max_examples=100)
    assert a.counterexample == b.counterexample


@pytest.fixture
def registry():
    """The global registry, restored to its state before the test whatever the test does."""
    saved = dict(ml.claims.REGISTRY)
    try:
        yield ml.claims.REGISTRY
    finally:
        ml.claims.REGISTRY.clear()
        ml.claims.REGISTRY.update(saved)


def test_registry_refuses_duplicates(registry):
    before = dict(registry)
    claim = Claim("test duplicate", "x", "y", lambda _: True, lambda: st.just(1))
    assert register(claim) is claim
    assert registry["test duplicate"] is claim
    with pytest.raises(errors.InvalidArgumentError, match="already registered"):
        register(claim)
    with pytest.raises(errors.InvalidArgumentError, match="already registered"):
        register(ml.claims.OYE_GROUP_SIZE)  # a library claim cannot be registered twice
    with pytest.raises(errors.InvalidTypeError, match="Claim"):
        register("oye_group_size")
    assert set(registry) == set(before) | {"test duplicate"}


def test_registry_fixture_restores_the_catalogue():
    # runs after test_registry_refuses_duplicates: nothing it registered leaked
    assert "test duplicate" not in ml.claims.catalogue()
    assert len(ml.claims.catalogue()) == len(CATALOGUE)


CATALOGUE = (
    "barrett_paradox", "chamberlin_crowding", "diffuse_reciprocity_scales",
    "entrapment_bilateral", "heterogeneity_favors_clubs", "leading_eight",
    "mediation_off_ramp", "nowak_reciprocity", "olson_exploitation", "olson_group_size",
    "oye_group_size", "oye_group_size_nonrival", "oye_transparency", "power_monotone_in_weight",
    "power_proportional_to_weight", "powerplay_quadrants", "santos_pacheco_small_groups",
    "santos_pacheco_small_groups_finite", "small_stable_agreements",
)


def test_catalogue_is_every_claim_spelled_once():
    catalogue = ml.claims.catalogue()
    assert sorted(catalogue) == sorted(CATALOGUE)
    constants = {name: getattr(ml.claims, name) for name in ml.claims.__all__ if name.isupper()
                 and name != "REGISTRY"}
    # every registered claim is exported under one constant, and every constant is registered
    assert sorted(c.name for c in constants.values()) == sorted(CATALOGUE)
    assert all(catalogue[c.name] is c for c in constants.values())
    assert ml.claims.catalogue() is not ml.claims.REGISTRY  # a copy: callers cannot edit it


def test_claims_are_not_models():
    # the claim LEADING_EIGHT lives in claims; the norms leading_eight() stay in models
    assert not hasattr(ml.models, "LEADING_EIGHT")
    assert len(ml.models.leading_eight()) == 8
    assert ml.claims.LEADING_EIGHT.name == "leading_eight"
    for name in CATALOGUE:
        assert not hasattr(ml.models, name.upper())
        assert not hasattr(ml.solvers, name.upper())


def test_import_registers_the_catalogue_in_a_fresh_interpreter():
    code = "import multilateral.claims as c; print(sorted(c.REGISTRY))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300).stdout
    assert out.strip() == str(sorted(CATALOGUE))


@pytest.mark.parametrize("kwargs, error", [
    ({"max_examples": 0}, errors.InvalidArgumentError),
    ({"domain": [1, 2]}, errors.InvalidTypeError),
])
def test_bad_input(kwargs, error):
    with pytest.raises(error):
        PD_DOMINANCE.verify(**kwargs)


def test_module_level_verify_by_name_or_claim():
    assert ml.claims.verify("oye_group_size", max_examples=20).holds
    verdict = ml.claims.verify(ml.claims.OYE_GROUP_SIZE_NONRIVAL, max_examples=50)
    assert not verdict.holds
    model, larger = verdict.counterexample
    assert model.critical_discount(larger).value < model.critical_discount().value  # a reversal
    with pytest.raises(errors.InvalidArgumentError, match="no claim named"):
        ml.claims.verify("oye_group_sizes")
    with pytest.raises(errors.InvalidTypeError, match="Claim"):
        ml.claims.verify(42)
