"""Olson's and Chamberlin's claims about collective goods and group size.

Olson (1965) makes two group-size claims that are often run together. His own is about
**suboptimality**: "the larger the group, the farther it will fall short of providing an
optimal amount of a collective good" (pp. 35-36, after the argument of pp. 27-28 that a
member provides only up to where its *own* share of the gain covers the cost). The popular
reading, which Chamberlin (1974) corrected, is about **provision per member**: each member of
a larger group gets less of the good. The first holds (``OLSON_SUBOPTIMALITY``); the second,
unqualified, fails (``OLSON_GROUP_SIZE``, a foil registered with ``expected="fails"``) and
holds only for crowded goods (``CHAMBERLIN_CROWDING``).

* ``OLSON_SUBOPTIMALITY``: each instance is ``(model, larger)``, a
  :class:`~multilateral.models.PublicGoodProvision` of ``n`` identical members and a larger
  size. The larger group falls strictly farther short of the optimum, both in proportion
  (``G*/G_opt``, :meth:`~multilateral.models.PublicGoodProvision.shortfall`, falls) and in
  amount (``G_opt - G*`` rises), unless neither group falls short at all. Proof for
  Cobb-Douglas summation: ``G*/G_opt = 1 / (1 + a (n - 1))`` and ``G_opt - G* = n (1 - a) w
  a (n - 1) / (1 + a (n - 1))``; quasi-linear summation: ``G* = min(b, n w)`` against
  ``G_opt = n min(b, w)``; best shot: ``G* = s`` (one member's stand-alone provision) against
  ``G_opt = n s``. The qualifications: the members are alike (a rich newcomer can make a
  group *privileged* and bring it closer to the optimum; Olson's own exception), and the
  good is a sum or a best shot: with a weakest link the Pareto-best equilibrium *is* the
  optimum at every size (Hirshleifer 1983), so there is no shortfall to grow.
* ``OLSON_GROUP_SIZE`` asserts that per-member provision ``G*(n') / n'**theta <
  G*(n) / n**theta`` falls for every crowding ``theta`` in ``[0, 1]`` (identical
  Cobb-Douglas members, summation): it is false (for a pure public good, ``theta = 0``,
  provision rises with group size, Chamberlin 1974).
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

Two claims carry the dilution to repeated play, on
:class:`~multilateral.models.ConditionalCooperation` pairs ``(model, larger)`` with perfect
monitoring, grim collective punishment taken as credible and identical members:

* ``OLSON_DILUTION``: with the multiplier ``r`` fixed, each member's return on a unit is
  ``r / n`` and falls as the group grows; the temptation ``1 - r/n`` rises while the stake
  ``r - 1`` stays, so the critical discount factor ``(n - r) / (r (n - 1))`` rises with
  ``n`` towards ``1 / r``. It holds. This is Olson's mechanism (each member's share of the
  gain, pp. 27-28), not Oye's: it needs none of Oye's (1985, pp. 18-20) three channels,
  which this class switches off (defection is seen for certain, punishment costs nothing to
  decide on and is always carried out, the common interest is known). Oye's channels are
  checked by their own claims in :mod:`multilateral.claims.oye`.
* ``NO_CHANNELS_NUMBERS_HELP``: with the marginal per-capita return ``m`` fixed (a non-rival
  good, no dilution) and the same three channels switched off, a larger group needs strictly
  *less* patience: the threshold ``(1 - m) / ((1 - m) + (m n - 1))`` falls with ``n``. It
  holds. It is the library's finding, Chamberlin's point carried to repeated play; it does
  not refute Oye, whose argument runs through exactly the channels this class leaves out.

References
----------
.. [1] Olson, M. (1965). *The Logic of Collective Action*, pp. 27-28, 35-36 and 48 (pages
   as usually cited; not checked against the text for this module).
.. [2] Chamberlin, J. (1974). Provision of collective goods as a function of group size.
   *APSR* 68(2), 707-716.
.. [3] Bergstrom, T., Blume, L. and Varian, H. (1986). *Journal of Public Economics* 29(1).
.. [4] Hirshleifer, J. (1983). From weakest-link to best-shot. *Public Choice* 41(3),
   371-386.
.. [5] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1),
   1-24, pp. 18-20 (section IV, "Number of players"; pages not checked against the text).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.OLSON_SUBOPTIMALITY.verify(max_examples=30).holds
True
>>> verdict = ml.claims.OLSON_GROUP_SIZE.verify(max_examples=50)
>>> verdict.holds, verdict.expected, verdict.as_expected
(False, 'fails', True)
>>> model, larger = verdict.counterexample
>>> model.theta, model.per_member_falls(larger)
(Fraction(0, 1), False)
>>> ml.claims.CHAMBERLIN_CROWDING.verify(max_examples=50).holds
True
>>> ml.claims.OLSON_DILUTION.verify(max_examples=30).holds
True
>>> ml.claims.NO_CHANNELS_NUMBERS_HELP.verify(max_examples=30).holds
True
"""

from __future__ import annotations

from hypothesis import strategies as st

