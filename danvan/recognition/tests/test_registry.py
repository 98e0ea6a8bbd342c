import base64
import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.recognition.models import Attachment, Award, Exemplar, Field
from danvan.recognition.registry import services

# A real picture: photos are decoded, so a PNG signature alone is not enough.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def field(db):
    return Field.objects.get(name="Kinh tế")


def register(cast, field, title="Tổ hợp tác trồng rau an toàn", unit=None, **extra):
    return services.exemplar_save(
        actor=cast.ward_officer,
        unit=unit or cast.area,
        year=2026,
        kind="initiative",
        field=field,
        title=title,
        **extra,
    )


def test_a_ward_registers_a_model_with_a_folded_search_text(cast, field):
    exemplar = register(cast, field)
    assert exemplar.status == Exemplar.Status.REGISTERED and "trong rau an toan" in exemplar.search_text


def test_a_near_identical_title_in_the_same_or_parent_unit_asks_for_confirmation(cast, field):
    register(cast, field, title="Tổ hợp tác trồng rau an toàn", unit=cast.ward)
    with pytest.raises(services.NearDuplicate) as warning:
        register(
            cast, field, title="trồng rau an toàn tổ hợp tác", unit=cast.area
        )  # other order, parent's unit
    assert "gần trùng" in warning.value.message
    confirmed = register(
        cast, field, title="trồng rau an toàn tổ hợp tác", unit=cast.area, confirm_duplicate=True
    )
    assert confirmed.pk
    register(cast, field, title="Câu lạc bộ dân vận khéo phụ nữ")  # a different title passes


def test_registering_outside_ones_units_is_refused(cast, field):
    with pytest.raises(PermissionDenied):
        services.exemplar_save(
            actor=cast.ward_officer,
            unit=cast.other_ward,
            year=2026,
            kind="initiative",
            field=field,
            title="Mô hình lạ",
        )


def test_photos_are_checked_by_their_bytes_and_size(cast, field):
    exemplar = register(cast, field)
    photo = services.attach(
        actor=cast.ward_officer,
        exemplar=exemplar,
        upload=SimpleUploadedFile("anh.png", PNG),
        caption="Ra quân",
    )
    assert photo.kind == Attachment.Kind.PHOTO
    with pytest.raises(ServiceError) as error:
        services.attach(
            actor=cast.ward_officer, exemplar=exemplar, upload=SimpleUploadedFile("anh.jpg", b"MZ\x90")
        )
    assert "không phải ảnh" in error.value.message
    big = SimpleUploadedFile("lon.png", PNG + b"\x00" * (services.MAX_PHOTO_BYTES + 10))
    with pytest.raises(ServiceError) as error:
        services.attach(actor=cast.ward_officer, exemplar=exemplar, upload=big)
    assert "quá lớn" in error.value.message


def test_progress_is_recorded_with_evidence(cast, field, login):
    exemplar = register(cast, field)
    response = login(cast.ward_officer).post(
        reverse("recognition:exemplar_detail", args=[exemplar.pk]),
        {
            "on": "15/06/2026",
            "text": "Đã có 20 hộ tham gia",
            "figures": "20 hộ",
            "file": SimpleUploadedFile("anh.png", PNG),
        },
    )
    assert response.status_code == 302
    update = exemplar.updates.get()
    assert update.on == datetime.date(2026, 6, 15) and update.attachments.count() == 1


def test_the_exemplar_pages_scope_trio(cast, field, login):
    exemplar = register(cast, field)
    url = reverse("recognition:exemplar_detail", args=[exemplar.pk])
    assert login(cast.ward_officer).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_council_member).get(url).status_code == 403
    assert (
        login(cast.team_leader).get(reverse("recognition:exemplar_edit", args=[exemplar.pk])).status_code
        == 404
    )


def test_the_registration_form_shows_the_duplicate_and_keeps_the_input(cast, field, login):
    register(cast, field, title="Tổ hợp tác trồng rau an toàn", unit=cast.ward)
    response = login(cast.ward_officer).post(
        reverse("recognition:exemplar_new"),
        {
            "unit": cast.area.pk,
            "year": 2026,
            "kind": "initiative",
            "field": field.pk,
            "title": "Trồng rau an toàn - tổ hợp tác",
        },
    )
    body = response.content.decode()
    assert 'data-testid="duplicate-warning"' in body and "Trồng rau an toàn - tổ hợp tác" in body
    assert Exemplar.objects.count() == 1


def test_an_award_gives_its_certificate_and_the_decision_list(cast, field, login):
    import io

    from docx import Document

    exemplar = register(cast, field)
    award = services.award_save(
        actor=cast.province_officer,
        issuer=cast.ward,
        recipient_name=exemplar.title,
        form=Award.Form.CERTIFICATE,
        level="Chủ tịch UBND phường",
        decision_number="12/QĐ-UBND",
        decision_date=datetime.date(2026, 12, 20),
        reason="xuất sắc năm 2026",
        exemplar=exemplar,
    )
    client = login(cast.province_officer)
    certificate = client.get(reverse("recognition:award_document", args=[award.pk, "certificate"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(certificate.content)).paragraphs)
    assert "GIẤY KHEN" in text and exemplar.title in text
    listing = client.get(reverse("recognition:award_document", args=[award.pk, "decision-list"]))
    cells = [c.text for t in Document(io.BytesIO(listing.content)).tables for r in t.rows for c in r.cells]
    assert exemplar.title in cells
    assert login(cast.team_leader).get(reverse("recognition:award_list")).status_code == 403
