"""The home feed ("Thay đổi gần đây") and the audit log never show what the user should not see: another
member's score, or an entry about an object whose fields the user may not read."""

from django.urls import reverse
from django.utils import timezone

from danvan.core import audit
from danvan.org import services
from danvan.recognition.models import ScoreSheet
from danvan.site.audit.selectors import feed

from .conftest import make_exemplar, make_round


def send_sheet(member_user, seat, entry, total):
    """What recognition's sheet_submit writes: the sheet, and an audit entry naming the points."""
    sheet = ScoreSheet.objects.create(entry=entry, member=seat, submitted_at=timezone.now(), total=total)
    audit.record(
        actor=member_user,
        verb="score",
        obj=sheet,
        summary=f"Gửi phiếu chấm «{entry.exemplar.title}»: {total} điểm",
        unit_path=entry.round.owner.path,
    )
    return sheet


def test_a_council_member_never_sees_another_members_score_on_the_home_page(cast, login, a_member):
    _round, seats, entries = make_round(
        cast.ward, [cast.ward_council_member, a_member], [make_exemplar(cast.area, "Khu phố sáng")]
    )
    send_sheet(a_member, seats[1], entries[0], 85)

    page = login(cast.ward_council_member).get(reverse("core:home")).content.decode()
    assert "85 điểm" not in page
    assert "85 điểm" in login(a_member).get(reverse("core:home")).content.decode()  # one's own, yes
    # Nor does the round's manager read it in the feed; the home page is nobody's score sheet.
    assert "85 điểm" not in login(cast.ward_officer).get(reverse("core:home")).content.decode()


def test_the_audit_log_hides_others_scores_from_someone_still_scoring(cast, login, a_member):
    _round, seats, entries = make_round(
        cast.ward, [cast.ward_officer, a_member], [make_exemplar(cast.area, "Khu phố sáng")]
    )
    send_sheet(a_member, seats[1], entries[0], 85)
    seated_officer = login(cast.ward_officer).get(reverse("core:audit_log")).content.decode()
    assert "85 điểm" not in seated_officer
    # An officer with the audit capability who holds no seat reads the log as before.
    assert "85 điểm" in login(cast.province_officer).get(reverse("core:audit_log")).content.decode()
    _round.status = "closed"
    _round.save()
    assert "85 điểm" in login(cast.ward_officer).get(reverse("core:audit_log")).content.decode()


def test_the_feed_names_people_only_for_those_who_may_view_them(cast):
    services.person_update(
        person=cast.ward_person,
        actor=cast.ward_officer,
        expected_version=cast.ward_person.version,
        title="Phó Trưởng Khối",
    )
    unit_event = audit.record(actor=cast.admin, verb="update", obj=cast.bloc, unit_path=cast.bloc.path)
    member_feed = feed(cast.ward_council_member)
    assert unit_event in member_feed
    assert not any(e.object_repr.startswith("Trần Thị Lan") for e in member_feed)
    assert any("Trần Thị Lan" in e.object_repr for e in feed(cast.province_officer))


def test_entries_about_objects_with_no_rule_are_shown_only_to_their_actor(cast):
    _round, _seats, _entries = make_round(
        cast.ward, [cast.ward_council_member], [make_exemplar(cast.area, "M")]
    )
    event = audit.record(actor=cast.ward_officer, verb="create", obj=_round, unit_path=cast.ward.path)
    assert event in feed(cast.ward_officer)
    assert event not in feed(cast.province_officer)


def test_the_feed_reads_a_bounded_number_of_queries(cast, django_assert_max_num_queries):
    for n in range(40):
        audit.record(actor=cast.admin, verb="update", obj=cast.bloc, unit_path=cast.bloc.path)
        services.person_update(
            person=cast.ward_person,
            actor=cast.ward_officer,
            expected_version=cast.ward_person.version,
            title=f"Chức vụ {n}",
        )
        cast.ward_person.refresh_from_db()
    feed(cast.province_officer)
    with django_assert_max_num_queries(4):
        shown = feed(cast.province_officer)
    assert len(shown) == 8
