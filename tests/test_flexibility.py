"""Commitment against flexibility: Koremenos's duration, Rosendorff and Milner's escape clause,
hard against soft law (Abbott and Snidal; Vabulas and Snidal), and the institutions' case data."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given, settings

import multilateral as ml
from multilateral import errors
from multilateral.models import EscapeClause, LegalForm, TreatyDuration

F = Fraction


def counterexample(predicate, strategy):
    """A drawn instance on which ``predicate`` fails, or None (generate phase only: the
    shrink and explain phases of Claim.verify are not needed to show a statement false)."""
    from hypothesis import HealthCheck, Phase, find
    from hypothesis.errors import NoSuchExample
    try:
        return find(strategy, lambda m: not predicate(m),
                    settings=settings(max_examples=100, phases=[Phase.generate],
                                      database=None, derandomize=True, deadline=None,
                                      suppress_health_check=list(HealthCheck)))
    except NoSuchExample:
        return None


BASE = {"uncertainty": 4, "risk_aversion": 1, "renegotiation_cost": 1,
        "shock_probability": F(1, 5), "delta": F(9, 10)}


def brute_loss(model, duration, periods=400):
    """The loss summed period by period (floats): ``a (1 - q^k)`` in period ``k`` since the last
    renegotiation, ``c`` at each expiry (``delta^400`` is below ``1e-18`` at ``delta = 9/10``)."""
    a, q = float(model.risk_premium), 1 - float(model.shock_probability)
    d, c = float(model.delta), float(model.renegotiation_cost)
    total, k = 0.0, 0
    for t in range(periods):
        k += 1
        total += d ** t * a * (1 - q ** k)
        if duration is not None and k == duration:
            total += d ** (t + 1) * c
            k = 0
    return total


# -- Koremenos (2005): duration --------------------------------------------------------------
def test_loss_is_the_sum_of_the_periods_losses():
    model = TreatyDuration(**BASE)
    for duration in (None, 1, 2, 3, 7):
        assert float(model.loss(duration)) == pytest.approx(brute_loss(model, duration), rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(ml.strategies.treaty_duration_pairs())
def test_optimal_duration_is_the_argmin_of_the_exact_losses(pair):
    model = pair[0]
    best = model.optimal_duration()
    losses = {t: model.loss(t) for t in range(1, 60)}
    if best is None:
        assert all(loss >= model.loss() for loss in losses.values())
    else:
        assert model.loss(best) < model.loss()
        assert all(model.loss(best) <= loss for loss in losses.values())
        assert all(model.loss(best) < losses[t] for t in range(1, min(best, 60)))


def brute_best(model, longest=80):
    """The best duration by summing the periods' losses (floats, independent of the model's
    closed forms): the shortest finite duration whose loss is smallest, or None when none
    beats the indefinite agreement."""
    losses = {t: brute_loss(model, t) for t in range(1, longest + 1)}
    best = min(losses, key=lambda t: (round(losses[t], 9), t))
    return best if losses[best] < brute_loss(model, None) - 1e-9 else None


def test_koremenos_comparative_statics_published():
    """Koremenos (2005, p. 549): "the use of finite duration depends positively on the degree
    of uncertainty and states' relative risk aversion and negatively on the cost". She
    publishes the signs, not numbers: the signs are checked here along three sweeps against
    a brute-force sum of the periods' losses (and over a class by the claim below)."""
    model = TreatyDuration(**BASE)
    # by hand: a = 1 * 4 / 2 = 2, q = 4/5, A = a q / (1 - delta q) = (8/5) / (7/25) = 40/7
    assert model.critical_renegotiation_cost().exact == F(40, 7)
    # and the variance at which A reaches c = 1: 2 c (1 - delta q) / (r q) = (14/25)/(4/5)
    assert model.critical_uncertainty().exact == F(7, 10)
    inf = float("inf")
    for parameter, values, sign in (
            ("uncertainty", (F(1, 2), 1, 4, 16, 64), -1),
            ("risk_aversion", (F(1, 8), F(1, 4), 1, 8), -1),
            ("renegotiation_cost", (0, 1, 5, F(57, 10), 6), +1)):
        found = [model.with_(**{parameter: v}).optimal_duration() for v in values]
        assert found == [brute_best(model.with_(**{parameter: v})) for v in values]
        lengths = [inf if t is None else t for t in found]
        assert lengths == sorted(lengths, reverse=sign < 0)  # the published sign
        assert len(set(lengths)) >= 3  # the sweeps cross finite and indefinite durations


