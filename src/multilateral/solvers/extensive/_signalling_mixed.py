"""Exact polytopes of beliefs and strategies for the signalling solver, and the support
enumeration of its mixed equilibria (private helpers of :mod:`.signalling`).

Every set here is a bounded polytope ``{x : E x = e, G x >= g}`` (inside a product of
simplices), described exactly by its vertices: each vertex solves ``E x = e`` with ``n -
rank(E)`` inequalities tight (a small exact Gauss-Jordan, :func:`_solve`). The barycenter of
the vertices lies in the relative interior, so a coordinate that is zero there is zero on the
whole polytope: that decides whether a support can be strictly positive.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction
from ...games.extensive.signalling import SignallingGame

__all__ = [
    "Data",
    "Polytope",
    "belief_polytope",
    "best_replies",
    "classify",
    "d1_deleted",
    "game_data",
    "mixed_profiles",
    "payoffs",
    "polytope",
    "pure_profiles",
]
__dir__ = public_dir(__all__)

Row = list[Fraction]
_ZERO, _ONE = Fraction(0), Fraction(1)


@dataclass(frozen=True)
class Data:
    """A signalling game in Fractions: ``prior[t]``, ``us[m][t][a]``, ``ur[m][t][a]``."""

    prior: list[Fraction]
    us: list[list[list[Fraction]]]
    ur: list[list[list[Fraction]]]

    @property
    def n_types(self) -> int:
        return len(self.prior)

    @property
    def n_messages(self) -> int:
        return len(self.us)

    def n_actions(self, m: int) -> int:
        return len(self.us[m][0])


@dataclass(frozen=True)
class Polytope:
    """A polytope by its constraints and exact vertices (empty: no vertices)."""

    n: int
    equalities: tuple[tuple[tuple[Fraction, ...], Fraction], ...]
    inequalities: tuple[tuple[tuple[Fraction, ...], Fraction], ...]
    vertices: tuple[tuple[Fraction, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.vertices

    @property
    def center(self) -> tuple[Fraction, ...]:
        k = len(self.vertices)
        return tuple(sum((v[i] for v in self.vertices), _ZERO) / k for i in range(self.n))

    @property
    def dimension(self) -> int:
        if not self.vertices:
            return -1
        base = self.vertices[0]
        return _rank([[a - b for a, b in zip(v, base, strict=True)] for v in self.vertices[1:]])


def _rank(rows: Sequence[Sequence[Fraction]]) -> int:
    mat = [list(r) for r in rows if any(r)]
    rank, col = 0, 0
    n_cols = len(mat[0]) if mat else 0
    while rank < len(mat) and col < n_cols:
        pivot = next((i for i in range(rank, len(mat)) if mat[i][col] != 0), None)
        if pivot is None:
            col += 1
            continue
        mat[rank], mat[pivot] = mat[pivot], mat[rank]
        for i in range(rank + 1, len(mat)):
            f = mat[i][col] / mat[rank][col]
            if f:
                mat[i] = [a - f * b for a, b in zip(mat[i], mat[rank], strict=True)]
        rank += 1
        col += 1
    return rank


def _solve(rows: list[Row], rhs: list[Fraction]) -> list[Fraction] | None:
    """The unique solution of a small (possibly overdetermined) system, or None.

    Gauss-Jordan in Python Fractions: for the systems of a few unknowns met here it is about
    thirty times faster than :func:`multilateral._numeric.solve_exact` (sympy's
    ``DomainMatrix``, whose conversions dominate at this size; measured 30 us against 0.3 ms
    for a 3 x 3 system). The vertex enumeration solves thousands of them.
    """
    n = len(rows[0])
    mat = [[*r, b] for r, b in zip(rows, rhs, strict=True)]
    for col in range(n):
        pivot = next((i for i in range(col, len(mat)) if mat[i][col] != 0), None)
        if pivot is None:
            return None
        mat[col], mat[pivot] = mat[pivot], mat[col]
        lead = mat[col][col]
        if lead != 1:
            mat[col] = [v / lead for v in mat[col]]
        for i in range(len(mat)):
            if i != col and mat[i][col] != 0:
                f = mat[i][col]
                mat[i] = [a - f * b for a, b in zip(mat[i], mat[col], strict=True)]
    if any(mat[i][n] != 0 for i in range(n, len(mat))):
        return None
    return [mat[i][n] for i in range(n)]


def _dot(c: Sequence[Fraction], x: Sequence[Fraction]) -> Fraction:
    return sum((a * b for a, b in zip(c, x, strict=True)), _ZERO)


def polytope(n: int, eqs: list[tuple[Row, Fraction]], ineqs: list[tuple[Row, Fraction]]
             ) -> Polytope:
    """The vertices of ``{x in R^n : eq rows = rhs, ineq rows >= rhs}`` (bounded)."""
    verts = _vertices(n, [(list(r), b) for r, b in eqs], [(list(r), b) for r, b in ineqs])
    return Polytope(n, tuple((tuple(r), b) for r, b in eqs),
                    tuple((tuple(r), b) for r, b in ineqs), tuple(dict.fromkeys(verts)))


def _vertices(n: int, eqs: list[tuple[Row, Fraction]], ineqs: list[tuple[Row, Fraction]]
              ) -> list[tuple[Fraction, ...]]:
    # variables an equality fixes alone (a type with one message, a message with one
    # action) are substituted first: their bounds can never be tight, and every inequality
    # fewer divides the combinations to try
    fixed: dict[int, Fraction] = {}
    while True:
        unit = next(((r, b) for r, b in eqs
                     if sum(1 for j, c in enumerate(r) if c != 0 and j not in fixed) == 1),
                    None)
        if unit is None:
            break
        row, b = unit
        j = next(j for j, c in enumerate(row) if c != 0 and j not in fixed)
        rest = sum((c * fixed[i] for i, c in enumerate(row) if i in fixed and c != 0), _ZERO)
        fixed[j] = (b - rest) / row[j]
    free = [j for j in range(n) if j not in fixed]

    def reduce(rows: list[tuple[Row, Fraction]]) -> list[tuple[Row, Fraction]]:
        out = []
        for r, b in rows:
            shift = sum((r[j] * v for j, v in fixed.items() if r[j] != 0), _ZERO)
            out.append(([r[j] for j in free], b - shift))
        return out

    r_eqs, r_ineqs = [], []
    for r, b in reduce(eqs):
        if any(r):
            r_eqs.append((r, b))
        elif b != 0:
            return []
    for r, b in reduce(ineqs):
        if any(r):
            r_ineqs.append((r, b))
        elif b > 0:
            return []
    r_ineqs = list({(tuple(r), b): (r, b) for r, b in r_ineqs}.values())
    out = []
    if not free:
        points: list[list[Fraction]] = [[]]
    else:
        eq_rows = [r for r, _ in r_eqs]
        k = len(free) - _rank(eq_rows)
        points = []
        for tight in itertools.combinations(range(len(r_ineqs)), k):
            rows = eq_rows + [r_ineqs[j][0] for j in tight]
            rhs = [b for _, b in r_eqs] + [r_ineqs[j][1] for j in tight]
            sol = _solve(rows, rhs) if rows else None
            if sol is not None and all(_dot(c, sol) >= b for c, b in r_ineqs):
                points.append(sol)
    for sol in points:
        full = [_ZERO] * n
        for j, v in fixed.items():
            full[j] = v
        for j, v in zip(free, sol, strict=True):
            full[j] = v
        out.append(tuple(full))
    return out


def game_data(game: SignallingGame) -> Data:
    """The game's prior and payoff tables in Fractions (floats at their binary values)."""
    prior = [as_fraction(p) for p in game.prior.tolist()]
    total = sum(prior)
    prior = [p / total for p in prior]

    def tables(ts: tuple[NDArray[Any], ...]) -> list[list[list[Fraction]]]:
        return [[[as_fraction(v) for v in row] for row in t.tolist()] for t in ts]

    return Data(prior, tables(game.sender_payoffs), tables(game.receiver_payoffs))


