"""Evolutionary stability: Maynard Smith's conditions, exactly for exact payoffs.

:func:`is_ess` tests one strategy, pure or mixed, by Haigh's criterion on the best replies;
:func:`evolutionarily_stable_strategies` tests every isolated rest point of the replicator
dynamics (an ESS is one).

References
----------
.. [1] Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge University
   Press.
.. [2] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
   8-11; Hadeler, K. P. (1983). On copositive matrices. *Linear Algebra Appl.* 49, 79-89.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..._namespace import public_dir
from ..._validation import as_probability_vector, check_tol
from ...errors import InvalidArgumentError, InvalidProbabilityError, InvalidTypeError
from ...games.population import MatrixGame, symmetric_payoff_matrix
from ...tolerances import EQUILIBRIUM
from ...types import Number
from ._kernel import (
    Field,
    eliminate,
    exact_flag,
    fractions,
    is_exact_array,
    positive_definite,
    scaled,
    solve_rational,
    strictly_copositive,
)
from .replicator import RestPoint, support_rest_points

__all__ = ["evolutionarily_stable_strategies", "is_ess"]
__dir__ = public_dir(__all__)


def is_ess(game: MatrixGame, strategy: int | Sequence[Number] | ArrayLike, *,
           tol: float = EQUILIBRIUM) -> bool:
    """Whether ``strategy`` is an evolutionarily stable strategy (Maynard Smith 1982).

    ``p`` is an ESS when every other strategy ``q`` (pure or mixed) either does worse
    against ``p`` (``u(q, p) < u(p, p)``) or ties there and does worse against itself than
    ``p`` does against it (``u(q, p) = u(p, p)`` and ``u(q, q) < u(p, q)``). Checked exactly
    (Haigh 1975): ``p`` must be a symmetric Nash equilibrium, and ``z^T A z < 0`` for every
    ``z != 0`` with ``sum z = 0`` supported on the best replies ``B`` to ``p`` and
    nonnegative off the support of ``p`` (negative definiteness on the support, then strict
    copositivity of a Schur complement on ``B`` minus the support, by Hadeler's criterion).

    Parameters
    ----------
    game : array_like or NormalFormGame
        An ``(m, m)`` payoff matrix or a symmetric two-player game.
    strategy : int or array_like
        A pure strategy's index, or a mixed strategy (``m`` probabilities). With exact payoffs
        and an int/Fraction strategy the test is exact.
    tol : float
        Tolerance of the float path (relative to the largest payoff).

    Returns
    -------
    bool

    See Also
    --------
    evolutionarily_stable_strategies : every ESS of a game.
    rest_points : the rest points of the replicator dynamics (every ESS is a stable one).

    References
    ----------
    .. [1] Maynard Smith, J. and Price, G. R. (1973). The logic of animal conflict. *Nature*
       246, 15-18.
    .. [2] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
       8-11.
    .. [3] Hadeler, K. P. (1983). On copositive matrices. *Linear Algebra and its
       Applications* 49, 79-89.

    Examples
    --------
    Hawk-Dove with value ``V = 2`` and cost ``C = 3``: hawks at frequency ``V / C`` form the
    ESS; pure Hawk is not one.

    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> hd = [[Fraction(2 - 3, 2), 2], [0, 1]]      # [[(V - C)/2, V], [0, V/2]]
    >>> ml.solvers.is_ess(hd, [Fraction(2, 3), Fraction(1, 3)]), ml.solvers.is_ess(hd, 0)
    (True, False)
    """
    tol = check_tol(tol)
    a = symmetric_payoff_matrix(game)
    m = a.shape[0]
    exact_payoffs = is_exact_array(a)
    p, exact = _strategy(strategy, m, exact_payoffs, tol)
    if exact:
        return _ess(fractions(a), p, Field(True))
    af, _ = scaled(a)
    return _ess(af.tolist(), p, Field(False, tol))


def evolutionarily_stable_strategies(
    game: MatrixGame, *, exact: bool | None = None, tol: float = EQUILIBRIUM
) -> tuple[RestPoint, ...]:
    """Every evolutionarily stable strategy, pure or mixed, as a :class:`RestPoint`.

    An ESS is a rest point; the isolated rest points of :func:`rest_points` are tested with
    :func:`is_ess`. (Faces whose equal-fitness points form a continuum hold no ESS: two such
    points tie against each other.) Every ESS is asymptotically stable under the replicator
    dynamics, though not conversely.

    Parameters
    ----------
    game : array_like or NormalFormGame
        An ``(m, m)`` payoff matrix or a symmetric two-player game.
    exact : bool, optional
        Exact arithmetic (default: when the payoffs are ints or Fractions).
    tol : float
        Tolerance of the float path.

    Returns
    -------
    tuple of RestPoint

    See Also
    --------
    is_ess : the test of one strategy.
    rest_points : every rest point, ESS or not.
    small_mutation_limit : where a finite population spends its time.

    References
    ----------
    .. [1] Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge
       University Press.
    .. [2] Haigh, J. (1975). Game theory and evolution. *Advances in Applied Probability* 7,
       8-11.

    Examples
    --------
    In the Prisoner's Dilemma only all-D is an ESS; in a Stag Hunt both pure strategies are:

    >>> import multilateral as ml
    >>> [e.exact for e in ml.solvers.evolutionarily_stable_strategies([[3, 0], [5, 1]])]
    [(Fraction(0, 1), Fraction(1, 1))]
    >>> len(ml.solvers.evolutionarily_stable_strategies([[4, 0], [3, 3]]))
    2
    """
    tol = check_tol(tol)
    a = symmetric_payoff_matrix(game)
    use_exact = exact_flag(a, exact)
    out = []
    if use_exact:
        fa = fractions(a)
    else:
        af, _ = scaled(a)
        fl = af.tolist()
    for rp in support_rest_points(a, use_exact, tol, skip_continua=True):
        if use_exact and rp.exact is not None:
            ok = _ess(fa, list(rp.exact), Field(True))
        else:
            ok = _ess(fl, rp.x.tolist(), Field(False, tol))
        if ok:
            out.append(rp)
    return tuple(out)


def _strategy(strategy: Any, m: int, exact_payoffs: bool, tol: float
              ) -> tuple[list[Any], bool]:
    if isinstance(strategy, (numbers.Integral, np.integer)) and not isinstance(strategy, bool):
        i = int(strategy)
        if not 0 <= i < m:
            raise InvalidArgumentError(f"a pure strategy is an index in 0..{m - 1}, got {i}")
        one, zero = (Fraction(1), Fraction(0)) if exact_payoffs else (1.0, 0.0)
        return [one if j == i else zero for j in range(m)], exact_payoffs
    if isinstance(strategy, bool):
        raise InvalidTypeError("a strategy is an index or a probability vector, not a bool")
    flat = list(np.asarray(strategy, dtype=object).ravel()) if np.ndim(strategy) == 1 else None
    if exact_payoffs and flat is not None and all(
            isinstance(v, numbers.Rational) and not isinstance(v, bool) for v in flat):
        p = [Fraction(v) for v in flat]
        if len(p) != m:
            raise InvalidProbabilityError(
                f"strategy must have {m} probabilities (one per strategy), got {len(p)}")
        if any(v < 0 for v in p) or sum(p) != 1:
            raise InvalidProbabilityError(
                f"strategy must be nonnegative and sum to 1 exactly, got {[str(v) for v in p]}")
        return p, True
    return as_probability_vector(strategy, m, "strategy", tol).tolist(), False


def _ess(a: list[list[Any]], p: list[Any], field: Field) -> bool:
    """Haigh's test (see :func:`is_ess`) in exact or float arithmetic."""
    m = len(a)
    ap = [sum((a[i][j] * p[j] for j in range(m)), 0 * p[0]) for i in range(m)]
    u = sum((p[i] * ap[i] for i in range(m)), 0 * p[0])
    if any(field.sign(v - u) > 0 for v in ap):
        return False  # not a Nash equilibrium: a better reply invades
    best = [j for j in range(m) if field.sign(ap[j] - u) == 0]
    support = [i for i in range(m) if field.sign(p[i]) > 0]
    if not set(support) <= set(best):
        return False
    extra = [j for j in best if j not in support]
    s0, free = support[0], support[1:] + extra

    def sym(i: int, j: int) -> Any:
        return (a[i][j] + a[j][i]) / 2

    # the quadratic form z^T A z on z = sum_v y_v (e_v - e_s0)
    q = [[sym(v, w) - sym(v, s0) - sym(s0, w) + sym(s0, s0) for w in free] for v in free]
    ny = len(support) - 1
    p_block = [row[:ny] for row in q[:ny]]
    if ny and not positive_definite([[-v for v in row] for row in p_block], field):
        return False
    if not extra:
        return True
    r_block = [row[ny:] for row in q[:ny]]
    u_block = [row[ny:] for row in q[ny:]]
    schur = [row[:] for row in u_block]
    if ny:
        cols = []
        for c in range(len(extra)):
            column = [row[c] for row in r_block]
            sol = (solve_rational(p_block, column) if field.exact
                   else eliminate(p_block, column, field)[1])
            if sol is None:  # pragma: no cover - P is definite, so the system is regular
                return False
            cols.append(sol)
        for i in range(len(extra)):
            for j in range(len(extra)):
                schur[i][j] -= sum((r_block[k][i] * cols[j][k] for k in range(ny)),
                                   0 * schur[i][j])
    return strictly_copositive([[-v for v in row] for row in schur], field)

