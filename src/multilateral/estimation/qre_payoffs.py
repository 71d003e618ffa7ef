r"""Maximum-likelihood logit QRE with payoffs linear in parameters and covariates.

Each observation ``t`` is one play of a normal-form game whose payoffs are

.. math::

   U_t = F + \sum_b (x_{tb} \cdot \beta_b) \, B_b,

``F`` the payoffs of ``game`` (fixed, often zero), ``B_b`` the *basis* payoff arrays (the
game's shape: every player's payoff at every action profile) and ``x_{tb}`` the covariates
of basis ``b`` (a constant unless given). The players' choices are independent draws from
the logit QRE of ``U_t`` at precision ``lam`` (McKelvey and Palfrey 1995), so the
log-likelihood is the sum over observations and players of the log-probability of the
action chosen, and observations with the same covariates share one equilibrium.

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
from itertools import product
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError, NotIdentifiedError, SolverError
from ..games.normal_form import NormalFormGame
from ..solvers.quantal.sensitivity import qre_sensitivity
from ..tolerances import ROUNDING
from ._likelihood import maximize_likelihood
from ._twostage import Design, Spec, design
from .results import FitResult

__all__ = ["fit_qre_payoffs", "simulate_qre_payoffs"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]


def _game(game: Any) -> NormalFormGame:
    if not isinstance(game, NormalFormGame):
        raise InvalidTypeError(
            f"game must be a multilateral NormalFormGame (its payoffs are the fixed part of "
            f"every observation's payoffs; zeros if all are estimated), got "
            f"{type(game).__name__}")
    return game


def _differences(pay: FloatArray) -> list[FloatArray]:
    """Each player's payoff differences between own actions (``u_ij - u_i0``)."""
    return [np.moveaxis(pay[..., i], i, 0)[1:] - np.moveaxis(pay[..., i], i, 0)[:1]
            for i in range(pay.shape[-1])]


