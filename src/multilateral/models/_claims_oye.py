"""Oye's claims about the number of players, as checkable :class:`Claim` s.

Each instance is a pair ``(model, larger)``: a :class:`ConditionalCooperation` model of
``n`` members and a larger size. Oye (1985, pp. 18-20) argues that more players make
conditional cooperation harder. With the multiplier ``r`` fixed (the return to each member
``r / n`` falls as the group grows, Olson's normalization) the critical discount factor
rises with ``n``: ``OYE_GROUP_SIZE`` holds. With the marginal per-capita return fixed (a
non-rival good: each unit returns the same to every member however many there are) it
falls: ``OYE_GROUP_SIZE_NONRIVAL`` states Oye's claim on that class, and fails. The
normalization decides the sign, so the model makes it explicit.

Examples
--------
>>> import multilateral as ml
>>> ml.models.OYE_GROUP_SIZE.verify(max_examples=30).holds
True
>>> ml.models.OYE_GROUP_SIZE_NONRIVAL.verify(max_examples=30).holds
False
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..claims import Claim, register
from .conditional_cooperation import ConditionalCooperation

__all__ = ["OYE_GROUP_SIZE", "OYE_GROUP_SIZE_NONRIVAL", "OYE_TRANSPARENCY"]


def _harder(instance: tuple[ConditionalCooperation, int]) -> bool:
    model, larger = instance
    return bool(model.critical_discount(larger) >= model.critical_discount())


def _pairs(normalization: str) -> Any:
    from hypothesis import strategies as st

    returns = (st.fractions(min_value=Fraction(11, 10), max_value=10) if normalization == "r"
               else st.fractions(min_value=Fraction(1, 2), max_value=Fraction(99, 100)))
    return st.builds(
        lambda n, ret, step: (ConditionalCooperation(n=n, **{normalization: ret}), n + step),
        st.integers(2, 200), returns, st.integers(1, 100),
    )


def _clearer(instance: tuple[ConditionalCooperation, Any]) -> bool:
    model, better = instance
    return bool(ConditionalCooperation(n=model.n, r=model.r, detection=better)
                .critical_discount() <= model.critical_discount())


def _detections() -> Any:
    from hypothesis import strategies as st

    probs = st.fractions(min_value=Fraction(1, 100), max_value=1)
    return st.builds(
        lambda n, r, q1, q2: (ConditionalCooperation(n=n, r=r, detection=min(q1, q2)),
                              max(q1, q2)),
        st.integers(2, 200), st.fractions(min_value=Fraction(11, 10), max_value=10), probs, probs,
    )


_SOURCE = "Oye (1985), 'Explaining cooperation under anarchy', World Politics 38(1), pp. 18-20"

OYE_GROUP_SIZE = register(Claim(
    name="oye_group_size",
    statement="more players make conditional cooperation harder: with the multiplier fixed, "
              "a larger group needs a discount factor at least as high",
    source=_SOURCE,
    predicate=_harder,
    domain=lambda: _pairs("r"),
))

OYE_GROUP_SIZE_NONRIVAL = register(Claim(
    name="oye_group_size_nonrival",
    statement="more players make conditional cooperation harder, stated for a non-rival good "
              "(marginal per-capita return fixed): false, larger groups need less patience",
    source=_SOURCE + "; the reversal: Chamberlin (1974) for provision",
    predicate=_harder,
    domain=lambda: _pairs("mpcr"),
))

OYE_TRANSPARENCY = register(Claim(
    name="oye_transparency",
    statement="transparency helps: a higher probability that defection is detected never "
              "raises the discount factor cooperation needs",
    source=_SOURCE,
    predicate=_clearer,
    domain=_detections,
))
