"""Agent logit QRE of extensive-form games (McKelvey and Palfrey 1998).

Every information set is an agent who plays a logit response to the expected payoffs of its
actions *conditional on reaching it*: the agent's beliefs over its nodes are Bayes' rule from
the reach probabilities (every node is reached in the interior, where every action has
positive probability), and each action's value is the owner's expected continuation payoff.
At ``lam = 0`` every agent mixes uniformly; as ``lam`` grows the principal branch leads to a
sequential equilibrium (McKelvey and Palfrey 1998: the logit-AQRE selection from the
sequential equilibria of generic games, as their abstract states).
The branch is traced by the same predictor-corrector as the normal form's
(:mod:`._homotopy`), with the Jacobian of the conditional values differentiated exactly
through the tree: reach probabilities forward and continuation values backward, level by
level, with their derivatives in every log-probability at once (forward-mode
differentiation, no finite differences). An information set that no play reaches (below a
chance move of probability 0) gets uniform beliefs over its nodes. Reach probabilities are
kept as logarithms and scaled within each information set, so that beliefs at sets reached
only through actions whose probabilities underflow (``lam * regret`` beyond about 745) are
still Bayes' rule.

Imperfect recall is allowed: each agent still responds to the expected payoffs of its
actions given the profile and Bayes' beliefs over its nodes, which is well defined whenever
no play passes an information set twice. Absent-mindedness (Piccione and Rubinstein 1997:
a set with a node below another of its nodes) is refused with an
:class:`~multilateral.errors.InvalidGameError` naming the set: there an action's "expected
payoff" needs a convention (does choosing it now change the choice at the set's later nodes,
and how are beliefs over nodes weighted by the number of visits?) on which the literature
disagrees (Aumann, Hart and Perry 1997; Piccione and Rubinstein 1997), so no answer is
given rather than one convention silently.
"""

from __future__ import annotations

import copy
import itertools
import math

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidGameError
from ...games.extensive import CHANCE, DECISION, ExtensiveFormGame
from ._equations import logit_responses

# private to multilateral.solvers.quantal
__all__ = ["AgentQRE", "absent_minded_set", "check_no_absent_mindedness"]

FloatArray = NDArray[np.float64]


def absent_minded_set(game: ExtensiveFormGame) -> int | None:
    """The first information set (in ``game.infosets`` order) with a node below another of
    its nodes, or None. Nodes are numbered in depth-first preorder with their subtree sizes
    (level by level); a set is absent-minded exactly when, among its nodes sorted by
    preorder, one lies inside the preceding one's subtree interval (the subtree of ``u``
    is the contiguous preorder range ``[pre(u), pre(u) + size(u))``, so the first of the
    set's nodes below ``u`` in preorder comes right after ``u``)."""
    infoset = np.asarray(game.infoset)
    shared = np.bincount(infoset[infoset >= 0], minlength=game.n_infosets) > 1
    if not np.any(shared):
        return None
    nodes = game.n_nodes
    parent = np.asarray(game.parent)
    offsets = np.asarray(game.child_offsets)
    bounds = [int(x) for x in game.level_bounds]
    size = np.ones(nodes, dtype=np.int64)
    for lo, hi in zip(bounds[-2:0:-1], bounds[-1:1:-1], strict=True):  # deepest level first
        np.add.at(size, parent[lo:hi], size[lo:hi])
    pre = np.zeros(nodes, dtype=np.int64)
    for lo, hi in itertools.pairwise(bounds[1:]):  # children after parents
        # within a level, siblings are contiguous: a child's preorder number is its
        # parent's plus one plus the sizes of its earlier siblings
        before = np.concatenate([[0], np.cumsum(size[lo:hi])[:-1]])
        first = offsets[parent[lo:hi]] - lo  # the first sibling's position in the level
        pre[lo:hi] = pre[parent[lo:hi]] + 1 + before - before[first]
    members = np.flatnonzero((infoset >= 0) & shared[np.maximum(infoset, 0)])
    order = members[np.lexsort((pre[members], infoset[members]))]
    same = infoset[order[1:]] == infoset[order[:-1]]
    inside = pre[order[1:]] < pre[order[:-1]] + size[order[:-1]]
    bad = infoset[order[1:]][same & inside]
    return int(bad.min()) if bad.size else None


