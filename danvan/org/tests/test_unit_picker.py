"""The unit picker finds past units for past documents and looks units up by short name and abbreviation."""

import datetime

import pytest
from django.urls import reverse

from danvan.testing.factories import UnitFactory, kind


@pytest.fixture
def old_committee(cast):
    """A committee of 2023, dissolved when the provinces merged (valid to 30/6/2025)."""
    party = UnitFactory(
        name="Tỉnh ủy Thử Nghiệm cũ",
        kind=kind("party_committee"),
        parent=cast.province,
        valid_to=datetime.date(2025, 6, 30),
    )
    return UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm cũ",
        short_name="Ban Dân vận Tỉnh ủy",
        kind=kind("mobilization_committee"),
        parent=party,
        abbreviation="BDVTU",
        valid_to=datetime.date(2025, 6, 30),
    )


def lookup(client, **params):
    return client.get(reverse("org:unit_lookup"), params).json()["results"]


def test_todays_lookup_hides_a_dissolved_unit(cast, login, old_committee):
    assert lookup(login(cast.province_officer), q="BDVTU") == []


def test_a_dissolved_unit_is_found_by_abbreviation_for_a_document_of_its_time(cast, login, old_committee):
    found = lookup(login(cast.province_officer), q="BDVTU", on="2023-09-15")
    assert [r["id"] for r in found] == [old_committee.pk]
    assert found[0]["note"] == "(đã giải thể/hết hiệu lực từ 01/07/2025)"


def test_asking_for_past_units_finds_them_by_short_name_marked(cast, login, old_committee):
    found = lookup(login(cast.province_officer), q="ban dan van tinh uy", past="1")
    assert found[0]["id"] == old_committee.pk and "hết hiệu lực" in found[0]["note"]
    assert lookup(login(cast.province_officer), q="so noi vu", past="1")[0]["note"] == ""


def test_a_bad_date_falls_back_to_todays_units(cast, login, old_committee):
    assert lookup(login(cast.province_officer), q="BDVTU", on="2023-02-31") == []


def test_the_import_picker_asks_for_past_units_and_accepts_a_dissolved_issuer(cast, login, old_committee):
    from danvan.plans.models import Plan

    client = login(cast.province_officer)
    page = client.get(reverse("plans:plan_import")).content.decode()
    assert 'data-lookup-past="1"' in page
    text = "KẾ HOẠCH\ntập huấn năm 2023\n\nI. NỘI DUNG\n1. Phường An Bình tổ chức tập huấn.\n"
    client.post(reverse("plans:plan_import"), {"issuing_unit": old_committee.pk, "text": text})
    assert Plan.objects.get().issuing_unit == old_committee