def belief_polytope(data: Data, m: int, best: Sequence[int], among: Sequence[int]
                    ) -> Polytope:
    """Beliefs over the types, supported on ``among``, at which every action in ``best`` is a
    best response of the receiver to message ``m``."""
    t_n, ur = data.n_types, data.ur[m]
    a0 = best[0]
    eqs: list[tuple[Row, Fraction]] = [([_ONE] * t_n, _ONE)]
    eqs += [([_ONE if s == t else _ZERO for s in range(t_n)], _ZERO)
            for t in range(t_n) if t not in among]
    eqs += [([ur[t][a] - ur[t][a0] for t in range(t_n)], _ZERO) for a in best[1:]]
    ineqs: list[tuple[Row, Fraction]] = [
        ([_ONE if s == t else _ZERO for s in range(t_n)], _ZERO) for t in range(t_n)]
    ineqs += [([ur[t][a0] - ur[t][b] for t in range(t_n)], _ZERO)
              for b in range(data.n_actions(m)) if b not in best]
    return polytope(t_n, eqs, ineqs)


def best_replies(data: Data, m: int, among: tuple[int, ...]) -> list[int]:
    """The receiver's actions after ``m`` that are best for some belief on ``among``."""
    return [a for a in range(data.n_actions(m))
            if not belief_polytope(data, m, (a,), among).empty]


