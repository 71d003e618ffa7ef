"""Specific and diffuse reciprocity (Keohane 1986, Ruggie 1992): direct and indirect reciprocity.

Keohane distinguishes *specific* reciprocity, "exchanges of items of equivalent value in a
strictly delimited sequence" between two partners, from *diffuse* reciprocity, in which
"the definition of equivalence is less precise, one's partners may be viewed as a group
rather than as particular actors, and the sequence of events is less narrowly bounded". Ruggie
makes diffuse reciprocity, with indivisibility and generalized principles of conduct, the mark
of multilateralism. Their formal counterparts are *direct* reciprocity (tit for tat with each
partner) and *indirect* reciprocity (help those in good standing with the group). This module
builds both on the same population of ``Z`` states playing the donation game: a donor pays
``c`` so that a recipient gains ``b``.

**Specific reciprocity** (:class:`Reciprocity`). Each round the ``Z`` states are split at
random into groups of ``N`` (``N = 2``: bilateral meetings); every member of a group plays the
donation game with every other member, and the whole game goes on to another round with
probability ``delta``. A given partner is in one's group next round with probability
``p = (N - 1) / (Z - 1)``, so a pair meets again, at all, with probability

    w(Z) = delta p / (1 - delta + delta p)

(the chance that the pair's next meeting comes before the game ends; the number of a pair's
meetings is geometric with continuation ``w``). Tit for tat with each partner is then exactly
the repeated donation game with continuation ``w(Z)``, and (Nowak 2006) it resists always
defect iff ``b w(Z) > c``, i.e. ``b / c > 1 / w(Z) = 1 + (1 - delta)(Z - 1) / (delta (N - 1))``:
the threshold grows linearly with the size of the group. This is the assumption that makes
"specific reciprocity fails in large groups" exact: random matching in one population, memory
per partner, no information about what partners did to others.

**Diffuse reciprocity** has two forms here.

* *Balance* (Ruggie's "rough equivalence of benefits in the aggregate and over time"): every
  member has one public account with the group, ``A = helps given - helps received``; a donor
  helps a recipient whose account is in standing, ``A >= -T`` (tolerance ``T``), and, when it
  does not know the account (probability ``1 - q``), gives it the benefit of the doubt. An always
  defect deviator keeps its standing for ``K = floor(T / (N - 1)) + 1`` rounds and is then
  helped only by the uninformed, so balance resists it iff ``b q delta^K > c``: the threshold
  ``1 / (q delta^K)`` does not depend on ``Z``, and tends to Nowak's ``1 / q`` as the shadow
  of the future lengthens.
* *Reputation norms* (:class:`IndirectReciprocity`): each member has a binary image, good (G)
  or bad (B), assigned after each of its actions as a donor by an assessment rule, and acts
  by an action rule. This is Ohtsuki & Iwasa's (2004) framework, below.

**Norms.** An assessment rule ``d(X, Y, A)`` gives the donor's new image from its own image
``X``, the recipient's image ``Y`` and its action ``A`` (C or D): 2^8 = 256 rules. An action
rule ``p(X, Y)`` gives the donor's action from the two images: 2^4 = 16 rules. A *norm* is a
pair: 4,096 in all. Bits are indexed as ``4 X + 2 Y + A`` (assessment) and ``2 X + Y``
(action) with G = 1 and C = 1, so a norm's id ``16 assessment + action`` matches the
numbering of Glynatsi, Hilbe & Murase (2025). Image scoring, shunning, simple standing and
stern judging are second-order rules (``d`` does not depend on ``X``); the leading eight are
third-order.

**Reputation dynamics (public assessment, infinite population).** Every round each member
acts once as a donor towards a random recipient. With probability ``q`` the donor knows the
recipient's image; otherwise it acts as towards a good recipient. An intended cooperation
fails with probability ``e`` (execution error); the public assessor applies ``d`` and assigns
the wrong image with probability ``mu`` (assessment error). With ``S(X, Y) = (1 - e)(q p(X, Y)
+ (1 - q) p(X, G))`` the probability that a donor of image ``X`` helps a recipient of image
``Y``, and ``R(X, Y, A) = mu + (1 - 2 mu) d(X, Y, A)``, a donor becomes good with probability
``T(X, Y) = S R(X, Y, C) + (1 - S) R(X, Y, D)``, and the stationary fraction of good members
``h`` solves

    h = h^2 T(G, G) + h (1 - h) [T(G, B) + T(B, G)] + (1 - h)^2 T(B, B).

For ``mu > 0`` it has exactly one root in ``[0, 1]`` (the quadratic is positive at 0 and
negative at 1); in general the library takes the largest root, the state reached from a
population in good standing. Residents cooperate at rate
``sum P(X) P(Y) S(X, Y)`` and earn ``(b - c)`` times it.

**ESS conditions.** A rare mutant with another action rule faces the same norm and residents;
its own image is a two-state Markov chain, so its long-run payoff is that of a two-state
average-reward Markov decision process. With ``Delta v`` the value of a good over a bad image
to a resident,

    Delta v = [b (beta_G - beta_B) - c (kappa_G - kappa_B)] / [1 - (tau_G - tau_B)],

where ``beta_X`` is the help a member of image ``X`` receives, ``kappa_X`` what it gives and
``tau_X`` its probability of being good next, the resident's rule is the unique best reply
(a strict ESS against all 15 other action rules) iff in every decision it takes the action
with the larger value: in a context ``(X, B)`` (informed donor, bad recipient) cooperation
must satisfy ``A(X, B) Delta v > c`` and defection ``A(X, B) Delta v < c``, where
``A = R(X, Y, C) - R(X, Y, D)``; the decision ``(X, G)``, also used when uninformed, weighs
the two recipients, ``[h A(X, G) + (1 - q)(1 - h) A(X, B)] Delta v`` against
``[q h + 1 - q] c``. (For ``q = 1`` these are the conditions of Glynatsi et al. 2025.) Each
condition is linear in ``b / c``, so the norm is an ESS exactly on an open interval of
``b / c`` (:meth:`IndirectReciprocity.ess_range`); :func:`scan_norms` computes it for all
4,096 pairs at once.

**The leading eight.** In the limit of vanishing errors (``e, mu -> 0``, ``q = 1``), a pair is
*cooperative* when residents cooperate and are good up to terms of the order of the errors,
``1 - h = O(e + mu)``: this holds iff ``p(G, G) = C`` and ``d(G, G, C) = d(G, B, p(G, B)) =
d(B, G, p(B, G)) = G`` (then ``h = 1`` is a hyperbolic fixed point of the error-free
dynamics). At ``h = 1``, ``Delta v = b (1 - p(G, B)) - c (1 - p(B, G))`` and the ESS conditions
become sign conditions on ``A in {-1, 0, 1}``. :func:`ess_limit` evaluates them exactly:
the cooperative pairs that are ESS for every ``b / c > 1`` are exactly Ohtsuki & Iwasa's
leading eight, and the cooperative pairs that are ESS only for ``b / c > 2`` are the
"secondary sixteen" of Schmid et al. (2023). Pairs whose bad images are cleared only when two
bad members meet (``1 - h ~ sqrt(e + mu)``) and mirror images (G and B exchanged) are not
cooperative in this sense. With knowledge ``q < 1`` every threshold is divided by ``q``: the
leading eight need ``b / c > 1 / q``, which is Nowak's rule for indirect reciprocity.

**Private assessment.** Each member holds its own view of every other and assesses every
action it observes with its own view of the recipient. For second-order norms and action rules
that look only at the recipient, the stationary probabilities ``g_k`` that a random observer
sees a member of strategy ``k`` as good solve (Radzvilavicius et al. 2019)

    g_k = sum_{u, v} P(u, v) [s_k(u) R(v, C) + (1 - s_k(u)) R(v, D)],

with ``u`` the donor's and ``v`` the observer's view of the recipient,
``P(G, G) = g2 = sum_j x_j g_j^2``, ``P(G, B) = P(B, G) = g - g2``, ``g = sum_j x_j g_j``
(the views of two observers are independent given the recipient's strategy: exact in the
limit of a large population where observers see different interactions).

Assumptions, stated: one well-mixed population; donation game payoffs; reputations binary;
errors independent; the ESS analysis is against mutant action rules under the resident norm
(public assessment); specific reciprocity remembers each partner's last action towards it and
nothing else; balance accounts are public and exact.

References
----------
.. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
   Organization* 40(1), 1-27.
.. [2] Ruggie, J. G. (1992). Multilateralism: the anatomy of an institution. *International
   Organization* 46(3), 561-598.
.. [3] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
   1560-1563.
.. [4] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [5] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can maintain
   cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239, 435-444.
.. [6] Nowak, M. A. and Sigmund, K. (1998). Evolution of indirect reciprocity by image
   scoring. *Nature* 393, 573-577.
.. [7] Schmid, L., Ekbatani, F., Hilbe, C. and Chatterjee, K. (2023). Indirect reciprocity
   with stochastic and dual reputation updates. *PLoS Computational Biology* 19(7),
   e1011271.
.. [8] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
   stability in indirect reciprocity under noise. arXiv:2509.08006.
.. [9] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
   empathetic moral evaluation. *eLife* 8, e44269.
.. [10] Kandori, M. (1992). Social norms and community enforcement. *Review of Economic
   Studies* 59(1), 63-80.

Examples
--------
>>> import multilateral as ml
>>> from fractions import Fraction
>>> wto = ml.models.Reciprocity(b=2, c=1, population=166, delta=Fraction(99, 100))
>>> wto.partner_continuation()
Fraction(3, 8)
>>> wto.specific_sustains(), wto.diffuse_sustains()
(False, True)
>>> wto.largest_specific_group()
99
>>> [n.name for n in ml.models.ess_limit().norms(threshold=1)]
['L8', 'L6', 'L2', 'L5', 'L7', 'L4', 'L1', 'L3']
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_positive_int, check_probability, check_real
from ..errors import InvalidArgumentError, InvalidTypeError, SolverError

__all__ = [
    "ACTION_RULES",
    "NORMS",
    "IndirectReciprocity",
    "LimitScan",
    "Norm",
    "NormScan",
    "PopulationState",
    "Reciprocity",
    "ReciprocitySimulation",
    "ReputationSimulation",
    "ess_limit",
    "leading_eight",
    "nowak_conditions",
    "scan_norms",
    "simulate_reciprocity",
    "simulate_reputation",
]

Assessment = Literal["public", "private"]
_LETTER = ("B", "G")
_ACT = ("D", "C")


# =============================================================================================
# Norms
# =============================================================================================
def _assessment_key(donor: int, recipient: int, action: int) -> str:
    return _LETTER[donor] + _LETTER[recipient] + _ACT[action]


@dataclass(frozen=True)
class Norm:
    """A social norm: an assessment rule (8 bits) and an action rule (4 bits).

    Parameters
    ----------
    assessment : int
        The assessment rule as an integer in ``0..255``: bit ``4 X + 2 Y + A`` is 1 when a
        donor of image ``X`` who plays ``A`` towards a recipient of image ``Y`` is assessed
        good (G = 1, C = 1).
    action : int
        The action rule as an integer in ``0..15``: bit ``2 X + Y`` is 1 when a donor of image
        ``X`` cooperates with a recipient of image ``Y``.
    name : str, optional
        A label (not part of equality).

    Examples
    --------
    >>> from multilateral.models import Norm
    >>> sj = Norm.named("stern judging")
    >>> sj
    Norm('stern judging', GGC:G GGD:B GBC:B GBD:G BGC:G BGD:B BBC:B BBD:G | GG:C GB:D BG:C BB:D)
    >>> sj.id, sj.order, sj.good("G", "B", "D"), sj.cooperates("G", "G")
    (2458, 2, True, True)
    >>> Norm.named("L6") == sj
    True
    >>> Norm.from_table({"GGC": "G", "GBC": "G", "BGC": "G", "BBC": "G"}, "DISC").name
    'image scoring'
    """

    assessment: int
    action: int
    name: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        for value, label, top in ((self.assessment, "assessment", 255), (self.action, "action",
                                                                         15)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise InvalidTypeError(f"{label} must be an integer in 0..{top}, got {value!r}")
            if not 0 <= value <= top:
                raise InvalidArgumentError(
                    f"{label} must be an integer in 0..{top} ({top + 1} rules), got {value!r}")
        object.__setattr__(self, "assessment", int(self.assessment))
        object.__setattr__(self, "action", int(self.action))
        if not self.name:
            object.__setattr__(self, "name", _NAMES_BY_PAIR.get((self.assessment, self.action),
                                                                f"norm {self.id}"))

    # -- constructors --------------------------------------------------------------------------
    @classmethod
    def named(cls, name: str) -> Norm:
        """A named norm: ``'image scoring'``, ``'shunning'``, ``'simple standing'``,
        ``'stern judging'``, ``'staying'`` (all with the discriminator action rule) or
        ``'L1'`` .. ``'L8'`` (the leading eight). Case-insensitive."""
        if not isinstance(name, str):
            raise InvalidTypeError(f"a norm name must be a string, got {name!r}")
        key = name.strip().lower()
        for label, norm in NORMS.items():
            if label.lower() == key:
                return norm
        raise InvalidArgumentError(
            f"unknown norm {name!r}; known norms: {', '.join(NORMS)} (or build one with "
            "Norm(assessment, action) or Norm.from_table)")

    @classmethod
    def from_table(cls, good: Mapping[str, str] | Sequence[str], action: Any = "DISC",
                   name: str = "") -> Norm:
        """Build a norm from readable tables.

        Parameters
        ----------
        good : mapping or sequence of str
            The situations assessed good, as keys ``'GGC'`` (donor image, recipient image,
            action) mapped to ``'G'`` or ``'B'`` (unlisted keys are bad), or a sequence of the
            keys that are good. A two-letter key ``'GC'`` (recipient image and action)
            stands for both donor images: a second-order rule.
        action : str, int or mapping, default "DISC"
            An action rule name (``'ALLC'``, ``'ALLD'``, ``'DISC'``, ``'ANTI'``), an integer
            ``0..15``, or a mapping from ``'GG'`` (donor image, recipient image) or ``'G'``
            (recipient image) to ``'C'`` or ``'D'``.
        name : str, optional
        """
        if isinstance(good, Mapping):
            items = list(good.items())
        elif isinstance(good, Sequence) and not isinstance(good, str):
            items = [(key, "G") for key in good]
        else:
            raise InvalidTypeError("good must be a mapping such as {'GGC': 'G'} or a sequence "
                                   f"of keys such as ['GGC', 'GBD'], got {good!r}")
        bits = 0
        for key, value in items:
            if value not in ("G", "B"):
                raise InvalidArgumentError(f"assessment of {key!r} must be 'G' or 'B', got "
                                           f"{value!r}")
            for x, y, a in _parse_situation(key):
                if value == "G":
                    bits |= 1 << (4 * x + 2 * y + a)
        return cls(bits, _action_bits(action), name)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def id(self) -> int:
        """``16 * assessment + action``, in ``0..4095``."""
        return 16 * self.assessment + self.action

    @property
    def order(self) -> int:
        """1 if the assessment depends on the action only, 2 if also on the recipient's image,
        3 if also on the donor's own image."""
        lo, hi = self.assessment & 15, self.assessment >> 4
        if lo != hi:
            return 3
        return 1 if ((lo >> 2) & 3) == (lo & 3) else 2

    def good(self, donor: str, recipient: str, action: str) -> bool:
        """Whether the assessment rule calls a donor good: ``good('G', 'B', 'D')``."""
        x, y = _image(donor, "donor"), _image(recipient, "recipient")
        if action not in ("C", "D"):
            raise InvalidArgumentError(f"action must be 'C' or 'D', got {action!r}")
        return bool((self.assessment >> (4 * x + 2 * y + (action == "C"))) & 1)

    def cooperates(self, donor: str, recipient: str) -> bool:
        """Whether the action rule cooperates: ``cooperates('G', 'B')``."""
        x, y = _image(donor, "donor"), _image(recipient, "recipient")
        return bool((self.action >> (2 * x + y)) & 1)

    @property
    def assessment_table(self) -> dict[str, str]:
        """``{'GGC': 'G', 'GGD': 'B', ...}``."""
        return {_assessment_key(x, y, a): _LETTER[(self.assessment >> (4 * x + 2 * y + a)) & 1]
                for x in (1, 0) for y in (1, 0) for a in (1, 0)}

    @property
    def action_table(self) -> dict[str, str]:
        """``{'GG': 'C', 'GB': 'D', ...}``."""
        return {_LETTER[x] + _LETTER[y]: _ACT[(self.action >> (2 * x + y)) & 1]
                for x in (1, 0) for y in (1, 0)}

    def with_action(self, action: Any) -> Norm:
        """The same assessment rule with another action rule (a name, an int or a table)."""
        return Norm(self.assessment, _action_bits(action))

    def __repr__(self) -> str:
        table = " ".join(f"{k}:{v}" for k, v in self.assessment_table.items())
        acts = " ".join(f"{k}:{v}" for k, v in self.action_table.items())
        return f"Norm({self.name!r}, {table} | {acts})"


