"""`manage.py open_periods [--date dd/mm/yyyy] [--schedule]`: the regimes' day by hand, or queue the
daily job."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Mở các kỳ báo cáo định kỳ đã đến ngày và gửi nhắc hạn; với --schedule: xếp việc hằng ngày cho "
        "tiến trình tác vụ (db_worker) chạy ngay và tự lặp lại mỗi sáng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày chạy, dạng dd/mm/yyyy (mặc định: hôm nay).")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Không chạy ở đây: xếp việc hằng ngày vào hàng đợi để db_worker chạy ngay.",
        )

    def handle(self, *args, **options):
        from danvan.reporting.regimes.services import daily_run, schedule_daily

        if options["schedule"]:
            queued = schedule_daily(run_after=timezone.now())
            self.stdout.write(
                "Đã xếp việc mở kỳ báo cáo hằng ngày."
                if queued
                else "Việc mở kỳ báo cáo hằng ngày đã có trong hàng đợi."
            )
            return
        day = timezone.localdate()
        if options["date"]:
            try:
                day = datetime.strptime(options["date"], "%d/%m/%Y").date()
            except ValueError as error:
                raise CommandError(f"Ngày «{options['date']}» không đúng dạng dd/mm/yyyy.") from error
        result = daily_run(day)
        self.stdout.write(
            f"{day:%d/%m/%Y}: mở {result['calls']} kỳ ({result['targets']} lượt đơn vị phải gửi), "
            f"nhắc {result['reminded']} đơn vị."
        )
