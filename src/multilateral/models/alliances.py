"""Alliance control: bilateral hub-and-spokes against a multilateral body (Cha's powerplay).

Victor Cha asked why the United States built a multilateral alliance in Europe (NATO) but a
"hub and spokes" of separate bilateral treaties in East Asia. His answer, the *powerplay*:
the United States allied with Syngman Rhee's South Korea, Chiang Kai-shek's Republic of
China and Japan not only to deter the communist threat but to *control* these allies, and
above all to keep "rogue allies" from entrapping it in wars it did not want. Bilateral ties
maximize a great power's control over a small ally; in a multilateral body the small allies
can band together and bind the great power instead (the *Lilliputian* strategy), so a great
power seeking control over small powers prefers bilateralism. Cha's 2x2 (2010, pp. 165-166,
"Powerplay: bilateral versus multilateral control") crosses who seeks control with who is
the target [1]_:

====================================  ======================  ======================
who seeks control                     target: a small power   target: a great power
====================================  ======================  ======================
small power(s)                        Q1: multilateralism     Q2: multilateralism
a great power                         Q3: bilateralism        Q4: multilateralism
====================================  ======================  ======================

In the book Cha explains alliance design by two variables, the power (a)symmetry between
the partners and the intensity of their entrapment and abandonment fears [2]_. The table
above is Cha's, as reproduced in the literature; **everything below is this library's
formalization**, stated as explicit assumptions so that the quadrants become theorems.

Two models
----------
:class:`Powerplay` -- who controls whom. A controller of power ``w_C`` seeks to restrain a
target of power ``w_T``. Assumptions: (A1) control is a contest won with probability equal to
one's share of the power engaged (the ratio form, Tullock 1980; Hirshleifer 1989);
(A2) bilaterally, only the two engage: control ``w_C / (w_C + w_T)``; (A3) in a multilateral
body the other members, of total power ``M``, join the sides, a share ``theta`` of their
power with the controller: control ``(w_C + theta M) / (w_C + w_T + M)``; (A4) enforcing
control over the target takes capabilities ``c w_T``, which the controller bears alone
bilaterally and shares in proportion to power multilaterally; (A5) the controller's payoff is
``V * control - burden``, ``V`` the stakes. Then (the mediant inequality) the body gives more
control iff ``theta > w_C / (w_C + w_T)``, and always a smaller burden. With the others
neutral (``theta = 1/2``) this gives Cha's table: a small controller, or a great power facing
a great power, gains control or saves burden in a body (Q1, Q2, Q4), while a great power
facing a small power loses control in a body and prefers bilateralism whenever its stakes in
control exceed :meth:`Powerplay.critical_stakes` (Q3). See :func:`cha_quadrants` and the
claim :data:`multilateral.claims.POWERPLAY_QUADRANTS`.

:class:`AllianceControl` -- entrapment. A great power ``G`` and ``k`` small allies. Each ally
turns "rogue" (attempts a risky action that would drag ``G`` into war) with probability ``p``;
an unrestrained adventure costs ``G`` the entrapment cost ``E``. ``G`` restrains an ally by
threatening to withhold support; a rogue ally backs down with probability ``d``, its
*dependence* on ``G``. Bilaterally, ``G`` decides alone on each spoke, and the spokes cannot
coordinate. In the multilateral body, restraint of a member is a collective decision: the
``k`` members other than the party concerned vote (the party abstains), a motion passes with
``q`` votes, ``G`` votes to restrain, and each other ally backs it independently with
probability ``theta``; a member bound by the body cannot act alone (the commitment is to the
body), so ``G``'s threat works only if the body backs it, with probability

    pi = P(Binomial(k - 1, theta) >= q - 1).

The body also *binds* ``G``: each ally votes to restrain ``G``'s own adventures with
probability ``psi``, so ``G`` is bound with probability ``beta = P(Binomial(k, psi) >= q)``;
and it is worth ``b`` per ally to ``G`` (legitimacy, burden sharing). Per ally, ``G`` expects

    bilateral:     -p E (1 - d)
    multilateral:  b - p E (1 - d pi)

so ``G`` prefers bilateral control iff ``p E d (1 - pi) > b``: the entrapment it fears, times
the restraint the body would forfeit, outweighs the value of being bound with its allies.
Each ally (gain ``a`` from an unrestrained adventure, entrapment cost ``E_A`` from ``G``'s
adventures, which occur with probability ``p_G``, and burden-sharing cost ``c``) prefers the
body iff ``p a d (1 - pi) + p_G E_A beta > c``: it is restrained less, and it can bind the
great power. The two preferences cut the parameter space into four regions;
:meth:`AllianceControl.regime` names them. Under a great power's design, its preference
decides the structure.

References
----------
.. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
   *International Security* 34(3) (the 2x2 "Powerplay: bilateral versus
   multilateral control", pp. 165-166).
.. [2] Cha, V. D. (2016). *Powerplay: The Origins of the American Alliance System in Asia*.
   Princeton University Press.
.. [3] Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics*
   36(4), 461-495 (abandonment and entrapment).
.. [4] Hemmer, C. and Katzenstein, P. J. (2002). Why is there no NATO in Asia? Collective
   identity, regionalism, and the origins of multilateralism. *International Organization*
   56(3), 575-607.
.. [5] Hirshleifer, J. (1989). Conflict and rent-seeking success functions: ratio vs.
   difference models of relative success. *Public Choice* 63(2), 101-112.

Examples
--------
>>> from multilateral.models import AllianceControl, cha_quadrants
>>> cha_quadrants(great=10, small=1, others=4, enforcement_cost=0.1)
{1: 'multilateral', 2: 'multilateral', 3: 'bilateral', 4: 'multilateral'}
>>> asia = AllianceControl(allies=3, adventurism=0.5, entrapment_cost=10, dependence=0.8,
...                        binding_value=1, support=0.3)
>>> asia.great_power_prefers()
'bilateral'
>>> asia.with_(adventurism=0.05).great_power_prefers()
'multilateral'
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from typing import Any

from .._validation import check_positive_int, check_real
from ..errors import InvalidArgumentError

__all__ = [
    "CHA_QUADRANTS",
    "AllianceControl",
    "Powerplay",
    "StructureComparison",
    "brute_force_preference",
    "cha_quadrants",
    "illustrative_alliances",
]

STRUCTURES = ("bilateral", "multilateral")

#: Cha's table (2010, pp. 165-166): quadrant number -> (who seeks control, the target,
#: the structure that offers the most control).
CHA_QUADRANTS: dict[int, tuple[str, str, str]] = {
    1: ("small", "small", "multilateral"),
    2: ("small", "great", "multilateral"),
    3: ("great", "small", "bilateral"),
    4: ("great", "great", "multilateral"),
}


def _structure(structure: Any) -> str:
    if structure not in STRUCTURES:
        raise InvalidArgumentError(
            f"structure must be 'bilateral' or 'multilateral', got {structure!r}")
    return str(structure)


def _prefer(bilateral: Any, multilateral: Any) -> str:
    if bilateral > multilateral:
        return "bilateral"
    if multilateral > bilateral:
        return "multilateral"
    return "indifferent"


def _binomial_tail(n: int, p: Any, at_least: int) -> Any:
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


@dataclass(frozen=True, repr=False)
class StructureComparison:
    """Payoffs under the two structures and the preferred one.

    Attributes
    ----------
    bilateral, multilateral : number
        The payoff under each structure.
    """

    bilateral: Any
    multilateral: Any

    @property
    def preferred(self) -> str:
        """``'bilateral'``, ``'multilateral'`` or ``'indifferent'``."""
        return _prefer(self.bilateral, self.multilateral)

    @property
    def advantage(self) -> Any:
        """How much more the multilateral structure pays (negative: bilateral pays more)."""
        return self.multilateral - self.bilateral

    def __repr__(self) -> str:
        return (f"StructureComparison(bilateral {self.bilateral}, multilateral "
                f"{self.multilateral}: {self.preferred})")


# --------------------------------------------------------------------------------------------
# Powerplay: who controls whom (Cha's four quadrants)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Powerplay:
    """A controller seeking to restrain a target, bilaterally or inside a multilateral body.

    Parameters
    ----------
    controller, target : number
        Power (capabilities) of the state seeking control and of the state to be
        controlled; both ``> 0``.
    others : number, default 0
        Total power of the other members of the would-be multilateral body (``>= 0``).
    alignment : number in [0, 1], default 1/2
        Share of the others' power that sides with the controller (``theta``); ``1/2`` means
        the others are neutral and split evenly.
    stakes : number, default 1
        What prevailing is worth to the controller (``V >= 0``): for a great power facing a
        reckless ally, the cost of entrapment it avoids.
    enforcement_cost : number, default 0
        Capabilities needed per unit of the target's power to control it (``c >= 0``).

    Notes
    -----
    Assumptions (A1)-(A5) of the module docstring. Control is the controller's side's
    share of the power engaged; the burden is the controller's share of the enforcement
    capabilities ``c * target`` relative to its own power:

    * bilateral: control ``w_C / (w_C + w_T)``, burden ``c w_T / w_C``;
    * multilateral: control ``(w_C + theta M) / (w_C + w_T + M)``, burden
      ``c w_T / (w_C + theta M)``.

    The control gain of the body is ``M (theta (w_C + w_T) - w_C) / ((w_C + w_T)
    (w_C + w_T + M))``: positive iff ``theta > w_C / (w_C + w_T)`` (the mediant
    inequality), see :meth:`critical_alignment`. The burden saving ``c w_T theta M /
    (w_C (w_C + theta M))`` is never negative. The payoff difference is linear in the
    stakes, so when the body loses control the controller prefers bilateralism iff
    ``V > burden saving / control loss`` (:meth:`critical_stakes`).

    Examples
    --------
    A great power (10) facing a small ally (1), with four small neutral powers around:

    >>> from multilateral.models import Powerplay
    >>> pp = Powerplay(controller=10, target=1, others=4, enforcement_cost=0.1)
    >>> pp.control("bilateral"), pp.control("multilateral")
    (Fraction(10, 11), Fraction(4, 5))
    >>> pp.compare().preferred
    'bilateral'
    >>> pp.critical_alignment()
    Fraction(10, 11)
    """

    controller: Any
    target: Any
    others: Any = 0
    alignment: Any = Fraction(1, 2)
    stakes: Any = 1
    enforcement_cost: Any = 0

    def __post_init__(self) -> None:
        for name in ("controller", "target"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0,
                                                      open_low=True))
        for name in ("others", "stakes", "enforcement_cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        object.__setattr__(self, "alignment",
                           check_real(self.alignment, "alignment", low=0, high=1))

    def with_(self, **changes: Any) -> Powerplay:
        """A copy with some parameters changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def control(self, structure: str) -> Any:
        """Probability that the controller prevails under ``structure``."""
        wc, wt, m, th = self.controller, self.target, self.others, self.alignment
        if _structure(structure) == "bilateral":
            return wc / (wc + wt)
        return (wc + th * m) / (wc + wt + m)

    def burden(self, structure: str) -> Any:
        """The controller's enforcement burden, as a share of its own capabilities."""
        wc, wt, m, th = self.controller, self.target, self.others, self.alignment
        if _structure(structure) == "bilateral":
            return self.enforcement_cost * wt / wc
        return self.enforcement_cost * wt / (wc + th * m)

    def payoff(self, structure: str) -> Any:
        """``stakes * control - burden`` under ``structure``."""
        return self.stakes * self.control(structure) - self.burden(structure)

    def compare(self) -> StructureComparison:
        """The controller's payoff under both structures."""
        return StructureComparison(self.payoff("bilateral"), self.payoff("multilateral"))

    def critical_alignment(self) -> Any:
        """The alignment above which the body gives the controller *more* control:
        its bilateral share ``w_C / (w_C + w_T)``."""
        return self.controller / (self.controller + self.target)

    def critical_stakes(self) -> Any:
        """The stakes above which the controller prefers bilateralism, or ``None``.

        ``None`` when the body does not lose control (then the body is weakly preferred at
        every stakes, since it never costs more burden).
        """
        loss = self.control("bilateral") - self.control("multilateral")
        if loss <= 0:
            return None
        saving = self.burden("bilateral") - self.burden("multilateral")
        return saving / loss


