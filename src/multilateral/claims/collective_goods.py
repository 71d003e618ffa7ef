"""Olson's and Chamberlin's claims about collective goods and group size.

Each instance of the two group-size claims is a pair ``(model, larger)``: an identical-member
Cobb-Douglas :class:`~multilateral.models.PublicGoodProvision` of size ``n`` and a larger
size ``n' > n``; the claim is that each member of the group of ``n'`` consumes strictly less
of the good, ``G*(n') / n'**theta < G*(n) / n**theta`` (checked exactly for exact models).

* ``OLSON_GROUP_SIZE`` asserts it for every crowding ``theta`` in ``[0, 1]``: it is false (for
  a pure public good, ``theta = 0``, provision rises with group size, Chamberlin 1974).
* ``CHAMBERLIN_CROWDING`` asserts it exactly where it holds for every larger size: when the
  good is crowded enough, ``theta >= theta*(n) = (1 - a) / (1 - a + a n)``. Proof: per-member
  provision is ``g(m) = m**(1 - theta) (1 - a) w / (1 - a + a m)``, whose logarithmic
  derivative ``(1 - theta) / m - a / (1 - a + a m)`` has the sign of
  ``(1 - theta)(1 - a) - theta a m``; it is negative for every ``m > n`` iff
  ``theta a n >= (1 - theta)(1 - a)``, i.e. ``theta >= theta*(n)``. The threshold is sharp
  for real sizes (below it ``g`` rises just above ``n``) and tends to 0 as ``n`` grows:
  any crowding makes large enough groups provide less per member, while for
  ``theta >= 1 - a`` provision per member falls from the first member on.
* ``OLSON_EXPLOITATION``: in the summation game with a common Cobb-Douglas ``a`` and any
  incomes, the richest member's share of the burden is at least its share of income. Proof:
  with contributor set ``C`` of size ``k`` (the richest member is in it),
  ``c_1 / G - w_1 / W >= w_1 (1 + k rho) / W_C - rho - w_1 / W_C = rho (k w_1 / W_C - 1)
  >= 0`` since ``W_C <= W`` and ``w_1`` is at least the contributors' mean income. With
  heterogeneous ``a`` it fails (a rich member who cares little for the good free-rides).

References
----------
.. [1] Olson, M. (1965). *The Logic of Collective Action*, pp. 35-36 and 48.
.. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
   *APSR* 68(2), 707-716.
.. [3] Bergstrom, T., Blume, L. and Varian, H. (1986). *Journal of Public Economics* 29(1).

Examples
--------
>>> import multilateral as ml
>>> verdict = ml.claims.OLSON_GROUP_SIZE.verify(max_examples=50)
>>> verdict.holds
False
>>> model, larger = verdict.counterexample
>>> model.theta, model.per_member_falls(larger)
(Fraction(0, 1), False)
>>> ml.claims.CHAMBERLIN_CROWDING.verify(max_examples=50).holds
True
"""

from __future__ import annotations

from hypothesis import strategies as st

from .._namespace import public_dir
from ..models.collective_action import PublicGoodProvision
from ..strategies import group_size_pairs, public_good_provisions
from .base import Claim, register

__all__ = ["CHAMBERLIN_CROWDING", "OLSON_EXPLOITATION", "OLSON_GROUP_SIZE"]
__dir__ = public_dir(__all__)


def _falls(instance: tuple[PublicGoodProvision, int]) -> bool:
    model, larger = instance
    return model.per_member_falls(larger)


def _exploitation(model: PublicGoodProvision) -> bool:
    return bool(model.burden_shares().exploitation >= 0)


def _bbv_models() -> st.SearchStrategy[PublicGoodProvision]:
    """Any incomes, one common Cobb-Douglas preference (Bergstrom, Blume and Varian's case)."""
    return public_good_provisions(n=st.integers(1, 12), common_preferences=True)


OLSON_GROUP_SIZE = register(Claim(
    name="olson_group_size",
    statement="the larger the group, the less of the collective good each member gets: "
              "per-member provision G/n**theta falls with group size (unqualified: for any "
              "crowding theta in [0, 1])",
    source="Olson (1965), The Logic of Collective Action, pp. 35-36",
    predicate=_falls,
    domain=lambda: group_size_pairs(),
))

CHAMBERLIN_CROWDING = register(Claim(
    name="chamberlin_crowding",
    statement="per-member provision falls with group size when the good is crowded enough: "
              "for identical Cobb-Douglas members, G*(m)/m**theta falls for every m > n iff "
              "theta >= (1 - a) / (1 - a + a n); for a pure public good it rises",
    source="Chamberlin (1974), APSR 68(2), 707-716; McGuire (1974)",
    predicate=_falls,
    domain=lambda: group_size_pairs(crowded=True),
))

OLSON_EXPLOITATION = register(Claim(
    name="olson_exploitation",
    statement="the small exploit the great: the member with the largest income bears a share "
              "of the burden at least its share of income (voluntary summation provision, "
              "common Cobb-Douglas preferences, any incomes)",
    source="Olson (1965), p. 35; Bergstrom, Blume and Varian (1986)",
    predicate=_exploitation,
    domain=_bbv_models,
))
