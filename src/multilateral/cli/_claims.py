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
        "checked over a class of instances. Some are stated unqualified on purpose, to show "
        "where a theory's claim fails (olson_group_size, power_proportional_to_weight).",
    )
    parser.set_defaults(run=lambda args: parser.print_help() or 0)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="every registered claim, with its source",
                                 description="Print every registered claim's name and source.")
    listing.set_defaults(run=run_list)
    check = actions.add_parser(
        "verify",
        help="search claims for counterexamples",
        description="Search each claim's class of instances for a counterexample (with "
        "hypothesis, writing nothing to the current folder) and print one line per claim: "
        "its name, 'holds' or 'FAILS', and the time taken, with the simplest counterexample "
        "found under a claim that fails. Exit status 1 if any claim fails, else 0.",
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
        print(f"{name:<{width}}  {known[name].source}")
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
    failed = 0
    start = time.perf_counter()
    for k, name in enumerate(names, start=1):
        if not args.quiet:
            print(f"[{k}/{len(names)}] {name}", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            verdict = known[name].verify(max_examples=args.max_examples, seed=args.seed)
            outcome, detail = ("holds", None) if verdict else (
                "FAILS", f"counterexample: {verdict.counterexample!r}")
        except Exception as err:  # a broken predicate: report it with the others
            outcome, detail = "ERROR", f"{type(err).__name__}: {err}"
        failed += outcome != "holds"
        print(f"{name:<{width}}  {outcome:<5}  {time.perf_counter() - began:6.2f} s", flush=True)
        if detail is not None:
            print(f"    {detail}", flush=True)
    held = len(names) - failed
    seeded = "" if args.seed is None else f", seed {args.seed}"
    print(f"{len(names)} claim{'s' * (len(names) != 1)}: {held} hold{'s' * (held == 1)}, "
          f"{failed} fail{'s' * (failed == 1)} (at most {args.max_examples} examples "
          f"each{seeded}; {time.perf_counter() - start:.1f} s)")
    return 1 if failed else 0