def cha_quadrants(great: Any, small: Any, others: Any, *, alignment: Any = Fraction(1, 2),
                  stakes: Any = 1, enforcement_cost: Any = 0) -> dict[int, str]:
    """The structure each of Cha's four controller-target pairs prefers.

    Parameters
    ----------
    great, small : number
        Power of a great and of a small power (``great > small > 0``).
    others : number
        Total power of the other members of the would-be multilateral body.
    alignment, stakes, enforcement_cost : number
        As in :class:`Powerplay`, the same in every quadrant.

    Returns
    -------
    dict
        Quadrant number (1-4, numbered as in :data:`CHA_QUADRANTS`) -> ``'bilateral'``,
        ``'multilateral'`` or ``'indifferent'``.

    Notes
    -----
    With ``1/2 <= alignment < great / (great + small)``, ``others > 0`` and
    ``enforcement_cost > 0``, quadrants 1, 2 and 4 prefer the body (equal or more control,
    less burden), and quadrant 3 prefers bilateralism iff ``stakes`` exceeds the great
    power's :meth:`Powerplay.critical_stakes`: Cha's table, as
    :data:`multilateral.claims.POWERPLAY_QUADRANTS` states.

    Examples
    --------
    >>> from multilateral.models import cha_quadrants
    >>> cha_quadrants(great=10, small=1, others=4)  # no enforcement cost: ties at parity
    {1: 'indifferent', 2: 'multilateral', 3: 'bilateral', 4: 'indifferent'}
    """
    great = check_real(great, "great", low=0, open_low=True)
    small = check_real(small, "small", low=0, open_low=True)
    if not great > small:
        raise InvalidArgumentError(f"a great power must outweigh a small one, got great "
                                   f"{great} and small {small}")
    power = {"great": great, "small": small}
    return {
        number: Powerplay(controller=power[who], target=power[whom], others=others,
                          alignment=alignment, stakes=stakes,
                          enforcement_cost=enforcement_cost).compare().preferred
        for number, (who, whom, _) in CHA_QUADRANTS.items()
    }


