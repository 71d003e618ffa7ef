"""How games and results show themselves: exact values exactly, payoff tables, HTML, LaTeX.

Results print exact values where they are known (an equilibrium prints 2/3, not 0.6667);
games show their payoff tables in ``str`` and ``_repr_html_``; payoff matrices and power-index
tables export to LaTeX (booktabs) for papers, and compile with pdflatex.
"""

from __future__ import annotations

import html.parser
import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest
import sympy

import multilateral as ml
from multilateral._display import latex_escape, latex_number, text_table
from multilateral.results import CriticalDiscount, NashEquilibrium, Threshold

HOSTILE = r"x_1 & 50% $ #2 {a} ~b ^c \d <e> |f"

MATCHING_PENNIES = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]],
                                     actions=[["H", "T"], ["H", "T"]])
PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
STAG = ml.TwoByTwo.symmetric(T=3, R=4, P=2, S=0)
UNSC_1965 = ml.WeightedVotingGame([7] * 5 + [1] * 10, quota=39)


# -- results: exact values exactly -------------------------------------------------------------
@pytest.mark.parametrize("method", ["vertex", "support"])
def test_matching_pennies_prints_exact_halves(method):
    (eq,) = ml.solvers.nash_equilibria(MATCHING_PENNIES, method=method)
    assert repr(eq) == "NashEquilibrium([1/2, 1/2], [1/2, 1/2]; payoffs=[0, 0])"


def test_mixed_equilibrium_prints_two_thirds():
    eqs = ml.solvers.nash_equilibria(STAG)
    assert [repr(e) for e in eqs] == [
        "NashEquilibrium([1, 0], [1, 0]; payoffs=[4, 4])",
        "NashEquilibrium([2/3, 1/3], [2/3, 1/3]; payoffs=[8/3, 8/3])",
        "NashEquilibrium([0, 1], [0, 1]; payoffs=[2, 2])",
    ]
    assert eqs[1].exact_payoffs == (Fraction(8, 3), Fraction(8, 3))


def test_lemke_howson_result_is_exact_too():
    bos = ml.NormalFormGame([[3, 0], [0, 1]], [[1, 0], [0, 3]])
    eqs = ml.solvers.nash_equilibria(bos)
    assert repr(eqs[1]) == "NashEquilibrium([3/4, 1/4], [1/4, 3/4]; payoffs=[3/4, 3/4])"
    lh = ml.solvers.lemke_howson(MATCHING_PENNIES)
    assert repr(lh) == "NashEquilibrium([1/2, 1/2], [1/2, 1/2]; payoffs=[0, 0])"
    assert lh.exact_payoffs == (0, 0)


def test_exact_payoffs_are_the_expected_payoffs():
    """exact_payoffs agree with the game's own expected payoffs at the float profile."""
    game = ml.NormalFormGame([[Fraction(7, 3), 0, 1], [0, 2, 1]], [[1, 2, 0], [3, 0, 1]])
    for eq in ml.solvers.nash_equilibria(game):
        assert eq.exact_payoffs is not None
        np.testing.assert_allclose([float(u) for u in eq.exact_payoffs],
                                   game.expected_payoffs(eq.strategies), atol=1e-12)


def test_float_games_keep_float_reprs():
    g = ml.NormalFormGame([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 2.0]])
    mixed = ml.solvers.nash_equilibria(g)[1]
    assert mixed.exact is None and mixed.exact_payoffs is None
    assert repr(mixed) == "NashEquilibrium([0.6667, 0.3333], [0.5, 0.5]; payoffs=[0.5, 0.6667])"
    built = NashEquilibrium((np.array([0.25, 0.75]), np.array([1.0, 0.0])),
                            np.array([1.5, 2.0]), 0.0, "test")
    assert built.exact_payoffs is None
    assert repr(built) == "NashEquilibrium([0.25, 0.75], [1, 0]; payoffs=[1.5, 2])"


