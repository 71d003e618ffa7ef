"""The optimal mediator in a two-type crisis (after Hörner, Morelli and Squintani 2015)."""

from fractions import Fraction as F

import numpy as np
import pytest
from contract import ModelContract
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import linprog

from multilateral import errors
from multilateral.models import OptimalMediation, WarRiskComparison

probs = st.fractions(min_value=F(1, 20), max_value=F(19, 20), max_denominator=20)
advantages = st.fractions(min_value=F(11, 20), max_value=1, max_denominator=20)
costs = st.fractions(min_value=F(1, 40), max_value=F(2, 5), max_denominator=40)


def mediation_lp(q, t, c, N=40):
    """The least war probability of any mediator whose recommended splits lie on a grid of
    N + 1 shares: a linear program with obedience and lie-then-disobey constraints
    (an independent check, in floats, of the exact mechanisms)."""
    r = 1 - q
    S = np.arange(N + 1) / N
    n = N + 1
    # var layout: w_hh,w_hl,w_ll, pi_hh[n], pi_hl[n], pi_ll[n], zL[n], zH[n]

    ihh = 3
    ihl = 3 + n
    ill = 3 + 2 * n
    izl = 3 + 3 * n
    izh = 3 + 4 * n
    nv = 3 + 5 * n
    A = []
    b = []
    Ae = []
    be = []

    def row():
        return np.zeros(nv)

    # probabilities
    for k, iv in ((0, ihh), (1, ihl), (2, ill)):
        a = row()
        a[k] = 1
        a[iv : iv + n] = 1
        Ae.append(a)
        be.append(1)
    # symmetry hh and ll
    for iv in (ihh, ill):
        for j in range(n):
            if j < N - j:
                a = row()
                a[iv + j] = 1
                a[iv + N - j] = -1
                Ae.append(a)
                be.append(0)
    # feasibility: splits on grid already feasible.
    # obedience hawk told v (>=0): q pi_hh(v)(v-(1/2-c)) + r pi_hl(v)(v-(t-c))
    for j, v in enumerate(S):
        a = row()
        a[ihh + j] = -(q * (v - (0.5 - c)))
        a[ihl + j] = -(r * (v - (t - c)))
        A.append(a)
        b.append(0)
        # dove told v: q pi_hl(1-v) (v-(1-t-c)) + r pi_ll(v)(v-(1/2-c))
        a = row()
        a[ihl + (N - j)] = -(q * (v - (1 - t - c)))
        a[ill + j] = -(r * (v - (0.5 - c)))
        A.append(a)
        b.append(0)
    # truth payoffs as linear rows (coefficients)
    th = row()
    th[0] = q * (0.5 - c)
    th[1] = r * (t - c)
    th[ihh : ihh + n] = q * S
    th[ihl : ihl + n] = r * S
    tl = row()
    tl[1] = q * (1 - t - c)
    tl[2] = r * (0.5 - c)
    tl[ihl : ihl + n] = q * (1 - S)
    tl[ill : ill + n] = r * S
    # IR
    a = -th.copy()
    A.append(a)
    b.append(-(q * (0.5 - c) + r * (t - c)))
    a = -tl.copy()
    A.append(a)
    b.append(-(q * (1 - t - c) + r * (0.5 - c)))
    # dove posing hawk: z_v >= obeying v, z_v >= fighting when told v
    for j, v in enumerate(S):
        a = row()
        a[ihh + j] = q * v
        a[ihl + j] = r * v
        a[izl + j] = -1
        A.append(a)
        b.append(0)
        a = row()
        a[ihh + j] = q * (1 - t - c)
        a[ihl + j] = r * (0.5 - c)
        a[izl + j] = -1
        A.append(a)
        b.append(0)
        # hawk posing dove told v: opp hawk q pi_hl(1-v), opp dove r pi_ll(v)
        a = row()
        a[ihl + (N - j)] = q * v
        a[ill + j] = r * v
        a[izh + j] = -1
        A.append(a)
        b.append(0)
        a = row()
        a[ihl + (N - j)] = q * (0.5 - c)
        a[ill + j] = r * (t - c)
        a[izh + j] = -1
        A.append(a)
        b.append(0)
    # truth >= lie
    a = -tl.copy()
    a[0] += q * (1 - t - c)
    a[1] += r * (0.5 - c)
    a[izl : izl + n] += 1
    A.append(a)
    b.append(0)
    a = -th.copy()
    a[1] += q * (0.5 - c)
    a[2] += r * (t - c)
    a[izh : izh + n] += 1
    A.append(a)
    b.append(0)
    cost = row()
    cost[0] = q * q
    cost[1] = 2 * q * r
    cost[2] = r * r
    res = linprog(
        cost,
        A_ub=np.array(A),
        b_ub=b,
        A_eq=np.array(Ae),
        b_eq=be,
        bounds=[(0, None)] * nv,
        method="highs",
    )
    return res.fun, res.x


