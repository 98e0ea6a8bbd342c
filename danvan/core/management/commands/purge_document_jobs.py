"""Delete old background documents and mark jobs left behind by a dead worker as failed (run daily by cron;
every finished job also runs it)."""

from django.core.management.base import BaseCommand

from danvan.core.jobs.services import jobs_purge


class Command(BaseCommand):
    help = "Xóa tài liệu tạo nền quá hạn lưu và đánh dấu lỗi các tác vụ bị gián đoạn."

    def handle(self, *args, **options):
        result = jobs_purge()
        self.stdout.write(f"{result['deleted']} deleted, {result['failed']} marked failed")
