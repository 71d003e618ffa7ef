"""The reputation engine: stationary images, payoffs and ESS bounds of norms (vectorized).

**Public assessment, infinite population.** Every round each member acts once as a donor
towards a random recipient. With probability ``q`` (``knowledge``) the donor knows the
recipient's image; otherwise it acts as towards a good recipient. An intended cooperation
fails with probability ``e`` (``noise``); the public assessor applies the norm's ``d`` and
assigns the wrong image with probability ``mu`` (``assessment_error``). With
``S(X, Y) = (1 - e)(q p(X, Y) + (1 - q) p(X, G))`` the probability that a donor of image ``X``
helps a recipient of image ``Y``, and ``R(X, Y, A) = mu + (1 - 2 mu) d(X, Y, A)``, a donor
becomes good with probability ``T(X, Y) = S R(X, Y, C) + (1 - S) R(X, Y, D)``, and the
stationary fraction of good members ``h`` solves

    h = h^2 T(G, G) + h (1 - h) [T(G, B) + T(B, G)] + (1 - h)^2 T(B, B).

For ``mu > 0`` it has exactly one root in ``[0, 1]`` (the quadratic is positive at 0 and
negative at 1); in general the engine takes the largest root, the state reached from a
population in good standing.

**ESS conditions.** A rare mutant with another action rule faces the same norm and residents;
its own image is a two-state Markov chain, so its long-run payoff is that of a two-state
average-reward Markov decision process. With ``Delta v`` the value of a good over a bad image
to a resident,

    Delta v = [b (beta_G - beta_B) - c (kappa_G - kappa_B)] / [1 - (tau_G - tau_B)],

where ``beta_X`` is the help a member of image ``X`` receives, ``kappa_X`` what it gives and
``tau_X`` its probability of being good next, the resident's rule is the unique best reply
iff in every decision it takes the action with the larger value; each condition is linear in
``b / c``, so a norm is an ESS exactly on an open interval of ``b / c``
(``public_analysis``). In the limit of vanishing errors the conditions become sign
conditions, solved exactly by ``limit_bounds``.

**Private assessment.** For second-order norms and action rules that look only at the
recipient, the probabilities ``g_k`` that a random observer sees a member of strategy ``k``
as good solve ``g_k = sum_{u, v} P(u, v) [s_k(u) R(v, C) + (1 - s_k(u)) R(v, D)]``
(Radzvilavicius et al. 2019), iterated by ``private_population``.

The functions here are the package's engine, shared by :class:`IndirectReciprocity`, the
scans and the simulators; they take floats and arrays and do not validate.

References
----------
.. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120, pp. 110-114.
.. [2] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
   stability in indirect reciprocity under noise. arXiv:2509.08006.
.. [3] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
   empathetic moral evaluation. *eLife* 8, e44269.

Examples
--------
>>> from multilateral.models.reciprocity.dynamics import public_analysis
>>> from multilateral.models.reciprocity.norms import ACTION_BITS, ASSESSMENT_BITS
>>> res = public_analysis(ASSESSMENT_BITS[153], ACTION_BITS[10], 0.01, 0.01, 1.0)
>>> round(float(res["h"]), 6)
0.980392
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import format_number, readonly
from ..._validation import check_real
from ...errors import InvalidArgumentError, SolverError
from ...tolerances import DEGENERATE, FIXED_POINT, NEGLIGIBLE_GAP, PROBABILITY, ROOT, ROOT_X
from ...types import Number
from .norms import ACTION_BITS, ASSESSMENT_BITS, action_rule, rule_label

__all__ = ["PopulationState"]
__dir__ = public_dir(__all__)

# A quadratic coefficient below DEGENERATE is zero: the reputation polynomial is then linear.
# The private-assessment fixed point (a contraction, iterated with damping) has converged when
# a step is below FIXED_POINT.


@dataclass(frozen=True, repr=False, eq=False)
class PopulationState:
    """Stationary reputations and payoffs of strategies that share one norm.

    Attributes
    ----------
    strategies : tuple of str
        The strategies' labels (action rules).
    frequencies : numpy.ndarray
        Their shares of the population.
    reputations : numpy.ndarray
        Public assessment: the stationary probability that a member of each strategy is good.
        Private assessment: the probability that a random observer sees it as good.
    payoffs : numpy.ndarray
        Each strategy's mean payoff per round (``benefit`` times help received minus ``cost``
        times help given).
    cooperation : float
        The probability that a random donation is made.

    See Also
    --------
    IndirectReciprocity.population : what returns it.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
       in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120, pp. 110-114.
    .. [2] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
       empathetic moral evaluation. *eLife* 8, e44269 (private assessment).

    Examples
    --------
    >>> import multilateral as ml
    >>> model = ml.models.IndirectReciprocity("stern judging", benefit=5, cost=1)
    >>> model.population({"DISC": 0.9, "ALLD": 0.1}).strategies
    ('DISC', 'ALLD')
    """

    strategies: tuple[str, ...]
    frequencies: NDArray[np.float64]
    reputations: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    cooperation: float

    def __post_init__(self) -> None:
        for name in ("frequencies", "reputations", "payoffs"):
            object.__setattr__(self, name, readonly(getattr(self, name), name=name))

    def __repr__(self) -> str:
        rows = ", ".join(f"{s}: x={x:.3g} g={g:.4g} pay={f:.4g}" for s, x, g, f in zip(
            self.strategies, self.frequencies, self.reputations, self.payoffs, strict=True))
        return f"PopulationState({rows}; cooperation={self.cooperation:.4g})"


def largest_root(c2: NDArray[np.float64], c1: NDArray[np.float64], c0: NDArray[np.float64]
                 ) -> NDArray[np.float64]:
    """The largest root in [0, 1] of ``c2 h^2 + c1 h + c0`` (which is >= 0 at 0 and <= 0 at
    1), elementwise; 1 where the polynomial vanishes identically."""
    disc = np.sqrt(np.maximum(c1 * c1 - 4.0 * c2 * c0, 0.0))
    sign = np.where(c1 >= 0, 1.0, -1.0)
    qq = -0.5 * (c1 + sign * disc)
    with np.errstate(divide="ignore", invalid="ignore"):
        r1 = np.where(c2 != 0, qq / c2, np.nan)
        r2 = np.where(qq != 0, c0 / qq, np.nan)
        lin = np.where(c1 != 0, -c0 / c1, np.nan)
    quad = np.abs(c2) > DEGENERATE
    cands = np.stack([np.where(quad, r1, np.nan), np.where(quad, r2, lin)])
    ok = (cands >= -ROOT) & (cands <= 1 + ROOT)
    best = np.where(ok, cands, -np.inf).max(axis=0)
    flat = (~quad) & (np.abs(c1) <= DEGENERATE)  # constant: every h is stationary (or none)
    best = np.where(flat | ~np.isfinite(best), 1.0, best)
    out: NDArray[np.float64] = np.clip(best, 0.0, 1.0)
    return out


def public_analysis(d: NDArray[np.float64], p: NDArray[np.float64], noise: float,
                    assessment_error: float, knowledge: float
                    ) -> dict[str, NDArray[np.float64]]:
    """Stationary state and ESS bounds (in ``b / c``) of assessment rules ``d`` (..., 2, 2, 2)
    with action rules ``p`` (..., 2, 2), broadcast together (public assessment).

    Returns a dict with ``h`` (stationary fraction good), ``cooperation``, ``lower`` and
    ``upper`` (the open ESS interval of ``b / c``; ``inf, -inf`` when empty) and the
    ingredients ``s``, ``t``, ``den``, ``dbeta``, ``dkappa`` of ``Delta v``.
    """
    e, mu, q = noise, assessment_error, knowledge
    r = mu + (1.0 - 2.0 * mu) * d                                     # P(good | X, Y, A)
    s = (1.0 - e) * (q * p + (1.0 - q) * p[..., :, 1:2])              # P(help | X, Y)
    t = r[..., 1] * s + r[..., 0] * (1.0 - s)                         # P(donor good next)
    gg, gb, bg, bb = t[..., 1, 1], t[..., 1, 0], t[..., 0, 1], t[..., 0, 0]
    h = largest_root(gg - gb - bg + bb, gb + bg - 2.0 * bb - 1.0, bb)
    ph = np.stack([1.0 - h, h], axis=-1)                              # P(image = B, G)
    cooperation = np.einsum("...x,...y,...xy->...", ph, ph, s)
    beta = np.einsum("...x,...xy->...y", ph, s)                       # help received by image y
    kappa = np.einsum("...y,...xy->...x", ph, s)                      # help given by image x
    tau = np.einsum("...y,...xy->...x", ph, t)                        # P(good next | image x)
    den = 1.0 - (tau[..., 1] - tau[..., 0])
    dbeta = beta[..., 1] - beta[..., 0]
    dkappa = kappa[..., 1] - kappa[..., 0]
    a = r[..., 1] - r[..., 0]                                         # A(X, Y)
    shape = np.broadcast_shapes((*h.shape, 2, 2), a.shape, p.shape)
    w = np.empty(shape)
    k = np.empty(shape)
    hh = h[..., None]
    w[..., :, 1] = q * hh + 1.0 - q
    k[..., :, 1] = hh * a[..., :, 1] + (1.0 - q) * (1.0 - hh) * a[..., :, 0]
    w[..., :, 0] = q * (1.0 - hh)
    k[..., :, 0] = q * (1.0 - hh) * a[..., :, 0]
    sgn = np.where(np.broadcast_to(p, shape) > 0.5, 1.0, -1.0)
    coef = sgn * k * dbeta[..., None, None]                           # coef * (b/c) > rhs
    rhs = sgn * (w * den[..., None, None] + k * dkappa[..., None, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = np.where(coef > 0, rhs / coef, -np.inf).max(axis=(-1, -2))
        upper = np.where(coef < 0, rhs / coef, np.inf).min(axis=(-1, -2))
    fails = ((coef == 0) & (rhs >= 0)).any(axis=(-1, -2)) | (den <= 0)
    lower = np.where(fails, np.inf, np.maximum(lower, 0.0))
    upper = np.where(fails, -np.inf, upper)
    return {"h": h, "cooperation": cooperation, "lower": lower, "upper": upper, "s": s, "t": t,
            "den": den, "dbeta": dbeta, "dkappa": dkappa}


def check_ess_errors(assessment_error: float) -> None:
    """The ESS analysis at positive errors needs ``0 < assessment_error < 1``."""
    if not 0 < assessment_error < 1:
        raise InvalidArgumentError(
            "the ESS analysis needs assessment errors 0 < assessment_error < 1 (got "
            f"assessment_error = {assessment_error!r}): without them bad images never occur "
            "and decisions off the path of play tie; use ess_limit for the limit of "
            "vanishing errors")


def check_private(assessment: int, rules: Sequence[int]) -> None:
    """Private assessment is implemented for second-order norms and action rules that look
    only at the recipient."""
    if (assessment & 15) != (assessment >> 4):
        raise InvalidArgumentError(
            "private assessment is implemented for second-order norms (the assessment may not "
            f"depend on the donor's own image); norm {assessment} depends on it")
    for rule in rules:
        if (rule & 3) != (rule >> 2):
            raise InvalidArgumentError(
                f"private assessment needs action rules that look only at the recipient "
                f"(ALLC, ALLD, DISC, ANTI); rule {rule} depends on the donor's own image")


def strategy_frequencies(frequencies: Mapping[str | int, Number] | Sequence[Number],
                         strategies: Sequence[str | int] | None
                         ) -> tuple[tuple[str, ...], list[int], NDArray[np.float64]]:
    """Labels, action rules and shares from ``{rule: share}`` or shares and rules."""
    if isinstance(frequencies, Mapping):
        keys, vals = list(frequencies.keys()), list(frequencies.values())
    else:
        keys = list(strategies) if strategies is not None else ["ALLC", "ALLD", "DISC"]
        vals = list(frequencies)
        if len(vals) != len(keys):
            raise InvalidArgumentError(f"frequencies needs one value per strategy ({len(keys)}),"
                                       f" got {len(vals)}")
    if not keys:
        raise InvalidArgumentError("give at least one strategy")
    rules = [action_rule(k) for k in keys]
    x = np.array([float(check_real(v, "frequency", low=0)) for v in vals])
    if abs(x.sum() - 1) > PROBABILITY:
        raise InvalidArgumentError(
            f"frequencies must sum to 1, got {format_number(float(x.sum()))}")
    labels = tuple(k if isinstance(k, str) else rule_label(int(k)) for k in keys)
    return labels, rules, x


def public_population(assessment: int, labels: tuple[str, ...], rules: list[int],
                      x: NDArray[np.float64], benefit: float, cost: float, noise: float,
                      assessment_error: float, knowledge: float) -> PopulationState:
    """Public assessment: each strategy's image given the population's fraction of good
    members ``g``, solved for the largest consistent ``g`` (reached from everyone good)."""
    e, mu, q = noise, assessment_error, knowledge
    r = mu + (1 - 2 * mu) * ASSESSMENT_BITS[assessment]
    p = ACTION_BITS[rules]                                              # (k, X, Y)
    s = (1 - e) * (q * p + (1 - q) * p[:, :, 1:2])
    t = r[None, ..., 1] * s + r[None, ..., 0] * (1 - s)                 # (k, X, Y)

    def images(g: NDArray[np.float64]) -> NDArray[np.float64]:
        g = g[..., None]
        stay = g * t[:, 1, 1] + (1 - g) * t[:, 1, 0]
        rise = g * t[:, 0, 1] + (1 - g) * t[:, 0, 0]
        den = 1 - stay + rise
        with np.errstate(divide="ignore", invalid="ignore"):
            out: NDArray[np.float64] = np.where(den > 0, rise / den, 1.0)
        return out

    from scipy.optimize import brentq

    grid = np.linspace(0.0, 1.0, 257)
    gap = images(grid) @ x - grid
    g = 1.0
    if gap[-1] < -NEGLIGIBLE_GAP:  # a few ulps below 0: the largest sign change, refined by Brent
        idx = np.nonzero(gap[:-1] >= 0)[0]
        lo, hi = (grid[idx[-1]], grid[idx[-1] + 1]) if idx.size else (0.0, grid[1])
        g = float(brentq(lambda v: float(images(np.array([v]))[0] @ x) - v, lo, hi,
                         xtol=ROOT_X, rtol=4 * np.finfo(float).eps))
    h = images(np.array([g]))[0]
    ph = np.stack([1 - h, h], axis=-1)                                  # (k, 2)
    pg = np.array([1 - g, g])
    gives = np.einsum("kx,y,kxy->k", ph, pg, s)
    # help received by a member of strategy k from donors of strategy j
    gets = np.einsum("j,jx,ky,jxy->k", x, ph, ph, s)
    return PopulationState(labels, x, h, benefit * gets - cost * gives, float(x @ gives))


def private_population(assessment: int, labels: tuple[str, ...], rules: list[int],
                       x: NDArray[np.float64], benefit: float, cost: float, noise: float,
                       assessment_error: float, knowledge: float) -> PopulationState:
    """Private assessment: the fixed point of the observers' views, iterated from everyone
    good (second-order norms, action rules that look only at the recipient)."""
    e, mu, q = noise, assessment_error, knowledge
    d2 = ASSESSMENT_BITS[assessment][1]                                 # (Y, A)
    r = mu + (1 - 2 * mu) * d2                                          # (Y, A)
    p = ACTION_BITS[rules][:, 1, :]                                     # (k, Y)
    s = (1 - e) * (q * p + (1 - q) * p[:, 1:2])                         # (k, u)
    # assessment of a donor who plays with prob s(u) towards a recipient seen as v
    val = s[:, :, None] * r[None, None, :, 1] + (1 - s[:, :, None]) * r[None, None, :, 0]
    gk = np.ones(len(rules))
    for _ in range(200_000):
        g, g2 = float(x @ gk), float(x @ gk**2)
        joint = np.array([[1 - 2 * g + g2, g - g2], [g - g2, g2]])      # P(u, v)
        new = np.einsum("uv,kuv->k", joint, val)
        if np.max(np.abs(new - gk)) < FIXED_POINT:
            gk = new
            break
        gk = 0.5 * gk + 0.5 * new
    else:  # pragma: no cover - the map is a contraction for the norms of interest
        raise SolverError("the private-assessment reputations did not converge")
    g = float(x @ gk)
    gives = s[:, 1] * g + s[:, 0] * (1 - g)
    pk = np.stack([1 - gk, gk], axis=-1)                                # (k, 2)
    gets = np.einsum("j,ku,ju->k", x, pk, s)
    return PopulationState(labels, x, gk, benefit * gets - cost * gives, float(x @ gives))


def limit_bounds(assessment: int, action: int, knowledge: Fraction
                 ) -> tuple[Number, Number] | None:
    """Exact ESS bounds on ``b / c`` in the limit ``noise, assessment_error -> 0`` (None if the
    norm is not cooperative in that limit; ``(inf, -inf)`` if it is but is never an ESS)."""
    q = knowledge
    d = ASSESSMENT_BITS[assessment].astype(int)
    p = ACTION_BITS[action].astype(int)

    def t_eff(x: int, y: int) -> Fraction:  # P(good) of an error-free donor
        informed = int(d[x, y, p[x, y]])
        if y == 1:
            return Fraction(informed)
        return q * informed + (1 - q) * int(d[x, y, p[x, 1]])

    if q == 0 or p[1, 1] != 1 or t_eff(1, 1) != 1 or t_eff(1, 0) + t_eff(0, 1) <= 1:
        return None
    # at h = 1: Delta v / c = r q (p_GG - p_GB) - (p_GG - p_BG), denominator 1 - T_GG + T_BG
    den = 1 - t_eff(1, 1) + t_eff(0, 1)
    slope, offset = q * (p[1, 1] - p[1, 0]), Fraction(p[1, 1] - p[0, 1])
    lower: Number = Fraction(0)
    upper: Number = math.inf
    for x in (0, 1):
        for y in (0, 1):
            a = int(d[x, y, 1] - d[x, y, 0])
            sgn = 1 if p[x, y] else -1
            coef, rhs = sgn * a * slope, sgn * (den + a * offset)     # coef r > rhs
            if coef > 0:
                lower = max(lower, rhs / coef)
            elif coef < 0:
                upper = min(upper, rhs / coef)
            elif rhs >= 0:
                return (math.inf, -math.inf)
    return (lower, upper) if lower < upper else (math.inf, -math.inf)