def test_worked_example():
    crisis = OptimalMediation(hawk_probability=F(3, 4), hawk_advantage=1, war_cost=F(1, 10))
    arb, talks, med = crisis.arbitration(), crisis.direct_talks(), crisis.mediation()
    assert (arb.war_probability, talks.war_probability, med.war_probability) == (
        F(3, 8),
        F(1, 2),
        F(3, 8),
    )
    assert med.credible and crisis.recommendation() == (F(1, 4), F(9, 10))
    assert all(v >= 0 for v in crisis.obedience_slacks().values())
    result = crisis.compare()
    assert isinstance(result, WarRiskComparison)
    assert result.removed == F(1, 8) and result.credible


@pytest.mark.parametrize(
    "q, t, c",
    [(0.75, 1.0, 0.1), (0.6, 0.9, 0.1), (0.3, 0.7, 0.1), (0.05, 0.8, 0.275), (0.1, 0.7, 0.175)],
)
def test_mediation_equals_arbitration_by_linear_programming(q, t, c):
    # Hörner, Morelli and Squintani (2015, p. 1483): mediators "can be equally effective as
    # arbitrators"; a grid LP over every mediator reaches the exact arbitration value,
    # also at points where the library's explicit scheme is not obeyed (the last two)
    crisis = OptimalMediation(hawk_probability=F(q), hawk_advantage=F(t), war_cost=F(c))
    best, _ = mediation_lp(q, t, c, N=40)
    assert best == pytest.approx(float(crisis.arbitration().war_probability), abs=1e-9)


@given(q=probs, t=advantages, c=costs)
def test_peace_thresholds_closed_forms(q, t, c):
    # the library's closed forms: direct talks keep the peace iff θ - c <= 1/2; arbitration
    # and mediation iff q >= (θ - c - 1/2)/(θ - 1/2): a wider range
    crisis = OptimalMediation(hawk_probability=q, hawk_advantage=t, war_cost=c)
    arb, talks, med = crisis.arbitration(), crisis.direct_talks(), crisis.mediation()
    assert (talks.war_probability == 0) == (t - c <= F(1, 2))
    assert (arb.war_probability == 0) == (q >= crisis.peace_threshold())
    assert arb.war_probability <= talks.war_probability
    if med.credible:
        assert med.war_probability == arb.war_probability


def test_mediation_beats_talks_where_confidentiality_matters():
    # HMS's abstract: simple unmediated protocols cannot achieve the same, as they preclude
    # confidentiality: a strict gain over a grid of parameters, obeyed at most of them
    gains = obeyed = 0
    for q in (F(k, 10) for k in range(1, 10, 2)):
        for t in (F(k, 10) for k in range(6, 11)):
            crisis = OptimalMediation(hawk_probability=q, hawk_advantage=t, war_cost=F(1, 10))
            med, talks = crisis.mediation(), crisis.direct_talks()
            if med.war_probability < talks.war_probability:
                gains += 1
                obeyed += med.credible
    assert gains > 0 and obeyed == gains