def pure_profiles(data: Data) -> list[tuple[list[list[Fraction]], list[list[Fraction]], int]]:
    """Every pure PBE's strategies: the receiver's best replies to Bayes beliefs on the path,
    and off it the actions that are best for some belief."""
    t_n, m_n = data.n_types, data.n_messages
    supportable = [[a for a in range(data.n_actions(m))
                    if not belief_polytope(data, m, (a,), range(t_n)).empty]
                   for m in range(m_n)]
    out = []
    for choice in itertools.product(range(m_n), repeat=t_n):
        options = []
        for m in range(m_n):
            senders = [t for t in range(t_n) if choice[t] == m]
            if not senders:
                options.append(supportable[m])
                continue
            ur = data.ur[m]
            values = [sum((data.prior[t] * ur[t][a] for t in senders), Fraction(0))
                      for a in range(data.n_actions(m))]
            top = max(values)
            options.append([a for a, v in enumerate(values) if v == top])
        for response in itertools.product(*options):
            pay = [[data.us[m][t][response[m]] for m in range(m_n)] for t in range(t_n)]
            if all(pay[t][choice[t]] == max(pay[t]) for t in range(t_n)):
                sender = [[Fraction(int(m == choice[t])) for m in range(m_n)]
                          for t in range(t_n)]
                receiver = [[Fraction(int(a == response[m])) for a in range(data.n_actions(m))]
                            for m in range(m_n)]
                out.append((sender, receiver, 0))
    return out


def d1_deleted(data: Data, m: int, star: list[Fraction]) -> tuple[int, ...]:
    """The types criterion D1 deletes at off-path message ``m`` (equilibrium payoffs
    ``star``): ``t`` when another type strictly gains from every mixed best reply that ``t``
    weakly gains from (checked face by face of the mixed best replies, at vertices)."""
    t_n = data.n_types
    everyone = tuple(range(t_n))
    faces = [r for k in range(1, data.n_actions(m) + 1)
             for r in itertools.combinations(range(data.n_actions(m)), k)
             if not belief_polytope(data, m, r, everyone).empty]

    def covered(t: int, other: int) -> bool:
        for face in faces:
            k = len(face)
            unit = [[Fraction(int(i == j)) for j in range(k)] for i in range(k)]
            part = polytope(k, [([_ONE] * k, _ONE)], [(u, _ZERO) for u in unit]
                            + [([data.us[m][t][a] for a in face], star[t])])
            for v in part.vertices:
                gain = sum((p * data.us[m][other][a] for p, a in zip(v, face, strict=True)),
                           _ZERO)
                if gain <= star[other]:
                    return False
        return True

    return tuple(t for t in range(t_n) if any(covered(t, o) for o in range(t_n) if o != t))


