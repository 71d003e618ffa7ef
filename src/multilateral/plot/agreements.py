"""Agreements and clubs: the magic number of a club [1]_ and which coalitions are
self-enforcing [2]_.

References
----------
.. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
   action. *Foreign Policy* (online 18 June 2009).
.. [2] Barrett, S. (1994). Self-enforcing international environmental agreements. *Oxford
   Economic Papers* 46, 878-894.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import multilateral as ml
>>> ax = ml.plot.coalition_stability(ml.models.SelfEnforcingAgreement(n=6, benefit=1,
...                                                                   cost=1))
>>> ax.get_xlabel()
'signatories k'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._namespace import public_dir
from .._validation import to_float
from ..errors import InvalidArgumentError, InvalidTypeError
from ._common import (
    COOPERATOR_COLOR,
    DEFECTOR_COLOR,
    MAX_MARKED_POINTS,
    check_axes,
    integer_ticks,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..models import AsymmetricAgreement, MagicNumber, SelfEnforcingAgreement

__all__ = ["coalition_stability", "magic_number_curve"]
__dir__ = public_dir(__all__)


def magic_number_curve(model: MagicNumber, ax: Axes | None = None) -> Axes:
    """The magic number: coverage, the chance a club holds, and their product, by club size.

    Draws :meth:`MagicNumber.curve() <multilateral.models.MagicNumber.curve>` against the
    club size ``k`` (the ``k`` heaviest members): the covered share ``P_k``, the probability
    ``p(k)`` that the club's cooperation is sustained (when the model has a cooperation
    model), and the expected net benefit ``p(k) B(P_k) - C(k)``, with its maximum (the magic
    number) and the universal club marked. The ``k`` axis is logarithmic beyond 20 members.

    Parameters
    ----------
    model : MagicNumber
        The model to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; its lines are ``"coverage"``, ``"p(k): the club holds"`` (only with a
        cooperation model), ``"expected net benefit"`` (x data ``k = 1..n``), then the
        markers ``"magic number k = ..."`` and ``"universal club k = n"``.

    Raises
    ------
    InvalidTypeError
        If ``model`` is not a :class:`~multilateral.models.MagicNumber` or ``ax`` is not an
        Axes.
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.models.MagicNumber.optimal_membership : the maximum marked here.
    coalition_stability : which clubs are self-enforcing, when members differ.

    References
    ----------
    .. [1] Naim, M. (2009). Minilateralism: the magic number to get real international
       action. *Foreign Policy* (online 18 June 2009).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> model = ml.models.MagicNumber([Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    ...                               labels=["A", "B", "C"], cost=Fraction(1, 4))
    >>> ax = ml.plot.magic_number_curve(model)
    >>> [line.get_label() for line in ax.get_lines()]
    ['coverage', 'expected net benefit', 'magic number k = 2', 'universal club k = 3']
    >>> ax.get_lines()[1].get_ydata().round(2).tolist()
    [0.25, 0.3, 0.25]
    """
    from ..models import MagicNumber

    if not isinstance(model, MagicNumber):
        raise InvalidTypeError(
            f"magic_number_curve expects a MagicNumber model, got {type(model).__name__}")
    ax = check_axes(ax)
    curve = model.curve()
    best = model.optimal_membership()
    ax.plot(curve.k, curve.coverage, color="grey", linestyle="--", label="coverage")
    if curve.critical_discount is not None:
        ax.plot(curve.k, curve.p_sustained, color=COOPERATOR_COLOR, label="p(k): the club holds")
    ax.plot(curve.k, curve.net_benefit, color="tab:green", label="expected net benefit")
    ax.plot([best.k], [best.net_benefit], linestyle="none", marker="o", color=DEFECTOR_COLOR,
            label=f"magic number k = {best.k}")
    ax.plot([model.n], [curve.net_benefit[-1]], linestyle="none", marker="s", color="black",
            label=f"universal club k = {model.n}")
    if model.n > 20:
        ax.set_xscale("log")
    else:
        integer_ticks(ax)
    ax.set_xlabel("club size k (heaviest members first)")
    ax.set_ylabel("share, probability, net benefit")
    ax.set_title(f"The magic number: k = {best.k} of {model.n}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return ax


def coalition_stability(
    model: SelfEnforcingAgreement | AsymmetricAgreement,
    ax: Axes | None = None,
) -> Axes:
    """Which coalitions are self-enforcing: by size for identical countries, by coalition
    for heterogeneous ones.

    * A :class:`~multilateral.models.SelfEnforcingAgreement` of identical countries: the
      gain from leaving a coalition of ``k`` (``pi_n(k - 1) - pi_s(k)``) and from joining it
      (``pi_s(k + 1) - pi_n(k)``) against ``k``; a size is internally stable where the first
      is not positive, externally stable where the second is negative, and the stable sizes
      are marked on the zero line.
    * An :class:`~multilateral.models.AsymmetricAgreement`: every coalition as a point, its
      number of members against the share of the abatement gap it closes, with the stable
      coalitions (without transfers) and the stable ones with transfers marked.

    Parameters
    ----------
    model : SelfEnforcingAgreement or AsymmetricAgreement
        The model to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.axes.Axes
        By size: lines ``"gain from leaving"`` (x data ``1..n``), ``"gain from joining"``
        (``0..n-1``), then ``"stable"`` (the stable sizes, y 0). By coalition: lines
        ``"every coalition"``, ``"stable with transfers"`` and ``"stable"`` (x data the
        coalitions' sizes, y data the closed abatement gap).

    Raises
    ------
    InvalidTypeError
        If ``model`` is neither model, or ``ax`` is not an Axes.
    InvalidArgumentError
        If a :class:`SelfEnforcingAgreement` has heterogeneous countries (describe them with
        an :class:`AsymmetricAgreement`).
    MissingDependencyError
        If matplotlib is not installed.

    See Also
    --------
    multilateral.models.SelfEnforcingAgreement.stability : the gains by size.
    multilateral.models.AsymmetricAgreement.table : every coalition's stability.

    References
    ----------
    .. [1] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On
       the stability of collusive price leadership. *Canadian Journal of Economics* 16(1),
       17-25.
    .. [2] McGinty, M. (2007). International environmental agreements among asymmetric
       nations. *Oxford Economic Papers* 59(1), 45-62.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import multilateral as ml
    >>> ax = ml.plot.coalition_stability(ml.models.SelfEnforcingAgreement(n=6, benefit=1,
    ...                                                                   cost=1))
    >>> leave = ax.get_lines()[0]
    >>> leave.get_xdata().tolist(), leave.get_ydata().tolist()  # (k - 1)(k - 3) / 2
    ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.0, -0.5, 0.0, 1.5, 4.0, 7.5])
    >>> ax.get_lines()[2].get_xdata().tolist()  # the stable size
    [3.0]
    """
    from ..models import AsymmetricAgreement, SelfEnforcingAgreement

    if isinstance(model, SelfEnforcingAgreement):
        if not model.identical:
            raise InvalidArgumentError(
                "coalition_stability draws a SelfEnforcingAgreement by size, for identical "
                "countries; describe heterogeneous ones with an AsymmetricAgreement")
        ax = check_axes(ax)
        n = model.n
        checks = [model.stability(k) for k in range(n + 1)]
        # k >= 1 has a gain from leaving, k <= n - 1 one from joining (never None there)
        leave = [float(c.gain_from_leaving or 0) for c in checks[1:]]
        join = [float(c.gain_from_joining or 0) for c in checks[:-1]]
        marked = n <= MAX_MARKED_POINTS
        ax.plot(np.arange(1, n + 1, dtype=np.float64), leave, color=DEFECTOR_COLOR,
                marker="o" if marked else None, label="gain from leaving")
        ax.plot(np.arange(n, dtype=np.float64), join, color=COOPERATOR_COLOR, linestyle="--",
                marker="s" if marked else None, label="gain from joining")
        stable = np.array(model.stable_sizes(), dtype=np.float64)
        ax.plot(stable, np.zeros(len(stable)), linestyle="none", marker="*", markersize=14,
                color="black", label="stable", zorder=3)
        ax.axhline(0.0, color="grey", linewidth=0.9)
        ax.set_xlabel("signatories k")
        ax.set_ylabel("gain")
        ax.set_title(f"Coalition stability, n = {n} ({model.specification})")
        if n > 20:
            ax.set_xscale("symlog", linthresh=10)
        else:
            integer_ticks(ax)
    elif isinstance(model, AsymmetricAgreement):
        ax = check_axes(ax)
        table = model.table()
        gap = to_float(np.asarray(table.closed_gap()))
        size = table.size.astype(np.float64)
        ax.plot(size, gap, linestyle="none", marker=".", color="lightgrey",
                label="every coalition")
        for mask, marker, color, label in (
                (table.stable_with_transfers, "o", COOPERATOR_COLOR, "stable with transfers"),
                (table.stable, "X", DEFECTOR_COLOR, "stable")):
            ax.plot(size[mask], gap[mask], linestyle="none", marker=marker, color=color,
                    markerfacecolor="none" if marker == "o" else color, markersize=9,
                    label=label)
        ax.axhline(0.0, color="grey", linewidth=0.9)
        ax.set_xlabel("members of the coalition")
        ax.set_ylabel("share of the abatement gap closed")
        ax.set_title(f"Coalition stability, {model.n} countries of {len(table.labels)} types")
        if model.n > 20:
            ax.set_xscale("symlog", linthresh=10)
    else:
        raise InvalidTypeError(
            "coalition_stability expects a SelfEnforcingAgreement or an AsymmetricAgreement, "
            f"got {type(model).__name__}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return ax
