"""Power indices of simple games: Shapley-Shubik, Banzhaf, Johnston, Deegan-Packel, Holler-Packel,
and Coleman's measures.

A member's *voting power* is not its weight. The Shapley-Shubik index is the probability that
a member is pivotal when the members join in a random order; the Banzhaf measure is the
probability that its vote decides the outcome when the others vote at random (normalized:
its share of all such swings). Johnston weighs each swing by the number of members critical
in the coalition; Deegan-Packel and Holler-Packel count minimal winning coalitions only.
Coleman's measures (:func:`coleman`) divide the same swing counts by the number of winning
coalitions (a member's power to prevent action) or of losing ones (its power to initiate
action), and that number by ``2**n`` gives the collectivity's power to act; the weight table
that counts the swings counts the winning coalitions too (one prefix sum), so they cost what
Banzhaf costs.

Algorithms
----------
*Weighted games* (any number of members): dynamic programming over weights, never over
coalitions. With integer weights ``w`` and quota ``q`` (total ``W``), a member of weight
``w_i`` swings exactly when the others weigh ``q - w_i .. q - 1`` (equivalently, the others
*outside* the coalition weigh ``W - q - w_i + 1 .. W - q``; the cheaper side is used, so only
weights below ``m = min(q, W - q + 1)`` are tabulated). The generating polynomial
``prod_j (1 + y x^w_j)`` is built once, truncated at ``x^m``; a member is removed by dividing
by its factor, and only the window sum is needed, which prefix sums give in
``O(m / w_i)`` steps per distinct weight (members with equal weights share the result).

* Banzhaf, exact: counts in Python integers (``O(n m)``; about 15 ms for 190 members at
  total weight 10,000).
* Shapley-Shubik, exact: the size variable ``y`` is packed into big integers (fields of
  ``n + 1`` bits), so the table has ``m`` entries instead of ``n m``; values are
  :class:`~fractions.Fraction` s. About 0.4 s for 190 members at total weight 10,000 and a
  simple majority (``m = 5,000``), 0.1 s at 85% (``m = 1,501``).
* Shapley-Shubik, float: the index is the integral over ``p`` of the probability of being
  pivotal when each other member joins with probability ``p`` (Owen's multilinear
  extension); that probability is a polynomial of degree ``n - 1`` in ``p``, so
  Gauss-Legendre quadrature with ``n / 2`` nodes or more is exact. Fewer suffice: in the
  Bernstein basis its coefficients (the shares of the coalitions of each size that the
  member swings) lie in ``[0, 1]``, so the rule's error is bounded by the sums of its
  positive and of its negative errors on the basis polynomials, computed once per ``n``
  (:func:`~._weighted.quadrature_bound`); the fewest nodes whose bound is below
  ``2**-43`` (times ``n / 100`` past 100 members) are used and the bound joins the
  error bound: 52 nodes instead of 96 for 190 members (bound ``7e-14``). The nodes come in pairs
  ``p < 1/2 < 1 - p`` (an even number: none at ``1/2``); one table at odds ``p / (1 - p)``
  serves both, node ``p`` through the window of the coalition and node ``1 - p`` through
  that of its complement, and members are removed with the recursion that is stable for
  those odds, so errors do not grow. A window whose probability at a node is provably
  negligible (a Chernoff bound on the total weight that joins is below
  :data:`~._weighted.NEGLIGIBLE_TAIL`) is skipped, and that node's table stops at the
  other window (at an 85% quota this skips the large table at about a third of the
  nodes). Members are added lightest first, each updating only the entries it can reach;
  passes over chunks of nodes run on up to :data:`~._weighted.FLOAT_THREADS` threads.
  About 0.1 s for 190 members at total weight 10,000; at 5 million votes about 9 s on
  one core of a machine at load 8 (2.2-3.6x less than before the reduced node count and
  the skipped windows; the measurements are in ``benchmarks/README.md``).
* Banzhaf, float: the same at ``p = 1/2`` (a few milliseconds).

*Error bounds.* Every float result (``exact=False``, or ``exact=None`` where the exact
computation would be slow) carries ``error_bound``: each value is guaranteed to lie within
it of the exact index. For the quadratures it is an a-priori bound on the floating-point
error (computed with the values): the tables are sums of nonnegative terms (each within
``gamma_k = k u / (1 - k u)`` of its exact value, ``k`` the depth of roundings, ``u =
2**-53``), the prefix sums are taken in two levels (about ``2 sqrt(m)`` roundings deep
instead of ``m``), and the removal of a member sums ``T`` alternating terms weighted by
``r**t`` (``r`` the odds), so a window's error is at most about ``(1 / (1 - p)) *
min(T, 1 / (1 - r)) * (3 gamma_A + gamma_T + ...)``; the skipped windows add their
Chernoff bounds, and the quadrature its bound as computed with numpy's nodes and weights
(stated also when the node count makes the rule exact in exact arithmetic: numpy's weights
are off by tens of ulps in all, measured against 50-digit ones), plus ``(4 (n - 1) + 16) u``
for the upper nodes taken as ``1 - p`` (``|d/dp|`` of a probability polynomial in Bernstein
form is at most ``n - 1``). Measured: the bound is ``4e-12`` for 190 members at total
weight 10,000 and ``1.2e-11`` to ``1.3e-11`` at 5 million votes, while the actual errors are about
``1e-15``; normalized Banzhaf propagates the bounds through the division. The
quadratures' bounds are absolute: where the swings are so rare that a float Banzhaf bound
would not guarantee about six significant digits of the largest value (quotas near 0 or
near the total; the normalized bound then came out as 1), the swings are counted exactly
and rounded instead. The float
Johnston and Deegan-Packel values come from sums of nonnegative terms only: a relative
bound ``gamma_D`` with ``D`` about ``8 n + 2 q`` (:func:`~._critical.float_relative_bound`).
Floats rounded from exact values (enumeration, counting in two halves) are within half an
ulp. The tests check on random games that the exact Fractions lie within the stated bounds.

``exact=None`` (the default) computes exactly when that is cheap -- for Shapley-Shubik
when ``n**2 * m <= 6e7`` (e.g. 191 members with weights in basis points at 85%, not at a
simple majority; under half a second; the IMF's 190 members with their 5,039,930 votes are
computed in floats, 2.7 s), for Banzhaf when ``n * m <= 5e7`` (practically always; at the limit it
takes seconds: 4.7 s measured for 200 members with ``n m = 5e7`` at load 7) -- and in
float64 otherwise; ``exact=True`` forces Fractions. Members with weight 0 are dummies and are left
out of the computation (they change neither index).

*Johnston, Deegan-Packel and Holler-Packel of weighted games* (more than 20 members; any
number): a dynamic program over the *last critical member* (:mod:`._critical`). In a winning
coalition the critical members are its heaviest ones (weight above the excess ``W - q``), so
each coalition that has one splits into the critical members before the last one, the last
one, and non-critical lighter members; forward tables over the members before ``i`` and
backward tables over those after it count, for each ``i``, the coalitions in which it is
critical, weighted by ``u**(number of other critical members)``. Holler-Packel is the count
at ``u = 1`` (exact integers, ``O(n q)``); Johnston and Deegan-Packel weigh by one over the
number of critical members, the integral over ``u`` of a polynomial of degree below ``n``
with nonnegative coefficients: Gauss-Legendre quadrature in float64 (no cancellation; at
most 1,000 members of nonzero weight, since the tables count up to ``2**n``) with the fewest
nodes whose relative error ``max_j (j + 1) |e_j|`` on the monomials is below ``2**-40``
(38 nodes instead of about 100 at 200 members; :func:`~._critical.quadrature_nodes`), or
Fractions by interpolation at integer nodes when ``n**2 q`` is small (``exact=True`` forces
it). Every table lives on the weights ``C_i - (W - q) .. C_i`` that the heavier part of a
winning coalition can have (``C_i`` the weight of the members before ``i``): ``min(q, W -
q + 1)`` entries instead of ``q``, so quotas above one half cost less. Measured: 200
members at total weight 10,000, 0.15-0.4 s each at load 7 (the measurements are in
``benchmarks/README.md``).

*Composite games* that are *size-threshold games* -- a coalition wins when its weight
reaches a threshold that depends only on its number of members, as in any intersection or
union of one weighted game with member counts (double majorities: the EU Council, 55% of
the members and 65% of the population, with or without the blocking-minority clause) --
are counted exactly, whatever the weights (populations in persons), by listing the subsets of
two halves of the members and counting the pairs in each window by binary search
(:mod:`._threshold`): Shapley-Shubik, Banzhaf, Deegan-Packel and Holler-Packel for up to 32
members (the EU Council: about 0.3 s an index). Johnston (:mod:`._vulnerable`) splits the
members into the heavier and the lighter half: the critical members of a coalition are the
first of each part, and each way of splitting them is a window on the weight of one part
set by the other (the EU Council: about 1 s under load). Weighted games with weights too
large for a table use the same counting up to 32 members. Size-threshold games of more
members (a double majority of 200 members) get Shapley-Shubik and Banzhaf from a table over
weights below the largest threshold with the sizes packed into Python integers (each size
reads its own window), exactly, when ``n`` times the table stays below
:data:`~._threshold.MAX_SIZE_TABLE` (measured: 200 members at total weight 1,000-10,000,
0.2-2.5 s under load); their other indices are refused.

Other composite games enumerate the ``2**n`` coalitions with numpy, exactly, for at most
:data:`~multilateral.games.voting.MAX_ENUMERATION_MEMBERS` (25) members; larger games raise
:class:`~multilateral.errors.InvalidArgumentError` instead of running for hours.

One module per idea:

* :mod:`.indices` -- the five indices, :func:`shapley_shubik`, :func:`banzhaf`,
  :func:`johnston`, :func:`deegan_packel` and :func:`holler_packel`, and Coleman's
  measures, :func:`coleman`;
* :mod:`.caucus` -- :func:`caucus_power`, a bloc's power together and apart;
* :mod:`.results` -- :class:`PowerIndex`, :class:`ColemanPower` and :class:`CaucusPower`;
* :mod:`._weighted` -- the dynamic programs over weights; :mod:`._critical` -- the dynamic
  program over critical members; :mod:`._threshold` -- size-threshold games counted in two
  halves, :mod:`._vulnerable` -- their Johnston index; :mod:`._enumeration` -- the
  enumeration of coalitions.

References
----------
.. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.
.. [2] Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis.
   *Rutgers Law Review* 19, 317-343.
.. [3] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of the
   Royal Statistical Society* 109(1), 53-57.
.. [4] Johnston, R. J. (1978). On the measurement of power: some reactions to Laver.
   *Environment and Planning A* 10, 907-914.
.. [5] Deegan, J. and Packel, E. W. (1978). A new index of power for simple n-person games.
   *International Journal of Game Theory* 7, 113-123.
.. [6] Holler, M. J. and Packel, E. W. (1983). Power, luck and the right index. *Journal of
   Economics* 43, 21-29.
.. [7] Owen, G. (1972). Multilinear extensions of games. *Management Science* 18(5), 64-79.
.. [8] Matsui, T. and Matsui, Y. (2000). A survey of algorithms for calculating power
   indices of weighted majority games. *Journal of the Operations Research Society of
   Japan* 43(1), 71-86.
.. [9] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
   Edward Elgar.
.. [10] Kurz, S. (2016). Computing the power distribution in the IMF. arXiv:1603.01443
   (dynamic programs over weights for the IMF's 188 members).
.. [11] Horowitz, E. and Sahni, S. (1974). Computing partitions with applications to the
   knapsack problem. *Journal of the ACM* 21(2), 277-292 (counting subset sums in two
   halves).
.. [12] Coleman, J. S. (1971). Control of collectivities and the power of a collectivity to
   act. In B. Lieberman (ed.), *Social Choice*, Gordon and Breach, 269-300.

Examples
--------
The UN Security Council since 1965, ``[39; 7 x5, 1 x10]``:

>>> import multilateral as ml
>>> unsc = ml.WeightedVotingGame(weights=[7] * 5 + [1] * 10, quota=39)
>>> ss = ml.solvers.shapley_shubik(unsc)
>>> ss["P1"], ss["P6"]
(Fraction(421, 2145), Fraction(4, 2145))
>>> bz = ml.solvers.banzhaf(unsc)
>>> bz.counts[0], bz.counts[5]
(848, 84)
>>> ml.solvers.banzhaf(unsc, normalized=True)["P1"]
Fraction(106, 635)
"""

from ..._namespace import public_dir
from ._weighted import MAX_TABLE as MAX_TABLE  # the largest weight table allocated
from .caucus import caucus_power
from .indices import EXACT_BANZHAF_BUDGET as EXACT_BANZHAF_BUDGET  # see indices
from .indices import EXACT_SHAPLEY_BUDGET as EXACT_SHAPLEY_BUDGET
from .indices import banzhaf, coleman, deegan_packel, holler_packel, johnston, shapley_shubik
from .results import CaucusPower, ColemanPower, PowerIndex

__all__ = [
    "CaucusPower",
    "ColemanPower",
    "PowerIndex",
    "banzhaf",
    "caucus_power",
    "coleman",
    "deegan_packel",
    "holler_packel",
    "johnston",
    "shapley_shubik",
]
__dir__ = public_dir(__all__)
