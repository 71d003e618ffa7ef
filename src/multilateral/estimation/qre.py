"""Maximum-likelihood precision ``lam`` of the logit QRE from observed choices.

McKelvey and Palfrey (1995) fit the logit QRE to experimental data by maximum likelihood:
the choices of player ``i`` are independent draws from the QRE mix ``p_i(lam)``, so the
log-likelihood of counts ``c_ij`` is ``sum_ij c_ij log p_ij(lam)``. Following the principal
branch (as pygambit's ``logit_estimate`` does), the global maximum over the traced branch is
located on its points, refined on the segment around the best one, and handed to the
package's one likelihood helper (:func:`~multilateral.estimation.maximize_likelihood`) with
the analytic score ``sum_ij c_ij (d p_ij / d lam) / p_ij`` (the slopes of the branch), which
gives the standard error from the curvature.
"""

from __future__ import annotations

import math
from itertools import product
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import brentq, minimize_scalar

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, NotIdentifiedError, SolverError
from ..games.extensive import ExtensiveFormGame
from ..games.normal_form import NormalFormGame
from ..solvers.quantal import LogitQRE, QREBranch, qre_branch
from ..tolerances import ROOT, ROUNDING
from ._likelihood import maximize_likelihood
from .results import FitResult

__all__ = ["fit_qre"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]


def _blocks(game: NormalFormGame | ExtensiveFormGame) -> list[tuple[str, int]]:
    """(name, number of actions) of each block of counts: players, or information sets."""
    if isinstance(game, NormalFormGame):
        return [(f"player {p!r}", m) for p, m in zip(game.players, game.shape, strict=True)]
    return [(f"information set {info.index} ({info.player}{': ' if info.label else ''}"
             f"{info.label})", len(info.actions)) for info in game.infosets]


