"""The results of simulated play: :class:`MatchResult` and :class:`TournamentResult`.

The overview and the references are in :mod:`multilateral.simulate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from ..errors import MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MatchResult", "TournamentResult"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class MatchResult:
    """Matches between two automata: every action and payoff of every round.

    Attributes
    ----------
    names : tuple of str
        The row and the column automaton's names.
    actions : numpy.ndarray
        Actual (possibly noisy) actions, shape ``(repetitions, turns, 2)``: ``[..., 0]`` the row
        player's, ``[..., 1]`` the column player's. Action 0 is "cooperate" in a
        :class:`~multilateral.TwoByTwo`.
    payoffs : numpy.ndarray
        Stage payoffs of every round, shape ``(repetitions, turns, 2)``.
    scores : numpy.ndarray
        Total payoff of each player in each match, shape ``(repetitions, 2)``.
    noise, monitoring_error : float
        The error rates the matches were played with.

    See Also
    --------
    play_matches : returns it.
    TournamentResult : the result of a round robin.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> m = ml.simulate.play_matches(pd, ml.automata.tit_for_tat(), ml.automata.always_defect(),
    ...                              turns=4)
    >>> m
    MatchResult('Tit for Tat' vs 'Always Defect', turns=4, repetitions=1, mean_payoff=(0.75, 2))
    >>> m.actions[0].tolist()
    [[0, 1], [1, 1], [1, 1], [1, 1]]
    """

    names: tuple[str, str]
    actions: NDArray[np.integer[Any]]  # Any: the bit width, the smallest that holds them
    payoffs: NDArray[np.float64]
    scores: NDArray[np.float64]
    noise: float = 0.0
    monitoring_error: float = 0.0

    @property
    def turns(self) -> int:
        """Rounds per match."""
        return int(self.actions.shape[1])

    @property
    def repetitions(self) -> int:
        """Number of matches."""
        return int(self.actions.shape[0])

    @property
    def mean_payoff(self) -> NDArray[np.float64]:
        """Each player's payoff per round, averaged over rounds and matches, shape ``(2,)``."""
        return np.asarray(self.scores.mean(axis=0) / self.turns)

    @property
    def cooperation_rate(self) -> NDArray[np.float64]:
        """Each player's share of rounds in which he played action 0 (cooperate), ``(2,)``."""
        return np.asarray((self.actions == 0).mean(axis=(0, 1)))

    def __repr__(self) -> str:
        mean = ", ".join(f"{v:.4g}" for v in self.mean_payoff)
        return (f"MatchResult({self.names[0]!r} vs {self.names[1]!r}, turns={self.turns}, "
                f"repetitions={self.repetitions}, mean_payoff=({mean}))")


@dataclass(frozen=True, repr=False)
class TournamentResult:
    """A round-robin tournament: who scored what against whom.

    Attributes
    ----------
    names : tuple of str
        The players, in the order of every axis below.
    match_scores : numpy.ndarray
        ``match_scores[i, j, k]``: player ``i``'s total payoff against ``j`` in repetition
        ``k``, shape ``(n, n, repetitions)``. A self-interaction's entry is the mean of the two
        copies' totals; without self-play the diagonal is ``nan``.
    cooperation : numpy.ndarray
        ``cooperation[i, j]``: share of rounds in which ``i`` cooperated (action 0) against
        ``j``, over all repetitions.
    turns, repetitions : int
    noise, monitoring_error : float

    See Also
    --------
    round_robin : returns it.
    MatchResult : the result of one pairing's matches.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> players = [ml.automata.tit_for_tat(), ml.automata.always_defect(),
    ...            ml.automata.always_cooperate()]
    >>> t = ml.simulate.round_robin(pd, players, turns=10, repetitions=1)
    >>> t.ranking
    ('Always Defect', 'Tit for Tat', 'Always Cooperate')
    """

    names: tuple[str, ...]
    match_scores: NDArray[np.float64]
    cooperation: NDArray[np.float64]
    turns: int
    repetitions: int
    noise: float = 0.0
    monitoring_error: float = 0.0

    @property
    def scores(self) -> NDArray[np.float64]:
        """``scores[i, j]``: ``i``'s mean total payoff per match against ``j``, ``(n, n)``."""
        return np.asarray(self.match_scores.mean(axis=2))

    @property
    def payoff_matrix(self) -> NDArray[np.float64]:
        """``scores`` per round: ``i``'s mean payoff per turn against ``j`` (Axelrod's)."""
        return self.scores / self.turns

    @property
    def normalised_scores(self) -> NDArray[np.float64]:
        """Each player's payoff per turn averaged over his opponents, by repetition ``(n, R)``.

        As in the Axelrod library, self-interactions are left out.
        """
        n = len(self.names)
        others = ~np.eye(n, dtype=bool)[:, :, None]
        per_turn = np.where(others, self.match_scores, 0.0) / self.turns
        return np.asarray(per_turn.sum(axis=1) / (n - 1))

    @property
    def mean_scores(self) -> NDArray[np.float64]:
        """Each player's mean payoff per turn against the others (self-play left out), ``(n,)``."""
        return np.asarray(self.normalised_scores.mean(axis=1))

    @property
    def ranking(self) -> tuple[str, ...]:
        """Names from best to worst by median normalised score over repetitions (Axelrod's)."""
        med = np.median(self.normalised_scores, axis=1)
        order = sorted(range(len(self.names)), key=lambda i: -med[i])
        return tuple(self.names[i] for i in order)

    def to_frame(self) -> pd.DataFrame:
        """The results as a :class:`pandas.DataFrame`, one row per (player, opponent).

        Columns: ``player``, ``opponent``, ``mean_score`` and ``std_score`` (of the match
        totals over repetitions), ``score_per_turn`` and ``cooperation_rate``.

        Raises
        ------
        MissingDependencyError
            If pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas is present in the dev environment
            raise MissingDependencyError(
                "TournamentResult.to_frame needs pandas: pip install pandas"
            ) from None
        n = len(self.names)
        rows = []
        for i in range(n):
            for j in range(n):
                if np.isnan(self.match_scores[i, j, 0]):
                    continue
                rows.append({
                    "player": self.names[i],
                    "opponent": self.names[j],
                    "mean_score": float(self.match_scores[i, j].mean()),
                    "std_score": float(self.match_scores[i, j].std()),
                    "score_per_turn": float(self.match_scores[i, j].mean() / self.turns),
                    "cooperation_rate": float(self.cooperation[i, j]),
                })
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return (f"TournamentResult({len(self.names)} players, turns={self.turns}, "
                f"repetitions={self.repetitions}, winner={self.ranking[0]!r})")
