"""Social norms of indirect reciprocity: assessment rules, action rules and the leading eight.

An assessment rule ``d(X, Y, A)`` gives a donor's new image from its own image ``X``, the
recipient's image ``Y`` and its action ``A`` (C or D): 2^8 = 256 rules. An action rule
``p(X, Y)`` gives the donor's action from the two images: 2^4 = 16 rules. A *norm* is a pair:
4,096 in all. Bits are indexed as ``4 X + 2 Y + A`` (assessment) and ``2 X + Y`` (action) with
G = 1 and C = 1, so a norm's id ``16 assessment + action`` matches the numbering of Glynatsi,
Hilbe & Murase (2025). Image scoring, shunning, simple standing and stern judging are
second-order rules (``d`` does not depend on ``X``); the leading eight are third-order.

This module also holds the bit tables of all 256 assessment and 16 action rules
(:data:`ASSESSMENT_BITS`, :data:`ACTION_BITS`) that the reputation engine
(:mod:`multilateral.models.reciprocity.dynamics`) and the simulators read.

References
----------
.. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [2] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can maintain
   cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239, 435-444,
   Table 1.
.. [3] Glynatsi, N. E., Hilbe, C. and Murase, Y. (2025). Exact conditions for evolutionary
   stability in indirect reciprocity under noise. arXiv:2509.08006.

Examples
--------
>>> from multilateral.models import Norm, leading_eight
>>> Norm.named("stern judging").id, [n.name for n in leading_eight()][:3]
(2458, ['L1', 'L2', 'L3'])
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ...errors import InvalidArgumentError, InvalidTypeError
from ..base import Model

__all__ = ["ACTION_RULES", "NORMS", "Norm", "leading_eight"]
__dir__ = public_dir(__all__)

_LETTER = ("B", "G")
_ACT = ("D", "C")

#: ``ASSESSMENT_BITS[a, X, Y, A]``: 1.0 when assessment rule ``a`` calls a donor of image ``X``
#: who plays ``A`` towards a recipient of image ``Y`` good; shape ``(256, 2, 2, 2)``.
ASSESSMENT_BITS: NDArray[np.float64] = (
    (np.arange(256)[:, None] >> np.arange(8)) & 1).astype(np.float64).reshape(256, 2, 2, 2)
#: ``ACTION_BITS[p, X, Y]``: 1.0 when action rule ``p`` cooperates; shape ``(16, 2, 2)``.
ACTION_BITS: NDArray[np.float64] = (
    (np.arange(16)[:, None] >> np.arange(4)) & 1).astype(np.float64).reshape(16, 2, 2)
ASSESSMENT_BITS.flags.writeable = False
ACTION_BITS.flags.writeable = False

#: Action rules by name: bit ``2 X + Y`` is 1 when a donor of image ``X`` cooperates with a
#: recipient of image ``Y``. ``DISC`` (the discriminator) helps good recipients only, ``ANTI``
#: bad ones only.
ACTION_RULES: dict[str, int] = {"ALLD": 0, "ANTI": 5, "DISC": 10, "ALLC": 15}


@dataclass(frozen=True)
class Norm(Model):
    """A social norm: an assessment rule (8 bits) and an action rule (4 bits).

    A value: frozen, compared and hashed by its two rules (the name is a label and takes no
    part), changed with :meth:`with_`.

    Parameters
    ----------
    assessment : int
        The assessment rule as an integer in ``0..255``: bit ``4 X + 2 Y + A`` is 1 when a
        donor of image ``X`` who plays ``A`` towards a recipient of image ``Y`` is assessed
        good (G = 1, C = 1).
    action : int, str or mapping
        The action rule: an integer in ``0..15`` (bit ``2 X + Y`` is 1 when a donor of image
        ``X`` cooperates with a recipient of image ``Y``), a name from :data:`ACTION_RULES`,
        or a table as in :meth:`from_table`. Stored as the integer.
    name : str, optional
        A label (not part of equality); by default the norm's known name or ``'norm <id>'``.

    See Also
    --------
    leading_eight : the eight norms of Ohtsuki and Iwasa.
    IndirectReciprocity : a norm at work in a population.
    scan_norms : all 4,096 norms at once.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation
       dynamics in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120,
       pp. 108-110.

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
    >>> sj.with_(action="ALLC").name
    'norm 2463'
    >>> Norm.from_table({"GGC": "G", "GBC": "G", "BGC": "G", "BBC": "G"}, "DISC").name
    'image scoring'
    """

    assessment: int
    action: int
    name: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        value = self.assessment
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise InvalidTypeError(f"assessment must be an integer in 0..255, got {value!r}")
        if not 0 <= value <= 255:
            raise InvalidArgumentError(
                f"assessment must be an integer in 0..255 (256 rules), got {value!r}")
        object.__setattr__(self, "assessment", int(value))
        object.__setattr__(self, "action", action_rule(self.action))
        if not self.name:
            object.__setattr__(self, "name", _NAMES_BY_PAIR.get((self.assessment, self.action),
                                                                f"norm {self.id}"))

    def with_(self, **changes: Any) -> Self:
        """A copy with some parameters changed; changing a rule without giving a ``name``
        relabels the norm (a label never outlives the rules it named).

        See Also
        --------
        named : a named norm.
        from_table : a norm from readable tables.
        """
        if ("assessment" in changes or "action" in changes) and "name" not in changes:
            changes["name"] = ""
        out: Self = super().with_(**changes)
        return out

    # -- constructors --------------------------------------------------------------------------
    @classmethod
    def named(cls, name: str) -> Norm:
        """A named norm: ``'image scoring'``, ``'shunning'``, ``'simple standing'``,
        ``'stern judging'``, ``'staying'`` (all with the discriminator action rule) or
        ``'L1'`` .. ``'L8'`` (the leading eight). Case-insensitive.

        See Also
        --------
        NORMS : the named norms.

        Examples
        --------
        >>> from multilateral.models import Norm
        >>> Norm.named("L3") == Norm.named("simple standing")
        True
        """
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
    def from_table(cls, good: Mapping[str, str] | Sequence[str],
                   action: int | str | Mapping[str, str] = "DISC", name: str = "") -> Norm:
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

        See Also
        --------
        Norm.named : the named norms.

        Examples
        --------
        >>> from multilateral.models import Norm
        >>> Norm.from_table(["GC", "BD"], {"G": "C", "B": "D"}) == Norm.named("stern judging")
        True
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
        return cls(bits, action_rule(action), name)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def id(self) -> int:
        """``16 * assessment + action``, in ``0..4095``.

        See Also
        --------
        order : how much the norm looks at.
        """
        return 16 * self.assessment + self.action

    @property
    def order(self) -> int:
        """1 if the assessment depends on the action only, 2 if also on the recipient's image,
        3 if also on the donor's own image.

        See Also
        --------
        id : the norm's number.
        """
        lo, hi = self.assessment & 15, self.assessment >> 4
        if lo != hi:
            return 3
        return 1 if ((lo >> 2) & 3) == (lo & 3) else 2

    def good(self, donor: str, recipient: str, action: str) -> bool:
        """Whether the assessment rule calls a donor good: ``good('G', 'B', 'D')``.

        See Also
        --------
        assessment_table : every assessment at once.
        cooperates : the action rule.

        Examples
        --------
        >>> from multilateral.models import Norm
        >>> Norm.named("stern judging").good("G", "B", "C")
        False
        """
        x, y = _image(donor, "donor"), _image(recipient, "recipient")
        if action not in ("C", "D"):
            raise InvalidArgumentError(f"action must be 'C' or 'D', got {action!r}")
        return bool((self.assessment >> (4 * x + 2 * y + (action == "C"))) & 1)

    def cooperates(self, donor: str, recipient: str) -> bool:
        """Whether the action rule cooperates: ``cooperates('G', 'B')``.

        See Also
        --------
        action_table : every action at once.
        good : the assessment rule.

        Examples
        --------
        >>> from multilateral.models import Norm
        >>> Norm.named("stern judging").cooperates("G", "B")
        False
        """
        x, y = _image(donor, "donor"), _image(recipient, "recipient")
        return bool((self.action >> (2 * x + y)) & 1)

    @property
    def assessment_table(self) -> dict[str, str]:
        """``{'GGC': 'G', 'GGD': 'B', ...}``.

        See Also
        --------
        from_table : the inverse.
        good : one entry.
        """
        return {_LETTER[x] + _LETTER[y] + _ACT[a]:
                _LETTER[(self.assessment >> (4 * x + 2 * y + a)) & 1]
                for x in (1, 0) for y in (1, 0) for a in (1, 0)}

    @property
    def action_table(self) -> dict[str, str]:
        """``{'GG': 'C', 'GB': 'D', ...}``.

        See Also
        --------
        from_table : the inverse.
        cooperates : one entry.
        """
        return {_LETTER[x] + _LETTER[y]: _ACT[(self.action >> (2 * x + y)) & 1]
                for x in (1, 0) for y in (1, 0)}

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


def action_rule(action: Any) -> int:
    """An action rule (a name, an integer ``0..15`` or a table) as its integer.

    Examples
    --------
    >>> from multilateral.models.reciprocity.norms import action_rule
    >>> action_rule("DISC"), action_rule({"G": "C"})
    (10, 10)
    """
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
        raise InvalidArgumentError(f"action must be an integer in 0..15 (16 rules), got "
                                   f"{action!r}")
    return int(action)


def rule_label(rule: int) -> str:
    """The name of an action rule (``'DISC'``), or ``'rule <k>'`` for an unnamed one."""
    for name, bits in ACTION_RULES.items():
        if bits == rule:
            return name
    return f"rule {rule}"


def as_norm(norm: Any) -> Norm:
    """A :class:`Norm` from a norm, a name such as ``'stern judging'`` or a pair
    ``(assessment, action)``."""
    if isinstance(norm, Norm):
        return norm
    if isinstance(norm, str):
        return Norm.named(norm)
    if isinstance(norm, tuple) and len(norm) == 2:
        return Norm(*norm)
    raise InvalidTypeError(f"norm must be a Norm, a name such as 'stern judging' or a pair "
                           f"(assessment, action), got {norm!r}")


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

    See Also
    --------
    ess_limit : the exact ESS analysis that finds them.
    scan_norms : the same at small positive errors.
    Norm : one norm.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2006). The leading eight: social norms that can
       maintain cooperation by indirect reciprocity. *Journal of Theoretical Biology* 239,
       435-444, Table 1 (p. 438).

    Examples
    --------
    >>> from multilateral.models import leading_eight
    >>> [(n.name, n.assessment, n.action) for n in leading_eight()][:3]
    [('L1', 186, 11), ('L2', 154, 11), ('L3', 187, 10)]
    """
    return tuple(NORMS[f"L{i}"] for i in range(1, 9))

