import unicodedata

import pytest
from django.core.exceptions import PermissionDenied

from danvan.core.errors import ServiceError, StaleEdit
from danvan.core.models import AuditEvent
from danvan.org import services
from danvan.org.models import Person, Unit
from danvan.testing.factories import kind


def test_a_created_unit_gets_a_path_under_its_parent_and_an_audit_event(cast):
    unit = services.unit_create(
        actor=cast.ward_officer, name="Khu phố Tây", kind=kind("residential_area"), parent=cast.ward
    )
    unit.refresh_from_db()
    assert unit.path.startswith(cast.ward.path) and len(unit.path) == len(cast.ward.path) + 6
    assert unit.depth == cast.ward.depth + 1
    assert AuditEvent.objects.filter(verb="create", object_id=str(unit.pk)).exists()


def test_names_typed_in_decomposed_unicode_are_stored_composed(cast):
    decomposed = unicodedata.normalize("NFD", "Khu phố Hòa Bình")
    unit = services.unit_create(
        actor=cast.ward_officer, name=decomposed, kind=kind("residential_area"), parent=cast.ward
    )
    assert unit.name == unicodedata.normalize("NFC", "Khu phố Hòa Bình")
    assert "hoa binh" in unit.search_text


def test_a_unit_cannot_be_moved_under_its_own_child(cast):
    with pytest.raises(ServiceError) as error:
        services.unit_update(
            unit=cast.ward, actor=cast.province_officer, expected_version=cast.ward.version, parent=cast.area
        )
    assert "cấp dưới" in error.value.message
    cast.ward.refresh_from_db()
    assert cast.ward.parent_id == cast.province.pk


def test_moving_a_unit_moves_its_whole_subtree(cast):
    services.unit_update(
        unit=cast.area,
        actor=cast.province_officer,
        expected_version=cast.area.version,
        parent=cast.other_ward,
    )
    cast.team.refresh_from_db()
    cast.area.refresh_from_db()
    assert cast.area.path.startswith(cast.other_ward.path)
    assert cast.team.path.startswith(cast.area.path)
    assert cast.team.depth == cast.area.depth + 1


def test_a_stale_edit_is_refused_and_the_newer_value_kept(cast):
    read_version = cast.ward.version
    services.unit_update(
        unit=Unit.objects.get(pk=cast.ward.pk),
        actor=cast.ward_officer,
        expected_version=read_version,
        short_name="An Bình",
    )
    with pytest.raises(StaleEdit):
        services.unit_update(
            unit=Unit.objects.get(pk=cast.ward.pk),
            actor=cast.ward_officer,
            expected_version=read_version,
            short_name="Tên cũ",
        )
    assert Unit.objects.get(pk=cast.ward.pk).short_name == "An Bình"


def test_an_officer_cannot_create_units_outside_their_subtree(cast):
    with pytest.raises((ServiceError, PermissionDenied)):
        services.unit_create(
            actor=cast.ward_officer, name="Khu phố lạ", kind=kind("residential_area"), parent=cast.other_ward
        )
    assert not Unit.objects.filter(name="Khu phố lạ").exists()


def test_only_a_system_administrator_creates_top_level_units(cast):
    with pytest.raises(ServiceError):
        services.unit_create(actor=cast.province_officer, name="Tỉnh mới", kind=kind("province"))
    unit = services.unit_create(actor=cast.admin, name="Tỉnh mới", kind=kind("province"))
    assert unit.parent is None and unit.depth == 0


def test_duplicate_unit_codes_are_refused_with_the_code_named(cast):
    services.unit_create(
        actor=cast.ward_officer, name="Khu A", kind=kind("residential_area"), parent=cast.ward, code="KP-A"
    )
    with pytest.raises(ServiceError) as error:
        services.unit_create(
            actor=cast.ward_officer,
            name="Khu B",
            kind=kind("residential_area"),
            parent=cast.ward,
            code="KP-A",
        )
    assert "KP-A" in error.value.message


def test_a_unit_with_children_or_people_cannot_be_deleted(cast):
    with pytest.raises(ServiceError):
        services.unit_delete(unit=cast.area, actor=cast.ward_officer)
    with pytest.raises(ServiceError):
        services.unit_delete(unit=cast.bloc, actor=cast.ward_officer)


def test_validity_dates_must_be_in_order(cast):
    import datetime

    with pytest.raises(ServiceError):
        services.unit_create(
            actor=cast.ward_officer,
            name="Khu C",
            kind=kind("residential_area"),
            parent=cast.ward,
            valid_from=datetime.date(2025, 7, 1),
            valid_to=datetime.date(2023, 1, 1),
        )


def test_a_person_is_recorded_with_a_sort_key_and_history(cast):
    person = services.person_create(actor=cast.ward_officer, full_name="  Nguyễn   Văn  An ", unit=cast.bloc)
    assert person.full_name == "Nguyễn Văn An"
    services.person_update(
        person=person, actor=cast.ward_officer, expected_version=person.version, title="Phó Khối"
    )
    assert person.history.count() == 2
    assert AuditEvent.objects.filter(verb="update", object_id=str(person.pk)).get().changes == {
        "title": ["", "Phó Khối"]
    }


def test_people_sort_by_given_name_in_the_vietnamese_alphabet(cast):
    for name in ["Trần Thị Bình", "Lê Văn An", "Nguyễn Văn Anh", "Đỗ Thị Ân", "Phạm Ánh"]:
        services.person_create(actor=cast.ward_officer, full_name=name, unit=cast.area)
    names = list(Person.objects.filter(unit=cast.area).values_list("full_name", flat=True))
    assert names == ["Lê Văn An", "Nguyễn Văn Anh", "Phạm Ánh", "Đỗ Thị Ân", "Trần Thị Bình"]


def test_a_person_cannot_be_added_to_a_unit_outside_the_actors_scope(cast):
    with pytest.raises((ServiceError, PermissionDenied)):
        services.person_create(actor=cast.ward_officer, full_name="Người ngoài", unit=cast.other_ward)
