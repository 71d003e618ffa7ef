"""Equilibrium checks of an automaton profile at one discount factor.

:func:`is_subgame_perfect` applies the one-shot deviation principle on every joint state some
history reaches; :func:`is_nash_equilibrium` solves each player's best reply to the others'
automata by policy iteration from the initial state. Both return an :class:`EquilibriumCheck`.
The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..._namespace import public_dir
from ..._validation import DEFAULT_TOL, check_tol
from ...automata import Automaton
from ...errors import InvalidArgumentError, InvalidTypeError, SolverError
from ...games.repeated import RepeatedGame
from ...tolerances import ROUNDING
from ._chain import build_chain, values_float
from ._sparse import GainEvaluator, history_reachable

__all__ = ["EquilibriumCheck", "is_nash_equilibrium", "is_subgame_perfect"]
__dir__ = public_dir(__all__)


def as_profile(game: RepeatedGame, profile: object) -> list[Automaton]:
    """``profile`` as a list of one :class:`~multilateral.automata.Automaton` per player of
    ``game``, or a clear error: the one check of the repeated-game solvers' arguments."""
    if not isinstance(game, RepeatedGame):
        raise InvalidTypeError(
            f"expected a RepeatedGame, got {type(game).__name__}; wrap a stage game as "
            "ml.RepeatedGame(stage, delta)")
    n = game.stage.n_players
    if isinstance(profile, Automaton):
        raise InvalidTypeError(
            f"profile must be a sequence of automata, one per player ({n}), got the single "
            f"Automaton {profile.name!r}; for everyone playing it pass [automaton] * {n}")
    if isinstance(profile, (str, bytes)) or not isinstance(profile, Sequence):
        raise InvalidTypeError(
            f"profile must be a sequence of automata, one per player ({n}), got "
            f"{type(profile).__name__}")
    if len(profile) != n:
        raise InvalidArgumentError(
            f"profile needs one Automaton per player ({n}), got {len(profile)}")
    for i, aut in enumerate(profile):
        if not isinstance(aut, Automaton):
            raise InvalidTypeError(
                f"profile[{i}] must be an Automaton (e.g. ml.automata.grim_trigger()), got "
                f"{type(aut).__name__}")
    return list(profile)


@dataclass(frozen=True, repr=False)
class EquilibriumCheck:
    """The verdict of an equilibrium check, with the worst deviation found.

    Attributes
    ----------
    holds : bool
        Whether the profile is an equilibrium of the requested kind (within ``tol``).
    kind : str
        ``"subgame perfect"`` or ``"Nash"``.
    max_gain : float
        The largest gain from deviating found (<= tol when ``holds``).
    worst : tuple or None
        ``(joint state, player, deviation action)`` of that largest gain.
    checked_states : int
        How many joint states were checked.

    See Also
    --------
    is_subgame_perfect : returns it.
    is_nash_equilibrium : returns it.

    Examples
    --------
    >>> import multilateral as ml
    >>> game = ml.RepeatedGame(ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0), delta=0.9)
    >>> grim = ml.automata.grim_trigger()
    >>> ml.solvers.is_subgame_perfect(game, [grim, grim])
    EquilibriumCheck(subgame perfect: holds)
    """

    holds: bool
    kind: str
    max_gain: float
    worst: tuple[tuple[str, ...], int, int] | None
    checked_states: int

    def __bool__(self) -> bool:
        return self.holds

    def __repr__(self) -> str:
        verdict = "holds" if self.holds else f"fails (gain {self.max_gain:.3g} at {self.worst})"
        return f"EquilibriumCheck({self.kind}: {verdict})"


