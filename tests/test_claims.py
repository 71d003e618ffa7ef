"""The claims machinery: one instance, a class of instances, counterexamples, the registry."""

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


def test_registry_refuses_duplicates():
    claim = Claim("test duplicate", "x", "y", lambda _: True, lambda: st.just(1))
    register(claim)
    with pytest.raises(errors.InvalidArgumentError, match="already registered"):
        register(claim)
    del ml.claims.REGISTRY["test duplicate"]


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
    assert model.critical_discount(larger) < model.critical_discount()  # really a reversal
    with pytest.raises(errors.InvalidArgumentError, match="no claim named"):
        ml.claims.verify("oye_group_sizes")
    with pytest.raises(errors.InvalidTypeError, match="Claim"):
        ml.claims.verify(42)
