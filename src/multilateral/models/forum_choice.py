"""Competitive multilateralism: forum choice.

Institutions serve cooperation, conflict prevention and competition; states compete *within*
institutions by caucusing (:mod:`multilateral.models.caucus`) and *without* them by creating
new fora (Moreland 2019). This module models the second move.

Forum choice
------------
States decide whether to cooperate in a **universal forum** that decides by consensus or in
a **club of the willing** (Naím 2009; Patrick 2015 on forum shopping). State ``i`` gains
``b_i`` (positive or negative) from an agreement that covers everyone. Assumptions, this
library's formalization:

* (F1) consensus: the universal agreement is adopted only if no member would lose
  (``b_i >= 0`` for all ``i``), any member can block, and then the status quo (0) stays;
  an adopted universal agreement is worth ``(1 + lambda) b_i``, where ``lambda >= 0`` is a
  premium of universality (legitimacy, no leakage), given, or computed from what the two
  bodies' endorsements tell an audience (:meth:`HeterogeneousForum.from_endorsements`,
  :mod:`multilateral.models.legitimacy`);
* (F2) the club: the states that gain (``b_i > 0``) cooperate among themselves, without a
  veto for the others; it covers the share ``s`` of the coverage weights (equal by default)
  and is worth ``b_i s**gamma`` to each member (``gamma > 0``: returns to coverage); the
  others get 0.

With known positions (:class:`ForumChoice`) the structure is plain: if no one would lose,
every state weakly prefers the universal forum; otherwise consensus blocks and the willing
form the club.

The interesting question is *ex ante*, when a state chooses where to invest before it knows
the others' positions (:class:`HeterogeneousForum`). Each other state gains with probability
``p`` independently; ``p`` falls as interests grow more heterogeneous (positions
``N(mu, sigma**2)`` with ``mu > 0`` give ``p = Phi(mu / sigma)``, which falls from 1 to 1/2
as the spread ``sigma`` grows). Per unit of its own benefit, a state that gains expects

    universal:  U(p) = (1 + lambda) p**(n - 1)
    club:       C(p) = E[((1 + X) / n)**gamma],   X ~ Binomial(n - 1, p)

**Heterogeneity favors clubs.** ``C(p) / U(p)`` is nonincreasing in ``p``, so once a state
prefers the club, more heterogeneity never brings it back to the universal forum. Proof:
with ``h(x) = ((1 + x) / n)**gamma >= 0`` increasing and ``X'`` ~ Binomial(n - 2, p),
``p C'(p) = (n - 1) p E[h(X' + 1) - h(X')] <= (n - 1) p E[h(X' + 1)] <= (n - 1) C(p)``, so
``d log C / dp <= (n - 1) / p = d log U / dp``. At ``p = 1`` the universal forum wins iff
``lambda > 0``; as ``p -> 0`` the club wins (``C -> n**-gamma > 0 = U``); so there is a
critical probability ``p*`` (:meth:`HeterogeneousForum.critical_probability`) below which
the club is preferred. :data:`multilateral.claims.HETEROGENEITY_FAVORS_CLUBS` states the claim.

References
----------
.. [1] Moreland, W. (2019). *The Purpose of Multilateralism: A Framework for Democracies in
   a Geopolitically Competitive World*. Brookings Institution (Foreign Policy, September).
.. [2] Naím, M. (2009). Minilateralism: the magic number to get real international action.
   *Foreign Policy* (online 18 June 2009).
.. [3] Patrick, S. (2015). The new "new multilateralism": minilateral cooperation, but at
   what cost? *Global Summitry* 1(2), 115-134.
.. [4] Underdal, A. (1980). *The Politics of International Fisheries Management: The Case
   of the Northeast Atlantic*. Universitetsforlaget (the law of the least ambitious
   program); Hovi, J. and Sprinz, D. F. (2006). The limits of the law of the least
   ambitious program. *Global Environmental Politics* 6(3), 28-42.

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.models import ForumChoice, HeterogeneousForum
>>> ForumChoice([3, 2, 1, -1]).equilibrium()
ForumOutcome(club of 3: coverage 3/4)
>>> f = HeterogeneousForum(n=21, gain_probability=Fraction(99, 100), legitimacy=1)
>>> f.prefers_club(), f.with_(gain_probability=Fraction(9, 10)).prefers_club()
(False, True)

Neither forum model induces a game: :class:`ForumChoice` applies a decision rule
(consensus, else the club of the willing) to known positions, and :class:`HeterogeneousForum`
is one state's decision under uncertainty; so neither has a ``.game``.

The module runs past the library's ~600 lines because it holds the one theory of forum
choice (two models and their results, with the legitimacy premium's link to
:mod:`multilateral.models.legitimacy`), and about half of its lines are docstrings with
runnable examples; split, the two models would lose the shared forum vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist
from typing import Literal, cast

from .. import tolerances
from .._namespace import public_dir
from .._numeric import format_number, format_values
from .._validation import check_positive_int, check_probability, check_real, check_sequence
from ..errors import InvalidArgumentError, InvalidTypeError
from ..results import Threshold
from ..types import Number
from .base import Model
from .legitimacy import Endorsement

__all__ = [
    "ForumChoice",
    "ForumOutcome",
    "HeterogeneousForum",
]
__dir__ = public_dir(__all__)

#: A forum cooperation can run through.
Forum = Literal["universal", "club"]
#: A state's preferred forum, or neither.
ForumPreference = Literal["universal", "club", "indifferent"]

FORUMS = ("universal", "club")


def _prefer(universal: Number, club: Number) -> ForumPreference:
    if universal > club:
        return "universal"
    if club > universal:
        return "club"
    return "indifferent"


@dataclass(frozen=True, repr=False)
class ForumOutcome:
    """The forum structure that results from known positions.

    Attributes
    ----------
    forum : {"universal", "club", "none"}
        Whether the universal agreement is adopted, the willing form a club, or no one
        gains and the status quo stays.
    members : tuple of str
        Who cooperates (everyone, the club, or no one).
    coverage : number
        Their share of the coverage weights.
    payoffs : tuple
        Every state's payoff.

    References
    ----------
    .. [1] Naím, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Patrick, S. (2015). The new "new multilateralism": minilateral cooperation, but
       at what cost? *Global Summitry* 1(2), 115-134 (pp. 120-126: forum shopping).

    See Also
    --------
    ForumChoice.equilibrium : computes it.
    ForumChoice.preferences : each state's preferred forum.

    Examples
    --------
    >>> from multilateral.models import ForumChoice
    >>> outcome = ForumChoice([3, 2, 1, -1], members=["A", "B", "C", "D"]).equilibrium()
    >>> outcome
    ForumOutcome(club of 3: coverage 3/4)
    >>> outcome.forum, outcome.members
    ('club', ('A', 'B', 'C'))
    """

    forum: Literal["universal", "club", "none"]
    members: tuple[str, ...]
    coverage: Number
    payoffs: tuple[Number, ...]

    def __repr__(self) -> str:
        if self.forum == "universal":
            return f"ForumOutcome(universal: all {len(self.members)} cooperate)"
        if self.forum == "club":
            return f"ForumOutcome(club of {len(self.members)}: coverage {self.coverage})"
        return "ForumOutcome(none: the status quo stays)"


@dataclass(frozen=True, eq=False, repr=False)
class ForumChoice(Model):
    """States with known positions choose between a universal forum and a club of the willing.

    Parameters
    ----------
    benefits : sequence of numbers
        ``b_i``: what each state gains from an agreement that covers everyone (negative: it
        loses and, under consensus, blocks).
    weights : sequence of numbers, optional
        Coverage weights ``w_i >= 0`` (shares of emissions, trade, population); default
        equal. Normalized to sum to one.
    legitimacy : number, default 0
        ``lambda >= 0``: the premium of a universal agreement, worth ``(1 + lambda) b_i``.
    coverage_returns : number, default 1
        ``gamma > 0``: a club covering the share ``s`` is worth ``b_i s**gamma``.
    members : sequence of str, optional
        State labels (default ``"S1"``, ``"S2"``, ...).

    Notes
    -----
    Assumptions (F1)-(F2) of the module docstring. If every ``b_i >= 0`` the universal
    agreement passes and every state weakly prefers it (``(1 + lambda) b_i >= b_i s**gamma``
    since ``s <= 1``); otherwise consensus blocks it, the willing (``b_i > 0``) strictly
    prefer the club and the others are indifferent. Exact inputs give exact payoffs. The
    model keeps the model contract (:mod:`multilateral.models.base`); it induces no game
    (a decision rule applied to known positions), so it has no ``.game``.

    References
    ----------
    .. [1] Naím, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).
    .. [2] Patrick, S. (2015). The new "new multilateralism": minilateral cooperation, but
       at what cost? *Global Summitry* 1(2), 115-134 (pp. 120-126: forum shopping).
    .. [3] Moreland, W. (2019). *The Purpose of Multilateralism*. Brookings Institution
       (pp. 5-9: competition within and without institutions).

    See Also
    --------
    HeterogeneousForum : the same choice before the positions are known.
    ForumOutcome : what :meth:`equilibrium` returns.

    Examples
    --------
    >>> from multilateral.models import ForumChoice
    >>> fc = ForumChoice([3, 2, 1, -1], members=["A", "B", "C", "D"])
    >>> fc.universal_adopted(), fc.club_members()
    (False, ('A', 'B', 'C'))
    >>> fc.preferences()
    {'A': 'club', 'B': 'club', 'C': 'club', 'D': 'indifferent'}
    >>> fc.equilibrium().payoffs
    (Fraction(9, 4), Fraction(3, 2), Fraction(3, 4), Fraction(0, 1))
    >>> ForumChoice([3, 2, 1, 0]).equilibrium()
    ForumOutcome(universal: all 4 cooperate)
    """

    benefits: Sequence[Number]
    weights: Sequence[Number] | None = None
    legitimacy: Number = 0
    coverage_returns: Number = 1
    members: Sequence[str] | None = None

    def __post_init__(self) -> None:
        for name in ("benefits", "weights"):
            if getattr(self, name) is not None:
                check_sequence(getattr(self, name), name, "numbers, one per state")
        for name in ("benefits", "weights", "members"):
            values = getattr(self, name)
            if (values is None and name == "benefits") or (
                    values is not None and (isinstance(values, (str, bytes))
                                            or not isinstance(values, Iterable))):
                what = "strings" if name == "members" else "numbers"
                raise InvalidTypeError(
                    f"{name} must be a sequence of {what}, one per state, got {values!r}")
        b = tuple(check_real(v, f"benefits[{i}]") for i, v in enumerate(self.benefits))
        if not b:
            raise InvalidArgumentError("benefit must name at least one state")
        n = len(b)
        if self.weights is None:  # equal weights, in the benefits' arithmetic
            exact = all(isinstance(x, Fraction) for x in b)
            w = tuple(Fraction(1, n) if exact else 1.0 / n for _ in b)
        else:
            raw = tuple(check_real(v, f"weights[{i}]", low=0)
                        for i, v in enumerate(self.weights))
            if len(raw) != n:
                raise InvalidArgumentError(
                    f"weights must have one entry per state ({n}), got {len(raw)}")
            total = sum(raw)
            if total <= 0:
                raise InvalidArgumentError("weights must not all be zero")
            w = tuple(x / total for x in raw)
        labels = tuple(f"S{i + 1}" for i in range(n)) if self.members is None else tuple(
            self.members)
        if len(labels) != n or not all(isinstance(m, str) for m in labels):
            raise InvalidArgumentError(f"members must be {n} strings, one per state")
        if len(set(labels)) != n:
            raise InvalidArgumentError("members must be distinct")
        object.__setattr__(self, "benefits", b)
        object.__setattr__(self, "weights", w)
        object.__setattr__(self, "members", labels)
        object.__setattr__(self, "legitimacy",
                           check_real(self.legitimacy, "legitimacy", low=0))
        object.__setattr__(self, "coverage_returns",
                           check_real(self.coverage_returns, "coverage_returns", low=0,
                                      open_low=True))

    def __repr__(self) -> str:
        shown = [f"benefits={format_values(self.benefits, limit=6)}"]
        if len(set(self._weights)) > 1:
            shown.append(f"weights={format_values(self._weights, limit=6)}")
        for name, default in (("legitimacy", 0), ("coverage_returns", 1)):
            if getattr(self, name) != default:
                shown.append(f"{name}={format_number(getattr(self, name))}")
        if self._members != tuple(f"S{i + 1}" for i in range(self.n)):
            listed = ", ".join(self._members[:4]) + (", ..." if self.n > 4 else "")
            shown.append(f"members=[{listed}]")
        return f"ForumChoice({', '.join(shown)})"

    @property
    def n(self) -> int:
        """Number of states.

        See Also
        --------
        members : their labels.
        """
        return len(self.benefits)

    def universal_adopted(self) -> bool:
        """Whether no state would lose, so that consensus adopts the universal agreement.

        See Also
        --------
        club_members : who forms the club when it is not.
        equilibrium : the resulting forum structure.
        """
        return all(b >= 0 for b in self.benefits)

    def club_members(self) -> tuple[str, ...]:
        """The willing: the states that gain (``b_i > 0``).

        See Also
        --------
        club_coverage : their share of the coverage weights.
        universal_adopted : whether the universal forum passes instead.
        """
        return tuple(m for m, b in zip(self._members, self.benefits, strict=True) if b > 0)

    @property
    def _weights(self) -> tuple[Number, ...]:
        return cast(tuple[Number, ...], self.weights)  # normalized by __post_init__

    @property
    def _members(self) -> tuple[str, ...]:
        return cast(tuple[str, ...], self.members)  # labelled by __post_init__

    def club_coverage(self) -> Number:
        """The willing's share of the coverage weights.

        See Also
        --------
        club_members : who they are.
        """
        return sum((w for w, b in zip(self._weights, self.benefits, strict=True) if b > 0),
                   0 * self._weights[0])

    def payoffs(self, forum: Forum) -> tuple[Number, ...]:
        """Every state's payoff if cooperation runs through ``forum``.

        See Also
        --------
        preferences : which forum each state prefers.
        equilibrium : the forum that results.
        """
        if forum not in FORUMS:
            raise InvalidArgumentError(f"forum must be 'universal' or 'club', got {forum!r}")
        zero = 0 * self.benefits[0]
        if forum == "universal":
            adopted = self.universal_adopted()
            return tuple((1 + self.legitimacy) * b if adopted else zero for b in self.benefits)
        value = self.club_coverage() ** self.coverage_returns
        return tuple(b * value if b > 0 else zero for b in self.benefits)

    def preferences(self) -> dict[str, ForumPreference]:
        """Each state's preferred forum: ``'universal'``, ``'club'`` or ``'indifferent'``.

        See Also
        --------
        payoffs : the payoffs compared.
        HeterogeneousForum.preferred_forum : the same choice before positions are known.
        """
        universal, club = self.payoffs("universal"), self.payoffs("club")
        return {m: _prefer(u, c)
                for m, u, c in zip(self._members, universal, club, strict=True)}

    def equilibrium(self) -> ForumOutcome:
        """The forum structure: universal if no one blocks, else the club of the willing.

        See Also
        --------
        ForumOutcome : what it returns.
        preferences : each state's preferred forum.
        """
        if self.universal_adopted():
            return ForumOutcome("universal", self._members, 1 + 0 * self._weights[0],
                                self.payoffs("universal"))
        club = self.club_members()
        if club:
            return ForumOutcome("club", club, self.club_coverage(), self.payoffs("club"))
        return ForumOutcome("none", (), 0 * self._weights[0], self.payoffs("universal"))


@dataclass(frozen=True, eq=False, repr=False)
class HeterogeneousForum(Model):
    """The forum choice of a state that gains, before it knows the others' positions.

    Parameters
    ----------
    n : int
        Number of states (``>= 2``), equal coverage weights.
    gain_probability : number in [0, 1]
        ``p``: the probability that any other state gains from the agreement (independently).
        Lower ``p`` means more heterogeneous interests; see :meth:`from_normal`.
    legitimacy : number, default 0
        ``lambda >= 0``, as in :class:`ForumChoice`.
    coverage_returns : number, default 1
        ``gamma > 0``, as in :class:`ForumChoice`.

    Notes
    -----
    The values are per unit of the state's own benefit (both forums scale with it):
    ``U(p) = (1 + lambda) p**(n - 1)`` and ``C(p) = E[((1 + X) / n)**gamma]`` with
    ``X ~ Binomial(n - 1, p)`` (exact for exact ``p`` and integer ``gamma``). The module
    docstring proves that ``C / U`` is nonincreasing in ``p``.

    The model keeps the model contract (:mod:`multilateral.models.base`; change parameters
    with :meth:`with_`; a ``gain_probability`` outside [0, 1] raises
    :class:`~multilateral.errors.InvalidProbabilityError`). The values are exact for exact
    inputs; :meth:`critical_probability` and :meth:`critical_spread` are floats whatever
    the input, since ``p*`` is a root of a polynomial (irrational in general), found
    numerically. It induces no game (one state's decision under uncertainty).

    References
    ----------
    .. [1] Hovi, J. and Sprinz, D. F. (2006). The limits of the law of the least ambitious
       program. *Global Environmental Politics* 6(3), 28-42 (pp. 30-34: consensus and
       the least ambitious member).
    .. [2] Naím, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).

    See Also
    --------
    ForumChoice : the choice with known positions.
    multilateral.claims.HETEROGENEITY_FAVORS_CLUBS : the claim this model proves.
    multilateral.models.ForumShopping : choosing among overlapping courts (Busch 2007).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import HeterogeneousForum
    >>> f = HeterogeneousForum(n=3, gain_probability=Fraction(1, 2), legitimacy=1)
    >>> f.universal_value(), f.club_value()
    (Fraction(1, 2), Fraction(2, 3))
    >>> round(f.critical_probability(), 4)
    0.6076
    >>> f.critical_spread(mean=1.0)
    Threshold(spread >= 3.6612)
    >>> f.outcome_probabilities()
    {'universal': Fraction(1, 8), 'club': Fraction(3, 4), 'none': Fraction(1, 8)}
    """

    n: int
    gain_probability: Number
    legitimacy: Number = 0
    coverage_returns: Number = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "n", check_positive_int(self.n, "n", minimum=2))
        p = check_real(self.gain_probability, "gain_probability")  # kept exact when rational
        check_probability(p, "gain_probability")  # InvalidProbabilityError outside [0, 1]
        object.__setattr__(self, "gain_probability", p)
        object.__setattr__(self, "legitimacy",
                           check_real(self.legitimacy, "legitimacy", low=0))
        object.__setattr__(self, "coverage_returns",
                           check_real(self.coverage_returns, "coverage_returns", low=0,
                                      open_low=True))

    @classmethod
    def from_normal(cls, n: int, mean: float, spread: float, *, legitimacy: Number = 0,
                    coverage_returns: Number = 1) -> HeterogeneousForum:
        """Positions drawn from ``N(mean, spread**2)``: ``p = Phi(mean / spread)`` (a float).

        ``spread`` measures heterogeneity; ``spread = 0`` means identical positions.

        See Also
        --------
        critical_spread : the spread at which the club becomes preferred.
        """
        mean = float(check_real(mean, "mean"))
        spread = float(check_real(spread, "spread", low=0))
        # identical positions (spread 0): everyone gains iff the mean is positive
        p = NormalDist().cdf(mean / spread) if spread else float(mean > 0)
        return cls(n=n, gain_probability=p, legitimacy=legitimacy,
                   coverage_returns=coverage_returns)

    @classmethod
    def from_endorsements(cls, n: int, gain_probability: Number, universal: Endorsement,
                          club: Endorsement, *, coverage_returns: Number = 1
                          ) -> HeterogeneousForum:
        """The legitimacy premium from what the two bodies' endorsements tell an audience.

        ``legitimacy = universal.premium_over(club)``
        (:meth:`multilateral.models.Endorsement.premium_over`): the proportional rise in the
        audience's expected merit of an action endorsed by the universal body over one
        endorsed by the club; 0 when the club's pivot is as conservative. So the premium is
        an equilibrium of the endorsement game rather than a number given from outside (a
        premium in belief: it does not ask whether either endorsement decides the audience's
        support, ``EndorsementEquilibrium.influential``). The two bodies and ``p`` are
        given separately; when the same positions decide both (member ``i`` gains iff the
        agreement's merit is at least its position ``c_i``, the club is the members who
        gain, the universal body decides by consensus), a club forms exactly when some
        member blocks, and that member makes the premium positive: heterogeneity both
        favours the club and costs it legitimacy (tested over all positions and merits).

        See Also
        --------
        multilateral.models.Endorsement : the endorsement game.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import Endorsement, HeterogeneousForum
        >>> un = Endorsement([Fraction(1, 10), Fraction(4, 5)])
        >>> club = Endorsement([Fraction(1, 10), Fraction(1, 5)])
        >>> HeterogeneousForum.from_endorsements(5, Fraction(9, 10), un, club).legitimacy
        Fraction(1, 2)
        """
        for name, body in (("universal", universal), ("club", club)):
            if not isinstance(body, Endorsement):
                raise InvalidTypeError(
                    f"{name} must be a multilateral.models.Endorsement (a body's members' "
                    f"positions and its rule), got {type(body).__name__}")
        return cls(n=n, gain_probability=gain_probability,
                   legitimacy=universal.premium_over(club), coverage_returns=coverage_returns)

    def __repr__(self) -> str:
        return (f"HeterogeneousForum(n={self.n}, gain_probability="
                f"{format_number(self.gain_probability)}, legitimacy="
                f"{format_number(self.legitimacy)}, coverage_returns="
                f"{format_number(self.coverage_returns)})")

    def universal_value(self) -> Number:
        """``U(p) = (1 + lambda) p**(n - 1)``: the chance no one blocks, times the premium.

        See Also
        --------
        club_value : the club's value.
        preferred_forum : the comparison.
        """
        return (1 + self.legitimacy) * self.gain_probability ** (self.n - 1)

    def club_value(self) -> Number:
        """``C(p) = E[((1 + X) / n)**gamma]``: the expected value of the club of the willing.

        See Also
        --------
        universal_value : the universal forum's value.
        preferred_forum : the comparison.
        """
        p, n, g = self.gain_probability, self.n, self.coverage_returns
        if isinstance(p, float) or isinstance(g, float):
            import numpy as np
            from scipy.stats import binom

            x = np.arange(n)
            return float(binom.pmf(x, n - 1, float(p)) @ (((1 + x) / n) ** float(g)))
        return sum((math.comb(n - 1, x) * p**x * (1 - p) ** (n - 1 - x)
                    * Fraction(1 + x, n) ** g for x in range(n)), 0 * p)

    def preferred_forum(self) -> ForumPreference:
        """``'universal'``, ``'club'`` or ``'indifferent'``.

        See Also
        --------
        prefers_club : the same as a bool.
        critical_probability : where the preference turns.
        ForumChoice.preferences : with known positions.
        """
        return _prefer(self.universal_value(), self.club_value())

    def prefers_club(self) -> bool:
        """Whether the club of the willing is strictly better.

        See Also
        --------
        preferred_forum : the preference, ties included.
        """
        return self.preferred_forum() == "club"

    def critical_probability(self, *, tol: float = tolerances.ROOT) -> float:
        """``p*``: the club is preferred for ``p < p*`` and the universal forum above.

        Found by bisection on ``log C - log U``, which is nonincreasing in ``p``. Equals 1
        when ``lambda = 0`` (the club never does worse). It always exists in ``(0, 1]``,
        so it is a number, not a :class:`~multilateral.results.Threshold`; a float, since it
        is in general irrational.

        See Also
        --------
        critical_spread : the same threshold on heterogeneity.
        preferred_forum : the preference it separates.
        """
        if self.legitimacy == 0:
            return 1.0
        lo, hi = 0.0, 1.0  # club preferred at lo (as p -> 0), universal at hi (p = 1)
        base = self.with_(gain_probability=0.5)
        while hi - lo > tol:
            mid = (lo + hi) / 2
            if base.with_(gain_probability=mid).prefers_club():
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    def critical_spread(self, mean: float) -> Threshold:
        """The spread of ``N(mean, spread**2)`` positions above which the club is preferred.

        :meth:`Threshold.none <multilateral.results.Threshold.none>` when no spread makes
        the club preferred (``mean > 0`` and ``p* <= 1/2``: even maximal heterogeneity leaves
        every other state gaining with probability near 1/2); at ``0.0`` when the club is
        preferred at any heterogeneity (``p* = 1``). A float threshold (see
        :meth:`critical_probability`).

        See Also
        --------
        critical_probability : the threshold on ``p``.
        from_normal : the model at a given spread.
        """
        mean = float(check_real(mean, "mean", low=0, open_low=True))
        p_star = self.critical_probability()
        if p_star >= 1:
            return Threshold.at(0.0, "spread")
        if p_star <= 0.5:
            return Threshold.none("spread")
        return Threshold.at(mean / NormalDist().inv_cdf(p_star), "spread")

    def outcome_probabilities(self) -> dict[str, Number]:
        """Probabilities of the forum structures, for all ``n`` positions random.

        ``universal`` (no one blocks: ``p**n``), ``club`` (some but not all gain) and
        ``none`` (no one gains: ``(1 - p)**n``).

        See Also
        --------
        ForumChoice.equilibrium : the outcome for known positions.
        """
        p, n = self.gain_probability, self.n
        universal, none = p**n, (1 - p) ** n
        return {"universal": universal, "club": 1 - universal - none, "none": none}
