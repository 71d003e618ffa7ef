"""Oye's common-interests channel: an agreement discovered at a cost that rises with n.

Oye (1985, section IV, "Number of players", which begins on p. 18) gives three reasons why
numbers hurt conditional cooperation; one is that with more players the recognition and
realization of common interests is harder, because transactions and information costs rise.
His strategies for changing the game include issue linkage (among the strategies to alter
payoffs, section II) and reducing the number of players needed to realize a common interest
(section IV). The page of each point was not confirmed against the text (out of reach); the
issue that asked for this places the channels on pp. 18-20. This module models that channel
alone: no sanctions, no monitoring, only the negotiation that must find an agreement.

The model (this library's formalization; the assumptions are stated, not hidden):

(A1) **Heterogeneous members.** Each member is of one *type*, drawn independently; type ``t``
     (probability ``prevalence[t]``) gains ``interests[t][k]`` (positive or negative) from an
     agreement on issue ``k``, and the sum over issues from the package of all of them.
(A2) **Consensus without side payments.** An agreement on an issue (or on the package) among a
     group is adopted only if every member of the group gains from it (strictly). There are
     no money transfers: linkage is the only way to compensate a loser (Tollison and Willett
     1979: linkage as a way to balance gains across issues where transfers are ruled out).
(A3) **The common interest must be discovered.** Types are private until the members have
     talked: learning another member's interests and bargaining with it costs
     ``contact_cost`` per issue per pair of members (Keohane 1984, ch. 6, from p. 85: the
     transaction and information costs of making agreements), shared by the two, and is paid
     before anyone knows whether a zone of agreement exists. With ``channels="pairwise"`` a
     group of ``m`` has ``m (m - 1) / 2`` channels, so each member pays
     ``contact_cost * (m - 1) / 2`` per issue; with ``channels="regime"`` every member talks
     to a regime's secretariat only and pays ``contact_cost`` per issue. Keohane argues that
     regimes lower the costs of making agreements; representing the regime as a hub of ``m``
     channels is this library's formalization, not his.
(A4) **The value of an agreement** to a member of type ``t`` is its interest times the
     coverage ``(m / n) ** coverage_returns`` of a group of ``m`` out of the ``n`` members
     (``coverage_returns = 0``: a pure common interest, whatever the coverage).

What follows, derived: the probability that a group of ``m`` has a zone of agreement on an
issue is ``p ** m``, where ``p`` is the probability that one member gains (A1, A2): every
heterogeneous member added is one more who may lose. A member's expected gain before the
negotiation is ``s(m) E[u+] p ** (m - 1)`` (its own gain when positive, times the chance that
all the others gain too); net of its share of the transaction costs,

    net_gain(m) = s(m) E[u+] p ** (m - 1) - contact_cost * issues * (m - 1) / 2.

With ``coverage_returns = 0`` both terms make larger groups worse off: fewer agreements
(heterogeneity) and more channels (transaction costs). The first is derived from (A1)-(A2)
(every member added is one more chance of a veto); the second's rise is *assumed*, by (A3)'s
premise that every pair must talk (with a hub, a regime, it does not rise). With coverage
returns the first term can rise with ``m`` and the best group is interior
(:meth:`CommonInterests.best_group`: Oye's decomposition into smaller sets of parties).
**Linkage** bundles the issues into one package, adopted iff every member's sum gains. When
interests are complementary (each loses on some issue but gains more on another: Tollison
and Willett's case, in which the large gains go to one country on one issue and to another on
the other; a paraphrase, their wording not checked), the package is agreed where no single
issue is; when they are not, linkage can destroy a zone that one issue had (Sebenius 1983).
Even complementary linkage can cost a small group (two members of one type agree on their
favoured issue alone and would rather not carry the other), but issue by issue the expected
gain falls like ``p ** (m - 1)`` while the package's does not, so linkage's advantage grows
with the group (this library's finding, part of the claim). **Decomposition** into single
issues is the reverse move.

This is *negotiation* linkage, which creates a zone of agreement; the library's
:func:`~multilateral.models.linked_critical_discount` is *enforcement* linkage, which pools
the incentive constraints of agreements already made (Maggi 2016 separates the two). They
meet in :meth:`CommonInterests.cooperation`: the group that agrees on a package must keep it,
and its discount factor binds on the member with the least interest in the package (a
caution in :meth:`CommonInterests.cooperation`).

Published results: none of the sources works a number for this setting (none was found), so
the tests reproduce their comparative statics exactly, as properties: Tollison and Willett's
linkage of issues whose gains go to different members secures agreement on both where neither
alone has one; Sebenius's adding an issue, or a party, can destroy a zone of agreement;
Oye's transaction costs rise with the number of players (``n (n - 1) / 2`` channels).

References
----------
.. [1] Oye, K. A. (1985). Explaining cooperation under anarchy: hypotheses and strategies.
   *World Politics* 38(1), 1-24: section IV, "Number of players: two-person and N-person
   games", from p. 18 (transactions and information costs rise with the number of players;
   strategies to reduce the number needed); section II (issue linkage as a strategy to alter
   payoffs). Pages of the individual points not confirmed against the text.
.. [2] Keohane, R. O. (1984). *After Hegemony*. Princeton University Press, ch. 6, "A
   functional theory of international regimes", from p. 85 (transaction costs and
   information; the chapter's end page not confirmed).
.. [3] Coase, R. H. (1960). The problem of social cost. *Journal of Law and Economics* 3,
   1-44, p. 15 (transaction costs of discovering whom to deal with and negotiating).
.. [4] Sebenius, J. K. (1983). Negotiation arithmetic: adding and subtracting issues and
   parties. *International Organization* 37(2), 281-316.
.. [5] Tollison, R. D. and Willett, T. D. (1979). An economic theory of mutually
   advantageous issue linkages in international negotiations. *International Organization*
   33(4), 425-449.
.. [6] Maggi, G. (2016). Issue linkage. In K. Bagwell and R. W. Staiger (eds.), *Handbook of
   Commercial Policy* 1B, 513-564, section 1 (enforcement, negotiation and participation
   linkage).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .._namespace import public_dir
from .._numeric import format_number, format_values, is_exact
from .._validation import check_positive_int, check_probability, check_real, check_sequence
from ..errors import InvalidArgumentError, InvalidProbabilityError, InvalidTypeError
from ..results import Threshold
from ..tolerances import PROBABILITY
from ..types import Number
from .base import Model
from .conditional_cooperation import ConditionalCooperation

__all__ = ["CommonInterests"]
__dir__ = public_dir(__all__)

Channels = Literal["pairwise", "regime"]


@dataclass(frozen=True, eq=False, repr=False)
class CommonInterests(Model):
    """Heterogeneous members who must discover their common interest at a cost rising with n.

    Parameters
    ----------
    n : int
        Number of members (``>= 2``) whose agreement is sought.
    interests : sequence of sequences of numbers
        The member types: ``interests[t][k]`` is what a member of type ``t`` gains (or, if
        negative, loses) from an agreement on issue ``k``. Every type has one value per issue.
    prevalence : sequence of probabilities, optional
        The probability of each type (default: equally likely); must sum to one.
    contact_cost : number, default 0
        The transaction and information cost of one channel between two members on one issue
        (shared by the two), ``>= 0``.
    channels : {"pairwise", "regime"}
        Pairwise: every member negotiates with every other (``m (m - 1) / 2`` channels).
        Regime: every member deals with the regime only (one channel each).
    coverage_returns : int, default 0
        An agreement among ``m`` of the ``n`` members is worth ``(m / n) ** coverage_returns``
        of each member's interest (0: the common interest does not depend on coverage).

    Notes
    -----
    The module docstring states the assumptions (A1)-(A4) and derives the formulas. Exact
    inputs (ints, Fractions) give exact outputs; any float input makes every output a float.
    The model induces no game: it is a negotiation decided by consensus; the group that
    agrees must then keep its agreement, which :meth:`cooperation` hands to
    :class:`ConditionalCooperation`.

    References
    ----------
    .. [1] Oye, K. A. (1985). Explaining cooperation under anarchy. *World Politics* 38(1),
       1-24, section IV, from p. 18 (transactions and information costs rise with the
       number of players; page of the sentence not confirmed against the text).
    .. [2] Keohane, R. O. (1984). *After Hegemony*, ch. 6, from p. 85 (transaction costs).
    .. [3] Tollison, R. D. and Willett, T. D. (1979). *International Organization* 33(4),
       425-449 (linkage of issues on which interests differ in intensity).
    .. [4] Sebenius, J. K. (1983). *International Organization* 37(2), 281-316 (adding issues
       can create or destroy a zone of possible agreement; adding parties can destroy it).

    See Also
    --------
    ConditionalCooperation : keeping an agreement once it is made (sanctions, transparency).
    linked_critical_discount : enforcement linkage (Oye's other use of linkage).
    ConditionalCooperation.decomposed_threshold : decomposition of the stakes over time.
    HeterogeneousForum : heterogeneity and the choice between universal forum and club.
    MagicNumber : the best club size when coverage has returns.

    Examples
    --------
    Two equally likely types with complementary interests (Tollison and Willett's case):

    >>> from fractions import Fraction
    >>> from multilateral.models import CommonInterests
    >>> model = CommonInterests(n=4, interests=[(3, -1), (-1, 3)], contact_cost=Fraction(1, 5))
    >>> model.agreement_probability(issue=0), model.agreement_probability()
    (Fraction(1, 16), Fraction(1, 1))
    >>> model.net_gain(linked=False), model.net_gain()
    (Fraction(-9, 40), Fraction(7, 5))
    >>> model.largest_group(linked=False), model.largest_group()
    (Threshold(n <= 3), Threshold(n <= 4))
    """

    n: int
    interests: Sequence[Sequence[Number]]
    prevalence: Sequence[Number] | None = None
    contact_cost: Number = 0
    channels: Channels = "pairwise"
    coverage_returns: int = 0

    def __post_init__(self) -> None:
        check_positive_int(self.n, "n", 2)
        rows = _as_rows(self.interests)
        if self.prevalence is None:
            probs: list[Number] = [Fraction(1, len(rows))] * len(rows)
        else:
            check_sequence(self.prevalence, "prevalence", "probabilities, one per type")
            probs = [check_probability(p, "prevalence", exact=True) for p in self.prevalence]
            if len(probs) != len(rows):
                raise InvalidArgumentError(
                    f"prevalence needs one probability per type ({len(rows)}), got {len(probs)}")
        cost = check_real(self.contact_cost, "contact_cost", low=0)
        if self.channels not in ("pairwise", "regime"):
            raise InvalidArgumentError(
                f"channels must be 'pairwise' or 'regime', got {self.channels!r}")
        check_positive_int(self.coverage_returns, "coverage_returns", 0)
        exact = all(is_exact(v) for v in (*(u for row in rows for u in row), *probs, cost))
        total = sum(probs)
        if (total != 1) if exact else abs(float(total) - 1) > PROBABILITY * len(probs):
            raise InvalidProbabilityError(f"prevalence must sum to 1, sums to {total}")
        if not exact:  # one arithmetic for everything: floats
            rows = [[float(u) for u in row] for row in rows]
            probs, cost = [float(p) for p in probs], float(cost)
        object.__setattr__(self, "interests", tuple(tuple(row) for row in rows))
        object.__setattr__(self, "prevalence", tuple(probs))
        object.__setattr__(self, "contact_cost", cost)

    def __repr__(self) -> str:
        shown = ", ".join(format_values(row, digits=4) for row in self.interests[:3])
        more = ", ..." if len(self.interests) > 3 else ""
        parts = [f"n={self.n}", f"interests=[{shown}{more}]"]
        if self.contact_cost:
            parts.append(f"contact_cost={format_number(self.contact_cost)}")
        if self.channels != "pairwise":
            parts.append(f"channels={self.channels!r}")
        if self.coverage_returns:
            parts.append(f"coverage_returns={self.coverage_returns}")
        return f"CommonInterests({', '.join(parts)})"

    # -- the members' interests --------------------------------------------------------------
    @property
    def issues(self) -> int:
        """The number of issues on the table (each type's number of values).

        See Also
        --------
        transaction_cost : paid per issue.
        """
        return len(self.interests[0])

    @property
    def exact(self) -> bool:
        """Whether the model computes in exact arithmetic (every input exact).

        See Also
        --------
        net_gain : a Fraction when this is True.
        """
        return not isinstance(self.contact_cost, float)

    def _issue(self, issue: int | None) -> int | None:
        if issue is None:
            return None
        if isinstance(issue, bool) or not isinstance(issue, int) or not \
                0 <= issue < self.issues:
            raise InvalidArgumentError(
                f"issue must be an index 0..{self.issues - 1}, or None for the linked "
                f"package; got {issue!r}")
        return issue

    def _value(self, row: Sequence[Number], issue: int | None) -> Number:
        return sum(row) if issue is None else row[issue]

    def gain_probability(self, issue: int | None = None) -> Number:
        """The probability that one member gains from an agreement on ``issue`` (``None``:
        from the linked package of all issues).

        See Also
        --------
        agreement_probability : that every member of a group gains.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=3, interests=[(3, -1), (-1, 3), (1, 1)])
        >>> model.gain_probability(0), model.gain_probability()
        (Fraction(2, 3), Fraction(1, 1))
        """
        issue = self._issue(issue)
        assert self.prevalence is not None
        return sum((p for row, p in zip(self.interests, self.prevalence, strict=True)
                    if self._value(row, issue) > 0), 0 * self.contact_cost)

    def expected_interest(self, issue: int | None = None) -> Number:
        """``E[u+]``: a member's expected gain from ``issue`` (``None``: the package), counting
        only what it gains when it gains (a member who would lose blocks instead).

        See Also
        --------
        expected_gain : times the chance that the others gain too.
        """
        issue = self._issue(issue)
        assert self.prevalence is not None
        return sum((p * self._value(row, issue) for row, p in
                    zip(self.interests, self.prevalence, strict=True)
                    if self._value(row, issue) > 0), 0 * self.contact_cost)

    # -- a group of m members ----------------------------------------------------------------
    def _size(self, n: int | None) -> int:
        if n is None:
            return self.n
        m = check_positive_int(n, "n", 2)
        if m > self.n:
            raise InvalidArgumentError(
                f"a group of n={m} is larger than the model's {self.n} members: use "
                f"with_(n={m}) to study a larger membership")
        return m

    def agreement_probability(self, n: int | None = None, *,
                              issue: int | None = None) -> Number:
        """The probability that a group of ``n`` members has a zone of agreement: that every
        member gains, on ``issue`` or (``None``) on the linked package: ``p ** n``.

        See Also
        --------
        gain_probability : ``p``.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=5, interests=[(2,), (-1,)], prevalence=[0.9, 0.1])
        >>> round(model.agreement_probability(), 5), round(model.agreement_probability(2), 2)
        (0.59049, 0.81)
        """
        m = self._size(n)
        result: Number = self.gain_probability(issue) ** m
        return result

    def coverage(self, n: int | None = None) -> Number:
        """The share of the value an agreement among ``n`` of the members carries:
        ``(n / self.n) ** coverage_returns``.

        See Also
        --------
        expected_gain : where it enters.
        """
        m = self._size(n)
        share = Fraction(m, self.n) if self.exact else m / self.n
        result: Number = share ** self.coverage_returns
        return result

    def expected_gain(self, n: int | None = None, *, linked: bool = True) -> Number:
        """A member's expected gain, before negotiating, from the agreements a group of ``n``
        reaches: ``s(n) E[u+] p ** (n - 1)`` for the package (``linked=True``), summed over
        the issues negotiated one by one (``linked=False``).

        See Also
        --------
        net_gain : net of the transaction costs.
        """
        m = self._size(n)
        targets: list[int | None] = [None] if linked else list(range(self.issues))
        total = sum((self.expected_interest(k) * self.gain_probability(k) ** (m - 1)
                     for k in targets), 0 * self.contact_cost)
        result: Number = self.coverage(m) * total
        return result

    def channel_count(self, n: int | None = None) -> int:
        """How many channels the members of a group of ``n`` must open (per issue):
        ``n (n - 1) / 2`` pairwise, ``n`` with a regime.

        See Also
        --------
        transaction_cost : what they cost each member.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> [CommonInterests(n=n, interests=[(1,)]).channel_count() for n in (2, 5, 20)]
        [1, 10, 190]
        """
        m = self._size(n)
        return m * (m - 1) // 2 if self.channels == "pairwise" else m

    def transaction_cost(self, n: int | None = None) -> Number:
        """A member's share of the costs of discovering and negotiating the agreement in a
        group of ``n``: ``contact_cost * issues * (n - 1) / 2`` pairwise (each member is at
        one end of ``n - 1`` channels, each shared by two), ``contact_cost * issues`` with a
        regime. Paid whether or not a zone of agreement turns out to exist.

        See Also
        --------
        channel_count : the channels.
        """
        m = self._size(n)
        per_issue = (self.contact_cost * (m - 1) / 2 if self.channels == "pairwise"
                     else self.contact_cost)
        result: Number = per_issue * self.issues
        return result

    def net_gain(self, n: int | None = None, *, linked: bool = True) -> Number:
        """A member's expected gain net of its transaction costs, in a group of ``n``: what
        it expects from entering the negotiation.

        See Also
        --------
        largest_group : the largest group for which it is positive.
        linkage_gain : linked minus separate.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=6, interests=[(1,)], contact_cost=Fraction(1, 2))
        >>> [model.net_gain(m) for m in range(2, 7)]
        [Fraction(3, 4), Fraction(1, 2), Fraction(1, 4), Fraction(0, 1), Fraction(-1, 4)]
        """
        result: Number = self.expected_gain(n, linked=linked) - self.transaction_cost(n)
        return result

    def largest_group(self, *, linked: bool = True) -> Threshold:
        """The largest group (at most ``n``) up to which negotiating pays: ``Threshold(n <=
        k)`` where every group of 2 to ``k`` members expects a positive net gain and one of
        ``k + 1`` does not. ``Threshold.none("n")`` if not even a pair does.

        With ``coverage_returns = 0`` the net gain falls with the group size (both of its
        terms do), so ``k`` is also the largest size that pays at all. With returns to
        coverage the net gain need not fall: a size beyond ``k`` may pay again, or only
        larger groups may pay (then the answer is none); :meth:`best_group` and
        :meth:`net_gain` show them. The threshold never says that a size pays when it does
        not.

        See Also
        --------
        best_group : the size that pays most.
        net_gain : the gain at one size.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import CommonInterests
        >>> CommonInterests(n=6, interests=[(1,)], contact_cost=Fraction(1, 2)).largest_group()
        Threshold(n <= 4)
        """
        def pays(m: int) -> bool:
            return bool(self.net_gain(m, linked=linked) > 0)

        best = None
        if self.coverage_returns == 0:  # the net gain never rises with size: bisect
            low, high = 1, self.n  # pays at every size <= low (none at 1), not beyond high
            while low < high:
                mid = (low + high + 1) // 2
                low, high = (mid, high) if pays(mid) else (low, mid - 1)
            best = low if low >= 2 else None
        else:
            for m in range(2, self.n + 1):
                if not pays(m):
                    break
                best = m
        if best is None:
            return Threshold.none("n", holds_above=False)
        return Threshold.at(best if self.exact else float(best), "n", holds_above=False)

    def best_group(self, *, linked: bool = True) -> int:
        """The group size (2 to ``n``) with the highest net gain per member: the size of the
        clubs into which decomposing the membership pays most (the smallest on ties).

        See Also
        --------
        largest_group : the largest size that pays at all.
        MagicNumber : the same question for weighted members.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=20, interests=[(1,)], contact_cost=Fraction(1, 100),
        ...                         coverage_returns=1)
        >>> model.best_group(), model.with_(coverage_returns=0).best_group()
        (20, 2)
        """
        if self.coverage_returns == 0:  # the net gain never rises with size
            return 2
        sizes = range(2, self.n + 1)
        gains = [self.net_gain(m, linked=linked) for m in sizes]
        return sizes[gains.index(max(gains))]

    def linkage_gain(self, n: int | None = None) -> Number:
        """How much linking all issues into one package adds to a member's net gain in a
        group of ``n`` (negative when linkage destroys agreements that single issues had).

        See Also
        --------
        net_gain : either way.
        linked_critical_discount : enforcement linkage, a different mechanism.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> CommonInterests(n=3, interests=[(3, -1), (-1, 3)]).linkage_gain()
        Fraction(5, 4)
        >>> CommonInterests(n=3, interests=[(1, -2), (1, 5)]).linkage_gain()
        Fraction(-7, 8)
        """
        result: Number = self.net_gain(n, linked=True) - self.net_gain(n, linked=False)
        return result

    # -- a realized group ----------------------------------------------------------------------
    def _group(self, group: Sequence[int]) -> list[int]:
        if isinstance(group, (str, bytes)) or not hasattr(group, "__len__"):
            raise InvalidTypeError(f"group must be a sequence of type indices, got {group!r}")
        out = list(group)
        if len(out) < 2 or len(out) > self.n:
            raise InvalidArgumentError(
                f"group must name 2 to n={self.n} members (a type index each), got {len(out)}")
        for t in out:
            if isinstance(t, bool) or not isinstance(t, int) or not 0 <= t < len(self.interests):
                raise InvalidArgumentError(
                    f"each member is a type index 0..{len(self.interests) - 1}, got {t!r}")
        return out

    def agrees(self, group: Sequence[int], *, issue: int | None = None) -> bool:
        """Whether a realized group (one type index per member) has a zone of agreement on
        ``issue`` (``None``: the linked package): every member gains.

        See Also
        --------
        agreement_probability : the chance before the types are known.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=2, interests=[(3, -1), (-1, 3)])
        >>> model.agrees([0, 1], issue=0), model.agrees([0, 1], issue=1), model.agrees([0, 1])
        (False, False, True)
        """
        issue = self._issue(issue)
        return all(self._value(self.interests[t], issue) > 0 for t in self._group(group))

    def cooperation(self, group: Sequence[int], r: Number, *,
                    issue: int | None = None) -> ConditionalCooperation:
        """The agreed group's enforcement problem: the :class:`ConditionalCooperation` model
        of its members with multiplier ``r`` and heterogeneous ``benefits`` equal to their
        interests in the agreement (``issue``, or the package). Its ``critical_discount``
        binds on the member with the least interest, so linkage that raises the least
        interest lowers the discount factor the agreement needs.

        The mapping is this library's: an interest ``u`` becomes a scale on the returns of
        the public good, so that member's payoff from universal cooperation is ``u r - 1``
        (one unit contributed). A member who gains from the agreement (``u > 0``) may still
        have nothing to keep it for when ``u r <= 1``: then no discount factor sustains it.

        A member for whom contributing is dominant (``u r / n > 1``) goes on contributing
        while the others punish, so the punishment leaves a defector those contributions
        (:meth:`ConditionalCooperation.critical_discount` counts them; checked against the
        generic solver).

        Raises
        ------
        InvalidArgumentError
            If some member would not gain: there is no agreement to keep.

        See Also
        --------
        agrees : whether the agreement exists.
        ConditionalCooperation.critical_discount : the threshold of the agreed group.

        Examples
        --------
        >>> from multilateral.models import CommonInterests
        >>> model = CommonInterests(n=3, interests=[(3, -1), (-1, 3), (1, 1)])
        >>> model.cooperation([0, 1, 2], r=1).critical_discount()
        CriticalDiscount(1/4)
        >>> model.cooperation([0, 2], r=1, issue=0).critical_discount()   # type 2 gains 1 only
        CriticalDiscount(never)
        >>> model.cooperation([0, 2], r=1).critical_discount()   # the package: 2 each
        CriticalDiscount(0)
        """
        issue = self._issue(issue)
        group = self._group(group)
        values = [self._value(self.interests[t], issue) for t in group]
        losers = [i for i, v in enumerate(values) if v <= 0]
        if losers:
            raise InvalidArgumentError(
                f"no agreement to keep: member(s) {losers} would not gain from it "
                f"(interests {[format_number(values[i]) for i in losers]}); check agrees()")
        return ConditionalCooperation(n=len(group), r=r, benefits=tuple(values))


def _as_rows(interests: object) -> list[list[Number]]:
    """The member types as rows of reals, one value per issue, all rows of one length."""
    if isinstance(interests, (str, bytes)) or not hasattr(interests, "__len__") or \
            not hasattr(interests, "__iter__"):
        raise InvalidTypeError("interests must be a sequence of types, each a sequence of "
                               f"numbers (one per issue), got {interests!r}")
    rows = []
    check_sequence(interests, "interests", "types, each a sequence of numbers (one per issue)")
    for row in interests:
        check_sequence(row, "each type in interests", "numbers, one per issue")
        rows.append([check_real(u, "interests") for u in row])
    if not rows or not rows[0]:
        raise InvalidArgumentError("interests needs at least one type with at least one issue")
    if any(len(row) != len(rows[0]) for row in rows):
        raise InvalidArgumentError("every type in interests needs one value per issue (the "
                                   f"same number), got lengths {[len(row) for row in rows]}")
    return rows
