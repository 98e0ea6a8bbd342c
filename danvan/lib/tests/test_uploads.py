"""Tests for danvan.lib.uploads: every upload is vetted by content before a parser sees it.

Runs without Django: ``pytest danvan/lib/tests/test_uploads.py -p no:django``.
"""

from __future__ import annotations

import io
import pickle
import random
import struct
import unicodedata
import zipfile

import docx
import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.lib.uploads import (
    InspectedFile,
    UploadRejected,
    _Inspector,
    clean_filename,
    decode_text,
    human_size,
    inspect_upload,
)

CODES = {
    "too_large",
    "empty",
    "not_office",
    "wrong_kind",
    "macro",
    "encrypted",
    "legacy_format",
    "zip_bomb",
    "broken",
    "xml_entity",
    "too_many_parts",
}
VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
MB = 1024 * 1024


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def openpyxl_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Báo cáo công tác dân vận"
    sheet["A2"] = 2025
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsxwriter_workbook() -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Mô hình")
    sheet.write("A1", "Dân vận khéo")
    workbook.close()
    return buffer.getvalue()


def word_document() -> bytes:
    document = docx.Document()
    document.add_paragraph("Kế hoạch công tác dân vận năm 2025")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite_zip(
    data: bytes,
    *,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A copy of the package with some members replaced or added."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for member, content in (add or {}).items():
            target.writestr(member, content)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def with_doctype(xml: bytes, doctype: bytes) -> bytes:
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        return xml[:end] + doctype + xml[end:]
    return doctype + xml


def patch_central_directory_size(data: bytes, name: str, new_size: int) -> bytes:
    """Make the central directory lie about one member's uncompressed size."""
    buffer = bytearray(data)
    eocd = data.rindex(b"PK\x05\x06")
    entries, _, offset = struct.unpack_from("<HII", data, eocd + 10)
    for _ in range(entries):
        assert data[offset : offset + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_len].decode() == name:
            struct.pack_into("<I", buffer, offset + 24, new_size)
            return bytes(buffer)
        offset += 46 + name_len + extra_len + comment_len
    raise AssertionError(f"{name} not found")


def to_cp1258(text: str) -> bytes:
    """Encode NFC Vietnamese the way cp1258 does: precomposed vowels, combining tone marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = list(unicodedata.normalize("NFD", char))
        other_marks = "".join(mark for mark in marks if mark not in tones)
        out += unicodedata.normalize("NFC", base + other_marks).encode("cp1258")
        out += "".join(mark for mark in marks if mark in tones).encode("cp1258")
    return bytes(out)


def ole_file(*directory_names: str) -> bytes:
    """Enough of an OLE compound file for sniffing: header magic plus directory entry names."""
    body = b"".join(f"{entry}\0".encode("utf-16-le").ljust(64, b"\0") for entry in directory_names)
    return OLE_MAGIC + b"\0" * 504 + body + b"\0" * 512


class FakeDjangoUpload:
    """What Django's UploadedFile offers: .size, .read(), .seek(), .seekable()."""

    def __init__(self, data: bytes, size: int | None = None):
        self._stream = io.BytesIO(data)
        self.size = len(data) if size is None else size
        self.name = "tải lên.xlsx"

    def read(self, n: int = -1) -> bytes:
        return self._stream.read(n)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def seekable(self) -> bool:
        return True


class ExplodingUpload:
    """A huge upload that must be refused from its .size without being read."""

    def __init__(self, size: int):
        self.size = size

    def read(self, n: int = -1) -> bytes:
        raise AssertionError("must not be read")


class UnseekableStream(io.RawIOBase):
    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.fixture(scope="module")
def xlsx() -> bytes:
    return openpyxl_workbook()


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return word_document()


@pytest.fixture(scope="module")
def fifty_mb_of_zeros(xlsx) -> bytes:
    return rewrite_zip(xlsx, add={"xl/media/image1.bin": bytes(50 * MB)})


def rejection(data, name: str = "Báo cáo.xlsx", **kwargs) -> UploadRejected:
    """Inspect and return the rejection, checking what every refusal must have."""
    fileobj = data if not isinstance(data, bytes) else io.BytesIO(data)
    with pytest.raises(UploadRejected) as caught:
        inspect_upload(fileobj, name=name, **kwargs)
    error = caught.value
    assert error.code in CODES
    assert error.message.startswith(f"Tệp «{clean_filename(name)}» ")
    assert any(char in VIETNAMESE_LETTERS for char in error.message.lower()), error.message
    assert str(error) == error.message
    return error


# --------------------------------------------------------------------------------------------
# Accepted files
# --------------------------------------------------------------------------------------------


def test_a_valid_openpyxl_workbook_is_accepted_as_xlsx(xlsx):
    result = inspect_upload(io.BytesIO(xlsx), name="Báo cáo.xlsx")
    assert result == InspectedFile(name="Báo cáo.xlsx", kind="xlsx", data=xlsx, size=len(xlsx))


def test_a_workbook_written_by_xlsxwriter_is_accepted():
    data = xlsxwriter_workbook()
    assert inspect_upload(io.BytesIO(data), name="Mô hình.xlsx").kind == "xlsx"


def test_a_valid_docx_is_accepted_when_word_is_allowed(docx_bytes):
    result = inspect_upload(io.BytesIO(docx_bytes), name="Kế hoạch.docx", allowed=("docx",))
    assert (result.kind, result.size, result.data) == ("docx", len(docx_bytes), docx_bytes)


def test_either_kind_is_accepted_when_both_are_allowed(xlsx, docx_bytes):
    assert inspect_upload(io.BytesIO(xlsx), name="a.xlsx", allowed=("docx", "xlsx")).kind == "xlsx"
    assert inspect_upload(io.BytesIO(docx_bytes), name="a.docx", allowed=("docx", "xlsx")).kind == "docx"


def test_a_docx_renamed_to_xlsx_is_recognised_by_its_content(docx_bytes):
    result = inspect_upload(io.BytesIO(docx_bytes), name="Kế hoạch.xlsx", allowed=("docx",))
    assert result.kind == "docx"
    error = rejection(docx_bytes, name="Kế hoạch.xlsx")
    assert error.code == "wrong_kind"
    assert "là tệp Word" in error.message
    assert "Kế hoạch.xlsx" in error.message


def test_a_django_style_upload_and_a_real_file_are_read_whole(xlsx, tmp_path):
    upload = FakeDjangoUpload(xlsx)
    upload.read(100)  # a form already peeked at it: the stream is rewound
    assert inspect_upload(upload, name="tải lên.xlsx").data == xlsx
    path = tmp_path / "Báo cáo.xlsx"
    path.write_bytes(xlsx)
    with path.open("rb") as handle:
        assert inspect_upload(handle, name=str(path)).name == "Báo cáo.xlsx"
    assert inspect_upload(xlsx, name="bytes.xlsx").kind == "xlsx"
    assert inspect_upload(UnseekableStream(xlsx), name="luồng.xlsx").size == len(xlsx)


def test_a_file_name_with_path_parts_is_reduced_to_its_base_name_in_nfc(xlsx):
    result = inspect_upload(io.BytesIO(xlsx), name="C:\\Users\\a\\Báo cáo.xlsx")
    assert result.name == "Báo cáo.xlsx"
    nfd = unicodedata.normalize("NFD", "/tmp/Dân vận khéo.xlsx")
    assert inspect_upload(io.BytesIO(xlsx), name=nfd).name == "Dân vận khéo.xlsx"
    error = rejection(b"", name="D:\\Tài liệu\\Báo cáo.xlsx")
    assert "«Báo cáo.xlsx»" in error.message and "Tài liệu" not in error.message


def test_clean_filename_drops_direction_overrides_and_names_nameless_files():
    assert clean_filename("hoá đơn\u202excod.xlsx") == "hoá đơnxcod.xlsx"
    assert clean_filename("  ") == "tệp không tên"
    assert clean_filename(None) == "tệp không tên"
    long_name = clean_filename("á" * 500 + ".xlsx")
    assert len(long_name) <= 200 and long_name.endswith(".xlsx")


# --------------------------------------------------------------------------------------------
# Size limits
# --------------------------------------------------------------------------------------------


def test_an_empty_file_is_refused(xlsx):
    error = rejection(b"")
    assert error.code == "empty"
    assert "rỗng" in error.message


def test_a_file_over_the_limit_is_refused_with_both_sizes(xlsx):
    error = rejection(xlsx, max_bytes=1000)
    assert error.code == "too_large"
    assert f"({human_size(len(xlsx))})" in error.message
    assert "giới hạn là 1000 byte" in error.message


def test_a_declared_size_over_the_limit_is_refused_before_reading():
    error = rejection(ExplodingUpload(int(52.4 * MB)), name="x.xlsx")
    assert error.code == "too_large"
    assert error.message == "Tệp «x.xlsx» quá lớn (52,4 MB); giới hạn là 20 MB."


def test_an_unseekable_stream_over_the_limit_is_refused_without_reading_it_all():
    error = rejection(UnseekableStream(bytes(5000)), max_bytes=1024)
    assert error.code == "too_large"
    assert "hơn 1 KB" in error.message


# --------------------------------------------------------------------------------------------
# Wrong kinds of file
# --------------------------------------------------------------------------------------------


def test_a_workbook_is_wrong_kind_where_a_word_file_is_expected(xlsx):
    error = rejection(xlsx, name="Số liệu.xlsx", allowed=("docx",))
    assert error.code == "wrong_kind"
    assert error.message == "Tệp «Số liệu.xlsx» là tệp Excel, nhưng ở đây cần tệp Word (.docx)."


def test_a_word_file_is_wrong_kind_where_excel_is_expected(docx_bytes):
    error = rejection(docx_bytes, name="x.docx")
    assert error.message == "Tệp «x.docx» là tệp Word, nhưng ở đây cần tệp Excel (.xlsx)."


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "ảnh (PNG)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "ảnh (JPEG)"),
        (b"<!DOCTYPE html><html><body><table></table></body></html>", "HTML"),
        (b"{\\rtf1\\ansi B\\'e1o c\\'e1o}", "RTF"),
        (b"Rar!\x1a\x07\x01\x00" + bytes(50), "tệp nén (RAR)"),
        ("Họ và tên,Đơn vị\nNguyễn Văn A,Ban Dân vận\n".encode(), "văn bản thuần"),
    ],
    ids=["pdf", "png", "jpeg", "html", "rtf", "rar", "csv"],
)
def test_non_office_files_are_refused_naming_what_they_look_like(data, what):
    error = rejection(data)
    assert error.code == "not_office"
    assert what in error.message
    assert "tệp Excel (.xlsx)" in error.message


