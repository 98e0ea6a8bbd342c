"""The dashboard's figures as an Excel workbook (the same scope, year and kind of period as the page)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.lib.exports.xlsx import Sheet, write_workbook

from .selectors import STATE_LABELS


def workbook(figures: dict) -> bytes:
    node, grid, year = figures["node"], figures["grid"], figures["year"]
    scope = _("%(n)s — năm %(y)s — báo cáo %(k)s") % {
        "n": node.name,
        "y": year,
        "k": grid.kind_label.lower(),
    }
    tally_headers = [
        _("Số lượt yêu cầu"),
        _("Đúng hạn"),
        _("Muộn"),
        _("Chưa gửi (quá hạn)"),
        _("Chưa đến hạn"),
        _("Tỷ lệ gửi (%)"),
        _("Tỷ lệ đúng hạn (%)"),
    ]

    def tally_cells(t) -> list:
        return [t.targets, t.on_time, t.late, t.missing, t.pending, t.rate, t.punctuality]

    by_period = Sheet(
        title=_("Theo kỳ"),
        headers=[_("Kỳ báo cáo"), *tally_headers],
        rows=[[p.label, *tally_cells(grid.by_period[p])] for p in grid.periods]
        + [[_("Cả năm"), *tally_cells(grid.total)]],
        widths=(24, 14, 12, 10, 16, 14, 12, 16),
        notes=[_("Tình hình gửi báo cáo theo kỳ: %(s)s") % {"s": scope}],
    )
    by_unit = Sheet(
        title=_("Theo đơn vị"),
        headers=[_("Đơn vị"), _("Tình trạng cả năm"), *tally_headers, *(p.label for p in grid.periods)],
        rows=[
            [
                row.label,
                _(STATE_LABELS[row.total.state]),
                *tally_cells(row.total),
                *(_cell_text(row.cells.get(p)) for p in grid.periods),
            ]
            for row in grid.rows
        ],
        widths=(40, 22, 14, 12, 10, 16, 14, 12, 16, *(12 for _p in grid.periods)),
        notes=[_("Tình hình gửi báo cáo theo đơn vị: %(s)s") % {"s": scope}],
    )
    overdue = figures["overdue"]
    tasks = Sheet(
        title=_("Nhiệm vụ quá hạn"),
        headers=[_("Đơn vị"), _("Số nhiệm vụ quá hạn")],
        rows=[[label, count] for label, count in overdue.by_child] + [[_("Cộng"), overdue.total]],
        widths=(48, 20),
        notes=[_("Nhiệm vụ quá hạn, chưa hoàn thành: %(n)s — năm %(y)s") % {"n": node.name, "y": year}],
    )
    programme = Sheet(
        title=_("Chương trình công tác"),
        headers=[_("Tình trạng"), _("Số mục"), _("Tỷ lệ (%)")],
        rows=[[str(label), count, pct] for _key, label, count, pct in figures["programme_parts"]]
        + [[_("Cộng"), figures["programme"].total, 100 if figures["programme"].total else 0]],
        widths=(30, 12, 12),
        notes=[_("Tiến độ chương trình công tác năm %(y)s: %(n)s") % {"y": year, "n": node.name}],
    )
    indicators = Sheet(
        title=_("Chỉ tiêu"),
        headers=[
            _("Chỉ tiêu"),
            _("Đơn vị tính"),
            _("Thực hiện"),
            _("Cùng kỳ năm trước"),
            _("Tăng, giảm (%)"),
            _("Chỉ tiêu năm"),
            _("Đạt so với chỉ tiêu (%)"),
        ],
        rows=[
            [
                r.indicator.name,
                r.indicator.unit_of_measure,
                *(float(v) if v is not None else None for v in (r.value, r.last_year)),
                float(r.change_pct) if r.change_pct is not None else None,
                float(r.target) if r.target is not None else None,
                float(r.target_pct) if r.target_pct is not None else None,
            ]
            for r in figures["indicators"]
        ],
        widths=(48, 14, 14, 18, 14, 14, 20),
        notes=[_("Chỉ tiêu so với cùng kỳ năm trước và chỉ tiêu năm: %(s)s") % {"s": scope}],
    )
    return write_workbook([by_period, by_unit, tasks, programme, indicators])


def _cell_text(tally) -> str:
    if tally is None or not tally.targets:
        return ""
    text = f"{tally.sent}/{tally.targets}"
    return f"{text} ({tally.late} {_('muộn')})" if tally.late else text
