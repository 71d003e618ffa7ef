"""TU games and their solutions: textbook values, axioms as properties, and clear errors."""

import itertools
import math
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import multilateral as ml
from multilateral import errors
from multilateral import strategies as mst
from multilateral.games import TUGame

solvers = ml.solvers
F = Fraction


def majority(n=3):
    return TUGame.from_function(lambda s: int(len(s) > n / 2), n)


# -- independent references -----------------------------------------------------------------------
def shapley_by_orders(game):
    """The Shapley value as the average marginal contribution over all n! orders."""
    n = game.n_players
    total = [F(0)] * n
    for order in itertools.permutations(range(n)):
        mask = 0
        for i in order:
            total[i] += F(game.values[mask | 1 << i]) - F(game.values[mask])
            mask |= 1 << i
    return [t / math.factorial(n) for t in total]


def core_is_empty_by_feasibility(game):
    """Core emptiness by a plain feasibility LP (no least core involved)."""
    n = game.n_players
    v = game.float_values
    masks = np.arange(1, (1 << n) - 1)
    bits = (masks[:, None] >> np.arange(n)) & 1
    res = linprog(np.zeros(n), A_ub=-bits, b_ub=-v[masks] + 1e-9, A_eq=np.ones((1, n)),
                  b_eq=[v[-1]], bounds=[(None, None)] * n, method="highs")
    return res.status == 2


def nucleolus_by_maschler(game, individually_rational=True):
    """Maschler-Peleg-Shapley's sequential LPs, deciding by one extra LP per tight coalition
    whether its excess is fixed (slow, independent of the dual values the solver uses)."""
    n = game.n_players
    v = game.float_values
    masks = np.arange(1, (1 << n) - 1)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    free = list(range(len(masks)))
    fixed = []
    bounds = [(v[1 << i] if individually_rational else None, None) for i in range(n)]
    x = None
    while free:
        a_eq = np.array([np.r_[np.ones(n), 0.0]] + [np.r_[bits[k], 0.0] for k, _ in fixed])
        b_eq = [v[-1]] + [v[masks[k]] - e for k, e in fixed]
        res = linprog(np.r_[np.zeros(n), 1.0], A_ub=np.array([np.r_[-bits[k], -1.0] for k in free]),
                      b_ub=[-v[masks[k]] for k in free], A_eq=a_eq, b_eq=b_eq,
                      bounds=[*bounds, (None, None)], method="highs")
        eps, x = res.fun, res.x[:n]
        newly = []
        for k in free:  # can S's excess drop below eps while the others stay <= eps?
            best = linprog(np.r_[-bits[k], 0.0],
                           A_ub=np.array([np.r_[-bits[j], 0.0] for j in free]),
                           b_ub=np.array([-v[masks[j]] + eps for j in free]) + 1e-9,
                           A_eq=a_eq, b_eq=b_eq, bounds=[*bounds, (None, None)], method="highs")
            if v[masks[k]] + best.fun >= eps - 1e-7:
                newly.append(k)
        fixed += [(k, eps) for k in newly]
        free = [k for k in free if k not in newly]
    return x


def talmud_rule(estate, claims):
    """Aumann and Maschler's (1985) rule: constrained equal awards of the half-claims up to
    half the total claim, then constrained equal losses."""
    estate, claims = F(estate), [F(c) for c in claims]
    half = [c / 2 for c in claims]

    def cea(amount, caps):  # constrained equal awards: min(c, lam), summing to amount
        remaining, k, lam = amount, len(caps), max(caps, default=F(0))
        for c in sorted(caps):
            if c * k >= remaining:
                lam = remaining / k
                break
            remaining -= c
            k -= 1
        return [min(c, lam) for c in caps]

    if estate <= sum(half):
        return cea(estate, half)
    losses = cea(sum(claims) - estate, half)
    return [c - loss for c, loss in zip(claims, losses, strict=True)]


def lex_sorted(game, x):
    return sorted((float(e) for e in solvers.excesses(game, x)[1:]), reverse=True)


def lex_le(a, b, tol=1e-9):
    for p, q in zip(a, b, strict=True):
        if abs(p - q) > tol:
            return p < q
    return True


