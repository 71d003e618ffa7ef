"""Climate clubs (Nordhaus 2015): coalition stability with a penalty tariff on outsiders."""

import math
from datetime import date
from fractions import Fraction as F

import pytest
from contract import ModelContract
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import errors
from multilateral.models import ClimateClub, SelfEnforcingAgreement

specs = st.sampled_from(["linear", "binary", "barrett"])
ties = st.sampled_from(["join", "stay_out"])
quarters = st.integers(1, 40).map(lambda i: F(i, 4))


# -- the published results -----------------------------------------------------------------------
def test_nordhaus_no_club_without_sanctions_p1339():
    """Nordhaus (2015, p. 1339): "without sanctions against non-participants there are no
    stable coalitions other than those with minimal abatement"."""
    for n in (3, 15, 200):  # his C-DICE has 15 regions
        for price in (F(25, 2), 25, 50, 100):  # target prices as multiples of b = 1 (illustrative)
            assert ClimateClub(n=n, benefit=1, cost=1, target_price=price).stable_sizes() == (0,)


def test_nordhaus_small_penalties_induce_a_large_club_p1339():
    """Nordhaus (2015, p. 1339): "small trade penalties on non-participants ... can induce a
    large stable coalition with high levels of abatement". In this model (identical countries:
    the jump is the library's, not his) participation jumps from none to all at tariff * trade
    = (p - b)**2 / (2 c), derived by hand; abatement jumps from n b / c to n p / c."""
    club = ClimateClub(n=15, benefit=1, cost=1, target_price=3, trade=10)
    assert club.least_tariff(15) == ml.results.Threshold.at(F(1, 5), "tariff")
    grid = [F(i, 20) for i in range(9)]
    assert club.participation(grid) == (0,) * 4 + (15,) * 5
    low, high = club.with_(tariff=F(1, 10)).equilibrium(), club.with_(tariff=F(1, 5)).equilibrium()
    assert (low.size, low.total_abatement) == (0, 15)
    assert (high.size, high.total_abatement) == (15, 45)
    assert high.welfare > low.welfare  # no outsider left to pay the tariff


def test_higher_target_price_needs_a_higher_tariff():
    """The threshold rises with the target price, here as (p - b)**2 / (2 c) (the expected
    values are that hand-derived formula, not numbers from Nordhaus's tables, which were not
    read)."""
    need = [ClimateClub(n=15, benefit=1, cost=1, target_price=p).least_tariff(15).exact
            for p in (F(25, 2), 25, 50, 100)]
    assert need == [F(529, 8), F(288), F(2401, 2), F(9801, 2)]
    assert need == sorted(need)


def test_a_nearby_false_statement_fails():
    """'Any positive tariff gives full participation' is false (the threshold is real), and
    the claim checked on it finds a counterexample."""
    club = ClimateClub(n=10, benefit=1, cost=1, target_price=3, tariff=1)
    assert club.stable_sizes() == (0,)
    claim = ml.claims.Claim("any tariff", "any positive tariff gives full participation", "-",
                            lambda c: c.tariff == 0 or c.n in c.stable_sizes(),
                            ml.strategies.climate_clubs)
    assert not claim.verify(max_examples=50).holds


def test_costly_imposition_breaks_monotone_participation():
    """The library's finding beside TARIFF_PARTICIPATION: with a cost of imposing the tariff
    a higher tariff can unravel a club (Barrett 1997: sanctions must be credible)."""
    verdict = ml.claims.TARIFF_PARTICIPATION.verify(
        ml.strategies.climate_club_tariff_pairs(imposing_cost=1), max_examples=60)
    assert not verdict.holds
    lower, higher = verdict.counterexample
    assert lower.largest_stable_size() > higher.largest_stable_size()


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 40), quarters, quarters, quarters, st.integers(0, 400))
def test_linear_staircase(n, b, c, trade, tariff_quarters):
    """Coalition-optimizing linear game, tie 'join': the stable size is exactly
    3 + floor(2 tariff trade c / (b**2 (n - 1))), capped at n."""
    tariff = F(tariff_quarters, 4)
    club = ClimateClub(n=n, benefit=b, cost=c, trade=trade, tariff=tariff)
    k = 3 + math.floor(2 * tariff * trade * c / (b * b * (n - 1)))
    sizes = club.stable_sizes()
    assert max(sizes) == min(k, n)
    assert sizes == ((min(k, n),) if k <= n else sizes)


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 30), quarters, quarters, quarters, st.integers(0, 200), specs, ties,
       st.integers(0, 10), st.integers(0, 8))
