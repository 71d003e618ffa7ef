"""Specific against diffuse reciprocity in a population of states (Keohane 1986, Nowak 2006).

``Z`` states (``population``) play the donation game: a donor pays ``c`` (``cost``) so that a
recipient gains ``b`` (``benefit``).

**Specific reciprocity.** Each round the ``Z`` states are split at random into groups of ``N``
(``n``; ``n = 2``: bilateral meetings); every member of a group plays the donation game with
every other member, and the whole game goes on to another round with probability ``delta``.
A given partner is in one's group next round with probability ``p = (N - 1) / (Z - 1)``, so
a pair meets again, at all, with probability

    w(Z) = delta p / (1 - delta + delta p)

(the chance that the pair's next meeting comes before the game ends; the number of a pair's
meetings is geometric with continuation ``w``). Tit for tat with each partner is then exactly
the repeated donation game with continuation ``w(Z)``, and (Nowak 2006) it resists always
defect iff ``b w(Z) > c``, i.e. ``b / c > 1 / w(Z) = 1 + (1 - delta)(Z - 1) / (delta (N - 1))``:
the threshold grows linearly with the size of the group. This is the assumption that makes
"specific reciprocity fails in large groups" exact: random matching in one population, memory
per partner, no information about what partners did to others.

**Diffuse reciprocity as balance** (Ruggie's "rough equivalence of benefits in the aggregate
and over time"): every member has one public account with the group, ``A = helps given -
helps received``; a donor helps a recipient whose account is in standing, ``A >= -T``
(``credit``), and, when it does not know the account (probability ``1 - q``, ``q`` the
``knowledge``), gives it the benefit of the doubt. An always defect deviator keeps its
standing for ``K = floor(T / (N - 1)) + 1`` rounds and is then helped only by the uninformed,
so balance resists it iff ``b q delta^K > c``: the threshold ``1 / (q delta^K)`` does not
depend on ``Z``, and tends to Nowak's ``1 / q`` as the shadow of the future lengthens.

Assumptions, stated: one well-mixed population; donation game payoffs; errors independent;
specific reciprocity remembers each partner's last action towards it and nothing else;
balance accounts are public and exact.

References
----------
.. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
   Organization* 40(1), 1-27, pp. 4-8.
.. [2] Ruggie, J. G. (1992). Multilateralism: the anatomy of an institution. *International
   Organization* 46(3), 561-598, p. 571.
.. [3] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
   1560-1563.
.. [4] Kandori, M. (1992). Social norms and community enforcement. *Review of Economic
   Studies* 59(1), 63-80.

Examples
--------
>>> import multilateral as ml
>>> from fractions import Fraction
>>> wto = ml.models.Reciprocity(benefit=2, cost=1, population=166, delta=Fraction(99, 100))
>>> wto.partner_continuation()
Fraction(3, 8)
>>> wto.specific_sustains(), wto.diffuse_sustains()
(False, True)
>>> wto.largest_specific_group()
Threshold(population <= 99)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from ..._namespace import public_dir
from ..._numeric import is_exact
from ..._validation import check_positive_int, check_probability, check_real
from ...errors import InvalidArgumentError
from ...games import NormalFormGame
from ...results import Threshold
from ...tolerances import ROUNDING
from ...types import Number, Seed
from ..base import Model
from .simulation import ReciprocitySimulation, simulate_reciprocity

if TYPE_CHECKING:
    import sympy
    from sympy.core.relational import Relational

__all__ = ["Reciprocity", "nowak_conditions"]
__dir__ = public_dir(__all__)

Kind = Literal["specific", "diffuse"]


@dataclass(frozen=True)
class Reciprocity(Model):
    """Specific (bilateral, tit for tat) against diffuse (balance with the group) reciprocity.

    ``population`` states meet in random groups of ``n`` each round, play the donation game
    with every member of their group, and the game goes on with probability ``delta``. The
    docstring of :mod:`multilateral.models.reciprocity.nowak` derives the two conditions:

    * specific reciprocity (tit for tat with each partner) resists always defect iff
      ``b w(Z) > c`` with ``w(Z) = delta p / (1 - delta + delta p)``, ``p = (n-1)/(Z-1)``;
    * diffuse reciprocity (help those whose account with the group is in standing) resists
      it iff ``b q delta^K > c``, ``K = floor(credit / (n - 1)) + 1``, whatever ``Z``.

    Parameters
    ----------
    benefit, cost : number
        Benefit and cost of a donation (> 0). Exact numbers keep the thresholds exact.
    population : int, default 2
        ``Z``, the number of states (>= ``n``).
    delta : number, default 9/10
        Probability that the game goes on for another round, in ``[0, 1)``.
    knowledge : number, default 1
        ``q``: probability that a donor knows a recipient's account (transparency).
    credit : int, default 0
        ``T``: how many helps a member may receive beyond those it gave and stay in standing.
    n : int, default 2
        Size of the groups in which states meet: bilaterally (2) or multilaterally.

    Attributes
    ----------
    game : NormalFormGame
        The symmetric two-player game of specific reciprocity (:meth:`nowak_game`).

    Notes
    -----
    Exact inputs (ints, Fractions) give exact probabilities, thresholds and payoffs; floats
    give floats. Methods that take ``population`` evaluate at another population size
    (``with_(population=...)`` does the same for every method).

    See Also
    --------
    IndirectReciprocity : diffuse reciprocity as reputation under a social norm.
    simulate_reciprocity : the agent-based counterpart.
    nowak_conditions : the conditions, derived symbolically.
    multilateral.models.ConditionalCooperation : reciprocity with the shadow of the future.

    References
    ----------
    .. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
       Organization* 40(1), 1-27, pp. 4-8.
    .. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563, Figure 1 (p. 1561).
    .. [3] Kandori, M. (1992). Social norms and community enforcement. *Review of Economic
       Studies* 59(1), 63-80.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.Reciprocity(benefit=3, cost=1, population=23, delta=Fraction(9, 10))
    >>> m.partner_continuation(), m.specific_threshold()
    (Fraction(9, 31), Threshold(ratio >= 31/9))
    >>> m.specific_sustains(), m.diffuse_sustains(), m.diffuse_threshold().exact
    (False, True, Fraction(10, 9))
    >>> m.largest_specific_group().value, m.critical_group_size()
    (18.0, 19)
    >>> ml.solvers.pure_nash_equilibria(m.with_(population=18).game)   # (TFT, TFT) holds
    ((1, 1), (2, 2))
    """

    benefit: Number
    cost: Number
    population: int = 2
    delta: Number = Fraction(9, 10)
    knowledge: Number = 1
    credit: int = 0
    n: int = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "benefit", check_real(self.benefit, "benefit", low=0,
                                                       open_low=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost", low=0, open_low=True))
        object.__setattr__(self, "delta", check_real(self.delta, "delta (continuation "
                                                     "probability)", low=0, high=1,
                                                     open_high=True))
        check_probability(self.knowledge, "knowledge")
        object.__setattr__(self, "knowledge", check_real(self.knowledge, "knowledge"))
        n = check_positive_int(self.n, "n (group size)", 2)
        z = check_positive_int(self.population, "population", 2)
        if z < n:
            raise InvalidArgumentError(f"the population Z = {z} must be at least the group size "
                                       f"n = {n}")
        check_positive_int(self.credit, "credit", 0)

    def _size(self, population: int | None) -> int:
        if population is None:
            return self.population
        z = check_positive_int(population, "population", 2)
        if z < self.n:
            raise InvalidArgumentError(f"the population Z = {z} must be at least the group size "
                                       f"n = {self.n}")
        return z

    # -- specific reciprocity ------------------------------------------------------------------
    def meeting_probability(self, population: int | None = None) -> Number:
        """``p = (n - 1) / (Z - 1)``: the chance that a given partner is in one's group.

        See Also
        --------
        partner_continuation : the continuation it gives.
        """
        z = self._size(population)
        num, den = self.n - 1, z - 1
        return num / den if isinstance(self.delta, float) else Fraction(num, den)

    def partner_continuation(self, population: int | None = None) -> Number:
        """``w(Z) = delta p / (1 - delta + delta p)``: the probability that two states who
        just met meet again before the game ends (``delta`` itself when ``Z = n``).

        See Also
        --------
        meeting_probability : ``p``.
        specific_threshold : the threshold built from it.
        """
        p = self.meeting_probability(population)
        return self.delta * p / (1 - self.delta + self.delta * p)

    def specific_threshold(self, population: int | None = None) -> Threshold:
        """``1 / w(Z)``: the ``b / c`` above which tit for tat resists always defect (strictly
        above; none when ``delta = 0``).

        See Also
        --------
        specific_sustains : the comparison at this model's ``b / c``.
        diffuse_threshold : the threshold of diffuse reciprocity.
        nowak_conditions : the conditions as formulas.
        """
        w = self.partner_continuation(population)
        return Threshold.none("ratio") if w == 0 else Threshold.at(1 / w, "ratio")

    def specific_sustains(self, population: int | None = None) -> bool:
        """Whether tit for tat with each partner resists always defect: ``b w(Z) > c``.

        See Also
        --------
        specific_threshold : the threshold.
        largest_specific_group : the largest population in which it holds.
        """
        return bool(self.benefit * self.partner_continuation(population) > self.cost)

    def largest_specific_group(self) -> Threshold:
        """The largest population in which specific reciprocity holds (it holds at every
        population up to it and at none above; none if it holds at no population).

        ``b w(Z) > c`` iff ``Z - 1 < (n - 1) delta (b - c) / (c (1 - delta))``, so the answer
        is the ceiling of the right-hand side (exact for exact parameters).

        See Also
        --------
        critical_group_size : the smallest in which it fails.
        ConditionalCooperation.largest_group : Oye's largest group.
        """
        if self.benefit <= self.cost or self.delta == 0:
            return Threshold.none("population", holds_above=False)
        bound = (self.n - 1) * self.delta * (self.benefit - self.cost) / (
            self.cost * (1 - self.delta))
        z = math.ceil(bound) if isinstance(bound, Fraction) else math.ceil(bound - ROUNDING)
        if z < self.n:
            return Threshold.none("population", holds_above=False)
        return Threshold.at(z, "population", holds_above=False)

    def critical_group_size(self) -> int:
        """The smallest population in which specific reciprocity fails.

        See Also
        --------
        largest_specific_group : the largest in which it holds.
        """
        z = self.largest_specific_group()
        return self.n if not z.attainable else int(z.value) + 1

    # -- diffuse reciprocity -------------------------------------------------------------------
    @property
    def standing_rounds(self) -> int:
        """``K = floor(credit / (n - 1)) + 1``: rounds a defector keeps its standing.

        See Also
        --------
        diffuse_threshold : the threshold ``K`` enters.
        """
        return self.credit // (self.n - 1) + 1

    def diffuse_threshold(self) -> Threshold:
        """``1 / (q delta^K)``: the ``b / c`` above which balance resists always defect, the
        same for every group size (none when ``q delta = 0``).

        See Also
        --------
        diffuse_sustains : the comparison at this model's ``b / c``.
        specific_threshold : the threshold of specific reciprocity.
        """
        x = self.knowledge * self.delta ** self.standing_rounds
        return Threshold.none("ratio") if x == 0 else Threshold.at(1 / x, "ratio")

    def diffuse_sustains(self, population: int | None = None) -> bool:
        """Whether balance resists always defect, ``b q delta^K > c`` (any ``Z``).

        See Also
        --------
        diffuse_threshold : the threshold.
        specific_sustains : the same for specific reciprocity.
        """
        self._size(population)
        return bool(self.benefit * self.knowledge * self.delta ** self.standing_rounds
                    > self.cost)

    # -- payoffs -------------------------------------------------------------------------------
    def deviation_payoffs(self, kind: Kind, population: int | None = None
                          ) -> tuple[Number, Number]:
        """Expected total payoffs ``(conformer, deviator)`` of a state in a population that
        plays ``kind`` (``'specific'``: tit for tat, ``'diffuse'``: balance) when it conforms
        and when it alone always defects (no errors).

        Specific: ``(n-1)(b-c)/(1-delta)`` against ``(n-1) b / (1 - delta (1 - p))`` (a
        defector is helped by each partner at their first meeting). Diffuse: against
        ``(n-1) b [(1 - delta^K) + (1 - q) delta^K] / (1 - delta)``.

        See Also
        --------
        diffuse_sustains : the comparison in closed form.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.Reciprocity(benefit=3, cost=1, population=10).deviation_payoffs(
        ...     "specific")
        (Fraction(20, 1), Fraction(15, 1))
        """
        z = self._size(population)
        k = self.n - 1
        b, delta = self.benefit, self.delta
        conform = k * (b - self.cost) / (1 - delta)
        if kind == "specific":
            p = self.meeting_probability(z)
            return conform, k * b / (1 - delta * (1 - p))
        if kind == "diffuse":
            dk = delta ** self.standing_rounds
            return conform, k * b * ((1 - dk) + (1 - self.knowledge) * dk) / (1 - delta)
        raise InvalidArgumentError(f"kind must be 'specific' or 'diffuse', got {kind!r}")

    def nowak_game(self, kind: Kind = "specific", population: int | None = None
                   ) -> NormalFormGame:
        """Nowak's (2006) game of ALLC, ALLD and a reciprocator, per encounter: a symmetric
        two-player :class:`~multilateral.NormalFormGame`.

        ``kind='specific'`` (the model's :attr:`game`): the reciprocator is tit for tat
        (``'TFT'``) and a pair's encounters repeat with continuation ``w(Z)`` (averaged per
        encounter: totals times ``1 - w``). ``kind='diffuse'``: the reciprocator is the
        discriminator (``'DISC'``), who knows a co-player's reputation with probability
        ``knowledge`` (stationary reputations). Exact entries for exact parameters. It takes
        ``kind`` and ``population``, which :attr:`game` cannot.

        See Also
        --------
        multilateral.solvers.pure_nash_equilibria : the reciprocator is a symmetric
            equilibrium iff ``b w > c`` (``b q > c``).
        multilateral.solvers.evolutionarily_stable_strategies : evolutionary stability.

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.models.Reciprocity(benefit=3, cost=1, knowledge=0.5).nowak_game("diffuse")
        >>> game.actions[0], game.payoffs[..., 0].tolist()
        (('ALLC', 'ALLD', 'DISC'), [[2.0, -1.0, 2.0], [3.0, 0.0, 1.5], [2.0, -0.5, 2.0]])
        """
        b, c = self.benefit, self.cost
        if kind == "specific":
            w = self.partner_continuation(population)
            label = "TFT"
        elif kind == "diffuse":
            self._size(population)
            w = self.knowledge
            label = "DISC"
        else:
            raise InvalidArgumentError(f"kind must be 'specific' or 'diffuse', got {kind!r}")
        rows = _nowak_rows(b, c, w)
        if all(is_exact(v) for row in rows for v in row):
            a = np.array([[Fraction(v) for v in row] for row in rows], dtype=object)
        else:
            a = np.array([[float(v) for v in row] for row in rows])
        labels = ("ALLC", "ALLD", label)
        return NormalFormGame(a, a.T, actions=[labels, labels])

    @property
    def game(self) -> NormalFormGame:
        """The symmetric game of specific reciprocity at this population:
        ``nowak_game("specific")``. Tit for tat is a symmetric Nash equilibrium of it iff
        ``b w(Z) >= c``.

        See Also
        --------
        nowak_game : Nowak's three-strategy games.
        specific_threshold : the threshold a solver reproduces on it.
        """
        return self.nowak_game("specific")

    def simulate(self, strategies: Mapping[str, int], *, replicates: int = 100,
                 rounds: int | None = None, noise: Number = 0.0, seed: Seed = None
                 ) -> ReciprocitySimulation:
        """Agent-based simulation of this population (see :func:`simulate_reciprocity`).

        See Also
        --------
        simulate_reciprocity : the simulator it calls.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.Reciprocity(benefit=3, cost=1, population=10)
        >>> m.simulate({"TFT": 10}, replicates=2, seed=0).cooperation
        1.0
        """
        return simulate_reciprocity(self, strategies, replicates=replicates, rounds=rounds,
                                    noise=noise, seed=seed)


def _nowak_rows(b: Any, c: Any, w: Any) -> list[list[Any]]:
    """Per-encounter payoffs of ALLC, ALLD and the reciprocator (row against column) in the
    donation game when the reciprocator meets a co-player's last move (``w``: continuation, or
    ``q``: knowledge of reputation). Shared by :meth:`Reciprocity.nowak_game` and, with sympy
    symbols, by :func:`nowak_conditions`, so the conditions come out of the matrix."""
    return [[b - c, -c, b - c], [b, 0 * b, b * (1 - w)], [b - c, -c * (1 - w), b - c]]


Condition = Literal["ess", "risk_dominant", "advantageous"]

#: For the 2x2 game ``[[a, b], [c, d]]`` of the reciprocator (first) against always defect:
#: the reciprocator's gain, whose sign decides each of Nowak's (2006) conditions.
_GAINS = {
    # strict Nash (and ESS): the reciprocator does better than a defector among reciprocators
    "ess": lambda a, b, c, d: a - c,
    # risk dominance (Harsanyi and Selten 1988): the better against a 1/2-1/2 population
    "risk_dominant": lambda a, b, c, d: (a + b) - (c + d),
    # the one-third law (Nowak et al. 2004): fixation above 1/N for large N, weak selection
    "advantageous": lambda a, b, c, d: (a + 2 * b) - (c + 2 * d),
}


def nowak_conditions(kind: Condition = "ess") -> dict[str, Relational]:
    """Nowak's conditions for reciprocity, derived with sympy from the payoffs.

    Each entry is a sympy relation in ``b/c`` (the symbol ``r``): the reciprocator's gain
    over always defect, solved for ``r``. For direct reciprocity (tit for tat, continuation
    ``w``), indirect reciprocity (the discriminator, knowledge ``q``) and specific reciprocity
    (tit for tat with ``w(Z) = delta p / (1 - delta + delta p)``, ``p = (N - 1)/(Z - 1)``)
    the gain comes from the 2x2 game of the reciprocator against always defect in
    :meth:`Reciprocity.nowak_game`, ``[[a, b], [c, d]] = [[b - c, -c (1 - w)], [b (1 - w),
    0]]`` per encounter (the same matrix for ``q``), built with symbols:

    * ``kind="ess"``: evolutionarily stable, ``a > c``; gives ``r > 1/w``;
    * ``"risk_dominant"``: ``a + b > c + d``; gives ``r > (2 - w)/w``, i.e.
      ``w > 2c/(b + c)``;
    * ``"advantageous"`` (the one-third law: one cooperator's fixation probability exceeds
      ``1/N`` at weak selection and large ``N``): ``a + 2b > c + 2d``; gives
      ``r > (3 - 2w)/w``, i.e. ``w > 3c/(b + 2c)``.

    ``kind="ess"`` also has ``diffuse``: balance with ``K`` rounds of standing,
    ``(b - c)/(1 - delta) > b (1 - q delta^K)/(1 - delta)``, a deviator against a resident
    population; balance has no two-strategy game in the library, so the other two conditions
    have no ``diffuse`` entry.

    Parameters
    ----------
    kind : {"ess", "risk_dominant", "advantageous"}, default "ess"
        Which condition (column of Nowak's table).

    Returns
    -------
    dict
        ``"direct"``, ``"indirect"``, ``"specific"`` (and ``"diffuse"`` for ``"ess"``) to a
        relation ``r > ...``.

    See Also
    --------
    Reciprocity : the ESS conditions, evaluated exactly.
    Reciprocity.nowak_game : the matrix the conditions are derived from.
    multilateral.solvers.fixation_probability : the advantageous condition, in a finite
        population.

    References
    ----------
    .. [1] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563, Figure 2 (p. 1562).
    .. [2] Nowak, M. A., Sasaki, A., Taylor, C. and Fudenberg, D. (2004). Emergence of
       cooperation and evolutionary stability in finite populations. *Nature* 428, 646-650.

    Examples
    --------
    >>> from multilateral.models import nowak_conditions
    >>> conditions = nowak_conditions()
    >>> conditions["direct"], conditions["indirect"]
    (r > 1/w, r > 1/q)
    >>> conditions["specific"]
    r > (N*delta - Z*delta + Z - 1)/(delta*(N - 1))
    >>> conditions["diffuse"]
    r > 1/(delta**K*q)
    >>> nowak_conditions("risk_dominant")["direct"]
    r > (2 - w)/w
    >>> nowak_conditions("advantageous")["indirect"]
    r > (3 - 2*q)/q
    """
    import sympy

    if kind not in _GAINS:
        raise InvalidArgumentError("kind must be 'ess', 'risk_dominant' or "
                                   f"'advantageous', got {kind!r}")
    r, c, w, q, delta = sympy.symbols("r c w q delta", positive=True)
    z, n, k = sympy.symbols("Z N K", positive=True, integer=True)
    b = r * c

    def solve(gain: sympy.Expr) -> Relational:
        # gain(r) = reciprocator's payoff minus the defector's; linear and increasing in r
        root = sympy.solve(sympy.Eq(gain, 0), r)[0]
        # one fraction, as Nowak prints them: (3 - 2w)/w rather than -2 + 3/w
        return sympy.StrictGreaterThan(r, sympy.together(sympy.simplify(root)))

    def from_matrix(cont: sympy.Expr) -> Relational:
        rows = _nowak_rows(b, c, cont)
        # the reciprocator (index 2) against always defect (index 1)
        gain = _GAINS[kind](rows[2][2], rows[2][1], rows[1][2], rows[1][1])
        return solve(sympy.simplify(gain))

    p = (n - 1) / (z - 1)
    w_z = delta * p / (1 - delta + delta * p)
    out = {"direct": from_matrix(w), "indirect": from_matrix(q), "specific": from_matrix(w_z)}
    if kind == "ess":
        out["diffuse"] = solve(((b - c) - b * (1 - q * delta**k)) / (1 - delta))
    return out
