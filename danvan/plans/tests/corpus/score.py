"""Score a parsed document against what a reader expects: per element kind, found right / found wrong /
missed / invented. Texts compare on ``vntext.fold`` keys (case, accents and spacing do not count)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from danvan.lib import vntext
from danvan.lib.plandoc import PlanDocument

from .facts import Expected

KINDS = ("doc_type", "symbol", "issued_on", "signer", "recipients", "marks", "tasks", "task_dues", "events")


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    invented: int = 0

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.missed += other.missed
        self.invented += other.invented

    @property
    def expected(self) -> int:
        return self.right + self.wrong + self.missed

    @property
    def rate(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def _f(text: str) -> str:
    return " ".join(vntext.fold(text or "").replace("“", '"').replace("”", '"').split()).strip(" .,;")


def _single(want, got) -> Tally:
    if not want:
        return Tally(invented=1) if got else Tally()
    if not got:
        return Tally(missed=1)
    return Tally(right=1) if want == got else Tally(wrong=1)


def _multiset(want: list, got: list) -> Tally:
    w, g = Counter(want), Counter(got)
    right = sum((w & g).values())
    lost, extra = sum((w - g).values()), sum((g - w).values())
    wrong = min(lost, extra)
    return Tally(right, wrong, lost - wrong, extra - wrong)


def actual_marks(doc: PlanDocument) -> list[tuple]:
    return [(m.window.kind, *_days(m.window)) for m in doc.marks]


def _days(window) -> tuple:
    if window.kind in ("recurring", "relative"):
        return (None, None)
    return (window.start, window.end)


def score(expected: Expected, doc: PlanDocument) -> dict[str, Tally]:
    out = {
        "doc_type": _single(_f(expected.doc_type), _f(doc.doc_type)),
        "symbol": _single(expected.symbol, doc.symbol),
        "issued_on": _single(expected.issued_on, doc.issued_on),
    }
    want_sig = (tuple(map(_f, expected.signer[0])), _f(expected.signer[1])) if expected.signer else None
    got_sig = (
        (tuple(map(_f, doc.signature.authority_lines)), _f(doc.signature.signer_name))
        if doc.signature
        else None
    )
    out["signer"] = _single(want_sig, got_sig)
    out["recipients"] = _multiset([_f(r) for r in expected.recipients], [_f(r.name) for r in doc.recipients])
    out["marks"] = _multiset(list(expected.marks), actual_marks(doc))
    tally, dues = Tally(), Tally()
    blocks = doc.tasks()
    found = [(_f(b.text), tuple(sorted(_f(x) for x in (b.leads or [b.lead])))) for b in blocks]
    used: set[int] = set()
    for n, (key, leads) in enumerate(expected.tasks):
        want = tuple(sorted(_f(x) for x in leads))
        want_due = expected.task_dues[n] if n < len(expected.task_dues) else None
        hit = next((k for k, (text, _) in enumerate(found) if k not in used and key in text), None)
        if hit is None:
            tally.missed += 1
            dues.missed += 1 if want_due else 0
            continue
        used.add(hit)
        if found[hit][1] == want:
            tally.right += 1
        else:
            tally.wrong += 1
        if want_due:
            got_due = blocks[hit].due
            got = (got_due.kind, *_days(got_due)) if got_due else None
            dues.add(_single(want_due, got))
    tally.invented = len(found) - len(used)
    out["tasks"] = tally
    out["task_dues"] = dues
    # several events in one plan: each one found counts (a plan with one event or none expects none here)
    got = len(doc.events) if len(doc.events) > 1 else 0
    right = min(expected.events, got)
    out["events"] = Tally(right=right, missed=expected.events - right, invented=got - right)
    return out


def details(expected: Expected, doc: PlanDocument) -> dict:
    """What went wrong, for a reader of the benchmark's details file."""
    want_tasks = {key: leads for key, leads in expected.tasks}
    return {
        "symbol": [expected.symbol, doc.symbol],
        "issued_on": [str(expected.issued_on), str(doc.issued_on)],
        "signer": [
            expected.signer,
            [*doc.signature.authority_lines, doc.signature.signer_name] if doc.signature else None,
        ],
        "recipients": [expected.recipients, [r.name for r in doc.recipients]],
        "marks": [[str(m) for m in expected.marks], [str(m) for m in actual_marks(doc)]],
        "tasks": [
            {k: list(v) for k, v in want_tasks.items()},
            [[b.text[:60], b.leads or [b.lead]] for b in doc.tasks()],
        ],
    }


def parse(doc) -> PlanDocument:
    from danvan.plans.parsing import parse_docx, parse_text

    return parse_docx(doc.docx) if doc.docx is not None else parse_text(doc.text)


def run(docs=None) -> tuple[dict[str, Tally], dict[str, dict]]:
    """Totals per element kind over the corpus, and per document what went wrong."""
    from danvan.plans.parsing import PlanParseError

    from . import documents

    totals = {k: Tally() for k in KINDS}
    per_doc: dict[str, dict] = {}
    for doc in docs if docs is not None else documents():
        try:
            parsed = parse(doc)
        except PlanParseError as error:
            per_doc[doc.name] = {"refused": error.message}
            empty = PlanDocument(doc_type="", type_code="")
            for kind, tally in score(doc.expected, empty).items():
                totals[kind].add(tally)
            continue
        scores = score(doc.expected, parsed)
        for kind, tally in scores.items():
            totals[kind].add(tally)
        wrong = {k: vars(t) for k, t in scores.items() if t.wrong or t.missed or t.invented}
        if wrong:
            per_doc[doc.name] = {"scores": wrong, "details": details(doc.expected, parsed)}
    return totals, per_doc


def table(totals: dict[str, Tally]) -> str:
    lines = [
        f"{'element':<12} {'expected':>8} {'right':>6} {'wrong':>6} {'missed':>6} {'invented':>8} {'rate':>6}"
    ]
    for kind, t in totals.items():
        lines.append(
            f"{kind:<12} {t.expected:>8} {t.right:>6} {t.wrong:>6} {t.missed:>6} {t.invented:>8}"
            f" {t.rate:>6.1%}"
        )
    return "\n".join(lines)
