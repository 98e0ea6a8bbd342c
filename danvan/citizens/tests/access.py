"""The citizens app's rows of main's access matrix (danvan/site/tests/access), kept here so the app brings
its own: `routes()` for the table in routes.py, `PUBLIC` for its allow-list, `build(o, ...)` for the sides of
world.py.

Not collected by pytest (no test_ prefix) and imported only by the matrix; hooking it in takes one line in
routes.py (`ROUTES.update(citizens_access.routes())`, `PUBLIC.update(citizens_access.PUBLIC)`) and one in
world.py's `build_side` (`citizens_access.build(o, mark=m, ward=ward, below=below, officer=officer)`).
"""

import datetime

from django.core.files.base import ContentFile

PUBLIC = {
    "petition_lookup": "a citizen enters the lookup code given at receipt (the form only)",
    "petition_status": "a petition's status by its unguessable code, nothing else (404 for a wrong code)",
}
ACTIONS = ("assign", "start", "answer", "inform", "close", "escalate")


def routes() -> dict:
    from danvan.site.tests.access.routes import ADMIN_ONLY, LIST, Route, pk

    catalog = {"holder": "admin", "lacking": "ward_officer", "outsider": ADMIN_ONLY}
    return {
        "citizens:home": Route(**LIST),
        "citizens:dialogue_list": Route(query={"year": 2099, "month": 12}, **LIST),
        "citizens:dialogue_new": Route(post=True, **LIST),
        "citizens:dialogue_detail": Route(pk("dialogue")),
        "citizens:dialogue_edit": Route(pk("dialogue"), post=True),
        "citizens:dialogue_petition_add": Route(pk("dialogue"), post=True),
        "citizens:petition_list": Route(**LIST),
        "citizens:petition_overdue": Route(**LIST),
        "citizens:petition_new": Route(post=True, **LIST),
        "citizens:petition_similar": Route(query={"title": "MKA petition"}, **LIST),
        "citizens:petition_detail": Route(pk("petition")),
        "citizens:petition_edit": Route(pk("petition"), post=True),
        "citizens:petition_merge": Route(pk("petition"), post=True),
        "citizens:petition_attach": Route(pk("petition"), post=True),
        "citizens:petition_attachment": Route(
            lambda o: {"pk": o.petition.pk, "attachment_pk": o.petition_attachment.pk}
        ),
        "citizens:petition_action": Route(
            lambda o: [{"pk": o.petition.pk, "action": action} for action in ACTIONS], post=True
        ),
        "citizens:situation_list": Route(**LIST),
        "citizens:situation_new": Route(post=True, **LIST),
        "citizens:situation_detail": Route(pk("situation")),
        "citizens:situation_action": Route(
            lambda o: [{"pk": o.situation.pk, "action": action} for action in ("note", "close", "follow")],
            post=True,
        ),
        "citizens:activity_list": Route(**LIST),
        "citizens:activity_new": Route(post=True, **LIST),
        "citizens:activity_detail": Route(pk("activity")),
        "citizens:recommendation_add": Route(pk("activity"), post=True),
        "citizens:recommendation_action": Route(
            lambda o: [
                {"pk": o.activity.pk, "rec_pk": o.recommendation.pk, "action": action}
                for action in ("answer", "close")
            ],
            post=True,
        ),
        "citizens:propaganda_list": Route(**LIST),
        "citizens:propaganda_new": Route(post=True, **LIST),
        "citizens:slogan_list": Route(**LIST),
        "citizens:slogan_new": Route(post=True, **LIST),
        "citizens:slogan_reuse": Route(pk("slogan"), post=True),
        "citizens:report": Route(**LIST),
        "citizens:settings": Route(**catalog),
        "citizens:field_add": Route(post=True, **catalog),
        "citizens:field_toggle": Route(pk("petition_field"), post=True, **catalog),
        "citizens:rule_edit": Route(pk("deadline_rule"), post=True, **catalog),
    }


def build(o: dict, *, mark: str, ward, below, officer) -> None:
    """One ward's citizens rows, marked: a dialogue with a petition raised there (given to the unit below,
    with a named citizen and a file), a situation report, a supervision with a recommendation, a propaganda
    entry and a slogan."""
    from danvan.citizens.models import (
        DeadlineRule,
        Dialogue,
        Petition,
        PetitionAttachment,
        PetitionCitizen,
        PetitionField,
        PropagandaEntry,
        Recommendation,
        SituationReport,
        Slogan,
        SupervisionActivity,
    )
    from danvan.citizens.models.catalog import ensure_defaults

    m = mark
    ensure_defaults()
    day = datetime.date(2026, 1, 10)
    o["dialogue"] = Dialogue.objects.create(
        organiser=ward,
        topic=f"{m}-dialogue",
        time_start=day,
        time_end=day,
        time_text="10/01/2026",
        status=Dialogue.Status.HELD,
        created_by=officer,
    )
    field = PetitionField.objects.order_by("order").first()
    petition = Petition(
        received_unit=ward,
        title=f"{m}-petition",
        field=field,
        dialogue=o["dialogue"],
        received_on=day,
        responsible_unit=below,
        deadline=day + datetime.timedelta(days=10),
        status=Petition.Status.ASSIGNED,
        created_by=officer,
    )
    petition.save()
    o["petition"] = petition
    PetitionCitizen.objects.create(
        petition=petition, full_name=f"{m}-citizen-name", phone=f"{m}-citizen-phone"
    )
    attachment = PetitionAttachment(petition=petition, name=f"{m}-letter.png", kind="png", added_by=officer)
    attachment.file.save("letter.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32), save=False)
    attachment.save()
    o["petition_attachment"] = attachment
    o["situation"] = SituationReport.objects.create(
        unit=ward, topic=f"{m}-situation", content=f"{m}-situation-content", created_by=officer
    )
    o["activity"] = SupervisionActivity.objects.create(
        unit=ward, title=f"{m}-supervision", created_by=officer
    )
    o["recommendation"] = Recommendation.objects.create(
        activity=o["activity"], addressee=f"{m}-addressee", content=f"{m}-recommendation"
    )
    entry = PropagandaEntry(unit=ward, title=f"{m}-propaganda", created_by=officer)
    entry.save()
    o["propaganda"] = entry
    o["slogan"] = Slogan.objects.create(unit=ward, text=f"{m}-slogan")
    o["petition_field"] = field
    o["deadline_rule"] = DeadlineRule.objects.get(kind="recommendation")
