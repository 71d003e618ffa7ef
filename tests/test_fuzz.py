"""Fuzzing the front doors (issue 12): the ``.nfg`` parser and every public constructor of the
games and models.

The contract under test: whatever a hostile user passes, a call either succeeds or raises a
:class:`multilateral.errors.MultilateralError` (which subclasses ValueError or TypeError), never
another exception, and never hangs. Each call runs under a wall-clock deadline (SIGALRM), so a
hang fails the test instead of stalling the suite.

Every failure the fuzzer found is fixed, and its witness is kept in :data:`FIXED`, which
must raise a library error.
"""

from __future__ import annotations

import contextlib
import inspect
import math
import signal
import tempfile
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral.errors import MultilateralError

DATA = Path(__file__).parent / "data"
#: wall-clock budget of one call (a valid call at these sizes takes milliseconds)
DEADLINE = 2.0
#: fewer examples per constructor than the profile's, so that ~60 constructors stay fast;
#: the CI profile (200) gives 50 per constructor
PER_CONSTRUCTOR = max(10, settings.default.max_examples // 4)


class Hang(BaseException):
    """A call ran past :data:`DEADLINE` (a BaseException, so that no ``except Exception`` in
    the code under test swallows it)."""


@contextlib.contextmanager
def deadline(seconds: float = DEADLINE) -> Iterator[None]:
    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)  # and again every 0.25 s after
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(call: Callable[[], Any], seconds: float = DEADLINE) -> Any:
    """Run ``call``; return its result, or None when it raised a MultilateralError. Anything
    else (another exception, a hang) propagates and fails the test."""
    try:
        with deadline(seconds):
            try:
                return call()
            except MultilateralError:
                return None
    except Hang:
        raise AssertionError(f"hangs: no answer after {seconds} s") from None


# -- hostile values ---------------------------------------------------------------------------
ATOMS = (None, math.nan, math.inf, -math.inf, -1, 0, 10**30, -(10**30), 2**63, "x", "", (),
         True, 1e308, -1e308, Fraction(1, 3), Fraction(-7, 2), {"a": 1}, b"\xff", 1j)
NUMBERISH = (None, math.nan, math.inf, -1, 0, 1, 2, 10**30, Fraction(-1, 2), 1e308, "x")
hostile = st.one_of(
    st.sampled_from(ATOMS),
    st.lists(st.sampled_from(NUMBERISH), max_size=4),
    st.lists(st.lists(st.sampled_from(NUMBERISH), max_size=3), max_size=3),
    st.lists(st.sampled_from(NUMBERISH), max_size=3).map(tuple),
    st.just([[1, [2]]]),
)


