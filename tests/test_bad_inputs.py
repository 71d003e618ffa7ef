"""The bad-input catalogue: every bad, extreme or hostile input the library is known to meet,
with the :mod:`multilateral.errors` exception it must raise and words its message must contain.

One row per case, in :data:`CATALOGUE`::

    Bad(id, lambda: <the call>, <input class>, <errors class>, <substring of the message>)

``id`` is short and unique; the lambda makes the call (module-level fixtures below keep it to
one line, which is what the docs page shows); the input class is one of :data:`CLASSES`; the
exception is a class of :mod:`multilateral.errors` (so also a ``ValueError``, ``TypeError``,
``KeyError``, ... where that is what it is) and the message must contain the substring (say
what was wrong and what is expected). Add a case by appending a row at the END of
``CATALOGUE``; the count can only go up.

Run ``python tests/test_bad_inputs.py --write`` to regenerate
``docs/reference/bad_inputs.rst`` (input, class, error) from the catalogue; a test checks
that the page is up to date.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple
from unittest import mock

import pytest

import multilateral as ml
from multilateral import errors, solvers
from multilateral.cases import crises, great_powers
from multilateral.io import parse_nfg

DOCS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "bad_inputs.rst"

#: The input classes (extend with care: the docs group nothing by them, but a typo shows).
CLASSES = (
    "wrong type", "wrong shape", "out of range", "not finite", "overflow", "malformed file",
    "unknown key", "solver failure", "too large", "not identified",
)


class Bad(NamedTuple):
    id: str
    call: Callable[[], object]
    kind: str  # one of CLASSES
    error: type[errors.MultilateralError]
    says: str  # a substring of the message


# -- fixtures the rows use (keep rows one line) ------------------------------------------------
PD = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
CHICKEN = ml.TwoByTwo.symmetric(T=7, R=6, P=0, S=2)
GRIM = ml.automata.grim_trigger()
REPEATED_PD = ml.RepeatedGame(PD, 0.9)
COUNCIL = ml.WeightedVotingGame([2, 1, 1], 3)
NFG_PD = 'NFG 1 R "PD" { "Row" "Column" } { 2 2 } 3 3 5 0 0 5 1 1'
BIG = 1e308
EF = ml.games.extensive
EFG_ENTRY = ('EFG 2 R "Entry" { "E" "I" } ""\np "" 1 1 "" { "out" "in" } 0\nt "" 1 "" { 1, 5 }\n'
             'p "" 2 1 "" { "fight" "share" } 0\nt "" 2 "" { 0, 0 }\nt "" 3 "" { 2, 2 }\n')
EFG_GUESS = ('EFG 2 R "Guess" { "A" } ""\nc "" 1 "" { "H" 1/2 "T" 1/2 } 0\n'
             'p "" 1 1 "" { "h" "t" } 0\nt "" 0\nt "" 0\np "" 1 1 0\nt "" 0\nt "" 0\n')


ZERO_2X2 = ml.NormalFormGame([[0, 0], [0, 0]], [[0, 0], [0, 0]])
COORDINATE = [[[1, 1], [0, 0]], [[0, 0], [1, 1]]]  # both players get 1 when they match


def when_highs_fails(solve: Callable[..., Any], *args: Any) -> Any:
    """Call ``solve(*args)`` with scipy's ``linprog`` reporting HiGHS's "Status 4" failure."""
    failed = SimpleNamespace(status=4, message="HiGHS Status 4: Solve error", x=None)
    with mock.patch("multilateral.solvers.correlated.linprog", return_value=failed):
        return solve(*args)


CATALOGUE: list[Bad] = [
    Bad("critical-discount-one-automaton", lambda: solvers.critical_discount(PD, GRIM),
        "wrong type", errors.InvalidTypeError, "must be a sequence of automata"),
    Bad("subgame-perfect-one-automaton", lambda: solvers.is_subgame_perfect(REPEATED_PD, GRIM),
        "wrong type", errors.InvalidTypeError, "pass [automaton] * 2"),
    Bad("nash-check-one-automaton", lambda: solvers.is_nash_equilibrium(REPEATED_PD, GRIM),
        "wrong type", errors.InvalidTypeError, "must be a sequence of automata"),
    Bad("profile-values-one-automaton", lambda: solvers.profile_values(REPEATED_PD, GRIM),
        "wrong type", errors.InvalidTypeError, "must be a sequence of automata"),
    Bad("profile-values-stage-game", lambda: solvers.profile_values(PD, [GRIM, GRIM]),
        "wrong type", errors.InvalidTypeError, "expected a RepeatedGame"),
    Bad("critical-discount-string-profile", lambda: solvers.critical_discount(PD, "grim"),
        "wrong type", errors.InvalidTypeError, "must be a sequence of automata"),
    Bad("critical-discount-short-profile", lambda: solvers.critical_discount(PD, [GRIM]),
        "wrong shape", errors.InvalidArgumentError, "one Automaton per player (2), got 1"),
    Bad("critical-discount-not-an-automaton",
        lambda: solvers.critical_discount(PD, [GRIM, "tit for tat"]),
        "wrong type", errors.InvalidTypeError, "profile[1] must be an Automaton"),
    Bad("power-index-unknown-member", lambda: solvers.shapley_shubik(COUNCIL)["Germany"],
        "unknown key", errors.UnknownKeyError, "the members are 'P1', 'P2', 'P3'"),
    Bad("nfg-payoff-1e9999", lambda: parse_nfg(NFG_PD.replace("3 3 5", "1e9999 3 5")),
        "overflow", errors.MalformedFileError, "is too large: payoffs must be finite"),
    Bad("nfg-payoff-1e308", lambda: parse_nfg(NFG_PD.replace("3 3 5", "-1e308 3 5")),
        "overflow", errors.MalformedFileError, "|payoff| <= 4.49e+307"),
    Bad("nfg-payoff-inf", lambda: parse_nfg(NFG_PD.replace("3 3 5", "inf 3 5")),
        "not finite", errors.MalformedFileError, "(payoffs must be finite)"),
    Bad("nfg-payoff-nan", lambda: parse_nfg(NFG_PD.replace("3 3 5", "nan 3 5")),
        "not finite", errors.MalformedFileError, "(payoffs must be finite)"),
    Bad("nfg-zero-width-space", lambda: parse_nfg("\u200b" + NFG_PD),
        "malformed file", errors.MalformedFileError, "found '\\u200bNFG'"),
    Bad("nfg-unbalanced-brace", lambda: parse_nfg(NFG_PD.replace("{ 2 2 }", "{ 2 2")),
        "malformed file", errors.MalformedFileError, "this '{' is never closed"),
    Bad("nfg-too-few-payoffs", lambda: parse_nfg(NFG_PD.replace(" 1 1", "")),
        "malformed file", errors.MalformedFileError, "expected 8 payoffs"),
    Bad("nfg-not-text", lambda: parse_nfg(NFG_PD.encode()),
        "wrong type", errors.InvalidTypeError, "expects the file's text"),
    Bad("game-payoffs-1e308", lambda: ml.NormalFormGame([[BIG, -BIG], [0, 1]], [[0, 0], [0, 0]]),
        "overflow", errors.InvalidPayoffsError, "finite in float64 arithmetic"),
    Bad("game-payoffs-10-to-400", lambda: ml.NormalFormGame([[10**400, 0]], [[0, 0]]),
        "overflow", errors.InvalidPayoffsError, "Rescale the payoffs"),
    Bad("game-payoffs-nan", lambda: ml.NormalFormGame([[float("nan"), 0]], [[0, 0]]),
        "not finite", errors.InvalidPayoffsError, "must be finite"),
    Bad("game-payoffs-infinite", lambda: ml.NormalFormGame([[float("inf"), 0]], [[0, 0]]),
        "not finite", errors.InvalidPayoffsError, "must be finite"),
    Bad("correlated-lp-status-4",
        lambda: when_highs_fails(solvers.correlated_equilibrium, CHICKEN),
        "solver failure", errors.SolverError, "numerical difficulties"),
    Bad("nash-vertex-40x40",
        lambda: solvers.nash_equilibria(ml.NormalFormGame([[0] * 40] * 40, [[1] * 40] * 40)),
        "too large", errors.SolverError, "initial_dropped_label=k) for k in 0..79"),
    Bad("nash-vertex-degenerate-13x13",  # degenerate games are enumerated since issue 13
        lambda: solvers.nash_equilibria(ml.NormalFormGame([[0] * 13] * 13, [[0] * 13] * 13),
                                        max_vertices=1000),
        "too large", errors.SolverError, "upper bound theorem"),
    Bad("nash-vertex-qhull-fails",
        lambda: mock.patch("scipy.spatial.ConvexHull",
                           new=mock.Mock(side_effect=ValueError("QH6154")))(solvers.nash_equilibria)(PD),
        "solver failure", errors.SolverError, "qhull failed on this game's best-response polytope"),
    Bad("nash-max-vertices-zero", lambda: solvers.nash_equilibria(PD, max_vertices=0),
        "out of range", errors.InvalidArgumentError, "max_vertices must be a positive integer"),
    Bad("sweep-store-damaged",
        lambda: ml.sweep(lambda x: x, {"x": [1]}, store=(
            lambda p: p.write_bytes(b"multilateral-sweep/2" * 300) and p)(
                Path(__import__("tempfile").mkdtemp()) / "s.sqlite")),
        "malformed file", errors.CorruptStoreError, "multilateral.sweeps.salvage_store("),
    Bad("sweep-target-raises", lambda: ml.sweep(lambda x: 1 // x, {"x": [1, 0]}, store=False),
        "solver failure", errors.SweepTaskError,
        "sweep task 1 (parameters {'x': 0}, seed None) failed: the target raised"),
    # found by tests/test_fuzz.py (issue 12)
    Bad("labels-not-a-sequence", lambda: ml.WeightedVotingGame([1, 1, 1], 2, members=0),
        "wrong type", errors.InvalidTypeError, "members must be a sequence of 3 labels"),
    Bad("tu-players-not-a-sequence", lambda: ml.games.TUGame.from_dict({(0, 1): 1}, 2, players=1.5),
        "wrong type", errors.InvalidTypeError, "players must be a sequence of names"),
    Bad("glove-too-large", lambda: ml.games.TUGame.glove(10**6, 1),
        "too large", errors.InvalidGameError, "a glove game needs 1..20 players"),
    Bad("unanimity-n-too-large", lambda: ml.WeightedVotingGame.unanimity([0, 1], n=10**30),
        "too large", errors.InvalidGameError, "a unanimity game lists every member's weight"),
    Bad("forum-benefits-none", lambda: ml.models.ForumChoice(None),
        "wrong type", errors.InvalidTypeError, "benefits must be a sequence of numbers"),
    Bad("magic-number-others-huge",
        lambda: ml.models.MagicNumber((Fraction(1, 2),), others=10**30),
        "too large", errors.InvalidArgumentError, "others is limited to"),
    Bad("result-record-not-numbers",
        lambda: ml.models.PopulationState(("ALLC",), "x", [1], [1], 1.0),
        "wrong type", errors.InvalidTypeError, "frequencies must be an array of numbers"),
    Bad("nash-vertex-exact-beyond-53-bits",  # was a silent wrong answer in float64
        lambda: solvers.nash_equilibria(ml.NormalFormGame(
            [[2**62] + [0] * 8] + [[r] * 9 for r in range(1, 9)], [[1] * 9] * 9)),
        "overflow", errors.SolverError, "float64 cannot represent it"),
    Bad("tu-bankruptcy-float-overflow",  # numpy overflow warnings came first (fuzzer, CI log)
        lambda: ml.games.TUGame.bankruptcy(1e308, [1e308, 1e308]),
        "overflow", errors.InvalidArgumentError, "overflow float64 when summed"),
    Bad("nash-support-exact-beyond-53-bits",  # was a silent wrong answer in float64
        lambda: solvers.nash_equilibria(ml.NormalFormGame(
            [[2**62, 0], [2**62 + 1, 1]], [[1, 0], [0, 1]]), method="support"),
        "overflow", errors.SolverError, "cannot hold these exact payoffs"),
    # issue 12: float payoffs near 1e308 gave numpy overflow warnings before the error
    Bad("anonymous-public-goods-float-overflow",
        lambda: ml.AnonymousGame.public_goods(3, r=BIG, cost=1e10),
        "overflow", errors.InvalidPayoffsError, "float payoffs must keep gains and welfare finite"),
    Bad("anonymous-prisoners-dilemma-float-overflow",
        lambda: ml.AnonymousGame.prisoners_dilemma(3, benefit=1.7e308, cost=1.0),
        "overflow", errors.InvalidPayoffsError, "float payoffs must keep gains and welfare finite"),
    # issue 12/13: exact roots of a degree-20,000 polynomial would take minutes or more
    Bad("symmetric-equilibria-exact-too-large",
        lambda: solvers.symmetric_equilibria(ml.AnonymousGame.threshold(20_000, 2), exact=True),
        "too large", errors.InvalidArgumentError, "Ask for floats with exact=False"),
    # issue 12: a sweep store of the first format is refused untouched, naming the migration
    Bad("sweep-store-old-format",
        lambda: ml.sweep(lambda x: x, {"x": [1]}, store=(lambda p: (
            __import__("sqlite3").connect(p).executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO "
                "meta VALUES ('format', 'multilateral-sweep/1');").connection.close(), p)[1])(
                    Path(__import__("tempfile").mkdtemp()) / "s.sqlite")),
        "malformed file", errors.InvalidArgumentError, "multilateral.sweeps.migrate_store("),
    # issue 14: data a strategic model does not allow, and specifications it cannot identify
    Bad("egame12-outcome-not-in-the-game",
        lambda: ml.estimation.fit_egame12([0, 1, 3], {"u11": 1, "u24": 1}),
        "out of range", errors.InvalidArgumentError, "which egame12 does not allow"),
    Bad("egame12-outcome-name-not-in-the-game",
        lambda: ml.estimation.fit_egame12(["sq", "peace"], {"u11": 1, "u24": 1}),
        "out of range", errors.InvalidArgumentError, "its outcomes are 0 ('sq')"),
    Bad("egame12-constant-in-every-utility-of-player-1",
        lambda: ml.estimation.fit_egame12([0, 1, 2, 0], {"u11": 1, "u13": 1, "u14": 1}),
        "not identified", errors.NotIdentifiedError, "(Lewis and Schultz 2003)"),
    Bad("egame12-constant-in-a-utility-normalized-to-zero",
        lambda: ml.estimation.fit_egame12([0, 1, 2], {"u11": 1, "u23": 1}),
        "not identified", errors.NotIdentifiedError, "normalized to 0"),
    Bad("egame12-collinear-regressors",
        lambda: ml.estimation.fit_egame12([0, 1, 2, 0], {"u11": [[1, 2], [2, 4], [3, 6], [4, 8]]}),
        "not identified", errors.NotIdentifiedError, "are collinear (rank 1 of 2 columns)"),
    Bad("egame12-outcome-never-observed",
        lambda: ml.estimation.fit_egame12([0, 1, 1, 0], {"u11": 1, "u24": 1}),
        "not identified", errors.NotIdentifiedError, "no observation ends in 'war'"),
    Bad("maximize-likelihood-singular-hessian",
        lambda: ml.estimation.maximize_likelihood(
            lambda t: float((t[0] + t[1] - 1) ** 2), [0.0, 0.0], names=("a", "b"), n_obs=1,
            title="flat"),
        "not identified", errors.NotIdentifiedError, "Hessian of the log-likelihood is singular"),
    Bad("logit-qre-negative-lam", lambda: solvers.logit_qre(PD, -1.0),
        "out of range", errors.InvalidArgumentError, "lam must be >= 0"),
    Bad("logit-qre-infinite-lam", lambda: solvers.logit_qre(PD, float("inf")),
        "out of range", errors.InvalidArgumentError, "lam must be >= 0 and finite"),
    Bad("logit-qre-not-a-game", lambda: solvers.logit_qre([[1, 0], [0, 1]], 1.0),
        "wrong type", errors.InvalidTypeError, "expected a multilateral NormalFormGame"),
    Bad("qre-branch-negative-lam-max", lambda: solvers.qre_branch(PD, lam_max=-1),
        "out of range", errors.InvalidArgumentError, "lam_max must be >= 0"),
    Bad("fit-qre-counts-wrong-shape", lambda: ml.estimation.fit_qre(PD, [[1, 2, 3], [1, 2]]),
        "wrong shape", errors.InvalidArgumentError, "must have 2 entries (one per action)"),
    Bad("fit-qre-negative-counts", lambda: ml.estimation.fit_qre(PD, [[1, -2], [1, 2]]),
        "out of range", errors.InvalidArgumentError, "must be finite and >= 0"),
    Bad("fit-qre-not-a-game", lambda: ml.estimation.fit_qre([[1, 0], [0, 1]], [[1], [1]]),
        "wrong type", errors.InvalidTypeError, "fit_qre needs a multilateral NormalFormGame"),
    Bad("egame12-separation",
        lambda: ml.estimation.fit_egame12([0, 1, 2, 1, 2], {"u11": 1, "u24": [0, 0, 1, 0, 1]}),
        "not identified", errors.NotIdentifiedError, "separation, so the maximum-likelihood"),
    Bad("extensive-infoset-mixes-players",
        lambda: ml.ExtensiveFormGame(EF.Decision("A", {
            "x": EF.Decision("B", {"l": EF.Outcome([0, 0])}, infoset="i"),
            "y": EF.Decision("A", {"l": EF.Outcome([0, 0])}, infoset="i")})),
        "wrong shape", errors.InvalidGameError, "information set 'i' mixes players 'B' and 'A'"),
    Bad("extensive-infoset-mixes-action-counts",
        lambda: ml.ExtensiveFormGame(EF.Decision("A", {
            "x": EF.Decision("B", {"l": EF.Outcome([0, 0])}, infoset="i"),
            "y": EF.Decision("B", {"l": EF.Outcome([0, 0]), "r": EF.Outcome([1, 1])},
                             infoset="i")})),
        "wrong shape", errors.InvalidGameError, "mixes numbers of actions (1 and 2)"),
    Bad("extensive-chance-not-summing-to-one",
        lambda: ml.ExtensiveFormGame(EF.Chance({"h": (Fraction(1, 3), EF.Outcome([1])),
                                                "t": (Fraction(1, 3), EF.Outcome([0]))}),
                                     players=["A"]),
        "out of range", errors.InvalidProbabilityError, "sum to 2/3, not 1"),
    Bad("efg-truncated", lambda: ml.io.parse_efg(EFG_ENTRY[:-12]),
        "malformed file", errors.MalformedFileError, "line 6: expected the outcome's name"),
    Bad("efg-unknown-node", lambda: ml.io.parse_efg(EFG_ENTRY.replace("t ", "x ", 1)),
        "malformed file", errors.MalformedFileError, "expected a node ('p', 'c' or 't')"),
    Bad("efg-chance-not-summing-to-one",
        lambda: ml.io.parse_efg('EFG 2 R "" { "A" } c "" 1 "" { "h" 1/2 "t" 1/3 } 0 t "" 0 t "" 0'),
        "malformed file", errors.MalformedFileError, "sum to 5/6, not 1"),
    Bad("backward-induction-imperfect-information",
        lambda: solvers.backward_induction(ml.io.parse_efg(EFG_GUESS)),
        "wrong shape", errors.InvalidGameError, "backward induction needs perfect information"),
    Bad("war-bargaining-win-probability-above-one",
        lambda: ml.models.WarBargaining(win_probability=1.5, cost_a=1, cost_b_low=0,
                                        cost_b_high=1),
        "out of range", errors.InvalidProbabilityError, "win_probability must be in [0, 1]"),
    Bad("war-bargaining-negative-cost",
        lambda: ml.models.WarBargaining(win_probability=0.5, cost_a=-1, cost_b_low=0,
                                        cost_b_high=1),
        "out of range", errors.InvalidArgumentError, "cost_a must be > 0"),
    Bad("war-bargaining-empty-cost-range",
        lambda: ml.models.WarBargaining(win_probability=0.5, cost_a=1, cost_b_low=2,
                                        cost_b_high=1),
        "out of range", errors.InvalidArgumentError, "empty interval"),
    Bad("audience-costs-prior-zero",
        lambda: ml.models.AudienceCosts(prior=0, audience_cost=1),
        "out of range", errors.InvalidProbabilityError, "prior must be in (0, 1)"),
    Bad("audience-costs-negative-audience-cost",
        lambda: ml.models.AudienceCosts(prior=0.5, audience_cost=-1),
        "out of range", errors.InvalidArgumentError, "audience_cost must be >= 0"),
    Bad("fit-qre-payoffs-basis-flat-across-own-actions",
        lambda: ml.estimation.fit_qre_payoffs(
            ZERO_2X2, {"flat": [[[1, 1], [1, 1]], [[1, 1], [1, 1]]]}, [[0, 0], [1, 1]]),
        "not identified", errors.NotIdentifiedError, "same payoff for all of his own actions"),
    Bad("fit-qre-payoffs-lam-and-free-scale",
        lambda: ml.estimation.fit_qre_payoffs(ZERO_2X2,
                                              {"a": COORDINATE},
                                              [[0, 0], [1, 1]], lam=None),
        "not identified", errors.NotIdentifiedError, "lam and the payoff scale are not"),
    Bad("fit-qre-payoffs-collinear-covariates",
        lambda: ml.estimation.fit_qre_payoffs(ZERO_2X2,
                                              {"a": COORDINATE},
                                              [[0, 0], [1, 1], [0, 1]],
                                              {"a": {"x": [1, 2, 3], "y": [2, 4, 6]}}),
        "not identified", errors.NotIdentifiedError, "are collinear (rank 1 of 2 columns)"),
    Bad("fit-qre-payoffs-choice-not-an-action",
        lambda: ml.estimation.fit_qre_payoffs(ZERO_2X2,
                                              {"a": COORDINATE},
                                              [[0, 2]]),
        "out of range", errors.InvalidArgumentError, "2 is not an action of player"),
    Bad("egame12-logit-with-private-information",
        lambda: ml.estimation.fit_egame12([0, 1, 2, 0], {"u11": 1, "u24": 1}, kind="private",
                                          link="logit"),
        "out of range", errors.InvalidArgumentError, "has no closed form under private"),
    Bad("sequence-form-not-two-players",
        lambda: solvers.extensive.sequence_form_equilibrium(ml.io.parse_efg(EFG_GUESS)),
        "wrong shape", errors.InvalidGameError, "the sequence form needs exactly two players"),
    Bad("sequence-form-imperfect-recall",
        lambda: solvers.extensive.sequence_form(ml.ExtensiveFormGame.from_arrays(
            [2, 2, 2, 0, 0, 0, 0], [0, 0, 0, -1, -1, -1, -1], [[1, 0], [0, 0], [0, 0], [1, 0]],
            infoset=[0, 1, 1, -1, -1, -1, -1])),
        "wrong shape", errors.InvalidGameError, "the game does not have perfect recall"),
    Bad("breadth-depth-ideal-above-one",
        lambda: ml.models.BreadthDepth(ideals=[1, Fraction(3, 2)]),
        "out of range", errors.InvalidArgumentError, "ideals are depths in [0, 1]"),
    Bad("breadth-depth-founders-above-n",
        lambda: ml.models.BreadthDepth(ideals=[1, 0], founders=3),
        "out of range", errors.InvalidArgumentError, "larger than the number of states"),
    Bad("breadth-depth-one-state", lambda: ml.models.BreadthDepth(ideals=[1]),
        "out of range", errors.InvalidArgumentError, "need n >= 2 states"),
    Bad("tipping-shares-not-summing-to-one",
        lambda: ml.models.TippingSet(shares=[Fraction(1, 2), Fraction(1, 3)], hurdles=0),
        "out of range", errors.InvalidArgumentError, "shares must sum to one"),
    Bad("pledge-review-negative-cost",
        lambda: ml.models.PledgeAndReview(n=5, benefit=1, cost=-1, others_weight=0.5),
        "out of range", errors.InvalidArgumentError, "cost must be > 0"),
    Bad("pledge-review-one-country",
        lambda: ml.models.PledgeAndReview(n=1, benefit=1, cost=1, others_weight=0.5),
        "out of range", errors.InvalidArgumentError, "n must be an integer >= 2"),
    Bad("pledge-review-weight-above-one",
        lambda: ml.models.PledgeAndReview(n=5, benefit=1, cost=1, others_weight=2),
        "out of range", errors.InvalidArgumentError, "others_weight must be <= 1"),
    Bad("pledge-review-review-probability",
        lambda: ml.models.PledgeAndReview(n=5, benefit=1, cost=1, others_weight=0.5,
                                          review=1.5),
        "out of range", errors.InvalidProbabilityError, "review must be in [0, 1]"),
    Bad("pledge-review-coalition-larger-than-n",
        lambda: ml.models.PledgeAndReview(n=5, benefit=1, cost=1, others_weight=0.5).pledge(6),
        "out of range", errors.InvalidArgumentError, "coalition size must be in 1..5"),
    Bad("treaty-duration-negative-variance",
        lambda: ml.models.TreatyDuration(uncertainty=-1, risk_aversion=1, renegotiation_cost=1,
                                         shock_probability=0.2, delta=0.9),
        "out of range", errors.InvalidArgumentError, "a variance cannot be negative"),
    Bad("treaty-duration-negative-cost",
        lambda: ml.models.TreatyDuration(uncertainty=1, risk_aversion=1, renegotiation_cost=-1,
                                         shock_probability=0.2, delta=0.9),
        "out of range", errors.InvalidArgumentError, "a cost cannot be negative"),
    Bad("treaty-duration-shock-probability",
        lambda: ml.models.TreatyDuration(uncertainty=1, risk_aversion=1, renegotiation_cost=1,
                                         shock_probability=1.5, delta=0.9),
        "out of range", errors.InvalidProbabilityError, "shock_probability must be in"),
    Bad("legal-form-negative-sovereignty-cost",
        lambda: ml.models.LegalForm(credibility_gain=0, sovereignty_cost=-1, uncertainty=1,
                                    risk_aversion=1, renegotiation_cost=1,
                                    shock_probability=0.2, delta=0.9),
        "out of range", errors.InvalidArgumentError, "sovereignty_cost must be >= 0"),
    Bad("escape-clause-negative-cost",
        lambda: ml.models.EscapeClause(temptation=1, harm=1, agreement_value=1).welfare(-1),
        "out of range", errors.InvalidArgumentError, "escape_cost must be >= 0"),
    Bad("signalling-prior-not-summing-to-one",
        lambda: EF.SignallingGame([Fraction(1, 2), Fraction(1, 3)], [[[0]], [[0]]], [[[0]], [[0]]]),
        "out of range", errors.InvalidProbabilityError, "prior must sum to 1, sums to 5/6"),
    Bad("signalling-negative-prior",
        lambda: EF.SignallingGame([-0.5, 1.5], [[[0]], [[0]]], [[[0]], [[0]]]),
        "out of range", errors.InvalidProbabilityError, "prior[0] must be in [0, 1]"),
    Bad("signalling-not-a-signalling-game",
        lambda: solvers.extensive.perfect_bayesian_equilibria(ml.io.parse_efg(EFG_ENTRY)),
        "wrong shape", errors.InvalidGameError, "not a signalling game: the root is a decision"),
    Bad("signalling-mixed-too-large",
        lambda: solvers.extensive.perfect_bayesian_equilibria(
            EF.SignallingGame([Fraction(1, 3)] * 3, [[[0] * 3] * 3] * 3, [[[0] * 3] * 3] * 3),
            mixed=True),
        "too large", errors.InvalidArgumentError, "more than MIXED_MAX_SUPPORTS"),
    Bad("climate-club-negative-tariff",
        lambda: ml.models.ClimateClub(n=5, benefit=1, cost=1, tariff=-1),
        "out of range", errors.InvalidArgumentError, "tariff must be >= 0"),
    Bad("climate-club-negative-cost",
        lambda: ml.models.ClimateClub(n=5, benefit=1, cost=1, imposing_cost=-1),
        "out of range", errors.InvalidArgumentError, "imposing_cost must be >= 0"),
    Bad("climate-club-trade-shares-not-summing-to-one",
        lambda: ml.models.ClimateClub(n=3, benefit=1, cost=1, trade_shares=[0.5, 0.25, 0.125]),
        "out of range", errors.InvalidArgumentError, "trade_shares must sum to one"),
    Bad("climate-club-coalition-larger-than-n",
        lambda: ml.models.ClimateClub(n=5, benefit=1, cost=1).least_tariff(6),
        "out of range", errors.InvalidArgumentError, "club size must be in 0..5"),
    Bad("escape-clause-negative-breach-premium",
        lambda: ml.models.EscapeClause(temptation=1, harm=1, agreement_value=1,
                                       breach_premium=-1),
        "out of range", errors.InvalidArgumentError, "breach_premium must be >= 0"),
    Bad("outside-options-power-above-one",
        lambda: ml.models.OutsideOptions(power=2, influence=0, outside_cost=0),
        "out of range", errors.InvalidProbabilityError, "power"),
    Bad("outside-options-negative-outside-cost",
        lambda: ml.models.OutsideOptions(power=1, influence=0, outside_cost=-1),
        "out of range", errors.InvalidArgumentError, "outside_cost must be >= 0"),
    Bad("outside-options-negative-growth",
        lambda: ml.models.OutsideOptions(1, 0, 0).renegotiation_time(-1),
        "out of range", errors.InvalidArgumentError, "growth must be >= 0"),
    Bad("relative-gains-weight-above-one",
        lambda: ml.models.RelativeGains(T=3, R=4, P=1, S=0, relative_weight=2),
        "out of range", errors.InvalidProbabilityError, "relative_weight must be in [0, 1]"),
    Bad("relative-gains-one-state",
        lambda: ml.models.relative_gains(PD, Fraction(1, 2), n=1),
        "out of range", errors.InvalidArgumentError, "n must be an integer >= 2"),
    Bad("powell-gains-not-a-prisoners-dilemma",
        lambda: ml.models.PowellGains(T=3, R=4, P=1, S=0, delta=Fraction(1, 2),
                                      cost_of_fighting=1),
        "out of range", errors.InvalidGameError, "must be a Prisoners' Dilemma"),
    Bad("powell-gains-negative-cost-of-fighting",
        lambda: ml.models.PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(1, 2),
                                      cost_of_fighting=-1),
        "out of range", errors.InvalidArgumentError, "cost_of_fighting must be >= 0"),
    Bad("endorsement-position-above-one",
        lambda: ml.models.Endorsement([1.5]),
        "out of range", errors.InvalidArgumentError, "positions[0] must be <= 1"),
    Bad("endorsement-quota-above-members",
        lambda: ml.models.Endorsement([0.5, 0.6], quota=3),
        "out of range", errors.InvalidArgumentError, "quota must be between 1 and the number"),
    Bad("endorsement-veto-not-a-member",
        lambda: ml.models.Endorsement([0.5, 0.6], vetoes=[2]),
        "out of range", errors.InvalidArgumentError, "vetoes must be member indices in 0..1"),
    Bad("rival-clubs-one-state",
        lambda: ml.models.RivalClubs([[1, 1]]),
        "out of range", errors.InvalidArgumentError, "need n >= 2 states"),
    Bad("rival-clubs-values-not-pairs",
        lambda: ml.models.RivalClubs([1, 2, 3]),
        "wrong shape", errors.InvalidArgumentError, "club_values must have shape"),
    Bad("rival-clubs-negative-hedging-cost",
        lambda: ml.models.RivalClubs([[1, 1], [1, 1]], hedging_cost=-1),
        "out of range", errors.InvalidArgumentError, "hedging_cost"),
    Bad("rival-clubs-dual-member-of-exclusive-clubs",
        lambda: ml.models.RivalClubs([[1, 1], [1, 1]], exclusive=True).payoffs((3, 0)),
        "out of range", errors.InvalidArgumentError, "no state may join both"),
    Bad("preemptive-war-no-predatory-gain",
        lambda: ml.models.PreemptiveWar(first_strike=1, war_payoff=2, exposure=3,
                                        signal_noise=1),
        "out of range", errors.InvalidGameError, "attacking a peaceful state must beat war"),
    Bad("preemptive-war-no-preemptive-incentive",
        lambda: ml.models.PreemptiveWar(first_strike=1, war_payoff=-3, exposure=2,
                                        signal_noise=1),
        "out of range", errors.InvalidGameError, "war must beat being attacked at peace"),
    Bad("preemptive-war-uninformative-noise",
        lambda: ml.models.PreemptiveWar(first_strike=1, war_payoff=-1, exposure=2,
                                        signal_noise=0),
        "out of range", errors.InvalidArgumentError, "signal_noise must be > 0"),
    Bad("optimal-mediation-hawk-probability-zero",
        lambda: ml.models.OptimalMediation(hawk_probability=0, hawk_advantage=1,
                                           war_cost=Fraction(1, 10)),
        "out of range", errors.InvalidProbabilityError, "hawk_probability must be in (0, 1)"),
    Bad("optimal-mediation-no-hawk-advantage",
        lambda: ml.models.OptimalMediation(hawk_probability=Fraction(1, 2),
                                           hawk_advantage=Fraction(1, 2),
                                           war_cost=Fraction(1, 10)),
        "out of range", errors.InvalidArgumentError, "hawk_advantage must exceed 1/2"),
    Bad("optimal-mediation-costless-war",
        lambda: ml.models.OptimalMediation(hawk_probability=Fraction(1, 2), hawk_advantage=1,
                                           war_cost=0),
        "out of range", errors.InvalidArgumentError, "war_cost must be > 0"),
    Bad("crisis-event-unknown-name", lambda: crises.event("camp_davis"),
        "unknown key", errors.InvalidArgumentError, "no crisis event named 'camp_davis'"),
    Bad("crisis-episode-unknown", lambda: crises.episode("falklands"),
        "unknown key", errors.InvalidArgumentError, "no crisis named 'falklands'"),
    Bad("unenforced-award-not-a-model",
        lambda: crises.unenforced_award_refusal("beagle"),
        "wrong type", errors.InvalidTypeError, "model must be an OptimalMediation"),
    Bad("forum-shopping-win-probability-above-one",
        lambda: ml.models.ForumShopping(2, Fraction(3, 2), 1, 0, 0, regional_members=3, n=10),
        "out of range", errors.InvalidProbabilityError, "win_regional"),
    Bad("forum-shopping-fewer-wto-than-regional-members",
        lambda: ml.models.ForumShopping(2, 1, 1, 0, 0, regional_members=3, n=2),
        "out of range", errors.InvalidArgumentError, "at least regional_members"),
    Bad("forum-shopping-negative-block-cost",
        lambda: ml.models.ForumShopping(2, 1, 1, 0, 0, regional_members=3, n=10,
                                        block_cost=-1),
        "out of range", errors.InvalidArgumentError, "block_cost must be >= 0"),
    Bad("forum-shopping-unknown-forum",
        lambda: ml.models.ForumShopping(2, 1, 1, 0, 0, 3, 10).value("ICJ"),
        "unknown key", errors.InvalidArgumentError, "forum must be one of"),
    Bad("club-exclusivity-negative-loyalty",
        lambda: ml.models.ClubExclusivity([[1, 1], [1, 1]], loyalty=-1),
        "out of range", errors.InvalidArgumentError, "loyalty must be >= 0"),
    Bad("club-exclusivity-unknown-rule",
        lambda: ml.models.ClubExclusivity([[1, 1], [1, 1]]).sponsor_values(("open", "closed")),
        "out of range", errors.InvalidArgumentError, "a pair of 'open' or 'exclusive'"),
    Bad("club-exclusivity-three-fees",
        lambda: ml.models.ClubExclusivity([[1, 1], [1, 1]], fee=[1, 2, 3]),
        "wrong shape", errors.InvalidArgumentError, "one number, or one per club"),
    Bad("arms-race-not-complements",
        lambda: ml.models.ArmsRace(superiority=2, vulnerability=1, cost_low=0, cost_high=1),
        "out of range", errors.InvalidGameError, "arming must matter more when the rival arms"),
    Bad("arms-race-empty-cost-support",
        lambda: ml.models.ArmsRace(superiority=0, vulnerability=1, cost_low=1, cost_high=1),
        "out of range", errors.InvalidArgumentError, "cost_high must be > cost_low"),
    Bad("arms-race-negative-superiority",
        lambda: ml.models.ArmsRace(superiority=-1, vulnerability=1, cost_low=0, cost_high=1),
        "out of range", errors.InvalidArgumentError, "superiority must be >= 0"),
    Bad("powell-gains-conversion-above-one",
        lambda: ml.models.PowellGains(T=5, R=3, P=1, S=0, delta=Fraction(1, 2),
                                      cost_of_fighting=1, conversion=2),
        "out of range", errors.InvalidProbabilityError, "conversion must be in [0, 1]"),
    Bad("great-powers-before-cow-coverage", lambda: great_powers.count("1815-06-18"),
        "out of range", errors.InvalidArgumentError, "outside the COW v2016 list"),
    Bad("great-powers-date-not-iso", lambda: great_powers.count("18 June 1815"),
        "wrong type", errors.InvalidArgumentError, "ISO date 'YYYY-MM-DD'"),
    Bad("great-powers-unknown-state", lambda: great_powers.spells("Soviet Union"),
        "unknown key", errors.InvalidArgumentError, "no major power named 'Soviet Union'"),
    Bad("great-powers-unknown-spell", lambda: great_powers.spell("china_1949"),
        "unknown key", errors.InvalidArgumentError, "no major-power spell named 'china_1949'"),
    Bad("great-powers-fractional-year", lambda: great_powers.counts([1900.5]),
        "wrong type", errors.InvalidArgumentError, "years must be integers"),
    Bad("great-powers-no-such-day", lambda: great_powers.counts([1900], month=2, day=29),
        "out of range", errors.InvalidArgumentError, "is not a day"),
    Bad("club-exclusivity-unknown-rival-rule",
        lambda: ml.models.ClubExclusivity([[1, 1], [1, 1]]).value_of_exclusivity(0, "closed"),
        "unknown key", errors.InvalidArgumentError, "rival_rule: the rival sponsor's rule"),
    Bad("club-exclusivity-fractional-state",
        lambda: ml.models.ClubExclusivity([[1, 1], [1, 1]]).dual_membership_bound(1.5),
        "out of range", errors.InvalidArgumentError, "state: an index"),
    Bad("asymmetric-agreement-cost-per-type", lambda: ml.models.AsymmetricAgreement([1, 2], [1]),
        "wrong shape", errors.InvalidArgumentError, "cost needs one value per type (2"),
    Bad("asymmetric-agreement-count-too-large",
        lambda: ml.models.AsymmetricAgreement([1], [1], multiplicity=[3]).check((4,)),
        "out of range", errors.InvalidArgumentError, "a coalition holds 0..3 of them"),
    Bad("asymmetric-agreement-too-many-coalitions",
        lambda: ml.models.AsymmetricAgreement([1.0] * 24, [1.0] * 24).table(),
        "too large", errors.InvalidArgumentError, "group identical countries into types"),
    Bad("asymmetric-agreement-float-overflow",
        lambda: ml.models.AsymmetricAgreement([1e200, 1.0], [1e-200, 1.0]).table(),
        "overflow", errors.InvalidArgumentError, "the payoffs overflow float64 arithmetic"),
    Bad("to-latex-huge-game",
        lambda: ml.NormalFormGame([[0] * 200] * 200, [[0] * 200] * 200).to_latex(),
        "too large", errors.InvalidArgumentError, "this game has 40000 profiles"),
    # issue 17: a dict where a sequence of numbers is expected was read by its keys, silently
    Bad("conditional-cooperation-benefits-dict",
        lambda: ml.models.ConditionalCooperation(n=2, r=3, benefits={1: 5, 2: 3}),
        "wrong type", errors.InvalidTypeError, "would read its keys [1, 2], not its values"),
    Bad("forum-benefits-dict", lambda: ml.models.ForumChoice({0: 5, 1: 3}),
        "wrong type", errors.InvalidTypeError, "would read its keys [0, 1], not its values"),
    Bad("forum-weights-dict", lambda: ml.models.ForumChoice([1, 2], weights={1: 5, 0: 3}),
        "wrong type", errors.InvalidTypeError, "weights must be a sequence of numbers"),
    Bad("asymmetric-agreement-benefit-dict",
        lambda: ml.models.AsymmetricAgreement({1: 5, 2: 3}, [1, 1]),
        "wrong type", errors.InvalidTypeError, "pass the values in order (list(d.values()))"),
    Bad("endorsement-positions-dict", lambda: ml.models.Endorsement({0: 0.2, 1: 0.8}),
        "wrong type", errors.InvalidTypeError, "positions must be a sequence of numbers"),
    Bad("common-interests-prevalence-dict",
        lambda: ml.models.CommonInterests(3, [[1, 2], [2, 1]], prevalence={0: 0.5, 1: 0.5}),
        "wrong type", errors.InvalidTypeError, "prevalence must be a sequence of probabilities"),
    Bad("common-interests-type-dict",
        lambda: ml.models.CommonInterests(3, [{0: 1, 1: 2}, [2, 1]]),
        "wrong type", errors.InvalidTypeError, "would read its keys [0, 1]"),
    Bad("climate-club-trade-shares-dict",
        lambda: ml.models.ClimateClub(n=2, benefit=1, cost=1, trade_shares={0: 0.5, 1: 0.5}),
        "wrong type", errors.InvalidTypeError, "trade_shares must be a sequence of 2 numbers"),
    Bad("self-enforcing-agreement-benefit-dict",
        lambda: ml.models.SelfEnforcingAgreement(n=2, benefit={0: 5, 1: 3}, cost=1),
        "wrong type", errors.InvalidTypeError, "would read its keys [0, 1]"),
    Bad("provision-incomes-dict", lambda: ml.models.PublicGoodProvision({"US": 3, "China": 2}),
        "wrong type", errors.InvalidTypeError, "would read its keys ['US', 'China']"),
    Bad("coleman-not-a-game", lambda: solvers.coleman([2, 1, 1]),
        "wrong type", errors.InvalidTypeError, "expected a simple game"),
    Bad("coleman-exact-not-a-bool", lambda: solvers.coleman(COUNCIL, exact="yes"),
        "wrong type", errors.InvalidTypeError, "exact must be True, False or None"),
    Bad("coleman-composite-too-large",
        lambda: solvers.coleman(ml.games.intersection(
            ml.WeightedVotingGame(range(1, 41), 400), ml.WeightedVotingGame(range(40, 0, -1), 99))),
        "too large", errors.InvalidArgumentError, "supports at most 25 members"),
    Bad("claim-expected-not-holds-or-fails",
        lambda: ml.claims.Claim("c", "x", "y", bool, lambda: None, expected="fail"),
        "unknown key", errors.InvalidArgumentError, "expected must be 'holds' or 'fails'"),
    # issue 17: a curve along one parameter reads a sweep's (or a table's) columns
    Bad("parameter-curve-two-rows-per-value",
        lambda: ml.plot.parameter_curve({"x": [1, 1], "y": [2, 3]}, "x", "y"),
        "wrong shape", errors.InvalidArgumentError, "one row per value of x, found 2 at x = 1"),
    Bad("parameter-curve-conclusion-not-finite",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y": [1.0, 2.0], "c": [0, float("nan")]},
                                        "x", "y", conclusion="c"),
        "not finite", errors.InvalidArgumentError, "c is nan at x = 2: a conclusion must be"),
    Bad("parameter-curve-exact-text-column",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y_exact": ["1/2", "1/3"]}, "x", "y_exact"),
        "wrong type", errors.InvalidTypeError, "draw 'y', its float column"),
    Bad("parameter-curve-unknown-column",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y": [3, 4]}, "x", "z"),
        "unknown key", errors.InvalidArgumentError, "'z' is not in the table; it has ['x', 'y']"),
    Bad("parameter-curve-styles-name-nothing-drawn",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y": [3, 4]}, "x", "y",
                                        styles={"z": {"color": "k"}}),
        "unknown key", errors.InvalidArgumentError,
        "styles name 'z', which is not drawn: the outputs are ['y']"),
    Bad("parameter-curve-styles-unknown-property",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y": [3, 4]}, "x", "y",
                                        styles={"y": {"colour": "k"}}),
        "unknown key", errors.InvalidArgumentError, "not a property of matplotlib lines"),
    Bad("parameter-curve-styles-not-a-mapping",
        lambda: ml.plot.parameter_curve({"x": [1, 2], "y": [3, 4]}, "x", "y", styles={"y": ":"}),
        "wrong type", errors.InvalidTypeError, "must be a mapping of line properties"),
    Bad("parameter-curve-conclusion-differs-between-lines",
        lambda: ml.plot.parameter_curve({"x": [1, 1], "n": [2, 3], "y": [0, 1], "c": [0, 1]},
                                        "x", "y", lines="n", conclusion="c"),
        "wrong shape", errors.InvalidArgumentError, "one conclusion per value"),
]

# -- the test --------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CATALOGUE, ids=[case.id for case in CATALOGUE])
def test_bad_input_raises_a_clear_library_error(case: Bad) -> None:
    with pytest.raises(errors.MultilateralError) as info:
        case.call()
    assert type(info.value) is case.error, (
        f"{case.id}: expected {case.error.__name__}, got {type(info.value).__name__}: "
        f"{info.value}")
    assert case.says in str(info.value), f"{case.id}: {case.says!r} not in {info.value}"


def test_catalogue_is_well_formed() -> None:
    ids = [case.id for case in CATALOGUE]
    assert len(ids) == len(set(ids)), "an id appears twice"
    for case in CATALOGUE:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", case.id), case.id
        assert case.kind in CLASSES, f"{case.id}: unknown input class {case.kind!r}"
        assert getattr(errors, case.error.__name__, None) is case.error, case.id
        assert case.says.strip(), case.id
    assert len(_inputs()) == len(CATALOGUE)


# -- the docs page ---------------------------------------------------------------------------
def _inputs() -> list[str]:
    """Each row's call as written in this file (the lambda's body), in catalogue order."""
    source = Path(__file__).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and node.target.id == "CATALOGUE" and isinstance(node.value, ast.List)):
            out = []
            for row in node.value.elts:
                assert isinstance(row, ast.Call) and isinstance(row.args[1], ast.Lambda)
                text = ast.get_source_segment(source, row.args[1].body) or ""
                # a call broken over lines reads as one line: no space after "(" or before ")"
                joined = " ".join(text.split())
                out.append(re.sub(r"\( ", "(", re.sub(r" \)", ")", joined)))
            return out
    raise AssertionError("CATALOGUE is not a plain list literal")  # pragma: no cover


def _literal(text: str) -> str:
    """``text`` as an inline literal in a table cell, escapes shown as written."""
    return "``" + text.replace("`", "'") + "``"


def _rows() -> Iterator[tuple[str, ...]]:
    for case, call in zip(CATALOGUE, _inputs(), strict=True):
        yield (_literal(call), case.kind,
               f":class:`~multilateral.errors.{case.error.__name__}`: {_literal(case.says)}")


def render() -> str:
    """The docs page, generated from the catalogue."""
    lines = [
        ".. This page is generated from tests/test_bad_inputs.py by",
        "   `python tests/test_bad_inputs.py --write`; tests/test_bad_inputs.py checks it.",
        "",
        "Bad inputs and their errors",
        "===========================",
        "",
        "Every bad, extreme or hostile input the library is known to meet, and the error it",
        "raises: always a class of :mod:`multilateral.errors` (also a ``ValueError``,",
        "``TypeError`` or ``KeyError`` where that is what it is) whose message says what was",
        "wrong and what is expected. The test suite runs every row; the error column gives the",
        f"class and words the message contains. {len(CATALOGUE)} cases. The fixtures (``PD``,",
        "``GRIM``, ``NFG_PD``, ...) are defined at the top of ``tests/test_bad_inputs.py``.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 50 12 38",
        "",
        "   * - input",
        "     - class",
        "     - error",
    ]
    for call, kind, error in _rows():
        lines += [f"   * - {call}", f"     - {kind}", f"     - {error}"]
    return "\n".join(lines) + "\n"


def test_docs_page_matches_the_catalogue() -> None:
    assert DOCS_PAGE.read_text(encoding="utf-8") == render(), (
        "docs/reference/bad_inputs.rst is out of date: run python tests/test_bad_inputs.py "
        "--write")


def test_docs_page_is_linked() -> None:
    text = (DOCS_PAGE.parent / "index.rst").read_text(encoding="utf-8")
    assert re.search(r"^\s+bad_inputs$", text, re.MULTILINE), "not in the reference toctree"


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if "--write" in sys.argv:
        DOCS_PAGE.write_text(render(), encoding="utf-8")
        print(f"wrote {DOCS_PAGE}")
