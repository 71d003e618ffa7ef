"""Simple games: weighted voting games, composite rules (intersections, unions) and blocs.

A *simple game* says which coalitions of members win. Here the coalitions that win are
monotone (adding members never turns a winning coalition into a losing one), the grand
coalition wins and the empty one loses. A *weighted voting game* ``[q; w_1, ..., w_n]`` gives
member ``i`` the weight ``w_i >= 0``; a coalition wins when its weight reaches the quota ``q``.
Real rules are often *composite*: the UN Security Council needs nine of fifteen votes
**and** the concurring votes of the five permanent members (an intersection of two
games); a double majority needs a majority of members and of population.

The power indices of these games (Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel,
Holler-Packel) are in :mod:`multilateral.solvers.power`.

One module per idea:

* :mod:`.simple` -- :class:`SimpleGame`, the base class: coalitions as bitmasks, the winning
  mask, veto players, dummies, :func:`minimal_winning_masks`, equivalence and
  :func:`with_blocs`;
* :mod:`.weighted` -- :class:`WeightedVotingGame`, a quota on members' weights;
* :mod:`.composite` -- :class:`CompositeVotingGame`: :func:`intersection` and :func:`union`.

References
----------
.. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.
.. [2] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games: Desirability Relations,
   Trading, Pseudoweightings*. Princeton University Press.
.. [3] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
   Edward Elgar.

Examples
--------
>>> import multilateral as ml
>>> unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
>>> unsc
WeightedVotingGame([39; 7 x5, 1 x10])
>>> unsc.is_winning([0, 1, 2, 3, 4, 5, 6, 7, 8]), unsc.is_winning(range(1, 15))
(True, False)
>>> unsc.veto_players
('P1', 'P2', 'P3', 'P4', 'P5')
>>> nine = ml.WeightedVotingGame([1] * 15, 9)
>>> p5 = ml.WeightedVotingGame.unanimity(range(5), n=15)
>>> ml.games.intersection(nine, p5).is_equivalent(unsc)
True
"""

from ..._namespace import public_dir
from .composite import CompositeVotingGame, intersection, union
from .simple import MAX_ENUMERATION_MEMBERS, SimpleGame, minimal_winning_masks, with_blocs
from .weighted import WeightedVotingGame

__all__ = [
    "MAX_ENUMERATION_MEMBERS",
    "CompositeVotingGame",
    "SimpleGame",
    "WeightedVotingGame",
    "intersection",
    "minimal_winning_masks",
    "union",
    "with_blocs",
]
__dir__ = public_dir(__all__)
