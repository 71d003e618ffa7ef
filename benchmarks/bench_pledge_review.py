"""Benchmark pledge-and-review participation: the stability of every coalition size.

:meth:`multilateral.models.PledgeAndReview.stable_sizes` decides internal and external
stability of every size ``0..n`` in one numpy pass (exact inputs: the signs of the exact gains,
``x (x / 2 - 1)`` with ``x = w (k - 1)``, computed in Fractions). The target: every size for
``n = 200`` under a second, exact and float. Each repeat builds a fresh model (cold). The
script checks, in the same run, that the vectorized sizes equal (a) the stability of every
size decided from the payoffs themselves (``pi_n(k - 1) - pi_s(k)`` and ``pi_s(k + 1) -
pi_n(k)``, not the sign routine the numpy pass uses), (b) the closed form
``floor(2 / w) + 1`` (``"join"``, ``n`` not binding), and (c) at ``w = 1`` the stable sizes of
:class:`~multilateral.models.SelfEnforcingAgreement` (the top-down model), and exits 1 on any
disagreement or a missed target. It also times :meth:`PledgeAndReview.preferred_from` at a
tiny weight (``w = 1e-9``: everyone participates up to two billion; closed form, checked
against the sign change of ``w n (n - 1)**2 (1 - w / 2) - 6 (n - 2)``).

Usage::

    python benchmarks/bench_pledge_review.py [--n 200] [--repeats 7]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from multilateral.models import PledgeAndReview, SelfEnforcingAgreement

TARGET_S = 1.0


def median_s(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median seconds of ``run()`` over ``repeats`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 1 if the target is missed or two answers disagree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="countries (default 200)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    n, w = args.n, Fraction(13, 97)
    ok = True

    def exact() -> PledgeAndReview:
        return PledgeAndReview(n=n, benefit=Fraction(7, 3), cost=Fraction(11, 5), others_weight=w)

    def floats() -> PledgeAndReview:
        return PledgeAndReview(n=n, benefit=7 / 3, cost=11 / 5, others_weight=13 / 97)

    t_exact, sizes = median_s(lambda: exact().stable_sizes(), args.repeats)
    t_float, sizes_f = median_s(lambda: floats().stable_sizes(), args.repeats)
    def from_payoffs() -> tuple[int, ...]:
        m, out = exact(), []
        for k in range(n + 1):  # indifferent countries join (the default tie rule)
            if k and m.non_signatory_payoff(k - 1) - m.signatory_payoff(k) > 0:
                continue
            if k < n and m.signatory_payoff(k + 1) - m.non_signatory_payoff(k) >= 0:
                continue
            out.append(k)
        return tuple(out)

    t_loop, loop = median_s(from_payoffs, max(1, args.repeats // 3))
    tiny = Fraction(1, 10**9)
    t_pref, pref = median_s(lambda: PledgeAndReview(
        n=2, benefit=1, cost=1, others_weight=tiny).preferred_from(), args.repeats)
    gap = [tiny * k * (k - 1) ** 2 * (1 - tiny / 2) - 6 * (k - 2)
           for k in (int(pref.value) - 1, int(pref.value))]
    t_top, top = median_s(lambda: SelfEnforcingAgreement(
        n=n, benefit=Fraction(7, 3), cost=Fraction(11, 5)).stable_sizes(), args.repeats)
    t_w1, sizes_w1 = median_s(lambda: exact().with_(others_weight=1).stable_sizes(),
                              args.repeats)
    closed = (min(n, math.floor(2 / w) + 1),)
    print(f"n = {n}, w = {w}: stable sizes {sizes}")
    print(f"  every size, exact (numpy pass):   {1e3 * t_exact:8.2f} ms")
    print(f"  every size, float (numpy pass):   {1e3 * t_float:8.2f} ms")
    print(f"  every size from the payoffs:      {1e3 * t_loop:8.2f} ms (the check)")
    print(f"  preferred_from, w = 1e-9:         {1e3 * t_pref:8.2f} ms, {pref}")
    print(f"  top-down SelfEnforcingAgreement:  {1e3 * t_top:8.2f} ms, sizes {top}")
    print(f"  w = 1 (must equal top-down):      {1e3 * t_w1:8.2f} ms, sizes {sizes_w1}")
    for label, got, want in (("float", sizes_f, sizes), ("per-size loop", loop, sizes),
                             ("closed form", closed, sizes), ("w = 1 vs top-down", sizes_w1,
                                                                top)):
        if got != want:
            print(f"DISAGREE ({label}): {got} != {want}")
            ok = False
    if not gap[0] <= 0 < gap[1]:
        print(f"DISAGREE (preferred_from): the gap at {pref} is {gap}")
        ok = False
    if max(t_exact, t_float) > TARGET_S:
        print(f"MISSED the {TARGET_S} s target")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
