"""Audience costs in a crisis (after Fearon 1994): a discrete signalling game of resolve.

A challenger threatens a defender in public; if the defender resists, the challenger either
fights or backs down, and backing down after a public threat costs its leader an *audience
cost* at home. The challenger knows whether it is resolved (it prefers war to backing down)
or irresolute; the defender does not. Audience costs make a threat costly to bluff with and,
once large enough, bind even an irresolute challenger to fight: escalation becomes a credible
signal of resolve.

**A discrete simplification.** Fearon's model is "a political 'war of attrition' in which
state leaders choose at each moment whether to attack, back down, or escalate", where "a
leader who backs down suffers audience costs that increase as the public confrontation
proceeds" (1994, p. 577, the abstract), with private information on both sides. This
module keeps one round of it: a two-type challenger, one public threat, one response, one
decision to fight; only the challenger has an audience cost, fixed rather than growing with
time. It carries Fearon's mechanism (a leader who backs down after escalating pays at home:
escalating ties its hands, so it reveals resolve) and a one-sided analogue of his
comparative static, "the side with a stronger domestic audience (e.g., a democracy) is
always less likely to back down than the side less able to generate audience costs"
(p. 577): here a challenger with a higher audience cost is less likely to back down once it
has escalated. That its threats also make the defender concede more often is this game's
finding, not a statement taken from the article. It does not carry the war of attrition's
dynamics (when the crisis ends, how long a bluff lasts), his result that "publicly
observable measures of relative military capabilities and relative interests prove to have
no direct effect once a crisis begins" (p. 577), or his comparison of *two* sides' audience
costs in one crisis (only the challenger has one here).

**Bluffing: where this model departs.** In Fearon's (1997) tying-hands game a leader
*chooses* how large an audience cost to create, and "leaders never bluff" (p. 68, the
abstract). Here the audience cost is a fixed attribute of the challenger's political
system (Fearon's 1994 reading: a democracy's stronger audience), attached to any threat,
and in the semi-separating regime the irresolute type does bluff, with probability
``q (k - 1) / (1 - q)``. The library's finding is that the no-bluffing result needs the
leader's choice of how much to tie its hands; a fixed audience cost deters bluffs only
once it exceeds the bluffer's cost of war (then even the bluffer fights).

Only the abstracts of the two articles (their first pages) could be consulted: the
propositions of Fearon (1994) and their pages, and the model of Fearon (1997), were not.

References
----------
.. [1] Fearon, J. D. (1994). Domestic political audiences and the escalation of international
   disputes. *American Political Science Review* 88(3), 577-592 (p. 577, the abstract).
.. [2] Fearon, J. D. (1997). Signaling foreign policy interests: tying hands versus sinking
   costs. *Journal of Conflict Resolution* 41(1), 68-90 (p. 68, the abstract).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from .._numeric import format_number
from .._validation import check_probability, check_real
from ..errors import InvalidArgumentError
from ..games.extensive import Chance, Decision, ExtensiveFormGame, Outcome
from ..games.extensive.signalling import SignallingGame
from ..types import Number
from .base import Model
from .crisis import WarRiskComparison

__all__ = ["AudienceCostEquilibrium", "AudienceCosts"]
__dir__ = public_dir(__all__)

#: The game's players, in the order of its payoffs.
PLAYERS = ("Challenger", "Defender")


@dataclass(frozen=True, repr=False)
class AudienceCostEquilibrium:
    """The perfect Bayesian equilibrium of :class:`AudienceCosts` (cutoff form).

    Attributes
    ----------
    regime : str
        ``'hands tied'`` (the audience cost binds even the irresolute type to fight, every
        type threatens and the defender concedes), ``'pooling'`` (the defender's prior
        already makes resisting too risky: every type threatens, the defender concedes) or
        ``'semi-separating'`` (the irresolute type bluffs with probability ``bluff``, the
        defender resists with probability ``resist``).
    bluff : number
        Probability that the irresolute type threatens (the resolved type always does).
    resist : number
        Probability that the defender resists a threat.
    irresolute_fights : bool
        Whether the irresolute type fights rather than back down when resisted.
    belief : number
        The defender's belief that a threatening challenger is resolved (Bayes' rule).
    war_probability : number
        Probability of war (ex ante).
    back_down_probability : number
        Probability that a challenger who has threatened backs down.
    payoffs : tuple of number
        Ex-ante expected payoffs (challenger, defender).
    unique : bool
        Whether this is the game's only perfect Bayesian equilibrium. It is not at the
        boundaries ``audience_cost == -irresolute_war``, ``prior * defender_war_cost == 1``
        and (in the semi-separating regime) ``audience_cost == 0``, where a continuum of
        equilibria exists and this one is a selection, nor with ``resolved_war == 0`` when
        the irresolute type would back down (see :class:`AudienceCosts`).

    See Also
    --------
    AudienceCosts.equilibrium : computes it.
    AudienceCosts.behavior_profile : the same equilibrium as a behaviour profile of the game.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1).equilibrium()
    AudienceCostEquilibrium(semi-separating: bluff 1/3, resist 1/2, war 1/8)
    """

    regime: str
    bluff: Number
    resist: Number
    irresolute_fights: bool
    belief: Number
    war_probability: Number
    back_down_probability: Number
    payoffs: tuple[Number, Number]
    unique: bool = True

    def __repr__(self) -> str:
        return (f"AudienceCostEquilibrium({self.regime}: bluff {format_number(self.bluff)}, "
                f"resist {format_number(self.resist)}, war "
                f"{format_number(self.war_probability)})")


@dataclass(frozen=True, repr=False)
class AudienceCosts(Model):
    """A crisis signalling game with an audience cost for backing down after a threat.

    Parameters
    ----------
    prior : number
        Probability that the challenger is resolved, in ``(0, 1)``.
    audience_cost : number
        What the challenger's leader loses at home by backing down after a public threat
        (``>= 0``).
    resolved_war : number
        The resolved challenger's payoff from war (``>= 0``: it weakly prefers war to backing
        down even without an audience cost, and to the status quo). Default 1/2. With 0 the
        resolved type is indifferent between threatening and the status quo when the
        defender resists for sure, which adds an equilibrium (see the Notes).
    irresolute_war : number
        The irresolute challenger's payoff from war (``< 0``). Default -2.
    defender_war_cost : number
        What war costs the defender (``> 1``: war is worse than conceding). Default 2.

    Notes
    -----
    Nature draws the challenger's type (resolved with probability ``prior = q``). The
    challenger keeps the status quo (payoffs 0, 0) or threatens. The defender, who sees the
    threat but not the type, concedes (challenger 1, defender -1) or resists. Resisted, the
    challenger backs down (``-audience_cost``, 0) or fights (its type's war payoff,
    ``-defender_war_cost``). :attr:`game` is this tree as an
    :class:`~multilateral.games.ExtensiveFormGame`.

    With ``a = audience_cost``, ``k = defender_war_cost`` and ``w = irresolute_war``, the
    perfect Bayesian equilibrium is:

    * ``a >= -w`` (*hands tied*): backing down costs more than war, so even the irresolute
      type fights; every type threatens and the defender, facing sure war, concedes.
    * ``a < -w`` and ``q k > 1`` (*pooling*): every type threatens and the defender
      concedes, because resisting a random challenger is already worse than conceding.
    * ``a < -w`` and ``q k <= 1`` (*semi-separating*): the irresolute type bluffs with
      probability ``q (k - 1) / (1 - q)``, which makes the defender indifferent (belief
      ``1 / k``); the defender resists with probability ``1 / (1 + a)``, which makes the
      bluffer indifferent. War comes with probability ``q / (1 + a)``; a challenger who
      has threatened backs down with probability ``(1 - 1/k) / (1 + a)``.

    *All the equilibria.* With ``r = resolved_war``, this is the game's unique perfect
    Bayesian equilibrium when ``a > -w``, or when ``a < -w``, ``r > 0`` and either
    ``q k > 1`` or (``q k < 1`` and ``a > 0``) (:attr:`AudienceCostEquilibrium.unique`).
    Elsewhere there are others, and :meth:`equilibrium` returns a selection: at ``a = -w``
    the resisted irresolute type is indifferent and may mix (the selection: it fights); at
    ``q k = 1`` the defender is indifferent and any ``resist`` in ``[0, 1 / (1 + a)]``
    supports pooling (the selection: ``1 / (1 + a)``); at ``a = 0`` with ``q k < 1`` a threat
    is cheap talk and every ``bluff`` from ``q (k - 1) / (1 - q)`` to 1 with ``resist = 1``
    is an equilibrium; and with ``r = 0`` and ``a < -w`` no type threatens in a further
    equilibrium, the defender resisting a threat off the path (a belief at most ``1 / k``),
    which leaves the resolved type, who then gets 0 either way, indifferent. These sets
    were checked by enumerating the equilibria on a grid of mixed strategies (the tests).

    Higher audience costs make the challenger less likely to back down once it has
    escalated and the defender more likely to concede (Fearon's comparative static, here
    for one side's audience cost). In the semi-separating regime the defender's belief
    after a threat is ``1 / k`` whatever ``a``: the library's finding is that in this
    discrete game audience costs change the *response* to a threat, not how much a threat
    reveals; with ``a = 0`` a threat is cheap talk and an equilibrium in which it reveals
    nothing exists too (the one above is its limit), while with ``a > 0`` the equilibrium
    is unique (given ``r > 0``) and a threat raises the defender's belief from ``q`` to
    ``1 / k``.

    *An informed mediator* (:meth:`mediated`, after Kydd 2003): a third party that knows
    the challenger's type and tells the defender removes the war risk if believed, and it
    is believed about a bluffer only if it leans towards the defender by more than
    ``(1 + a) / (2 + a)``.

    References
    ----------
    .. [1] Fearon, J. D. (1994). Domestic political audiences and the escalation of
       international disputes. *American Political Science Review* 88(3), 577-592 (p. 577:
       the abstract's claims; the model itself is a war of attrition, simplified here as
       the module docstring says).
    .. [2] Fearon, J. D. (1997). Signaling foreign policy interests: tying hands versus
       sinking costs. *Journal of Conflict Resolution* 41(1), 68-90 (p. 68, the abstract:
       "leaders never bluff" when they choose their audience cost; here it is fixed, and
       bluffs occur in the semi-separating regime).
    .. [3] Fudenberg, D. and Tirole, J. (1991). *Game Theory*. MIT Press, ch. 8 (perfect
       Bayesian equilibrium in signalling games).

    See Also
    --------
    multilateral.models.WarBargaining : Fearon (1995): why private information about resolve
        can lead rational states to war.
    multilateral.models.CrisisMediation : the crisis as Chicken; a mediator correlates the
        sides' actions instead of letting one side signal.
    multilateral.games.ExtensiveFormGame : the game object :attr:`game` returns.
    multilateral.models.WarRiskComparison : what :meth:`mediated` returns.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> crisis = ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1)
    >>> eq = crisis.equilibrium()
    >>> eq.belief, eq.back_down_probability, eq.war_probability
    (Fraction(1, 2), Fraction(1, 4), Fraction(1, 8))
    >>> crisis.with_(audience_cost=Fraction(3, 2)).equilibrium().back_down_probability
    Fraction(1, 5)
    >>> crisis.with_(audience_cost=3).equilibrium().regime   # now even a bluffer would fight
    'hands tied'
    >>> crisis.with_(audience_cost=2).equilibrium().unique   # a = -w: the bluffer may mix
    False
    >>> crisis.with_(audience_cost=1).game
    ExtensiveFormGame(15 nodes, 5 information sets, players=('Challenger', 'Defender'))
    """

    prior: Number
    audience_cost: Number
    resolved_war: Number = Fraction(1, 2)
    irresolute_war: Number = -2
    defender_war_cost: Number = 2

    def __post_init__(self) -> None:
        names = ("prior", "audience_cost", "resolved_war", "irresolute_war",
                 "defender_war_cost")
        values: list[Any] = [
            check_probability(self.prior, "prior", exact=True, open_low=True, open_high=True),
            check_real(self.audience_cost, "audience_cost", low=0),
            check_real(self.resolved_war, "resolved_war", low=0),
            check_real(self.irresolute_war, "irresolute_war", high=0, open_high=True),
            check_real(self.defender_war_cost, "defender_war_cost", low=1, open_low=True),
        ]
        if any(isinstance(v, float) for v in values):
            values = [float(v) for v in values]
        for name, value in zip(names, values, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return (f"AudienceCosts(prior={format_number(self.prior)}, audience_cost="
                f"{format_number(self.audience_cost)}, resolved_war="
                f"{format_number(self.resolved_war)}, irresolute_war="
                f"{format_number(self.irresolute_war)}, defender_war_cost="
                f"{format_number(self.defender_war_cost)})")

    @property
    def game(self) -> ExtensiveFormGame:
        """The crisis as an :class:`~multilateral.games.ExtensiveFormGame` (players
        challenger, defender; information sets labelled ``'resolved'``, ``'irresolute'``,
        ``'resolved, resisted'``, ``'irresolute, resisted'`` and ``'threat'``).

        See Also
        --------
        behavior_profile : the equilibrium as a behaviour profile of this game.
        """
        def branch(kind: str, war: Number) -> Decision:
            resisted = Decision("Challenger", {
                "back down": Outcome([-self.audience_cost, 0 * self.prior]),
                "fight": Outcome([war, -self.defender_war_cost]),
            }, infoset=f"{kind}, resisted")
            return Decision("Challenger", {
                "status quo": Outcome([0 * self.prior, 0 * self.prior]),
                "threaten": Decision("Defender", {
                    "concede": Outcome([1 + 0 * self.prior, -1 + 0 * self.prior]),
                    "resist": resisted,
                }, infoset="threat"),
            }, infoset=kind)

        q = self.prior
        return ExtensiveFormGame(Chance({
            "resolved": (q, branch("resolved", self.resolved_war)),
            "irresolute": (1 - q, branch("irresolute", self.irresolute_war)),
        }), players=PLAYERS, title="Audience costs (after Fearon 1994)")

    @property
    def signalling_game(self) -> SignallingGame:
        """The crisis as a :class:`~multilateral.games.extensive.SignallingGame`: the
        challenger's last move (fight or back down when resisted) replaced by the choice
        every perfect Bayesian equilibrium makes there (fight exactly when its war payoff is
        at least ``-audience_cost``).

        :attr:`game` is not itself a signalling game (the sender moves again after the
        receiver); this reduction is, with the types ``'resolved'`` and ``'irresolute'``,
        the messages ``'status quo'`` and ``'threaten'``, and the defender's responses
        ``'concede'`` and ``'resist'`` to a threat. Its perfect Bayesian equilibria are those
        of :attr:`game` (sequential rationality fixes the challenger's last move, which is
        its own singleton information set) except where that move is a tie the reduction
        breaks: at ``audience_cost == -irresolute_war`` the resisted bluffer is indifferent
        and the reduction lets it fight; at ``resolved_war == audience_cost == 0`` the
        resisted resolved type is, and the reduction lets it fight, dropping the tree's
        equilibria in which it backs down (e.g. both types threaten, the defender resists
        and both back down; tested). Both cases have ``unique`` False in
        :meth:`equilibrium`.

        See Also
        --------
        multilateral.solvers.extensive.perfect_bayesian_equilibria : its equilibria, which
            reproduce :meth:`equilibrium` (tested).

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> g = ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1).signalling_game
        >>> g.types, g.messages, g.actions[1]
        (('resolved', 'irresolute'), ('status quo', 'threaten'), ('concede', 'resist'))
        """
        q, a, k = self.prior, self.audience_cost, self.defender_war_cost
        zero, one = 0 * q, 1 + 0 * q
        fights = a >= -self.irresolute_war
        bluffer_resisted = self.irresolute_war if fights else -a
        defender_vs_bluffer = -k if fights else zero
        sender = {"status quo": [[zero], [zero]],
                  "threaten": [[one, self.resolved_war], [one, bluffer_resisted]]}
        receiver = {"status quo": [[zero], [zero]],
                    "threaten": [[-one, -k], [-one, defender_vs_bluffer]]}
        prior: Any = [q, 1 - q]
        return SignallingGame(prior, sender, receiver, types=["resolved", "irresolute"],
                              messages=["status quo", "threaten"],
                              actions={"status quo": ["wait"], "threaten": ["concede", "resist"]},
                              players=PLAYERS, title="Audience costs (after Fearon 1994)")

    def equilibrium(self) -> AudienceCostEquilibrium:
        """The perfect Bayesian equilibrium in closed form (see the class Notes; at the
        boundaries where the game has a continuum of equilibria, the selection described
        there, with ``unique`` False).

        See Also
        --------
        behavior_profile : the same, on :attr:`game`.
        """
        q, a, k = self.prior, self.audience_cost, self.defender_war_cost
        zero, one = 0 * q, 1 + 0 * q
        fights = a >= -self.irresolute_war
        if a > -self.irresolute_war:
            unique = True
        elif a == -self.irresolute_war:
            unique = False
        else:
            unique = bool(self.resolved_war > 0 and (q * k > 1 or (q * k < 1 and a > 0)))
        if fights or q * k > 1:
            regime = "hands tied" if fights else "pooling"
            bluff, resist, belief = one, zero, q
        else:
            regime = "semi-separating"
            bluff, resist, belief = q * (k - 1) / (1 - q), 1 / (1 + a), 1 / k
        resolved_payoff = resist * self.resolved_war + (1 - resist)
        irresolute_after = self.irresolute_war if fights else -a
        irresolute_payoff = bluff * (resist * irresolute_after + (1 - resist))
        threat = q + (1 - q) * bluff
        defender = threat * (resist * (-belief * k + (1 - belief) * (-k if fights else zero))
                             - (1 - resist))
        war = resist * (q + (1 - q) * bluff * (one if fights else zero))
        back_down = zero if fights else (1 - belief) * resist
        return AudienceCostEquilibrium(
            regime=regime, bluff=bluff, resist=resist, irresolute_fights=bool(fights),
            belief=belief, war_probability=war, back_down_probability=back_down,
            payoffs=(q * resolved_payoff + (1 - q) * irresolute_payoff, defender),
            unique=unique)

    def behavior_profile(self) -> list[tuple[Number, ...]]:
        """The equilibrium as a behaviour profile of :attr:`game`: one probability vector
        per information set, in ``game.infosets`` order (exact for exact parameters).

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> crisis = ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1)
        >>> [s.label for s in crisis.game.infosets]
        ['resolved', 'irresolute', 'resolved, resisted', 'irresolute, resisted', 'threat']
        >>> crisis.game.expected_payoffs(crisis.behavior_profile()).tolist()
        [0.1875, -0.5]
        >>> crisis.equilibrium().payoffs
        (Fraction(3, 16), Fraction(-1, 2))

        See Also
        --------
        equilibrium : the closed form.
        """
        eq = self.equilibrium()
        one, zero = 1 + 0 * self.prior, 0 * self.prior
        irresolute_fight = one if eq.irresolute_fights else zero
        by_label: dict[str, tuple[Number, ...]] = {
            "resolved": (zero, one),
            "irresolute": (1 - eq.bluff, eq.bluff),
            "resolved, resisted": (zero, one),
            "irresolute, resisted": (1 - irresolute_fight, irresolute_fight),
            "threat": (1 - eq.resist, eq.resist),
        }
        labels = [s.label for s in self.game.infosets]
        if sorted(labels) != sorted(by_label):  # pragma: no cover - the tree is built above
            raise InvalidArgumentError(f"unexpected information sets {labels}")
        return [by_label[label] for label in labels]

    def mediated(self, mediator_bias: Number) -> WarRiskComparison:
        """The probability of war with a mediator who knows the challenger's type and tells
        the defender after a threat (after Kydd 2003), against the equilibrium without one.

        Believed, the report removes the risk of war: the defender concedes to a resolved
        challenger and resists an irresolute one, who backs down (or, with its hands tied,
        concedes to both). The mediator weighs the defender's payoff by ``mediator_bias``
        and the challenger's by the rest. It tells the truth about a bluffer only if
        ``mediator_bias > (1 + a) / (2 + a)``: exposing the bluff costs the challenger its
        audience cost ``a`` where a false "resolved" would have won it the concession, so a
        mediator that cares for the challenger would rather counsel the defender to give
        in. About a resolved challenger it tells the truth when ``(1 - r) +
        mediator_bias (k - 2 + r) > 0`` (a false "bluffing" brings war). When either
        fails (and the report matters, ``a < -w``), the defender ignores it and the war
        risk is the unmediated one. Off the thresholds this is not just a selection: a
        mediator that, whatever the type, strictly prefers the defender to resist less (or,
        whatever the type, more) must meet the same response after every report it sends,
        so no report informs the defender and the crisis is the unmediated one (with a
        unique equilibrium off the boundaries in the class Notes); and when the two types'
        wishes differ, the resolved type's mediator is the one that wants more resistance,
        which a defender who resists a resolved challenger less cannot give it. The higher
        the audience cost, the more the mediator must lean towards the defender: the
        library's finding in this game.

        Parameters
        ----------
        mediator_bias : number
            The weight the mediator puts on the defender's payoff, in ``[0, 1]``.

        Returns
        -------
        WarRiskComparison

        References
        ----------
        .. [1] Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation.
           *American Journal of Political Science* 47(4), 597-611 (p. 597, the abstract;
           the article's model differs: this is the library's version in this game).

        See Also
        --------
        multilateral.models.WarBargaining.mediated : the same for Fearon's bargaining model.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import multilateral as ml
        >>> crisis = ml.models.AudienceCosts(prior=Fraction(1, 4), audience_cost=1)
        >>> crisis.mediated(mediator_bias=Fraction(3, 5))   # needs more than 2/3
        WarRiskComparison(war risk 1/8 -> 1/8: reports the challenger's type, not credible)
        >>> crisis.mediated(mediator_bias=Fraction(3, 4))
        WarRiskComparison(war risk 1/8 -> 0: reports the challenger's type)
        """
        b = check_probability(mediator_bias, "mediator_bias", exact=True)
        a, k, r = self.audience_cost, self.defender_war_cost, self.resolved_war
        unmediated = self.equilibrium().war_probability
        if a >= -self.irresolute_war:      # hands tied: the defender concedes whatever it hears
            credible = True
        else:
            credible = bool(b * (2 + a) > 1 + a and (1 - r) + b * (k - 2 + r) > 0)
        return WarRiskComparison(unmediated=unmediated,
                                 mediated=0 * unmediated if credible else unmediated,
                                 mediator="reports the challenger's type", credible=credible)
