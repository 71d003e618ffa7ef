"""What ``dir()`` shows of a public module: its public API, nothing it imported to work.

A module sets ``__dir__ = public_dir(__all__)`` (PEP 562), so that ``dir(ml.automata)`` and
tab completion list the module's ``__all__``, not ``np``, ``Any`` or ``annotations``.

Examples
--------
>>> from multilateral._namespace import public_dir
>>> public_dir(["b", "a"], "sub")()
['a', 'b', 'sub']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["public_dir"]


def public_dir(names: Iterable[str], *extra: str) -> Callable[[], list[str]]:
    """A module-level ``__dir__`` that lists ``names`` (the module's ``__all__``) and ``extra``.

    Parameters
    ----------
    names : iterable of str
        The module's public names, usually its ``__all__``.
    *extra : str
        Further names to list, such as public submodules of a package.

    Returns
    -------
    callable
        A function of no arguments returning the sorted names, to assign to ``__dir__``.
    """
    listed = sorted({*names, *extra})

    def __dir__() -> list[str]:
        return list(listed)

    return __dir__
