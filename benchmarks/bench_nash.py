"""Benchmark multilateral's Nash solvers against nashpy, quantecon and pygambit.

Every game is run through this library and each available peer; the script prints the median
wall time of repeated calls, the ratio ours/peer (below 1 means ours is faster), and checks
that the answers agree:

* all mixed equilibria: the same set up to 1e-6 (both sides sorted by their strategies rounded
  to 6 decimals, then compared entry by entry); ``pygambit.nash.lcp_solve`` finds only some
  equilibria, so there each of its equilibria must be one of ours;
* single equilibria (Lemke-Howson): each must be one of our vertex-enumeration equilibria;
* pure equilibria: the same set of action profiles.

When two answers differ, every equilibrium that only one side returns is checked for regret in
the game, so the script tells a peer's miss from ours. The exit status is 1 when one of *our*
answers is wrong (we miss a genuine equilibrium, or return a profile that is not one).

Usage::

    python benchmarks/bench_nash.py [--quick] [--full] [--repeats K] [--peers P1,P2]
    python benchmarks/bench_nash.py --enumeration [--sizes 15,20,30] [--timeout S]
    python benchmarks/bench_nash.py --vertex [--vsizes 6,8,...] [--kinds float,int,degenerate]

See ``benchmarks/README.md`` for what each section measures and the expected durations.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import inspect
import os
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray

import multilateral as ml

MATCH_TOL = 1e-6  # equilibria agree when every probability is within this
DECIMALS = 6  # rounding used to sort equilibrium sets before matching
REGRET_TOL = 1e-7  # a profile counts as an equilibrium when no deviation gains more than this
BUDGET_S = 2.0  # stop repeating a measurement once its runs have taken this long in total

PEERS = ("nashpy", "quantecon", "pygambit")
BIMATRIX_SIZES = (4, 6, 8, 10)
PURE_SIZES = (12, 16, 20)

Profile = list[NDArray[np.float64]]  # one mixed strategy per player


# -- timing -------------------------------------------------------------------------------------
@dataclass
class Timing:
    """Median wall time of a measurement and what the last call returned."""

    seconds: float
    runs: int
    result: Any

    @property
    def ms(self) -> float:
        """The median in milliseconds."""
        return 1e3 * self.seconds


def measure(
    fn: Callable[[], Any], repeats: int, *, warmup: bool = False, budget_s: float | None = None
) -> Timing:
    """Median ``time.perf_counter`` time of up to ``repeats`` calls of ``fn``.

    Repeating stops early once the runs so far have taken ``budget_s`` in total, so slow peers
    run once. ``warmup`` makes one untimed call first (numba JIT, lazy imports, caches).
    """
    budget_s = BUDGET_S if budget_s is None else budget_s
    if warmup:
        fn()
    times: list[float] = []
    result = None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if sum(times) >= budget_s:
            break
    return Timing(statistics.median(times), len(times), result)


def quiet(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``fn`` so that warnings it emits (nashpy's degeneracy warnings) are silenced."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        """Call ``fn`` with warnings ignored."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args, **kwargs)

    return wrapped


# -- peers --------------------------------------------------------------------------------------
def load_peer(name: str) -> ModuleType | None:
    """Import an optional peer library, or print why it is skipped and return None."""
    try:
        return importlib.import_module(name)
    except Exception as err:  # ImportError, or a broken build failing at import time
        print(f"NOTE: optional peer {name!r} is not available ({type(err).__name__}: {err}); "
              f"its rows are skipped. Install it with: pip install -e \".[bench]\"")
        return None


