"""The draft result report made from a call: sentences with verbs, number line, place and date, the plan's
signer, and the recipients in "Nơi nhận"."""

import io

from django.test import TestCase
from django.utils import timezone
from docx import Document

from danvan.reporting import services
from danvan.reporting.models import ConsolidationJob

from .conftest import row_for


def _texts(job) -> list[str]:
    with job.file.open("rb") as handle:
        doc = Document(io.BytesIO(handle.read()))
    texts = [p.text for p in doc.paragraphs if p.text]
    for table in doc.tables:
        for cell in table._cells:
            texts.extend(p.text for p in cell.paragraphs if p.text)
    return texts


def _summary(call, actor):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = services.consolidation_request(call=call, actor=actor, kind="summary", accepted_only=False)
    job.refresh_from_db()
    assert job.status == ConsolidationJob.Status.DONE, job.error
    return job


def test_the_draft_report_of_a_plans_call_names_number_place_date_signer_and_recipients(cast, committee_plan):
    calls = services.calls_from_plan(
        actor=cast.province_officer, plan=committee_plan, targets=[cast.ward, cast.other_ward, cast.agency]
    )
    call = next(c for c in calls if c.template.layout == "table")
    submission = services.submission_for(call=call, unit=cast.ward)
    rows = [row_for(call.template, ten="Gặp mặt", thoi="15/10/2023", quy="Cấp xã")]
    rows = [{k: v for k, v in r.items()} for r in rows]
    services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    job = _summary(call, cast.province_officer)
    texts = _texts(job)
    joined = "\n".join(texts)
    doc = committee_plan.document()
    today = timezone.localdate()
    assert any(t.startswith("Số") and "-BC/" in t for t in texts), joined
    assert f"ngày {today:%d}" in joined and f"năm {today.year}" in joined
    place = committee_plan.place or doc.place or "……………"
    assert f"{place}, ngày {today:%d}" in joined
    sentence = next(t for t in texts if "đã đề nghị 3 cơ quan, đơn vị" in t)
    assert f"đến ngày {today:%d/%m/%Y}, đã có 1 đơn vị gửi" in sentence and "2 đơn vị chưa gửi" in sentence
    after = sentence.split("đơn vị ", 1)[1]
    assert after.split()[0] in ("đăng", "gửi", "báo"), sentence  # a verb follows the units asked
    if doc.signature and doc.signature.signer_name:
        assert doc.signature.signer_name in texts
    assert "Nơi nhận:" in joined and "- Lưu: VT." in texts
    assert any(cast.other_ward.name in t for t in texts if t.startswith("- "))
    assert job.original_name.startswith("du-thao-bao-cao-ket-qua_") and job.original_name.endswith(".docx")


def test_the_draft_report_of_a_call_without_a_plan_leaves_the_leader_to_fill(cast, call):
    job = _summary(call, cast.province_officer)
    texts = _texts(job)
    assert "(Họ và tên người ký)" in texts and "TRƯỞNG BAN" in texts
    assert any(t.startswith("Số") and t.endswith("-BC/TTN") for t in texts)
    sentence = next(t for t in texts if "đã đề nghị 3 cơ quan, đơn vị đăng ký" in t)
    assert "chưa có đơn vị nào gửi" in sentence
    assert "- Phường An Bình;" in texts and "- Lưu: VT." in texts
