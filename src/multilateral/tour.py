"""A short guided run of what the library can do, printed as text (``multilateral tour``).

The module runs past the library's ~600 lines because it is one catalogue: a short section
per theory, each a few printed lines, too small to stand as a module of its own.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction
from typing import TextIO

from ._namespace import public_dir
from .games.anonymous import AnonymousGame
from .games.two_by_two import TwoByTwo

__all__ = ["SECTIONS", "run_tour"]
__dir__ = public_dir(__all__)


def _fmt(x: object) -> str:
    return str(x) if not isinstance(x, tuple) else "(" + ", ".join(_fmt(v) for v in x) + ")"


def _oye_payoff_structure(out: TextIO) -> None:
    from . import solvers

    out.write(
        "Oye (1985): cooperation depends first on the payoff structure. Each player's "
        "ordering\nof T (defect on a cooperator), R (both cooperate), P (both defect), "
        "S (sucker):\n\n"
    )
    games = {
        "Prisoners' Dilemma": TwoByTwo.symmetric(T=5, R=3, P=1, S=0),
        "Stag Hunt": TwoByTwo.symmetric(T=3, R=4, P=1, S=0),
        "Chicken": TwoByTwo.symmetric(T=4, R=3, P=0, S=1),
        "Deadlock": TwoByTwo.symmetric(T=4, R=2, P=3, S=1),
        "Harmony": TwoByTwo.symmetric(T=3, R=4, P=1, S=2),
    }
    for name, g in games.items():
        eqs = solvers.nash_equilibria(g)
        shown = "; ".join(
            "/".join(_fmt(tuple(str(p) for p in s)) for s in eq.exact) if eq.exact else repr(eq)
            for eq in eqs
        )
        try:
            rg = g.robinson_goforth.name
        except NotImplementedError:  # pragma: no cover - table not built yet
            rg = "?"
        out.write(f"  {name:<19} {g.orderings[0]:<14} type={g.oye_type:<18} RG={rg}\n")
        out.write(f"  {'':<19} Nash equilibria (P(C) row / column): {shown}\n")
    t, r, p, s = games["Stag Hunt"].trps(0)
    out.write(
        "\n  Only in the Prisoners' Dilemma and Deadlock is defection dominant; the Stag Hunt "
        "needs\n  assurance (its mixed equilibrium puts P(C) = (P-S)/(R-T+P-S) = "
        f"{Fraction(p - s) / (r - t + p - s)}), and Chicken\n  has two asymmetric pure "
        "equilibria: coordination, not conflict, is the problem.\n"
    )


def _number_of_players(out: TextIO) -> None:
    from . import solvers
    from .models import ConditionalCooperation

    out.write(
        "Oye's third dimension, the number of players. A linear public good among all 193 UN "
        "members\nwith multiplier r = 3: each contribution returns 3/193 of itself to its "
        "giver.\n\n"
    )
    pgg = AnonymousGame.public_goods(193, r=3)
    eqs = solvers.symmetric_equilibria(pgg)
    out.write(f"  {pgg!r}: symmetric equilibria {list(eqs)}\n")
    out.write(
        f"  gain from contributing: {pgg.gain(0)} whatever the others do; all-contribute "
        f"would pay {pgg.cooperator[-1]} each.\n\n"
    )
    out.write(
        "  A threshold good among a small club (7 members, 5 needed, benefit 4, cost 1)\n"
        "  has a cooperative equilibrium the universal public good lacks:\n"
    )
    club = AnonymousGame.threshold(7, 5, benefit=4, cost=1)
    for eq in solvers.symmetric_equilibria(club):
        out.write(f"    {eq!r}\n")
    vd = AnonymousGame.threshold(2, 1, benefit=1, cost=Fraction(1, 2))
    (mixed,) = solvers.symmetric_equilibria(vd)
    out.write(
        f"  Volunteer's dilemma, 2 players, c/b = 1/2: each volunteers with p = {mixed.exact}.\n"
    )
    out.write(
        "\n  Olson's dilution, not one of Oye's channels: with the multiplier fixed at r = 3 each\n"
        "  member's return r/n falls as the group grows, so grim reversion (perfect monitoring,\n"
        "  free and credible punishment) needs more patience in larger groups:\n\n"
    )
    for n, label in ((2, "a bilateral pair"), (7, "the G7"), (21, "the G20 (21 members)"),
                     (193, "the UN's 193 members")):
        model = ConditionalCooperation(n=n, r=3)
        nonrival = ConditionalCooperation(n=n, mpcr=Fraction(3, 4))
        out.write(
            f"  {label:<22} critical delta {model.critical_discount().value!s:>8}; "
            f"non-rival good (mpcr 3/4) {nonrival.critical_discount().value!s:>6}\n"
        )
    out.write(
        "  With the return per member fixed (a non-rival good) larger groups need less "
        "patience:\n  numbers hurt only through Oye's channels, which the next sections "
        "switch on one by one\n  (transparency, sanctions, common interests).\n"
    )


def _shadow_of_the_future(out: TextIO) -> None:
    from . import automata, solvers

    pd = TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    grim = [automata.grim_trigger()] * 2
    cd = solvers.critical_discount(pd, grim, symbolic=True)
    out.write(
        "Oye's second dimension: reciprocity works when the future weighs enough. Grim "
        "trigger in\nthe Prisoners' Dilemma above is subgame perfect iff delta >= "
        f"{cd.expression} = {cd.exact} (exact).\n"
    )
    tft = TwoByTwo.symmetric(T=4, R=3, P=1, S=0)
    iso = solvers.critical_discount(tft, [automata.tit_for_tat()] * 2)
    out.write(
        "  Tit for Tat is subgame perfect only at isolated discount factors: with "
        f"T, R, P, S = 4, 3, 1, 0\n  exactly at delta = {iso.exact} "
        f"(feasible set {iso.feasible}).\n"
    )
    nash = solvers.critical_discount(pd, [automata.tit_for_tat()] * 2, kind="nash")
    out.write(
        f"  As a Nash equilibrium it needs delta >= {nash.exact} in the game above (Axelrod and "
        "Hamilton 1981:\n  max((T - R)/(T - P), (T - R)/(R - S)) = max(1/2, 2/3)).\n"
    )


def _collective_goods(out: TextIO) -> None:
    from .cases import climate
    from .claims import CHAMBERLIN_CROWDING, OLSON_GROUP_SIZE
    from .models import (
        AsymmetricAgreement,
        CollectiveRiskDilemma,
        MagicNumber,
        PublicGoodProvision,
        VolunteersDilemma,
        linear_k_group,
    )

    out.write(
        "Olson (1965): large groups under-provide collective goods. Chamberlin (1974): only if "
        "the good is\ncrowded. Identical members (income 1, Cobb-Douglas a = 1/2) provide "
        "voluntarily (Bergstrom,\nBlume and Varian 1986); each consumes G / n^theta:\n\n"
        "  members   total G   per member: pure (theta=0)   crowded (theta=1)   share of optimum\n"
    )
    for n in (2, 7, 21, 193):
        pure = PublicGoodProvision.identical(n, 1, Fraction(1, 2), 0)
        crowded = PublicGoodProvision.identical(n, 1, Fraction(1, 2), 1)
        out.write(
            f"  {n:>7}   {pure.equilibrium().total!s:>7}   "
            f"{pure.per_member_provision()!s:>24}   "
            f"{crowded.per_member_provision()!s:>17}   {pure.shortfall()!s:>16}\n"
        )
    olson, chamberlin = OLSON_GROUP_SIZE.verify(max_examples=50), CHAMBERLIN_CROWDING.verify(
        max_examples=50)
    example = olson.counterexample
    found = (f"hypothesis finds theta = {example[0].theta}, n = "
             f"{example[0].n} -> {example[1]}" if example is not None
             else "no counterexample")
    out.write(
        f"\n  the popular reading of Olson, 'per-member provision falls with n' (a foil): "
        f"{'holds (unexpected: a foil)' if olson.holds else 'fails, as expected'} ({found});"
        f"\n  Chamberlin's crowded version: "
        f"{'holds' if chamberlin.holds else 'fails'} on {chamberlin.examples} random models.\n"
    )
    out.write(
        f"  A k-group among the UN's 193 (multiplier 3): {linear_k_group(193, 3)} members "
        "gain from providing even if all others free-ride.\n"
    )
    nobody = ", ".join(
        f"n={n}: {float(VolunteersDilemma(n, benefit=4, cost=1).nobody_volunteers()):.3f}"
        for n in (2, 7, 193)
    )
    out.write(f"  Volunteer's dilemma (Diekmann 1985), P(nobody volunteers): {nobody}.\n")
    risks = ", ".join(
        f"N={n}: {float(CollectiveRiskDilemma(n, n // 2, risk=Fraction(1, 2)).critical_risk()):.3f}"
        for n in (6, 12, 24)
    )
    out.write(
        f"  Collective-risk dilemma (Santos and Pacheco 2011), least risk at which a "
        f"cooperative rest\n  point appears, threshold N/2: {risks}: smaller groups "
        "cooperate at lower risk.\n"
    )
    shares = climate.emission_shares()
    core = MagicNumber(tuple(shares.values()), labels=tuple(shares), others=161).critical_mass(
        Fraction(1, 2))
    out.write(
        f"  Climate (Global Carbon Budget 2024): {core.k} emitters ({', '.join(core.members)}) "
        f"cover {float(core.coverage):.0%}\n  of fossil CO2: the minilateral core behind the "
        "2014 US-China announcement and Paris.\n"
    )
    # who would sign a self-enforcing treaty: stakes and costs from each emitter's own share
    # (McGinty 2007), the residual split over 161 states; the answer moves with c / b
    w = [float(x) for x in shares.values()] + [float(climate.residual_share()) / 161]
    named, n = [], len(shares) + 161
    for gamma in (0.01, 1.0, 100.0):  # c_i = gamma * (mean share) / w_i, as in the example
        table = AsymmetricAgreement(w, [gamma / n / x for x in w],
                                    multiplicity=[1] * len(shares) + [161]).table()
        rows = table.stable_with_transfers.nonzero()[0]
        best = rows[table.welfare[rows].argmax()]
        named.append(int((table.coalitions[best][:-1] > 0).sum()))
    out.write(
        f"  Self-enforcing with transfers (McGinty 2007), stakes and costs from each share: the "
        f"best stable\n  treaty holds {', '.join(map(str, named))} of the {len(shares)} named "
        "emitters at a cost-benefit ratio of 0.01, 1, 100.\n"
    )


def _reciprocity(out: TextIO) -> None:
    from .models import Reciprocity, leading_eight, scan_norms

    model = Reciprocity(benefit=2, cost=1, delta=Fraction(19, 20))
    out.write(
        "Keohane (1986) and Ruggie (1992): specific reciprocity trades equivalents with each "
        "partner;\ndiffuse reciprocity expects only a rough balance over the group and over "
        "time. A donation\ngame (b/c = 2, delta = 19/20) in a population of Z states matched "
        "at random:\n\n  states Z   specific needs b/c >   sustained   diffuse needs b/c >   "
        "sustained\n"
    )
    for z in (2, 7, 21, 166):
        at = model.with_(population=z)
        out.write(
            f"  {z:>8}   {at.specific_threshold().exact!s:>19}   {at.specific_sustains()!s:>9}   "
            f"{at.diffuse_threshold().exact!s:>18}   {at.diffuse_sustains()!s:>9}\n"
        )
    # small errors, b/c = 3/2: the numerical scan of all 4,096 norms finds the leading eight
    found = scan_norms(noise=Fraction(1, 10_000), assessment_error=Fraction(1, 10_000)
                       ).cooperative_ess(Fraction(3, 2))
    names = ", ".join(sorted(norm.name for norm in found))
    out.write(
        f"\n  Bilateral reciprocity holds up to {model.largest_specific_group().exact} states; the "
        "diffuse kind\n  does not depend on Z. Of the 4,096 reputation norms (256 assessment "
        f"x 16 action rules),\n  {len(found)} are cooperative ESSs at b/c = 3/2 with errors of "
        f"1e-4: {names}\n  (Ohtsuki and Iwasa's leading eight: "
        f"{sorted(n.name for n in found) == sorted(n.name for n in leading_eight())}).\n"
    )


def _institutions(out: TextIO) -> None:
    from .cases import imf, unsc
    from .models import SelfEnforcingAgreement
    from .solvers import banzhaf, shapley_shubik

    council = unsc.voting_game("post-1965")
    before = unsc.voting_game("pre-1965")
    ss, ss_before = shapley_shubik(council), shapley_shubik(before)
    p5, elected = council.members[0], council.members[-1]
    out.write(
        "Voting power and vetoes. The UN Security Council as a weighted game (Charter Art. 27; "
        "[39; 7 x5, 1 x10]\nsince 1965): Shapley-Shubik power of a permanent member "
        f"{ss[p5]} (before 1965 {ss_before[before.members[0]]}),\nof an elected member "
        f"{ss[elected]}.\n"
    )
    for majority in (Fraction(1, 2), Fraction(85, 100)):
        fund = imf.voting_game(majority=majority)
        share = float(banzhaf(fund, normalized=True)[fund.members[0]])
        vetoes = ", ".join(fund.veto_players) or "none"
        out.write(
            f"  IMF at a {float(majority):.0%} majority: {fund.members[0]} Banzhaf share "
            f"{share:.3f}; veto players: {vetoes}.\n"
        )
    sizes = {n: SelfEnforcingAgreement(n, benefit=1, cost=1).stable_sizes() for n in (10, 193)}
    out.write(
        "\nSelf-enforcing agreements (Carraro and Siniscalco 1993): however many countries, "
        f"the stable\ncoalition has {sizes[193][0]} members (n = 10: {sizes[10]}, n = 193: "
        f"{sizes[193]}).\n"
    )


def _crisis_off_ramp(out: TextIO) -> None:
    from .solvers import correlated_equilibrium, nash_equilibria

    chicken = TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
    best_nash = max(float(eq.payoffs.sum()) for eq in nash_equilibria(chicken))
    ce = correlated_equilibrium(chicken, objective="welfare")
    out.write(
        "A crisis as Chicken (Aumann 1974): a mediator who privately recommends actions (a "
        "correlated\nequilibrium) can do better than any Nash equilibrium.\n\n"
        f"  best Nash welfare {best_nash:.3g}; mediated welfare {ce.payoffs.sum():.3g} with "
        f"P(both back down) = {ce.distribution[0, 0]:.3g}, P(war) = "
        f"{ce.distribution[1, 1]:.3g}\n"
    )


def _nested_cores(out: TextIO) -> None:
    from .cases.alliances import members
    from .models.nested_cores import NestedCores

    g7, g20 = len(members("g7")), len(members("g20"))
    perfect = NestedCores(n=g20, subgroups=(g7, g20 - g7), cost=Fraction(1, 4))
    noisy = perfect.with_(monitoring_error=Fraction(1, 100), punishment_rounds=3)
    flat, nested = noisy.critical_discount("flat"), noisy.critical_discount("nested")
    alone = noisy.with_(selective_incentive=0).critical_discount("nested")
    out.write(
        "Nested cores (Bendor and Mookherjee 1987; Kahler 1992): a trigger strategy that "
        "watches fewer\nmembers suffers fewer false alarms (the library's model; cost 1/4, "
        "benefit 1, assumed).\n\n"
        f"  perfect monitoring: critical delta {perfect.critical_discount('flat').value} flat, "
        f"{perfect.critical_discount('nested').value} nested, whatever n\n  (abstract, p. 129: "
        "decentralized reciprocity works if monitoring is perfect)\n"
        f"  G20 ({g20}) with 1/100 monitoring error, 3-round phases: flat delta {flat.delta:.3f},"
        f" cooperating {float(noisy.cooperation('flat')):.0%};\n  G7 core + {g20 - g7} others:"
        f" delta {nested.delta:.3f}, cooperating {float(noisy.cooperation('nested')):.0%}\n"
        "  (p. 129: the hierarchy 'is more stable than the decentralized structure')\n"
        f"  without the centre's selective incentive: nested delta {alone.delta:.3f}\n"
    )


def _common_interests(out: TextIO) -> None:
    from .models.common_interests import CommonInterests

    model = CommonInterests(n=20, interests=[(3, -1), (-1, 3), (1, 1)],
                            contact_cost=Fraction(1, 10))
    regime = model.with_(channels="regime")
    sizes = (2, 5, 10, 20)
    alone = ", ".join(f"{float(model.agreement_probability(n, issue=0)):.2g}" for n in sizes)
    out.write(
        "Common interests (Oye, section IV): with more players, transactions and "
        "information costs\nrise and common interests are harder to recognize.\n\n"
        f"  channels to open: {', '.join(str(model.channel_count(n)) for n in sizes)} "
        f"for n = {', '.join(map(str, sizes))} (n(n-1)/2: assumed, every pair talks)\n"
        f"  P(every member gains on issue 1 alone): {alone} (derived: (2/3)**n);\n  on the "
        f"linked package: {model.agreement_probability()} at every n (Tollison-Willett: "
        "linking issues whose\n  gains go to different members secures agreement on both)\n"
        f"  negotiating pays up to n = {model.largest_group(linked=False).exact} issue by "
        f"issue, n = {model.largest_group().exact} linked;\n  issue by issue through a "
        f"regime (one channel each): n = {regime.largest_group(linked=False).exact}\n"
    )


def _sizable_groups(out: TextIO) -> None:
    from .models.reciprocity import ThresholdReciprocity

    pair = ThresholdReciprocity(2, 1, benefit=3, cost=2, delta=Fraction(9, 10))
    t, r = Fraction(3, 2), Fraction(1)
    ladder = ", ".join(f"n = {n}: {pair.with_(n=n, threshold=n - 1).basin().boundary:.3f}"
                       for n in (2, 5, 10, 20, 100))
    lenient = pair.with_(n=5, threshold=3, delta=Fraction(99, 100))
    out.write(
        "Reciprocity in sizable groups (Boyd and Richerson 1988): TFT_a cooperates only if at "
        "least a of\nthe n - 1 others did (benefit 3 shared, cost 2).\n\n"
        f"  n = 2: TFT resists ALLD for w > {pair.critical_discount().value} "
        f"(Axelrod-Hamilton (T-R)/(T-P) = {(t - r) / t})\n"
        f"  lenient TFT_3 in groups of 5 resists ALLD even at w = 0.99: {lenient.is_ess()}\n"
        f"  frequency TFT_(n-1) needs to spread at w = 0.9:\n    {ladder}\n"
    )


def _transparency(out: TextIO) -> None:
    from .models.public_monitoring import PublicMonitoring

    pair = PublicMonitoring(n=2, mpcr=Fraction(3, 4), monitoring_error=Fraction(1, 10),
                            detection=Fraction(1, 2))
    bad_p, bad_q = pair.signal_probabilities()
    p, q = 1 - bad_p, 1 - bad_q
    model = PublicMonitoring(n=2, mpcr=Fraction(3, 4), monitoring_error=Fraction(1, 10))
    thresholds = {n: model.critical_discount(n) for n in (5, 10, 20, 40, 50)}
    ladder = ", ".join(f"n = {n}: {cd.delta:.3g}" if cd.attainable else f"n = {n}: never"
                       for n, cd in thresholds.items())
    audit = model.with_(signal="audit", detection=Fraction(1, 2))
    audited = ", ".join(f"{audit.critical_discount(n).delta:.3g}" for n in (5, 50, 500))
    out.write(
        "Transparency (Oye pp. 18-20): members see only a noisy public signal of what others "
        "did\n(Green and Porter 1984 trigger strategies; Abreu, Pearce and Stacchetti 1990).\n\n"
        f"  Mailath and Samuelson's PD, p = {p}, q = {q}: critical delta "
        f"{pair.critical_discount().value}\n  (their 1/(3p - 2q) = {1 / (3 * p - 2 * q)}); "
        f"best payoff x4 {4 * pair.best_payoff()} (their 2 - (1 - p)/(p - q) = "
        f"{2 - (1 - p) / (p - q)})\n"
        "  A non-rival good (mpcr 3/4), each record a false alarm with probability 1/10:\n"
        f"  critical delta {ladder};\n"
        f"  no delta sustains more than {model.largest_group()} members.\n"
        f"  Qualification: an audit of one random member (a defection moves the signal by "
        f"1/n)\n  gives no such effect: critical delta at n = 5, 50, 500: {audited}.\n"
    )


def _sanctions(out: TextIO) -> None:
    from .automata import contrite_tit_for_tat, grim_trigger
    from .games.two_by_two import TwoByTwo
    from .models.sanctions import Sanctions, penance_threshold
    from .solvers import critical_discount

    pd = TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    ctft, grim = contrite_tit_for_tat(), grim_trigger()
    model = Sanctions(n=2, mpcr=Fraction(1, 2))
    lines = []
    for n in (3, 5, 20):
        spe = model.critical_discount("untargeted", "subgame_perfect", n).value
        rp = model.critical_discount("untargeted", "renegotiation_proof", n)
        pen = model.critical_discount("targeted", "renegotiation_proof", n).value
        lines.append(f"  n = {n:>2}: collective {spe} (renegotiation-proof: "
                     f"{rp.value if rp.attainable else 'never'}), penance {pen}, collective "
                     f"cost {model.punishment_cost('untargeted', n)}/round")
    rows = "\n".join(lines)
    costly = model.with_(n=5, sanction_cost=Fraction(1, 10))
    out.write(
        "Sanctions (Oye pp. 18-20): punishing one defector by withholding cooperation punishes "
        "everyone.\n\n"
        f"  repentance (van Damme 1989), PD 5,3,1,0: {penance_threshold(5, 3, 1, 0).value} = "
        f"max(T-R, P-S)/(R-S); Contrite TFT automaton: {critical_discount(pd, [ctft] * 2).value}"
        f"\n  grim (Friedman): {critical_discount(pd, [grim] * 2).value}, renegotiation-proof: "
        f"{Sanctions(n=2, r=Fraction(3, 2)).is_renegotiation_proof('untargeted')}\n"
        f"{rows}\n  (non-rival good, mpcr 1/2); paying 1/10 a round to punish in a group of 5: "
        f"targeted needs\n  {costly.critical_discount('targeted', 'subgame_perfect').value} "
        f"and is renegotiable: {not costly.is_renegotiation_proof()}\n"
    )


def _deterrence_estimation(out: TextIO) -> None:
    import numpy as np

    from .estimation import egame12_probabilities, fit_egame12, simulate_egame12

    rng = np.random.default_rng(1999)
    balance = rng.uniform(0, 1, 2000)
    regressors = {"u11": {"const": 1}, "u14": {"const": 1, "balance": balance},
                  "u24": {"const": 1, "balance": balance}}
    truth = [0.5, -1.0, 2.0, 0.5, -2.0]
    fit = fit_egame12(simulate_egame12(
        {"u11": truth[:1], "u14": truth[1:3], "u24": truth[3:]}, regressors, seed=rng),
        regressors)
    rows = "\n".join(f"  {name:<13} true {t:>5.2f}, estimate {e:>6.3f} ({se:.3f})"
                     for name, t, e, se in zip(fit.names, truth, fit.params, fit.std_errors,
                                               strict=True))
    check = egame12_probabilities({"u11": [0.0], "u13": [1.0], "u14": [-1.0]},
                                  {"u11": [1.0], "u13": [1.0], "u14": [1.0]})[0]
    out.write(
        "Estimating a deterrence game (Signorino 1999; Kenkel-Signorino's egame12): a "
        "challenger\nkeeps the status quo or challenges; the defender backs down or resists. "
        "Outcome\nprobabilities are the game's equilibrium with random utility (agent error, "
        "probit):\n"
        f"  u11 = 0, u13 = 1, u14 = -1, u24 = 0: P(sq, cap, war) = "
        f"{tuple(round(float(v), 4) for v in check)}\n  (the games package's formula: 1/2, "
        "1/4, 1/4)\n"
        f"  2,000 simulated disputes, fitted by maximum likelihood (standard errors):\n{rows}\n"
    )


def _crisis_bargaining(out: TextIO) -> None:
    from .models.audience_costs import AudienceCosts
    from .models.bargaining import WarBargaining

    war = WarBargaining(win_probability=Fraction(1, 2), cost_a=Fraction(1, 10),
                        cost_b_low=Fraction(1, 10), cost_b_high=Fraction(1, 10))
    r = war.bargaining_range()
    lines = []
    for high in (Fraction(1, 10), Fraction(1, 5), Fraction(3, 10), Fraction(1, 2)):
        m = war.with_(cost_b_low=0, cost_b_high=high)
        best = max(m.expected_payoff(Fraction(k, 100)) for k in range(101))
        lines.append(f"  c_B ~ U[0, {high}]: demand {m.optimal_offer()}, war "
                     f"{m.war_probability()} (library's max(0, (H - c_A)/2H) = "
                     f"{max(0, (high - m.cost_a) / (2 * high))}; best of 101 demands: "
                     f"{'none better' if best <= m.equilibrium().payoff_a else 'better'})")
    signals = ", ".join(
        f"a = {a}: {eq.back_down_probability} / {eq.resist}"
        for a in (Fraction(1, 2), 1, 3)
        for eq in [AudienceCosts(prior=Fraction(1, 4), audience_cost=a).equilibrium()])
    uncertain = war.with_(cost_b_low=0, cost_b_high=Fraction(3, 10))
    neutral = [str(uncertain.with_(win_probability=Fraction(k, 5)).war_probability())
               for k in (1, 2, 3)]
    mediated = ", ".join(
        f"weight on A {b}: {m.mediated}{'' if m.credible else ' (truth only weakly best)'}"
        for b in (Fraction(1, 2), Fraction(3, 4))
        for m in [uncertain.mediated(mediator_bias=b)])
    out.write(
        "Crisis bargaining (Fearon 1995): with war costly, deals both sides prefer exist;\n"
        f"  p = 1/2, c_A = c_B = 1/10: range [{r.low}, {r.high}] (Fearon: [p - c_A, p + c_B] "
        "= [2/5, 3/5])\n"
        "With B's cost of war private, A's take-it-or-leave-it demand risks war (c_A = 1/10):\n"
        + "\n".join(lines) + "\n"
        f"  war risk at p = 1/5, 2/5, 3/5 (H = 3/10): {', '.join(neutral)} (published: "
        "unchanged, neutrality)\n"
        f"  a mediator who knows c_B (after Kydd 2003): war 1/3 -> {mediated}\n"
        "Audience costs (after Fearon 1994, discrete): P(challenger backs down after a threat) "
        f"/\nP(defender resists), prior 1/4: {signals}\n"
    )


def _breadth_and_depth(out: TextIO) -> None:
    from .cases import climate
    from .models.breadth_depth import BreadthDepth
    from .models.tipping import TippingSet

    model = BreadthDepth(ideals=[Fraction(i, 10) for i in range(11)],
                         breadth_value=Fraction(2, 5))
    majority = model.with_(majority=Fraction(1, 2))
    named = climate.emission_shares()
    rest = climate.residual_share() / 187
    shares = list(named.values()) + [rest] * 187
    labels = (*named, *(f"state {i}" for i in range(187)))
    tipping = TippingSet(shares, [Fraction(1, 2)] * 2 + [Fraction(2, 5)] * (len(shares) - 2),
                         labels=labels)
    out.write(
        "Breadth against depth (Downs, Rocke and Barsoom 1998): 11 states, ideal depths 0..1,\n"
        f"  unanimity: inclusive depth {model.inclusive_depth()} (the least committed's ideal), "
        f"constructive {model.constructive_depth()}\n"
        f"  (published, p. 397: sequential construction is deeper); under majority rule "
        f"{majority.inclusive_depth()} against {majority.constructive_depth()}\n"
        "Tipping (Heal and Kunreuther 2011), 2023 shares, hurdles 2/5 (China, US: 1/2):\n"
        f"  minimal tipping set {', '.join(tipping.minimal_tipping_set(labels=True))} "
        f"({float(tipping.weight(['China', 'United States'])):.0%} of emissions)\n"
        f"  joint announcement {climate.event('us_china_joint_announcement').date}, Paris "
        f"{climate.event('paris_adopted').date}\n"
    )


def _pledge_and_review(out: TextIO) -> None:
    from .cases.kyoto_paris import participants
    from .models.pledge_review import PledgeAndReview

    counts = participants()
    model = PledgeAndReview(n=counts["paris_adopting_parties"], benefit=1, cost=1,
                            others_weight=Fraction(1, 4))
    c = model.compare()
    weak = model.with_(review=Fraction(1, 20)).review_effect(9)
    out.write(
        "Pledge-and-review against top-down targets (Harstad 2023): pledges weigh the "
        "pledger's own payoff more.\n\n"
        f"  published: Kyoto targets for {counts['kyoto_targets']} parties (37 countries + EU), "
        f"Paris adopted by {counts['paris_adopting_parties']} Parties\n"
        f"  computed (n = {model.n}, w = 1/4): top-down {c.participants['top_down']} x "
        f"{c.commitment['top_down']} b/c, pledge-and-review "
        f"{c.participants['pledge_and_review']} x {c.commitment['pledge_and_review']} b/c; "
        f"preferred: {c.preferred} (from n = {model.preferred_from().exact})\n"
        f"  review (Barrett-Dannenberg 2016, p. 339), detection 1/20: pledges {weak[0]} b/c, "
        f"contributions +{weak[1]} b/c\n")


def _formal_and_informal(out: TextIO) -> None:
    from .cases import informal
    from .models.escape_clauses import EscapeClause
    from .models.flexibility import LegalForm, TreatyDuration

    base = TreatyDuration(uncertainty=4, risk_aversion=1, renegotiation_cost=1,
                          shock_probability=Fraction(1, 5), delta=Fraction(9, 10))
    durations = [base.with_(uncertainty=v).optimal_duration() for v in (Fraction(1, 2), 1, 4, 16)]
    costs = [base.with_(renegotiation_cost=c).optimal_duration() for c in (0, 1, 5, 6)]
    clause = EscapeClause(temptation=4, harm=1, agreement_value=2)
    form = LegalForm(credibility_gain=Fraction(1, 2), sovereignty_cost=Fraction(1, 4),
                     uncertainty=1, risk_aversion=1, renegotiation_cost=2,
                     shock_probability=Fraction(1, 10), delta=Fraction(9, 10))
    cases = ", ".join(f"{name.upper()} {informal.form(name)} ({informal.founded(name)[:4]})"
                      for name in informal.institutions())
    out.write(
        f"Formal against informal: {cases}.\n"
        "  Koremenos (2005, p. 549): finite duration rises with uncertainty and risk aversion, "
        "falls with cost.\n"
        f"  best duration at uncertainty 1/2, 1, 4, 16: {durations}; at renegotiation cost "
        f"0, 1, 5, 6: {costs} (None: indefinite)\n"
        "  Rosendorff-Milner (2001, p. 829): the optimal escape cost is interior; computed "
        f"{clause.optimal_escape_cost()} in (0, {clause.temptation}),\n"
        f"  welfare {clause.optimal_welfare()} against {clause.welfare(0)} free and "
        f"{clause.welfare()} without a clause\n"
        f"  binding treaty or informal group (Abbott-Snidal): {form.choice()} at uncertainty 1, "
        f"{form.with_(uncertainty=8).choice()} at 8\n"
    )


def _climate_clubs(out: TextIO) -> None:
    from .cases import cbam
    from .models.climate_clubs import ClimateClub

    club = ClimateClub(n=15, benefit=1, cost=1, target_price=3, trade=10)
    need = club.least_tariff(15)
    grid = [Fraction(i, 20) for i in range(7)]
    linear = ClimateClub(n=15, benefit=1, cost=1, trade=10)
    out.write(
        "Climate clubs (Nordhaus 2015): a uniform tariff on outsiders' exports.\n\n"
        "  published (p. 1339): no stable coalition beyond minimal abatement without sanctions;"
        " small trade penalties induce a large stable one\n"
        f"  computed (15 identical countries, target price 3 b, trade 10): without a tariff "
        f"{club.stable_sizes()}; all 15 from tariff {need.exact} (the jump from none to all "
        "is this model's, not his)\n"
        f"  participation at tariffs {', '.join(str(t) for t in grid)}: "
        f"{club.participation(grid)}\n"
        f"  members optimizing (linear game), tariffs 0, 1, 2, 3: "
        f"{linear.participation([0, 1, 2, 3])}\n"
        f"  EU CBAM (Regulation 2023/956): transitional from "
        f"{cbam.event('transitional_start').date}, definitive from "
        f"{cbam.event('definitive_start').date}\n")


def _legitimacy(out: TextIO) -> None:
    from .cases import authorization
    from .models import Endorsement

    gulf = authorization.decisions("gulf_1990")[0]
    lax, strict = Fraction(1, 10), Fraction(7, 10)
    council = authorization.council([lax, strict, strict, lax, lax] + [Fraction(1, 5)] * 10,
                                    audience=Fraction(3, 5))
    coalition = Endorsement([lax, lax, Fraction(3, 20)], audience=Fraction(3, 5))
    near, far = (Endorsement([c], audience=Fraction(3, 5)).equilibrium().posterior_endorsed
                 for c in (Fraction(1, 5), Fraction(4, 5)))
    seeker = Endorsement([Fraction(7, 10)], seeker=Fraction(1, 5))
    added = (seeker.added_credibility(),
             seeker.with_(seeker=Fraction(4, 5)).added_credibility())
    out.write(
        "Legitimacy as information (Thompson 2006; Chapman 2007, 2009).\n"
        f"  {gulf.decision} of {gulf.date}: {gulf.in_favour}-{gulf.against}-"
        f"{gulf.abstaining} (data); 2003: "
        f"{authorization.decisions('iraq_2003')[1].decision} (data)\n"
        f"  Chapman (2009): support worth more from a more distant Council; computed belief "
        f"after endorsement {near} (pivot 1/5) < {far} (pivot 4/5); credibility a pivot "
        f"at 7/10 adds to a seeker at 1/5: {added[0]}, at 4/5: {added[1]}\n"
        f"  illustrative positions: Council pivot {council.pivot} "
        f"({', '.join(council.pivotal_members())}), influential "
        f"{council.equilibrium().influential}; coalition pivot {coalition.pivot}, "
        f"influential {coalition.equilibrium().influential}; premium "
        f"{council.premium_over(coalition)}\n")


def _regime_complexes(out: TextIO) -> None:
    from .cases import aiib, imf

    model = aiib.renegotiation(outside_cost=Fraction(1, 100), network=Fraction(1, 50))
    opened = model.with_(flexibility=model.power - model.influence)
    dear = [model.with_(flexibility=1, outside_cost=c).equilibrium().concession
            for c in (0, Fraction(1, 200), Fraction(1, 100), Fraction(1, 50))]
    out.write(
        "Outside options and institutional change (Lipscy 2015; Morse-Keohane 2014).\n"
        "  IMF 2010 quota reform: China 3.996% -> 6.394% (published); read "
        f"{float(model.influence):.3%} -> {float(model.power):.3%}; blocked by "
        f"{', '.join(aiib.imf_veto_holders())} (veto read from the shipped shares of "
        f"{imf.VOTES[0].date}; "
        f"2010-2015 per CRS R42844) until {aiib.event('imf_us_congress').date}, "
        f"in force {aiib.event('imf_reform_effective').date}\n"
        f"  AIIB: Articles signed {aiib.event('aiib_articles_signed').date}, in force "
        f"{aiib.event('aiib_in_force').date}; China's votes 26.06% (published), read "
        f"{float(aiib.share('AIIB', 'China', 'votes')):.2%}, a veto over 75% decisions: "
        f"{aiib.aiib_veto_holders()}\n"
        f"  model (assumed cost 1/100, network 1/50, scope 1/2): blocked rules "
        f"{model.equilibrium().outcome}, open rules {opened.equilibrium().outcome}\n"
        f"  concession at outside costs 0, 1/200, 1/100, 1/50 (open rules): "
        f"{', '.join(str(d) for d in dear)} (falls as outside options grow dear)\n")


def _forum_shopping(out: TextIO) -> None:
    from .cases import forum_shopping as fs

    common = dict(ruling_value=2, win_regional=Fraction(1, 2), win_multilateral=Fraction(1, 2),
                  n=130, cost=Fraction(1, 4))
    brooms = fs.model("us_broom_corn_brooms", offense=0, defense=Fraction(1, 10), **common)
    periodicals = fs.model("canada_periodicals", offense=Fraction(1, 10), defense=0, **common)
    likelier = periodicals.with_(win_regional=Fraction(3, 5), n=3)
    out.write(
        "Forum shopping: NAFTA or the WTO, by the precedent a ruling sets (Busch 2007).\n"
        f"  disputes listed: {fs.counts()} (WTO DSnnn or NAFTA file, dated, sourced)\n"
        f"  brooms ({fs.dispute('us_broom_corn_brooms').reference}): Busch "
        f"{fs.dispute('us_broom_corn_brooms').forum}, model {brooms.equilibrium().ruling} "
        "(assumed, not measured: the precedent helps the others, defense > offense)\n"
        f"  periodicals ({fs.dispute('canada_periodicals').reference}): Busch "
        f"{fs.dispute('canada_periodicals').forum}, model {periodicals.equilibrium().ruling} "
        "(assumed: it helps the complainant, offense > defense)\n"
        "  the signs were chosen to match the forum: a reading of the cases, not a test\n"
        f"  regional forum likelier (3/5 v 1/2): the WTO is chosen from "
        f"n = {int(likelier.critical_members().value)} WTO members on (illustrative values)\n")


def _relative_gains(out: TextIO) -> None:
    from .cases import great_powers
    from .models import PowellGains, RelativeGains

    deal = RelativeGains(T=3, R=4, P=2, S=1)
    half = Fraction(1, 2)
    war = PowellGains(T=5, R=4, P=2, S=1, delta=Fraction(3, 4), cost_of_fighting=20)
    out.write(
        "Relative gains among rivals (Grieco 1988; Snidal 1991; Powell 1991).\n"
        f"  Stag Hunt 4 > 3 > 2 > 1: cooperation survives relative-gains weight r <= "
        f"{deal.threshold().exact} (library's derivation (R - T)/(R - S)); at r = 1/2 "
        f"two rivals play a {deal.with_(relative_weight=half).oye_type}, "
        f"three states a {deal.with_(relative_weight=half, n=3).oye_type}\n"
        f"  threshold by number of states n = 2..5: "
        f"{', '.join(str(deal.with_(n=n).threshold().exact) for n in range(2, 6))} "
        f"(Snidal: the impediment weakens with n)\n"
        f"  Powell (stylized), delta 3/4: cooperation needs cost of fighting >= "
        f"{war.critical_cost().exact}; at 20 {war.cooperation_possible}, at 5 "
        f"{war.with_(cost_of_fighting=5).cooperation_possible}; if gains convert into a "
        f"sure victory only half the time (conversion 1/2): "
        f"{war.with_(conversion=half).critical_cost().exact}\n")
    powers = great_powers.count("1950-01-01")
    out.write(
        f"  n = COW count of major powers (v2016): {powers} on 1 Jan 1950 -> r <= "
        f"{deal.with_(n=powers).threshold().exact} (no weight in [0, 1] breaks it); "
        f"Waltz's bipolar n = 2 -> r <= {deal.threshold().exact}\n")


def _rival_clubs(out: TextIO) -> None:
    from .cases import mekong
    from .models import RivalClubs

    game = mekong.rival_clubs([[10, 0], [0, 10]] + [[4, 3]] * 5, facility_cost=[6, 6])
    seen = mekong.profile()
    excl = game.with_(exclusive=True)
    size = RivalClubs([[1, 1]] * 20, facility_cost=16, congestion=1)
    out.write(
        "Rival clubs competing for members (Buchanan 1965; Kuik 2008; library's model).\n"
        f"  LMC founded {mekong.founded('lmc')} (Sanya leaders' meeting "
        f"{mekong.event('sanya_leaders_meeting').date}); MUSP {mekong.founded('musp')} "
        f"(LMI {mekong.founded('lmi')}); in both: {', '.join(mekong.dual_members())}\n"
        f"  Buchanan's optimal size (cost 16, congestion 1): {size.optimal_size()} = sqrt(16); "
        f"cost 36: {size.with_(facility_cost=36).optimal_size()}, congestion 4: "
        f"{size.with_(congestion=4).optimal_size()} (rises with cost, falls with crowding)\n"
        f"  illustrative values: observed profile {seen} an equilibrium: "
        f"{game.is_equilibrium(seen)}; riparian states hedge while the hedging cost is <= "
        f"{game.hedging_threshold('Thailand', seen).exact}; exclusive clubs: "
        f"{excl.sorting(excl.equilibrium())}\n")


def _club_exclusivity(out: TextIO) -> None:
    from .cases import mekong
    from .models import ClubExclusivity, RivalClubs

    game = ClubExclusivity([[5, 2], [3, 3], [2, 5]], facility_cost=3)
    same = game.membership_game() == RivalClubs([[5, 2], [3, 3], [2, 5]], facility_cost=3)
    fora = mekong.club_exclusivity([[6, 4], [6, 3], [5, 5], [4, 5], [4, 6]],
                                   facility_cost=[6, 6], congestion=Fraction(1, 4),
                                   exclusion_cost=1)
    out.write(
        "The value of exclusivity: sponsors choose open or exclusive rules, then states sort "
        "(library's model).\n"
        f"  both open is exactly RivalClubs: {same}; sorting open "
        f"{game.selected_sortings(('open', 'open'))}, A exclusive "
        f"{game.selected_sortings(('exclusive', 'open'))}\n"
        f"  A's value of exclusivity {game.value_of_exclusivity(0)} (backfires); pays iff "
        f"{game.loyalty_threshold(0)};\n  at loyalty 2 and enforcement 1 the rule game is "
        f"chicken: {game.with_(loyalty=2, exclusion_cost=1).rule_equilibria()}\n"
        f"  Mekong (illustrative values; observed: all five in both): exclusivity pays China "
        f"iff {fora.loyalty_threshold(0)}, the U.S. {fora.loyalty_threshold(1)};\n"
        f"  so, under these illustrative values, the observed open rules bound China's "
        f"loyalty by {fora.loyalty_threshold(0).exact}\n")


def _escalation(out: TextIO) -> None:
    from .cases import crises
    from .models import OptimalMediation, PreemptiveWar

    game = PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2, signal_noise=Fraction(1, 10))
    crisis = OptimalMediation(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                              war_cost=Fraction(1, 10))
    out.write(
        "Fear spirals under strategic risk (after Chassang and Padro i Miquel 2010; library's "
        "one-shot\nglobal game) and the optimal mediator (after Horner, Morelli and Squintani "
        "2015).\n"
        f"  peace is an equilibrium with known stakes iff its value >= "
        f"{game.complete_information_threshold()}; under strategic risk the states keep it\n"
        f"  only above {game.threshold()} (risk dominance {game.risk_dominance_threshold()}): "
        f"at value 3/2, {game.war_risk(Fraction(3, 2))}\n"
        f"  war risk: direct talks {crisis.direct_talks().war_probability}, arbitration "
        f"{crisis.arbitration().war_probability}, mediation "
        f"{crisis.mediation().war_probability}\n"
        "  (HMS abstract: mediators 'can be equally effective as arbitrators'; talks cannot)\n")
    out.write(
        f"  cases ({len(crises.EVENTS)} sourced events; illustrations, not a test): Beagle "
        f"Channel award declared null {crises.event('beagle_nullity').date}, papal mediation "
        f"to the treaty of {crises.event('beagle_treaty').date};\n  in the model the award "
        f"is enforced; unenforced, it would be refused with probability "
        f"{crises.unenforced_award_refusal(crisis)} here, while the mediator is obeyed\n")


def _arms_race(out: TextIO) -> None:
    from .models import ArmsRace

    game = ArmsRace(superiority=0, vulnerability=4, cost_low=-1, cost_high=4)
    rare = game.with_(cost_low=Fraction(-1, 20))
    out.write(
        "Arms races and negotiations (after Baliga and Sjostrom 2004; library's payoffs and "
        "uniform\nprivate costs of arming).\n"
        f"  dominant-type probability {game.dominant_probability()}: unique equilibrium without "
        f"talk an arms race\n  with probability {game.arms_race_probabilities()[0]} "
        f"(multiplier effect: {game.multiplier_effect()}); with cheap talk "
        f"{game.cheap_talk().arms_race_probability}\n"
        f"  dominant-type probability {rare.dominant_probability()}: without talk "
        f"{rare.arms_race_probabilities()[0]}, with cheap talk "
        f"{rare.cheap_talk().arms_race_probability}\n"
        "  (abstract: arms race 'with probability one' without talk, 'close to zero' with it)\n")


#: The tour's sections in order: title -> the function that writes the section to a stream.
SECTIONS: dict[str, Callable[[TextIO], None]] = {
    "Payoff structure (Oye)": _oye_payoff_structure,
    "Shadow of the future (Oye)": _shadow_of_the_future,
    "Number of players (Oye, Olson)": _number_of_players,
    "Transparency: imperfect public monitoring (Oye, Green-Porter)": _transparency,
    "Sanctions: cost and credibility (Oye, Farrell-Maskin, van Damme)": _sanctions,
    "Common interests: transaction costs and linkage (Oye, Tollison-Willett)": _common_interests,
    "Nested cores: the G7 inside the G20 (Bendor-Mookherjee, Kahler)": _nested_cores,
    "Reciprocity in sizable groups (Boyd-Richerson)": _sizable_groups,
    "Group size and collective goods (Olson, Chamberlin)": _collective_goods,
    "Diffuse vs specific reciprocity (Keohane, Ruggie)": _reciprocity,
    "Institutions: voting power, vetoes and agreements": _institutions,
    "Crisis off-ramps (correlated equilibrium)": _crisis_off_ramp,
    "Estimating a deterrence game (Signorino)": _deterrence_estimation,
    "Crisis bargaining: war and audience costs (Fearon)": _crisis_bargaining,
    "Breadth against depth, and tipping (Downs-Rocke-Barsoom, Heal-Kunreuther)":
        _breadth_and_depth,
    "Pledge-and-review: from Kyoto to Paris (Harstad, Barrett-Dannenberg)": _pledge_and_review,
    "Formal against informal: duration, escape and legal form (Koremenos, Rosendorff-Milner, "
    "Abbott-Snidal)": _formal_and_informal,
    "Climate clubs: tariffs on outsiders (Nordhaus, Buchanan, Barrett)": _climate_clubs,
    "Legitimacy as information: the Security Council against a coalition (Thompson, "
    "Chapman)": _legitimacy,
    "Regime complexes: outside options, the IMF and the AIIB (Lipscy, Morse-Keohane)":
        _regime_complexes,
    "Forum shopping: NAFTA or the WTO, and the precedent (Busch)": _forum_shopping,
    "Cooperation among rivals: relative gains (Grieco, Snidal, Powell)": _relative_gains,
    "Rival clubs: the Mekong fora, hedging and exclusivity (Buchanan, Kuik)": _rival_clubs,
    "The value of exclusivity: open or exclusive rival clubs (Buchanan, Kuik)":
        _club_exclusivity,
    "Escalation under strategic risk and the optimal mediator (Chassang-Padro i Miquel, "
    "Horner-Morelli-Squintani)": _escalation,
    "Arms races and negotiations (Baliga-Sjostrom)": _arms_race,
}


def run_tour(out: TextIO) -> dict[str, str]:
    """Write the guided tour to ``out``, section by section; return each section's text.

    See Also
    --------
    multilateral.report.write_report : the tour as an HTML report with figures.
    multilateral.cli.main : the command that runs it.

    Examples
    --------
    >>> import io
    >>> import multilateral as ml
    >>> buf = io.StringIO()
    >>> texts = ml.tour.run_tour(buf)
    >>> "Prisoners' Dilemma" in buf.getvalue(), list(texts) == list(ml.tour.SECTIONS)
    (True, True)
    """
    texts = {}
    for k, (title, section) in enumerate(SECTIONS.items(), start=1):
        out.write(f"\n{k}. {title}\n{'-' * (len(title) + 3)}\n")
        buf = io.StringIO()
        section(buf)
        texts[title] = buf.getvalue()
        out.write(texts[title])
        out.flush()
    return texts
