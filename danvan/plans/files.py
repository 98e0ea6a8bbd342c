"""Stored files of plans: the evidence attached to a task's progress note."""

from danvan.core.access import Cap
from danvan.core.files import FileKind, register
from danvan.plans.models import Task, TaskNote


def _evidence_rows(user):
    return TaskNote.objects.filter(task__in=Task.objects.visible_to(user)).exclude(evidence="")


def _task_units(note):
    task = note.task
    return [task.plan.issuing_unit, task.lead_unit, *task.partner_units.all()]


TASK_EVIDENCE = register(
    FileKind(
        name="task-evidence",
        model=TaskNote,
        field="evidence",
        rows=_evidence_rows,
        capability=Cap.PLAN_VIEW,
        units=_task_units,
        original_name="evidence_name",
        image=lambda note: note.evidence.name.lower().endswith((".jpg", ".jpeg", ".png", ".webp")),
    )
)

# Evidence of work done: photos, Word/Excel files, PDF scans of minutes.
EVIDENCE_KINDS = ("image", "docx", "xlsx", "pdf")


def vet_evidence(upload):
    from danvan.core.files.vetting import vet

    return vet(upload, allowed=EVIDENCE_KINDS, field="evidence")