def check_no_absent_mindedness(game: ExtensiveFormGame) -> None:
    """Raise :class:`InvalidGameError` naming the first absent-minded information set."""
    h = absent_minded_set(game)
    if h is not None:
        nodes = game.infosets[h].nodes
        label = game.infoset_labels[h]
        name = f"{h} ({label!r})" if label else str(h)
        raise InvalidGameError(
            f"information set {name} of player {game.players[int(game.infoset_player[h])]!r} "
            f"is absent-minded: a play passes it twice (its nodes {nodes} include one below "
            "another). The agent QRE needs each action's expected payoff at the set, which "
            "absent-mindedness leaves to a convention (Piccione and Rubinstein 1997); "
            "give the later visit its own information set")


class AgentQRE:
    """The agent logit QRE equations of an extensive-form game in log-probabilities.

    One block per information set (the agents, in ``game.infosets`` order): with
    ``g_ha = V_ha - V_h0`` the conditional value differences, the equations
    ``w_ha - w_h0 - lam * g_ha = 0`` (``a >= 1``) and ``sum_a exp(w_ha) = 1``.
    """

    def __init__(self, game: ExtensiveFormGame) -> None:
        check_no_absent_mindedness(game)
        self.game = game
        self.shape = tuple(int(m) for m in game.n_actions)
        self.n = len(self.shape)
        self.size = int(sum(self.shape))
        self.offsets = np.concatenate([[0], np.cumsum(self.shape)]).astype(int)
        pay = np.asarray(game.float_payoffs, dtype=np.float64)
        self.scale = float(pay.max() - pay.min()) if pay.size else 0.0
        nodes = game.n_nodes
        parent = np.asarray(game.parent)
        kind = np.asarray(game.kind)
        infoset = np.asarray(game.infoset)
        offsets = np.asarray(game.child_offsets)
        self.parent = parent
        self.levels = [int(x) for x in game.level_bounds]
        # the variable (flat action index) of each edge into a node with a deciding parent
        self.var = np.full(nodes, -1)
        child = np.arange(1, nodes)
        par = parent[1:]
        decided = kind[par] == DECISION
        self.var[1:][decided] = (self.offsets[infoset[par[decided]]]
                                 + child[decided] - offsets[par[decided]])
        self.chance = np.ones(nodes)
        chance_child = np.concatenate([[False], kind[par] == CHANCE])
        self.chance[chance_child] = np.asarray(game.float_chance_probability)[chance_child]
        self.decided = np.flatnonzero(self.var >= 0)  # nodes entered by an agent's action
        # terminal continuation values
        self.terminal_values = np.zeros((nodes, game.n_players))
        self.terminal_values[np.asarray(game.terminals)] = pay
        # the decision edges: node n of infoset h, action a, child c, owner i, variable k
        dec = np.flatnonzero(kind == DECISION)
        self.dec_nodes = dec
        self.dec_sets = infoset[dec]
        edges_n, edges_k, edges_c = [], [], []
        for n in dec.tolist():
            h = int(infoset[n])
            for a in range(self.shape[h]):
                edges_n.append(n)
                edges_k.append(int(self.offsets[h]) + a)
                edges_c.append(int(offsets[n]) + a)
        self.edge_node = np.asarray(edges_n, dtype=int)
        self.edge_var = np.asarray(edges_k, dtype=int)
        self.edge_child = np.asarray(edges_c, dtype=int)
        self.edge_owner = np.asarray(game.player)[self.edge_node]
        self.var_set = np.repeat(np.arange(self.n), self.shape)
        template = np.zeros((self.size + 1, self.size + 1))
        for h, m in enumerate(self.shape):
            o = self.offsets[h]
            template[o + 1:o + m, o] = -1.0
            template[o + 1:o + m, o + 1:o + m] = np.eye(m - 1)
        self.template = template
        self.later = np.ones(self.size, dtype=bool)
        self.later[self.offsets[:-1]] = False
        self._cache: tuple[FloatArray, FloatArray] | None = None

    def with_payoffs(self, pay: FloatArray) -> AgentQRE:
        """The same tree's equations with terminal payoffs ``pay`` (``(terminals, players)``,
        float): a shallow copy, for estimators that solve one tree at many payoffs."""
        out = copy.copy(self)
        out.terminal_values = np.zeros_like(self.terminal_values)
        out.terminal_values[np.asarray(self.game.terminals)] = pay
        out.scale = float(pay.max() - pay.min()) if pay.size else 0.0
        out._cache = None
        return out

    def gains(self, b: FloatArray, w: FloatArray | None = None) -> FloatArray:
        """The conditional value differences ``g_ha`` (``a >= 1``, flat) at behaviour ``b``
        (with its logarithms ``w`` where known: beliefs then survive underflow)."""
        return self._gains(self.values(b, derivatives=False, w=w)[0])

    # -- pieces ----------------------------------------------------------------------------
    def split(self, flat: FloatArray) -> list[FloatArray]:
        """One block per information set of a flat vector of length ``size``."""
        return [flat[self.offsets[h]:self.offsets[h + 1]] for h in range(self.n)]

    def start(self) -> FloatArray:
        """Uniform play at every information set at ``lam = 0``."""
        w = np.concatenate([np.full(m, -math.log(m)) for m in self.shape])
        return np.append(w, 0.0)

    def values(self, b: FloatArray, derivatives: bool = True, w: FloatArray | None = None
               ) -> tuple[FloatArray, FloatArray | None]:
        """Conditional action values ``V`` (length M) and ``d V / d w`` (M x M).

        Beliefs come from reach probabilities kept as logarithms (``w``, the
        log-probabilities, where given) and scaled by the largest at each information set:
        an information set reached only through actions of probability ``exp(-lam * regret)``
        keeps its Bayes beliefs after those probabilities underflow (at ``lam * regret``
        beyond about 745), where probabilities themselves would give 0 / 0.
        """
        nodes, m = len(self.parent), self.size
        e = self.chance.copy()
        e[self.decided] = b[self.var[self.decided]]
        with np.errstate(divide="ignore"):
            log_e = np.log(self.chance)
        log_w = np.log(b) if w is None else w
        log_e[self.decided] = log_w[self.var[self.decided]]
        log_rho = np.zeros(nodes)
        d_log = np.zeros((nodes, m)) if derivatives else None
        for lo, hi in zip(self.levels[1:-1], self.levels[2:], strict=True):
            par = self.parent[lo:hi]
            log_rho[lo:hi] = log_rho[par] + log_e[lo:hi]
            if d_log is not None:
                d_log[lo:hi] = d_log[par]
                idx = np.arange(lo, hi)
                own = self.var[lo:hi] >= 0
                d_log[idx[own], self.var[lo:hi][own]] += 1.0
        v = self.terminal_values.copy()
        d_v = np.zeros((nodes, v.shape[1], m)) if derivatives else None
        for lo, hi in zip(self.levels[-2:0:-1], self.levels[-1:1:-1], strict=True):
            par = self.parent[lo:hi]
            np.add.at(v, par, e[lo:hi, None] * v[lo:hi])
            if d_v is not None:
                np.add.at(d_v, par, e[lo:hi, None, None] * d_v[lo:hi])
                own = self.var[lo:hi] >= 0
                kids = np.arange(lo, hi)[own]
                d_v[self.parent[kids], :, self.var[kids]] += e[kids, None] * v[kids]
        en, ec, ei, ek = self.edge_node, self.edge_child, self.edge_owner, self.edge_var
        # reach probabilities scaled by the largest in each information set (beliefs are
        # ratios); a set below a chance move of probability 0 gets uniform beliefs
        top = np.full(self.n, -np.inf)
        np.maximum.at(top, self.dec_sets, log_rho[self.dec_nodes])
        reached = np.isfinite(top)
        shift = np.where(reached, top, 0.0)[self.dec_sets]
        rho = np.zeros(nodes)
        rho[self.dec_nodes] = np.where(reached[self.dec_sets],
                                       np.exp(log_rho[self.dec_nodes] - shift), 1.0)
        den = np.zeros(self.n)
        np.add.at(den, self.dec_sets, rho[self.dec_nodes])
        num = np.zeros(m)
        np.add.at(num, ek, rho[en] * v[ec, ei])
        per = den[self.var_set]
        values = num / per
        if d_log is None or d_v is None:
            return values, None
        # d rho = rho * d log rho with each set's scale held fixed: the values are ratios
        # within a set, so a common factor's derivative cancels
        d_rho = np.zeros((nodes, m))
        live = self.dec_nodes[reached[self.dec_sets]]
        d_rho[live] = rho[live, None] * d_log[live]
        d_num = np.zeros((m, m))
        np.add.at(d_num, ek, d_rho[en] * v[ec, ei][:, None] + rho[en][:, None] * d_v[ec, ei])
        d_den = np.zeros((self.n, m))
        np.add.at(d_den, self.dec_sets, d_rho[self.dec_nodes])
        d_values = (d_num - values[:, None] * d_den[self.var_set]) / per[:, None]
        return values, d_values

    def _gains(self, values: FloatArray) -> FloatArray:
        """``g_ha = V_ha - V_h0`` for every ``a >= 1``, flat."""
        base = values[self.offsets[:-1]]
        out: FloatArray = (values - np.repeat(base, self.shape))[self.later]
        return out

    # -- the system ------------------------------------------------------------------------
    def evaluate(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``H(x)`` and a fresh ``(M + 1) x (M + 1)`` array, the Jacobian in its first M rows."""
        lam = x[-1]
        w = x[:-1]
        b = np.exp(w)
        values, d_values = self.values(b, w=w)
        assert d_values is not None
        gains = self._gains(values)
        h = np.empty(self.size)
        jac = self.template.copy()
        starts = self.offsets[:-1]
        h[starts] = np.add.reduceat(b, starts) - 1.0
        h[self.later] = w[self.later] - np.repeat(w[starts], np.array(self.shape) - 1) \
            - lam * gains
        for k, o in enumerate(starts):
            jac[o, o:self.offsets[k + 1]] = b[o:self.offsets[k + 1]]
        d_gains = (d_values - np.repeat(d_values[starts], self.shape, axis=0))[self.later]
        jac[:-1][self.later, :-1] -= lam * d_gains  # derivatives in w already
        jac[:-1][self.later, -1] = -gains
        self._cache = (x, values)
        return h, jac

    def _values_at(self, x: FloatArray) -> FloatArray:
        if self._cache is not None and self._cache[0] is x:
            return self._cache[1]
        return self.values(np.exp(x[:-1]), derivatives=False, w=x[:-1])[0]

    def residual(self, x: FloatArray) -> float:
        """Largest ``|b_ha - logit response_ha|`` over every information set."""
        z = np.zeros(self.size)
        z[self.later] = x[-1] * self._gains(self._values_at(x))
        response = logit_responses(z, self.offsets, self.shape)
        return float(np.max(np.abs(response - np.exp(x[:-1]))))

    def profile(self, x: FloatArray) -> tuple[FloatArray, ...]:
        """The behaviour profile at ``x``, one renormalized vector per information set."""
        return tuple(q / q.sum() for q in self.split(np.exp(x[:-1])))

    def regret(self, x: FloatArray) -> float:
        """Largest gain of an agent from a deviation, conditional on reaching its set."""
        values = self._values_at(x)
        b = np.exp(x[:-1])
        return float(max(float(v.max() - q @ v) for v, q in
                         zip(self.split(values), self.split(b), strict=True)))
