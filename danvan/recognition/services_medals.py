"""Medal “Vì sự nghiệp Dân vận”: the rule set, nominations, their automatic check and the approval chain.

    unit proposes ──> committee above checks ──> committee sends up
          ▲                    │
          └──── returned ◄─────┘  (with a comment; the unit corrects and proposes again)

- rules: Cap.CATALOG_MANAGE (an administrator); nothing numeric is written in code, every threshold is a
  rule's field;
- propose / correct / dossier files: Cap.EXEMPLAR_REGISTER at the nominating unit;
- check / return / send up: Cap.APPRAISAL_MANAGE at a unit above the nominating unit (a committee does not
  check its own proposals: the unit above does).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.lib import vntext
from danvan.org.models import Person, Unit

from .models_medals import MedalDossierFile, MedalNomination, MedalRule

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
RESULT_LABELS = {PASS: "Đạt", FAIL: "Không đạt", UNKNOWN: "Chưa đủ dữ liệu"}
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


def can_edit_rules(user) -> bool:
    return access.has_cap(user, Cap.CATALOG_MANAGE)


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
    save_if_current(rule, expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=rule,
        summary=_("Thêm tiêu chí xét Kỷ niệm chương") if creating else _("Sửa tiêu chí xét Kỷ niệm chương"),
        changes=audit.field_changes(before, audit.snapshot(rule, fields)),
    )
    return rule


def rule_groups(*, include: str = "") -> list[str]:
    """The groups that rules in force name, in Vietnamese order (plus `include`, a nomination's own)."""
    groups = set(MedalRule.objects.active().values_list("group", flat=True))
    if include:
        groups.add(include)
    return sorted(groups, key=vntext.sort_key)


def rules_for(group: str) -> list[MedalRule]:
    key = vntext.fold(group)
    return [r for r in MedalRule.objects.active() if vntext.fold(r.group) == key]


# --- the automatic check ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    years: int | None
    years_text: str  # where the number of years comes from
    has_discipline: bool | None
    discipline_note: str


def facts_of(nomination: MedalNomination, *, year: int) -> Facts:
    if nomination.years_in_work is not None:
        return Facts(
            nomination.years_in_work,
            _("theo kê khai"),
            nomination.has_discipline,
            nomination.discipline_note,
        )
    if nomination.start_year and nomination.start_year <= year:
        return Facts(
            year - nomination.start_year,
            _("tính từ năm bắt đầu %(start)s đến năm %(year)s")
            % {"start": nomination.start_year, "year": year},
            nomination.has_discipline,
            nomination.discipline_note,
        )
    return Facts(None, "", nomination.has_discipline, nomination.discipline_note)


def _years_check(rule: MedalRule, facts: Facts) -> dict:
    if facts.years is None:
        return {
            "criterion": "years",
            "result": UNKNOWN,
            "reason": _(
                "Chưa có số năm làm công tác dân vận (hoặc năm bắt đầu) để đối chiếu với mức tối thiểu "
                "%(min)s năm."
            )
            % {"min": rule.min_years},
        }
    values = {"years": facts.years, "min": rule.min_years, "source": facts.years_text}
    if facts.years >= rule.min_years:
        return {
            "criterion": "years",
            "result": PASS,
            "reason": _("Có %(years)s năm làm công tác dân vận (%(source)s), đạt mức tối thiểu %(min)s năm.")
            % values,
        }
    return {
        "criterion": "years",
        "result": FAIL,
        "reason": _(
            "Có %(years)s năm làm công tác dân vận (%(source)s), chưa đủ mức tối thiểu %(min)s năm "
            "(còn thiếu %(missing)s năm)."
        )
        % {**values, "missing": rule.min_years - facts.years},
    }


def _discipline_check(facts: Facts) -> dict:
    if facts.has_discipline is None:
        return {
            "criterion": "discipline",
            "result": UNKNOWN,
            "reason": _("Chưa rõ người được đề nghị có bị kỷ luật hay không."),
        }
    if facts.has_discipline:
        note = f" ({facts.discipline_note})" if facts.discipline_note else ""
        return {
            "criterion": "discipline",
            "result": FAIL,
            "reason": _("Đã bị kỷ luật%(note)s: tiêu chí loại trừ trường hợp bị kỷ luật.") % {"note": note},
        }
    return {"criterion": "discipline", "result": PASS, "reason": _("Không bị kỷ luật.")}


def _combine(results: list[str]) -> str:
    if FAIL in results:
        return FAIL
    if UNKNOWN in results or not results:
        return UNKNOWN
    return PASS


def evaluate(
    nomination: MedalNomination, *, rules: list[MedalRule] | None = None, year: int | None = None
) -> dict:
    """Check a nomination against every active rule of its group; writes nothing.

    Each rule gives pass, fail or unknown (unknown where the nomination lacks the data the rule asks for);
    the overall result is fail if any rule fails, else unknown if any is unknown or no rule applies."""
    year = year or timezone.localdate().year
    rules = rules_for(nomination.group) if rules is None else rules
    facts = facts_of(nomination, year=year)
    results = []
    for rule in rules:
        parts = []
        if rule.min_years is not None:
            parts.append(_years_check(rule, facts))
        if rule.requires_no_discipline:
            parts.append(_discipline_check(facts))
        results.append(
            {
                "rule_id": rule.pk,
                "rule": rule.name,
                "rule_version": rule.version,
                "min_years": rule.min_years,
                "requires_no_discipline": rule.requires_no_discipline,
                "result": _combine([p["result"] for p in parts]),
                "details": parts,
            }
        )
    summary = ""
    if not rules:
        summary = _(
            "Chưa có tiêu chí nào đang áp dụng cho nhóm «%(group)s»: cần quản trị viên bổ sung tiêu chí "
            "trước khi đối chiếu."
        ) % {"group": nomination.group}
    return {
        "at": timezone.now().isoformat(timespec="seconds"),
        "year": year,
        "group": nomination.group,
        "overall": _combine([r["result"] for r in results]),
        "summary": summary,
        "rules": results,
    }


def checks_text(checks: dict) -> str:
    """One line per rule, for the export and the history: «Tên tiêu chí: Đạt — lý do; lý do»."""
    if not checks:
        return ""
    lines = [checks["summary"]] if checks.get("summary") else []
    for rule in checks.get("rules", []):
        reasons = "; ".join(d["reason"] for d in rule.get("details", []))
        lines.append(f"{rule['rule']}: {RESULT_LABELS.get(rule['result'], rule['result'])} — {reasons}")
    return "\n".join(lines)


# --- nominations -----------------------------------------------------------------------------------------


def _require_committee(actor, nomination: MedalNomination) -> None:
    """Cap.APPRAISAL_MANAGE at a unit above the nominating one (at the root: a system administrator)."""
    if not can_check(actor, nomination):
        raise PermissionDenied


def can_check(user, nomination: MedalNomination) -> bool:
    parent = nomination.unit.parent
    if parent is None:
        # caps_at("") keeps only the grants on the whole system: nobody else sits above a root unit.
        return Cap.APPRAISAL_MANAGE in access.caps_at(user, "")
    return access.has_cap(user, Cap.APPRAISAL_MANAGE, parent)


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
    access.require(actor, Cap.EXEMPLAR_REGISTER, unit)
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
    save_if_current(nomination, expected_version=None)
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
    access.require(actor, Cap.EXEMPLAR_REGISTER, nomination.unit)
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
    save_if_current(nomination, expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=nomination,
        summary=_("Sửa đề nghị Kỷ niệm chương"),
        changes=audit.field_changes(before, audit.snapshot(nomination, [*NOMINATION_FIELDS, "status"])),
        unit_path=nomination.unit.path,
    )
    return nomination


@transaction.atomic
def nomination_withdraw(*, actor, nomination: MedalNomination) -> None:
    """The unit withdraws a proposal the committee has not checked yet (or one returned to it)."""
    access.require(actor, Cap.EXEMPLAR_REGISTER, nomination.unit)
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
        item.file.delete(save=False)
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
    _require_committee(actor, nomination)
    if nomination.status != MedalNomination.Status.PROPOSED:
        raise ServiceError(
            _("Chỉ kiểm tra được đề nghị đang ở bước «Đơn vị đề nghị» (hiện: %(s)s).")
            % {"s": nomination.get_status_display()}
        )
    nomination.checks = evaluate(nomination)
    nomination.status = MedalNomination.Status.CHECKED
    nomination.checked_by, nomination.checked_at = actor, timezone.now()
    nomination.version += 1
    nomination.save()
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
    _require_committee(actor, nomination)
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
    nomination.version += 1
    nomination.save()
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
    _require_committee(actor, nomination)
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
    nomination.version += 1
    nomination.save()
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
    access.require(actor, Cap.EXEMPLAR_REGISTER, nomination.unit)
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
    item.file.delete(save=False)
    item.delete()


# --- export ----------------------------------------------------------------------------------------------

EXPORT_HEADERS = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Chức vụ",
    "Đơn vị công tác",
    "Đơn vị đề nghị",
    "Nhóm đối tượng",
    "Số năm làm công tác dân vận",
    "Năm bắt đầu",
    "Kỷ luật",
    "Tóm tắt thành tích",
    "Kết quả đối chiếu tiêu chí",
    "Chi tiết đối chiếu",
    "Trạng thái",
    "Ngày gửi cấp trên",
    "Số tệp hồ sơ",
]


