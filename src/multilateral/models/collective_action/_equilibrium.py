"""Equilibrium kernels of the voluntary provision game (Bergstrom, Blume and Varian 1986).

Each kernel returns ``(contributions, total, selection)``; :mod:`.provision` wraps them in a
:class:`~multilateral.models.ProvisionEquilibrium`. The derivations are in the Notes of
:class:`~multilateral.models.PublicGoodProvision`.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ...tolerances import CLEARLY_NEGATIVE, CLEARLY_NEGATIVE_FLOOR

__all__ = ["cd_exact_scan", "cobb_douglas_sum", "power", "quasi_linear_sum"]

Kernel = tuple[NDArray[Any], Any, str]

# Float margins w_i - rho_i G below -CLEARLY_NEGATIVE (relative) are clearly negative:
# rounding errors are ~1e-16 relative, so such members cannot contribute and cost no rational
# arithmetic.


def power(n: int, theta: Any) -> Any:
    """``n ** theta``: a Fraction when it is rational (``theta = p/q`` and ``n`` a q-th power)."""
    if isinstance(theta, Fraction):
        p, q = theta.numerator, theta.denominator
        root = round(n ** (1 / q))
        for r in (root - 1, root, root + 1):
            if r >= 0 and r**q == n:
                return Fraction(r**p)
    return float(n) ** float(theta)


def cobb_douglas_sum(w: NDArray[Any], a: NDArray[Any], exact: bool) -> Kernel:
    """BBV's algorithm: contributors are the top ``k`` by threshold ``w_i / rho_i``.

    Exact inputs: the contributor set found in floats is solved exactly and then verified
    exactly for every member whose float margin ``w_i - rho_i G`` is not clearly negative
    (rounding errors are ~1e-16 relative; "clearly" is
    :data:`~multilateral.tolerances.CLEARLY_NEGATIVE`); if the check fails, an exact sorted
    scan decides. Members who clearly do not contribute cost no rational arithmetic.
    """
    wf, af = np.asarray(w, dtype=np.float64), np.asarray(a, dtype=np.float64)
    rf = af / (1 - af)
    t = wf / rf
    order = np.argsort(-t, kind="stable")
    g_k = np.concatenate(([0.0], np.cumsum(wf[order]) / (1 + np.cumsum(rf[order]))))
    nxt = np.concatenate((t[order], [-np.inf]))  # t_(k+1) for k = 0..n
    k = int(np.argmax(g_k >= nxt))
    if not exact:
        c = np.zeros_like(wf)
        top = order[:k]
        c[top] = np.maximum(wf[top] - rf[top] * g_k[k], 0.0)
        return c, float(g_k[k]), "unique"
    inside = np.zeros(w.size, dtype=bool)
    inside[order[:k]] = True
    total = _cd_total(w, a, np.flatnonzero(inside).tolist())
    cx = _cd_exact_contributions(w, a, wf, rf, total, inside)
    if cx is None:  # rounding chose the wrong contributors
        total = cd_exact_scan(w, a)
        cx = _cd_exact_contributions(w, a, wf, rf, total, None)
    assert cx is not None
    return cx, total, "unique"


def _cd_exact_contributions(w: NDArray[Any], a: NDArray[Any], wf: NDArray[np.float64],
                            rf: NDArray[np.float64], total: Fraction,
                            inside: NDArray[np.bool_] | None) -> NDArray[Any] | None:
    """Exact ``max(0, w_i - rho_i G)``; ``None`` if ``inside`` is not the contributor set."""
    gf = float(total)
    margin = wf - rf * gf
    clearly_out = margin < -(CLEARLY_NEGATIVE * (np.abs(wf) + np.abs(rf * gf))
                          + CLEARLY_NEGATIVE_FLOOR)
    if inside is not None and np.any(inside & clearly_out):
        return None
    c = np.empty(w.size, dtype=object)
    c[:] = Fraction(0)
    for i in np.flatnonzero(~clearly_out).tolist():
        ci = w[i] - a[i] / (1 - a[i]) * total
        if inside is not None and (ci < 0 if inside[i] else ci > 0):
            return None
        if ci > 0:
            c[i] = ci
    return c


def _cd_total(w: NDArray[Any], a: NDArray[Any], members: Sequence[int]) -> Fraction:
    """``G = sum_C w_i / (1 + sum_C rho_i)`` for the contributor set ``C``."""
    return Fraction(sum((w[i] for i in members), Fraction(0))) / (
        1 + sum((a[i] / (1 - a[i]) for i in members), Fraction(0)))


def cd_exact_scan(w: NDArray[Any], a: NDArray[Any]) -> Fraction:
    """The exact fallback: add members by decreasing threshold until ``G_k >= t_(k+1)``."""
    rho = [ai / (1 - ai) for ai in a]
    t = [wi / ri for wi, ri in zip(w, rho, strict=True)]
    sw, sr, total = Fraction(0), Fraction(0), Fraction(0)
    for i in sorted(range(len(t)), key=t.__getitem__, reverse=True):
        if total >= t[i]:
            break
        sw, sr = sw + w[i], sr + rho[i]
        total = sw / (1 + sr)
    return total


def quasi_linear_sum(w: NDArray[Any], b: NDArray[Any], exact: bool) -> Kernel:
    """Members with ``b_i > G`` give everything; ``G = min(S_k, b_k)`` at the least ``k``
    with ``S_k >= b_(k+1)``."""
    n = w.size
    if exact:
        order = sorted(range(n), key=lambda i: b[i], reverse=True)
        running = Fraction(0)
        total: Any = Fraction(0)
        for pos, i in enumerate(order):
            running += w[i]
            following = b[order[pos + 1]] if pos + 1 < n else 0
            if running >= following:
                total = min(running, b[i])
                break
        above = np.array([bi > total for bi in b], dtype=bool)
        tied = np.array([bi == total for bi in b], dtype=bool)
        c = np.array([Fraction(0)] * n, dtype=object)
    else:
        idx = np.argsort(-b, kind="stable")
        s = np.cumsum(w[idx])
        nxt = np.append(b[idx][1:], 0.0)
        j = int(np.argmax(s >= nxt))
        total = min(float(s[j]), float(b[idx][j]))
        above, tied = b > total, b == total
        c = np.zeros(n)
    c[above] = w[above]
    residual = total - w[above].sum()
    selection = "unique"
    if np.any(tied) and residual > 0:
        tied_income = w[tied].sum()
        c[tied] = w[tied] * (residual / tied_income)
        if np.count_nonzero(tied & (w > 0)) > 1:
            selection = "income_proportional_ties"
    return c, total, selection
