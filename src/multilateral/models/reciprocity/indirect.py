"""Indirect reciprocity with a social norm (Ohtsuki and Iwasa 2004): the model.

Diffuse reciprocity as reputation: each member has a binary image, good (G) or bad (B),
assigned after each of its actions as a donor by an assessment rule, and acts by an action
rule (a :class:`~multilateral.models.Norm`). :class:`IndirectReciprocity` gives the stationary
reputations, cooperation and payoffs of a population that follows one norm, the payoffs of
rare mutants and the interval of ``b / c`` on which the norm's action rule is an ESS, at
positive errors and in the limit of vanishing ones. The equations are stated in
:mod:`multilateral.models.reciprocity.dynamics`, which computes them.

References
----------
.. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [2] Nowak, M. A. and Sigmund, K. (1998). Evolution of indirect reciprocity by image
   scoring. *Nature* 393, 573-577.

Examples
--------
>>> import multilateral as ml
>>> ml.models.IndirectReciprocity("L1", benefit=2, cost=1).is_ess()
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import as_fraction, format_number, is_exact
from ..._validation import check_probability, check_real
from ...errors import InvalidArgumentError
from ...types import Number, Seed
from ..base import Model
from .dynamics import (
    PopulationState,
    check_ess_errors,
    check_private,
    limit_bounds,
    private_population,
    public_analysis,
    public_population,
    strategy_frequencies,
)
from .norms import ACTION_BITS, ASSESSMENT_BITS, Norm, as_norm
from .simulation import ReputationSimulation, simulate_reputation

if TYPE_CHECKING:
    import sympy

__all__ = ["IndirectReciprocity"]
__dir__ = public_dir(__all__)

Assessment = Literal["public", "private"]


@dataclass(frozen=True, repr=False)
class IndirectReciprocity(Model):
    """Indirect reciprocity with a social norm: reputations, payoffs and evolutionary stability.

    Ohtsuki & Iwasa's (2004) model of diffuse reciprocity in an infinite population: members
    help according to images (good or bad) that a norm assigns to every donor after every
    action. :mod:`multilateral.models.reciprocity.dynamics` states the reputation dynamics
    and the ESS conditions.

    Parameters
    ----------
    norm : Norm, str or (int, int)
        The shared norm (assessment and resident action rule), e.g. ``'stern judging'``.
    benefit : number
        Benefit to the recipient of a donation (> 0).
    cost : number
        Cost to the donor (> 0).
    noise : number, default 0.01
        Execution error: probability that an intended cooperation fails.
    assessment_error : number, default 0.01
        Probability that the assessor assigns the wrong image.
    knowledge : number, default 1
        Probability that a donor knows the recipient's image (Nowak's ``q``); an uninformed
        donor acts as towards a good recipient.
    assessment : {"public", "private"}
        Public: one image per member, shared by all (an institution keeps the record).
        Private: every member keeps its own view of everyone (second-order norms and action
        rules that look only at the recipient).

    Notes
    -----
    *Exactness.* The limit analysis (:meth:`limit_ess_range`) and :attr:`ratio` keep exact
    inputs exact. The stationary state at positive errors is a root of a quadratic
    (irrational in general) and everything built on it (:meth:`reputation`,
    :meth:`cooperation`, :meth:`payoff`, :meth:`value_of_reputation`,
    :meth:`mutant_payoffs`, :meth:`ess_range`) is computed in floating point whatever the
    input; :meth:`reputation_formula` gives the root exactly, as a sympy expression in the
    error symbols (exact whatever the input). :meth:`simulate` is a Monte Carlo estimate,
    in floats.

    *No ``.game``.* Payoffs depend on the strategies' frequencies through the stationary
    reputations, nonlinearly, so the model induces no matrix game; its evolutionary
    analysis is against rare mutants (:meth:`mutant_payoffs`, :meth:`ess_range`).

    See Also
    --------
    Norm : the norms.
    Reciprocity : specific against diffuse reciprocity (balance) in a finite population.
    scan_norms : the same analysis for all 4,096 norms at once.
    simulate_reputation : the agent-based counterpart.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation
       dynamics in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120,
       pp. 110-114.
    .. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563, p. 1561.
    .. [3] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
       empathetic moral evaluation. *eLife* 8, e44269.

    Examples
    --------
    >>> import multilateral as ml
    >>> sj = ml.models.IndirectReciprocity("stern judging", benefit=2, cost=1, noise=0.01,
    ...                                    assessment_error=0.01)
    >>> round(sj.reputation(), 6), round(sj.cooperation(), 6)
    (0.980392, 0.970588)
    >>> sj.is_ess(), [round(v, 4) for v in sj.ess_range()]
    (True, [1.0307, inf])
    >>> ml.models.IndirectReciprocity("image scoring", benefit=2, cost=1).is_ess()
    False

    With knowledge ``q`` the threshold tends to Nowak's ``1 / q`` as errors vanish:

    >>> from fractions import Fraction
    >>> sj.limit_ess_range(), sj.with_(knowledge=Fraction(1, 2)).limit_ess_range()
    ((Fraction(1, 1), inf), (Fraction(2, 1), inf))
    """

    norm: Norm
    benefit: Number
    cost: Number
    noise: Number = 0.01
    assessment_error: Number = 0.01
    knowledge: Number = 1
    assessment: Assessment = "public"

    def __post_init__(self) -> None:
        object.__setattr__(self, "norm", as_norm(self.norm))
        object.__setattr__(self, "benefit", check_real(self.benefit, "benefit", low=0,
                                                       open_low=True))
        object.__setattr__(self, "cost", check_real(self.cost, "cost", low=0, open_low=True))
        for name in ("noise", "assessment_error", "knowledge"):
            check_probability(getattr(self, name), name)
        if self.assessment not in ("public", "private"):
            raise InvalidArgumentError(f"assessment must be 'public' or 'private', got "
                                       f"{self.assessment!r}")
        if self.assessment == "private":
            check_private(self.norm.assessment, [self.norm.action])

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={format_number(getattr(self, name))}" for name in (
            "benefit", "cost", "noise", "assessment_error", "knowledge"))
        return (f"IndirectReciprocity({self.norm.name!r}, {values}, "
                f"assessment={self.assessment!r})")

    @property
    def ratio(self) -> Number:
        """``benefit / cost`` (exact for exact inputs).

        See Also
        --------
        ess_range : the range of this ratio on which the norm is an ESS.
        """
        return self.benefit / self.cost

    def _errors(self) -> tuple[float, float, float]:
        return float(self.noise), float(self.assessment_error), float(self.knowledge)

    def _analysis(self) -> dict[str, NDArray[np.float64]]:
        return public_analysis(ASSESSMENT_BITS[self.norm.assessment],
                               ACTION_BITS[self.norm.action], *self._errors())

    # -- stationary state ----------------------------------------------------------------------
    def reputation(self) -> float:
        """The stationary fraction of good members (private: the probability that a random
        observer sees a random member as good) when everyone follows the norm.

        See Also
        --------
        reputation_formula : the same as a formula.
        cooperation : the donations it leads to.
        simulate : an agent-based estimate.
        """
        if self.assessment == "private":
            return float(self.population({self.norm.action: 1}).reputations[0])
        return float(self._analysis()["h"])

    def cooperation(self) -> float:
        """The probability that a donation is made, in the stationary state.

        See Also
        --------
        reputation : the images behind it.
        payoff : what it pays.
        """
        if self.assessment == "private":
            return self.population({self.norm.action: 1}).cooperation
        return float(self._analysis()["cooperation"])

    def payoff(self) -> float:
        """The residents' mean payoff per round, ``(benefit - cost)`` times
        :meth:`cooperation`.

        See Also
        --------
        cooperation : the donation rate.
        mutant_payoffs : what a rare mutant earns.
        """
        return (float(self.benefit) - float(self.cost)) * self.cooperation()

    def value_of_reputation(self) -> float:
        """``Delta v``: how much more a resident's future is worth with a good image than with
        a bad one (public assessment).

        See Also
        --------
        ess_range : the stability it decides.
        """
        self._public_only("value_of_reputation")
        check_ess_errors(float(self.assessment_error))
        res = self._analysis()
        b, c = float(self.benefit), float(self.cost)
        return float((b * res["dbeta"] - c * res["dkappa"]) / res["den"])

    # -- evolutionary stability -------------------------------------------------------------
    def mutant_payoffs(self) -> NDArray[np.float64]:
        """The long-run payoff of a rare mutant with each of the 16 action rules (index = rule),
        computed directly from its own stationary image (public assessment); the resident's
        entry equals :meth:`payoff`.

        See Also
        --------
        payoff : the residents' payoff.
        is_ess : whether no mutant does better.
        """
        self._public_only("mutant_payoffs")
        e, mu, q = self._errors()
        res = self._analysis()
        h = float(res["h"])
        r = mu + (1 - 2 * mu) * ASSESSMENT_BITS[self.norm.assessment]
        s_all = (1 - e) * (q * ACTION_BITS + (1 - q) * ACTION_BITS[:, :, 1:2])  # (16, X, Y)
        t_all = r[None, ..., 1] * s_all + r[None, ..., 0] * (1 - s_all)        # (16, X, Y)
        to_good_g = h * t_all[:, 1, 1] + (1 - h) * t_all[:, 1, 0]              # from image G
        to_good_b = h * t_all[:, 0, 1] + (1 - h) * t_all[:, 0, 0]              # from image B
        mut_h = to_good_b / (1 - to_good_g + to_good_b)
        pm = np.stack([1 - mut_h, mut_h], axis=-1)                             # (16, 2)
        ph = np.array([1 - h, h])
        gives = np.einsum("mx,y,mxy->m", pm, ph, s_all)
        gets = np.einsum("x,my,xy->m", ph, pm, res["s"])
        out: NDArray[np.float64] = float(self.benefit) * gets - float(self.cost) * gives
        return out

    def ess_range(self) -> tuple[float, float]:
        """The open interval of ``b / c`` on which the resident action rule is a strict ESS
        against all 15 other action rules (public assessment; ``(inf, -inf)`` when empty).

        See Also
        --------
        is_ess : one ratio.
        limit_ess_range : the range as the errors vanish.
        NormScan : every norm at once.
        """
        self._public_only("ess_range")
        check_ess_errors(float(self.assessment_error))
        res = self._analysis()
        lo, hi = float(res["lower"]), float(res["upper"])
        return (lo, hi) if lo < hi else (math.inf, -math.inf)

    def is_ess(self) -> bool:
        """Whether the norm's action rule is a strict ESS at this ``b / c``.

        See Also
        --------
        ess_range : every ratio at which it holds.
        """
        lo, hi = self.ess_range()
        return bool(lo < self.ratio < hi)

    def limit_ess_range(self) -> tuple[Number, Number] | None:
        """The interval of ``b / c`` on which the norm is an ESS in the limit of vanishing
        errors (Fractions for exact ``knowledge``, floats for a float), or None when the norm
        is not cooperative in that limit (residents do not stay good up to terms of the order
        of the errors).

        See Also
        --------
        ess_range : at this model's errors.
        LimitScan : every norm at once.
        """
        self._public_only("limit_ess_range")
        q = self.knowledge
        bounds = limit_bounds(self.norm.assessment, self.norm.action,
                              as_fraction(q) if is_exact(q) else Fraction(str(q)))
        if bounds is None or is_exact(q):
            return bounds
        return (float(bounds[0]), float(bounds[1]))

    def _public_only(self, what: str) -> None:
        if self.assessment != "public":
            raise InvalidArgumentError(
                f"{what} is implemented for public assessment (Ohtsuki & Iwasa's model); "
                "under private assessment use reputation, cooperation and population")

    # -- mixed populations ---------------------------------------------------------------------
    def population(self, frequencies: Mapping[str | int, Number] | Sequence[Number],
                   strategies: Sequence[str | int] | None = None) -> PopulationState:
        """Stationary reputations and payoffs of several action rules under this norm.

        Parameters
        ----------
        frequencies : mapping or sequence
            Shares of the strategies, e.g. ``{"ALLC": 0.2, "ALLD": 0.3, "DISC": 0.5}`` or a
            sequence aligned with ``strategies``; they must be >= 0 and sum to 1.
        strategies : sequence, optional
            Action rules (names or integers) when ``frequencies`` is a sequence (default
            ``("ALLC", "ALLD", "DISC")``).

        Returns
        -------
        PopulationState
            Public assessment: the image dynamics of each strategy given the population's
            fraction of good members ``g``, solved for the largest consistent ``g`` (the state
            reached from everyone good). Private assessment: the fixed point of the equations
            in :mod:`~multilateral.models.reciprocity.dynamics`, iterated from everyone good.

        See Also
        --------
        PopulationState : what it returns.
        simulate : an agent-based run of a mixed population.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.IndirectReciprocity("stern judging", benefit=5, cost=1,
        ...                                       noise=0.02, assessment_error=0.02)
        >>> state = model.population({"ALLC": 0.1, "ALLD": 0.1, "DISC": 0.8})
        >>> state.reputations.round(3).tolist(), state.payoffs.round(3).tolist()
        ([0.84, 0.146, 0.963], [2.804, 1.061, 3.414])

        Under private assessment with simple standing, discriminators disagree about who is
        good, and unconditional cooperators earn more than they do:

        >>> private = model.with_(norm="simple standing", assessment="private")
        >>> mixed = private.population({"ALLC": 0.1, "ALLD": 0.1, "DISC": 0.8})
        >>> mixed.reputations.round(3).tolist(), mixed.payoffs.round(3).tolist()
        ([0.965, 0.215, 0.849], [3.292, 1.331, 3.038])
        """
        labels, rules, x = strategy_frequencies(frequencies, strategies)
        args = (float(self.benefit), float(self.cost), *self._errors())
        if self.assessment == "private":
            check_private(self.norm.assessment, rules)
            return private_population(self.norm.assessment, labels, rules, x, *args)
        return public_population(self.norm.assessment, labels, rules, x, *args)

    # -- formulas ------------------------------------------------------------------------------
    def reputation_formula(self) -> sympy.Expr:
        """The stationary fraction of good members as a sympy expression in ``e`` (noise),
        ``mu`` (assessment error) and ``q`` (knowledge) (public assessment, everyone following
        the norm): the root of the reputation quadratic that holds at this model's parameters.

        See Also
        --------
        reputation : its value at this model's parameters.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.IndirectReciprocity("simple standing", benefit=2, cost=1
        ...                               ).reputation_formula()
        (mu - 1)/(2*e*mu - e - 1)
        """
        self._public_only("reputation_formula")
        import sympy

        e, mu, q, h = sympy.symbols("e mu q h", nonnegative=True)
        d = ASSESSMENT_BITS[self.norm.assessment]
        p = ACTION_BITS[self.norm.action]

        def t(x: int, y: int) -> sympy.Expr:
            s = (1 - e) * (q * int(p[x, y]) + (1 - q) * int(p[x, 1]))
            rc = mu + (1 - 2 * mu) * int(d[x, y, 1])
            rd = mu + (1 - 2 * mu) * int(d[x, y, 0])
            return s * rc + (1 - s) * rd

        poly = sympy.expand(h**2 * t(1, 1) + h * (1 - h) * (t(1, 0) + t(0, 1))
                            + (1 - h) ** 2 * t(0, 0) - h)
        if float(self.knowledge) == 1.0:
            poly = sympy.expand(poly.subs(q, 1))
        roots = sympy.solve(poly, h)
        target = self.reputation()
        values = dict(zip((e, mu, q), self._errors(), strict=True))
        best = min(roots, key=lambda r: abs(complex(r.evalf(subs=values)) - target))
        return sympy.factor(sympy.simplify(best))

    # -- simulation ----------------------------------------------------------------------------
    def simulate(self, population: int = 200, rounds: int = 2000, *,
                 strategies: Mapping[str | int, int] | None = None, burn_in: int | None = None,
                 observation: float = 1.0, seed: Seed = None) -> ReputationSimulation:
        """Agent-based simulation of this model (see :func:`simulate_reputation`); everyone
        follows the norm's action rule unless ``strategies`` gives counts per action rule.

        See Also
        --------
        simulate_reputation : the simulator it calls.
        reputation : the analytical value it estimates.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.IndirectReciprocity("stern judging", benefit=2, cost=1)
        >>> run = model.simulate(population=300, rounds=1000, seed=1)
        >>> abs(run.reputation - model.reputation()) < 0.01
        True
        """
        counts: Mapping[str | int, int] = ({self.norm.action: population} if strategies is None
                                           else strategies)
        return simulate_reputation(
            self.norm, counts, benefit=self.benefit, cost=self.cost, noise=self.noise,
            assessment_error=self.assessment_error, knowledge=self.knowledge,
            assessment=self.assessment, rounds=rounds, burn_in=burn_in,
            observation=observation, seed=seed)
