"""Benchmark the collective-risk stationary distribution against egttools.

Santos & Pacheco's collective-risk dilemma (PNAS 2011) with cooperators and defectors in a
population of ``Z = 100``, groups of ``N = 6``, threshold ``M = 3``, endowment ``b = 1``,
cost ``c = 0.1``, pairwise-comparison (Fermi) imitation with ``beta = 5`` and mutation
``mutation = 0.01``, at several risks ``r``. For each risk the script computes the stationary
distribution over ``k = 0..Z`` cooperators

* with ``multilateral`` (:class:`multilateral.models.CollectiveRiskDilemma`: hypergeometric
  fitnesses, the birth-death chain, detailed balance in log space, O(Z)), and
* with ``egttools`` (``games.OneShotCRD`` + ``analytical.PairwiseComparison``: its sparse
  transition matrix, then ``utils.calculate_stationary_distribution``, a dense eigenvector),

checks that they agree to ``1e-9`` (max abs difference) and prints the median wall time of
each, end to end from the parameters, and their ratio ours/theirs (below 1: ours is faster).
``others_only=True`` selects egttools' convention that an imitator's model is one of the
``Z - 1`` others (the paper draws it from all ``Z``).

The exit status is 1 when the two disagree. Without egttools the script says so, times ours
alone and exits 0.

Usage::

    python benchmarks/bench_collective_risk.py [--repeats K]
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

import multilateral as ml

Z, N, M = 100, 6, 3
ENDOWMENT, COST, BETA, MU = 1.0, 0.1, 5.0, 0.01
RISKS = (0.1, 0.3, 0.5, 0.9)
MATCH_TOL = 1e-9


def clear_caches() -> None:
    """Empty every ``functools`` cache of the library's modules (cold timings)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("multilateral") and module is not None:
            for attr in list(vars(module).values()):
                if callable(getattr(attr, "cache_clear", None)):
                    attr.cache_clear()


def median_time(fn: Callable[[], Any], repeats: int) -> float:
    """Median wall time of one cold call (seconds) over ``repeats`` runs after one warm-up
    (imports): every cache is cleared, untimed, before each run; both sides build their
    model from the parameters inside the timed call."""
    fn()
    times = []
    for _ in range(repeats):
        clear_caches()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ours(risk: float) -> NDArray[np.float64]:
    model = ml.models.CollectiveRiskDilemma(
        N, M, risk=risk, cost=COST, endowment=ENDOWMENT, population=Z, beta=BETA,
        mutation=MU, others_only=True)
    return model.stationary_distribution()


def make_theirs(egttools: Any) -> Callable[[float], NDArray[np.float64]]:
    from egttools.analytical import PairwiseComparison
    from egttools.games import OneShotCRD
    from egttools.utils import calculate_stationary_distribution

    def theirs(risk: float) -> NDArray[np.float64]:
        game = OneShotCRD(ENDOWMENT, COST, risk, N, M)  # keep alive: PairwiseComparison
        model = PairwiseComparison(Z, game)  # holds a raw reference to it
        transitions = model.calculate_transition_matrix(BETA, MU)
        result = calculate_stationary_distribution(transitions.transpose())
        del model, game
        return np.asarray(result, dtype=np.float64)

    return theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=51, help="timed runs per measurement")
    args = parser.parse_args(argv)

    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"multilateral {ml.__version__}; libraries' default threads; cold runs (caches "
          f"cleared); load average {os.getloadavg()[0]:.1f}")
    print(f"collective-risk dilemma: Z={Z}, N={N}, M={M}, b={ENDOWMENT}, c={COST}, "
          f"beta={BETA}, mutation={MU}; median of {args.repeats} runs\n")
    try:
        import egttools
    except ImportError as err:
        print(f"egttools is not installed ({err}); `pip install egttools` to compare. "
              "Timing multilateral alone.")
        for risk in RISKS:
            t = median_time(functools.partial(ours, risk), args.repeats)
            print(f"r={risk:<4} ours {t * 1e6:9.1f} us")
        return 0

    print(f"egttools {importlib.metadata.version('egttools')}")
    theirs = make_theirs(egttools)
    header = (f"{'risk':>5} {'max |diff|':>11} {'ours (us)':>10} {'egttools (us)':>14} "
              f"{'ours/theirs':>12}  mode   eta_G")
    print(header)
    print("-" * len(header))
    failed = False
    ratios = []
    for risk in RISKS:
        a, b = ours(risk), theirs(risk)
        diff = float(np.max(np.abs(a - b)))
        failed |= not diff < MATCH_TOL
        t_ours = median_time(functools.partial(ours, risk), args.repeats)
        t_theirs = median_time(functools.partial(theirs, risk), args.repeats)
        ratios.append(t_ours / t_theirs)
        eta = ml.models.CollectiveRiskDilemma(
            N, M, risk=risk, cost=COST, population=Z, beta=BETA, mutation=MU,
            others_only=True).group_achievement(a)
        print(f"{risk:>5} {diff:11.2e} {t_ours * 1e6:10.1f} {t_theirs * 1e6:14.1f} "
              f"{t_ours / t_theirs:12.3f}  k={int(np.argmax(a)):<3} {eta:.3f}"
              + ("   MISMATCH" if not diff < MATCH_TOL else ""))
    ratio = statistics.median(ratios)
    verdict = f"{1 / ratio:.0f}x faster" if ratio < 1 else f"{ratio:.1f}x slower"
    print(f"\nmedian ratio ours/theirs: {ratio:.3f} ({verdict})")
    print("agreement:", "FAILED" if failed else f"all within {MATCH_TOL:g}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
