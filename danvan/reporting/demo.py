"""Demo of calls: the two calls of the province's demo plan (registration, whose deadline has just passed,
and the result report, due next week) sent to today's Bắc Ninh units, with registrations in every state so the
board has something to show. Dates are counted from the call's due date, so the demo stays current."""

import datetime

from django.db import transaction
from django.utils import timezone

from . import services
from .models import Submission, SubmissionVersion

# (activity, when, scope, who takes part or benefits, expected result)
DEMO_ACTIVITIES = [
    (
        "Vận động Nhân dân làm lại rãnh thoát nước ngõ 5 khu phố",
        "tuần đầu của Tháng Dân vận",
        "Khu phố",
        "Các hộ dân trong ngõ",
        "Ngõ không còn ngập khi mưa lớn",
    ),
    (
        "Đối thoại giữa Chủ tịch UBND phường với Nhân dân về dịch vụ công trực tuyến",
        "giữa tháng",
        "Phường",
        "Người dân, hộ kinh doanh",
        "Người dân tự nộp được hồ sơ trực tuyến",
    ),
    (
        "Gặp mặt các tổ trưởng Tổ Dân vận",
        "cuối tháng",
        "Cấp tỉnh",
        "Tổ trưởng Tổ Dân vận tiêu biểu",
        "Biểu dương, nhân rộng cách làm hay",
    ),
]
# Today's units the province's calls go to (keys of the demo organisation).
TARGET_KEYS = ["mttq_bn", "snv_bn", "ward", "du_ward", "mttq_ward"]


@transaction.atomic
def load_demo_calls(actor, units: dict, plan) -> int:
    if plan is None or plan.calls.exists():
        return 0
    targets = [units[key] for key in TARGET_KEYS]
    calls = services.calls_from_plan(actor=actor, plan=plan, targets=targets)
    registration = calls[0]
    fields = {f.order: str(f.pk) for f in registration.template.fields.all()}
    states = ["accepted", "on_time", "late", "returned", "draft"]
    for unit, state in zip(targets, states, strict=False):
        submission = services.submission_for(call=registration, unit=unit)
        rows = [
            {fields[1]: a, fields[2]: when, fields[3]: scope, fields[4]: who, fields[5]: goal}
            for a, when, scope, who, goal in DEMO_ACTIVITIES[: 1 + len(state) % 3]
        ]
        services.submission_save_draft(submission=submission, actor=actor, expected_version=None, rows=rows)
        if state == "draft":
            continue
        submission = services.submission_submit(submission=submission, actor=actor, expected_version=None)
        # Dated around the registration's due date, as if sent then: late ones two days after it.
        day = registration.due_date + datetime.timedelta(days=2 if state == "late" else -3)
        sent = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=timezone.get_current_timezone())
        Submission.objects.filter(pk=submission.pk).update(submitted_at=sent, is_late=state == "late")
        SubmissionVersion.objects.filter(submission=submission).update(
            submitted_at=sent, is_late=state == "late"
        )
        if state == "accepted":
            services.submission_accept(submission=submission, actor=actor)
        elif state == "returned":
            services.submission_return(
                submission=submission, actor=actor, comment="Đề nghị bổ sung quy mô và đối tượng thụ hưởng."
            )
    return len(calls)


# --- a periodic regime: the communes' monthly citizen-reception report (Kết luận 215-KL/TW) ---------------

RECEPTION_FIELDS = [
    ("Số ngày Bí thư cấp ủy tiếp công dân trong tháng", "number"),
    ("Số lượt công dân được tiếp", "number"),
    ("Số đơn, ý kiến, kiến nghị tiếp nhận", "number"),
    ("Số đã giải quyết, trả lời", "number"),
    ("Những vấn đề nổi lên, kiến nghị", "long_text"),
]
# What a commune wrote about its month (our own words), picked by the commune's place in the list.
RECEPTION_NOTES = [
    "Chủ yếu phản ánh về đường giao thông nội đồng xuống cấp; đã giao UBND xã kiểm tra, sửa chữa.",
    "Công dân đề nghị làm rõ việc chi trả tiền hỗ trợ chuyển đổi cây trồng; đã trả lời tại buổi tiếp.",
    "Một số hộ kiến nghị về thu gom rác thải ở khu dân cư mới; đã chỉ đạo tổ dân phố phối hợp xử lý.",
    "Không phát sinh vụ việc phức tạp, đông người.",
]