def test_random_bytes_are_not_an_office_file():
    noise = random.Random(2025).randbytes(4096)
    error = rejection(noise, name="bí ẩn.xlsx")
    assert error.code == "not_office"
    assert "không nhận ra định dạng" in error.message
    error = rejection(noise, name="bí ẩn.txt", allowed=("txt",))
    assert error.code == "not_office"


def test_a_plain_zip_archive_is_not_an_office_file(xlsx):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Báo cáo.xlsx", xlsx)
    error = rejection(buffer.getvalue(), name="nén.zip")
    assert error.code == "not_office"
    assert "tệp nén ZIP" in error.message and "giải nén" in error.message


def test_an_opendocument_spreadsheet_is_named_as_such():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    error = rejection(buffer.getvalue(), name="bảng.ods")
    assert error.code == "not_office"
    assert "OpenDocument (.ods)" in error.message


# --------------------------------------------------------------------------------------------
# Macros, passwords, legacy formats
# --------------------------------------------------------------------------------------------

SHEET_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_MAIN = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"


@pytest.mark.parametrize("tamper", ["both", "vba_part_only", "content_type_only"])
def test_a_macro_enabled_workbook_is_refused(xlsx, tamper):
    content_types = member(xlsx, "[Content_Types].xml")
    replace, add = {}, {}
    if tamper in ("both", "content_type_only"):
        assert SHEET_MAIN in content_types
        replace["[Content_Types].xml"] = content_types.replace(SHEET_MAIN, MACRO_MAIN)
    if tamper in ("both", "vba_part_only"):
        add["xl/vbaProject.bin"] = OLE_MAGIC + bytes(1000)
    error = rejection(rewrite_zip(xlsx, replace=replace, add=add), name="Báo cáo.xlsm")
    assert error.code == "macro"
    assert error.message == (
        "Tệp «Báo cáo.xlsm» có chứa macro (.xlsm/.docm). Vì an toàn, hệ thống không nhận tệp có macro: "
        "hãy lưu lại thành .xlsx/.docx rồi tải lên."
    )


