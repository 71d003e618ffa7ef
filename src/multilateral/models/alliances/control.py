"""Alliance control: entrapment, restraint and the great power's choice of structure.

:class:`AllianceControl` is the entrapment model stated in :mod:`multilateral.models.alliances`
(a great power and ``allies`` small allies; hub-and-spokes or a multilateral body that votes);
:func:`brute_force_preference` checks its closed form by enumerating the event tree, and
:func:`illustrative_alliances` gives East Asia and Europe as parameter sets.

References
----------
.. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
   *International Security* 34(3), 158-196.
.. [2] Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics*
   36(4), 461-495.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from ..._namespace import public_dir
from ..._numeric import format_number
from ..._validation import check_positive_int, check_probability, check_real
from ...errors import InvalidArgumentError
from ...results import Threshold
from ...types import Number
from ..base import Model
from .comparison import (
    Preference,
    Structure,
    StructureComparison,
    check_structure,
    preference,
)

__all__ = ["AllianceControl", "brute_force_preference", "illustrative_alliances"]
__dir__ = public_dir(__all__)


def _binomial_tail(n: int, p: Number, at_least: int) -> Number:
    """``P(Binomial(n, p) >= at_least)``, exact for exact ``p`` (scipy for floats)."""
    if at_least <= 0:
        return 1 + 0 * p
    if at_least > n:
        return 0 * p
    if isinstance(p, float):
        from scipy.stats import binom

        return float(binom.sf(at_least - 1, n, p))
    return sum((math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(at_least, n + 1)),
               0 * p)


@dataclass(frozen=True, eq=False, repr=False)
class AllianceControl(Model):
    """A great power and ``k`` small allies: hub-and-spokes or a multilateral body.

    Parameters
    ----------
    allies : int
        Number of small allies ``k >= 1``.
    adventurism : number in [0, 1]
        Probability ``p`` that an ally attempts a risky action that would entrap the great
        power.
    entrapment_cost : number
        The great power's cost ``E >= 0`` when an adventure goes unrestrained.
    dependence : number in [0, 1], default 1
        Probability ``d`` that a rogue ally backs down when the great power withholds its
        support (the great power's leverage, the ally's dependence on it).
    binding_value : number, default 0
        Value ``b >= 0`` per ally to the great power of the multilateral structure:
        legitimacy, burden sharing, being bound together with its allies.
    support : number in [0, 1], default 1/2
        Probability ``theta`` that another ally votes with the great power to restrain a
        rogue ally.
    quota : int, optional
        Votes needed for a decision of the body, among the ``k`` members other than the
        party concerned (which abstains): ``q = k`` is consensus, the default
        ``k // 2 + 1`` a simple majority.
    adventure_gain : number, default 0
        What a rogue ally gains from an unrestrained adventure (``a >= 0``).
    burden_cost : number, default 0
        What the multilateral structure costs each ally (``c >= 0``: burden sharing).
    great_power_adventurism : number in [0, 1], default 0
        Probability ``p_G`` that the great power attempts a risky action of its own.
    ally_entrapment_cost : number, default 0
        An ally's cost ``E_A >= 0`` when the great power's adventure goes unrestrained.
    ally_restraint : number in [0, 1], default 1
        Probability ``psi`` that an ally votes to bind the great power (the Lilliputian
        vote).

    Notes
    -----
    The module docstring states the assumptions. Closed forms, per ally:

    * the body backs ``G``'s restraint with ``pi = P(Bin(k - 1, theta) >= q - 1)``
      (:meth:`body_backs_restraint`) and binds ``G`` with ``beta = P(Bin(k, psi) >= q)``
      (:meth:`body_binds_great_power`);
    * ``G``: bilateral ``-p E (1 - d)``, multilateral ``b - p E (1 - d pi)``; ``G`` prefers
      bilateral iff ``p E d (1 - pi) > b``, i.e. iff its entrapment fear ``p E`` exceeds
      :meth:`entrapment_threshold` ``= b / (d (1 - pi))``;
    * an ally: bilateral ``p a (1 - d) - p_G E_A``, multilateral
      ``p a (1 - d pi) - p_G E_A (1 - beta) - c``.

    Under a majority rule ``pi`` tends to 1 as ``k`` grows if ``theta > 1/2`` (the body
    reliably backs restraint) and to 0 if ``theta < 1/2``; under consensus
    ``pi = theta**(k - 1)`` falls geometrically with the number of allies.

    The model keeps the model contract (:mod:`multilateral.models.base`; change parameters
    with :meth:`with_`; probabilities outside [0, 1] raise
    :class:`~multilateral.errors.InvalidProbabilityError`). It induces no game: the great
    power and the allies each compare their payoff under two structures, and the great
    power's preference decides; so there is no ``.game``.

    References
    ----------
    .. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
       *International Security* 34(3), 158-196 (pp. 158-166: rogue allies and control).
    .. [2] Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics*
       36(4), 461-495 (pp. 466-468: abandonment and entrapment).

    See Also
    --------
    Powerplay : who controls whom, by power alone.
    brute_force_preference : the great power's choice from the enumerated event tree.
    illustrative_alliances : East Asia and Europe as parameter sets.

    Examples
    --------
    Three allies, an even chance that each turns rogue, a simple majority:

    >>> from fractions import Fraction
    >>> from multilateral.models import AllianceControl
    >>> m = AllianceControl(allies=3, adventurism=Fraction(1, 2), entrapment_cost=10,
    ...                     dependence=Fraction(4, 5), binding_value=1,
    ...                     support=Fraction(3, 10))
    >>> m.rule, m.body_backs_restraint()
    ('majority', Fraction(51, 100))
    >>> m.compare()
    StructureComparison(bilateral -3, multilateral -147/25: bilateral)
    >>> m.entrapment_threshold()  # the fear p E = 5 exceeds it
    Threshold(adventurism * entrapment_cost >= 125/49)
    >>> m.with_(quota=3).body_backs_restraint()  # consensus: theta**(k - 1)
    Fraction(9, 100)
    """

    allies: int
    adventurism: Number
    entrapment_cost: Number
    dependence: Number = 1
    binding_value: Number = 0
    support: Number = Fraction(1, 2)
    quota: int | None = None
    adventure_gain: Number = 0
    burden_cost: Number = 0
    great_power_adventurism: Number = 0
    ally_entrapment_cost: Number = 0
    ally_restraint: Number = 1

    def __post_init__(self) -> None:
        k = check_positive_int(self.allies, "allies")
        object.__setattr__(self, "allies", k)
        for name in ("adventurism", "dependence", "support", "great_power_adventurism",
                     "ally_restraint"):
            value = check_real(getattr(self, name), name)  # kept exact when rational
            check_probability(value, name)  # InvalidProbabilityError outside [0, 1]
            object.__setattr__(self, name, value)
        for name in ("entrapment_cost", "binding_value", "adventure_gain", "burden_cost",
                     "ally_entrapment_cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        q = k // 2 + 1 if self.quota is None else check_positive_int(self.quota, "quota")
        if q > k:
            raise InvalidArgumentError(
                f"quota must be at most the {k} voting members (the party concerned "
                f"abstains), got {q}")
        object.__setattr__(self, "quota", q)

    def __repr__(self) -> str:
        # the parameters that differ from their defaults, cut to one line of a report
        shown = [f"{f.name}={format_number(getattr(self, f.name))}"
                 for f in dataclasses.fields(self)
                 if f.default is dataclasses.MISSING or getattr(self, f.name) != f.default]
        text = ", ".join(shown)
        if len(text) > 130:
            text = text[:text.rfind(", ", 0, 125)] + ", ..."
        return f"AllianceControl({text})"

    @property
    def rule(self) -> str:
        """``'consensus'``, ``'majority'`` or ``'q of k'``.

        See Also
        --------
        body_backs_restraint : what the rule does to restraint.
        """
        k, q = self.allies, self.quota
        if q == k:
            return "consensus"
        if q == k // 2 + 1:
            return "majority"
        return f"{q} of {k}"

    def body_backs_restraint(self) -> Number:
        """``pi``: probability that the body backs the great power's restraint of a rogue ally.

        See Also
        --------
        body_binds_great_power : the allies' votes against the great power.
        restraint : the restraint it gives.
        """
        assert self.quota is not None
        return _binomial_tail(self.allies - 1, self.support, self.quota - 1)

    def body_binds_great_power(self) -> Number:
        """``beta``: probability that the allies' votes bind the great power.

        See Also
        --------
        body_backs_restraint : the body's votes on restraining an ally.
        ally_payoff : where it enters.
        """
        assert self.quota is not None
        return _binomial_tail(self.allies, self.ally_restraint, self.quota)

    def restraint(self, structure: Structure) -> Number:
        """Probability that a rogue ally is restrained: ``d`` or ``d pi``.

        See Also
        --------
        body_backs_restraint : ``pi``.
        great_power_payoff : where it enters.
        """
        if check_structure(structure) == "bilateral":
            return self.dependence
        return self.dependence * self.body_backs_restraint()

    def great_power_payoff(self, structure: Structure) -> Number:
        """The great power's expected payoff, summed over its ``k`` allies.

        See Also
        --------
        ally_payoff : an ally's payoff.
        compare : both structures at once.
        """
        fear = self.adventurism * self.entrapment_cost
        per_ally: Number = -fear * (1 - self.restraint(structure))
        if structure == "multilateral":
            per_ally += self.binding_value
        return self.allies * per_ally

    def ally_payoff(self, structure: Structure) -> Number:
        """One ally's expected payoff.

        See Also
        --------
        great_power_payoff : the great power's payoff.
        compare_allies : both structures at once.
        """
        gain = self.adventurism * self.adventure_gain * (1 - self.restraint(structure))
        exposure = self.great_power_adventurism * self.ally_entrapment_cost
        if structure == "bilateral":
            return gain - exposure
        return gain - exposure * (1 - self.body_binds_great_power()) - self.burden_cost

    def compare(self) -> StructureComparison:
        """The great power's payoffs under both structures.

        See Also
        --------
        compare_allies : the allies' comparison.
        great_power_prefers : the preferred structure.
        brute_force_preference : the same answer by enumeration.
        """
        return StructureComparison(self.great_power_payoff("bilateral"),
                                   self.great_power_payoff("multilateral"))

    def compare_allies(self) -> StructureComparison:
        """One ally's payoffs under both structures.

        See Also
        --------
        compare : the great power's comparison.
        """
        return StructureComparison(self.ally_payoff("bilateral"),
                                   self.ally_payoff("multilateral"))

    def great_power_prefers(self) -> Preference:
        """``'bilateral'``, ``'multilateral'`` or ``'indifferent'``.

        See Also
        --------
        allies_prefer : the allies' preference.
        regime : both at once.
        brute_force_preference : the same answer by enumeration.
        """
        return self.compare().preferred

    def allies_prefer(self) -> Preference:
        """What each (identical) ally prefers.

        See Also
        --------
        great_power_prefers : the great power's preference.
        """
        return self.compare_allies().preferred

    def entrapment_threshold(self) -> Threshold:
        """The entrapment fear ``p E`` above which the great power prefers bilateral control.

        ``b / (d (1 - pi))``, a threshold on the product ``adventurism * entrapment_cost``
        (exact for exact parameters); at it the great power is indifferent.
        :meth:`Threshold.none <multilateral.results.Threshold.none>` when the body forfeits
        no restraint (``d = 0`` or ``pi = 1``), so that no fear makes bilateral control pay.

        See Also
        --------
        great_power_prefers : the preference the threshold decides.
        Powerplay.critical_stakes : the powerplay model's threshold.
        """
        forfeited = self.dependence * (1 - self.body_backs_restraint())
        if forfeited == 0:
            return Threshold.none("adventurism * entrapment_cost")
        return Threshold.at(self.binding_value / forfeited, "adventurism * entrapment_cost")

    def regime(self) -> tuple[Preference, Preference]:
        """``(great power's preference, allies' preference)``: one of the four regions.

        ``('bilateral', 'multilateral')`` is a hub-and-spokes the great power imposes on
        allies who would rather bind it; ``('multilateral', 'multilateral')`` a body all
        want (NATO's quadrant in the illustrative scenarios).

        See Also
        --------
        great_power_prefers, allies_prefer : its two parts.
        structure : what a great power that designs the alliance picks.
        """
        return self.great_power_prefers(), self.allies_prefer()

    def structure(self) -> Structure:
        """The structure a great power that designs the alliance chooses (ties: multilateral).

        See Also
        --------
        great_power_prefers : the preference it follows.
        regime : both actors' preferences.
        """
        return "bilateral" if self.great_power_prefers() == "bilateral" else "multilateral"


def _brute_force_pi(model: AllianceControl) -> Number:
    """``pi`` by enumerating the other allies' votes (a check on the closed form)."""
    assert model.quota is not None
    theta, total = model.support, 0 * model.support
    for votes in product((0, 1), repeat=model.allies - 1):
        yes = sum(votes)
        weight = theta**yes * (1 - theta) ** (len(votes) - yes)
        if 1 + yes >= model.quota:  # the great power votes to restrain
            total += weight
    return total


def _brute_force_payoffs(model: AllianceControl) -> tuple[Number, Number]:
    """The great power's payoffs from the enumerated event tree of one ally, times ``k``.

    Each ally: rogue or not (``p``); a rogue backs down under the threat or not (``d``);
    in the body the threat is made only if the vote passes (every profile of the other
    allies' votes). No closed form is used; a check on :meth:`AllianceControl.compare`.
    """
    assert model.quota is not None
    p, e, d = model.adventurism, model.entrapment_cost, model.dependence
    theta, zero = model.support, 0 * model.adventurism
    bilateral: Number = zero
    multilateral: Number = zero + model.binding_value
    for rogue, backs_down in product((0, 1), repeat=2):
        weight = (p if rogue else 1 - p) * (d if backs_down else 1 - d)
        if not rogue:
            continue
        bilateral += weight * (0 if backs_down else -e)
        for votes in product((0, 1), repeat=model.allies - 1):
            yes = sum(votes)
            w = weight * theta**yes * (1 - theta) ** (len(votes) - yes)
            restrained = backs_down and 1 + yes >= model.quota
            multilateral += w * (0 if restrained else -e)
    return model.allies * bilateral, model.allies * multilateral


def brute_force_preference(model: AllianceControl) -> Preference:
    """The great power's preferred structure, from the enumerated event tree.

    No closed form is used: each ally's rogue attempt, its backing down and every profile of
    the other allies' votes are enumerated (``2**(k - 1)`` profiles), so this is an
    independent check on :meth:`AllianceControl.great_power_prefers`, and the predicate of
    the claim :data:`multilateral.claims.ENTRAPMENT_BILATERAL`.

    Parameters
    ----------
    model : AllianceControl
        A model with a quota (a body that votes).

    Returns
    -------
    str
        ``'bilateral'``, ``'multilateral'`` or ``'indifferent'``.

    References
    ----------
    .. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
       *International Security* 34(3), 158-196 (pp. 158-166).

    See Also
    --------
    AllianceControl.great_power_prefers : the same answer from the closed form.

    Examples
    --------
    >>> from multilateral.models.alliances import brute_force_preference
    >>> from multilateral.models import illustrative_alliances
    >>> model = illustrative_alliances()["east_asia"]
    >>> brute_force_preference(model) == model.great_power_prefers()
    True
    """
    return preference(*_brute_force_payoffs(model))


def illustrative_alliances() -> dict[str, AllianceControl]:
    """Two *illustrative* parameter sets: East Asia in the early 1950s and Europe in 1949.

    These numbers are not estimates. They encode the qualitative contrast of Cha's
    argument: in East Asia (three allies: Cha's cases Taiwan, South Korea and Japan) rogue
    allies with ambitions of rollback, high entrapment risk, allies sympathetic to each
    other's adventures and little to gain from burden sharing; in Europe (the eleven other
    founding members of NATO) little risk that allies drag the United States into war, much
    value in burden sharing and in binding the allies together, and a consensus rule.

    References
    ----------
    .. [1] Cha, V. D. (2016). *Powerplay: The Origins of the American Alliance System in
       Asia*. Princeton University Press (ch. 1-2: the East Asian cases).
    .. [2] Hemmer, C. and Katzenstein, P. J. (2002). Why is there no NATO in Asia?
       *International Organization* 56(3), 575-607 (pp. 575-580).

    See Also
    --------
    AllianceControl : the model these parameter sets instantiate.
    multilateral.cases.alliances : the sourced treaty data (NATO, the hub and spokes).

    Examples
    --------
    >>> from multilateral.models import illustrative_alliances
    >>> {name: m.regime() for name, m in illustrative_alliances().items()}
    {'east_asia': ('bilateral', 'multilateral'), 'europe': ('multilateral', 'multilateral')}
    """
    half = Fraction(1, 2)
    east_asia = AllianceControl(
        allies=3, adventurism=half, entrapment_cost=10, dependence=Fraction(4, 5),
        binding_value=1, support=Fraction(1, 3), adventure_gain=4, burden_cost=1,
        great_power_adventurism=Fraction(1, 10), ally_entrapment_cost=5)
    europe = AllianceControl(
        allies=11, adventurism=Fraction(1, 20), entrapment_cost=10, dependence=Fraction(4, 5),
        binding_value=2, support=Fraction(3, 4), quota=11, adventure_gain=1,
        burden_cost=half, great_power_adventurism=Fraction(1, 10), ally_entrapment_cost=10)
    return {"east_asia": east_asia, "europe": europe}
