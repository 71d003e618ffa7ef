"""The UN Security Council and IMF case data: sourced rows, games, and their power."""

import re
from fractions import Fraction

import pytest

import multilateral as ml
from multilateral import cases, errors
from multilateral.cases import imf, unsc

TABLES = ("unsc_voting", "unsc_permanent", "imf_votes", "imf_rules", "eu_members")


@pytest.mark.parametrize("name", TABLES)
def test_tables_ship_with_a_source_and_a_date_per_row(name):
    assert name in cases.tables()
    for row in cases.load_table(name):
        assert row["source"].strip() and row["url"].startswith("http")
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"])


# -- Security Council ---------------------------------------------------------------------------
def test_council_rows_add_up():
    assert len(unsc.RULES) == 4
    for r in unsc.RULES:
        assert r.permanent_seats == 5
        assert r.permanent_seats + r.elected_seats == r.seats
        assert r.permanent_concurrence == (r.matter == "substantive")
    assert (unsc.rule("pre-1965").seats, unsc.rule("pre-1965").votes_required) == (11, 7)
    assert (unsc.rule().seats, unsc.rule().votes_required) == (15, 9)
    assert unsc.rule().date == "1965-08-31" and unsc.rule("pre-1965").date == "1945-10-24"


def test_permanent_members():
    assert unsc.permanent_members() == (
        "China", "France", "Russia", "United Kingdom", "United States")
    names = {p.member: p.charter_name for p in unsc.PERMANENT}
    assert names["Russia"] == "the Union of Soviet Socialist Republics"
    assert names["China"] == "The Republic of China"
    assert unsc.members()[5:] == tuple(f"E{k}" for k in range(1, 11))
    assert len(unsc.members("pre-1965")) == 11


def test_council_games():
    post, pre = unsc.voting_game(), unsc.voting_game("pre-1965")
    assert post.weights == (7,) * 5 + (1,) * 10 and post.quota == 39
    assert pre.weights == (5,) * 5 + (1,) * 6 and pre.quota == 27
    for period in unsc.PERIODS:
        game = unsc.voting_game(period)
        assert game.veto_players == unsc.permanent_members()
        assert unsc.composite_game(period).is_equivalent(game)
    procedural = unsc.voting_game(matter="procedural")
    assert procedural.veto_players == () and procedural.quota == 9


def test_council_power_before_and_after_1965():
    post = ml.solvers.shapley_shubik(unsc.voting_game())
    assert post["United States"] == Fraction(421, 2145) and post["E10"] == Fraction(4, 2145)
    assert 5 * post["China"] == Fraction(2105, 2145)  # 98.1% for the five
    pre = ml.solvers.shapley_shubik(unsc.voting_game("pre-1965"))
    assert pre["France"] == Fraction(76, 385) and pre["E6"] == Fraction(1, 462)
    # enlargement diluted each elected seat's power but raised the elected members' total
    assert post["E1"] < pre["E1"] and 10 * post["E1"] > 6 * pre["E1"]
    bz_post = ml.solvers.banzhaf(unsc.voting_game(), normalized=True)
    assert bz_post["Russia"] == Fraction(106, 635)
    composite = ml.solvers.shapley_shubik(unsc.composite_game())
    assert composite.values == post.values


def test_bad_council_arguments():
    with pytest.raises(errors.InvalidArgumentError, match="period"):
        unsc.voting_game("1945")
    with pytest.raises(errors.InvalidArgumentError, match="matter"):
        unsc.rule(matter="budget")


# -- IMF ----------------------------------------------------------------------------------------
EU27_CODES = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
              "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT",
              "ROU", "SVK", "SVN", "ESP", "SWE"}


def test_imf_table_covers_every_member_and_adds_up():
    """The IMF's table of 2 October 2022: 190 members, 5,039,930 votes, SDR 476,272 million."""
    rows = cases.load_table("imf_votes")
    assert len(rows) == len(imf.VOTES) == imf.n_members() == 190
    assert len({r["iso_code"] for r in rows}) == 190 and {r["date"] for r in rows} == {
        "2022-10-02"}
    assert sum(int(r["votes"]) for r in rows) == imf.total_votes() == 5_039_930
    assert sum(Fraction(r["quota_sdr_millions"]) for r in rows) == imf.rule(
        "total_quota").value == 476_272
    shares = imf.vote_shares()
    assert len(shares) == 190 and sum(shares.values()) == 1
    # the printed percents are the exact shares rounded: two decimals (three for tiny quotas)
    printed = sum(v.published_percent for v in imf.VOTES)
    assert abs(printed - 100) < Fraction(1, 2)
    for v in imf.VOTES:
        assert abs(100 * v.share - v.published_percent) <= Fraction(5, 1000), v.member
    # votes = equal basic votes + one per SDR 100,000 of quota; the basic votes are 5.502% of
    # the total shared out with no fractional votes (IMF Articles, Art. XII, Section 5(a))
    basics = {v.votes - 10 * v.quota for v in imf.VOTES}
    assert basics == {1459}
    share = imf.rule("basic_votes_share").value
    assert int(share * imf.total_votes() / 190) == 1459


