"""The entry point ``inspect_upload`` and the ``_Inspector`` that reads, sniffs and vets one upload."""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan.lib.uploads import images, openable
from danvan.lib.uploads.errors import UploadRejected
from danvan.lib.uploads.packages import _PackageChecks
from danvan.lib.uploads.reading import _full_size, _read_at_most, _rewind
from danvan.lib.uploads.sniff import (
    OLE_MAGIC,
    ZIP_MAGICS,
    _binary_signature,
    _is_text,
    _looks_like_html,
    _office_2003_xml,
)
from danvan.lib.uploads.text import clean_filename, human_size

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
class _Inspector(_PackageChecks):
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
