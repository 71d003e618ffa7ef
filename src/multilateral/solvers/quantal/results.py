"""Result objects of the logit QRE solvers: a QRE at one ``lam`` and a traced branch."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import format_number, format_values, readonly
from ...errors import InvalidArgumentError
from ._homotopy import Path, correct_at

if TYPE_CHECKING:
    from ._homotopy import QRESystem

__all__ = ["LogitQRE", "QREBranch"]
__dir__ = public_dir(__all__)

FloatArray = NDArray[np.float64]

#: Bisection steps locating ``lam`` on the cubic between two branch points.
_BISECTIONS = 60


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategies", tuple(readonly(s) for s in self.strategies))

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
    points: FloatArray = field(repr=False)
    tangents: FloatArray = field(repr=False)

    def __len__(self) -> int:
        return len(self.lam)

    @property
    def end(self) -> LogitQRE:
        """The last point (at ``lam_max``, or the approximate Nash equilibrium)."""
        return self._qre(self.points[-1])

    def _qre(self, x: FloatArray) -> LogitQRE:
        return LogitQRE(strategies=self.system.profile(x), lam=float(x[-1]),
                        residual=self.system.residual(x))

    def at(self, lam: float) -> LogitQRE:
        """The QRE on this branch at ``lam``: the first segment that crosses ``lam``,
        interpolated by the cubic through its end points and tangents, then corrected at
        ``lam`` to the branch's ``tol``.

        Raises
        ------
        InvalidArgumentError
            When ``lam`` is outside ``[0, lam[-1]]`` of the traced points.
        """
        value = float(lam)
        lams = self.lam
        if not math.isfinite(value) or value < 0 or value > float(lams.max()):
            raise InvalidArgumentError(
                f"lam = {lam!r} is outside the traced branch [0, {float(lams.max()):g}]; "
                "trace further with qre_branch(game, lam_max=...)")
        hits = np.flatnonzero(lams == value)
        if hits.size:
            return self._qre(self.points[hits[0]])
        k = int(np.flatnonzero((lams[:-1] - value) * (lams[1:] - value) < 0)[0])
        a, b = self.points[k], self.points[k + 1]
        ta, tb = self.tangents[k], self.tangents[k + 1]
        length = float(np.linalg.norm(b - a))

        def cubic(s: float) -> FloatArray:
            h00 = 2 * s**3 - 3 * s**2 + 1
            h10 = s**3 - 2 * s**2 + s
            h01 = -2 * s**3 + 3 * s**2
            h11 = s**3 - s**2
            out: FloatArray = h00 * a + h10 * length * ta + h01 * b + h11 * length * tb
            return out

        lo, hi = 0.0, 1.0
        sign = 1.0 if b[-1] > a[-1] else -1.0
        for _ in range(_BISECTIONS):
            mid = 0.5 * (lo + hi)
            if sign * (cubic(mid)[-1] - value) < 0:
                lo = mid
            else:
                hi = mid
        x = correct_at(self.system, cubic(0.5 * (lo + hi)), value, self.tol)
        return self._qre(x)

    def __repr__(self) -> str:
        return (f"QREBranch({len(self)} points, lam 0 to {format_number(float(self.lam[-1]))};"
                f" end {self.end!r})")


def make_branch(system: QRESystem, path: Path, tol: float) -> QREBranch:
    """A :class:`QREBranch` from a traced path (for the solvers of this package)."""
    points = np.asarray(path.points, dtype=np.float64)
    profiles = [system.profile(x) for x in points]  # type: ignore[attr-defined]
    blocks = tuple(np.asarray([p[b] for p in profiles]) for b in range(len(profiles[0])))
    return QREBranch(lam=readonly(points[:, -1]), strategies=tuple(readonly(b) for b in blocks),
                     residuals=readonly(path.residuals), tol=tol, steps=path.steps,
                     rejected=path.rejected, system=system, points=readonly(points),
                     tangents=readonly(np.asarray(path.tangents, dtype=np.float64)))
