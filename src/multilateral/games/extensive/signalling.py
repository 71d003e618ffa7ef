"""``SignallingGame``: a sender with private types, a message, a receiver's response.

The canonical signalling game (Cho and Kreps 1987; Fudenberg and Tirole 1991, ch. 8):
chance draws the sender's *type* ``t`` from a common *prior*; the sender learns
it and sends a *message* ``m``; the receiver sees the message, not the type, and takes an
*action* ``a``; the payoffs ``u_S(t, m, a)`` and ``u_R(t, m, a)`` follow. As an
:class:`~multilateral.games.ExtensiveFormGame` it is a chance root over the types, one
singleton information set of the sender per type, and one information set of the receiver
per message, spanning the types. :meth:`SignallingGame.from_extensive` recognizes that shape
in a game tree; :attr:`SignallingGame.game` builds the tree.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._validation import as_number_array, check_probability
from ...errors import InvalidGameError, InvalidProbabilityError, InvalidTypeError
from ...tolerances import PROBABILITY
from .._common import Immutable, labels
from ._build import CHANCE, DECISION, TERMINAL
from .game import ExtensiveFormGame

__all__ = ["SignallingGame"]
__dir__ = public_dir(__all__)

_SHAPE = ("a signalling game is a chance root over the sender's types (the prior), then the "
          "sender's move at one singleton information set per type (the same messages for "
          "every type), then the receiver's move at one information set per message spanning "
          "all types, then outcomes (two players: sender, receiver)")


class SignallingGame(Immutable):
    """A finite signalling game: types, a prior, messages, actions and two payoff tables.

    Parameters
    ----------
    prior : sequence of numbers
        The probability of each of the sender's types (each in ``(0, 1]``, summing to one:
        exactly for ints and Fractions, within :data:`multilateral.tolerances.PROBABILITY`
        for floats). A type of probability 0 is refused: drop it.
    sender_payoffs, receiver_payoffs : array_like or mapping
        ``u_S(t, m, a)`` and ``u_R(t, m, a)`` as arrays of shape ``(types, messages,
        actions)``; or, when the receiver's actions differ from message to message, mappings
        ``message label -> array of shape (types, actions after that message)``. Ints and
        Fractions stay exact.
    types, messages : sequence of str, optional
        Labels (default ``t1, t2, ...`` and ``m1, m2, ...``).
    actions : sequence of str, or mapping of message label to sequence of str, optional
        The receiver's action labels (default ``a1, a2, ...``), the same after every message,
        or per message.
    players : sequence of two str
        The sender's and the receiver's names, default ``("Sender", "Receiver")``.
    title : str

    Attributes
    ----------
    prior : numpy.ndarray
        One probability per type (read-only; Fractions for exact input).
    sender_payoffs, receiver_payoffs : tuple of numpy.ndarray
        One read-only array per message, shape ``(types, actions after it)``.
    types, messages : tuple of str
    actions : tuple of tuple of str
        The receiver's actions after each message.
    game : ExtensiveFormGame
        The game tree (the one given to :meth:`from_extensive`, or built: chance, then
        sender, then receiver).
    sender_infosets, receiver_infosets : tuple of int
        The information sets of :attr:`game` where each type (sender) and each message
        (receiver) moves.

    Raises
    ------
    InvalidProbabilityError
        A prior that is negative, zero, or does not sum to one.
    InvalidGameError
        Payoff tables of the wrong shape; labels that clash.

    See Also
    --------
    multilateral.solvers.extensive.perfect_bayesian_equilibria : its equilibria.
    multilateral.games.ExtensiveFormGame : the general game tree.

    References
    ----------
    .. [1] Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria.
       *Quarterly Journal of Economics* 102(2), 179-221 (the signalling game and the
       beer-quiche example; page numbers within the article not confirmed here).
    .. [2] Fudenberg, D. and Tirole, J. (1991). *Game Theory*. MIT Press, ch. 8 (perfect
       Bayesian equilibrium; signalling games).

    Examples
    --------
    Cho and Kreps's beer-quiche game: a weak (prior 1/10) or strong sender has beer or quiche
    for breakfast; the receiver, who sees only the breakfast, duels or not.

    >>> from fractions import Fraction
    >>> from multilateral.games.extensive import SignallingGame
    >>> sender = [[[0, 2], [1, 3]],     # weak: beer (duel, not), quiche (duel, not)
    ...           [[1, 3], [0, 2]]]     # strong
    >>> receiver = [[[1, 0], [1, 0]],   # the receiver wants to duel a weak sender
    ...             [[0, 1], [0, 1]]]
    >>> bq = SignallingGame([Fraction(1, 10), Fraction(9, 10)], sender, receiver,
    ...                     types=["weak", "strong"], messages=["beer", "quiche"],
    ...                     actions=["duel", "not"])
    >>> bq
    SignallingGame(types=('weak', 'strong'), messages=('beer', 'quiche'), actions=2)
    >>> bq.game.n_nodes, [info.player for info in bq.game.infosets]
    (15, ['Sender', 'Sender', 'Receiver', 'Receiver'])
    >>> SignallingGame.from_extensive(bq.game) == bq
    True
    """

    def __init__(self, prior: ArrayLike, sender_payoffs: Any, receiver_payoffs: Any, *,
                 types: Sequence[str] | None = None, messages: Sequence[str] | None = None,
                 actions: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
                 players: Sequence[str] = ("Sender", "Receiver"), title: str = "") -> None:
        pri = _prior(prior)
        n_types = pri.size
        types_ = labels(types, n_types, "t", 1, "types")
        msgs, sender = _tables(sender_payoffs, "sender_payoffs", n_types, messages)
        _, receiver = _tables(receiver_payoffs, "receiver_payoffs", n_types, msgs)
        for m, (s, r) in enumerate(zip(sender, receiver, strict=True)):
            if s.shape != r.shape:
                raise InvalidGameError(
                    f"sender_payoffs and receiver_payoffs disagree after message {msgs[m]!r}: "
                    f"shapes {s.shape} and {r.shape} (types, actions)")
        acts = _actions(actions, msgs, [s.shape[1] for s in sender])
        if isinstance(players, str) or len(players) != 2 or not all(
                isinstance(p, str) for p in players) or players[0] == players[1]:
            raise InvalidGameError(f"players must be two distinct names (sender, receiver), got "
                                   f"{players!r}")
        if not isinstance(title, str):
            raise InvalidTypeError(f"title must be a str, got {title!r}")
        self._set(_prior=pri, _types=types_, _messages=msgs, _actions=acts,
                  _sender=tuple(sender), _receiver=tuple(receiver),
                  _players=(players[0], players[1]), _title=title, _tree=None)

    _prior: NDArray[Any]
    _types: tuple[str, ...]
    _messages: tuple[str, ...]
    _actions: tuple[tuple[str, ...], ...]
    _sender: tuple[NDArray[Any], ...]
    _receiver: tuple[NDArray[Any], ...]
    _players: tuple[str, str]
    _title: str
    _tree: ExtensiveFormGame | None

    # -- recognizing a tree ---------------------------------------------------------------------
    @classmethod
    def from_extensive(cls, game: ExtensiveFormGame) -> SignallingGame:
        """The signalling game a game tree describes, or an error saying what shape is expected.

        Parameters
        ----------
        game : ExtensiveFormGame
            A chance root over the sender's types; below each type a singleton information
            set of the sender offering the same messages; below each message one
            information set of the receiver holding that message's node of every type;
            terminal nodes below the receiver.

        Returns
        -------
        SignallingGame
            Its :attr:`game` is ``game`` itself (labels kept: types are chance's move labels,
            messages the sender's, actions the receiver's).

        Raises
        ------
        InvalidGameError
            For any other shape (the message says which part differs).

        Examples
        --------
        >>> import multilateral as ml
        >>> from multilateral.games.extensive import Decision, Outcome, SignallingGame
        >>> SignallingGame.from_extensive(ml.ExtensiveFormGame(
        ...     Decision("A", {"l": Outcome([1, 0]), "r": Outcome([0, 1])}), players=["A", "B"]))
        Traceback (most recent call last):
        ...
        multilateral.errors.InvalidGameError: not a signalling game: the root is a decision \
