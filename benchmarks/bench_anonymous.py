"""Benchmark exact symmetric equilibria of anonymous games against the old path and sympy.

Issue 13: exact equilibria of an anonymous threshold game took 0.5 s at ``n = 100`` and 3.4 s
at ``n = 150`` (sympy: power basis, factor, isolate), and the default switched to floats above
``n = 80``. Targets: ``n = 193`` (the UN) under 0.5 s and ``n = 1,000`` under 5 s, exact.

For each ``n`` the game is ``AnonymousGame.threshold(n, n // 2, benefit=300, cost=1)`` (two
interior roots, both irrational), or with ``--family random`` gains drawn uniformly from
``-5..5`` (seed 0: many roots; the hard case for subdivision), or with ``--family
alternating`` gains ``(-1)^k (k mod 7 + 1)``, negated in the upper half (the polynomial cancels
to far below its coefficients in the middle of [0, 1]: float signs are uncertain there and
the isolation falls back to integers). Three timings, cold (a fresh
game and sympy's caches cleared before every repetition; median of ``--repeats``):

* ``ours``: ``solvers.symmetric_equilibria(game, exact=True)`` -- roots isolated in the
  Bernstein basis, refined to correctly rounded floats, rational roots recognised, stability;
* ``old``: the pre-issue-13 exact path, verbatim (gains to the power basis, sympy's
  ``Poly.real_roots`` -- which factors the polynomial first -- and sympy signs between the
  roots), in a child process stopped after ``--timeout`` seconds;
* ``sympy``: the peer's comparable work alone, ``Poly.intervals(inf=0, sup=1)`` on the same
  polynomial (isolating intervals of the real roots in [0, 1]: square-free decomposition and
  continued fractions, no factoring, no refinement to floats, no stability).

Equality is checked in the same run: sympy's intervals and ours hold the same number of
roots, each sympy interval holds exactly one of our roots, and the old path's roots equal ours
(Fractions equal, algebraic numbers to 40 digits). The script exits 1 on any disagreement.

Usage::

    python benchmarks/bench_anonymous.py [--sizes 50 100 150 193 500 1000]
        [--family threshold|random|alternating] [--repeats 3] [--timeout 120] [--old-max 193]

The path before a change is timed the same way from its source tree, e.g. ``git archive
0210c9e src | tar -x -C /tmp/prev`` and ``PYTHONPATH=/tmp/prev/src python
benchmarks/bench_anonymous.py ...``: the script prints which package it imported.
"""

from __future__ import annotations

import argparse
import itertools
import math
import multiprocessing
import random
import statistics
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import sympy

import multilateral as ml

X = sympy.Symbol("x")


def build(n: int, family: str) -> ml.AnonymousGame:
    if family == "threshold":
        return ml.AnonymousGame.threshold(n, n // 2, benefit=300, cost=1)
    if family == "alternating":  # the polynomial cancels to far below its coefficients
        return ml.AnonymousGame([(-1) ** k * (k % 7 + 1) * (1 if k < n // 2 else -1)
                                 for k in range(n)], [0] * n)
    rng = random.Random(0)
    return ml.AnonymousGame([rng.randint(-5, 5) for _ in range(n)], [0] * n)


def power_poly(game: ml.AnonymousGame) -> sympy.Poly:
    """The gain polynomial in the power basis, as the old path built it."""
    m = game.n - 1
    gains = [Fraction(v) for v in game.gains.tolist()]
    coeffs = [sum((gains[k] * math.comb(m, k) * math.comb(m - k, j - k) * (-1) ** (j - k)
                   for k in range(j + 1)), Fraction(0)) for j in range(m + 1)]
    return sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in reversed(coeffs)],
                      X, domain=sympy.QQ)


def old_path(game: ml.AnonymousGame) -> list[Any]:
    """The pre-issue-13 ``_roots_exact`` (roots in (0, 1) and the signs between them)."""
    poly = power_poly(game)
    found: dict[float, Any] = {}
    for r in poly.real_roots(radicals=poly.degree() <= 2):
        if r.is_positive and (1 - r).is_positive:
            exact = Fraction(int(r.p), int(r.q)) if r.is_Rational else r
            found.setdefault(float(sympy.N(r, 30)), exact)
    interior = sorted(found.items())
    points = [0.0, *(v for v, _ in interior), 1.0]
    for lo, hi in itertools.pairwise(points):
        int(sympy.sign(poly.eval(sympy.Rational(Fraction((lo + hi) / 2)))))
    return [exact for _, exact in interior]


