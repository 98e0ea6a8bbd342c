"""Checks every kind of stored file gets: who reaches it, and how its bytes go out."""

from __future__ import annotations

import io

from django.test import Client, override_settings
from django.urls import reverse

ATTACHMENT_TYPES = {
    "application/octet-stream",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def png_bytes(size=(64, 48), color=(30, 120, 200), fmt="PNG") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def get(client, url, *, server="django"):
    with override_settings(PROTECTED_MEDIA_SERVER=server):
        return client.get(url)


def assert_guarded(url, *, login, out_of_scope, no_capability=None):
    """Anonymous: login redirect; out of scope: 404; in scope without the capability: 403 — and in every
    case, with the production setting too, no X-Accel-Redirect (the proxy is told only after the check)."""
    for server in ("django", "nginx"):
        anonymous = get(Client(), url, server=server)
        assert anonymous.status_code == 302 and reverse("accounts:login") in anonymous["Location"], server
        assert not anonymous.has_header("X-Accel-Redirect")
        for user in out_of_scope:
            response = get(login(user), url, server=server)
            assert response.status_code == 404, (server, user.username)
            assert not response.has_header("X-Accel-Redirect")
        for user in no_capability or ():
            response = get(login(user), url, server=server)
            assert response.status_code == 403, (server, user.username)
            assert not response.has_header("X-Accel-Redirect")


def assert_served(url, *, client, stored_name, content_type, inline=False, filename=None):
    """The allowed user gets the bytes with the product's type, nosniff and the right disposition; with the
    production setting the proxy is pointed at the stored name."""
    response = get(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment"), disposition
    if filename is not None:
        from urllib.parse import quote

        assert f"filename*=UTF-8''{quote(filename, safe='')}" in disposition
    assert not content_type.startswith(("text/", "image/svg"))
    body = b"".join(response.streaming_content)
    proxied = get(client, url, server="nginx")
    assert proxied.status_code == 200
    assert proxied["X-Accel-Redirect"] == f"/protected-media/{stored_name}"
    assert proxied["X-Content-Type-Options"] == "nosniff"
    assert proxied.content == b""
    return body
