"""A predictor-corrector path follower for the logit QRE correspondence (Turocy 2005).

The unknowns are ``x = (w, lam)``: the log-probabilities ``w`` of every action (player by
player, or information set by information set) and the precision ``lam``. A *system* gives
the ``M`` equations ``H(x) = 0`` and their analytic ``M x (M + 1)`` Jacobian; its zero set
near ``lam = 0`` is one curve, the principal branch, which this module follows by
arclength: an Euler predictor along the unit tangent (the null vector of the Jacobian,
oriented to continue the previous one, so that the branch is followed through turning points
where ``lam`` runs backwards), then Newton's method on the equations plus the hyperplane
through the predicted point orthogonal to the tangent (Keller's pseudo-arclength).

Steps grow while Newton converges in few iterations and halve when it does not, when its
first correction is large against the step, or when the tangent turns too fast (which is
what a jump to another branch would look like), and are rejected when the sign of
``det [J; t]`` changes, unless bisection shows the change is a bifurcation point on the
branch itself (the pitchfork of a symmetric game), which is crossed straight on
(Allgower and Georg 1990, ch. 8). In log-probabilities the branch becomes a
straight line as ``lam`` grows (``w = -lam * regret + const`` for an action that is not a
best response), so the tangent predictor is almost exact there and steps grow
geometrically: ``lam`` = 1e6 is a few hundred steps away.

At every accepted point a system that can (``rebase``) writes its equations relative to
each player's most probable action, for the next step (its corrector, bisections and
determinant signs); the zero set, tangent and sign of ``det [J; t]`` do not change, but
equations written against an action whose probability has underflowed are conditioned as
badly as ``lam * payoff range`` over the live actions' payoff differences (a trace that
stalled at ``lam`` = 6.5e6 with differences of 1e-7 against a range of 3.4).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.linalg.lapack import dgesv
from scipy.sparse.linalg import splu

from ..._namespace import public_dir
from ...errors import SolverError
from ...tolerances import ROOT

__all__ = ["Path", "QRESystem", "SparseAugmented", "correct_at", "solve", "tangent", "trace"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]

#: Newton iterations allowed per corrector step before the step is halved.
MAX_NEWTON = 8
# Step-length adaptation of Allgower and Georg (1990, sec. 6.1): each accepted step is
# measured against nominal values of the corrector's first correction (its distance from
# the branch), of Newton's contraction rate and of the angle between successive tangents;
# the next step is the current one divided by the worst ratio (square roots for the first
# two, which grow with the square of the step), between half and twice the current step.
# A step whose worst ratio exceeds MAX_RATIO is rejected and retried at half length: that
# is what keeps the trace on its branch where another passes close by (at a fold).
#: Nominal length of the first Newton correction (log-probabilities and lam alike).
NOMINAL_DISTANCE = 0.1
#: Nominal contraction rate of Newton's method (second correction / first).
NOMINAL_CONTRACTION = 0.3
#: Nominal angle between successive unit tangents (radians, about 6 degrees).
NOMINAL_ANGLE = 0.1
#: A step is rejected when a measured quantity is this many times its nominal value.
MAX_RATIO = 2.0
#: Step growth per accepted step, at most (and shrinkage at most its inverse).
GROWTH = 2.0
#: A step changes ``lam`` by at most this fraction of ``lam + lam_unit`` (``lam_unit`` the
#: reciprocal of the payoffs' range). The corrector's measures cannot see a sharp corner of
#: the branch ahead (a perturbed bifurcation, where another branch passes close by and the
#: determinant's sign does not tell them apart when the kernel is two-dimensional, as in
#: symmetric coordination games); bounding the relative change of ``lam`` keeps the steps
#: short where the profile changes on the scale ``lam * payoff ~ 1`` and still lets them
#: grow geometrically towards large ``lam``.
LAM_GROWTH = 0.25
#: Consecutive halvings of the step after which the trace fails.
MAX_HALVINGS = 40
#: A trace whose ``lam`` passes this fails: only payoff differences near the smallest
#: normal float (2.2e-308) need it, and ``lam`` itself would overflow a few steps on.
LAM_CEILING = 1e300
# Crossing a bifurcation point (Allgower and Georg 1990, secs. 8.1-8.2). Along one regular
# branch ``det [J; t]`` keeps its sign, turning points included; it changes sign either where
# a step lands on another branch or where the branch passes through a simple bifurcation
# point (a zero of the determinant on the branch, as at the pitchfork of a symmetric game,
# where asymmetric branches leave the symmetric one). When a step that passes every other
# test changes the sign, the step length where the sign changes is bisected: on one branch
# the corrected points on either side of it come together as the interval shrinks (the
# determinant changes sign continuously, through zero), while a jump leaves them a branch
# gap apart. Only the first is crossed, straight on, with the sign reversed.
#: Bisections of the step length that locate a change of the determinant's sign.
BISECTIONS = 40
#: A turning point is located where the unit tangent's ``lam`` component is this small
#: (``lam`` is then within about its square times the curvature radius of the extremum):
#: a root of that component, to the library's root tolerance.
TURNING_SLOPE = ROOT
#: A located sign change is a bifurcation point on the branch when the corrected points on
#: either side of it are at most this many times their arclength apart (plus the corrector's
#: accuracy).
CONTINUITY = 4.0


class QRESystem(Protocol):
    """What the path follower needs of a game's logit QRE equations."""

    size: int  # M, the number of log-probabilities

    def evaluate(self, x: FloatArray) -> tuple[FloatArray, Any]:
        """``H(x)`` (length M) and a fresh ``(M + 1) x (M + 1)`` array (or
        :class:`SparseAugmented`) whose first M rows are the Jacobian at ``x = (w, lam)``
        (the last row is the caller's to fill)."""
        ...  # pragma: no cover

    def residual(self, x: FloatArray) -> float:
        """Largest ``|p - logit response(p)|`` over every action at ``x``."""
        ...  # pragma: no cover


