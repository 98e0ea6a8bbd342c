"""What the reviewer should check first: every element the parser read with less than full confidence
(a wrapped line it joined, a lead unit it assumed, a date without a year, a window it cannot place, a part
it did not find), least sure first on the review screen."""

from __future__ import annotations

from danvan.lib.plandoc import Block, Doubt, PlanDocument

from .structure import walk

REASON_NO_SYMBOL = "Không thấy số, ký hiệu văn bản."
REASON_NO_DATE = "Không thấy ngày ban hành (hoặc văn bản còn để trống ngày)."
REASON_NO_SIGNATURE = "Không thấy phần ký: kiểm tra chức vụ và họ tên người ký."
REASON_NO_RECIPIENTS = "Không thấy phần Nơi nhận."
REASON_SIGNATURE_JOINED = "Đã nối các dòng chức vụ bị ngắt: kiểm tra lại."
REASON_RECIPIENT_JOINED = "Đã nối các dòng bị ngắt thành một nơi nhận: kiểm tra lại."
REASON_NOT_PLAN = (
    "Văn bản loại «{kind}», không phải kế hoạch: đã nhập nguyên dạng, phần chưa phân loại giữ ở chỗ cũ."
)
REASON_NO_TASKS = "Không thấy nhiệm vụ nào có đơn vị chủ trì."
WHERE_HEADER = "Phần đầu văn bản"
WHERE_SIGNATURE = "Phần ký"
WHERE_RECIPIENTS = "Nơi nhận"


def task_where(section_label: str, parents: tuple[Block, ...], block: Block) -> str:
    items = [b.label.rstrip(".") for b in (*parents, block) if b.kind == "item" and b.label]
    labels = [section_label, *items]
    return ".".join(x for x in labels if x)


def collect(doc: PlanDocument) -> list[Doubt]:
    out: list[Doubt] = []
    if not doc.is_plan:
        out.append(Doubt("text", WHERE_HEADER, doc.doc_type, REASON_NOT_PLAN.format(kind=doc.doc_type), 0.9))
    if not doc.symbol:
        out.append(Doubt("header", WHERE_HEADER, "", REASON_NO_SYMBOL, 0.3))
    if doc.issued_on is None:
        out.append(Doubt("header", WHERE_HEADER, doc.place, REASON_NO_DATE, 0.4))
    if doc.signature is None:
        out.append(Doubt("signature", WHERE_SIGNATURE, "", REASON_NO_SIGNATURE, 0.3))
    elif doc.signature.joined:
        text = " / ".join(doc.signature.authority_lines)
        out.append(Doubt("signature", WHERE_SIGNATURE, text, REASON_SIGNATURE_JOINED, 0.7))
    if not doc.recipients:
        out.append(Doubt("recipients", WHERE_RECIPIENTS, "", REASON_NO_RECIPIENTS, 0.4))
    for recipient in doc.recipients:
        if recipient.joined:
            out.append(Doubt("recipients", WHERE_RECIPIENTS, recipient.raw, REASON_RECIPIENT_JOINED, 0.7))
    found_task = False
    for section in doc.sections:
        for block, parents in walk(section.blocks):
            if not block.is_task:
                continue
            found_task = True
            if block.confidence < 1.0:
                where = task_where(section.label, parents, block)
                out.append(Doubt("task", where, block.text[:120], block.reason, block.confidence))
    if doc.is_plan and not found_task:
        out.append(Doubt("task", "", "", REASON_NO_TASKS, 0.5))
    for mark in doc.marks:
        if mark.confidence < 1.0:
            out.append(Doubt("mark", mark.where, mark.window.text, mark.reason, mark.confidence))
    return out


__all__ = ["collect", "task_where"]
