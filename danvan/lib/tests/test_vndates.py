"""Tests for danvan.lib.vndates (pure Python: run with ``-p no:django``)."""

from __future__ import annotations

import json
import time
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.lib.vndates import (
    KINDS,
    DateParseError,
    DateWindow,
    find_windows,
    fix_window,
    format_date,
    format_vn_date_line,
    parse_date,
    parse_window,
)

# Beside the repository, never inside it: on a fresh clone these tests say they were skipped.
SEED_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SKIP_NO_SEEDS = "skipped: the reference plans ../shared/seeds are not beside the repository (fresh clone)"

# Paragraphs copied verbatim from the seeds, so the tests do not need the shared folder.
SEED_002_TIME = "1. **Thời gian:** Dự kiến trung tuần tháng 09/2023."
SEED_002_CONCLUSION = (
    "1. Đánh giá những kết quả trong triển khai thực hiện Kết luận số 599-KL/TU, ngày 11/9/2019 của "
    "Ban Thường vụ Tỉnh ủy Bắc Ninh “Về tiếp tục tăng cường sự lãnh đạo của cấp ủy đảng đối với hoạt "
    "động của Tổ Dân vận ở khu dân cư” và phong trào thi đua “Dân vận khéo” trên địa bàn thành phố; "
    "những tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm."
)
SEED_003_PARAGRAPHS = (
    "2. Tổ chức các hoạt động kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng "
    "(15/10/1930 - 15/10/2023), 24 năm Ngày Dân vận của cả nước thông qua nhiều hình thức đa dạng, "
    "phong phú, phù hợp với tình hình địa phương, đơn vị như: Tổ chức gặp mặt truyền thống, hội thảo, "
    "tập huấn, .v.v..\n\n"
    "1.8. Tổ chức đánh giá, xây dựng báo cáo tổng kết “Tháng Dân vận” 2023 (xong trước ngày "
    "05/11/2023).\n\n"
    "- Văn bản triển khai và đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023 trước ngày "
    "**30/9/2023** (Có mẫu đăng ký kèm theo Kế hoạch).\n\n"
    "- Báo cáo kết quả hoạt động “Tháng Dân vận” năm 2023 trước ngày **30/10/2023** (Trên cơ sở "
    "chức năng, nhiệm vụ và công tác chỉ đạo, triển khai, các cơ quan, địa phương, đơn vị chủ động "
    "xây dựng báo cáo kết quả phù hợp với thực tiễn theo các nội dung của phần II kế hoạch này).\n\n"
    "TÊN CƠ QUAN, ĐƠN VỊ...\n\nMẫu\n....., ngày..... tháng.....năm.....\n"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def windows_of(text: str, **kwargs) -> list[DateWindow]:
    return [w for _, _, w in find_windows(text, **kwargs)]


def deadlines_of(text: str) -> dict[date | None, DateWindow]:
    return {w.end: w for w in windows_of(text) if w.kind == "deadline"}


# --- parse_window: the phrases plans use --------------------------------------------------------

D = date

PHRASES = [
    # text, start, end, kind, tentative
    ("ngày 11/9/2019", D(2019, 9, 11), D(2019, 9, 11), "exact", False),
    ("11/9/2019", D(2019, 9, 11), D(2019, 9, 11), "exact", False),
    ("05/11/2023", D(2023, 11, 5), D(2023, 11, 5), "exact", False),
    ("ngày 01-10-1997", D(1997, 10, 1), D(1997, 10, 1), "exact", False),
    ("15.10.2018", D(2018, 10, 15), D(2018, 10, 15), "exact", False),
    ("ngày 03 tháng 4 năm 2018", D(2018, 4, 3), D(2018, 4, 3), "exact", False),
    ("ngày 03 tháng bốn năm 2018", D(2018, 4, 3), D(2018, 4, 3), "exact", False),
    ("ngày mồng 3 tháng 4 năm 2018", D(2018, 4, 3), D(2018, 4, 3), "exact", False),
    ("15/10/1930 - 15/10/2023", D(1930, 10, 15), D(2023, 10, 15), "range", False),
    ("từ ngày 05/02/2026 - 08/02/2026", D(2026, 2, 5), D(2026, 2, 8), "range", False),
    ("từ ngày 08 đến ngày 10 tháng 12 năm 2025", D(2025, 12, 8), D(2025, 12, 10), "range", False),
    ("từ 08/12 đến 10/12/2025", D(2025, 12, 8), D(2025, 12, 10), "range", False),
    ("trước ngày 30/9/2023", None, D(2023, 9, 30), "deadline", False),
    ("xong trước ngày 05/11/2023", None, D(2023, 11, 5), "deadline", False),
    ("hoàn thành trước ngày 15/10/2023", None, D(2023, 10, 15), "deadline", False),
    ("chậm nhất ngày 30/9/2023", None, D(2023, 9, 30), "deadline", False),
    ("chậm nhất là ngày 30/9/2023", None, D(2023, 9, 30), "deadline", False),
    ("hạn chót 30/9/2023", None, D(2023, 9, 30), "deadline", False),
    ("hạn chót: ngày 30/9/2023", None, D(2023, 9, 30), "deadline", False),
    ("thượng tuần tháng 9/2023", D(2023, 9, 1), D(2023, 9, 10), "period", False),
    ("trung tuần tháng 09/2023", D(2023, 9, 11), D(2023, 9, 20), "period", False),
    ("hạ tuần tháng 9 năm 2023", D(2023, 9, 21), D(2023, 9, 30), "period", False),
    ("hạ tuần tháng 2/2024", D(2024, 2, 21), D(2024, 2, 29), "period", False),
    ("đầu tháng 9/2023", D(2023, 9, 1), D(2023, 9, 10), "period", False),
    ("giữa tháng 9/2023", D(2023, 9, 11), D(2023, 9, 20), "period", False),
    ("cuối tháng 9/2023", D(2023, 9, 21), D(2023, 9, 30), "period", False),
    ("tháng 9/2023", D(2023, 9, 1), D(2023, 9, 30), "period", False),
    ("tháng 11/2025", D(2025, 11, 1), D(2025, 11, 30), "period", False),
    ("tháng 9 năm 2023", D(2023, 9, 1), D(2023, 9, 30), "period", False),
    ("tháng 9-10/2023", D(2023, 9, 1), D(2023, 10, 31), "range", False),
    ("quý I/2023", D(2023, 1, 1), D(2023, 3, 31), "period", False),
    ("quý III/2023", D(2023, 7, 1), D(2023, 9, 30), "period", False),
    ("quý IV năm 2025", D(2025, 10, 1), D(2025, 12, 31), "period", False),
    ("Quý IV/2025", D(2025, 10, 1), D(2025, 12, 31), "period", False),
    ("6 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 6, 30), "period", False),
    ("6 tháng cuối năm 2023", D(2023, 7, 1), D(2023, 12, 31), "period", False),
    ("năm 2023", D(2023, 1, 1), D(2023, 12, 31), "period", False),
    ("Dự kiến trung tuần tháng 09/2023.", D(2023, 9, 11), D(2023, 9, 20), "period", True),
    ("dự kiến ngày 15/9/2023", D(2023, 9, 15), D(2023, 9, 15), "exact", True),
    ("dự kiến: quý IV/2025", D(2025, 10, 1), D(2025, 12, 31), "period", True),
    ("dự kiến hoàn thành trước ngày 30/9/2023", None, D(2023, 9, 30), "deadline", True),
    ("ngày 15/9/2023 (dự kiến)", D(2023, 9, 15), D(2023, 9, 15), "exact", True),
]


@pytest.mark.parametrize(("text", "start", "end", "kind", "tentative"), PHRASES)
def test_parse_window_reads_the_phrases_plans_use(text, start, end, kind, tentative):
    window = parse_window(text)
    assert (window.start, window.end, window.kind, window.tentative) == (start, end, kind, tentative)
    assert window.text == text.strip()


@pytest.mark.parametrize(("text", "start", "end", "kind", "tentative"), PHRASES)
def test_parse_window_ignores_case_and_unicode_normal_form(text, start, end, kind, tentative):
    for variant in (text.upper(), nfd(text), nfd(text.upper())):
        window = parse_window(variant)
        assert (window.start, window.end, window.kind, window.tentative) == (start, end, kind, tentative)
        assert window.text == nfc(variant).strip()


@pytest.mark.parametrize(
    "text",
    [
        "trước ngày **30/9/2023**",
        "**trước ngày 30/9/2023**",
        "Thời hạn: trước ngày 30/9/2023.",
        "  trước ngày 30/9/2023;  ",
        "- trước ngày __30/9/2023__ (có mẫu kèm theo)",
    ],
)
def test_parse_window_tolerates_markdown_emphasis_and_stray_punctuation(text):
    window = parse_window(text)
    assert (window.start, window.end, window.kind) == (None, D(2023, 9, 30), "deadline")
    assert window.text == text.strip()


def test_parse_window_keeps_words_around_the_expression_in_text():
    window = parse_window("Sáng ngày 15/9/2023, tại Hội trường")
    assert window.start == window.end == D(2023, 9, 15)
    assert window.text == "Sáng ngày 15/9/2023, tại Hội trường"


def test_year_written_once_at_the_end_applies_to_both_ends_even_across_new_year():
    window = parse_window("từ 25/12 đến 05/01/2026")
    assert (window.start, window.end) == (D(2025, 12, 25), D(2026, 1, 5))
    window = parse_window("tháng 12-1/2024")
    assert (window.start, window.end) == (D(2023, 12, 1), D(2024, 1, 31))


def test_month_written_once_at_the_end_applies_to_a_leading_bare_day():
    window = parse_window("từ ngày 28 đến ngày 3 tháng 3/2025")
    assert (window.start, window.end) == (D(2025, 2, 28), D(2025, 3, 3))


def test_year_written_at_the_start_applies_to_the_end():
    window = parse_window("từ 15/9/2023 đến 20/9")
    assert (window.start, window.end) == (D(2023, 9, 15), D(2023, 9, 20))


def test_from_a_day_with_no_end_is_an_open_range():
    window = parse_window("kể từ ngày 01/01/2024")
    assert (window.start, window.end, window.kind) == (D(2024, 1, 1), None, "range")
    assert window.contains(D(2099, 1, 1))
    assert window.display() == "Từ 01/01/2024"


def test_before_a_month_ends_the_day_before_it_starts():
    window = parse_window("trước tháng 10/2023")
    assert (window.start, window.end, window.kind) == (None, D(2023, 9, 30), "deadline")


def test_by_a_period_ends_with_the_period():
    window = parse_window("hoàn thành trong tháng 9/2023")
    assert (window.start, window.end, window.kind) == (None, D(2023, 9, 30), "deadline")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("giai đoạn 2021 - 2025", D(2021, 1, 1), D(2025, 12, 31)),
        ("từ tháng 9 đến tháng 10/2023", D(2023, 9, 1), D(2023, 10, 31)),
        ("quý III-IV/2023", D(2023, 7, 1), D(2023, 12, 31)),
        ("tuần đầu tháng 10/2023", D(2023, 10, 1), D(2023, 10, 7)),
        ("tuần cuối cùng của tháng 9/2023", D(2023, 9, 24), D(2023, 9, 30)),
        ("nửa đầu năm 2024", D(2024, 1, 1), D(2024, 6, 30)),
        ("ngày 08-10/12/2025", D(2025, 12, 8), D(2025, 12, 10)),
        ("tháng Năm 2018", D(2018, 5, 1), D(2018, 5, 31)),
    ],
)
def test_parse_window_reads_other_common_spans(text, start, end):
    window = parse_window(text)
    assert (window.start, window.end) == (start, end)