def test_a_password_protected_office_file_is_refused_as_encrypted():
    data = ole_file("Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")
    error = rejection(data, name="Mật.xlsx")
    assert error.code == "encrypted"
    assert "được đặt mật khẩu" in error.message


def test_an_ole_file_without_encrypted_package_is_a_legacy_format():
    error = rejection(ole_file("Root Entry", "Workbook", "\x05SummaryInformation"), name="cũ.xls")
    assert error.code == "legacy_format"
    assert "định dạng Excel cũ (.xls)" in error.message and "lưu thành .xlsx" in error.message
    error = rejection(ole_file("Root Entry", "WordDocument", "1Table"), name="cũ.doc", allowed=("docx",))
    assert error.code == "legacy_format"
    assert "định dạng Word cũ (.doc)" in error.message
    error = rejection(ole_file("Root Entry"), name="lạ.xls")
    assert error.code == "legacy_format"
    assert "định dạng Word/Excel cũ (.doc/.xls)" in error.message


def test_an_excel_2003_xml_spreadsheet_is_a_legacy_format():
    data = (
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    )
    error = rejection(data, name="cũ.xml")
    assert error.code == "legacy_format"
    assert "lưu thành .xlsx" in error.message


# --------------------------------------------------------------------------------------------
# Zip bombs and broken packages
# --------------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_by_its_declared_total_size(fifty_mb_of_zeros):
    assert len(fifty_mb_of_zeros) < 1 * MB
    error = rejection(fifty_mb_of_zeros, max_uncompressed=10 * MB, max_ratio=100_000)
    assert error.code == "zip_bomb"
    assert "vượt giới hạn 10 MB" in error.message


