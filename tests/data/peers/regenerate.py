"""Regenerate the peers' frozen answers compared in ``tests/test_peers.py``.

Each peer library (nashpy, quantecon, pygambit, axelrod, egttools, powerindex, powerindices)
is run on fixed inputs and its answers are written to ``tests/data/peers/<peer>.json``, with
the peer's name and version and the inputs themselves, so that the test suite can check the
library against them without any peer installed. The inputs and the peers' calls are those
of ``benchmarks/bench_*.py``, at sizes where our side runs in milliseconds.

JSON conventions: exact numbers (ints, Fractions, pygambit Rationals) are strings ``"p/q"``
(or ``"p"``); floats are JSON numbers written with ``repr`` (they round-trip exactly). A
mixed equilibrium is ``[x, y]`` (one probability list per player).

Usage (the peers come with the ``bench`` extra)::

    pip install -e ".[bench]"
    python tests/data/peers/regenerate.py [PEER ...]    # default: every peer, ~2 min

A peer that is not installed is reported and its file is left as it is. Only the peers'
answers are written here: nothing from ``multilateral`` is frozen, except that the inputs
are chosen as described (the "degenerate" flag of a game is computed by this library's
support enumeration, which refuses degenerate games).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import itertools
import json
import math
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

import multilateral as ml

HERE = Path(__file__).resolve().parent
DEDUP_TOL = 1e-9  # two equilibria a peer returns closer than this are one (nashpy repeats them)


# -- encoding -----------------------------------------------------------------------------------
def num(x: Any) -> str | float:
    """An exact number as ``"p/q"``; a float as itself (``json`` writes its ``repr``)."""
    if isinstance(x, (bool, np.bool_)):
        raise TypeError("booleans are not numbers here")
    if isinstance(x, (float, np.floating)):
        return float(x)
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return str(Fraction(str(x)))  # Fraction, pygambit's Rational (a Fraction subclass)


def nums(values: Iterable[Any]) -> list[Any]:
    """A nested list of numbers encoded with :func:`num`."""
    return [nums(v) if isinstance(v, (list, tuple, np.ndarray)) else num(v) for v in values]


def version(dist: str) -> str:
    return importlib.metadata.version(dist)


def write(peer: str, payload: dict[str, Any]) -> None:
    doc = {
        "peer": peer,
        "version": version(peer),
        "generated_by": "tests/data/peers/regenerate.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        **payload,
    }
    path = HERE / f"{peer}.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path.relative_to(HERE.parents[2])}")


def dedup(eqs: Iterable[Sequence[Sequence[float]]]) -> list[list[list[float]]]:
    """Float equilibria without near-duplicates, in the order first seen."""
    out: list[list[list[float]]] = []
    for eq in eqs:
        vec = np.concatenate([np.asarray(s, dtype=float) for s in eq])
        if not any(np.max(np.abs(vec - np.concatenate(o))) <= DEDUP_TOL for o in out):
            out.append([[float(p) + 0.0 for p in s] for s in eq])  # + 0.0: no -0.0
    return out


# -- inputs -------------------------------------------------------------------------------------
def bimatrix_games() -> list[dict[str, Any]]:
    """The two-player games: named small games, random float and integer games, degenerate."""
    games: list[dict[str, Any]] = [
        {"name": "matching pennies", "A": [[1, -1], [-1, 1]], "B": [[-1, 1], [1, -1]]},
        {"name": "battle of the sexes", "A": [[3, 0], [0, 2]], "B": [[2, 0], [0, 3]]},
        {"name": "rock paper scissors", "A": [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
         "B": [[0, 1, -1], [-1, 0, 1], [1, -1, 0]]},
        # von Stengel (2007), section 3.4: a component {top} x {y : y_right <= 1/3}
        {"name": "degenerate 3x2 (von Stengel 2007)", "A": [[3, 3], [2, 5], [0, 6]],
         "B": [[3, 3], [2, 6], [3, 1]]},
    ]
    for n in (3, 4, 5, 6):  # as bench_nash.py: default_rng(n).random((n, n)) for A, then B
        rng = np.random.default_rng(n)
        games.append({"name": f"random float {n}x{n} (seed {n})",
                      "A": rng.random((n, n)).tolist(), "B": rng.random((n, n)).tolist()})
    for n in (3, 4, 5, 6):
        rng = np.random.default_rng(100 + n)
        games.append({"name": f"random integer {n}x{n} (seed {100 + n}, -99..99)",
                      "A": rng.integers(-99, 100, (n, n)).tolist(),
                      "B": rng.integers(-99, 100, (n, n)).tolist()})
    for g in games:
        g["degenerate"] = is_degenerate(g)
        g["exact"] = all(isinstance(v, int) for row in g["A"] + g["B"] for v in row)
    return games


def is_degenerate(g: dict[str, Any]) -> bool:
    """Is the game degenerate? Our support enumeration refuses exactly those (it raises when
    a support of size k has more than k best responses against it)."""
    game = ml.NormalFormGame(np.array(g["A"]), np.array(g["B"]))
    try:
        ml.solvers.support_enumeration(game)
    except ml.errors.DegenerateGameError:
        return True
    return False


def pure_games() -> list[dict[str, Any]]:
    """N-player games for pure equilibria: random 2-action float games (seed N), as in
    bench_nash.py section 2, and integer games with ties (several weak equilibria)."""
    games = []
    for n_players in (3, 5, 8):
        payoffs = np.random.default_rng(n_players).random((2,) * n_players + (n_players,))
        games.append({"name": f"random float 2^{n_players} (seed {n_players})",
                      "payoffs": payoffs.tolist()})
    for seed in (0, 1):
        payoffs = np.random.default_rng(seed).integers(0, 3, size=(2, 3, 4, 3))
        games.append({"name": f"random integer 2x3x4, 0..2 (seed {seed})",
                      "payoffs": payoffs.tolist()})
    coordination = np.zeros((3, 3, 3, 3), dtype=int)  # 3 players, 3 actions: paid to match
    for a in range(3):
        coordination[a, a, a] = a + 1
    games.append({"name": "3-player coordination", "payoffs": coordination.tolist()})
    return games


# -- peers --------------------------------------------------------------------------------------
def quiet(fn: Callable[[], Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


def regen_nashpy() -> None:
    import nashpy

    cases = []
    for g in bimatrix_games():
        a, b = np.array(g["A"], dtype=float), np.array(g["B"], dtype=float)
        game = nashpy.Game(a, b)
        vertex = dedup(quiet(lambda game=game: list(game.vertex_enumeration())))
        support = dedup(quiet(lambda game=game: list(game.support_enumeration())))
        lemke = {}
        for label in range(sum(a.shape)):
            try:
                eq = quiet(lambda game=game, label=label:
                           game.lemke_howson(initial_dropped_label=label))
                lemke[str(label)] = dedup([eq])[0]
            except Exception as err:  # nashpy may fail on degenerate games
                lemke[str(label)] = f"{type(err).__name__}: {err}"
        # record whether support enumeration found every vertex equilibrium (it may not:
        # its support test compares floats by exact equality, see benchmarks/README.md)
        found = all(any(np.allclose(np.concatenate(v), np.concatenate(s), atol=1e-9)
                        for s in support) for v in vertex)
        cases.append({**g, "vertex_enumeration": vertex, "support_enumeration": support,
                      "support_enumeration_complete": found, "lemke_howson": lemke})
    write("nashpy", {
        "calls": {"vertex_enumeration": "list(nashpy.Game(A, B).vertex_enumeration()), "
                  "near-duplicates removed",
                  "support_enumeration": "list(nashpy.Game(A, B).support_enumeration())",
                  "lemke_howson": "nashpy.Game(A, B).lemke_howson(initial_dropped_label=k)"},
        "games": [encode_game(c) for c in cases]})


def encode_game(case: dict[str, Any]) -> dict[str, Any]:
    """Encode a case's numbers (payoffs, equilibria) in the JSON conventions."""
    out: dict[str, Any] = {}
    for key, value in case.items():
        if key in ("A", "B", "payoffs"):
            out[key] = nums(value)
        elif isinstance(value, list) and key not in ("name",):
            out[key] = [nums(v) if isinstance(v, (list, tuple)) else v for v in value]
        elif isinstance(value, dict):
            out[key] = {k: nums(v) if isinstance(v, (list, tuple)) else v
                        for k, v in value.items()}
        else:
            out[key] = value
    return out


