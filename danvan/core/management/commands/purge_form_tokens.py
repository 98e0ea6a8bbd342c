"""Forget the one-time tokens of old creates (run daily by cron, beside purge_document_jobs)."""

from django.core.management.base import BaseCommand

from danvan.core.once import TOKEN_KEEP_DAYS, tokens_purge


class Command(BaseCommand):
    help = "Xóa mã biểu mẫu dùng một lần của các lần tạo cũ hơn số ngày giữ lại."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=TOKEN_KEEP_DAYS, help="số ngày giữ lại (mặc định 30)")

    def handle(self, *args, **options):
        self.stdout.write(f"{tokens_purge(keep_days=options['days'])} deleted")
