"""Signalling games: the game, its perfect Bayesian equilibria, the Intuitive Criterion.

Published results: Cho and Kreps's (1987) beer-quiche game (prior strong 9/10): exactly two
pure PBE, both pooling, on beer and on quiche; the quiche one fails the Intuitive Criterion.
Gibbons's (1992) example of Figure 4.2.3: its two pure PBE and the off-path bound q <= 2/3.
A semi-separating (hybrid) equilibrium of beer-quiche at a prior below one half, with the
mixing probabilities derived by hand in the test (no published numbers confirmed). Properties
over a class of random small signalling games: every PBE is a Nash equilibrium of the tree's
normal form (an independent route), beliefs follow Bayes' rule on the path, the receiver is
sequentially rational, no type deviates; the pure PBE are exactly those a brute force over
all pure profiles finds (with off-path beliefs decided by scipy's linear programming, not by
the solver's vertices); the mixed search misses no support profile that a grid brute force
or the normal form's extreme Nash equilibria (vertex enumeration) find; an equilibrium that
survives D1 survives the Intuitive Criterion, ties and all-dominated messages included.
"""

from __future__ import annotations

import functools
import itertools
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import multilateral as ml
from multilateral import errors
from multilateral.games.extensive import Chance, Decision, Outcome, SignallingGame
from multilateral.solvers.extensive import (
    SignallingEquilibrium,
    d1_criterion,
    intuitive_criterion,
    perfect_bayesian_equilibria,
)

F = Fraction


NINE_TENTHS = F(9, 10)


def beer_quiche(strong: Fraction = NINE_TENTHS) -> SignallingGame:
    """Cho and Kreps (1987): breakfast is worth 1 to the type that prefers it (the weak type
    quiche, the strong type beer), avoiding a duel 2; the receiver gains 1 by dueling a weak
    sender or by not dueling a strong one, 0 otherwise."""
    sender = [[[0, 2], [1, 3]],   # weak: beer (duel, not), quiche (duel, not)
              [[1, 3], [0, 2]]]   # strong
    receiver = [[[1, 0], [1, 0]],
                [[0, 1], [0, 1]]]
    return SignallingGame([1 - strong, strong], sender, receiver, types=["weak", "strong"],
                          messages=["beer", "quiche"], actions=["duel", "not"])


def pure_labels(eq: SignallingEquilibrium) -> tuple[tuple[str, ...], tuple[str, ...]]:
    g = eq.game
    sender = tuple(g.messages[int(np.argmax(v.tolist()))] for v in eq.sender)
    receiver = tuple(a[int(np.argmax(v.tolist()))] for v, a in zip(eq.receiver, g.actions,
                                                                     strict=True))
    return sender, receiver