def test_correlated_equilibrium_prints_exact_distribution_and_value():
    chicken = ml.TwoByTwo.symmetric(T=4, R=3, P=0, S=1)
    ce = ml.solvers.correlated_equilibrium(chicken)
    assert repr(ce) == ("CorrelatedEquilibrium([1/3, 1/3, 1/3, 0]; payoffs=[8/3, 8/3]; "
                        "welfare=16/3)")
    assert ce.exact_value == Fraction(16, 3)
    egal = ml.solvers.correlated_equilibrium(chicken, objective="egalitarian")
    assert egal.exact_value == Fraction(8, 3)
    # float weights on exact payoffs: the value is a float, and says so
    weighted = ml.solvers.correlated_equilibrium(chicken, objective=[0.5, 1.0])
    assert weighted.exact_value is None and repr(weighted).endswith("weighted welfare=4.5)")


def test_symmetric_equilibrium_prints_closed_forms_and_floats_for_roots():
    g = ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1)
    assert [repr(e) for e in ml.solvers.symmetric_equilibria(g)] == [
        "SymmetricEquilibrium(p=0, stable, payoff=0)",
        "SymmetricEquilibrium(p=1/2 - sqrt(2)/4, unstable, payoff=0.0857864)",
        "SymmetricEquilibrium(p=sqrt(2)/4 + 1/2, stable, payoff=2.91421)",
    ]
    # a root of a degree-9 polynomial has no closed form: its float is shown, not CRootOf(...)
    ten = ml.solvers.symmetric_equilibria(ml.AnonymousGame.threshold(10, 4, benefit=4, cost=1))
    assert "RootOf" in str(ten[1].exact)
    assert repr(ten[1]) == "SymmetricEquilibrium(p=0.269708, unstable, payoff=0.817675)"


def test_cooperative_solutions_print_exact_allocations():
    g = ml.games.TUGame([0, 0, 0, 2, 0, 2, 1, 3])
    assert repr(ml.solvers.nucleolus(g)) == "Nucleolus([5/3, 2/3, 2/3]; 1 LPs)"
    assert repr(ml.solvers.least_core(g)) == "LeastCore(epsilon=-1/3, allocation=[5/3, 2/3, 2/3])"
    assert repr(ml.solvers.core(g)) == "Core(nonempty, e.g. [5/3, 2/3, 2/3])"


def test_rest_points_print_exact_rationals():
    hawk_dove = [[-1, 4], [0, 2]]
    assert repr(ml.solvers.rest_points(hawk_dove)[-1]) == "RestPoint([2/3, 1/3], stable)"
    floats = [[-1.0, 4.0], [0.0, 2.0]]
    assert repr(ml.solvers.rest_points(floats)[-1]) == "RestPoint([0.6667, 0.3333], stable)"


# -- LaTeX of results --------------------------------------------------------------------------
def test_repr_latex_of_formulas():
    (eq,) = ml.solvers.nash_equilibria(MATCHING_PENNIES)
    assert eq._repr_latex_() == (
        r"$\sigma = \left(\left(\frac{1}{2}, \frac{1}{2}\right), \left(\frac{1}{2}, "
        r"\frac{1}{2}\right)\right),\quad u = \left(0, 0\right)$")
    assert CriticalDiscount.at_least(Fraction(1, 2))._repr_latex_() == r"$\delta^{*} = \frac{1}{2}$"
    assert Threshold.at(Fraction(3, 4), "critical_risk")._repr_latex_() == (
        r"$\mathrm{critical\_risk} \geq \frac{3}{4}$")
    assert "none" in CriticalDiscount.never()._repr_latex_()


def test_symbolic_critical_discount_is_written_by_sympy():
    grim = (ml.automata.grim_trigger(), ml.automata.grim_trigger())
    cd = ml.solvers.critical_discount(PD, grim, symbolic=True)
    assert cd.expression is not None
    assert cd._repr_latex_() == rf"$\delta^{{*}} = {sympy.latex(cd.expression)}$"
    sym = ml.solvers.symmetric_equilibria(ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1))
    assert sym[1]._repr_latex_() == f"${'p = ' + sympy.latex(sym[1].exact)}$"