def test_shock_frequency_works_against_finite_duration():
    """The library's finding (not Koremenos's): A = a q / (1 - delta q) rises with q, so more
    frequent shifts make finite duration less likely; checked against brute-force sums."""
    model = TreatyDuration(**{**BASE, "renegotiation_cost": 3})
    chosen = []
    for p in (F(1, 10), F(1, 5), F(1, 2), F(4, 5)):
        m = model.with_(shock_probability=p)
        chosen.append(m.prefers_finite())
        assert (brute_best(m) is not None) == m.prefers_finite()
    assert chosen == [True, True, False, False]
    a, d = 2, F(9, 10)  # by hand at p = 1/2: A = 2 (1/2) / (1 - 9/20) = 20/11 < 3
    assert model.with_(shock_probability=F(1, 2)).insurance_value == a * F(1, 2) / (1 - d / 2)


def test_reductions():
    """Without shocks the forms differ only by the commitment gain; a clause never used is
    the rigid agreement; the formal form's treaty is the duration model."""
    form = LegalForm(credibility_gain=F(1, 2), sovereignty_cost=F(1, 4), **BASE)
    calm = form.with_(uncertainty=0)
    assert calm.flexibility_cost() == 0
    assert calm.value("formal") - calm.value("informal") == calm.commitment_gain()
    assert form.with_(renegotiation_cost=0).treaty.optimal_duration() == 1
    safe = EscapeClause(temptation=2, harm=1, agreement_value=3)  # value covers temptation
    assert safe.welfare() == safe.welfare(2) == safe.welfare(3) == 0
    assert safe.breakdown_probability() == 0 and safe.is_self_enforcing()


def test_koremenos_claim_and_a_nearby_false_statement():
    assert ml.claims.KOREMENOS_DURATION.verify(max_examples=40).holds

    def longer(pair):
        model, riskier = pair
        t, u = model.optimal_duration(), riskier.optimal_duration()
        return t is None or (u is not None and u >= t)

    found = counterexample(longer, ml.strategies.treaty_duration_pairs())
    assert found is not None and not longer(found)


def test_no_shocks_or_risk_neutrality_leave_the_agreement_indefinite():
    model = TreatyDuration(**BASE)
    for change in ({"shock_probability": 0}, {"shock_probability": 1}, {"risk_aversion": 0},
                   {"uncertainty": 0}):
        m = model.with_(**change)
        assert m.optimal_duration() is None and not m.prefers_finite()
        assert not m.critical_renegotiation_cost().attainable
    assert not model.with_(risk_aversion=0).critical_uncertainty().attainable


def test_floats_agree_with_fractions():
    exact = TreatyDuration(**BASE)
    floats = TreatyDuration(**{k: float(v) for k, v in BASE.items()})
    assert floats.optimal_duration() == exact.optimal_duration() == 3
    assert floats.loss(3) == pytest.approx(float(exact.loss(3)))
    assert isinstance(floats.loss(), float)
    # an exact tie between durations 2 and 3 (gains equal by hand) goes to the shorter
    d, q, big_a = F(9, 10), F(4, 5), exact.insurance_value
    w2, w3 = d**2 / (1 - d**2), d**3 / (1 - d**3)
    tie = (w2 * big_a * (1 - q**2) - w3 * big_a * (1 - q**3)) / (w2 - w3)
    tied = exact.with_(renegotiation_cost=tie)
    assert tie == F(504, 625) and tied.loss(2) == tied.loss(3) and tied.optimal_duration() == 2


def test_long_optima_are_found_quickly_and_exactly():
    model = TreatyDuration(uncertainty=1, risk_aversion=2, renegotiation_cost=0,
                           shock_probability=F(1, 1000), delta=F(99, 100))
    near = model.with_(renegotiation_cost=model.insurance_value * F(9, 10))
    assert near.optimal_duration() == 2396
    assert near.loss(2396) < near.loss(2395) and near.loss(2396) <= near.loss(2397)
    with pytest.raises(errors.InvalidArgumentError, match="too close to 1"):
        TreatyDuration(uncertainty=1, risk_aversion=1, renegotiation_cost=F(1, 10**9),
                       shock_probability=F(1, 10**7), delta=1 - F(1, 10**7)).optimal_duration()
    # the gain appears only after delta^T underflows: said, not answered wrongly
    tiny = TreatyDuration(uncertainty=1, risk_aversion=2, renegotiation_cost=0,
                          shock_probability=F(1, 1000), delta=F(1, 2))
    with pytest.raises(errors.InvalidArgumentError, match="out of reach"):
        tiny.with_(renegotiation_cost=tiny.insurance_value * (1 - F(1, 10**30))
                   ).optimal_duration()


