"""The sequence form and its Lemke solver (multilateral.solvers.extensive.sequence_form)."""

from __future__ import annotations

import dataclasses
import itertools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import InvalidGameError, InvalidTypeError
from multilateral.games.extensive import Chance, Decision, Outcome
from multilateral.solvers.extensive import (
    SequenceFormEquilibrium,
    sequence_form,
    sequence_form_equilibrium,
)

PEERS = Path(__file__).parent / "data" / "peers" / "sequence_form.json"


# -- games ---------------------------------------------------------------------------------------
@st.composite
def recall_games(draw: Any, exact: bool = True, max_depth: int = 4, bound: int = 3
                 ) -> ml.ExtensiveFormGame:
    """Two-player trees with perfect recall and imperfect information: a mover's information
    set is her own earlier moves plus the others' moves she saw (each move of the other
    player or of chance is seen or not, drawn per edge)."""
    budget = [draw(st.integers(6, 18))]
    first = draw(st.integers(0, 1))
    schedule = [("c" if draw(st.integers(0, 3)) == 2 else str(1 + (d + first) % 2),
                 draw(st.sampled_from([2, 2, 3]))) for d in range(max_depth)]

    def payoff() -> Any:
        if exact:
            return draw(st.integers(-bound, bound))
        return draw(st.floats(-bound, bound, allow_nan=False, width=32))

    def node(depth: int, own: tuple[tuple[Any, ...], tuple[Any, ...]],
             seen: tuple[tuple[Any, ...], tuple[Any, ...]]) -> Any:
        budget[0] -= 1
        if depth and (depth >= max_depth or budget[0] <= 0 or draw(st.integers(0, 5)) == 1):
            return Outcome([payoff(), payoff()])
        kind, m = schedule[depth]  # one mover per depth: shared information sets are frequent
        labels = [f"a{j}" for j in range(m)]
        if kind == "c":
            weights = [draw(st.integers(0, 3)) for _ in range(m)]  # zeros: unreached subtrees
            weights[draw(st.integers(0, m - 1))] += 1
            total = sum(weights)
            probs = [Fraction(w, total) if exact else w / total for w in weights]
            moves = {}
            for a, p in zip(labels, probs, strict=True):
                vis = [draw(st.integers(0, 3)) == 2 for _ in range(2)]
                moves[a] = (p, node(depth + 1, own, tuple(
                    (*s, (depth, a)) if v else s for s, v in zip(seen, vis, strict=True))))
            return Chance(moves)
        i = int(kind) - 1
        key = f"P{i + 1}|{own[i]}|{seen[i]}|{m}"
        moves = {}
        for a in labels:
            mine = list(own)
            mine[i] = own[i] + ((key, a),)
            other = 1 - i
            vis = draw(st.integers(0, 3)) == 2
            new_seen = list(seen)
            if vis:
                new_seen[other] = seen[other] + ((depth, a),)
            moves[a] = node(depth + 1, (mine[0], mine[1]), (new_seen[0], new_seen[1]))
        return Decision(f"P{i + 1}", moves, infoset=key)

    return ml.ExtensiveFormGame(node(0, ((), ()), ((), ())), players=["P1", "P2"])


def kuhn_poker(cards: str = "JQK") -> ml.ExtensiveFormGame:
    """Kuhn's (1950) three-card poker: ante 1, one bet of 1 (payoffs of player 1, player 2);
    a longer deck of ``cards`` (lowest first) for the same game with more cards."""
    deals = {}
    deal = Fraction(1, len(cards) * (len(cards) - 1))
    for c1, c2 in itertools.permutations(cards, 2):
        w = 1 if cards.index(c1) > cards.index(c2) else -1

        def o(v: int) -> Outcome:
            return Outcome([v, -v])

        deals[c1 + c2] = (deal, Decision("1", {
            "check": Decision("2", {
                "check": o(w),
                "bet": Decision("1", {"fold": o(-1), "call": o(2 * w)}, infoset=f"1{c1}cb"),
            }, infoset=f"2{c2}c"),
            "bet": Decision("2", {"fold": o(1), "call": o(2 * w)}, infoset=f"2{c2}b"),
        }, infoset=f"1{c1}"))
    return ml.ExtensiveFormGame(Chance(deals), players=["1", "2"], title="Kuhn poker")


