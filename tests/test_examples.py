"""Every gallery example runs as a script (the docs build runs them too)."""

import os
import re
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
    if script.name in PUBLISHED_BESIDE_COMPUTED:
        check_published_lines(script.name, out.stdout)


#: Where in a source a published value stands: a table, figure, page, section, proposition,
#: equation or the abstract, or an explicit "not confirmed" where no locator could be read.
LOCATOR = re.compile(r"\btable\b|\bfig|\bp\.\s?\d|\bpp\.\s?\d|\bsec(t\.|tion|\.)|\bprop|"
                     r"\btheorem|\blemma|\beq\.|\babstract|§|\bch(apter|\.)\s?\d|"
                     r"not confirmed", re.I)


def check_published_lines(name, stdout):
    """Each printed line that states a published value names where in the source it stands (on
    that line, or on the line before or after it, for values printed under a heading)."""
    lines = stdout.splitlines()
    published = [i for i, line in enumerate(lines) if "published" in line.lower()]
    assert published, f"{name} prints no published value"
    for i in published:
        near = " ".join(lines[max(i - 1, 0):i + 2])
        assert LOCATOR.search(near), f"{name}: {lines[i]!r} names no table, figure or page"


def test_published_lines_need_a_locator():
    check_published_lines("ok", "published (Barrett 1994, Table 2): 3; computed: 3")
    check_published_lines("ok", "Published values:\n  abstract, p. 878: little; computed: 2")
    with pytest.raises(AssertionError, match="names no table"):
        check_published_lines("bad", "published (Barrett 1994): 3; computed: 3")
    with pytest.raises(AssertionError, match="no published value"):
        check_published_lines("bad", "computed: 3")


def test_there_are_examples():
    assert EXAMPLES


#: Examples that reproduce or check a published result: each prints the published value or
#: statement beside the computed one (the numbers themselves are tested in
#: tests/test_published_results.py and the models' own tests).
PUBLISHED_BESIDE_COMPUTED = [
    "plot_stable_agreements.py", "plot_climate_minilateral.py", "plot_collective_action.py",
    "plot_climate_clubs.py", "plot_minilateral_cooperation.py",
    "plot_alliance_burden_sharing.py", "plot_boyd_richerson.py", "plot_breadth_and_depth.py",
    "plot_canonical_games.py", "plot_collective_risk.py", "plot_common_interests.py",
    "plot_crisis_bargaining.py", "plot_diffuse_reciprocity.py", "plot_formal_informal.py",
    "plot_legitimacy.py", "plot_logit_qre.py", "plot_nested_cores.py",
    "plot_pledge_and_review.py", "plot_regime_complex.py", "plot_signalling.py",
    "plot_veto_power.py",
    "plot_cuban_missile_crisis.py", "plot_arms_race.py",
    "plot_escalation.py", "plot_crisis_mediation.py",
    "plot_sanctions.py", "plot_deterrence_estimation.py",
    "plot_competitive_multilateralism.py", "plot_forum_shopping.py", "plot_great_powers.py",
    "plot_nato_vs_hub_and_spokes.py", "plot_relative_gains.py",
    "plot_club_exclusivity.py", "plot_rival_clubs.py",
    "plot_public_monitoring.py",
]


def test_published_list_names_examples():
    names = {p.name for p in EXAMPLES}
    assert set(PUBLISHED_BESIDE_COMPUTED) <= names
    assert len(set(PUBLISHED_BESIDE_COMPUTED)) == len(PUBLISHED_BESIDE_COMPUTED)