# -- published results ----------------------------------------------------------------------
class TestBeerQuiche:
    def test_two_pooling_equilibria(self) -> None:
        eqs = perfect_bayesian_equilibria(beer_quiche())
        assert [pure_labels(e) for e in eqs] == [
            (("beer", "beer"), ("not", "duel")), (("quiche", "quiche"), ("duel", "not"))]
        assert [e.classification for e in eqs] == ["pooling", "pooling"]
        beer, quiche = eqs
        assert beer.on_path == ("beer",) and beer.off_path == ("quiche",)
        assert beer.type_payoffs == (2, 3) and quiche.type_payoffs == (3, 2)
        assert beer.receiver_payoff == F(9, 10) == quiche.receiver_payoff
        # off the path the receiver duels: belief weak >= 1/2 (duel 1*mu vs not 1-mu)
        assert beer.belief_sets[1].bounds[0] == (F(1, 2), 1)
        assert quiche.belief_sets[0].bounds[0] == (F(1, 2), 1)
        assert list(beer.beliefs[0]) == [F(1, 10), F(9, 10)]  # Bayes on the path: the prior

    def test_intuitive_criterion_removes_quiche(self) -> None:
        beer, quiche = perfect_bayesian_equilibria(beer_quiche())
        assert intuitive_criterion(beer).survives
        check = intuitive_criterion(quiche)
        assert not check.survives and check.message == "beer"
        assert check.excluded == {"beer": ("weak",)} and check.deviators == ("strong",)

    def test_d1_removes_quiche_too(self) -> None:
        beer, quiche = perfect_bayesian_equilibria(beer_quiche())
        assert d1_criterion(beer).survives
        assert d1_criterion(beer).deleted == {"quiche": ("strong",)}
        check = d1_criterion(quiche)
        assert not check.survives and check.message == "beer"
        assert check.deleted == {"beer": ("weak",)}

    def test_mixed_search_flags_the_receivers_off_path_mixing(self) -> None:
        eqs = perfect_bayesian_equilibria(beer_quiche(), mixed=True)
        assert {pure_labels(e) for e in eqs if e.is_pure} == {
            (("beer", "beer"), ("not", "duel")), (("quiche", "quiche"), ("duel", "not"))}
        mixing = [e for e in eqs if not e.is_pure]
        # the receiver may mix off the path (belief weak exactly 1/2), duelling with
        # probability in (1/2, 1): a continuum, reported by its midpoint and dimension 1
        assert len(mixing) == 2 and all(e.continuum and e.dimension == 1 for e in mixing)
        beer = next(e for e in mixing if e.on_path == ("beer",))
        assert list(beer.receiver[1]) == [F(3, 4), F(1, 4)]
        assert list(beer.beliefs[1]) == [F(1, 2), F(1, 2)]

    def test_hybrid_equilibrium_below_one_half(self) -> None:
        # prior strong 1/3: no pooling on beer (the receiver would duel); the hybrid one has
        # the strong type on beer, the weak type on beer with probability x = p_s/p_w = 1/2
        # (belief weak after beer 1/2, the receiver indifferent), the receiver duelling after
        # beer with probability 1/2 (the weak type indifferent: 1 = 2(1 - q)) and after
        # quiche for sure (derived by hand from the conditions of Cho and Kreps's game)
        eqs = perfect_bayesian_equilibria(beer_quiche(F(1, 3)), mixed=True)
        hybrid = [e for e in eqs if e.classification == "semi-separating"]
        assert len(hybrid) == 1
        (h,) = hybrid
        assert list(h.sender[0]) == [F(1, 2), F(1, 2)] and list(h.sender[1]) == [1, 0]
        assert list(h.receiver[0]) == [F(1, 2), F(1, 2)] and list(h.receiver[1]) == [1, 0]
        assert list(h.beliefs[0]) == [F(1, 2), F(1, 2)] and list(h.beliefs[1]) == [1, 0]
        assert h.type_payoffs == (1, 2) and not h.continuum


class TestGibbonsFigure423:
    """Gibbons (1992), section 4.2.A, the two-type example of Figure 4.2.3 (Prob(t1) = 1/2;
    payoffs (sender, receiver) as the figure gives them; the page number is not confirmed
    here): of the four pure sender strategies, pooling on L with the receiver's (u, d) is a
    PBE for every off-path belief q = mu(t1 | R) <= 2/3, and the separating (R, L) with
    (u, u) is one; pooling on R and the separating (L, R) are not."""

    @staticmethod
    def game() -> SignallingGame:
        sender = [[[1, 4], [2, 0]],   # t1: L (u, d), R (u, d)
                  [[2, 0], [1, 1]]]   # t2
        receiver = [[[3, 0], [1, 0]],
                    [[4, 1], [0, 2]]]
        return SignallingGame([F(1, 2), F(1, 2)], sender, receiver, messages=["L", "R"],
                              actions=["u", "d"])

    def test_the_pure_equilibria(self) -> None:
        eqs = perfect_bayesian_equilibria(self.game())
        assert [pure_labels(e) for e in eqs] == [(("L", "L"), ("u", "d")),
                                                 (("R", "L"), ("u", "u"))]
        pooling, separating = eqs
        assert pooling.classification == "pooling" and pooling.off_path == ("R",)
        assert pooling.belief_sets[1].bounds[0] == (0, F(2, 3))  # q <= 2/3
        assert list(pooling.beliefs[0]) == [F(1, 2), F(1, 2)]   # p = 1/2
        assert separating.classification == "separating" and separating.off_path == ()
        assert [list(b) for b in separating.beliefs] == [[0, 1], [1, 0]]  # p = 0, q = 1


