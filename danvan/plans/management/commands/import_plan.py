import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.lib.uploads import UploadRejected, decode_text, inspect_upload
from danvan.plans.parsing import PlanParseError, parse_docx, parse_text


class Command(BaseCommand):
    help = "Đọc kế hoạch (.docx, .txt), in cấu trúc đã nhận ra; không lưu gì (docs/plan-import-schema.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .docx hoặc .txt")
        parser.add_argument("--json", action="store_true", help="In cấu trúc dạng JSON")
        parser.add_argument("--year", type=int, help="Năm dùng cho các ngày không ghi năm")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không thấy tệp «{path}».")
        try:
            with path.open("rb") as handle:
                inspected = inspect_upload(handle, name=path.name, allowed=("docx", "txt"))
            if inspected.kind == "docx":
                doc = parse_docx(inspected.data, default_year=options["year"])
            else:
                doc = parse_text(decode_text(inspected.data), default_year=options["year"])
        except (UploadRejected, PlanParseError) as error:
            raise CommandError(error.message) from error
        if options["json"]:
            self.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{doc.doc_type} {doc.symbol} — {doc.title}")
        for section in doc.sections:
            self.stdout.write(
                f"  {section.label}. {section.title} [{section.role}] — {len(section.blocks)} mục"
            )
        self.stdout.write(
            f"  Nhiệm vụ: {len(doc.tasks())}; căn cứ: {len(doc.basis)}; nơi nhận: {len(doc.recipients)}; "
            f"khẩu hiệu: {len(doc.slogans)}; biểu mẫu: {len(doc.forms)}; hạn gửi: {len(doc.deadlines)}"
        )
        for warning in doc.warnings:
            self.stdout.write(self.style.WARNING(f"  ! {warning}"))
