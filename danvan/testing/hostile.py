"""The hostile-input corpus: files an attacker (or an unlucky officer) posts to an upload form, made by code.

``corpus()`` returns ``HostileFile`` values: a name (what the browser sends), the bytes, a short label and
``family`` (what it attacks). Nothing is read from disk; every file is built here, small enough for a test
run (the biggest is a few MB) but shaped like the attack: a zip bomb squeezes 150 MB into 150 KB, a
merged-range bomb declares 1,040,000 merged positions in 5 KB, a dimension bomb declares A1:XFD1048576.

Used by ``danvan/site/tests/hostile`` (every upload endpoint) and ``bench/hostile.py`` (time and memory).
"""

from __future__ import annotations

import base64
import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SCRIPT = b"<script>alert(document.cookie)</script>"


@dataclass(frozen=True)
class HostileFile:
    name: str
    data: bytes
    label: str
    family: str


def _zip(parts: dict[str, bytes | str], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    # Level 1: the corpus is built on every test run; a bomb of spaces still compresses over 200:1.
    with zipfile.ZipFile(out, "w", compress, compresslevel=1) as archive:
        for path, content in parts.items():
            archive.writestr(path, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def _content_types(extra: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT_WORKBOOK}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT_SHEET}"/>'
        f'<Override PartName="/word/document.xml" ContentType="{CT_DOCUMENT}"/>{extra}</Types>'
    )


def xlsx(
    sheet_data: str = "",
    *,
    after: str = "",
    before: str = "",
    shared: list[str] | None = None,
    shared_xml: bytes | None = None,
    sheets: bool = True,
    extra: dict[str, bytes | str] | None = None,
    content_types: str | None = None,
) -> bytes:
    """A minimal hand-written workbook: ``sheet_data`` is the inside of ``<sheetData>``."""
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types or _content_types(),
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{NS_PKG_REL}"><Relationship Id="r1" '
        f'Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>'
        + ('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>' if sheets else "")
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{NS_MAIN}">{before}'
        f"<sheetData>{sheet_data}</sheetData>{after}</worksheet>",
    }
    if shared_xml is not None:
        parts["xl/sharedStrings.xml"] = shared_xml
    elif shared is not None:
        items = "".join(f"<si><t>{_esc(text)}</t></si>" for text in shared)
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0"?><sst xmlns="{NS_MAIN}" count="{len(shared)}">{items}</sst>'
        )
    parts.update(extra or {})
    return _zip(parts)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{_esc(text)}</t></is></c>'


PEOPLE_HEADER = ("Họ và tên", "Chức vụ", "Mã đơn vị")


def _people_row(line: int, values: tuple[str, ...]) -> str:
    cells = "".join(_inline(f"{chr(65 + i)}{line}", v) for i, v in enumerate(values))
    return f'<row r="{line}">{cells}</row>'


def people_xlsx(*rows: tuple[str, ...], after: str = "", before: str = "") -> bytes:
    body = _people_row(1, PEOPLE_HEADER) + "".join(_people_row(n, row) for n, row in enumerate(rows, 2))
    return xlsx(body, after=after, before=before)


def docx(
    document_xml: bytes | str, *, rels: bool = True, extra: dict[str, bytes | str] | None = None
) -> bytes:
    parts: dict[str, bytes | str] = {"[Content_Types].xml": _content_types()}
    if rels:
        parts["_rels/.rels"] = (
            f'<?xml version="1.0"?><Relationships xmlns="{NS_PKG_REL}"><Relationship Id="r1" '
            f'Type="{NS_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
        )
    parts["word/document.xml"] = document_xml
    parts.update(extra or {})
    return _zip(parts)


def _document(body: str) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{NS_W}"><w:body>{body}</w:body></w:document>'


