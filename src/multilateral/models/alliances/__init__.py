"""Alliance control: bilateral hub-and-spokes against a multilateral body (Cha's powerplay).

Victor Cha asked why the United States built a multilateral alliance in Europe (NATO) but a
"hub and spokes" of separate bilateral treaties in East Asia. His answer, the *powerplay*:
the United States allied with Syngman Rhee's South Korea, Chiang Kai-shek's Republic of
China and Japan not only to deter the communist threat but to *control* these allies, and
above all to keep "rogue allies" from entrapping it in wars it did not want. Bilateral ties
maximize a great power's control over a small ally; in a multilateral body the small allies
can band together and bind the great power instead (the *Lilliputian* strategy), so a great
power seeking control over small powers prefers bilateralism. Cha's 2x2 (2010, pp. 165-166,
"Powerplay: bilateral versus multilateral control") crosses who seeks control with who is
the target [1]_:

====================================  ======================  ======================
who seeks control                     target: a small power   target: a great power
====================================  ======================  ======================
small power(s)                        Q1: multilateralism     Q2: multilateralism
a great power                         Q3: bilateralism        Q4: multilateralism
====================================  ======================  ======================

In the book Cha explains alliance design by two variables, the power (a)symmetry between
the partners and the intensity of their entrapment and abandonment fears [2]_. The table
above is Cha's, as reproduced in the literature; **everything below is this library's
formalization**, stated as explicit assumptions so that the quadrants become theorems.

Two models
----------
:class:`Powerplay` -- who controls whom. A controller of power ``w_C`` seeks to restrain a
target of power ``w_T``. Assumptions: (A1) control is a contest won with probability equal to
one's share of the power engaged (the ratio form, Tullock 1980; Hirshleifer 1989);
(A2) bilaterally, only the two engage: control ``w_C / (w_C + w_T)``; (A3) in a multilateral
body the other members, of total power ``M``, join the sides, a share ``theta`` of their
power with the controller: control ``(w_C + theta M) / (w_C + w_T + M)``; (A4) enforcing
control over the target takes capabilities ``c w_T``, which the controller bears alone
bilaterally and shares in proportion to power multilaterally; (A5) the controller's payoff is
``V * control - burden``, ``V`` the stakes. Then (the mediant inequality) the body gives more
control iff ``theta > w_C / (w_C + w_T)``, and always a smaller burden. With the others
neutral (``theta = 1/2``) this gives Cha's table: a small controller, or a great power facing
a great power, gains control or saves burden in a body (Q1, Q2, Q4), while a great power
facing a small power loses control in a body and prefers bilateralism whenever its stakes in
control exceed :meth:`Powerplay.critical_stakes` (Q3). See :func:`cha_quadrants` and the
claim :data:`multilateral.claims.POWERPLAY_QUADRANTS`.

:class:`AllianceControl` -- entrapment. A great power ``G`` and ``k`` small allies. Each ally
turns "rogue" (attempts a risky action that would drag ``G`` into war) with probability ``p``;
an unrestrained adventure costs ``G`` the entrapment cost ``E``. ``G`` restrains an ally by
threatening to withhold support; a rogue ally backs down with probability ``d``, its
*dependence* on ``G``. Bilaterally, ``G`` decides alone on each spoke, and the spokes cannot
coordinate. In the multilateral body, restraint of a member is a collective decision: the
``k`` members other than the party concerned vote (the party abstains), a motion passes with
``q`` votes, ``G`` votes to restrain, and each other ally backs it independently with
probability ``theta``; a member bound by the body cannot act alone (the commitment is to the
body), so ``G``'s threat works only if the body backs it, with probability

    pi = P(Binomial(k - 1, theta) >= q - 1).

The body also *binds* ``G``: each ally votes to restrain ``G``'s own adventures with
probability ``psi``, so ``G`` is bound with probability ``beta = P(Binomial(k, psi) >= q)``;
and it is worth ``b`` per ally to ``G`` (legitimacy, burden sharing). Per ally, ``G`` expects

    bilateral:     -p E (1 - d)
    multilateral:  b - p E (1 - d pi)

so ``G`` prefers bilateral control iff ``p E d (1 - pi) > b``: the entrapment it fears, times
the restraint the body would forfeit, outweighs the value of being bound with its allies.
Each ally (gain ``a`` from an unrestrained adventure, entrapment cost ``E_A`` from ``G``'s
adventures, which occur with probability ``p_G``, and burden-sharing cost ``c``) prefers the
body iff ``p a d (1 - pi) + p_G E_A beta > c``: it is restrained less, and it can bind the
great power. The two preferences cut the parameter space into four regions;
:meth:`AllianceControl.regime` names them. Under a great power's design, its preference
decides the structure.

References
----------
.. [1] Cha, V. D. (2009/10). Powerplay: origins of the U.S. alliance system in Asia.
   *International Security* 34(3) (the 2x2 "Powerplay: bilateral versus
   multilateral control", pp. 165-166).
.. [2] Cha, V. D. (2016). *Powerplay: The Origins of the American Alliance System in Asia*.
   Princeton University Press.
.. [3] Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics*
   36(4), 461-495 (abandonment and entrapment).
.. [4] Hemmer, C. and Katzenstein, P. J. (2002). Why is there no NATO in Asia? Collective
   identity, regionalism, and the origins of multilateralism. *International Organization*
   56(3), 575-607.
.. [5] Hirshleifer, J. (1989). Conflict and rent-seeking success functions: ratio vs.
   difference models of relative success. *Public Choice* 63(2), 101-112.

The package keeps one model per module: :mod:`~multilateral.models.alliances.powerplay`
(:class:`Powerplay`, :func:`cha_quadrants`), :mod:`~multilateral.models.alliances.control`
(:class:`AllianceControl` and its brute-force check) and
:mod:`~multilateral.models.alliances.comparison` (:class:`StructureComparison`, which both
return). Neither model induces a game: each compares one actor's payoff under two
structures (a decision, not a strategic interaction), so neither has a ``.game``.

Examples
--------
>>> from multilateral.models import AllianceControl, cha_quadrants
>>> cha_quadrants(great=10, small=1, others=4, enforcement_cost=0.1)
{1: 'multilateral', 2: 'multilateral', 3: 'bilateral', 4: 'multilateral'}
>>> asia = AllianceControl(allies=3, adventurism=0.5, entrapment_cost=10, dependence=0.8,
...                        binding_value=1, support=0.3)
>>> asia.great_power_prefers()
'bilateral'
>>> asia.with_(adventurism=0.05).great_power_prefers()
'multilateral'
"""

from __future__ import annotations

from ..._namespace import public_dir
from .comparison import StructureComparison
from .control import AllianceControl, brute_force_preference, illustrative_alliances
from .powerplay import CHA_QUADRANTS, Powerplay, cha_quadrants

__all__ = [
    "CHA_QUADRANTS",
    "AllianceControl",
    "Powerplay",
    "StructureComparison",
    "brute_force_preference",
    "cha_quadrants",
    "illustrative_alliances",
]
__dir__ = public_dir(__all__)
