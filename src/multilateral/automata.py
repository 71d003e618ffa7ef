"""Repeated-game strategies as finite automata, and the canonical ones.

An automaton has states; each state prescribes an action; after each round it moves to a next
state (or a distribution over states) given its own action and what it observed of the
others: the other player's action in a two-player game. Two-action strategies read action 0 as
cooperate (C) and 1 as defect (D).

The module runs past the library's ~600 lines because it is one catalogue: the automaton
class and the named strategies of the literature, found together as ``ml.automata.<name>``.

References
----------
.. [1] Rubinstein, A. (1986). Finite automata play the repeated prisoner's dilemma.
   *Journal of Economic Theory* 39(1), 83-96.
.. [2] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*, section 2.3.
   Oxford University Press.

Examples
--------
>>> import multilateral as ml
>>> tft = ml.automata.tit_for_tat()
>>> tft
Automaton('Tit for Tat', states=('C', 'D'))
>>> tft.next_state_distribution(state=0, own=0, other=1).tolist()    # provoked: go to D
[0.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._namespace import public_dir
from ._validation import check_positive_int, check_probability
from .errors import InvalidArgumentError, InvalidProbabilityError
from .tolerances import ROUNDING
from .types import Number

__all__ = [
    "Automaton",
    "alternator",
    "always_cooperate",
    "always_defect",
    "contrite_tit_for_tat",
    "generous_tit_for_tat",
    "grim_trigger",
    "k_period_punishment",
    "random_player",
    "suspicious_tit_for_tat",
    "tit_for_tat",
    "tit_for_two_tats",
    "win_stay_lose_shift",
]
__dir__ = public_dir(__all__)

C, D = 0, 1


class Automaton:
    """A finite-state strategy of a repeated game.

    Parameters
    ----------
    actions : sequence of int
        The action each state prescribes (an index into the player's stage-game actions).
    transitions : array_like
        ``transitions[s][a][o]`` is the next state after state ``s`` when the player played
        ``a`` and observed ``o`` (the other's action in a two-player game): a state index, or
        a probability vector over states for a mixed transition. Every entry must be given.
    initial : int or array_like, default 0
        The first state, or a distribution over states.
    states : sequence of str, optional
        State labels (default ``"s0"``, ``"s1"``, ...).
    name : str
        Shown in the repr and in tables.
    n_actions : int, optional
        Number of own actions (default: the length of ``transitions[s]``).

    Attributes
    ----------
    transition_matrix : numpy.ndarray
        Shape ``(n_states, n_actions, n_signals, n_states)``: next-state probabilities.

    See Also
    --------
    tit_for_tat : a canonical automaton built with this class.
    multilateral.simulate.play_matches : play two automata against each other.
    multilateral.solvers.is_subgame_perfect : check a profile of automata in a repeated game.

    Examples
    --------
    >>> import multilateral as ml
    >>> tft = ml.automata.Automaton([0, 1], [[[0, 1], [0, 1]], [[0, 1], [0, 1]]],
    ...                             states=["C", "D"], name="my TFT")  # next state = other's move
    >>> tft, tft.is_deterministic
    (Automaton('my TFT', states=('C', 'D')), True)
    >>> tft.next_state_distribution(state=0, own=0, other=1).tolist()
    [0.0, 1.0]
    """

    def __init__(
        self,
        actions: Sequence[int],
        transitions: Sequence[Sequence[Sequence[int | Sequence[Number]]]] | ArrayLike,
        *,
        initial: int | ArrayLike = 0,
        states: Sequence[str] | None = None,
        name: str = "automaton",
    ) -> None:
        acts = np.asarray(actions)
        if acts.ndim != 1 or acts.size == 0 or acts.dtype.kind not in "iu":
            raise InvalidArgumentError(
                f"actions must be a non-empty sequence of action indices, one per state; "
                f"got {actions!r}"
            )
        n_states = int(acts.size)
        self._labels = tuple(states) if states is not None else tuple(
            f"s{k}" for k in range(n_states)
        )
        if len(self._labels) != n_states or len(set(self._labels)) != n_states:
            raise InvalidArgumentError(
                f"states must be {n_states} distinct labels (one per state), got {states!r}"
            )
        self._matrix = _transition_matrix(transitions, n_states, self._labels)
        if np.any(acts < 0) or np.any(acts >= self._matrix.shape[1]):
            raise InvalidArgumentError(
                f"state actions must be in 0..{self._matrix.shape[1] - 1}, got {acts.tolist()}"
            )
        self._actions = acts.astype(np.int64)
        self._initial = _initial(initial, n_states, self._labels)
        for arr in (self._matrix, self._actions, self._initial):
            arr.flags.writeable = False
        self.name = name

    # -- data ------------------------------------------------------------------------------
    @property
    def n_states(self) -> int:
        """Number of states."""
        return int(self._actions.size)

    @property
    def states(self) -> tuple[str, ...]:
        """State labels."""
        return self._labels

    @property
    def actions(self) -> NDArray[np.int64]:
        """The action each state prescribes."""
        return self._actions

    @property
    def n_actions(self) -> int:
        """Number of own actions the transitions cover."""
        return int(self._matrix.shape[1])

    @property
    def n_signals(self) -> int:
        """Number of possible observations of the others."""
        return int(self._matrix.shape[2])

    @property
    def transition_matrix(self) -> NDArray[np.float64]:
        """Next-state probabilities, shape ``(n_states, n_actions, n_signals, n_states)``."""
        return self._matrix

    @property
    def initial(self) -> NDArray[np.float64]:
        """Distribution of the first state."""
        return self._initial

    @property
    def is_deterministic(self) -> bool:
        """True when every transition and the first state are certain."""
        return bool(np.all((self._matrix == 0) | (self._matrix == 1))
                    and np.all((self._initial == 0) | (self._initial == 1)))

    def next_state_distribution(self, state: int, own: int, other: int) -> NDArray[np.float64]:
        """Next-state probabilities after ``state`` when it played ``own`` and saw ``other``."""
        return self._matrix[state, own, other]

    def with_initial(self, initial: int | ArrayLike, name: str | None = None) -> Automaton:
        """The same automaton started elsewhere."""
        return Automaton(self._actions.tolist(), self._matrix, initial=initial,
                         states=self._labels, name=name or self.name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Automaton):
            return NotImplemented
        return (self._labels == other._labels and np.array_equal(self._actions, other._actions)
                and np.array_equal(self._matrix, other._matrix)
                and np.array_equal(self._initial, other._initial))

    def __hash__(self) -> int:
        return hash((self._labels, self._actions.tobytes(), self._matrix.tobytes(),
                     self._initial.tobytes()))

    def __repr__(self) -> str:
        return f"Automaton({self.name!r}, states={self._labels})"


def _transition_matrix(transitions: Any, n_states: int, labels: tuple[str, ...]
                       ) -> NDArray[np.float64]:
    if isinstance(transitions, np.ndarray) and transitions.ndim == 4:
        mat = np.asarray(transitions, dtype=np.float64)
        if mat.shape[0] != n_states or mat.shape[3] != n_states:
            raise InvalidArgumentError(
                f"a transition array needs shape (n_states, n_actions, n_signals, n_states) "
                f"with n_states = {n_states}; got {mat.shape}"
            )
        _check_rows(mat)
        return mat.copy()
    if not isinstance(transitions, Sequence) or len(transitions) != n_states:
        raise InvalidArgumentError(
            f"transitions must give one table per state ({n_states}), got {transitions!r}"
        )
    n_actions = n_signals = None
    out: list[list[list[NDArray[np.float64]]]] = []
    for s, table in enumerate(transitions):
        if not isinstance(table, Sequence) or len(table) == 0:
            raise InvalidArgumentError(f"state {labels[s]!r}: missing transitions (got {table!r})")
        n_actions = n_actions or len(table)
        if len(table) != n_actions:
            raise InvalidArgumentError(
                f"state {labels[s]!r}: transitions for {len(table)} own actions, expected "
                f"{n_actions}"
            )
        rows = []
        for a, row in enumerate(table):
            if not isinstance(row, Sequence) or len(row) == 0:
                raise InvalidArgumentError(
                    f"state {labels[s]!r}, own action {a}: missing transitions (got {row!r})"
                )
            n_signals = n_signals or len(row)
            if len(row) != n_signals:
                raise InvalidArgumentError(
                    f"state {labels[s]!r}, own action {a}: transitions for {len(row)} "
                    f"observations, expected {n_signals}"
                )
            rows.append([_target(t, n_states, labels, (s, a, o)) for o, t in enumerate(row)])
        out.append(rows)
    mat = np.array(out, dtype=np.float64)
    _check_rows(mat)
    return mat


def _target(t: Any, n_states: int, labels: tuple[str, ...], where: tuple[int, int, int]
            ) -> NDArray[np.float64]:
    """One transition: a state index or label, or a distribution over states."""
    s, a, o = where
    place = f"state {labels[s]!r}, own action {a}, observation {o}"
    if isinstance(t, str):
        if t not in labels:
            raise InvalidArgumentError(f"{place}: unknown state {t!r}; states are {labels}")
        t = labels.index(t)
    if isinstance(t, (int, np.integer)) and not isinstance(t, bool):
        if not 0 <= t < n_states:
            raise InvalidArgumentError(f"{place}: unknown state {t}; states are 0..{n_states - 1}")
        vec = np.zeros(n_states)
        vec[t] = 1.0
        return vec
    if t is None:
        raise InvalidArgumentError(f"{place}: missing transition")
    vec = np.asarray(t, dtype=np.float64)
    if vec.shape != (n_states,):
        raise InvalidArgumentError(
            f"{place}: a mixed transition needs {n_states} probabilities, got {t!r}"
        )
    return vec


def _check_rows(mat: NDArray[np.float64]) -> None:
    if not np.all(np.isfinite(mat)) or np.any(mat < 0):
        raise InvalidProbabilityError("transition probabilities must be finite and >= 0")
    sums = mat.sum(axis=-1)
    if not np.allclose(sums, 1.0, atol=ROUNDING):
        bad = np.argwhere(~np.isclose(sums, 1.0, atol=ROUNDING))[0]
        raise InvalidProbabilityError(
            f"transition probabilities must sum to 1; at (state, action, observation) "
            f"{tuple(int(i) for i in bad)} they sum to {sums[tuple(bad)]!r}"
        )


def _initial(initial: Any, n_states: int, labels: tuple[str, ...]) -> NDArray[np.float64]:
    if isinstance(initial, str):
        if initial not in labels:
            raise InvalidArgumentError(f"unknown initial state {initial!r}; states are {labels}")
        initial = labels.index(initial)
    if isinstance(initial, (int, np.integer)) and not isinstance(initial, bool):
        if not 0 <= initial < n_states:
            raise InvalidArgumentError(
                f"initial state must be in 0..{n_states - 1}, got {initial}"
            )
        vec = np.zeros(n_states)
        vec[initial] = 1.0
        return vec
    vec = np.asarray(initial, dtype=np.float64)
    if vec.shape != (n_states,) or not np.all(np.isfinite(vec)) or np.any(vec < 0) or not (
        np.isclose(vec.sum(), 1.0)
    ):
        raise InvalidProbabilityError(
            f"initial must be a state or {n_states} probabilities summing to 1, got {initial!r}"
        )
    return vec.copy()


# -- the canonical strategies ------------------------------------------------------------------
def always_cooperate() -> Automaton:
    """Always cooperate (ALLC).

    See Also
    --------
    always_defect : the opposite unconditional strategy.
    random_player : cooperate with a given probability.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.always_cooperate()
    Automaton('Always Cooperate', states=('C',))
    """
    return Automaton([C], [[[0, 0], [0, 0]]], states=("C",), name="Always Cooperate")


def always_defect() -> Automaton:
    """Always defect (ALLD).

    See Also
    --------
    always_cooperate : the opposite unconditional strategy.
    grim_trigger : defect forever after one defection.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.always_defect()
    Automaton('Always Defect', states=('D',))
    """
    return Automaton([D], [[[0, 0], [0, 0]]], states=("D",), name="Always Defect")


def tit_for_tat() -> Automaton:
    """Tit for Tat: cooperate first, then do what the other did last round.

    See Also
    --------
    suspicious_tit_for_tat : the same, opening with D.
    generous_tit_for_tat : forgives a defection with some probability.
    tit_for_two_tats : retaliates after two defections.
    contrite_tit_for_tat : accepts punishment for its own errors.

    References
    ----------
    .. [1] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.tit_for_tat()
    Automaton('Tit for Tat', states=('C', 'D'))
    """
    return Automaton([C, D], [[[0, 1], [0, 1]]] * 2, states=("C", "D"), name="Tit for Tat")


def suspicious_tit_for_tat() -> Automaton:
    """Suspicious Tit for Tat: Tit for Tat that defects in the first round.

    See Also
    --------
    tit_for_tat : the same, opening with C.

    References
    ----------
    .. [1] Boyd, R. and Lorberbaum, J. P. (1987). No pure strategy is evolutionarily stable
       in the repeated Prisoner's Dilemma game. *Nature* 327, 58-59.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.suspicious_tit_for_tat()
    Automaton('Suspicious Tit for Tat', states=('C', 'D'))
    """
    return tit_for_tat().with_initial(1, name="Suspicious Tit for Tat")


def grim_trigger() -> Automaton:
    """Grim Trigger: cooperate until anyone defects, then defect forever.

    See Also
    --------
    k_period_punishment : punish for k rounds, then forgive.
    tit_for_tat : punish for one round.
    multilateral.solvers.critical_discount : the least discount factor sustaining a profile.

    References
    ----------
    .. [1] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of
       Economic Studies* 38(1), 1-12.

    Examples
    --------
    >>> import multilateral as ml
    >>> grim = ml.automata.grim_trigger()
    >>> grim.next_state_distribution(state=1, own=1, other=0).tolist()  # D forever
    [0.0, 1.0]
    """
    return Automaton([C, D], [[[0, 1], [1, 1]], [[1, 1], [1, 1]]], states=("C", "D"),
                     name="Grim Trigger")


def win_stay_lose_shift() -> Automaton:
    """Win-Stay, Lose-Shift (Pavlov): cooperate after mutual C or mutual D, else defect.

    See Also
    --------
    tit_for_tat : copies the other's last move.
    generous_tit_for_tat : forgiving reciprocity.

    References
    ----------
    .. [1] Nowak, M. and Sigmund, K. (1993). A strategy of win-stay, lose-shift that
       outperforms tit-for-tat in the Prisoner's Dilemma game. *Nature* 364, 56-58.

    Examples
    --------
    >>> import multilateral as ml
    >>> wsls = ml.automata.win_stay_lose_shift()
    >>> wsls.next_state_distribution(state=1, own=1, other=1).tolist()  # mutual D: back to C
    [1.0, 0.0]
    """
    return Automaton([C, D], [[[0, 1], [1, 0]]] * 2, states=("C", "D"),
                     name="Win-Stay Lose-Shift")


def generous_tit_for_tat(generosity: float | Fraction = Fraction(1, 3)) -> Automaton:
    """Generous Tit for Tat: Tit for Tat that forgives a defection with probability ``generosity``.

    Nowak and Sigmund's generosity for the Prisoners' Dilemma is
    ``min(1 - (T - R)/(R - S), (R - P)/(T - P))`` (1/3 for T, R, P, S = 5, 3, 1, 0).

    See Also
    --------
    tit_for_tat : never forgives a defection.
    win_stay_lose_shift : corrects errors by shifting.

    References
    ----------
    .. [1] Nowak, M. A. and Sigmund, K. (1992). Tit for tat in heterogeneous populations.
       *Nature* 355, 250-253.

    Examples
    --------
    >>> import multilateral as ml
    >>> gtft = ml.automata.generous_tit_for_tat()
    >>> gtft, gtft.is_deterministic
    (Automaton('Generous Tit for Tat (g=1/3)', states=('C', 'D')), False)
    """
    g = check_probability(generosity, "generosity")
    by_signal: list[int | Sequence[Number]] = [0, [g, 1 - g]]  # after C; after D
    return Automaton([C, D], [[by_signal, by_signal]] * 2, states=("C", "D"),
                     name=f"Generous Tit for Tat (g={generosity})")


def tit_for_two_tats() -> Automaton:
    """Tit for Two Tats: defect only after two consecutive defections of the other.

    See Also
    --------
    tit_for_tat : retaliates after one defection.

    References
    ----------
    .. [1] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.

    Examples
    --------
    >>> import multilateral as ml
    >>> tf2t = ml.automata.tit_for_two_tats()
    >>> tf2t.next_state_distribution(state=0, own=0, other=1).tolist()  # one D: wait
    [0.0, 1.0, 0.0]
    """
    # states: C (no recent D), C1 (one D seen), D (two in a row seen)
    return Automaton([C, C, D], [[[0, 1], [0, 1]], [[0, 2], [0, 2]], [[0, 2], [0, 2]]],
                     states=("C", "C1", "D"), name="Tit for Two Tats")


def k_period_punishment(k: int, *, n_actions: int = 2, n: int = 2) -> Automaton:
    """Cooperate; after any defection, punish by defecting ``k`` rounds, then forgive.

    A defection by anyone in the cooperative phase, or a failure to punish during the
    punishment phase, (re)starts the ``k`` rounds.

    Parameters
    ----------
    k : int
        Rounds of punishment (>= 1).
    n_actions : int, default 2
        Number of actions of the stage game: action 0 cooperates, the last one punishes,
        and every other action counts as a departure from the path.
    n : int, default 2
        Number of players; the automaton observes the others' joint action (its index in
        C order, as :class:`~multilateral.games.RepeatedGame` reports it).

    See Also
    --------
    grim_trigger : punishes forever.
    tit_for_tat : punishes for one round.

    References
    ----------
    .. [1] Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*,
       section 2.4.2. Oxford University Press.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.k_period_punishment(2)
    Automaton('2-period punishment', states=('C', 'P1', 'P2'))
    """
    k, m = check_positive_int(k, "k"), check_positive_int(n_actions, "n_actions", 2)
    signals = m ** (check_positive_int(n, "n", 2) - 1)
    check_positive_int(k * m * signals, "the table size k * n_actions**n", maximum=10**7,
                       why=" entries (memory)")
    punished = signals - 1  # everyone else played the last action
    states = ("C", *(f"P{j}" for j in range(1, k + 1)))
    table = [[[0 if (a == 0 and o == 0) else 1 for o in range(signals)] for a in range(m)]]
    for j in range(1, k + 1):
        nxt = 0 if j == k else j + 1
        # only everyone punishing moves the punishment on
        table.append([[nxt if (a == m - 1 and o == punished) else 1 for o in range(signals)]
                      for a in range(m)])
    return Automaton([0] + [m - 1] * k, table, states=states, name=f"{k}-period punishment")


def contrite_tit_for_tat() -> Automaton:
    """Contrite Tit for Tat: Tit for Tat that accepts punishment for its own mistakes.

    Each player has a standing, good or bad. A player who defects while both are good loses
    his standing; cooperating restores it; defecting against a bad-standing player while
    good is justified. Contrite TFT defects only when it is good and the other is bad, so an
    error is followed by one round of accepted punishment, not by an echo of defections.

    See Also
    --------
    tit_for_tat : without contrition.
    win_stay_lose_shift : another error-correcting strategy.

    References
    ----------
    .. [1] Sugden, R. (1986). *The Economics of Rights, Co-operation and Welfare*. Blackwell.
    .. [2] Boyd, R. (1989). Mistakes allow evolutionary stability in the repeated prisoner's
       dilemma game. *J. Theor. Biol.* 136(1), 47-56.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.contrite_tit_for_tat()
    Automaton('Contrite Tit for Tat', states=('gg', 'gb', 'bg', 'bb'))
    """
    # states are (own standing, other's standing): gg, gb, bg, bb
    labels = ("gg", "gb", "bg", "bb")
    acts = [C, D, C, C]
    table = []
    for own_good, other_good in ((1, 1), (1, 0), (0, 1), (0, 0)):
        rows = []
        for a in (C, D):
            row = []
            for o in (C, D):
                own_next = a == C or (own_good and not other_good)
                other_next = o == C or (other_good and not own_good)
                row.append(labels.index(("g" if own_next else "b") + ("g" if other_next else "b")))
            rows.append(row)
        table.append(rows)
    return Automaton(acts, table, states=labels, name="Contrite Tit for Tat")


def alternator() -> Automaton:
    """Alternate C, D, C, D, ... whatever the other does.

    See Also
    --------
    random_player : alternates at random.
    always_cooperate : an unconditional strategy.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.automata.alternator()
    Automaton('Alternator', states=('C', 'D'))
    """
    return Automaton([C, D], [[[1, 1], [1, 1]], [[0, 0], [0, 0]]], states=("C", "D"),
                     name="Alternator")


def random_player(p: float | Fraction = Fraction(1, 2)) -> Automaton:
    """Cooperate with probability ``p`` each round, independently.

    See Also
    --------
    always_cooperate : p = 1.
    always_defect : p = 0.

    Examples
    --------
    >>> import multilateral as ml
    >>> coin = ml.automata.random_player()
    >>> coin, coin.initial.tolist()
    (Automaton('Random (p=1/2)', states=('C', 'D')), [0.5, 0.5])
    """
    q = check_probability(p, "p")
    mix = [q, 1 - q]
    return Automaton([C, D], [[[mix, mix], [mix, mix]]] * 2, initial=mix, states=("C", "D"),
                     name=f"Random (p={p})")
