"""The connection polynomial of an integer Krylov sequence, by Berlekamp-Massey modulo primes.

For an integer matrix ``M`` whose rows sum to ``q`` and an integer block ``U``, the sequence
``c_k = M^k U`` satisfies a linear recurrence ``sum_j C_j c_(k-j) = 0`` with ``C_0 = 1``
and integer ``C_j``: ``C`` is the reversed minimal polynomial of ``M`` relative to ``U``, a
monic factor of ``M``'s characteristic polynomial, in ``Z[x]`` by Gauss's lemma. Its roots
are eigenvalues of ``M`` (``|lambda| <= q``), so ``|C_j| <= binom(L, j) q^j <= (1 + q)^L``.

:func:`connection_mod` runs the Krylov sequence and Berlekamp-Massey in int64 modulo
several primes below ``2**31`` at once (vectorized over the primes; no big integers), and
:func:`crt_symmetric` rebuilds each ``C_j`` from its residues once the primes' product
exceeds twice that bound. The caller verifies the result exactly (``sum_j C_j c_(L-j) = 0``
in integers): a wrong order (an unlucky projection or prime) is caught there, never
returned. This replaces Berlekamp-Massey in Fractions, whose gcds dominated the exact
subgame-perfection threshold with noise (Fractions with denominators ``50**3`` and more).

The overview and the references are in :mod:`multilateral.solvers.repeated`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["bits_bound", "bm_mod", "connection_mod", "crt_symmetric", "integer_recurrence",
           "primes"]

#: The primes are below 2**31: a product of two residues fits in int64.
_TOP = 2**31


@functools.cache
def _prime_list(count: int) -> tuple[int, ...]:
    out: list[int] = []
    n = _TOP - 1
    while len(out) < count:
        if _is_prime(n):
            out.append(n)
        n -= 2
    return tuple(out)


def _is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin for ``n < 2**32`` (bases 2, 7, 61)."""
    if n < 2 or n % 2 == 0:
        return n == 2
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in (2, 7, 61):
        if a % n == 0:
            continue
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def primes(count: int, avoid: int = 1) -> list[int]:
    """The ``count`` largest primes below ``2**31`` that do not divide ``avoid``.

    The caller passes the scale ``q`` of ``M = q P``: modulo a prime that divides ``q``,
    ``M`` is degenerate (its rows sum to 0), its sequence's order drops, and the screening
    order would never match the common one (with ``noise = 1/(2**31 - 1)`` every attempt
    failed and the Fraction fallback took 3-5 s instead of 0.1 s).
    """
    out: list[int] = []
    found = count
    avoid = abs(avoid) or 1  # every prime divides 0
    while len(out) < count:
        found += count
        out = [p for p in _prime_list(found) if avoid % p][:count]
    return out


def bits_bound(order: int, q: int) -> int:
    """Bits of twice the bound ``(1 + q)^order`` on the connection polynomial's coefficients."""
    return order * (q + 1).bit_length() + 2


def _residues(values: NDArray[Any], ps: NDArray[np.int64]) -> NDArray[np.int64]:
    """Python ints (an object array of any shape) modulo each prime: shape + (m,)."""
    obj = np.asarray(values, dtype=object)[..., None] % ps.astype(object)
    return np.asarray(obj, dtype=np.int64)


def connection_mod(indptr: NDArray[np.int64], cols: NDArray[np.int64], vals: NDArray[Any],
                   gather: bool, u: NDArray[Any], weights: NDArray[Any], terms: int,
                   ps: Sequence[int]) -> tuple[NDArray[np.int64], int, NDArray[np.bool_]]:
    """Berlekamp-Massey on ``sum(weights * M^k u)`` for ``k < terms``, modulo each prime.

    ``M`` is given by its CSR rows (``vals`` Python ints; ``gather``: one entry 1 per row).
    Returns the connection polynomials ``(m, L + 1)`` (residues), the order ``L`` and which
    primes followed the common branch (a prime that divides a discrepancy the others do not
    is dropped).
    """
    p = np.asarray(ps, dtype=np.int64)
    m = len(p)
    x = _residues(u, p)  # (R, N, m)
    w = _residues(weights, p)
    v = p[None, None, :] if gather else _residues(vals, p)[:, None, :]  # (nnz, 1, m)
    seq = np.empty((terms, m), dtype=np.int64)
    for k in range(terms):
        seq[k] = (w * x % p).reshape(-1, m).sum(axis=0) % p
        if k + 1 < terms:  # one step of M (a gather when every row is one entry 1)
            x = x[cols] if gather else np.add.reduceat(v * x[cols] % p, indptr[:-1],
                                                       axis=0) % p
    return bm_mod(seq, p)


