"""Contract test bases that every game's and every model's tests inherit.

A test class named ``Test...`` that subclasses :class:`GameContract` or :class:`ModelContract`
and fills in a few attributes gets the whole contract checked (construction, validation errors,
immutability, equality and hash by value, pickle, repr, ``with_``, exactness, a generic solver),
the way a strategy test in the Axelrod library inherits its player contract.

Usage (``tests/`` is on ``sys.path`` when pytest runs, so ``from contract import ...`` works)::

    from contract import ModelContract

    class TestPublicGoodProvision(ModelContract):
        def make(self):
            return ml.models.PublicGoodProvision(n=5, ...)
        def make_other(self):
            return ml.models.PublicGoodProvision(n=6, ...)
        changes = {"n": 7}
        bad = [(lambda: ml.models.PublicGoodProvision(n=0), InvalidArgumentError, "n must")]
        exact_kwargs = {"n": 5, "cost": Fraction(1, 2)}
        float_kwargs = {"n": 5, "cost": 0.5}
        outputs = [lambda m: m.equilibrium(), lambda m: m.critical_discount()]

Callables stored as class attributes (``solve``, ``model_class``) may be plain functions or
``staticmethod``s: the base unwraps them, so they are never bound to the test instance.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
import numbers
import pickle
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
import pytest

import multilateral as ml
from multilateral.errors import InvalidArgumentError, MultilateralError

__all__ = ["GameContract", "ModelContract", "default_solver", "exactness", "game_types",
           "model_outputs"]

# A repr is "short" when it fits on one line of a report: one line, at most this many characters.
MAX_REPR = 160

BadCase = tuple[Callable[[], object], type[BaseException], str]


# -- helpers shared by both contracts ----------------------------------------------------------
def game_types() -> tuple[type, ...]:
    """The game classes: every class exported by :mod:`multilateral.games` (protocols and type
    aliases excluded)."""
    out = []
    for name in ml.games.__all__:
        obj = getattr(ml.games, name)
        if (isinstance(obj, type) and not getattr(obj, "_is_protocol", False)
                and obj.__module__.startswith("multilateral.games")
                and not issubclass(obj, BaseException)):
            out.append(obj)
    return tuple(out)


def default_solver(game: object) -> Callable[[Any], object] | None:
    """A generic solver that applies to ``game``, or None."""
    games, solvers = ml.games, ml.solvers
    if isinstance(game, games.RepeatedGame):
        if game.stage.n_players == 2 and game.stage.shape == (2, 2):
            grim = (ml.automata.grim_trigger(), ml.automata.grim_trigger())
            return lambda rg: solvers.is_subgame_perfect(rg, grim)
        return None
    if isinstance(game, games.NormalFormGame):
        return solvers.pure_nash_equilibria
    if isinstance(game, games.AnonymousGame):
        return solvers.symmetric_equilibria
    if isinstance(game, games.TUGame):
        return solvers.shapley_value
    if isinstance(game, games.SimpleGame):
        return solvers.banzhaf
    if isinstance(game, games.ExtensiveFormGame) and game.is_perfect_information:
        return solvers.subgame_perfect_equilibria  # backward induction
    return None


def _static(obj: object, name: str) -> Any:
    """A class attribute without binding it to the instance (functions stay plain)."""
    value = inspect.getattr_static(obj, name, None)
    if isinstance(value, (staticmethod, classmethod)):
        return value.__get__(None, type(obj))
    return value


def _same(a: Any, b: Any) -> bool:
    """Equality that also works for arrays and array-likes (``[1, 2]`` vs ``array([1, 2])``)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            return bool(np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object)))
        except ValueError:
            return False
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _is_sympy(value: object) -> bool:
    return type(value).__module__.split(".")[0] == "sympy"