def test_a_zip_bomb_is_refused_by_its_compression_ratio(fifty_mb_of_zeros):
    error = rejection(fifty_mb_of_zeros)
    assert error.code == "zip_bomb"
    assert "xl/media/image1.bin" in error.message and "tỉ lệ" in error.message


def test_highly_compressible_small_parts_are_not_a_bomb(xlsx):
    data = rewrite_zip(xlsx, add={"xl/media/small.bin": bytes(MB)})
    assert inspect_upload(io.BytesIO(data), name="a.xlsx").kind == "xlsx"


def test_headers_that_understate_a_member_do_not_get_past_the_streaming_check(xlsx):
    data = rewrite_zip(xlsx, add={"xl/media/blob.bin": bytes(5 * MB)})
    lying = patch_central_directory_size(data, "xl/media/blob.bin", 1000)
    error = rejection(lying, max_ratio=100_000)
    assert error.code == "broken"
    assert "xl/media/blob.bin" in error.message


@pytest.mark.parametrize("limit", ["total", "ratio"])
def test_the_streaming_check_counts_real_bytes_even_if_the_header_check_were_fooled(xlsx, monkeypatch, limit):
    # zipfile never yields more than a member declares, so simulate headers that slipped past.
    monkeypatch.setattr(_Inspector, "check_declared_sizes", lambda self, infos: None)
    data = rewrite_zip(xlsx, add={"xl/media/blob.bin": bytes(3 * MB)})
    total = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    if limit == "total":
        assert inspect_upload(data, name="a.xlsx", max_uncompressed=total, max_ratio=100_000).kind == "xlsx"
        error = rejection(data, max_uncompressed=total - 1, max_ratio=100_000)
        assert "khi giải nén vượt giới hạn" in error.message
    else:
        error = rejection(data)
        assert "tỉ lệ" in error.message
    assert error.code == "zip_bomb"