def classify(sender: list[list[Fraction]]) -> str:
    """The kind of equilibrium a sender strategy makes (see SignallingEquilibrium)."""
    if any(max(row) < 1 for row in sender):
        return "semi-separating"
    sent = [row.index(max(row)) for row in sender]
    if len(set(sent)) == 1:
        return "pooling"
    return "separating" if len(set(sent)) == len(sent) else "partially pooling"


def payoffs(data: Data, sender: list[list[Fraction]], receiver: list[list[Fraction]]
            ) -> tuple[list[Fraction], Fraction]:
    """Each type's payoff and the receiver's expected payoff under a behaviour profile."""
    m_n = data.n_messages
    type_pay = [sum((sender[t][m] * p * data.us[m][t][a] for m in range(m_n)
                     for a, p in enumerate(receiver[m])), _ZERO) for t in range(data.n_types)]
    rec_pay = sum((data.prior[t] * sender[t][m] * p * data.ur[m][t][a]
                   for t in range(data.n_types) for m in range(m_n)
                   for a, p in enumerate(receiver[m])), _ZERO)
    return type_pay, rec_pay


def _subsets(n: int) -> list[tuple[int, ...]]:
    return [c for k in range(1, n + 1) for c in itertools.combinations(range(n), k)]


def mixed_profiles(data: Data) -> list[tuple[list[list[Fraction]], list[list[Fraction]], int]]:
    """Every support profile's equilibria: ``(sender, receiver, dimension)`` with the
    barycenter of the profile's strategy polytope as representative (behaviour
    probabilities per type and per message), ``dimension`` that polytope's dimension.

    The sender's supports ``S_t`` fix the types sending each message; the receiver's support
    ``R_m`` at a message is kept only if some belief (strictly positive on the senders of
    ``m`` when ``m`` is sent; any belief off the path) makes all of ``R_m`` best. Then the
    receiver's indifference and optimality conditions are linear in the sender's
    probabilities (Bayes' rule multiplied through by the prior) and the sender's in the
    receiver's, so the equilibria of a support profile are a product of two polytopes.
    """
    t_n, m_n = data.n_types, data.n_messages
    cache: dict[tuple[int, tuple[int, ...], tuple[int, ...]], bool] = {}

    def admissible(m: int, best: tuple[int, ...], senders: tuple[int, ...]) -> bool:
        key = (m, best, senders)
        if key not in cache:
            poly = belief_polytope(data, m, best, senders or tuple(range(t_n)))
            cache[key] = not poly.empty and (
                not senders or all(poly.center[t] > 0 for t in senders))
        return cache[key]

    out = []
    for supports in itertools.product(_subsets(m_n), repeat=t_n):
        senders = [tuple(t for t in range(t_n) if m in supports[t]) for m in range(m_n)]
        options = [[r for r in _subsets(data.n_actions(m)) if admissible(m, r, senders[m])]
                   for m in range(m_n)]
        on = [m for m in range(m_n) if senders[m]]
        off = [m for m in range(m_n) if not senders[m]]
        for on_responses in itertools.product(*(options[m] for m in on)):
            chosen = dict(zip(on, on_responses, strict=True))
            sig = _sender_polytope(data, supports, chosen, senders)
            if sig is None:
                continue
            for off_responses in itertools.product(*(options[m] for m in off)):
                chosen.update(zip(off, off_responses, strict=True))
                responses = tuple(chosen[m] for m in range(m_n))
                if not _may_be_optimal(data, supports, responses):
                    continue
                rho = _receiver_polytope(data, supports, responses)
                if rho is None:
                    continue
                (sender, d1), (receiver, d2) = sig, rho
                out.append((sender, receiver, d1 + d2))
    return out