def to_quantecon(qe: Any, payoffs: np.ndarray) -> Any:
    """quantecon's player i indexes [a_i, a_{i+1}, ..., a_{i-1}] (see bench_nash.py)."""
    n = payoffs.shape[-1]
    players = [qe.game_theory.Player(np.transpose(payoffs[..., i], [(i + k) % n
                                                                     for k in range(n)]))
               for i in range(n)]
    return qe.game_theory.NormalFormGame(players)


def regen_quantecon() -> None:
    import quantecon as qe

    cases = []
    for g in bimatrix_games():
        payoffs = np.stack([np.array(g["A"], dtype=float), np.array(g["B"], dtype=float)], -1)
        game = to_quantecon(qe, payoffs)
        case = dict(g)
        if not g["degenerate"]:  # quantecon's vertex enumeration assumes nondegeneracy
            case["vertex_enumeration"] = dedup(
                [list(eq) for eq in qe.game_theory.vertex_enumeration(game)])
        case["lemke_howson"] = {
            str(k): dedup([list(qe.game_theory.lemke_howson(game, init_pivot=k))])[0]
            for k in range(sum(payoffs.shape[:2]))}
        cases.append(case)
    pure = []
    for g in pure_games():
        payoffs = np.array(g["payoffs"])
        eqs = qe.game_theory.pure_nash_brute(to_quantecon(qe, payoffs))
        pure.append({**g, "payoffs": nums(g["payoffs"]),
                     "pure_nash_brute": sorted([int(a) for a in p] for p in eqs)})
    write("quantecon", {
        "calls": {"vertex_enumeration": "quantecon.game_theory.vertex_enumeration(g) "
                  "(nondegenerate games only)",
                  "lemke_howson": "quantecon.game_theory.lemke_howson(g, init_pivot=k)",
                  "pure_nash_brute": "quantecon.game_theory.pure_nash_brute(g)"},
        "numba": version("numba"),
        "games": [encode_game(c) for c in cases], "pure_games": pure})


def gambit_profiles(result: Any, game: Any, exact: bool) -> list[list[list[Any]]]:
    eqs = getattr(result, "equilibria", result)
    players = list(game.players)
    conv = (lambda v: Fraction(str(v))) if exact else float
    return [[[conv(eq[s]) for s in p.strategies] for p in players] for eq in eqs]


def regen_pygambit() -> None:
    import pygambit as gbt

    cases = []
    for g in bimatrix_games():
        exact = g["exact"]
        if exact:
            a, b = (np.array([[Fraction(v) for v in row] for row in g[k]], dtype=object)
                    for k in ("A", "B"))
        else:
            a, b = np.array(g["A"], dtype=float), np.array(g["B"], dtype=float)
        game = gbt.Game.from_arrays(a, b)
        mixed = gambit_profiles(gbt.nash.enummixed_solve(game, rational=exact), game, exact)
        lcp = gambit_profiles(gbt.nash.lcp_solve(game, rational=exact), game, exact)
        if not exact:
            mixed, lcp = dedup(mixed), dedup(lcp)
        cases.append({**g, "enummixed_solve": mixed, "lcp_solve": lcp})
    pure = []
    for g in pure_games():
        payoffs = np.array(g["payoffs"])
        if payoffs.dtype.kind == "i":
            payoffs = payoffs.astype(object)
        game = gbt.Game.from_arrays(*[payoffs[..., i] for i in range(payoffs.shape[-1])])
        profiles = gambit_profiles(gbt.nash.enumpure_solve(game), game, exact=False)
        pure.append({**g, "payoffs": nums(g["payoffs"]),
                     "enumpure_solve": sorted([int(np.argmax(s)) for s in p] for p in profiles)})
    write("pygambit", {
        "calls": {"enummixed_solve": "pygambit.nash.enummixed_solve(Game.from_arrays(A, B), "
                  "rational=<exact payoffs>)",
                  "lcp_solve": "pygambit.nash.lcp_solve(Game.from_arrays(A, B), "
                  "rational=<exact payoffs>): the equilibria its paths reach",
                  "enumpure_solve": "pygambit.nash.enumpure_solve(Game.from_arrays(*payoffs))"},
        "games": [encode_game(c) for c in cases], "pure_games": pure})


# Axelrod's deterministic strategies of benchmarks/bench_tournament.py (Random and GTFT are
# stochastic and not frozen); (R, S, T, P) = (3, 0, 5, 1)
AXELROD_PLAYERS = ("Cooperator", "Defector", "TitForTat", "Grudger", "TitFor2Tats",
                   "WinStayLoseShift", "SuspiciousTitForTat", "Alternator")
TURNS = (1, 7, 200)


def regen_axelrod() -> None:
    import axelrod as axl

    players = [getattr(axl, name)() for name in AXELROD_PLAYERS]
    assert all(not p.classifier["stochastic"] for p in players)
    matches = []
    for turns in TURNS:
        for i, j in itertools.combinations_with_replacement(range(len(players)), 2):
            match = axl.Match((players[i].clone(), players[j].clone()), turns=turns)
            match.play()
            matches.append({"turns": turns, "players": [AXELROD_PLAYERS[i], AXELROD_PLAYERS[j]],
                            "names": [str(players[i]), str(players[j])],
                            "final_score": nums(match.final_score())})
    write("axelrod", {
        "call": "axelrod.Match((p, q), turns=turns).play(); .final_score() (total payoffs)",
        "game": {"R": "3", "S": "0", "T": "5", "P": "1"},
        "strategies": list(AXELROD_PLAYERS), "matches": matches})


CRD_CASES = [  # (Z, N, M, risk): Santos & Pacheco's collective-risk dilemma, small Z
    (20, 6, 3, 0.1), (20, 6, 3, 0.5), (50, 6, 3, 0.3), (50, 6, 3, 0.9), (30, 4, 2, 0.5)]
