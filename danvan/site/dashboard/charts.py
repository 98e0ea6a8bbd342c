"""The dashboard's pictures, drawn on the server: SVG bars and the coloured unit × period grid.

No JavaScript and no CDN. Each SVG has a <title> and a <desc> saying its figures, and the page puts the same
figures in a table beside it. The grid is itself a table: every cell carries a symbol and words as well as
its colour (colour is never the only sign). Markup is built as strings because the grid of a province has
more than a thousand cells, which the template engine renders several times slower; every piece of text
goes through escape().
"""

from __future__ import annotations

import itertools

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .selectors import STATE_LABELS, GridRow, Tally

WIDTH = 720
COLOURS = {"on_time": "#2f855a", "late": "#d69e2e", "missing": "#c53030", "pending": "#a0aec0"}
SYMBOLS = {"missing": "✗", "late": "!", "pending": "…", "on_time": "✓", "none": "–"}
_ids = itertools.count(1)


def _empty() -> SafeString:
    return mark_safe(f'<p class="text-muted small mb-0">{escape(_("Chưa có số liệu."))}</p>')


def stacked_columns(columns: list[tuple[str, Tally]], *, title: str) -> SafeString:
    """One column per period: on time, late, missing and pending stacked to the number of units asked."""
    if not columns or not any(t.targets for _label, t in columns):
        return _empty()
    chart_id = f"dash-chart-{next(_ids)}"
    parts_of = (
        ("on_time", _("Đúng hạn")),
        ("late", _("Muộn")),
        ("missing", _("Chưa gửi")),
        ("pending", _("Chưa đến hạn")),
    )
    top = max(t.targets for _label, t in columns) or 1
    left, bottom, legend = 8, 40, 26
    plot_height = 180
    height = legend + plot_height + bottom
    step = (WIDTH - left) / len(columns)
    bar = max(6.0, min(40.0, step * 0.7))
    description = "; ".join(
        f"{label}: {t.on_time} {_('đúng hạn')}, {t.late} {_('muộn')}, {t.missing} {_('chưa gửi')}, "
        f"{t.pending} {_('chưa đến hạn')} / {t.targets}"
        for label, t in columns
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dash-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    x = left
    for key, name in parts_of:
        out.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[key]}"/>')
        out.append(f'<text x="{x + 17}" y="16.5" fill="#212529">{escape(name)}</text>')
        x += 30 + 7 * len(name)
    base = legend + plot_height
    out.append(f'<line x1="{left}" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#adb5bd"/>')
    for index, (label, tally) in enumerate(columns):
        cx = left + step * index + (step - bar) / 2
        y = base
        out.append(f"<g><title>{escape(label)}: {tally.sent}/{tally.targets}</title>")
        for key, _name in parts_of:
            value = getattr(tally, key)
            if value <= 0:
                continue
            h = round(plot_height * value / top, 1)
            y -= h
            out.append(
                f'<rect x="{cx:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h}" fill="{COLOURS[key]}"/>'
            )
        out.append("</g>")
        short = label.replace("Tháng ", "T").replace("Quý ", "Q")
        out.append(
            f'<text x="{cx + bar / 2:.1f}" y="{base + 16}" text-anchor="middle" font-size="11" '
            f'fill="#212529">{escape(short.split("/")[0] if len(columns) > 6 else short)}</text>'
        )
        if tally.rate is not None:
            out.append(
                f'<text x="{cx + bar / 2:.1f}" y="{base + 32}" text-anchor="middle" font-size="10" '
                f'fill="#495057">{tally.rate}%</text>'
            )
    out.append("</svg>")
    return mark_safe("".join(out))


def horizontal_bars(rows: list[tuple[str, int]], *, title: str, colour: str = "#a4161a") -> SafeString:
    """One bar per row (a unit and a count), longest first as given."""
    if not rows:
        return _empty()
    chart_id = f"dash-chart-{next(_ids)}"
    label_width, value_room, bar_h, gap = 230, 48, 16, 8
    top = max(value for _label, value in rows) or 1
    plot = WIDTH - label_width - value_room
    height = len(rows) * (bar_h + gap) + 4
    description = "; ".join(f"{label}: {value}" for label, value in rows)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dash-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    for index, (label, value) in enumerate(rows):
        y = index * (bar_h + gap) + 2
        length = max(1.0, round(plot * value / top, 1)) if value > 0 else 0
        short = label if len(label) <= 34 else label[:33].rstrip() + "…"
        out.append(f"<g><title>{escape(label)}: {value}</title>")
        out.append(
            f'<text x="{label_width - 8}" y="{y + bar_h - 4}" text-anchor="end" fill="#212529">'
            f"{escape(short)}</text>"
        )
        out.append(f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_h}" fill="{colour}"/>')
        out.append(
            f'<text x="{label_width + length + 4}" y="{y + bar_h - 4}" font-size="11" fill="#212529">'
            f"{value}</text></g>"
        )
    out.append("</svg>")
    return mark_safe("".join(out))


class _CellWords:
    """The words of the grid's cells, translated once per table rather than once per cell (a country's
    year is 34 × 13 cells)."""

    def __init__(self) -> None:
        self.state = {key: _(label) for key, label in STATE_LABELS.items()}
        self.escaped = {key: escape(label) for key, label in self.state.items()}
        self.sent, self.late = _("đã gửi"), _("muộn")

    def cell(self, tally: Tally | None) -> str:
        """A cell names its state in words for screen readers (the row and column headers give the unit and
        the period); the late answers, not shown in the cell, are also its tooltip. Nothing repeated: a
        province's year is some 1,700 cells."""
        if tally is None or not tally.targets:
            return (
                '<td class="dash-st dash-none"><span aria-hidden="true">–</span>'
                f'<span class="visually-hidden">{self.escaped["none"]}</span></td>'
            )
        state = tally.state
        late = escape(f", {tally.late} {self.late}") if tally.late else ""
        tip = f' title="{tally.sent}/{tally.targets} {self.sent}{late}"' if late else ""
        return (
            f'<td class="dash-st dash-{state}"{tip}><span aria-hidden="true">{SYMBOLS[state]} </span>'
            f"{tally.sent}/{tally.targets}"
            f'<span class="visually-hidden"> — {self.escaped[state]}{late}</span></td>'
        )


def grid_table(rows: list[GridRow], periods: list, *, caption: str, links: dict[int, str]) -> SafeString:
    """The unit × period table, each cell coloured by its state, with the year's total at the end."""
    if not rows or not periods:
        return _empty()
    head = "".join(
        f'<th scope="col" class="text-center">{escape(p.label.split("/")[0])}</th>' for p in periods
    )
    out = [
        '<table class="table table-sm dash-grid mb-0" data-testid="dash-grid">',
        f'<caption class="visually-hidden">{escape(caption)}</caption>',
        f'<thead><tr><th scope="col">{escape(_("Đơn vị"))}</th>{head}'
        f'<th scope="col" class="text-center">{escape(_("Cả năm"))}</th></tr></thead><tbody>',
    ]
    words = _CellWords()
    for row in rows:
        url = links.get(row.unit.pk) if row.unit else None
        name = escape(row.label)
        label = f'<a href="{escape(url)}">{name}</a>' if url else name
        cells = "".join(words.cell(row.cells.get(p)) for p in periods)
        total = words.cell(row.total)
        out.append(f'<tr><th scope="row" class="fw-normal">{label}</th>{cells}{total}</tr>')
    out.append("</tbody></table>")
    return mark_safe("".join(out))