def _may_be_optimal(data: Data, supports: tuple[tuple[int, ...], ...],
                    responses: tuple[tuple[int, ...], ...]) -> bool:
    """A quick necessary condition: each type's messages can each be worth at least what
    any other message is worth at its lowest (over the receiver's supports)."""
    for t, sup in enumerate(supports):
        low = [min(data.us[m][t][a] for a in r) for m, r in enumerate(responses)]
        floor = max(low)
        if any(max(data.us[m][t][a] for a in responses[m]) < floor for m in sup):
            return False
    return True


def _simplices(groups: list[list[int]], n: int
               ) -> tuple[list[tuple[Row, Fraction]], list[tuple[Row, Fraction]]]:
    """Each group of the ``n`` variables sums to one, every variable is >= 0."""
    eqs = [([_ONE if j in group else _ZERO for j in range(n)], _ONE) for group in groups]
    ineqs = [([_ONE if j == k else _ZERO for j in range(n)], _ZERO) for k in range(n)]
    return eqs, ineqs


def _interior(n: int, eqs: list[tuple[Row, Fraction]], ineqs: list[tuple[Row, Fraction]]
              ) -> tuple[list[Fraction], int] | None:
    """The barycenter of the polytope's vertices and its dimension, or None when it is empty
    or has no strictly positive point (a support must be played with positive probability)."""
    poly = polytope(n, eqs, ineqs)
    if poly.empty:
        return None
    center = list(poly.center)
    return None if any(v <= 0 for v in center) else (center, poly.dimension)


def _sender_polytope(data: Data, supports: tuple[tuple[int, ...], ...],
                     responses: dict[int, tuple[int, ...]], senders: list[tuple[int, ...]]
                     ) -> tuple[list[list[Fraction]], int] | None:
    index = {(t, m): k for k, (t, m) in enumerate(
        (t, m) for t in range(len(supports)) for m in supports[t])}
    n = len(index)
    eqs, ineqs = _simplices([[index[t, m] for m in sup] for t, sup in enumerate(supports)], n)
    for m, best in responses.items():
        ur, a0 = data.ur[m], best[0]

        def row_for(a: int, b: int, m: int = m, ur: list[list[Fraction]] = ur) -> Row:
            row = [_ZERO] * n
            for t in senders[m]:
                row[index[t, m]] = data.prior[t] * (ur[t][a] - ur[t][b])
            return row

        eqs += [(row_for(a, a0), _ZERO) for a in best[1:]]
        ineqs += [(row_for(a0, b), _ZERO) for b in range(data.n_actions(m)) if b not in best]
    interior = _interior(n, eqs, ineqs)
    if interior is None:
        return None
    center, dimension = interior
    sender = [[_ZERO] * data.n_messages for _ in supports]
    for (t, m), k in index.items():
        sender[t][m] = center[k]
    return sender, dimension


def _receiver_polytope(data: Data, supports: tuple[tuple[int, ...], ...],
                       responses: tuple[tuple[int, ...], ...]
                       ) -> tuple[list[list[Fraction]], int] | None:
    index = {(m, a): k for k, (m, a) in enumerate(
        (m, a) for m in range(len(responses)) for a in responses[m])}
    n = len(index)
    eqs, ineqs = _simplices([[index[m, a] for a in best] for m, best in enumerate(responses)], n)

    def value(t: int, m: int, sign: Fraction, row: Row) -> None:
        for a in responses[m]:
            row[index[m, a]] += sign * data.us[m][t][a]

    for t, sup in enumerate(supports):
        m0 = sup[0]
        for m in range(data.n_messages):
            if m == m0:
                continue
            row = [_ZERO] * n
            value(t, m0, _ONE, row)
            value(t, m, -_ONE, row)
            (eqs if m in sup else ineqs).append((row, _ZERO))
    interior = _interior(n, eqs, ineqs)
    if interior is None:
        return None
    center, dimension = interior
    receiver = [[_ZERO] * data.n_actions(m) for m in range(data.n_messages)]
    for (m, a), k in index.items():
        receiver[m][a] = center[k]
    return receiver, dimension
