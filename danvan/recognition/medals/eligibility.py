"""The automatic check of a nomination against the rules in force for its group: each rule gives pass,
fail or unknown (unknown where the nomination lacks the data the rule asks for). Writes nothing."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import MedalNomination, MedalRule
from .selectors import rules_for

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
RESULT_LABELS = {PASS: "Đạt", FAIL: "Không đạt", UNKNOWN: "Chưa đủ dữ liệu"}


@dataclass(frozen=True)
class Facts:
    years: int | None
    years_text: str  # where the number of years comes from
    has_discipline: bool | None
    discipline_note: str


def facts_of(nomination: MedalNomination, *, year: int) -> Facts:
    if nomination.years_in_work is not None:
        return Facts(
            nomination.years_in_work,
            _("theo kê khai"),
            nomination.has_discipline,
            nomination.discipline_note,
        )
    if nomination.start_year and nomination.start_year <= year:
        return Facts(
            year - nomination.start_year,
            _("tính từ năm bắt đầu %(start)s đến năm %(year)s")
            % {"start": nomination.start_year, "year": year},
            nomination.has_discipline,
            nomination.discipline_note,
        )
    return Facts(None, "", nomination.has_discipline, nomination.discipline_note)


def _years_check(rule: MedalRule, facts: Facts) -> dict:
    if facts.years is None:
        return {
            "criterion": "years",
            "result": UNKNOWN,
            "reason": _(
                "Chưa có số năm làm công tác dân vận (hoặc năm bắt đầu) để đối chiếu với mức tối thiểu "
                "%(min)s năm."
            )
            % {"min": rule.min_years},
        }
    values = {"years": facts.years, "min": rule.min_years, "source": facts.years_text}
    if facts.years >= rule.min_years:
        return {
            "criterion": "years",
            "result": PASS,
            "reason": _("Có %(years)s năm làm công tác dân vận (%(source)s), đạt mức tối thiểu %(min)s năm.")
            % values,
        }
    return {
        "criterion": "years",
        "result": FAIL,
        "reason": _(
            "Có %(years)s năm làm công tác dân vận (%(source)s), chưa đủ mức tối thiểu %(min)s năm "
            "(còn thiếu %(missing)s năm)."
        )
        % {**values, "missing": rule.min_years - facts.years},
    }


def _discipline_check(facts: Facts) -> dict:
    if facts.has_discipline is None:
        return {
            "criterion": "discipline",
            "result": UNKNOWN,
            "reason": _("Chưa rõ người được đề nghị có bị kỷ luật hay không."),
        }
    if facts.has_discipline:
        note = f" ({facts.discipline_note})" if facts.discipline_note else ""
        return {
            "criterion": "discipline",
            "result": FAIL,
            "reason": _("Đã bị kỷ luật%(note)s: tiêu chí loại trừ trường hợp bị kỷ luật.") % {"note": note},
        }
    return {"criterion": "discipline", "result": PASS, "reason": _("Không bị kỷ luật.")}


def _combine(results: list[str]) -> str:
    if FAIL in results:
        return FAIL
    if UNKNOWN in results or not results:
        return UNKNOWN
    return PASS


def evaluate(
    nomination: MedalNomination, *, rules: list[MedalRule] | None = None, year: int | None = None
) -> dict:
    """Check a nomination against every active rule of its group; writes nothing.

    Each rule gives pass, fail or unknown (unknown where the nomination lacks the data the rule asks for);
    the overall result is fail if any rule fails, else unknown if any is unknown or no rule applies."""
    year = year or timezone.localdate().year
    rules = rules_for(nomination.group) if rules is None else rules
    facts = facts_of(nomination, year=year)
    results = []
    for rule in rules:
        parts = []
        if rule.min_years is not None:
            parts.append(_years_check(rule, facts))
        if rule.requires_no_discipline:
            parts.append(_discipline_check(facts))
        results.append(
            {
                "rule_id": rule.pk,
                "rule": rule.name,
                "rule_version": rule.version,
                "min_years": rule.min_years,
                "requires_no_discipline": rule.requires_no_discipline,
                "result": _combine([p["result"] for p in parts]),
                "details": parts,
            }
        )
    summary = ""
    if not rules:
        summary = _(
            "Chưa có tiêu chí nào đang áp dụng cho nhóm «%(group)s»: cần quản trị viên bổ sung tiêu chí "
            "trước khi đối chiếu."
        ) % {"group": nomination.group}
    return {
        "at": timezone.now().isoformat(timespec="seconds"),
        "year": year,
        "group": nomination.group,
        "overall": _combine([r["result"] for r in results]),
        "summary": summary,
        "rules": results,
    }


def checks_text(checks: dict) -> str:
    """One line per rule, for the export and the history: «Tên tiêu chí: Đạt — lý do; lý do»."""
    if not checks:
        return ""
    lines = [checks["summary"]] if checks.get("summary") else []
    for rule in checks.get("rules", []):
        reasons = "; ".join(d["reason"] for d in rule.get("details", []))
        lines.append(f"{rule['rule']}: {RESULT_LABELS.get(rule['result'], rule['result'])} — {reasons}")
    return "\n".join(lines)