def png(width: int = 32, height: int = 24) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * (width + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _noise(size: int, seed: int = 11) -> str:
    """Text that does not compress (base64 of random bytes): passes the ratio check, still huge."""
    return base64.b64encode(random.Random(seed).randbytes(size * 3 // 4)).decode()


def _ole(stream_name: str) -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + stream_name.encode("utf-16-le") + b"\0" * 512


def _lying_sizes(package: bytes, size: int) -> bytes:
    """The package with the uncompressed size of its members rewritten to ``size`` in both headers."""
    data = bytearray(package)
    packed = struct.pack("<I", size)
    index = data.find(b"PK\x03\x04")
    while index != -1:
        data[index + 22 : index + 26] = packed
        index = data.find(b"PK\x03\x04", index + 4)
    index = data.find(b"PK\x01\x02")
    while index != -1:
        data[index + 24 : index + 28] = packed
        index = data.find(b"PK\x01\x02", index + 4)
    return bytes(data)


@cache
def corpus() -> tuple[HostileFile, ...]:
    """Every hostile file, built once per process."""
    files: list[HostileFile] = []

    def add(name: str, data: bytes, label: str, family: str) -> None:
        files.append(HostileFile(name, data, label, family))

    good_docx = docx(_document("<w:p><w:r><w:t>Tham luận</w:t></w:r></w:p>"))
    # --- archives and packages
    add(
        "bom-word.docx",
        docx(b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>"),
        "zip bomb 40 MB at 229:1",
        "zip_bomb",
    )
    add("bom-khai.docx", _lying_sizes(good_docx, 3 * 1024**3), "zip declaring 3 GB inside", "zip_bomb")
    add(
        "bom-excel.xlsx",
        xlsx("<row r='1'>" + " " * (30 * 1024 * 1024) + "</row>"),
        "zip bomb 30 MB sheet",
        "zip_bomb",
    )
    add(
        "xxe.xlsx",
        _zip(
            {
                "[Content_Types].xml": _content_types(),
                "xl/workbook.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                f'<workbook xmlns="{NS_MAIN}"><sheets/>&xxe;</workbook>',
            }
        ),
        "XXE external entity",
        "xxe",
    )
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    add(
        "laughs.docx",
        docx(f'<?xml version="1.0"?>{laughs}]><w:document xmlns:w="{NS_W}">&lol9;</w:document>'),
        "billion laughs",
        "xxe",
    )
    add(
        "macro.xlsx",
        xlsx(extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 200}),
        "macro (vbaProject.bin)",
        "macro",
    )
    add(
        "macro.docx",
        docx(
            _document(""),
            extra={
                "[Content_Types].xml": _content_types(
                    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                ).replace("document.main+xml", "document.macroEnabled.main+xml")
            },
        ),
        "macro-enabled Word",
        "macro",
    )
    add("mat-khau.xlsx", _ole("EncryptedPackage"), "encrypted (OLE EncryptedPackage)", "encrypted")
    encrypted_zip = bytearray(good_docx)
    for index in range(len(encrypted_zip) - 8):
        if encrypted_zip[index : index + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            offset = 6 if encrypted_zip[index + 2] == 3 else 8
            encrypted_zip[index + offset] |= 1
    add("ma-hoa.docx", bytes(encrypted_zip), "zip with the encryption flag", "encrypted")
    add("cat-doi.docx", good_docx[: len(good_docx) // 2], "truncated zip", "truncated")
    add(
        "cat-doi.xlsx",
        xlsx(_people_row(1, PEOPLE_HEADER))[:-40],
        "truncated zip (directory cut)",
        "truncated",
    )
    add("nen.docx", _zip({"a.txt": "xin chào"}), "plain zip renamed .docx", "renamed")
    # --- renamed types and polyglots
    add("bao-cao.xlsx", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "PDF renamed .xlsx", "renamed")
    add("trang.docx", b"<!doctype html><html>" + SCRIPT + b"</html>", "HTML renamed .docx", "renamed")
    add(
        "chuong-trinh.xlsx",
        b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00",
        "executable renamed .xlsx",
        "renamed",
    )
    add("cu.doc", _ole("WordDocument"), "legacy .doc", "renamed")
    add("cu.xls", _ole("Workbook"), "legacy .xls", "renamed")
    add("anh.png", png() + b"<html>" + SCRIPT + b"</html>", "PNG+HTML polyglot", "polyglot")
    add("x.html", b"\x89PNG\r\n\x1a\n<html>" + SCRIPT + b"</html>", "HTML behind a PNG signature", "polyglot")
    add(
        "anh.svg",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">' + SCRIPT + b"</svg>",
        "SVG photo",
        "svg",
    )
    add("bom.png", png_declaring(30_000, 30_000), "decompression-bomb PNG (900 Mpx)", "image_bomb")
    # --- Word packages python-docx cannot open
    add("khong-rels.docx", docx(_document("<w:p/>"), rels=False), "Word without _rels", "unreadable")
    add(
        "sai-goc.docx",
        docx('<?xml version="1.0"?><html><body/></html>'),
        "Word with a wrong root element",
        "unreadable",
    )
    add(
        "long-sau.docx",
        docx(_document("<w:p>" + "<w:r>" * 5000 + "</w:r>" * 5000 + "</w:p>")),
        "Word nested 5,000 deep",
        "unreadable",
    )
    add(
        "chu-khong-lo.docx",
        docx(_document(f"<w:p><w:r><w:t>{_noise(11 * 1024 * 1024)}</w:t></w:r></w:p>")),
        "Word with an 11 MB text node",
        "unreadable",
    )
    # --- workbooks whose declarations lie
    add(
        "gop-o.xlsx",
        xlsx(
            "<row r='1'>" + _inline("A1", "Họ và tên") + "</row>",
            after='<mergeCells count="1"><mergeCell ref="A1:Z40000"/></mergeCells>',
        ),
        "merged range A1:Z40000",
        "merged_bomb",
    )
    add(
        "gop-o-tieu-de.xlsx",
        people_xlsx(
            ("Nguyễn Văn A", "Cán bộ", "P01"), after='<mergeCells><mergeCell ref="A2:Z40000"/></mergeCells>'
        ),
        "merged range A2:Z40000 under a header",
        "merged_bomb",
    )
    many = "".join(f'<mergeCell ref="A{2 * i + 1}:B{2 * i + 2}"/>' for i in range(60_000))
    add(
        "nhieu-gop.xlsx",
        people_xlsx(("Nguyễn Văn A", "", "P01"), after=f"<mergeCells>{many}</mergeCells>"),
        "60,000 merged ranges",
        "merged_bomb",
    )
    add(
        "gop-chong.xlsx",
        people_xlsx(
            ("Nguyễn Văn A", "Cán bộ", "P01"),
            after='<mergeCells><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/>'
            '<mergeCell ref="C1:C9"/></mergeCells>',
        ),
        "overlapping merged ranges",
        "merged_bomb",
    )
    add(
        "kich-thuoc.xlsx",
        xlsx(
            _people_row(1, PEOPLE_HEADER) + '<row r="1048576">' + _inline("XFD1048576", "x") + "</row>",
            before='<dimension ref="A1:XFD1048576"/>',
        ),
        "dimension A1:XFD1048576",
        "dimension_bomb",
    )
    add("khong-trang.xlsx", xlsx(sheets=False), "workbook with no sheets", "broken_workbook")
    add(
        "chuoi-ngoai.xlsx",
        xlsx(
            _people_row(1, PEOPLE_HEADER) + '<row r="2"><c r="A2" t="s"><v>99999</v></c></row>', shared=["x"]
        ),
        "shared-string index out of range",
        "broken_workbook",
    )
    add(
        "so-la-chu.xlsx",
        xlsx(
            _people_row(1, PEOPLE_HEADER)
            + '<row r="2"><c r="A2" t="n"><v>Nguyễn Văn A</v></c><c r="C2"><v>abc</v></c></row>'
        ),
        "number cell holding text",
        "broken_workbook",
    )
    add(
        "ngay-hong.xlsx",
        xlsx(_people_row(1, PEOPLE_HEADER) + '<row r="2"><c r="A2" t="d"><v>2024-13-45T99:99</v></c></row>'),
        "bad ISO date cell",
        "broken_workbook",
    )
    add(
        "o-khong-lo.xlsx",
        people_xlsx((_noise(4 * 1024 * 1024), "Cán bộ", "P01")),
        "a 4 MB cell",
        "huge_cell",
    )
    add(
        "chuoi-khong-lo.xlsx",
        xlsx(
            _people_row(1, PEOPLE_HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
            shared_xml=(
                f'<?xml version="1.0"?><sst xmlns="{NS_MAIN}">'
                f"<si><t>{_noise(11 * 1024 * 1024)}</t></si></sst>"
            ).encode(),
        ),
        "an 11 MB shared string",
        "huge_cell",
    )
    deep = "<x>" * 50_000 + "</x>" * 50_000
    add(
        "long-sau.xlsx",
        xlsx(f'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>{deep}</row>'),
        "sheet nested 50,000 deep",
        "deep_nesting",
    )
    # --- people's names that are not names
    add(
        "cong-thuc.xlsx",
        xlsx(
            _people_row(1, PEOPLE_HEADER)
            + '<row r="2"><c r="A2" t="str"><f>HYPERLINK("http://evil","x")</f><v>x</v></c>'
            + _inline("C2", "P01")
            + "</row>"
        ),
        "formula as a name",
        "bad_text",
    )
    add(
        "bang-chu.xlsx",
        people_xlsx(('=HYPERLINK("http://evil","x")', "Cán bộ", "P01")),
        "text typed as a formula",
        "bad_text",
    )
    formula_only = xlsx(
        _people_row(1, PEOPLE_HEADER)
        + '<row r="2"><c r="A2"><f>CONCAT("a","b")</f></c>'
        + _inline("C2", "P01")
        + "</row>"
    )
    add("cong-thuc-trong.xlsx", formula_only, "formula without a cached value", "bad_text")
    add(
        "dao-chieu.xlsx",
        people_xlsx(("Nguyễn\u202eVăn A", "Cán bộ", "P01")),
        "right-to-left override in a name",
        "bad_text",
    )
    add(
        "an-ky-tu.xlsx",
        people_xlsx(("Nguyễn\u200bVăn\u2066A\u2069\ufeff", "Cán bộ", "P01")),
        "zero-width, isolate and BOM in a name",
        "bad_text",
    )
    add(
        "ten-dai.xlsx",
        people_xlsx(("Nguyễn " * 5000, "Cán bộ", "P01")),
        "a 35,000-character name",
        "bad_text",
    )
    # --- names and sizes
    add("a" * 1000 + ".docx", good_docx, "1,000-character file name (a sound file)", "long_name")
    add("\u202excod.exe.docx", b"MZ\x90\x00" + b"\x00" * 60, "bidi override in the file name", "long_name")
    add("rong.xlsx", b"", "empty file", "empty")
    add(
        "ke-hoach.txt",
        ("Nội dung kế hoạch. " * 280_000).encode()[: 5 * 1024 * 1024],
        "a 5 MB text",
        "big_text",
    )
    return tuple(files)


def corpus_file(name: str) -> HostileFile:
    return next(item for item in corpus() if item.name == name)


def summary() -> dict[str, int]:
    files = corpus()
    return {"files": len(files), "bytes": sum(len(f.data) for f in files)}
