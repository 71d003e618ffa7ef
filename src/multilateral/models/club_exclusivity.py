"""The value of exclusivity: rival club sponsors choose open or exclusive membership rules.

A two-stage game on top of :class:`~multilateral.models.RivalClubs`. First each club's
*sponsor* (the power behind it: China for the Lancang-Mekong Cooperation, the United States
for the Mekong-U.S. Partnership) chooses its membership rule, ``"open"`` (its members may
also join the rival) or ``"exclusive"`` (its members must choose). Then the ``n`` states
sort into one club, both or neither, as in ``RivalClubs``: each member of club ``k`` also
pays the sponsor a ``fee_k``, so a state's value of club ``k`` is ``v_ik - fee_k``. Since a
state can join both clubs only if *neither* bars it, the sorting game is ``RivalClubs`` with
``exclusive=False`` when both rules are open and ``exclusive=True`` otherwise
(:meth:`ClubExclusivity.membership_game`; with both open and no fee it *is* the
``RivalClubs`` game).

What a sponsor values is explicit (the library's specification, not a published one): at a
sorting with ``m_k`` members of club ``k``, ``e_k`` of whom belong to ``k`` alone,

``U_k = (member_value_k + fee_k) * m_k + loyalty_k * e_k - exclusion_cost_k * [k exclusive]``:

reach (``member_value``: each member's vote, market or legitimacy), fee revenue, and
*loyalty*, the extra value of a member that is its own alone (alignment: a state that cannot
turn to the rival). ``exclusion_cost`` is what enforcing the rule costs the sponsor.

**Selection.** The sorting game is an exact potential game; the sponsors evaluate it at its
potential maximisers, each weighted equally. That is the zero-noise limit of *asynchronous*
logit (log-linear) dynamics: one state at a time, drawn with probabilities that do not
depend on the profile, revises by a logit choice with noise ``eta``. Their stationary
distribution is the Gibbs distribution, proportional to ``exp(Phi / eta)`` (detailed
balance; the dynamics are Blume's 1993 [3]_, there for players on a lattice), so as ``eta``
vanishes it concentrates on the maximisers, tied ones keeping equal mass, and the selection
is well defined when several profiles tie. Both the equal weights and the selection of
maximisers rest on asynchronous revision: when several states may revise at once the limit
can weight tied maximisers unequally, or select other profiles (Alós-Ferrer and Netzer 2010
[5]_; the tests show weights 10/33, 12/33, 10/33 in a two-state game with three tied
maximisers). Every maximiser is a pure equilibrium;
:meth:`ClubExclusivity.exclusivity_range` gives the value of exclusivity over *all* pairs of
pure sorting equilibria, to show how much the selection matters.

Derived, exactly for exact inputs (the library's derivations):

* **the value of exclusivity** to sponsor ``k`` given the rival's rule
  (:meth:`~ClubExclusivity.value_of_exclusivity`) is ``U_k(exclusive) - U_k(open)``. With
  the rival open it is ``(member_value_k + fee_k) * (m_k^E - m_k^O) + loyalty_k * (m_k^E -
  e_k^O) - exclusion_cost_k`` (under exclusivity every member is exclusive). Exclusivity
  *pays* when the loyalty it buys, from the members who stay, outweighs the reach lost with
  those who leave -- for the rival or for neither -- and *backfires* otherwise; the sorting
  does not depend on the sponsors' values, so the value is linear in ``loyalty`` and pays iff
  ``loyalty_k`` is at least :meth:`~ClubExclusivity.loyalty_threshold` -- unless even the
  members of club ``k`` alone leave once the hedgers stop sharing its cost (``m_k^E <
  e_k^O``): then loyalty counts against exclusivity, which pays at most at loyalty 0. With
  the rival exclusive, dual membership is already barred: the value is
  ``-exclusion_cost_k``;
* **the rule stage** (:meth:`~ClubExclusivity.rule_equilibria`, all pure equilibria of the
  2x2 game): one exclusive club forces every state to choose, so exclusivity is a public
  good between the sponsors. With free enforcement (``exclusion_cost = 0``) both exclusive
  is always a (weak) equilibrium; if either sponsor pays to enforce, never. Then
  ``(exclusive, open)`` is an equilibrium iff ``A``'s value of exclusivity against an open
  rival is at least 0, and ``(open, open)`` iff neither sponsor's is above 0: a game of
  chicken (each would rather the other enforced) only when both values are at least 0, a
  unique equilibrium (open rules, or the one sponsor's exclusivity) otherwise;
* **when a state joins both**: only if both sponsors choose open rules, and then everybody
  joining both is a sorting equilibrium iff ``hedging_cost <= min_i min_k (v_ik - fee_k -
  f_k(n))`` (:meth:`~ClubExclusivity.universal_hedging_threshold`), while state ``i`` joins
  both at *no* equilibrium once ``hedging_cost > min_k (v_ik - fee_k - min_m f_k(m))``, its
  smaller surplus at Buchanan's optimal size (:meth:`~ClubExclusivity.dual_membership_bound`).
  Reading dual membership as hedging is the library's: Kuik (2008) describes hedging as small
  states' middle position between balancing against and bandwagoning with a rising power,
  explained by regime legitimation (p. 159, the abstract) [2]_, not club rules; in the model
  states join both when the rules allow it and neither club is worth much less to them than
  its cost.

The module runs past the library's ~600 lines because it is one two-stage model whose stages
share one enumeration of the sorting game (its potentials, cached per rule, screen the
equilibria and give the selection).

Related work, not reproduced: in two-sided markets, platforms' exclusive contracts against
multihoming (Armstrong and Wright 2007 [4]_; the abstract: agents who view the platforms as
homogeneous multihome, and "the role of exclusive contracts to prevent multihoming is
explored"). Their mechanism, cross-group externalities and prices, is not this model's.

References
----------
.. [1] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14 (the
   club good; the page of each figure not confirmed here).
.. [2] Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a
   rising China. *Contemporary Southeast Asia* 30(2), 159-185 (p. 159, the abstract).
.. [3] Monderer, D. and Shapley, L. S. (1996). Potential games. *Games and Economic Behavior*
   14(1), 124-143. Blume, L. E. (1993). The statistical mechanics of strategic interaction.
   *Games and Economic Behavior* 5(3), 387-424 (log-linear strategy revision for players on
   a lattice, per its abstract; the Gibbs form for finite potential games is the standard
   detailed-balance computation, checked in the tests; no page confirmed here).
.. [4] Armstrong, M. and Wright, J. (2007). Two-sided markets, competitive bottlenecks and
   exclusive contracts. *Economic Theory* 32(2), 353-380 (the abstract only).
.. [5] Alós-Ferrer, C. and Netzer, N. (2010). The logit-response dynamics. *Games and
   Economic Behavior* 68(2), 413-427 (the abstract: potential maximisers are not selected
   beyond exact potential games, nor for every specification of revision opportunities).

Examples
--------
>>> import multilateral as ml
>>> game = ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3, loyalty=[2, 0])
>>> game.selected_sortings(("open", "open")), game.selected_sortings(("exclusive", "open"))
(((3, 3, 3),), ((1, 1, 2), (1, 2, 2)))
>>> game.value_of_exclusivity(0), game.loyalty_threshold(0)
(Fraction(3, 2), Threshold(loyalty >= 1))
>>> game.rule_equilibria()
(('exclusive', 'open'), ('exclusive', 'exclusive'))
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, readonly
from .._validation import as_real_vector
from ..errors import InvalidArgumentError
from ..games.normal_form import NormalFormGame
from ..results import Threshold
from ..tolerances import EQUILIBRIUM
from ..types import Number
from .base import Model
from .rival_clubs import RivalClubs

__all__ = ["ClubExclusivity"]
__dir__ = public_dir(__all__)

#: The membership rules a sponsor may choose.
RULES = ("open", "exclusive")

_MAX_ENUMERATION = 8   # sorting equilibria and potential maximisers enumerate 4**n profiles
_SCREEN = 1000         # float potentials screen equilibria this loosely (each is then checked)


def _pair(given: Any, name: str) -> tuple[list[Any], bool]:
    if hasattr(given, "__len__") and not isinstance(given, str) and len(given) != 2:
        raise InvalidArgumentError(f"{name}: one number, or one per club (2), got {len(given)}")
    arr, exact = as_real_vector(given, name, size=2)
    if min(arr.tolist()) < 0:
        raise InvalidArgumentError(
            f"{name} must be >= 0 for each club, got {[format_number(x) for x in arr.tolist()]}")
    return arr.tolist(), exact


@dataclass(frozen=True, eq=False, repr=False)
class ClubExclusivity(Model):
    """Two club sponsors choose open or exclusive rules; then states sort (``RivalClubs``).

    Parameters
    ----------
    club_values : array_like, shape (n, 2)
        ``club_values[i, k]``: state ``i``'s gross value of club ``k``'s good; ``n >= 2``.
    facility_cost, congestion : number or pair of numbers >= 0
        Each club's shared cost and crowding, as in ``RivalClubs`` (default 0).
    hedging_cost : number >= 0
        What a member of both clubs loses for belonging to the rival (default 0).
    fee : number or pair of numbers >= 0
        Each club's membership fee, paid by each member to the sponsor (default 0).
    member_value : number or pair of numbers >= 0
        What a sponsor gains per member of its club (default 1).
    loyalty : number or pair of numbers >= 0
        What a sponsor gains, in addition, per member that belongs to its club alone
        (default 0).
    exclusion_cost : number or pair of numbers >= 0
        What enforcing an exclusive rule costs its sponsor (default 0).
    labels : sequence of str, optional
        State names.

    References
    ----------
    .. [1] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
    .. [2] Kuik, C.-C. (2008). The essence of hedging. *Contemporary Southeast Asia* 30(2),
       159-185 (p. 159).

    See Also
    --------
    multilateral.models.RivalClubs : the sorting stage (both rules open, no fee: the same).
    multilateral.cases.mekong : the rival Mekong fora.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.models.ClubExclusivity([[4, 4], [4, 4]], facility_cost=2, loyalty=1)
    >>> game.sponsor_values(("open", "open")), game.value_of_exclusivity(0)
    ((Fraction(2, 1), Fraction(2, 1)), Fraction(0, 1))
    """

    club_values: Any
    facility_cost: Any = 0
    congestion: Any = 0
    hedging_cost: Number = 0
    fee: Any = 0
    member_value: Any = 1
    loyalty: Any = 0
    exclusion_cost: Any = 0
    labels: tuple[str, ...] | None = None
    _exact: bool = field(init=False, repr=False, compare=False)
    _games: dict[bool, RivalClubs] = field(init=False, repr=False, compare=False)
    _selected: dict[tuple[str, bool], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        raw = np.asarray(self.club_values, dtype=object)
        if raw.ndim != 2 or raw.shape[1] != 2:
            raise InvalidArgumentError(
                f"club_values must have shape (n, 2), one pair (value of A, value of B) per state; "
                f"got shape {raw.shape}")
        pairs = {name: _pair(getattr(self, name), name)
                 for name in ("fee", "member_value", "loyalty", "exclusion_cost")}
        # validates club_values, the costs and the hedging cost (with RivalClubs' messages)
        base = RivalClubs(self.club_values, facility_cost=self.facility_cost,
                          congestion=self.congestion, hedging_cost=self.hedging_cost,
                          labels=self.labels)
        exact = base.is_exact and all(e for _, e in pairs.values())
        conv = Fraction if exact else float
        dtype: Any = object if exact else np.float64
        fee = tuple(conv(x) for x in pairs["fee"][0])
        vals = np.array([[conv(v) - fee[k] for k, v in enumerate(row)]
                         for row in base.club_values.tolist()], dtype=dtype)
        common: dict[str, Any] = dict(
            facility_cost=[conv(x) for x in base.facility_cost],
            congestion=[conv(x) for x in base.congestion],
            hedging_cost=conv(base.hedging_cost), labels=base.labels)
        games = {False: RivalClubs(vals, exclusive=False, **common),
                 True: RivalClubs(vals, exclusive=True, **common)}
        object.__setattr__(self, "club_values", base.club_values if exact else
                           readonly(base.club_values.astype(np.float64), np.float64))
        object.__setattr__(self, "facility_cost", tuple(common["facility_cost"]))
        object.__setattr__(self, "congestion", tuple(common["congestion"]))
        object.__setattr__(self, "hedging_cost", common["hedging_cost"])
        for name, (given, _) in pairs.items():
            object.__setattr__(self, name, tuple(conv(x) for x in given))
        object.__setattr__(self, "labels", base.labels)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_games", games)
        object.__setattr__(self, "_selected", {})   # the selection, once per sorting game

    def __repr__(self) -> str:
        def pair(p: tuple[Any, Any]) -> str:
            return f"({format_number(p[0])}, {format_number(p[1])})"
        return (f"ClubExclusivity(n={self.n}, fee={pair(self.fee)}, "
                f"member_value={pair(self.member_value)}, loyalty={pair(self.loyalty)}, "
                f"exclusion_cost={pair(self.exclusion_cost)}, "
                f"hedging_cost={format_number(self.hedging_cost)})")

    @property
    def n(self) -> int:
        """Number of states."""
        return int(self.club_values.shape[0])

    @property
    def is_exact(self) -> bool:
        """Whether every parameter is exact (then every result is a Fraction)."""
        return self._exact

    # -- the sorting stage -------------------------------------------------------------------
    @staticmethod
    def _rules(rules: Any) -> tuple[str, str]:
        if isinstance(rules, str) or not hasattr(rules, "__len__") or len(rules) != 2 or any(
                r not in RULES for r in rules):
            raise InvalidArgumentError(
                f"rules: a pair of 'open' or 'exclusive' (club A's, club B's), got {rules!r}")
        return (rules[0], rules[1])

    def membership_game(self, rules: Sequence[str] = ("open", "open")) -> RivalClubs:
        """The sorting stage under ``rules``: ``RivalClubs`` with values net of the fees,
        exclusive unless both rules are open.

        See Also
        --------
        multilateral.models.RivalClubs

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[3, 1], [2, 2]], fee=1).membership_game().club_values
        array([[Fraction(2, 1), Fraction(0, 1)],
               [Fraction(1, 1), Fraction(1, 1)]], dtype=object)
        """
        ra, rb = self._rules(rules)
        return self._games["exclusive" in (ra, rb)]

    def sorting_equilibria(self, rules: Sequence[str]) -> tuple[tuple[int, ...], ...]:
        """Every pure equilibrium of the sorting stage under ``rules`` (``n <= 8``).

        See Also
        --------
        selected_sortings

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[4, 4], [4, 4]], facility_cost=2).sorting_equilibria(
        ...     ("exclusive", "open"))
        ((1, 1), (2, 2))
        """
        game = self.membership_game(rules)
        key = ("equilibria", game.exclusive)
        if key not in self._selected:
            prof, phi = self._potentials(rules)
            # an exact potential game: a profile is an equilibrium iff no single state's move
            # raises the potential. The potential screens (loosely for floats); the game's
            # own payoffs decide each candidate.
            n, choices = prof.shape[1], 3 if game.exclusive else 4
            loose: Any = 0
            if not self._exact:   # wider than any payoff scale the game's own check uses
                span = max(1.0, float(np.abs(phi).max()), float(game.hedging_cost),
                           float(np.abs(game.club_values).max()) + max(
                               float(game.facility_cost[k]) + float(game.congestion[k]) * n
                               for k in range(2)))
                loose = _SCREEN * EQUILIBRIUM * span * n
            rows = np.arange(len(prof))
            candidate = np.ones(len(prof), dtype=bool)
            for i in range(n):
                place = choices ** (n - 1 - i)
                for a in range(choices):
                    moved = rows + (a - prof[:, i]) * place
                    candidate &= np.asarray(phi[moved] <= phi + loose, dtype=bool)
            self._selected[key] = tuple(
                p for p in (tuple(int(x) for x in prof[j]) for j in np.flatnonzero(candidate))
                if game.is_equilibrium(p))
        return self._selected[key]

    def _check_enumerable(self) -> None:
        if self.n > _MAX_ENUMERATION:
            raise InvalidArgumentError(
                f"the sorting stage is solved by enumerating all 4**n profiles: at most "
                f"{_MAX_ENUMERATION} states, got {self.n} (universal_hedging_threshold and "
                f"dual_membership_bound work for any n)")

    def _potentials(self, rules: Sequence[str]) -> tuple[NDArray[np.int64], NDArray[Any]]:
        """Every profile (rows, in ``itertools.product`` order) and its potential: for exact
        inputs as integers (the potential times the common denominator of its terms), so
        that numpy compares them exactly and fast."""
        game = self.membership_game(rules)
        key = ("potentials", game.exclusive)
        if key in self._selected:
            return self._selected[key]
        n = self.n
        self._check_enumerable()
        choices = 3 if game.exclusive else 4
        prof = np.array(list(itertools.product(range(choices), repeat=n)), dtype=np.int64)
        in_a, in_b = prof & 1, (prof >> 1) & 1
        values = game.club_values.tolist()
        shares = [[game.facility_cost[k] / m + game.congestion[k] * (m - 1)
                   for m in range(1, n + 1)] for k in range(2)]
        hedge = game.hedging_cost
        if self._exact:
            terms = [Fraction(x) for row in values for x in row] + [
                Fraction(x) for share in shares for x in share] + [Fraction(hedge)]
            scale = math.lcm(*(x.denominator for x in terms))
            size = sum(abs(x) for x in terms) * scale * (n + 1)   # bounds |potential|
            dtype: Any = np.int64 if size < 2 ** 62 else object

            def conv(x: Any) -> Any:
                return int(Fraction(x) * scale)
        else:
            dtype = np.float64

            def conv(x: Any) -> Any:
                return float(x)
        vals = np.array([[conv(x) for x in row] for row in values], dtype=dtype)
        phi = in_a.astype(dtype) @ vals[:, 0] + in_b.astype(dtype) @ vals[:, 1]
        for k, inside in enumerate((in_a, in_b)):
            cumulative = [conv(0)]
            for x in shares[k]:
                cumulative.append(cumulative[-1] + conv(x))
            phi = phi - np.array(cumulative, dtype=dtype)[inside.sum(axis=1)]
        phi = phi - conv(hedge) * (prof == 3).sum(axis=1).astype(dtype)
        self._selected[key] = (prof, phi)
        return prof, phi

    def _tol(self, units: str = "states") -> Number:
        """Float tolerance in the states' payoff units, the sponsors' or member counts'."""
        if self._exact:
            return 0
        if units == "counts":
            return EQUILIBRIUM * self.n
        if units == "sponsors":
            scale = max(1.0, *(float(m + f) for m, f in zip(self.member_value, self.fee,
                                                           strict=True)),
                        *(float(x) for x in self.loyalty + self.exclusion_cost))
        else:
            scale = max(1.0, float(np.abs(self.club_values).max()), float(self.hedging_cost),
                        *(float(x) for x in self.fee + self.facility_cost),
                        *(float(x) * self.n for x in self.congestion))
        return EQUILIBRIUM * scale * self.n

    def selected_sortings(self, rules: Sequence[str]) -> tuple[tuple[int, ...], ...]:
        """The selected sortings under ``rules``: the potential maximisers (``n <= 8``), each
        weighted equally, as in the zero-noise limit of asynchronous logit dynamics (one state
        revising at a time; with simultaneous revisions the weights can differ).

        See Also
        --------
        sorting_equilibria : all pure equilibria (every maximiser is one).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[4, 4], [4, 4]], facility_cost=2).selected_sortings(
        ...     ("open", "open"))
        ((3, 3),)
        """
        key = ("selected", self.membership_game(rules).exclusive)
        if key not in self._selected:
            prof, phi = self._potentials(rules)
            top = phi.max()
            self._selected[key] = tuple(
                tuple(int(x) for x in prof[j])
                for j in np.flatnonzero(np.asarray(phi >= top - self._tol(), dtype=bool)))
        return self._selected[key]

    def sponsor_payoffs(self, profile: Sequence[int]) -> tuple[Number, Number]:
        """Each sponsor's payoff at a sorting, before any cost of enforcing a rule:
        ``(member_value_k + fee_k) * m_k + loyalty_k * e_k``.

        See Also
        --------
        sponsor_values : at the selected sortings, net of enforcement.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[3, 3]] * 3, loyalty=[2, 0]).sponsor_payoffs((1, 3, 2))
        (Fraction(4, 1), Fraction(2, 1))
        """
        s = self._profile(profile)
        out = []
        for k in range(2):
            members = int(((s >> k) & 1).sum())
            alone = int((s == k + 1).sum())
            out.append((self.member_value[k] + self.fee[k]) * members + self.loyalty[k] * alone)
        return (out[0], out[1])

    def _profile(self, profile: Sequence[int]) -> NDArray[np.int64]:
        if isinstance(profile, str) or not hasattr(profile, "__len__") or len(profile) != self.n:
            raise InvalidArgumentError(f"profile: one choice (0-3) per state ({self.n})")
        if any(isinstance(x, (bool, np.bool_)) or not isinstance(x, (int, np.integer))
               for x in profile):
            raise InvalidArgumentError(
                f"profile: choices are integer codes 0 (neither), 1 (A), 2 (B), 3 (both); got "
                f"{list(profile)!r}")
        s = np.asarray([int(x) for x in profile], dtype=np.int64)
        if s.min() < 0 or s.max() > 3:
            raise InvalidArgumentError(
                f"profile: choices are 0 (neither), 1 (A), 2 (B), 3 (both); got {s.tolist()}")
        return s

    def _mean(self, values: list[Any]) -> Number:
        if self._exact:
            return Fraction(sum(values, Fraction(0)), len(values))
        return float(sum(float(v) for v in values) / len(values))

    def sponsor_values(self, rules: Sequence[str]) -> tuple[Number, Number]:
        """Each sponsor's payoff under ``rules``: its mean payoff over the selected sortings,
        less ``exclusion_cost`` if its own rule is exclusive.

        See Also
        --------
        game, value_of_exclusivity

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.models.ClubExclusivity([[4, 4], [4, 4]], facility_cost=2)
        >>> game.sponsor_values(("exclusive", "open"))   # each sorting has one club empty
        (Fraction(1, 1), Fraction(1, 1))
        """
        rules = self._rules(rules)
        pays = [self.sponsor_payoffs(p) for p in self.selected_sortings(rules)]
        out = [self._mean([p[k] for p in pays]) for k in range(2)]
        return (out[0] - self.exclusion_cost[0] * (rules[0] == "exclusive"),
                out[1] - self.exclusion_cost[1] * (rules[1] == "exclusive"))

    def _club(self, club: int) -> int:
        if isinstance(club, (bool, np.bool_)) or club not in (0, 1):
            raise InvalidArgumentError(f"club is 0 (A) or 1 (B), got {club!r}")
        return int(club)

    @staticmethod
    def _rival(rival_rule: Any) -> str:
        if not isinstance(rival_rule, str) or rival_rule not in RULES:
            raise InvalidArgumentError(
                f"rival_rule: the rival sponsor's rule, 'open' or 'exclusive'; got {rival_rule!r}")
        return rival_rule

    @staticmethod
    def _with_rule(club: int, own: str, rival_rule: str) -> tuple[str, str]:
        return (own, rival_rule) if club == 0 else (rival_rule, own)

    def value_of_exclusivity(self, club: int, rival_rule: str = "open") -> Number:
        """Sponsor ``club``'s payoff with an exclusive rule minus with an open one, the
        rival's rule given, at the selected sortings (net of enforcement).

        See Also
        --------
        loyalty_threshold : the loyalty at which it turns positive.
        exclusivity_range : the same difference over all pure sorting equilibria.

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3)
        >>> game.value_of_exclusivity(0), game.with_(loyalty=4).value_of_exclusivity(0)
        (Fraction(-3, 2), Fraction(9, 2))
        """
        k = self._club(club)
        rival = self._rival(rival_rule)
        high = self.sponsor_values(self._with_rule(k, "exclusive", rival))[k]
        low = self.sponsor_values(self._with_rule(k, "open", rival))[k]
        return high - low

    def exclusivity_range(self, club: int, rival_rule: str = "open") -> tuple[Number, Number]:
        """The smallest and largest value of exclusivity to ``club`` over all pairs of pure
        sorting equilibria (exclusive, open), the rival's rule given (``n <= 8``).

        The selected value (:meth:`value_of_exclusivity`) lies between them.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3
        ...                           ).exclusivity_range(0)
        (Fraction(-2, 1), Fraction(-1, 1))
        """
        k = self._club(club)
        rival = self._rival(rival_rule)
        cost = self.exclusion_cost[k]
        high = [self.sponsor_payoffs(p)[k] for p in
                self.sorting_equilibria(self._with_rule(k, "exclusive", rival))]
        low = [self.sponsor_payoffs(p)[k] for p in
               self.sorting_equilibria(self._with_rule(k, "open", rival))]
        return (min(high) - max(low) - cost, max(high) - min(low) - cost)

    def loyalty_threshold(self, club: int) -> Threshold:
        """The loyalty at and above which exclusivity pays sponsor ``club`` against an open
        rival (its value of exclusivity ``>= 0``).

        Since the sorting does not depend on the sponsors' values, the value of exclusivity
        is ``(member_value + fee) * (m^E - m^O) + loyalty * (m^E - e^O) - exclusion_cost``
        (``m`` members and ``e`` exclusive members, means over the selected sortings under
        exclusive and open rules): the threshold is where it is zero. When exclusivity adds
        no member of the club alone (``m^E = e^O``) loyalty does not matter (threshold 0 if
        it pays, :meth:`Threshold.none` if not); when it loses some (``m^E < e^O``: the
        loyal members leave once the hedgers stop sharing the cost), it also loses reach,
        and it pays only at loyalty 0 and only if no reach is lost (``holds_above=False``).

        Returns
        -------
        Threshold
            ``parameter="loyalty"``; ``holds_above=True`` unless exclusivity loses loyal
            members.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3
        ...                           ).loyalty_threshold(0)
        Threshold(loyalty >= 1)
        """
        k = self._club(club)
        sizes = {}
        for own in RULES:
            sortings = self.selected_sortings(self._with_rule(k, own, "open"))
            sizes[own] = (self._mean([sum((c >> k) & 1 for c in p) for p in sortings]),
                          self._mean([sum(c == k + 1 for c in p) for p in sortings]))
        (m_e, _), (m_o, e_o) = sizes["exclusive"], sizes["open"]
        reach = (self.member_value[k] + self.fee[k]) * (m_e - m_o) - self.exclusion_cost[k]
        gain = m_e - e_o
        # member counts and the sponsor's payoffs have their own units (not the states')
        count_tol, tol = self._tol("counts"), self._tol("sponsors")
        zero = Fraction(0) if self._exact else 0.0
        if gain > count_tol:
            return Threshold.at(zero if reach >= -tol else -reach / gain, "loyalty")
        if gain < -count_tol:   # exclusivity loses loyal members too: loyalty counts against it
            if reach >= -tol:
                return Threshold.at(zero, "loyalty", holds_above=False)
            return Threshold.none("loyalty", holds_above=False)
        if reach >= -tol:
            return Threshold.at(zero, "loyalty")
        return Threshold.none("loyalty")

    # -- the rule stage ----------------------------------------------------------------------
    @property
    def game(self) -> NormalFormGame:
        """The sponsors' rule stage as a 2x2 game (actions ``open``, ``exclusive``).

        See Also
        --------
        rule_equilibria
        """
        pay = np.empty((2, 2, 2), dtype=object if self._exact else np.float64)
        for a, b in itertools.product(range(2), repeat=2):
            pay[a, b] = self.sponsor_values((RULES[a], RULES[b]))
        return NormalFormGame(pay, players=["sponsor A", "sponsor B"],
                              actions=[list(RULES)] * 2)

    def rule_equilibria(self) -> tuple[tuple[str, str], ...]:
        """Every pure Nash equilibrium of the rule stage (weak: ties allowed), in the order
        (open, open), (open, exclusive), (exclusive, open), (exclusive, exclusive).

        See Also
        --------
        game : the same game for a generic solver.

        Examples
        --------
        >>> import multilateral as ml
        >>> game = ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3)
        >>> game.rule_equilibria(), game.with_(exclusion_cost=1).rule_equilibria()
        ((('open', 'open'), ('exclusive', 'exclusive')), (('open', 'open'),))
        """
        table = {r: self.sponsor_values(r) for r in itertools.product(RULES, repeat=2)}
        tol = self._tol("sponsors")
        out = []
        for ra, rb in itertools.product(RULES, repeat=2):
            ua, ub = table[(ra, rb)]
            if all(ua >= table[(alt, rb)][0] - tol for alt in RULES) and all(
                    ub >= table[(ra, alt)][1] - tol for alt in RULES):
                out.append((ra, rb))
        return tuple(out)

    # -- when a state joins both -------------------------------------------------------------
    def universal_hedging_threshold(self) -> Threshold:
        """The largest hedging cost at which every state joining both clubs is a sorting
        equilibrium under open rules: ``min_i min_k (v_ik - fee_k - f_k(n))``
        (:meth:`Threshold.none` if that is negative).

        Returns
        -------
        Threshold
            ``parameter="hedging_cost"``, ``holds_above=False``.

        See Also
        --------
        dual_membership_bound : a state's bound at any equilibrium.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3
        ...                           ).universal_hedging_threshold()
        Threshold(hedging_cost <= 1)
        """
        game = self._games[False]
        n = self.n
        share = [game.facility_cost[k] / n + game.congestion[k] * (n - 1) for k in range(2)]
        low = min(game.club_values[i, k] - share[k] for i in range(n) for k in range(2))
        return self._hedging_threshold(low)

    def _hedging_threshold(self, low: Any) -> Threshold:
        # a float surplus a rounding error below 0 is 0 (the game's own check agrees)
        if low < -self._tol():
            return Threshold.none("hedging_cost", holds_above=False)
        return Threshold.at(max(low, 0 * low) + 0, "hedging_cost", holds_above=False)

    def dual_membership_bound(self, player: int | str) -> Threshold:
        """The hedging cost above which ``player`` joins both clubs at no sorting equilibrium,
        under any rules: ``min_k (v_ik - fee_k - min_m f_k(m))``, its smaller surplus at each
        club's cheapest size (Buchanan's optimum); :meth:`Threshold.none` if negative.

        Returns
        -------
        Threshold
            ``parameter="hedging_cost"``, ``holds_above=False`` (necessary, not sufficient).

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3
        ...                           ).dual_membership_bound(0)
        Threshold(hedging_cost <= 1)
        """
        game = self._games[False]
        i = self._index(player)
        n = self.n
        best = [min(game.facility_cost[k] / m + game.congestion[k] * (m - 1)
                    for m in range(1, n + 1)) for k in range(2)]
        low = min(game.club_values[i, k] - best[k] for k in range(2))
        return self._hedging_threshold(low)

    def _index(self, state: int | str) -> int:
        if isinstance(state, str):
            if self.labels is None or state not in self.labels:
                raise InvalidArgumentError(f"unknown state {state!r}")
            return self.labels.index(state)
        if isinstance(state, (bool, np.bool_)) or not isinstance(state, (int, np.integer)):
            raise InvalidArgumentError(
                f"state: an index in 0..{self.n - 1} or a label, got {state!r}")
        if not 0 <= int(state) < self.n:
            raise InvalidArgumentError(f"state index must be in 0..{self.n - 1}, got {state}")
        return int(state)
