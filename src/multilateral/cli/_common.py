"""What the command modules share: the program's name and the error that ends a command."""

from __future__ import annotations

from .._namespace import public_dir

__all__ = ["PROG", "CommandError"]
__dir__ = public_dir(__all__)

#: The program's name, as the user types it.
PROG = "multilateral"


class CommandError(Exception):
    """A bad argument: :func:`multilateral.cli.main` prints ``multilateral: error: <message>``
    and returns 2. The message says what is wrong and what is expected, on one line."""
