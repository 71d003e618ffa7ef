"""Plots: the drawn data are the game's payoffs, labels exist, bad input raises clearly."""

import sys
from fractions import Fraction

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import multilateral as ml  # noqa: E402
from multilateral import errors  # noqa: E402
from multilateral import plot as mplot  # noqa: E402
from multilateral import strategies as mst  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _lines(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def _cell(ax, row, col):
    return ax.tables[0].get_celld()[row, col].get_text().get_text()


class TestSchellingDiagram:
    def test_lines_are_the_payoffs(self):
        game = ml.AnonymousGame.public_goods(n=10, r=3)
        ax = mplot.schelling_diagram(game)
        lines = _lines(ax)
        coop, defe = lines["cooperator (C)"], lines["defector (D)"]
        np.testing.assert_array_equal(coop.get_xdata(), np.arange(10))
        np.testing.assert_array_equal(defe.get_xdata(), np.arange(10))
        np.testing.assert_allclose(coop.get_ydata(), np.asarray(game.cooperator, dtype=float))
        np.testing.assert_allclose(defe.get_ydata(), np.asarray(game.defector, dtype=float))

    def test_labels_legend_and_title(self):
        game = ml.AnonymousGame.public_goods(n=10, r=3)
        ax = mplot.schelling_diagram(game)
        assert "other cooperators" in ax.get_xlabel()
        assert ax.get_ylabel() == "payoff"
        assert ax.get_title() == game.name
        legend = ax.get_legend()
        assert legend is not None
        assert [t.get_text() for t in legend.get_texts()] == ["cooperator (C)", "defector (D)"]

    def test_public_goods_dilemma_has_no_crossing(self):
        # r < n: the defector's line lies above the cooperator's everywhere
        ax = mplot.schelling_diagram(ml.AnonymousGame.public_goods(n=10, r=3))
        assert "C = D" not in _lines(ax)

    def test_threshold_crossings_bracket_the_pivotal_k(self):
        game = ml.AnonymousGame.threshold(5, 3, benefit=4, cost=1)
        crossings = _lines(mplot.schelling_diagram(game))["C = D"]
        np.testing.assert_allclose(crossings.get_xydata(), [[1.25, 0.0], [2.75, 3.0]])

    def test_crossing_at_an_integer_k_is_marked_once(self):
        game = ml.AnonymousGame([0, 2, 4], [1, 2, 3])  # equal at k = 1
        crossings = _lines(mplot.schelling_diagram(game))["C = D"]
        np.testing.assert_allclose(crossings.get_xydata(), [[1.0, 2.0]])

    def test_float_payoffs_within_tol_count_as_equal(self):
        game = ml.AnonymousGame([0.1 * 3, 1.0], [0.3, 0.0])  # 0.30000000000000004 vs 0.3
        crossings = _lines(mplot.schelling_diagram(game))["C = D"]
        np.testing.assert_allclose(crossings.get_xydata(), [[0.0, 0.3]])

    def test_mark_crossings_false(self):
        game = ml.AnonymousGame.threshold(5, 3, benefit=4, cost=1)
        ax = mplot.schelling_diagram(game, mark_crossings=False)
        assert len(ax.get_lines()) == 2

    def test_exact_fraction_payoffs(self):
        game = ml.AnonymousGame.public_goods(n=4, r=Fraction(5, 2))
        ax = mplot.schelling_diagram(game)
        expected = [float(x) for x in game.cooperator]
        np.testing.assert_allclose(_lines(ax)["cooperator (C)"].get_ydata(), expected)

    def test_draws_on_the_given_axes(self):
        _fig, (left, right) = plt.subplots(1, 2)
        out = mplot.schelling_diagram(ml.AnonymousGame.prisoners_dilemma(4), ax=right)
        assert out is right
        assert not left.get_lines()

    def test_large_n_is_cheap(self):
        ax = mplot.schelling_diagram(ml.AnonymousGame.public_goods(n=193, r=3))
        assert len(_lines(ax)["cooperator (C)"].get_xdata()) == 193

    @settings(max_examples=25)
    @given(mst.anonymous_games())
    def test_any_anonymous_game(self, game):
        ax = mplot.schelling_diagram(game)
        lines = _lines(ax)
        np.testing.assert_allclose(lines["cooperator (C)"].get_ydata(),
                                   np.asarray(game.cooperator, dtype=float))
        np.testing.assert_allclose(lines["defector (D)"].get_ydata(),
                                   np.asarray(game.defector, dtype=float))
        if "C = D" in lines:  # every marked crossing lies between two k where C - D flips
            for x, _ in lines["C = D"].get_xydata():
                lo, hi = int(np.floor(x)), int(np.ceil(x))
                assert game.gain(lo) * game.gain(hi) <= 0
        plt.close("all")

    @pytest.mark.parametrize("bad", [
        [1, 2, 3],
        np.array([1.0, 2.0]),
        ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
        None,
    ])
    def test_bad_game_type(self, bad):
        with pytest.raises(errors.InvalidTypeError, match="AnonymousGame"):
            mplot.schelling_diagram(bad)

    def test_bad_axes_type(self):
        game = ml.AnonymousGame.public_goods(n=3, r=2)
        with pytest.raises(errors.InvalidTypeError, match="Axes"):
            mplot.schelling_diagram(game, ax="not axes")
        with pytest.raises(TypeError):  # also a builtin TypeError
            mplot.schelling_diagram(game, ax=plt.figure())


class TestGainFunctionPlot:
    def test_curve_is_the_gain_function(self):
        game = ml.AnonymousGame.threshold(10, 4, benefit=3, cost=1)
        ax = mplot.gain_function_plot(game, points=51)
        curve = _lines(ax)["g(x)"]
        x = np.linspace(0, 1, 51)
        np.testing.assert_allclose(curve.get_xdata(), x)
        np.testing.assert_allclose(curve.get_ydata(), game.gain_function(x))

    def test_zero_line_labels_and_legend(self):
        ax = mplot.gain_function_plot(ml.AnonymousGame.public_goods(n=10, r=3))
        zero = _lines(ax)["g = 0"]
        assert set(np.asarray(zero.get_ydata(), dtype=float)) == {0.0}
        assert "probability" in ax.get_xlabel()
        assert "g(x)" in ax.get_ylabel()
        assert ax.get_xlim() == (0.0, 1.0)
        assert ax.get_legend() is not None

    def test_marks_the_symmetric_equilibria(self):
        game = ml.AnonymousGame.threshold(10, 4, benefit=10, cost=1)
        ax = mplot.gain_function_plot(game)
        lines = _lines(ax)
        eqs = ml.solvers.symmetric_equilibria(game)
        stable = sorted(eq.probability for eq in eqs if eq.stable)
        unstable = sorted(eq.probability for eq in eqs if not eq.stable)
        assert len(stable) == 2 and len(unstable) == 1  # all-defect, a tipping point, a mix
        np.testing.assert_allclose(sorted(lines["stable equilibrium"].get_xdata()), stable)
        np.testing.assert_allclose(sorted(lines["unstable equilibrium"].get_xdata()), unstable)

    def test_without_equilibria(self):
        ax = mplot.gain_function_plot(ml.AnonymousGame.public_goods(n=10, r=3), equilibria=False)
        assert set(_lines(ax)) == {"g(x)", "g = 0"}

    def test_degenerate_game_marks_nothing(self):
        game = ml.AnonymousGame([1, 2, 3], [1, 2, 3])  # g identically zero
        ax = mplot.gain_function_plot(game)
        assert set(_lines(ax)) == {"g(x)", "g = 0"}

    def test_bad_inputs(self):
        with pytest.raises(errors.InvalidTypeError):
            mplot.gain_function_plot(ml.NormalFormGame([[1, 2]], [[3, 4]]))
        with pytest.raises(errors.InvalidTypeError):
            mplot.gain_function_plot(ml.AnonymousGame.public_goods(n=3, r=2), ax=42)
        with pytest.raises(errors.InvalidTypeError):
            mplot.gain_function_plot(ml.AnonymousGame.public_goods(n=3, r=2), points=2.5)
        with pytest.raises(errors.InvalidArgumentError):
            mplot.gain_function_plot(ml.AnonymousGame.public_goods(n=3, r=2), points=1)


CANONICAL = {
    "prisoners_dilemma": (dict(T=5, R=3, P=1, S=0), "Prisoners' Dilemma (T > R > P > S)"),
    "stag_hunt": (dict(T=3, R=4, P=2, S=1), "Stag Hunt (R > T > P > S)"),
    "chicken": (dict(T=4, R=3, P=1, S=2), "Chicken (T > R > S > P)"),
    "deadlock": (dict(T=4, R=2, P=3, S=1), "Deadlock (T > P > R > S)"),
    "harmony": (dict(T=3, R=4, P=1, S=2), "Harmony (R > T > S > P)"),
}


class TestPayoffMatrix:
    @pytest.mark.parametrize("kind", sorted(CANONICAL))
    def test_oye_type_in_title(self, kind):
        params, title = CANONICAL[kind]
        game = ml.TwoByTwo.symmetric(**params)
        assert game.oye_type == kind
        assert mplot.payoff_matrix(game).get_title() == title

    def test_cells_are_the_payoffs(self):
        game = ml.TwoByTwo([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        ax = mplot.payoff_matrix(game)
        for i in range(2):
            for j in range(2):
                u1, u2 = game.payoffs[i, j]
                assert _cell(ax, i + 1, j) == f"{u1}, {u2}"

    def test_action_labels(self):
        game = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0, players=["US", "USSR"])
        ax = mplot.payoff_matrix(game)
        assert [_cell(ax, 0, j) for j in range(2)] == ["USSR: C", "USSR: D"]
        assert [_cell(ax, i, -1) for i in (1, 2)] == ["US: C", "US: D"]
        assert not ax.axison

    def test_rectangular_normal_form_game(self):
        a = np.arange(6).reshape(2, 3)
        game = ml.NormalFormGame(a, -a, players=["Row", "Col"],
                                 actions=[["up", "down"], ["l", "m", "r"]])
        ax = mplot.payoff_matrix(game)
        assert ax.get_title() == "Row (rows) vs Col (columns)"
        assert [_cell(ax, 0, j) for j in range(3)] == ["Col: l", "Col: m", "Col: r"]
        assert _cell(ax, 2, 2) == "5, -5"

    def test_exact_and_float_formatting(self):
        game = ml.NormalFormGame([[Fraction(1, 3), 0], [1, 2]], [[0.5, 1.25], [2.0, 1 / 3]])
        ax = mplot.payoff_matrix(game)
        assert _cell(ax, 1, 0) == "1/3, 0.5"
        assert _cell(ax, 2, 1) == "2, 0.3333"

    def test_tie_or_mixed_orderings_are_not_typed(self):
        tie = ml.TwoByTwo.symmetric(T=3, R=4, P=1, S=1)
        assert "not one of Oye's types" in mplot.payoff_matrix(tie).get_title()
        mixed = ml.TwoByTwo([[3, 0], [5, 1]], [[4, 3], [1, 2]])  # PD row, other column
        title = mplot.payoff_matrix(mixed).get_title()
        assert "|" in title and "T > R > P > S" in title

    def test_pure_equilibria_are_shaded(self):
        chicken = ml.TwoByTwo.symmetric(T=4, R=3, P=1, S=2)
        cells = mplot.payoff_matrix(chicken).tables[0].get_celld()
        white = matplotlib.colors.to_rgba("white")
        shaded = {(i, j) for i in range(2) for j in range(2)
                  if cells[i + 1, j].get_facecolor() != white}
        assert shaded == {(0, 1), (1, 0)}
        plain = mplot.payoff_matrix(chicken, highlight_equilibria=False).tables[0].get_celld()
        assert all(plain[i + 1, j].get_facecolor() == white for i in range(2) for j in range(2))

    @settings(max_examples=25)
    @given(mst.oye_games())
    def test_any_oye_game_title(self, game):
        title = mplot.payoff_matrix(game).get_title()
        assert title.startswith(mplot.OYE_NAMES[game.oye_type])
        plt.close("all")

    @pytest.mark.parametrize("bad", [
        [[1, 2], [3, 4]],
        np.zeros((2, 2, 2)),
        ml.AnonymousGame.public_goods(n=2, r=1.5),
        "PD",
    ])
    def test_bad_game_type(self, bad):
        with pytest.raises(errors.InvalidTypeError, match="NormalFormGame"):
            mplot.payoff_matrix(bad)

    def test_three_players_refused(self):
        game = ml.NormalFormGame(np.zeros((2, 2, 2, 3)))
        with pytest.raises(errors.InvalidGameError, match="two-player"):
            mplot.payoff_matrix(game)

    def test_bad_axes_type(self):
        with pytest.raises(errors.InvalidTypeError, match="Axes"):
            mplot.payoff_matrix(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), ax=[1])


def test_missing_matplotlib_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r'pip install "multilateral\[plot\]"') as info:
        mplot.schelling_diagram(ml.AnonymousGame.public_goods(n=3, r=2))
    assert isinstance(info.value, errors.MultilateralError)
    assert isinstance(info.value, ml.errors.MissingDependencyError)


