"""The access table: every named route, what fills its URL, who holds the capability it guards, who in scope
lacks it, and whether it writes. `test_matrix.py` walks it against the URLconf.

A new view: add its route here (the defaults say "the ward officer may, the council member may not, the
outsider gets 404"), and the object it needs to world.py if none fits; a public one goes in PUBLIC."""

from collections.abc import Callable
from dataclasses import dataclass, field

# Routes anyone may open without logging in, or that every logged-in user may open whatever their roles.
# Each is checked by a test of its own below the matrix (public pages must not show what is not public).
PUBLIC = {
    "accounts:login": "the login page",
    "accounts:logout": "logging out (POST) is for whoever is logged in",
    "accounts:password_change": "every logged-in user changes their own password",
    "core:healthz": "load balancer probe, answers 'ok' and nothing else",
    "core:favicon": "the site's icon (a redirect to a static file)",
    "rsvp": "an invitee answers through the secret token in their letter (no account)",
    "plans:calendar_feed": "iCal feed: the signed token is the credential (tested in test_calendar_feed.py)",
    "showcase:list": "public showcase of recognised models",
    "showcase:detail": "public showcase: one recognised model",
    "showcase:photo": "public showcase: a public photo of a recognised model",
}


def stored(fieldfile) -> bytes:
    with fieldfile.storage.open(fieldfile.name, "rb") as handle:
        return handle.read()


NONE = frozenset({404})
EVERYONE = ("admin", "holder", "lacking", "outsider", "stranger", "anonymous")


def file_rows(o):
    """Ward A's stored files, one or more rows of every kind of the one file door:
    (kind, row, field, picture, what the in-scope user without the right gets: 403, None when the cast has
    nobody in scope without it, 404 when the row is someone else's own)."""
    return [
        ("task-evidence", o.evidence, "evidence", True, 403),
        ("consolidation", o.job, "file", False, 403),
        ("presentation", o.presentation, "file", False, 403),
        ("exemplar-attachment", o.attachment, "file", True, 403),
        ("exemplar-attachment", o.public_photo, "file", True, 403),
        ("exemplar-attachment", o.public_document, "file", False, 403),
        ("contest-entry", o.contest_entry, "file", False, None),  # the council member judges it
        ("contest-entry", o.team_entry, "file", False, 403),  # ... but not the race
        ("medal-dossier-file", o.dossier, "file", False, 403),
        ("document-job", o.document_job, "result", False, 404),  # the officer's own job
    ]


def file_variants(o, *, thumbnail: bool):
    """files:download / files:thumbnail for every kind. A variant may carry "_expect" (role -> codes,
    overriding the table) and "_body" (what a 200 must carry: the stored bytes, or b"\xff\xd8" = a JPEG
    thumbnail, a prefix)."""
    variants = []
    for kind, row, field_name, picture, lacking in file_rows(o):
        variant = {"kind": kind, "pk": row.pk, "_expect": {}}
        if lacking is None:
            variant["_lacking"] = None
        elif lacking != 403:
            variant["_expect"]["lacking"] = frozenset({lacking})
        if thumbnail and not picture:
            variant["_expect"] |= {"admin": NONE, "holder": NONE}  # a thumbnail is a picture's only
        else:
            variant["_body"] = b"\xff\xd8" if thumbnail else stored(getattr(row, field_name))
        variants.append(variant)
    return variants


def public_variants(o, *, thumbnail: bool):
    """files:public / files:public_thumbnail: the public photo of a recognised model, to anyone; every
    other row of every kind (documents, private photos, photos of models not recognised) to nobody."""
    variants = [
        {
            "kind": "exemplar-attachment",
            "pk": o.public_photo.pk,
            "_public": True,
            "_expect": dict.fromkeys(EVERYONE, frozenset({200})),
            "_body": b"\xff\xd8" if thumbnail else stored(o.public_photo.file),
        }
    ]
    for kind, row, _field, _picture, _lacking in file_rows(o):
        if row != o.public_photo:
            variants.append({"kind": kind, "pk": row.pk, "_expect": dict.fromkeys(EVERYONE, NONE)})
    variants.append(
        {"kind": "exemplar-attachment", "pk": o.private_photo.pk, "_expect": dict.fromkeys(EVERYONE, NONE)}
    )
    return variants


