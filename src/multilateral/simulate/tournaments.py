"""Round-robin tournaments between automata: :func:`round_robin`, every match in one batch.

The overview and the references are in :mod:`multilateral.simulate`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._namespace import public_dir
from .._validation import check_positive_int
from ..automata import Automaton
from ..errors import InvalidArgumentError, InvalidGameError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ..types import Number, Seed
from ._checks import as_rng, check_automaton, check_errors, check_stage
from ._engine import play_all, profile_counts
from .results import TournamentResult

__all__ = ["round_robin"]
__dir__ = public_dir(__all__)


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
    m0, m1 = check_stage(stage)
    pay = stage.float_payoffs
    if m0 != m1 or not np.array_equal(pay[..., 0], pay[..., 1].T):
        raise InvalidGameError(
            "round_robin needs a symmetric two-player stage game (the column player's payoffs "
            "the transpose of the row player's), so that roles do not matter"
        )
    names, automata = _players(players)
    for name, aut in zip(names, automata, strict=True):
        check_automaton(aut, m0, m1, name)
    turns = check_positive_int(turns, "turns")
    repetitions = check_positive_int(repetitions, "repetitions")
    eps, mu = check_errors(noise, monitoring_error, (m0, m1))
    if not isinstance(self_play, bool):
        raise InvalidTypeError(f"self_play must be True or False, got {self_play!r}")
    rng = as_rng(seed)
    n = len(automata)
    pairs = np.array([(i, j) for i in range(n) for j in range(i if self_play else i + 1, n)],
                     dtype=np.intp)
    # without errors a match between deterministic automata is the same every time: play once
    certain = np.array([a.is_deterministic for a in automata]) & (eps == 0) & (mu == 0)
    plays = np.where(certain[pairs[:, 0]] & certain[pairs[:, 1]], 1, repetitions)
    first = np.concatenate([[0], np.cumsum(plays)[:-1]])
    hist = play_all(automata, np.repeat(pairs[:, 0], plays), np.repeat(pairs[:, 1], plays),
                     (m0, m1), turns, eps, mu, rng)
    # counts of each action profile in each match, then totals by matrix product
    n_prof = m0 * m1
    counts = profile_counts(hist, n_prof).reshape(-1, m0, m1)
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
