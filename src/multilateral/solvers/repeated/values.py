"""The discounted values of an automaton profile: :func:`profile_values` and :class:`ProfileValues`.

The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import is_exact, solve_exact
from ...automata import Automaton
from ...games.repeated import RepeatedGame
from ._chain import build_chain, values_float
from .checks import as_profile

__all__ = ["ProfileValues", "profile_values"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class ProfileValues:
    """Normalized discounted values of an automaton profile.

    Attributes
    ----------
    values : numpy.ndarray
        Each player's expected value from the initial state(s), shape ``(N,)``.
    state_values : numpy.ndarray
        Values from every joint state, shape ``(n_joint_states, N)``.
    states : tuple of tuple of str
        The joint states (one automaton state label per player), in the rows' order.
    exact : tuple, optional
        ``values`` as Fractions when the game and the profile are exact.

    See Also
    --------
    profile_values : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> grim = ml.automata.grim_trigger()
    >>> ml.solvers.profile_values(game, [grim, grim])   # float delta: float values
    ProfileValues(3.0, 3.0)
    """

    values: NDArray[np.float64]
    state_values: NDArray[np.float64]
    states: tuple[tuple[str, ...], ...]
    exact: tuple[Fraction, ...] | None = None

    def __repr__(self) -> str:
        shown = self.exact if self.exact is not None else tuple(np.round(self.values, 6))
        return f"ProfileValues({', '.join(str(v) for v in shown)})"


def profile_values(game: RepeatedGame, profile: Sequence[Automaton]) -> ProfileValues:
    """Exact expected discounted values of an automaton profile.

    Solves ``V = (1 - delta) u + delta P V`` on the joint automaton states, with noise and
    monitoring errors folded into ``u`` and ``P``; exact (Fractions) when the stage payoffs,
    ``delta``, the error rates and the automata are.

    See Also
    --------
    critical_discount : the least discount factor sustaining a profile.
    is_subgame_perfect : one-shot deviation check.
    is_nash_equilibrium : check deviations from the start.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> from fractions import Fraction
    >>> game = ml.RepeatedGame(pd, delta=Fraction(9, 10))
    >>> tft, alld = ml.automata.tit_for_tat(), ml.automata.always_defect()
    >>> ml.solvers.profile_values(game, [tft, alld])   # sucker once, then mutual defection
    ProfileValues(9/10, 7/5)
    """
    # one exactness rule: a float delta makes the answer float (its binary expansion as a
    # Fraction would be exact nonsense, and slow)
    profile = as_profile(game, profile)
    chain = build_chain(game, profile, exact=is_exact(game.delta))
    u, trans = chain.step(chain.outcome)
    if chain.exact:
        d = Fraction(game.delta)
        size = len(chain.labels)
        # (I - d P) v_i = (1 - d) u_i for each player i: nonsingular for d < 1
        mat = [[int(r == c) - d * Fraction(trans[r, c]) for c in range(size)]
               for r in range(size)]
        columns = [solve_exact(mat, [(1 - d) * Fraction(v) for v in u[:, i]])
                   for i in range(u.shape[1])]
        vals = np.array(columns, dtype=object).T
        start = chain.initial @ vals
        return ProfileValues(np.asarray(start, dtype=float), np.asarray(vals, dtype=float),
                             chain.labels, tuple(start))
    vals = values_float(u, trans, float(game.delta))
    return ProfileValues(chain.initial @ vals, vals, chain.labels)
