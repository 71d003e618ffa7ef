"""Oye's claims about the number of players and transparency (conditional cooperation).

Each instance of the group-size claims is a pair ``(model, larger)``: a
:class:`~multilateral.models.ConditionalCooperation` model of ``n`` members and a larger
size. Oye (1985, pp. 18-20) argues that more players make conditional cooperation harder.
With the multiplier ``r`` fixed (the return to each member ``r / n`` falls as the group grows,
Olson's normalization) the critical discount factor rises with ``n``: ``OYE_GROUP_SIZE``
holds. With the marginal per-capita return fixed (a non-rival good: each unit returns the
same to every member however many there are) it falls: ``OYE_GROUP_SIZE_NONRIVAL`` states
Oye's claim on that class, and fails. The normalization decides the sign, so the model makes
it explicit.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24, pp. 18-20.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.OYE_GROUP_SIZE.verify(max_examples=30).holds
True
>>> ml.claims.OYE_GROUP_SIZE_NONRIVAL.verify(max_examples=30).holds
False
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.conditional_cooperation import ConditionalCooperation
from ..strategies import conditional_cooperation_detection_pairs, conditional_cooperation_size_pairs
from .base import Claim, register

__all__ = ["OYE_GROUP_SIZE", "OYE_GROUP_SIZE_NONRIVAL", "OYE_TRANSPARENCY"]
__dir__ = public_dir(__all__)


def _harder(instance: tuple[ConditionalCooperation, int]) -> bool:
    model, larger = instance
    return bool(model.critical_discount(larger).value >= model.critical_discount().value)


def _clearer(instance: tuple[ConditionalCooperation, Fraction]) -> bool:
    model, better = instance
    return bool(model.with_(detection=better).critical_discount().value
                <= model.critical_discount().value)


_SOURCE = "Oye (1985), 'Explaining cooperation under anarchy', World Politics 38(1), pp. 18-20"

OYE_GROUP_SIZE = register(Claim(
    name="oye_group_size",
    statement="more players make conditional cooperation harder: with the multiplier fixed, "
              "a larger group needs a discount factor at least as high",
    source=_SOURCE,
    predicate=_harder,
    domain=lambda: conditional_cooperation_size_pairs("r"),
))

OYE_GROUP_SIZE_NONRIVAL = register(Claim(
    name="oye_group_size_nonrival",
    statement="more players make conditional cooperation harder, stated for a non-rival good "
              "(marginal per-capita return fixed): false, larger groups need less patience",
    source=_SOURCE + "; the reversal: Chamberlin (1974) for provision",
    predicate=_harder,
    domain=lambda: conditional_cooperation_size_pairs("mpcr"),
))

OYE_TRANSPARENCY = register(Claim(
    name="oye_transparency",
    statement="transparency helps: a higher probability that defection is detected never "
              "raises the discount factor cooperation needs",
    source=_SOURCE,
    predicate=_clearer,
    domain=conditional_cooperation_detection_pairs,
))