def test_the_classes_are_not_vacuous():
    """The claims' classes contain the cases that could refute them: an indefinite treaty
    turning finite, a finite one shortening, a formal form turning informal."""
    counts = {"turns_finite": 0, "shortens": 0, "turns_informal": 0}

    @settings(max_examples=200, deadline=None, derandomize=True, database=None)
    @given(ml.strategies.treaty_duration_pairs(), ml.strategies.legal_form_pairs())
    def count(pair, forms):
        (a, b), (low, high) = [m.optimal_duration() for m in pair], forms
        counts["turns_finite"] += a is None and b is not None
        counts["shortens"] += a is not None and b is not None and b < a
        counts["turns_informal"] += low.choice() == "formal" and high.choice() == "informal"

    count()
    assert counts["turns_finite"] >= 20 and counts["shortens"] >= 20
    assert counts["turns_informal"] >= 8


# -- Rosendorff and Milner (2001): escape clauses ---------------------------------------------
def test_escape_welfare_by_integration():
    model = EscapeClause(temptation=F(5, 2), harm=1, agreement_value=F(3, 2))
    theta = (np.arange(200_000) + 0.5) / 200_000
    g, h, k = 2.5, 1.0, 1.5
    for e in (0.0, 0.5, 1.0, 1.5):
        esc = theta * g > e
        assert float(model.welfare(F(e))) == pytest.approx(np.mean((theta * g - h) * esc),
                                                           abs=1e-6)
    brk = theta * g > k
    rigid = np.mean(theta * g * brk) - h * brk.mean() - k * (1 - (1 - brk.mean()) ** 2)
    assert float(model.welfare()) == pytest.approx(rigid, abs=1e-6)


def test_rosendorff_milner_interior_optimum_published():
    """Rosendorff and Milner (2001, p. 829): the cost is chosen so that escape clauses are
    "neither too cheap to use ... nor too expensive"; the clause makes the regime durable."""
    model = EscapeClause(temptation=4, harm=1, agreement_value=2)
    best = model.optimal_escape_cost()
    assert best == 1 and 0 < best < model.temptation
    grid = [F(k, 100) for k in range(0, 401)]
    welfare = [model.welfare(e) for e in grid]
    assert max(welfare) == model.welfare(best) == F(9, 8)
    assert grid[welfare.index(max(welfare))] == 1  # interior, unique on the grid
    assert model.breakdown_probability() == F(3, 4) and model.breakdown_probability(best) == 0
    assert model.welfare(0) == 1 and model.welfare() == F(-1, 2) and model.welfare(3) == F(-1, 2)
    # a dear clause: the best is the dearest self-enforcing cost
    assert model.with_(harm=3).optimal_escape_cost() == 2


def test_escape_claim_and_nearby_false_statements():
    assert ml.claims.ROSENDORFF_MILNER_ESCAPE.verify(max_examples=40).holds
    for wrong in (lambda m: m.optimal_welfare() == m.welfare(0),  # a free clause is best
                  lambda m: m.optimal_escape_cost() == m.agreement_value,  # the dearest
                  # interior without the qualification
                  lambda m: m.optimal_escape_cost() > 0 and m.escape_probability(
                      m.optimal_escape_cost()) > 0,
                  # the breakdown jumps: never strictly between none and the rigid one's
                  lambda m: all(m.breakdown_probability(e) in (0, m.breakdown_probability())
                                for e in (m.temptation * F(k, 12) for k in range(13)))):
        assert counterexample(wrong, ml.strategies.escape_clauses()) is not None


