"""Write the small intersphinx inventories in this folder: ``python -m`` or run directly.

The docs build offline (CI has no network), so intersphinx cannot download the projects'
``objects.inv``. Each inventory here holds exactly the targets the docs reference, with the
URI that the project's own inventory gives, relative to the base URL that ``docs/conf.py``
maps it to. To link a new external name: add a row below, run this script, commit the
``.inv`` files. tests/test_reference_docs.py checks that every mapping of conf.py uses a
file of this folder and that the files match this table.

Where the URIs come from (checked 2026-12): Python 3.11, SciPy 1.10, pandas 1.5 and SymPy
1.11: the ``objects.inv`` of Debian's ``python3.11-doc``, ``python-scipy-doc``,
``python-pandas-doc`` and ``python-sympy-doc`` packages (the same Sphinx builds as the sites);
Hypothesis: ``hypothesis-python/docs/reference/api.rst`` (``given``, ``example`` on
``reference/api.html`` since the 2025 reorganisation of its docs); NumPy and Matplotlib:
their autosummary pages (``reference/generated/<name>.html``, ``api/_as_gen/<name>.html``)
and the random-generator page; nashpy: ``docs/reference/source/nashpy.rst``, which documents
``Game`` as ``nashpy.game.Game``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: project key -> (project name, version, base URL, [(name, domain:role, uri)]).
#: A uri ending in ``$`` stands for the name itself (the Sphinx inventory convention).
INVENTORIES: dict[str, tuple[str, str, str, list[tuple[str, str, str]]]] = {
    "python": ("Python", "3", "https://docs.python.org/3/", [
        ("ast", "py:module", "library/ast.html#module-ast"),
        ("collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
        ("dataclasses.FrozenInstanceError", "py:exception", "library/dataclasses.html#$"),
        ("dataclasses.replace", "py:function", "library/dataclasses.html#$"),
        ("datetime.date", "py:class", "library/datetime.html#$"),
        ("fractions.Fraction", "py:class", "library/fractions.html#$"),
        ("html.parser", "py:module", "library/html.parser.html#module-html.parser"),
        ("os.replace", "py:function", "library/os.html#$"),
        ("types.UnionType", "py:class", "library/types.html#$"),
        ("typing.Literal", "py:data", "library/typing.html#$"),
    ]),
    "numpy": ("NumPy", "stable", "https://numpy.org/doc/stable/", [
        ("numpy.dtype", "py:class", "reference/generated/numpy.dtype.html#$"),
        ("numpy.int64", "py:class", "reference/arrays.scalars.html#$"),
        ("numpy.linalg.solve", "py:function", "reference/generated/numpy.linalg.solve.html#$"),
        ("numpy.ndarray", "py:class", "reference/generated/numpy.ndarray.html#$"),
        ("numpy.random.Generator", "py:class", "reference/random/generator.html#$"),
        ("numpy.random.default_rng", "py:function", "reference/random/generator.html#$"),
        ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#$"),
    ]),
    "scipy": ("SciPy", "stable", "https://docs.scipy.org/doc/scipy/", [
        ("scipy.integrate.solve_ivp", "py:function",
         "reference/generated/scipy.integrate.solve_ivp.html#$"),
        ("scipy.optimize.minimize", "py:function",
         "reference/generated/scipy.optimize.minimize.html#$"),
        ("scipy.sparse", "py:module", "reference/sparse.html#module-scipy.sparse"),
        ("scipy.sparse.csr_array", "py:class", "reference/generated/scipy.sparse.csr_array.html#$"),
        ("scipy.sparse.linalg.spsolve", "py:function",
         "reference/generated/scipy.sparse.linalg.spsolve.html#$"),
        ("scipy.stats", "py:module", "reference/stats.html#module-scipy.stats"),
        ("scipy.stats.qmc.LatinHypercube", "py:class",
         "reference/generated/scipy.stats.qmc.LatinHypercube.html#$"),
    ]),
    "sympy": ("SymPy", "latest", "https://docs.sympy.org/latest/", [
        ("sympy.core.numbers.Rational", "py:class", "modules/core.html#$"),
    ]),
    "hypothesis": ("Hypothesis", "latest", "https://hypothesis.readthedocs.io/en/latest/", [
        ("hypothesis.example", "py:class", "reference/api.html#$"),
        ("hypothesis.given", "py:function", "reference/api.html#$"),
    ]),
    "nashpy": ("Nashpy", "stable", "https://nashpy.readthedocs.io/en/stable/", [
        # nashpy exports Game at the top level; its page documents it under nashpy.game
        ("nashpy.Game", "py:class", "reference/source/nashpy.html#nashpy.game.Game"),
    ]),
    "pandas": ("pandas", "stable", "https://pandas.pydata.org/docs/", [
        ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#$"),
    ]),
    "matplotlib": ("Matplotlib", "stable", "https://matplotlib.org/stable/", [
        ("matplotlib.axes.Axes", "py:class", "api/_as_gen/matplotlib.axes.Axes.html#$"),
        ("matplotlib.collections.QuadMesh", "py:class", "api/collections_api.html#$"),
        ("matplotlib.container.BarContainer", "py:class", "api/container_api.html#$"),
        ("matplotlib.patches.Rectangle", "py:class",
         "api/_as_gen/matplotlib.patches.Rectangle.html#$"),
        ("matplotlib.table.Table", "py:class", "api/table_api.html#$"),
    ]),
}


def inventory_bytes(project: str, version: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An ``objects.inv`` (Sphinx inventory version 2) of ``entries``."""
    header = (f"# Sphinx inventory version 2\n# Project: {project}\n# Version: {version}\n"
              "# The remainder of this file is compressed using zlib.\n").encode()
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(entries))
    return header + zlib.compress(body.encode(), 9)


def path(key: str) -> Path:
    return HERE / f"{key}.inv"


def main() -> None:
    for key, (project, version, _base, entries) in INVENTORIES.items():
        path(key).write_bytes(inventory_bytes(project, version, entries))
        print(f"{path(key).name}: {len(entries)} targets")


if __name__ == "__main__":
    main()