def test_import_multilateral_does_not_import_matplotlib():
    import subprocess

    code = "import sys, multilateral; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_plot_module_import_does_not_import_matplotlib():
    import subprocess

    code = "import sys, multilateral.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- plots of models and sweeps -------------------------------------------------------------------
class TestSchellingDiagrams:
    def test_one_pair_of_lines_per_game_with_its_payoffs(self):
        games = {f"r = {r}": ml.AnonymousGame.public_goods(n=5, r=r) for r in (2, 3, 5)}
        ax = mplot.schelling_diagrams(games)
        lines = _lines(ax)
        assert list(lines) == [f"r = {r}: {s}" for r in (2, 3, 5) for s in "CD"]
        for label, game in games.items():
            assert lines[f"{label}: C"].get_ydata().tolist() == game.cooperator.astype(
                float).tolist()
            assert lines[f"{label}: D"].get_xdata().tolist() == list(range(game.n))
        # one colour per game: C and D of a game share it, two games do not
        assert lines["r = 2: C"].get_color().tolist() == lines["r = 2: D"].get_color().tolist()
        assert lines["r = 2: C"].get_color().tolist() != lines["r = 5: C"].get_color().tolist()

    def test_games_of_different_sizes(self):
        ax = mplot.schelling_diagrams({"n = 3": ml.AnonymousGame.public_goods(n=3, r=2),
                                       "n = 6": ml.AnonymousGame.public_goods(n=6, r=2)})
        assert [len(line.get_xdata()) for line in ax.get_lines()] == [3, 3, 6, 6]

    def test_bad_input(self):
        with pytest.raises(errors.InvalidTypeError, match="mapping of labels"):
            mplot.schelling_diagrams([ml.AnonymousGame.public_goods(n=3, r=2)])
        with pytest.raises(errors.InvalidArgumentError, match="at least one game"):
            mplot.schelling_diagrams({})
        with pytest.raises(errors.InvalidTypeError, match="not an AnonymousGame"):
            mplot.schelling_diagrams({"pd": ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)})