def three_way_choice(model, escape_cost, points=20_000):
    """Welfare, breakdown and escape probabilities by letting each pressure on a midpoint
    grid pick the best of complying, escaping and breaking (floats, no closed forms)."""
    g, h, v = float(model.temptation), float(model.harm), float(model.agreement_value)
    r = float(model.breach_premium)
    theta = (np.arange(points) + 0.5) / points
    cost = np.inf if escape_cost is None else float(escape_cost)
    choice = np.argmax(np.stack([np.zeros(points), theta * g - cost,
                                 theta * g * (1 + r) - v]), axis=0)
    esc, brk = choice == 1, choice == 2
    breakdown = 1 - (1 - brk.mean()) ** 2
    welfare = (np.mean((theta * g - h) * esc) + (1 + r) * np.mean((theta * g - h) * brk)
               - v * breakdown)
    return welfare, breakdown, esc.mean()


@settings(max_examples=30, deadline=None)
@given(ml.strategies.escape_clauses())
def test_escape_clause_is_the_three_way_choice(model):
    """Against a brute force of each government's choice, at the costs where the regime
    changes and between them; and the best cost against a grid of 241 costs."""
    g, v, r = model.temptation, model.agreement_value, model.breach_premium
    for e in (None, 0, model.harm / 2, v / (1 + r) / 2, v / (1 + r), v, g):
        welfare, breakdown, escape = three_way_choice(model, e)
        assert float(model.welfare(e)) == pytest.approx(welfare, abs=2e-3 * (1 + r) * (g + v
                                                                                      + model.harm))
        assert float(model.breakdown_probability(e)) == pytest.approx(breakdown, abs=2e-4)
        assert float(model.escape_probability(e)) == pytest.approx(escape, abs=2e-4)
    best = model.welfare(model.optimal_escape_cost())
    assert all(best >= model.welfare(g * F(k, 120)) for k in range(241))


@settings(max_examples=30, deadline=None)
@given(ml.strategies.escape_clauses())
def test_no_breach_premium_is_the_sharp_model(model):
    """breach_premium = 0 reduces exactly to the closed forms of the one-step model."""
    m = model.with_(breach_premium=0)
    g, h, v = m.temptation, m.harm, m.agreement_value
    share = lambda x: min(x / g, F(1))  # noqa: E731
    assert m.optimal_escape_cost() == min(h, v, g)
    for e in (None, F(0), h, v, v + 1, g / 3):
        if e is not None and e <= v:
            u = share(e)
            assert m.welfare(e) == g * (1 - u * u) / 2 - h * (1 - u)
            assert m.breakdown_probability(e) == 0 and m.escape_probability(e) == 1 - u
        else:
            w = share(v)
            assert m.welfare(e) == g * (1 - w * w) / 2 - h * (1 - w) - v * (1 - w * w)
            assert m.breakdown_probability(e) == 1 - w * w and m.escape_probability(e) == 0


def test_breakdown_rises_gradually_with_a_breach_premium():
    """The breaking cutoff (agreement_value - e) / (temptation breach_premium), by hand:
    G = 4, V = 2, r = 1/4: nobody breaks up to e = V - G r = 1, the clause goes unused from
    e = V / (1 + r) = 8/5, where the rigid agreement's 1 - (2/5)^2 = 21/25 is reached."""
    model = EscapeClause(temptation=4, harm=1, agreement_value=2, breach_premium=F(1, 4))
    costs = [F(k, 20) for k in range(0, 41)]
    chances = [model.breakdown_probability(e) for e in costs]
    assert chances == sorted(chances) and chances[20] == 0 and chances[32] == F(21, 25)
    assert model.breakdown_probability(F(3, 2)) == 1 - (F(1, 2) / 1) ** 2
    assert len(set(chances[20:33])) == 13  # a new value at every step: no jump
    assert max(b - a for a, b in itertools.pairwise(chances)) <= F(1, 5)
    assert model.optimal_escape_cost() == 1 and model.optimal_welfare() == F(9, 8)
    # inside the band V <= G r <= 2 V a free clause is best (the library's finding)
    band = model.with_(breach_premium=F(1, 2))
    assert band.optimal_escape_cost() == 0
    assert band.welfare(0) > max(band.welfare(F(k, 10)) for k in range(1, 30))
    with pytest.raises(errors.InvalidArgumentError, match="breach_premium must be >= 0"):
        model.with_(breach_premium=-1)