def _image(value: Any, label: str) -> int:
    if value not in ("G", "B"):
        raise InvalidArgumentError(f"{label} image must be 'G' or 'B', got {value!r}")
    return 1 if value == "G" else 0


def _parse_situation(key: Any) -> list[tuple[int, int, int]]:
    if not isinstance(key, str) or len(key) not in (2, 3):
        raise InvalidArgumentError(f"a situation is 'GGC' (donor, recipient, action) or 'GC' "
                                   f"(recipient, action), got {key!r}")
    imgs, act = key[:-1], key[-1]
    if act not in ("C", "D") or any(i not in ("G", "B") for i in imgs):
        raise InvalidArgumentError(f"a situation is made of G/B images and a C/D action, got "
                                   f"{key!r}")
    a = 1 if act == "C" else 0
    if len(imgs) == 2:
        return [(_image(imgs[0], "donor"), _image(imgs[1], "recipient"), a)]
    y = _image(imgs[0], "recipient")
    return [(1, y, a), (0, y, a)]


#: Action rules by name: bit ``2 X + Y`` is 1 when a donor of image ``X`` cooperates with a
#: recipient of image ``Y``. ``DISC`` (the discriminator) helps good recipients only, ``ANTI``
#: bad ones only.
ACTION_RULES: dict[str, int] = {"ALLD": 0, "ANTI": 5, "DISC": 10, "ALLC": 15}


def _action_bits(action: Any) -> int:
    if isinstance(action, str):
        key = action.strip().upper()
        if key not in ACTION_RULES:
            raise InvalidArgumentError(
                f"unknown action rule {action!r}; known: {', '.join(ACTION_RULES)} (or an "
                "integer 0..15)")
        return ACTION_RULES[key]
    if isinstance(action, Mapping):
        bits = 0
        for key, value in action.items():
            if value not in ("C", "D"):
                raise InvalidArgumentError(f"action for {key!r} must be 'C' or 'D', got "
                                           f"{value!r}")
            if not isinstance(key, str) or len(key) not in (1, 2):
                raise InvalidArgumentError(f"an action context is 'GB' (donor, recipient) or "
                                           f"'B' (recipient), got {key!r}")
            pairs = ([(_image(key[0], "donor"), _image(key[1], "recipient"))] if len(key) == 2
                     else [(1, _image(key, "recipient")), (0, _image(key, "recipient"))])
            for x, y in pairs:
                if value == "C":
                    bits |= 1 << (2 * x + y)
        return bits
    if isinstance(action, bool) or not isinstance(action, numbers.Integral):
        raise InvalidTypeError(f"an action rule is a name, an integer 0..15 or a mapping, got "
                               f"{action!r}")
    if not 0 <= int(action) <= 15:
        raise InvalidArgumentError(f"an action rule is an integer in 0..15, got {action!r}")
    return int(action)


def _second_order(good_c_to_g: int, good_d_to_g: int, good_c_to_b: int, good_d_to_b: int
                  ) -> int:
    lo = (good_d_to_b << 0) | (good_c_to_b << 1) | (good_d_to_g << 2) | (good_c_to_g << 3)
    return lo | (lo << 4)


