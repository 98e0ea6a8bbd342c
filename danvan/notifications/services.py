"""The only place that sends mail: in-product notices and e-mail to the people of a unit."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from danvan.accounts.models import RoleAssignment, User

from .models import Notice

log = logging.getLogger(__name__)


def people_of(unit) -> list[User]:
    """Active users holding a role on the unit itself (its focal points, officers, leaders)."""
    ids = RoleAssignment.objects.filter(unit=unit).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids, is_active=True))


def notify_units(units, *, subject: str, body: str, url: str = "") -> int:
    """A notice to each user of each unit, and one e-mail per unit (to its and its users' addresses)."""
    notices, mails = [], []
    for unit in units:
        users = people_of(unit)
        notices += [Notice(user=user, title=subject[:255], body=body, url=url) for user in users]
        addresses = sorted({a for a in [unit.email, *(u.email for u in users)] if a})
        if addresses:
            mails.append((subject, f"{body}\n\n{url}".strip(), settings.DEFAULT_FROM_EMAIL, addresses))
    Notice.objects.bulk_create(notices)
    if mails:
        # Mail leaves after the data is committed: a rolled-back reminder sends nothing.
        transaction.on_commit(lambda: _send(mails))
    return len(notices)


def notify_users(users, *, subject: str, body: str, url: str = "") -> int:
    """An in-product notice to each of `users` (no e-mail: callers that have addresses use email_people)."""
    made = Notice.objects.bulk_create(
        Notice(user=user, title=subject[:255], body=body, url=url) for user in users
    )
    return len(made)


def _send(mails) -> None:
    try:
        send_mass_mail(mails, fail_silently=False)
    except Exception:  # a mail server outage must not break the product; the notices are already there
        log.exception("sending %s reminder e-mails failed", len(mails))


def unread_count(user) -> int:
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def email_people(messages: list[tuple[str, str, list[str]]]) -> int:
    """Send (subject, body, addresses) e-mails after commit; returns how many will go."""
    mails = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
        for subject, body, addresses in messages
        if addresses
    ]
    if mails:
        transaction.on_commit(lambda: _send(mails))
    return len(mails)
