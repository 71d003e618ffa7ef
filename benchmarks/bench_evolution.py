"""Benchmark finite-population evolutionary dynamics against egttools and nashpy.

Each case is timed on the same game and parameters, cold (median of several runs after one
warm-up call; every cache of the evolutionary solvers is cleared and, where a game object
carries cached properties, a fresh game is built, untimed, before each run), every library
with its default threads, and checked for agreement in the same run:

1. **collective risk, full chain** — Santos & Pacheco's collective-risk dilemma (``Z = 100``,
   ``N = 6``, ``M = 3``, ``r = 0.5``, ``b = 1``, ``c = 0.1``, Fermi ``beta = 5``,
   ``mutation = 0.01``, the model drawn from the ``Z - 1`` others): the 101-state transition
   matrix (ours: ``solvers.transition_matrix`` on ``models.CollectiveRiskDilemma(...).game``;
   egttools: ``PairwiseComparison(Z, OneShotCRD(...)).calculate_transition_matrix``) and its
   stationary distribution (ours: ``solvers.stationary_distribution``, a sparse solve;
   egttools: ``utils.calculate_stationary_distribution``, a dense eigenvector).
2. **small-mutation limit, 5 strategies** — a random 5x5 matrix (seed 2024), ``Z = 100``,
   ``beta = 1`` (ours: ``solvers.small_mutation_limit``; egttools:
   ``PairwiseComparison.calculate_transition_and_fixation_matrix_sml`` and the pure-Python
   ``StochDynamics.transition_and_fixation_matrix``).
3. **full chain, 3 strategies** — a random 3x3 matrix (seed 2024), ``Z = 100`` (5,151 states),
   ``beta = 1``, ``mutation = 0.001`` (ours: ``solvers.transition_matrix``, then its stationary
   distribution; egttools: ``PairwiseComparison.calculate_transition_matrix``; its dense
   stationary distribution of a 5,151 x 5,151 matrix takes minutes and runs only with
   ``--dense``).
4. **fixation probability vs nashpy** — the Moran process (fitness = payoff) in a population
   of ``N = 10`` playing ``[[3, 1], [5, 2]]``, one defector among nine cooperators: ours in
   closed form, exact (``solvers.fixation_probability(..., process="moran")``); nashpy's
   ``Game.fixation_probabilities`` estimates it by simulating 1,000 Moran processes.

5. **small-mutation limit at Z = 500** — the random 5x5 game of case 2 (ours once called
   this chain reducible), against egttools' C++ ``PairwiseComparison``;
6. **full chain, 3 strategies, Z = 200** (20,301 states, ``mutation = 0.001``; ours once
   called it reducible): ours alone with its residual (egttools offers a dense eigenvector);
7. ``--large``: **64 strategies, small-mutation limit at Z = 500**, time and peak memory
   (``ru_maxrss`` of a child process running one library alone; ours also ``tracemalloc``);
8. ``--large``: **full chain, 4 strategies, Z = 100** (176,851 states): ours, iterative.

Agreement: every egttools value must match ours to ``1e-9`` (max abs difference), except
that egttools' C++ ``PairwiseComparison`` reports fixation probabilities below about
``1e-7`` as exactly 0, and so does ``StochDynamics`` (their small-mutation matrices inherit
that): such entries are listed and ours are checked against a dense linear solve of the
absorbing chain (to ``1e-12``) and the closed form in 50-digit arithmetic (``mpmath``, to a
relative ``1e-9``). nashpy's estimate must lie within 4 standard
errors of the exact value. The exit status is 1 if a check fails. Without egttools or
nashpy the script says so and times ours alone.

Usage::

    python benchmarks/bench_evolution.py [--repeats K] [--quick] [--dense] [--large]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

import multilateral as ml

# egttools warns that a dense eigenvector is unreliable when some transition probabilities are
# within 1e-11 of 1; the checks below compare its results anyway
warnings.filterwarnings("ignore", message="Some of the entries in the transition matrix")

Z = 100
MATCH_TOL = 1e-9
CRD: dict[str, Any] = {"n": 6, "threshold": 3, "risk": 0.5, "cost": 0.1,
                       "endowment": 1.0}
CRD_BETA, CRD_MU = 5.0, 0.01
SEED = 2024
NASHPY_GAME = np.array([[3.0, 1.0], [5.0, 2.0]])
NASHPY_N = 10


def clear_caches() -> None:
    """Empty every cache of the evolutionary solvers (``functools`` caches of their modules,
    e.g. the table of population states)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("multilateral.solvers.evolutionary") and module is not None:
            for attr in list(vars(module).values()):
                if callable(getattr(attr, "cache_clear", None)):
                    attr.cache_clear()