class TestDegenerate:
    def test_a_message_dominated_for_every_type(self) -> None:
        # m2 costs every type 5 whatever the receiver does: equilibrium-dominated for all,
        # so neither refinement restricts the beliefs there (Gibbons 1992, p. 239: 'this is
        # possible provided m_j is not equilibrium-dominated for all the types')
        g = SignallingGame([F(1, 2), F(1, 2)], [[[1, 0], [-5, -5]], [[0, 1], [-5, -5]]],
                           [[[1, 0], [1, 0]], [[0, 1], [0, 1]]])
        eqs = perfect_bayesian_equilibria(g, mixed=True)
        assert eqs and all(e.on_path == ("m1",) for e in eqs)
        for eq in eqs:
            ic, d1 = intuitive_criterion(eq), d1_criterion(eq)
            assert ic.survives and ic.excluded == {"m2": ("t1", "t2")}
            assert d1.survives and d1.deleted == {"m2": ("t1", "t2")}


# -- the game -------------------------------------------------------------------------------
class TestSignallingGame:
    def test_value_semantics(self) -> None:
        g = beer_quiche()
        assert g == beer_quiche() and hash(g) == hash(beer_quiche())
        assert g != beer_quiche(F(1, 2))
        assert pickle.loads(pickle.dumps(g)) == g
        assert g.with_(prior=[F(1, 2), F(1, 2)]) == beer_quiche(F(1, 2))
        with pytest.raises(AttributeError):
            g.title = "x"  # type: ignore[misc]
        assert not g.prior.flags.writeable and not g.sender_payoffs[0].flags.writeable

    def test_tree_round_trip(self) -> None:
        g = beer_quiche()
        back = SignallingGame.from_extensive(g.game)
        assert back == g and back.game is g.game
        assert pickle.loads(pickle.dumps(back)).game == g.game
        eqs = perfect_bayesian_equilibria(g.game)  # a tree is recognized
        assert [pure_labels(e) for e in eqs] == [pure_labels(e)
                                                 for e in perfect_bayesian_equilibria(g)]

    def test_recognizes_a_hand_built_tree_with_the_sender_second(self) -> None:
        def receiver(payoffs: list[list[int]]) -> dict[str, Outcome]:
            return {a: Outcome({"S": s, "R": r}) for a, (s, r) in zip(("x", "y"), payoffs,
                                                                      strict=True)}
        tree = Chance({"hi": (F(1, 4), Decision("S", {
            "m": Decision("R", receiver([[1, 1], [0, 0]]), infoset="after m"),
            "n": Decision("R", receiver([[0, 0], [1, 1]]), infoset="after n")})),
            "lo": (F(3, 4), Decision("S", {
                "m": Decision("R", receiver([[1, 0], [0, 1]]), infoset="after m"),
                "n": Decision("R", receiver([[0, 1], [1, 0]]), infoset="after n")}))})
        g = SignallingGame.from_extensive(ml.ExtensiveFormGame(tree, players=["R", "S"]))
        assert g.players == ("S", "R") and g.types == ("hi", "lo")
        assert g.receiver_payoffs[0].tolist() == [[1, 0], [0, 1]]
        assert perfect_bayesian_equilibria(g)  # solvable

    def test_ragged_actions(self) -> None:
        g = SignallingGame([F(1, 2), F(1, 2)], {"a": [[1], [0]], "b": [[0, 2], [2, 0]]},
                           {"a": [[0], [0]], "b": [[1, 0], [0, 1]]},
                           actions={"a": ["stay"], "b": ["l", "r"]})
        assert g.actions == (("stay",), ("l", "r"))
        assert SignallingGame.from_extensive(g.game) == g
        for eq in perfect_bayesian_equilibria(g, mixed=True):
            assert _is_nash(eq)

    def test_not_a_signalling_game(self) -> None:
        entry = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1, 0]),
                                                   "r": Outcome([0, 1])}), players=["A", "B"])
        with pytest.raises(errors.InvalidGameError, match=r"not a signalling game.*chance"):
            perfect_bayesian_equilibria(entry)
        peek = ml.ExtensiveFormGame(Chance({
            "a": (F(1, 2), Decision("S", {"m": Outcome([0, 0])}, infoset="blind")),
            "b": (F(1, 2), Decision("S", {"m": Outcome([0, 0])}, infoset="blind"))}),
            players=["S", "R"])
        with pytest.raises(errors.InvalidGameError, match="does not know her type"):
            SignallingGame.from_extensive(peek)
        # the same messages in another order are refused, not read by position
        def after(msg: str, pay: int) -> Decision:
            return Decision("R", {"x": Outcome([pay, 0]), "y": Outcome([0, pay])},
                            infoset="after " + msg)
        swapped = ml.ExtensiveFormGame(Chance({
            "a": (F(1, 2), Decision("S", {"m": after("m", 1), "n": after("n", 2)})),
            "b": (F(1, 2), Decision("S", {"n": after("n", 3), "m": after("m", 4)}))}),
            players=["S", "R"])
        with pytest.raises(errors.InvalidGameError, match="labels and their order"):
            SignallingGame.from_extensive(swapped)

    def test_bad_input(self) -> None:
        with pytest.raises(errors.InvalidProbabilityError, match="sum to 1"):
            SignallingGame([F(1, 2), F(1, 3)], np.zeros((2, 1, 1), int), np.zeros((2, 1, 1), int))
        with pytest.raises(errors.InvalidProbabilityError, match=r"prior\[0\]"):
            SignallingGame([-0.5, 1.5], np.zeros((2, 1, 1)), np.zeros((2, 1, 1)))
        with pytest.raises(errors.InvalidGameError, match="shape"):
            SignallingGame([1], np.zeros((2, 1, 1)), np.zeros((2, 1, 1)))
        with pytest.raises(errors.InvalidArgumentError, match="MIXED_MAX_SUPPORTS"):
            perfect_bayesian_equilibria(SignallingGame([F(1, 3)] * 3, np.zeros((3, 3, 3), int),
                                                       np.zeros((3, 3, 3), int)), mixed=True)
        with pytest.raises(errors.InvalidTypeError):
            perfect_bayesian_equilibria(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0))
        with pytest.raises(errors.InvalidTypeError, match="mixed must be"):
            perfect_bayesian_equilibria(beer_quiche(), mixed=1)  # type: ignore[arg-type]
        # numpy's booleans are booleans
        eq = perfect_bayesian_equilibria(beer_quiche(), mixed=np.False_, exact=np.True_)[0]
        assert eq.exact is True

    def test_floats_in_floats_out(self) -> None:
        g = beer_quiche().with_(prior=[0.1, 0.9])
        eqs = perfect_bayesian_equilibria(g)
        assert not eqs[0].exact and isinstance(eqs[0].receiver_payoff, float)
        assert eqs[0].receiver_payoff == pytest.approx(0.9)
        assert eqs[0].sender[0].dtype == np.float64
        exact = perfect_bayesian_equilibria(beer_quiche())
        assert [pure_labels(e) for e in eqs] == [pure_labels(e) for e in exact]


