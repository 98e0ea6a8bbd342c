"""A lower unit's implementing plan drafted from its superior's issued plan (seed 003 III.2-3: every district
and agency drafts its own plan from the province's): the basis names the superior plan, the sections and
tasks are carried, deadlines move earlier, the superior's leads are remapped to the lower unit. The draft
then goes through the ordinary edit, review and issue of plans."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.plandoc import PURPOSE_ARCHIVE, PURPOSE_REPORT, Block, PlanDocument, Recipient, Reference
from danvan.lib.vndates import format_date
from danvan.org.models import Unit

from ..models import Plan, Task
from ..services import header_texts, plan_search_text
from .shifting import Shift, reword, shift_window


def superior_citation(superior: Plan) -> str:
    """ "Kế hoạch số 01-KH/BDVTU ngày 05/01/2026 của Ban Dân vận Tỉnh ủy …" """
    words = _("%(type)s số %(symbol)s") % {"type": superior.doc_type.capitalize(), "symbol": superior.symbol}
    if superior.issued_on:
        words += " " + _("ngày %(d)s") % {"d": format_date(superior.issued_on)}
    return words + " " + _("của %(issuer)s") % {"issuer": superior.issuing_unit.name}


def lead_key(task: Task) -> str:
    """What a superior task's lead is, as one key: the unit's id, or the words when no unit was matched
    ("Ban Dân vận các huyện ủy" names a group, not a unit)."""
    if task.lead_unit_id:
        return f"u{task.lead_unit_id}"
    return "t:" + vntext.fold(task.lead_text) if task.lead_text else "none"


def in_subtree(candidate: Unit | None, root: Unit) -> bool:
    return candidate is not None and candidate.path.startswith(root.path)


def suggested_lead(task: Task, unit: Unit) -> Unit:
    """A lead inside the lower unit's own tree stays; any other (the superior itself, a group such as "các
    huyện ủy", a unit elsewhere) becomes the lower unit, which carries the task out where it is."""
    lead = task.lead_unit
    return lead if lead is not None and in_subtree(lead, unit) else unit


def check_cascadable(superior: Plan, unit: Unit | None = None) -> None:
    """The refusals, each with the reason and what to do."""
    if superior.status == Plan.Status.DRAFT:
        raise ServiceError(
            _(
                "Kế hoạch “%(title)s” của %(issuer)s còn là dự thảo, chưa ban hành: chỉ xây dựng kế hoạch "
                "triển khai từ kế hoạch đã ban hành (có số, ngày ban hành)."
            )
            % {"title": superior.title[:120], "issuer": superior.issuing_unit.name}
        )
    if superior.status == Plan.Status.SUPERSEDED:
        newest = superior.amendments.filter(status=Plan.Status.ISSUED).order_by("-revision").first()
        raise ServiceError(
            _("Kế hoạch số %(symbol)s đã được sửa đổi%(by)s: hãy triển khai bản đang có hiệu lực.")
            % {
                "symbol": superior.symbol,
                "by": (" " + _("bởi kế hoạch số %(s)s") % {"s": newest.symbol}) if newest else "",
            }
        )
    if unit is None:
        return
    if unit.pk == superior.issuing_unit_id:
        raise ServiceError(
            _(
                "%(unit)s là đơn vị ban hành kế hoạch này: hãy chọn đơn vị cấp dưới xây dựng "
                "kế hoạch triển khai."
            )
            % {"unit": unit.name},
            field="unit",
        )
    existing = (
        Plan.objects.filter(implements=superior, issuing_unit=unit)
        .exclude(status=Plan.Status.SUPERSEDED)
        .first()
    )
    if existing is not None:
        raise ServiceError(
            _("%(unit)s đã có kế hoạch triển khai kế hoạch này (%(which)s): hãy mở và sửa kế hoạch đó.")
            % {"unit": unit.name, "which": existing.symbol or _("dự thảo")},
            field="unit",
        )