CRD_COST, CRD_ENDOWMENT, CRD_BETA, CRD_MU = 0.1, 1.0, 5.0, 0.01


def sparse(matrix: Any) -> list[list[Any]]:
    """Nonzero entries of a (scipy sparse or dense) matrix as [row, column, value]."""
    dense = matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
    return [[int(i), int(j), float(dense[i, j])] for i, j in zip(*np.nonzero(dense),
                                                                  strict=True)]


def regen_egttools() -> None:
    from egttools.analytical import PairwiseComparison, StochDynamics
    from egttools.games import Matrix2PlayerGameHolder, OneShotCRD
    from egttools.utils import calculate_stationary_distribution

    crd = []
    for z, n, m, risk in CRD_CASES:
        game = OneShotCRD(CRD_ENDOWMENT, CRD_COST, risk, n, m)  # keep alive: the model holds
        model = PairwiseComparison(z, game)  # a raw reference to it
        transitions = model.calculate_transition_matrix(CRD_BETA, CRD_MU)
        stationary = calculate_stationary_distribution(transitions.transpose())
        crd.append({"population": z, "n": n, "threshold": m, "risk": risk,
                    "transition_matrix": sparse(transitions),
                    "stationary_distribution": [float(p) for p in stationary]})
        del model, game
    sml = []
    for z, seed, beta in ((20, 2024, 1.0), (100, 2024, 1.0), (50, 7, 0.5)):
        a = np.random.default_rng(seed).random((5, 5))
        holder = Matrix2PlayerGameHolder(5, a)
        model = PairwiseComparison(z, holder)
        transitions, fixation = model.calculate_transition_and_fixation_matrix_sml(beta)
        stoch = StochDynamics(5, a, z)
        _, s_fixation = stoch.transition_and_fixation_matrix(beta)
        sml.append({"population": z, "seed": seed, "beta": beta, "payoffs": a.tolist(),
                    "fixation": np.asarray(fixation, dtype=float).tolist(),
                    "stochdynamics_fixation": np.asarray(s_fixation, dtype=float).tolist(),
                    "stationary_distribution": [float(p) for p in
                                                calculate_stationary_distribution(
                                                    transitions.transpose())]})
        del model, holder
    full = []
    for z, seed, beta, mu in ((10, 2024, 1.0, 1e-3), (15, 3, 2.0, 0.05)):
        a = np.random.default_rng(seed).random((3, 3))
        holder = Matrix2PlayerGameHolder(3, a)
        model = PairwiseComparison(z, holder)
        transitions = model.calculate_transition_matrix(beta, mu)
        full.append({"population": z, "seed": seed, "beta": beta, "mu": mu,
                     "payoffs": a.tolist(), "transition_matrix": sparse(transitions)})
        del model, holder
    write("egttools", {
        "calls": {
            "collective_risk": "PairwiseComparison(Z, OneShotCRD(endowment, cost, risk, N, M))"
            ".calculate_transition_matrix(beta, mu); utils.calculate_stationary_distribution"
            "(T.transpose()); states k = 0..Z cooperators",
            "small_mutation": "PairwiseComparison(Z, Matrix2PlayerGameHolder(5, A))"
            ".calculate_transition_and_fixation_matrix_sml(beta) (fixation[i, j]: j invades "
            "i) and StochDynamics(5, A, Z).transition_and_fixation_matrix(beta); both report "
            "fixation probabilities below about 1e-7 as 0",
            "full_chain": "PairwiseComparison(Z, Matrix2PlayerGameHolder(3, A))"
            ".calculate_transition_matrix(beta, mu)"},
        "collective_risk_common": {"cost": CRD_COST, "endowment": CRD_ENDOWMENT,
                                   "beta": CRD_BETA, "mu": CRD_MU},
        "collective_risk": crd, "small_mutation": sml, "full_chain": full})


def imf_like(total: int, n: int = 190, seed: int = 0) -> list[int]:
    """benchmarks/bench_power.py's IMF-like weights: one member with 16.5%, 189 lognormal."""
    rng = np.random.default_rng(seed)
    top = round(0.165 * total)
    raw = np.sort(rng.lognormal(0.0, 1.5, n - 1))[::-1]
    rest = np.maximum(1, np.floor(raw / raw.sum() * (total - top))).astype(int)
    rest[0] += total - top - rest.sum()
    return [top, *sorted(rest.tolist(), reverse=True)]


def voting_games() -> list[dict[str, Any]]:
    imf = imf_like(1000)
    return [
        {"name": "UN Security Council", "quota": 39, "weights": [7] * 5 + [1] * 10},
        {"name": "small [6; 4, 3, 2, 1]", "quota": 6, "weights": [4, 3, 2, 1]},
        {"name": "small [51; 50, 49, 1]", "quota": 51, "weights": [50, 49, 1]},
        {"name": "EEC 1958 [12; 4, 4, 4, 2, 2, 1]", "quota": 12, "weights": [4, 4, 4, 2, 2, 1]},
        {"name": "IMF-like, 190 members, total 1000, simple majority", "quota": 501,
         "weights": imf},
        {"name": "IMF-like, 190 members, total 1000, 85%", "quota": 850, "weights": imf},
    ]


def attempt(fn: Callable[[], Any]) -> Any:
    """The peer's values as floats, or a string naming the error it raised."""
    try:
        return [float(v) for v in quiet(fn)]
    except Exception as err:
        return f"{type(err).__name__}: {err}"[:120]


def regen_powerindex() -> None:
    import powerindex as px

    def run(q: int, w: list[int], what: str) -> Any:
        game = px.Game(q, weights=list(w))
        getattr(game, f"calc_{what}")()
        return getattr(game, what)

    games = []
    for g in voting_games():
        q, w = g["quota"], g["weights"]
        games.append({**g, "weights": nums(w), "quota": num(q),
                      "banzhaf": attempt(lambda q=q, w=w: run(q, w, "banzhaf")),
                      "shapley_shubik": attempt(lambda q=q, w=w: run(q, w, "shapley_shubik"))})
    write("powerindex", {
        "calls": {"banzhaf": "powerindex.Game(quota, weights).calc_banzhaf(); .banzhaf "
                  "(normalized Banzhaf)",
                  "shapley_shubik": "...calc_shapley_shubik(); .shapley_shubik"},
        "games": games})


def regen_powerindices() -> None:
    import powerindices as pi

    games = []
    for g in voting_games():
        q, w = g["quota"], g["weights"]
        bz = attempt(lambda q=q, w=w: pi.compute_pbi(q, list(w)))
        ss = attempt(lambda q=q, w=w: pi.compute_ssi(q, list(w)))
        # its counts are int64: at 190 members they overflow (negative values, SS sums far
        # from 1); those answers are recorded as wrong rather than frozen as values
        if len(w) > 60:
            bz = ss = ("not frozen: int64 counts overflow at this size (benchmarks/README.md, "
                       "Voting power)")
        elif isinstance(ss, list):
            assert math.isclose(sum(ss), 1.0), ss
        games.append({**g, "weights": nums(w), "quota": num(q), "banzhaf": bz,
                      "shapley_shubik": ss})
    write("powerindices", {
        "calls": {"banzhaf": "powerindices.compute_pbi(quota, weights) (absolute Banzhaf)",
                  "shapley_shubik": "powerindices.compute_ssi(quota, weights)"},
        "games": games})


