"""Binomial weights and expectations over the number of other cooperators, for large n too."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._namespace import public_dir

__all__ = ["WINDOW_SD", "binomial_weights", "expect"]
__dir__ = public_dir(__all__)

def binomial_weights(m: int, x: ArrayLike) -> NDArray[np.float64]:
    """``C(m, k) x^k (1-x)^(m-k)`` for ``k = 0..m``; shape ``x.shape + (m + 1,)``.

    Computed in log space (``xlogy`` keeps ``x = 0`` and ``x = 1`` exact), so it neither
    overflows nor underflows to NaN for large ``m``.

    See Also
    --------
    multilateral.AnonymousGame.gain_function : the expected gain, a Bernstein polynomial in
        these weights.

    Examples
    --------
    >>> from multilateral.games import binomial_weights
    >>> binomial_weights(2, 0.5).tolist()
    [0.25, 0.5, 0.25]
    """
    from scipy.special import gammaln, xlog1py, xlogy

    x = np.asarray(x, dtype=np.float64)[..., None]
    k = np.arange(m + 1, dtype=np.float64)
    log_comb = gammaln(m + 1.0) - gammaln(k + 1.0) - gammaln(m - k + 1.0)
    weights: NDArray[np.float64] = np.exp(log_comb + xlogy(k, x) + xlog1py(m - k, -x))
    return weights


#: Binomial weights further than this many standard deviations (of Binomial(m, 1/2)) from the
#: mean are left out of expectations over large m: each is below exp(-72) of the largest.
WINDOW_SD = 12


def expect(m: int, x: NDArray[np.float64], arrays: tuple[NDArray[np.float64], ...]
            ) -> list[NDArray[np.float64]]:
    """``sum_k C(m, k) x^k (1 - x)^(m - k) a[k]`` for each array ``a``, shape ``x.shape``.

    For large ``m`` only the weights within ``WINDOW_SD`` standard deviations of ``m x`` are
    summed (O(sqrt(m)) per point instead of O(m); the rest are below exp(-72) of the total).
    """
    half = int(np.ceil(WINDOW_SD * np.sqrt(m / 4))) + 12
    if 2 * half + 1 >= m + 1:
        w = binomial_weights(m, x)
        return [w @ a for a in arrays]
    from scipy.special import gammaln, xlog1py, xlogy

    flat = np.atleast_1d(x).ravel()
    outs = [np.empty(flat.shape) for _ in arrays]
    log_m = gammaln(m + 1.0)
    step = max(1, 4_000_000 // (2 * half + 1))
    for i in range(0, flat.size, step):
        xs = flat[i : i + step, None]
        start = np.clip(np.round(m * xs).astype(np.int64) - half, 0, m - 2 * half)
        k = start + np.arange(2 * half + 1)
        kf = k.astype(np.float64)
        logw = (log_m - gammaln(kf + 1.0) - gammaln(m - kf + 1.0) + xlogy(kf, xs)
                + xlog1py(m - kf, -xs))
        w = np.exp(logw)
        for out, a in zip(outs, arrays, strict=True):
            out[i : i + step] = np.sum(w * a[k], axis=1)
    return [out.reshape(np.shape(x)) if np.ndim(x) else out[0] for out in outs]
