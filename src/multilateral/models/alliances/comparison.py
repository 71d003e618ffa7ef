"""The comparison both alliance models return: payoffs under the two structures.

:class:`StructureComparison` holds one actor's payoff under a bilateral (hub-and-spokes) and
a multilateral structure and names the preferred one; ``check_structure`` validates a
structure's name and ``preference`` compares two payoffs. Used by
:mod:`~multilateral.models.alliances.powerplay` and
:mod:`~multilateral.models.alliances.control`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from ..._namespace import public_dir
from ...errors import InvalidArgumentError
from ...types import Number

__all__ = ["StructureComparison"]
__dir__ = public_dir(__all__)

#: An alliance structure: hub-and-spokes or a multilateral body.
Structure = Literal["bilateral", "multilateral"]
#: Which structure an actor prefers, or neither.
Preference = Literal["bilateral", "multilateral", "indifferent"]

#: The two alliance structures compared.
STRUCTURES: tuple[Structure, Structure] = ("bilateral", "multilateral")


def check_structure(structure: object) -> Structure:
    """``structure`` if it is ``'bilateral'`` or ``'multilateral'``, else an error.

    Raises
    ------
    InvalidArgumentError
        For any other value.

    Examples
    --------
    >>> from multilateral.models.alliances.comparison import check_structure
    >>> check_structure("bilateral")
    'bilateral'
    """
    if structure not in STRUCTURES:
        raise InvalidArgumentError(
            f"structure must be 'bilateral' or 'multilateral', got {structure!r}")
    return cast(Structure, str(structure))


def preference(bilateral: Number, multilateral: Number) -> Preference:
    """``'bilateral'``, ``'multilateral'`` or ``'indifferent'``: which payoff is larger.

    Examples
    --------
    >>> from multilateral.models.alliances.comparison import preference
    >>> preference(1, 2), preference(2, 2)
    ('multilateral', 'indifferent')
    """
    if bilateral > multilateral:
        return "bilateral"
    if multilateral > bilateral:
        return "multilateral"
    return "indifferent"


@dataclass(frozen=True, repr=False)
class StructureComparison:
    """Payoffs under the two structures and the preferred one.

    Attributes
    ----------
    bilateral, multilateral : number
        The payoff under each structure (exact when the model's parameters are).

    References
    ----------
    .. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
       *International Security* 34(3), 158-196 (pp. 165-166: bilateral against
       multilateral control).

    See Also
    --------
    multilateral.models.Powerplay.compare : the controller's comparison.
    multilateral.models.AllianceControl.compare : the great power's comparison.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import StructureComparison
    >>> c = StructureComparison(Fraction(1, 2), Fraction(3, 4))
    >>> c.preferred, c.advantage
    ('multilateral', Fraction(1, 4))
    """

    bilateral: Number
    multilateral: Number

    @property
    def preferred(self) -> Preference:
        """``'bilateral'``, ``'multilateral'`` or ``'indifferent'``.

        See Also
        --------
        advantage : by how much.
        """
        return preference(self.bilateral, self.multilateral)

    @property
    def advantage(self) -> Number:
        """How much more the multilateral structure pays (negative: bilateral pays more).

        See Also
        --------
        preferred : which structure pays more.
        """
        return self.multilateral - self.bilateral

    def __repr__(self) -> str:
        return (f"StructureComparison(bilateral {self.bilateral}, multilateral "
                f"{self.multilateral}: {self.preferred})")
