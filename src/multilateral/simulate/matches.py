"""Matches between two automata: :func:`play_matches`, all repetitions at once.

The overview and the references are in :mod:`multilateral.simulate`.
"""

from __future__ import annotations

import numpy as np

from .._namespace import public_dir
from .._validation import check_positive_int
from ..automata import Automaton
from ..games.normal_form import NormalFormGame
from ..types import Number, Seed
from ._checks import as_rng, check_automaton, check_errors, check_stage
from ._engine import play_all
from .results import MatchResult

__all__ = ["play_matches"]
__dir__ = public_dir(__all__)


def play_matches(
    stage: NormalFormGame,
    row: Automaton,
    col: Automaton,
    *,
    turns: int,
    repetitions: int = 1,
    noise: Number = 0,
    monitoring_error: Number = 0,
    seed: Seed = None,
) -> MatchResult:
    """Play ``repetitions`` matches of ``turns`` rounds between two automata, all at once.

    Every match advances together: one round of all matches is a few numpy operations on
    arrays of length ``2 * repetitions``, so the cost is one Python iteration per turn.

    Parameters
    ----------
    stage : NormalFormGame
        A two-player stage game.
    row, col : Automaton
        The row and the column player's strategies: ``row`` must be an automaton over the row
        player's actions observing the column player's, and vice versa.
    turns : int
        Rounds per match (>= 1).
    repetitions : int, default 1
        Number of independent matches (>= 1).
    noise : float or Fraction, default 0
        Implementation error in [0, 1]: each intended action is replaced by another action
        (uniformly) with this probability, as in :class:`~multilateral.RepeatedGame`.
    monitoring_error : float or Fraction, default 0
        Each actual action is misreported (uniformly) with this probability in the public
        signal the automata move on.
    seed : int, numpy.random.Generator or None
        Seed for :func:`numpy.random.default_rng`; the same seed gives the same matches.

    Returns
    -------
    MatchResult

    See Also
    --------
    expected_payoffs_by_turn : the exact expectation of ``MatchResult.payoffs`` averaged over
        matches.

    References
    ----------
    .. [1] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> A = ml.automata
    >>> m = ml.simulate.play_matches(pd, A.alternator(), A.tit_for_tat(), turns=4)
    >>> m.actions[0].tolist()                  # alternator C, D, C, D; TFT copies it a round late
    [[0, 0], [1, 0], [0, 1], [1, 0]]
    >>> m.scores
    array([[13.,  8.]])
    >>> noisy = ml.simulate.play_matches(pd, A.win_stay_lose_shift(), A.win_stay_lose_shift(),
    ...                                  turns=100, repetitions=1000, noise=0.05, seed=1)
    >>> noisy.mean_payoff.round(2)
    array([2.78, 2.78])
    >>> exact = ml.simulate.expected_payoffs_by_turn(pd, A.win_stay_lose_shift(),
    ...                                              A.win_stay_lose_shift(), turns=100, noise=0.05)
    >>> exact.mean(axis=0).round(2)
    array([2.78, 2.78])
    """
    m0, m1 = check_stage(stage)
    check_automaton(row, m0, m1, "row")
    check_automaton(col, m1, m0, "col")
    turns = check_positive_int(turns, "turns")
    repetitions = check_positive_int(repetitions, "repetitions")
    eps, mu = check_errors(noise, monitoring_error, (m0, m1))
    rng = as_rng(seed)
    # without errors a match between deterministic automata is the same every time: play once
    once = row.is_deterministic and col.is_deterministic and eps == 0 and mu == 0
    ones = np.ones(1 if once else repetitions, dtype=np.intp)
    hist = play_all([row, col], 0 * ones, ones, (m0, m1), turns, eps, mu, rng).T
    if once:
        hist = np.repeat(hist, repetitions, axis=0)
    k = max(m0, m1)
    actions = np.stack([hist // k, hist % k], axis=-1)
    pay = stage.float_payoffs
    payoffs = pay[actions[..., 0], actions[..., 1]]
    return MatchResult(
        names=(row.name, col.name),
        actions=actions,
        payoffs=payoffs,
        scores=payoffs.sum(axis=1),
        noise=eps,
        monitoring_error=mu,
    )
