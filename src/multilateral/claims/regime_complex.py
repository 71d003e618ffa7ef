"""The regime-complex claims: outside options drive institutional change (Lipscy); forum
shopping follows the precedent (Busch).

``LIPSCY_OUTSIDE_OPTIONS``: in :class:`~multilateral.models.OutsideOptions`, dearer outside
options (a less competitive policy area) or stronger network effects never raise what a
rising state secures, inside the institution or out, nor bring forward the time at which,
its power growing, its threat starts to bind (redistribution is slower); where the
institution's rules can grant the concession its threat commands, they never raise the
concession either (Lipscy's
hypothesis: redistribution is fast where the policy area is competitive, sticky where
outside options are few; the abstract says 'relatively little competition, limiting the
outside options', and *network effects* is this library's reading, after Ikenberry's
summary of the book). The qualification, this library's finding (the formal result; the
verbal idea is close to Morse and Keohane's and to Faude and Parizek's): where the rules
cap the concession, cheaper outside options can *cut* redistribution, and then only by
sending the state outside (exit, or a layered parallel body: Morse and Keohane's contested
multilateralism).

The payoff and flexible-rules parts can fail and are tested as such: a nearby false
statement (the concession never rises with the outside cost, whatever the rules) has
counterexamples in the domain (tests/test_outside_options.py); the rigid-rules part is a
consequence of the outcome rule (a theorem of the model, not an empirical bet).

References
----------
.. [1] Lipscy, P. Y. (2015). Explaining institutional change: policy areas, outside
   options, and the Bretton Woods institutions. *American Journal of Political Science*
   59(2) (the abstract states the hypothesis; the article itself was not read, so no
   page is cited).
.. [2] Lipscy, P. Y. (2017). *Renegotiating the World Order*. Cambridge University Press;
   summarized by Ikenberry, *Foreign Affairs* capsule review (16 October 2017): crisis
   management concentrates in one institution, infrastructure lending rewards competition.
.. [3] Morse, J. C. and Keohane, R. O. (2014). Contested multilateralism. *Review of
   International Organizations* 9(4), 385-412.
.. [4] Busch, M. L. (2007). Overlapping institutions, forum shopping, and dispute settlement
   in international trade. *International Organization* 61(4), 735-761 (abstract, p. 735).

``BUSCH_FORUM_SHOPPING``: in :class:`~multilateral.models.ForumShopping`, a complainant
chooses between overlapping dispute-settlement fora by where the resulting precedent is more
useful to it (Busch 2007, abstract, p. 735): when the precedent helps it litigate against
the other members more than it helps them litigate against it (``offense > defense``), a
larger WTO membership bound by the precedent never takes the case out of the WTO; when the
precedent helps the others more, a larger membership never brings the case to the WTO; and
with equal chances of winning in both fora, the sign of ``offense - defense`` alone decides
between them (the likelier favourable ruling is not the whole story). The statements are
this library's formalization of the abstract's verbal argument. Qualification, the
library's finding: where the defendant can block a regional panel (NAFTA Chapter 20, an
extension not in the abstract) and the fora's chances differ, the expected block, not the
precedent, can decide: a complainant that prefers the regional precedent files at the WTO
(tests/test_forum_shopping.py). The nearby unqualified statement (a larger membership
never takes a case out of the WTO, whatever the precedent) has counterexamples.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.LIPSCY_OUTSIDE_OPTIONS.verify(max_examples=20).holds
True
>>> ml.claims.BUSCH_FORUM_SHOPPING.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.forum_shopping import ForumShopping
from ..models.outside_options import OutsideOptions
from ..strategies import forum_shopping_models, outside_options_models
from .base import Claim, register

__all__ = ["BUSCH_FORUM_SHOPPING", "LIPSCY_OUTSIDE_OPTIONS"]
__dir__ = public_dir(__all__)


def _outside_options(instance: tuple[OutsideOptions, Fraction, Fraction]) -> bool:
    model, dc, dw = instance
    dear = model.with_(outside_cost=model.outside_cost + dc, network=model.network + dw)
    now, then = model.equilibrium(), dear.equilibrium()
    if then.payoff > now.payoff:
        return False
    # speed: with power growing, the threat starts to bind no earlier where options are dear
    growth = Fraction(1, 100)
    fast, slow = model.renegotiation_time(growth), dear.renegotiation_time(growth)
    if slow.attainable and not (fast.attainable and fast.value <= slow.value):
        return False
    if model.flexibility >= model.power - model.influence:   # the rules can deliver
        return then.concession <= now.concession
    # rigid rules: cheaper options cut the concession only by sending the state outside
    return then.concession <= now.concession or now.outcome in ("exit", "layering")


LIPSCY_OUTSIDE_OPTIONS = register(Claim(
    name="lipscy_outside_options",
    statement="a rising state secures less, its threat binds later as its power grows "
              "(redistribution is slower), and where the institution's rules can grant "
              "the concession its threat commands, it gets less redistribution, the dearer its "
              "outside options (a less competitive policy area) and the stronger the "
              "institution's network effects; where the rules cap the concession, cheaper "
              "outside options cut redistribution only by sending the state outside (exit "
              "or layering)",
    source="Lipscy (2015), AJPS 59(2) (abstract: competition speeds redistributive "
           "change); Lipscy (2017), Renegotiating the World Order; Morse and Keohane (2014), "
           "RIO 9(4), 385-412; the model and the qualification under rigid rules are this "
           "library's formalization (multilateral.models.outside_options)",
    predicate=_outside_options,
    domain=outside_options_models,
))


def _forum_shopping(instance: tuple[ForumShopping, int]) -> bool:
    model, extra = instance
    offensive, defensive = model.offense > model.defense, model.offense < model.defense
    now = model.equilibrium().ruling == "multilateral"
    then = model.with_(n=model.n + extra).equilibrium().ruling == "multilateral"
    if (offensive and now and not then) or (defensive and not now and then):
        return False
    # equal chances in both fora: the precedent decides (a block is then never worth it
    # while the complainant would refile, and without refiling the complainant stays home)
    even = model.with_(win_multilateral=model.win_regional,
                       n=model.regional_members + extra).equilibrium()
    return even.filed == "none" or (even.filed == "multilateral") == offensive


BUSCH_FORUM_SHOPPING = register(Claim(
    name="busch_forum_shopping",
    statement="a complainant files where the precedent is more useful to it: when the "
              "precedent helps it litigate against the other members more than it helps them "
              "litigate against it, a larger WTO membership bound by the precedent never takes "
              "the case out of the WTO, and when it helps the others more, never brings the "
              "case to the WTO; with equal chances of winning in both fora, the precedent "
              "alone decides between them",
    source="Busch (2007), International Organization 61(4), 735-761 (abstract, p. 735: "
           "'where the resulting precedent will be more useful in the future'); the model, "
           "the defendant's blocking and the qualification are this library's formalization "
           "(multilateral.models.forum_shopping)",
    predicate=_forum_shopping,
    domain=forum_shopping_models,
))
