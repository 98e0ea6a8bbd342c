"""Demo of calls: the two calls of seed 003 (registration by 30/9/2023, result report by 30/10/2023) sent
to the Bắc Giang units of 2023, with answers in every state so the board has something to show."""

import datetime

from django.db import transaction
from django.utils import timezone

from danvan.org.models import Unit

from . import services
from .models import Submission, SubmissionVersion

DEMO_ACTIVITIES = [
    (
        "Gặp mặt truyền thống kỷ niệm Ngày Dân vận",
        "15/10/2023",
        "Cấp tỉnh",
        "Cán bộ dân vận các thời kỳ",
        "Tôn vinh truyền thống, động viên cán bộ",
    ),
    (
        "Tập huấn kỹ năng dân vận cho cán bộ cơ sở",
        "trung tuần tháng 10/2023",
        "Cấp huyện",
        "Cán bộ cơ sở",
        "Nâng cao kỹ năng vận động quần chúng",
    ),
    (
        "Ra quân vệ sinh môi trường khu dân cư",
        "tháng 10/2023",
        "Cấp xã",
        "Nhân dân khu dân cư",
        "Khu dân cư xanh, sạch, đẹp",
    ),
]


@transaction.atomic
def load_demo_calls(actor, units: dict, plan) -> int:
    if plan is None or plan.calls.exists():
        return 0
    targets = list(
        Unit.objects.filter(
            code__in=[
                "DEMO-BG-MTTQ",
                "DEMO-BG-SNV",
                "DEMO-BG-HND",
                "DEMO-BG-TD",
                "DEMO-BG-HULN",
                "DEMO-BG-HUYT",
            ]
        ).order_by("path")
    )
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
        sent = datetime.datetime(
            2023, 10, 3 if state == "late" else 26, 9, 0, tzinfo=timezone.get_current_timezone()
        )
        if state != "late":
            sent = sent.replace(month=9)
        # Demo answers are dated to 2023, as if sent then.
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