def version(dist: str) -> str:
    """Installed version of a distribution, or 'not installed'."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def supported_kwargs(fn: Callable[..., Any], **kwargs: Any) -> dict[str, Any]:
    """The subset of ``kwargs`` that ``fn`` accepts (pygambit's signatures vary by version)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return {}
    return {k: v for k, v in kwargs.items() if k in params}


def to_quantecon(qe: ModuleType, payoffs: NDArray[np.float64]) -> Any:
    """A quantecon NormalFormGame from our ``(n_1, ..., n_N, N)`` payoff array.

    quantecon's player ``i`` holds an array indexed ``[a_i, a_{i+1}, ..., a_{i-1}]`` (own
    action first, then the others cyclically), so our ``payoffs[..., i]`` (indexed
    ``[a_0, ..., a_{N-1}]``) is transposed with axes ``(i, i+1, ..., N-1, 0, ..., i-1)``.
    """
    n = payoffs.shape[-1]
    players = [
        qe.game_theory.Player(np.transpose(payoffs[..., i], [(i + k) % n for k in range(n)]))
        for i in range(n)
    ]
    return qe.game_theory.NormalFormGame(players)


def to_gambit(gbt: ModuleType, payoffs: NDArray[np.float64]) -> Any:
    """A pygambit strategic game from our payoff array (one array per player)."""
    return gbt.Game.from_arrays(*[payoffs[..., i] for i in range(payoffs.shape[-1])])


def gambit_profiles(result: Any, game: Any) -> list[Profile]:
    """The equilibria of a pygambit result as lists of float probability vectors."""
    eqs = getattr(result, "equilibria", result)  # NashComputationResult (>= 16.1) or a list
    players = list(game.players)
    return [[np.array([float(eq[s]) for s in p.strategies]) for p in players] for eq in eqs]


def pure_profile(profile: Profile) -> tuple[int, ...]:
    """The action profile of a pure mixed profile."""
    return tuple(int(np.argmax(s)) for s in profile)


# -- agreement ----------------------------------------------------------------------------------
def regret(a: NDArray[np.float64], b: NDArray[np.float64], profile: Profile) -> float:
    """Largest gain from a unilateral deviation in the bimatrix game ``(a, b)``."""
    x, y = (np.asarray(s, dtype=float) for s in profile)
    return max(float((a @ y).max() - x @ a @ y), float((x @ b).max() - x @ b @ y))


def canonical(eqs: Iterable[Sequence[Any]]) -> list[NDArray[np.float64]]:
    """Equilibria as concatenated float vectors, deduplicated and sorted by rounded tuples."""
    vecs = [np.concatenate([np.asarray(s, dtype=float) for s in eq]) for eq in eqs]
    unique = {tuple(np.round(v, DECIMALS) + 0.0): v for v in vecs}  # + 0.0: no -0.0 keys
    return [unique[k] for k in sorted(unique)]


@dataclass
class Agreement:
    """The outcome of comparing a peer's answer with ours."""

    ok: bool
    text: str
    details: list[str] = field(default_factory=list)
    ours_wrong: bool = False  # we miss a genuine equilibrium or return a non-equilibrium

    def __str__(self) -> str:
        return self.text


def _find(v: NDArray[np.float64], pool: list[NDArray[np.float64]]) -> bool:
    """Is ``v`` within ``MATCH_TOL`` of some vector in ``pool``?"""
    return any(w.shape == v.shape and np.max(np.abs(w - v)) <= MATCH_TOL for w in pool)


def compare_mixed(
    ours: list[NDArray[np.float64]],
    theirs: list[NDArray[np.float64]],
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    *,
    subset: bool = False,
) -> Agreement:
    """Compare canonical equilibrium sets; ``subset``: theirs need only be among ours."""
    if not subset and len(ours) == len(theirs) and all(
        np.max(np.abs(u - v)) <= MATCH_TOL for u, v in zip(ours, theirs, strict=True)
    ):
        return Agreement(True, "yes")
    m = a.shape[0]
    only_theirs = [v for v in theirs if not _find(v, ours)]
    only_ours = [] if subset else [v for v in ours if not _find(v, theirs)]
    if not only_theirs and not only_ours:
        return Agreement(True, "yes (subset)" if subset else "yes")
    details, ours_wrong = [], False
    for who, vecs in (("peer only", only_theirs), ("ours only", only_ours)):
        for v in vecs:
            r = regret(a, b, [v[:m], v[m:]])
            genuine = r <= REGRET_TOL
            ours_wrong |= genuine == (who == "peer only")
            supports = (np.flatnonzero(v[:m] > MATCH_TOL).tolist(),
                        np.flatnonzero(v[m:] > MATCH_TOL).tolist())
            details.append(
                f"{who}: supports {supports}, regret {r:.2e} "
                f"({'a genuine equilibrium' if genuine else 'NOT an equilibrium'}); "
                f"x={np.round(v[:m], 6).tolist()} y={np.round(v[m:], 6).tolist()}"
            )
    text = f"NO (peer-only {len(only_theirs)}, ours-only {len(only_ours)})"
    return Agreement(False, text, details, ours_wrong)


def compare_pure(
    ours: Iterable[tuple[int, ...]], theirs: Iterable[tuple[int, ...]], payoffs: NDArray[Any]
) -> Agreement:
    """Compare sets of pure equilibria, checking any profile only one side returns."""
    s_ours, s_theirs = set(ours), set(theirs)
    if s_ours == s_theirs:
        return Agreement(True, "yes")
    details, ours_wrong = [], False
    for who, profiles in (("peer only", s_theirs - s_ours), ("ours only", s_ours - s_theirs)):
        for prof in sorted(profiles):
            genuine = all(
                payoffs[prof][i] >= payoffs[(*prof[:i], slice(None), *prof[i + 1 :])][:, i].max()
                - REGRET_TOL
                for i in range(len(prof))
            )
            ours_wrong |= genuine == (who == "peer only")
            details.append(f"{who}: {prof} ({'genuine' if genuine else 'NOT an equilibrium'})")
    text = f"NO (peer-only {len(s_theirs - s_ours)}, ours-only {len(s_ours - s_theirs)})"
    return Agreement(False, text, details, ours_wrong)


# -- reporting ----------------------------------------------------------------------------------
@dataclass
class Report:
    """Collects tables, notes, disagreements and target checks for the final summary."""

    disagreements: list[str] = field(default_factory=list)
    ours_wrong: bool = False
    targets: list[str] = field(default_factory=list)

    def record(self, where: str, agreement: Agreement) -> None:
        """Print and remember the details of a disagreement."""
        if agreement.ok:
            return
        self.ours_wrong |= agreement.ours_wrong
        self.disagreements.append(f"{where}: {agreement}")
        for line in agreement.details:
            self.disagreements.append(f"    {line}")

    def target(self, name: str, value: float | None, limit: float, unit: str = "") -> None:
        """Record a target 'value <= limit' as MET, MISSED or NOT MEASURED."""
        if value is None:
            self.targets.append(f"NOT MEASURED  {name}")
        else:
            verdict = "MET" if value <= limit else "MISSED"
            self.targets.append(f"{verdict:<12}  {name}: {value:.4g}{unit} (limit {limit:g}{unit})")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print a Markdown table with aligned columns."""
    widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    print()


def skip_reason(args: argparse.Namespace, quick_cap: str, default_cap: str) -> str:
    """Why a slow peer was skipped: the cap of the current mode and how to lift it."""
    if args.quick:
        return f"--quick caps it to {quick_cap}"
    return f"slow: the default caps it to {default_cap}; --full runs it"


def fmt_ms(t: Timing | None) -> str:
    """Milliseconds with sensible precision."""
    if t is None:
        return "-"
    return f"{t.ms:.3f}" if t.ms < 1 else f"{t.ms:.2f}" if t.ms < 100 else f"{t.ms:.0f}"


def fmt_ratio(ours: Timing, peer: Timing) -> str:
    """ours/peer, with the speed-up factor when ours is faster."""
    r = ours.seconds / peer.seconds
    return f"{r:.3g}" + (f" ({1 / r:.3g}x faster)" if r < 1 else "")


# -- section 1: all equilibria of bimatrix games -------------------------------------------------
def bimatrix_game(n: int, seed: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """A random n x n game with payoffs uniform in [0, 1) (nondegenerate with probability 1)."""
    rng = np.random.default_rng(seed)
    return rng.random((n, n)), rng.random((n, n))


def section_bimatrix(
    args: argparse.Namespace, peers: dict[str, ModuleType | None], report: Report
) -> None:
    """All Nash equilibria (and one by Lemke-Howson) of random n x n bimatrix games."""
    nashpy, qe, gbt = peers["nashpy"], peers["quantecon"], peers["pygambit"]
    cap_support = 10 if args.full else 6 if args.quick else 8
    cap_vertex = 6 if args.quick else 10
    print("## Section 1: all equilibria of random n x n bimatrix games "
          "(payoffs uniform [0,1), seed = n; game construction not timed)\n")
    notes: list[str] = []
    rows: list[list[str]] = []
    ratios: dict[tuple[str, int], float] = {}
    for n in BIMATRIX_SIZES:
        seed = n
        a, b = bimatrix_game(n, seed)
        payoffs = np.stack([a, b], axis=-1)
        game = ml.NormalFormGame(a, b)
        t_vertex = measure(lambda g=game: ml.solvers.vertex_enumeration(g), args.repeats,
                           warmup=True)
        t_support = measure(lambda g=game: ml.solvers.support_enumeration(g), args.repeats,
                            warmup=True)
        t_lh = measure(lambda g=game: ml.solvers.lemke_howson(g), args.repeats, warmup=True)
        ref = canonical(eq.strategies for eq in t_vertex.result)
        where = f"section 1, n={n}, seed={seed}"
        self_check = compare_mixed(ref, canonical(eq.strategies for eq in t_support.result), a, b)
        report.record(f"{where}, ours support_enumeration vs ours vertex_enumeration", self_check)
        if not self_check.ok:
            report.ours_wrong = True
        lh_check = compare_mixed(ref, canonical([t_lh.result.strategies]), a, b, subset=True)
        report.record(f"{where}, ours lemke_howson vs ours vertex_enumeration", lh_check)
        if not lh_check.ok:
            report.ours_wrong = True

        def row(ours_name: str, ours_t: Timing, peer_name: str, peer_t: Timing,
                eqs: list[NDArray[np.float64]], subset: bool = False,
                n: int = n, seed: int = seed, a: NDArray[np.float64] = a,
                b: NDArray[np.float64] = b, ref: list[NDArray[np.float64]] = ref,
                where: str = where) -> None:
            """Check a peer's equilibria against ours and add its table row."""
            agreement = compare_mixed(ref, eqs, a, b, subset=subset)
            report.record(f"{where}, {peer_name}", agreement)
            ratios[(peer_name, n)] = ours_t.seconds / peer_t.seconds
            rows.append([str(n), str(seed), str(len(ref)), ours_name, fmt_ms(ours_t), peer_name,
                         fmt_ms(peer_t), fmt_ratio(ours_t, peer_t),
                         f"{ours_t.runs}/{peer_t.runs}", str(agreement)])

        if nashpy is not None:
            ngame = nashpy.Game(a, b)
            if n <= cap_support:
                t = measure(quiet(lambda g=ngame: list(g.support_enumeration())), args.repeats)
                row("support_enumeration", t_support, "nashpy support_enumeration", t,
                    canonical(t.result))
            else:
                notes.append(f"nashpy support_enumeration skipped at n={n} "
                             f"({skip_reason(args, 'n <= 6', 'n <= 8')})")
            if n <= cap_vertex:
                t = measure(quiet(lambda g=ngame: list(g.vertex_enumeration())), args.repeats)
                row("vertex_enumeration", t_vertex, "nashpy vertex_enumeration", t,
                    canonical(t.result))
            else:
                notes.append(f"nashpy vertex_enumeration skipped at n={n} "
                             f"({skip_reason(args, 'n <= 6', 'n <= 10')})")
        if qe is not None:
            qgame = to_quantecon(qe, payoffs)
            t = measure(lambda g=qgame: qe.game_theory.vertex_enumeration(g), args.repeats,
                        warmup=True)
            row("vertex_enumeration", t_vertex, "quantecon vertex_enumeration", t,
                canonical(t.result))
            t = measure(lambda g=qgame: qe.game_theory.lemke_howson(g, init_pivot=0),
                        args.repeats, warmup=True)
            row("lemke_howson", t_lh, "quantecon lemke_howson", t, canonical([t.result]),
                subset=True)
        if gbt is not None:
            run_gambit_bimatrix(gbt, payoffs, args, t_vertex, t_lh, row, notes, where)
    print_table(["n", "seed", "#eq", "ours", "ours ms", "peer", "peer ms", "ours/peer",
                 "runs o/p", "agree"], rows)
    for note in dict.fromkeys(notes):
        print(f"NOTE: {note}")
    print()
    big = max(BIMATRIX_SIZES)
    nash_ratio = ratios.get(("nashpy vertex_enumeration", big))
    report.target(f"section 1, n={big}: ours vertex_enumeration / nashpy vertex_enumeration",
                  nash_ratio, 0.01)
    report.target(f"section 1, n={big}: ours vertex_enumeration / quantecon "
                  "vertex_enumeration", ratios.get(("quantecon vertex_enumeration", big)), 3.0)


def run_gambit_bimatrix(
    gbt: ModuleType,
    payoffs: NDArray[np.float64],
    args: argparse.Namespace,
    t_vertex: Timing,
    t_lh: Timing,
    row: Callable[..., None],
    notes: list[str],
    where: str,
) -> None:
    """pygambit's enummixed_solve, lcp_solve (all it finds) and lcp_solve(stop_after=1)."""
    try:
        ggame = to_gambit(gbt, payoffs)
        nash = gbt.nash
        kw_mixed = supported_kwargs(nash.enummixed_solve, rational=False)
        kw_lcp = supported_kwargs(nash.lcp_solve, rational=False)
        kw_lcp1 = supported_kwargs(nash.lcp_solve, rational=False, stop_after=1)
        t = measure(lambda: nash.enummixed_solve(ggame, **kw_mixed), args.repeats, warmup=True)
        row("vertex_enumeration", t_vertex, "pygambit enummixed_solve", t,
            canonical(gambit_profiles(t.result, ggame)))
        t = measure(lambda: nash.lcp_solve(ggame, **kw_lcp), args.repeats, warmup=True)
        row("vertex_enumeration", t_vertex, "pygambit lcp_solve (all found)", t,
            canonical(gambit_profiles(t.result, ggame)), subset=True)
        if "stop_after" in kw_lcp1:
            t = measure(lambda: nash.lcp_solve(ggame, **kw_lcp1), args.repeats, warmup=True)
            row("lemke_howson", t_lh, "pygambit lcp_solve (stop_after=1)", t,
                canonical(gambit_profiles(t.result, ggame)), subset=True)
        else:
            notes.append("this pygambit's lcp_solve has no stop_after: single-equilibrium "
                         "row skipped")
    except Exception as err:  # an API this script does not know: skip, never crash
        notes.append(f"pygambit failed at {where} ({type(err).__name__}: {err}); rows skipped")


# -- section 2: pure equilibria of N-player 2-action games ---------------------------------------
def check_quantecon_convention(qe: ModuleType) -> bool:
    """Check :func:`to_quantecon` on a small 2x3x4 integer game against quantecon itself.

    The converted players' arrays must equal what quantecon builds from the payoff-profile
    array, and ``pure_nash_brute`` must find our pure equilibria (a game with >= 2 is used).
    """
    for seed in range(1000):
        payoffs = np.random.default_rng(seed).integers(0, 10, size=(2, 3, 4, 3))
        ours = ml.solvers.pure_nash_equilibria(ml.NormalFormGame(payoffs))
        if len(ours) >= 2:
            break
    converted = to_quantecon(qe, payoffs)
    native = qe.game_theory.NormalFormGame(payoffs)
    same_arrays = all(
        np.array_equal(p.payoff_array, q.payoff_array)
        for p, q in zip(converted.players, native.players, strict=True)
    )
    theirs = {tuple(int(a) for a in p) for p in qe.game_theory.pure_nash_brute(converted)}
    ok = same_arrays and theirs == set(ours)
    print(f"quantecon payoff convention check (2x3x4 integer game, seed {seed}, "
          f"{len(ours)} pure equilibria): arrays {'match' if same_arrays else 'DIFFER'}, "
          f"equilibria {'match' if theirs == set(ours) else 'DIFFER'} -> "
          f"{'ok' if ok else 'FAILED: quantecon rows are not trustworthy'}\n")
    return ok


def section_pure(
    args: argparse.Namespace, peers: dict[str, ModuleType | None], report: Report
) -> None:
    """All pure equilibria of random N-player 2-action games."""
    qe, gbt = peers["quantecon"], peers["pygambit"]
    cap = 20 if args.full else 12 if args.quick else 16
    print("## Section 2: all pure equilibria of random N-player 2-action games "
          "(payoffs uniform [0,1), seed = N; ours includes building the NormalFormGame)\n")
    if qe is not None and not check_quantecon_convention(qe):
        report.disagreements.append("quantecon payoff convention check failed")
    rows: list[list[str]] = []
    notes: list[str] = []
    breakdown: list[str] = []
    ratios: dict[tuple[str, int], float] = {}
    ours_total: dict[int, float] = {}
    for n_players in PURE_SIZES:
        seed = n_players
        payoffs = np.random.default_rng(seed).random((2,) * n_players + (n_players,))
        t_ours = measure(lambda p=payoffs: ml.solvers.pure_nash_equilibria(ml.NormalFormGame(p)),
                         args.repeats, warmup=True)
        t_build = measure(lambda p=payoffs: ml.NormalFormGame(p), args.repeats)
        game = t_build.result
        t_solve = measure(lambda g=game: ml.solvers.pure_nash_equilibria(g), args.repeats,
                          warmup=True)
        t_build.result = game = None  # free the payoff copies before the peers run
        ours_total[n_players] = t_ours.seconds
        breakdown.append(f"N={n_players}: ours = build {fmt_ms(t_build)} ms + "
                         f"solve {fmt_ms(t_solve)} ms (measured separately)")
        ours = t_ours.result
        where = f"section 2, N={n_players}, seed={seed}"

        def row(peer_name: str, build: Timing, solve: Timing, theirs: Iterable[tuple[int, ...]],
                n_players: int = n_players, seed: int = seed, t_ours: Timing = t_ours,
                ours: tuple[tuple[int, ...], ...] = ours, payoffs: NDArray[Any] = payoffs,
                where: str = where) -> None:
            """Check a peer's pure equilibria against ours and add its table row."""
            agreement = compare_pure(ours, theirs, payoffs)
            report.record(f"{where}, {peer_name}", agreement)
            ratios[(peer_name, n_players)] = t_ours.seconds / solve.seconds
            rows.append([str(n_players), str(seed), str(len(ours)), fmt_ms(t_ours), peer_name,
                         fmt_ms(build), fmt_ms(solve), fmt_ratio(t_ours, solve),
                         f"{t_ours.runs}/{solve.runs}", str(agreement)])

        if n_players > cap:
            notes.append(f"N={n_players}: quantecon and pygambit skipped "
                         f"({skip_reason(args, 'N <= 12', 'N <= 16')})")
            rows.append([str(n_players), str(seed), str(len(ours)), fmt_ms(t_ours), "-", "-",
                         "-", "-", f"{t_ours.runs}/-", "-"])
        else:
            if qe is not None:
                build = measure(lambda p=payoffs: to_quantecon(qe, p), 1)
                solve = measure(lambda g=build.result: qe.game_theory.pure_nash_brute(g),
                                args.repeats)
                row("quantecon pure_nash_brute", build, solve,
                    [tuple(int(a) for a in p) for p in solve.result])
                build.result = None
            if gbt is not None:
                try:
                    build = measure(lambda p=payoffs: to_gambit(gbt, p), 1)
                    ggame = build.result
                    solve = measure(lambda g=ggame: gbt.nash.enumpure_solve(g), args.repeats)
                    row("pygambit enumpure_solve", build, solve,
                        [pure_profile(p) for p in gambit_profiles(solve.result, ggame)])
                    build.result = ggame = None
                except Exception as err:  # an API this script does not know: skip
                    notes.append(f"pygambit failed at N={n_players} ({type(err).__name__}: "
                                 f"{err}); row skipped")
    print_table(["N", "seed", "#pure eq", "ours ms", "peer", "peer build ms", "peer solve ms",
                 "ours/peer solve", "runs o/p", "agree"], rows)
    for line in breakdown:
        print(line)
    for note in notes:
        print(f"NOTE: {note}")
    print()
    for n_players in (16, 20):
        report.target(f"section 2, N={n_players}: ours (build + solve) / pygambit "
                      "enumpure_solve (solve step)",
                      ratios.get(("pygambit enumpure_solve", n_players)), 0.1)
    big = max(PURE_SIZES)
    report.target(f"section 2, N={big}: ours build + solve", ours_total.get(big), 2.0, " s")


# -- main ---------------------------------------------------------------------------------------
def warm_up(peers: dict[str, ModuleType | None]) -> None:
    """Run every solver once on a tiny game: imports, numba JIT and caches are not timed."""
    a, b = bimatrix_game(3, 0)
    game = ml.NormalFormGame(a, b)
    ml.solvers.vertex_enumeration(game)
    ml.solvers.support_enumeration(game)
    ml.solvers.lemke_howson(game)
    ml.solvers.pure_nash_equilibria(game)
    payoffs = np.stack([a, b], axis=-1)
    if (nashpy := peers["nashpy"]) is not None:
        quiet(lambda: (list(nashpy.Game(a, b).support_enumeration()),
                       list(nashpy.Game(a, b).vertex_enumeration())))()
    if (qe := peers["quantecon"]) is not None:
        qgame = to_quantecon(qe, payoffs)
        qe.game_theory.vertex_enumeration(qgame)
        qe.game_theory.lemke_howson(qgame)
        qe.game_theory.pure_nash_brute(qgame)


# -- section 3: all equilibria of large games (issue 12), each call in a child with a timeout --
ENUM_SIZES = (15, 20, 30)
_ENUM_CALLS = {
    "ours vertex (default limit)": "ml.solvers.nash_equilibria(ml.NormalFormGame(a, b))",
    "ours vertex (max_vertices=1e12)":
        "ml.solvers.nash_equilibria(ml.NormalFormGame(a, b), max_vertices=10**12)",
    "quantecon vertex": "qe.game_theory.vertex_enumeration(qe.game_theory.NormalFormGame("
                        "[qe.game_theory.Player(a), qe.game_theory.Player(b.T)]))",
    "gambit enummixed": "gbt.nash.enummixed_solve(gbt.Game.from_arrays(a, b), "
                        "rational=False).equilibria",
}
_ENUM_CHILD = """
import sys, time, warnings, numpy as np
warnings.simplefilter("ignore")
import multilateral as ml
{imp}
def solve(a, b):
    return {call}
solve(np.eye(3) + 1, np.eye(3) + 1)  # imports, numba's JIT
n = {n}
rng = np.random.default_rng(n)
a, b = rng.random((n, n)), rng.random((n, n))
t = time.perf_counter()
try:
    out = solve(a, b)
    print(len(out), time.perf_counter() - t)
except Exception as err:
    print("refused" if isinstance(err, ml.errors.SolverError) else type(err).__name__,
          time.perf_counter() - t, str(err)[:60].replace(chr(10), " "))
"""


def section_enumeration(args: argparse.Namespace) -> None:
    """All equilibria of random n x n games, n = 15, 20, 30: one call each, with a timeout."""
    import subprocess

    print(f"## 3. All equilibria of large random games (timeout {args.timeout:g} s per call)\n")
    imports = {"quantecon": "import quantecon as qe", "gambit": "import pygambit as gbt"}
    print("| n | solver | #eq | seconds |")
    print("|---:|---|---:|---:|")
    for n in args.sizes:
        for name, call in _ENUM_CALLS.items():
            imp = next((v for k, v in imports.items() if k in name), "")
            code = _ENUM_CHILD.format(imp=imp, n=n, call=call)
            try:
                done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                      text=True, timeout=args.timeout, check=False)
                words = done.stdout.split(maxsplit=2) or ["crashed", "nan", done.stderr[-60:]]
                count, secs = words[0], f"{float(words[1]):.3g}"
                if done.returncode < 0:
                    count, secs = f"killed by signal {-done.returncode}", "-"
            except subprocess.TimeoutExpired:
                count, secs = "timeout", f"> {args.timeout:g}"
            print(f"| {n} | {name} | {count} | {secs} |")
    print()


