"""The package's architecture, checked from its source: layers, no cycles, no private imports.

Every module under ``src/multilateral`` is parsed with :mod:`ast` (nothing is imported), every
``import`` statement is collected (module level and inside functions, classes and
``if TYPE_CHECKING`` blocks alike) and resolved to the module it loads. The test fails on

* an import cycle between modules (the cycle is reported); imports under
  ``if TYPE_CHECKING:`` never run and do not count here, but count for every other rule,
* an import that runs up the layer order (a lower layer importing a higher one),
* importing a private name (``_x``) from another module (a private *module* such as
  ``_validation`` may be imported, and its public names; its private names may not),
* reaching a private name of another module through an attribute (``game._values()`` where
  ``_values`` is defined in another module only),
* importing a private module from outside its package (``games._common`` is the games
  package's; only ``multilateral._validation``, ``_numeric``, ``_display`` and ``_namespace``,
  the shared helpers at the bottom, are the whole library's),
* ``models`` or ``solvers`` importing ``hypothesis`` or ``multilateral.claims``,
* a module over ~600 lines whose docstring does not say why it is one module.

A second test imports ``multilateral.models`` and ``multilateral.solvers`` in a fresh
interpreter and checks that neither hypothesis nor the claims end up in ``sys.modules``
(``tests/test_claims.py`` checks that importing the claims registers the whole catalogue).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "multilateral"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

# The layer order, bottom first, as documented in docs/explanation/architecture.rst ("Layers:
# data flows one way"; also /work/shared/DESIGN.md). Keys are the first component below
# ``multilateral``; a module may import from its own layer or below. A new top-level module
# must be placed here (test_every_module_has_a_layer fails until it is).
LAYERS: dict[str, int] = {
    # bottom: errors, types, result objects, the glossary, shared helpers
    "errors": 0, "types": 0, "tolerances": 0, "results": 0, "glossary": 0,
    "_validation": 0, "_numeric": 0, "_namespace": 0, "_display": 0,
    # games: immutable game objects and their files
    "games": 1, "automata": 1, "io": 1,
    # solvers: algorithms over game objects
    "solvers": 2,
    # models (one theory each) and sourced case data
    "models": 3, "cases": 3,
    # many runs of models and games, and their figures
    "simulate": 4, "sweeps": 4, "plot": 4, "estimation": 4,
    # hypothesis strategies for every domain
    "strategies": 5,
    # the theories' claims
    "claims": 6,
    # what a person runs
    "report": 7, "tour": 7, "cli": 7, "__main__": 7,
}
LAYER_NAMES = ("bottom", "games", "solvers", "models", "simulate/sweeps/plot/estimation",
               "strategies", "claims", "top")
# Layers that must import neither hypothesis nor the claims.
NO_HYPOTHESIS = ("models", "solvers")


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    target: str  # the module loaded (inside the package), or the external top-level name
    names: tuple[str, ...]  # names taken from the target by ``from target import ...``
    line: int
    internal: bool
    typing_only: bool = False  # under ``if TYPE_CHECKING:``: read by type checkers, never run


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SOURCE.rglob("*.py"))}


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(name: str) -> str:
    """The longest prefix of a dotted name that is one of the package's modules."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in MODULES:
            return candidate
        parts.pop()
    return name


def _is_type_checking(test: ast.expr) -> bool:
    return ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _import_nodes(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement, anywhere (functions and classes too), and whether it sits
    under ``if TYPE_CHECKING:``."""
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, typing_only = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, typing_only
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend((child, True) for child in node.body)
            stack.extend((child, typing_only) for child in node.orelse)
            continue
        stack.extend((child, typing_only) for child in ast.iter_child_nodes(node))


def _imports(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node, typing_only in _import_nodes(tree):
        line = node.lineno
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    yield Import(module, _resolve(alias.name), (), line, True, typing_only)
                else:
                    yield Import(module, alias.name.split(".")[0], (), line, False, typing_only)
            continue
        if node.level:
            base = package.split(".")
            base = base[: len(base) - (node.level - 1)]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        if source.split(".")[0] != PACKAGE:
            yield Import(module, source.split(".")[0], (), line, False, typing_only)
            continue
        source = _resolve(source)
        plain: list[str] = []
        for alias in node.names:
            sub = f"{source}.{alias.name}"
            if sub in MODULES:  # ``from . import x`` with x a submodule loads x
                yield Import(module, sub, (), line, True, typing_only)
            else:
                plain.append(alias.name)
        if plain:
            yield Import(module, source, tuple(plain), line, True, typing_only)


IMPORTS = [imp for module, path in MODULES.items() for imp in _imports(module, path)]


def _component(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _where(imp: Import) -> str:
    return f"{MODULES[imp.importer].relative_to(SOURCE.parent)}:{imp.line}"


def test_every_module_has_a_layer() -> None:
    unplaced = sorted({_component(m) for m in MODULES} - set(LAYERS) - {""})
    assert not unplaced, f"add these modules to the LAYERS table: {unplaced}"


def test_imports_resolve() -> None:
    """The resolver sees the package's own imports (a check on the checker)."""
    targets = {(imp.importer, imp.target) for imp in IMPORTS if imp.internal}
    assert ("multilateral.strategies", "multilateral.strategies.games") in targets
    assert ("multilateral.claims", "multilateral.claims.oye") in targets
    assert ("multilateral.claims.oye", "multilateral.claims.base") in targets
    assert any(t == "multilateral._validation" for _, t in targets)
    # a package's private module, imported by its siblings (allowed inside the package)
    assert ("multilateral.plot.anonymous", "multilateral.plot._common") in targets
    assert all(imp.target in MODULES for imp in IMPORTS if imp.internal)
    # function-level imports are seen too (a crisis model solves its game lazily)
    assert any(imp.importer == "multilateral.models.crisis"
               and imp.target == "multilateral.solvers.correlated" for imp in IMPORTS)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a self-loop)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:  # Tarjan (1972); the graph is small, recursion is fine
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _one_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """A shortest cycle through the component's first module, for the report."""
    members, start = set(component), component[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph.get(v, ())):
                if w == start:
                    return [*paths[v], start]
                if w in members and w not in paths:
                    paths[w] = [*paths[v], w]
                    nxt.append(w)
        frontier = nxt
    return component


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in IMPORTS:
        if imp.internal and not imp.typing_only and imp.target != imp.importer:
            graph[imp.importer].add(imp.target)
    cycles = [" -> ".join(_one_cycle(graph, c)) + f"  (one of {len(c)} modules in a loop: "
              + ", ".join(c) + ")" for c in _cycles(graph)]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_imports_follow_the_layers() -> None:
    upward = []
    for imp in IMPORTS:
        if not imp.internal or imp.importer == PACKAGE or imp.target == PACKAGE:
            continue  # the package root (lazy re-exports) is exempt
        low, high = _component(imp.importer), _component(imp.target)
        if low in LAYERS and high in LAYERS and LAYERS[high] > LAYERS[low]:
            upward.append(f"{_where(imp)}: {imp.importer} ({LAYER_NAMES[LAYERS[low]]}) imports "
                          f"{imp.target} ({LAYER_NAMES[LAYERS[high]]})")
    assert not upward, "imports against the layer order:\n" + "\n".join(upward)


