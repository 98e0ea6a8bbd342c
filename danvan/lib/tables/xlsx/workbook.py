"""The package (zip parts, workbook and relationships), its shared strings and styles, and its sheets."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from io import BytesIO
from typing import Any
from xml.parsers import expat

from danvan.lib.tables.xlsx.cells import Sheet, XCell
from danvan.lib.tables.xlsx.limits import (
    CHUNK,
    MAX_CELL_CHARS,
    MAX_ELEMENTS,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_SMALL_PART_BYTES,
    MAX_TEXT_CHARS,
)
from danvan.lib.tables.xlsx.merged import merged_ranges
from danvan.lib.tables.xlsx.parsing import _attr, _Doctype, _int, _local, _new_parser
from danvan.lib.tables.xlsx.sheet import _SheetReader
from danvan.lib.uploads import UploadRejected


class Workbook:
    """The sheets of an .xlsx package, read lazily. Raises ``UploadRejected`` for a broken file."""

    def __init__(self, data: bytes, *, name: str) -> None:
        self.name = name
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
        except Exception as exc:
            raise self.broken("không đọc được cấu trúc tệp nén") from exc
        self.parts = {info.filename.lower(): info for info in self.archive.infolist()}
        self.date1904 = False
        self._shared: list[str] | None = None
        self._styles: tuple[list[tuple[int, int]], list[str | None], dict[int, str]] | None = None
        self._style_cache: dict[int, tuple[bool, str | None]] = {}
        self.sheets, self._targets = self._read_workbook()

    # ---- errors ---------------------------------------------------------------------------------

    def broken(self, detail: str) -> UploadRejected:
        return UploadRejected(
            f"Tệp «{self.name}» bị hỏng: {detail}. Hãy mở lại bằng Excel, lưu lại rồi tải lên lần nữa.",
            "broken",
        )

    def too_big(self, detail: str) -> UploadRejected:
        return UploadRejected(
            f"Tệp «{self.name}» {detail} nên hệ thống không đọc hết được. Hãy chia nhỏ tệp rồi tải lên lại.",
            "too_big",
        )

    # ---- parts ----------------------------------------------------------------------------------

    def _info(self, path: str) -> zipfile.ZipInfo | None:
        return self.parts.get(path.lstrip("/").lower())

    def _chunks(self, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
        read = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    read += len(chunk)
                    if read > limit:
                        raise self.too_big(
                            f"có phần {info.filename} quá lớn (hơn {limit // (1024 * 1024)} MB)"
                        )
                    yield chunk
        except UploadRejected:
            raise
        except Exception as exc:  # zlib/CRC/truncation: untrusted bytes
            raise self.broken(f"không đọc được phần {info.filename}") from exc

    def _parse(self, info: zipfile.ZipInfo, parser: Any, *, limit: int, stop=None) -> None:
        try:
            for chunk in self._chunks(info, limit):
                parser.Parse(chunk, False)
                if stop is not None and stop():
                    return
            parser.Parse(b"", True)
        except _Doctype as exc:
            raise self.broken(f"phần {info.filename} chứa khai báo DOCTYPE/ENTITY không an toàn") from exc
        except expat.ExpatError as exc:
            raise self.broken(
                f"phần {info.filename} bị lỗi cấu trúc XML (dòng {exc.lineno}, cột {exc.offset + 1})"
            ) from exc
        except RecursionError as exc:  # pragma: no cover - expat is iterative; kept for safety
            raise self.broken(f"phần {info.filename} lồng nhau quá sâu") from exc

    def _small_tree(self, path: str) -> list[tuple[str, dict[str, str]]]:
        """The start tags (local name, attributes) of a small part, in order; [] when it is absent."""
        info = self._info(path)
        if info is None:
            return []
        tags: list[tuple[str, dict[str, str]]] = []
        parser = _new_parser()

        def start(tag, attrs):
            if len(tags) >= MAX_ELEMENTS // 10:
                raise self.too_big(f"có phần {info.filename} quá nhiều thành phần")
            tags.append((_local(tag), attrs))

        parser.StartElementHandler = start
        self._parse(info, parser, limit=MAX_SMALL_PART_BYTES)
        return tags

    def _read_workbook(self) -> tuple[list[Sheet], dict[str, str]]:
        if self._info("xl/workbook.xml") is None:
            raise self.broken("thiếu phần xl/workbook.xml")
        rels: dict[str, tuple[str, str]] = {}
        for tag, attrs in self._small_tree("xl/_rels/workbook.xml.rels"):
            if tag == "Relationship" and attrs.get("Id") and attrs.get("Target"):
                target = attrs["Target"]
                path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
                rels[attrs["Id"]] = (posixpath.normpath(path), attrs.get("Type", ""))
        targets = {kind.rsplit("/", 1)[-1]: path for path, kind in rels.values()}
        sheets: list[Sheet] = []
        for tag, attrs in self._small_tree("xl/workbook.xml"):
            if tag == "workbookPr":
                self.date1904 = _attr(attrs, "date1904") in ("1", "true")
            elif tag == "sheet":
                rel = rels.get(_attr(attrs, "id") or "")
                if rel is None or not rel[1].endswith("/worksheet"):
                    continue  # a chart sheet or a dangling reference: nothing to read
                if self._info(rel[0]) is None:
                    raise self.broken(f"thiếu phần {rel[0]} của trang tính «{attrs.get('name', '')}»")
                sheets.append(Sheet(name=(attrs.get("name") or "")[:100], part=rel[0]))
                if len(sheets) > MAX_SHEETS:
                    raise self.too_big(f"có hơn {MAX_SHEETS} trang tính")
        return sheets, targets

    # ---- shared strings and styles ----------------------------------------------------------------

    def shared_strings(self) -> list[str]:
        if self._shared is not None:
            return self._shared
        strings: list[str] = []
        info = self._info(self._targets.get("sharedStrings", "xl/sharedStrings.xml"))
        if info is not None:
            state = {"depth_rph": 0, "in_t": False, "total": 0, "elements": 0}
            buffer: list[str] = []
            length = [0]

            def start(tag, _attrs):
                state["elements"] += 1
                if state["elements"] > MAX_ELEMENTS:
                    raise self.too_big("có quá nhiều chuỗi văn bản")
                local = _local(tag)
                if local == "si":
                    buffer.clear()
                    length[0] = 0
                elif local == "rPh":
                    state["depth_rph"] += 1
                elif local == "t" and not state["depth_rph"]:
                    state["in_t"] = True

            def end(tag):
                local = _local(tag)
                if local == "si":
                    text = "".join(buffer)
                    state["total"] += len(text)
                    if state["total"] > MAX_TEXT_CHARS:
                        raise self.too_big("có quá nhiều chữ")
                    strings.append(text)
                elif local == "rPh":
                    state["depth_rph"] -= 1
                elif local == "t":
                    state["in_t"] = False

            def text(data):
                if state["in_t"] and length[0] < MAX_CELL_CHARS:
                    data = data[: MAX_CELL_CHARS - length[0]]
                    buffer.append(data)
                    length[0] += len(data)

            parser = _new_parser()
            parser.StartElementHandler, parser.EndElementHandler = start, end
            parser.CharacterDataHandler = text
            self._parse(info, parser, limit=MAX_PART_BYTES)
        self._shared = strings
        return strings

    def _load_styles(self):
        if self._styles is not None:
            return self._styles
        xfs: list[tuple[int, int]] = []
        fonts: list[str | None] = []
        formats: dict[int, str] = {}
        section = ""
        for tag, attrs in self._small_tree(self._targets.get("styles", "xl/styles.xml")):
            if tag in ("fonts", "cellXfs", "cellStyleXfs", "dxfs", "numFmts"):
                section = tag
            elif tag == "font" and section == "fonts":
                fonts.append(None)
            elif tag == "name" and section == "fonts" and fonts:
                fonts[-1] = (attrs.get("val") or "")[:100]
            elif tag == "numFmt" and section == "numFmts":
                try:
                    formats[int(attrs.get("numFmtId", ""))] = (attrs.get("formatCode") or "")[:200]
                except ValueError:
                    continue
            elif tag == "xf" and section == "cellXfs":
                xfs.append((_int(attrs.get("numFmtId")), _int(attrs.get("fontId"))))
        self._styles = (xfs, fonts, formats)
        return self._styles

    def style(self, index: int) -> tuple[bool, str | None]:
        """(whether the number format is a date/time, the font name) of a cell style."""
        if index in self._style_cache:
            return self._style_cache[index]
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        xfs, fonts, formats = self._load_styles()
        is_date, font = False, None
        if 0 <= index < len(xfs):
            format_id, font_id = xfs[index]
            code = formats.get(format_id) or BUILTIN_FORMATS.get(format_id) or ""
            try:
                is_date = bool(code) and is_date_format(code)
            except Exception:  # an odd format code: show the number as it is
                is_date = False
            font = fonts[font_id] if 0 <= font_id < len(fonts) else None
        if len(self._style_cache) < 100_000:
            self._style_cache[index] = (is_date, font)
        return is_date, font

    # ---- sheets ---------------------------------------------------------------------------------

    def merged(self, sheet: Sheet) -> list[tuple[int, int, int, int]]:
        """(min_row, min_col, max_row, max_col) of each merged range, at most ``MAX_MERGED``."""
        info = self._info(sheet.part)
        if info is None:
            return []
        return merged_ranges(self._chunks(info, MAX_PART_BYTES))

    def rows(self, sheet: Sheet, *, max_rows: int = MAX_ROWS) -> Iterator[tuple[int, list[XCell]]]:
        """(row number, cells with a value or a formula) of each row with content, in file order."""
        info = self._info(sheet.part)
        if info is None:
            return
        reader = _SheetReader(self, sheet, max_rows)
        parser = _new_parser()
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        try:
            for chunk in self._chunks(info, MAX_PART_BYTES):
                parser.Parse(chunk, False)
                yield from reader.drain()
                if reader.done:
                    return
            parser.Parse(b"", True)
            yield from reader.drain()
        except _Doctype as exc:
            raise self.broken(f"phần {info.filename} chứa khai báo DOCTYPE/ENTITY không an toàn") from exc
        except expat.ExpatError as exc:
            raise self.broken(
                f"trang tính «{sheet.name}» bị lỗi cấu trúc XML (dòng {exc.lineno}, cột {exc.offset + 1})"
            ) from exc

    def close(self) -> None:
        self.archive.close()


def open_workbook(data: bytes, *, name: str) -> Workbook:
    return Workbook(data, name=name)
