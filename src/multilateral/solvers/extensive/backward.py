"""Backward induction and every pure subgame-perfect equilibrium of perfect-information games.

:func:`backward_induction` solves the tree one depth level at a time, from the deepest level
up, with numpy's segmented reductions (``reduceat``) over the children of a level, which the
level-order node numbering of :class:`~multilateral.games.ExtensiveFormGame` keeps
contiguous: a tree of a million nodes takes a fraction of a second (benchmarks/README.md).
:func:`subgame_perfect_equilibria` lists every pure subgame-perfect equilibrium, choosing
every way at every tie (Kuhn's theorem: a finite game of perfect information has at least
one; Kuhn 1953).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._validation import DEFAULT_TOL, check_positive_int, check_tol
from ...errors import InvalidGameError, InvalidTypeError, SolverError
from ...games.extensive import CHANCE, DECISION, ExtensiveFormGame

__all__ = ["SubgamePerfectEquilibrium", "backward_induction", "subgame_perfect_equilibria"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, eq=False)
class SubgamePerfectEquilibrium:
    """A pure subgame-perfect equilibrium in behaviour strategies.

    Attributes
    ----------
    choice : numpy.ndarray
        The index of the action chosen at each information set (``game.infosets`` order).
    actions : tuple of str
        The labels of those actions.
    values : numpy.ndarray
        Shape ``(nodes, players)``: every player's payoff from each node on when everyone
        follows the profile (expected over chance below the node); exact for exact games.
    payoffs : tuple
        The equilibrium payoffs (``values[0]``).
    path : tuple of int
        The nodes reached with positive probability, in level order (a single play from the
        root to a terminal node when chance does not move).
    ties : tuple of int
        The information sets where the mover had several best actions (where other
        subgame-perfect equilibria choose differently).
    exact : bool
        True when the values are exact (integers or Fractions).

    See Also
    --------
    backward_induction, subgame_perfect_equilibria

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1]), "r": Outcome([2])}))
    >>> ml.solvers.backward_induction(game)
    SubgamePerfectEquilibrium(payoffs=(2,), path=r, ties=0)
    """

    choice: NDArray[np.int64]
    values: NDArray[Any]
    payoffs: tuple[Any, ...]
    path: tuple[int, ...]
    ties: tuple[int, ...]
    exact: bool
    game: ExtensiveFormGame = field(repr=False)

    def profile(self) -> list[NDArray[np.float64]]:
        """The equilibrium as a behaviour profile: one 0/1 vector per information set (what
        :meth:`~multilateral.games.ExtensiveFormGame.expected_payoffs` takes)."""
        return [np.eye(1, int(m), int(c), dtype=np.float64).ravel()
                for c, m in zip(self.choice.tolist(), self.game.n_actions.tolist(), strict=True)]

    @functools.cached_property
    def actions(self) -> tuple[str, ...]:
        """The label of the action chosen at each information set."""
        game = self.game
        labels = np.asarray(game.action_labels, dtype=object)
        return tuple(labels[game.child_offsets[game.infoset_nodes_first] + self.choice].tolist())

    @property
    def actions_on_path(self) -> tuple[str, ...]:
        """The labels of the moves on the path, in level order (chance's moves too)."""
        labels = self.game.action_labels
        return tuple(labels[v] for v in self.path[1:])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubgamePerfectEquilibrium):
            return NotImplemented
        return (self.game == other.game and np.array_equal(self.choice, other.choice)
                and self.payoffs == other.payoffs and bool(np.all(self.values == other.values)))

    def __hash__(self) -> int:
        return hash((self.choice.tobytes(), self.payoffs))

    def __repr__(self) -> str:
        labels = self.actions_on_path
        shown = " -> ".join(labels) if len(labels) <= 6 else \
            " -> ".join(labels[:5]) + f" -> ... ({len(labels)} moves)"
        return (f"SubgamePerfectEquilibrium(payoffs={_fmt(self.payoffs)}, "
                f"path={shown or '(root)'}, ties={len(self.ties)})")