def beer_quiche(prior_strong: Any = Fraction(9, 10)) -> ml.ExtensiveFormGame:
    """Cho and Kreps (1987, p. 185): the sender (weak or strong by chance) has beer or quiche;
    the receiver, seeing the breakfast, duels or not. Sender: 1 for the breakfast its type
    prefers (strong: beer, weak: quiche) plus 2 without a duel; receiver: 1 for dueling a weak
    sender or not dueling a strong one."""
    def sender(kind: str) -> Decision:
        likes = "beer" if kind == "strong" else "quiche"
        moves = {}
        for meal in ("beer", "quiche"):
            bonus = int(meal == likes)
            moves[meal] = Decision("Receiver", {
                "duel": Outcome([bonus, int(kind == "weak")]),
                "don't": Outcome([bonus + 2, int(kind == "strong")]),
            }, infoset=f"after {meal}")
        return Decision("Sender", moves, infoset=kind)

    return ml.ExtensiveFormGame(Chance({"strong": (prior_strong, sender("strong")),
                                        "weak": (1 - prior_strong, sender("weak"))}),
                                players=["Sender", "Receiver"], title="Beer-quiche")


# -- helpers -------------------------------------------------------------------------------------
def mixed_strategies(eq: SequenceFormEquilibrium) -> list[list[Any]]:
    """The mixed strategies over the reduced normal form's pure strategies induced by the
    behaviour strategies (the product of the action probabilities at the sets it reaches)."""
    game = eq.game
    nf = game.normal_form(reduced=True)
    out = []
    for i in range(2):
        sets = game.infosets_of(i)
        probs = []
        for label in nf.actions[i]:
            parts = label.split("/") if sets else []
            p: Any = Fraction(1) if eq.exact else 1.0
            for h, part in zip(sets, parts, strict=True):
                if part != "*":
                    p *= eq.behaviour[h][game.actions[h].index(part)]
            probs.append(p)
        out.append(probs)
    return out


def check_normal_form_nash(eq: SequenceFormEquilibrium, tol: float = 1e-9) -> None:
    """The induced mixed profile is a Nash equilibrium of the reduced normal form, with the
    same payoffs."""
    nf = eq.game.normal_form(reduced=True)
    x, y = mixed_strategies(eq)
    u = nf.payoffs
    for i in range(2):
        values = [sum(u[r, c, i] * y[c] for c in range(len(y))) for r in range(len(x))] \
            if i == 0 else [sum(u[r, c, i] * x[r] for r in range(len(x))) for c in range(len(y))]
        mine = x if i == 0 else y
        payoff = sum(p * v for p, v in zip(mine, values, strict=True))
        if eq.exact:
            assert sum(mine) == 1 and payoff == eq.payoffs[i] and max(values) == payoff
        else:
            assert abs(sum(mine) - 1) < tol and abs(payoff - eq.payoffs[i]) < tol
            assert max(values) <= payoff + tol


def normal_form_nash(game: ml.ExtensiveFormGame, behaviour: list[Any], exact: bool,
                     tol: float = 1e-9) -> tuple[bool, tuple[Any, ...]]:
    """Whether a behaviour profile is a Nash equilibrium of the reduced normal form (its
    induced mixed strategies against every pure one), and its payoffs there."""
    fake = SequenceFormEquilibrium(realization=(np.zeros(0), np.zeros(0)),
                                   behaviour=tuple(behaviour), beliefs=(), payoffs=(0, 0),
                                   exact=exact, pivots=0, game=game)
    x, y = mixed_strategies(fake)
    u = game.normal_form(reduced=True).payoffs
    rows = [sum(u[r, c, 0] * y[c] for c in range(len(y))) for r in range(len(x))]
    cols = [sum(u[r, c, 1] * x[r] for r in range(len(x))) for c in range(len(y))]
    pay = (sum(p * v for p, v in zip(x, rows, strict=True)),
           sum(p * v for p, v in zip(y, cols, strict=True)))
    slack = 0 if exact else tol * max(1.0, float(np.abs(np.asarray(u, dtype=float)).max()))
    return max(rows) <= pay[0] + slack and max(cols) <= pay[1] + slack, pay


# -- properties ----------------------------------------------------------------------------------
@settings(deadline=None)
@given(recall_games())
def test_exact_equilibrium_is_nash_of_reduced_normal_form(game: ml.ExtensiveFormGame) -> None:
    eq = sequence_form_equilibrium(game)
    assert eq.exact and eq.verify()
    check_normal_form_nash(eq)
    # the realization plans satisfy the constraints, and x A y is the payoff
    sf = sequence_form(game)
    x, y = (np.asarray(r, dtype=float) for r in eq.realization)
    assert np.allclose(sf.E @ x, sf.e) and np.allclose(sf.F @ y, sf.f)
    assert np.isclose(x @ sf.A @ y, float(eq.payoffs[0]))
    assert np.allclose(game.expected_payoffs(eq.profile()), [float(v) for v in eq.payoffs])


