"""The Markov chain of an automaton profile on joint states, shared by the repeated-game solvers.

Everything about a profile that does not depend on ``delta``: the joint automaton states, the
intended actions, the noise and monitoring errors, the stage payoffs and the transitions
given each reported profile (:class:`Chain`, exact in Fractions when everything is rational);
its float copy; and discounted values. The joint states some history reaches and the gains
of one-shot deviations are in :mod:`._sparse` (floats) and :mod:`._spe` (exact). The
overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._numeric import as_fraction, flip_matrix, is_small_rational
from ...automata import Automaton
from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.repeated import RepeatedGame

__all__ = [
    "Chain",
    "build_chain",
    "float_chain",
    "outcome_probs",
    "values_float",
]


@dataclass(frozen=True)
class Chain:
    """Everything about a profile that does not depend on delta.

    The joint transitions are kept factored: given a reported profile ``r``, the joint
    automaton states move by the Kronecker product of each player's own transition matrix
    (``factors[r][i]``, ``sizes[i]`` square). The dense ``(A, S, S)`` table :attr:`moves` is
    built only on request (small chains: the symbolic path, the exact Nash path); the
    equilibrium checks and the thresholds work on the factors (:mod:`._sparse`, :mod:`._spe`).
    """

    intended: NDArray[np.int64]  # (S, N) intended action of each player in each joint state
    outcome: Any  # (S, A) probability of each actual profile
    report: Any  # (A, A) probability of each reported profile given the actual one
    factors: tuple[tuple[Any, ...], ...]  # [r][i]: player i's (S_i, S_i) transition given r
    payoffs: Any  # (A, N) stage payoffs by profile
    initial: Any  # (S,) distribution of the first joint state
    labels: tuple[tuple[str, ...], ...]
    shape: tuple[int, ...]
    exact: bool
    sizes: tuple[int, ...] = ()  # automaton states per player
    noise: Any = 0  # the implementation error, for the outcomes of deviations

    @functools.cached_property
    def moves(self) -> Any:
        """(A, S, S) joint transition given each reported profile (dense: small chains only)."""
        out = []
        for mats in self.factors:
            k = mats[0]
            for m in mats[1:]:
                k = np.kron(k, m)
            out.append(k)
        return np.array(out, dtype=object if self.exact else float)

    def step(self, outcome: Any) -> tuple[Any, Any]:
        """Expected stage payoffs (S, N) and transition matrix (S, S) for outcome probs."""
        weights = outcome @ self.report
        trans = np.einsum("sr,rst->st", weights, self.moves)
        return outcome @ self.payoffs, trans

    def deviation_outcome(self, player: int, action: int) -> Any:
        """Outcome probabilities when ``player`` intends ``action`` in every state."""
        intended = self.intended.copy()
        intended[:, player] = action
        return outcome_probs(intended, self.shape, self.noise, self.exact)


def build_chain(game: RepeatedGame, profile: Sequence[Automaton], *, exact: bool = True) -> Chain:
    """The profile's Markov chain; in Fractions when ``exact`` and everything is rational.

    With ``exact=False`` every array is float64 from the start, even for integer payoffs and
    Fraction error rates: the equilibrium checks run in floats, and building the joint chain
    in Fractions (``np.kron`` on object arrays) cost them 70 ms at 100 joint states.

    Examples
    --------
    >>> import multilateral as ml
    >>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    >>> game = ml.RepeatedGame(pd, 0.9)
    >>> chain = build_chain(game, [ml.automata.grim_trigger()] * 2, exact=False)
    >>> chain.exact, chain.moves.dtype, chain.payoffs.dtype, chain.outcome.dtype
    (False, dtype('float64'), dtype('float64'), dtype('float64'))
    >>> build_chain(game, [ml.automata.grim_trigger()] * 2).payoffs.dtype
    dtype('O')
    """
    if not isinstance(game, RepeatedGame):
        raise InvalidTypeError(f"expected a RepeatedGame, got {type(game).__name__}")
    stage = game.stage
    n = stage.n_players
    if len(profile) != n or not all(isinstance(a, Automaton) for a in profile):
        raise InvalidArgumentError(
            f"a profile needs one Automaton per player ({n}), got {profile!r}"
        )
    shape = stage.shape
    for i, aut in enumerate(profile):
        signals = int(np.prod(shape)) // shape[i]
        if aut.n_actions != shape[i] or aut.n_signals != signals:
            raise InvalidArgumentError(
                f"player {i}'s automaton {aut.name!r} is for {aut.n_actions} own actions and "
                f"{aut.n_signals} observations; this stage game needs {shape[i]} and {signals}"
            )
    exact = exact and stage.is_exact and all(isinstance(x, Fraction) for x in
                                   (game.noise, game.monitoring_error)) and all(
        is_small_rational(a.transition_matrix, a.initial) for a in profile)
    conv = as_fraction if exact else float
    # a float chain carries float error rates, so no Fraction reaches its arrays later
    noise = game.noise if exact else float(game.noise)
    mu = game.monitoring_error if exact else float(game.monitoring_error)
    sizes = [a.n_states for a in profile]
    joint = list(itertools.product(*(range(s) for s in sizes)))
    intended = np.array([[profile[i].actions[s[i]] for i in range(n)] for s in joint],
                        dtype=np.int64)
    profiles = list(itertools.product(*(range(m) for m in shape)))
    # the reported profile: each action misreported uniformly with probability mu
    report = outcome_probs(np.array(profiles, dtype=np.int64), shape, mu, exact)
    factors = []
    for r in profiles:
        mats = []
        for i, aut in enumerate(profile):
            others = tuple(r[j] for j in range(n) if j != i)
            sig = int(np.ravel_multi_index(others, tuple(shape[j] for j in range(n) if j != i))
                      ) if others else 0
            mat = aut.transition_matrix[:, r[i], sig, :]
            mats.append(np.vectorize(conv, otypes=[object])(mat) if exact else mat)
        factors.append(tuple(mats))
    payoffs = np.array([[stage.payoffs[(*p, i)] for i in range(n)] for p in profiles],
                       dtype=object if exact else float)
    if exact:
        payoffs = np.vectorize(as_fraction, otypes=[object])(payoffs)
    init: Any = profile[0].initial
    for a in profile[1:]:
        init = np.kron(init, a.initial)
    if exact:
        init = np.vectorize(as_fraction, otypes=[object])(init)
    chain = Chain(
        intended=intended,
        outcome=outcome_probs(intended, shape, noise, exact),
        report=report,
        factors=tuple(factors),
        payoffs=payoffs,
        initial=init,
        labels=tuple(tuple(profile[i].states[s[i]] for i in range(n)) for s in joint),
        shape=shape,
        exact=exact,
        sizes=tuple(sizes),
        noise=noise,
    )
    return chain


def outcome_probs(intended: NDArray[np.int64], shape: tuple[int, ...], eps: Any, exact: bool
                   ) -> Any:
    """(S, A): probability of each actual profile (C order) given each row of intentions.

    Computed once per intended profile (``A`` rows, ``A x A`` products) and gathered: with
    thousands of joint states and Fractions, the products per state cost seconds.
    """
    profiles = np.array(list(np.ndindex(*shape)), dtype=np.int64).reshape(-1, len(shape))
    table: Any = None
    for i, m in enumerate(shape):
        rows = flip_matrix(m, eps, exact)[profiles[:, i]]
        table = rows if table is None else (table[:, :, None] * rows[:, None, :]).reshape(
            len(profiles), -1)
    if exact:  # whole numbers as Python ints: 0/1 without errors, and int arithmetic is fast
        table = np.array([[int(x) if x.denominator == 1 else x for x in row] for row in table],
                         dtype=object).reshape(table.shape)
    index = np.ravel_multi_index(tuple(np.asarray(intended).T), shape) if len(intended) else (
        np.zeros(0, dtype=np.int64))
    return table[index]


def values_float(u: NDArray[np.float64], trans: NDArray[np.float64], delta: float
                  ) -> NDArray[np.float64]:
    """Solve ``(I - delta P) V = (1 - delta) u`` in floats."""
    s = trans.shape[0]
    return np.asarray(np.linalg.solve(np.eye(s) - delta * trans, (1 - delta) * u))


def float_chain(chain: Chain) -> Chain:
    """The same chain in float64 (the chain itself when it is already in floats)."""
    if not chain.exact:
        return chain
    return Chain(
        intended=chain.intended, outcome=np.asarray(chain.outcome, dtype=float),
        report=np.asarray(chain.report, dtype=float),
        factors=tuple(tuple(np.asarray(m, dtype=float) for m in mats) for mats in chain.factors),
        payoffs=np.asarray(chain.payoffs, dtype=float),
        initial=np.asarray(chain.initial, dtype=float),
        labels=chain.labels, shape=chain.shape, exact=False, sizes=chain.sizes,
        noise=float(chain.noise),
    )
