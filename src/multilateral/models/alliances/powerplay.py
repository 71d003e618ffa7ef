"""Cha's powerplay: who controls whom, bilaterally or inside a multilateral body.

:class:`Powerplay` formalizes Cha's 2x2 (who seeks control, over whom) under the assumptions
(A1)-(A5) stated in :mod:`multilateral.models.alliances`; :func:`cha_quadrants` derives the
four quadrants from it.

References
----------
.. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
   *International Security* 34(3), 158-196 (pp. 165-166).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..._namespace import public_dir
from ..._numeric import format_number
from ..._validation import check_probability, check_real
from ...errors import InvalidArgumentError
from ...results import Threshold
from ...types import Number
from ..base import Model
from .comparison import Preference, Structure, StructureComparison, check_structure

__all__ = ["CHA_QUADRANTS", "Powerplay", "cha_quadrants"]
__dir__ = public_dir(__all__)

#: Cha's table (2010, pp. 165-166): quadrant number -> (who seeks control, the target,
#: the structure that offers the most control).
CHA_QUADRANTS: dict[int, tuple[str, str, str]] = {
    1: ("small", "small", "multilateral"),
    2: ("small", "great", "multilateral"),
    3: ("great", "small", "bilateral"),
    4: ("great", "great", "multilateral"),
}



@dataclass(frozen=True, eq=False, repr=False)
class Powerplay(Model):
    """A controller seeking to restrain a target, bilaterally or inside a multilateral body.

    Parameters
    ----------
    controller, controlled : number
        Power (capabilities) of the state seeking control and of the state to be controlled
        (Cha's *target*); both ``> 0``.
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

    The model keeps the model contract (:mod:`multilateral.models.base`; change parameters
    with :meth:`with_`). It induces no game: one state compares its payoff under two
    structures, so there is no ``.game``.

    References
    ----------
    .. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
       *International Security* 34(3), 158-196 (pp. 165-166: the 2x2 of control).
    .. [2] Hirshleifer, J. (1989). Conflict and rent-seeking success functions: ratio vs.
       difference models of relative success. *Public Choice* 63(2), 101-112 (pp. 102-104:
       the ratio form).

    See Also
    --------
    cha_quadrants : Cha's four quadrants from this model.
    AllianceControl : entrapment, restraint and the great power's choice of structure.
    StructureComparison : what :meth:`compare` returns.

    Examples
    --------
    A great power (10) facing a small ally (1), with four small neutral powers around:

    >>> from multilateral.models import Powerplay
    >>> pp = Powerplay(controller=10, controlled=1, others=4, enforcement_cost=0.1)
    >>> pp.control("bilateral"), pp.control("multilateral")
    (Fraction(10, 11), Fraction(4, 5))
    >>> pp.compare().preferred
    'bilateral'
    >>> pp.critical_alignment()
    Fraction(10, 11)
    >>> Powerplay(controller=10, controlled=1, others=4, enforcement_cost=1).critical_stakes()
    Threshold(stakes >= 11/72)
    """

    controller: Number
    controlled: Number
    others: Number = 0
    alignment: Number = Fraction(1, 2)
    stakes: Number = 1
    enforcement_cost: Number = 0

    def __post_init__(self) -> None:
        for name in ("controller", "controlled"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0,
                                                      open_low=True))
        for name in ("others", "stakes", "enforcement_cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0))
        object.__setattr__(self, "alignment",
                           check_probability(self.alignment, "alignment", exact=True))

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={format_number(getattr(self, f))}" for f in (
            "controller", "controlled", "others", "alignment", "stakes", "enforcement_cost"))
        return f"Powerplay({shown})"

    def control(self, structure: Structure) -> Number:
        """Probability that the controller prevails under ``structure``.

        See Also
        --------
        burden : what the control costs.
        critical_alignment : when the body gives more control.
        """
        wc, wt, m, th = self.controller, self.controlled, self.others, self.alignment
        if check_structure(structure) == "bilateral":
            return wc / (wc + wt)
        return (wc + th * m) / (wc + wt + m)

    def burden(self, structure: Structure) -> Number:
        """The controller's enforcement burden, as a share of its own capabilities.

        See Also
        --------
        control : what the burden buys.
        """
        wc, wt, m, th = self.controller, self.controlled, self.others, self.alignment
        if check_structure(structure) == "bilateral":
            return self.enforcement_cost * wt / wc
        return self.enforcement_cost * wt / (wc + th * m)

    def payoff(self, structure: Structure) -> Number:
        """``stakes * control - burden`` under ``structure``.

        See Also
        --------
        control, burden : its two parts.
        compare : both structures at once.
        """
        return self.stakes * self.control(structure) - self.burden(structure)

    def compare(self) -> StructureComparison:
        """The controller's payoff under both structures.

        See Also
        --------
        StructureComparison : what it returns.
        critical_stakes : the stakes at which the preference turns.
        """
        return StructureComparison(self.payoff("bilateral"), self.payoff("multilateral"))

    def critical_alignment(self) -> Number:
        """The alignment above which the body gives the controller *more* control:
        its bilateral share ``w_C / (w_C + w_T)``.

        See Also
        --------
        control : the control under each structure.
        critical_stakes : the threshold on the stakes.
        """
        return self.controller / (self.controller + self.controlled)

    def critical_stakes(self) -> Threshold:
        """The stakes above which the controller prefers bilateralism.

        ``burden saving / control loss`` when the body loses control; at those stakes the
        controller is indifferent. :meth:`Threshold.none <multilateral.results.Threshold.none>`
        when the body does not lose control (then the body is weakly preferred at every
        stakes, since it never costs more burden). Exact for exact parameters.

        See Also
        --------
        critical_alignment : the threshold on the alignment.
        AllianceControl.entrapment_threshold : the entrapment model's threshold.
        """
        loss = self.control("bilateral") - self.control("multilateral")
        if loss <= 0:
            return Threshold.none("stakes")
        saving = self.burden("bilateral") - self.burden("multilateral")
        return Threshold.at(saving / loss, "stakes")


def cha_quadrants(great: Number, small: Number, others: Number, *,
                  alignment: Number = Fraction(1, 2),
                  stakes: Number = 1, enforcement_cost: Number = 0) -> dict[int, Preference]:
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

    References
    ----------
    .. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
       *International Security* 34(3), 158-196 (pp. 165-166).

    See Also
    --------
    Powerplay : the model each quadrant runs.
    CHA_QUADRANTS : Cha's table, the answer the quadrants are checked against.

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
        number: Powerplay(controller=power[who], controlled=power[whom], others=others,
                          alignment=alignment, stakes=stakes,
                          enforcement_cost=enforcement_cost).compare().preferred
        for number, (who, whom, _) in CHA_QUADRANTS.items()
    }