def test_no_private_names_across_modules() -> None:
    private = sorted(f"{_where(imp)}: {imp.importer} imports {name} from {imp.target}"
                     for imp in IMPORTS if imp.internal
                     for name in imp.names if name.startswith("_") and not name.startswith("__"))
    assert not private, "private names imported from another module:\n" + "\n".join(private)


def _private_module(name: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in name.split("."))


def test_private_modules_stay_in_their_package() -> None:
    """``a.b._c`` (and everything below it) is imported only from inside ``a.b``."""
    outside = []
    for imp in IMPORTS:
        if not imp.internal or not _private_module(imp.target):
            continue
        parts = imp.target.split(".")
        owner = ".".join(parts[: next(i for i, p in enumerate(parts) if p.startswith("_"))])
        if not (imp.importer == owner or imp.importer.startswith(owner + ".")):
            outside.append(f"{_where(imp)}: {imp.importer} imports {imp.target}, private to "
                           f"{owner}")
    assert not outside, "private modules imported from outside their package:\n" + "\n".join(
        outside)


def _defined_private(tree: ast.AST) -> set[str]:
    """Private names a module defines: functions, classes, assignments, attributes it sets."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


TREES = {m: ast.parse(p.read_text(encoding="utf-8")) for m, p in MODULES.items()}
DEFINED = {m: _defined_private(tree) for m, tree in TREES.items()}


def _own(node: ast.Attribute) -> bool:
    """``self._x`` or ``cls._x``: an object's own internals (inherited ones included)."""
    return isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")


def test_no_private_attributes_of_other_modules() -> None:
    """``x._name`` is fine on ``self``/``cls`` (a class's own internals, a base class's too) and
    where this module defines ``_name``; reaching into a name only another module defines, on
    another object, is not."""
    elsewhere = {n for names in DEFINED.values() for n in names}
    reached = []
    for module, tree in TREES.items():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__") and node.attr in elsewhere
                    and node.attr not in DEFINED[module] and not _own(node)):
                owners = sorted(m for m, names in DEFINED.items() if node.attr in names)
                reached.append(f"{MODULES[module].relative_to(SOURCE.parent)}:{node.lineno}: "
                               f"{module} uses .{node.attr} (defined in {', '.join(owners)})")
    assert not reached, "private attributes of other modules:\n" + "\n".join(reached)


def test_the_attribute_rule_sees_a_violation() -> None:
    """A check on the checker: a module reaching another module's private method is caught."""
    tree = ast.parse("def f(game, self):\n    return game._integer_values(), self._set\n")
    defined = _defined_private(tree)
    assert "_integer_values" not in defined
    flagged = [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and not _own(n)]
    assert flagged == ["_integer_values"]


#: A module longer than this says in its docstring why it is one module.
MAX_LINES = 600


def test_long_modules_say_why() -> None:
    silent = []
    for module, path in MODULES.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        doc = ast.get_docstring(TREES[module]) or ""
        if lines > MAX_LINES and "600 lines" not in doc:
            silent.append(f"{path.relative_to(SOURCE.parent)}: {lines} lines")
    assert not silent, (
        f"modules over {MAX_LINES} lines without a reason in their docstring (split them, or "
        "say why, e.g. 'The module runs past the library's ~600 lines because ...'):\n"
        + "\n".join(silent))


def test_models_and_solvers_import_neither_hypothesis_nor_claims() -> None:
    bad = [f"{_where(imp)}: {imp.importer} imports {imp.target}"
           for imp in IMPORTS if _component(imp.importer) in NO_HYPOTHESIS
           and (imp.target == "hypothesis" or _component(imp.target) == "claims"
                or (imp.target == PACKAGE and "claims" in imp.names))]
    assert not bad, "\n".join(bad)


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("package", ["multilateral.models", "multilateral.solvers"])
def test_models_and_solvers_load_without_hypothesis_or_claims(package: str) -> None:
    out = _fresh(f"import sys, {package}\n"
                 "print(sorted(m for m in sys.modules if m == 'hypothesis' "
                 "or m.startswith(('hypothesis.', 'multilateral.claims', "
                 "'multilateral.strategies'))))")
    assert out.strip() == "[]"
