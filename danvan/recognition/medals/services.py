"""Medal “Vì sự nghiệp Dân vận”: the rule set, nominations and the approval chain (writes).

    unit proposes ──> committee above checks ──> committee sends up
          ▲                    │
          └──── returned ◄─────┘  (with a comment; the unit corrects and proposes again)

- rules: Cap.CATALOG_MANAGE (an administrator); nothing numeric is written in code, every threshold is a
  rule's field; the check against them is in eligibility;
- propose / correct / dossier files: Cap.MEDAL_PROPOSE at the nominating unit;
- check / return / send up: the committee above the nominating unit (policy.can_check).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.lib import vntext
from danvan.org.models import Person, Unit

from ..models import MedalDossierFile, MedalNomination, MedalRule
from . import policy
from .eligibility import FAIL, RESULT_LABELS, checks_text, evaluate

# Dossier documents pass the upload gatekeeper (danvan.lib.uploads), which vets Word, Excel and plain text
# only: a PDF or a scan cannot be checked, so the signed originals stay on paper and the dossier holds
# their Word/Excel versions.
DOSSIER_KINDS = ("docx", "xlsx")
NOMINATION_FIELDS = [
    "person_id",
    "group",
    "years_in_work",
    "start_year",
    "has_discipline",
    "discipline_note",
    "achievements",
]


# --- rules -----------------------------------------------------------------------------------------------


@transaction.atomic
def rule_save(
    *,
    actor,
    name: str,
    group: str,
    min_years: int | None = None,
    requires_no_discipline: bool = False,
    active: bool = True,
    note: str = "",
    rule: MedalRule | None = None,
    expected_version: int | None = None,
) -> MedalRule:
    access.require(actor, Cap.CATALOG_MANAGE)
    name, group = vntext.clean_text(name), vntext.clean_text(group)
    if not name:
        raise ServiceError(_("Hãy ghi tên tiêu chí."), field="name")
    if not group:
        raise ServiceError(_("Hãy ghi nhóm đối tượng áp dụng tiêu chí."), field="group")
    if min_years is not None and min_years < 0:
        raise ServiceError(_("Số năm không thể âm."), field="min_years")
    if min_years is None and not requires_no_discipline:
        raise ServiceError(
            _("Tiêu chí cần có số năm tối thiểu hoặc yêu cầu không bị kỷ luật (hoặc cả hai)."),
            field="min_years",
        )
    fields = ["name", "group", "min_years", "requires_no_discipline", "active", "note"]
    creating = rule is None
    rule = rule or MedalRule()
    before = audit.snapshot(rule, fields) if not creating else {}
    rule.name, rule.group, rule.min_years = name[:200], group[:200], min_years
    rule.requires_no_discipline, rule.active, rule.note = (
        requires_no_discipline,
        active,
        vntext.nfc(note).strip(),
    )
    rule.updated_by = actor
    rule.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=rule,
        summary=_("Thêm tiêu chí xét Kỷ niệm chương") if creating else _("Sửa tiêu chí xét Kỷ niệm chương"),
        changes=audit.field_changes(before, audit.snapshot(rule, fields)),
    )
    return rule


# --- nominations -----------------------------------------------------------------------------------------


def _clean_fields(*, group: str, years_in_work, start_year, has_discipline, discipline_note, achievements):
    group = vntext.clean_text(group)
    if not group:
        raise ServiceError(_("Hãy chọn nhóm đối tượng."), field="group")
    this_year = timezone.localdate().year
    if start_year is not None and start_year > this_year:
        raise ServiceError(_("Năm bắt đầu không thể ở tương lai."), field="start_year")
    if years_in_work is not None and start_year is not None and years_in_work > this_year - start_year + 1:
        raise ServiceError(
            _("Số năm làm công tác dân vận nhiều hơn số năm kể từ năm bắt đầu: hãy kiểm tra lại."),
            field="years_in_work",
        )
    discipline_note = vntext.clean_text(discipline_note)[:500]
    if has_discipline and not discipline_note:
        raise ServiceError(_("Hãy ghi hình thức và thời gian kỷ luật."), field="discipline_note")
    return {
        "group": group[:200],
        "years_in_work": years_in_work,
        "start_year": start_year,
        "has_discipline": has_discipline,
        "discipline_note": discipline_note if has_discipline else "",
        "achievements": vntext.nfc(achievements).strip(),
    }


def _check_person(person: Person, unit: Unit) -> None:
    if not person.unit.path.startswith(unit.path):
        raise ServiceError(
            _("%(person)s không công tác tại %(unit)s hoặc đơn vị trực thuộc.")
            % {"person": person.full_name, "unit": unit.name},
            field="person",
        )


@transaction.atomic
def nomination_propose(
    *,
    actor,
    unit: Unit,
    person: Person,
    group: str,
    years_in_work: int | None = None,
    start_year: int | None = None,
    has_discipline: bool | None = None,
    discipline_note: str = "",
    achievements: str = "",
) -> MedalNomination:
    access.require(actor, Cap.MEDAL_PROPOSE, unit)
    _check_person(person, unit)
    values = _clean_fields(
        group=group,
        years_in_work=years_in_work,
        start_year=start_year,
        has_discipline=has_discipline,
        discipline_note=discipline_note,
        achievements=achievements,
    )
    if MedalNomination.objects.filter(person=person).exists():
        raise ServiceError(
            _("%(p)s đã có đề nghị Kỷ niệm chương: hãy mở đề nghị đó để sửa, bổ sung.")
            % {"p": person.full_name},
            field="person",
        )
    nomination = MedalNomination(person=person, unit=unit, created_by=actor, **values)
    nomination.checks = evaluate(nomination)
    nomination.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="propose",
        obj=nomination,
        summary=_("Đề nghị Kỷ niệm chương “Vì sự nghiệp Dân vận”"),
        unit_path=unit.path,
    )
    return nomination


@transaction.atomic
def nomination_update(
    *,
    actor,
    nomination: MedalNomination,
    person: Person,
    group: str,
    years_in_work: int | None = None,
    start_year: int | None = None,
    has_discipline: bool | None = None,
    discipline_note: str = "",
    achievements: str = "",
    expected_version: int | None = None,
) -> MedalNomination:
    """The unit corrects its proposal (also after a return: it goes back to «proposed»)."""
    access.require(actor, Cap.MEDAL_PROPOSE, nomination.unit)
    if nomination.status not in (MedalNomination.Status.PROPOSED, MedalNomination.Status.RETURNED):
        raise ServiceError(_("Đề nghị đã được Ban Dân vận kiểm tra: không sửa được nữa."))
    _check_person(person, nomination.unit)
    values = _clean_fields(
        group=group,
        years_in_work=years_in_work,
        start_year=start_year,
        has_discipline=has_discipline,
        discipline_note=discipline_note,
        achievements=achievements,
    )
    before = audit.snapshot(nomination, [*NOMINATION_FIELDS, "status"])
    nomination.person = person
    for name, value in values.items():
        setattr(nomination, name, value)
    nomination.status = MedalNomination.Status.PROPOSED
    nomination.checks = evaluate(nomination)
    nomination.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=nomination,
        summary=_("Sửa đề nghị Kỷ niệm chương"),
        changes=audit.field_changes(before, audit.snapshot(nomination, [*NOMINATION_FIELDS, "status"])),
        unit_path=nomination.unit.path,
    )
    return nomination


def _delete_file_on_commit(fieldfile) -> None:
    """The stored file goes once the row's deletion is committed: a transaction rolled back after the
    delete (a later error, a test's savepoint) keeps the row and its file both."""
    storage, name = fieldfile.storage, fieldfile.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def nomination_withdraw(*, actor, nomination: MedalNomination) -> None:
    """The unit withdraws a proposal the committee has not checked yet (or one returned to it)."""
    access.require(actor, Cap.MEDAL_PROPOSE, nomination.unit)
    if nomination.status not in (MedalNomination.Status.PROPOSED, MedalNomination.Status.RETURNED):
        raise ServiceError(_("Đề nghị đã được Ban Dân vận kiểm tra: không rút được."))
    audit.record(
        actor=actor,
        verb="withdraw",
        obj=nomination,
        summary=_("Rút đề nghị Kỷ niệm chương"),
        unit_path=nomination.unit.path,
    )
    for item in nomination.files.all():
        _delete_file_on_commit(item.file)
    nomination.delete()


def _locked(nomination: MedalNomination) -> MedalNomination:
    return (
        MedalNomination.objects.select_for_update(of=("self",))
        .select_related("unit__parent", "person")
        .get(pk=nomination.pk)
    )


@transaction.atomic
def nomination_check(*, actor, nomination: MedalNomination) -> MedalNomination:
    """The committee above checks the proposal: the rules in force are run again and the result kept."""
    nomination = _locked(nomination)
    policy.require_committee(actor, nomination)
    if nomination.status != MedalNomination.Status.PROPOSED:
        raise ServiceError(
            _("Chỉ kiểm tra được đề nghị đang ở bước «Đơn vị đề nghị» (hiện: %(s)s).")
            % {"s": nomination.get_status_display()}
        )
    nomination.checks = evaluate(nomination)
    nomination.status = MedalNomination.Status.CHECKED
    nomination.checked_by, nomination.checked_at = actor, timezone.now()
    nomination.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="check",
        obj=nomination,
        summary=_("Kiểm tra đề nghị Kỷ niệm chương: %(r)s")
        % {"r": RESULT_LABELS.get(nomination.overall, nomination.overall)},
        changes={"status": [MedalNomination.Status.PROPOSED, nomination.status]},
        unit_path=nomination.unit.path,
    )
    return nomination


