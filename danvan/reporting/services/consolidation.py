"""Consolidation jobs: all accepted (or submitted) answers of a call into one file, in the background."""

import tempfile

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.files.serving import download_name

from ..documents import annex, consolidated, outline
from ..indicators.documents import indicator_table
from ..models import Call, ConsolidationJob, FormTemplate
from ..selectors import answers_for, unit_groups


def table_columns(template: FormTemplate) -> list[consolidated.Column]:
    return [consolidated.Column(key=str(f.pk), label=f.label, kind=f.kind) for f in template.fields.all()]


@transaction.atomic
def consolidation_request(*, call: Call, actor, kind: str, accepted_only: bool = True) -> ConsolidationJob:
    access.require(actor, Cap.CALL_MANAGE, call.owner)
    if kind not in ConsolidationJob.Kind.values:
        raise ServiceError(_("Loại tổng hợp không hợp lệ."))
    outline = call.template.layout == FormTemplate.Layout.OUTLINE
    if kind in (ConsolidationJob.Kind.XLSX, ConsolidationJob.Kind.DOCX) and outline:
        raise ServiceError(_("Báo cáo theo đề cương được tổng hợp theo đề mục, không thành bảng."))
    if kind == ConsolidationJob.Kind.OUTLINE and not outline:
        raise ServiceError(_("Yêu cầu này dùng biểu mẫu dạng bảng: hãy tổng hợp thành bảng Excel hoặc Word."))
    # A double click (or two managers at once) gets the job still waiting, not a second identical file:
    # the call's row serialises the requests, a queued job has not read the answers yet.
    Call.objects.select_for_update().filter(pk=call.pk).exists()
    waiting = ConsolidationJob.objects.filter(
        call=call, kind=kind, accepted_only=accepted_only, status=ConsolidationJob.Status.QUEUED
    ).first()
    if waiting is not None:
        return waiting
    total = answers_for(call, accepted_only=accepted_only).count()
    job = ConsolidationJob.objects.create(
        call=call, requested_by=actor, kind=kind, accepted_only=accepted_only, total=total
    )
    audit.record(
        actor=actor, verb="consolidate", obj=call, summary=job.get_kind_display(), unit_path=call.owner.path
    )

    def enqueue():
        from ..tasks import run_consolidation

        run_consolidation.enqueue(job.pk)

    transaction.on_commit(enqueue)
    return job


def _progress(job: ConsolidationJob):
    def report(done: int) -> None:
        ConsolidationJob.objects.filter(pk=job.pk).update(progress=done, updated_at=timezone.now())

    return report


FILE_WORDS = {
    ConsolidationJob.Kind.XLSX: ("Bảng tổng hợp", "xlsx"),
    ConsolidationJob.Kind.DOCX: ("Phụ lục tổng hợp", "docx"),
    ConsolidationJob.Kind.OUTLINE: ("Tổng hợp báo cáo", "docx"),
    ConsolidationJob.Kind.SUMMARY: ("Dự thảo báo cáo kết quả", "docx"),
}


def file_name(job: ConsolidationJob) -> str:
    """ "bang-tong-hop_dang-ky-hoat-dong-thang-dan-van_2023.xlsx": what, which call, which year."""
    words, extension = FILE_WORDS[ConsolidationJob.Kind(job.kind)]
    call = job.call
    return download_name(words, call.title, call.due_end.year, ext=extension)


def consolidation_run(job_id: int) -> str:
    job = ConsolidationJob.objects.select_related("call__template", "call__owner").get(pk=job_id)
    job.status = ConsolidationJob.Status.RUNNING
    job.save(update_fields=["status", "updated_at"])
    try:
        name, content = _build(job)
        try:
            job.original_name = name  # the stored name is random; the download is offered under this one
            job.file.save(name, content, save=False)
        finally:
            content.close()
        job.status, job.progress = ConsolidationJob.Status.DONE, job.total
        job.save()
    except Exception as error:  # the job records any failure for the user instead of vanishing
        job.status = ConsolidationJob.Status.FAILED
        job.error = str(error)[:2000]
        job.save(update_fields=["status", "error", "updated_at"])
        raise
    return job.status


def _build(job: ConsolidationJob):

    call = job.call
    template = call.template
    subtitle = f"{template.subtitle or call.title}".strip()
    title = template.title or _("BẢNG TỔNG HỢP")
    if job.kind == ConsolidationJob.Kind.XLSX:
        # Stays open until consolidation_run has stored it, then consolidation_run closes it.
        handle = tempfile.TemporaryFile()  # noqa: SIM115
        consolidated.write_xlsx(
            handle,
            title=title,
            subtitle=subtitle,
            columns=table_columns(template),
            groups=unit_groups(call, job.accepted_only),
            progress=_progress(job),
            total_units=job.total,
            indicators=indicator_table(call),  # issue 14
        )
        handle.seek(0)
        return file_name(job), File(handle)
    if job.kind == ConsolidationJob.Kind.DOCX:
        data = annex.write_docx(
            title=title,
            subtitle=subtitle,
            columns=table_columns(template),
            groups=unit_groups(call, job.accepted_only),
            issuer=call.owner.name,
        )
        return file_name(job), ContentFile(data)
    if job.kind == ConsolidationJob.Kind.OUTLINE:
        fields = list(template.fields.all())
        answers = (
            (s.unit.name, {i: s.sent.answers.get(str(f.pk), "") for i, f in enumerate(fields)})
            for s in answers_for(call, accepted_only=job.accepted_only).iterator(chunk_size=200)
        )
        merged = outline.merge_outline(headings=[f.label for f in fields], answers=answers)
        data = outline.write_outline_docx(
            title=subtitle or call.title, headings=[f.label for f in fields], merged=merged
        )
        return file_name(job), ContentFile(data)
    from .report_draft import result_report

    data = result_report(job)
    return file_name(job), ContentFile(data)
