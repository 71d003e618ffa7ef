"""Legitimacy as information: a multi-member body's endorsement as a signal to an audience.

Why do states seek the authorization of a body such as the UN Security Council when they
could act with a coalition of the willing? Thompson (2006) argues that a *neutral* body, one
with heterogeneous and representative member preferences, transmits information to foreign
leaders and publics that a club of like-minded states cannot; Chapman (2007, 2009) formalizes
the audience's side: an institution's statement moves public opinion only as far as the
public believes the members' interests make it informative, and a body that is
*conservative* relative to the audience (harder to persuade than the audience itself) is the
one whose support convinces. Fang (2008) models the same informational role of institutions
in domestic politics.

This module is the library's formalization, a binary cheap-talk game in the spirit of those
papers (not any one paper's model):

* (L1) the merit of the proposed action (an intervention), ``theta``, is uniform on
  ``[0, 1]``; the body observes it, the audience (a domestic public or third-party states)
  does not;
* (L2) member ``i`` of the body wants the audience to support the action iff ``theta >=
  c_i`` (its *position*; higher: more conservative); the audience supports iff its expected
  merit is at least its own threshold ``a`` (*audience*); the state seeking the endorsement
  (the *seeker*) has threshold ``s``;
* (L3) the body endorses iff at least ``quota`` members approve and every veto player
  approves (sincere voting: with the audience following the body, approving is a weakly
  dominant vote); so it endorses iff ``theta >= c*``, the *pivot*: the ``quota``-th smallest
  position, or a veto player's position if larger. The body acts as one sender with the
  pivot's preferences;
* (L4) talk is cheap: an endorsement costs nothing; what it is worth comes only from who
  would give it.

**Equilibrium** (the most informative perfect Bayesian equilibrium,
:meth:`Endorsement.equilibrium`): the body endorses iff ``theta >= c*``; the audience
believes ``E[theta | endorsed] = (1 + c*) / 2`` and ``E[theta | withheld] = c* / 2``, and
supports after an endorsement iff ``(1 + c*) / 2 >= a``, after its absence iff ``c* / 2 >= a``. The
endorsement is *influential* (it decides the audience's support) iff ``0 < c* < 1`` and
``2a - 1 <= c* <= 2a``; the body's pivot best-responds (it wants support exactly when
``theta >= c*``), so this is an equilibrium whenever it is influential; the babbling
equilibrium (the audience ignores the body) always exists too.

**Credibility.** The endorsement raises the audience's expected merit by ``c* / 2``
(:meth:`Endorsement.credibility`), increasing in the pivot's distance from the seeker: the
comparative static Chapman (2009) tests, support is worth more the farther the body's
pivotal members are from the state seeking it. A club of the seeker's friends (``c*`` near a
lax ``s < 2a - 1``) is not believed: its endorsement leaves the audience opposed (the trust
deficit of exclusive minilaterals); adding a distant member under consensus or with a veto
raises the pivot and can make the endorsement influential (Eckersley's inclusive
minilateralism). Two qualifications, this library's findings: influence is not monotone
(a body with ``c* > 2a`` is so conservative that the audience supports even without it, so
its endorsement changes beliefs but not the decision); and inclusiveness helps only under
consensus or vetoes (under a fixed quota, added lenient members *lower* the pivot, with
vetoes down to the most reluctant veto player's position, never below it). So in
this formalization Chapman's (2007) condition, a body conservative relative to the audience
(``c* > a``), is neither necessary (a pivot in ``[2a - 1, a)``, more lenient than the
audience, still decides its support) nor sufficient (``c* > 2a`` decides nothing); what the
model gives monotonically is the belief after an endorsement, a function of ``c*`` alone
(against the audience's prior the seeker's ``s`` enters only :meth:`Endorsement.distance`,
so at a fixed seeker "farther from the seeker" and "more conservative" are the same
comparison). Across seekers the comparison needs the seeker's own word: if it asks for
support iff ``theta >= s``, the endorsement adds ``max(c* - s, 0) / 2`` to what its request
already told the audience (:meth:`Endorsement.added_credibility`, checked by Monte Carlo),
half the pivot's distance from the seeker, and nothing for a body no more demanding than
the seeker.
:data:`multilateral.claims.INCLUSIVE_ENDORSEMENT_IS_CREDIBLE` states the claim.

:meth:`Endorsement.signalling_game` discretizes the game (``grid`` equally likely merits at
the midpoints ``(2k - 1) / (2 grid)``) as a
:class:`~multilateral.games.extensive.SignallingGame` for
:func:`~multilateral.solvers.extensive.perfect_bayesian_equilibria`;
when ``c*`` is a multiple of ``1 / grid`` its on-path beliefs equal the closed form exactly.
:meth:`Endorsement.premium_over` turns two bodies' credibility into the legitimacy premium
of :class:`~multilateral.models.HeterogeneousForum` (see
:meth:`~multilateral.models.HeterogeneousForum.from_endorsements`).

References
----------
.. [1] Thompson, A. (2006). Coercion through IOs: the Security Council and the logic of
   information transmission. *International Organization* 60(1), 1-34 (the neutral body:
   heterogeneous, representative member preferences; the 1990-91 Gulf War case).
.. [2] Chapman, T. L. (2007). International security institutions, domestic politics, and
   institutional legitimacy. *Journal of Conflict Resolution* 51(1), 134-166 (leaders
   consult relatively conservative institutions, whose support convinces audiences).
.. [3] Chapman, T. L. (2009). Audience beliefs and international organization legitimacy.
   *International Organization* 63(4), 733-764 (presidential approval rallies 1946-2001
   larger with a resolution from a Security Council more distant from the United States).
.. [4] Fang, S. (2008). The informational role of international institutions and domestic
   politics. *American Journal of Political Science* 52(2) (volume, issue and pages not
   confirmed here; not read for this module).
.. [5] Fey, M., Jo, J. and Kenkel, B. (2012). Information and international institutions
   revisited. Working paper, University of Rochester, 24 February 2012 (abstract: the
   equilibria of Chapman 2007 are incorrect; corrected, there may be no relation between an
   institution's policy position and its effect on public opinion).

Examples
--------
>>> from fractions import Fraction
>>> from multilateral.models import Endorsement
>>> council = Endorsement([Fraction(1, 5), Fraction(3, 5), Fraction(7, 10)],
...                       audience=Fraction(3, 5))
>>> council.pivot, council.credibility(), council.equilibrium().influential
(Fraction(7, 10), Fraction(7, 20), True)
>>> club = council.with_(positions=[Fraction(1, 20), Fraction(1, 10)])
>>> club.equilibrium().influential
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._namespace import public_dir
from .._numeric import format_number, format_values, is_exact
from .._validation import check_labels, check_positive_int, check_real, check_sequence
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.extensive import ExtensiveFormGame
from ..games.extensive.signalling import SignallingGame
from ..types import Number
from .base import Model

__all__ = ["Endorsement", "EndorsementEquilibrium"]
__dir__ = public_dir(__all__)

#: Labels of the body's messages and the audience's actions in
#: :meth:`Endorsement.signalling_game`.
MESSAGES = ("endorse", "withhold")
ACTIONS = ("support", "oppose")


@dataclass(frozen=True)
class EndorsementEquilibrium:
    """The most informative perfect Bayesian equilibrium of an :class:`Endorsement`.

    Attributes
    ----------
    pivot
        ``c*``: the body endorses iff the merit is at least this.
    posterior_endorsed, posterior_withheld
        The audience's expected merit after an endorsement (``(1 + c*) / 2``) and after its
        absence (``c* / 2``); at ``c* = 1`` (never endorsed) and ``c* = 0`` (never withheld)
        the message is off the path and the value is the limit of on-path beliefs.
    support_endorsed, support_withheld : bool
        Whether the audience supports after each message (ties: it supports, except after a
        withheld endorsement at ``c* = 2a``, where the influential equilibrium has the
        indifferent audience oppose).
    influential : bool
        Both messages on the path and the audience supports after an endorsement only.
    support_probability
        The probability that the audience supports (``1 - c*`` when influential).
    exact : bool

    See Also
    --------
    Endorsement.equilibrium
    """

    pivot: Number
    posterior_endorsed: Number
    posterior_withheld: Number
    support_endorsed: bool
    support_withheld: bool
    influential: bool
    support_probability: Number
    exact: bool

    def __repr__(self) -> str:
        kind = "influential" if self.influential else "not influential"
        return (f"EndorsementEquilibrium(pivot {format_number(self.pivot)}, {kind}, "
                f"E[merit|endorsed] {format_number(self.posterior_endorsed)})")


@dataclass(frozen=True, eq=False)
class Endorsement(Model):
    """A body's endorsement as cheap talk to an audience (assumptions (L1)-(L4) of the module).

    Parameters
    ----------
    positions : sequence of numbers
        ``c_i`` in ``[0, 1]``: member ``i`` wants the audience's support iff the merit is at
        least ``c_i`` (higher: more conservative). One member is allowed (an ally's word).
    audience : number, default 1/2
        ``a`` in ``[0, 1]``: the audience supports iff its expected merit is at least ``a``.
    seeker : number, default 0
        ``s`` in ``[0, 1]``: the threshold of the state seeking the endorsement (it wants
        support iff the merit is at least ``s``); enters :meth:`distance`.
    quota : int, optional
        Approvals needed (``1 <= quota <= n``); default ``n`` (consensus).
    vetoes : sequence of int, default ()
        Indices of members whose approval is also required (the permanent members; in the
        Council itself a permanent member's abstention does not block, so read a veto
        player's position as the merit below which it would vote against).
    members : sequence of str, optional
        Member labels (default ``"M1"``, ``"M2"``, ...).
    grid : int, default 8
        Merits of the discretized game :attr:`game` (:meth:`signalling_game`).

    Raises
    ------
    InvalidArgumentError
        A position, ``audience`` or ``seeker`` outside ``[0, 1]``; no members; a quota
        outside ``1..n``; a veto index out of range or repeated; labels not one per member.

    Notes
    -----
    Exact inputs give exact outputs, floats give floats. The closed form is checked against
    :func:`~multilateral.solvers.extensive.perfect_bayesian_equilibria` on :attr:`game`.

    References
    ----------
    .. [1] Chapman, T. L. (2009). Audience beliefs and international organization legitimacy.
       *International Organization* 63(4), 733-764.
    .. [2] Thompson, A. (2006). Coercion through IOs. *International Organization* 60(1),
       1-34.

    See Also
    --------
    EndorsementEquilibrium : what :meth:`equilibrium` returns.
    multilateral.models.HeterogeneousForum.from_endorsements : the premium in forum choice.
    multilateral.cases.authorization : the Security Council against a coalition.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from multilateral.models import Endorsement
    >>> unsc = Endorsement([Fraction(1, 10)] * 3 + [Fraction(3, 4), Fraction(4, 5)],
    ...                    audience=Fraction(3, 5), quota=4, vetoes=[3, 4])
    >>> unsc.pivot, unsc.pivotal_members()
    (Fraction(4, 5), ('M5',))
    >>> unsc.equilibrium()
    EndorsementEquilibrium(pivot 4/5, influential, E[merit|endorsed] 9/10)
    """

    positions: Sequence[Number]
    audience: Number = Fraction(1, 2)
    seeker: Number = 0
    quota: int | None = None
    vetoes: Sequence[int] = ()
    members: Sequence[str] | None = None
    grid: int = 8

    def __post_init__(self) -> None:
        for name in ("positions", "vetoes", "members"):
            values = getattr(self, name)
            if values is not None and (isinstance(values, (str, bytes))
                                       or not isinstance(values, Iterable)):
                raise InvalidTypeError(f"{name} must be a sequence, one entry per member, "
                                       f"got {values!r}")
        if self.positions is None:
            raise InvalidTypeError("positions must be a sequence of numbers in [0, 1]")
        check_sequence(self.positions, "positions", "numbers in [0, 1], one per member")
        pos = tuple(check_real(v, f"positions[{i}]", low=0, high=1)
                    for i, v in enumerate(self.positions))
        if not pos:
            raise InvalidArgumentError("positions must name at least one member of the body")
        n = len(pos)
        object.__setattr__(self, "positions", pos)
        for name in ("audience", "seeker"):
            object.__setattr__(self, name, check_real(getattr(self, name), name, low=0, high=1))
        if self.quota is not None:  # None stays None: consensus of whatever members there are
            quota = check_positive_int(self.quota, "quota")
            if quota > n:
                raise InvalidArgumentError(f"quota must be between 1 and the number of "
                                           f"members ({n}), got {quota}")
            object.__setattr__(self, "quota", quota)
        if isinstance(self.vetoes, (str, bytes)) or not isinstance(self.vetoes, Iterable):
            raise InvalidTypeError(f"vetoes must be a sequence of member indices, got "
                                   f"{type(self.vetoes).__name__}")
        vetoes = tuple(check_positive_int(v, "vetoes", 0) for v in self.vetoes)
        if any(v >= n for v in vetoes):
            raise InvalidArgumentError(f"vetoes must be member indices in 0..{n - 1}, got "
                                       f"{list(vetoes)}")
        if len(set(vetoes)) != len(vetoes):
            raise InvalidArgumentError(f"vetoes must be distinct member indices, got {vetoes}")
        object.__setattr__(self, "vetoes", vetoes)
        if self.members is not None:
            object.__setattr__(self, "members", check_labels(self.members, n, "member", "members"))
        object.__setattr__(self, "grid", check_positive_int(self.grid, "grid", 2,
                                                            maximum=12, why="the solver "
                                                            "enumerates 2**grid strategies"))

    def __repr__(self) -> str:
        shown = [f"positions={format_values(self.positions, limit=6)}",
                 f"audience={format_number(self.audience)}"]
        if self.seeker != 0:
            shown.append(f"seeker={format_number(self.seeker)}")
        if self.quota is not None:
            shown.append(f"quota={self.quota}")
        if self.vetoes:
            shown.append(f"vetoes={list(self.vetoes)}")
        return f"Endorsement({', '.join(shown)})"

    # -- the body ---------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of members."""
        return len(self.positions)

    @property
    def labels(self) -> tuple[str, ...]:
        """The member labels (``members``, or ``"M1"``, ``"M2"``, ...)."""
        return (tuple(f"M{i + 1}" for i in range(self.n)) if self.members is None
                else tuple(self.members))

    @property
    def exact(self) -> bool:
        """Whether every input is exact (then every output is)."""
        return all(is_exact(v) for v in (*self.positions, self.audience, self.seeker))

    @property
    def pivot(self) -> Number:
        """``c*``: the ``quota``-th smallest position, or a veto player's if larger."""
        ordered = sorted(self.positions)
        c = ordered[(self.n if self.quota is None else self.quota) - 1]
        return max([c, *(self.positions[v] for v in self.vetoes)])

    def pivotal_members(self) -> tuple[str, ...]:
        """The members whose position is the pivot."""
        c = self.pivot
        return tuple(m for m, p in zip(self.labels, self.positions, strict=True)
                     if p == c)

    def distance(self) -> Number:
        """``c* - s``: how far the pivot stands from the seeker (negative: more lenient)."""
        return self.pivot - self.seeker

    def credibility(self) -> Number:
        """``E[theta | endorsed] - E[theta] = c* / 2``: what an endorsement adds to belief.

        See Also
        --------
        added_credibility : what it adds to the seeker's own word.
        """
        return self.pivot / 2

    def added_credibility(self) -> Number:
        """``max(c* - s, 0) / 2``: what the endorsement adds to the seeker's own word.

        Let the seeker ask for support iff the merit is at least its threshold ``s`` (cheap
        talk with its own preferences, so its request tells the audience ``E[theta | theta >=
        s] = (1 + s) / 2``). The body's endorsement on top of the request raises the belief to
        ``(1 + max(c*, s)) / 2``, by half the pivot's distance from the seeker, and by nothing
        when the pivot is no more demanding than the seeker (a club of its friends only
        repeats what it says). This is where the seeker enters: the library's reading of
        Chapman's (2009) 'farther from the state seeking it', true across seekers, where
        :meth:`credibility` compares bodies at one seeker. In Chapman's (2007) own model, as
        Fey, Jo and Kenkel (2012, introduction) summarize it, the leader's and the
        institution's actions both inform the audience, as here; the uniform merit, the
        threshold request and the measure are this library's.

        See Also
        --------
        credibility : against the audience's prior.
        distance : ``c* - s``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import Endorsement
        >>> council = Endorsement([Fraction(7, 10)], seeker=Fraction(1, 5))
        >>> council.added_credibility(), council.with_(seeker=Fraction(4, 5)).added_credibility()
        (Fraction(1, 4), Fraction(0, 1))
        """
        d = self.distance()
        return max(d - d, d) / 2

    # -- the equilibrium --------------------------------------------------------------------
    def equilibrium(self) -> EndorsementEquilibrium:
        """The most informative perfect Bayesian equilibrium (module docstring).

        Returns
        -------
        EndorsementEquilibrium

        Examples
        --------
        >>> from multilateral.models import Endorsement
        >>> Endorsement([0.9], audience=0.3).equilibrium().influential  # too conservative
        False
        """
        c, a = self.pivot, self.audience
        high, low = (1 + c) / 2, c / 2
        support_e, support_w = bool(high >= a), bool(low >= a)
        influential = bool(0 < c < 1 and support_e and low <= a)
        if influential:
            support_w = False
        one = 1 if self.exact else 1.0
        # not influential: babbling, the audience acts on its prior mean 1/2
        prob = one - c if influential else (one if 2 * a <= 1 else one - one)
        return EndorsementEquilibrium(c, high, low, support_e, support_w, influential, prob,
                                      self.exact)

    def premium_over(self, club: Endorsement) -> Number:
        """The legitimacy premium of this body's endorsement over a club's.

        ``E[theta | this body endorses] / E[theta | the club endorses] - 1 = (c* - c_club) /
        (1 + c_club)``, floored at 0: the proportional rise in the audience's expected merit
        (this library's bridge to the ``legitimacy`` of
        :class:`~multilateral.models.HeterogeneousForum`). It measures beliefs, not
        decisions: it is positive even where this body's endorsement decides nothing
        (``c* > 2a``, see :meth:`equilibrium`).

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import Endorsement
        >>> Endorsement([Fraction(4, 5)]).premium_over(Endorsement([Fraction(1, 5)]))
        Fraction(1, 2)
        """
        if not isinstance(club, Endorsement):
            raise InvalidTypeError(f"club must be an Endorsement, got {type(club).__name__}")
        diff = self.pivot - club.pivot
        return max(diff - diff, diff / (1 + club.pivot))

    # -- the game ---------------------------------------------------------------------------
    def signalling_game(self, grid: int | None = None) -> SignallingGame:
        """The game on ``grid`` equally likely merits ``(2k - 1) / (2 grid)``.

        The body's pivot is the sender (types: the merits), the audience the receiver;
        supporting pays ``theta - c*`` to the body and ``theta - a`` to the audience, opposing
        0 to both; messages cost nothing.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import Endorsement
        >>> from multilateral.solvers.extensive import perfect_bayesian_equilibria
        >>> e = Endorsement([Fraction(1, 2)], audience=Fraction(3, 5), grid=4)
        >>> pbe = perfect_bayesian_equilibria(e.game)
        >>> any(q.receiver[0][0] == 1 and q.receiver[1][1] == 1 for q in pbe)
        True
        """
        k = self.grid if grid is None else check_positive_int(grid, "grid", 2, maximum=12)
        exact = self.exact
        merits = [Fraction(2 * j - 1, 2 * k) for j in range(1, k + 1)]
        c, a = self.pivot, self.audience
        if not exact:
            merits = [float(v) for v in merits]  # type: ignore[misc]
        zero = merits[0] - merits[0]
        sender = [[[t - c, zero]] * 2 for t in merits]
        receiver = [[[t - a, zero]] * 2 for t in merits]
        prior: list[Any] = [Fraction(1, k) if exact else 1.0 / k] * k
        return SignallingGame(prior, sender, receiver,
                              types=[f"merit {format_number(t)}" for t in merits],
                              messages=MESSAGES, actions=ACTIONS,
                              players=("Body", "Audience"), title="Endorsement")

    @property
    def game(self) -> ExtensiveFormGame:
        """The tree of :meth:`signalling_game` at :attr:`grid` merits (chance, body,
        audience); :func:`~multilateral.solvers.extensive.perfect_bayesian_equilibria`
        recognizes it."""
        return self.signalling_game().game
