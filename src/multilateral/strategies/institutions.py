"""Hypothesis strategies for the models of institutional form and competitive multilateralism.

The classes over which the claims about the form of cooperation are asserted (breadth against
depth and tipping, pledge-and-review, climate clubs, treaty duration and escape clauses, outside
options, legitimacy, relative gains, rival clubs, escalation and mediation), drawn directly,
never by filtering; :mod:`multilateral.strategies.models` has the older theories' (Oye, Olson,
Keohane, Barrett, Fearon ...). The module runs past the library's ~600 lines for the same
reason: one catalogue, a short strategy per model, sectioned by theory.

Examples
--------
>>> from hypothesis import given, settings
>>> import multilateral as ml
>>> @settings(max_examples=20, deadline=None)
... @given(ml.strategies.pledge_review_models(max_n=20))
... def test_pledges_are_positive(model):
...     assert model.pledge(2) > 0
>>> test_pledges_are_positive()
"""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import strategies as st

from .._namespace import public_dir
from ..errors import InvalidArgumentError
from ..models.arms_race import ArmsRace
from ..models.breadth_depth import BreadthDepth
from ..models.climate_clubs import ClimateClub
from ..models.club_exclusivity import ClubExclusivity
from ..models.escalation import PreemptiveWar
from ..models.escape_clauses import EscapeClause
from ..models.flexibility import LegalForm, TreatyDuration
from ..models.forum_shopping import ForumShopping
from ..models.legitimacy import Endorsement
from ..models.optimal_mediation import OptimalMediation
from ..models.outside_options import OutsideOptions
from ..models.pledge_review import PledgeAndReview
from ..models.relative_gains import PowellGains, RelativeGains
from ..models.rival_clubs import RivalClubs
from ..models.tipping import TippingSet

__all__ = [
    "arms_race_ladders",
    "breadth_depth_models",
    "climate_club_tariff_pairs",
    "climate_clubs",
    "club_exclusivity_models",
    "endorsement_bodies",
    "escape_clauses",
    "forum_shopping_models",
    "legal_form_pairs",
    "outside_options_models",
    "pledge_review_models",
    "powell_models",
    "relative_gains_models",
    "rival_clubs_models",
    "tipping_sets",
    "treaty_duration_pairs",
    "two_type_crises",
    "weapons_ladders",
]
__dir__ = public_dir(__all__)


def breadth_depth_models(*, max_n: int = 12, majority: Fraction | None = Fraction(1),
                         breadth_value: Fraction | None = None
                         ) -> st.SearchStrategy[BreadthDepth]:
    """Exact :class:`~multilateral.models.BreadthDepth` models: ``n`` in ``2..max_n`` ideal
    depths that are multiples of 1/12 in ``[0, 1]``, ``founders`` in ``1..n``, the given
    ``breadth_value`` (by default drawn: a multiple of 1/4 in ``[0, 2]``) and the given
    ``majority`` (by default unanimity; ``None`` draws 1/2, 2/3, 3/4 or 1).

    The class of :data:`~multilateral.claims.CONSTRUCTIVE_DEPTH`.

    See Also
    --------
    multilateral.models.BreadthDepth : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.breadth_depth_models())
    ... def test_unanimity(model):
    ...     assert model.majority == 1
    >>> test_unanimity()
    """
    @st.composite
    def build(draw: st.DrawFn) -> BreadthDepth:
        n = draw(st.integers(2, max_n))
        ideals = [Fraction(draw(st.integers(0, 12)), 12) for _ in range(n)]
        value = (Fraction(draw(st.integers(0, 8)), 4) if breadth_value is None
                 else breadth_value)
        rule = majority if majority is not None else draw(st.sampled_from(
            [Fraction(1, 2), Fraction(2, 3), Fraction(3, 4), Fraction(1)]))
        return BreadthDepth(ideals=ideals, breadth_value=value, majority=rule,
                            founders=draw(st.integers(1, n)))

    return build()


