"""Agent-based simulations of reciprocity: reputations under a norm, and specific against
diffuse reciprocity in a population of states.

:func:`simulate_reputation` runs indirect reciprocity (public or private assessment) in a
finite population, vectorized over the members; :func:`simulate_reciprocity` runs tit for tat
and balance in random groups, vectorized over replicates and members. Both check the
analytic models (:class:`IndirectReciprocity`, :class:`Reciprocity`) they simulate.

References
----------
.. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
   in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
.. [2] Keohane, R. O. (1986). Reciprocity in international relations. *International
   Organization* 40(1), 1-27, pp. 4-8.

Examples
--------
>>> import multilateral as ml
>>> run = ml.models.simulate_reputation("L1", {"DISC": 50}, rounds=200, seed=0)
>>> run.strategies, run.counts
(('DISC',), (50,))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from ..._namespace import public_dir
from ..._numeric import readonly
from ..._validation import check_positive_int, check_probability, check_real
from ...errors import InvalidArgumentError, InvalidTypeError
from ...tolerances import NEGLIGIBLE_WEIGHT
from ...types import Number, Seed
from .dynamics import check_private
from .norms import ACTION_BITS, ASSESSMENT_BITS, Norm, action_rule, as_norm, rule_label

if TYPE_CHECKING:
    from .nowak import Reciprocity

__all__ = [
    "ReciprocitySimulation",
    "ReputationSimulation",
    "simulate_reciprocity",
    "simulate_reputation",
]
__dir__ = public_dir(__all__)

Assessment = Literal["public", "private"]

# Batches of the batch-means standard error of a reputation series.
_BATCHES = 20


@dataclass(frozen=True, repr=False, eq=False)
class ReputationSimulation:
    """An agent-based run of the reputation model.

    Attributes
    ----------
    strategies : tuple of str
        The action rules present.
    counts : tuple of int
        How many members follow each.
    reputations : numpy.ndarray
        Mean fraction of good images of each strategy after the burn-in (private: the mean
        fraction of observers who see its members as good).
    payoffs : numpy.ndarray
        Mean payoff per member and round of each strategy after the burn-in.
    cooperation : float
        Fraction of donations made after the burn-in.
    series : numpy.ndarray
        The fraction of good images in every round.
    standard_error : float
        Standard error of the overall mean reputation (batch means over 20 batches; ``inf``
        when a single round is kept).

    See Also
    --------
    simulate_reputation : what returns it.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics
       in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120, pp. 110-114.

    Examples
    --------
    >>> import multilateral as ml
    >>> run = ml.models.simulate_reputation("L1", {"DISC": 20}, rounds=50, seed=0)
    >>> run.series.shape
    (50,)
    """

    strategies: tuple[str, ...]
    counts: tuple[int, ...]
    reputations: NDArray[np.float64]
    payoffs: NDArray[np.float64]
    cooperation: float
    series: NDArray[np.float64]
    standard_error: float

    def __post_init__(self) -> None:
        for name in ("reputations", "payoffs", "series"):
            object.__setattr__(self, name, readonly(getattr(self, name), name=name))

    @property
    def reputation(self) -> float:
        """The population's mean fraction of good images after the burn-in.

        See Also
        --------
        IndirectReciprocity.reputation : the analytical value it estimates.
        """
        w = np.asarray(self.counts, dtype=float)
        return float(w @ self.reputations / w.sum())

    def __repr__(self) -> str:
        rows = ", ".join(f"{s} x{k}: g={g:.4f} pay={f:.4g}" for s, k, g, f in zip(
            self.strategies, self.counts, self.reputations, self.payoffs, strict=True))
        return f"ReputationSimulation({rows}; cooperation={self.cooperation:.4f})"


def _counts(strategies: object, allowed: tuple[str, ...] | None = None
            ) -> tuple[list[str | int], list[int]]:
    if not isinstance(strategies, Mapping) or not strategies:
        raise InvalidTypeError("strategies must be a non-empty mapping from strategy to count, "
                               f"e.g. {{'DISC': 99, 'ALLD': 1}}, got {strategies!r}")
    keys = list(strategies.keys())
    counts = [check_positive_int(v, f"count of {k!r}", 1) for k, v in strategies.items()]
    if allowed is not None:
        for k in keys:
            if k not in allowed:
                raise InvalidArgumentError(f"unknown strategy {k!r}; known: "
                                           f"{', '.join(allowed)}")
    return keys, counts


def simulate_reputation(norm: Norm | str | tuple[int, int], strategies: Mapping[str | int, int], *,
                        benefit: Number = 2, cost: Number = 1, noise: Number = 0.01,
                        assessment_error: Number = 0.01, knowledge: Number = 1,
                        assessment: Assessment = "public", rounds: int = 2000,
                        burn_in: int | None = None, observation: float = 1.0,
                        seed: Seed = None) -> ReputationSimulation:
    """Simulate indirect reciprocity in a finite population, vectorized over the population.

    Every round each member donates once to a uniformly random other member. With probability
    ``knowledge`` it knows the recipient's image (otherwise acts as towards a good one); an
    intended cooperation fails with probability ``noise``. Public assessment: one image per
    member, reassigned after each of its actions by the norm, wrong with probability
    ``assessment_error``; all images are updated together at the end of the round. Private
    assessment: every member keeps a view of every other (a ``Z x Z`` array); each observer,
    with probability ``observation``, reassesses each donor with its own view of the
    recipient, wrong with probability ``assessment_error``. Everyone starts good.

    Parameters
    ----------
    norm : Norm or str
        The assessment rule (its action rule is ignored: ``strategies`` gives the actions).
    strategies : mapping
        ``{action rule: count}``, e.g. ``{"DISC": 190, "ALLD": 10}`` (names or integers;
        counts >= 1).
    benefit, cost, noise, assessment_error, knowledge : number
        As in :class:`IndirectReciprocity`.
    assessment : {"public", "private"}
    rounds : int, default 2000
    burn_in : int, optional
        Rounds discarded before averaging (default ``rounds // 5``).
    observation : float, default 1
        Private assessment only: probability that an observer sees a given interaction.
        Small values make different observers' views independent, as the analytic model
        assumes.
    seed : int, numpy.random.Generator or SeedSequence, optional

    Returns
    -------
    ReputationSimulation

    See Also
    --------
    IndirectReciprocity : the infinite-population model it checks.
    IndirectReciprocity.simulate : the same, from a model.

    References
    ----------
    .. [1] Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation
       dynamics in indirect reciprocity. *Journal of Theoretical Biology* 231, 107-120.
    .. [2] Radzvilavicius, A. L., Stewart, A. J. and Plotkin, J. B. (2019). Evolution of
       empathetic moral evaluation. *eLife* 8, e44269.

    Examples
    --------
    >>> import multilateral as ml
    >>> run = ml.models.simulate_reputation("stern judging", {"DISC": 300}, rounds=1000, seed=1)
    >>> model = ml.models.IndirectReciprocity("stern judging", benefit=2, cost=1)
    >>> abs(run.reputation - model.reputation()) < 0.01
    True
    """
    nm = as_norm(norm)
    keys, counts = _counts(strategies)
    rules = [action_rule(k) for k in keys]
    labels = tuple(k if isinstance(k, str) else rule_label(int(k)) for k in keys)
    z = sum(counts)
    if z < 2:
        raise InvalidArgumentError(f"the population needs at least 2 members, got {z}")
    bf = float(check_real(benefit, "benefit", low=0, open_low=True))
    cf = float(check_real(cost, "cost", low=0, open_low=True))
    ef = check_probability(noise, "noise")
    muf = check_probability(assessment_error, "assessment_error")
    qf = check_probability(knowledge, "knowledge")
    obs = check_probability(observation, "observation")
    rounds = check_positive_int(rounds, "rounds", 1)
    burn = rounds // 5 if burn_in is None else check_positive_int(burn_in, "burn_in", 0)
    if burn >= rounds:
        raise InvalidArgumentError(f"burn_in ({burn}) must be less than rounds ({rounds})")
    if assessment not in ("public", "private"):
        raise InvalidArgumentError(f"assessment must be 'public' or 'private', got "
                                   f"{assessment!r}")
    if assessment == "private":
        check_private(nm.assessment, rules)
    rng = np.random.default_rng(seed)
    strat = np.repeat(np.arange(len(rules)), counts)
    table_p = ACTION_BITS[rules].astype(bool)                           # (k, X, Y)
    table_d = ASSESSMENT_BITS[nm.assessment].astype(bool)               # (X, Y, A)
    idx = np.arange(z)
    k = len(rules)
    good_sum = np.zeros(k)
    pay_sum = np.zeros(k)
    coop_sum = 0.0
    series = np.empty(rounds)
    kept = rounds - burn
    per_round = np.empty(kept)
    if assessment == "public":
        rep = np.ones(z, dtype=bool)
        for t in range(rounds):
            rec = (idx + rng.integers(1, z, size=z)) % z
            informed = rng.random(z) < qf
            seen = np.where(informed, rep[rec], True)
            act = table_p[strat, rep.astype(int), seen.astype(int)] & (rng.random(z) >= ef)
            new = table_d[rep.astype(int), rep[rec].astype(int), act.astype(int)]
            rep = new ^ (rng.random(z) < muf)
            series[t] = rep.mean()
            if t >= burn:
                per_round[t - burn] = series[t]
                good_sum += np.bincount(strat, weights=rep, minlength=k)
                pay = np.bincount(rec, weights=act * bf, minlength=z) - act * cf
                pay_sum += np.bincount(strat, weights=pay, minlength=k)
                coop_sum += act.mean()
    else:
        views = np.ones((z, z), dtype=bool)                             # views[o, i]
        table_d2 = table_d[1]                                           # (Y, A)
        for t in range(rounds):
            rec = (idx + rng.integers(1, z, size=z)) % z
            informed = rng.random(z) < qf
            seen = np.where(informed, views[idx, rec], True)
            act = table_p[strat, 1, seen.astype(int)] & (rng.random(z) >= ef)
            new = table_d2[views[:, rec].astype(int), act.astype(int)[None, :]]
            new ^= rng.random((z, z)) < muf
            views = np.where(rng.random((z, z)) < obs, new, views) if obs < 1 else new
            series[t] = views.mean()
            if t >= burn:
                per_round[t - burn] = series[t]
                good_sum += np.bincount(strat, weights=views.mean(axis=0), minlength=k)
                pay = np.bincount(rec, weights=act * bf, minlength=z) - act * cf
                pay_sum += np.bincount(strat, weights=pay, minlength=k)
                coop_sum += act.mean()
    cnt = np.asarray(counts, dtype=float)
    reps = good_sum / (cnt * kept)
    pays = pay_sum / (cnt * kept)
    batches = np.array_split(per_round, min(_BATCHES, kept))
    means = np.array([bt.mean() for bt in batches])
    se = float(means.std(ddof=1) / math.sqrt(len(means))) if len(means) > 1 else math.inf
    return ReputationSimulation(labels, tuple(counts), reps, pays, float(coop_sum / kept),
                                series, se)


@dataclass(frozen=True, repr=False, eq=False)
class ReciprocitySimulation:
    """Agent-based runs of specific and diffuse reciprocity in a population.

    Attributes
    ----------
    strategies : tuple of str
        ``'ALLC'``, ``'ALLD'``, ``'TFT'`` (specific), ``'BALANCE'`` (diffuse), as present.
    counts : tuple of int
        Members per strategy.
    payoffs : numpy.ndarray
        Mean expected total payoff of a member of each strategy: per-round payoffs weighted
        by ``delta^t`` (the probability that round ``t`` is played), averaged over members
        and replicates.
    standard_errors : numpy.ndarray
        Standard errors of ``payoffs`` across replicates (``inf`` for a single replicate).
    cooperation : float
        The ``delta^t``-weighted share of donations made.
    replicates, rounds : int

    See Also
    --------
    simulate_reciprocity : what returns it.

    References
    ----------
    .. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
       Organization* 40(1), 1-27, pp. 4-8 (specific and diffuse reciprocity).

    Examples
    --------
    >>> import multilateral as ml
    >>> m = ml.models.Reciprocity(benefit=3, cost=1, population=10)
    >>> ml.models.simulate_reciprocity(m, {"TFT": 10}, replicates=2, seed=0).cooperation
    1.0
    """

    strategies: tuple[str, ...]
    counts: tuple[int, ...]
    payoffs: NDArray[np.float64]
    standard_errors: NDArray[np.float64]
    cooperation: float
    replicates: int
    rounds: int

    def __post_init__(self) -> None:
        for name in ("payoffs", "standard_errors"):
            object.__setattr__(self, name, readonly(getattr(self, name), name=name))

    def __repr__(self) -> str:
        rows = ", ".join(f"{s} x{k}: {f:.4g} +- {se:.2g}" for s, k, f, se in zip(
            self.strategies, self.counts, self.payoffs, self.standard_errors, strict=True))
        return (f"ReciprocitySimulation({rows}; cooperation={self.cooperation:.4f}, "
                f"replicates={self.replicates})")


RECIPROCITY_STRATEGIES = ("ALLC", "ALLD", "TFT", "BALANCE")


@runtime_checkable
class _Population(Protocol):
    """What :func:`simulate_reciprocity` reads from a :class:`Reciprocity` model (checked
    structurally, so that this module does not import the model that imports it)."""

    benefit: Number
    cost: Number
    delta: Number
    knowledge: Number
    credit: int
    n: int


def simulate_reciprocity(model: Reciprocity, strategies: Mapping[str, int], *,
                         replicates: int = 100, rounds: int | None = None,
                         noise: Number = 0.0, seed: Seed = None) -> ReciprocitySimulation:
    """Simulate specific and diffuse reciprocity, vectorized over replicates and members.

    Each round the ``Z`` members are split at random into groups of ``n`` (members left over
    sit out); in each group every member decides, for every other member, whether to donate
    (``cost`` to it, ``benefit`` to the recipient). ``TFT`` donates iff that partner donated
    to it at their last meeting (or they never met); ``BALANCE`` donates iff the partner's
    public account ``helps given - helps received`` is at least ``-credit``, or, with
    probability ``1 - knowledge``, when it does not know the account; ``ALLC`` and ``ALLD``
    always and never do. An intended donation fails with probability ``noise``. Round ``t``
    counts with weight ``delta^t``, so payoffs estimate expected totals of the game that ends
    with probability ``1 - delta``.

    Parameters
    ----------
    model : Reciprocity
        ``benefit``, ``cost``, ``delta``, ``knowledge``, ``credit`` and ``n`` (the population
        size is the total count of ``strategies``).
    strategies : mapping
        ``{"TFT": 99, "ALLD": 1}`` and the like (counts >= 1).
    replicates : int, default 100
    rounds : int, optional
        Rounds simulated (default: until ``delta^t < 10^-6``).
    noise : float, default 0
        Execution error.
    seed : int, numpy.random.Generator or SeedSequence, optional

    Returns
    -------
    ReciprocitySimulation

    See Also
    --------
    Reciprocity.deviation_payoffs : the exact payoffs it estimates.
    Reciprocity.simulate : the same, from a model.

    References
    ----------
    .. [1] Keohane, R. O. (1986). Reciprocity in international relations. *International
       Organization* 40(1), 1-27, pp. 4-8.
    .. [2] Nowak, M. A. (2006). Five rules for the evolution of cooperation. *Science* 314,
       1560-1563.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import multilateral as ml
    >>> m = ml.models.Reciprocity(benefit=3, cost=1, population=20, delta=Fraction(9, 10))
    >>> run = ml.models.simulate_reciprocity(m, {"BALANCE": 19, "ALLD": 1}, seed=0)
    >>> [float(v) for v in m.deviation_payoffs("diffuse")]   # conformer, lone defector
    [20.0, 3.0]
    >>> run.payoffs.round(2).tolist()   # the residents also lose what they gave the defector
    [18.89, 3.0]
    """
    if not isinstance(model, _Population):
        raise InvalidTypeError(f"model must be a Reciprocity, got {type(model).__name__}")
    keys, counts = _counts(strategies, RECIPROCITY_STRATEGIES)
    z = sum(counts)
    n = model.n
    if z < n:
        raise InvalidArgumentError(f"the population ({z}) must be at least the group size "
                                   f"n = {n}")
    reps = check_positive_int(replicates, "replicates", 1)
    ef = check_probability(noise, "noise")
    delta, q, tol = float(model.delta), float(model.knowledge), model.credit
    bf, cf = float(model.benefit), float(model.cost)
    if rounds is None:
        rounds = 1 if delta == 0 else math.ceil(math.log(NEGLIGIBLE_WEIGHT) / math.log(delta))
    rounds = check_positive_int(rounds, "rounds", 1)
    rng = np.random.default_rng(seed)
    code = np.repeat([RECIPROCITY_STRATEGIES.index(k) for k in keys], counts)  # (Z,)
    groups = z // n
    first, second = np.array([(i, j) for i in range(n) for j in range(n) if i != j]).T
    rr = np.arange(reps)[:, None]
    has_tft, has_balance = bool((code == 2).any()), bool((code == 3).any())
    # memory[r, i, j]: what j did to i at their last meeting (only kept when TFT plays)
    memory = np.ones((reps, z, z) if has_tft else (1, 1, 1), dtype=bool)
    account = np.zeros((reps, z), dtype=np.int64)
    total = np.zeros((reps, z))
    given_w = 0.0
    offered_w = 0.0
    weight = 1.0
    base = np.tile(np.arange(z), (reps, 1))
    offset = rr * z
    for _ in range(rounds):
        perm = rng.permuted(base, axis=1)[:, : groups * n].reshape(reps, groups, n)
        donors = perm[:, :, first].reshape(reps, -1)
        recips = perm[:, :, second].reshape(reps, -1)
        kind = code[donors]
        give = kind == 0
        if has_tft:
            give = np.where(kind == 2, memory[rr, donors, recips], give)
        if has_balance:
            trust = (rng.random(donors.shape) >= q) | (account[rr, recips] >= -tol)
            give = np.where(kind == 3, trust, give)
        give &= rng.random(donors.shape) >= ef
        flat_d = (offset + donors).ravel()
        flat_r = (offset + recips).ravel()
        g = give.ravel().astype(np.float64)
        got = np.bincount(flat_r, weights=g, minlength=reps * z).reshape(reps, z)
        gave = np.bincount(flat_d, weights=g, minlength=reps * z).reshape(reps, z)
        total += weight * (bf * got - cf * gave)
        account += (gave - got).astype(np.int64)
        if has_tft:
            memory[rr, recips, donors] = give
        given_w += weight * give.mean()
        offered_w += weight
        weight *= delta
    labels = tuple(str(k) for k in keys)  # names: _counts checked them against the allowed
    pays = np.empty(len(keys))
    ses = np.empty(len(keys))
    idx = np.repeat(np.arange(len(keys)), counts)
    for s in range(len(keys)):
        per_rep = total[:, idx == s].mean(axis=1)
        pays[s] = per_rep.mean()
        ses[s] = per_rep.std(ddof=1) / math.sqrt(reps) if reps > 1 else math.inf
    return ReciprocitySimulation(labels, tuple(counts), pays, ses,
                                 float(given_w / offered_w), reps, rounds)
