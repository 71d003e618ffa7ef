"""Every public parameter name is a glossary word (multilateral.glossary), never a synonym.

The walk covers every public module (no ``_`` in its dotted path), every name in its
``__all__``: functions, and classes' public methods, class methods, static methods and
constructors. Constructors of *records* (dataclasses that are neither models, which inherit
:class:`multilateral.models.base.Model`, nor game classes: result objects and sourced case
rows) are checked for synonyms but not for glossary membership, since their fields are
attributes documented in the class, not parameters a user passes.

There is no list of exceptions: every public callable follows the glossary. A name that
does not is renamed to the glossary word or, if it is a genuinely specific word, added to the
glossary with its meaning.

Run ``python tests/test_glossary.py --write`` to regenerate ``docs/reference/glossary.rst``
from the module.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import multilateral
from multilateral.glossary import GLOSSARY, SYNONYMS, TOPICS

DOCS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "glossary.rst"

def public_modules() -> list[str]:
    """The package and every module whose dotted path has no private component."""
    out = ["multilateral"]
    for info in pkgutil.walk_packages(multilateral.__path__, "multilateral."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            out.append(info.name)
    return out


def _is_record(cls: type) -> bool:
    from multilateral.models.base import Model

    return (dataclasses.is_dataclass(cls) and not issubclass(cls, Model)
            and not cls.__module__.startswith("multilateral.games"))


def signatures() -> Iterator[tuple[str, Callable[..., object], bool]]:
    """``(qualified name, callable, check glossary membership)`` for every public callable,
    each once (re-exports are the same object)."""
    seen: set[str] = set()
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if inspect.isclass(obj):
                for attr, raw in vars(obj).items():
                    if attr.startswith("_") and attr != "__init__":
                        continue
                    func = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw
                    if not inspect.isfunction(func):
                        continue
                    qualname = f"{obj.__module__}.{obj.__qualname__}.{attr}"
                    membership = not (attr == "__init__" and _is_record(obj))
                    if qualname not in seen:
                        seen.add(qualname)
                        yield qualname, func, membership
            elif inspect.isfunction(obj):
                qualname = f"{obj.__module__}.{obj.__qualname__}"
                if qualname not in seen:
                    seen.add(qualname)
                    yield qualname, obj, True


def parameter_names(func: Callable[..., object]) -> list[str]:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return []
    return [p.name for p in sig.parameters.values()
            if p.name not in ("self", "cls")
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def problems(qualname: str, func: Callable[..., object], membership: bool) -> list[str]:
    out = []
    for name in parameter_names(func):
        if name in SYNONYMS:
            word = SYNONYMS[name]
            out.append(f"{qualname}: parameter {name!r} is a synonym; the glossary word is "
                       f"{word!r} ({GLOSSARY[word]})")
        elif membership and name not in GLOSSARY:
            out.append(f"{qualname}: parameter {name!r} is not in multilateral.glossary."
                       "GLOSSARY (rename it to a glossary word, or add the word with its "
                       "meaning)")
    return out


ALL = list(signatures())


def test_the_walk_finds_the_api():
    names = {q for q, _, _ in ALL}
    assert "multilateral.games.repeated.RepeatedGame.__init__" in names
    assert "multilateral.games.anonymous.AnonymousGame.public_goods" in names
    assert len(names) > 200


def test_no_synonyms_and_every_name_in_the_glossary():
    found = [p for q, f, m in ALL for p in problems(q, f, m)]
    assert not found, "\n".join(found)


def test_glossary_is_consistent():
    assert not set(SYNONYMS) & set(GLOSSARY), "a word cannot be both used and forbidden"
    assert all(word in GLOSSARY for word in SYNONYMS.values())
    assert all(text.strip() and text[0].isupper() for text in GLOSSARY.values())
    names = [n for entries in TOPICS.values() for n in entries]
    assert len(names) == len(set(names)), "a name appears under two topics"
    for word in ("n", "delta", "noise", "monitoring_error", "seed", "tol", "exact",
                 "population", "threshold", "beta", "mutation", "benefit", "cost"):
        assert word in GLOSSARY
    for bad, good in (("group_size", "n"), ("n_players", "n"), ("n_members", "n"),
                      ("discount", "delta"), ("rng", "seed"), ("random_state", "seed"),
                      ("error", "noise")):
        assert SYNONYMS[bad] == good


def render() -> str:
    """The docs page, generated from the glossary module."""
    lines = [
        ".. This page is generated from multilateral/glossary.py by",
        "   `python tests/test_glossary.py --write`; tests/test_glossary.py checks it.",
        "",
        "Glossary of parameter names",
        "===========================",
        "",
        "One name for each parameter, the same in every function, class and model. The list",
        "lives in code as :data:`multilateral.glossary.GLOSSARY`; a test fails when a public",
        "signature uses a name that is not here, or one of the synonyms at the end.",
        "",
    ]
    for topic, entries in TOPICS.items():
        lines += [topic, "-" * len(topic), ""]
        for name, text in entries.items():
            lines += [f"``{name}``", f"   {text}", ""]
    lines += ["Synonyms not used", "-----------------", "",
              "Write the glossary word on the right, not the spelling on the left.", "",
              ".. list-table::", "   :header-rows: 1", "",
              "   * - not used", "     - write"]
    for bad, good in SYNONYMS.items():
        lines += [f"   * - ``{bad}``", f"     - ``{good}``"]
    return "\n".join(lines) + "\n"


def test_docs_page_matches_the_glossary():
    assert DOCS_PAGE.read_text(encoding="utf-8") == render(), (
        "docs/reference/glossary.rst is out of date: run python tests/test_glossary.py --write")


@pytest.mark.parametrize("page", ["reference/index.rst", "index.rst"])
def test_docs_page_is_linked(page):
    text = (DOCS_PAGE.parents[1] / page).read_text(encoding="utf-8")
    assert "glossary" in text


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if "--write" in sys.argv:
        DOCS_PAGE.write_text(render(), encoding="utf-8")
        print(f"wrote {DOCS_PAGE}")
