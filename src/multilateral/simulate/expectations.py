"""Exact expectations of a match: :func:`expected_payoffs_by_turn`, by the joint state's law.

The same Markov chain as :func:`~multilateral.solvers.profile_values` (the same noise and
monitoring semantics and the one error model, :func:`multilateral._numeric.flip_matrix`),
propagated round by round: simulated averages can be checked against it. The overview and the
references are in :mod:`multilateral.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import as_fraction, flip_matrix, is_exact, is_small_rational
from .._validation import check_positive_int
from ..automata import Automaton
from ..games.normal_form import NormalFormGame
from ..types import Number, NumberArray
from ._checks import check_automaton, check_errors, check_stage

__all__ = ["expected_payoffs_by_turn"]
__dir__ = public_dir(__all__)


def expected_payoffs_by_turn(
    stage: NormalFormGame,
    row: Automaton,
    col: Automaton,
    *,
    turns: int,
    noise: Number = 0,
    monitoring_error: Number = 0,
) -> NumberArray:
    """Exact expected stage payoffs of each round of a match between two automata.

    The distribution of the joint automaton state is propagated round by round through the
    Markov chain of :func:`~multilateral.solvers.profile_values` (same noise and monitoring
    semantics); round ``t``'s expected payoffs are that distribution times the expected stage
    payoff of each joint state. Their ``(1 - delta) delta^t``-weighted sum converges to the
    profile's discounted value.

    Parameters
    ----------
    stage : NormalFormGame
        A two-player stage game.
    row, col : Automaton
    turns : int
        Number of rounds (>= 1).
    noise, monitoring_error : float or Fraction, default 0
        As in :func:`play_matches`.

    Returns
    -------
    numpy.ndarray
        Shape ``(turns, 2)``: object array of :class:`~fractions.Fraction` when the payoffs, the
        error rates (ints or Fractions) and the automata's probabilities (small-denominator
        dyadic numbers, as in :func:`~multilateral.solvers.profile_values`) are exact, else
        float64.

    See Also
    --------
    play_matches : the same matches, simulated.
    multilateral.solvers.profile_values : the discounted values of a profile.

    Examples
    --------
    >>> import multilateral as ml
    >>> from fractions import Fraction
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> A = ml.automata
    >>> ml.simulate.expected_payoffs_by_turn(pd, A.tit_for_tat(), A.random_player(),
    ...                                      turns=2).tolist()
    [[Fraction(3, 2), Fraction(4, 1)], [Fraction(9, 4), Fraction(9, 4)]]
    >>> grim = A.grim_trigger()
    >>> ml.simulate.expected_payoffs_by_turn(pd, grim, grim, turns=3,
    ...                                      noise=Fraction(1, 10))[:, 0].tolist()
    [Fraction(289, 100), Fraction(1293, 500), Fraction(29247, 12500)]
    """
    m0, m1 = check_stage(stage)
    check_automaton(row, m0, m1, "row")
    check_automaton(col, m1, m0, "col")
    turns = check_positive_int(turns, "turns")
    eps, mu = check_errors(noise, monitoring_error, (m0, m1))
    exact = (stage.is_exact and is_exact(noise) and is_exact(monitoring_error)
             and is_small_rational(row.transition_matrix, row.initial)
             and is_small_rational(col.transition_matrix, col.initial))
    conv: Any = as_fraction if exact else float
    eps_x = conv(noise) if exact else eps
    mu_x = conv(monitoring_error) if exact else mu

    def arr(x: Any) -> NDArray[Any]:
        a = np.asarray(x)
        return np.vectorize(conv, otypes=[object])(a) if exact else a.astype(np.float64)

    f0, f1 = flip_matrix(m0, eps_x, exact), flip_matrix(m1, eps_x, exact)
    h0 = f0 @ flip_matrix(m0, mu_x, exact)  # intended action -> reported action
    h1 = f1 @ flip_matrix(m1, mu_x, exact)
    t0 = arr(row.transition_matrix)  # (n0, m0, m1, n0): own reported, other's reported
    t1 = arr(col.transition_matrix)  # (n1, m1, m0, n1)
    a0 = h0[row.actions][:, :, None, None] * t0
    a1 = h1[col.actions][:, :, None, None] * t1
    n0, n1 = row.n_states, col.n_states
    q = np.einsum("xabu,ybav->xyuv", a0, a1).reshape(n0 * n1, n0 * n1)
    u = arr(stage.payoffs)  # (m0, m1, 2)
    e = np.einsum("xa,yb,abi->xyi", f0[row.actions], f1[col.actions], u).reshape(n0 * n1, 2)
    p = np.multiply.outer(arr(row.initial), arr(col.initial)).reshape(n0 * n1)
    out = np.empty((turns, 2), dtype=object if exact else np.float64)
    for t in range(turns):
        out[t] = p @ e
        p = p @ q
    return out
