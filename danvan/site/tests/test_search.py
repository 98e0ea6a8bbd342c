"""Search finds plans (documents, by number), calls, events and models besides units and people, with or
without diacritics, each group within what the user may see."""

import pytest
from django.urls import reverse

from danvan.events.models import Event
from danvan.site.search.selectors import SEARCH_LIMIT, search_everything

from .conftest import days, make_call, make_event, make_exemplar, make_plan


def found(user, query):
    return {r["group"].key: [str(row) for row in r["rows"]] for r in search_everything(user, query)}


@pytest.fixture
def documents(cast):
    plan = make_plan(cast.ward, "Tổ chức Tháng Dân vận khéo năm 2023", "01-KH/BTGDVTU")
    return {
        "plan": plan,
        "call": make_call(cast.ward, "Đăng ký mô hình Dân vận khéo", days(10), [cast.bloc], plan=plan),
        "event": make_event(
            cast.ward, "trao đổi kinh nghiệm công tác dân vận", kind=Event.Kind.SEMINAR, venue="Hội trường"
        ),
        "exemplar": make_exemplar(cast.area, "Dân vận khéo trong giải phóng mặt bằng"),
    }


@pytest.mark.parametrize("query", ["01-KH/BTGDVTU", "01-kh/btgdvtu", "01 KH BTGDVTU"])
def test_a_document_is_found_by_its_number(cast, documents, query):
    results = found(cast.ward_officer, query)
    assert results["plan"] == [str(documents["plan"])]
    assert results["call"] == [str(documents["call"])]  # the call of that plan, by the plan's number


@pytest.mark.parametrize("query", ["dan van kheo", "Dân vận khéo", "DAN VAN KHEO"])
def test_titles_are_found_with_or_without_diacritics(cast, documents, query):
    results = found(cast.ward_officer, query)
    assert str(documents["plan"]) in results["plan"]
    assert str(documents["call"]) in results["call"]
    assert str(documents["exemplar"]) in results["exemplar"]


@pytest.mark.parametrize("query", ["hoi nghi toa dam", "Hội nghị tọa đàm", "hoi nghi toa dam trao doi"])
def test_events_are_found_by_kind_and_title_without_diacritics(cast, documents, query):
    assert found(cast.ward_officer, query)["event"] == [str(documents["event"])]


def test_each_group_is_scoped_to_what_the_user_may_see(cast, documents, login):
    outsider = found(cast.outsider, "dan van kheo")
    assert outsider["plan"] == [] and outsider["call"] == [] and outsider["exemplar"] == []
    assert found(cast.outsider, "hoi nghi toa dam")["event"] == []
    page = login(cast.outsider).get(reverse("core:search"), {"q": "01-KH/BTGDVTU"}).content.decode()
    assert "Tổ chức Tháng Dân vận khéo" not in page and "Không có văn bản nào khớp." in page


def test_groups_the_user_may_not_open_are_not_searched(cast, documents, login):
    """The council member sees units, not plans, calls, events, models or people."""
    assert set(found(cast.ward_council_member, "dan van")) == {"unit"}
    client = login(cast.ward_council_member)
    assert client.get(reverse("core:search"), {"q": "dan van", "kind": "plan"}).status_code == 403
    assert client.get(reverse("core:search"), {"q": "dan van", "kind": "nothing"}).status_code == 404


def test_more_results_open_the_group_alone_paginated(cast, login):
    for n in range(SEARCH_LIMIT + 3):
        make_plan(cast.ward, f"Kế hoạch tuyên truyền số {n}", f"{n + 10}-KH/DVP")
    client = login(cast.ward_officer)
    page = client.get(reverse("core:search"), {"q": "ke hoach tuyen truyen"}).content.decode()
    assert "kind=plan" in page and "Xem thêm" in page
    alone = client.get(reverse("core:search"), {"q": "ke hoach tuyen truyen", "kind": "plan"})
    assert alone.context["page"].paginator.count == SEARCH_LIMIT + 3
    assert "Kế hoạch tuyên truyền số 12" in alone.content.decode()


def test_search_reads_one_query_per_group(cast, documents, login, django_assert_max_num_queries):
    for n in range(30):
        make_event(cast.ward, f"Hội nghị {n}", kind=Event.Kind.SEMINAR)
        make_plan(cast.ward, f"Kế hoạch hội nghị {n}", f"{n + 50}-KH/DVP")
    client = login(cast.province_officer)
    with django_assert_max_num_queries(10):
        client.get(reverse("core:search"), {"q": "hoi nghi"})
    with django_assert_max_num_queries(6):
        client.get(reverse("core:search"), {"q": "hoi nghi", "kind": "event", "page": 2})
