"""Bendor and Mookherjee's nested cores: flat trigger strategies against a federation."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral.claims import Claim
from multilateral.errors import InvalidArgumentError, InvalidProbabilityError, InvalidTypeError
from multilateral.models import NestedCores

F = Fraction
errors_ = st.integers(1, 60).map(lambda i: F(i, 200))
payoffs = st.integers(1, 12).map(lambda i: F(i, 4))
rounds = st.sampled_from([None, 1, 2, 3])


def _values(model: NestedCores, size: int, delta: Fraction, deviate: bool) -> Fraction:
    """Value of a member of a group of ``size`` at the start of a cooperative phase, with a
    one-shot deviation or not, from the Bellman equations (payoffs relative to the punishment
    phase: cooperate R = stake, punished 0), solved exactly: an independent check of the
    closed form."""
    eps, stake, gain = model.monitoring_error, model.stake(size), model.cost
    clean = (1 - eps) ** size
    clean_dev = eps * (1 - eps) ** (size - 1)
    L = model.punishment_rounds
    back = 0 if L is None else delta**L   # W = back * V: value at the start of punishment
    v = stake / (1 - delta * clean - delta * (1 - clean) * back)
    if not deviate:
        return v
    return stake + gain + delta * (clean_dev * v + (1 - clean_dev) * back * v)


# -- the published comparative statics (Bendor and Mookherjee 1987, p. 129) -------------------

@given(st.integers(2, 200), payoffs, payoffs)
def test_perfect_monitoring_decentralized_works_at_any_size(n, benefit, cost):
    # "decentralized conditional cooperation can ease iterated collective action dilemmas --
    # if all players perfectly monitor": the threshold c / (c + b) does not depend on n
    model = NestedCores(n=n, subgroups=1, benefit=benefit, cost=cost)
    assert model.critical_discount("flat").value == cost / (cost + benefit)
    assert model.cooperation("flat") == 1


@given(st.integers(2, 30), errors_, payoffs, payoffs, rounds)
def test_noise_makes_flat_cooperation_degrade_with_size(n, eps, benefit, cost, L):
    # "once monitoring uncertainty is introduced, such strategies degrade rapidly": the flat
    # threshold rises strictly with n (or is never met), and on-path cooperation falls
    small = NestedCores(n=n, subgroups=1, benefit=benefit, cost=cost, monitoring_error=eps,
                        punishment_rounds=L)
    large = small.with_(n=n + 1, subgroups=1)
    a, b = small.critical_discount("flat"), large.critical_discount("flat")
    assert (not b.attainable) or (a.attainable and a.delta < b.delta)
    if L is not None and b.attainable:
        assert large.cooperation("flat") < small.cooperation("flat")


@given(errors_, payoffs, payoffs, rounds)
def test_flat_cooperation_fails_past_a_size(eps, benefit, cost, L):
    # noise alone (no dilution: benefit and cost do not depend on n) ends flat cooperation
    model = NestedCores(n=2, subgroups=1, benefit=benefit, cost=cost, monitoring_error=eps,
                        punishment_rounds=L)
    n = 2
    while model.with_(n=n, subgroups=1).critical_discount("flat").attainable:
        n *= 2
    assert n < 10_000


def test_the_claim_holds_and_its_qualification_is_needed():
    assert ml.claims.verify("nested_cores", max_examples=100).holds
    # without the centre, at perfect monitoring, the federation is less stable: 19/45 vs 1/5
    # (a subgroup of 10 stakes only what its own members give it: 1 - (5/4)(10/19) = 13/38)
    weak = NestedCores(n=20, subgroups=2, cost=F(1, 4), selective_incentive=0)
    assert weak.stake(10) == F(13, 38)
    assert weak.critical_discount("flat").value == F(1, 5)
    assert weak.critical_discount("nested").value == F(19, 45)
    assert weak.compare().more_stable == "flat"
    # ... and with enough noise the federation wins even without a centre
    noisy = weak.with_(monitoring_error=F(3, 40))
    assert not noisy.critical_discount("flat").attainable
    assert noisy.critical_discount("nested").attainable
    assert noisy.compare().more_stable == "nested"
    with pytest.raises(InvalidArgumentError, match="selective_incentive = 1"):
        ml.claims.NESTED_CORES.holds(noisy)
    with pytest.raises(InvalidTypeError):
        ml.claims.NESTED_CORES.holds(42)


def test_the_claim_can_fail_nearby():
    # drop the centre from the qualification, or ask grim trigger for strictly more
    # cooperation: each nearby statement has counterexamples in the same class
    def more_stable(model):
        return model.compare().more_stable == "nested"

    def strictly_more(model):
        return model.compare().more_cooperation == "nested"

    loose = Claim("federation without centre", "x", "y", more_stable,
                  lambda: ml.strategies.nested_cores_models(max_n=12, selective_incentive=None))
    assert not loose.verify(max_examples=100).holds
    grim = Claim("grim strictly more", "x", "y", strictly_more,
                 lambda: ml.strategies.nested_cores_models(max_n=12))
    counter = grim.verify(max_examples=100).counterexample
    assert counter is not None and counter.punishment_rounds is None


def test_the_claims_domain_is_informative():
    # the class holds federations where both structures cooperate (the strict branch) and
    # where only the federation does, not only cases where both fail
    seen = {"both": 0, "only nested": 0, "neither": 0}

    @settings(max_examples=60, database=None, deadline=None)
    @given(ml.strategies.nested_cores_models(max_n=20))
    def tally(model):
        flat, nested = (model.critical_discount(s).attainable for s in ("flat", "nested"))
        seen["both" if flat else "only nested" if nested else "neither"] += 1

    tally()
    assert seen["both"] > seen["neither"] and seen["only nested"] > 0


@given(st.integers(3, 60), payoffs, payoffs)
def test_without_the_centre_subgroups_need_schellings_minimal_coalition(n, benefit, cost):
    # no centre, no noise: a subgroup of m sustains its own reciprocity iff its members'
    # gifts outweigh the cost, (b + c)(m - 1) / (n - 1) > c
    for m in range(1, n):
        model = NestedCores(n=n, subgroups=(m, n - m), benefit=benefit, cost=cost,
                            selective_incentive=0)
        sustained = model.subgroup_critical_discounts()[0].attainable
        assert sustained == ((benefit + cost) * (m - 1) > cost * (n - 1))


@given(ml.strategies.nested_cores_models(max_n=20))
def test_singletons_are_the_most_stable_with_a_free_centre(model):
    # the library's finding (the model leaves out the limits of central administration):
    # selective incentives on individuals (subgroups of one) beat every coarser federation
    central = model.with_(subgroups=model.n)
    assert central.critical_discount().delta <= model.critical_discount().delta  # inf: never
    assert central.cooperation() >= model.cooperation()


@given(ml.strategies.nested_cores_models(max_n=12, selective_incentive=None))
def test_perfect_monitoring_never_favours_the_federation(model):
    # at epsilon = 0 nesting buys nothing: equal with the full centre, worse without it
    exact = model.with_(monitoring_error=0)
    result = exact.compare()
    if exact.selective_incentive == 1 or not result.flat_critical.attainable:
        assert result.more_stable == "equal"   # the same threshold, or both never
    else:
        assert result.more_stable == "flat"


# -- the closed forms against independent computations ----------------------------------------

@given(st.integers(2, 12), st.data(), errors_, payoffs, payoffs, st.sampled_from([None, 1]),
       st.integers(0, 4).map(lambda i: F(i, 4)))
def test_threshold_is_where_the_one_shot_deviation_stops_paying(n, data, eps, benefit, cost, L,
                                                                 share):
    # a group of m (the whole group, or the first subgroup of a federation): at the threshold
    # the one-shot deviation is exactly as good as cooperating, above it worse
    m = data.draw(st.integers(1, n))
    model = NestedCores(n=n, subgroups=(m, n - m) if m < n else 1, benefit=benefit, cost=cost,
                        monitoring_error=eps, punishment_rounds=L, selective_incentive=share)
    cd = (model.critical_discount("flat") if m == n else model.subgroup_critical_discounts()[0])
    if not cd.attainable:
        assert _values(model, m, F(999, 1000), True) >= _values(model, m, F(999, 1000), False)
        return
    delta = cd.value
    assert isinstance(delta, Fraction)
    assert _values(model, m, delta, True) == _values(model, m, delta, False)
    above = (delta + 1) / 2
    assert _values(model, m, above, True) < _values(model, m, above, False)


def test_longer_phases_give_algebraic_thresholds():
    model = NestedCores(n=10, subgroups=(4, 6), monitoring_error=F(1, 50), punishment_rounds=3)
    cd = model.critical_discount("flat")
    assert cd.exact is not None and not isinstance(cd.exact, Fraction)
    d = cd.delta
    dev, stay = (_values(model.with_(benefit=1.0, cost=0.5, monitoring_error=0.02), 10, d, x)
                 for x in (True, False))
    assert dev == pytest.approx(stay, rel=1e-9)
    # floats bisect to the same root
    assert model.with_(cost=0.5).critical_discount("flat").delta == pytest.approx(d, rel=1e-9)


def _linear_pd(n: int, benefit: Fraction, cost: Fraction) -> ml.NormalFormGame:
    """The stage game the model reduces: each cooperator (action 0) gives every other member
    (b + c) / (n - 1) at a cost c to himself (T - R = c, R - P = b)."""
    gift = (benefit + cost) / (n - 1)
    pay = np.empty((2,) * n + (n,), dtype=object)
    for prof in itertools.product(range(2), repeat=n):
        for i in range(n):
            given_to_i = sum(1 for j in range(n) if j != i and prof[j] == 0)
            pay[(*prof, i)] = gift * given_to_i - (cost if prof[i] == 0 else 0)
    return ml.NormalFormGame(pay)


def _trigger(n: int, me: int, watched: set[int], rounds: int | None) -> A.Automaton:
    """Player ``me``'s public trigger strategy: cooperate while the reported actions of the
    ``watched`` members (his own included) are all C; else defect for ``rounds`` rounds."""
    others = [j for j in range(n) if j != me]
    states = 2 if rounds is None else 1 + rounds
    table = []
    for s in range(states):
        row = []
        for own in range(2):
            cells = []
            for signal in range(2 ** (n - 1)):
                seen = np.unravel_index(signal, (2,) * (n - 1))
                clean = own == 0 and all(seen[k] == 0 for k, j in enumerate(others)
                                         if j in watched)
                if s == 0:
                    cells.append(0 if clean else 1)
                else:
                    cells.append(1 if rounds is None else (s + 1) % states)
            row.append(cells)
        table.append(row)
    return A.Automaton([0] + [1] * (states - 1), table)


@pytest.mark.parametrize("n, sizes, eps, rounds", [
    (2, (2,), F(1, 10), None), (2, (2,), F(1, 10), 2), (3, (3,), F(1, 20), 1),
    (4, (2, 2), F(1, 10), None),
])
def test_thresholds_match_the_repeated_game_solver_on_the_stage_game(n, sizes, eps, rounds):
    # the generic subgame-perfect threshold of the trigger profile in the linear n-person PD
    # under public monitoring equals the closed form, flat and (no centre) nested
    b, c = F(1), F(1, 4)
    groups, start = [], 0
    for m in sizes:
        groups.append(set(range(start, start + m)))
        start += m
    profile = [_trigger(n, i, next(g for g in groups if i in g), rounds) for i in range(n)]
    solved = ml.solvers.critical_discount(_linear_pd(n, b, c), profile, monitoring_error=eps)
    model = NestedCores(n=n, subgroups=sizes, benefit=b, cost=c, monitoring_error=eps,
                        selective_incentive=0, punishment_rounds=rounds)
    assert solved.exact == model.critical_discount("nested").exact
    assert solved.attainable


def test_stakes_are_the_stage_games_payoff_differences():
    # a member of a punished subgroup of m loses the gifts of its m - 1 others net of his own
    # cost, plus the share of the rest's gifts the centre withholds
    b, c, share = F(1), F(1, 2), F(1, 2)
    n = 10
    game = _linear_pd(n, b, c)
    model = NestedCores(n=n, subgroups=(2, 3, 5), benefit=b, cost=c, selective_incentive=share)
    all_c = game.payoffs[(0,) * n + (0,)]
    for m in (2, 3, 5, 10):
        punished = game.payoffs[(1,) * m + (0,) * (n - m) + (0,)]   # player 0 in the subgroup
        withheld = share * (punished - game.payoffs[(1,) * n + (0,)])   # the rest's gifts
        assert model.stake(m) == all_c - punished + withheld
    assert model.stake(10) == b


def test_cooperation_matches_a_simulation():
    model = NestedCores(n=6, subgroups=(2, 4), monitoring_error=0.05, punishment_rounds=2)
    rng = random.Random(11)

    def simulate(size: int, periods: int = 60_000) -> float:
        cooperating, punish = 0, 0
        for _ in range(periods):
            if punish:
                punish -= 1
                continue
            cooperating += 1
            if any(rng.random() < 0.05 for _ in range(size)):
                punish = 2
        return cooperating / periods

    assert simulate(6) == pytest.approx(model.cooperation("flat"), abs=0.01)
    nested = (2 * simulate(2) + 4 * simulate(4)) / 6
    assert nested == pytest.approx(model.cooperation("nested"), abs=0.01)


def test_grim_cooperation_is_zero_under_noise_and_delta_cuts_unsustained_groups():
    model = NestedCores(n=9, subgroups=(3, 6), monitoring_error=F(1, 10))
    assert model.cooperation("flat") == 0 and model.cooperation("nested") == 0
    assert model.with_(monitoring_error=0).cooperation("nested") == 1
    finite = model.with_(punishment_rounds=2, cost=F(1, 8))
    small, large = finite.subgroup_critical_discounts()
    between = F(1, 2) * (F(str(small.delta)) + F(str(large.delta)))
    assert small.delta < between < large.delta
    level = finite.cooperation("nested", delta=between)
    assert level == F(3, 9) * finite.with_(n=3, subgroups=1).cooperation("flat")


def test_subgroup_thresholds_and_stakes():
    m = NestedCores(n=10, subgroups=(2, 3, 5), selective_incentive=F(1, 2))
    # b - (1 - 1/2)(3/2)(10 - m)/9 = 1 - (10 - m)/12
    assert [m.stake(s) for s in (2, 3, 5, 10)] == [F(1, 3), F(5, 12), F(7, 12), 1]
    assert m.clean_record(3) == 1
    assert len(m.subgroup_critical_discounts()) == 3
    assert m.critical_discount("nested") == max(m.subgroup_critical_discounts(),
                                                key=lambda cd: cd.delta)
    assert NestedCores(n=12, subgroups=4).subgroups == (3, 3, 3, 3)
    assert NestedCores(n=12, subgroups=[5, 7]).subgroups == (5, 7)


def test_float_inputs_give_floats():
    m = NestedCores(n=20, subgroups=4, benefit=1.0, cost=0.5, monitoring_error=0.01,
                    punishment_rounds=3)
    assert isinstance(m.cooperation(), float)
    assert m.critical_discount().exact is None
    assert isinstance(m.compare(0.9).nested_cooperation, float)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"n": 1, "subgroups": 1}, InvalidArgumentError, "n must"),
    ({"n": 6, "subgroups": 4}, InvalidArgumentError, "do not partition"),
    ({"n": 6, "subgroups": (2, 3)}, InvalidArgumentError, "partition"),
    ({"n": 6, "subgroups": (0, 6)}, InvalidArgumentError, "subgroups"),
    ({"n": 6, "subgroups": "2,4"}, InvalidTypeError, "subgroups"),
    ({"n": 6, "subgroups": 2, "monitoring_error": -0.1}, InvalidProbabilityError,
     "monitoring_error"),
    ({"n": 6, "subgroups": 2, "monitoring_error": 1.5}, InvalidProbabilityError,
     "monitoring_error"),
    ({"n": 6, "subgroups": 2, "monitoring_error": F(1, 2)}, InvalidArgumentError,
     "uninformative"),
    ({"n": 6, "subgroups": 2, "monitoring_error": 0.7}, InvalidArgumentError, "uninformative"),
    ({"n": 6, "subgroups": 2, "selective_incentive": 2}, InvalidProbabilityError,
     "selective_incentive"),
    ({"n": 6, "subgroups": 2, "cost": 0}, InvalidArgumentError, "cost"),
    ({"n": 6, "subgroups": 2, "benefit": -1}, InvalidArgumentError, "benefit"),
    ({"n": 6, "subgroups": 2, "punishment_rounds": 0}, InvalidArgumentError,
     "punishment_rounds"),
])
def test_bad_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        NestedCores(**kwargs)


def test_bad_arguments():
    m = NestedCores(n=6, subgroups=2)
    with pytest.raises(InvalidArgumentError, match="structure"):
        m.critical_discount("central")  # type: ignore[arg-type]
    with pytest.raises(InvalidProbabilityError, match="delta"):
        m.cooperation("flat", delta=2)
    with pytest.raises(InvalidArgumentError, match="size"):
        m.stake(0)


def test_case_numbers_from_the_shipped_data():
    from multilateral.cases.alliances import members
    g7, g20 = members("g7"), members("g20")
    assert len(g7) == 7 and len(g20) == 21 and set(g7) <= set(g20)
    m = NestedCores(n=len(g20), subgroups=(len(g7), len(g20) - len(g7)),
                    monitoring_error=F(1, 100))
    assert m.compare().more_stable == "nested"


class TestNestedCoresContract(ModelContract):
    def make(self) -> NestedCores:
        return NestedCores(n=12, subgroups=3, monitoring_error=F(1, 20))

    def make_other(self) -> NestedCores:
        return NestedCores(n=12, subgroups=(4, 8), monitoring_error=F(1, 20))

    changes: ClassVar[dict[str, Any]] = {"monitoring_error": F(1, 10), "punishment_rounds": 2}
    bad: ClassVar[list[Any]] = [
        (lambda: NestedCores(n=1, subgroups=1), InvalidArgumentError, "n must"),
        (lambda: NestedCores(n=5, subgroups=2), InvalidArgumentError, "partition"),
        (lambda: NestedCores(n=4, subgroups=2, monitoring_error=F(1, 2)),
         InvalidArgumentError, "uninformative"),
        (lambda: NestedCores(n=4, subgroups=2, monitoring_error=-1), InvalidProbabilityError,
         "monitoring_error"),
    ]
    bad_changes: ClassVar[list[Any]] = [({"subgroups": (3, 3)}, InvalidArgumentError,
                                         "partition")]
    exact_kwargs: ClassVar[dict[str, Any]] = {"n": 12, "subgroups": 3, "benefit": 1,
                                              "cost": F(1, 2), "monitoring_error": F(1, 20),
                                              "punishment_rounds": 1}
    float_kwargs: ClassVar[dict[str, Any]] = {"n": 12, "subgroups": 3, "benefit": 1.0,
                                              "cost": 0.5, "monitoring_error": 0.05,
                                              "punishment_rounds": 1}
    outputs: ClassVar[list[Any]] = [
        lambda m: m.critical_discount("flat"), lambda m: m.critical_discount("nested"),
        lambda m: m.cooperation("flat"), lambda m: m.cooperation("nested"),
        lambda m: m.subgroup_critical_discounts(), lambda m: m.stake(4),
        lambda m: m.clean_record(4),
    ]
    no_game = ("closed forms for the linear n-person Prisoners' Dilemma under noisy public "
               "monitoring at any n (n = 193, 10_000): a game object would have 2^n profiles; "
               "for n <= 4 the tests build the stage game and the repeated-game solver "
               "reproduces the thresholds exactly, with noise, flat and nested")


def test_arrays_stay_out():
    # nothing in the model is an array; keep it that way (value semantics by tuples)
    m = NestedCores(n=6, subgroups=[2, 4])
    assert not any(isinstance(v, np.ndarray) for v in vars(m).values())