_DISC = ACTION_RULES["DISC"]
# (assessment, action, name): the leading eight from Ohtsuki & Iwasa (2006), Table 1
_LEADING = (
    (186, 11, "L1"), (154, 11, "L2"), (187, 10, "L3"), (185, 10, "L4"),
    (155, 10, "L5"), (153, 10, "L6"), (184, 10, "L7"), (152, 10, "L8"),
)
_NAMED_SECOND = {
    "image scoring": _second_order(1, 0, 1, 0),
    "shunning": _second_order(1, 0, 0, 0),
    "simple standing": _second_order(1, 0, 1, 1),
    "stern judging": _second_order(1, 0, 0, 1),
}
_NAMES_BY_PAIR: dict[tuple[int, int], str] = {
    **{(a, _DISC): n for n, a in _NAMED_SECOND.items()},
    **{(a, p): n for a, p, n in _LEADING},
}

#: The named norms: four second-order assessment rules and staying with the discriminator
#: action rule, and the leading eight ``L1`` .. ``L8`` (``L3`` is simple standing, ``L6``
#: stern judging and ``L7`` staying).
NORMS: dict[str, Norm] = {
    **{n: Norm(a, _DISC, n) for n, a in _NAMED_SECOND.items()},
    "staying": Norm(184, _DISC, "staying"),
    **{n: Norm(a, p, n) for a, p, n in _LEADING},
}


def leading_eight() -> tuple[Norm, ...]:
    """The leading eight ``L1`` .. ``L8`` of Ohtsuki & Iwasa (2004, 2006), as tabulated.

    All eight assess cooperation with a good recipient as good and defection against one as
    bad, justify defection against a bad recipient (``d(G, B, D) = G``), let a bad donor
    regain a good image by helping a good recipient (apology), and act ``C`` with good and
    ``D`` with bad recipients when the donor is good; they differ in how they assess
    cooperation with a bad recipient and in what bad donors do with bad recipients.
    :func:`ess_limit` derives the same eight from the ESS conditions.

    Examples
    --------
    >>> from multilateral.models import leading_eight
    >>> [(n.name, n.assessment, n.action) for n in leading_eight()][:3]
    [('L1', 186, 11), ('L2', 154, 11), ('L3', 187, 10)]
    """
    return tuple(NORMS[f"L{i}"] for i in range(1, 9))


def _as_norm(norm: Any) -> Norm:
    if isinstance(norm, Norm):
        return norm
    if isinstance(norm, str):
        return Norm.named(norm)
    if isinstance(norm, tuple) and len(norm) == 2:
        return Norm(*norm)
    raise InvalidTypeError(f"norm must be a Norm, a name such as 'stern judging' or a pair "
                           f"(assessment, action), got {norm!r}")


# =============================================================================================
# Public assessment: vectorized analytics over any batch of norms
# =============================================================================================
_BITS8 = np.arange(8)
_BITS4 = np.arange(4)
_ALL_D = ((np.arange(256)[:, None] >> _BITS8) & 1).astype(np.float64).reshape(256, 2, 2, 2)
_ALL_P = ((np.arange(16)[:, None] >> _BITS4) & 1).astype(np.float64).reshape(16, 2, 2)


def _d_array(assessment: int) -> NDArray[np.float64]:
    return _ALL_D[assessment]


def _p_array(action: int) -> NDArray[np.float64]:
    return _ALL_P[action]


def _largest_root(c2: NDArray[np.float64], c1: NDArray[np.float64], c0: NDArray[np.float64]
                  ) -> NDArray[np.float64]:
    """The largest root in [0, 1] of ``c2 h^2 + c1 h + c0`` (which is >= 0 at 0 and <= 0 at
    1), elementwise; 1 where the polynomial vanishes identically."""
    tol = 1e-12
    disc = np.sqrt(np.maximum(c1 * c1 - 4.0 * c2 * c0, 0.0))
    sign = np.where(c1 >= 0, 1.0, -1.0)
    qq = -0.5 * (c1 + sign * disc)
    with np.errstate(divide="ignore", invalid="ignore"):
        r1 = np.where(c2 != 0, qq / c2, np.nan)
        r2 = np.where(qq != 0, c0 / qq, np.nan)
        lin = np.where(c1 != 0, -c0 / c1, np.nan)
    quad = np.abs(c2) > 1e-14
    cands = np.stack([np.where(quad, r1, np.nan), np.where(quad, r2, lin)])
    ok = (cands >= -tol) & (cands <= 1 + tol)
    best = np.where(ok, cands, -np.inf).max(axis=0)
    flat = (~quad) & (np.abs(c1) <= 1e-14)  # Q constant: every h is stationary (or none)
    best = np.where(flat | ~np.isfinite(best), 1.0, best)
    out: NDArray[np.float64] = np.clip(best, 0.0, 1.0)
    return out