def test_least_tariff_is_the_boundary(n, b, c, trade, tq, spec, tie, ct, g):
    """At the least tariff the size is stable (or, where a strict inequality binds, just
    above it); a little below it is not."""
    club = ClimateClub(n=n, benefit=b, cost=c, trade=trade, tariff=F(tq, 4),
                       imposing_cost=F(ct, 10), club_good=F(g, 4), specification=spec, tie=tie)
    k = min(n, 1 + tq % n)
    interval = club.tariff_interval(k)
    threshold = club.least_tariff(k)
    if interval is None:
        assert not threshold.attainable
        for t in (0, F(1, 3), 1, 10, 1000):
            assert not club.with_(tariff=t).stability(k).stable
        return
    low, high = interval
    assert threshold.exact == low
    mid = low + 1 if high == math.inf else (low + high) / 2
    assert club.with_(tariff=mid).stability(k).stable
    if low > 0:
        assert not club.with_(tariff=low * F(999, 1000)).stability(k).stable


def test_no_tariff_is_the_agreement_model():
    """Without tariff and club good the club is the SelfEnforcingAgreement it builds on."""
    for spec, b, c in (("linear", 1, 4), ("binary", 2, 25), ("barrett", 100, 1)):
        for tie in ("join", "stay_out"):
            club = ClimateClub(n=100, benefit=b, cost=c, specification=spec, tie=tie)
            sea = SelfEnforcingAgreement(n=100, benefit=b, cost=c, specification=spec, tie=tie)
            assert club.stable_sizes() == sea.stable_sizes()
            assert club.stability(5).gain_from_leaving == sea.stability(5).gain_from_leaving


def test_binary_jump_and_trade_restriction():
    club = ClimateClub(n=10, benefit=1, cost=4, specification="binary")
    assert club.participation([0, 2, 3, 4]) == (4, 4, 10, 10)
    ban = ClimateClub.trade_restriction(10, 1, 4, 6, specification="binary")
    assert (ban.tariff, ban.imposing_cost, ban.trade) == (1, 1, 6)
    assert ban.stable_sizes() == (0, 10)


def test_buchanan_club_good_alone_sustains_a_club():
    """An excludable benefit worth what a member saves by leaving makes every size stable
    from the inside; full participation then holds without any tariff."""
    club = ClimateClub(n=10, benefit=1, cost=1, target_price=3, club_good=2)
    assert 10 in club.stable_sizes()
    assert club.with_(club_good=F(19, 10)).stable_sizes() == (0,)


def test_trade_shares_by_coalition():
    shares = [F(1, 2), F(1, 4), F(1, 4)]
    club = ClimateClub(n=3, benefit=1, cost=1, target_price=3, tariff=3, trade_shares=shares)
    assert club.stable_coalitions() == ((), (0, 1, 2))
    even = club.with_(trade_shares=None)
    assert club.with_(trade_shares=[F(1, 3)] * 3).stable_sizes() == even.stable_sizes()
    assert even.payoffs([0, 1]) == (even.member_payoff(2),) * 2 + (even.outsider_payoff(2),)
    with pytest.raises(errors.InvalidArgumentError, match="equal trade shares"):
        club.stable_sizes()


def test_float_and_exact_agree_at_n_200():
    for spec, b, c in (("linear", 1, 1), ("binary", 1, 4), ("barrett", 100, 1)):
        exact = ClimateClub(n=200, benefit=b, cost=c, specification=spec, tariff=3, trade=2)
        floats = exact.with_(benefit=float(b), cost=float(c))
        assert exact.stable_sizes() == floats.stable_sizes()
        assert float(exact.least_tariff(200)) == pytest.approx(float(floats.least_tariff(200)))


def test_game_reproduces_stable_sizes():
    club = ClimateClub(n=6, benefit=1, cost=1, target_price=3, tariff=3)
    profiles = ml.solvers.pure_nash_equilibria(club.game.to_normal_form())
    assert {p.count(0) for p in profiles} >= set(club.stable_sizes())


