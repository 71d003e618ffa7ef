"""Hypothesis strategies that generate models of a given class, for the theories' claims.

Each strategy draws instances of one model (or pairs of instances, when a claim compares two)
directly from the class over which a claim is asserted, never by filtering. The claims in
:mod:`multilateral.claims` take their domains from here; use them in your own property tests
too.

The module runs past the library's ~600 lines because it is one catalogue, a short strategy
for each model that a claim quantifies over, sectioned by theory; each section is a few dozen
lines, too small to stand as a module of its own.

Examples
--------
>>> from hypothesis import given, settings
>>> import multilateral as ml
>>> @settings(max_examples=20, deadline=None)
... @given(ml.strategies.linear_agreements(max_n=20))
... def test_small(model):
...     assert max(model.stable_sizes()) <= 3
>>> test_small()
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Literal

from hypothesis import strategies as st

from .._namespace import public_dir
from ..errors import InvalidArgumentError
from ..models.agreements import SelfEnforcingAgreement
from ..models.alliances import AllianceControl, Powerplay
from ..models.audience_costs import AudienceCosts
from ..models.bargaining import WarBargaining
from ..models.breadth_depth import BreadthDepth
from ..models.climate_clubs import ClimateClub
from ..models.collective_action import PublicGoodProvision
from ..models.collective_risk import CollectiveRiskDilemma
from ..models.common_interests import CommonInterests
from ..models.conditional_cooperation import ConditionalCooperation
from ..models.escalation import PreemptiveWar
from ..models.escape_clauses import EscapeClause
from ..models.flexibility import LegalForm, TreatyDuration
from ..models.forum_choice import HeterogeneousForum
from ..models.legitimacy import Endorsement
from ..models.nested_cores import NestedCores
from ..models.optimal_mediation import OptimalMediation
from ..models.outside_options import OutsideOptions
from ..models.pledge_review import PledgeAndReview
from ..models.public_monitoring import PublicMonitoring
from ..models.reciprocity import Reciprocity, ThresholdReciprocity
from ..models.relative_gains import PowellGains, RelativeGains
from ..models.rival_clubs import RivalClubs
from ..models.sanctions import Sanctions
from ..models.tipping import TippingSet
from ..types import Number
from ._common import as_strategy

__all__ = [
    "alliance_controls",
    "audience_cost_pairs",
    "barrett_pairs",
    "boyd_richerson_models",
    "breadth_depth_models",
    "collective_risk_pairs",
    "common_interest_pairs",
    "conditional_cooperation_detection_pairs",
    "conditional_cooperation_size_pairs",
    "diffuse_reciprocity_models",
    "endorsement_bodies",
    "escape_clauses",
    "group_size_pairs",
    "heterogeneous_forums",
    "legal_form_pairs",
    "linear_agreements",
    "nested_cores_models",
    "nowak_parameters",
    "outside_options_models",
    "pledge_review_models",
    "powell_models",
    "powerplays",
    "public_good_provisions",
    "public_monitoring_models",
    "relative_gains_models",
    "rival_clubs_models",
    "sanctions_models",
    "small_error_parameters",
    "tipping_sets",
    "treaty_duration_pairs",
    "two_type_crises",
    "war_bargaining_models",
    "weapons_ladders",
]
__dir__ = public_dir(__all__)


#: How members' contributions make the good (:class:`~multilateral.models.PublicGoodProvision`).
Aggregation = Literal["sum", "weakest_link", "best_shot"]


# -- collective action (Olson, Chamberlin) ---------------------------------------------------
def public_good_provisions(
    n: int | st.SearchStrategy[int] = st.integers(1, 12),
    *,
    exact: bool = True,
    theta: Number | st.SearchStrategy[Number] | None = None,
    identical: bool = False,
    common_preferences: bool = False,
    utility: str = "cobb_douglas",
    aggregation: Aggregation | st.SearchStrategy[Aggregation] = "sum",
) -> st.SearchStrategy[PublicGoodProvision]:
    """Voluntary provision games (:class:`~multilateral.models.PublicGoodProvision`).

    Built directly from the model's defining ranges: positive incomes (Fractions with small
    denominators, or floats in ``[0.01, 100]``), Cobb-Douglas weights ``a`` strictly inside
    ``(0, 1)`` as ``k / d`` with ``0 < k < d`` (or quasi-linear values ``benefit > 0``), and
    crowding ``theta = k / d`` with ``0 <= k <= d`` (so both ends, 0 and 1, occur).

    Parameters
    ----------
    n : int or strategy
        Number of members.
    exact : bool
        Fractions (True) or floats.
    theta : number, strategy or None
        Crowding; ``None`` draws it from ``[0, 1]``.
    identical : bool
        Identical members (one income, one preference).
    common_preferences : bool
        One preference parameter for all, heterogeneous incomes (BBV's case).
    utility : {"cobb_douglas", "quasi_linear"}
    aggregation : str or strategy
        ``"sum"``, ``"weakest_link"``, ``"best_shot"``, or a strategy over them.

    See Also
    --------
    multilateral.models.PublicGoodProvision : the model.
    group_size_pairs : pairs of identical groups of two sizes.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.public_good_provisions(n=3, identical=True))
    ... def test_identical(model):
    ...     assert model.n == 3 and len(set(model.incomes)) == 1
    >>> test_identical()
    """
    if utility not in ("cobb_douglas", "quasi_linear"):
        raise InvalidArgumentError(
            f"utility must be 'cobb_douglas' or 'quasi_linear', got {utility!r}")

    @st.composite
    def ratio(draw: st.DrawFn, low_den: int, high_den: int, proper: bool) -> Fraction:
        # k / d with 0 < k < d (proper) or 0 <= k <= d
        d = draw(st.integers(low_den, high_den))
        return Fraction(draw(st.integers(1, d - 1) if proper else st.integers(0, d)), d)

    income: st.SearchStrategy[Any]
    preference: st.SearchStrategy[Any]
    crowding: st.SearchStrategy[Any]
    if exact:
        income = st.builds(Fraction, st.integers(1, 100), st.integers(1, 4))
    else:
        income = st.floats(0.01, 100, allow_nan=False)
    if utility == "quasi_linear":
        preference = (st.builds(Fraction, st.integers(1, 200), st.integers(1, 4)) if exact
                      else st.floats(0.01, 200, allow_nan=False))
    else:
        preference = ratio(2, 20, True) if exact else st.floats(0.01, 0.99, allow_nan=False)
    if theta is not None:
        crowding = theta if isinstance(theta, st.SearchStrategy) else st.just(theta)
    else:
        crowding = ratio(1, 12, False) if exact else st.floats(0, 1, allow_nan=False)
    aggregations = (aggregation if isinstance(aggregation, st.SearchStrategy)
                    else st.just(aggregation))

    @st.composite
    def build(draw: st.DrawFn) -> PublicGoodProvision:
        size = draw(as_strategy(n))
        if identical:
            incomes = [draw(income)] * size
        else:
            incomes = draw(st.lists(income, min_size=size, max_size=size))
        if identical or common_preferences:
            pref: Any = draw(preference)
        else:
            pref = draw(st.lists(preference, min_size=size, max_size=size))
        key = "a" if utility == "cobb_douglas" else "benefit"
        return PublicGoodProvision(incomes, **{key: pref}, theta=draw(crowding),
                                   aggregation=draw(aggregations))

    return build()


def group_size_pairs(*, crowded: bool = False, max_n: int = 30, max_step: int = 60
                     ) -> st.SearchStrategy[tuple[PublicGoodProvision, int]]:
    """Pairs ``(model, larger)``: identical Cobb-Douglas members and a larger group size.

    Generates a :class:`~multilateral.models.PublicGoodProvision` of ``n`` identical members
    and an integer ``larger > n``. ``crowded=True`` restricts to Chamberlin's class,
    ``theta >= (1 - a) / (1 - a + a n)``, built directly as ``theta = theta* + t (1 - theta*)``
    with ``t`` in ``[0, 1]``; otherwise ``theta`` is any ``k / d`` in ``[0, 1]``.

    See Also
    --------
    multilateral.models.PublicGoodProvision : the model.
    multilateral.claims.OLSON_GROUP_SIZE, multilateral.claims.CHAMBERLIN_CROWDING
        The claims asserted over them.
    public_good_provisions : the model's whole domain.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.group_size_pairs(crowded=True))
    ... def test_falls(pair):
    ...     model, larger = pair
    ...     assert model.per_member_falls(larger)
    >>> test_falls()
    """
    one_member = public_good_provisions(n=1, identical=True, theta=0)
    sizes, steps = st.integers(1, max_n), st.integers(1, max_step)
    dens = st.integers(1, 12)
    thetas = st.integers(1, 12).flatmap(_unit_fractions)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[PublicGoodProvision, int]:
        n, base = draw(sizes), draw(one_member)
        a, w = base.a[0], base.incomes[0]
        if crowded:  # theta = theta* + t (1 - theta*), t = k / d in [0, 1]
            low = (1 - a) / (1 - a + a * n)
            den = draw(dens)
            t = Fraction(draw(st.integers(0, den)), den)
            theta = low + t * (1 - low)
        else:
            theta = draw(thetas)
        return PublicGoodProvision.identical(n, w, a, theta), n + draw(steps)

    return build()


def _unit_fractions(den: int) -> st.SearchStrategy[Fraction]:
    return st.integers(0, den).map(lambda k: Fraction(k, den))


# -- conditional cooperation (Oye) -----------------------------------------------------------
def conditional_cooperation_size_pairs(normalization: Literal["r", "mpcr"] = "r"
                                       ) -> st.SearchStrategy[tuple[ConditionalCooperation, int]]:
    """Pairs ``(model, larger)``: a :class:`~multilateral.models.ConditionalCooperation` of
    ``n`` members (2 to 200) and a larger size ``n + 1`` to ``n + 100``.

    ``normalization="r"`` fixes the multiplier ``r`` in ``[11/10, 10]`` (the return per
    member ``r / n`` falls as the group grows); ``"mpcr"`` fixes the marginal per-capita
    return in ``[1/2, 99/100]`` (a non-rival good).

    See Also
    --------
    multilateral.models.ConditionalCooperation : the model.
    multilateral.claims.OLSON_DILUTION, multilateral.claims.NO_CHANNELS_NUMBERS_HELP
        The claims asserted over them.
    conditional_cooperation_detection_pairs : pairs over detection.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.conditional_cooperation_size_pairs("mpcr"))
    ... def test_larger(pair):
    ...     model, larger = pair
    ...     assert larger > model.n and model.mpcr < 1
    >>> test_larger()
    """
    if normalization not in ("r", "mpcr"):
        raise InvalidArgumentError(
            f"normalization must be 'r' or 'mpcr', got {normalization!r}")
    returns = (st.fractions(min_value=Fraction(11, 10), max_value=10) if normalization == "r"
               else st.fractions(min_value=Fraction(1, 2), max_value=Fraction(99, 100)))
    return st.builds(
        lambda n, ret, step: (ConditionalCooperation(n=n, **{normalization: ret}), n + step),
        st.integers(2, 200), returns, st.integers(1, 100),
    )


def conditional_cooperation_detection_pairs(
) -> st.SearchStrategy[tuple[ConditionalCooperation, Fraction]]:
    """Pairs ``(model, better)``: a :class:`~multilateral.models.ConditionalCooperation` with
    detection probability ``q`` and a probability ``better >= q`` (both in ``[1/100, 1]``).

    See Also
    --------
    multilateral.models.ConditionalCooperation : the model.
    multilateral.claims.OYE_TRANSPARENCY : the claim asserted over them.
    conditional_cooperation_size_pairs : pairs over group size.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.conditional_cooperation_detection_pairs())
    ... def test_ordered(pair):
    ...     model, better = pair
    ...     assert model.detection <= better
    >>> test_ordered()
    """
    probs = st.fractions(min_value=Fraction(1, 100), max_value=1)
    return st.builds(
        lambda n, r, q1, q2: (ConditionalCooperation(n=n, r=r, detection=min(q1, q2)),
                              max(q1, q2)),
        st.integers(2, 200), st.fractions(min_value=Fraction(11, 10), max_value=10), probs, probs,
    )


# -- collective risk (Santos and Pacheco) ----------------------------------------------------
def collective_risk_pairs(*, min_fraction: Fraction = Fraction(0), finite: bool = False
                          ) -> st.SearchStrategy[tuple[CollectiveRiskDilemma,
                                                       CollectiveRiskDilemma]]:
    """Pairs ``(smaller, larger)`` of :class:`~multilateral.models.CollectiveRiskDilemma`
    models with ``N < N'`` and the same ``M / N = M' / N'`` in ``[min_fraction, 1)``.

    Built directly (no filtering): the same cost, risk and population; with ``finite=True``
    the groups are smaller (``n <= 48``) and a selection intensity ``beta`` and mutation rate
    ``mutation`` are drawn too, for the finite-population claims.

    See Also
    --------
    multilateral.models.CollectiveRiskDilemma : the model.
    multilateral.claims.SANTOS_PACHECO_SMALL_GROUPS : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.collective_risk_pairs())
    ... def test_same_fraction(pair):
    ...     small, large = pair
    ...     assert small.threshold * large.n == large.threshold * small.n
    >>> test_same_fraction()
    """

    @st.composite
    def build(draw: Any) -> tuple[CollectiveRiskDilemma, CollectiveRiskDilemma]:
        d = draw(st.integers(2, 8 if finite else 20))
        low = max(1, math.ceil(min_fraction * d))
        a = draw(st.integers(low, d - 1))
        t = draw(st.integers(1, 3 if finite else 10))
        t2 = draw(st.integers(t + 1, t + (3 if finite else 20)))
        kw: dict[str, Any] = {
            "cost": Fraction(draw(st.integers(1, 50)), 100),
            "risk": Fraction(draw(st.integers(0, 100)), 100),
            "population": draw(st.integers(d * t2, max(d * t2, 100))),
        }
        if finite:
            kw["beta"] = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]))
            kw["mutation"] = draw(st.sampled_from([0.001, 0.01, 0.05, 0.2]))
        return (CollectiveRiskDilemma(d * t, a * t, **kw),
                CollectiveRiskDilemma(d * t2, a * t2, **kw))

    return build()


# -- reciprocity (Keohane, Nowak, Ohtsuki and Iwasa) -----------------------------------------
def diffuse_reciprocity_models() -> st.SearchStrategy[Reciprocity]:
    """Exact :class:`~multilateral.models.Reciprocity` models with diffuse reciprocity
    sustained (``benefit knowledge delta^K > cost``), built directly (no filtering).

    See Also
    --------
    multilateral.models.Reciprocity : the model.
    multilateral.claims.DIFFUSE_RECIPROCITY_SCALES : the claim asserted over them.
    nowak_parameters : benefit, cost and continuation probability.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.diffuse_reciprocity_models())
    ... def test_sustained(model):
    ...     assert model.diffuse_sustains()
    >>> test_sustained()
    """

    @st.composite
    def build(draw: Any) -> Reciprocity:
        delta = Fraction(draw(st.integers(1, 99)), 100)
        q = Fraction(draw(st.integers(1, 20)), 20)
        group = draw(st.integers(2, 6))
        tol = draw(st.integers(0, 4))
        c = Fraction(draw(st.integers(1, 10)), draw(st.integers(1, 10)))
        k = tol // (group - 1) + 1
        margin = 1 + Fraction(draw(st.integers(1, 200)), 100)
        b = c * margin / (q * delta**k)
        z = draw(st.integers(group, 500))
        return Reciprocity(b, c, population=z, delta=delta, knowledge=q, credit=tol, n=group)

    return build()


def nowak_parameters() -> st.SearchStrategy[tuple[Fraction, Fraction, Fraction]]:
    """Triples ``(b, c, w)``: integer benefit and cost in ``1..20`` (as Fractions) and a
    probability ``w`` in ``[1/50, 49/50]`` (of another round, or of knowing a reputation).

    See Also
    --------
    multilateral.models.Reciprocity : the model they parameterize.
    multilateral.claims.NOWAK_RECIPROCITY : the claim asserted over them.
    small_error_parameters : errors for the leading-eight claims.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.nowak_parameters())
    ... def test_ranges(triple):
    ...     b, c, w = triple
    ...     assert b >= 1 and c >= 1 and 0 < w < 1
    >>> test_ranges()
    """
    fr = st.integers(1, 50).map(lambda k: Fraction(k, 50))
    return st.tuples(st.integers(1, 20).map(Fraction), st.integers(1, 20).map(Fraction),
                     fr.filter(lambda w: w < 1))


def small_error_parameters() -> st.SearchStrategy[tuple[float, float, float]]:
    """Triples ``(e, mu, b/c)``: execution and assessment errors in ``[1e-7, 9e-4]`` and a
    benefit-to-cost ratio in ``[1.1, 1.9]`` (the leading eight's small-error regime).

    See Also
    --------
    multilateral.claims.LEADING_EIGHT : the claim asserted over them.
    nowak_parameters : benefit, cost and continuation probability.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.small_error_parameters())
    ... def test_small(triple):
    ...     e, mu, ratio = triple
    ...     assert e < 1e-3 and mu < 1e-3 and 1 < ratio < 2
    >>> test_small()
    """
    small = st.integers(-7, -4).flatmap(lambda k: st.integers(1, 9).map(lambda m: m * 10.0**k))
    return st.tuples(small, small, st.integers(110, 190).map(lambda k: k / 100))


# -- self-enforcing agreements (Barrett, Carraro and Siniscalco) -----------------------------
def linear_agreements(*, max_n: int = 200) -> st.SearchStrategy[SelfEnforcingAgreement]:
    """Linear-benefit, quadratic-cost :class:`~multilateral.models.SelfEnforcingAgreement`
    models with identical countries: any ``N`` in ``3..max_n``, exact ``b`` and ``c``,
    either tie rule.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement : the model.
    multilateral.claims.SMALL_STABLE_AGREEMENTS : the claim asserted over them.
    barrett_pairs : Barrett's Stackelberg model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.linear_agreements(max_n=10))
    ... def test_sizes(model):
    ...     assert 3 <= model.n <= 10
    >>> test_sizes()
    """
    ratios = st.builds(Fraction, st.integers(1, 1000), st.integers(1, 100))
    return st.builds(SelfEnforcingAgreement, n=st.integers(3, max_n), benefit=ratios,
                     cost=ratios, tie=st.sampled_from(["join", "stay_out"]))


def barrett_pairs(*, max_n: int = 60
                  ) -> st.SearchStrategy[tuple[SelfEnforcingAgreement, Fraction]]:
    """Pairs ``(model, gamma')``: Barrett's Stackelberg model (``N`` in ``3..max_n``, exact
    ``gamma = c / b`` between 1/10000 and 1000, ``tie="join"``) and a larger ratio
    ``gamma' > gamma``.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement : the model.
    multilateral.claims.BARRETT_PARADOX : the claim asserted over them.
    linear_agreements : the linear-benefit, quadratic-cost model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.barrett_pairs(max_n=10))
    ... def test_larger(pair):
    ...     model, higher = pair
    ...     assert model.specification == "barrett" and higher > model.cost / model.benefit
    >>> test_larger()
    """

    def gammas() -> st.SearchStrategy[Fraction]:
        return st.builds(Fraction, st.integers(1, 10_000),
                         st.sampled_from([10_000, 1000, 100, 10, 1]))

    @st.composite
    def build(draw: st.DrawFn) -> tuple[SelfEnforcingAgreement, Fraction]:
        low, high = sorted(draw(st.lists(gammas(), min_size=2, max_size=2, unique=True)))
        model = SelfEnforcingAgreement(n=draw(st.integers(3, max_n)), benefit=1, cost=low,
                                       specification="barrett")
        return model, high

    return build()


# -- alliances (Cha) -------------------------------------------------------------------------
def _unit(draw: Any, *, low: int = 0, high: int = 12, den: int = 12) -> Fraction:
    return Fraction(draw(st.integers(low, high)), den)


def alliance_controls(*, fears_entrapment: bool = True, max_allies: int = 8
                      ) -> st.SearchStrategy[AllianceControl]:
    """Exact :class:`~multilateral.models.AllianceControl` models whose body can outvote the
    great power.

    Built directly: ``k >= 2`` allies, a quota ``2 <= q <= k`` (so the great power's own
    vote does not suffice), ``theta < 1`` and ``d > 0`` (so the body forfeits some
    restraint: ``pi < 1``). With ``fears_entrapment=True`` the entrapment cost is set so
    that the fear ``p E`` exceeds :meth:`~multilateral.models.AllianceControl.entrapment_threshold`
    (the premise of :data:`multilateral.claims.ENTRAPMENT_BILATERAL`); with ``False`` it is
    any number in ``[0, 10]``.

    See Also
    --------
    multilateral.models.AllianceControl : the model.
    multilateral.claims.ENTRAPMENT_BILATERAL : the claim asserted over them.
    powerplays : Cha's powerplay parameters.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.alliance_controls())
    ... def test_fears(model):
    ...     assert model.adventurism * model.entrapment_cost > model.entrapment_threshold().exact
    >>> test_fears()
    """

    @st.composite
    def build(draw: st.DrawFn) -> AllianceControl:
        k = draw(st.integers(2, max_allies))
        base = AllianceControl(
            allies=k, adventurism=_unit(draw, low=1), entrapment_cost=0,
            dependence=_unit(draw, low=1), binding_value=_unit(draw, high=36),
            support=_unit(draw, high=11), quota=draw(st.integers(2, k)))
        if fears_entrapment:
            threshold = base.entrapment_threshold().exact
            assert threshold is not None  # d > 0 and pi < 1 by construction (and exact)
            margin = _unit(draw, low=1, high=24)
            cost = (threshold + margin) / base.adventurism
        else:
            cost = Fraction(draw(st.integers(0, 120)), 12)
        return base.with_(entrapment_cost=cost)

    return build()


def powerplays() -> st.SearchStrategy[dict[str, Fraction]]:
    """Keyword arguments of :func:`~multilateral.models.cha_quadrants` under which Cha's
    table is asserted.

    Built directly: ``great > small > 0``, ``others > 0``, an enforcement cost ``> 0``, an
    alignment in ``[1/2, great / (great + small))``, and stakes above the great power's
    :meth:`~multilateral.models.Powerplay.critical_stakes` against the small power.

    See Also
    --------
    multilateral.models.cha_quadrants, multilateral.models.Powerplay : the model.
    multilateral.claims.POWERPLAY_QUADRANTS : the claim asserted over them.
    alliance_controls : alliance control models.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.powerplays())
    ... def test_great(kwargs):
    ...     assert kwargs["great"] > kwargs["small"] > 0
    >>> test_great()
    """

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Fraction]:
        small = Fraction(draw(st.integers(1, 10)))
        great = small + draw(st.integers(1, 100))
        others = Fraction(draw(st.integers(1, 200)), draw(st.integers(1, 4)))
        cost = Fraction(draw(st.integers(1, 40)), 20)
        top = great / (great + small)
        alignment = Fraction(1, 2) + (top - Fraction(1, 2)) * _unit(draw, high=11)
        stakes_floor = Powerplay(controller=great, controlled=small, others=others,
                                 alignment=alignment, enforcement_cost=cost
                                 ).critical_stakes().exact
        assert stakes_floor is not None  # alignment < great / (great + small); exact
        stakes = stakes_floor + _unit(draw, low=1, high=60)
        return {"great": great, "small": small, "others": others, "alignment": alignment,
                "stakes": stakes, "enforcement_cost": cost}

    return build()


# -- forum choice ----------------------------------------------------------------------------
def heterogeneous_forums(*, max_n: int = 12
                         ) -> st.SearchStrategy[tuple[HeterogeneousForum, Fraction]]:
    """Pairs ``(forum, q)``: an exact :class:`~multilateral.models.HeterogeneousForum` and a
    smaller gain probability ``q < p``.

    ``q`` is the gain probability after interests grow more heterogeneous. Built directly:
    ``n`` in ``[2, max_n]``, ``p`` in ``(0, 1]``, ``lambda`` in ``[0, 3]``, integer
    ``gamma`` in ``[1, 3]``, and ``q = t p`` with ``t`` in ``[0, 1)``.

    See Also
    --------
    multilateral.models.HeterogeneousForum : the model.
    multilateral.claims.HETEROGENEITY_FAVORS_CLUBS : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.heterogeneous_forums(max_n=5))
    ... def test_lower(pair):
    ...     forum, q = pair
    ...     assert q < forum.gain_probability and forum.n <= 5
    >>> test_lower()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[HeterogeneousForum, Fraction]:
        p = Fraction(draw(st.integers(1, 24)), 24)
        forum = HeterogeneousForum(
            n=draw(st.integers(2, max_n)), gain_probability=p,
            legitimacy=Fraction(draw(st.integers(0, 36)), 12),
            coverage_returns=draw(st.integers(1, 3)))
        return forum, p * Fraction(draw(st.integers(0, 23)), 24)

    return build()


