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
differentiation, no finite differences). Beliefs are computed from the edges below each
set's last common ancestor only (the common ones cancel in Bayes' rule), as logarithms
scaled within the set, so that beliefs at sets reached only through actions whose
probabilities underflow (``lam * regret`` beyond about 745) are still Bayes' rule, and
keep their precision when the common part's log-probability is large (``lam`` multiplies
their error in the equations). A chance move of probability 0 is the limit of a positive
one: above all of a set's nodes it drops out (beliefs conditional on the move, the limit of
Bayes' rule as its probability goes to 0, where the uniform beliefs used before were not);
where it separates the set's nodes, the nodes behind the fewest such moves share the
belief (all zero chance probabilities taken as one common infinitesimal). Gambit's agent
logit differs here: it sums log reach from the root (``ComputeLogPathValues`` in
``src/solvers/logit/efglogit.cc``, a recent version read through the search index) and
takes uniform beliefs where a set's reach probability is 0 ("possible when a
zero-probability chance action makes the information set unreachable"), which makes its
QRE jump as that chance probability reaches 0; the limit taken here is continuous in it
(tests/test_qre_agent.py).

On large trees (``SPARSE_ABOVE``) the Jacobian is built sparse instead: the derivative of a
continuation value in an action's log-probability is a sum over the pairs (ancestor,
descendant) of the tree, and a belief depends only on the edges that are not common to every
node of its set, so the Jacobian has ``O(nodes x depth)`` nonzeros, assembled from index
arrays fixed at construction; the path follower factors it with SuperLU
(:class:`~._homotopy.SparseAugmented`). No ``nodes x variables`` array is formed.

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
import math
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from ...errors import InvalidGameError
from ...games.extensive import CHANCE, DECISION, ExtensiveFormGame
from ._equations import logit_responses, reference_actions
from ._homotopy import SparseAugmented