@dataclass(frozen=True)
class Route:
    """kwargs(o) builds the URL's arguments from ward A's objects `o`; it may return a list of variants.

    holder: an in-scope user holding the capability (must get 200/302/405 like the administrator);
    lacking: an in-scope user without it (must get 403), or None when no such user exists in the cast;
    listing: a page without an object: the outsider gets 200 and its body is scanned for ward A's markers;
    outsider: what the officer of ward B gets for ward A's object (default 404: out of scope);
    stranger: the same for the agency's focal point, out of scope and without most capabilities: 404 for an
      object whatever the user holds (a list page: 200 or 403); by default what the outsider gets;
    post: a write route, also POSTed with an empty body (a GET of a POST-only route may answer 405 to anyone);
    admin: what the administrator gets when a rule beyond the capability applies (the addressee, the judge);
      by default the same as the holder;
    holder_post: what the holder and the administrator get for the empty POST.
    A variant may carry "_holder" / "_lacking" keys overriding the route's users for that variant, "_expect"
    (role -> codes) overriding what a role gets, "_body" (the bytes a 200 must start with: a file door's
    answer carries the stored file) and "_public" (a public picture: the outsider's 200 is no leak).
    """

    kwargs: Callable = lambda o: {}
    holder: str = "ward_officer"
    lacking: str | None = "ward_council_member"
    listing: bool = False
    outsider: frozenset = frozenset({404})
    stranger: frozenset | None = None
    post: bool = False
    query: dict = field(default_factory=dict)
    admin: frozenset | None = None
    holder_post: frozenset = frozenset({200, 302})


def pk(name):
    return lambda o: {"pk": o.objects[name].pk}


def indicator_and_unit(o):
    """An indicator of the shared catalogue (seeded by migration), seen for ward A's unit."""
    from django.apps import apps

    return {"pk": apps.get_model("reporting", "Indicator").objects.first().pk, "unit_pk": o.unit.pk}


ADMIN_ONLY = frozenset({403})  # an officer of another ward lacks the capability anywhere: 403 says nothing
LIST = {"listing": True, "outsider": frozenset({200}), "stranger": frozenset({200, 403})}

# The event's documents (the PDF letters are covered by the same check as giay-moi.docx).
DOCUMENTS = (
    "giay-moi.docx",
    "the-ten.docx",
    "danh-sach.xlsx",
    "danh-sach.docx",
    "ky-yeu.docx",
    "bao-cao.docx",
)

