"""The relative-gains claims: Grieco's impediment, Snidal's numbers, Powell's cost of force.

``RELATIVE_GAINS_BLOCK_COOPERATION``: between two states that weigh relative gains, a game with
a cooperative equilibrium (Harmony, Stag Hunt) loses it exactly when the weight exceeds
``(R - T) / (R - S)``; above it the game is a Prisoners' Dilemma or Chicken. Qualified: below
the threshold relative-gains concerns change nothing about cooperation.

``RELATIVE_GAINS_FADE_WITH_NUMBERS``: if mutual cooperation is an equilibrium among ``n``
states, it stays one among more (Snidal). Qualified: the deal is bilateral and the comparison
is with the mean of all others (outsiders gain nothing); with gains shared among all, the
dilution is not this model's; a state that compares itself only with its leading rival
(the partner, however many outsiders) gains nothing from numbers. The class is Harmony and
Stag Hunt (``R`` the best outcome);
where being exploited pays more than mutual cooperation (``S > R``) relative-gains concerns
*help* cooperation and more states dilute the help, so there the statement is false.

``CHEAP_FORCE_BLOCKS_COOPERATION``: cooperation fails when the cost of fighting is below the
threshold, and neither a higher cost nor (for ``2 R > P``) a lower ``conversion`` of
economic advantage into victory destroys it (Powell). Qualified: in the library's stylized
repeated game (:class:`~multilateral.models.PowellGains`), not Powell's own model.

References
----------
.. [1] Grieco, J. M. (1988). Anarchy and the limits of cooperation. *International
   Organization* 42(3), 485-507.
.. [2] Snidal, D. (1991). Relative gains and the pattern of international cooperation.
   *American Political Science Review* 85(3), 701-726.
.. [3] Powell, R. (1991). Absolute and relative gains in international relations theory.
   *American Political Science Review* 85(4), 1303-1320.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.RELATIVE_GAINS_FADE_WITH_NUMBERS.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.relative_gains import PowellGains, RelativeGains
from ..strategies import powell_models, relative_gains_models
from .base import Claim, register

__all__ = ["CHEAP_FORCE_BLOCKS_COOPERATION", "RELATIVE_GAINS_BLOCK_COOPERATION",
           "RELATIVE_GAINS_FADE_WITH_NUMBERS"]
__dir__ = public_dir(__all__)


def _blocks_at(model: RelativeGains, bound: Fraction) -> bool:
    if model.relative_weight <= bound:
        return model.cooperation_is_equilibrium
    kind = model.oye_type
    if kind is None:            # untyped only at a tie of two transformed payoffs
        payoffs = model.game.trps(0)
        return not model.cooperation_is_equilibrium and len(set(payoffs)) < 4
    return not model.cooperation_is_equilibrium and kind in ("prisoners_dilemma", "chicken")


def _blocks(instance: tuple[RelativeGains, int]) -> bool:
    model = instance[0].with_(n=2)
    bound = model.threshold().exact
    assert bound is not None
    # the drawn weight, and the boundary itself and a weight just above it (a drawn weight
    # rarely lands on the threshold, so "strictly below" would otherwise pass unnoticed)
    probes = [model]
    if bound < 1:
        probes += [model.with_(relative_weight=bound),
                   model.with_(relative_weight=bound + (1 - bound) / 1000)]
    return all(_blocks_at(m, bound) for m in probes)


def _fades(instance: tuple[RelativeGains, int]) -> bool:
    model, more = instance
    return not model.cooperation_is_equilibrium or model.with_(n=more).cooperation_is_equilibrium


def _cheap_force(model: PowellGains) -> bool:
    c = model.critical_cost()
    if not c.attainable:
        return not model.cooperation_possible
    assert c.exact is not None
    if model.cost_of_fighting < c.exact:
        return not model.cooperation_possible
    holds = model.cooperation_possible and model.with_(
        cost_of_fighting=model.cost_of_fighting + 1).cooperation_possible
    if holds and 2 * model.R > model.P:      # gains that convert less never hurt
        holds = model.with_(conversion=model.conversion / 2).cooperation_possible
    return holds


RELATIVE_GAINS_BLOCK_COOPERATION = register(Claim(
    name="relative_gains_block_cooperation",
    statement="between two states that weigh gains relative to each other, a Harmony or Stag "
              "Hunt keeps mutual cooperation as an equilibrium exactly while the weight is at "
              "most (R - T) / (R - S); above it the game becomes a Prisoners' Dilemma or "
              "Chicken (a tie at a crossing is untyped)",
    source="Grieco (1988), IO 42(3), 485-507 (relative gains impede cooperation); Snidal "
           "(1991), APSR 85(3), 701-726 (the weighting); the threshold is the library's "
           "derivation (multilateral.models.RelativeGains.threshold)",
    predicate=_blocks,
    domain=relative_gains_models,
))

RELATIVE_GAINS_FADE_WITH_NUMBERS = register(Claim(
    name="relative_gains_fade_with_numbers",
    statement="if mutual cooperation in a bilateral deal is an equilibrium when states weigh "
              "their gains relative to the mean of the n - 1 others, it remains one among "
              "more states: the relative-gains impediment weakens as the number of states "
              "grows (outsiders to the deal gain nothing; compared with the leading rival "
              "alone instead, numbers change nothing)",
    source="Snidal (1991), APSR 85(3), 701-726; the bilateral-deal reading and its proof are "
           "this library's (multilateral.models.RelativeGains)",
    predicate=_fades,
    domain=relative_gains_models,
))

CHEAP_FORCE_BLOCKS_COOPERATION = register(Claim(
    name="cheap_force_blocks_cooperation",
    statement="when gains convert into military advantage, cooperation is impossible while "
              "the cost of fighting is below a threshold, raising the cost of fighting "
              "never destroys cooperation, and (when conquest pays, 2R > P) neither does "
              "lowering the chance that an economic advantage converts into victory",
    source="Powell (1991), APSR 85(4), 1303-1320 (the argument); the repeated game and its "
           "threshold are the library's stylization (multilateral.models.PowellGains)",
    predicate=_cheap_force,
    domain=powell_models,
))