@dataclass
class Path:
    """Points of the branch (rows of ``x``), their unit tangents and residuals."""

    points: list[FloatArray]
    tangents: list[FloatArray]
    residuals: list[float]
    steps: int = 0
    rejected: int = 0
    #: The bifurcation points crossed (located by bisection, see ``BISECTIONS``).
    bifurcations: list[FloatArray] | None = None
    #: The turning points passed (where ``lam`` has a local extremum along the branch),
    #: located by bisection of the step on the sign of the tangent's ``lam`` component.
    turning_points: list[FloatArray] | None = None
    #: Both kinds in the order the trace met them: ``("bifurcation" or "turning point", x)``.
    critical: list[tuple[str, FloatArray]] | None = None


class SparseAugmented:
    """An ``(M + 1) x (M + 1)`` augmented Jacobian whose first ``M`` rows are a sparse
    matrix (``jac``, CSR) and whose last row (the caller's) is dense: what a large system's
    ``evaluate`` returns in place of a dense array. It takes the callers' assignments to its
    last row (``aug[-1] = row``, ``aug[-1, -1] = value``) and :func:`solve` factors it with
    SuperLU; slices of the first ``M`` rows (``aug[:M, :M]``, ``aug[:M, M]``) come back
    dense."""

    def __init__(self, jac: sparse.csr_matrix) -> None:
        self.jac = jac
        self.shape = (jac.shape[0] + 1, jac.shape[1])
        self.last = np.zeros(jac.shape[1])

    def __setitem__(self, key: object, value: object) -> None:
        if key == -1 or key == self.shape[0] - 1:
            self.last[:] = value
        elif isinstance(key, tuple) and len(key) == 2 and key[0] in (-1, self.shape[0] - 1):
            self.last[key[1]] = value
        else:
            raise IndexError("only the last row of an augmented Jacobian can be set")

    def __getitem__(self, key: object) -> FloatArray:
        rows = self.jac.shape[0]
        if isinstance(key, tuple) and len(key) == 2 and key[0] == slice(None, rows):
            out: FloatArray = self.jac[:, key[1]].toarray()
            return out[:, 0] if np.ndim(key[1]) == 0 and not isinstance(key[1], slice) else out
        raise IndexError("only slices of the Jacobian's rows can be read")

    def matrix(self) -> sparse.csc_matrix:
        """The whole augmented matrix, CSC (for SuperLU)."""
        return sparse.vstack([self.jac, sparse.csr_matrix(self.last[None, :])], format="csc")

    def toarray(self) -> FloatArray:
        out: FloatArray = self.matrix().toarray()
        return out