def _public(d: NDArray[np.float64], p: NDArray[np.float64], e: float, mu: float, q: float
            ) -> dict[str, NDArray[np.float64]]:
    """Stationary state and ESS bounds (in b/c) of norms ``d`` (..., 2, 2, 2) with action
    rules ``p`` (..., 2, 2), broadcast together."""
    r = mu + (1.0 - 2.0 * mu) * d                                     # P(good | X, Y, A)
    s = (1.0 - e) * (q * p + (1.0 - q) * p[..., :, 1:2])              # P(help | X, Y)
    t = r[..., 1] * s + r[..., 0] * (1.0 - s)                         # P(donor good next)
    gg, gb, bg, bb = t[..., 1, 1], t[..., 1, 0], t[..., 0, 1], t[..., 0, 0]
    h = _largest_root(gg - gb - bg + bb, gb + bg - 2.0 * bb - 1.0, bb)
    ph = np.stack([1.0 - h, h], axis=-1)                              # P(image = B, G)
    cooperation = np.einsum("...x,...y,...xy->...", ph, ph, s)
    beta = np.einsum("...x,...xy->...y", ph, s)                       # help received by image y
    kappa = np.einsum("...y,...xy->...x", ph, s)                      # help given by image x
    tau = np.einsum("...y,...xy->...x", ph, t)                        # P(good next | image x)
    den = 1.0 - (tau[..., 1] - tau[..., 0])
    dbeta = beta[..., 1] - beta[..., 0]
    dkappa = kappa[..., 1] - kappa[..., 0]
    a = r[..., 1] - r[..., 0]                                         # A(X, Y)
    shape = np.broadcast_shapes((*h.shape, 2, 2), a.shape, p.shape)
    w = np.empty(shape)
    k = np.empty(shape)
    hh = h[..., None]
    w[..., :, 1] = q * hh + 1.0 - q
    k[..., :, 1] = hh * a[..., :, 1] + (1.0 - q) * (1.0 - hh) * a[..., :, 0]
    w[..., :, 0] = q * (1.0 - hh)
    k[..., :, 0] = q * (1.0 - hh) * a[..., :, 0]
    sgn = np.where(np.broadcast_to(p, shape) > 0.5, 1.0, -1.0)
    coef = sgn * k * dbeta[..., None, None]                           # coef * (b/c) > rhs
    rhs = sgn * (w * den[..., None, None] + k * dkappa[..., None, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = np.where(coef > 0, rhs / coef, -np.inf).max(axis=(-1, -2))
        upper = np.where(coef < 0, rhs / coef, np.inf).min(axis=(-1, -2))
    fails = ((coef == 0) & (rhs >= 0)).any(axis=(-1, -2)) | (den <= 0)
    lower = np.where(fails, np.inf, np.maximum(lower, 0.0))
    upper = np.where(fails, -np.inf, upper)
    return {"h": h, "cooperation": cooperation, "lower": lower, "upper": upper, "s": s, "t": t,
            "den": den, "dbeta": dbeta, "dkappa": dkappa}


def _check_ess_errors(mu: float) -> None:
    if not 0 < mu < 1:
        raise InvalidArgumentError(
            f"the ESS analysis needs assessment errors 0 < mu < 1 (got mu = {mu!r}): without "
            "them bad images never occur and decisions off the path of play tie; use ess_limit "
            "for the limit of vanishing errors")


# =============================================================================================
# The reputation model
# =============================================================================================
@dataclass(frozen=True, repr=False, eq=False)
class PopulationState:
    """Stationary reputations and payoffs of strategies that share one norm.

    Attributes
    ----------
    strategies : tuple of str
        The strategies' labels (action rules).
    frequencies : numpy.ndarray
        Their shares of the population.
    reputations : numpy.ndarray
        Public assessment: the stationary probability that a member of each strategy is good.
        Private assessment: the probability that a random observer sees it as good.
    payoffs : numpy.ndarray
        Each strategy's mean payoff per round (``b`` times help received minus ``c`` times
        help given).
    cooperation : float
        The probability that a random donation is made.
    """

    strategies: tuple[str, ...]
    frequencies: NDArray[np.float64]
    reputations: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    cooperation: float

    def __repr__(self) -> str:
        rows = ", ".join(f"{s}: x={x:.3g} g={g:.4g} pay={f:.4g}" for s, x, g, f in zip(
            self.strategies, self.frequencies, self.reputations, self.payoffs, strict=True))
        return f"PopulationState({rows}; cooperation={self.cooperation:.4g})"


@dataclass(frozen=True)
class IndirectReciprocity:
    """Indirect reciprocity with a social norm: reputations, payoffs and evolutionary stability.

    Ohtsuki & Iwasa's (2004) model of diffuse reciprocity in an infinite population: members
    help according to images (good or bad) that a norm assigns to every donor after every
    action. The module docstring states the reputation dynamics and the ESS conditions.

    Parameters
    ----------
    norm : Norm, str or (int, int)
        The shared norm (assessment and resident action rule), e.g. ``'stern judging'``.
    b : number
        Benefit to the recipient of a donation (> 0).
    c : number
        Cost to the donor (> 0).
    e : float, default 0.01
        Execution error: probability that an intended cooperation fails.
    mu : float, default 0.01
        Assessment error: probability that the assessor assigns the wrong image.
    q : float, default 1
        Probability that a donor knows the recipient's image (Nowak's ``q``); an uninformed
        donor acts as towards a good recipient.
    assessment : {"public", "private"}
        Public: one image per member, shared by all (an institution keeps the record).
        Private: every member keeps its own view of everyone (second-order norms and action
        rules that look only at the recipient).

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation
       dynamics in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
    .. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563.
    .. [3] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
       empathetic moral evaluation. *eLife* 8, e44269.

    Examples
    --------
    >>> import multilateral as ml
    >>> sj = ml.models.IndirectReciprocity("stern judging", b=2, c=1, e=0.01, mu=0.01)
    >>> round(sj.reputation(), 6), round(sj.cooperation(), 6)
    (0.980392, 0.970588)
    >>> sj.is_ess(), [round(v, 4) for v in sj.ess_range()]
    (True, [1.0307, inf])
    >>> ml.models.IndirectReciprocity("image scoring", b=2, c=1).is_ess()
    False

    With knowledge ``q`` the threshold tends to Nowak's ``1 / q`` as errors vanish:

    >>> sj.limit_ess_range(), sj.replace(q=0.5).limit_ess_range()
    ((Fraction(1, 1), inf), (Fraction(2, 1), inf))
    """

    norm: Any
    b: Any
    c: Any
    e: Any = 0.01
    mu: Any = 0.01
    q: Any = 1
    assessment: Assessment = "public"

    def __post_init__(self) -> None:
        object.__setattr__(self, "norm", _as_norm(self.norm))
        object.__setattr__(self, "b", check_real(self.b, "b (benefit)", low=0, open_low=True))
        object.__setattr__(self, "c", check_real(self.c, "c (cost)", low=0, open_low=True))
        for name in ("e", "mu", "q"):
            check_probability(getattr(self, name), name)
        if self.assessment not in ("public", "private"):
            raise InvalidArgumentError(f"assessment must be 'public' or 'private', got "
                                       f"{self.assessment!r}")
        if self.assessment == "private":
            _check_private(self.norm.assessment, [self.norm.action])

    def replace(self, **changes: Any) -> IndirectReciprocity:
        """A copy with some parameters changed (validated again)."""
        from dataclasses import replace as _replace

        return _replace(self, **changes)

    @property
    def ratio(self) -> float:
        """``b / c``."""
        return float(self.b) / float(self.c)

    def _fl(self) -> tuple[float, float, float]:
        return float(self.e), float(self.mu), float(self.q)

    def _analysis(self) -> dict[str, NDArray[np.float64]]:
        e, mu, q = self._fl()
        return _public(_d_array(self.norm.assessment), _p_array(self.norm.action), e, mu, q)

    # -- stationary state ----------------------------------------------------------------------
    def reputation(self) -> float:
        """The stationary fraction of good members (private: the probability that a random
        observer sees a random member as good) when everyone follows the norm."""
        if self.assessment == "private":
            return float(self.population({self.norm.action: 1}).reputations[0])
        return float(self._analysis()["h"])

    def cooperation(self) -> float:
        """The probability that a donation is made, in the stationary state."""
        if self.assessment == "private":
            return self.population({self.norm.action: 1}).cooperation
        return float(self._analysis()["cooperation"])

    def payoff(self) -> float:
        """The residents' mean payoff per round, ``(b - c)`` times :meth:`cooperation`."""
        return (float(self.b) - float(self.c)) * self.cooperation()

    def value_of_reputation(self) -> float:
        """``Delta v``: how much more a resident's future is worth with a good image than with
        a bad one (public assessment)."""
        self._public_only("value_of_reputation")
        _check_ess_errors(float(self.mu))
        res = self._analysis()
        b, c = float(self.b), float(self.c)
        return float((b * res["dbeta"] - c * res["dkappa"]) / res["den"])

    # -- evolutionary stability -------------------------------------------------------------
    def mutant_payoffs(self) -> NDArray[np.float64]:
        """The long-run payoff of a rare mutant with each of the 16 action rules (index = rule),
        computed directly from its own stationary image (public assessment); the resident's
        entry equals :meth:`payoff`."""
        self._public_only("mutant_payoffs")
        e, mu, q = self._fl()
        res = self._analysis()
        h = float(res["h"])
        d = _d_array(self.norm.assessment)
        r = mu + (1 - 2 * mu) * d
        s_all = (1 - e) * (q * _ALL_P + (1 - q) * _ALL_P[:, :, 1:2])        # (16, X, Y)
        t_all = r[None, ..., 1] * s_all + r[None, ..., 0] * (1 - s_all)    # (16, X, Y)
        to_good_g = h * t_all[:, 1, 1] + (1 - h) * t_all[:, 1, 0]          # from image G
        to_good_b = h * t_all[:, 0, 1] + (1 - h) * t_all[:, 0, 0]          # from image B
        mut_h = to_good_b / (1 - to_good_g + to_good_b)
        pm = np.stack([1 - mut_h, mut_h], axis=-1)                         # (16, 2)
        ph = np.array([1 - h, h])
        gives = np.einsum("mx,y,mxy->m", pm, ph, s_all)
        s_res = res["s"]
        gets = np.einsum("x,my,xy->m", ph, pm, s_res)
        out: NDArray[np.float64] = float(self.b) * gets - float(self.c) * gives
        return out

    def ess_range(self) -> tuple[float, float]:
        """The open interval of ``b / c`` on which the resident action rule is a strict ESS
        against all 15 other action rules (public assessment; ``(inf, -inf)`` when empty)."""
        self._public_only("ess_range")
        _check_ess_errors(float(self.mu))
        res = self._analysis()
        lo, hi = float(res["lower"]), float(res["upper"])
        return (lo, hi) if lo < hi else (math.inf, -math.inf)

    def is_ess(self) -> bool:
        """Whether the norm's action rule is a strict ESS at this ``b / c``."""
        lo, hi = self.ess_range()
        return bool(lo < self.ratio < hi)

    def limit_ess_range(self) -> tuple[Any, Any] | None:
        """The interval of ``b / c`` on which the norm is an ESS in the limit of vanishing
        errors, exact (Fractions for exact ``q``), or None when the norm is not cooperative
        in that limit (residents do not stay good up to terms of the order of the errors)."""
        self._public_only("limit_ess_range")
        return _limit_bounds(self.norm.assessment, self.norm.action, _exact(self.q))

    def _public_only(self, what: str) -> None:
        if self.assessment != "public":
            raise InvalidArgumentError(
                f"{what} is implemented for public assessment (Ohtsuki & Iwasa's model); "
                "under private assessment use reputation, cooperation and population")

    # -- mixed populations ---------------------------------------------------------------------
    def population(self, frequencies: Mapping[Any, Any] | Sequence[Any],
                   strategies: Sequence[Any] | None = None) -> PopulationState:
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
            in the module docstring, iterated from everyone good.

        Examples
        --------
        >>> import multilateral as ml
        >>> model = ml.models.IndirectReciprocity("stern judging", b=5, c=1, e=0.02, mu=0.02)
        >>> state = model.population({"ALLC": 0.1, "ALLD": 0.1, "DISC": 0.8})
        >>> state.reputations.round(3).tolist(), state.payoffs.round(3).tolist()
        ([0.84, 0.146, 0.963], [2.804, 1.061, 3.414])

        Under private assessment with simple standing, discriminators disagree about who is
        good, and unconditional cooperators earn more than they do:

        >>> private = model.replace(norm="simple standing", assessment="private")
        >>> mixed = private.population({"ALLC": 0.1, "ALLD": 0.1, "DISC": 0.8})
        >>> mixed.reputations.round(3).tolist(), mixed.payoffs.round(3).tolist()
        ([0.965, 0.215, 0.849], [3.292, 1.331, 3.038])
        """
        labels, rules, x = _frequencies(frequencies, strategies)
        e, mu, q = self._fl()
        b, c = float(self.b), float(self.c)
        if self.assessment == "private":
            _check_private(self.norm.assessment, rules)
            return _private_population(self.norm.assessment, labels, rules, x, b, c, e, mu, q)
        return _public_population(self.norm.assessment, labels, rules, x, b, c, e, mu, q)

    # -- formulas ------------------------------------------------------------------------------
    def reputation_formula(self) -> Any:
        """The stationary fraction of good members as a sympy expression in ``e``, ``mu`` and
        ``q`` (public assessment, everyone following the norm): the root of the quadratic of
        the module docstring that holds at this model's parameters.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.IndirectReciprocity("simple standing", b=2, c=1, q=1).reputation_formula()
        (mu - 1)/(2*e*mu - e - 1)
        """
        self._public_only("reputation_formula")
        import sympy

        e, mu, q, h = sympy.symbols("e mu q h", nonnegative=True)
        d = _d_array(self.norm.assessment)
        p = _p_array(self.norm.action)

        def t(x: int, y: int) -> Any:
            s = (1 - e) * (q * int(p[x, y]) + (1 - q) * int(p[x, 1]))
            rc = mu + (1 - 2 * mu) * int(d[x, y, 1])
            rd = mu + (1 - 2 * mu) * int(d[x, y, 0])
            return s * rc + (1 - s) * rd

        poly = sympy.expand(h**2 * t(1, 1) + h * (1 - h) * (t(1, 0) + t(0, 1))
                            + (1 - h) ** 2 * t(0, 0) - h)
        if float(self.q) == 1.0:
            poly = sympy.expand(poly.subs(q, 1))
        roots = sympy.solve(poly, h)
        target = self.reputation()
        values = {sympy.symbols("e", nonnegative=True): float(self.e),
                  sympy.symbols("mu", nonnegative=True): float(self.mu),
                  sympy.symbols("q", nonnegative=True): float(self.q)}
        best = min(roots, key=lambda r: abs(complex(r.evalf(subs=values)) - target))
        return sympy.factor(sympy.simplify(best))

    # -- simulation ----------------------------------------------------------------------------
    def simulate(self, population: int = 200, rounds: int = 2000, *,
                 strategies: Mapping[Any, int] | None = None, burn_in: int | None = None,
                 observation: float = 1.0, seed: Any = None) -> ReputationSimulation:
        """Agent-based simulation of this model (see :func:`simulate_reputation`); everyone
        follows the norm's action rule unless ``strategies`` gives counts per action rule."""
        counts = {self.norm.action: population} if strategies is None else strategies
        return simulate_reputation(self.norm, counts, b=self.b, c=self.c, e=self.e, mu=self.mu,
                                   q=self.q, assessment=self.assessment, rounds=rounds,
                                   burn_in=burn_in, observation=observation, seed=seed)


def _exact(value: Any) -> Any:
    return Fraction(value) if isinstance(value, numbers.Rational) else Fraction(str(value))


def _check_private(assessment: int, rules: Sequence[int]) -> None:
    if (assessment & 15) != (assessment >> 4):
        raise InvalidArgumentError(
            "private assessment is implemented for second-order norms (the assessment may not "
            f"depend on the donor's own image); norm {assessment} depends on it")
    for rule in rules:
        if (rule & 3) != (rule >> 2):
            raise InvalidArgumentError(
                f"private assessment needs action rules that look only at the recipient "
                f"(ALLC, ALLD, DISC, ANTI); rule {rule} depends on the donor's own image")


def _frequencies(frequencies: Any, strategies: Sequence[Any] | None
                 ) -> tuple[tuple[str, ...], list[int], NDArray[np.float64]]:
    if isinstance(frequencies, Mapping):
        keys, vals = list(frequencies.keys()), list(frequencies.values())
    else:
        keys = list(strategies) if strategies is not None else ["ALLC", "ALLD", "DISC"]
        vals = list(frequencies)
        if len(vals) != len(keys):
            raise InvalidArgumentError(f"frequencies needs one value per strategy ({len(keys)}),"
                                       f" got {len(vals)}")
    if not keys:
        raise InvalidArgumentError("give at least one strategy")
    rules = [_action_bits(k) for k in keys]
    x = np.array([float(check_real(v, "frequency", low=0)) for v in vals])
    if abs(x.sum() - 1) > 1e-9:
        raise InvalidArgumentError(f"frequencies must sum to 1, got {x.sum()!r}")
    labels = tuple(k if isinstance(k, str) else _rule_label(int(k)) for k in keys)
    return labels, rules, x


def _rule_label(rule: int) -> str:
    for name, bits in ACTION_RULES.items():
        if bits == rule:
            return name
    return f"rule {rule}"


def _public_population(assessment: int, labels: tuple[str, ...], rules: list[int],
                       x: NDArray[np.float64], b: float, c: float, e: float, mu: float,
                       q: float) -> PopulationState:
    d = _d_array(assessment)
    r = mu + (1 - 2 * mu) * d
    p = _ALL_P[rules]                                                   # (k, X, Y)
    s = (1 - e) * (q * p + (1 - q) * p[:, :, 1:2])
    t = r[None, ..., 1] * s + r[None, ..., 0] * (1 - s)                 # (k, X, Y)

    def images(g: NDArray[np.float64]) -> NDArray[np.float64]:
        g = g[..., None]
        stay = g * t[:, 1, 1] + (1 - g) * t[:, 1, 0]
        rise = g * t[:, 0, 1] + (1 - g) * t[:, 0, 0]
        den = 1 - stay + rise
        with np.errstate(divide="ignore", invalid="ignore"):
            out: NDArray[np.float64] = np.where(den > 0, rise / den, 1.0)
        return out

    from scipy.optimize import brentq

    grid = np.linspace(0.0, 1.0, 257)
    gap = images(grid) @ x - grid
    g = 1.0
    if gap[-1] < -1e-15:  # the largest sign change, refined by Brent's method
        idx = np.nonzero(gap[:-1] >= 0)[0]
        lo, hi = (grid[idx[-1]], grid[idx[-1] + 1]) if idx.size else (0.0, grid[1])
        g = float(brentq(lambda v: float(images(np.array([v]))[0] @ x) - v, lo, hi,
                         xtol=1e-15, rtol=4 * np.finfo(float).eps))
    h = images(np.array([g]))[0]
    ph = np.stack([1 - h, h], axis=-1)                                  # (k, 2)
    pg = np.array([1 - g, g])
    gives = np.einsum("kx,y,kxy->k", ph, pg, s)
    # help received by a member of strategy k from donors of strategy j
    gets = np.einsum("j,jx,ky,jxy->k", x, ph, ph, s)
    return PopulationState(labels, x, h, b * gets - c * gives, float(x @ gives))


def _private_population(assessment: int, labels: tuple[str, ...], rules: list[int],
                        x: NDArray[np.float64], b: float, c: float, e: float, mu: float,
                        q: float) -> PopulationState:
    d2 = _d_array(assessment)[1]                                        # (Y, A)
    r = mu + (1 - 2 * mu) * d2                                          # (Y, A)
    p = _ALL_P[rules][:, 1, :]                                          # (k, Y)
    s = (1 - e) * (q * p + (1 - q) * p[:, 1:2])                         # (k, u)
    # assessment of a donor who plays with prob s(u) towards a recipient seen as v
    val = s[:, :, None] * r[None, None, :, 1] + (1 - s[:, :, None]) * r[None, None, :, 0]
    gk = np.ones(len(rules))
    for _ in range(200_000):
        g, g2 = float(x @ gk), float(x @ gk**2)
        joint = np.array([[1 - 2 * g + g2, g - g2], [g - g2, g2]])      # P(u, v)
        new = np.einsum("uv,kuv->k", joint, val)
        if np.max(np.abs(new - gk)) < 1e-14:
            gk = new
            break
        gk = 0.5 * gk + 0.5 * new
    else:  # pragma: no cover - the map is a contraction for the norms of interest
        raise SolverError("the private-assessment reputations did not converge")
    g = float(x @ gk)
    gives = s[:, 1] * g + s[:, 0] * (1 - g)
    pk = np.stack([1 - gk, gk], axis=-1)                                # (k, 2)
    gets = np.einsum("j,ku,ju->k", x, pk, s)
    return PopulationState(labels, x, gk, b * gets - c * gives, float(x @ gives))


# =============================================================================================
# Scans over all 4,096 norms
# =============================================================================================
@dataclass(frozen=True, repr=False, eq=False)
class NormScan:
    """Every one of the 256 x 16 norms at given error rates (public assessment).

    Attributes
    ----------
    e, mu, q : float
        Execution error, assessment error, knowledge.
    reputation : numpy.ndarray
        ``reputation[a, p]``: stationary fraction of good members under assessment rule ``a``
        and action rule ``p``; shape ``(256, 16)``.
    cooperation : numpy.ndarray
        The residents' cooperation rate, shape ``(256, 16)``.
    lower, upper : numpy.ndarray
        The norm is a strict ESS exactly for ``lower < b/c < upper``.
    """

    e: float
    mu: float
    q: float
    reputation: NDArray[np.float64]
    cooperation: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]

    def ess(self, ratio: Any) -> NDArray[np.bool_]:
        """Which norms are a strict ESS at ``b / c = ratio``, shape ``(256, 16)``."""
        r = float(check_real(ratio, "b/c", low=0, open_low=True))
        out: NDArray[np.bool_] = (self.lower < r) & (r < self.upper)
        return out

    def cooperative(self, tolerance: float = 10.0) -> NDArray[np.bool_]:
        """Norms whose residents are good and cooperate up to ``tolerance`` times the error
        rate: ``1 - reputation <= tolerance (e + mu)`` and the same for cooperation."""
        eps = tolerance * (self.e + self.mu)
        out: NDArray[np.bool_] = (1 - self.reputation <= eps) & (1 - self.cooperation <= eps)
        return out

    def norms(self, mask: ArrayLike) -> tuple[Norm, ...]:
        """The norms where a ``(256, 16)`` boolean mask is true, ordered by id."""
        m = np.asarray(mask, dtype=bool)
        if m.shape != (256, 16):
            raise InvalidArgumentError(f"mask must have shape (256, 16), got {m.shape}")
        return tuple(Norm(int(a), int(p)) for a, p in np.argwhere(m))

    def cooperative_ess(self, ratio: Any, tolerance: float = 10.0) -> tuple[Norm, ...]:
        """Norms that are a strict ESS at ``ratio`` and cooperative (see :meth:`cooperative`)."""
        return self.norms(self.ess(ratio) & self.cooperative(tolerance))

    def __repr__(self) -> str:
        return f"NormScan(4096 norms, e={self.e:g}, mu={self.mu:g}, q={self.q:g})"


def scan_norms(e: Any = 0.01, mu: Any = 0.01, q: Any = 1) -> NormScan:
    """Stationary reputations, cooperation and ESS ranges of all 4,096 norms at once.

    Vectorized over the 256 assessment rules and 16 action rules (about a millisecond).

    Parameters
    ----------
    e, mu : float
        Execution and assessment errors (``0 < mu < 1``).
    q : float, default 1
        Probability that a donor knows the recipient's image.

    Returns
    -------
    NormScan

    Examples
    --------
    >>> import multilateral as ml
    >>> scan = ml.models.scan_norms(e=1e-4, mu=1e-4)
    >>> [n.name for n in scan.cooperative_ess(1.5)]
    ['L8', 'L6', 'L2', 'L5', 'L7', 'L4', 'L1', 'L3']
    >>> len(scan.cooperative_ess(3))   # the leading eight and the secondary sixteen
    24
    """
    ef = check_probability(e, "e")
    muf = check_probability(mu, "mu")
    qf = check_probability(q, "q")
    _check_ess_errors(muf)
    res = _public(_ALL_D[:, None], _ALL_P[None], ef, muf, qf)
    return NormScan(ef, muf, qf, res["h"], res["cooperation"], res["lower"], res["upper"])


def _limit_bounds(assessment: int, action: int, q: Fraction) -> tuple[Any, Any] | None:
    """Exact ESS bounds on b/c in the limit e, mu -> 0 (None if not cooperative)."""
    d = _d_array(assessment).astype(int)
    p = _p_array(action).astype(int)

    def t_eff(x: int, y: int) -> Fraction:  # P(good) of an error-free donor
        informed = int(d[x, y, p[x, y]])
        if y == 1:
            return Fraction(informed)
        return q * informed + (1 - q) * int(d[x, y, p[x, 1]])

    if q == 0 or p[1, 1] != 1 or t_eff(1, 1) != 1 or t_eff(1, 0) + t_eff(0, 1) <= 1:
        return None
    # at h = 1: Delta v / c = r q (p_GG - p_GB) - (p_GG - p_BG), denominator 1 - T_GG + T_BG
    den = 1 - t_eff(1, 1) + t_eff(0, 1)
    slope, offset = q * (p[1, 1] - p[1, 0]), Fraction(p[1, 1] - p[0, 1])
    lower: Any = Fraction(0)
    upper: Any = math.inf
    for x in (0, 1):
        for y in (0, 1):
            a = int(d[x, y, 1] - d[x, y, 0])
            sgn = 1 if p[x, y] else -1
            coef, rhs = sgn * a * slope, sgn * (den + a * offset)     # coef r > rhs
            if coef > 0:
                lower = max(lower, rhs / coef)
            elif coef < 0:
                upper = min(upper, rhs / coef)
            elif rhs >= 0:
                return (math.inf, -math.inf)
    return (lower, upper) if lower < upper else (math.inf, -math.inf)


@dataclass(frozen=True, repr=False, eq=False)
class LimitScan:
    """The ESS analysis of all 4,096 norms in the limit of vanishing errors.

    Attributes
    ----------
    q : Fraction
        Probability that a donor knows the recipient's image.
    bounds : dict
        ``{(assessment, action): (lower, upper)}`` for every cooperative norm (residents good
        and cooperating up to terms of the order of the errors); the norm is an ESS for
        ``lower < b/c < upper`` when the errors are small enough. Exact Fractions.
    """

    q: Fraction
    bounds: dict[tuple[int, int], tuple[Any, Any]]

    def thresholds(self) -> dict[Any, tuple[Norm, ...]]:
        """The cooperative ESS norms grouped by their least ``b / c`` (empty ranges omitted)."""
        groups: dict[Any, list[Norm]] = {}
        for (a, p), (lo, hi) in sorted(self.bounds.items(), key=lambda kv: 16 * kv[0][0]
                                       + kv[0][1]):
            if lo < hi:
                groups.setdefault(lo, []).append(Norm(a, p))
        return {k: tuple(v) for k, v in sorted(groups.items())}

    def norms(self, threshold: Any) -> tuple[Norm, ...]:
        """The cooperative norms that are an ESS exactly for ``b / c > threshold``."""
        return self.thresholds().get(Fraction(threshold), ())

    def __repr__(self) -> str:
        counts = ", ".join(f"b/c > {k}: {len(v)}" for k, v in self.thresholds().items())
        return f"LimitScan(q={self.q}, {len(self.bounds)} cooperative norms; ESS {counts})"


def ess_limit(q: Any = 1) -> LimitScan:
    """The ESS analysis of all 4,096 norms as execution and assessment errors vanish.

    A norm is *cooperative* when, as ``e, mu -> 0``, its residents are good and cooperate
    except for terms of the order of the errors; this holds iff ``p(G, G) = C`` and
    ``d(G, G, C) = G`` and the error-free donor who meets a bad recipient stays good while a
    bad donor who meets a good one becomes good (for ``q < 1``: ``T(G, B) + T(B, G) > 1``
    with ``T`` averaged over knowing and not knowing). At ``h = 1`` the ESS conditions of the
    module docstring reduce to sign conditions; the function solves them exactly.

    Parameters
    ----------
    q : number, default 1
        Probability that a donor knows the recipient's image (``0 < q <= 1``).

    Returns
    -------
    LimitScan

    Examples
    --------
    The leading eight of Ohtsuki & Iwasa are the cooperative norms that are an ESS for every
    ``b > c``; Schmid et al.'s secondary sixteen need ``b > 2c``:

    >>> import multilateral as ml
    >>> limit = ml.models.ess_limit()
    >>> limit
    LimitScan(q=1, 256 cooperative norms; ESS b/c > 1: 8, b/c > 2: 16)
    >>> set(limit.norms(1)) == set(ml.models.leading_eight())
    True
    >>> ml.models.ess_limit(q=0.5)
    LimitScan(q=1/2, 320 cooperative norms; ESS b/c > 2: 8, b/c > 4: 16)
    """
    qq = _exact(check_real(q, "q", low=0, high=1, open_low=True))
    bounds = {}
    for a in range(256):
        for p in range(16):
            res = _limit_bounds(a, p, qq)
            if res is not None:
                bounds[(a, p)] = res
    return LimitScan(qq, bounds)


# =============================================================================================
# Specific versus diffuse reciprocity in a population of Z states
# =============================================================================================
@dataclass(frozen=True)
class Reciprocity:
    """Specific (bilateral, tit for tat) against diffuse (balance with the group) reciprocity.

    ``Z`` states meet in random groups of ``N`` each round, play the donation game with every
    member of their group, and the game goes on with probability ``delta``. The module
    docstring derives the two conditions:

    * specific reciprocity (tit for tat with each partner) resists always defect iff
      ``b w(Z) > c`` with ``w(Z) = delta p / (1 - delta + delta p)``, ``p = (N-1)/(Z-1)``;
    * diffuse reciprocity (help those whose account with the group is in standing) resists
      it iff ``b q delta^K > c``, ``K = floor(T / (N - 1)) + 1``, whatever ``Z``.

    Parameters
    ----------
    b, c : number
        Benefit and cost of a donation (> 0). Exact numbers keep the thresholds exact.
    population : int, default 2
        ``Z``, the number of states (>= ``group_size``).
    delta : number, default 9/10
        Probability that the game goes on for another round, in ``[0, 1)``.
    q : number, default 1
        Probability that a donor knows a recipient's account (transparency), in ``[0, 1]``.
    tolerance : int, default 0
        ``T``: how many helps a member may receive beyond those it gave and stay in standing.
    group_size : int, default 2
        ``N``: states meet bilaterally (2) or in multilateral groups.

    References
    ----------
    .. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
       Organization* 40(1), 1-27.
    .. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563.
    .. [3] Kandori, M. (1992). Social norms and community enforcement. *Review of Economic
       Studies* 59(1), 63-80.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.Reciprocity(b=3, c=1, population=23, delta=Fraction(9, 10))
    >>> m.partner_continuation(), m.specific_threshold()
    (Fraction(9, 31), Fraction(31, 9))
    >>> m.specific_sustains(), m.diffuse_sustains(), m.diffuse_threshold()
    (False, True, Fraction(10, 9))
    >>> m.largest_specific_group(), m.critical_group_size()
    (18, 19)
    """

    b: Any
    c: Any
    population: int = 2
    delta: Any = Fraction(9, 10)
    q: Any = 1
    tolerance: int = 0
    group_size: int = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "b", check_real(self.b, "b (benefit)", low=0, open_low=True))
        object.__setattr__(self, "c", check_real(self.c, "c (cost)", low=0, open_low=True))
        object.__setattr__(self, "delta", check_real(self.delta, "delta (continuation "
                                                     "probability)", low=0, high=1,
                                                     open_high=True))
        object.__setattr__(self, "q", check_real(self.q, "q (knowledge probability)", low=0,
                                                 high=1))
        n = check_positive_int(self.group_size, "group_size (N)", 2)
        z = check_positive_int(self.population, "population (Z)", 2)
        if z < n:
            raise InvalidArgumentError(f"the population Z = {z} must be at least the group size "
                                       f"N = {n}")
        check_positive_int(self.tolerance, "tolerance (T)", 0)

    def replace(self, **changes: Any) -> Reciprocity:
        """A copy with some parameters changed (validated again)."""
        from dataclasses import replace as _replace

        return _replace(self, **changes)

    def _size(self, n: int | None) -> int:
        if n is None:
            return self.population
        z = check_positive_int(n, "population (Z)", 2)
        if z < self.group_size:
            raise InvalidArgumentError(f"the population Z = {z} must be at least the group size "
                                       f"N = {self.group_size}")
        return z

    # -- specific reciprocity ------------------------------------------------------------------
    def meeting_probability(self, n: int | None = None) -> Any:
        """``p = (N - 1) / (Z - 1)``: the chance that a given partner is in one's group."""
        z = self._size(n)
        return _ratio(self.group_size - 1, z - 1, self.delta)

    def partner_continuation(self, n: int | None = None) -> Any:
        """``w(Z) = delta p / (1 - delta + delta p)``: the probability that two states who
        just met meet again before the game ends (``delta`` itself when ``Z = N``)."""
        p = self.meeting_probability(n)
        return self.delta * p / (1 - self.delta + self.delta * p)

    def specific_threshold(self, n: int | None = None) -> Any:
        """``1 / w(Z)``: the least ``b / c`` at which tit for tat resists always defect
        (``inf`` when ``delta = 0``)."""
        w = self.partner_continuation(n)
        return math.inf if w == 0 else 1 / w

    def specific_sustains(self, n: int | None = None) -> bool:
        """Whether tit for tat with each partner resists always defect: ``b w(Z) > c``."""
        return bool(self.b * self.partner_continuation(n) > self.c)

    def largest_specific_group(self) -> int | None:
        """The largest population in which specific reciprocity holds (None if none does).

        ``b w(Z) > c`` iff ``Z - 1 < (N - 1) delta (b - c) / (c (1 - delta))``, so the answer
        is the ceiling of the right-hand side (exact for exact parameters).
        """
        if self.b <= self.c or self.delta == 0:
            return None
        bound = (self.group_size - 1) * self.delta * (self.b - self.c) / (
            self.c * (1 - self.delta))
        z = math.ceil(bound) if isinstance(bound, Fraction) else math.ceil(bound - 1e-12)
        return z if z >= self.group_size else None

    def critical_group_size(self) -> int:
        """The smallest population in which specific reciprocity fails."""
        z = self.largest_specific_group()
        return self.group_size if z is None else z + 1

    # -- diffuse reciprocity -------------------------------------------------------------------
    @property
    def standing_rounds(self) -> int:
        """``K = floor(T / (N - 1)) + 1``: rounds a defector keeps its standing."""
        return self.tolerance // (self.group_size - 1) + 1

    def diffuse_threshold(self) -> Any:
        """``1 / (q delta^K)``: the least ``b / c`` at which balance resists always defect,
        the same for every group size (``inf`` when ``q delta = 0``)."""
        x = self.q * self.delta ** self.standing_rounds
        return math.inf if x == 0 else 1 / x

    def diffuse_sustains(self, n: int | None = None) -> bool:
        """Whether balance resists always defect, ``b q delta^K > c`` (any ``Z``)."""
        self._size(n)
        return bool(self.b * self.q * self.delta ** self.standing_rounds > self.c)

    # -- payoffs -------------------------------------------------------------------------------
    def deviation_payoffs(self, kind: str, n: int | None = None) -> tuple[Any, Any]:
        """Expected total payoffs ``(conformer, deviator)`` of a state in a population that
        plays ``kind`` (``'specific'``: tit for tat, ``'diffuse'``: balance) when it conforms
        and when it alone always defects (no errors).

        Specific: ``(N-1)(b-c)/(1-delta)`` against ``(N-1) b / (1 - delta (1 - p))`` (a
        defector is helped by each partner at their first meeting). Diffuse: against
        ``(N-1) b [(1 - delta^K) + (1 - q) delta^K] / (1 - delta)``.
        """
        z = self._size(n)
        k = self.group_size - 1
        conform = k * (self.b - self.c) / (1 - self.delta)
        if kind == "specific":
            p = self.meeting_probability(z)
            return conform, k * self.b / (1 - self.delta * (1 - p))
        if kind == "diffuse":
            dk = self.delta ** self.standing_rounds
            return conform, k * self.b * ((1 - dk) + (1 - self.q) * dk) / (1 - self.delta)
        raise InvalidArgumentError(f"kind must be 'specific' or 'diffuse', got {kind!r}")

    def payoff_matrix(self, kind: str, n: int | None = None) -> NDArray[Any]:
        """Nowak's (2006) payoff matrix of ALLC, ALLD and a reciprocator, per encounter.

        ``kind='specific'``: the reciprocator is tit for tat and a pair's encounters repeat
        with continuation ``w(Z)`` (averaged per encounter: totals times ``1 - w``).
        ``kind='diffuse'``: the reciprocator is the discriminator, who knows a co-player's
        reputation with probability ``q`` (stationary reputations). Exact entries (object
        array) for exact parameters.

        Examples
        --------
        >>> import multilateral as ml
        >>> ml.models.Reciprocity(b=3, c=1, q=0.5).payoff_matrix("diffuse").tolist()
        [[2.0, -1.0, 2.0], [3.0, 0.0, 1.5], [2.0, -0.5, 2.0]]
        """
        b, c = self.b, self.c
        if kind == "specific":
            w = self.partner_continuation(n)
            rows = [[b - c, -c, b - c], [b, 0 * b, b * (1 - w)], [b - c, -c * (1 - w), b - c]]
        elif kind == "diffuse":
            self._size(n)
            q = self.q
            rows = [[b - c, -c, b - c], [b, 0 * b, b * (1 - q)], [b - c, -c * (1 - q), b - c]]
        else:
            raise InvalidArgumentError(f"kind must be 'specific' or 'diffuse', got {kind!r}")
        exact = all(isinstance(v, Fraction | int) for row in rows for v in row)
        if exact:
            return np.array([[Fraction(v) for v in row] for row in rows], dtype=object)
        return np.array([[float(v) for v in row] for row in rows])

    def simulate(self, strategies: Mapping[str, int], *, replicates: int = 100,
                 rounds: int | None = None, e: Any = 0.0, seed: Any = None
                 ) -> ReciprocitySimulation:
        """Agent-based simulation of this population (see :func:`simulate_reciprocity`)."""
        return simulate_reciprocity(self, strategies, replicates=replicates, rounds=rounds,
                                    e=e, seed=seed)