node, not chance's draw of the sender's type; a signalling game is ...
        """
        if not isinstance(game, ExtensiveFormGame):
            raise InvalidTypeError(f"expected an ExtensiveFormGame, got {type(game).__name__}")
        parts = _recognize(game)
        out = cls(parts["prior"], parts["sender"], parts["receiver"], types=parts["types"],
                  messages=parts["messages"], actions=parts["actions"],
                  players=parts["players"], title=game.title)
        out._attach(game)
        return out

    def _attach(self, tree: ExtensiveFormGame | None) -> None:
        self._set(_tree=tree)

    # -- attributes -----------------------------------------------------------------------------
    @property
    def prior(self) -> NDArray[Any]:
        """The probability of each type."""
        return self._prior

    @property
    def types(self) -> tuple[str, ...]:
        """The sender's type labels."""
        return self._types

    @property
    def messages(self) -> tuple[str, ...]:
        """The message labels."""
        return self._messages

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """The receiver's action labels after each message."""
        return self._actions

    @property
    def sender_payoffs(self) -> tuple[NDArray[Any], ...]:
        """``u_S``: one array per message, shape ``(types, actions)``."""
        return self._sender

    @property
    def receiver_payoffs(self) -> tuple[NDArray[Any], ...]:
        """``u_R``: one array per message, shape ``(types, actions)``."""
        return self._receiver

    @property
    def players(self) -> tuple[str, str]:
        """The sender's and the receiver's names."""
        return self._players

    @property
    def title(self) -> str:
        """The game's title."""
        return self._title

    @property
    def n_types(self) -> int:
        """Number of types."""
        return len(self._types)

    @property
    def n_messages(self) -> int:
        """Number of messages."""
        return len(self._messages)

    @property
    def is_exact(self) -> bool:
        """True when the prior and both payoff tables are ints or Fractions."""
        return all(a.dtype.kind in "iuO" for a in (self._prior, *self._sender, *self._receiver))

    @functools.cached_property
    def game(self) -> ExtensiveFormGame:
        """The game tree (chance, sender, receiver), built once."""
        if self._tree is not None:
            return self._tree
        return _build_tree(self)

    @functools.cached_property
    def sender_infosets(self) -> tuple[int, ...]:
        """The sender's information set in :attr:`game` for each type."""
        g = self.game
        return tuple(int(g.infoset[v]) for v in g.children(0))

    @functools.cached_property
    def receiver_infosets(self) -> tuple[int, ...]:
        """The receiver's information set in :attr:`game` after each message."""
        g = self.game
        first = g.children(0)[0]
        return tuple(int(g.infoset[v]) for v in g.children(first))

    # -- value semantics ------------------------------------------------------------------------
    def _parameters(self) -> dict[str, Any]:
        uniform = len(set(self._actions)) == 1
        if uniform:
            sender: Any = np.stack(self._sender, axis=1)
            receiver: Any = np.stack(self._receiver, axis=1)
            actions: Any = self._actions[0]
        else:
            sender = dict(zip(self._messages, self._sender, strict=True))
            receiver = dict(zip(self._messages, self._receiver, strict=True))
            actions = dict(zip(self._messages, self._actions, strict=True))
        return {"prior": self._prior, "sender_payoffs": sender, "receiver_payoffs": receiver,
                "types": self._types, "messages": self._messages, "actions": actions,
                "players": self._players, "title": self._title}

    def _from_parameters(self, parameters: dict[str, Any]) -> Self:
        return type(self)(**parameters)

    def _key(self) -> tuple[Any, ...]:
        return (self._types, self._messages, self._actions, self._players, self._title,
                tuple(Fraction(v) if isinstance(v, numbers.Rational) else float(v)
                      for v in self._prior.tolist()),
                tuple(tuple(map(tuple, a.tolist())) for a in (*self._sender, *self._receiver)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignallingGame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._parameters(), self._tree))

    def __repr__(self) -> str:
        sizes = {len(a) for a in self._actions}
        acts = str(sizes.pop()) if len(sizes) == 1 else str(tuple(len(a) for a in self._actions))
        return (f"{type(self).__name__}(types={self._types!r}, messages={self._messages!r}, "
                f"actions={acts})")


