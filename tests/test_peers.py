"""Agreement with peer libraries, on their answers frozen in ``tests/data/peers/*.json``.

``benchmarks/`` runs the peers themselves (nashpy, quantecon, pygambit, axelrod, egttools,
powerindex, powerindices); here their answers on the same kinds of inputs, at small sizes,
are read from files written by ``tests/data/peers/regenerate.py`` (which records each peer's
name and version and the inputs), so no peer needs to be installed. Exact numbers are stored
as strings ``"p/q"``, floats as JSON numbers (their ``repr``).
"""

from __future__ import annotations

import json
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import multilateral as ml

DATA = Path(__file__).parent / "data" / "peers"

# Two float codes pivoting the same game agree to about 1e-15 here (measured: at most 1.4e-15
# on these games); 1e-9 leaves room for another BLAS or platform without hiding a wrong vertex.
EQ_TOL = 1e-9
# egttools and ours compute the same chains by different float formulas: measured max abs
# differences are below 1e-12 (transition matrices, stationary distributions, fixation).
CHAIN_TOL = 1e-9
# egttools reports fixation probabilities below about 1e-7 as exactly 0 (benchmarks/README.md).
EGT_ZERO = 1e-7
# powerindex/powerindices floats against our exact Fractions (measured within 1e-15).
POWER_TOL = 1e-12


@cache
def load(peer: str) -> dict[str, Any]:
    return json.loads((DATA / f"{peer}.json").read_text())


def num(x: Any) -> Any:
    """A frozen number: ``"p/q"`` strings are exact (int or Fraction), floats stay floats."""
    if isinstance(x, list):
        return [num(v) for v in x]
    if isinstance(x, str):
        f = Fraction(x)
        return int(f) if f.denominator == 1 else f
    return x


def cases(peer: str, key: str = "games") -> list[Any]:
    return [pytest.param(c, id=c["name"]) for c in load(peer)[key]]


def game_of(case: dict[str, Any]) -> ml.NormalFormGame:
    return ml.NormalFormGame(np.array(num(case["A"])), np.array(num(case["B"])))


def flat(eq: Any) -> np.ndarray:
    return np.concatenate([np.asarray(s, dtype=float) for s in eq])


def within(v: np.ndarray, pool: list[np.ndarray]) -> bool:
    return any(w.shape == v.shape and np.max(np.abs(w - v)) <= EQ_TOL for w in pool)


def assert_same_equilibria(ours: Any, theirs: list[Any]) -> None:
    """Same sets of float equilibria (each side's equilibria are distinct)."""
    mine, other = [flat(e.strategies) for e in ours], [flat(num(e)) for e in theirs]
    assert len(mine) == len(other)
    assert all(within(v, mine) for v in other)
    assert all(within(v, other) for v in mine)


# -- nashpy -------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", cases("nashpy"))
def test_nashpy_vertex_enumeration(case):
    assert_same_equilibria(ml.solvers.nash_equilibria(game_of(case)), case["vertex_enumeration"])


@pytest.mark.parametrize("case", cases("nashpy"))
def test_nashpy_support_enumeration(case):
    game = game_of(case)
    ours = ml.solvers.nash_equilibria(game, method="vertex" if case["degenerate"] else "support")
    theirs = case["support_enumeration"]
    if case["support_enumeration_complete"]:
        assert_same_equilibria(ours, theirs)
    else:
        # nashpy's support test compares payoffs by exact float equality, so it misses genuine
        # equilibria of degenerate games and, to round-off, of some nondegenerate ones (random
        # float 6x6 seed 6, integer 3x3, 4x4, 6x6 here): what it finds is a strict subset
        mine = [flat(e.strategies) for e in ours]
        assert all(within(flat(num(e)), mine) for e in theirs)
        assert len(theirs) < len(mine)


@pytest.mark.parametrize("case", cases("nashpy"))
def test_nashpy_lemke_howson(case):
    game = game_of(case)
    pool = [flat(e.strategies) for e in ml.solvers.nash_equilibria(game)]
    for label, theirs in case["lemke_howson"].items():
        ours = flat(ml.solvers.lemke_howson(game, initial_dropped_label=int(label)).strategies)
        if case["degenerate"]:  # tie-breaking differs (ours lexicographic): both equilibria
            assert within(flat(num(theirs)), pool) and within(ours, pool)
        else:  # same labelling, same path: the same equilibrium from every dropped label
            assert np.max(np.abs(ours - flat(num(theirs)))) <= EQ_TOL, label


# -- quantecon ----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", [c for c in cases("quantecon") if not c.values[0]["degenerate"]])
def test_quantecon_vertex_enumeration(case):
    # quantecon's vertex enumeration assumes a nondegenerate game: frozen only for those
    assert_same_equilibria(ml.solvers.nash_equilibria(game_of(case)), case["vertex_enumeration"])