# -- independent checks ---------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _normal_form(tree: ml.ExtensiveFormGame) -> ml.NormalFormGame:
    return tree.normal_form()


def _is_nash(eq: SignallingEquilibrium) -> bool:
    """Nash in the tree's normal form, exactly (independent of the solver): no pure strategy
    of either player beats the profile's mixed strategies (products of the behaviour)."""
    tree = eq.game.game
    nf = _normal_form(tree)
    behaviour = eq.rational[0], eq.rational[1]
    sets = [tree.infosets_of(0), tree.infosets_of(1)]
    owner = {h: (0, t) for t, h in enumerate(eq.game.sender_infosets)}
    owner.update({h: (1, m) for m, h in enumerate(eq.game.receiver_infosets)})
    mixes = []
    for i in range(2):
        weights = []
        for label in nf.actions[i]:
            w = F(1)
            for h, act in zip(sets[i], label.split("/"), strict=True):
                _, k = owner[h]
                w *= behaviour[i][k][tree.actions[h].index(act)]
            weights.append(w)
        mixes.append(weights)
    pay = nf.payoffs
    rows = [[sum((F(pay[r, c, i]) * mixes[1][c] for c in range(pay.shape[1])), F(0))
             for r in range(pay.shape[0])] for i in range(2)]
    cols = [sum((F(pay[r, c, 1]) * mixes[0][r] for r in range(pay.shape[0])), F(0))
            for c in range(pay.shape[1])]
    value = [sum((a * b for a, b in zip(mixes[0], rows[i], strict=True)), F(0)) for i in range(2)]
    return max(rows[0]) <= value[0] and max(cols) <= value[1]