def tipping_sets(*, max_n: int = 8) -> st.SearchStrategy[TippingSet]:
    """Exact :class:`~multilateral.models.TippingSet` models: ``n`` in ``2..max_n`` shares
    (positive integers up to 20, normalized to sum to one) and hurdles that are multiples of
    1/20 in ``[0, 1]``.

    The class of :data:`~multilateral.claims.TIPPING_SET`.

    See Also
    --------
    multilateral.models.TippingSet : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.tipping_sets(max_n=5))
    ... def test_sum(model):
    ...     assert sum(model.shares) == 1
    >>> test_sum()
    """
    @st.composite
    def build(draw: st.DrawFn) -> TippingSet:
        n = draw(st.integers(2, max_n))
        raw = [draw(st.integers(1, 20)) for _ in range(n)]
        total = sum(raw)
        return TippingSet(shares=[Fraction(r, total) for r in raw],
                          hurdles=[Fraction(draw(st.integers(0, 20)), 20) for _ in range(n)])

    return build()


# -- pledge-and-review against top-down targets (Harstad; Barrett and Dannenberg) ------------
def pledge_review_models(*, max_n: int = 200, max_weight: Fraction = Fraction(1),
                         tie: str | None = None, weak_review: bool = False
                         ) -> st.SearchStrategy[PledgeAndReview]:
    """:class:`~multilateral.models.PledgeAndReview` models: ``n`` in ``3..max_n``, exact
    ``b`` and ``c``, a weight ``w`` in ``(0, max_weight]`` below 1, either tie rule (or
    ``tie``); full review, or with ``weak_review`` a review in ``(0, w / 4)``.

    See Also
    --------
    multilateral.models.PledgeAndReview : the model.
    multilateral.claims.HARSTAD_BROAD_SHALLOW : a claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.pledge_review_models(max_n=30, weak_review=True))
    ... def test_weak(model):
    ...     assert 0 < 4 * model.review < model.others_weight < 1
    >>> test_weak()
    """
    limit = Fraction(max_weight)
    if not 0 < limit <= 1:
        raise InvalidArgumentError(f"max_weight must be in (0, 1], got {max_weight!r}")

    @st.composite
    def build(draw: st.DrawFn) -> PledgeAndReview:
        den = draw(st.integers(2, 60))
        top = min(den - 1, math.floor(limit * den))
        num = draw(st.integers(1, max(1, top)))
        weight = Fraction(num, den) if num <= top else Fraction(min(limit, Fraction(1, 2)))
        ratio = st.builds(Fraction, st.integers(1, 1000), st.integers(1, 100))
        review: Fraction = Fraction(1)
        if weak_review:
            steps = draw(st.integers(2, 50))
            review = weight / 4 * Fraction(draw(st.integers(1, steps - 1)), steps)
        return PledgeAndReview(n=draw(st.integers(3, max_n)), benefit=draw(ratio),
                               cost=draw(ratio), others_weight=weight, review=review,
                               tie=tie if tie is not None else draw(  # type: ignore[arg-type]
                                   st.sampled_from(["join", "stay_out"])))

    return build()


# -- climate clubs (Nordhaus 2015) ----------------------------------------------------------------
def climate_clubs(*, max_n: int = 40) -> st.SearchStrategy[ClimateClub]:
    """Exact :class:`~multilateral.models.ClimateClub` models with Nordhaus's target price:
    ``n`` in ``3..max_n``, ``benefit`` and ``cost`` positive multiples of 1/4 up to 10, a
    target price above the benefit (``benefit`` plus a positive multiple of 1/4 up to 20),
    ``trade`` a positive multiple of 1/4 up to 10, ``tariff`` a multiple of 1/4 up to 200,
    ``imposing_cost`` a multiple of 1/10 up to 2, no club good, either tie rule.

    The class of :data:`~multilateral.claims.NORDHAUS_CLUB_THRESHOLD`.

    See Also
    --------
    multilateral.models.ClimateClub : the model.
    climate_club_tariff_pairs : the same model at two tariffs, without a target price.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.climate_clubs(max_n=10))
    ... def test_target(club):
    ...     assert club.target_price > club.benefit
    >>> test_target()
    """
    quarter = st.builds(Fraction, st.integers(1, 40), st.just(4))

    @st.composite
    def build(draw: st.DrawFn) -> ClimateClub:
        benefit = draw(quarter)
        return ClimateClub(
            n=draw(st.integers(3, max_n)), benefit=benefit, cost=draw(quarter),
            target_price=benefit + Fraction(draw(st.integers(1, 80)), 4),
            trade=draw(quarter), tariff=Fraction(draw(st.integers(0, 800)), 4),
            imposing_cost=Fraction(draw(st.integers(0, 20)), 10),
            tie=draw(st.sampled_from(["join", "stay_out"])))

    return build()


