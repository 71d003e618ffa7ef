"""Claims about reciprocity: Keohane's diffuse against specific reciprocity, Nowak's rules,
and Ohtsuki and Iwasa's leading eight.

``DIFFUSE_RECIPROCITY_SCALES`` and ``NOWAK_RECIPROCITY`` are checked exactly on
:class:`~multilateral.models.Reciprocity` models; ``LEADING_EIGHT`` scans all 4,096 norms
(:func:`~multilateral.models.scan_norms`) at small errors. The claim ``LEADING_EIGHT`` is
not the norms themselves: those are :func:`multilateral.models.leading_eight`.

References
----------
.. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
   Organization* 40(1), 1-27, pp. 4-8.
.. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
   1560-1563.
.. [3] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *J. Theor. Biol.* 231, 107-120.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.NOWAK_RECIPROCITY.verify(max_examples=20).holds
True
>>> ml.claims.LEADING_EIGHT.holds((1e-4, 1e-4, 3.0))  # b/c = 3 is outside the claim's class
False
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from ..errors import InvalidArgumentError
from ..models.reciprocity import Reciprocity, ThresholdReciprocity, leading_eight, scan_norms
from ..strategies import (
    boyd_richerson_models,
    diffuse_reciprocity_models,
    nowak_parameters,
    small_error_parameters,
)
from .base import Claim, register

__all__ = ["BOYD_RICHERSON_GROUP_SIZE", "DIFFUSE_RECIPROCITY_SCALES", "LEADING_EIGHT",
           "NOWAK_RECIPROCITY"]
__dir__ = public_dir(__all__)


def _diffuse_scales(model: Reciprocity) -> bool:
    if not model.diffuse_sustains():
        raise InvalidArgumentError("the claim is about models whose diffuse reciprocity holds "
                                   "(b q delta^K > c)")
    largest = model.largest_specific_group()
    n = model.n
    z_star = int(largest.value) if largest.attainable else None
    below = [] if z_star is None else sorted({n, (n + z_star) // 2, z_star})
    above = [model.critical_group_size() + k for k in (0, 1, 7, 100)]
    return (all(model.specific_sustains(z) for z in below)
            and not any(model.specific_sustains(z) for z in above)
            and all(model.diffuse_sustains(z) for z in below + above))


def _nowak_rules(instance: tuple[Any, Any, Any]) -> bool:
    """TFT (discriminator) beats ALLD against residents exactly when b/c > 1/w (1/q)."""
    b, c, w = instance
    model = Reciprocity(b, c, knowledge=w)
    matrix = model.nowak_game("diffuse").payoffs[..., 0]
    beats = matrix[2, 2] > matrix[1, 2]
    direct = Fraction(b - c) / (1 - w) > b
    return bool(beats == (b * w > c) and direct == (b / c > 1 / w))


def _leading_eight_instance(instance: tuple[float, float, float]) -> bool:
    noise, assessment_error, ratio = instance
    scan = scan_norms(noise, assessment_error)
    return set(scan.cooperative_ess(ratio)) == set(leading_eight())


#: Keohane's contrast made exact: for every population with diffuse reciprocity sustained
#: (``b q delta^K > c``) there is a finite group size ``Z*`` such that specific reciprocity
#: holds for every ``Z <= Z*`` and fails for every ``Z > Z*``, while diffuse reciprocity holds
#: at every size. Instances: :class:`Reciprocity` models (exact).
DIFFUSE_RECIPROCITY_SCALES = register(Claim(
    name="diffuse_reciprocity_scales",
    statement=(
        "Specific reciprocity (tit for tat with each partner, random matching in a population "
        "of Z states) fails above a finite group size Z* = ceil((N-1) delta (b-c) / (c (1 - "
        "delta))), while diffuse reciprocity (help those whose account with the group is in "
        "standing) needs only b q delta^K > c, independent of Z."
    ),
    source=("Keohane (1986), IO 40(1), pp. 4-8 (specific and diffuse reciprocity); Nowak "
            "(2006), Science 314, 1560-1563 (b/c > 1/w and b/c > 1/q)"),
    predicate=_diffuse_scales,
    domain=diffuse_reciprocity_models,
))

#: Nowak's (2006) rules for reciprocity, checked exactly on the payoff matrices: the
#: reciprocator beats always defect among reciprocators iff ``b/c > 1/w`` (direct) and
#: ``b/c > 1/q`` (indirect). Instances: ``(b, c, w)`` with ``w`` also used as ``q``.
NOWAK_RECIPROCITY = register(Claim(
    name="nowak_reciprocity",
    statement=("Direct reciprocity is evolutionarily stable against always defect iff b/c > "
               "1/w; indirect reciprocity iff b/c > 1/q."),
    source="Nowak (2006), Five rules for the evolution of cooperation, Science 314, Table 1",
    predicate=_nowak_rules,
    domain=nowak_parameters,
))

#: Ohtsuki & Iwasa's leading eight at small errors: for execution and assessment errors in
#: ``[1e-7, 9e-4]`` and ``1.1 <= b/c <= 1.9``, the norms among all 4,096 that are a strict ESS
#: and keep residents good and cooperating up to ten times the error rate are exactly the
#: leading eight. Instances: ``(e, mu, b/c)``.
LEADING_EIGHT = register(Claim(
    name="leading_eight",
    statement=("Among the 4,096 pairs of an assessment rule (donor's image, recipient's image, "
               "action) and an action rule, exactly eight maintain cooperation as an ESS when "
               "errors are small and b/c is below 2: the leading eight."),
    source=("Ohtsuki and Iwasa (2004), J. Theor. Biol. 231, 107-120; Ohtsuki and Iwasa "
            "(2006), J. Theor. Biol. 239, 435-444"),
    predicate=_leading_eight_instance,
    domain=small_error_parameters,
))


def _future_gain(model: ThresholdReciprocity, p: Fraction) -> Any:
    """``(L - 1) D(p)`` at ``L - 1 = 1``: what the shadow of the future adds to the gain."""
    return model.with_(delta=Fraction(1, 2)).gain(p) - model.with_(delta=0).gain(p)


def _boyd_richerson(model: ThresholdReciprocity) -> bool:
    """One size step: n -> n + 1 for the strictest reciprocator, and the lenient ones; the
    mechanism: the future gain falls by the factor p (the newcomer must reciprocate too)."""
    import sympy

    n = model.n
    if model.threshold != n - 1:
        raise InvalidArgumentError("the claim is about the strictest reciprocator, "
                                   "threshold = n - 1")
    bigger = model.with_(n=n + 1, threshold=n)
    small, large = model.basin(), bigger.basin()
    if small.basin == 0:
        shrinks = large.basin == 0
    else:
        shrinks = bool(sympy.sympify(large.basin_exact) < sympy.sympify(small.basin_exact))
    half = Fraction(1, 2)
    longer = bigger.critical_discount(half).value > model.critical_discount(half).value
    lenient_unstable = not any(model.with_(threshold=a).is_ess() for a in range(n - 1))
    mechanism = all(_future_gain(bigger, p) == p * _future_gain(model, p) > 0
                    for p in (Fraction(1, 3), half))
    return shrinks and bool(longer) and lenient_unstable and mechanism


#: Boyd and Richerson (1988): reciprocity is hard to sustain in sizable groups. For threshold
#: tit for tat against always defect in random groups of ``n`` (linear n-person prisoner's
#: dilemma, ``B/n < C < B``, ``B`` and ``C`` fixed as ``n`` grows), checked exactly on
#: :class:`ThresholdReciprocity` models with ``threshold = n - 1`` from
#: :func:`~multilateral.strategies.boyd_richerson_models`.
BOYD_RICHERSON_GROUP_SIZE = register(Claim(
    name="boyd_richerson_group_size",
    statement=(
        "In the repeated n-person prisoner's dilemma in randomly formed groups, reciprocity "
        "is harder to sustain the larger the group (Boyd and Richerson's abstract). "
        "Qualification (the library's reading of their model, TFT_a against ALLD; the "
        "lenient/strict split is in Joshi's abstract): only the strictest reciprocator, "
        "TFT_(n-1), which cooperates only if all n - 1 others did, can resist always defect at "
        "all (lenient TFT_a, a < n - 1, keep feeding a lone defector); with the benefit B a "
        "cooperator produces and its cost C held fixed, its basin of attraction, 1 - p*, "
        "shrinks strictly as n grows (empty stays empty), and the continuation probability w "
        "at which reciprocators at a fixed frequency (1/2) gain rises strictly with n, towards "
        "1. Mechanism, checked: what the shadow of the future adds to the reciprocator's gain "
        "falls by exactly the factor p with each added member, because it pays only in groups "
        "made entirely of reciprocators. The one-shot loss C - B/n also grows with n (Olson's "
        "dilution); with B/n held fixed instead the basin need not shrink at small n (library "
        "finding, see ThresholdReciprocity), though it still closes as n grows."
    ),
    source=("Boyd and Richerson (1988), J. Theor. Biol. 132(3), 337-356 (abstract, p. 337); "
            "Joshi (1987), J. Genet. 66(1), 69-84 (abstract, p. 69), for the same strategy "
            "family in his model of structured demes"),
    predicate=_boyd_richerson,
    domain=boyd_richerson_models,
))
