"""Issue 17 (sources of the groupings, alliance, Mekong and AIIB tables): the rows re-sourced
on primary records cite them, and rows that could not be confirmed say so."""

from multilateral import cases
from multilateral.cases import alliances


def _members(grouping):
    return {r["member"]: r for r in cases.load_table("groupings_members")
            if r["grouping"] == grouping}


def test_canada_joins_the_g7_on_us_and_canadian_government_records():
    """Canada's entry at San Juan no longer rests on Hajnal's book alone: FRUS 1969-76 vol.
    XXXI doc. 145 records Canada's officials preparing the Puerto Rico summit."""
    canada = _members("g7")["Canada"]
    event = alliances.grouping_event("g7", "canada_joins")
    for row_url, row_source in ((canada["url"], canada["source"]), (event.url, event.source)):
        assert "frus1969-76v31/d145" in row_url
        assert "Hajnal" not in row_source and "taylorfrancis" not in row_url
    assert canada["date"] == event.date == "1976-06-27"


def test_the_european_community_row_cites_the_london_delegations():
    eu = _members("g7")["European Union"]
    assert eu["url"] == "https://g7.utoronto.ca/summit/1977london/delegation.html"
    assert "Hajnal" not in eu["source"]


def test_the_quads_first_meeting_is_may_2007_on_japans_foreign_ministry_page():
    event = alliances.grouping_event("quad", "first_officials_meeting")
    assert event.date == "2007-05" and "mofa.go.jp" in event.url
    assert {r["date"] for r in _members("quad").values()} == {"2007-05"}
    assert alliances.members("quad", date="2007-04-30") == ()
    assert len(alliances.members("quad", date="2007-05-01")) == 4


def test_unconfirmed_rows_say_what_is_missing():
    g20 = _members("g20")
    # Indonesia's founding day is doubtful (the 25 September 1999 release counted 18 countries)
    assert "partly confirmed" in g20["Indonesia"]["source_status"]
    assert "18 countries" in g20["Indonesia"]["source_status"]
    # the New Delhi declaration's own text was not reached
    assert "not reached" in g20["African Union"]["source_status"]
    assert "not reached" in alliances.grouping_event("g20", "african_union_member").status


def test_institutions_form_has_a_status_per_row_and_no_scribd_or_blog():
    from multilateral.cases import informal
    assert cases.schema("institutions_form")["status"] == "text"
    for f in informal.INSTITUTION_FACTS:
        assert f.status.strip(), (f.institution, f.attribute)
        assert "confirmed" in f.status, f.status  # confirmed, partly confirmed or unconfirmed
        assert "scribd.com" not in f.url and "cloudfront.net" not in f.url
        assert "scribd" not in f.source.lower()
    # the G20's form and secretariat rest on the Government of India's G20 page
    for attribute in ("form", "secretariat"):
        f = informal.fact("g20", attribute)
        assert "g20india.gov.in" in f.url and f.status.startswith("confirmed")
    assert informal.fact("g20", "decision_rule").status.startswith("unconfirmed")
    assert informal.fact("g20", "founding_instrument").date == "1999-09-25"


def test_seato_dissolution_year_on_hansard_and_the_day_still_unconfirmed():
    seato = next(t for t in alliances.HUB_AND_SPOKES if t.kind == "multilateral")
    assert seato.ended == "1977-06-30"
    assert "Senate Hansard, 3 December 1985" in seato.source
    assert "in 1977" in seato.status
    # the day itself rests on secondary sources only, and the row says so
    assert "unconfirmed (secondary source only" in seato.status and "30 June 1977" in seato.status


def test_nato_members_rows_say_which_copy_carried_the_official_text():
    rows = {r["member"]: r for r in cases.load_table("nato_members")}
    macedonia = rows["North Macedonia"]
    assert macedonia["date"] == "2020-03-27" and "statemag.state.gov" in macedonia["url"]
    assert macedonia["status"].startswith("confirmed on the depositary")
    montenegro = rows["Montenegro"]
    assert montenegro["date"] == "2017-06-05" and "nato.int" in montenegro["url"]
    for member in ("Finland", "Sweden"):  # official texts read only as republished
        assert "not reached" in rows[member]["status"]


def test_mekong_and_aiib_tables_have_a_status_per_row():
    from multilateral.cases import aiib, mekong
    for name in ("mekong_events", "mekong_members", "aiib_events", "aiib_shares"):
        assert cases.schema(name)["status"] == "text"
    rows = [*mekong.MEKONG_MEMBERS, *mekong.MEKONG_EVENTS, *aiib.EVENTS, *aiib.SHARES]
    for row in rows:
        assert "confirmed" in row.status, row  # confirmed, partly confirmed or unconfirmed
    # the IMF reform's entry into force is now on the IMF's own press release, not a news site
    effective = aiib.event("imf_reform_effective")
    assert effective.date == "2016-01-26" and "imf.org" in effective.url
    assert effective.status.startswith("confirmed")
    # the IMF quota shares rest on a central bank statement quoted by news agencies only
    assert all(s.status.startswith("unconfirmed") for s in aiib.SHARES if s.institution == "IMF")
    assert "mbwzsb" not in " ".join(s.url for s in aiib.SHARES)  # the spam mirror is gone
    sanya = mekong.event("sanya_leaders_meeting")
    assert sanya.date == "2016-03-23" and "chineseembassy.org" in sanya.url
