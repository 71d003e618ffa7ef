"""N-player solvers on the payoff array: pure equilibria, best responses, dominance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from .._namespace import public_dir
from .._validation import DEFAULT_TOL, check_tol
from ..errors import InvalidArgumentError
from ..games.normal_form import NormalFormGame
from ._checks import as_game

__all__ = [
    "EliminationResult",
    "best_responses",
    "iterated_elimination",
    "pure_nash_equilibria",
]
__dir__ = public_dir(__all__)


def pure_nash_equilibria(
    game: NormalFormGame, *, tol: float = DEFAULT_TOL
) -> tuple[tuple[int, ...], ...]:
    """Every pure-strategy Nash equilibrium of an N-player game.

    Vectorized over the whole payoff array: for each player, the maximum over his own action
    axis marks his best responses; equilibria are the profiles where every player's mark is
    set. Cost is ``N`` passes over the ``n_1 ... n_N`` profiles.

    Parameters
    ----------
    game : NormalFormGame
    tol : float
        A payoff within ``tol`` of the best counts as a best response (exact games compare
        exactly).

    Returns
    -------
    tuple of tuple of int
        Action-index profiles, in lexicographic order; ``game.actions`` gives their labels.

    See Also
    --------
    best_responses : each player's best replies to a profile.
    iterated_elimination : iterated elimination of dominated actions.
    multilateral.solvers.nash_equilibria : mixed equilibria of two-player games.
    multilateral.solvers.symmetric_equilibria : equilibria of anonymous games.

    References
    ----------
    .. [1] Nash, J. (1951). Non-cooperative games. *Annals of Mathematics* 54(2), 286-295.

    Examples
    --------
    >>> import multilateral as ml
    >>> chicken = ml.TwoByTwo.symmetric(T=3, R=2, P=0, S=1)
    >>> ml.solvers.pure_nash_equilibria(chicken)     # one swerves (C), the other not (D)
    ((0, 1), (1, 0))
    """
    game = as_game(game)
    tol = 0.0 if game.is_exact else check_tol(tol)
    payoffs = game.payoffs if game.payoffs.dtype.kind in "iu" else game.float_payoffs
    # one contiguous array per player: the strided views payoffs[..., i] are memory-bound
    by_player = np.ascontiguousarray(np.moveaxis(payoffs, -1, 0))
    ok = np.ones(game.shape, dtype=bool)
    for i in range(game.n_players):
        u = by_player[i]
        ok &= u.max(axis=i, keepdims=True) - u <= tol  # the gain from deviating, as in regret
    return tuple(tuple(int(a) for a in row) for row in np.argwhere(ok))


def best_responses(
    game: NormalFormGame, profile: Sequence[ArrayLike], player: int, *, tol: float = DEFAULT_TOL
) -> tuple[int, ...]:
    """The pure best responses of ``player`` to the others' mixed strategies in ``profile``.

    ``profile[player]`` is ignored except that it must be a valid mixed strategy.

    See Also
    --------
    pure_nash_equilibria : profiles of mutual best responses.
    iterated_elimination : iterated elimination of dominated actions.

    Examples
    --------
    >>> import multilateral as ml
    >>> stag = ml.TwoByTwo.symmetric(T=3, R=4, P=2, S=0)
    >>> ml.solvers.best_responses(stag, [[1, 0], [2/3, 1/3]], player=0)   # indifferent
    (0, 1)
    """
    game = as_game(game)
    tol = check_tol(tol)
    values = game.action_values(profile, player)
    return tuple(int(a) for a in np.flatnonzero(values >= values.max() - tol))


@dataclass(frozen=True)
class EliminationResult:
    """What survives iterated elimination of strictly dominated strategies.

    Attributes
    ----------
    surviving : tuple of tuple of int
        The original indices of each player's surviving actions.
    game : NormalFormGame
        The reduced game.
    eliminated : tuple of (int, int)
        ``(player, action)`` in the order they were removed.

    See Also
    --------
    iterated_elimination : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> ml.solvers.iterated_elimination(pd).surviving  # defection survives
    ((1,), (1,))
    """

    surviving: tuple[tuple[int, ...], ...]
    game: NormalFormGame
    eliminated: tuple[tuple[int, int], ...]


def iterated_elimination(
    game: NormalFormGame,
    *,
    by: Literal["pure", "mixed"] = "mixed",
    tol: float = DEFAULT_TOL,
) -> EliminationResult:
    """Iterated elimination of strictly dominated strategies.

    Parameters
    ----------
    by : {"mixed", "pure"}
        Dominance by mixed strategies (an LP per action, scipy's HiGHS; the default, and what
        rationalizability needs in two-player games) or by pure strategies only.
    tol : float
        An action is dominated when another strategy beats it by more than ``tol`` against
        every profile of the others.

    See Also
    --------
    EliminationResult : what it returns.
    pure_nash_equilibria : pure equilibria of the game.
    best_responses : each player's best replies.

    References
    ----------
    .. [1] Fudenberg, D. and Tirole, J. (1991). *Game Theory*, section 2.1. MIT Press.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> ml.solvers.iterated_elimination(pd).surviving        # only defection survives
    ((1,), (1,))
    """
    game = as_game(game)
    tol = check_tol(tol)
    if by not in ("pure", "mixed"):
        raise InvalidArgumentError(f"by must be 'pure' or 'mixed', got {by!r}")
    alive = [list(range(m)) for m in game.shape]
    removed: list[tuple[int, int]] = []
    payoffs = game.float_payoffs
    changed = True
    while changed:
        changed = False
        for i in range(game.n_players):
            if len(alive[i]) == 1:
                continue
            sub = payoffs[np.ix_(*alive)][..., i]
            u = np.moveaxis(sub, i, 0).reshape(len(alive[i]), -1)  # own action x others
            for k in range(len(alive[i])):
                if _dominated(u, k, by, tol):
                    removed.append((i, alive[i][k]))
                    del alive[i][k]
                    changed = True
                    break
    reduced = NormalFormGame(
        game.payoffs[np.ix_(*alive)],
        players=game.players,
        actions=[[game.actions[i][a] for a in alive[i]] for i in range(game.n_players)],
    )
    return EliminationResult(tuple(tuple(a) for a in alive), reduced, tuple(removed))


def _dominated(u: np.ndarray, k: int, by: str, tol: float) -> bool:
    """Is row ``k`` of ``u`` (own actions x opponents' profiles) strictly dominated?"""
    others = np.delete(u, k, axis=0)
    if np.any(np.all(others > u[k] + tol, axis=1)):
        return True
    if by == "pure" or len(others) < 2:
        return False
    from scipy.optimize import linprog

    # max eps s.t. sigma @ others - u[k] >= eps for every column, sigma in the simplex
    n_own, n_cols = others.shape
    cost = np.zeros(n_own + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-others.T, np.ones((n_cols, 1))])
    a_eq = np.concatenate([np.ones(n_own), [0.0]])[None, :]
    res = linprog(cost, A_ub=a_ub, b_ub=-u[k], A_eq=a_eq, b_eq=[1.0],
                  bounds=[(0, None)] * n_own + [(None, None)], method="highs")
    return bool(res.status == 0 and -res.fun > tol)