def implementing_document(superior: Plan, unit: Unit, shift: Shift, leads: dict[str, Unit]) -> PlanDocument:
    """The superior's document as the lower unit's draft: its header, the basis and preamble naming the
    superior plan, the body with deadlines moved and leads renamed, recipients reporting up."""
    doc = superior.document()
    citation = superior_citation(superior)
    upper_body, own_body = header_texts(unit)
    doc.superior_body, doc.issuing_body, doc.body_code = upper_body, own_body, unit.abbreviation
    doc.number, doc.symbol, doc.issued_on, doc.place = "", "", None, ""
    doc.basis = [
        Reference(
            text=citation,
            doc_type=superior.doc_type.capitalize(),
            type_code=superior.type_code,
            number=str(superior.number or ""),
            symbol=superior.symbol,
            issued_on=superior.issued_on,
            issuer=superior.issuing_unit.name,
            subject=superior.title,
        ),
        *doc.basis,
    ]
    doc.preamble = _(
        "Thực hiện %(citation)s về %(title)s, %(unit)s xây dựng Kế hoạch triển khai thực hiện như sau:"
    ) % {
        "citation": citation,
        "title": vntext.clean_text(superior.title).rstrip("."),
        "unit": unit.name,
    }
    by_text = {vntext.fold(t.lead_text): leads.get(lead_key(t)) for t in superior.tasks.all() if t.lead_text}

    def carry(blocks: list[Block]) -> None:
        for block in blocks:
            if block.due is not None:
                moved = shift_window(block.due, shift)
                block.text, block.due = reword(block.text, block.due, moved), moved
            if block.is_task and block.lead:
                new_lead = by_text.get(vntext.fold(block.lead)) or unit
                block.lead, block.leads, block.lead_kind = new_lead.name, [new_lead.name], "unit"
            carry(block.children)

    for section in doc.sections:
        carry(section.blocks)
    for deadline in doc.deadlines:
        moved = shift_window(deadline.due, shift)
        deadline.text = reword(deadline.text, deadline.due, moved)
        deadline.due = moved
    doc.marks, doc.doubts, doc.warnings = [], [], []
    doc.signature = None
    doc.recipients = [
        Recipient(name=superior.issuing_unit.name, purpose=PURPOSE_REPORT, purpose_text="(b/c)"),
        Recipient(name=_("Lưu"), purpose=PURPOSE_ARCHIVE),
    ]
    return doc


def _leads_for(superior: Plan, unit: Unit, chosen: dict[str, Unit] | None) -> dict[str, Unit]:
    """The lead of each kind of superior lead: the caller's choice where it made one, else the suggestion.
    A chosen unit outside the lower unit's tree is refused (the plan gives tasks to its own units)."""
    leads: dict[str, Unit] = {}
    for task in superior.tasks.select_related("lead_unit"):
        key = lead_key(task)
        pick = (chosen or {}).get(key)
        if pick is not None and not in_subtree(pick, unit):
            raise ServiceError(
                _("%(lead)s không thuộc %(unit)s: chỉ giao nhiệm vụ cho đơn vị mình hoặc đơn vị trực thuộc.")
                % {"lead": pick.name, "unit": unit.name},
                field="unit",
            )
        leads.setdefault(key, pick or suggested_lead(task, unit))
    return leads


@transaction.atomic
def cascade_create(
    *,
    actor,
    superior: Plan,
    unit: Unit,
    shift: Shift,
    leads: dict[str, Unit] | None = None,
    title: str = "",
) -> Plan:
    """A draft plan of `unit` implementing the issued `superior`: nothing is created when it is refused."""
    superior = Plan.objects.select_for_update().select_related("issuing_unit").get(pk=superior.pk)
    access.require(actor, Cap.PLAN_EDIT, unit)
    check_cascadable(superior, unit)
    leads = _leads_for(superior, unit, leads)
    doc = implementing_document(superior, unit, shift, leads)
    doc.title = vntext.clean_text(title) or doc.title or superior.title
    plan = Plan(
        issuing_unit=unit,
        implements=superior,
        doc_type=superior.doc_type,
        type_code=superior.type_code,
        profile=superior.profile,
        title=doc.title[:500],
        content=doc.to_dict(),
        created_by=actor,
    )
    plan.search_text = plan_search_text(plan)
    plan.save()
    for order, source in enumerate(
        superior.tasks.select_related("lead_unit").prefetch_related("lead_units", "partner_units"), start=1
    ):
        lead = leads[lead_key(source)]
        task = Task(
            plan=plan,
            order=order,
            label=source.label,
            title=reword(source.title, source.due, shift_window(source.due, shift)),
            lead_unit=lead,
            lead_text=source.lead_text,
            partners_text=source.partners_text,
        )
        task.set_due(shift_window(source.due, shift))
        task.save()
        co_leads = [u for u in source.lead_units.all() if in_subtree(u, unit) and u.pk != lead.pk]
        task.lead_units.set([lead, *co_leads])
        task.partner_units.set([u for u in source.partner_units.all() if in_subtree(u, unit)])
    audit.record(
        actor=actor,
        verb="create",
        obj=plan,
        summary=_("Xây dựng kế hoạch triển khai %(symbol)s (%(shift)s)")
        % {"symbol": superior.symbol, "shift": shift.describe()},
        unit_path=unit.path,
    )
    return plan
