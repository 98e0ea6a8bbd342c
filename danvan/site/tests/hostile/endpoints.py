"""Every upload endpoint of the product, as data: who posts, where, with which fields, what counts as saved.

Each ``Endpoint`` builds its objects from the canonical cast (``setup(cast)`` returns the state the other
callables need), says where and how one file is posted (``request(state)``: url, the other fields, the
file field's name; the test encodes the body as a browser does) and counts what a
post may leave behind (``saved(state)``): domain rows, never the staging rows of a two-step import (a
preview that lists problems is how those refuse). Adding an upload form means adding an entry here; the
test of the package fails when a ``FileField`` appears in a form that no entry covers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class Endpoint:
    name: str
    # "module.Class.field" of the form field the file goes in, or "module.view.key" of a view that reads
    # request.FILES[key] / request.FILES.get(key) itself (the coverage check reads it)
    form: str
    user: str  # attribute of the cast
    setup: Callable[[Any], dict]
    request: Callable[[dict], tuple[str, dict, str]]  # (url, other fields, name of the file field)
    saved: Callable[[dict], tuple]
    staged: Callable[[dict], list[str]] | None = None  # problems of the preview a post left, if any


# --- plans ------------------------------------------------------------------------------------------------


def _plan_setup(cast):
    from danvan.testing.factories import UnitFactory, kind

    committee = UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm", kind=kind("mobilization_committee"), parent=cast.province
    )
    return {"committee": committee}


def _plan_saved(state):
    from danvan.plans.models import Plan

    return (Plan.objects.count(),)


def _task_setup(cast):
    from danvan.plans import services
    from danvan.plans.tests.conftest import sample_document

    committee = _plan_setup(cast)["committee"]
    committee.abbreviation = "BDVTU"
    committee.save()
    draft = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=sample_document())
    return {"task": draft.tasks.get(label="1.")}


def _task_saved(state):
    from danvan.plans.models import TaskNote

    return (TaskNote.objects.count(),)


# --- reporting --------------------------------------------------------------------------------------------


def _submission_setup(cast):
    import datetime

    from danvan.reporting import services
    from danvan.reporting.services.templates import ensure_builtin_templates

    registration = ensure_builtin_templates()["registration"]
    call = services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title="Đăng ký hoạt động Tháng Dân vận 2023",
        due_date=datetime.date(2023, 9, 30),
        targets=[cast.ward],
    )
    return {"submission": services.submission_for(call=call, unit=cast.ward)}


def _submission_saved(state):
    submission = state["submission"]
    submission.refresh_from_db()
    return (submission.status, len(submission.rows), submission.versions.count())


def _signed_saved(state):
    submission = state["submission"]
    submission.refresh_from_db()
    return (bool(submission.signed_document), submission.signed_document_name)


def _submission_staged(state):
    from danvan.reporting.models import UploadPreview

    preview = UploadPreview.objects.filter(submission=state["submission"]).order_by("-pk").first()
    if preview is None or preview.pk in state.setdefault("seen", set()):
        return []
    state["seen"].add(preview.pk)
    return [problem["message"] for problem in preview.problems]


# --- org --------------------------------------------------------------------------------------------------


def _org_saved(state):
    from danvan.org.models import Person, Unit

    return (Person.objects.count(), Unit.objects.count())


def _org_staged(state):
    from danvan.org.models import ImportBatch

    batch = ImportBatch.objects.order_by("-pk").first()
    if batch is None or batch.pk in state.setdefault("seen", set()):
        return []
    state["seen"].add(batch.pk)
    return [problem["message"] for problem in batch.errors]


# --- events -----------------------------------------------------------------------------------------------


def _presentation_setup(cast):
    from danvan.events import services

    event = services.event_save(
        actor=cast.province_officer,
        organiser=cast.province,
        title="Hội nghị tọa đàm Tổ Dân vận 2026",
        venue="Hội trường tỉnh",
        time_text="dự kiến trung tuần tháng 12/2099",
        expected_attendance=10,
    )
    services.group_save(
        actor=cast.province_officer, event=event, label="Đại biểu phường", nominating_unit=cast.ward
    )
    presentation = services.presentations_request(
        actor=cast.province_officer, event=event, units=[cast.ward]
    )[0]
    return {"event": event, "presentation": presentation}


def _presentation_saved(state):
    presentation = state["presentation"]
    presentation.refresh_from_db()
    return (bool(presentation.file), presentation.status)


# --- recognition ------------------------------------------------------------------------------------------


def _exemplar_setup(cast):
    from danvan.recognition.models import Field
    from danvan.recognition.registry import services

    exemplar = services.exemplar_save(
        actor=cast.ward_officer,
        unit=cast.ward,
        year=2026,
        kind="initiative",
        field=Field.objects.get(name="Kinh tế"),
        title="Tổ hợp tác trồng rau an toàn",
    )
    return {"exemplar": exemplar}


def _exemplar_saved(state):
    exemplar = state["exemplar"]
    return (exemplar.attachments.count(), exemplar.updates.count())


def _contest_setup(cast):
    from danvan.recognition.contest import services

    contest = services.contest_save(
        actor=cast.province_officer, owner=cast.province, name="Cuộc thi báo chí 2025"
    )
    return {"contest": contest, "unit": cast.ward}


def _contest_saved(state):
    return (state["contest"].entries.count(),)


def _medal_setup(cast):
    from danvan.recognition.medals import services
    from danvan.recognition.tests.test_medals import GROUP

    nomination = services.nomination_propose(
        actor=cast.team_leader,
        unit=cast.team,
        person=cast.team_person,
        group=GROUP,
        achievements="Thành tích",
    )
    return {"nomination": nomination}


def _medal_saved(state):
    return (state["nomination"].files.count(),)


def _round_setup(cast):
    return {"cast": cast, "round": _closable_round(cast)}


def _closable_round(cast):
    """An open round with one entry and its council: deciding "not recognised" needs no score sheet, so
    a post with the minutes file is all that is missing to close it."""
    from danvan.recognition.appraisal import services
    from danvan.recognition.tests.appraisal.rounds import make_exemplar
    from danvan.testing.factories import make_appraisal_round

    round_ = make_appraisal_round(actor=cast.ward_officer, unit=cast.ward, year=2025)
    services.members_set(
        actor=cast.ward_officer,
        round_=round_,
        users=[cast.ward_council_member],
        chair=cast.ward_council_member,
    )
    exemplar = make_exemplar(cast.area, f"Khu phố sáng, xanh, sạch {round_.pk}")
    services.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=[exemplar])
    return round_


def _round_request(state):
    from danvan.recognition.models import AppraisalRound

    # A sound minutes file closes the round: the next file goes to a fresh one, ready to close.
    if AppraisalRound.objects.get(pk=state["round"].pk).status == AppraisalRound.Status.CLOSED:
        state["round"] = _closable_round(state["cast"])
    round_ = state["round"]
    fields = {f"d{entry.pk}": "not_recognised" for entry in round_.entries.all()}
    fields.update({"decision_number": "20-TB/BDV", "decision_date": "22/12/2025", "minutes": ""})
    return reverse("recognition:round_close", args=[round_.pk]), fields, "minutes_file"


def _round_saved(state):
    from danvan.recognition.models import AppraisalRound

    rounds = AppraisalRound.objects.all()
    return (
        rounds.filter(status=AppraisalRound.Status.CLOSED).count(),
        rounds.exclude(minutes_file="").count(),
    )


# --- citizens ---------------------------------------------------------------------------------------------


def _petition_setup(cast):
    import datetime

    from danvan.citizens.models import PetitionField
    from danvan.citizens.petitions import services

    petition = services.petition_record(
        actor=cast.ward_officer,
        received_unit=cast.ward,
        title="Đường vào khu phố Đông ngập nước mỗi khi mưa lớn",
        field=PetitionField.objects.get(name="Đất đai"),
        received_on=datetime.date.today() - datetime.timedelta(days=3),
        citizen={"full_name": "Nguyễn Văn Bình", "phone": "0912345678", "address": "Số 5 ngõ 12"},
    )
    return {"petition": petition}


def _petition_saved(state):
    return (state["petition"].attachments.count(),)


ENDPOINTS = [
    Endpoint(
        "plan_import",
        "danvan.plans.forms.PlanImportForm.file",
        "province_officer",
        _plan_setup,
        lambda state: (
            reverse("plans:plan_import"),
            {"issuing_unit": state["committee"].pk, "text": ""},
            "file",
        ),
        _plan_saved,
    ),
    Endpoint(
        "task_evidence",
        "danvan.plans.forms.TaskProgressForm.evidence",
        "ward_officer",
        _task_setup,
        lambda state: (
            reverse("plans:task_detail", args=[state["task"].pk]),
            {"status": "in_progress", "text": "Minh chứng"},
            "evidence",
        ),
        _task_saved,
    ),
    Endpoint(
        "submission_upload",
        "danvan.reporting.forms.UploadForm.file",
        "ward_officer",
        _submission_setup,
        lambda state: (reverse("reporting:submission_upload", args=[state["submission"].pk]), {}, "file"),
        _submission_saved,
        _submission_staged,
    ),
    Endpoint(
        "submission_signed",
        "danvan.reporting.forms.SignedDocumentForm.document",
        "ward_officer",
        _submission_setup,
        lambda state: (reverse("reporting:submission_signed", args=[state["submission"].pk]), {}, "document"),
        _signed_saved,
    ),
    Endpoint(
        "org_import",
        "danvan.org.transfer.forms.UploadForm.file",
        "ward_officer",
        lambda cast: {},
        lambda state: (reverse("org:import_start"), {"kind": "people"}, "file"),
        _org_saved,
        _org_staged,
    ),
    Endpoint(
        "presentation_upload",
        "danvan.events.forms.PresentationUploadForm.file",
        "ward_officer",
        _presentation_setup,
        lambda state: (
            reverse("events:presentation_upload", args=[state["event"].pk, state["presentation"].pk]),
            {"title": "Tham luận"},
            "file",
        ),
        _presentation_saved,
    ),
    Endpoint(
        "exemplar_attachment",
        "danvan.recognition.registry.forms.ProgressForm.file",
        "ward_officer",
        _exemplar_setup,
        lambda state: (
            reverse("recognition:exemplar_detail", args=[state["exemplar"].pk]),
            {"on": "15/06/2026", "text": "Tiến độ", "figures": ""},
            "file",
        ),
        _exemplar_saved,
    ),
    Endpoint(
        "contest_entry",
        "danvan.recognition.contest.forms.EntryForm.file",
        "ward_officer",
        _contest_setup,
        lambda state: (
            reverse("recognition:contest_entry_new", args=[state["contest"].pk]),
            {"submitted_by": state["unit"].pk, "title": "Bài", "author": "Tác giả", "outlet": "Báo tỉnh"},
            "file",
        ),
        _contest_saved,
    ),
    Endpoint(
        "medal_dossier",
        "danvan.recognition.medals.forms.DossierForm.file",
        "team_leader",
        _medal_setup,
        lambda state: (reverse("recognition:medal_file_upload", args=[state["nomination"].pk]), {}, "file"),
        _medal_saved,
    ),
    Endpoint(
        "exemplar_attach",
        "danvan.recognition.registry.views.exemplar_attach.file",
        "ward_officer",
        _exemplar_setup,
        lambda state: (
            reverse("recognition:exemplar_attach", args=[state["exemplar"].pk]),
            {"caption": "Ảnh mô hình"},
            "file",
        ),
        _exemplar_saved,
    ),
    Endpoint(
        "round_minutes",
        "danvan.recognition.appraisal.forms.CloseForm.minutes_file",
        "ward_officer",
        _round_setup,
        _round_request,
        _round_saved,
    ),
    Endpoint(
        "petition_attachment",
        "danvan.citizens.petitions.views.petition_attach.file",
        "ward_officer",
        _petition_setup,
        lambda state: (
            reverse("citizens:petition_attach", args=[state["petition"].pk]),
            {"caption": "Đơn của công dân"},
            "file",
        ),
        _petition_saved,
    ),
]


BOUNDARY = "----danvanHostileBoundary7MA4YWxkTrZu0gW"


def multipart(fields: dict, file_field: str, name: str, data: bytes) -> tuple[bytes, str]:
    """The body a browser sends: the file's whole name in the part header (Django's test client would cut
    it to 255 characters before sending, hiding what a browser's 1,000-character name does)."""
    out = bytearray()
    for key, value in fields.items():
        out += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
    quoted = name.replace('"', "%22").replace("\r", "").replace("\n", "")
    out += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{quoted}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    out += data + f"\r\n--{BOUNDARY}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={BOUNDARY}"


def post(client, endpoint: Endpoint, state: dict, name: str, data: bytes):
    url, fields, file_field = endpoint.request(state)
    body, content_type = multipart(fields, file_field, name, data)
    return client.post(url, body, content_type=content_type, follow=True)