def _fmt(values: tuple[Any, ...]) -> str:
    return "(" + ", ".join(str(v) if not isinstance(v, float) else f"{v:.6g}"
                           for v in values) + ("," if len(values) == 1 else "") + ")"


def _check(game: Any) -> ExtensiveFormGame:
    if not isinstance(game, ExtensiveFormGame):
        raise InvalidTypeError(f"expected an ExtensiveFormGame, got {type(game).__name__}")
    if not game.is_perfect_information:
        big = next(i for i in game.infosets if len(i.nodes) > 1)
        raise InvalidGameError(
            f"backward induction needs perfect information; information set {big.index} "
            f"({big.label or 'unnamed'}) of {big.player!r} holds {len(big.nodes)} nodes. Solve "
            "the normal form (game.normal_form()) or use an equilibrium solver for imperfect "
            "information")
    return game


def backward_induction(game: ExtensiveFormGame, tol: float = DEFAULT_TOL
                       ) -> SubgamePerfectEquilibrium:
    """The subgame-perfect equilibrium found by backward induction (perfect information).

    Every decision node's mover picks the action that maximizes her payoff given the play
    already fixed below it; a chance node is worth the expected payoff of its moves.

    Parameters
    ----------
    game : ExtensiveFormGame
        A game of perfect information (every information set a single node; chance moves
        allowed).
    tol : float
        For float payoffs, actions within ``tol`` of the best one are tied. Exact payoffs
        (integers, Fractions) are compared exactly and ``tol`` is not used.

    Returns
    -------
    SubgamePerfectEquilibrium
        Ties are broken towards the **first** of the tied actions (the lowest action index, the
        first listed in the tree description) and reported in ``ties``; use
        :func:`subgame_perfect_equilibria` for every equilibrium.

    Raises
    ------
    InvalidGameError
        If the game has imperfect information.

    See Also
    --------
    subgame_perfect_equilibria : every pure subgame-perfect equilibrium.
    multilateral.games.ExtensiveFormGame.normal_form : the normal form, for Nash equilibria.

    References
    ----------
    .. [1] Kuhn, H. W. (1953). Extensive games and the problem of information. In
       *Contributions to the Theory of Games II*, pp. 193-216 (games of perfect information
       have pure equilibria).
    .. [2] Selten, R. (1978). The chain store paradox. *Theory and Decision* 9(2), 127-159
       (the induction theory of the chain store game).
    .. [3] Osborne, M. J. and Rubinstein, A. (1994). *A Course in Game Theory*, pp. 99-100
       (Kuhn's theorem by backward induction).

    Examples
    --------
    Selten's chain-store stage game: the incumbent accommodates entry, so the entrant enters.

    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> entry = ml.ExtensiveFormGame(Decision("Entrant", {
    ...     "out": Outcome([1, 5]),
    ...     "in": Decision("Incumbent", {"fight": Outcome([0, 0]),
    ...                                  "accommodate": Outcome([2, 2])})}))
    >>> spe = ml.solvers.backward_induction(entry)
    >>> spe.actions, spe.payoffs
    (('in', 'accommodate'), (2, 2))
    """
    game = _check(game)
    tol = check_tol(tol)
    exact = game.is_exact
    pay = game.payoffs if exact else game.float_payoffs
    prob = game.chance_probability if exact else game.float_chance_probability
    dtype = _dtype(game, exact)
    n, m = game.n_nodes, game.n_players
    values = np.zeros((n, m), dtype=dtype)
    values[game.terminals] = pay
    best = np.full(n, -1, dtype=np.int64)  # chosen child node at decision nodes
    tied = np.zeros(n, dtype=bool)
    offsets, kind, player = game.child_offsets, game.kind, game.player
    bounds = game.level_bounds.tolist()
    for lo, hi in zip(bounds[-3::-1], bounds[-2:0:-1], strict=True):  # deepest inner level up
        inner = np.flatnonzero(offsets[lo + 1:hi + 1] > offsets[lo:hi]) + lo
        if inner.size == 0:
            continue
        starts = offsets[inner]
        first, last = int(offsets[lo]), int(offsets[hi])
        block = np.arange(first, last)
        owner = np.repeat(inner, offsets[inner + 1] - starts)  # parent of each child
        seg = starts - first
        moving = kind[inner] == DECISION
        if np.any(moving):
            who = np.where(kind[owner] == DECISION, player[owner], 0)
            mine = values[block, who]
            top = np.maximum.reduceat(mine, seg)
            top_each = np.repeat(top, offsets[inner + 1] - starts)
            good = (mine == top_each) if exact else (mine >= top_each - tol)
            pick = np.minimum.reduceat(np.where(good, block, last), seg)
            count = np.add.reduceat(good.astype(np.int64), seg)
            dec = inner[moving]
            best[dec] = pick[moving]
            tied[dec] = count[moving] > 1
            values[dec] = values[pick[moving]]
        if not np.all(moving):
            weighted = values[block] * prob[block][:, None]
            sums = np.add.reduceat(weighted, seg, axis=0)
            values[inner[~moving]] = sums[~moving]
    return _result(game, best, tied, values, exact)


