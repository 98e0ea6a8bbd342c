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


def zip_bomb_docx(size: int = 8 * 1024 * 1024) -> bytes:
    """A Word package whose document part is ``size`` zeros squeezed into a few KB (ratio ~1000:1)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("word/document.xml", b"<w>" + b"\0" * size + b"</w>")
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header announces ``width`` × ``height`` pixels, with almost no data: an image bomb."""
    import struct
    import zlib

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * (width + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def hostile_uploads() -> list[tuple[str, bytes]]:
    """What an attacker (or an unlucky officer) posts to an upload form."""
    script = b"<script>alert(document.cookie)</script>"
    return [
        ("trang.html", b"<!doctype html><html>" + script + b"</html>"),
        ("anh.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">' + script + b"</svg>"),
        ("x.html", b"\x89PNG\r\n\x1a\n<html>" + script + b"</html>"),
        ("bom.docx", zip_bomb_docx()),
        ("bom.png", png_declaring(30_000, 30_000)),
        ("chuong-trinh.exe", b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00"),
        ("cu.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512),
    ]


def assert_all_refused(post, *, stored_count):
    """Every hostile upload, posted by ``post(upload)`` (a followed response), is refused: no server error,
    a Vietnamese message naming the file, and nothing stored (``stored_count()`` unchanged)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = stored_count()
    for name, data in hostile_uploads():
        response = post(SimpleUploadedFile(name, data))
        assert response.status_code < 500, name
        page = response.content.decode()
        assert f"«{name}»" in page or f"&laquo;{name}&raquo;" in page, name
        assert stored_count() == before, name