def median_time(fn: Callable[..., Any], repeats: int,
                setup: Callable[[], Any] | None = None) -> float:
    """Median wall time of one call (seconds) over ``repeats`` cold runs, after one warm-up
    call (imports): before each run every cache is cleared and, with ``setup``, a fresh
    input is built (untimed) and passed to ``fn``, so that nothing cached on an input object
    (``functools.cached_property``) survives either."""
    def once() -> float:
        clear_caches()
        args = (setup(),) if setup is not None else ()
        start = time.perf_counter()
        fn(*args)
        return time.perf_counter() - start

    once()
    return statistics.median(once() for _ in range(repeats))


def fmt(seconds: float) -> str:
    return f"{seconds * 1e3:9.3f} ms"


class Report:
    def __init__(self) -> None:
        self.failed = False
        self.rows: list[tuple[str, float, float | None]] = []

    def check(self, label: str, ok: bool, detail: str) -> None:
        self.failed |= not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {label}: {detail}")

    def time(self, label: str, ours: float, theirs: float | None) -> None:
        self.rows.append((label, ours, theirs))
        if theirs is None:
            print(f"  time {label}: ours {fmt(ours)}")
        else:
            print(f"  time {label}: ours {fmt(ours)}, theirs {fmt(theirs)}, "
                  f"ours/theirs {ours / theirs:.4f} ({theirs / ours:.0f}x)")


def absorbing_fixation(a: NDArray[np.float64], invader: int, resident: int, beta: float
                       ) -> float:
    """The Fermi fixation probability by a dense linear solve of the absorbing chain."""
    x = np.arange(Z + 1)
    f_inv = ((x - 1) * a[invader, invader] + (Z - x) * a[invader, resident]) / (Z - 1)
    f_res = (x * a[resident, invader] + (Z - x - 1) * a[resident, resident]) / (Z - 1)
    mat = ml.solvers.pairwise_comparison(f_inv - f_res, beta=beta).transition_matrix()
    inner = np.arange(1, Z)
    lhs = np.eye(Z - 1) - mat[np.ix_(inner, inner)]
    return float(np.linalg.solve(lhs, mat[inner, Z])[0])


def precise_fixation(a: NDArray[np.float64], invader: int, resident: int, beta: float
                     ) -> float:
    """The closed form ``1 / sum_i exp(-beta sum_{x <= i} d(x))`` in 50-digit arithmetic."""
    import mpmath

    mpmath.mp.dps = 50
    total, acc = mpmath.mpf(1), mpmath.mpf(0)
    for x in range(1, Z):
        f_inv = (mpmath.mpf(x - 1) * a[invader, invader] + (Z - x) * a[invader, resident]) / (
            Z - 1)
        f_res = (mpmath.mpf(x) * a[resident, invader] + (Z - x - 1) * a[resident, resident]) / (
            Z - 1)
        acc += -beta * (f_inv - f_res)
        total += mpmath.exp(acc)
    return float(1 / total)