def _ratio(num: int, den: int, like: Any) -> Any:
    return num / den if isinstance(like, float) else Fraction(num, den)


# =============================================================================================
# Symbolic conditions
# =============================================================================================
def nowak_conditions() -> dict[str, Any]:
    """Nowak's conditions for reciprocity, derived with sympy from the payoffs.

    Each entry is a sympy relation in ``b/c`` (the symbol ``r``), obtained by solving "the
    reciprocator does better than always defect against reciprocators" for ``r``:

    * ``direct``: tit for tat with continuation ``w``, ``(b - c)/(1 - w) > b``;
    * ``indirect``: the discriminator with knowledge ``q``, ``b - c > b (1 - q)``;
    * ``specific``: tit for tat with ``w(Z) = delta p / (1 - delta + delta p)``,
      ``p = (N - 1)/(Z - 1)``;
    * ``diffuse``: balance with ``K`` rounds of standing,
      ``(b - c)/(1 - delta) > b (1 - q delta^K)/(1 - delta)``.

    Examples
    --------
    >>> from multilateral.models import nowak_conditions
    >>> conditions = nowak_conditions()
    >>> conditions["direct"], conditions["indirect"]
    (r > 1/w, r > 1/q)
    >>> conditions["specific"]
    r > (N*delta - Z*delta + Z - 1)/(delta*(N - 1))
    >>> conditions["diffuse"]
    r > 1/(delta**K*q)
    """
    import sympy

    r, c, w, q, delta = sympy.symbols("r c w q delta", positive=True)
    z, n, k = sympy.symbols("Z N K", positive=True, integer=True)
    b = r * c

    def solve(gain: Any) -> Any:
        # gain(r) = reciprocator's payoff minus the defector's; linear and increasing in r
        root = sympy.solve(sympy.Eq(gain, 0), r)[0]
        return sympy.StrictGreaterThan(r, sympy.simplify(root))

    p = (n - 1) / (z - 1)
    w_z = delta * p / (1 - delta + delta * p)
    return {
        "direct": solve((b - c) / (1 - w) - b),
        "indirect": solve((b - c) - b * (1 - q)),
        "specific": solve(sympy.simplify((b - c) / (1 - w_z) - b)),
        "diffuse": solve(((b - c) - b * (1 - q * delta**k)) / (1 - delta)),
    }


