import datetime

import pytest

from danvan.citizens.models import PetitionField
from danvan.citizens.petitions import services


@pytest.fixture
def land(db):
    return PetitionField.objects.get(name="Đất đai")


@pytest.fixture
def environment(db):
    return PetitionField.objects.get(name="Môi trường")


@pytest.fixture
def record(cast, land):
    """record(**overrides) -> a petition received by ward A from a named citizen."""

    def _record(**overrides):
        values = {
            "actor": cast.ward_officer,
            "received_unit": cast.ward,
            "title": "Đường vào khu phố Đông ngập nước mỗi khi mưa lớn",
            "field": land,
            "received_on": datetime.date.today() - datetime.timedelta(days=3),
            "citizen": {"full_name": "Nguyễn Văn Bình", "phone": "0912345678", "address": "Số 5 ngõ 12"},
        }
        values.update(overrides)
        return services.petition_record(**values)

    return _record