def regen_power_bodies() -> None:
    """Issue 13: powerindex's normalized Banzhaf of 200-member bodies (IMF-like weights,
    seed 0, total 1,000, simple majority and 85%) -> ``power_bodies.json``."""
    import powerindex as px

    games = []
    for q, label in ((501, "simple majority"), (850, "85%")):
        w = imf_like(1000, n=200)
        game = px.Game(q, weights=list(w))
        quiet(game.calc_banzhaf)
        games.append({"name": f"IMF-like, 200 members, total 1000, {label}", "quota": num(q),
                      "weights": nums(w), "banzhaf": [float(v) for v in game.banzhaf]})
    doc = {"peer": "powerindex", "version": version("powerindex"),
           "generated_by": "tests/data/peers/regenerate.py (regen_power_bodies)",
           "python": sys.version.split()[0], "numpy": np.__version__,
           "calls": {"banzhaf": "powerindex.Game(quota, weights).calc_banzhaf(); .banzhaf "
                     "(normalized Banzhaf)"},
           "games": games}
    (HERE / "power_bodies.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/power_bodies.json")


def _regen_powerindex_all() -> None:
    regen_powerindex()
    regen_power_bodies()


def regen_vertex_enumeration() -> None:
    """Issue 13: pygambit's exact extreme equilibria (enummixed_solve, rational=True) of the
    integer and degenerate games of benchmarks/bench_nash.py --vertex (seed n), for
    tests/test_vertex_enumeration.py; written to vertex_enumeration.json."""
    import pygambit as gbt

    cases = []
    for kind, n in (("degenerate", 6), ("degenerate", 8), ("degenerate", 10), ("int", 8),
                    ("int", 10)):
        rng = np.random.default_rng(n)
        lo, hi = (0, 4) if kind == "degenerate" else (-1000, 1000)
        a, b = rng.integers(lo, hi, (n, n)), rng.integers(lo, hi, (n, n))
        game = gbt.Game.from_arrays(a.astype(object), b.astype(object))
        eqs = gambit_profiles(gbt.nash.enummixed_solve(game, rational=True), game, exact=True)
        cases.append({"name": f"{kind} {n}x{n} (seed {n})", "A": nums(a.tolist()),
                      "B": nums(b.tolist()), "enummixed_solve": [nums(e) for e in eqs]})
    doc = {"peer": "pygambit", "version": version("pygambit"),
           "generated_by": "tests/data/peers/regenerate.py", "python": sys.version.split()[0],
           "numpy": np.__version__,
           "calls": {"enummixed_solve": "pygambit.nash.enummixed_solve(Game.from_arrays(A, B), "
                     "rational=True): every extreme equilibrium, exact"},
           "games": cases}
    (HERE / "vertex_enumeration.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/vertex_enumeration.json")


def regen_population_limits() -> None:
    """Issue 13: egttools (default threads) on the population chains that used to fail or
    grow: small-mutation limits at Z = 500-2,000 (ours once raised "reducible" at Z = 500)
    and 8 strategies, and a 4-strategy full chain with its (dense) stationary distribution;
    written to egttools_limits.json."""
    from egttools.analytical import PairwiseComparison
    from egttools.games import Matrix2PlayerGameHolder
    from egttools.utils import calculate_stationary_distribution

    sml = []
    for k, z, seed, beta in ((5, 500, 2024, 1.0), (5, 2000, 7, 0.5), (8, 500, 1, 1.0)):
        a = np.random.default_rng(seed).random((k, k))
        holder = Matrix2PlayerGameHolder(k, a)  # keep alive: the model holds a raw reference
        model = PairwiseComparison(z, holder)
        transitions, fixation = model.calculate_transition_and_fixation_matrix_sml(beta)
        sml.append({"strategies": k, "population": z, "seed": seed, "beta": beta,
                    "payoffs": a.tolist(), "fixation": np.asarray(fixation, float).tolist(),
                    "stationary_distribution": [float(p) for p in
                                                calculate_stationary_distribution(
                                                    transitions.transpose())]})
        del model, holder
    full = []
    for z, seed, beta, mu in ((8, 2024, 1.0, 0.01), (12, 5, 0.5, 0.05)):
        a = np.random.default_rng(seed).random((4, 4))
        holder = Matrix2PlayerGameHolder(4, a)
        model = PairwiseComparison(z, holder)
        transitions = model.calculate_transition_matrix(beta, mu)
        full.append({"strategies": 4, "population": z, "seed": seed, "beta": beta, "mu": mu,
                     "payoffs": a.tolist(), "transition_matrix": sparse(transitions),
                     "stationary_distribution": [float(p) for p in
                                                 calculate_stationary_distribution(
                                                     transitions.transpose())]})
        del model, holder
    doc = {"peer": "egttools", "version": version("egttools"),
           "generated_by": "tests/data/peers/regenerate.py", "python": sys.version.split()[0],
           "numpy": np.__version__,
           "calls": {"small_mutation": "PairwiseComparison(Z, Matrix2PlayerGameHolder(k, A))"
                     ".calculate_transition_and_fixation_matrix_sml(beta); "
                     "utils.calculate_stationary_distribution(T.transpose()); fixation "
                     "probabilities below about 1e-7 are reported as 0",
                     "full_chain": "PairwiseComparison(Z, Matrix2PlayerGameHolder(4, A))"
                     ".calculate_transition_matrix(beta, mu) and its dense stationary "
                     "distribution"},
           "small_mutation": sml, "full_chain": full}
    (HERE / "egttools_limits.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/egttools_limits.json")


def _regen_egttools_all() -> None:
    regen_egttools()
    regen_population_limits()


def qre_games() -> list[dict[str, Any]]:
    """The normal-form games of tests/test_qre.py's pygambit checks (issue 14): McKelvey and
    Palfrey's (1995) transformation of Ochs's asymmetric matching pennies, a 3x3 coordination
    game whose branch turns back, random 3x3, 2x3x2 and 10x10 games (the benchmark's seed 0)."""
    rng = np.random.default_rng(14)
    coordination = np.zeros((3, 3, 2))
    for k, v in enumerate((1.0, 1.0, 1.01)):
        coordination[k, k] = v
    ten = np.random.default_rng(0)
    a10, b10 = ten.random((10, 10)), ten.random((10, 10))
    return [
        {"name": "Ochs asymmetric matching pennies (McKelvey-Palfrey 1995)",
         "payoffs": np.stack([[[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]]],
                             axis=-1).tolist(), "lams": [0.5, 1.0, 1.8456, 5.0, 20.0]},
        {"name": "coordination diag(1, 1, 1.01) (a turning point)",
         "payoffs": coordination.tolist(), "lams": [1.0, 2.7, 3.0, 10.0]},
        {"name": "random 3x3 (seed 14)", "payoffs": rng.random((3, 3, 2)).tolist(),
         "lams": [0.5, 2.0, 10.0, 50.0]},
        {"name": "random 2x3x2 (seed 14)", "payoffs": rng.random((2, 3, 2, 3)).tolist(),
         "lams": [1.0, 5.0, 25.0]},
        {"name": "random 10x10 (benchmarks/bench_qre.py seed 0)",
         "payoffs": np.stack([a10, b10], axis=-1).tolist(), "lams": [1.0, 10.0, 100.0]},
    ]