# -- the game object --------------------------------------------------------------------------
def test_bitmask_layout_and_constructors():
    g = TUGame.from_dict({frozenset({0}): 1, (1,): 2, (0, 1): 5})
    assert g.values.tolist() == [0, 1, 2, 5]
    assert g.value({1, 0}) == 5 and g.value(()) == 0
    assert g.mask([0, 1]) == 3 and g.members(2) == (1,)
    named = TUGame.from_dict({("US", "CN"): 7, ("EU",): 1}, players=["US", "CN", "EU"])
    assert named.value(["CN", "US"]) == 7 and named.value(["EU"]) == 1
    assert named.players == ("US", "CN", "EU")
    assert TUGame.from_function(lambda s: len(s) ** 2, 3) == TUGame([0, 1, 1, 4, 1, 4, 4, 9])
    assert TUGame.unanimity({1}, 2).values.tolist() == [0, 0, 1, 1]
    assert TUGame.glove(2, 1).values.tolist() == [0, 0, 0, 0, 0, 1, 1, 1]


def test_exact_values_stay_exact_and_games_are_immutable():
    g = TUGame([0, F(1, 2), F(1, 3), 1])
    assert g.is_exact and g.values.dtype == object and g.grand_value == 1
    with pytest.raises(ValueError):
        g.values[1] = 5
    assert TUGame([0, F(2, 2), 3, 4]).values.dtype == np.int64  # integral fractions -> ints
    assert not TUGame([0, 0.5, 0.5, 1.0]).is_exact


def test_value_semantics_and_pickle():
    g = TUGame.glove(1, 2)
    assert g == TUGame([0, 0, 0, 1, 0, 1, 0, 1]) and hash(g) == hash(TUGame(g.values))
    assert g != TUGame(g.values, players=["L", "R1", "R2"])
    assert pickle.loads(pickle.dumps(g)) == g
    assert len({g, TUGame.glove(1, 2)}) == 1
    assert repr(TUGame([0, 1.5])) == "TUGame(1 player, v(N)=1.5)"


def test_arithmetic():
    a, b = TUGame.unanimity({0}, 2), TUGame.unanimity({0, 1}, 2)
    assert (a + b).values.tolist() == [0, 1, 0, 2]
    assert (3 * b - a).values.tolist() == [0, -1, 0, 2]
    assert (b * F(1, 2)).values.tolist() == [0, 0, 0, F(1, 2)]


def test_classes_of_games():
    glove = TUGame.glove(1, 2)
    assert glove.is_superadditive and glove.is_monotone and glove.is_essential
    assert not glove.is_convex
    assert glove.convexity_violation() is not None
    convex = TUGame.from_function(lambda s: len(s) ** 2, 4)
    assert convex.is_convex and convex.is_superadditive
    sub = TUGame([0, 2, 2, 3])  # two players lose by merging
    assert not sub.is_superadditive and sub.superadditivity_violation() == ((0,), (1,))
    assert not TUGame([0, 1, 1, 2]).is_essential  # additive
    assert TUGame([0, 1, 1, 2]).is_dummy(0) and glove.are_symmetric(1, 2)
    assert not glove.are_symmetric(0, 1)


def test_superadditivity_check_beyond_one_chunk():
    # 13 players: the pair enumeration is chunked; a single violation deep inside is found
    n = 13
    g = TUGame.from_function(lambda s: len(s) ** 2 - (7 if s == frozenset({11, 12}) else 0), n)
    assert g.superadditivity_violation() == ((11,), (12,))


@pytest.mark.parametrize(("values", "error", "match"), [
    ([0, 1, 2], errors.InvalidGameError, "2\\*\\*n"),
    ([1, 1], errors.InvalidPayoffsError, "empty coalition"),
    ([0, float("nan")], errors.InvalidPayoffsError, "finite"),
    ([[0, 1], [1, 2]], errors.InvalidPayoffsError, "flat"),
    ([0, "a"], errors.InvalidPayoffsError, "real"),
    ([0], errors.InvalidGameError, "2\\*\\*n"),
])
def test_bad_values(values, error, match):
    with pytest.raises(error, match=match):
        TUGame(values)