def _best_deviation_gap(crisis):
    """Brute force, independent of obedience_slacks: the explicit scheme as a distribution
    of recommendations for each pair of reports; for each true type, truth-and-obey minus
    the best report followed by the best reply (obey or fight) to each recommendation."""
    half = F(1, 2)
    q, t, c = crisis.hawk_probability, crisis.hawk_advantage, crisis.war_cost
    arb = crisis.arbitration()
    p_hh, p_hl = arb.war_hawks, arb.war_mixed
    lam, s = crisis.recommendation()
    mu = crisis.dove_split_probability()

    def to_me(me, other):
        if (me, other) == ("H", "H"):
            return {"war": p_hh, half: 1 - p_hh}
        if me != other:
            mine = s if me == "H" else 1 - s
            d = {"war": p_hl, half: (1 - p_hl) * lam}
            d[mine] = d.get(mine, 0) + (1 - p_hl) * (1 - lam)
            return d
        d = {half: mu}
        for x in (s, 1 - s):
            d[x] = d.get(x, 0) + (1 - mu) / 2
        return d

    prior = {"H": q, "L": 1 - q}
    war = {("H", "H"): half - c, ("H", "L"): t - c, ("L", "H"): 1 - t - c,
           ("L", "L"): half - c}
    gap = None
    for me in "HL":
        values = {}
        for report in "HL":
            msgs = {}
            for other in "HL":
                for msg, pr in to_me(report, other).items():
                    msgs.setdefault(msg, []).append((other, prior[other] * pr))
            obey = best = F(0)
            for msg, rows in msgs.items():
                fight = sum(p * war[me, o] for o, p in rows)
                comply = fight if msg == "war" else sum(p * msg for _, p in rows)
                obey += comply
                best += max(comply, fight)
            values[report] = (obey, best)
        g = values[me][0] - max(b for _, b in values.values())
        gap = g if gap is None else min(gap, g)
    return gap


@pytest.mark.parametrize(
    "q, t, c", [(F(1, 20), F(4, 5), F(11, 40)), (F(1, 10), F(7, 10), F(7, 40)),
                (F(3, 4), 1, F(1, 10)), (F(3, 10), F(7, 10), F(1, 10))]
)
def test_scheme_obeyed_by_brute_force(q, t, c):
    # the first two failed obedience with equal dove-dove splits (a hawk posing as a dove,
    # told 1/2, fought the dove it most likely faced); the randomized dove-dove split that
    # the LP finds fixes it: obeyed by brute force and by obedience_slacks, at arbitration's
    # war risk
    crisis = OptimalMediation(hawk_probability=q, hawk_advantage=t, war_cost=c)
    med, arb = crisis.mediation(), crisis.arbitration()
    assert med.credible and med.war_probability == arb.war_probability
    assert _best_deviation_gap(crisis) >= 0
    assert min(crisis.obedience_slacks().values()) >= 0
    if q == F(1, 20):
        # the grid LP's solution: the same lambda (0.1521), and its dove-dove equal-split
        # probability (0.5537) satisfies the library's constraints (mu is not unique: the
        # feasible mus form an interval, of which the library takes the top)
        _, x = mediation_lp(float(q), float(t), float(c), N=40)
        n = 41
        assert float(crisis.recommendation()[0]) == pytest.approx(x[3 + n + 20], abs=1e-6)
        lp_mu = F(x[3 + 2 * n + 20]).limit_denominator(10**6)
        assert min(crisis._slacks(lp_mu - F(1, 10**5)).values()) >= 0
    if q <= F(1, 10):
        assert crisis.dove_split_probability() < 1
        # with equal dove-dove splits the brute force finds the profitable deviation
        equal = crisis._slacks(F(1))
        assert equal["hawk does not lie and disobey"] < 0