# --------------------------------------------------------------------------------------------
# AllianceControl: entrapment, restraint and the decision rule
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AllianceControl:
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
    Fraction(125, 49)
    >>> m.with_(quota=3).body_backs_restraint()  # consensus: theta**(k - 1)
    Fraction(9, 100)
    """

    allies: int
    adventurism: Any
    entrapment_cost: Any
    dependence: Any = 1
    binding_value: Any = 0
    support: Any = Fraction(1, 2)
    quota: int | None = None
    adventure_gain: Any = 0
    burden_cost: Any = 0
    great_power_adventurism: Any = 0
    ally_entrapment_cost: Any = 0
    ally_restraint: Any = 1

    def __post_init__(self) -> None:
        k = check_positive_int(self.allies, "allies")
        object.__setattr__(self, "allies", k)
        for name in ("adventurism", "dependence", "support", "great_power_adventurism",
                     "ally_restraint"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0,
                                                      high=1))
        for name in ("entrapment_cost", "binding_value", "adventure_gain", "burden_cost",
                     "ally_entrapment_cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        q = k // 2 + 1 if self.quota is None else check_positive_int(self.quota, "quota")
        if q > k:
            raise InvalidArgumentError(
                f"quota must be at most the {k} voting members (the party concerned "
                f"abstains), got {q}")
        object.__setattr__(self, "quota", q)

    def with_(self, **changes: Any) -> AllianceControl:
        """A copy with some parameters changed (validated again)."""
        return dataclasses.replace(self, **changes)

    @property
    def rule(self) -> str:
        """``'consensus'``, ``'majority'`` or ``'q of k'``."""
        k, q = self.allies, self.quota
        if q == k:
            return "consensus"
        if q == k // 2 + 1:
            return "majority"
        return f"{q} of {k}"

    def body_backs_restraint(self) -> Any:
        """``pi``: probability that the body backs the great power's restraint of a rogue ally."""
        assert self.quota is not None
        return _binomial_tail(self.allies - 1, self.support, self.quota - 1)

    def body_binds_great_power(self) -> Any:
        """``beta``: probability that the allies' votes bind the great power."""
        assert self.quota is not None
        return _binomial_tail(self.allies, self.ally_restraint, self.quota)

    def restraint(self, structure: str) -> Any:
        """Probability that a rogue ally is restrained: ``d`` or ``d pi``."""
        if _structure(structure) == "bilateral":
            return self.dependence
        return self.dependence * self.body_backs_restraint()

    def great_power_payoff(self, structure: str) -> Any:
        """The great power's expected payoff, summed over its ``k`` allies."""
        fear = self.adventurism * self.entrapment_cost
        per_ally = -fear * (1 - self.restraint(structure))
        if structure == "multilateral":
            per_ally += self.binding_value
        return self.allies * per_ally

    def ally_payoff(self, structure: str) -> Any:
        """One ally's expected payoff."""
        gain = self.adventurism * self.adventure_gain * (1 - self.restraint(structure))
        exposure = self.great_power_adventurism * self.ally_entrapment_cost
        if structure == "bilateral":
            return gain - exposure
        return gain - exposure * (1 - self.body_binds_great_power()) - self.burden_cost

    def compare(self) -> StructureComparison:
        """The great power's payoffs under both structures."""
        return StructureComparison(self.great_power_payoff("bilateral"),
                                   self.great_power_payoff("multilateral"))

    def compare_allies(self) -> StructureComparison:
        """One ally's payoffs under both structures."""
        return StructureComparison(self.ally_payoff("bilateral"),
                                   self.ally_payoff("multilateral"))

    def great_power_prefers(self) -> str:
        """``'bilateral'``, ``'multilateral'`` or ``'indifferent'``."""
        return self.compare().preferred

    def allies_prefer(self) -> str:
        """What each (identical) ally prefers."""
        return self.compare_allies().preferred

    def entrapment_threshold(self) -> Any:
        """The entrapment fear ``p E`` above which the great power prefers bilateral control.

        ``b / (d (1 - pi))``; ``None`` when the body forfeits no restraint (``d = 0`` or
        ``pi = 1``), so that no fear makes bilateral control pay.
        """
        forfeited = self.dependence * (1 - self.body_backs_restraint())
        if forfeited == 0:
            return None
        return self.binding_value / forfeited

    def regime(self) -> tuple[str, str]:
        """``(great power's preference, allies' preference)``: one of the four regions.

        ``('bilateral', 'multilateral')`` is a hub-and-spokes the great power imposes on
        allies who would rather bind it; ``('multilateral', 'multilateral')`` a body all
        want (NATO's quadrant in the illustrative scenarios).
        """
        return self.great_power_prefers(), self.allies_prefer()

    def structure(self) -> str:
        """The structure a great power that designs the alliance chooses (ties: multilateral)."""
        return "bilateral" if self.great_power_prefers() == "bilateral" else "multilateral"


