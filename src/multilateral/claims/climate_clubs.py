"""Claims about climate clubs: coalition stability with a penalty tariff on outsiders (Nordhaus).

``NORDHAUS_CLUB_THRESHOLD``: Nordhaus's two results (2015, p. 1339) through his mechanism,
members abating to an agreed target price and levying a uniform tariff on outsiders: without
the tariff no club beyond minimal abatement is stable; with it, a club of all is stable from
the tariff where the tariff an outsider pays on its exports to a full club covers what a
member saves by leaving, ``(p - b)**2 / (2 c)``. That participation *jumps* from none to all
(no club of intermediate size is ever stable) is the library's finding for identical
countries, where the saving from leaving is the same for every country and club size; it is
not a result read in Nordhaus, whose 15 calibrated regions differ, and whose tables of
participation by tariff and target price were not checked here.
``TARIFF_PARTICIPATION``: where the members choose their abatement jointly (Barrett's and
Carraro and Siniscalco's games), a higher tariff never shrinks the largest stable club when
imposing the tariff costs the members nothing (a proof: a higher costless tariff lowers every
gain from leaving, so the largest stable club ``k`` stays internally stable; if an outsider
now gains by joining, ``k + 1`` is internally stable, and so on up to the first externally
stable size, at the latest ``n``). The library's finding: with a cost of imposing
it, a higher tariff can unravel a small club (the claim with that cost drawn fails; see the
tests).

References
----------
.. [1] Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate
   policy. *American Economic Review* 105(4), 1339-1370 (p. 1339).
.. [2] Barrett, S. (1997). The strategy of trade sanctions in international environmental
   agreements. *Resource and Energy Economics* 19(4), 345-361.

Examples
--------
>>> import multilateral as ml
>>> ml.claims.NORDHAUS_CLUB_THRESHOLD.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from .._namespace import public_dir
from ..models.climate_clubs import ClimateClub
from ..strategies import climate_club_tariff_pairs, climate_clubs
from .base import Claim, register

__all__ = ["NORDHAUS_CLUB_THRESHOLD", "TARIFF_PARTICIPATION"]
__dir__ = public_dir(__all__)


def _threshold(club: ClimateClub) -> bool:
    assert club.target_price is not None  # the strategy draws target-price clubs
    saving = (club.target_price - club.benefit) ** 2 / (2 * club.cost)
    without = club.with_(tariff=0).stable_sizes() == (0,)
    full = club.tariff * club.trade >= saving
    sizes = club.stable_sizes()
    expected = (0, club.n) if full else (0,)
    return (without and sizes == expected
            and club.least_tariff(club.n).exact == saving / club.trade)


def _monotone(pair: tuple[ClimateClub, ClimateClub]) -> bool:
    lower, higher = pair
    return lower.largest_stable_size() <= higher.largest_stable_size()


#: Nordhaus's (2015) climate club, through his mechanism (a target price and a uniform
#: penalty tariff), stated with its qualifications: identical countries, a target price above
#: the outsiders' own marginal benefit and no excludable club good. Exact for every instance.
#: The none-to-all jump is the library's finding for identical countries, not Nordhaus's.
NORDHAUS_CLUB_THRESHOLD = register(Claim(
    name="nordhaus_club_threshold",
    statement=(
        "With n identical countries, linear benefits b Q and quadratic abatement costs "
        "c q**2 / 2, members abating to an agreed target price p > b (outsiders to their own "
        "marginal benefit b) and levying a uniform tariff on imports from outsiders (each "
        "country exporting `trade`, spread evenly; imposing it costs members any "
        "imposing_cost >= 0): without a tariff the only stable club is no club (minimal "
        "abatement), and with a tariff the stable clubs are none and all n exactly when "
        "tariff * trade >= (p - b)**2 / (2 c), else none -- participation jumps from nothing "
        "to everyone at a threshold tariff that rises with the target price. The jump is the "
        "library's finding for identical countries (the saving from leaving is the same for "
        "all), not a result taken from Nordhaus's calibrated model of 15 differing regions."
    ),
    source=(
        "Nordhaus, W. (2015). Climate clubs: overcoming free-riding in international climate "
        "policy. American Economic Review 105(4), 1339-1370, p. 1339 (no stable coalitions "
        "beyond minimal abatement without sanctions; small trade penalties induce a large "
        "stable coalition with high abatement); the threshold and the jump are derived here "
        "for identical countries, not taken from his pages."
    ),
    predicate=_threshold,
    domain=climate_clubs,
))


#: The tariff-participation relation in the coalition-stability games the members optimize
#: (Barrett 1994; Carraro and Siniscalco 1993) with a costless tariff.
TARIFF_PARTICIPATION = register(Claim(
    name="tariff_participation",
    statement=(
        "In the self-enforcing agreement games (linear, binary or Barrett's abatement; the "
        "members choose their abatement jointly) with a uniform penalty tariff on imports "
        "from non-members that costs the members nothing to impose, raising the tariff never "
        "shrinks the largest stable coalition: participation rises with the tariff."
    ),
    source=(
        "Nordhaus, W. (2015). American Economic Review 105(4), 1339-1370, p. 1339 (penalties "
        "on non-participants induce large stable coalitions); the qualification (no cost of "
        "imposing) after Barrett, S. (1997). Resource and Energy Economics 19(4), 345-361 "
        "(sanctions must be credible for those who impose them)."
    ),
    predicate=_monotone,
    domain=climate_club_tariff_pairs,
))
