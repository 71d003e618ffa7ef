"""Check what the built sdist and wheel contain (CI, after ``python -m build``).

Usage::

    python .ci/check_dist.py DIST_DIR

The sdist must carry what its own tests need (tests with their data, the root conftest, the
gallery, the docs' sources) and the license, citation and changelog, and no built docs or
bytecode; the wheel must carry the license (PEP 639: ``.dist-info/licenses/``), the typing
marker and the case data, and its metadata the SPDX license and the package's version.
Exits non-zero with the list of what is wrong.
"""

from __future__ import annotations

import ast
import re
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path


def version_of(source: str) -> str:
    """``__version__`` in the text of ``multilateral/__init__.py``."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("no __version__ in multilateral/__init__.py")


def check_sdist(path: Path) -> tuple[list[str], str]:
    with tarfile.open(path) as tar:
        names = [n.split("/", 1)[1] for n in tar.getnames() if "/" in n]
        top = tar.getnames()[0].split("/", 1)[0]
        init = tar.extractfile(f"{top}/src/multilateral/__init__.py")
        assert init is not None
        version = version_of(init.read().decode("utf-8"))
    problems = []
    required = ["LICENSE", "CITATION.cff", "CHANGELOG.md", "README.md", "MANIFEST.in",
                "pyproject.toml", "conftest.py", "tests/contract.py", "docs/conf.py",
                "docs/index.rst", "examples/README.rst", "src/multilateral/py.typed"]
    problems += [f"sdist: missing {name}" for name in required if name not in names]
    for folder, pattern in (("tests/", r"tests/test_\w+\.py"), ("tests/data/", r"tests/data/.+"),
                            ("examples/", r"examples/plot_\w+\.py"),
                            ("docs/", r"docs/.+\.rst")):
        if not any(re.fullmatch(pattern, n) for n in names):
            problems.append(f"sdist: nothing matching {pattern} under {folder}")
    unwanted = [n for n in names if n.startswith(("docs/_build/", "docs/auto_examples/",
                                                  "docs/reference/generated/"))
                or "__pycache__" in n or n.endswith(".pyc") or "/.hypothesis/" in f"/{n}"]
    problems += [f"sdist: should not ship {n}" for n in unwanted[:10]]
    return problems, version


def check_wheel(path: Path, version: str) -> list[str]:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        info = f"multilateral-{version}.dist-info"
        if f"{info}/METADATA" not in names:
            return [f"wheel: no {info}/METADATA (version differs from __version__ {version}?)"]
        metadata = HeaderParser().parsestr(wheel.read(f"{info}/METADATA").decode("utf-8"))
    problems = []
    for name in (f"{info}/licenses/LICENSE", "multilateral/py.typed"):
        if name not in names:
            problems.append(f"wheel: missing {name}")
    if not any(re.fullmatch(r"multilateral/cases/data/\w+\.csv", n) for n in names):
        problems.append("wheel: no case data (multilateral/cases/data/*.csv)")
    expected = {"Version": version, "License-Expression": "BSD-3-Clause", "License-File": "LICENSE"}
    for field, value in expected.items():
        if metadata.get(field) != value:
            problems.append(f"wheel METADATA: {field} is {metadata.get(field)!r}, not {value!r}")
    if "Typing :: Typed" not in metadata.get_all("Classifier", []):
        problems.append("wheel METADATA: no 'Typing :: Typed' classifier")
    return problems


def main(argv: list[str]) -> None:
    dist = Path(argv[1])
    (sdist,) = dist.glob("multilateral-*.tar.gz")
    (wheel,) = dist.glob("multilateral-*.whl")
    problems, version = check_sdist(sdist)
    problems += check_wheel(wheel, version)
    if problems:
        raise SystemExit("\n".join(problems))
    print(f"sdist and wheel of multilateral {version}: contents checked")


if __name__ == "__main__":
    main(sys.argv)