def solve(matrix: FloatArray | SparseAugmented, rhs: FloatArray
          ) -> tuple[FloatArray, Any, Any]:
    """``matrix^-1 rhs`` by LAPACK's ``dgesv`` (numpy's wrapper costs more than the solve at
    these sizes), with the LU factors and pivots (for :func:`det_sign`); a
    :class:`SparseAugmented` by SuperLU (its factorization object, no pivots). Raises
    :class:`numpy.linalg.LinAlgError` on a singular matrix."""
    if isinstance(matrix, SparseAugmented):
        try:
            factor = splu(matrix.matrix())
        except RuntimeError:  # "Factor is exactly singular"
            raise np.linalg.LinAlgError("singular matrix") from None
        sol = np.asarray(factor.solve(np.asarray(rhs, dtype=np.float64)), dtype=np.float64)
        if not math.isfinite(float(sol.sum())):
            raise np.linalg.LinAlgError("singular matrix")
        return sol, factor, None
    lu, piv, out, info = dgesv(matrix, rhs, overwrite_a=True, overwrite_b=True)
    if info != 0 or not math.isfinite(float(out.sum())):
        raise np.linalg.LinAlgError("singular matrix")
    return out, lu, piv


def _parity(perm: NDArray[np.int64]) -> int:
    """0 for an even permutation, 1 for an odd one (``n`` minus its number of cycles; each
    cycle is labelled by its smallest member through pointer doubling)."""
    n = len(perm)
    label = np.arange(n)
    step = np.asarray(perm, dtype=np.int64)
    for _ in range(max(1, int(n).bit_length())):
        label = np.minimum(label, label[step])
        step = step[step]
    cycles = int(np.count_nonzero(label == np.arange(n)))
    return (n - cycles) % 2


def det_sign(lu: Any, piv: FloatArray | None) -> float:
    """The sign of a determinant from ``dgesv``'s LU factors and (0-based) pivots, or from
    a SuperLU factorization (``piv`` None: ``Pr A Pc = L U`` with unit ``L``)."""
    if piv is None:
        negative = int(np.count_nonzero(lu.U.diagonal() < 0))
        swaps = _parity(lu.perm_r) + _parity(lu.perm_c)
    else:
        swaps = int(np.count_nonzero(piv != np.arange(len(piv))))
        negative = int(np.count_nonzero(np.diagonal(lu) < 0))
    return -1.0 if (swaps + negative) % 2 else 1.0


def tangent(system: QRESystem, x: FloatArray, orient: FloatArray) -> FloatArray:
    """The unit tangent at ``x``: the null vector of the Jacobian with a positive product
    with ``orient``."""
    _, aug = system.evaluate(x)
    aug[-1] = orient
    rhs = np.zeros(aug.shape[0])
    rhs[-1] = 1.0
    v = solve(aug, rhs)[0]
    return np.asarray(v / math.sqrt(float(v @ v)), dtype=np.float64)


def orientation(system: QRESystem, x: FloatArray, t: FloatArray) -> float:
    """The sign of ``det [J(x); t]``: constant along a branch, turning points included; it
    changes where a step jumps across a (perturbed) bifurcation to another branch."""
    _, aug = system.evaluate(x)
    aug[-1] = t
    _, lu, piv = solve(aug, np.zeros(aug.shape[0]))
    return det_sign(lu, piv)


