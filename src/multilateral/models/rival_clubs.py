"""Rival clubs competing for members: membership sorting, hedging and the value of exclusivity.

Two clubs, ``A`` and ``B``, each provide a club good in Buchanan's (1965) sense: excludable and
congestible, its cost shared by the members. Each of ``n`` states joins ``A``, ``B``, both or
neither. State ``i`` values club ``k``'s good at ``v_ik`` (its *type*); a member of a club with
``m`` members pays the per-member cost

``f_k(m) = facility_cost_k / m + congestion_k * (m - 1)``,

an equal share of the good's cost (which falls as the club grows) plus crowding (which rises as
it grows): the two forces whose balance fixes Buchanan's optimal membership [1]_. A state in both
clubs also bears ``hedging_cost``: what dual membership costs the state, because each club
gives less to, or trusts less, a member of its rival. If the clubs are ``exclusive`` they bar
dual members, and "both" is not available at all (the clubs' sponsors choosing that rule,
and what exclusivity is worth to them, is :class:`~multilateral.models.ClubExclusivity`).
State ``i``'s payoff
from a set ``s_i`` of clubs is

``u_i = sum over k in s_i of (v_ik - f_k(m_k)) - hedging_cost * [s_i = {A, B}]``.

The membership game is an exact potential game (Rosenthal 1973; Monderer and Shapley 1996
[3]_), since each club's cost depends only on its number of members and each state's values
enter additively:

``Phi(s) = sum_i sum_{k in s_i} v_ik - sum_k sum_{j=1..m_k} f_k(j) - hedging_cost * D(s)``,

``D(s)`` the number of dual members. So pure Nash equilibria exist, best-response dynamics
reach one (:meth:`RivalClubs.equilibrium`, O(n) work per move, n in the hundreds in well under
a second) and the potential's maximisers are equilibria (the stochastically stable ones of
asynchronous logit dynamics, one state revising at a time [4]_). Comparative statics that
follow:

* **when a state joins both** (:meth:`RivalClubs.hedging_threshold`): given the others,
  joining both is a best response iff the hedging cost is at most the state's smaller surplus
  from either club, ``min(v_iA - f_A, v_iB - f_B)`` (the only one if strictly below): the
  library's material reading of Kuik's (2008) hedging [2]_ -- a small state keeps a foot in
  each camp while neither membership costs it the other. Kuik's own argument is about
  strategy towards a rising power, driven by regime legitimation at home (p. 159), not club
  membership;
* **exclusivity sorts**: raising the hedging cost never raises the number of dual members at
  the potential-maximising equilibrium (from the two maximisers' inequalities), and barring
  dual members sorts every state into at most one camp. This is the library's formalization
  of hedging between rival fora (the Lancang-Mekong Cooperation and the Mekong-U.S.
  Partnership, :mod:`multilateral.cases.mekong`); no published formal model of rival
  international clubs was reproduced here;
* **Buchanan's optimal size** (:meth:`RivalClubs.optimal_size`): the membership that maximises
  a member's net benefit rises with the good's cost and falls with congestion [1]_ -- the
  published comparative static this module reproduces (with linear crowding the continuous
  optimum is ``sqrt(facility_cost / congestion)``, where ``facility_cost / m**2 =
  congestion``; the per-member cost is convex in ``m``, so the integer optimum is the
  smallest ``m`` with ``m * (m + 1) >= facility_cost / congestion``: the floor or the
  ceiling of the root, not always the nearer one (ratio 6.1: root 2.47, optimum 3). This
  specialisation of Buchanan's marginal conditions is the library's).

Profiles are coded per state as 0 (neither), 1 (``A``), 2 (``B``), 3 (both): bit 0 is ``A``,
bit 1 is ``B``.

References
----------
.. [1] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14
   (optimal membership where the marginal saving in cost shares equals the marginal crowding
   cost; the page of each figure not confirmed here). Sandler, T. (2013). Buchanan clubs.
   *Constitutional Political Economy* 24(4), 265-284 (the mathematical structure).
.. [2] Kuik, C.-C. (2008). The essence of hedging: Malaysia and Singapore's response to a
   rising China. *Contemporary Southeast Asia* 30(2), 159-185 (p. 159, the abstract: hedging
   as a "middle" position between balancing and bandwagoning, explained by regime
   legitimation; the introduction's pages 160-163 not confirmed here).
.. [3] Monderer, D. and Shapley, L. S. (1996). Potential games. *Games and Economic Behavior*
   14(1), 124-143; Rosenthal, R. W. (1973). A class of games possessing pure-strategy Nash
   equilibria. *International Journal of Game Theory* 2, 65-67.
.. [4] Blume, L. E. (1993). The statistical mechanics of strategic interaction. *Games and
   Economic Behavior* 5(3), 387-424; Alós-Ferrer, C. and Netzer, N. (2010). The
   logit-response dynamics. *Games and Economic Behavior* 68(2), 413-427 (the abstract: the
   selection depends on who revises when).

Examples
--------
>>> import multilateral as ml
>>> clubs = ml.models.RivalClubs([[5, 4], [3, 1], [1, 3]], facility_cost=2)
>>> clubs.equilibrium()              # everybody hedges
(3, 3, 3)
>>> clubs.with_(hedging_cost=1).equilibrium()
(3, 1, 2)
>>> clubs.with_(hedging_cost=4).equilibrium()   # exclusivity sorts
(1, 1, 2)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, readonly
from .._validation import as_real_vector, check_labels, check_real
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.normal_form import NormalFormGame
from ..results import Threshold
from ..tolerances import EQUILIBRIUM
from ..types import Number
from .base import Model

__all__ = ["RivalClubs"]
__dir__ = public_dir(__all__)

#: The names of the membership choices, by code (bit 0: club A, bit 1: club B).
CHOICES = ("neither", "A", "B", "both")

_MAX_STATES = 1000
_MAX_ENUMERATION = 8   # all 4**n profiles are enumerated up to this many states
_MAX_GAME_PLAYERS = 6  # the normal-form game has 4**n profiles


@dataclass(frozen=True, eq=False, repr=False)
class RivalClubs(Model):
    """Two rival clubs competing for members who join one, both or neither.

    Parameters
    ----------
    club_values : array_like, shape (n, 2)
        ``club_values[i, k]``: state ``i``'s gross value of club ``k``'s good (``k = 0`` is ``A``,
        ``1`` is ``B``); ``n >= 2``.
    facility_cost : number or pair of numbers >= 0
        The cost of each club's good, shared equally by its members (default 0).
    congestion : number or pair of numbers >= 0
        Each club's crowding: the loss to every member per other member (default 0).
    hedging_cost : number >= 0
        What a member of both clubs loses for belonging to the rival (default 0).
    exclusive : bool
        Whether the clubs bar dual members (default False).
    labels : sequence of str, optional
        State names.

    References
    ----------
    .. [1] Buchanan, J. M. (1965). An economic theory of clubs. *Economica* 32(125), 1-14.
    .. [2] Kuik, C.-C. (2008). The essence of hedging. *Contemporary Southeast Asia* 30(2),
       159-185 (p. 159).
    .. [3] Monderer, D. and Shapley, L. S. (1996). Potential games. *Games and Economic
       Behavior* 14(1), 124-143.

    See Also
    --------
    multilateral.models.ClubExclusivity : the sponsors choose open or exclusive rules first.
    multilateral.models.ClimateClub : one club with a penalty tariff on outsiders.
    multilateral.models.ForumChoice : choosing the forum for a negotiation.
    multilateral.cases.mekong : the rival Mekong fora.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> import multilateral as ml
    >>> clubs = ml.models.RivalClubs([[4, 4], [4, 4]], facility_cost=2, hedging_cost=F(1, 2))
    >>> clubs.equilibrium(), clubs.payoffs(clubs.equilibrium())
    ((3, 3), (Fraction(11, 2), Fraction(11, 2)))
    >>> clubs.with_(exclusive=True).equilibria()
    ((1, 1), (2, 2))
    """

    club_values: Any
    facility_cost: Any = 0
    congestion: Any = 0
    hedging_cost: Number = 0
    exclusive: bool = False
    labels: tuple[str, ...] | None = None
    _exact: bool = field(init=False, repr=False, compare=False)
    _gain: NDArray[Any] = field(init=False, repr=False, compare=False)
    _cost: NDArray[Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        raw = np.asarray(self.club_values, dtype=object)
        if raw.ndim != 2 or raw.shape[1] != 2:
            raise InvalidArgumentError(
                f"club_values must have shape (n, 2), one pair (value of A, value of B) per state; "
                f"got shape {raw.shape}")
        n = raw.shape[0]
        if n < 2:
            raise InvalidArgumentError(f"club_values: need n >= 2 states, got {n}")
        if n > _MAX_STATES:
            raise InvalidArgumentError(f"club_values: at most {_MAX_STATES} states, got {n}")
        flat, v_exact = as_real_vector(raw.ravel().tolist(), "club_values")
        for name in ("facility_cost", "congestion"):
            given = getattr(self, name)
            if hasattr(given, "__len__") and not isinstance(given, str) and len(given) != 2:
                raise InvalidArgumentError(
                    f"{name}: one number, or one per club (2), got {len(given)}")
        cost, c_exact = as_real_vector(self.facility_cost, "facility_cost", size=2)
        crowd, g_exact = as_real_vector(self.congestion, "congestion", size=2)
        if min(cost.tolist()) < 0 or min(crowd.tolist()) < 0:
            raise InvalidArgumentError(
                f"facility_cost and congestion must be >= 0 (a cost, a crowding loss); got "
                f"facility_cost={[format_number(x) for x in cost.tolist()]}, "
                f"congestion={[format_number(x) for x in crowd.tolist()]}")
        hedge = check_real(self.hedging_cost, "hedging_cost", low=0)
        if not isinstance(self.exclusive, (bool, np.bool_)):
            raise InvalidTypeError(f"exclusive must be a bool, got {type(self.exclusive).__name__}")
        labels = check_labels(self.labels, n, "state")
        exact = v_exact and c_exact and g_exact and isinstance(hedge, (int, Fraction))
        dtype: Any = object if exact else np.float64
        conv = Fraction if exact else float
        vals = np.array([conv(x) for x in flat.tolist()], dtype=dtype).reshape(n, 2)
        cost_t = tuple(conv(x) for x in cost.tolist())
        crowd_t = tuple(conv(x) for x in crowd.tolist())
        object.__setattr__(self, "club_values", readonly(vals, dtype))
        object.__setattr__(self, "facility_cost", cost_t)
        object.__setattr__(self, "congestion", crowd_t)
        object.__setattr__(self, "hedging_cost", conv(hedge))
        object.__setattr__(self, "exclusive", bool(self.exclusive))
        object.__setattr__(self, "labels", labels)
        object.__setattr__(self, "_exact", exact)
        # gain[i, k, m]: state i's net gain from club k when it has m members (m = 1..n;
        # column 0 unused)
        sizes = np.arange(1, n + 1)
        # share[k, m]: club k's per-member cost f_k(m) at m members (computed once, never
        # recovered as v - gain, which loses f to cancellation when the values are large floats)
        gain = np.zeros((n, 2, n + 1), dtype=dtype)
        share = np.zeros((2, n + 1), dtype=dtype)
        for k in range(2):
            per = [conv(cost_t[k]) / conv(int(m)) + crowd_t[k] * (int(m) - 1) for m in sizes]
            share[k, 1:] = np.array(per, dtype=dtype)
            gain[:, k, 1:] = vals[:, k:k + 1] - share[k, 1:][None, :]
        object.__setattr__(self, "_gain", readonly(gain, dtype))
        object.__setattr__(self, "_cost", readonly(share, dtype))

    def __repr__(self) -> str:
        return (f"RivalClubs(n={self.n}, facility_cost={self._pair(self.facility_cost)}, "
                f"congestion={self._pair(self.congestion)}, "
                f"hedging_cost={format_number(self.hedging_cost)}, exclusive={self.exclusive})")

    @staticmethod
    def _pair(pair: tuple[Any, Any]) -> str:
        return f"({format_number(pair[0])}, {format_number(pair[1])})"

    @property
    def n(self) -> int:
        """Number of states."""
        return int(self.club_values.shape[0])

    @property
    def is_exact(self) -> bool:
        """Whether every parameter is exact (then payoffs and thresholds are Fractions)."""
        return self._exact

    # -- the membership game ---------------------------------------------------------------
    def _profile(self, profile: Any) -> NDArray[np.int64]:
        if isinstance(profile, str) or not hasattr(profile, "__len__") or len(profile) != self.n:
            raise InvalidArgumentError(f"profile: one choice (0-3) per state ({self.n})")
        s = np.asarray([int(x) for x in profile], dtype=np.int64)
        if s.min() < 0 or s.max() > 3:
            raise InvalidArgumentError(
                f"profile: choices are 0 (neither), 1 (A), 2 (B), 3 (both); got {s.tolist()}")
        if self.exclusive and bool((s == 3).any()):
            raise InvalidArgumentError("profile: the clubs are exclusive; no state may join both")
        return s

    def _table(self, s: NDArray[np.int64]) -> NDArray[Any]:
        """Payoffs (n, 4) of each choice to each state, the others' choices as in ``s``."""
        n = self.n
        in_a, in_b = s & 1, (s >> 1) & 1
        others_a = int(in_a.sum()) - in_a
        others_b = int(in_b.sum()) - in_b
        rows = np.arange(n)
        ua = self._gain[rows, 0, others_a + 1]
        ub = self._gain[rows, 1, others_b + 1]
        table = np.empty((n, 4), dtype=self.club_values.dtype)
        table[:, 0] = ua * 0
        table[:, 1] = ua
        table[:, 2] = ub
        table[:, 3] = ua + ub - self.hedging_cost
        return table

    def _choices(self) -> int:
        return 3 if self.exclusive else 4

    def payoffs(self, profile: Sequence[int]) -> tuple[Number, ...]:
        """Each state's payoff at a membership profile.

        Parameters
        ----------
        profile : sequence of int
            One choice per state: 0 (neither), 1 (``A``), 2 (``B``), 3 (both).

        Returns
        -------
        tuple of numbers
            Exact for exact parameters.

        See Also
        --------
        potential : the game's exact potential.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2).payoffs((1, 3))
        (Fraction(2, 1), Fraction(1, 1))
        """
        s = self._profile(profile)
        table = self._table(s)
        return tuple(table[np.arange(self.n), s].tolist())

    def best_responses(self, profile: Sequence[int]) -> tuple[int, ...]:
        """Each state's best choice given the others' choices in ``profile`` (vectorized).

        Ties go to the lowest code (neither, then ``A``, ``B``, both).

        See Also
        --------
        is_equilibrium, equilibrium

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2).best_responses((0, 0))
        (1, 0)
        """
        s = self._profile(profile)
        table = self._table(s)[:, :self._choices()]
        return tuple(int(x) for x in np.argmax(table, axis=1))

    def _slack(self, s: NDArray[np.int64]) -> NDArray[Any]:
        table = self._table(s)[:, :self._choices()]
        return table.max(axis=1) - table[np.arange(self.n), s]

    def _tol(self) -> Number:
        if self._exact:
            return 0   # an int, so that exact comparisons stay exact
        scale = max(1.0, float(np.abs(self._gain[:, :, 1:]).max()), float(self.hedging_cost))
        return EQUILIBRIUM * scale

    def is_equilibrium(self, profile: Sequence[int]) -> bool:
        """Whether no state gains by changing its memberships alone.

        See Also
        --------
        equilibria : every pure equilibrium (small ``n``).

        Examples
        --------
        >>> import multilateral as ml
        >>> clubs = ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2)
        >>> clubs.is_equilibrium((1, 3)), clubs.is_equilibrium((0, 0))
        (True, False)
        """
        s = self._profile(profile)
        return bool(max(self._slack(s).tolist()) <= self._tol())

    def potential(self, profile: Sequence[int]) -> Number:
        """The exact potential ``Phi``: a state's change of membership changes ``Phi`` by
        exactly the change in its own payoff.

        See Also
        --------
        equilibrium : best-response dynamics climb ``Phi``.

        Examples
        --------
        >>> import multilateral as ml
        >>> clubs = ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2)
        >>> clubs.potential((1, 3)) - clubs.potential((1, 1)) == clubs.payoffs((1, 3))[1] - 1
        True
        """
        s = self._profile(profile)
        in_a, in_b = s & 1, (s >> 1) & 1
        total = self.club_values[:, 0] @ in_a + self.club_values[:, 1] @ in_b
        for k, count in enumerate((int(in_a.sum()), int(in_b.sum()))):
            for m in range(1, count + 1):
                total -= self._cost[k, m]
        return total - self.hedging_cost * int((s == 3).sum())

    def equilibrium(self, start: Sequence[int] | None = None) -> tuple[int, ...]:
        """A pure Nash equilibrium, reached by best-response dynamics from ``start``.

        At each step the state with the largest gain (the first on ties) moves to its best
        response; the potential rises by that gain, so the dynamics stop, in O(n) work per
        step. The start matters: the game has many equilibria, and from nobody a club whose
        good costs more than any single state values it is never founded (nobody joining is
        then an equilibrium); start from everyone in both to see how states sort out of it.

        Parameters
        ----------
        start : sequence of int, optional
            The initial profile (default: no state in either club).

        Returns
        -------
        tuple of int
            One choice per state (0 neither, 1 ``A``, 2 ``B``, 3 both).

        See Also
        --------
        equilibria, best_responses

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2).equilibrium()
        (1, 1)
        """
        s = self._profile([0] * self.n if start is None else start)
        tol, rows = self._tol(), np.arange(self.n)
        for _ in range(100 * self.n * self.n + 100):
            table = self._table(s)[:, :self._choices()]
            best = np.argmax(table, axis=1)
            slack = table[rows, best] - table[rows, s]
            i = int(np.argmax(slack))
            if not slack[i] > tol:
                return tuple(int(x) for x in s)
            s[i] = best[i]
        raise RuntimeError("best-response dynamics did not stop")  # pragma: no cover

    def equilibria(self) -> tuple[tuple[int, ...], ...]:
        """Every pure Nash equilibrium, by enumeration of all profiles (``n <= 8``).

        See Also
        --------
        equilibrium : one equilibrium for any ``n``.
        potential_maximizers : the equilibria that maximise the potential.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[4, 4], [4, 4]], facility_cost=2, exclusive=True).equilibria()
        ((1, 1), (2, 2))
        """
        return tuple(p for p in self._profiles() if self.is_equilibrium(p))

    def _profiles(self) -> list[tuple[int, ...]]:
        if self.n > _MAX_ENUMERATION:
            raise InvalidArgumentError(
                f"enumeration covers 4**n profiles; at most {_MAX_ENUMERATION} states "
                f"(use equilibrium() for larger n)")
        return list(itertools.product(range(self._choices()), repeat=self.n))

    def potential_maximizers(self) -> tuple[tuple[int, ...], ...]:
        """The profiles that maximise the potential (equilibria; ``n <= 8``).

        These are the stochastically stable states of asynchronous logit (noisy best-response,
        one state revising at a time) dynamics in a potential game; with simultaneous revision
        the selection can differ (the module's reference [4]).

        See Also
        --------
        potential, equilibria

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[4, 4], [4, 4]], facility_cost=2).potential_maximizers()
        ((3, 3),)
        """
        profiles = self._profiles()
        phi = [self.potential(p) for p in profiles]
        top = max(phi)
        tol = self._tol()
        return tuple(p for p, v in zip(profiles, phi, strict=True) if v >= top - tol)

    def sorting(self, profile: Sequence[int]) -> dict[str, int]:
        """How many states chose each option at ``profile``.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2).sorting((1, 3))
        {'neither': 0, 'A': 1, 'B': 0, 'both': 1}
        """
        s = self._profile(profile)
        return {name: int((s == code).sum()) for code, name in enumerate(CHOICES)}

    def hedging_threshold(self, player: int | str, profile: Sequence[int]) -> Threshold:
        """The largest hedging cost at which ``player`` joins both clubs, the others as in
        ``profile``.

        It is ``min(v_iA - f_A, v_iB - f_B)``, the smaller surplus the state draws from either
        club when it belongs to it; if that is negative the state never joins both
        (:meth:`Threshold.none`), and never if the clubs are exclusive (also
        :meth:`Threshold.none`). Joining both is a best response iff
        ``hedging_cost <= threshold``, the only one if strictly below.

        Returns
        -------
        Threshold
            ``parameter="hedging_cost"``, ``holds_above=False``.

        See Also
        --------
        optimal_size : Buchanan's membership.

        Examples
        --------
        >>> import multilateral as ml
        >>> clubs = ml.models.RivalClubs([[3, 1], [2, 2]], facility_cost=2)
        >>> clubs.hedging_threshold(1, (1, 3)).exact   # B alone gives state 1 nothing
        Fraction(0, 1)
        """
        i = self._index(player)
        s = self._profile(profile)
        table = self._table(s)
        low = min(table[i, 1], table[i, 2])
        if self.exclusive or low < 0:
            return Threshold.none("hedging_cost", holds_above=False)
        return Threshold.at(low, "hedging_cost", holds_above=False)

    def _index(self, state: int | str) -> int:
        if isinstance(state, str):
            if self.labels is None or state not in self.labels:
                raise InvalidArgumentError(f"unknown state {state!r}")
            return self.labels.index(state)
        if not 0 <= int(state) < self.n:
            raise InvalidArgumentError(f"state index must be in 0..{self.n - 1}, got {state}")
        return int(state)

    def optimal_size(self, club: int = 0) -> int:
        """Buchanan's optimal membership of one club: the size ``m`` in ``1..n`` that
        minimises the per-member cost ``facility_cost / m + congestion * (m - 1)`` (the
        smallest on ties).

        It rises with the good's cost and falls with congestion (Buchanan 1965); with no
        congestion and a costly good the whole population. Minimising
        ``C / m + c * (m - 1)`` over real ``m`` gives ``sqrt(C / c)``; since the cost is convex
        and ``m`` beats ``m + 1`` iff ``m * (m + 1) >= C / c``, the integer optimum is the
        smallest such ``m`` (capped at ``n``), the floor or ceiling of ``sqrt(C / c)``.

        See Also
        --------
        hedging_threshold

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.RivalClubs([[1, 1]] * 10, facility_cost=16, congestion=1).optimal_size()
        4
        """
        if club not in (0, 1):
            raise InvalidArgumentError(f"club is 0 (A) or 1 (B), got {club!r}")
        per = self._cost[club, 1:].tolist()
        best = min(per)
        tol = 0 if self._exact else EQUILIBRIUM * max(1.0, float(max(per)))
        return 1 + next(m for m, c in enumerate(per) if c <= best + tol)

    @property
    def game(self) -> NormalFormGame:
        """The membership game in normal form (``n <= 6``; 3 actions each if exclusive).

        See Also
        --------
        multilateral.solvers.pure_nash_equilibria : reproduces :meth:`equilibria`.
        """
        if self.n > _MAX_GAME_PLAYERS:
            raise InvalidArgumentError(
                f"the normal-form game has 4**n profiles; at most {_MAX_GAME_PLAYERS} states")
        c = self._choices()
        pay = np.empty((c,) * self.n + (self.n,), dtype=self.club_values.dtype)
        for p in itertools.product(range(c), repeat=self.n):
            pay[p] = self.payoffs(p)
        return NormalFormGame(pay, players=list(self.labels) if self.labels else None,
                              actions=[list(CHOICES[:c])] * self.n)
