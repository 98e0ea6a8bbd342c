"""The propaganda log and the slogan library."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ..models import PropagandaEntry, Slogan

TEXT_FIELDS = ("title", "campaign", "outlet")


@transaction.atomic
def entry_save(
    *,
    actor,
    unit,
    kind: str,
    title: str,
    published_on=None,
    plan=None,
    exemplar=None,
    campaign: str = "",
    outlet: str = "",
    link: str = "",
    views=None,
    shares=None,
    copies=None,
    entry: PropagandaEntry | None = None,
    expected_version: int | None = None,
) -> PropagandaEntry:
    access.require(actor, Cap.PROPAGANDA_LOG, unit if entry is None else entry.unit)
    title = vntext.clean_text(title)[:500]
    if not title:
        raise ServiceError(_("Hãy ghi tiêu đề, nội dung tuyên truyền."), field="title")
    published_on = published_on or timezone.localdate()
    if published_on > timezone.localdate():
        raise ServiceError(_("Ngày đăng, phát không thể ở tương lai."), field="published_on")
    if not plan and not vntext.clean_text(campaign):
        campaign = ""
    creating = entry is None
    entry = entry or PropagandaEntry(unit=unit, created_by=actor)
    entry.kind, entry.title, entry.published_on, entry.plan, entry.exemplar = (
        kind,
        title,
        published_on,
        plan,
        exemplar,
    )
    entry.campaign, entry.outlet = vntext.clean_text(campaign)[:255], vntext.clean_text(outlet)[:255]
    entry.link, entry.views, entry.shares, entry.copies = link.strip()[:500], views, shares, copies
    entry.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=entry,
        summary=_("Ghi hoạt động tuyên truyền"),
        unit_path=entry.unit.path,
    )
    return entry


@transaction.atomic
def slogan_save(*, actor, unit, text: str, campaign: str = "", year=None, plan=None) -> Slogan:
    access.require(actor, Cap.PROPAGANDA_LOG, unit)
    text = vntext.clean_text(text)[:500]
    if not text:
        raise ServiceError(_("Hãy ghi khẩu hiệu."), field="text")
    folded = vntext.fold(text)
    if Slogan.objects.filter(unit=unit, search_text__startswith=folded).exists():
        raise ServiceError(_("Khẩu hiệu này đã có trong thư viện của đơn vị."), field="text")
    slogan = Slogan.objects.create(
        unit=unit,
        text=text,
        campaign=vntext.clean_text(campaign)[:255],
        year=year or timezone.localdate().year,
        plan=plan,
    )
    audit.record(actor=actor, verb="create", obj=slogan, summary=_("Thêm khẩu hiệu"), unit_path=unit.path)
    return slogan


@transaction.atomic
def slogan_reuse(*, actor, slogan: Slogan, unit, copies=None, campaign: str = "") -> PropagandaEntry:
    """A slogan of the library put up again: logged as a propaganda entry, counted in the library."""
    entry = entry_save(
        actor=actor,
        unit=unit,
        kind=PropagandaEntry.Kind.SLOGAN,
        title=slogan.text,
        campaign=campaign or slogan.campaign,
        plan=slogan.plan,
        copies=copies,
    )
    Slogan.objects.filter(pk=slogan.pk).update(times_used=F("times_used") + 1)
    return entry
