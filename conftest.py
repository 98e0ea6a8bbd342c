import pytest


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
