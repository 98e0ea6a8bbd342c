"""Tasks (lead unit, partners, due) in the organisation section, and deadlines (calls for submissions)."""

from __future__ import annotations

import functools
import re

from danvan.lib import vndates
from danvan.lib.plandoc import ROLE_ORGANISATION, Block, Deadline, FormDraft, PlanDocument

from . import vocab
from .lines import key, starts_with_any
from .marks import merge_adjacent, windows_in
from .structure import walk

# A window longer than this is a year, a multi-year period or an anniversary span, not a due date.
MAX_DUE_SPAN_DAYS = 184
_WORD_RE = re.compile(r"[^\W_]+(?:/[^\W_]+)?", re.UNICODE)
_CITATION_BEFORE_RE = re.compile(r"số\s*:?\s*\S+\s*,?\s*(?:ban\s+hành\s+)?$", re.IGNORECASE)
_PARTNER_RE = re.compile(r"phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+cùng)?\s+với\s+", re.IGNORECASE)


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word."""
    return [(m.start(), m.end(), key(m.group(0))) for m in _WORD_RE.finditer(text)]


@functools.lru_cache(maxsize=64)
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The phrases indexed by their first word, each list in the original order."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        index.setdefault(parts[0], []).append((phrase, parts))
    return index


def _phrase_at(words: list[tuple[int, int, str]], i: int, phrases: tuple[str, ...]) -> str | None:
    """The first of ``phrases`` (in their order) written at word ``i``."""
    if i >= len(words):
        return None
    for phrase, parts in _by_first_word(phrases).get(words[i][2], ()):
        if i + len(parts) <= len(words) and all(words[i + k][2] == p for k, p in enumerate(parts)):
            return phrase
    return None


def _verb_positions(text: str, words: list[tuple[int, int, str]], first: int = 0) -> list[int]:
    """Indexes of words where a lower-case task verb starts (not a noun after "các", "những" ...)."""
    out = []
    for i in range(first, len(words)):
        start = words[i][0]
        if not text[start].islower():
            continue
        if _phrase_at(words, i, vocab.TASK_VERBS) is None:
            continue
        # "Ban tổ chức" names a body; "Tiểu ban chủ động ..." ends a unit's name with "ban"
        ends_name = words[i - 1][2] == "ban" and i > 1 and words[i - 2][2] in ("tiểu", "ủy")
        if i > 0 and words[i - 1][2] in vocab.NOUN_MARKERS and not ends_name:
            continue
        out.append(i)
    return out


def is_unit_phrase(phrase: str) -> bool:
    """Whether a phrase starts like a unit name ("Ban Dân vận ...", "các sở, ban, ngành ...")."""
    k = key(phrase)
    if not k or starts_with_any(k, vocab.NOT_UNIT):
        return False
    head = starts_with_any(k, tuple(sorted(vocab.UNIT_HEADS, key=len, reverse=True)))
    if head is None:
        return False
    if head in ("các", "mỗi", "từng"):
        rest = k[len(head) :].strip()
        return starts_with_any(rest, vocab.UNIT_NOUNS) is not None
    return True


def _strip_prefix(text: str) -> str:
    k = key(text)
    prefix = starts_with_any(k, vocab.LEAD_PREFIXES)
    if prefix is None:
        return text
    words = text.split()
    return " ".join(words[len(prefix.split()) :])


def find_lead(text: str) -> str:
    """The unit named at the start of a task ("Ban Dân vận Tỉnh ủy hướng dẫn ..." -> "Ban Dân vận Tỉnh ủy");
    "" when the task starts with its verb."""
    body = _strip_prefix(text.strip())
    colon = body.find(":")
    if 0 < colon <= 200:
        before = body[:colon].strip()
        if (
            is_unit_phrase(before)
            and len(before.split()) <= 25
            and not _verb_positions(before, _words(before), 1)
        ):
            return before
    words = _words(body)
    if not words:
        return ""
    for i in _verb_positions(body, words, first=1):
        lead = body[: words[i][0]].strip(" ,;:-")
        if len(lead.split()) > 40 or len(lead) > 300:
            return ""
        return lead if is_unit_phrase(lead) else ""
    # No verb at all: an item that only names the unit ("1. Ban Dân vận Tỉnh ủy:") heads its sub-items.
    bare = body.strip().rstrip(" :.;")
    if is_unit_phrase(bare) and len(bare.split()) <= 15 and not re.search(r"[.;]", bare):
        return bare
    return ""


def _split_units(phrase: str) -> list[str]:
    """Split "Văn Phòng Thành ủy, Văn Phòng HĐND-UBND thành phố" on ",", ";" and " và " where the next
    piece starts a new unit (a capital letter or a unit word; after "và" a unit word), so "truyền hình
    trong, ngoài tỉnh" and "Đài Phát thanh và Truyền hình tỉnh" stay one."""
    out: list[str] = []
    for piece in re.split(r"(,|;|\s+và\s+)", phrase):
        if not piece.strip():
            continue
        if piece in (",", ";") or piece.strip() == "và":
            if out:
                out[-1] += piece
            continue
        piece = piece.strip()
        if out and out[-1].endswith(("và ", "và")):
            starts_new = is_unit_phrase(piece)
        else:
            starts_new = piece[:1].isupper() or is_unit_phrase(piece)
        if out and not starts_new:
            out[-1] = f"{out[-1]}{'' if out[-1].endswith(' ') else ' '}{piece}"
        else:
            if out:
                out[-1] = re.sub(r"(?:[,;]|\s+và)\s*$", "", out[-1])
            out.append(piece)
    if out:
        out[-1] = re.sub(r"(?:[,;]|\s+và)\s*$", "", out[-1])
    return [p.strip() for p in out if p.strip()]


