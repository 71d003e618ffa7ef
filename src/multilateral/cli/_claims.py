"""``multilateral claims list`` and ``multilateral claims verify [NAME ...]``."""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections.abc import Iterable
from typing import Any

from .._namespace import public_dir
from ._common import PROG, CommandError

__all__ = ["DEFAULT_MAX_EXAMPLES", "add_parser", "run_list", "run_verify"]
__dir__ = public_dir(__all__)

#: Examples per claim by default: all 51 claims in about 10 s (100 examples: about 45 s;
#: measured on a loaded 2-core machine).
DEFAULT_MAX_EXAMPLES = 20


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {text!r}")
    return value


def add_parser(sub: Any) -> None:  # Any: argparse's subparsers action has no public type
    parser = sub.add_parser(
        "claims",
        help="list the theories' claims, or search them for counterexamples",
        description="The theories' claims (multilateral.claims): each a cited statement "
        "checked over a class of instances. A few are foils: popular, unqualified readings "
        "registered in order to be refuted (olson_group_size, power_proportional_to_weight); "
        "'claims list' marks them and 'claims verify' expects them to fail.",
    )
    parser.set_defaults(run=lambda args: parser.print_help() or 0)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser(
        "list", help="every registered claim, with its source",
        description="Print every registered claim's name and source, with 'foil' between "
        "them for a claim the library states in order to refute it (expected to fail).")
    listing.set_defaults(run=run_list)
    check = actions.add_parser(
        "verify",
        help="search claims for counterexamples",
        description="Search each claim's class of instances for a counterexample (with "
        "hypothesis, writing nothing to the current folder) and print one line per claim: "
        "its name, its verdict and the time taken. A verdict is 'holds', or for a foil (a "
        "claim stated in order to be refuted) 'fails, as expected', with the simplest "
        "counterexample found under it; the unexpected ones are in capitals: 'FAILS' (a "
        "claim expected to hold has a counterexample, printed under it), 'HOLDS' (no "
        "counterexample to a foil: too few examples, or a foil that is not one) and 'ERROR' "
        "(the check raised). Exit status 1 if any verdict is unexpected, else 0.",
    )
    check.add_argument("names", metavar="NAME", nargs="*",
                       help="claims to verify, as 'multilateral claims list' names them "
                       "(default: all)")
    check.add_argument("--max-examples", type=_positive, default=DEFAULT_MAX_EXAMPLES,
                       metavar="N", help="instances tried per claim at most (default "
                       f"{DEFAULT_MAX_EXAMPLES}; more is slower and finds rarer "
                       "counterexamples)")
    check.add_argument("--seed", type=_seed, default=None, metavar="S",
                       help="draw other instances, reproducibly (default: hypothesis's fixed "
                       "derandomized sequence)")
    check.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    check.set_defaults(run=run_verify)


def _close_matches(name: str, known: Iterable[str]) -> list[str]:
    """Registered names like ``name``: close as a whole (a typo, the constant's upper case),
    or having a word close to one of its words (``olsen`` finds the ``olson_*`` claims)."""
    key = name.lower().replace("-", "_")
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    if close:
        return close
    words = {w for w in key.split("_") if len(w) > 2}
    return sorted(
        other for other in known
        if any(difflib.get_close_matches(w, other.split("_"), cutoff=0.75) for w in words)
    )[:6]


def run_list(args: argparse.Namespace) -> int:
    from ..claims import catalogue

    known = catalogue()
    width = max(len(name) for name in known)
    for name in sorted(known):
        mark = "foil" if known[name].expected == "fails" else ""
        print(f"{name:<{width}}  {mark:<4}  {known[name].source}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from ..claims import catalogue

    known = catalogue()
    names = list(dict.fromkeys(args.names)) or sorted(known)  # as given, once each
    for name in names:
        if name not in known:
            close = _close_matches(name, known)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise CommandError(f"no claim named {name!r}; {hint}'{PROG} claims list' "
                               f"shows all {len(known)}")
    width = max(len(name) for name in names)
    counts = dict.fromkeys(_OUTCOMES, 0)
    start = time.perf_counter()
    for k, name in enumerate(names, start=1):
        if not args.quiet:
            print(f"[{k}/{len(names)}] {name}", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            verdict = known[name].verify(max_examples=args.max_examples, seed=args.seed)
            outcome, detail = _outcome(verdict, args.max_examples)
        except Exception as err:  # a broken predicate: report it with the others
            outcome, detail = "ERROR", f"{type(err).__name__}: {err}"
        counts[outcome] += 1
        print(f"{name:<{width}}  {outcome:<{_OUTCOME_WIDTH}}  "
              f"{time.perf_counter() - began:6.2f} s", flush=True)
        if detail is not None:
            print(f"    {detail}", flush=True)
    held, refuted = counts["holds"], counts[_FOIL_REFUTED]
    unexpected = len(names) - held - refuted
    which = ", ".join(f"{counts[o]} {o}" for o in _UNEXPECTED if counts[o])
    seeded = "" if args.seed is None else f", seed {args.seed}"
    print(f"{len(names)} claim{'s' * (len(names) != 1)}: {held} hold{'s' * (held == 1)}, "
          f"{refuted} foil{'s' * (refuted != 1)} fail{'s' * (refuted == 1)} as expected, "
          f"{unexpected} unexpected{f' ({which})' if which else ''} (at most "
          f"{args.max_examples} examples each{seeded}; {time.perf_counter() - start:.1f} s)")
    return 1 if unexpected else 0


#: A foil (``Claim.expected == "fails"``) with a counterexample: the library's verdict.
_FOIL_REFUTED = "fails, as expected"
#: The verdicts that make ``claims verify`` exit 1, in capitals so that they stand out.
_UNEXPECTED = ("FAILS", "HOLDS", "ERROR")
_OUTCOMES = ("holds", _FOIL_REFUTED, *_UNEXPECTED)
_OUTCOME_WIDTH = max(len(o) for o in _OUTCOMES)


def _outcome(verdict: Any, max_examples: int) -> tuple[str, str | None]:  # Any: a Verdict
    """The printed verdict and the line under it (or None), against the claim's expectation."""
    counterexample = f"counterexample: {verdict.counterexample!r}"
    if verdict.expected == "fails":
        if verdict.holds:
            return "HOLDS", (f"expected to fail (a foil), but no counterexample in at most "
                             f"{max_examples} examples; try more, or another --seed")
        return _FOIL_REFUTED, counterexample
    return ("holds", None) if verdict.holds else ("FAILS", counterexample)
