import datetime

import pytest

from danvan.lib.plandoc import Block, PlanDocument, Section
from danvan.lib.vndates import parse_window
from danvan.plans import services
from danvan.plans.selectors import tasks_without_lead


@pytest.fixture
def committee(cast):
    from danvan.testing.factories import UnitFactory, kind

    return UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
        kind=kind("mobilization_committee"),
        parent=cast.province,
        abbreviation="BDVTU",
    )


def superior_document() -> PlanDocument:
    return PlanDocument(
        title="triển khai “Tháng Dân vận” năm 2023",
        preamble="Thực hiện Chương trình công tác dân vận năm 2023, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch:",
        sections=[
            Section(
                label="I",
                title="Mục đích, yêu cầu",
                role="purpose",
                blocks=[Block(text="Nâng cao nhận thức.")],
            ),
            Section(
                label="II",
                title="Tổ chức thực hiện",
                role="organisation",
                blocks=[
                    Block(
                        kind="item",
                        label="1.",
                        text="Phường An Bình tổ chức tọa đàm, xong trước ngày 30/9/2023.",
                        is_task=True,
                        lead="Phường An Bình",
                        due=parse_window("trước ngày 30/9/2023"),
                    ),
                    Block(
                        kind="item",
                        label="2.",
                        text="Sở Nội vụ báo cáo kết quả trước ngày 05/11/2023.",
                        is_task=True,
                        lead="Sở Nội vụ",
                        partners=["Phường Bắc Hà"],
                        due=parse_window("trước ngày 05/11/2023"),
                    ),
                    Block(
                        kind="item",
                        label="3.",
                        text="Ban Dân vận các huyện ủy báo cáo hằng tháng.",
                        is_task=True,
                        lead="Ban Dân vận các huyện ủy",
                        due=parse_window("hằng tháng"),
                    ),
                ],
            ),
        ],
    )


@pytest.fixture
def superior_draft(cast, committee):
    return services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=superior_document())


@pytest.fixture
def superior(cast, committee, superior_draft):
    # "Ban Dân vận các huyện ủy" names a group, not one unit: the committee answers for following it up, as
    # its officer sets before issuing (issuing refuses a task nobody leads).
    for task in tasks_without_lead(superior_draft):
        services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_units=[committee]
        )
    return services.plan_issue(
        plan=superior_draft,
        actor=cast.province_officer,
        issued_on=datetime.date(2023, 9, 4),
        place="Thử Nghiệm",
    )
