"""The optimal mediator in a two-type crisis (after Hörner, Morelli and Squintani 2015).

Two states dispute a good worth 1. Each is strong (a *hawk*) with probability
``hawk_probability`` (``q``) or weak (a dove), privately. In a war a hawk beats a dove with
probability ``hawk_advantage`` (``θ > 1/2``), equals win with probability 1/2, and each side
pays ``war_cost`` (``c``): a hawk's war against a dove is worth ``θ - c``, a dove's against a
hawk ``1 - θ - c``, a war between equals ``1/2 - c``. Any settlement beats war for both if
types are known, so war comes from private information: a dove who claims to be a hawk
gets a hawk's share.

Three institutions are compared by the least probability of war each can reach:

* **arbitration** (:meth:`OptimalMediation.arbitration`): a third party who collects the
  types and *imposes* a war probability and a split, subject to truth-telling and to
  each type preferring the mechanism to war against the prior (interim participation);
* **direct talks** (:meth:`OptimalMediation.direct_talks`): the states reveal their types
  to each other (a revealing equilibrium of cheap talk) and then settle or fight; a hawk
  who *knows* it faces a dove accepts no less than ``θ - c``;
* **mediation** (:meth:`OptimalMediation.mediation`): a mediator collects the types in
  confidence and makes non-binding recommendations. It implements arbitration's outcome by
  recommending, in a dispute between a hawk and a dove, sometimes the equal split that two
  hawks always get, so that a hawk told to split equally does not know it faces a dove, and
  otherwise a share the hawk accepts even knowing it (:meth:`OptimalMediation.recommendation`);
  with few hawks it also, in a dispute between two doves, sometimes tells one ``s`` and the
  other ``1 - s`` (:meth:`OptimalMediation.dove_split_probability`), so that a hawk posing
  as a dove cannot tell from its recommendation that it faces a dove it could beat (the
  randomized dove-dove split that a linear program over all mediators finds, in the tests).
  The library checks every obedience and lie-then-disobey constraint exactly
  (:meth:`OptimalMediation.obedience_slacks`; the tests check the scheme again by brute
  force over every report and every disobedience). The scheme is obeyed at all 2850 points
  of the grid ``q`` in multiples of 1/20, ``θ`` of 1/20, ``c`` of 1/40 in ``(0, 2/5]``
  (without the dove-dove randomization, at 78 of them it was not). Should it fail,
  ``credible`` is False and :meth:`OptimalMediation.mediation` reports only the certified
  outcome of relaying the types (direct talks'), never the unobeyed scheme's.

Hörner, Morelli and Squintani's abstract states the findings reproduced: a mediator who
only makes unenforceable recommendations can be as effective as an arbitrator, "by using
recommendation strategies that do not reveal that one player is weak to a strong opponent",
and simple unmediated protocols cannot do as well, as they preclude confidentiality. The
closed forms below (the library's derivation in its version of their two-type model) say
when: direct talks secure peace iff ``θ - c <= 1/2``; arbitration and mediation secure peace
iff ``(1 - q)(θ - c - 1/2) <= q c``, a condition that also holds for some ``θ - c > 1/2``
(a likely hawk opponent makes the hawk's war less attractive, which talks that reveal the
opponent's type throw away).

References
----------
.. [1] Hörner, J., Morelli, M. and Squintani, F. (2015). Mediation and peace. *Review of
   Economic Studies* 82(4), 1483-1501 (p. 1483, the abstract; the model's two types, the
   war payoffs and the pages of its propositions were not consulted: the model here is the
   library's version of its setting).
.. [2] Myerson, R. B. (1982). Optimal coordination mechanisms in generalized
   principal-agent problems. *Journal of Mathematical Economics* 10(1), 67-81 (the
   revelation principle for mediated communication).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from .._numeric import format_number, is_exact
from .._validation import check_probability, check_real
from ..errors import InvalidArgumentError
from ..types import Number
from .base import Model
from .crisis import WarRiskComparison

__all__ = ["Mechanism", "OptimalMediation"]
__dir__ = public_dir(__all__)

_F = Fraction
_HALF = Fraction(1, 2)


@dataclass(frozen=True, repr=False)
class Mechanism:
    """An optimal symmetric mechanism of one institution.

    Attributes
    ----------
    institution : str
        ``'arbitration'``, ``'direct talks'`` or ``'mediation'``.
    war_hawks : number
        Probability of war when both states are hawks.
    war_mixed : number
        Probability of war between a hawk and a dove (two doves never fight).
    hawk_share : number
        The hawk's share of the good when a hawk and a dove settle.
    war_probability : number
        The ex ante probability of war.
    credible : bool
        For mediation: whether the library's confidential scheme is obeyed, so that the
        numbers are arbitration's; when False they are those of a mediator who relays the
        types (direct talks' outcome, obeyed), an upper bound on the optimal mediator's war
        risk. Always True for the other institutions.

    See Also
    --------
    OptimalMediation : computes it.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4),
    ...                                     hawk_advantage=1, war_cost=Fraction(1, 10))
    >>> crisis.arbitration()
    Mechanism(arbitration: war 3/8; hawks 2/3, hawk-dove 0, hawk's share 4/5)
    """

    institution: str
    war_hawks: Number
    war_mixed: Number
    hawk_share: Number
    war_probability: Number
    credible: bool = True

    def __repr__(self) -> str:
        note = "" if self.credible else "; confidential scheme not obeyed: relays the types"
        return (f"Mechanism({self.institution}: war {format_number(self.war_probability)}; "
                f"hawks {format_number(self.war_hawks)}, hawk-dove "
                f"{format_number(self.war_mixed)}, hawk's share "
                f"{format_number(self.hawk_share)}{note})")


def _solve3(rows: list[tuple[_F, _F, _F, _F]]) -> tuple[_F, _F, _F] | None:
    """Solve three equations ``a x + b y + c z = d`` exactly (Cramer), or None if singular."""
    (a1, b1, c1, d1), (a2, b2, c2, d2), (a3, b3, c3, d3) = rows
    det = a1 * (b2 * c3 - b3 * c2) - b1 * (a2 * c3 - a3 * c2) + c1 * (a2 * b3 - a3 * b2)
    if det == 0:
        return None
    dx = d1 * (b2 * c3 - b3 * c2) - b1 * (d2 * c3 - d3 * c2) + c1 * (d2 * b3 - d3 * b2)
    dy = a1 * (d2 * c3 - d3 * c2) - d1 * (a2 * c3 - a3 * c2) + c1 * (a2 * d3 - a3 * d2)
    dz = a1 * (b2 * d3 - b3 * d2) - b1 * (a2 * d3 - a3 * d2) + d1 * (a2 * b3 - a3 * b2)
    return dx / det, dy / det, dz / det


@dataclass(frozen=True, eq=False, repr=False)
class OptimalMediation(Model):
    """Arbitration, direct talks and the optimal mediator in a two-type crisis.

    Parameters
    ----------
    hawk_probability : number
        Prior probability that a state is strong, in ``(0, 1)``.
    hawk_advantage : number
        Probability that a hawk beats a dove in war, in ``(1/2, 1]``.
    war_cost : number
        What war costs each side, ``> 0``.

    Notes
    -----
    A symmetric mechanism is a war probability ``p_hh`` between hawks, ``p_hl`` between a
    hawk and a dove (two doves never fight, which only helps), equal splits between equals,
    and the hawk's share ``b`` when a hawk and a dove settle. With ``B = (1 - p_hl) b`` the
    constraints are linear: a dove must not claim to be a hawk (nor a hawk a dove), and each
    type must prefer the mechanism to war against the prior. The least ex ante war
    probability ``q**2 p_hh + 2 q (1 - q) p_hl`` is found exactly by enumerating the
    vertices of this polytope in three variables. Direct talks add the ex post
    participation of the revealed types (``b >= θ - c``). Mediation keeps arbitration's
    outcome and checks, for the recommendation scheme in the module docstring, that each
    type obeys each recommendation given what it learns from it, and that no type gains by
    lying and then disobeying.

    References
    ----------
    .. [1] Hörner, J., Morelli, M. and Squintani, F. (2015). Mediation and peace. *Review
       of Economic Studies* 82(4), 1483-1501 (p. 1483, the abstract: mediators "can be
       equally effective as arbitrators" by "recommendation strategies that do not reveal
       that one player is weak to a strong opponent"; the propositions' pages were not
       consulted).

    See Also
    --------
    multilateral.models.WarBargaining.mediated : an informed mediator after Kydd (2003).
    multilateral.models.CrisisMediation : a mediator who coordinates actions in Chicken.
    multilateral.models.PreemptiveWar : war from fear under strategic risk.
    multilateral.models.ArmsRace : an arms race that the states' own cheap talk defuses.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> crisis = ml.models.OptimalMediation(hawk_probability=Fraction(3, 4),
    ...                                     hawk_advantage=1, war_cost=Fraction(1, 10))
    >>> crisis.direct_talks().war_probability, crisis.mediation().war_probability
    (Fraction(1, 2), Fraction(3, 8))
    >>> crisis.compare()
    WarRiskComparison(war risk 1/2 -> 3/8: recommends settlements in confidence (optimal mediator))
    >>> crisis.recommendation()  # hawk v dove: equal split 1/4 of the time, else 9/10
    (Fraction(1, 4), Fraction(9, 10))
    >>> crisis.peace_threshold()       # arbitration and mediation keep the peace for q >= 4/5
    Fraction(4, 5)
    """

    hawk_probability: Number
    hawk_advantage: Number
    war_cost: Number

    def __post_init__(self) -> None:
        q = check_probability(self.hawk_probability, "hawk_probability", exact=True,
                              open_low=True, open_high=True)
        theta = check_probability(self.hawk_advantage, "hawk_advantage", exact=True)
        if theta <= _HALF:
            raise InvalidArgumentError(
                f"hawk_advantage must exceed 1/2 (a hawk beats a dove more often than not); "
                f"got {self.hawk_advantage}")
        c = check_real(self.war_cost, "war_cost", low=0, open_low=True)
        object.__setattr__(self, "hawk_probability", q)
        object.__setattr__(self, "hawk_advantage", theta)
        object.__setattr__(self, "war_cost", c)

    def __repr__(self) -> str:
        return (f"OptimalMediation(hawk_probability={format_number(self.hawk_probability)}, "
                f"hawk_advantage={format_number(self.hawk_advantage)}, "
                f"war_cost={format_number(self.war_cost)})")

    @property
    def _exact(self) -> bool:
        return all(is_exact(v) for v in (self.hawk_probability, self.hawk_advantage,
                                         self.war_cost))

    def _out(self, value: _F) -> Any:
        return value if self._exact else float(value)

    def _params(self) -> tuple[_F, _F, _F]:
        return _F(self.hawk_probability), _F(self.hawk_advantage), _F(self.war_cost)

    def _constraints(self, ex_post: bool) -> list[tuple[_F, _F, _F, _F]]:
        """Rows ``(a, b, c, d)`` of ``a p_hh + b p_hl + c B >= d``."""
        q, t, c = self._params()
        r = 1 - q
        rows = [
            (_F(1), _F(0), _F(0), _F(0)), (_F(-1), _F(0), _F(0), _F(-1)),   # 0 <= p_hh <= 1
            (_F(0), _F(1), _F(0), _F(0)), (_F(0), _F(-1), _F(0), _F(-1)),   # 0 <= p_hl <= 1
            (_F(0), _F(0), _F(1), _F(0)),                                    # B >= 0
            (_F(0), _F(-1), _F(-1), _F(-1)),                                 # B <= 1 - p_hl
            # a dove does not claim to be a hawk:
            # q(1 - p_hl - B + p_hl(1-t-c)) + r/2
            #     >= q((1 - p_hh)/2 + p_hh(1-t-c)) + r(B + p_hl(1/2 - c))
            (q * (t + c - _HALF), q * (-t - c) - r * (_HALF - c), -q - r,
             q * _HALF - q - r * _HALF),
            # a hawk does not claim to be a dove:
            # q(1/2 - c p_hh) + r(B + p_hl(t-c)) >= q(1 - p_hl - B + p_hl(1/2 - c)) + r/2
            (-q * c, r * (t - c) + q * (1 + c - _HALF), r + q, q - q * _HALF + r * _HALF),
            # a hawk prefers the mechanism to war: U_h >= q(1/2 - c) + r(t - c)
            (-q * c, r * (t - c), r, -q * c + r * (t - c)),
            # a dove prefers it to war: U_l >= q(1-t-c) + r(1/2 - c)
            (_F(0), q * (-t - c), -q, q * (1 - t - c) - r * c - q - r * _HALF + r * _HALF),
        ]
        if ex_post:
            # a hawk that knows it faces a dove: B >= (1 - p_hl)(t - c); the dove: 1 - b >= 1-t-c
            rows.append((_F(0), t - c, _F(1), t - c))
            rows.append((_F(0), -(t + c), _F(-1), -(t + c)))
        return rows

    def _optimum(self, ex_post: bool) -> tuple[_F, _F, _F]:
        return _cached_optimum(self.with_(), ex_post)

    def _enumerate(self, ex_post: bool) -> tuple[_F, _F, _F]:
        q, _, _ = self._params()
        rows = self._constraints(ex_post)
        best: tuple[_F, tuple[_F, _F, _F]] | None = None
        for trio in itertools.combinations(rows, 3):
            point = _solve3([(a, b, c, d) for a, b, c, d in trio])
            if point is None or any(a * point[0] + b * point[1] + c * point[2] < d
                                    for a, b, c, d in rows):
                continue
            war = q * q * point[0] + 2 * q * (1 - q) * point[1]
            # ties: the least war between hawk and dove, then the largest hawk share
            key = (war, point[1], -point[2])
            if best is None or key < (best[0], best[1][1], -best[1][2]):
                best = (war, point)
        assert best is not None  # peace at equal splits with war between hawks is feasible
        return best[1]

    def _mechanism(self, institution: str, point: tuple[_F, _F, _F],
                   credible: bool = True) -> Mechanism:
        q, _, _ = self._params()
        p_hh, p_hl, big_b = point
        share = big_b / (1 - p_hl) if p_hl < 1 else _HALF
        war = q * q * p_hh + 2 * q * (1 - q) * p_hl
        return Mechanism(institution=institution, war_hawks=self._out(p_hh),
                         war_mixed=self._out(p_hl), hawk_share=self._out(share),
                         war_probability=self._out(war), credible=credible)

    def arbitration(self) -> Mechanism:
        """The optimal arbitration: the least war probability of an enforced mechanism.

        See Also
        --------
        mediation : the same outcome by non-binding recommendations.
        direct_talks : without a third party.
        """
        return self._mechanism("arbitration", self._optimum(ex_post=False))

    def direct_talks(self) -> Mechanism:
        """The least war probability when the states reveal their types to each other.

        See Also
        --------
        arbitration, mediation : with a third party.
        """
        return self._mechanism("direct talks", self._optimum(ex_post=True))

    def recommendation(self) -> tuple[Number, Number]:
        """How the mediator settles a hawk-dove dispute: the probability ``λ`` with which it
        recommends the equal split, and the hawk's share ``s`` otherwise (``s = max(b, θ -
        c)``, ``λ (1/2) + (1 - λ) s = b`` with ``b`` arbitration's hawk share).

        A hawk told to split equally cannot tell a dove from a hawk (two hawks always split
        equally); a hawk told ``s`` knows it faces a dove and gets at least its war value.

        See Also
        --------
        obedience_slacks : why it is obeyed.
        """
        lam, high = self._scheme()
        return self._out(lam), self._out(high)

    def _scheme(self) -> tuple[_F, _F]:
        _, t, c = self._params()
        _, p_hl, big_b = self._optimum(ex_post=False)
        b = big_b / (1 - p_hl) if p_hl < 1 else t - c
        high = max(b, t - c)
        lam = (high - b) / (high - _HALF) if high > _HALF else _F(0)
        return lam, high

    def dove_split_probability(self) -> Number:
        """How the mediator settles a dispute between two doves: the probability ``μ`` with
        which it recommends the equal split; otherwise it tells one dove, at random, ``s``
        and the other ``1 - s`` (the shares of :meth:`recommendation`), which leaves each
        dove ``1/2`` on average.

        ``μ = 1`` wherever that is obeyed. Elsewhere (few hawks) a hawk posing as a dove
        and told ``1/2`` would know it most likely faces a dove and fight it; the
        asymmetric dove-dove split makes ``1 - s`` an ambiguous recommendation too, and
        ``μ`` is chosen exactly (the best point of a concave piecewise-linear slack) to
        keep every constraint of :meth:`obedience_slacks` satisfied where possible.

        See Also
        --------
        recommendation : the hawk-dove settlements.
        obedience_slacks : the constraints.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> few = ml.models.OptimalMediation(hawk_probability=Fraction(1, 20),
        ...                                  hawk_advantage=Fraction(4, 5),
        ...                                  war_cost=Fraction(11, 40))
        >>> few.dove_split_probability(), few.recommendation()  # the LP's 0.5537, 0.1521
        (Fraction(2283, 4123), (Fraction(33, 217), Fraction(21, 40)))
        >>> few.mediation().credible
        True
        """
        return self._out(self._dove_split())

    def _slacks(self, mu: _F) -> dict[str, _F]:
        q, t, c = self._params()
        r = 1 - q
        p_hh, p_hl, big_b = self._optimum(ex_post=False)
        lam, s = self._scheme()
        pool_h, pool_d = q * (1 - p_hh), r * (1 - p_hl) * lam   # a hawk told 1/2 faces ...
        sure_d = r * (1 - p_hl) * (1 - lam)                       # a hawk told s: a dove
        sure_h = q * (1 - p_hl) * (1 - lam)       # a dove told 1 - s faces a hawk, or ...
        dove_d = r * (1 - mu) / 2                 # ... a dove told 1 - s (or s) by the LL split
        slacks: dict[str, _F] = {
            "hawk told 1/2 obeys": pool_h * c + pool_d * (_HALF - (t - c)),
            "hawk told s obeys": s - (t - c) if sure_d > 0 else _F(0),
            "dove told 1 - s obeys": (sure_h * ((1 - s) - (1 - t - c))
                                      + dove_d * ((1 - s) - (_HALF - c))),
            "dove told s obeys": dove_d * (s - (_HALF - c)),
            "dove told 1/2 obeys": (q * (1 - p_hl) * lam * (_HALF - (1 - t - c))
                                    + r * mu * (_HALF - (_HALF - c))),
        }
        # a dove posing as a hawk, then free to fight each recommendation
        truth_l = q * ((1 - p_hl) - big_b + p_hl * (1 - t - c)) + r * _HALF
        lie_l = (q * p_hh * (1 - t - c) + r * p_hl * (_HALF - c)
                 + max(_HALF * (pool_h + pool_d), pool_h * (1 - t - c) + pool_d * (_HALF - c))
                 + sure_d * max(s, _HALF - c))
        # a hawk posing as a dove: told 1/2 (a hawk, or a dove with probability mu), told
        # 1 - s (a hawk, or a dove in the asymmetric split), told s (a dove)
        truth_h = q * (_HALF - c * p_hh) + r * (big_b + p_hl * (t - c))
        dove_pool_h = q * (1 - p_hl) * lam
        lie_h = (q * p_hl * (_HALF - c)
                 + max(_HALF * (dove_pool_h + r * mu),
                       dove_pool_h * (_HALF - c) + r * mu * (t - c))
                 + max((1 - s) * (sure_h + dove_d), sure_h * (_HALF - c) + dove_d * (t - c))
                 + dove_d * max(s, t - c))
        slacks["dove does not lie and disobey"] = truth_l - lie_l
        slacks["hawk does not lie and disobey"] = truth_h - lie_h
        return slacks

    def _dove_split(self) -> _F:
        return _cached_dove_split(self.with_())

    def _choose_dove_split(self) -> _F:
        if min(self._slacks(_F(1)).values()) >= 0:
            return _F(1)
        # every slack is concave piecewise linear in mu (linear, or minus a max of linear
        # functions): the best mu is at 0, 1, or where a piece changes or a slack crosses 0
        q, t, c = self._params()
        r = 1 - q
        _, p_hl, _ = self._optimum(ex_post=False)
        lam, s = self._scheme()
        candidates = {_F(0), _F(1)}
        dove_pool_h, sure_h = q * (1 - p_hl) * lam, q * (1 - p_hl) * (1 - lam)
        # breakpoints of the two max terms in the hawk's lie, and the dove-told-(1 - s) root
        # (each of the form alpha + beta mu = 0)
        for alpha, beta in (
                (dove_pool_h * (_HALF - (_HALF - c)), r * (_HALF - (t - c))),
                (sure_h * ((1 - s) - (_HALF - c)) + r / 2 * ((1 - s) - (t - c)),
                 -r / 2 * ((1 - s) - (t - c))),
                (sure_h * ((1 - s) - (1 - t - c)) + r / 2 * ((1 - s) - (_HALF - c)),
                 -r / 2 * ((1 - s) - (_HALF - c)))):
            if beta != 0 and 0 <= -alpha / beta <= 1:
                candidates.add(-alpha / beta)
        return max(sorted(candidates), key=lambda mu: (min(self._slacks(mu).values()), mu))

    def obedience_slacks(self) -> dict[str, Number]:
        """The slack of each constraint that the mediator implementing :meth:`arbitration`
        by :meth:`recommendation` and :meth:`dove_split_probability` must satisfy
        (obedience to each recommendation given what it reveals, and lying then
        disobeying); all are ``>= 0`` exactly when it is obeyed.

        See Also
        --------
        mediation : uses it.
        """
        return {k: self._out(v) for k, v in self._slacks(self._dove_split()).items()}

    def mediation(self) -> Mechanism:
        """The mediator that implements :meth:`arbitration` by recommendations that do not
        reveal a dove to a hawk (:meth:`recommendation`), where every recommendation is
        obeyed (:meth:`obedience_slacks`). Where arbitration does no better than
        :meth:`direct_talks`, the mediator simply relays the types.

        Should the library's confidential scheme (with :meth:`dove_split_probability`)
        not be obeyed (it is at every point of a grid of 2850 tested), ``credible`` is
        False and the outcome reported is the one the library can certify: the mediator
        who relays the types, i.e. :meth:`direct_talks`' war risk, an upper bound on the
        optimal mediator's. The unobeyed scheme's war risk is never reported as the
        mediator's.

        See Also
        --------
        arbitration : the outcome it implements.
        compare : against direct talks.
        """
        arbitrated, talks = self._optimum(ex_post=False), self._optimum(ex_post=True)
        q = self._params()[0]
        if q * q * talks[0] + 2 * q * (1 - q) * talks[1] <= (
                q * q * arbitrated[0] + 2 * q * (1 - q) * arbitrated[1]):
            # nothing to hide: the mediator relays the types, as in direct talks
            return self._mechanism("mediation", talks)
        if all(v >= 0 for v in self.obedience_slacks().values()):
            return self._mechanism("mediation", arbitrated)
        # the confidential scheme is not obeyed here: report only what the library can
        # certify, the mediator who relays the types (obeyed, as direct talks are), an upper
        # bound on the optimal mediator's war risk; never the unobeyed scheme's outcome
        return self._mechanism("mediation", talks, credible=False)

    def peace_threshold(self) -> Number:
        """The least ``hawk_probability`` at which arbitration (and mediation) keep the
        peace for sure: ``(θ - c - 1/2) / (θ - 1/2)``, or 0 when ``θ - c <= 1/2``.

        See Also
        --------
        arbitration : the mechanism.
        """
        _, t, c = self._params()
        return self._out(max(_F(0), (t - c - _HALF) / (t - _HALF)))

    def compare(self) -> WarRiskComparison:
        """Direct talks against the mediator, as a :class:`WarRiskComparison`.

        See Also
        --------
        multilateral.models.WarRiskComparison : the shared result.
        """
        talks, med = self.direct_talks(), self.mediation()
        return WarRiskComparison(
            unmediated=talks.war_probability,
            mediated=med.war_probability,
            mediator="recommends settlements in confidence (optimal mediator)",
            credible=med.credible)


@functools.lru_cache(maxsize=256)
def _cached_dove_split(model: OptimalMediation) -> _F:
    return model._choose_dove_split()


@functools.lru_cache(maxsize=256)
def _cached_optimum(model: OptimalMediation, ex_post: bool) -> tuple[_F, _F, _F]:
    return model._enumerate(ex_post)
