"""Result objects returned by solvers: frozen dataclasses with a short repr."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["CorrelatedEquilibrium", "NashEquilibrium", "SymmetricEquilibrium"]


def _readonly(arr: Any, dtype: Any = np.float64) -> NDArray[Any]:
    """A read-only copy (``dtype=None`` keeps the input's type, e.g. Fractions)."""
    out = np.array(arr, dtype=dtype)
    out.flags.writeable = False
    return out


def _fmt(values: Any) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in np.asarray(values, dtype=float)) + "]"


@dataclass(frozen=True, repr=False, eq=False)
class NashEquilibrium:
    """A Nash equilibrium: one mixed strategy per player, verified by the solver.

    Attributes
    ----------
    strategies : tuple of numpy.ndarray
        One probability vector per player (probabilities below the solver's ``tol`` are exact
        zeros).
    payoffs : numpy.ndarray
        Expected payoff of each player.
    regret : float
        The largest gain any player could get by a unilateral deviation (what was checked:
        ``regret <= tol``).
    method : str
        The algorithm that found it.
    exact : tuple of tuple of Fraction, optional
        The same strategies in exact arithmetic when the game's payoffs are exact and the
        solver derived them.
    """

    strategies: tuple[NDArray[np.float64], ...]
    payoffs: NDArray[np.float64]
    regret: float
    method: str
    exact: tuple[tuple[Fraction, ...], ...] | None = field(default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategies", tuple(_readonly(s) for s in self.strategies))
        object.__setattr__(self, "payoffs", _readonly(self.payoffs))

    @property
    def supports(self) -> tuple[tuple[int, ...], ...]:
        """Indices of the actions each player plays with positive probability."""
        return tuple(tuple(int(i) for i in np.flatnonzero(s)) for s in self.strategies)

    @property
    def is_pure(self) -> bool:
        """True when every player plays one action."""
        return all(len(s) == 1 for s in self.supports)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NashEquilibrium):
            return NotImplemented
        return len(self.strategies) == len(other.strategies) and all(
            a.shape == b.shape and np.allclose(a, b, atol=1e-9)
            for a, b in zip(self.strategies, other.strategies, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # equality is approximate: not hashable

    def __repr__(self) -> str:
        body = ", ".join(_fmt(s) for s in self.strategies)
        return f"NashEquilibrium({body}; payoffs={_fmt(self.payoffs)})"


@dataclass(frozen=True, repr=False)
class SymmetricEquilibrium:
    """A symmetric equilibrium of an anonymous binary-choice game.

    Attributes
    ----------
    probability : float
        Probability with which every player cooperates (0 and 1 are the pure equilibria).
    stable : bool
        Whether the rest point is asymptotically stable under the replicator dynamics
        ``x' = x (1 - x) g(x)`` (``g`` the gain function): ``g' < 0`` at an interior root,
        ``g(0) < 0`` at 0, ``g(1) > 0`` at 1.
    payoff : float
        Expected payoff of each player.
    exact : object, optional
        The probability as an exact number (Fraction or sympy algebraic number) when found
        exactly.
    """

    probability: float
    stable: bool
    payoff: float
    exact: Any = None

    @property
    def is_pure(self) -> bool:
        """True for all-cooperate or all-defect."""
        return self.probability in (0.0, 1.0)

    def __repr__(self) -> str:
        tag = "stable" if self.stable else "unstable"
        return f"SymmetricEquilibrium(p={self.probability:.6g}, {tag}, payoff={self.payoff:.6g})"


@dataclass(frozen=True, repr=False, eq=False)
class CorrelatedEquilibrium:
    """A correlated equilibrium: a distribution over action profiles no player wants to disobey.

    Attributes
    ----------
    distribution : numpy.ndarray
        Probability of each action profile, shape ``(n_1, ..., n_N)``.
    payoffs : numpy.ndarray
        Expected payoff of each player.
    value : float
        The objective's value at the optimum.
    objective : str
        What was optimized.
    max_violation : float
        The largest incentive to disobey a recommendation (what was checked: at most ``tol``
        times the payoffs' scale; 0 when exact).
    exact : numpy.ndarray of Fraction, optional
        The distribution in exact arithmetic, when the payoffs are exact.
    exact_payoffs : tuple of Fraction, optional
        The players' payoffs in exact arithmetic.
    """

    distribution: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    value: float
    objective: str
    max_violation: float
    exact: NDArray[Any] | None = None
    exact_payoffs: tuple[Fraction, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "distribution", _readonly(self.distribution))
        object.__setattr__(self, "payoffs", _readonly(self.payoffs))
        if self.exact is not None:
            exact = np.array(self.exact, dtype=object)
            exact.flags.writeable = False
            object.__setattr__(self, "exact", exact)

    @property
    def marginals(self) -> tuple[NDArray[np.float64], ...]:
        """Each player's probabilities of being told each action."""
        d = self.distribution
        return tuple(
            d.sum(axis=tuple(j for j in range(d.ndim) if j != i)) for i in range(d.ndim)
        )

    @property
    def is_product(self) -> bool:
        """True when the recommendations are independent: the distribution is a Nash equilibrium."""
        product = np.ones(())
        for m in self.marginals:
            product = np.multiply.outer(product, m)
        return bool(np.allclose(product, self.distribution, atol=1e-9))

    def __repr__(self) -> str:
        return (
            f"CorrelatedEquilibrium({_fmt(self.distribution.ravel())}; "
            f"payoffs={_fmt(self.payoffs)}; {self.objective}={self.value:.4g})"
        )
