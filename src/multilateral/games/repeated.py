"""Infinitely repeated games with discounting, noise and imperfect public monitoring."""

from __future__ import annotations

from typing import Any

from .._namespace import public_dir
from .._validation import check_probability, check_real
from ..errors import InvalidArgumentError, InvalidTypeError
from ..types import Number
from ._common import Immutable
from .normal_form import NormalFormGame

__all__ = ["RepeatedGame"]
__dir__ = public_dir(__all__)


class RepeatedGame(Immutable):
    """A stage game played repeatedly, payoffs discounted by ``delta``.

    Parameters
    ----------
    stage : NormalFormGame
        The stage game (a :class:`TwoByTwo` for the classic cases).
    delta : float or Fraction
        Discount factor, or equivalently the probability that the game continues after each
        round (Oye's "shadow of the future"); ``0 <= delta < 1``. Values are normalized:
        ``(1 - delta) * sum_t delta^t u_t``, so they are on the stage game's scale.
    noise : float or Fraction, default 0
        Implementation (execution) error: each player's intended action is replaced by another
        of his actions (uniformly) with this probability, ``0 <= noise <= 1``.
    monitoring_error : float or Fraction, default 0
        Imperfect public monitoring: each player's action is misreported (as another action,
        uniformly) with this probability, in a signal that every player sees,
        ``0 <= monitoring_error <= 1``. Strategies act on the reported profile, so equilibria
        are perfect public equilibria.

    Attributes
    ----------
    stage : NormalFormGame
    delta, noise, monitoring_error : float or Fraction
        As given; rationals (int, Fraction) are stored as exact Fractions.

    Notes
    -----
    **One way to give noise.** The repeated game carries its errors: ``noise`` and
    ``monitoring_error`` are parameters of the game, and every solver that takes a
    ``RepeatedGame`` reads them from it. Functions that take a *stage* game instead (such as
    :func:`multilateral.solvers.critical_discount`, which looks for the discount factor
    itself, and :func:`multilateral.simulate.play_matches`) take the same two keyword
    arguments, ``noise=`` and ``monitoring_error=``, with the same meaning (see
    :mod:`multilateral.glossary`).

    Immutable: assigning an attribute raises; :meth:`with_` gives a changed copy (validated
    again). Compares and hashes by value (``delta=0.5`` equals ``delta=Fraction(1, 2)``) and
    pickles.

    See Also
    --------
    NormalFormGame : the stage game.
    TwoByTwo : the classic 2x2 stage games (Oye's five types).
    multilateral.automata : finite-automaton strategies (Grim Trigger, Tit for Tat, ...).
    multilateral.solvers.is_subgame_perfect : check an automaton profile for subgame perfection.
    multilateral.solvers.profile_values : the players' discounted values of a profile.
    multilateral.solvers.critical_discount : the least ``delta`` that sustains a profile.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
       *World Politics* 38(1), 1-24 (the shadow of the future, pp. 12-18).
    .. [2] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
       University Press (chs. 2 and 7).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> rg = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> rg
    RepeatedGame(TwoByTwo(2x2, players=('P1', 'P2')), delta=0.9)
    >>> rg.with_(delta=Fraction(1, 2), noise=0.05)
    RepeatedGame(TwoByTwo(2x2, players=('P1', 'P2')), delta=1/2, noise=0.05)
    >>> try:
    ...     rg.delta = 0.5
    ... except AttributeError as err:
    ...     print(err)
    RepeatedGame is immutable: cannot set 'delta'; use with_(delta=...) for a changed copy
    """

    stage: NormalFormGame
    delta: Number
    noise: Number
    monitoring_error: Number

    def __init__(
        self,
        stage: NormalFormGame,
        delta: Number,
        *,
        noise: Number = 0,
        monitoring_error: Number = 0,
    ) -> None:
        if not isinstance(stage, NormalFormGame):
            raise InvalidTypeError(
                f"the stage game must be a NormalFormGame, got {type(stage).__name__}"
            )
        delta = check_real(delta, "delta", low=0, high=1, open_high=True)
        # the same check (and the same closed range) as every other probability parameter
        noise = check_probability(noise, "noise", exact=True)
        monitoring_error = check_probability(monitoring_error, "monitoring_error", exact=True)
        if min(stage.shape) < 2 and (noise or monitoring_error):
            raise InvalidArgumentError(
                "noise and monitoring_error need every player to have at least two actions"
            )
        self._set(stage=stage, delta=delta, noise=noise, monitoring_error=monitoring_error)

    def with_delta(self, delta: Number) -> RepeatedGame:
        """The same game with another discount factor: ``with_(delta=delta)``.

        Kept as a short alias of :meth:`with_` (solvers scan discount factors with it).
        """
        return self.with_(delta=delta)

    def _parameters(self) -> dict[str, Any]:
        return {"stage": self.stage, "delta": self.delta, "noise": self.noise,
                "monitoring_error": self.monitoring_error}

    def _key(self) -> tuple[Any, ...]:
        return (self.stage, self.delta, self.noise, self.monitoring_error)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RepeatedGame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), *self._key()))

    def __repr__(self) -> str:
        extra = ""
        if self.noise:
            extra += f", noise={self.noise}"
        if self.monitoring_error:
            extra += f", monitoring_error={self.monitoring_error}"
        return f"RepeatedGame({self.stage!r}, delta={self.delta}{extra})"


def _rebuild(cls: type, stage: NormalFormGame, delta: Number, noise: Number,
             monitoring_error: Number) -> RepeatedGame:
    game: RepeatedGame = cls(stage, delta, noise=noise, monitoring_error=monitoring_error)
    return game