def clear_caches() -> None:
    from sympy.core.cache import clear_cache
    from sympy.polys import rootoftools

    clear_cache()
    for cache in (rootoftools._reals_cache, rootoftools._complexes_cache):
        cache._dict.clear()


def cold(fn: Callable[[ml.AnonymousGame], Any], n: int, family: str, repeats: int
         ) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeats):
        game = build(n, family)
        clear_caches()
        start = time.perf_counter()
        out = fn(game)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def _old_child(n: int, family: str, queue: Any) -> None:
    seconds, roots = cold(old_path, n, family, 1)
    queue.put((seconds, [r if isinstance(r, Fraction) else sympy.srepr(r) for r in roots]))


def run_old(n: int, family: str, timeout: float) -> tuple[float | None, list[Any] | None]:
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_old_child, args=(n, family, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, None
    seconds, roots = queue.get()
    return seconds, [r if isinstance(r, Fraction) else sympy.sympify(r) for r in roots]


def ours(game: ml.AnonymousGame) -> list[Any]:
    return [e for e in ml.solvers.symmetric_equilibria(game, exact=True) if not e.is_pure]


def sympy_intervals(game: ml.AnonymousGame) -> list[tuple[Fraction, Fraction]]:
    poly = power_poly(game)
    return [(Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q)))
            for (a, b), _ in poly.intervals(inf=0, sup=1)
            if not (a == b and a in (0, 1))]


def agree(mine: list[Any], intervals: list[tuple[Fraction, Fraction]],
          old: list[Any] | None) -> bool:
    if len(mine) != len(intervals):
        return False
    for lo, hi in intervals:  # disjoint isolating intervals: one of our roots in each
        slack = Fraction(1, 2**50)  # our floats are rounded: the root itself is within an ulp
        inside = [e for e in mine if lo - slack <= Fraction(e.probability) <= hi + slack]
        if len(inside) != 1:
            return False
    if old is None:
        return True
    if len(old) != len(mine):
        return False
    for e, r in zip(mine, old, strict=True):
        if isinstance(r, Fraction) or isinstance(e.exact, Fraction):
            if e.exact != r:
                return False
        elif abs(sympy.N(sympy.sympify(e.exact) - r, 60)) > 1e-40:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 150, 193, 500, 1000])
    parser.add_argument("--family", choices=["threshold", "random", "alternating"],
                        default="threshold")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before the old path is stopped")
    parser.add_argument("--old-max", type=int, default=193,
                        help="run the old path only up to this n (it factors: minutes beyond)")
    args = parser.parse_args(argv)
    ours(build(20, args.family))  # imports (sympy, scipy) before timing
    sympy_intervals(build(20, args.family))
    failures = 0
    print(f"multilateral from {ml.__file__}")
    print(f"family {args.family}; seconds, cold, median of {args.repeats} (old: one run)")
    print(f"{'n':>6} {'roots':>5} {'ours':>8} {'sympy intervals':>16} {'old path':>9} "
          f"{'old/ours':>9} {'sympy/ours':>10}  equal")
    for n in args.sizes:
        t_ours, mine = cold(ours, n, args.family, args.repeats)
        t_sym, intervals = cold(sympy_intervals, n, args.family, args.repeats)
        t_old, old = (run_old(n, args.family, args.timeout) if n <= args.old_max
                      else (None, None))
        same = agree(mine, intervals, old)
        failures += not same
        missing = f"> {args.timeout:.0f}" if n <= args.old_max else "not run"
        shown_old = f"{t_old:9.3f}" if t_old is not None else f"{missing:>9}"
        ratio_old = f"{t_old / t_ours:9.0f}" if t_old is not None else f"{'-':>9}"
        print(f"{n:>6} {len(mine):>5} {t_ours:8.3f} {t_sym:16.3f} {shown_old} {ratio_old} "
              f"{t_sym / t_ours:10.1f}  {'yes' if same else 'NO'}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