def test_bad_constructor_arguments():
    with pytest.raises(errors.InvalidGameError, match="listed twice"):
        TUGame.from_dict({(0, 1): 1, (1, 0): 2})
    with pytest.raises(errors.InvalidGameError, match="players="):
        TUGame.from_dict({("US",): 1})
    with pytest.raises(errors.InvalidGameError, match="out of range"):
        TUGame.from_dict({(0, 5): 1}, n=2)
    with pytest.raises(errors.InvalidTypeError, match="collection of players"):
        TUGame.from_dict({0: 1})
    with pytest.raises(errors.InvalidArgumentError, match="estate"):
        TUGame.bankruptcy(700, [100, 200, 300])
    with pytest.raises(errors.InvalidGameError, match="unknown player"):
        TUGame.glove(1, 1).value(["X"])
    with pytest.raises(errors.InvalidTypeError, match="TUGame"):
        solvers.shapley_value([0, 1, 1, 2])


# -- textbook values ----------------------------------------------------------------------------
def test_glove_game():
    """Three-player glove game, L = {0}, R = {1, 2}."""
    glove = TUGame.glove(1, 2)
    assert solvers.shapley_value(glove).tolist() == [F(2, 3), F(1, 6), F(1, 6)]
    core = solvers.core(glove)
    assert not core.is_empty and core.exact == (1, 0, 0)
    assert core.contains([1, 0, 0]) and not core.contains([F(2, 3), F(1, 6), F(1, 6)])
    assert core.constraints.shape == (6, 3) and core.total == 1
    nu = solvers.nucleolus(glove)
    assert nu.exact == (1, 0, 0)
    assert solvers.least_core(glove).exact_epsilon == 0


@pytest.mark.parametrize(("estate", "expected"), [
    (100, (F(100, 3), F(100, 3), F(100, 3))),
    (200, (50, 75, 75)),
    (300, (50, 100, 150)),
])
def test_talmud_bankruptcy_nucleolus(estate, expected):
    """Aumann and Maschler (1985): the Mishnah's divisions are the nucleolus."""
    nu = solvers.nucleolus(TUGame.bankruptcy(estate, [100, 200, 300]))
    assert nu.exact == expected
    assert list(nu.exact) == talmud_rule(estate, [100, 200, 300])


def test_majority_game():
    maj = majority(3)
    assert solvers.core(maj).is_empty
    lc = solvers.least_core(maj)
    assert lc.exact_epsilon == F(1, 3) and lc.exact == (F(1, 3),) * 3
    assert solvers.nucleolus(maj).exact == (F(1, 3),) * 3
    assert solvers.shapley_value(maj).tolist() == [F(1, 3)] * 3


def test_two_player_standard_solution():
    g = TUGame([0, 1, 3, 10])
    expected = (F(1) + F(6, 2), F(3) + F(6, 2))
    assert solvers.nucleolus(g).exact == expected
    assert tuple(solvers.shapley_value(g)) == expected


def test_prenucleolus_of_a_game_without_imputations():
    g = TUGame([0, 3, 3, 4])  # not superadditive: 3 + 3 > 4
    with pytest.raises(errors.InvalidGameError, match=r"has none.*v\(\{0\}\) \+ v\(\{1\}\)"):
        solvers.nucleolus(g)
    pre = solvers.nucleolus(g, individually_rational=False)
    assert pre.exact == (2, 2) and "Prenucleolus" in repr(pre)


def test_one_player_games():
    g = TUGame([0, 5])
    assert solvers.shapley_value(g).tolist() == [5]
    assert solvers.core(g).exact == (5,) and solvers.nucleolus(g).exact == (5,)
    with pytest.raises(errors.InvalidGameError, match="at least 2"):
        solvers.least_core(g)


def test_float_games_agree_with_exact_ones():
    g = TUGame.bankruptcy(200, [100, 200, 300])
    gf = TUGame(g.float_values / 3)
    assert np.allclose(solvers.nucleolus(gf).allocation, [50 / 3, 25, 25])
    assert np.allclose(solvers.shapley_value(gf), np.array(solvers.shapley_value(g), float) / 3)
    assert solvers.nucleolus(gf).exact is None and solvers.core(gf).exact is None
    assert not solvers.core(gf).is_empty


