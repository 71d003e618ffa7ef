"""Vectorized simulation of repeated games between automata: matches and round-robin tournaments.

Many matches are played at once, as numpy arrays. Every player of every match is a *seat*;
all seats' automaton states live in one integer array that indexes one concatenated
transition table of every automaton in play (each automaton's states start at its own offset;
tables are padded to the largest action set), and each round's action profile is one code
per match, so one lookup of intended actions and one lookup of next states advance every
match, whatever the automata. The only Python loop is over turns; random numbers (mixed
transitions, implementation noise, misreports) are drawn in blocks from one seeded
:class:`numpy.random.Generator`. Without noise, a match between deterministic automata is
played once and repeated.

The semantics are those of :class:`~multilateral.RepeatedGame` and
:func:`~multilateral.solvers.profile_values`: each player's intended action is replaced by one
of his other actions (uniformly) with probability ``noise``; payoffs are those of the actual
actions; with ``monitoring_error`` each actual action is misreported (uniformly) with that
probability in a public signal, and every automaton moves on the reported profile (its own
reported action and the other's). :func:`expected_payoffs_by_turn` propagates the exact
distribution of the joint state, so simulated averages can be checked against it, and its
discounted sum converges to :func:`~multilateral.solvers.profile_values`.

References
----------
.. [1] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books (the round-robin
   tournament).
.. [2] Knight, V., Campbell, O., Harper, M. et al. (2016). An open reproducible framework for
   the study of the iterated prisoner's dilemma. *Journal of Open Research Software* 4(1), e35
   (the Axelrod library, whose tournament conventions are followed here).
.. [3] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*, ch. 7.
   Oxford University Press (imperfect public monitoring).

Examples
--------
>>> import multilateral as ml
>>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
>>> A = ml.automata
>>> ml.simulate.play_matches(pd, A.tit_for_tat(), A.always_defect(), turns=200).scores
array([[199., 204.]])
>>> result = ml.simulate.round_robin(
...     pd, {"TFT": A.tit_for_tat(), "ALLD": A.always_defect(), "ALLC": A.always_cooperate()},
...     turns=10, repetitions=1, seed=0)
>>> result.ranking
('ALLD', 'TFT', 'ALLC')
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ._namespace import public_dir
from ._validation import check_positive_int, check_probability
from .automata import Automaton
from .errors import (
    InvalidArgumentError,
    InvalidGameError,
    InvalidTypeError,
    MissingDependencyError,
)
from .games.normal_form import NormalFormGame
from .solvers._exactness import flip_matrix, is_dyadic_exact, to_fraction
from .types import Number, NumberArray, Seed

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MatchResult",
    "TournamentResult",
    "expected_payoffs_by_turn",
    "play_matches",
    "round_robin",
]
__dir__ = public_dir(__all__)

_BLOCK_ENTRIES = 1 << 20  # random numbers drawn per block (per kind) before the turn loop


# -- results --------------------------------------------------------------------------------------
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


# -- public API -----------------------------------------------------------------------------------
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
    m0, m1 = _check_stage(stage)
    _check_automaton(row, m0, m1, "row")
    _check_automaton(col, m1, m0, "col")
    turns = check_positive_int(turns, "turns")
    repetitions = check_positive_int(repetitions, "repetitions")
    eps, mu = _check_errors(noise, monitoring_error, (m0, m1))
    rng = _rng(seed)
    # without errors a match between deterministic automata is the same every time: play once
    once = row.is_deterministic and col.is_deterministic and eps == 0 and mu == 0
    ones = np.ones(1 if once else repetitions, dtype=np.intp)
    hist = _simulate([row, col], 0 * ones, ones, (m0, m1), turns, eps, mu, rng).T
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


def round_robin(
    stage: NormalFormGame,
    players: Mapping[str, Automaton] | Sequence[Automaton],
    *,
    turns: int = 200,
    repetitions: int = 10,
    noise: Number = 0,
    monitoring_error: Number = 0,
    seed: Seed = None,
    self_play: bool = True,
) -> TournamentResult:
    """A round-robin tournament: every pair of players plays ``repetitions`` matches.

    Every match of every pair is played in one batch of ``n_pairs * repetitions`` matches,
    advanced one round at a time by the same array operations. As in the Axelrod library
    (and Axelrod's own tournaments), each player also meets a copy of himself unless
    ``self_play=False``; rankings and :attr:`TournamentResult.mean_scores` leave those
    self-interactions out.

    Parameters
    ----------
    stage : NormalFormGame
        A symmetric two-player stage game (the column player's payoffs are the transpose of the
        row player's), so that it does not matter who plays which role.
    players : mapping of str to Automaton, or sequence of Automaton
        The entrants, by name (a sequence uses the automata's names, numbered if repeated).
    turns : int, default 200
        Rounds per match.
    repetitions : int, default 10
        Matches per pair.
    noise, monitoring_error : float or Fraction, default 0
        As in :func:`play_matches`.
    seed : int, numpy.random.Generator or None
        Seed for :func:`numpy.random.default_rng`.
    self_play : bool, default True
        Whether each player also plays against a copy of himself.

    Returns
    -------
    TournamentResult

    See Also
    --------
    play_matches : the matches of one pair.
    TournamentResult : what it returns.
    multilateral.automata.Automaton : the players' strategies.

    References
    ----------
    .. [1] Axelrod, R. (1980). Effective choice in the prisoner's dilemma. *Journal of
       Conflict Resolution* 24(1), 3-25.
    .. [2] Knight, V. et al. (2016). An open reproducible framework for the study of the
       iterated prisoner's dilemma. *Journal of Open Research Software* 4(1), e35.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> A = ml.automata
    >>> t = ml.simulate.round_robin(
    ...     pd, [A.tit_for_tat(), A.always_defect(), A.grim_trigger(), A.random_player()],
    ...     turns=200, repetitions=10, seed=42)
    >>> t.names
    ('Tit for Tat', 'Always Defect', 'Grim Trigger', 'Random (p=1/2)')
    >>> t.scores[0, 1].item(), t.scores[1, 0].item()     # TFT against ALLD: one sucker's payoff
    (199.0, 204.0)
    >>> t.ranking[0]
    'Grim Trigger'
    """
    m0, m1 = _check_stage(stage)
    pay = stage.float_payoffs
    if m0 != m1 or not np.array_equal(pay[..., 0], pay[..., 1].T):
        raise InvalidGameError(
            "round_robin needs a symmetric two-player stage game (the column player's payoffs "
            "the transpose of the row player's), so that roles do not matter"
        )
    names, automata = _players(players)
    for name, aut in zip(names, automata, strict=True):
        _check_automaton(aut, m0, m1, name)
    turns = check_positive_int(turns, "turns")
    repetitions = check_positive_int(repetitions, "repetitions")
    eps, mu = _check_errors(noise, monitoring_error, (m0, m1))
    if not isinstance(self_play, bool):
        raise InvalidTypeError(f"self_play must be True or False, got {self_play!r}")
    rng = _rng(seed)
    n = len(automata)
    pairs = np.array([(i, j) for i in range(n) for j in range(i if self_play else i + 1, n)],
                     dtype=np.intp)
    # without errors a match between deterministic automata is the same every time: play once
    certain = np.array([a.is_deterministic for a in automata]) & (eps == 0) & (mu == 0)
    plays = np.where(certain[pairs[:, 0]] & certain[pairs[:, 1]], 1, repetitions)
    first = np.concatenate([[0], np.cumsum(plays)[:-1]])
    hist = _simulate(automata, np.repeat(pairs[:, 0], plays), np.repeat(pairs[:, 1], plays),
                     (m0, m1), turns, eps, mu, rng)
    # counts of each action profile in each match, then totals by matrix product
    n_prof = m0 * m1
    counts = _profile_counts(hist, n_prof).reshape(-1, m0, m1)
    # every (pair, repetition) and the match played for it
    rep = np.tile(np.arange(repetitions), len(pairs))
    played = np.repeat(first, repetitions) + np.where(np.repeat(plays, repetitions) > 1, rep, 0)
    counts = counts[played]
    pi = np.repeat(pairs[:, 0], repetitions)
    pj = np.repeat(pairs[:, 1], repetitions)
    totals = counts.reshape(len(played), n_prof) @ pay.reshape(n_prof, 2)
    coop_row = counts[:, 0, :].sum(axis=1) / turns
    coop_col = counts[:, :, 0].sum(axis=1) / turns
    match_scores = np.full((n, n, repetitions), np.nan)
    match_scores[pi, pj, rep] = totals[:, 0]
    match_scores[pj, pi, rep] = totals[:, 1]
    coop_sum = np.zeros((n, n))
    np.add.at(coop_sum, (pi, pj), coop_row)
    np.add.at(coop_sum, (pj, pi), coop_col)
    selfish = pi == pj
    if selfish.any():
        match_scores[pi[selfish], pi[selfish], rep[selfish]] = totals[selfish].mean(axis=1)
    cooperation = coop_sum / repetitions
    diag = np.diag_indices(n)
    cooperation[diag] = cooperation[diag] / 2 if self_play else np.nan
    return TournamentResult(
        names=names,
        match_scores=match_scores,
        cooperation=cooperation,
        turns=turns,
        repetitions=repetitions,
        noise=eps,
        monitoring_error=mu,
    )


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
    m0, m1 = _check_stage(stage)
    _check_automaton(row, m0, m1, "row")
    _check_automaton(col, m1, m0, "col")
    turns = check_positive_int(turns, "turns")
    eps, mu = _check_errors(noise, monitoring_error, (m0, m1))
    exact = (stage.is_exact and _is_rational(noise) and _is_rational(monitoring_error)
             and is_dyadic_exact(row) and is_dyadic_exact(col))
    conv: Any = to_fraction if exact else float
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


# -- validation -----------------------------------------------------------------------------------
def _check_stage(stage: Any) -> tuple[int, int]:
    if not isinstance(stage, NormalFormGame):
        raise InvalidTypeError(
            f"the stage game must be a multilateral NormalFormGame, got {type(stage).__name__}"
        )
    if stage.n_players != 2:
        raise InvalidGameError(
            f"simulation needs a two-player stage game, got {stage.n_players} players"
        )
    m0, m1 = stage.shape
    return int(m0), int(m1)


def _check_automaton(aut: Any, own: int, other: int, who: str) -> None:
    if not isinstance(aut, Automaton):
        raise InvalidTypeError(
            f"player {who!r} must be an Automaton (see multilateral.automata), "
            f"got {type(aut).__name__}"
        )
    if aut.n_actions != own or aut.n_signals != other:
        raise InvalidArgumentError(
            f"player {who!r} ({aut.name!r}) is an automaton for {aut.n_actions} own actions "
            f"observing {aut.n_signals}; this stage game needs {own} and {other}"
        )


def _check_errors(noise: Number, monitoring_error: Number, shape: tuple[int, int]
                  ) -> tuple[float, float]:
    eps = check_probability(noise, "noise")
    mu = check_probability(monitoring_error, "monitoring_error")
    if (eps or mu) and min(shape) < 2:
        raise InvalidArgumentError(
            "noise and monitoring_error need every player to have at least two actions")
    return eps, mu


def _players(players: Any) -> tuple[tuple[str, ...], list[Automaton]]:
    if isinstance(players, Mapping):
        names = [str(k) for k in players]
        automata = list(players.values())
    elif isinstance(players, Sequence) and not isinstance(players, str):
        automata = list(players)
        names = []
        for aut in automata:
            if not isinstance(aut, Automaton):
                raise InvalidTypeError(
                    f"players must be Automaton objects (see multilateral.automata), got "
                    f"{type(aut).__name__}"
                )
            names.append(aut.name)
        repeated = {name for name in names if names.count(name) > 1}
        seen: dict[str, int] = {}
        for k, name in enumerate(names):
            if name in repeated:
                seen[name] = seen.get(name, 0) + 1
                names[k] = f"{name} #{seen[name]}"
    else:
        raise InvalidTypeError(
            f"players must be a mapping of names to Automaton objects or a sequence of them, "
            f"got {type(players).__name__}"
        )
    if len(automata) < 2:
        raise InvalidArgumentError(
            f"a round robin needs at least two players, got {len(automata)}"
        )
    return tuple(names), automata


def _rng(seed: Seed) -> np.random.Generator:
    if isinstance(seed, bool):
        raise InvalidTypeError(f"seed must be None, an int or a numpy Generator, got {seed!r}")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError) as err:
        raise InvalidArgumentError(
            f"seed must be None, a non-negative int or a numpy Generator, got {seed!r} ({err})"
        ) from None


# -- exact arithmetic (the rules of solvers.repeated) ---------------------------------------------
def _is_rational(x: Any) -> bool:
    return isinstance(x, numbers.Rational) and not isinstance(x, bool)


# -- the engine -----------------------------------------------------------------------------------
def _cdf_rows(prob: NDArray[np.float64]) -> NDArray[np.float64]:
    """Cumulative rows for inverse-transform sampling: ``#(cdf <= u)`` is the sampled index.

    Entries from each row's last positive probability on are ``inf``, so rounding in the
    cumulative sum can never select a state of probability zero.
    """
    cdf = np.cumsum(prob, axis=-1)
    width = prob.shape[-1]
    positive = prob > 0
    last = width - 1 - np.argmax(positive[..., ::-1], axis=-1)
    last = np.where(positive.any(axis=-1), last, 0)
    cdf[np.arange(width) >= last[..., None]] = np.inf
    return cdf


def _int_type(top: int) -> type[np.signedinteger[Any]]:
    """The smallest signed integer type that holds 0..top."""
    for kind in (np.int8, np.int16, np.int32):
        if top <= np.iinfo(kind).max:
            return kind
    return np.int64  # pragma: no cover - more than 2**31 action profiles


def _simulate(
    automata: Sequence[Automaton],
    row_aut: NDArray[np.intp],
    col_aut: NDArray[np.intp],
    shape: tuple[int, int],
    turns: int,
    eps: float,
    mu: float,
    rng: np.random.Generator,
) -> NDArray[np.integer[Any]]:
    """Play ``M = len(row_aut)`` matches; return each round's actual profile, ``(turns, M)``.

    Match ``j`` is ``automata[row_aut[j]]`` against ``automata[col_aut[j]]``. A round's
    profile is coded ``a_row * K + a_col`` (``K`` the larger number of actions). Each of the
    ``2 M`` seats keeps its state as a code ``g * K * K``, ``g`` its state's index in one table
    that concatenates every automaton twice, once per role; the column role's table is
    transposed to ``[state, row action, column action]`` like the row role's. So the entry
    after the reported profile ``r`` is ``code + r`` for both seats of a match: a round is
    one lookup of intended actions, one of next states, and a few adds on length-``M``
    arrays, whatever the automata.
    """
    m0, m1 = shape
    k = max(m0, m1)
    k2 = k * k
    n_matches = len(row_aut)
    n_aut = len(automata)
    sizes = np.array([a.n_states for a in automata] * 2, dtype=np.intp)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    n_global, width = int(sizes.sum()), int(sizes.max())
    trans = np.zeros((n_global, k, k, width))
    act_code = np.empty(n_global, dtype=np.intp)
    owner = np.empty(n_global, dtype=np.intp)
    mixed = np.zeros(2 * n_aut, dtype=bool)
    init_prob = np.zeros((2 * n_aut, width))
    for idx in range(2 * n_aut):
        aut = automata[idx % n_aut]
        lo, n = int(offsets[idx]), aut.n_states
        mat = aut.transition_matrix
        # the row role reads [state, own, other, next]; the column role's table is transposed
        # to [state, other, own, next]. An automaton that does not fit a role (another number
        # of actions) is never seated in it: its copy there stays blank.
        role = mat if idx < n_aut else mat.transpose(0, 2, 1, 3)
        if role.shape[1:3] == (m0, m1):
            trans[lo:lo + n, :m0, :m1, :n] = role
        act_code[lo:lo + n] = aut.actions * k if idx < n_aut else aut.actions
        owner[lo:lo + n] = idx
        mixed[idx] = bool(np.any((mat != 0) & (mat != 1)))
        init_prob[idx, :n] = aut.initial
    flat = trans.reshape(n_global * k2, width)
    base = np.repeat(offsets[owner] * k2, k2)  # code of state 0 of each entry's automaton
    nxt, jumps, thresholds = _sampling_tables(flat, base, k2)
    act_code = np.repeat(act_code, k2)  # indexed by code
    seat_aut = np.concatenate([row_aut, col_aut + n_aut])
    # first states
    local = np.argmax(init_prob[seat_aut], axis=1)
    random_init = np.flatnonzero(~np.any(init_prob == 1, axis=1)[seat_aut])
    if random_init.size:
        cdf0 = _cdf_rows(init_prob)[seat_aut[random_init]]
        local[random_init] = (rng.random(random_init.size)[:, None] >= cdf0).sum(axis=1)
    code = (offsets[seat_aut] + local) * k2
    mixed_seats = np.flatnonzero(mixed[seat_aut])
    n_mixed = mixed_seats.size
    binary = m0 == 2 and m1 == 2
    flip_table = None if binary else _flip_table(m0, m1)
    hist = np.empty((turns, n_matches), dtype=_int_type(k2 - 1))
    block = max(1, min(turns, _BLOCK_ENTRIES // max(n_matches, 1)))
    for start in range(0, turns, block):
        nb = min(block, turns - start)
        flips = _error_codes(rng, eps, (nb, n_matches), shape, binary) if eps else None
        misreports = _error_codes(rng, mu, (nb, n_matches), shape, binary) if mu else None
        draws = rng.random((nb, n_mixed)) if n_mixed else None
        for t in range(nb):
            intended = act_code[code]
            profile = intended[:n_matches] + intended[n_matches:]
            if flips is not None:
                profile = (profile ^ flips[t] if flip_table is None
                           else flip_table[profile * k2 + flips[t]])
            hist[start + t] = profile
            if misreports is not None:
                profile = (profile ^ misreports[t] if flip_table is None
                           else flip_table[profile * k2 + misreports[t]])
            entry = (code.reshape(2, n_matches) + profile).reshape(-1)
            code = nxt[entry]
            if draws is not None:
                e_m = entry[mixed_seats]
                u = draws[t]
                for jump, thr in zip(jumps, thresholds, strict=True):
                    code[mixed_seats] += jump[e_m] * (u >= thr[e_m])
    return hist


def _profile_counts(hist: NDArray[np.integer[Any]], n_prof: int) -> NDArray[np.intp]:
    """How often each profile code occurs in each column of ``hist``: ``(M, n_prof)``."""
    n_matches = hist.shape[1]
    shift = np.arange(n_matches, dtype=np.intp) * n_prof
    counts = np.zeros(n_matches * n_prof, dtype=np.intp)
    step = max(1, _BLOCK_ENTRIES // max(n_matches, 1))
    for start in range(0, hist.shape[0], step):  # in blocks of turns, to bound the memory
        code = hist[start:start + step].astype(np.intp)
        code += shift
        counts += np.bincount(code.ravel(), minlength=n_matches * n_prof)
    return counts.reshape(n_matches, n_prof)


_Tables = tuple[NDArray[np.intp], list[NDArray[np.intp]], list[NDArray[np.float64]]]


def _sampling_tables(prob: NDArray[np.float64], base: NDArray[np.intp], k2: int) -> _Tables:
    """Next-state codes for inverse-transform sampling, one row of ``prob`` per table entry.

    With ``s_0 < s_1 < ...`` the states of positive probability of an entry, the next code is
    ``first + sum_k jump_k * (u >= thr_k)``: ``first`` the code of ``s_0``, ``jump_k`` the step
    from ``s_k`` to ``s_(k+1)`` and ``thr_k = P(s_0) + ... + P(s_k)``. Certain transitions
    need no threshold (``first`` is their target); unused thresholds are ``inf``.
    """
    n_entries, width = prob.shape
    positive = prob > 0
    n_pos = positive.sum(axis=1)
    # positive states first, in increasing order; ``width`` pads
    order = np.sort(np.where(positive, np.arange(width), width), axis=1)
    first = base + np.where(n_pos > 0, order[:, 0], 0) * k2
    cdf = np.cumsum(prob, axis=1)
    rows = np.arange(n_entries)
    jumps, thresholds = [], []
    for col in range(int(n_pos.max()) - 1):
        used = n_pos > col + 1
        here = np.minimum(order[:, col], width - 1)
        jumps.append(np.where(used, (order[:, col + 1] - order[:, col]) * k2, 0))
        thresholds.append(np.where(used, cdf[rows, here], np.inf))
    return first, jumps, thresholds


def _flip_table(m0: int, m1: int) -> NDArray[np.intp]:
    """``table[profile * K * K + shift]``: the profile after the shift ``d0 * K + d1``."""
    k = max(m0, m1)
    a0, a1, d0, d1 = np.meshgrid(np.arange(k), np.arange(k), np.arange(k), np.arange(k),
                                 indexing="ij")
    out = ((a0 + d0) % m0) * k + (a1 + d1) % m1
    return np.asarray(out.reshape(-1), dtype=np.intp)


def _error_codes(rng: np.random.Generator, p: float, size: tuple[int, int],
                 shape: tuple[int, int], binary: bool) -> NDArray[np.intp]:
    """Errors of both players of each match as a shift code ``d0 * K + d1``.

    Each player's action is shifted (mod his number of actions) by 0, or with probability
    ``p`` by a uniform 1..m-1: replaced by one of his other actions, uniformly.
    """
    m0, m1 = shape
    k = max(m0, m1)
    hit0, hit1 = _bernoulli(rng, p, (2, *size))
    if binary:  # 2 * flip0 + flip1, applied to the profile code by XOR
        return (hit0.astype(np.intp) << 1) | hit1
    d0 = np.where(hit0, 1 + rng.integers(0, m0 - 1, size=size), 0)
    d1 = np.where(hit1, 1 + rng.integers(0, m1 - 1, size=size), 0)
    return np.asarray(d0 * k + d1, dtype=np.intp)


def _bernoulli(rng: np.random.Generator, p: float, size: tuple[int, ...]) -> NDArray[np.bool_]:
    """Independent events of probability ``p``; rare ones placed by geometric gaps (faster)."""
    n = int(np.prod(size))
    if p > 0.1 or n < 1000:
        return np.asarray(rng.random(size) < p)
    hits = np.zeros(n, dtype=bool)
    pos = -1
    while True:
        expected = (n - pos) * p
        gaps = rng.geometric(p, size=int(expected + 5 * np.sqrt(expected) + 10))
        where = pos + np.cumsum(gaps)
        hits[where[where < n]] = True
        if where[-1] >= n:
            return hits.reshape(size)
        pos = int(where[-1])
