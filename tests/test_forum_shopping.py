"""Forum shopping (Busch 2007): the model, its equilibrium by an independent route, the
abstract's comparative static over a class of parameters, and the NAFTA/WTO case data."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest
from contract import ModelContract
from hypothesis import example, given, settings

import multilateral as ml
from multilateral import errors
from multilateral.models import ForumShopping


def base(**kw):
    args = dict(ruling_value=2, win_regional=F(1, 2), win_multilateral=F(1, 2),
                offense=F(1, 10), defense=0, regional_members=3, n=20, cost=F(1, 4))
    args.update(kw)
    return ForumShopping(**args)


# -- Busch's abstract (p. 735), in the model ---------------------------------------------------
def test_abstract_three_kinds_of_complainant():
    """'some prefer to set a precedent that bears only on a subset of their trade relations,
    others a precedent that bears on all their trade relations, while still others prefer not
    to set a precedent'."""
    assert base(offense=0, defense=F(1, 10)).equilibrium().ruling == "regional"
    assert base().equilibrium().ruling == "multilateral"
    assert base(offense=0, defense=F(1, 2), win_regional=F(1, 10)).equilibrium().ruling == "none"


def test_abstract_not_simply_the_likelier_ruling():
    """'the key to forum shopping is not simply which institution is likely to come closest
    to the complainant's ideal ruling': the brooms pattern (the WTO likelier to rule for
    Mexico, Mexico files under NAFTA) and the periodicals pattern (a bilateral dispute, the
    regional forum likelier, the United States files at the WTO)."""
    brooms = base(win_regional=F(1, 2), win_multilateral=F(3, 5), offense=0, defense=F(1, 10),
                  n=130)
    assert brooms.win_multilateral > brooms.win_regional
    assert brooms.equilibrium().ruling == "regional"
    periodicals = base(win_regional=F(3, 5), win_multilateral=F(1, 2), offense=F(1, 10),
                       defense=0, regional_members=3, n=130)
    assert periodicals.win_regional > periodicals.win_multilateral
    assert periodicals.equilibrium().ruling == "multilateral"


def test_blocking_reference_is_dated():
    import multilateral.models.forum_shopping as module
    assert "Sapir, A. (2009)" in module.__doc__ and "6 March 2009" in module.__doc__


def test_exact_values_by_hand():
    m = base(win_regional=F(3, 4))
    assert m.value("regional") == F(3, 4) * (2 + F(1, 10)) - F(1, 4) == F(53, 40)
    assert m.value("multilateral") == F(1, 2) * (2 + 18 * F(1, 10)) - F(1, 4) == F(33, 20)
    assert m.critical_members() == ml.results.Threshold.at(14, "n")
    assert m.with_(n=13).equilibrium().ruling == "regional"
    assert m.with_(n=14).equilibrium().ruling == "multilateral"


@settings(deadline=None)
@given(ml.strategies.forum_shopping_models())
def test_membership_comparative_static(pair):
    """The abstract's comparative static over the class (blocking allowed or not)."""
    model, extra = pair
    bigger = model.with_(n=model.n + extra)
    now, then = model.equilibrium().ruling, bigger.equilibrium().ruling
    if model.offense > model.defense and now == "multilateral":
        assert then == "multilateral"
    if model.offense < model.defense and now != "multilateral":
        assert then != "multilateral"


@settings(deadline=None)
@given(ml.strategies.forum_shopping_models())
def test_equal_chances_sign_decides(pair):
    model, extra = pair
    m = model.with_(win_multilateral=model.win_regional, n=model.regional_members + extra)
    out = m.equilibrium()
    if out.filed != "none":
        assert (out.filed == "multilateral") == (m.offense > m.defense)