def bm_mod(seq: NDArray[np.int64], p: NDArray[np.int64]
           ) -> tuple[NDArray[np.int64], int, NDArray[np.bool_]]:
    """Berlekamp-Massey on ``seq`` ``(T, m)``, column ``j`` modulo ``p[j]`` (all at once).

    Returns the connection polynomials' residues ``(m, L + 1)``, the order ``L`` and which
    primes followed the common branch.
    """
    terms, m = seq.shape
    conn = np.zeros((m, terms + 1), dtype=np.int64)
    conn[:, 0] = 1
    prev = conn.copy()
    order, gap = 0, 1
    last = np.ones(m, dtype=np.int64)
    good = np.ones(m, dtype=bool)
    for n in range(terms):
        window = seq[n - order:n][::-1].T if order else np.zeros((m, 0), dtype=np.int64)
        d = (seq[n] + (conn[:, 1:order + 1] * window % p[:, None]).sum(axis=1)) % p
        zero = d == 0
        if zero[good].all():
            gap += 1
            continue
        good &= ~zero
        inv = np.array([pow(int(b), int(q) - 2, int(q)) for b, q in zip(last, p, strict=True)],
                       dtype=np.int64)
        coef = d * inv % p
        old = conn.copy()
        shift = coef[:, None] * prev[:, :terms + 1 - gap] % p[:, None]
        conn[:, gap:] = (conn[:, gap:] - shift) % p[:, None]
        if 2 * order <= n:
            order, prev, last, gap = n + 1 - order, old, d, 1
        else:
            gap += 1
    return conn[:, :order + 1], order, good


def crt_symmetric(residues: NDArray[np.int64], ps: Sequence[int]) -> list[int]:
    """Each column of ``residues`` ``(m, K)`` as the integer of least absolute value."""
    modulus = math.prod(int(q) for q in ps)
    basis = []
    for q in ps:
        rest = modulus // int(q)
        basis.append(rest * pow(rest, -1, int(q)))
    out = []
    for col in np.asarray(residues).T.tolist():
        x = sum(r * b for r, b in zip(col, basis, strict=True)) % modulus
        out.append(x - modulus if 2 * x > modulus else x)
    return out


def integer_recurrence(seq: Sequence[int], q: int) -> tuple[list[int], int] | None:
    """The minimal recurrence (``C_0 = 1``, integer) of ``seq``, or None.

    ``seq`` is ``s_k = a M^k b`` for an integer matrix ``M`` whose rows sum to ``q`` (so the
    bound of the module docstring holds) and holds at least twice the order. The result is
    verified on every term: two recurrences of orders ``L1, L2`` that both generate
    ``L1 + L2`` terms generate the same sequence.
    """
    ints = [int(v) for v in seq]
    p1 = np.asarray(primes(1, q), dtype=np.int64)
    _, order, _ = bm_mod(_residues(np.array(ints, dtype=object), p1), p1)
    if 2 * order > len(ints):
        return None
    ps = primes(bits_bound(order, q) // 30 + 2, q)
    pa = np.asarray(ps, dtype=np.int64)
    res, order2, good = bm_mod(_residues(np.array(ints, dtype=object), pa), pa)
    kept = [x for x, g in zip(ps, good, strict=True) if g]
    if order2 != order or sum(x.bit_length() - 1 for x in kept) < bits_bound(order, q):
        return None
    conn = crt_symmetric(res[good], kept)
    for n in range(order, len(ints)):
        if sum(c * ints[n - j] for j, c in enumerate(conn)):
            return None
    return conn, order
