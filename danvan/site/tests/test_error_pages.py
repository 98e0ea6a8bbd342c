"""The error pages a person may meet are Vietnamese, including the 400 of a forged Host or a 1,000-character
file name, which Django would otherwise answer with its bare English "Bad Request (400)"."""

import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["danvan.example"])
def test_a_request_for_an_unknown_host_gets_the_vietnamese_400_page():
    response = Client().get("/about/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    body = response.content.decode()
    assert "Bad Request" not in body
    assert "Yêu cầu không hợp lệ" in body


def test_the_400_view_renders_without_a_request_context():
    from danvan.site.errors.views import bad_request

    response = bad_request(None)

    assert response.status_code == 400
    assert "<html" in response.content.decode().lower()
