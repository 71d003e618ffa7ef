"""Type aliases of the public API: numbers, seeds and array-likes.

Use them to type code that calls the library, so that mypy checks what you pass.

Examples
--------
>>> from fractions import Fraction
>>> import multilateral as ml
>>> from multilateral.types import Number, Seed
>>> def threshold(gain: Number, loss: Number) -> Number:
...     return gain / (gain + loss)
>>> threshold(Fraction(2), 2)
Fraction(1, 2)
>>> seed: Seed = 42
"""

from __future__ import annotations

from fractions import Fraction
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._namespace import public_dir

__all__ = ["ArrayLike", "Number", "NumberArray", "Seed"]
__dir__ = public_dir(__all__)

#: A real number as the library takes it: ``int`` and ``Fraction`` stay exact, ``float`` is
#: floating point (numpy scalars are accepted wherever a ``float`` is).
Number: TypeAlias = int | float | Fraction

#: Randomness: an ``int`` seed, a ``numpy.random.Generator``, a ``SeedSequence``, or ``None``
#: (fresh entropy). Passed to :func:`numpy.random.default_rng`.
Seed: TypeAlias = int | np.random.Generator | np.random.SeedSequence | None

#: A numeric array as the library returns it (payoffs, values, fitnesses): ``float64`` for
#: float input; ``int64`` or ``object`` (holding ``int`` and ``Fraction``) for exact input.
NumberArray: TypeAlias = NDArray[np.float64] | NDArray[np.int64] | NDArray[np.object_]
