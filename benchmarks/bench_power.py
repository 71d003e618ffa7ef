"""Benchmark Shapley-Shubik and Banzhaf indices of a 190-member weighted game.

The game is IMF-like: 190 members, one with 16.5% of the weight and 189 with decreasing
weights (sorted lognormal shares, ``sigma = 1.5``, seed 0, each at least 1), at total weight
1,000 and 10,000, with two quotas: a simple majority (more than half) and 85% (the IMF's
special majority, which gives the largest member a veto). For each of the four games the
script computes

* with ``multilateral`` (:func:`multilateral.solvers.shapley_shubik` and
  :func:`~multilateral.solvers.banzhaf`): exact (Fractions, the reference) and float64;
* with ``powerindex`` (``Game(quota, weights).calc_banzhaf()`` and
  ``calc_shapley_shubik()``, normalized Banzhaf and Shapley-Shubik);
* with ``powerindices`` (``compute_pbi`` and ``compute_ssi``: absolute Banzhaf and
  Shapley-Shubik);

and reports the wall time (ours: median of ``--repeats`` runs after a warm-up; theirs: one
run, they take seconds) and the largest absolute difference from the exact values.

The other packages' Shapley-Shubik routines are slow at this size (``powerindex`` runs for
about a minute at total weight 10,000 before it overflows; ``powerindices`` loops in pure
Python over a weight x size table), so by default they run only at total weight 1,000;
``--full`` runs them everywhere. A package that is not installed is skipped with a message
(``pip install powerindex powerindices``).

The exit status is 1 when our float values differ from our exact ones by more than
``1e-12``, when the exact Shapley-Shubik values do not sum to one, or when computing both
indices (default settings) for a game with total weight 10,000 takes a second or more.

Part 2, *bodies of real size* (issue 13): every index (Shapley-Shubik, Banzhaf, Johnston,
Deegan-Packel, Holler-Packel), each call timed cold (the game is built anew inside the timed
call, so nothing is cached), median of ``--repeats``:

* the EU Council's double majority (55% of the 27 members and 65% of the population,
  2019 populations in persons, apparently the World Bank's series: not the Council's
  official figures), with and without the clause that a
  blocking minority needs four members; checks: exact, sums to one, never less power for
  a more populous state;
* 200 members with IMF-like weights (seed 0) at total weight 1,000 and 10,000, simple
  majority and 85%; Banzhaf against ``powerindex`` in the same run (normalized, equal
  within ``1e-12`` or the script fails; ratio of times), the other indices checked to sum
  to one within ``1e-12``;
* with ``--imf-votes``: the 190-member IMF-like game at about 5 million votes (the real
  order of magnitude), Banzhaf and Shapley-Shubik (float64: the weight table has 2.5
  million entries), Banzhaf checked against its exact value (Python integers) and its
  stated ``error_bound``, Shapley-Shubik's sum against one within ``n`` stated bounds.

Usage::

    python benchmarks/bench_power.py [--repeats K] [--full] [--imf-votes]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import itertools
import math
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
from _timing import median_time  # benchmarks/ is on sys.path when run as a script

import multilateral as ml

N = 190
TOP_SHARE = 0.165
TOTALS = (1_000, 10_000)
RULES = ("50%", "85%")
TOL = 1e-12


def imf_like(total: int, n: int = N, seed: int = 0) -> list[int]:
    """One member with 16.5% of ``total``; 189 decreasing lognormal weights (>= 1)."""
    rng = np.random.default_rng(seed)
    top = round(TOP_SHARE * total)
    raw = np.sort(rng.lognormal(0.0, 1.5, n - 1))[::-1]
    rest = np.maximum(1, np.floor(raw / raw.sum() * (total - top))).astype(int)
    rest[0] += total - top - rest.sum()
    return [top, *sorted(rest.tolist(), reverse=True)]


def quota(total: int, rule: str) -> int:
    return total // 2 + 1 if rule == "50%" else math.ceil(Fraction(85, 100) * total)


def once(fn: Callable[[], Any]) -> tuple[Any, float, str]:
    """Run once: (result, seconds, error message or '')."""
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = fn()
    except Exception as err:  # report the other packages' failures, do not stop
        return None, time.perf_counter() - start, f"{type(err).__name__}: {err}"[:60]
    return out, time.perf_counter() - start, ""


def describe(values: Any, reference: np.ndarray) -> str:
    arr = np.asarray(values, dtype=float)
    diff = float(np.max(np.abs(arr - reference)))
    text = f"max|diff| {diff:8.1e}  sum {arr.sum():.6g}"
    if arr.min() < 0:
        text += f"  min {arr.min():.2g} (negative)"
    return text


def run_game(total: int, rule: str, theirs: dict[str, Any], repeats: int,
             full: bool) -> tuple[bool, float | None]:
    """Time and check one game; print its rows. Returns (failed, powerindex / ours)."""
    weights = imf_like(total)
    q = quota(total, rule)
    game = ml.WeightedVotingGame(weights, q)
    print(f"== total weight {total:,}, quota {q:,} ({rule}); largest weight "
          f"{weights[0]}, veto players {len(game.veto_players)}")
    ss = ml.solvers.shapley_shubik(game, exact=True)
    ref_ss = ss.as_float()
    ref_bz = ml.solvers.banzhaf(game, exact=True).as_float()
    ref_bzn = ml.solvers.banzhaf(game, exact=True, normalized=True).as_float()
    failed = sum(ss.values) != 1
    if failed:
        print("   exact Shapley-Shubik values do not sum to one: FAILED")
    rows: list[tuple[str, float, str]] = []

    def ours(label: str, fn: Callable[[], Any], ref: np.ndarray) -> float:
        nonlocal failed
        t = median_time(fn, repeats)
        result = fn()
        text = describe(result.values, ref)
        if not result.exact:
            bad = float(np.max(np.abs(result.as_float() - ref))) > TOL
            failed |= bad
            text += "  FAILED" if bad else ""
        rows.append((label, t, text))
        return t

    t_ss = ours("SS  multilateral exact",
                lambda: ml.solvers.shapley_shubik(game, exact=True), ref_ss)
    ours("SS  multilateral float", lambda: ml.solvers.shapley_shubik(game, exact=False), ref_ss)
    t_bz = ours("BZ  multilateral exact", lambda: ml.solvers.banzhaf(game, exact=True), ref_bz)
    ours("BZ  multilateral float", lambda: ml.solvers.banzhaf(game, exact=False), ref_bz)
    t_default = median_time(
        lambda: (ml.solvers.shapley_shubik(game), ml.solvers.banzhaf(game)), repeats)
    chose = (f"SS {'exact' if ml.solvers.shapley_shubik(game).exact else 'float'}, "
             f"BZ {'exact' if ml.solvers.banzhaf(game).exact else 'float'}")
    note = f"(exact=None chose {chose})"
    if total == 10_000 and t_default >= 1.0:
        failed = True
        note += "  SLOWER THAN 1 s: FAILED"
    rows.append(("SS+BZ multilateral default", t_default, note))

    ratio = None
    if "powerindex" in theirs:
        px = theirs["powerindex"]

        def px_bz() -> Any:
            g = px.Game(q, weights=list(weights))
            g.calc_banzhaf()
            return g.banzhaf

        def px_ss() -> Any:
            g = px.Game(q, weights=list(weights))
            g.calc_shapley_shubik()
            return g.shapley_shubik

        out, t, problem = once(px_bz)
        rows.append(("BZ  powerindex (normalized)", t, problem or describe(out, ref_bzn)))
        if not problem:
            ratio = t / t_bz
        if total == 1_000 or full:
            out, t, problem = once(px_ss)
            rows.append(("SS  powerindex", t, problem or describe(out, ref_ss)))
    if "powerindices" in theirs:
        pi = theirs["powerindices"]
        out, t, problem = once(lambda: pi.compute_pbi(q, list(weights)))
        rows.append(("BZ  powerindices (absolute)", t, problem or describe(out, ref_bz)))
        if total == 1_000 or full:
            out, t, problem = once(lambda: pi.compute_ssi(q, list(weights)))
            rows.append(("SS  powerindices", t, problem or describe(out, ref_ss)))
    for label, t, text in rows:
        print(f"   {label:28s} {t * 1e3:10.1f} ms   {text}")
    print(f"   ours exact: SS {t_ss * 1e3:.0f} ms + BZ {t_bz * 1e3:.0f} ms\n")
    return failed, ratio


# -- part 2: bodies of real size ------------------------------------------------------------------
EU_POPULATION = (  # 2019, EU-27, total 446,883,185 (World Bank series, unconfirmed)
    83092962, 67248926, 59729081, 47134837, 37965475, 19371648, 17344874, 11488980,
    10721582, 10671870, 10286263, 10278887, 9771141, 8879920, 6975761, 5814422, 5521606,
    5454147, 4934340, 4067206, 2794137, 2088385, 1913822, 1326898, 881952, 620001, 504062)
INDICES = ("shapley_shubik", "banzhaf", "johnston", "deegan_packel", "holler_packel")
BODY_N = 200
IMF_VOTES = 5_000_000
# At 5 million votes the float tables have millions of entries and the removal of a light
# member sums up to m / w_i terms: measured |sum - 1| of SS 5.9e-13 (50%) and 4.3e-12 (85%)
IMF_TOL = 1e-10


def eu_council(blocking_minority: bool) -> ml.CompositeVotingGame:
    n = len(EU_POPULATION)
    states = ml.WeightedVotingGame([1] * n, Fraction(55, 100) * n)
    people = ml.WeightedVotingGame(list(EU_POPULATION),
                                   Fraction(65, 100) * sum(EU_POPULATION))
    double = ml.games.intersection(states, people)
    if blocking_minority:  # 24 members win whatever their population
        return ml.games.union(double, ml.WeightedVotingGame([1] * n, n - 3))
    return double


def timed_index(build: Callable[[], Any], name: str, repeats: int) -> tuple[Any, float, str]:
    """(result, median cold seconds, error) of one index; the game is built inside."""
    fn = getattr(ml.solvers, name)
    try:
        result = fn(build())
    except ml.errors.InvalidArgumentError as err:
        return None, 0.0, str(err).split(";")[0]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(build())
        times.append(time.perf_counter() - start)
    return result, statistics.median(times), ""


def run_eu(repeats: int) -> bool:
    failed = False
    for clause in (False, True):
        label = "with" if clause else "without"
        print(f"== EU Council, 27 members, 55% of members and 65% of population, {label} the "
              "blocking-minority clause")
        for name in INDICES:
            result, t, problem = timed_index(lambda c=clause: eu_council(c), name, repeats)
            if problem:
                print(f"   {name:16s} {'-':>10s}      NOT COMPUTED: {problem}")
                continue
            vals = result.values
            ok = result.exact and all(a >= b for a, b in itertools.pairwise(vals))
            if name != "banzhaf":
                ok &= sum(vals) == 1
            failed |= not ok
            flag = "" if t < 1.0 else "  OVER 1 s"
            print(f"   {name:16s} {t * 1e3:10.1f} ms   exact {result.exact}, largest "
                  f"{float(vals[0]):.6f}, smallest {float(vals[-1]):.6f}"
                  f"{'' if ok else '  FAILED'}{flag}")
    print()
    return failed


def run_bodies(theirs: dict[str, Any], repeats: int) -> tuple[bool, list[float]]:
    failed, ratios = False, []
    for total in TOTALS:
        weights = imf_like(total, n=BODY_N)
        for rule in RULES:
            q = quota(total, rule)
            print(f"== {BODY_N} members, IMF-like weights, total {total:,}, quota {q:,} ({rule})")
            bz_time = 0.0
            for name in INDICES:
                result, t, problem = timed_index(
                    lambda q=q, w=weights: ml.WeightedVotingGame(w, q), name, repeats)
                if problem:
                    failed = True
                    print(f"   {name:16s} FAILED: {problem}")
                    continue
                arr = result.as_float()
                ok = name == "banzhaf" or abs(math.fsum(arr) - 1) <= TOL
                failed |= not ok
                bz_time = t if name == "banzhaf" else bz_time
                print(f"   {name:16s} {t * 1e3:10.1f} ms   {'exact' if result.exact else 'float'}"
                      f"{'' if ok else '  SUM NOT 1: FAILED'}"
                      f"{'' if t < 1.0 else '  OVER 1 s'}")
            reference = ml.solvers.banzhaf(ml.WeightedVotingGame(weights, q), exact=True,
                                           normalized=True).as_float()
            if "powerindex" in theirs:
                px = theirs["powerindex"]

                def px_bz(q: int = q, w: list[int] = weights, px: Any = px) -> Any:
                    g = px.Game(q, weights=list(w))
                    g.calc_banzhaf()
                    return g.banzhaf

                ours_t = median_time(lambda q=q, w=weights: ml.solvers.banzhaf(
                    ml.WeightedVotingGame(w, q), normalized=True), repeats)
                out, t, problem = once(px_bz)
                if problem:
                    print(f"   banzhaf powerindex FAILED: {problem}")
                else:
                    diff = float(np.max(np.abs(np.asarray(out, float) - reference)))
                    bad = diff > TOL
                    failed |= bad
                    ratios.append(t / ours_t)
                    print(f"   banzhaf powerindex {t * 1e3:8.1f} ms   max|diff| {diff:.1e} "
                          f"(ours normalized {ours_t * 1e3:.1f} ms: {t / ours_t:.0f}x)"
                          f"{'  DISAGREE: FAILED' if bad else ''}")
            if "powerindices" in theirs:
                pi = theirs["powerindices"]
                out, t, problem = once(lambda q=q, w=weights, pi=pi: pi.compute_pbi(q, list(w)))
                absolute = ml.solvers.banzhaf(ml.WeightedVotingGame(weights, q),
                                              exact=True).as_float()
                print(f"   banzhaf powerindices {t * 1e3:6.1f} ms   "
                      f"{problem or describe(out, absolute)} (known: int64 overflow)")
    print()
    return failed, ratios


def run_double_majority(repeats: int) -> bool:
    """200 members, a majority of members and 65% of the IMF-like weights (a double
    majority of real size); SS and Banzhaf, exact (the other indices are refused)."""
    failed = False
    members = [f"M{i}" for i in range(BODY_N)]
    for total in TOTALS:
        weights = imf_like(total, n=BODY_N)

        def build(w: list[int] = weights) -> ml.CompositeVotingGame:
            return ml.games.intersection(
                ml.WeightedVotingGame([1] * BODY_N, BODY_N // 2 + 1, members=members),
                ml.WeightedVotingGame(w, Fraction(65, 100) * sum(w), members=members))

        print(f"== {BODY_N} members, double majority: more than half of the members and 65% "
              f"of total weight {total:,}")
        for name in ("shapley_shubik", "banzhaf"):
            result, t, problem = timed_index(build, name, repeats)
            ok = not problem and result.exact and (name == "banzhaf" or sum(result.values) == 1)
            failed |= not ok
            print(f"   {name:16s} {t * 1e3:10.1f} ms   exact {bool(result and result.exact)}"
                  f"{'' if ok else '  FAILED ' + problem}{'' if t < 1.0 else '  OVER 1 s'}")
    print()
    return failed


def run_imf_votes(theirs: dict[str, Any], full: bool) -> bool:
    failed = False
    weights = imf_like(IMF_VOTES)
    for rule in RULES:
        q = quota(IMF_VOTES, rule)
        print(f"== {N} members, IMF-like weights at {IMF_VOTES:,} votes, quota {q:,} ({rule})")
        game = ml.WeightedVotingGame(weights, q)
        bz, t_bz, _ = once(lambda g=game: ml.solvers.banzhaf(g))
        exact_bz, t_exact, _ = once(lambda g=game: ml.solvers.banzhaf(g, exact=True))
        diff = float(np.max(np.abs(bz.as_float() - exact_bz.as_float())))
        bad = diff > IMF_TOL or (not bz.exact and diff > bz.error_bound)
        failed |= bad
        # the default is float here; where the quadrature's absolute bound would not
        # certify the largest value (rare swings), the swings are counted exactly and
        # rounded (the bound is then half an ulp)
        print(f"   banzhaf default  {t_bz:8.2f} s   max|diff| from exact {diff:.1e}, stated "
              f"bound {bz.error_bound or 0:.1e} (largest value {max(bz.as_float()):.2e})"
              f"{'  FAILED' if bad else ''}")
        print(f"   banzhaf exact    {t_exact:8.2f} s")
        ss, t_ss, _ = once(lambda g=game: ml.solvers.shapley_shubik(g))
        # the exact values sum to one: the float sum is within n bounds (and rounding) of 1
        gap = abs(math.fsum(ss.as_float()) - 1)
        ok = gap <= IMF_TOL and gap <= N * (ss.error_bound or 0) + 1e-15
        failed |= not ok
        print(f"   shapley float    {t_ss:8.2f} s   sum - 1 = {math.fsum(ss.as_float()) - 1:.1e}, "
              f"stated bound {ss.error_bound or 0:.1e} a value (smallest value "
              f"{min(ss.values):.2e}){'' if ok else '  FAILED'}{'' if t_ss < 5 else '  OVER 5 s'}")
        if full and "powerindex" in theirs:
            px = theirs["powerindex"]

            def px_bz(q: int = q, px: Any = px) -> Any:
                g = px.Game(q, weights=list(weights))
                g.calc_banzhaf()
                return g.banzhaf

            out, t, problem = once(px_bz)
            ref = exact_bz.as_float() / exact_bz.as_float().sum()
            print(f"   banzhaf powerindex {t:6.2f} s   {problem or describe(out, ref)}")
    print()
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of ours")
    parser.add_argument("--full", action="store_true",
                        help="also run the other packages' Shapley-Shubik at total 10,000")
    parser.add_argument("--imf-votes", action="store_true",
                        help="also the 190-member game at about 5 million votes (minutes)")
    parser.add_argument("--only-bodies", action="store_true",
                        help="skip part 1 (the four 190-member games)")
    args = parser.parse_args(argv)

    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"multilateral {ml.__version__}")
    theirs: dict[str, Any] = {}
    for name in ("powerindex", "powerindices"):
        try:
            theirs[name] = __import__(name)
            print(f"{name} {importlib.metadata.version(name)}")
        except ImportError as err:
            print(f"{name} is not installed ({err}): skipped; `pip install {name}` to compare")
    print(f"{N} members, IMF-like weights (seed 0); ours: median of {args.repeats} runs\n")

    failed = False
    bz_ratios = []
    for total in TOTALS if not args.only_bodies else ():
        for rule in RULES:
            bad, ratio = run_game(total, rule, theirs, args.repeats, args.full)
            failed |= bad
            if ratio is not None:
                bz_ratios.append(ratio)

    if bz_ratios:
        ratio = statistics.median(bz_ratios)
        print(f"Banzhaf: powerindex / multilateral exact, median over the four games: "
              f"{ratio:.0f}x (range {min(bz_ratios):.0f}x-{max(bz_ratios):.0f}x)")
    print("\n-- part 2: bodies of real size (every index, cold) --\n")
    failed |= run_eu(args.repeats)
    bad, body_ratios = run_bodies(theirs, args.repeats)
    failed |= bad
    failed |= run_double_majority(args.repeats)
    if body_ratios:
        print(f"Banzhaf at {BODY_N} members: powerindex / multilateral, median "
              f"{statistics.median(body_ratios):.0f}x (range {min(body_ratios):.0f}x-"
              f"{max(body_ratios):.0f}x)")
    if args.imf_votes:
        failed |= run_imf_votes(theirs, args.full)
    if failed:
        print("checks: FAILED")
    elif args.only_bodies:
        print("checks: EU indices exact, sum to one, ordered by population; 200-member indices "
              f"sum to one within {TOL:g}; Banzhaf equal to powerindex's within {TOL:g}")
    else:
        print(f"checks: float within {TOL:g} of exact, exact SS sums to 1, both indices under "
              "1 s at total weight 10,000; part 2 as with --only-bodies")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
