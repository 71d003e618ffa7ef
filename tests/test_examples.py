"""Every gallery example runs as a script (the docs build runs them too)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(script, tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    out = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]


def test_there_are_examples():
    assert EXAMPLES


#: Examples that reproduce or check a published result: each prints the published value or
#: statement beside the computed one (the numbers themselves are tested in
#: tests/test_published_results.py and the models' own tests).
PUBLISHED_BESIDE_COMPUTED = [
    "plot_alliance_burden_sharing.py", "plot_boyd_richerson.py", "plot_breadth_and_depth.py",
    "plot_canonical_games.py", "plot_collective_risk.py", "plot_common_interests.py",
    "plot_crisis_bargaining.py", "plot_diffuse_reciprocity.py", "plot_formal_informal.py",
    "plot_legitimacy.py", "plot_logit_qre.py", "plot_nested_cores.py",
    "plot_pledge_and_review.py", "plot_regime_complex.py", "plot_signalling.py",
    "plot_veto_power.py",
    "plot_public_monitoring.py",
]


@pytest.mark.parametrize("name", PUBLISHED_BESIDE_COMPUTED)
def test_example_prints_published_beside_computed(name):
    source = (Path(__file__).parent.parent / "examples" / name).read_text(encoding="utf-8")
    printed = [line for line in source.splitlines() if "print(" in line or line.startswith(" ")]
    assert any("published" in line.lower() for line in printed), name