@transaction.atomic
def nomination_send_up(*, actor, nomination: MedalNomination) -> MedalNomination:
    """Send a checked nomination up; refused while a rule in force is not met."""
    nomination = _locked(nomination)
    policy.require_committee(actor, nomination)
    if nomination.status != MedalNomination.Status.CHECKED:
        raise ServiceError(_("Đề nghị phải được Ban Dân vận kiểm tra trước khi gửi cấp trên."))
    nomination.checks = evaluate(nomination)
    if nomination.overall == FAIL:
        raise ServiceError(
            _("Đề nghị không đạt tiêu chí đang áp dụng nên không gửi cấp trên được: %(why)s")
            % {"why": checks_text(nomination.checks)}
        )
    nomination.status = MedalNomination.Status.SENT
    nomination.sent_by, nomination.sent_at = actor, timezone.now()
    nomination.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="send",
        obj=nomination,
        summary=_("Gửi cấp trên đề nghị Kỷ niệm chương"),
        changes={"status": [MedalNomination.Status.CHECKED, nomination.status]},
        unit_path=nomination.unit.path,
    )
    return nomination


@transaction.atomic
def nomination_return(*, actor, nomination: MedalNomination, comment: str) -> MedalNomination:
    nomination = _locked(nomination)
    policy.require_committee(actor, nomination)
    comment = vntext.nfc(comment).strip()
    if not comment:
        raise ServiceError(_("Hãy ghi ý kiến để đơn vị biết cần bổ sung, sửa gì."), field="comment")
    if nomination.status not in (MedalNomination.Status.PROPOSED, MedalNomination.Status.CHECKED):
        raise ServiceError(
            _("Không trả lại được đề nghị ở bước «%(s)s».") % {"s": nomination.get_status_display()}
        )
    old = nomination.status
    nomination.status = MedalNomination.Status.RETURNED
    nomination.return_comment = comment
    nomination.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="return",
        obj=nomination,
        summary=_("Trả lại đề nghị Kỷ niệm chương: %(c)s") % {"c": comment[:200]},
        changes={"status": [old, nomination.status]},
        unit_path=nomination.unit.path,
    )
    return nomination