# -- section 4: vertex enumeration on float, integer and degenerate games (issue 13) ---------
VERTEX_SIZES = (6, 8, 10, 12, 14, 16, 18, 20)
VERTEX_KINDS = ("float", "int", "degenerate")


def vertex_game(kind: str, n: int) -> tuple[NDArray[Any], NDArray[Any]]:
    """Section 4's games: seed ``n``; float U[0, 1), integers in [-1000, 1000), or {0..3}."""
    rng = np.random.default_rng(n)
    if kind == "float":
        return rng.random((n, n)), rng.random((n, n))
    if kind == "int":
        return rng.integers(-1000, 1000, (n, n)), rng.integers(-1000, 1000, (n, n))
    return rng.integers(0, 4, (n, n)), rng.integers(0, 4, (n, n))


def interleaved(
    a: NDArray[Any], b: NDArray[Any], qe: ModuleType | None, repeats: int
) -> tuple[Timing, Timing | None]:
    """Ours and quantecon on the same game, alternating call by call (same load for both).

    Each call gets a freshly built game (built untimed: no cached float payoffs carried
    over); ours keeps integer payoffs exact. Stops repeating after ``BUDGET_S`` in total.
    """
    af, bf = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    t_ours: list[float] = []
    t_qe: list[float] = []
    res_ours: Any = None
    res_qe: Any = None
    for _ in range(max(1, repeats)):
        game = ml.NormalFormGame(a, b)
        start = time.perf_counter()
        try:
            res_ours = ml.solvers.nash_equilibria(game)
        except ml.errors.SolverError as err:
            return Timing(time.perf_counter() - start, 1, err), None
        t_ours.append(time.perf_counter() - start)
        if qe is not None:
            qgame = to_quantecon(qe, np.stack([af, bf], axis=-1))
            start = time.perf_counter()
            res_qe = qe.game_theory.vertex_enumeration(qgame)
            t_qe.append(time.perf_counter() - start)
        if sum(t_ours) + sum(t_qe) >= BUDGET_S:
            break
    ours = Timing(statistics.median(t_ours), len(t_ours), res_ours)
    return ours, (Timing(statistics.median(t_qe), len(t_qe), res_qe) if t_qe else None)