@settings(deadline=None)
@given(recall_games(exact=False))
def test_float_equilibrium_is_nash_of_reduced_normal_form(game: ml.ExtensiveFormGame) -> None:
    eq = sequence_form_equilibrium(game)
    assert not eq.exact and eq.verify()
    check_normal_form_nash(eq, tol=1e-7)


@settings(deadline=None, max_examples=30)
@given(recall_games())
def test_float_path_on_exact_games(game: ml.ExtensiveFormGame) -> None:
    """The float path (perturbed right-hand side, end basis solved unperturbed) on exact
    games: a verified equilibrium, Nash in the reduced normal form."""
    floats = sequence_form_equilibrium(game, exact=False)
    assert floats.verify() and not floats.exact
    check_normal_form_nash(floats, tol=1e-7)


@settings(deadline=None, max_examples=25)
@given(recall_games())
def test_beliefs_are_probabilities_and_bayes_on_the_path(game: ml.ExtensiveFormGame) -> None:
    eq = sequence_form_equilibrium(game)
    reach = game.reach_probabilities(eq.profile())
    for info, belief in zip(game.infosets, eq.beliefs, strict=True):
        assert sum(belief) == 1 and all(b >= 0 for b in belief)
        total = reach[list(info.nodes)].sum()
        if total > 1e-12:
            assert np.allclose(np.asarray(belief, dtype=float), reach[list(info.nodes)] / total)


@settings(deadline=None, max_examples=30)
@given(recall_games(), st.data())
def test_verify_agrees_with_the_normal_form_on_deviations(game: ml.ExtensiveFormGame,
                                                          data: st.DataObject) -> None:
    """verify() cannot pass a wrong profile: after one information set switches to a pure
    action it is True exactly when the new profile is Nash in the reduced normal form, and a
    non-Nash profile fails even with the old (now wrong) payoffs left in."""
    eq = sequence_form_equilibrium(game)
    if game.n_infosets == 0:  # a chance move to leaves: nothing to deviate at
        assert eq.verify() and eq.pivots == 0
        return
    h = data.draw(st.integers(0, game.n_infosets - 1))
    m = int(game.n_actions[h])
    a = data.draw(st.integers(0, m - 1))
    behaviour = list(eq.behaviour)
    behaviour[h] = np.array([Fraction(int(j == a)) for j in range(m)], dtype=object)
    nash, pay = normal_form_nash(game, behaviour, True)
    honest = dataclasses.replace(eq, behaviour=tuple(behaviour), payoffs=pay)
    assert honest.verify() == nash
    stale = dataclasses.replace(eq, behaviour=tuple(behaviour))
    assert not stale.verify() or (nash and pay == eq.payoffs)


@settings(deadline=None, max_examples=40)
@given(ml.strategies.extensive_form_games(perfect_information=False, max_nodes=14),
       st.booleans())
def test_library_strategy_trees(game: ml.ExtensiveFormGame, exact: bool) -> None:
    """The library's own random trees (imperfect information, perfect recall, chance moves
    with zero-probability branches, small tied payoffs), exact and float paths: Nash in the
    reduced normal form with the stated payoffs."""
    eq = sequence_form_equilibrium(game, exact=exact)
    assert eq.verify()
    nash, pay = normal_form_nash(game, list(eq.behaviour), exact)
    assert nash
    if exact:
        assert pay == eq.payoffs
    else:
        assert np.allclose([float(v) for v in pay], eq.payoffs, atol=1e-9)


@pytest.mark.parametrize("scale", [1e-12, 1e-30, 1e12])
def test_float_path_is_scale_free(scale: float) -> None:
    """Matching pennies in sequence with payoffs times 1e-12: the float path shifted the
    payoffs by 1 (their differences drowned in round-off, a pure profile came back) and
    verify's tolerance was absolute below 1 (it passed that profile)."""
    def second(tag: str) -> Decision:
        sign = 1 if tag == "h" else -1
        return Decision("B", {"h": Outcome([sign * scale, -sign * scale]),
                              "t": Outcome([-sign * scale, sign * scale])}, infoset="guess")

    game = ml.ExtensiveFormGame(Decision("A", {"h": second("h"), "t": second("t")}))
    eq = sequence_form_equilibrium(game)
    assert np.allclose(np.array(eq.behaviour, dtype=float), 0.5)
    pure = [np.array([1.0, 0.0]), np.array([1.0, 0.0])]
    wrong = dataclasses.replace(eq, behaviour=tuple(pure), payoffs=(scale, -scale))
    assert not wrong.verify()