from .._namespace import public_dir
from ..models.collective_action import PublicGoodProvision
from ..models.conditional_cooperation import ConditionalCooperation
from ..strategies import (
    conditional_cooperation_size_pairs,
    group_size_pairs,
    public_good_provisions,
)
from .base import Claim, register

__all__ = [
    "CHAMBERLIN_CROWDING",
    "NO_CHANNELS_NUMBERS_HELP",
    "OLSON_DILUTION",
    "OLSON_EXPLOITATION",
    "OLSON_GROUP_SIZE",
    "OLSON_SUBOPTIMALITY",
]
__dir__ = public_dir(__all__)


def _falls(instance: tuple[PublicGoodProvision, int]) -> bool:
    model, larger = instance
    return model.per_member_falls(larger)


def _farther_short(instance: tuple[PublicGoodProvision, int]) -> bool:
    model, larger = instance
    big = model.with_size(larger)
    ratio, big_ratio = model.shortfall(), big.shortfall()
    if big_ratio == 1:  # the larger group provides the optimum: so must the smaller
        return bool(ratio == 1)
    gap = model.optimum() - model.equilibrium().total
    big_gap = big.optimum() - big.equilibrium().total
    return bool(big_ratio < ratio and big_gap > gap)


def _exploitation(model: PublicGoodProvision) -> bool:
    return bool(model.burden_shares().exploitation >= 0)


def _harder(instance: tuple[ConditionalCooperation, int]) -> bool:
    model, larger = instance
    return bool(model.critical_discount(larger).value >= model.critical_discount().value)


def _easier(instance: tuple[ConditionalCooperation, int]) -> bool:
    model, larger = instance
    return bool(model.critical_discount(larger).value < model.critical_discount().value)


def _bbv_models() -> st.SearchStrategy[PublicGoodProvision]:
    """Any incomes, one common Cobb-Douglas preference (Bergstrom, Blume and Varian's case)."""
    return public_good_provisions(n=st.integers(1, 12), common_preferences=True)


def _alike_size_pairs() -> st.SearchStrategy[tuple[PublicGoodProvision, int]]:
    """Identical members (Cobb-Douglas or quasi-linear, any crowding), summation or best shot,
    and a larger size: Olson's "other things equal" as the group grows."""
    models = st.one_of(*(
        public_good_provisions(n=st.integers(1, 30), identical=True, utility=utility,
                               aggregation=st.sampled_from(["sum", "best_shot"]))
        for utility in ("cobb_douglas", "quasi_linear")))
    return st.tuples(models, st.integers(1, 60)).map(lambda p: (p[0], p[0].n + p[1]))


_OLSON = "Olson (1965), The Logic of Collective Action"

OLSON_SUBOPTIMALITY = register(Claim(
    name="olson_suboptimality",
    statement="the larger the group, the farther it falls short of providing an optimal "
              "amount: with identical members and a summation or best-shot good, the "
              "equilibrium's ratio to the optimum G*/G_opt falls and its gap G_opt - G* "
              "grows with group size (unless neither group falls short); not for a weakest "
              "link, whose best equilibrium is optimal at every size",
    source=_OLSON + ", pp. 27-28 and 35-36",
    predicate=_farther_short,
    domain=_alike_size_pairs,
))

OLSON_GROUP_SIZE = register(Claim(
    name="olson_group_size",
    statement="the larger the group, the less of the collective good each member gets: "
              "per-member provision G/n**theta falls with group size (unqualified: for any "
              "crowding theta in [0, 1]); the popular reading of Olson, not his claim",
    source=_OLSON + ", pp. 35-36",
    predicate=_falls,
    domain=lambda: group_size_pairs(),
    expected="fails",  # a foil: registered to be refuted beside CHAMBERLIN_CROWDING
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
    source=_OLSON + ", p. 35; Bergstrom, Blume and Varian (1986)",
    predicate=_exploitation,
    domain=_bbv_models,
))

OLSON_DILUTION = register(Claim(
    name="olson_dilution",
    statement="Olson's dilution in repeated play: with the multiplier r fixed, each member's "
              "return r/n on a unit falls as the group grows, so conditional cooperation "
              "(grim trigger, perfect monitoring, credible collective punishment, identical "
              "members) needs a discount factor at least as high in a larger group; none of "
              "Oye's three channels is at work",
    source=_OLSON + ", pp. 27-28 (each member's share of the gain); carried to repeated play",
    predicate=_harder,
    domain=lambda: conditional_cooperation_size_pairs("r"),
))

NO_CHANNELS_NUMBERS_HELP = register(Claim(
    name="no_channels_numbers_help",
    statement="with Oye's three channels switched off (perfect monitoring, credible "
              "collective punishment at no cost of deciding, a known common interest) and no "
              "dilution (marginal per-capita return fixed, a non-rival good), a larger group "
              "needs strictly less patience: numbers help",
    source="the library's finding: Chamberlin (1974), APSR 68(2), 707-716, carried to "
           "repeated play; the channels it switches off: Oye (1985), World Politics 38(1), "
           "pp. 18-20",
    predicate=_easier,
    domain=lambda: conditional_cooperation_size_pairs("mpcr"),
))
