"""Claims about breadth against depth (Downs, Rocke and Barsoom) and tipping (Heal and Kunreuther).

``CONSTRUCTIVE_DEPTH``: under unanimity, sequential construction reaches at least the depth
of an inclusive agreement of the same breadth, with no gap when preferences are identical and
a gap that does not narrow when the ideals are spread apart.
``TIPPING_SET``: the minimal tipping set tips, no smaller coalition does, and lowering any of
the hurdles never enlarges it.

References
----------
.. [1] Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of
   multilateralism. *International Organization* 52(2), 397-419 (p. 397).
.. [2] Heal, G. and Kunreuther, H. (2011). Tipping climate negotiations. NBER Working Paper
   16954 (abstract).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.CONSTRUCTIVE_DEPTH.verify(max_examples=20).holds
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import strategies as st

from .._namespace import public_dir
from ..models.breadth_depth import BreadthDepth
from ..models.tipping import TippingSet
from ..strategies import breadth_depth_models, tipping_sets
from .base import Claim, register

__all__ = ["CONSTRUCTIVE_DEPTH", "TIPPING_SET"]
__dir__ = public_dir(__all__)


def constructive_is_deeper(model: BreadthDepth) -> bool:
    """Constructive depth >= inclusive depth at every breadth (the core inequality)."""
    fr = model.frontier()
    return bool(all(c >= i for c, i in zip(fr.constructive, fr.inclusive, strict=True)))


def _constructive_depth(instance: tuple[BreadthDepth, Fraction]) -> bool:
    model, h = instance
    if not constructive_is_deeper(model):
        return False
    same = model.with_(ideals=[model.ideals[0]] * model.n)
    if any(g != 0 for g in same.frontier().gap):
        return False
    narrower = model.with_(ideals=[h * t for t in model.ideals])  # less spread apart
    return bool(all(a <= b for a, b in zip(narrower.frontier().gap, model.frontier().gap,
                                            strict=True)))


def _spread_pairs() -> st.SearchStrategy[tuple[BreadthDepth, Fraction]]:
    return st.tuples(breadth_depth_models(),
                     st.builds(Fraction, st.integers(0, 12), st.just(12)))


#: Downs, Rocke and Barsoom's (1998) claim that sequential construction mitigates the
#: breadth-depth trade-off, in the library's model under unanimity (see
#: :mod:`multilateral.models.breadth_depth`: with a majority rule short of unanimity and
#: increasing returns to breadth, the inequality can fail in that model, because its acquis
#: is never deepened by the enlarged membership).
CONSTRUCTIVE_DEPTH = register(Claim(
    name="constructive_depth",
    statement=(
        "When the depth of an agreement needs the consent of every member, an agreement "
        "founded by the most committed states and expanded one state at a time (each entrant "
        "accepting the depth in force or staying out) is at least as deep as an inclusive "
        "agreement of the same breadth, whose depth is its least committed member's ideal: "
        "the least committed state has a veto at the inclusive table but only a choice to "
        "enter against an acquis. With identical preferences there is no gap, and spreading "
        "the ideal depths apart (t -> h t, h >= 1) never narrows it. Qualification: with a "
        "majority rule short of unanimity and increasing returns to breadth it can fail in "
        "this model, which lets the enlarged membership lower the acquis but never deepen it "
        "(whenever the constructive depth is the shallower, a majority of the members want "
        "more and all would stay); the incremental negotiation that makes the inclusive "
        "depth the least committed member's ideal is an assumption, not a result."
    ),
    source=(
        "Downs, G. W., Rocke, D. M. and Barsoom, P. N. (1998). Managing the evolution of "
        "multilateralism. International Organization 52(2), 397-419 (p. 397: a sequential "
        "construction strategy 'dramatically mitigates the breadth-depth trade-off')."
    ),
    predicate=_constructive_depth,
    domain=_spread_pairs,
))


def smallest_by_brute_force(model: TippingSet) -> int:
    """The size of a smallest tipping coalition by enumeration (small ``n`` only)."""
    for size in range(model.n + 1):
        if any(model.tips(c) for c in itertools.combinations(range(model.n), size)):
            return size
    return model.n  # pragma: no cover - the whole world always tips


def _tipping(instance: tuple[TippingSet, list[Fraction]]) -> bool:
    model, cuts = instance
    members = model.minimal_tipping_set()
    if not model.tips(members) or len(members) != smallest_by_brute_force(model):
        return False
    lower = model.with_(hurdles=[h * (1 - c) for h, c in zip(model.hurdles, cuts, strict=True)])
    return lower.minimal_tipping_size() <= model.minimal_tipping_size()


def _tipping_pairs() -> st.SearchStrategy[tuple[TippingSet, list[Fraction]]]:
    """A game and, per country, the share of its hurdle removed (0, 1/4, ..., 1)."""
    cut = st.builds(Fraction, st.integers(0, 4), st.just(4))
    return tipping_sets().flatmap(
        lambda m: st.tuples(st.just(m), st.lists(cut, min_size=m.n, max_size=m.n)))


#: Heal and Kunreuther's (2011) tipping set, in the linear game with increasing differences.
TIPPING_SET = register(Claim(
    name="tipping_set",
    statement=(
        "In a game with increasing differences (adopting pays a country once the other "
        "adopters hold at least its hurdle share), there is a tipping set: a coalition whose "
        "adoption makes adoption a dominant strategy for every other country. The smallest "
        "one is computed exactly (no smaller coalition tips), and lowering any of the hurdles "
        "-- cheaper abatement -- never enlarges it. Qualification: it is small only when the "
        "hurdles are low relative to the largest shares."
    ),
    source=(
        "Heal, G. and Kunreuther, H. (2011). Tipping climate negotiations. NBER Working Paper "
        "16954 (abstract: a small group of countries who by adopting climate control measures "
        "can make [it] in the interests of all others to do likewise); Heal and Kunreuther "
        "(2010), AEJ: Microeconomics 2(1), 86-99 (p. 86). Reading 'tips' as dominance for "
        "every outsider is the library's."
    ),
    predicate=_tipping,
    domain=_tipping_pairs,
))
