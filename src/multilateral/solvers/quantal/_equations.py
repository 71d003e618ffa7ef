"""The logit QRE equations of normal-form games, in log-probabilities (private to
:mod:`multilateral.solvers.quantal`), and the check of a precision ``lam``."""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.normal_form import NormalFormGame

__all__ = ["NormalFormQRE", "check_lam", "logit_responses", "reference_actions"]

FloatArray = NDArray[np.float64]


def check_lam(lam: object, name: str = "lam", *, infinite: bool = False) -> float:
    """A logit precision: a real number >= 0 (``math.inf`` too with ``infinite``)."""
    if isinstance(lam, bool) or not isinstance(lam, numbers.Real):
        raise InvalidTypeError(f"{name} must be a real number >= 0, got {lam!r}")
    value = float(lam)
    if math.isnan(value) or value < 0 or (math.isinf(value) and not infinite):
        what = ">= 0 (math.inf traces to a Nash equilibrium)" if infinite else ">= 0 and finite"
        raise InvalidArgumentError(f"{name} must be {what}, got {lam!r}")
    return value


def logit_responses(z: FloatArray, offsets: NDArray[np.int64],
                    shape: Sequence[int]) -> FloatArray:
    """Logit choice probabilities of every segment of ``z`` (segments start at
    ``offsets[:-1]`` and have lengths ``shape``), shifted by each segment's maximum so that
    no exponential overflows."""
    starts = offsets[:-1]
    z = z - np.repeat(np.maximum.reduceat(z, starts), shape)
    e = np.exp(z)
    out: FloatArray = e / np.repeat(np.add.reduceat(e, starts), shape)
    return out


def reference_actions(parts: Any, n: int) -> tuple[int, ...]:
    """Each player's (or information set's) most probable action, from its log-probabilities
    ``parts`` (ties: the first); action 0 for all ``n`` when ``parts`` is None: the rows the
    tracers' ``rebase`` writes its equations against."""
    if parts is None:
        return tuple(0 for _ in range(n))
    return tuple(int(np.argmax(w)) for w in parts)