@pytest.mark.parametrize("case", cases("quantecon"))
def test_quantecon_lemke_howson(case):
    game = game_of(case)
    pool = [flat(e.strategies) for e in ml.solvers.nash_equilibria(game)]
    for label, theirs in case["lemke_howson"].items():
        ours = flat(ml.solvers.lemke_howson(game, initial_dropped_label=int(label)).strategies)
        if case["degenerate"]:
            assert within(flat(num(theirs)), pool) and within(ours, pool)
        else:  # quantecon's init_pivot=k is our initial_dropped_label=k
            assert np.max(np.abs(ours - flat(num(theirs)))) <= EQ_TOL, label


@pytest.mark.parametrize("case", cases("quantecon", "pure_games"))
def test_quantecon_pure_nash_brute(case):
    ours = ml.solvers.pure_nash_equilibria(ml.NormalFormGame(np.array(num(case["payoffs"]))))
    assert set(ours) == {tuple(p) for p in case["pure_nash_brute"]}


# -- pygambit -----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", cases("pygambit"))
def test_pygambit_enummixed(case):
    ours = ml.solvers.nash_equilibria(game_of(case))
    if case["exact"]:  # gambit's rational arithmetic against our exact equilibria
        theirs = {tuple(num([p for s in e for p in s])) for e in case["enummixed_solve"]}
        assert {tuple(p for s in e.exact for p in s) for e in ours} == theirs
    else:
        assert_same_equilibria(ours, case["enummixed_solve"])


@pytest.mark.parametrize("case", cases("pygambit"))
def test_pygambit_lcp_finds_some_of_ours(case):
    pool = [flat(e.strategies) for e in ml.solvers.nash_equilibria(game_of(case))]
    assert all(within(flat(num(e)), pool) for e in case["lcp_solve"])


@pytest.mark.parametrize("case", cases("pygambit", "pure_games"))
def test_pygambit_enumpure(case):
    ours = ml.solvers.pure_nash_equilibria(ml.NormalFormGame(np.array(num(case["payoffs"]))))
    assert set(ours) == {tuple(p) for p in case["enumpure_solve"]}


# -- axelrod ------------------------------------------------------------------------------------
def test_axelrod_deterministic_matches():
    # without noise our canonical grim trigger and alternator play as Axelrod's Grudger and
    # Alternator (they differ only under noise: benchmarks/bench_tournament.py)
    a = ml.automata
    automata = {"Cooperator": a.always_cooperate(), "Defector": a.always_defect(),
                "TitForTat": a.tit_for_tat(), "Grudger": a.grim_trigger(),
                "TitFor2Tats": a.tit_for_two_tats(), "WinStayLoseShift": a.win_stay_lose_shift(),
                "SuspiciousTitForTat": a.suspicious_tit_for_tat(), "Alternator": a.alternator()}
    data = load("axelrod")
    g = {k: num(v) for k, v in data["game"].items()}
    stage = ml.TwoByTwo.symmetric(T=g["T"], R=g["R"], P=g["P"], S=g["S"])
    names = data["strategies"]
    players = [automata[name] for name in names]
    scores = {turns: ml.simulate.round_robin(stage, players, turns=turns, repetitions=1)
              .match_scores[..., 0] for turns in {m["turns"] for m in data["matches"]}}
    for m in data["matches"]:
        i, j = (names.index(p) for p in m["players"])
        theirs = num(m["final_score"])
        ours = scores[m["turns"]]
        if i == j:  # one entry for self-play: both copies score alike
            assert ours[i, i] == theirs[0] == theirs[1], m
        else:
            assert (ours[i, j], ours[j, i]) == tuple(theirs), m


# -- egttools -----------------------------------------------------------------------------------
def dense(entries: list[list[Any]], size: int) -> np.ndarray:
    out = np.zeros((size, size))
    for i, j, v in entries:
        out[i, j] = v
    return out


@pytest.mark.parametrize("case", load("egttools")["collective_risk"],
                         ids=lambda c: f"Z={c['population']},N={c['n']},r={c['risk']}")
def test_egttools_collective_risk(case):
    common = load("egttools")["collective_risk_common"]
    z = case["population"]
    model = ml.models.CollectiveRiskDilemma(
        case["n"], case["threshold"], risk=case["risk"], cost=common["cost"],
        endowment=common["endowment"], population=z, beta=common["beta"],
        mutation=common["mu"], others_only=True)
    p = model.stationary_distribution()
    assert np.max(np.abs(p - np.array(case["stationary_distribution"]))) <= CHAIN_TOL
    chain = ml.solvers.transition_matrix(model.game, z, beta=common["beta"],
                                         mutation=common["mu"], others_only=True)
    # our states run from all cooperators; egttools' from all defectors (k = 0)
    ours = chain.matrix.toarray()[::-1, ::-1]
    assert np.max(np.abs(ours - dense(case["transition_matrix"], z + 1))) <= CHAIN_TOL


@pytest.mark.parametrize("case", load("egttools")["small_mutation"],
                         ids=lambda c: f"Z={c['population']},seed={c['seed']}")
