"""Vietnamese dates and time expressions as they appear in plans and official documents.

Pure Python, no Django: the module imports without settings. User-visible messages are plain
Vietnamese strings (the ``MSG_*`` constants below); a later pass hooks them into gettext.

What is recognised (case-, NFC/NFD- and markdown-emphasis-insensitive):

====================================================  ===========================================
written                                               window
====================================================  ===========================================
11/9/2019, 01-10-1997, 15.10.2018, ngày 03 tháng      one day (kind ``exact``)
tư năm 2018, ngày mồng 3 tháng 4 năm 2018
15/10/1930 - 15/10/2023, từ ngày 08 đến ngày 10       ``range``; month and year written once at the
tháng 12 năm 2025, từ 08/12 đến 10/12/2025,           end apply to both ends
tháng 9-10/2023, quý III-IV/2023, giai đoạn 2021-2025
từ ngày 11/9/2019 (nothing after)                     ``range`` with an open end
trước ngày 30/9/2023, xong trước ngày ..., chậm       ``deadline``: no start, end = X inclusive
nhất (là) ngày X, hạn chót X, đến hết X               ("trước" is usually meant "by"); "trước"
                                                      a month/quarter/year ends the day before it
thượng/trung/hạ tuần, đầu/giữa/cuối tháng 9/2023      days 1-10 / 11-20 / 21-last (``period``)
tuần đầu / tuần cuối tháng 9/2023                     days 1-7 / the last 7 days
tháng 9/2023, quý IV/2025, 6 tháng đầu năm 2023,      the whole month, quarter, half, year
năm 2023
dự kiến ... / ... (dự kiến)                           the same window with ``tentative=True``
trong thời hạn 05 ngày kể từ ..., ngay sau khi ...,   ``relative`` (start and end None until
trước ngày bầu cử 10 ngày, 10 ngày làm việc           ``fix_window(w, anchor_day)``)
ngày mồng 3 hằng tháng, từ ngày 10 đến ngày 15        ``recurring`` (start and end None until
tháng 12 hằng năm, định kỳ 6 tháng                    ``fix_window(w, a_day_of_the_year)``)
ngày ..... tháng ..... năm ..... (unsigned draft)     a blank: no date at all
====================================================  ===========================================

``parse_window`` reads one field; ``find_windows`` scans a paragraph and reports offsets into
the text it was given. Nothing the author wrote is lost: every window keeps its words in
``text``.
"""

from danvan.lib.vndates.anchored import fix_window
from danvan.lib.vndates.messages import *  # noqa: F403 (the MSG_* constants, reachable as before)
from danvan.lib.vndates.messages import KINDS, WORDS_ONLY
from danvan.lib.vndates.scan import find_windows, parse_date, parse_window
from danvan.lib.vndates.window import DateParseError, DateWindow, format_date, format_vn_date_line

__all__ = [
    "KINDS",
    "WORDS_ONLY",
    "DateParseError",
    "DateWindow",
    "find_windows",
    "fix_window",
    "format_date",
    "format_vn_date_line",
    "parse_date",
    "parse_window",
]
