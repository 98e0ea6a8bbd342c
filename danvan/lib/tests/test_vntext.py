"""Tests for danvan.lib.vntext: plain pytest, no Django."""

import re
import string
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.lib import vntext
from danvan.lib.vntext import (
    ALL_LETTERS,
    ALPHABET,
    clean_text,
    detect_legacy_encoding,
    fix_utf8_read_as_cp1252,
    fold,
    hidden_characters,
    nfc,
    normalize_tone_placement,
    person_sort_key,
    repair_legacy_text,
    sort_key,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

# Whole sentences from /work/shared/seeds (plans of Ban Dân vận Thành ủy Từ Sơn and Tỉnh ủy Bắc Giang).
SEED_SENTENCES = [
    "Tổ chức Hội nghị tọa đàm trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ở khu dân cư "
    "trên địa bàn thành phố năm 2023.",
    "Thực hiện Chương trình công tác Dân vận năm 2023, Ban Dân vận Thành ủy Từ Sơn xây dựng Kế hoạch "
    "tổ chức Hội nghị tọa đàm trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ở khu dân cư trên địa "
    "bàn thành phố năm 2023, cụ thể như sau:",
    "Đại diện Lãnh đạo Ủy ban MTTQ, các đoàn thể chính trị - xã hội thành phố;",
    "Hướng dẫn Khối Dân vận các phường lựa chọn các điển hình tiên tiến chuẩn bị báo cáo tham luận "
    "tham dự Hội nghị.",
    "Tiếp tục nâng cao nhận thức, trách nhiệm của các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và "
    "các tổ chức chính trị - xã hội, cán bộ, đảng viên, công chức, viên chức, chiến sĩ lực lượng vũ "
    "trang và các tầng lớp nhân dân về dân vận và nhiệm vụ công tác dân vận trong tình hình mới; nắm "
    "chắc tình hình Nhân dân, củng cố, tăng cường mối quan hệ gắn bó mật thiết giữa Đảng với Nhân dân.",
    "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong các lĩnh vực gắn với thực hiện, hoàn thành "
    "nhiệm vụ chính trị ở địa phương, cơ quan, đơn vị.",
    "Chủ động trong việc nắm bắt kịp thời tâm tư, nguyện vọng, tình hình nhân dân.",
    "Đẩy mạnh chương trình, phong trào giúp xóa nhà tạm, nhà dột nát cho người nghèo; chăm lo, hỗ trợ "
    "đời sống cho các đối tượng chính sách, người yếu thế, đặc biệt là trong vùng đồng bào dân tộc "
    "thiểu số,... huy động sự vào cuộc của cả hệ thống chính trị và toàn xã hội tham gia.",
    "Tổ chức đánh giá, xây dựng báo cáo tổng kết “Tháng Dân vận” 2023 (xong trước ngày 05/11/2023).",
    "Phối hợp với Văn Phòng Thành ủy, Văn Phòng HĐND-UBND thành phố chuẩn bị các điều kiện đảm bảo để "
    "tổ chức hội nghị đạt hiệu quả thiết thực.",
]
SEED_HEADINGS = ["II- NỘI DUNG, HÌNH THỨC", "III- TỔ CHỨC THỰC HIỆN", "I- MỤC ĐÍCH, YÊU CẦU"]
# Beside the repository, never inside it: on a fresh clone these tests say they were skipped.
SEED_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SKIP_NO_SEEDS = "skipped: the reference plans ../shared/seeds are not beside the repository (fresh clone)"

LOWER_LETTERS = ALL_LETTERS[:67]
UPPER_LETTERS = ALL_LETTERS[67:]
KEY_RE = re.compile(r"[0-9a-z]*")


def as_cp1252_mojibake(text: str) -> str:
    """What a cp1252 reader shows for UTF-8 bytes (undefined bytes become C1 controls, as on Windows)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# --- constants --------------------------------------------------------------------------------


def test_alphabet_has_the_29_vietnamese_letters_in_order():
    assert len(ALPHABET) == 29
    assert " ".join(ALPHABET) == "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y"


def test_all_letters_are_67_lower_and_67_upper_non_ascii_nfc_letters():
    assert len(ALL_LETTERS) == 134
    assert len(set(ALL_LETTERS)) == 134
    assert all(ch.islower() for ch in LOWER_LETTERS)
    assert [ch.upper() for ch in LOWER_LETTERS] == list(UPPER_LETTERS)
    assert all(not ch.isascii() and unicodedata.is_normalized("NFC", ch) for ch in ALL_LETTERS)
    assert "đ" in LOWER_LETTERS and "ỵ" in LOWER_LETTERS and "ư" in LOWER_LETTERS


# --- nfc / clean_text -------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_nfd_input_comes_back_nfc_from_nfc_and_clean_text(sentence):
    decomposed = unicodedata.normalize("NFD", sentence)
    assert decomposed != sentence
    assert nfc(decomposed) == sentence
    assert clean_text(decomposed) == sentence


def test_nfc_composes_a_single_decomposed_letter_inside_nfc_text():
    assert nfc("Vie\u0323\u0302t Nam") == "Việt Nam"


def test_nfc_of_none_is_empty_and_drops_only_invisible_characters():
    assert nfc(None) == ""
    assert nfc("\ufeffDân\u200b vận") == "Dân vận"
    assert nfc("Dân\u00a0vận") == "Dân\u00a0vận"
    assert nfc("Nguy\u202eễn\u2066 Văn\u2069 A\x00\u200d") == "Nguyễn Văn A"
    assert nfc("dòng 1\n\tdòng 2\r\n") == "dòng 1\n\tdòng 2\r\n"


def test_hidden_characters_are_named_once_each_for_a_message():
    assert hidden_characters("A\u202eB\u202eC\x00") == ["U+202E (ký tự đảo chiều chữ)", "U+0000 (NUL)"]
    assert hidden_characters("Nguyễn Văn A") == [] and hidden_characters(None) == []


def test_clean_text_collapses_whitespace_and_strips():
    assert clean_text("  Ban   Dân\u00a0vận\n\tTỉnh ủy ") == "Ban Dân vận Tỉnh ủy"
    assert clean_text(None) == ""


# --- tone placement and fold ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("hoà", "hòa"),
        ("uỷ", "ủy"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("loà", "lòa"),
        ("HOÀ", "HÒA"),
        ("Uỷ ban", "Ủy ban"),
        ("Thuỷ", "Thủy"),
        ("CỘNG HOÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI"),
    ],
)
def test_normalize_tone_placement_moves_the_tone_to_the_first_vowel_of_open_oa_oe_uy(written, normalised):
    assert normalize_tone_placement(written) == normalised


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàn", "toán", "khuya", "hòa", "thủy", "người", "Quý IV"])
def test_normalize_tone_placement_leaves_other_syllables_alone(word):
    assert normalize_tone_placement(word) == word


def test_fold_makes_accented_and_unaccented_spellings_equal():
    assert fold("Dân vận khéo") == fold("DAN VAN KHEO") == fold("dan van kheo") == "dan van kheo"
    assert fold("Ủy ban") == fold("Uỷ ban") == "uy ban"
    assert fold("Đảng bộ") == "dang bo"


def test_fold_turns_punctuation_into_single_spaces():
    assert fold("“Dân vận khéo” — giai đoạn 2021-2025!") == "dan van kheo giai doan 2021 2025"
    assert fold(unicodedata.normalize("NFD", "Thành ủy Từ Sơn")) == "thanh uy tu son"
    assert fold(None) == ""


# --- sorting ----------------------------------------------------------------------------------


def test_sort_key_gives_vietnamese_dictionary_order():
    expected = ["an", "ăn", "ân", "ba", "bà", "bả", "bã", "bá", "bạ", "ca", "da", "đa", "e", "ê"]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_sort_key_compares_word_by_word_then_tone():
    expected = ["an", "an ninh", "anh", "ánh", "ba", "ba ba", "bà", "bà con", "bạ", "bác", "bạc", "bách"]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_sort_key_ignores_case_and_tone_placement():
    assert sort_key("Hoà Bình") == sort_key("hòa bình") == sort_key("HÒA BÌNH")
    assert sort_key("Uỷ ban") == sort_key("ủy ban")


def test_sort_key_puts_numbers_before_letters_and_in_numeric_order():
    expected = ["Tổ 2", "Tổ 10", "Tổ a", "Tổ dân phố"]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_person_sort_key_sorts_by_given_name_then_family_and_middle_names():
    people = ["Nguyễn Văn Anh", "Trần Thị Bình", "Lê Văn An", "Phạm Ánh", "Đỗ Thị Ân"]
    assert sorted(people, key=person_sort_key) == [
        "Lê Văn An",
        "Nguyễn Văn Anh",
        "Phạm Ánh",
        "Đỗ Thị Ân",
        "Trần Thị Bình",
    ]
    same_given = ["Trần Văn An", "Lê An", "Lê Văn An", "An"]
    assert sorted(same_given, key=person_sort_key) == ["An", "Lê An", "Lê Văn An", "Trần Văn An"]


def test_sort_keys_contain_only_digits_and_lowercase_ascii_letters():
    for text in [*SEED_SENTENCES, *SEED_HEADINGS, "Đàm Thế Sử", "", "中文 ру́сский ½ ﬁ"]:
        assert KEY_RE.fullmatch(sort_key(text))
        assert KEY_RE.fullmatch(person_sort_key(text))


# --- TCVN3 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letter", "byte"),
    [
        ("à", 0xB5), ("á", 0xB8), ("ả", 0xB6), ("ã", 0xB7), ("ạ", 0xB9),
        ("ă", 0xA8), ("â", 0xA9), ("đ", 0xAE), ("ê", 0xAA), ("ô", 0xAB), ("ơ", 0xAC), ("ư", 0xAD),
        ("Ă", 0xA1), ("Â", 0xA2), ("Đ", 0xA7), ("Ê", 0xA3), ("Ô", 0xA4), ("Ơ", 0xA5), ("Ư", 0xA6),
        ("ấ", 0xCA), ("ộ", 0xE9), ("ỷ", 0xFB), ("ủ", 0xF1), ("ĩ", 0xDC), ("ệ", 0xD6), ("ỵ", 0xFE),
    ],
)  # fmt: skip
def test_tcvn3_uses_the_published_byte_for_known_letters(letter, byte):
    assert unicode_to_tcvn3(letter) == chr(byte)
    assert tcvn3_to_unicode(chr(byte)) == letter


@pytest.mark.parametrize("letter", LOWER_LETTERS)
def test_every_lower_case_letter_round_trips_through_tcvn3(letter):
    encoded = unicode_to_tcvn3(letter)
    assert len(encoded) == 1 and 0xA1 <= ord(encoded) <= 0xFE
    assert tcvn3_to_unicode(encoded) == letter


@pytest.mark.parametrize("letter", UPPER_LETTERS)
def test_every_capital_round_trips_through_tcvn3_in_an_h_font(letter):
    encoded = unicode_to_tcvn3(letter)
    assert tcvn3_to_unicode(encoded, uppercase_font=True) == letter


def test_tcvn3_lower_case_font_has_only_the_seven_toneless_capitals():
    exact = [ch for ch in UPPER_LETTERS if tcvn3_to_unicode(unicode_to_tcvn3(ch)) == ch]
    assert sorted(exact) == sorted("ĂÂĐÊÔƠƯ")
    assert unicode_to_tcvn3("Ấ") == unicode_to_tcvn3("ấ")


def test_tcvn3_bytes_are_all_distinct():
    encoded = [unicode_to_tcvn3(ch) for ch in LOWER_LETTERS + tuple("ĂÂĐÊÔƠƯ")]
    assert len(set(encoded)) == 74


def test_tcvn3_mojibake_examples_decode():
    assert tcvn3_to_unicode("Ban ChÊp hµnh Trung \u00ad¬ng") == "Ban Chấp hành Trung ương"
    assert tcvn3_to_unicode("Uû ban nh©n d©n") == "Uỷ ban nhân dân"
    assert (
        tcvn3_to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", uppercase_font=True)
        == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_seed_sentences_round_trip_through_tcvn3(sentence):
    lower = sentence.lower()
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower)) == lower
    assert tcvn3_to_unicode(unicode_to_tcvn3(sentence), uppercase_font=True) == sentence.upper()


@pytest.mark.parametrize("heading", SEED_HEADINGS)
def test_seed_headings_round_trip_through_tcvn3_in_an_h_font(heading):
    assert tcvn3_to_unicode(unicode_to_tcvn3(heading), uppercase_font=True) == heading


# --- VNI --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vni", "letter"),
    [
        ("aø", "à"), ("aù", "á"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ"), ("aâ", "â"), ("aê", "ă"),
        ("aà", "ầ"), ("aá", "ấ"), ("aå", "ẩ"), ("aã", "ẫ"), ("aä", "ậ"),
        ("aè", "ằ"), ("aé", "ắ"), ("aú", "ẳ"), ("aü", "ẵ"), ("aë", "ặ"),
        ("ô", "ơ"), ("ö", "ư"), ("ñ", "đ"), ("Ñ", "Đ"), ("Ô", "Ơ"), ("Ö", "Ư"), ("ò", "ị"), ("Ò", "Ị"),
        ("ì", "ì"), ("í", "í"), ("æ", "ỉ"), ("ó", "ĩ"), ("î", "ỵ"), ("Î", "Ỵ"),
        ("oâ", "ô"), ("eä", "ệ"), ("ôù", "ớ"), ("öï", "ự"), ("yù", "ý"),
        ("AØ", "À"), ("AÙ", "Á"), ("AÂ", "Â"), ("AÊ", "Ă"), ("EÁ", "Ế"), ("OÄ", "Ộ"), ("ÔØ", "Ờ"),
    ],
)  # fmt: skip
def test_vni_uses_the_published_mark_bytes_for_known_letters(vni, letter):
    assert unicode_to_vni(letter) == vni
    assert vni_to_unicode(vni) == letter


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_every_letter_round_trips_through_vni(letter):
    encoded = unicode_to_vni(letter)
    assert 1 <= len(encoded) <= 2
    assert all(ord(ch) < 0x100 for ch in encoded)
    assert vni_to_unicode(encoded) == letter


def test_vni_encodings_of_all_letters_are_distinct():
    assert len({unicode_to_vni(ch) for ch in ALL_LETTERS}) == 134


def test_vni_example_sentence_decodes():
    assert vni_to_unicode("Xin chaøo caùc baïn") == "Xin chào các bạn"


@pytest.mark.parametrize("sentence", SEED_SENTENCES + SEED_HEADINGS)
def test_seed_sentences_round_trip_through_vni(sentence):
    assert vni_to_unicode(unicode_to_vni(sentence)) == sentence


# --- UTF-8 read as cp1252 ---------------------------------------------------------------------


def test_utf8_read_as_cp1252_is_repaired():
    assert fix_utf8_read_as_cp1252("má»™t") == "một"
    assert as_cp1252_mojibake("một") == "má»™t"


@pytest.mark.parametrize("sentence", SEED_SENTENCES + SEED_HEADINGS)
def test_seed_sentences_survive_utf8_read_as_cp1252(sentence):
    assert fix_utf8_read_as_cp1252(as_cp1252_mojibake(sentence)) == sentence


def test_fix_utf8_repairs_mojibake_mixed_with_good_text_and_leaves_good_text_alone():
    mixed = "Ban Dân vận " + as_cp1252_mojibake("Tỉnh ủy Bắc Giang")
    assert fix_utf8_read_as_cp1252(mixed) == "Ban Dân vận Tỉnh ủy Bắc Giang"
    for sentence in SEED_SENTENCES:
        assert fix_utf8_read_as_cp1252(sentence) == sentence
    # An upper-case letter before a closing quote is not a UTF-8 sequence worth decoding.
    assert fix_utf8_read_as_cp1252("“CÔ”") == "“CÔ”"


# --- detection and repair ---------------------------------------------------------------------


@pytest.mark.parametrize("sentence", SEED_SENTENCES + SEED_HEADINGS)
def test_detect_legacy_encoding_returns_none_for_unicode_vietnamese(sentence):
    assert detect_legacy_encoding(sentence) is None


@pytest.mark.parametrize(
    "text",
    [
        "café résumé naïve",
        "Où est la bibliothèque? Très près, à côté du musée.",
        "Grüße aus Köln",
        "",
        "plain",
    ],
)
def test_detect_legacy_encoding_returns_none_for_western_text(text):
    assert detect_legacy_encoding(text) is None


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_detect_legacy_encoding_recognises_encoded_seed_sentences(sentence):
    assert detect_legacy_encoding(unicode_to_tcvn3(sentence)) == "tcvn3"
    assert detect_legacy_encoding(unicode_to_vni(sentence)) == "vni"
    assert detect_legacy_encoding(as_cp1252_mojibake(sentence)) == "utf8-as-cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Ban ChÊp hµnh Trung ¬ng", "tcvn3"),
        ("Uû ban nh©n d©n", "tcvn3"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3"),
        ("Xin chaøo caùc baïn", "vni"),
        ("má»™t", "utf8-as-cp1252"),
    ],
)
def test_detect_legacy_encoding_recognises_the_documented_examples(text, encoding):
    assert detect_legacy_encoding(text) == encoding


def test_repair_legacy_text_detects_and_converts():
    assert repair_legacy_text("Uû ban nh©n d©n") == "Uỷ ban nhân dân"
    assert repair_legacy_text("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert repair_legacy_text("Xin chaøo caùc baïn") == "Xin chào các bạn"
    # ờ is E1 BB 9D; cp1252 has no 0x9D, which Windows passes through as U+009D.
    assert repair_legacy_text("má»™t ngÆ°á»\x9di") == "một người"


def test_repair_legacy_text_follows_the_font_name():
    assert repair_legacy_text("nh©n", font_name=".VnTime") == "nhân"
    assert repair_legacy_text("nh©n", font_name=".VnTimeH") == "NHÂN"
    assert repair_legacy_text("X·", font_name=".VnArialH") == "XÃ"
    assert repair_legacy_text("Vieät", font_name="VNI-Times") == "Việt"
    assert repair_legacy_text("Vieät", font_name="Times New Roman") == "Vieät"


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_repair_legacy_text_leaves_good_text_unchanged_but_nfc(sentence):
    assert repair_legacy_text(sentence) == sentence
    assert repair_legacy_text(unicode_to_vni(sentence)) == sentence
    assert repair_legacy_text(as_cp1252_mojibake(sentence)) == sentence
    assert repair_legacy_text(unicode_to_tcvn3(sentence.lower())) == sentence.lower()
    assert repair_legacy_text(unicodedata.normalize("NFD", sentence)) == sentence


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason=SKIP_NO_SEEDS)
def test_whole_seed_files_are_recognised_in_every_encoding():
    files = sorted(SEED_DIR.glob("*.txt"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert detect_legacy_encoding(text) is None
        assert detect_legacy_encoding(unicode_to_tcvn3(text)) == "tcvn3"
        assert detect_legacy_encoding(unicode_to_vni(text)) == "vni"
        assert detect_legacy_encoding(as_cp1252_mojibake(text)) == "utf8-as-cp1252"
        assert repair_legacy_text(unicode_to_vni(text)) == nfc(text)
        assert repair_legacy_text(as_cp1252_mojibake(text)) == nfc(text)


# --- properties -------------------------------------------------------------------------------

VIETNAMESE_LOWER = st.text(alphabet=st.sampled_from([*LOWER_LETTERS, *string.ascii_lowercase, " "]))
VIETNAMESE_MIXED = st.text(alphabet=st.sampled_from([*ALL_LETTERS, *string.ascii_letters, " "]))
SORT_ALPHABET = [*ALL_LETTERS, *(ch for ch in string.ascii_letters if ch.lower() not in "fjwz"), " "]


@given(st.text())
def test_nfc_is_idempotent(text):
    assert nfc(nfc(text)) == nfc(text)


@given(st.text())
def test_clean_text_is_idempotent_and_single_spaced(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert "  " not in cleaned and cleaned == cleaned.strip()


@given(st.text())
def test_fold_is_idempotent_and_returns_only_ascii_words(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert re.fullmatch(r"(?:[0-9a-z]+(?: [0-9a-z]+)*)?", folded)


@given(st.text())
def test_sort_key_never_raises_and_uses_only_digits_and_lowercase(text):
    assert KEY_RE.fullmatch(sort_key(text))
    assert KEY_RE.fullmatch(person_sort_key(text))


def reference_order(text):
    """Word by word: the letters in alphabet order, then the tone."""
    order = {letter: i for i, letter in enumerate(ALPHABET)}
    words = []
    for word in text.split():
        letters, tones = [], []
        for ch in unicodedata.normalize("NFD", word.lower()):
            tone = vntext._TONE_MARKS.index(ch) if ch in vntext._TONE_MARKS[1:] else None
            if tone is not None:
                tones.append(tone)
            else:
                letters.append(ch)
        base = unicodedata.normalize("NFC", "".join(letters))
        words.append((tuple(order[ch] for ch in base), tuple(tones) or (0,)))
    return words


@given(st.text(alphabet=st.sampled_from(SORT_ALPHABET)), st.text(alphabet=st.sampled_from(SORT_ALPHABET)))
def test_sort_key_order_matches_word_by_word_letters_then_tone(a, b):
    ref_a, ref_b = reference_order(a), reference_order(b)
    assert (sort_key(a) < sort_key(b)) == (ref_a < ref_b)
    assert (sort_key(a) == sort_key(b)) == (ref_a == ref_b)


@given(VIETNAMESE_LOWER)
def test_tcvn3_round_trips_lower_case_vietnamese(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


@given(VIETNAMESE_MIXED)
def test_tcvn3_round_trips_any_case_as_capitals_in_an_h_font(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text), uppercase_font=True) == text.upper()


@given(VIETNAMESE_MIXED)
def test_vni_round_trips_mixed_case_vietnamese(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text
