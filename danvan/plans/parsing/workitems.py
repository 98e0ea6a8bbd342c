"""Tasks written as work items: rows of a work-item table ("Nội dung công việc | Đơn vị chủ trì | Đơn vị
phối hợp | Thời gian hoàn thành | Kết quả"), items followed by labelled lines ("Đơn vị chủ trì: ...",
"Đơn vị phối hợp: ...", "Thời gian hoàn thành: ..."), and numbered items that name their own lead in a
document without an implementation section (a Thông báo kết luận, a Kết luận). Then, for every task, the
lead phrase is split into the units it names and the kind of lead is recorded (one unit, several, a group,
a person's role, or the issuer assumed), with a confidence the review screen sorts on."""

from __future__ import annotations

import re

from danvan.lib import vntext
from danvan.lib.plandoc import (
    LEAD_GROUP,
    LEAD_ISSUER,
    LEAD_PARENT,
    LEAD_ROLE,
    LEAD_UNIT,
    LEAD_UNITS,
    ROLE_ATTACHED,
    ROLE_ORGANISATION,
    Block,
    PlanDocument,
)

from . import periods
from . import tasks as task_rules
from .structure import walk

REASON_ISSUER = "Không ghi đơn vị chủ trì: tạm lấy cơ quan ban hành."
REASON_PARENT = "Không ghi đơn vị chủ trì: lấy theo mục trên."
REASON_NO_DUE = "Không thấy thời hạn của nhiệm vụ."
REASON_WORDS_DUE = "Thời hạn tính theo mốc khác hoặc lặp lại: cần xác định ngày cụ thể."
REASON_TABLE = "Đọc từ bảng phân công nhiệm vụ."
REASON_LABELS = "Đọc từ các dòng «Đơn vị chủ trì / phối hợp / thời gian»."
REASON_NAMED = "Nhiệm vụ nêu trong văn bản không có mục tổ chức thực hiện."

# Column headings of a work-item table (folded), by what the column holds.
COLUMNS = {
    "what": ("noi dung", "cong viec", "nhiem vu", "hoat dong", "ten nhiem vu"),
    "lead": ("chu tri", "don vi thuc hien", "co quan thuc hien", "thuc hien", "phu trach", "trach nhiem"),
    "partners": ("phoi hop",),
    "due": ("thoi gian", "thoi han", "tien do", "hoan thanh"),
    "result": ("ket qua", "san pham"),
}
_LABEL_RE = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))\s*[-+•*]?\s*(?P<label>(?:đơn\s+vị|cơ\s+quan|bộ\s+phận|người)?\s*"
    r"(?:chủ\s+trì(?:\s+thực\s+hiện)?|thực\s+hiện|phụ\s+trách|phối\s+hợp(?:\s+thực\s+hiện)?"
    r"|thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|triển\s+khai))?|kết\s+quả|sản\s+phẩm))\s*:\s*",
    re.IGNORECASE,
)
_ROLE_WORDS = (
    "dong chi", "d/c", "chuyen vien", "can bo", "chu tich", "pho chu tich", "bi thu", "pho bi thu",
    "truong ban", "pho truong ban", "giam doc", "pho giam doc", "truong phong", "pho truong phong",
    "chanh van phong", "pho chanh van phong", "thu truong", "nguoi dung dau", "to truong", "truong thon",
)  # fmt: skip
_GROUP_WORDS = ("cac", "nhung", "moi", "tung")


def column_kind(heading: str) -> str | None:
    folded = vntext.fold(heading)
    if not folded:
        return None
    for kind in ("partners", "due", "lead", "result", "what"):
        if any(word in folded for word in COLUMNS[kind]):
            return kind
    if folded in ("tt", "stt", "so tt", "so thu tu"):
        return "index"
    return None


def table_columns(cells: list[str]) -> dict[str, int] | None:
    """Column index per kind when ``cells`` is the heading row of a work-item table."""
    found: dict[str, int] = {}
    for k, cell in enumerate(cells):
        kind = column_kind(cell)
        if kind and kind not in found:
            found[kind] = k
    return found if "what" in found and "lead" in found else None


# ---------------------------------------------------------------------------------------------
# Leads


def split_leads(phrase: str) -> list[str]:
    """ "Văn phòng Huyện ủy, Văn phòng HĐND-UBND huyện" -> two units; "các sở, ban, ngành; MTTQ và các
    đoàn thể tỉnh" -> "các sở, ban, ngành", "MTTQ", "các đoàn thể tỉnh"; "Đảng ủy các xã, thị trấn" and
    "Ban Thường vụ các huyện ủy, thành ủy" stay one group (a lower-case word after a comma continues it)."""
    phrase = phrase.strip(" .;,:-")
    out: list[str] = []
    for part in re.split(r"\s*;\s*", phrase):
        current = ""
        # pieces between commas and "và": a new lead starts where a unit's name, a role or a group ("các
        # ...") starts; anything else goes on with the name before it ("Sở Văn hóa, Thể thao và Du lịch",
        # "Phòng Xây dựng chính quyền và Công tác thanh niên", "Ban Thường vụ các huyện ủy, thành ủy")
        for piece, joiner in _pieces(part):
            if current and _starts_lead(piece):
                out.append(current)
                current = piece
            else:
                current = f"{current}{joiner}{piece}" if current else piece
        if current:
            out.append(current)
    return [p.strip() for p in out if p.strip()]