# private to multilateral.solvers.quantal
__all__ = ["AgentQRE", "check_no_absent_mindedness"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Above this many entries of the dense forward-mode derivatives (variables x nodes x
#: players) the Jacobian is built sparse (:meth:`AgentQRE._sparse_jacobian`) and the path
#: follower factors it with SuperLU: the dense arrays grow as the square of the tree.
SPARSE_ABOVE = 2_000_000


def check_no_absent_mindedness(game: ExtensiveFormGame) -> None:
    """Raise :class:`InvalidGameError` naming the first absent-minded information set
    (:attr:`~multilateral.ExtensiveFormGame.absent_minded_sets`)."""
    if game.absent_minded_sets:
        h = game.absent_minded_sets[0]
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

    def __init__(self, game: ExtensiveFormGame, sparse_jacobian: bool | None = None) -> None:
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
        self.later = np.ones(self.size, dtype=bool)
        self.later[self.offsets[:-1]] = False
        self._belief_paths(nodes)
        if sparse_jacobian is None:
            sparse_jacobian = self.size * nodes * game.n_players > SPARSE_ABOVE
        self.sparse = bool(sparse_jacobian)
        if self.sparse:
            self._sparse_structure(nodes, kind)
        self._cache: tuple[FloatArray, FloatArray] | None = None
        self.refs: tuple[int, ...] = ()
        self.rebase(None)

    def rebase(self, x: FloatArray | None) -> None:
        """Write the equations relative to each information set's most probable action at
        ``x`` (ties: the first), or to action 0 (``x`` None, the basis :meth:`gains` and the
        rows of :meth:`evaluate` are read in by other modules): row ``a != r`` of set ``h``
        is ``w_ha - w_hr - lam (V_ha - V_hr)``, row ``r`` stays
        ``w_hr - w_h0 - lam (V_hr - V_h0)``. The same zero set, tangents and sign of
        ``det [J; t]`` (a unimodular change of rows); why, see ``NormalFormQRE``: written
        against an action whose probability underflowed, every row carries Jacobian entries
        of order ``lam * payoff range`` and the trace can stall where the live actions'
        comparison is their small difference."""
        refs = reference_actions(None if x is None else self.split(x[:-1]), len(self.shape))
        if refs == self.refs:
            return
        self.refs = refs
        later = np.flatnonzero(self.later)
        starts = self.offsets[:-1][self.var_set[later]]
        ref = self.offsets[:-1] + np.asarray(refs, dtype=int)
        own = ref[self.var_set[later]]
        # row a subtracts the reference r, except row r, which subtracts action 0
        minus = np.where(later == own, starts, own)
        self._minus = minus
        self._ref = ref[self.var_set]  # each variable's reference action, flat
        self._cache = None
        k = len(later)
        if self.sparse:
            self._diff = sparse.csr_matrix(
                (np.concatenate([np.ones(k), -np.ones(k)]),
                 (np.concatenate([np.arange(k), np.arange(k)]), np.concatenate([later, minus]))),
                shape=(k, self.size))
            self._later_idx, self._later_start = later, minus
            return
        template = np.zeros((self.size + 1, self.size + 1))
        template[later, later] = 1.0
        template[later, minus] -= 1.0
        self.template = template

    def _belief_paths(self, nodes: int) -> None:
        """``self._paths`` (CSR, ``nodes x nodes``): row ``n`` (a decision node of a set with
        several nodes) holds a 1 at every node ``z`` whose entering edge lies on the path
        to ``n`` below the last common ancestor of ``n``'s set; other rows are empty.

        Beliefs are ratios of reach probabilities within a set, so the edges common to all
        of its nodes cancel. Summing only the others keeps the beliefs' full precision
        where the set is reached through an action of log-probability ``-lam * regret``
        (a sum ``-11727.3 + (-0.693)`` keeps ``0.693`` only to about ``2e-12``, which
        ``lam`` multiplies in the gains), and it makes a chance move of probability 0
        above a set's nodes drop out of its beliefs: the beliefs are then the conditional
        ones given that the move was made (see :meth:`values`)."""
        parent = self.parent
        members = np.bincount(self.dec_sets, minlength=self.n)
        u = self.dec_nodes[members[self.dec_sets] > 1]
        z = u.copy()
        rows, cols = [], []
        while u.size:
            rows.append(u)
            cols.append(z)
            keep = np.flatnonzero(parent[z] > 0)
            u, z = u[keep], parent[z[keep]]
        pn = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        pz = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        sets = np.asarray(self.game.infoset)[pn]
        _, where, count = np.unique(sets * nodes + pz, return_inverse=True,
                                    return_counts=True)
        keep = count[where.ravel()] < members[sets]
        self._paths = sparse.csr_matrix(
            (np.ones(int(keep.sum())), (pn[keep], pz[keep])), shape=(nodes, nodes))

    # -- the sparse Jacobian (large trees) ------------------------------------------------
    def _sparse_structure(self, nodes: int, kind: NDArray[Any]) -> None:
        """The ancestor pairs ``(u, c)`` (``c`` a proper ancestor of ``u``), block by
        distance, and the index arrays of the Jacobian's entries; ``O(sum of depths)``.

        With ``R(c -> u)`` the product of the edge probabilities from ``c`` down to ``u``,
        ``d v(c) / d w_k = sum_{u below c, var(u) = k} R(c -> u) v(u)`` (continuation values)
        and ``d log rho(n) / d w_k`` counts the edges of variable ``k`` on the path to ``n``
        (beliefs): both are sums over ancestor pairs, which is what makes the Jacobian sparse
        (one nonzero per pair and edge, against ``nodes x variables`` dense)."""
        parent, var = self.parent, self.var
        u = np.arange(1, nodes)
        c = parent[u]
        pairs_u, pairs_c = [u], [c]
        blocks: list[tuple[IntArray, IntArray]] = []
        while True:
            keep = np.flatnonzero(c != 0)
            if not keep.size:
                break
            u, mid = u[keep], c[keep]
            c = parent[mid]
            blocks.append((keep, mid))
            pairs_u.append(u)
            pairs_c.append(c)
        self._first = np.arange(1, nodes)
        self._blocks = blocks
        pu, pc = np.concatenate(pairs_u), np.concatenate(pairs_c)
        # continuation: u entered by an agent's action below an edge child c
        sel = np.flatnonzero((var[pu] >= 0) & (var[pc] >= 0))
        self._a_pair = sel
        self._a_row, self._a_col = var[pc[sel]], var[pu[sel]]
        self._a_node = parent[pc[sel]]  # the decision node above c
        self._a_u = pu[sel]
        self._a_owner = np.asarray(self.game.player)[self._a_node]
        # beliefs: decision node n and each edge variable on its path (its own entry too)
        sel = np.flatnonzero((kind[pu] == DECISION) & (var[pc] >= 0))
        own = self.dec_nodes[var[self.dec_nodes] >= 0]
        bn = np.concatenate([pu[sel], own])
        bz = np.concatenate([pc[sel], own])
        # an edge on the path to every node of n's set (at or above their last common
        # ancestor) scales all their reach probabilities alike: beliefs, ratios within the
        # set, do not depend on it, and its terms cancel exactly (sum_n rho_n (v - V) = 0).
        # Left out, as structural zeros, they would make every row dense in its ancestors.
        sets = np.asarray(self.game.infoset)[bn]
        key = sets * nodes + bz
        _, where, count = np.unique(key, return_inverse=True, return_counts=True)
        members = np.bincount(self.dec_sets, minlength=self.n)
        keep = count[where] < members[sets]
        bn, bz = bn[keep], bz[keep]
        m = np.asarray(self.shape)[np.asarray(self.game.infoset)[bn]]
        first_edge = np.zeros(nodes, dtype=np.int64)
        first_edge[self.edge_node[::-1]] = np.arange(len(self.edge_node))[::-1]
        idx = np.repeat(np.arange(len(bn)), m)
        within = np.arange(len(idx)) - np.repeat(np.cumsum(m) - m, m)
        edge = first_edge[bn[idx]] + within
        self._b_row, self._b_col = self.edge_var[edge], var[bz[idx]]
        self._b_node, self._b_child = bn[idx], self.edge_child[edge]
        self._b_owner = self.edge_owner[edge]
        # the gains' rows (g_ha = V_ha - V_h0 for a >= 1 until rebase): self._diff

    def _reach_below(self, e: FloatArray) -> FloatArray:
        """``R(c -> u)`` for every ancestor pair, in the order of ``_sparse_structure``."""
        r = e[self._first]
        out = [r]
        for keep, mid in self._blocks:
            r = r[keep] * e[mid]
            out.append(r)
        return np.concatenate(out)

    def _sparse_jacobian(self, e: FloatArray, v: FloatArray, rho: FloatArray,
                         values: FloatArray, per: FloatArray) -> sparse.csr_matrix:
        """``d V / d w`` (``M x M``, CSR) from the same quantities as the dense path."""
        r = self._reach_below(e)[self._a_pair]
        a_val = rho[self._a_node] * r * v[self._a_u, self._a_owner]
        b_val = rho[self._b_node] * (v[self._b_child, self._b_owner] - values[self._b_row])
        rows = np.concatenate([self._a_row, self._b_row])
        vals = np.concatenate([a_val, b_val]) / per[rows]
        return sparse.csr_matrix((vals, (rows, np.concatenate([self._a_col, self._b_col]))),
                                 shape=(self.size, self.size))

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
               ) -> tuple[FloatArray, FloatArray | sparse.csr_matrix | None]:
        """Conditional action values ``V`` (length M) and ``d V / d w`` (M x M; a CSR
        matrix for a system with ``sparse`` set).

        Beliefs come from reach probabilities kept as logarithms (``w``, the
        log-probabilities, where given) and scaled by the largest at each information set:
        an information set reached only through actions of probability ``exp(-lam * regret)``
        keeps its Bayes beliefs after those probabilities underflow (at ``lam * regret``
        beyond about 745), where probabilities themselves would give 0 / 0. Only the edges
        below the set's last common ancestor enter (``_belief_paths``); a set every node of
        which lies behind a chance move of probability 0 gets the limit of Bayes' beliefs as
        those probabilities go to 0 together.
        """
        nodes, m = len(self.parent), self.size
        e = self.chance.copy()
        e[self.decided] = b[self.var[self.decided]]
        with np.errstate(divide="ignore"):
            log_e = np.log(self.chance)
            log_w = np.log(b) if w is None else w
        log_e[self.decided] = log_w[self.var[self.decided]]
        dense = derivatives and not self.sparse
        d_log = np.zeros((nodes, m)) if dense else None
        if d_log is not None:  # d log(reach) / d w: the variables on each node's path
            for lo, hi in zip(self.levels[1:-1], self.levels[2:], strict=True):
                d_log[lo:hi] = d_log[self.parent[lo:hi]]
                idx = np.arange(lo, hi)
                own = self.var[lo:hi] >= 0
                d_log[idx[own], self.var[lo:hi][own]] += 1.0
        v = self.terminal_values.copy()
        d_v = np.zeros((nodes, v.shape[1], m)) if dense else None
        for lo, hi in zip(self.levels[-2:0:-1], self.levels[-1:1:-1], strict=True):
            par = self.parent[lo:hi]
            np.add.at(v, par, e[lo:hi, None] * v[lo:hi])
            if d_v is not None:
                np.add.at(d_v, par, e[lo:hi, None, None] * d_v[lo:hi])
                own = self.var[lo:hi] >= 0
                kids = np.arange(lo, hi)[own]
                d_v[self.parent[kids], :, self.var[kids]] += e[kids, None] * v[kids]
        en, ec, ei, ek = self.edge_node, self.edge_child, self.edge_owner, self.edge_var
        # beliefs: reach probabilities below each set's last common ancestor (the edges
        # common to its nodes cancel), as logarithms scaled by the largest in the set. An
        # edge of probability 0 (a chance move, or an underflowed action when ``w`` is not
        # given) is the limit of a common infinitesimal: the nodes behind the fewest such
        # edges share the belief, in proportion to their other edges' probabilities
        zero = ~np.isfinite(log_e)
        rel = self._paths @ np.where(zero, 0.0, log_e)
        fewest = self._paths @ zero.astype(np.float64)
        low = np.full(self.n, np.inf)
        np.minimum.at(low, self.dec_sets, fewest[self.dec_nodes])
        first = fewest[self.dec_nodes] == low[self.dec_sets]
        top = np.full(self.n, -np.inf)
        np.maximum.at(top, self.dec_sets, np.where(first, rel[self.dec_nodes], -np.inf))
        rho = np.zeros(nodes)
        rho[self.dec_nodes] = np.where(first, np.exp(rel[self.dec_nodes]
                                                     - top[self.dec_sets]), 0.0)
        den = np.zeros(self.n)
        np.add.at(den, self.dec_sets, rho[self.dec_nodes])
        num = np.zeros(m)
        np.add.at(num, ek, rho[en] * v[ec, ei])
        per = den[self.var_set]
        values = num / per
        if derivatives and self.sparse:
            return values, self._sparse_jacobian(e, v, rho, values, per)
        if d_log is None or d_v is None:
            return values, None
        # d rho = rho * d log rho with each set's scale held fixed: the values are ratios
        # within a set, so a common factor's derivative cancels
        d_rho = np.zeros((nodes, m))
        d_rho[self.dec_nodes] = rho[self.dec_nodes, None] * d_log[self.dec_nodes]
        d_num = np.zeros((m, m))
        np.add.at(d_num, ek, d_rho[en] * v[ec, ei][:, None] + rho[en][:, None] * d_v[ec, ei])
        d_den = np.zeros((self.n, m))
        np.add.at(d_den, self.dec_sets, d_rho[self.dec_nodes])
        d_values = (d_num - values[:, None] * d_den[self.var_set]) / per[:, None]
        return values, d_values

    def _gains(self, values: FloatArray) -> FloatArray:
        """``g_ha = V_ha - V_h0`` for every ``a >= 1``, flat (in the basis of
        :meth:`rebase`: ``V_ha - V_hr``, and ``V_hr - V_h0`` in row ``r``)."""
        out: FloatArray = values[self.later] - values[self._minus]
        return out

    # -- the system ------------------------------------------------------------------------
    def evaluate(self, x: FloatArray) -> tuple[FloatArray, Any]:
        """``H(x)`` and a fresh ``(M + 1) x (M + 1)`` array, the Jacobian in its first M rows
        (a :class:`~._homotopy.SparseAugmented` for a system with ``sparse`` set)."""
        lam = x[-1]
        w = x[:-1]
        b = np.exp(w)
        values, d_values = self.values(b, w=w)
        assert d_values is not None
        gains = self._gains(values)
        h = np.empty(self.size)
        starts = self.offsets[:-1]
        h[starts] = np.add.reduceat(b, starts) - 1.0
        h[self.later] = w[self.later] - w[self._minus] - lam * gains
        if self.sparse:
            self._cache = (x, values)
            return h, self._sparse_system(b, lam, gains, d_values)
        jac = self.template.copy()
        for k, o in enumerate(starts):
            jac[o, o:self.offsets[k + 1]] = b[o:self.offsets[k + 1]]
        d_gains = d_values[self.later] - d_values[self._minus]
        jac[:-1][self.later, :-1] -= lam * d_gains  # derivatives in w already
        jac[:-1][self.later, -1] = -gains
        self._cache = (x, values)
        return h, jac

    def _sparse_system(self, b: FloatArray, lam: float, gains: FloatArray,
                       d_values: sparse.csr_matrix) -> SparseAugmented:
        """The augmented Jacobian from ``d V / d w``: each set's normalization row holds its
        probabilities; row ``(h, a)``, ``a >= 1``, is ``e_ha - e_h0 - lam d g_ha / d w`` and
        ``-g_ha`` in the ``lam`` column."""
        m = self.size
        starts = self.offsets[:-1]
        d_gains = (self._diff @ d_values).tocoo()
        later, first = self._later_idx, self._later_start
        k = len(later)
        rows = np.concatenate([starts[self.var_set], later, later,
                               later[d_gains.row], later])
        cols = np.concatenate([np.arange(m), later, first, d_gains.col, np.full(k, m)])
        vals = np.concatenate([b, np.ones(k), -np.ones(k), -lam * d_gains.data, -gains])
        jac = sparse.csr_matrix((vals, (rows, cols)), shape=(m, m + 1))
        return SparseAugmented(jac)

    def _values_at(self, x: FloatArray) -> FloatArray:
        if self._cache is not None and self._cache[0] is x:
            return self._cache[1]
        return self.values(np.exp(x[:-1]), derivatives=False, w=x[:-1])[0]

    def residual(self, x: FloatArray) -> float:
        """Largest ``|b_ha - logit response_ha|`` over every information set."""
        values = self._values_at(x)
        # V_ha - V_hr, each from the values themselves (not through action 0)
        response = logit_responses(x[-1] * (values - values[self._ref]), self.offsets,
                                   self.shape)
        return float(np.max(np.abs(response - np.exp(x[:-1]))))

    def profile(self, x: FloatArray) -> tuple[FloatArray, ...]:
        """The behaviour profile at ``x``, one renormalized vector per information set."""
        return tuple(q / q.sum() for q in self.split(np.exp(x[:-1])))

    def reach(self, x: FloatArray) -> FloatArray:
        """The probability of reaching each information set, summed over its nodes."""
        e = self.chance.copy()
        e[self.decided] = np.exp(x[:-1])[self.var[self.decided]]
        node = np.ones(len(self.parent))
        for lo, hi in zip(self.levels[1:-1], self.levels[2:], strict=True):
            node[lo:hi] = node[self.parent[lo:hi]] * e[lo:hi]
        out = np.zeros(self.n)
        np.add.at(out, self.dec_sets, node[self.dec_nodes])
        return out

    def conditional_regrets(self, x: FloatArray) -> FloatArray:
        """Each agent's largest gain from a deviation, conditional on reaching its set."""
        values = self._values_at(x)
        b = np.exp(x[:-1])
        return np.array([float(v.max() - q @ v) for v, q in
                         zip(self.split(values), self.split(b), strict=True)])

    def regret(self, x: FloatArray) -> float:
        """Largest gain of an agent from a deviation, weighted by the probability of
        reaching its set: the profile's distance from a Nash equilibrium, the regret at
        which an unbounded trace stops, as pygambit's agent logit does (on a game whose
        off-path agent still regrets 0.17 conditionally, pygambit 16.7 stops at reach
        probability 5e-324 and reports ``max_regret`` 0). Conditional regrets of agents
        reached with probability ``exp(-lam r)`` fall only as ``1 / lam``, and rounding
        stops a trace near ``lam ~ 2e4`` (see :meth:`conditional_regrets`)."""
        return float(np.max(self.reach(x) * self.conditional_regrets(x)))