@settings(deadline=None)
@given(ml.strategies.forum_shopping_models())
def test_critical_members_brackets_the_switch(pair):
    model, _ = pair
    t = model.critical_members()
    k = model.regional_members

    def wto(n):
        return model.with_(n=n).equilibrium().ruling == "multilateral"

    if not t.attainable:
        assert not wto(k) and not wto(k + 50)
        return
    n_star = int(t.exact)
    assert wto(n_star)
    if t.holds_above:
        assert n_star == k or not wto(n_star - 1)
        assert wto(n_star + 7)
    else:
        assert not wto(n_star + 1) and wto(k)


def test_claim_holds_and_its_unqualified_neighbour_fails():
    assert ml.claims.BUSCH_FORUM_SHOPPING.verify(max_examples=60).holds
    # 'a larger membership never takes a case out of the WTO', whatever the precedent: false
    m = base(offense=0, defense=F(1, 10), win_multilateral=F(3, 4), n=9)
    assert m.equilibrium().ruling == "multilateral"
    assert m.with_(n=10).equilibrium().ruling == "regional"
    assert m.critical_members() == ml.results.Threshold.at(9, "n", holds_above=False)


@pytest.mark.parametrize("mutation", [
    lambda self, forum: 0 * self.offense,                      # the precedent is worthless
    lambda self, forum: -ORIGINAL_PRECEDENT(self, forum),      # its sign is flipped
])
def test_claim_predicate_fails_on_a_model_without_busch_mechanism(monkeypatch, mutation):
    """The predicate is not vacuous: a forum choice blind to the precedent, or reading it
    backwards, is caught on the claim's own domain."""
    monkeypatch.setattr(ForumShopping, "precedent", mutation)
    verdict = ml.claims.BUSCH_FORUM_SHOPPING.verify(max_examples=200)
    assert not verdict.holds
    assert not ml.claims.BUSCH_FORUM_SHOPPING.holds(verdict.counterexample)


ORIGINAL_PRECEDENT = ForumShopping.precedent


# -- the equilibrium by an independent route ---------------------------------------------------
def brute_force(m: ForumShopping):
    """Every pure strategy profile, payoffs by direct enumeration, kept if subgame perfect."""
    v, c, k, n = m.ruling_value, m.cost, m.regional_members, m.n
    net = m.offense - m.defense

    def litigate(q, bound, paid, extra):
        return (q * (v + (bound - 2) * net) - paid, -q * v - extra)

    wto = litigate(m.win_multilateral, n, c, 0)
    regional = litigate(m.win_regional, k, c, 0)
    blockable = m.block_cost is not None
    out = []
    for first, refile, block in itertools.product(
            ("none", "regional", "multilateral"), (False, True), (False, True)):
        if not blockable and (refile or block):
            continue
        after = (litigate(m.win_multilateral, n, 2 * c, m.block_cost) if refile
                 else (-c, -m.block_cost)) if blockable else None
        if blockable:   # the complainant's move after a block, then the defendant's
            alt = (litigate(m.win_multilateral, n, 2 * c, m.block_cost) if not refile
                   else (-c, -m.block_cost))
            if alt[0] > after[0]:
                continue
            reg = after if block else regional
            other = regional if block else after
            if other[1] > reg[1]:
                continue
        else:
            reg = regional
        pay = {"none": (0, 0), "regional": reg, "multilateral": wto}
        if any(pay[f][0] > pay[first][0] for f in pay):
            continue
        out.append((first, block, refile, pay[first]))
    return out


# A tie after a block: the complainant is indifferent between dropping and refiling (the WTO
# is worth exactly 0), so there are two SPE with different payoffs; the library's tie-breaks
# (drop, then block) pick the one where the complainant stays home, not the best for it.
TIE_AFTER_BLOCK = ForumShopping(ruling_value=2, win_regional=1, win_multilateral=F(1, 2),
                                offense=0, defense=0, regional_members=3, n=16, cost=1,
                                block_cost=F(3, 2))


