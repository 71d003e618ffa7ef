"""Every model and every game keeps the shared contract: each has a contract test.

A new model (a subclass of :class:`multilateral.models.base.Model`) or a new game class in
:mod:`multilateral.games` fails here until a ``Test...`` class subclassing ``ModelContract`` or
``GameContract`` (tests/contract.py) covers it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from contract import GameContract, ModelContract, game_types

import multilateral as ml
from multilateral.models.base import Model

TESTS = Path(__file__).parent


def _contract_tests() -> list[type]:
    """Every contract test class in the test modules (importing them registers them)."""
    found = []
    for path in sorted(TESTS.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        found += [obj for obj in vars(module).values()
                  if inspect.isclass(obj) and obj.__name__.startswith("Test")
                  and issubclass(obj, (GameContract, ModelContract))]
    return found


def _covered(base: type) -> set[type]:
    covered = set()
    for test in _contract_tests():
        if issubclass(test, base):
            covered.add(type(test().make()))
    return covered


def _models() -> set[type]:
    for info in pkgutil.walk_packages(ml.models.__path__, "multilateral.models."):
        importlib.import_module(info.name)
    out, todo = set(), list(Model.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("multilateral."):
            out.add(cls)
    return out


def test_every_model_has_a_contract_test():
    models = _models()
    assert len(models) >= 15
    missing = sorted(c.__qualname__ for c in models - _covered(ModelContract))
    assert not missing, f"models without a ModelContract test: {missing}"


def test_every_game_class_has_a_contract_test():
    covered = _covered(GameContract)
    concrete = {cls for cls in game_types() if not inspect.isabstract(cls)}
    # a base class is covered through its concrete subclasses
    missing = sorted(c.__qualname__ for c in concrete
                     if not any(issubclass(k, c) for k in covered))
    assert not missing, f"game classes without a GameContract test: {missing}"