# -- nested cores ----------------------------------------------------------------------------
def nested_cores_models(*, max_n: int = 40, selective_incentive: Fraction | None = Fraction(1)
                        ) -> st.SearchStrategy[NestedCores]:
    """Exact :class:`~multilateral.models.NestedCores` federations of at least two subgroups.

    Built directly: ``n`` in ``[4, max_n]``, cut at random into 2 to 7 subgroups, a
    monitoring error in ``(0, 1/10]`` (multiples of ``1/400``; larger errors mostly leave
    both structures unsustainable, a comparison that says nothing), ``benefit`` in
    ``(0, 3]`` and ``cost`` in ``(0, 2]`` (multiples of ``1/4``), grim or punishment phases
    of 1 to 4 rounds, and the centre's ``selective_incentive`` (default: full; ``None``
    draws it in ``[0, 1]``, multiples of ``1/12``).

    See Also
    --------
    multilateral.models.NestedCores : the model.
    multilateral.claims.NESTED_CORES : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.nested_cores_models(max_n=10))
    ... def test_federation(model):
    ...     assert len(model.subgroups) >= 2 and sum(model.subgroups) == model.n <= 10
    >>> test_federation()
    """

    @st.composite
    def build(draw: st.DrawFn) -> NestedCores:
        n = draw(st.integers(4, max_n))
        cuts = sorted(draw(st.sets(st.integers(1, n - 1), min_size=1, max_size=min(6, n - 1))))
        sizes = tuple(b - a for a, b in zip([0, *cuts], [*cuts, n], strict=True))
        share = (Fraction(draw(st.integers(0, 12)), 12) if selective_incentive is None
                 else selective_incentive)
        return NestedCores(
            n=n, subgroups=sizes, benefit=Fraction(draw(st.integers(1, 12)), 4),
            cost=Fraction(draw(st.integers(1, 8)), 4),
            monitoring_error=Fraction(draw(st.integers(1, 40)), 400),
            selective_incentive=share,
            punishment_rounds=draw(st.sampled_from([None, 1, 2, 3, 4])))

    return build()