# --- dossier files ---------------------------------------------------------------------------------------


def _require_dossier_edit(actor, nomination: MedalNomination) -> None:
    access.require(actor, Cap.MEDAL_PROPOSE, nomination.unit)
    if nomination.status == MedalNomination.Status.SENT:
        raise ServiceError(_("Hồ sơ đã gửi cấp trên: không thay đổi tệp được."))


@transaction.atomic
def dossier_add(*, actor, nomination: MedalNomination, upload, max_bytes: int) -> MedalDossierFile:
    """Raises UploadRejected (danvan.lib.uploads) for a file that is not a sound .docx/.xlsx."""
    from danvan.lib.uploads import inspect_upload

    _require_dossier_edit(actor, nomination)
    inspected = inspect_upload(upload, name=upload.name, allowed=DOSSIER_KINDS, max_bytes=max_bytes)
    item = MedalDossierFile(nomination=nomination, name=inspected.name, uploaded_by=actor)
    store(item.file, inspected)
    item.save()
    audit.record(
        actor=actor,
        verb="upload",
        obj=nomination,
        summary=_("Thêm tệp hồ sơ: %(n)s") % {"n": inspected.name},
        unit_path=nomination.unit.path,
    )
    return item


@transaction.atomic
def dossier_remove(*, actor, item: MedalDossierFile) -> None:
    nomination = item.nomination
    _require_dossier_edit(actor, nomination)
    audit.record(
        actor=actor,
        verb="delete",
        obj=nomination,
        summary=_("Xóa tệp hồ sơ: %(n)s") % {"n": item.name},
        unit_path=nomination.unit.path,
    )
    _delete_file_on_commit(item.file)
    item.delete()
