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

One module per idea:

* :mod:`.matches` -- :func:`play_matches`, the matches of one pair (:class:`MatchResult`);
* :mod:`.tournaments` -- :func:`round_robin` (:class:`TournamentResult`);
* :mod:`.expectations` -- :func:`expected_payoffs_by_turn`, the exact expectation;
* :mod:`.results` -- the two result classes;
* :mod:`._engine` -- the array engine every simulation runs on; :mod:`._checks` -- the
  shared input checks.

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

from .._namespace import public_dir
from .expectations import expected_payoffs_by_turn
from .matches import play_matches
from .results import MatchResult, TournamentResult
from .tournaments import round_robin

__all__ = [
    "MatchResult",
    "TournamentResult",
    "expected_payoffs_by_turn",
    "play_matches",
    "round_robin",
]
__dir__ = public_dir(__all__)