def _brute_force_pi(model: AllianceControl) -> Any:
    """``pi`` by enumerating the other allies' votes (a check on the closed form)."""
    assert model.quota is not None
    theta, total = model.support, 0 * model.support
    for votes in product((0, 1), repeat=model.allies - 1):
        yes = sum(votes)
        weight = theta**yes * (1 - theta) ** (len(votes) - yes)
        if 1 + yes >= model.quota:  # the great power votes to restrain
            total += weight
    return total


def _brute_force_payoffs(model: AllianceControl) -> tuple[Any, Any]:
    """The great power's payoffs from the enumerated event tree of one ally, times ``k``.

    Each ally: rogue or not (``p``); a rogue backs down under the threat or not (``d``);
    in the body the threat is made only if the vote passes (every profile of the other
    allies' votes). No closed form is used; a check on :meth:`AllianceControl.compare`.
    """
    assert model.quota is not None
    p, e, d = model.adventurism, model.entrapment_cost, model.dependence
    theta, zero = model.support, 0 * model.adventurism
    bilateral, multilateral = zero, zero + model.binding_value
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


def brute_force_preference(model: AllianceControl) -> str:
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
    return _prefer(*_brute_force_payoffs(model))


def illustrative_alliances() -> dict[str, AllianceControl]:
    """Two *illustrative* parameter sets: East Asia in the early 1950s and Europe in 1949.

    These numbers are not estimates. They encode the qualitative contrast of Cha's
    argument: in East Asia (three allies: Cha's cases Taiwan, South Korea and Japan) rogue
    allies with ambitions of rollback, high entrapment risk, allies sympathetic to each
    other's adventures and little to gain from burden sharing; in Europe (the eleven other
    founding members of NATO) little risk that allies drag the United States into war, much
    value in burden sharing and in binding the allies together, and a consensus rule.

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
