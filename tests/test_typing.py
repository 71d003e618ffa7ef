"""What a user's type checker and ``dir()`` see of ``import multilateral as ml``.

``ml.solvers``, ``ml.simulate`` and the other submodules load lazily at run time (a module
``__getattr__``), but type checkers read the package's ``TYPE_CHECKING`` imports, so a user's
``mypy --strict`` checks calls into them; ``ml.sweep`` is the function
:func:`multilateral.sweeps.sweep`. The mypy test is the slow one here (10-15 s): mypy
analyses the package and numpy's stubs from a cold cache, in a temporary directory so that
no cache is shared with other runs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import multilateral as ml

# A user script in the README's style: every line type-checks under --strict.
GOOD = """\
import multilateral as ml
from multilateral.results import NashEquilibrium
from multilateral.sweeps import SweepResult
from multilateral.types import Seed

pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
kind: str | None = pd.oye_type
equilibria: tuple[NashEquilibrium, ...] = ml.solvers.nash_equilibria(pd)
pure: tuple[tuple[int, ...], ...] = ml.solvers.pure_nash_equilibria(pd)


def doubled(noise: float) -> float:
    return 2 * noise


table: SweepResult = ml.sweep(doubled, {"noise": [0.0, 0.1]}, store=False)
seed: Seed = 7
match = ml.simulate.play_matches(pd, ml.automata.tit_for_tat(), ml.automata.grim_trigger(),
                                 turns=10, noise=0.1, seed=seed)
rate: float = float(match.cooperation_rate[0])
threshold = ml.solvers.critical_discount(pd, (ml.automata.grim_trigger(),) * 2)
delta: float = threshold.delta
"""

# The documented mistakes, one per line, with the error code mypy must report for each.
BAD = """\
import multilateral as ml

pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
ml.solvers.nash_equilibria("oops")  # arg-type: a string is not a game
ml.solver.nash_equilibria(pd)  # attr-defined: no such module
ml.sweep(lambda x: x, {"x": [1]}, repeats="3")  # arg-type: repeats is an int
ml.simulate.play_matches(pd, ml.automata.tit_for_tat(), ml.automata.tit_for_tat(),
                         turns=5, seed="seven")  # arg-type (reported here): not a Seed
ml.automata.tit_for_tat().no_such_method()  # attr-defined
ml.solvers.critical_discount(pd, ml.automata.grim_trigger())  # arg-type: one automaton
"""
EXPECTED_BAD = {(4, "arg-type"), (5, "attr-defined"), (6, "arg-type"), (8, "arg-type"),
                (9, "attr-defined"), (10, "arg-type")}


# ``reveal_type`` of the lazily loaded attributes: their real types, not ``Any``.
REVEAL = """\
import multilateral as ml
reveal_type(ml.solvers.nash_equilibria)
reveal_type(ml.sweep)
reveal_type(ml.simulate.play_matches)
"""


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One mypy run over the three scripts (a cold run costs ~10 s, so it is shared)."""
    api = pytest.importorskip("mypy.api")
    folder = tmp_path_factory.mktemp("user")
    config = folder / "mypy.ini"  # isolated from the project's own [tool.mypy]
    config.write_text("[mypy]\n")
    paths = []
    for name, text in {"good.py": GOOD, "bad.py": BAD, "reveal.py": REVEAL}.items():
        (folder / name).write_text(text)
        paths.append(str(folder / name))
    out, err, _ = api.run(["--strict", "--config-file", str(config), "--cache-dir",
                           str(folder / ".mypy_cache"), "--show-error-codes", "--no-pretty",
                           *paths])
    assert not err, err
    return str(out)


def _errors(out: str) -> list[tuple[str, int, str]]:
    found = []
    for line in out.splitlines():
        m = re.match(r"(.+?):(\d+): error: .*\[([a-z-]+)\]$", line)
        if m:
            found.append((Path(m.group(1)).name, int(m.group(2)), m.group(3)))
        else:
            assert line.startswith(("Found ", "Success")) or ": note:" in line, out
    return found


def test_user_script_type_checks_and_documented_mistakes_are_caught(mypy_output: str) -> None:
    found = _errors(mypy_output)
    assert [f for f in found if f[0] != "bad.py"] == []
    assert {(line, code) for name, line, code in found if name == "bad.py"} == EXPECTED_BAD


def test_lazy_attributes_have_their_real_types_for_mypy(mypy_output: str) -> None:
    revealed = re.findall(r'reveal\.py:\d+: note: Revealed type is "(.*)"', mypy_output)
    assert len(revealed) == 3 and "Any" not in revealed, mypy_output
    assert "NormalFormGame" in revealed[0]
    assert "SweepResult" in revealed[1]
    assert "MatchResult" in revealed[2]


def _public_modules() -> list[str]:
    """Every public module of the package (no part of its dotted name starts with ``_``)."""
    import pkgutil

    return sorted(m.name.removeprefix("multilateral.")
                  for m in pkgutil.walk_packages(ml.__path__, "multilateral.")
                  if not any(p.startswith("_") for p in m.name.split(".")))


PUBLIC_MODULES = _public_modules()


@pytest.mark.parametrize("name", ["", *PUBLIC_MODULES])
def test_dir_shows_only_the_public_api(name: str) -> None:
    import importlib

    module = importlib.import_module(f"multilateral.{name}" if name else "multilateral")
    shown = dir(module)
    assert shown == sorted(set(module.__all__)), set(shown) ^ set(module.__all__)
    for private in ("Any", "np", "importlib", "annotations", "TYPE_CHECKING", "public_dir"):
        assert private not in shown
    assert all(hasattr(module, n) for n in shown)


def test_dir_of_the_package_lists_submodules_and_sweep() -> None:
    shown = dir(ml)
    assert {"solvers", "simulate", "sweeps", "sweep", "automata", "TwoByTwo"} <= set(shown)
    assert not [n for n in shown if n.startswith("_") and n != "__version__"]