def _result(game: ExtensiveFormGame, best: NDArray[np.int64], tied: NDArray[np.bool_],
            values: NDArray[Any], exact: bool) -> SubgamePerfectEquilibrium:
    decision = np.flatnonzero(game.kind == DECISION)
    choice = np.empty(game.n_infosets, dtype=np.int64)
    choice[game.infoset[decision]] = best[decision] - game.child_offsets[decision]
    prob = game.float_chance_probability
    reached = np.zeros(game.n_nodes, dtype=bool)
    reached[0] = True
    bounds = game.level_bounds.tolist()
    parent = game.parent
    for lo, hi in itertools.pairwise(bounds[1:]):
        par = parent[lo:hi]
        nodes = np.arange(lo, hi)
        on = reached[par] & np.where(game.kind[par] == DECISION, best[par] == nodes,
                                     prob[lo:hi] > 0)
        reached[lo:hi] = on
    ties = tuple(sorted(game.infoset[np.flatnonzero(tied)].tolist()))
    choice.flags.writeable = False
    values.flags.writeable = False
    return SubgamePerfectEquilibrium(choice=choice, values=values,
                                     payoffs=tuple(values[0].tolist()),
                                     path=tuple(np.flatnonzero(reached).tolist()), ties=ties,
                                     exact=exact, game=game)