# -- common interests (Oye's third channel) --------------------------------------------------
def common_interest_pairs(*, max_n: int = 40
                          ) -> st.SearchStrategy[tuple[CommonInterests, int]]:
    """Pairs ``(model, smaller)``: an exact :class:`~multilateral.models.CommonInterests` of
    ``n`` members with pairwise channels and no returns to coverage, and a smaller group size.

    Built directly: ``n`` in ``[3, max_n]``, ``smaller`` in ``[2, n - 1]``; one to three
    issues; one to four types with interests multiples of ``1/4`` in ``[-3, 3]`` and
    prevalences proportional to integers in ``[1, 6]``; a ``contact_cost`` a multiple of
    ``1/8`` in ``[0, 1]``. With two or three issues, half the draws are *complementary*
    (Tollison and Willett's case): each type loses ``1/4`` to ``3/2`` on every issue but
    one, and gains on that one ``1/4`` to ``3/4`` more than it loses on the rest.

    See Also
    --------
    multilateral.models.CommonInterests : the model.
    multilateral.claims.OYE_COMMON_INTERESTS : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.common_interest_pairs(max_n=6))
    ... def test_pairs(pair):
    ...     model, smaller = pair
    ...     assert 2 <= smaller < model.n and model.channels == "pairwise"
    >>> test_pairs()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[CommonInterests, int]:
        issues, types = draw(st.integers(1, 3)), draw(st.integers(1, 4))
        value = st.integers(-12, 12).map(lambda k: Fraction(k, 4))
        if issues > 1 and draw(st.booleans()):  # complementary: the package pays every type
            rows = []
            for _ in range(types):
                favoured = draw(st.integers(0, issues - 1))
                losses = [Fraction(-draw(st.integers(1, 6)), 4) for _ in range(issues - 1)]
                gain = -sum(losses) + Fraction(draw(st.integers(1, 3)), 4)
                rows.append((*losses[:favoured], gain, *losses[favoured:]))
            interests = tuple(rows)
        else:
            interests = tuple(tuple(draw(value) for _ in range(issues)) for _ in range(types))
        weights = [draw(st.integers(1, 6)) for _ in range(types)]
        model = CommonInterests(
            n=draw(st.integers(3, max_n)), interests=interests,
            prevalence=tuple(Fraction(w, sum(weights)) for w in weights),
            contact_cost=Fraction(draw(st.integers(0, 8)), 8))
        return model, draw(st.integers(2, model.n - 1))

    return build()


# -- reciprocity in sizable groups (Boyd and Richerson 1988) ---------------------------------
def boyd_richerson_models(*, max_n: int = 25) -> st.SearchStrategy[ThresholdReciprocity]:
    """Exact :class:`~multilateral.models.ThresholdReciprocity` models of the strictest
    reciprocator, ``threshold = n - 1``, in an n-person prisoner's dilemma.

    Built directly: ``n`` in ``[2, max_n]``, an integer ``benefit`` ``B`` in ``[2, 12]``, a
    ``cost`` strictly between ``B / n`` and ``B`` (``B/n + (B - B/n) t``, ``t`` a multiple of
    ``1/24`` in ``(0, 1)``), and ``delta`` a multiple of ``1/100`` in ``(0, 1)``. Every such
    model stays a dilemma when ``n`` grows with ``B`` and ``C`` fixed (``B/(n+1) < B/n < C``),
    which is how the claim steps the group size.

    See Also
    --------
    multilateral.models.ThresholdReciprocity : the model.
    multilateral.claims.BOYD_RICHERSON_GROUP_SIZE : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.boyd_richerson_models(max_n=8))
    ... def test_dilemma(model):
    ...     assert model.benefit / model.n < model.cost < model.benefit
    ...     assert model.threshold == model.n - 1
    >>> test_dilemma()
    """

    @st.composite
    def build(draw: st.DrawFn) -> ThresholdReciprocity:
        n = draw(st.integers(2, max_n))
        b = Fraction(draw(st.integers(2, 12)))
        cost = b / n + (b - b / n) * Fraction(draw(st.integers(1, 23)), 24)
        return ThresholdReciprocity(n=n, threshold=n - 1, benefit=b, cost=cost,
                                    delta=Fraction(draw(st.integers(1, 99)), 100))

    return build()


# -- transparency: imperfect public monitoring (Oye, Green-Porter, APS) ----------------------
def public_monitoring_models(*, max_step: int = 30) -> st.SearchStrategy[PublicMonitoring]:
    """Exact :class:`~multilateral.models.PublicMonitoring` models of a non-rival good under the
    aggregate signal, at a size past the peak of the signal-weighted stakes.

    The class of :data:`~multilateral.claims.OYE_MONITORING`: ``mpcr`` in ``(0, 1)``
    (multiples of 1/20), ``monitoring_error`` in ``[1/40, 1/4]``, ``detection`` above it (up to
    1), punishment forever or for 1 to 3 rounds, and ``n`` at least
    ``1/mpcr + (1 - monitoring_error)/monitoring_error`` (past the size at which
    ``(1 - monitoring_error)^n (mpcr n - 1)`` peaks), by up to ``max_step``.

    See Also
    --------
    multilateral.models.PublicMonitoring : the model.
    multilateral.claims.OYE_MONITORING : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.public_monitoring_models(max_step=5))
    ... def test_aggregate(model):
    ...     assert model.signal == "aggregate" and model.monitoring_error > 0
    >>> test_aggregate()
    """

    @st.composite
    def build(draw: st.DrawFn) -> PublicMonitoring:
        m = Fraction(draw(st.integers(1, 19)), 20)
        eps = Fraction(draw(st.integers(1, 10)), 40)
        det = eps + (1 - eps) * Fraction(draw(st.integers(1, 10)), 10)
        peak = math.ceil(1 / m + (1 - eps) / eps)
        return PublicMonitoring(
            n=peak + draw(st.integers(0, max_step)), mpcr=m, monitoring_error=eps,
            detection=det, punishment_rounds=draw(st.sampled_from([None, 1, 2, 3])))

    return build()

# -- sanctions: feasibility and credibility (Oye, Farrell-Maskin, van Damme) -----------------
def sanctions_models(*, max_n: int = 60) -> st.SearchStrategy[Sanctions]:
    """Exact :class:`~multilateral.models.Sanctions` models in which a sanction is needed and
    cooperation is worth having (``T > R > P``).

    The class of :data:`~multilateral.claims.OYE_SANCTIONS`: a non-rival good (``mpcr`` a
    multiple of 1/100 in ``(0, 1)``, ``n`` above ``1 / mpcr``) or a rival one (multiplier ``r``
    in ``[11/10, 10]``, ``n`` above ``r``), up to ``max_n`` members, with a ``sanction_cost``
    (a multiple of 1/20 up to 1; zero in about a third of the draws), one round of penance and
    perfect detection.

    See Also
    --------
    multilateral.models.Sanctions : the model.
    multilateral.claims.OYE_SANCTIONS : the claim asserted over them.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.sanctions_models(max_n=20))
    ... def test_needed(model):
    ...     t, r, p, s = model.trps()
    ...     assert t > r > p > s
    >>> test_needed()
    """
    max_n = int(max_n)
    if max_n < 12:
        raise InvalidArgumentError(f"max_n must be at least 12, got {max_n}")

    @st.composite
    def build(draw: st.DrawFn) -> Sanctions:
        cost = draw(st.one_of(st.just(Fraction(0)), _unit_fractions(20)))
        if draw(st.booleans()):
            m = Fraction(draw(st.integers(max(1, 100 // max_n + 1), 99)), 100)
            n = draw(st.integers(max(2, math.floor(1 / m) + 1), max_n))
            return Sanctions(n=n, mpcr=m, sanction_cost=cost)
        r = draw(st.fractions(min_value=Fraction(11, 10), max_value=10))
        n = draw(st.integers(math.floor(r) + 1, max_n))
        return Sanctions(n=n, r=r, sanction_cost=cost)

    return build()


# -- crisis bargaining: Fearon (1995) and audience costs (after Fearon 1994) ------------------
def war_bargaining_models() -> st.SearchStrategy[WarBargaining]:
    """Exact :class:`~multilateral.models.WarBargaining` models: ``win_probability`` a
    multiple of 1/20 in ``[0, 1]``, ``cost_a`` a positive multiple of 1/20 up to 1, and B's
    costs uniform on ``[cost_b_low, cost_b_high]`` (multiples of 1/20, ``cost_b_low`` up to
    1, a width up to 1; zero width, complete information, in some draws).

    The class of :data:`~multilateral.claims.FEARON_BARGAINING_RANGE`,
    :data:`~multilateral.claims.FEARON_RISK_RETURN` and
    :data:`~multilateral.claims.FEARON_COSTLY_WAR`.

    See Also
    --------
    multilateral.models.WarBargaining : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.war_bargaining_models())
    ... def test_range(model):
    ...     assert model.bargaining_range().width >= 0
    >>> test_range()
    """

    @st.composite
    def build(draw: st.DrawFn) -> WarBargaining:
        low = Fraction(draw(st.integers(0, 20)), 20)
        return WarBargaining(
            win_probability=Fraction(draw(st.integers(0, 20)), 20),
            cost_a=Fraction(draw(st.integers(1, 20)), 20), cost_b_low=low,
            cost_b_high=low + Fraction(draw(st.integers(0, 20)), 20))

    return build()


def audience_cost_pairs() -> st.SearchStrategy[tuple[AudienceCosts, AudienceCosts]]:
    """Pairs of exact :class:`~multilateral.models.AudienceCosts` crises that differ only in
    the challenger's audience cost (the second's is higher by a multiple of 1/10 up to 3):
    ``prior`` a multiple of 1/20 in ``(0, 1)``, the audience cost a positive multiple of
    1/10 up to 4, the resolved type's war payoff in ``(0, 1]``, the irresolute type's in
    ``[-3, 0)`` and the defender's cost of war in ``(1, 5]`` (multiples of 1/10); both
    crises have a unique perfect Bayesian equilibrium (the boundaries where a continuum
    exists, :attr:`~multilateral.models.AudienceCostEquilibrium.unique`, are left out).

    The class of :data:`~multilateral.claims.FEARON_AUDIENCE_COSTS`.

    See Also
    --------
    multilateral.models.AudienceCosts : the model.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> import multilateral as ml
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ml.strategies.audience_cost_pairs())
    ... def test_higher(pair):
    ...     assert pair[0].audience_cost < pair[1].audience_cost
    >>> test_higher()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[AudienceCosts, AudienceCosts]:
        crisis = AudienceCosts(
            prior=Fraction(draw(st.integers(1, 19)), 20),
            audience_cost=Fraction(draw(st.integers(1, 40)), 10),
            resolved_war=Fraction(draw(st.integers(1, 10)), 10),
            irresolute_war=-Fraction(draw(st.integers(1, 30)), 10),
            defender_war_cost=1 + Fraction(draw(st.integers(1, 40)), 10))
        step = Fraction(draw(st.integers(1, 30)), 10)
        return crisis, crisis.with_(audience_cost=crisis.audience_cost + step)

    return build().filter(lambda pair: pair[0].equilibrium().unique
                          and pair[1].equilibrium().unique)


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
    ``[0, 100]``.

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
                           cost_of_fighting=Fraction(draw(st.integers(0, 400)), 4))

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


# -- relative gains (Snidal, Powell) ---------------------------------------------------------


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
