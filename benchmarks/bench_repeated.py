"""Benchmark the repeated-game equilibrium checks and the exact Nash threshold.

:func:`multilateral.solvers.is_subgame_perfect` and :func:`multilateral.solvers.
is_nash_equilibrium` on two profiles of two 10-state automata (100 joint states): the
9-period punishment pair (``automata.k_period_punishment(9)``, holds at ``delta = 0.9``) and
a pair of random deterministic 10-state automata (seed 0, as in ``bench_tournament.py``;
fails), each on the Prisoners' Dilemma ``T, R, P, S = 5, 3, 1, 0`` with integer payoffs and
with the same payoffs as floats. Integer payoffs used to make the checks build the exact
joint chain (``np.kron`` on Fraction arrays) although they run in floats; the target is
under 10 ms for either kind of payoff (issue 11). One BLAS thread (``OPENBLAS_NUM_THREADS=1``
before numpy loads, unless set), median of ``--repeats`` calls after a warm-up. The script
exits 1 if an integer-payoff verdict differs from the float one (holds, largest gain, worst
deviation) or the subgame-perfection target is missed.

The second table times ``critical_discount(stage, profile, kind="nash")`` on 2x2 stage games
and automata of up to 4 states (TFT, grim, WSLS, TF2T, the 3-period punishment and contrite
TFT with 4 states each, a random 4-state automaton), against each other and in mixed
profiles, with exact payoffs (integer T, R, P, S: the exact threshold) and float payoffs; the
target is under 50 ms each (issue 11). Profiles with implementation noise 1/20 (exact) and
0.05 (floats) are timed and reported beside them without a target. ``--old`` also times the
method this replaced (the Nash check on a 2001-point grid, each boundary bisected; the same
verdicts, rebuilt here from :func:`~multilateral.solvers.is_nash_equilibrium`) once per
profile on three profiles, about 6 s each, and prints the ratio. The exact and float
thresholds must agree within 1e-7 (the float path honours ``tol``).

The third table (``--scale``, issue 13) times the subgame-perfection threshold and check on
profiles that used to break the solvers: k-period punishment in a 2- and 3-action stage game
(k = 4, 9), three and four players (a public good; k-period punishment with one k per player,
990 and 1,680 history-reachable joint states; random 10-state automata, 970 and 9,493), exact
and float, and the Nash threshold (``kind="nash"``) of three and four players with 81-125
joint states. Each case runs in a fresh process (cold: nothing cached, sympy imported and one
small threshold computed before the clock starts), ours from this tree and, with
``--old-path``, the replaced code path (``git archive d2604ec``, the same cases under a
``--limit``-second timeout and a 6 GB address-space limit). The answers (exact threshold,
feasible set rounded to 1e-9, or the check's verdict, gain and worst deviation) must be
identical; the script exits 1 if one differs or a target is missed (exact and float
thresholds under 5 s, the checks under 1 s, 5 s for the 9,493 states, everything under
1 GB).

The fourth table (``--noisy``, the rest of issue 13) times what was left: float thresholds
on noisy chains of 60-256 joint states with the default BLAS threads and with one (the
float path used to run one threaded LAPACK solve per discount factor), exact thresholds
with noise (120 joint states took 34-51 s), and a float threshold above the grid's last
sample (grim with ``T = 1e6``: the old float path answered never). Each case runs in a
fresh process, ours from this tree and the code before this work (``--baseline``, default
``ef661da``, by ``git archive``), back to back, under ``--limit`` seconds. Exact answers must
be identical, float ones within 1e-7 (the script exits 1 otherwise), except where the
baseline's answer is the wrong "never" this work fixed (marked).

Usage::

    python benchmarks/bench_repeated.py [--repeats 21] [--old]    # ~3 s, ~40 s with --old
    python benchmarks/bench_repeated.py --scale [--old-path] [--limit 120]
    python benchmarks/bench_repeated.py --noisy [--baseline ef661da] [--limit 120]
"""