def test_unsc_1965_shapley_shubik_table():
    """Shapley and Shubik (1954) on the 1965 Council: permanent 421/2145, elected 4/2145,
    in the repr and in the LaTeX table."""
    idx = ml.solvers.shapley_shubik(UNSC_1965)
    assert idx.values == (Fraction(421, 2145),) * 5 + (Fraction(4, 2145),) * 10
    assert repr(idx).startswith("PowerIndex(shapley_shubik: P1=421/2145, ")
    assert "P6=4/2145" in repr(idx)
    tex = idx.to_latex(title="UNSC 1965")
    lines = tex.splitlines()
    assert lines[:8] == [r"\begin{table}[ht]", r"\centering", r"\caption{UNSC 1965}",
                         r"\begin{tabular}{lrr}", r"\toprule",
                         r"Member & Shapley-Shubik & Decimal \\", r"\midrule",
                         r"P1 & $\frac{421}{2145}$ & 0.1963 \\"]
    assert r"P15 & $\frac{4}{2145}$ & 0.0019 \\" in lines
    assert lines[-3:] == [r"\bottomrule", r"\end{tabular}", r"\end{table}"]
    rendered = ml.solvers.shapley_shubik(UNSC_1965)._repr_latex_()
    assert rendered.startswith(r"$\begin{array}{lr} \text{P1} & \frac{421}{2145} \\ ")


def test_float_power_index_states_its_bound_in_latex():
    idx = ml.solvers.shapley_shubik(UNSC_1965, exact=False)
    tex = idx.to_latex(digits=3)
    assert r"Member & Shapley-Shubik \\" in tex and r"P1 & 0.196 \\" in tex
    assert f"{idx.error_bound:.2g}" in tex


# -- games: payoff tables ----------------------------------------------------------------------
def test_str_of_a_prisoners_dilemma():
    assert str(PD) == "\n".join([
        "TwoByTwo(2x2, players=('P1', 'P2'))",
        r"P1 \ P2     C     D",
        "C        3, 3  0, 5",
        "D        5, 0  1, 1",
    ])
    assert repr(PD) == "TwoByTwo(2x2, players=('P1', 'P2'))"  # the repr stays one short line


def test_str_of_matching_pennies_with_labels_and_fractions():
    g = ml.NormalFormGame([[Fraction(1, 2), -1], [-1, 1]], [[-1, 1], [1, -1]],
                          players=["Row", "Col"], actions=[["H", "T"], ["H", "T"]])
    assert str(g).splitlines()[1:] == [
        r"Row \ Col        H      T",
        "H          1/2, -1  -1, 1",
        "T            -1, 1  1, -1",
    ]


def test_str_of_a_three_player_game_is_a_table_per_slice():
    g = ml.AnonymousGame.public_goods(n=3, r=2).to_normal_form()
    assert str(g).split("\n\n") == [
        "\n".join(["NormalFormGame(2x2x2, players=('P1', 'P2', 'P3'))", "P3 plays C:",
                   r"P1 \ P2              C               D",
                   "C              1, 1, 1   1/3, 4/3, 1/3",
                   "D        4/3, 1/3, 1/3  2/3, 2/3, -1/3"]),
        "\n".join(["P3 plays D:",
                   r"P1 \ P2               C               D",
                   "C         1/3, 1/3, 4/3  -1/3, 2/3, 2/3",
                   "D        2/3, -1/3, 2/3         0, 0, 0"]),
    ]


def test_str_of_a_large_game_is_cut():
    g = ml.NormalFormGame(np.arange(40 * 30).reshape(40, 30), np.zeros((40, 30), dtype=int))
    lines = str(g).splitlines()
    assert len(lines) == 1 + 1 + 12 + 1
    assert lines[1].endswith("... (18 more)") and lines[-1] == "... (28 more rows)"


def test_str_of_an_anonymous_game_by_other_cooperators():
    g = ml.AnonymousGame.public_goods(n=4, r=2)
    assert str(g).splitlines()[1:] == [
        "others cooperating  cooperator  defector",
        "0                         -1/2         0",
        "1                            0       1/2",
        "2                          1/2         1",
        "3                            1       3/2",
    ]