# --- year missing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tháng 9", "trước ngày 30/9", "trung tuần tháng 9", "ngày 15 tháng 9", "quý III"]
)
def test_a_missing_year_is_taken_from_default_year(text):
    window = parse_window(text, default_year=2023)
    assert window.start is None or window.start.year == 2023
    assert window.end is not None and window.end.year == 2023


@pytest.mark.parametrize(
    "text", ["tháng 9", "trước ngày 30/9", "trung tuần tháng 9", "ngày 15 tháng 9", "quý III"]
)
def test_a_missing_year_without_default_year_asks_for_the_year_in_vietnamese(text):
    with pytest.raises(DateParseError) as caught:
        parse_window(text)
    assert "Chưa ghi năm" in caught.value.message
    assert "ghi rõ năm" in caught.value.message
    assert f"«{text}»" in caught.value.message


# --- invalid dates ------------------------------------------------------------------------------


def test_the_31st_of_february_does_not_exist_and_the_message_says_why():
    with pytest.raises(DateParseError) as caught:
        parse_date("31/02/2023")
    error = caught.value
    assert error.message.startswith("Ngày 31/02/2023 không tồn tại (tháng 2 năm 2023 chỉ có 28 ngày).")
    assert "«31/02/2023»" in error.message
    assert str(error) == error.message
    assert isinstance(error, ValueError)