def _rebuild(cls: type[SignallingGame], parameters: dict[str, Any],
             tree: ExtensiveFormGame | None) -> SignallingGame:
    out = cls(**parameters)
    out._attach(tree)
    return out


def _readonly(arr: NDArray[Any]) -> NDArray[Any]:
    arr = np.array(arr)
    arr.flags.writeable = False
    return arr


def _prior(prior: Any) -> NDArray[Any]:
    if isinstance(prior, (str, bytes, Mapping)) or not hasattr(prior, "__iter__"):
        raise InvalidTypeError(f"prior must be a sequence of probabilities (one per type), got "
                               f"{prior!r:.80}")
    values = list(prior.tolist() if hasattr(prior, "tolist") else prior)
    if not values:
        raise InvalidProbabilityError("prior must give at least one type a probability")
    checked = [check_probability(p, f"prior[{k}]", exact=True) for k, p in enumerate(values)]
    if any(p == 0 for p in checked):
        k = next(k for k, p in enumerate(checked) if p == 0)
        raise InvalidProbabilityError(
            f"prior[{k}] is 0: every type needs a positive probability (drop the type)")
    exact = all(isinstance(p, Fraction) for p in checked)
    total = sum(checked)
    if exact and total != 1:
        raise InvalidProbabilityError(f"prior must sum to 1, sums to {total}")
    if not exact and abs(float(total) - 1.0) > PROBABILITY * len(checked):
        raise InvalidProbabilityError(f"prior must sum to 1, sums to {float(total)!r}")
    arr = np.array(checked, dtype=object) if exact else np.array(
        [float(p) for p in checked], dtype=np.float64)
    return _readonly(arr)


