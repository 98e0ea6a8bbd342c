"""The programme pages: the scope trio (own subtree, sibling, anonymous), the page's content and filters,
the "+" actions prefilling the picker, and the picker linking what is created to the item."""

import pytest
from django.urls import reverse

from danvan.events.models import Event
from danvan.plans.models import Plan, Task
from danvan.plans.programme import services as programme_services
from danvan.testing import factories

from .conftest import add_item, make_programme


@pytest.fixture
def ward_programme(cast):
    programme = make_programme(cast.ward_officer, cast.ward)
    add_item(cast.ward_officer, programme, "Hội nghị sơ kết 6 tháng", "tháng 7/2099", lead=cast.area)
    add_item(cast.ward_officer, programme, "Kiểm tra việc thực hiện dân chủ ở cơ sở", "quý I/2020")
    return programme


def test_the_ward_and_the_province_above_it_see_the_programme(cast, login, ward_programme):
    url = reverse("plans:programme_detail", args=[ward_programme.pk])
    for user in (cast.ward_officer, cast.province_officer):
        page = login(user).get(url).content.decode()
        assert "Hội nghị sơ kết 6 tháng" in page and "Tháng 7/2099" in page and "Quý I/2020" in page


def test_a_sibling_ward_gets_not_found_and_does_not_see_it_listed(cast, login, ward_programme):
    client = login(cast.outsider)
    assert client.get(reverse("plans:programme_detail", args=[ward_programme.pk])).status_code == 404
    assert "năm 2026" not in client.get(reverse("plans:programme_list")).content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in(client, ward_programme):
    for url in (reverse("plans:programme_list"), reverse("plans:programme_detail", args=[ward_programme.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_counts_states_and_filters_by_state_and_lead_unit(cast, login, ward_programme):
    client = login(cast.ward_officer)
    url = reverse("plans:programme_detail", args=[ward_programme.pk])
    page = client.get(url).content.decode()
    assert 'data-state="late"' in page and "Chậm tiến độ" in page
    late_only = client.get(url, {"state": "late"}).content.decode()
    assert "Kiểm tra việc thực hiện" in late_only and "Hội nghị sơ kết" not in late_only
    by_lead = client.get(url, {"lead": cast.area.pk}).content.decode()
    assert "Hội nghị sơ kết" in by_lead and "Kiểm tra việc thực hiện" not in by_lead
    listing = client.get(reverse("plans:programme_list")).content.decode()
    assert "0/2 mục hoàn thành" in listing and "1 chậm" in listing


def test_the_page_takes_a_bounded_number_of_queries(
    cast, login, ward_programme, django_assert_max_num_queries
):
    client = login(cast.ward_officer)
    for month in range(1, 10):
        add_item(cast.ward_officer, ward_programme, f"Việc tháng {month}", f"tháng {month}/2099")
    with django_assert_max_num_queries(30):
        client.get(reverse("plans:programme_detail", args=[ward_programme.pk]))


def test_the_add_event_action_prefills_the_picker_and_the_event_is_linked(cast, login, ward_programme):
    client = login(cast.ward_officer)
    item = ward_programme.tasks.get(title__startswith="Hội nghị")
    page = client.get(reverse("plans:programme_detail", args=[ward_programme.pk])).content.decode()
    new_event = f"{reverse('events:event_new')}?programme_item={item.pk}"
    assert new_event in page
    form = client.get(new_event).content.decode()
    assert "Thực hiện mục nào trong Chương trình công tác" in form
    assert f'<option value="{item.pk}" selected' in form
    response = client.post(
        reverse("events:event_new"),
        {
            "organiser": cast.ward.pk,
            "kind": "conference",
            "title": "Hội nghị sơ kết công tác dân vận 6 tháng",
            "time_text": "tháng 7/2099",
            "programme_item": item.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title="Hội nghị sơ kết công tác dân vận 6 tháng")
    assert event.programme_item == item
    page = client.get(reverse("plans:programme_detail", args=[ward_programme.pk])).content.decode()
    assert "Hội nghị sơ kết công tác dân vận 6 tháng" in page and 'data-state="under_way"' in page


def test_a_new_plan_can_carry_out_an_item_and_a_task_edit_can_change_it(cast, login, ward_programme):
    client = login(cast.ward_officer)
    item = ward_programme.tasks.get(title__startswith="Kiểm tra")
    response = client.post(
        reverse("plans:plan_new"),
        {
            "issuing_unit": cast.ward.pk,
            "title": "kiểm tra việc thực hiện dân chủ ở cơ sở năm 2026",
            "profile": "party-2018",
            "programme_item": item.pk,
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(title__startswith="kiểm tra việc thực hiện")
    assert plan.programme_item == item and plan.kind == "plan"


def test_the_picker_offers_only_items_of_visible_programmes(cast, login, ward_programme):
    sibling = make_programme(cast.outsider, cast.other_ward)
    hidden = add_item(cast.outsider, sibling, "Việc của phường Bắc Hà", "tháng 5/2099")
    form = login(cast.ward_officer).get(reverse("events:event_new")).content.decode()
    assert "Hội nghị sơ kết 6 tháng" in form and "Việc của phường Bắc Hà" not in form
    response = login(cast.ward_officer).post(
        reverse("events:event_new"),
        {"organiser": cast.ward.pk, "kind": "conference", "title": "Sự kiện X", "programme_item": hidden.pk},
    )
    assert response.status_code == 200 and not Event.objects.filter(title="Sự kiện X").exists()


def test_the_link_service_refuses_an_item_of_the_objects_own_programme(cast, ward_programme):
    from danvan.core.errors import ServiceError

    first, second = ward_programme.tasks.order_by("order")
    with pytest.raises(ServiceError):
        programme_services.link_item(actor=cast.ward_officer, obj=second, item=first)
    other = make_programme(cast.province_officer, cast.province)
    item = add_item(cast.province_officer, other, "Tháng Dân vận", "quý III/2099", lead=cast.ward)
    programme_services.link_item(actor=cast.ward_officer, obj=second, item=item)
    assert Task.objects.get(pk=second.pk).programme_item == item
    call = factories.make_call(actor=cast.ward_officer, unit=cast.ward, targets=[cast.area])
    programme_services.link_item(actor=cast.ward_officer, obj=call, item=item)
    programme_services.link_item(actor=cast.ward_officer, obj=call, item=None)
    call.refresh_from_db()
    assert call.programme_item is None


def test_the_action_labels_are_translated_when_shown_not_at_import():
    from django.utils.functional import Promise

    from danvan.plans.programme.views import ACTIONS, MODEL_ACTION

    assert all(isinstance(label, Promise) for label, _name, _cap in (*ACTIONS, MODEL_ACTION))