def test_str_of_a_huge_anonymous_game_builds_no_fractions():
    g = ml.AnonymousGame.public_goods(n=10**6, r=3)
    lines = str(g).splitlines()
    # r/n - 1 = -999997/1000000: a long denominator is shown by its float
    assert lines[2] == "0                    -0.999997         0"
    assert "... (999989 more rows)" in lines
    assert lines[-1].startswith("999999")
    assert "_c" not in g.__dict__  # the exact arrays of a million Fractions were never made


def test_str_of_voting_games():
    g = ml.WeightedVotingGame([49, 48, 3], quota=51, members=["A", "B", "C"])
    assert str(g) == "\n".join(["WeightedVotingGame([51; 49, 48, 3])", "quota 51 of 100",
                                "member  weight", "A           49", "B           48",
                                "C            3"])
    half = ml.WeightedVotingGame([Fraction(1, 2), 1], quota=Fraction(3, 2))
    assert str(half).splitlines()[1:3] == ["quota 3/2 of 3/2", "member  weight"]
    nine = ml.WeightedVotingGame([1] * 15, 9)
    p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
    text = str(ml.games.intersection(nine, p5)).splitlines()
    assert text[1] == "wins in all of: [1] quota 9 of 15; [2] quota 5 of 5"
    assert text[2:4] == ["member  weight [1]  weight [2]", "P1               1           1"]
    big = ml.WeightedVotingGame([1] * 1000, 501)
    assert str(big).splitlines()[-1] == "... (970 more members)"


# -- HTML ---------------------------------------------------------------------------------------
class _Checker(html.parser.HTMLParser):
    """Records the text and checks that every tag closes in order."""

    VOID = {"br", "hr", "img", "meta", "input", "col"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())


def _parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.stack, f"unclosed tags: {checker.stack}"
    return checker


def test_html_of_games_is_well_formed_and_escaped():
    g = ml.NormalFormGame([[Fraction(2, 3), 0], [0, 1]], [[1, 0], [0, 2]],
                          players=["<b>US</b>", "EU & co"], actions=[[HOSTILE, "D"], ["C", "D"]])
    page = _parse(g._repr_html_())
    assert "script" not in page.tags and page.tags.count("b") == 0  # labels never become tags
    assert page.tags.count("table") == 1
    assert r"<b>US</b> \ EU & co" in page.text and HOSTILE in page.text
    assert "2/3, 1" in page.text
    for game in (ml.AnonymousGame.public_goods(n=30, r=3), UNSC_1965,
                 ml.games.intersection(ml.WeightedVotingGame([1] * 15, 9),
                                       ml.WeightedVotingGame.unanimity(range(5), n=15)),
                 ml.AnonymousGame.public_goods(n=3, r=2).to_normal_form()):
        parsed = _parse(game._repr_html_())
        assert "table" in parsed.tags
    three = _parse(ml.AnonymousGame.public_goods(n=3, r=2).to_normal_form()._repr_html_())
    assert three.tags.count("table") == 2 and "P3 plays D" in three.text


def test_html_of_a_power_index():
    page = _parse(ml.solvers.shapley_shubik(UNSC_1965)._repr_html_())
    assert page.text[:5] == ["Shapley-Shubik index", "Member", "Shapley-Shubik", "Decimal", "P1"]
    assert page.text[5:7] == ["421/2145", "0.1963"]


# -- LaTeX of games ----------------------------------------------------------------------------
def test_to_latex_of_a_prisoners_dilemma():
    assert PD.to_latex(title="Prisoners' Dilemma") == "\n".join([
        r"\begin{table}[ht]", r"\centering", r"\caption{Prisoners' Dilemma}",
        r"\begin{tabular}{lcc}", r"\toprule", r" & \multicolumn{2}{c}{P2} \\",
        r"\cmidrule(lr){2-3}", r"P1 & C & D \\", r"\midrule",
        r"C & $3, 3$ & $0, 5$ \\", r"D & $5, 0$ & $1, 1$ \\",
        r"\bottomrule", r"\end{tabular}", r"\end{table}"])