def _table(values: Any, name: str) -> NDArray[Any]:
    arr = as_number_array(values, name)
    arr.flags.writeable = False
    return arr


def _tables(values: Any, name: str, n_types: int, messages: Sequence[str] | None
            ) -> tuple[tuple[str, ...], list[NDArray[Any]]]:
    if isinstance(values, Mapping):
        keys = tuple(str(k) for k in values)
        msgs = keys if messages is None else labels(messages, len(keys), "m", 1, "messages")
        if set(msgs) != set(keys):
            raise InvalidGameError(f"{name} is a mapping over messages {keys}; the messages are "
                                   f"{tuple(msgs)}")
        tables = [_table(values[m], f"{name}[{m!r}]") for m in msgs]
        for m, t in zip(msgs, tables, strict=True):
            if t.ndim != 2 or t.shape[0] != n_types or t.shape[1] < 1:
                raise InvalidGameError(f"{name}[{m!r}] must have shape (types={n_types}, "
                                       f"actions), got {t.shape}")
        return tuple(msgs), tables
    arr = as_number_array(values, name)
    if arr.ndim != 3 or arr.shape[0] != n_types or 0 in arr.shape:
        raise InvalidGameError(f"{name} must have shape (types={n_types}, messages, actions), "
                               f"got {arr.shape}")
    msgs = labels(messages, arr.shape[1], "m", 1, "messages")
    return msgs, [_readonly(arr[:, m, :]) for m in range(arr.shape[1])]


def _actions(actions: Any, messages: tuple[str, ...], sizes: list[int]
             ) -> tuple[tuple[str, ...], ...]:
    if isinstance(actions, Mapping):
        if set(map(str, actions)) != set(messages):
            raise InvalidGameError(f"actions maps messages {tuple(actions)}; the messages are "
                                   f"{messages}")
        return tuple(labels(actions[m], k, "a", 1, f"actions after {m!r}")
                     for m, k in zip(messages, sizes, strict=True))
    if actions is None or len(set(sizes)) == 1:
        if actions is not None and len(actions) != sizes[0]:
            raise InvalidGameError(f"actions has {len(actions)} labels for {sizes[0]} actions")
        return tuple(labels(actions, k, "a", 1, "actions") for k in sizes)
    raise InvalidGameError("the receiver's actions differ in number between messages: pass "
                           "actions as a mapping message -> labels")


