"""The forms the product ships with: the registration table of seed 003 and a result-report outline."""

from django.db import transaction

from .models import FieldKind, FormField, FormTemplate

REGISTRATION = {
    "name": "Đăng ký hoạt động hưởng ứng “Tháng Dân vận”",
    "title": "DANH SÁCH",
    "subtitle": "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận”",
    "label": "Mẫu",
    "footer": "(Ký tên, đóng dấu)",
    "fields": [
        ("Stt", FieldKind.INDEX, False),
        ("Tên nội dung, hoạt động", FieldKind.TEXT, True),
        ("Thời gian tổ chức, triển khai", FieldKind.WINDOW, True),
        ("Quy mô, phạm vi triển khai", FieldKind.TEXT, False),
        ("Đối tượng thực hiện hoặc đối tượng thụ hưởng", FieldKind.TEXT, False),
        ("Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", FieldKind.LONG_TEXT, False),
        ("Ghi chú", FieldKind.TEXT, False),
    ],
}
RESULT_REPORT = {
    "name": "Báo cáo kết quả (đề cương chung)",
    "title": "BÁO CÁO",
    "subtitle": "Kết quả thực hiện",
    "fields": [
        ("Công tác lãnh đạo, chỉ đạo, triển khai", FieldKind.LONG_TEXT, True),
        ("Kết quả thực hiện các nội dung", FieldKind.LONG_TEXT, True),
        ("Mô hình, điển hình, cách làm hay", FieldKind.LONG_TEXT, False),
        ("Hạn chế, nguyên nhân", FieldKind.LONG_TEXT, False),
        ("Kiến nghị, đề xuất", FieldKind.LONG_TEXT, False),
    ],
}


@transaction.atomic
def ensure_builtin_templates() -> dict[str, FormTemplate]:
    made = {}
    for key, spec, layout in (
        ("registration", REGISTRATION, FormTemplate.Layout.TABLE),
        ("result_report", RESULT_REPORT, FormTemplate.Layout.OUTLINE),
    ):
        template, created = FormTemplate.objects.get_or_create(
            owner=None,
            is_builtin=True,
            name=spec["name"],
            defaults={
                "layout": layout,
                "title": spec["title"],
                "subtitle": spec["subtitle"],
                "label": spec.get("label", ""),
                "footer": spec.get("footer", ""),
            },
        )
        if created:
            FormField.objects.bulk_create(
                FormField(template=template, order=i, label=label, kind=kind, required=required)
                for i, (label, kind, required) in enumerate(spec["fields"])
            )
        made[key] = template
    return made