def climate_club_tariff_pairs(*, max_n: int = 30, imposing_cost: Fraction = Fraction(0)
                              ) -> st.SearchStrategy[tuple[ClimateClub, ClimateClub]]:
    """Pairs of exact :class:`~multilateral.models.ClimateClub` models without a target price
    (the members choose their abatement: ``"linear"``, ``"binary"`` or ``"barrett"``) that
    differ only in the tariff, the second's higher by a positive multiple of 1/4 up to 100:
    ``n`` in ``3..max_n``, ``benefit`` and ``cost`` positive multiples of 1/4 up to 10,
    ``trade`` up to 10, either tie rule, no club good, and a cost of imposing the tariff that
    is a multiple of 1/10 up to ``imposing_cost`` (by default 0: costless).

    The class of :data:`~multilateral.claims.TARIFF_PARTICIPATION`.

    See Also
    --------
    multilateral.models.ClimateClub : the model.
    climate_clubs : Nordhaus's target-price clubs.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.climate_club_tariff_pairs(max_n=10))
    ... def test_higher(pair):
    ...     assert pair[0].tariff < pair[1].tariff
    >>> test_higher()
    """
    quarter = st.builds(Fraction, st.integers(1, 40), st.just(4))

    @st.composite
    def build(draw: st.DrawFn) -> tuple[ClimateClub, ClimateClub]:
        club = ClimateClub(
            n=draw(st.integers(3, max_n)), benefit=draw(quarter), cost=draw(quarter),
            trade=draw(quarter), tariff=Fraction(draw(st.integers(0, 400)), 4),
            imposing_cost=Fraction(draw(st.integers(0, math.floor(10 * imposing_cost))), 10),
            tie=draw(st.sampled_from(["join", "stay_out"])),
            specification=draw(st.sampled_from(["linear", "binary", "barrett"])))
        step = Fraction(draw(st.integers(1, 400)), 4)
        return club, club.with_(tariff=club.tariff + step)

    return build()


# -- commitment against flexibility (Koremenos; Rosendorff and Milner; Abbott and Snidal) ----
def _duration_parameters(draw: st.DrawFn) -> dict[str, Fraction]:
    """Exact duration parameters: variance and risk aversion in ``[0, 8]`` (multiples of
    1/4), renegotiation cost in ``[0, 6]`` (1/4), shock probability in ``[0, 1]`` (1/20),
    ``delta`` in ``[1/20, 19/20]`` (1/20)."""
    return {"uncertainty": Fraction(draw(st.integers(0, 32)), 4),
            "risk_aversion": Fraction(draw(st.integers(0, 32)), 4),
            "renegotiation_cost": Fraction(draw(st.integers(0, 24)), 4),
            "shock_probability": Fraction(draw(st.integers(0, 20)), 20),
            "delta": Fraction(draw(st.integers(1, 19)), 20)}


