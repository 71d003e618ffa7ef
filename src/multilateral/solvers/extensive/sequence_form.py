"""Nash equilibria of two-player games of imperfect information through the sequence form.

A pure strategy of a game tree picks an action at every information set, so the normal form
grows exponentially with the tree; the *sequence form* (Koller, Megiddo and von Stengel 1996;
von Stengel 1996) works with *sequences* instead: for each player the empty sequence and one
sequence per action of each of her information sets (the actions she takes on the way there
are fixed by perfect recall). A mixed strategy becomes a *realization plan* ``x`` (the
probability that her own moves follow each sequence) under the linear constraints ``E x = e,
x >= 0``; payoffs are bilinear, ``x^T A y``, with ``A`` holding each terminal node's payoff times
its chance probability at its pair of sequences. The equilibria are the solutions of a linear
complementarity problem of the tree's size, found by Lemke's algorithm.

:func:`sequence_form` builds ``E``, ``F``, ``A``, ``B`` (scipy.sparse);
:func:`sequence_form_equilibrium` solves the LCP and returns a
:class:`SequenceFormEquilibrium`: realization plans, behaviour strategies, beliefs at every
information set, payoffs, and :meth:`~SequenceFormEquilibrium.verify`, which checks the
profile against best responses found by backward induction over the tree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._validation import DEFAULT_TOL, check_positive_int, check_tol
from ...errors import InvalidTypeError, SolverError
from ...games.extensive import ExtensiveFormGame
from ...tolerances import SEQUENCE_PERTURBATION
from ._sequence import Structure, best_response_values, profile_values, structure
from ._sf_lemke import basis_solution, exact_lemke, float_lemke, start_basis

__all__ = [
    "EXACT_MAX_SEQUENCES",
    "SequenceForm",
    "SequenceFormEquilibrium",
    "sequence_form",
    "sequence_form_equilibrium",
]
__dir__ = public_dir(__all__)

#: Exact games with more sequences than this (both players) are solved in floats by default.
EXACT_MAX_SEQUENCES = 120

#: Float path: the size of the perturbation of the LCP's right-hand side (payoffs scaled to
#: [-1, -0.2]): it breaks the ties of degenerate starts; the end basis is solved unperturbed.
_PERTURBATION = SEQUENCE_PERTURBATION

#: Float path: payoffs are mapped to ``((u - top) / span - _SHIFT) / (1 + _SHIFT)``, in
#: ``[-1, -0.2]`` (the range the earlier ``(u - top - 1) / (span + 1)`` gave payoffs of span
#: 4, now at every scale). The path's tie-breaking is sensitive to the last bits: the map to
#: [-2, -1] (shift 1) cycled on Kuhn poker with 13 cards; this one takes 79 pivots there.
_SHIFT = 0.25


@dataclass(frozen=True, eq=False)
class SequenceForm:
    """The sequence form of a two-player game with perfect recall.

    Attributes
    ----------
    sequences : tuple of two tuples of str
        Each player's sequences: ``""`` (the empty one), then ``"<set>:<action>"`` for each
        action of each of her information sets (information sets in ``game.infosets`` order).
    E, F : scipy.sparse.csr_matrix
        The constraint matrices: ``E x = e`` (``e = (1, 0, ..., 0)``) says ``x`` is a
        realization plan: ``x[empty] = 1`` and at each information set the sequences that
        extend it sum to the sequence that leads to it. Shapes ``(1 + sets, sequences)``.
    e, f : numpy.ndarray
    A, B : scipy.sparse.csr_matrix
        The payoff matrices (players 1 and 2), shape ``(sequences 1, sequences 2)``: entry
        ``(s, t)`` is the sum over terminal nodes reached by ``s`` and ``t`` of the payoff times
        the chance probability. Expected payoffs are ``x @ A @ y`` and ``x @ B @ y``.
    exact_A, exact_B : numpy.ndarray or None
        Dense object arrays of Fractions for exact games (``None`` for float games).

    See Also
    --------
    sequence_form, sequence_form_equilibrium

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Chance, Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {
    ...     "l": Decision("B", {"x": Outcome([1, 0]), "y": Outcome([0, 2])}, infoset="b"),
    ...     "r": Decision("B", {"x": Outcome([2, 1]), "y": Outcome([0, 0])}, infoset="b")}))
    >>> sf = ml.solvers.extensive.sequence_form(game)
    >>> sf.sequences
    (('', '0:l', '0:r'), ('', 'b:x', 'b:y'))
    >>> sf.A.toarray().tolist()
    [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 2.0, 0.0]]
    """

    sequences: tuple[tuple[str, ...], tuple[str, ...]]
    E: sp.csr_matrix
    F: sp.csr_matrix
    A: sp.csr_matrix
    B: sp.csr_matrix
    exact_A: NDArray[Any] | None = field(repr=False)
    exact_B: NDArray[Any] | None = field(repr=False)
    structure: Structure = field(repr=False)

    @property
    def e(self) -> NDArray[np.float64]:
        """The right-hand side of ``E x = e``: ``(1, 0, ..., 0)``."""
        return np.eye(1, self.E.shape[0], 0).ravel()

    @property
    def f(self) -> NDArray[np.float64]:
        """The right-hand side of ``F y = f``: ``(1, 0, ..., 0)``."""
        return np.eye(1, self.F.shape[0], 0).ravel()

    def __repr__(self) -> str:
        n1, n2 = (len(s) for s in self.sequences)
        return (f"SequenceForm({n1} x {n2} sequences, {self.E.shape[0] - 1} + "
                f"{self.F.shape[0] - 1} information sets)")


def sequence_form(game: ExtensiveFormGame) -> SequenceForm:
    """The sequence form (``E``, ``F``, ``A``, ``B``) of a two-player game with perfect recall.

    Parameters
    ----------
    game : ExtensiveFormGame
        Two players, perfect recall (every information set's nodes share the mover's own
        earlier moves); chance moves allowed.

    Returns
    -------
    SequenceForm

    Raises
    ------
    InvalidGameError
        For a game of more (or fewer) than two players, or without perfect recall.

    See Also
    --------
    sequence_form_equilibrium : its Nash equilibrium by Lemke's algorithm.

    References
    ----------
    .. [1] Koller, D., Megiddo, N. and von Stengel, B. (1996). Efficient computation of
       equilibria for extensive two-person games. *Games and Economic Behavior* 14, 247-259.
    .. [2] von Stengel, B. (1996). Efficient computation of behavior strategies. *Games and
       Economic Behavior* 14, 220-246.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {
    ...     "l": Decision("B", {"x": Outcome([1, 0]), "y": Outcome([0, 2])}),
    ...     "r": Outcome([2, 1])}))
    >>> ml.solvers.extensive.sequence_form(game).E.toarray().tolist()
    [[1.0, 0.0, 0.0], [-1.0, 1.0, 1.0]]
    """
    s = structure(game)
    exact = game.is_exact
    labels = []
    mats = []
    for i in range(2):
        names = [""]
        rows, cols, vals = [0], [0], [1.0]
        for k, h in enumerate(s.sets[i]):
            tag = game.infoset_labels[h] or str(h)
            names += [f"{tag}:{a}" for a in game.actions[h]]
            start, m = int(s.start[i][k]), int(game.n_actions[h])
            rows += [k + 1] * (m + 1)
            cols += [int(s.parent_seq[i][k]), *range(start, start + m)]
            vals += [-1.0] + [1.0] * m
        labels.append(tuple(names))
        mats.append(sp.csr_matrix((vals, (rows, cols)), shape=(len(s.sets[i]) + 1, len(names))))
    n1, n2 = s.n_sequences
    pay = game.payoffs if exact else game.float_payoffs
    w = s.weight
    payoff_mats, exact_mats = [], []
    for i in range(2):
        weighted = np.array([float(v) for v in w * pay[:, i]], dtype=np.float64)
        payoff_mats.append(sp.csr_matrix((weighted, (s.term_seq[:, 0], s.term_seq[:, 1])),
                                         shape=(n1, n2)))
        if exact:
            dense = np.array([[Fraction(0)] * n2 for _ in range(n1)], dtype=object)
            for (a, b), v in zip(s.term_seq.tolist(), (w * pay[:, i]).tolist(), strict=True):
                dense[a, b] += v
            exact_mats.append(dense)
    return SequenceForm(sequences=(labels[0], labels[1]), E=mats[0], F=mats[1],
                        A=payoff_mats[0], B=payoff_mats[1],
                        exact_A=exact_mats[0] if exact else None,
                        exact_B=exact_mats[1] if exact else None, structure=s)


@dataclass(frozen=True, eq=False)
class SequenceFormEquilibrium:
    """A Nash equilibrium of a two-player game in behaviour strategies, with beliefs.

    Attributes
    ----------
    realization : tuple of two numpy.ndarray
        The realization plans ``x``, ``y`` (one entry per sequence, :class:`SequenceForm`
        order): the probability that each player's own moves follow each sequence.
    behaviour : tuple of numpy.ndarray
        One probability vector per information set (``game.infosets`` order): the action
        probabilities ``x[set:action] / x[sequence leading to the set]``. At a set that the
        player's own plan excludes (probability 0 of getting there whatever the others do) the
        plan says nothing and the vector is uniform; such a choice does not change any payoff
        (a Nash equilibrium, not a sequential one, is claimed there). At a set that only the
        other player or chance leaves unreached the vector is the plan's, which need not be
        a best reply to :attr:`beliefs` there (Nash, not sequential rationality).
    beliefs : tuple of numpy.ndarray
        One probability vector per information set over its nodes (``game.infosets[i].nodes``
        order): Bayes' rule on the probability that chance and the other player reach each
        node (the mover's own moves are the same at every node of a set, by perfect recall, and
        cancel). Where that probability is zero at every node (the set is off the path), all
        of the other player's moves on the paths to its nodes are taken as uniform (chance's
        probabilities then decide); if chance excludes every node too, the belief is uniform.
        A convention, not derived from the equilibrium (which says nothing off the path).
    payoffs : tuple
        The expected payoffs (exact Fractions for exact games solved exactly).
    exact : bool
    pivots : int
        Lemke pivots taken (0 when a pure best-response pair to the prior is an equilibrium).

    See Also
    --------
    sequence_form_equilibrium : computes it.

    Examples
    --------
    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> game = ml.ExtensiveFormGame(Decision("A", {"l": Outcome([1, 0]), "r": Outcome([2, 1])}),
    ...                             players=["A", "B"])
    >>> eq = ml.solvers.extensive.sequence_form_equilibrium(game)
    >>> eq.behaviour[0].tolist(), eq.payoffs, eq.verify()
    ([Fraction(0, 1), Fraction(1, 1)], (Fraction(2, 1), Fraction(1, 1)), True)
    """

    realization: tuple[NDArray[Any], NDArray[Any]]
    behaviour: tuple[NDArray[Any], ...]
    beliefs: tuple[NDArray[Any], ...]
    payoffs: tuple[Any, ...]
    exact: bool
    pivots: int
    game: ExtensiveFormGame = field(repr=False)

    def profile(self) -> list[NDArray[np.float64]]:
        """The behaviour profile as float vectors (what ``game.expected_payoffs`` takes)."""
        return [np.asarray(b, dtype=np.float64) for b in self.behaviour]

    @functools.cached_property
    def best_response_values(self) -> tuple[Any, ...]:
        """Each player's best payoff against the other's behaviour, by backward induction
        over the tree (independent of the sequence form)."""
        return tuple(best_response_values(self.game, list(self.behaviour), self.exact))

    def verify(self, tol: float = DEFAULT_TOL) -> bool:
        """True when the behaviour profile is a Nash equilibrium with the stated payoffs.

        Both sides are computed from :attr:`behaviour` over the tree, independently of the
        sequence form and of :attr:`payoffs`: the profile's own expected payoffs (a sum over
        the terminal nodes) and each player's best-response value (backward induction). It
        holds when no best-response value exceeds the profile's payoff and :attr:`payoffs`
        equals it: exactly for exact results; for floats within ``tol`` times the largest
        absolute payoff (scale-free: payoffs of order 1e-12 are checked at their scale).
        """
        tol = check_tol(tol)
        behaviour = list(self.behaviour)
        best = best_response_values(self.game, behaviour, self.exact)
        own = profile_values(self.game, behaviour, self.exact)
        if self.exact:
            return all(b <= v == p for b, v, p in zip(best, own, self.payoffs, strict=True))
        scale = float(np.abs(self.game.float_payoffs).max(initial=0.0)) or 1.0
        return all(float(b) <= float(v) + tol * scale and abs(float(p) - float(v)) <= tol * scale
                   for b, v, p in zip(best, own, self.payoffs, strict=True))

    def __repr__(self) -> str:
        pay = ", ".join(str(v) if self.exact else f"{float(v):.6g}" for v in self.payoffs)
        return (f"SequenceFormEquilibrium(payoffs=({pay}), pivots={self.pivots}, "
                f"exact={self.exact})")


def sequence_form_equilibrium(game: ExtensiveFormGame, *, exact: bool | None = None,
                              tol: float = DEFAULT_TOL, max_steps: int | None = None
                              ) -> SequenceFormEquilibrium:
    """A Nash equilibrium of a two-player game with perfect recall, by the sequence form.

    Solves the linear complementarity problem of the sequence form (Koller, Megiddo and von
    Stengel 1996) by Lemke's algorithm, in the version with a prior of von Stengel, van den
    Elzen and Talman (2002): the path starts where each player best-responds to the prior
    (the centroid: uniform behaviour at every information set) and follows the linear tracing
    of the opponent's plan from the prior to the equilibrium. The work grows with the tree, not
    with the normal form (which is exponential in the number of information sets). Payoffs are
    shifted to be negative first (which changes no best response), as the termination proof
    asks.

    Parameters
    ----------
    game : ExtensiveFormGame
        Two players, perfect recall; chance moves allowed.
    exact : bool, optional
        Exact arithmetic (Fractions, fraction-free integer pivoting). Default: exact for exact
        games (ints, Fractions) with at most :data:`EXACT_MAX_SEQUENCES` sequences, floats
        otherwise. ``exact=True`` needs an exact game. Near that limit the exact path takes
        seconds (measured: about 4 s for Kuhn poker with 13 or 14 cards, 106 and 114
        sequences, at load 1.7; the float path 0.05 s): pass ``exact=False`` for speed.
    tol : float
        Float results: the tolerance of the final check (:meth:`SequenceFormEquilibrium.verify`).
    max_steps : int, optional
        Stop with a :class:`~multilateral.errors.SolverError` past this many pivots (default
        ``100 * sequences + 1000``).

    Returns
    -------
    SequenceFormEquilibrium
        Verified: a float result that fails the check raises a SolverError instead.

    Raises
    ------
    InvalidGameError
        More or fewer than two players, or imperfect recall.

    See Also
    --------
    sequence_form : the matrices.
    multilateral.solvers.nash_equilibria : every equilibrium of the (reduced) normal form, for
        small games.
    multilateral.solvers.backward_induction : games of perfect information.

    References
    ----------
    .. [1] Koller, D., Megiddo, N. and von Stengel, B. (1996). Efficient computation of
       equilibria for extensive two-person games. *Games and Economic Behavior* 14, 247-259.
    .. [2] von Stengel, B., van den Elzen, A. and Talman, D. (2002). Computing normal form
       perfect equilibria for extensive two-person games. *Econometrica* 70(2), 693-715.
    .. [3] Kuhn, H. W. (1950). A simplified two-person poker. In *Contributions to the Theory
       of Games I*, Annals of Mathematics Studies 24, 97-103 (the value -1/18 reproduced in
       the tests).

    Examples
    --------
    Matching pennies played in sequence, the second mover not seeing the first move: the
    unique equilibrium mixes half-half.

    >>> import multilateral as ml
    >>> from multilateral.games.extensive import Decision, Outcome
    >>> def second(tag):
    ...     return Decision("B", {"h": Outcome([1 if tag == "h" else -1, -1 if tag == "h" else 1]),
    ...                           "t": Outcome([-1 if tag == "h" else 1, 1 if tag == "h" else -1])},
    ...                     infoset="guess")
    >>> pennies = ml.ExtensiveFormGame(Decision("A", {"h": second("h"), "t": second("t")}))
    >>> eq = ml.solvers.extensive.sequence_form_equilibrium(pennies)
    >>> [b.tolist() for b in eq.behaviour]
    [[Fraction(1, 2), Fraction(1, 2)], [Fraction(1, 2), Fraction(1, 2)]]
    >>> eq.payoffs
    (Fraction(0, 1), Fraction(0, 1))
    """
    sf = sequence_form(game)
    tol = check_tol(tol)
    n1, n2 = (len(s) for s in sf.sequences)
    if exact is None:
        exact = game.is_exact and n1 + n2 <= EXACT_MAX_SEQUENCES
    elif not isinstance(exact, bool):
        raise InvalidTypeError(f"exact must be True, False or None, got {exact!r}")
    elif exact and not game.is_exact:
        raise InvalidTypeError("exact=True needs exact payoffs and chance probabilities "
                               "(ints or Fractions); this game has floats")
    limit = (100 * (n1 + n2) + 1000 if max_steps is None
             else check_positive_int(max_steps, "max_steps"))
    eq = _equilibrium(game, sf, bool(exact), limit, perturb=True)
    if not eq.exact and not eq.verify(tol):  # the perturbation tipped a tie: solve unperturbed
        eq = _equilibrium(game, sf, False, limit, perturb=False)
    if not eq.verify(tol if not eq.exact else DEFAULT_TOL):
        raise SolverError("the sequence-form solution failed its check against best responses "
                          "(round-off); try exact=True")
    return eq


def _equilibrium(game: ExtensiveFormGame, sf: SequenceForm, exact: bool, limit: int,
                 perturb: bool) -> SequenceFormEquilibrium:
    n1 = sf.structure.n_sequences[0]
    z, pivots = _solve(game, sf, exact, limit, perturb)
    x, y = z[:n1], z[n1:]
    if not exact:
        x, y = np.clip(x, 0.0, None), np.clip(y, 0.0, None)
    behaviour = _behaviour(game, sf.structure, (x, y), exact)
    if exact:
        assert sf.exact_A is not None and sf.exact_B is not None
        payoffs: tuple[Any, ...] = (x @ sf.exact_A @ y, x @ sf.exact_B @ y)
    else:
        payoffs = (float(x @ (sf.A @ y)), float(x @ (sf.B @ y)))
    return SequenceFormEquilibrium(
        realization=(_ro(x), _ro(y)), behaviour=tuple(_ro(b) for b in behaviour),
        beliefs=tuple(_ro(b) for b in _beliefs(game, behaviour, exact)),
        payoffs=payoffs, exact=exact, pivots=pivots, game=game)


def _ro(a: NDArray[Any]) -> NDArray[Any]:
    a = np.array(a)
    a.flags.writeable = False
    return a


def _prior(game: ExtensiveFormGame, s: Structure, i: int, exact: bool, rng: Any
           ) -> NDArray[Any]:
    """A realization plan of player ``i``: uniform behaviour (``rng`` None) or random."""
    n = s.n_sequences[i]
    plan = np.array([Fraction(1)] + [Fraction(0)] * (n - 1), dtype=object)
    for k, h in enumerate(s.sets[i]):
        m = int(game.n_actions[h])
        weights = [1] * m if rng is None else [int(v) for v in rng.integers(1, 6, size=m)]
        start, total = int(s.start[i][k]), sum(weights)
        for a in range(m):
            plan[start + a] = plan[int(s.parent_seq[i][k])] * Fraction(weights[a], total)
    return plan if exact else plan.astype(np.float64)


def _pure_best(game: ExtensiveFormGame, s: Structure, i: int, value: NDArray[Any]
               ) -> list[int]:
    """The sequences of a pure best response (a choice at every own set) to sequence
    values ``value`` (the payoff of each sequence against the other's plan)."""
    val = list(value)
    chosen = [0]
    for k in range(len(s.sets[i]) - 1, -1, -1):
        start, m = int(s.start[i][k]), int(game.n_actions[s.sets[i][k]])
        a = max(range(m), key=lambda a: val[start + a])
        val[int(s.parent_seq[i][k])] += val[start + a]
        chosen.append(start + a)
    return sorted(chosen)


def _solve(game: ExtensiveFormGame, sf: SequenceForm, exact: bool, limit: int,
           perturb: bool = True) -> tuple[NDArray[Any], int]:
    s = sf.structure
    n1, n2 = s.n_sequences
    m1, m2 = sf.E.shape[0], sf.F.shape[0]
    pay = game.payoffs if exact else game.float_payoffs
    shifted = []  # payoff matrices with every terminal payoff negative (floats: in [-1, -0.2])
    for i in range(2):
        col = pay[:, i]
        top = max(col.tolist()) if col.size else 0
        if exact:
            vals = s.weight * (col - (top + 1))
        else:  # scale-free (payoffs of 1e-12 keep their differences; the earlier shift by 1
            # drowned them in round-off)
            span = top - min(col.tolist()) if col.size else 0.0
            unit = span if span > 0 else 1.0
            vals = s.weight * ((col - top) / unit - _SHIFT) / (1 + _SHIFT)
        if exact:
            dense = np.array([[Fraction(0)] * n2 for _ in range(n1)], dtype=object)
            for (a, b), v in zip(s.term_seq.tolist(), vals.tolist(), strict=True):
                dense[a, b] += v
            shifted.append(dense)
        else:
            shifted.append(sp.csr_matrix((vals.astype(np.float64),
                                          (s.term_seq[:, 0], s.term_seq[:, 1])),
                                         shape=(n1, n2)))
    a_mat, b_mat = shifted
    n = n1 + n2
    for attempt in range(20):
        rng = None if attempt == 0 else np.random.default_rng(attempt)
        x0, y0 = _prior(game, s, 0, exact, rng), _prior(game, s, 1, exact, rng)
        c1, c2 = a_mat @ y0, b_mat.T @ x0
        basis = start_basis(n1, n2, m1, m2, _pure_best(game, s, 0, c1),
                            _pure_best(game, s, 1, c2))
        if exact:
            found = exact_lemke(_exact_system(sf, a_mat, b_mat, c1, c2), _rhs(n, m1, m2, True),
                                basis, n, limit)
        else:
            system, rhs = _float_system(sf, a_mat, b_mat, c1, c2), _rhs(n, m1, m2, False)
            # a small positive perturbation of the right-hand side keeps the path off the
            # structural ties (sets the start leaves unreached); the end basis is then solved
            # on the true right-hand side and checked by the caller
            noise = np.random.default_rng(attempt).uniform(1.0, 2.0, rhs.size)
            found = None
            if perturb:
                found = float_lemke(system, rhs + _PERTURBATION * noise, basis, n, limit)
            if found is None:  # a tie at the start that the perturbation tips the wrong way
                found = float_lemke(system, rhs, basis, n, limit)
            if found is not None:
                z = basis_solution(system, rhs, found[0], n)
                if z is not None:
                    return z, found[2]
                continue
        if found is not None:
            return found[0], found[2]
    raise SolverError("Lemke's algorithm on the sequence form: every prior tried gave a "
                      "degenerate start")  # pragma: no cover - random priors are generic


def _rhs(n: int, m1: int, m2: int, exact: bool) -> Any:
    out = [0] * (n + m1 + m2)
    out[n] = out[n + m1] = 1
    return [Fraction(v) for v in out] if exact else np.asarray(out, dtype=np.float64)


def _float_system(sf: SequenceForm, a: Any, b: Any, c1: Any, c2: Any) -> sp.csc_matrix:
    n1, n2 = a.shape
    m1, m2 = sf.E.shape[0], sf.F.shape[0]
    return sp.bmat([
        [None, a, sp.identity(n1), None, sp.csr_matrix(c1.reshape(-1, 1)), -sf.E.T, None],
        [b.T, None, None, sp.identity(n2), sp.csr_matrix(c2.reshape(-1, 1)), None, -sf.F.T],
        [sf.E, sp.csr_matrix((m1, n2)), None, None, None, None, None],
        [None, sf.F, None, None, sp.csr_matrix((m2, 1)), None, sp.csr_matrix((m2, m2))],
    ], format="csc")


def _exact_system(sf: SequenceForm, a: NDArray[Any], b: NDArray[Any], c1: NDArray[Any],
                  c2: NDArray[Any]) -> list[list[Fraction]]:
    dense = _float_system(sf, sp.csr_matrix(a.shape), sp.csr_matrix(a.shape), np.zeros(
        a.shape[0]), np.zeros(a.shape[1])).toarray()
    m = np.array([[Fraction(int(v)) for v in row] for row in dense], dtype=object)
    n1, n2 = a.shape
    n = n1 + n2
    m[:n1, n1:n] = a
    m[n1:n, :n1] = b.T
    m[:n1, 2 * n] = c1
    m[n1:n, 2 * n] = c2
    return [list(row) for row in m]


def _behaviour(game: ExtensiveFormGame, s: Structure, plans: tuple[NDArray[Any], ...],
               exact: bool) -> list[NDArray[Any]]:
    out: list[NDArray[Any]] = [np.zeros(0)] * game.n_infosets
    for i in range(2):
        plan = plans[i]
        for k, h in enumerate(s.sets[i]):
            start, m = int(s.start[i][k]), int(game.n_actions[h])
            part = plan[start:start + m]
            mass = sum(part.tolist(), Fraction(0) if exact else 0.0)
            if mass > 0:
                vec = np.array([v / mass for v in part.tolist()],
                               dtype=object if exact else np.float64)
            else:
                vec = np.array([Fraction(1, m)] * m if exact else [1.0 / m] * m,
                               dtype=object if exact else np.float64)
            out[h] = vec
    return out


def _beliefs(game: ExtensiveFormGame, behaviour: list[NDArray[Any]], exact: bool
             ) -> list[NDArray[Any]]:
    prob = (game.chance_probability if exact else game.float_chance_probability).tolist()
    parent, kind = game.parent.tolist(), game.kind.tolist()
    owner, infoset, offsets = game.player.tolist(), game.infoset.tolist(), \
        game.child_offsets.tolist()
    one: Any = Fraction(1) if exact else 1.0
    out: list[NDArray[Any]] = []
    for info in game.infosets if game.n_infosets else ():
        i = game.players.index(info.player)
        weights = None
        for uniform in (False, True):
            ws = []
            for v in info.nodes:
                w, u = one, v
                while u > 0:
                    par = parent[u]
                    if kind[par] == 2:
                        w = w * prob[u]
                    elif owner[par] != i:
                        m = offsets[par + 1] - offsets[par]
                        w = w * (one / m if uniform else behaviour[infoset[par]][u - offsets[par]])
                    u = par
                ws.append(w)
            if sum(ws) > 0:
                weights = ws
                break
        if weights is None:
            weights = [one] * len(info.nodes)
        total = sum(weights)
        out.append(np.array([w / total for w in weights], dtype=object if exact else np.float64))
    return out
