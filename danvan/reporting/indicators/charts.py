"""Server-side SVG bars for indicators: no JavaScript, no CDN; the markup says every figure to a screen
reader (<title>, <desc>), and the page shows the same numbers in a table beside it."""

import itertools
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 720
LABEL_WIDTH = 190
VALUE_ROOM = 80
BAR_HEIGHT = 12
ROW_GAP = 10
LEGEND_HEIGHT = 26
COLOURS = ("#a4161a", "#ced4da")  # this period (the navbar's red), last year (grey)

_ids = itertools.count(1)


def figure(value: Decimal | None) -> str:
    if value is None:
        return "—"
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


def bars(
    rows: list[tuple[str, Decimal | None, Decimal | None]],
    *,
    title: str,
    series: tuple[str, str] | None = None,
) -> SafeString:
    """Horizontal bars, one or two per row: (label, value, value to compare or None)."""
    if not any(value is not None for _label, value, _other in rows):
        return mark_safe(f'<p class="text-muted small mb-0">{escape(_("Chưa có số liệu."))}</p>')
    paired = series is not None
    chart_id = f"indicator-chart-{next(_ids)}"
    top = max((v for _l, a, b in rows for v in (a, b) if v is not None), default=Decimal(1)) or Decimal(1)
    plot = WIDTH - LABEL_WIDTH - VALUE_ROOM
    per_row = (2 if paired else 1) * BAR_HEIGHT + ROW_GAP
    height = (LEGEND_HEIGHT if paired else 4) + len(rows) * per_row + 4

    def length(value) -> float:
        return 0 if not value or value <= 0 else max(1.0, round(float(plot * value / top), 1))

    description = "; ".join(
        f"{label}: {figure(a)}" + (f" ({series[1].lower()}: {figure(b)})" if paired else "")
        for label, a, b in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width:{WIDTH}px" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    top_y = 4
    if paired:
        x = LABEL_WIDTH
        for colour, name in zip(COLOURS, series, strict=True):
            parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
            parts.append(f'<text x="{x + 17}" y="16.5" fill="#212529">{escape(name)}</text>')
            x += 30 + 7 * len(name)
        top_y = LEGEND_HEIGHT
    for index, (label, value, other) in enumerate(rows):
        y = top_y + index * per_row
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 10}" text-anchor="end" fill="#212529">')
        parts.append(f"{escape(label[:30])}</text>")
        pairs = [(value, COLOURS[0])] + ([(other, COLOURS[1])] if paired else [])
        for offset, (number, colour) in enumerate(pairs):
            bar_y = y + offset * BAR_HEIGHT
            width = length(number)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{width}" height="{BAR_HEIGHT - 1}" '
                f'fill="{colour}">'
                f"<title>{escape(label)}: {escape(figure(number))}</title></rect>"
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + width + 4}" y="{bar_y + 10}" fill="#212529">'
                f"{escape(figure(number))}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
