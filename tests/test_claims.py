"""The claims machinery: one instance, a class of instances, counterexamples, the registry."""

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
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
        register(ml.claims.OLSON_DILUTION)  # a library claim cannot be registered twice
    with pytest.raises(errors.InvalidTypeError, match="Claim"):
        register("olson_dilution")
    assert set(registry) == set(before) | {"test duplicate"}


def test_registry_fixture_restores_the_catalogue():
    # runs after test_registry_refuses_duplicates: nothing it registered leaked
    assert "test duplicate" not in ml.claims.catalogue()
    assert len(ml.claims.catalogue()) == len(CATALOGUE)


CATALOGUE = (
    "informal_under_uncertainty", "koremenos_duration", "rosendorff_milner_escape",
    "barrett_paradox", "boyd_richerson_group_size", "chamberlin_crowding",
    "cheap_force_blocks_cooperation", "relative_gains_block_cooperation",
    "relative_gains_fade_with_numbers",
    "constructive_depth",
    "diffuse_reciprocity_scales",
    "entrapment_bilateral", "exclusivity_sorts", "exclusivity_value", "fearon_audience_costs",
    "fearon_bargaining_range",
    "fearon_costly_war", "fearon_risk_return", "harstad_broad_shallow",
    "harstad_preferred_when_many", "heterogeneity_favors_clubs",
    "inclusive_endorsement_is_credible",
    "kydd_informed_mediator", "leading_eight", "lipscy_outside_options",
    "mediation_off_ramp", "nested_cores", "no_channels_numbers_help",
    "nordhaus_club_threshold", "nowak_reciprocity",
    "olson_dilution",
    "olson_exploitation", "olson_group_size", "olson_suboptimality", "oye_common_interests",
    "oye_monitoring",
    "oye_sanctions",
    "oye_transparency",
    "power_monotone_in_weight",
    "power_proportional_to_weight", "powerplay_quadrants", "review_moves_pledges",
    "santos_pacheco_small_groups",
    "santos_pacheco_small_groups_finite", "small_stable_agreements", "tariff_participation",
    "tipping_set",
    "mediation_matches_arbitration", "weapons_under_strategic_risk",
    "busch_forum_shopping",
    "cheap_talk_defuses_arms_race",
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


# -- foils: claims registered in order to be refuted (issue 17) ---------------------------------
#: The popular, unqualified readings the library states to refute them, each beside the
#: qualified claim that holds (CHAMBERLIN_CROWDING; POWER_MONOTONE_IN_WEIGHT).
FOILS = ("olson_group_size", "power_proportional_to_weight")


def test_the_foils_are_flagged_and_nothing_else_is():
    expected = {name: claim.expected for name, claim in ml.claims.catalogue().items()}
    assert {name for name, e in expected.items() if e == "fails"} == set(FOILS)
    assert {e for name, e in expected.items() if name not in FOILS} == {"holds"}
    assert PD_DOMINANCE.expected == "holds"  # the default: a theory's claim


@pytest.mark.parametrize("name", FOILS)
def test_a_foil_is_refuted_as_expected(name):
    verdict = ml.claims.verify(name, max_examples=50)
    assert not verdict.holds and not bool(verdict)  # bool stays "holds", whatever expected
    assert verdict.expected == "fails" and verdict.as_expected
    assert not ml.claims.catalogue()[name].holds(verdict.counterexample)
    assert repr(verdict).startswith(f"Verdict({name}: fails, as expected, e.g. ")


def test_verdicts_against_their_expectation():
    true, false = (lambda _: True), (lambda k: k % 2 == 1)
    cases = [  # (predicate, expected) -> (as_expected, repr)
        (true, "holds", True, "Verdict(c: holds on 5 examples)"),
        (false, "holds", False, "Verdict(c: FAILS, e.g. 0)"),
        (false, "fails", True, "Verdict(c: fails, as expected, e.g. 0)"),
        (true, "fails", False, "Verdict(c: HOLDS on 5 examples, expected to fail)"),
    ]
    for predicate, expected, as_expected, shown in cases:
        claim = Claim("c", "x", "y", predicate, lambda: st.integers(), expected=expected)
        verdict = claim.verify(max_examples=5)
        assert verdict.expected == expected
        assert verdict.as_expected is as_expected
        assert repr(verdict) == shown


@pytest.mark.parametrize("expected", ["fail", "FAILS", True, None, ""])
def test_claim_expected_is_holds_or_fails(expected):
    with pytest.raises(errors.InvalidArgumentError, match="'holds' or 'fails'"):
        Claim("c", "x", "y", lambda _: True, lambda: st.integers(), expected=expected)


@pytest.mark.parametrize("kwargs, error", [
    ({"max_examples": 0}, errors.InvalidArgumentError),
    ({"domain": [1, 2]}, errors.InvalidTypeError),
])
def test_bad_input(kwargs, error):
    with pytest.raises(error):
        PD_DOMINANCE.verify(**kwargs)


def test_module_level_verify_by_name_or_claim():
    assert ml.claims.verify("olson_dilution", max_examples=20).holds
    verdict = ml.claims.verify(ml.claims.OLSON_GROUP_SIZE, max_examples=50)
    assert not verdict.holds
    model, larger = verdict.counterexample
    assert not model.per_member_falls(larger)  # a pure public good: more per member
    with pytest.raises(errors.InvalidArgumentError, match="no claim named"):
        ml.claims.verify("oye_group_size")  # the old name is gone: the dilution is Olson's
    with pytest.raises(errors.InvalidTypeError, match="Claim"):
        ml.claims.verify(42)


# -- the group-size claims, restated (issue 11): Olson's dilution is Olson's, not Oye's ------

@pytest.mark.parametrize("name, holds", [
    ("olson_suboptimality", True),     # Olson's own claim (pp. 35-36)
    ("olson_group_size", False),       # the popular reading, corrected by Chamberlin (1974)
    ("chamberlin_crowding", True),
    ("olson_dilution", True),          # r/n falls: Olson's mechanism in repeated play
    ("no_channels_numbers_help", True),  # mpcr fixed, no Oye channel at work
])
def test_group_size_claims_verdicts(name, holds):
    assert ml.claims.verify(name, max_examples=200).holds is holds


def test_olson_suboptimality_closed_forms():
    from fractions import Fraction as F
    provision = ml.models.PublicGoodProvision
    a, w = F(1, 3), F(2)
    for n in (1, 2, 7, 50):  # Cobb-Douglas summation: G*/G_opt = 1 / (1 + a (n - 1))
        m = provision.identical(n, w, a)
        assert m.shortfall() == 1 / (1 + a * (n - 1))
        assert m.optimum() - m.equilibrium().total == n * (1 - a) * w * a * (n - 1) / (
            1 + a * (n - 1))
    # best shot: one member provides its stand-alone level, the optimum is n times it
    assert [provision.identical(n, w, a, aggregation="best_shot").shortfall()
            for n in (1, 2, 5)] == [1, F(1, 2), F(1, 5)]
    # quasi-linear: a poor group gives all it has and is optimal until n w exceeds b
    assert [provision.identical(n, 2, benefit=5).shortfall() for n in (1, 2, 3, 5)] == [
        1, 1, F(5, 6), F(1, 2)]


def test_olson_suboptimality_qualifications():
    from fractions import Fraction as F
    provision = ml.models.PublicGoodProvision
    claim = ml.claims.OLSON_SUBOPTIMALITY
    # a weakest link: the Pareto-best equilibrium is the optimum at every size, no shortfall
    weakest = provision.identical(2, 2, F(1, 3), aggregation="weakest_link")
    assert {weakest.with_size(n).shortfall() for n in (1, 2, 10, 100)} == {1}
    assert claim.holds((weakest, 10))  # vacuously: neither group falls short
    # unlike members: a rich newcomer makes the group privileged and brings it closer
    small = provision([4, 2], a=F(3, 10))
    joined = provision([4, 2, 50], a=F(3, 10))
    assert (small.shortfall(), joined.shortfall()) == (F(10, 13), F(25, 28))
    assert joined.shortfall() > small.shortfall()


def test_dilution_and_non_rival_thresholds():
    from fractions import Fraction as F
    cc = ml.models.ConditionalCooperation
    rival, non_rival = cc(n=2, r=F(4, 3)), cc(n=2, mpcr=F(2, 3))
    sizes = (2, 7, 21, 193)
    # fixed multiplier: (n - r) / (r (n - 1)) rises towards 1 / r
    assert [rival.critical_discount(n).value for n in sizes] == [
        F(1, 2), F(17, 24), F(59, 80), F(575, 768)]
    # fixed per-capita return: (1 - m) / ((1 - m) + (m n - 1)) falls
    assert [non_rival.critical_discount(n).value for n in sizes] == [
        F(1, 2), F(1, 12), F(1, 40), F(1, 384)]
    assert "Oye" not in ml.claims.OLSON_DILUTION.source


@settings(max_examples=30)
@given(st.one_of(ml.strategies.conditional_cooperation_size_pairs("r"),
                 ml.strategies.conditional_cooperation_size_pairs("mpcr")))
def test_dilution_domains_switch_oyes_channels_off(pair):
    # perfect monitoring (transparency), collective grim punishment taken as credible
    # (sanctions), identical members whose common interest is known (common interests)
    model, _ = pair
    assert model.detection == 1 and model.attribution
    assert model.sanction == "untargeted" and model.punishment_rounds is None
    assert model.credibility == "subgame_perfect"  # grim reversion credible by assumption
    assert model.benefits is None


# -- issue 12: a search writes nothing where the user did not ask -------------------------

def _home(configuration):
    """Hypothesis's home directory (a Path in older versions, a StorageDirectory in newer)."""
    current = configuration.storage_directory()
    return getattr(current, "path", current)


def test_verify_writes_nothing_to_the_current_directory(monkeypatch, tmp_path):
    from hypothesis import configuration

    monkeypatch.delenv("HYPOTHESIS_STORAGE_DIRECTORY", raising=False)
    monkeypatch.chdir(tmp_path)
    before = _home(configuration)
    assert ml.claims.verify("oye_transparency", max_examples=5).holds
    assert PD_DOMINANCE.verify(max_examples=5).holds
    assert list(tmp_path.iterdir()) == []
    assert _home(configuration) == before  # the test suite's home is restored


def test_verify_in_a_fresh_interpreter_writes_nothing(tmp_path):
    # a fresh process computes hypothesis's caches (constants, Unicode tables) that a test
    # process already holds in memory: this is where ./.hypothesis used to appear
    code = ("import multilateral as ml\n"
            "from hypothesis import strategies as st\n"
            "assert ml.claims.verify('oye_transparency', max_examples=5).holds\n"
            "c = ml.claims.Claim('t', 't', 't', lambda s: isinstance(s, str), lambda: st.text())\n"
            "assert c.verify(max_examples=5).holds")
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_STORAGE_DIRECTORY"}
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                   timeout=300)
    assert list(tmp_path.iterdir()) == []