# -- Abbott and Snidal (2000), Vabulas and Snidal (2013): formal against informal -------------
def test_legal_form_trades_credibility_against_flexibility():
    form = LegalForm(credibility_gain=F(1, 2), sovereignty_cost=F(1, 4), **BASE)
    assert form.commitment_gain() == F(5, 2)
    assert form.flexibility_cost() >= 0
    assert (form.choice() == "formal") == (form.commitment_gain() >= form.flexibility_cost())
    assert form.with_(uncertainty=0).choice() == "formal"
    assert form.with_(uncertainty=64).choice() == "informal"
    assert form.with_(credibility_gain=0, sovereignty_cost=0).choice() == "informal"
    assert form.treaty == TreatyDuration(**BASE)
    with pytest.raises(errors.InvalidArgumentError, match="form must be"):
        form.value("binding")


def test_informal_claim_and_a_nearby_false_statement():
    assert ml.claims.INFORMAL_UNDER_UNCERTAINTY.verify(max_examples=40).holds
    assert counterexample(lambda pair: pair[0].choice() == "informal"
                          or pair[1].choice() == "formal",
                          ml.strategies.legal_form_pairs()) is not None


@settings(max_examples=40, deadline=None)
@given(ml.strategies.legal_form_pairs())
def test_flexibility_cost_grows_with_uncertainty(pair):
    low, high = pair
    assert 0 <= low.flexibility_cost() <= high.flexibility_cost()


# -- bad parameters --------------------------------------------------------------------------
@pytest.mark.parametrize(("change", "error", "pattern"), [
    ({"uncertainty": -1}, errors.InvalidArgumentError, "variance cannot be negative"),
    ({"renegotiation_cost": F(-1, 2)}, errors.InvalidArgumentError, "cost cannot be negative"),
    ({"risk_aversion": -1}, errors.InvalidArgumentError, "risk_aversion must be >= 0"),
    ({"shock_probability": F(3, 2)}, errors.InvalidProbabilityError, "shock_probability"),
    ({"shock_probability": -0.1}, errors.InvalidProbabilityError, "shock_probability"),
    ({"delta": 1}, errors.InvalidArgumentError, "delta must be < 1"),
    ({"delta": 0}, errors.InvalidArgumentError, "delta must be > 0"),
])
def test_bad_duration_parameters(change, error, pattern):
    with pytest.raises(error, match=pattern):
        TreatyDuration(**{**BASE, **change})
    with pytest.raises(error, match=pattern):
        LegalForm(credibility_gain=0, sovereignty_cost=0, **{**BASE, **change})


def test_bad_escape_and_form_parameters():
    with pytest.raises(errors.InvalidArgumentError, match="harm must be >= 0"):
        EscapeClause(temptation=1, harm=-1, agreement_value=1)
    with pytest.raises(errors.InvalidArgumentError, match="temptation must be > 0"):
        EscapeClause(temptation=0, harm=1, agreement_value=1)
    with pytest.raises(errors.InvalidArgumentError, match="escape_cost must be >= 0"):
        EscapeClause(temptation=1, harm=1, agreement_value=1).welfare(-1)
    with pytest.raises(errors.InvalidArgumentError, match="sovereignty_cost must be >= 0"):
        LegalForm(credibility_gain=0, sovereignty_cost=-1, **BASE)
    with pytest.raises(errors.InvalidArgumentError, match="duration must be"):
        TreatyDuration(**BASE).loss(0)


# -- the contract ----------------------------------------------------------------------------
class TestTreatyDurationContract(ModelContract):
    def make(self):
        return TreatyDuration(**BASE)

    def make_other(self):
        return TreatyDuration(**{**BASE, "renegotiation_cost": 2})

    changes = {"uncertainty": 8, "delta": F(1, 2)}
    bad = [(lambda: TreatyDuration(**{**BASE, "uncertainty": -1}), errors.InvalidArgumentError,
            "variance"),
           (lambda: TreatyDuration(**{**BASE, "shock_probability": 2}),
            errors.InvalidProbabilityError, "shock_probability")]
    bad_changes = [({"renegotiation_cost": -1}, errors.InvalidArgumentError, "cost")]
    exact_kwargs = BASE
    float_kwargs = {k: float(v) for k, v in BASE.items()}
    outputs = [lambda m: m.loss(), lambda m: m.loss(2), lambda m: m.best_loss(),
               lambda m: m.critical_renegotiation_cost(), lambda m: m.critical_uncertainty()]
    no_game = ("a contract-design problem of identical states choosing one provision "
               "together (a single decision), not a game between players with distinct moves")