# =============================================================================================
# Simulation
# =============================================================================================
@dataclass(frozen=True, repr=False, eq=False)
class ReputationSimulation:
    """An agent-based run of the reputation model.

    Attributes
    ----------
    strategies : tuple of str
        The action rules present.
    counts : tuple of int
        How many members follow each.
    reputations : numpy.ndarray
        Mean fraction of good images of each strategy after the burn-in (private: the mean
        fraction of observers who see its members as good).
    payoffs : numpy.ndarray
        Mean payoff per member and round of each strategy after the burn-in.
    cooperation : float
        Fraction of donations made after the burn-in.
    series : numpy.ndarray
        The fraction of good images in every round.
    standard_error : float
        Standard error of the overall mean reputation (batch means over 20 batches).
    """

    strategies: tuple[str, ...]
    counts: tuple[int, ...]
    reputations: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    cooperation: float
    series: NDArray[np.float64]
    standard_error: float

    @property
    def reputation(self) -> float:
        """The population's mean fraction of good images after the burn-in."""
        w = np.asarray(self.counts, dtype=float)
        return float(w @ self.reputations / w.sum())

    def __repr__(self) -> str:
        rows = ", ".join(f"{s} x{k}: g={g:.4f} pay={f:.4g}" for s, k, g, f in zip(
            self.strategies, self.counts, self.reputations, self.payoffs, strict=True))
        return f"ReputationSimulation({rows}; cooperation={self.cooperation:.4f})"


