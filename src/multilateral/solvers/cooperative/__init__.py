"""Solutions of TU games: the Shapley value, the core, the least core and the nucleolus.

The Shapley value is a closed-form sum over coalitions, computed exactly (in Fractions for
exact games) and vectorized over bitmasks. The core, the least core and the nucleolus are
linear programmes over all ``2**n - 2`` proper coalitions, solved with scipy's HiGHS; when the
game is exact, the optimal vertex is re-derived in rational arithmetic from the constraints
that are tight at the LP's answer (as :func:`~multilateral.solvers.correlated_equilibrium`
does), so the answers -- and whether the core is empty -- are exact.

One module per idea:

* :mod:`.shapley` -- :func:`shapley_value`;
* :mod:`.cores` -- :func:`excesses`, :func:`least_core` and :func:`core`;
* :mod:`.nucleolus_lp` -- :func:`nucleolus`, by sequential LPs;
* :mod:`.results` -- :class:`LeastCore`, :class:`Core` and :class:`Nucleolus`;
* :mod:`._common` -- the argument checks, the coalition LPs and the exact re-derivation of
  an LP's vertex that they share.
"""

from ..._namespace import public_dir
from ._common import LP_MAX_PLAYERS as LP_MAX_PLAYERS  # the players the LPs accept
from .cores import core, excesses, least_core
from .nucleolus_lp import nucleolus
from .results import Core, LeastCore, Nucleolus
from .shapley import shapley_value

__all__ = [
    "Core",
    "LeastCore",
    "Nucleolus",
    "core",
    "excesses",
    "least_core",
    "nucleolus",
    "shapley_value",
]
__dir__ = public_dir(__all__)