class TestGainFunctions:
    def test_curves_are_the_gain_functions(self):
        games = {f"n = {n}": ml.AnonymousGame.threshold(n, n // 2, benefit=4, cost=1)
                 for n in (4, 8, 12)}
        ax = mplot.gain_functions(games, points=51)
        lines = _lines(ax)
        x = np.linspace(0, 1, 51)
        for label, game in games.items():
            np.testing.assert_allclose(lines[label].get_xdata(), x)
            np.testing.assert_allclose(lines[label].get_ydata(), game.gain_function(x))
        assert [t.get_text() for t in ax.get_legend().get_texts()] == list(games)
        assert set(np.asarray(lines["zero"].get_ydata(), dtype=float)) == {0.0}

    def test_gradient_of_the_collective_risk_dilemma(self):
        # the model's own replicator gradient x (1 - x) b (r Gamma - c), and its rest points
        models = {n: ml.models.CollectiveRiskDilemma(n=n, threshold=n // 2,
                                                     risk=Fraction(2, 5)) for n in (4, 12)}
        ax = mplot.gain_functions({f"N = {n}": m.game for n, m in models.items()},
                                  kind="gradient", points=101)
        lines = _lines(ax)
        x = np.linspace(0, 1, 101)
        for n, model in models.items():
            np.testing.assert_allclose(lines[f"N = {n}"].get_ydata(), model.gradient(x),
                                       atol=1e-15)
        interior = models[4].interior_roots()  # one unstable, one stable
        unstable = lines["_N = 4: unstable"].get_xdata()
        np.testing.assert_allclose(unstable, [e.probability for e in interior if not e.stable])
        stable = sorted(lines["_N = 4: stable"].get_xdata())
        np.testing.assert_allclose(stable, [0.0] + [e.probability for e in interior
                                                    if e.stable])
        # N = 12: the risk is below its critical risk; defection is the only rest point
        assert lines["_N = 12: stable"].get_xdata().tolist() == [0.0]
        assert "_N = 12: unstable" not in lines
        assert "gradient" in ax.get_ylabel()

    def test_colour_per_game_shared_by_its_equilibria(self):
        games = {"a": ml.AnonymousGame.threshold(5, 3, benefit=4, cost=1),
                 "b": ml.AnonymousGame.threshold(6, 3, benefit=4, cost=1)}
        lines = _lines(mplot.gain_functions(games))
        assert lines["a"].get_color() == lines["_a: stable"].get_color()
        assert lines["a"].get_color() != lines["b"].get_color()

    def test_without_equilibria_and_degenerate(self):
        games = {"pd": ml.AnonymousGame.public_goods(n=4, r=2),
                 "flat": ml.AnonymousGame([1, 2, 3], [1, 2, 3])}
        assert set(_lines(mplot.gain_functions(games, equilibria=False))) == {
            "pd", "flat", "zero"}
        assert "_flat: stable" not in _lines(mplot.gain_functions(games))

    def test_bad_input(self):
        game = ml.AnonymousGame.public_goods(n=3, r=2)
        with pytest.raises(errors.InvalidTypeError, match="mapping of labels"):
            mplot.gain_functions([game])
        with pytest.raises(errors.InvalidArgumentError, match="at least one game"):
            mplot.gain_functions({})
        with pytest.raises(errors.InvalidTypeError, match="not an AnonymousGame"):
            mplot.gain_functions({"pd": ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)})
        with pytest.raises(errors.InvalidArgumentError, match="'gain' or 'gradient'"):
            mplot.gain_functions({"g": game}, kind="replicator")
        with pytest.raises(errors.InvalidArgumentError):
            mplot.gain_functions({"g": game}, points=1)


