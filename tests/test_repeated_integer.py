"""The exact subgame-perfection threshold in integers against the Fraction path it replaced.

``_spe._integer_polynomials`` finds the profile's recurrence modulo primes and verifies it
exactly; ``_spe._fraction_polynomials`` is the former Berlekamp-Massey in Fractions (kept as
the fallback). Both must give the same exact feasible set on every profile.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import multilateral as ml
from multilateral import automata as A
from multilateral.solvers.repeated import _modular, _spe
from multilateral.solvers.repeated._chain import build_chain
from multilateral.solvers.repeated._roots import feasible_set
from multilateral.solvers.repeated._sparse import history_reachable


def both_paths(stage, profile, noise=0, mu=0):
    chain = build_chain(ml.RepeatedGame(stage, 0, noise=noise, monitoring_error=mu), profile)
    assert chain.exact
    data = _spe._Data(chain, history_reachable(chain))
    found = _spe._integer_polynomials(data)
    assert found is not None  # the modular recurrence verified
    return feasible_set(found[0]), feasible_set(_spe._fraction_polynomials(data)[0]), found


def assert_same(stage, profile, noise=0, mu=0):
    new, old, _ = both_paths(stage, profile, noise, mu)
    assert new.low == old.low and new.pieces == old.pieces
    return new


@st.composite
def automata(draw, n_signals=2, max_states=3):
    n = draw(st.integers(1, max_states))
    actions = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    table = draw(st.lists(st.lists(st.lists(st.integers(0, n - 1), min_size=n_signals,
                                            max_size=n_signals), min_size=2, max_size=2),
                          min_size=n, max_size=n))
    return A.Automaton(actions, table)


@st.composite
def integer_pds(draw):
    s, p, r, t = sorted(draw(st.sets(st.integers(-10, 20), min_size=4, max_size=4)))
    return ml.TwoByTwo.symmetric(T=t, R=r, P=p, S=s)


KNOWN = [A.grim_trigger(), A.tit_for_tat(), A.win_stay_lose_shift(), A.k_period_punishment(2),
         A.k_period_punishment(3), A.contrite_tit_for_tat(), A.tit_for_two_tats()]


@given(integer_pds(), st.lists(st.one_of(automata(), st.sampled_from(KNOWN)), min_size=2,
                               max_size=2),
       st.sampled_from([0, Fraction(1, 20), Fraction(1, 7), Fraction(3, 1000)]),
       st.sampled_from([0, Fraction(1, 10)]))
@settings(max_examples=40, deadline=None)
def test_two_players_same_set_as_fractions(pd, profile, noise, mu):
    event(f"feasible: {assert_same(pd, profile, noise, mu).low is not None}")


def public_good(n):
    pay = np.zeros((2,) * n + (n,), dtype=np.int64)
    for prof in np.ndindex(*(2,) * n):
        for i in range(n):
            pay[(*prof, i)] = 2 * prof.count(0) - n * (prof[i] == 0)
    return ml.NormalFormGame(pay)


@given(st.lists(automata(n_signals=4, max_states=2), min_size=3, max_size=3),
       st.sampled_from([0, Fraction(1, 30)]))
@settings(max_examples=15, deadline=None)
def test_three_players_same_set_as_fractions(profile, noise):
    event(f"feasible: {assert_same(public_good(3), profile, noise).low is not None}")


@pytest.mark.parametrize("noise", [Fraction(1, 20), Fraction(1, 100)])
def test_punishment_with_noise(noise):
    # k-period punishment among three (64 joint states): degree ~ the states, long integers
    profile = [A.k_period_punishment(k, n_actions=2, n=3) for k in (1, 2, 3)]
    new, old, (polys, _) = both_paths(public_good(3), profile, noise)
    assert new.low == old.low and new.pieces == old.pieces
    assert max(len(p) for p in polys) > 10


def test_binary_noise_float_and_exact_agree():
    # a float error rate's binary value (0.05 = 3602879701896397 / 2**56) in integers
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    profile = [A.k_period_punishment(3)] * 2
    assert_same(pd, profile, Fraction(0.05))
    exact = ml.solvers.critical_discount(pd, profile, noise=Fraction(1, 20))
    fl = ml.solvers.critical_discount(ml.TwoByTwo.symmetric(T=5.0, R=3.0, P=1.0, S=0.0),
                                      profile, noise=0.05)
    assert fl.delta == pytest.approx(float(exact.exact), abs=1e-7)


def test_fraction_fallback(monkeypatch):
    # a recurrence that does not verify (here: no attempt at all) falls back to Fractions
    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    profile = [A.grim_trigger()] * 2
    expected = ml.solvers.critical_discount(pd, profile, noise=Fraction(1, 20))
    monkeypatch.setattr(_spe, "_ATTEMPTS", 0)
    assert ml.solvers.critical_discount(pd, profile, noise=Fraction(1, 20)) == expected


def test_primes_and_crt():
    ps = _modular.primes(5)
    assert all(p < 2**31 and _modular._is_prime(p) for p in ps) and len(set(ps)) == 5
    values = [0, 1, -1, 3**50, -(7**40)]
    res = np.array([[v % p for v in values] for p in ps], dtype=np.int64)
    assert _modular.crt_symmetric(res, ps) == values


@given(st.integers(1, 6), st.integers(0, 2**32 - 1), st.integers(1, 60))
@settings(max_examples=40, deadline=None)
def test_integer_recurrence_is_berlekamp_massey(n, seed, q):
    _check_recurrence_of_a_random_chain(n, q, seed)


def _check_recurrence_of_a_random_chain(n, q, seed):
    """s_k = a M^k x with M integer, rows summing to q (series_fraction's sequences): the
    modular recurrence equals Berlekamp-Massey in Fractions."""
    from multilateral.solvers.repeated._roots import berlekamp_massey

    rng = np.random.default_rng(seed)
    m = rng.multinomial(q, np.ones(n) / n, size=n).astype(object)
    a = rng.integers(0, 5, n).astype(object)
    x = rng.integers(-9, 10, n).astype(object)
    seq = []
    for _ in range(2 * n):
        seq.append(int(a @ x))
        x = m @ x
    found = _modular.integer_recurrence(seq, q)
    conn, order = berlekamp_massey([Fraction(v) for v in seq])
    assert found is not None and found[1] == order
    assert [Fraction(c) for c in found[0]] == conn[:order + 1]


# -- a scale that a screening prime divides --------------------------------------------------------
P1 = _modular.primes(1)[0]  # 2**31 - 1


def test_primes_avoid_the_scale():
    ps = _modular.primes(3, P1 * _modular.primes(2)[1])
    assert len(ps) == 3 and P1 not in ps and _modular.primes(2)[1] not in ps
    assert ps == _modular.primes(5)[2:]
    assert _modular.primes(2, 0) == _modular.primes(2)  # 0 avoids nothing (not every prime)


@pytest.mark.parametrize("kind", ["spe", "nash"])
def test_noise_over_the_screening_prime_stays_in_integers(kind, monkeypatch):
    # with noise 1/(2**31 - 1) the scale q of M = q P is a multiple of the first prime: modulo
    # it M is degenerate, its order drops, and every attempt used to fail (3-5 s in Fractions)
    from multilateral.solvers.repeated import _roots

    pd = ml.TwoByTwo.symmetric(T=5, R=3, P=1, S=0)
    profile = [A.k_period_punishment(2)] * 2
    noise = Fraction(1, P1)
    expected = ml.solvers.critical_discount(pd, profile, kind=kind, noise=Fraction(1, P1 - 2))

    def refuse(*args):
        raise AssertionError("the Fraction fallback was used")

    monkeypatch.setattr(_spe, "_fraction_polynomials", refuse)
    monkeypatch.setattr(_roots, "berlekamp_massey", refuse)
    got = ml.solvers.critical_discount(pd, profile, kind=kind, noise=noise)
    assert got.attainable and got.delta == pytest.approx(expected.delta, abs=1e-6)


def test_integer_recurrence_with_the_scale_a_multiple_of_the_prime():
    _check_recurrence_of_a_random_chain(4, 3 * P1, seed=7)
