"""Power indices as results: :class:`PowerIndex` (one value per member) and :class:`CaucusPower`.

The overview and the references are in :mod:`multilateral.solvers.power`.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..._display import html_table, latex_escape, latex_number, latex_table
from ..._namespace import public_dir
from ..._numeric import format_number
from ..._validation import check_positive_int
from ...errors import InvalidTypeError, UnknownKeyError
from ...types import Number

__all__ = ["CaucusPower", "ColemanPower", "PowerIndex"]
__dir__ = public_dir(__all__)


@dataclass(frozen=True, repr=False)
class PowerIndex:
    """A power index: one value per member.

    Attributes
    ----------
    name : str
        ``"shapley_shubik"``, ``"banzhaf"`` (absolute, Penrose), ``"banzhaf_normalized"``,
        ``"johnston"``, ``"deegan_packel"`` or ``"holler_packel"``.
    members : tuple of str
    values : tuple
        :class:`~fractions.Fraction` s when ``exact``, floats otherwise.
    exact : bool
    counts : tuple of int or None
        The integers behind the values where there are some: swing counts for Banzhaf and
        Coleman (coalitions without the member that it turns from losing to winning), minimal
        winning coalitions containing the member for Holler-Packel.
    error_bound : float or None
        None when ``exact``. For float values, a guaranteed bound: every value differs from
        the exact index (the Fraction ``exact=True`` would give) by at most
        ``error_bound``. It is an a-priori bound on the floating-point error of the
        algorithm that produced the values (see :mod:`multilateral.solvers.power`, "Error
        bounds"), so it is usually far larger than the actual error (which is typically
        ``1e-16`` to ``1e-14``); shown in the repr as ``+- bound``.

    See Also
    --------
    shapley_shubik, banzhaf, johnston, deegan_packel, holler_packel : return it.
    ColemanPower : Coleman's measures, two of them a PowerIndex each.
    CaucusPower : a bloc's power together and apart.

    Examples
    --------
    >>> import multilateral as ml
    >>> idx = ml.solvers.shapley_shubik(ml.WeightedVotingGame([2, 1, 1], 3))
    >>> idx
    PowerIndex(shapley_shubik: P1=2/3, P2=1/6, P3=1/6)
    >>> idx["P1"], idx[1], sum(idx.values)
    (Fraction(2, 3), Fraction(1, 6), Fraction(1, 1))
    >>> idx.as_float()
    array([0.66666667, 0.16666667, 0.16666667])

    For a paper, :meth:`to_latex` writes the table (``_repr_html_`` and ``_repr_latex_`` show
    it in a notebook):

    >>> print(idx.to_latex())
    \\begin{table}[ht]
    \\centering
    \\begin{tabular}{lrr}
    \\toprule
    Member & Shapley-Shubik & Decimal \\\\
    \\midrule
    P1 & $\\frac{2}{3}$ & 0.6667 \\\\
    P2 & $\\frac{1}{6}$ & 0.1667 \\\\
    P3 & $\\frac{1}{6}$ & 0.1667 \\\\
    \\bottomrule
    \\end{tabular}
    \\end{table}
    """

    name: str
    members: tuple[str, ...]
    values: tuple[Number, ...]
    exact: bool
    counts: tuple[int, ...] | None = None
    error_bound: float | None = None

    def __post_init__(self) -> None:
        if self.exact and self.error_bound is not None:
            raise InvalidTypeError("an exact PowerIndex has no error_bound")
        if not self.exact and self.error_bound is None:
            raise InvalidTypeError("a float PowerIndex must state its error_bound")

    def __getitem__(self, member: str | int) -> Number:
        if isinstance(member, str):
            try:
                return self.values[self.members.index(member)]
            except ValueError:
                known = ", ".join(map(repr, self.members[:10]))
                more = f", ... ({len(self.members)} in all)" if len(self.members) > 10 else ""
                raise UnknownKeyError(
                    f"{member!r} is not a member of this {self.name} index; the members are "
                    f"{known}{more} (or index by position 0..{len(self.members) - 1})"
                ) from None
        if isinstance(member, numbers.Integral) and not isinstance(member, bool):
            return self.values[int(member)]
        raise InvalidTypeError(f"index a PowerIndex by member label or position, got {member!r}")

    def __len__(self) -> int:
        return len(self.values)

    def as_float(self) -> NDArray[np.float64]:
        """The values as a float64 array."""
        return np.array([float(v) for v in self.values], dtype=np.float64)

    def as_dict(self) -> dict[str, Number]:
        """``{member: value}``."""
        return dict(zip(self.members, self.values, strict=True))

    @property
    def heading(self) -> str:
        """The index's name as a table heading (``'Shapley-Shubik'``)."""
        return _TITLES.get(self.name, self.name.replace("_", " "))

    def _rows(self, digits: int, number: Any) -> tuple[list[str], list[list[str]]]:
        """Header and rows (member, value[, decimal]) with ``number`` formatting a value."""
        if self.exact:
            return (["Member", self.heading, "Decimal"],
                    [[m, number(v), f"{float(v):.{digits}f}"]
                     for m, v in zip(self.members, self.values, strict=True)])
        return (["Member", self.heading],
                [[m, f"{float(v):.{digits}f}"] for m, v in zip(self.members, self.values,
                                                              strict=True)])

    def to_latex(self, digits: int = 4, title: str | None = None) -> str:
        """The index as a LaTeX table for a paper (booktabs): one row per member.

        Exact values are written as fractions (``\\frac{421}{2145}``; one whose numerator or
        denominator runs past 12 digits as ``\\approx`` its float) with their decimals
        beside them; float values to ``digits`` decimals (with the error bound in the
        caption). Needs only the ``booktabs`` package.

        Parameters
        ----------
        digits : int
            Decimal places of the decimals.
        title : str, optional
            The table's caption.

        Returns
        -------
        str
            The ``table`` environment.

        See Also
        --------
        multilateral.NormalFormGame.to_latex : a payoff matrix.

        Examples
        --------
        >>> import multilateral as ml
        >>> unsc = ml.WeightedVotingGame([7] * 5 + [1] * 10, 39)
        >>> tex = ml.solvers.shapley_shubik(unsc).to_latex()
        >>> print(tex.splitlines()[6])
        P1 & $\\frac{421}{2145}$ & 0.1963 \\\\
        """
        digits = check_positive_int(digits, "digits", maximum=17)
        header, rows = self._rows(digits, lambda v: f"${latex_number(v)}$")
        if self.error_bound is not None:
            note = f"values within {self.error_bound:.2g} of the exact index"
            title = f"{title} ({note})" if title else note.capitalize()
        return latex_table([latex_escape(h) for h in header],
                           [[latex_escape(r[0]), *r[1:]] for r in rows],
                           align="l" + "r" * (len(header) - 1), caption=title)

    def _repr_html_(self) -> str:
        """The index as an HTML table (labels escaped), for notebooks."""
        header, rows = self._rows(4, format_number)
        if len(rows) > _SHOWN:
            rows = [*rows[:_SHOWN], [f"... ({len(rows) - _SHOWN} more members)"]]
        bound = "" if self.error_bound is None else f" (+- {self.error_bound:.2g})"
        return html_table(header, rows, caption=f"{self.heading} index{bound}")

    def _repr_latex_(self) -> str:
        """The index as a LaTeX ``array`` in math mode (exact values as fractions)."""
        _, rows = self._rows(4, latex_number)
        body = r" \\ ".join(rf"\text{{{latex_escape(r[0])}}} & {r[1]}" for r in rows)
        return rf"$\begin{{array}}{{lr}} {body} \end{{array}}$"

    def __repr__(self) -> str:
        shown = [f"{m}={_short(v)}" for m, v in zip(self.members[:6], self.values[:6],
                                                    strict=False)]
        if len(self.members) > 6:
            shown.append(f"... ({len(self.members)} members)")
        bound = "" if self.error_bound is None else f"; +- {self.error_bound:.2g}"
        return f"PowerIndex({self.name}: {', '.join(shown)}{bound})"