def case_crd(report: Report, egt: Any, repeats: int) -> None:
    print(f"\n1. collective-risk dilemma, full chain: Z={Z}, N=6, M=3, r=0.5, beta={CRD_BETA}, "
          f"mutation={CRD_MU}")
    model = ml.models.CollectiveRiskDilemma(population=Z, beta=CRD_BETA, mutation=CRD_MU,
                                            others_only=True, **CRD)
    game = model.game

    def fresh_game() -> Any:
        return ml.models.CollectiveRiskDilemma(population=Z, beta=CRD_BETA, mutation=CRD_MU,
                                               others_only=True, **CRD).game

    def ours_matrix(g: Any = game) -> Any:
        return ml.solvers.transition_matrix(g, Z, beta=CRD_BETA, mutation=CRD_MU,
                                            others_only=True)

    chain = ours_matrix()
    t_mat = median_time(ours_matrix, repeats, fresh_game)
    t_stat = median_time(lambda: ml.solvers.stationary_distribution(chain.matrix), repeats)
    t_bd = median_time(lambda m: m.stationary_distribution(), repeats,
                       lambda: ml.models.CollectiveRiskDilemma(
                           population=Z, beta=CRD_BETA, mutation=CRD_MU, others_only=True,
                           **CRD))
    ours_p = chain.stationary_distribution()
    # ours orders states (cooperators, defectors) from all-C; egttools' OneShotCRD puts D first
    ours_p_by_k = ours_p[::-1]
    report.check("detailed balance (O(Z)) vs sparse solve",
                 float(np.abs(ours_p_by_k - model.stationary_distribution()).max()) < MATCH_TOL,
                 f"max |diff| {np.abs(ours_p_by_k - model.stationary_distribution()).max():.1e}")
    if egt is None:
        report.time("transition matrix (101 states)", t_mat, None)
        report.time("stationary distribution", t_stat, None)
        return
    from egttools.analytical import PairwiseComparison
    from egttools.games import OneShotCRD
    from egttools.utils import calculate_stationary_distribution

    crd_game = OneShotCRD(1.0, 0.1, 0.5, 6, 3)  # keep alive while the model uses it
    egt_model = PairwiseComparison(Z, crd_game)
    theirs_mat = egt_model.calculate_transition_matrix(CRD_BETA, CRD_MU)
    diff = float(np.abs(theirs_mat.toarray() - chain.matrix.toarray()[::-1, ::-1]).max())
    report.check("transition matrix", diff < MATCH_TOL, f"max |diff| {diff:.1e}")
    theirs_p = np.asarray(calculate_stationary_distribution(theirs_mat.transpose()))
    diff = float(np.abs(theirs_p - ours_p_by_k).max())
    report.check("stationary distribution", diff < MATCH_TOL, f"max |diff| {diff:.1e}")
    t_theirs_mat = median_time(lambda: egt_model.calculate_transition_matrix(CRD_BETA, CRD_MU),
                               repeats)
    t_theirs_stat = median_time(
        lambda: calculate_stationary_distribution(theirs_mat.transpose()), repeats)
    report.time("transition matrix (101 states)", t_mat, t_theirs_mat)
    report.time("stationary distribution (sparse solve vs dense eig)", t_stat, t_theirs_stat)
    report.time("stationary distribution (model, detailed balance)", t_bd, t_theirs_stat)


