"""Packaging metadata: one version everywhere, the license, the citation, the changelog, the
classifiers, and a MANIFEST.in that ships what the sdist needs to run its own tests.

Cheap checks on the files themselves (no build): CI builds the sdist and the wheel, checks their
contents (``.ci/check_dist.py``) and runs these tests from the unpacked sdist with the declared
minimum versions (``.ci/sdist_min_versions``). The tests also run there, so they read only
files that the sdist ships.
"""

from __future__ import annotations

import ast
import datetime
import fnmatch
import re
import tomllib
from pathlib import Path

import pytest
import yaml  # PyYAML: a dependency of dask, which the `test` extra installs

import multilateral

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def init_version() -> str:
    """``__version__`` as written in the package's ``__init__.py`` (the one literal)."""
    tree = ast.parse((ROOT / "src" / "multilateral" / "__init__.py").read_text(encoding="utf-8"))
    values = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
        and isinstance(node.value, ast.Constant)
    ]
    assert len(values) == 1, f"expected one literal __version__ in __init__.py, found {values}"
    return str(values[0])


def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def newest_changelog_entry() -> tuple[str, str]:
    """``(version, date)`` of the first ``## [version] - date`` heading of CHANGELOG.md."""
    for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})", line)
        if match:
            return match["version"], match["date"]
    raise AssertionError("CHANGELOG.md has no '## [version] - YYYY-MM-DD' entry")


# -- one version ---------------------------------------------------------------------------


def test_the_version_has_one_source():
    """pyproject takes the version from ``multilateral.__version__``, not a second literal."""
    assert "version" not in PROJECT, "pyproject.toml must not state the version itself"
    assert "version" in PROJECT["dynamic"]
    dynamic = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "multilateral.__version__"}
    assert multilateral.__version__ == init_version()
    # PEP 440, release segment only (no local versions on a release)
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?", init_version())


def test_citation_and_changelog_carry_the_package_version():
    version, date = newest_changelog_entry()
    assert str(citation()["version"]) == init_version()
    assert version == init_version()
    assert str(citation()["date-released"]) == date


# -- citation ------------------------------------------------------------------------------


def test_citation_cff_has_the_required_and_promised_fields():
    cff = citation()
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "abstract"):  # message, title, authors: required by CFF
        assert isinstance(cff[key], str) and cff[key].strip(), key
    assert cff["type"] == "software"
    assert cff["license"] == PROJECT["license"]  # an SPDX identifier, as in pyproject
    # YAML reads an unquoted date as a date; quoted, it must still be one
    datetime.date.fromisoformat(str(cff["date-released"]))
    names = [author.get("name") for author in cff["authors"]]
    assert names == [author["name"] for author in PROJECT["authors"]]


# -- license -------------------------------------------------------------------------------


def test_license_file_is_bsd_3_clause_and_declared():
    assert PROJECT["license"] == "BSD-3-Clause"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = " ".join((ROOT / "LICENSE").read_text(encoding="utf-8").split())
    assert text.startswith("BSD 3-Clause License")
    assert "Copyright (c) 2026, The multilateral developers" in text
    # the three conditions and the disclaimer, in the SPDX BSD-3-Clause wording
    for clause in (
        "1. Redistributions of source code must retain the above copyright notice",
        "2. Redistributions in binary form must reproduce the above copyright notice",
        "3. Neither the name of the copyright holder nor the names of its contributors may be "
        "used to endorse or promote products derived from this software without specific "
        "prior written permission.",
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"',
    ):
        assert clause in text, clause
    # not the 2-clause or 4-clause variant
    assert "4." not in text and "advertising" not in text.lower()


# -- classifiers ---------------------------------------------------------------------------


def test_classifiers():
    classifiers = PROJECT["classifiers"]
    for required in (
        "Typing :: Typed",
        "Operating System :: OS Independent",
        "Intended Audience :: Science/Research",
    ):
        assert required in classifiers, required
    assert sum(c.startswith("Development Status :: ") for c in classifiers) == 1
    # the SPDX license expression replaces License classifiers (PEP 639)
    assert not [c for c in classifiers if c.startswith("License ::")]
    # the Python versions classified start at requires-python's floor
    floor = re.fullmatch(r">=3\.(\d+)", PROJECT["requires-python"])
    assert floor is not None
    minors = sorted(
        int(m[1]) for c in classifiers
        if (m := re.fullmatch(r"Programming Language :: Python :: 3\.(\d+)", c))
    )
    assert minors and minors[0] == int(floor[1])
    assert minors == list(range(minors[0], minors[-1] + 1)), "no gap between classified versions"


