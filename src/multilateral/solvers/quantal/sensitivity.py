"""How the logit QRE of a normal-form game moves with its payoffs (for estimation).

At a logit QRE the equations ``H(w, theta) = 0`` of :mod:`._equations` hold, ``w`` the
log-probabilities; where their Jacobian ``J_w`` in ``w`` is regular (everywhere but at turning
points of the branch), the implicit function theorem gives the derivatives of the
log-probabilities with respect to any parameter ``theta`` of the payoffs:
``d w / d theta = -J_w^{-1} d H / d theta``. For a payoff direction ``D`` (the payoffs
``U + t D``) the rows of player ``i``'s action differences have ``d H / d t = -lam g_i(D)``,
``g_i(D)`` the differences of ``D``'s payoffs of ``i``'s actions against the others' QRE
mixes; for ``lam``, ``d H / d lam = -g_i(U)``.

:func:`qre_sensitivity` solves for the QRE, warm-started from a nearby profile by Newton's
method at fixed ``lam`` (the estimators' repeated solves), or traced along the principal
branch from ``lam = 0`` when there is no start or Newton fails, and returns these
derivatives.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import check_tol
from ...errors import InvalidArgumentError, InvalidTypeError, SolverError
from ...games.extensive import ExtensiveFormGame
from ...games.normal_form import NormalFormGame
from ...tolerances import EQUILIBRIUM
from ._agent import AgentQRE
from ._equations import NormalFormQRE, check_lam
from ._homotopy import correct_at, trace
from .normal_form import FIRST_STEP
from .results import LogitQRE

__all__ = ["QRESensitivity", "qre_sensitivity"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]
#: Steps of a principal-branch trace before it gives up (as ``logit_qre``'s default).
_MAX_STEPS = 10_000
#: Trees whose agent-QRE equations are kept (an estimator solves one tree many times).
_CACHED_TREES = 4
_TREES: dict[int, tuple[ExtensiveFormGame, AgentQRE]] = {}


def _tree_system(game: ExtensiveFormGame) -> AgentQRE:
    hit = _TREES.get(id(game))
    if hit is not None and hit[0] is game:
        return hit[1]
    system = AgentQRE(game)
    if len(_TREES) >= _CACHED_TREES:
        _TREES.pop(next(iter(_TREES)))
    _TREES[id(game)] = (game, system)
    return system


@dataclass(frozen=True, repr=False, eq=False)
class QRESensitivity:
    """A logit QRE and the derivatives of its log-probabilities.

    Attributes
    ----------
    qre : LogitQRE
        The equilibrium (its ``slopes`` are ``d p / d lam``).
    log_derivatives : numpy.ndarray
        Shape ``(k, M)``: row ``r`` is ``d log p / d t_r`` along the ``r``-th payoff
        direction, the ``M`` actions player by player.
    log_lam_derivative : numpy.ndarray
        ``d log p / d lam``, shape ``(M,)``.
    warm : bool
        Whether the equilibrium was found from ``start`` (False: traced along the principal
        branch from ``lam = 0``).

    See Also
    --------
    qre_sensitivity : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.solvers.quantal import qre_sensitivity
    >>> out = qre_sensitivity(ml.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]]), 1.0)
    >>> out
    QRESensitivity(LogitQRE(lam=1; [0.5712, 0.4288], [0.4288, 0.5712]), 0 directions)
    >>> out.log_lam_derivative.shape, out.warm
    ((4,), False)
    """

    qre: LogitQRE
    log_derivatives: FloatArray = field(repr=False)
    log_lam_derivative: FloatArray = field(repr=False)
    warm: bool = False

    def __repr__(self) -> str:
        return f"QRESensitivity({self.qre!r}, {self.log_derivatives.shape[0]} directions)"


def _payoffs(game: Any, what: str) -> FloatArray:
    if isinstance(game, NormalFormGame):
        return np.asarray(game.float_payoffs, dtype=np.float64)
    if not isinstance(game, np.ndarray):
        raise InvalidTypeError(
            f"{what} must be a NormalFormGame or a float payoff array of shape "
            f"(n_1, ..., n_N, N), got {type(game).__name__}")
    pay = np.asarray(game, dtype=np.float64)
    if pay.ndim < 2 or pay.shape[-1] != pay.ndim - 1 or not np.all(np.isfinite(pay)):
        raise InvalidArgumentError(
            f"{what} must be a finite payoff array of shape (n_1, ..., n_N, N), got shape "
            f"{pay.shape}")
    return pay


def _warm(system: NormalFormQRE | AgentQRE, start: Sequence[Any], lam: float, tol: float
          ) -> FloatArray | None:
    blocks = [np.asarray(s, dtype=np.float64).ravel() for s in start]
    if ([b.size for b in blocks] != list(system.shape)
            or not all(np.all(b > 0) and np.all(np.isfinite(b)) for b in blocks)):
        raise InvalidArgumentError(
            f"start must give one positive probability vector per player (information set "
            f"of a tree), of lengths "
            f"{list(system.shape)}")
    guess = np.append(np.concatenate([np.log(b / b.sum()) for b in blocks]), lam)
    try:
        x = correct_at(system, guess, lam, tol)
    except SolverError:
        return None
    return x if bool(np.all(np.isfinite(x))) else None


def qre_sensitivity(game: NormalFormGame | ExtensiveFormGame | FloatArray, lam: float,
                    directions: Sequence[Any] | FloatArray = (), *,
                    payoffs: Any = None, start: Sequence[Any] | None = None,
                    tol: float = EQUILIBRIUM) -> QRESensitivity:
    """The logit QRE at ``lam`` and the derivatives of its log-probabilities with respect
    to payoff directions and to ``lam`` (the implicit function theorem).

    Parameters
    ----------
    game : NormalFormGame, ExtensiveFormGame or numpy.ndarray
        The game, or a normal-form game's float payoff array of shape
        ``(n_1, ..., n_N, N)``. An extensive-form game gets the agent QRE (one block per
        information set, in ``game.infosets`` order); its payoffs are per terminal node,
        ``(terminals, players)``.
    lam : float
        The precision, ``>= 0``.
    directions : sequence of array_like
        Payoff arrays of the game's shape: the derivative is taken along each,
        ``d log p / d t`` of the QRE of the payoffs ``U + t D`` at ``t = 0``.
    payoffs : array_like, optional
        Payoffs replacing the game's (its payoff shape): the same game form at other
        payoffs, without building a new game (what an estimator passes).
    start : sequence of array_like, optional
        A nearby profile (one probability vector per player), e.g. the QRE of a nearby
        game: the QRE is then found by Newton's method from it at fixed ``lam``. Without
        it, or when Newton fails, the QRE is traced along the principal branch from
        ``lam = 0`` (as :func:`logit_qre`).
    tol : float, default tolerances.EQUILIBRIUM
        Largest fixed-point residual accepted.

    Returns
    -------
    QRESensitivity
        The QRE, ``log_derivatives`` (one row per direction) and ``log_lam_derivative``.

    Raises
    ------
    SolverError
        At a turning point of the branch (the Jacobian is singular: the QRE does not move
        smoothly with the payoffs there), or if the branch cannot be traced.

    Notes
    -----
    A warm start finds the QRE nearest ``start`` by Newton's method, which for games with
    several QRE at ``lam`` need not be the principal branch's; it is when ``start`` is a
    principal-branch QRE of a nearby game and the payoffs moved continuously along a part
    of the branch without turning points.

    See Also
    --------
    logit_qre : the QRE alone.
    multilateral.estimation.fit_qre_payoffs : the estimator that uses it.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38.
    .. [2] Turocy, T. L. (2005). A dynamic homotopy interpretation of the logistic quantal
       response equilibrium correspondence. *Games and Economic Behavior* 51, 243-263 (the
       equations in log-probabilities and their Jacobian).

    Examples
    --------
    How the column player's QRE mix moves when the row player's payoff at ``(0, 0)`` rises:

    >>> import numpy as np
    >>> import multilateral as ml
    >>> from multilateral.solvers.quantal.sensitivity import qre_sensitivity
    >>> game = ml.NormalFormGame([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> bump = np.zeros((2, 2, 2))
    >>> bump[0, 0, 0] = 1.0
    >>> out = qre_sensitivity(game, 1.0, [bump])
    >>> out.qre
    LogitQRE(lam=1; [0.8936, 0.1064], [0.3128, 0.6872])
    >>> out.log_derivatives.round(4).tolist()  # row: first action more, column: less
    [[0.0236, -0.1984, -0.029, 0.0132]]
    """
    lam = check_lam(lam)
    tol = check_tol(tol)
    if tol == 0:
        raise InvalidArgumentError("tol must be > 0: a QRE is computed in floating point")
    tree = isinstance(game, ExtensiveFormGame)
    if tree:
        base = _tree_system(game)  # type: ignore[arg-type]
        shape = tuple(game.float_payoffs.shape)  # type: ignore[union-attr]
    else:
        own = _payoffs(game, "game")
        shape = own.shape
    pay = None if payoffs is None else np.asarray(payoffs, dtype=np.float64)
    if pay is not None and (pay.shape != shape or not np.all(np.isfinite(pay))):
        raise InvalidArgumentError(
            f"payoffs must be a finite array of the game's payoff shape {shape}, got shape "
            f"{pay.shape}")
    dirs = [np.asarray(d, dtype=np.float64) for d in directions]
    if any(d.shape != shape or not np.all(np.isfinite(d)) for d in dirs):
        raise InvalidArgumentError(
            f"every direction must be a finite array of the payoffs' shape {shape}, got "
            f"{[d.shape for d in dirs]}")
    system: NormalFormQRE | AgentQRE
    if tree:
        system = base if pay is None else base.with_payoffs(pay)
    else:
        system = NormalFormQRE(own if pay is None else pay)
    x = None if start is None else _warm(system, start, lam, tol)
    warm = x is not None
    if x is None:
        if lam == 0:
            x = system.start()
        else:
            unit = 1.0 / system.scale if system.scale > 0 else 1.0
            x = trace(system, system.start(), lam_max=lam, tol=tol, first_step=FIRST_STEP,
                      max_step=math.inf, max_steps=_MAX_STEPS, lam_unit=unit).points[-1]
    size = system.size
    _, jac = system.evaluate(x)
    rhs = np.zeros((size, len(dirs) + 1))
    rhs[:, -1] = jac[:size, size]
    b = np.exp(x[:-1])
    probs = system.split(b)
    for r, d in enumerate(dirs):
        if isinstance(system, AgentQRE):
            gains = system.with_payoffs(d).gains(b, x[:-1])
        else:
            gains = np.concatenate(NormalFormQRE(d).gains(probs)[0])
        rhs[system.later, r] = -lam * gains
    try:
        deriv = -np.linalg.solve(jac[:size, :size], rhs)
    except np.linalg.LinAlgError:
        raise SolverError(
            f"the QRE at lam = {lam:g} is a turning point of its branch: it does not move "
            "smoothly with the payoffs there") from None
    p = np.exp(x[:-1])
    qre = LogitQRE(strategies=system.profile(x), lam=float(x[-1]),
                   residual=system.residual(x),
                   slopes=tuple(system.split(p * deriv[:, -1])))
    return QRESensitivity(qre=qre, log_derivatives=readonly(np.ascontiguousarray(deriv[:, :-1].T)),
                          log_lam_derivative=readonly(deriv[:, -1].copy()), warm=warm)


#: Newton iterations of the batched warm start before a row falls back to the trace.
_BATCH_NEWTON = 12


def bimatrix_sensitivities(payoffs: Any, lam: float, directions: Any, start: Any, *,
                           tol: float = EQUILIBRIUM
                           ) -> tuple[FloatArray, FloatArray, FloatArray, NDArray[np.bool_]]:
    """:func:`qre_sensitivity` for many two-player games at once, warm-started.

    Newton's method at fixed ``lam`` runs on every game together (batched linear solves),
    from ``start``; a game where it does not converge is marked, for the caller to solve
    alone (:func:`qre_sensitivity` traces its principal branch).

    Parameters
    ----------
    payoffs : array_like
        Shape ``(G, m, n, 2)``: ``G`` bimatrix games of one shape.
    lam : float
        The precision, ``>= 0``.
    directions : array_like
        Shape ``(K, m, n, 2)``: payoff directions shared by every game.
    start : array_like
        Shape ``(G, m + n)``: each game's starting probabilities, row player's first.
    tol : float, default tolerances.EQUILIBRIUM
        Largest fixed-point residual accepted.

    Returns
    -------
    tuple of numpy.ndarray
        The log-probabilities ``(G, m + n)``, their derivatives along the directions
        ``(G, K, m + n)`` and in ``lam`` ``(G, m + n)``, and which games converged ``(G,)``
        (the other rows are not meaningful).

    See Also
    --------
    qre_sensitivity : one game, any number of players, with the principal-branch fallback.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38.

    Examples
    --------
    >>> import numpy as np
    >>> pay = np.zeros((1, 2, 2, 2))
    >>> pay[0, 0, 0] = 1.0
    >>> logp, _, _, ok = bimatrix_sensitivities(pay, 1.0, np.zeros((0, 2, 2, 2)),
    ...                                         np.full((1, 4), 0.5))
    >>> np.exp(logp).round(4).tolist(), ok.tolist()  # as logit_qre
    ([[0.659, 0.341, 0.659, 0.341]], [True])
    """
    pay = np.asarray(payoffs, dtype=np.float64)
    dirs = np.asarray(directions, dtype=np.float64).reshape((-1, *pay.shape[1:]))
    lam = check_lam(lam)
    groups, m, n = pay.shape[0], pay.shape[1], pay.shape[2]
    size = m + n
    a, b = pay[..., 0], pay[..., 1]  # (G, m, n)
    da = a[:, 1:, :] - a[:, :1, :]  # row player's action differences, (G, m-1, n)
    db = b[:, :, 1:] - b[:, :, :1]  # column player's, (G, m, n-1)
    w = np.log(np.maximum(np.asarray(start, dtype=np.float64), np.finfo(float).tiny))
    jac = np.zeros((groups, size, size))
    rows_x, rows_y = np.arange(1, m), np.arange(m + 1, size)
    jac[:, rows_x, rows_x] = 1.0
    jac[:, rows_x, 0] = -1.0
    jac[:, rows_y, rows_y] = 1.0
    jac[:, rows_y, m] = -1.0
    done = np.zeros(groups, dtype=bool)
    h = np.zeros((groups, size))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(_BATCH_NEWTON + 1):
            p = np.exp(w)
            px, py = p[:, :m], p[:, m:]
            gx = np.einsum("gjn,gn->gj", da, py)
            gy = np.einsum("gmk,gm->gk", db, px)
            h[:, 0] = px.sum(axis=1) - 1.0
            h[:, 1:m] = w[:, 1:m] - w[:, :1] - lam * gx
            h[:, m] = py.sum(axis=1) - 1.0
            h[:, m + 1:] = w[:, m + 1:] - w[:, m:m + 1] - lam * gy
            jac[:, 0, :m] = px
            jac[:, m, m:] = py
            jac[:, 1:m, m:] = -lam * da * py[:, None, :]
            jac[:, m + 1:, :m] = -lam * np.swapaxes(db, 1, 2) * px[:, None, :]
            zx = np.concatenate([np.zeros((groups, 1)), lam * gx], axis=1)
            zy = np.concatenate([np.zeros((groups, 1)), lam * gy], axis=1)
            rx = np.exp(zx - zx.max(axis=1, keepdims=True))
            ry = np.exp(zy - zy.max(axis=1, keepdims=True))
            resid = np.maximum(
                np.abs(rx / rx.sum(axis=1, keepdims=True) - px).max(axis=1),
                np.abs(ry / ry.sum(axis=1, keepdims=True) - py).max(axis=1))
            done = (np.abs(h).max(axis=1) <= tol * np.maximum(1.0, np.abs(w).max(axis=1))) & (
                resid <= tol)
            if done.all():
                break
            try:
                w = w + np.linalg.solve(jac, -h[..., None])[..., 0]
            except np.linalg.LinAlgError:
                break
    done &= np.all(np.isfinite(w), axis=1)
    rhs = np.zeros((groups, size, dirs.shape[0] + 1))
    rhs[:, 1:m, -1] = -gx
    rhs[:, m + 1:, -1] = -gy
    for k, d in enumerate(dirs):
        ddx = d[1:, :, 0] - d[:1, :, 0]
        ddy = d[:, 1:, 1] - d[:, :1, 1]
        rhs[:, 1:m, k] = -lam * (py @ ddx.T)
        rhs[:, m + 1:, k] = -lam * (px @ ddy)
    safe = np.where(done[:, None, None], jac, np.eye(size))
    deriv = -np.linalg.solve(safe, rhs)
    return w, np.swapaxes(deriv[:, :, :-1], 1, 2), deriv[:, :, -1], done