def exactness(value: Any) -> set[str]:
    """The arithmetic an output is in: a subset of ``{"exact", "float"}``.

    Fractions, sympy numbers and results whose ``exact`` field is set are ``"exact"``; floats,
    float arrays and results whose ``exact`` field is None are ``"float"``. Integers, booleans,
    strings, None and a bare infinity (an unbounded end of a range) say nothing (a count is an
    int in both arithmetics), nor does a result
    that says the quantity does not exist (``attainable`` False). Containers, dataclasses and
    game objects (``is_exact``) are searched.
    """
    if value is None or isinstance(value, (bool, np.bool_, str, bytes)):
        return set()
    if isinstance(value, numbers.Integral):
        return set()
    if isinstance(value, Fraction):
        return {"exact"}
    if isinstance(value, (float, np.floating)) and math.isinf(value):
        return set()  # unbounded (an open end of a range): no arithmetic to be exact in
    if isinstance(value, (float, complex, np.floating, np.complexfloating)):
        return {"float"}
    if _is_sympy(value):
        import sympy

        if isinstance(value, sympy.Basic) and value.atoms(sympy.Float):
            return {"float"}
        return {"exact"}
    if isinstance(value, np.ndarray):
        if value.size == 0 or value.dtype.kind in "biu":
            return set()
        if value.dtype.kind in "fc":
            return {"float"}
        return set().union(*(exactness(x) for x in value.ravel().tolist()))
    if isinstance(value, Mapping):
        return set().union(set(), *(exactness(v) for v in value.values()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return set().union(set(), *(exactness(v) for v in value))
    if getattr(value, "attainable", True) is False:
        return set()
    if hasattr(value, "exact") and not callable(value.exact):
        flag = value.exact
        if isinstance(flag, bool):
            return {"exact"} if flag else {"float"}
        return {"exact"} if flag is not None else {"float"}
    if isinstance(value, game_types()) and hasattr(value, "is_exact"):
        return {"exact"} if value.is_exact else {"float"}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(set(), *(exactness(getattr(value, f.name))
                                    for f in dataclasses.fields(value)))
    return set()


class _Contract:
    """What both contracts share: the subclass's fixtures and the checks that do not depend on
    whether the object is a game or a model."""

    #: ``with_(**changes)`` must give an object with these values (and different from make()).
    changes: ClassVar[dict[str, Any]] = {}
    #: ``(callable, error class, regex)``: calling it raises that error with a matching message.
    bad: ClassVar[list[BadCase]] = []
    #: ``({name: bad value}, error class, regex)``: ``with_`` validates again.
    bad_changes: ClassVar[list[tuple[dict[str, Any], type[BaseException], str]]] = []
    #: A callable ``game -> result`` run on the game (the default picks a generic solver).
    solve: ClassVar[Callable[[Any], object] | None] = None
    #: Constructor parameters stored in another form, not as an attribute of the same name
    #: (e.g. a TwoByTwo's ``row`` matrix lives in its payoff tensor): named here on purpose.
    stored_differently: ClassVar[frozenset[str]] = frozenset()

    def make(self) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define make()")

    def make_other(self) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define make_other()")

    # -- construction and value semantics ------------------------------------------------------
    def test_construction_is_deterministic(self) -> None:
        a, b = self.make(), self.make()
        assert a is not b
        assert type(a) is type(b)
        assert a == b

    def test_equality_and_hash_by_value(self) -> None:
        a, b, other = self.make(), self.make(), self.make_other()
        assert a == b
        assert not a != b  # noqa: SIM202 (__ne__ is checked too)
        assert hash(a) == hash(b)
        assert a != other, "make_other() must differ from make()"
        assert {a: 1}[b] == 1
        assert len({a, b, other}) == 2
        assert a != object()

    def test_pickle_round_trip(self) -> None:
        a = self.make()
        for protocol in (pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
            b = pickle.loads(pickle.dumps(a, protocol=protocol))
            assert type(b) is type(a)
            assert b == a
            assert hash(b) == hash(a)
            assert repr(b) == repr(a)

    def test_repr_is_short_and_informative(self) -> None:
        for obj in (self.make(), self.make_other()):
            text = repr(obj)
            assert "\n" not in text, f"repr spans lines: {text!r}"
            assert len(text) <= MAX_REPR, f"repr longer than {MAX_REPR} characters: {text!r}"
            assert text.startswith(type(obj).__name__), f"repr should name the class: {text!r}"
            assert " object at 0x" not in text

    # -- with_ ---------------------------------------------------------------------------------
    def test_with_changes(self) -> None:
        assert self.changes, "give `changes`: a dict of parameters for with_"
        a = self.make()
        b = a.with_(**self.changes)
        assert type(b) is type(a)
        assert b != a
        assert a == self.make(), "with_ must not change the original"
        for name, value in self.changes.items():
            if name in self.stored_differently:
                continue
            assert hasattr(b, name), (
                f"with_ takes {name!r}, so the object should expose it (or list it in "
                f"stored_differently)")
            assert _same(getattr(b, name), value), (
                f"with_({name}=...) gave {name} = {getattr(b, name)!r}, expected {value!r}")

    def test_with_nothing_is_equal(self) -> None:
        a = self.make()
        assert a.with_() == a

    def test_with_unknown_name(self) -> None:
        a = self.make()
        with pytest.raises(InvalidArgumentError) as info:
            a.with_(no_such_parameter=1)
        message = str(info.value)
        assert "no_such_parameter" in message
        for name in self.changes:
            assert name in message, f"the error should list the valid names; {name!r} missing"

    def test_with_validates_again(self) -> None:
        a = self.make()
        for changes, error, pattern in self.bad_changes:
            with pytest.raises(error, match=pattern):
                a.with_(**changes)

    # -- validation ------------------------------------------------------------------------
    def test_validation_errors(self) -> None:
        assert self.bad, "give `bad`: (callable, error class, regex) cases of invalid input"
        for k, (call, error, pattern) in enumerate(self.bad):
            assert issubclass(error, MultilateralError), (
                f"bad[{k}] expects {error.__name__}: use an error from multilateral.errors")
            with pytest.raises(error, match=pattern):
                call()

    # -- solving -------------------------------------------------------------------------------
    def _check_game(self, game: object) -> None:
        assert isinstance(game, game_types()), (
            f"expected a game object from multilateral.games, got {type(game).__name__}")
        solver = _static(self, "solve") or default_solver(game)
        if solver is None:
            pytest.skip(f"no generic solver applies to {type(game).__name__}; set `solve`")
        result = solver(game)
        assert result is not None


class GameContract(_Contract):
    """The contract every game object keeps.

    Subclasses provide ``make()`` and ``make_other()`` (two different games), ``changes`` (a
    dict for ``with_``), ``bad`` (``(callable, error class, regex)`` triples of invalid input),
    and optionally ``bad_changes`` (``({name: bad value}, error, regex)`` for ``with_``) and
    ``solve`` (a callable ``game -> result``; by default a generic solver chosen from the game's
    type: :func:`default_solver`).
    """

    def test_is_a_game(self) -> None:
        assert isinstance(self.make(), game_types())

    def test_immutable(self) -> None:
        game = self.make()
        before = repr(game), hash(game)
        for name in _public_data(game):
            value = getattr(game, name)
            with pytest.raises(AttributeError):
                setattr(game, name, value)
            with pytest.raises(AttributeError):
                delattr(game, name)
            if isinstance(value, np.ndarray):
                assert not value.flags.writeable, f"{name} must be read-only"
        with pytest.raises(AttributeError):
            game.brand_new_attribute = 1
        assert (repr(game), hash(game)) == before

    def test_solver_runs(self) -> None:
        self._check_game(self.make())


class ModelContract(_Contract):
    """The contract every model keeps (see :mod:`multilateral.models.base`).

    Subclasses provide ``make()``, ``make_other()``, ``changes``, ``bad`` (as for
    :class:`GameContract`), and

    ``exact_kwargs``, ``float_kwargs``
        constructor keyword arguments with exact (int, Fraction) and with float parameters;
    ``outputs``
        callables ``model -> value``: on the exact model each must be exact (Fraction, sympy
        number, or a result whose ``exact`` is set; ints say nothing), on the float model each
        must be float (a result's ``exact`` is None);
    ``model_class`` (optional)
        the class the kwargs are for (default ``type(self.make())``);
    ``bad_changes``, ``solve`` (optional)
        as for :class:`GameContract`; ``solve`` runs on ``model.game`` when the model has one.
    """

    exact_kwargs: ClassVar[dict[str, Any]] = {}
    float_kwargs: ClassVar[dict[str, Any]] = {}
    outputs: ClassVar[list[Callable[[Any], Any]]] = []
    model_class: ClassVar[type | None] = None
    #: Why the theory induces no game, for a model without ``.game`` (a statement the test
    #: checks, not a skip: a model with a ``.game`` must leave it None).
    no_game: ClassVar[str | None] = None
    #: Why the model has no numbers to be exact or float about (e.g. a norm is bit patterns);
    #: then ``exact_kwargs``, ``float_kwargs`` and ``outputs`` stay empty.
    no_arithmetic: ClassVar[str | None] = None
    #: Outputs (public zero-argument methods and properties, by name) that are floats even on
    #: exact inputs, each with the reason (e.g. "an irrational root", "goes through
    #: exp(beta * ...)"); the model's docstring says so too. A listed output that comes out
    #: exact fails (a stale entry).
    inexact: ClassVar[dict[str, str]] = {}
    #: Outputs that are exact even on float inputs, each with the reason (stale entries fail).
    exact_from_floats: ClassVar[dict[str, str]] = {}
    #: Outputs too slow (over about a second) for the every-output check, each with the reason
    #: (and its measured time); they are not called there.
    slow: ClassVar[dict[str, str]] = {}
    #: Outputs that raise a :class:`~multilateral.errors.MultilateralError` on the
    #: ``exact_kwargs`` and ``float_kwargs`` models (defined only for other parameters, e.g.
    #: identical members), each with the reason; a listed output that does not raise fails.
    not_applicable: ClassVar[dict[str, str]] = {}

    def _cls(self) -> type:
        return _static(self, "model_class") or type(self.make())

    def test_is_a_frozen_dataclass(self) -> None:
        model = self.make()
        assert dataclasses.is_dataclass(model) and not isinstance(model, type)
        from multilateral.models.base import Model

        assert isinstance(model, Model), "models inherit multilateral.models.base.Model"
        for f in dataclasses.fields(model):
            with pytest.raises(AttributeError):  # FrozenInstanceError is an AttributeError
                setattr(model, f.name, getattr(model, f.name))
        with pytest.raises(AttributeError):
            model.brand_new_attribute = 1

    def test_exact_inputs_give_exact_outputs(self) -> None:
        if self._no_arithmetic():
            return
        self._check_arithmetic(self.exact_kwargs, "exact")

    def test_float_inputs_give_floats(self) -> None:
        if self._no_arithmetic():
            return
        assert any(isinstance(v, float) for v in self.float_kwargs.values()), (
            "float_kwargs should hold at least one float parameter")
        self._check_arithmetic(self.float_kwargs, "float")

    def _no_arithmetic(self) -> bool:
        if self.no_arithmetic is None:
            return False
        assert self.no_arithmetic.strip(), "no_arithmetic must say why"
        assert not (self.exact_kwargs or self.float_kwargs or self.outputs), (
            "a model without arithmetic has no exact_kwargs, float_kwargs or outputs")
        return True

    def _check_arithmetic(self, kwargs: dict[str, Any], want: str) -> None:
        assert kwargs, f"give `{want}_kwargs`: constructor arguments with {want} parameters"
        assert self.outputs, "give `outputs`: callables model -> value to check the exactness rule"
        model = self._cls()(**kwargs)
        other = "float" if want == "exact" else "exact"
        said = set()
        for k, output in enumerate(self.outputs):
            value = output(model)
            kinds = exactness(value)
            assert other not in kinds, (
                f"outputs[{k}] on {want} inputs gave {other} arithmetic: {value!r}")
            _assert_no_nan(value, k)
            said |= kinds
        assert want in said, (
            f"no output says anything about the arithmetic (all ints/bools?): pick outputs "
            f"that return numbers or results, got kinds {said or 'none'}")

    def test_every_output_keeps_the_exactness_rule_on_exact_inputs(self) -> None:
        if self._no_arithmetic():
            return
        self._check_every_output(self.exact_kwargs, "exact", self.inexact, "inexact")

    def test_every_output_keeps_the_exactness_rule_on_float_inputs(self) -> None:
        if self._no_arithmetic():
            return
        self._check_every_output(self.float_kwargs, "float", self.exact_from_floats,
                                 "exact_from_floats")

    def _check_every_output(self, kwargs: dict[str, Any], want: str,
                            excused: dict[str, str], excused_name: str) -> None:
        """Every public zero-argument method and property (:func:`model_outputs`) of the model
        built from ``kwargs`` keeps the exactness rule, except the outputs ``excused`` names
        (each with a reason), which must break it (else the entry is stale)."""
        model = self._cls()(**kwargs)
        other = "float" if want == "exact" else "exact"
        outputs = model_outputs(model)
        for table, label in ((excused, excused_name), (self.slow, "slow"),
                             (self.not_applicable, "not_applicable")):
            for name, reason in table.items():
                assert name in outputs, (
                    f"{label} names {name!r}, which is not a public zero-argument output of "
                    f"{type(model).__name__}")
                assert reason.strip(), f"{label}[{name!r}] must say why"
        broken, stale = [], []
        for name, call in outputs.items():
            if name in self.slow:
                continue
            if name in self.not_applicable:
                with pytest.raises(MultilateralError):
                    call()
                continue
            value = call()
            kinds = exactness(value)
            if name in excused:
                if other not in kinds:
                    stale.append(f"{name} (gave {sorted(kinds) or 'no arithmetic'})")
            elif other in kinds:
                broken.append(f"{name} = {_short(value)}")
        assert not broken, (
            f"on {want} inputs these outputs gave {other} arithmetic (fix them, or list them in "
            f"`{excused_name}` with the reason): {'; '.join(broken)}")
        assert not stale, (
            f"`{excused_name}` lists outputs that keep the rule now; drop them: "
            f"{', '.join(stale)}")

    def test_game_is_solvable(self) -> None:
        model = self.make()
        if not hasattr(type(model), "game"):
            assert self.no_game and self.no_game.strip(), (
                f"{type(model).__name__} has no .game: give it one, or say why in `no_game`")
            return
        assert self.no_game is None, f"{type(model).__name__} has a .game; drop `no_game`"
        self._check_game(model.game)


#: Public names of a model that are not outputs: ``with_`` makes a model, ``game`` is checked
#: by ``test_game_is_solvable``.
NOT_OUTPUTS = frozenset({"with_", "game"})


def model_outputs(model: object) -> dict[str, Callable[[], Any]]:
    """The model's outputs, by name: a call for every public property and every public method
    callable without arguments (constructor fields, ``with_`` and ``game`` excluded)."""
    fields = {f.name for f in dataclasses.fields(model)} if dataclasses.is_dataclass(model) \
        else set()
    out: dict[str, Callable[[], Any]] = {}
    for name in dir(type(model)):
        if name.startswith("_") or name in NOT_OUTPUTS or name in fields:
            continue
        static = inspect.getattr_static(model, name, None)
        if isinstance(static, (property, functools.cached_property)):
            out[name] = lambda name=name: getattr(model, name)
        elif inspect.isfunction(static):
            method = getattr(model, name)
            params = inspect.signature(method).parameters.values()
            if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                   for p in params):
                out[name] = method
    return out


def _short(value: Any) -> str:
    text = repr(value).replace("\n", " ")
    return text if len(text) <= 120 else text[:117] + "..."


def _public_data(obj: object) -> list[str]:
    """Public non-callable attributes of ``obj`` (properties and plain attributes)."""
    names = []
    for name in dir(obj):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(obj, name, None)
        if isinstance(static, (staticmethod, classmethod)) or inspect.isfunction(static):
            continue
        try:
            value = getattr(obj, name)
        except MultilateralError:  # a property that does not apply to this game
            continue
        if callable(value) and not isinstance(value, np.ndarray):
            continue
        names.append(name)
    return names


def _assert_no_nan(value: Any, k: int, depth: int = 0) -> None:
    """A nan is never an answer (results say when something does not exist): not bare, and
    not inside a result, a tuple or an array the output returns."""
    if depth > 4:  # results nest shallowly; deeper structures are data, not answers
        return
    if isinstance(value, (float, np.floating)):
        assert not math.isnan(value), f"outputs[{k}] returned a nan"
    elif isinstance(value, np.ndarray) and value.dtype.kind == "f":
        assert not np.isnan(value).any(), f"outputs[{k}] returned an array with a nan"
    elif isinstance(value, (tuple, list)):
        for item in value:
            _assert_no_nan(item, k, depth + 1)
    elif isinstance(value, Mapping):
        for item in value.values():
            _assert_no_nan(item, k, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _assert_no_nan(getattr(value, f.name), k, depth + 1)

