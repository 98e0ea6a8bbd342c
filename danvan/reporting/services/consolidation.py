"""Consolidation jobs: all accepted (or submitted) answers of a call into one file, in the background."""

import tempfile

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ..documents import annex, consolidated, outline, summary
from ..indicators.documents import indicator_table
from ..models import Call, ConsolidationJob, FormTemplate
from ..selectors import answers_for, call_figures, unit_groups


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


def _file_name(call: Call, extension: str, suffix: str) -> str:
    stem = slugify(vntext.fold(f"tong hop {suffix} {call.title}"))[:80] or "tong-hop"
    return f"{stem}.{extension}"


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
        return _file_name(call, "xlsx", "bang"), File(handle)
    if job.kind == ConsolidationJob.Kind.DOCX:
        data = annex.write_docx(
            title=title,
            subtitle=subtitle,
            columns=table_columns(template),
            groups=unit_groups(call, job.accepted_only),
            issuer=call.owner.name,
        )
        return _file_name(call, "docx", "phu luc"), ContentFile(data)
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
        return _file_name(call, "docx", "bao cao"), ContentFile(data)
    figures = call_figures(call, accepted_only=job.accepted_only)
    figures.indicators = indicator_table(call)  # issue 14
    from danvan.plans.services import header_texts

    superior, issuing = header_texts(call.owner)
    data = summary.render_summary_report(
        figures=[figures],
        issuing_body=issuing,
        superior_body=superior,
        place=call.plan.place if call.plan_id and call.plan.place else "",
        title=_("kết quả %(t)s") % {"t": call.title},
        signer_authority=["TRƯỞNG BAN"],
        signer_name="",
    )
    return _file_name(call, "docx", "bao cao ket qua"), ContentFile(data)
