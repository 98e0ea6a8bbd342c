"""The medal nominations' documents: the list as an .xlsx workbook (the view makes the response)."""

from django.db.models import Count
from django.utils import timezone

from danvan.lib.exports.xlsx import Sheet, write_workbook

from ..models import MedalNomination
from .eligibility import RESULT_LABELS, checks_text

EXPORT_HEADERS = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Chức vụ",
    "Đơn vị công tác",
    "Đơn vị đề nghị",
    "Nhóm đối tượng",
    "Số năm làm công tác dân vận",
    "Năm bắt đầu",
    "Kỷ luật",
    "Tóm tắt thành tích",
    "Kết quả đối chiếu tiêu chí",
    "Chi tiết đối chiếu",
    "Trạng thái",
    "Ngày gửi cấp trên",
    "Số tệp hồ sơ",
]


def nominations_xlsx(nominations) -> bytes:
    """The list of nominations (a queryset already scoped to the user) as an .xlsx, 500 rows at a time."""
    queryset = nominations.select_related("person__unit", "unit").annotate(file_count=Count("files"))

    def discipline(n: MedalNomination) -> str:
        if n.has_discipline is None:
            return "Chưa rõ"
        return f"Có: {n.discipline_note}" if n.has_discipline else "Không"

    def rows():
        index = 0
        total = queryset.count()
        for start in range(0, total, 500):
            for n in queryset[start : start + 500]:
                index += 1
                yield [
                    index,
                    n.person.full_name,
                    n.person.birth_year,
                    n.person.title,
                    n.person.unit.name,
                    n.unit.name,
                    n.group,
                    n.years_in_work,
                    n.start_year,
                    discipline(n),
                    n.achievements,
                    RESULT_LABELS.get(n.overall, ""),
                    checks_text(n.checks),
                    n.get_status_display(),
                    timezone.localtime(n.sent_at).date() if n.sent_at else None,
                    n.file_count,
                ]

    return write_workbook(
        [
            Sheet(
                title="Đề nghị Kỷ niệm chương",
                headers=EXPORT_HEADERS,
                rows=rows(),
                widths=[6, 26, 9, 24, 30, 30, 30, 12, 10, 20, 40, 16, 60, 18, 14, 8],
                notes=["Danh sách đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"],
            )
        ]
    )
