r"""Maximum-likelihood logit QRE with payoffs linear in parameters and covariates.

Each observation ``t`` is one play of a normal-form game (or of a game tree, through its
agent QRE: McKelvey and Palfrey 1998) whose payoffs are

.. math::

   U_t = F + \sum_b (x_{tb} \cdot \beta_b) \, B_b,

``F`` the payoffs of ``game`` (fixed, often zero), ``B_b`` the *basis* payoff arrays (the
game's payoff shape: every player's payoff at every action profile, or at every terminal
node of a tree) and ``x_{tb}`` the covariates of basis ``b`` (a constant unless given). The
players' choices are independent draws from the logit QRE of ``U_t`` at precision ``lam``
(McKelvey and Palfrey 1995), so the log-likelihood is the sum over observations of the
log-probabilities of the actions chosen (in a tree, of every action on the path to the
terminal node observed, and of the chance moves on it), and observations with the same
covariates share one equilibrium.

With logit errors, Signorino's (2003) agent-error strategic model of a tree is this model
at ``lam = 1`` on a utility scale ``sqrt(2)`` larger (each of his choices compares two
errors of scale ``sqrt(2)``, in the convention of Kenkel and Signorino's ``games``
package): ``fit_egame12(..., link='logit')`` and this fit of the deterrence tree give the
same likelihood and coefficients in the ratio ``sqrt(2)`` (tests/test_qre_payoffs.py).

**Scale.** Only ``lam * U_t`` enters the QRE, so ``lam`` and a payoff scale that is
estimated are not separately identified. The default fixes ``lam = 1``: the coefficients
are then in units of the logit's scale, the normalization of McKelvey and Palfrey's
structural fits and of Signorino's (2003) logit strategic models. With ``lam=None`` the
precision is estimated instead, which needs a fixed payoff ``F`` that moves the players'
choices (it sets the scale). A specification the data cannot identify is refused with a
:class:`~multilateral.errors.NotIdentifiedError` that says what to change: a basis whose
payoffs are the same for all of each player's own actions (only differences between a
player's own actions matter), ``lam`` estimated without such a fixed payoff, collinear
covariates, and (from the Hessian) any other flat direction of the likelihood.

**Which equilibrium.** At the starting values every distinct covariate row's QRE is the
principal branch's (traced from ``lam = 0``); at each later trial value of the parameters
Newton's method starts from that row's previous QRE, and only when it fails is the
principal branch traced again. Where the QRE is unique (``lam`` times the payoffs small,
and in many games at every scale) this is the QRE; where the branch folds back, the
likelihood follows the equilibrium continued from the principal branch's.

**Gradient.** The score is exact: the derivatives of the log-probabilities with respect to
each basis coefficient and ``lam`` by the implicit function theorem on the QRE equations
(:func:`~multilateral.solvers.quantal.sensitivity.qre_sensitivity`), and the standard
errors come from the package's one likelihood helper
(:func:`~multilateral.estimation.maximize_likelihood`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, NotIdentifiedError, SolverError
from ..games.extensive import ExtensiveFormGame
from ..solvers.quantal.sensitivity import bimatrix_sensitivities, qre_sensitivity
from ..tolerances import ROUNDING
from ._likelihood import maximize_likelihood
from ._payoff_data import (
    Game,
    check_design,
    check_game,
    covariates,
    incidence,
    moves,
    outcome_codes,
    outcome_names,
    parse_basis,
    rows_of,
)
from ._twostage import Design
from .results import FitResult

__all__ = ["fit_qre_payoffs", "simulate_qre_payoffs"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]


class _Model:
    """The QRE of every distinct covariate row, warm-started, with the score (a
    module-level class, so that fits pickle)."""

    def __init__(self, game: Game, bases: FloatArray, d: Design, lam: float | None,
                 tol: float) -> None:
        self.game, self.bases, self.lam, self.tol = game, bases, lam, tol
        self.fixed = np.asarray(game.float_payoffs, dtype=np.float64)
        self.tree = isinstance(game, ExtensiveFormGame)
        self.columns = d.columns
        self.offset = 0 if lam is not None else 1
        full = np.column_stack([d.matrices[eq] for eq in self.columns] or
                               [np.zeros((d.n, 0))])
        self.rows, group = np.unique(full, axis=0, return_inverse=True)
        self.group = np.asarray(group).ravel()
        sizes = game.n_actions if isinstance(game, ExtensiveFormGame) else game.shape
        self.cuts = np.cumsum([int(k) for k in sizes])[:-1]
        # two-player normal form: Newton on every row at once from the warm start
        self.batch = not self.tree and self.fixed.ndim == 3
        self.warm: FloatArray | None = None  # each row's last QRE, flat probabilities
        self.cache: tuple[FloatArray, tuple[FloatArray, FloatArray, FloatArray]] | None = None

    def split(self, params: FloatArray) -> tuple[float, FloatArray]:
        """``lam`` and each basis' linear index at every distinct row, ``(G, K)``."""
        lam = float(params[0]) if self.lam is None else self.lam
        beta = params[self.offset:]
        t = np.zeros((len(self.rows), len(self.columns)))
        start = 0
        for b, cols in enumerate(self.columns.values()):
            t[:, b] = self.rows[:, start:start + len(cols)] @ beta[start:start + len(cols)]
            start += len(cols)
        return lam, t

    def _one(self, pay: FloatArray, lam: float, start: Any) -> Any:
        if self.tree:
            return qre_sensitivity(self.game, lam, self.bases, payoffs=pay, start=start,
                                   tol=self.tol)
        return qre_sensitivity(pay, lam, self.bases, start=start, tol=self.tol)

    def solve(self, params: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Every row's QRE log-probabilities ``(G, M)`` and their derivatives along the
        bases ``(G, K, M)`` and in ``lam`` ``(G, M)``."""
        if self.cache is not None and np.array_equal(self.cache[0], params):
            return self.cache[1]
        lam, t = self.split(params)
        pays = self.fixed + np.tensordot(t, self.bases, axes=([1], [0]))
        groups = len(self.rows)
        todo = np.ones(groups, dtype=bool)
        logp = dt = dl = None
        if self.batch and self.warm is not None:
            logp, dt, dl, ok = bimatrix_sensitivities(pays, lam, self.bases, self.warm,
                                                      tol=self.tol)
            todo = ~ok
        for g in np.flatnonzero(todo):
            start = None if self.warm is None else np.split(self.warm[g], self.cuts)
            try:
                sens = self._one(pays[g], lam, start)
            except SolverError:
                sens = self._one(pays[g], lam, None)
            if logp is None or dt is None or dl is None:
                size = len(sens.log_lam_derivative)
                logp, dl = np.empty((groups, size)), np.empty((groups, size))
                dt = np.empty((groups, len(self.bases), size))
            logp[g] = np.log(np.concatenate(sens.qre.strategies))
            dt[g], dl[g] = sens.log_derivatives, sens.log_lam_derivative
        assert logp is not None and dt is not None and dl is not None
        self.warm = np.exp(logp)
        self.cache = (params.copy(), (logp, dt, dl))
        return logp, dt, dl

    def strategies(self, params: FloatArray) -> list[list[FloatArray]]:
        """Each distinct row's QRE, one probability vector per player (information set)."""
        return [[q / q.sum() for q in np.split(np.exp(row), self.cuts)]
                for row in self.solve(params)[0]]

    def probabilities(self, params: FloatArray) -> FloatArray:
        """Each distinct row's outcome probabilities, ``(G, outcomes)``."""
        rows = []
        for mixes in self.strategies(params):
            if self.tree:
                reach = self.game.reach_probabilities(mixes)  # type: ignore[union-attr]
                rows.append(np.asarray(reach)[self.game.terminals])  # type: ignore[union-attr]
                continue
            joint = mixes[0]
            for q in mixes[1:]:
                joint = np.multiply.outer(joint, q)
            rows.append(np.asarray(joint).ravel())
        return np.asarray(rows, dtype=np.float64)

    def __call__(self, params: Any, regressors: Any = None) -> FloatArray:
        params = np.asarray(params, dtype=np.float64)
        if regressors is None:
            return np.asarray(self.probabilities(params)[self.group])
        names = tuple(self.columns)
        new = covariates(names, regressors, rows_of(regressors))
        for eq in names:
            if new.columns[eq] != self.columns[eq]:
                raise InvalidArgumentError(
                    f"regressors[{eq!r}] has columns {new.columns[eq]}; the fit has "
                    f"{self.columns[eq]}")
        other = _Model(self.game, self.bases, new, self.lam, self.tol)
        return np.asarray(other.probabilities(params)[other.group])


def _counts(model: _Model, codes: NDArray[np.int64]) -> tuple[FloatArray, float]:
    """How often each action (flat) is taken at each distinct row, and the data's
    log-probability of chance moves."""
    paths, log_chance = incidence(model.game)
    if not np.all(np.isfinite(log_chance[codes])):
        raise InvalidArgumentError(
            "choices hold a terminal node that chance never reaches (probability 0)")
    counts = np.zeros((len(model.rows), paths.shape[1]))
    np.add.at(counts, model.group, paths[codes])
    return counts, float(log_chance[codes].sum())


def _objective(model: _Model, counts: FloatArray, const: float = 0.0) -> tuple[Any, Any]:
    """The negative log-likelihood of the counts at each distinct row, and its gradient."""
    lam = model.lam
    col_basis = np.array([b for b, cols in enumerate(model.columns.values()) for _ in cols],
                         dtype=np.int64)

    def solved(theta: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray] | None:
        if lam is None and theta[0] <= 0:
            return None
        try:
            return model.solve(theta)
        except SolverError:  # the branch cannot be traced there (a degenerate game)
            return None

    def negloglik(theta: FloatArray) -> float:
        sols = solved(theta)
        if sols is None:
            return math.inf
        return -float(np.sum(counts * sols[0])) - const

    def gradient(theta: FloatArray) -> FloatArray:
        grad = np.zeros(theta.size)
        sols = solved(theta)
        if sols is None:
            return grad
        _, dt, dl = sols
        per_basis = np.einsum("gkm,gm->gk", dt, counts)  # d loglik / d t_b at each row
        grad[model.offset:] = np.sum(per_basis[:, col_basis] * model.rows, axis=0)
        if lam is None:
            grad[0] = float(np.sum(dl * counts))
        return -grad

    return negloglik, gradient


def fit_qre_payoffs(game: Game, basis: Mapping[str, Any], choices: Any,
                    regressors: Mapping[str, Any] | None = None, *, lam: float | None = 1.0,
                    start: Any = None, tol: float = ROUNDING) -> FitResult:
    """Estimate logit QRE payoffs that are linear in parameters and covariates.

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        The game played: its players and actions name the choices, and its payoffs are the
        fixed part ``F`` of every observation's payoffs (an all-zero game when every payoff
        is estimated). A tree is fitted by its agent QRE.
    basis : mapping
        Basis payoff arrays by name, each of the game's payoff shape: ``(n_1, ..., n_N, N)``
        for a normal-form game, ``(terminals, players)`` (rows in ``game.terminals``
        order) for a tree; observation ``t`` plays ``F + sum_b (x_tb . beta_b) B_b``.
    choices : array_like
        Normal form: one row per observation, one column per player, the action chosen
        (its index or label); a DataFrame too. Tree: one terminal node per observation (its
        row in ``game.terminals``, or its path such as ``'challenge/war'``).
    regressors : mapping, optional
        For each basis, its covariates ``x_tb``: a matrix with one row per observation, a
        mapping from names to columns (``1`` for a constant) or a DataFrame, as for
        :func:`fit_egame12`; ``1`` (the default for a basis not named) is a constant
        only, one coefficient; ``None`` fixes the basis' coefficient at 0.
    lam : float or None, default 1.0
        The logit precision, fixed (the coefficients are then in units of the logit's
        scale), or ``None`` to estimate it (first parameter, ``'lam'``), which needs fixed
        payoffs in ``game`` that move the choices.
    start : array_like, optional
        Starting values (``lam`` first when estimated); default 1 for ``lam`` and 0 for
        every coefficient.
    tol : float, default tolerances.ROUNDING
        Fixed-point residual of every QRE solved.

    Returns
    -------
    FitResult
        Coefficients named ``'basis: covariate'`` with standard errors (inverse Hessian),
        the log-likelihood, each observation's (``loglik_obs``), and ``predict()``: each
        observation's probabilities of every action profile (``outcomes`` names them),
        ``predict(regressors)`` for new covariates.

    Raises
    ------
    NotIdentifiedError
        For a basis that is the same across each player's own actions, ``lam`` estimated
        without a fixed payoff that moves the choices, collinear covariates, or a flat
        direction of the likelihood at the estimates (e.g. two bases that move the choices
        alike, or ``lam`` and a basis proportional to the fixed payoffs).
    InvalidArgumentError
        For choices that are not actions of the game, or covariates of the wrong size.

    Notes
    -----
    See :mod:`multilateral.estimation.qre_payoffs` for the scale normalization and for
    which equilibrium is used where the QRE is not unique. With no basis and ``lam=None``
    this is :func:`fit_qre` from the choices' counts (its search over the whole branch
    aside: here the optimizer starts at ``lam = 1``). Every distinct covariate row is one
    QRE per likelihood evaluation; in two-player normal-form games Newton's method runs on
    all rows at once (a continuous covariate, 3000 observations of a 2x2 game: about 11 s
    of CPU), elsewhere row by row.

    See Also
    --------
    fit_qre : ``lam`` alone.
    simulate_qre_payoffs : data from this model.
    fit_egame12 : Signorino's strategic probit and logit of the deterrence game.
    multilateral.solvers.quantal.sensitivity.qre_sensitivity : the QRE and its derivatives.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38 (the logit QRE and its
       maximum-likelihood fit to experimental choices).
    .. [2] McKelvey, R. D. and Palfrey, T. R. (1998). Quantal response equilibria for
       extensive form games. *Experimental Economics* 1, 9-41 (the agent QRE).
    .. [3] Signorino, C. S. (2003). Structure and uncertainty in discrete choice models.
       *Political Analysis* 11(4), 316-344 (utilities linear in covariates estimated
       through the game's quantal response equilibrium; the scale normalization).
    .. [4] Bland, J. R. and Turocy, T. L. (2023). Quantal response equilibrium as a
       structural model for estimation: the missing manual. SSRN working paper 4425515.

    Examples
    --------
    A coordination game whose payoff from coordinating on the first action grows with a
    covariate ``x``; the data are simulated from coefficients 1 (constant) and 2 (``x``):

    >>> import numpy as np
    >>> import multilateral as ml
    >>> from multilateral.estimation import fit_qre_payoffs, simulate_qre_payoffs
    >>> game = ml.NormalFormGame(np.zeros((2, 2, 2)))
    >>> first = np.zeros((2, 2, 2))
    >>> first[0, 0] = 1.0          # both players' payoff when both choose action 0
    >>> second = np.zeros((2, 2, 2))
    >>> second[1, 1] = 1.0
    >>> x = np.repeat([0.0, 0.5, 1.0], 400)
    >>> regressors = {"first": {"const": 1, "x": x}, "second": 1}
    >>> truth = {"first": [1.0, 2.0], "second": [1.5]}
    >>> y = simulate_qre_payoffs(game, {"first": first, "second": second}, truth,
    ...                          regressors, seed=3)
    >>> fit = fit_qre_payoffs(game, {"first": first, "second": second}, y, regressors)
    >>> fit.names
    ('first: const', 'first: x', 'second: const')
    >>> bool(np.all(np.abs(fit.params - [1.0, 2.0, 1.5]) < 3 * fit.std_errors))
    True
    >>> fit.predict().shape  # each observation's four action profiles
    (1200, 4)
    """
    game = check_game(game)
    names, bases = parse_basis(game, basis)
    codes = outcome_codes(game, choices)
    d = covariates(names, regressors, len(codes))
    check_design(d)
    if lam is not None:
        lam = float(lam)
        if not math.isfinite(lam) or lam <= 0:
            raise InvalidArgumentError(
                f"lam must be a positive number (fixed) or None (estimated), got {lam!r}")
    elif not moves(game, np.asarray(game.float_payoffs, dtype=np.float64)):
        raise NotIdentifiedError(
            "lam and the payoff scale are not separately identified: the fixed payoffs "
            "(game) do not move any player's choice, so only lam * payoffs is; fix lam "
            "(lam=1.0, the usual normalization) or give fixed payoffs in game")
    model = _Model(game, bases, d, lam, tol)
    counts, const = _counts(model, codes)
    param_names = (("lam",) if lam is None else ()) + d.names()
    if not param_names:
        raise InvalidArgumentError(
            "there is nothing to estimate: give a basis with covariates, or lam=None")
    x0 = (np.zeros(len(param_names)) if start is None
          else np.asarray(start, dtype=np.float64).ravel())
    if start is None and lam is None:
        x0[0] = 1.0
    if x0.size != len(param_names) or not np.all(np.isfinite(x0)):
        raise InvalidArgumentError(
            f"start must give {len(param_names)} finite values ({', '.join(param_names)})")
    negloglik, gradient = _objective(model, counts, const)
    if isinstance(game, ExtensiveFormGame):
        shape = f"agent QRE, {game.n_infosets} information sets"
    else:
        shape = "x".join(str(m) for m in game.shape) + " game"
    fit = maximize_likelihood(
        negloglik, x0, names=param_names, n_obs=len(codes),
        title=f"logit QRE, payoffs linear in covariates ({shape}"
              f"{', lam = ' + format(lam, 'g') if lam is not None else ''})",
        gradient=gradient, outcome_names=outcome_names(game), predictor=model)
    loglik_obs = np.log(model(fit.params)[np.arange(len(codes)), codes])
    loglik_obs.flags.writeable = False
    object.__setattr__(fit, "loglik_obs", loglik_obs)
    return fit


def simulate_qre_payoffs(game: Game, basis: Mapping[str, Any],
                         coefficients: Mapping[str, Any],
                         regressors: Mapping[str, Any] | None = None, *,
                         lam: float = 1.0, n_obs: int | None = None,
                         seed: Any = None) -> NDArray[np.int64]:
    """Choices drawn from the logit QRE of payoffs linear in covariates.

    Parameters
    ----------
    game, basis, regressors
        As in :func:`fit_qre_payoffs`.
    coefficients : mapping
        Each basis' coefficients (one per covariate column; a number for a constant).
    lam : float, default 1.0
        The logit precision.
    n_obs : int, optional
        Number of observations when every basis has a constant only (otherwise the
        covariates' rows).
    seed : int, Generator or SeedSequence, optional
        Randomness.

    Returns
    -------
    numpy.ndarray
        Integer action indices, shape ``(n_obs, n_players)``; for a tree, the terminal
        nodes' rows (``game.terminals`` order), shape ``(n_obs,)``.

    See Also
    --------
    fit_qre_payoffs : the estimator.

    Examples
    --------
    >>> import numpy as np
    >>> import multilateral as ml
    >>> from multilateral.estimation import simulate_qre_payoffs
    >>> game = ml.NormalFormGame(np.zeros((2, 2, 2)))
    >>> first = np.zeros((2, 2, 2))
    >>> first[0, 0] = 1.0
    >>> y = simulate_qre_payoffs(game, {"first": first}, {"first": 2.0}, n_obs=5, seed=1)
    >>> y.shape, y.dtype.kind
    ((5, 2), 'i')
    """
    game = check_game(game)
    names, bases = parse_basis(game, basis)
    if n_obs is None:
        n_obs = rows_of(regressors)
    d = covariates(names, regressors, int(n_obs))
    if not isinstance(coefficients, Mapping) or set(coefficients) != set(names):
        raise InvalidArgumentError(
            f"coefficients must map every basis ({', '.join(names)}) to its coefficients")
    params = [np.atleast_1d(np.asarray(coefficients[eq], dtype=np.float64)) for eq in names]
    for eq, beta in zip(names, params, strict=True):
        if beta.shape != (len(d.columns[eq]),):
            raise InvalidArgumentError(
                f"coefficients[{eq!r}] needs {len(d.columns[eq])} values "
                f"({', '.join(d.columns[eq])}), got {beta.tolist()}")
    model = _Model(game, bases, d, float(lam), ROUNDING)
    probs = model(np.concatenate(params) if params else np.zeros(0))
    rng = np.random.default_rng(seed)
    draws = (rng.random(len(probs))[:, None] > np.cumsum(probs, axis=1)).sum(axis=1)
    draws = np.minimum(draws, probs.shape[1] - 1).astype(np.int64)
    if isinstance(game, ExtensiveFormGame):
        return draws
    return np.column_stack(np.unravel_index(draws, game.shape)).astype(np.int64)
