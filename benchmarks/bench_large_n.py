"""Benchmark models and games at a million and ten million members, exact and float.

Issue 12: exact (integer or Fraction) inputs took minutes at ``n = 10**7``. The targets are
``n = 10**6`` under a second and ``n = 10**7`` under ten seconds, in both modes (exact
parameters such as ``r=3``, and float parameters such as ``r=3.0``). Each case is timed once,
end to end from the parameters (one run: at ``10**7`` a warm-up would double the cost):

* ``AnonymousGame.public_goods`` (``r = 3``, cost 1): build the game, then ``welfare(n // 2)``,
  ``gain(0)`` and ``average_payoff(0.5)``;
* ``AnonymousGame.prisoners_dilemma`` (``benefit = 3``, ``cost = 1``): the same;
* ``AnonymousGame.threshold`` (``threshold = n // 2``, ``benefit = 2``, ``cost = 1``): the same;
* ``SelfEnforcingAgreement`` (``benefit = 1``, ``cost = 4``; ``"linear"``, ``"binary"``,
  ``"barrett"``): build the model, then ``stable_sizes()``, ``stability(3)`` and
  ``total_payoff(n)``;
* ``PublicGoodProvision.identical`` (income 1, Cobb-Douglas ``a = 1/2``): build the model and
  ask for its equilibrium provision;
* ``solvers.symmetric_equilibria`` of ``AnonymousGame.threshold`` (``threshold = n // 2``,
  ``benefit = 10**4``, ``cost = 1``: two interior equilibria near 1/2) and of
  ``AnonymousGame.public_goods`` (``r = 3``: all-defect only): build the game and solve it
  with the default (exact games above 1,000 players are solved in floats: exact root isolation
  of a degree-n polynomial is O(n^2) per subdivision, and ``exact=True`` is refused above
  10,000 players with a message that says so).

Each line prints the value computed (so that exact and float can be compared by eye) and
``ok`` or ``SLOW`` against the target. The exit status is 1 with ``--strict`` when a case
misses its target (wall times depend on the machine; the default exits 0).

Usage::

    python benchmarks/bench_large_n.py [--sizes 1000000 10000000] [--strict]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import multilateral as ml

TARGET = {10**6: 1.0, 10**7: 10.0}


def _anonymous(builder: Callable[[int, bool], ml.AnonymousGame]) -> Callable[[int, bool], Any]:
    def run(n: int, exact: bool) -> Any:
        game = builder(n, exact)
        return game.welfare(n // 2), game.gain(0), float(game.average_payoff(0.5))
    return run


def _num(value: int, exact: bool) -> int | float:
    return value if exact else float(value)


def _agreement(spec: str) -> Callable[[int, bool], Any]:
    def run(n: int, exact: bool) -> Any:
        sea = ml.models.SelfEnforcingAgreement(
            n=n, benefit=_num(1, exact), cost=_num(4, exact), specification=spec)
        return sea.stable_sizes(), sea.stability(3), sea.total_payoff(n)
    return run


def _provision(n: int, exact: bool) -> Any:
    model = ml.models.PublicGoodProvision.identical(
        n, income=_num(1, exact), a=Fraction(1, 2) if exact else 0.5)
    return model.equilibrium().total


def _equilibria(builder: Callable[[int, bool], ml.AnonymousGame]) -> Callable[[int, bool], Any]:
    def run(n: int, exact: bool) -> Any:
        eqs = ml.solvers.symmetric_equilibria(builder(n, exact))
        return tuple((round(eq.probability, 9), eq.stable) for eq in eqs)
    return run


CASES: dict[str, Callable[[int, bool], Any]] = {
    "AnonymousGame.public_goods": _anonymous(
        lambda n, e: ml.AnonymousGame.public_goods(n=n, r=_num(3, e))),
    "AnonymousGame.prisoners_dilemma": _anonymous(
        lambda n, e: ml.AnonymousGame.prisoners_dilemma(n, benefit=_num(3, e), cost=1)),
    "AnonymousGame.threshold": _anonymous(
        lambda n, e: ml.AnonymousGame.threshold(n, n // 2, benefit=_num(2, e), cost=1)),
    "SelfEnforcingAgreement linear": _agreement("linear"),
    "SelfEnforcingAgreement binary": _agreement("binary"),
    "SelfEnforcingAgreement barrett": _agreement("barrett"),
    "PublicGoodProvision.identical": _provision,
    "symmetric_equilibria threshold": _equilibria(
        lambda n, e: ml.AnonymousGame.threshold(n, n // 2, benefit=_num(10**4, e), cost=1)),
    "symmetric_equilibria public_goods": _equilibria(
        lambda n, e: ml.AnonymousGame.public_goods(n=n, r=_num(3, e))),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(TARGET))
    parser.add_argument("--cases", nargs="+", default=list(CASES),
                        help="a subset of the case names (quote names with spaces)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a case misses its target")
    args = parser.parse_args(argv)
    slow = 0
    # import what the cases use before timing (lazy imports take ~2 s on first use)
    ml.games.binomial_weights(2, 0.5)
    ml.solvers.symmetric_equilibria(ml.AnonymousGame.threshold(2000, 1000, benefit=300))
    ml.models.SelfEnforcingAgreement(n=3, benefit=1, cost=4, specification="barrett")
    ml.models.PublicGoodProvision.identical(2).equilibrium()
    print(f"{'case':34} {'n':>9} {'mode':5} {'seconds':>8}  verdict  value")
    for name in args.cases:
        for n in args.sizes:
            for exact in (True, False):
                start = time.perf_counter()
                try:
                    value = CASES[name](n, exact)
                except Exception as err:  # report and go on: one failure hides nothing else
                    value = f"{type(err).__name__}: {err}"
                seconds = time.perf_counter() - start
                target = TARGET.get(n, 10.0 * n / 10**7)
                verdict = "ok" if seconds <= target else "SLOW"
                slow += verdict == "SLOW"
                shown = str(value).replace("\n", " ")[:70]
                print(f"{name:34} {n:>9} {'exact' if exact else 'float':5} "
                      f"{seconds:8.3f}  {verdict:7}  {shown}", flush=True)
    return 1 if args.strict and slow else 0


if __name__ == "__main__":
    sys.exit(main())
