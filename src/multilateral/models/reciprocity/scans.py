"""Scans over all 4,096 norms: at small errors (:func:`scan_norms`) and in the exact limit of
vanishing errors (:func:`ess_limit`).

**The leading eight.** In the limit of vanishing errors (``noise, assessment_error -> 0``,
``knowledge = 1``), a norm is *cooperative* when residents cooperate and are good up to terms
of the order of the errors, ``1 - h = O(e + mu)``: this holds iff ``p(G, G) = C`` and
``d(G, G, C) = d(G, B, p(G, B)) = d(B, G, p(B, G)) = G`` (then ``h = 1`` is a hyperbolic fixed
point of the error-free dynamics). At ``h = 1``, ``Delta v = b (1 - p(G, B)) - c (1 - p(B,
G))`` and the ESS conditions become sign conditions on ``A in {-1, 0, 1}``. :func:`ess_limit`
evaluates them exactly: the cooperative norms that are ESS for every ``b / c > 1`` are exactly
Ohtsuki & Iwasa's leading eight, and the cooperative norms that are ESS only for ``b / c > 2``
are the "secondary sixteen" of Schmid et al. (2023). Norms whose bad images are cleared only
when two bad members meet (``1 - h ~ sqrt(e + mu)``) and mirror images (G and B exchanged)
are not cooperative in this sense. With knowledge ``q < 1`` every threshold is divided by
``q``: the leading eight need ``b / c > 1 / q``, which is Nowak's rule for indirect
reciprocity.

References
----------
.. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [2] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can maintain
   cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239, 435-444.
.. [3] Schmid, L., Ekbatani, F., Hilbe, C. and Chatterjee, K. (2023). Indirect reciprocity
   with stochastic and dual reputation updates. *PLoS Computational Biology* 19(7),
   e1011271.
.. [4] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
   stability in indirect reciprocity under noise. arXiv:2509.08006.

Examples
--------
>>> import multilateral as ml
>>> [n.name for n in ml.models.ess_limit().norms(ratio=1)]
['L8', 'L6', 'L2', 'L5', 'L7', 'L4', 'L1', 'L3']
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction, format_number, is_exact, readonly
from ..._validation import check_probability, check_real
from ...errors import InvalidArgumentError
from ...types import Number
from .dynamics import check_ess_errors, limit_bounds, public_analysis
from .norms import ACTION_BITS, ASSESSMENT_BITS, Norm

__all__ = ["LimitScan", "NormScan", "ess_limit", "scan_norms"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False, eq=False)
class NormScan:
    """Every one of the 256 x 16 norms at given error rates (public assessment).

    Attributes
    ----------
    noise, assessment_error, knowledge : float
        Execution error, assessment error, probability of knowing the recipient's image.
    reputation : numpy.ndarray
        ``reputation[a, p]``: stationary fraction of good members under assessment rule ``a``
        and action rule ``p``; shape ``(256, 16)``.
    cooperation : numpy.ndarray
        The residents' cooperation rate, shape ``(256, 16)``.
    lower, upper : numpy.ndarray
        The norm is a strict ESS exactly for ``lower < b/c < upper``.

    See Also
    --------
    scan_norms : what returns it.
    LimitScan : the same in the limit of vanishing errors.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
       in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
    .. [2] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
       stability in indirect reciprocity under noise. arXiv:2509.08006.

    Examples
    --------
    >>> import multilateral as ml
    >>> scan = ml.models.scan_norms(noise=1e-4, assessment_error=1e-4)
    >>> int(scan.ess(1.5).sum()) > 8, len(scan.cooperative_ess(1.5))
    (True, 8)
    """

    noise: float
    assessment_error: float
    knowledge: float
    reputation: NDArray[np.float64]
    cooperation: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]

    def __post_init__(self) -> None:
        for name in ("reputation", "cooperation", "lower", "upper"):
            object.__setattr__(self, name, readonly(getattr(self, name), name=name))

    def ess(self, ratio: Number) -> NDArray[np.bool_]:
        """Which norms are a strict ESS at ``b / c = ratio``, shape ``(256, 16)``.

        See Also
        --------
        cooperative_ess : the cooperative ones among them.
        LimitScan : the same as the errors vanish.
        """
        r = float(check_real(ratio, "ratio (b/c)", low=0, open_low=True))
        out: NDArray[np.bool_] = (self.lower < r) & (r < self.upper)
        return out

    def cooperative(self, margin: float = 10.0) -> NDArray[np.bool_]:
        """Norms whose residents are good and cooperate up to ``margin`` times the error
        rate: ``1 - reputation <= margin (noise + assessment_error)`` and the same for
        cooperation.

        See Also
        --------
        cooperative_ess : those that are also an ESS.
        """
        eps = margin * (self.noise + self.assessment_error)
        out: NDArray[np.bool_] = (1 - self.reputation <= eps) & (1 - self.cooperation <= eps)
        return out

    def norms(self, mask: ArrayLike) -> tuple[Norm, ...]:
        """The norms where a ``(256, 16)`` boolean mask is true, ordered by id.

        See Also
        --------
        ess : the mask it reads.
        """
        m = np.asarray(mask, dtype=bool)
        if m.shape != (256, 16):
            raise InvalidArgumentError(f"mask must have shape (256, 16), got {m.shape}")
        return tuple(Norm(int(a), int(p)) for a, p in np.argwhere(m))

    def cooperative_ess(self, ratio: Number, margin: float = 10.0) -> tuple[Norm, ...]:
        """Norms that are a strict ESS at ``ratio`` and cooperative (see :meth:`cooperative`).

        See Also
        --------
        ess : every norm that is an ESS.
        leading_eight : Ohtsuki and Iwasa's eight norms.
        """
        return self.norms(self.ess(ratio) & self.cooperative(margin))

    def __repr__(self) -> str:
        return (f"NormScan(4096 norms, noise={self.noise:g}, "
                f"assessment_error={self.assessment_error:g}, knowledge={self.knowledge:g})")


def scan_norms(noise: Number = 0.01, assessment_error: Number = 0.01,
               knowledge: Number = 1) -> NormScan:
    """Stationary reputations, cooperation and ESS ranges of all 4,096 norms at once.

    Vectorized over the 256 assessment rules and 16 action rules (about a millisecond); the
    arithmetic is floating point (the stationary states are roots of quadratics).

    Parameters
    ----------
    noise, assessment_error : number
        Execution and assessment errors (``0 < assessment_error < 1``).
    knowledge : number, default 1
        Probability that a donor knows the recipient's image.

    Returns
    -------
    NormScan

    See Also
    --------
    ess_limit : the exact analysis as the errors vanish.
    IndirectReciprocity.ess_range : one norm.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation
       dynamics in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
    .. [2] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for
       evolutionary stability in indirect reciprocity under noise. arXiv:2509.08006.

    Examples
    --------
    >>> import multilateral as ml
    >>> scan = ml.models.scan_norms(noise=1e-4, assessment_error=1e-4)
    >>> [n.name for n in scan.cooperative_ess(1.5)]
    ['L8', 'L6', 'L2', 'L5', 'L7', 'L4', 'L1', 'L3']
    >>> len(scan.cooperative_ess(3))   # the leading eight and the secondary sixteen
    24
    """
    ef = check_probability(noise, "noise")
    muf = check_probability(assessment_error, "assessment_error")
    qf = check_probability(knowledge, "knowledge")
    check_ess_errors(muf)
    res = public_analysis(ASSESSMENT_BITS[:, None], ACTION_BITS[None], ef, muf, qf)
    return NormScan(ef, muf, qf, res["h"], res["cooperation"], res["lower"], res["upper"])


@dataclass(frozen=True, repr=False, eq=False)
class LimitScan:
    """The ESS analysis of all 4,096 norms in the limit of vanishing errors.

    Attributes
    ----------
    knowledge : Fraction
        Probability that a donor knows the recipient's image.
    bounds : dict
        ``{(assessment, action): (lower, upper)}`` for every cooperative norm (residents good
        and cooperating up to terms of the order of the errors); the norm is an ESS for
        ``lower < b/c < upper`` when the errors are small enough. Exact Fractions (``upper``
        may be ``inf``).

    See Also
    --------
    ess_limit : what returns it.
    NormScan : the same at positive errors.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can maintain
       cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239, 435-444.
    .. [2] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
       stability in indirect reciprocity under noise. arXiv:2509.08006.

    Examples
    --------
    >>> import multilateral as ml
    >>> list(ml.models.ess_limit().thresholds())
    [Fraction(1, 1), Fraction(2, 1)]
    """

    knowledge: Fraction
    bounds: dict[tuple[int, int], tuple[Number, Number]]

    def thresholds(self) -> dict[Number, tuple[Norm, ...]]:
        """The cooperative ESS norms grouped by their least ``b / c`` (empty ranges omitted).

        See Also
        --------
        norms : the norms of one threshold.
        """
        groups: dict[Number, list[Norm]] = {}
        for (a, p), (lo, hi) in sorted(self.bounds.items(), key=lambda kv: 16 * kv[0][0]
                                       + kv[0][1]):
            if lo < hi:
                groups.setdefault(lo, []).append(Norm(a, p))
        return {k: tuple(v) for k, v in sorted(groups.items())}

    def norms(self, ratio: Number) -> tuple[Norm, ...]:
        """The cooperative norms that are an ESS exactly for ``b / c > ratio``.

        See Also
        --------
        thresholds : every threshold with its norms.
        """
        return self.thresholds().get(Fraction(ratio), ())

    def __repr__(self) -> str:
        counts = ", ".join(f"b/c > {k}: {len(v)}" for k, v in self.thresholds().items())
        return (f"LimitScan(knowledge={format_number(self.knowledge)}, {len(self.bounds)} "
                f"cooperative norms; ESS {counts})")


def ess_limit(knowledge: Number = 1) -> LimitScan:
    """The ESS analysis of all 4,096 norms as execution and assessment errors vanish, exact.

    A norm is *cooperative* when, as the errors vanish, its residents are good and cooperate
    except for terms of the order of the errors; this holds iff ``p(G, G) = C`` and
    ``d(G, G, C) = G`` and the error-free donor who meets a bad recipient stays good while a
    bad donor who meets a good one becomes good (for ``knowledge < 1``: ``T(G, B) + T(B, G) >
    1`` with ``T`` averaged over knowing and not knowing). At ``h = 1`` the ESS conditions of
    :mod:`~multilateral.models.reciprocity.dynamics` reduce to sign conditions; the function
    solves them exactly (a float ``knowledge`` is read as the decimal it prints as).

    Parameters
    ----------
    knowledge : number, default 1
        Probability that a donor knows the recipient's image (``0 < knowledge <= 1``).

    Returns
    -------
    LimitScan

    See Also
    --------
    scan_norms : the same at small positive errors.
    leading_eight : the eight norms it finds for every ``b / c > 1``.
    IndirectReciprocity.limit_ess_range : one norm.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can
       maintain cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239,
       435-444.
    .. [2] Schmid, L., Ekbatani, F., Hilbe, C. and Chatterjee, K. (2023). Indirect
       reciprocity with stochastic and dual reputation updates. *PLoS Computational
       Biology* 19(7), e1011271.

    Examples
    --------
    The leading eight of Ohtsuki & Iwasa are the cooperative norms that are an ESS for every
    ``b > c``; Schmid et al.'s secondary sixteen need ``b > 2c``:

    >>> import multilateral as ml
    >>> limit = ml.models.ess_limit()
    >>> limit
    LimitScan(knowledge=1, 256 cooperative norms; ESS b/c > 1: 8, b/c > 2: 16)
    >>> set(limit.norms(1)) == set(ml.models.leading_eight())
    True
    >>> ml.models.ess_limit(knowledge=0.5)
    LimitScan(knowledge=1/2, 320 cooperative norms; ESS b/c > 2: 8, b/c > 4: 16)
    """
    checked = check_probability(knowledge, "knowledge", exact=True, open_low=True)
    q = as_fraction(checked) if is_exact(checked) else Fraction(str(checked))
    bounds = {}
    for a in range(256):
        for p in range(16):
            res = limit_bounds(a, p, q)
            if res is not None:
                bounds[(a, p)] = res
    return LimitScan(q, bounds)