def test_to_latex_writes_fractions_and_escapes_labels():
    g = ml.NormalFormGame([[Fraction(2, 3), 0], [0, Fraction(-1, 2)]], [[1, 0], [0, 2.5]],
                          players=[HOSTILE, "B"], actions=[["x_1", "y"], ["C", "D"]])
    tex = g.to_latex()
    assert r"x\_1 & $\frac{2}{3}, 1$ & $0, 0$ \\" in tex
    assert r"y & $0, 0$ & $-\frac{1}{2}, 2.5$ \\" in tex
    assert latex_escape(HOSTILE) + r" & C & D \\" in tex


def test_latex_numbers():
    assert latex_number(Fraction(2, 3)) == r"\frac{2}{3}"
    assert latex_number(Fraction(-7, 2)) == r"-\frac{7}{2}"
    assert latex_number(Fraction(4, 1)) == "4" and latex_number(np.int64(-3)) == "-3"
    assert latex_number(0.1 + 0.2) == "0.3" and latex_number(2.5e-8) == r"2.5 \times 10^{-8}"
    assert latex_number(sympy.sqrt(2) / 4) == sympy.latex(sympy.sqrt(2) / 4)
    assert latex_number(float("-inf")) == r"-\infty"


def test_text_table_marks_rows_left_out():
    assert text_table(["k", "v"], [["1", "2"], ["... (3 more rows)"]]) == (
        "k  v\n1  2\n... (3 more rows)")


def test_tables_compile_with_pdflatex(tmp_path):
    """Payoff matrices (2 and 3 players, fractions, hostile labels), power-index tables and
    the results' ``_repr_latex_`` formulas compile with pdflatex, booktabs and amsmath
    (skipped where pdflatex is not installed)."""
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    hostile = ml.NormalFormGame([[Fraction(2, 3), 0], [0, 1]], [[1, 0], [0, 2.5e-9]],
                                players=[HOSTILE, "EU"], actions=[[HOSTILE, "D"], ["C", "D"]])
    tables = [PD.to_latex(title=HOSTILE), hostile.to_latex(),
              ml.AnonymousGame.public_goods(n=3, r=2).to_normal_form().to_latex(title="PGG"),
              ml.solvers.shapley_shubik(UNSC_1965).to_latex(title="UNSC 1965"),
              ml.solvers.banzhaf(UNSC_1965, exact=False).to_latex()]
    grim = (ml.automata.grim_trigger(), ml.automata.grim_trigger())
    formulas = [ml.solvers.nash_equilibria(STAG)[1]._repr_latex_(),
                ml.solvers.critical_discount(PD, grim, symbolic=True)._repr_latex_(),
                Threshold.at(Fraction(3, 4), "critical_risk")._repr_latex_(),
                ml.solvers.shapley_shubik(ml.WeightedVotingGame(
                    [2, 1, 1], 3, members=[HOSTILE, "b", "c"]))._repr_latex_(),
                *(e._repr_latex_() for e in ml.solvers.symmetric_equilibria(
                    ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1)))]
    doc = tmp_path / "t.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
                   "\\usepackage{booktabs}\n\\usepackage{amsmath}\n\\begin{document}\n"
                   + "\n\n".join(tables + formulas) + "\n\\end{document}\n")
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.name],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout[-2000:]


# -- review: negative zero, exact LaTeX, LaTeX-hostile labels, huge games ------------------------
def test_negative_zero_prints_as_zero():
    """A float -0.0 (from 0 * -1, say) is a zero: tables and reprs show 0, not -0."""
    from multilateral._numeric import format_number

    g = ml.NormalFormGame([[-0.0, 1.5], [2.0, 3.0]], [[0.0, -0.0], [1.0, 1.0]])
    assert str(g).splitlines()[2].split() == ["a0", "0,", "0", "1.5,", "0"]
    assert "-0" not in g.to_latex() and "-0" not in g._repr_html_()
    assert format_number(-0.0) == "0" and format_number(np.float64(-0.0)) == "0"
    assert latex_number(-0.0) == "0" and latex_number(np.float32(-0.0)) == "0"
    built = NashEquilibrium((np.array([1.0, -0.0]), np.array([-0.0, 1.0])),
                            np.array([-0.0, 2.0]), 0.0, "test")
    assert repr(built) == "NashEquilibrium([1, 0], [0, 1]; payoffs=[0, 2])"


