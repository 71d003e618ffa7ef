"""The claims machinery: :class:`Claim`, :class:`Verdict`, the registry and :func:`verify`.

The theory modules of :mod:`multilateral.claims` state their claims with these and
:func:`register` them; importing :mod:`multilateral.claims` imports every theory module, so
:func:`catalogue` lists them all.

A :class:`Claim` states what a theory says ("provision per member falls with group size"),
where it says it, and over which class of instances (a hypothesis strategy). ``holds`` checks
one instance; ``verify`` searches the class for a counterexample with hypothesis and returns a
:class:`Verdict`. Qualified and unqualified versions of the same claim are separate claims,
so that the library can show, for instance, that the popular unqualified reading of Olson
fails where Chamberlin's qualified one holds. A claim registered in order to be refuted (a
*foil*: the popular, unqualified reading) says so with ``expected="fails"``; its verdict then
reports a counterexample as expected and the absence of one as the surprise.

A search writes nothing to the current directory: no example database (the search is
derandomized, so a verdict is reproducible without one), and hypothesis's own caches go to a
temporary directory removed afterwards. To keep those caches, set the environment variable
``HYPOTHESIS_STORAGE_DIRECTORY`` to a folder of your choice; the search then uses it.

Examples
--------
>>> from hypothesis import strategies as st
>>> import multilateral as ml
>>> even_square = ml.claims.Claim(
...     name="even squares", statement="the square of an even number is even",
...     source="folklore", predicate=lambda k: (2 * k) ** 2 % 2 == 0,
...     domain=lambda: st.integers(),
... )
>>> even_square.verify()
Verdict(even squares: holds on 100 examples)
>>> ml.claims.Claim("odd", "every integer is odd", "nobody", lambda k: k % 2 == 1,
...                 lambda: st.integers()).verify().counterexample
0
>>> ml.claims.Claim("odd", "every integer is odd", "nobody", lambda k: k % 2 == 1,
...                 lambda: st.integers(), expected="fails").verify()
Verdict(odd: fails, as expected, e.g. 0)
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any, Generic, Literal, TypeVar, get_args

import numpy as np
from hypothesis import HealthCheck, configuration, find, settings
from hypothesis.errors import NoSuchExample
from hypothesis.strategies import SearchStrategy

from .._namespace import public_dir
from ..errors import InvalidArgumentError, InvalidTypeError
from ..types import Seed

__all__ = ["REGISTRY", "Claim", "Verdict", "catalogue", "register", "verify"]
__dir__ = public_dir(__all__)


#: The type of a claim's instances (a model, a pair of models, a game ...).
T = TypeVar("T")

#: What the library expects a search of a claim's class to find: no counterexample
#: (``"holds"``, a theory's claim) or one (``"fails"``, a foil stated in order to be refuted).
Expectation = Literal["holds", "fails"]


@dataclass(frozen=True, repr=False)
class Verdict(Generic[T]):
    """The outcome of checking a claim over a class of instances.

    Attributes
    ----------
    claim : str
        The claim's name.
    holds : bool
        True when no counterexample was found.
    counterexample : object or None
        The simplest instance found (hypothesis shrinks it) on which the claim fails.
    examples : int
        How many instances were tried at most.
    expected : {"holds", "fails"}
        The claim's :attr:`Claim.expected`: ``"fails"`` for a foil, a claim the library
        states in order to refute it.

    Notes
    -----
    ``bool(verdict)`` is :attr:`holds`, whatever was expected; :attr:`as_expected` says
    whether the verdict is the one the library expects. The ``repr`` reads "holds",
    "fails, as expected" (a foil refuted), "FAILS" (a claim expected to hold, refuted) or
    "HOLDS ..., expected to fail" (a foil for which the search found no counterexample: too
    few examples, or a foil that is not one).

    See Also
    --------
    Claim.verify, verify : return it.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> import multilateral as ml
    >>> odd = ml.claims.Claim("odd", "every integer is odd", "nobody", lambda k: k % 2 == 1,
    ...                       lambda: st.integers())
    >>> verdict = odd.verify(max_examples=10)
    >>> bool(verdict), verdict.counterexample, verdict.as_expected
    (False, 0, False)
    >>> verdict
    Verdict(odd: FAILS, e.g. 0)
    >>> ml.claims.POWER_PROPORTIONAL_TO_WEIGHT.verify(max_examples=20).as_expected  # a foil
    True
    """

    claim: str
    holds: bool
    counterexample: T | None
    examples: int
    expected: Expectation = "holds"

    def __bool__(self) -> bool:
        return self.holds

    @property
    def as_expected(self) -> bool:
        """Whether the claim held when expected to hold, or failed when expected to fail."""
        return self.holds == (self.expected == "holds")

    def __repr__(self) -> str:
        if self.holds and self.as_expected:
            return f"Verdict({self.claim}: holds on {self.examples} examples)"
        if self.holds:
            return (f"Verdict({self.claim}: HOLDS on {self.examples} examples, "
                    "expected to fail)")
        found = "fails, as expected" if self.as_expected else "FAILS"
        return f"Verdict({self.claim}: {found}, e.g. {self.counterexample!r})"


@dataclass(frozen=True)
class Claim(Generic[T]):
    """A theory's claim: a predicate over instances, with its source and domain.

    Parameters
    ----------
    name : str
        Short identifier.
    statement : str
        The claim in words, as the theory states it.
    source : str
        Where it is stated (author, year, page).
    predicate : callable
        ``predicate(instance) -> bool``: whether the claim holds on one instance.
    domain : callable
        ``domain() -> hypothesis.strategies.SearchStrategy``: the class of instances over
        which the claim is asserted.
    expected : {"holds", "fails"}, optional
        What the library expects :meth:`verify` to find. ``"holds"`` (the default) for a
        theory's claim. ``"fails"`` for a *foil*: a popular, unqualified reading that the
        library registers in order to refute it beside the qualified claim that holds
        (``OLSON_GROUP_SIZE`` beside ``CHAMBERLIN_CROWDING``; ``POWER_PROPORTIONAL_TO_WEIGHT``
        beside ``POWER_MONOTONE_IN_WEIGHT``). Why a flag rather than a negated predicate: the
        claim keeps the words in which it is made, and its counterexample is the evidence
        against it; the flag only tells the checkers (``multilateral claims verify``, the
        tests) which verdict is the library's, so that a refuted foil is no failure and a
        foil that holds is a surprise.

    Raises
    ------
    InvalidArgumentError
        If ``expected`` is neither ``"holds"`` nor ``"fails"``.

    See Also
    --------
    register : adds a claim to the catalogue.
    verify : checks a claim, or a registered claim by name.
    Verdict : the outcome of a check.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> import multilateral as ml
    >>> claim = ml.claims.Claim("even squares", "the square of an even number is even",
    ...                         "folklore", lambda k: (2 * k) ** 2 % 2 == 0, lambda: st.integers())
    >>> claim.holds(3), claim.verify(max_examples=10)
    (True, Verdict(even squares: holds on 10 examples))
    >>> ml.claims.OLSON_GROUP_SIZE.expected  # a foil: the popular reading of Olson
    'fails'
    """

    name: str
    statement: str
    source: str
    predicate: Callable[[T], bool]
    domain: Callable[[], SearchStrategy[T]]
    expected: Expectation = "holds"

    def __post_init__(self) -> None:
        if not isinstance(self.expected, str) or self.expected not in get_args(Expectation):
            raise InvalidArgumentError(
                f"expected must be 'holds' or 'fails' (a foil, stated to be refuted), "
                f"got {self.expected!r}"
            )

    def holds(self, instance: T) -> bool:
        """Whether the claim holds on one instance."""
        return bool(self.predicate(instance))

    def verify(self, domain: SearchStrategy[T] | None = None, *, max_examples: int = 100,
               seed: Seed = None) -> Verdict[T]:
        """Search a class of instances for a counterexample.

        Parameters
        ----------
        domain : hypothesis.strategies.SearchStrategy, optional
            The instances to search (default: the claim's own domain).
        max_examples : int, optional
            How many instances hypothesis tries at most.
        seed : int, numpy.random.Generator or SeedSequence, optional
            Draw the instances from this seed instead of the fixed derandomized sequence:
            another seed tries other instances (the same seed, the same ones).

        Returns
        -------
        Verdict
            Holds, or the simplest counterexample found, with the claim's
            :attr:`expected` outcome. The search is derandomized (or seeded), so the same
            call gives the same verdict.

        Notes
        -----
        Nothing is written to the current directory: no example database, and hypothesis's
        caches go to a temporary directory removed afterwards (or to
        ``HYPOTHESIS_STORAGE_DIRECTORY`` when that environment variable is set).
        """
        if not isinstance(max_examples, int) or isinstance(max_examples, bool) or max_examples < 1:
            raise InvalidArgumentError(f"max_examples must be a positive int, got {max_examples!r}")
        strategy = self.domain() if domain is None else domain
        if not hasattr(strategy, "example"):
            raise InvalidTypeError(
                f"domain must be a hypothesis SearchStrategy, got {type(strategy).__name__}"
            )
        random = None if seed is None else _seeded_random(seed)
        try:
            with _private_storage():
                found = find(
                    strategy,
                    lambda instance: not self.predicate(instance),
                    settings=settings(
                        max_examples=max_examples, database=None, derandomize=random is None,
                        deadline=None, suppress_health_check=list(HealthCheck),
                    ),
                    random=random,
                )
        except NoSuchExample:
            return Verdict(self.name, True, None, max_examples, self.expected)
        return Verdict(self.name, False, found, max_examples, self.expected)


def _seeded_random(seed: Seed) -> Random:
    """The :class:`random.Random` hypothesis draws from for ``seed`` (numpy's seed rules)."""
    try:
        rng = np.random.default_rng(seed)
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            f"seed must be a non-negative int, a numpy Generator or a SeedSequence, got {seed!r}"
        ) from None
    return Random(int(rng.integers(2**63)))


_STORAGE_LOCK = threading.Lock()
_storage_users = 0
_storage_saved: list[Any] = []  # [previous home directory, TemporaryDirectory] while in use


@contextmanager
def _private_storage() -> Iterator[None]:
    """Point hypothesis's storage (its caches of constants and Unicode tables, which it
    otherwise writes to ``./.hypothesis``) at a temporary directory while a search runs, then
    restore the previous home directory and delete the temporary one. Left alone when the
    user chose a folder with ``HYPOTHESIS_STORAGE_DIRECTORY``. Re-entrant and thread-safe:
    the first search in swaps the directory, the last one out restores it."""
    global _storage_users
    if os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        yield
        return
    with _STORAGE_LOCK:
        if _storage_users == 0:
            # the home directory hypothesis would use now (the user's choice, or ./.hypothesis);
            # older hypothesis returns a Path, newer a StorageDirectory with .path
            current: Any = configuration.storage_directory()
            previous = Path(getattr(current, "path", current))
            scratch = tempfile.TemporaryDirectory(prefix="multilateral-hypothesis-")
            configuration.set_hypothesis_home_dir(scratch.name)
            _storage_saved[:] = [previous, scratch]
        _storage_users += 1
    try:
        yield
    finally:
        with _STORAGE_LOCK:
            _storage_users -= 1
            if _storage_users == 0:
                previous, scratch = _storage_saved
                _storage_saved.clear()
                configuration.set_hypothesis_home_dir(previous)
                scratch.cleanup()


#: The library's theory claims by name, filled once when :mod:`multilateral.claims` is
#: imported (each theory module registers its claims at import).
REGISTRY: dict[str, Claim[Any]] = {}  # Any: claims about every kind of instance


def register(claim: Claim[T]) -> Claim[T]:
    """Add a claim to :data:`REGISTRY` (the catalogue of the library's theory claims).

    Parameters
    ----------
    claim : Claim
        The claim; its name must not be registered yet.

    Returns
    -------
    Claim
        The same claim, so that a theory module can write ``NAME = register(Claim(...))``.

    Raises
    ------
    InvalidArgumentError
        If a claim of the same name is already registered (names are unique; a module is
        imported once, so a duplicate is a mistake).
    InvalidTypeError
        If ``claim`` is not a :class:`Claim`.

    See Also
    --------
    Claim : what it registers.
    catalogue : every registered claim.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.claims.register(ml.claims.catalogue()["oye_transparency"])
    Traceback (most recent call last):
        ...
    multilateral.errors.InvalidArgumentError: a claim named 'oye_transparency' is already registered
    """
    if not isinstance(claim, Claim):
        raise InvalidTypeError(f"expected a Claim, got {type(claim).__name__}")
    if claim.name in REGISTRY:
        raise InvalidArgumentError(f"a claim named {claim.name!r} is already registered")
    REGISTRY[claim.name] = claim
    return claim


def verify(claim: Claim[T] | str, strategy: SearchStrategy[T] | None = None, *,
           max_examples: int = 100, seed: Seed = None) -> Verdict[T]:
    """Check a claim (or a registered claim's name) over a class of instances.

    The same as ``claim.verify(strategy, max_examples=..., seed=...)``; ``strategy`` defaults
    to the claim's own domain.

    See Also
    --------
    Claim.verify : the same, as a method.
    catalogue : the registered claims' names.

    Examples
    --------
    >>> import multilateral as ml
    >>> ml.claims.verify("oye_transparency", max_examples=20).holds
    True
    >>> ml.claims.verify("olson_group_size", max_examples=20, seed=7).holds  # other instances
    False
    """
    if isinstance(claim, str):
        known = catalogue()
        if claim not in known:
            raise InvalidArgumentError(
                f"no claim named {claim!r}; registered: {', '.join(sorted(known))}"
            )
        claim = known[claim]
    if not isinstance(claim, Claim):
        raise InvalidTypeError(f"expected a Claim or a claim's name, got {type(claim).__name__}")
    return claim.verify(strategy, max_examples=max_examples, seed=seed)


def catalogue() -> dict[str, Claim[Any]]:  # Any: claims about every kind of instance
    """Every claim the library states, by name (a copy of :data:`REGISTRY`).

    See Also
    --------
    verify : checks one of them by name.
    register : adds a claim.

    Examples
    --------
    >>> import multilateral as ml
    >>> "chamberlin_crowding" in ml.claims.catalogue()
    True
    """
    return dict(REGISTRY)