@settings(deadline=None)
@given(ml.strategies.forum_shopping_models())
@example((TIE_AFTER_BLOCK, 1))
def test_equilibrium_is_subgame_perfect_by_enumeration(pair):
    model, _ = pair
    eq = model.equilibrium()
    spe = brute_force(model)
    assert spe
    assert any(first == eq.filed and pay == (eq.complainant, eq.defendant)
               and (first != "regional" or block == eq.blocked)
               for first, block, _, pay in spe)
    # C's SPE payoff is unique unless someone is indifferent after a block
    after = (model.with_(block_cost=None).value("multilateral") if model.block_cost is not None
             else None)
    if after is None or (after != 0 and -model.win_regional * model.ruling_value != (
            -model.win_multilateral * model.ruling_value * (after > 0) - model.block_cost)):
        assert len({p[0] for *_, p in spe}) == 1


def test_ties_after_a_block_select_one_of_two_spe():
    spe = brute_force(TIE_AFTER_BLOCK)
    assert {(first, pay) for first, _, _, pay in spe} >= {
        ("none", (0, 0)), ("regional", (1, -2))}
    out = TIE_AFTER_BLOCK.equilibrium()           # drop on a tie, so the block pays
    assert (out.filed, out.complainant, TIE_AFTER_BLOCK.blocks()) == ("none", 0, True)


@settings(deadline=None, max_examples=30)
@given(ml.strategies.forum_shopping_models())
def test_backward_induction_on_the_tree(pair):
    model, _ = pair
    spe = ml.solvers.backward_induction(model.game)
    eq = model.equilibrium()
    assert spe.payoffs == (eq.complainant, eq.defendant)
    assert spe.actions[0] == eq.filed


# -- the library's extension: blocking -----------------------------------------------------------
def test_blocking_can_push_a_regional_complainant_out():
    prefers_region = base(offense=0, defense=F(1, 10), win_regional=F(9, 10), n=10)
    assert prefers_region.value("regional") > prefers_region.value("multilateral") > 0
    assert prefers_region.equilibrium().ruling == "regional"
    blockable = prefers_region.with_(block_cost=F(1, 10))
    assert blockable.blocks()                       # 1/2 * 2 + 1/10 < 9/10 * 2
    out = blockable.equilibrium()
    assert out.filed == out.ruling == "multilateral" and not out.blocked
    assert out.complainant == F(7, 20)
    dropped = base(win_multilateral=0, block_cost=0, offense=0)
    assert dropped.blocks() and dropped.equilibrium().ruling == "none"


def test_no_membership_reads_the_same_whatever_the_win_probability():
    """A defensive precedent and no WTO ruling at any n: the same 'none' (holding below)
    whether the WTO never rules for the complainant or rarely does."""
    never = base(offense=0, defense=F(1, 10), win_multilateral=0).critical_members()
    rarely = base(offense=0, defense=F(1, 10), win_multilateral=F(1, 100)).critical_members()
    assert never == rarely == ml.results.Threshold.none("n", holds_above=False)


def test_float_inputs_give_floats():
    m = base(ruling_value=2.0, cost=0.25, offense=0.1, defense=0.0,
             win_regional=0.5, win_multilateral=0.5)
    assert isinstance(m.value("multilateral"), float)
    assert m.critical_members().value == 4      # a membership is an integer, exact anyway


@pytest.mark.parametrize("kw, cls, match", [
    (dict(win_regional=F(3, 2)), errors.InvalidProbabilityError, "win_regional"),
    (dict(win_multilateral=-1), errors.InvalidProbabilityError, "win_multilateral"),
    (dict(cost=-1), errors.InvalidArgumentError, "cost"),
    (dict(regional_members=1), errors.InvalidArgumentError, "regional_members"),
    (dict(n=2), errors.InvalidArgumentError, "at least regional_members"),
    (dict(block_cost=float("nan")), errors.InvalidArgumentError, "block_cost"),
])
def test_bad_inputs(kw, cls, match):
    with pytest.raises(cls, match=match):
        base(**kw)


