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