def _counts(strategies: Any, allowed: tuple[str, ...] | None = None
            ) -> tuple[list[Any], list[int]]:
    if not isinstance(strategies, Mapping) or not strategies:
        raise InvalidTypeError("strategies must be a non-empty mapping from strategy to count, "
                               f"e.g. {{'DISC': 99, 'ALLD': 1}}, got {strategies!r}")
    keys = list(strategies.keys())
    counts = [check_positive_int(v, f"count of {k!r}", 0) for k, v in strategies.items()]
    if allowed is not None:
        for k in keys:
            if k not in allowed:
                raise InvalidArgumentError(f"unknown strategy {k!r}; known: "
                                           f"{', '.join(allowed)}")
    return keys, counts


def simulate_reputation(norm: Any, strategies: Mapping[Any, int], *, b: Any = 2, c: Any = 1,
                        e: Any = 0.01, mu: Any = 0.01, q: Any = 1,
                        assessment: Assessment = "public", rounds: int = 2000,
                        burn_in: int | None = None, observation: float = 1.0,
                        seed: Any = None) -> ReputationSimulation:
    """Simulate indirect reciprocity in a finite population, vectorized over the population.

    Every round each member donates once to a uniformly random other member. With probability
    ``q`` it knows the recipient's image (otherwise acts as towards a good one); an intended
    cooperation fails with probability ``e``. Public assessment: one image per member,
    reassigned after each of its actions by the norm, wrong with probability ``mu``; all
    images are updated together at the end of the round. Private assessment: every member
    keeps a view of every other (a ``Z x Z`` array); each observer, with probability
    ``observation``, reassesses each donor with its own view of the recipient, wrong with
    probability ``mu``. Everyone starts good.

    Parameters
    ----------
    norm : Norm or str
        The assessment rule (its action rule is ignored: ``strategies`` gives the actions).
    strategies : mapping
        ``{action rule: count}``, e.g. ``{"DISC": 190, "ALLD": 10}`` (names or integers).
    b, c, e, mu, q : number
        As in :class:`IndirectReciprocity`.
    assessment : {"public", "private"}
    rounds : int, default 2000
    burn_in : int, optional
        Rounds discarded before averaging (default ``rounds // 5``).
    observation : float, default 1
        Private assessment only: probability that an observer sees a given interaction.
        Small values make different observers' views independent, as the analytic model
        assumes.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    ReputationSimulation

    Examples
    --------
    >>> import multilateral as ml
    >>> run = ml.models.simulate_reputation("stern judging", {"DISC": 300}, rounds=1000, seed=1)
    >>> model = ml.models.IndirectReciprocity("stern judging", b=2, c=1)
    >>> abs(run.reputation - model.reputation()) < 0.01
    True
    """
    nm = _as_norm(norm)
    keys, counts = _counts(strategies)
    rules = [_action_bits(k) for k in keys]
    labels = tuple(k if isinstance(k, str) else _rule_label(int(k)) for k in keys)
    z = sum(counts)
    if z < 2:
        raise InvalidArgumentError(f"the population needs at least 2 members, got {z}")
    bf = float(check_real(b, "b (benefit)", low=0, open_low=True))
    cf = float(check_real(c, "c (cost)", low=0, open_low=True))
    ef, muf, qf = (check_probability(v, n) for v, n in ((e, "e"), (mu, "mu"), (q, "q")))
    obs = check_probability(observation, "observation")
    rounds = check_positive_int(rounds, "rounds", 1)
    burn = rounds // 5 if burn_in is None else check_positive_int(burn_in, "burn_in", 0)
    if burn >= rounds:
        raise InvalidArgumentError(f"burn_in ({burn}) must be less than rounds ({rounds})")
    if assessment not in ("public", "private"):
        raise InvalidArgumentError(f"assessment must be 'public' or 'private', got "
                                   f"{assessment!r}")
    if assessment == "private":
        _check_private(nm.assessment, rules)
    rng = np.random.default_rng(seed)
    strat = np.repeat(np.arange(len(rules)), counts)
    table_p = _ALL_P[rules].astype(bool)                                # (k, X, Y)
    table_d = _d_array(nm.assessment).astype(bool)                      # (X, Y, A)
    idx = np.arange(z)
    k = len(rules)
    good_sum = np.zeros(k)
    pay_sum = np.zeros(k)
    coop_sum = 0.0
    series = np.empty(rounds)
    kept = rounds - burn
    if assessment == "public":
        rep = np.ones(z, dtype=bool)
        per_round = np.empty(kept)
        for t in range(rounds):
            rec = (idx + rng.integers(1, z, size=z)) % z
            informed = rng.random(z) < qf
            seen = np.where(informed, rep[rec], True)
            act = table_p[strat, rep.astype(int), seen.astype(int)] & (rng.random(z) >= ef)
            new = table_d[rep.astype(int), rep[rec].astype(int), act.astype(int)]
            rep = new ^ (rng.random(z) < muf)
            series[t] = rep.mean()
            if t >= burn:
                per_round[t - burn] = series[t]
                good_sum += np.bincount(strat, weights=rep, minlength=k)
                pay = np.bincount(rec, weights=act * bf, minlength=z) - act * cf
                pay_sum += np.bincount(strat, weights=pay, minlength=k)
                coop_sum += act.mean()
    else:
        views = np.ones((z, z), dtype=bool)                             # views[o, i]
        table_d2 = table_d[1]                                           # (Y, A)
        per_round = np.empty(kept)
        for t in range(rounds):
            rec = (idx + rng.integers(1, z, size=z)) % z
            informed = rng.random(z) < qf
            seen = np.where(informed, views[idx, rec], True)
            act = table_p[strat, 1, seen.astype(int)] & (rng.random(z) >= ef)
            new = table_d2[views[:, rec].astype(int), act.astype(int)[None, :]]
            new ^= rng.random((z, z)) < muf
            views = np.where(rng.random((z, z)) < obs, new, views) if obs < 1 else new
            series[t] = views.mean()
            if t >= burn:
                per_round[t - burn] = series[t]
                good_sum += np.bincount(strat, weights=views.mean(axis=0), minlength=k)
                pay = np.bincount(rec, weights=act * bf, minlength=z) - act * cf
                pay_sum += np.bincount(strat, weights=pay, minlength=k)
                coop_sum += act.mean()
    cnt = np.asarray(counts, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        reps = np.where(cnt > 0, good_sum / (cnt * kept), np.nan)
        pays = np.where(cnt > 0, pay_sum / (cnt * kept), np.nan)
    batches = np.array_split(per_round, min(20, kept))
    means = np.array([bt.mean() for bt in batches])
    se = float(means.std(ddof=1) / math.sqrt(len(means))) if len(means) > 1 else math.nan
    return ReputationSimulation(labels, tuple(counts), reps, pays, coop_sum / kept, series, se)


@dataclass(frozen=True, repr=False, eq=False)
class ReciprocitySimulation:
    """Agent-based runs of specific and diffuse reciprocity in a population.

    Attributes
    ----------
    strategies : tuple of str
        ``'ALLC'``, ``'ALLD'``, ``'TFT'`` (specific), ``'BALANCE'`` (diffuse), as present.
    counts : tuple of int
        Members per strategy.
    payoffs : numpy.ndarray
        Mean expected total payoff of a member of each strategy: per-round payoffs weighted
        by ``delta^t`` (the probability that round ``t`` is played), averaged over members
        and replicates.
    standard_errors : numpy.ndarray
        Standard errors of ``payoffs`` across replicates.
    cooperation : float
        The ``delta^t``-weighted share of donations made.
    replicates, rounds : int
    """

    strategies: tuple[str, ...]
    counts: tuple[int, ...]
    payoffs: NDArray[np.float64]
    standard_errors: NDArray[np.float64]
    cooperation: float
    replicates: int
    rounds: int

    def __repr__(self) -> str:
        rows = ", ".join(f"{s} x{k}: {f:.4g} +- {se:.2g}" for s, k, f, se in zip(
            self.strategies, self.counts, self.payoffs, self.standard_errors, strict=True))
        return (f"ReciprocitySimulation({rows}; cooperation={self.cooperation:.4f}, "
                f"replicates={self.replicates})")


_RECIPROCITY_STRATEGIES = ("ALLC", "ALLD", "TFT", "BALANCE")


def simulate_reciprocity(model: Reciprocity, strategies: Mapping[str, int], *,
                         replicates: int = 100, rounds: int | None = None, e: Any = 0.0,
                         seed: Any = None) -> ReciprocitySimulation:
    """Simulate specific and diffuse reciprocity, vectorized over replicates and members.

    Each round the ``Z`` members are split at random into groups of ``N`` (members left over
    sit out); in each group every member decides, for every other member, whether to donate
    (cost ``c``, benefit ``b``). ``TFT`` donates iff that partner donated to it at their last
    meeting (or they never met); ``BALANCE`` donates iff the partner's public account
    ``helps given - helps received`` is at least ``-T``, or, with probability ``1 - q``, when
    it does not know the account; ``ALLC`` and ``ALLD`` always and never do. An intended
    donation fails with probability ``e``. Round ``t`` counts with weight ``delta^t``, so
    payoffs estimate expected totals of the game that ends with probability ``1 - delta``.

    Parameters
    ----------
    model : Reciprocity
        ``b``, ``c``, ``delta``, ``q``, ``tolerance`` and ``group_size`` (the population size
        is the total count of ``strategies``).
    strategies : mapping
        ``{"TFT": 99, "ALLD": 1}`` and the like.
    replicates : int, default 100
    rounds : int, optional
        Rounds simulated (default: until ``delta^t < 10^-6``).
    e : float, default 0
        Execution error.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    ReciprocitySimulation

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.Reciprocity(b=3, c=1, population=20, delta=Fraction(9, 10))
    >>> run = ml.models.simulate_reciprocity(m, {"BALANCE": 19, "ALLD": 1}, seed=0)
    >>> [float(v) for v in m.deviation_payoffs("diffuse")]   # conformer, lone defector
    [20.0, 3.0]
    >>> run.payoffs.round(2).tolist()   # the residents also lose what they gave the defector
    [18.89, 3.0]
    """
    if not isinstance(model, Reciprocity):
        raise InvalidTypeError(f"model must be a Reciprocity, got {type(model).__name__}")
    keys, counts = _counts(strategies, _RECIPROCITY_STRATEGIES)
    z = sum(counts)
    n = model.group_size
    if z < n:
        raise InvalidArgumentError(f"the population ({z}) must be at least the group size {n}")
    reps = check_positive_int(replicates, "replicates", 1)
    ef = check_probability(e, "e")
    delta, q, tol = float(model.delta), float(model.q), model.tolerance
    bf, cf = float(model.b), float(model.c)
    if rounds is None:
        rounds = 1 if delta == 0 else math.ceil(math.log(1e-6) / math.log(delta))
    rounds = check_positive_int(rounds, "rounds", 1)
    rng = np.random.default_rng(seed)
    code = np.repeat([_RECIPROCITY_STRATEGIES.index(k) for k in keys], counts)  # (Z,)
    groups = z // n
    first, second = np.array([(i, j) for i in range(n) for j in range(n) if i != j]).T
    rr = np.arange(reps)[:, None]
    has_tft, has_balance = bool((code == 2).any()), bool((code == 3).any())
    # memory[r, i, j]: what j did to i at their last meeting (only kept when TFT plays)
    memory = np.ones((reps, z, z) if has_tft else (1, 1, 1), dtype=bool)
    account = np.zeros((reps, z), dtype=np.int64)
    total = np.zeros((reps, z))
    given_w = 0.0
    offered_w = 0.0
    weight = 1.0
    base = np.tile(np.arange(z), (reps, 1))
    offset = rr * z
    for _ in range(rounds):
        perm = rng.permuted(base, axis=1)[:, : groups * n].reshape(reps, groups, n)
        donors = perm[:, :, first].reshape(reps, -1)
        recips = perm[:, :, second].reshape(reps, -1)
        kind = code[donors]
        give = kind == 0
        if has_tft:
            give = np.where(kind == 2, memory[rr, donors, recips], give)
        if has_balance:
            trust = (rng.random(donors.shape) >= q) | (account[rr, recips] >= -tol)
            give = np.where(kind == 3, trust, give)
        give &= rng.random(donors.shape) >= ef
        flat_d = (offset + donors).ravel()
        flat_r = (offset + recips).ravel()
        g = give.ravel().astype(np.float64)
        got = np.bincount(flat_r, weights=g, minlength=reps * z).reshape(reps, z)
        gave = np.bincount(flat_d, weights=g, minlength=reps * z).reshape(reps, z)
        total += weight * (bf * got - cf * gave)
        account += (gave - got).astype(np.int64)
        if has_tft:
            memory[rr, recips, donors] = give
        given_w += weight * give.mean()
        offered_w += weight
        weight *= delta
    labels = tuple(keys)
    pays = np.empty(len(keys))
    ses = np.empty(len(keys))
    idx = np.repeat(np.arange(len(keys)), counts)
    for s in range(len(keys)):
        per_rep = total[:, idx == s].mean(axis=1) if counts[s] else np.full(reps, np.nan)
        pays[s] = per_rep.mean()
        ses[s] = per_rep.std(ddof=1) / math.sqrt(reps) if reps > 1 else math.nan
    return ReciprocitySimulation(labels, tuple(counts), pays, ses, given_w / offered_w, reps,
                                 rounds)