def test_the_29th_of_february_exists_only_in_leap_years():
    with pytest.raises(DateParseError, match="chỉ có 28 ngày"):
        parse_date("29/02/2023")
    assert parse_date("29/02/2024") == D(2024, 2, 29)


@pytest.mark.parametrize("text", ["13/13/2023", "ngày 01 tháng 13 năm 2023", "tháng 13/2023"])
def test_month_13_does_not_exist(text):
    with pytest.raises(DateParseError, match="Tháng 13 không tồn tại"):
        parse_window(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("ngày 00/01/2023", "Ngày 00/01/2023 không tồn tại"),
        ("32/01/2023", "chỉ có 31 ngày"),
        ("31/4/2023", "tháng 4 năm 2023 chỉ có 30 ngày"),
        ("quý V/2023", "Quý V không tồn tại"),
        ("năm 0999", "Năm 0999 không hợp lệ"),
        ("từ 20/9/2023 đến 10/9/2023", "sau thời gian kết thúc"),
        ("trước ngày 31/02/2023", "không tồn tại"),
    ],
)
def test_other_impossible_dates_are_named_in_the_message(text, fragment):
    with pytest.raises(DateParseError) as caught:
        parse_window(text)
    assert fragment in caught.value.message
    assert f"«{text}»" in caught.value.message


def test_find_windows_skips_invalid_dates_and_keeps_the_valid_ones():
    found = windows_of("Ngày 31/02/2023 không có; ngày 29/02/2024 thì có.")
    assert [(w.start, w.kind) for w in found] == [(D(2024, 2, 29), "exact")]


