"""Power indices as bars [1]_: one index, or several side by side or stacked.

References
----------
.. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
   power in a committee system. *American Political Science Review* 48(3), 787-792.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import multilateral as ml
>>> game = ml.WeightedVotingGame(quota=2, weights=[1, 1, 1], members=["A", "B", "C"])
>>> ax = ml.plot.power_bars(ml.solvers.banzhaf(game, normalized=True))
>>> [round(float(p.get_height()), 4) for p in ax.patches]
[0.3333, 0.3333, 0.3333]
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..types import Number
from ._common import COOPERATOR_COLOR, check_axes, pyplot

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..solvers.power import PowerIndex

__all__ = ["power_bars"]
__dir__ = public_dir(__all__)


def power_bars(
    result: PowerIndex | Mapping[str, PowerIndex],
    ax: Axes | None = None,
    *,
    members: Sequence[str] | None = None,
    groups: Mapping[str, Collection[str]] | None = None,
    stacked: bool = False,
    shares: Mapping[str, Number] | None = None,
) -> Axes:
    """Power indices as bars: one index, or several side by side or stacked.

    One bar per member (or per group of members) and per index. Several indices, given as
    a mapping from labels to results, compare games, rules or indices: side by side (one
    colour per index, ``stacked=False``) or as one bar per index divided among the members
    or groups (``stacked=True``).

    Parameters
    ----------
    result : PowerIndex or mapping of str to PowerIndex
        What :func:`~multilateral.solvers.shapley_shubik`, :func:`~multilateral.solvers.banzhaf`
        and the other power indices return; several, by the label shown in the legend (side
        by side) or under the bars (stacked), in the order drawn.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    members : sequence of str, optional
        The members shown, in this order; every index must have them. Default: every member
        of the first index.
    groups : mapping of str to collections of str, optional
        Show groups instead of members: each group's bar is the sum of its members' values
        in that index (a bloc's members voting apart, not the bloc voting as one: see
        :func:`~multilateral.solvers.caucus_power` for that). A group may list members that
        one index lacks (e.g. the elected seats of a Council before and after an
        enlargement); every listed member must be in some index, and no member in two
        groups. Members in no group are not drawn.
    stacked : bool, default False
        Stack the members' (or groups') values into one bar per index, instead of drawing the
        indices side by side.
    shares : mapping of str to number, optional
        Each member's share of the weight (e.g. of the votes), marked beside its power as a
        black tick labelled ``"share of the weight"`` (summed over a group's members); only
        side by side.

    Returns
    -------
    matplotlib.axes.Axes
        The axes. ``ax.containers`` holds one :class:`~matplotlib.container.BarContainer`
        per index (side by side) or per member or group (stacked), labelled with it, in the
        order drawn; each bar's height is a value as a float. The tick labels are the members
        or groups (side by side) or the indices' labels (stacked). The title is the indices'
        name when they are all of one kind (``"shapley-shubik"``), else ``"power indices"``.

    Raises
    ------
    InvalidTypeError
        If ``result`` is not a :class:`~multilateral.solvers.power.PowerIndex` or a mapping
        of them, ``stacked`` is not a bool, or ``ax`` is not an Axes.
    InvalidArgumentError
        If the mapping is empty, ``members`` and ``groups`` are both given, a member shown
        is missing from an index or from ``shares``, a group's member is in no index or in
        two groups, or ``shares`` are asked for stacked bars.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.solvers.shapley_shubik, multilateral.solvers.banzhaf : the indices drawn.
    multilateral.solvers.caucus_power : a group's power when it votes as one.

    References
    ----------
    .. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
       power in a committee system. *American Political Science Review* 48(3), 787-792.
    .. [2] Leech, D. (2002). Voting power in the governance of the International Monetary
       Fund. *Annals of Operations Research* 109, 375-397.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> game = ml.WeightedVotingGame(quota=3, weights=[2, 1, 1], members=["A", "B", "C"])
    >>> ax = ml.plot.power_bars(ml.solvers.shapley_shubik(game))
    >>> [round(float(p.get_height()), 4) for p in ax.patches]
    [0.6667, 0.1667, 0.1667]
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['A', 'B', 'C']

    Two indices side by side, with the vote shares beside them:

    >>> indices = {"Shapley-Shubik": ml.solvers.shapley_shubik(game),
    ...            "Banzhaf": ml.solvers.banzhaf(game, normalized=True)}
    >>> ax = ml.plot.power_bars(indices, shares={"A": 0.5, "B": 0.25, "C": 0.25})
    >>> [[round(float(b.get_height()), 4) for b in bars] for bars in ax.containers]
    [[0.6667, 0.1667, 0.1667], [0.6, 0.2, 0.2]]

    The same stacked by group, one bar per index:

    >>> ax = ml.plot.power_bars(indices, groups={"A": ["A"], "B and C": ["B", "C"]},
    ...                         stacked=True)
    >>> [bars.get_label() for bars in ax.containers]
    ['A', 'B and C']
    >>> [round(float(b.get_height()), 4) for b in ax.containers[1]]  # B and C, per index
    [0.3333, 0.4]
    """
    from ..solvers.power import PowerIndex

    results = _power_results(result, PowerIndex)
    if not isinstance(stacked, bool):
        raise InvalidTypeError(f"stacked must be True or False, got {stacked!r}")
    if members is not None and groups is not None:
        raise InvalidArgumentError("power_bars shows either members or groups, not both")
    if stacked and shares is not None:
        raise InvalidArgumentError(
            "shares are marked beside side-by-side bars; draw them with stacked=False")
    first = next(iter(results.values()))
    if groups is not None:
        categories = _check_groups(groups, results)
    else:
        if isinstance(members, str) or not (members is None or isinstance(members, Sequence)):
            raise InvalidTypeError(
                f"members must be a sequence of member labels, got {members!r}")
        shown = list(first.members) if members is None else [str(m) for m in members]
        categories = {m: [m] for m in shown}
        for label, index in results.items():
            missing = [m for m in shown if m not in index.members]
            if missing:
                raise InvalidArgumentError(
                    f"the index {label!r} has no member {missing[0]!r}; its members are "
                    f"{_listed(index.members)}")
    # heights[i][j]: index i, category j (a group sums the members the index has)
    values = [index.as_dict() for index in results.values()]
    heights = np.array([[sum(float(d[m]) for m in group if m in d)
                         for group in categories.values()] for d in values],
                       dtype=np.float64).reshape(len(results), len(categories))
    ax = check_axes(ax)
    names = list(categories)
    if stacked:
        x = np.arange(len(results))
        bottom = np.zeros(len(results))
        colors = pyplot().cm.tab10(np.arange(len(names)) % 10)
        for j, name in enumerate(names):
            ax.bar(x, heights[:, j], bottom=bottom, color=colors[j], label=name)
            bottom += heights[:, j]
        ax.set_xticks(x, list(results), rotation=90 if len(results) > 8 else 0)
    else:
        x = np.arange(len(names))
        width = 0.8 / len(results)
        for i, label in enumerate(results):
            ax.bar(x + (i - (len(results) - 1) / 2) * width, heights[i], width,
                   color=COOPERATOR_COLOR if len(results) == 1 else f"C{i}", label=label)
        if shares is not None:
            weight = [_summed_shares(shares, categories[c]) for c in names]
            ax.plot(x, weight, linestyle="none", marker="_", markersize=18,
                    markeredgewidth=2, color="black", label="share of the weight")
        ax.set_xticks(x, names, rotation=90 if len(names) > 8 else 0)
    ax.set_ylabel("power")
    kinds = {index.name for index in results.values()}
    ax.set_title(first.name.replace("_", "-") if len(kinds) == 1 else "power indices")
    ax.grid(True, axis="y", alpha=0.3)
    if len(results) > 1 or stacked or shares is not None:
        ax.legend(fontsize="small")
    return ax


# -- helpers ---------------------------------------------------------------------------------------
def _power_results(result: Any, kind: type[PowerIndex]) -> dict[str, PowerIndex]:
    """One PowerIndex, or a mapping of labels to them, as a non-empty dict."""
    if isinstance(result, kind):
        return {result.heading: result}
    if not isinstance(result, Mapping):
        raise InvalidTypeError(
            "power_bars expects a PowerIndex (e.g. from shapley_shubik) or a mapping of labels "
            f"to them, got {type(result).__name__}")
    if not result:
        raise InvalidArgumentError("power_bars needs at least one PowerIndex")
    for label, index in result.items():
        if not isinstance(index, kind):
            raise InvalidTypeError(
                f"result[{label!r}] is a {type(index).__name__}, not a PowerIndex")
    return {str(label): index for label, index in result.items()}


def _check_groups(groups: Any, results: Mapping[str, Any]) -> dict[str, list[str]]:
    """The groups as lists, each member in some index and in one group only."""
    if not isinstance(groups, Mapping) or not groups:
        raise InvalidTypeError(
            f"groups must be a non-empty mapping of labels to members, got {groups!r}")
    known = {m for index in results.values() for m in index.members}
    seen: dict[str, str] = {}
    out: dict[str, list[str]] = {}
    for label, group in groups.items():
        if isinstance(group, str) or not isinstance(group, Collection):
            raise InvalidTypeError(
                f"groups[{label!r}] must be a collection of member labels, got {group!r}")
        out[str(label)] = list(group)
        for m in group:
            if m not in known:
                raise InvalidArgumentError(
                    f"{m!r} in groups[{label!r}] is a member of no index; the members are "
                    f"{_listed(sorted(known))}")
            if m in seen:
                raise InvalidArgumentError(
                    f"{m!r} is in two groups, {seen[m]!r} and {label!r}: its power would "
                    "count twice")
            seen[m] = str(label)
    return out


def _summed_shares(shares: Any, group: Sequence[str]) -> float:
    if not isinstance(shares, Mapping):
        raise InvalidTypeError(
            f"shares must be a mapping of members to numbers, got {type(shares).__name__}")
    missing = [m for m in group if m not in shares]
    if missing:
        raise InvalidArgumentError(f"shares has no value for {missing[0]!r}")
    return float(sum(float(shares[m]) for m in group))


def _listed(labels: Sequence[str]) -> str:
    shown = ", ".join(map(repr, labels[:10]))
    return shown + (f", ... ({len(labels)} in all)" if len(labels) > 10 else "")