#: Extensive-form games of tests/test_qre_agent.py as Gambit .efg text: Selten's horse and
#: Cho and Kreps's beer-quiche signalling game (weak type 1/10).
AGENT_EFG = {
    "horse": """EFG 2 R "horse" { "1" "2" "3" }
p "" 1 1 "" { "C" "D" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, 1, 1 }
p "" 3 1 "3" { "L" "R" } 0
t "" 2 "" { 4, 4, 0 }
t "" 3 "" { 1, 1, 1 }
p "" 3 1 "3" { "L" "R" } 0
t "" 4 "" { 3, 3, 2 }
t "" 5 "" { 0, 0, 0 }
""",
    "beer-quiche": """EFG 2 R "beer-quiche" { "Sender" "Receiver" }
c "" 1 "" { "weak" 1/10 "strong" 9/10 } 0
p "" 1 1 "w" { "B" "Q" } 0
p "" 2 1 "after B" { "D" "N" } 0
t "" 1 "" { 0, 1 }
t "" 2 "" { 2, 0 }
p "" 2 2 "after Q" { "D" "N" } 0
t "" 3 "" { 1, 1 }
t "" 4 "" { 3, 0 }
p "" 1 2 "s" { "B" "Q" } 0
p "" 2 1 "after B" { "D" "N" } 0
t "" 5 "" { 1, 0 }
t "" 6 "" { 3, 1 }
p "" 2 2 "after Q" { "D" "N" } 0
t "" 7 "" { 0, 0 }
t "" 8 "" { 2, 1 }
""",
}


def agent_qre_cases() -> list[dict[str, Any]]:
    """pygambit's agent logit QRE (behaviour, flat in Gambit's action order) at given
    lambdas and at its branch's end, on the games of :data:`AGENT_EFG`."""
    import io

    import pygambit as gbt

    out = []
    for name, text in AGENT_EFG.items():
        game = gbt.read_efg(io.StringIO(text))
        n = sum(len(infoset.actions) for infoset in game.infosets)
        lams = [0.5, 2.0, 8.0]
        at = gbt.qre.logit_solve_lambda(game, lams)
        end = gbt.nash.logit_solve(game).equilibria[0]
        out.append({"name": name, "efg": text, "lams": lams,
                    "logit_solve_lambda": [[float(q[i]) for i in range(n)] for q in at],
                    "logit_solve": [float(end[a]) for infoset in game.infosets
                                    for a in infoset.actions]})
    return out


#: Symmetric games (payoff matrix A of the row player, B = A.T) whose principal branch meets
#: a pitchfork bifurcation (at the given lambda, to 5 decimals), with lambdas below it, and Chicken
#: perturbed by +-1e-3 in one payoff (the perturbed branch turns off to one pure equilibrium).
QRE_SYMMETRIC = [
    {"name": "Chicken", "A": [[0, -1], [1, -10]], "lams": [0.2, 0.4, 0.48],
     "bifurcation": 0.48918},
    {"name": "symmetric anti-coordination", "A": [[0, 2], [1, 0]], "lams": [0.5, 1.0, 1.35],
     "bifurcation": 1.37218},
    {"name": "symmetric 3x3 with ties", "A": [[-2, 2, 3], [0, 3, 2], [-1, 3, -1]],
     "lams": [1.0, 2.0, 2.9], "bifurcation": 2.95113},
    {"name": "symmetric 3x3", "A": [[1, -2, -1], [-2, -2, 2], [3, 0, -2]],
     "lams": [0.3, 0.6, 0.8], "bifurcation": 0.83863},
]


def qre_symmetric_cases() -> list[dict[str, Any]]:
    """pygambit on :data:`QRE_SYMMETRIC`: logit_solve_lambda below the bifurcation, and what
    its logit_solve and logit_solve_lambda at 2x the bifurcation's lambda return past it (in
    16.7 they stall at the bifurcation or leave the symmetric branch: recorded, not a
    reference), plus Chicken perturbed by +-1e-3 (B[1][0]), whose branch ends are a reference."""
    import pygambit as gbt

    out = []
    for case in QRE_SYMMETRIC:
        a = np.asarray(case["A"], dtype=float)
        game = gbt.Game.from_arrays(a, a.T)
        at = gbt.qre.logit_solve_lambda(game, list(case["lams"]))
        past = gbt.qre.logit_solve_lambda(game, [2 * case["bifurcation"]])[0]
        end = gbt.nash.logit_solve(game).equilibria[0]
        out.append({**case, "logit_solve_lambda": [gambit_profiles([q.profile], game, False)[0]
                                                   for q in at],
                    "past": {"asked": 2 * case["bifurcation"], "lam": float(past.lam),
                             "profile": gambit_profiles([past.profile], game, False)[0]},
                    "logit_solve": gambit_profiles([end], game, False)[0]})
    for eps in (1e-3, -1e-3):
        a = np.array([[0.0, -1.0], [1.0, -10.0]])
        b = a.T.copy()
        b[1, 0] += eps
        game = gbt.Game.from_arrays(a, b)
        end = gbt.nash.logit_solve(game).equilibria[0]
        out.append({"name": f"Chicken, B[1][0] + {eps:g}", "A": a.tolist(), "B": b.tolist(),
                    "logit_solve": gambit_profiles([end], game, False)[0]})
    return out


