import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests draw 25 examples in `make test` and 300 in CI (.ci/run sets HYPOTHESIS_PROFILE=ci); a test
# sets max_examples itself only when its number matters. Timing checks are off in both: on the shared
# 2-core machines they run on, a slow draw or example measures the load, not the code.
_untimed = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", max_examples=25, **_untimed)
settings.register_profile("ci", max_examples=300, **_untimed)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def cast(db):
    from danvan.testing.cast import build_cast

    return build_cast()


@pytest.fixture
def login(db):
    """login(user) -> a Client logged in as that user (force_login: no throttling involved)."""
    from django.test import Client

    def _login(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need PostgreSQL: skipped before their fixtures run on SQLite."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    skip = pytest.mark.skip(reason="PostgreSQL only (set DATABASE_URL=postgres://…)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