from __future__ import annotations

import os

if os.environ.get("BENCH_THREADS") != "default":  # --noisy runs workers with both settings
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from _timing import median_time  # benchmarks/ is on sys.path when run as a script

import multilateral as ml
from multilateral.automata import Automaton

TARGET_MS = 10.0
NASH_TARGET_MS = 50.0
DELTA = 0.9


def random_automaton(rng: np.random.Generator, n: int) -> Automaton:
    """A deterministic automaton with ``n`` states and random actions and transitions."""
    actions = [int(a) for a in rng.integers(0, 2, n)]
    actions[0], actions[1] = 0, 1  # both actions are played somewhere
    table = rng.integers(0, n, size=(n, 2, 2)).tolist()
    return Automaton(actions, table, name=f"random {n}-state")


def profiles() -> list[tuple[str, list[Automaton]]]:
    rng = np.random.default_rng(0)
    kpp = ml.automata.k_period_punishment(9)
    return [("9-period punishment pair", [kpp, kpp]),
            ("two random 10-state automata", [random_automaton(rng, 10),
                                              random_automaton(rng, 10)])]


def nash_profiles() -> list[tuple[str, list[Automaton]]]:
    """2x2 profiles of automata with up to 4 states."""
    a = ml.automata
    tft, grim, wsls, tf2t = (a.tit_for_tat(), a.grim_trigger(), a.win_stay_lose_shift(),
                             a.tit_for_two_tats())
    kpp, ctft = a.k_period_punishment(3), a.contrite_tit_for_tat()
    rand = random_automaton(np.random.default_rng(1), 4)
    return [("TFT, TFT", [tft, tft]), ("grim, grim", [grim, grim]),
            ("WSLS, WSLS", [wsls, wsls]), ("TF2T, TF2T", [tf2t, tf2t]),
            ("3-period punishment (4 states) x2", [kpp, kpp]),
            ("contrite TFT (4 states) x2", [ctft, ctft]),
            ("TFT, grim", [tft, grim]), ("WSLS, TF2T", [wsls, tf2t]),
            ("3-period punishment, TFT", [kpp, tft]), ("grim, contrite TFT", [grim, ctft]),
            ("random 4-state x2", [rand, rand]), ("random 4-state, WSLS", [rand, wsls])]


def old_nash_threshold(stage: ml.NormalFormGame, profile: Sequence[Automaton],
                       grid: int = 2001) -> float:
    """The replaced method: the Nash check on a grid, the first boundary bisected (60 steps)."""
    game = ml.RepeatedGame(stage, 0)

    def ok(d: float) -> bool:
        return bool(ml.solvers.is_nash_equilibrium(game.with_delta(d), profile))

    deltas = np.linspace(0.0, 1.0, grid, endpoint=False)
    verdicts = [ok(float(d)) for d in deltas]
    if not any(verdicts):
        return float("inf")
    k = verdicts.index(True)
    if k == 0:
        return 0.0
    lo, hi = float(deltas[k - 1]), float(deltas[k])
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if ok(mid) else (mid, hi)
    return hi


