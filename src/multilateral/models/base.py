"""The model contract, and the mixin every model inherits.

A *model* is a frozen dataclass of a theory's parameters. Every model in
:mod:`multilateral.models` keeps the same contract, so that code written for one works for all:

1. **Frozen.** Assigning an attribute raises (:class:`dataclasses.FrozenInstanceError`).
2. **Validated.** ``__post_init__`` checks every parameter and raises an error from
   :mod:`multilateral.errors` that names the parameter and the accepted range.
3. **Value semantics.** Models compare and hash by their parameters (arrays included), so they can
   be dictionary keys and be cached; they pickle.
4. **A short repr** naming the model and its parameters.
5. **``with_(**changes)``** returns a copy with some parameters changed, validated again; an
   unknown name raises :class:`~multilateral.errors.InvalidArgumentError` naming the valid ones.
6. **One exactness rule.** Exact inputs (``int``, :class:`~fractions.Fraction`) give exact outputs
   (or results whose ``exact`` field is set); float inputs give floats.
7. **``.game``** (where the theory induces one): a game object from :mod:`multilateral.games`
   on which any generic solver runs. Thresholds and equilibria come back as result objects
   from :mod:`multilateral.results`, never a bare ``nan``.
8. Parameter names come from :mod:`multilateral.glossary` (``n``, ``delta``, ``noise``, ...).

:class:`Model` supplies items 3 and 5. ``tests/contract.py`` (``ModelContract``) checks all of
them for every model.

Examples
--------
>>> from dataclasses import dataclass
>>> import numpy as np
>>> import multilateral as ml
>>> from multilateral.models.base import Model
>>> @dataclass(frozen=True, eq=False)   # eq=False: Model compares arrays by value
... class Toy(Model):
...     n: int
...     weights: np.ndarray
...     def __post_init__(self) -> None:
...         if self.n < 2:
...             raise ValueError("n must be >= 2")
>>> a = Toy(3, np.array([1, 2, 3]))
>>> a == Toy(3, np.array([1, 2, 3])), hash(a) == hash(Toy(3, np.array([1, 2, 3])))
(True, True)
>>> a.with_(n=4).n
4
>>> try:
...     a.with_(size=4)
... except ml.errors.InvalidArgumentError as err:
...     print(err)
Toy.with_: unknown parameter 'size'; the parameters are n, weights
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Self

import numpy as np

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError

__all__ = ["Model"]
__dir__ = public_dir(__all__)


class Model:
    """Mixin for models: ``with_(**changes)`` and comparison and hashing by value.

    Subclasses are frozen dataclasses (``@dataclass(frozen=True)``) and keep the model contract
    of :mod:`multilateral.models.base`. Declare the dataclass with ``eq=False`` to use this
    class's ``__eq__`` and ``__hash__``, which compare numpy array fields by value (the
    dataclass-generated ones fail on arrays); models whose fields are all hashable scalars may
    keep the generated ones.

    Only fields with ``compare=True`` (the default) take part in equality and hashing; caches
    declared with ``field(init=False, compare=False)`` do not.

    See Also
    --------
    multilateral.games.RepeatedGame.with_ : the same method on game objects.
    dataclasses.replace : what ``with_`` calls after checking the names.

    References
    ----------
    .. [1] Smith, E. V. (2017). PEP 557 -- Data Classes. Python Enhancement Proposals
       (frozen dataclasses and ``dataclasses.replace``).
    .. [2] Knight, V. et al. (2016). An open framework for the reproducible study of the
       iterated prisoner's dilemma. *Journal of Open Research Software* 4(1), e35 (the
       contract every strategy's tests inherit, as every model's tests inherit
       ``ModelContract``).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> from multilateral.models.base import Model
    >>> @dataclass(frozen=True)
    ... class Club(Model):
    ...     n: int
    ...     cost: float = 1.0
    >>> Club(3).with_(cost=2.0)
    Club(n=3, cost=2.0)
    """

    __slots__ = ()

    def with_(self, **changes: Any) -> Self:
        """A copy with some parameters changed (validated again by the constructor).

        Parameters
        ----------
        **changes
            New values of constructor parameters, by name.

        Returns
        -------
        Model
            A new model of the same class.

        Raises
        ------
        InvalidArgumentError
            If a name is not a constructor parameter (the message lists the valid ones), or the
            new value is out of range.

        See Also
        --------
        dataclasses.replace : what it calls after checking the names.
        """
        if not dataclasses.is_dataclass(self):
            raise InvalidTypeError(f"{type(self).__name__} is not a dataclass; Model needs one")
        names = [f.name for f in dataclasses.fields(self) if f.init]
        unknown = [k for k in changes if k not in names]
        if unknown:
            what = "parameter" if len(unknown) == 1 else "parameters"
            shown = ", ".join(repr(k) for k in unknown)
            raise InvalidArgumentError(
                f"{type(self).__name__}.with_: unknown {what} {shown}; the parameters are "
                f"{', '.join(names)}"
            )
        return dataclasses.replace(self, **changes)

    def _value_key(self) -> tuple[Any, ...]:
        """The compared fields as hashable plain values (arrays become nested tuples)."""
        if not dataclasses.is_dataclass(self):
            raise InvalidTypeError(f"{type(self).__name__} is not a dataclass; Model needs one")
        return tuple(
            (f.name, _freeze(getattr(self, f.name))) for f in dataclasses.fields(self) if f.compare
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        return self._value_key() == other._value_key()

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, self._value_key()))


def _freeze(value: Any) -> Any:
    """A hashable stand-in equal for equal values: Python's numeric hashes agree across int,
    float and Fraction, so ``[1, 2]`` and ``[1.0, 2.0]`` arrays compare and hash alike."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.shape, tuple(_freeze(x) for x in value.ravel().tolist()))
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)):
        return ("sequence", tuple(_freeze(x) for x in value))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(_freeze(x) for x in value))
    if isinstance(value, Mapping):
        return ("mapping", frozenset((_freeze(k), _freeze(v)) for k, v in value.items()))
    return value
