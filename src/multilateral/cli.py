"""The ``multilateral`` console command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console command; returns the exit status.

    Examples
    --------
    >>> from multilateral.cli import main
    >>> main(["--version"])
    multilateral 0.1.0
    0
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="multilateral",
        description="Game-theoretic models of international cooperation.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("tour", help="a short guided run of the models and cases")
    args = parser.parse_args(argv)
    if args.version:
        print(f"multilateral {__version__}")
        return 0
    if args.command == "tour":
        from .tour import run_tour

        print(f"multilateral {__version__}: a tour")
        run_tour(sys.stdout)
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