def test_fraction_games():
    g = TUGame([0, F(1, 3), F(1, 5), F(3, 2)])
    nu = solvers.nucleolus(g)
    assert nu.exact == (F(1, 3) + F(29, 60), F(1, 5) + F(29, 60))
    assert solvers.shapley_value(g).tolist() == list(nu.exact)


def test_lp_size_limit():
    big = TUGame(np.zeros(1 << 17, dtype=np.int64))
    assert solvers.shapley_value(big).tolist() == [0] * 17
    with pytest.raises(errors.InvalidGameError, match="at most 16"):
        solvers.core(big)


def test_twelve_players_exact():
    """A 12-player game: the nucleolus in 4095 coalitions, exact, in the core."""
    rng = np.random.default_rng(7)
    masks = np.arange(1 << 12)
    size = np.array([bin(m).count("1") for m in masks])
    v = 20 * size**2 + rng.integers(0, 60, masks.size)
    v[0], v[-1] = 0, 20 * 144
    g = TUGame(v)
    nu = solvers.nucleolus(g)
    assert nu.exact is not None and sum(nu.exact) == 20 * 144
    assert solvers.core(g).contains(nu.exact)
    assert list(nu.levels) == sorted(nu.levels, reverse=True)


# -- properties ---------------------------------------------------------------------------------
@given(mst.tu_games(st.integers(1, 5)))
def test_shapley_equals_average_over_orders(game):
    assert solvers.shapley_value(game).tolist() == shapley_by_orders(game)


@given(mst.tu_games(st.integers(1, 6)))
def test_shapley_efficiency(game):
    assert sum(solvers.shapley_value(game)) == game.grand_value


@given(mst.tu_games(st.integers(2, 5)), st.data())
def test_shapley_symmetry(game, data):
    """Symmetrize the game in players i and j: they then get the same value."""
    n = game.n_players
    i, j = data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))

    def swap(m):
        bi, bj = m >> i & 1, m >> j & 1
        return (m & ~(1 << i) & ~(1 << j)) | bi << j | bj << i

    sym = TUGame([game.values[m] + game.values[swap(m)] for m in range(1 << n)])
    assert sym.are_symmetric(i, j)
    phi = solvers.shapley_value(sym)
    assert phi[i] == phi[j]


@given(mst.tu_games(st.integers(1, 5)), st.integers(-10, 10))
def test_shapley_dummy(game, c):
    """Add a dummy player who adds c to every coalition: he gets c, the others are unchanged."""
    n = game.n_players
    vals = list(game.values) + [game.values[m] + c for m in range(1 << n)]
    ext = TUGame(vals)
    assert ext.is_dummy(n)
    phi = solvers.shapley_value(ext)
    assert phi[n] == c and phi[:n].tolist() == solvers.shapley_value(game).tolist()


@given(st.integers(1, 5).flatmap(lambda n: st.tuples(mst.tu_games(n), mst.tu_games(n))))
def test_shapley_additivity(pair):
    a, b = pair
    assert (solvers.shapley_value(a + b) == solvers.shapley_value(a)
            + solvers.shapley_value(b)).all()


@given(mst.tu_games(st.integers(1, 5)), st.permutations(range(5)))
def test_shapley_anonymity(game, perm):
    n = game.n_players
    p = [q for q in perm if q < n]  # a permutation of range(n)

    def relabel(m):
        return sum(1 << p[i] for i in range(n) if m >> i & 1)

    vals = [0] * (1 << n)
    for m in range(1 << n):
        vals[relabel(m)] = game.values[m]
    phi, psi = solvers.shapley_value(game), solvers.shapley_value(TUGame(vals))
    assert [psi[p[i]] for i in range(n)] == phi.tolist()


@given(mst.tu_games(st.integers(2, 5), exact=False))
def test_float_shapley_matches_exact_formula(game):
    exact = shapley_by_orders(game)
    assert np.allclose(solvers.shapley_value(game), [float(e) for e in exact], atol=1e-9)


