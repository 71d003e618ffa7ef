"""Cha's powerplay claims: who prefers bilateral control and who a multilateral body.

``POWERPLAY_QUADRANTS``: power asymmetry predicts the structure that gives the most control
(Cha's table, :data:`~multilateral.models.CHA_QUADRANTS`). ``ENTRAPMENT_BILATERAL``: a great
power that fears entrapment prefers the hub-and-spokes; its predicate enumerates the event
tree (:func:`~multilateral.models.alliances.brute_force_preference`) rather than trusting
the closed form.

References
----------
.. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
   *International Security* 34(3), 158-196.
.. [2] Cha, V. D. (2016). *Powerplay: The Origins of the American Alliance System in Asia*.
   Princeton University Press, ch. 2.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.POWERPLAY_QUADRANTS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from typing import Any

from .._namespace import public_dir
from ..models.alliances import (
    CHA_QUADRANTS,
    AllianceControl,
    brute_force_preference,
    cha_quadrants,
)
from ..strategies import alliance_controls, powerplays
from .base import Claim, register

__all__ = ["ENTRAPMENT_BILATERAL", "POWERPLAY_QUADRANTS"]
__dir__ = public_dir(__all__)


def _prefers_bilateral(model: AllianceControl) -> bool:
    return brute_force_preference(model) == "bilateral"


ENTRAPMENT_BILATERAL = register(Claim(
    name="entrapment_bilateral",
    statement="a great power that fears entrapment by its allies prefers bilateral control: "
              "when the expected cost of being entrapped by an unrestrained ally exceeds "
              "the value of the multilateral structure per unit of restraint the body "
              "would forfeit, p E > b / (d (1 - pi)), it prefers the hub-and-spokes",
    source="Cha (2009/10), International Security 34(3); Cha (2016), ch. 2; the threshold "
           "is this library's formalization (multilateral.models.alliances)",
    predicate=_prefers_bilateral,
    domain=alliance_controls,
))


def _reproduces_cha(kwargs: dict[str, Any]) -> bool:
    expected = {number: structure for number, (_, _, structure) in CHA_QUADRANTS.items()}
    return cha_quadrants(**kwargs) == expected


POWERPLAY_QUADRANTS = register(Claim(
    name="powerplay_quadrants",
    statement="power asymmetry predicts the structure that offers the most control: "
              "multilateral when small powers seek control over a small or a great power "
              "or a great power over another great power, bilateral when a great power "
              "seeks control over a small one",
    source="Cha (2009/10), International Security 34(3), pp. 165-166; assumptions (A1)-(A5) "
           "of multilateral.models.alliances are this library's formalization",
    predicate=_reproduces_cha,
    domain=powerplays,
))