def _counts(game: NormalFormGame | ExtensiveFormGame, counts: Any) -> list[FloatArray]:
    blocks = _blocks(game)
    what = "player" if isinstance(game, NormalFormGame) else "information set"
    if isinstance(counts, (str, bytes)) or not hasattr(counts, "__len__"):
        raise InvalidTypeError(
            f"counts must give one vector of choice counts per {what} ({len(blocks)}), "
            f"got {counts!r}")
    if len(counts) != len(blocks):
        raise InvalidArgumentError(
            f"counts must give one vector per {what} ({len(blocks)}), got {len(counts)}")
    out = []
    for row, (name, m) in zip(counts, blocks, strict=True):
        try:
            vec = np.asarray(row, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidTypeError(f"counts of {name} must be numbers, got {row!r}") from None
        if vec.shape != (m,):
            raise InvalidArgumentError(
                f"counts of {name} must have {m} entries (one per action), got shape "
                f"{vec.shape}")
        if not np.all(np.isfinite(vec)) or np.any(vec < 0):
            raise InvalidArgumentError(
                f"counts of {name} must be finite and >= 0, got {vec.tolist()}")
        out.append(vec)
    if sum(float(v.sum()) for v in out) <= 0:
        raise InvalidArgumentError("counts are all zero: there is nothing to fit")
    return out


def _loglik(counts: list[FloatArray], strategies: tuple[FloatArray, ...]) -> float:
    total = 0.0
    for c, p in zip(counts, strategies, strict=True):
        used = c > 0
        if np.any(p[used] <= 0):
            return -math.inf
        total += float(c[used] @ np.log(p[used]))
    return total


def _score(counts: list[FloatArray], qre: LogitQRE) -> float:
    if qre.slopes is None:  # a turning point: lam has no derivative there
        return 0.0
    return float(sum(float(c[c > 0] @ (d[c > 0] / p[c > 0]))
                     for c, p, d in zip(counts, qre.strategies, qre.slopes, strict=True)))


def fit_qre(game: NormalFormGame | ExtensiveFormGame, counts: Any, *, tol: float = ROUNDING,
            branch: QREBranch | None = None) -> FitResult:
    """Estimate the logit precision ``lam`` from observed choice counts.

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        The game played (any number of players; exact payoffs are converted to floats). An
        extensive-form game is fitted by its agent QRE (McKelvey and Palfrey 1998), from
        the choices observed at each information set.
    counts : sequence of array_like
        One vector per player (per information set of an extensive-form game, in
        ``game.infosets`` order): how often each of its actions was chosen (non-negative;
        frequencies times the number of observations give the same estimate, and the right
        log-likelihood only as counts).
    tol : float, default tolerances.ROUNDING
        Fixed-point residual of the QRE on the segment of the maximum (tight, so that the
        score and its derivative are accurate; the branch is traced at
        ``tolerances.EQUILIBRIUM`` and its points corrected to ``tol`` there).
    branch : QREBranch, optional
        The game's branch from ``ml.solvers.qre_branch(game)``, to reuse across many fits
        of the same game (simulations, bootstraps); traced here when None.

    Returns
    -------
    FitResult
        ``params = (lam,)`` with its standard error from the curvature of the
        log-likelihood, the log-likelihood, AIC/BIC, and ``predict()``: the predicted
        probabilities of every action profile (the product of the players' QRE mixes,
        ``outcomes`` names them; for an extensive-form game, of every terminal node, named
        by its path); each player's (information set's) predicted mix is
        ``ml.solvers.logit_qre(game, fit.params[0]).strategies``.

    Raises
    ------
    InvalidTypeError
        If ``game`` is not a :class:`~multilateral.NormalFormGame` or ``counts`` is not one
        vector per player.
    InvalidArgumentError
        For counts of the wrong shape, negative or not finite, or all zero.
    NotIdentifiedError
        If the likelihood is largest at ``lam = 0`` (the data are no closer to the branch
        than uniform play) or only in the limit ``lam -> inf``: ``lam`` is then on the
        boundary and has no standard error.

    Notes
    -----
    The maximum is searched over the whole principal branch, to an approximate Nash
    equilibrium, and refined on the segment of the best traced point (so a local maximum
    before a better one further along is not returned), as pygambit's ``logit_estimate``
    does by default; the two agree on the same data (tests/data/peers/qre.json).

    See Also
    --------
    fit_qre_payoffs : payoffs linear in parameters and covariates (``lam`` alone too).
    multilateral.solvers.qre_branch : the branch searched.
    multilateral.estimation.maximize_likelihood : the helper that builds the result.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38 (maximum-likelihood fits of the
       logit QRE to experimental data, among them Ochs's asymmetric matching pennies).
    .. [2] McKelvey, R. D. and Palfrey, T. R. (1998). Quantal response equilibria for
       extensive form games. *Experimental Economics* 1, 9-41 (fits of the agent QRE).
    .. [3] Bland, J. R. and Turocy, T. L. (2023). Quantal response equilibrium as a
       structural model for estimation: the missing manual. SSRN working paper 4425515.

    Examples
    --------
    Ochs's asymmetric matching pennies as transformed by McKelvey and Palfrey (1995), with
    128 choices per player at the frequencies 0.527 (row, first action) and 0.366 (column,
    first action), as in Gambit's documentation:

    >>> import multilateral as ml
    >>> game = ml.NormalFormGame([[1.1141, 0], [0, 0.2785]], [[0, 1.1141], [1.1141, 0]])
    >>> counts = [[128 * 0.527, 128 * 0.473], [128 * 0.366, 128 * 0.634]]
    >>> fit = ml.estimation.fit_qre(game, counts)
    >>> round(float(fit.params[0]), 4), round(fit.loglik, 4)
    (1.8456, -174.7645)
    >>> round(float(fit.std_errors[0]), 2)
    0.77
    """
    if not isinstance(game, (NormalFormGame, ExtensiveFormGame)):
        raise InvalidTypeError(
            f"fit_qre needs a multilateral NormalFormGame (or ExtensiveFormGame), got "
            f"{type(game).__name__}")
    data = _counts(game, counts)
    if branch is None:
        branch = qre_branch(game)  # the default tolerance, to the Nash limit
    elif not isinstance(branch, QREBranch) or branch.game != game:
        raise InvalidArgumentError(
            "branch must be ml.solvers.qre_branch(game) of the game fitted (the maximum is "
            "searched over its points)")
    if len(branch) == 1:
        raise NotIdentifiedError(
            "uniform play is already a Nash equilibrium (every action of every player earns "
            "the same against it), so it is the QRE at every lam: lam is not identified")
    logliks = np.array([_loglik(data, tuple(s[k] for s in branch.strategies))
                        for k in range(len(branch))])
    best = int(np.argmax(logliks))
    if best == 0 and _score(data, branch.at(0.0)) <= 0:
        raise NotIdentifiedError(
            "the QRE likelihood is largest at lam = 0 (uniform play): the data are no closer "
            "to the principal branch than random choice; lam is on the boundary, with no "
            "standard error")
    if best == len(branch) - 1:
        raise NotIdentifiedError(
            "the QRE likelihood keeps rising along the branch to its Nash limit "
            f"(lam > {float(branch.lam[-1]):.3g}): the data are at the equilibrium, and lam "
            "is not identified (infinite)")
    lo = max(best - 1, 0)
    bounds = sorted((float(branch.lam[lo]), float(branch.lam[best + 1])))

    def qre(lam: float) -> LogitQRE:
        try:  # corrected at the tight tol; rounding may forbid it at very large lam
            return branch.at(lam, after=lo, tol=tol)
        except SolverError:
            return branch.at(lam, after=lo)

    def negloglik_at(lam: float) -> float:
        return -_loglik(data, qre(lam).strategies)

    refined = minimize_scalar(negloglik_at, bounds=bounds, method="bounded",
                              options={"xatol": ROOT})
    lam_hat = float(refined.x)
    # The likelihood is flat at its peak, so a search on its values stops ~sqrt(eps) away;
    # the score's root, bracketed by the grid, gives the estimate to rounding.
    ends = [_score(data, qre(b)) for b in bounds]
    if ends[0] > 0 > ends[1]:
        lam_hat = brentq(lambda lam: _score(data, qre(lam)), *bounds, xtol=ROOT)

    def negloglik(theta: FloatArray) -> float:
        try:
            return negloglik_at(float(theta[0]))
        except InvalidArgumentError:
            return math.inf

    def gradient(theta: FloatArray) -> FloatArray:
        return np.array([-_score(data, qre(float(theta[0])))])

    if isinstance(game, NormalFormGame):
        outcomes = tuple(",".join(labels) for labels in product(*game.actions))
        shape = "x".join(str(m) for m in game.shape) + " game"
    else:
        outcomes = tuple("/".join(game.path(int(t))) for t in game.terminals)
        shape = f"agent form, {game.n_infosets} information sets"

    def predictor(params: Any, regressors: Any = None) -> FloatArray:
        if regressors is not None:
            raise InvalidArgumentError("a QRE fit has no covariates: call predict()")
        mixes = qre(float(np.asarray(params)[0])).strategies
        if isinstance(game, ExtensiveFormGame):  # the terminal nodes' probabilities
            reach = game.reach_probabilities(mixes)
            return np.asarray(reach[game.terminals], dtype=np.float64).reshape(1, -1)
        joint = mixes[0]
        for s in mixes[1:]:
            joint = np.multiply.outer(joint, s)
        return np.asarray(joint, dtype=np.float64).reshape(1, -1)

    n_obs = round(sum(float(c.sum()) for c in data))
    return maximize_likelihood(negloglik, [lam_hat], names=("lam",), n_obs=n_obs,
                               title=f"logit QRE ({shape})", gradient=gradient,
                               outcome_names=outcomes, predictor=predictor)