def test_a_package_with_too_many_parts_is_refused(xlsx):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", member(xlsx, "[Content_Types].xml"))
        for index in range(2001):
            archive.writestr(f"xl/parts/{index}.bin", b"")
    error = rejection(buffer.getvalue())
    assert error.code == "too_many_parts"
    assert "2.002" in error.message and "2.000" in error.message


def test_a_truncated_zip_is_broken(xlsx):
    error = rejection(xlsx[: len(xlsx) // 2])
    assert error.code == "broken"
    assert "bị hỏng hoặc tải lên chưa hết" in error.message


def test_a_member_with_a_bad_crc_is_broken(xlsx):
    stored = rewrite_zip(xlsx, compression=zipfile.ZIP_STORED)
    assert stored.count(b' name="Sheet" sheetId=') == 1
    tampered = stored.replace(b' name="Sheet" sheetId=', b' name="Shoot" sheetId=')
    error = rejection(tampered)
    assert error.code == "broken"
    assert "xl/workbook.xml" in error.message and "CRC" in error.message


def test_a_malformed_xml_part_is_broken_and_named(xlsx):
    data = rewrite_zip(xlsx, replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"})
    error = rejection(data)
    assert error.code == "broken"
    assert "phần xl/worksheets/sheet1.xml bị lỗi cấu trúc XML" in error.message


# --------------------------------------------------------------------------------------------
# XML safety
# --------------------------------------------------------------------------------------------

XXE = b'<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def test_a_doctype_with_an_external_entity_is_refused(xlsx):
    workbook = with_doctype(member(xlsx, "xl/workbook.xml"), XXE)
    error = rejection(rewrite_zip(xlsx, replace={"xl/workbook.xml": workbook}))
    assert error.code == "xml_entity"
    assert "DOCTYPE/ENTITY" in error.message and "xl/workbook.xml" in error.message


def test_a_lowercase_doctype_in_a_relationships_part_is_refused(docx_bytes):
    rels = with_doctype(member(docx_bytes, "_rels/.rels"), b'<!doctype r [<!entity a "b">]>')
    error = rejection(rewrite_zip(docx_bytes, replace={"_rels/.rels": rels}), allowed=("docx",))
    assert error.code == "xml_entity"


def test_a_doctype_hidden_in_a_utf16_part_is_caught_by_the_parser(xlsx):
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    data = rewrite_zip(xlsx, replace={"xl/styles.xml": part.encode("utf-16")})
    error = rejection(data)
    assert error.code == "xml_entity"
    assert "xl/styles.xml" in error.message


def test_a_doctype_in_the_content_types_is_refused(xlsx):
    content_types = with_doctype(member(xlsx, "[Content_Types].xml"), b"<!DOCTYPE Types>")
    error = rejection(rewrite_zip(xlsx, replace={"[Content_Types].xml": content_types}))
    assert error.code == "xml_entity"


# --------------------------------------------------------------------------------------------
# Text files
# --------------------------------------------------------------------------------------------

SAMPLE = "Báo cáo kết quả công tác dân vận khéo năm 2025: ổn định, đồng thuận."


@pytest.mark.parametrize(
    "encoded",
    [SAMPLE.encode(), b"\xef\xbb\xbf" + SAMPLE.encode(), to_cp1258(SAMPLE), SAMPLE.encode("utf-16")],
    ids=["utf-8", "utf-8-bom", "cp1258", "utf-16"],
)
def test_text_is_accepted_when_allowed_and_decodes_to_nfc(encoded):
    result = inspect_upload(io.BytesIO(encoded), name="ghi chú.txt", allowed=("txt",))
    assert (result.kind, result.data) == ("txt", encoded)
    assert decode_text(result.data) == SAMPLE


def test_cp1258_bytes_are_not_utf8_and_use_combining_tone_marks():
    encoded = to_cp1258(SAMPLE)
    with pytest.raises(UnicodeDecodeError):
        encoded.decode("utf-8")
    assert encoded.decode("cp1258") != SAMPLE  # decomposed before NFC
    assert decode_text(encoded) == SAMPLE


def test_decode_text_turns_nfd_input_into_nfc():
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    assert decode_text(nfd.encode()) == SAMPLE


def test_binary_with_nul_bytes_is_not_text():
    error = rejection(b"Bao cao\x00\x01\x02\x00" * 20, name="dữ liệu.txt", allowed=("txt",))
    assert error.code == "not_office"
    assert "tệp văn bản (.txt)" in error.message


def test_text_is_refused_where_only_excel_is_expected():
    error = rejection(SAMPLE.encode(), name="ghi chú.txt")
    assert error.code == "not_office"
    assert "lưu thành .xlsx" in error.message


@given(st.text().filter(lambda text: not text.startswith("\ufeff")))
def test_decode_text_round_trips_any_utf8_text_as_nfc(text):
    assert decode_text(text.encode()) == unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# Helpers and robustness
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 byte"),
        (1023, "1023 byte"),
        (1536, "1,5 KB"),
        (800 * 1024, "800 KB"),
        (int(52.4 * MB), "52,4 MB"),
        (20 * MB, "20 MB"),
        (100 * MB, "100 MB"),
        (1024 * 1024 - 1, "1 MB"),
        (3 * 1024 * MB, "3 GB"),
    ],
)
def test_human_size_uses_a_vietnamese_decimal_comma(size, shown):
    assert human_size(size) == shown


def test_the_rejection_survives_pickling():
    error = UploadRejected("Tệp «a.xlsx» rỗng.", "empty")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.message) == ("empty", "Tệp «a.xlsx» rỗng.")
    assert isinstance(copy, ValueError)


def test_unknown_kinds_in_allowed_are_a_programming_error(xlsx):
    with pytest.raises(ValueError, match="allowed"):
        inspect_upload(io.BytesIO(xlsx), name="a.xlsx", allowed=("exe",))
    with pytest.raises(ValueError, match="allowed"):
        inspect_upload(io.BytesIO(xlsx), name="a.xlsx", allowed=())


@pytest.fixture(scope="module")
def stored_xlsx() -> bytes:
    return rewrite_zip(openpyxl_workbook(), compression=zipfile.ZIP_STORED)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_packages_are_only_ever_rejected_never_crash(stored_xlsx, data):
    package = bytearray(stored_xlsx)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        position = data.draw(st.integers(0, len(package) - 1), label="position")
        package[position] = data.draw(st.integers(0, 255), label="byte")
    if data.draw(st.booleans(), label="truncate"):
        package = package[: data.draw(st.integers(0, len(package)), label="length")]
    try:
        result = inspect_upload(io.BytesIO(bytes(package)), name="hỏng.xlsx")
    except UploadRejected as error:
        assert error.code in CODES
        assert "«hỏng.xlsx»" in error.message
    else:
        assert result.kind == "xlsx"