def test_bad_forum():
    with pytest.raises(errors.InvalidArgumentError, match="forum must be one of"):
        base().value("court")


class TestForumShoppingContract(ModelContract):
    def make(self):
        return base()

    def make_other(self):
        return base(n=30)

    changes = {"n": 40, "block_cost": F(1, 2)}
    bad = [
        (lambda: base(win_regional=2), errors.InvalidProbabilityError, "win_regional"),
        (lambda: base(offense=-1), errors.InvalidArgumentError, "offense"),
    ]
    bad_changes = [({"n": 1}, errors.InvalidArgumentError, "n")]
    exact_kwargs = {"ruling_value": 2, "win_regional": F(1, 2), "win_multilateral": F(1, 3),
                    "offense": F(1, 10), "defense": F(1, 20), "regional_members": 3, "n": 9,
                    "cost": F(1, 4), "block_cost": F(1, 5)}
    float_kwargs = {"ruling_value": 2.0, "win_regional": 0.5, "win_multilateral": 0.3,
                    "offense": 0.1, "defense": 0.05, "regional_members": 3, "n": 9,
                    "cost": 0.25, "block_cost": 0.2}
    exact_from_floats = {"critical_members": "a WTO membership, an integer count"}
    outputs = [lambda m: m.value("multilateral"), lambda m: m.equilibrium().complainant,
               lambda m: m.precedent("regional")]


# -- the NAFTA/WTO case data --------------------------------------------------------------------
def test_case_rows_are_sourced_dated_and_referenced():
    from multilateral.cases import forum_shopping as fs
    assert fs.DISPUTES and all(d.source and d.url and d.date and d.status for d in fs.DISPUTES)
    for d in fs.DISPUTES:
        assert (d.forum == "wto") == d.reference.startswith("DS")
        assert {d.complainant, d.defendant} <= {"Canada", "Mexico", "United States"}
    assert fs.dispute("mexico_soft_drinks_tax").reference == "DS308"
    assert fs.dispute("us_cross_border_trucking").date == "2001-02-06"
    assert fs.dispute("canada_agricultural_tariffs").reference == "CDA-95-2008-01"
    lobsters = fs.dispute("us_lobsters")   # the report's title page, not a secondary list
    assert (lobsters.date, lobsters.reference) == ("1990-05-25", "USA-89-1807-01")
    assert "May 25, 1990" in lobsters.source


def test_busch_cases_in_the_data_and_in_the_model():
    """Busch's two cases (p. 735): brooms to NAFTA, periodicals to the WTO; the model gives
    each forum under illustrative values (none are published) with the precedent's sign."""
    from multilateral.cases import forum_shopping as fs
    assert fs.dispute("us_broom_corn_brooms").forum == "nafta"
    assert fs.dispute("canada_periodicals").forum == "wto"
    common = dict(ruling_value=2, win_regional=F(1, 2), win_multilateral=F(1, 2), n=130,
                  cost=F(1, 4))
    brooms = fs.model("us_broom_corn_brooms", offense=0, defense=F(1, 10), **common)
    periodicals = fs.model("canada_periodicals", offense=F(1, 10), defense=0, **common)
    assert brooms.equilibrium().ruling == "regional"
    assert periodicals.equilibrium().ruling == "multilateral"


def test_tour_says_the_precedent_signs_are_assumed():
    import io
    out = io.StringIO()
    ml.tour.SECTIONS["Forum shopping: NAFTA or the WTO, and the precedent (Busch)"](out)
    text = out.getvalue()
    assert text.count("assumed") == 2 and "not a test" in text


def test_case_lookups_fail_clearly():
    from multilateral.cases import forum_shopping as fs
    with pytest.raises(errors.InvalidArgumentError, match="no dispute named 'nope'"):
        fs.dispute("nope")
    with pytest.raises(errors.InvalidArgumentError, match="unknown forum"):
        fs.disputes("icj")
