"""Reads for calls and the "who is late" board."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.org.models import Unit

from .models import Call, CallTarget, Submission

STATES = ["not_started", "draft", "on_time", "late", "returned", "accepted"]


def state_of(submission: Submission | None) -> str:
    if submission is None:
        return "not_started"
    if submission.status == Submission.Status.DRAFT:
        return "draft" if submission.has_content else "not_started"
    if submission.status == Submission.Status.SUBMITTED:
        return "late" if submission.is_late else "on_time"
    return submission.status  # returned | accepted


def call_counts(call: Call) -> dict:
    return calls_counts([call])[call.pk]


def calls_counts(calls) -> dict[int, dict]:
    """Per call: targets and how many units are in each state; two queries whatever the number of calls."""
    ids = [c.pk for c in calls]
    counts = {i: dict.fromkeys([*STATES, "targets", "missing", "sent"], 0) for i in ids}
    for row in CallTarget.objects.filter(call_id__in=ids).values("call_id").annotate(n=Count("id")):
        counts[row["call_id"]]["targets"] = row["n"]
    grouped = (
        Submission.objects.filter(call_id__in=ids)
        .values("call_id", "status", "is_late")
        .annotate(n=Count("id"))
    )
    started = dict.fromkeys(ids, 0)
    for row in grouped:
        c = counts[row["call_id"]]
        status = row["status"]
        if status == Submission.Status.SUBMITTED:
            c["late" if row["is_late"] else "on_time"] += row["n"]
        else:
            c[status] += row["n"]
        started[row["call_id"]] += row["n"]
    for i, c in counts.items():
        c["not_started"] = c["targets"] - started[i]
        c["sent"] = c["on_time"] + c["late"] + c["accepted"]
        c["missing"] = c["targets"] - c["sent"]
        c["percent"] = round(100 * c["sent"] / c["targets"]) if c["targets"] else 0
    return counts


@dataclass
class BoardCell:
    call: Call
    state: str
    submission: Submission | None
    html: str  # the cell's content, built once here: 500 cells through template includes cost 60+ ms


@dataclass
class BoardRow:
    unit: Unit
    cells: list[BoardCell]


def board_units(calls, *, user, kind=None, within: Unit | None = None):
    """Units asked by any of the calls, in tree order, by kind and subtree, inside the user's scope."""
    # A subquery, not a join + DISTINCT over every unit column: the nation's targets are tens of thousands.
    units = Unit.objects.filter(pk__in=CallTarget.objects.filter(call__in=calls).values("unit_id"))
    if not access.sees_everything(user):
        owners = {c.owner.path for c in calls}
        mine = [p for p in access.scope_paths(user) if any(o.startswith(p) for o in owners)]
        if not mine:  # a unit's focal point: only its own subtree
            units = units.filter(access.subtree_q("path", access.scope_paths(user)))
    if kind is not None:
        units = units.filter(kind=kind)
    if within is not None:
        units = units.filter(access.subtree_q("path", [within.path]))
    return units.select_related("kind").order_by("path")


def board_rows(calls, units) -> list[BoardRow]:
    """The matrix for one page of units: one query for all their submissions to the calls."""
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.html import format_html

    units = list(units)
    submissions = {
        (s.call_id, s.unit_id): s
        for s in Submission.objects.filter(call__in=calls, unit__in=units).only(
            "id", "call_id", "unit_id", "status", "is_late", "has_content", "submitted_at"
        )
    }
    targets = set(CallTarget.objects.filter(call__in=calls, unit__in=units).values_list("call_id", "unit_id"))
    link = reverse("reporting:submission_open", args=[999999991, 999999992])
    rows = []
    for unit in units:
        cells = []
        for call in calls:
            if (call.pk, unit.pk) not in targets:
                cells.append(BoardCell(call, "not_asked", None, "—"))
                continue
            submission = submissions.get((call.pk, unit.pk))
            state = state_of(submission)
            url = link.replace("999999991", str(call.pk)).replace("999999992", str(unit.pk))
            when = ""
            if submission is not None and submission.submitted_at:
                when = timezone.localtime(submission.submitted_at).strftime("%d/%m %H:%M")
            html = format_html(
                '<a href="{}">{}</a><div class="small">{}</div>', url, STATE_LABELS[state], when
            )
            cells.append(BoardCell(call, state, submission, html))
        rows.append(BoardRow(unit=unit, cells=cells))
    return rows


def calls_for_unit(user):
    """Open calls that ask something of a unit the user answers for, with that unit."""
    paths = access.scope_paths(user)
    if access.sees_everything(user) or not paths:
        return CallTarget.objects.none()
    return (
        CallTarget.objects.filter(access.subtree_q("unit__path", paths))
        .select_related("call", "unit")
        .order_by("call__due_date", "unit__path")
    )


STATE_LABELS = {
    "not_started": _("Chưa làm"),
    "draft": _("Đang soạn"),
    "on_time": _("Đã gửi đúng hạn"),
    "late": _("Gửi muộn"),
    "returned": _("Bị trả lại"),
    "accepted": _("Đã tiếp nhận"),
}


def filter_units_by_state(units, calls, state: str):
    """Units that are in `state` for at least one of the calls."""
    from django.db.models import Q

    submissions = Submission.objects.filter(call__in=calls)
    if state == "not_started":
        started = submissions.exclude(status=Submission.Status.DRAFT, has_content=False).values("unit_id")
        return units.exclude(pk__in=started)
    conditions = {
        "draft": Q(status=Submission.Status.DRAFT),
        "on_time": Q(status=Submission.Status.SUBMITTED, is_late=False),
        "late": Q(status=Submission.Status.SUBMITTED, is_late=True),
        "returned": Q(status=Submission.Status.RETURNED),
        "accepted": Q(status=Submission.Status.ACCEPTED),
    }
    return units.filter(pk__in=submissions.filter(conditions[state]).values("unit_id"))


def board_xlsx_response(calls, units):
    from django.http import HttpResponse
    from django.utils import timezone

    from danvan.lib.exports.xlsx import Sheet, write_workbook

    def rows():
        for start in range(0, units.count(), 500):
            for row in board_rows(calls, units[start : start + 500]):
                unit = row.unit
                yield [
                    unit.name,
                    unit.kind.name,
                    unit.phone,
                    unit.email,
                    *(str(STATE_LABELS.get(cell.state, "—")) for cell in row.cells),
                ]

    headers = ["Đơn vị", "Loại", "Điện thoại", "Thư điện tử", *(c.title[:60] for c in calls)]
    data = write_workbook(
        [
            Sheet(
                title="Tình hình gửi",
                headers=headers,
                rows=rows(),
                widths=[40, 20, 14, 24, *([22] * len(calls))],
            )
        ]
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="tinh-hinh-gui-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response
