"""Shipped alliance and grouping data: NATO, the hub-and-spokes, the G7, G20, Quad and AUKUS."""

import datetime
import re

import pytest

from multilateral import cases, errors
from multilateral.cases import alliances

FOUNDERS = {"Belgium", "Canada", "Denmark", "France", "Iceland", "Italy", "Luxembourg",
            "Netherlands", "Norway", "Portugal", "United Kingdom", "United States"}
G20_COUNTRIES = {"Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany",
                 "India", "Indonesia", "Italy", "Japan", "Mexico", "Russia", "Saudi Arabia",
                 "South Africa", "South Korea", "Turkey", "United Kingdom", "United States"}
TABLES = ("nato_members", "nato_hub_and_spokes", "groupings_members", "groupings_events")


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_shipped_sourced_and_dated(name):
    assert name in cases.tables()
    for row in cases.load_table(name):
        assert row["source"].strip()
        assert row["url"].startswith("http")
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"])


# -- NATO --------------------------------------------------------------------------------------
def test_nato_founders_are_the_twelve_signatories_of_4_april_1949():
    assert set(alliances.nato_founders()) == FOUNDERS
    founders = [m for m in alliances.NATO_MEMBERS if m.founder]
    assert len(founders) == 12
    assert {m.date for m in founders} == {"1949-04-04"}
    assert set(alliances.nato_members(date="1949-04-04")) == FOUNDERS
    assert alliances.nato_members(date="1949-04-03") == ()


def test_nato_has_32_members_now():
    members = alliances.nato_members()
    assert len(members) == len(set(members)) == 32
    assert len(alliances.nato_members(date=datetime.date(2025, 1, 1))) == 32
    by_name = {m.member: m for m in alliances.NATO_MEMBERS}
    assert by_name["Finland"].start == datetime.date(2023, 4, 4)
    assert by_name["Sweden"].start == datetime.date(2024, 3, 7)
    assert by_name["Germany"].date == "1955-05-06"
    assert "West Germany" in by_name["Germany"].note


@pytest.mark.parametrize("day, count", [
    ("1952-02-18", 14), ("1955-05-06", 15), ("1982-05-30", 16), ("1999-03-12", 19),
    ("2004-03-29", 26), ("2009-04-01", 28), ("2017-06-05", 29), ("2020-03-27", 30),
    ("2023-04-03", 30), ("2023-04-04", 31), ("2024-03-06", 31), ("2024-03-07", 32),
])
def test_nato_membership_grows_by_rounds(day, count):
    assert len(alliances.nato_members(date=day)) == count


def test_accession_order_is_chronological():
    starts = [m.start for m in alliances.NATO_MEMBERS]
    assert starts == sorted(starts)


# -- hub and spokes ----------------------------------------------------------------------------
def test_hub_and_spokes():
    treaties = alliances.HUB_AND_SPOKES
    assert [t.date for t in treaties] == ["1951-08-30", "1951-09-01", "1951-09-08",
                                          "1953-10-01", "1954-09-08", "1954-12-02"]
    spokes = [t for t in treaties if t.kind != "multilateral"]
    partners = [p for t in spokes for p in t.partners]
    assert partners == ["Philippines", "Australia", "New Zealand", "Japan", "South Korea",
                        "Republic of China (Taiwan)"]
    # the spokes are not linked to each other: every treaty but ANZUS and SEATO is bilateral
    assert [t.kind for t in treaties] == ["bilateral", "trilateral", "bilateral", "bilateral",
                                          "multilateral", "bilateral"]
    assert [len(t.partners) for t in treaties] == [1, 2, 1, 1, 7, 1]
    assert len(alliances.hub_and_spokes(date="1955-06-01")) == 6
    assert len(alliances.hub_and_spokes(date="1977-06-29")) == 6
    assert len(alliances.hub_and_spokes(date="1977-06-30")) == 5
    assert len(alliances.hub_and_spokes(date="1979-12-31")) == 5
    assert len(alliances.hub_and_spokes(date="1980-01-01")) == 4
    assert alliances.hub_and_spokes(date="1951-08-29") == ()