def test_latex_writes_exact_fractions_with_long_denominators_exactly():
    """An exact equilibrium 10007/10008 printed exactly in its repr but as 0.9999 (a rounded
    decimal with no mark) in LaTeX; payoff tables promise exact numbers."""
    g = ml.NormalFormGame([[Fraction(1, 10007), 0], [0, 1]], [[1, 0], [0, Fraction(1, 3)]])
    assert r"$\frac{1}{10007}, 1$" in g.to_latex()
    eq = ml.solvers.nash_equilibria(g)[1]
    assert repr(eq) == "NashEquilibrium([1/4, 3/4], [10007/10008, 1/10008]; payoffs=[1/10008, 1/4])"
    assert r"\left(\frac{10007}{10008}, \frac{1}{10008}\right)" in eq._repr_latex_()
    assert latex_number(Fraction(1, 10007)) == latex_number(sympy.Rational(1, 10007))
    # a fraction too long to read is marked as approximate, never passed off as exact
    assert latex_number(Fraction(10**30 + 1, 3 * 10**30)) == r"\approx 0.333333"
    assert latex_number(Fraction(-(10**30 + 1), 3 * 10**30)) == r"\approx -0.333333"


@pytest.mark.parametrize("label", ["[x]", "a\n\nb", "[1] & [2]"])
def test_latex_of_labels_that_open_a_bracket_or_a_paragraph_compiles(label, tmp_path):
    """A cell starting with ``[`` after ``\\\\`` or ``\\midrule`` was read as their optional
    argument ("Missing number"); a blank line in a label ended the paragraph inside the table."""
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    g = ml.NormalFormGame([[1, 0], [0, 1]], [[1, 0], [0, 1]], players=[label, "B"],
                          actions=[[label, "D"], ["C", label]])
    idx = ml.solvers.shapley_shubik(ml.WeightedVotingGame([2, 1], 2, members=[label, "b"]))
    doc = tmp_path / "t.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
                   "\\usepackage{booktabs}\n\\usepackage{amsmath}\n\\begin{document}\n"
                   + g.to_latex(title=label) + "\n\n" + idx.to_latex(title=label)
                   + "\n\\end{document}\n")
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.name],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout[-2000:]
    assert latex_escape("[x]") == "{[}x]" and latex_escape("a\n\nb") == "a  b"


def test_to_latex_of_a_huge_game_is_refused():
    """Every cell is written: a 3000 x 3000 game took 150 s and 81 MB to make a table no page
    holds; more than 10,000 profiles is an error that says what to do."""
    big = ml.NormalFormGame(np.zeros((200, 200)), np.zeros((200, 200)))
    with pytest.raises(ml.errors.InvalidArgumentError, match="40000 profiles"):
        big.to_latex()
    many = ml.AnonymousGame.public_goods(n=14, r=3).to_normal_form()  # 2**14 profiles
    with pytest.raises(ml.errors.InvalidArgumentError, match="16384 profiles"):
        many.to_latex()
    assert ml.NormalFormGame(np.zeros((100, 100)), np.zeros((100, 100))).to_latex()


def test_result_reprs_stay_short_in_large_games():
    """DESIGN: results have a short repr. A 30-action equilibrium printed 60 probabilities, a
    30 x 30 correlated equilibrium 900 (2751 characters); at most 12 values per vector are
    shown, with the count."""
    x = np.zeros(30)
    x[14] = 1.0
    built = NashEquilibrium((x, x[::-1].copy()), np.array([3.0, 4.0]), 0.0, "test",
                            exact=(tuple(Fraction(int(v)) for v in x),
                                   tuple(Fraction(int(v)) for v in x[::-1])))
    assert repr(built) == ("NashEquilibrium([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... (30 values)], "
                           "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... (30 values)]; "
                           "payoffs=[3, 4])")
    floats = NashEquilibrium((x, x), np.array([3.0, 4.0]), 0.0, "test")
    assert repr(floats).count("... (30 values)") == 2
    game = ml.NormalFormGame(np.eye(5, dtype=int), np.eye(5, dtype=int))
    ce = ml.solvers.correlated_equilibrium(game)
    assert "... (25 values)" in repr(ce) and len(repr(ce)) < 120
    # small results are unchanged
    assert repr(ml.solvers.nash_equilibria(STAG)[1]) == (
        "NashEquilibrium([2/3, 1/3], [2/3, 1/3]; payoffs=[8/3, 8/3])")