# --- parse_date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/9/2019", D(2019, 9, 11)),
        ("05/11/2023", D(2023, 11, 5)),
        ("01-10-1997", D(1997, 10, 1)),
        ("15.10.2018", D(2018, 10, 15)),
        ("ngày 03 tháng 4 năm 2018", D(2018, 4, 3)),
        ("ngày 03 tháng bốn năm 2018", D(2018, 4, 3)),
        ("ngày mồng 3 tháng 4 năm 2018", D(2018, 4, 3)),
        ("Ngày 12 tháng 5, năm 2023", D(2023, 5, 12)),
        ("NGÀY 11/9/2019", D(2019, 9, 11)),
    ],
)
def test_parse_date_reads_every_written_form_of_a_day(text, expected):
    assert parse_date(text) == expected
    assert parse_date(nfd(text)) == expected


@pytest.mark.parametrize("text", ["tháng 9/2023", "trước ngày 30/9/2023", "15/10/1930 - 15/10/2023"])
def test_parse_date_refuses_what_is_not_a_single_day(text):
    with pytest.raises(DateParseError, match="không phải là một ngày cụ thể"):
        parse_date(text)


@pytest.mark.parametrize("text", ["11/9/19", "Nghị định 30/2020/NĐ-CP", "Số 12/05/2023/QĐ"])
def test_parse_date_does_not_guess_two_digit_years_or_document_numbers(text):
    with pytest.raises(DateParseError, match="Không nhận ra thời gian"):
        parse_date(text)


# --- blanks, unplaceable and unrelated text ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["ngày tháng 01 năm 2026", "....., ngày..... tháng.....năm.....", "Từ Sơn, ngày    tháng    năm 20.."],
)
def test_blanks_of_an_unsigned_draft_are_not_a_date(text):
    with pytest.raises(DateParseError) as caught:
        parse_window(text)
    assert caught.value.message.startswith("Chưa ghi ngày")
    assert find_windows(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("trong thời hạn 05 ngày kể từ ngày nhận đơn", "relative"),
        ("trước ngày bầu cử 10 ngày", "relative"),
        ("ngay sau khi kết thúc hội nghị", "relative"),
        ("đến khi tổ chức thành công Đại hội XIV", "relative"),
        ("ngày mồng 3 hằng tháng", "recurring"),
        ("tuần cuối cùng của tháng thứ 3 trong quý", "recurring"),
        ("10 ngày làm việc", "relative"),
        ("tháng 9 hằng năm", "recurring"),
        ("từ ngày 10 đến ngày 15 tháng 12 hằng năm", "recurring"),
        ("trong thời hạn 05 ngày kể từ ngày 11/9/2023", "relative"),
    ],
)
def test_relative_anchored_and_recurring_phrases_are_kept_as_words_of_their_kind(text, kind):
    window = parse_window(text, default_year=2023)
    assert (window.start, window.end, window.kind) == (None, None, kind)
    assert window.text == text
    assert window.display() == text
    assert not window.contains(D(2023, 9, 11))


RANGE = "range"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "từ ngày 10 đến ngày 15 tháng 12 hằng năm",
            D(2026, 1, 1),
            (D(2026, 12, 10), D(2026, 12, 15), "range"),
        ),
        ("ngày 25 hằng tháng", D(2026, 3, 1), (D(2026, 3, 25), D(2026, 3, 25), "exact")),
        ("tháng 9 hằng năm", D(2024, 5, 5), (D(2024, 9, 1), D(2024, 9, 30), "period")),
        (
            "trong thời hạn 05 ngày kể từ ngày nhận đơn",
            D(2026, 3, 2),
            (D(2026, 3, 2), D(2026, 3, 7), "range"),
        ),
        ("trước ngày bầu cử 10 ngày", D(2026, 5, 24), (None, D(2026, 5, 14), "deadline")),
        ("10 ngày làm việc", D(2025, 12, 8), (D(2025, 12, 8), D(2025, 12, 19), "range")),
        ("đến khi tổ chức thành công Đại hội XIV", D(2026, 1, 19), (None, D(2026, 1, 19), "deadline")),
    ],
)
def test_recurring_and_relative_windows_become_fixed_once_their_anchor_is_known(text, anchor, expected):
    window = parse_window(text)
    fixed = fix_window(window, anchor)
    assert (fixed.start, fixed.end, fixed.kind) == expected
    assert fixed.text == window.text


def test_fix_window_leaves_a_placed_window_alone():
    window = parse_window("chậm nhất ngày 30/9/2023")
    assert fix_window(window, D(2024, 1, 1)) == window


def test_working_days_with_a_written_range_give_the_range():
    window = parse_window("10 ngày làm việc (từ 05/02/2026 đến 16/02/2026)")
    assert (window.start, window.end, window.kind) == (D(2026, 2, 5), D(2026, 2, 16), "range")
    assert window.text == "10 ngày làm việc (từ 05/02/2026 đến 16/02/2026)"


