"""The access matrix, generated from the URLconf and the canonical cast.

Every named route (django-admin aside) is either in the table (routes.ROUTES) or in the commented allow-list
of public routes (routes.PUBLIC): a new view fails `test_every_route_is_in_the_matrix` until it is placed.
Each route is requested, GET and (for write routes) POST with an empty body, by:
  admin      the system administrator: 200/302/405, never 403/404/5xx on an existing object;
  holder     an in-scope user with the capability: the same;
  lacking    an in-scope user without it: 403;
  outsider   the officer of ward B asking for ward A's object: 404 (a list page: 200, then scanned);
  stranger   the agency's focal point, out of scope and without most capabilities: 404 all the same;
  anonymous  a redirect to the login page.
Every 200 the outsider or the stranger gets is scanned for ward A's markers ("MKA-…") in HTML, JSON, iCal,
DOCX and XLSX bodies; every 200 a user without PERSON_VIEW in ward A gets is scanned for ward A's people's
private data.
Every request runs in a savepoint that is rolled back, so a POST that succeeds changes nothing for the next.
"""

import importlib
import os
from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .routes import PUBLIC, ROUTES
from .world import PERSON_MARKERS, build_world, zip_text

ROLES = ("admin", "holder", "lacking", "outsider", "stranger", "anonymous", "council")
# "council": the council member of ward A (UNIT_VIEW and scoring, no PERSON_VIEW) opens every page, whatever
# its answer, so every 200 it gets is scanned for ward A's people's private data.
USERS = {
    "admin": "admin",
    "outsider": "outsider",
    "stranger": "focal_point",
    "anonymous": "anonymous",
    "council": "ward_council_member",
}

# Wrong answers the matrix found and that are left to their owner: (route, role, method) -> what is wrong.
# Each must still happen (the test fails when one is fixed, so the entry goes with the fix), and nothing else
# may go wrong. Empty: every wrong answer it found has been fixed.
KNOWN: dict[tuple[str, str, str], str] = {}
TALLY: Counter = Counter()


def named_routes(resolver=None, namespace=""):
    """Every named route as 'namespace:name' (nested namespaces joined), django-admin left out."""
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            names |= named_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_route_is_in_the_matrix():
    routes = named_routes()
    unplaced = sorted(routes - set(ROUTES) - set(PUBLIC))
    assert not unplaced, f"routes neither in the access matrix nor in the public allow-list: {unplaced}"
    stale = sorted((set(ROUTES) | set(PUBLIC)) - routes)
    assert not stale, f"the matrix names routes that no longer exist: {stale}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the module, built once in an outer transaction rolled back at the end."""
    patch = pytest.MonkeyPatch()
    # The matrix asks who may download a PDF, not whether LibreOffice converts (seconds per file): the
    # conversion is replaced by a stub for this module; the documents' own tests convert for real.
    import danvan.lib.officialdoc.pdf as pdf_module

    for module in (pdf_module, importlib.import_module("danvan.plans.rendering")):
        if hasattr(module, "convert_to_pdf"):
            patch.setattr(module, "convert_to_pdf", lambda data, **kwargs: b"%PDF-1.4 stub")
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        world.clients = {"anonymous": Client()}
        for name in (
            "admin",
            "ward_officer",
            "ward_council_member",
            "team_leader",
            "focal_point",
            "outsider",
        ):
            client = Client()
            client.force_login(getattr(world.cast, name), backend="django.contrib.auth.backends.ModelBackend")
            world.clients[name] = client
        world.clients["rival"] = Client()
        world.clients["rival"].force_login(world.a.rival, backend="django.contrib.auth.backends.ModelBackend")
        yield world
        transaction.set_rollback(True)
    patch.undo()
    if path := os.environ.get("ACCESS_MATRIX_TALLY"):
        with open(path, "w", encoding="utf-8") as out:
            for key, count in sorted(TALLY.items()):
                out.write(f"{key}\t{count}\n")


def body_text(response, raw: bytes) -> str:
    """What a reader of the response sees: text as text, Office files by their XML parts; PDFs and images
    are not searched (their text is compressed or absent)."""
    kind = response.get("Content-Type", "")
    if raw[:2] == b"PK":
        return zip_text(raw)
    if kind.startswith(("text/", "application/json", "application/javascript")):
        return raw.decode("utf-8", "replace")
    return ""


