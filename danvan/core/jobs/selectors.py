"""Reads of document jobs for pages."""

from django.db import models

from .models import DocumentJob

RECENT = 8


def jobs_for(user, subject: models.Model, *, limit: int = RECENT) -> list[DocumentJob]:
    """The user's latest jobs about ``subject`` (an event, a plan), newest first."""
    return list(DocumentJob.objects.visible_to(user).filter(owner=user).for_subject(subject)[:limit])