def section_vertex(args: argparse.Namespace, peers: dict[str, ModuleType | None]) -> bool:
    """Ours vs quantecon (and pygambit up to n = 10): time ratio and equal equilibrium sets.

    Ours and quantecon alternate call by call on freshly built games (:func:`interleaved`);
    pygambit's ``enummixed_solve(rational=False)`` runs once. Returns True when one of OUR
    answers is wrong.
    """
    qe, gbt = peers["quantecon"], peers["pygambit"]
    print("## 4. Vertex enumeration, float / integer / degenerate games (issue 13)\n")
    print("| kind | n | #eq ours | ours ms | quantecon ms | ours/quantecon | #eq quantecon | "
          "same set | pygambit ms | same set (pygambit) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---|")
    wrong = False
    for kind in args.kinds:
        for n in args.vsizes:
            a, b = vertex_game(kind, n)
            af, bf = np.asarray(a, dtype=float), np.asarray(b, dtype=float)

            t_ours, t_qe = interleaved(a, b, qe, args.repeats)
            if isinstance(t_ours.result, Exception):
                print(f"| {kind} | {n} | refused | {t_ours.ms:.3g} | | | | "
                      f"{str(t_ours.result)[:70]} | | |")
                continue
            mine = canonical(e.strategies for e in t_ours.result)
            row = [kind, str(n), str(len(mine)), f"{t_ours.ms:.3g}"]
            if t_qe is not None:
                agree = compare_mixed(mine, canonical(t_qe.result), af, bf)
                wrong |= agree.ours_wrong
                row += [f"{t_qe.ms:.3g}", f"{t_ours.seconds / t_qe.seconds:.2f}",
                        str(len(canonical(t_qe.result))), str(agree)]
                for line in agree.details[:3]:
                    print(f"<!-- {kind} n={n} quantecon: {line} -->")
            else:
                row += ["", "", "", ""]
            if gbt is not None and n <= args.gambit_max:
                game = to_gambit(gbt, np.stack([af, bf], axis=-1))
                t_g = measure(lambda game=game: gbt.nash.enummixed_solve(
                    game, rational=False), 1)
                agree = compare_mixed(mine, canonical(gambit_profiles(t_g.result, game)), af, bf)
                wrong |= agree.ours_wrong
                row += [f"{t_g.ms:.3g}", str(agree)]
            else:
                row += ["", ""]
            print("| " + " | ".join(row) + " |")
    print()
    return wrong


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="cap slow peers: nashpy to n <= 6, section 2 peers to N <= 12")
    parser.add_argument("--full", action="store_true",
                        help="also run nashpy support enumeration at n = 10 and the section 2 "
                        "peers at N = 20 (several minutes, GBs of memory)")
    parser.add_argument("--repeats", type=int, default=5,
                        help="timed runs per measurement; the median is reported. Runs stop "
                        "early once they total --budget seconds (default 5)")
    parser.add_argument("--budget", type=float, default=BUDGET_S,
                        help="seconds after which a measurement stops repeating (default "
                        f"{BUDGET_S:g}); raise it for medians of the seconds-long peer calls")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help="comma-separated peers to run (default: all of "
                        f"{', '.join(PEERS)})")
    parser.add_argument("--enumeration", action="store_true",
                        help="run only section 3: all equilibria of random n x n games, each "
                        "call in a child process with --timeout (default 600 s)")
    parser.add_argument("--sizes", default=",".join(map(str, ENUM_SIZES)),
                        help="section 3 sizes (default 15,20,30)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="section 3: seconds before a call is killed")
    parser.add_argument("--vertex", action="store_true",
                        help="run only section 4: vertex enumeration against quantecon (and "
                        "pygambit up to --gambit-max) on float, integer and degenerate games")
    parser.add_argument("--vsizes", default=",".join(map(str, VERTEX_SIZES)),
                        help="section 4 sizes (default 6,8,...,20)")
    parser.add_argument("--kinds", default=",".join(VERTEX_KINDS),
                        help="section 4 kinds (default float,int,degenerate)")
    parser.add_argument("--gambit-max", type=int, default=10,
                        help="section 4: largest n given to pygambit's enummixed (default 10)")
    args = parser.parse_args(argv)
    args.sizes = [int(k) for k in args.sizes.split(",") if k.strip()]
    args.vsizes = [int(k) for k in args.vsizes.split(",") if k.strip()]
    args.kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    args.peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    if unknown := sorted(set(args.peers) - set(PEERS)):
        parser.error(f"unknown peers {unknown}; choose from {', '.join(PEERS)}")
    if args.quick and args.full:
        parser.error("--quick and --full exclude each other")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.budget <= 0:
        parser.error("--budget must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run both sections; return 1 if one of our answers is wrong, else 0."""
    global BUDGET_S
    args = parse_args(argv)
    BUDGET_S = args.budget
    if hasattr(sys.stdout, "reconfigure"):  # show progress when the output goes to a file
        sys.stdout.reconfigure(line_buffering=True)
    versions = ", ".join(f"{d} {version(d)}" for d in
                         ("multilateral", "numpy", "scipy", "nashpy", "quantecon", "numba",
                          "pygambit"))
    print(f"# bench_nash: Python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; {versions}")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"# load average {load} (timings are only comparable on an idle machine)")
    print(f"# repeats={args.repeats} (median; runs stop after {BUDGET_S:g} s), "
          f"mode={'quick' if args.quick else 'full' if args.full else 'default'}\n")
    peers = {name: load_peer(name) if name in args.peers else None for name in PEERS}
    if skipped := [name for name in PEERS if name not in args.peers]:
        print(f"NOTE: peers not selected with --peers: {', '.join(skipped)}\n")
    if args.enumeration:
        section_enumeration(args)
        return 0
    if args.vertex:
        warm_up(peers)
        if section_vertex(args, peers):
            print("FAIL: at least one of OUR answers is wrong (see the comments above).")
            return 1
        print("Our answers check out (every difference, if any, is a peer's miss).")
        return 0
    warm_up(peers)
    report = Report()
    section_bimatrix(args, peers, report)
    section_pure(args, peers, report)
    print("## Targets\n")
    for line in report.targets:
        print(line)
    print("\n## Agreement\n")
    if not report.disagreements:
        print("All answers agree.")
    for line in report.disagreements:
        print(line)
    if report.ours_wrong:
        print("\nFAIL: at least one of OUR answers is wrong (see above).")
        return 1
    if report.disagreements:
        print("\nEvery disagreement above is a peer's miss: our answers check out.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