@pytest.mark.parametrize("text", ["xin chào", "", "abc", "   ", "Tháng Dân vận", "93 năm Ngày truyền thống"])
def test_unrelated_text_is_not_recognised(text):
    with pytest.raises(DateParseError) as caught:
        parse_window(text)
    assert caught.value.message == f"Không nhận ra thời gian trong «{text.strip()}»."


def test_two_separate_time_expressions_in_one_field_are_refused():
    with pytest.raises(DateParseError, match="nhiều mốc thời gian"):
        parse_window("ngày 15/9/2023 và ngày 20/9/2023")


def test_a_value_that_is_not_text_raises_the_module_error():
    with pytest.raises(DateParseError):
        parse_window(20230930)  # type: ignore[arg-type]
    assert find_windows(None) == []  # type: ignore[arg-type]


# --- find_windows ------------------------------------------------------------------------------


def test_find_windows_finds_the_deadlines_and_anniversary_of_seed_003():
    deadlines = deadlines_of(SEED_003_PARAGRAPHS)
    assert set(deadlines) == {D(2023, 9, 30), D(2023, 10, 30), D(2023, 11, 5)}
    assert deadlines[D(2023, 11, 5)].text == "xong trước ngày 05/11/2023"
    assert deadlines[D(2023, 9, 30)].text == "trước ngày **30/9/2023**"
    assert all(w.start is None for w in deadlines.values())
    anniversaries = [w for w in windows_of(SEED_003_PARAGRAPHS) if w.kind == "range"]
    assert [(w.start, w.end, w.text) for w in anniversaries] == [
        (D(1930, 10, 15), D(2023, 10, 15), "15/10/1930 - 15/10/2023")
    ]


def test_find_windows_finds_the_tentative_mid_september_meeting_of_seed_002():
    [(start, end, window)] = find_windows(SEED_002_TIME)
    assert SEED_002_TIME[start:end] == "Dự kiến trung tuần tháng 09/2023"
    assert (window.start, window.end, window.kind, window.tentative) == (
        D(2023, 9, 11),
        D(2023, 9, 20),
        "period",
        True,
    )


def test_find_windows_finds_the_date_of_a_cited_conclusion_in_seed_002():
    [window] = windows_of(SEED_002_CONCLUSION)
    assert (window.start, window.kind, window.text) == (D(2019, 9, 11), "exact", "ngày 11/9/2019")


def test_find_windows_skips_the_blank_date_line_of_a_form():
    assert not [w for w in windows_of(SEED_003_PARAGRAPHS) if "....." in w.text]


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason=SKIP_NO_SEEDS)
def test_find_windows_on_the_whole_seed_files():
    seed_002 = (SEED_DIR / "002_07807a34c7006974.txt").read_text(encoding="utf-8")
    seed_003 = (SEED_DIR / "003_130769708af1ac22.txt").read_text(encoding="utf-8")
    tentative = [w for w in windows_of(seed_002) if w.tentative]
    assert [(w.start, w.end) for w in tentative] == [(D(2023, 9, 11), D(2023, 9, 20))]
    assert {D(2023, 9, 30), D(2023, 10, 30), D(2023, 11, 5)} <= set(deadlines_of(seed_003))
    ranges = {(w.start, w.end) for w in windows_of(seed_003) if w.kind == "range"}
    assert (D(1930, 10, 15), D(2023, 10, 15)) in ranges
    assert (D(2021, 1, 1), D(2025, 12, 31)) in ranges  # "giai đoạn 2021 - 2025"
    for text in (seed_002, seed_003):
        for start, end, window in find_windows(text):
            assert nfc(text[start:end]).strip() == window.text


def test_find_windows_offsets_index_the_text_as_given_even_in_nfd():
    text = nfd("Kế hoạch: Dự kiến trung tuần tháng 09/2023, hoàn thành trước ngày 30/9/2023.")
    found = find_windows(text)
    assert [text[s:e] for s, e, _ in found] == [
        nfd("Dự kiến trung tuần tháng 09/2023"),
        nfd("hoàn thành trước ngày 30/9/2023"),
    ]
    assert [w.text for _, _, w in found] == [
        "Dự kiến trung tuần tháng 09/2023",
        "hoàn thành trước ngày 30/9/2023",
    ]


def test_find_windows_returns_expressions_in_order_without_overlap():
    text = "Từ ngày 08 đến ngày 10 tháng 12 năm 2025; quý IV/2025; chậm nhất là ngày 31/12/2025."
    found = find_windows(text)
    assert [w.kind for _, _, w in found] == ["range", "period", "deadline"]
    ends = [0] + [e for _, e, _ in found]
    assert all(s >= previous for (s, _, _), previous in zip(found, ends, strict=False))


