"""The shared parameter checks in ``multilateral._validation``."""

from fractions import Fraction

import numpy as np
import pytest

from multilateral import errors
from multilateral._validation import check_real


@pytest.mark.parametrize("value", [np.int64(3), np.int32(3), np.uint8(3)])
def test_numpy_integers_become_fractions_of_python_ints(value):
    # a numpy integer kept inside a Fraction overflows silently: (2**40 as int64) squared
    # twice wraps around, and the "exact" result came out with a negative denominator
    v = check_real(value, "x")
    assert v == Fraction(3) and type(v.numerator) is int and type(v.denominator) is int


def test_large_numpy_integers_stay_exact_in_arithmetic():
    v = check_real(np.int64(2**40), "x")
    assert v ** 4 == Fraction(2**160)


def test_huge_python_integers_are_kept_exact():
    # float(10**400) overflows: the range check must not convert an exact value to a float
    assert check_real(10**400, "x", low=0) == 10**400


def test_non_finite_floats_are_refused():
    for bad in (float("inf"), np.float64("nan")):
        with pytest.raises(errors.InvalidArgumentError, match="must be finite"):
            check_real(bad, "x")
    assert check_real(np.float64(0.5), "x") == 0.5
