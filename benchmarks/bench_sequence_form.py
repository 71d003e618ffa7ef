"""Benchmark the sequence-form equilibrium of a poker game with a few hundred information sets,
beside pygambit's ``lcp_solve`` on the same tree.

The game: Kuhn's poker with a deck of ``k`` cards instead of three (each player antes 1 and is
dealt one card; player 1 checks or bets 1; after a check player 2 checks or bets, and player 1
then folds or calls; after a bet player 2 folds or calls; the higher card wins the pot). Each
player has ``2k`` information sets (a card and a betting history) and ``4k + 1`` sequences; the
reduced normal form has ``3^k x 4^k`` pure strategy profiles: player 1 has ``3^k`` reduced
strategies (bet, or check then fold or call, per card) and player 2 ``4^k`` (two binary choices
per card), so at ``k = 100`` cards (400 information sets) about ``10^108`` profiles.

Ours: :func:`multilateral.solvers.extensive.sequence_form_equilibrium` in floats
(``exact=False``) on a freshly built game each repetition (the game object caches derived
arrays, so every timing is cold; the build is timed apart). The peer: pygambit's
``gbt.nash.lcp_solve(game, rational=False)`` on the same tree handed over as ``.efg`` text
(``pygambit.read_efg``, timed apart as the peer's build); it solves the same sequence-form LCP
(Koller, Megiddo and von Stengel 1996) by Lemke's algorithm from its own start. The game is
zero-sum, so every equilibrium has the same payoffs (the value): the script checks in the same
run that both payoffs agree within 1e-6 and that ours passes its best-response check, and exits
1 otherwise.

Usage::

    python benchmarks/bench_sequence_form.py --cards 13 20 30 100   # pygambit up to 30 cards
    python benchmarks/bench_sequence_form.py --cards 13 --repeat 1
    python benchmarks/bench_sequence_form.py --no-peer

Run it under ``prlimit --as=6000000000`` on a shared machine.
"""

from __future__ import annotations

import argparse
import io
import math
import statistics
import subprocess
import sys
import time
from fractions import Fraction

import multilateral as ml
from multilateral.games.extensive import Chance, Decision, ExtensiveFormGame, Outcome
from multilateral.solvers.extensive import sequence_form, sequence_form_equilibrium


def poker(k: int) -> ExtensiveFormGame:
    """Kuhn poker with ``k`` cards (ranks 0..k-1): payoffs of player 1, player 2."""
    deals = {}
    weight = Fraction(1, k * (k - 1))
    for c1 in range(k):
        for c2 in range(k):
            if c1 == c2:
                continue
            w = 1 if c1 > c2 else -1

            def o(v: int) -> Outcome:
                return Outcome([v, -v])

            deals[f"{c1}-{c2}"] = (weight, Decision("1", {
                "check": Decision("2", {
                    "check": o(w),
                    "bet": Decision("1", {"fold": o(-1), "call": o(2 * w)}, infoset=f"1:{c1}cb"),
                }, infoset=f"2:{c2}c"),
                "bet": Decision("2", {"fold": o(1), "call": o(2 * w)}, infoset=f"2:{c2}b"),
            }, infoset=f"1:{c1}"))
    return ExtensiveFormGame(Chance(deals), players=["1", "2"], title=f"Kuhn poker, {k} cards")


def load() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False
                              ).stdout.strip()
    except OSError:  # pragma: no cover
        return "uptime unavailable"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, nargs="+", default=[100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--peer-max", type=int, default=30,
                        help="run pygambit only up to this many cards (it slows down fast)")
    args = parser.parse_args(argv)
    gbt = None
    if not args.no_peer:
        try:
            import pygambit as gbt
        except ImportError:
            print("pygambit not installed: ours only")
    print(load())
    failed = False
    for k in args.cards:
        t0 = time.perf_counter()
        game = poker(k)
        build = time.perf_counter() - t0
        sf = sequence_form(game)
        sets = [len(game.infosets_of(i)) for i in range(2)]
        reduced = k * math.log10(3) + k * math.log10(4)
        print(f"\nk = {k} cards: {game.n_nodes} nodes, information sets {sets} "
              f"({sum(sets)}), sequences {[len(s) for s in sf.sequences]}, reduced normal "
              f"form 3^{k} x 4^{k} = 10^{reduced:.1f} profiles; build {build:.2f} s")
        ours, theirs = [], []
        eq = None
        for _ in range(args.repeat):
            fresh = poker(k)
            t0 = time.perf_counter()
            eq = sequence_form_equilibrium(fresh, exact=False)
            ours.append(time.perf_counter() - t0)
        assert eq is not None
        ok = eq.verify()
        print(f"  ours   : median {statistics.median(ours):.3f} s (min {min(ours):.3f}, "
              f"{eq.pivots} pivots), payoffs {eq.payoffs[0]:.9f}, {eq.payoffs[1]:.9f}; "
              f"best-response check {'passed' if ok else 'FAILED'}")
        failed |= not ok
        if gbt is None or k > args.peer_max:
            continue
        text = ml.io.format_efg(game)
        t0 = time.perf_counter()
        peer_game = gbt.read_efg(io.StringIO(text))
        read = time.perf_counter() - t0
        res = None
        for _ in range(args.repeat):
            peer_game = gbt.read_efg(io.StringIO(text))
            t0 = time.perf_counter()
            res = gbt.nash.lcp_solve(peer_game, rational=False)
            theirs.append(time.perf_counter() - t0)
        assert res is not None
        peq = res.equilibria[0]
        pay = [float(peq.payoff(p)) for p in peer_game.players]
        same = all(abs(a - b) <= 1e-6 for a, b in zip(pay, eq.payoffs, strict=True))
        failed |= not same
        ratio = statistics.median(theirs) / statistics.median(ours)
        print(f"  pygambit lcp_solve: median {statistics.median(theirs):.3f} s (min "
              f"{min(theirs):.3f}; read_efg {read:.2f} s), payoffs {pay[0]:.9f}, {pay[1]:.9f}; "
              f"{'equal' if same else 'DIFFERENT'}; ratio pygambit/ours {ratio:.1f}x")
    print(load())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
