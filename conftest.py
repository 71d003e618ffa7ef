"""Test configuration for every test path (tests, src doctests, docs): hypothesis profiles
(``HYPOTHESIS_PROFILE=ci`` runs more examples), and figures closed after each test. At the
root so that doctests get it too."""

import os
import sys

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test or doctest drew: pyplot keeps every figure open until closed,
    and a worker that runs the plot doctests and the report tests held more than 20."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