def test_thresholds_at_negative_zero_print_zero():
    """(n - 1)(R - T)/(R - S) with float R == T is -0.0: the repr said 'relative_weight >= -0'."""
    t = ml.models.RelativeGains(T=3.0, R=3.0, P=1.0, S=5.0).threshold()
    assert repr(t) == "Threshold(relative_weight >= 0)"
    assert repr(Threshold.at(-0.0, "x")) == "Threshold(x >= 0)"
    assert repr(CriticalDiscount.at_least(-0.0)) == "CriticalDiscount(0)"


def test_evolutionary_and_cooperative_reprs_stay_short_at_193_members():
    """RestPoint, Trajectory, SmallMutationLimit and the TU solutions printed every value: a
    193-strategy trajectory's repr ran to 1,800 characters. They now cap their vectors as the
    equilibria do (12 values, then the count), and an exact value too long to read is shown by
    its float."""
    from multilateral.solvers import Core, LeastCore, Nucleolus, RestPoint, SmallMutationLimit

    n = 193
    x = np.full(n, 1 / n)
    thirds = tuple(Fraction(1, n) for _ in range(n))
    rest = RestPoint(x, "stable", np.zeros(n - 1), exact=thirds)
    assert repr(rest) == ("RestPoint([" + "1/193, " * 12 + "... (193 values)], stable)")
    assert repr(RestPoint(x, "saddle", np.zeros(n - 1))).endswith("... (193 values)], saddle)")
    traj = ml.solvers.replicator(np.eye(n), x, [0, 1])
    assert "... (193 values)" in repr(traj) and len(repr(traj)) < 200
    sml = SmallMutationLimit(fixation=np.zeros((n, n)), transition=np.zeros((n, n)),
                             stationary=x, strategies=tuple(f"s{i}" for i in range(n)))
    assert repr(sml).endswith("... (193 values)])") and len(repr(sml)) < 200

    allocation = np.ones(n)
    ones = tuple(Fraction(1) for _ in range(n))
    least = LeastCore(epsilon=0.0, allocation=allocation, exact_epsilon=Fraction(0), exact=ones)
    assert repr(least) == "LeastCore(epsilon=0, allocation=[" + "1, " * 12 + "... (193 values)])"
    nuc = Nucleolus(allocation, ones, (0.0,), ((),), (Fraction(0),), 2)
    assert repr(nuc) == "Nucleolus([" + "1, " * 12 + "... (193 values)]; 2 LPs)"
    core = Core(False, allocation, ones, least, np.zeros(0, dtype=np.int64),
                np.zeros((0, n), dtype=np.int64), np.zeros(0), n)
    assert repr(core) == "Core(nonempty, e.g. [" + "1, " * 12 + "... (193 values)])"
    # the largest game the LPs solve in a second, through the solvers
    glove = ml.games.TUGame.glove(6, 7)
    assert repr(ml.solvers.nucleolus(glove)) == (
        "Nucleolus([" + "1, " * 6 + "0, " * 6 + "... (13 values)]; 2 LPs)")
    # an exact value hundreds of digits long is shown by its float, marked
    huge = Fraction(2**300 + 1, 3**190)
    long = LeastCore(epsilon=float(huge), allocation=np.array([float(huge)]),
                     exact_epsilon=huge, exact=(huge,))
    assert repr(long) == "LeastCore(epsilon=~0.452856 (exact), allocation=[~0.4529 (exact)])"
