"""The COW major-powers list (cases.great_powers): sourced, dated rows and counts by date."""

import datetime

import numpy as np
import pytest

from multilateral import cases, errors
from multilateral.cases import great_powers as gp

#: majors2016.csv (COW v2016) as transcribed:
#: ccode, styear, stmonth, stday, endyear, endmonth, endday
MAJORS2016 = [
    (2, 1898, 8, 13, 2016, 12, 31),
    (200, 1816, 1, 1, 2016, 12, 31),
    (220, 1816, 1, 1, 1940, 6, 22),
    (220, 1945, 8, 15, 2016, 12, 31),
    (255, 1816, 1, 1, 1918, 11, 11),
    (255, 1925, 1, 1, 1945, 5, 7),
    (255, 1991, 12, 11, 2016, 12, 31),
    (300, 1816, 1, 1, 1918, 11, 3),
    (325, 1860, 1, 1, 1943, 9, 2),
    (365, 1816, 1, 1, 1917, 12, 5),
    (365, 1922, 1, 1, 2016, 12, 31),
    (710, 1950, 1, 1, 2016, 12, 31),
    (740, 1895, 4, 1, 1945, 8, 14),
    (740, 1991, 12, 11, 2016, 12, 31),
]


def test_every_row_is_sourced_dated_and_typed():
    assert len(gp.MAJOR_POWERS) == 14
    for s in gp.MAJOR_POWERS:
        assert isinstance(s.start, datetime.date) and isinstance(s.end, datetime.date)
        assert gp.COVERAGE[0] <= s.start <= s.end <= gp.COVERAGE[1]
        assert s.source.startswith("Correlates of War Project (2017)")
        assert "majors2016.csv" in s.source and f"ccode {s.ccode}:" in s.source
        assert s.url.startswith("https://correlatesofwar.org/")
        assert s.note.strip()
        assert gp.STATES[s.ccode] == s.state
    rows = cases.load_table("great_powers")
    assert all(r["date"] == r["start"] for r in rows)


def test_source_text_restates_the_cow_fields():
    # the source column quotes COW's own fields; they must give back the typed days
    for s in gp.MAJOR_POWERS:
        fields = dict(part.split(" ") for part in s.source.split(": ", 1)[1].split(", "))
        assert datetime.date(int(fields["styear"]), int(fields["stmonth"]),
                             int(fields["stday"])) == s.start
        assert datetime.date(int(fields["endyear"]), int(fields["endmonth"]),
                             int(fields["endday"])) == s.end
        assert fields["version"] == "2016"


def test_rows_match_the_transcription():
    got = [(s.ccode, s.start, s.end) for s in gp.MAJOR_POWERS]
    want = [(c, datetime.date(y0, m0, d0), datetime.date(y1, m1, d1))
            for c, y0, m0, d0, y1, m1, d1 in MAJORS2016]
    assert got == want


def test_debated_codings_are_noted():
    for name in ("china_1950", "germany_1991", "japan_1991"):
        assert "debated" in gp.spell(name).note
    assert "11 December 1991" in gp.spell("germany_1991").note


@pytest.mark.parametrize(("date", "expected"), [
    ("1816-01-01", 5),                       # UK, France, Prussia, Austria, Russia
    ("1860-01-01", 6),                       # + Italy
    ("1895-04-01", 7),                       # + Japan
    ("1898-08-13", 8),                       # + United States
    ("1900-01-01", 8),
    ("1918-11-11", 6),                       # Austria-Hungary out on 3 Nov; Germany's last day
    ("1918-11-12", 5),
    ("1940-06-22", 7), ("1940-06-23", 6),    # France's last day as a major power
    ("1945-08-15", 4),                       # US, UK, France, USSR
    ("1950-01-01", 5),                       # + China
    ("1991-12-10", 5), ("1991-12-11", 7),    # Germany and Japan return
    ("1992-01-01", 7),
    ("2016-12-31", 7),
])
def test_counts_at_known_dates(date, expected):
    assert gp.count(date) == expected
    assert gp.count(datetime.date.fromisoformat(date)) == expected


def test_major_powers_in_1950_and_1992():
    assert gp.major_powers("1950-01-01") == (
        "United States", "United Kingdom", "France", "Russia", "China")
    assert set(gp.major_powers("1992-01-01")) == set(gp.STATES.values()) - {
        "Austria-Hungary", "Italy"}


def test_counts_array():
    c = gp.counts()
    assert c.shape == (201,) and c.dtype == np.int64
    years = np.arange(1816, 2017)
    assert c.tolist() == [gp.count(datetime.date(int(y), 1, 1)) for y in years]
    assert c[years == 1900].item() == 8 and c[years == 1950].item() == 5
    assert gp.counts([[1816, 1992]]).tolist() == [[5, 7]]
    assert gp.counts([1991], month=12, day=31).tolist() == [7]
    assert gp.counts(np.array([], dtype=int)).shape == (0,)


def test_lookups():
    assert [s.name for s in gp.spells("France")] == ["france_1816", "france_1945"]
    assert gp.spell("austria_hungary_1816").end == datetime.date(1918, 11, 3)
    assert gp.spell("united_states_1898").ongoing
    assert not gp.spell("japan_1895").ongoing
    assert gp.spell("russia_1816").active_on("1917-12-05")
    assert not gp.spell("russia_1816").active_on(datetime.datetime(1917, 12, 6, 12))
    assert len({s.name for s in gp.MAJOR_POWERS}) == 14


@pytest.mark.parametrize("bad", ["1815-12-31", "2017-01-01", "1900", "1900-13-01", 1900, None,
                                 1900.0, True])
def test_bad_dates_are_refused(bad):
    with pytest.raises(errors.InvalidArgumentError, match="date"):
        gp.count(bad)


def test_bad_lookups_and_years_are_refused():
    with pytest.raises(errors.InvalidArgumentError, match="no major-power spell"):
        gp.spell("china_1949")
    with pytest.raises(errors.InvalidArgumentError, match="no major power named"):
        gp.spells("Soviet Union")
    with pytest.raises(errors.InvalidArgumentError, match="outside the COW"):
        gp.counts([1815])
    with pytest.raises(errors.InvalidArgumentError, match="integers"):
        gp.counts([1900.5])
    with pytest.raises(errors.InvalidArgumentError, match="integers"):
        gp.counts([True])
    with pytest.raises(errors.InvalidArgumentError, match="not a day"):
        gp.counts([1900], month=2, day=29)    # 1900 was not a leap year
    with pytest.raises(errors.InvalidArgumentError, match="month must be an integer"):
        gp.counts(month="1")
