"""The checks of an OOXML (zip) upload: parts, declared and real sizes, compression ratios, macros,
encryption, DTDs and XML well-formedness, and which of Word/Excel it is."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from typing import TYPE_CHECKING

from danvan.lib.uploads.errors import UploadRejected
from danvan.lib.uploads.ooxml import (
    _DTD_CHECK_SUFFIXES,
    _DTD_NEEDLES,
    _DTD_TAIL,
    _OOXML_MAIN_PARTS,
    _PACKAGE_LABELS,
    _XML_SUFFIXES,
    CHUNK_SIZE,
    MAX_CONTENT_TYPES_SIZE,
    MAX_PARTS,
    RATIO_MIN_SIZE,
    _describe_zip_error,
    _DoctypeFound,
    _NullTarget,
)
from danvan.lib.uploads.text import _format_int, human_size


class _PackageChecks:
    """The zip-package half of ``_Inspector`` (a mixin): it uses the inspector's limits, its running
    count of decompressed bytes and its messages."""

    allowed: tuple[str, ...]
    max_uncompressed: int
    max_ratio: int
    total_read: int
    current_part: str | None

    if TYPE_CHECKING:

        def reject(self, code: str, text: str) -> UploadRejected: ...

        @property
        def expected(self) -> str: ...

        def broken(self, detail: str) -> UploadRejected: ...

        def not_office(self, what: str, advice: str = "") -> UploadRejected: ...

    def zip_bomb(self, detail: str) -> UploadRejected:
        return self.reject(
            "zip_bomb",
            f"có dữ liệu nén bất thường ({detail}) nên hệ thống không xử lý. "
            "Nếu đây là tệp thật, hãy chia nhỏ tệp rồi tải lên lại.",
        )

    def inspect_zip(self, data: bytes) -> str:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return self.inspect_package(archive)
        except UploadRejected:
            raise
        except Exception as exc:  # untrusted input: any failure of the zip machinery means broken
            raise self.broken(_describe_zip_error(exc, self.current_part)) from exc

    def inspect_package(self, archive: zipfile.ZipFile) -> str:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise self.reject(
                "too_many_parts",
                f"có quá nhiều thành phần bên trong ({_format_int(len(infos))}; "
                f"giới hạn {_format_int(MAX_PARTS)}) nên hệ thống không xử lý.",
            )
        parts: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            key = info.filename.lower()
            if key in parts:
                raise self.broken(f"có hai phần trùng tên {info.filename}")
            parts[key] = info

        if "[content_types].xml" not in parts:
            raise self.reject_plain_zip(archive, parts)
        self.check_declared_sizes(infos)
        for info in infos:
            if info.flag_bits & 0x1:
                raise self.reject(
                    "encrypted",
                    "được đặt mật khẩu nên hệ thống không đọc được. "
                    "Hãy mở tệp, gỡ bỏ mật khẩu, lưu lại rồi tải lên lần nữa.",
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.broken(f"phần {info.filename} dùng kiểu nén không được hỗ trợ")

        content_types_info = parts["[content_types].xml"]
        content_types = self.scan_member(archive, content_types_info, keep=True)
        self.check_macro(content_types, parts)
        kind = self.package_kind(parts)

        for info in infos:
            if info is not content_types_info:
                self.scan_member(archive, info)
        return kind

    def reject_plain_zip(self, archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]):
        mimetype = parts.get("mimetype")
        if mimetype is not None and mimetype.file_size < 200:
            self.current_part = mimetype.filename
            value = archive.read(mimetype)
            self.current_part = None
            if b"opendocument.spreadsheet" in value:
                return self.not_office(
                    "là bảng tính OpenDocument (.ods)",
                    "Hãy mở bằng Excel hoặc LibreOffice và lưu thành .xlsx rồi tải lên lại.",
                )
            if b"opendocument.text" in value:
                return self.not_office(
                    "là văn bản OpenDocument (.odt)",
                    "Hãy mở bằng Word hoặc LibreOffice và lưu thành .docx rồi tải lên lại.",
                )
        return self.not_office("là tệp nén ZIP", "Hãy giải nén rồi tải lên từng tệp bên trong.")

    def check_declared_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        total = sum(info.file_size for info in infos)
        if total > self.max_uncompressed:
            raise self.zip_bomb(
                f"khi giải nén ra {human_size(total)}, vượt giới hạn {human_size(self.max_uncompressed)}"
            )
        for info in infos:
            self.check_ratio(info, info.file_size)

    def check_ratio(self, info: zipfile.ZipInfo, size: int) -> None:
        if size > RATIO_MIN_SIZE and size > self.max_ratio * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise self.zip_bomb(
                f"phần {info.filename} nén với tỉ lệ {_format_int(ratio)}:1, "
                f"vượt giới hạn {_format_int(self.max_ratio)}:1"
            )

    def check_macro(self, content_types: bytes, parts: dict[str, zipfile.ZipInfo]) -> None:
        lowered = content_types.lower()
        has_vba = any(key.rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml") for key in parts)
        if has_vba or b"macroenabled" in lowered or b"vbaproject" in lowered:
            raise self.reject(
                "macro",
                "có chứa macro (.xlsm/.docm). Vì an toàn, hệ thống không nhận tệp có macro: "
                "hãy lưu lại thành .xlsx/.docx rồi tải lên.",
            )

    def package_kind(self, parts: dict[str, zipfile.ZipInfo]) -> str:
        found = [kind for main, kind in _OOXML_MAIN_PARTS if main in parts]
        if not found:
            raise self.not_office(
                "là tệp Office nhưng không phải Word hay Excel",
                "Hãy chọn đúng tệp rồi tải lên lại.",
            )
        if len(found) > 1:
            raise self.broken("cấu trúc gói tệp không hợp lệ (vừa có phần Word vừa có phần Excel)")
        kind = found[0]
        if kind not in self.allowed:
            raise self.reject("wrong_kind", f"là {_PACKAGE_LABELS[kind]}, nhưng ở đây cần {self.expected}.")
        return kind

    def scan_member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, keep: bool = False) -> bytes:
        """Decompress one member in chunks, counting bytes; check DTDs and XML well-formedness."""
        if info.is_dir():
            return b""
        self.current_part = info.filename
        lowered_name = info.filename.lower()
        check_dtd = lowered_name.endswith(_DTD_CHECK_SUFFIXES)
        parser = ET.XMLParser(target=_NullTarget()) if lowered_name.endswith(_XML_SUFFIXES) else None
        kept: list[bytes] = []
        tail = b""
        size = 0
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(CHUNK_SIZE):
                    size += len(chunk)
                    self.total_read += len(chunk)
                    if self.total_read > self.max_uncompressed:
                        raise self.zip_bomb(f"khi giải nén vượt giới hạn {human_size(self.max_uncompressed)}")
                    if size > info.file_size:
                        raise self.zip_bomb(f"phần {info.filename} lớn hơn kích thước khai báo")
                    self.check_ratio(info, size)
                    if keep:
                        if size > MAX_CONTENT_TYPES_SIZE:
                            raise self.broken(f"phần {info.filename} lớn bất thường")
                        kept.append(chunk)
                    if check_dtd:
                        window = tail + chunk.lower()
                        if any(needle in window for needle in _DTD_NEEDLES):
                            raise self.xml_entity(info.filename)
                        tail = window[-_DTD_TAIL:]
                    if parser is not None:
                        parser.feed(chunk)
            if parser is not None:
                parser.close()
        except _DoctypeFound as exc:
            raise self.xml_entity(info.filename) from exc
        except ET.ParseError as exc:
            line, column = exc.position
            raise self.broken(
                f"phần {info.filename} bị lỗi cấu trúc XML (dòng {line}, cột {column + 1})"
            ) from exc
        self.current_part = None
        return b"".join(kept)

    def xml_entity(self, part: str) -> UploadRejected:
        return self.reject(
            "xml_entity",
            f"chứa khai báo XML không an toàn (DOCTYPE/ENTITY) trong phần {part}. "
            "Tệp Word/Excel thật không bao giờ có khai báo này; tệp có thể đã bị sửa đổi. "
            "Hãy mở bằng Word/Excel, lưu lại rồi tải lên lần nữa.",
        )