def test_verify_uses_the_storage_directory_the_user_chose(monkeypatch, tmp_path):
    # the folder hypothesis is given during the search is the chosen one (whether hypothesis
    # then writes there depends on its version and on where the code is installed: it caches
    # constants only of code outside site-packages)
    chosen = tmp_path / "hyp"
    env = {**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": str(chosen)}
    code = ("import hypothesis.strategies as st\n"
            "from hypothesis import configuration\n"
            "from multilateral.claims import Claim\n"
            "seen = []\n"
            "def pred(k):\n"
            "    home = configuration.storage_directory()\n"
            "    seen.append(str(getattr(home, 'path', home)))\n"
            "    return True\n"
            "assert Claim('probe', 'x', 'y', pred, lambda: st.integers()).verify(\n"
            "    max_examples=3).holds\n"
            "print(sorted(set(seen)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                         timeout=300, capture_output=True, text=True).stdout
    assert out.strip() == repr([str(chosen)])
    assert {p.name for p in tmp_path.iterdir()} <= {"hyp"}  # nothing else in the cwd


def test_nested_verify_restores_storage_once(monkeypatch, tmp_path):
    from hypothesis import configuration

    monkeypatch.delenv("HYPOTHESIS_STORAGE_DIRECTORY", raising=False)
    monkeypatch.chdir(tmp_path)
    before = _home(configuration)
    inner = Claim("inner", "x", "y", lambda k: PD_DOMINANCE.verify(max_examples=2).holds,
                  lambda: st.integers())
    assert inner.verify(max_examples=3).holds
    assert _home(configuration) == before
    assert list(tmp_path.iterdir()) == []