# -- bad inputs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, match", [
    ({"tariff": -1}, "tariff must be >= 0"),
    ({"trade": -F(1, 2)}, "trade must be >= 0"),
    ({"imposing_cost": -1}, "imposing_cost must be >= 0"),
    ({"club_good": -1}, "club_good must be >= 0"),
    ({"cost": -1}, "cost must be > 0"),
    ({"n": 1}, "n must"),
    ({"trade_shares": [F(1, 2), F(1, 4), F(1, 8)]}, "sum to one"),
    ({"trade_shares": [F(1, 2), F(1, 2)]}, "one share per country"),
    ({"trade_shares": [F(3, 2), -F(1, 4), -F(1, 4)]}, ">= 0"),
    ({"target_price": 3, "specification": "binary"}, "target_price needs"),
])
def test_bad_parameters(kwargs, match):
    params = {"n": 3, "benefit": 1, "cost": 1, **kwargs}
    with pytest.raises(errors.InvalidArgumentError, match=match):
        ClimateClub(**params)


def test_coalition_larger_than_n():
    club = ClimateClub(n=5, benefit=1, cost=1)
    for call in (club.least_tariff, club.stability, club.welfare):
        with pytest.raises(errors.InvalidArgumentError, match=r"0\.\.5 \(n = 5 countries\)"):
            call(6)
    with pytest.raises(errors.InvalidArgumentError, match="indices"):
        club.payoffs([0, 7])


# -- the model contract -----------------------------------------------------------------------
class TestClimateClubContract(ModelContract):
    def make(self):
        return ClimateClub(n=10, benefit=1, cost=1, target_price=3, tariff=2)

    def make_other(self):
        return ClimateClub(n=10, benefit=1, cost=1, target_price=3, tariff=3)

    changes = {"n": 12, "tariff": 5}
    bad = [
        (lambda: ClimateClub(n=3, benefit=1, cost=1, tariff=-1), errors.InvalidArgumentError,
         "tariff"),
        (lambda: ClimateClub(n=3, benefit=1, cost=1, tie="maybe"), errors.InvalidArgumentError,
         "tie"),
    ]
    bad_changes = [({"trade_shares": [F(1, 10)] * 9 + [F(1, 5)]}, errors.InvalidArgumentError,
                    "sum to one")]
    exact_kwargs = {"n": 10, "benefit": 1, "cost": 2, "target_price": 3, "tariff": 1}
    float_kwargs = {"n": 10, "benefit": 1.0, "cost": 2.0, "target_price": 3.0, "tariff": 1.0}
    outputs = [lambda m: m.stability(3), lambda m: m.least_tariff(10), lambda m: m.welfare(4),
               lambda m: m.equilibrium(), lambda m: m.game, lambda m: m.abatement(2),
               lambda m: m.payoffs([0, 1])]


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), quarters, quarters, quarters, st.integers(0, 400), specs, ties,
       st.integers(0, 10), st.integers(0, 8), st.booleans())
def test_vectorized_sizes_equal_the_per_size_check(n, b, c, trade, tq, spec, tie, ct, g, floats):
    """stable_sizes (one pass over the tables) equals stability(k) size by size, exact and
    float."""
    club = ClimateClub(n=n, benefit=b, cost=c, trade=trade, tariff=F(tq, 4),
                       imposing_cost=F(ct, 10), club_good=F(g, 4), specification=spec, tie=tie)
    if floats:
        club = club.with_(benefit=float(b), cost=float(c), tariff=tq / 4)
    assert club.stable_sizes() == tuple(k for k in range(n + 1) if club.stability(k).stable)


def test_equilibria_over_tariffs():
    club = ClimateClub(n=10, benefit=1, cost=1, target_price=3)
    low, high = club.equilibria([0, 2])
    assert (low.size, low.member_abatement, low.outsider_abatement) == (0, 3, 1)
    assert (high.size, high.total_abatement, high.welfare) == (10, 30, 255)


