"""Shipped case data: every row sourced and dated, climate shares summing to one."""

import datetime
import re
from fractions import Fraction
from importlib import resources

import pytest

import multilateral as ml
from multilateral import cases, errors
from multilateral.cases import climate


@pytest.mark.parametrize("name", cases.tables())
def test_every_row_has_a_source_and_a_date(name):
    rows = cases.load_table(name)
    assert rows
    for row in rows:
        assert row["source"].strip()
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"])


@pytest.mark.parametrize("name", cases.tables())
def test_no_unconfirmed_fact_ships(name):
    # CASES.md marks unconfirmed facts [check]; none may reach the package
    text = resources.files("multilateral.cases").joinpath("data", f"{name}.csv").read_text(
        encoding="utf-8")
    assert "[check]" not in text.lower()
    assert "check" not in text.lower().split()


def test_tables_are_shipped_and_lazy_attribute_works():
    assert {"climate_emitters", "climate_events", "climate_global"} <= set(cases.tables())
    assert ml.cases is cases


def test_load_table_returns_fresh_rows():
    first = cases.load_table("climate_emitters")
    first[0]["share"] = "0.99"
    assert cases.load_table("climate_emitters")[0]["share"] == "0.31"


@pytest.mark.parametrize("bad", ["nope", "../pyproject", "", 3, None, "Climate_Emitters"])
def test_unknown_table_is_a_clear_error(bad):
    with pytest.raises(errors.InvalidArgumentError, match="no case table"):
        cases.load_table(bad)


def test_to_frame():
    pd = pytest.importorskip("pandas")
    frame = cases.to_frame("climate_emitters")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["entity"])[:2] == ["China", "United States"]


def test_to_frame_without_pandas(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(errors.MissingDependencyError, match="pandas"):
        cases.to_frame("climate_emitters")


def test_malformed_tables_are_refused(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "nosource.csv").write_text("a,date\n1,2020\n", encoding="utf-8")
    (data / "nodate.csv").write_text("a,source,date\n1,somewhere,\n", encoding="utf-8")
    (data / "baddate.csv").write_text("a,source,date\n1,somewhere,12/12/2015\n",
                                      encoding="utf-8")
    (data / "ragged.csv").write_text("a,source,date\n1,somewhere,2020,extra\n",
                                     encoding="utf-8")
    monkeypatch.setattr(cases, "_data_dir", lambda: data)
    cases._read.cache_clear()
    try:
        for name, match in [("nosource", "lacks"), ("nodate", "empty 'date'"),
                            ("baddate", "ISO 8601"), ("ragged", "fields")]:
            with pytest.raises(errors.MalformedFileError, match=match):
                cases.load_table(name)
    finally:
        cases._read.cache_clear()


# -- climate ---------------------------------------------------------------------------------
def test_emission_shares_sum_to_exactly_one():
    shares = [e.share for e in climate.EMITTERS]
    assert all(isinstance(s, Fraction) for s in shares)
    assert sum(shares) == 1
    assert sum(climate.emission_shares(include_residual=True).values()) == 1
    assert sum(climate.emission_shares().values()) + climate.residual_share() == 1


def test_published_shares():
    s = climate.emission_shares()
    assert s == {
        "China": Fraction("0.31"), "United States": Fraction("0.13"),
        "India": Fraction("0.08"), "EU-27": Fraction("0.07"),
        "Russia": Fraction("0.048"), "Japan": Fraction("0.026"),
    }
    # the four largest together: 59% (Global Carbon Budget 2024)
    assert s["China"] + s["United States"] + s["India"] + s["EU-27"] == Fraction(59, 100)


def test_residual_is_labelled_as_such_and_excluded_by_default():
    (residual,) = [e for e in climate.EMITTERS if e.is_residual]
    assert "residual" in residual.entity
    assert "not a country" in residual.note
    assert residual.entity not in climate.emission_shares()
    assert residual.share == Fraction("0.336")


def test_derived_shares_match_their_tonnes():
    gtco2 = climate.DENOMINATOR.value
    derived = [e for e in climate.EMITTERS if e.emissions_gtco2 is not None]
    assert {e.entity for e in derived} == {"Russia", "Japan"}
    for e in derived:
        assert abs(e.emissions_gtco2 / gtco2 - e.share) < Fraction(1, 2000)  # 0.05 pt
        # issue 17: their tonnes are the Global Carbon Project's own 2024 release data
        assert e.status.startswith("confirmed on the Global Carbon Project")


def test_one_year_one_unit_one_denominator():
    """Issue 17: the climate tables mixed 2023 and 2024, GtC and GtCO2, and totals with and
    without the cement carbonation sink. Now one row is the denominator of every share."""
    (total,) = climate.GLOBAL
    assert total is climate.DENOMINATOR
    # 37.007293 with the carbonation sink + 0.784276 it takes up (GCP's 2024 release data)
    assert (total.date, total.unit, total.value) == ("2023", "GtCO2", Fraction("37.8"))
    assert "including international aviation and shipping" in total.quantity
    assert "before the cement carbonation sink" in total.quantity
    assert {e.date for e in climate.EMITTERS} == {"2023"}
    for name in ("climate_global", "climate_emitters"):
        units = {r.get("unit") for r in cases.load_table(name)} - {None}
        assert units <= {"GtCO2"}


def test_events():
    assert climate.event("us_china_joint_announcement").date == datetime.date(2014, 11, 12)
    assert climate.event("paris_adopted").date == datetime.date(2015, 12, 12)
    assert climate.event("paris_in_force").date == datetime.date(2016, 11, 4)
    dates = [e.date for e in climate.EVENTS]
    assert dates == sorted(dates)
    assert all(e.source and e.url.startswith("http") for e in climate.EVENTS)
    with pytest.raises(errors.InvalidArgumentError, match="available"):
        climate.event("kyoto")
