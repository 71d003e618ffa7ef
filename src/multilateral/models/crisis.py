"""Crisis off-ramps: an institution as a mediator in a game of Chicken.

Two states in a standoff each stand firm or back down. Backing down alone is humiliating,
both standing firm is war: a game of Chicken (``T > R > S > P`` with "back down" as the
cooperative action). Without help the symmetric way to play is the mixed Nash equilibrium,
which risks war. A mediator (a secretary-general's good offices, a trusted third party)
who privately recommends actions turns the game into one of correlated equilibrium
(Aumann 1974): each side obeys because, given its own recommendation, obeying is a best
reply. The fair recommendation that is best for both never risks war.

References
----------
.. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
   *Journal of Mathematical Economics* 1(1), 67-96.
.. [2] Snyder, G. H. (1971). "Prisoner's Dilemma" and "Chicken" models in international
   politics. *International Studies Quarterly* 15(1), 66-103.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_real
from ..errors import InvalidGameError
from ..games.two_by_two import TwoByTwo
from ..results import CorrelatedEquilibrium
from ..types import Number
from .base import Model

__all__ = ["CrisisComparison", "CrisisMediation", "WarRiskComparison"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class WarRiskComparison:
    """The probability of war in a crisis without and with a mediator.

    The result convention that the crisis models share: :meth:`CrisisComparison.war_risk`
    (a mediator in Chicken) and :meth:`~multilateral.models.WarBargaining.mediated` (an
    informed mediator in Fearon's bargaining model) both return one, so that the two ways
    a third party can lower the risk of war -- coordinating the sides' actions, or telling
    one side what the other will fight for -- are compared in the same terms.

    Attributes
    ----------
    unmediated, mediated : number
        The equilibrium probability of war without and with the mediator.
    mediator : str
        What the mediator does.
    credible : bool
        Whether the sides have reason to act on what the mediator says: its recommendation
        is part of an equilibrium in which it is followed (Chicken), or telling the truth
        is the informed mediator's strict best reply (Fearon's crises). When it is not,
        ``mediated`` is the war risk of the equilibrium in which the mediator is ignored:
        in :meth:`~multilateral.models.WarBargaining.mediated` a selection (a partly
        informative equilibrium may exist, see there).

    References
    ----------
    .. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
       *Journal of Mathematical Economics* 1(1), 67-96.
    .. [2] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
       *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract: a
       mediator reduces the likelihood of conflict by providing information about
       resolve, and only one who is effectively "on your side" is believed when it counsels
       restraint).

    See Also
    --------
    CrisisComparison.war_risk : the comparison for a crisis of Chicken.
    multilateral.models.WarBargaining.mediated : the comparison for Fearon's crisis.
    multilateral.models.AudienceCosts.mediated : the comparison for the audience-cost crisis.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6).compare().war_risk
    WarRiskComparison(war risk 1/9 -> 0: recommends actions (a correlated equilibrium))
    """

    unmediated: Number
    mediated: Number
    mediator: str
    credible: bool

    @property
    def removed(self) -> Number:
        """How much probability of war the mediator removes (``unmediated - mediated``).

        See Also
        --------
        WarRiskComparison : the two risks.
        """
        return self.unmediated - self.mediated

    def __repr__(self) -> str:
        note = "" if self.credible else ", not credible"
        return (f"WarRiskComparison(war risk {format_number(self.unmediated)} -> "
                f"{format_number(self.mediated)}: {self.mediator}{note})")


@dataclass(frozen=True, repr=False)
class CrisisComparison:
    """The symmetric Nash equilibrium against the fair mediated one.

    Attributes
    ----------
    nash_firmness : number
        Probability that each side stands firm in the symmetric mixed equilibrium.
    nash_war_risk, mediated_war_risk : number
        Probability of war without and with the mediator.
    nash_payoff, mediated_payoff : number
        Each side's expected payoff without and with the mediator.
    recommendation : tuple
        The mediator's probabilities of (both back down, only A backs down, only B backs
        down, war).

    References
    ----------
    .. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
       *Journal of Mathematical Economics* 1(1), 67-96 (pp. 72-76: the Chicken example).

    See Also
    --------
    CrisisMediation.compare : computes it.
    CrisisMediation.mediated : the mediated equilibrium by linear programming.
    multilateral.results.CorrelatedEquilibrium : the solver's result for the same question.

    Examples
    --------
    >>> import multilateral as ml
    >>> c = ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6).compare()
    >>> c.nash_firmness, c.nash_war_risk, c.war_risk_removed
    (Fraction(1, 3), Fraction(1, 9), Fraction(1, 9))
    """

    nash_firmness: Number
    nash_war_risk: Number
    nash_payoff: Number
    mediated_war_risk: Number
    mediated_payoff: Number
    recommendation: tuple[Number, Number, Number, Number]

    @property
    def war_risk_removed(self) -> Number:
        """How much probability of war the mediator removes.

        See Also
        --------
        CrisisMediation.compare : where the two risks come from.
        """
        return self.nash_war_risk - self.mediated_war_risk

    @property
    def war_risk(self) -> WarRiskComparison:
        """The two war risks in the convention the crisis models share.

        See Also
        --------
        WarRiskComparison : the shared result.
        multilateral.models.WarBargaining.mediated : the same for Fearon's crisis.
        """
        return WarRiskComparison(unmediated=self.nash_war_risk,
                                 mediated=self.mediated_war_risk,
                                 mediator="recommends actions (a correlated equilibrium)",
                                 credible=True)

    def __repr__(self) -> str:
        return (f"CrisisComparison(war risk {self.nash_war_risk} -> {self.mediated_war_risk}; "
                f"payoff {self.nash_payoff} -> {self.mediated_payoff})")


@dataclass(frozen=True, eq=False, repr=False)
class CrisisMediation(Model):
    """A symmetric crisis as Chicken, with and without a mediator.

    Parameters
    ----------
    prize : number
        What standing firm wins when the other side backs down (``T - R > 0``).
    humiliation : number
        What backing down alone costs (``R - S > 0``).
    war_cost : number
        What war costs each side; it must exceed ``humiliation`` (``S > P``), or the game
        is not Chicken. Payoffs are measured from the compromise (both back down) = 0.

    Notes
    -----
    With ``T, R, S, P = prize, 0, -humiliation, -war_cost``, the symmetric mixed equilibrium
    stands firm with probability ``q = (T - R) / (T - R + S - P)`` and risks war with
    probability ``q**2``. The fair correlated equilibrium that is best for both puts ``x``
    on mutual compromise and ``y`` on each one-sided outcome, with ``x + 2y = 1``; the only
    binding constraint is that a side told to back down must not prefer to stand firm,
    ``x (R - T) + y (S - P) >= 0``. When ``R >= (S + T) / 2`` compromise is worth more
    than a fair coin between the two one-sided outcomes and the constraint binds:
    ``x = (S - P) / (S - P + 2 (T - R))``; otherwise ``x = 0`` and ``y = 1/2``. Either way
    no mass goes on war.

    The model keeps the model contract (:mod:`multilateral.models.base`; change parameters
    with :meth:`with_`). :attr:`game` is the Chicken it describes: the generic solvers
    reproduce :meth:`compare` on it (:func:`~multilateral.solvers.nash_equilibria` gives
    the mixed equilibrium, :func:`~multilateral.solvers.correlated_equilibrium` with the
    ``"egalitarian"`` objective the mediated one).

    Here both sides know the stakes and war risk comes from miscoordination, which a
    mediator who only recommends actions removes. In Fearon's crisis models
    (:class:`~multilateral.models.WarBargaining`, :class:`~multilateral.models.AudienceCosts`)
    it comes from private information about resolve and the incentive to misrepresent it;
    there a mediator helps only if it *knows* something and is believed, which
    :meth:`~multilateral.models.WarBargaining.mediated` and
    :meth:`~multilateral.models.AudienceCosts.mediated` compute (after Kydd 2003). All report
    their war risks as a :class:`WarRiskComparison` (:attr:`CrisisComparison.war_risk`).

    References
    ----------
    .. [1] Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies.
       *Journal of Mathematical Economics* 1(1), 67-96 (pp. 72-76: the Chicken example).
    .. [2] Snyder, G. H. (1971). "Prisoner's Dilemma" and "Chicken" models in international
       politics. *International Studies Quarterly* 15(1), 66-103 (pp. 82-90).

    See Also
    --------
    CrisisComparison : what :meth:`compare` returns.
    WarRiskComparison : the war risks, in the convention shared with Fearon's crisis.
    multilateral.solvers.correlated_equilibrium : the mediator's problem on :attr:`game`.
    multilateral.TwoByTwo : the game object.
    multilateral.models.WarBargaining : Fearon (1995): war from private information about
        resolve; :meth:`~multilateral.models.WarBargaining.mediated` adds an informed
        mediator.
    multilateral.models.AudienceCosts : Fearon (1994): a crisis in which one side signals
        its resolve by escalating in public instead of being guided by a mediator.

    Examples
    --------
    Aumann's numbers, shifted so that compromise is worth 0 (``T, R, S, P = 7, 6, 2, 0``):

    >>> import multilateral as ml
    >>> crisis = ml.models.CrisisMediation(prize=1, humiliation=4, war_cost=6)
    >>> crisis.compare()
    CrisisComparison(war risk 1/9 -> 0; payoff -4/3 -> -3/4)
    >>> crisis.compare().recommendation
    (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4), Fraction(0, 1))
    >>> mixed = [eq for eq in ml.solvers.nash_equilibria(crisis.game) if not eq.is_pure]
    >>> mixed[0].exact[0][1]  # stands firm with probability 1/3: war risk 1/9
    Fraction(1, 3)
    """

    prize: Number
    humiliation: Number
    war_cost: Number

    def __post_init__(self) -> None:
        for name in ("prize", "humiliation", "war_cost"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0,
                                                      open_low=True))
        if self.war_cost <= self.humiliation:
            raise InvalidGameError(
                f"war must cost more than backing down alone (war_cost {self.war_cost} > "
                f"humiliation {self.humiliation}), or the crisis is not a game of Chicken"
            )

    @classmethod
    def from_game(cls, game: TwoByTwo) -> CrisisMediation:
        """The crisis of a symmetric game of Chicken (action 0 = back down): the inverse of
        :attr:`game` (up to the payoffs' origin, which is set at mutual compromise).

        See Also
        --------
        game : the inverse.
        multilateral.TwoByTwo.oye_type : how a game is recognized as Chicken.
        """
        if not isinstance(game, TwoByTwo) or game.oye_type != "chicken" or (
                game.trps(0) != game.trps(1)):
            raise InvalidGameError("expected a symmetric TwoByTwo game of Chicken")
        t, r, p, s = (Fraction(v) if game.is_exact else float(v) for v in game.trps(0))
        return cls(prize=t - r, humiliation=r - s, war_cost=r - p)

    def __repr__(self) -> str:
        return (f"CrisisMediation(prize={format_number(self.prize)}, humiliation="
                f"{format_number(self.humiliation)}, war_cost={format_number(self.war_cost)})")

    @property
    def game(self) -> TwoByTwo:
        """The crisis as a :class:`~multilateral.TwoByTwo` of Chicken (actions: back down,
        stand firm), with ``T, R, S, P = prize, 0, -humiliation, -war_cost``; exact for
        exact parameters.

        See Also
        --------
        from_game : the inverse.
        multilateral.solvers.nash_equilibria : its mixed equilibrium reproduces :meth:`compare`.
        """
        return TwoByTwo.symmetric(T=self.prize, R=0 * self.prize, P=-self.war_cost,
                                  S=-self.humiliation, actions=[["back down", "stand firm"]] * 2)

    def compare(self) -> CrisisComparison:
        """The symmetric Nash equilibrium against the fair mediated equilibrium (closed form).

        See Also
        --------
        CrisisComparison : what it returns.
        mediated : the mediated equilibrium by linear programming.
        """
        t, r, s, p = self.prize, 0 * self.prize, -self.humiliation, -self.war_cost
        q = (t - r) / (t - r + s - p)
        nash_payoff = (1 - q) * r + q * s
        # compromise is worth more than a fair coin between the one-sided outcomes: as much
        # of it as the binding constraint allows; otherwise none
        x = (s - p) / (s - p + 2 * (t - r)) if 2 * r >= s + t else 0 * q
        y = (1 - x) / 2
        return CrisisComparison(
            nash_firmness=q, nash_war_risk=q * q, nash_payoff=nash_payoff,
            mediated_war_risk=0 * q, mediated_payoff=x * r + y * (s + t),
            recommendation=(x, y, y, 0 * q),
        )

    def mediated(self) -> CorrelatedEquilibrium:
        """The egalitarian correlated equilibrium found by linear programming (a check on
        :meth:`compare`, and the way to go beyond the symmetric case).

        See Also
        --------
        compare : the closed form.
        multilateral.solvers.correlated_equilibrium : the solver it calls.
        """
        from ..solvers.correlated import correlated_equilibrium

        return correlated_equilibrium(self.game, "egalitarian")