def _basis(game: NormalFormGame, basis: Any) -> tuple[tuple[str, ...], FloatArray]:
    if not isinstance(basis, Mapping):
        raise InvalidTypeError(
            f"basis must be a mapping from a name to a payoff array of the game's shape "
            f"{game.payoffs.shape}, got {type(basis).__name__}")
    names, arrays = [], []
    for name, value in basis.items():
        pay = value.float_payoffs if isinstance(value, NormalFormGame) else value
        try:
            arr = np.asarray(pay, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidTypeError(f"basis[{name!r}] must be an array of numbers") from None
        if arr.shape != game.payoffs.shape or not np.all(np.isfinite(arr)):
            raise InvalidArgumentError(
                f"basis[{name!r}] must be a finite payoff array of the game's shape "
                f"{game.payoffs.shape}, got shape {arr.shape}")
        if all(not np.any(d) for d in _differences(arr)):
            raise NotIdentifiedError(
                f"basis[{name!r}] gives each player the same payoff for all of his own "
                "actions (only differences between a player's own actions move his choice), "
                "so its coefficients are not identified: drop it, or make it differ across "
                "some player's actions")
        names.append(str(name))
        arrays.append(arr)
    return tuple(names), np.asarray(arrays).reshape((len(arrays), *game.payoffs.shape))


def _choices(game: NormalFormGame, choices: Any) -> NDArray[np.int64]:
    if hasattr(choices, "to_numpy"):
        choices = choices.to_numpy()
    if isinstance(choices, (str, bytes)) or not hasattr(choices, "__len__"):
        raise InvalidTypeError(
            f"choices must be one row per observation with each player's action, got "
            f"{choices!r:.80}")
    arr = np.asarray(choices, dtype=object)
    n_players = game.n_players
    if n_players == 1 and arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[1] != n_players or arr.shape[0] == 0:
        raise InvalidArgumentError(
            f"choices must have one row per observation and {n_players} columns (each "
            f"player's action: its index or label), got shape {arr.shape}")
    codes = np.empty(arr.shape, dtype=np.int64)
    for i, labels in enumerate(game.actions):
        for t, value in enumerate(arr[:, i]):
            if isinstance(value, (str, np.str_)):
                if value not in labels:
                    raise InvalidArgumentError(
                        f"choices row {t}: {value!r} is not an action of player "
                        f"{game.players[i]!r} ({', '.join(labels)})")
                codes[t, i] = labels.index(str(value))
            elif (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
                  and 0 <= int(value) < len(labels)):
                codes[t, i] = int(value)
            else:
                raise InvalidArgumentError(
                    f"choices row {t}: {value!r} is not an action of player "
                    f"{game.players[i]!r} (an index 0..{len(labels) - 1} or one of "
                    f"{', '.join(labels)})")
    return codes


def _design(names: tuple[str, ...], regressors: Any, n: int) -> Design:
    if regressors is None:
        regressors = {}
    if not isinstance(regressors, Mapping):
        raise InvalidTypeError(
            f"regressors must be a mapping from a basis name ({', '.join(names)}) to its "
            f"covariates, got {type(regressors).__name__}")
    unknown = [key for key in regressors if key not in names]
    if unknown:
        raise InvalidArgumentError(
            f"regressors has {unknown[0]!r}, which is not a basis ({', '.join(names)})")
    spec = Spec("payoff basis", names, (), (), None, ("", ""), "", {})
    filled = {name: regressors.get(name, 1) for name in names}  # default: a constant
    return design(spec, filled, n=n)


def _check_design(d: Design) -> None:
    for eq, x in d.matrices.items():
        if x.shape[1] and np.linalg.matrix_rank(x) < x.shape[1]:
            raise NotIdentifiedError(
                f"the covariates of basis {eq!r} ({', '.join(d.columns[eq])}) are collinear "
                f"(rank {np.linalg.matrix_rank(x)} of {x.shape[1]} columns): drop one")


class _Model:
    """The QRE of every distinct covariate row, warm-started, with the score (a
    module-level class, so that fits pickle)."""

    def __init__(self, fixed: FloatArray, bases: FloatArray, d: Design, lam: float | None,
                 tol: float) -> None:
        self.fixed, self.bases, self.lam, self.tol = fixed, bases, lam, tol
        self.shape = fixed.shape[:-1]
        self.columns = d.columns
        self.offset = 0 if lam is not None else 1
        self.set_design(d)

    def set_design(self, d: Design) -> None:
        full = np.column_stack([d.matrices[eq] for eq in self.columns] or
                               [np.zeros((d.n, 0))])
        self.rows, self.group = np.unique(full, axis=0, return_inverse=True)
        self.group = self.group.ravel()
        self.warm: list[tuple[FloatArray, ...] | None] = [None] * len(self.rows)
        self.cache: tuple[FloatArray, list[Any]] | None = None

    def split(self, params: FloatArray) -> tuple[float, FloatArray]:
        """``lam`` and the coefficients of each basis at every distinct row, ``(G, K)``."""
        lam = float(params[0]) if self.lam is None else self.lam
        beta = params[self.offset:]
        t = np.zeros((len(self.rows), len(self.columns)))
        start = 0
        for b, cols in enumerate(self.columns.values()):
            t[:, b] = self.rows[:, start:start + len(cols)] @ beta[start:start + len(cols)]
            start += len(cols)
        return lam, t

    def solve(self, params: FloatArray) -> list[Any]:
        if self.cache is not None and np.array_equal(self.cache[0], params):
            return self.cache[1]
        lam, t = self.split(params)
        out = []
        for g in range(len(self.rows)):
            pay = self.fixed + np.tensordot(t[g], self.bases, axes=1)
            try:
                sens = qre_sensitivity(pay, lam, self.bases, start=self.warm[g], tol=self.tol)
            except SolverError:
                sens = qre_sensitivity(pay, lam, self.bases, tol=self.tol)
            self.warm[g] = sens.qre.strategies
            out.append(sens)
        self.cache = (params.copy(), out)
        return out

    def probabilities(self, params: FloatArray) -> FloatArray:
        """Each distinct row's joint action-profile probabilities, ``(G, prod m)``."""
        rows = []
        for sens in self.solve(params):
            joint = sens.qre.strategies[0]
            for s in sens.qre.strategies[1:]:
                joint = np.multiply.outer(joint, s)
            rows.append(np.asarray(joint).ravel())
        return np.asarray(rows)

    def __call__(self, params: Any, regressors: Any = None) -> FloatArray:
        params = np.asarray(params, dtype=np.float64)
        if regressors is None:
            return np.asarray(self.probabilities(params)[self.group])
        names = tuple(self.columns)
        new = _design(names, regressors, _rows(regressors))
        for eq in names:
            if new.columns[eq] != self.columns[eq]:
                raise InvalidArgumentError(
                    f"regressors[{eq!r}] has columns {new.columns[eq]}; the fit has "
                    f"{self.columns[eq]}")
        other = _Model(self.fixed, self.bases, new, self.lam, self.tol)
        return np.asarray(other.probabilities(params)[other.group])


def _rows(regressors: Any) -> int:
    """The number of rows of the first covariate matrix in a mapping (1 if none has rows)."""
    for value in (regressors or {}).values():
        if hasattr(value, "shape") and len(getattr(value, "shape", ())) >= 1:
            return int(value.shape[0])
        if isinstance(value, Mapping):
            for col in value.values():
                if np.ndim(col) == 1:
                    return len(col)
        elif isinstance(value, (list, tuple)):
            return len(value)
    return 1


def _counts(model: _Model, codes: NDArray[np.int64]) -> FloatArray:
    """Counts of each action, player by player (flat), at each distinct row."""
    sizes = list(model.shape)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    counts = np.zeros((len(model.rows), int(offsets[-1])))
    for i in range(len(sizes)):
        np.add.at(counts, (model.group, offsets[i] + codes[:, i]), 1.0)
    return counts


def _objective(model: _Model, counts: FloatArray) -> tuple[Any, Any]:
    """The negative log-likelihood of the counts at each distinct row, and its gradient."""
    lam = model.lam
    col_basis = np.array([b for b, cols in enumerate(model.columns.values()) for _ in cols],
                         dtype=np.int64)

    def solved(theta: FloatArray) -> list[Any] | None:
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
        total = 0.0
        for c, sens in zip(counts, sols, strict=True):
            logp = np.log(np.concatenate(sens.qre.strategies))
            total += float(c @ logp)
        return -total

    def gradient(theta: FloatArray) -> FloatArray:
        grad = np.zeros(theta.size)
        sols = solved(theta)
        if sols is None:
            return grad
        for g, (c, sens) in enumerate(zip(counts, sols, strict=True)):
            dt = sens.log_derivatives @ c  # d loglik / d t_b at this row
            grad[model.offset:] += dt[col_basis] * model.rows[g]
            if lam is None:
                grad[0] += float(sens.log_lam_derivative @ c)
        return -grad

    return negloglik, gradient


def fit_qre_payoffs(game: NormalFormGame, basis: Mapping[str, Any], choices: Any,
                    regressors: Mapping[str, Any] | None = None, *, lam: float | None = 1.0,
                    start: Any = None, tol: float = ROUNDING) -> FitResult:
    """Estimate logit QRE payoffs that are linear in parameters and covariates.

    Parameters
    ----------
    game : NormalFormGame
        The game played: its players and actions name the choices, and its payoffs are the
        fixed part ``F`` of every observation's payoffs (an all-zero game when every payoff
        is estimated).
    basis : mapping
        Basis payoff arrays by name, each of the game's payoff shape ``(n_1, ..., n_N, N)``
        (or a NormalFormGame): observation ``t`` plays ``F + sum_b (x_tb . beta_b) B_b``.
    choices : array_like
        One row per observation, one column per player: the action chosen (its index or
        label); a DataFrame too.
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
    this is :func:`fit_qre` from the choices' counts. Only normal-form games so far; the
    agent QRE of a tree is fitted for ``lam`` alone by :func:`fit_qre`.

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
    .. [2] Signorino, C. S. (2003). Structure and uncertainty in discrete choice models.
       *Political Analysis* 11(4), 316-344 (utilities linear in covariates estimated
       through the game's quantal response equilibrium; the scale normalization).
    .. [3] Bland, J. R. and Turocy, T. L. (2023). Quantal response equilibrium as a
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
    game = _game(game)
    names, bases = _basis(game, basis)
    codes = _choices(game, choices)
    d = _design(names, regressors, len(codes))
    _check_design(d)
    fixed = np.asarray(game.float_payoffs, dtype=np.float64)
    if lam is not None:
        lam = float(lam)
        if not math.isfinite(lam) or lam <= 0:
            raise InvalidArgumentError(
                f"lam must be a positive number (fixed) or None (estimated), got {lam!r}")
    elif all(not np.any(diff) for diff in _differences(fixed)):
        raise NotIdentifiedError(
            "lam and the payoff scale are not separately identified: the fixed payoffs "
            "(game) do not move any player's choice, so only lam * payoffs is; fix lam "
            "(lam=1.0, the usual normalization) or give fixed payoffs in game")
    model = _Model(fixed, bases, d, lam, tol)
    counts = _counts(model, codes)
    param_names = (("lam",) if lam is None else ()) + d.names()
    x0 = (np.zeros(len(param_names)) if start is None
          else np.asarray(start, dtype=np.float64).ravel())
    if start is None and lam is None:
        x0[0] = 1.0
    if x0.size != len(param_names) or not np.all(np.isfinite(x0)):
        raise InvalidArgumentError(
            f"start must give {len(param_names)} finite values ({', '.join(param_names)})")

    negloglik, gradient = _objective(model, counts)

    outcomes = tuple(",".join(labels) for labels in product(*game.actions))
    shape = "x".join(str(m) for m in game.shape)
    fit = maximize_likelihood(
        negloglik, x0, names=param_names, n_obs=len(codes),
        title=f"logit QRE, payoffs linear in covariates ({shape} game"
              f"{', lam = ' + format(lam, 'g') if lam is not None else ''})",
        gradient=gradient, outcome_names=outcomes, predictor=model)
    probs = model(fit.params)
    flat = np.ravel_multi_index(tuple(codes.T), game.shape)
    loglik_obs = np.log(probs[np.arange(len(codes)), flat])
    loglik_obs.flags.writeable = False
    object.__setattr__(fit, "loglik_obs", loglik_obs)
    return fit


def simulate_qre_payoffs(game: NormalFormGame, basis: Mapping[str, Any],
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
        Integer action indices, shape ``(n_obs, n_players)``.

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
    game = _game(game)
    names, bases = _basis(game, basis)
    if n_obs is None:
        n_obs = _rows(regressors)
    d = _design(names, regressors, int(n_obs))
    if not isinstance(coefficients, Mapping) or set(coefficients) != set(names):
        raise InvalidArgumentError(
            f"coefficients must map every basis ({', '.join(names)}) to its coefficients")
    params = [np.atleast_1d(np.asarray(coefficients[eq], dtype=np.float64)) for eq in names]
    for eq, beta in zip(names, params, strict=True):
        if beta.shape != (len(d.columns[eq]),):
            raise InvalidArgumentError(
                f"coefficients[{eq!r}] needs {len(d.columns[eq])} values "
                f"({', '.join(d.columns[eq])}), got {beta.tolist()}")
    lam = float(lam)
    model = _Model(np.asarray(game.float_payoffs, dtype=np.float64), bases, d, lam,
                   ROUNDING)
    probs = model(np.concatenate(params) if params else np.zeros(0))
    rng = np.random.default_rng(seed)
    cum = np.cumsum(probs, axis=1)
    draws = (rng.random(len(probs))[:, None] > cum).sum(axis=1)
    draws = np.minimum(draws, probs.shape[1] - 1)
    return np.column_stack(np.unravel_index(draws, game.shape)).astype(np.int64)