def _belief_supports(ur: np.ndarray, action: int) -> bool:
    """Is ``action`` a best reply to some belief? (scipy LP, floats: payoffs are small ints)"""
    t_n, a_n = ur.shape
    a_ub = [[float(ur[t, b] - ur[t, action]) for t in range(t_n)] for b in range(a_n)]
    res = linprog(np.zeros(t_n), A_ub=a_ub, b_ub=np.zeros(a_n), A_eq=[[1.0] * t_n],
                  b_eq=[1.0], bounds=[(0, 1)] * t_n, method="highs")
    return bool(res.status == 0)


def _brute_force(g: SignallingGame) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    t_n, m_n = g.n_types, g.n_messages
    prior = [F(p) for p in g.prior.tolist()]
    supported = [[_belief_supports(g.receiver_payoffs[m], a) for a in range(len(g.actions[m]))]
                 for m in range(m_n)]
    out = set()
    for s in itertools.product(range(m_n), repeat=t_n):
        for r in itertools.product(*(range(len(a)) for a in g.actions)):
            ok = all(g.sender_payoffs[s[t]][t, r[s[t]]] >= g.sender_payoffs[m][t, r[m]]
                     for t in range(t_n) for m in range(m_n))
            for m in range(m_n) if ok else ():
                ur = g.receiver_payoffs[m]
                senders = [t for t in range(t_n) if s[t] == m]
                if senders:
                    val = [sum(prior[t] * F(int(ur[t, a])) for t in senders)
                           for a in range(ur.shape[1])]
                    ok = ok and val[r[m]] == max(val)
                else:
                    ok = ok and supported[m][r[m]]
            if ok:
                out.add((s, r))
    return out


@st.composite
def signalling_games(draw: st.DrawFn, max_types: int = 3, max_messages: int = 3,
                     max_actions: int = 3) -> SignallingGame:
    t_n = draw(st.integers(2, max_types))
    m_n = draw(st.integers(2, max_messages))
    a_n = draw(st.integers(2, max_actions))
    weights = draw(st.lists(st.integers(1, 4), min_size=t_n, max_size=t_n))
    prior = [F(w, sum(weights)) for w in weights]
    cells = st.lists(st.integers(-2, 2), min_size=t_n * m_n * a_n, max_size=t_n * m_n * a_n)
    sender = np.array(draw(cells)).reshape(t_n, m_n, a_n)
    receiver = np.array(draw(cells)).reshape(t_n, m_n, a_n)
    return SignallingGame(prior, sender, receiver)


def _check_pbe(eq: SignallingEquilibrium) -> None:
    g = eq.game
    sender, receiver = eq.rational
    prior = [F(p) for p in g.prior.tolist()]
    beliefs = [[F(v) for v in b.tolist()] for b in eq.beliefs]
    for m in range(g.n_messages):
        reach = [prior[t] * sender[t][m] for t in range(g.n_types)]
        if sum(reach) > 0:  # Bayes' rule on the path
            assert beliefs[m] == [w / sum(reach) for w in reach]
        else:
            assert eq.belief_sets[m].contains(beliefs[m])
        ur = g.receiver_payoffs[m]
        vals = [sum(beliefs[m][t] * F(int(ur[t, a])) for t in range(g.n_types))
                for a in range(ur.shape[1])]
        assert all(vals[a] == max(vals) for a, p in enumerate(receiver[m]) if p > 0)
        for v in eq.belief_sets[m].vertices:  # every reported belief supports the response
            vv = [sum(F(v[t]) * F(int(ur[t, a])) for t in range(g.n_types))
                  for a in range(ur.shape[1])]
            assert all(vv[a] == max(vv) for a, p in enumerate(receiver[m]) if p > 0)
    for t in range(g.n_types):  # no type deviates
        value = [sum(p * F(int(g.sender_payoffs[m][t, a])) for a, p in enumerate(receiver[m]))
                 for m in range(g.n_messages)]
        assert all(value[m] == max(value) for m in range(g.n_messages) if sender[t][m] > 0)
        assert eq.type_payoffs[t] == max(value)
    assert _is_nash(eq)


