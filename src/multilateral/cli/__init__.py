"""The ``multilateral`` console command.

Four commands, one module each:

* ``multilateral tour [--report DIR | --no-report] [--quiet]``: a guided run of the models on
  their cases, printed and written as an HTML report (``_tour.py``);
* ``multilateral solve FILE.nfg [--pure] [--float]``: the Nash equilibria of a game in a Gambit
  ``.nfg`` file, in exact arithmetic (``_solve.py``);
* ``multilateral claims list`` and ``multilateral claims verify [NAME ...]``: the theories'
  registered claims, and a search for counterexamples to them (``_claims.py``).

A bad argument (a file that cannot be read, a report folder that cannot take the report, an
unknown claim) ends the command with one line ``multilateral: error: ...`` on stderr and exit
status 2, argparse's convention for usage errors, before any long computation starts.

See the how-to page "Use the command line" for each command with its output.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .._namespace import public_dir
from . import _claims, _solve, _tour
from ._common import PROG, CommandError

__all__ = ["main"]
__dir__ = public_dir(__all__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Game-theoretic models of international cooperation.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's arguments.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _tour.add_parser(sub)
    _solve.add_parser(sub)
    _claims.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console command; returns the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program's name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success; 1 when ``claims verify`` finds a claim that fails; 2 on a bad argument
        (one line ``multilateral: error: ...`` on stderr; argparse itself exits with 2 on an
        unknown option).

    See Also
    --------
    multilateral.tour.run_tour : what ``multilateral tour`` prints.
    multilateral.report.write_report : the report it writes.
    multilateral.io.read_nfg : how ``multilateral solve`` reads its file.
    multilateral.claims.verify : what ``multilateral claims verify`` runs.

    Examples
    --------
    >>> from multilateral.cli import main
    >>> main(["--version"])
    multilateral 0.1.0
    0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from .. import __version__

        print(f"{PROG} {__version__}")
        return 0
    if args.command is None:
        parser.print_help()
        return 0
    try:
        status: int = args.run(args)
    except CommandError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader left (``multilateral claims list | head``)
        # send what is still buffered nowhere, so that exiting does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