def regen_qre() -> None:
    """Issue 14: pygambit's logit QRE at given lambdas, its branch's end and its maximum
    likelihood fits, for tests/test_qre*.py; written to qre.json."""
    import pygambit as gbt

    cases = []
    for g in qre_games():
        payoffs = np.asarray(g["payoffs"], dtype=float)
        game = gbt.Game.from_arrays(*[payoffs[..., i] for i in range(payoffs.shape[-1])])
        at = gbt.qre.logit_solve_lambda(game, list(g["lams"]))
        end = gbt.nash.logit_solve(game).equilibria[0]
        cases.append({**g, "logit_solve_lambda": [gambit_profiles([q.profile], game, False)[0]
                                                  for q in at],
                      "logit_solve": gambit_profiles([end], game, False)[0]})
    fits = []
    ochs = qre_games()[0]
    # Gambit's documentation replicates McKelvey and Palfrey's fit to Ochs's data: 128
    # observations per player, frequencies 0.527 (row, U) and 0.366 (column, L)
    data_sets = [(ochs, [[128 * 0.527, 128 * (1 - 0.527)], [128 * 0.366, 128 * (1 - 0.366)]])]
    rng = np.random.default_rng(140)
    for g in qre_games()[2:4]:  # counts drawn from pygambit's own QRE at lambda = 3
        payoffs = np.asarray(g["payoffs"], dtype=float)
        game = gbt.Game.from_arrays(*[payoffs[..., i] for i in range(payoffs.shape[-1])])
        (truth,) = gambit_profiles([gbt.qre.logit_solve_lambda(game, [3.0])[0].profile], game,
                                   False)
        data_sets.append((g, [rng.multinomial(200, np.asarray(p) / sum(p)).tolist()
                              for p in truth]))
    for g, counts in data_sets:
        payoffs = np.asarray(g["payoffs"], dtype=float)
        game = gbt.Game.from_arrays(*[payoffs[..., i] for i in range(payoffs.shape[-1])])
        data = game.mixed_strategy_profile([[float(c) for c in row] for row in counts])
        fit = gbt.qre.logit_estimate(data)
        fits.append({"name": g["name"], "payoffs": g["payoffs"], "counts": counts,
                     "lam": float(fit.lam), "log_like": float(fit.log_like),
                     "profile": gambit_profiles([fit.profile], game, False)[0]})
    doc = {"peer": "pygambit", "version": version("pygambit"),
           "generated_by": "tests/data/peers/regenerate.py", "python": sys.version.split()[0],
           "numpy": np.__version__,
           "calls": {"logit_solve_lambda": "pygambit.qre.logit_solve_lambda(game, lams); for "
                     "a tree (agent QRE) the flat behaviour profile q[0], q[1], ... (16.7's "
                     "q.profile fails on trees)",
                     "logit_solve": "pygambit.nash.logit_solve(game): the branch's end "
                     "(maxregret 1e-8)",
                     "logit_estimate": "pygambit.qre.logit_estimate(counts profile): maximum "
                     "likelihood lambda on the principal branch"},
           "games": cases, "fits": fits, "agent": agent_qre_cases(),
           "symmetric": qre_symmetric_cases()}
    (HERE / "qre.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/qre.json")



# -- extensive-form games (pygambit) -----------------------------------------------------------
def extensive_cases() -> list[dict[str, Any]]:
    """Game trees as .efg text (written by multilateral.io.format_efg): Selten's chain store
    (two towns), Selten's horse, a crisis with a resolved or irresolute defender, and random
    trees (seeded) with and without perfect information."""
    from multilateral.games.extensive import Chance, Decision, ExtensiveFormGame, Outcome

    def town(k: int, gains: tuple[int, int, int]) -> Any:
        if k == 2:
            return Outcome(list(gains))
        out, coop, fight = list(gains), list(gains), list(gains)
        out[0] += 5
        out[k + 1] = 1
        coop[0] += 2
        coop[k + 1] = 2
        return Decision(f"E{k + 1}", {"OUT": town(k + 1, tuple(out)), "IN": Decision("A", {
            "COOP": town(k + 1, tuple(coop)), "FIGHT": town(k + 1, tuple(fight))})})

    chain = ExtensiveFormGame(town(0, (0, 0, 0)), players=["A", "E1", "E2"], title="Chain store")
    horse = ExtensiveFormGame(Decision("1", {
        "C": Decision("2", {"c": Outcome([1, 1, 1]),
                            "d": Decision("3", {"L": Outcome([4, 4, 0]), "R": Outcome([1, 1, 1])},
                                          infoset="3")}),
        "D": Decision("3", {"L": Outcome([3, 3, 2]), "R": Outcome([0, 0, 0])}, infoset="3")}),
        players=["1", "2", "3"], title="Selten's horse")

    def defender(kind: str, war: Fraction) -> Any:
        return Decision("Defender", {"concede": Outcome([1, 0], "concession"), "resist": Decision(
            "Challenger", {"fight": Outcome([Fraction(-1, 2), war]), "back down": Outcome(
                [-1, 1])}, infoset="after resistance")}, label=kind)

    crisis = ExtensiveFormGame(Chance({
        "resolved": (Fraction(1, 3), defender("resolved", Fraction(1, 2))),
        "irresolute": (Fraction(2, 3), defender("irresolute", Fraction(-2)))}, label="nature"),
        title="Crisis")
    games = [chain, horse, crisis]
    rng = np.random.default_rng(14)
    for k in range(10):
        games.append(random_tree(rng, perfect=k < 6, chance=k % 2 == 0))
    return [{"name": g.title or f"random {i}", "perfect_information": g.is_perfect_information,
             "efg": ml.io.format_efg(g)} for i, g in enumerate(games)]


def random_tree(rng: np.random.Generator, perfect: bool, chance: bool) -> Any:
    """A random tree in level order: up to ~40 nodes, 2 or 3 players, payoffs in 0..3."""
    from multilateral.games.extensive import ExtensiveFormGame

    n_players = int(rng.integers(2, 4))
    n_children, player, depth = [int(rng.integers(2, 4))], [0], [0]
    k = 0
    while k < len(n_children):
        for _ in range(n_children[k]):
            inner = len(n_children) < 30 and depth[k] < 4 and rng.random() < 0.6
            n_children.append(int(rng.integers(2, 4)) if inner else 0)
            player.append(-1 if inner and chance and rng.random() < 0.2 else
                          int(rng.integers(0, n_players)))
            depth.append(depth[k] + 1)
        k += 1
    infoset = list(range(len(n_children)))
    if not perfect:  # merge some nodes of one player, depth and action count
        groups: dict[tuple[int, int, int], int] = {}
        for v, (c, p, d) in enumerate(zip(n_children, player, depth, strict=True)):
            if c and p >= 0 and rng.random() < 0.7:
                infoset[v] = groups.setdefault((p, d, c), v)
    probs = [Fraction(1)] * len(n_children)
    for v, c in enumerate(n_children):
        if c and player[v] == -1:
            w = rng.integers(1, 4, size=c)
            first = 1 + sum(n_children[:v])
            for j in range(c):
                probs[first + j] = Fraction(int(w[j]), int(w.sum()))
    terminals = sum(1 for c in n_children if c == 0)
    ids = {s: i for i, s in enumerate(sorted({infoset[v] for v, c in enumerate(n_children)
                                              if c and player[v] >= 0}))}
    return ExtensiveFormGame.from_arrays(
        n_children, player, rng.integers(0, 4, size=(terminals, n_players)),
        infoset=[ids.get(infoset[v], -1) if c and player[v] >= 0 else -1
                 for v, c in enumerate(n_children)], chance_probability=probs)


