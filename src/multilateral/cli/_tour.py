"""``multilateral tour``: the tour, printed and written as an HTML report."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from .._namespace import public_dir
from ._common import PROG, CommandError

__all__ = ["add_parser", "check_report_folder", "run"]
__dir__ = public_dir(__all__)

# the <title> report.write_report gives its page; how a previous report is recognised
_REPORT_TITLE = re.compile(rb"<title>multilateral [^<]*: a tour</title>")
_EXPECTED = "expected a new folder, an empty one, or a previous tour report to replace"


def add_parser(sub: Any) -> None:  # Any: argparse's subparsers action has no public type
    parser = sub.add_parser(
        "tour",
        help="a short guided run of the models and cases, also written as an HTML report",
        description="Run every section of the tour (the library's models on their cases, "
        "each number computed), print it, and write it as a self-contained HTML report "
        "(index.html and PNG figures).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--report", metavar="DIR", default=None,
        help="folder for the report (default ./multilateral-tour): a new folder inside an "
        "existing one, an empty folder, or a previous report, whose index.html and figures "
        "are replaced; checked before the tour starts",
    )
    where.add_argument("--no-report", action="store_true", help="print the tour only")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress counter on stderr while the report is written")
    parser.set_defaults(run=run)


def check_report_folder(folder: Path) -> None:
    """Raise :class:`CommandError` unless ``folder`` can take the report.

    It can if it is a folder you can write in that is empty or holds a previous report, or
    if it does not exist and its parent is a folder you can write in. Nothing is created.
    """
    shown = f"--report {os.fspath(folder)!r}"
    if folder.is_symlink() and not folder.exists():
        raise CommandError(f"{shown} is a broken symbolic link; {_EXPECTED}")
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{shown} is a file, not a folder; {_EXPECTED}")
    if folder.is_dir():
        if not _can_write_in(folder):
            raise CommandError(f"{shown}: cannot write in this folder; expected a folder "
                               "you can write in")
        if any(folder.iterdir()) and not _holds_report(folder):
            raise CommandError(f"{shown} is a folder with other files and no tour report "
                               f"in it; {_EXPECTED}")
        return
    parent = folder.absolute().parent
    if not parent.is_dir():
        raise CommandError(f"{shown}: the folder it would go in, {os.fspath(parent)!r}, does "
                           "not exist; expected a new folder inside an existing one")
    if not _can_write_in(parent):
        raise CommandError(f"{shown} cannot be created: cannot write in "
                           f"{os.fspath(parent)!r}; expected a folder you can write in")


def _can_write_in(folder: Path) -> bool:
    # try it: permission bits do not tell (root, read-only file systems, ACLs)
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _holds_report(folder: Path) -> bool:
    page = folder / "index.html"
    try:
        with page.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return _REPORT_TITLE.search(head) is not None


def run(args: argparse.Namespace) -> int:
    from .. import __version__
    from ..report import DEFAULT_FOLDER, write_report
    from ..tour import run_tour

    folder = None if args.no_report else Path(args.report or DEFAULT_FOLDER)
    if folder is not None:
        check_report_folder(folder)  # before the tour: a bad folder fails at once
    print(f"{PROG} {__version__}: a tour")
    texts = run_tour(sys.stdout)
    if folder is not None:
        try:
            page = write_report(folder, progress=not args.quiet, texts=texts)
        except OSError as err:  # the folder changed since it was checked
            raise CommandError(f"could not write the report in {os.fspath(folder)!r}: "
                               f"{err.strerror or err}") from None
        print(f"\nReport written to {page}")
    return 0
