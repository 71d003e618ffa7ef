"""Game files: Gambit's ``.nfg`` (normal form) and ``.efg`` (extensive form) formats, and
conversion to and from ``pygambit`` games.

`Gambit <https://www.gambit-project.org>`__ stores games as plain text; numbers stay exact
(integers, ``p/q`` fractions and decimals are read as exact fractions). A malformed or
truncated file raises :class:`~multilateral.errors.MalformedFileError` naming the line.

* :func:`read_nfg`, :func:`parse_nfg`, :func:`write_nfg`, :func:`format_nfg`: a
  :class:`~multilateral.NormalFormGame` (:mod:`multilateral.io.nfg`).
* :func:`read_efg`, :func:`parse_efg`, :func:`write_efg`, :func:`format_efg`: an
  :class:`~multilateral.ExtensiveFormGame` (:mod:`multilateral.io.efg`).
* :func:`to_pygambit`, :func:`from_pygambit`: the same games as ``pygambit.Game`` objects
  (needs the optional ``pygambit`` package; :mod:`multilateral.io.gambit`).

Examples
--------
>>> import multilateral as ml
>>> pd = ml.io.parse_nfg('NFG 1 R "PD" { "Row" "Column" } { 2 2 }  3 3 5 0 0 5 1 1')
>>> pd.payoffs[1, 0].tolist()        # Row defects (D), Column cooperates (C)
[5, 0]
"""

from .._namespace import public_dir
from .efg import format_efg, parse_efg, read_efg, write_efg
from .gambit import from_pygambit, to_pygambit
from .nfg import format_nfg, parse_nfg, read_nfg, write_nfg

__all__ = [
    "format_efg",
    "format_nfg",
    "from_pygambit",
    "parse_efg",
    "parse_nfg",
    "read_efg",
    "read_nfg",
    "to_pygambit",
    "write_efg",
    "write_nfg",
]
__dir__ = public_dir(__all__)