def find_partners(text: str) -> list[str]:
    """Units after "phối hợp với", up to the next verb or the end of the clause."""
    m = _PARTNER_RE.search(text)
    if not m:
        return []
    rest = text[m.end() :]
    stop = len(rest)
    cut = re.search(r"[.:()]|\s(?:để|nhằm|trong\s+việc|theo|tại)\s", rest)
    if cut:
        stop = cut.start()
    words = _words(rest[:stop])
    verbs = _verb_positions(rest, words, first=1)
    if verbs:
        stop = min(stop, words[verbs[0]][0])
    phrase = rest[:stop].strip(" ,;-")
    if not phrase or len(phrase.split()) > 40:
        return []
    return _split_units(phrase)


def find_due(text: str, default_year: int | None) -> vndates.DateWindow | None:
    """The first time window in a task's own words that can be a due date (not a citation's date, not a
    year or a multi-year span)."""
    words_only = None
    for start, _end, window in merge_adjacent(text, windows_in(text, default_year)):
        if _CITATION_BEFORE_RE.search(text[max(0, start - 40) : start]):
            continue
        if window.kind == "unparsed":
            continue
        if window.words_only:
            # "10 ngày làm việc (từ ... đến ...)": a placed window later in the words says more
            words_only = words_only or window
            continue
        if window.start and window.end and (window.end - window.start).days > MAX_DUE_SPAN_DAYS:
            continue
        return window
    return words_only


def names_only_unit(text: str) -> bool:
    """An item that only names a unit and introduces its tasks: "Trách nhiệm của Văn phòng Tỉnh ủy:"."""
    body = _strip_prefix(text.strip())
    bare = body.rstrip(" :.;")
    return text.rstrip().endswith(":") and not _verb_positions(bare, _words(bare), 1) and is_unit_phrase(bare)


def _is_task(block: Block, parents: tuple[Block, ...], numbered_section: bool) -> bool:
    """Numbered items (and numbered sub-items) are tasks. A bullet is a task when it names its own lead unit
    under a task, or sits under an item that only names a unit. Without any numbered item in the section,
    its top-level bullets and paragraphs are the tasks."""
    if block.kind == "item":
        return not parents or all(p.kind == "item" for p in parents)
    if not parents:
        return not numbered_section or (block.kind == "bullet" and bool(find_lead(block.text)))
    if block.kind != "bullet" or not parents[-1].is_task:
        return False
    return bool(find_lead(block.text)) or names_only_unit(parents[-1].text)


