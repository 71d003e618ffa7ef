"""Olson's logic of collective action: voluntary provision, group size, crowding, k-groups.

Olson (1965) argues that larger groups provide less of a collective good and that "the small
exploit the great": the member with the largest stake bears a disproportionate share of the
burden. Chamberlin (1974) and McGuire (1974) show that the first claim holds only for goods
that are crowded (rival in consumption); for a pure public good provision per member *rises*
with group size. This module makes both claims computable.

:class:`PublicGoodProvision` is the voluntary-contribution game of Bergstrom, Blume and Varian
(1986): ``n`` members with incomes ``w_i`` each choose a contribution ``c_i`` in ``[0, w_i]``
and consume ``x_i = w_i - c_i`` of a private good and ``g = G / n**theta`` of the collective
good, where ``G`` aggregates the contributions (summation; Hirshleifer's weakest link or best
shot) and ``theta`` in ``[0, 1]`` is the crowding parameter (``theta = 0``: a pure public good,
everyone consumes all of ``G``; ``theta = 1``: fully rival, ``G`` is shared out equally).
Two preference families:

* Cobb-Douglas, ``u_i = x_i**a_i * g**(1 - a_i)`` with ``a_i`` in ``(0, 1)``;
* quasi-linear with log value, ``u_i = x_i + b_i * log(g)`` with ``b_i > 0``.

Both are allowed to differ across members. With exact inputs (ints, Fractions) every answer of
both families is an exact Fraction; the equilibrium of 10,000 members costs ``O(n log n)``
(a few milliseconds in floats) because it uses the structure of the equilibrium, not an
iterative solver.

The package is split along its seams: :mod:`.provision` holds the model and its results,
:mod:`._equilibrium` the equilibrium kernels, :mod:`.k_groups` Olson's k-groups and Kahler's
side payments (functions of valuations and costs, not of a provision model).

Free functions: :func:`linear_k_group` and :func:`k_group` (Olson's privileged and
intermediate groups: the smallest subgroup that gains from providing even if everyone else
free-rides), :func:`side_payments` (Kahler: the least transfers a great power must pay to make
everyone's participation individually rational, and whether they pay for themselves).

The claims of Olson and Chamberlin are in :mod:`multilateral.claims.collective_goods`
(``ml.claims.OLSON_GROUP_SIZE``, ``ml.claims.CHAMBERLIN_CROWDING``,
``ml.claims.OLSON_EXPLOITATION``).

References
----------
.. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
   ch. 1 (group size, privileged and intermediate groups; "the exploitation of the great by
   the small", p. 35).
.. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
   *American Political Science Review* 68(2), 707-716.
.. [3] McGuire, M. (1974). Group size, group homogeneity, and the aggregate provision of a
   pure public good under Cournot behavior. *Public Choice* 18, 107-126.
.. [4] Bergstrom, T., Blume, L. and Varian, H. (1986). On the private provision of public
   goods. *Journal of Public Economics* 29(1), 25-49.
.. [5] Hirshleifer, J. (1983). From weakest-link to best-shot: the voluntary provision of
   public goods. *Public Choice* 41(3), 371-386.
.. [6] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.
.. [7] Warr, P. G. (1983). The private provision of a public good is independent of the
   distribution of income. *Economics Letters* 13(2-3), 207-211.
"""

from __future__ import annotations

from ..._namespace import public_dir
from .k_groups import KGroup, SidePayments, k_group, linear_k_group, side_payments
from .provision import BurdenShares, ProvisionEquilibrium, PublicGoodProvision

__all__ = [
    "BurdenShares",
    "KGroup",
    "ProvisionEquilibrium",
    "PublicGoodProvision",
    "SidePayments",
    "k_group",
    "linear_k_group",
    "side_payments",
]
__dir__ = public_dir(__all__)