class TestMagicNumberCurve:
    def test_curves_are_the_models(self):
        model = ml.models.MagicNumber(
            [Fraction(4, 10), Fraction(3, 10), Fraction(2, 10), Fraction(1, 10)],
            labels=list("ABCD"),
            cooperation=ml.models.ConditionalCooperation(n=2, r=3), delta=Fraction(1, 10))
        curve, best = model.curve(), model.optimal_membership()
        ax = mplot.magic_number_curve(model)
        lines = _lines(ax)
        assert lines["coverage"].get_ydata().tolist() == curve.coverage.tolist()
        assert lines["p(k): the club holds"].get_ydata().tolist() == curve.p_sustained.tolist()
        assert lines["expected net benefit"].get_ydata().tolist() == curve.net_benefit.tolist()
        mark = lines[f"magic number k = {best.k}"]
        assert mark.get_xdata().tolist() == [best.k]
        assert mark.get_ydata().tolist() == [best.net_benefit]
        # clubs of three hold at any delta (r / k >= 1); four need delta >= (4 - 3) / (3 * 4 - 3)
        # = 1/9 > 1/10
        assert best.k == 3

    def test_no_cooperation_model_no_probability_line(self):
        model = ml.models.MagicNumber([Fraction(1, 2), Fraction(1, 2)], cost=Fraction(1, 10))
        assert "p(k): the club holds" not in _lines(mplot.magic_number_curve(model))

    def test_bad_input(self):
        with pytest.raises(errors.InvalidTypeError, match="MagicNumber"):
            mplot.magic_number_curve(ml.models.SelfEnforcingAgreement(n=3, benefit=1, cost=1))


class TestPowerBars:
    def test_bars_are_the_index(self):
        from multilateral.cases import unsc

        council = unsc.voting_game("post-1965")
        index = ml.solvers.shapley_shubik(council)
        ax = mplot.power_bars(index)
        assert [p.get_height() for p in ax.patches] == [float(v) for v in index.values]
        assert [t.get_text() for t in ax.get_xticklabels()] == list(index.members)
        assert ax.get_title() == "shapley-shubik"
        # the five permanent members' bars: 421/2145 each
        assert {round(float(p.get_height()), 6) for p in ax.patches[:5]} == {
            round(421 / 2145, 6)}

    def test_side_by_side_bars_are_each_index(self):
        from multilateral.cases import unsc

        game = unsc.voting_game("post-1965")
        shown = ["China", "E1", "E2"]
        results = {"Shapley-Shubik": ml.solvers.shapley_shubik(game),
                   "Banzhaf": ml.solvers.banzhaf(game, normalized=True)}
        shares = {m: Fraction(1, 15) for m in game.members}  # one seat each
        ax = mplot.power_bars(results, members=shown, shares=shares)
        assert [bars.get_label() for bars in ax.containers] == ["Shapley-Shubik", "Banzhaf"]
        for bars, index in zip(ax.containers, results.values(), strict=True):
            assert [b.get_height() for b in bars] == [float(index[m]) for m in shown]
        # side by side: the second index's bars sit right of the first's, at each member
        left = [b.get_x() for b in ax.containers[0]]
        right = [b.get_x() for b in ax.containers[1]]
        assert all(b > a for a, b in zip(left, right, strict=True))
        assert [t.get_text() for t in ax.get_xticklabels()] == shown
        assert ax.get_title() == "power indices"  # two kinds of index
        weight = _lines(ax)["share of the weight"]
        assert weight.get_ydata().tolist() == [float(shares[m]) for m in shown]

    def test_stacked_groups_sum_each_index(self):
        from multilateral.cases import unsc

        results = {p: ml.solvers.shapley_shubik(unsc.voting_game(p)) for p in unsc.PERIODS}
        permanent = list(unsc.voting_game("post-1965").members[:5])
        elected = [f"E{k}" for k in range(1, 11)]  # six before 1965, ten after
        ax = mplot.power_bars(results, groups={"permanent": permanent, "elected": elected},
                              stacked=True)
        perm, elect = ax.containers
        assert (perm.get_label(), elect.get_label()) == ("permanent", "elected")
        # Shapley-Shubik: 1/462 per elected seat of eleven, 4/2145 per seat of fifteen
        expected_elected = [6 * Fraction(1, 462), 10 * Fraction(4, 2145)]
        assert [b.get_height() for b in elect] == pytest.approx(
            [float(e) for e in expected_elected])
        assert [b.get_height() for b in perm] == pytest.approx(
            [float(1 - e) for e in expected_elected])
        assert [b.get_y() for b in elect] == [b.get_height() for b in perm]  # stacked on top
        assert [t.get_text() for t in ax.get_xticklabels()] == list(unsc.PERIODS)
        assert ax.get_title() == "shapley-shubik"

    def test_groups_side_by_side(self):
        game = ml.WeightedVotingGame([3, 2, 1, 1], 4, members=list("ABCD"))
        index = ml.solvers.shapley_shubik(game)
        ax = mplot.power_bars(index, groups={"A": ["A"], "rest": ["B", "C", "D"]})
        assert [b.get_height() for b in ax.containers[0]] == [
            float(index["A"]), float(index["B"] + index["C"] + index["D"])]

    def test_bad_input(self):
        with pytest.raises(errors.InvalidTypeError, match="PowerIndex"):
            mplot.power_bars({"A": 0.5, "B": 0.5})
        with pytest.raises(errors.InvalidTypeError, match="PowerIndex"):
            mplot.power_bars([0.5, 0.5])
        game = ml.WeightedVotingGame([2, 1, 1], 3, members=list("ABC"))
        index = ml.solvers.shapley_shubik(game)
        with pytest.raises(errors.InvalidArgumentError, match="at least one"):
            mplot.power_bars({})
        with pytest.raises(errors.InvalidArgumentError, match="no member 'D'"):
            mplot.power_bars(index, members=["A", "D"])
        with pytest.raises(errors.InvalidTypeError, match="sequence of member labels"):
            mplot.power_bars(index, members="AB")
        with pytest.raises(errors.InvalidArgumentError, match="either members or groups"):
            mplot.power_bars(index, members=["A"], groups={"x": ["A"]})
        with pytest.raises(errors.InvalidArgumentError, match="member of no index"):
            mplot.power_bars(index, groups={"x": ["A", "Z"]})
        with pytest.raises(errors.InvalidArgumentError, match="in two groups"):
            mplot.power_bars(index, groups={"x": ["A", "B"], "y": ["B"]})
        with pytest.raises(errors.InvalidTypeError, match="collection of member labels"):
            mplot.power_bars(index, groups={"x": "AB"})
        with pytest.raises(errors.InvalidArgumentError, match="stacked=False"):
            mplot.power_bars(index, stacked=True, shares={"A": 1})
        with pytest.raises(errors.InvalidArgumentError, match="no value for 'C'"):
            mplot.power_bars(index, shares={"A": 0.5, "B": 0.5})
        with pytest.raises(errors.InvalidTypeError, match="True or False"):
            mplot.power_bars(index, stacked="yes")


