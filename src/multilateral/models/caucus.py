"""Caucus power: a bloc voting as one inside a one-member-one-vote body.

States compete *within* institutions by caucusing (Moreland 2019): a caucus that votes as one
bloc (democracies in the UN General Assembly, the G7 inside the G20). :func:`caucus_gain`
compares the bloc's power with the sum of its members' power when each votes alone, in closed
form for one-member-one-vote bodies of any size; :func:`multilateral.solvers.caucus_power`
does the same for any weighted game. Competition *without* institutions, by creating new
fora, is :mod:`multilateral.models.forum_choice`.

References
----------
.. [1] Moreland, W. (2019). *The Purpose of Multilateralism: A Framework for Democracies in
   a Geopolitically Competitive World*. Brookings Institution (Foreign Policy, September).
.. [2] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of the
   Royal Statistical Society* 109(1), 53-57.
.. [3] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.

Examples
--------
>>> from multilateral.models import caucus_gain
>>> caucus_gain(n=193, caucus=30, quota=97).gain("shapley_shubik") > 0
True

The caucus's voting game is :class:`multilateral.WeightedVotingGame`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .._namespace import public_dir
from .._validation import check_positive_int
from ..errors import InvalidArgumentError

__all__ = ["CaucusGain", "caucus_gain"]
__dir__ = public_dir(__all__)

#: A caucus power index (the keys of :attr:`CaucusGain.together` and ``.apart``).
CaucusIndex = Literal["shapley_shubik", "banzhaf_normalized", "banzhaf", "banzhaf_member"]


@dataclass(frozen=True, repr=False)
class CaucusGain:
    """A caucus voting as one bloc against its members voting apart, in closed form.

    Attributes
    ----------
    n, caucus, quota : int
        Body size ``n``, caucus size ``c`` and the votes needed ``q`` (one vote each).
    together, apart : dict
        By index, the bloc's value and the sum of the caucus members' values when everyone
        votes alone: ``"shapley_shubik"``; ``"banzhaf_normalized"`` (the share of all
        swings); ``"banzhaf"`` (absolute: the probability that the vote is decisive,
        Penrose's measure). Absolute values are probabilities of events that are not
        exclusive, so they do not add up across members; ``"banzhaf_member"`` compares
        what one caucus member has: apart, its own absolute Banzhaf measure; together, its
        indirect measure, the probability that it decides the caucus' internal simple
        majority times the probability that the bloc decides the body (Penrose 1946).

    References
    ----------
    .. [1] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of
       the Royal Statistical Society* 109(1), 53-57 (pp. 53-55: the indirect measure).
    .. [2] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
       power in a committee system. *American Political Science Review* 48(3), 787-792.

    See Also
    --------
    caucus_gain : computes it.
    multilateral.solvers.caucus_power : the same comparison for any weighted voting game.

    Examples
    --------
    >>> from multilateral.models import caucus_gain
    >>> g = caucus_gain(n=5, caucus=2)
    >>> g
    CaucusGain(2 of 5, quota 3: Shapley-Shubik 0.5 together vs 0.4 apart)
    >>> g.gain(), g.ratio()
    (Fraction(1, 10), Fraction(5, 4))
    """

    n: int
    caucus: int
    quota: int
    together: dict[str, Fraction]
    apart: dict[str, Fraction]

    def gain(self, index: CaucusIndex = "shapley_shubik") -> Fraction:
        """``together - apart`` for ``index``.

        See Also
        --------
        ratio : the same comparison as a ratio.
        """
        if index not in self.together:
            raise InvalidArgumentError(
                f"index must be one of {sorted(self.together)}, got {index!r}")
        return self.together[index] - self.apart[index]

    def ratio(self, index: CaucusIndex = "shapley_shubik") -> Fraction:
        """``together / apart`` for ``index`` (every member has some power apart).

        See Also
        --------
        gain : the same comparison as a difference.
        """
        self.gain(index)
        return self.together[index] / self.apart[index]

    def __repr__(self) -> str:
        t, a = self.together["shapley_shubik"], self.apart["shapley_shubik"]
        return (f"CaucusGain({self.caucus} of {self.n}, quota {self.quota}: "
                f"Shapley-Shubik {float(t):.4g} together vs {float(a):.4g} apart)")


def caucus_gain(n: int, caucus: int, quota: int | None = None) -> CaucusGain:
    """The power of a caucus of ``caucus`` members of a one-member-one-vote body.

    Parameters
    ----------
    n : int
        Body size ``n`` (e.g. 193 for the UN General Assembly).
    caucus : int
        Caucus size ``c``, ``1 <= c <= n``.
    quota : int, optional
        Votes needed to pass, ``1 <= q <= n``; default a simple majority ``n // 2 + 1``.

    Returns
    -------
    CaucusGain

    Notes
    -----
    Apart, each member has Shapley-Shubik index ``1/n``, absolute Banzhaf measure
    ``C(n - 1, q - 1) / 2**(n - 1)`` and normalized Banzhaf ``1/n``. Together, the bloc
    (weight ``c``) faces ``m = n - c`` single voters: it swings the ``sum_{s = q - c}^{q - 1}
    C(m, s)`` coalitions of ``s`` singles, a single swings ``C(m - 1, q - 1) + C(m - 1,
    q - 1 - c)`` (with the bloc out or in), and the bloc is pivotal in a random order iff
    ``q - c <= s <= q - 1`` singles precede it, each ``s`` in ``0..m`` equally likely. Exact
    (integer and :class:`~fractions.Fraction` arithmetic) for any ``n``; it agrees with
    :func:`multilateral.solvers.caucus_power` on ``WeightedVotingGame([1] * n, q)``.

    References
    ----------
    .. [1] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of
       the Royal Statistical Society* 109(1), 53-57 (pp. 53-55: the indirect measure).
    .. [2] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
       power in a committee system. *American Political Science Review* 48(3), 787-792.

    See Also
    --------
    multilateral.solvers.caucus_power : the same comparison for any weighted voting game.
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : the indices.

    Examples
    --------
    >>> from multilateral.models import caucus_gain
    >>> g = caucus_gain(n=3, caucus=2)
    >>> g.together["shapley_shubik"], g.apart["shapley_shubik"]
    (Fraction(1, 1), Fraction(2, 3))

    A caucus of 30 in a body of 193 deciding by simple majority (97 votes):

    >>> unga = caucus_gain(n=193, caucus=30)
    >>> [round(float(unga.ratio(i)), 2) for i in ("shapley_shubik", "banzhaf_normalized",
    ...                                           "banzhaf_member")]
    [1.18, 3.91, 2.47]
    """
    n = check_positive_int(n, "n")
    c = check_positive_int(caucus, "caucus")
    if c > n:
        raise InvalidArgumentError(f"caucus must be at most the {n} members, got {c}")
    q = n // 2 + 1 if quota is None else check_positive_int(quota, "quota")
    if q > n:
        raise InvalidArgumentError(f"quota must be at most the {n} members, got {q}")
    m = n - c
    lo, hi = max(0, q - c), min(m, q - 1)
    bloc_swings = sum(math.comb(m, s) for s in range(lo, hi + 1))
    # a single swings with the bloc out (q - 1 others) or in (q - 1 - c others, if >= 0)
    single_swings = (math.comb(m - 1, q - 1) + (math.comb(m - 1, q - 1 - c) if q > c else 0)
                     if m else 0)
    pivotal_positions = max(0, hi - lo + 1)
    total_swings = bloc_swings + m * single_swings
    individual_banzhaf = Fraction(math.comb(n - 1, q - 1), 2 ** (n - 1))
    bloc_banzhaf = Fraction(bloc_swings, 2**m)
    inside = Fraction(math.comb(c - 1, c // 2), 2 ** (c - 1))  # decisive in the caucus majority
    together = {
        "shapley_shubik": Fraction(pivotal_positions, m + 1),
        "banzhaf_normalized": Fraction(bloc_swings, total_swings) if total_swings else
        Fraction(0),
        "banzhaf": bloc_banzhaf,
        "banzhaf_member": inside * bloc_banzhaf,
    }
    apart = {
        "shapley_shubik": Fraction(c, n),
        "banzhaf_normalized": Fraction(c, n),
        "banzhaf": c * individual_banzhaf,
        "banzhaf_member": individual_banzhaf,
    }
    return CaucusGain(n, c, q, together, apart)
