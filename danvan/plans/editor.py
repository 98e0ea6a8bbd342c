"""The structured editor: a PlanDocument shown as form fields, and the fields read back into a PlanDocument.

Sections are edited as plan-style text (headings "I.", items "1.", "1.1.", bullets "-"): officers already
write plans that way, and the plan parser reads it back, so the editor and the importer share one grammar.
"""

from dataclasses import replace

from danvan.lib import vntext
from danvan.lib.plandoc import Block, PlanDocument, Signature, Slogan

from .parsing import parse_text
from .parsing.tasks import link_forms

PURPOSE_MARKS = {"report": "(b/c)", "coordinate": "(p/h)", "implement": "(t/h)", "inform": "(để biết)"}


def _block_lines(block: Block, depth: int) -> list[str]:
    head = f"{block.label} {block.text}".strip() if block.label else block.text
    lines = [head]
    for child in block.children:
        lines.extend(_block_lines(child, depth + 1))
    return lines


def sections_text(doc: PlanDocument) -> str:
    parts = []
    for section in doc.sections:
        heading = f"{section.label}. {section.title}" if section.label else section.title
        lines = [heading]
        for block in section.blocks:
            lines.extend(_block_lines(block, 0))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def recipient_line(recipient) -> str:
    if recipient.raw:
        return recipient.raw if recipient.raw.startswith("-") else f"- {recipient.raw}"
    if recipient.purpose == "archive":
        return f"- Lưu: {recipient.name}."
    mark = recipient.purpose_text or PURPOSE_MARKS.get(recipient.purpose, "")
    return f"- {recipient.name} {mark}".rstrip() + ";"


def form_initial(plan) -> dict:
    doc = plan.document()
    signature = doc.signature or Signature()
    return {
        "version": plan.version,
        "profile": plan.profile,
        "superior_body": doc.superior_body,
        "issuing_body": doc.issuing_body,
        "body_code": doc.body_code,
        "place": doc.place,
        "issued_on": doc.issued_on,
        "doc_type": doc.doc_type,
        "title": doc.title or plan.title,
        "preamble": doc.preamble,
        "basis": "\n".join(ref.text for ref in doc.basis),
        "body": sections_text(doc),
        "closing": doc.closing,
        "recipients": "\n".join(recipient_line(r) for r in doc.recipients),
        "authority": "\n".join(signature.authority_lines),
        "signer_name": signature.signer_name,
        "slogans": "\n".join(f"{s.heading} | {s.text}" if s.heading else s.text for s in doc.slogans),
    }


def _slogans(text: str) -> list[Slogan]:
    slogans = []
    for line in vntext.nfc(text).splitlines():
        line = line.strip()
        if not line:
            continue
        heading, _sep, body = line.partition("|")
        slogans.append(Slogan(text=body.strip(), heading=heading.strip()) if body else Slogan(text=line))
    return slogans


def document_from_form(data: dict, previous: PlanDocument) -> PlanDocument:
    """Parse the edited fields as one plan text, then lay the header facts and annexes over it.

    Raises PlanParseError (Vietnamese message) when the body has no recognisable structure.
    """
    recipients = [line for line in vntext.nfc(data.get("recipients", "")).splitlines() if line.strip()]
    authority = [line.strip() for line in vntext.nfc(data.get("authority", "")).splitlines() if line.strip()]
    basis_lines = [line.strip() for line in vntext.nfc(data.get("basis", "")).splitlines() if line.strip()]
    preamble = data.get("preamble", "")
    text_parts = [data.get("doc_type") or "KẾ HOẠCH", data["title"], "", preamble, "", data["body"], ""]
    if data.get("closing"):
        text_parts += [data["closing"], ""]
    if recipients:
        text_parts += ["Nơi nhận:", *recipients, ""]
    text_parts += authority
    if data.get("signer_name"):
        text_parts += ["", data["signer_name"]]
    year = data["issued_on"].year if data.get("issued_on") else None
    parsed = parse_text("\n".join(text_parts), default_year=year)
    if basis_lines:
        from .parsing.references import basis_from_preamble

        extra, _rest = basis_from_preamble("Căn cứ " + "; ".join(basis_lines))
        known = {vntext.fold(ref.text) for ref in parsed.basis}
        parsed.basis += [ref for ref in extra if vntext.fold(ref.text) not in known]
    doc = replace(
        parsed,
        style="state" if data.get("profile") == "state-2020" else "party",
        superior_body=vntext.clean_text(data.get("superior_body", "")),
        issuing_body=vntext.clean_text(data.get("issuing_body", "")),
        body_code=vntext.clean_text(data.get("body_code", "")),
        number=previous.number,
        symbol=previous.symbol,
        place=vntext.clean_text(data.get("place", "")),
        issued_on=data.get("issued_on"),
        title=vntext.clean_text(data["title"]),
        preamble=vntext.nfc(preamble).strip(),
        closing=vntext.nfc(data.get("closing", "")).strip(),
        signature=Signature(
            authority_lines=authority, signer_name=vntext.clean_text(data.get("signer_name", ""))
        ),
        slogans_title=previous.slogans_title,
        slogans=_slogans(data.get("slogans", "")),
        forms=previous.forms,
    )
    _keep_form_links(doc, previous)
    return doc


def _keep_form_links(doc: PlanDocument, previous: PlanDocument) -> None:
    """The attached forms live after the signature, outside the edited text: the re-read deadlines are linked
    to them again by their words, and a deadline the previous version linked keeps its form."""
    link_forms(doc.deadlines, doc.forms)
    linked = {vntext.fold(d.what): d.form_index for d in previous.deadlines if d.form_index is not None}
    for deadline in doc.deadlines:
        if deadline.form_index is None and vntext.fold(deadline.what) in linked:
            deadline.form_index = linked[vntext.fold(deadline.what)]
        if deadline.form_index is not None and deadline.form_index >= len(doc.forms):
            deadline.form_index = None


# ---------------------------------------------------------------------------------------------
# The review screen: what to check first


def review_doubts(doc: PlanDocument) -> list[dict]:
    """The parser's doubts, least sure first, with a level the template shows as a badge."""
    out = []
    for doubt in doc.doubts_first():
        level = "low" if doubt.confidence < 0.5 else "medium" if doubt.confidence < 0.8 else "high"
        out.append(
            {
                "element": doubt.element,
                "where": doubt.where,
                "text": doubt.text,
                "reason": doubt.reason,
                "level": level,
            }
        )
    return out


def tasks_with_doubts(tasks, doc: PlanDocument) -> list:
    """The plan's task rows, each with ``doubt`` (the parser's reason, "" when sure), doubtful ones first.

    Tasks are created from the document's task blocks in order, so the n-th row matches the n-th block
    while the plan has not been edited; a task added or removed by hand has no doubt."""
    blocks = doc.tasks()
    rows = list(tasks)
    for task in rows:
        block = blocks[task.order - 1] if 0 < task.order <= len(blocks) else None
        same = block is not None and block.text == task.title
        task.doubt = block.reason if same and block.confidence < 1.0 else ""
        task.confidence = block.confidence if same else 1.0
    return sorted(rows, key=lambda t: (t.confidence, t.order))
