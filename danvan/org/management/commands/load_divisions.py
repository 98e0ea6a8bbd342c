import time

from django.core.management.base import BaseCommand, CommandError

from danvan.org.divisions import load_divisions


class Command(BaseCommand):
    help = "Nạp đơn vị hành chính hiện hành (34 tỉnh, thành; 3.321 xã, phường, đặc khu) từ vietnam-provinces."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            type=int,
            action="append",
            help="Chỉ nạp tỉnh có mã này (có thể lặp lại), ví dụ --province 24",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        codes = set(options["province"]) if options["province"] else None
        summary = load_divisions(province_codes=codes)
        if codes and summary["provinces"] != len(codes):
            raise CommandError("Không có tỉnh nào với mã đã cho.")
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp {summary['provinces']} tỉnh, thành và {summary['wards']} xã, phường, đặc khu "
                f"({summary['created']} đơn vị mới, {summary['renamed']} đổi tên) trong {elapsed:.1f} giây."
            )
        )