ROUTES: dict[str, Route] = {
    # Added with the events and recognition work of issue 13.
    "events:group_edit": Route(lambda o: {"pk": o.event.pk, "group_pk": o.group.pk}, post=True),
    "recognition:exemplar_publish": Route(pk("exemplar"), post=True),
    "recognition:stats_export": Route(**LIST),
    "recognition:round_result": Route(pk("round"), lacking=None),
    # accounts: users and roles are the system administrator's.
    "accounts:assignment_revoke": Route(
        pk("assignment"),
        holder="admin",
        lacking="ward_officer",
        outsider=ADMIN_ONLY,
        post=True,
    ),
    "accounts:user_create": Route(holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY, post=True),
    "accounts:user_detail": Route(
        lambda o: {"pk": o.officer.pk}, holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY
    ),
    "accounts:user_list": Route(holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY),
    # site
    "core:about": Route(lacking=None, **LIST),
    "core:audit_log": Route(**LIST),
    "core:history": Route(
        lambda o: [
            # a council member sees units (UNIT_VIEW), not people nor the registry of models
            {"model_name": "unit", "pk": o.unit.pk, "_lacking": None},
            {"model_name": "person", "pk": o.person.pk},
            {"model_name": "exemplar", "pk": o.exemplar.pk},
        ]
    ),
    "core:home": Route(lacking=None, **LIST),
    # the leaders' dashboard: the user's own subtree, and a unit of it (drill-down; outside it: 404)
    "core:dashboard": Route(**LIST),
    "core:dashboard_export": Route(**LIST),
    "core:dashboard_unit": Route(pk("unit")),
    "core:dashboard_unit_export": Route(pk("unit")),
    "core:search": Route(lacking=None, query={"q": "MKA"}, **LIST),
    # events
    "events:calendar": Route(query={"y": 2099, "m": 12}, **LIST),
    "events:ical": Route(**LIST),
    "events:event_list": Route(**LIST),
    "events:event_new": Route(post=True, **LIST),
    "events:event_detail": Route(pk("event")),
    "events:event_edit": Route(pk("event"), post=True),
    "events:event_close": Route(pk("event"), post=True),
    "events:event_from_plan": Route(lambda o: {"plan_pk": o.plan.pk}, post=True),
    "events:desk": Route(pk("event")),
    # briefings (issue 14): the world's event is not yet a briefing, its page offers to make it one
    "events:briefing_list": Route(**LIST),
    "events:briefing_new": Route(post=True, **LIST),
    "events:briefing_detail": Route(pk("event")),
    "events:briefing_setup": Route(pk("event"), post=True),
    "events:conclusions_add": Route(pk("event"), post=True),
    "events:desk_check_in": Route(pk("event"), post=True),
    "events:desk_walk_in": Route(pk("event"), post=True),
    "events:document": Route(lambda o: [{"pk": o.event.pk, "name": name} for name in DOCUMENTS]),
    "events:group_add": Route(pk("event"), post=True),
    "events:group_invite": Route(lambda o: {"pk": o.event.pk, "group_pk": o.group.pk}, post=True),
    "events:group_nominate": Route(lambda o: {"pk": o.event.pk, "group_pk": o.group.pk}, post=True),
    "events:invitation_list": Route(pk("event")),
    "events:invitations_remind": Route(pk("event"), post=True),
    "events:invitations_send": Route(pk("event"), post=True),
    "events:presentation_request": Route(pk("event"), post=True),
    "events:presentation_review": Route(
        lambda o: [
            {"pk": o.event.pk, "presentation_pk": o.presentation.pk, "action": action}
            for action in ("approve", "reject", "up", "down")
        ],
        post=True,
    ),
    # the one file door (danvan/core/files): scope 404, the kind's right 403, thumbnails of pictures only;
    # the public door serves public photos of recognised models, to anyone, and nothing else to anybody
    "files:download": Route(lambda o: file_variants(o, thumbnail=False)),
    "files:thumbnail": Route(lambda o: file_variants(o, thumbnail=True)),
    "files:public": Route(lambda o: public_variants(o, thumbnail=False)),
    "files:public_thumbnail": Route(lambda o: public_variants(o, thumbnail=True)),
    # background document jobs are their owner's own: anyone else in scope gets 404 too
    "jobs:job_status": Route(lambda o: {"pk": o.document_job.pk, "_expect": {"lacking": NONE}}),
    "jobs:job_download": Route(
        lambda o: {
            "pk": o.document_job.pk,
            "_expect": {"lacking": NONE},
            "_body": stored(o.document_job.result),
        }
    ),
    "events:presentation_upload": Route(
        lambda o: {"pk": o.event.pk, "presentation_pk": o.presentation.pk}, post=True
    ),
    # notifications: a notice is its addressee's only; nobody else in scope "lacks a capability".
    "notifications:notice_list": Route(lacking=None, **LIST),
    "notifications:notice_open": Route(pk("notice"), lacking=None, post=True, admin=frozenset({404, 405})),
    "notifications:notice_read_all": Route(
        lacking=None, post=True, listing=True, outsider=frozenset({302, 405})
    ),
    # org
    "org:export_people": Route(**LIST),
    "org:export_units": Route(lacking=None, **LIST),
    "org:import_start": Route(post=True, **LIST),
    "org:import_template": Route(lambda o: {"kind": "people"}, **LIST),
    # an import batch is its uploader's own draft: nobody else, not even the administrator, opens it
    "org:import_preview": Route(pk("import_batch"), lacking=None, admin=frozenset({404})),
    "org:import_confirm": Route(pk("import_batch"), lacking=None, admin=frozenset({404, 405}), post=True),
    "org:kind_list": Route(holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY),
    "org:person_list": Route(**LIST),
    "org:person_create": Route(post=True, **LIST),
    "org:person_detail": Route(pk("person")),
    "org:person_edit": Route(pk("person"), post=True),
    "org:person_delete": Route(pk("person"), post=True),
    "org:unit_tree": Route(lacking=None, **LIST),
    "org:unit_lookup": Route(lacking=None, query={"q": "MKA"}, **LIST),
    "org:unit_create": Route(post=True, **LIST),
    # the ward's page, and the page of the unit ward A's person works in (a council member sees units only)
    "org:unit_detail": Route(lambda o: [{"pk": o.unit.pk}, {"pk": o.person.unit_id}], lacking=None),
    "org:unit_edit": Route(pk("below"), post=True),
    "org:unit_delete": Route(pk("below"), post=True),
    # plans
    "plans:plan_list": Route(**LIST),
    "plans:plan_new": Route(post=True, **LIST),
    "plans:plan_import": Route(post=True, **LIST),
    "plans:task_board": Route(**LIST),
    "plans:programme_list": Route(**LIST),
    "plans:programme_detail": Route(pk("programme")),
    "plans:plan_detail": Route(pk("plan")),
    "plans:plan_docx": Route(pk("plan")),
    "plans:plan_pdf": Route(pk("plan"), post=True),
    "plans:plan_versions": Route(pk("plan")),
    "plans:plan_amend": Route(pk("plan"), post=True),
    "plans:plan_edit": Route(pk("draft_plan"), post=True),
    "plans:plan_review": Route(pk("draft_plan"), post=True),
    "plans:plan_issue": Route(pk("draft_plan"), post=True),
    "plans:task_detail": Route(pk("task")),
    "plans:task_edit": Route(pk("draft_task"), post=True),
    "plans:unit_calendar_link": Route(lambda o: {"unit_pk": o.below.pk}, post=True),
    # the plan cascade (issue 14): the issued plan's implementing units, and a lower unit's draft from it
    "plans:cascade_units": Route(pk("plan")),
    "plans:cascade_new": Route(pk("plan"), post=True),
    # reporting
    "reporting:board": Route(**LIST),
    "reporting:call_list": Route(**LIST),
    "reporting:call_new": Route(post=True, **LIST),
    "reporting:template_list": Route(**LIST),
    "reporting:template_new": Route(post=True, **LIST),
    "reporting:template_edit": Route(pk("template"), post=True),
    "reporting:call_detail": Route(pk("call")),
    "reporting:call_action": Route(
        lambda o: [{"pk": o.call.pk, "action": a} for a in ("close", "reopen", "remind", "xlsx", "docx")],
        post=True,
    ),
    "reporting:blank_form": Route(lambda o: [{"pk": o.call.pk, "fmt": f} for f in ("xlsx", "docx")]),
    "reporting:calls_from_plan": Route(lambda o: {"plan_pk": o.plan.pk}, post=True),
    "reporting:job_download": Route(pk("job")),
    "reporting:submission_detail": Route(pk("submission")),
    "reporting:submission_open": Route(lambda o: {"call_pk": o.call.pk, "unit_pk": o.below.pk}),
    "reporting:submission_review": Route(
        lambda o: [{"pk": o.submission.pk, "action": a} for a in ("return", "accept")], post=True
    ),
    "reporting:submission_upload": Route(pk("submission"), post=True),
    "reporting:submission_signed": Route(pk("submission"), post=True),
    # an upload preview is its uploader's own, like an import batch
    # indicators (issue 14): the catalogue is shared; what a page shows is the unit's subtree
    "reporting:indicator_home": Route(outsider=frozenset({302}), stranger=frozenset({302})),
    "reporting:indicator_list": Route(lambda o: {"unit_pk": o.unit.pk}),
    "reporting:indicator_detail": Route(indicator_and_unit),
    "reporting:indicator_export": Route(indicator_and_unit),
    "reporting:indicator_drilldown": Route(indicator_and_unit),
    "reporting:indicator_targets": Route(indicator_and_unit, post=True),
    "reporting:indicator_prefill": Route(pk("submission"), post=True),
    # the catalogue itself is the administrator's (Cap.CATALOG_MANAGE), as the shared templates and unit kinds
    "reporting:indicator_create": Route(
        holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY, post=True
    ),
    "reporting:indicator_edit": Route(
        lambda o: {"pk": indicator_and_unit(o)["pk"]},
        holder="admin",
        lacking="ward_officer",
        outsider=ADMIN_ONLY,
        post=True,
    ),
    "reporting:upload_preview": Route(pk("upload"), lacking=None, admin=frozenset({404}), post=True),
    # periodic report regimes (issue 14)
    "reporting:regime_list": Route(**LIST),
    "reporting:regime_new": Route(post=True, **LIST),
    "reporting:regime_detail": Route(pk("regime")),
    "reporting:regime_edit": Route(pk("regime"), post=True),
    "reporting:regime_open": Route(pk("regime"), post=True),
    "reporting:regime_set_active": Route(pk("regime"), post=True),
    "reporting:regime_delete": Route(pk("regime"), post=True),
    # recognition: the registry of models and exemplars, awards
    "recognition:exemplar_list": Route(**LIST),
    "recognition:exemplar_new": Route(post=True, **LIST),
    "recognition:exemplar_detail": Route(pk("exemplar")),
    "recognition:exemplar_edit": Route(pk("exemplar"), post=True),
    "recognition:exemplar_attach": Route(pk("exemplar"), post=True),
    "recognition:attachment_file": Route(lambda o: {"pk": o.exemplar.pk, "attachment_pk": o.attachment.pk}),
    "recognition:award_list": Route(**LIST),
    "recognition:award_document": Route(
        lambda o: [{"pk": o.award.pk, "name": n} for n in ("certificate", "decision-list")]
    ),
    "recognition:stats_overview": Route(**LIST),
    # appraisal rounds: the council member holds the seat (APPRAISAL_SCORE) and scores
    # the council member holds a seat on ward A's round: sees it and scores it, manages nothing
    "recognition:round_list": Route(lacking=None, **LIST),
    "recognition:round_my": Route(holder="ward_council_member", lacking=None, **LIST),
    "recognition:round_new": Route(post=True, **LIST),
    "recognition:round_detail": Route(pk("round"), lacking=None),
    "recognition:round_edit": Route(pk("round"), post=True),
    "recognition:round_admit": Route(pk("round"), post=True),
    "recognition:round_members": Route(pk("round"), post=True),
    "recognition:round_close": Route(pk("round"), post=True),
    "recognition:round_score": Route(
        lambda o: {"pk": o.round.pk, "entry_pk": o.round_entry.pk},
        holder="ward_council_member",
        lacking="ward_officer",
        admin=ADMIN_ONLY,  # scores are the council members' own: the administrator has no seat
        post=True,
    ),
    # the press contest: the council member judges its round, so sees the contest, its round and entries
    "recognition:contest_list": Route(lacking=None, **LIST),
    "recognition:contest_new": Route(post=True, **LIST),
    "recognition:contest_detail": Route(pk("contest"), lacking=None),
    "recognition:contest_edit": Route(pk("contest"), post=True),
    "recognition:contest_status": Route(pk("contest"), post=True),
    "recognition:contest_results": Route(pk("contest")),
    "recognition:contest_results_xlsx": Route(pk("contest")),
    "recognition:contest_award": Route(
        lambda o: [{"pk": o.contest.pk, "action": a} for a in ("add", "remove", "fill")],
        post=True,
        holder_post=frozenset(
            {200, 302, 404}
        ),  # "remove" names its entry in the body: none given, none found
    ),
    "recognition:contest_entry_new": Route(pk("contest"), post=True),
    "recognition:contest_entry_edit": Route(
        lambda o: {"pk": o.contest.pk, "entry_pk": o.contest_entry.pk}, post=True
    ),
    "recognition:contest_entry_file": Route(
        lambda o: {"pk": o.contest.pk, "entry_pk": o.contest_entry.pk}, lacking=None
    ),
    "recognition:contest_entry_withdraw": Route(
        lambda o: {"pk": o.contest.pk, "entry_pk": o.contest_entry.pk}, post=True
    ),
    "recognition:contest_prize_new": Route(pk("contest"), post=True),
    "recognition:contest_prize_edit": Route(
        lambda o: {"pk": o.contest.pk, "prize_pk": o.prize.pk}, post=True
    ),
    "recognition:contest_round_new": Route(pk("contest"), post=True),
    "recognition:contest_round_detail": Route(
        lambda o: {"pk": o.contest.pk, "round_pk": o.contest_round.pk}, lacking=None
    ),
    "recognition:contest_round_edit": Route(
        lambda o: {"pk": o.contest.pk, "round_pk": o.contest_round.pk}, post=True
    ),
    "recognition:contest_round_action": Route(
        lambda o: [
            {"pk": o.contest.pk, "round_pk": o.contest_round.pk, "action": a}
            for a in ("close", "reopen", "advance")
        ],
        post=True,
    ),
    "recognition:contest_score": Route(
        lambda o: {"pk": o.contest.pk, "round_pk": o.contest_round.pk},
        holder="ward_council_member",
        lacking="ward_officer",
        admin=frozenset({403, 405}),  # marks are the judges' own
        post=True,
    ),
    # medals: rules are the administrator's; nominations are proposed by units, checked by the committee
    # the rules are global (not a ward's): every officer who proposes reads them
    "recognition:medal_rule_list": Route(**LIST),
    "recognition:medal_rule_new": Route(
        holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY, post=True
    ),
    "recognition:medal_rule_edit": Route(
        pk("medal_rule"), holder="admin", lacking="ward_officer", outsider=ADMIN_ONLY, post=True
    ),
    "recognition:medal_list": Route(**LIST),
    "recognition:medal_new": Route(post=True, **LIST),
    "recognition:medal_export": Route(**LIST),
    "recognition:medal_detail": Route(pk("nomination")),
    "recognition:medal_edit": Route(pk("nomination"), post=True),
    "recognition:medal_action": Route(
        lambda o: [{"pk": o.nomination.pk, "action": a} for a in ("check", "send", "return", "withdraw")],
        post=True,
    ),
    "recognition:medal_file_upload": Route(pk("nomination"), post=True),
    "recognition:medal_file_download": Route(lambda o: {"pk": o.nomination.pk, "file_pk": o.dossier.pk}),
    "recognition:medal_file_remove": Route(
        lambda o: {"pk": o.nomination.pk, "file_pk": o.dossier.pk}, post=True
    ),
}

# The citizens app keeps its own rows of the table beside its code (danvan/citizens/tests/access.py).
from danvan.citizens.tests import access as citizens_access  # noqa: E402

ROUTES.update(citizens_access.routes())
PUBLIC.update(citizens_access.PUBLIC)