def test_imf_vote_shares():
    shares = imf.vote_shares()
    assert list(shares)[:4] == ["United States", "Japan", "China", "Germany"]
    us = imf.VOTES[0]
    assert (us.member, us.votes, us.published_percent) == ("United States", 831_401,
                                                           Fraction("16.50"))
    assert shares["United States"] == Fraction(831_401, 5_039_930)
    assert shares["France"] == shares["United Kingdom"]  # 203,010 votes each
    assert us.url == "https://www.imf.org/en/About/executive-board/members-quotas"


def test_imf_rules():
    assert imf.rule("special_majority_85").value == Fraction(85, 100)
    assert imf.rule("special_majority_70").value == Fraction(7, 10)
    assert imf.rule("basic_votes_share").value == Fraction("0.05502")
    with pytest.raises(errors.InvalidArgumentError, match="no IMF rule"):
        imf.rule("unanimity")


def test_the_us_veto_and_the_eu_caucus_veto():
    assert imf.blocking_members() == ("United States",)
    assert imf.blocking_members(Fraction(7, 10)) == ()
    game = imf.voting_game()
    assert game.n_members == 190 and game.total == 5_039_930
    assert game.quota == Fraction(85, 100) * 5_039_930
    assert game.weights == tuple(v.votes for v in imf.VOTES)  # no weight is assumed
    assert game.veto_players == ("United States",)
    assert imf.voting_game(Fraction(7, 10)).veto_players == ()
    simple = imf.voting_game("simple")
    assert simple.quota == 2_519_966 and simple.veto_players == ()
    assert imf.voting_game(0.85) == game
    # the 27 EU member states' summed votes: 1,286,720 of 5,039,930 (25.5%) block at 85%
    assert {v.iso_code for v in imf.VOTES if v.member in imf.EU27} == EU27_CODES
    eu = sum(v.votes for v in imf.VOTES if v.iso_code in EU27_CODES)
    assert imf.bloc_share(imf.EU27) == Fraction(eu, 5_039_930) > Fraction(15, 100)
    assert imf.bloc_share(EU27_CODES) == imf.bloc_share(imf.EU27)
    assert imf.blocks(imf.EU27) and not imf.blocks(imf.EU27, Fraction(7, 10))
    caucus = game.with_blocs({"EU-27": imf.EU27})
    assert set(caucus.veto_players) == {"United States", "EU-27"}
    # no other pair of members blocks together except with the United States
    assert not imf.blocks(["Japan", "China"]) and not imf.blocks(["Germany", "France"])


def test_bad_bloc_arguments():
    with pytest.raises(errors.InvalidArgumentError, match="not an IMF member"):
        imf.bloc_share(["Atlantis"])
    with pytest.raises(errors.InvalidArgumentError, match="twice"):
        imf.bloc_share(["Japan", "JPN"])
    with pytest.raises(errors.InvalidTypeError, match="collection"):
        imf.bloc_share("Japan")


@pytest.fixture(scope="module")
def imf_banzhaf():
    return (ml.solvers.banzhaf(imf.voting_game(), normalized=True),
            ml.solvers.banzhaf(imf.voting_game("simple"), normalized=True))


def test_imf_power_at_85_and_at_50_percent(imf_banzhaf):
    veto, simple = imf_banzhaf
    shares = imf.vote_shares()
    us = "United States"
    # at a simple majority the US's Banzhaf power exceeds its share of the votes; at 85% its
    # veto is all it has: every large member is critical in nearly every winning coalition,
    # so its power falls far below its share, to about Japan's (Leech 2002)
    assert simple[us] > shares[us] and simple[us] == max(simple.values)
    assert veto[us] < shares[us] / 4
    assert veto[us] >= veto["Japan"] and veto[us] - veto["Japan"] < 1e-3 * veto[us]
    assert abs(sum(veto.values) - 1) < 1e-9


@pytest.mark.parametrize(("majority", "error"), [
    (0, errors.InvalidArgumentError),
    (Fraction(3, 2), errors.InvalidArgumentError),
    ("85%", errors.InvalidTypeError),
    (True, errors.InvalidTypeError),
])
def test_bad_majorities(majority, error):
    with pytest.raises(error):
        imf.voting_game(majority)
