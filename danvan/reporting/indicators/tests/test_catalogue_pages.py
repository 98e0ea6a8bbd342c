"""Creating and editing indicators: the scope trio, the rules (unique name and code, a built-in indicator's
code locked, deactivating instead of deleting), bad input refused in Vietnamese with nothing saved."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.reporting.indicators import services
from danvan.reporting.indicators.models import Indicator

NEW = reverse("reporting:indicator_create")


def form_data(**overrides):
    data = {
        "name": "Số hộ được hỗ trợ sinh kế",
        "code": "ho-sinh-ke",
        "unit_of_measure": "hộ",
        "aggregation": "sum",
        "description": "",
        "order": 200,
        "active": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_url(indicator):
    return reverse("reporting:indicator_edit", args=[indicator.pk])


def test_scope_trio_on_the_create_and_edit_pages(cast, login, client, dialogues):
    for url in (NEW, edit_url(dialogues)):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"], url
        # Indicators are shared by every unit: a committee officer of one ward may not change them.
        assert login(cast.outsider).get(url).status_code == 403, url
        assert login(cast.province_officer).get(url).status_code == 403, url
        assert login(cast.admin).get(url).status_code == 200, url
    assert login(cast.outsider).post(NEW, form_data()).status_code == 403
    assert not Indicator.objects.filter(code="ho-sinh-ke").exists()


def test_an_indicator_is_created_audited_and_listed(cast, login):
    admin = login(cast.admin)
    response = admin.post(NEW, form_data(cumulative="on"))
    assert response.status_code == 302
    made = Indicator.objects.get(code="ho-sinh-ke")
    assert (made.name, made.unit_of_measure, made.cumulative, made.active) == (
        "Số hộ được hỗ trợ sinh kế",
        "hộ",
        True,
        True,
    )
    assert AuditEvent.objects.filter(verb="create", object_id=str(made.pk)).exists()
    page = admin.get(reverse("reporting:indicator_list", args=[cast.province.pk])).content.decode()
    assert made.name in page and NEW in page  # listed, and the "Thêm chỉ tiêu" link is there


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"name": "  SỐ CUỘC TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN ĐÃ TỔ CHỨC "}, "name", "Đã có chỉ tiêu"),
        ({"code": "doi-thoai"}, "code", "đã dùng cho chỉ tiêu khác"),
        ({"code": "hộ sinh kế!"}, "code", "chữ thường không dấu"),
        ({"code": ""}, "code", "chữ thường không dấu"),
        ({"name": ""}, "name", "tên chỉ tiêu"),
        ({"aggregation": "avg"}, "aggregation", "avg"),
        ({"order": "-3"}, "order", ""),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_saved(cast, login, overrides, field, words):
    before = Indicator.objects.count()
    response = login(cast.admin).post(NEW, form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert words.lower() in " ".join(errors[field]).lower()
    assert Indicator.objects.count() == before


def test_a_builtin_indicator_keeps_its_code_and_is_deactivated_not_deleted(cast, login, dialogues):
    admin = login(cast.admin)
    page = admin.get(edit_url(dialogues)).content.decode()
    assert "mã không đổi được" in page and "disabled" in page
    response = admin.post(
        edit_url(dialogues),
        form_data(
            name=dialogues.name,
            code="doi-thoai-moi",
            unit_of_measure="cuộc",
            active=None,
            version=dialogues.version,
        ),
    )
    assert response.status_code == 302
    dialogues.refresh_from_db()
    assert dialogues.code == "doi-thoai" and not dialogues.active  # the posted code is ignored
    assert AuditEvent.objects.filter(verb="update", object_id=str(dialogues.pk)).exists()
    listing = admin.get(reverse("reporting:indicator_list", args=[cast.province.pk]))
    assert dialogues not in [indicator for indicator, _c in listing.context["rows"]]
    assert listing.context["retired"] == [dialogues]  # still there, to be put back into use
    with pytest.raises(ServiceError) as refused:
        services.indicator_update(actor=cast.admin, indicator=dialogues, **{**form_data(), "code": "khac"})
    assert "không đổi được" in refused.value.message


def test_a_stale_edit_is_refused(cast, login, dialogues):
    admin = login(cast.admin)
    stale = dialogues.version
    services.indicator_update(
        actor=cast.admin,
        indicator=dialogues,
        expected_version=stale,
        **{**form_data(), "name": "Tên mới", "code": "doi-thoai"},
    )
    response = admin.post(edit_url(dialogues), form_data(name="Tên khác", code="doi-thoai", version=stale))
    assert response.status_code == 200 and "người khác sửa" in response.content.decode()
    dialogues.refresh_from_db()
    assert dialogues.name == "Tên mới"


def test_the_service_requires_the_catalogue_right(cast):
    with pytest.raises(PermissionDenied):
        services.indicator_create(actor=cast.province_officer, **form_data())
    assert not Indicator.objects.filter(code="ho-sinh-ke").exists()


def test_the_detail_page_links_to_the_edit_page_for_those_who_may_edit(cast, login, dialogues):
    url = reverse("reporting:indicator_detail", args=[dialogues.pk, cast.province.pk])
    assert edit_url(dialogues) in login(cast.admin).get(url).content.decode()
    assert edit_url(dialogues) not in login(cast.province_officer).get(url).content.decode()
    page = login(cast.province_officer).get(reverse("reporting:indicator_list", args=[cast.province.pk]))
    assert NEW not in page.content.decode()