class TestLegalFormContract(ModelContract):
    def make(self):
        return LegalForm(credibility_gain=F(1, 2), sovereignty_cost=F(1, 4), **BASE)

    def make_other(self):
        return LegalForm(credibility_gain=F(1, 2), sovereignty_cost=1, **BASE)

    changes = {"credibility_gain": 1, "uncertainty": 2}
    bad = [(lambda: LegalForm(credibility_gain=-1, sovereignty_cost=0, **BASE),
            errors.InvalidArgumentError, "credibility_gain"),
           (lambda: LegalForm(credibility_gain=0, sovereignty_cost=0,
                              **{**BASE, "shock_probability": -1}),
            errors.InvalidProbabilityError, "shock_probability")]
    exact_kwargs = {"credibility_gain": F(1, 2), "sovereignty_cost": F(1, 4), **BASE}
    float_kwargs = {"credibility_gain": 0.5, "sovereignty_cost": 0.25, "benefit": 1.0,
                    **{k: float(v) for k, v in BASE.items()}}
    outputs = [lambda m: m.value("formal"), lambda m: m.value("informal"),
               lambda m: m.flexibility_cost(), lambda m: m.commitment_gain()]
    no_game = ("a choice of legal form by identical states (a single decision), not a game "
               "between players with distinct moves")


class TestEscapeClauseContract(ModelContract):
    def make(self):
        return EscapeClause(temptation=4, harm=1, agreement_value=2)

    def make_other(self):
        return EscapeClause(temptation=4, harm=3, agreement_value=2)

    changes = {"harm": 2, "agreement_value": 3}
    bad = [(lambda: EscapeClause(temptation=1, harm=-1, agreement_value=0),
            errors.InvalidArgumentError, "harm"),
           (lambda: EscapeClause(temptation=-1, harm=1, agreement_value=0),
            errors.InvalidArgumentError, "temptation")]
    exact_kwargs = {"temptation": 4, "harm": 1, "agreement_value": F(3, 2)}
    float_kwargs = {"temptation": 4.0, "harm": 1.0, "agreement_value": 1.5}
    outputs = [lambda m: m.welfare(), lambda m: m.welfare(m.optimal_escape_cost()),
               lambda m: m.optimal_escape_cost(), lambda m: m.breakdown_probability(),
               lambda m: m.escape_probability(1)]
    no_game = ("the pressure shocks are drawn per government and the choice between "
               "complying, escaping and breaking is a cutoff rule; the repeated game behind "
               "agreement_value is taken as a parameter, not built")


# -- the case: formal against informal --------------------------------------------------------
def test_case_facts_are_sourced_and_dated():
    from multilateral.cases import informal

    assert informal.institutions() == ("g20", "nato", "quad", "wto")
    for f in informal.INSTITUTION_FACTS:
        assert f.source and f.url.startswith("http") and f.date
    for name in informal.institutions():
        for attribute in ("form", "domain", "founding_instrument", "secretariat",
                          "decision_rule"):
            assert informal.fact(name, attribute).value
    assert [informal.form(n) for n in ("wto", "nato", "g20", "quad")] == \
        ["formal", "formal", "informal", "informal"]
    # the primary sources' dates
    assert informal.fact("wto", "founding_instrument").date == "1994-04-15"
    assert informal.fact("wto", "in_force").date == "1995-01-01"
    assert informal.fact("nato", "founding_instrument").date == "1949-04-04"
    assert informal.fact("g20", "first_leaders_summit").date == "2008-11-15"
    assert informal.fact("quad", "first_leaders_summit").date == "2021-03-12"
    # consistent with the groupings tables (reused, not copied)
    from multilateral.cases import alliances

    assert informal.founded("nato") == alliances.NATO_MEMBERS[0].date
    assert informal.fact("quad", "first_leaders_summit").date == \
        alliances.grouping_event("quad", "first_leaders_summit").date
    assert informal.member_count("quad") == 4 and informal.member_count("wto") is None
    assert informal.member_count("nato", date="1949-12-31") == 12


def test_case_errors():
    from multilateral.cases import informal

    with pytest.raises(errors.InvalidArgumentError, match="no institution 'un'"):
        informal.profile("un")
    with pytest.raises(errors.InvalidArgumentError, match="it has form"):
        informal.fact("quad", "charter")