def test_find_windows_uses_default_year_and_otherwise_skips_yearless_expressions():
    text = "Hội nghị tổ chức vào trung tuần tháng 9, báo cáo trước ngày 30/9."
    assert find_windows(text) == []
    found = windows_of(text, default_year=2023)
    assert [(w.start, w.end, w.kind) for w in found] == [
        (D(2023, 9, 11), D(2023, 9, 20), "period"),
        (None, D(2023, 9, 30), "deadline"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 1234/QĐ-UBND",
        "Nghị định 30/2020/NĐ-CP",
        "1/2 số hộ",
        "trực 24/7",
        "phiên bản 1.2.3",
        "từ tỉnh đến cơ sở",
        "kính gửi quý vị đại biểu",
        "năm học 2023-2024 là",  # not a calendar year
        "hàng hóa, hàng ngũ",
    ],
)
def test_find_windows_does_not_mistake_document_numbers_or_ordinary_words_for_dates(text):
    assert find_windows(text) == []


def test_find_windows_reports_unparsed_expressions_beside_placed_ones():
    text = "10 ngày làm việc từ 05/02/2026 đến 16/02/2026"
    assert [(w.kind, w.text) for w in windows_of(text)] == [
        ("relative", "10 ngày làm việc"),
        ("range", "từ 05/02/2026 đến 16/02/2026"),
    ]


def test_find_windows_a_long_plan_stays_fast():
    text = (SEED_003_PARAGRAPHS + "\n") * 40
    began = time.perf_counter()
    found = find_windows(text)
    assert time.perf_counter() - began < 5
    assert len(found) == 40 * len(find_windows(SEED_003_PARAGRAPHS))


# --- format_vn_date_line, format_date --------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (D(2023, 9, 5), "Từ Sơn, ngày 05 tháng 9 năm 2023"),
        (D(2023, 2, 5), "Từ Sơn, ngày 05 tháng 02 năm 2023"),
        (D(2023, 1, 15), "Từ Sơn, ngày 15 tháng 01 năm 2023"),
        (D(2023, 5, 27), "Từ Sơn, ngày 27 tháng 5 năm 2023"),
        (D(2023, 3, 9), "Từ Sơn, ngày 09 tháng 3 năm 2023"),
        (D(2023, 10, 10), "Từ Sơn, ngày 10 tháng 10 năm 2023"),
        (D(2023, 12, 31), "Từ Sơn, ngày 31 tháng 12 năm 2023"),
        (D(2024, 2, 29), "Từ Sơn, ngày 29 tháng 02 năm 2024"),
    ],
)
def test_date_line_pads_days_below_10_and_months_1_and_2(d, expected):
    assert format_vn_date_line("Từ Sơn", d) == expected


def test_date_line_of_an_unsigned_draft_leaves_blanks():
    assert format_vn_date_line("Từ Sơn", None) == "Từ Sơn, ngày    tháng    năm      "


def test_date_line_without_a_place_starts_with_a_capital():
    assert format_vn_date_line("", D(2023, 9, 5)) == "Ngày 05 tháng 9 năm 2023"
    assert format_vn_date_line(nfd(" Bắc Giang "), D(2023, 9, 5)) == "Bắc Giang, ngày 05 tháng 9 năm 2023"


def test_a_date_line_reads_back_as_its_date():
    assert parse_date(format_vn_date_line("Từ Sơn", D(2023, 2, 5))) == D(2023, 2, 5)


def test_format_date_is_dd_mm_yyyy_and_empty_for_none():
    assert format_date(D(2023, 9, 5)) == "05/09/2023"
    assert format_date(None) == ""


# --- DateWindow ------------------------------------------------------------------------------


def test_an_exact_window_is_one_day_and_not_fuzzy():
    window = DateWindow.exact(D(2023, 9, 30))
    assert (window.start, window.end, window.kind, window.text) == (
        D(2023, 9, 30),
        D(2023, 9, 30),
        "exact",
        "30/09/2023",
    )
    assert not window.is_fuzzy
    assert window.display() == "30/09/2023"
    assert DateWindow.exact(D(2023, 9, 30), "ngày 30/9/2023").text == "ngày 30/9/2023"


def test_periods_ranges_deadlines_and_unparsed_windows_are_fuzzy():
    assert parse_window("tháng 9/2023").is_fuzzy
    assert parse_window("trước ngày 30/9/2023").is_fuzzy
    assert DateWindow(D(2023, 9, 1), D(2023, 9, 1), "từ 01/9/2023 đến 01/9/2023", kind="range").is_fuzzy
    assert DateWindow.unparsed("hằng tháng").is_fuzzy


def test_display_is_short_vietnamese():
    assert parse_window("trung tuần tháng 9/2023").display() == "11/09/2023 – 20/09/2023"
    assert parse_window("trước ngày 30/9/2023").display() == "Chậm nhất 30/09/2023"
    assert parse_window("Dự kiến trung tuần tháng 09/2023.").display() == "Dự kiến 11/09/2023 – 20/09/2023"
    assert parse_window("dự kiến trước ngày 30/9/2023").display() == "Dự kiến chậm nhất 30/09/2023"


