"""The press contest's documents: the results as an .xlsx workbook (the view makes the response)."""

from django.utils.translation import gettext as _

from danvan.lib.exports.xlsx import Sheet, write_workbook

from ..models import Contest
from .selectors import contest_results, rounds_of


def results_xlsx(contest: Contest) -> bytes:
    rows = contest_results(contest)
    rounds = rounds_of(contest)
    headers = [
        _("Hạng"),
        _("Tên tác phẩm"),
        _("Tác giả"),
        _("Cơ quan báo chí"),
        _("Ngày đăng, phát"),
        _("Đơn vị gửi"),
        _("Mô hình, điển hình"),
        _("Vòng cuối đã vào"),
        _("Điểm trung bình"),
        _("Số giám khảo đã chấm"),
        _("Giải"),
        _("Đường dẫn"),
        *(_("Điểm %(round)s") % {"round": r.name} for r in rounds),
    ]

    def values():
        for row in rows:
            rank = "" if row.rank is None else (f"{row.rank} (đồng hạng)" if row.tied else row.rank)
            yield [
                rank,
                row.entry.title,
                row.entry.author,
                row.entry.outlet,
                row.entry.published_on,
                row.entry.submitted_by.name,
                row.entry.exemplar.title if row.entry.exemplar_id else "",
                row.round_name,
                float(row.average) if row.average is not None else "",
                row.judged_by,
                row.prize,
                row.entry.link,
                *(float(row.averages[r.pk]) if r.pk in row.averages else "" for r in rounds),
            ]

    notes = [contest.name, contest.period_text] if contest.period_text else [contest.name]
    return write_workbook(
        [
            Sheet(
                title=_("Kết quả"),
                headers=headers,
                rows=values(),
                widths=[12, 40, 24, 24, 14, 30, 30, 16, 12, 12, 16, 40, *([12] * len(rounds))],
                notes=notes,
            )
        ]
    )
