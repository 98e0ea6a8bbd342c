"""Write a base document's facts as text in several layouts, and derive what a reader expects to find.

A document is first written as tagged segments (one paragraph or table row each, tagged with the fact it
carries); a variant then re-lays the segments out (hard wraps, PDF copy, markdown, footnotes, truncation)
without touching the facts, so the expectation of every variant follows from the same facts."""

from __future__ import annotations

from danvan.lib import vntext

from .facts import Event, Expected, Facts, Task, Timed
from .layouts import (  # noqa: F401 (the layouts are reached through this module too)
    TEXT_VARIANTS,
    Seg,
    docx_bytes,
    footnoted,
    layout_text,
    markdown,
    narrow,
    pdf_copy,
    plain,
    web_title,
    wrapped,
)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
TABLE_HEAD = [
    "TT",
    "Nội dung công việc",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Kết quả",
]
TASK_KEY_WORDS = 6


def _date_line(f: Facts, blank_day: bool = False) -> str:
    day = f.issued_on
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    dd = "     " if blank_day else f"{day.day:02d}"
    return f"{f.place}, ngày {dd} tháng {month} năm {day.year}"


def _symbol_line(f: Facts) -> str:
    return f"Số {f.symbol}" if f.style == "party" else f"Số: {f.symbol}"


def header(f: Facts, *, blank_day: bool = False) -> list[Seg]:
    national = (
        ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        if f.style == "party"
        else ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    )
    lines = [f.superior, *f.issuer.split("\n")]
    if f.style == "party":
        lines.append("*")
    lines += [_symbol_line(f), *national, _date_line(f, blank_day)]
    return [Seg(t, ("head",), gap=False, kind="head") for t in lines]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join_units(units: list[str]) -> str:
    return ("; " if any("," in u for u in units) else ", ").join(units)


def task_segments(task: Task, index: int, label: str, layout: str) -> list[Seg]:
    tag = ("task", index)
    if layout == "prose":
        partners = f", phối hợp với {_join_units(task.partners)}" if task.partners else ""
        text = f"{label} {_join_units(task.leads)} chủ trì{partners} {task.what}"
        if task.due_text:
            text += f"; thời gian thực hiện: {task.due_text}"
        return [Seg(text + ".", tag)]
    segs = [Seg(f"{label} {_cap(task.what)}.", tag)]
    segs.append(Seg(f"- Đơn vị chủ trì: {_join_units(task.leads)}.", tag, gap=False, kind="label"))
    if task.partners:
        segs.append(Seg(f"- Đơn vị phối hợp: {_join_units(task.partners)}.", tag, gap=False, kind="label"))
    if task.due_text:
        segs.append(Seg(f"- Thời gian hoàn thành: {task.due_text}.", tag, gap=False, kind="label"))
    return segs


def task_table(tasks: list[tuple[int, Task]]) -> list[Seg]:
    segs = [Seg("\t".join(TABLE_HEAD), ("table",), row=TABLE_HEAD)]
    for n, (index, task) in enumerate(tasks, 1):
        cells = [
            str(n),
            _cap(task.what),
            _join_units(task.leads),
            _join_units(task.partners),
            task.due_text,
            task.result,
        ]
        segs.append(Seg("\t".join(cells), ("task", index), row=cells, gap=False))
    return segs


def event_segments(event: Event, index: int, label: str, inline: bool) -> list[Seg]:
    tag = ("event", index)
    latest = f" ({event.latest_text})" if event.latest_text else ""
    if inline:
        text = f"{label} {event.name}: {event.when_text}{latest}, tại {event.venue}."
        return [Seg(text, tag)]
    return [
        Seg(f"{label} {event.name}", tag),
        Seg(f"- Thời gian: {event.when_text}{latest}.", tag, gap=False, kind="label"),
        Seg(f"- Địa điểm: {event.venue}.", tag, gap=False, kind="label"),
    ]


