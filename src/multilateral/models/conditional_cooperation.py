"""Oye's conditional cooperation: payoffs, the shadow of the future, and the number of players.

Oye (1985) explains when reciprocity sustains cooperation among states by three dimensions:
the payoff structure, the shadow of the future (the discount factor ``delta``), and the number
of players. More players, he argues, make conditional cooperation harder in three ways:
sanctions become less feasible (withholding cooperation from one defector withholds it from
all), transparency falls (defections are harder to detect and to attribute), and common
interests are harder to find (members differ). His remedies are issue linkage, decomposing
issues into many small iterated ones, and minilateral cores.

The model is the n-member linear public goods game repeated with trigger strategies: every
member contributes one unit each round while everyone has; the pot, multiplied, is shared
equally. Writing ``m`` for the marginal per-capita return (``m = r / n`` for a multiplier
``r``), a member gets ``R = m n - 1`` when all contribute, ``T = m (n - 1)`` when he alone
withholds, and ``P = 0`` when nobody contributes. A defection is detected (and punished from
the next round on) with probability ``q``. Cooperation is an equilibrium iff

    (1 - delta) (T - R) <= delta q (R - P_dev)

where ``P_dev`` is what the defector gets while punished. Solving for ``delta`` gives the
critical discount factor ``(T - R) / ((T - R) + q (R - P_dev))``; with ``q = 1`` and
untargeted punishment this is Friedman's ``(T - R) / (T - P)``.

Assumptions (stated, not hidden): contributions are binary; a detected defector is punished
forever (grim) or for ``k`` rounds (``punishment_rounds``); with untargeted sanctions all
cooperation stops, a stage-game equilibrium, so the punishment is subgame perfect but *not*
renegotiation-proof (every member, punishers included, would rather forgive); with targeted
sanctions (which need the good to be excludable and the defector identified) the other
``n - 1`` go on cooperating and exclude him, which is credible only if an ``(n - 1)``-member
group can itself sustain cooperation. These thresholds (``credibility="subgame_perfect"``,
the default) treat collective punishment as credible. With
``credibility="renegotiation_proof"`` (Farrell and Maskin 1989) collective reversion sustains
nothing and targeted sanctions take the form of penance (van Damme 1989): the thresholds are
those of :class:`~multilateral.models.Sanctions`, where Oye's remedy is worked out.

The module runs past the library's ~600 lines because it holds one theory, Oye's, with its
remedies (decomposition into smaller issues, and issue linkage in
:func:`linked_critical_discount`), which are built on the model's own thresholds; about half
of its lines are docstrings with runnable examples. The renegotiation-proof theory lives in
:mod:`~multilateral.models.sanctions`, to which this module delegates.

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24.
.. [2] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of
   Economic Studies* 38(1), 1-12.
.. [3] Axelrod, R. and Keohane, R. O. (1985). Achieving cooperation under anarchy: strategies
   and institutions. *World Politics* 38(1), 226-254.
.. [4] Isaac, R. M. and Walker, J. M. (1988). Group size effects in public goods provision:
   the voluntary contributions mechanism. *Quarterly Journal of Economics* 103(1), 179-199
   (fixed multiplier versus fixed marginal per-capita return).
.. [5] Farrell, J. and Maskin, E. (1989). Renegotiation in repeated games. *Games and
   Economic Behavior* 1(4), 327-360.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray

from .._namespace import public_dir
from .._numeric import format_number, format_values, is_exact
from .._validation import check_positive_int, check_probability, check_real, check_sequence
from ..errors import InvalidArgumentError
from ..games.anonymous import AnonymousGame
from ..results import CriticalDiscount
from ..types import Number
from .base import Model
from .sanctions import Credibility, Sanctions

if TYPE_CHECKING:
    import sympy

__all__ = ["ConditionalCooperation", "LinkageResult", "linked_critical_discount"]
__dir__ = public_dir(__all__)

Normalization = Literal["multiplier", "mpcr"]
Sanction = Literal["untargeted", "targeted"]


@dataclass(frozen=True, eq=False, repr=False)
class ConditionalCooperation(Model):
    """Oye's three dimensions for an n-member public good sustained by trigger strategies.

    Parameters
    ----------
    n : int
        Number of members (>= 2).
    r : number, optional
        The multiplier of the linear public good, held fixed as ``n`` varies
        (``normalization="multiplier"``): each unit contributed returns ``r / n`` to each
        member, so larger groups dilute the return (a rival, Olsonian good).
    mpcr : number, optional
        The marginal per-capita return held fixed as ``n`` varies
        (``normalization="mpcr"``): every member gets ``mpcr`` from each unit whatever the
        group size (a non-rival good). Give exactly one of ``r`` and ``mpcr``.
    detection : number or callable, default 1
        Probability ``q`` that a defection is detected in the round it happens; a callable
        ``q(n)`` lets transparency fall with group size (e.g. ``lambda n: 1 / n ** 0.5``).
    attribution : bool, default True
        Whether a detected defector is identified. Targeted sanctions need it; without it a
        targeted regime falls back to untargeted punishment.
    sanction : {"untargeted", "targeted"}
        Untargeted: all cooperation stops after a detected defection (grim). Targeted: the
        defector alone is excluded from the good and the others go on.
    punishment_rounds : int, optional
        Punish for this many rounds and then forgive (``None``: forever).
    benefits : sequence of numbers, optional
        Heterogeneous interests: member ``i``'s return per unit is ``benefits[i]`` times the
        common return. The member with the least interest binds; a member for whom
        contributing is dominant goes on contributing while the others punish (collective
        reversion must be a stage equilibrium), which softens the punishment.
    credibility : {"subgame_perfect", "renegotiation_proof"}
        Whether punishments need only be subgame perfect (collective reversion credible by
        assumption) or also weakly renegotiation-proof: then untargeted sanctions sustain
        nothing and targeted ones are ``punishment_rounds`` (default 1) rounds of penance, as
        in :class:`Sanctions` (identical members only).

    Notes
    -----
    Exact parameters (ints, Fractions, and a ``detection`` function returning them) give
    exact thresholds: a Fraction, or with ``punishment_rounds >= 2`` the root of a
    polynomial as a sympy algebraic number (:attr:`~multilateral.results.CriticalDiscount.exact`).
    Change parameters with :meth:`with_` (e.g. ``model.with_(n=7)``).

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
       *World Politics* 38(1), 1-24, pp. 12-20 (the shadow of the future, the number of
       players, sanctions, transparency).
    .. [2] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of
       Economic Studies* 38(1), 1-12.
    .. [3] Isaac, R. M. and Walker, J. M. (1988). Group size effects in public goods
       provision. *Quarterly Journal of Economics* 103(1), 179-199.

    See Also
    --------
    multilateral.games.AnonymousGame.public_goods : the stage game (:attr:`game`).
    multilateral.solvers.critical_discount : the threshold of any automaton profile.
    multilateral.models.MagicNumber : this model's threshold as a magic number's robustness.
    linked_critical_discount : issue linkage.
    multilateral.results.CriticalDiscount : what :meth:`critical_discount` returns.
    multilateral.models.Reciprocity : specific against diffuse reciprocity.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.ConditionalCooperation(n=10, r=3).critical_discount()
    CriticalDiscount(7/27)
    >>> [ml.models.ConditionalCooperation(n=n, r=3).critical_discount().value for n in (4, 40, 400)]
    [Fraction(1, 9), Fraction(37, 117), Fraction(397, 1197)]
    >>> [ml.models.ConditionalCooperation(n=n, mpcr=0.5).critical_discount().value for n in (4, 40)]
    [0.3333333333333333, 0.02564102564102564]
    >>> ml.models.ConditionalCooperation(n=3, mpcr=Fraction(1, 4)).critical_discount()
    CriticalDiscount(never)
    """

    n: int
    r: Number | None = None
    mpcr: Number | None = None
    detection: Number | Callable[[int], Number] = 1
    attribution: bool = True
    sanction: Sanction = "untargeted"
    punishment_rounds: int | None = None
    benefits: tuple[Number, ...] | None = field(default=None)
    credibility: Credibility = "subgame_perfect"

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        if (self.r is None) == (self.mpcr is None):
            raise InvalidArgumentError(
                "give exactly one of r (a multiplier held fixed as n varies) or mpcr (a "
                "marginal per-capita return held fixed): they are opposite models of group size"
            )
        if self.r is not None:
            object.__setattr__(self, "r", check_real(self.r, "r", low=0, open_low=True))
        else:
            object.__setattr__(self, "mpcr", check_real(self.mpcr, "mpcr", low=0, open_low=True))
        if not callable(self.detection):
            object.__setattr__(self, "detection", check_probability(self.detection, "detection",
                                                                   exact=True, open_low=True))
        if self.sanction not in ("untargeted", "targeted"):
            raise InvalidArgumentError(
                f"sanction must be 'untargeted' or 'targeted', got {self.sanction!r}")
        if self.punishment_rounds is not None:
            check_positive_int(self.punishment_rounds, "punishment_rounds", 1)
        if self.benefits is not None:
            check_sequence(self.benefits, "benefits")
            vals = tuple(check_real(b, "benefits", low=0, open_low=True) for b in self.benefits)
            if len(vals) != self.n:
                raise InvalidArgumentError(
                    f"benefits needs one value per member ({self.n}), got {len(vals)}")
            object.__setattr__(self, "benefits", vals)
        if self.credibility not in ("subgame_perfect", "renegotiation_proof"):
            raise InvalidArgumentError("credibility must be 'subgame_perfect' or "
                                       f"'renegotiation_proof', got {self.credibility!r}")
        if self.credibility == "renegotiation_proof" and self.benefits is not None:
            raise InvalidArgumentError("renegotiation-proof thresholds are derived for identical "
                                       "members: give benefits=None")

    def __repr__(self) -> str:
        ret = f"r={format_number(self.r)}" if self.r is not None else \
            f"mpcr={format_number(self.mpcr)}"
        parts = [f"n={self.n}", ret]
        if callable(self.detection):
            parts.append(f"detection={getattr(self.detection, '__name__', 'function')}")
        elif self.detection != 1:
            parts.append(f"detection={format_number(self.detection)}")
        if not self.attribution:
            parts.append("attribution=False")
        if self.sanction != "untargeted":
            parts.append(f"sanction={self.sanction!r}")
        if self.punishment_rounds is not None:
            parts.append(f"punishment_rounds={self.punishment_rounds}")
        if self.benefits is not None:
            parts.append(f"benefits={format_values(self.benefits, digits=6, limit=4)}")
        if self.credibility != "subgame_perfect":
            parts.append(f"credibility={self.credibility!r}")
        return f"ConditionalCooperation({', '.join(parts)})"

    # -- the stage game ----------------------------------------------------------------------
    @property
    def normalization(self) -> Normalization:
        """Which return is held fixed when the group size changes.

        See Also
        --------
        return_per_unit : the return at a group size.
        """
        return "multiplier" if self.r is not None else "mpcr"

    def return_per_unit(self, n: int | None = None) -> Number:
        """The marginal per-capita return ``m`` at group size ``n`` (default: this model's).

        See Also
        --------
        trp : the stage payoffs built from it.
        """
        n = self.n if n is None else n
        if self.r is None:
            assert self.mpcr is not None
            return self.mpcr
        return self.r / n if isinstance(self.r, float) else Fraction(self.r) / n

    @property
    def game(self) -> AnonymousGame:
        """The stage game: the ``n``-member linear public goods game the members repeat.

        An :class:`~multilateral.games.AnonymousGame` (identical members, binary choice:
        contribute one unit or not), exact when ``r`` or ``mpcr`` is. While the return per
        unit is below one, withholding is dominant and its only symmetric equilibrium is
        all-defect: cooperation rests on the repetition, which is what
        :meth:`critical_discount` measures.

        Raises
        ------
        InvalidArgumentError
            If ``benefits`` makes the members differ (their game is not anonymous).

        See Also
        --------
        trp : the payoffs the trigger strategies compare.
        multilateral.solvers.symmetric_equilibria : the stage game's equilibria.
        multilateral.AnonymousGame.public_goods : the constructor.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.ConditionalCooperation(n=4, r=3)
        >>> ml.solvers.symmetric_equilibria(model.game)
        (SymmetricEquilibrium(p=0, stable, payoff=0),)
        """
        if self.benefits is not None:
            raise InvalidArgumentError(
                "members with different benefits do not play an anonymous game: the stage "
                "game is defined for identical members (benefits=None)")
        if self.r is not None:
            return AnonymousGame.public_goods(self.n, r=self.r)
        return AnonymousGame.public_goods(self.n, mpcr=self.mpcr)

    def trp(self, n: int | None = None, benefit: Number = 1) -> tuple[Number, Number, Number]:
        """``(T, R, P_dev)``: temptation, reward, and the defector's punishment payoff.

        See Also
        --------
        return_per_unit : the return ``m``.
        critical_discount : the threshold built from them.
        linked_critical_discount : linkage of two ``(T, R, P)`` issues.
        """
        n = self.n if n is None else n
        m = self.return_per_unit(n) * benefit
        # targeted exclusion leaves the defector his autarky payoff: 0, as under grim
        return m * (n - 1), m * n - 1, 0 * m

    def detection_probability(self, n: int | None = None) -> Number:
        """Probability ``q(n)`` that a defection is detected.

        See Also
        --------
        critical_discount : where ``q`` enters.
        collapse_probability : the other transparency cost of size.
        """
        n = self.n if n is None else n
        if callable(self.detection):
            q = self.detection(n)
            checked: Number = check_probability(q, f"detection({n})", exact=True,
                                                open_low=True)
            return checked
        return self.detection

    @property
    def effective_sanction(self) -> Sanction:
        """Targeted sanctions need attribution; without it they become untargeted.

        See Also
        --------
        punishment_cost : what the sanction costs the punishers.
        """
        return self.sanction if self.attribution else "untargeted"

    # -- Oye's questions ---------------------------------------------------------------------
    def critical_discount(self, n: int | None = None) -> CriticalDiscount:
        """The least ``delta`` at which every member's cooperation is an equilibrium.

        Parameters
        ----------
        n : int, optional
            The group size (default: this model's ``n``); heterogeneous ``benefits`` apply
            only at the model's own size.

        Returns
        -------
        CriticalDiscount
            ``.value`` is exact for exact parameters; ``CriticalDiscount.never()`` when no
            ``delta < 1`` sustains cooperation (e.g. when universal cooperation is not better
            than none, ``R <= P``, or when ``k``-round punishments are too short).

        See Also
        --------
        critical_discount_curve : the thresholds at many sizes, as floats.
        multilateral.solvers.critical_discount : the same question for automata.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> model = ml.models.ConditionalCooperation(n=2, r=Fraction(4, 3))
        >>> model.critical_discount(7), model.critical_discount(7).delta
        (CriticalDiscount(17/24), 0.7083333333333334)
        >>> model.with_(punishment_rounds=2).critical_discount()   # d + d**2 = 1
        CriticalDiscount(-1/2 + sqrt(5)/2)
        >>> rp = model.with_(credibility="renegotiation_proof")   # grim would be renegotiated
        >>> rp.critical_discount(), rp.with_(sanction="targeted").critical_discount()
        (CriticalDiscount(never), CriticalDiscount(1/2))
        """
        n = self.n if n is None else check_positive_int(n, "n", 2)
        if self.credibility == "renegotiation_proof":
            return self._sanctions(n).critical_discount(self.effective_sanction,
                                                        "renegotiation_proof")
        benefits = self.benefits if (self.benefits is not None and n == self.n) else (1,)
        cases = [(n, b, floor) for b, floor in zip(benefits, self._punished(n, benefits),
                                                    strict=True)]
        if self.effective_sanction == "targeted" and n > 2:
            # credibility: the n - 1 punishers must keep cooperating among themselves, and so
            # on down to a pair (which can only punish untargeted)
            cases += [(k, 1, 0) for k in range(2, n)]
        worst, size, benefit, floor = max(
            ((self._member_threshold(k, b, f), k, b, f) for k, b, f in cases),
            key=lambda item: item[0])
        if worst == math.inf:
            return CriticalDiscount.never()
        if self.punishment_rounds is not None and self.punishment_rounds > 1 and worst > 0:
            gain, loss = self._gain_loss(size, benefit, floor)
            if is_exact(gain) and is_exact(loss):
                root = _k_round_exact(Fraction(gain), Fraction(loss), self.punishment_rounds)
                if isinstance(root, Fraction):
                    return CriticalDiscount.at_least(root)
                value = float(root)
                return CriticalDiscount(value, ((value, 1.0),), root)
        return CriticalDiscount.at_least(worst)

    def _thresholds(self, n_max: int) -> Iterator[tuple[int, Number]]:
        """``(n, threshold)`` for ``n = 2..n_max`` (identical members; ``inf`` where none), in
        O(n_max): the numbers behind :meth:`critical_discount`, for scans."""
        running: Number = 0
        for n in range(2, n_max + 1):
            if self.credibility == "renegotiation_proof":
                cd = self.critical_discount(n)
                yield n, cd.value if cd.attainable else math.inf
                continue
            own = self._member_threshold(n, 1)
            if self.effective_sanction == "targeted":
                running = max(running, own)  # the chain of credibility down to a pair
                yield n, running
            else:
                yield n, own

    def _sanctions(self, n: int) -> Sanctions:
        """The :class:`Sanctions` model at size ``n`` (renegotiation-proof thresholds)."""
        ret = {"r": self.r} if self.r is not None else {"mpcr": self.mpcr}
        return Sanctions(n=n, **ret, punishment_rounds=self.punishment_rounds or 1,
                         detection=self.detection_probability(n))

    def _punished(self, n: int, benefits: Sequence[Number]) -> list[Number]:
        """What each member still gets while collective reversion punishes him: the
        contributions of the others for whom contributing is strictly dominant (return per
        unit above 1), since withholding is not a stage best reply for them and subgame
        perfection needs the punishment to be one. Zero for identical members, for targeted
        sanctions (the defector is excluded) and for sizes other than the model's own."""
        m = self.return_per_unit(n)
        if self.effective_sanction == "targeted" or len(benefits) == 1:
            return [0 * m for _ in benefits]
        dominant = [b for b in benefits if b * m > 1]
        return [b * m * (len(dominant) - (b * m > 1)) for b in benefits]

    def _gain_loss(self, n: int, benefit: Number, floor: Number = 0
                   ) -> tuple[Number, Number]:
        """One round's gain from defecting, and the per-round loss once detected,
        ``q (R - P)``, with ``P`` raised by ``floor`` (what the punishment leaves him)."""
        t, r, p = self.trp(n, benefit)
        return t - r, self.detection_probability(n) * (r - p - floor)

    def _member_threshold(self, n: int, benefit: Number, floor: Number = 0) -> Number:
        """The threshold of one member as a number (``inf`` when none; a float from bisection
        for ``k``-round punishments)."""
        gain, loss = self._gain_loss(n, benefit, floor)
        if gain <= 0:  # cooperating is already a best reply in the stage game
            return 0 * gain
        if loss <= 0:
            return math.inf
        if self.punishment_rounds is None:
            return gain / (gain + loss)
        # k rounds of punishment: (1 - d) gain <= q loss (d - d^(k+1)), a polynomial in d
        return _k_round_threshold(gain, loss, self.punishment_rounds)

    def sustains(self, delta: Number, n: int | None = None) -> bool:
        """Whether cooperation is an equilibrium at discount factor ``delta``.

        See Also
        --------
        critical_discount : the threshold.
        largest_group : the largest group ``delta`` sustains.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ConditionalCooperation(n=10, r=3).sustains(0.3)
        True
        """
        d = check_real(delta, "delta", low=0, high=1, open_high=True)
        cd = self.critical_discount(n)
        return cd.attainable and bool(d >= cd.value)

    def largest_group(self, delta: Number, *, n_max: int = 10_000) -> int | None:
        """The largest group size ``n <= n_max`` whose cooperation ``delta`` sustains.

        ``None`` if not even two members can cooperate. An answer equal to ``n_max`` means
        every size up to ``n_max`` cooperates (with a fixed per-capita return the threshold
        falls with ``n``, so larger groups do too). Scans ``n = 2..n_max`` in O(``n_max``)
        (each threshold is a closed form); with a fixed multiplier the answer has the closed form
        ``floor(r (1 - delta) / (1 - delta r))`` for ``delta r < 1`` and perfect detection.

        See Also
        --------
        sustains : one group size.
        critical_discount_curve : the thresholds at many sizes.
        MagicNumber.largest_sustainable : the same question for clubs of weighted members.

        Examples
        --------
        >>> import multilateral as ml
        >>> from fractions import Fraction
        >>> ml.models.ConditionalCooperation(n=2, r=3).largest_group(Fraction(3, 10))
        21
        """
        d = check_real(delta, "delta", low=0, high=1, open_high=True)
        n_max = check_positive_int(n_max, "n_max", 2)
        best = None
        for n, threshold in self._thresholds(n_max):
            if d >= threshold:
                best = n
        return best

    def critical_discount_curve(self, sizes: Sequence[int]) -> NDArray[np.float64]:
        """``critical_discount(n).delta`` at each group size (floats, ``inf`` where none).

        See Also
        --------
        critical_discount : one size, exact.
        largest_group : the largest size below a ``delta``.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ConditionalCooperation(n=2, r=3).critical_discount_curve([2, 3, 4]).tolist()
        [0.0, 0.0, 0.1111111111111111]
        """
        sizes = [check_positive_int(int(n), "n", 2) for n in sizes]
        table = dict(self._thresholds(max(sizes, default=2)))
        return np.array([float(table[n]) for n in sizes])

    def punishment_cost(self, n: int | None = None) -> Number:
        """What each punisher loses per round while a defector is punished.

        Untargeted: all the gains of cooperation, ``R - P = m n - 1``. Targeted: only the
        excluded member's contribution, ``m``. The ratio grows linearly with ``n``: Oye's
        point that sanctions become less feasible in large groups.

        See Also
        --------
        effective_sanction : which sanction applies.
        """
        n = self.n if n is None else n
        m = self.return_per_unit(n)
        if self.effective_sanction == "untargeted" or n == 2:  # a pair can only punish by all
            return m * n - 1
        return m

    def collapse_probability(self, noise: Number, n: int | None = None) -> Number:
        """Probability that a round triggers punishment by mistake when each member errs
        (fails to contribute) independently with probability ``noise``: ``1 - (1 - noise)^n``.

        Under untargeted sanctions this is the probability that all cooperation collapses
        in that round; under targeted ones the erring members are excluded and the rest go
        on. Either way it rises with ``n``: large groups trip over their own noise.

        See Also
        --------
        detection_probability : the chance a real defection is seen.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> ml.models.ConditionalCooperation(n=2, r=3).collapse_probability(Fraction(1, 10))
        Fraction(19, 100)
        """
        e = check_probability(noise, "noise", exact=True)
        n = self.n if n is None else n
        collapse: Number = 1 - (1 - e) ** n
        return collapse

    def decomposed_threshold(self, parts: int) -> CriticalDiscount:
        """The per-period discount factor needed when the stakes are split into ``parts``
        rounds per period (Oye's decomposition): each round is worth ``1/parts`` of the
        stakes and rounds are discounted by ``delta^(1/parts)``, so the condition
        ``delta^(1/parts) >= delta*`` becomes ``delta >= delta*^parts``.

        See Also
        --------
        critical_discount : the threshold undecomposed.
        linked_critical_discount : Oye's other remedy, linkage.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ConditionalCooperation(n=10, r=3).decomposed_threshold(2)
        CriticalDiscount(49/729)
        """
        k = check_positive_int(parts, "parts", 1)
        cd = self.critical_discount()
        if not cd.attainable:
            return cd
        if cd.exact is not None and not isinstance(cd.exact, Fraction):
            exact = cd.exact**k
            return CriticalDiscount(float(exact), ((float(exact), 1.0),), exact)
        return CriticalDiscount.at_least(cd.value**k)

    def formula(self) -> sympy.Expr:
        """The critical discount factor as a sympy expression (LaTeX: ``sympy.latex``).

        In ``n``, ``delta`` and the return (``r`` or ``m``), and ``q``, for perfect or
        imperfect detection with permanent untargeted punishment, subgame perfect (under
        ``credibility="renegotiation_proof"`` that punishment sustains nothing).

        See Also
        --------
        critical_discount : the number at this model's parameters.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.ConditionalCooperation(n=5, r=2).formula()
        (n - r)/(n*q*r - n*q + n - r)
        """
        import sympy

        n, q = sympy.symbols("n q", positive=True)
        m = sympy.Symbol("r", positive=True) / n if self.r is not None else sympy.Symbol(
            "m", positive=True)
        t, r, p = m * (n - 1), m * n - 1, 0
        gain, loss = t - r, r - p
        return sympy.simplify(sympy.factor(sympy.cancel(gain / (gain + q * loss))))


def _k_round_exact(gain: Fraction, loss: Fraction, k: int) -> Fraction | sympy.Expr:
    """The threshold of ``k``-round punishment exactly: the one positive root of
    ``loss (d + ... + d^k) - gain`` (its coefficients are positive but the last, so there is
    one sign change and one positive root), as a Fraction when rational."""
    import sympy

    d = sympy.Symbol("d")
    poly = sympy.Poly(sum(d**j for j in range(1, k + 1)) * sympy.Rational(loss.numerator,
                      loss.denominator) - sympy.Rational(gain.numerator, gain.denominator), d)
    root = next(x for x in sympy.real_roots(poly) if x > 0)
    if root.is_Rational:
        return Fraction(int(root.p), int(root.q))
    return root


def _k_round_threshold(gain: Number, loss: Number, k: int) -> Number:
    """Least d in [0, 1) with ``gain <= loss (d + d^2 + ... + d^k)``.

    A one-round deviation gains ``(1 - d) gain`` and, punished for k rounds, loses
    ``(1 - d)(d + ... + d^k) loss``. The right side rises from 0 to ``k loss`` on [0, 1), so
    a threshold exists iff ``gain < k loss``; it is the root of a degree-k polynomial, found
    by bisection to double precision (exact for k = 1).
    """
    if k == 1:
        return gain / loss if gain < loss else math.inf
    if gain >= k * loss:
        return math.inf

    def lhs(d: float) -> float:
        return float(loss) * sum(d**j for j in range(1, k + 1)) - float(gain)

    lo, hi = 0.0, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if lhs(mid) >= 0:
            hi = mid
        else:
            lo = mid
    return hi


@dataclass(frozen=True, repr=False)
class LinkageResult:
    """Critical discount factors of two issues alone and linked.

    Every critical discount factor of the library is a
    :class:`~multilateral.results.CriticalDiscount` (exact for exact payoffs); here they
    always exist, since ``T >= R > P`` puts them in ``[0, 1)``.

    Attributes
    ----------
    separate : tuple of CriticalDiscount
        Each issue's critical discount factor on its own.
    linked : CriticalDiscount
        The critical discount factor when a defection on either issue is punished on both.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and
       strategies. *World Politics* 38(1), 1-24, pp. 17-18 (issue linkage).
    .. [2] Spagnolo, G. (1999). On interdependent supergames: multimarket contact,
       concavity, and collusion. *Journal of Economic Theory* 89(1), 127-139.

    See Also
    --------
    linked_critical_discount : computes it.
    ConditionalCooperation.critical_discount : the threshold of one issue among ``n``.
    multilateral.results.CriticalDiscount : the result when a threshold may not exist.

    Examples
    --------
    >>> from multilateral.models import linked_critical_discount
    >>> linked_critical_discount((5, 3, 0), (4, 3, 2))
    LinkageResult(separate=(2/5, 1/2), linked=3/7)
    """

    separate: tuple[CriticalDiscount, CriticalDiscount]
    linked: CriticalDiscount

    def helps(self, delta: Number) -> bool:
        """True when linkage sustains at ``delta`` what one of the issues alone cannot.

        See Also
        --------
        ConditionalCooperation.sustains : the same question for one issue.
        """
        return bool(self.linked.value <= delta < max(cd.value for cd in self.separate))

    def __repr__(self) -> str:
        first, second = (format_number(cd.value) for cd in self.separate)
        linked = format_number(self.linked.value)
        return f"LinkageResult(separate=({first}, {second}), linked={linked})"


def linked_critical_discount(
    first: tuple[Number, Number, Number], second: tuple[Number, Number, Number]
) -> LinkageResult:
    """Issue linkage: the critical discount factor of two issues tied into one.

    Each issue is given by ``(T, R, P)`` of a member (temptation, reward, punishment). Linked,
    a defection on either issue forfeits cooperation on both, so slack in one incentive
    constraint can cover the other: the linked threshold is the *mediant*
    ``(dT1 + dT2) / ((T1 - P1) + (T2 - P2))`` of the two thresholds, which lies between
    them (the best deviation defects on both when both tempt).

    References
    ----------
    .. [1] Oye, K. A. (1985), pp. 17-18 (issue linkage).
    .. [2] Spagnolo, G. (1999). On interdependent supergames: multimarket contact,
       concavity, and collusion. *Journal of Economic Theory* 89(1), 127-139.

    See Also
    --------
    ConditionalCooperation.critical_discount : the threshold of one issue among ``n``.
    LinkageResult : what it returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import linked_critical_discount
    >>> res = linked_critical_discount((5, 3, 0), (4, 3, 2))   # thresholds 2/5 and 1/2
    >>> res.separate, res.linked
    ((CriticalDiscount(2/5), CriticalDiscount(1/2)), CriticalDiscount(3/7))
    >>> res.helps(Fraction(9, 20))
    True
    """
    parts = []
    for issue in (first, second):
        t, r, p = (check_real(v, "payoff") for v in issue)
        if not t >= r > p:
            raise InvalidArgumentError(
                f"each issue needs T >= R > P (temptation, reward, punishment), got {issue!r}")
        parts.append((t, r, p))
    first_alone, second_alone = (CriticalDiscount.at_least((t - r) / (t - p))
                                 for t, r, p in parts)
    gain = sum(t - r for t, r, _ in parts)
    total = sum(t - p for t, _, p in parts)
    return LinkageResult(separate=(first_alone, second_alone),
                         linked=CriticalDiscount.at_least(gain / total))