# -- constructors -----------------------------------------------------------------------------
_WVG = ml.games.WeightedVotingGame
_PD = ml.games.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
#: valid arguments for constructors whose required parameters cannot be guessed from their
#: annotations (the others get ``guess``'s values); the fuzz replaces them one or several at
#: a time by hostile values
BASELINES: dict[str, dict[str, Any]] = {
    "CompositeVotingGame": dict(games=[_WVG([1, 1, 1], 2), _WVG([1, 1, 1], 3)]),
    "RepeatedGame": dict(stage=_PD, delta=Fraction(9, 10)),
    "TUGame": dict(values=[0, 1, 1, 3]),
    "TwoByTwo": dict(row=[[3, 0], [5, 1]], col=[[3, 5], [0, 1]]),
    "CommonInterests": dict(n=3, interests=[[1, 0], [0, 1]]),
    "ConditionalCooperation": dict(n=3, r=2),
    "PublicMonitoring": dict(n=3, r=2),
    "Sanctions": dict(n=3, r=2),
    "CrisisMediation": dict(prize=1, humiliation=Fraction(1, 2), war_cost=2),
    "IndirectReciprocity": dict(norm="stern judging", benefit=2, cost=1),
    "MagicNumber": dict(weights=(Fraction(1, 2), Fraction(1, 3), Fraction(1, 6))),
    "PublicGoodProvision": dict(incomes=[1, 2, 3], a=Fraction(1, 2)),
    "ThresholdReciprocity": dict(n=4, threshold=2),
    "AnonymousGame.from_functions": dict(n=3, cooperator=lambda k: k, defector=lambda k: k + 1),
    "AnonymousGame.public_goods": dict(n=3, r=2),
    "AnonymousGame.threshold": dict(n=3, threshold=2),
    "TUGame.from_function": dict(func=len, n=3),
    "TUGame.from_dict": dict(coalition_values={(0, 1): 1}, n=2),
    "TUGame.glove": dict(n_left=2, n_right=1),
    "TUGame.bankruptcy": dict(estate=10, claims=[3, 5, 7]),
    "TUGame.unanimity": dict(coalition=[0, 1], n=3),
    "TwoByTwo.symmetric": dict(T=5, R=3, P=1, S=0),
    "TwoByTwo.from_game": dict(game=_PD),
    "WeightedVotingGame.unanimity": dict(coalition=[0, 1], n=3),
    "CrisisMediation.from_game": dict(game=ml.games.TwoByTwo.symmetric(T=3, R=2, P=0, S=1)),
    "HeterogeneousForum.from_normal": dict(n=5, mean=0.1, spread=1.0),
    "MagicNumber.from_mapping": dict(weights={"a": Fraction(1, 2), "b": Fraction(1, 2)}),
    "Norm.named": dict(name="stern judging"),
    "Norm.from_table": dict(good=["GC", "BD"]),
    "PublicGoodProvision.identical": dict(n=3, a=Fraction(1, 2)),
    "PublicGoodProvision.from_shares": dict(shares=[Fraction(1, 2), Fraction(1, 2)],
                                            a=Fraction(1, 2)),
    "ExtensiveFormGame": dict(tree=ml.games.extensive.Decision("A", {
        "l": ml.games.extensive.Outcome([1]), "r": ml.games.extensive.Outcome([2])})),
    "ExtensiveFormGame.from_arrays": dict(n_children=[2, 0, 0], player=[0, -1, -1],
                                          payoffs=[[1], [2]]),
    "BreadthDepth": dict(ideals=[1, Fraction(4, 5), Fraction(1, 2), Fraction(1, 5)]),
    "Endorsement": dict(positions=[Fraction(1, 10), Fraction(3, 4), Fraction(4, 5)]),
    "HeterogeneousForum.from_endorsements": dict(
        n=5, gain_probability=Fraction(9, 10),
        universal=ml.models.Endorsement([Fraction(1, 10), Fraction(4, 5)]),
        club=ml.models.Endorsement([Fraction(1, 10), Fraction(1, 5)])),
    "OptimalMediation": dict(hawk_probability=Fraction(3, 4), hawk_advantage=1,
                             war_cost=Fraction(1, 10)),
    "PowellGains": dict(T=5, R=3, P=1, S=0, delta=Fraction(3, 4), cost_of_fighting=20),
    "PreemptiveWar": dict(first_strike=1, war_payoff=-1, exposure=2,
                          signal_noise=Fraction(1, 2)),
    "ArmsRace": dict(superiority=0, vulnerability=4, cost_low=-1, cost_high=4),
    "RivalClubs": dict(club_values=[[4, 4], [4, 4]], facility_cost=2,
                       hedging_cost=Fraction(1, 2)),
    "TippingSet": dict(shares=[Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)],
                       hurdles=[Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]),
    "ForumShopping": dict(ruling_value=2, win_regional=Fraction(1, 2),
                          win_multilateral=Fraction(1, 2), offense=Fraction(1, 10), defense=0,
                          regional_members=3, n=20, cost=Fraction(1, 4),
                          block_cost=Fraction(1, 2)),
    "ClubExclusivity": dict(club_values=[[5, 2], [3, 3], [2, 5]], facility_cost=3,
                            loyalty=[2, 0]),
}
#: positional payoff arrays (``NormalFormGame(*payoffs)``)
POSITIONAL: dict[str, tuple[Any, ...]] = {
    "NormalFormGame": ([[3, 0], [5, 1]], [[3, 5], [0, 1]]),
}
#: classmethods that are not constructors from plain values (need an optional dependency's
#: object)
SKIP = {"NormalFormGame.from_nashpy"}



def _constructors() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module in (ml.games, ml.models):
        for name in module.__all__:
            obj = getattr(module, name)
            if not isinstance(obj, type):
                continue
            found[name] = obj
            for attr, value in vars(obj).items():
                if isinstance(value, classmethod) and not attr.startswith("_"):
                    found[f"{name}.{attr}"] = getattr(obj, attr)
    return {name: f for name, f in found.items() if name not in SKIP}


CONSTRUCTORS = _constructors()


def guess(parameter: inspect.Parameter) -> Any:
    """A plausible value for a parameter without a baseline: its default, or by annotation."""
    if parameter.default is not inspect.Parameter.empty:
        return parameter.default
    annotation = str(parameter.annotation)
    if "int" in annotation and "Number" not in annotation:
        return 3
    if "Sequence" in annotation or "Array" in annotation:
        return [1, 2, 3]
    if "str" in annotation:
        return "a"
    return Fraction(1, 2)


