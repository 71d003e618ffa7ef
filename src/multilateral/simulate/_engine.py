"""The engine of the simulations: many matches between automata advanced as numpy arrays.

Every player of every match is a *seat*; all seats' automaton states live in one integer
array that indexes one concatenated transition table of every automaton in play (each
automaton's states start at its own offset; tables are padded to the largest action set), and
each round's action profile is one code per match, so one lookup of intended actions and one
lookup of next states advance every match, whatever the automata. The only Python loop is
over turns; random numbers (mixed transitions, implementation noise, misreports) are drawn in
blocks of :data:`BLOCK_ENTRIES` from one seeded :class:`numpy.random.Generator`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..automata import Automaton

__all__ = ["BLOCK_ENTRIES", "play_all", "profile_counts"]

BLOCK_ENTRIES = 1 << 20  # random numbers drawn per block (per kind) before the turn loop


def _cdf_rows(prob: NDArray[np.float64]) -> NDArray[np.float64]:
    """Cumulative rows for inverse-transform sampling: ``#(cdf <= u)`` is the sampled index.

    Entries from each row's last positive probability on are ``inf``, so rounding in the
    cumulative sum can never select a state of probability zero.
    """
    cdf = np.cumsum(prob, axis=-1)
    width = prob.shape[-1]
    positive = prob > 0
    last = width - 1 - np.argmax(positive[..., ::-1], axis=-1)
    last = np.where(positive.any(axis=-1), last, 0)
    cdf[np.arange(width) >= last[..., None]] = np.inf
    return cdf


def _int_type(top: int) -> type[np.signedinteger[Any]]:
    """The smallest signed integer type that holds 0..top."""
    for kind in (np.int8, np.int16, np.int32):
        if top <= np.iinfo(kind).max:
            return kind
    return np.int64  # pragma: no cover - more than 2**31 action profiles


def play_all(
    automata: Sequence[Automaton],
    row_aut: NDArray[np.intp],
    col_aut: NDArray[np.intp],
    shape: tuple[int, int],
    turns: int,
    eps: float,
    mu: float,
    rng: np.random.Generator,
) -> NDArray[np.integer[Any]]:
    """Play ``M = len(row_aut)`` matches; return each round's actual profile, ``(turns, M)``.

    Match ``j`` is ``automata[row_aut[j]]`` against ``automata[col_aut[j]]``. A round's
    profile is coded ``a_row * K + a_col`` (``K`` the larger number of actions). Each of the
    ``2 M`` seats keeps its state as a code ``g * K * K``, ``g`` its state's index in one table
    that concatenates every automaton twice, once per role; the column role's table is
    transposed to ``[state, row action, column action]`` like the row role's. So the entry
    after the reported profile ``r`` is ``code + r`` for both seats of a match: a round is
    one lookup of intended actions, one of next states, and a few adds on length-``M``
    arrays, whatever the automata.
    """
    m0, m1 = shape
    k = max(m0, m1)
    k2 = k * k
    n_matches = len(row_aut)
    n_aut = len(automata)
    sizes = np.array([a.n_states for a in automata] * 2, dtype=np.intp)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    n_global, width = int(sizes.sum()), int(sizes.max())
    trans = np.zeros((n_global, k, k, width))
    act_code = np.empty(n_global, dtype=np.intp)
    owner = np.empty(n_global, dtype=np.intp)
    mixed = np.zeros(2 * n_aut, dtype=bool)
    init_prob = np.zeros((2 * n_aut, width))
    for idx in range(2 * n_aut):
        aut = automata[idx % n_aut]
        lo, n = int(offsets[idx]), aut.n_states
        mat = aut.transition_matrix
        # the row role reads [state, own, other, next]; the column role's table is transposed
        # to [state, other, own, next]. An automaton that does not fit a role (another number
        # of actions) is never seated in it: its copy there stays blank.
        role = mat if idx < n_aut else mat.transpose(0, 2, 1, 3)
        if role.shape[1:3] == (m0, m1):
            trans[lo:lo + n, :m0, :m1, :n] = role
        act_code[lo:lo + n] = aut.actions * k if idx < n_aut else aut.actions
        owner[lo:lo + n] = idx
        mixed[idx] = bool(np.any((mat != 0) & (mat != 1)))
        init_prob[idx, :n] = aut.initial
    flat = trans.reshape(n_global * k2, width)
    base = np.repeat(offsets[owner] * k2, k2)  # code of state 0 of each entry's automaton
    nxt, jumps, thresholds = _sampling_tables(flat, base, k2)
    act_code = np.repeat(act_code, k2)  # indexed by code
    seat_aut = np.concatenate([row_aut, col_aut + n_aut])
    # first states
    local = np.argmax(init_prob[seat_aut], axis=1)
    random_init = np.flatnonzero(~np.any(init_prob == 1, axis=1)[seat_aut])
    if random_init.size:
        cdf0 = _cdf_rows(init_prob)[seat_aut[random_init]]
        local[random_init] = (rng.random(random_init.size)[:, None] >= cdf0).sum(axis=1)
    code = (offsets[seat_aut] + local) * k2
    mixed_seats = np.flatnonzero(mixed[seat_aut])
    n_mixed = mixed_seats.size
    binary = m0 == 2 and m1 == 2
    flip_table = None if binary else _flip_table(m0, m1)
    hist = np.empty((turns, n_matches), dtype=_int_type(k2 - 1))
    block = max(1, min(turns, BLOCK_ENTRIES // max(n_matches, 1)))
    for start in range(0, turns, block):
        nb = min(block, turns - start)
        flips = _error_codes(rng, eps, (nb, n_matches), shape, binary) if eps else None
        misreports = _error_codes(rng, mu, (nb, n_matches), shape, binary) if mu else None
        draws = rng.random((nb, n_mixed)) if n_mixed else None
        for t in range(nb):
            intended = act_code[code]
            profile = intended[:n_matches] + intended[n_matches:]
            if flips is not None:
                profile = (profile ^ flips[t] if flip_table is None
                           else flip_table[profile * k2 + flips[t]])
            hist[start + t] = profile
            if misreports is not None:
                profile = (profile ^ misreports[t] if flip_table is None
                           else flip_table[profile * k2 + misreports[t]])
            entry = (code.reshape(2, n_matches) + profile).reshape(-1)
            code = nxt[entry]
            if draws is not None:
                e_m = entry[mixed_seats]
                u = draws[t]
                for jump, thr in zip(jumps, thresholds, strict=True):
                    code[mixed_seats] += jump[e_m] * (u >= thr[e_m])
    return hist


def profile_counts(hist: NDArray[np.integer[Any]], n_prof: int) -> NDArray[np.intp]:
    """How often each profile code occurs in each column of ``hist``: ``(M, n_prof)``."""
    n_matches = hist.shape[1]
    shift = np.arange(n_matches, dtype=np.intp) * n_prof
    counts = np.zeros(n_matches * n_prof, dtype=np.intp)
    step = max(1, BLOCK_ENTRIES // max(n_matches, 1))
    for start in range(0, hist.shape[0], step):  # in blocks of turns, to bound the memory
        code = hist[start:start + step].astype(np.intp)
        code += shift
        counts += np.bincount(code.ravel(), minlength=n_matches * n_prof)
    return counts.reshape(n_matches, n_prof)


_Tables = tuple[NDArray[np.intp], list[NDArray[np.intp]], list[NDArray[np.float64]]]


def _sampling_tables(prob: NDArray[np.float64], base: NDArray[np.intp], k2: int) -> _Tables:
    """Next-state codes for inverse-transform sampling, one row of ``prob`` per table entry.

    With ``s_0 < s_1 < ...`` the states of positive probability of an entry, the next code is
    ``first + sum_k jump_k * (u >= thr_k)``: ``first`` the code of ``s_0``, ``jump_k`` the step
    from ``s_k`` to ``s_(k+1)`` and ``thr_k = P(s_0) + ... + P(s_k)``. Certain transitions
    need no threshold (``first`` is their target); unused thresholds are ``inf``.
    """
    n_entries, width = prob.shape
    positive = prob > 0
    n_pos = positive.sum(axis=1)
    # positive states first, in increasing order; ``width`` pads
    order = np.sort(np.where(positive, np.arange(width), width), axis=1)
    first = base + np.where(n_pos > 0, order[:, 0], 0) * k2
    cdf = np.cumsum(prob, axis=1)
    rows = np.arange(n_entries)
    jumps, thresholds = [], []
    for col in range(int(n_pos.max()) - 1):
        used = n_pos > col + 1
        here = np.minimum(order[:, col], width - 1)
        jumps.append(np.where(used, (order[:, col + 1] - order[:, col]) * k2, 0))
        thresholds.append(np.where(used, cdf[rows, here], np.inf))
    return first, jumps, thresholds


def _flip_table(m0: int, m1: int) -> NDArray[np.intp]:
    """``table[profile * K * K + shift]``: the profile after the shift ``d0 * K + d1``."""
    k = max(m0, m1)
    a0, a1, d0, d1 = np.meshgrid(np.arange(k), np.arange(k), np.arange(k), np.arange(k),
                                 indexing="ij")
    out = ((a0 + d0) % m0) * k + (a1 + d1) % m1
    return np.asarray(out.reshape(-1), dtype=np.intp)


def _error_codes(rng: np.random.Generator, p: float, size: tuple[int, int],
                 shape: tuple[int, int], binary: bool) -> NDArray[np.intp]:
    """Errors of both players of each match as a shift code ``d0 * K + d1``.

    Each player's action is shifted (mod his number of actions) by 0, or with probability
    ``p`` by a uniform 1..m-1: replaced by one of his other actions, uniformly.
    """
    m0, m1 = shape
    k = max(m0, m1)
    hit0, hit1 = _bernoulli(rng, p, (2, *size))
    if binary:  # 2 * flip0 + flip1, applied to the profile code by XOR
        return (hit0.astype(np.intp) << 1) | hit1
    d0 = np.where(hit0, 1 + rng.integers(0, m0 - 1, size=size), 0)
    d1 = np.where(hit1, 1 + rng.integers(0, m1 - 1, size=size), 0)
    return np.asarray(d0 * k + d1, dtype=np.intp)


def _bernoulli(rng: np.random.Generator, p: float, size: tuple[int, ...]) -> NDArray[np.bool_]:
    """Independent events of probability ``p``; rare ones placed by geometric gaps (faster)."""
    n = int(np.prod(size))
    if p > 0.1 or n < 1000:
        return np.asarray(rng.random(size) < p)
    hits = np.zeros(n, dtype=bool)
    pos = -1
    while True:
        expected = (n - pos) * p
        gaps = rng.geometric(p, size=int(expected + 5 * np.sqrt(expected) + 10))
        where = pos + np.cumsum(gaps)
        hits[where[where < n]] = True
        if where[-1] >= n:
            return hits.reshape(size)
        pos = int(where[-1])