def _newton(system: QRESystem, x: FloatArray, row: FloatArray, anchor: FloatArray,
            tol: float, live: NDArray[np.bool_] | None = None
            ) -> tuple[FloatArray, FloatArray, int, float, float, float, float] | None:
    """:func:`_corrector` with floating-point warnings off: a predictor step that overshoots
    gives overflowing probabilities, and the step is then rejected (never returned)."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _corrector(system, x, row, anchor, tol, live)


def _corrector(system: QRESystem, x: FloatArray, row: FloatArray, anchor: FloatArray,
               tol: float, live: NDArray[np.bool_] | None = None
               ) -> tuple[FloatArray, FloatArray, int, float, float, float, float] | None:
    """Newton on ``H = 0`` plus ``row . (x - anchor) = 0``.

    With ``row`` the previous tangent this is the pseudo-arclength corrector, and the same
    factorization gives the new tangent (``[J; row] v = e``, so ``v . row > 0`` keeps the
    orientation); with ``row = e_lam`` it corrects at fixed ``lam``. Returns the point, its
    unit tangent (meaningful for the first use), the iterations, the first correction's
    length, the contraction rate (second correction over first), the sign of
    ``det [J; row]`` at the point and the largest component of the next Newton correction
    (an estimate of the point's distance from the exact solution, large where the
    augmented Jacobian is almost singular), or None when it did not converge. With
    ``live`` (a mask of ``x``'s components) the first correction and the contraction are
    measured on those components alone.
    """
    first = math.inf
    contraction = 0.0
    size = system.size
    rhs = np.empty((size + 1, 2))
    for it in range(MAX_NEWTON + 1):
        h, aug = system.evaluate(x)
        aug[-1] = row
        rhs[:size, 0] = -h
        rhs[size, 0] = -float(row @ (x - anchor))
        rhs[:, 1] = 0.0
        rhs[size, 1] = 1.0
        out, lu, piv = solve(aug, rhs)
        if (it > 0 and float(np.max(np.abs(h))) <= tol * max(1.0, float(np.max(np.abs(x))))
                and system.residual(x) <= tol):
            v = out[:, 1]
            return (x, v / math.sqrt(float(v @ v)), it, first, contraction,
                    det_sign(lu, piv), float(np.max(np.abs(out[:, 0]))))
        if it == MAX_NEWTON:
            break
        delta = out[:, 0]
        seen = delta if live is None else delta[live]
        if it == 0:
            first = math.sqrt(float(seen @ seen))
        elif it == 1 and first > 0:
            contraction = math.sqrt(float(seen @ seen)) / first
        x = x + delta
    return None


def _rebase(system: QRESystem, x: FloatArray | None) -> None:
    """Write a system's equations relative to the most probable actions at ``x`` (``None``:
    back to its default basis), for a system that can (``NormalFormQRE.rebase``): the same
    zero set and tangents, better conditioned where an action's probability underflows."""
    rebase = getattr(system, "rebase", None)
    if rebase is not None:
        rebase(x)


def correct_at(system: QRESystem, x: FloatArray, lam: float, tol: float) -> FloatArray:
    """Newton with ``lam`` fixed at ``lam`` from the guess ``x``; raises if it fails."""
    start = x.copy()
    start[-1] = lam
    row = np.zeros(system.size + 1)
    row[-1] = 1.0
    _rebase(system, start)
    try:
        out = _newton(system, start, row, start, tol)
    except np.linalg.LinAlgError:
        out = None
    finally:
        _rebase(system, None)
    if out is None:
        raise SolverError(f"the logit QRE corrector did not converge at lam = {lam:g}")
    return out[0]


def _step(system: QRESystem, x: FloatArray, t: FloatArray, h: float, tol: float,
          whole: bool = False
          ) -> tuple[FloatArray, FloatArray, int, float, float, float, float] | None:
    """The corrector from the predictor ``x + h t``, or None when it fails.

    The log-probabilities of actions whose probability is 0 in floating point at ``x`` (a
    dead action: ``exp(w) == 0``) are left out of the corrector's hyperplane and of its
    measures (first correction, contraction). Such a ``w`` is ``lam`` times a payoff
    difference, so it bends wherever the live actions' mix moves, by ``lam * payoff range``
    times that move: measured with the rest, it held the steps to a constant length once
    the live actions' payoff differences were small against the range (7149 steps to
    ``lam`` = 7.3e6 on a 3x3 game with differences of 2e-7 against 6.6, now 1946; 2644 to
    1.3e7 on one of 1e-7 against 3.4, now 82), though no probability depends on it. The
    hyperplane row is the
    tangent without those components: its product with the tangent stays positive, so
    ``det [J; row]`` has the sign of ``det [J; t]``. When such an action is alive again at
    the corrected point the step is redone with the whole tangent, and one whose ``w`` is
    rising (an action coming back into play) is not left out. With ``whole`` (the
    bisections of :func:`crosses_bifurcation`) nothing is left out: the sign change is
    located on the family of hyperplanes its continuity test assumes (with the shorter row
    the agent QRE's pitchfork of that second game was placed 0.97 off at lam = 6521762.24,
    with the whole tangent 6e-4 off).
    """
    predicted = x + h * t
    # dead and not rising: a log-probability on its way back to life is measured as before
    # (its probability matters soon, and interpolation across a long step would miss it)
    dead = np.append((np.exp(x[:-1]) == 0.0) & (t[:-1] <= 0.0) & (not whole), False)
    try:
        if dead.any():
            out = _newton(system, predicted, np.where(dead, 0.0, t), predicted, tol, ~dead)
            if out is None or not np.any(np.exp(out[0][:-1][dead[:-1]]) > 0.0):
                return out
        return _newton(system, predicted, t, predicted, tol)
    except np.linalg.LinAlgError:
        return None


