"""Wrong answers the access matrix found, pinned one by one where the matrix alone would not say what is
expected instead."""

from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse

from danvan.org.models import Person
from danvan.reporting.models import FormTemplate


def test_deleting_a_person_kept_by_a_medal_nomination_says_why(cast, login):
    apps.get_model("recognition.MedalNomination").objects.create(
        person=cast.ward_person, unit=cast.bloc, group="Cán bộ chuyên trách"
    )
    client = login(cast.ward_officer)
    response = client.post(reverse("org:person_delete", args=[cast.ward_person.pk]))
    assert response.status_code == 302
    assert Person.objects.filter(pk=cast.ward_person.pk).exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Không xóa được cán bộ" in message


def test_a_template_out_of_scope_is_not_found_even_for_a_user_without_the_capability(cast, login):
    template = FormTemplate.objects.create(owner=cast.ward, name="Mẫu của phường An Bình")
    url = reverse("reporting:template_edit", args=[template.pk])
    assert login(cast.focal_point).get(url).status_code == 404  # out of scope, no CALL_MANAGE
    assert login(cast.outsider).get(url).status_code == 404  # out of scope, CALL_MANAGE in ward B
    assert login(cast.ward_council_member).get(url).status_code == 403  # in scope, no CALL_MANAGE
    assert login(cast.ward_officer).get(url).status_code == 200
    assert login(cast.focal_point).get(reverse("reporting:template_edit", args=[999999])).status_code == 404


def test_a_council_member_sees_a_unit_but_not_its_people(cast, login):
    page = login(cast.ward_council_member).get(reverse("org:unit_detail", args=[cast.bloc.pk]))
    assert page.status_code == 200 and cast.ward_person.full_name not in page.content.decode()
    page = login(cast.ward_officer).get(reverse("org:unit_detail", args=[cast.bloc.pk]))
    assert cast.ward_person.full_name in page.content.decode()
    history = reverse("core:history", args=["person", cast.ward_person.pk])
    assert login(cast.ward_council_member).get(history).status_code == 403
    assert login(cast.ward_officer).get(history).status_code == 200
