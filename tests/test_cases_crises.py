"""The crisis case data (cases.crises): sourced, dated, typed rows, lookup by name, and the
claims the gallery example plot_crisis_mediation makes about the cases and the model."""

import datetime
import re
from fractions import Fraction

import pytest

import multilateral as ml
from multilateral import cases, errors
from multilateral.cases import crises


def test_every_row_has_a_primary_source_and_a_parseable_date():
    assert "crises" in cases.tables()
    raw = cases.load_table("crises")
    assert len(raw) == len(crises.EVENTS) == 22
    for row in raw:
        assert row["source"].strip() and row["url"].startswith("http")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"])
        datetime.date.fromisoformat(row["date"])
    assert len({e.name for e in crises.EVENTS}) == len(crises.EVENTS)


def test_rows_are_typed():
    for e in crises.EVENTS:
        assert isinstance(e.date, datetime.date)
        assert isinstance(e.parties, tuple) and len(e.parties) >= 2
        assert e.crisis in crises.CRISES and e.mode in crises.MODES
        assert e.outcome in crises.OUTCOMES and e.status in crises.STATUSES
        assert bool(e.third_party) == (e.mode not in ("direct_talks", "none"))
        if e.status != "confirmed":
            assert e.note, e.name  # the note says what was not confirmed
    for code in crises.CRISES:
        dates = [e.date for e in crises.episode(code)]
        assert dates == sorted(dates) and dates


def test_lookup_by_name_errors_clearly():
    assert crises.event("tashkent").date == datetime.date(1966, 1, 10)
    with pytest.raises(errors.InvalidArgumentError,
                       match=r"no crisis event named 'camp_davis'; available: beagle_compromis"):
        crises.event("camp_davis")
    with pytest.raises(errors.InvalidArgumentError, match="no crisis named 'falklands'"):
        crises.episode("falklands")


def test_dates_and_instruments_of_the_sequences():
    expected = {
        "beagle_compromis": "1971-07-22", "beagle_award": "1977-02-18",
        "beagle_nullity": "1978-01-25", "beagle_montevideo": "1979-01-08",
        "beagle_papal_proposal": "1980-12-12", "beagle_treaty": "1984-11-29",
        "kutch_agreement": "1965-06-30", "kutch_award": "1968-02-19",
        "unsc_211": "1965-09-20", "tashkent": "1966-01-10", "six_day_war": "1967-06-05",
        "camp_david": "1978-09-17", "egypt_israel_treaty": "1979-03-26",
        "taba_award": "1988-09-29", "algiers_accords": "1981-01-19",
        "itamaraty": "1995-02-17", "brasilia_act": "1998-10-26",
        "eebc_decision": "2002-04-13", "asmara_declaration": "2018-07-09",
        "kargil_joint_statement": "1999-07-04",
    }
    for name, day in expected.items():
        assert crises.event(name).date.isoformat() == day, name
    assert "vol. XXI, pp. 53-264" in crises.event("beagle_award").source
    assert "vol. XVII, pp. 1-576" in crises.event("kutch_award").source
    # the decision itself; pp. 83-229 is the Part with the later decisions of 2002
    assert "vol. XXV, pp. 83-195" in crises.event("eebc_decision").source
    assert "resolution 211 (1965)" in crises.event("unsc_211").source
    assert "resolution 233 (1967)" in crises.event("six_day_war").source


def test_no_treaty_series_volume_is_claimed_as_confirmed():
    for e in crises.EVENTS:
        if "UNTS" in e.source or "Treaty Series" in e.source:
            assert e.status != "confirmed" and "Treaty Series" in e.note, e.name
    assert "not given" in crises.event("beagle_treaty").note
    # Egypt registered the treaty (vol. 1136, No. 17813); vol. 1138, p. 59 is Israel's filing
    treaty = crises.event("egypt_israel_treaty")
    assert "vol. 1136, No. I-17813" in treaty.source and "vol. 1138, p. 59" in treaty.source


def test_the_beagle_sequence_arbitration_refused_then_mediation_settled():
    beagle = crises.episode("beagle")
    assert [(e.mode, e.outcome) for e in beagle] == [
        ("arbitration", "referred"), ("arbitration", "award"),
        ("arbitration", "award_rejected"), ("mediation", "referred"),
        ("mediation", "proposal"), ("mediation", "settled")]
    assert beagle[3].third_party.startswith("Holy See")


def test_the_example_claims_about_the_cases():
    groups = crises.by_mode()
    assert list(groups) == list(crises.MODES)
    assert {e.outcome for e in groups["mediation"]} == {
        "referred", "proposal", "ceasefire", "agreement", "settled"}  # none ends in war
    awards = {e.name: e.outcome for e in crises.EVENTS if e.outcome.startswith("award_")}
    assert awards == {"beagle_nullity": "award_rejected", "kutch_award": "award_accepted",
                      "taba_award": "award_accepted",
                      "eebc_virtual_demarcation": "award_unimplemented"}
    assert [e.name for e in groups["none"]] == ["six_day_war"]


