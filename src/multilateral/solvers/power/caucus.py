"""Caucuses: the power of members voting as one bloc, against their power apart.

The overview and the references are in :mod:`multilateral.solvers.power`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..._namespace import public_dir
from ...errors import InvalidArgumentError, InvalidTypeError
from ...games.voting import SimpleGame, with_blocs
from .indices import banzhaf, shapley_shubik
from .results import CaucusPower, PowerIndex

__all__ = ["caucus_power"]
__dir__ = public_dir(__all__)


def caucus_power(
    game: SimpleGame,
    members: Iterable[str | int],
    *,
    index: str = "shapley_shubik",
    label: str | None = None,
    exact: bool | None = None,
) -> CaucusPower:
    """The power of ``members`` voting as one bloc, against the sum of their powers apart.

    Parameters
    ----------
    game : SimpleGame
    members : collection of member labels or indices
        The caucus.
    index : {"shapley_shubik", "banzhaf"}
        The index to compare (Banzhaf normalized, so that the values are shares).
    label : str, optional
        The bloc's label (default: its members joined by ``+``).
    exact : bool or None
        As in :func:`shapley_shubik`.

    Returns
    -------
    CaucusPower

    See Also
    --------
    CaucusPower : the result.
    multilateral.games.with_blocs : the game with the bloc voting as one.
    shapley_shubik, banzhaf : the indices it compares.

    Examples
    --------
    Three equal members deciding by majority: two who caucus decide everything.

    >>> import multilateral as ml
    >>> g = ml.WeightedVotingGame([1, 1, 1], 2, members=["A", "B", "C"])
    >>> caucus_power(g, ["A", "B"])
    CaucusPower(A+B: together=1, apart=2/3, shapley_shubik)
    """
    if index not in ("shapley_shubik", "banzhaf"):
        raise InvalidArgumentError(
            f"index must be 'shapley_shubik' or 'banzhaf', got {index!r}")
    if isinstance(members, (str, bytes)) or not isinstance(members, Iterable):
        raise InvalidTypeError(
            f"members must be a collection of member labels or indices, got {members!r}")
    idx = sorted({game.index(m) for m in members})
    if not idx:
        raise InvalidArgumentError("a caucus needs at least one member")
    names = tuple(game.members[i] for i in idx)
    bloc = label if label is not None else "+".join(names)

    def power(g: SimpleGame) -> PowerIndex:
        if index == "shapley_shubik":
            return shapley_shubik(g, exact=exact)
        return banzhaf(g, normalized=True, exact=exact)

    apart_index = power(game)
    apart = sum((apart_index.values[i] for i in idx), start=0 * apart_index.values[0])
    merged = with_blocs(game, {bloc: list(idx)})
    together = power(merged)[bloc]
    return CaucusPower(bloc, names, index, together, apart)