def case_sml(report: Report, egt: Any, repeats: int) -> None:
    print(f"\n2. small-mutation limit, 5 strategies: random 5x5 (seed {SEED}), Z={Z}, beta=1")
    a = np.random.default_rng(SEED).random((5, 5))
    ours = ml.solvers.small_mutation_limit(a, Z, beta=1.0)
    t_ours = median_time(lambda: ml.solvers.small_mutation_limit(a, Z, beta=1.0), repeats)
    if egt is None:
        report.time("small-mutation limit", t_ours, None)
        return
    from egttools.analytical import PairwiseComparison, StochDynamics
    from egttools.games import Matrix2PlayerGameHolder
    from egttools.utils import calculate_stationary_distribution

    holder = Matrix2PlayerGameHolder(5, a)  # keep alive while the model uses it
    egt_model = PairwiseComparison(Z, holder)
    trans, fix = egt_model.calculate_transition_and_fixation_matrix_sml(1.0)
    stoch = StochDynamics(5, a, Z)
    s_trans, s_fix = stoch.transition_and_fixation_matrix(1.0)
    truncated = (fix == 0) & ~np.eye(5, dtype=bool)
    diff = float(np.abs(fix - ours.fixation)[~truncated].max())
    report.check("fixation probabilities (egttools C++, where nonzero)", diff < MATCH_TOL,
                 f"max |diff| {diff:.1e}")
    for i, j in zip(*np.nonzero(truncated), strict=True):
        value = float(ours.fixation[i, j])
        dense = absorbing_fixation(a, int(j), int(i), 1.0)
        precise = precise_fixation(a, int(j), int(i), 1.0)
        ok = (value < 1e-7 and abs(value - dense) < 1e-12
              and abs(value - precise) <= 1e-9 * precise)
        report.check(f"  egttools reports 0 for rho({j} invades {i})", ok,
                     f"ours {value:.6e}, 50 digits {precise:.6e}, dense solve {dense:.6e}")
    diff = float(np.abs(s_fix - ours.fixation).max())
    report.check("fixation probabilities (egttools StochDynamics, all)", diff < MATCH_TOL,
                 f"max |diff| {diff:.1e} (it too reports the ones above as 0)")
    theirs_p = np.asarray(calculate_stationary_distribution(trans.transpose()))
    stoch_p = np.asarray(calculate_stationary_distribution(s_trans))  # column-stochastic
    diff_c = float(np.abs(theirs_p - ours.stationary).max())
    diff_s = float(np.abs(stoch_p - ours.stationary).max())
    report.check("stationary distribution (vs StochDynamics)", diff_s < MATCH_TOL,
                 f"max |diff| {diff_s:.1e} (vs the truncated C++ matrix: {diff_c:.1e})")
    t_theirs = median_time(lambda: egt_model.calculate_transition_and_fixation_matrix_sml(1.0),
                           repeats)
    t_stoch = median_time(lambda: stoch.transition_and_fixation_matrix(1.0),
                          max(3, repeats // 10))
    report.time("small-mutation limit (vs PairwiseComparison, C++)", t_ours, t_theirs)
    report.time("small-mutation limit (vs StochDynamics, Python)", t_ours, t_stoch)


def case_full3(report: Report, egt: Any, repeats: int, dense: bool) -> None:
    states = ml.solvers.population_states(Z, 3).shape[0]
    print(f"\n3. full chain, 3 strategies: random 3x3 (seed {SEED}), Z={Z} ({states:,} states), "
          "beta=1, mutation=0.001")
    a = np.random.default_rng(SEED).random((3, 3))

    def ours_matrix() -> Any:
        return ml.solvers.transition_matrix(a, Z, beta=1.0, mutation=1e-3, others_only=True)

    chain = ours_matrix()
    t_mat = median_time(ours_matrix, repeats)
    t_stat = median_time(chain.stationary_distribution, max(3, repeats // 2))
    p = chain.stationary_distribution()
    residual = float(np.abs(chain.matrix.T @ p - p).max())
    report.check("stationary distribution residual |pP - p|", residual < 1e-14,
                 f"{residual:.1e}")
    if egt is None:
        report.time("transition matrix", t_mat, None)
        report.time("stationary distribution", t_stat, None)
        return
    from egttools.analytical import PairwiseComparison
    from egttools.games import Matrix2PlayerGameHolder

    holder = Matrix2PlayerGameHolder(3, a)  # keep alive while the model uses it
    egt_model = PairwiseComparison(Z, holder)
    theirs = egt_model.calculate_transition_matrix(1.0, 1e-3)
    diff = float(abs(theirs - chain.matrix).max())
    report.check("transition matrix", diff < MATCH_TOL, f"max |diff| {diff:.1e}")
    t_theirs = median_time(lambda: egt_model.calculate_transition_matrix(1.0, 1e-3),
                           max(3, repeats // 5))
    report.time("transition matrix (5,151 states)", t_mat, t_theirs)
    if dense:
        from egttools.utils import calculate_stationary_distribution

        start = time.perf_counter()
        theirs_p = np.asarray(calculate_stationary_distribution(theirs.transpose()))
        t_dense = time.perf_counter() - start
        diff = float(np.abs(theirs_p - p).max())
        report.check("stationary distribution", diff < MATCH_TOL, f"max |diff| {diff:.1e}")
        report.time("stationary distribution (sparse solve vs dense eig, 1 run)", t_stat,
                    t_dense)
    else:
        report.time("stationary distribution (sparse solve; egttools' dense eig: --dense)",
                    t_stat, None)


def case_limits(report: Report, egt: Any, repeats: int) -> None:
    """Issue 13: where ours used to fail (the small-mutation limit at Z = 500, the full
    3-strategy chain at Z = 200, mutation 1e-3)."""
    z_big = 500
    print(f"\n5. small-mutation limit at Z={z_big}, 5 strategies (random 5x5, seed {SEED}), "
          "beta=1: ours used to call the chain reducible")
    a = np.random.default_rng(SEED).random((5, 5))
    ours = ml.solvers.small_mutation_limit(a, z_big, beta=1.0)
    t_ours = median_time(lambda: ml.solvers.small_mutation_limit(a, z_big, beta=1.0), repeats)
    if egt is None:
        report.time(f"small-mutation limit, Z = {z_big}", t_ours, None)
    else:
        from egttools.analytical import PairwiseComparison
        from egttools.games import Matrix2PlayerGameHolder
        from egttools.utils import calculate_stationary_distribution

        holder = Matrix2PlayerGameHolder(5, a)
        egt_model = PairwiseComparison(z_big, holder)
        trans, fix = egt_model.calculate_transition_and_fixation_matrix_sml(1.0)
        zero = fix == 0
        diff = float(np.abs(fix - ours.fixation)[~zero].max())
        report.check("fixation probabilities where egttools' are nonzero", diff < MATCH_TOL,
                     f"max |diff| {diff:.1e}; {int(zero.sum()) - 5} truncated to 0 by egttools "
                     f"(ours {ours.fixation[zero & ~np.eye(5, dtype=bool)].max():.1e} at most)")
        theirs_p = np.asarray(calculate_stationary_distribution(trans.transpose()))
        diff = float(np.abs(theirs_p - ours.stationary).max())
        report.check("stationary distribution", diff < MATCH_TOL, f"max |diff| {diff:.1e}")
        t_theirs = median_time(
            lambda: egt_model.calculate_transition_and_fixation_matrix_sml(1.0), repeats)
        report.time(f"small-mutation limit, Z = {z_big} (egttools C++)", t_ours, t_theirs)
    print("\n6. full chain, 3 strategies, Z=200 (20,301 states), beta=1, mutation=0.001: "
          "ours used to call it reducible; egttools has only a dense eigenvector")
    a3 = np.random.default_rng(SEED).random((3, 3))

    def full200() -> Any:
        chain = ml.solvers.transition_matrix(a3, 200, beta=1.0, mutation=1e-3, others_only=True)
        return chain, chain.stationary_distribution()

    chain, p = full200()
    residual = float(np.abs(chain.matrix.T @ p - p).max())
    report.check("stationary distribution residual |pP - p|", residual < 1e-12,
                 f"{residual:.1e}")
    report.time("full chain Z = 200: matrix + stationary distribution",
                median_time(full200, max(3, repeats // 4)), None)


def peak_rss_mib() -> float:
    """This process's peak resident memory since its ``exec`` (``VmHWM``; ``ru_maxrss`` would
    also count the parent's image copied by ``fork``)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_worker(kind: str) -> None:
    """One measurement alone in this process (for its time and peak memory):
    ``sml64-ours``, ``sml64-ours-traced`` (under ``tracemalloc``), ``sml64-egttools``
    (64 strategies, Z = 500) or ``full4-iterative`` (k = 4, Z = 100). The libraries are
    imported before the clock starts (interpreter and import time are not the work)."""
    import multilateral.solvers  # noqa: F401  (``ml.solvers`` is imported lazily)

    if kind == "sml64-egttools":
        import egttools.analytical
        import egttools.games
        import egttools.utils  # noqa: F401
    start, cpu = time.perf_counter(), time.process_time()
    a = np.random.default_rng(SEED).random((64, 64))
    extra = ""
    if kind.startswith("sml64-ours"):
        if kind.endswith("traced"):
            tracemalloc.start()
        sml = ml.solvers.small_mutation_limit(a, 500, beta=1.0)
        out = np.vstack([sml.fixation, sml.stationary[None, :]])
        if kind.endswith("traced"):
            extra = f"tracemalloc peak {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB"
    elif kind == "sml64-egttools":
        from egttools.analytical import PairwiseComparison
        from egttools.games import Matrix2PlayerGameHolder
        from egttools.utils import calculate_stationary_distribution

        holder = Matrix2PlayerGameHolder(64, a)
        trans, fix = PairwiseComparison(500, holder).calculate_transition_and_fixation_matrix_sml(
            1.0)
        stationary = np.asarray(calculate_stationary_distribution(trans.transpose()))
        out = np.vstack([np.asarray(fix), stationary[None, :], np.asarray(trans)])
    else:
        a4 = np.random.default_rng(SEED).random((4, 4))
        chain = ml.solvers.transition_matrix(a4, 100, beta=1.0, mutation=1e-3, others_only=True)
        out = chain.stationary_distribution(method="iterative")
        extra = f"residual {np.abs(chain.matrix.T @ out - out).max():.1e}"
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    np.save(f"/tmp/bench_evolution_{kind}.npy", out)
    print(f"{elapsed:.3f} {cpu:.3f} {peak_rss_mib():.1f} {extra}")


def measured(kind: str) -> tuple[float, float, float, str, NDArray[np.float64]]:
    """Run :func:`run_worker` in a child: (wall s, CPU s, peak RSS MiB, extra, answer)."""
    line = subprocess.run([sys.executable, __file__, "--worker", kind], check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    wall, cpu, rss, *extra = line.split(" ", 3)
    answer = np.load(f"/tmp/bench_evolution_{kind}.npy")
    return float(wall), float(cpu), float(rss), " ".join(extra), answer


def case_large(report: Report, egt: Any) -> None:
    print("\n7. (--large) 64 strategies, small-mutation limit at Z=500 (random 64x64, seed "
          f"{SEED}), beta=1: wall and CPU time, peak memory (VmHWM), each library alone in a "
          "child process")
    t_ours, cpu_ours, rss_ours, _, ours = measured("sml64-ours")
    *_, extra, _ = measured("sml64-ours-traced")
    print(f"  ours: {t_ours:.2f} s wall, {cpu_ours:.2f} s CPU, peak RSS {rss_ours:.0f} MiB "
          f"({extra}, separate run)")
    if egt is not None:
        t_theirs, cpu_theirs, rss_theirs, _, theirs = measured("sml64-egttools")
        print(f"  egttools: {t_theirs:.2f} s wall, {cpu_theirs:.2f} s CPU, peak RSS "
              f"{rss_theirs:.0f} MiB")
        fix, trans = theirs[:64], theirs[65:]
        zero = fix == 0
        diff = float(np.abs(fix - ours[:64])[~zero].max())
        report.check("fixation probabilities where egttools' are nonzero", diff < MATCH_TOL,
                     f"max |diff| {diff:.1e}; {int(zero.sum()) - 64} of 4,032 truncated to 0 by "
                     f"egttools (ours at most {ours[:64][zero].max():.1e})")
        # egttools' stationary distribution is of its truncated chain: ours of that chain
        same = ml.solvers.stationary_distribution(trans)
        diff = float(np.abs(same - theirs[64]).max())
        report.check("stationary distribution of egttools' (truncated) chain", diff < MATCH_TOL,
                     f"max |diff| {diff:.1e}; ours of the untruncated chain differs by up to "
                     f"{np.abs(ours[64] - theirs[64]).max():.1e}")
        report.time("small-mutation limit, 64 strategies, Z = 500 (child process, wall)",
                    t_ours, t_theirs)
    print("\n8. (--large) full chain, 4 strategies, Z=100 (176,851 states), beta=1, "
          "mutation=0.001: ours iterative (egttools: dense eigenvector of 176,851 states, "
          "not run)")
    t_it, cpu_it, rss_it, extra, _ = measured("full4-iterative")
    print(f"  ours: {t_it:.2f} s wall, {cpu_it:.2f} s CPU end to end, peak RSS {rss_it:.0f} MiB "
          f"({extra})")
    report.time("full chain, 4 strategies, Z = 100: matrix + iterative solve (wall)", t_it,
                None)


def case_nashpy(report: Report, repetitions: int, repeats: int) -> None:
    print(f"\n4. fixation probability vs nashpy: Moran, N={NASHPY_N}, A={NASHPY_GAME.tolist()}, "
          "one defector among cooperators")
    exact = ml.solvers.fixation_probability(NASHPY_GAME.astype(int), 1, 0, NASHPY_N,
                                            process="moran")
    assert isinstance(exact, Fraction)
    t_ours = median_time(lambda: ml.solvers.fixation_probability(
        NASHPY_GAME.astype(int), 1, 0, NASHPY_N, process="moran"), repeats)
    t_float = median_time(lambda: ml.solvers.fixation_probability(
        NASHPY_GAME, 1, 0, NASHPY_N, process="moran"), repeats)
    print(f"  ours, exact: {exact} = {float(exact):.12f}")
    try:
        import nashpy
    except ImportError as err:
        print(f"  nashpy is not installed ({err}); timing ours alone")
        report.time("fixation probability (exact)", t_ours, None)
        return
    game = nashpy.Game(NASHPY_GAME, NASHPY_GAME.T)
    population = np.array([0] * (NASHPY_N - 1) + [1])
    np.random.seed(0)  # noqa: NPY002 - nashpy draws from numpy's global generator
    start = time.perf_counter()
    estimate = game.fixation_probabilities(population, repetitions=repetitions)
    t_nashpy = time.perf_counter() - start
    se = float(np.sqrt(float(exact) * (1 - float(exact)) / repetitions))
    # nashpy returns {final population (a tuple of types): frequency}
    estimated = float(estimate.get((1,) * NASHPY_N, 0.0))
    z = (estimated - float(exact)) / se
    report.check(f"nashpy estimate over {repetitions} runs within 4 standard errors",
                 abs(z) < 4, f"{estimated:.4f} vs exact {float(exact):.4f}, "
                 f"standard error {se:.4f}, z = {z:+.2f}")
    report.time(f"fixation probability (exact Fraction) vs nashpy ({repetitions} runs)",
                t_ours, t_nashpy)
    report.time(f"fixation probability (float) vs nashpy ({repetitions} runs)", t_float,
                t_nashpy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed runs per measurement")
    parser.add_argument("--quick", action="store_true",
                        help="200 nashpy simulations instead of 1,000")
    parser.add_argument("--dense", action="store_true",
                        help="also run egttools' dense stationary distribution on 5,151 states")
    parser.add_argument("--large", action="store_true",
                        help="also 64 strategies at Z = 500 (egttools: minutes) and the "
                        "176,851-state chain")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_worker(args.worker)
        return 0

    threads = {v: os.environ[v] for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
               if v in os.environ}
    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"multilateral {ml.__version__}, threads: {threads or 'libraries default'}; "
          f"median of {args.repeats} cold runs; load average {os.getloadavg()[0]:.1f}")
    try:
        import egttools
    except ImportError as err:
        print(f"egttools is not installed ({err}); `pip install egttools` to compare. "
              "Timing multilateral alone.")
        egttools = None
    else:
        print(f"egttools {importlib.metadata.version('egttools')}", end="")
    try:
        print(f", nashpy {importlib.metadata.version('nashpy')}")
    except importlib.metadata.PackageNotFoundError:
        print()
    report = Report()
    case_crd(report, egttools, args.repeats)
    case_sml(report, egttools, args.repeats)
    case_full3(report, egttools, args.repeats, args.dense)
    case_nashpy(report, 200 if args.quick else 1000, args.repeats)
    case_limits(report, egttools, args.repeats)
    if args.large:
        case_large(report, egttools)
    print("\nsummary (ours/theirs < 1: ours is faster)")
    for label, ours, theirs in report.rows:
        ratio = "" if theirs is None else f"{ours / theirs:10.4f}"
        print(f"  {label:<72} {fmt(ours)} {'' if theirs is None else fmt(theirs)} {ratio}")
    print("agreement:", "FAILED" if report.failed else "all checks passed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
