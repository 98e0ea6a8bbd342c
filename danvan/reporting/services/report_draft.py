"""The draft result report of a call ("Dự thảo báo cáo kết quả"): the figures, in the official format, with
the number line, place and date, signer and recipients taken from what is known (the plan the call came
from, the unit that opened it), leaving blanks only where nothing is known."""

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.lib import vntext

from ..documents import summary
from ..indicators.documents import indicator_table
from ..models import Call, ConsolidationJob
from ..selectors import call_figures

RECIPIENTS_BY_NAME = 8  # up to this many units asked: one line each in "Nơi nhận"; more: one line for all
SIGNER_PLACEHOLDER = "(Họ và tên người ký)"
PLACE_PLACEHOLDER = "……………"


def _leader_name(call: Call) -> str:
    """The head of the unit that opened the call, when its people list one ("Trưởng ban", "Trưởng phòng")."""
    from danvan.org.models import Person

    for person in Person.objects.filter(unit=call.owner).only("full_name", "title"):
        if vntext.fold(person.title).startswith("truong"):
            return person.full_name
    return ""


def _signer(call: Call, doc) -> tuple[list[str], str]:
    signature = doc.signature if doc is not None else None
    if signature is not None and signature.authority_lines:
        return list(signature.authority_lines), signature.signer_name or SIGNER_PLACEHOLDER
    return ["TRƯỞNG BAN"], _leader_name(call) or SIGNER_PLACEHOLDER


def _recipients(call: Call, superior: str) -> list[str]:
    lines = []
    if superior:
        lines.append(f"{summary.sentence_name(superior)} (b/c)")
    units = list(call.targets.select_related("unit").order_by("unit__path")[: RECIPIENTS_BY_NAME + 1])
    if len(units) <= RECIPIENTS_BY_NAME:
        lines.extend(target.unit.name for target in units)
    else:
        count = call.targets.count()
        lines.append(_("Các cơ quan, đơn vị được đề nghị (%(n)s đơn vị)") % {"n": count})
    return lines


def result_report(job: ConsolidationJob) -> bytes:
    from danvan.plans.services import header_texts

    call = job.call
    plan = call.plan if call.plan_id else None
    doc = plan.document() if plan is not None else None
    today = timezone.localdate()
    figures = call_figures(call, accepted_only=job.accepted_only)
    figures.as_of = today
    figures.indicators = indicator_table(call)  # issue 14: beside last year and the target
    superior, issuing = header_texts(call.owner)
    if doc is not None and doc.issuing_body:
        superior, issuing = doc.superior_body or superior, doc.issuing_body
    body_code = (doc.body_code if doc is not None else "") or call.owner.abbreviation or "…"
    place = (plan.place if plan else "") or (doc.place if doc is not None else "") or PLACE_PLACEHOLDER
    authority, signer = _signer(call, doc)
    return summary.render_summary_report(
        figures=[figures],
        issuing_body=issuing,
        superior_body=superior,
        place=place,
        title=_("kết quả %(t)s") % {"t": summary.request_phrase(call.title)},
        signer_authority=authority,
        signer_name=signer,
        profile=plan.profile if plan is not None else "party-2018",
        body_code=body_code,
        issued_on=today,
        recipients=_recipients(call, superior),
    )
