"""The showcase shows a recognised entry only once a manager publishes it, with its full place (issue 13)."""

from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.recognition.models import Exemplar
from danvan.recognition.registry import services
from danvan.recognition.registry.selectors import place_names

from .appraisal.rounds import make_exemplar


def test_recognition_alone_does_not_publish(cast, client, login):
    entry = make_exemplar(cast.team, "Tổ tự quản kiểu mẫu", status=Exemplar.Status.RECOGNISED)
    assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 404
    assert "Tổ tự quản kiểu mẫu" not in client.get(reverse("showcase:list")).content.decode()
    officer = login(cast.ward_officer)
    page = officer.get(entry.get_absolute_url()).content.decode()
    assert "Chưa đăng công khai" in page and "Đăng lên trang công khai" in page
    assert officer.post(reverse("recognition:exemplar_publish", args=[entry.pk])).status_code == 302
    entry.refresh_from_db()
    assert entry.published_at and entry.published_by == cast.ward_officer
    public = client.get(reverse("showcase:detail", args=[entry.pk])).content.decode()
    assert "Tổ Dân vận khu phố Đông — Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in public
    listing = client.get(reverse("showcase:list")).content.decode()
    assert "Tổ tự quản kiểu mẫu" in listing and "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in listing
    officer.post(reverse("recognition:exemplar_publish", args=[entry.pk]), {"publish": "0"})
    assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 404


def test_only_recognised_entries_are_published_and_only_by_a_manager(cast, login):
    registered = make_exemplar(cast.area, "Mới đăng ký")
    try:
        services.exemplar_publish(actor=cast.ward_officer, exemplar=registered)
    except ServiceError as error:
        assert "đã được công nhận" in error.message
    else:
        raise AssertionError("a registered entry was published")
    recognised = make_exemplar(cast.area, "Đã công nhận", status=Exemplar.Status.RECOGNISED)
    response = login(cast.team_leader).post(reverse("recognition:exemplar_publish", args=[recognised.pk]))
    assert response.status_code in (403, 404)
    recognised.refresh_from_db()
    assert recognised.published_at is None


def test_the_place_reads_every_level_up_to_the_province(cast):
    names = place_names([cast.area, cast.ward, cast.province])
    assert names[cast.area.pk] == "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm"
    assert names[cast.ward.pk] == "Phường An Bình — Tỉnh Thử Nghiệm"
    assert names[cast.province.pk] == "Tỉnh Thử Nghiệm"