def fetch(client, method, url, data, *, raw=False):
    """(status, text, location), and the body's bytes if `raw`, in a savepoint rolled back afterwards; an
    exception is a 500."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, data)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body_text(response, body) if response.status_code == 200 else ""
            location = response.get("Location", "")
            transaction.set_rollback(True)
    except Exception as error:
        body, result = b"", (500, f"{type(error).__name__}: {error}", "")
    else:
        result = (response.status_code, text, location)
    return (*result, body) if raw else result


def expected(route, role, method, post_only=False, overrides=None):
    """post_only: the administrator's GET got 405, so the route takes POST only and a GET tells nobody
    anything (a form page answering 405 to someone would still fail). overrides: the variant's "_expect"."""
    allowed = {405} if method == "get" and post_only else set()
    if overrides and role in overrides:
        return allowed | set(overrides[role])
    if role == "admin" and route.admin is not None:
        return allowed | set(route.admin)
    if role in ("admin", "holder"):
        return allowed | (set(route.holder_post) if method == "post" else {200, 302})
    if role == "lacking":
        return allowed | {403}
    if role == "outsider":
        return allowed | set(route.outsider)
    if role == "stranger":
        return allowed | set(route.outsider if route.stranger is None else route.stranger)
    if role == "council":
        return {200, 302, 403, 404, 405}  # its answer is the route's business; what it shows is the scan's
    return allowed | {302}


def check(where, role, user, answer, want, variant) -> list[str]:
    """What is wrong with one answer: its code, where an anonymous visitor is sent, ward A's markers in what
    the outsider or the stranger reads, the stored file a file door's 200 must carry, people's data shown
    to the council member."""
    status, text, location, body = answer
    found = []
    if status not in want:
        error = text[:200] if status == 500 else ""
        found.append(f"{where}: {status}, expected {sorted(want)} {error}")
    elif role == "anonymous" and status == 302 and not location.startswith(resolve_url(settings.LOGIN_URL)):
        found.append(f"{where}: redirected to {location}, not to the login page")
    if status != 200:
        return found
    if role in ("outsider", "stranger") and "mka-" in text.lower():
        at = text.lower().index("mka-")
        found.append(f"{where}: LEAK of ward A: …{text[max(0, at - 60) : at + 40]}…")
    if variant["body"] is not None and not body.startswith(variant["body"]):
        found.append(f"{where}: 200 without the stored file ({len(body)} bytes)")
    # a picture or a PDF has no text to scan: the outsider must simply never get ward A's file
    if role in ("outsider", "stranger") and variant["files"] and not variant["public"]:
        found.append(f"{where}: LEAK of ward A's stored file ({len(body)} bytes)")
    if user == "ward_council_member":
        leaked = [m for m in PERSON_MARKERS if m.lower() in text.lower()]
        if leaked:
            found.append(f"{where}: LEAK of people's data {leaked}")
    return found


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_access(world, db, name):
    route = ROUTES[name]
    variants = route.kwargs(world.a)
    variants = variants if isinstance(variants, list) else [variants]
    problems = []
    seen_known = set()
    for kwargs in variants:
        users = {
            "holder": kwargs.pop("_holder", route.holder),
            "lacking": kwargs.pop("_lacking", route.lacking),
        }
        overrides = kwargs.pop("_expect", {})
        variant = {
            "body": kwargs.pop("_body", None),
            "public": kwargs.pop("_public", False),
            "files": name.startswith(("files:", "jobs:")),
        }
        url = reverse(name, kwargs=kwargs)
        post_only = False
        for role in ROLES:  # the administrator first: whether the route takes GET at all
            user = users[role] if role in users else USERS[role]
            if user is None or (role == "council" and user in users.values()):
                continue
            for method in ("get", "post") if route.post and role != "council" else ("get",):
                status, text, location, body = fetch(
                    world.clients[user], method, url, route.query if method == "get" else {}, raw=True
                )
                TALLY[f"{role}\t{method}\t{status}"] += 1
                if role == "admin" and method == "get":
                    post_only = route.post and status == 405
                want = expected(route, role, method, post_only, overrides)
                where = f"{method.upper()} {url} as {role} ({user})"
                found = check(where, role, user, (status, text, location, body), want, variant)
                if (name, role, method) in KNOWN:
                    seen_known.add((name, role, method))
                    if not found:
                        problems.append(f"{where}: answers right now: remove it from KNOWN")
                else:
                    problems.extend(found)
    for key in sorted(k for k in KNOWN if k[0] == name and k not in seen_known):
        problems.append(f"{key}: listed in KNOWN but not requested")
    assert not problems, "\n".join(problems)