@given(mst.tu_games(st.integers(2, 5)))
def test_least_core_epsilon_decides_core(game):
    lc, core = solvers.least_core(game), solvers.core(game)
    assert (lc.exact_epsilon <= 0) == (not core.is_empty)
    assert core.is_empty == core_is_empty_by_feasibility(game)
    ex = solvers.excesses(game, lc.exact)
    assert max(ex[1:-1]) == lc.exact_epsilon and ex[-1] == 0


@given(mst.tu_games(st.integers(2, 5), kind="superadditive"))
def test_nucleolus_in_core_when_core_nonempty(game):
    core, nu = solvers.core(game), solvers.nucleolus(game)
    assert nu.exact is not None
    note(f"{nu}, {core}")
    assert core.is_empty or core.contains(nu.exact)
    # an imputation
    assert sum(nu.exact) == game.grand_value
    assert all(nu.exact[i] >= game.values[1 << i] for i in range(game.n_players))


@settings(max_examples=25)  # the reference solves one LP per coalition per level
@given(mst.tu_games(st.integers(2, 4)))
def test_nucleolus_matches_maschler_reference(game):
    ir = sum(game.values[1 << i] for i in range(game.n_players)) <= game.grand_value
    nu = solvers.nucleolus(game, individually_rational=ir)
    assert nu.exact is not None
    assert np.allclose(nu.allocation, nucleolus_by_maschler(game, ir), atol=1e-6)


@given(mst.tu_games(st.integers(2, 5), kind="superadditive"))
def test_nucleolus_lexicographically_beats_shapley(game):
    nu = solvers.nucleolus(game)
    phi = solvers.shapley_value(game)
    if all(phi[i] >= game.values[1 << i] for i in range(game.n_players)):  # an imputation
        assert lex_le(lex_sorted(game, nu.exact), lex_sorted(game, phi))


@given(mst.tu_games(st.integers(2, 5), kind="superadditive"), st.integers(1, 5),
       st.lists(st.integers(-9, 9), min_size=5, max_size=5))
def test_nucleolus_covariance(game, a, shift):
    """Strategic equivalence: nucleolus(a v + b) = a nucleolus(v) + b."""
    n = game.n_players
    b = shift[:n]
    moved = TUGame([a * game.values[m] + sum(b[i] for i in range(n) if m >> i & 1)
                    for m in range(1 << n)])
    assert solvers.nucleolus(moved).exact == tuple(a * x + bi for x, bi in
                                                   zip(solvers.nucleolus(game).exact, b,
                                                       strict=True))


@given(mst.tu_games(st.integers(2, 5), kind="convex"))
def test_convex_games(game):
    """Shapley (1971): convex games have a nonempty core containing the Shapley value."""
    assert game.is_convex and game.is_superadditive
    core = solvers.core(game)
    assert not core.is_empty and core.contains(solvers.shapley_value(game))


@given(mst.tu_games(st.integers(2, 5), kind="superadditive"))
def test_superadditive_strategy(game):
    assert game.is_superadditive


@given(st.lists(st.integers(0, 60), min_size=2, max_size=5), st.data())
def test_bankruptcy_nucleolus_is_talmud_rule(claims, data):
    """Aumann and Maschler (1985), Theorem A: the nucleolus of the bankruptcy game is the
    Talmud rule, for every estate and claims."""
    estate = data.draw(st.integers(0, sum(claims)))
    nu = solvers.nucleolus(TUGame.bankruptcy(estate, claims))
    assert list(nu.exact) == talmud_rule(estate, claims)


def test_tu_games_strategy_rejects_unknown_kind():
    with pytest.raises(errors.InvalidArgumentError, match="kind"):
        mst.tu_games(kind="balanced")


def test_bankruptcy_claims_near_int64_limit_do_not_wrap_around():
    """Claims summing past 2**63 were summed in int64 (wrapping around); now in Python ints."""
    game = TUGame.bankruptcy(2**62, [2**62, 2**62])
    assert game.values.tolist() == [0, 0, 0, 2**62]
