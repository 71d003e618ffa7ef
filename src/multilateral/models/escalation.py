"""Escalation under strategic risk: fear spirals in a global game of preemptive attack.

Two states each keep the peace or attack. Peace is worth ``peace_value`` (θ) to each while
it lasts; attacking a state that keeps the peace is worth ``first_strike`` (``b``); a state
attacked while at peace gets ``-exposure`` (``-c``); mutual attack is war, worth
``war_payoff`` (``w``) to each. With ``w > -c`` an attack is the best reply to an attack:
the game has a *preemptive* incentive (``w + c``), the fear of being caught at peace, and a
*predatory* one (``b - θ``), the temptation to strike a peaceful rival (Chassang and Padró
i Miquel 2010).

Under complete information peace is an equilibrium exactly when ``θ >= b``: only the
predatory incentive matters, and both states can coordinate on peace. Under *strategic
risk* each state sees θ with a small private error (uniform on ``[-signal_noise,
signal_noise]``); then (Carlsson and van Damme 1993, Morris and Shin 2003) each state
attacks when its signal is below a threshold that tends to the risk-dominance threshold
``b + w + c`` as the noise vanishes. That threshold profile is an equilibrium (checked by
Monte Carlo in the tests); it is the *unique* one only with an upper dominance region, values
of peace at which keeping the peace is dominant. This stage game has none (attack always
answers attack, ``w > -c``), so mutual attack at every signal is also an equilibrium here:
the library reports the threshold equilibrium as the global-games selection, the one left
when such a region is added at values of peace far above the threshold. Between ``b`` and
it both states prefer peace and peace is
an equilibrium of the game with known stakes, yet they fight for fear of each other: a
*fear spiral*. Both incentives now count, the preemptive one as much as the predatory one.

With an improper uniform prior on θ and noise of half-width ``ε`` the threshold is exactly
``θ* = b + w + c - ε / 3`` (the library's derivation): the state at the threshold ``x``
believes the rival's signal is below its own with probability 1/2 (the Laplacian belief), and
keeping the peace is worth ``E[θ 1{rival keeps the peace}] - c / 2 = x / 2 + ε / 6 - c / 2``
(θ is higher when the rival's signal is high, hence ``ε / 6``), attacking ``(b + w) / 2``.
The probability of war at a true θ is ``1 - (1 - a)**2`` with ``a`` the probability that one
state's signal falls below ``θ*``. All of it is exact for exact inputs.

References
----------
.. [1] Chassang, S. and Padró i Miquel, G. (2010). Conflict and deterrence under
   strategic risk. *Quarterly Journal of Economics* 125(4), 1821-1858 (the abstract:
   "weapons unambiguously facilitate peace under complete information. In contrast, under
   strategic risk, we show that increases in weapon stocks can have a nonmonotonic effect
   on the sustainability of cooperation"; the predatory/preemptive distinction is theirs;
   the stage game here is the library's one-shot version, pages of the model not
   consulted).
.. [2] Baliga, S. and Sjöström, T. (2004). Arms races and negotiations. *Review of
   Economic Studies* 71(2), 351-369 (the fear spiral of a game of preemption with private
   information; not reproduced here).
.. [3] Carlsson, H. and van Damme, E. (1993). Global games and equilibrium selection.
   *Econometrica* 61(5), 989-1018 (the risk-dominant equilibrium is selected).
.. [4] Morris, S. and Shin, H. S. (2003). Global games: theory and applications. In
   *Advances in Economics and Econometrics* (Cambridge University Press), 56-114 (the
   Laplacian belief at the threshold).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_real
from ..errors import InvalidGameError
from ..games.two_by_two import TwoByTwo
from ..types import Number
from .base import Model
from .crisis import WarRiskComparison

__all__ = ["PreemptiveWar"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, eq=False, repr=False)
class PreemptiveWar(Model):
    """A global game of preemptive attack (after Chassang and Padró i Miquel 2010).

    Parameters
    ----------
    first_strike : number
        What attacking a state that keeps the peace is worth (``b``).
    war_payoff : number
        What mutual attack (war) is worth to each (``w``); below ``first_strike``.
    exposure : number
        What being attacked while keeping the peace costs (``c``; the payoff is ``-c``);
        ``war_payoff > -exposure``, so that an attack is the best reply to an attack.
    signal_noise : number
        Half-width of the uniform error on each state's private signal of the value of
        peace (``> 0``; the threshold does not depend on it, the war risk near it does).

    Notes
    -----
    The value of peace θ is an argument of the methods, not a parameter: the model is the
    family of games indexed by it. Under complete information peace is an equilibrium iff
    ``θ >= b`` (:meth:`complete_information_threshold`); under strategic risk the threshold
    equilibrium (the global-games selection; unique once an upper dominance region is
    added, see the module docstring) keeps the peace iff the signal is at least
    ``θ* = b + w + c - ε / 3`` (:meth:`threshold`), which tends to ``b + w + c``
    (:meth:`risk_dominance_threshold`), the value of θ at which keeping the peace
    risk-dominates attack in :meth:`game_at`, as the noise vanishes. The interval
    ``[b, b + w + c)`` is the fear spiral (:meth:`fear_spiral`).

    References
    ----------
    .. [1] Chassang, S. and Padró i Miquel, G. (2010). Conflict and deterrence under
       strategic risk. *Quarterly Journal of Economics* 125(4), 1821-1858 (the abstract;
       pages of the model not consulted: the one-shot stage game is the library's).
    .. [2] Carlsson, H. and van Damme, E. (1993). Global games and equilibrium selection.
       *Econometrica* 61(5), 989-1018.

    See Also
    --------
    multilateral.models.CrisisMediation : war from miscoordination in Chicken.
    multilateral.models.OptimalMediation : war from private information, and the mediator.
    multilateral.models.WarRiskComparison : the shared war-risk result (:meth:`war_risk`).
    multilateral.models.ArmsRace : a fear spiral from private types without talk, not noise.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
    ...                             signal_noise=Fraction(1, 10))
    >>> m.complete_information_threshold(), m.risk_dominance_threshold(), m.threshold()
    (Fraction(1, 1), Fraction(2, 1), Fraction(59, 30))
    >>> m.war_probability(Fraction(3, 2))   # both prefer peace, and fight for fear
    Fraction(1, 1)
    >>> m.war_probability(m.threshold())    # at the threshold: each attacks half the time
    Fraction(3, 4)
    """

    first_strike: Number
    war_payoff: Number
    exposure: Number
    signal_noise: Number

    def __post_init__(self) -> None:
        for name in ("first_strike", "war_payoff", "exposure"):
            object.__setattr__(self, name, check_real(getattr(self, name), name))
        object.__setattr__(self, "signal_noise", check_real(self.signal_noise, "signal_noise",
                                                            low=0, open_low=True))
        if self.war_payoff >= self.first_strike:
            raise InvalidGameError(
                f"attacking a peaceful state must beat war (first_strike {self.first_strike} "
                f"> war_payoff {self.war_payoff}); otherwise there is no predatory gain")
        if self.war_payoff <= -self.exposure:
            raise InvalidGameError(
                f"war must beat being attacked at peace (war_payoff {self.war_payoff} > "
                f"-exposure {-self.exposure}); otherwise there is no preemptive incentive "
                "and no fear spiral")

    def __repr__(self) -> str:
        return (f"PreemptiveWar(first_strike={format_number(self.first_strike)}, war_payoff="
                f"{format_number(self.war_payoff)}, exposure={format_number(self.exposure)}, "
                f"signal_noise={format_number(self.signal_noise)})")

    def game_at(self, peace_value: Number) -> TwoByTwo:
        """The stage game when peace is worth ``peace_value`` (actions: peace, attack).

        It is ``TwoByTwo.symmetric(T=b, R=θ, P=w, S=-c)``: a stag hunt when ``θ > b``.

        See Also
        --------
        threshold : where peace risk-dominates in it.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
        ...                             signal_noise=1)
        >>> m.game_at(3).oye_type
        'stag_hunt'
        """
        theta = check_real(peace_value, "peace_value")
        return TwoByTwo.symmetric(T=self.first_strike, R=theta, P=self.war_payoff,
                                  S=-self.exposure, actions=[["peace", "attack"]] * 2)

    def complete_information_threshold(self) -> Number:
        """The least value of peace at which peace is an equilibrium with known stakes (``b``).

        See Also
        --------
        threshold : the same under strategic risk.
        """
        return self.first_strike

    def risk_dominance_threshold(self) -> Number:
        """The limit of :meth:`threshold` as the noise vanishes, ``b + w + c``: the least
        value of peace at which peace risk-dominates attack in :meth:`game_at`.

        It is the predatory threshold ``b`` raised by the preemptive incentive ``w + c``.

        See Also
        --------
        threshold : at the model's noise.
        """
        return self.first_strike + self.war_payoff + self.exposure

    def threshold(self) -> Number:
        """The threshold equilibrium's threshold under strategic risk,
        ``θ* = b + w + c - signal_noise / 3``.

        Each state keeps the peace iff its signal of the value of peace is at least θ*.

        See Also
        --------
        risk_dominance_threshold : its limit as the noise vanishes.
        complete_information_threshold : without strategic risk.
        war_probability : the war risk it implies.
        """
        return self.risk_dominance_threshold() - self.signal_noise / 3

    def fear_spiral(self) -> tuple[Number, Number]:
        """The values of peace ``[b, b + w + c)`` at which peace is an equilibrium with
        known stakes but the states attack under strategic risk (as the noise vanishes).

        See Also
        --------
        risk_dominance_threshold, complete_information_threshold : its ends.
        """
        return self.complete_information_threshold(), self.risk_dominance_threshold()

    def attack_probability(self, peace_value: Number) -> Number:
        """The probability that one state attacks when peace is worth ``peace_value``: that
        its signal falls below the threshold.

        See Also
        --------
        war_probability : that at least one attacks.
        """
        theta = check_real(peace_value, "peace_value")
        eps = self.signal_noise
        share = (self.threshold() - theta + eps) / (2 * eps)
        zero = 0 * share
        return min(zero + 1, max(zero, share))

    def war_probability(self, peace_value: Number) -> Number:
        """The probability of war (at least one state attacks) at a true value of peace.

        See Also
        --------
        attack_probability : one state's part.
        war_risk : against complete information.
        """
        a = self.attack_probability(peace_value)
        return 1 - (1 - a) ** 2

    def war_risk(self, peace_value: Number) -> WarRiskComparison:
        """The war risk at ``peace_value`` under strategic risk against complete information
        (where the states coordinate on peace whenever it is an equilibrium).

        Returns
        -------
        WarRiskComparison
            ``unmediated`` is the strategic-risk war probability, ``mediated`` the one with
            common knowledge of the stakes (a third party that makes them public): 0 when
            ``θ >= b``, else 1.

        See Also
        --------
        multilateral.models.WarRiskComparison : the shared result.

        Examples
        --------
        >>> import multilateral as ml
        >>> m = ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
        ...                             signal_noise=1)
        >>> m.war_risk(2)
        WarRiskComparison(war risk 5/9 -> 0: makes the value of peace common knowledge)
        """
        risky = self.war_probability(peace_value)
        known = 0 * risky if peace_value >= self.first_strike else 0 * risky + 1
        return WarRiskComparison(unmediated=risky, mediated=known,
                                 mediator="makes the value of peace common knowledge",
                                 credible=True)