def test_unenforced_award_at_the_examples_point():
    crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                                        war_cost=Fraction(1, 10))
    assert crisis.arbitration().hawk_share == Fraction(4, 5)   # below the war value 9/10
    assert crises.unenforced_award_refusal(crisis) == Fraction(3, 8)
    assert crisis.mediation().war_probability == Fraction(3, 8) and crisis.mediation().credible
    assert crisis.recommendation() == (Fraction(1, 4), Fraction(9, 10))
    floats = crisis.with_(hawk_probability=0.75, war_cost=0.1)
    assert isinstance(crises.unenforced_award_refusal(floats), float)
    assert crises.unenforced_award_refusal(floats) == pytest.approx(3 / 8)


def test_the_examples_point_by_an_independent_grid_search():
    """The arbitration at q = 3/4, θ = 1, c = 1/10 by brute force over a grid of mechanisms
    (war probabilities and the hawk's share in sixtieths), with the incentive and interim
    participation constraints written out here, not taken from the model: the least war
    risk is 3/8, with p_hh = 2/3, p_hl = 0 and a hawk's share of 4/5 < θ - c, so a hawk
    told its share knows it faces a dove and refuses: every hawk-dove dispute, 2q(1 - q)."""
    np = pytest.importorskip("numpy")
    q, t, c = 0.75, 1.0, 0.1
    r = 1 - q
    g = np.arange(61) / 60
    phh, phl, b = np.meshgrid(g, g, g, indexing="ij")
    big_b = (1 - phl) * b
    u_h = q * (0.5 - c * phh) + r * (big_b + phl * (t - c))
    u_l = q * ((1 - phl) - big_b + phl * (1 - t - c)) + r / 2
    h_as_l = q * ((1 - phl) - big_b + phl * (0.5 - c)) + r / 2
    l_as_h = q * ((1 - phh) / 2 + phh * (1 - t - c)) + r * (big_b + phl * (0.5 - c))
    eps = 1e-12
    ok = ((u_h >= h_as_l - eps) & (u_l >= l_as_h - eps)
          & (u_h >= q * (0.5 - c) + r * (t - c) - eps)
          & (u_l >= q * (1 - t - c) + r * (0.5 - c) - eps))
    war = np.where(ok, q * q * phh + 2 * q * r * phl, np.inf)
    assert war.min() == pytest.approx(3 / 8)
    i, j, k = np.argwhere(np.isclose(war, war.min()))[0]
    assert (g[i], g[j], g[k]) == pytest.approx((2 / 3, 0, 4 / 5))
    assert g[k] < t - c and 2 * q * r * (1 - g[j]) == pytest.approx(3 / 8)


def test_the_example_does_not_read_a_war_risk_as_a_fact_about_beagle():
    import pathlib
    text = (pathlib.Path(__file__).parents[1] / "examples" / "plot_crisis_mediation.py"
            ).read_text()
    assert "the peaceful end was one draw" not in text
    assert "none measured for 1978-1984" in text and "reports fixed" in text


def test_unenforced_award_rejects_other_models():
    with pytest.raises(errors.InvalidTypeError, match="OptimalMediation"):
        crises.unenforced_award_refusal("beagle")


@pytest.mark.parametrize("theta", [Fraction(3, 5), Fraction(3, 4), Fraction(1)])
def test_an_unenforced_award_is_refused_exactly_where_arbitration_helps_but_not_fully(theta):
    for q in (Fraction(k, 8) for k in range(1, 8)):
        for c in (Fraction(j, 20) for j in range(1, 8)):
            m = ml.models.OptimalMediation(hawk_probability=q, hawk_advantage=theta,
                                           war_cost=c)
            talks = m.direct_talks().war_probability
            arbitration = m.arbitration()
            refused = crises.unenforced_award_refusal(m)
            assert (refused > 0) == (0 < arbitration.war_probability < talks), (q, c)
            if arbitration.war_probability == 0 < talks:
                assert arbitration.hawk_share == Fraction(1, 2)   # pools: reveals nothing
            if q >= m.peace_threshold():
                assert arbitration.war_probability == 0 and refused == 0


def test_a_malformed_row_names_its_row(monkeypatch):
    good = dict(cases.load_table("crises")[0])
    monkeypatch.setattr(crises, "load_table", lambda name: ({**good, "mode": "prayer"},))
    with pytest.raises(errors.MalformedFileError, match="mode 'prayer' is not one of"):
        crises._events()
    monkeypatch.setattr(crises, "load_table", lambda name: ({**good, "parties": "Chile"},))
    with pytest.raises(errors.MalformedFileError, match="at least two parties"):
        crises._events()