def mark_tasks(doc: PlanDocument, *, issuer: str, default_year: int | None) -> None:
    """Mark the tasks of the organisation sections with their lead, partners and due window."""
    for section in doc.sections:
        if section.role != ROLE_ORGANISATION:
            continue
        numbered = any(b.kind == "item" for b in section.blocks)
        for block, parents in walk(section.blocks):
            if not _is_task(block, parents, numbered):
                continue
            block.is_task = True
            own = find_lead(block.text)
            inherited = next((p.lead for p in reversed(parents) if p.is_task and p.lead), "")
            block.lead = own or inherited or issuer
            block.partners = find_partners(block.text)
            block.due = find_due(block.text, default_year)


# ---------------------------------------------------------------------------------------------
# Deadlines


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


_SUBMIT_RE = re.compile(
    rf"(?<![\w])(?:{_alternatives(vocab.SUBMIT_ALWAYS)}"
    rf"|(?:{_alternatives(vocab.SUBMIT_TOWARDS)})(?=[^.;:]*?(?<![\w])về(?![\w])))(?![\w])"
)


def _asks_for_submission(text: str) -> bool:
    """ "gửi về ...", "nộp ...", "báo cáo kết quả về UBND tỉnh ..."."""
    return bool(_SUBMIT_RE.search(key(text)))


def _note_after(text: str, pos: int) -> str:
    m = re.match(r"\s*(\((?:[^()]|\([^()]*\))*\))", text[pos:])
    return m.group(1).strip() if m else ""


def _form_index(text: str, forms: list[FormDraft]) -> int | None:
    k = key(text)
    if not forms or "mẫu" not in k:
        return None
    m = re.search(r"mẫu\s+(?:số\s+)?0*(\d+)", k)
    if m and 1 <= int(m.group(1)) <= len(forms):
        return int(m.group(1)) - 1
    return 0


def deadline_from(block: Block, default_year: int | None, forms: list[FormDraft]) -> Deadline | None:
    for start, end, window in windows_in(block.text, default_year):
        if window.kind != "deadline":
            continue
        clause_start = max(block.text.rfind(";", 0, start), block.text.rfind(". ", 0, start))
        what = block.text[clause_start + 1 : start].strip(" ,;:-.")
        note = _note_after(block.text, end)
        if not what:
            continue
        return Deadline(
            text=block.text,
            what=what,
            due=window,
            form_index=_form_index(note or block.text, forms),
            note=note,
        )
    return None


def link_forms(deadlines: list[Deadline], forms: list[FormDraft]) -> None:
    """Point each deadline at the attached form its words name ("Có mẫu đăng ký kèm theo"): the editor's
    text holds no annexes, so a re-read of it finds the deadlines but not the forms they refer to."""
    for deadline in deadlines:
        if deadline.form_index is None:
            deadline.form_index = _form_index(deadline.note or deadline.text, forms)


def find_deadlines(doc: PlanDocument, *, default_year: int | None) -> list[Deadline]:
    """Lines with a deadline under a sentence asking units to send something ("gửi về ... như sau:"), and
    sentences that themselves ask to send something by a date."""
    out: list[Deadline] = []
    for section in doc.sections:
        for block, parents in walk(section.blocks):
            asked = (
                bool(parents) and _asks_for_submission(parents[-1].text) and parents[-1].text.endswith(":")
            )
            if not asked and not (_asks_for_submission(block.text) and not block.children):
                continue
            found = deadline_from(block, default_year, doc.forms)
            if found is not None:
                out.append(found)
    return out


__all__ = [
    "find_deadlines",
    "find_due",
    "find_lead",
    "find_partners",
    "is_unit_phrase",
    "link_forms",
    "mark_tasks",
]
