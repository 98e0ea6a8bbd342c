"""Composition groups (thành phần) and who is invited into them: by the organiser from the register, or
named by the unit a group is handed to."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import DelegateGroup, Event, Invitation
from danvan.lib import vntext
from danvan.org.models import Unit


@transaction.atomic
def group_save(
    *,
    actor,
    event: Event,
    label: str,
    quota: int | None = None,
    nominating_unit: Unit | None = None,
    nomination_deadline=None,
    group: DelegateGroup | None = None,
) -> DelegateGroup:
    policy.require_manage(actor, event)
    label = vntext.clean_text(label)
    if not label:
        raise ServiceError(_("Hãy ghi tên thành phần."), field="label")
    if group is not None:
        group = _locked_group(group)  # an invitation made meanwhile cannot slip under the new quota
        taken = _taken(group)
        if quota is not None and taken > quota:
            raise ServiceError(
                _("Thành phần này đã mời %(n)s người: số suất không thể ít hơn %(n)s (vừa nhập %(q)s).")
                % {"n": taken, "q": quota},
                field="quota",
            )
    group = group or DelegateGroup(event=event, order=event.groups.count())
    group.label, group.quota = label[:500], quota
    group.nominating_unit, group.nomination_deadline = nominating_unit, nomination_deadline
    group.save()
    audit.record(
        actor=actor,
        verb="save",
        obj=event,
        summary=_("Lưu thành phần «%(l)s»") % {"l": label[:100]},
        unit_path=event.organiser.path,
    )
    return group


def _locked_group(group: DelegateGroup) -> DelegateGroup:
    return DelegateGroup.objects.select_for_update().get(pk=group.pk)


def _taken(group: DelegateGroup) -> int:
    """Seats taken: everyone invited into the group but those who declined."""
    return group.invitations.exclude(status=Invitation.Status.DECLINED).count()


def _check_quota(group: DelegateGroup, adding: int) -> None:
    if group.quota is None:
        return
    taken = _taken(group)
    if taken + adding > group.quota:
        raise ServiceError(
            _(
                "Thành phần «%(label)s» chỉ có %(quota)s suất, đã mời %(taken)s: không mời thêm %(n)s "
                "người được."
            )
            % {"label": group.label[:80], "quota": group.quota, "taken": taken, "n": adding}
        )


def new_invitation(event: Event, group: DelegateGroup | None, **fields) -> Invitation:
    """An unsaved invitation with its name cleaned and its search/sort columns filled (bulk_create skips
    save(), so the row's refresh_derived runs here)."""
    invitation = Invitation(event=event, group=group, **fields)
    invitation.name = vntext.clean_text(invitation.name)
    invitation.refresh_derived()
    return invitation


@transaction.atomic
def invite_people(*, actor, event: Event, group: DelegateGroup, people) -> list[Invitation]:
    policy.require_manage(actor, event)
    policy.require_open(event)
    group = _locked_group(group)
    already = set(event.invitations.filter(person__in=people).values_list("person_id", flat=True))
    fresh = [p for p in people if p.pk not in already]
    _check_quota(group, len(fresh))
    made = Invitation.objects.bulk_create(
        [
            new_invitation(
                event,
                group,
                person=p,
                name=p.full_name,
                title=p.title,
                unit_name=p.unit.name,
                email=p.email,
                phone=p.phone,
            )
            for p in fresh
        ]
    )
    audit.record(
        actor=actor,
        verb="invite",
        obj=event,
        unit_path=event.organiser.path,
        summary=_("Mời %(n)s đại biểu vào «%(g)s»") % {"n": len(made), "g": group.label[:80]},
    )
    return made


@transaction.atomic
def invite_unit(*, actor, event: Event, group: DelegateGroup, unit: Unit) -> list[Invitation]:
    """Everyone the actor may see in `unit` and below, into `group` at once: all of them within the
    group's seats, or none (invite_people refuses before writing a row)."""
    from danvan.org.selectors import people_for

    people = list(people_for(actor, unit=unit))
    if not people:
        raise ServiceError(_("Đơn vị «%(u)s» chưa có cán bộ nào trong danh sách.") % {"u": unit.name[:80]})
    return invite_people(actor=actor, event=event, group=group, people=people)


@transaction.atomic
def nominate(
    *, actor, group: DelegateGroup, name: str, title: str = "", email: str = "", phone: str = ""
) -> Invitation:
    """A unit asked to send delegates names one, before the deadline, within the group's seats."""
    group = _locked_group(group)
    event = group.event
    policy.require_nominating_unit(actor, group)
    unit = group.nominating_unit
    policy.require_open(event)
    policy.require_nomination_open(group)
    if not vntext.clean_text(name):
        raise ServiceError(_("Hãy ghi họ và tên đại biểu."), field="name")
    _check_quota(group, 1)
    invitation = new_invitation(
        event,
        group,
        name=name,
        title=vntext.clean_text(title),
        unit_name=unit.name,
        email=email.strip().lower(),
        phone=vntext.clean_text(phone),
        nominated_by=unit,
    )
    invitation.save()
    audit.record(
        actor=actor,
        verb="nominate",
        obj=event,
        unit_path=unit.path,
        summary=_("Cử đại biểu %(name)s") % {"name": invitation.name},
    )
    return invitation