def is_subgame_perfect(
    game: RepeatedGame, profile: Sequence[Automaton], *, tol: float = DEFAULT_TOL
) -> EquilibriumCheck:
    """Check subgame perfection by the one-shot deviation principle.

    Every joint state that some history can lead to (any actions by anyone) is checked:
    no player gains by deviating for one round and then following his automaton. With noise
    or monitoring errors, the check is of perfect public equilibrium.

    See Also
    --------
    is_nash_equilibrium : a weaker check.
    critical_discount : the least discount factor at which it holds.
    profile_values : the profile's discounted values.

    References
    ----------
    .. [1] Fudenberg, D. and Tirole, J. (1991). *Game Theory*, section 4.2. MIT Press.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> grim = ml.automata.grim_trigger()
    >>> bool(ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, 0.5), [grim, grim]))
    True
    >>> ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, 0.4), [grim, grim])
    EquilibriumCheck(subgame perfect: fails (gain 0.4 at (('C', 'C'), 0, 1)))
    """
    tol = check_tol(tol)
    profile = as_profile(game, profile)
    chain = build_chain(game, profile, exact=False)  # the check runs in floats with a tolerance
    states = history_reachable(chain)
    evaluator = GainEvaluator(chain, states)
    gains = evaluator.gains(np.array([float(game.delta)]))[0]
    where = evaluator.where
    kind = "subgame perfect"
    if gains.size == 0:  # nobody has another action: trivially an equilibrium
        return EquilibriumCheck(True, kind, 0.0, None, int(states.sum()))
    k = int(np.argmax(gains))
    s, i, d = where[k]
    scale = max(1.0, float(np.max(np.abs(np.asarray(chain.payoffs, dtype=float)))))
    worst = (chain.labels[s], i, d) if gains[k] > 0 else None
    return EquilibriumCheck(bool(gains[k] <= tol * scale), kind, max(0.0, float(gains[k])), worst,
                            int(states.sum()))


def is_nash_equilibrium(
    game: RepeatedGame, profile: Sequence[Automaton], *, tol: float = DEFAULT_TOL
) -> EquilibriumCheck:
    """Check Nash equilibrium: no player has a better reply from the initial state.

    Each player's best reply to the others' automata solves a Markov decision problem on the
    joint states (policy iteration); the profile is a Nash equilibrium when no player's
    optimum beats his value from the initial state. The worst deviation reported is the
    first action of the best reply where it departs from the automaton on the path.

    See Also
    --------
    is_subgame_perfect : the stronger check.
    critical_discount : the least discount factor at which it holds.
    profile_values : the profile's discounted values.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> tft = ml.automata.tit_for_tat()
    >>> bool(ml.solvers.is_nash_equilibrium(ml.RepeatedGame(pd, 0.7), [tft, tft]))
    True
    >>> ml.solvers.is_nash_equilibrium(ml.RepeatedGame(pd, 0.6), [tft, tft]).holds
    False

    (Below ``(T - R) / (R - S) = 2/3`` alternating D and C beats cooperating.)
    """
    tol = check_tol(tol)
    profile = as_profile(game, profile)
    chain = build_chain(game, profile, exact=False)
    delta = float(game.delta)
    u, trans = chain.step(chain.outcome)
    vals = values_float(u, trans, delta)
    scale = max(1.0, float(np.max(np.abs(chain.payoffs))))
    best_gain, worst = 0.0, None
    for i, m in enumerate(chain.shape):
        steps = [chain.step(chain.deviation_outcome(i, d)) for d in range(m)]
        policy = chain.intended[:, i].copy()
        for _ in range(200):
            ui = np.array([steps[policy[s]][0][s, i] for s in range(len(policy))])
            ti = np.array([steps[policy[s]][1][s] for s in range(len(policy))])
            v = values_float(ui, ti, delta)
            q = np.stack([(1 - delta) * ud[:, i] + delta * td @ v for ud, td in steps], axis=1)
            better = q.max(axis=1) > q[np.arange(len(policy)), policy] + ROUNDING * scale
            if not better.any():
                break
            policy = np.where(better, q.argmax(axis=1), policy)
        else:  # pragma: no cover - policy iteration converges in finitely many steps
            raise SolverError("policy iteration did not converge")
        gain = float(chain.initial @ v - chain.initial @ vals[:, i])
        if gain > best_gain:
            start = int(np.argmax(chain.initial))
            best_gain, worst = gain, (chain.labels[start], i, int(policy[start]))
    return EquilibriumCheck(best_gain <= tol * scale, "Nash", best_gain, worst,
                            len(chain.labels))