def subgame_perfect_equilibria(game: ExtensiveFormGame, tol: float = DEFAULT_TOL,
                               max_equilibria: int = 10_000
                               ) -> tuple[SubgamePerfectEquilibrium, ...]:
    """Every pure subgame-perfect equilibrium of a game of perfect information.

    At each decision node every best action (given the play fixed below) is tried, so ties
    give several equilibria, possibly with different payoffs; with no tie there is exactly
    one, :func:`backward_induction`'s. Exact payoffs are compared exactly; float payoffs tie
    within ``tol``.

    Parameters
    ----------
    game : ExtensiveFormGame
        A game of perfect information.
    tol : float
        The tie tolerance for float payoffs.
    max_equilibria : int
        Stop with a :class:`~multilateral.errors.SolverError` past this many (ties at many
        nodes multiply the number of equilibria).

    Returns
    -------
    tuple of SubgamePerfectEquilibrium
        The first is :func:`backward_induction`'s (first tied action everywhere); the others
        follow in lexicographic order of the choices, nodes in reverse level order.

    See Also
    --------
    backward_induction : one equilibrium, vectorized, for large trees.

    References
    ----------
    .. [1] Kuhn, H. W. (1953), pp. 193-216 (existence); Osborne, M. J. and Rubinstein, A. (1994).
       *A Course in Game Theory*, pp. 97-100 (subgame perfection, the one-deviation property).

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {
    ...     "l": Decision("B", {"x": Outcome([0, 1]), "y": Outcome([2, 1])}),
    ...     "r": Outcome([1, 0])}))
    >>> [spe.actions for spe in ml.solvers.subgame_perfect_equilibria(game)]
    [('r', 'x'), ('l', 'y')]
    """
    game = _check(game)
    tol = check_tol(tol)
    limit = check_positive_int(max_equilibria, "max_equilibria")
    exact = game.is_exact
    pay = (game.payoffs if exact else game.float_payoffs).tolist()
    prob = (game.chance_probability if exact else game.float_chance_probability).tolist()
    offsets, kind, player = game.child_offsets.tolist(), game.kind.tolist(), game.player.tolist()
    outcome = game.outcome.tolist()
    # options[v]: (value tuple, chosen child per decision node of the subtree, tied nodes)
    options: list[list[tuple[tuple[Any, ...], dict[int, int], frozenset[int]]] | None] = \
        [None] * game.n_nodes
    for v in range(game.n_nodes - 1, -1, -1):
        if kind[v] == 0:
            options[v] = [(tuple(pay[outcome[v]]), {}, frozenset())]
            continue
        kids = range(offsets[v], offsets[v + 1])
        out: list[tuple[tuple[Any, ...], dict[int, int], frozenset[int]]] = []
        for combo in itertools.product(*(options[c] or [] for c in kids)):
            merged: dict[int, int] = {}
            ties: frozenset[int] = frozenset()
            for _, chosen, tie in combo:
                merged.update(chosen)
                ties |= tie
            if kind[v] == DECISION:
                i = player[v]
                top = max(value[i] for value, _, _ in combo)
                good = [j for j, (value, _, _) in enumerate(combo)
                        if (value[i] == top if exact else value[i] >= top - tol)]
                here = ties | {v} if len(good) > 1 else ties
                for j in good:
                    out.append((combo[j][0], {**merged, v: kids[j]}, here))
            else:
                value = tuple(sum(prob[c] * val[k] for c, (val, _, _) in zip(kids, combo,
                                                                          strict=True))
                              for k in range(game.n_players))
                out.append((value, merged, ties))
            if len(out) > limit:
                raise SolverError(f"more than {limit} subgame-perfect equilibria (ties at many "
                                  "nodes); raise max_equilibria, or use backward_induction "
                                  "for one")
        options[v] = out
        for c in kids:
            options[c] = None
    root = options[0]
    assert root is not None
    results = []
    m = game.n_players
    for _, chosen, tie in root:
        best = np.full(game.n_nodes, -1, dtype=np.int64)
        for v, c in chosen.items():
            best[v] = c
        tied = np.zeros(game.n_nodes, dtype=bool)
        tied[list(tie)] = True
        results.append(_result(game, best, tied, _values(game, best, exact, m), exact))
    return tuple(results)


def _dtype(game: ExtensiveFormGame, exact: bool) -> Any:
    """int64 for integer payoffs without chance, object for other exact games, else float."""
    if not exact:
        return np.float64
    if game.payoffs.dtype == object or bool(np.any(game.kind == CHANCE)):
        return object
    return np.int64


def _values(game: ExtensiveFormGame, best: NDArray[np.int64], exact: bool, m: int
            ) -> NDArray[Any]:
    """Every node's continuation payoffs under the choices ``best`` (small trees)."""
    pay = game.payoffs if exact else game.float_payoffs
    prob = (game.chance_probability if exact else game.float_chance_probability).tolist()
    values = np.zeros((game.n_nodes, m), dtype=_dtype(game, exact))
    values[game.terminals] = pay
    offsets = game.child_offsets.tolist()
    for v in range(game.n_nodes - 1, -1, -1):
        if game.kind[v] == DECISION:
            values[v] = values[best[v]]
        elif game.kind[v] == CHANCE:
            values[v] = sum((prob[c] * values[c] for c in range(offsets[v], offsets[v + 1])),
                            start=np.zeros(m, dtype=values.dtype))
    return values
