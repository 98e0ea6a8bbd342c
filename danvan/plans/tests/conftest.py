import pytest

from danvan.lib.plandoc import Block, PlanDocument, Recipient, Section, Signature
from danvan.lib.vndates import parse_window
from danvan.plans import services


@pytest.fixture
def committee(cast):
    """A Ban Dân vận under the cast's province, with a document-symbol abbreviation."""
    from danvan.testing.factories import UnitFactory, kind

    return UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
        kind=kind("mobilization_committee"),
        parent=cast.province,
        abbreviation="BDVTU",
    )


def sample_document() -> PlanDocument:
    return PlanDocument(
        title="triển khai các hoạt động “Tháng Dân vận” năm 2023",
        preamble="Thực hiện Chương trình công tác dân vận năm 2023, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch:",
        sections=[
            Section(
                label="I",
                title="Mục đích, yêu cầu",
                role="purpose",
                blocks=[Block(kind="bullet", label="-", text="Nâng cao nhận thức.")],
            ),
            Section(
                label="II",
                title="Tổ chức thực hiện",
                role="organisation",
                blocks=[
                    Block(
                        kind="item",
                        label="1.",
                        text="Phường An Bình tổ chức tọa đàm.",
                        is_task=True,
                        lead="Phường An Bình",
                        due=parse_window("trước ngày 30/9/2023"),
                    ),
                    Block(
                        kind="item",
                        label="2.",
                        text="Sở Nội vụ báo cáo kết quả.",
                        is_task=True,
                        lead="Sở Nội vụ",
                        partners=["Phường Bắc Hà"],
                        due=parse_window("xong trước ngày 05/11/2023"),
                    ),
                ],
            ),
        ],
        recipients=[
            Recipient(name="Ban Dân vận Trung ương", purpose="report", purpose_text="(b/c)"),
            Recipient(name="BDV", purpose="archive"),
        ],
        signature=Signature(authority_lines=["TRƯỞNG BAN"], signer_name="Phạm Văn Thịnh"),
    )


@pytest.fixture
def draft(cast, committee):
    return services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=sample_document())
