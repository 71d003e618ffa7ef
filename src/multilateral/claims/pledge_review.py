"""Claims about pledge-and-review against top-down targets (Harstad; Barrett and Dannenberg).

``HARSTAD_BROAD_SHALLOW``: pledge-and-review commitments are less ambitious per participant
and the stable coalition is at least as broad. ``HARSTAD_PREFERRED_WHEN_MANY``: with a weight
on others' payoffs of at most 2/3, pledge-and-review is preferred from a finite number of
potential participants on, top-down when only three could participate.
``REVIEW_MOVES_PLEDGES``: a weak review (detection probability below a quarter of the weight)
moves pledges more than contributions. All three on the library's linear abatement payoffs
(:class:`~multilateral.models.PledgeAndReview`), exact for every instance.

References
----------
.. [1] Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. *The Economic
   Journal* 133 (page range not confirmed here); working paper of 14 January 2020, abstract
   p. 1; Belfer Center summary (November 2018).
.. [2] Barrett, S. and Dannenberg, A. (2016). An experimental investigation into 'pledge and
   review' in climate negotiations. *Climatic Change* 138(1-2), 339-351 (abstract, p. 339).

Examples
--------
>>> import multilateral as ml
>>> ml.claims.HARSTAD_BROAD_SHALLOW.verify(max_examples=20).holds
True
"""

from __future__ import annotations

from fractions import Fraction

from .._namespace import public_dir
from ..models.pledge_review import PledgeAndReview
from ..strategies import pledge_review_models
from .base import Claim, register

__all__ = ["HARSTAD_BROAD_SHALLOW", "HARSTAD_PREFERRED_WHEN_MANY", "REVIEW_MOVES_PLEDGES"]
__dir__ = public_dir(__all__)

def _broad_shallow(model: PledgeAndReview) -> bool:
    k_pr = model.largest_stable_size()
    k_td = model.largest_stable_size("top_down")
    target = model.top_down.abatement(k_td)[0]
    below = all(model.pledge(k) < model.top_down.abatement(k)[0]
                for k in range(2, model.n + 1))  # every size (n <= 200 in the class)
    return k_pr >= k_td and model.contribution(k_pr) <= target and below


def _preferred_when_many(model: PledgeAndReview) -> bool:
    start = model.preferred_from()
    if not start.attainable:
        return False
    first = int(start.value)
    beyond = model.with_(n=max(model.n, first)).compare().preferred == "pledge_and_review"
    wide = model.with_(n=max(model.n, model.tie_free_size())).compare().total_abatement
    more = wide["pledge_and_review"] > wide["top_down"]
    least = first <= 3 or model.with_(n=first - 1).compare().preferred != "pledge_and_review"
    few = model.with_(n=3).compare().preferred == "top_down"
    return beyond and least and few and more


def _review_moves_pledges(model: PledgeAndReview) -> bool:
    k = min(model.n, max(2, model.largest_stable_size()))
    pledge_change, contribution_change = model.review_effect(k)
    return -pledge_change > contribution_change > 0  # review trims pledges: change <= 0


#: Harstad (2023): pledge-and-review is shallow but broad. On the library's payoffs the
#: breadth is weak (equal sizes for 2/3 < w < 1), and the comparison of ambition at the two
#: stable sizes needs indifferent countries to join: when they stay out, the top-down treaty
#: has two members at 2 b / c and the stable pledge can exceed it (n = 4, w = 1/2: 5/2 b / c).
HARSTAD_BROAD_SHALLOW = register(Claim(
    name="harstad_broad_shallow",
    statement=(
        "With n >= 3 identical countries, indifferent countries joining, linear benefits b Q "
        "and quadratic costs c q**2 / 2, participation decided first, and pledges that "
        "maximize the pledger's payoff plus a weight w < 1 on each other participant's "
        "(Harstad's asymmetric Nash bargaining pledge), every pledge is below the top-down "
        "target k b / c at every size k >= 2; the largest stable pledge-and-review coalition "
        "is at least as large as the top-down one, and its pledge per participant is at most "
        "the top-down target: less ambition makes participation cheaper (leaving gains b**2/c"
        " x (x/2 - 1), x = w (k - 1)), so more countries participate."
    ),
    source=(
        "Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. Economic "
        "Journal 133; working paper of 14 Jan 2020, abstract p. 1; Belfer Center summary, "
        "Nov 2018 (less ambitious cuts, larger coalition)."
    ),
    predicate=_broad_shallow,
    domain=lambda: pledge_review_models(tie="join"),
))


#: Harstad (2023): pledge-and-review is preferred when there are many potential participants;
#: on the library's payoffs under "join", only when w <= 2/3 (else the coalitions are equal).
HARSTAD_PREFERRED_WHEN_MANY = register(Claim(
    name="harstad_preferred_when_many",
    statement=(
        "In the same model with indifferent countries joining and a weight w <= 2/3 on "
        "others' payoffs, top-down targets give more total welfare when n = 3 (the three "
        "stable signatories are everyone), and pledge-and-review gives strictly more for "
        "every n from a finite threshold on; once n does not cap its coalition, its "
        "aggregate abatement is strictly larger too (welfare can prefer it before: spreading "
        "abatement over more countries costs less). Its larger coalition is its benefit, "
        "and it counts for more the more countries could participate."
    ),
    source=(
        "Harstad, B. (2023). Pledge-and-review bargaining: from Kyoto to Paris. Economic "
        "Journal 133; Belfer Center summary, Nov 2018 (especially attractive with a large "
        "number of potential participants); CREST seminar abstract, 4 May 2018, results (3) "
        "and (4) (a larger number of participants increases aggregate contributions)."
    ),
    predicate=_preferred_when_many,
    domain=lambda: pledge_review_models(max_weight=Fraction(2, 3),
                                        tie="join"),
))


#: Barrett and Dannenberg (2016), in the library's reading: review as information about
#: compliance trims cheap-talk pledges to what is kept, and a weak review moves pledges more.
REVIEW_MOVES_PLEDGES = register(Claim(
    name="review_moves_pledges",
    statement=(
        "When a review detects a shortfall with probability r and a detected shortfall makes "
        "the other participants withdraw their extra abatement, pledges are kept iff w <= 2 r; "
        "without review pledges are cheap talk. Then a weak review, 0 < r < w / 4, changes "
        "the announced pledge by more than it changes the contribution: review affects "
        "pledges more than contributions (the library's interpretation of the experiment: "
        "here review lowers the announced pledge; the direction in the experiment was not "
        "confirmed)."
    ),
    source=(
        "Barrett, S. and Dannenberg, A. (2016). An experimental investigation into 'pledge "
        "and review' in climate negotiations. Climatic Change 138, 339-351, p. 339."
    ),
    predicate=_review_moves_pledges,
    domain=lambda: pledge_review_models(weak_review=True),
))
