"""The console command and the tour."""

import io
import os
import subprocess
import sys

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
    assert "tour" in capsys.readouterr().out
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