def _reception_template(actor, owner):
    from .models import FormTemplate

    existing = FormTemplate.objects.filter(
        owner=owner, name__startswith="Báo cáo kết quả tiếp công dân"
    ).first()
    if existing:
        return existing
    return services.template_save(
        actor=actor,
        owner=owner,
        name="Báo cáo kết quả tiếp công dân của Bí thư cấp ủy xã, phường",
        layout="outline",
        title="BÁO CÁO KẾT QUẢ TIẾP CÔNG DÂN, TIẾP NHẬN VÀ XỬ LÝ ĐƠN THƯ",
        fields=[
            {"label": label, "kind": kind, "required": i < 2}
            for i, (label, kind) in enumerate(RECEPTION_FIELDS)
        ],
    )


@transaction.atomic
def load_demo_regime(actor, units: dict):
    """The province's Ban Tuyên giáo và Dân vận receives every commune and ward's monthly report on citizen
    reception (figures to the month's end, due on the 5th of the next month); the last three months are
    opened and answered: most communes on time, some late, a few missing, so the on-time grid shows all."""
    from .indicators.catalogue import ensure_builtin_indicators
    from .indicators.models import Indicator
    from .regimes import services as regime_services
    from .regimes.models import Regime

    # The catalogue comes with its migration; a database emptied since (a test flush) gets it back here.
    ensure_builtin_indicators(Indicator)

    owner, province = units["btgdv_bn"], units["bn"]
    if Regime.objects.filter(owner=owner).exists():
        return None
    from danvan.lib import periods
    from danvan.org.models import UnitKind

    today = timezone.localdate()
    first = periods.Period.containing(periods.PeriodKind.MONTH, today)
    for _step in range(3):
        first = first.previous()
    regime = regime_services.regime_create(
        actor=actor,
        spec=regime_services.RegimeSpec(
            owner=owner,
            name="Báo cáo tiếp công dân hằng tháng của Bí thư cấp ủy xã, phường",
            template=_reception_template(actor, owner),
            root=province,
            unit_kinds=list(UnitKind.objects.filter(code__in=["ward", "commune", "special_zone"])),
            max_levels=1,
            period_kinds=[periods.PeriodKind.MONTH],
            start_date=first.start,
            cutoff_day=0,
            due_kind=periods.DueKind.DAY_OF_MONTH,
            due_value=5,
            due_month_offset=1,
            instructions=(
                "Bí thư cấp ủy xã, phường báo cáo kết quả tiếp công dân và xử lý đơn thư trong tháng "
                "theo Kết luận 215-KL/TW; số liệu tính đến hết ngày cuối tháng."
            ),
        ),
    )
    opened = regime_services.open_due_periods(today, regimes=[regime])
    for age, call in enumerate(sorted(opened.calls, key=lambda c: c.period_start, reverse=True)):
        _answer_period(actor, call, age)
    return regime


def _answer_period(actor, call, age: int) -> None:
    """Older periods are better answered; the answers are dated around the due day as if sent then (a
    period still before its due day: a few communes have sent already, today)."""
    fields = [str(f.pk) for f in call.template.fields.order_by("order")]
    targets = list(call.targets.select_related("unit").order_by("unit__path"))
    today = timezone.localdate()
    running = call.due_end >= today
    share = 4 if running else (7, 8, 9)[min(age, 2)]  # tenths of the communes that answered
    zone = timezone.get_current_timezone()
    for index, target in enumerate(targets):
        slot = index % 10
        if slot >= share:
            continue
        late = not running and slot == share - 1  # one commune in ten sends after the due day
        submission = services.submission_for(call=call, unit=target.unit)
        days = 2 + index % 3
        values = [days, 10 * days + index % 7, 3 + index % 5, 2 + index % 4, RECEPTION_NOTES[index % 4]]
        answers = dict(zip(fields, map(str, values), strict=True))
        services.submission_save_draft(
            submission=submission, actor=actor, expected_version=None, answers=answers
        )
        submission = services.submission_submit(submission=submission, actor=actor, expected_version=None)
        if running:
            continue
        day = call.due_end + datetime.timedelta(days=3 if late else -(1 + index % 4))
        sent = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=zone)
        Submission.objects.filter(pk=submission.pk).update(submitted_at=sent, is_late=late)
        SubmissionVersion.objects.filter(submission=submission).update(submitted_at=sent, is_late=late)