def nominations_xlsx(nominations) -> bytes:
    """The list of nominations (a queryset already scoped to the user) as an .xlsx, 500 rows at a time."""
    from django.db.models import Count

    from danvan.lib.exports.xlsx import Sheet, write_workbook

    queryset = nominations.select_related("person__unit", "unit").annotate(file_count=Count("files"))

    def discipline(n: MedalNomination) -> str:
        if n.has_discipline is None:
            return "Chưa rõ"
        return f"Có: {n.discipline_note}" if n.has_discipline else "Không"

    def rows():
        index = 0
        total = queryset.count()
        for start in range(0, total, 500):
            for n in queryset[start : start + 500]:
                index += 1
                yield [
                    index,
                    n.person.full_name,
                    n.person.birth_year,
                    n.person.title,
                    n.person.unit.name,
                    n.unit.name,
                    n.group,
                    n.years_in_work,
                    n.start_year,
                    discipline(n),
                    n.achievements,
                    RESULT_LABELS.get(n.overall, ""),
                    checks_text(n.checks),
                    n.get_status_display(),
                    timezone.localtime(n.sent_at).date() if n.sent_at else None,
                    n.file_count,
                ]

    return write_workbook(
        [
            Sheet(
                title="Đề nghị Kỷ niệm chương",
                headers=EXPORT_HEADERS,
                rows=rows(),
                widths=[6, 26, 9, 24, 30, 30, 30, 12, 10, 20, 40, 16, 60, 18, 14, 8],
                notes=["Danh sách đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"],
            )
        ]
    )
