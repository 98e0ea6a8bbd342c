"""The entry point ``inspect_upload`` and the ``_Inspector`` that reads, sniffs and vets one upload."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from danvan.lib.uploads import images, openable
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
from danvan.lib.uploads.sniff import (
    OLE_MAGIC,
    ZIP_MAGICS,
    _binary_signature,
    _is_text,
    _looks_like_html,
    _office_2003_xml,
)
from danvan.lib.uploads.text import _format_int, clean_filename, human_size

KINDS = ("xlsx", "docx", "txt", "image", "pdf")

KIND_LABELS = {
    "xlsx": "tệp Excel (.xlsx)",
    "docx": "tệp Word (.docx)",
    "txt": "tệp văn bản (.txt)",
    "image": "ảnh (JPEG, PNG, GIF, WebP)",
    "pdf": "tệp PDF (.pdf)",
}

# The extension and the content type of a stored file are decided here, by the vetted kind, never by
# the name the user gave (an image's come from its re-encoded format, see ``images``).
EXTENSIONS = {"xlsx": ".xlsx", "docx": ".docx", "txt": ".txt", "pdf": ".pdf"}
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "application/octet-stream",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class InspectedFile:
    name: str  # original file name, NFC, path parts stripped
    kind: str  # "xlsx" | "docx" | "txt" | "image" | "pdf"
    data: bytes = field(repr=False)  # the bytes (an image's re-encoded ones), so nobody re-reads the stream
    size: int
    image_format: str = ""  # "jpeg" | "png" | "webp" for an image, as stored

    @property
    def extension(self) -> str:
        return images.EXTENSIONS[self.image_format] if self.kind == "image" else EXTENSIONS[self.kind]

    @property
    def content_type(self) -> str:
        return images.CONTENT_TYPES[self.image_format] if self.kind == "image" else CONTENT_TYPES[self.kind]


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def inspect_upload(
    fileobj,
    *,
    name: str,
    allowed: tuple[str, ...] = ("xlsx",),
    max_bytes: int = 20 * 1024 * 1024,
    max_uncompressed: int = 200 * 1024 * 1024,
    max_ratio: int = 100,
    max_image_bytes: int | None = None,
    max_pixels: int = images.MAX_PIXELS,
    check_opens: bool = True,
) -> InspectedFile:
    """Read and vet an upload; return its bytes and content-decided kind, or raise UploadRejected.

    ``fileobj`` may be a Django ``UploadedFile``, a ``BytesIO``, a file opened in binary mode or
    plain ``bytes``. It is rewound when seekable and at most ``max_bytes + 1`` bytes are read
    (a ``.size`` attribute, as Django's uploads have, is checked before reading anything).

    With ``"image"`` allowed, a picture is decoded (at most ``max_pixels``, at most ``max_image_bytes``
    bytes, default ``max_bytes``) and its ``data`` are the re-encoded bytes; ``"pdf"`` is recognised by
    its header only (it is stored and offered as a download, never parsed or shown inline).

    A Word/Excel file is then opened once by the reader that will read it (``openable``); a caller that
    reads the whole file itself right away, turning every failure into a refusal, passes
    ``check_opens=False`` so it is not read twice.
    """
    if isinstance(allowed, str):
        allowed = (allowed,)
    allowed = tuple(dict.fromkeys(allowed))
    unknown = [kind for kind in allowed if kind not in KINDS]
    if not allowed or unknown:
        raise ValueError(f"allowed must be a non-empty subset of {KINDS}, got {allowed!r}")
    if max_bytes < 1 or max_uncompressed < 1 or max_ratio < 1:
        raise ValueError("limits must be positive")

    inspector = _Inspector(
        name=clean_filename(name),
        allowed=allowed,
        max_bytes=max_bytes,
        max_uncompressed=max_uncompressed,
        max_ratio=max_ratio,
    )
    data = inspector.read(fileobj)
    kind = inspector.detect(data)
    if check_opens and kind in ("docx", "xlsx"):
        openable.check_opens(data, kind, name=inspector.name, reject=inspector.reject)
    if kind == "image":
        if max_image_bytes is not None and len(data) > max_image_bytes:
            inspector.max_bytes = max_image_bytes
            raise inspector.too_large(len(data))
        data, stored = images.vet_image(data, reject=inspector.reject, max_pixels=max_pixels)
        return InspectedFile(name=inspector.name, kind=kind, data=data, size=len(data), image_format=stored)
    return InspectedFile(name=inspector.name, kind=kind, data=data, size=len(data))


# --------------------------------------------------------------------------------------------
# Implementation
# --------------------------------------------------------------------------------------------


@dataclass
class _Inspector:
    name: str
    allowed: tuple[str, ...]
    max_bytes: int
    max_uncompressed: int
    max_ratio: int
    total_read: int = 0
    current_part: str | None = None

    # ---- messages ---------------------------------------------------------------------------

    def reject(self, code: str, text: str) -> UploadRejected:
        return UploadRejected(f"Tệp «{self.name}» {text}", code)

    @property
    def expected(self) -> str:
        return " hoặc ".join(KIND_LABELS[kind] for kind in self.allowed)

    def broken(self, detail: str) -> UploadRejected:
        return self.reject(
            "broken",
            f"bị hỏng hoặc tải lên chưa hết: {detail}. "
            "Hãy mở lại tệp bằng Word/Excel, lưu lại rồi tải lên lần nữa.",
        )

    def not_office(self, what: str, advice: str = "") -> UploadRejected:
        text = f"{what}, không phải {self.expected}."
        return self.reject("not_office", f"{text} {advice}".rstrip())

    def zip_bomb(self, detail: str) -> UploadRejected:
        return self.reject(
            "zip_bomb",
            f"có dữ liệu nén bất thường ({detail}) nên hệ thống không xử lý. "
            "Nếu đây là tệp thật, hãy chia nhỏ tệp rồi tải lên lại.",
        )

    # ---- reading ----------------------------------------------------------------------------

    def read(self, fileobj) -> bytes:
        if isinstance(fileobj, bytes | bytearray | memoryview):
            data = bytes(fileobj)
            if len(data) > self.max_bytes:
                raise self.too_large(len(data))
        else:
            declared = getattr(fileobj, "size", None)
            if isinstance(declared, int) and declared > self.max_bytes:
                raise self.too_large(declared)
            _rewind(fileobj)
            data = _read_at_most(fileobj, self.max_bytes + 1)
            if len(data) > self.max_bytes:
                raise self.too_large(_full_size(fileobj, declared))
        if not data:
            raise self.reject("empty", "rỗng (0 byte). Hãy kiểm tra lại tệp rồi tải lên lần nữa.")
        return data

    def too_large(self, size: int | None) -> UploadRejected:
        shown = human_size(size) if size else f"hơn {human_size(self.max_bytes)}"
        return self.reject("too_large", f"quá lớn ({shown}); giới hạn là {human_size(self.max_bytes)}.")

    # ---- detection --------------------------------------------------------------------------

    def detect(self, data: bytes) -> str:
        if data.startswith(OLE_MAGIC):
            raise self.reject_ole(data)
        if data.startswith(ZIP_MAGICS):
            return self.inspect_zip(data)
        if "image" in self.allowed and images.image_format(data) is not None:
            return "image"
        if "pdf" in self.allowed and data[:1024].lstrip().startswith(b"%PDF-"):
            return "pdf"
        if images.looks_like_svg(data):
            raise self.reject(
                "svg",
                "là ảnh SVG: ảnh SVG không được nhận vì có thể chứa mã chạy trong trình duyệt. "
                "Hãy lưu ảnh thành JPEG hoặc PNG rồi tải lên lại.",
            )
        signature = _binary_signature(data)
        if signature is not None and "image" in self.allowed and signature[0].startswith("là ảnh"):
            raise self.not_office(signature[0], "Hãy lưu ảnh thành JPEG hoặc PNG rồi tải lên lại.")
        if signature is not None:
            raise self.not_office(*signature)
        legacy_xml = _office_2003_xml(data)
        if legacy_xml is not None:
            raise self.legacy(*legacy_xml)
        if _looks_like_html(data):
            raise self.not_office(
                "là trang web (HTML)",
                "Nếu tệp được xuất từ phần mềm khác, hãy mở bằng Word/Excel và lưu lại đúng định dạng.",
            )
        if _is_text(data):
            if "txt" in self.allowed:
                return "txt"
            what = "là tệp văn bản thuần (CSV/TXT)"
            if "xlsx" in self.allowed:
                raise self.not_office(what, "Hãy mở bằng Excel và lưu thành .xlsx rồi tải lên lại.")
            raise self.not_office(what)
        raise self.reject(
            "not_office",
            f"không phải {self.expected}: hệ thống không nhận ra định dạng của tệp. "
            "Hãy chọn đúng tệp rồi tải lên lại.",
        )

    def legacy(self, program: str, extension: str, modern: str) -> UploadRejected:
        text = (
            f"là định dạng {program} cũ ({extension}): hãy mở bằng {program} "
            f"và lưu thành {modern} rồi tải lên lại."
        )
        if modern.lstrip(".") not in self.allowed and program in ("Word", "Excel"):
            text += f" Ở đây cần {self.expected}."
        return self.reject("legacy_format", text)

    def reject_ole(self, data: bytes) -> UploadRejected:
        if "EncryptedPackage".encode("utf-16-le") in data:
            return self.reject(
                "encrypted",
                "được đặt mật khẩu nên hệ thống không đọc được. "
                "Hãy mở tệp, gỡ bỏ mật khẩu, lưu lại rồi tải lên lần nữa.",
            )
        if "WordDocument\0".encode("utf-16-le") in data:
            return self.legacy("Word", ".doc", ".docx")
        if any(f"{stream}\0".encode("utf-16-le") in data for stream in ("Workbook", "Book")):
            return self.legacy("Excel", ".xls", ".xlsx")
        if "PowerPoint Document".encode("utf-16-le") in data:
            return self.legacy("PowerPoint", ".ppt", ".pptx")
        return self.reject(
            "legacy_format",
            "là định dạng Word/Excel cũ (.doc/.xls): hãy mở bằng Word/Excel và lưu thành "
            ".docx/.xlsx rồi tải lên lại.",
        )

    # ---- OOXML packages ---------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# Reading the upload
# --------------------------------------------------------------------------------------------


def _rewind(fileobj) -> None:
    try:
        if fileobj.seekable():
            fileobj.seek(0)
    except (AttributeError, OSError, ValueError):
        pass


def _read_at_most(fileobj, limit: int) -> bytes:
    buffer = bytearray()
    while len(buffer) < limit:
        chunk = fileobj.read(min(1024 * 1024, limit - len(buffer)))
        if not chunk:
            break
        if isinstance(chunk, str):
            raise TypeError("inspect_upload needs a file opened in binary mode")
        buffer += chunk
    return bytes(buffer)


def _full_size(fileobj, declared: object) -> int | None:
    if isinstance(declared, int):
        return declared
    try:
        if fileobj.seekable():
            return fileobj.seek(0, io.SEEK_END)
    except (AttributeError, OSError, ValueError):
        pass
    return None
