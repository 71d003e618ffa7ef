"""Logit quantal response equilibrium of normal-form games (McKelvey and Palfrey 1995) and
the agent QRE of extensive-form games (McKelvey and Palfrey 1998, :mod:`._agent`).

Player ``i`` chooses action ``j`` with probability proportional to ``exp(lam * u_ij)``, where
``u_ij`` is the expected payoff of ``j`` against the others' choice probabilities; a logit
QRE is a fixed point of these responses. At ``lam = 0`` every player mixes uniformly (the
centroid); as ``lam`` grows the principal branch of fixed points leads to a Nash
equilibrium (McKelvey and Palfrey 1995: limits are Nash equilibria, their Theorem 2; the
branch is unique in generic games), the logit selection. The branch
is traced here by the predictor-corrector method of Turocy (2005) in log-probabilities
(:mod:`._homotopy`).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._validation import check_positive_int, check_tol
from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.extensive import ExtensiveFormGame
from ...games.normal_form import NormalFormGame
from ...tolerances import EQUILIBRIUM, QRE_REGRET
from ._agent import AgentQRE
from ._equations import NormalFormQRE, check_lam
from ._homotopy import Path, trace
from .results import LogitQRE, QREBranch, make_branch, qre_point

__all__ = ["logit_qre", "qre_branch"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]

#: Default arclength of the first predictor step (pygambit's default too).
FIRST_STEP = 0.03
#: Largest regret, relative to the payoff range, at which an unbounded trace stops.
MAX_REGRET = QRE_REGRET


def _trace(system: NormalFormQRE | AgentQRE, lam_max: float, tol: float, first_step: float,
           max_steps: int, max_regret: float, turning: bool = False) -> Path:
    stop = None
    if math.isinf(lam_max):
        bound = max_regret * system.scale

        def stop(x: FloatArray) -> bool:
            return system.regret(x) <= bound
    unit = 1.0 / system.scale if system.scale > 0 else 1.0
    return trace(system, system.start(), lam_max=lam_max, tol=tol, first_step=first_step,
                 max_step=math.inf, max_steps=max_steps, lam_unit=unit, stop=stop,
                 turning=turning)


def _check_common(game: object, tol: float, first_step: float, max_steps: int
                  ) -> tuple[NormalFormQRE | AgentQRE, float, float, int]:
    if isinstance(game, NormalFormGame):
        system: NormalFormQRE | AgentQRE = NormalFormQRE(game)
    elif isinstance(game, ExtensiveFormGame):
        system = AgentQRE(game)
    else:
        raise InvalidTypeError(
            f"expected a multilateral NormalFormGame or ExtensiveFormGame, got "
            f"{type(game).__name__}; build one with ml.NormalFormGame(A, B)")
    tol = check_tol(tol)
    if tol == 0:
        raise InvalidArgumentError("tol must be > 0: a QRE is computed in floating point")
    step = check_lam(first_step, "first_step")
    if step == 0:
        raise InvalidArgumentError("first_step must be > 0, got 0")
    return system, tol, step, check_positive_int(max_steps, "max_steps")


def qre_branch(game: NormalFormGame | ExtensiveFormGame, lam_max: float = math.inf, *,
               tol: float = EQUILIBRIUM, max_regret: float = MAX_REGRET,
               first_step: float = FIRST_STEP, max_steps: int = 10_000) -> QREBranch:
    """Trace the principal branch of logit QRE from the centroid (``lam = 0``).

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        Any number of players. Exact (``int``/``Fraction``) payoffs are converted to floats:
        a QRE is transcendental in the payoffs, so there is no exact answer to keep. An
        extensive-form game gets the agent QRE (McKelvey and Palfrey 1998): one logit
        response per information set to its actions' values conditional on reaching it
        (Bayes' beliefs), ``strategies`` then one behaviour vector per information set in
        ``game.infosets`` order. Imperfect recall is allowed; an absent-minded information
        set (one a play passes twice) raises :class:`~multilateral.errors.InvalidGameError`
        naming it: the value of its actions needs a convention (Piccione and Rubinstein
        1997) that the agent QRE does not fix.
    lam_max : float, default math.inf
        Trace until ``lam`` reaches this (the last point is exactly at ``lam_max``). With
        ``math.inf`` the trace stops where the profile is an approximate Nash equilibrium
        (largest regret at most ``max_regret`` times the payoff range), as pygambit's
        ``logit_solve`` does. In an extensive-form game an agent's regret is weighted by the
        probability of reaching its information set, as pygambit's is: an agent off the
        path may still regret its play conditionally (trace to a given ``lam_max`` for a
        sequential-equilibrium approximation; beyond ``lam`` about 2e4 rounding can stop
        such a trace).
    tol : float, default tolerances.EQUILIBRIUM
        Largest fixed-point residual ``|p - logit response(p)|`` accepted at every point.
    max_regret : float, default tolerances.QRE_REGRET
        Stopping rule of an unbounded trace (relative to the payoffs' range).
    first_step : float, default 0.03
        Arclength of the first predictor step (later steps adapt).
    max_steps : int, default 10000
        Accepted steps before the trace gives up with a
        :class:`~multilateral.errors.SolverError`.

    Returns
    -------
    QREBranch
        ``lam`` and the profiles at every accepted point, with residuals;
        :meth:`QREBranch.at` evaluates the branch at any ``lam`` it covers.

    Notes
    -----
    The unknowns are log-probabilities and ``lam``; steps follow arclength, so the branch is
    followed through turning points (where ``lam`` decreases for a while, as in games with
    several equilibria), and it is a straight line in the limit, which the tangent
    predictor follows in steps that grow geometrically (Turocy 2005, pp. 243-263, the
    method and its log-probability form). The Jacobian
    is analytic and every point is corrected until its residual is below ``tol``.

    Where other branches cross the principal one (a bifurcation point: non-generic, but
    the rule in symmetric games, whose asymmetric branches leave the symmetric one at a
    pitchfork), the sign of ``det [J; t]`` changes on the branch itself; a step across
    such a point, located by bisection, is taken straight on (Allgower and Georg 1990,
    ch. 8), so the branch of a symmetric game stays symmetric and ends at a symmetric
    equilibrium (Chicken: the mixed one). This is the library's convention: the point
    itself belongs to several branches. pygambit 16.7 stalls at such a point or leaves on
    an asymmetric branch, whichever its rounding picks. A sign change that bisection shows
    to be a jump to a nearby branch (a perturbed pitchfork) is refused and the step
    shortened. The resolution is finite: Chicken with one payoff moved by ``1e-8`` (of a
    range of 11) turns off to a pure equilibrium as its principal branch does, moved by
    ``1e-9`` it is traced as the symmetric game.

    See Also
    --------
    logit_qre : the QRE at one ``lam``.
    multilateral.estimation.fit_qre : the ``lam`` that best fits observed choices.
    multilateral.solvers.nash_equilibria : the equilibria the branch may lead to.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38 (the logit QRE; limits of
       logit QRE as ``lam`` grows are Nash equilibria, Theorem 2; the principal branch from the
       centroid and its generic uniqueness).
    .. [2] Turocy, T. L. (2005). A dynamic homotopy interpretation of the logistic quantal
       response equilibrium correspondence. *Games and Economic Behavior* 51, 243-263.
    .. [3] McKelvey, R. D. and Palfrey, T. R. (1998). Quantal response equilibria for
       extensive form games. *Experimental Economics* 1, 9-41 (the agent QRE).
    .. [4] Allgower, E. L. and Georg, K. (1990). *Numerical Continuation Methods*.
       Springer, ch. 6 (step-length adaptation), ch. 8 (bifurcation points: the
       determinant's sign change).

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.NormalFormGame([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> branch = ml.solvers.qre_branch(game)
    >>> float(branch.lam[0]), branch.end.strategies[1].round(6).tolist()
    (0.0, [0.1, 0.9])
    >>> branch.at(2.0)
    LogitQRE(lam=2; [0.8608, 0.1392], [0.1911, 0.8089])
    """
    system, tol, step, max_steps = _check_common(game, tol, first_step, max_steps)
    lam_max = check_lam(lam_max, "lam_max", infinite=True)
    max_regret = check_lam(max_regret, "max_regret")
    path = _trace(system, lam_max, tol, step, max_steps, max_regret, turning=True)
    return make_branch(system, path, tol, game)


def logit_qre(game: NormalFormGame | ExtensiveFormGame, lam: float, *,
              tol: float = EQUILIBRIUM, first_step: float = FIRST_STEP,
              max_steps: int = 10_000) -> LogitQRE:
    """The logit QRE on the principal branch at precision ``lam``.

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        Any number of players; exact payoffs are converted to floats (a QRE is
        transcendental in the payoffs). An extensive-form game gets the agent QRE, one
        behaviour vector per information set (see :func:`qre_branch`).
    lam : float
        The precision, ``>= 0``: ``0`` is uniform play, large ``lam`` nearly best responses.
    tol : float, default tolerances.EQUILIBRIUM
        Largest fixed-point residual accepted.
    first_step, max_steps
        As in :func:`qre_branch`, which is traced from ``lam = 0`` to ``lam``.

    Returns
    -------
    LogitQRE
        The probabilities of each player, ``lam`` and the residual. Where the branch turns
        back and crosses ``lam`` several times, the first crossing from the centroid.

    Raises
    ------
    InvalidArgumentError
        For a negative or non-finite ``lam``.

    See Also
    --------
    qre_branch : the whole branch.
    multilateral.estimation.fit_qre : estimating ``lam`` from data.

    References
    ----------
    .. [1] McKelvey, R. D. and Palfrey, T. R. (1995). Quantal response equilibria for normal
       form games. *Games and Economic Behavior* 10, 6-38 (the logit QRE and its principal branch).

    Examples
    --------
    Matching pennies: the QRE is uniform play at every ``lam``.

    >>> import multilateral as ml
    >>> pennies = ml.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> ml.solvers.logit_qre(pennies, 5.0)
    LogitQRE(lam=5; [0.5, 0.5], [0.5, 0.5])

    The agent QRE of an entry game: the entrant enters, the incumbent accommodates (the
    subgame-perfect play) with probabilities that grow with ``lam``.

    >>> from multilateral.games.extensive import Decision, Outcome
    >>> entry = ml.ExtensiveFormGame(Decision("Entrant", {
    ...     "out": Outcome([1, 5]),
    ...     "in": Decision("Incumbent", {"fight": Outcome([0, 0]),
    ...                                  "accommodate": Outcome([2, 2])})}))
    >>> ml.solvers.logit_qre(entry, 2.0)
    LogitQRE(lam=2; [0.127, 0.873], [0.01799, 0.982])
    """
    system, tol, step, max_steps = _check_common(game, tol, first_step, max_steps)
    lam = check_lam(lam)
    if lam == 0:
        x = system.start()
    else:
        path = _trace(system, lam, tol, step, max_steps, MAX_REGRET)
        x = path.points[-1]
    return qre_point(system, x)