def _build_tree(g: SignallingGame) -> ExtensiveFormGame:
    t_n, m_n = g.n_types, g.n_messages
    sizes = [len(a) for a in g.actions]
    n_children = [t_n] + [m_n] * t_n + [sizes[m] for _ in range(t_n) for m in range(m_n)]
    n_children += [0] * (t_n * sum(sizes))
    player = [-1] + [0] * t_n + [1] * (t_n * m_n) + [-1] * (t_n * sum(sizes))
    infoset = [-1] + list(range(t_n)) + [t_n + m for _ in range(t_n) for m in range(m_n)]
    infoset += [-1] * (t_n * sum(sizes))
    chance = [1] + list(g.prior.tolist()) + [1] * (len(n_children) - 1 - t_n)
    edges = ["", *g.types, *(g.messages * t_n)]
    edges += [a for _ in range(t_n) for m in range(m_n) for a in g.actions[m]]
    pay = [[g.sender_payoffs[m][t, a], g.receiver_payoffs[m][t, a]]
           for t in range(t_n) for m in range(m_n) for a in range(sizes[m])]
    return ExtensiveFormGame.from_arrays(
        n_children, player, np.array(pay, dtype=object if g.is_exact else np.float64),
        players=g.players, infoset=infoset, chance_probability=chance, action_labels=edges,
        infoset_labels=[*g.types, *(f"after {m}" for m in g.messages)], title=g.title)


def _fail(why: str) -> InvalidGameError:
    return InvalidGameError(f"not a signalling game: {why}; {_SHAPE}")


def _recognize(game: ExtensiveFormGame) -> dict[str, Any]:
    kind, labels_ = game.kind.tolist(), game.action_labels
    if game.n_players != 2:
        raise _fail(f"it has {game.n_players} players")
    if kind[0] != CHANCE:
        raise _fail("the root is a " + ("decision node" if kind[0] == DECISION else
                                         "terminal node") + ", not chance's draw of the "
                    "sender's type")
    type_nodes = list(game.children(0))
    prob = game.chance_probability.tolist()
    for v in type_nodes:
        if kind[v] != DECISION:
            raise _fail(f"after chance's move {labels_[v]!r} comes no decision of the sender")
    sender = int(game.player[type_nodes[0]])
    infos = [int(game.infoset[v]) for v in type_nodes]
    if any(int(game.player[v]) != sender for v in type_nodes):
        raise _fail("different players move after chance's moves")
    if len(set(infos)) != len(infos) or any(len(game.infosets[h].nodes) != 1 for h in infos):
        raise _fail("the sender does not know her type (an information set of hers spans "
                    "types)")
    messages = game.actions[infos[0]]
    if any(game.actions[h] != messages for h in infos):
        raise _fail("the sender's messages differ between types (labels and their order)")
    receiver = 1 - sender
    rec_sets: list[int] = []
    for m in range(len(messages)):
        nodes = [game.children(v)[m] for v in type_nodes]
        for u in nodes:
            if kind[u] != DECISION or int(game.player[u]) != receiver:
                raise _fail(f"after message {messages[m]!r} the receiver does not move")
        h = int(game.infoset[nodes[0]])
        if sorted(game.infosets[h].nodes) != sorted(nodes):
            raise _fail(f"the receiver's information set after message {messages[m]!r} does "
                        "not hold exactly that message's node of every type")
        if h in rec_sets:
            raise _fail("one information set of the receiver spans two messages")
        rec_sets.append(h)
        for u in nodes:
            if any(kind[c] != TERMINAL for c in game.children(u)):
                raise _fail(f"the game goes on after the receiver's move at message "
                            f"{messages[m]!r}")
    order = (sender, receiver)
    pay = game.payoffs
    tables: list[dict[str, Any]] = [{}, {}]
    for m, msg in enumerate(messages):
        for i in range(2):
            rows = []
            for v in type_nodes:
                u = game.children(v)[m]
                rows.append([pay[int(game.outcome[c]), order[i]] for c in game.children(u)])
            tables[i][msg] = np.array(rows, dtype=pay.dtype)
    return {"prior": [prob[v] for v in type_nodes], "sender": tables[0], "receiver": tables[1],
            "types": [labels_[v] for v in type_nodes], "messages": messages,
            "actions": {msg: game.actions[rec_sets[m]] for m, msg in enumerate(messages)},
            "players": (game.players[sender], game.players[receiver])}