def _pieces(part: str) -> list[tuple[str, str]]:
    """(piece, the joiner written before it) split on "," and " và "."""
    out: list[tuple[str, str]] = []
    joiner = ""
    for token in re.split(r"(,\s*|\s+và\s+)", part):
        if re.fullmatch(r",\s*|\s+và\s+", token):
            joiner = ", " if token.startswith(",") else " và "
            continue
        if token.strip():
            out.append((token.strip(), joiner))
    return out


def _starts_lead(piece: str) -> bool:
    first = vntext.fold(piece).split()[0] if piece.split() else ""
    if first in ("cac", "nhung"):
        return True
    return piece[:1].isupper() and (task_rules.is_unit_phrase(piece) or _is_role(piece))


def _is_role(phrase: str) -> bool:
    folded = vntext.fold(phrase)
    return any(folded == w or folded.startswith(w + " ") for w in _ROLE_WORDS)


def lead_kind(leads: list[str]) -> str:
    if len(leads) > 1:
        return LEAD_UNITS
    if not leads:
        return ""
    if _is_role(leads[0]):
        return LEAD_ROLE
    words = vntext.fold(leads[0]).split()
    if any(w in _GROUP_WORDS for w in words) or "," in leads[0]:
        return LEAD_GROUP
    return LEAD_UNIT


# ---------------------------------------------------------------------------------------------
# Tables


def _window_in(text: str, default_year: int | None):
    found = task_rules.find_due(text, default_year)
    if found is None:
        from danvan.lib import vndates

        words = [w for _, _, w in vndates.find_windows(text, default_year=default_year) if w.words_only]
        return words[0] if words else None
    return found


def read_tables(doc: PlanDocument, default_year: int | None) -> None:
    for section in doc.sections:
        _read_table_rows(section.blocks, default_year)


def _read_table_rows(blocks: list[Block], default_year: int | None) -> None:
    columns: dict[str, int] | None = None
    width = 0
    previous: Block | None = None
    group = None  # the month or quarter a programme's group row or period column names
    for block in blocks:
        filled = [c for c in block.cells if c.strip()]
        heading_text = block.text if not block.cells else filled[0] if len(filled) == 1 else ""
        if (
            columns is not None
            and heading_text
            and (found := periods.period_heading(heading_text, default_year))
        ):
            group = found  # "THÁNG 01", "QUÝ II": a group row of a programme's table, not a task
            block.is_task = False
            previous = block
            continue
        if not block.cells:
            previous = block
            columns, group = None, None
            _read_table_rows(block.children, default_year)
            continue
        heading = table_columns(block.cells)
        if heading is not None:
            columns, width, group = heading, len(block.cells), None
            block.is_task = False
            # "Phân công nhiệm vụ cụ thể như sau:" introduces the table; it is not a task itself
            if previous is not None and not previous.cells and previous.text.rstrip().endswith(":"):
                previous.is_task = False
            previous = block
            continue
        previous = block
        if columns is None:
            continue
        cells = block.cells = periods.align_period_column(block.cells, columns, width, default_year)

        def cell(kind: str, cells=cells, columns=columns) -> str:
            k = columns.get(kind)
            return cells[k].strip() if k is not None and k < len(cells) else ""

        what = cell("what")
        if not what:
            continue
        block.is_task = True
        block.label = cell("index") or block.label
        block.kind = "item" if block.label else block.kind
        block.text = what
        block.lead = cell("lead")
        block.leads = split_leads(block.lead)
        block.partners = split_leads(cell("partners"))
        due_text = cell("due")
        own = periods.whole_year(due_text, default_year) if due_text else None
        own = own or (_window_in(due_text, default_year) if due_text else None)
        if columns.get("due", 99) < columns["what"] and own is not None:
            group = own  # a period column: its cell is merged down over the rows that follow
        if group is not None and (periods.is_within_group(due_text) or own is None):
            own = group
        block.due = own
        block.reason = REASON_TABLE


# ---------------------------------------------------------------------------------------------
# Labelled lines


def _labels(text: str) -> dict[str, str]:
    """ "Đơn vị chủ trì: X. Đơn vị phối hợp: Y." -> {"lead": "X", "partners": "Y"} (inline or one a line)."""
    found: dict[str, str] = {}
    matches = list(_LABEL_RE.finditer(text))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        value = text[m.end() : end].strip(" .;\n")
        kind = column_kind(m.group("label"))
        if kind == "index" or kind is None:
            continue
        if kind == "what":
            kind = "lead"  # "thực hiện:" names who carries it out
        found.setdefault(kind, value)
    return found


