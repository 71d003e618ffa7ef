"""Evolutionary dynamics: replicator, rest points, ESS, finite populations."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import (
    DegenerateGameError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidPayoffsError,
    InvalidProbabilityError,
    InvalidTypeError,
    MultilateralError,
)
from multilateral.models import CollectiveRiskDilemma
from multilateral.solvers import (
    evolutionarily_stable_strategies,
    fixation_probability,
    is_ess,
    moran_process,
    population_states,
    replicator,
    rest_points,
    small_mutation_limit,
    stationary_distribution,
    transition_matrix,
)

RPS = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
PD = [[3, 0], [5, 1]]


def hawk_dove(v: Fraction, c: Fraction) -> list[list[Fraction]]:
    return [[(v - c) / 2, v], [Fraction(0), v / 2]]


small_ints = st.integers(-5, 5)
matrices2 = st.lists(st.lists(small_ints, min_size=2, max_size=2), min_size=2, max_size=2)


# -- replicator dynamics ------------------------------------------------------------------------
def test_zero_sum_rps_orbits_are_closed_and_the_centre_is_neutral() -> None:
    traj = replicator(RPS, [0.5, 0.3, 0.2], np.linspace(0, 50, 501))
    product = np.prod(traj.x, axis=1)  # x1 x2 x3 is a constant of motion
    assert np.max(np.abs(product - product[0])) < 1e-9
    assert np.allclose(traj.x.sum(axis=1), 1.0, atol=1e-10)
    points = rest_points(RPS)
    centre = points[-1]
    assert centre.exact == (Fraction(1, 3),) * 3
    assert centre.stability == "centre" and not centre.stable
    assert np.allclose(np.abs(centre.eigenvalues.imag), 1 / math.sqrt(3))
    assert [p.stability for p in points[:3]] == ["saddle"] * 3
    assert len(points) == 4  # no rest point on an edge: each edge is a dominance


def test_rps_with_costly_losses_spirals_in_and_cheap_ones_out() -> None:
    # win a, lose b: the centre is stable iff a > b (Hofbauer & Sigmund 1998, 7.7)
    for a, b, expect in ((2, 1, "stable"), (1, 2, "unstable")):
        game = [[0, -b, a], [a, 0, -b], [-b, a, 0]]
        assert rest_points(game)[-1].stability == expect
    spiral = replicator([[0, -1, 2], [2, 0, -1], [-1, 2, 0]], [0.6, 0.3, 0.1], 200)
    assert np.allclose(spiral.final, 1 / 3, atol=1e-3)


def test_replicator_agrees_with_the_logistic_solution_of_two_strategy_games() -> None:
    # PD: x_C' = x_C (1 - x_C) (f_C - f_D) = -x_C (1 - x_C) (2 - x_C)... integrate numerically
    # and compare with a dense reference solution of the scalar equation.
    from scipy.integrate import solve_ivp

    times = np.linspace(0, 5, 11)
    ref = solve_ivp(lambda _t, y: y * (1 - y) * ((3 * y) - (5 * y + 1 - y)), (0, 5), [0.9],
                    t_eval=times, rtol=1e-12, atol=1e-14).y[0]
    ours = replicator(PD, [0.9, 0.1], times)
    assert np.allclose(ours.x[:, 0], ref, atol=1e-9)
    game = ml.NormalFormGame(np.array(PD), np.array(PD).T, actions=[["C", "D"]] * 2)
    assert replicator(game, [0.9, 0.1], times).strategies == ("C", "D")


def test_replicator_of_an_anonymous_game_is_the_logistic_curve() -> None:
    pgg = ml.AnonymousGame.public_goods(n=5, r=3)  # g = r/n - 1 = -2/5
    times = np.linspace(0, 10, 21)
    traj = replicator(pgg, 0.9, times)
    odds = 9 * np.exp(-0.4 * times)
    assert np.allclose(traj.x[:, 0], odds / (1 + odds), atol=1e-9)
    assert np.allclose(traj.x.sum(axis=1), 1.0)
    assert traj.strategies == ("C", "D")
    assert "Trajectory(2 strategies" in repr(traj)


def test_anonymous_rest_points_follow_symmetric_equilibria() -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2))
    points = rest_points(crd.game)
    eqs = crd.infinite_equilibria()  # Nash equilibria: all-C (g(1) = -c < 0) is not one
    assert [p.x[0] for p in points] == [e.probability for e in eqs] + [1.0]
    assert [p.stable for p in points] == [e.stable for e in eqs] + [False]
    assert points[-1].exact == (1, 0)
    for p in points:  # the eigenvalue's sign agrees with the stability where hyperbolic
        assert (p.eigenvalues[0].real < 0) == p.stable
    volunteer = rest_points(ml.AnonymousGame.threshold(3, 1, benefit=1, cost=Fraction(1, 2)))
    assert [p.stability for p in volunteer] == ["unstable", "stable", "unstable"]
    assert volunteer[1].x[0] == pytest.approx(1 - math.sqrt(2) / 2)


# -- rest points and ESS --------------------------------------------------------------------------
@given(st.integers(1, 20), st.integers(1, 20))
def test_hawk_dove_ess_is_v_over_c_exactly(v: int, c: int) -> None:
    game = hawk_dove(Fraction(v), Fraction(c))
    ess = evolutionarily_stable_strategies(game)
    assert len(ess) == 1
    if v < c:
        assert ess[0].exact == (Fraction(v, c), 1 - Fraction(v, c))
        assert is_ess(game, [Fraction(v, c), 1 - Fraction(v, c)])
        assert not is_ess(game, 0) and not is_ess(game, 1)
    else:  # V >= C: Hawk is the ESS (at V = C by the second condition)
        assert ess[0].exact == (1, 0)
        assert is_ess(game, 0)
    # hyperbolic, hence asymptotically stable, except at V = C (a zero eigenvalue)
    assert ess[0].stability == ("non-hyperbolic" if v == c else "stable")


@given(st.integers(-5, 5), st.integers(1, 4), st.integers(1, 4), st.integers(1, 4))
def test_prisoners_dilemma_all_d_is_the_only_ess(s: int, d1: int, d2: int, d3: int) -> None:
    p = s + d1
    r = p + d2
    t = r + d3
    game = [[r, s], [t, p]]  # T > R > P > S
    ess = evolutionarily_stable_strategies(game)
    assert [e.exact for e in ess] == [(0, 1)]
    assert not is_ess(game, 0) and is_ess(game, 1)
    assert [rp.stable for rp in rest_points(game)] == [False, True]


def test_stag_hunt_has_two_pure_ess_and_an_unstable_mixed_point() -> None:
    game = [[4, 0], [3, 3]]
    assert [e.exact for e in evolutionarily_stable_strategies(game)] == [(1, 0), (0, 1)]
    mixed = rest_points(game)[-1]
    assert mixed.exact == (Fraction(3, 4), Fraction(1, 4)) and mixed.stability == "unstable"
    assert not is_ess(game, [Fraction(3, 4), Fraction(1, 4)])


def test_second_condition_and_copositivity_on_alternative_best_replies() -> None:
    # every strategy ties against e_0; e_0 must beat the mutants on the 2-3 face
    stable = [[0, 0, 0], [0, -1, -2], [0, -2, -1]]  # -Q = [[1, 2], [2, 1]]: copositive, not PD
    unstable = [[0, 0, 0], [0, -1, 2], [0, 2, -1]]  # q = (0, 1/2, 1/2) invades
    assert is_ess(stable, 0)
    assert not is_ess(unstable, 0)
    assert is_ess(np.array(stable, dtype=float), 0)
    assert not is_ess(np.array(unstable, dtype=float), [1.0, 0.0, 0.0])
    q = np.array([0, 0.5, 0.5])
    a = np.array(unstable)
    assert q @ a @ q > np.array([1, 0, 0]) @ a @ q  # the invasion, checked directly
    # a pure strategy that ties with a mutant and loses to it in the mutant population
    assert not is_ess([[1, 0], [1, 1]], 0) and is_ess([[1, 1], [1, 0]], 0)


@given(st.lists(st.integers(-12, 12).map(lambda v: v / 4), min_size=9, max_size=9))
def test_ess_agrees_with_local_superiority(values: list[float]) -> None:
    """p is an ESS iff u(p, y) > u(y, y) for every y != p near p (Hofbauer & Sigmund 6.4).

    Payoffs on a grid of quarters: ties are exact and strict inequalities are not tiny, so a
    fixed neighbourhood (epsilon = 1e-4) decides local superiority; the exact test must agree
    with the float one."""
    a = np.array(values).reshape(3, 3)
    rng = np.random.default_rng(0)
    directions = np.vstack([np.eye(3), rng.dirichlet(np.ones(3), 300)])
    try:
        points = rest_points(a)
    except DegenerateGameError:
        return
    for rp in points:
        p = rp.x
        eps = 1e-4
        ys = (1 - eps) * p + eps * directions
        ys = ys[np.abs(ys - p).sum(axis=1) > 1e-12]
        margin = np.einsum("i,ij,kj->k", p, a, ys) - np.einsum("ki,ij,kj->k", ys, a, ys)
        scale = np.abs(ys - p).sum(axis=1) ** 2
        # a semidefinite case (a mutant direction with zero margin, not an ESS) looks
        # positive on random directions: call a yes clear only with a robust margin
        clear_yes = bool(np.all(margin > 1e-2 * scale))
        clear_no = bool(np.any(margin < -1e-6 * scale))
        if clear_yes or clear_no:
            assert is_ess(a, p, tol=1e-7) == clear_yes
        if rp.exact is None:
            exact = rest_points((a * 4).astype(int))  # same rest points, exact arithmetic
            match = [e for e in exact if np.allclose(e.x, p, atol=1e-9)]
            assert len(match) == 1
            assert is_ess((a * 4).astype(int), list(match[0].exact or ())) == is_ess(
                a, p, tol=1e-7)


def test_rest_points_of_a_game_with_a_continuum_are_refused() -> None:
    with pytest.raises(DegenerateGameError, match="continuum"):
        rest_points([[1, 1], [1, 1]])
    assert evolutionarily_stable_strategies([[1, 1], [1, 1]]) == ()
    assert [e.exact for e in evolutionarily_stable_strategies([[2, 2, 0], [2, 2, 0],
                                                               [0, 0, 1]])] == [(0, 0, 1)]


def test_float_and_exact_rest_points_agree() -> None:
    game = [[0, 3, 1], [2, 0, 4], [1, 2, 0]]
    exact = rest_points(game)
    floats = rest_points(np.array(game, dtype=float))
    assert len(exact) == len(floats)
    for e, f in zip(exact, floats, strict=True):
        assert np.allclose(e.x, f.x, atol=1e-12) and e.stability == f.stability
        assert f.exact is None and e.exact is not None
    assert repr(exact[0]).startswith("RestPoint([1, 0, 0]")


# -- finite populations: fixation ------------------------------------------------------------------
def absorption(matrix: np.ndarray, start: int, target: int, absorbing: list[int]) -> float:
    """P(hit target before the other absorbing states | start), by a dense linear solve."""
    inner = [i for i in range(matrix.shape[0]) if i not in absorbing]
    a = np.eye(len(inner)) - matrix[np.ix_(inner, inner)]
    return float(np.linalg.solve(a, matrix[inner, target])[inner.index(start)])


def test_neutral_fixation_is_exactly_one_over_z() -> None:
    for z in (2, 7, 50):
        assert fixation_probability(PD, 0, 1, z, process="moran", beta=0) == Fraction(1, z)
        assert fixation_probability(PD, 0, 1, z, beta=0) == 1 / z
        assert fixation_probability([[2, 2], [2, 2]], 1, 0, z, process="moran") == Fraction(1, z)
    assert small_mutation_limit(RPS, 9, beta=0).fixation[0, 1] == 1 / 9


def test_beta_is_read_by_the_process_and_defaults_to_one() -> None:
    # Fermi: the inverse temperature (default 1); Moran: w of 1 - w + w * payoff (default 1,
    # fitness = payoff, exact for exact payoffs)
    assert fixation_probability(PD, 1, 0, 20) == fixation_probability(PD, 1, 0, 20, beta=1.0)
    positive = [[3, 1], [5, 2]]   # fitness = payoff must be positive
    moran = fixation_probability(positive, 0, 1, 10, process="moran")
    assert isinstance(moran, Fraction)
    assert moran == fixation_probability(positive, 0, 1, 10, process="moran",
                                         beta=Fraction(1))


@given(matrices2.map(lambda m: [[v + 6 for v in row] for row in m]), st.integers(2, 14),
       st.sampled_from([Fraction(1, 10), Fraction(1, 2), Fraction(1)]))
def test_moran_closed_form_matches_the_absorbing_chain(payoffs: list[list[int]], z: int,
                                                      beta: Fraction) -> None:
    exact = fixation_probability(payoffs, 0, 1, z, process="moran", beta=beta)
    assert isinstance(exact, Fraction)
    approx = fixation_probability(payoffs, 0, 1, z, process="moran", beta=float(beta))
    assert approx == pytest.approx(float(exact), rel=1e-12)
    chain = transition_matrix(payoffs, z, process="moran", beta=beta).matrix.toarray()
    # states (Z - i, i); one strategy-0 mutant among strategy 1 is state Z - 1, fixation is 0
    assert float(exact) == pytest.approx(absorption(chain, z - 1, 0, [0, z]), abs=1e-10)


@given(st.lists(st.lists(st.floats(-2, 2), min_size=3, max_size=3), min_size=3, max_size=3),
       st.integers(2, 12), st.sampled_from([0.0, 0.3, 1.0, 2.0]))
def test_fermi_closed_form_matches_the_absorbing_chain(payoffs: list[list[float]], z: int,
                                                      beta: float) -> None:
    chain = transition_matrix(payoffs, z, beta=beta)
    dense = chain.matrix.toarray()
    monomorphic = [chain.index(s) for s in np.eye(3, dtype=int) * z]
    for inv, res in ((1, 0), (2, 1), (0, 2)):
        start = np.zeros(3, dtype=int)
        start[res], start[inv] = z - 1, 1
        target = chain.index(np.eye(3, dtype=int)[inv] * z)
        # on the inv-res edge the chain never leaves it (no mutation): absorption there
        edge = [i for i, s in enumerate(chain.states) if s[3 - inv - res] == 0]
        sub = dense[np.ix_(edge, edge)]
        ends = [edge.index(monomorphic[inv]), edge.index(monomorphic[res])]
        rho = absorption(sub, edge.index(chain.index(start)), edge.index(target), ends)
        # the dense solve loses digits when selection is strong (tiny T+): compare loosely
        assert fixation_probability(payoffs, inv, res, z, beta=beta) == pytest.approx(
            rho, rel=1e-6, abs=1e-11)
        assert dense[monomorphic[res], monomorphic[res]] == 1.0


def test_fixation_with_strong_selection_and_large_populations_stays_finite() -> None:
    rho = fixation_probability(PD, 1, 0, 100_000, beta=100.0)
    assert 0 < rho <= 1
    assert fixation_probability(PD, 0, 1, 100_000, beta=100.0) == 0.0  # exp(-huge) underflows
    assert fixation_probability(PD, 0, 1, 200, process="moran", beta=Fraction(1, 100)) > 0


def test_group_games_use_hypergeometric_sampling() -> None:
    crd = CollectiveRiskDilemma(6, 3, risk=Fraction(9, 10), population=40, beta=2.0,
                                mutation=0.0)
    game = crd.game
    birth_death = crd.chain()
    assert fixation_probability(game, 0, 1, 40, beta=2.0) == pytest.approx(
        birth_death.fixation_probability("A"), rel=1e-12)
    assert fixation_probability(game, 1, 0, 40, beta=2.0) == pytest.approx(
        birth_death.fixation_probability("B"), rel=1e-12)
    # the full chain (states (Z - i) cooperators, i defectors) is the birth-death chain
    mutating = CollectiveRiskDilemma(6, 3, risk=Fraction(9, 10), population=40, beta=2.0,
                                     mutation=0.05)
    full = transition_matrix(game, 40, beta=2.0, mutation=0.05).matrix.toarray()
    assert np.allclose(full[::-1, ::-1], mutating.chain().transition_matrix(), atol=1e-15)
    p = transition_matrix(game, 40, beta=2.0, mutation=0.05).stationary_distribution()
    assert np.allclose(p[::-1], mutating.stationary_distribution(), atol=1e-12)
    # exact Moran with hypergeometric groups equals the float computation
    exact = fixation_probability(game, 0, 1, 12, process="moran", beta=Fraction(1, 2))
    assert isinstance(exact, Fraction)
    assert float(exact) == pytest.approx(
        fixation_probability(game, 0, 1, 12, process="moran", beta=0.5), rel=1e-12)


def test_moran_full_chain_of_two_strategies_is_moran_process() -> None:
    z, mutation = 15, 0.02
    a = np.array([[2.0, 1.0], [3.0, 0.5]])
    chain = transition_matrix(a, z, process="moran", mutation=mutation).matrix.toarray()
    k = np.arange(z + 1)
    f0 = ((k - 1) * a[0, 0] + (z - k) * a[0, 1]) / (z - 1)
    f1 = (k * a[1, 0] + (z - k - 1) * a[1, 1]) / (z - 1)
    reference = moran_process(f0, f1, mutation=mutation).transition_matrix()  # k = strategy-0 count
    assert np.allclose(chain[::-1, ::-1], reference, atol=1e-15)


def test_fitness_functions_reproduce_the_matrix_game() -> None:
    a = np.array([[1.0, 2.0, 0.0], [0.5, 1.0, 3.0], [2.0, 0.0, 1.0]])
    z = 20

    def fitness(states: np.ndarray) -> np.ndarray:
        return (states @ a.T - np.diag(a)) / (z - 1)

    sml = small_mutation_limit(a, z, beta=0.7)
    sml_fn = small_mutation_limit(fitness, z, beta=0.7, n_strategies=3)
    assert np.allclose(sml.fixation, sml_fn.fixation, rtol=1e-13)
    full = transition_matrix(a, z, beta=0.7, mutation=0.01)
    full_fn = transition_matrix(fitness, z, beta=0.7, mutation=0.01, n_strategies=3)
    assert abs(full.matrix - full_fn.matrix).max() < 1e-15
    assert full_fn.strategies == ("s0", "s1", "s2")


# -- small-mutation limit and the full chain -------------------------------------------------------
def test_small_mutation_limit_matches_the_full_chain_with_rare_mutations() -> None:
    a = np.array([[1.0, 2.0, 0.0], [0.5, 1.0, 3.0], [2.0, 0.0, 1.0]])
    z = 20
    sml = small_mutation_limit(a, z, beta=1.0)
    assert np.allclose(sml.transition.sum(axis=1), 1.0)
    assert np.allclose(sml.stationary @ sml.transition, sml.stationary, atol=1e-14)
    chain = transition_matrix(a, z, beta=1.0, mutation=1e-7)
    p = chain.stationary_distribution()
    mono = [chain.index(s) for s in np.eye(3, dtype=int) * z]
    assert p[mono].sum() > 0.999
    assert np.allclose(p[mono] / p[mono].sum(), sml.stationary, atol=1e-4)


def test_small_mutation_limit_moran_is_exact() -> None:
    sml = small_mutation_limit(PD, 4, process="moran", beta=Fraction(1, 10))
    assert sml.exact_stationary is not None and sml.exact_fixation is not None
    assert sum(sml.exact_stationary) == 1
    assert sml.exact_fixation[1][0] == fixation_probability(PD, 0, 1, 4, process="moran",
                                                            beta=Fraction(1, 10))
    assert np.allclose(sml.stationary, [float(v) for v in sml.exact_stationary])
    assert repr(sml).startswith("SmallMutationLimit(k=2")


@pytest.mark.parametrize(("process", "sel"), [("fermi", {"beta": 2.0}),
                                              ("moran", {"beta": 0.5})])
def test_sparse_stationary_distribution_matches_the_dense_eigenvector(
    process: str, sel: dict[str, float]
) -> None:
    rng = np.random.default_rng(3)
    a = rng.random((3, 3)) * 2
    chain = transition_matrix(a, 12, process=process, mutation=0.05, **sel)  # type: ignore[arg-type]
    dense = chain.matrix.toarray()
    assert dense.shape == (91, 91) and np.allclose(dense.sum(axis=1), 1.0)
    values, vectors = np.linalg.eig(dense.T)
    v = np.real(vectors[:, np.argmin(np.abs(values - 1))])
    v = v / v.sum()
    assert np.max(np.abs(chain.stationary_distribution() - v)) < 1e-12
    assert chain.frequencies(v).sum() == pytest.approx(1.0)


def test_states_are_in_egttools_order_and_indexed_consistently() -> None:
    states = population_states(6, 4)
    assert len(states) == math.comb(9, 3)
    assert states[0].tolist() == [6, 0, 0, 0] and states[-1].tolist() == [0, 0, 0, 6]
    keys = [tuple(s) for s in states]
    assert keys == sorted(keys, reverse=True)
    chain = transition_matrix(np.ones((4, 4)), 6, mutation=0.1)
    assert [chain.index(s) for s in states] == list(range(len(states)))
    assert repr(chain) == "PopulationChain(k=4, Z=6, 84 states, mutation=0.1)"
    # neutral drift with mutation: every strategy equally frequent on average
    assert np.allclose(chain.frequencies(chain.stationary_distribution()), 0.25)


def test_three_strategy_chain_at_z_100_has_5151_states() -> None:
    chain = transition_matrix(RPS, 100, beta=1.0, mutation=0.001, others_only=True)
    assert chain.matrix.shape == (5151, 5151)
    assert np.allclose(chain.matrix.sum(axis=1), 1.0)
    assert chain.matrix.nnz <= 7 * 5151
    p = chain.stationary_distribution()
    assert np.allclose(chain.frequencies(p), 1 / 3, atol=1e-9)


# -- bad inputs ------------------------------------------------------------------------------------
def test_bad_inputs_give_clear_errors() -> None:
    crd_game = CollectiveRiskDilemma(6, 3, risk=Fraction(1, 2)).game
    cases = [
        (lambda: transition_matrix(PD, 10, mutation=1.5), InvalidProbabilityError, "mutation"),
        (lambda: transition_matrix(PD, 10, mutation=-0.1), InvalidProbabilityError,
         "mutation"),
        (lambda: replicator(PD, [0.5, 0.6], 1), InvalidProbabilityError, "sum to 1"),
        (lambda: replicator(PD, [1.5, -0.5], 1), InvalidProbabilityError, "negative"),
        (lambda: replicator(crd_game, 1.2, 1), InvalidProbabilityError, "x0"),
        (lambda: replicator(PD, [0.5, 0.5], [1, 0]), InvalidArgumentError, "increasing"),
        (lambda: replicator(PD, [0.5, 0.5], -1), InvalidArgumentError, "end time"),
        (lambda: is_ess(PD, [Fraction(1, 2), Fraction(2, 3)]), InvalidProbabilityError, "sum"),
        (lambda: is_ess(PD, 2), InvalidArgumentError, "index"),
        (lambda: fixation_probability(crd_game, 0, 1, 4), InvalidArgumentError,
         "smaller than the group size"),
        (lambda: small_mutation_limit(crd_game, 5), InvalidArgumentError, "group size"),
        (lambda: fixation_probability(PD, 0, 1, 1), InvalidArgumentError, "population"),
        (lambda: fixation_probability(PD, 0, 0, 10), InvalidArgumentError, "different"),
        (lambda: fixation_probability(PD, 0, 2, 10), InvalidArgumentError, "resident"),
        (lambda: fixation_probability(PD, 0, 1, 10, process="wright"), InvalidArgumentError,
         "process"),
        # one selection parameter, beta, for both processes: the old Moran ``w`` is gone
        (lambda: fixation_probability(PD, 0, 1, 10, w=0.5), TypeError, "w"),
        (lambda: fixation_probability(PD, 0, 1, 10, process="moran", beta=1.5),
         InvalidArgumentError, "beta must be a number in \\[0, 1\\] for the Moran"),
        (lambda: fixation_probability(PD, 0, 1, 10, beta=-1.0), InvalidArgumentError, "beta"),
        (lambda: fixation_probability([[-3, 0], [0, 1]], 0, 1, 10, process="moran"),
         InvalidPayoffsError, "positive"),
        (lambda: fixation_probability(np.array(PD, float), 0, 1, 10, process="moran",
                                      exact=True), InvalidArgumentError, "exact"),
        (lambda: small_mutation_limit(lambda s: s, 10), InvalidArgumentError, "n_strategies"),
        (lambda: small_mutation_limit(lambda s: s[:, :1], 10, n_strategies=2),
         InvalidPayoffsError, "same shape"),
        (lambda: small_mutation_limit(PD, 10, n_strategies=3), InvalidArgumentError,
         "n_strategies"),
        (lambda: rest_points([[1, 2, 3]]), InvalidPayoffsError, "square"),
        (lambda: rest_points(np.array([[1.0, 2.0], [3.0, 4.0]]), exact=True), InvalidTypeError,
         "exact"),
        (lambda: is_ess(crd_game, 0), InvalidTypeError, "AnonymousGame"),
        (lambda: transition_matrix(PD, 10).stationary_distribution(), DegenerateGameError,
         "mutation"),
        (lambda: stationary_distribution(np.eye(3)), DegenerateGameError, "reducible"),
        (lambda: stationary_distribution([[0.5, 0.6], [0.5, 0.5]]), InvalidProbabilityError,
         "row-stochastic"),
        (lambda: stationary_distribution([[1.5, -0.5], [0.5, 0.5]]), InvalidProbabilityError,
         r"\[0, 1\]"),
        (lambda: population_states(10_000, 4), InvalidArgumentError, "small_mutation_limit"),
        (lambda: transition_matrix(PD, 5, mutation=0.1).index([2, 2]), InvalidArgumentError,
         "summing"),
        (lambda: ml.solvers.hypergeometric_weights(3, [1], 4), InvalidArgumentError,
         "at least the group size"),
    ]
    for call, error, match in cases:
        with pytest.raises(error, match=match):
            call()
    asymmetric = ml.NormalFormGame(np.array(PD), np.array(PD))
    with pytest.raises(InvalidGameError, match="symmetric"):
        replicator(asymmetric, [0.5, 0.5], 1)
    with pytest.raises(MultilateralError):
        transition_matrix(PD, 10, others_only=1)  # type: ignore[arg-type]


# -- the limit: large populations in log space (issue 13) ---------------------------------------
def log_abs_expm1(y: float) -> float:
    """``log |e^y - 1|`` without overflow (``y != 0``)."""
    if y > 700:
        return y + math.log1p(-math.exp(-y))
    return math.log(abs(math.expm1(y)))


def log_constant_fixation(x: float, z: int) -> float:
    """``log rho`` of a birth-death chain whose ratios ``T-/T+`` are all ``e^x``:
    ``rho = (e^x - 1) / (e^(x Z) - 1)``, i.e. ``(1 - 1/r) / (1 - 1/r^Z)`` for the Moran
    process with relative fitness ``r = e^-x`` and ``(1 - e^(-beta d)) / (1 - e^(-beta d Z))``
    for the Fermi process with a constant payoff advantage ``d = -x / beta``."""
    if x == 0:
        return -math.log(z)
    return log_abs_expm1(x) - log_abs_expm1(x * z)


@given(st.floats(0.5, 2.0), st.integers(2, 10_000))
def test_constant_fitness_moran_fixation_at_z_up_to_10000(r: float, z: int) -> None:
    # fitness r against 1 whatever the state: (1 - 1/r) / (1 - 1/r^Z), even where it is e^-6000
    game = [[r, r], [1.0, 1.0]]
    expected = log_constant_fixation(-math.log(r), z)
    sml = small_mutation_limit(game, z, process="moran", beta=1.0)
    assert sml.log_fixation is not None and sml.log_stationary is not None
    assert sml.log_fixation[1, 0] == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert sml.log_fixation[0, 1] == pytest.approx(log_constant_fixation(math.log(r), z),
                                                   rel=1e-9, abs=1e-9)
    rho = fixation_probability(game, 0, 1, z, process="moran", beta=1.0)
    assert rho == pytest.approx(math.exp(expected), rel=1e-9, abs=1e-300)
    # two strategies: detailed balance pi_0 rho(0 -> 1) = pi_1 rho(1 -> 0)
    log_ratio = sml.log_stationary[0] - sml.log_stationary[1]
    assert log_ratio == pytest.approx(sml.log_fixation[1, 0] - sml.log_fixation[0, 1],
                                      rel=1e-9, abs=1e-9)


@given(st.floats(-3.0, 3.0), st.floats(0.0, 5.0), st.integers(2, 10_000))
def test_constant_advantage_fermi_fixation_at_z_up_to_10000(d: float, beta: float,
                                                            z: int) -> None:
    # f_A - f_B = d in every state: rho = (1 - e^(-beta d)) / (1 - e^(-beta d Z))
    game = [[d, d], [0.0, 0.0]]
    x = -beta * d
    sml = small_mutation_limit(game, z, beta=beta)
    assert sml.log_fixation is not None and sml.log_stationary is not None
    assert sml.log_fixation[1, 0] == pytest.approx(log_constant_fixation(x, z), rel=1e-9,
                                                   abs=1e-9)
    assert sml.log_fixation[0, 1] == pytest.approx(log_constant_fixation(-x, z), rel=1e-9,
                                                   abs=1e-9)
    assert sml.stationary.sum() == pytest.approx(1.0, abs=1e-12)
    log_ratio = sml.log_stationary[0] - sml.log_stationary[1]
    assert log_ratio == pytest.approx(log_constant_fixation(x, z) - log_constant_fixation(-x, z),
                                      rel=1e-9, abs=1e-9)


def test_neutral_fixation_at_z_10000_is_one_over_z() -> None:
    z = 10_000
    assert fixation_probability(PD, 0, 1, z, process="moran", beta=0) == Fraction(1, z)
    assert fixation_probability(PD, 0, 1, z, beta=0) == 1 / z
    sml = small_mutation_limit(RPS, z, beta=0)
    assert np.all(sml.fixation[~np.eye(3, dtype=bool)] == 1 / z)
    np.testing.assert_allclose(sml.stationary, [1 / 3] * 3, rtol=1e-12)


def test_fermi_frequency_dependent_fixation_at_z_10000_matches_50_digits() -> None:
    # a coordination game and a Prisoner's Dilemma: d(x) is linear in x, and the closed form
    # 1 / sum_i exp(-beta sum_{x <= i} d(x)) is evaluated in 50-digit arithmetic
    import mpmath

    mpmath.mp.dps = 50
    z = 10_000
    for game, beta in (([[1.0, 0.0], [0.2, 0.6]], 1.0), ([[3.0, 0.0], [5.0, 1.0]], 0.01)):
        sml = small_mutation_limit(game, z, beta=beta)
        assert sml.log_fixation is not None
        for inv, res in ((0, 1), (1, 0)):
            a = [[mpmath.mpf(v) for v in row] for row in game]
            total, acc = mpmath.mpf(1), mpmath.mpf(0)
            for x in range(1, z):
                f_inv = ((x - 1) * a[inv][inv] + (z - x) * a[inv][res]) / (z - 1)
                f_res = (x * a[res][inv] + (z - x - 1) * a[res][res]) / (z - 1)
                acc += -beta * (f_inv - f_res)
                total += mpmath.exp(acc)
            expected = float(-mpmath.log(total))
            assert sml.log_fixation[res, inv] == pytest.approx(expected, rel=1e-9)
            rho = fixation_probability(game, inv, res, z, beta=beta)
            assert rho == pytest.approx(math.exp(expected), rel=1e-8, abs=1e-300)


def test_small_mutation_limit_at_z_500_and_beyond_does_not_fail() -> None:
    # issue 13: "the chain has no unique stationary distribution: it is reducible" at Z = 500
    a = np.random.default_rng(2024).random((5, 5))
    for z in (500, 2_000, 10_000):
        sml = small_mutation_limit(a, z, beta=1.0)
        assert sml.log_stationary is not None
        assert sml.stationary.sum() == pytest.approx(1.0, abs=1e-12)
        assert np.all(np.isfinite(sml.log_stationary))
        np.testing.assert_allclose(sml.transition.sum(axis=1), 1.0, atol=1e-12)
        # the stationary distribution balances the log chain: pi_j = sum_i pi_i T_ij
        from scipy.special import logsumexp

        assert sml.log_fixation is not None
        lt = np.where(np.eye(5, dtype=bool), np.log(np.diag(sml.transition))[:, None],
                      sml.log_fixation - math.log(4))
        inflow = logsumexp(sml.log_stationary[:, None] + lt, axis=0)
        np.testing.assert_allclose(inflow, sml.log_stationary, rtol=1e-9, atol=1e-9)


matrices_k = st.integers(2, 5).flatmap(lambda k: st.lists(
    st.lists(st.floats(-1, 1), min_size=k, max_size=k), min_size=k, max_size=k))


def fermi_fixation_50_digits(d: np.ndarray, beta: float) -> float:
    """A single mutant's fixation probability under the Fermi process, by the closed form
    1 / (1 + sum_k prod_{x <= k} exp(-beta d(x))) (Traulsen, Nowak and Pacheco 2006) in
    50-digit arithmetic: T-(x) / T+(x) = exp(-beta d(x))."""
    import mpmath

    with mpmath.workdps(50):
        total, product = mpmath.mpf(0), mpmath.mpf(1)
        for x in range(1, len(d) - 1):
            product *= mpmath.exp(-mpmath.mpf(beta) * mpmath.mpf(float(d[x])))
            total += product
        return float(1 / (1 + total))


@given(matrices_k, st.integers(2, 40), st.floats(0.0, 2.0))
@example(payoffs=[[-1.0, 1.0, 0.0, 0.0], [1.0, -1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0],
                  [0.0, 0.0, 0.0, 0.0]], z=22, beta=2.0)
def test_log_space_small_mutation_limit_matches_the_old_linear_path(
        payoffs: list[list[float]], z: int, beta: float) -> None:
    # the old path: each fixation probability by a dense solve of the absorbing chain, the
    # stationary distribution by a linear solve of the k x k chain. The dense solve loses
    # digits where the chain lingers inside (anti-coordination: I - Q nearly singular; the
    # @example's draw: 6.7e-7 relative off the 50-digit closed form, where the log-space path
    # is off by 2e-16), so the fixation probabilities are held to the closed form, and the
    # dense solve only to its own accuracy
    a = np.array(payoffs)
    k = len(a)
    sml = small_mutation_limit(a, z, beta=beta)
    old, exact = np.zeros((k, k)), np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            if i != j:
                x = np.arange(z + 1)
                d = ((x - 1) * a[j, j] + (z - x) * a[j, i]) / (z - 1) - (
                    x * a[i, j] + (z - x - 1) * a[i, i]) / (z - 1)
                mat = ml.solvers.pairwise_comparison(d, beta=beta).transition_matrix()
                old[i, j] = absorption(mat, 1, z, [0, z])
                exact[i, j] = fermi_fixation_50_digits(d, beta)
    np.testing.assert_allclose(sml.fixation, exact, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(old, exact, rtol=1e-5, atol=1e-12)
    trans = np.clip(old, 0.0, 1.0) / (k - 1)
    trans[np.diag_indices(k)] = 1 - trans.sum(axis=1)
    np.testing.assert_allclose(sml.stationary, stationary_distribution(trans), atol=1e-8)


@given(matrices_k, st.integers(2, 30))
def test_fitness_function_small_mutation_limit_matches_the_matrix_path(
        payoffs: list[list[float]], z: int) -> None:
    # a fitness function goes through the chunked state path, a matrix through pair_fitness
    a = np.array(payoffs)
    k = len(a)

    def fitness(states: np.ndarray) -> np.ndarray:
        return (states @ a.T - np.diag(a)) / (z - 1)

    by_matrix = small_mutation_limit(a, z, beta=1.0)
    by_function = small_mutation_limit(fitness, z, beta=1.0, n_strategies=k)
    assert by_matrix.log_fixation is not None and by_function.log_fixation is not None
    np.testing.assert_allclose(by_function.log_fixation, by_matrix.log_fixation, rtol=1e-12)
    np.testing.assert_allclose(by_function.stationary, by_matrix.stationary, atol=1e-13)


def test_small_mutation_limit_memory_is_linear_in_the_pairs() -> None:
    # 64 strategies at Z = 500 took 3.1 GB (states of k counts for every pair); now a few MB
    import tracemalloc

    a = np.random.default_rng(0).random((64, 64))
    small_mutation_limit(a, 20, beta=1.0)
    tracemalloc.start()
    try:
        sml = small_mutation_limit(a, 500, beta=1.0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    assert sml.stationary.sum() == pytest.approx(1.0, abs=1e-12)


def test_exact_small_mutation_limit_has_logs_too() -> None:
    sml = small_mutation_limit(PD, 6, process="moran", beta=Fraction(1, 10))
    assert sml.exact_stationary is not None and sml.log_stationary is not None
    np.testing.assert_allclose(np.exp(sml.log_stationary),
                               [float(v) for v in sml.exact_stationary], rtol=1e-12)


def test_full_chain_whose_solve_comes_out_negative_is_normalized() -> None:
    # issue 13: the three-strategy chain at Z = 200, mutation 1e-3 was called reducible
    a = np.random.default_rng(2024).random((3, 3))
    chain = transition_matrix(a, 200, beta=1.0, mutation=1e-3, others_only=True)
    p = chain.stationary_distribution()
    assert p.min() >= 0 and p.sum() == pytest.approx(1.0, abs=1e-12)
    assert float(np.abs(chain.matrix.T @ p - p).max()) < 1e-12


@given(st.lists(st.floats(-1, 1), min_size=4, max_size=4), st.sampled_from([200, 1000, 3000]),
       st.sampled_from([1e-4, 1e-3, 0.05]), st.floats(0.1, 3.0))
def test_two_strategy_full_chain_matches_detailed_balance(
        values: list[float], z: int, mutation: float, beta: float) -> None:
    # the sparse solve on badly scaled chains against the O(Z) closed form of detailed balance
    a = np.array(values).reshape(2, 2)
    chain = transition_matrix(a, z, beta=beta, mutation=mutation)
    x = np.arange(z + 1)[::-1]  # ours: states (n_0, n_1) from (Z, 0): x = n_0 of strategy 0
    d = ((x - 1) * a[0, 0] + (z - x) * a[0, 1]) / (z - 1) - (
        x * a[1, 0] + (z - x - 1) * a[1, 1]) / (z - 1)
    expected = ml.solvers.pairwise_comparison(d[::-1], beta=beta,
                                              mutation=mutation).stationary_distribution()
    np.testing.assert_allclose(chain.stationary_distribution()[::-1], expected, atol=1e-9)


def stationary_error_bound(chain, p):
    """Per state, a bound on ``|p_j - pi_j|`` for the exact stationary ``pi``, from the
    residual ``r = p (I - P)`` (normalized ``p``): ``p - pi = r A#`` exactly, with ``A#`` the
    group inverse of ``A = I - P``, and ``r`` sums to 0, so ``|p_j - pi_j| <= ||r||_1 (max_i
    A#_ij - min_i A#_ij) / 2`` (Cho and Meyer 2001, Linear Algebra Appl. 335, 137-150: the
    condition number kappa_3; Meyer 1980 for ``A# = (A + 1 pi)^-1 - 1 pi``). Dense: for the
    small chains of the tests only."""
    matrix = chain.matrix.toarray()
    a = np.eye(len(p)) - matrix
    w = np.outer(np.ones(len(p)), p)
    group = np.linalg.inv(a + w) - w
    kappa = (group.max(axis=0) - group.min(axis=0)) / 2
    return kappa * float(np.abs(matrix.T @ p - p).sum())


def iterative_and_direct(chain, coarsest):
    """The iterative and the direct stationary distributions of ``chain``, with the multigrid's
    coarsest size lowered so that small chains get several levels (a module setting: restored
    after, and a fixture cannot be used under hypothesis)."""
    from multilateral.solvers.evolutionary import _iterative

    saved, _iterative.COARSEST = _iterative.COARSEST, coarsest
    try:
        iterative = chain.stationary_distribution(method="iterative")
    finally:
        _iterative.COARSEST = saved
    return iterative, chain.stationary_distribution(method="direct")


@given(st.lists(st.floats(-1, 1), min_size=16, max_size=16), st.integers(5, 9),
       st.floats(0.005, 0.2), st.floats(0.0, 2.0))
def test_iterative_stationary_distribution_matches_the_sparse_lu(
        values: list[float], z: int, mutation: float, beta: float) -> None:
    # BiCGSTAB with aggregation multigrid (coarse levels forced here by a small coarsest
    # size) against the direct solve, on four-strategy chains
    a = np.array(values).reshape(4, 4)
    chain = transition_matrix(a, z, beta=beta, mutation=mutation)
    iterative, direct = iterative_and_direct(chain, coarsest=30)
    np.testing.assert_allclose(iterative, direct, atol=1e-9)
    assert float(np.abs(chain.matrix.T @ iterative - iterative).max()) < 1e-8


def test_stationary_method_is_checked() -> None:
    chain = transition_matrix(RPS, 5, beta=1.0, mutation=0.1)
    with pytest.raises(InvalidArgumentError, match="method"):
        chain.stationary_distribution(method="eig")


@given(st.integers(1, 30), st.integers(1, 5))
def test_population_states_by_stars_and_bars_match_the_recursive_definition(
        z: int, k: int) -> None:
    # the old recursive construction: first count from Z down to 0, the rest recursively
    def recursive(total: int, parts: int) -> np.ndarray:
        if parts == 1:
            return np.array([[total]], dtype=np.int64)
        return np.vstack([np.column_stack([np.full(len(rest), first, dtype=np.int64), rest])
                          for first in range(total, -1, -1)
                          for rest in [recursive(total - first, parts - 1)]])

    states = population_states(z, k)
    assert np.array_equal(states, recursive(z, k))
    assert len(states) == math.comb(z + k - 1, k - 1)


@settings(deadline=None)
@given(st.lists(st.floats(-1, 1), min_size=16, max_size=16), st.integers(12, 16),
       st.sampled_from([1e-4, 1e-3, 0.01, 0.1]), st.floats(0.0, 3.0),
       st.sampled_from(["fermi", "moran"]))
# found by a random search: nearly decomposable (mutation 1e-4, beta 3), the group inverse of
# I - P amplified a relative residual of ROUNDING into an error of 1.85e-10 at the last state
# before the iterative solver refined its answer (a GTH elimination agrees with the LU to 1e-13)
@example(values=[0.875, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, -1, 0, 0, 1.0], z=12,
         mutation=0.0001, beta=3.0, process="fermi")
def test_nested_iteration_matches_the_sparse_lu_over_several_levels(
        values: list[float], z: int, mutation: float, beta: float, process: str) -> None:
    # the nested iteration (aggregated chains solved first, recursively, and scaling the
    # finer ones) over three or four levels, forced by a small coarsest size, against the
    # direct solve; a relative residual at rounding level
    a = np.array(values).reshape(4, 4)
    if process == "moran":
        a = a + 1.5  # positive fitnesses
        beta = min(beta, 1.0)
    chain = transition_matrix(a, z, beta=beta, mutation=mutation, process=process)
    iterative, direct = iterative_and_direct(chain, coarsest=40)
    gap = np.abs(iterative - direct)
    if gap.max() > 1e-10:
        # a nearly decomposable chain (spectral gap down to 1e-13 at mutation 1e-3, beta 3,
        # Z = 16) where the LU itself is not accurate to 1e-10 (off a GTH elimination by
        # 4e-8): the iterative answer must be as accurate as the LU's residual guarantees
        assert np.all(gap <= 1e-10 + 2 * stationary_error_bound(chain, direct))
    residual = float(np.abs(chain.matrix.T @ iterative - iterative).max())
    assert residual < 1e-12 * float(iterative.max())


def test_auto_solves_large_four_strategy_chains_iteratively_as_the_direct_solve() -> None:
    # 12,341 states: above ITERATIVE_FROM, "auto" takes the nested iteration (faster than the
    # sparse LU from about 5,000 states); the two agree
    from multilateral.solvers.evolutionary.population import ITERATIVE_FROM

    a = np.random.default_rng(2024).random((4, 4))
    chain = transition_matrix(a, 40, beta=1.0, mutation=1e-3, others_only=True)
    assert chain.states.shape[0] > ITERATIVE_FROM
    auto = chain.stationary_distribution()
    direct = chain.stationary_distribution(method="direct")
    np.testing.assert_allclose(auto, direct, atol=1e-10)
    assert float(np.abs(chain.matrix.T @ auto - auto).max()) < 1e-12 * float(auto.max())


# -- the full chain built without a row sort, the aggregation by integer keys (issue 13) ------
def _reference_matrix(chain, a, z, mutation, others_only):
    """The transition matrix the way it was built before (each target state's counts, its
    row by :func:`population._state_index`, a COO matrix summed into CSR)."""
    import scipy.sparse as sp
    from scipy.special import expit

    from multilateral.solvers.evolutionary import population as pop

    states = chain.states
    size, k = states.shape
    n = states.astype(np.float64)
    a = np.asarray(a, dtype=np.float64)
    f = np.where(states > 0, (states @ a.T - np.diag(a)) / (z - 1), 0.0)
    zp = z - 1 if others_only else z
    move = (1 - mutation) * (n[:, None, :] / zp) * expit(f[:, None, :] - f[:, :, None]) \
        + mutation / (k - 1)
    rate = (n / z)[:, :, None] * move * ~np.eye(k, dtype=bool)
    s_idx, a_idx, b_idx = np.nonzero(rate > 0)
    targets = states[s_idx].copy()
    targets[np.arange(len(s_idx)), a_idx] -= 1
    targets[np.arange(len(s_idx)), b_idx] += 1
    cols = pop._state_index(targets, z)
    stay = np.clip(1.0 - rate.sum(axis=(1, 2)), 0.0, 1.0)
    every = np.arange(size)
    return sp.csr_array((np.concatenate([rate[s_idx, a_idx, b_idx], stay]),
                         (np.concatenate([s_idx, every]), np.concatenate([cols, every]))),
                        shape=(size, size))


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 5), st.integers(2, 12), st.integers(0, 2**31), st.booleans(),
       st.sampled_from([0.0, 1e-3, 0.2]), st.booleans())
def test_transition_matrix_equals_the_row_by_row_construction(k, z, seed, others_only,
                                                               mutation, table):
    # the neighbours read off a lookup table (or by binary search) give exactly the matrix
    # of the per-target construction: same entries, same floats
    from multilateral.solvers.evolutionary import population as pop

    a = np.random.default_rng(seed).random((k, k))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pop, "_TABLE_PER_STATE", 16 if table else 0)
        chain = ml.solvers.transition_matrix(a, z, beta=1.0, mutation=mutation,
                                             others_only=others_only)
    reference = _reference_matrix(chain, a, z, mutation, others_only)
    difference = (chain.matrix - reference).tocsr()
    assert difference.nnz == 0 or float(np.abs(difference.data).max()) == 0.0
    assert chain.matrix.has_sorted_indices


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 5), st.integers(1, 30), st.integers(0, 2**31))
def test_aggregation_by_integer_keys_equals_unique_rows(k, z, seed):
    from multilateral.solvers.evolutionary import _iterative

    coords = np.random.default_rng(seed).integers(0, z + 1, size=(200, k))
    unique, agg, q = _iterative._aggregate(coords)
    ref_unique, ref_agg = np.unique(coords // 2, axis=0, return_inverse=True)
    assert np.array_equal(unique, ref_unique) and np.array_equal(agg, np.ravel(ref_agg))
    assert np.array_equal(q.toarray().argmax(axis=1), agg)


@pytest.mark.parametrize(("k", "z"), [(45, 2), (64, 2)])
def test_transition_matrix_of_many_strategies_in_a_small_population(k, z):
    # (Z + 1)^(k - 1) beyond int64: the mixed-radix keys overflowed and the neighbour lookup
    # wrote column -1 into the CSR matrix (k = 45 or 64 at Z = 2, k = 30 at Z = 4); the states
    # are now ranked one by one there, the same matrix as the per-target construction
    a = np.random.default_rng(k).random((k, k))
    chain = ml.solvers.transition_matrix(a, z, beta=1.0, mutation=0.05)
    assert int(chain.matrix.indices.min()) >= 0
    reference = _reference_matrix(chain, a, z, 0.05, False)
    difference = (chain.matrix - reference).tocsr()
    assert difference.nnz == 0 or float(np.abs(difference.data).max()) == 0.0


def test_iterative_solve_of_a_nearly_decomposable_four_strategy_chain():
    # mutation 1e-7 at Z = 30 (5,456 states): aggregating only the first k - 1 counts made
    # BiCGSTAB fail (DegenerateGameError after 3 s; also Z = 60, 39,711 states, past 10 s);
    # halving all k counts solves it in 0.15 s, and the answer is the sparse LU's
    a = np.random.default_rng(19).normal(size=(4, 4))
    chain = ml.solvers.transition_matrix(a, 30, beta=1.0, mutation=1e-7)
    iterative = chain.stationary_distribution(method="iterative")
    direct = chain.stationary_distribution(method="direct")
    np.testing.assert_allclose(iterative, direct, atol=1e-10)
