"""The legitimacy-as-information claim: distant, inclusive bodies confer credibility.

``INCLUSIVE_ENDORSEMENT_IS_CREDIBLE``: in the endorsement game of
:class:`~multilateral.models.Endorsement`, an endorsement moves the audience's belief further
the farther the body's pivotal member stands from the state seeking it (Chapman 2009;
across seekers, measured against the seeker's own request:
:meth:`~multilateral.models.Endorsement.added_credibility`), and a body that takes
decisions by consensus never loses credibility by admitting another member
(Thompson 2006: the neutral body is the heterogeneous, representative one).

References
----------
.. [1] Chapman, T. L. (2009). Audience beliefs and international organization legitimacy.
   *International Organization* 63(4), 733-764.
.. [2] Thompson, A. (2006). Coercion through IOs: the Security Council and the logic of
   information transmission. *International Organization* 60(1), 1-34.
.. [3] Fey, M., Jo, J. and Kenkel, B. (2012). Information and international institutions
   revisited. Working paper, University of Rochester, 24 February 2012.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.INCLUSIVE_ENDORSEMENT_IS_CREDIBLE.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.legitimacy import Endorsement
from ..strategies import endorsement_bodies
from .base import Claim, register

__all__ = ["INCLUSIVE_ENDORSEMENT_IS_CREDIBLE"]
__dir__ = public_dir(__all__)


def _distant_and_inclusive(instance: tuple[Endorsement, Fraction, Fraction]) -> bool:
    body, extra, farther = instance
    distant = body.with_(positions=[farther])
    bigger = body.with_(positions=[*body.positions, extra])
    before, after = body.equilibrium().posterior_endorsed, bigger.equilibrium().posterior_endorsed
    # across seekers (the seeker's own request as the audience's baseline): what the
    # endorsement adds rises with the distance, and is nothing from a body no more demanding
    other = body.with_(seeker=extra)
    for x, y in ((body, other), (other, body)):
        if x.distance() <= y.distance() and x.added_credibility() > y.added_credibility():
            return False
        if (x.added_credibility() > 0) != (x.distance() > 0):
            return False
    # the premium is the proportional rise in the belief, unfloored: a bigger consensus body
    # must not be credited with a premium its own equilibrium beliefs do not give it
    return (distant.distance() >= body.distance()
            and distant.equilibrium().posterior_endorsed >= before
            and bigger.credibility() >= body.credibility()
            and after >= before
            and bigger.premium_over(body) == after / before - 1)


INCLUSIVE_ENDORSEMENT_IS_CREDIBLE = register(Claim(
    name="inclusive_endorsement_is_credible",
    statement="a multi-member body's endorsement raises the audience's belief in the merit "
              "of an action the more, the farther the body's pivotal member stands from the "
              "state seeking it (against the audience's prior at a fixed seeker: the more "
              "conservative its pivot; across seekers: what it adds to the seeker's own "
              "request, nothing from a body no more demanding than the seeker), and a "
              "body deciding by consensus never loses credibility by admitting a member; "
              "qualified: influence on the audience's decision is not monotone (a body so "
              "conservative that the audience would support anyway decides nothing, so being "
              "more conservative than the audience is neither necessary nor sufficient for "
              "the endorsement to decide the audience's support), "
              "inclusion helps only under consensus or vetoes (under a fixed quota lenient "
              "members lower the pivot), and Fey, Jo and Kenkel (2012) find no necessary "
              "relation between position and effect in Chapman's (2007) richer model",
    source="Chapman (2009), International Organization 63(4), 733-764 (rallies larger with a "
           "more distant Security Council); Thompson (2006), International Organization "
           "60(1), 1-34 (neutral, heterogeneous bodies); the binary cheap-talk game is this "
           "library's formalization (multilateral.models.legitimacy)",
    predicate=_distant_and_inclusive,
    domain=endorsement_bodies,
))
