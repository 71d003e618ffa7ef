"""Every small float in the library's code is a named tolerance (multilateral.tolerances).

The test parses every module under ``src/multilateral`` with :mod:`ast` and fails on a small
number written in code anywhere but ``tolerances.py``: a float constant ``0 < |x| < 1e-4``, a
string that parses as one (``mpmath.mpf("1e-40")``), or a power ``10 ** -k`` with ``k >= 5``.
Docstrings are prose, not code, and are skipped: they may quote a value. ``ALLOWED`` lists,
with a reason each, the small numbers that are not tolerances; it is checked for stale entries.
"""

from __future__ import annotations

import ast
from pathlib import Path

import multilateral
from multilateral import tolerances

PACKAGE = Path(multilateral.__file__).resolve().parent
SMALL = 1e-4

#: (path relative to the package, value) -> why this small number is not a tolerance.
ALLOWED: dict[tuple[str, float], str] = {
    # A floor of 0.1 microsecond under the measured seconds per task, so that the chunk size
    # divides by a positive time; a duration, not a comparison tolerance.
    ("sweeps/_run.py", 1e-7): "floor under a measured duration, not a tolerance",
}


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                out.add(id(body[0].value))
    return out


def _small(value: object) -> float | None:
    """The value if it is a float (or a numeric string) with ``0 < |x| < SMALL``."""
    if isinstance(value, float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return number if 0 < abs(number) < SMALL else None


def small_literals(path: Path) -> list[tuple[int, float]]:
    """``(line, value)`` of every small number written in the code of one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = _docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings:
            value = _small(node.value)
            if value is not None:
                found.append((node.lineno, value))
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow)
              and isinstance(node.left, ast.Constant) and node.left.value in (10, 10.0)
              and isinstance(node.right, ast.UnaryOp) and isinstance(node.right.op, ast.USub)
              and isinstance(node.right.operand, ast.Constant)
              and isinstance(node.right.operand.value, (int, float))
              and 10.0 ** -node.right.operand.value < SMALL):
            found.append((node.lineno, 10.0 ** -node.right.operand.value))
    return found


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "tolerances.py")


def offenders() -> tuple[list[str], set[tuple[str, float]]]:
    """Unnamed small literals as ``file:line: value``, and the allow-list entries seen."""
    bad, used = [], set()
    for path in modules():
        rel = path.relative_to(PACKAGE).as_posix()
        for line, value in small_literals(path):
            if (rel, value) in ALLOWED:
                used.add((rel, value))
            else:
                bad.append(f"src/multilateral/{rel}:{line}: {value!r}")
    return bad, used


def test_every_small_float_is_a_named_tolerance():
    bad, _ = offenders()
    assert not bad, ("name these in multilateral/tolerances.py (with a one-line comment) and "
                     "use the constant, or allow-list them with a reason:\n" + "\n".join(bad))


def test_allow_list_is_not_stale():
    _, used = offenders()
    stale = sorted(set(ALLOWED) - used)
    assert not stale, f"these literals are gone; remove them from ALLOWED: {stale}"


def test_the_scan_sees_literals(tmp_path):
    source = tmp_path / "m.py"
    source.write_text('"""Doc 1e-9."""\n'
                      'def f(x):\n'
                      '    """1e-12 in a docstring is prose."""\n'
                      '    return x < 1e-9 or x < mpf("1e-40") or x < 10 ** -7 or x < 1e-3\n',
                      encoding="utf-8")
    assert sorted(small_literals(source)) == [(4, 1e-40), (4, 1e-9), (4, 1e-7)]


def test_every_constant_is_public_documented_and_small():
    text = (PACKAGE / "tolerances.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    lines = text.splitlines()
    assigned = [node for node in tree.body if isinstance(node, ast.Assign)
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id.isupper()]
    names = {node.targets[0].id for node in assigned}  # type: ignore[attr-defined]
    assert names == set(tolerances.__all__)
    for node in assigned:
        name = node.targets[0].id  # type: ignore[attr-defined]
        value = getattr(tolerances, name)
        assert isinstance(value, float) and 0 < value < SMALL, name
        comment = lines[node.lineno - 2].strip()
        assert comment.startswith("#:"), f"{name} has no one-line #: comment above it"