def test_seato_in_the_hub_and_spokes():
    """The Manila Pact: signed 8 September 1954 (FRUS), in force 19 February 1955 (the
    depositary's proclamation), SEATO dissolved 30 June 1977 (secondary sources only)."""
    seato = next(t for t in alliances.HUB_AND_SPOKES if t.kind == "multilateral")
    assert (seato.date, seato.in_force, seato.ended) == ("1954-09-08", "1955-02-19",
                                                         "1977-06-30")
    assert set(seato.partners) == {"Australia", "France", "New Zealand", "Pakistan",
                                   "Philippines", "Thailand", "United Kingdom"}
    # two partners were also spokes: the multilateral layer overlapped the bilateral one
    spoke_partners = {p for t in alliances.HUB_AND_SPOKES if t.kind != "multilateral"
                      for p in t.partners}
    assert set(seato.partners) & spoke_partners == {"Australia", "New Zealand", "Philippines"}
    assert seato.status.startswith("signature and entry into force confirmed")
    assert "unconfirmed" in seato.status


def test_bad_hub_treaty_kind(monkeypatch):
    rows = [dict(r) for r in cases.load_table("nato_hub_and_spokes")]
    rows[0]["kind"] = "trilateral"  # the Philippines treaty has one partner
    monkeypatch.setattr(alliances, "load_table", lambda name: tuple(rows))
    with pytest.raises(errors.MalformedFileError, match="does not fit 1 partner"):
        alliances._hub()


# -- groupings ---------------------------------------------------------------------------------
def test_g7_founders_and_members():
    assert alliances.members("g7", date="1975-11-15") == (
        "France", "United States", "United Kingdom", "Germany", "Japan", "Italy")
    assert set(alliances.members("g7")) == {"France", "United States", "United Kingdom",
                                            "Germany", "Japan", "Italy", "Canada"}
    rows = {m.member: m for m in alliances.GROUPING_MEMBERS if m.grouping == "g7"}
    assert rows["European Union"].status == "participant"
    assert rows["Russia"].status == "suspended" and rows["Russia"].date == "2014-03-24"
    assert alliances.grouping_event("g7", "rambouillet_summit").date == "1975-11-15"
    assert alliances.grouping_event("g7", "canada_joins").start.year == 1976


def test_g20_is_19_countries_the_eu_and_the_au():
    assert set(alliances.members("g20", kind="country")) == G20_COUNTRIES
    assert alliances.members("g20", kind="bloc") == ("European Union", "African Union")
    assert len(alliances.members("g20")) == 21
    assert len(alliances.members("g20", date="2023-09-08")) == 20
    assert len(alliances.members("g20", date="2023-09-09")) == 21
    assert alliances.grouping_event("g20", "african_union_member").date == "2023-09-09"
    assert set(alliances.members("g7")) <= G20_COUNTRIES  # the G7 sits inside the G20


def test_quad_and_aukus():
    assert set(alliances.members("quad")) == {"Australia", "India", "Japan", "United States"}
    assert alliances.grouping_event("quad", "revived").date == "2017-11-12"
    assert alliances.grouping_event("quad", "first_leaders_summit").date == "2021-03-12"
    assert alliances.members("aukus") == ("Australia", "United Kingdom", "United States")
    assert alliances.grouping_event("aukus", "announced").start == datetime.date(2021, 9, 15)
    assert alliances.members("aukus", date="2021-09-14") == ()


def test_groupings_and_partial_dates():
    assert alliances.groupings() == ("g7", "g20", "quad", "aukus")
    eu = next(m for m in alliances.GROUPING_MEMBERS if m.member == "European Union")
    assert eu.date == "1977" and eu.start == datetime.date(1977, 1, 1)
    # the G7 finance ministers announced the G20 on 25 September 1999 (their statement)
    assert alliances.grouping_event("g20", "established").start == datetime.date(1999, 9, 25)
    assert alliances.grouping_event("g7", "european_community_participates").start == (
        datetime.date(1977, 1, 1))


@pytest.mark.parametrize("call, match", [
    (lambda: alliances.members("g8"), "no grouping"),
    (lambda: alliances.members("g7", kind="state"), "kind"),
    (lambda: alliances.nato_members(date="4 April 1949"), "ISO date"),
    (lambda: alliances.nato_members(date=1949), "ISO date"),
    (lambda: alliances.grouping_event("quad", "founded"), "no quad event"),
    (lambda: alliances.hub_and_spokes(date="1951"), "ISO date"),
])
def test_bad_input(call, match):
    with pytest.raises(errors.InvalidArgumentError, match=match):
        call()