class TestCoalitionStability:
    def test_by_size_gains_and_stable_sizes(self):
        sea = ml.models.SelfEnforcingAgreement(n=30, benefit=1, cost=Fraction(1, 10),
                                               specification="barrett")
        lines = _lines(mplot.coalition_stability(sea))
        leave, join, stable = (lines["gain from leaving"], lines["gain from joining"],
                               lines["stable"])
        assert leave.get_ydata().tolist() == [
            float(sea.stability(k).gain_from_leaving) for k in range(1, 31)]
        assert join.get_xdata().tolist() == list(range(30))
        assert stable.get_xdata().tolist() == list(sea.stable_sizes())

    def test_by_coalition_marks_the_stable_ones(self):
        model = ml.models.AsymmetricAgreement([4, 1], [1, 1], multiplicity=[1, 4],
                                              specification="linear")
        lines = _lines(mplot.coalition_stability(model))
        table = model.table()
        assert len(lines["every coalition"].get_xdata()) == 10
        with_t = lines["stable with transfers"]
        assert sorted(with_t.get_xdata().tolist()) == [3, 3]  # (0, 3) and (1, 2)
        assert with_t.get_ydata().tolist() == [
            float(g) for g in table.closed_gap()[table.stable_with_transfers]]
        assert lines["stable"].get_xdata().tolist() == [1]

    def test_bad_input(self):
        with pytest.raises(errors.InvalidArgumentError, match="AsymmetricAgreement"):
            mplot.coalition_stability(ml.models.SelfEnforcingAgreement(
                n=3, benefit=[1, 2, 3], cost=1))
        with pytest.raises(errors.InvalidTypeError, match="SelfEnforcingAgreement or"):
            mplot.coalition_stability(ml.AnonymousGame.public_goods(n=3, r=2))


class TestSweepMap:
    def test_cells_are_the_outputs(self):
        res = ml.sweep(lambda n, r: {"k": n * r, "ok": r >= n},
                       {"n": [2, 3, 4], "r": [1, 2]}, store=False)
        ax = mplot.sweep_map(res, "n", "r", "k")
        assert ax.collections[0].get_array().reshape(2, 3).tolist() == [[2, 3, 4], [4, 6, 8]]
        assert [t.get_text() for t in ax.texts] == ["2", "3", "4", "4", "6", "8"]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["2", "3", "4"]
        assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("n", "r", "k")

    def test_text_parameters_label_the_cells(self):
        res = ml.sweep(lambda n, rule: {"k": n if rule == "all" else 1},
                       {"n": [2, 5], "rule": ["all", "one"]}, store=False, progress=False)
        ax = mplot.sweep_map(res, "n", "rule", "k")
        assert [t.get_text() for t in ax.get_yticklabels()] == ["all", "one"]
        assert ax.collections[0].get_array().reshape(2, 2).tolist() == [[2, 5], [1, 1]]

    def test_categories_name_the_cells(self):
        res = ml.sweep(lambda n, r: {"who": 2 if r > n else int(r == n)},
                       {"n": [2, 3, 4], "r": [2, 3]}, store=False, progress=False)
        names = {0: "nobody", 1: "some", 2: "all"}
        ax = mplot.sweep_map(res, "n", "r", "who", categories=names)
        # the array holds each cell's position among the categories
        assert ax.collections[0].get_array().reshape(2, 3).tolist() == [[1, 0, 0], [2, 1, 0]]
        assert [t.get_text() for t in ax.texts] == ["some", "nobody", "nobody",
                                                    "all", "some", "nobody"]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == list(names.values())
        # one colour per category, the cells' colours are the legend's
        mesh = ax.collections[0]
        legend = np.array([p.get_facecolor() for p in ax.get_legend().get_patches()])
        cells = mesh.to_rgba(np.asarray(mesh.get_array()).ravel())
        np.testing.assert_allclose(cells, legend[[1, 0, 0, 2, 1, 0]])
        assert len(np.unique(legend, axis=0)) == 3
        assert len(ax.figure.axes) == 1  # no colour bar

    def test_large_grid_no_cell_text_and_fewer_ticks(self):
        values = list(range(30))
        res = ml.sweep(lambda a, b: a + b, {"a": values, "b": values}, store=False,
                       progress=False)
        ax = mplot.sweep_map(res, "a", "b", "value")
        assert not ax.texts  # 900 cells
        assert ax.collections[0].get_array().reshape(30, 30)[4, 7] == 11
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert labels == [str(v) for v in values[::4]]  # every fourth of 30 values
        np.testing.assert_allclose(ax.get_xticks(), np.arange(0, 30, 4) + 0.5)

    def test_fractions_label_the_ticks_as_decimals(self):
        res = ml.sweep(lambda c, n: int(c * n > 1), {"c": [Fraction(3, 2000), Fraction(1, 2),
                                                           Fraction(2)], "n": [1, 2]},
                       store=False, progress=False)
        ax = mplot.sweep_map(res, "c", "n", "value")
        assert [t.get_text() for t in ax.get_xticklabels()] == ["0.0015", "0.5", "2"]

    def test_bad_input(self):
        res = ml.sweep(lambda n, r: n * r, {"n": [2, 3], "r": [1, 2]}, repeats=2, store=False)
        once = ml.sweep(lambda n, r: n * r, {"n": [2, 3], "r": [1, 2]}, store=False)
        with pytest.raises(errors.InvalidArgumentError, match="no name in categories"):
            mplot.sweep_map(once, "n", "r", "value", categories={2: "two", 3: "three"})
        with pytest.raises(errors.InvalidTypeError, match="categories must be a mapping"):
            mplot.sweep_map(once, "n", "r", "value", categories=["two"])
        with pytest.raises(errors.InvalidArgumentError, match="one task per"):
            mplot.sweep_map(res, "n", "r", "value")
        with pytest.raises(errors.InvalidArgumentError, match="'m' is not in the sweep"):
            mplot.sweep_map(res, "m", "r", "value")
        with pytest.raises(errors.InvalidTypeError, match="SweepResult"):
            mplot.sweep_map({"n": [1]}, "n", "r", "value")