def crosses_bifurcation(system: QRESystem, x: FloatArray, t: FloatArray, h: float,
                        sign: float, tol: float) -> FloatArray | None:
    """The bifurcation point (located to ``h / 2**BISECTIONS`` of arclength) where
    ``det [J; t]`` changes sign between ``x`` (sign ``sign``) and the corrected step of
    length ``h``, or None when the change is a jump to another branch (``BISECTIONS``).

    The corrected points on either side may be inaccurate near the bifurcation point: the
    Jacobian is almost singular there, so a residual below ``tol`` leaves them up to
    ``tol / sigma_min`` off the branch along its kernel (the asymmetric direction of a
    symmetric game, whose two players' payoffs are not evaluated bitwise alike). Each
    point's next Newton correction measures that distance, and the gap allows for it.
    """
    lo, hi = 0.0, h
    y_lo = x
    y_hi = None
    e_lo = e_hi = 0.0
    for _ in range(BISECTIONS):
        mid = 0.5 * (lo + hi)
        out = _step(system, x, t, mid, tol, whole=True)
        if out is None:
            return None
        if out[5] == sign:
            lo, y_lo, e_lo = mid, out[0], out[6]
        else:
            hi, y_hi, e_hi = mid, out[0], out[6]
    if y_hi is None:
        out = _step(system, x, t, hi, tol, whole=True)
        if out is None or out[5] == sign:
            return None
        y_hi, e_hi = out[0], out[6]
    gap = float(np.max(np.abs(y_hi - y_lo)))
    if gap <= (CONTINUITY * (hi - lo) + e_lo + e_hi
               + tol * max(1.0, float(np.max(np.abs(y_lo))))):
        return y_hi
    return None


def locate_turning_point(system: QRESystem, x: FloatArray, t: FloatArray, h: float,
                         tol: float, end: float) -> FloatArray:
    """The point where the tangent's ``lam`` component changes sign between ``x`` (tangent
    ``t``) and the corrected step of length ``h`` (an accepted step that passed a turning
    point; ``end`` its tangent's ``lam`` component): regula falsi (the Illinois variant) on
    that component as a function of the step length, each trial a corrector from the
    predictor, until the component is below ``TURNING_SLOPE`` or ``BISECTIONS`` trials;
    the last corrected point (``x`` when a corrector fails)."""
    lo, hi = 0.0, h
    f_lo, f_hi = t[-1], end
    best = x
    side = 0
    for _ in range(BISECTIONS):
        mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        if not lo < mid < hi:
            mid = 0.5 * (lo + hi)
        out = _step(system, x, t, mid, tol)
        if out is None:
            break
        best, f_mid = out[0], out[1][-1]
        if abs(f_mid) <= TURNING_SLOPE:
            break
        if f_mid * f_lo > 0:
            lo, f_lo = mid, f_mid
            if side == -1:
                f_hi *= 0.5
            side = -1
        else:
            hi, f_hi = mid, f_mid
            if side == 1:
                f_lo *= 0.5
            side = 1
    return best


def trace(system: QRESystem, start: FloatArray, *, lam_max: float, tol: float,
          first_step: float, max_step: float, max_steps: int, lam_unit: float = 1.0,
          stop: Callable[[FloatArray], bool] | None = None, turning: bool = False) -> Path:
    """Follow the branch from ``start`` (at ``lam = 0``) until ``lam`` reaches ``lam_max``.

    The last point is exactly at ``lam_max`` (a corrector with ``lam`` fixed, from the
    interpolated crossing) unless ``stop`` ended the trace first (the profile is then an
    approximate Nash equilibrium). With ``turning``, turning points are located and
    recorded (a few correctors each); bifurcation points crossed are recorded always.
    """
    try:
        return _trace(system, start, lam_max=lam_max, tol=tol, first_step=first_step,
                      max_step=max_step, max_steps=max_steps, lam_unit=lam_unit, stop=stop,
                      turning=turning)
    finally:
        _rebase(system, None)