def treaty_duration_pairs() -> st.SearchStrategy[tuple[TreatyDuration, TreatyDuration]]:
    """Pairs ``(model, riskier)`` of exact :class:`~multilateral.models.TreatyDuration`
    models: ``riskier`` has more uncertainty, more risk aversion or a cheaper renegotiation
    (one of the three, by up to 4 in steps of 1/4), all else equal.

    The class of :data:`~multilateral.claims.KOREMENOS_DURATION`.

    See Also
    --------
    multilateral.models.TreatyDuration : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.treaty_duration_pairs())
    ... def test_riskier(pair):
    ...     model, riskier = pair
    ...     assert riskier.insurance_value - riskier.renegotiation_cost >= (
    ...         model.insurance_value - model.renegotiation_cost)
    >>> test_riskier()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[TreatyDuration, TreatyDuration]:
        model = TreatyDuration(**_duration_parameters(draw))
        step = Fraction(draw(st.integers(1, 16)), 4)
        which = draw(st.sampled_from(["uncertainty", "risk_aversion", "renegotiation_cost"]))
        if which == "renegotiation_cost":
            return model, model.with_(renegotiation_cost=max(
                Fraction(0), Fraction(model.renegotiation_cost) - step))
        return model, model.with_(**{which: getattr(model, which) + step})

    return build()


def escape_clauses() -> st.SearchStrategy[EscapeClause]:
    """Exact :class:`~multilateral.models.EscapeClause` models: ``temptation`` and ``harm`` in
    ``(0, 6]`` (multiples of 1/4), ``agreement_value`` in ``(0, temptation)`` (multiples of
    ``temptation / 24``): a protection hurts the partner, the agreement is worth something,
    and a rigid agreement can break down under pressure; ``breach_premium`` 0 (the sharp
    breakdown) in about half the draws, else in ``[0, 3]`` (multiples of 1/8), so that
    both sides of the qualification ``agreement_value <= temptation * breach_premium <= 2
    agreement_value`` are drawn. The class of
    :data:`~multilateral.claims.ROSENDORFF_MILNER_ESCAPE`.

    See Also
    --------
    multilateral.models.EscapeClause : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.escape_clauses())
    ... def test_fragile(model):
    ...     assert model.breakdown_probability() > 0
    >>> test_fragile()
    """

    @st.composite
    def build(draw: st.DrawFn) -> EscapeClause:
        temptation = Fraction(draw(st.integers(1, 24)), 4)
        harm = Fraction(draw(st.integers(1, 24)), 4)
        value = temptation * Fraction(draw(st.integers(1, 23)), 24)
        premium = Fraction(draw(st.one_of(st.just(0), st.integers(0, 24))), 8)
        return EscapeClause(temptation=temptation, harm=harm, agreement_value=value,
                            breach_premium=premium)

    return build()


def legal_form_pairs() -> st.SearchStrategy[tuple[LegalForm, LegalForm]]:
    """Pairs ``(form, more_uncertain)`` of exact :class:`~multilateral.models.LegalForm`
    models, the second with more uncertainty (by up to 32 in steps of 1/2), all else equal:
    credibility gain in ``[0, 2]`` and sovereignty cost in ``[0, 1]`` (multiples of 1/8),
    ``benefit`` 1, uncertainty and risk aversion in ``[0, 2]`` (1/8), and the other duration
    parameters of :func:`treaty_duration_pairs`.

    The class of :data:`~multilateral.claims.INFORMAL_UNDER_UNCERTAINTY`.

    See Also
    --------
    multilateral.models.LegalForm : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.legal_form_pairs())
    ... def test_more(pair):
    ...     form, more = pair
    ...     assert more.uncertainty > form.uncertainty
    >>> test_more()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[LegalForm, LegalForm]:
        parameters = _duration_parameters(draw)
        parameters["uncertainty"] = Fraction(draw(st.integers(0, 16)), 8)
        parameters["risk_aversion"] = Fraction(draw(st.integers(0, 16)), 8)
        form = LegalForm(credibility_gain=Fraction(draw(st.integers(0, 16)), 8),
                         sovereignty_cost=Fraction(draw(st.integers(0, 8)), 8), **parameters)
        step = Fraction(draw(st.integers(1, 64)), 2)
        return form, form.with_(uncertainty=form.uncertainty + step)

    return build()


