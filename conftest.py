"""Test configuration for every test path (tests, src doctests, docs): hypothesis profiles
(``HYPOTHESIS_PROFILE=ci`` runs more examples). At the root so that doctests get it too."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
