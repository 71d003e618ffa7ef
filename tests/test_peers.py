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