@dataclass(frozen=True, repr=False)
class ColemanPower:
    """Coleman's measures: the power of the collectivity to act, and each member's power to
    prevent action and to initiate it.

    With ``W`` the winning coalitions of ``n`` members and ``eta_i`` the swings of member
    ``i`` (the coalitions without ``i`` that ``i`` turns from losing to winning, as for
    Banzhaf): ``act = |W| / 2**n``, ``prevent_i = eta_i / |W|`` (the share of the winning
    coalitions that ``i`` can turn into losing ones by leaving), ``initiate_i = eta_i /
    (2**n - |W|)`` (the share of the losing coalitions that ``i`` can turn into winning ones
    by joining).

    Attributes
    ----------
    members : tuple of str
    act : Fraction or float
        The power of the collectivity to act: the share of all ``2**n`` coalitions that win
        (the probability that a proposal passes when each member votes yes with probability
        1/2).
    prevent : PowerIndex
        Each member's power to prevent action (``name="coleman_prevent"``); 1 for a member
        with a veto.
    initiate : PowerIndex
        Each member's power to initiate action (``name="coleman_initiate"``); 1 for a
        member that wins alone (a dictator, when it is the only one).
    exact : bool
    winning : int or None
        ``|W|``, the number of winning coalitions, when ``exact``.
    error_bound : float or None
        None when ``exact``; else a guaranteed bound on the error of ``act`` (``prevent`` and
        ``initiate`` carry their own).

    Notes
    -----
    ``prevent_i * act = initiate_i * (1 - act) = eta_i / 2**n``, half the absolute Banzhaf
    measure: the three share Banzhaf's swing counts (in ``prevent.counts``).

    See Also
    --------
    coleman : returns it.
    PowerIndex : one value per member.

    Examples
    --------
    >>> import multilateral as ml
    >>> power = ml.solvers.coleman(ml.WeightedVotingGame([3, 2, 2], 5))
    >>> power.act, power.winning
    (Fraction(3, 8), 3)
    >>> power.prevent["P1"], power.initiate["P1"]
    (Fraction(1, 1), Fraction(3, 5))
    """

    members: tuple[str, ...]
    act: Number
    prevent: PowerIndex
    initiate: PowerIndex
    exact: bool
    winning: int | None = None
    error_bound: float | None = None

    def __post_init__(self) -> None:
        if self.exact and self.error_bound is not None:
            raise InvalidTypeError("an exact ColemanPower has no error_bound")
        if not self.exact and self.error_bound is None:
            raise InvalidTypeError("a float ColemanPower must state its error_bound")

    def __repr__(self) -> str:
        def shown(index: PowerIndex) -> str:
            parts = [f"{m}={_short(v)}" for m, v in zip(index.members[:4], index.values[:4],
                                                        strict=False)]
            if len(index.members) > 4:
                parts.append(f"... ({len(index.members)} members)")
            return ", ".join(parts)

        bound = "" if self.error_bound is None else f" +- {self.error_bound:.2g}"
        return (f"ColemanPower(act={_short(self.act)}{bound}; prevent: "
                f"{shown(self.prevent)}; initiate: {shown(self.initiate)})")