def _trace(system: QRESystem, start: FloatArray, *, lam_max: float, tol: float,
           first_step: float, max_step: float, max_steps: int, lam_unit: float,
           stop: Callable[[FloatArray], bool] | None, turning: bool) -> Path:
    size = system.size
    x = start.astype(np.float64)
    orient = np.zeros(size + 1)
    orient[-1] = 1.0  # leave lam = 0 towards positive lam
    t = tangent(system, x, orient)
    sign = orientation(system, x, t)
    path = Path([x], [t], [system.residual(x)], bifurcations=[], turning_points=[],
                critical=[])
    h = first_step
    halvings = 0
    while path.steps < max_steps:
        if stop is not None and stop(x):
            return path
        if x[-1] > LAM_CEILING:
            raise SolverError(
                f"the logit QRE branch reached lam = {x[-1]:.3g} without the profile "
                f"becoming an approximate Nash equilibrium: the payoffs' range "
                f"({1.0 / lam_unit:.3g}) is near the smallest float; multiply the payoffs "
                "by a constant (the QRE of c * u at lam is that of u at c * lam)")
        reach = LAM_GROWTH * (abs(x[-1]) + lam_unit)
        if h * abs(t[-1]) > reach:
            h = reach / abs(t[-1])
        out = _step(system, x, t, h, tol)
        t_new = None
        ratio = math.inf
        if out is not None:
            xc, t_new, _, first, contraction, new_sign, _ = out
            angle = math.acos(min(1.0, max(-1.0, float(t_new @ t))))
            ratio = max(math.sqrt(first / NOMINAL_DISTANCE),
                        math.sqrt(contraction / NOMINAL_CONTRACTION), angle / NOMINAL_ANGLE)
            if ratio > MAX_RATIO:
                t_new = None
            elif new_sign != sign:
                point = crosses_bifurcation(system, x, t, h, sign, tol)
                if point is not None:
                    sign = new_sign
                    assert path.bifurcations is not None and path.critical is not None
                    path.bifurcations.append(point)
                    path.critical.append(("bifurcation", point))
                else:
                    t_new = None
        end = None
        if t_new is not None and xc[-1] >= lam_max:
            # the crossing: interpolate between x and xc, then fix lam there; where that
            # corrector fails (the interpolation too coarse) the step is taken shorter
            frac = (lam_max - x[-1]) / (xc[-1] - x[-1])
            try:
                end = correct_at(system, x + frac * (xc - x), lam_max, tol)
            except SolverError:
                t_new = None
            _rebase(system, x)  # correct_at leaves the default basis
        if t_new is None:
            path.rejected += 1
            h *= 0.5
            halvings += 1
            if halvings > MAX_HALVINGS:
                raise SolverError(
                    f"the logit QRE branch could not be followed past lam = {x[-1]:.6g} "
                    "(the step size collapsed): is the game degenerate at this point?")
            continue
        path.steps += 1
        halvings = 0
        if turning and t_new[-1] * t[-1] < 0:  # lam turned (its extremum lies inside this step)
            assert path.turning_points is not None and path.critical is not None
            turn = locate_turning_point(system, x, t, h, tol, float(t_new[-1]))
            path.turning_points.append(turn)
            path.critical.append(("turning point", turn))
        if end is not None:
            path.points.append(end)
            path.tangents.append(tangent(system, end, t))
            path.residuals.append(system.residual(end))
            return path
        x, t = xc, t_new
        # each step's equations relative to the actions most probable at its start (the
        # basis is fixed within a step: its correctors, bisections and determinant signs)
        _rebase(system, x)
        path.points.append(x)
        path.tangents.append(t)
        path.residuals.append(system.residual(x))
        h = min(h / min(max(ratio, 1.0 / GROWTH), GROWTH), max_step)
    raise SolverError(
        f"the logit QRE branch reached lam = {x[-1]:.6g} in max_steps = {max_steps} steps "
        f"without reaching lam_max = {lam_max:g}; raise max_steps")