def gambit_backward_induction(game: Any) -> tuple[list[Any], list[int]]:
    """Backward induction over pygambit's tree (pygambit has no subgame-perfect solver): the
    root's payoffs and, for every node in pygambit's order, the chosen child (-1 off decision
    nodes); ties go to the first best action."""
    players = list(game.players)
    nodes = list(game.nodes)
    value: dict[Any, list[Any]] = {}
    chosen: dict[Any, int] = {}
    for node in reversed(nodes):  # children before parents
        try:
            base = [node.outcome[p] for p in players]
        except KeyError:  # no outcome at this node
            base = [0] * len(players)
        kids = list(node.children)
        if not kids:
            value[node] = base
        elif node.player.is_chance:
            probs = [a.prob for a in node.infoset.actions]
            value[node] = [b + sum(q * value[c][i] for q, c in zip(probs, kids, strict=True))
                           for i, b in enumerate(base)]
        else:
            i = players.index(node.player)
            best = 0
            for j in range(1, len(kids)):
                if value[kids[j]][i] > value[kids[best]][i]:
                    best = j
            chosen[node] = best
            value[node] = [b + x for b, x in zip(base, value[kids[best]], strict=True)]
    return value[nodes[0]], [chosen.get(node, -1) for node in nodes]


def pygambit_trees(gbt: Any) -> list[Any]:
    """Trees built with pygambit's own API and written by pygambit (what the .efg reader must
    read as Gambit does): outcomes at inner nodes (added along the path), one outcome shared by
    several nodes, chance with fractions and decimals, information sets of several nodes
    (absent-minded ones too), a player who never moves; plus seeded random trees."""
    import random

    g = gbt.Game.new_tree(players=["Ann", "Bob", "Cy", "Idle"], title="Varied")
    r = g.root
    g.append_move(r, g.players.chance, ["h", "m", "t"])
    g.set_chance_probs(r.infoset, [Fraction(1, 3), "0.25", Fraction(5, 12)])
    g.set_outcome(r, g.add_outcome("fee", [-1, Fraction(1, 2), "0.1", 0]))
    h, m, t = list(r.children)
    g.append_move([h, m], "Ann", ["L", "R"])
    g.append_move(t, "Bob", ["x", "y"])
    mid = g.add_outcome("mid", [2, 0, 0, 1])
    shared = g.add_outcome("shared", [Fraction(7, 3), "1.5", -2, 0])
    g.set_outcome(h, mid)
    g.append_move([h.children["L"], m.children["L"]], "Bob", ["u", "d"])
    for node in (h.children["L"].children["u"], m.children["L"].children["d"], t.children["y"]):
        g.set_outcome(node, shared)
    g.append_move(t.children["x"], "Cy", ["a", "b", "c"])
    g.set_outcome(t.children["x"], mid)
    g.set_outcome(t.children["x"].children["c"], g.add_outcome("end", ["0.125", 3, 4, 5]))
    g.append_move(m.children["R"], g.players.chance, ["p", "q"])
    g.set_chance_probs(m.children["R"].infoset, ["0.3", "0.7"])
    g.set_outcome(m.children["R"].children["p"], shared)
    games = [g]
    for seed in range(8):
        rnd = random.Random(seed)
        n = rnd.randint(1, 3)
        g = gbt.Game.new_tree(players=[f"P{i + 1}" for i in range(n)], title=f"pygambit {seed}")
        frontier, count = [g.root], 1
        while frontier and count < 30:
            node = frontier.pop(rnd.randrange(len(frontier)))
            k = rnd.randint(1, 3)
            if rnd.random() < 0.2:
                g.append_move(node, g.players.chance, [f"c{j}" for j in range(k)])
                w = [rnd.randint(0, 3) for _ in range(k)]
                w[0] += 1
                g.set_chance_probs(node.infoset, [Fraction(x, sum(w)) for x in w])
            else:
                p = list(g.players)[rnd.randrange(n)]
                same = [s for s in p.infosets if len(s.actions) == k]
                if same and rnd.random() < 0.4:  # any node of p: imperfect recall, absent mind
                    g.append_infoset(node, rnd.choice(same))
                else:
                    g.append_move(node, p, [f"a{j}" for j in range(k)])
            kids = list(node.children)
            count += len(kids)
            frontier.extend(kids)
        made: list[Any] = []
        for node in g.nodes:
            if rnd.random() < (0.5 if list(node.children) else 0.9):
                if made and rnd.random() < 0.3:
                    g.set_outcome(node, rnd.choice(made))
                else:
                    made.append(g.add_outcome(f"o{len(made) + 1}", [
                        rnd.choice([rnd.randint(-3, 3), Fraction(rnd.randint(-9, 9), 4),
                                    f"{rnd.randint(-99, 99) / 10:.1f}"]) for _ in range(n)]))
                    g.set_outcome(node, made[-1])
        games.append(g)
    return games


def efg_file_entry(gbt: Any, game: Any) -> dict[str, Any]:
    """pygambit's reading of its own file: per node in its order (depth first) the kind,
    the payoffs summed along the path at terminal nodes, chance's probabilities, the mover
    and information set (numbered per player as pygambit does); the reduced strategy counts;
    the pure payoffs of every reduced profile (perfect recall only: pygambit's profiles)."""
    players = list(game.players)
    total: dict[Any, list[Any]] = {}
    nodes = []
    for node in game.nodes:
        base = list(total[node.parent]) if node.parent is not None else [0] * len(players)
        with contextlib.suppress(KeyError):  # KeyError: no outcome at this node
            base = [b + Fraction(str(node.outcome[p])) for b, p in zip(base, players,
                                                                       strict=True)]
        total[node] = base
        if not list(node.children):
            nodes.append(["t", nums(base)])
        elif node.player.is_chance:
            nodes.append(["c", nums([a.prob for a in node.infoset.actions])])
        else:
            i = players.index(node.player)
            nodes.append(["p", i, list(players[i].infosets).index(node.infoset)])
    entry = {"efg": game.to_efg(), "nodes": nodes, "perfect_recall": game.is_perfect_recall,
             "reduced_strategies": [[s.label for s in p.strategies] for p in players]}
    if game.is_perfect_recall:
        profile = game.mixed_strategy_profile(rational=True)
        cells = []
        for cell in itertools.product(*(list(p.strategies) for p in players)):
            for p, s in zip(players, cell, strict=True):
                for other in p.strategies:
                    profile[other] = Fraction(int(other == s))
            cells.append([[s.label for s in cell], nums([profile.payoff(p) for p in players])])
        entry["pure_payoffs"] = cells
    return entry


def regen_extensive() -> None:
    import io

    import pygambit as gbt

    cases = []
    for case in extensive_cases():
        game = gbt.read_efg(io.StringIO(case["efg"]))
        players = list(game.players)
        # pygambit refuses games of imperfect recall (some random trees): none there
        pure = gbt.nash.enumpure_solve(game).equilibria if game.is_perfect_recall else []
        entry = {**case, "to_efg": game.to_efg(), "n_nodes": len(game.nodes),
                 "infosets": [len(p.infosets) for p in players],
                 "reduced_strategies": [len(p.strategies) for p in players],
                 "perfect_recall": game.is_perfect_recall,
                 "enumpure_payoffs": sorted(nums([eq.payoff(p) for p in players])
                                            for eq in pure)}
        if case["perfect_information"]:
            root, chosen = gambit_backward_induction(game)
            entry["backward_induction"] = {"payoffs": nums(root), "chosen_child": chosen}
        cases.append(entry)
    doc = {"peer": "pygambit", "version": version("pygambit"),
           "generated_by": "tests/data/peers/regenerate.py", "python": sys.version.split()[0],
           "calls": {"to_efg": "pygambit.read_efg(<efg>).to_efg()",
                  "reduced_strategies": "len(player.strategies) (the reduced strategic form)",
                  "enumpure_payoffs": "pygambit.nash.enumpure_solve(game): each pure "
                  "equilibrium's payoffs, sorted",
                  "backward_induction": "a postorder pass over pygambit's nodes (game.nodes), "
                  "ties to the first best action; chosen_child in game.nodes order",
                  "files": "trees built and written by pygambit (pygambit_trees), read by "
                  "pygambit: nodes, reduced strategies, pure payoffs (efg_file_entry)"},
           "games": cases,
           "files": [efg_file_entry(gbt, g) for g in pygambit_trees(gbt)]}
    (HERE / "extensive.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/extensive.json")


