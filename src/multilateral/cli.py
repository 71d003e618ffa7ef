"""The ``multilateral`` console command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._namespace import public_dir

__all__ = ["main"]
__dir__ = public_dir(__all__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console command; returns the exit status.

    See Also
    --------
    multilateral.tour.run_tour : what ``multilateral tour`` prints.
    multilateral.report.write_report : the report it writes.

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
    tour = sub.add_parser(
        "tour",
        help="a short guided run of the models and cases, also written as an HTML report",
    )
    tour.add_argument(
        "--report", metavar="DIR", default=None,
        help="folder for the HTML report (index.html and PNG figures); "
        "default ./multilateral-tour",
    )
    tour.add_argument("--no-report", action="store_true", help="print the tour only")
    tour.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    args = parser.parse_args(argv)
    if args.version:
        print(f"multilateral {__version__}")
        return 0
    if args.command == "tour":
        from .tour import run_tour

        print(f"multilateral {__version__}: a tour")
        texts = run_tour(sys.stdout)
        if not args.no_report:
            from .report import DEFAULT_FOLDER, write_report

            page = write_report(args.report or DEFAULT_FOLDER, progress=not args.quiet,
                                texts=texts)
            print(f"\nReport written to {page}")
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
