import pytest

from danvan.events import services


@pytest.fixture
def event(cast):
    event = services.event_save(
        actor=cast.province_officer,
        organiser=cast.province,
        title="Hội nghị tọa đàm Tổ Dân vận 2026",
        venue="Hội trường tỉnh",
        time_text="dự kiến trung tuần tháng 12/2099",
        expected_attendance=10,
    )
    return event


@pytest.fixture
def group(cast, event):
    return services.group_save(
        actor=cast.province_officer, event=event, label="Tổ trưởng các Tổ Dân vận", quota=2
    )