def test_egttools_small_mutation_limit(case):
    ours = ml.solvers.small_mutation_limit(np.array(case["payoffs"]), case["population"],
                                           beta=case["beta"])
    fixation = np.asarray(ours.fixation, dtype=float)
    for key in ("fixation", "stochdynamics_fixation"):
        theirs = np.array(case[key])
        zero = theirs == 0  # egttools truncates tiny probabilities (and the diagonal) to 0
        assert np.max(np.abs(fixation - theirs)[~zero]) <= CHAIN_TOL
        assert np.all(np.abs(fixation[zero]) < EGT_ZERO)
    truncated = (np.array(case["fixation"]) == 0) & ~np.eye(len(fixation), dtype=bool)
    if not truncated.any():  # otherwise egttools' stationary distribution is of another chain
        # (Z=50, seed 7: one fixation probability of 2.4e-9 read as 0 moves it by 2.7e-8)
        stationary = np.asarray(ours.stationary, dtype=float)
        assert np.max(np.abs(stationary - case["stationary_distribution"])) <= CHAIN_TOL


@pytest.mark.parametrize("case", load("egttools")["full_chain"],
                         ids=lambda c: f"Z={c['population']},seed={c['seed']}")
def test_egttools_full_chain(case):
    chain = ml.solvers.transition_matrix(np.array(case["payoffs"]), case["population"],
                                         beta=case["beta"], mutation=case["mu"],
                                         others_only=True)
    theirs = dense(case["transition_matrix"], chain.matrix.shape[0])
    assert np.max(np.abs(chain.matrix.toarray() - theirs)) <= CHAIN_TOL


# -- powerindex, powerindices -------------------------------------------------------------------
@pytest.mark.parametrize(("peer", "case"), [
    pytest.param(peer, c, id=f"{peer}: {c['name']}")
    for peer in ("powerindex", "powerindices") for c in load(peer)["games"]])
def test_power_indices(peer, case):
    game = ml.WeightedVotingGame(num(case["weights"]), num(case["quota"]))
    ours = {"shapley_shubik": ml.solvers.shapley_shubik(game, exact=True),
            # powerindex gives the normalized Banzhaf index, powerindices the absolute one
            "banzhaf": ml.solvers.banzhaf(game, exact=True, normalized=peer == "powerindex")}
    compared = 0
    for key, index in ours.items():
        theirs = case[key]
        if isinstance(theirs, str):  # the peer failed or is wrong here; the reason is frozen
            continue
        compared += 1
        assert np.max(np.abs(index.as_float() - np.array(theirs))) <= POWER_TOL, key
    assert compared or len(case["weights"]) > 60  # only the 190-member games lack values


@pytest.mark.parametrize("case", cases("power_bodies"))
def test_powerindex_banzhaf_of_200_member_bodies(case):
    # issue 13: bodies of real size; every other index of the same games sums to one
    game = ml.WeightedVotingGame(num(case["weights"]), num(case["quota"]))
    ours = ml.solvers.banzhaf(game, exact=True, normalized=True)
    assert np.max(np.abs(ours.as_float() - np.array(case["banzhaf"]))) <= POWER_TOL
    for index in (ml.solvers.johnston, ml.solvers.deegan_packel, ml.solvers.holler_packel):
        assert abs(index(game).as_float().sum() - 1) <= POWER_TOL


# -- egttools at the limit (issue 13) -----------------------------------------------------------
@pytest.mark.parametrize("case", load("egttools_limits")["small_mutation"],
                         ids=lambda c: f"k={c['strategies']},Z={c['population']}")
def test_egttools_small_mutation_limit_at_large_z(case):
    # ours raised "reducible" at Z = 500; egttools' zeros are its truncation below ~1e-7
    ours = ml.solvers.small_mutation_limit(np.array(case["payoffs"]), case["population"],
                                           beta=case["beta"])
    theirs = np.array(case["fixation"])
    zero = theirs == 0
    assert np.max(np.abs(ours.fixation - theirs)[~zero]) <= CHAIN_TOL
    assert np.all(ours.fixation[zero] < EGT_ZERO)
    # the stationary distribution of egttools' truncated chain differs from ours by at most
    # the truncated mass's effect; where it holds more than EGT_ZERO the two agree
    stationary = np.array(case["stationary_distribution"])
    big = stationary > EGT_ZERO
    assert np.max(np.abs(ours.stationary - stationary)[big]) <= CHAIN_TOL


@pytest.mark.parametrize("case", load("egttools_limits")["full_chain"],
                         ids=lambda c: f"k={c['strategies']},Z={c['population']}")
def test_egttools_four_strategy_full_chain(case):
    chain = ml.solvers.transition_matrix(np.array(case["payoffs"]), case["population"],
                                         beta=case["beta"], mutation=case["mu"],
                                         others_only=True)
    theirs = dense(case["transition_matrix"], chain.matrix.shape[0])
    assert np.max(np.abs(chain.matrix.toarray() - theirs)) <= CHAIN_TOL
    p = chain.stationary_distribution()
    assert np.max(np.abs(p - np.array(case["stationary_distribution"]))) <= CHAIN_TOL
