"""The two seed plans in the demo: seed 003 issued by the Ban Dân vận of Bắc Giang, seed 002 as a draft of
the Ban Dân vận of Từ Sơn city. Their texts are read from ../shared/seeds when present (idempotent)."""

import datetime
from pathlib import Path

from django.conf import settings

from . import services
from .models import Plan
from .parsing import parse_text

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
DEMO_PLANS = [
    # (seed file, issuing unit key, issue date or None to leave it a draft)
    ("003_130769708af1ac22.txt", "bdv_bg", datetime.date(2023, 9, 15)),
    ("002_07807a34c7006974.txt", "bdv_ts", None),
]


def load_demo_plans(actor, units: dict) -> list[Plan]:
    plans = []
    for file_name, unit_key, issue_on in DEMO_PLANS:
        path = SEEDS / file_name
        if not path.exists():
            continue
        existing = Plan.objects.filter(source_name=file_name, issuing_unit=units[unit_key]).first()
        if existing is not None:
            plans.append(existing)
            continue
        text = path.read_text(encoding="utf-8")
        plan = services.plan_create(
            actor=actor,
            issuing_unit=units[unit_key],
            doc=parse_text(text),
            source_name=file_name,
            source_text=text,
        )
        if issue_on is not None:
            plan = services.plan_issue(plan=plan, actor=actor, issued_on=issue_on, place="Bắc Giang")
        plans.append(plan)
    return plans