def read_labelled(doc: PlanDocument, default_year: int | None) -> None:
    for section in doc.sections:
        for block, _parents in walk(section.blocks):
            if block.cells or _LABEL_RE.match(block.text):
                continue
            pieces = _labels(block.text)
            owned = [c for c in block.children if _labels(c.text) and _LABEL_RE.match(c.text)]
            for child in owned:
                for kind, value in _labels(child.text).items():
                    pieces.setdefault(kind, value)
            if "lead" not in pieces:
                continue
            block.is_task = True
            block.lead = pieces["lead"]
            block.leads = split_leads(pieces["lead"])
            block.partners = split_leads(pieces.get("partners", ""))
            if "due" in pieces:
                block.due = _window_in(pieces["due"], default_year)
            else:  # an item under "1. Quý I" is due in that quarter
                block.due = next(
                    (
                        found
                        for parent in reversed(_parents)
                        if (found := periods.period_heading(parent.text, default_year)) is not None
                    ),
                    None,
                )
            block.reason = REASON_LABELS
            # label lines are facts of this task, not tasks of their own
            for child in owned:
                child.is_task = False


# ---------------------------------------------------------------------------------------------
# Items that name their own lead in a document without an implementation section


# Documents whose numbered items assign work to the units they name (a Thông báo kết luận, a Kết luận).
ASSIGNING_TYPES = ("thong bao", "ket luan", "chi thi", "nghi quyet", "cong van", "thong tri")
_ASSIGNED_RE = re.compile(
    r"^\s*(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|được\s+giao|phụ\s+trách|là\s+cơ\s+quan)",
    re.IGNORECASE,
)


_ASSIGNED_ANYWHERE_RE = re.compile(_ASSIGNED_RE.pattern.replace("^\\s*", ""), re.IGNORECASE)


_PAST_RE = re.compile(r"(?:^|\s)(?:đã|vừa|từng)\s", re.IGNORECASE)


def read_named_items(doc: PlanDocument, default_year: int | None) -> None:
    """Numbered items that name who carries them out. In a document that is not a plan (and has no
    implementation section) any lead at the head of an item counts; elsewhere only an explicit assignment
    ("X chủ trì ...", "X có trách nhiệm ..."), so a content item that merely begins with a unit's name is
    not taken for a task."""
    loose = vntext.fold(doc.doc_type) in ASSIGNING_TYPES and not any(
        s.role == ROLE_ORGANISATION for s in doc.sections
    )
    for section in doc.sections:
        if section.role in (ROLE_ORGANISATION, ROLE_ATTACHED):
            continue
        for block in section.blocks:
            if block.is_task or block.kind != "item":
                continue
            if not loose and not _ASSIGNED_ANYWHERE_RE.search(block.text):
                continue
            lead = task_rules.find_lead(block.text)
            if not lead:
                continue
            after = block.text[block.text.find(lead) + len(lead) :] if lead in block.text else ""
            if not loose and not _ASSIGNED_RE.match(after.lstrip(" ,:")):
                continue
            if _PAST_RE.search(lead) or _PAST_RE.match(after.lstrip()):
                continue  # "Các phòng, đơn vị đã cơ bản hoàn thành ...": an assessment, not an assignment
            block.is_task = True
            block.lead = lead
            block.partners = task_rules.find_partners(block.text)
            block.due = _window_in(block.text, default_year)
            block.reason = REASON_NAMED


# ---------------------------------------------------------------------------------------------
# Leads, kinds and confidence of every task


def finish(doc: PlanDocument, *, issuer: str) -> None:
    for section in doc.sections:
        for block, parents in walk(section.blocks):
            if not block.is_task:
                continue
            if not block.leads:
                block.leads = split_leads(block.lead) if block.lead else []
            own = block.reason in (REASON_TABLE, REASON_LABELS, REASON_NAMED) or (
                block.lead and vntext.fold(block.text).startswith(vntext.fold(block.lead)[:20])
            )
            inherited = next((p.lead for p in reversed(parents) if p.is_task and p.lead), "")
            reasons = [block.reason] if block.reason and block.reason != REASON_TABLE else []
            confidence = 1.0
            if not own and inherited and block.lead == inherited:
                block.lead_kind = LEAD_PARENT
                reasons.append(REASON_PARENT)
                confidence = 0.7
            elif not own and issuer and block.lead == issuer and not task_rules.find_lead(block.text):
                block.lead_kind = LEAD_ISSUER
                reasons.append(REASON_ISSUER)
                confidence = 0.5
            else:
                block.lead_kind = lead_kind(block.leads)
            if block.due is None:
                reasons.append(REASON_NO_DUE)
                confidence = min(confidence, 0.8)
            elif block.due.words_only:
                reasons.append(REASON_WORDS_DUE)
                confidence = min(confidence, 0.6)
            block.confidence = confidence
            block.reason = " ".join(r for r in reasons if r and r != REASON_LABELS and r != REASON_NAMED)


def apply(doc: PlanDocument, *, issuer: str, default_year: int | None) -> None:
    read_tables(doc, default_year)
    read_labelled(doc, default_year)
    read_named_items(doc, default_year)
    finish(doc, issuer=issuer)


__all__ = ["apply", "column_kind", "lead_kind", "split_leads", "table_columns"]
