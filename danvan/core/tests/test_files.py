"""The file door's own parts: names, content types, dispositions and the three ways bytes go out."""

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.test import override_settings
from django.urls import reverse

from danvan.core.files import RandomName, naming, serving, thumbnail_name


def test_stored_names_are_random_and_keep_only_extensions_the_product_writes():
    upload_to = RandomName("evidence")
    first, second = upload_to(None, "Biên bản.PDF"), upload_to(None, "Biên bản.PDF")
    assert first != second and first.startswith("evidence/") and first.endswith(".pdf")
    assert "Bi" not in first
    assert upload_to(None, "x.html").rsplit("/", 1)[1].isalnum()  # no extension at all
    assert upload_to(None, "a.svg").rsplit("/", 1)[1].isalnum()
    assert RandomName("evidence").deconstruct() == upload_to.deconstruct()
    assert thumbnail_name("exemplars/2026/06/abc.png") == "exemplars/2026/06/abc.thumb.jpg"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a/b/x.html", "application/octet-stream"),
        ("a/b/x.svg", "application/octet-stream"),
        ("a/b/x", "application/octet-stream"),
        ("a/b/x.PNG", "image/png"),
        ("a/b/x.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_the_content_type_comes_from_a_whitelist_never_from_the_users_words(name, content_type):
    assert naming.served_type(name) == content_type


def test_the_download_name_is_an_ascii_fallback_and_the_users_name_rfc5987():
    header = serving.content_disposition(inline=False, filename='Biên bản "họp"; đợt 1.docx')
    assert header.startswith('attachment; filename="bien-ban-hop-dot-1.docx"; ')
    assert (
        "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%3B%20%C4%91%E1%BB%A3t%201.docx"
        in header
    )
    assert serving.content_disposition(inline=True, filename="") == "inline"


def test_a_made_file_is_offered_under_readable_ascii_words_never_a_random_suffix():
    name = serving.download_name("Bảng tổng hợp", "Đăng ký mô hình «Dân vận khéo»", 2023, ext="xlsx")
    assert name == "bang-tong-hop_dang-ky-mo-hinh-dan-van-kheo_2023.xlsx"
    assert serving.download_name("Biểu mẫu", "", None, ext=".DOCX") == "bieu-mau.docx"
    long = serving.download_name("x " * 100, ext="xlsx")
    assert len(long) <= serving.MAX_PART + 5 and not long.startswith("-")
    header = serving.content_disposition(inline=False, filename=name)
    assert f'filename="{name}"' in header and f"filename*=UTF-8''{name}" in header


def test_the_three_servers(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("evidence/2026/01/abc.pdf", ContentFile(b"%PDF-1.4"))
    common: dict[str, Any] = {
        "content_type": "application/pdf",
        "inline": False,
        "filename": "a.pdf",
        "cache": "private",
    }
    response = serving.send(storage, name, **common)
    assert isinstance(response, FileResponse)
    assert response.getvalue() == b"%PDF-1.4"
    with override_settings(PROTECTED_MEDIA_SERVER="nginx"):
        response = serving.send(storage, name, **common)
        assert response["X-Accel-Redirect"] == "/protected-media/evidence/2026/01/abc.pdf"
    with override_settings(PROTECTED_MEDIA_SERVER="sendfile"):
        response = serving.send(storage, name, **common)
        assert response["X-Sendfile"] == str(tmp_path / "evidence/2026/01/abc.pdf")
    for header in ("X-Content-Type-Options", "Content-Disposition", "Content-Security-Policy"):
        assert response.has_header(header)
    with override_settings(PROTECTED_MEDIA_SERVER="apache"), pytest.raises(ImproperlyConfigured):
        serving.send(storage, name, **common)


def test_an_unknown_kind_is_not_found(cast, login):
    assert login(cast.admin).get(reverse("files:download", args=["no-such-kind", 1])).status_code == 404
    assert login(cast.admin).get("/files/public/no-such-kind/1/").status_code == 404


def test_media_is_not_served_openly(client, settings):
    assert client.get(f"{settings.MEDIA_URL}evidence/2026/01/x.pdf").status_code == 404


def test_every_stored_file_field_has_a_kind_behind_the_door():
    """A new FileField without a registered kind would be a file nobody can reach (or, worse, someone
    serves it openly): this fails until its app declares it in its files.py."""
    from django.apps import apps
    from django.db import models

    from danvan.core.files.registry import all_kinds

    declared = {(kind.model, kind.field) for kind in all_kinds()}
    fields = [
        (model, field.name)
        for model in apps.get_models()
        if model.__module__.startswith("danvan.") and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert len(fields) >= 6
    missing = [f"{model.__name__}.{name}" for model, name in fields if (model, name) not in declared]
    assert not missing
    for model, name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.FileField)
        upload_to = field.upload_to
        assert isinstance(upload_to, RandomName), f"{model.__name__}.{name} keeps the user's file name"