def test_off_path_beliefs_and_behaviour_follow_the_documented_conventions() -> None:
    """Chance draws type 1 (1/3) or 2 (2/3); each type takes Out (5) or In, after which
    player 2 (not seeing the type) picks a or b and, after a, player 1 moves again. Out is
    dominant: player 2's set is off the path, so its belief is chance's (1/3, 2/3) (player
    1's moves taken as uniform), and player 1's later sets, excluded by her own plan, get
    uniform behaviour."""
    def kind(t: int) -> Decision:
        return Decision("1", {"out": Outcome([5, 0]), "in": Decision("2", {
            "a": Decision("1", {"x": Outcome([0, 1]), "y": Outcome([1, 0])}, infoset=f"late{t}"),
            "b": Outcome([0, 0])}, infoset="after in")}, infoset=f"type{t}")

    game = ml.ExtensiveFormGame(Chance({"t1": (Fraction(1, 3), kind(1)),
                                        "t2": (Fraction(2, 3), kind(2))}), players=["1", "2"])
    eq = sequence_form_equilibrium(game)
    sets = {info.label: info.index for info in game.infosets}
    assert eq.payoffs == (5, 0) and eq.verify()
    assert eq.beliefs[sets["after in"]].tolist() == [Fraction(1, 3), Fraction(2, 3)]
    for t in (1, 2):
        assert eq.behaviour[sets[f"type{t}"]].tolist() == [1, 0]
        assert eq.behaviour[sets[f"late{t}"]].tolist() == [Fraction(1, 2), Fraction(1, 2)]
    floats = sequence_form_equilibrium(game, exact=False)
    assert np.allclose(floats.beliefs[sets["after in"]], [1 / 3, 2 / 3])


# -- published results ---------------------------------------------------------------------------
def test_kuhn_poker_value_and_second_player_strategy() -> None:
    """Kuhn (1950): the game's value to player 1 is -1/18; player 2's equilibrium strategy is
    unique: with the queen call a bet with probability 1/3, with the jack bet after a check
    with probability 1/3, with the king always bet and call."""
    game = kuhn_poker()
    eq = sequence_form_equilibrium(game)
    assert eq.payoffs == (Fraction(-1, 18), Fraction(1, 18))
    assert eq.verify()
    b = {info.label: eq.behaviour[info.index] for info in game.infosets}
    assert b["2Qb"].tolist() == [Fraction(2, 3), Fraction(1, 3)]
    assert b["2Jc"].tolist() == [Fraction(2, 3), Fraction(1, 3)]
    assert b["2Kc"].tolist() == [0, 1] and b["2Kb"].tolist() == [0, 1]
    assert b["2Qc"].tolist() == [1, 0] and b["2Jb"].tolist() == [1, 0]
    # player 1: the family alpha = P(bet | J) in [0, 1/3], P(bet | K) = 3 alpha
    alpha = b["1J"][1]
    assert 0 <= alpha <= Fraction(1, 3) and b["1K"][1] == 3 * alpha
    floats = sequence_form_equilibrium(game, exact=False)
    assert floats.payoffs[0] == pytest.approx(-1 / 18, abs=1e-12)
    # a deviation from the unique strategy of player 2 (always fold the queen to a bet)
    # fails the check, with its true payoffs or with the equilibrium's
    behaviour = list(eq.behaviour)
    behaviour[next(i.index for i in game.infosets if i.label == "2Qb")] = np.array(
        [Fraction(1), Fraction(0)], dtype=object)
    nash, pay = normal_form_nash(game, behaviour, True)
    assert not nash
    assert not dataclasses.replace(eq, behaviour=tuple(behaviour), payoffs=pay).verify()
    assert not dataclasses.replace(eq, behaviour=tuple(behaviour)).verify()


