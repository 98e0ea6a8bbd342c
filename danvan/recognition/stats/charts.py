"""Server-side SVG charts: no JavaScript, no CDN; the markup is the chart, readable by screen readers."""

import itertools

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 720
LABEL_WIDTH = 230
VALUE_ROOM = 64
BAR_HEIGHT = 13
BAR_GAP = 2
ROW_GAP = 12
LEGEND_HEIGHT = 28
LABEL_CHARS = 34
COLOURS = ("#f1aeb5", "#a4161a")  # registered (light), recognised (the navbar's red)

_ids = itertools.count(1)


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(
    rows: list[tuple[str, int, int]],
    *,
    title: str = "",
    series: tuple[str, str] | None = None,
    chart_id: str | None = None,
) -> SafeString:
    """A horizontal bar chart with two bars per row (registered, recognised), labels and values.

    The SVG has a <title> and a <desc> that says every figure, and each row a <title> of its own
    (the tooltip); with no rows it is a short sentence instead.
    """
    if not rows:
        return mark_safe(f'<p class="text-muted small mb-0">{escape(_("Chưa có số liệu."))}</p>')
    series = series or (_("Đăng ký"), _("Được công nhận"))
    chart_id = chart_id or f"chart-{next(_ids)}"
    title = title or _("Biểu đồ")
    top = max(max(registered, recognised) for _label, registered, recognised in rows) or 1
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM
    row_height = 2 * BAR_HEIGHT + BAR_GAP + ROW_GAP
    height = LEGEND_HEIGHT + len(rows) * row_height + 4

    def bar_length(value: int) -> float:
        return 0 if value <= 0 else max(1.0, round(plot_width * value / top, 1))

    description = "; ".join(
        f"{label}: {_number(registered)} {series[0].lower()}, {_number(recognised)} {series[1].lower()}"
        for label, registered, recognised in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" style="max-width:{WIDTH}px" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="system-ui, sans-serif" '
        f'font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    # Legend.
    x = LABEL_WIDTH
    for colour, name in zip(COLOURS, series, strict=True):
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 17}" y="16.5" fill="#212529">{escape(name)}</text>')
        x += 26 + 7 * len(name)
    # Axis line.
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{LEGEND_HEIGHT - 2}" x2="{LABEL_WIDTH}" '
        f'y2="{height - 2}" stroke="#adb5bd" stroke-width="1"/>'
    )
    for index, (label, registered, recognised) in enumerate(rows):
        y = LEGEND_HEIGHT + index * row_height
        row_title = (
            f"{label}: {_number(registered)} {series[0].lower()}, {_number(recognised)} {series[1].lower()}"
        )
        parts.append(f'<g class="bar-row"><title>{escape(row_title)}</title>')
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT + BAR_GAP / 2 + 4}" text-anchor="end" '
            f'fill="#212529">{escape(_short(label))}</text>'
        )
        for offset, (colour, value) in enumerate(zip(COLOURS, (registered, recognised), strict=True)):
            bar_y = y + offset * (BAR_HEIGHT + BAR_GAP)
            length = bar_length(value)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}" '
                f'fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + length + 4}" y="{bar_y + BAR_HEIGHT - 2.5}" font-size="11" '
                f'fill="#212529">{_number(value)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text piece above went through escape()
