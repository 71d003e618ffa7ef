"""The engine of Signorino's two-player strategic models: data, probabilities, likelihood.

Player 1 chooses Left or Right; after each choice either the game ends (one outcome) or
Player 2 chooses Left or Right (two outcomes, Player 2's utility of the Left one normalized
to zero). ``egame12`` (the deterrence game) ends after Left and lets Player 2 choose after
Right; ``egame122`` lets Player 2 choose after both. Every utility is linear in its
regressors, so the score of an observation with respect to a utility is one number and the
gradient is a sum of regressor rows weighted by it (:func:`loglik_and_gradient`).

The formulas, the overview and the references are in :mod:`multilateral.estimation.strategic`.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

from .._namespace import public_dir
from ..errors import (
    InvalidArgumentError,
    InvalidTypeError,
    NotIdentifiedError,
    UnknownKeyError,
)
from ..tolerances import LP_FEASIBILITY

__all__ = ["SPECS", "Design", "Separated", "Spec", "check_identified", "check_options",
           "check_separation", "design", "loglik_and_gradient", "loglik_per_observation",
           "outcome_codes", "probabilities", "separating_direction", "start_values"]
__dir__ = public_dir(__all__)

_SQRT2 = float(np.sqrt(2.0))
#: A binary fit with an index beyond this is checked for separation by a linear program: on
#: separated data BFGS stops only once the score is below its gradient tolerance, at an index
#: of about 4.4 or more under probit (11 under logit), so 3 catches every such stop.
_SEPARATED_INDEX = 3.0


@dataclass(frozen=True)
class Spec:
    """The tree of one model: each of Player 1's branches is a terminal outcome (one
    equation: Player 1's utility) or Player 2's choice (Player 1's utilities of its Left and
    Right outcomes, and Player 2's utility of the Right one)."""

    name: str
    equations: tuple[str, ...]  # in parameter order
    outcomes: tuple[str, ...]  # outcome names, left to right in the tree
    left: tuple[str, ...]  # Player 1's equations after Left: (terminal,) or (A, B)
    left_p2: str | None  # Player 2's equation after Left (None: terminal)
    right: tuple[str, str]
    right_p2: str
    normalized: Mapping[str, str]  # utilities fixed at zero, and why

    @property
    def player1(self) -> tuple[str, ...]:
        return (*self.left, *self.right)


SPECS = {
    "egame12": Spec(
        "egame12", ("u11", "u13", "u14", "u24"), ("sq", "cap", "war"), ("u11",), None,
        ("u13", "u14"), "u24",
        {"u23": "Player 2's utility for capitulation is normalized to 0",
         "u21": "Player 2's utility for the status quo is not identified (Player 2 does "
                "not move there)",
         "u12": "egame12 has no outcome 2 (Player 2 moves only after a challenge; "
                "egame122 has u12)",
         "u22": "egame12 has no outcome 2 (egame122 has u22)"}),
    "egame122": Spec(
        "egame122", ("u11", "u12", "u13", "u14", "u22", "u24"),
        ("LL", "LR", "RL", "RR"), ("u11", "u12"), "u22", ("u13", "u14"), "u24",
        {"u21": "Player 2's utility for outcome LL is normalized to 0",
         "u23": "Player 2's utility for outcome RL is normalized to 0"}),
}


def check_options(kind: Any, link: Any) -> tuple[str, str]:
    if kind not in ("agent", "private"):
        raise InvalidArgumentError(
            f"kind must be 'agent' (agent error) or 'private' (private information), got "
            f"{kind!r}")
    if link not in ("probit", "logit"):
        raise InvalidArgumentError(f"link must be 'probit' or 'logit', got {link!r}")
    if kind == "private" and link == "logit":
        raise InvalidArgumentError(
            "link='logit' has no closed form under private information: Player 1 compares "
            "a weighted sum of three or four extreme-value errors, which is not logistic "
            "(the games package also refuses it and switches to probit); use "
            "link='probit' with kind='private', or kind='agent' with the logit")
    return str(kind), str(link)


@dataclass(frozen=True)
class Design:
    """Regressor matrices of every equation (zero columns: the utility is fixed at 0)."""

    matrices: dict[str, NDArray[np.float64]]
    columns: dict[str, tuple[str, ...]]
    n: int

    def names(self) -> tuple[str, ...]:
        return tuple(f"{eq}: {col}" for eq, cols in self.columns.items() for col in cols)

    def split(self, params: NDArray[np.float64]) -> dict[str, NDArray[np.float64]]:
        out, start = {}, 0
        for eq, cols in self.columns.items():
            out[eq] = params[start:start + len(cols)]
            start += len(cols)
        return out

    def utilities(self, params: NDArray[np.float64]) -> dict[str, NDArray[np.float64]]:
        return {eq: self.matrices[eq] @ beta for eq, beta in self.split(params).items()}


def _matrix(value: Any, eq: str) -> tuple[NDArray[np.float64] | None, tuple[str, ...]]:
    """One equation's regressors as a float matrix and its column names (None: fixed 0)."""
    if value is None:
        return None, ()
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if value != 1:
            raise InvalidArgumentError(
                f"regressors[{eq!r}] = {value!r}: a number means a constant and must be 1 "
                "(use None to fix the utility at 0)")
        return np.ones((0, 1)), ("const",)
    columns: tuple[str, ...] | None = None
    if isinstance(value, Mapping):  # regressor name -> column (1: a constant)
        if not value:
            raise InvalidArgumentError(f"regressors[{eq!r}] is an empty mapping")
        columns = tuple(str(name) for name in value)
        cols = [np.asarray(c, dtype=object) for c in value.values()]
        rows = {c.size for c in cols if c.ndim == 1}
        if len(rows) > 1 or any(c.ndim > 1 for c in cols):
            raise InvalidArgumentError(
                f"regressors[{eq!r}] maps names to columns of one length each, got lengths "
                f"{sorted(rows)}")
        if any(c.ndim == 0 and c.item() != 1 for c in cols):
            raise InvalidArgumentError(
                f"regressors[{eq!r}]: a number in place of a column means a constant and "
                "must be 1")
        if not rows:  # constants only: their rows come from the other equations
            return np.ones((0, len(cols))), columns
        size = rows.pop()
        value = np.column_stack([np.full(size, 1.0) if c.ndim == 0 else c for c in cols])
    elif hasattr(value, "columns") and hasattr(value, "to_numpy"):  # a pandas DataFrame
        columns = tuple(str(c) for c in value.columns)
        value = value.to_numpy(dtype=float)
    elif hasattr(value, "name") and hasattr(value, "to_numpy"):  # a pandas Series
        columns = (str(value.name),)
        value = value.to_numpy(dtype=float)
    if isinstance(value, (str, bytes)):
        raise InvalidTypeError(
            f"regressors[{eq!r}] must be a matrix of numbers (one row per observation), a "
            f"mapping of names to columns, 1 (a constant) or None, got {type(value).__name__}")
    try:
        arr = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidTypeError(
            f"regressors[{eq!r}] must be a matrix of numbers (one row per observation), got "
            f"{value!r:.80}") from None
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[1] == 0:
        raise InvalidArgumentError(
            f"regressors[{eq!r}] must be a matrix with one row per observation and at least "
            f"one column, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise InvalidArgumentError(f"regressors[{eq!r}] must be finite; found NaN or infinity")
    if columns is None:
        columns = ("x",) if arr.shape[1] == 1 else tuple(
            f"x{j + 1}" for j in range(arr.shape[1]))
    return arr, columns


def design(spec: Spec, regressors: Any, n: int | None = None) -> Design:
    """Validate the regressors of every equation (unknown or normalized utilities refused;
    a missing equation is fixed at zero)."""
    if not isinstance(regressors, Mapping):
        raise InvalidTypeError(
            f"regressors must be a mapping from utility equation ({', '.join(spec.equations)}) "
            f"to its regressor matrix, got {type(regressors).__name__}")
    for key in regressors:
        if key in spec.normalized:
            raise NotIdentifiedError(
                f"regressors[{key!r}]: {spec.normalized[key]}, so the data cannot identify "
                f"regressors there; {spec.name} estimates {', '.join(spec.equations)}")
        if key not in spec.equations:
            raise UnknownKeyError(
                f"regressors has an unknown utility {key!r}; {spec.name} has "
                f"{', '.join(spec.equations)}")
    parsed = {eq: _matrix(regressors.get(eq), eq) for eq in spec.equations}
    rows = {eq: m.shape[0] for eq, (m, cols) in parsed.items() if m is not None and m.shape[0]}
    if n is None:
        if not rows:
            raise InvalidArgumentError(
                "regressors has no matrix with rows: give at least one equation's regressors "
                "as a matrix (a constant alone needs the number of observations)")
        n = next(iter(rows.values()))
    wrong = {eq: r for eq, r in rows.items() if r != n}
    if wrong:
        raise InvalidArgumentError(
            f"every regressor matrix needs one row per observation ({n}); got "
            + ", ".join(f"{eq}: {r}" for eq, r in wrong.items()))
    matrices: dict[str, NDArray[np.float64]] = {}
    columns: dict[str, tuple[str, ...]] = {}
    for eq, (m, cols) in parsed.items():
        if m is None:
            matrices[eq], columns[eq] = np.zeros((n, 0)), ()
        else:
            matrices[eq] = np.ones((n, m.shape[1])) if m.shape[0] == 0 else m
            columns[eq] = cols
    return Design(matrices, columns, int(n))


def check_identified(spec: Spec, d: Design, codes: NDArray[np.int64]) -> None:
    """Refuse what the data cannot identify before fitting: collinear regressors within an
    equation, a regressor in every one of Player 1's utilities (Lewis and Schultz 2003), a
    move of Player 1 never observed. (An outcome of Player 2 never observed is separation,
    decided with the fit: :func:`start_values`.)"""
    for eq in spec.equations:
        x = d.matrices[eq]
        if x.shape[1] and np.linalg.matrix_rank(x) < x.shape[1]:
            raise NotIdentifiedError(
                f"the regressors of {eq} ({', '.join(d.columns[eq])}) are collinear "
                f"(rank {np.linalg.matrix_rank(x)} of {x.shape[1]} columns): drop one")
    first, *others = spec.player1
    for j in range(d.matrices[first].shape[1]):
        col = d.matrices[first][:, j]
        if all(any(np.array_equal(col, d.matrices[eq][:, k])
                   for k in range(d.matrices[eq].shape[1])) for eq in others):
            raise NotIdentifiedError(
                f"the regressor {d.columns[first][j]!r} enters every utility of Player 1 "
                f"({', '.join(spec.player1)}): only differences of Player 1's utilities "
                "matter, so its coefficients are not identified (Lewis and Schultz 2003); "
                "drop it from one of them (e.g. fix u13 at 0)")
    counts = np.bincount(codes, minlength=len(spec.outcomes))
    n_left = len(spec.left)
    if counts[:n_left].sum() == 0 or counts[n_left:].sum() == 0:
        side = "Left" if counts[:n_left].sum() == 0 else "Right"
        raise NotIdentifiedError(
            f"Player 1 never chooses {side} in the data: the model is not identified")


def outcome_codes(spec: Spec, outcomes: Any) -> NDArray[np.int64]:
    """Outcomes as codes 0..K-1 (numbers, the outcome names, or two 0/1 columns: Player 1
    moved Right, Player 2 moved Right)."""
    if hasattr(outcomes, "to_numpy"):
        outcomes = outcomes.to_numpy()
    arr = np.asarray(outcomes)
    allowed = ", ".join(f"{k} ({name!r})" for k, name in enumerate(spec.outcomes))
    if arr.ndim == 2 and arr.shape[1] == 2 and arr.shape[0] and arr.dtype.kind in "biuf":
        if not np.all((arr == 0) | (arr == 1)):
            raise InvalidArgumentError(
                "outcomes as two columns must be 0/1 indicators (Player 1 moved Right, "
                "Player 2 moved Right), got other values")
        right1, right2 = arr[:, 0].astype(bool), arr[:, 1].astype(np.int64)
        n_left = len(spec.left)
        left = np.zeros(len(arr), np.int64) if spec.left_p2 is None else right2
        return np.asarray(np.where(right1, n_left + right2, left), dtype=np.int64)
    if arr.ndim != 1 or arr.size == 0:
        raise InvalidArgumentError(
            f"outcomes must be a non-empty 1-d sequence, got shape {arr.shape}")
    if arr.dtype.kind in "US" or arr.dtype == object:
        lookup = {name: k for k, name in enumerate(spec.outcomes)}
        bad = [v for v in arr.tolist() if v not in lookup]
        if bad:
            raise InvalidArgumentError(
                f"outcomes holds {bad[0]!r}, which {spec.name} does not allow; its outcomes "
                f"are {allowed}")
        return np.array([lookup[v] for v in arr.tolist()], dtype=np.int64)
    if arr.dtype == bool or arr.dtype.kind not in "iuf":
        raise InvalidTypeError(
            f"outcomes must be outcome numbers or names ({allowed}), got dtype {arr.dtype}")
    ok = np.isfinite(arr) & (arr == np.round(arr)) & (arr >= 0) & (arr < len(spec.outcomes))
    if not np.all(ok):
        bad_value = arr[~ok][0].item()
        hint = (" (numbered from 1 as in R's games package? subtract 1)"
                if bad_value == len(spec.outcomes) else "")
        raise InvalidArgumentError(
            f"outcomes holds {bad_value!r}, which {spec.name} does not allow; its outcomes "
            f"are {allowed}{hint}")
    return arr.astype(np.int64)


def _log_cdf(x: NDArray[np.float64], link: str) -> NDArray[np.float64]:
    return np.asarray(special.log_ndtr(x) if link == "probit" else special.log_expit(x))


def _hazard(x: NDArray[np.float64], link: str) -> NDArray[np.float64]:
    """f(x) / F(x), the derivative of log F, computed in log space."""
    if link == "probit":
        return np.asarray(np.exp(-0.5 * x * x - 0.5 * np.log(2 * np.pi) - special.log_ndtr(x)))
    return np.asarray(special.expit(-x))


def _density(x: NDArray[np.float64], link: str) -> NDArray[np.float64]:
    if link == "probit":
        return np.asarray(np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi))
    e = special.expit(x)
    return np.asarray(e * (1.0 - e))


def _cdf(x: NDArray[np.float64], link: str) -> NDArray[np.float64]:
    return np.asarray(special.ndtr(x) if link == "probit" else special.expit(x))


@dataclass
class _Stage:
    """Player 2's and Player 1's indices at every observation."""

    a: dict[str, NDArray[np.float64]]  # Player 2's index u / sqrt(2), by branch
    q: dict[str, NDArray[np.float64]]  # probability Player 2 chooses Right, by branch
    m: NDArray[np.float64]  # Player 1's expected utility of Right minus Left
    s: NDArray[np.float64]  # its scale
    b: NDArray[np.float64]  # m / s


def _stage(spec: Spec, u: dict[str, NDArray[np.float64]], kind: str, link: str) -> _Stage:
    a, q, eu, sq = {}, {}, {}, {}
    n = len(next(iter(u.values())))
    for side, eqs, p2 in (("L", spec.left, spec.left_p2), ("R", spec.right, spec.right_p2)):
        if p2 is None:
            eu[side], sq[side] = u[eqs[0]], np.ones(n)
        else:
            a[side] = u[p2] / _SQRT2
            q[side] = _cdf(a[side], link)
            eu[side] = u[eqs[0]] + q[side] * (u[eqs[1]] - u[eqs[0]])
            sq[side] = (1.0 - q[side]) ** 2 + q[side] ** 2
    m = eu["R"] - eu["L"]
    s = np.full(n, _SQRT2) if kind == "agent" else np.sqrt(sq["L"] + sq["R"])
    return _Stage(a, q, m, s, m / s)


def probabilities(spec: Spec, d: Design, params: NDArray[np.float64], kind: str,
                  link: str) -> NDArray[np.float64]:
    """Outcome probabilities, shape ``(n, len(spec.outcomes))``."""
    st = _stage(spec, d.utilities(params), kind, link)
    p_right = _cdf(st.b, link)
    cols = []
    for side, weight in (("L", 1.0 - p_right), ("R", p_right)):
        if side in st.q:
            cols += [weight * (1.0 - st.q[side]), weight * st.q[side]]
        else:
            cols.append(weight)
    return np.column_stack(cols)


def loglik_and_gradient(spec: Spec, d: Design, params: NDArray[np.float64],
                        codes: NDArray[np.int64], kind: str, link: str
                        ) -> tuple[float, NDArray[np.float64]]:
    """The log-likelihood and its gradient (analytic)."""
    ll, grad = _loglik(spec, d, params, codes, kind, link)
    return float(ll.sum()), grad


def loglik_per_observation(spec: Spec, d: Design, params: NDArray[np.float64],
                           codes: NDArray[np.int64], kind: str, link: str
                           ) -> NDArray[np.float64]:
    """Each observation's log-likelihood (in log space: no underflow to -inf)."""
    return _loglik(spec, d, params, codes, kind, link)[0]


def _loglik(spec: Spec, d: Design, params: NDArray[np.float64], codes: NDArray[np.int64],
            kind: str, link: str) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    u = d.utilities(params)
    st = _stage(spec, u, kind, link)
    n_left = len(spec.left)
    right = codes >= n_left
    sign = np.where(right, 1.0, -1.0)
    # Player 1's choice: log F(sign * b)
    ll = _log_cdf(sign * st.b, link)
    lam1 = sign * _hazard(sign * st.b, link)  # d ll / d b
    score = {eq: np.zeros(d.n) for eq in spec.equations}  # d ll_i / d u_eq
    for side, eqs, p2, offset, sgn in (("L", spec.left, spec.left_p2, 0, -1.0),
                                       ("R", spec.right, spec.right_p2, n_left, 1.0)):
        if p2 is None:
            score[eqs[0]] += lam1 * sgn / st.s
            continue
        q, a = st.q[side], st.a[side]
        score[eqs[0]] += lam1 * sgn * (1.0 - q) / st.s
        score[eqs[1]] += lam1 * sgn * q / st.s
        db_dq = sgn * (u[eqs[1]] - u[eqs[0]]) / st.s
        if kind == "private":
            db_dq = db_dq - st.m * (2.0 * q - 1.0) / st.s ** 3
        dq_du = _density(a, link) / _SQRT2
        score[p2] += lam1 * db_dq * dq_du
        # Player 2's choice, for the observations in this branch
        here = (codes == offset) | (codes == offset + 1)
        chose_right = codes == offset + 1
        sign2 = np.where(chose_right, 1.0, -1.0)
        ll = ll + np.where(here, _log_cdf(sign2 * a, link), 0.0)
        score[p2] += np.where(here, sign2 * _hazard(sign2 * a, link) / _SQRT2, 0.0)
    grad = np.concatenate([d.matrices[eq].T @ score[eq] for eq in spec.equations])
    return np.asarray(ll), grad


def separating_direction(x: NDArray[np.float64], y: NDArray[np.bool_]
                         ) -> NDArray[np.float64] | None:
    """Coefficients that predict the binary choice ``y`` perfectly from ``x`` (complete or
    quasi-complete separation: a probit's or logit's estimates are infinite), or None.

    A linear program looks for coefficients ``beta`` in ``[-1, 1]`` with
    ``s_i x_i beta >= 0`` for every observation (``s_i = +1`` if ``y_i``, else ``-1``) and a
    positive sum; it has one exactly when the data are separated (Konis 2007). Each column is
    first scaled to largest absolute value 1, so that a regressor's units do not hide a
    separation.
    """
    from scipy import optimize

    sx = np.where(y, 1.0, -1.0)[:, None] * x
    norms = np.max(np.abs(sx), axis=0) if len(sx) else np.ones(x.shape[1])
    norms = np.where(norms > 0, norms, 1.0)
    sx = sx / norms
    res = optimize.linprog(-sx.sum(axis=0), A_ub=-sx, b_ub=np.zeros(len(sx)),
                           bounds=[(-1.0, 1.0)] * x.shape[1], method="highs")
    scale = float(np.abs(sx).sum())
    if res.status == 0 and -res.fun > LP_FEASIBILITY * max(scale, 1.0):
        return np.asarray(res.x) / norms
    return None


def _separation_message(what: str, columns: tuple[str, ...], beta: NDArray[np.float64],
                        extra: str = "") -> str:
    scaled = np.abs(beta) / (float(np.max(np.abs(beta))) or 1.0)
    used = [columns[j] for j in np.flatnonzero(scaled > LP_FEASIBILITY)]
    return (f"{what} is perfectly predicted by its regressors ({', '.join(used)}){extra}: "
            "separation, so the maximum-likelihood estimates are infinite; drop or merge "
            "the regressor, or add data where the prediction fails")


def check_separation(x: NDArray[np.float64], y: NDArray[np.bool_], what: str,
                     columns: tuple[str, ...]) -> None:
    """Refuse a binary choice that the regressors predict perfectly
    (:func:`separating_direction`)."""
    beta = separating_direction(x, y)
    if beta is not None:
        raise NotIdentifiedError(_separation_message(what, columns, beta))


def _binary(x: NDArray[np.float64], y: NDArray[np.bool_], link: str, what: str,
            columns: tuple[str, ...], refuse: bool = True
            ) -> tuple[NDArray[np.float64], bool]:
    """A probit or logit of ``y`` on ``x``, and whether the data are separated. The fit runs
    on columns scaled to largest absolute value 1 (so that on separated data it runs off in
    any units), and the linear program of :func:`separating_direction` only when it looks
    separated: it failed, or some fitted index exceeds ``_SEPARATED_INDEX``. With ``refuse``
    separation raises NotIdentifiedError; without, the runaway estimate is returned and
    flagged."""
    from scipy import optimize

    sign = np.where(y, 1.0, -1.0)
    norms = np.max(np.abs(x), axis=0) if len(x) else np.ones(x.shape[1])
    norms = np.where(norms > 0, norms, 1.0)
    xs = x / norms

    def f(beta: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        z = sign * (xs @ beta)
        return (float(-_log_cdf(z, link).sum()),
                np.asarray(-(xs.T @ (sign * _hazard(z, link)))))

    res = optimize.minimize(f, np.zeros(x.shape[1]), jac=True, method="BFGS")
    beta = np.asarray(res.x) / norms
    ok = bool(res.success) and bool(np.all(np.isfinite(beta)))
    direction = None
    if not ok or np.max(np.abs(x @ beta)) > _SEPARATED_INDEX:
        direction = separating_direction(x, y)
    if direction is not None and refuse:
        raise NotIdentifiedError(_separation_message(what, columns, direction))
    separated = direction is not None
    if not np.all(np.isfinite(beta)) or (not ok and not separated):
        beta = np.zeros(x.shape[1])
    return beta, separated


@dataclass(frozen=True)
class Separated:
    """Player 2's choice in one branch, perfectly predicted by his regressors: whether the
    joint likelihood's maximum is finite is decided by the fit (Player 1's choices also
    carry information on Player 2's utility), from two starts."""

    equation: str  # Player 2's utility
    offset: int  # code of the branch's Left outcome
    message: str  # the refusal, if the estimates run away
    runaway: NDArray[np.float64]  # coefficients far along the separating direction


def start_values(spec: Spec, d: Design, codes: NDArray[np.int64], kind: str,
                 link: str) -> tuple[NDArray[np.float64], list[Separated]]:
    """Statistical backward induction (Bas, Signorino and Walker 2008): Player 2's binary
    choices first, then Player 1's given the fitted probabilities of Player 2.

    A separated choice of Player 1 is refused (its estimates are infinite in the joint
    likelihood too). A separated choice of Player 2 is returned in the list: its start is
    the runaway probit shrunk to largest index ``_SEPARATED_INDEX``, and the fit decides."""
    n_left = len(spec.left)
    beta: dict[str, NDArray[np.float64]] = {eq: np.zeros(d.matrices[eq].shape[1])
                                            for eq in spec.equations}
    q: dict[str, NDArray[np.float64]] = {}
    separated: list[Separated] = []
    for side, p2, offset in (("L", spec.left_p2, 0), ("R", spec.right_p2, n_left)):
        if p2 is None:
            continue
        x = d.matrices[p2]
        here = (codes == offset) | (codes == offset + 1)
        if x.shape[1]:
            chose = codes[here] == offset + 1
            move = "Left" if side == "L" else "Right"
            what = f"Player 2's choice after Player 1's {move} ({p2})"
            b, is_separated = _binary(x[here] / _SQRT2, chose, link, what, d.columns[p2],
                                      refuse=False)
            if is_separated:
                direction = separating_direction(x[here], chose)
                assert direction is not None
                never = [spec.outcomes[offset + k] for k in (0, 1)
                         if not np.any(codes[here] == offset + k)]
                extra = f" (no observation ends in {never[0]!r})" if never else ""
                top = float(np.max(np.abs(x[here] @ b))) / _SQRT2
                b = b * min(1.0, _SEPARATED_INDEX / top) if top > 0 else b
                # far along the separating direction: an index of 3 * _SEPARATED_INDEX
                reach = float(np.max(np.abs(x[here] @ direction))) / _SQRT2
                separated.append(Separated(p2, offset, _separation_message(
                    what, d.columns[p2], direction, extra),
                    b + direction * (3 * _SEPARATED_INDEX / reach)))
            beta[p2] = b
        q[side] = _cdf(x @ beta[p2] / _SQRT2, link)
    columns, owners = [], []
    sq = {}
    for side, eqs, sgn in (("L", spec.left, -1.0), ("R", spec.right, 1.0)):
        if side in q:
            weights = [1.0 - q[side], q[side]]
            sq[side] = (1.0 - q[side]) ** 2 + q[side] ** 2
        else:
            weights = [np.ones(d.n)]
            sq[side] = np.ones(d.n)
        for eq, w in zip(eqs, weights, strict=True):
            columns.append(sgn * w[:, None] * d.matrices[eq])
            owners.append(eq)
    s = np.full(d.n, _SQRT2) if kind == "agent" else np.sqrt(sq["L"] + sq["R"])
    x1 = np.hstack(columns) / s[:, None]
    if x1.shape[1]:
        names = tuple(f"{eq}: {col}" for eq in owners for col in d.columns[eq])
        b1, _ = _binary(x1, codes >= n_left, link, "Player 1's choice", names)
        start = 0
        for eq, block in zip(owners, columns, strict=True):
            beta[eq] = b1[start:start + block.shape[1]]
            start += block.shape[1]
    return np.concatenate([beta[eq] for eq in spec.equations]), separated