class NormalFormQRE:
    """The logit QRE equations of a normal-form game in log-probabilities.

    For each player ``i`` with actions ``0..m_i-1`` and ``g_ij = u_ij - u_i0``: the
    equations ``w_ij - w_i0 - lam * g_ij = 0`` (``j >= 1``) and ``sum_j exp(w_ij) = 1``.
    Rows and columns are player by player (row ``off_i`` is the normalization); the last
    column is ``lam``. The Jacobian is analytic: ``d g_i / d p_k`` is the payoff tensor's
    action differences contracted with every other player's probabilities.

    :meth:`rebase` writes each player's equations relative to a reference action ``r``
    instead of action 0 (the path follower takes the most probable one): row ``j != r`` is
    ``w_ij - w_ir - lam (u_ij - u_ir)``, row ``r`` stays ``w_ir - w_i0 - lam (u_ir - u_i0)``.
    The zero set is the same and the rows are a unimodular combination of the original
    ones (``det = 1``: tangents and the sign of ``det [J; t]`` are unchanged). Why: once
    action 0 is played with probability ``exp(-lam * regret)``, every original row holds
    Jacobian entries of order ``lam * payoff range`` whose differences carry the live
    actions' comparison. Where those differ by much less than the range (``1e-7`` against
    ``3.4`` at ``lam ~ 6.5e6``) the augmented Jacobian had condition number ~3e15, Newton
    moved ``w_i0`` (a log-probability of ``-1e7``) by order 1 at every step however short,
    and the step control rejected every step. Relative to a live action only row ``r``
    holds those large entries, and it alone involves ``w_i0``, which no other row sees.

    Parameters
    ----------
    game : NormalFormGame or numpy.ndarray
        Any number of players; exact payoffs are converted to float once. A float array of
        shape ``(n_1, ..., n_N, N)`` is taken as the payoffs unchecked (for estimators that
        solve many games).
    """

    def __init__(self, game: NormalFormGame | FloatArray) -> None:
        if isinstance(game, np.ndarray):
            pay = game
            self.shape = tuple(int(m) for m in pay.shape[:-1])
            self.n = int(pay.shape[-1])
        else:
            pay = np.asarray(game.float_payoffs, dtype=np.float64)
            self.shape = game.shape
            self.n = game.n_players
        self.size = int(sum(self.shape))
        self.offsets = np.concatenate([[0], np.cumsum(self.shape)]).astype(int)
        self.scale = float(pay.max() - pay.min()) if pay.size else 0.0
        # player i's payoffs with its own action on axis 0, then the others
        self._own = [np.moveaxis(pay[..., i], i, 0) for i in range(self.n)]
        self._cache: tuple[FloatArray, list[FloatArray]] | None = None
        self.later = np.ones(self.size, dtype=bool)  # every action but each player's first
        self.later[self.offsets[:-1]] = False
        self.refs: tuple[int, ...] = ()
        self.rebase(None)

    def rebase(self, x: FloatArray | None) -> None:
        """Write the equations relative to each player's most probable action at ``x``
        (ties: the first), or to action 0 (``x`` None, the basis other modules read:
        ``diffs``, :meth:`gains` and the rows of :meth:`evaluate`)."""
        refs = reference_actions(None if x is None else self.split(x[:-1]), len(self.shape))
        if refs == self.refs:
            return
        self.refs = refs
        # D_i, axis 0 = rows j = 1..m-1: u_ij - u_ir (j != r) and u_ir - u_i0 (j = r), the
        # differences taken from the payoffs themselves (not of differences with action 0,
        # which would bring back the rounding of the large terms)
        self.diffs = []
        # row j of player i is w[plus] - w[minus] - lam g: plus is always j, minus is r
        # except in row r (action 0); z[target] = sign * lam * g gives lam (u_ij - u_ir)
        minus, target, sign = [], [], []
        template = np.zeros((self.size + 1, self.size + 1))
        for i, (m, r) in enumerate(zip(self.shape, refs, strict=True)):
            o = int(self.offsets[i])
            p_i = self._own[i]
            base = np.where(np.arange(1, m) == r, 0, r)
            self.diffs.append(np.ascontiguousarray(p_i[1:] - p_i[base]))
            minus.append(o + base)
            target.append(o + np.where(np.arange(1, m) == r, 0, np.arange(1, m)))
            sign.append(np.where(np.arange(1, m) == r, -1.0, 1.0))
            template[o + 1:o + m, o + 1:o + m] = np.eye(m - 1)
            template[o + np.arange(1, m), o + base] -= 1.0
        self.template = template
        self._minus = np.concatenate(minus).astype(int) if minus else np.zeros(0, int)
        self._target = np.concatenate(target).astype(int) if target else np.zeros(0, int)
        self._sign = np.concatenate(sign) if sign else np.zeros(0)
        self._cache = None

    # -- pieces -------------------------------------------------------------------------------
    def split(self, flat: FloatArray) -> list[FloatArray]:
        """One block per player of a flat vector of length ``size``."""
        return [flat[self.offsets[i]:self.offsets[i + 1]] for i in range(self.n)]

    def start(self) -> FloatArray:
        """The centroid at ``lam = 0``: ``x = (log(1/m_i), ..., 0)``."""
        w = np.concatenate([np.full(m, -math.log(m)) for m in self.shape])
        return np.append(w, 0.0)

    def gains(self, probs: Sequence[FloatArray]) -> tuple[list[FloatArray],
                                                           list[dict[int, FloatArray]]]:
        """``g_i`` (length ``m_i - 1``) and ``d g_i / d p_k`` (``(m_i - 1) x m_k``)."""
        gs: list[FloatArray] = []
        ds: list[dict[int, FloatArray]] = []
        if self.n == 1:  # a decision problem: the payoff differences themselves
            return [self.diffs[0].reshape(-1)], [{}]
        if self.n == 2:
            d0, d1 = self.diffs
            gs = [d0 @ probs[1], d1 @ probs[0]]
            ds = [{1: d0}, {0: d1}]
            return gs, ds
        for i in range(self.n):
            others = [k for k in range(self.n) if k != i]
            derivs: dict[int, FloatArray] = {}
            for k in others:
                t = self.diffs[i]
                # contract the other axes from the last down, keeping k's axis
                for pos in range(len(others) - 1, -1, -1):
                    if others[pos] != k:
                        t = np.tensordot(t, probs[others[pos]], axes=([pos + 1], [0]))
                derivs[k] = t
            k0 = others[0]
            gs.append(derivs[k0] @ probs[k0])
            ds.append(derivs)
        return gs, ds

    # -- the system ---------------------------------------------------------------------------
    def evaluate(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``H(x)`` and a fresh ``(M + 1) x (M + 1)`` array, the Jacobian in its first M rows."""
        lam = x[-1]
        w = x[:-1]
        p = np.exp(w)
        h = np.empty(self.size)
        jac = self.template.copy()
        size = self.size
        if self.n == 2:  # the bimatrix path: the same equations with fewer numpy calls
            m = self.shape[0]
            d0, d1 = self.diffs
            px, py = p[:m], p[m:]
            g0, g1 = d0 @ py, d1 @ px
            h[0] = px.sum() - 1.0
            h[m] = py.sum() - 1.0
            h[self.later] = w[self.later] - w[self._minus] - lam * np.concatenate([g0, g1])
            jac[0, :m] = px
            jac[m, m:size] = py
            jac[1:m, m:size] = (-lam) * d0 * py
            jac[m + 1:size, :m] = (-lam) * d1 * px
            jac[1:m, size] = -g0
            jac[m + 1:size, size] = -g1
            self._cache = (x, [g0, g1])
            return h, jac
        ps = self.split(p)
        gs, ds = self.gains(ps)
        if self.size > self.n:
            h[self.later] = w[self.later] - w[self._minus] - lam * np.concatenate(gs)
        for i in range(self.n):
            o, e = self.offsets[i], self.offsets[i + 1]
            h[o] = ps[i].sum() - 1.0
            jac[o, o:e] = ps[i]
            jac[o + 1:e, size] = -gs[i]
            for k, d in ds[i].items():
                jac[o + 1:e, self.offsets[k]:self.offsets[k + 1]] = (-lam) * d * ps[k]
        self._cache = (x, gs)
        return h, jac

    def _gains_at(self, x: FloatArray) -> list[FloatArray]:
        if self._cache is not None and self._cache[0] is x:
            return self._cache[1]
        return self.gains(self.split(np.exp(x[:-1])))[0]

    def responses(self, x: FloatArray) -> FloatArray:
        """Every player's logit response to the profile at ``x``, one flat vector."""
        return logit_responses(x[-1] * self._relative(x), self.offsets, self.shape)

    def _relative(self, x: FloatArray) -> FloatArray:
        """``u_ij - u_ir`` for every action (0 at each player's reference ``r``), flat."""
        z = np.zeros(self.size)
        if self.size > self.n:
            z[self._target] = self._sign * np.concatenate(self._gains_at(x))
        return z

    def residual(self, x: FloatArray) -> float:
        """Largest ``|p_ij - logit response_ij|``."""
        return float(np.max(np.abs(self.responses(x) - np.exp(x[:-1]))))

    def profile(self, x: FloatArray) -> tuple[FloatArray, ...]:
        """The mixed strategies at ``x``, renormalized."""
        return tuple(q / q.sum() for q in self.split(np.exp(x[:-1])))

    def regret(self, x: FloatArray) -> float:
        """Largest gain from a deviation to a pure action, over players."""
        ps = self.split(np.exp(x[:-1]))
        return float(max(float(v.max() - q @ v) for v, q in
                         zip(self.split(self._relative(x)), ps, strict=True)))
