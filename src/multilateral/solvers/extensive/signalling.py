"""Perfect Bayesian equilibria of signalling games, and the Intuitive Criterion.

A perfect Bayesian equilibrium (PBE) of a signalling game
(:class:`~multilateral.games.extensive.SignallingGame`) is a sender strategy (type ->
message), a receiver strategy (message -> action) and a belief over the types after every
message such that (i) each type's message is a best reply to the receiver's strategy, (ii) the
receiver's action after every message is a best reply to the belief there, and (iii) the
belief follows Bayes' rule from the prior and the sender's strategy after every message some
type sends; after a message no type sends (off the path) any belief is allowed (Fudenberg and
Tirole 1991, ch. 8; Gibbons 1992, section 4.2, Signaling Requirements 1, 2R, 2S and 3).
:func:`perfect_bayesian_equilibria` finds them all, exactly: every pure one, and with
``mixed=True`` one representative of every support profile of the mixed ones (a continuum is
flagged, not hidden). :func:`intuitive_criterion` and :func:`d1_criterion` refine them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction
from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.extensive import ExtensiveFormGame
from ...games.extensive.signalling import SignallingGame
from ._signalling_mixed import (
    Data,
    Polytope,
    belief_polytope,
    best_replies,
    classify,
    d1_deleted,
    game_data,
    mixed_profiles,
    payoffs,
    pure_profiles,
)

__all__ = [
    "MIXED_MAX_SUPPORTS",
    "PURE_MAX_PROFILES",
    "BeliefSet",
    "D1Criterion",
    "IntuitiveCriterion",
    "SignallingEquilibrium",
    "d1_criterion",
    "intuitive_criterion",
    "perfect_bayesian_equilibria",
]
__dir__ = public_dir(__all__)

#: ``mixed=True`` enumerates at most this many support profiles, ``(2**messages - 1)**types *
#: prod_m (2**actions_m - 1)``: 3 x 3 x 2 (9261) passes, 3 x 3 x 3 (117649) not. Measured
#: (benchmarks/README.md, load 5): 2 x 2 x 2 in 0.03 s, 2 x 3 x 2 in 1.1 s, 3 x 3 x 2 in 34 s.
MIXED_MAX_SUPPORTS = 20_000

PURE_MAX_PROFILES = 10**6  #: The pure search visits ``messages**types`` sender strategies.


@dataclass(frozen=True, eq=False)
class BeliefSet:
    """The receiver's beliefs over the types after one message that go with an equilibrium.

    On the path it is the single Bayes belief. Off the path it is every belief at which the
    receiver's equilibrium response (every action it uses there) is a best reply: the convex
    polytope ``{mu >= 0, sum mu = 1, E mu = 0, G mu >= 0}``, given exactly by its constraints
    and its vertices (their convex hull is the set). For two types it is an interval of the
    first type's probability, :attr:`bounds` ``[0]``; for more, :attr:`bounds` is only the box
    around the set, the vertices are the set.

    Attributes
    ----------
    message : str
    on_path : bool
    equalities, inequalities : tuple of tuple
        Rows ``c`` (one coefficient per type): ``c . mu = 0`` (indifference between the
        actions used) and ``c . mu >= 0`` (a used action beats an unused one); the simplex
        constraints are implicit.
    vertices : tuple of tuple
        The extreme beliefs (one probability per type), sorted.
    bounds : tuple of (low, high)
        Each type's smallest and largest probability over the set.

    See Also
    --------
    SignallingEquilibrium.belief_sets : one per message.
    perfect_bayesian_equilibria
    """

    message: str
    on_path: bool
    equalities: tuple[tuple[Any, ...], ...]
    inequalities: tuple[tuple[Any, ...], ...]
    vertices: tuple[tuple[Any, ...], ...]
    bounds: tuple[tuple[Any, Any], ...]

    def contains(self, belief: Any) -> bool:
        """Whether a belief (one probability per type) is in the set."""
        mu = [as_fraction(v) for v in belief]
        if len(mu) != len(self.bounds):
            return False
        dots = [sum(as_fraction(a) * b for a, b in zip(c, mu, strict=True))
                for c in (*self.equalities, *self.inequalities)]
        return min(mu) >= 0 and sum(mu) == 1 and (
            tuple(mu) == tuple(as_fraction(v) for v in self.vertices[0]) if self.on_path else
            all(d == 0 for d in dots[:len(self.equalities)]) and min(dots, default=0) >= 0)

    def __repr__(self) -> str:
        shown = ", ".join(f"[{_num(lo)}, {_num(hi)}]" for lo, hi in self.bounds)
        return f"BeliefSet({self.message!r}, {'on' if self.on_path else 'off'} path, {shown})"


@dataclass(frozen=True, eq=False)
class SignallingEquilibrium:
    """A perfect Bayesian equilibrium of a signalling game, with beliefs.

    Attributes
    ----------
    sender : tuple of numpy.ndarray
        One probability vector over the messages per type.
    receiver : tuple of numpy.ndarray
        One probability vector over the actions per message.
    beliefs : tuple of numpy.ndarray
        One belief over the types per message: Bayes' rule on the path; off the path one
        belief of :attr:`belief_sets` (the barycenter of its vertices, a witness).
    belief_sets : tuple of BeliefSet
        Every belief that supports the equilibrium, per message.
    type_payoffs : tuple
        Each type's equilibrium payoff.
    receiver_payoff
        The receiver's expected payoff (over the prior).
    classification : str
        ``'separating'`` (pure, every type a different message), ``'pooling'`` (pure, one
        message for all), ``'partially pooling'`` (pure, neither: three or more types), or
        ``'semi-separating'`` (some type mixes: a hybrid equilibrium).
    dimension : int
        The dimension of the strategy profiles with these supports (0: an isolated point;
        more: a continuum, shown by the barycenter of its vertices). ``mixed=False`` gives 0.
    exact : bool
    rational : tuple
        ``(sender, receiver)`` behaviour in Fractions (what the refinements use).

    See Also
    --------
    perfect_bayesian_equilibria, intuitive_criterion
    """

    sender: tuple[NDArray[Any], ...]
    receiver: tuple[NDArray[Any], ...]
    beliefs: tuple[NDArray[Any], ...]
    belief_sets: tuple[BeliefSet, ...]
    type_payoffs: tuple[Any, ...]
    receiver_payoff: Any
    classification: str
    dimension: int
    exact: bool
    game: SignallingGame = field(repr=False)
    rational: tuple[Any, ...] = field(repr=False)  # (sender, receiver) in Fractions

    @property
    def on_path(self) -> tuple[str, ...]:
        """The messages some type sends."""
        return tuple(s.message for s in self.belief_sets if s.on_path)

    @property
    def off_path(self) -> tuple[str, ...]:
        """The messages no type sends."""
        return tuple(s.message for s in self.belief_sets if not s.on_path)

    @property
    def continuum(self) -> bool:
        """True when this equilibrium lies in a continuum of equilibria with its supports."""
        return self.dimension > 0

    @property
    def is_pure(self) -> bool:
        """True when both players play pure strategies."""
        return all(max(v.tolist()) == 1 for v in (*self.sender, *self.receiver))

    @functools.cached_property
    def behaviour(self) -> tuple[NDArray[Any], ...]:
        """The profile as behaviour of the tree ``game.game``, one vector per information set."""
        g = self.game
        out: list[NDArray[Any]] = [np.zeros(0)] * g.game.n_infosets
        for t, h in enumerate(g.sender_infosets):
            out[h] = self.sender[t]
        for m, h in enumerate(g.receiver_infosets):
            out[h] = self.receiver[m]
        return tuple(out)

    def profile(self) -> list[NDArray[np.float64]]:
        """The behaviour profile as float vectors (for ``game.game.expected_payoffs``)."""
        return [np.asarray(b, dtype=np.float64) for b in self.behaviour]

    def tree_beliefs(self) -> tuple[NDArray[Any], ...]:
        """Beliefs at every information set of the tree (the sender's singletons: [1])."""
        g = self.game
        out: list[NDArray[Any]] = [np.ones(1, dtype=object)] * g.game.n_infosets
        for m, h in enumerate(g.receiver_infosets):
            out[h] = self.beliefs[m]
        return tuple(out)

    def __repr__(self) -> str:
        g = self.game
        pure = self.is_pure

        def show(vec: NDArray[Any], labels: tuple[str, ...]) -> str:
            if pure:
                return labels[int(np.argmax(np.asarray(vec, dtype=float)))]
            return "(" + ", ".join(f"{lab}: {_num(p)}" for lab, p in zip(labels, vec.tolist(),
                                                                             strict=True)
                                   if p != 0) + ")"

        sender = ", ".join(f"{t}: {show(v, g.messages)}" for t, v in zip(g.types, self.sender,
                                                                          strict=True))
        receiver = ", ".join(f"{m}: {show(v, a)}" for m, v, a in zip(
            g.messages, self.receiver, g.actions, strict=True))
        more = ", continuum" if self.continuum else ""
        return (f"SignallingEquilibrium({self.classification}{more}, sender={{{sender}}}, "
                f"receiver={{{receiver}}})")


@dataclass(frozen=True)
class IntuitiveCriterion:
    """The Intuitive Criterion applied to one equilibrium.

    Attributes
    ----------
    survives : bool
        True when no off-path message breaks the equilibrium.
    message : str or None
        The first message that breaks it.
    deviators : tuple of str
        At that message, the types that gain whatever best reply (to beliefs on the types that
        are not excluded) the receiver makes.
    excluded : dict of str to tuple of str
        For each off-path message, the types ``J(m)`` for whom it is equilibrium-dominated
        (its best possible payoff is below the equilibrium payoff).

    See Also
    --------
    intuitive_criterion
    """

    survives: bool
    message: str | None
    deviators: tuple[str, ...]
    excluded: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class D1Criterion:
    """Criterion D1 applied to one equilibrium.

    Attributes
    ----------
    survives : bool
        True when at every off-path message the receiver's response is a best reply to some
        belief on the types D1 does not delete.
    message : str or None
        The first message where it is not.
    deleted : dict of str to tuple of str
        For each off-path message, the types D1 deletes there.

    See Also
    --------
    d1_criterion, intuitive_criterion
    """

    survives: bool
    message: str | None
    deleted: dict[str, tuple[str, ...]]


def _num(v: Any) -> str:
    return str(v) if not isinstance(v, float) else f"{v:.4g}"


def _check_game(game: Any) -> SignallingGame:
    if isinstance(game, SignallingGame):
        return game
    if isinstance(game, ExtensiveFormGame):
        return SignallingGame.from_extensive(game)
    raise InvalidTypeError(f"expected a SignallingGame or an ExtensiveFormGame, got "
                           f"{type(game).__name__}")


def perfect_bayesian_equilibria(game: SignallingGame | ExtensiveFormGame, *,
                                mixed: bool = False, exact: bool | None = None
                                ) -> tuple[SignallingEquilibrium, ...]:
    """Every perfect Bayesian equilibrium of a signalling game: the pure ones, or all.

    Pure (``mixed=False``): every sender strategy (type -> message) and receiver strategy
    (message -> action) such that each type's message is a best reply, the receiver's
    action after a message sent by some type is a best reply to the Bayes belief, and after
    a message no type sends it is a best reply to *some* belief; each equilibrium reports the
    whole set of such beliefs (:class:`BeliefSet`).

    Mixed (``mixed=True``): one equilibrium per support profile (a set of messages per type,
    a set of actions per message) that has one. The receiver's indifference among the
    actions of its support after message ``m``, ``sum_t prior_t sigma(m|t) (u_R(t, m, a) -
    u_R(t, m, a')) = 0``, is Bayes' rule multiplied through by the prior, linear in the
    sender's probabilities; the sender's indifference among its messages is linear in the
    receiver's; off the path the receiver's support must be best for some belief. So a
    support profile's equilibria are a product of two polytopes, computed exactly by their
    vertices; the result is their barycenter, with :attr:`SignallingEquilibrium.dimension`
    saying whether it is a point or a continuum (e.g. the receiver mixing over a range off
    the path). The pure equilibria are among them (all supports singletons).

    Parameters
    ----------
    game : SignallingGame or ExtensiveFormGame
        A tree is recognized (:meth:`SignallingGame.from_extensive`).
    mixed : bool
        Also the mixed equilibria (small games: at most :data:`MIXED_MAX_SUPPORTS` support
        profiles, e.g. 3 types, 3 messages and 2 actions).
    exact : bool, optional
        Fractions in the result (default: for exact games). The computation is always exact:
        float payoffs are taken at their binary values (so a tie that rounding breaks is not a
        tie: pass Fractions for games with designed indifferences), and ``exact=False`` gives
        floats.

    Returns
    -------
    tuple of SignallingEquilibrium
        Pure equilibria in the order of the sender's strategies (type 1's message slowest),
        then of the receiver's; mixed ones in the order of their supports.

    Raises
    ------
    InvalidGameError
        A tree that is not a signalling game (the message says which shape is expected).
    InvalidArgumentError
        A game above the size limits (:data:`PURE_MAX_PROFILES`,
        :data:`MIXED_MAX_SUPPORTS`).

    See Also
    --------
    intuitive_criterion : Cho and Kreps's refinement.
    multilateral.solvers.extensive.sequence_form_equilibrium : one Nash equilibrium of any
        two-player tree.
    multilateral.games.extensive.SignallingGame : the game.

    References
    ----------
    .. [1] Fudenberg, D. and Tirole, J. (1991). *Game Theory*. MIT Press, ch. 8 (perfect
       Bayesian equilibrium; signalling games). Page numbers not confirmed here.
    .. [2] Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria.
       *Quarterly Journal of Economics* 102(2), 179-221.
    .. [3] Gibbons, R. (1992). *Game Theory for Applied Economists*. Princeton University
       Press, section 4.2 (signalling requirements 1, 2R, 2S, 3).

    Examples
    --------
    Beer-quiche (prior strong 9/10): two pooling equilibria, one on each breakfast.

    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import SignallingGame
    >>> bq = SignallingGame([Fraction(1, 10), Fraction(9, 10)],
    ...                     [[[0, 2], [1, 3]], [[1, 3], [0, 2]]],
    ...                     [[[1, 0], [1, 0]], [[0, 1], [0, 1]]],
    ...                     types=["weak", "strong"], messages=["beer", "quiche"],
    ...                     actions=["duel", "not"])
    >>> eqs = ml.solvers.extensive.perfect_bayesian_equilibria(bq)
    >>> for eq in eqs:
    ...     print(eq)
    SignallingEquilibrium(pooling, sender={weak: beer, strong: beer}, receiver={beer: not, \
quiche: duel})
    SignallingEquilibrium(pooling, sender={weak: quiche, strong: quiche}, receiver={beer: \
duel, quiche: not})
    >>> eqs[0].belief_sets[1]             # after quiche: weak with probability >= 1/2
    BeliefSet('quiche', off path, [1/2, 1], [0, 1/2])
    >>> eqs[0].type_payoffs, eqs[0].receiver_payoff
    ((Fraction(2, 1), Fraction(3, 1)), Fraction(9, 10))
    """
    g = _check_game(game)
    if not isinstance(mixed, (bool, np.bool_)):
        raise InvalidTypeError(f"mixed must be True or False, got {mixed!r}")
    if exact is None:
        exact = g.is_exact
    elif not isinstance(exact, (bool, np.bool_)):
        raise InvalidTypeError(f"exact must be True, False or None, got {exact!r}")
    data, exact = game_data(g), bool(exact)
    t_n, m_n = data.n_types, data.n_messages
    if mixed:
        count = (2**m_n - 1) ** t_n
        for m in range(m_n):
            count *= 2 ** data.n_actions(m) - 1
        if count > MIXED_MAX_SUPPORTS:
            raise InvalidArgumentError(
                f"mixed=True enumerates support profiles: this game has {count}, more than "
                f"MIXED_MAX_SUPPORTS = {MIXED_MAX_SUPPORTS} (e.g. 3 types, 3 messages and 2 "
                "actions pass); use mixed=False for the pure equilibria")
        found = mixed_profiles(data)
    else:
        if m_n**t_n > PURE_MAX_PROFILES:
            raise InvalidArgumentError(
                f"the pure search visits messages**types = {m_n**t_n} sender strategies, more "
                f"than PURE_MAX_PROFILES = {PURE_MAX_PROFILES}")
        found = pure_profiles(data)
    return tuple(_result(g, data, s, r, d, exact) for s, r, d in found)


def _result(g: SignallingGame, data: Data, sender: list[list[Fraction]],
            receiver: list[list[Fraction]], dimension: int, exact: bool
            ) -> SignallingEquilibrium:
    t_n, m_n = data.n_types, data.n_messages
    beliefs, sets = [], []
    for m in range(m_n):
        weights = [data.prior[t] * sender[t][m] for t in range(t_n)]
        total = sum(weights)
        if total > 0:
            mu = tuple(w / total for w in weights)
            sets.append(BeliefSet(g.messages[m], True, (), (), (mu,),
                                  tuple((v, v) for v in mu)))
            beliefs.append(mu)
            continue
        best = tuple(a for a, p in enumerate(receiver[m]) if p > 0)
        poly: Polytope = belief_polytope(data, m, best, range(t_n))
        rows = [r for r, _ in poly.equalities][1:]  # the first is sum mu = 1
        ineqs = [r for r, _ in poly.inequalities][t_n:]  # the first are mu >= 0
        verts = tuple(sorted(poly.vertices))
        sets.append(BeliefSet(g.messages[m], False, tuple(rows), tuple(ineqs), verts,
                              tuple((min(v[t] for v in verts), max(v[t] for v in verts))
                                    for t in range(t_n))))
        beliefs.append(poly.center)
    type_pay, rec_pay = payoffs(data, sender, receiver)
    conv = (lambda v: v) if exact else float
    dtype = object if exact else np.float64

    def arr(values: Any) -> NDArray[Any]:
        a = np.array([conv(v) for v in values], dtype=dtype)
        a.flags.writeable = False
        return a

    def convert(s: BeliefSet) -> BeliefSet:
        def f(rows: Any) -> Any:
            return tuple(tuple(float(v) for v in r) for r in rows)
        return s if exact else BeliefSet(s.message, s.on_path, f(s.equalities),
                                         f(s.inequalities), f(s.vertices), f(s.bounds))

    return SignallingEquilibrium(
        sender=tuple(arr(r) for r in sender), receiver=tuple(arr(r) for r in receiver),
        beliefs=tuple(arr(b) for b in beliefs), belief_sets=tuple(convert(s) for s in sets),
        type_payoffs=tuple(conv(v) for v in type_pay), receiver_payoff=conv(rec_pay),
        classification=classify(sender), dimension=dimension, exact=exact, game=g,
        rational=(sender, receiver))


def intuitive_criterion(equilibrium: SignallingEquilibrium) -> IntuitiveCriterion:
    """Cho and Kreps's Intuitive Criterion: does an equilibrium survive it?

    For an off-path ``m``, ``J(m)`` are the types for whom ``m`` is equilibrium-dominated:
    their equilibrium payoff exceeds the most ``m`` gives them against any best reply to any
    belief (Cho and Kreps; Gibbons 1992, p. 239, takes the max over all actions: the same when
    every action is such a best reply). The equilibrium fails when some type outside ``J(m)``
    gains by ``m`` against *every* best reply to every belief on the types outside ``J(m)``;
    if ``J(m)`` holds every type, ``m`` restricts nothing (Gibbons, p. 239). Extremes over
    mixed best replies are over pure ones; all comparisons are exact (Fudenberg and Tirole
    1991, ch. 11; its page numbers not confirmed here).

    Parameters
    ----------
    equilibrium : SignallingEquilibrium
        From :func:`perfect_bayesian_equilibria`.

    Returns
    -------
    IntuitiveCriterion

    See Also
    --------
    perfect_bayesian_equilibria

    References
    ----------
    .. [1] Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria.
       *Quarterly Journal of Economics* 102(2), 179-221.
    .. [2] Gibbons, R. (1992). *Game Theory for Applied Economists*. Princeton UP, p. 239
       (Signaling Requirement 6); Fudenberg and Tirole (1991), *Game Theory*, ch. 11.

    Examples
    --------
    In beer-quiche the pooling equilibrium on quiche fails: the strong type would have beer,
    since the weak type could never gain by it.

    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import SignallingGame
    >>> bq = SignallingGame([Fraction(1, 10), Fraction(9, 10)],
    ...                     [[[0, 2], [1, 3]], [[1, 3], [0, 2]]],
    ...                     [[[1, 0], [1, 0]], [[0, 1], [0, 1]]],
    ...                     types=["weak", "strong"], messages=["beer", "quiche"],
    ...                     actions=["duel", "not"])
    >>> [ml.solvers.extensive.intuitive_criterion(eq).survives
    ...  for eq in ml.solvers.extensive.perfect_bayesian_equilibria(bq)]
    [True, False]
    >>> ml.solvers.extensive.intuitive_criterion(
    ...     ml.solvers.extensive.perfect_bayesian_equilibria(bq)[1])
    IntuitiveCriterion(survives=False, message='beer', deviators=('strong',), \
excluded={'beer': ('weak',)})
    """
    if not isinstance(equilibrium, SignallingEquilibrium):
        raise InvalidTypeError(f"expected a SignallingEquilibrium, got "
                               f"{type(equilibrium).__name__}")
    g = equilibrium.game
    data = game_data(g)
    sender, receiver = equilibrium.rational
    t_n = data.n_types
    star = payoffs(data, sender, receiver)[0]
    excluded: dict[str, tuple[str, ...]] = {}
    for m, name in enumerate(g.messages):
        if any(sender[t][m] > 0 for t in range(t_n)):
            continue
        everyone = best_replies(data, m, tuple(range(t_n)))
        dominated = tuple(t for t in range(t_n)
                          if star[t] > max(data.us[m][t][a] for a in everyone))
        excluded[name] = tuple(g.types[t] for t in dominated)
        rest = tuple(t for t in range(t_n) if t not in dominated)
        if not rest:
            continue
        replies = best_replies(data, m, rest)
        gainers = tuple(t for t in rest if min(data.us[m][t][a] for a in replies) > star[t])
        if gainers:
            return IntuitiveCriterion(False, name, tuple(g.types[t] for t in gainers),
                                      excluded)
    return IntuitiveCriterion(True, None, (), excluded)


def d1_criterion(equilibrium: SignallingEquilibrium) -> D1Criterion:
    """Criterion D1 (Cho and Kreps 1987): does an equilibrium survive it?

    At an off-path ``m``, ``D_t`` (``D0_t``) are the receiver's mixed best replies (to any
    belief) that give type ``t`` more than (exactly) its equilibrium payoff by sending ``m``.
    D1 deletes ``t`` when ``D_t`` and ``D0_t`` lie inside ``D_t'`` for another type ``t'``; the
    equilibrium survives when every off-path response is a best reply to a belief on the types
    not deleted (any belief if all are: in an equilibrium only when every type is equilibrium-
    dominated at ``m``). Checked exactly, face by face of the mixed best replies, at vertices.

    Parameters
    ----------
    equilibrium : SignallingEquilibrium
        From :func:`perfect_bayesian_equilibria`.

    Returns
    -------
    D1Criterion

    See Also
    --------
    intuitive_criterion : the weaker test (an equilibrium that survives D1 survives it).

    References
    ----------
    .. [1] Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria.
       *Quarterly Journal of Economics* 102(2), 179-221 (criterion D1).
    .. [2] Banks, J. S. and Sobel, J. (1987). Equilibrium selection in signaling games.
       *Econometrica* 55(3), 647-661 (divinity).

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import SignallingGame
    >>> bq = SignallingGame([Fraction(1, 10), Fraction(9, 10)],
    ...                     [[[0, 2], [1, 3]], [[1, 3], [0, 2]]],
    ...                     [[[1, 0], [1, 0]], [[0, 1], [0, 1]]],
    ...                     types=["weak", "strong"], messages=["beer", "quiche"],
    ...                     actions=["duel", "not"])
    >>> [ml.solvers.extensive.d1_criterion(eq)
    ...  for eq in ml.solvers.extensive.perfect_bayesian_equilibria(bq)]
    [D1Criterion(survives=True, message=None, deleted={'quiche': ('strong',)}), \
D1Criterion(survives=False, message='beer', deleted={'beer': ('weak',)})]
    """
    if not isinstance(equilibrium, SignallingEquilibrium):
        raise InvalidTypeError(f"expected a SignallingEquilibrium, got "
                               f"{type(equilibrium).__name__}")
    g = equilibrium.game
    data = game_data(g)
    sender, receiver = equilibrium.rational
    t_n = data.n_types
    star = payoffs(data, sender, receiver)[0]
    everyone = tuple(range(t_n))
    deleted_by: dict[str, tuple[str, ...]] = {}
    for m, name in enumerate(g.messages):
        if any(sender[t][m] > 0 for t in range(t_n)):
            continue
        deleted = d1_deleted(data, m, star)
        deleted_by[name] = tuple(g.types[t] for t in deleted)
        rest = tuple(t for t in range(t_n) if t not in deleted) or everyone
        used = tuple(a for a, p in enumerate(receiver[m]) if p > 0)
        if belief_polytope(data, m, used, rest).empty:
            return D1Criterion(False, name, deleted_by)
    return D1Criterion(True, None, deleted_by)