def test_contains_and_overlaps_respect_open_ends():
    september = parse_window("tháng 9/2023")
    deadline = parse_window("trước ngày 05/9/2023")
    october = parse_window("tháng 10/2023")
    assert september.contains(D(2023, 9, 30)) and not september.contains(D(2023, 10, 1))
    assert september.contains(datetime(2023, 9, 15, 8, 30))
    assert deadline.contains(D(2000, 1, 1)) and not deadline.contains(D(2023, 9, 6))
    assert september.overlaps(deadline) and deadline.overlaps(september)
    assert not october.overlaps(deadline)
    assert not september.overlaps(DateWindow.unparsed("hằng tháng"))


def test_the_text_of_a_window_is_stored_in_nfc_and_stripped():
    window = DateWindow.unparsed(nfd("  ngay sau khi kết thúc hội nghị "))
    assert window.text == "ngay sau khi kết thúc hội nghị"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": D(2023, 9, 30), "end": D(2023, 9, 1), "text": "x", "kind": "range"},
        {"start": D(2023, 9, 1), "end": D(2023, 9, 2), "text": "x", "kind": "exact"},
        {"start": D(2023, 9, 1), "end": D(2023, 9, 2), "text": "x", "kind": "deadline"},
        {"start": None, "end": None, "text": "", "kind": "unparsed"},
        {"start": D(2023, 9, 1), "end": None, "text": "x", "kind": "period"},
        {"start": D(2023, 9, 1), "end": D(2023, 9, 1), "text": "x", "kind": "weekly"},
        {"start": "2023-09-01", "end": None, "text": "x", "kind": "range"},
        {"start": datetime(2023, 9, 1), "end": None, "text": "x", "kind": "range"},
    ],
)
def test_an_inconsistent_window_cannot_be_built(kwargs):
    with pytest.raises(DateParseError):
        DateWindow(**kwargs)


def test_to_dict_is_json_with_iso_dates():
    window = parse_window("Dự kiến trung tuần tháng 09/2023.")
    data = window.to_dict()
    assert data == {
        "start": "2023-09-11",
        "end": "2023-09-20",
        "text": "Dự kiến trung tuần tháng 09/2023.",
        "tentative": True,
        "kind": "period",
    }
    assert DateWindow.from_dict(json.loads(json.dumps(data))) == window


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"start": "30/09/2023", "end": "2023-09-30", "text": "x", "kind": "exact"},
        {"start": 20230930, "end": None, "text": "x", "kind": "range"},
        {"start": None, "end": "2023-09-30", "text": "x", "kind": "nope"},
        {"start": None, "end": "2023-09-30", "text": "x", "kind": "deadline", "tentative": "yes"},
    ],
)
def test_from_dict_refuses_damaged_data_with_the_module_error(data):
    with pytest.raises(DateParseError, match="Dữ liệu thời gian đã lưu không hợp lệ"):
        DateWindow.from_dict(data)


# --- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31))


@st.composite
def date_windows(draw) -> DateWindow:
    kind = draw(st.sampled_from(KINDS))
    text = draw(st.text(min_size=1, max_size=30).filter(lambda t: t.strip()))
    tentative = draw(st.booleans())
    a, b = sorted([draw(days), draw(days)])
    if kind == "exact":
        return DateWindow(a, a, text, tentative, kind)
    if kind == "period":
        return DateWindow(a, b, text, tentative, kind)
    if kind == "range":
        return DateWindow(a, draw(st.sampled_from([b, None])), text, tentative, kind)
    if kind == "deadline":
        return DateWindow(None, b, text, tentative, kind)
    return DateWindow(None, None, text, tentative, kind)


@given(date_windows())
def test_to_dict_and_from_dict_round_trip_through_json(window):
    assert DateWindow.from_dict(json.loads(json.dumps(window.to_dict()))) == window


WORDS = [
    "ngày", "tháng", "năm", "quý", "từ", "đến", "tới", "trước", "sau", "xong", "hoàn thành",
    "chậm nhất", "là", "hạn chót", "dự kiến", "thượng tuần", "trung tuần", "hạ tuần", "đầu",
    "giữa", "cuối", "tuần", "mồng", "mùng", "hằng", "hàng", "kể từ", "trong thời hạn", "làm việc",
    "ngay sau khi", "giai đoạn", "nửa", "sáu", "bốn", "tư", "mười", "mười hai", "nay", "của",
    "thứ", "I", "II", "III", "IV", "V", "(dự kiến)", "**", "Quý", "NGÀY", "Tháng",
]  # fmt: skip
NUMBERS = ["0", "00", "1", "01", "3", "6", "9", "09", "10", "12", "13", "15", "28", "29", "30", "31", "32",
           "99", "0999", "1000", "1930", "2023", "2024", "9999", "10000", "123"]  # fmt: skip
