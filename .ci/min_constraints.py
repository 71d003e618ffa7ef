"""Write pip constraints that pin every declared minimum version: ``name==floor`` for the core
dependencies and the ``test`` extra of pyproject.toml.

Used by ``.ci/run`` to check that the floors pyproject declares really work (an untested floor
is a guess). Usage::

    python .ci/min_constraints.py [PYPROJECT] > constraints.txt

Every requirement must have a ``>=`` floor: a requirement without one (or with an upper bound
or another operator) is an error, so that no dependency escapes the check.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

#: ``name[extras] >= version`` with nothing else (no markers, no other operators).
_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*(?P<floor>[0-9][^,;\s]*)\s*$"
)


def floors(pyproject: Path) -> dict[str, str]:
    """``{name: floor}`` for the core dependencies and the ``test`` extra (the same name twice
    must have the same floor)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"]) + list(
        project["optional-dependencies"]["test"]
    )
    found: dict[str, str] = {}
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"{requirement!r}: expected 'name>=floor' (one lower bound only)")
        # PEP 503 normalized name, so that 'Foo_Bar' and 'foo-bar' are one package
        name = re.sub(r"[-_.]+", "-", match["name"]).lower()
        floor = match["floor"]
        if found.get(name, floor) != floor:
            raise SystemExit(f"{name}: two floors, {found[name]} and {floor}")
        found[name] = floor
    return found


def main(argv: list[str]) -> None:
    default = Path(__file__).resolve().parent.parent / "pyproject.toml"
    path = Path(argv[1]) if len(argv) > 1 else default
    for name, floor in floors(path).items():
        print(f"{name}=={floor}")


if __name__ == "__main__":
    main(sys.argv)
