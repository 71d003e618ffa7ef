"""Result objects returned by solvers and models: frozen dataclasses with a short repr.

The one result convention: a result is a frozen dataclass whose arrays are read-only. Its
numeric fields are floats (for computing and plotting); when the input was exact (``int`` or
``Fraction`` payoffs and parameters) an ``exact`` field carries the same values in exact
arithmetic. Something that does not exist (no discount factor sustains cooperation, no
equilibrium of a kind) is said by the result (``attainable``, an empty tuple), never by a
bare ``nan``.

A result's repr is one short line that shows the exact values where it has them (``2/3``,
not ``0.6667``; a sympy closed form as sympy prints it) and the floats otherwise; results that
are formulas also have ``_repr_latex_`` for notebooks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ._display import REPR_EXACT_CHARS, latex_number, repr_exact, repr_values
from ._namespace import public_dir
from ._numeric import format_number, is_exact, readonly
from .tolerances import SAME_POINT
from .types import Number

if TYPE_CHECKING:
    import sympy

__all__ = [
    "CorrelatedEquilibrium",
    "CriticalDiscount",
    "NashEquilibrium",
    "SymmetricEquilibrium",
    "Threshold",
]
__dir__ = public_dir(__all__)


def _shown(exact: object, approx: float, digits: int = 6) -> str:
    """A value for a repr: a rational or a short closed form exactly (``2/3``,
    ``1/2 - sqrt(2)/4``); a root of a polynomial with no closed form (``CRootOf(...)``), a
    long value or a missing one by its float."""
    if exact is None or "RootOf" in str(exact) or len(str(exact)) > REPR_EXACT_CHARS:
        return format_number(float(approx), digits)
    return str(exact)


def _latex_vector(values: Any) -> str:
    r"""``\left(a, b\right)`` in LaTeX math mode."""
    return r"\left(" + ", ".join(latex_number(v) for v in values) + r"\right)"


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
    exact_payoffs : tuple of Fraction, optional
        The expected payoffs in exact arithmetic, with ``exact``.

    Notes
    -----
    The repr shows the exact values where there are some (``2/3``, not ``0.6667``);
    ``_repr_latex_`` writes the profile as LaTeX for a notebook.

    See Also
    --------
    multilateral.solvers.nash_equilibria : returns them.
    CorrelatedEquilibrium : the correlated counterpart.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> ml.solvers.nash_equilibria(pd)
    (NashEquilibrium([0, 1], [0, 1]; payoffs=[1, 1]),)
    >>> stag = ml.TwoByTwo.symmetric(T=3, R=4, P=2, S=0)
    >>> ml.solvers.nash_equilibria(stag)[1]
    NashEquilibrium([2/3, 1/3], [2/3, 1/3]; payoffs=[8/3, 8/3])
    """

    strategies: tuple[NDArray[np.float64], ...]
    payoffs: NDArray[np.float64]
    regret: float
    method: str
    exact: tuple[tuple[Fraction, ...], ...] | None = field(default=None)
    exact_payoffs: tuple[Fraction, ...] | None = field(default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategies", tuple(readonly(s) for s in self.strategies))
        object.__setattr__(self, "payoffs", readonly(self.payoffs))

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
            a.shape == b.shape and np.allclose(a, b, atol=SAME_POINT)
            for a, b in zip(self.strategies, other.strategies, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # equality is approximate: not hashable

    def __repr__(self) -> str:
        exact = self.exact if self.exact is not None else (None,) * len(self.strategies)
        body = ", ".join(repr_values(s, e) for s, e in zip(self.strategies, exact, strict=True))
        return f"NashEquilibrium({body}; payoffs={repr_values(self.payoffs, self.exact_payoffs)})"

    def _repr_latex_(self) -> str:
        """The profile and the payoffs in LaTeX math (exact where known), for notebooks.

        Examples
        --------
        >>> import multilateral as ml
        >>> mp = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        >>> print(ml.solvers.nash_equilibria(mp)[0]._repr_latex_())  # doctest: +ELLIPSIS
        $\\sigma = \\left(\\left(\\frac{1}{2}, \\frac{1}{2}\\right), ...\\right)$
        """
        strategies = self.exact if self.exact is not None else self.strategies
        payoffs = self.exact_payoffs if self.exact_payoffs is not None else self.payoffs
        profile = ", ".join(_latex_vector(s) for s in strategies)
        return (rf"$\sigma = \left({profile}\right),\quad u = "
                rf"{_latex_vector(payoffs)}$")


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

    See Also
    --------
    multilateral.solvers.symmetric_equilibria : returns them.
    NashEquilibrium : an equilibrium of a normal-form game.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.AnonymousGame.threshold(3, 2, benefit=4, cost=1)
    >>> for eq in ml.solvers.symmetric_equilibria(g):
    ...     print(eq)
    SymmetricEquilibrium(p=0, stable, payoff=0)
    SymmetricEquilibrium(p=1/2 - sqrt(2)/4, unstable, payoff=0.0857864)
    SymmetricEquilibrium(p=sqrt(2)/4 + 1/2, stable, payoff=2.91421)
    >>> print(ml.solvers.symmetric_equilibria(g)[1]._repr_latex_())
    $p = \\frac{1}{2} - \\frac{\\sqrt{2}}{4}$
    """

    probability: float
    stable: bool
    payoff: float
    exact: Fraction | sympy.Expr | None = None

    @property
    def is_pure(self) -> bool:
        """True for all-cooperate or all-defect."""
        return self.probability in (0.0, 1.0)

    def __repr__(self) -> str:
        tag = "stable" if self.stable else "unstable"
        return (f"SymmetricEquilibrium(p={_shown(self.exact, self.probability)}, {tag}, "
                f"payoff={format_number(self.payoff)})")

    def _repr_latex_(self) -> str:
        """The probability in LaTeX math (exact where known, by sympy's printer)."""
        return f"$p = {latex_number(self.exact if self.exact is not None else self.probability)}$"


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
    exact_value : Fraction, optional
        ``value`` in exact arithmetic (exact payoffs and objective).

    See Also
    --------
    multilateral.solvers.correlated_equilibrium : returns it.
    NashEquilibrium : the uncorrelated special case.

    Examples
    --------
    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=4, R=3, P=0, S=1)
    >>> ce = ml.solvers.correlated_equilibrium(chicken)
    >>> ce
    CorrelatedEquilibrium([1/3, 1/3, 1/3, 0]; payoffs=[8/3, 8/3]; welfare=16/3)
    >>> ce.exact_payoffs
    (Fraction(8, 3), Fraction(8, 3))
    """

    distribution: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    value: float
    objective: str
    max_violation: float
    exact: NDArray[np.object_] | None = None
    exact_payoffs: tuple[Fraction, ...] | None = None
    exact_value: Fraction | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "distribution", readonly(self.distribution))
        object.__setattr__(self, "payoffs", readonly(self.payoffs))
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
        return bool(np.allclose(product, self.distribution, atol=SAME_POINT))

    def __repr__(self) -> str:
        value = (format_number(self.value, 4) if self.exact_value is None
                 else repr_exact(self.exact_value, self.value, 4))
        return (
            f"CorrelatedEquilibrium({repr_values(self.distribution.ravel(), self.exact)}; "
            f"payoffs={repr_values(self.payoffs, self.exact_payoffs)}; {self.objective}={value})"
        )


@dataclass(frozen=True, repr=False)
class CriticalDiscount:
    """The least discount factor at which cooperation (a profile, an agreement) is sustained.

    Returned by :func:`multilateral.solvers.critical_discount` and by every model's
    ``critical_discount`` method.

    Attributes
    ----------
    delta : float
        The infimum of the discount factors in ``[0, 1)`` that sustain it; ``inf`` when none
        does (then ``attainable`` is False and ``feasible`` is empty).
    feasible : tuple of (float, float)
        The set of such discount factors as closed intervals (it need not be one interval:
        Tit for Tat is subgame perfect only at isolated values).
    exact : object, optional
        ``delta`` as an exact number (Fraction or sympy algebraic number) when the input was
        exact.
    expression : sympy.Expr, optional
        ``delta`` as an expression in the stage payoffs' symbols (``symbolic=True``).
    binding : tuple, optional
        ``(joint state, player, deviation action)`` of the constraint that binds at ``delta``.

    See Also
    --------
    multilateral.solvers.critical_discount : the threshold of an automaton profile.
    multilateral.models.ConditionalCooperation.critical_discount : Oye's n-player threshold.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.results import CriticalDiscount
    >>> cd = CriticalDiscount.at_least(Fraction(1, 2))
    >>> cd, cd.delta, cd.attainable, float(cd)
    (CriticalDiscount(1/2), 0.5, True, 0.5)
    >>> CriticalDiscount.never()
    CriticalDiscount(never)
    """

    delta: float
    feasible: tuple[tuple[float, float], ...]
    exact: Fraction | sympy.Expr | None = None
    expression: sympy.Expr | None = None
    binding: tuple[tuple[str, ...], int, int] | None = None

    @classmethod
    def at_least(cls, threshold: Number) -> CriticalDiscount:
        """Sustained exactly for ``threshold <= delta < 1`` (exact when ``threshold`` is)."""
        exact = Fraction(threshold) if is_exact(threshold) else None
        value = float(threshold)
        return cls(value, ((value, 1.0),), exact)

    @classmethod
    def never(cls) -> CriticalDiscount:
        """Sustained by no discount factor in ``[0, 1)``."""
        return cls(math.inf, ())

    @property
    def attainable(self) -> bool:
        """Whether some discount factor below one sustains it."""
        return bool(self.feasible)

    @property
    def value(self) -> float | Fraction | sympy.Expr:
        """``delta`` in the input's arithmetic: ``exact`` when there is one, else the float."""
        return self.exact if self.exact is not None else self.delta

    def __float__(self) -> float:
        return self.delta

    def __repr__(self) -> str:
        if not self.attainable:
            return "CriticalDiscount(never)"
        shown = self.expression if self.expression is not None else (
            repr_exact(self.exact, self.delta) if self.exact is not None
            else format_number(self.delta))
        return f"CriticalDiscount({shown})"

    def _repr_latex_(self) -> str:
        """The threshold in LaTeX math, for notebooks (the expression by :func:`sympy.latex`).

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.results import CriticalDiscount
        >>> print(CriticalDiscount.at_least(Fraction(1, 2))._repr_latex_())
        $\\delta^{*} = \\frac{1}{2}$
        """
        if not self.attainable:
            return r"$\delta^{*}\colon \mathrm{none} < 1$"
        shown = self.expression if self.expression is not None else self.value
        return rf"$\delta^{{*}} = {latex_number(shown)}$"


@dataclass(frozen=True, repr=False)
class Threshold:
    """The critical value of a model parameter, past which the model's answer changes.

    For thresholds other than a discount factor (:class:`CriticalDiscount`): a critical risk,
    cost ratio, alignment or spread. Returned where the threshold can fail to exist, so that
    "there is none" is said by the result and never by a bare ``nan``.

    Attributes
    ----------
    parameter : str
        The parameter's name (from the glossary).
    value : float
        The threshold; ``inf`` (or ``-inf``) when no value of the parameter crosses it (then
        ``attainable`` is False).
    holds_above : bool
        True when the property holds at values at or above the threshold, False when at or
        below.
    exact : object, optional
        ``value`` in exact arithmetic when the input was exact.

    See Also
    --------
    CriticalDiscount : the threshold of the discount factor.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.results import Threshold
    >>> t = Threshold.at(Fraction(3, 4), "risk")
    >>> t, t.value, t.attainable
    (Threshold(risk >= 3/4), 0.75, True)
    >>> Threshold.none("risk")
    Threshold(risk: none)
    """

    parameter: str
    value: float
    holds_above: bool = True
    exact: Fraction | None = None

    @classmethod
    def at(cls, value: Number, parameter: str, *, holds_above: bool = True) -> Threshold:
        """A threshold at ``value`` (kept exact when it is)."""
        exact = Fraction(value) if is_exact(value) else None
        return cls(parameter, float(value), holds_above, exact)

    @classmethod
    def none(cls, parameter: str, *, holds_above: bool = True) -> Threshold:
        """No value of ``parameter`` makes the property hold."""
        return cls(parameter, math.inf if holds_above else -math.inf, holds_above)

    @property
    def attainable(self) -> bool:
        """Whether some value of the parameter makes the property hold."""
        return math.isfinite(self.value)

    def __float__(self) -> float:
        return self.value

    def __repr__(self) -> str:
        if not self.attainable:
            return f"Threshold({self.parameter}: none)"
        shown = (repr_exact(self.exact, self.value) if self.exact is not None
                 else format_number(self.value))
        return f"Threshold({self.parameter} {'>=' if self.holds_above else '<='} {shown})"

    def _repr_latex_(self) -> str:
        """The threshold in LaTeX math, for notebooks.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.results import Threshold
        >>> print(Threshold.at(Fraction(3, 4), "risk")._repr_latex_())
        $\\mathrm{risk} \\geq \\frac{3}{4}$
        """
        name = self.parameter.replace("_", r"\_")
        if not self.attainable:
            return rf"$\mathrm{{{name}}}\colon \mathrm{{none}}$"
        shown = latex_number(self.exact if self.exact is not None else self.value)
        relation = r"\geq" if self.holds_above else r"\leq"
        return rf"$\mathrm{{{name}}} {relation} {shown}$"