def body(f: Facts, *, task_layout: str, inline_events: bool = False) -> list[Seg]:
    segs = [Seg(f.doc_type, ("type",), kind="type"), Seg(f.title, ("title",), gap=False), Seg(f.preamble)]
    counters = {"task": 0, "event": 0, "timed": 0}
    for k, section in enumerate(f.sections):
        if f.heading_style == "arabic":
            heading, labels = f"{k + 1}. {section.title}", [f"{chr(97 + n)})" for n in range(26)]
        else:
            sep = "-" if f.heading_style == "roman-dash" else "."
            heading, labels = f"{ROMAN[k]}{sep} {section.title}", [f"{n}." for n in range(1, 30)]
        segs.append(Seg(heading, ("heading",), kind="heading"))
        tasks = [it for it in section.items if isinstance(it, Task)]
        if tasks and task_layout == "table":
            first = counters["task"]
            segs.append(Seg("Phân công nhiệm vụ cụ thể như sau:"))
            segs += task_table(list(enumerate(tasks, first)))
            counters["task"] += len(tasks)
        n = 0
        for item in section.items:
            if isinstance(item, Task):
                if task_layout == "table":
                    continue
                segs += task_segments(item, counters["task"], labels[n], task_layout)
                counters["task"] += 1
            elif isinstance(item, Event):
                segs += event_segments(item, counters["event"], labels[n], inline_events)
                counters["event"] += 1
            elif isinstance(item, Timed):
                segs.append(Seg(f"{labels[n]} {item.text}", ("timed", counters["timed"])))
                counters["timed"] += 1
            elif isinstance(item, list):
                segs += [Seg(f"- {text}", gap=False) for text in item]
                continue
            else:
                segs.append(Seg(f"{labels[n]} {item}" if section.numbered else item))
            n += 1
    segs.append(Seg(f.closing + "/.", ("closing",)))
    return segs


def tail(f: Facts, *, signature_first: bool = False) -> list[Seg]:
    rec = [Seg("Nơi nhận:", ("recipients",), kind="label")]
    rec += [Seg(f"- {line}", ("recipients",), gap=False) for line, _ in f.recipients]
    sig = [Seg(a, ("signature",), gap=False, kind="head") for a in f.authority]
    sig[0].gap = True
    sig += [Seg("(Đã ký)", ("signature",), gap=False), Seg(f.signer, ("signature",), kind="name")]
    return sig + rec if signature_first else rec + sig


ALT_LAYOUT = {"prose": "labelled", "labelled": "table", "table": "prose"}


def segments(f: Facts, variant: str, *, task_layout: str = "") -> list[Seg]:
    layout = task_layout or (ALT_LAYOUT[f.task_layout] if variant == "alt" else f.task_layout)
    segs = (
        header(f, blank_day=variant == "blankday")
        + body(f, task_layout=layout, inline_events=variant == "alt")
        + tail(f, signature_first=variant == "alt")
    )
    if variant == "truncated":
        last_task = max((i for i, s in enumerate(segs) if s.tag[:1] == ("task",)), default=len(segs) // 2)
        first_of_last = next(i for i, s in enumerate(segs) if s.tag == segs[last_task].tag)
        segs = segs[:first_of_last]
    return segs


# ---------------------------------------------------------------------------------------------
# What a reader expects


def task_key(text: str) -> str:
    return " ".join(vntext.fold(text).split()[:TASK_KEY_WORDS])


def expected(f: Facts, segs: list[Seg], variant: str) -> Expected:
    tags = {s.tag for s in segs}
    tasks = [t for i, t in enumerate(f.tasks()) if ("task", i) in tags]
    events = [e for i, e in enumerate(f.events()) if ("event", i) in tags]
    timed = [it for s in f.sections for it in s.items if isinstance(it, Timed)]
    timed = [t for i, t in enumerate(timed) if ("timed", i) in tags]
    marks = [m for t in timed for m in t.marks]
    for e in events:
        marks.append(e.when)
        if e.latest:
            marks.append(e.latest)
    marks += [t.due for t in tasks if t.due]
    signed = ("signature",) in tags
    return Expected(
        doc_type=f.doc_type,
        symbol=f.symbol,
        issued_on=None if variant == "blankday" else f.issued_on,
        signer=(tuple(f.authority), f.signer) if signed else None,
        recipients=[name for _, name in f.recipients] if ("recipients",) in tags else [],
        marks=marks,
        tasks=[(task_key(t.what), tuple(t.leads)) for t in tasks],
        events=len(events),
        task_dues=[t.due for t in tasks],
    )
