"""Self-enforcing international environmental agreements: how large can a stable treaty be?

Barrett (1994) and Carraro and Siniscalco (1993) asked how many of ``N`` sovereign countries
would sign a treaty to abate a global pollutant when nobody can be forced to sign. The model
(the *cartel stability* game of d'Aspremont et al. 1983) has two stages:

1. every country decides to sign or not;
2. the ``k`` signatories choose their abatement to maximize their *joint* payoff, and the
   non-signatories each maximize their own payoff.

A coalition of signatories is **internally stable** when no signatory gains by leaving (and
becoming a non-signatory of a coalition one smaller), and **externally stable** when no
non-signatory gains by joining; it is **stable** (self-enforcing) when both hold. A country
that is exactly *indifferent* between signing and not must go one way or the other, and the
answer changes the stable sizes, so it is a parameter, ``tie``:

* ``tie="join"``: an indifferent country signs. Internal stability is ``pi_s(k) >=
  pi_n(k - 1)`` and external stability is ``pi_n(k) > pi_s(k + 1)``;
* ``tie="stay_out"``: an indifferent country does not sign. Internal stability is ``pi_s(k) >
  pi_n(k - 1)`` and external stability ``pi_n(k) >= pi_s(k + 1)``.

(Barrett 1994 writes both conditions with weak inequalities, which lets a size pass even when
an outsider is indifferent about joining; the two tie rules are the two consistent readings.)
The sizes run over ``k = 0..N``: ``k = 0`` (nobody signs) is internally stable by default,
``k = N`` externally stable by default. A coalition of one acts like a non-signatory in the
``"linear"`` and ``"binary"`` models and under Nash timing, so no agreement appears as size 1
under ``"join"`` and as size 0 under ``"stay_out"``.

Three specifications of the abatement game (country ``i`` abates ``q_i``, ``Q = sum q_i``):

``specification="linear"`` (the linear-benefit, quadratic-cost game of Carraro and Siniscalco 1993)
    ``pi_i = b_i Q - c_i q_i**2 / 2``: constant marginal benefit ``b_i`` of global abatement,
    rising marginal cost. Every country has a dominant abatement, so Nash and Stackelberg
    timing coincide: a non-signatory abates ``b_i / c_i``, a signatory ``B_S / c_i`` with
    ``B_S`` the coalition's summed marginal benefit. With identical countries
    ``pi_s(k) = (b**2 / c) (k**2 / 2 + N - k)`` and ``pi_n(k) = (b**2 / c) (k**2 + N - k - 1/2)``,
    so

    * leaving gains ``pi_n(k - 1) - pi_s(k) = (b**2 / c) (k - 1)(k - 3) / 2``: ``<= 0`` iff
      ``1 <= k <= 3``, with equality at ``k = 1`` and ``k = 3``;
    * joining gains ``pi_s(k + 1) - pi_n(k) = -(b**2 / c) k (k - 2) / 2``: ``>= 0`` iff
      ``k <= 2``, with equality at ``k = 0`` and ``k = 2``.

    Hence, whatever ``N >= 3``, ``b`` and ``c``: under ``"join"`` the stable sizes are
    ``{3}``; under ``"stay_out"`` they are ``{0, 2}``. A self-enforcing agreement has two or
    three members -- the tie rule decides which.

``specification="binary"`` (the N-country Prisoners' Dilemma; e.g. Barrett 2003, Kolstad 2010)
    ``q_i`` is 0 or 1 and ``pi_i = b_i Q - c_i q_i``. A coalition abates (member ``i`` does)
    when its summed benefit ``B_S`` covers the cost, ``B_S >= c_i``; a non-signatory abates
    when ``b_i >= c_i``. With ``abate_when_indifferent=False`` both need ``>``. For identical
    countries with ``b < c <= N b``, let ``k0`` be the smallest coalition that abates:
    ``ceil(c / b)`` (or ``floor(c / b) + 1`` when indifferent coalitions do not abate). Then

    * ``tie="join"``: the stable sizes are exactly ``{k0}``;
    * ``tie="stay_out"``: they are ``{0, k0}`` if ``k0 b > c`` (strictly profitable), else
      ``{0}`` (when ``k0 b = c`` the signatories of the smallest abating coalition are
      indifferent to leaving and leave).

    The treaty is the smallest coalition for whom abating pays: large only when ``c / b`` is,
    i.e. when abating is very costly relative to its benefit for any one country.

``specification="barrett"`` (Barrett 1994)
    ``pi_i = (b / N)(a Q - Q**2 / 2) - c q_i**2 / 2`` with identical countries, ``gamma = c /
    b``. ``timing="stackelberg"`` (Barrett): the signatories choose first, anticipating the
    non-signatories' reaction ``q_n = (a - k q_s) / (gamma N + N - k)``; then with ``D = gamma
    N + N - k``, ``q_s = k a gamma N / (D**2 + k**2 gamma N)`` and ``q_n = a D / (D**2 + k**2
    gamma N)`` (both positive: no corner; ``k = N`` gives the full-cooperation ``a / (N +
    gamma)``, ``k = 0`` the Nash ``a / (N (1 + gamma))``). ``timing="nash"`` (simultaneous
    play): ``q_n = a / (gamma N + N + k**2 - k)`` and ``q_s = k q_n``. Stability depends only on
    ``N`` and ``gamma`` (``a`` and the level of ``b`` scale payoffs). What the model gives,
    computed exactly here: under Nash timing the largest stable size is 1 or 2 (no agreement,
    or a pair, for large ``gamma``); under Stackelberg timing it grows as ``gamma`` falls --
    at ``N = 100``: 2 for ``gamma >= 100``, 3 for ``gamma = 1``, 4 at ``gamma = 1/2``, 11 at
    ``1/10``, 51 at ``1/100``, 92 at ``1/1000`` -- while the gain that full cooperation would
    bring over non-cooperation, ``(W(N) - W(0)) / W(0)``, falls from 2450% (``gamma = 100``)
    to 12% (``gamma = 1/2``), 0.8% (``1/10``) and 0.01% (``1/100``). That is Barrett's
    paradox: the agreement is large only where cooperation hardly matters
    (:data:`multilateral.claims.BARRETT_PARADOX`).

With transfers, what counts is whether the coalition as a whole does better than its members
could by free-riding one at a time: a coalition is **potentially internally stable** (PIS;
Carraro, Eyckmans and Finus 2006) when ``sum_{i in S} pi_i(S) >= sum_{i in S} pi_i(S - {i})``
(``>`` under ``"stay_out"``); then transfers that pay each member its free-riding payoff plus
a share of the surplus make the coalition internally stable. With identical countries PIS is
the same as internal stability; with heterogeneous countries (``benefit`` and ``cost`` given
per country, ``"linear"`` and ``"binary"`` models) it can admit larger coalitions.

References
----------
.. [1] Barrett, S. (1994). Self-enforcing international environmental agreements. *Oxford
   Economic Papers* 46, 878-894.
.. [2] Carraro, C. and Siniscalco, D. (1993). Strategies for the international protection of
   the environment. *Journal of Public Economics* 52(3), 309-328.
.. [3] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On the
   stability of collusive price leadership. *Canadian Journal of Economics* 16(1), 17-25.
.. [4] Carraro, C., Eyckmans, J. and Finus, M. (2006). Optimal transfers and participation
   decisions in international environmental agreements. *Review of International
   Organizations* 1(4), 379-396.
.. [5] Barrett, S. (2003). *Environment and Statecraft: The Strategy of Environmental
   Treaty-Making*. Oxford University Press.
.. [6] Chander, P. and Tulkens, H. (1997). The core of an economy with multilateral
   environmental externalities. *International Journal of Game Theory* 26(3), 379-401.

Examples
--------
>>> import multilateral as ml
>>> ml.models.SelfEnforcingAgreement(n=193, benefit=1, cost=4).stable_sizes()
(3,)
>>> ml.models.SelfEnforcingAgreement(n=193, benefit=1, cost=4, tie="stay_out").stable_sizes()
(0, 2)
>>> ml.models.SelfEnforcingAgreement(n=193, benefit=2, cost=25,
...                                  specification="binary").stable_sizes()
(13,)

Notes
-----
This module is longer than the library's ~600 lines per module because it holds one model:
its length is the docstrings of the three specifications, and the methods of
:class:`SelfEnforcingAgreement` share the private payoff helpers at the end (splitting one
class across files would scatter one idea).
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, format_values
from .._validation import DEFAULT_TOL, check_positive_int, check_real, check_sequence, check_tol
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.anonymous import AnonymousGame
from ..games.coalitional import TUGame
from ..games.normal_form import NormalFormGame
from ..tolerances import CLEARLY_NEGATIVE, CLEARLY_NEGATIVE_FLOOR
from ..types import Number
from .base import Model

__all__ = [
    "CoalitionStability",
    "SelfEnforcingAgreement",
]
__dir__ = public_dir(__all__)

Tie = Literal["join", "stay_out"]
Specification = Literal["linear", "binary", "barrett"]
Timing = Literal["stackelberg", "nash"]

_MAX_ENUMERATED = 16  # coalitions are enumerated (2**n) for heterogeneous countries
_MAX_COUNTRIES = 10**8  # one benefit and one cost are kept per country
_VECTORIZE_FROM = 64  # stable_sizes loops over sizes below this many countries, numpy above


@dataclass(frozen=True, repr=False)
class CoalitionStability:
    """Stability of a coalition of ``k`` identical signatories.

    Attributes
    ----------
    k : int
        Number of signatories.
    signatory_payoff, non_signatory_payoff : number or None
        ``pi_s(k)`` (None when ``k = 0``) and ``pi_n(k)`` (None when ``k = N``).
    gain_from_leaving : number or None
        ``pi_n(k - 1) - pi_s(k)``: what a signatory gains by leaving (None when ``k = 0``).
    gain_from_joining : number or None
        ``pi_s(k + 1) - pi_n(k)``: what a non-signatory gains by joining (None when ``k = N``).
    internally_stable, externally_stable : bool
        Under the model's tie rule.

    References
    ----------
    .. [1] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On
       the stability of collusive price leadership. *Canadian Journal of Economics* 16(1),
       17-25 (p. 19: internal and external stability).
    .. [2] Carraro, C. and Siniscalco, D. (1993). Strategies for the international
       protection of the environment. *Journal of Public Economics* 52(3), 309-328
       (pp. 314-318).

    See Also
    --------
    SelfEnforcingAgreement.stability : computes it.
    SelfEnforcingAgreement.stable_sizes : every stable number of signatories.

    Examples
    --------
    >>> import multilateral as ml
    >>> sea = ml.models.SelfEnforcingAgreement(n=10, benefit=1, cost=4)
    >>> s = sea.stability(4)   # a fourth signatory would rather leave
    >>> s
    CoalitionStability(k=4: externally stable only)
    >>> s.gain_from_leaving, s.internally_stable, s.externally_stable
    (Fraction(3, 8), False, True)
    """

    k: int
    signatory_payoff: Number | None
    non_signatory_payoff: Number | None
    gain_from_leaving: Number | None
    gain_from_joining: Number | None
    internally_stable: bool
    externally_stable: bool

    @property
    def stable(self) -> bool:
        """Internally and externally stable: self-enforcing.

        See Also
        --------
        SelfEnforcingAgreement.is_stable : the same for any coalition.
        """
        return self.internally_stable and self.externally_stable

    def __repr__(self) -> str:
        state = ("stable" if self.stable else
                 "internally stable only" if self.internally_stable else
                 "externally stable only" if self.externally_stable else "unstable")
        return f"CoalitionStability(k={self.k}: {state})"


@dataclass(frozen=True, eq=False, repr=False)
class SelfEnforcingAgreement(Model):
    """Barrett's and Carraro-Siniscalco's coalition-stability model of a climate treaty.

    Parameters
    ----------
    n : int
        Number of countries (>= 2).
    benefit : number or sequence of numbers
        ``b``: marginal benefit of global abatement (``"linear"``, ``"binary"``) or the
        benefit scale of Barrett's quadratic benefit (``"barrett"``). One value per country
        makes countries heterogeneous (``"linear"`` and ``"binary"`` only).
    cost : number or sequence of numbers
        ``c``: the abatement cost parameter (per country as for ``benefit``).
    tie : {"join", "stay_out"}
        What a country does when signing and not signing pay the same.
    specification : {"linear", "binary", "barrett"}
        The abatement game (see the module docstring).
    timing : {"stackelberg", "nash"}
        Barrett's model only: the signatories lead (Barrett 1994) or move with the others.
    a : number
        Barrett's model only: the global abatement at which marginal benefit vanishes
        (payoffs scale with it; stability does not depend on it).
    abate_when_indifferent : bool
        Binary model only: whether a coalition or country that is indifferent about abating
        abates.

    Notes
    -----
    Exact numbers (int, Fraction) give exact payoffs, so ties are exact; with floats, two
    payoffs within ``tol`` times the size of what differs between them count as a tie (for a
    size: the change in the part all countries get plus the two own abatement costs; for a
    coalition of heterogeneous countries: the two payoffs). The scale is relative because
    payoffs grow or shrink with ``n``: Barrett's payoffs are of order ``b a**2 / n`` and
    their differences of order ``1 / n**2``, so the earlier absolute tolerance called nearly
    every size a tie at a million countries (``(285, 1000000)`` where the exact answer is
    ``(3,)``).
    The model keeps the model
    contract (:mod:`multilateral.models.base`): frozen, validated, compared by value, changed
    with :meth:`with_`. :attr:`game` is the participation game of the first stage (sign or
    not, with the abatement stage solved); :meth:`coalition_game` the TU game of coalition
    values.

    References
    ----------
    .. [1] Barrett, S. (1994). Self-enforcing international environmental agreements.
       *Oxford Economic Papers* 46, 878-894 (pp. 880-885: the model and its stable sizes).
    .. [2] Carraro, C. and Siniscalco, D. (1993). Strategies for the international
       protection of the environment. *Journal of Public Economics* 52(3), 309-328
       (pp. 314-318: internal and external stability).
    .. [3] d'Aspremont, C. et al. (1983). On the stability of collusive price leadership.
       *Canadian Journal of Economics* 16(1), 17-25 (p. 19: cartel stability).

    See Also
    --------
    CoalitionStability : the stability of one coalition size, with the gains.
    multilateral.models.MagicNumber : the group size that maximizes gains times robustness.
    multilateral.solvers.core : the core of :meth:`coalition_game`.

    Examples
    --------
    >>> import multilateral as ml
    >>> sea = ml.models.SelfEnforcingAgreement(n=10, benefit=1, cost=4)
    >>> sea.stability(3)
    CoalitionStability(k=3: stable)
    >>> sea.stability(3).gain_from_leaving, sea.stability(3).gain_from_joining
    (Fraction(0, 1), Fraction(-3, 8))
    >>> barrett = ml.models.SelfEnforcingAgreement(n=100, benefit=100, cost=1,
    ...                                        specification="barrett")
    >>> barrett.gamma, barrett.stable_sizes()
    (Fraction(1, 100), (51,))
    >>> float(barrett.full_cooperation_gain())  # but full cooperation would gain 0.01%
    0.0001
    """

    n: int
    benefit: Number | Sequence[Number]
    cost: Number | Sequence[Number]
    tie: Tie = "join"
    specification: Specification = "linear"
    timing: Timing = "stackelberg"
    a: Number = 1
    abate_when_indifferent: bool = True
    _b: tuple[Number, ...] = field(init=False, repr=False, compare=False)
    _c: tuple[Number, ...] = field(init=False, repr=False, compare=False)
    # computed once (each is O(n)): identical countries, all exact
    _same: bool = field(init=False, repr=False, compare=False)
    _all_exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2, maximum=_MAX_COUNTRIES,
                           why=" (the model keeps a benefit and a cost per country)")
        if self.tie not in ("join", "stay_out"):
            raise InvalidArgumentError(f"tie must be 'join' or 'stay_out', got {self.tie!r}")
        if self.specification not in ("linear", "binary", "barrett"):
            raise InvalidArgumentError(
                "specification must be 'linear', 'binary' or 'barrett', got "
                f"{self.specification!r}")
        if self.timing not in ("stackelberg", "nash"):
            raise InvalidArgumentError(
                f"timing must be 'stackelberg' or 'nash', got {self.timing!r}")
        if not isinstance(self.abate_when_indifferent, bool):
            raise InvalidTypeError("abate_when_indifferent must be True or False")
        b = self._per_country(self.benefit, "benefit")
        c = self._per_country(self.cost, "cost")
        # one value each, told apart without hashing n Fractions (Fraction hashes are slow)
        scalar = all(isinstance(v, numbers.Real) for v in (self.benefit, self.cost))
        same = scalar or (len(set(b)) == 1 and len(set(c)) == 1)
        if self.specification == "barrett" and not same:
            raise InvalidArgumentError(
                "Barrett's model has identical countries: give one benefit and one cost "
                "(heterogeneous countries are supported by the 'linear' and 'binary' models)")
        object.__setattr__(self, "a", check_real(self.a, "a", low=0, open_low=True))
        object.__setattr__(self, "_b", b)
        object.__setattr__(self, "_c", c)
        object.__setattr__(self, "_same", same)
        values = (b[0], c[0]) if scalar else (*b, *c)
        object.__setattr__(self, "_all_exact",
                           all(isinstance(x, Fraction) for x in (*values, self.a)))
        if not isinstance(self.benefit, (numbers.Real,)):
            object.__setattr__(self, "benefit", b)
        else:
            object.__setattr__(self, "benefit", b[0])
        if not isinstance(self.cost, (numbers.Real,)):
            object.__setattr__(self, "cost", c)
        else:
            object.__setattr__(self, "cost", c[0])

    def _per_country(self, value: object, name: str) -> tuple[Number, ...]:
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            return (check_real(value, name, low=0, open_low=True),) * self.n
        if isinstance(value, Mapping):  # a wrong type, not a wrong value
            check_sequence(value, name, "positive numbers, one per country")
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise InvalidArgumentError(
                f"{name} must be a positive number or one per country, got {value!r}")
        vals = tuple(check_real(v, f"{name}[{i}]", low=0, open_low=True)
                     for i, v in enumerate(value))
        if len(vals) != self.n:
            raise InvalidArgumentError(f"{name} needs one value per country ({self.n}), "
                                       f"got {len(vals)}")
        return vals

    def __repr__(self) -> str:
        shown = [f"n={self.n}"]
        for name in ("benefit", "cost"):
            value = getattr(self, name)
            shown.append(f"{name}=" + (format_values(value, limit=4)
                                       if isinstance(value, tuple) else format_number(value)))
        for name, default in (("tie", "join"), ("specification", "linear"),
                              ("timing", "stackelberg"), ("a", 1),
                              ("abate_when_indifferent", True)):
            value = getattr(self, name)
            if value != default:
                shown.append(f"{name}={format_number(value) if name == 'a' else repr(value)}")
        return f"SelfEnforcingAgreement({', '.join(shown)})"

    # -- the participation game ----------------------------------------------------------------
    @property
    def game(self) -> AnonymousGame | NormalFormGame:
        """The participation game: every country signs or not, the abatement stage solved.

        Action ``"C"`` (index 0) is to sign, ``"D"`` not to. With identical countries an
        :class:`~multilateral.AnonymousGame`: a signatory gets ``pi_s(k + 1)`` and a
        non-signatory ``pi_n(k)`` when ``k`` of the others sign. With heterogeneous countries
        a :class:`~multilateral.NormalFormGame` over the ``2**n`` profiles (at most 16
        countries). A profile is a pure Nash equilibrium iff its coalition is internally and
        externally stable with both inequalities weak; the tie rule picks, among these, the
        ones where indifferent countries act as ``tie`` says, so every stable size (or
        coalition) is a pure equilibrium of this game (d'Aspremont et al. 1983, p. 19).

        See Also
        --------
        coalition_game : the TU game of coalition values.
        stable_sizes : the sizes that are pure equilibria of it.
        multilateral.solvers.pure_nash_equilibria : its equilibria.

        Examples
        --------
        >>> import multilateral as ml
        >>> sea = ml.models.SelfEnforcingAgreement(n=5, benefit=1, cost=4)
        >>> profiles = ml.solvers.pure_nash_equilibria(sea.game.to_normal_form())
        >>> sorted({profile.count(0) for profile in profiles})  # signatories
        [0, 2, 3]
        >>> sea.stable_sizes(), sea.with_(tie="stay_out").stable_sizes()
        ((3,), (0, 2))
        """
        if self.identical:
            # list[Any]: numpy's ArrayLike does not admit Fractions, which the game keeps
            sign: list[Any] = [self._size_payoffs(k + 1)[0] for k in range(self.n)]
            stay: list[Any] = [self._size_payoffs(k)[1] for k in range(self.n)]
            return AnonymousGame(sign, stay, name=f"participation ({self.specification})")
        if self.n > _MAX_ENUMERATED:
            raise InvalidArgumentError(
                f"the participation game of heterogeneous countries has 2**n profiles; at most "
                f"{_MAX_ENUMERATED} countries")
        pay = np.empty((2,) * self.n + (self.n,), dtype=object)
        for profile in itertools.product((0, 1), repeat=self.n):
            mask = sum(1 << i for i, a in enumerate(profile) if a == 0)
            pay[profile] = self._coalition_payoffs(mask)
        if not self._exact:
            pay = pay.astype(np.float64)
        return NormalFormGame(pay, actions=[("C", "D")] * self.n)

    # -- basic facts -----------------------------------------------------------------------------
    @property
    def identical(self) -> bool:
        """Whether all countries have the same benefit and cost.

        See Also
        --------
        stable_sizes : defined when this is True.
        stable_coalitions : for heterogeneous countries.
        """
        return self._same

    @property
    def gamma(self) -> Number:
        """``c / b``, the cost-benefit ratio (identical countries).

        See Also
        --------
        full_cooperation_gain : what full cooperation would add.
        """
        self._need_identical("gamma")
        return self._c[0] / self._b[0]

    # -- payoffs by coalition size (identical countries) ---------------------------------------
    def signatory_payoff(self, k: int) -> Number:
        """``pi_s(k)``: a signatory's payoff when ``k >= 1`` countries sign.

        See Also
        --------
        non_signatory_payoff : the payoff of those who stay out.
        payoffs : every country's payoff, for any coalition.
        """
        k = self._size(k, low=1)
        return self._size_payoffs(k)[0]

    def non_signatory_payoff(self, k: int) -> Number:
        """``pi_n(k)``: a non-signatory's payoff when ``k <= N - 1`` countries sign.

        See Also
        --------
        signatory_payoff : the payoff of those who sign.
        """
        k = self._size(k, high=self.n - 1)
        return self._size_payoffs(k)[1]

    def abatement(self, k: int) -> tuple[Number, Number]:
        """``(q_s, q_n)``: a signatory's and a non-signatory's abatement with ``k`` signatories.

        See Also
        --------
        signatory_payoff, non_signatory_payoff : the payoffs these abatements give.
        """
        k = self._size(k)
        return self._size_abatement(k)

    def total_payoff(self, k: int) -> Number:
        """The sum of all countries' payoffs when ``k`` countries sign.

        See Also
        --------
        closed_gap : the share of the gain from full cooperation achieved.
        full_cooperation_gain : the relative gain of full cooperation.
        """
        k = self._size(k)
        ps, pn = self._size_payoffs(k)
        return (k * ps if k else 0) + ((self.n - k) * pn if k < self.n else 0)

    def full_cooperation_gain(self) -> Number:
        """``(W(N) - W(0)) / W(0)``: how much more all countries together get under full
        cooperation than without any agreement, relative to the latter (identical countries;
        requires ``W(0) > 0``, true in the ``"barrett"`` model).

        See Also
        --------
        total_payoff : ``W(k)``.
        closed_gap : how much of the gain ``k`` signatories achieve.
        """
        w0 = self.total_payoff(0)
        if w0 <= 0:
            raise InvalidArgumentError(
                f"the relative gain needs a positive non-cooperative total payoff, got {w0}")
        return (self.total_payoff(self.n) - w0) / w0

    def closed_gap(self, k: int) -> Number:
        """The share of the gain from full cooperation that ``k`` signatories achieve:
        ``(W(k) - W(0)) / (W(N) - W(0))`` with ``W`` the total payoff (1 when full
        cooperation gains nothing).

        See Also
        --------
        total_payoff : ``W(k)``.
        largest_stable_size : the ``k`` a self-enforcing agreement reaches.
        """
        w0, wn = self.total_payoff(0), self.total_payoff(self.n)
        if wn == w0:
            return Fraction(1) if isinstance(wn, Fraction) else 1.0
        return (self.total_payoff(k) - w0) / (wn - w0)

    # -- stability ---------------------------------------------------------------------------
    def stability(self, k: int, *, tol: float = DEFAULT_TOL) -> CoalitionStability:
        """Internal and external stability of ``k`` identical signatories, with the gains.

        See Also
        --------
        CoalitionStability : what it returns.
        stable_sizes : every stable size.
        is_stable : the same question for any coalition.
        """
        k = self._size(k)
        tol = check_tol(tol)
        ps, pn = self._size_payoffs(k)
        leave = join = None
        if k >= 1:
            leave = self._size_payoffs(k - 1)[1] - ps
        if k <= self.n - 1:
            join = self._size_payoffs(k + 1)[0] - pn
        internal = leave is None or not self._moves(leave, self.tie == "stay_out", tol,
                                                    self._pair_scale(k - 1))
        external = join is None or not self._moves(join, self.tie == "join", tol,
                                                   self._pair_scale(k))
        return CoalitionStability(k, ps, pn, leave, join, internal, external)

    def is_internally_stable(self, coalition: int | Iterable[int], *,
                             tol: float = DEFAULT_TOL) -> bool:
        """No signatory gains by leaving (a size ``k`` for identical countries, or a
        collection of country indices).

        See Also
        --------
        is_externally_stable : no outsider gains by joining.
        is_potentially_internally_stable : stability with transfers.
        """
        if isinstance(coalition, numbers.Integral):
            return self.stability(int(coalition), tol=tol).internally_stable
        tol = check_tol(tol)
        mask = self._mask(coalition)
        pay = self._coalition_payoffs(mask)
        return not any(self._moves(after - pay[i], self.tie == "stay_out", tol,
                                   _magnitude(after, pay[i]))
                       for i in self._members(mask)
                       for after in (self._coalition_payoffs(mask & ~(1 << i))[i],))

    def is_externally_stable(self, coalition: int | Iterable[int], *,
                             tol: float = DEFAULT_TOL) -> bool:
        """No non-signatory gains by joining.

        See Also
        --------
        is_internally_stable : no member gains by leaving.
        """
        if isinstance(coalition, numbers.Integral):
            return self.stability(int(coalition), tol=tol).externally_stable
        tol = check_tol(tol)
        mask = self._mask(coalition)
        pay = self._coalition_payoffs(mask)
        return not any(self._moves(after - pay[j], self.tie == "join", tol,
                                   _magnitude(after, pay[j]))
                       for j in range(self.n) if not mask >> j & 1
                       for after in (self._coalition_payoffs(mask | (1 << j))[j],))

    def is_stable(self, coalition: int | Iterable[int], *, tol: float = DEFAULT_TOL) -> bool:
        """Internally and externally stable: the coalition is self-enforcing.

        See Also
        --------
        stable_coalitions : every stable coalition.
        stability : the gains behind it, by size.
        """
        return (self.is_internally_stable(coalition, tol=tol)
                and self.is_externally_stable(coalition, tol=tol))

    def stable_sizes(self, *, tol: float = DEFAULT_TOL) -> tuple[int, ...]:
        """Every stable number of signatories ``k = 0..N`` (identical countries).

        See Also
        --------
        largest_stable_size : the largest of them.
        stable_coalitions : the same for heterogeneous countries.
        stability : one size, with the gains.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.SelfEnforcingAgreement(n=50, benefit=3, cost=12,
        ...                                  specification="binary",
        ...                                  tie="stay_out").stable_sizes()
        (0,)
        """
        self._need_identical("stable_sizes")
        tol = check_tol(tol)
        fast = self._stable_sizes_vectorized(tol)
        if fast is not None:
            return fast
        return tuple(k for k in range(self.n + 1) if self.stability(k, tol=tol).stable)

    def _stable_sizes_vectorized(self, tol: float) -> tuple[int, ...] | None:
        """:meth:`stable_sizes` in O(n) numpy work, or None where it cannot be the same.

        Floats: the very operations of :meth:`_size_payoffs`, elementwise, so every gain and
        every tie is bit for bit the per-size loop's. Exact: the gains in floats decide every
        size whose gain is clearly away from zero (``CLEARLY_NEGATIVE`` of the magnitude of
        the terms, ~1e7 times float rounding); the rest (the ties) are decided exactly by
        :meth:`stability`.
        """
        n, b, c, a = self.n, self._b[0], self._c[0], self.a
        if n < _VECTORIZE_FROM:
            return None
        # exact parameters mixed with floats round differently elementwise: loop instead
        if not self._exact and not all(
                isinstance(x, float)
                or (isinstance(x, Fraction) and x.denominator == 1 and abs(x) * n < 2**53)
                for x in (b, c, a)):
            return None
        fb, fc, fa = float(b), float(c), float(a)
        k = np.arange(n + 1, dtype=np.int64)
        if self.specification == "binary" and self._exact:
            ratio = c / b  # exact: the coalitions that abate are those from k0 up
            k0 = math.ceil(ratio) if self.abate_when_indifferent else math.floor(ratio) + 1
            q_s = k >= k0
            q_n = int(b >= c if self.abate_when_indifferent else b > c)
            pays = self._payoff_arrays(k, fb, fc, fa, (q_s & (k > 0)).astype(np.int64), q_n)
        else:
            pays = self._payoff_arrays(k, fb, fc, fa)
        pi_s, pi_n, mag, scale = pays
        leave = pi_n[:-1] - pi_s[1:]  # leave[k - 1]: a signatory of k leaving
        join = pi_s[1:] - pi_n[:-1]  # join[k]: an outsider of k joining
        if not self._exact:  # ties relative to what differs, as in stability()
            tie = np.abs(leave) <= tol * scale
            leaves = np.where(tie, self.tie == "stay_out", leave > 0)
            joins = np.where(tie, self.tie == "join", join > 0)
            internal = np.concatenate(([True], ~leaves))
            external = np.concatenate((~joins, [True]))
            return tuple(int(x) for x in np.flatnonzero(internal & external))
        margin = CLEARLY_NEGATIVE * (mag[:-1] + mag[1:]) + CLEARLY_NEGATIVE_FLOOR
        unsure = np.abs(leave) <= margin  # same magnitude for joining: join = -leave
        internal = np.concatenate(([True], ~(leave > 0)))
        external = np.concatenate((~(join > 0), [True]))
        stable = set(np.flatnonzero(internal & external).tolist())
        for j in np.flatnonzero(unsure).tolist():  # the pair (k = j + 1 leaving, k = j joining)
            for size in (j, j + 1):
                if self.stability(size, tol=tol).stable:
                    stable.add(size)
                else:
                    stable.discard(size)
        return tuple(sorted(stable))

    def _payoff_arrays(self, k: NDArray[np.int64], b: float, c: float, a: float,
                       q_s_binary: Any = None, q_n_binary: int = 0
                       ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64],
                                  NDArray[np.float64]]:
        """``pi_s(k)``, ``pi_n(k)``, the magnitude of their terms, and the tie scale of each
        consecutive pair (one shorter), elementwise in floats with the operations of
        :meth:`_size_abatement` and :meth:`_size_payoffs`."""
        n = self.n
        q_s: Any
        q_n: Any
        if self.specification == "linear":
            q_s, q_n = k * b / c, b / c
        elif self.specification == "binary":
            if q_s_binary is None:
                q_s_binary = np.where(k > 0, (k * b >= c) if self.abate_when_indifferent
                                      else (k * b > c), False).astype(np.int64)
                q_n_binary = int(b >= c if self.abate_when_indifferent else b > c)
            q_s, q_n = q_s_binary, q_n_binary
        else:
            gamma = c / b
            if self.timing == "nash":
                q_n = a / (gamma * n + n + k * k - k)
                q_s = k * q_n
            else:
                d = gamma * n + n - k
                den = d * d + k * k * gamma * n
                q_s, q_n = k * a * gamma * n / den, a * d / den
        total = k * q_s + (n - k) * q_n
        # pi = common - own: the part every country gets and the country's own cost
        if self.specification == "linear":
            common, own_s, own_n = b * total, c * q_s * q_s / 2, c * q_n * q_n / 2
            mag = np.abs(common) + own_s + own_n
        elif self.specification == "binary":
            common, own_s, own_n = b * total, c * q_s, c * q_n
            mag = np.abs(common) + own_s + own_n
        else:
            common = b / n * (a * total - total * total / 2)
            own_s, own_n = c * q_s * q_s / 2, c * q_n * q_n / 2
            mag = abs(b / n) * (np.abs(a * total) + total * total / 2) + own_s + own_n
        pi_s, pi_n = common - own_s, common - own_n
        out = [np.broadcast_to(np.asarray(v, dtype=np.float64), k.shape)
               for v in (pi_s, pi_n, mag, common, own_s, own_n)]
        # the tie scale of the pair (k non-signatory, k + 1 signatory): the size of what
        # differs between the two payoffs, |common(k) - common(k + 1)| + own_n(k) + own_s(k + 1)
        scale = np.abs(out[3][:-1] - out[3][1:]) + out[5][:-1] + out[4][1:]
        return out[0], out[1], out[2], scale

    def largest_stable_size(self, *, tol: float = DEFAULT_TOL) -> int:
        """The largest self-enforcing agreement (0 if only no agreement is stable).

        A stable size always exists: ``k`` internally stable and ``k + 1`` not internally
        stable makes ``k`` externally stable under either tie rule, and ``k = 0`` is
        internally stable.

        See Also
        --------
        stable_sizes : every stable size.
        """
        return max(self.stable_sizes(tol=tol))

    # -- transfers -----------------------------------------------------------------------------
    def surplus(self, coalition: int | Iterable[int]) -> Number:
        """``sum_{i in S} [pi_i(S) - pi_i(S - {i})]``: what the members together gain over
        their free-riding payoffs (a coalition of ``k`` identical countries: ``k (pi_s(k) -
        pi_n(k - 1))``).

        See Also
        --------
        is_potentially_internally_stable : whether the surplus is not negative.
        transfer_payoffs : the payoffs after sharing it.
        """
        if isinstance(coalition, numbers.Integral):
            k = self._size(int(coalition))
            if k == 0:
                return Fraction(0) if self._exact else 0.0
            return k * (self._size_payoffs(k)[0] - self._size_payoffs(k - 1)[1])
        mask = self._mask(coalition)
        pay = self._coalition_payoffs(mask)
        return sum((pay[i] - self._coalition_payoffs(mask & ~(1 << i))[i]
                    for i in self._members(mask)), start=Fraction(0) if self._exact else 0.0)

    def is_potentially_internally_stable(self, coalition: int | Iterable[int], *,
                                         tol: float = DEFAULT_TOL) -> bool:
        """Potential internal stability (Carraro, Eyckmans and Finus 2006): with transfers
        among members the coalition can pay everyone at least the free-riding payoff.

        See Also
        --------
        surplus : what the members gain together over free riding.
        transfer_payoffs : one transfer scheme that works.
        potentially_internally_stable_coalitions : all of them.

        Examples
        --------
        Two high-benefit countries and three low-benefit ones: with transfers, the two big
        ones can buy the participation of a small one, which no coalition of three holds
        without transfers.

        >>> import multilateral as ml
        >>> sea = ml.models.SelfEnforcingAgreement(n=5, benefit=[4, 4, 1, 1, 1], cost=1)
        >>> sea.is_internally_stable([0, 1, 2]), sea.is_potentially_internally_stable([0, 1, 2])
        (False, True)
        """
        tol = check_tol(tol)
        if (coalition == 0 if isinstance(coalition, numbers.Integral)
                else self._mask(coalition) == 0):
            return True  # no members, nobody to leave
        if isinstance(coalition, numbers.Integral):
            k = self._size(int(coalition))
            mag = k * self._pair_scale(k - 1)
        else:
            mask = self._mask(coalition)
            pay = self._coalition_payoffs(mask)
            mag = sum(_magnitude(pay[i], self._coalition_payoffs(mask & ~(1 << i))[i])
                      for i in self._members(mask))
        return not self._moves(-self.surplus(coalition), self.tie == "stay_out", tol, mag)

    def transfer_payoffs(self, coalition: Iterable[int]) -> tuple[Number, ...]:
        """Payoffs after the members share the surplus equally on top of their free-riding
        payoffs (one transfer scheme that makes a PIS coalition internally stable);
        non-members keep their payoffs.

        See Also
        --------
        surplus : what is shared.
        payoffs : the payoffs before transfers.
        """
        mask = self._mask(coalition)
        pay = list(self._coalition_payoffs(mask))
        members = self._members(mask)
        if not members:
            return tuple(pay)
        share = self.surplus(members) / len(members)
        for i in members:
            pay[i] = self._coalition_payoffs(mask & ~(1 << i))[i] + share
        return tuple(pay)

    # -- enumeration over coalitions (any countries) -------------------------------------------
    def payoffs(self, coalition: int | Iterable[int]) -> tuple[Number, ...]:
        """Every country's payoff when ``coalition`` signs (a size: the first ``k``).

        See Also
        --------
        signatory_payoff, non_signatory_payoff : by size, identical countries.
        transfer_payoffs : after the members share their surplus.
        """
        if isinstance(coalition, numbers.Integral):
            k = self._size(int(coalition))
            coalition = range(k)
        return self._coalition_payoffs(self._mask(coalition))

    def stable_coalitions(self, *, tol: float = DEFAULT_TOL) -> tuple[tuple[int, ...], ...]:
        """Every stable coalition, as sorted tuples of country indices (at most 16 countries).

        See Also
        --------
        stable_sizes : by size, identical countries.
        potentially_internally_stable_coalitions : stability with transfers.
        """
        return tuple(s for s in self._all_coalitions() if self.is_stable(s, tol=tol))

    def potentially_internally_stable_coalitions(
        self, *, tol: float = DEFAULT_TOL
    ) -> tuple[tuple[int, ...], ...]:
        """Every PIS coalition (at most 16 countries).

        See Also
        --------
        stable_coalitions : without transfers.
        is_potentially_internally_stable : one coalition.
        """
        return tuple(s for s in self._all_coalitions()
                     if self.is_potentially_internally_stable(s, tol=tol))

    def coalition_game(self) -> TUGame:
        """The TU game ``v(S) = sum_{i in S} pi_i(S)``: what ``S`` gets when it signs and the
        others act alone (Chander and Tulkens's gamma characteristic function).

        A second game beside :attr:`game` (which is the non-cooperative participation game),
        hence a method of its own.

        See Also
        --------
        game : the non-cooperative participation game.
        multilateral.solvers.core : the core of this game.
        multilateral.TUGame : the game object.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> sea = ml.models.SelfEnforcingAgreement(n=3, benefit=1, cost=1)
        >>> game = sea.coalition_game()
        >>> [str(v) for v in game.values]
        ['0', '5/2', '5/2', '6', '5/2', '6', '6', '27/2']
        >>> ml.solvers.core(game).contains([Fraction(9, 2)] * 3)  # equal split of full cooperation
        True
        """
        if self.n > _MAX_ENUMERATED:
            raise InvalidArgumentError(
                f"the coalition game has 2**n values; at most {_MAX_ENUMERATED} countries")
        vals = [sum((p for i, p in enumerate(self._coalition_payoffs(m)) if m >> i & 1),
                    start=Fraction(0) if self._exact else 0.0) for m in range(1 << self.n)]
        return TUGame(np.array(vals, dtype=object))

    # -- internals -----------------------------------------------------------------------------
    @property
    def _exact(self) -> bool:
        return self._all_exact

    def _need_identical(self, what: str) -> None:
        if not self.identical:
            raise InvalidArgumentError(
                f"{what} is defined by coalition size for identical countries; with "
                "heterogeneous countries ask about coalitions (stable_coalitions, is_stable)")

    def _size(self, k: object, low: int = 0, high: int | None = None) -> int:
        high = self.n if high is None else high
        if isinstance(k, bool) or not isinstance(k, numbers.Integral):
            raise InvalidTypeError(f"a coalition size must be an integer, got {k!r}")
        if not low <= int(k) <= high:
            raise InvalidArgumentError(f"coalition size must be in {low}..{high}, got {k}")
        return int(k)

    def _mask(self, coalition: object) -> int:
        if isinstance(coalition, (str, bytes)) or not isinstance(coalition, Iterable):
            raise InvalidTypeError(
                f"a coalition is a size or a collection of country indices, got {coalition!r}")
        mask = 0
        for i in coalition:
            if isinstance(i, bool) or not isinstance(i, numbers.Integral) or not (
                    0 <= int(i) < self.n):
                raise InvalidArgumentError(
                    f"countries are indices 0..{self.n - 1}, got {i!r}")
            mask |= 1 << int(i)
        return mask

    def _members(self, mask: int) -> tuple[int, ...]:
        return tuple(i for i in range(self.n) if mask >> i & 1)

    def _all_coalitions(self) -> Iterable[tuple[int, ...]]:
        if self.n > _MAX_ENUMERATED:
            raise InvalidArgumentError(
                f"enumerating all 2**n coalitions is limited to {_MAX_ENUMERATED} countries; "
                "with identical countries use stable_sizes()")
        return (self._members(m) for m in range(1 << self.n))

    def _moves(self, gain: Number, when_indifferent: bool, tol: float, mag: float) -> bool:
        """Whether a country with this gain from moving moves (the tie rule on a tie).

        Exact gains tie when zero; float gains when ``|gain| <= tol * mag``, ``mag`` the
        magnitude of the payoffs compared (a relative tolerance: payoffs grow or shrink with n).
        """
        if isinstance(gain, Fraction):
            return gain > 0 or (gain == 0 and when_indifferent)
        if abs(float(gain)) <= tol * mag:
            return when_indifferent
        return float(gain) > 0

    def _pair_scale(self, k: int) -> float:
        """The tie scale between a non-signatory of ``k`` and a signatory of ``k + 1`` in
        floats: the size of what differs between the two payoffs (the change in the part all
        countries get, and the two own abatement costs). The same operations as
        :meth:`_payoff_arrays`, so the per-size loop and the vectorized sizes agree."""
        if self._exact:
            return 0.0  # exact gains need no scale
        sizes = np.array([k, k + 1], dtype=np.int64)
        scale = self._payoff_arrays(sizes, float(self._b[0]), float(self._c[0]),
                                    float(self.a))[3]
        return float(scale[0])

    def _size_abatement(self, k: int) -> tuple[Number, Number]:
        n, b, c = self.n, self._b[0], self._c[0]
        if self.specification == "linear":
            return k * b / c, b / c
        if self.specification == "binary":
            def abates(benefit: Number) -> int:
                return int(benefit >= c if self.abate_when_indifferent else benefit > c)
            return (abates(k * b) if k else 0), abates(b)
        gamma, a = c / b, self.a
        if self.timing == "nash":
            q_n = a / (gamma * n + n + k * k - k)
            return k * q_n, q_n
        d = gamma * n + n - k
        den = d * d + k * k * gamma * n
        return k * a * gamma * n / den, a * d / den

    def _size_payoffs(self, k: int) -> tuple[Number, Number]:
        """``(pi_s(k), pi_n(k))`` for identical countries (both computed for every k)."""
        n, b, c = self.n, self._b[0], self._c[0]
        q_s, q_n = self._size_abatement(k)
        total = k * q_s + (n - k) * q_n
        if self.specification == "linear":
            return b * total - c * q_s * q_s / 2, b * total - c * q_n * q_n / 2
        if self.specification == "binary":
            return b * total - c * q_s, b * total - c * q_n
        common = b / n * (self.a * total - total * total / 2)
        return common - c * q_s * q_s / 2, common - c * q_n * q_n / 2

    def _coalition_payoffs(self, mask: int) -> tuple[Number, ...]:
        """Every country's payoff when the coalition ``mask`` signs."""
        if self.identical:
            k = bin(mask).count("1")
            ps, pn = self._size_payoffs(k)
            return tuple(ps if mask >> i & 1 else pn for i in range(self.n))
        b, c = self._b, self._c
        b_s = sum((b[i] for i in range(self.n) if mask >> i & 1), start=0 * b[0])
        q: list[Number] = []
        for i in range(self.n):
            marginal = b_s if mask >> i & 1 else b[i]
            if self.specification == "linear":
                q.append(marginal / c[i])
            else:
                q.append(int(marginal >= c[i] if self.abate_when_indifferent
                             else marginal > c[i]))
        total = sum(q, start=0 * b[0])
        if self.specification == "linear":
            return tuple(b[i] * total - c[i] * q[i] * q[i] / 2 for i in range(self.n))
        return tuple(b[i] * total - c[i] * q[i] for i in range(self.n))


def _magnitude(x: Number, y: Number) -> float:
    """``|x| + |y|`` in floats: the scale of a tie between two payoffs."""
    return abs(float(x)) + abs(float(y))
