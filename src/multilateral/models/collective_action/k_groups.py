"""Olson's privileged and intermediate groups (k-groups) and Kahler's side payments.

Functions of the members' valuations and costs, not of a provision model: which smallest
subgroup gains from providing even if everyone else free-rides, and what a great power must
pay to bring reluctant members in.

References
----------
.. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
   pp. 48-50 (privileged and intermediate groups).
.. [2] Kahler, M. (1992). Multilateralism with small and large numbers. *International
   Organization* 46(3), 681-708.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import format_number, format_values, readonly
from ..._validation import as_real_vector, check_positive_int, check_real
from ...errors import InvalidArgumentError
from ...types import Number

__all__ = ["KGroup", "SidePayments", "k_group", "linear_k_group", "side_payments"]
__dir__ = public_dir(__all__)


# -- privileged groups and k-groups -------------------------------------------------------------
@dataclass(frozen=True)
class KGroup:
    """The smallest subgroup that gains from providing even if everyone else free-rides.

    Attributes
    ----------
    members : tuple of int
        Its members (the highest valuations).
    value : number
        Their combined valuation of one unit of the good.
    cost : number
        The cost of the unit.

    References
    ----------
    .. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
       pp. 48-50 (privileged and intermediate groups).

    See Also
    --------
    k_group : computes it.
    linear_k_group : ``k`` for the linear public good.

    Examples
    --------
    >>> from multilateral.models import k_group
    >>> group = k_group([2, 3, 1, 2], cost=6)
    >>> group
    KGroup(members=(1, 0, 3), value=Fraction(7, 1), cost=Fraction(6, 1))
    >>> group.size, group.privileged
    (3, False)
    """

    members: tuple[int, ...]
    value: Number
    cost: Number

    @property
    def size(self) -> int:
        """``k``, the number of members.

        See Also
        --------
        privileged : whether ``k = 1``.
        """
        return len(self.members)

    @property
    def privileged(self) -> bool:
        """True when one member gains from providing alone (Olson's privileged group).

        See Also
        --------
        ProvisionEquilibrium.privileged : the same in a provision equilibrium.
        """
        return self.size == 1


def linear_k_group(n: int, r: Number) -> int | None:
    """Olson's ``k`` for the linear public good: ``floor(n / r) + 1``, or ``None`` if none.

    Each unit contributed costs its contributor 1 and returns ``r / n`` to each of the ``n``
    members (the good of :meth:`multilateral.AnonymousGame.public_goods`). If ``k`` members
    contribute a unit each and the rest free-ride, each contributor nets ``k r / n - 1``; the
    subgroup *gains* from providing iff ``k r / n > 1`` (strictly: at ``k r / n = 1`` it is
    indifferent), so the least ``k`` is the least integer above ``n / r``,
    ``floor(n / r) + 1``. ``None`` when even the whole group does not gain (``r <= 1``).
    ``k = 1`` (``r > n``) is a privileged group: one member provides even alone. This is
    Olson's criterion of a group that *can* provide, not a Nash equilibrium of the linear
    game (where free-riding stays dominant while ``r < n``).

    References
    ----------
    .. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
       pp. 48-50 (privileged and intermediate groups).

    See Also
    --------
    k_group : the same question for any valuations.
    multilateral.AnonymousGame.public_goods : the linear public goods game.
    ConditionalCooperation : the linear public good, repeated.

    Examples
    --------
    >>> from multilateral.models import linear_k_group
    >>> linear_k_group(10, 3), linear_k_group(10, 5), linear_k_group(10, 11)
    (4, 3, 1)
    """
    n = check_positive_int(n, "n", 1)
    rr = check_real(r, "r", low=0, open_low=True)
    k = math.floor(n / rr) + 1  # exact for a Fraction r
    return k if k <= n else None


def k_group(valuations: ArrayLike | Sequence[Number], cost: Number = 1) -> KGroup | None:
    """The smallest subgroup whose combined valuation of a unit covers its cost.

    Member ``i`` values one unit of the good at ``v_i``; a subgroup ``S`` can split the cost
    so that each of its members gains (pays ``s_i < v_i``) iff ``sum_S v_i > cost``. The
    smallest such ``S`` is the members with the highest valuations: any ``k``-member set
    has a combined valuation at most the sum of the ``k`` largest, so if some set of size
    ``k`` covers the cost the top ``k`` do, and the least ``k`` for the top sets is the least
    overall. ``None`` when not even the whole group's valuation exceeds the cost.

    References
    ----------
    .. [1] Olson, M. (1965). *The Logic of Collective Action*. Harvard University Press,
       pp. 48-50 (privileged and intermediate groups).

    See Also
    --------
    KGroup : what it returns.
    linear_k_group : the closed form for the linear public good.
    side_payments : what it costs to bring the others in too.
    PublicGoodProvision : voluntary provision with continuous contributions.
    MagicNumber : the club that maximizes expected net benefit.

    Examples
    --------
    >>> from multilateral.models import k_group
    >>> k_group([5, 1, 1, 1], cost=4).privileged
    True
    >>> k_group([2, 3, 1, 2], cost=6).members       # 3 + 2 + 2 = 7 > 6
    (1, 0, 3)
    """
    v, exact = as_real_vector(valuations, "valuations")
    c = check_real(cost, "cost", low=0, open_low=True)
    if np.any(v < 0):
        raise InvalidArgumentError(f"valuations must be >= 0, got {_show(v)}")
    order = sorted(range(v.size), key=lambda i: (-v[i], i))
    running: Any = Fraction(0) if exact else 0.0
    for pos, i in enumerate(order):
        running += v[i]
        if running > c:
            return KGroup(tuple(order[: pos + 1]), running, c)
    return None


# -- side payments --------------------------------------------------------------------------------
@dataclass(frozen=True, repr=False, eq=False)
class SidePayments:
    """The least side payments a large member makes to bring everyone in.

    Attributes
    ----------
    transfers : numpy.ndarray
        The transfer to each member, ``max(0, cost_i - benefit_i)``.
    total : number
        Their sum.
    payer_gain : number
        What the payer gains from the reluctant members' participation.

    References
    ----------
    .. [1] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708.

    See Also
    --------
    side_payments : computes it.

    Examples
    --------
    >>> from multilateral.models import side_payments
    >>> payments = side_payments(benefits=[3, 1, 2], costs=[2, 4, 3], payer_gain=5)
    >>> payments
    SidePayments(total=4, payer_gain=5, pays_for_itself=True)
    >>> payments.reluctant.tolist(), payments.net_gain
    ([False, True, True], Fraction(1, 1))
    """

    transfers: NDArray[np.float64] | NDArray[np.object_]
    total: Fraction | float
    payer_gain: Fraction | float

    @property
    def reluctant(self) -> NDArray[np.bool_]:
        """The members who would not join without a transfer.

        See Also
        --------
        transfers : what each of them is paid.
        """
        return _readonly(np.asarray(self.transfers > 0, dtype=bool))

    @property
    def net_gain(self) -> Fraction | float:
        """``payer_gain - total``.

        See Also
        --------
        pays_for_itself : whether it is positive.
        """
        return self.payer_gain - self.total

    @property
    def pays_for_itself(self) -> bool:
        """True when the payer strictly gains from paying (``net_gain > 0``).

        See Also
        --------
        net_gain : by how much.
        """
        return bool(self.net_gain > 0)

    def __repr__(self) -> str:
        return (f"SidePayments(total={format_number(self.total)}, "
                f"payer_gain={format_number(self.payer_gain)}, "
                f"pays_for_itself={self.pays_for_itself})")


def side_payments(benefits: ArrayLike | Sequence[Number], costs: ArrayLike | Sequence[Number],
                  payer_gain: Number | ArrayLike | Sequence[Number]) -> SidePayments:
    """Kahler's side payments: what a great power must pay others to join an agreement.

    Member ``i`` (other than the payer) gets ``benefits[i]`` from the agreement if it joins
    and bears ``costs[i]`` by joining. Joining is individually rational iff
    ``benefit_i - cost_i + t_i >= 0``; the least transfers are ``t_i = max(0, cost_i -
    benefit_i)`` (members who gain anyway are paid nothing). The payer's gain from bringing
    the reluctant members in is ``payer_gain``: one number (its gain from full participation
    over the coalition of the willing), or one number per member (its gain from each
    member's participation, taken as additive; only the reluctant members' count, since the
    willing join unpaid). The side payments pay for themselves iff the gain strictly exceeds
    the transfers. Kahler's point: great powers make large-number multilateralism possible by
    paying for it, and the bill grows with the number of reluctant members.

    References
    ----------
    .. [1] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708.
    .. [2] Olson, M. (1965), pp. 48-50 (privileged groups; a member with a large stake
       provides for the others).

    See Also
    --------
    SidePayments : what it returns.
    k_group : the smallest group that provides without payments.
    SelfEnforcingAgreement.is_potentially_internally_stable : transfers inside a treaty.

    Examples
    --------
    >>> from multilateral.models import side_payments
    >>> sp = side_payments(benefits=[3, 1, 2], costs=[2, 4, 3], payer_gain=5)
    >>> sp.transfers.tolist(), sp.total, sp.pays_for_itself
    ([Fraction(0, 1), Fraction(3, 1), Fraction(1, 1)], Fraction(4, 1), True)
    >>> side_payments([3, 1, 2], [2, 4, 3], payer_gain=[9, 2, 1]).net_gain   # 2 + 1 - 4
    Fraction(-1, 1)
    """
    ben, ex1 = as_real_vector(benefits, "benefits")
    cst, ex2 = as_real_vector(costs, "costs", ben.size)
    if np.any(cst < 0):
        raise InvalidArgumentError(f"costs must be >= 0, got {_show(cst)}")
    per: NDArray[Any] | None = None
    gain: Any = None
    if isinstance(payer_gain, numbers.Real) and not isinstance(payer_gain, bool):
        gain = check_real(payer_gain, "payer_gain")
        ex3 = isinstance(gain, Fraction)
    else:
        per, ex3 = as_real_vector(payer_gain, "payer_gain", ben.size)
    exact = ex1 and ex2 and ex3
    zero: Any = Fraction(0) if exact else 0.0
    if not exact:
        ben, cst = ben.astype(np.float64), cst.astype(np.float64)
    t = cst - ben
    t[t < 0] = zero
    if per is not None:
        gain = (per if exact else per.astype(np.float64))[t > 0].sum()
    total = t.sum()
    total, gain = (Fraction(total), Fraction(gain)) if exact else (float(total), float(gain))
    return SidePayments(_readonly(t), total, gain)


def _show(values: NDArray[Any]) -> str:
    return format_values(values, digits=6, limit=6)


def _readonly(arr: NDArray[Any]) -> NDArray[Any]:
    return readonly(arr, dtype=None)