@settings(max_examples=25, deadline=None)
@given(signalling_games())
def test_pure_equilibria_are_complete_and_correct(game: SignallingGame) -> None:
    eqs = perfect_bayesian_equilibria(game)
    found = {(tuple(int(np.argmax(v.tolist())) for v in e.sender),
              tuple(int(np.argmax(v.tolist())) for v in e.receiver)) for e in eqs}
    assert len(found) == len(eqs)
    assert found == _brute_force(game)
    for eq in eqs:
        _check_pbe(eq)


@settings(max_examples=25, deadline=None)
@given(signalling_games(max_types=2, max_messages=2, max_actions=2))
def test_mixed_equilibria_are_perfect_bayesian(game: SignallingGame) -> None:
    eqs = perfect_bayesian_equilibria(game, mixed=True)
    for eq in eqs:
        _check_pbe(eq)
        intuitive_criterion(eq), d1_criterion(eq)  # run on every kind of equilibrium
    pure = {pure_labels(e) for e in perfect_bayesian_equilibria(game)}
    assert pure == {pure_labels(e) for e in eqs if e.is_pure}
    assert len(eqs) >= 1  # a finite game has an equilibrium (and a PBE)


def _supports_by_belief(ur: np.ndarray, used: tuple[int, ...]) -> bool:
    """Is every action of ``used`` a best reply to one common belief? (scipy LP)"""
    t_n, a_n = ur.shape
    a0 = used[0]
    a_ub = [[float(ur[t, b] - ur[t, a0]) for t in range(t_n)] for b in range(a_n)]
    a_eq = [[1.0] * t_n] + [[float(ur[t, a] - ur[t, a0]) for t in range(t_n)] for a in used[1:]]
    res = linprog(np.zeros(t_n), A_ub=a_ub, b_ub=np.zeros(a_n), A_eq=a_eq,
                  b_eq=[1.0] + [0.0] * (len(used) - 1), bounds=[(0, 1)] * t_n, method="highs")
    return bool(res.status == 0)


Profile = tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]


def _support_profile(sender: object, receiver: object, tol: float = 0) -> Profile:
    def supp(rows: object) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(i for i, p in enumerate(r) if p > tol) for r in rows)  # type: ignore
    return supp(sender), supp(receiver)


def _grid_pbe_supports(g: SignallingGame, k: int) -> set[Profile]:
    """Brute force over every behaviour profile of a 2 x 2 x 2 game on the grid of step 1/k:
    the support profiles of those that are perfect Bayesian equilibria (exact)."""
    prior = [F(p) for p in g.prior.tolist()]
    us = [[[F(int(v)) for v in row] for row in tab.tolist()] for tab in g.sender_payoffs]
    ur = [[[F(int(v)) for v in row] for row in tab.tolist()] for tab in g.receiver_payoffs]
    grid = [F(i, k) for i in range(k + 1)]
    out = set()
    for s0, s1, r0, r1 in itertools.product(grid, repeat=4):
        sender, receiver = [[s0, 1 - s0], [s1, 1 - s1]], [[r0, 1 - r0], [r1, 1 - r1]]
        value = [[sum(receiver[m][a] * us[m][t][a] for a in range(2)) for m in range(2)]
                 for t in range(2)]
        ok = all(value[t][m] == max(value[t]) for t in range(2) for m in range(2)
                 if sender[t][m] > 0)
        for m in range(2) if ok else ():
            reach = [prior[t] * sender[t][m] for t in range(2)]
            used = tuple(a for a in range(2) if receiver[m][a] > 0)
            if sum(reach) > 0:
                vals = [sum(reach[t] * ur[m][t][a] for t in range(2)) for a in range(2)]
                ok = ok and all(vals[a] == max(vals) for a in used)
            else:
                ok = ok and _supports_by_belief(g.receiver_payoffs[m], used)
        if ok:
            out.add(_support_profile(sender, receiver))
    return out


