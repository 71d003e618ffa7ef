"""Evolutionary dynamics: replicator dynamics, evolutionary stability, finite populations.

One module per idea:

* :mod:`.replicator` — infinite populations: :func:`replicator` integrates the replicator
  dynamics of a symmetric two-player game or an anonymous N-player game;
  :func:`rest_points` lists its rest points (support enumeration, exact for exact payoffs)
  with their stability (:class:`Trajectory`, :class:`RestPoint`);
* :mod:`.ess` — :func:`is_ess` and :func:`evolutionarily_stable_strategies`: Maynard Smith's
  conditions, exactly for exact payoffs, mixed strategies included (Haigh's test);
* :mod:`.birth_death` — two strategies in a population of ``Z``: :class:`BirthDeathChain`
  from :func:`pairwise_comparison` (Fermi) or :func:`moran_process`, all in O(Z);
* :mod:`.fitness` — a game in a finite population (:func:`finite_game`, :class:`FiniteGame`):
  fitness by random pairing (matrix games), by hypergeometric sampling of groups
  (:func:`hypergeometric_weights`, anonymous games) or from a fitness function; the update
  rule's intensity of selection (:func:`selection`, :func:`moran_fitness`);
* :mod:`.fixation` — :func:`fixation_probability` in closed form and the
  :func:`small_mutation_limit` (:class:`SmallMutationLimit`), in log space end to end;
* :mod:`.population` — the full chain over all :func:`population_states`:
  :func:`transition_matrix` (:class:`PopulationChain`);
* :mod:`.markov` — :func:`stationary_distribution` of any chain, by one sparse solve;
* :mod:`._iterative` — BiCGSTAB with aggregation multigrid for the stationary distribution
  of large full chains (``PopulationChain.stationary_distribution(method="iterative")``);
* :mod:`._kernel` — shared exact-or-float linear algebra (elimination, determinants,
  definiteness, copositivity) and input checks.

The games these functions take are typed in :mod:`multilateral.games.population`
(:data:`~multilateral.games.PopulationGame`).

References
----------
.. [1] Taylor, P. D. and Jonker, L. B. (1978). Evolutionarily stable strategies and game
   dynamics. *Mathematical Biosciences* 40, 145-156.
.. [2] Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge University
   Press.
.. [3] Traulsen, A., Nowak, M. A. and Pacheco, J. M. (2006). Stochastic dynamics of invasion
   and fixation. *Physical Review E* 74, 011909.
.. [4] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
   cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.
.. [5] Fudenberg, D. and Imhof, L. A. (2006). Imitation processes with small mutations.
   *Journal of Economic Theory* 131, 251-262.
.. [6] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population Dynamics*.
   Cambridge University Press, ch. 6-7.

Examples
--------
>>> from multilateral.solvers.evolutionary import is_ess, rest_points
>>> pd = [[3, 0], [5, 1]]
>>> [p.stability for p in rest_points(pd)], is_ess(pd, 1)
(['unstable', 'stable'], True)
"""

from ..._namespace import public_dir
from .birth_death import BirthDeathChain, moran_process, pairwise_comparison
from .ess import evolutionarily_stable_strategies, is_ess
from .fitness import (
    FiniteGame,
    finite_game,
    hypergeometric_weights,
    moran_fitness,
    selection,
    strategy_index,
)
from .fixation import SmallMutationLimit, fixation_probability, small_mutation_limit
from .markov import stationary_distribution
from .population import MAX_STATES, PopulationChain, population_states, transition_matrix
from .replicator import RestPoint, Trajectory, replicator, rest_points, support_rest_points

__all__ = [
    "MAX_STATES",
    "BirthDeathChain",
    "FiniteGame",
    "PopulationChain",
    "RestPoint",
    "SmallMutationLimit",
    "Trajectory",
    "evolutionarily_stable_strategies",
    "finite_game",
    "fixation_probability",
    "hypergeometric_weights",
    "is_ess",
    "moran_fitness",
    "moran_process",
    "pairwise_comparison",
    "population_states",
    "replicator",
    "rest_points",
    "selection",
    "small_mutation_limit",
    "stationary_distribution",
    "strategy_index",
    "support_rest_points",
    "transition_matrix",
]
__dir__ = public_dir(__all__)