# -- independent checks (referee review): a brute force from first principles -----------------
def _direct_payoffs(club, members):
    """Every country's payoff for the club ``members``, from the model's definition: the
    abatement payoffs (the agreement model's, or Nordhaus's target rule written out here) and
    the tariff terms computed from the trade shares (country j sends w[i] / (1 - w[j]) of its
    exports to i), without the model's tables or coalition code."""
    n, k = club.n, len(members)
    w = club.trade_shares or (F(1, n),) * n
    if club.target_price is None:
        sea = club.agreement
        base_s = sea.signatory_payoff(k) if k else None
        base_n = sea.non_signatory_payoff(k) if k < n else None
    else:
        q_s, q_n = club.target_price / club.cost, club.benefit / club.cost
        total = k * q_s + (n - k) * q_n
        base_s = club.benefit * total - club.cost * q_s**2 / 2
        base_n = club.benefit * total - club.cost * q_n**2 / 2
    out = []
    for i in range(n):
        if i in members:
            imports = sum((club.trade * w[i] / (1 - w[j]) for j in range(n) if j not in members),
                          F(0))
            out.append(base_s + club.club_good - club.imposing_cost * club.tariff * imports)
        else:
            exports = sum((club.trade * w[j] / (1 - w[i]) for j in members), F(0))
            out.append(base_n - club.tariff * exports)
    return out


def _direct_stable(club, members):
    pay = _direct_payoffs(club, members)
    for i in range(club.n):
        moved = members - {i} if i in members else members | {i}
        gain = _direct_payoffs(club, moved)[i] - pay[i]
        moves_when_indifferent = (club.tie == "stay_out") if i in members else club.tie == "join"
        if gain > 0 or (gain == 0 and moves_when_indifferent):
            return False
    return True


@st.composite
def small_clubs(draw, equal_shares=False):
    n = draw(st.integers(2, 5))
    spec = draw(specs)
    target = None
    if spec == "linear" and draw(st.booleans()):
        target = F(draw(st.integers(0, 40)), 4)
    shares = None
    if not equal_shares and draw(st.booleans()):
        raw = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
        shares = [F(r, sum(raw)) for r in raw]
    return ClimateClub(n=n, benefit=draw(quarters), cost=draw(quarters), trade=draw(quarters),
                       tariff=F(draw(st.integers(0, 80)), 4), trade_shares=shares,
                       imposing_cost=F(draw(st.integers(0, 10)), 10),
                       club_good=F(draw(st.integers(0, 4)), 4), target_price=target,
                       tie=draw(ties), specification=spec)


@settings(max_examples=40, deadline=None)
@given(small_clubs())
def test_coalitions_against_a_brute_force(club):
    """payoffs and stable_coalitions equal a direct computation, country by country, for every
    coalition (heterogeneous trade shares, every game and tie rule); with equal shares the stable
    sizes are the sizes of the stable coalitions."""
    n = club.n
    every = [frozenset(i for i in range(n) if m >> i & 1) for m in range(1 << n)]
    for members in every:
        assert list(club.payoffs(members)) == _direct_payoffs(club, members)
    brute = tuple(tuple(sorted(s)) for s in every if _direct_stable(club, s))
    assert sorted(club.stable_coalitions()) == sorted(brute)
    if club.identical:
        assert set(club.stable_sizes()) == {len(s) for s in brute}


@settings(max_examples=20, deadline=None)
@given(small_clubs(equal_shares=True))
def test_tariff_interval_against_a_brute_force(club):
    """The stable tariffs of each size, found by brute force on a grid (a size is stable at t
    iff the coalition of its first k countries is, by the direct payoffs), lie in
    tariff_interval(k), and every grid point strictly inside it is stable."""
    grid = [F(i, 2) for i in range(0, 31)]
    for k in range(club.n + 1):
        interval = club.tariff_interval(k)
        members = frozenset(range(k))
        points = grid + ([interval[0], interval[0] + F(1, 1000)] if interval else [])
        for t in points:
            stable = _direct_stable(club.with_(tariff=t), members)
            if interval is None:
                assert not stable
            else:
                low, high = interval
                assert not stable or low <= t <= high
                assert stable or not low < t < high
        if interval is not None:
            assert club.least_tariff(k).exact == interval[0]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 40), quarters, quarters, specs, ties, st.booleans(),
       st.sampled_from([{}, {"imposing_cost": F(3, 2)}, {"tariff": 5, "trade": 0},
                        {"imposing_cost": 2, "trade": 7, "club_good": 0}]))
