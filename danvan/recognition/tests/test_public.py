"""The public showcase (/mo-hinh/): recognised entries only, searchable, and nothing private."""

import base64
import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from danvan.lib import vntext
from danvan.recognition.models import Attachment, Exemplar, Field, ProgressUpdate
from danvan.testing.factories import PersonFactory, UnitFactory, UserFactory, kind

# A 1×1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
LIST_URL = "/mo-hinh/"


def make_entry(unit, title, *, status=Exemplar.Status.RECOGNISED, year=2024, field=None, **extra):
    """An entry; a recognised one also published (the showcase shows only what a manager published)."""
    description = extra.pop("description", "")
    if status in (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED):
        extra.setdefault("published_at", datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    return Exemplar.objects.create(
        unit=unit,
        title=title,
        year=year,
        field=field or Field.objects.first(),
        status=status,
        description=description,
        title_key=vntext.sort_key(title),
        search_text=vntext.fold(f"{title} {description}"),
        **extra,
    )


def add_photo(entry, *, public=True, name="anh.png", kind=Attachment.Kind.PHOTO, caption=""):
    return Attachment.objects.create(
        exemplar=entry,
        kind=kind,
        file=ContentFile(PNG, name=name),
        name=name,
        caption=caption,
        is_public=public,
    )


def page_of(client, url=LIST_URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def other_province(db):
    province = UnitFactory(name="Tỉnh Sông Xa", kind=kind("province"))
    ward = UnitFactory(name="Xã Bến Đò", kind=kind("commune"), parent=province)
    return province, ward


def test_the_showcase_opens_without_a_login(client, cast):
    make_entry(cast.ward, "Dân vận khéo trong xây dựng nông thôn mới")
    page = page_of(client)
    assert "Mô hình, điển hình “Dân vận khéo”" in page
    assert "Dân vận khéo trong xây dựng nông thôn mới" in page
    assert "Đăng xuất" not in page and reverse("org:unit_tree") not in page


def test_the_showcase_shows_only_recognised_and_proposed_entries(client, cast):
    shown = {
        make_entry(cast.ward, "Mô hình được công nhận", status=Exemplar.Status.RECOGNISED),
        make_entry(cast.ward, "Mô hình đề nghị cấp trên", status=Exemplar.Status.PROPOSED),
    }
    hidden = {
        make_entry(cast.ward, "Mô hình mới đăng ký", status=Exemplar.Status.REGISTERED),
        make_entry(cast.ward, "Mô hình đang thẩm định", status=Exemplar.Status.IN_ROUND),
        make_entry(cast.ward, "Mô hình chưa được công nhận", status=Exemplar.Status.NOT_RECOGNISED),
    }
    page = page_of(client)
    for entry in shown:
        assert entry.title in page
        assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 200
    for entry in hidden:
        assert entry.title not in page
        assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 404


def test_searching_with_or_without_diacritics_finds_the_same_entries(client, cast):
    make_entry(cast.ward, "Dân vận khéo trong xây dựng nông thôn mới")
    make_entry(cast.ward, "Chợ an toàn thực phẩm", description="Tiểu thương cùng giữ chợ sạch")
    with_marks = page_of(client, q="Dân vận khéo")
    without_marks = page_of(client, q="dan van kheo")
    shouting = page_of(client, q="DAN VAN KHEO")
    for page in (with_marks, without_marks, shouting):
        assert "Dân vận khéo trong xây dựng nông thôn mới" in page
        assert "Chợ an toàn thực phẩm" not in page
    assert "Chợ an toàn thực phẩm" in page_of(client, q="tieu thuong")


def test_the_showcase_filters_by_field_year_and_locality(client, cast, other_province):
    economy, culture = Field.objects.all()[:2]
    province_b, commune_b = other_province
    make_entry(cast.ward, "Kinh tế tỉnh nhà 2024", field=economy, year=2024)
    make_entry(cast.team, "Văn hóa tỉnh nhà 2025", field=culture, year=2025)
    make_entry(commune_b, "Kinh tế tỉnh bạn 2025", field=economy, year=2025)

    by_field = page_of(client, field=culture.pk)
    assert "Văn hóa tỉnh nhà 2025" in by_field
    assert "Kinh tế tỉnh nhà 2024" not in by_field and "Kinh tế tỉnh bạn 2025" not in by_field

    by_year = page_of(client, year=2025)
    assert "Văn hóa tỉnh nhà 2025" in by_year and "Kinh tế tỉnh bạn 2025" in by_year
    assert "Kinh tế tỉnh nhà 2024" not in by_year

    by_locality = page_of(client, locality=province_b.pk)
    assert "Kinh tế tỉnh bạn 2025" in by_locality
    assert "tỉnh nhà" not in by_locality

    together = page_of(client, locality=cast.province.pk, year=2025, field=culture.pk)
    assert "Văn hóa tỉnh nhà 2025" in together
    assert "Kinh tế" not in together.split('data-testid="result-count"')[1]


def test_the_locality_filter_offers_only_provinces_with_public_entries(client, cast, other_province):
    province_b, commune_b = other_province
    make_entry(cast.ward, "Mô hình tỉnh nhà")
    make_entry(commune_b, "Mô hình chưa duyệt tỉnh bạn", status=Exemplar.Status.REGISTERED)
    page = page_of(client)
    assert f'<option value="{cast.province.pk}"' in page
    assert f'<option value="{province_b.pk}"' not in page


def test_a_card_names_the_unit_and_its_whole_place(client, cast):
    make_entry(cast.team, "Tổ Dân vận tự quản")
    page = page_of(client)
    assert "Tổ Dân vận khu phố Đông — Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in page


def test_filters_that_make_no_sense_are_ignored_not_an_error(client, cast):
    make_entry(cast.ward, "Mô hình bất kỳ")
    page = page_of(client, year="hai nghìn", field="x", locality="999999")
    assert "Mô hình bất kỳ" in page


def test_the_showcase_pages_by_24_cards(client, cast):
    for n in range(30):
        make_entry(cast.ward, f"Mô hình số {n:02d}")
    first = page_of(client)
    second = page_of(client, page=2)
    assert first.count('data-testid="showcase-card"') == 24
    assert second.count('data-testid="showcase-card"') == 6
    assert "30 mô hình, điển hình được công nhận" in first


def test_an_empty_showcase_says_so_in_vietnamese(client, db):
    page = page_of(client)
    assert "Chưa có mô hình, điển hình nào được công nhận." in page
    page = page_of(client, q="khong co gi")
    assert "Không tìm thấy mô hình, điển hình nào phù hợp." in page


def test_the_list_runs_a_bounded_number_of_queries_whatever_the_number_of_entries(
    client, cast, other_province, django_assert_max_num_queries
):
    units = [cast.ward, cast.team, cast.agency, other_province[1]]
    for n in range(40):
        entry = make_entry(units[n % 4], f"Mô hình số {n:02d}", year=2020 + n % 5)
        add_photo(entry)
        add_photo(entry, public=False)
        ProgressUpdate.objects.create(exemplar=entry, on=datetime.date(2024, 5, 1), text="Cập nhật")
    with django_assert_max_num_queries(10):
        page = page_of(client)
    assert page.count('data-testid="showcase-card"') == 24
    with django_assert_max_num_queries(10):
        page_of(client, q="mo hinh", year=2021, locality=cast.province.pk, page=2)


def test_no_private_data_is_shown_on_the_list_or_the_detail(client, cast):
    person = PersonFactory(
        full_name="Trần Thị Lan Anh", unit=cast.ward, phone="0987 654 321", email="lananh@example.vn"
    )
    author = UserFactory(username="tacgia", full_name="Tác Giả Cập Nhật", email="tacgia@example.vn")
    entry = make_entry(
        cast.ward,
        "Người gác cổng dân vận",
        kind=Exemplar.Kind.EXEMPLAR,
        person=person,
        contact_name="Người Liên Hệ Riêng",
        contact_phone="0912 345 678",
        story="Câu chuyện của một người tận tụy.",
    )
    ProgressUpdate.objects.create(
        exemplar=entry, on=datetime.date(2024, 6, 1), text="Đã tổ chức 12 buổi", author=author
    )
    pages = [page_of(client), page_of(client, reverse("showcase:detail", args=[entry.pk]))]
    assert "Người gác cổng dân vận" in pages[0]
    assert "Câu chuyện của một người tận tụy." in pages[1]
    for page in pages:
        for secret in [
            "0987 654 321",
            "0987654321",
            "lananh@example.vn",
            "0912 345 678",
            "0912345678",
            "Người Liên Hệ Riêng",
            "Tác Giả Cập Nhật",
            "tacgia",
            "mailto:",
            "tel:",
        ]:
            assert secret not in page


def test_the_detail_shows_the_story_public_photos_and_dated_updates(client, cast):
    entry = make_entry(
        cast.team,
        "Camera an ninh khu phố",
        description="Người dân góp tiền lắp camera.",
        expected_results="Giảm trộm cắp.",
        story="Từ một vụ mất trộm, cả khu phố cùng bàn.",
        beneficiaries="Hộ dân khu phố Đông",
    )
    public = add_photo(entry, caption="Lắp camera đầu ngõ")
    private = add_photo(entry, public=False, caption="Ảnh nội bộ")
    document = add_photo(entry, kind=Attachment.Kind.DOCUMENT, name="bao-cao.docx")
    ProgressUpdate.objects.create(exemplar=entry, on=datetime.date(2024, 3, 15), text="Lắp 10 camera")
    page = page_of(client, reverse("showcase:detail", args=[entry.pk]))
    for text in [
        "Camera an ninh khu phố",
        "Người dân góp tiền lắp camera.",
        "Giảm trộm cắp.",
        "Từ một vụ mất trộm, cả khu phố cùng bàn.",
        "Hộ dân khu phố Đông",
        "Lắp camera đầu ngõ",
        "15/03/2024",
        "Lắp 10 camera",
        "Tổ Dân vận khu phố Đông",
        "Tỉnh Thử Nghiệm",
    ]:
        assert text in page
    assert reverse("showcase:photo", args=[public.pk]) in page
    assert reverse("showcase:photo", args=[private.pk]) not in page
    assert "Ảnh nội bộ" not in page and "bao-cao.docx" not in page
    assert reverse("showcase:photo", args=[document.pk]) not in page
    assert public.file.name not in page and "/media/" not in page


def test_the_detail_of_a_missing_entry_is_not_found(client, db):
    assert client.get(reverse("showcase:detail", args=[987654])).status_code == 404


def test_a_public_photo_of_a_public_entry_is_streamed(client, cast):
    photo = add_photo(make_entry(cast.ward, "Mô hình có ảnh"))
    response = client.get(reverse("showcase:photo", args=[photo.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG


def test_a_private_photo_is_not_served(client, cast):
    public_entry = make_entry(cast.ward, "Mô hình công khai")
    hidden_entry = make_entry(cast.ward, "Mô hình chưa duyệt", status=Exemplar.Status.REGISTERED)
    refused = [
        add_photo(public_entry, public=False),
        add_photo(hidden_entry, public=True),
        add_photo(public_entry, kind=Attachment.Kind.DOCUMENT, name="ho-so.docx"),
        add_photo(public_entry, name="ve.svg"),
    ]
    for attachment in refused:
        assert client.get(reverse("showcase:photo", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("showcase:photo", args=[987654])).status_code == 404


def test_the_first_public_photo_is_the_card_thumbnail(client, cast):
    entry = make_entry(cast.ward, "Mô hình nhiều ảnh")
    hidden = add_photo(entry, public=False)
    first = add_photo(entry)
    add_photo(entry)
    page = page_of(client)
    # Cards show the small copy, served through the same public check.
    assert f'src="{reverse("files:public_thumbnail", args=["exemplar-attachment", first.pk])}"' in page
    assert reverse("files:public_thumbnail", args=["exemplar-attachment", hidden.pk]) not in page
    assert reverse("showcase:photo", args=[hidden.pk]) not in page
