"""Cooperation among rivals: relative gains (Grieco 1988; Snidal 1991; Powell 1991).

Realists hold that states care about relative as well as absolute gains and that this
concern impedes cooperation (Grieco 1988, who writes a state's utility as ``U = V - k (W - V)``
with ``W`` the partner's payoff). Two formal answers came in 1991:

* **Snidal**: a state weighs its absolute gain against its gain relative to the others. The
  library writes it ``U_i = (1 - r) x_i + r (x_i - xbar_i)`` with ``xbar_i`` the mean
  payoff of the *other* states (``r`` = :attr:`RelativeGains.relative_weight`; Snidal's own
  notation and his n-state comparison were not checked against his text). In a
  two-state game this is ``x_i - r x_j`` (Grieco's form with ``k = r / (1 - r)``, up to the
  positive factor ``1 + k``). Relative-gains concerns can turn a game with a cooperative
  equilibrium (Harmony, Stag Hunt) into a Prisoners' Dilemma, but among ``n`` states a
  bilateral deal moves the *average* of the others by ``1 / (n - 1)`` of the partner's gain,
  so the impediment weakens as ``n`` grows (:class:`RelativeGains`). That depends on whom a
  state compares itself with: averaging its gap to each other state is the same game, and
  summing the gaps dilutes faster, but against its *leading rival* alone (the partner,
  whatever ``n``) numbers change nothing; the tests compute all four readings.
* **Powell**: relative gains are not a preference but a constraint: they matter when gains can
  be turned into military advantage and force is cheap. :class:`PowellGains` is a stylized
  repeated game with that mechanism: cooperation needs a cost of fighting above a threshold.

Library reading (stated, not hidden): in :class:`RelativeGains` a bilateral deal among ``n``
states leaves the ``n - 2`` outsiders' gains at zero (gains are measured from the status quo),
so state ``i``'s utility is ``x_i - r x_j / (n - 1)``. :class:`PowellGains` is the library's
stylization of Powell's mechanism (victory requires the relative advantage of having exploited
the rival; the victor runs both economies), not a transcription of his model.

References
----------
.. [1] Grieco, J. M. (1988). Anarchy and the limits of cooperation: a realist critique of the
   newest liberal institutionalism. *International Organization* 42(3), 485-507.
.. [2] Snidal, D. (1991). Relative gains and the pattern of international cooperation.
   *American Political Science Review* 85(3), 701-726.
.. [3] Powell, R. (1991). Absolute and relative gains in international relations theory.
   *American Political Science Review* 85(4), 1303-1320.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .. import tolerances
from .._namespace import public_dir
from .._numeric import as_fraction, format_number, is_exact
from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidGameError, InvalidTypeError
from ..games.two_by_two import TwoByTwo
from ..results import CriticalDiscount, Threshold
from ..types import Number
from .base import Model

__all__ = ["PowellGains", "RelativeGains", "relative_gains"]
__dir__ = public_dir(__all__)


def _exact_or_float(*values: Number) -> tuple[Number, ...]:
    if all(is_exact(v) for v in values):
        return tuple(as_fraction(v) for v in values)
    return tuple(float(v) for v in values)


def relative_gains(game: TwoByTwo, relative_weight: Number, n: int = 2) -> TwoByTwo:
    """The 2x2 game two states play when each weighs gains relative to the others.

    Each state's payoff becomes ``x_i - relative_weight * x_j / (n - 1)``: the library's
    reading of Snidal's weighting, ``(1 - r) x_i + r (x_i - xbar_i)`` with ``xbar_i`` the
    mean of the other ``n - 1`` states' gains, of which only the partner's differs from zero
    (a bilateral deal in a world of ``n`` states).

    Parameters
    ----------
    game : TwoByTwo
        The game in absolute gains (action 0 = cooperate).
    relative_weight : number in [0, 1]
        Snidal's ``r``: 0 is a pure absolute-gains maximizer, 1 a pure relative-gains one.
    n : int, default 2
        Number of states among which gains are compared (>= 2).

    Returns
    -------
    TwoByTwo
        The transformed game, exact when the payoffs and the weight are; its
        :attr:`~multilateral.games.TwoByTwo.oye_type` is the game's type under
        relative-gains concerns.

    Raises
    ------
    InvalidProbabilityError
        If ``relative_weight`` is outside [0, 1].
    InvalidArgumentError
        If ``n < 2``.

    See Also
    --------
    RelativeGains : the thresholds at which the type changes.
    multilateral.games.TwoByTwo.oye_type : Oye's classification.

    References
    ----------
    .. [1] Snidal, D. (1991). Relative gains and the pattern of international cooperation.
       *American Political Science Review* 85(3), 701-726.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> from multilateral.models import relative_gains
    >>> stag = ml.TwoByTwo.symmetric(T=3, R=4, P=1, S=0)
    >>> stag.oye_type, relative_gains(stag, Fraction(1, 2)).oye_type
    ('stag_hunt', 'prisoners_dilemma')
    >>> relative_gains(stag, Fraction(1, 2), n=4).oye_type     # diluted among four states
    'stag_hunt'
    """
    if not isinstance(game, TwoByTwo):
        raise InvalidTypeError(f"relative_gains needs a TwoByTwo game, got {type(game).__name__}")
    weight = check_probability(relative_weight, "relative_weight", exact=True)
    check_positive_int(n, "n", 2)
    a, b = game.payoff_array(0), game.payoff_array(1)
    values = [a[i, j] for i in (0, 1) for j in (0, 1)] + [b[i, j] for i in (0, 1) for j in (0, 1)]
    exact = is_exact(weight) and all(is_exact(v) for v in values)
    w = as_fraction(weight) / (n - 1) if exact else float(weight) / (n - 1)
    conv = as_fraction if exact else float
    row = [[conv(a[i, j]) - w * conv(b[i, j]) for j in (0, 1)] for i in (0, 1)]
    col = [[conv(b[i, j]) - w * conv(a[i, j]) for j in (0, 1)] for i in (0, 1)]
    return TwoByTwo(row, col, players=game.players, actions=game.actions)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RelativeGains(Model):
    """Snidal's relative-gains model of a symmetric 2x2 game among ``n`` states.

    Parameters
    ----------
    T, R, P, S : number
        The symmetric game's absolute payoffs (temptation, reward, punishment, sucker's).
    relative_weight : number in [0, 1]
        Snidal's ``r``, the weight on gains relative to the average of the other states.
    n : int, default 2
        Number of states (>= 2); the deal is bilateral, the comparison is with all others.

    Notes
    -----
    Under relative gains the outcomes become ``T' = T - w S``, ``R' = (1 - w) R``,
    ``P' = (1 - w) P`` and ``S' = S - w T`` with ``w = r / (n - 1)``. Mutual cooperation is an
    equilibrium iff ``R' >= T'``, i.e. (when ``R > S``) iff
    ``r <= (n - 1) (R - T) / (R - S)`` (:meth:`threshold`; when ``S > R`` the inequality
    turns round): the critical weight grows linearly with ``n``, Snidal's result that
    the relative-gains impediment weakens as the number of states grows. With
    ``R > T`` (Harmony, Stag Hunt) and two states it turns the game into a Prisoners' Dilemma
    (or Chicken, when ``S > P`` survives) above the threshold. Exact inputs give exact
    outputs. Change parameters with :meth:`with_`.

    References
    ----------
    .. [1] Snidal, D. (1991). Relative gains and the pattern of international cooperation.
       *American Political Science Review* 85(3), 701-726.
    .. [2] Grieco, J. M. (1988). Anarchy and the limits of cooperation. *International
       Organization* 42(3), 485-507.

    See Also
    --------
    relative_gains : the transformation of any :class:`~multilateral.games.TwoByTwo`.
    PowellGains : relative gains from the possibility of force.
    multilateral.models.ConditionalCooperation : Oye's number-of-players argument.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.RelativeGains(T=3, R=4, P=1, S=0, relative_weight=Fraction(1, 2))
    >>> m.threshold(), m.game.oye_type, m.cooperation_is_equilibrium
    (Threshold(relative_weight <= 1/4), 'prisoners_dilemma', False)
    >>> [m.with_(n=n).threshold().exact for n in (2, 3, 5)]   # 1 or more: no weight breaks it
    [Fraction(1, 4), Fraction(1, 2), Fraction(1, 1)]
    """

    T: Number
    R: Number
    P: Number
    S: Number
    relative_weight: Number = 0
    n: int = 2

    def __post_init__(self) -> None:
        for name in ("T", "R", "P", "S"):
            object.__setattr__(self, name, check_real(getattr(self, name), name))
        object.__setattr__(self, "relative_weight",
                           check_probability(self.relative_weight, "relative_weight", exact=True))
        check_positive_int(self.n, "n", 2)

    def __repr__(self) -> str:
        pay = ", ".join(f"{k}={format_number(getattr(self, k))}" for k in "TRPS")
        return (f"RelativeGains({pay}, relative_weight={format_number(self.relative_weight)}, "
                f"n={self.n})")

    @property
    def absolute_game(self) -> TwoByTwo:
        """The symmetric game in absolute gains.

        See Also
        --------
        game : the game under relative-gains concerns.
        """
        return TwoByTwo.symmetric(self.T, self.R, self.P, self.S)

    @property
    def game(self) -> TwoByTwo:
        """The game the states play when they weigh relative gains (:func:`relative_gains`).

        See Also
        --------
        absolute_game : the game before the transformation.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> m = ml.models.RelativeGains(T=3, R=4, P=1, S=0, relative_weight=Fraction(1, 2))
        >>> [e.strategies[0].tolist() for e in ml.solvers.nash_equilibria(m.game)]
        [[0.0, 1.0]]
        """
        return relative_gains(self.absolute_game, self.relative_weight, self.n)

    @property
    def oye_type(self) -> str | None:
        """Oye type of :attr:`game` (``None`` at a tie)."""
        return self.game.oye_type

    @property
    def cooperation_is_equilibrium(self) -> bool:
        """Whether mutual cooperation is a Nash equilibrium of :attr:`game`.

        Exact for exact inputs; with floats a deviation gain within rounding
        (``tolerances.EQUILIBRIUM`` times the payoffs' scale) counts as a tie, so that the
        weight :meth:`threshold` returns is on the side it says cooperation holds.
        """
        t, r, p, s = self.game.trps(0)
        if all(is_exact(v) for v in (t, r, p, s)):
            return bool(r >= t)
        scale = max(1.0, *(abs(float(v)) for v in (self.T, self.R, self.P, self.S)))
        return bool(r - t >= -tolerances.EQUILIBRIUM * scale)

    def threshold(self) -> Threshold:
        """The ``relative_weight`` where mutual cooperation starts or stops being an equilibrium.

        Mutual cooperation is an equilibrium iff ``R - T >= w (R - S)`` with
        ``w = r / (n - 1)``, so the critical weight is ``(n - 1) (R - T) / (R - S)``:

        * ``R > S`` (the usual case: Harmony, Stag Hunt, Prisoners' Dilemma, Chicken):
          cooperation holds at or *below* it (``holds_above=False``); ``Threshold.none``
          when ``R < T`` (not even ``r = 0`` sustains it). A threshold of 1 or more means no
          weight in [0, 1] breaks cooperation, and is returned as it is.
        * ``R < S`` (being exploited pays more than mutual cooperation): the rival's gain
          from defecting is the state's loss, so relative-gains concerns *help* and
          cooperation holds at or *above* it (``holds_above=True``; a value <= 0 means at
          every weight).
        * ``R = S``: the weight does not matter; at every weight (``>= 0``) if ``R >= T``,
          else ``Threshold.none``.

        See Also
        --------
        type_changes : every weight at which the Oye type changes.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.RelativeGains(T=5, R=6, P=1, S=2).threshold()
        Threshold(relative_weight <= 1/4)
        """
        T, R, _, S = _exact_or_float(self.T, self.R, self.P, self.S)
        if R == S:
            if R < T:
                return Threshold.none("relative_weight")
            return Threshold.at(0 * R, "relative_weight")
        if R > S and R < T:
            return Threshold.none("relative_weight", holds_above=False)
        return Threshold.at((self.n - 1) * (R - T) / (R - S), "relative_weight",
                            holds_above=R < S)

    def type_changes(self) -> tuple[tuple[Number, str | None], ...]:
        """The Oye type along ``relative_weight`` from 0 to 1: ``((0, type), (r1, type), ...)``.

        Each entry is a weight at which two of the transformed payoffs cross (or 0) and the
        type just above it; exact for exact payoffs.

        See Also
        --------
        threshold : where mutual cooperation stops being an equilibrium.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.RelativeGains(T=3, R=4, P=1, S=0).type_changes()
        ((0, 'stag_hunt'), (Fraction(1, 4), 'prisoners_dilemma'))
        """
        T, R, P, S = _exact_or_float(self.T, self.R, self.P, self.S)
        # payoffs as a + b w in w = r / (n - 1): T - wS, R - wR, P - wP, S - wT
        lines = [(T, -S), (R, -R), (P, -P), (S, -T)]
        cross = set()
        for i in range(4):
            for j in range(i + 1, 4):
                (a1, b1), (a2, b2) = lines[i], lines[j]
                if b1 != b2:
                    w = (a2 - a1) / (b1 - b2)
                    r = w * (self.n - 1)
                    if 0 < r < 1:
                        cross.add(r)
        points = sorted(cross)
        out: list[tuple[Number, str | None]] = []
        mids = [*points, 1]
        lo: Number = 0
        for hi in mids:
            mid = (lo + hi) / 2
            kind = self.with_(relative_weight=mid).oye_type
            if not out or out[-1][1] != kind:
                out.append((lo, kind))
            lo = hi
        return tuple(out)


@dataclass(frozen=True)
class PowellGains(Model):
    """Relative gains from the possibility of force: a stylized repeated game after Powell.

    Two states repeat an economic Prisoners' Dilemma ``(T, R, P, S)`` with discount factor
    ``delta`` under grim trigger strategies. Gains convert into military advantage: a state
    that has exploited its rival (it got ``T``, the rival ``S``) can attack it the next round,
    at a one-off ``cost_of_fighting``, and win with probability ``conversion`` (``q``; 1 by
    default: the advantage is decisive); the victor then runs both economies (``2 R`` a
    round), and an attack that fails leaves mutual defection (``P`` a round). Between equals
    (on the cooperative path and in the punishment phase) the library allows no attack: a
    war needs the advantage of having exploited the rival. A deviation is therefore worth
    ``T + delta max(P / (1 - delta), (2 q R + (1 - q) P) / (1 - delta) - cost_of_fighting)``.

    Parameters
    ----------
    T, R, P, S : number
        The economic game's payoffs, a Prisoners' Dilemma (``T > R > P > S``).
    delta : number in (0, 1)
        Discount factor.
    cost_of_fighting : number >= 0
        The one-off cost of a war to the attacker (present value, payoff units).
    conversion : number in [0, 1], default 1
        ``q``: the probability that the exploiter's attack succeeds, how far a relative
        economic gain converts into military advantage (0: not at all, force is useless).

    Notes
    -----
    Cooperation is an equilibrium iff ``delta >= (T - R) / (T - P)`` (Friedman's condition)
    and ``cost_of_fighting >= c*`` with
    ``c* = (T (1 - delta) - R + delta (2 q R + (1 - q) P)) / (delta (1 - delta))``
    (:meth:`critical_cost`; ``(T (1 - delta) - R + 2 delta R) / (delta (1 - delta))`` at
    ``q = 1``): when gains convert into military advantage and force is cheap, a state that
    falls behind may be attacked, so neither lets the other gain, and cooperation breaks
    down, Powell's conclusion (1991, p. 1303, abstract). ``c*`` rises with ``q`` at the rate
    ``(2 R - P) / (1 - delta)``, so for ``2 R > P`` (e.g. any ``R >= 0``) the more gains
    convert, the dearer force must be; at ``q = 0`` only Friedman's condition remains
    (``c* <= 0`` exactly when it holds: a failed war is mutual defection at a cost). The
    model is the library's stylization of his mechanism, built from his abstract: his own
    model's timing, technology of war and payoffs were not checked against his text and are
    not reproduced here.

    At ``conversion`` 1: were a war between equals allowed as a fair lottery over both
    economies, it would pay in the punishment phase when
    ``cost_of_fighting < (R - P) / (1 - delta)``, and mutual defection forever would not be a
    credible punishment there. For ``R >= 0`` the
    deviator's best reply (the sure attack) is unchanged, and so are the thresholds (a test
    checks it over integer games); for ``R < 0`` (conquest worth less than nothing) the
    verdict can differ (82 of 20 000 random integer games with payoffs in [-10, 10]).

    References
    ----------
    .. [1] Powell, R. (1991). Absolute and relative gains in international relations theory.
       *American Political Science Review* 85(4), 1303-1320.
    .. [2] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of
       Economic Studies* 38(1), 1-12.

    See Also
    --------
    RelativeGains : relative gains as a preference (Snidal).
    multilateral.solvers.critical_discount : the discount threshold of any profile.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(3, 4),
    ...                           cost_of_fighting=20)
    >>> m.critical_cost(), m.cooperation_possible
    (Threshold(cost_of_fighting >= 44/3), True)
    >>> m.with_(cost_of_fighting=10).cooperation_possible     # force is cheap
    False
    """

    T: Number
    R: Number
    P: Number
    S: Number
    delta: Number
    cost_of_fighting: Number
    conversion: Number = 1

    def __post_init__(self) -> None:
        for name in ("T", "R", "P", "S"):
            object.__setattr__(self, name, check_real(getattr(self, name), name))
        if not (self.T > self.R > self.P > self.S):
            raise InvalidGameError(
                f"the economic game must be a Prisoners' Dilemma (T > R > P > S), got "
                f"T={self.T}, R={self.R}, P={self.P}, S={self.S}")
        object.__setattr__(self, "delta", check_probability(
            self.delta, "delta", exact=True, open_low=True, open_high=True))
        object.__setattr__(self, "cost_of_fighting",
                           check_real(self.cost_of_fighting, "cost_of_fighting", low=0))
        object.__setattr__(self, "conversion",
                           check_probability(self.conversion, "conversion", exact=True))

    def __repr__(self) -> str:
        pay = ", ".join(f"{k}={format_number(getattr(self, k))}" for k in "TRPS")
        shown = "" if self.conversion == 1 else f", conversion={format_number(self.conversion)}"
        return (f"PowellGains({pay}, delta={format_number(self.delta)}, "
                f"cost_of_fighting={format_number(self.cost_of_fighting)}{shown})")

    @property
    def game(self) -> TwoByTwo:
        """The economic stage game (a Prisoners' Dilemma).

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.PowellGains(T=5, R=3, P=1, S=0, delta=0.9, cost_of_fighting=1).game.oye_type
        'prisoners_dilemma'
        """
        return TwoByTwo.symmetric(self.T, self.R, self.P, self.S)

    def critical_discount(self) -> CriticalDiscount:
        """Friedman's ``(T - R) / (T - P)``: the threshold without force.

        See Also
        --------
        critical_cost : the threshold on the cost of fighting.
        """
        T, R, P, _ = _exact_or_float(self.T, self.R, self.P, self.S)
        return CriticalDiscount.at_least((T - R) / (T - P))

    def critical_cost(self) -> Threshold:
        """The least cost of fighting at which cooperation is an equilibrium, at ``delta``.

        ``Threshold.none`` when ``delta`` is below :meth:`critical_discount` (then no cost
        helps); a negative value means force never tempts.

        See Also
        --------
        critical_discount : the threshold on the discount factor.
        """
        T, R, P, _ = _exact_or_float(self.T, self.R, self.P, self.S)
        exact = isinstance(T, Fraction) and is_exact(self.delta) and is_exact(self.conversion)
        d = Fraction(self.delta) if exact else float(self.delta)
        q = Fraction(self.conversion) if exact else float(self.conversion)
        if not exact:
            T, R, P = float(T), float(R), float(P)
        if d < self.critical_discount().value:
            return Threshold.none("cost_of_fighting")
        war = 2 * q * R + (1 - q) * P        # a round's expected value after the attack
        return Threshold.at((T * (1 - d) - R + d * war) / (d * (1 - d)), "cost_of_fighting")

    @property
    def cooperation_possible(self) -> bool:
        """Whether grim-trigger cooperation is a subgame perfect equilibrium."""
        c = self.critical_cost()
        return c.attainable and bool(self.cost_of_fighting >= (c.exact if c.exact is not None
                                                               else c.value))