# The scan is only as good as what it reads: the outsider's own ward's markers must show on these pages
# (HTML, iCal, XLSX), or the pages read nothing and a clean scan proves nothing.
OWN_MARKERS = {
    "plans:plan_list": "MKB-plan",
    "plans:task_board": "MKB-task",
    "reporting:call_list": "MKB-call",
    "events:event_list": "MKB-event",
    "events:ical": "MKB-event",
    "recognition:exemplar_list": "MKB-exemplar",
    "recognition:contest_list": "MKB-contest",
    "recognition:medal_export": "MKB-person-name",
    "org:export_people": "MKB-person-name",
}


@pytest.mark.parametrize("name", sorted(OWN_MARKERS))
def test_the_scan_reads_what_the_outsider_may_see(world, db, name):
    status, text, _location = fetch(world.clients["outsider"], "get", reverse(name), ROUTES[name].query)
    assert status == 200 and OWN_MARKERS[name] in text


def test_public_routes_show_nothing_that_is_not_public(world, db):
    """Anonymous visitors: the public showcase holds recognised models only (ward A's is merely registered),
    a wrong token opens nothing, and pages that need an account send to the login page."""
    a = world.a
    anonymous = world.clients["anonymous"]
    login = resolve_url(settings.LOGIN_URL)
    for name, kwargs, codes in [
        ("accounts:login", {}, {200}),
        ("core:healthz", {}, {200}),
        ("showcase:list", {}, {200}),
        ("showcase:detail", {"pk": a.exemplar.pk}, {404}),
        ("showcase:photo", {"pk": a.attachment.pk}, {404}),
        ("plans:calendar_feed", {"token": a.invitation.token}, {404}),
        ("rsvp", {"token": "khong-dung"}, {200, 404}),
        ("accounts:password_change", {}, {302}),
    ]:
        status, text, location = fetch(anonymous, "get", reverse(name, kwargs=kwargs), {})
        assert status in codes, (name, status)
        assert "mka-" not in text.lower(), name
        if status == 302:
            assert location.startswith(login)
    # The invitee's own letter shows their invitation, and nothing of the other ward's.
    status, text, _location = fetch(anonymous, "get", reverse("rsvp", args=[a.invitation.token]), {})
    assert status == 200 and "MKA-event" in text and "mkb-" not in text.lower()
    status, _text, _location = fetch(world.clients["ward_officer"], "post", reverse("accounts:logout"), {})
    assert status == 302


def test_competitors_read_each_others_entries_only_after_results(world, db):
    """Two units of ward A compete in its race: until the results are published each reads only its own
    entry (the file 404s by every address, the contest page links only its own), afterwards both."""
    a = world.a
    Contest = type(a.race)
    for status in Contest.Status:
        with transaction.atomic():
            Contest.objects.filter(pk=a.race.pk).update(status=status)
            finished = status == Contest.Status.FINISHED
            for user, own, other in (
                ("team_leader", a.team_entry, a.rival_entry),
                ("rival", a.rival_entry, a.team_entry),
            ):
                client = world.clients[user]
                for entry, codes in ((own, {200}), (other, {200} if finished else {404})):
                    for url in (
                        reverse("files:download", args=["contest-entry", entry.pk]),
                        reverse("recognition:contest_entry_file", args=[a.race.pk, entry.pk]),
                    ):
                        got, _text, _location, body = fetch(client, "get", url, {}, raw=True)
                        assert got in codes, (status, user, url, got)
                        assert got != 200 or body == entry.file.open("rb").read()
                status_page, page, _location = fetch(client, "get", a.race.get_absolute_url(), {})
                assert status_page == 200, (status, user)
                own_link = reverse("recognition:contest_entry_file", args=[a.race.pk, own.pk])
                other_link = reverse("recognition:contest_entry_file", args=[a.race.pk, other.pk])
                assert own_link in page, (status, user)
                assert (other_link in page) == finished, (status, user)
            transaction.set_rollback(True)
