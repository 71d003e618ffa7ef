"""Commitment against flexibility: treaty duration, escape clauses, formal against informal.

``KOREMENOS_DURATION``: finite duration (with renegotiation at expiry) is chosen the more
readily, and the best duration is the shorter, the larger the distributional uncertainty and
the states' risk aversion and the cheaper renegotiation
(:class:`~multilateral.models.TreatyDuration`). ``ROSENDORFF_MILNER_ESCAPE``: an escape clause
at the optimal cost lowers the chance of breakdown under domestic shocks, beats both a free
clause and a rigid agreement, and that cost is interior -- except, the library's
qualification, when a breach's extra protection lies between the agreement's value and twice
it (:class:`~multilateral.models.EscapeClause`).
``INFORMAL_UNDER_UNCERTAINTY``: once states prefer an informal form to a binding treaty, more
uncertainty never brings the treaty back (:class:`~multilateral.models.LegalForm`).

The predicates check the authors' mechanisms, not only the closed forms: the duration claim
compares the best durations found by search (and that finite duration beats the indefinite
agreement exactly when the model says so); the escape claim compares the welfare of costs on
a grid, including zero, the harm, the agreement's value and no clause.

References
----------
.. [1] Koremenos, B. (2005). Contracting around international uncertainty. *American
   Political Science Review* 99(4), 549-565 (p. 549).
.. [2] Rosendorff, B. P. and Milner, H. V. (2001). The optimal design of international trade
   institutions: uncertainty and escape. *International Organization* 55(4), 829-857
   (p. 829).
.. [3] Abbott, K. W. and Snidal, D. (2000). Hard and soft law in international governance.
   *International Organization* 54(3), 421-456.
.. [4] Vabulas, F. and Snidal, D. (2013). Organization without delegation: informal
   intergovernmental organizations (IIGOs) and the spectrum of intergovernmental
   arrangements. *Review of International Organizations* 8(2), 193-220.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.KOREMENOS_DURATION.verify(max_examples=20).holds
True
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from .._namespace import public_dir
from ..models.escape_clauses import EscapeClause
from ..models.flexibility import LegalForm, TreatyDuration
from ..strategies import escape_clauses, legal_form_pairs, treaty_duration_pairs
from .base import Claim, register

__all__ = ["INFORMAL_UNDER_UNCERTAINTY", "KOREMENOS_DURATION", "ROSENDORFF_MILNER_ESCAPE"]
__dir__ = public_dir(__all__)


def _duration(model: TreatyDuration) -> float:
    t = model.optimal_duration()
    return math.inf if t is None else t


def _finite_beats_indefinite(model: TreatyDuration) -> bool:
    """Finite duration chosen iff its best loss is below the indefinite agreement's."""
    t = model.optimal_duration()
    return t is None or model.loss(t) < model.loss()


def _riskier_shortens(pair: tuple[TreatyDuration, TreatyDuration]) -> bool:
    model, riskier = pair
    return (_finite_beats_indefinite(model) and _finite_beats_indefinite(riskier)
            and (not model.prefers_finite() or riskier.prefers_finite())
            and _duration(riskier) <= _duration(model))


KOREMENOS_DURATION = register(Claim(
    name="koremenos_duration",
    statement="duration provisions insure risk-averse states against distributional "
              "surprises: the use of finite duration (renegotiation at expiry) depends "
              "positively on the uncertainty about the distribution of gains and on the "
              "states' risk aversion and negatively on the cost of renegotiation (and, the "
              "library's addition, the best duration is weakly shorter with more uncertainty "
              "or risk aversion, weakly longer with a dearer renegotiation)",
    source="Koremenos (2005), APSR 99(4), p. 549; the shock process and the CARA-normal "
           "risk premium are this library's formalization (multilateral.models.flexibility)",
    predicate=_riskier_shortens,
    domain=treaty_duration_pairs,
))


def _escape_is_interior(model: EscapeClause) -> bool:
    """Interior (a positive cost, the clause used, better than a free clause and than none,
    fewer breakdowns than a rigid agreement, best on a grid of costs) exactly outside the
    band ``agreement_value <= temptation * breach_premium <= 2 agreement_value``; and the
    breakdown probability nondecreasing in the cost over the grid."""
    best = model.optimal_escape_cost()
    g, v, r = model.temptation, model.agreement_value, model.breach_premium
    grid = sorted({Fraction(0), model.harm, v, g, v / (1 + r), v + 1,
                   *(g * Fraction(k, 12) for k in range(13))})
    top = model.welfare(best)
    interior = bool(best > 0 and model.escape_probability(best) > 0
                    and top > model.welfare(0) and top > model.welfare()
                    and model.breakdown_probability(best) < model.breakdown_probability()
                    and (r > 0 or model.is_self_enforcing(best)))
    breakdowns = [model.breakdown_probability(e) for e in grid]
    return bool(all(top >= model.welfare(e) for e in grid)
                and all(x <= y for x, y in itertools.pairwise(breakdowns))
                and interior == (not v <= g * r <= 2 * v))


ROSENDORFF_MILNER_ESCAPE = register(Claim(
    name="rosendorff_milner_escape",
    statement="an escape clause with a prenegotiated cost of use keeps an agreement from "
              "breaking down under domestic political shocks that would break a rigid one; "
              "the optimal cost is interior: neither so cheap that the clause is used too "
              "often (a free clause does worse) nor so dear that it goes unused and the "
              "agreement breaks down more often, a chance that rises with the cost (the "
              "library's qualification: interior except when the extra protection a breach "
              "brings under the highest pressure lies between the agreement's value and twice "
              "it, where a free clause is best; with no breach premium the best clause is "
              "self-enforcing)",
    source="Rosendorff and Milner (2001), International Organization 55(4), p. 829 "
           "(abstract); the uniform pressure, compensation as a transfer, the breach premium "
           "and the agreement's value as a parameter are this library's formalization "
           "(multilateral.models.escape_clauses), as is the qualification",
    predicate=_escape_is_interior,
    domain=escape_clauses,
))


def _informal_persists(pair: tuple[LegalForm, LegalForm]) -> bool:
    form, more_uncertain = pair
    return form.choice() == "formal" or more_uncertain.choice() == "informal"


INFORMAL_UNDER_UNCERTAINTY = register(Claim(
    name="informal_under_uncertainty",
    statement="hard law buys credible commitments at a sovereignty cost and at the price of "
              "flexibility; soft law and informal organizations keep flexibility under "
              "uncertainty: once states prefer the informal form, more uncertainty never "
              "brings the binding treaty back",
    source="Abbott and Snidal (2000), International Organization 54(3), 421-456; Vabulas "
           "and Snidal (2013), Review of International Organizations 8(2), 193-220; the "
           "binary form, the credibility premium and the model are this library's "
           "formalization (multilateral.models.flexibility.LegalForm)",
    predicate=_informal_persists,
    domain=legal_form_pairs,
))