# -- outside options (Lipscy) ----------------------------------------------------------------
def outside_options_models(*, flexibility: Fraction | None = None
                           ) -> st.SearchStrategy[tuple[OutsideOptions, Fraction, Fraction]]:
    """Triples ``(model, dc, dw)``: an exact :class:`~multilateral.models.OutsideOptions` and
    rises ``dc >= 0`` in its ``outside_cost`` and ``dw >= 0`` in its ``network``.

    Built directly: ``power``, ``influence``, ``scope`` and ``flexibility`` multiples of
    ``1/24`` in ``[0, 1]``, ``outside_cost`` and ``network`` multiples of ``1/24`` in
    ``[0, 1/2]``, the rises in ``[0, 1/2]``. A given ``flexibility`` is kept (``1``: the
    rules can grant any concession); None draws it.

    See Also
    --------
    multilateral.models.OutsideOptions : the model.
    multilateral.claims.LIPSCY_OUTSIDE_OPTIONS : the claim asserted over them.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.outside_options_models(flexibility=Fraction(1)))
    ... def test_flexible(triple):
    ...     model, dc, dw = triple
    ...     assert model.flexibility == 1 and dc >= 0 and dw >= 0
    >>> test_flexible()
    """

    def unit(draw: st.DrawFn, top: int = 24) -> Fraction:
        return Fraction(draw(st.integers(0, top)), 24)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[OutsideOptions, Fraction, Fraction]:
        model = OutsideOptions(
            power=unit(draw), influence=unit(draw), outside_cost=unit(draw, 12),
            network=unit(draw, 12), scope=unit(draw),
            flexibility=unit(draw) if flexibility is None else flexibility)
        return model, unit(draw, 12), unit(draw, 12)

    return build()

def endorsement_bodies(*, max_n: int = 7
                       ) -> st.SearchStrategy[tuple[Endorsement, Fraction, Fraction]]:
    """Triples ``(body, extra, farther)``: an exact consensus
    :class:`~multilateral.models.Endorsement`, the position of a member who joins it, and a
    pivot at least as far from the seeker as the body's.

    Built directly: ``n`` in ``[1, max_n]`` positions, ``audience``, ``seeker`` and ``extra``
    multiples of ``1/24`` in ``[0, 1]``; ``farther`` between the body's pivot and 1.

    See Also
    --------
    multilateral.models.Endorsement : the model.
    multilateral.claims.INCLUSIVE_ENDORSEMENT_IS_CREDIBLE : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.endorsement_bodies(max_n=3))
    ... def test_farther(triple):
    ...     body, extra, farther = triple
    ...     assert body.n <= 3 and body.pivot <= farther <= 1
    >>> test_farther()
    """

    def unit(draw: st.DrawFn) -> Fraction:
        return Fraction(draw(st.integers(0, 24)), 24)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Endorsement, Fraction, Fraction]:
        n = draw(st.integers(1, max_n))
        body = Endorsement([unit(draw) for _ in range(n)], audience=unit(draw),
                           seeker=unit(draw))
        pivot = Fraction(body.pivot)
        farther = pivot + (1 - pivot) * unit(draw)
        return body, unit(draw), farther

    return build()