def recall_tree(rng: np.random.Generator, depth: int = 4, size: int = 16) -> Any:
    """A random two-player tree with perfect recall and imperfect information (seeded): one
    mover (or chance) per depth; a mover's information set is her own earlier moves plus the
    others' moves she saw (each seen with probability 1/4); payoffs integers in [-3, 3]."""
    from multilateral.games.extensive import Chance, Decision, ExtensiveFormGame, Outcome

    first = int(rng.integers(2))
    schedule = [("c" if rng.random() < 0.25 else str(1 + (d + first) % 2),
                 int(rng.choice([2, 2, 3]))) for d in range(depth)]
    budget = [size]

    def node(d: int, own: tuple[Any, Any], seen: tuple[Any, Any]) -> Any:
        budget[0] -= 1
        if d and (d >= depth or budget[0] <= 0 or rng.random() < 1 / 6):
            return Outcome([int(v) for v in rng.integers(-3, 4, size=2)])
        kind, m = schedule[d]
        labels = [f"a{j}" for j in range(m)]
        if kind == "c":
            weights = [int(w) for w in rng.integers(1, 4, size=m)]
            return Chance({a: (Fraction(w, sum(weights)), node(d + 1, own, tuple(
                (*s, (d, a)) if rng.random() < 0.25 else s for s in seen)))
                for a, w in zip(labels, weights, strict=True)})
        i = int(kind) - 1
        key = f"P{i + 1}|{own[i]}|{seen[i]}|{m}"
        moves = {}
        for a in labels:
            mine = list(own)
            mine[i] = (*own[i], (key, a))
            now = list(seen)
            if rng.random() < 0.25:
                now[1 - i] = (*seen[1 - i], (d, a))
            moves[a] = node(d + 1, (mine[0], mine[1]), (now[0], now[1]))
        return Decision(f"P{i + 1}", moves, infoset=key)

    return ExtensiveFormGame(node(0, ((), ()), ((), ())), players=["P1", "P2"])


def sequence_form_cases() -> list[Any]:
    """Kuhn poker, beer-quiche (as in tests/test_sequence_form.py) and seeded random trees
    with perfect recall and imperfect information."""
    sys.path.insert(0, str(HERE.parent.parent))
    from test_sequence_form import beer_quiche, kuhn_poker

    games = [("Kuhn poker", kuhn_poker()), ("beer-quiche", beer_quiche())]
    rng = np.random.default_rng(1996)
    while len(games) < 14:
        game = recall_tree(rng)
        if not game.is_perfect_information:
            games.append((f"random {len(games) - 2}", game))
    return games


def regen_sequence_form() -> None:
    """pygambit's lcp_solve on the tree (the sequence form), in rationals: its equilibria
    (payoffs; behaviour where each information set is reached), and whether the equilibrium
    (or its payoffs) is unique, from enummixed_solve on the reduced strategic form of the small
    games (zero-sum games: unique payoffs, the value)."""
    import io

    import pygambit as gbt

    cases = []
    for name, ours in sequence_form_cases():
        text = ml.io.format_efg(ours)
        game = gbt.read_efg(io.StringIO(text))
        players = list(game.players)
        found = gbt.nash.lcp_solve(game, rational=True).equilibria
        eq = found[0]
        sets = [inf for p in players for inf in p.infosets]
        size = math.prod(len(p.strategies) for p in players)
        zero_sum = all(sum(o[p] for p in players) == 0 for o in game.outcomes)
        unique = unique_payoffs = False
        if size <= 400:
            every = gbt.nash.enummixed_solve(game, rational=True).equilibria
            profiles = {tuple(tuple(str(v) for v in eq_[p]) for p in players) for eq_ in every}
            unique = len(profiles) == 1
            unique_payoffs = len({tuple(str(e.payoff(p)) for p in players) for e in every}) == 1
        unique_payoffs = unique_payoffs or zero_sum
        cases.append({
            "name": name, "efg": text, "reduced_strategy_profiles": size,
            "payoffs": nums([eq.payoff(p) for p in players]),
            "behaviour": {f"{inf.player.label}|{inf.label}": nums([eq[a] for a in inf.actions])
                          for inf in sets},
            "reached": {f"{inf.player.label}|{inf.label}": eq.infoset_prob(inf) > 0
                        for inf in sets},
            "n_equilibria_lcp": len(found), "unique": unique, "unique_payoffs": unique_payoffs})
    doc = {"peer": "pygambit", "version": version("pygambit"),
           "generated_by": "tests/data/peers/regenerate.py (regen_sequence_form)",
           "python": sys.version.split()[0],
           "calls": {"payoffs, behaviour": "pygambit.nash.lcp_solve(game, rational=True)"
                     ".equilibria[0] (the sequence form: Koller, Megiddo and von Stengel)",
                     "unique": "pygambit.nash.enummixed_solve(game, rational=True) has one "
                     "equilibrium (games with at most 400 reduced strategy profiles)",
                     "unique_payoffs": "every enummixed equilibrium has the same payoffs, or "
                     "the game is zero-sum"},
           "cases": cases}
    (HERE / "sequence_form.json").write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote tests/data/peers/sequence_form.json")


def _regen_pygambit_all() -> None:
    regen_pygambit()
    regen_vertex_enumeration()
    regen_extensive()
    regen_qre()
    regen_sequence_form()


REGEN = {"nashpy": regen_nashpy, "quantecon": regen_quantecon, "pygambit": _regen_pygambit_all,
         "axelrod": regen_axelrod, "egttools": _regen_egttools_all,
         "powerindex": _regen_powerindex_all,
         "powerindices": regen_powerindices}


def main(argv: Sequence[str]) -> int:
    chosen = list(argv) or list(REGEN)
    if unknown := sorted(set(chosen) - set(REGEN)):
        print(f"unknown peers {unknown}; choose from {', '.join(REGEN)}")
        return 2
    missing = []
    for peer in chosen:
        try:
            importlib.import_module(peer)
        except Exception as err:  # not installed, or a broken build
            print(f"SKIPPED {peer}: {type(err).__name__}: {err} (pip install -e \".[bench]\")")
            missing.append(peer)
            continue
        REGEN[peer]()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