def bench_nash(repeats: int, old: bool) -> list[str]:
    """The ``kind="nash"`` table; returns the failures."""
    failures = []
    exact_pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    float_pd = ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0)
    print('\n| critical_discount(kind="nash") | exact | float | exact threshold | '
          "exact, noise 1/20 | float, noise 0.05 |")
    print("|---|---:|---:|---|---:|---:|")
    olds = []
    for k, (label, profile) in enumerate(nash_profiles()):
        def call(stage: ml.NormalFormGame, noise: float | Fraction = 0,
                 p: list[Automaton] = profile) -> ml.results.CriticalDiscount:
            return ml.solvers.critical_discount(stage, p, kind="nash", noise=noise)

        t_exact = 1e3 * median_time(lambda: call(exact_pd), repeats)
        t_float = 1e3 * median_time(lambda: call(float_pd), repeats)
        t_noise = 1e3 * median_time(lambda: call(exact_pd, Fraction(1, 20)), max(3, repeats // 4))
        t_fnoise = 1e3 * median_time(lambda: call(float_pd, 0.05), max(3, repeats // 4))
        ex, fl = call(exact_pd), call(float_pd)
        if ex.attainable != fl.attainable or (ex.attainable and abs(ex.delta - fl.delta) > 1e-7):
            failures.append(f"nash, {label}: exact {ex!r} but float {fl!r}")
        if max(t_exact, t_float) >= NASH_TARGET_MS:
            failures.append(f"nash, {label}: {max(t_exact, t_float):.1f} ms, target "
                            f"< {NASH_TARGET_MS:g} ms")
        shown = "never" if not ex.attainable else str(ex.exact)
        print(f"| {label} | {t_exact:.2f} ms | {t_float:.2f} ms | {shown} | {t_noise:.2f} ms | "
              f"{t_fnoise:.2f} ms |")
        if old and k in (0, 2, 4):
            start = time.perf_counter()
            value = old_nash_threshold(float_pd, profile)
            olds.append((label, time.perf_counter() - start, value, t_float, fl.delta))
    for label, seconds, value, t_new, new in olds:
        print(f"\nold grid method, {label}: {seconds:.2f} s (threshold {value:.9f}); new float "
              f"path {t_new:.2f} ms (threshold {new:.9f}): {1e3 * seconds / t_new:.0f}x faster")
    return failures


# -- issue 13: the scale cases, each in a fresh process, ours against the old code path ---------
OLD_COMMIT = "d2604ec"
SCALE_TARGET_S = {"check": 1.0, "threshold": 5.0, "nash": 5.0, "check, 10^4": 5.0}


def punishment(k: int, n_actions: int = 2, n_players: int = 2) -> Automaton:
    """k-period punishment in any stage game (cooperate with 0, punish with the last action)."""
    try:
        return ml.automata.k_period_punishment(k, n_actions=n_actions, n=n_players)
    except TypeError:  # an older tree (--old-path, --noisy's baseline): its definition here
        return _punishment(k, n_actions, n_players)


def _punishment(k: int, m: int, n: int) -> Automaton:
    """Any departure from the path (the automaton's own included) starts k rounds of action
    ``m - 1``; only everyone punishing moves them on (``automata.k_period_punishment``)."""
    table = []
    for state in range(k + 1):
        expected = 0 if state == 0 else m - 1
        rows = []
        for own in range(m):
            row = []
            for sig in range(m ** (n - 1)):
                others = np.unravel_index(sig, (m,) * (n - 1)) if n > 1 else ()
                on_path = own == expected and all(int(o) == expected for o in others)
                row.append((0 if state in (0, k) else state + 1) if on_path else 1)
            rows.append(row)
        table.append(rows)
    return Automaton([0] + [m - 1] * k, table, name=f"{k}-period punishment",
                     states=("C", *(f"P{j}" for j in range(1, k + 1))))


def three_action_game() -> ml.NormalFormGame:
    a = [[4, 1, 0], [5, 2, -1], [6, 3, 1]]
    return ml.NormalFormGame([[[a[x][y], a[y][x]] for y in range(3)] for x in range(3)])


def public_good(n: int, floats: bool = False) -> ml.NormalFormGame:
    """n players contribute (0) or not; a contribution returns 2 to all and costs n."""
    pay = np.zeros((2,) * n + (n,), dtype=float if floats else np.int64)
    for prof in np.ndindex(*(2,) * n):
        for i in range(n):
            pay[(*prof, i)] = 2 * prof.count(0) - n * (prof[i] == 0)
    return ml.NormalFormGame(pay)


SCALE_CASES = {
    # name: (kind of call, builder of (stage, profile))
    "2-action, 9-period punishment (100 joint states)":
        ("threshold", lambda f: (ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0) if f else
                                 ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
                                 [punishment(9)] * 2)),
    "3-action, 4-period punishment (25)":
        ("threshold", lambda f: (three_action_game(), [punishment(4, 3)] * 2)),
    "3-action, 9-period punishment (100)":
        ("threshold", lambda f: (three_action_game(), [punishment(9, 3)] * 2)),
    "3 players, 4-period punishment (125 joint, 5 reached)":
        ("threshold", lambda f: (public_good(3, f), [punishment(4, 2, 3)] * 3)),
    "3 players, k = 8, 9, 10 (990 reached)":
        ("threshold", lambda f: (public_good(3, f), [punishment(8 + j, 2, 3) for j in range(3)])),
    "4 players, k = 4..7 (1,680 reached)":
        ("threshold", lambda f: (public_good(4, f), [punishment(4 + j, 2, 4) for j in range(4)])),
    "3 players, random 10-state (970 reached)":
        ("threshold", lambda f: (public_good(3, f), random_profile(3, 10))),
    "nash: 3 players, random 5-state (125 joint states)":
        ("nash", lambda f: (public_good(3, f), random_profile(3, 5, seed=1))),
    "nash: 4 players, random 3-state (81)":
        ("nash", lambda f: (public_good(4, f), random_profile(4, 3))),
    "nash: 4 players, k = 1..4 (120)":
        ("nash", lambda f: (public_good(4, f), [punishment(1 + j, 2, 4) for j in range(4)])),
    "check: 3 players, random 10-state (970 reached)":
        ("check", lambda f: (public_good(3, f), random_profile(3, 10))),
    "check: 4 players, k = 4..7 (1,680 reached)":
        ("check", lambda f: (public_good(4, f), [punishment(4 + j, 2, 4) for j in range(4)])),
    "check: 4 players, random 10-state (9,493 reached)":
        ("check, 10^4", lambda f: (public_good(4, f), random_profile(4, 10))),
}


def random_profile(n: int, states: int, seed: int = 0) -> list[Automaton]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        actions = [int(a) for a in rng.integers(0, 2, states)]
        actions[:2] = [0, 1]
        out.append(Automaton(actions, rng.integers(0, states, (states, 2, 2 ** (n - 1))).tolist()))
    return out


def worker(name: str, floats: bool) -> None:
    """Run one scale case cold in this process and print its time, memory and answer."""
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    ml.solvers.critical_discount(pd, [ml.automata.grim_trigger()] * 2)  # imports sympy
    kind, build = SCALE_CASES[name]
    stage, profile = build(floats)
    start = time.perf_counter()
    if kind.startswith("check"):
        res = ml.solvers.is_subgame_perfect(ml.RepeatedGame(stage, 0.9), profile)
        answer = f"{res.holds} {res.max_gain:.9f} {res.worst}"
    else:
        res = ml.solvers.critical_discount(stage, profile, kind="spe" if kind == "threshold"
                                           else "nash")
        pieces = [(round(a, 9), round(b, 9)) for a, b in res.feasible]
        answer = f"{res.exact} {pieces}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # GB (Linux: kB)
    print(json.dumps({"seconds": seconds, "peak_gb": peak, "answer": answer}))


def run_worker(name: str, floats: bool, src: str, limit: float) -> dict | None:
    """One case in a fresh process with ``src`` first on the path; None on timeout or crash."""
    env = dict(os.environ, PYTHONPATH=src)
    cmd = [sys.executable, __file__, "--worker", name] + (["--floats"] if floats else [])
    try:
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=limit,
                             preexec_fn=lambda: resource.setrlimit(
                                 resource.RLIMIT_AS, (6_000_000_000, 6_000_000_000)))
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_scale(old_path: bool, limit: float) -> list[str]:
    """The issue-13 table; returns the failures."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        old_src = None
        if old_path:
            archive = subprocess.run(["git", "archive", OLD_COMMIT, "src/multilateral"],
                                     capture_output=True, check=True,
                                     cwd=os.path.join(os.path.dirname(os.path.abspath(
                                         __file__)), ".."))
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            old_src = os.path.join(tmp, "src")
        print(f"\n| case (exact unless float) | ours | peak | old ({OLD_COMMIT}) | old peak | "
              "ratio | answer |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, (kind, _) in SCALE_CASES.items():
            for floats in (False, True):
                if floats and "3-action" in name:
                    continue  # integer-only stage game
                label = name + (", float" if floats else "")
                ours = run_worker(name, floats, here, limit)
                if ours is None or "error" in ours:
                    failures.append(f"scale, {label}: ours {ours}")
                    continue
                old = run_worker(name, floats, old_src, limit) if old_src else None
                if old_src is None:
                    old_s, old_gb, ratio = "", "", ""
                elif old is None:
                    old_s, old_gb, ratio = f"> {limit:g} s", "", f"> {limit / ours['seconds']:.0f}x"
                elif "error" in old:
                    old_s, old_gb, ratio = old["error"][:40], "", ""
                else:
                    old_s, old_gb = f"{old['seconds']:.2f} s", f"{old['peak_gb']:.2f} GB"
                    ratio = f"{old['seconds'] / ours['seconds']:.0f}x"
                    if old["answer"] != ours["answer"]:
                        failures.append(f"scale, {label}: ours {ours['answer']} but old "
                                        f"{old['answer']}")
                target = SCALE_TARGET_S[kind]
                if ours["seconds"] >= target or ours["peak_gb"] >= 1.0:
                    failures.append(f"scale, {label}: {ours['seconds']:.2f} s, "
                                    f"{ours['peak_gb']:.2f} GB; target < {target:g} s, < 1 GB")
                print(f"| {label} | {ours['seconds']:.3f} s | {ours['peak_gb']:.2f} GB | {old_s} | "
                      f"{old_gb} | {ratio} | {ours['answer'][:40]} |", flush=True)
    return failures


# -- the rest of issue 13: noisy chains, threads, exact thresholds with noise --------------------
BASELINE = "ef661da"  # the tree before the float-threshold, integer and Schur changes
NOISY_CASES = {
    # name: (kind, exact, builder of (stage, profile, noise))
    "2 players, 9-period punishment, noise 0.02 (100 joint states)": (
        "spe", False, lambda: (ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0),
                               [punishment(9)] * 2, 0.02)),
    "2 players, 15-period punishment, noise 0.02 (256)": (
        "spe", False, lambda: (ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0),
                               [punishment(15)] * 2, 0.02)),
    "3 players, k = 2, 3, 4, noise 0.02 (60)": (
        "spe", False, lambda: (public_good(3, True), [punishment(k, 2, 3) for k in (2, 3, 4)],
                               0.02)),
    "3 players, k = 3, 4, 5, noise 0.02 (120)": (
        "spe", False, lambda: (public_good(3, True), [punishment(k, 2, 3) for k in (3, 4, 5)],
                               0.02)),
    "nash: 3 players, k = 3, 4, 5, noise 0.02 (120)": (
        "nash", False, lambda: (public_good(3, True), [punishment(k, 2, 3) for k in (3, 4, 5)],
                                0.02)),
    "exact: 3 players, k = 2, 3, 4, noise 1/50 (60)": (
        "spe", True, lambda: (public_good(3), [punishment(k, 2, 3) for k in (2, 3, 4)],
                              Fraction(1, 50))),
    "exact: 3 players, k = 3, 4, 5, noise 1/50 (120)": (
        "spe", True, lambda: (public_good(3), [punishment(k, 2, 3) for k in (3, 4, 5)],
                              Fraction(1, 50))),
    "exact: 3 players, k = 4, 4, 4, noise 1/100 (125)": (
        "spe", True, lambda: (public_good(3), [punishment(4, 2, 3)] * 3, Fraction(1, 100))),
    "float: grim, T = 1e6 (threshold 0.999999)": (
        "spe", False, lambda: (ml.TwoByTwo.symmetric(T=1e6, R=1.0, P=0.0, S=-1.0),
                               [ml.automata.grim_trigger()] * 2, 0.0)),
    "float: TFT, T, R, P, S = 9, 8, 2, 1 (isolated point 1/7)": (
        "spe", False, lambda: (ml.TwoByTwo.symmetric(T=9.0, R=8.0, P=2.0, S=1.0),
                               [ml.automata.tit_for_tat()] * 2, 0.0)),
}
FIXED_NEVER = {"float: grim, T = 1e6 (threshold 0.999999)",
               "float: TFT, T, R, P, S = 9, 8, 2, 1 (isolated point 1/7)"}


def noisy_worker(name: str) -> None:
    """Run one ``--noisy`` case cold in this process; print time, memory and answer."""
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    ml.solvers.critical_discount(pd, [ml.automata.grim_trigger()] * 2)  # imports sympy
    kind, _, build = NOISY_CASES[name]
    stage, profile, noise = build()
    start = time.perf_counter()
    res = ml.solvers.critical_discount(stage, profile, kind=kind, noise=noise)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(json.dumps({"seconds": seconds, "peak_gb": peak, "exact": str(res.exact),
                      "feasible": [list(p) for p in res.feasible]}))


def _same(a: dict, b: dict, exact: bool) -> bool:
    if exact:
        return a["exact"] == b["exact"] and [[round(x, 9) for x in p] for p in a["feasible"]] \
            == [[round(x, 9) for x in p] for p in b["feasible"]]
    flat_a = [x for p in a["feasible"] for x in p]
    flat_b = [x for p in b["feasible"] for x in p]
    return len(flat_a) == len(flat_b) and all(abs(x - y) <= 1e-7 for x, y in
                                                zip(flat_a, flat_b, strict=True))


def bench_noisy(baseline: str, limit: float) -> list[str]:
    """The ``--noisy`` table; returns the failures."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    here = os.path.join(root, "src")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", baseline, "src/multilateral"],
                                 capture_output=True, check=True, cwd=root)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        old_src = os.path.join(tmp, "src")
        print(f"\n| case | threads | ours | baseline ({baseline}) | ratio | answer (ours) |")
        print("|---|---|---:|---:|---:|---|")
        for name, (_, exact, _) in NOISY_CASES.items():
            for threads in ("default", "1"):
                if exact and threads == "default":
                    continue  # Python integers: no BLAS
                runs = {}
                for label, src in (("ours", here), ("old", old_src)):
                    env = dict(os.environ, PYTHONPATH=src)
                    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                        env.pop(var, None)
                        if threads == "1":
                            env[var] = "1"
                    env["BENCH_THREADS"] = threads
                    cmd = [sys.executable, __file__, "--worker", name]
                    try:
                        out = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                             timeout=limit)
                        runs[label] = (json.loads(out.stdout.strip().splitlines()[-1])
                                       if out.returncode == 0 else None)
                    except subprocess.TimeoutExpired:
                        runs[label] = None
                ours, old = runs["ours"], runs["old"]
                if ours is None:
                    failures.append(f"noisy, {name}, {threads}: ours failed or timed out")
                    continue
                shown = ours["exact"] if exact else (
                    f"{ours['feasible'][0][0]:.9f}" if ours["feasible"] else "never")
                if old is None:
                    old_s, ratio = f"> {limit:g} s", f"> {limit / ours['seconds']:.0f}x"
                else:
                    old_s = f"{old['seconds']:.2f} s"
                    ratio = f"{old['seconds'] / ours['seconds']:.1f}x"
                    if not _same(ours, old, exact):
                        if name in FIXED_NEVER and not old["feasible"]:
                            shown += " (baseline: never, wrong)"
                        else:
                            failures.append(f"noisy, {name}: ours {ours} but baseline {old}")
                print(f"| {name} | {threads} | {ours['seconds']:.2f} s | {old_s} | {ratio} | "
                      f"{shown[:48]} |", flush=True)
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed calls (median)")
    parser.add_argument("--old", action="store_true",
                        help="also time the replaced grid method (slow)")
    parser.add_argument("--scale", action="store_true",
                        help="only the issue-13 table (each case in a fresh process)")
    parser.add_argument("--old-path", action="store_true",
                        help=f"with --scale: also run the old code path ({OLD_COMMIT})")
    parser.add_argument("--limit", type=float, default=120.0,
                        help="seconds before a scale case is stopped")
    parser.add_argument("--noisy", action="store_true",
                        help="only the noisy-chain, threads and exact-noise table")
    parser.add_argument("--baseline", default=BASELINE,
                        help="with --noisy: the commit to compare against")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--floats", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        if args.worker in NOISY_CASES:
            noisy_worker(args.worker)
        else:
            worker(args.worker, args.floats)
        return 0
    if args.noisy:
        print(f"# bench_repeated --noisy: Python {platform.python_version()}, numpy "
              f"{np.__version__}, {os.cpu_count()} cores; load average "
              f"{os.getloadavg()[0]:.1f}")
        failures = bench_noisy(args.baseline, args.limit)
        print(f"# load average after: {os.getloadavg()[0]:.1f}")
        for line in failures:
            print(f"FAIL: {line}")
        return 1 if failures else 0
    if args.scale:
        print(f"# bench_repeated --scale: Python {platform.python_version()}, numpy "
              f"{np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}; "
              f"load average {os.getloadavg()[0]:.1f}")
        failures = bench_scale(args.old_path, args.limit)
        for line in failures:
            print(f"FAIL: {line}")
        return 1 if failures else 0
    print(f"# bench_repeated: Python {platform.python_version()}, numpy {np.__version__}, "
          f"multilateral {ml.__version__}, OPENBLAS_NUM_THREADS="
          f"{os.environ['OPENBLAS_NUM_THREADS']}; median of {args.repeats} calls, "
          f"delta = {DELTA}\n")
    stages = {"int": ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
              "float": ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0)}
    checks = {"is_subgame_perfect": ml.solvers.is_subgame_perfect,
              "is_nash_equilibrium": ml.solvers.is_nash_equilibrium}
    print("| check | profile (100 joint states) | int payoffs | float payoffs | verdict |")
    print("|---|---|---:|---:|---|")
    failures = []
    for label, profile in profiles():
        for name, check in checks.items():
            times, verdicts = {}, {}
            for kind, stage in stages.items():
                game = ml.RepeatedGame(stage, DELTA)
                times[kind] = 1e3 * median_time(lambda c=check, g=game, p=profile: c(g, p),
                                                args.repeats)
                verdicts[kind] = check(game, profile)
            a, b = verdicts["int"], verdicts["float"]
            if (a.holds, a.max_gain, a.worst) != (b.holds, b.max_gain, b.worst):
                failures.append(f"{name}, {label}: int {a!r} but float {b!r}")
            if name == "is_subgame_perfect" and max(times.values()) >= TARGET_MS:
                failures.append(f"{name}, {label}: {max(times.values()):.2f} ms, target "
                                f"< {TARGET_MS:g} ms")
            print(f"| {name} | {label} | {times['int']:.2f} ms | {times['float']:.2f} ms | "
                  f"{'holds' if a.holds else 'fails'} |")
    failures += bench_nash(args.repeats, args.old)
    print()
    for line in failures:
        print(f"FAIL: {line}")
    if not failures:
        print(f"is_subgame_perfect under {TARGET_MS:g} ms with integer and float payoffs; "
              "integer and float verdicts identical; critical_discount(kind='nash') under "
              f"{NASH_TARGET_MS:g} ms, exact and float thresholds agree.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