def test_tariff_zero_is_the_agreement_model_for_every_size(n, b, c, spec, tie, floats, extra):
    """With no tariff (or no trade to levy it on) and no club good the club is the
    SelfEnforcingAgreement it builds on: every size's stability, gains and payoffs, exact and
    float. (Payoffs where they are defined: the club reports None for a member's payoff with no
    members and an outsider's with none outside, where the agreement model evaluates its
    formula.)"""
    if floats:
        b, c = float(b), float(c)
    club = ClimateClub(n=n, benefit=b, cost=c, specification=spec, tie=tie, **extra)
    sea = SelfEnforcingAgreement(n=n, benefit=b, cost=c, specification=spec, tie=tie)
    assert club.stable_sizes() == sea.stable_sizes()
    for k in range(n + 1):
        ours, theirs = club.stability(k), sea.stability(k)
        assert (ours.internally_stable, ours.externally_stable) == (
            theirs.internally_stable, theirs.externally_stable)
        assert ours.gain_from_leaving == theirs.gain_from_leaving
        assert ours.gain_from_joining == theirs.gain_from_joining
        if k:
            assert ours.signatory_payoff == theirs.signatory_payoff
        if k < n:
            assert ours.non_signatory_payoff == theirs.non_signatory_payoff


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 5), st.lists(st.integers(1, 9), min_size=5, max_size=5),
       st.integers(1, 80), st.integers(1, 20), ties)
def test_target_rule_has_no_club_between_none_and_all(n, raw, tq, pq, tie):
    """The none-to-all jump is this model's, for any trade shares: under the target rule with
    a costless tariff no coalition strictly between none and all is stable (a member's loss
    from leaving, tariff trade (W - w_i) / (1 - w_i), is below every outsider's gain from
    joining, tariff trade W / (1 - w_j))."""
    shares = [F(r, sum(raw[:n])) for r in raw[:n]]
    club = ClimateClub(n=n, benefit=1, cost=1, target_price=1 + F(pq, 4), trade=1,
                       tariff=F(tq, 4), trade_shares=shares, tie=tie)
    assert all(len(s) in (0, n) for s in club.stable_coalitions())


# -- the case data (EU CBAM) -------------------------------------------------------------------
def test_cbam_tables_are_sourced_and_consistent():
    """Every row has a source, an address and a status that says confirmed or UNCONFIRMED; the
    timeline is in order; the phase-in rises from none (2025) to all (2034)."""
    from multilateral.cases import cbam
    rows = [*cbam.EVENTS, *cbam.SECTORS, *cbam.PHASE_IN]
    for row in rows:
        assert row.source and row.url.startswith("https://")
        assert row.status.startswith(("confirmed", "UNCONFIRMED"))
    dates = [e.date for e in cbam.EVENTS]
    assert dates == sorted(dates)
    assert (cbam.event("adopted").date, cbam.event("published").date) == (
        date(2023, 5, 10), date(2023, 5, 16))
    assert (cbam.event("transitional_start").date, cbam.event("transitional_end").date,
            cbam.event("definitive_start").date) == (
        date(2023, 10, 1), date(2025, 12, 31), date(2026, 1, 1))
    assert [s.sector for s in cbam.SECTORS] == [
        "cement", "iron and steel", "aluminium", "fertilisers", "electricity", "hydrogen"]
    shares = [p.share for p in cbam.PHASE_IN]
    assert shares == sorted(shares) and (shares[0], shares[-1]) == (0, 1)
    assert [p.year for p in cbam.PHASE_IN] == list(range(2025, 2035))
    # every year confirmed (issue 17: the European Parliament's figures, 2.5% ... 86%, 100%)
    assert all(p.confirmed for p in cbam.PHASE_IN)
    assert cbam.phase_in_share(2026) == F(1, 40)
    assert cbam.phase_in_share(2030) == F(97, 200)  # 48.5%, not the 48.75% some code has
    assert cbam.unconfirmed() == ()


def test_cbam_bad_lookups():
    from multilateral.cases import cbam
    with pytest.raises(errors.InvalidArgumentError, match="available: proposal"):
        cbam.event("ratified")
    with pytest.raises(errors.InvalidArgumentError, match="year must be an integer"):
        cbam.phase_in_share(2026.5)