@dataclass(frozen=True, repr=False)
class CaucusPower:
    """The power of a bloc that votes together, against its members voting apart.

    Attributes
    ----------
    bloc : str
        The bloc's label.
    members : tuple of str
        Its members.
    index : str
        ``"shapley_shubik"`` or ``"banzhaf"`` (normalized).
    together : Fraction or float
        The bloc's index when its members vote as one (:func:`~multilateral.games.with_blocs`).
    apart : Fraction or float
        The sum of its members' indices when each votes alone.

    See Also
    --------
    caucus_power : returns it.
    PowerIndex : the index of every member.

    Examples
    --------
    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "C"])
    >>> ml.solvers.caucus_power(g, ["A", "B"]).gain
    Fraction(1, 3)
    """

    bloc: str
    members: tuple[str, ...]
    index: str
    together: Number
    apart: Number

    @property
    def gain(self) -> Number:
        """``together - apart``: what voting as a bloc adds (negative: it costs power)."""
        return self.together - self.apart

    def __repr__(self) -> str:
        return (f"CaucusPower({self.bloc}: together={_short(self.together)}, "
                f"apart={_short(self.apart)}, {self.index})")


# -- helpers ----------------------------------------------------------------------------------
_SHOWN = 30  # members an HTML table lists before the rest are left out
_TITLES = {"shapley_shubik": "Shapley-Shubik", "banzhaf": "Banzhaf (absolute)",
           "banzhaf_normalized": "Banzhaf (normalized)", "johnston": "Johnston",
           "deegan_packel": "Deegan-Packel", "holler_packel": "Holler-Packel",
           "coleman_prevent": "Coleman (to prevent)",
           "coleman_initiate": "Coleman (to initiate)"}


def _short(x: Any) -> str:
    if isinstance(x, Fraction):
        return str(x) if x.denominator < 10**6 else f"{float(x):.6g}"
    if isinstance(x, numbers.Integral):
        return str(x)
    return f"{float(x):.6g}"
