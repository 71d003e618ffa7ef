"""The forum-choice claim: heterogeneous interests favour clubs over universal forums.

``HETEROGENEITY_FAVORS_CLUBS``: once a state that gains from cooperation prefers a club of the
willing to a universal forum (:class:`~multilateral.models.HeterogeneousForum`), more
heterogeneity (a lower probability that each member gains) never brings it back.

References
----------
.. [1] Moreland, W. (2019). The purpose of multilateralism. Brookings (competitive
   multilateralism).
.. [2] Naím, M. (2009). Minilateralism. *Foreign Policy* 173, pp. 135-136.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.HETEROGENEITY_FAVORS_CLUBS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.forum_choice import HeterogeneousForum
from ..strategies import heterogeneous_forums
from .base import Claim, register

__all__ = ["HETEROGENEITY_FAVORS_CLUBS"]
__dir__ = public_dir(__all__)


def _clubs_persist(instance: tuple[HeterogeneousForum, Fraction]) -> bool:
    forum, lower = instance
    return not forum.prefers_club() or forum.with_(gain_probability=lower).prefers_club()


HETEROGENEITY_FAVORS_CLUBS = register(Claim(
    name="heterogeneity_favors_clubs",
    statement="as states' interests grow more heterogeneous, a state that gains from "
              "cooperation comes to prefer a club of the willing to a universal forum in "
              "which any member can block, and more heterogeneity never brings it back",
    source="competitive multilateralism (Moreland 2019, Brookings); minilateralism (Naím "
           "2009; Patrick 2015); the forum model and its proof are this library's "
           "formalization (multilateral.models.forum_choice)",
    predicate=_clubs_persist,
    domain=heterogeneous_forums,
))
