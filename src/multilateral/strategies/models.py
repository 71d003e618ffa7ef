"""Hypothesis strategies that generate models of a given class, for the theories' claims.

Each strategy draws instances of one model (or pairs of instances, when a claim compares two)
directly from the class over which a claim is asserted, never by filtering. The claims in
:mod:`multilateral.claims` take their domains from here; use them in your own property tests
too.

The models of institutional form and competitive multilateralism have theirs in
:mod:`multilateral.strategies.institutions`. The module runs past the library's ~600 lines
because it is one catalogue, a short strategy for each model that a claim quantifies over,
sectioned by theory; each section is a few dozen lines, too small to stand as a module of its
own.

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
from ..models.collective_action import PublicGoodProvision
from ..models.collective_risk import CollectiveRiskDilemma
from ..models.common_interests import CommonInterests
from ..models.conditional_cooperation import ConditionalCooperation
from ..models.forum_choice import HeterogeneousForum
from ..models.nested_cores import NestedCores
from ..models.public_monitoring import PublicMonitoring
from ..models.reciprocity import Reciprocity, ThresholdReciprocity
from ..models.sanctions import Sanctions
from ..types import Number
from ._common import as_strategy

__all__ = [
    "alliance_controls",
    "audience_cost_pairs",
    "barrett_pairs",
    "boyd_richerson_models",
    "collective_risk_pairs",
    "common_interest_pairs",
    "conditional_cooperation_detection_pairs",
    "conditional_cooperation_size_pairs",
    "diffuse_reciprocity_models",
    "group_size_pairs",
    "heterogeneous_forums",
    "linear_agreements",
    "nested_cores_models",
    "nowak_parameters",
    "powerplays",
    "public_good_provisions",
    "public_monitoring_models",
    "sanctions_models",
    "small_error_parameters",
    "war_bargaining_models",
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
