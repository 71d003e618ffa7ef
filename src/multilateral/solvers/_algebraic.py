"""Exact real roots of integer polynomials as sympy numbers, with public sympy API only.

A :class:`GainRoot` is the one root of a square-free integer polynomial in an isolating
interval ``(lo, hi)`` inside ``(0, 1)``: an exact algebraic number that :func:`sympy.N`
evaluates to any precision (by exact Newton steps and bisection on its own interval, in
Python ints), without factoring the polynomial or isolating its other roots. It is a
:class:`sympy.Expr` built through sympy's documented extension points (``_eval_evalf`` for
numerical evaluation, ``is_*`` class attributes for the assumptions, ``_sympystr`` for
printing), not through sympy's root-isolation internals; ``as_crootof()`` gives sympy's own
canonical :class:`sympy.CRootOf` on request (which factors the polynomial: seconds and more from
degree ~80).

This module imports sympy: import it lazily (only where a root is irrational).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import sympy

from .._namespace import public_dir
from . import _bernstein as bz
from . import _refine

__all__ = ["GainRoot"]
__dir__ = public_dir(__all__)


class GainRoot(sympy.Expr):
    """The real root in ``(lo, hi)`` of ``P(x) = sum_k A_k x^k (1 - x)^(m - k)``.

    ``A`` (ints, ``A_0`` and ``A_m`` nonzero) is square-free as a polynomial and ``(lo, hi)``
    (rationals, ``0 <= lo < hi <= 1``) holds exactly one root of ``P``, with ``P(lo)`` and
    ``P(hi)`` nonzero of opposite signs. The arguments are ``(Tuple(A), lo, hi)``, so the
    object is rebuilt, compared, hashed and pickled from them like any sympy expression.
    Whether the root is rational is not recorded (:func:`_bernstein.rational_root` decides it
    before one is built).

    Examples
    --------
    >>> import sympy
    >>> from multilateral.solvers._algebraic import GainRoot
    >>> r = GainRoot([-1, 0, 2], 0, 1)          # -(1 - x)^2 + 2 x^2 = x^2 + 2x - 1
    >>> abs(sympy.N(r - (sympy.sqrt(2) - 1), 50)) < 1e-45
    True
    >>> r.poly
    PurePoly(x**2 + 2*x - 1, x, domain='ZZ')
    """

    is_number = True
    is_commutative = True
    is_real = True
    is_positive = True
    is_finite = True
    is_algebraic = True

    __slots__ = ("_cache",)
    _cache: tuple[list[int], Fraction, Fraction] | None

    def __new__(cls, coefficients: Any, lo: Any, hi: Any) -> GainRoot:
        coeffs = (coefficients if isinstance(coefficients, sympy.Tuple)
                  else sympy.Tuple(*(sympy.Integer(int(v)) for v in coefficients)))
        lo_, hi_ = sympy.Rational(lo), sympy.Rational(hi)
        obj = super().__new__(cls, coeffs, lo_, hi_)
        obj._cache = None
        return obj

    @property
    def coefficients(self) -> list[int]:
        """``A_k``: the polynomial's coefficients in the form ``sum A_k x^k (1 - x)^(m-k)``."""
        return [int(v) for v in self.args[0]]

    @property
    def interval(self) -> tuple[Fraction, Fraction]:
        """The isolating interval ``(lo, hi)`` (as given; evaluation narrows a copy)."""
        lo, hi = self.args[1], self.args[2]
        return Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q))

    @property
    def poly(self) -> sympy.PurePoly:
        """The polynomial in the power basis (primitive, positive leading coefficient)."""
        power = bz.power_from_homogeneous(self.coefficients)
        while len(power) > 1 and power[-1] == 0:
            power.pop()
        g = math.gcd(*power)
        sign = -1 if power[-1] < 0 else 1
        return sympy.PurePoly([sign * v // g for v in reversed(power)], sympy.Symbol("x"),
                              domain="ZZ")

    def as_crootof(self) -> Any:
        """The same number as sympy's canonical :class:`sympy.CRootOf` (its index counts the
        polynomial's real roots in increasing order; sympy factors the polynomial first)."""
        poly = self.poly
        lo = self.args[1]
        return sympy.CRootOf(poly, poly.count_roots(sup=lo))

    def _bracket(self) -> tuple[list[int], Fraction, Fraction]:
        if self._cache is None:
            lo, hi = self.interval
            self._cache = (self.coefficients, lo, hi)
        return self._cache

    def _eval_evalf(self, prec: int) -> sympy.Float:
        # ``prec`` is a relative precision (bits): the bracket is narrowed below
        # ``2**-(prec + 8)`` times its lower end, which is positive (the root is), so a root
        # far below 1 (1e-300 for gains of 1e300) gets all its digits, not ``prec`` bits
        # after the binary point
        a, lo, hi = self._bracket()
        scale = Fraction(1, 2 ** (prec + 8))
        while lo == 0 or hi - lo >= scale * lo:
            lo, hi = _refine.narrow(a, lo, hi, scale * (lo if lo else hi / 2**64))
        self._cache = (a, lo, hi)
        mid = (lo + hi) / 2
        return sympy.Float(sympy.Rational(mid.numerator, mid.denominator), precision=prec)

    def _sympystr(self, printer: Any) -> str:
        return f"GainRoot(degree {len(self.args[0]) - 1}, ~{sympy.N(self, 15)})"

