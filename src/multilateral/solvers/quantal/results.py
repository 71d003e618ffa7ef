"""Result objects of the logit QRE solvers: a QRE at one ``lam`` and a traced branch."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import format_number, format_values, readonly
from ..._validation import check_tol
from ...errors import InvalidArgumentError
from ._homotopy import Path, correct_at, solve

if TYPE_CHECKING:
    from ._homotopy import QRESystem

__all__ = ["LogitQRE", "QREBranch"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]

#: Bisection steps locating ``lam`` on the cubic between two branch points (to 1e-9 of the
#: segment: the corrector takes it from there).
_BISECTIONS = 30


@dataclass(frozen=True, repr=False, eq=False)
class LogitQRE:
    """A logit quantal response equilibrium at one precision ``lam``.

    Attributes
    ----------
    strategies : tuple of numpy.ndarray
        One probability vector per player (every entry positive), or per information set
        for the agent QRE of an extensive-form game.
    lam : float
        The precision.
    residual : float
        Largest ``|p - logit response(p)|`` over every action: what was checked against the
        solver's ``tol``.
    slopes : tuple of numpy.ndarray or None
        ``d strategies / d lam`` along the branch (from the analytic Jacobian: the implicit
        function theorem); None at a turning point, where ``lam`` has no derivative.

    See Also
    --------
    multilateral.solvers.logit_qre : returns it.
    QREBranch : the branch it lies on.

    Examples
    --------
    >>> import multilateral as ml
    >>> qre = ml.solvers.logit_qre(ml.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]]), 1.0)
    >>> [s.round(4).tolist() for s in qre.strategies], qre.residual < 1e-9
    ([[0.5712, 0.4288], [0.4288, 0.5712]], True)
    """

    strategies: tuple[FloatArray, ...]
    lam: float
    residual: float
    slopes: tuple[FloatArray, ...] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategies", tuple(readonly(s) for s in self.strategies))
        if self.slopes is not None:
            object.__setattr__(self, "slopes", tuple(readonly(s) for s in self.slopes))

    def __repr__(self) -> str:
        body = ", ".join(format_values(np.asarray(s, dtype=float)) for s in self.strategies)
        return f"LogitQRE(lam={format_number(self.lam)}; {body})"


@dataclass(frozen=True, repr=False, eq=False)
class QREBranch:
    """The principal branch of logit QRE, traced from ``lam = 0``.

    Attributes
    ----------
    lam : numpy.ndarray
        The precision at each accepted point, shape ``(k,)`` (it decreases for a while past a
        turning point).
    strategies : tuple of numpy.ndarray
        Per player (or information set) an array of shape ``(k, m_i)``: row ``r`` is the
        probability vector at ``lam[r]``.
    residuals : numpy.ndarray
        The fixed-point residual at each point (every one at most ``tol``).
    tol : float
        The residual the trace accepted (and :meth:`at` keeps).
    steps, rejected : int
        Accepted and rejected predictor-corrector steps.
    game : object
        The game whose branch this is.
    system : object
        Its logit QRE equations (what :meth:`at` corrects with).
    points, tangents : numpy.ndarray
        The traced points ``(log-probabilities, lam)``, shape ``(k, M + 1)``, and their unit
        tangents (the predictor-corrector's own coordinates).
    critical_points : tuple of (str, float)
        What the tracer detected on the way, in the order it met them: ``("bifurcation",
        lam)`` where the sign of ``det [J; t]`` changed on the branch itself (a pitchfork,
        crossed straight on; located by bisection to the corrector's accuracy) and
        ``("turning point", lam)`` where ``lam`` has a local extremum along the branch (the
        tangent's ``lam`` component changes sign; located by bisection of the step). A
        crossing that the trace refused as a jump to another branch is not listed; nor is a
        singular point the steps straddle without the determinant changing sign (an even
        number of eigenvalues through zero).

    See Also
    --------
    multilateral.solvers.qre_branch : returns it.
    LogitQRE : one point of it.

    Examples
    --------
    >>> import multilateral as ml
    >>> branch = ml.solvers.qre_branch(ml.NormalFormGame([[9, 0], [0, 1]], [[0, 1], [1, 0]]),
    ...                                lam_max=10)
    >>> float(branch.lam[-1]), bool(branch.residuals.max() <= branch.tol)
    (10.0, True)
    """

    lam: FloatArray
    strategies: tuple[FloatArray, ...]
    residuals: FloatArray
    tol: float
    steps: int
    rejected: int
    system: Any = field(repr=False)
    game: Any = field(repr=False)
    points: FloatArray = field(repr=False)
    tangents: FloatArray = field(repr=False)
    critical_points: tuple[tuple[str, float], ...] = ()

    def __len__(self) -> int:
        return len(self.lam)

    @property
    def end(self) -> LogitQRE:
        """The last point (at ``lam_max``, or the approximate Nash equilibrium)."""
        return self._qre(self.points[-1])

    def _qre(self, x: FloatArray) -> LogitQRE:
        return qre_point(self.system, x)

    def at(self, lam: float, *, after: int = 0, tol: float | None = None) -> LogitQRE:
        """The QRE on this branch at ``lam``: the first segment (from point ``after`` on)
        that crosses ``lam``, interpolated by the cubic through its end points and tangents,
        then corrected at ``lam`` to ``tol`` (default: the branch's ``tol``).

        Raises
        ------
        InvalidArgumentError
            When the branch from point ``after`` on does not reach ``lam``.
        """
        value = float(lam)
        lams = self.lam[int(after):]
        if (not math.isfinite(value) or value < float(lams.min())
                or value > float(lams.max())):
            raise InvalidArgumentError(
                f"lam = {lam!r} is outside the traced branch [{float(lams.min()):g}, "
                f"{float(lams.max()):g}]; trace further with qre_branch(game, lam_max=...)")
        tol = self.tol if tol is None else check_tol(tol)
        hits = np.flatnonzero(lams == value)
        if hits.size and tol >= self.tol:
            return self._qre(self.points[int(after) + hits[0]])
        crossing = (lams[:-1] - value) * (lams[1:] - value) <= 0
        k = int(after) + int(np.flatnonzero(crossing)[0])
        a, b = self.points[k], self.points[k + 1]
        ta, tb = self.tangents[k], self.tangents[k + 1]
        length = float(np.linalg.norm(b - a))

        def weights(s: float) -> tuple[float, float, float, float]:
            return (2 * s**3 - 3 * s**2 + 1, (s**3 - 2 * s**2 + s) * length,
                    -2 * s**3 + 3 * s**2, (s**3 - s**2) * length)

        ends = (a[-1], ta[-1], b[-1], tb[-1])  # bisect on lam's cubic alone
        lo, hi = 0.0, 1.0
        sign = 1.0 if b[-1] > a[-1] else -1.0
        for _ in range(_BISECTIONS):
            mid = 0.5 * (lo + hi)
            lam_mid = sum(w * e for w, e in zip(weights(mid), ends, strict=True))
            if sign * (lam_mid - value) < 0:
                lo = mid
            else:
                hi = mid
        h00, h10, h01, h11 = weights(0.5 * (lo + hi))
        guess = h00 * a + h10 * ta + h01 * b + h11 * tb
        x = correct_at(self.system, guess, value, tol)
        return self._qre(x)

    def __repr__(self) -> str:
        return (f"QREBranch({len(self)} points, lam 0 to {format_number(float(self.lam[-1]))};"
                f" end {self.end!r})")


def qre_point(system: QRESystem, x: FloatArray) -> LogitQRE:
    """The :class:`LogitQRE` at a point ``x = (w, lam)`` of a system's branch, with its
    slopes ``d p / d lam`` from ``[J; e_lam] (dw/dlam, 1) = e``."""
    slopes = None
    _, aug = system.evaluate(x)
    aug[-1] = 0.0
    aug[-1, -1] = 1.0
    rhs = np.zeros(aug.shape[0])
    rhs[-1] = 1.0
    try:
        v = solve(aug, rhs)[0]
    except np.linalg.LinAlgError:
        v = None
    if v is not None:
        p = np.exp(x[:-1])
        slopes = tuple(system.split(p * v[:-1]))  # type: ignore[attr-defined]
    return LogitQRE(strategies=system.profile(x), lam=float(x[-1]),  # type: ignore[attr-defined]
                    residual=system.residual(x), slopes=slopes)


def make_branch(system: QRESystem, path: Path, tol: float, game: object) -> QREBranch:
    """A :class:`QREBranch` from a traced path (for the solvers of this package)."""
    points = np.asarray(path.points, dtype=np.float64)
    profiles = [system.profile(x) for x in points]  # type: ignore[attr-defined]
    blocks = tuple(np.asarray([p[b] for p in profiles]) for b in range(len(profiles[0])))
    return QREBranch(lam=readonly(points[:, -1]), strategies=tuple(readonly(b) for b in blocks),
                     residuals=readonly(path.residuals), tol=tol, steps=path.steps,
                     rejected=path.rejected, system=system, game=game,
                     points=readonly(points),
                     tangents=readonly(np.asarray(path.tangents, dtype=np.float64)),
                     critical_points=tuple((kind, float(x[-1]))
                                           for kind, x in (path.critical or [])))