# -- relative gains (Snidal, Powell) ---------------------------------------------------------
def relative_gains_models(*, max_n: int = 8) -> st.SearchStrategy[tuple[RelativeGains, int]]:
    """Pairs ``(model, m)``: an exact :class:`~multilateral.models.RelativeGains` whose absolute
    game is a Harmony or a Stag Hunt (``R`` the best outcome, strict orderings), and a larger
    number of states ``m > n``.

    Built directly: four distinct integers in ``[-10, 10]``, the largest as ``R`` and the others
    in drawn order as ``T, P, S``; ``relative_weight`` a multiple of 1/24 in ``[0, 1]``; ``n``
    in ``[2, max_n]`` and ``m`` in ``[n + 1, max_n + 4]``.

    See Also
    --------
    multilateral.models.RelativeGains : the model.
    multilateral.claims.RELATIVE_GAINS_FADE_WITH_NUMBERS : a claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.relative_gains_models(max_n=4))
    ... def test_more(pair):
    ...     model, m = pair
    ...     assert model.R > model.T and m > model.n
    >>> test_more()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[RelativeGains, int]:
        values = draw(st.lists(st.integers(-10, 10), min_size=4, max_size=4, unique=True))
        R = max(values)
        T, P, S = (v for v in values if v != R)
        n = draw(st.integers(2, max_n))
        model = RelativeGains(T=T, R=R, P=P, S=S,
                              relative_weight=Fraction(draw(st.integers(0, 24)), 24), n=n)
        return model, draw(st.integers(n + 1, max_n + 4))

    return build()


def powell_models() -> st.SearchStrategy[PowellGains]:
    """Exact :class:`~multilateral.models.PowellGains`: an integer Prisoners' Dilemma.

    Built directly: four distinct integers in ``[-10, 10]`` sorted as ``S < P < R < T``,
    ``delta`` a multiple of 1/50 in ``(0, 1)``, ``cost_of_fighting`` a multiple of 1/4 in
    ``[0, 100]``, ``conversion`` a multiple of 1/10 in ``[0, 1]``.

    See Also
    --------
    multilateral.models.PowellGains : the model.
    multilateral.claims.CHEAP_FORCE_BLOCKS_COOPERATION : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.powell_models())
    ... def test_pd(model):
    ...     assert model.game.oye_type == "prisoners_dilemma"
    >>> test_pd()
    """

    @st.composite
    def build(draw: st.DrawFn) -> PowellGains:
        S, P, R, T = sorted(draw(st.lists(st.integers(-10, 10), min_size=4, max_size=4,
                                          unique=True)))
        return PowellGains(T=T, R=R, P=P, S=S, delta=Fraction(draw(st.integers(1, 49)), 50),
                           cost_of_fighting=Fraction(draw(st.integers(0, 400)), 4),
                           conversion=Fraction(draw(st.integers(0, 10)), 10))

    return build()


def rival_clubs_models(*, max_n: int = 3) -> st.SearchStrategy[tuple[RivalClubs, Fraction]]:
    """Pairs ``(model, rise)``: an exact :class:`~multilateral.models.RivalClubs` with 2 to
    ``max_n`` states and a rise ``rise > 0`` in its ``hedging_cost``.

    Built directly: values and facility costs multiples of ``1/4`` in ``[0, 5]``, congestion
    multiples of ``1/8`` in ``[0, 1]``, the hedging cost a multiple of ``1/4`` in ``[0, 3]``,
    the rise in ``(0, 2]``; clubs never exclusive (the claim compares dual membership).

    See Also
    --------
    multilateral.models.RivalClubs : the model.
    multilateral.claims.EXCLUSIVITY_SORTS : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=10, deadline=None)
    ... @given(ml.strategies.rival_clubs_models(max_n=3))
    ... def test_small(pair):
    ...     model, rise = pair
    ...     assert 2 <= model.n <= 3 and rise > 0
    >>> test_small()
    """
    if max_n < 2 or max_n > 8:
        raise InvalidArgumentError(f"max_n must be in 2..8 (all 4**n profiles are searched), "
                                   f"got {max_n}")

    def quarter(draw: st.DrawFn, top: int) -> Fraction:
        return Fraction(draw(st.integers(0, top)), 4)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[RivalClubs, Fraction]:
        n = draw(st.integers(2, max_n))
        values = [[quarter(draw, 20), quarter(draw, 20)] for _ in range(n)]
        model = RivalClubs(
            values, facility_cost=[quarter(draw, 20), quarter(draw, 20)],
            congestion=[Fraction(draw(st.integers(0, 8)), 8) for _ in range(2)],
            hedging_cost=quarter(draw, 12))
        return model, Fraction(draw(st.integers(1, 8)), 4)

    return build()


def club_exclusivity_models(*, max_n: int = 3) -> st.SearchStrategy[ClubExclusivity]:
    """Exact :class:`~multilateral.models.ClubExclusivity` games with 2 to ``max_n`` states.

    Built directly: values and facility costs multiples of ``1/4`` in ``[0, 5]``, congestion
    multiples of ``1/8`` in ``[0, 1]``, the hedging cost a multiple of ``1/4`` in ``[0, 3]``;
    per club a fee in ``[0, 1]``, a member value in ``[0, 2]`` and a loyalty in ``[0, 4]``
    (multiples of ``1/4``), and an enforcement cost that is 0 (half the draws) or a multiple
    of ``1/4`` in ``(0, 2]``.

    See Also
    --------
    multilateral.models.ClubExclusivity : the model.
    multilateral.claims.EXCLUSIVITY_VALUE : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=10, deadline=None)
    ... @given(ml.strategies.club_exclusivity_models(max_n=3))
    ... def test_small(model):
    ...     assert 2 <= model.n <= 3
    >>> test_small()
    """
    if max_n < 2 or max_n > 6:
        raise InvalidArgumentError(f"max_n must be in 2..6 (all 4**n profiles are searched), "
                                   f"got {max_n}")

    def quarter(draw: st.DrawFn, top: int) -> Fraction:
        return Fraction(draw(st.integers(0, top)), 4)

    @st.composite
    def build(draw: st.DrawFn) -> ClubExclusivity:
        n = draw(st.integers(2, max_n))
        free = draw(st.booleans())
        return ClubExclusivity(
            [[quarter(draw, 20), quarter(draw, 20)] for _ in range(n)],
            facility_cost=[quarter(draw, 20), quarter(draw, 20)],
            congestion=[Fraction(draw(st.integers(0, 8)), 8) for _ in range(2)],
            hedging_cost=quarter(draw, 12),
            fee=[quarter(draw, 4), quarter(draw, 4)],
            member_value=[quarter(draw, 8), quarter(draw, 8)],
            loyalty=[quarter(draw, 16), quarter(draw, 16)],
            exclusion_cost=[0, 0] if free else [Fraction(draw(st.integers(1, 8)), 4)
                                                for _ in range(2)])

    return build()


# -- escalation and mediation (Chassang and Padro i Miquel; Horner, Morelli and Squintani) --


def weapons_ladders() -> st.SearchStrategy[tuple[PreemptiveWar, PreemptiveWar, PreemptiveWar]]:
    """Exact :class:`~multilateral.models.PreemptiveWar` games at three weapon levels.

    The library's weapons parametrization: at weapons ``k`` a first strike is worth
    ``gain - deterrence k`` (the victim retaliates), war ``-deterrence k`` and being caught
    at peace costs ``deterrence k + vulnerability k**2``; the three levels are distinct
    multiples ``m k* / 4`` (``m`` in 1..12, increasing) of ``k* = deterrence / (2
    vulnerability)``, so that some ladders stay below or above ``k*`` (a monotone effect)
    and some straddle it. ``gain``, ``deterrence`` and ``vulnerability`` are multiples of
    1/10 in ``[1/10, 3]``; the noise is 1/100.

    See Also
    --------
    multilateral.models.PreemptiveWar : the model.
    multilateral.claims.WEAPONS_UNDER_STRATEGIC_RISK : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.weapons_ladders())
    ... def test_ladder(ladder):
    ...     assert ladder[0].first_strike > ladder[2].first_strike
    >>> test_ladder()
    """
    tenths = st.integers(1, 30).map(lambda k: Fraction(k, 10))
    levels = st.lists(st.integers(1, 12), min_size=3, max_size=3, unique=True).map(sorted)

    def build(gain: Fraction, deterrence: Fraction, vulnerability: Fraction,
              multiples: list[int]) -> tuple[PreemptiveWar, PreemptiveWar, PreemptiveWar]:
        turn = deterrence / (2 * vulnerability)
        models = tuple(
            PreemptiveWar(first_strike=gain - deterrence * k, war_payoff=-deterrence * k,
                          exposure=deterrence * k + vulnerability * k * k,
                          signal_noise=Fraction(1, 100))
            for k in (turn * m / 4 for m in multiples))
        return models  # type: ignore[return-value]

    return st.builds(build, tenths, tenths, tenths, levels)


def two_type_crises() -> st.SearchStrategy[OptimalMediation]:
    """Exact :class:`~multilateral.models.OptimalMediation` crises.

    ``hawk_probability`` a multiple of 1/20 in ``(0, 1)``, ``hawk_advantage`` a multiple of
    1/20 in ``(1/2, 1]``, ``war_cost`` a multiple of 1/40 in ``(0, 2/5]``.

    See Also
    --------
    multilateral.models.OptimalMediation : the model.
    multilateral.claims.MEDIATION_MATCHES_ARBITRATION : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=10, deadline=None)
    ... @given(ml.strategies.two_type_crises())
    ... def test_crisis(crisis):
    ...     assert crisis.hawk_advantage > 0.5
    >>> test_crisis()
    """
    return st.builds(OptimalMediation,
                     hawk_probability=st.integers(1, 19).map(lambda k: Fraction(k, 20)),
                     hawk_advantage=st.integers(11, 20).map(lambda k: Fraction(k, 20)),
                     war_cost=st.integers(1, 16).map(lambda k: Fraction(k, 40)))


# -- forum shopping (Busch) --------------------------------------------------------------------
def forum_shopping_models(*, blocking: bool | None = None
                          ) -> st.SearchStrategy[tuple[ForumShopping, int]]:
    """Pairs ``(model, extra)``: an exact :class:`~multilateral.models.ForumShopping` and a
    rise ``extra >= 1`` in its WTO membership ``n``.

    Built directly: win probabilities multiples of ``1/12`` in ``[0, 1]``; ``ruling_value``
    and ``block_cost`` multiples of ``1/12`` in ``[0, 2]``, ``cost`` in ``[0, 1]``,
    ``offense`` and ``defense`` in ``[0, 1/2]``; ``regional_members`` in ``2..5``, ``n``
    up to 40 above it, ``extra`` in ``1..40``. ``blocking=True`` always draws a
    ``block_cost``, ``False`` never (the defendant cannot block), None either.

    See Also
    --------
    multilateral.models.ForumShopping : the model.
    multilateral.claims.BUSCH_FORUM_SHOPPING : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.forum_shopping_models(blocking=False))
    ... def test_no_blocking(pair):
    ...     model, extra = pair
    ...     assert model.block_cost is None and extra >= 1
    >>> test_no_blocking()
    """

    def twelfths(draw: st.DrawFn, top: int) -> Fraction:
        return Fraction(draw(st.integers(0, top)), 12)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[ForumShopping, int]:
        k = draw(st.integers(2, 5))
        block = draw(st.booleans()) if blocking is None else blocking
        model = ForumShopping(
            ruling_value=twelfths(draw, 24), win_regional=twelfths(draw, 12),
            win_multilateral=twelfths(draw, 12), offense=twelfths(draw, 6),
            defense=twelfths(draw, 6), regional_members=k, n=k + draw(st.integers(0, 40)),
            cost=twelfths(draw, 12), block_cost=twelfths(draw, 24) if block else None)
        return model, draw(st.integers(1, 40))

    return build()

def arms_race_ladders() -> st.SearchStrategy[tuple[ArmsRace, ArmsRace, ArmsRace]]:
    """Exact :class:`~multilateral.models.ArmsRace` games at three falling dominant-type
    probabilities, all with the multiplier effect.

    ``superiority`` is 0 (hardliners who want weapons for their own sake) about half the time,
    else a multiple of 1/10 in ``[1/10, 2]``; ``vulnerability`` exceeds it by a multiple of
    1/10 in ``[1/10, 3]``; ``cost_high`` lies above ``superiority`` at ``k / 10`` of the way to
    ``vulnerability`` (``k`` in 1..10, so ``cost_high <= vulnerability``); the three
    ``cost_low`` lie below ``superiority`` by distinct multiples ``m / 20`` (``m`` in 1..20,
    falling) of ``cost_high - superiority``, so the dominant-type probability falls along the
    ladder and is positive.

    See Also
    --------
    multilateral.models.ArmsRace : the model.
    multilateral.claims.CHEAP_TALK_DEFUSES_ARMS_RACE : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.arms_race_ladders())
    ... def test_ladder(ladder):
    ...     assert ladder[0].dominant_probability() > ladder[2].dominant_probability() > 0
    >>> test_ladder()
    """
    tenths = st.integers(1, 30).map(lambda k: Fraction(k, 10))
    superiority = st.one_of(st.just(Fraction(0)), st.integers(1, 20).map(lambda k: Fraction(k, 10)))
    gaps = st.lists(st.integers(1, 20), min_size=3, max_size=3, unique=True).map(
        lambda ms: sorted(ms, reverse=True))

    def build(mu: Fraction, spread: Fraction, k: int,
              ms: list[int]) -> tuple[ArmsRace, ArmsRace, ArmsRace]:
        high = mu + spread * Fraction(k, 10)
        models = tuple(ArmsRace(superiority=mu, vulnerability=mu + spread,
                                cost_low=mu - (high - mu) * Fraction(m, 20), cost_high=high)
                       for m in ms)
        return models  # type: ignore[return-value]

    return st.builds(build, superiority, tenths, st.integers(1, 10), gaps)
