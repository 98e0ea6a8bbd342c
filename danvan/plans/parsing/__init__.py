"""Plan importer: text or DOCX -> PlanDocument.

Both readers produce the same intermediate line stream (``lines.Line``: paragraphs and table rows in body
order); ``assemble.parse_stream`` is the one parser behind them. The parser is pure Python: no Django models.

    parse_text(text, default_year=None) -> PlanDocument
    parse_docx(data) -> PlanDocument
    PlanParseError(ValueError) with a Vietnamese ``message``
"""

from __future__ import annotations

from danvan.lib.plandoc import PlanDocument

from .assemble import parse_stream
from .docx_reader import read_docx
from .errors import MAX_TEXT_CHARS, MSG_EMPTY, MSG_NOT_TEXT, MSG_TOO_LONG, PlanParseError
from .lines import Stream, document_lines
from .references import find_references


def parse_text(text: str, *, default_year: int | None = None) -> PlanDocument:
    """Read a plan from plain text (as copied out of Word, or markdown-ish with ** and * emphasis).

    ``default_year`` is used for dates written without a year when neither the title ("... năm 2023") nor
    the date line gives one. Raises PlanParseError when the text is empty or has no plan structure.
    """
    if not isinstance(text, str):
        raise PlanParseError(MSG_NOT_TEXT.format(type=type(text).__name__))
    if not text.strip():
        raise PlanParseError(MSG_EMPTY)
    if len(text) > MAX_TEXT_CHARS:
        raise PlanParseError(too_long(len(text)))
    return parse_stream(document_lines(text), default_year=default_year)


def too_long(chars: int) -> str:
    return MSG_TOO_LONG.format(chars=chars, limit=MAX_TEXT_CHARS).replace(",", ".")


def parse_docx(data: bytes, *, default_year: int | None = None) -> PlanDocument:
    """Read a plan from the bytes of a .docx file (paragraphs and tables in body order; legacy TCVN3/VNI
    runs converted by their font). Raises PlanParseError."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise PlanParseError(MSG_NOT_TEXT.format(type=type(data).__name__))
    stream: Stream = read_docx(bytes(data))
    chars = sum(len(line.text) for line in stream.lines)
    if chars > MAX_TEXT_CHARS:
        raise PlanParseError(too_long(chars))
    return parse_stream(stream, default_year=default_year)


__all__ = ["PlanParseError", "document_lines", "find_references", "parse_docx", "parse_text"]
