from django.core.management.base import BaseCommand
from django.db import transaction

from danvan.accounts.demo import DEMO_PASSWORD, ensure_demo_users
from danvan.accounts.models import User
from danvan.citizens.demo import load_demo_citizens
from danvan.events.demo import load_demo_events
from danvan.org.demo import load_demo_units
from danvan.plans.demo import load_demo_plans
from danvan.plans.programme.demo import load_demo_programme
from danvan.recognition.demo import load_demo_recognition
from danvan.reporting.demo import load_demo_calls, load_demo_regime


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (tổ chức năm 2023 và tỉnh Bắc Ninh hiện nay, hai kế hoạch mẫu, tài khoản mẫu)."

    def handle(self, *args, **options):
        with transaction.atomic():
            admin, _ = User.objects.get_or_create(
                username="admin", defaults={"is_superuser": True, "is_staff": True}
            )
            if not admin.is_superuser:
                admin.is_superuser = admin.is_staff = True
                admin.save()
            units = load_demo_units(admin)
            lines = ensure_demo_users(units)
            plans = load_demo_plans(admin, units)
            issued = next((p for p in plans if p.status == "issued"), None)
            load_demo_calls(admin, units, issued)
            load_demo_regime(admin, units)
            load_demo_events(admin, units, next((p for p in plans if p.status == "draft"), None))
            load_demo_recognition(admin, units)
            load_demo_citizens(admin, units)
            load_demo_programme(admin, units)  # last: it links the plans, calls, event and round
            lines += [
                (
                    f"hoidong{n}",
                    DEMO_PASSWORD,
                    "thành viên hội đồng thẩm định phường" + (" (chủ tịch)" if n == 1 else ""),
                )
                for n in (1, 2)
            ]
        self.stdout.write(
            self.style.SUCCESS(f"Dữ liệu mẫu đã sẵn sàng ({len(plans)} kế hoạch mẫu). Tài khoản đăng nhập:")
        )
        for username, password, description in lines:
            self.stdout.write(f"  {username:<12} / {password}   — {description}")