def test_unobeyed_scheme_is_never_reported_as_the_mediators_outcome(monkeypatch):
    # should the scheme fail a constraint, mediation() reports the certified relay outcome
    # (direct talks'), flagged, never arbitration's
    crisis = OptimalMediation(hawk_probability=F(3, 4), hawk_advantage=1, war_cost=F(1, 10))
    bad = {"hawk does not lie and disobey": F(-1)}
    monkeypatch.setattr(OptimalMediation, "obedience_slacks", lambda self: bad)
    med, talks = crisis.mediation(), crisis.direct_talks()
    assert not med.credible and med.war_probability == talks.war_probability
    assert crisis.compare().removed == 0 and not crisis.compare().credible
    assert "not obeyed" in repr(med)


def test_obedience_holds_on_a_grid():
    for qi in (1, 2, 7, 13):
        for ti in (13, 16, 20):
            for ci in (1, 7, 13):
                q, t, c = F(qi, 20), F(ti, 20), F(ci, 40)
                crisis = OptimalMediation(hawk_probability=q, hawk_advantage=t, war_cost=c)
                med = crisis.mediation()
                assert med.credible
                assert med.war_probability == crisis.arbitration().war_probability


def test_floats_give_floats():
    crisis = OptimalMediation(hawk_probability=0.75, hawk_advantage=1.0, war_cost=0.1)
    assert crisis.mediation().war_probability == pytest.approx(0.375)
    assert isinstance(crisis.mediation().war_probability, float)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (
            {"hawk_probability": 0, "hawk_advantage": 1, "war_cost": F(1, 10)},
            errors.InvalidProbabilityError,
            "hawk_probability",
        ),
        (
            {"hawk_probability": F(1, 2), "hawk_advantage": F(1, 2), "war_cost": F(1, 10)},
            errors.InvalidArgumentError,
            "exceed 1/2",
        ),
        (
            {"hawk_probability": F(1, 2), "hawk_advantage": F(3, 2), "war_cost": F(1, 10)},
            errors.InvalidProbabilityError,
            "hawk_advantage",
        ),
        (
            {"hawk_probability": F(1, 2), "hawk_advantage": 1, "war_cost": 0},
            errors.InvalidArgumentError,
            "war_cost",
        ),
    ],
)
def test_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        OptimalMediation(**kwargs)


class TestOptimalMediationContract(ModelContract):
    def make(self):
        return OptimalMediation(hawk_probability=F(3, 4), hawk_advantage=1, war_cost=F(1, 10))

    def make_other(self):
        return OptimalMediation(hawk_probability=F(1, 2), hawk_advantage=1, war_cost=F(1, 10))

    changes = {"war_cost": F(1, 5)}
    bad = [
        (
            lambda: OptimalMediation(hawk_probability=2, hawk_advantage=1, war_cost=1),
            errors.InvalidProbabilityError,
            "hawk_probability",
        )
    ]
    bad_changes = [({"war_cost": -1}, errors.InvalidArgumentError, "war_cost")]
    no_game = (
        "a mechanism-design problem, not one game: the mechanisms are linear programs "
        "(checked against scipy in test_mediation_equals_arbitration_by_linear_programming)"
    )
    exact_kwargs = {"hawk_probability": F(3, 4), "hawk_advantage": 1, "war_cost": F(1, 10)}
    float_kwargs = {"hawk_probability": 0.75, "hawk_advantage": 1.0, "war_cost": 0.1}
    outputs = [
        lambda m: m.arbitration(),
        lambda m: m.mediation(),
        lambda m: m.compare(),
        lambda m: m.peace_threshold(),
    ]


def test_mediation_claim_verifies_and_is_registered():
    import multilateral as ml
    from multilateral.claims import MEDIATION_MATCHES_ARBITRATION

    assert MEDIATION_MATCHES_ARBITRATION.verify(max_examples=30).holds
    assert "mediation_matches_arbitration" in ml.claims.catalogue()
    # qualification: talks alone do not match arbitration
    crisis = OptimalMediation(hawk_probability=F(3, 4), hawk_advantage=1, war_cost=F(1, 10))
    assert crisis.direct_talks().war_probability > crisis.arbitration().war_probability