def test_float_path_on_thirteen_card_poker() -> None:
    """Kuhn poker with 13 cards (53 sequences each) in floats: mapping the payoffs to
    [-2, -1] instead of [-1, -0.2] made the float path cycle here (a SolverError after 11,600
    pivots); 79 pivots now. Zero-sum: the payoffs are opposite and the check passes."""
    eq = sequence_form_equilibrium(kuhn_poker("23456789TJQKA"), exact=False)
    assert eq.verify() and eq.pivots < 200
    assert eq.payoffs[0] == pytest.approx(-eq.payoffs[1], abs=1e-12)


def test_beer_quiche_pooling() -> None:
    """Cho and Kreps (1987): both equilibria pool (no separating one); the sequence form finds
    one of them: pooling on beer (sender 2.9) or on quiche (sender 2.1), receiver 0.9."""
    game = beer_quiche()
    eq = sequence_form_equilibrium(game)
    assert eq.verify()
    sender = {info.label: eq.behaviour[info.index] for info in game.infosets}
    assert sender["strong"].tolist() == sender["weak"].tolist()  # pooling
    assert eq.payoffs in ((Fraction(29, 10), Fraction(9, 10)), (Fraction(21, 10), Fraction(9, 10)))
    meal = 0 if sender["strong"][0] == 1 else 1
    on_path = next(i for i in game.infosets if i.label == ("after beer", "after quiche")[meal])
    assert eq.beliefs[on_path.index].tolist() == [Fraction(9, 10), Fraction(1, 10)]
    assert eq.behaviour[on_path.index].tolist() == [0, 1]  # no duel on the path


def test_sequence_form_matrices() -> None:
    game = kuhn_poker()
    sf = sequence_form(game)
    assert [len(s) for s in sf.sequences] == [13, 13]
    assert sf.E.shape == (7, 13) and sf.F.shape == (7, 13)
    assert sf.A.nnz == 30 and np.allclose((sf.A + sf.B).toarray(), 0)
    assert repr(sf) == "SequenceForm(13 x 13 sequences, 6 + 6 information sets)"


# -- bad input -----------------------------------------------------------------------------------
def test_three_players_refused() -> None:
    game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1, 0, 0]), "r": Outcome([0, 1, 0])}),
                                players=["A", "B", "C"])
    with pytest.raises(InvalidGameError, match="two-player"):
        sequence_form_equilibrium(game)


def test_imperfect_recall_refused() -> None:
    forget = ml.ExtensiveFormGame(Decision("A", {
        "l": Decision("A", {"x": Outcome([1, 0]), "y": Outcome([0, 0])}, infoset="forgot"),
        "r": Decision("A", {"x": Outcome([0, 0]), "y": Outcome([1, 0])}, infoset="forgot"),
    }), players=["A", "B"])
    with pytest.raises(InvalidGameError, match="perfect recall"):
        sequence_form(forget)


def test_not_a_game_and_bad_options() -> None:
    with pytest.raises(InvalidTypeError):
        sequence_form_equilibrium("kuhn")  # type: ignore[arg-type]
    game = beer_quiche(0.9)
    with pytest.raises(InvalidTypeError, match="exact=True"):
        sequence_form_equilibrium(game, exact=True)
    assert not sequence_form_equilibrium(game).exact


# -- pygambit's answers, frozen ------------------------------------------------------------------
def _peer_cases() -> list[dict[str, Any]]:
    if not PEERS.exists():  # pragma: no cover - the file is committed
        return []
    return json.loads(PEERS.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", _peer_cases(), ids=lambda c: c["name"])
def test_agrees_with_pygambit_lcp(case: dict[str, Any]) -> None:
    """pygambit's lcp_solve (the sequence form too): the same payoffs where the equilibrium
    payoffs are unique, the same behaviour on the path where the equilibrium is unique."""
    game = ml.io.parse_efg(case["efg"])
    for exact in (True, False):
        eq = sequence_form_equilibrium(game, exact=exact)
        assert eq.verify()
        theirs = [Fraction(v) for v in case["payoffs"]]
        if case["unique_payoffs"]:
            assert [float(v) for v in eq.payoffs] == pytest.approx([float(v) for v in theirs],
                                                                   abs=1e-9)
            if exact:
                assert list(eq.payoffs) == theirs
        if case["unique"]:
            for info in game.infosets:
                key = f"{info.player}|{info.label}"
                if case["reached"][key]:
                    want = [float(Fraction(v)) for v in case["behaviour"][key]]
                    assert np.allclose(np.asarray(eq.behaviour[info.index], dtype=float), want)


def test_peer_file_covers_imperfect_information() -> None:
    cases = _peer_cases()
    assert len(cases) >= 10 and sum(c["unique"] for c in cases) >= 3