def test_typed_marker_is_shipped():
    """``Typing :: Typed`` holds only if the wheel carries ``py.typed`` (PEP 561)."""
    assert (ROOT / "src" / "multilateral" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["multilateral"]


def test_no_project_url_is_made_up():
    """No public repository or documentation address exists yet: none may be declared until
    one does (a dead link in a package's metadata misleads)."""
    assert "urls" not in PROJECT


# -- MANIFEST.in ---------------------------------------------------------------------------


def manifest_files(root: Path) -> set[str]:
    """The files of ``root`` that MANIFEST.in adds to the sdist, for the commands it uses
    (``include``, ``exclude``, ``graft``, ``prune``, ``global-exclude``; any other fails, so a
    new command must be taught here). setuptools adds the package, README, pyproject and license
    files by itself; this is what the template adds on top."""
    # hidden folders (.git, .venv, .hypothesis) are skipped: no command here reaches them, and
    # a developer's .venv inside the checkout would make the walk slow
    every = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts[:-1])
    )
    shipped: set[str] = set()
    for raw in (root / "MANIFEST.in").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        command, *patterns = line.split()
        for pattern in patterns:
            if command == "include":
                shipped |= {f for f in every if fnmatch.fnmatchcase(f, pattern)}
            elif command == "exclude":
                shipped -= {f for f in shipped if fnmatch.fnmatchcase(f, pattern)}
            elif command == "graft":
                shipped |= {f for f in every if f.startswith(pattern.rstrip("/") + "/")}
            elif command == "prune":
                shipped -= {f for f in shipped if f.startswith(pattern.rstrip("/") + "/")}
            elif command == "global-exclude":
                shipped -= {f for f in shipped if fnmatch.fnmatchcase(Path(f).name, pattern)}
            else:
                raise AssertionError(f"MANIFEST.in: command {command!r} not understood here")
    return shipped


@pytest.fixture(scope="module")
def shipped() -> set[str]:
    return manifest_files(ROOT)


def test_manifest_ships_what_the_tests_need(shipped):
    for name in ("LICENSE", "CITATION.cff", "CHANGELOG.md", "README.md", "conftest.py",
                 "tests/contract.py", "tests/test_packaging.py"):
        assert name in shipped, name
    tests = ROOT / "tests"
    # every test module, conftest and data file (tests/data and below)
    for path in [*tests.glob("test_*.py"), *tests.glob("conftest.py"),
                 *(p for p in (tests / "data").rglob("*") if p.is_file())]:
        assert path.relative_to(ROOT).as_posix() in shipped, path
    assert any(f.startswith("tests/data/") for f in shipped)


def test_manifest_ships_the_gallery_and_the_docs_sources(shipped):
    for path in (ROOT / "examples").glob("*.py"):
        assert f"examples/{path.name}" in shipped, path
    assert "examples/README.rst" in shipped  # the gallery's header (sphinx-gallery needs it)
    sources = [p for p in (ROOT / "docs").rglob("*")
               if p.is_file() and p.suffix in {".rst", ".py", ".html"}
               and not {"_build", "auto_examples", "generated"} & set(p.parts)
               and p.name != "sg_execution_times.rst"]  # the gallery build writes it
    assert sources
    for path in sources:
        assert path.relative_to(ROOT).as_posix() in shipped, path


def test_manifest_leaves_out_built_docs_and_bytecode(tmp_path):
    """Built output is not source: the template prunes it wherever it exists (checked on a
    scratch tree, since the checkout may not have built the docs)."""
    for name in ("MANIFEST.in",):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("docs/index.rst", "docs/_build/html/index.html",
                 "docs/auto_examples/plot_x.py", "docs/reference/generated/multilateral.rst",
                 "docs/sg_execution_times.rst", "tests/__pycache__/test_x.cpython-311.pyc",
                 "tests/data/x.csv", "examples/plot_x.py", "conftest.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert manifest_files(tmp_path) == {
        "docs/index.rst", "tests/data/x.csv", "examples/plot_x.py", "conftest.py"
    }
