"""Published values and statements that the institutions gallery examples print (issue 17).

Each test names the source, its locator (table, page, abstract) and where the value was read
for this file; only values read there are tested. Where a source gives a direction, not a
number, the test checks the direction on the library's model or shipped data.
"""



from multilateral.models import HeterogeneousForum


def test_naim_2009_smaller_forums_need_less_heterogeneity_for_a_club():
    """Naím (2009), *Foreign Policy*, online 18 June 2009 (no page numbers): "bring to the
    table the smallest possible number of countries needed to have the largest possible
    impact" (read in the quotations of foreignpolicy.com/2009/06/23/on-minilateralism and
    multilateralismus.com's glossary). The model's version (examples/
    plot_competitive_multilateralism.py): the spread of positions above which a state that
    gains prefers the club falls with the forum's size (7, 21, 193 members)."""
    critical = [HeterogeneousForum.from_normal(n, 1.0, 1.0, legitimacy=1)
                .critical_spread(1.0).value for n in (7, 21, 193)]
    assert critical[0] > critical[1] > critical[2] > 0
