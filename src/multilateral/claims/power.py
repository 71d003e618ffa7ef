"""Claims about voting power in weighted voting games.

``POWER_MONOTONE_IN_WEIGHT`` (holds): more weight never means less Shapley-Shubik or Banzhaf
power. ``POWER_PROPORTIONAL_TO_WEIGHT`` (fails, a foil registered with ``expected="fails"``):
the naive reading that power is proportional to weight; ``[2; 2, 1]`` gives all power to the
first member.

References
----------
.. [1] Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis.
   *Rutgers Law Review* 19, 317-343.
.. [2] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*. Edward
   Elgar, sec. 7.6.

Examples
--------
>>> import multilateral as ml
>>> verdict = ml.claims.POWER_PROPORTIONAL_TO_WEIGHT.verify(max_examples=20)
>>> verdict.holds, verdict.as_expected
(False, True)
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..games.voting import WeightedVotingGame
from ..solvers.power import banzhaf, shapley_shubik
from ..strategies import weighted_voting_games
from .base import Claim, register

__all__ = ["POWER_MONOTONE_IN_WEIGHT", "POWER_PROPORTIONAL_TO_WEIGHT"]
__dir__ = public_dir(__all__)


def _monotone(game: WeightedVotingGame) -> bool:
    ss = shapley_shubik(game).values
    bz = banzhaf(game).values
    w = game.weights
    n = game.n_members
    return all(ss[i] >= ss[j] and bz[i] >= bz[j]
               for i in range(n) for j in range(n) if w[i] >= w[j])


def _proportional(game: WeightedVotingGame) -> bool:
    ss = shapley_shubik(game).values
    return all(v == Fraction(w) / game.total for v, w in zip(ss, game.weights, strict=True))


#: More weight never means less power: in a weighted voting game, ``w_i >= w_j`` implies
#: that ``i``'s Shapley-Shubik and Banzhaf values are at least ``j``'s (holds).
POWER_MONOTONE_IN_WEIGHT = register(Claim(
    name="power_monotone_in_weight",
    statement="in a weighted voting game a member with more weight never has less "
              "Shapley-Shubik or Banzhaf power",
    source="Felsenthal and Machover (1998), The Measurement of Voting Power, sec. 7.6; "
           "Taylor and Zwicker (1999), Simple Games, ch. 3 (desirability)",
    predicate=_monotone,
    domain=weighted_voting_games,
))

#: The naive reading of weighted voting: power is proportional to weight (fails, e.g.
#: ``[2; 2, 1]`` gives all power to the first member). Banzhaf (1965) made the point.
POWER_PROPORTIONAL_TO_WEIGHT = register(Claim(
    name="power_proportional_to_weight",
    statement="in a weighted voting game each member's Shapley-Shubik power equals its "
              "share of the weight",
    source="refuted by Banzhaf (1965), Weighted voting doesn't work, Rutgers Law Review 19",
    predicate=_proportional,
    domain=weighted_voting_games,
    expected="fails",  # a foil: registered to be refuted beside POWER_MONOTONE_IN_WEIGHT
))
