"""Closing a round the official way (issue 13): minutes required (typed or a vetted file), a result document
naming its place, number, signer and recipients; scores never told in the audit summaries."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from danvan.core.models import AuditEvent
from danvan.recognition.models import AppraisalRound

from .rounds import entry_of, submit


def close_data(scored, **extra):
    data = {f"d{e.pk}": "recognised" for e in scored.entries.all()}
    data.update({"decision_number": "20-TB/BDV", "decision_date": "22/12/2025"}, **extra)
    return data


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return "\n".join(texts)


def test_a_round_does_not_close_without_minutes(cast, login, scored):
    client = login(cast.ward_officer)
    response = client.post(reverse("recognition:round_close", args=[scored.pk]), close_data(scored))
    assert response.status_code == 200
    assert "Hãy ghi biên bản họp hội đồng hoặc tải tệp biên bản lên." in response.content.decode()
    assert AppraisalRound.objects.get(pk=scored.pk).status == "open"


def test_a_forged_minutes_file_is_refused_by_the_one_vetting_path(cast, login, scored):
    client = login(cast.ward_officer)
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xfe\x00"  # an executable's first bytes
    fake = SimpleUploadedFile("bien-ban.docx", program, content_type="application/octet-stream")
    response = client.post(
        reverse("recognition:round_close", args=[scored.pk]), {**close_data(scored), "minutes_file": fake}
    )
    assert response.status_code == 200 and AppraisalRound.objects.get(pk=scored.pk).status == "open"


def test_the_chair_closes_with_a_minutes_file_and_the_result_document_is_official(
    cast, login, scored, members
):
    buffer = io.BytesIO()
    minutes = Document()
    minutes.add_paragraph("BIÊN BẢN họp Hội đồng thẩm định")
    minutes.save(buffer)
    upload = SimpleUploadedFile("bien-ban-hoi-dong.docx", buffer.getvalue())
    chair = login(members[0])  # the council's chair
    response = chair.post(
        reverse("recognition:round_close", args=[scored.pk]),
        close_data(
            scored,
            minutes_file=upload,
            place_name="An Bình",
            signer_authority="T/M HỘI ĐỒNG",
            signer_title="CHỦ TỊCH",
            signer_name="Nguyễn Văn Chủ",
            recipients="Ban Dân vận Tỉnh ủy (b/c)\nCác khu phố",
        ),
    )
    assert response.status_code == 302
    scored.refresh_from_db()
    assert scored.minutes_file and scored.minutes_file_name == "bien-ban-hoi-dong.docx"
    page = chair.get(reverse("recognition:round_detail", args=[scored.pk])).content.decode()
    assert "bien-ban-hoi-dong.docx" in page and reverse("recognition:round_result", args=[scored.pk]) in page
    stored = chair.get(reverse("files:download", args=["appraisal-minutes", scored.pk]))
    assert stored.status_code == 200
    assert (
        login(cast.outsider).get(reverse("files:download", args=["appraisal-minutes", scored.pk])).status_code
        == 404
    )

    result = chair.get(reverse("recognition:round_result", args=[scored.pk]))
    assert result.status_code == 200 and "thong-bao-ket-qua-tham-dinh" in result["Content-Disposition"]
    text = docx_text(result.content)
    assert "THÔNG BÁO" in text and "20-TB/BDV" in text
    assert "An Bình, ngày 22 tháng 12 năm 2025" in text
    assert "T/M HỘI ĐỒNG" in text and "CHỦ TỊCH" in text and "Nguyễn Văn Chủ" in text
    assert "Nơi nhận" in text and "Ban Dân vận Tỉnh ủy (b/c)" in text and "Lưu: VT" in text
    assert "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in text  # the full place, no level skipped
    assert "Khu phố sáng, xanh, sạch" in text


def test_the_result_document_waits_for_the_close(cast, login, scored):
    url = reverse("recognition:round_result", args=[scored.pk])
    response = login(cast.ward_officer).get(url, follow=True)
    assert "Đợt chưa kết thúc" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("recognition:round_detail", args=[scored.pk])


def test_a_sent_sheet_tells_nobody_its_points_in_the_audit_summary(round_, members, exemplars):
    submit(members[1], round_, exemplars[0], 43, 42)
    summaries = list(AuditEvent.objects.filter(verb="score").values_list("summary", flat=True))
    assert summaries and not any("85" in s or "điểm" in s for s in summaries)
    assert entry_of(round_, exemplars[0])