def parameters(name: str) -> tuple[list[str], dict[str, Any]]:
    """The keyword parameters of a constructor and valid (or at least plausible) values."""
    signature = inspect.signature(CONSTRUCTORS[name])
    params = [p for p in signature.parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    base = {p.name: guess(p) for p in params}
    base.update(BASELINES.get(name, {}))
    return [p.name for p in params], base


def call(name: str, kwargs: dict[str, Any], positional: tuple[Any, ...] | None = None,
         seconds: float = DEADLINE) -> Any:
    args = POSITIONAL.get(name, ()) if positional is None else positional
    return outcome(lambda: CONSTRUCTORS[name](*args, **kwargs), seconds)


def test_the_walk_finds_every_constructor():
    # the public classes of games and models, and their alternative constructors
    assert {"NormalFormGame", "TwoByTwo", "AnonymousGame.public_goods", "TUGame.glove",
            "SelfEnforcingAgreement", "ConditionalCooperation", "MagicNumber.from_mapping",
            "ThresholdReciprocity"} <= set(CONSTRUCTORS)
    assert len(CONSTRUCTORS) > 60


@pytest.mark.parametrize("name", sorted(CONSTRUCTORS))
def test_baselines_are_valid(name):
    # the fuzz starts from valid arguments, so that a hostile value reaches deep checks
    _, base = parameters(name)
    args = POSITIONAL.get(name, ())
    CONSTRUCTORS[name](*args, **base)


@pytest.mark.parametrize("name", sorted(CONSTRUCTORS))
def test_each_parameter_against_each_hostile_atom(name):
    # deterministic sweep: one parameter at a time set to each hostile atom
    params, base = parameters(name)
    for param in params:
        for value in ATOMS:
            call(name, {**base, param: value})


@pytest.mark.parametrize("name", sorted(CONSTRUCTORS))
@settings(max_examples=PER_CONSTRUCTOR, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_constructor_fuzz(name, data):
    # random search: any subset of the parameters hostile at once, nested hostile values
    params, base = parameters(name)
    kwargs = dict(base)
    for param in params:
        if data.draw(st.booleans(), label=f"{param} hostile"):
            kwargs[param] = data.draw(hostile, label=param)
    positional = None
    if name in POSITIONAL and data.draw(st.booleans(), label="payoffs hostile"):
        positional = tuple(data.draw(hostile, label=f"payoffs[{i}]")
                           for i in range(len(POSITIONAL[name])))
    call(name, kwargs, positional)


# -- fixed: each found by the fuzzer, fixed in validation (issue 12) --------------------------
FIXED: list[tuple[str, dict[str, Any]]] = [
    # labels that are not a sequence reached tuple() (games/_common.py)
    ("NormalFormGame", {"players": 0}),
    ("TwoByTwo", {"players": math.nan}),
    ("TUGame", {"players": Fraction(1, 3)}),
    ("WeightedVotingGame", {"members": True}),
    ("TUGame.from_function", {"players": 1e308}),
    ("TUGame.from_dict", {"players": -1}),
    # a glove game of 10**6 players built 2**n masks: ValueError / MemoryError / OverflowError
    ("TUGame.glove", {"n_left": 10**6}),
    ("TUGame.glove", {"n_right": 2**63}),
    # unanimity: n = 10**30 OverflowError, members not a sequence TypeError
    ("WeightedVotingGame.unanimity", {"n": 10**30}),
    ("WeightedVotingGame.unanimity", {"n": None, "members": 0}),
    # models
    ("ConditionalCooperation", {"benefits": 0}),
    ("ForumChoice", {"benefits": None}),
    ("ForumChoice", {"members": math.inf}),
    ("MagicNumber", {"labels": 0}),
    ("MagicNumber", {"others": 10**30, "weights": (Fraction(1, 2),)}),
    ("NormScan", {"reputation": "x"}),
    ("NormScan", {"upper": [[1, [2]]]}),
    ("PopulationState", {"frequencies": {"a": 1}}),
    ("ReciprocitySimulation", {"payoffs": ""}),
    ("ReputationSimulation", {"series": "x"}),
    # actions not a sequence: bare TypeError (no len()) in games/normal_form.py
    ("NormalFormGame", {"actions": 0}),
    ("TwoByTwo", {"actions": 0}),
    ("TwoByTwo.symmetric", {"actions": 0}),
    # a non-game: AttributeError (no .shape) in games/two_by_two.py
    ("TwoByTwo.from_game", {"game": None}),
    # non-callable payoff functions, and n = 10**30 hanging (games/anonymous.py)
    ("AnonymousGame.from_functions", {"cooperator": None}),
    ("AnonymousGame.from_functions", {"defector": 0}),
    ("AnonymousGame.from_functions", {"n": 10**30}),
    ("AnonymousGame.public_goods", {"n": 10**30}),
    ("AnonymousGame.prisoners_dilemma", {"n": 10**30}),
    ("AnonymousGame.threshold", {"n": 2**63}),
    # numpy's OverflowError deep inside (models/collective_action/provision.py)
    ("PublicGoodProvision.identical", {"n": 2**63}),
]


@pytest.mark.parametrize("name, change", FIXED, ids=[f"{n}-{'-'.join(c)}" for n, c in FIXED])
def test_fixed_cases_raise_a_library_error(name, change):
    _, base = parameters(name)
    with deadline(), pytest.raises(MultilateralError):
        CONSTRUCTORS[name](*POSITIONAL.get(name, ()), **{**base, **change})


# -- the .nfg parser --------------------------------------------------------------------------
SAMPLES = tuple(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.nfg")))
TOKENS = ("NFG", "1", "R", "D", "{", "}", '"x"', '""', '"a b"', "0", "1", "2", "3", "-1",
          "3/4", "1/0", "0.5", "-2e3", "1e9999", "1e308", ",", "nan", "inf", "-inf", "NaN",
          "99999999999999999999", "2147483648", "\ufeff", '"', "\\", "\n", "{ {", "} }",
          "1.", ".5", "+3", "--1", "1e", "0x10", "\x00")
HEADER = 'NFG 1 R "fuzz" { "A" "B" } { 2 2 } '


def check_parse(text: str) -> None:
    game = outcome(lambda: ml.io.parse_nfg(text))
    if game is not None:  # a valid game: shapes agree, payoffs finite
        assert isinstance(game, ml.games.NormalFormGame)
        payoffs = np.asarray(game.payoffs)
        assert payoffs.shape == (*game.shape, game.n_players)
        assert len(game.players) == game.n_players
        assert all(math.isfinite(float(v)) for v in payoffs.flat)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_nfg_random_text(text):
    check_parse(text)


@given(st.binary(max_size=200))
def test_nfg_random_bytes_from_a_file(data):
    # read_nfg: bytes that may not be UTF-8, byte-order marks, NULs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.nfg"
        path.write_bytes(data)
        game = outcome(lambda: ml.io.read_nfg(path))
        assert game is None or isinstance(game, ml.games.NormalFormGame)


@given(st.booleans(), st.lists(st.sampled_from(TOKENS), max_size=40))
def test_nfg_token_streams(with_header, tokens):
    check_parse((HEADER if with_header else "") + " ".join(tokens))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.lists(st.tuples(
    st.sampled_from(("delete", "insert", "replace", "duplicate")),
    st.integers(0, 10**6), st.integers(0, 40), st.sampled_from(TOKENS)), min_size=1, max_size=4))
def test_nfg_mutated_valid_files(sample, mutations):
    text = sample
    for kind, at, length, token in mutations:
        i = at % (len(text) + 1)
        if kind == "delete":
            text = text[:i] + text[i + length:]
        elif kind == "insert":
            text = text[:i] + f" {token} " + text[i:]
        elif kind == "replace":
            text = text[:i] + token + text[i + 1:]
        else:
            text = text[:i] + text[i:i + length] + text[i:]
    check_parse(text)


@pytest.mark.parametrize("text", [
    "", "NFG", "NFG 1 R", 'NFG 1 R "t" { } { }', 'NFG 1 R "t" { "A" } { 0 }',
    'NFG 1 R "t" { "A" "B" } { 2 2 } 1 2 3 4 5 6 7 1/0',
    'NFG 1 R "t" { "A" "B" } { 99999999999 99999999999 } 1 2',
    'NFG 1 R "t" { "A" "B" } { 2 2 } 1e9999 0 0 0 0 0 0 0',
    'NFG 1 R "t" { "A" "B" } { 2 2 } nan 0 0 0 0 0 0 0',
    '\ufeffNFG 1 R "t" { "A" "B" } { 1 1 } 1 2',
    'NFG 1 R "t" { "A" "B" } { { "x" } { "y" } } "" { { "" 1, 2 } } 2',
    'NFG 1 R "t" { "A" "B" } { { "x" } { "y" } } "" { { "" 1, 2 } } -1',
    'NFG 1 R "t" { "A" "B" } { { "x" } { "y" } } "" { { "" 1 } } 1',
    'NFG 1 R "unterminated',
    "{" * 10000,
    "}" * 10000,
    'NFG 1 R "t" { "A" "B" } { 2 2 }' + " 1" * 100000,
])
def test_nfg_hand_picked(text):
    check_parse(text)
