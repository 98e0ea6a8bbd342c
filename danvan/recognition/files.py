"""Stored files of the movement: exemplar photos and documents, contest entries, medal dossier files."""

from django.db.models import Q

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.files import FileKind, register
from danvan.recognition.models import (
    AppraisalRound,
    Attachment,
    Contest,
    ContestEntry,
    ContestRound,
    Exemplar,
    MedalDossierFile,
    MedalNomination,
)

# --- exemplar attachments ------------------------------------------------------------------------------


def _attachment_rows(user):
    return Attachment.objects.filter(exemplar__in=Exemplar.objects.visible_to(user)).select_related(
        "exemplar__unit"
    )


def _public_photos():
    """Photos marked public, of entries the showcase shows; private photos and documents never."""
    return Attachment.objects.filter(
        kind=Attachment.Kind.PHOTO, is_public=True, exemplar__in=Exemplar.objects.public().values("pk")
    )


EXEMPLAR_ATTACHMENT = register(
    FileKind(
        name="exemplar-attachment",
        model=Attachment,
        field="file",
        rows=_attachment_rows,
        capability=Cap.MOVEMENT_VIEW,
        units=lambda attachment: [attachment.exemplar.unit],
        original_name="name",
        image=lambda attachment: attachment.kind == Attachment.Kind.PHOTO,
        public_rows=_public_photos,
    )
)

# --- contest entries -----------------------------------------------------------------------------------


def _entry_rows(user):
    """Entries of the contests the user sees; before the results are published, a unit that competes sees
    only its own entries (the organisers and the contest's judges see them all)."""
    entries = ContestEntry.objects.filter(contest__in=Contest.objects.visible_to(user)).select_related(
        "contest__owner", "submitted_by"
    )
    if access.sees_everything(user):
        return entries
    paths = access.scope_paths(user)
    judged = ContestRound.judges.through.objects.filter(user_id=user.pk).values("contestround__contest_id")
    return entries.filter(
        access.subtree_q("contest__owner__path", paths)
        | Q(contest_id__in=judged)
        | Q(contest__status=Contest.Status.FINISHED)
        | access.subtree_q("submitted_by__path", paths)
    )


def _may_read_entries(user, entry) -> bool:
    """As the contest's pages: organisers and sending units (they read the movement), and the judges."""
    if access.has_cap(user, Cap.MOVEMENT_VIEW):
        return True
    return access.has_cap(user, Cap.CONTEST_JUDGE) and entry.contest.rounds.filter(judges=user).exists()


CONTEST_ENTRY = register(
    FileKind(
        name="contest-entry",
        model=ContestEntry,
        field="file",
        rows=_entry_rows,
        allow=_may_read_entries,
        original_name="file_name",
    )
)

# --- medal dossiers ------------------------------------------------------------------------------------


def _dossier_rows(user):
    return MedalDossierFile.objects.filter(
        nomination__in=MedalNomination.objects.visible_to(user)
    ).select_related("nomination__unit")


def _may_read_dossier(user, item) -> bool:
    """As the nomination's page: the proposing side and the committee that checks it."""
    unit = item.nomination.unit
    return access.has_cap(user, Cap.MEDAL_PROPOSE, unit) or access.has_cap(user, Cap.MEDAL_REVIEW, unit)


MEDAL_DOSSIER_FILE = register(
    FileKind(
        name="medal-dossier-file",
        model=MedalDossierFile,
        field="file",
        rows=_dossier_rows,
        allow=_may_read_dossier,
        original_name="name",
    )
)

# --- appraisal minutes ---------------------------------------------------------------------------------


def _may_read_minutes(user, round_) -> bool:
    """As the round's page: its organisers and the members of its council."""
    from danvan.recognition.appraisal import policy

    return policy.can_manage(user, round_) or policy.seat_of(user, round_) is not None


APPRAISAL_MINUTES = register(
    FileKind(
        name="appraisal-minutes",
        model=AppraisalRound,
        field="minutes_file",
        rows=lambda user: AppraisalRound.objects.visible_to(user).select_related("owner"),
        allow=_may_read_minutes,
        original_name="minutes_file_name",
    )
)
