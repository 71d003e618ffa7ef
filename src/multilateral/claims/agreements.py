"""Claims about self-enforcing environmental agreements (Barrett; Carraro and Siniscalco).

``SMALL_STABLE_AGREEMENTS``: in the linear-benefit, quadratic-cost model the stable treaty
has 3 signatories (2 when indifferent countries stay out), whatever the number of countries.
``BARRETT_PARADOX``: in Barrett's Stackelberg model a costlier abatement never enlarges the
self-enforcing agreement and always raises what full cooperation would gain.

References
----------
.. [1] Carraro, C. and Siniscalco, D. (1993). Strategies for the international protection of
   the environment. *J. Public Economics* 52, 309-328.
.. [2] Barrett, S. (1994). Self-enforcing international environmental agreements. *Oxford
   Economic Papers* 46, 878-894.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.SMALL_STABLE_AGREEMENTS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.agreements import SelfEnforcingAgreement
from ..strategies import barrett_pairs, linear_agreements
from .base import Claim, register

__all__ = ["BARRETT_PARADOX", "SMALL_STABLE_AGREEMENTS"]
__dir__ = public_dir(__all__)


def _two_or_three(model: SelfEnforcingAgreement) -> bool:
    expected = (3,) if model.tie == "join" else (0, 2)
    return model.stable_sizes() == expected


def _paradox(instance: tuple[SelfEnforcingAgreement, Fraction]) -> bool:
    model, higher = instance
    benefit = model.benefit
    assert isinstance(benefit, (int, float, Fraction))  # identical countries: one benefit
    costlier = model.with_(cost=benefit * higher)
    gain = model.full_cooperation_gain()
    return (model.largest_stable_size() >= costlier.largest_stable_size()
            and gain < costlier.full_cooperation_gain())


#: Carraro and Siniscalco's (1993) and Barrett's (1994) "small coalitions" result in the
#: linear-benefit, quadratic-cost model, with the tie rule explicit. Exact for every instance.
SMALL_STABLE_AGREEMENTS = register(Claim(
    name="small_stable_agreements",
    statement=(
        "With N >= 3 identical countries, linear benefits b Q and quadratic abatement costs "
        "c q**2 / 2, the self-enforcing agreement has exactly 3 signatories when indifferent "
        "countries join, and 2 (besides no agreement) when they stay out -- whatever N, b "
        "and c: stable treaties are small however many countries would gain."
    ),
    source=(
        "Carraro, C. and Siniscalco, D. (1993). J. Public Economics 52, 309-328; Barrett, S. "
        "(1994). Oxford Economic Papers 46, 878-894 (small stable coalitions)."
    ),
    predicate=_two_or_three,
    domain=linear_agreements,
))


#: Barrett's (1994) paradox as comparative statics in his own (Stackelberg) model: a
#: costlier abatement (higher ``gamma = c / b``) never enlarges the self-enforcing agreement
#: and always raises the gain full cooperation would bring -- so the agreement is large
#: exactly where cooperation would gain little.
BARRETT_PARADOX = register(Claim(
    name="barrett_paradox",
    statement=(
        "In Barrett's model with N identical countries, benefits (b/N)(aQ - Q**2/2), costs "
        "c q**2/2 and signatories as Stackelberg leaders, raising the cost-benefit ratio "
        "gamma = c/b never increases the largest self-enforcing agreement and strictly "
        "increases the relative gain of full over non-cooperation, (W(N) - W(0)) / W(0): "
        "self-enforcing agreements are large only when the gains from cooperation are small."
    ),
    source=(
        "Barrett, S. (1994). Self-enforcing international environmental agreements. Oxford "
        "Economic Papers 46, 878-894 (conclusion: a self-enforcing agreement can have many "
        "signatories only when the gains from cooperation are small)."
    ),
    predicate=_paradox,
    domain=barrett_pairs,
))
