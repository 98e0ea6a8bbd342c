"""The world the access matrix walks: for every kind of object a route needs, one in ward A (in the scope of
the cast's ward officer) and one in ward B (the outsider's ward), each carrying a marker string ("MKA-<kind>",
"MKB-<kind>") in its title or name, so a response can be scanned for what it must not show.

Objects are made with the models directly (apps.get_model): the matrix must not depend on the shape of the
apps' service modules, which move; the rows are what the services would have written.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone

from danvan.lib.vndates import parse_window
from danvan.testing.cast import Cast, build_cast
from danvan.testing.factories import PersonFactory

# What a person's private data looks like in ward A: a council member (no PERSON_VIEW) must never see these.
PERSON_MARKERS = ("MKA-phone-0901", "mka-email@an-binh.vn", "MKA-person-note", "MKA-person-name")


def model(label: str):
    return apps.get_model(label)


def tiny_docx(text: str) -> bytes:
    """A minimal Word file python-docx opens, with `text` as its one paragraph."""
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def tiny_xlsx(text: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tiny_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, format="PNG")
    return out.getvalue()


@dataclass
class Side:
    """The objects of one ward, by kind."""

    mark: str  # "MKA" or "MKB"
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as error:
            raise AttributeError(name) from error


@dataclass
class World:
    cast: Cast
    a: Side
    b: Side


def build_world() -> World:
    cast = build_cast()
    person = cast.ward_person
    person.full_name = "Trần Thị Lan MKA-person-name"
    person.phone = PERSON_MARKERS[0]
    person.email = PERSON_MARKERS[1]
    person.note = PERSON_MARKERS[2]
    person.save()
    a = build_side(cast, "MKA", ward=cast.ward, below=cast.area, person=person, officer=cast.ward_officer)
    other_person = PersonFactory(
        full_name="Phạm Văn MKB-person-name", unit=cast.other_ward, phone="MKB-phone"
    )
    b = build_side(
        cast, "MKB", ward=cast.other_ward, below=cast.other_ward, person=other_person, officer=cast.outsider
    )
    build_race(cast, a)
    return World(cast=cast, a=a, b=b)


def build_race(cast: Cast, a: Side) -> None:
    """A contest of ward A that two of its units compete in: the team (its leader is the cast's
    team_leader) and the bloc (its leader, `rival`, is made here). Nobody of the cast judges it."""
    from danvan.accounts import services as accounts
    from danvan.core.access import Role
    from danvan.testing.cast import PASSWORD

    rival = accounts.user_create(actor=cast.admin, username="rival", password=PASSWORD, full_name="Đối thủ")
    accounts.role_assign(actor=cast.admin, user=rival, role=Role.TEAM_LEADER, unit=cast.bloc)
    a.objects["rival"] = rival
    Contest, Entry = model("recognition.Contest"), model("recognition.ContestEntry")
    race = Contest.objects.create(owner=cast.ward, name="MKA-race", created_by=cast.ward_officer)
    a.objects["race"] = race
    for key, unit, user in (("team_entry", cast.team, cast.team_leader), ("rival_entry", cast.bloc, rival)):
        entry = Entry(
            contest=race,
            title=f"MKA-{key}",
            author=f"MKA-{key}-author",
            outlet="MKA-outlet",
            submitted_by=unit,
            created_by=user,
        )
        entry.file.save(f"MKA-{key}.docx", ContentFile(tiny_docx(f"MKA-{key}")), save=False)
        entry.file_name = f"MKA-{key}.docx"
        entry.save()
        a.objects[key] = entry


def build_side(cast: Cast, mark: str, *, ward, below, person, officer) -> Side:
    side = Side(mark)
    o = side.objects
    m = mark
    now = timezone.now()
    o["unit"] = ward
    o["below"] = below
    o["person"] = person
    o["officer"] = officer

    # plans: an issued plan with a task led by the unit below; a draft plan to edit.
    Plan, Task = model("plans.Plan"), model("plans.Task")
    o["plan"] = Plan.objects.create(
        issuing_unit=ward,
        title=f"{m}-plan",
        status=Plan.Status.ISSUED,
        issued_on=datetime.date(2026, 1, 5),
        issued_at=now,
        issued_by=officer,
        number=1,
        number_year=2026,
        symbol=f"01-KH/{m}",
        created_by=officer,
    )
    o["draft_plan"] = Plan.objects.create(issuing_unit=ward, title=f"{m}-draft-plan", created_by=officer)
    for key, plan in (("task", o["plan"]), ("draft_task", o["draft_plan"])):
        task = Task(plan=plan, title=f"{m}-{key}", lead_unit=below)
        task.set_due(parse_window("trước ngày 30/9/2099"))
        task.save()
        o[key] = task
    # a work programme of the ward with one item (led by the unit below)
    o["programme"] = Plan.objects.create(
        issuing_unit=ward,
        title=f"{m}-programme năm 2026",
        kind="programme",
        doc_type="CHƯƠNG TRÌNH",
        type_code="CTr",
        year=2026,
        created_by=officer,
    )
    item = Task(plan=o["programme"], title=f"{m}-programme-item", lead_unit=below)
    item.set_due(parse_window("quý II/2099"))
    item.save()
    o["programme_item"] = item
    model("plans.CalendarFeed").objects.create(unit=below)
    note = model("plans.TaskNote")(task=o["task"], author=officer, text=f"{m}-note", progress=10)
    note.evidence.save(f"{m}-evidence.png", ContentFile(tiny_png()), save=False)
    note.evidence_name = f"{m}-evidence.png"
    note.save()
    o["evidence"] = note

    # reporting: the unit's own form template, a call to the unit below, its submission, an upload, a job.
    FormTemplate, FormField = model("reporting.FormTemplate"), model("reporting.FormField")
    o["template"] = FormTemplate.objects.create(owner=ward, name=f"{m}-template", title=f"{m}-template-title")
    FormField.objects.create(template=o["template"], order=1, label=f"{m}-field", kind="text")
    builtin = FormTemplate.objects.filter(owner__isnull=True).first()
    Call = model("reporting.Call")
    o["call"] = Call.objects.create(
        owner=ward,
        template=builtin,
        title=f"{m}-call",
        due_end=datetime.date(2099, 9, 30),
        created_by=officer,
    )
    model("reporting.CallTarget").objects.create(call=o["call"], unit=below)
    Submission = model("reporting.Submission")
    first_field = builtin.fields.order_by("order").first()
    o["submission"] = Submission.objects.create(
        call=o["call"], unit=below, rows=[{str(first_field.pk): f"{m}-submission-row"}]
    )
    o["upload"] = model("reporting.UploadPreview").objects.create(
        submission=o["submission"],
        uploaded_by=officer,
        file_name=f"{m}-upload.xlsx",
        rows=[{str(first_field.pk): f"{m}-upload-row"}],
    )
    Job = model("reporting.ConsolidationJob")
    job = Job(call=o["call"], requested_by=officer, kind=Job.Kind.XLSX, status=Job.Status.DONE)
    job.file.save(f"{m}-job.xlsx", ContentFile(tiny_xlsx(f"{m}-job")), save=False)
    job.save()
    o["job"] = job
    # a periodic regime of the ward, asking the unit below (made directly: the matrix needs only the row)
    o["regime"] = model("reporting.Regime").objects.create(
        owner=ward,
        name=f"{m}-regime",
        template=builtin,
        root=ward,
        period_kinds=["month"],
        start_date=datetime.date(2026, 1, 1),
        created_by=officer,
    )

    # events: an event with a group the unit below nominates to, an invitation, a presentation.
    Event = model("events.Event")
    o["event"] = Event.objects.create(
        organiser=ward,
        title=f"{m}-event",
        venue=f"{m}-venue",
        time_start=datetime.date(2099, 12, 11),
        time_end=datetime.date(2099, 12, 11),
        time_text="ngày 11/12/2099",
        created_by=officer,
    )
    o["group"] = model("events.DelegateGroup").objects.create(
        event=o["event"], label=f"{m}-group", quota=3, nominating_unit=below
    )
    Invitation = model("events.Invitation")
    o["invitation"] = Invitation.objects.create(
        event=o["event"],
        group=o["group"],
        person=person,
        name=person.full_name,
        title=f"{m}-invitee-title",
        unit_name=below.name,
        email=person.email,
        phone=person.phone,
    )
    Presentation = model("events.Presentation")
    presentation = Presentation(
        event=o["event"], unit=below, title=f"{m}-presentation", presenter=f"{m}-presenter"
    )
    presentation.file.save(f"{m}-presentation.docx", ContentFile(tiny_docx(f"{m}-presentation")), save=False)
    presentation.file_name = f"{m}-presentation.docx"
    presentation.status = Presentation.Status.RECEIVED
    presentation.text = [f"{m}-presentation-text"]
    presentation.save()
    o["presentation"] = presentation

    # recognition: an exemplar with an attachment, an award, an appraisal round with an entry, a contest
    # with an entry, a round and a prize, a medal nomination with a dossier file.
    Exemplar = model("recognition.Exemplar")
    o["exemplar"] = Exemplar.objects.create(
        unit=below,
        year=2026,
        title=f"{m}-exemplar",
        description=f"{m}-exemplar-description",
        contact_name=f"{m}-exemplar-contact",
        field=model("recognition.Field").objects.first(),
        created_by=officer,
    )
    Attachment = model("recognition.Attachment")
    attachment = Attachment(exemplar=o["exemplar"], kind=Attachment.Kind.PHOTO, name=f"{m}-photo.png")
    attachment.file.save(f"{m}-photo.png", ContentFile(tiny_png()), save=False)
    attachment.save()
    o["attachment"] = attachment
    Award = model("recognition.Award")
    o["award"] = Award.objects.create(
        exemplar=o["exemplar"],
        recipient_name=f"{m}-award-recipient",
        form=Award.Form.CERTIFICATE,
        level="Chủ tịch UBND",
        decision_number=f"{m}-QD",
        decision_date=datetime.date(2026, 3, 1),
        issuer=ward,
    )
    Round = model("recognition.AppraisalRound")
    o["round"] = Round.objects.create(owner=ward, name=f"{m}-round", year=2026, level=Round.Level.WARD)
    model("recognition.Criterion").objects.create(
        round=o["round"], order=1, name=f"{m}-criterion", max_points=100
    )
    model("recognition.CouncilMember").objects.create(round=o["round"], user=cast.ward_council_member)
    o["round_entry"] = model("recognition.RoundEntry").objects.create(
        round=o["round"], exemplar=o["exemplar"]
    )
    Contest = model("recognition.Contest")
    o["contest"] = Contest.objects.create(owner=ward, name=f"{m}-contest", created_by=officer)
    entry = model("recognition.ContestEntry")(
        contest=o["contest"],
        title=f"{m}-contest-entry",
        author=f"{m}-author",
        outlet=f"{m}-outlet",
        submitted_by=below,
        created_by=officer,
    )
    entry.file.save(f"{m}-entry.docx", ContentFile(tiny_docx(f"{m}-entry")), save=False)
    entry.file_name = f"{m}-entry.docx"
    entry.save()
    o["contest_entry"] = entry
    contest_round = model("recognition.ContestRound").objects.create(
        contest=o["contest"], name=f"{m}-contest-round", order=1
    )
    contest_round.judges.add(cast.ward_council_member)
    o["contest_round"] = contest_round
    o["prize"] = model("recognition.Prize").objects.create(contest=o["contest"], name=f"{m}-prize")
    # medal rules are global, not a ward's: marked MKG (both sides share the one rule)
    o["medal_rule"], _created = model("recognition.MedalRule").objects.get_or_create(
        name="MKG-medal-rule", group="MKG-medal-group", defaults={"min_years": 10}
    )
    o["nomination"] = model("recognition.MedalNomination").objects.create(
        person=person,
        unit=below,
        group="MKG-medal-group",
        years_in_work=12,
        achievements=f"{m}-achievements",
        created_by=officer,
    )
    dossier = model("recognition.MedalDossierFile")(
        nomination=o["nomination"], name=f"{m}-dossier.docx", uploaded_by=officer
    )
    dossier.file.save(f"{m}-dossier.docx", ContentFile(tiny_docx(f"{m}-dossier")), save=False)
    dossier.save()
    o["dossier"] = dossier

    # the showcase: a recognised model of the unit below with a public photo, a private photo and a document
    # (a public model is public by design: its texts carry no marker, the scan is for what is not public)
    o["public_exemplar"] = Exemplar.objects.create(
        unit=below,
        year=2026,
        title=f"Mô hình công khai {m[-1]}",
        status=Exemplar.Status.RECOGNISED,
        published_at=timezone.now(),  # a manager put it on the showcase
        field=model("recognition.Field").objects.first(),
        created_by=officer,
    )
    for key, kind, data, name, public in (
        ("public_photo", Attachment.Kind.PHOTO, tiny_png(), "anh-cong-khai.png", True),
        ("private_photo", Attachment.Kind.PHOTO, tiny_png(), f"{m}-private-photo.png", False),
        ("public_document", Attachment.Kind.DOCUMENT, tiny_docx(f"{m}-doc"), f"{m}-doc.docx", False),
    ):
        item = Attachment(exemplar=o["public_exemplar"], kind=kind, name=name, is_public=public)
        item.file.save(name, ContentFile(data), save=False)
        item.save()
        o[key] = item

    # a document made in the background for the officer (its result goes to its owner only)
    DocumentJob = model("core.DocumentJob")
    document_job = DocumentJob(
        owner=officer,
        kind="matrix",
        title=f"{m}-document-job",
        status=DocumentJob.Status.DONE,
        file_name=f"{m}-document-job.docx",
        done=1,
        total=1,
        finished_at=now,
    )
    document_job.result.save(
        f"{m}-document-job.docx", ContentFile(tiny_docx(f"{m}-document-job")), save=False
    )
    document_job.save()
    o["document_job"] = document_job

    # org and accounts: an import batch by the ward's officer, a notice, the officer's role assignment.
    ImportBatch = model("org.ImportBatch")
    o["import_batch"] = ImportBatch.objects.create(
        kind=ImportBatch.Kind.PEOPLE,
        created_by=officer,
        file_name=f"{m}-import.xlsx",
        errors=[{"line": 2, "message": f"{m}-import-error"}],
    )
    o["notice"] = model("notifications.Notice").objects.create(
        user=officer, title=f"{m}-notice", body=f"{m}-notice-body", url="/"
    )
    o["assignment"] = officer.assignments.first()
    from danvan.citizens.tests import access as citizens_access

    citizens_access.build(o, mark=m, ward=ward, below=below, officer=officer)
    return side


def zip_text(body: bytes) -> str:
    """The XML parts of an Office file (DOCX, XLSX), concatenated: where a marker would be."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith(".xml")
        )