class TestParameterCurve:
    """One parameter: the drawn lines are the sweep's outputs; the background its conclusion."""

    TARIFFS = [Fraction(i, 40) for i in range(40, -1, -1)]  # 1 .. 0, descending on purpose

    def _club(self, price):
        return ml.models.ClimateClub(n=15, benefit=1, cost=1, target_price=price, trade=10)

    def test_lines_are_the_sweeps_outputs_sorted_with_one_line_per_value(self):
        res = ml.sweep(lambda target_price, tariff: self._club(target_price).with_(
            tariff=tariff).largest_stable_size(), {"target_price": [2, 3], "tariff": self.TARIFFS},
            store=False, progress=False)
        ax = mplot.parameter_curve(res, "tariff", "value", lines="target_price")
        lines = _lines(ax)
        assert list(lines) == ["target_price = 2", "target_price = 3"]
        ascending = sorted(self.TARIFFS)
        for price in (2, 3):
            line = lines[f"target_price = {price}"]
            np.testing.assert_array_equal(line.get_xdata(), [float(t) for t in ascending])
            # the model's own tariff-participation relation, computed apart from the sweep
            np.testing.assert_array_equal(line.get_ydata(), self._club(price).participation(
                ascending))
            assert line.get_drawstyle() == "steps-mid"  # integer output: steps by default
            # the jump to all 15 sits at the least tariff, (p - b)**2 / (2 c trade)
            first = ascending[int(np.argmax(line.get_ydata() == 15))]
            assert first == self._club(price).least_tariff(15).exact == Fraction(
                (price - 1) ** 2, 20)
        assert ax.get_xlabel() == "tariff" and ax.get_ylabel() == "value"

    def test_step_follows_the_outputs_type_unless_given(self):
        table = {"x": [0, 1, 2], "count": [1, 2, 2], "share": [0.5, 0.25, 0.125]}
        assert mplot.parameter_curve(table, "x", "count").get_lines()[0].get_drawstyle() \
            == "steps-mid"
        assert mplot.parameter_curve(table, "x", "share").get_lines()[0].get_drawstyle() \
            == "default"
        assert mplot.parameter_curve(table, "x", "share", step=True).get_lines()[0] \
            .get_drawstyle() == "steps-mid"
        assert mplot.parameter_curve(table, "x", "count", step=False).get_lines()[0] \
            .get_drawstyle() == "default"
        # an exact sweep output is drawn from its float column; steps only for integers
        res = ml.sweep(lambda c: Fraction(1, c), {"c": [1, 2, 4]}, store=False, progress=False)
        line = mplot.parameter_curve(res, "c", "value").get_lines()[0]
        assert line.get_ydata().tolist() == [1.0, 0.5, 0.25]
        assert line.get_drawstyle() == "default"

    def test_several_outputs_colour_by_output_and_style_by_line(self):
        table = {"x": [1, 2, 1, 2], "n": [3, 3, 5, 5], "a": [1.0, 2.0, 3.0, 4.0],
                 "b": [5.0, 6.0, 7.0, 8.0]}
        ax = mplot.parameter_curve(table, "x", ["a", "b"], lines="n")
        got = [(line.get_label(), to_hex(line.get_color()), line.get_linestyle(),
                line.get_ydata().tolist()) for line in ax.get_lines()]
        c0, c1 = to_hex("C0"), to_hex("C1")  # a new axes' colour cycle, from its start
        assert got == [("a, n = 3", c0, "-", [1.0, 2.0]), ("a, n = 5", c0, "--", [3.0, 4.0]),
                       ("b, n = 3", c1, "-", [5.0, 6.0]), ("b, n = 5", c1, "--", [7.0, 8.0])]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == [g[0] for g in got]
        one = mplot.parameter_curve({"x": [1, 2], "a": [1.0, 2.0]}, "x", "a")
        assert one.get_legend() is None  # one line, no conclusion: nothing to name

    def test_conclusion_colours_the_background_halfway_between_values(self):
        table = {"x": [8, 0, 1, 2, 4], "y": [5, 1, 2, 3, 4], "outcome": [0, 0, 0, 1, 1]}
        names = {1: "holds", 0: "fails"}
        ax = mplot.parameter_curve(table, "x", "y", conclusion="outcome", categories=names)
        spans = [(p.get_label(), p.get_x(), p.get_x() + p.get_width()) for p in ax.patches]
        # x sorted 0, 1, 2, 4, 8 with outcomes 0, 0, 1, 1, 0: three runs, cut at midpoints
        assert spans == [("fails", 0.0, 1.5), ("holds", 1.5, 6.0), ("_fails", 6.0, 8.0)]
        legend = ax.get_legend()
        assert [t.get_text() for t in legend.get_texts()] == ["holds", "fails"]
        # a span has its category's colour in the legend (the order of categories)
        colors = {t.get_text(): h.get_facecolor()
                  for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)}
        for patch in ax.patches:
            np.testing.assert_allclose(patch.get_facecolor(),
                                       colors[patch.get_label().lstrip("_")])
        assert not np.allclose(colors["holds"], colors["fails"])
        # a new legend (ax.legend() after the plot) names each conclusion once
        assert [t.get_text() for t in ax.legend().get_texts()] == ["y", "fails", "holds"]
        # the spans cover the axes' height, behind the curve
        assert all(p.get_y() == 0.0 and p.get_height() == 1.0 for p in ax.patches)
        assert all(p.zorder < ax.get_lines()[0].zorder for p in ax.patches)

    def test_conclusion_named_by_value_and_shared_by_the_lines(self):
        res = ml.sweep(lambda n, r: {"gain": r / n - 1, "contribute": int(r >= n)},
                       {"n": [2, 4], "r": [1, 2, 3, 4]}, store=False, progress=False)
        with pytest.raises(errors.InvalidArgumentError, match="one conclusion per value"):
            mplot.parameter_curve(res, "r", "gain", lines="n", conclusion="contribute")
        same = ml.sweep(lambda n, r: {"gain": r / n - 1, "big": int(r >= 3)},
                        {"n": [2, 4], "r": [1, 2, 3, 4]}, store=False, progress=False)
        ax = mplot.parameter_curve(same, "r", "gain", lines="n", conclusion="big")
        assert [(p.get_label(), p.get_x(), p.get_x() + p.get_width()) for p in ax.patches] \
            == [("big = 0", 1.0, 2.5), ("big = 1", 2.5, 4.0)]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == [
            "n = 2", "n = 4", "big = 0", "big = 1"]
        np.testing.assert_allclose(_lines(ax)["n = 4"].get_ydata(), [-0.75, -0.5, -0.25, 0.0])

    def test_outputs_that_are_not_finite_are_gaps(self):
        # a threshold that is infinite from some n on (none exists there), and a share
        # left undefined at one n: gaps there, whether drawn as lines or as steps
        table = {"n": [2, 3, 4, 5], "threshold": [0.5, 2.0, float("inf"), float("inf")],
                 "share": [1.0, float("nan"), 0.5, 0.25], "c": [0, 0, 1, 1]}
        ax = mplot.parameter_curve(table, "n", ["threshold", "share"], conclusion="c")
        lines = _lines(ax)
        np.testing.assert_array_equal(lines["threshold"].get_ydata(),
                                      [0.5, 2.0, np.nan, np.nan])
        np.testing.assert_array_equal(lines["share"].get_ydata(), [1.0, np.nan, 0.5, 0.25])
        assert table["threshold"][2] == float("inf")  # the caller's table is left alone
        # steps too leave the gap, and the y limits hold the finite values only
        res = ml.sweep(lambda n: 1 / (4 - n) if n < 4 else float("inf"), {"n": [1, 2, 3, 4]},
                       store=False, progress=False)
        line = mplot.parameter_curve(res, "n", "value", step=True).get_lines()[0]
        np.testing.assert_array_equal(line.get_ydata(), [1 / 3, 1 / 2, 1.0, np.nan])
        assert np.isfinite(line.axes.get_ylim()).all()

    def test_markers_only_on_short_curves(self):
        short = mplot.parameter_curve({"x": range(40), "y": range(40)}, "x", "y")
        long = mplot.parameter_curve({"x": range(41), "y": range(41)}, "x", "y")
        assert short.get_lines()[0].get_marker() == "o"
        assert long.get_lines()[0].get_marker() in (None, "None", "")

    def test_draws_on_the_given_axes(self):
        _, ax = plt.subplots()
        ax.plot([0, 1], [0, 1], label="drawn before")
        table = {"x": [1, 2], "y": [3, 4], "z": [5, 6], "c": [0, 1]}
        assert mplot.parameter_curve(table, "x", ["y", "z"], ax=ax, conclusion="c") is ax
        # the legend names what parameter_curve drew, not what was on the axes before
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["y", "z", "c = 0",
                                                                       "c = 1"]
        assert [line.get_label() for line in ax.get_lines()] == ["drawn before", "y", "z"]

    def test_a_second_call_continues_the_colours_and_keeps_the_labels(self):
        _, ax = plt.subplots()
        first = {"x": [1, 2], "y": [3.0, 4.0]}
        second = {"s": [1, 2, 1, 2], "n": [2, 2, 3, 3], "a": [0.0, 1.0, 2.0, 3.0],
                  "b": [4.0, 5.0, 6.0, 7.0]}
        mplot.parameter_curve(first, "x", "y", ax=ax)
        mplot.parameter_curve(second, "s", ["a", "b"], ax=ax, lines="n")
        colours = [to_hex(line.get_color()) for line in ax.get_lines()]
        cycle = [to_hex(c) for c in plt.rcParams["axes.prop_cycle"].by_key()["color"]]
        # y, then a (both lines) and b (both lines): the cycle's first three colours
        assert colours == [cycle[0], cycle[1], cycle[1], cycle[2], cycle[2]]
        # the first call's title and labels stay; a caller's too
        assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x", "y", "y")
        _, mine = plt.subplots()
        mine.set_title("mine")
        mine.set_ylabel("members")
        mplot.parameter_curve(first, "x", "y", ax=mine)
        assert (mine.get_xlabel(), mine.get_ylabel(), mine.get_title()) == ("x", "members",
                                                                             "mine")
        # the axes' own cycle, whatever it is
        _, custom = plt.subplots()
        custom.set_prop_cycle(color=["red", "green", "blue"])
        mplot.parameter_curve(first, "x", "y", ax=custom)
        mplot.parameter_curve(first, "x", "y", ax=custom)
        assert [to_hex(line.get_color()) for line in custom.get_lines()] == [
            to_hex("red"), to_hex("green")]

    def test_the_default_title_is_short(self):
        table = {"x": [1, 2], "a_long_output_name": [1.0, 2.0], "another_long_one": [3.0, 4.0],
                 "c": [0, 1]}
        # one output: its name, as sweep_map's title (the background's legend names c)
        ax = mplot.parameter_curve(table, "x", "a_long_output_name", conclusion="c")
        assert ax.get_title() == "a_long_output_name"
        # several: no title, the legend names them
        ax = mplot.parameter_curve(table, "x", ["a_long_output_name", "another_long_one"],
                                   conclusion="c")
        assert ax.get_title() == ""
        assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == [
            "a_long_output_name", "another_long_one"]

    def test_styles_by_output_and_by_line_value(self):
        table = {"x": [1, 2, 1, 2], "n": [3, 3, 5, 5], "a": [1.0, 2.0, 3.0, 4.0],
                 "b": [5.0, 6.0, 7.0, 8.0]}
        styles = {"b": {"linewidth": 3, "marker": "s"}, 5: {"linestyle": ":"},
                  3: {"color": "black"}}
        ax = mplot.parameter_curve(table, "x", ["a", "b"], lines="n", styles=styles)
        got = [(line.get_label(), to_hex(line.get_color()), line.get_linestyle(),
                line.get_linewidth(), line.get_marker()) for line in ax.get_lines()]
        default = plt.rcParams["lines.linewidth"]
        c0, c1 = to_hex("C0"), to_hex("C1")  # the n = 3 lines are black: the cycle goes on
        assert got == [("a, n = 3", to_hex("black"), "-", default, "o"),
                       ("a, n = 5", c0, ":", default, "o"),
                       ("b, n = 3", to_hex("black"), "-", 3, "s"),
                       ("b, n = 5", c1, ":", 3, "s")]
        # one output: by its name (an alias of a property as well)
        one = mplot.parameter_curve({"x": [1, 2], "y": [0.5, 1.0]}, "x", "y",
                                    styles={"y": {"ls": "--", "alpha": 0.5}})
        assert (one.get_lines()[0].get_linestyle(), one.get_lines()[0].get_alpha()) \
            == ("--", 0.5)

    def test_styles_that_name_nothing_drawn_are_refused(self):
        table = {"x": [1, 2, 1, 2], "n": [3, 3, 5, 5], "a": [1.0, 2.0, 3.0, 4.0]}
        cases = [
            (dict(styles={"b": {"color": "k"}}), errors.InvalidArgumentError,
             "styles name 'b', which is not drawn: the outputs are ['a']; the values of n are "
             "[3, 5]"),
            (dict(styles={4: {"color": "k"}}), errors.InvalidArgumentError,
             "styles name 4, which is not drawn"),
            (dict(styles={"a": {"colour": "k"}}), errors.InvalidArgumentError,
             "styles['a'] sets 'colour', which is not a property of matplotlib lines"),
            (dict(styles={"a": {"color": "no such colour"}}), errors.InvalidArgumentError,
             "styles for the line 'n = 3': matplotlib refused them"),
            (dict(styles={"a": ":"}), errors.InvalidTypeError,
             "styles['a'] must be a mapping of line properties"),
            (dict(styles=[("a", {})]), errors.InvalidTypeError, "styles must be a mapping"),
        ]
        for kwargs, error, says in cases:
            with pytest.raises(error) as info:
                mplot.parameter_curve(table, "x", ["a"], lines="n", **kwargs)
            assert type(info.value) is error, (says, info.value)
            assert says in str(info.value), (says, str(info.value))
        with pytest.raises(errors.InvalidArgumentError,
                           match=r"the outputs are \['y'\]$"):  # no lines: no values named
            mplot.parameter_curve({"x": [1, 2], "y": [1, 2]}, "x", "y", styles={1: {}})

    def test_bad_input(self):
        repeated = ml.sweep(lambda a: a, {"a": [1, 2]}, repeats=2, store=False)
        exact = ml.sweep(lambda a: Fraction(1, a), {"a": [1, 2]}, store=False)
        table = {"x": [1, 2], "y": [3.0, 4.0], "c": [0, 1]}
        cases = [
            (lambda: mplot.parameter_curve(repeated, "a", "value"),
             errors.InvalidArgumentError, "one row per value of a"),
            (lambda: mplot.parameter_curve(exact, "a", "value_exact"),
             errors.InvalidTypeError, "draw 'value', its float column"),
            (lambda: mplot.parameter_curve(exact, "b", "value"),
             errors.InvalidArgumentError, "'b' is not in the sweep"),
            (lambda: mplot.parameter_curve(table, "x", "z"),
             errors.InvalidArgumentError, "'z' is not in the table"),
            (lambda: mplot.parameter_curve([1, 2], "x", "y"),
             errors.InvalidTypeError, "a mapping of column names"),
            (lambda: mplot.parameter_curve({"x": [1, 2], "y": [1.0, 2.0], "c": [0, float("nan")]},
                                           "x", "y", conclusion="c"),
             errors.InvalidArgumentError, "c is nan at x = 2: a conclusion must be finite"),
            (lambda: mplot.parameter_curve({"x": [1, 2], "y": [1.0, 2.0], "c": [0, float("inf")]},
                                           "x", "y", conclusion="c"),
             errors.InvalidArgumentError, "c is inf at x = 2: a conclusion must be finite"),
            (lambda: mplot.parameter_curve({"x": [1, 2], "y": [1.0]}, "x", "y"),
             errors.InvalidArgumentError, "one length"),
            (lambda: mplot.parameter_curve({"x": [], "y": []}, "x", "y", conclusion="y"),
             errors.InvalidArgumentError, "needs at least one row; the table is empty"),
            (lambda: mplot.parameter_curve({"x": [[1, 2]], "y": [[1, 2]]}, "x", "y"),
             errors.InvalidArgumentError, "one-dimensional"),
            (lambda: mplot.parameter_curve({"x": ["a", "b"], "y": [1, 2]}, "x", "y"),
             errors.InvalidTypeError, "column 'x' must hold numbers"),
            (lambda: mplot.parameter_curve(table, "x", 3),
             errors.InvalidTypeError, "output must be a column name"),
            (lambda: mplot.parameter_curve(table, "x", []),
             errors.InvalidTypeError, "output must be a column name"),
            (lambda: mplot.parameter_curve(table, "x", "y", step="steps"),
             errors.InvalidTypeError, "step must be True, False or None"),
            (lambda: mplot.parameter_curve(table, "x", "y", categories={0: "no"}),
             errors.InvalidArgumentError, "pass conclusion=<column> too"),
            (lambda: mplot.parameter_curve(table, "x", "y", conclusion="c", categories=["no"]),
             errors.InvalidTypeError, "categories must be a mapping"),
            (lambda: mplot.parameter_curve(table, "x", "y", conclusion="c", categories={0: "no"}),
             errors.InvalidArgumentError, "c = 1 at x = 2 has no name in categories"),
            (lambda: mplot.parameter_curve(table, "x", "y", ax="axes"),
             errors.InvalidTypeError, "ax must be a matplotlib Axes"),
        ]
        for call, error, says in cases:
            with pytest.raises(error) as info:
                call()
            assert type(info.value) is error, (says, info.value)
            assert says in str(info.value), (says, str(info.value))
