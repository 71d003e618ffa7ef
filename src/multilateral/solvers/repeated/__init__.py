"""Repeated games with automaton strategies: exact values, equilibrium checks, critical deltas.

A profile of automata turns the repeated game into a Markov chain on joint automaton states.
Values solve ``V = (1 - delta) u + delta P V``; the one-shot deviation principle checks
subgame perfection state by state; a player's best response to the others' automata is a
Markov decision problem on the same states, solved by policy iteration, which checks Nash
equilibrium. Every quantity is a rational function of ``delta``, so critical discount factors
are roots of polynomials: exact (Fractions or algebraic numbers) for exact games, for both
kinds of equilibrium, numerical for float games, and as expressions in the payoffs on
request (subgame perfection).

One module per idea:

* :mod:`.values` -- :func:`profile_values` and :class:`ProfileValues`, the profile's
  discounted values;
* :mod:`.checks` -- :func:`is_subgame_perfect` and :func:`is_nash_equilibrium` at one
  discount factor, with :class:`EquilibriumCheck`;
* :mod:`.thresholds` -- :func:`critical_discount`, the least discount factor sustaining a
  profile (the exact feasible set for exact games, the grid and refined boundaries for
  float ones, the symbolic expression);
* :mod:`._spe` -- the exact subgame-perfection threshold: every one-shot deviation
  constraint as an integer polynomial in ``delta`` (one linear recurrence of the profile's
  Krylov sequence serves them all), distinct constraints only;
* :mod:`._nash` and :mod:`._roots` -- its ``kind="nash"`` path: each player's best reply as a
  Markov decision problem on the others' joint states, every deterministic policy's gain a
  rational function of ``delta``; and the exact set where finitely many polynomials are
  ``<= 0`` (:func:`._roots.feasible_set`), which both exact paths use;
* :mod:`._modular` -- the linear recurrence of an integer Krylov sequence by
  Berlekamp-Massey modulo primes (the exact paths' recurrences, verified in integers);
* :mod:`._sparse` -- the one-shot deviation gains in floats on the factored chain (sparse
  solves, closed forms on the cycles of a deterministic profile, or one Hessenberg form for
  a whole grid of discount factors), for the check and the float threshold;
* :mod:`._chain` -- the profile's Markov chain on joint states (exact or float), with each
  reported profile's joint transition kept as Kronecker factors, never a dense table of
  moves, shared by all of them.

References
----------
.. [1] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames.
   *Review of Economic Studies* 38(1), 1-12.
.. [2] Fudenberg, D. and Tirole, J. (1991). *Game Theory*, section 4.2 (the one-shot
   deviation principle). MIT Press.
.. [3] Howard, R. A. (1960). *Dynamic Programming and Markov Processes*. MIT Press (policy
   iteration).
.. [4] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1).
.. [5] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books, p. 207
   (Proposition 2: the Nash threshold of Tit for Tat).

Examples
--------
>>> import multilateral as ml
>>> pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
>>> grim = ml.automata.grim_trigger()
>>> ml.solvers.critical_discount(pd, [grim, grim])
CriticalDiscount(1/2)
>>> ml.solvers.is_subgame_perfect(ml.RepeatedGame(pd, 0.9), [grim, grim])
EquilibriumCheck(subgame perfect: holds)
>>> tft = ml.automata.tit_for_tat()
>>> ml.solvers.critical_discount(pd, [tft, tft], kind="nash")   # Axelrod's max(2/4, 2/3)
CriticalDiscount(2/3)
"""

from ..._namespace import public_dir
from .checks import EquilibriumCheck, is_nash_equilibrium, is_subgame_perfect
from .thresholds import CriticalDiscount, critical_discount
from .values import ProfileValues, profile_values

__all__ = [
    "CriticalDiscount",
    "EquilibriumCheck",
    "ProfileValues",
    "critical_discount",
    "is_nash_equilibrium",
    "is_subgame_perfect",
    "profile_values",
]
__dir__ = public_dir(__all__)
