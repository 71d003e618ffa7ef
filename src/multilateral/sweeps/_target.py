"""Targets of a sweep: a function, or a model and a method, normalized and identified."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import types
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import InvalidArgumentError, InvalidTypeError


# -- targets --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """A normalized target: picklable, called as ``target(params, seed)``."""

    func: Any  # the function, or the model class / instance
    method: str | None  # None: call func; else a method or property of the model
    is_property: bool
    ctor_names: frozenset[str]  # parameters that build the model
    method_names: frozenset[str]  # parameters of the method
    valid: frozenset[str] | None  # every accepted parameter (None: any, **kwargs)
    required: frozenset[str]
    seed_to: Literal["call", "ctor", "method"] | None
    output: str  # the column of a scalar result
    identity: str  # the qualified name (and bound values): the sweep's identity
    code: str  # a digest of the code: a version, stored beside the results
    label: str

    def __call__(self, params: dict[str, Any], seed: int | None) -> Any:
        if self.method is None:
            kwargs = dict(params)
            if seed is not None:
                kwargs["seed"] = seed
            return self.func(**kwargs)
        ctor = {k: v for k, v in params.items() if k in self.ctor_names}
        meth = {k: v for k, v in params.items() if k not in self.ctor_names}
        if seed is not None:
            (ctor if self.seed_to == "ctor" else meth)["seed"] = seed
        if isinstance(self.func, type):
            model = self.func(**ctor)
        elif ctor:
            model = dataclasses.replace(self.func, **ctor)
        else:
            model = self.func
        if self.is_property:
            return getattr(model, self.method)
        return getattr(model, self.method)(**meth)


def make_target(target: Any) -> Target:
    if isinstance(target, tuple):
        return _method_target(target)
    if not callable(target):
        raise InvalidTypeError(
            "target must be a callable or a (model, 'method') tuple, got "
            f"{type(target).__name__}"
        )
    if isinstance(target, type):
        raise InvalidTypeError(
            f"target {target.__qualname__} is a class: give (class, 'method_name') to sweep "
            "one of its methods"
        )
    names, var_kw, required, positional = _signature(target)
    if positional:
        raise InvalidTypeError(
            f"target {_name(target)} has positional-only parameters without defaults "
            f"({', '.join(positional)}): wrap it in a function taking keywords"
        )
    takes_seed = names is not None and "seed" in names
    valid = None if var_kw else frozenset(names or ()) - {"seed"}
    ident, code = _identity(target)
    return Target(
        func=target, method=None, is_property=False, ctor_names=frozenset(),
        method_names=frozenset(), valid=valid,
        required=frozenset(required) - {"seed"},
        seed_to="call" if takes_seed else None, output="value",
        identity=ident, code=code, label=_name(target),
    )


def _method_target(target: tuple[Any, ...]) -> Target:
    if len(target) != 2 or not isinstance(target[1], str):
        raise InvalidTypeError(
            "a model target is a pair (Model, 'method_name') or (model_instance, "
            f"'method_name'), got {target!r}"
        )
    model, method = target
    cls = model if isinstance(model, type) else type(model)
    try:
        raw = inspect.getattr_static(cls, method)
    except AttributeError:
        public = sorted(m for m in dir(cls) if not m.startswith("_"))
        raise InvalidArgumentError(
            f"{cls.__qualname__} has no method {method!r}; it has {', '.join(public)}"
        ) from None
    is_property = isinstance(raw, property)
    if is_property:
        m_names: set[str] = set()
        m_var, m_req = False, set()
    else:
        member = getattr(cls, method)
        if not callable(member):
            raise InvalidTypeError(f"{cls.__qualname__}.{method} is not a method or property")
        sig_target = member if isinstance(raw, (staticmethod, classmethod)) else raw
        names, m_var, req, _ = _signature(sig_target)
        skip = 0 if isinstance(raw, (staticmethod, classmethod)) else 1
        m_list = list(names or ())[skip:]
        m_names, m_req = set(m_list), set(req) & set(m_list)
    if isinstance(model, type):
        c_names, c_var, c_req, _ = _signature(model)
        c_set = set(c_names or ())
        if c_var:
            raise InvalidTypeError(
                f"{cls.__qualname__}(...) takes **kwargs, so the grid's parameters cannot be "
                "routed between the constructor and the method: wrap it in a function")
    else:
        c_set = ({f.name for f in dataclasses.fields(model) if f.init}
                 if dataclasses.is_dataclass(model) else set())
        c_req = []
    seed_to: Literal["ctor", "method"] | None = (
        "method" if "seed" in m_names else "ctor" if "seed" in c_set else None)
    valid = None if m_var else frozenset((c_set | m_names) - {"seed"})
    required = frozenset((set(c_req) | (m_req - c_set)) - {"seed"})
    if isinstance(model, type):
        ident = f"{cls.__module__}.{cls.__qualname__}.{method}"
    else:
        ident = f"{cls.__module__}.{cls.__qualname__}.{method} of {model!r}"
    code = getattr(getattr(raw, "__func__", raw), "__code__", None)
    if is_property and isinstance(raw, property) and raw.fget is not None:
        code = getattr(raw.fget, "__code__", None)
    return Target(
        func=model, method=method, is_property=is_property, ctor_names=frozenset(c_set),
        method_names=frozenset(m_names), valid=valid, required=required, seed_to=seed_to,
        output=method, identity=ident, code="" if code is None else _code_digest(code),
        label=f"{cls.__name__}.{method}",
    )


def _signature(func: Any) -> tuple[list[str] | None, bool, list[str], list[str]]:
    """Keyword-passable names, whether **kwargs, required names, required positional-only."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):  # some builtins: accept any keyword
        return None, True, [], []
    names, required, positional = [], [], []
    var_kw = False
    for p in sig.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            var_kw = True
        elif p.kind is p.POSITIONAL_ONLY:
            if p.default is p.empty:
                positional.append(p.name)
        elif p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            names.append(p.name)
            if p.default is p.empty:
                required.append(p.name)
    return names, var_kw, required, positional


def _name(func: Any) -> str:
    if isinstance(func, functools.partial):
        return _name(func.func)
    if inspect.ismethod(func):
        return f"{type(func.__self__).__name__}.{func.__func__.__name__}"
    name = getattr(func, "__name__", None) or type(func).__name__
    return "lambda" if name == "<lambda>" else str(name)


def _identity(func: Any) -> tuple[str, str]:
    """A stable description of a callable (qualified name, bound values) and a digest of its
    bytecode (empty if it has none): the first names the sweep, the second is its version."""
    if isinstance(func, functools.partial):
        kw = ", ".join(f"{k}={v!r}" for k, v in sorted(func.keywords.items()))
        name, code = _identity(func.func)
        return f"partial({name}, args={func.args!r}, {kw})", code
    if inspect.ismethod(func):
        name, code = _identity(func.__func__)
        return f"{name} of {func.__self__!r}", code
    code_obj = getattr(func, "__code__", None)
    if code_obj is not None:
        return f"{func.__module__}.{func.__qualname__}", _code_digest(code_obj)
    cls = type(func)
    return f"{cls.__module__}.{cls.__qualname__}: {func!r}", ""


def _code_digest(code: types.CodeType) -> str:
    h = hashlib.sha256()

    def walk(c: types.CodeType) -> None:
        h.update(c.co_code)
        h.update(repr(c.co_names).encode())
        for const in c.co_consts:
            if isinstance(const, types.CodeType):
                walk(const)
            else:
                h.update(repr(const).encode())

    walk(code)
    return h.hexdigest()[:16]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
