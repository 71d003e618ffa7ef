"""Issue 17 (src-disputes): the dispute, Security Council and IMF tables rest on the issuing
bodies' own records, and the rows that still do not say so honestly."""

from fractions import Fraction

from multilateral import cases
from multilateral.cases import imf


def _rows(name, key):
    return {r[key]: r for r in cases.load_table(name)}


def test_imf_basic_votes_rest_on_the_articles_of_agreement():
    row = _rows("imf_rules", "rule")["basic_votes_share"]
    # the Articles' own wording, not a member's central bank summary
    assert "Art. XII, Section 5(a)(i)" in row["source"]
    assert "5.502 percent of the aggregate sum of the total voting power" in row["source"]
    assert "banque-france" not in row["url"] and "unconfirmed" not in row["status"]
    assert row["date"] == "2011-03-03"  # the Voice and Participation amendment took effect
    assert imf.rule("basic_votes_share").value == Fraction(5502, 100_000)
    for name, article in (("simple_majority", "Section 5(c)"),
                          ("special_majority_85", "Section 2(c)")):
        assert article in _rows("imf_rules", "rule")[name]["status"]
