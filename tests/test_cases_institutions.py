"""The UN Security Council and IMF case data: sourced rows, games, and their power."""

import re
from fractions import Fraction

import pytest

import multilateral as ml
from multilateral import cases, errors
from multilateral.cases import imf, unsc

TABLES = ("unsc_voting", "unsc_permanent", "imf_votes", "imf_rules")


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
def test_imf_vote_shares():
    shares = imf.vote_shares()
    assert list(shares)[:4] == ["United States", "Japan", "China", "Germany"]
    assert shares["United States"] == Fraction("0.1649")
    assert shares["France"] == shares["United Kingdom"] == Fraction("0.0403")
    assert sum(shares.values()) == Fraction("0.4693")
    us = imf.VOTES[0]
    assert us.votes == 831_394 and us.url.startswith("https://imf.org")
    # the vote counts and the rounded percentages admit one common total of votes
    half = Fraction(1, 20_000)  # half a hundredth of a percent
    counted = [v for v in imf.VOTES if v.votes and v.date == "2025"]
    low = max(v.votes / (v.share + half) for v in counted)
    high = min(v.votes / (v.share - half) for v in counted)
    assert len(counted) == 4 and 5_000_000 < low <= high < 5_100_000


def test_imf_rules():
    assert imf.rule("special_majority_85").value == Fraction(85, 100)
    assert imf.rule("special_majority_70").value == Fraction(7, 10)
    assert imf.rule("basic_votes_share").value == Fraction("0.05502")
    assert imf.n_members() == 191
    with pytest.raises(errors.InvalidArgumentError, match="no IMF rule"):
        imf.rule("unanimity")


def test_the_us_veto():
    assert imf.blocking_members() == ("United States",)
    assert imf.blocking_members(Fraction(7, 10)) == ()
    game = imf.voting_game()
    assert game.n_members == 191 and game.total == 10_000 and game.quota == 8_500
    assert game.weights[:8] == (1649, 614, 608, 531, 403, 403, 263, 222)
    assert set(game.weights[8:]) == {29}  # 5307 basis points over 183 members: an assumption
    assert game.veto_players == ("United States",)
    assert imf.voting_game(Fraction(7, 10)).veto_players == ()
    simple = imf.voting_game("simple")
    assert simple.quota == 5_001 and simple.veto_players == ()
    assert imf.voting_game(0.85) == game


def test_imf_power_at_85_and_at_50_percent():
    veto = ml.solvers.banzhaf(imf.voting_game(), normalized=True)
    simple = ml.solvers.banzhaf(imf.voting_game("simple"), normalized=True)
    us = "United States"
    # at a simple majority the US has about a quarter of the Banzhaf power; at 85% its veto is
    # all it has: every large member is critical in nearly every winning coalition (Leech 2002)
    assert 0.24 < float(simple[us]) < 0.26
    assert float(veto[us]) < 0.012 and veto[us] >= veto["Japan"]
    ss = ml.solvers.shapley_shubik(imf.voting_game())
    assert ss.exact and sum(ss.values) == 1 and ss[us] == max(ss.values)


@pytest.mark.parametrize(("majority", "error"), [
    (0, errors.InvalidArgumentError),
    (Fraction(3, 2), errors.InvalidArgumentError),
    ("85%", errors.InvalidTypeError),
    (True, errors.InvalidTypeError),
])
def test_bad_majorities(majority, error):
    with pytest.raises(error):
        imf.voting_game(majority)