def _nash_pbe_supports(g: SignallingGame) -> set[Profile]:
    """The support profiles of the extreme Nash equilibria of the tree's normal form (the
    library's vertex enumeration, floats) whose off-path responses are best replies to some
    belief: those are perfect Bayesian equilibria."""
    tree = g.game
    nf = _normal_form(tree)
    owner = {h: t for t, h in enumerate(g.sender_infosets)}
    owner.update({h: m for m, h in enumerate(g.receiver_infosets)})
    out = set()
    for ne in ml.solvers.vertex_enumeration(nf):
        behaviour = []
        for i in range(2):
            sets = tree.infosets_of(i)
            rows = [np.zeros(len(tree.actions[h])) for h in sets]
            for label, p in zip(nf.actions[i], ne.strategies[i], strict=True):
                for row, h, act in zip(rows, sets, label.split("/"), strict=True):
                    row[tree.actions[h].index(act)] += p
            order = sorted(range(len(sets)), key=lambda j: owner[sets[j]])
            behaviour.append([rows[j] for j in order])
        sender, receiver = _support_profile(*behaviour, tol=1e-7)
        off = [m for m in range(g.n_messages) if not any(m in s for s in sender)]
        if all(_supports_by_belief(g.receiver_payoffs[m], receiver[m]) for m in off):
            out.add((sender, receiver))
    return out


@settings(max_examples=12, deadline=None)
@given(signalling_games(max_types=2, max_messages=2, max_actions=2))
def test_mixed_search_is_complete(game: SignallingGame) -> None:
    # one result per support profile (the profiles with given supports are convex: one
    # component each), and every PBE two independent routes find has its support profile
    # among them: a brute force over a grid of mixed profiles, and the extreme Nash
    # equilibria of the normal form whose off-path responses some belief supports
    eqs = perfect_bayesian_equilibria(game, mixed=True)
    found = {_support_profile(*e.rational) for e in eqs}
    assert len(found) == len(eqs)
    assert _grid_pbe_supports(game, 4) <= found
    assert _nash_pbe_supports(game) <= found


@settings(max_examples=30, deadline=None)
@given(signalling_games(), st.integers(1, 2))
def test_d1_survivors_survive_the_intuitive_criterion(game: SignallingGame, spread: int
                                                      ) -> None:
    # D1 deletes more types than equilibrium dominance excludes (Cho and Kreps 1987), so an
    # equilibrium D1 keeps the Intuitive Criterion keeps; payoffs in {-1, 0, 1} make many ties
    # and messages equilibrium-dominated for every type (the degenerate case)
    game = game.with_(sender_payoffs=np.clip(np.stack(game.sender_payoffs, 1), -spread, spread),
                      receiver_payoffs=np.clip(np.stack(game.receiver_payoffs, 1), -spread,
                                               spread))
    small = game.n_types == game.n_messages == len(game.actions[0]) == 2
    for eq in perfect_bayesian_equilibria(game, mixed=small):
        ic, d1 = intuitive_criterion(eq), d1_criterion(eq)
        assert ic.survives or not d1.survives
        for m in ic.excluded.keys() & d1.deleted.keys():  # D1 deletes every excluded type
            assert set(ic.excluded[m]) <= set(d1.deleted[m])
            if len(d1.deleted[m]) == game.n_types:  # all deleted only if all excluded
                assert len(ic.excluded[m]) == game.n_types


def test_behaviour_profile_matches_the_tree() -> None:
    (eq, _) = perfect_bayesian_equilibria(beer_quiche())
    tree = beer_quiche().game
    assert tree.expected_payoffs(eq.profile()).tolist() == pytest.approx(
        [0.1 * 2 + 0.9 * 3, 0.9])
    assert [list(b) for b in eq.tree_beliefs()][2] == [F(1, 10), F(9, 10)]
    assert "pooling" in repr(eq) and "BeliefSet" in repr(eq.belief_sets[1])