SEPARATORS = [" ", " ", " ", "/", "-", ".", "", ", ", " - ", " – ", ": ", "\n", "(", ")", "…", "....."]
# one draw per piece keeps hypothesis fast: every token already carries its separator
PIECES = [token + sep for token in WORDS + NUMBERS for sep in SEPARATORS]
grammar_text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
any_text = st.one_of(st.text(max_size=60), grammar_text, grammar_text.map(nfd), grammar_text.map(str.upper))
default_years = st.one_of(st.none(), st.integers(min_value=-5, max_value=10_050))


def check_window(window: DateWindow) -> None:
    assert window.kind in KINDS
    if window.start is not None and window.end is not None:
        assert window.start <= window.end
    if window.kind == "exact":
        assert window.start == window.end is not None
    assert window.display()
    assert DateWindow.from_dict(window.to_dict()) == window


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, default_years)
def test_parse_window_returns_a_window_or_raises_date_parse_error_for_any_input(text, default_year):
    try:
        window = parse_window(text, default_year=default_year)
    except DateParseError as error:
        assert error.message and str(error) == error.message
        return
    check_window(window)
    assert window.text == nfc(text).strip()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, default_years)
def test_find_windows_never_raises_and_its_offsets_slice_the_input(text, default_year):
    found = find_windows(text, default_year=default_year)
    previous_end = 0
    for start, end, window in found:
        assert previous_end <= start < end <= len(text)
        assert nfc(text[start:end]).strip() == window.text
        check_window(window)
        previous_end = end


numbers = st.integers(min_value=0, max_value=35).flatmap(lambda n: st.sampled_from([str(n), f"{n:02d}"]))
years = st.sampled_from(["2023", "2024", "1000", "9999", "0999", "1930"])
year_parts = st.one_of(
    st.just(""), years.map("/{}".format), years.map(" năm {}".format), years.map(" {}".format)
)
points = st.one_of(
    st.builds("{}/{}/{}".format, numbers, numbers, years),
    st.builds("{}-{}-{}".format, numbers, numbers, years),
    st.builds("{}.{}.{}".format, numbers, numbers, years),
    st.builds("ngày {}/{}{}".format, numbers, numbers, year_parts),
    st.builds("ngày {} tháng {}{}".format, numbers, numbers, year_parts),
    st.builds("ngày {}".format, numbers),
    st.builds("tháng {}{}".format, numbers, year_parts),
    st.builds("tháng {}-{}{}".format, numbers, numbers, year_parts),
    st.builds(
        "{} tháng {}{}".format, st.sampled_from(["thượng tuần", "trung tuần", "hạ tuần", "đầu", "cuối"]),
        numbers, year_parts,
    ),
    st.builds("quý {}{}".format, st.sampled_from(["I", "II", "III", "IV", "V", "1", "5"]), year_parts),
    st.builds("6 tháng {} năm {}".format, st.sampled_from(["đầu", "cuối"]), years),
    st.builds("năm {}".format, years),
)  # fmt: skip
prefixes = st.sampled_from(
    ["", "dự kiến ", "trước ngày ", "xong trước ", "chậm nhất là ", "từ ", "từ ngày ", "hạn chót "]
)
connectors = st.sampled_from(["", "", " - ", "-", " đến ", " – "])
expressions = st.builds(
    lambda pre, a, conn, b, post: pre + a + (conn + b if conn else "") + post,
    prefixes, points, connectors, points, st.sampled_from(["", ".", " (dự kiến)", " hằng năm", "**"]),
)  # fmt: skip


@settings(deadline=None)
@given(expressions, st.sampled_from([None, 2023]))
def test_structured_date_expressions_parse_to_consistent_windows_or_a_vietnamese_error(text, default_year):
    try:
        window = parse_window(text, default_year=default_year)
    except DateParseError as error:
        assert "«" in error.message and "»" in error.message  # the input is quoted
        return
    check_window(window)
    found = find_windows(text, default_year=default_year)
    assert found, text
    for start, end, found_window in found:
        assert nfc(text[start:end]).strip() == found_window.text
        check_window(found_window)


@given(
    st.sampled_from(PHRASES),
    st.sampled_from(["Thời gian: ", "- ", "", "Kế hoạch; "]),
    st.sampled_from([".", ";", "", " ."]),
)
def test_find_windows_finds_each_phrase_inside_a_sentence(phrase, before, after):
    text, start, end, kind, tentative = phrase
    sentence = before + text + after
    [(_, _, window)] = find_windows(sentence)
    assert (window.start, window.end, window.kind, window.tentative) == (start, end, kind, tentative)


@given(days)
def test_every_day_written_any_way_reads_back(d):
    for written in (
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        format_date(d),
        format_vn_date_line("Hà Nội", d),
        f"ngày mồng {d.day} tháng {d.month} năm {d.year}",
    ):
        assert parse_date(written) == d
