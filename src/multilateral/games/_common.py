"""What every game object shares: immutability, ``with_`` and label checks.

The game contract (checked for every game class by ``tests/test_game_contract.py``): a game is
immutable (assigning or deleting an attribute raises :class:`AttributeError`), validated at
construction with errors from :mod:`multilateral.errors`, equal and hashed by value,
picklable, has a short repr, and ``with_(**changes)`` returns a changed copy, validated again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

import numpy as np
from numpy.typing import NDArray

from .._validation import check_labels
from ..errors import InvalidArgumentError, InvalidGameError

__all__ = ["Immutable", "action_values", "labels"]


class Immutable:
    """Base of the game classes: no attribute can be set or deleted after construction.

    Constructors store their state with :meth:`_set` (which writes the instance dictionary
    directly); ``functools.cached_property`` caches keep working because they do the same.
    Subclasses list their constructor parameters in :meth:`_parameters`, which gives
    :meth:`with_` for free.
    """

    __slots__ = ()

    def _set(self, **attributes: Any) -> None:
        self.__dict__.update(attributes)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(
            f"{type(self).__name__} is immutable: cannot set {name!r}; use "
            f"with_({name}=...) for a changed copy"
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def _parameters(self) -> dict[str, Any]:  # pragma: no cover - every subclass defines it
        """The constructor's parameters and this game's values of them."""
        raise NotImplementedError

    def _from_parameters(self, parameters: dict[str, Any]) -> Self:
        """A new game of the same class from constructor parameters."""
        return type(self)(**parameters)

    def with_(self, **changes: Any) -> Self:
        """A copy with some constructor parameters changed, validated again.

        Raises
        ------
        InvalidArgumentError
            For a name that is not a constructor parameter (the message lists them).
        """
        parameters = self._parameters()
        unknown = [name for name in changes if name not in parameters]
        if unknown:
            what = "parameter" if len(unknown) == 1 else "parameters"
            raise InvalidArgumentError(
                f"{type(self).__name__}.with_: unknown {what} "
                f"{', '.join(repr(u) for u in unknown)}; the parameters are "
                f"{', '.join(parameters)}"
            )
        return self._from_parameters({**parameters, **changes})


def labels(
    names: Sequence[str] | None, size: int, prefix: str, start: int, what: str
) -> tuple[str, ...]:
    """``size`` distinct labels: ``names`` checked, or ``prefix + number`` by default."""
    out = check_labels(names, size, "entry", what, error=InvalidGameError)
    return tuple(f"{prefix}{k + start}" for k in range(size)) if out is None else out


def action_values(
    payoffs: NDArray[np.float64], strategies: Sequence[NDArray[np.float64]], player: int
) -> NDArray[np.float64]:
    """Payoff to each action of ``player`` when the others play ``strategies`` (unchecked:
    ``payoffs`` of shape ``(n_1, ..., n_N, N)``, one probability vector per player)."""
    out = np.moveaxis(payoffs[..., player], player, -1)
    for j, s in enumerate(strategies):
        if j != player:
            out = np.tensordot(s, out, axes=(0, 0))
    return np.asarray(out, dtype=np.float64)

