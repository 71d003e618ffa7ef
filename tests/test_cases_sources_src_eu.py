"""Issue 17, src-eu: the CBAM, EU-27, climate and Kyoto/Paris rows rest on primary sources.

Each test checks a row against the figures its own source column quotes, so that a row whose
value and source drift apart fails, and pins the consultancies, the encyclopedia transcription
and the news report the rows used to rest on out of them.
"""

import re
from fractions import Fraction

import pytest

from multilateral import cases
from multilateral.cases import cbam, climate, kyoto_paris

# what the CBAM rows cited before issue 17: law firms' and consultancies' briefings, a tax
# newsletter, an express carrier's customs notice, a compliance vendor
CONSULTANCIES = ("hfw.com", "pwc", "vatupdate", "dhlexpress", "cbamreports", "mayerbrown",
                 "fn.legal", "decerna", "silmar", "tksd.org")


@pytest.mark.parametrize("name", ["cbam_events", "cbam_phase_in", "cbam_sectors"])
def test_cbam_rows_are_confirmed_without_consultancies(name):
    for row in cases.load_table(name):
        assert row["status"].startswith("confirmed on "), row["status"][:80]
        cited = (row["source"] + " " + row["url"]).lower()
        assert not [c for c in CONSULTANCIES if c in cited], row["source"][:80]


def test_cbam_phase_in_is_the_parliaments_schedule():
    """The European Parliament's press release of 18 December 2022: free allowances phased out
    2.5%, 5%, 10%, 22.5%, 48.5%, 61%, 73.5%, 86%, 100% from 2026 to 2034, the CBAM phased in at
    the same speed. Every row quotes its year's figure, and the share is that figure."""
    published = {2026: "2.5%", 2027: "5%", 2028: "10%", 2029: "22.5%", 2030: "48.5%",
                 2031: "61%", 2032: "73.5%", 2033: "86%", 2034: "100%"}
    rows = {p.year: p for p in cbam.PHASE_IN}
    for year, pct in published.items():
        assert f"'{year}: {pct}'" in rows[year].source
        assert rows[year].share == Fraction(pct[:-1]) / 100
    assert rows[2025].share == 0 and "Article 32" in rows[2025].source


def test_cbam_dates_rest_on_the_official_journal_and_eur_lex():
    assert "OJ L 130, 16.5.2023" in cbam.event("published").source
    assert "of 10 May 2023" in cbam.event("adopted").source
    assert "OJ L, 2025/2083, 17.10.2025" in cbam.event("simplification_published").source
    # Article 2 of Regulation (EU) 2025/2083: in force on the third day after publication
    published = cbam.event("simplification_published").date
    assert "third day" in cbam.event("simplification_in_force").source
    assert (cbam.event("simplification_in_force").date - published).days == 3
    for name in ("proposal", "simplification_adopted", "simplification_published"):
        assert cbam.event(name).url.startswith("https://eur-lex.europa.eu/")


def test_eu_members_rest_on_europa_eu_not_wikisource():
    rows = cases.load_table("eu_members")
    assert len(rows) == 27
    for row in rows:
        assert row["url"].startswith("https://europa.eu/")
        assert "wikisource" not in (row["source"] + row["url"]).lower()
        assert "year of entry" in row["status"]
    croatia = next(r for r in rows if r["member"] == "Croatia")
    assert croatia["date"] == "2013-07-01" and "01/07/2013" in croatia["source"]


def _gt(text, entity):
    return Fraction(re.search(rf"{re.escape(entity)} (\d+\.\d+)", text).group(1))


def test_climate_denominator_is_the_gcp_total_before_the_sink():
    """37.007293 GtCO2 with the cement carbonation sink plus the 0.784276 it takes up, as the
    row's source quotes them, rounds to the stored 37.8."""
    total = climate.DENOMINATOR
    with_sink = _gt(total.source, "in 2023")
    sink = Fraction(re.search(r"uptake of -(\d+\.\d+)", total.source).group(1))
    assert round(with_sink + sink, 1) == total.value == Fraction("37.8")


def test_climate_shares_match_the_gcp_tonnes_their_rows_quote():
    world = climate.DENOMINATOR
    exact = _gt(world.note, "=")  # 37.791569, before the sink
    for e in climate.EMITTERS:
        if e.is_residual:
            continue
        assert e.url == "https://robbieandrew.github.io/GCB2024/"
        gt = _gt(e.status, e.entity)
        if e.emissions_gtco2 is None:  # a published share, rounded to 1%
            assert round(gt / exact, 2) == e.share
        else:  # derived: the tonnes rounded to 0.01 Gt, the share to 0.1%
            assert round(gt, 2) == e.emissions_gtco2
            assert round(e.emissions_gtco2 / world.value, 3) == e.share
    # the published 31% for China holds before the sink, not on the base with it, where the
    # GCP's own slide rounds each of the six (China 32%, ..., Russia 5%, Japan 3%)
    china = next(e for e in climate.EMITTERS if e.entity == "China")
    with_sink = _gt(world.source, "in 2023")
    assert round(_gt(china.status, "China") / with_sink, 2) != china.share
    slide = {"China": 32, "United States": 13, "India": 8, "EU-27": 7, "Russia": 5, "Japan": 3}
    for e in climate.EMITTERS:
        if not e.is_residual:
            assert round(100 * _gt(e.status, e.entity) / with_sink) == slide[e.entity]


def test_kyoto_annex_b_is_counted_on_the_unfccc_list():
    """The row's source lists the countries of Annex B (1997) by target; 38 with the United
    States, 37 without it, the stored count."""
    source = kyoto_paris.fact("kyoto_annex_b_countries").source
    listing = source.split("emissions targets': ")[1].split("; UNFCCC")[0]
    names = []
    for group in listing.split("; "):
        group = re.sub(r"\s*\(.*?\)", "", group)  # the US's note
        names += [n.strip() for n in re.sub(r"\s+[-+]?\d+%?$", "", group).split(",")]
    count = sum(15 if n == "EU-15" else 1 for n in names)
    assert count == 38 and "US" in names
    assert count - 1 == kyoto_paris.fact("kyoto_annex_b_countries").value == 37
    assert kyoto_paris.fact("kyoto_annex_b_countries").url.startswith("https://unfccc.int/")


def test_paris_adopting_parties_are_the_uns_195_nations_and_the_eu():
    f = kyoto_paris.fact("paris_adopting_parties")
    assert f.url.startswith("https://unric.org/") and "rafp.fr" not in f.url
    assert "195 nations" in f.source and "195 countries" in f.source
    assert f.value == 195 + 1
    current = kyoto_paris.fact("paris_parties_current")
    assert current.status == "unconfirmed" and current.value is None
