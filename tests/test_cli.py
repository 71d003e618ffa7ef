"""The console command and the tour."""

import io
import os
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import multilateral as ml
from multilateral.cli import main


def test_tour_runs_every_section(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # the default report folder, ./multilateral-tour
    assert main(["tour"]) == 0
    text = capsys.readouterr().out
    for title in ml.tour.SECTIONS:
        assert title in text
    assert "Traceback" not in text


def test_tour_numbers_come_from_the_solvers():
    buf = io.StringIO()
    ml.tour.run_tour(buf)
    text = buf.getvalue()
    assert "(1/2, 1/2)/(1/2, 1/2)" in text  # the Stag Hunt's mixed equilibrium, exact
    assert "mediated welfare 10.5" in text  # Aumann's correlated equilibrium of Chicken
    assert "193   193/194" in text  # BBV: n(1-a)w/(1+a(n-1)) at n = 193, a = 1/2
    assert "3 emitters (China, United States, India)" in text  # the shipped GCB 2024 shares
    assert "permanent member 421/2145" in text  # the UN Security Council since 1965
    assert "L1, L2, L3, L4, L5, L6, L7, L8" in text  # Ohtsuki and Iwasa's leading eight


def test_help_and_version(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("tour", "solve", "claims"):
        assert command in out
    assert main(["--version"]) == 0
    assert ml.__version__ in capsys.readouterr().out


def test_console_script_entry_point():
    out = subprocess.run([sys.executable, "-m", "multilateral.cli", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"multilateral {ml.__version__}"


def test_python_dash_m_runs_the_command():
    out = subprocess.run([sys.executable, "-m", "multilateral", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"multilateral {ml.__version__}"
    out = subprocess.run([sys.executable, "-m", "multilateral"],
                         capture_output=True, text=True, check=True)
    assert "tour" in out.stdout


def test_import_is_light():
    # heavy dependencies load on first use, not at import (nor on a submodule's first use
    # that does not need them: the lazy ``ml.automata`` is pure numpy)
    heavy = ("scipy", "sympy", "hypothesis", "nashpy", "matplotlib", "pandas")
    code = (f"import sys, multilateral; before = sorted(m for m in {heavy} if m in sys.modules)\n"
            "import multilateral.automata\n"
            f"print(before, sorted(m for m in {heavy} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def test_submodules_load_on_first_use():
    code = ("import sys, multilateral as ml\n"
            "lazy = ['multilateral.solvers', 'multilateral.sweeps', 'multilateral.simulate']\n"
            "print([m in sys.modules for m in lazy])\n"
            "ml.sweep, ml.simulate, ml.solvers\n"
            "print([m in sys.modules for m in lazy])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[False, False, False]", "[True, True, True]"]


def test_tour_without_report_writes_nothing(capsys, monkeypatch, tmp_path):
    # issue 12: no ./.hypothesis, no report folder, nothing, unless asked
    monkeypatch.delenv("HYPOTHESIS_STORAGE_DIRECTORY", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["tour", "--no-report", "--quiet"]) == 0
    assert "Report written" not in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_tour_without_report_in_a_fresh_interpreter_writes_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_STORAGE_DIRECTORY"}
    out = subprocess.run([sys.executable, "-m", "multilateral", "tour", "--no-report"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
                         timeout=600)
    assert "Traceback" not in out.stdout + out.stderr
    assert list(tmp_path.iterdir()) == []


# -- tour --report DIR: the folder is checked before the tour runs (issue 17) -----------------
@pytest.fixture
def no_tour(monkeypatch):
    """Stand-ins for the tour and the report, recording what ran (each takes seconds)."""
    ran = []
    monkeypatch.setattr(ml.tour, "run_tour", lambda out: ran.append("tour") or {})

    def write_report(folder, **kwargs):
        ran.append(("report", Path(folder)))
        return Path(folder) / "index.html"

    monkeypatch.setattr(ml.report, "write_report", write_report)
    return ran


def _one_line_error(capsys):
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("multilateral: error: --report ")
    assert "Traceback" not in captured.err
    assert captured.out == ""  # nothing of the tour was printed
    return lines[0]


def _refuse_writes_in(folder, monkeypatch):
    """Make ``folder`` unwritable. Permission bits do not bind root (who runs the tests on
    the development machine), so there the OS's refusal is simulated at the one call that
    probes the folder."""
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):
        real = tempfile.TemporaryFile

        def refuse(*args, dir=None, **kwargs):
            if dir is not None and Path(dir).resolve() == folder.resolve():
                raise PermissionError(13, "Permission denied", str(dir))
            return real(*args, dir=dir, **kwargs)

        monkeypatch.setattr(tempfile, "TemporaryFile", refuse)


def test_report_folder_that_is_a_file(tmp_path, capsys, no_tour):
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["tour", "--report", str(tmp_path / "notes.txt")]) == 2
    assert "is a file, not a folder" in _one_line_error(capsys)
    assert no_tour == []
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_report_folder_with_other_files(tmp_path, capsys, no_tour):
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "index.html").write_text("<title>My thesis</title>")
    assert main(["tour", "--report", str(tmp_path / "thesis")]) == 2
    line = _one_line_error(capsys)
    assert "other files and no tour report" in line and "expected" in line
    assert no_tour == []
    assert (tmp_path / "thesis" / "index.html").read_text() == "<title>My thesis</title>"


def test_report_folder_whose_parent_is_missing(tmp_path, capsys, no_tour):
    assert main(["tour", "--report", str(tmp_path / "no" / "such" / "out")]) == 2
    assert "does not exist" in _one_line_error(capsys)
    assert no_tour == []
    assert not (tmp_path / "no").exists()


def test_report_folder_that_cannot_be_written(tmp_path, capsys, monkeypatch, no_tour):
    locked = tmp_path / "locked"
    locked.mkdir()
    _refuse_writes_in(locked, monkeypatch)
    try:
        assert main(["tour", "--report", str(locked)]) == 2  # an existing, empty folder
        assert "cannot write in this folder" in _one_line_error(capsys)
        assert main(["tour", "--report", str(locked / "out")]) == 2  # a new one inside it
        assert "cannot be created" in _one_line_error(capsys)
    finally:
        locked.chmod(0o700)
    assert no_tour == []


def test_report_folders_that_are_fine(tmp_path, capsys, monkeypatch, no_tour):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    for folder in ["empty", "new", str(tmp_path / "new2")]:
        assert main(["tour", "--report", folder, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert no_tour == ["tour", ("report", Path("empty")), "tour", ("report", Path("new")),
                       "tour", ("report", tmp_path / "new2")]


def test_report_and_no_report_together_is_a_usage_error(capsys, no_tour):
    with pytest.raises(SystemExit) as exit_:
        main(["tour", "--report", "x", "--no-report"])
    assert exit_.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
    assert no_tour == []


def test_tour_with_report_writes_only_the_report_and_can_replace_it(
        tmp_path, capsys, monkeypatch):
    # issue 17: no ./.hypothesis next to the report; and a previous report may be replaced
    monkeypatch.delenv("HYPOTHESIS_STORAGE_DIRECTORY", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["tour", "--report", "out", "--quiet"]) == 0
    assert "Report written to out" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert (tmp_path / "out" / "index.html").is_file()
    ran = []
    monkeypatch.setattr(ml.tour, "run_tour", lambda out: ran.append("tour") or {})
    monkeypatch.setattr(ml.report, "write_report",
                        lambda folder, **kwargs: ran.append(folder) or Path(folder))
    assert main(["tour", "--report", "out", "--quiet"]) == 0  # the folder holds a report
    assert ran == ["tour", Path("out")]


# -- solve FILE.nfg ----------------------------------------------------------------------------
# Matching pennies in Gambit's outcome version: Row wins a match, Column a mismatch. The only
# equilibrium: both play Heads with 1/2 (each must make the other indifferent), payoff 0.
PENNIES = """NFG 1 R "Matching pennies" { "Row" "Column" }

{ { "Heads" "Tails" }
{ "Heads" "Tails" }
}
""

{
{ "match" 1, -1 }
{ "mismatch" -1, 1 }
}
1 2 2 1
"""

# A battle of the sexes in the payoff version, with decimal payoffs (read exactly): Row gets
# 0.2 at (a0, a0) and 0.1 at (a1, a1), Column 0.1 and 0.2. Hand computation of the mixed
# equilibrium: Row makes Column indifferent, 0.1 p = 0.2 (1 - p), so p = 2/3 on a0; Column
# makes Row indifferent, 0.2 q = 0.1 (1 - q), so q = 1/3; each expects 0.2 * 1/3 = 1/15.
BATTLE = 'NFG 1 R "Battle" { "Row" "Column" } { 2 2 }\n\n0.2 0.1 0 0 0 0 0.1 0.2\n'

# A three-player volunteer's dilemma in the outcome version: the good (worth 2 to all) is
# provided if anyone volunteers, at a cost of 1 to each volunteer. Profiles are listed with the
# first player's strategy changing fastest. By hand: the pure equilibria are the profiles with
# exactly one volunteer (he would get 0 by ignoring, the others 1 by volunteering too).
VOLUNTEERS = """NFG 1 R "Volunteer's dilemma" { "Ann" "Bob" "Cat" }

{ { "Volunteer" "Ignore" }
{ "Volunteer" "Ignore" }
{ "Volunteer" "Ignore" }
}
""

{
{ "VVV" 1, 1, 1 }
{ "IVV" 2, 1, 1 }
{ "VIV" 1, 2, 1 }
{ "IIV" 2, 2, 1 }
{ "VVI" 1, 1, 2 }
{ "IVI" 2, 1, 2 }
{ "VII" 1, 2, 2 }
{ "III" 0, 0, 0 }
}
1 2 3 4 5 6 7 8
"""


def _solve(tmp_path, capsys, text, *options, name="game.nfg"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    status = main(["solve", str(path), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err, path


def test_solve_matching_pennies_exactly(tmp_path, capsys):
    status, out, err, path = _solve(tmp_path, capsys, PENNIES)
    assert (status, err) == (0, "")
    (eq,) = ml.solvers.nash_equilibria(ml.io.read_nfg(path))
    assert eq.exact == ((Fraction(1, 2),) * 2,) * 2
    assert "2 players, 2 x 2 strategies, exact payoffs" in out
    assert "1 Nash equilibrium (" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["1.", "Row", "1/2", "Heads", "+", "1/2", "Tails", "payoff", "0"] in lines
    assert ["Column", "1/2", "Heads", "+", "1/2", "Tails", "payoff", "0"] in lines

    status, out, _, _ = _solve(tmp_path, capsys, PENNIES, "--pure")
    assert status == 0
    assert "No pure Nash equilibria (pure strategies only)" in out
    assert ml.solvers.pure_nash_equilibria(ml.io.read_nfg(path)) == ()


def test_solve_prints_fractions_not_decimals(tmp_path, capsys):
    status, out, _, path = _solve(tmp_path, capsys, BATTLE)
    assert status == 0
    found = ml.solvers.nash_equilibria(ml.io.read_nfg(path))
    assert [eq.exact for eq in found] == [
        ((1, 0), (1, 0)),
        ((Fraction(2, 3), Fraction(1, 3)), (Fraction(1, 3), Fraction(2, 3))),
        ((0, 1), (0, 1)),
    ]
    assert "3 Nash equilibria" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["1.", "Row", "a0", "payoff", "1/5"] in lines  # 0.2, read as a fraction
    assert ["2.", "Row", "2/3", "a0", "+", "1/3", "a1", "payoff", "1/15"] in lines
    assert ["Column", "1/3", "a0", "+", "2/3", "a1", "payoff", "1/15"] in lines
    assert "0.666" not in out

    status, out, _, _ = _solve(tmp_path, capsys, BATTLE, "--float")
    assert status == 0
    assert ["2.", "Row", "0.666667", "a0", "+", "0.333333", "a1", "payoff", "0.0666667"] in [
        line.split() for line in out.splitlines()]

    status, out, _, _ = _solve(tmp_path, capsys, BATTLE, "--pure")
    assert status == 0
    assert "2 pure Nash equilibria" in out and "2/3" not in out


def test_solve_three_players_gives_the_pure_equilibria(tmp_path, capsys):
    status, out, err, path = _solve(tmp_path, capsys, VOLUNTEERS)
    assert (status, err) == (0, "")
    assert ml.solvers.pure_nash_equilibria(ml.io.read_nfg(path)) == (
        (0, 1, 1), (1, 0, 1), (1, 1, 0))
    assert "3 players, 2 x 2 x 2 strategies" in out
    assert "3 pure Nash equilibria" in out and "two players only" in out
    lines = [line.split() for line in out.splitlines()]
    assert lines[-11:] == [
        ["1.", "Ann", "Volunteer", "payoff", "1"],
        ["Bob", "Ignore", "payoff", "2"],
        ["Cat", "Ignore", "payoff", "2"],
        [],
        ["2.", "Ann", "Ignore", "payoff", "2"],
        ["Bob", "Volunteer", "payoff", "1"],
        ["Cat", "Ignore", "payoff", "2"],
        [],
        ["3.", "Ann", "Ignore", "payoff", "2"],
        ["Bob", "Ignore", "payoff", "2"],
        ["Cat", "Volunteer", "payoff", "1"],
    ]


@pytest.mark.parametrize("text, says", [
    ('NFG 1 R "x" { "A" "B" } { 2 2 }\n1 2 3\n', "line 2: expected 8 payoffs"),
    ("hello\n", "not a Gambit .nfg file"),
    (b"NFG 1 R \"\xff\" { \"A\" } { 1 } 1", "not UTF-8"),
])
def test_solve_a_malformed_file_fails_in_one_line(tmp_path, capsys, text, says):
    path = tmp_path / "bad.nfg"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    assert main(["solve", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"multilateral: error: {path}: line ")
    assert says in captured.err


@pytest.mark.parametrize("where", ["missing.nfg", "."])
def test_solve_a_file_that_cannot_be_read(tmp_path, capsys, where):
    assert main(["solve", str(tmp_path / where)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("multilateral: error: cannot read ")
    assert "expected a Gambit .nfg file" in err


# -- claims list / claims verify ---------------------------------------------------------------
def test_claims_list_names_every_claim(capsys):
    assert main(["claims", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    known = ml.claims.catalogue()
    assert [line.split()[0] for line in lines] == sorted(known)
    assert "Olson (1965), The Logic of Collective Action, pp. 35-36" in "\n".join(lines)
    # the foils, and only they, are marked between name and source
    marked = {line.split()[0] for line in lines if line.split()[1] == "foil"}
    assert marked == {"olson_group_size", "power_proportional_to_weight"}
    assert marked == {n for n, c in known.items() if c.expected == "fails"}


def test_claims_verify_one_claim_that_holds(capsys):
    assert main(["claims", "verify", "oye_transparency", "--max-examples", "5"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split()[:2] == ["oye_transparency", "holds"]
    assert lines[-1].startswith("1 claim: 1 holds, 0 foils fail as expected, 0 unexpected "
                                "(at most 5 examples each")
    assert captured.err == "[1/1] oye_transparency\n"  # progress, unless --quiet
    assert main(["claims", "verify", "oye_transparency", "--max-examples", "5", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name, suggested", [
    ("olson_groupsize", "olson_group_size"),
    ("OYE_TRANSPARENCY", "oye_transparency"),  # the constant's spelling
    ("fearon", "fearon_costly_war"),
])
def test_claims_verify_an_unknown_name_fails_in_one_line(capsys, name, suggested):
    assert main(["claims", "verify", "oye_transparency", name]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing verified: the names are checked first
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"multilateral: error: no claim named {name!r}; did you mean")
    assert suggested in captured.err


def test_claims_verify_a_false_claim_prints_its_counterexample(capsys, monkeypatch):
    from hypothesis import strategies as st

    odd = ml.claims.Claim("all_odd", "every integer is odd", "nobody", lambda k: k % 2 == 1,
                          lambda: st.integers())
    monkeypatch.setitem(ml.claims.REGISTRY, "all_odd", odd)
    assert main(["claims", "verify", "all_odd", "oye_transparency", "--max-examples", "5",
                 "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["all_odd", "FAILS"]
    assert lines[1].strip() == "counterexample: 0"  # hypothesis shrinks to the simplest
    assert lines[2].split()[:2] == ["oye_transparency", "holds"]
    assert lines[3].startswith("2 claims: 1 holds, 0 foils fail as expected, 1 unexpected "
                               "(1 FAILS)")


def test_claims_verify_a_refuted_foil_is_as_expected(capsys):
    assert main(["claims", "verify", "power_proportional_to_weight", "oye_transparency",
                 "--max-examples", "20", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["power_proportional_to_weight", "fails,", "as", "expected"]
    assert lines[1].strip().startswith("counterexample: WeightedVotingGame(")
    assert lines[2].split()[:2] == ["oye_transparency", "holds"]
    assert lines[3].startswith("2 claims: 1 holds, 1 foil fails as expected, 0 unexpected")


def test_claims_verify_a_foil_that_holds_is_a_surprise(capsys, monkeypatch):
    from hypothesis import strategies as st

    even = ml.claims.Claim("all_even_squares", "x", "y", lambda k: (2 * k) ** 2 % 2 == 0,
                           lambda: st.integers(), expected="fails")
    monkeypatch.setitem(ml.claims.REGISTRY, "all_even_squares", even)
    assert main(["claims", "verify", "all_even_squares", "olson_group_size", "--max-examples",
                 "20", "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["all_even_squares", "HOLDS"]
    assert "expected to fail (a foil), but no counterexample in at most 20" in lines[1]
    assert lines[2].split()[:4] == ["olson_group_size", "fails,", "as", "expected"]
    assert lines[-1].startswith("2 claims: 0 hold, 1 foil fails as expected, 1 unexpected "
                                "(1 HOLDS)")


def test_claims_verify_every_claim_is_as_expected(capsys):
    # the default run over the whole catalogue: the foils fail, everything else holds
    assert main(["claims", "verify", "--quiet"]) == 0
    out = capsys.readouterr().out
    n = len(ml.claims.catalogue())
    assert f"{n} claims: {n - 2} hold, 2 foils fail as expected, 0 unexpected" in out


def test_claims_verify_reports_a_broken_predicate(capsys, monkeypatch):
    from hypothesis import strategies as st

    broken = ml.claims.Claim("broken", "x", "y", lambda k: 1 / 0, lambda: st.integers())
    monkeypatch.setitem(ml.claims.REGISTRY, "broken", broken)
    assert main(["claims", "verify", "broken", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "broken  ERROR" in out and "ZeroDivisionError: division by zero" in out


def test_claims_verify_seed_draws_other_instances_reproducibly(capsys, monkeypatch):
    from hypothesis import strategies as st

    seen: list[int] = []
    spy = ml.claims.Claim("spy", "x", "y", lambda k: seen.append(k) or True,
                          lambda: st.integers(0, 10**9))
    monkeypatch.setitem(ml.claims.REGISTRY, "spy", spy)

    def drawn(*options):
        seen.clear()
        assert main(["claims", "verify", "spy", "--max-examples", "10", "--quiet",
                     *options]) == 0
        return list(seen)

    fixed, seed1, seed1_again, seed2 = drawn(), drawn("--seed", "1"), drawn("--seed", "1"), \
        drawn("--seed", "2")
    assert fixed == drawn()  # derandomized by default
    assert seed1 == seed1_again
    assert len({tuple(fixed), tuple(seed1), tuple(seed2)}) == 3
    assert "seed 2" in capsys.readouterr().out


@pytest.mark.parametrize("options", [["--max-examples", "0"], ["--seed", "-1"],
                                     ["--max-examples", "many"]])
def test_claims_verify_bad_options_are_usage_errors(capsys, options):
    with pytest.raises(SystemExit) as exit_:
        main(["claims", "verify", "oye_transparency", *options])
    assert exit_.value.code == 2
    assert "expected a" in capsys.readouterr().err


def test_claims_verify_in_a_fresh_interpreter_writes_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_STORAGE_DIRECTORY"}
    out = subprocess.run([sys.executable, "-m", "multilateral", "claims", "verify",
                          "oye_transparency", "--max-examples", "5"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "oye_transparency  holds" in out.stdout
    assert list(tmp_path.iterdir()) == []  # no ./.hypothesis


# -- help --------------------------------------------------------------------------------------
@pytest.mark.parametrize("command, words", [
    (["tour"], ["--report DIR", "--no-report", "--quiet", "previous report"]),
    (["solve"], ["FILE.nfg", "--pure", "--float", "exact", "Three or more players"]),
    (["claims"], ["list", "verify", "foils", "expects them to fail"]),
    (["claims", "list"], ["'foil'", "expected to fail"]),
    (["claims", "verify"], ["NAME", "--max-examples N", "--seed S", "--quiet",
                            "'fails, as expected'", "'HOLDS'", "'FAILS'",
                            "Exit status 1 if any verdict is unexpected"]),
])
def test_every_command_explains_its_arguments(capsys, command, words):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for word in words:
        assert word in text


def test_solve_a_game_too_large_to_enumerate_says_what_to_do(tmp_path, capsys):
    rng = np.random.default_rng(0)
    game = ml.NormalFormGame(rng.integers(0, 9, (21, 21)), rng.integers(0, 9, (21, 21)))
    ml.io.write_nfg(game, tmp_path / "big.nfg")
    assert main(["solve", str(tmp_path / "big.nfg")]) == 2  # refused before any work
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is refused" in err and "--pure gives" in err
    assert main(["solve", str(tmp_path / "big.nfg"), "--pure"]) == 0
    found = ml.solvers.pure_nash_equilibria(game)
    assert f"{len(found)} pure Nash equilibri" in capsys.readouterr().out
