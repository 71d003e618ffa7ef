"""Infinitely repeated games with discounting, noise and imperfect public monitoring."""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

from ..errors import InvalidArgumentError, InvalidTypeError
from .normal_form import NormalFormGame

__all__ = ["RepeatedGame"]


class RepeatedGame:
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
        Implementation error: each player's intended action is replaced by another of his
        actions (uniformly) with this probability.
    monitoring_error : float or Fraction, default 0
        Imperfect public monitoring: each player's action is misreported (as another action,
        uniformly) with this probability, in a signal that every player sees. Strategies act on
        the reported profile, so equilibria are perfect public equilibria.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
       *World Politics* 38(1), 1-24 (the shadow of the future, pp. 12-18).
    .. [2] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
       University Press (chs. 2 and 7).

    Examples
    --------
    >>> import multilateral as ml
    >>> rg = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> rg
    RepeatedGame(TwoByTwo(2x2, players=('P1', 'P2')), delta=0.9)
    """

    def __init__(
        self,
        stage: NormalFormGame,
        delta: Any,
        *,
        noise: Any = 0,
        monitoring_error: Any = 0,
    ) -> None:
        if not isinstance(stage, NormalFormGame):
            raise InvalidTypeError(
                f"the stage game must be a NormalFormGame, got {type(stage).__name__}"
            )
        self.stage = stage
        self.delta = _unit(delta, "delta", closed_above=False)
        self.noise = _unit(noise, "noise", closed_above=False)
        self.monitoring_error = _unit(monitoring_error, "monitoring_error", closed_above=False)
        if min(stage.shape) < 2 and (self.noise or self.monitoring_error):
            raise InvalidArgumentError("noise needs every player to have at least two actions")

    def with_delta(self, delta: Any) -> RepeatedGame:
        """The same game with another discount factor."""
        return RepeatedGame(self.stage, delta, noise=self.noise,
                            monitoring_error=self.monitoring_error)

    def __repr__(self) -> str:
        extra = ""
        if self.noise:
            extra += f", noise={self.noise}"
        if self.monitoring_error:
            extra += f", monitoring_error={self.monitoring_error}"
        return f"RepeatedGame({self.stage!r}, delta={self.delta}{extra})"


def _unit(value: Any, name: str, *, closed_above: bool) -> Any:
    """A number in [0, 1) (or [0, 1]); rationals stay exact."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(f"{name} must be a number in [0, 1), got {value!r}")
    v = float(value)
    upper_ok = v <= 1 if closed_above else v < 1
    if not (v == v and v >= 0 and upper_ok):
        raise InvalidArgumentError(
            f"{name} must be in [0, 1{']' if closed_above else ')'}, got {value!r}"
        )
    if isinstance(value, numbers.Rational):
        return Fraction(value)
    return v
